#!/bin/sh
# sshdoctor repair script: repairs one user's SSH public key login, as root, at boot (cloud-init scripts-user, from
# `sshdoctor userdata` or `ec2 fix --via userdata`) or on demand (`ec2 fix --via ssm`, AWS-RunShellScript).
# POSIX sh (dash, bash, busybox ash). Only narrows access: removes group/world write bits, fixes owners to root or
# the user, appends one key line. Never drops or reorders an authorized_keys line. Every change is recorded in a
# manifest and backed up first, so the run can be undone byte for byte.
#
#   sh userdata-repair.sh [repair [RUN-ID]]         repair (the default); RUN-ID names the backup directory
#   sh userdata-repair.sh undo RUN-ID [SHA256]      restore what run RUN-ID changed (SHA256: of its manifest)
#   sh userdata-repair.sh report RUN-ID [FROM]      print run RUN-ID's stored report lines, from line FROM
#
# Output: lines `sshdoctor: TEXT` for people and `sshdoctor-report: {JSON}` for programs (one per action, then one
# summary line with "summary":true), on stdout and /dev/console. The generator fills in the values below.
SSHDOCTOR_USER=@@SSHDOCTOR_USER@@
# The key line is single-quoted on purpose: nothing in its comment may expand.
# shellcheck disable=SC2016
SSHDOCTOR_KEY=@@SSHDOCTOR_KEY@@
# The arguments the generator chose (for a run through SSM), used when the script is started without any.
[ $# -gt 0 ] || set -- @@SSHDOCTOR_ARGS@@

PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
LC_ALL=C
export LC_ALL
umask 077

# ---- how this script touches the user's files ---------------------------------------------------------------
# The user being repaired may be hostile and owns their home: any name under it can be swapped for a symlink, a
# FIFO or a hard link between two commands. sh has no openat/fchown, so the script works like this:
#  - Directories are changed through the working directory: `cd -P DIR`, check that `pwd -P` is the expected
#    real path and that `.` is a directory with the expected owner, then `chown`/`chmod` on `.`. The working
#    directory is an inode, not a name: a swap after the check cannot redirect the change.
#  - authorized_keys is opened once (fd 4) after `[ -f ] && [ ! -L ]`; the open object is then checked
#    (regular file, one link, same inode as the name, owned by root or the user) and changed through
#    /proc/self/fd/4, which names the open object, never a path the user controls.
#  - New files are created with noclobber (`set -C`: O_CREAT|O_EXCL, which never follows a symlink), written
#    through their descriptor, chowned/chmodded through /proc/self/fd, and renamed in the checked directory.
#  - Backups and the manifest live under /var/backups/sshdoctor/RUN-ID (root's, 0700, outside every home); nothing
#    is copied by a user's name. Each manifest entry is written and synced BEFORE its change, so a run killed at any
#    point can still be undone.
# What sh cannot make race-free is listed in docs/userdata-safety.md.
BACKUP_BASE=/var/backups/sshdoctor
BACKUP_DIR=
CHANGED=0
MODE=${1:-repair}
RUN_ID=${2:-}
REPORT_N=0
PENDING=
ENTRY_N=0
TAB=$(printf '\t')
NL='
'

say() {
    printf 'sshdoctor: %s\n' "$*"
    if [ -w /dev/console ]; then
        printf 'sshdoctor: %s\n' "$*" >>/dev/console 2>/dev/null || :
    fi
}

# ---- the machine-readable report -----------------------------------------------------------------------------
# A JSON string: backslash, quote and every control character escaped (the text may come from the target).
js() {
    printf '%s' "$1" | awk '
        BEGIN { ORS = ""; for (i = 1; i < 32; i++) esc[sprintf("%c", i)] = sprintf("\\u%04x", i); esc["\177"] = "\\u007f"
                esc["\t"] = "\\t"; esc["\r"] = "\\r"; esc["\\"] = "\\\\"; esc["\""] = "\\\""; print "\"" }
        NR > 1 { print "\\n" }
        { out = ""; n = length($0)
          for (i = 1; i <= n; i++) { c = substr($0, i, 1); out = out ((c in esc) ? esc[c] : c) }
          print out }
        END { print "\"" }'
}

# A mode:uid:gid triple as a JSON object, or null.
jmeta() {
    if [ -z "$1" ]; then printf 'null'; return; fi
    printf '{"mode":"%s","uid":%s,"gid":%s}' "$(printf '%s' "$1" | cut -d: -f1)" "$(printf '%s' "$1" | cut -d: -f2)" "$(printf '%s' "$1" | cut -d: -f3)"
}

# One report line; $1 is the inside of the JSON object (after "n" and "run").
report() {
    REPORT_N=$((REPORT_N + 1))
    line="sshdoctor-report: {\"n\":$REPORT_N,\"run\":$(js "$RUN_ID"),\"mode\":\"$MODE\",$1}"
    printf '%s\n' "$line"
    if [ -w /dev/console ]; then printf '%s\n' "$line" >>/dev/console 2>/dev/null || :; fi
    PENDING="$PENDING$line$NL"
    flush_report
}

flush_report() {
    if [ -n "$BACKUP_DIR" ] && [ -n "$PENDING" ] && [ "$MODE" = repair ]; then
        printf '%s' "$PENDING" >>"$BACKUP_DIR/report.jsonl" && PENDING=
    fi
}

# An action line: action, path, before meta, after meta, result, detail.
act() {
    report "\"action\":$(js "$1"),\"path\":$(js "$2"),\"before\":$(jmeta "$3"),\"after\":$(jmeta "$4"),\"result\":$(js "$5"),\"detail\":$(js "$6")"
}

# The summary line, then exit. $1 result, $2 exit code, $3 message.
finish() {
    sha=
    if [ -n "$BACKUP_DIR" ] && [ -f "$BACKUP_DIR/manifest" ]; then
        sha=$(sha256sum <"$BACKUP_DIR/manifest" | cut -d' ' -f1)
    fi
    dir=null
    [ -z "$BACKUP_DIR" ] || dir=$(js "$BACKUP_DIR")
    man=null
    [ -z "$sha" ] || man="\"$sha\""
    report "\"summary\":true,\"result\":\"$1\",\"user\":$(js "$SSHDOCTOR_USER"),\"changed\":$CHANGED,\"backup_dir\":$dir,\"manifest_sha256\":$man,\"lines\":$((REPORT_N + 1)),\"message\":$(js "$3")"
    exit "$2"
}

fail() {
    say "$*"
    say "nothing more changed"
    act refuse "${FAIL_PATH:-}" "" "" refused "$*"
    finish refused 1 "$*"
}

# ---- owners, modes, contents ----------------------------------------------------------------------------------
meta_of() { stat -L -c '%a:%u:%g' "$1" | awk -F: '{ printf "%04d:%s:%s", $1, $2, $3 }'; }
mode_of() { stat -L -c '%a' "$1"; }
uid_of() { stat -L -c '%u' "$1"; }
gid_of() { stat -L -c '%g' "$1"; }
ino_of() { stat -L -c '%d:%i' "$1"; }
sha_of() { sha256sum <"$1" | cut -d' ' -f1; }

# Octal test: is any bit of mask $2 set in mode $1 (both octal strings)?
has_bits() { [ $(( 0$1 & 0$2 )) -ne 0 ]; }

# ---- the run directory and its manifest -------------------------------------------------------------------------
valid_run_id() {
    case "$1" in
        '' | .* | *[!A-Za-z0-9._-]*) return 1 ;;
    esac
    [ "${#1}" -le 64 ]
}

