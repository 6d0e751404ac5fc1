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
dotnet publish "$HERE/src/SshDoctor" -c Release -o "$WORK/bin" --nologo -v q > "$WORK/publish.log" || { cat "$WORK/publish.log"; exit 1; }
BYTES=$(stat -c %s "$LOG")
MB=$(awk "BEGIN{print $BYTES/1048576}")
cat "$LOG" > /dev/null   # same page-cache state for both tools

# Wall time, and CPU time (user+sys): other jobs share the machine, and CPU time is what this tool costs.
/usr/bin/time -f "%e %U %S %M" -o "$WORK/grep.time" grep -c sshd "$LOG" > "$WORK/grep.count"
GREP_COUNT=$(cat "$WORK/grep.count")
read GREP_S GREP_U GREP_SYS GREP_RSS < <(tail -1 "$WORK/grep.time")

/usr/bin/time -f "%e %U %S %M" -o "$WORK/sd.time" "$WORK/bin/sshdoctor" logs --json "$LOG" > "$WORK/report.json" || [ $? -eq 1 ]
read SD_S SD_U SD_SYS SD_RSS < <(tail -1 "$WORK/sd.time")
RSS="$(( SD_RSS / 1024 )) MB"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

printf 'file           %s (%.0f MB, %s sshd lines by grep)\n' "$LOG" "$MB" "$GREP_COUNT"
printf 'load average   %s (on %s cores)\n' "$LOAD" "$(nproc)"
printf 'grep -c sshd   wall %6.2f s = %6.0f MB/s   cpu %6.2f s = %6.0f MB/s\n' "$GREP_S" "$(awk "BEGIN{print $MB/$GREP_S}")" "$(awk "BEGIN{print $GREP_U+$GREP_SYS}")" "$(awk "BEGIN{print $MB/($GREP_U+$GREP_SYS+0.001)}")"
printf 'sshdoctor logs wall %6.2f s = %6.0f MB/s   cpu %6.2f s = %6.0f MB/s   max RSS %s\n' "$SD_S" "$(awk "BEGIN{print $MB/$SD_S}")" "$(awk "BEGIN{print $SD_U+$SD_SYS}")" "$(awk "BEGIN{print $MB/($SD_U+$SD_SYS+0.001)}")" "$RSS"
python3 - "$WORK/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"report: sshd_lines={r['sshd_lines']} groups={len(r['groups'])} noise_connections={r['noise']['connections']} noise_addresses={r['noise']['addresses']}")
PY
