#!/usr/bin/env python3
"""Memory and start-up cost of two sshdoctor binaries, measured in the same loop (base, new, base, new, ...) so
that machine load falls on both alike. Prints, per case, the median max RSS and wall time of each binary and the
new/base ratio.   bench-rss.py BASE NEW TREE [RUNS]   (TREE: a root made by bench/SshDoctor.Bench generate)"""
import os, statistics, subprocess, sys, time

base, new, tree = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 21
key = os.path.join(tree, "bench-key.pub")
cases = [
    ("--version", ["--version"], runs),
    ("check sample (ec2-user)", ["check", "--root", "samples/broken-volume", "--user", "ec2-user",
                                 "--key", "samples/keys/id_ed25519.pub", "--json"], runs),
    ("check user7 (2,000-user root)", ["check", "--root", tree, "--user", "user7", "--key", key, "--json"], runs),
    ("check --all-users --key", ["check", "--root", tree, "--all-users", "--key", key, "--json"], max(5, runs // 2)),
]

def once(exe, args):
    start = time.perf_counter()
    p = subprocess.Popen([exe] + args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    return (time.perf_counter() - start) * 1000, ru.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)

print(f"load average before: {open('/proc/loadavg').read().split()[:3]}")
for label, args, n in cases:
    once(base, args); once(new, args)
    got = {base: [], new: []}
    for _ in range(n):
        for exe in (base, new):
            got[exe].append(once(exe, args))
    med = {exe: (statistics.median(s[0] for s in got[exe]), statistics.median(s[1] for s in got[exe]),
                 sorted({s[2] for s in got[exe]})) for exe in got}
    (bw, br, bc), (nw, nr, nc) = med[base], med[new]
    print(f"{label:<32} base {br:5.1f} MiB {bw:6.1f} ms (exit {bc})   new {nr:5.1f} MiB {nw:6.1f} ms (exit {nc})"
          f"   ratio RSS {nr / br:.3f} wall {nw / bw:.3f}   ({n} runs each)")
print(f"load average after: {open('/proc/loadavg').read().split()[:3]}")