# A directory of root's that nobody else may write or read: not a link, owned by uid 0, no group/other bits.
private_root_dir() {
    [ ! -L "$1" ] && [ -d "$1" ] && [ -n "$(find "$1" -maxdepth 0 -type d -user 0 ! -perm -0001 ! -perm -0002 ! -perm -0004 ! -perm -0010 ! -perm -0020 ! -perm -0040 2>/dev/null)" ]
}

backup_dir() {
    if [ -z "$BACKUP_DIR" ]; then
        [ ! -L "$BACKUP_BASE" ] || fail "$BACKUP_BASE is a symbolic link: not used"
        if [ ! -d "$BACKUP_BASE" ]; then
            mkdir -p "${BACKUP_BASE%/*}" || fail "cannot create ${BACKUP_BASE%/*}"
            mkdir -m 0700 "$BACKUP_BASE" || fail "cannot create $BACKUP_BASE"
        fi
        [ -n "$(find "$BACKUP_BASE" -maxdepth 0 -type d -user 0 2>/dev/null)" ] || fail "$BACKUP_BASE is not a directory owned by root"
        mkdir -m 0700 "$BACKUP_BASE/$RUN_ID" || fail "cannot create backup directory $BACKUP_BASE/$RUN_ID (is the run id already used?)"
        BACKUP_DIR="$BACKUP_BASE/$RUN_ID"
        private_root_dir "$BACKUP_DIR" || fail "$BACKUP_DIR is not root's private directory"
        {
            printf 'sshdoctor-manifest\t1\n'
            printf 'user\t%s\nuid\t%s\ngid\t%s\nhome\t%s\n' "$SSHDOCTOR_USER" "$USER_UID" "$USER_GID" "$HOME_REAL"
            # where the keys file is: below the home (sub, file) or a central path outside it
            printf 'sub\t%s\nfile\t%s\n' "$SUB" "$AK"
            [ "$KEYS_OBJ" != C ] || printf 'central\t%s\n' "$KEYS_PATH"
        } >"$BACKUP_DIR/manifest" || fail "cannot write $BACKUP_DIR/manifest"
        say "backups: $BACKUP_DIR"
        flush_report
    fi
}

# Appends one manifest entry and syncs it to disk before the change it describes is made.
entry() {
    backup_dir
    ENTRY_N=$((ENTRY_N + 1))
    { printf '%s\t' "$ENTRY_N" "$@"; printf '\n'; } >>"$BACKUP_DIR/manifest" || fail "cannot write $BACKUP_DIR/manifest"
    sync "$BACKUP_DIR/manifest" 2>/dev/null || sync
}

# After a change: what the object is now (the undo compares with it).
entry_done() {
    printf 'done\t%s\t%s\t\n' "$ENTRY_N" "$1" >>"$BACKUP_DIR/manifest" || fail "cannot write $BACKUP_DIR/manifest"
}

# Changes owner or mode of object $1 (H home, S ~/.ssh, A authorized_keys; outside the home: D a directory, C the
# central keys file), shown as $2, through handle $3 ("." or /proc/self/fd/4): $4 chown|chmod, $5 its argument, $6 the
# intended mode:uid:gid, $7 the detail, $8 (D only) the directory's path.
change_meta() {
    before=$(meta_of "$3")
    entry meta "$1" "$before" "$6" ${8:+"$8"}
    if [ "$4" = chown ]; then
        chown "$5" "$3" || fail "cannot chown $2"
    else
        chmod "$5" "$3" || fail "cannot chmod $2"
    fi
    now=$(meta_of "$3")
    entry_done "$now"
    CHANGED=1
    act "$4" "$2" "$before" "$now" changed "$7"
}

