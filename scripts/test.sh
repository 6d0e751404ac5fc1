#!/usr/bin/env bash
# Runs every test: unit tests, then the lab (scenarios and the randomized differential test) against the
# real OpenSSH sshd. Installs the lab's tools first when they are missing.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-lab-tools.sh || exit 1

export SSHDOCTOR_LAB_COUNT_FILE="${SSHDOCTOR_LAB_COUNT_FILE:-$(mktemp /tmp/sshdoctor-lab-count.XXXXXX)}"
log=$(mktemp /tmp/sshdoctor-test.XXXXXX)
dotnet build sshdoctor.slnx -c Release -nologo -v q 2>&1 | tail -n 3 || exit 1

# Hostile-tree tests of issue 8 whose defence has not landed carry [Trait("Gap", "safety")]: excluded here, visibly.
# Run them with: dotnet test tests/SshDoctor.Lab -c Release --no-build --filter Gap=safety
gaps=$(find tests -name '*.cs' -exec awk 'FNR == 1 { want = 0 } /^ *\[Trait\("Gap", "safety"\)\]/ { want = 1 } want && match($0, /public (async )?(void|Task) [A-Za-z0-9_]+/) { split(substr($0, RSTART, RLENGTH), w, " "); print w[length(w)]; want = 0 }' {} + | sort -u)
echo "excluded (Gap=safety, defence not landed yet): $(printf '%s\n' "$gaps" | grep -c . || true) test methods${gaps:+: $(echo $gaps)}"

status=0
for project in tests/SshDoctor.Tests tests/SshDoctor.Lab; do
  echo "== $project"
  dotnet test "$project" -c Release --no-build -nologo --filter 'Gap!=safety' 2>&1 | tee -a "$log" | grep -E '^(Passed!|Failed!)|\[FAIL\]|^  Failed ' || true
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "lab scenarios run: $(cat "$SSHDOCTOR_LAB_COUNT_FILE" 2>/dev/null || echo 0)"
rm -f "$log"
[ "$passed" -gt 0 ] || { echo "no test ran"; status=1; }
echo "tests: $passed passed, $failed failed"
exit $status
