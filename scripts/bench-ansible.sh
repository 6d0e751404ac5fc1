#!/usr/bin/env bash
# Wall time of the Ansible pre-flight (docs/ansible/preflight.yml) against HOSTS lab hosts, each a real sshd in its
# own network namespace (tests/SshDoctor.Lab/Candidate/AnsibleFleetTests.cs builds them), with the Native AOT
# binary shipped as the binary module library/sshdoctor_check. Needs root, ansible and iproute2
# (scripts/install-lab-tools.sh). Goal (issue 14): 20 hosts with a report in under a minute.
#   scripts/bench-ansible.sh [HOSTS] [BINARY]     (default 20; without BINARY, publishes it with scripts/publish-aot.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
hosts=${1:-20}
exe=${2:-}
work=$(mktemp -d /tmp/sshdoctor-bench-ansible.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ -z "$exe" ]; then bash scripts/publish-aot.sh linux-x64 "$work/sshdoctor" >/dev/null; exe="$work/sshdoctor"; fi
echo "binary module: $exe; $hosts hosts; load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
dotnet build tests/SshDoctor.Lab -nologo -v q >/dev/null
SSHDOCTOR_BIN=$(readlink -f "$exe") SSHDOCTOR_ANSIBLE_HOSTS=$hosts \
  dotnet test tests/SshDoctor.Lab --no-build --filter "FullyQualifiedName~AnsibleFleetTests" \
  --logger "console;verbosity=detailed" >"$work/test.log" 2>&1 && status=0 || status=$?
grep -E "play took|^ *(Passed|Failed) |Total tests|error" "$work/test.log" || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# (The detailed logger prints no "Passed!" summary: the test run's own exit status decides.)
exit $status
