#!/usr/bin/env python3
"""Runs a command RUNS times (after one warm-up run) and prints the medians of wall time, CPU time (user+sys)
and max RSS, measured with wait4(2) at microsecond resolution.   bench-run.py LABEL RUNS CMD [ARGS...]"""
import os, statistics, subprocess, sys, time

label, runs, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def once():
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    return wall * 1000, (ru.ru_utime + ru.ru_stime) * 1000, ru.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)
once()
samples = [once() for _ in range(runs)]
wall = statistics.median(s[0] for s in samples)
cpu = statistics.median(s[1] for s in samples)
rss = statistics.median(s[2] for s in samples)
codes = sorted({s[3] for s in samples})
print(f"{label:<46} median wall {wall:6.1f} ms   cpu {cpu:6.1f} ms   max RSS {rss:5.1f} MiB   (exit {','.join(map(str, codes))}; {runs} runs)")
