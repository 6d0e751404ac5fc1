#!/bin/bash
# sshdoctor lab agent: runs INSIDE `unshare --mount --pid --fork --kill-child --mount-proc`.
#   lab-agent.sh [KIND ROOT SSHD]     (default: host / /usr/sbin/sshd; one agent per judge)
# KIND host: the machine's sshd. KIND upstream: an upstream build (SSHD under its prefix) run like the machine's.
# KIND chroot: ROOT is a Debian chroot (mmdebstrap); the tree is bind-mounted over the chroot's paths, /dev
# and /proc are rbound into it, and `chroot ROOT SSHD` runs (its sshd-session/sshd-auth come from the chroot).
# Reads one request per line on stdin:   RUN <id> <tree> <port> <user> <private-key> <log-file>
# For each: bind-mounts the tree's account files, /etc/ssh, /home, /root, /opt and /srv over the judge's paths
# (visible only in this mount namespace), starts the real sshd, runs one ssh login, stops sshd and
# every child, unmounts, and answers one line:   DONE <id> <sshd-started 0|1> <ssh-exit-code>
# Also:   SCRIPT <id> <tree> <script> <output-file>
# runs `/bin/sh <script>` as root with the same binds plus the tree's etc/os-release, var/backups and
# dev/console (a regular file in the tree, so the script's console report stays in the tree), and answers
# DONE <id> 1 <script-exit-code>.
# Every wait is bounded. When stdin closes the agent exits; being PID 1 of its own PID namespace,
# its exit kills anything left behind.
set -u
KIND=${1:-host}
SSHD=${3:-/usr/sbin/sshd}
R=""                      # the judge's root as seen from here ("" = /)
[[ "$KIND" == chroot ]] && R=${2:?chroot judge needs its root}
mount --make-rprivate /
mount -t tmpfs -o mode=0755 tmpfs /run
mkdir -p /run/sshd && chmod 0755 /run/sshd
# A private copy of /etc (4 MB): files that are not bind-mounted per request, such as /etc/nologin, can
# then be created and removed in this namespace without touching the host.
cp -a /etc /run/lab-etc && mount --bind /run/lab-etc /etc || { echo "agent: cannot make a private /etc" >&2; exit 1; }
if [[ -n "$R" ]]; then
  # The chroot gets the same treatment: its own /run (tmpfs), a private copy of its /etc, this namespace's
  # /dev and /proc. Nothing here reaches the cached chroot on disk: every mount is private to the namespace.
  [[ -x "$R$SSHD" ]] || { echo "agent: no $SSHD in the chroot $R" >&2; exit 1; }
  mount -t tmpfs -o mode=0755 tmpfs "$R/run" && mkdir -p "$R/run/sshd" && chmod 0755 "$R/run/sshd" \
    && mkdir -p /run/lab-chroot-etc && cp -a "$R/etc/." /run/lab-chroot-etc && mount --bind /run/lab-chroot-etc "$R/etc" \
    && mount --rbind /dev "$R/dev" && mount --rbind /proc "$R/proc" \
    || { echo "agent: cannot prepare the chroot $R" >&2; exit 1; }
fi

BINDS=(etc/passwd etc/shadow etc/group etc/ssh etc/crypto-policies home root opt srv)   # srv: homes outside /home
# Made in the private /etc copy when the tree has one (Red Hat's crypto-policies back-end, included from 50-redhat.conf).
MADE_DIRS=(etc/crypto-policies)
SCRIPT_BINDS=(etc/os-release var/backups dev/console)

descendants() { # pids below $1, deepest last
  local c
  for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do echo "$c"; descendants "$c"; done
}

stop_sshd() {
  local pid=$1 i
  # let the per-connection children finish writing their log lines (bounded: 2 s)
  for ((i = 0; i < 200; i++)); do
    [[ -z "$(cat /proc/"$pid"/task/*/children 2>/dev/null)" ]] && break
    sleep 0.01
  done
  local rest; rest=$(descendants "$pid")
  [[ -n "$rest" ]] && kill -KILL $rest 2>/dev/null
  kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < 200; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.01; done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}

while read -r verb id tree port user key log; do
  [[ "$verb" == QUIT ]] && exit 0
  if [[ "$verb" != RUN && "$verb" != SCRIPT ]]; then echo "ERR unknown request"; continue; fi
  ok=1; mounted=(); binds=("${BINDS[@]}")
  if [[ "$verb" == SCRIPT ]]; then
    script=$port; out=$user
    mkdir -p "$tree/var/backups" "$tree/dev" && touch "$tree/dev/console"
    binds+=("${SCRIPT_BINDS[@]}")
  fi
  for b in "${binds[@]}"; do
    if [[ -e "$tree/$b" ]]; then
      target="$R/$b"; [[ "$verb" == SCRIPT ]] && target="/$b"
      [[ " ${MADE_DIRS[*]} " == *" $b "* && ! -e "$target" ]] && mkdir -p "$target"
      if mount --bind "$tree/$b" "$target"; then mounted+=("$target"); else ok=0; fi
    fi
  done
  rm -f "$R/run/nologin" "$R/etc/nologin"    # sshd (UsePAM no) and pam_nologin read /etc/nologin; pam_nologin /run/nologin first
  [[ -e "$tree/etc/nologin" ]] && cp "$tree/etc/nologin" "$R/etc/nologin"
  [[ -e "$tree/run/nologin" ]] && cp "$tree/run/nologin" "$R/run/nologin"
  started=0; rc=255
  if [[ "$verb" == SCRIPT ]]; then
    if ((ok)); then
      started=1
      timeout -k 1 30 /bin/sh "$script" </dev/null >"$out" 2>&1
      rc=$?
    else
      echo "agent: bind mount failed" >>"$out"
    fi
  elif ((ok)); then
    : > "$log"
    # Beside the tree (not in it): the options the tree's service manager starts sshd with, and client options.
    sargs=(); [[ -f "$tree.sshd-args" ]] && mapfile -t sargs < "$tree.sshd-args"
    cargs=(); [[ -f "$tree.ssh-args" ]] && mapfile -t cargs < "$tree.ssh-args"
    if [[ -n "$R" ]]; then
      chroot "$R" "$SSHD" -D -e -r -f /etc/ssh/sshd_config "${sargs[@]}" 2>>"$log" </dev/null &
    else
      "$SSHD" -D -e -r -f /etc/ssh/sshd_config "${sargs[@]}" 2>>"$log" </dev/null &
    fi
    spid=$!
    for ((i = 0; i < 500; i++)); do   # up to 5 s for "Server listening"
      if grep -q 'Server listening on' "$log"; then started=1; break; fi
      kill -0 "$spid" 2>/dev/null || break
      sleep 0.005
    done
    if ((started)); then
      timeout -k 1 15 ssh -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o StrictHostKeyChecking=no \
        -o UserKnownHostsFile=/dev/null -o ConnectTimeout=5 -o LogLevel=ERROR -o KexAlgorithms=curve25519-sha256 \
        "${cargs[@]}" -i "$key" -p "$port" "$user@127.0.0.1" true </dev/null >"$log.client" 2>&1
      rc=$?
    fi
    stop_sshd "$spid"
  else
    echo "agent: bind mount failed" >>"$log"
  fi
  for ((j = ${#mounted[@]} - 1; j >= 0; j--)); do umount "${mounted[j]}" || echo "agent: umount ${mounted[j]} failed" >>"$log"; done
  echo "DONE $id $started $rc"
done
