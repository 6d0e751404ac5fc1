#!/usr/bin/env bash
# Fuzzes one parser with AFL++ through SharpFuzz:  bash scripts/fuzz.sh sshd_config|authorized_keys|key SECONDS
# Installs afl++ (Debian) and the SharpFuzz instrumentation tool when missing, builds fuzz/SshDoctor.Fuzz,
# instruments SshDoctor.Core.dll, runs afl-fuzz for SECONDS from fuzz/corpus/TARGET, then prints executions,
# crashes, hangs and the slowest queue input. Findings go to fuzz/out/TARGET (not committed); copy a crashing
# input into fuzz/corpus/TARGET so the replay test (tests/SshDoctor.Tests/Fuzz) keeps it fixed.
# Not run by CI (CPU): CI replays the committed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz.sh sshd_config|authorized_keys|key SECONDS}
seconds=${2:-60}
[ -d "fuzz/corpus/$target" ] || { echo "unknown target $target"; exit 2; }

if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
tools=fuzz/.tools
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi

out=fuzz/bin/$target
dotnet build fuzz/SshDoctor.Fuzz -c Release -nologo -v q -o "$out" | tail -n 2
rm -rf "$out.plain" && cp -a "$out" "$out.plain"   # uninstrumented copy for triage outside afl
"$tools/sharpfuzz" "$out/SshDoctor.Core.dll" >/dev/null

findings=fuzz/out/$target
mkdir -p fuzz/out
rm -rf "$findings"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
timeout -k 10 $((seconds + 60)) afl-fuzz -V "$seconds" -t 5000 -m none -i "fuzz/corpus/$target" -o "$findings" \
  -- dotnet "$out/SshDoctor.Fuzz.dll" "$target" >"$findings.log" 2>&1 || { tail -n 30 "$findings.log"; exit 1; }

stats=$findings/default/fuzzer_stats
for k in execs_done execs_per_sec saved_crashes saved_hangs corpus_count run_time; do
  grep -E "^$k " "$stats" | tr -s ' '
done
queue=("$findings"/default/queue/id*)
dotnet "$out.plain/SshDoctor.Fuzz.dll" "$target" "${queue[@]}"
