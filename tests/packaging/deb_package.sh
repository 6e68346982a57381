#!/bin/bash
# The Debian package end to end: builds it with `cpack -G DEB`, checks its control fields and that it
# holds exactly the expected files, installs it with dpkg on this machine, checks the installed files
# (desktop entries, AppStream, icons, completion, helper files) and runs the installed racoonctl,
# qracoon (offscreen) and qracoon-helper with --version, then purges it and checks nothing is left.
#
# usage: deb_package.sh SOURCE_DIR PACKAGE_BUILD_DIR BUILD_TYPE VERSION WORK_DIR
# PACKAGE_BUILD_DIR is a build configured for /usr to package; when it is empty, a /usr build of type
# BUILD_TYPE is configured and built in WORK_DIR/build (QRACOON_PACKAGE_TEST_JOBS sets its parallel
# jobs). Needs root. Fails, naming what is missing, rather than skipping.
set -u

SRC=$1
PKGBUILD=$2
BUILD_TYPE=${3:-Debug}
VERSION=$4
WORK=$5
LOCK=/run/lock/qracoon-helper-polkit-test.lock
# Set while this test has the package installed, so that a run killed in between is cleaned up by the
# next one instead of being mistaken for a real installation.
MARKER=/var/tmp/qracoon-deb-package-test.installed

fatal() {
    echo "FATAL: $*" >&2
    exit 1
}
failures=0
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@" >"$WORK/check.out" 2>&1; then
        echo "ok: $what"
    else
        failures=$((failures + 1))
        echo "FAIL: $what"
        sed 's/^/    /' "$WORK/check.out"
    fi
}

[ "$(id -u)" = 0 ] || fatal "must run as root: it installs and purges the package with dpkg"
need() { command -v "$1" >/dev/null 2>&1 || fatal "missing $1 (Debian package $2)"; }
need cmake cmake
need cpack cmake
need ninja ninja-build
need dpkg dpkg
need dpkg-deb dpkg
need dpkg-query dpkg
need dpkg-shlibdeps dpkg-dev
need file file
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need xmllint libxml2-utils
need flock util-linux
[ -r /usr/share/bash-completion/bash_completion ] ||
    fatal "missing /usr/share/bash-completion/bash_completion (Debian package bash-completion)"

mkdir -p "$WORK"
rm -rf "$WORK/out" "$WORK/check.out"

# ---- the build the package comes from ----
if [ -z "$PKGBUILD" ]; then
    PKGBUILD=$WORK/build
    echo "== configuring and building a /usr build in $PKGBUILD"
    cmake -S "$SRC" -B "$PKGBUILD" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DCMAKE_INSTALL_PREFIX=/usr \
        -DQRACOON_BUILD_TESTS=OFF >"$WORK/configure.log" 2>&1 ||
        { tail -30 "$WORK/configure.log"; fatal "configuring $PKGBUILD failed"; }
fi
cmake --build "$PKGBUILD" -j "${QRACOON_PACKAGE_TEST_JOBS:-$(nproc)}" >"$WORK/build.log" 2>&1 ||
    { tail -40 "$WORK/build.log"; fatal "building $PKGBUILD failed"; }

# ---- build the package ----
(cd "$PKGBUILD" && cpack -G DEB -B "$WORK/out") >"$WORK/cpack.log" 2>&1 ||
    { cat "$WORK/cpack.log"; fatal "cpack -G DEB failed"; }
DEB=$WORK/out/qracoon_${VERSION}_$(dpkg --print-architecture).deb
[ -f "$DEB" ] || { ls -l "$WORK/out"; fatal "cpack made no $DEB"; }
echo "== built $DEB"
dpkg-deb -I "$DEB"

# ---- control fields and maintainer scripts ----
field() { dpkg-deb -f "$DEB" "$1"; }
check "Package is qracoon" test "$(field Package)" = qracoon
check "Version is $VERSION" test "$(field Version)" = "$VERSION"
check "Section is net" test "$(field Section)" = net
check "Maintainer is set" test -n "$(field Maintainer)"
check "the long description does not repeat the synopsis" \
    test "$(field Description | sed -n 2p | sed 's/^ *//')" != "$(field Description | sed -n 1p)"