# ---- the account ---------------------------------------------------------------------------------------------
# getent sees every NSS source (files, sss, ldap); a minimal image without it falls back to the files.
db() {
    if command -v getent >/dev/null 2>&1; then
        getent "$@"
    elif [ $# -eq 1 ]; then
        cat "/etc/$1"
    else
        awk -F: -v k="$2" '$1 == k || $3 == k' "/etc/$1"
    fi
}

# Does group $1 (a gid) have the user as its only member, the way Debian's sshd decides it?
private_group() {
    grline=$(db group "$1" 2>/dev/null | head -n 1)
    [ -n "$grline" ] || return 1
    members=$(printf '%s\n' "$grline" | cut -d: -f4)
    others=$(db passwd | awk -F: -v g="$1" -v u="$USER_UID" '$4 == g && $3 != u { n++ } END { print n + 0 }')
    [ "$others" -eq 0 ] || return 1
    primary=$(db passwd | awk -F: -v g="$1" -v u="$USER_UID" '$4 == g && $3 == u { n++ } END { print n + 0 }')
    count=$primary
    if [ -n "$members" ]; then
        [ "$members" = "$SSHDOCTOR_USER" ] || return 1
        count=$((count + 1))
    fi
    [ "$count" -gt 0 ]
}

# cd into directory $1 without trusting its name: the real path must be $2 and "." a directory (not a link).
enter() {
    [ ! -L "$1" ] || fail "$1 is a symbolic link: not repaired automatically"
    cd -P -- "$1" 2>/dev/null || fail "cannot enter $1"
    [ "$(pwd -P)" = "$2" ] || fail "$1 changed while it was being repaired (it now resolves to $(pwd -P)): not repaired"
    [ -d . ] || fail "$1 is not a directory"
}

# The home's real path, entered, after checking its parent is root's (the user cannot swap the home itself).
enter_home() {
    [ -d "$HOME_DIR" ] || fail "$HOME_DIR is not a directory"
    HOME_REAL=$(cd -P -- "$HOME_DIR" 2>/dev/null && pwd -P) || fail "cannot enter $HOME_DIR"
    HOME_REAL_PARENT=${HOME_REAL%/*}
    [ -n "$HOME_REAL_PARENT" ] || HOME_REAL_PARENT=/
    [ -n "$(find "$HOME_REAL_PARENT" -maxdepth 0 -type d -user 0 ! -perm -0002 2>/dev/null)" ] ||
        [ -n "$(find "$HOME_REAL_PARENT" -maxdepth 0 -type d -user 0 -perm -1000 2>/dev/null)" ] ||
        fail "the parent of $HOME_DIR ($HOME_REAL_PARENT) is not a root-owned directory: not repaired"
    cd -P -- "$HOME_REAL" || fail "cannot enter $HOME_DIR"
    [ "$(pwd -P)" = "$HOME_REAL" ] || fail "$HOME_DIR changed while it was being repaired: not repaired"
}

# Opens authorized_keys (in the working directory, the checked ~/.ssh) as fd 4 and checks the open object is the
# user's plain file, reached by its own name.
AK=authorized_keys
open_auth_file() {
    exec 4<&- 2>/dev/null
    if [ ! -f "$AK" ] || [ -L "$AK" ]; then fail "$AUTH_FILE is not a regular file"; fi
    command exec 4<"$AK" 2>/dev/null || fail "cannot open $AUTH_FILE"
    [ -f /proc/self/fd/4 ] || fail "$AUTH_FILE is not a regular file: not repaired"
    if [ -L "$AK" ] || [ "$(ino_of /proc/self/fd/4)" != "$(stat -c '%d:%i' "$AK")" ]; then
        fail "$AUTH_FILE changed while it was being repaired: not repaired"
    fi
    [ "$(stat -L -c '%h' /proc/self/fd/4)" = 1 ] ||
        fail "$AUTH_FILE has more than one hard link: another file shares it; not repaired automatically"
    AK_FD=/proc/self/fd/4
}

# A new file beside authorized_keys, created O_EXCL (never through a symlink) and open as fd 5.
new_temp() {
    exec 5>&- 2>/dev/null
    TMP_NAME=".authorized_keys.sshdoctor.$$.$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')"
    # noclobber: O_CREAT|O_EXCL, so the shell never opens through a name the user planted first
    set -C
    command exec 5>"$TMP_NAME" 2>/dev/null || fail "cannot create a temporary file in $SSH_DIR"
    set +C
    if [ ! -f /proc/self/fd/5 ] || [ "$(ino_of /proc/self/fd/5)" != "$(stat -c '%d:%i' "$TMP_NAME")" ]; then
        fail "the temporary file in $SSH_DIR was replaced: not repaired"
    fi
}

# Moves the temp file (written through fd 5) over authorized_keys: owner and mode $1 (mode:uid:gid) set through the
# descriptor, data synced, checked again, then renamed inside the checked directory.
install_temp() {
    chmod "${1%%:*}" /proc/self/fd/5 || fail "cannot set the mode of the new $AUTH_FILE"
    rest=${1#*:}
    chown "$rest" /proc/self/fd/5 || fail "cannot set the owner of the new $AUTH_FILE"
    sync /proc/self/fd/5 2>/dev/null || sync
    if [ -L "$TMP_NAME" ] || [ "$(ino_of /proc/self/fd/5)" != "$(stat -c '%d:%i' "$TMP_NAME")" ]; then
        fail "the temporary file in $SSH_DIR was replaced: not repaired"
    fi
    [ ! -d "$AK" ] || fail "$AUTH_FILE became a directory: not repaired"
    mv -f -- "$TMP_NAME" "$AK" || fail "cannot replace $AUTH_FILE"
    exec 5>&-
    open_auth_file
}

# The new content is written to fd 5: back up the old one, record both, replace. $1 action, $2 detail.
replace_auth_file() {
    meta=$(meta_of "$AK_FD")
    old=$(sha_of "$AK_FD")
    new=$(sha_of /proc/self/fd/5)
    entry content "$KEYS_OBJ" "$meta:$old" "$meta:$new" "$TMP_NAME"
    (set -C && cat "$AK_FD" >"$BACKUP_DIR/$ENTRY_N.before") || fail "cannot back up $AUTH_FILE"
    touch -r "$AK_FD" "$BACKUP_DIR/$ENTRY_N.before" 2>/dev/null
    sync "$BACKUP_DIR/$ENTRY_N.before" 2>/dev/null || sync
    install_temp "$meta"
    entry_done "$(meta_of "$AK_FD"):$(sha_of "$AK_FD")"
    CHANGED=1
    act "$1" "$AUTH_FILE" "$meta" "$(meta_of "$AK_FD")" changed "$2"
}

# ---- which file takes the key ---------------------------------------------------------------------------------
# sshd itself says where it looks for this user (sshd -T, Match blocks applied); without a usable sshd, its default.
SSHD_AKF=
SSHD_STRICT=yes
ask_sshd() {
    case "$SSHDOCTOR_USER" in *[,=\ ]* | '') return 1 ;; esac
    for s in /usr/sbin/sshd /usr/local/sbin/sshd /sbin/sshd "$(command -v sshd 2>/dev/null)"; do
        [ -x "$s" ] || continue
        cfg=$("$s" -T -C "user=$SSHDOCTOR_USER,host=localhost,addr=127.0.0.1" 2>/dev/null) || continue
        SSHD_AKF=$(printf '%s\n' "$cfg" | awk '$1 == "authorizedkeysfile" { sub(/^[^ ]+ +/, ""); print; exit }')
        SSHD_STRICT=$(printf '%s\n' "$cfg" | awk '$1 == "strictmodes" { print $2; exit }')
        [ -z "$SSHD_AKF" ] || return 0
    done
    return 1
}

# An AuthorizedKeysFile entry expanded as sshd expands it (%% %h %u %U, a leading ~/ is root's home, a relative path
# is below the home); status 1 for a token sshd rejects (fatal for sshd: no later entry is read).
expand_keys_path() {
    P=$1 H=$HOME_DIR U=$SSHDOCTOR_USER I=$USER_UID R=$ROOT_HOME awk 'BEGIN {
        s = ENVIRON["P"]; if (substr(s, 1, 2) == "~/") s = ENVIRON["R"] substr(s, 2)
        out = ""; n = length(s)
        for (i = 1; i <= n; i++) {
            c = substr(s, i, 1)
            if (c != "%") { out = out c; continue }
            if (i == n) exit 1
            t = substr(s, ++i, 1)
            if (t == "%") out = out "%"; else if (t == "h") out = out ENVIRON["H"]; else if (t == "u") out = out ENVIRON["U"]
            else if (t == "U") out = out ENVIRON["I"]; else exit 1
        }
        if (substr(out, 1, 1) != "/") out = ENVIRON["H"] "/" out
        gsub(/\/\/+/, "/", out); print out }'
}

# Which line of file $1 holds the key as sshd reads it: "LINE:FIELD" (FIELD 1: at the start; more: after options).
key_line_in() {
    awk -v t="$KEY_TYPE" -v b="$KEY_BLOB" '
        function options(s,  n, parts, k, name) {
            # quoted values may hold spaces and commas; an unterminated quote makes sshd refuse the line
            if (s ~ /"/) return gsub(/"/, "\"", s) % 2 == 0
            n = split(s, parts, ",")
            for (k = 1; k <= n; k++) {
                name = tolower(parts[k]); sub(/=.*/, "", name)
                if (name !~ /^(agent-forwarding|cert-authority|command|environment|expiry-time|from|no-agent-forwarding|no-port-forwarding|no-pty|no-user-rc|no-x11-forwarding|no-touch-required|permitlisten|permitopen|port-forwarding|principals|pty|restrict|tunnel|user-rc|verify-required|x11-forwarding)$/) return 0
            }
            return 1
        }
        /^[ \t]*#/ { next }
        /^[ \t]*"/ { next }
        { for (i = 1; i < NF; i++) if ($i == t && $(i + 1) == b) {
              pre = $0; sub(/^[ \t]+/, "", pre); pre = substr(pre, 1, index(pre, t " " b) - 1); sub(/[ \t]+$/, "", pre)
              if (i == 1 || options(pre)) { print NR ":" i; exit }
          } }
    ' "$1"
}

# Can the user (not root) read (r) or search (x) the existing object $1, by its owner, group and other bits?
user_may() {
    [ "$USER_UID" != 0 ] || return 0
    st=$(stat -c '%a %u %g' -- "$1" 2>/dev/null) || return 1
    perm=0${st%% *}; st=${st#* }; ouid=${st%% *}; ogid=${st#* }
    case "$2" in r) b=4 ;; *) b=1 ;; esac
    if [ "$ouid" = "$USER_UID" ]; then [ $(( (perm >> 6) & b )) -ne 0 ]; return; fi
    for g in $USER_GIDS; do
        if [ "$g" = "$ogid" ]; then [ $(( (perm >> 3) & b )) -ne 0 ]; return; fi
    done
    [ $(( perm & b )) -ne 0 ]
}

# Does StrictModes refuse the existing object $1 (owned by neither root nor the user, or group/world-writable)?
strict_refuses() {
    o=$(uid_of "$1")
    { [ "$o" != 0 ] && [ "$o" != "$USER_UID" ]; } || has_bits "$(mode_of "$1")" 022
}

