#!/bin/sh
# Sets everything up, builds, and runs qracoon: the tray applet when a display is available, otherwise
# a racoonctl tour. It talks to racoon when racoon's socket exists (or the one given as $1), and
# otherwise starts racoonsim with its demo gateways so that everything can be tried right away.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/build.sh" dev
bin="$top/build/dev"
racoonctl="$bin/src/cli/racoonctl"

socket="${1:-}"
if [ -z "$socket" ]; then
    for p in /var/racoon/racoon.sock /var/run/racoon.sock /var/run/racoon/racoon.sock /run/racoon/racoon.sock; do
        if [ -S "$p" ]; then socket=$p; break; fi
    done
fi

simulated=no
if [ -z "$socket" ]; then
    work=$(mktemp -d)
    socket="$work/racoon.sock"
    "$bin/tools/racoonsim/racoonsim" --socket "$socket" 2>"$work/racoonsim.log" &
    sim=$!
    trap 'kill "$sim" 2>/dev/null; wait "$sim" 2>/dev/null; rm -rf "$work"' EXIT INT TERM
    i=0
    while [ ! -S "$socket" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
    simulated=yes
    echo "racoon is not running here: using racoonsim with its demo gateways (log: $work/racoonsim.log)"
fi
echo "racoon admin socket: $socket"

applet="$bin/src/applet/qracoon"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$applet" ]; then
    "$applet" --socket "$socket"
    exit $?
fi

step() {
    printf '\n$ racoonctl %s\n' "$*"
    "$racoonctl" -s "$socket" "$@" || true
}
step status
step show-sa
if [ "$simulated" = yes ]; then
    printf '\n$ printf %s | racoonctl vc -u labuser 192.0.2.1\n' "'labpass\\n'"
    printf 'labpass\n' | "$racoonctl" -s "$socket" vc -u labuser 192.0.2.1 || true
    step -l show-sa isakmp
    step show-sa esp
    step status -v
    step vd 192.0.2.1
fi
