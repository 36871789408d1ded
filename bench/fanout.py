#!/usr/bin/env python3
"""Benchmark: a workspace-wide query against the emulator with injected
latency, read one repository at a time (the baseline) and with parallel
requests, in the same run. Prints times and their ratio; never asserts a
time (the machines are shared and noisy).

    bench/fanout.py [--latency-ms 40] [--runs 3] [--driver build/libbbodbc.so]
"""
import argparse
import os
import resource
import subprocess
import sys
import time

import pyodbc

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start_emulator(latency):
    proc = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "tests", "emulator", "server.py"),
         "--port", "0", "--quiet", "--latency-ms", str(latency)],
        stdout=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip().rsplit(" ", 1)[-1] + "/2.0"
    return proc, url


def timed(conn, sql, runs):
    best = None
    for _ in range(runs):
        cn = pyodbc.connect(conn, autocommit=True)
        t0 = time.perf_counter()
        rows = cn.cursor().execute(sql).fetchall()
        dt = time.perf_counter() - t0
        cn.close()
        best = dt if best is None else min(best, dt)
    return best, rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--latency-ms", type=int, default=40)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--driver",
                    default=os.path.join(ROOT, "build", "libbbodbc.so"))
    args = ap.parse_args()
    proc, url = start_emulator(args.latency_ms)
    try:
        base = (f"DRIVER={args.driver};BaseURL={url};User=demo;"
                f"ApiToken=demo-token;Workspace=acme")
        sql = ("SELECT State, COUNT(*) FROM PullRequests GROUP BY State "
               "ORDER BY State")
        seq, a = timed(base + ";ParallelRequests=1", sql, args.runs)
        par, b = timed(base + ";ParallelRequests=16", sql, args.runs)
        assert a == b, "parallel and sequential answers differ"
        print(f"workspace-wide PullRequests, {args.latency_ms} ms latency:")
        print(f"  one at a time : {seq:7.2f} s  (baseline)")
        print(f"  16 in parallel: {par:7.2f} s  ({seq / par:.1f}x faster)")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"  peak memory of this process: {rss / 1024:.0f} MiB")
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()
