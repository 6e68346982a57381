#!/bin/bash
# Sources completion/racoonctl.bash under bash-completion and checks what it offers for typed command
# lines: commands, shortcuts, options, protocol/family/ul_proto words, establish-sa's and status's
# options, the -s socket as a file, and the gateways of vpn-connect/vpn-disconnect from the applet's
# settings and from racoonsim's ISAKMP SAs (asked through the built racoonctl).
#
# usage: racoonctl_completion.sh SOURCE_DIR RACOONCTL RACOONSIM
# Fails (never skips) when something it needs is missing.
set -u

SRC=$1
RACOONCTL=$2
RACOONSIM=$3
BASH_COMPLETION=/usr/share/bash-completion/bash_completion

fatal() {
    echo "FATAL: $*" >&2
    exit 1
}
[ -r "$BASH_COMPLETION" ] || fatal "missing $BASH_COMPLETION (Debian package bash-completion)"
[ -r "$SRC/completion/racoonctl.bash" ] || fatal "missing $SRC/completion/racoonctl.bash"
for f in "$RACOONCTL" "$RACOONSIM"; do [ -x "$f" ] || fatal "missing built binary $f"; done

WORK=$(mktemp -d /tmp/qracoon-completion-test.XXXXXX)
SIM_PID=
cleanup() {
    [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# The applet's settings, with entries outside [gateways] that must not be offered.
export XDG_CONFIG_HOME=$WORK/config
mkdir -p "$XDG_CONFIG_HOME/qracoon"
cat >"$XDG_CONFIG_HOME/qracoon/qracoon.conf" <<'CONF'
[General]
1\address=10.9.9.9

[gateways]
1\address=192.0.2.1
1\name=Lab gateway
1\xauth=true
2\address=198.51.100.9
2\name=Branch
3\address = 2001:db8::7
size=3

[window]
geometry=@ByteArray(1\address=10.8.8.8)
CONF

# bash-completion and the file under test, as an interactive shell would load them.
# shellcheck disable=SC1090
. "$BASH_COMPLETION" || fatal "cannot source $BASH_COMPLETION"
# shellcheck disable=SC1091
. "$SRC/completion/racoonctl.bash" || fatal "cannot source completion/racoonctl.bash"
[ "$(complete -p racoonctl 2>/dev/null)" = "complete -F _racoonctl racoonctl" ] ||
    fatal "completion/racoonctl.bash did not register _racoonctl for racoonctl"

# Fills COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT the way bash does for LINE with the cursor at
# its end (blanks separate words; a run of COMP_WORDBREAKS characters such as = or : is a word of its
# own), runs the completion and prints the sorted offers on one line.
offers() {
    local line=$1 breaks=$'"\'><=;|&(:' word='' c i
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMP_WORDS=()
    for ((i = 0; i < ${#line}; i++)); do
        c=${line:i:1}
        if [[ $c == ' ' ]]; then
            [[ -n $word ]] && COMP_WORDS+=("$word")
            word=''
        elif [[ $breaks == *"$c"* ]]; then
            [[ -n $word && $breaks != *"${word: -1}"* ]] && COMP_WORDS+=("$word") && word=''
            word+=$c
        else
            [[ -n $word && $breaks == *"${word: -1}"* ]] && COMP_WORDS+=("$word") && word=''
            word+=$c
        fi
    done
    COMP_WORDS+=("$word")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _racoonctl "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>"$WORK/stderr"
    [ -s "$WORK/stderr" ] && sed 's/^/  stderr: /' "$WORK/stderr" >&2
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

passed=0
failed=0
expect() {
    local line=$1 want got
    # shellcheck disable=SC2086 # $2 is a word list
    want=$(printf '%s\n' $2 | sort | tr '\n' ' ' | sed 's/ $//')
    got=$(offers "$line")
    if [ "$got" = "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL: "%s<TAB>"\n  expected: %s\n  got:      %s\n' "$line" "$want" "$got"
    fi
}

commands='reload-config show-schedule show-sa flush-sa get-sa-cert get-cert delete-sa establish-sa
vpn-connect vpn-disconnect show-event logout-user status'
ul_protos='any icmp tcp udp gre'
settings_gateways='192.0.2.1 198.51.100.9 2001:db8::7'

# Commands, shortcuts and general options.
expect 'racoonctl ' "$commands"
expect 'racoonctl s' 'show-schedule show-sa show-event status sc ss se st'
expect 'racoonctl v' 'vpn-connect vpn-disconnect vc vd'
expect 'racoonctl -' '-d -l -s -h --help --version'
expect 'racoonctl --v' '--version'
expect 'racoonctl -l -d ' "$commands"
expect 'racoonctl -ll g' 'get-sa-cert get-cert gc'
expect 'racoonctl -s /tmp/racoon.sock -l st' 'status st'
expect 'racoonctl -- sh' 'show-schedule show-sa show-event'
expect 'racoonctl frobnicate ' ''

# -s takes a file, alone or at the end of a cluster.
mkdir -p "$WORK/sockets/run"
: >"$WORK/sockets/racoon.sock"
expect "racoonctl -s $WORK/sockets/rac" "$WORK/sockets/racoon.sock"
expect "racoonctl -ds $WORK/sockets/ru" "$WORK/sockets/run"
expect "racoonctl -s $WORK/sockets/racoon.sock s" 'show-schedule show-sa show-event status sc ss se st'

# Protocols, families and upper-layer protocols per command.
expect 'racoonctl show-sa ' 'isakmp esp ah ipsec internal'
expect 'racoonctl -l ss i' 'isakmp ipsec internal'
expect 'racoonctl fs ' 'isakmp esp ah ipsec internal'
expect 'racoonctl show-sa isakmp ' ''
expect 'racoonctl delete-sa ' 'isakmp esp ah'
expect 'racoonctl ds esp ' 'inet inet6'
expect 'racoonctl ds esp inet 192.0.2.2 ' ''
expect 'racoonctl ds esp inet 192.0.2.2 192.0.2.1/32[500] ' "$ul_protos"
expect 'racoonctl ds esp inet6 2001:db8::1 2001:db8::2 ' "$ul_protos"
expect 'racoonctl ds ah inet 192.0.2.2 192.0.2.1 t' 'tcp'
expect 'racoonctl ds ah inet 192.0.2.2 192.0.2.1 tcp ' ''
expect 'racoonctl get-sa-cert ' 'inet inet6'
expect 'racoonctl gc inet 192.0.2.2 192.0.2.1 ' "$ul_protos"
expect 'racoonctl gc 192.0.2.2 192.0.2.1 ' "$ul_protos"
expect 'racoonctl get-cert 2001:db8::1 2001:db8::2 u' 'udp'

# establish-sa: its options in any order, then SAOPTS.
expect 'racoonctl establish-sa ' 'isakmp esp ah'
expect 'racoonctl es -' '-w -n -u'
expect 'racoonctl es -w -' '-n -u'
expect 'racoonctl es -u bob -n lab -' '-w'
expect 'racoonctl es -n ' ''
expect 'racoonctl es -n lab ' 'isakmp esp ah'
expect 'racoonctl es -u bob -w ' 'isakmp esp ah'
expect 'racoonctl es -w isakmp ' 'inet inet6'
expect 'racoonctl es -n lab isakmp inet 192.0.2.2 192.0.2.1 ' "$ul_protos"

# status flags.
expect 'racoonctl status -' '-v -f --format='
expect 'racoonctl st -v -f ' 'text json'
expect 'racoonctl st --format=' 'text json'
expect 'racoonctl st --format=j' 'json'
expect 'racoonctl st -f json ' ''

# Commands without completable arguments.
expect 'racoonctl reload-config ' ''
expect 'racoonctl show-event ' ''
expect 'racoonctl logout-user ' ''

# Gateways from the applet's settings (racoon's default sockets do not exist here, or are not ours).
expect 'racoonctl -s /nonexistent/racoon.sock vpn-connect ' "$settings_gateways"
expect 'racoonctl -s /nonexistent/racoon.sock vc 19' '192.0.2.1 198.51.100.9'
expect 'racoonctl -s /nonexistent/racoon.sock vc -' '-u'
expect 'racoonctl -s /nonexistent/racoon.sock vc -u ' ''
expect 'racoonctl -s /nonexistent/racoon.sock vc -u bob ' "$settings_gateways"
expect 'racoonctl -s /nonexistent/racoon.sock vc 192.0.2.1 ' ''
expect 'racoonctl -s /nonexistent/racoon.sock vpn-disconnect 198' '198.51.100.9'
# A socket path that is no socket is not asked.
expect "racoonctl -s $WORK/sockets/racoon.sock vd " "$settings_gateways"

# racoon's ISAKMP peers: racoonsim's demo gateways, the branch office (not in the settings) connected.
SOCK=$WORK/sim/racoon.sock
"$RACOONSIM" --socket "$SOCK" >"$WORK/racoonsim.log" 2>&1 &
SIM_PID=$!
for _ in $(seq 100); do
    [ -S "$SOCK" ] && break
    sleep 0.1
done
[ -S "$SOCK" ] || { cat "$WORK/racoonsim.log" >&2; fatal "racoonsim did not create $SOCK"; }
"$RACOONCTL" -s "$SOCK" establish-sa isakmp inet 192.0.2.2 198.51.100.1 >"$WORK/establish.log" 2>&1 ||
    { cat "$WORK/establish.log" >&2; fatal "racoonctl establish-sa against racoonsim failed"; }
for _ in $(seq 50); do
    "$RACOONCTL" -s "$SOCK" show-sa isakmp 2>/dev/null | grep -q '^198\.51\.100\.1\.' && break
    sleep 0.1
done
"$RACOONCTL" -s "$SOCK" show-sa isakmp 2>/dev/null | grep -q '^198\.51\.100\.1\.' ||
    fatal "racoonsim shows no ISAKMP SA with 198.51.100.1"
expect "$RACOONCTL -s $SOCK vpn-disconnect " "$settings_gateways 198.51.100.1"
expect "$RACOONCTL -ls$SOCK vd 198" '198.51.100.1 198.51.100.9'
expect "$RACOONCTL -s $SOCK vc -u bob 1" '192.0.2.1 198.51.100.1 198.51.100.9'
# Without settings, only racoon's peers.
rm "$XDG_CONFIG_HOME/qracoon/qracoon.conf"
expect "$RACOONCTL -s $SOCK vd " '198.51.100.1'

echo "racoonctl completion: $passed passed, $failed failed"
[ "$failed" = 0 ]
