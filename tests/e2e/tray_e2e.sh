#!/bin/bash
# End-to-end test of the qracoon tray applet on a virtual X display: Xvfb, trayer as the XEmbed tray
# host, racoonsim as racoon. It clicks the tray icon and types into the menu and the Xauth dialog with
# xdotool (real X input events, no test hooks drive the applet), and follows what the applet shows
# through its state trace (QRACOON_STATE_LOG, see src/applet/StateTrace.h) plus PNG screenshots.
#
# usage: tray_e2e.sh QRACOON RACOONSIM RACOONCTL SCREENSHOT_DIR
# QRACOON_E2E_KEEP=1 keeps the state trace and logs.
# Needs the Debian packages xvfb trayer xdotool x11-utils x11-apps imagemagick; a missing one fails the
# test with its name (nothing is skipped).
set -u

QRACOON=$1
RACOONSIM=$2
RACOONCTL=$3
SHOTS=$4

LAB=192.0.2.1
SCREEN_W=1280
SCREEN_H=800
WORK=$(mktemp -d /tmp/qracoon-e2e.XXXXXX)
STATE=$WORK/state.log
SOCKET=$WORK/racoon.sock
PIDS=()

log() { echo "e2e: $*"; }

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null
    done
    if [ -n "${QRACOON_E2E_KEEP:-}" ]; then
        echo "e2e: logs kept in $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

fail() {
    echo "e2e: FAIL: $*" >&2
    for f in state.log applet.log racoonsim.log trayer.log; do
        if [ -s "$WORK/$f" ]; then
            echo "---- $f (last lines)" >&2
            tail -n 40 "$WORK/$f" >&2
        fi
    done
    exit 1
}

need() {
    command -v "$1" >/dev/null 2>&1 || fail "'$1' is missing: install the Debian package '$2' (apt-get install $2)"
}

need Xvfb xvfb
need trayer trayer
need xdotool xdotool
need xwininfo x11-utils
need xwd x11-apps
need convert imagemagick
for binary in "$QRACOON" "$RACOONSIM" "$RACOONCTL"; do
    [ -x "$binary" ] || fail "$binary is not built"
