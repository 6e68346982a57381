#!/bin/bash
# End-to-end test of qracoon-helper with real components and no mock of polkit: a private dbus-daemon
# configured as a system bus (activating the helper from a temporary service directory), the real
# polkitd on it with a JS rule that allows group qracoon-test, racoonsim as racoon on a root-only
# socket, and helperprobe run as an allowed and a denied Unix user.
#
# Usage: helper_polkit.sh HELPER HELPERPROBE RACOONSIM SOURCE_DIR
# Needs root: it creates the test users and installs the policy and rule where polkitd reads them
# (/usr/share/polkit-1/actions, /etc/polkit-1/rules.d), restoring both afterwards. A missing component
# is a failure that names it, never a skip. Prints "N passed, N failed" last.
set -u

HELPER=${1:?helper binary}
PROBE_BUILT=${2:?helperprobe binary}
SIM=${3:?racoonsim binary}
SRC=${4:?source directory}

ALLOWED=qracoon-allowed
DENIED=qracoon-denied
GROUP=qracoon-test
IDLE_SECONDS=3
POLICY_FILE=/usr/share/polkit-1/actions/org.qracoon.policy
RULE_FILE=/etc/polkit-1/rules.d/49-qracoon-helper-test.rules
POLKITD=/usr/lib/polkit-1/polkitd

PASS=0
FAIL=0
T0=$(date +%s.%N)
elapsed() { awk "BEGIN{printf \"%.2f\", $(date +%s.%N) - $T0}"; }
ok() { PASS=$((PASS + 1)); echo "[$(elapsed)s] PASS: $*"; }
bad() { FAIL=$((FAIL + 1)); echo "[$(elapsed)s] FAIL: $*"; }
fatal() { echo "FAIL: $*"; echo "0 passed, 1 failed"; exit 1; }

# ---- prerequisites: fail, naming the component, when one is missing
[ "$(id -u)" = 0 ] || fatal "must run as root (creates test users, installs polkit files, runs polkitd)"
need() { command -v "$1" >/dev/null 2>&1 || fatal "missing $1 (Debian package $2)"; }
need dbus-daemon dbus-daemon
need dbus-send dbus-bin
need setpriv util-linux
need runuser util-linux
need flock util-linux
need useradd passwd
need groupadd passwd
[ -x "$POLKITD" ] || fatal "missing $POLKITD (Debian package polkitd)"
[ -d /etc/polkit-1/rules.d ] || fatal "missing /etc/polkit-1/rules.d (Debian package polkitd)"
for f in "$HELPER" "$PROBE_BUILT" "$SIM"; do [ -x "$f" ] || fatal "missing built binary $f"; done
for f in polkit/org.qracoon.policy resources/dbus/org.qracoon.Helper1.conf tools/racoonsim/demo.conf \
         tools/racoonsim/demo-gateway.der; do
    [ -f "$SRC/$f" ] || fatal "missing source file $SRC/$f"
done

# Tests in other build directories install the same system-wide files: one at a time.
exec 9>/run/lock/qracoon-helper-polkit-test.lock
flock -w 600 9 || fatal "another helper_polkit test holds /run/lock/qracoon-helper-polkit-test.lock"

WORK=$(mktemp -d /tmp/qracoon-helper-test.XXXXXX)
chmod 755 "$WORK"
PIDS=()
CREATED_USERS=()
CREATED_GROUP=0

