#!/usr/bin/env bash
# Throughput of `sshdoctor logs` (the shipped Native AOT binary) on a large synthetic auth.log, next to
# `grep -c sshd` on the same file, alternating the two, medians of RUNS runs each, with the load average.
# Goal (issue 12): at least half of grep's throughput, flat memory.
#   scripts/bench-logs.sh [SIZE_MB] [WORKDIR] [RUNS] [BINARY]   (defaults: 1024 MB, /tmp/sshdoctor-bench, 3, publish)
set -euo pipefail
SIZE_MB=${1:-1024}
WORK=${2:-/tmp/sshdoctor-bench}
RUNS=${3:-3}
HERE=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$WORK"
LOG="$WORK/auth.log"
if [ ! -f "$LOG" ] || [ "$(( $(stat -c %s "$LOG") / 1048576 ))" -lt "$SIZE_MB" ]; then
  python3 "$HERE/scripts/gen-auth-log.py" "$SIZE_MB" "$LOG"
fi
EXE=${4:-}
if [ -z "$EXE" ]; then bash "$HERE/scripts/publish-aot.sh" linux-x64 "$WORK/sshdoctor" >/dev/null; EXE="$WORK/sshdoctor"; fi
BYTES=$(stat -c %s "$LOG")
MB=$(awk "BEGIN{print $BYTES/1048576}")
cat "$LOG" > /dev/null   # same page-cache state for both tools
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# Wall time, and CPU time (user+sys): other jobs share the machine, and CPU time is what each tool costs.
: > "$WORK/grep.times"; : > "$WORK/sd.times"
for _ in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/t" grep -c sshd "$LOG" > "$WORK/grep.count" || true
  tail -1 "$WORK/t" >> "$WORK/grep.times"
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/t" "$EXE" logs --json "$LOG" > "$WORK/report.json" || [ $? -eq 1 ]
  tail -1 "$WORK/t" >> "$WORK/sd.times"
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v c="$1" '{print $c}' "$2"; }
cpu() { awk '{print $2+$3}' "$1"; }
G_WALL=$(col 1 "$WORK/grep.times" | median); G_CPU=$(cpu "$WORK/grep.times" | median)
S_WALL=$(col 1 "$WORK/sd.times" | median); S_CPU=$(cpu "$WORK/sd.times" | median)
S_RSS=$(col 4 "$WORK/sd.times" | sort -n | tail -1)

printf 'file           %s (%.0f MB, %s sshd lines by grep)\n' "$LOG" "$MB" "$(cat "$WORK/grep.count")"
printf 'load average   %s before, %s after (on %s cores); medians of %s runs each, alternating\n' "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" "$RUNS"
printf 'grep -c sshd   wall %6.2f s = %6.0f MB/s   cpu %6.2f s = %6.0f MB/s\n' "$G_WALL" "$(awk "BEGIN{print $MB/$G_WALL}")" "$G_CPU" "$(awk "BEGIN{print $MB/($G_CPU+0.001)}")"
printf 'sshdoctor logs wall %6.2f s = %6.0f MB/s   cpu %6.2f s = %6.0f MB/s   max RSS %d MiB\n' "$S_WALL" "$(awk "BEGIN{print $MB/$S_WALL}")" "$S_CPU" "$(awk "BEGIN{print $MB/($S_CPU+0.001)}")" "$(( S_RSS / 1024 ))"
printf 'ratio          sshdoctor/grep throughput: wall %.2f, cpu %.2f (goal >= 0.50)\n' "$(awk "BEGIN{print $G_WALL/$S_WALL}")" "$(awk "BEGIN{print $G_CPU/$S_CPU}")"
python3 - "$WORK/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"report: sshd_lines={r['sshd_lines']} groups={len(r['groups'])} noise_connections={r['noise']['connections']} noise_addresses={r['noise']['addresses']}")
PY