done
mkdir -p "$SHOTS" || fail "cannot create $SHOTS"
rm -f "$SHOTS"/*.png

now_ms() { date +%s%3N; }

# Lines of the state trace written after line $1 that match $2 (an extended regex).
trace_since() {
    tail -n +"$(($1 + 1))" "$STATE" 2>/dev/null | grep -E -- "$2"
}
trace_mark() {
    wc -l <"$STATE" 2>/dev/null || echo 0
}
# Waits up to $3 milliseconds for a line matching $2 after mark $1.
wait_for() {
    local deadline=$(($(now_ms) + $3))
    while [ "$(now_ms)" -lt "$deadline" ]; do
        trace_since "$1" "$2" >/dev/null && return 0
        sleep 0.05
    done
    fail "no \"$2\" within $3 ms"
}

shot_root() { xwd -root -silent | convert xwd:- "$@" || fail "screenshot $* failed"; }
shot_window() { xwd -id "$1" -silent | convert xwd:- "$2" || fail "screenshot $2 failed"; }

# --- the virtual desktop, without a session bus so Qt uses XEmbed rather than StatusNotifierItem
unset DBUS_SESSION_BUS_ADDRESS SESSION_MANAGER
export XDG_CONFIG_HOME=$WORK/config XDG_RUNTIME_DIR=$WORK/runtime QT_QPA_PLATFORM=xcb QT_QPA_PLATFORMTHEME=generic
mkdir -p "$XDG_CONFIG_HOME/qracoon" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

exec 5>"$WORK/display"
# -noreset: otherwise the server resets when its last client leaves, and a probe that connects and leaves
# before trayer has connected would take trayer's display away.
Xvfb -displayfd 5 -screen 0 ${SCREEN_W}x${SCREEN_H}x24 -nolisten tcp -noreset >"$WORK/xvfb.log" 2>&1 &
PIDS+=($!)
exec 5>&-
for _ in $(seq 100); do
    [ -s "$WORK/display" ] && break
    sleep 0.05
done
[ -s "$WORK/display" ] || fail "Xvfb did not start: $(cat "$WORK/xvfb.log")"
export DISPLAY=:$(head -n1 "$WORK/display")
log "display $DISPLAY"

trayer --edge top --align right --widthtype pixel --width 200 --height 32 --transparent false \
    --SetDockType true >"$WORK/trayer.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do
    xwininfo -name panel >/dev/null 2>&1 && break
    sleep 0.05
done
xwininfo -name panel >/dev/null 2>&1 || fail "trayer's panel did not appear"

start_racoonsim() {
    "$RACOONSIM" --socket "$SOCKET" >>"$WORK/racoonsim.log" 2>&1 &
    SIM=$!
    PIDS+=("$SIM")
    for _ in $(seq 100); do
        [ -S "$SOCKET" ] && return 0
        sleep 0.05
    done
    fail "racoonsim did not create $SOCKET"
}
start_racoonsim

cat >"$XDG_CONFIG_HOME/qracoon/qracoon.conf" <<CONF
[gateways]
1\\name=Lab gateway
1\\address=$LAB
1\\remote=lab-gateway
1\\xauth=true
1\\user=labuser
2\\name=Branch office
2\\address=198.51.100.1
2\\remote=branch-office
3\\name=Silent gateway
3\\address=203.0.113.1
size=3
CONF

QRACOON_STATE_LOG=$STATE "$QRACOON" --socket "$SOCKET" >"$WORK/applet.log" 2>&1 &
APPLET=$!
PIDS+=("$APPLET")
wait_for 0 "tray (un)?available" 5000
trace_since 0 "tray available" >/dev/null || fail "Qt found no system tray although trayer runs"
wait_for 0 "daemon running" 5000
wait_for 0 "subscribed" 5000

# Where trayer embedded the icon: the applet's window inside the panel.
icon_geometry() {
    xwininfo -tree -name panel | awk '/"qracoon"/ { split($NF, p, "+"); split($(NF-1), s, "[x+]"); print p[2], p[3], s[1], s[2]; exit }'
}
for _ in $(seq 100); do
    read -r IX IY IW IH <<<"$(icon_geometry)"
    [ -n "${IH:-}" ] && break
    sleep 0.05
done
[ -n "${IH:-}" ] || fail "no qracoon icon in trayer's panel"
ICON_X=$((IX + IW / 2))
ICON_Y=$((IY + IH / 2))
log "tray icon at $ICON_X,$ICON_Y"
shot_root -crop 240x40+$((SCREEN_W - 240))+0 "$SHOTS/01-tray-disconnected.png"

# Opens the tray menu with a right click and picks an entry with the keyboard ($1: the keys).
tray_menu() {
    local shot=$1
    shift
    xdotool mousemove "$ICON_X" "$ICON_Y" click 3 || fail "xdotool right click failed"
    sleep 0.6
    [ -n "$shot" ] && shot_root -crop 460x260+$((SCREEN_W - 460))+0 "$SHOTS/$shot"
    xdotool key "$@" || fail "xdotool key $* failed"
}

# Types a password into the visible Xauth dialog and confirms it with Enter.
answer_dialog() {
    local w
    w=$(xdotool search --onlyvisible --name "^VPN Login" | head -n1)
    [ -n "$w" ] || fail "the Xauth dialog is not visible"
    xdotool windowfocus --sync "$w" 2>/dev/null
    [ -n "${2:-}" ] && shot_window "$w" "$SHOTS/$2"
    xdotool type --delay 15 "$1" && xdotool key Return || fail "typing into the dialog failed"
}

# --- connect from the tray menu; the first Xauth round is rejected, the second accepted
m=$(trace_mark)
tray_menu 02-tray-menu.png Down Return
wait_for "$m" "dialog $LAB shown$" 3000
m=$(trace_mark)
answer_dialog wrongpass 03-xauth-dialog.png
wait_for "$m" "dialog $LAB shown retry" 3000
m=$(trace_mark)
answer_dialog labpass 04-xauth-dialog-retry.png
wait_for "$m" "gateway $LAB connected" 3000
wait_for "$m" "gateway $LAB address 10\.99\.99\." 3000
wait_for "$m" "rows isakmp 1" 3000
ADDRESS=$(trace_since "$m" "gateway $LAB address" | tail -n1 | awk '{print $NF}')
connected_at=$(now_ms)
log "connected as $ADDRESS"
sleep 0.3
shot_root -crop 460x140+$((SCREEN_W - 460))+0 "$SHOTS/05-tray-connected-banner.png"

# A phase 2 from another client (racoonctl), so the IPsec tab has rows.
"$RACOONCTL" -s "$SOCKET" establish-sa esp inet "$ADDRESS/32" 10.99.0.0/24 any >/dev/null ||
    fail "racoonctl establish-sa esp failed"
wait_for "$m" "rows ipsec 2" 4000

# --- the window: left click on the icon, then each tab (Alt+1..Alt+4)
m=$(trace_mark)
xdotool mousemove "$ICON_X" "$ICON_Y" click 1
wait_for "$m" "window shown" 3000
WINDOW=$(xdotool search --onlyvisible --name "^qracoon$" | head -n1)
[ -n "$WINDOW" ] || fail "the window is not visible"
xdotool windowfocus --sync "$WINDOW" 2>/dev/null
sleep 0.5
tab=1
for name in gateways isakmp-sas ipsec-sas events; do
    xdotool key "alt+$tab"
    sleep 0.5
    shot_window "$WINDOW" "$SHOTS/$(printf %02d $((6 + tab)))-window-$name.png"
    tab=$((tab + 1))
done
xdotool key alt+1

# The tooltip, once the connection notification (8 s) has gone: hover over the icon.
while [ "$(now_ms)" -lt $((connected_at + 8500)) ]; do sleep 0.2; done
xdotool mousemove "$ICON_X" "$ICON_Y" && sleep 0.2 && xdotool mousemove "$((ICON_X - 1))" "$ICON_Y"
sleep 2
shot_root -crop 460x120+$((SCREEN_W - 460))+0 "$SHOTS/11-tray-tooltip.png"

# --- disconnect from the tray menu (the first entry is now "Disconnect from Lab gateway")
m=$(trace_mark)
tray_menu 12-tray-menu-connected.png Down Return
wait_for "$m" "gateway $LAB disconnected" 3000
wait_for "$m" "status disconnected" 3000

# --- connected again, then racoon dies: within two seconds the applet must say so
m=$(trace_mark)
tray_menu "" Down Return
wait_for "$m" "dialog $LAB shown" 3000
answer_dialog labpass
wait_for "$m" "gateway $LAB connected" 3000
m=$(trace_mark)
killed=$(now_ms)
kill -9 "$SIM"
wait "$SIM" 2>/dev/null
wait_for "$m" "daemon absent" 2000
wait_for "$m" "gateway $LAB disconnected" 2000
wait_for "$m" "status absent" 2000
log "racoon's death shown after $(($(now_ms) - killed)) ms"
sleep 0.3
shot_root -crop 240x40+$((SCREEN_W - 240))+0 "$SHOTS/13-tray-racoon-absent.png"
shot_window "$WINDOW" "$SHOTS/14-window-racoon-absent.png"

# --- racoon is back: the applet resubscribes, resynchronises and connects again
m=$(trace_mark)
start_racoonsim
wait_for "$m" "daemon running" 5000
wait_for "$m" "subscribed" 5000
wait_for "$m" "status disconnected" 5000
trace_since "$m" "gateway $LAB connected" >/dev/null && fail "a stale connected state after the restart"
m=$(trace_mark)
tray_menu "" Down Return
wait_for "$m" "dialog $LAB shown" 3000
answer_dialog labpass
wait_for "$m" "gateway $LAB connected" 3000
wait_for "$m" "rows isakmp 1" 3000
shot_window "$WINDOW" "$SHOTS/15-window-recovered.png"

# --- quit from the menu (its accelerator, Q)
tray_menu "" q
for _ in $(seq 100); do
    kill -0 "$APPLET" 2>/dev/null || break
    sleep 0.05
done
kill -0 "$APPLET" 2>/dev/null && fail "Quit did not end the applet"
wait "$APPLET"
status=$?
[ "$status" = 0 ] || fail "the applet exited with status $status"
grep -q "labpass\|wrongpass" "$STATE" "$WORK/applet.log" && fail "a password appeared in the applet's output"
log "PASS; screenshots in $SHOTS"
