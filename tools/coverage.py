#!/usr/bin/env python3
"""Which paginated collections of the Bitbucket API are tables.

Lists every GET operation of the OpenAPI spec whose answer is a paging
envelope, with the table (from sql/) that reads it, or the documented
reason it has none (sql/no_table.md). Exits non-zero when one is neither,
or when a reason names an endpoint the spec does not have.

Then holds each table's `@writes` to the spec, so it cannot drift:
insert is a POST on the table's list endpoint (unless its answer is a
page: POST .../commits only lists, with include/exclude in the body);
update a PUT and delete a DELETE on the item endpoint, the list endpoint
followed by one path parameter (`/hooks/{uid}`). A table with `@each`
reads an array inside the list's objects, whose elements that endpoint
neither creates nor deletes: its writes are `none`.

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


def is_page(op, status):
    schema = (op.get("responses", {}).get(status, {}).get("content", {})
              .get("application/json", {}).get("schema", {}))
    return schema.get("$ref", "").split("/")[-1].startswith("paginated_")


def spec_writes(spec, table):
    """The writes the spec accepts on a table's objects, in
    gentables.WRITES order."""
    if table["each"]:
        return []
    lst = norm(table["endpoint"])
    ops = {}
    for path, methods in spec["paths"].items():
        ops.setdefault(norm(path), {}).update(methods)
    got = set()
    post = ops.get(lst, {}).get("post")
    if post and not is_page(post, "200"):
        got.add("insert")
    item = ops.get(lst + "/{}", {})
    if "put" in item:
        got.add("update")
    if "delete" in item:
        got.add("delete")
    return [w for w in gentables.WRITES if w in got]


def check_writes(spec, tables):
    """Prints each table whose @writes differs from the spec; returns
    how many."""
    wrong = 0
    for t in tables:
        want = spec_writes(spec, t)
        if t["writes"] != want:
            print(f"! {t['name']} ({t['source']}): @writes "
                  f"{', '.join(t['writes']) or 'none'}, but the spec "
                  f"says {', '.join(want) or 'none'}")
            wrong += 1
    return wrong


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
    tables, defs = {}, []
    for name in sorted(os.listdir(args.sql)):
        if name.endswith(".sql"):
            for t in gentables.parse_file(os.path.join(args.sql, name)):
                tables.setdefault(norm(t["endpoint"]), []).append(t["name"])
                defs.append(t)
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
    wrong = check_writes(spec, defs)
    print(f"{len(defs)} tables: {len(defs) - wrong} with @writes as the "
          f"spec says, {wrong} not")
    return 1 if missing or stale or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