# Takes the first name off PATH_LEFT (a relative path) into PART. The walks below share these two globals; none of
# them runs inside another.
next_part() {
    case "$PATH_LEFT" in */*) PART=${PATH_LEFT%%/*}; PATH_LEFT=${PATH_LEFT#*/} ;; *) PART=$PATH_LEFT; PATH_LEFT= ;; esac
}

# Why the file $1 outside the home cannot take the key; empty when it can. $2 "place": without widening anyone's
# access (every part as sshd wants it already; missing parts are created root's, 755); "repair": the script may
# narrow what StrictModes refuses, never the root directory or a shared (sticky) directory.
central_refusal() {
    case "/$1/" in */./* | */../*) echo "a . or .. in its path"; return ;; esac
    if [ "$SSHD_STRICT" != no ] && strict_refuses /; then echo "/ is writable by group or others"; return; fi
    cw=; PATH_LEFT=${1#/}
    while :; do
        next_part
        cw="$cw/$PART"
        if [ -L "$cw" ]; then echo "$cw is a symbolic link"; return; fi
        if [ ! -e "$cw" ]; then
            [ -n "$PATH_LEFT" ] || [ "$2" = place ] || echo "it does not exist"
            return
        fi
        if [ -n "$PATH_LEFT" ]; then
            [ -d "$cw" ] || { echo "$cw is not a directory"; return; }
            user_may "$cw" x || { echo "$SSHDOCTOR_USER cannot enter $cw"; return; }
        else
            [ -f "$cw" ] || { echo "it is not a regular file"; return; }
            user_may "$cw" r || { echo "$SSHDOCTOR_USER cannot read it"; return; }
        fi
        if [ "$SSHD_STRICT" != no ] && strict_refuses "$cw"; then
            if [ "$2" = place ]; then echo "StrictModes refuses $cw, and changing it would change what other accounts may do"; return; fi
            if [ -d "$cw" ] && has_bits "$(mode_of "$cw")" 1000; then echo "$cw is a shared (sticky) directory that StrictModes refuses"; return; fi
        fi
        [ -n "$PATH_LEFT" ] || return 0
    done
}

# Does the path below the home, $1 relative to it, lead through a symbolic link?
home_link_in() {
    cw=$HOME_DIR; PATH_LEFT=$1
    while [ -n "$PATH_LEFT" ]; do
        next_part
        cw="$cw/$PART"
        [ ! -L "$cw" ] || return 0
    done
    return 1
}

# Chooses the file the key goes in, as `fix` does: the first file sshd reads that already holds the key (its parts
# are then repaired), else the first that can take it without widening anyone's access. Below the home any file
# works (the user's own files are repaired); outside it (a central /etc/ssh/keys/%u) see central_refusal.
# Sets KEYS_PATH, KEYS_OBJ (A below the home, C outside), SUB (the directory below the home, or empty) and AK.
choose_keys_file() {
    ROOT_HOME=$(db passwd 0 2>/dev/null | head -n 1 | cut -d: -f6)
    ROOT_HOME=${ROOT_HOME%/}
    USER_GIDS=$(id -G -- "$SSHDOCTOR_USER" 2>/dev/null) || USER_GIDS=$USER_GID
    if ask_sshd; then
        say "sshd reads the keys of $SSHDOCTOR_USER from: $SSHD_AKF (StrictModes ${SSHD_STRICT:-yes})"
    else
        SSHD_AKF=.ssh/authorized_keys
        say "could not ask sshd (sshd -T) where it reads keys: using .ssh/authorized_keys"
    fi
    KEY_TYPE=$(printf '%s\n' "$SSHDOCTOR_KEY" | awk '{ print $1 }')
    KEY_BLOB=$(printf '%s\n' "$SSHDOCTOR_KEY" | awk '{ print $2 }')
    candidates=
    set -f
    for pattern in $SSHD_AKF; do
        case "$pattern" in [Nn][Oo][Nn][Ee]) continue ;; esac
        p=$(expand_keys_path "$pattern") || { say "AuthorizedKeysFile $pattern: sshd cannot expand it and reads no file after it"; break; }
        case "$p" in
            *[[:cntrl:]]*) say "passed over $pattern: a control character"; continue ;;
            *[*?[]*) say "passed over $p: a pattern, not one file"; continue ;;
        esac
        candidates="$candidates$p$NL"
    done
    set +f
    KEYS_PATH=
    for pass in holds place; do
        [ -n "$SSHDOCTOR_KEY" ] || [ "$pass" = place ] || continue
        while IFS= read -r p; do
            [ -n "$p" ] || continue
            case "$p" in
                "$HOME_DIR"/*)
                    rel=${p#"$HOME_DIR"/}
                    case "/$rel/" in
                        */./* | */../* | *//*) [ "$pass" = holds ] || say "passed over $p: a . or .. in its path"; continue ;;
                        /*/*/*/) [ "$pass" = holds ] || say "passed over $p: more than one directory below the home (this script does not handle it)"; continue ;;
                    esac
                    if [ "$pass" = holds ]; then
                        home_link_in "$rel" && continue
                        if [ ! -f "$p" ] || [ -z "$(key_line_in "$p" 2>/dev/null)" ]; then continue; fi
                    fi
                    KEYS_OBJ=A
                    case "$rel" in */*) SUB=${rel%/*}; AK=${rel#*/} ;; *) SUB=; AK=$rel ;; esac
                    ;;
                *)
                    if [ "$pass" = holds ]; then
                        if [ -n "$(central_refusal "$p" repair)" ] || [ -z "$(key_line_in "$p" 2>/dev/null)" ]; then continue; fi
                    else
                        why=$(central_refusal "$p" place)
                        if [ -n "$why" ]; then say "passed over $p: $why"; continue; fi
                    fi
                    KEYS_OBJ=C; SUB=; AK=${p##*/}
                    ;;
            esac
            KEYS_PATH=$p
            break
        done <<EOF
$candidates
EOF
        [ -z "$KEYS_PATH" ] || break
    done
    [ -n "$KEYS_PATH" ] || { FAIL_PATH=; fail "no file AuthorizedKeysFile names ($SSHD_AKF) can take the key without widening anyone's access"; }
    say "the key goes in $KEYS_PATH"
}

