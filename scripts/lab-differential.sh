#!/usr/bin/env bash
# Runs the lab's differential test (real sshd vs `sshdoctor check`) on many random states, outside CI.
#   scripts/lab-differential.sh [COUNT=3000] [SEED=20261121] [START=0] [JUDGE=bookworm]
# JUDGE: bookworm (the machine's 9.2p1), bullseye (8.4p1), trixie (10.0p1), upstream-9.2p1, upstream-10.0p1, or all.
# Every state's description and sshd verdict goes to $SSHDOCTOR_DIFF_DUMP (default /tmp/sshdoctor-diff-SEED.txt).
# Needs root, openssh-server and the judges (scripts/build-judges.sh, run here first; cached after the first time).
set -euo pipefail
cd "$(dirname "$0")/.."
export SSHDOCTOR_DIFF_COUNT="${1:-3000}"
export SSHDOCTOR_DIFF_SEED="${2:-20261121}"
export SSHDOCTOR_DIFF_START="${3:-0}"
judge="${4:-bookworm}"
case "$judge" in
  bookworm) class=OnBookworm ;; bullseye) class=OnBullseye ;; trixie) class=OnTrixie ;;
  upstream-9.2p1) class=OnUpstream92 ;; upstream-10.0p1) class=OnUpstream100 ;; all) class="" ;;
  *) echo "lab-differential: unknown judge '$judge' (bookworm, bullseye, trixie, upstream-9.2p1, upstream-10.0p1, all)" >&2; exit 2 ;;
esac
if [ "$judge" = all ]; then bash scripts/build-judges.sh; else bash scripts/build-judges.sh "$judge"; fi
export SSHDOCTOR_DIFF_DUMP="${SSHDOCTOR_DIFF_DUMP:-/tmp/sshdoctor-diff-$SSHDOCTOR_DIFF_SEED.txt}"
: > "$SSHDOCTOR_DIFF_DUMP"
echo "differential on $judge: $SSHDOCTOR_DIFF_COUNT states, seed $SSHDOCTOR_DIFF_SEED, from $SSHDOCTOR_DIFF_START; dump: $SSHDOCTOR_DIFF_DUMP"
dotnet test tests/SshDoctor.Lab -c Release --filter "FullyQualifiedName~DifferentialTests$class" \
  --logger "console;verbosity=normal" -- RunConfiguration.TestSessionTimeout=0
