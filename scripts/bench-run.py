#!/usr/bin/env python3
"""Runs a command RUNS times (after one warm-up run) and prints the medians of wall time, CPU time (user+sys)
and max RSS, measured with wait4(2) at microsecond resolution.   bench-run.py LABEL RUNS CMD [ARGS...]
With --base BASE_BINARY: BASE_BINARY ARGS and CMD ARGS are run in turn in the same loop (the order swapped every
round, so a change of load hits both alike), and the line gives both medians and their ratios (new / base).
    bench-run.py LABEL RUNS --base BASE_BINARY CMD [ARGS...]"""
import os, statistics, subprocess, sys, time

label, runs, rest = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
base = None
if rest[:1] == ["--base"]:
    base, rest = rest[1], rest[2:]
cmd = rest

def once(argv):
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    return wall * 1000, (ru.ru_utime + ru.ru_stime) * 1000, ru.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)

def medians(samples):
    return (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples),
            statistics.median(s[2] for s in samples), ",".join(map(str, sorted({s[3] for s in samples}))))

if base is None:
    once(cmd)
    wall, cpu, rss, codes = medians([once(cmd) for _ in range(runs)])
    print(f"{label:<46} median wall {wall:6.1f} ms   cpu {cpu:6.1f} ms   max RSS {rss:5.1f} MiB   (exit {codes}; {runs} runs)")
    sys.exit(0)

base_cmd = [base] + cmd[1:]
once(base_cmd)
once(cmd)
old, new = [], []
for i in range(runs):
    if i % 2 == 0:
        old.append(once(base_cmd)); new.append(once(cmd))
    else:
        new.append(once(cmd)); old.append(once(base_cmd))
bw, bc, br, bcodes = medians(old)
nw, nc, nr, ncodes = medians(new)
print(f"{label:<46} wall {bw:6.1f} -> {nw:6.1f} ms (x{nw / bw:4.2f})   cpu {bc:6.1f} -> {nc:6.1f} ms (x{nc / bc:4.2f})   "
      f"RSS {br:5.1f} -> {nr:5.1f} MiB   (exit {bcodes} / {ncodes}; {runs} rounds; load {os.getloadavg()[0]:.2f})")
