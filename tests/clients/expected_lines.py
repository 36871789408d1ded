"""Writes what the emulator holds, as tab-separated lines, for clients that
read no JSON easily (the C# test). One record a line, its kind first:

  demo    <repository name>  <open pull requests>
  pr      <slug> <id> <state> <draft 0|1> <created_on, UTC,
          yyyy-MM-ddTHH:mm:ss.ffffff> <comment count> <title>
  table   <table name>                    (from docs/tables)
  column  <table> <column> <SQL type name>   (PullRequests, from docs/tables)

Usage: expected_lines.py <slug>...   (needs BBEMU_URL, BBODBC_DRIVER)
"""
import datetime
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


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def main():
    out = []
    for name, n in check_demo.expected().items():
        out.append(["demo", name, str(n)])
    for slug in sys.argv[1:]:
        prs = emu.all_values(f"/repositories/acme/{slug}/pullrequests?"
                             f"{emu.ALL_STATES}&pagelen=50")
        for p in sorted(prs, key=lambda p: p["id"]):
            created = datetime.datetime.fromisoformat(p["created_on"])
            created = created.astimezone(datetime.timezone.utc)
            out.append(["pr", slug, str(p["id"]), p["state"],
                        "1" if p.get("draft") else "0",
                        created.strftime("%Y-%m-%dT%H:%M:%S.%f"),
                        str(p.get("comment_count", 0)), clean(p["title"])])
    for path in sorted(glob.glob(os.path.join(DOCS, "*.md"))):
        table = os.path.basename(path)[:-3]
        if table != "README":
            out.append(["table", table])
    with open(os.path.join(DOCS, "PullRequests.md"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^\| (\w+) \| [^|]*\((SQL_\w+)\) \|", line)
            if m:
                out.append(["column", "PullRequests", m.group(1), m.group(2)])
    sys.stdout.reconfigure(encoding="utf-8")
    for rec in out:
        print("\t".join(rec))


if __name__ == "__main__":
    main()
