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
# The lab resets its count each time its assembly loads: the AOT and arm64 passes count in files of their own.
main_count=$SSHDOCTOR_LAB_COUNT_FILE
aot_count=$(mktemp /tmp/sshdoctor-lab-count-aot.XXXXXX)
log=$(mktemp /tmp/sshdoctor-test.XXXXXX)
dotnet build sshdoctor.slnx -c Release -nologo -v q 2>&1 | tail -n 3 || exit 1

status=0
suite() { # title, project, [filter]
  echo "== $1"
  # The grep's own status stays inside the braces: under pipefail a bare `|| true` would run after a failed
  # dotnet test and reset PIPESTATUS, and a failing suite would pass CI.
  dotnet test "$2" -c Release --no-build -nologo ${3:+--filter "$3"} 2>&1 | tee -a "$log" | { grep -E '^(Passed!|Failed!)|\[FAIL\]|^  Failed ' || true; }
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
}
suite tests/SshDoctor.Tests tests/SshDoctor.Tests
suite tests/SshDoctor.Lab tests/SshDoctor.Lab

# The shipped form: scripts/release.sh builds the Native AOT binaries (x64 here, arm64 cross-compiled), the
# dotnet tool package and SHA256SUMS once. The x64 binary then runs every CLI-facing test in place of the
# in-process CLI (SSHDOCTOR_BIN): the unit suite's CLI tests, and the lab's scenarios (the `check` claim sshd
# judges), probe and fix/undo tests, and the Ansible pre-flight with the binary as the module. The lab's
# differential and userdata tests, which exercise the model and the generated script rather than the executable,
# run once, above.
release=$(mktemp -d /tmp/sshdoctor-release.XXXXXX)
echo "== scripts/release.sh"
if bash scripts/release.sh "$release" | grep -E '^publish-aot:|^release:'; then
  export SSHDOCTOR_BIN="$release/sshdoctor-linux-x64"
  suite "tests/SshDoctor.Tests (AOT binary, CLI tests)" tests/SshDoctor.Tests \
    'FullyQualifiedName~SshDoctor.Tests.Cli.|FullyQualifiedName~KeyCommandTests|FullyQualifiedName~ProbeCliTests|FullyQualifiedName~UserdataCommandTests|FullyQualifiedName~VerdictTests'
  # AnsibleFleetTests ships this binary as the Ansible binary module (library/sshdoctor_check) to 10 lab hosts
  # (about 20 s for its two tests here; scripts/bench-ansible.sh times 20). SsmDocumentEndToEndTests installs it in
  # the emulated instance the SSM document runs on (about 15 s).
  SSHDOCTOR_ANSIBLE_HOSTS=10 SSHDOCTOR_LAB_COUNT_FILE=$aot_count suite "tests/SshDoctor.Lab (AOT binary: scenarios, probe, fix/undo, ec2 diagnose, Ansible module, SSM document)" tests/SshDoctor.Lab \
    'FullyQualifiedName~ScenarioTestsOnBookworm|FullyQualifiedName~SshDoctor.Lab.Probe|FullyQualifiedName~SshDoctor.Lab.Repair|FullyQualifiedName~SshDoctor.Lab.Ec2.Ec2DiagnoseTests|FullyQualifiedName~SshDoctor.Lab.Candidate.AnsibleFleetTests|FullyQualifiedName~SshDoctor.Lab.Ssm.SsmDocumentEndToEndTests'
  unset SSHDOCTOR_BIN
  echo "== linux-arm64 binary under qemu-user"
  SSHDOCTOR_LAB_COUNT_FILE=$(mktemp /tmp/sshdoctor-lab-count-arm64.XXXXXX) bash scripts/test-arm64.sh "$release/sshdoctor-linux-arm64" || status=1
  echo "== dotnet tool package from a local feed"
  bash scripts/test-tool-package.sh "$release" || status=1
else
  echo "release.sh failed"; status=1
fi
rm -rf "$release"

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
while read -r judge n; do
  echo "lab scenarios run on $judge: $n"
done < "$main_count.judges" 2>/dev/null
echo "lab scenarios run through the AOT binary: $(cat "$aot_count" 2>/dev/null || echo 0)"
echo "lab scenarios run: $(cat "$main_count" 2>/dev/null || echo 0)"
rm -f "$log" "$main_count.judges" "$aot_count" "$aot_count.judges"
[ "$passed" -gt 0 ] || { echo "no test ran"; status=1; }
echo "tests: $passed passed, $failed failed"
exit $status
