#!/usr/bin/env bash
# Throughput of `sshdoctor logs` on a large synthetic auth.log, next to `grep -c sshd` on the same file.
#   scripts/bench-logs.sh [SIZE_MB] [WORKDIR]      (defaults: 1024 MB, /tmp/sshdoctor-bench)
set -euo pipefail
SIZE_MB=${1:-1024}
WORK=${2:-/tmp/sshdoctor-bench}
HERE=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$WORK"
LOG="$WORK/auth.log"
if [ ! -f "$LOG" ] || [ "$(( $(stat -c %s "$LOG") / 1048576 ))" -lt "$SIZE_MB" ]; then
  python3 "$HERE/scripts/gen-auth-log.py" "$SIZE_MB" "$LOG"
fi
dotnet publish "$HERE/src/SshDoctor" -c Release -o "$WORK/bin" --nologo -v q >/dev/null
BYTES=$(stat -c %s "$LOG")
MB=$(awk "BEGIN{print $BYTES/1048576}")
cat "$LOG" > /dev/null   # same page-cache state for both tools

now() { date +%s.%N; }
t0=$(now); GREP_COUNT=$(grep -c sshd "$LOG"); t1=$(now)
GREP_S=$(awk "BEGIN{print $t1-$t0}")

TIMEFMT="%M"
t0=$(now)
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "%M" -o "$WORK/rss.txt" "$WORK/bin/sshdoctor" logs --json "$LOG" > "$WORK/report.json" || [ $? -eq 1 ]
else
  "$WORK/bin/sshdoctor" logs --json "$LOG" > "$WORK/report.json" || [ $? -eq 1 ]
fi
t1=$(now)
SD_S=$(awk "BEGIN{print $t1-$t0}")
RSS=$( [ -f "$WORK/rss.txt" ] && echo "$(( $(tail -1 "$WORK/rss.txt") / 1024 )) MB" || echo "n/a")

printf 'file           %s (%.0f MB, %s sshd lines by grep)\n' "$LOG" "$MB" "$GREP_COUNT"
printf 'grep -c sshd   %6.2f s  %7.0f MB/s\n' "$GREP_S" "$(awk "BEGIN{print $MB/$GREP_S}")"
printf 'sshdoctor logs %6.2f s  %7.0f MB/s  max RSS %s\n' "$SD_S" "$(awk "BEGIN{print $MB/$SD_S}")" "$RSS"
python3 - "$WORK/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"report: sshd_lines={r['sshd_lines']} groups={len(r['groups'])} noise_connections={r['noise']['connections']} noise_addresses={r['noise']['addresses']}")
PY