# The package names in Depends, one a line, without versions.
depends=$(field Depends | sed 's/[,|]/\n/g' | sed 's/^ *//; s/ .*//')
for dep in libc6 libstdc++6 libqt6core6 libqt6network6 libqt6gui6 libqt6widgets6 libqt6dbus6 libqt6svg6 dbus \
    polkitd; do
    check "Depends names $dep" grep -qxF "$dep" <<<"$depends"
done
# What the package depends on is there to satisfy (otherwise dpkg -i below fails for another reason).
mkdir -p "$WORK/control"
dpkg-deb -e "$DEB" "$WORK/control"
for script in postinst prerm postrm; do
    check "$script is an executable shell script" test -x "$WORK/control/$script"
    check "$script passes sh -n" sh -n "$WORK/control/$script"
done
check "conffiles lists the autostart entry and the helper's configuration" \
    diff <(sort "$WORK/control/conffiles") \
    <(printf '%s\n' /etc/qracoon/helper.conf /etc/xdg/autostart/qracoon-autostart.desktop)

# ---- contents: exactly the expected files ----
EXPECTED=(
    /usr/bin/qracoon
    /usr/sbin/racoonctl
    /usr/libexec/qracoon-helper
    /usr/share/polkit-1/actions/org.qracoon.policy
    /usr/share/dbus-1/system.d/org.qracoon.Helper1.conf
    /usr/share/dbus-1/system-services/org.qracoon.Helper1.service
    /usr/lib/systemd/system/qracoon-helper.service
    /etc/qracoon/helper.conf
    /usr/share/applications/org.qracoon.qracoon.desktop
    /etc/xdg/autostart/qracoon-autostart.desktop
    /usr/share/metainfo/org.qracoon.qracoon.metainfo.xml
    /usr/share/icons/hicolor/scalable/apps/org.qracoon.qracoon.svg
    /usr/share/man/man1/qracoon.1
    /usr/share/man/man8/racoonctl.8
    /usr/share/bash-completion/completions/racoonctl
)
for size in 16 22 24 32 48 64 128 256; do
    EXPECTED+=("/usr/share/icons/hicolor/${size}x$size/apps/org.qracoon.qracoon.png")
done
for state in absent disconnected connecting connected error; do
    EXPECTED+=("/usr/share/icons/hicolor/symbolic/apps/qracoon-$state-symbolic.svg")
done
# Translations: the applet embeds its .qm files (checked after installing: it must speak German).
mapfile -t TS_FILES < <(find "$SRC" -path "$SRC/build*" -prune -o -name '*.ts' -print)

dpkg-deb -c "$DEB" >"$WORK/contents.txt"
# Files and symbolic links (not directories), as absolute paths.
awk '$1 !~ /^d/ { p = $6; sub(/^\./, "", p); print p }' "$WORK/contents.txt" | sort >"$WORK/files.txt"
printf '%s\n' "${EXPECTED[@]}" | sort >"$WORK/expected.txt"
check "the package holds every expected file" \
    bash -c "comm -13 '$WORK/files.txt' '$WORK/expected.txt' | sed 's/^/missing: /' | grep . && exit 1 || exit 0"
check "the package holds no other file (translations aside)" \
    bash -c "comm -23 '$WORK/files.txt' '$WORK/expected.txt' | grep -v '\.qm$' | sed 's/^/unexpected: /' | grep . && exit 1 || exit 0"
check "everything installs under /usr or /etc" bash -c "grep -Ev '^/(usr|etc)/' '$WORK/files.txt' && exit 1 || exit 0"
check "the programs are executable and owned by root" bash -c "
    grep -E '\./usr/(bin/qracoon|sbin/racoonctl|libexec/qracoon-helper)\$' '$WORK/contents.txt' |
    awk '\$1 != \"-rwxr-xr-x\" || \$2 != \"root/root\" { print; bad = 1 } END { exit bad }'"
