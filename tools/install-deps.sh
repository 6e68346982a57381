#!/bin/sh
# Installs the Debian 12 packages qracoon builds, runs and tests with. Idempotent: when everything is
# already installed it touches neither the network nor dpkg.
set -eu

# clang, libclang-rt-14-dev (libFuzzer) and llvm (llvm-symbolizer) for tools/fuzz.sh.
# libqt6svg6 draws the applet's SVG icons; xvfb, xauth, trayer, x11-utils, x11-apps, imagemagick and
# xdotool run tests/e2e (a virtual display with a tray, screenshots, clicks).
# dpkg-dev (dpkg-shlibdeps), file, desktop-file-utils, appstream, libxml2-utils and bash-completion build
# and check the .deb and the racoonctl completion in tests/packaging. time (/usr/bin/time) measures peak
# memory in bench/run.sh.
PACKAGES="cmake g++ ninja-build clang-format python3 python3-jsonschema \
qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev libqt6svg6 dbus polkitd \
qtkeychain-qt6-dev gnome-keyring libsecret-1-0 \
clang libclang-rt-14-dev llvm \
xvfb xauth trayer x11-utils x11-apps imagemagick xdotool \
dpkg-dev file desktop-file-utils appstream libxml2-utils bash-completion time"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "install-deps: missing packages:$missing (run as root, or install them with apt-get)" >&2
        exit 1
    fi
    echo "install-deps: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update -q
    # shellcheck disable=SC2086
    apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends $missing
fi
