#!/bin/bash
# Runs a test against a real Secret Service: gnome-keyring-daemon on a private session bus, its login
# keyring created and unlocked with a test password, in a throw-away HOME. Fails (never skips) when a
# package is missing. Usage: keychain_session.sh TEST-BINARY [ARGS...]
set -u

fail() { echo "keychain_session: FAIL: $*" >&2; exit 1; }

command -v dbus-daemon >/dev/null || fail "dbus-daemon missing: install the package dbus-daemon (or dbus)"
command -v gnome-keyring-daemon >/dev/null || fail "gnome-keyring-daemon missing: install the package gnome-keyring"
command -v dbus-send >/dev/null || fail "dbus-send missing: install the package dbus-bin"
ldconfig -p | grep -q 'libsecret-1\.so\.0' || fail "libsecret-1.so.0 missing: install the package libsecret-1-0"

WORK=$(mktemp -d /tmp/qracoon-keychain.XXXXXX)
BUS_PID=""
KEYRING_PID=""
cleanup() {
    [ -n "$KEYRING_PID" ] && kill "$KEYRING_PID" 2>/dev/null
    [ -n "$BUS_PID" ] && kill "$BUS_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

export HOME=$WORK/home XDG_RUNTIME_DIR=$WORK/runtime XDG_DATA_HOME=$WORK/home/.local/share \
    XDG_CONFIG_HOME=$WORK/home/.config XDG_CURRENT_DESKTOP=GNOME
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

dbus-daemon --session --fork --nopidfile --print-address=3 --print-pid=4 3>"$WORK/bus.address" 4>"$WORK/bus.pid" \
    || fail "could not start a session bus"
BUS_PID=$(cat "$WORK/bus.pid")
DBUS_SESSION_BUS_ADDRESS=$(head -1 "$WORK/bus.address")
export DBUS_SESSION_BUS_ADDRESS

printf '%s' qracoon-test-password | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$WORK/keyring.log" 2>&1 &
KEYRING_PID=$!
for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
        break
    fi
    sleep 0.05
done
dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' \
    || { cat "$WORK/keyring.log" >&2; fail "gnome-keyring-daemon did not register org.freedesktop.secrets"; }

export QRACOON_KEYCHAIN_HOME=$HOME
"$@"