# ================================================================================================================
# repair
# ================================================================================================================
do_repair() {
    if [ -z "$RUN_ID" ]; then RUN_ID="run-$(date -u +%Y%m%dT%H%M%SZ)-$$"; fi
    valid_run_id "$RUN_ID" || { RUN_ID=invalid; fail "the run id may hold only letters, digits, '.', '_' and '-' (at most 64)"; }

    PWLINE=$(db passwd "$SSHDOCTOR_USER" 2>/dev/null | head -n 1)
    if [ -z "$PWLINE" ]; then
        say "user $SSHDOCTOR_USER does not exist on this system (getent passwd found nothing)"
        say "check the user name for this image; nothing was changed"
        act refuse "" "" "" refused "no such user"
        finish no_such_user 1 "user $SSHDOCTOR_USER does not exist on this system"
    fi
    USER_UID=$(printf '%s\n' "$PWLINE" | cut -d: -f3)
    USER_GID=$(printf '%s\n' "$PWLINE" | cut -d: -f4)
    HOME_DIR=$(printf '%s\n' "$PWLINE" | cut -d: -f6)
    say "user $SSHDOCTOR_USER: uid $USER_UID, gid $USER_GID, home $HOME_DIR"
    case "$HOME_DIR" in
        /) fail "home directory of $SSHDOCTOR_USER is /: not repaired" ;;
        *"$TAB"* | *[[:cntrl:]]*) fail "home directory of $SSHDOCTOR_USER holds a control character: not repaired" ;;
        /*) ;;
        *) fail "home directory of $SSHDOCTOR_USER is not an absolute path: '$HOME_DIR'" ;;
    esac
    HOME_DIR=${HOME_DIR%/}
    HOME_REAL=$HOME_DIR

    # Debian and Ubuntu patch sshd: a group-writable path is accepted when its group's only member is the user.
    PRIVATE_GROUP_RULE=0
    if [ -r /etc/os-release ]; then
        OS_IDS=$(sed -n 's/^ID=//p; s/^ID_LIKE=//p' /etc/os-release | tr -d '"'"'" | tr '[:upper:]' '[:lower:]')
        for id in $OS_IDS; do
            case "$id" in debian | ubuntu) PRIVATE_GROUP_RULE=1 ;; esac
        done
    fi

    choose_keys_file
    if [ "$KEYS_OBJ" = C ]; then
        repair_central
        finish_repair
    fi
    SSH_DIR="$HOME_DIR${SUB:+/$SUB}"
    AUTH_FILE="$SSH_DIR/$AK"

    HOME_PARENT=${HOME_DIR%/*}
    [ -n "$HOME_PARENT" ] || HOME_PARENT=/
    FAIL_PATH=$HOME_DIR
    if [ -L "$HOME_DIR" ] && [ ! -d "$HOME_DIR" ]; then
        fail "$HOME_DIR is a dangling symbolic link"
    fi
    # A home that is itself a link may lead to another account's files (/home/alice -> /root): reported, not followed.
    if [ -L "$HOME_DIR" ]; then
        fail "$HOME_DIR is a symbolic link to $(readlink "$HOME_DIR"): not repaired automatically"
    fi
    if [ ! -e "$HOME_DIR" ] && [ ! -L "$HOME_DIR" ]; then
        # a missing /home (unmounted home filesystem) is created 0755, as the distributions ship it
        if [ ! -d "$HOME_PARENT" ]; then
            (umask 022 && mkdir -p "$HOME_PARENT") || fail "cannot create $HOME_PARENT"
        fi
        [ -n "$(find "$HOME_PARENT" -maxdepth 0 -type d -user 0 ! -perm -0002 2>/dev/null)" ] ||
            fail "the parent of $HOME_DIR ($HOME_PARENT) is not a root-owned directory: not repaired"
        HOME_REAL="$(cd -P -- "$HOME_PARENT" && pwd -P)/${HOME_DIR##*/}"
        HOME_REAL=$(printf '%s' "$HOME_REAL" | sed 's://*:/:g')
        entry mkhome H "" "0700:$USER_UID:$USER_GID"
        mkdir -m 0700 "$HOME_DIR" || fail "cannot create $HOME_DIR"
        if [ -d /etc/skel ]; then
            cp -Rp /etc/skel/. "$HOME_DIR"/ 2>/dev/null
        fi
        # -R -P -h: never follows a symbolic link, on the command line or inside the copy
        chown -R -P -h "$USER_UID:$USER_GID" "$HOME_DIR"
        entry_done "$(listing "$HOME_DIR")"
        say "created missing home $HOME_DIR from /etc/skel (mode 700, owner $USER_UID:$USER_GID)"
        CHANGED=1
        act mkdir "$HOME_DIR" "" "$(meta_of "$HOME_DIR")" changed "created from /etc/skel"
    fi
    enter_home

    owner=$(uid_of .)
    if [ "$owner" != 0 ] && [ "$owner" != "$USER_UID" ]; then
        m=$(meta_of .)
        change_meta H "$HOME_DIR" . chown "$USER_UID:$USER_GID" "${m%%:*}:$USER_UID:$USER_GID" "owner was uid $owner"
        say "fixed owner of $HOME_DIR: was uid $owner, now $USER_UID:$USER_GID"
    fi
    m=$(mode_of .)
    if has_bits "$m" 002; then
        change_meta H "$HOME_DIR" . chmod o-w "$(printf '%04o' $((0$m & ~002))):$(uid_of .):$(gid_of .)" "world write removed"
        say "removed world write from $HOME_DIR (was $m)"
    fi
    m=$(mode_of .)
    if has_bits "$m" 020; then
        if [ "$PRIVATE_GROUP_RULE" = 1 ] && private_group "$(gid_of .)"; then
            say "$HOME_DIR is group-writable by the user's private group: allowed on this distribution, left as is"
        else
            change_meta H "$HOME_DIR" . chmod g-w "$(printf '%04o' $((0$m & ~020))):$(uid_of .):$(gid_of .)" "group write removed"
            say "removed group write from $HOME_DIR (was $m)"
        fi
    fi

    FAIL_PATH=$SSH_DIR
    SSH_REAL="$HOME_REAL${SUB:+/$SUB}"
    if [ -n "$SUB" ]; then
        if [ -L "$SUB" ]; then
            fail "$SSH_DIR is a symbolic link: not repaired automatically"
        fi
        if [ ! -e "$SUB" ]; then
            make_dir S "$SUB" "$SSH_DIR" "$SSH_REAL" 0700 "created" "mode 700"
        else
            [ -d "$SUB" ] || fail "$SSH_DIR is not a directory"
            enter "$SUB" "$SSH_REAL"
        fi
        fix_owner S "$SSH_DIR" .
        fix_mode S "$SSH_DIR" . 0700 0100
    fi

    # From here on the working directory is the checked ~/.ssh: every name below is relative to it.
    FAIL_PATH=$AUTH_FILE
    if [ -L "$AK" ]; then
        fail "$AUTH_FILE is a symbolic link: not repaired automatically"
    fi
    if [ ! -e "$AK" ]; then
        entry create A "" "0600:0:0:$(printf '' | sha256sum | cut -d' ' -f1)"
        (set -C && : >"$AK") || fail "cannot create $AUTH_FILE"
        open_auth_file
        entry_done "$(meta_of "$AK_FD"):$(sha_of "$AK_FD")"
        CHANGED=1
        act create "$AUTH_FILE" "" "$(meta_of "$AK_FD")" changed "created empty"
        say "created missing $AUTH_FILE (mode 600)"
    fi
    open_auth_file
    fix_owner A "$AUTH_FILE" "$AK_FD"
    fix_mode A "$AUTH_FILE" "$AK_FD" 0600 0400
    repair_content
    exec 4<&-
    cd /
    RESTORE_PATH=$SSH_REAL
    [ -n "$SUB" ] || RESTORE_PATH="$HOME_REAL/$AK"
    finish_repair
}

# The end of a repair run: SELinux labels, the summary line.
finish_repair() {
    if command -v restorecon >/dev/null 2>&1; then
        restorecon -R "$RESTORE_PATH" 2>/dev/null && say "restored SELinux labels of $RESTORE_PATH"
    fi

    FAIL_PATH=
    say "remove this user data from the instance now that it has run (ec2 fix --via userdata does it)"
    if [ "$CHANGED" = 1 ] && [ -n "$BACKUP_DIR" ]; then
        say "done: repaired; backups in $BACKUP_DIR (undo: run this script with: undo $RUN_ID)"
        finish repaired 0 "repaired"
    elif [ "$CHANGED" = 1 ]; then
        say "done: repaired (only missing pieces were created)"
        finish repaired 0 "repaired"
    fi
    say "done: nothing to change"
    finish nothing_to_change 0 "nothing to change"
}

