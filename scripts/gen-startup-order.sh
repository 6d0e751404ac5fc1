#!/usr/bin/env bash
# Writes src/SshDoctor/startup-order.txt: the native code symbols a one-user check and --version execute, for
# IlcOrderFile, so that the linker places them together. The kernel maps a 64 KiB window of the executable around
# every page a process touches, so start-up code spread over the binary's 10 MiB costs most of that in RSS.
# Run it after big changes to what check executes (a stale list costs memory, never correctness):
#   scripts/gen-startup-order.sh TREE      (TREE: a root made by bench/SshDoctor.Bench generate; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
tree=${1:?usage: gen-startup-order.sh TREE}
work=$(mktemp -d /tmp/sshdoctor-order.XXXXXX)
trap 'rm -rf "$work"' EXIT
git archive HEAD | tar -x -C "$work"
# The order is taken from a build without it, so that no earlier list shapes the new one.
rm -f "$work/src/SshDoctor/startup-order.txt"
(cd "$work" && dotnet publish src/SshDoctor -c Release -r linux-x64 -o "$work/out" -nologo -v q -p:IlcOrderFile= >/dev/null)
exe="$work/vg/sshdoctor"
mkdir -p "$work/vg"
cp "$work/out/sshdoctor" "$exe"   # without its .dbg beside it: valgrind cannot read Native AOT debug info
nm -n --defined-only "$work/out/sshdoctor.dbg" | awk '$2 ~ /^[tT]$/ {print $1, $3}' >"$work/syms"
n=0
run() {
  n=$((n + 1))
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.$n" "$exe" "$@" >/dev/null 2>&1 </dev/null || true
}
run --version
run check --root samples/broken-volume --user ec2-user --key samples/keys/id_ed25519.pub --json
run check --root "$tree" --user user7 --key "$tree/bench-key.pub" --json
run check --root samples/broken-volume --user ec2-user --key samples/keys/id_ed25519.pub
run check --root samples/broken-volume --user ec2-user --key samples/keys/id_ed25519.pub --lang fr
run check --root samples/ubuntu-24.04-wrong-user --user ec2-user --key samples/keys/id_ed25519.pub --json
python3 - "$work" "$n" >src/SshDoctor/startup-order.txt <<'PY'
import bisect, re, sys
work, runs = sys.argv[1], int(sys.argv[2])
syms = [(int(a, 16), name) for a, name in (l.split() for l in open(f"{work}/syms"))]
starts = [a for a, _ in syms]
seen, order = set(), []
for i in range(1, runs + 1):
    # callgrind names a function without symbols by its start address (relative to the executable).
    addrs = sorted({int(m.group(1), 16) for m in re.finditer(r"^c?fn=\(\d+\) 0x([0-9a-f]+)$", open(f"{work}/cg.{i}").read(), re.M)})
    for a in addrs:
        j = bisect.bisect_right(starts, a) - 1
        if j >= 0 and syms[j][1] not in seen:
            seen.add(syms[j][1]); order.append(syms[j][1])
print("\n".join(order))
PY
echo "gen-startup-order: $(wc -l <src/SshDoctor/startup-order.txt) symbols" >&2
