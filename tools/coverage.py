#!/usr/bin/env python3
"""Which paginated collections of the Bitbucket API are tables.

Lists every GET operation of the OpenAPI spec whose answer is a paging
envelope, with the table (from sql/) that reads it, or the documented
reason it has none (sql/no_table.md). Exits non-zero when one is neither,
or when a reason names an endpoint the spec does not have.

    coverage.py [--spec openapi.json] [--sql DIR]
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gentables  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def norm(path):
    return re.sub(r"\{[^}]+\}", "{}", path.rstrip("/"))


def paginated_gets(spec):
    out = []
    for path, ops in spec["paths"].items():
        get = ops.get("get")
        if not get:
            continue
        ok = get.get("responses", {}).get("200", {})
        schema = (ok.get("content", {}).get("application/json", {})
                  .get("schema", {}))
        ref = schema.get("$ref", "")
        if ref.split("/")[-1].startswith("paginated_"):
            out.append(path)
    return sorted(out)


def reasons(path):
    """GET paths with no table, each with why: `- GET /path: reason`."""
    got = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^- `GET (\S+)`: (.+)$", line.strip())
            if m:
                got[norm(m.group(1))] = (m.group(1), m.group(2))
    return got


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", default=os.path.join(ROOT, "tests", "fixtures",
                                                   "openapi.json"))
    ap.add_argument("--sql", default=os.path.join(ROOT, "sql"))
    args = ap.parse_args()
    with open(args.spec, encoding="utf-8") as f:
        spec = json.load(f)
    tables = {}
    for name in sorted(os.listdir(args.sql)):
        if name.endswith(".sql"):
            for t in gentables.parse_file(os.path.join(args.sql, name)):
                tables.setdefault(norm(t["endpoint"]), []).append(t["name"])
    why = reasons(os.path.join(args.sql, "no_table.md"))
    gets = paginated_gets(spec)
    missing = 0
    for path in gets:
        key = norm(path)
        if key in tables:
            print(f"  {path:75} {', '.join(tables[key])}")
        elif key in why:
            print(f"  {path:75} (no table: {why[key][1]})")
        else:
            print(f"! {path:75} NO TABLE AND NO REASON")
            missing += 1
    stale = [p for k, (p, _) in why.items() if k not in map(norm, gets)]
    for p in stale:
        print(f"! sql/no_table.md names {p}, which is not a paginated GET")
    covered = sum(1 for p in gets if norm(p) in tables)
    print(f"{len(gets)} paginated collections: {covered} tables, "
          f"{len(gets) - covered - missing} with reasons, {missing} missing")
    return 1 if missing or stale else 0


if __name__ == "__main__":
    sys.exit(main())
