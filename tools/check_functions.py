#!/usr/bin/env python3
"""SQLGetFunctions must tell the truth: the functions it reports
(src/odbc/info.c) are exactly the ODBC functions the driver exports, and
docs/odbc-conformance.md lists each with that same answer.

    check_functions.py <libbbodbc.so>
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def exported(lib):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True,
                         capture_output=True, text=True).stdout
    names = {line.split()[-1] for line in out.splitlines() if line.strip()}
    return {n[:-1] if n.endswith("W") and n[:-1] in names else n
            for n in names}


def reported():
    with open(os.path.join(ROOT, "src", "odbc", "info.c")) as f:
        src = f.read()
    block = src[src.index("functions[] = {"):]
    block = block[:block.index("};")]
    return {m.upper() for m in re.findall(r"SQL_API_(SQL\w+)", block)}


def documented():
    rows = {}
    with open(os.path.join(ROOT, "docs", "odbc-conformance.md")) as f:
        for line in f:
            m = re.match(r"^\|\s*(SQL\w+)\s*\|\s*(yes|partial|no)\s*\|", line)
            if m:
                rows[m.group(1)] = m.group(2)
    return rows


def main():
    exp = exported(sys.argv[1])
    rep = reported()
    doc = documented()
    bad = 0
    for name in sorted(exp):
        if name.upper() not in rep:
            print(f"{name} is exported but SQLGetFunctions says no")
            bad += 1
    for name in sorted(rep):
        if name not in {e.upper() for e in exp}:
            print(f"SQL_API_{name} is reported but not exported")
            bad += 1
    for name, level in sorted(doc.items()):
        supported = name in exp
        if supported != (level != "no"):
            print(f"docs/odbc-conformance.md says {name} is {level}, "
                  f"the driver {'exports' if supported else 'lacks'} it")
            bad += 1
    for name in sorted(exp):
        if name not in doc:
            print(f"docs/odbc-conformance.md does not list {name}")
            bad += 1
    print(f"{len(exp)} functions exported, {len(rep)} reported, "
          f"{len(doc)} documented: {'OK' if not bad else f'{bad} problems'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