helper_pids() { sed -n 's/.*(pid \([0-9]*\)).*/\1/p' "$WORK/helper.log" 2>/dev/null; }
cleanup() {
    for p in $(helper_pids); do kill "$p" 2>/dev/null; done
    for p in "${PIDS[@]}"; do kill -CONT "$p" 2>/dev/null; kill "$p" 2>/dev/null; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
    if [ -f "$WORK/policy.backup" ]; then cp "$WORK/policy.backup" "$POLICY_FILE"; else rm -f "$POLICY_FILE"; fi
    rm -f "$RULE_FILE"
    for u in "${CREATED_USERS[@]}"; do userdel "$u" 2>/dev/null; done
    [ "$CREATED_GROUP" = 1 ] && groupdel "$GROUP" 2>/dev/null
    if [ "${KEEP_WORK:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# ---- users: ALLOWED in GROUP (the rule says yes), DENIED not (the rule says no)
if ! getent group "$GROUP" >/dev/null; then groupadd --system "$GROUP" || fatal "groupadd $GROUP"; CREATED_GROUP=1; fi
for u in "$ALLOWED" "$DENIED"; do
    if ! id "$u" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$u" || fatal "useradd $u"
        CREATED_USERS+=("$u")
    fi
done
usermod -a -G "$GROUP" "$ALLOWED" || fatal "usermod $ALLOWED"
gpasswd -d "$DENIED" "$GROUP" >/dev/null 2>&1

# ---- polkit action and rule, installed before polkitd starts
[ -f "$POLICY_FILE" ] && cp "$POLICY_FILE" "$WORK/policy.backup"
install -m 0644 "$SRC/polkit/org.qracoon.policy" "$POLICY_FILE" || fatal "cannot install $POLICY_FILE"
cat >"$RULE_FILE" <<EOF
// qracoon helper_polkit.sh test rule (removed after the test)
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("org.qracoon.helper.") == 0) {
        polkit.log("qracoon-test: " + action.id + " for " + subject.user);
        return subject.isInGroup("$GROUP") ? polkit.Result.YES : polkit.Result.NO;
    }
});
EOF
chmod 0644 "$RULE_FILE"

# ---- racoonsim on a root-only socket, with a password unique to this run
PW="qrc-pw-$RANDOM$RANDOM$RANDOM"
sed "s/^user = labuser:.*/user = labuser:$PW/" "$SRC/tools/racoonsim/demo.conf" >"$WORK/sim.conf"
cp "$SRC/tools/racoonsim/demo-gateway.der" "$WORK/"
grep -q "labuser:$PW" "$WORK/sim.conf" || fatal "could not set the Xauth password in the racoonsim configuration"
mkdir -m 0755 "$WORK/racoon" "$WORK/decoy"
SOCK="$WORK/racoon/racoon.sock"
DECOY="$WORK/decoy/racoon.sock"
start_sim() { # extra racoonsim options...
    rm -f "$SOCK"
    "$SIM" --socket "$SOCK" --mode 0600 --config "$WORK/sim.conf" "$@" >>"$WORK/racoonsim.log" 2>&1 &
    SIM_PID=$!
    PIDS+=("$SIM_PID")
    for _ in $(seq 100); do [ -S "$SOCK" ] && return 0; sleep 0.05; done
    fatal "racoonsim did not create $SOCK: $(tail -3 "$WORK/racoonsim.log")"
}
start_sim
"$SIM" --socket "$DECOY" --mode 0666 --config "$WORK/sim.conf" >"$WORK/decoy.log" 2>&1 &
PIDS+=($!)
[ "$(stat -c '%a %U' "$SOCK")" = "600 root" ] && ok "racoon socket is root-only (0600 root)" ||
    bad "racoon socket mode: $(stat -c '%a %U' "$SOCK")"

# ---- the helper's configuration and activation file, and a private system bus
cat >"$WORK/helper.conf" <<EOF
socket = $SOCK
idle-timeout = $IDLE_SECONDS
request-timeout = 5000
max-requests-per-user = 2
max-subscriptions-per-user = 3
EOF
chmod 0644 "$WORK/helper.conf"
PROBE="$WORK/helperprobe"
install -m 0755 "$PROBE_BUILT" "$PROBE"
mkdir -p "$WORK/services" "$WORK/system.d"
cp "$SRC/resources/dbus/org.qracoon.Helper1.conf" "$WORK/system.d/"
cat >"$WORK/services/org.qracoon.Helper1.service" <<EOF
[D-BUS Service]
Name=org.qracoon.Helper1
Exec=/bin/sh -c "exec $HELPER --config $WORK/helper.conf 2>>$WORK/helper.log"
User=root
EOF
BUS_SOCK="$WORK/system_bus_socket"
# No <user> and no <servicehelper>: the bus runs as root and starts the helper itself, with
# DBUS_SYSTEM_BUS_ADDRESS pointing at this bus (PLATFORM-NOTES §4, setup A).
cat >"$WORK/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$BUS_SOCK</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$WORK/services</servicedir>
  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Properties"/>
    <deny send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"
          send_member="UpdateActivationEnvironment"/>
  </policy>
  <includedir>/usr/share/dbus-1/system.d</includedir>
  <includedir>$WORK/system.d</includedir>
