"""Checks what iodbctest printed for the statements iodbc_demo.sh gave it:

  1. the demo query (Name | OpenPRs), against check_demo.expected();
  2. pull requests 73 to 75 of acme/platform-api (Id | Title), against the
     emulator's titles (emoji, CJK, accents);
  3. the `tables` command (SQLTables), against the tables of docs/tables.

  check_iodbctest.py <iodbctest output>    (needs BBEMU_URL, BBODBC_DRIVER)

iodbctest prints each result set as a header line (names separated by
'|', padded), a line of '-' and '+', one line a row, an empty line and
" result set N returned M rows."; errors as "N: <call> = <message>
(<native>) SQLSTATE=<state>".
"""
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "integration"))
import check_demo  # noqa: E402
import emu  # noqa: E402

# The table docs the build wrote beside the driver, from the same
# definitions; the ones in the source tree when there are none.
DOCS = os.path.join(os.path.dirname(os.environ.get("BBODBC_DRIVER", "")),
                    "docs", "tables")
if not os.path.isdir(DOCS):
    DOCS = os.path.join(HERE, "..", "..", "docs", "tables")


def result_sets(lines):
    """[(header, rows)], each a list of stripped fields."""
    out = []
    for i in range(1, len(lines)):
        if not re.fullmatch(r"[-+]+", lines[i]) or not lines[i - 1].strip():
            continue
        header = [h.strip() for h in lines[i - 1].split("|")]
        rows, j = [], i + 1
        while j < len(lines) and lines[j] != "":
            rows.append([f.strip() for f in
                         lines[j].split("|", len(header) - 1)])
            j += 1
        m = re.match(r" result set \d+ returned (\d+) rows\.",
                     lines[j + 1] if j + 1 < len(lines) else "")
        if not m or int(m.group(1)) != len(rows):
            raise SystemExit(f"result set after line {i}: row count line "
                             "missing or different")
        out.append((header, rows))
    return out


def main():
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    # The prompt comes before the header on a line of its own: drop it.
    lines = [ln[4:] if ln.startswith("SQL>") else ln for ln in lines]
    errors = [ln for ln in lines if re.match(r"^\d+: .*SQLSTATE=", ln)]
    sets = result_sets(lines)
    ok = True

    def check(cond, what, detail=""):
        nonlocal ok
        print(("ok    " if cond else "FAIL  ") + what)
        if not cond and detail:
            print("      " + detail)
        ok = ok and cond

    check(not errors, "iodbctest reported no ODBC error",
          "\n      ".join(errors))
    check(len(sets) == 3, f"three result sets (got {len(sets)})")

    if len(sets) >= 1:
        header, rows = sets[0]
        want = check_demo.expected()
        got = {r[0]: int(r[1]) for r in rows if len(r) == 2}
        counts = [got[r[0]] for r in rows if r[0] in got]
        check(header == ["Name", "OpenPRs"] and got == want
              and len(rows) == len(want)
              and counts == sorted(counts, reverse=True),
              f"demo query: {len(rows)} repositories, open pull requests, "
              f"descending (top {rows[:1]})",
              f"header {header}; want "
              f"{sorted(want.items(), key=lambda kv: -kv[1])[:5]}")

    if len(sets) >= 2:
        header, rows = sets[1]
        prs = emu.all_values("/repositories/acme/platform-api/pullrequests?"
                             f"{emu.ALL_STATES}&pagelen=50")
        want = [[str(p["id"]), p["title"]] for p in
                sorted(prs, key=lambda p: p["id"]) if 73 <= p["id"] <= 75]
        check(header == ["Id", "Title"] and rows == want
              and all(any(ord(c) > 127 for c in t) for _, t in rows),
              f"non-ASCII titles of pull requests 73-75: {rows}",
              f"want {want}")

    if len(sets) >= 3:
        header, rows = sets[2]
        want = sorted(os.path.basename(p)[:-3]
                      for p in glob.glob(os.path.join(DOCS, "*.md"))
                      if not p.endswith("README.md"))
        got = sorted(r[2] for r in rows if len(r) > 3 and r[3] == "TABLE") \
            if [h.upper() for h in header[:4]] == ["TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
                              "TABLE_TYPE"] else []
        check(got == want, f"tables (SQLTables): the {len(want)} tables "
              "of docs/tables", f"header {header}; got {got[:5]}...")

    print("iodbctest:", "all checks passed" if ok else "checks FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
