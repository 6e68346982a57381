# bash completion for racoonctl(8) of qracoon                                  -*- shell-script -*-
#
# Completes the general options, commands and shortcuts, the protocol, family and upper-layer
# protocol words each command takes, establish-sa's and status's options, and the VPN gateways of
# vpn-connect and vpn-disconnect: those in the qracoon applet's settings and racoon's current ISAKMP
# peers (asked with "racoonctl show-sa isakmp" when the admin socket may be opened). Needs the helpers
# of the bash-completion package, which is what loads this file.

# COMPREPLY=($(compgen ...)) is the completion idiom (words never hold blanks here); `split` is set by
# _init_completion -s.
# shellcheck shell=bash disable=SC2207,SC2034

_racoonctl_commands='reload-config show-schedule show-sa flush-sa get-sa-cert get-cert delete-sa
establish-sa vpn-connect vpn-disconnect show-event logout-user status'
_racoonctl_shortcuts='rc sc ss fs gc ds es vc vd se lu st'
_racoonctl_ul_protos='any icmp tcp udp gre'

# The addresses of the gateways in the applet's settings (QSettings' ini file, [gateways] section,
# keys "N\address").
_racoonctl_settings_gateways()
{
    local file=${XDG_CONFIG_HOME:-$HOME/.config}/qracoon/qracoon.conf
    [[ -r $file ]] || return 0
    sed -n -e '/^\[gateways\]/,/^\[/{' -e 's/^[0-9][0-9]*\\address[[:space:]]*=[[:space:]]*"\{0,1\}\([^"[:space:]]*\)"\{0,1\}[[:space:]]*$/\1/p' -e '}' "$file"
}

# racoon's ISAKMP peers. $1: the racoonctl to run, $2: the socket given with -s (may be empty).
_racoonctl_isakmp_peers()
{
    local program=$1 socket=$2 candidate
    if [[ -z $socket ]]; then
        # racoonctl's own search order (AdminSocketLocator::defaultPaths).
        for candidate in /var/racoon/racoon.sock /var/run/racoon.sock /var/run/racoon/racoon.sock \
            /run/racoon/racoon.sock; do
            if [[ -e $candidate ]]; then
                socket=$candidate
                break
            fi
        done
    fi
    # Connecting to a UNIX socket needs write permission; without it racoonctl would only fail.
    [[ -S $socket && -r $socket && -w $socket ]] || return 0
    # Level 2 prints the full remote address as "ADDRESS.PORT" in the second column.
    timeout 2 "$program" -s "$socket" -ll show-sa isakmp 2>/dev/null |
        awk 'NR > 1 && $2 !~ /^\(/ { sub(/\.[^.]*$/, "", $2); print $2 }'
}

_racoonctl()
{
    local cur prev words cword split
    _init_completion -s -n : || return

    # The general options end at the first word that is not an option (racoonctl parses them POSIX
    # style); remember -s's socket for asking racoon.
    local i=1 word socket='' command_at=0
    while ((i < cword)); do
        word=${words[i]}
        if [[ $word == -- ]]; then
            ((i++))
            break
        fi
        [[ $word == -?* ]] || break
        if [[ $word =~ ^-[dlh]*s(.*)$ ]]; then
            if [[ -n ${BASH_REMATCH[1]} ]]; then
                socket=${BASH_REMATCH[1]}
            elif ((i + 1 == cword)); then
                _filedir
                return
            else
                ((i++))
                socket=${words[i]}
            fi
        fi
        ((i++))
    done
    ((i < cword)) && command_at=$i

    if ((command_at == 0)); then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '-d -l -s -h --help --version' -- "$cur"))
        elif [[ -n $cur ]]; then
            COMPREPLY=($(compgen -W "$_racoonctl_commands $_racoonctl_shortcuts" -- "$cur"))
        else
            # The shortcuts join in once a letter is typed, so that the first list stays readable.
            COMPREPLY=($(compgen -W "$_racoonctl_commands" -- "$cur"))
        fi
        return
    fi

    local command=${words[command_at]}
    local args=("${words[@]:command_at+1:cword-command_at-1}")
    local nargs=${#args[@]}
    local program=${words[0]}
    type -P -- "$program" >/dev/null || program=racoonctl

    case $command in
        show-sa | ss | flush-sa | fs)
            ((nargs == 0)) && COMPREPLY=($(compgen -W 'isakmp esp ah ipsec internal' -- "$cur"))
            ;;
        get-sa-cert | get-cert | gc)
            # [inet|inet6] SRC DST [UL_PROTO]
            local addresses=$nargs
            [[ ${args[0]-} == inet || ${args[0]-} == inet6 ]] && ((addresses--))
            if ((nargs == 0)); then
                COMPREPLY=($(compgen -W 'inet inet6' -- "$cur"))
            elif ((addresses == 2)); then
                COMPREPLY=($(compgen -W "$_racoonctl_ul_protos" -- "$cur"))
            fi
            ;;
        delete-sa | ds)
            _racoonctl_saopts 0
            ;;
        establish-sa | es)
            # [-w] [-n REMOTE] [-u IDENTITY], in any order, then SAOPTS.
            local options=0 seen=' '
            while ((options < nargs)) && [[ ${args[options]} == -?* ]]; do
                seen+="${args[options]} "
                [[ ${args[options]} == -[nu] ]] && ((options++))
                ((options++))
            done
            if [[ $prev == -[nu] ]] && ((options >= nargs)); then
                return
            fi
            if ((options == nargs)) && [[ $cur == -* ]]; then
                local option unused=''
                for option in -w -n -u; do
                    [[ $seen == *" $option "* ]] || unused+="$option "
                done
                COMPREPLY=($(compgen -W "$unused" -- "$cur"))
                return
            fi
            _racoonctl_saopts "$options"
            ;;
        vpn-connect | vc)
            # [-u IDENTITY] GATEWAY
            if [[ $prev == -u ]] && ((nargs == 1)); then
                return
            fi
            if ((nargs == 0)) && [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W '-u' -- "$cur"))
            elif ((nargs == 0)) || { ((nargs == 2)) && [[ ${args[0]} == -u ]]; }; then
                _racoonctl_gateways "$program" "$socket"
            fi
            ;;
        vpn-disconnect | vd)
            ((nargs == 0)) && _racoonctl_gateways "$program" "$socket"
            ;;
        status | st)
            if [[ $prev == -f || $prev == --format ]]; then
                COMPREPLY=($(compgen -W 'text json' -- "$cur"))
            elif [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W '-v -f --format=' -- "$cur"))
                [[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace
            fi
            ;;
    esac
}

# SAOPTS (isakmp|esp|ah FAMILY SRC DST [UL_PROTO]) starting at args[$1]; uses the caller's locals.
_racoonctl_saopts()
{
    case $((nargs - $1)) in
        0) COMPREPLY=($(compgen -W 'isakmp esp ah' -- "$cur")) ;;
        1) COMPREPLY=($(compgen -W 'inet inet6' -- "$cur")) ;;
        4) COMPREPLY=($(compgen -W "$_racoonctl_ul_protos" -- "$cur")) ;;
    esac
}

# Gateways for vpn-connect and vpn-disconnect, without duplicates; uses the caller's cur.
_racoonctl_gateways()
{
    local gateways
    gateways=$({
        _racoonctl_settings_gateways
        _racoonctl_isakmp_peers "$1" "$2"
    } | sort -u)
    COMPREPLY=($(compgen -W "$gateways" -- "$cur"))
    __ltrim_colon_completions "$cur"
}

complete -F _racoonctl racoonctl