</busconfig>
EOF
dbus-daemon --config-file="$WORK/bus.conf" --nofork --nosyslog >"$WORK/dbus.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do [ -S "$BUS_SOCK" ] && break; sleep 0.05; done
[ -S "$BUS_SOCK" ] || fatal "dbus-daemon did not start: $(cat "$WORK/dbus.log")"
export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$BUS_SOCK"

has_owner() {
    dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q 'boolean true'
}
"$POLKITD" >"$WORK/polkitd.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do has_owner org.freedesktop.PolicyKit1 && break; sleep 0.05; done
has_owner org.freedesktop.PolicyKit1 || fatal "polkitd did not take its name: $(tail -5 "$WORK/polkitd.log")"
echo "[$(elapsed)s] bus, polkitd and racoonsim ready"

# ---- helpers for the checks
as_user() { local u=$1; shift; runuser -u "$u" -- "$PROBE" "$@"; }
# expect USER DESCRIPTION EXIT_STATUS PATTERN PROBE_ARGS...: the probe's output must match PATTERN.
expect() {
    local user=$1 desc=$2 want=$3 pattern=$4; shift 4
    local out rc
    out=$(as_user "$user" "$@" 2>&1); rc=$?
    if [ "$rc" = "$want" ] && grep -qE -- "$pattern" <<<"$out"; then ok "$desc"
    else bad "$desc (exit $rc, want $want, pattern '$pattern'): $(head -c 400 <<<"$out")"; fi
}
requests() { grep -c '^racoonsim: request ' "$WORK/racoonsim.log"; }
wait_for() { # FILE PATTERN SECONDS
    for _ in $(seq $(($3 * 20))); do grep -qE -- "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
    return 1
}
start_monitor() { # NAME USER
    setpriv --reuid="$2" --regid="$2" --init-groups -- "$PROBE" monitor 300 >"$WORK/$1.out" 2>&1 &
    PIDS+=($!)
    eval "$1=$!"
    wait_for "$WORK/$1.out" '^subscribe ' 10
}

# ---- 1. the allowed user reaches racoonsim, the denied one does not
expect $ALLOWED "allowed: Status (read-state) answered by racoon" 0 '^arg0 int 0' call Status b:false s:json
RELOADS=$(grep -c 'configuration reloaded' "$WORK/racoonsim.log")
expect $ALLOWED "allowed: ReloadConfig returns errno 0" 0 '^arg0 int 0' call ReloadConfig
[ "$(grep -c 'configuration reloaded' "$WORK/racoonsim.log")" = $((RELOADS + 1)) ] &&
    ok "allowed ReloadConfig reached racoonsim (configuration reloaded)" ||
    bad "allowed ReloadConfig did not reach racoonsim"

BEFORE=$(requests)
NA='^error org\.qracoon\.Helper1\.Error\.NotAuthorized'
expect $DENIED "denied: Status -> NotAuthorized" 3 "$NA" call Status b:false s:text
expect $DENIED "denied: ReloadConfig -> NotAuthorized" 3 "$NA" call ReloadConfig
expect $DENIED "denied: FlushSa -> NotAuthorized" 3 "$NA" call FlushSa s:ipsec
expect $DENIED "denied: LogoutUser -> NotAuthorized" 3 "$NA" call LogoutUser s:labuser
expect $DENIED "denied: ConnectGateway with password -> NotAuthorized" 3 "$NA" \
    call ConnectGateway s:192.0.2.1 s:192.0.2.2 s: s:labuser "ay:$PW"
expect $DENIED "denied: Subscribe -> NotAuthorized" 3 "$NA" call Subscribe
expect $DENIED "denied: ShowSa with interactive authorization allowed -> NotAuthorized" 3 "$NA" \
    icall ShowSa s:isakmp
[ "$(requests)" = "$BEFORE" ] && ok "no denied call reached racoonsim" ||
    bad "denied calls reached racoonsim: $((${BEFORE:-0})) -> $(requests) requests"
grep -q 'qracoon-test: org.qracoon.helper.reload-config for qracoon-denied' "$WORK/polkitd.log" &&
    ok "polkitd's rule decided about the denied user" || bad "polkitd never consulted the rule for $DENIED"

