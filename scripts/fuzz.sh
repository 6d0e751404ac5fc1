#!/usr/bin/env bash
# Fuzzes one parser with AFL++ through SharpFuzz:
#   bash scripts/fuzz.sh sshd_config|authorized_keys|key SECONDS [EXECUTIONS]
# Stops after SECONDS, or after about EXECUTIONS executions when given (afl-fuzz -E), whichever comes first.
# Installs afl++ (Debian) and the SharpFuzz instrumentation tool when missing, builds fuzz/SshDoctor.Fuzz,
# instruments only the project's SshDoctor.Core.dll (not the runtime, not third-party assemblies), and runs
# afl-fuzz from fuzz/corpus/TARGET under `nice -n 19` (it shares the machine). The harness is in AFL persistent
# mode (SharpFuzz Fuzzer.Run): one dotnet process runs every input; afl restarts it only after a hang.
# Then it prints executions, wall time, exec/s, crashes, hangs, and the slowest input (each queue, crash and
# hang input replayed on an uninstrumented copy). Findings go to fuzz/out/TARGET (not committed); copy a crashing
# input into fuzz/corpus/TARGET so the replay test (tests/SshDoctor.Tests/Fuzz) keeps it fixed.
# Not run by CI (CPU): CI replays the committed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz.sh sshd_config|authorized_keys|key SECONDS [EXECUTIONS]}
seconds=${2:-60}
execs=${3:-}
[ -d "fuzz/corpus/$target" ] || { echo "unknown target $target"; exit 2; }

if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
tools=fuzz/.tools
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi

out=fuzz/bin/$target
nice -n 19 dotnet build fuzz/SshDoctor.Fuzz -c Release -nologo -v q -o "$out" | tail -n 2
rm -rf "$out.plain" && cp -a "$out" "$out.plain"   # uninstrumented copy for triage outside afl
"$tools/sharpfuzz" "$out/SshDoctor.Core.dll" >/dev/null

findings=fuzz/out/$target
mkdir -p fuzz/out
rm -rf "$findings"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -d /dev/shm ] && export TMPDIR=/dev/shm   # the sshd_config target writes its files for every input
limit=(-V "$seconds")
[ -n "$execs" ] && limit+=(-E "$execs")
start=$(date +%s)
timeout -k 10 $((seconds + 120)) nice -n 19 afl-fuzz "${limit[@]}" -t 5000 -m none -i "fuzz/corpus/$target" -o "$findings" \
  -- dotnet "$out/SshDoctor.Fuzz.dll" "$target" >"$findings.log" 2>&1 || { tail -n 30 "$findings.log"; exit 1; }
wall=$(( $(date +%s) - start ))

stats=$findings/default/fuzzer_stats
value() { grep -E "^$1 " "$stats" | sed 's/.*: //'; }
done_=$(value execs_done)
echo "target $target: executions $done_, wall ${wall} s, exec/s $(( done_ / (wall > 0 ? wall : 1) )) (afl's last: $(value execs_per_sec))"
echo "crashes $(value saved_crashes), hangs $(value saved_hangs), corpus $(value corpus_count), afl's slowest exec $(value slowest_exec_ms) ms"
inputs=()
for d in queue crashes hangs; do
  for f in "$findings/default/$d"/id*; do [ -f "$f" ] && inputs+=("$f"); done
done
nice -n 19 dotnet "$out.plain/SshDoctor.Fuzz.dll" "$target" "${inputs[@]}"