# The key's file outside the home (KEYS_PATH): missing directories are created root's, 755, and the file root's, 644;
# with StrictModes, a part owned by another user is given to root and group/world write is removed, from / down.
# Every directory is entered by its name after checking it is no link, the file opened once (fd 4), as below the home.
repair_central() {
    FAIL_PATH=$KEYS_PATH
    AUTH_FILE=$KEYS_PATH
    SSH_DIR=${KEYS_PATH%/*}
    [ -n "$SSH_DIR" ] || SSH_DIR=/
    why=$(central_refusal "$KEYS_PATH" repair)
    case "$why" in '' | "it does not exist") ;; *) fail "$KEYS_PATH: $why: not repaired" ;; esac
    cd / || fail "cannot enter /"
    walk=; PATH_LEFT=${SSH_DIR#/}
    while [ -n "$PATH_LEFT" ]; do
        next_part
        walk="$walk/$PART"
        FAIL_PATH=$walk
        if [ ! -e "$PART" ] && [ ! -L "$PART" ]; then
            make_dir D "$PART" "$walk" "$walk" 0755 "created (root, 755)" "root, mode 755"
            continue
        fi
        enter "$PART" "$walk"
        [ "$SSHD_STRICT" != no ] || continue
        narrow_central D "$walk" .
    done
    FAIL_PATH=$KEYS_PATH
    if [ -L "$AK" ]; then
        fail "$AUTH_FILE is a symbolic link: not repaired automatically"
    fi
    if [ ! -e "$AK" ]; then
        entry create C "" "0644:0:0:$(printf '' | sha256sum | cut -d' ' -f1)"
        (umask 022 && set -C && : >"$AK") || fail "cannot create $AUTH_FILE"
        open_auth_file
        entry_done "$(meta_of "$AK_FD"):$(sha_of "$AK_FD")"
        CHANGED=1
        act create "$AUTH_FILE" "" "$(meta_of "$AK_FD")" changed "created empty (root, 644)"
        say "created missing $AUTH_FILE (root, mode 644)"
    fi
    open_auth_file
    [ "$SSHD_STRICT" = no ] || narrow_central C "$AUTH_FILE" "$AK_FD"
    repair_content
    exec 4<&-
    cd /
    RESTORE_PATH=$KEYS_PATH
}

# Object $1 (D or C) outside the home, shown as $2, through handle $3: what StrictModes refuses is narrowed (another
# user's part is given to root, its group kept; group and world write removed). Never a shared (sticky) directory.
narrow_central() {
    was=$(uid_of "$3")
    if [ "$was" != 0 ] && [ "$was" != "$USER_UID" ]; then
        m=$(meta_of "$3")
        change_meta "$1" "$2" "$3" chown "0:$(gid_of "$3")" "${m%%:*}:0:$(gid_of "$3")" "owner was uid $was" "$2"
        say "gave $2 to root: it was owned by uid $was"
    fi
    m=$(mode_of "$3")
    if has_bits "$m" 022; then
        [ "$1" != D ] || ! has_bits "$m" 1000 || fail "$2 is a shared (sticky) directory that StrictModes refuses: not repaired"
        change_meta "$1" "$2" "$3" chmod go-w "$(printf '%04o' $((0$m & ~022))):$(uid_of "$3"):$(gid_of "$3")" "group and world write removed" "$2"
        say "removed group and world write from $2 (was $m)"
    fi
}

# Creates the missing directory $2 (a name in the working directory) as root's with mode $5, recorded first as object
# $1 (S below the home, D outside it, whose manifest entry carries its path), and enters it: its real path must be $4
# and it must still be root's (not swapped in between). $3 is how it is shown, $6 the report's detail, $7 the words
# after "created missing ...".
make_dir() {
    if [ "$1" = D ]; then entry mkdir D "" "$5:0:0" "$4"; else entry mkdir "$1" "" "$5:0:0"; fi
    (umask 022 && mkdir -m "$5" -- "$2") || fail "cannot create $3"
    enter "$2" "$4"
    [ "$(uid_of .)" = 0 ] || fail "$3 was replaced while it was being created: not repaired"
    entry_done "$(meta_of .)"
    CHANGED=1
    act mkdir "$3" "" "$(meta_of .)" changed "$6"
    say "created missing $3 ($7)"
}

# Object $1 (S or A) shown as $2 through handle $3: owned by the user.
fix_owner() {
    was=$(uid_of "$3")
    if [ "$was" != "$USER_UID" ]; then
        m=$(meta_of "$3")
        change_meta "$1" "$2" "$3" chown "$USER_UID:$USER_GID" "${m%%:*}:$USER_UID:$USER_GID" "owner was uid $was"
        say "fixed owner of $2: was uid $was, now $USER_UID:$USER_GID"
    fi
}

# $4: the mode to set when the current one is wider (any group/other or special bit) or lacks $5, what the owner
# needs to use it (x on ~/.ssh, r on authorized_keys). A narrower usable mode is kept.
fix_mode() {
    m=$(mode_of "$3")
    if has_bits "$m" 7077 || [ $(( 0$m & 0$5 )) -ne $(( 0$5 )) ]; then
        change_meta "$1" "$2" "$3" chmod "$4" "$4:$(uid_of "$3"):$(gid_of "$3")" "mode was $m"
        say "fixed mode of $2: was $m, now $4"
    fi
}

# A listing of a created home (type, inode, size, mtime, name of every entry, never following a link): undo removes
# the home only when it is still exactly what this run created.
# The home's own mtime is left out: creating and removing ~/.ssh changes it.
listing() {
    { find "$1" -maxdepth 0 -printf '%y %i\n' && find "$1" -mindepth 1 -printf '%y %i %s %T@ %P\n' | sort; } 2>/dev/null | sha256sum | cut -d' ' -f1
}

first_bytes() { od -An -tx1 -N"$2" "$1" | tr -d ' \n'; }

repair_content() {
    CR=$(printf '\r')
    BOM=$(printf '\357\273\277')

    head2=$(first_bytes "$AK_FD" 2)
    utf16=
    case "$head2" in
        fffe | feff) utf16=UTF-16 ;;
        ??00) utf16=UTF-16LE ;;
        00??) utf16=UTF-16BE ;;
    esac
    if [ -n "$utf16" ]; then
        if command -v iconv >/dev/null 2>&1; then
            new_temp
            if iconv -f "$utf16" -t UTF-8 "$AK_FD" >&5 2>/dev/null; then
                # iconv keeps a BOM only for explicit-endian input; drop it with the BOM repair below.
                replace_auth_file convert "from $utf16 to UTF-8"
                say "converted $AUTH_FILE from $utf16 to UTF-8 (every line kept)"
            else
                exec 5>&-
                rm -f -- "$TMP_NAME"
                say "$AUTH_FILE looks like UTF-16 but iconv could not convert it: left as is"
                act convert "$AUTH_FILE" "" "" skipped "iconv could not convert it from $utf16"
            fi
        else
            say "$AUTH_FILE is UTF-16 and iconv is missing: convert it to UTF-8 by hand"
            act convert "$AUTH_FILE" "" "" skipped "UTF-16 and no iconv"
        fi
    fi

    if [ "$(first_bytes "$AK_FD" 3)" = efbbbf ]; then
        new_temp
        sed "1s/^$BOM//" "$AK_FD" >&5 || fail "cannot rewrite $AUTH_FILE"
        replace_auth_file rewrite "byte order mark removed"
        say "removed the UTF-8 byte order mark at the start of $AUTH_FILE"
    fi

    if grep -q "$CR\$" "$AK_FD"; then
        new_temp
        sed "s/$CR\$//" "$AK_FD" >&5 || fail "cannot rewrite $AUTH_FILE"
        replace_auth_file rewrite "CRLF line endings converted to LF"
        say "converted CRLF line endings to LF in $AUTH_FILE"
    fi

    [ -n "$SSHDOCTOR_KEY" ] || return 0
    # A valid line: the type and the blob as two consecutive fields, either first or after one field of sshd
    # options (left as the administrator wrote them; an option value may hold quoted spaces). A stray word before
    # the key is not an option: sshd refuses that line, so a clean line is appended.
    found=$(key_line_in "$AK_FD")
    if [ -n "$found" ]; then
        line=${found%%:*}
        if [ "${found#*:}" = 1 ]; then
            say "the key is already on line $line of $AUTH_FILE: not appended again"
        else
            say "the key is on line $line of $AUTH_FILE after options: left as written, not appended"
        fi
        return 0
    fi
    nbsp=$(printf '\302\240')
    if tr -d ' \t\r\n' <"$AK_FD" | sed "s/$nbsp//g" | grep -F -q -- "$KEY_BLOB"; then
        say "the key's base64 is in $AUTH_FILE but broken (wrapped, spaces or quotes): a clean line is appended, the damaged lines are kept"
    fi
    new_temp
    cat "$AK_FD" >&5 || fail "cannot copy $AUTH_FILE"
    if [ -s "$AK_FD" ] && [ "$(tail -c 1 "$AK_FD" | od -An -tx1 | tr -d ' \n')" != 0a ]; then
        printf '\n' >&5
        say "added the missing final newline of $AUTH_FILE"
    fi
    printf '%s\n' "$SSHDOCTOR_KEY" >&5
    replace_auth_file append "key $KEY_TYPE appended"
    say "appended the key ($KEY_TYPE) to $AUTH_FILE"
}

# ================================================================================================================
# undo: restores, newest first, every entry of run RUN_ID's manifest whose object is still as the run left it
# ================================================================================================================
UNDO_CONFLICTS=0

# Field $2 of manifest line $1 (tab-separated).
field() { printf '%s\n' "$1" | cut -f"$2"; }

# The object's state now: mode:uid:gid, and for the content of authorized_keys (kind content or create, via fd 4)
# mode:uid:gid:sha256.
state_of() {
    case "$1:$2" in
        A:meta | C:meta) meta_of "$AK_FD" ;;
        A:* | C:*) printf '%s:%s' "$(meta_of "$AK_FD")" "$(sha_of "$AK_FD")" ;;
        *) meta_of . ;;
    esac
}

# Enters the object $1's directory (H: home, S: ~/.ssh; A: ~/.ssh and opens fd 4; D: the directory $2 outside the
# home; C: the central file's directory and opens fd 4) with the repair's checks. Returns 1 when the object does not
# exist (nothing to restore).
reach() {
    cd / || return 1
    case "$1" in
        D) reach_abs "$2"; return ;;
        C)
            reach_abs "${CENTRAL%/*}" || return 1
            AK=${CENTRAL##*/}
            [ -e "$AK" ] || [ -L "$AK" ] || return 1
            open_auth_file
            return 0 ;;
    esac
    [ -e "$HOME_REAL" ] || return 1
    enter_home
    [ "$1" = H ] && return 0
    if [ -n "$SUB" ]; then
        [ -e "$SUB" ] || [ -L "$SUB" ] || return 1
        enter "$SUB" "$HOME_REAL/$SUB"
    fi
    [ "$1" = S ] && return 0
    AK=$AK_NAME
    [ -e "$AK" ] || [ -L "$AK" ] || return 1
    open_auth_file
}