# ---- 2. connect with Xauth, seen by a subscriber
start_monitor MON1 $ALLOWED && ok "allowed: Subscribe accepted" || bad "allowed: Subscribe: $(cat "$WORK/MON1.out")"
wait_for "$WORK/MON1.out" '^DaemonUp' 5 && ok "subscriber told racoon is up" || bad "no DaemonUp: $(cat "$WORK/MON1.out")"
expect $ALLOWED "allowed: ConnectGateway with Xauth returns errno 0" 0 '^arg0 int 0' \
    call ConnectGateway s:192.0.2.1 s:192.0.2.2 s: s:labuser "ay:$PW"
wait_for "$WORK/MON1.out" '^Event 0x0107 192\.0\.2\.2\[[0-9]+\] -> 192\.0\.2\.1' 10 &&
    ok "subscriber got PHASE1_UP..MODE_CFG events of the connection" ||
    bad "no MODE_CFG event: $(cat "$WORK/MON1.out")"
grep -q 'Event 0x0108' "$WORK/MON1.out" && ok "Xauth with the password succeeded (XAUTH_SUCCESS event)" ||
    bad "no XAUTH_SUCCESS event"
grep -q 'Xauth of user "labuser" succeeded' "$WORK/racoonsim.log" && ok "racoonsim accepted the Xauth password" ||
    bad "racoonsim did not log a successful Xauth"
MODECFG_ADDRESS=$(sed -n 's/.*mode-cfg: \([0-9.]*\) bound to labuser.*/\1/p' "$WORK/racoonsim.log" | tail -1)
expect $ALLOWED "allowed: EstablishSa esp through the tunnel returns errno 0" 0 '^arg0 int 0' \
    call EstablishSa s:esp "s:$MODECFG_ADDRESS" q:0 y:32 s:10.99.0.5 q:0 y:32 y:0 s:
wait_for "$WORK/MON1.out" '^Event 0x0201 ' 10 && ok "subscriber got PHASE2_UP" || bad "no PHASE2_UP: $(cat "$WORK/MON1.out")"
expect $ALLOWED "allowed: ShowSa isakmp lists the phase 1 (304-byte record)" 0 '^arg1 ay 304 bytes' call ShowSa s:isakmp
expect $ALLOWED "allowed: ConnectGateway again -> EEXIST (17) as racoon's errno" 0 '^arg0 int 17' \
    call ConnectGateway s:192.0.2.1 s:192.0.2.2 s: s:labuser "ay:$PW"

# ---- 3. bad arguments are refused, naming the argument, before anything reaches racoon
BEFORE=$(requests)
IA='^error org\.qracoon\.Helper1\.Error\.InvalidArgument: '
expect $ALLOWED "bad gateway (host name)" 3 "${IA}gateway: " call ConnectGateway s:vpn.example.com s: s: s: ay:
expect $ALLOWED "bad localAddress (family)" 3 "${IA}localAddress: " call ConnectGateway s:192.0.2.1 s:2001:db8::2 s: s: ay:
expect $ALLOWED "password without login" 3 "${IA}password: " call ConnectGateway s:192.0.2.1 s:192.0.2.2 s: s: ay:x
expect $ALLOWED "remote name with control character" 3 "${IA}remoteName: " \
    call EstablishSa s:isakmp s:192.0.2.2 q:0 y:32 s:192.0.2.1 q:0 y:32 y:0 "s:lab$(printf '\t')x"
expect $ALLOWED "mixed address families" 3 "${IA}destination: " \
    call EstablishSa s:esp s:192.0.2.2 q:0 y:32 s:2001:db8::1 q:0 y:32 y:0 s:
expect $ALLOWED "prefix beyond the family" 3 "${IA}sourcePrefix: " \
    call DeleteSa s:esp s:192.0.2.2 q:0 y:33 s:192.0.2.1 q:0 y:32 y:0
expect $ALLOWED "unknown protocol" 3 "${IA}protocol: " call FlushSa s:internal
expect $ALLOWED "login longer than 30 bytes" 3 "${IA}login: " call LogoutUser s:abcdefghijabcdefghijabcdefghijX
expect $ALLOWED "unknown status format" 3 "${IA}format: " call Status b:false s:xml
[ "$(requests)" = "$BEFORE" ] && ok "no refused call reached racoonsim" || bad "refused calls reached racoonsim"

