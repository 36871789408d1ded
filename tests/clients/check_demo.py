"""Checks the demo query's answer from a client against the emulator.

  check_demo.py isql <output file>      (isql -b -d'|' -c output)
  check_demo.py pyodbc <conn> <query>   (runs the query itself)
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "integration"))
import emu  # noqa: E402


def expected():
    want = {}
    for repo in emu.all_values("/repositories/acme?pagelen=100"):
        n = len(emu.all_values(f"/repositories/acme/{repo['slug']}/"
                               "pullrequests?state=OPEN&pagelen=50"))
        if n:
            want[repo["name"]] = n
    return want


def from_isql(path):
    with open(path, encoding="utf-8") as f:
        lines = [ln.rstrip("\n") for ln in f if ln.strip()]
    header = lines[0].split("|")
    assert header == ["Name", "OpenPRs"], header
    rows = [ln.split("|") for ln in lines[1:]]
    return [(r[0], int(r[1])) for r in rows]


def from_pyodbc(conn, query):
    import pyodbc
    cn = pyodbc.connect(conn, autocommit=True)
    rows = [(r[0], r[1]) for r in cn.cursor().execute(query).fetchall()]
    cn.close()
    return rows


def main():
    kind = sys.argv[1]
    rows = from_isql(sys.argv[2]) if kind == "isql" else \
        from_pyodbc(sys.argv[2], sys.argv[3])
    want = expected()
    got = dict(rows)
    counts = [n for _, n in rows]
    ok = got == want and counts == sorted(counts, reverse=True) \
        and len(rows) == len(got)
    print(f"{kind}: {len(rows)} rows, top {rows[:3]}: "
          f"{'OK' if ok else 'WRONG'}")
    if not ok:
        print("want", sorted(want.items(), key=lambda kv: -kv[1])[:10])
        sys.exit(1)


if __name__ == "__main__":
    main()
