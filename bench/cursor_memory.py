#!/usr/bin/env python3
"""Benchmark: the memory a full read of a large table costs with a
forward-only cursor (rows stream, nothing is kept) and with a static one
(every row is copied so the application can scroll back). Each read runs
in a process of its own, through unixODBC with ctypes (pyodbc cannot ask
for a cursor type), against the emulator; prints each peak RSS, what the
read added to it, and the ratio of the two. Never asserts a figure.

    bench/cursor_memory.py [--table PullRequestActivity] [--driver build/libbbodbc.so]

Use a build without sanitizers: their shadow memory swamps the figures.
"""
import argparse
import ctypes
import json
import os
import resource
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SQL_HANDLE_ENV, SQL_HANDLE_DBC, SQL_HANDLE_STMT = 1, 2, 3
SQL_ATTR_ODBC_VERSION, SQL_OV_ODBC3 = 200, 3
SQL_ATTR_CURSOR_TYPE = 6
CURSORS = {"forward-only": 0, "static": 3}


def start_emulator():
    proc = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "tests", "emulator", "server.py"),
         "--port", "0", "--quiet"],
        stdout=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip().rsplit(" ", 1)[-1] + "/2.0"
    return proc, url


def child(conn, sql, cursor):
    """One read, in this process: prints rows and peak RSS as JSON."""
    odbc = ctypes.CDLL("libodbc.so.2")
    h = ctypes.c_void_p
    odbc.SQLAllocHandle.argtypes = [ctypes.c_short, h, ctypes.POINTER(h)]
    odbc.SQLSetEnvAttr.argtypes = [h, ctypes.c_int, h, ctypes.c_int]
    odbc.SQLSetStmtAttr.argtypes = [h, ctypes.c_int, h, ctypes.c_int]
    odbc.SQLDriverConnect.argtypes = [h, h, ctypes.c_char_p, ctypes.c_short,
                                      h, ctypes.c_short, h, ctypes.c_ushort]
    odbc.SQLExecDirect.argtypes = [h, ctypes.c_char_p, ctypes.c_int]
    odbc.SQLFetch.argtypes = [h]
    env, dbc, st = h(), h(), h()
    odbc.SQLAllocHandle(SQL_HANDLE_ENV, None, ctypes.byref(env))
    odbc.SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, SQL_OV_ODBC3, 0)
    odbc.SQLAllocHandle(SQL_HANDLE_DBC, env, ctypes.byref(dbc))
    rc = odbc.SQLDriverConnect(dbc, None, conn.encode(), -3, None, 0, None, 0)
    assert rc in (0, 1), "connect failed"
    odbc.SQLAllocHandle(SQL_HANDLE_STMT, dbc, ctypes.byref(st))
    odbc.SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, CURSORS[cursor], 0)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert odbc.SQLExecDirect(st, sql.encode(), -3) in (0, 1), "execute"
    rows = 0
    while odbc.SQLFetch(st) in (0, 1):
        rows += 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": rows, "before": before, "peak": peak}))


def measure(conn, sql, cursor):
    out = subprocess.run([sys.executable, __file__, "--child", cursor,
                          "--conn", conn, "--sql", sql],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", default="PullRequestActivity")
    ap.add_argument("--driver",
                    default=os.path.join(ROOT, "build", "libbbodbc.so"))
    ap.add_argument("--child")
    ap.add_argument("--conn")
    ap.add_argument("--sql")
    args = ap.parse_args()
    if args.child:
        child(args.conn, args.sql, args.child)
        return
    proc, url = start_emulator()
    try:
        conn = (f"DRIVER={args.driver};BaseURL={url};User=demo;"
                f"ApiToken=demo-token;Workspace=acme")
        sql = f"SELECT * FROM {args.table}"
        fwd = measure(conn, sql, "forward-only")
        sta = measure(conn, sql, "static")
        assert fwd["rows"] == sta["rows"], "the two reads differ"
        grow_f = max(fwd["peak"] - fwd["before"], 1)
        grow_s = max(sta["peak"] - sta["before"], 1)
        print(f"full read of {args.table} ({fwd['rows']} rows), peak RSS:")
        print(f"  forward-only: {fwd['peak'] / 1024:7.1f} MiB"
              f"  (+{grow_f / 1024:.1f} MiB while reading)")
        print(f"  static      : {sta['peak'] / 1024:7.1f} MiB"
              f"  (+{grow_s / 1024:.1f} MiB while reading)")
        print(f"  static / forward-only: {sta['peak'] / fwd['peak']:.2f}x "
              f"peak, {grow_s / grow_f:.1f}x growth")
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()