check "the helper's configuration is root's and not writable by others" bash -c "
    grep -E '\./etc/qracoon/helper.conf\$' '$WORK/contents.txt' |
    awk '\$1 != \"-rw-r--r--\" || \$2 != \"root/root\" { print; bad = 1 } END { exit bad }'"

# ---- install ----
# dpkg refuses to run while apt or another dpkg holds its lock (an unattended upgrade, another
# developer's install): wait for it instead of failing.
dpkg_waiting() {
    local tries=0 err="$WORK/dpkg-lock.err"
    while :; do
        if dpkg "$@" 2>"$err"; then
            return 0
        fi
        if grep -q "lock" "$err" && [ "$tries" -lt 600 ]; then
            tries=$((tries + 1))
            sleep 1
            continue
        fi
        cat "$err" >&2
        return 1
    done
}
mkdir -p "$(dirname "$LOCK")"
exec 9>"$LOCK"
flock -w 900 9 || fatal "another test holds $LOCK (it installs the same system-wide files)"

if dpkg-query -W -f='${Status}' qracoon 2>/dev/null | grep -q 'installed'; then
    if [ -f "$MARKER" ]; then
        echo "== purging the qracoon an interrupted run of this test left installed"
        dpkg_waiting --purge qracoon >/dev/null || fatal "cannot purge the qracoon an earlier run left"
    else
        fatal "qracoon is installed on this machine, and not by this test: it installs and purges its own build" \
            "of the package, so remove it first (dpkg --purge qracoon)"
    fi
fi
rm -f "$MARKER"
for path in "${EXPECTED[@]}"; do
    [ -e "$path" ] && fatal "$path exists before the package is installed (left by a manual install?); remove it"
done

installed=0
purge() {
    if [ "$installed" = 1 ]; then
        dpkg_waiting --purge qracoon >"$WORK/purge.log" 2>&1
        local status=$?
        installed=0
        [ "$status" = 0 ] && rm -f "$MARKER"
        return $status
    fi
}
trap purge EXIT

touch "$MARKER"
installed=1
if ! dpkg_waiting -i "$DEB" >"$WORK/install.log" 2>&1; then
    cat "$WORK/install.log"
    fatal "dpkg -i failed (are the dependencies installed? tools/install-deps.sh installs them)"
fi
echo "== installed"
check "dpkg reports qracoon $VERSION installed" \
    test "$(dpkg-query -W -f='${Status} ${Version}' qracoon)" = "install ok installed $VERSION"
check "dpkg -L lists the expected files" \
    bash -c "for f in \$(cat '$WORK/expected.txt'); do dpkg -L qracoon | grep -qx \"\$f\" || { echo \"not listed: \$f\"; exit 1; }; done"
for path in "${EXPECTED[@]}"; do
    [ -e "$path" ] || { failures=$((failures + 1)) && echo "FAIL: $path is not installed"; }
done

# ---- the installed programs ----
check "racoonctl --version" test "$(/usr/sbin/racoonctl --version)" = "racoonctl (qracoon) $VERSION"
check "qracoon --version (offscreen)" \
    test "$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen /usr/bin/qracoon --version 2>/dev/null)" = \
    "qracoon $VERSION"
check "qracoon-helper --version" test "$(/usr/libexec/qracoon-helper --version)" = "qracoon-helper $VERSION"
check "qracoon --help names the options qracoon(1) documents" \
    bash -c "QT_QPA_PLATFORM=offscreen /usr/bin/qracoon --help 2>/dev/null >'$WORK/help.txt' &&
             for o in --socket --show --backend --version; do grep -q -- \"\$o\" '$WORK/help.txt' || exit 1; done"
if [ "${#TS_FILES[@]}" -gt 0 ]; then
    check "qracoon speaks German under a German locale (its translation is embedded)" \
        bash -c "env -u LANGUAGE LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 QT_QPA_PLATFORM=offscreen /usr/bin/qracoon --help \
                     2>/dev/null >'$WORK/help-de.txt' && ! cmp -s '$WORK/help.txt' '$WORK/help-de.txt'"
fi

# ---- desktop integration ----
check "desktop-file-validate the menu entry" \
    desktop-file-validate /usr/share/applications/org.qracoon.qracoon.desktop
