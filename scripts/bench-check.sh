#!/usr/bin/env bash
# Speed and memory of `check` on a generated root with 2,000 users, using the published single file.
# Goals (issue #2): check --all-users < 1 s; one-user check < 150 ms wall; memory < 100 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-2000}
root=$(mktemp -d /tmp/sshdoctor-bench.XXXXXX)
out=$(mktemp -d /tmp/sshdoctor-publish.XXXXXX)
trap 'rm -rf "$root" "$out"' EXIT
dotnet run --project bench/SshDoctor.Bench -c Release -- generate "$root/tree" "$users"
dotnet publish src/SshDoctor -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true -p:PublishTrimmed=true -o "$out" -nologo -v q >/dev/null
exe="$out/sshdoctor"
run() { # label, runs, args...
  local label=$1 runs=$2; shift 2
  local times=() rss=0
  for _ in $(seq "$runs"); do
    local line
    /usr/bin/time -o "$root/time.txt" -f "%e %M" "$exe" "$@" >/dev/null 2>&1 || true
    line=$(tail -n 1 "$root/time.txt")
    times+=("${line% *}"); local r=${line#* }; [ "$r" -gt "$rss" ] && rss=$r
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-34s median %6.0f ms   max RSS %4d MB   (%d runs)\n' "$label" "$(echo "$median*1000" | bc)" $((rss / 1024)) "$runs"
}
"$exe" check --root "$root/tree" --user user7 --key "$root/tree/bench-key.pub" >/dev/null || true
run "check --all-users --key (2000 users)" 5 check --root "$root/tree" --all-users --key "$root/tree/bench-key.pub" --json
run "check --all-users (no key)" 5 check --root "$root/tree" --all-users --json
run "check --user user7 --key" 11 check --root "$root/tree" --user user7 --key "$root/tree/bench-key.pub" --json
run "check --user user8 --key (refused)" 11 check --root "$root/tree" --user user8 --key "$root/tree/bench-key.pub" --json
dotnet run --project bench/SshDoctor.Bench -c Release -- measure "$root/tree" 5
