#!/usr/bin/env bash
# Speed and memory of `check` with the shipped Native AOT binary: the README's sample (one user), one user of a
# generated 2,000-user root, and --all-users on it. Medians of several runs of wall time, CPU time (user+sys: what
# the run costs, less sensitive to other jobs than wall time) and max RSS, with the load average (shared machine).
# Goals (issue 12): one-user check <= 15 ms wall and <= 20 MiB; check --all-users (2,000 users) <= 150 ms.
#   scripts/bench-check.sh [USERS] [BINARY] [BASE] [ROUNDS]
#     USERS   accounts in the generated root (default 2000)
#     BINARY  the binary to measure (default: published here with scripts/publish-aot.sh)
#     BASE    a binary to compare with (e.g. one published from main): base and new run in turn in the same
#             loop, and each line gives both medians and the ratios new/base
#     ROUNDS  runs per row (default 21 for one-user rows, 11 for --all-users rows)
#   BENCH_TREE=DIR reuses (or generates once into) DIR instead of a temporary tree.
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-2000}
exe=${2:-}
base=${3:-}
rounds=${4:-}
work=$(mktemp -d /tmp/sshdoctor-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ -z "$exe" ]; then bash scripts/publish-aot.sh linux-x64 "$work/sshdoctor" >/dev/null; exe="$work/sshdoctor"; fi
tree=${BENCH_TREE:-$work/tree}
if [ ! -f "$tree/etc/passwd" ] || [ "$(grep -c '^user' "$tree/etc/passwd")" -ne "$users" ]; then
  dotnet run --project bench/SshDoctor.Bench -c Release -- generate "$tree" "$users" >/dev/null
fi
echo "binary: $exe ($(( $(stat -c %s "$exe") / 1024 )) KiB)${base:+; base: $base}; load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
run() { # label, runs, args...
  local label=$1 runs=${rounds:-$2}; shift 2
  python3 scripts/bench-run.py "$label" "$runs" ${base:+--base "$base"} "$exe" "$@"
}
# What any run costs before it reads anything (process start, runtime, argument parsing): the floor under the rows below.
run "sshdoctor --version (process start)" 21 --version
run "check sample (ec2-user, one user)" 21 check --root samples/broken-volume --user ec2-user --key samples/keys/id_ed25519.pub --json
run "check --user user7 --key ($users-user root)" 21 check --root "$tree" --user user7 --key "$tree/bench-key.pub" --json
run "check --all-users --key ($users users)" 11 check --root "$tree" --all-users --key "$tree/bench-key.pub" --json
run "check --all-users, no key ($users users)" 11 check --root "$tree" --all-users --json
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