check "desktop-file-validate the autostart entry" \
    desktop-file-validate /etc/xdg/autostart/qracoon-autostart.desktop
check "appstreamcli validate --no-net the metainfo" \
    appstreamcli validate --no-net /usr/share/metainfo/org.qracoon.qracoon.metainfo.xml
check "the metainfo's newest release is $VERSION" test "$(xmllint --xpath \
    'string(/component/releases/release[1]/@version)' /usr/share/metainfo/org.qracoon.qracoon.metainfo.xml)" = \
    "$VERSION"
check "the metainfo launches the installed desktop file" test -f "/usr/share/applications/$(xmllint --xpath \
    'string(/component/launchable[@type="desktop-id"])' /usr/share/metainfo/org.qracoon.qracoon.metainfo.xml)"
for entry in /usr/share/applications/org.qracoon.qracoon.desktop /etc/xdg/autostart/qracoon-autostart.desktop; do
    check "$entry runs the installed qracoon" \
        bash -c "grep -qE '^Exec=qracoon( |\$)' '$entry' && test -x /usr/bin/qracoon"
    check "$entry's icon is in hicolor" \
        test -f "/usr/share/icons/hicolor/scalable/apps/$(sed -n 's/^Icon=//p' "$entry").svg"
    check "$entry does not hide itself" bash -c "! grep -q '^Hidden=' '$entry'"
done
check "the autostart entry is enabled" grep -qx 'X-GNOME-Autostart-enabled=true' \
    /etc/xdg/autostart/qracoon-autostart.desktop
check "the icons are well-formed SVG" xmllint --noout /usr/share/icons/hicolor/scalable/apps/org.qracoon.qracoon.svg \
    /usr/share/icons/hicolor/symbolic/apps/qracoon-*-symbolic.svg
# shellcheck disable=SC2016 # expanded by the inner shell
check "the PNG icons have their sizes" bash -c '
    for size in 16 22 24 32 48 64 128 256; do
        file -b /usr/share/icons/hicolor/${size}x$size/apps/org.qracoon.qracoon.png | grep -q "PNG image data, $size x $size" ||
            { echo "${size}x$size is not a $size pixel PNG"; exit 1; }
    done'
check "bash-completion loads the racoonctl completion" bash -c '
    . /usr/share/bash-completion/bash_completion
    __load_completion racoonctl && complete -p racoonctl | grep -q "_racoonctl racoonctl"'

# ---- the helper's files, where the system bus, systemd and polkit look ----
check "the D-Bus activation file starts the installed helper" \
    grep -qx 'Exec=/usr/libexec/qracoon-helper' /usr/share/dbus-1/system-services/org.qracoon.Helper1.service
check "the systemd unit starts the installed helper" \
    grep -qx 'ExecStart=/usr/libexec/qracoon-helper' /usr/lib/systemd/system/qracoon-helper.service
check "the D-Bus activation file names the unit" \
    grep -qx 'SystemdService=qracoon-helper.service' /usr/share/dbus-1/system-services/org.qracoon.Helper1.service
check "the D-Bus policy and the polkit actions are well-formed XML" \
    xmllint --noout /usr/share/dbus-1/system.d/org.qracoon.Helper1.conf /usr/share/polkit-1/actions/org.qracoon.policy
check "the helper reads the installed configuration" bash -c \
    "/usr/libexec/qracoon-helper --help | grep -q /etc/qracoon/helper.conf"

# ---- purge: nothing is left ----
trap - EXIT
purge || { cat "$WORK/purge.log"; fatal "dpkg --purge qracoon failed"; }
echo "== purged"
check "dpkg no longer knows qracoon" bash -c "! dpkg-query -W -f='\${Status}' qracoon 2>/dev/null | grep -q installed"
check "no installed file is left" bash -c "for f in \$(cat '$WORK/expected.txt'); do [ ! -e \"\$f\" ] || { echo \"left: \$f\"; exit 1; }; done"
check "/etc/qracoon is gone" test ! -e /etc/qracoon

echo "deb_package: $((${#EXPECTED[@]})) expected files; $failures failed checks"
[ "$failures" = 0 ]