# ---- 4. no caller can choose the socket
expect $ALLOWED "a socket path as extra argument is no method" 3 \
    '^error org\.freedesktop\.DBus\.Error\.UnknownMethod' call ShowSa s:isakmp "s:$DECOY"
expect $ALLOWED "a socket path as remote name is only a name (racoon: no such remote, -1)" 0 '^arg0 int -1' \
    call EstablishSa s:isakmp s:192.0.2.2 q:0 y:32 s:203.0.113.77 q:0 y:32 y:0 "s:$DECOY"
INTROSPECTION=$(runuser -u $ALLOWED -- dbus-send --system --print-reply --dest=org.qracoon.Helper1 \
    /org/qracoon/Helper1 org.freedesktop.DBus.Introspectable.Introspect 2>&1)
echo "$INTROSPECTION" >"$WORK/introspection.txt"
if grep -q '<method name="ConnectGateway">' <<<"$INTROSPECTION" &&
    ! grep -iE '<arg [^>]*name="[^"]*(path|socket|file)' <<<"$INTROSPECTION" >/dev/null; then
    ok "introspection: no method takes a path or socket argument"
else
    bad "introspection shows a path argument or failed: $(head -c 300 <<<"$INTROSPECTION")"
fi
install -m 0644 -o $ALLOWED "$WORK/helper.conf" "$WORK/user-owned.conf"
sed -i "s|^socket = .*|socket = $DECOY|" "$WORK/user-owned.conf"
OUT=$(DBUS_SYSTEM_BUS_ADDRESS=unix:path=/nonexistent "$HELPER" --config "$WORK/user-owned.conf" 2>&1)
[ $? != 0 ] && grep -q 'owned by uid' <<<"$OUT" && ok "helper refuses a configuration not owned by root" ||
    bad "helper accepted a user-owned configuration: $OUT"
install -m 0666 "$WORK/helper.conf" "$WORK/world-writable.conf"
OUT=$(DBUS_SYSTEM_BUS_ADDRESS=unix:path=/nonexistent "$HELPER" --config "$WORK/world-writable.conf" 2>&1)
[ $? != 0 ] && grep -q 'writable' <<<"$OUT" && ok "helper refuses a world-writable configuration" ||
    bad "helper accepted a world-writable configuration: $OUT"
grep -q '^racoonsim: request ' "$WORK/decoy.log" && bad "a request reached the decoy socket" || ok "nothing reached the decoy socket"

# ---- 5. HelperBackend as the applet uses it
OUT=$(as_user $ALLOWED backend allowed 2>&1); RC=$?
if [ $RC = 0 ] && grep -q '^events subscribed' <<<"$OUT" && grep -q '^event 0x0100' <<<"$OUT" &&
    grep -qE '^isakmp sas [1-9]' <<<"$OUT" && grep -qE '^ipsec sas [1-9][0-9]* rejected 0 nonzero-keys 0' <<<"$OUT" &&
    grep -qE '^status phase1 [1-9]' <<<"$OUT" && grep -q '^event 0x0101' <<<"$OUT" &&
    ! grep -qE '^finished kind=[1-9]' <<<"$OUT"; then
    ok "HelperBackend (allowed): subscribe, connect, SAs (keys zeroed), status, disconnect"
else
    bad "HelperBackend (allowed), exit $RC: $OUT"
fi
OUT=$(as_user $DENIED backend denied 2>&1); RC=$?
if [ $RC = 0 ] && grep -q '^finished kind=2 ' <<<"$OUT" && grep -q '^events lost kind=2 ' <<<"$OUT" &&
    grep -q '^daemon state 3' <<<"$OUT"; then
    ok "HelperBackend (denied): NotAuthorized error and daemon state"
else
    bad "HelperBackend (denied), exit $RC: $OUT"
fi

# ---- 6. limits per user
kill "$MON1"; wait "$MON1" 2>/dev/null
sleep 0.3
OUT=$(as_user $ALLOWED subscribe-many 4 2>&1)
[ "$(grep -c '^connection [0-9] ok' <<<"$OUT")" = 3 ] &&
    grep -q '^connection 3 error org.qracoon.Helper1.Error.LimitExceeded' <<<"$OUT" &&
    ok "4th subscription of one user -> LimitExceeded" || bad "subscription limit: $OUT"