# Enters the absolute directory $1 one name at a time, never through a link; 1 when a part is missing.
reach_abs() {
    walk=; PATH_LEFT=${1#/}
    while [ -n "$PATH_LEFT" ]; do
        next_part
        walk="$walk/$PART"
        [ -e "$PART" ] || [ -L "$PART" ] || return 1
        enter "$PART" "$walk"
    done
}

conflict() {
    UNDO_CONFLICTS=$((UNDO_CONFLICTS + 1))
    say "$2 changed since run $RUN_ID: not restored ($3)"
    act restore "$2" "$4" "$5" conflict "$3"
}

undo_entry() {
    n=$(field "$1" 1); kind=$(field "$1" 2); obj=$(field "$1" 3); before=$(field "$1" 4); after=$(field "$1" 5)
    aux=$(field "$1" 6)
    done_state=$(printf '%s\n' "$DONE_LINES" | awk -F'\t' -v n="$n" '$2 == n { print $3 }' | tail -n 1)
    [ -z "$done_state" ] || after=$done_state
    SSH_DIR="$HOME_REAL${SUB:+/$SUB}"; AUTH_FILE="$SSH_DIR/$AK_NAME"; HOME_DIR=$HOME_REAL
    case "$obj" in
        H) shown=$HOME_REAL ;;
        S) shown=$SSH_DIR ;;
        A) shown=$AUTH_FILE ;;
        C) shown=$CENTRAL; AUTH_FILE=$CENTRAL; SSH_DIR=${CENTRAL%/*} ;;
        D) shown=$aux; SSH_DIR=$aux ;;
        *) fail "unknown object '$obj' in the manifest: nothing more restored" ;;
    esac
    case "$obj:$shown" in C:/?* | D:/?* | [HSA]:*) ;; *) fail "the manifest names no path for '$obj': nothing more restored" ;; esac
    FAIL_PATH=$shown
    case "$kind" in
        mkhome)
            [ -e "$HOME_REAL" ] || [ -L "$HOME_REAL" ] || { act remove "$shown" "" "" not_applied "not there"; return; }
            [ ! -L "$HOME_REAL" ] || { conflict H "$shown" "it is now a symbolic link" "" ""; return; }
            if [ -z "$done_state" ] || [ "$(listing "$HOME_REAL")" != "$done_state" ]; then
                conflict H "$shown" "the home this run created holds other files now; left in place" "" ""; return
            fi
            rm -rf -- "$HOME_REAL" || fail "cannot remove $shown"
            act remove "$shown" "$after" "" restored "created home removed"
            say "removed $shown (created by run $RUN_ID)"
            return ;;
    esac
    if ! reach "$obj" "$aux"; then
        act restore "$shown" "$before" "" not_applied "not there"
        return
    fi
    now=$(state_of "$obj" "$kind")
    case "$kind" in
        meta)
            if [ "$now" = "$before" ]; then act restore "$shown" "$before" "$now" not_applied "already as before"; return; fi
            [ "$now" = "$after" ] || { conflict "$obj" "$shown" "now $now, the run left $after" "$before" "$now"; return; }
            h=.
            case "$obj" in A | C) h=$AK_FD ;; esac
            chown "$(printf '%s' "$before" | cut -d: -f2,3)" "$h" || fail "cannot chown $shown"
            chmod "${before%%:*}" "$h" || fail "cannot chmod $shown"
            act restore "$shown" "$now" "$(meta_of "$h")" restored "owner and mode"
            say "restored owner and mode of $shown ($before)"
            ;;
        content)
            if [ "$now" = "$before" ]; then
                act restore "$shown" "$before" "$now" not_applied "the content was never replaced"
            elif [ "$now" != "$after" ]; then
                conflict A "$shown" "its content or owner changed since the run" "$before" "$now"; return
            else
                b="$BACKUP_DIR/$n.before"
                if [ ! -f "$b" ] || [ -L "$b" ] || [ "$(stat -c '%h:%u' "$b")" != 1:0 ] || [ "$(sha_of "$b")" != "${before##*:}" ]; then
                    fail "the backup $b is missing or does not match the manifest: $shown not restored"
                fi
                new_temp
                cat "$b" >&5 || fail "cannot copy $b"
                touch -r "$b" /proc/self/fd/5 2>/dev/null
                bm=${before%:*}
                install_temp "$bm"
                act restore "$shown" "$now" "$(meta_of "$AK_FD")" restored "content restored from $b"
                say "restored the content of $shown from $b"
            fi
            # a temp file the run left behind (killed before its rename) goes too, if it is still a plain file
            if [ -n "$aux" ] && [ -f "$aux" ] && [ ! -L "$aux" ]; then rm -f -- "$aux"; fi
            ;;
        create)
            if [ "$now" != "$after" ]; then
                conflict A "$shown" "it is no longer the empty file this run created" "" "$now"; return
            fi
            rm -f -- "$AK" || fail "cannot remove $shown"
            act remove "$shown" "$now" "" restored "created file removed"
            say "removed $shown (created by run $RUN_ID)"
            ;;
        mkdir)
            parent=$HOME_REAL; name=$SUB
            if [ "$obj" = D ]; then parent=${aux%/*}; name=${aux##*/}; [ -n "$parent" ] || parent=/; fi
            cd .. || fail "cannot leave $shown"
            [ "$(pwd -P)" = "$parent" ] || fail "$parent changed while it was being restored"
            if rmdir -- "$name" 2>/dev/null; then
                act remove "$shown" "$now" "" restored "created directory removed"
                say "removed $shown (created by run $RUN_ID)"
            else
                conflict S "$shown" "it is not empty" "" "$now"
            fi
            ;;
    esac
}

