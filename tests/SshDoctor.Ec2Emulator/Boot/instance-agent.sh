#!/bin/bash
# sshdoctor EC2 EMULATOR (not AWS): one boot of one emulated instance, from start to stop.
# Runs inside `ip netns exec NETNS unshare --mount --pid --fork --kill-child --mount-proc`, so it is PID 1 of
# the instance's PID namespace: when it exits, everything the instance ran dies with it.
#   instance-agent.sh TREE RUN INSTANCE-ID DEFAULT-USER
# The instance's root is an overlay: the lab tree T is the upper layer (the instance's disk: every write lands in
# T), the host's / the lower one (binaries, libraries). T's /etc/ssh, /home, /root, /tmp, /srv, /opt are bound over
# the overlay so they are exactly T's; T's stub shells are replaced, inside the instance only, by the host's real
# programs. /dev is private; /dev/console and /dev/ttyS0 are a FIFO whose reader appends to RUN/console.log.
# RUN/io is the instance's /run/emulator (user data, boot script, SSM command scripts and their output).
# Protocol: stdout lines  BOOTED <rc> | SSHD <0|1> | DONE <id> <rc> ; stdin lines  CMD <id> <timeout-s> <workdir> | STOP
# (CMD runs RUN/io/cmd-<id>.sh with the NAME=VALUE entries of RUN/io/cmd-<id>.env added to the environment).
set -u
TREE=$1 RUN=$2 IID=$3 USERNAME=$4
NR=$RUN/root
say() { echo "$*"; }
fail() { echo "agent: $*" >&2; say "SSHD 0"; exit 1; }

mount --make-rprivate / || fail "cannot make / private"
mkdir -p "$NR" "$RUN/work" "$RUN/io"
mount -t overlay overlay -o "lowerdir=/,upperdir=$TREE,workdir=$RUN/work" "$NR" || fail "overlay mount failed"
for d in etc/ssh home root tmp srv opt; do
  [[ -d "$TREE/$d" && ! -L "$TREE/$d" ]] && { mount --bind "$TREE/$d" "$NR/$d" || fail "bind $d failed"; }
done
# The lab's stub shells stand for the real programs (check --root reads them); inside the instance the real ones run.
while IFS= read -r -d '' stub; do
  rel=${stub#"$TREE"}
  if grep -q "^# stub: the judge's real file" "$stub" 2>/dev/null && [[ -x "$rel" ]]; then
    mount --bind "$rel" "$NR$rel" || fail "bind $rel failed"
  fi
done < <(find "$TREE/usr/bin" "$TREE/usr/sbin" "$TREE/bin" "$TREE/sbin" -maxdepth 1 -type f -size -200c -print0 2>/dev/null)
mount -t proc proc "$NR/proc" || fail "proc"
mount -t sysfs sysfs "$NR/sys" 2>/dev/null || mount --rbind /sys "$NR/sys"
mount -t tmpfs -o mode=0755 tmpfs "$NR/run" || fail "run tmpfs"
mkdir -p "$NR/run/sshd" "$NR/run/emulator" && chmod 0755 "$NR/run/sshd"
mount --bind "$RUN/io" "$NR/run/emulator" || fail "bind io"
mount -t tmpfs -o mode=0755 tmpfs "$NR/dev" || fail "dev tmpfs"
for n in null zero full random urandom tty; do
  touch "$NR/dev/$n" && mount --bind "/dev/$n" "$NR/dev/$n" || fail "bind /dev/$n"
done
mkdir -p "$NR/dev/pts" "$NR/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$NR/dev/pts" && ln -s pts/ptmx "$NR/dev/ptmx"
mount -t tmpfs -o mode=1777 tmpfs "$NR/dev/shm"
ln -s /proc/self/fd "$NR/dev/fd"; ln -s /proc/self/fd/0 "$NR/dev/stdin"; ln -s /proc/self/fd/1 "$NR/dev/stdout"; ln -s /proc/self/fd/2 "$NR/dev/stderr"
# The serial console: writers never truncate it (a FIFO), one reader appends to the console log.
mkfifo -m 0600 "$NR/dev/console" && ln -s console "$NR/dev/ttyS0"
exec 3<>"$NR/dev/console"
cat <&3 >>"$RUN/console.log" &
ip link set lo up 2>/dev/null

in_instance() { chroot "$NR" "$@"; }

# sshd as the image's systemd unit would run it; -o PidFile lets a script reload it (kill -HUP "$(cat /run/sshd.pid)").
# sshd.log keeps every boot's lines: only this boot's count.
touch "$RUN/sshd.log"; first=$(($(wc -l <"$RUN/sshd.log") + 1))
in_instance /usr/sbin/sshd -D -e -f /etc/ssh/sshd_config -o PidFile=/run/sshd.pid </dev/null >/dev/null 2>>"$RUN/sshd.log" &
spid=$!
started=0
for ((i = 0; i < 500; i++)); do
  if tail -n +"$first" "$RUN/sshd.log" | grep -q 'Server listening on'; then started=1; break; fi
  kill -0 "$spid" 2>/dev/null || break
  sleep 0.01
done
say "SSHD $started"

# cloud-init's final stage; its output is the console's.
keyarg=-; [[ -s "$RUN/io/key-pair.pub" ]] && keyarg=/run/emulator/key-pair.pub
cp "$(dirname "$0")/ci-boot.py" "$RUN/io/ci-boot.py"
( timeout -k 2 "${BOOT_TIMEOUT:-300}" chroot "$NR" /usr/bin/python3 /run/emulator/ci-boot.py "$IID" "$USERNAME" /run/emulator/user-data "$keyarg" \
    </dev/null >"$NR/dev/console" 2>&1; rc=$?
  sleep 0.1   # lets the console reader drain the FIFO before the boot counts as finished
  say "BOOTED $rc" ) &

declare -A running=()
while read -r verb id timeout workdir; do
  case "$verb" in
    CMD)
      # As the SSM agent does: the commands as _script.sh in the command's orchestration directory, run from there.
      mkdir -p "$NR$workdir" && cp "$RUN/io/cmd-$id.sh" "$NR$workdir/_script.sh"
      # The agent's additions to the environment (AWS_SSM_INSTANCE_ID, AWS_SSM_REGION_NAME, ...): NUL-separated NAME=VALUE.
      envs=(); [[ -f "$RUN/io/cmd-$id.env" ]] && mapfile -d '' envs <"$RUN/io/cmd-$id.env"
      ( timeout -k 2 "$timeout" chroot "$NR" /usr/bin/env "${envs[@]}" /bin/sh -c 'cd "$1" && exec /bin/sh _script.sh' sh "$workdir" </dev/null \
          >"$RUN/io/cmd-$id.out" 2>"$RUN/io/cmd-$id.err"; say "DONE $id $?" ) &
      running[$id]=$! ;;
    STOP) break ;;
    *) echo "agent: unknown request $verb" >&2 ;;
  esac
done
# Shutdown: sshd and every process of the instance get SIGTERM, then SIGKILL; the PID namespace ends with us.
kill -TERM -1 2>/dev/null
for ((i = 0; i < 100; i++)); do [[ -z "$(jobs -pr)" ]] && break; sleep 0.02; done
kill -KILL -1 2>/dev/null
wait 2>/dev/null
exit 0
