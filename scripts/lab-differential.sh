#!/usr/bin/env bash
# Runs the lab's differential test (real sshd vs `sshdoctor check`) on many random states, outside CI.
#   scripts/lab-differential.sh [COUNT=3000] [SEED=20261121] [START=0]
# Every state's description and sshd verdict goes to $SSHDOCTOR_DIFF_DUMP (default /tmp/sshdoctor-diff-SEED.txt).
# Needs root and openssh-server (the lab bind-mounts trees in a private mount namespace).
set -euo pipefail
cd "$(dirname "$0")/.."
export SSHDOCTOR_DIFF_COUNT="${1:-3000}"
export SSHDOCTOR_DIFF_SEED="${2:-20261121}"
export SSHDOCTOR_DIFF_START="${3:-0}"
export SSHDOCTOR_DIFF_DUMP="${SSHDOCTOR_DIFF_DUMP:-/tmp/sshdoctor-diff-$SSHDOCTOR_DIFF_SEED.txt}"
: > "$SSHDOCTOR_DIFF_DUMP"
echo "differential: $SSHDOCTOR_DIFF_COUNT states, seed $SSHDOCTOR_DIFF_SEED, from $SSHDOCTOR_DIFF_START; dump: $SSHDOCTOR_DIFF_DUMP"
dotnet test tests/SshDoctor.Lab -c Release --filter "FullyQualifiedName~DifferentialTests" \
  --logger "console;verbosity=normal" -- RunConfiguration.TestSessionTimeout=0