kill "$SIM_PID"; wait "$SIM_PID" 2>/dev/null
start_sim --fault delay-replies=1500
OUT=$(as_user $ALLOWED concurrent 3 ShowSa s:isakmp 2>&1)
[ "$(grep -c '^call [0-9] ok' <<<"$OUT")" = 2 ] &&
    grep -qE '^call [0-9] error org.qracoon.Helper1.Error.LimitExceeded' <<<"$OUT" &&
    ok "3rd request in flight of one user -> LimitExceeded" || bad "request limit: $OUT"

# ---- 7. fan-out: a stopped and a killed subscriber hold nobody up; racoon restarts are announced
start_monitor MON2 $ALLOWED || bad "MON2 did not subscribe"
start_monitor MON3 $ALLOWED || bad "MON3 did not subscribe"
start_monitor MON4 $ALLOWED || bad "MON4 did not subscribe"
wait_for "$WORK/MON2.out" '^DaemonUp' 10 || bad "MON2: no DaemonUp"
kill -STOP "$MON3"
MON4_NAME=$(sed -n 's/^name //p' "$WORK/MON4.out")
kill -KILL "$MON4"
{ wait "$MON4"; } 2>/dev/null
wait_for "$WORK/helper.log" "caller $MON4_NAME left the bus" 5 &&
    ok "a killed subscriber ($MON4_NAME) is dropped (NameOwnerChanged)" ||
    bad "helper did not notice the killed subscriber $MON4_NAME"
expect $ALLOWED "ConnectGateway to the restarted racoon" 0 '^arg0 int 0' \
    call ConnectGateway s:192.0.2.1 s:192.0.2.2 s: s:labuser "ay:$PW"
wait_for "$WORK/MON2.out" '^Event 0x0107 ' 10 || bad "MON2 missed MODE_CFG: $(cat "$WORK/MON2.out")"
expect $ALLOWED "DisconnectGateway returns errno 0" 0 '^arg0 int 0' call DisconnectGateway s:192.0.2.1
wait_for "$WORK/MON2.out" '^Event 0x0101 ' 10 && ok "events reach a subscriber while another is stopped" ||
    bad "MON2 missed PHASE1_DOWN: $(cat "$WORK/MON2.out")"
kill "$SIM_PID"; wait "$SIM_PID" 2>/dev/null
wait_for "$WORK/MON2.out" '^DaemonDown ' 10 && ok "subscriber told racoon went away" ||
    bad "no DaemonDown: $(cat "$WORK/MON2.out")"
grep -q '^Event 0x0001 ' "$WORK/MON2.out" && ok "RACOON_QUIT event relayed" || bad "no RACOON_QUIT event"
expect $ALLOWED "a call while racoon is away -> DaemonAbsent" 3 '^error org\.qracoon\.Helper1\.Error\.DaemonAbsent' \
    call Status b:true s:json
start_sim
back_up() { awk '/^DaemonDown/{d=1} d && /^DaemonUp/{u=1} END{exit !u}' "$WORK/MON2.out"; }
for _ in $(seq 200); do back_up && break; sleep 0.05; done
back_up && ok "subscriber told a restarted racoon is back (reconnected)" ||
    bad "no DaemonUp after the restart: $(cat "$WORK/MON2.out")"
expect $ALLOWED "helper answers after the restart" 0 '^arg0 int 0' call ReloadConfig
kill -CONT "$MON3"
kill "$MON2" "$MON3"; wait "$MON2" "$MON3" 2>/dev/null

# ---- 8. idle exit
sleep $((IDLE_SECONDS + 2))
has_owner org.qracoon.Helper1 && bad "helper still owns its name after $((IDLE_SECONDS + 2)) s idle" ||
    ok "helper released its name when idle"
ALIVE=""
for p in $(helper_pids); do kill -0 "$p" 2>/dev/null && ALIVE="$ALIVE $p"; done
[ -z "$ALIVE" ] && grep -q 'exiting' "$WORK/helper.log" && ok "every helper instance exited when idle" ||
    bad "helper processes still running:$ALIVE"

# ---- 9. the password never appears in a log
LEAKS=$(grep -lF -- "$PW" "$WORK"/*.log "$WORK"/MON*.out 2>/dev/null)
[ -z "$LEAKS" ] && ok "password in no log (helper, racoonsim, dbus-daemon, polkitd, subscribers)" ||
    bad "password found in: $LEAKS"

echo "--- helper log:"
cat "$WORK/helper.log"
echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
