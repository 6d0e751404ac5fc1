#!/usr/bin/env bash
# Runs every test: unit tests, then the lab (scenarios and the randomized differential test) against the
# real OpenSSH sshd. Installs the lab's tools first when they are missing.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-lab-tools.sh || exit 1
# The lab's five sshd judges, built once per machine and cached outside the clone (a judge that cannot be
# built stops the run here: the lab never runs with fewer judges than it claims).
judges_start=$SECONDS
bash scripts/build-judges.sh || { echo "scripts/build-judges.sh failed: the lab's judges are not all available"; exit 1; }
echo "judges ready in $((SECONDS - judges_start)) s"

export SSHDOCTOR_LAB_COUNT_FILE="${SSHDOCTOR_LAB_COUNT_FILE:-$(mktemp /tmp/sshdoctor-lab-count.XXXXXX)}"
log=$(mktemp /tmp/sshdoctor-test.XXXXXX)
dotnet build sshdoctor.slnx -c Release -nologo -v q 2>&1 | tail -n 3 || exit 1

status=0
for project in tests/SshDoctor.Tests tests/SshDoctor.Lab; do
  echo "== $project"
  # The grep's own status stays inside the braces: under pipefail a bare `|| true` would run after a failed
  # dotnet test and reset PIPESTATUS, and a failing suite would pass CI.
  dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee -a "$log" | { grep -E '^(Passed!|Failed!)|\[FAIL\]|^  Failed ' || true; }
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
while read -r judge n; do
  echo "lab scenarios run on $judge: $n"
done < "$SSHDOCTOR_LAB_COUNT_FILE.judges" 2>/dev/null
echo "lab scenarios run: $(cat "$SSHDOCTOR_LAB_COUNT_FILE" 2>/dev/null || echo 0)"
rm -f "$log" "$SSHDOCTOR_LAB_COUNT_FILE.judges"
[ "$passed" -gt 0 ] || { echo "no test ran"; status=1; }
echo "tests: $passed passed, $failed failed"
exit $status