do_undo() {
    valid_run_id "$RUN_ID" || { RUN_ID=invalid; fail "undo needs the run id of a repair run (letters, digits, '.', '_', '-')"; }
    dir="$BACKUP_BASE/$RUN_ID"
    # no backups at all: the repair never ran here (a run killed before the instance booted with it), nothing to undo
    if [ ! -e "$BACKUP_BASE" ] && [ ! -L "$BACKUP_BASE" ]; then
        act restore "" "" "" not_found "no run $RUN_ID"
        finish not_found 1 "no run $RUN_ID: $BACKUP_BASE does not exist (nothing was changed by it)"
    fi
    private_root_dir "$BACKUP_BASE" || fail "$BACKUP_BASE is not root's private directory: nothing restored"
    [ -e "$dir" ] || { act restore "" "" "" not_found "no run $RUN_ID"; finish not_found 1 "no run $RUN_ID in $BACKUP_BASE (nothing was changed by it, or its backups are gone)"; }
    private_root_dir "$dir" || fail "$dir is not root's private directory: nothing restored"
    m="$dir/manifest"
    if [ ! -f "$m" ] || [ -L "$m" ] || [ "$(stat -c '%h:%u' "$m")" != 1:0 ]; then
        fail "$m is missing or not root's plain file: nothing restored"
    fi
    if [ -n "${3:-}" ] && [ "$(sha_of "$m")" != "$3" ]; then
        fail "the manifest of run $RUN_ID does not match the SHA-256 the repair reported: nothing restored"
    fi
    BACKUP_DIR=$dir
    if [ -e "$dir/undone" ]; then
        say "run $RUN_ID was undone already: nothing changed"
        finish undone 0 "run $RUN_ID was undone already"
    fi
    MANIFEST=$(cat "$m")
    [ "$(printf '%s\n' "$MANIFEST" | head -n 1)" = "sshdoctor-manifest${TAB}1" ] || fail "$m is not a manifest this script wrote"
    SSHDOCTOR_USER=$(printf '%s\n' "$MANIFEST" | awk -F'\t' '$1 == "user" { print $2; exit }')
    USER_UID=$(printf '%s\n' "$MANIFEST" | awk -F'\t' '$1 == "uid" { print $2; exit }')
    HOME_REAL=$(printf '%s\n' "$MANIFEST" | awk -F'\t' '$1 == "home" { print $2; exit }')
    # a manifest of an earlier version of this script has no sub/file lines: ~/.ssh/authorized_keys
    SUB=$(printf '%s\n' "$MANIFEST" | awk -F'\t' '$1 == "sub" { print $2; f = 1; exit } END { if (!f) print ".ssh" }')
    AK_NAME=$(printf '%s\n' "$MANIFEST" | awk -F'\t' '$1 == "file" { print $2; exit }')
    AK_NAME=${AK_NAME:-authorized_keys}
    CENTRAL=$(printf '%s\n' "$MANIFEST" | awk -F'\t' '$1 == "central" { print $2; exit }')
    case "$SUB" in */* | . | ..) fail "$m names an unexpected directory ($SUB): nothing restored" ;; esac
    case "$AK_NAME" in */* | . | ..) fail "$m names an unexpected keys file ($AK_NAME): nothing restored" ;; esac
    case "$HOME_REAL" in /?*) ;; *) fail "$m names no home: nothing restored" ;; esac
    DONE_LINES=$(printf '%s\n' "$MANIFEST" | awk -F'\t' '$1 == "done"')
    ENTRIES=$(printf '%s\n' "$MANIFEST" | awk -F'\t' '$1 ~ /^[0-9]+$/' | sort -t"$TAB" -k1,1nr)
    HOME_DIR=$HOME_REAL
    say "undo of run $RUN_ID for $SSHDOCTOR_USER ($HOME_REAL)"
    if [ -n "$ENTRIES" ]; then
        while IFS= read -r e; do
            undo_entry "$e"
        done <<EOF
$ENTRIES
EOF
    fi
    exec 4<&- 5>&-
    cd /
    FAIL_PATH=
    if [ "$UNDO_CONFLICTS" -gt 0 ]; then
        finish partial 1 "$UNDO_CONFLICTS change(s) of run $RUN_ID were not restored: the files changed since"
    fi
    : >"$dir/undone"
    say "done: run $RUN_ID undone"
    finish undone 0 "run $RUN_ID undone"
}

# ================================================================================================================
# report: the stored report lines of a run, from line FROM, at most 20,000 bytes (SSM keeps 24,000 characters)
# ================================================================================================================
do_report() {
    valid_run_id "$RUN_ID" || { RUN_ID=invalid; fail "report needs the run id of a repair run"; }
    f="$BACKUP_BASE/$RUN_ID/report.jsonl"
    if ! private_root_dir "$BACKUP_BASE/$RUN_ID" || [ ! -f "$f" ] || [ -L "$f" ]; then
        printf 'sshdoctor-report: {"run":%s,"mode":"report","summary":true,"result":"not_found"}\n' "$(js "$RUN_ID")"
        exit 1
    fi
    from=${3:-1}
    case "$from" in '' | *[!0-9]*) from=1 ;; esac
    awk -v from="$from" 'NR >= from { if (bytes + length($0) > 20000) { print "sshdoctor-report: {\"mode\":\"report\",\"more\":true,\"next\":" NR "}"; exit } bytes += length($0) + 1; print }' "$f"
    exit 0
}

case "$MODE" in
    repair) do_repair ;;
    undo) do_undo "$@" ;;
    report) do_report "$@" ;;
    *) RUN_ID=invalid; MODE=repair; fail "unknown mode '$1' (repair, undo RUN-ID or report RUN-ID)" ;;
esac
