#!/usr/bin/env python3
"""Compile the annotated table definitions in sql/ into C data.

Reads each sql/*.sql file (format: sql/README.md) and writes one C file
holding a bb_table_def per table (src/engine/tables.h). Any malformed line
stops the build with the file and line number, so a definition can never
be half-compiled. With --docs DIR it also writes one Markdown page a table.
"""
import argparse
import os
import re
import sys

TYPES = {
    "VARCHAR": ("BB_T_TEXT", None),
    "INTEGER": ("BB_T_INT", 10),
    "BIGINT": ("BB_T_BIGINT", 19),
    "BIT": ("BB_T_BIT", 1),
    "TIMESTAMP": ("BB_T_TIMESTAMP", 26),
    "DOUBLE": ("BB_T_DOUBLE", 15),
    "JSON": ("BB_T_JSON", 65536),
}
# The declared type SQLite sees. TIMESTAMP and JSON values are text, and
# must compare as text: "TIMESTAMP" alone would give the column numeric
# affinity, and CreatedOn < '2020' would compare with the number 2020.
DECL = {"TIMESTAMP": "TIMESTAMP TEXT", "JSON": "JSON TEXT"}

COL_RE = re.compile(
    r"^\s*([A-Z][A-Za-z0-9]*)\s+([A-Z]+)(?:\((\d+)\))?\s*(NOT NULL)?\s*,?"
    r"\s*--\s*(.*)$")
PK_RE = re.compile(r"^\s*PRIMARY KEY\s*\(([^)]*)\)\s*,?\s*$")
FK_RE = re.compile(r"^\s*FOREIGN KEY\s*\(([^)]*)\)\s*REFERENCES\s+(\w+)\s*"
                   r"\(([^)]*)\)\s*,?\s*$")


class DefError(Exception):
    pass


def parse_column(m, where):
    name, typ, size, notnull, note = m.groups()
    if typ not in TYPES:
        raise DefError(f"{where}: unknown type {typ}")
    ctype, default_size = TYPES[typ]
    if typ == "VARCHAR":
        if not size:
            raise DefError(f"{where}: VARCHAR needs a length")
        size = int(size)
    else:
        size = default_size
    src, _, doc = note.partition("|")
    words = src.split()
    if not words:
        raise DefError(f"{where}: column {name} has no source")
    col = {"name": name, "type": ctype, "size": size, "doc": doc.strip(),
           "notnull": bool(notnull), "json": None, "key": None,
           "param": None, "param_all": None,
           "written": typ + (f"({size})" if typ == "VARCHAR" else ""),
           "decl": DECL.get(typ, typ + (f"({size})" if typ == "VARCHAR"
                                        else ""))}
    first = words.pop(0)
    if first.startswith("{") and first.endswith("}"):
        col["key"] = first[1:-1]
    elif re.fullmatch(r"\^?[a-zA-Z_][a-zA-Z0-9_.]*", first):
        col["json"] = first
    else:
        raise DefError(f"{where}: bad source {first!r} for {name}")
    col["filter"] = col["sort"] = False
    rest = " ".join(words)
    for flag in ("filter", "sort"):
        if re.search(rf"(^| )@{flag}( |$)", rest):
            col[flag] = True
            rest = re.sub(rf"(^| )@{flag}( |$)", " ", rest).strip()
    if rest:
        m2 = re.fullmatch(r"@param ([a-z_.]+)(?:=([A-Z0-9_,]+))?", rest)
        if not m2:
            raise DefError(f"{where}: unknown annotation {rest!r}")
        col["param"], col["param_all"] = m2.group(1), m2.group(2)
    if (col["filter"] or col["sort"]) and not col["json"]:
        raise DefError(f"{where}: @filter/@sort need a JSON path")
    return col


def new_meta():
    return {"doc": None, "endpoint": None, "pagelen": None, "fields": None,
            "fanouts": [], "single": False, "each": None,
            "empty404": False, "writes": None}


WRITES = ("insert", "update", "delete")


def parse_writes(val, where):
    """`@writes insert, update, delete` (any subset) or `@writes none`:
    the writes the API accepts on the table's objects, in WRITES order."""
    if val == "none":
        return []
    words = [w.strip() for w in val.split(",")]
    if not val or any(w not in WRITES for w in words) or \
            len(set(words)) != len(words):
        raise DefError(f"{where}: bad @writes {val!r} (a subset of "
                       f"{', '.join(WRITES)}, or none)")
    return [w for w in WRITES if w in words]


def parse_file(path):
    tables = []
    cur = None
    meta = new_meta()
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for no, line in enumerate(lines, 1):
        where = f"{path}:{no}"
        s = line.strip()
        if not s:
            continue
        if cur is None:
            if s.startswith("-- @"):
                key, _, val = s[4:].partition(" ")
                val = val.strip()
                if key == "fanout":
                    m = re.fullmatch(r"([a-z_]+)\s*=\s*(\w+)\.(\w+)", val)
                    if not m:
                        raise DefError(f"{where}: bad @fanout")
                    meta["fanouts"].append(m.groups())
                elif key in ("endpoint", "pagelen", "fields", "each"):
                    meta[key] = val
                elif key == "single":
                    meta["single"] = True
                elif key == "empty_on_404":
                    meta["empty404"] = True
                elif key == "writes":
                    if meta["writes"] is not None:
                        raise DefError(f"{where}: a second @writes")
                    meta["writes"] = parse_writes(val, where)
                else:
                    raise DefError(f"{where}: unknown @{key}")
            elif s.startswith("--"):
                if meta["doc"] is None:
                    meta["doc"] = s[2:].strip()
            elif m := re.fullmatch(r"CREATE TABLE (\w+) \(", s):
                cur = dict(meta, name=m.group(1), cols=[], pk=[], fks=[],
                           source=os.path.basename(path))
            else:
                raise DefError(f"{where}: expected CREATE TABLE")
            continue
        if s == ");":
            finish(cur, where)
            tables.append(cur)
            cur = None
            meta = new_meta()
        elif m := PK_RE.match(line):
            cur["pk"] = [c.strip() for c in m.group(1).split(",")]
        elif m := FK_RE.match(line):
            cols = [c.strip() for c in m.group(1).split(",")]
            refs = [c.strip() for c in m.group(3).split(",")]
            if len(cols) != len(refs) or len(cols) > 4:
                raise DefError(f"{where}: FOREIGN KEY columns do not pair")
            cur["fks"].append((m.group(2), cols, refs))
        elif m := COL_RE.match(line):
            cur["cols"].append(parse_column(m, where))
        else:
            raise DefError(f"{where}: cannot read {s!r}")
    if cur is not None:
        raise DefError(f"{path}: CREATE TABLE {cur['name']} not closed")
    return tables


def finish(t, where):
    doc = t["doc"] or ""
    if doc.startswith(t["name"] + ":"):
        doc = doc[len(t["name"]) + 1:].strip()
        t["doc"] = doc[:1].upper() + doc[1:]
    if not t["endpoint"] or not (t["pagelen"] or t["single"]):
        raise DefError(f"{where}: {t['name']} needs @endpoint and @pagelen"
                       " (or @single)")
    if t["writes"] is None:
        raise DefError(f"{where}: {t['name']} needs @writes (insert, "
                       "update, delete, or none)")
    if t["single"]:
        t["pagelen"] = t["pagelen"] or 0
    for c in t["cols"]:
        if c["json"] and c["json"].startswith("^") and not t["each"]:
            raise DefError(f"{where}: ^{c['json']} needs @each")
    names = [c["name"] for c in t["cols"]]
    for k in t["pk"]:
        if k not in names:
            raise DefError(f"{where}: primary key column {k} unknown")
    keys = re.findall(r"\{(\w+)\}", t["endpoint"])
    for k in keys:
        if not any(c["key"] == k for c in t["cols"]):
            raise DefError(f"{where}: no column holds path key {k}")
        if not any(f[0] == k for f in t["fanouts"]):
            raise DefError(f"{where}: no @fanout lists path key {k}")


def c_str(s):
    if s is None:
        return "NULL"
    out = s.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{out}"'


def ddl(t):
    cols = ", ".join(f'"{c["name"]}" {c["decl"]}' for c in t["cols"])
    return f"CREATE TABLE x({cols})"


def emit(tables, out):
    w = out.write
    w("/* Generated by tools/gentables.py from sql/: do not edit. */\n")
    w('#include "util/setup.h"\n#include "engine/tables.h"\n\n')
    for t in tables:
        n = t["name"]
        w(f"static const bb_column_def cols_{n}[] = {{\n")
        for c in t["cols"]:
            flags = []
            if c["notnull"]:
                flags.append("BB_COL_NOT_NULL")
            seq = t["pk"].index(c["name"]) + 1 if c["name"] in t["pk"] else 0
            if seq:
                flags.append("BB_COL_PK")
            if c["filter"]:
                flags.append("BB_COL_FILTER")
            if c["sort"]:
                flags.append("BB_COL_SORT")
            w(f'\t{{{c_str(c["name"])}, {c_str(c["decl"])}, {c["type"]}, '
              f'{c["size"]}, {c_str(c["json"])}, {c_str(c["key"])}, '
              f'{c_str(c["param"])}, {c_str(c["param_all"])},\n'
              f'\t {c_str(c["doc"])}, {"|".join(flags) or "0"}, {seq}}},\n')
        w("};\n\n")
        if t["fks"]:
            w(f"static const bb_fk_def fk_{n}[] = {{\n")
            for tab, cols, refs in t["fks"]:
                cl = ", ".join(c_str(c) for c in cols)
                rl = ", ".join(c_str(c) for c in refs)
                w(f'\t{{"FK_{n}_{tab}", {c_str(tab)}, {len(cols)}, {{{cl}}},'
                  f' {{{rl}}}}},\n')
            w("};\n\n")
        if t["fanouts"]:
            w(f"static const bb_fanout_def fan_{n}[] = {{\n")
            for k, tab, col in t["fanouts"]:
                w(f"\t{{{c_str(k)}, {c_str(tab)}, {c_str(col)}}},\n")
            w("};\n\n")
    w("const bb_table_def bb_tables[] = {\n")
    for t in tables:
        n = t["name"]
        fan = f"fan_{n}" if t["fanouts"] else "NULL"
        flags = "|".join(f for f, on in (("BB_TABLE_SINGLE", t["single"]),
                                         ("BB_TABLE_404_EMPTY",
                                          t["empty404"])) if on) or "0"
        w(f'\t{{{c_str(n)}, {c_str(t["doc"])}, {c_str(t["endpoint"])},\n'
          f'\t {c_str(t["fields"])}, {int(t["pagelen"])}, {flags}, '
          f'{c_str(t["each"])}, cols_{n}, '
          f'{len(t["cols"])}, {fan}, {len(t["fanouts"])},\n'
          f'\t {"fk_" + n if t["fks"] else "NULL"}, {len(t["fks"])},\n'
          f'\t {c_str(ddl(t))}}},\n')
    w("};\n\n")
    w(f"const int bb_ntables = {len(tables)};\n")


def key_col(t, key):
    return next((c["name"] for c in t["cols"] if c["key"] == key), None)


def check_fanouts(tables):
    """Checks each @fanout and derives the foreign key it implies: the
    parent's own path keys and the listed column."""
    by_name = {t["name"]: t for t in tables}
    for t in tables:
        derived = []
        for k, tab, col in t["fanouts"]:
            if tab not in by_name:
                raise DefError(f"{t['source']}: @fanout table {tab} unknown")
            parent = by_name[tab]
            if col not in [c["name"] for c in parent["cols"]]:
                raise DefError(f"{t['source']}: {tab}.{col} unknown")
            cols, refs = [], []
            for pk in re.findall(r"\{(\w+)\}", parent["endpoint"]):
                mine = key_col(t, pk)
                if not mine:
                    raise DefError(f"{t['source']}: {t['name']} lacks the "
                                   f"{{{pk}}} key its parent {tab} needs")
                cols.append(mine)
                refs.append(key_col(parent, pk))
            cols.append(key_col(t, k))
            refs.append(col)
            derived.append((tab, cols, refs))
        for tab, cols, refs in t["fks"]:
            if tab not in by_name:
                raise DefError(f"{t['source']}: FOREIGN KEY table {tab}")
        t["fks"] = derived + [f for f in t["fks"] if f not in derived]


SQL_TYPE = {"BB_T_TEXT": "SQL_WVARCHAR", "BB_T_INT": "SQL_INTEGER",
            "BB_T_BIGINT": "SQL_BIGINT", "BB_T_BIT": "SQL_BIT",
            "BB_T_TIMESTAMP": "SQL_TYPE_TIMESTAMP",
            "BB_T_DOUBLE": "SQL_DOUBLE", "BB_T_JSON": "SQL_WLONGVARCHAR"}


def md_escape(s):
    return (s or "").replace("|", "\\|")


def doc_page(t):
    """One Markdown page describing a table, from its definition."""
    keys = re.findall(r"\{(\w+)\}", t["endpoint"])
    paging = ("one object" if t["single"] else
              f"at most {t['pagelen']} rows a page")
    out = [f"# {t['name']}", "", md_escape(t["doc"]), "",
           f"Endpoint: `GET /2.0{t['endpoint']}` ({paging})" +
           (f", with `fields={t['fields']}`" if t["fields"] else "") +
           (f"; one row per element of `{t['each']}`" if t["each"] else "")
           + ".", "",
           "Writes the API accepts: " +
           (", ".join(w.upper() for w in t["writes"]) or "none") + ".", ""]
    if t["pk"]:
        out += [f"Primary key: {', '.join(t['pk'])}.", ""]
    for tab, cols, refs in t.get("fks", []):
        out += [f"Foreign key: ({', '.join(cols)}) references "
                f"[{tab}]({tab}.md) ({', '.join(refs)}).", ""]
    if keys:
        out.append("Path parameters, and where their values come from when "
                   "a query does not fix them:")
        out.append("")
        for k in keys:
            col = next(c["name"] for c in t["cols"] if c["key"] == k)
            fan = next(f"{f[1]}.{f[2]}" for f in t["fanouts"] if f[0] == k)
            if k == "workspace":
                out.append(f"- `{{{k}}}`: `{col} = ...` (or a schema, "
                           f"`ws.{t['name']}`) in the URL; otherwise the "
                           "connection's default workspace (the "
                           "`Workspace` property, or the user's only one).")
            else:
                out.append(f"- `{{{k}}}`: `{col} = ...` in the URL; "
                           f"otherwise every {fan}.")
        out.append("")
    out += ["| Column | Type | From the API | Pushed to the API | "
            "Description |", "|---|---|---|---|---|"]
    for c in t["cols"]:
        src = f"`{{{c['key']}}}` (path)" if c["key"] else f"`{c['json']}`"
        push = []
        if c["key"]:
            push.append("`=` (URL)")
        if c["param"]:
            push.append(f"`=`, `IN` (`{c['param']}=`)")
        if c["filter"]:
            push.append("BBQL `q=`")
        if c["sort"]:
            push.append("`sort=`")
        typ = f"{c['written']} ({SQL_TYPE[c['type']]})"
        out.append(f"| {c['name']} | {typ} | {src} | "
                   f"{', '.join(push) or '-'} | {md_escape(c['doc'])} |")
    out.append("")
    return "\n".join(out)


def write_docs(tables, folder):
    os.makedirs(folder, exist_ok=True)
    index = ["# Tables", "", "Generated from sql/ by tools/gentables.py.", "",
             "| Table | Endpoint | Description |", "|---|---|---|"]
    for t in sorted(tables, key=lambda t: t["name"]):
        with open(os.path.join(folder, t["name"] + ".md"), "w",
                  encoding="utf-8") as f:
            f.write(doc_page(t))
        index.append(f"| [{t['name']}]({t['name']}.md) | "
                     f"`/2.0{t['endpoint']}` | {md_escape(t['doc'])} |")
    with open(os.path.join(folder, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(index) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out")
    ap.add_argument("--docs", help="also write one Markdown page a table")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    tables = []
    try:
        for path in sorted(args.files):
            tables.extend(parse_file(path))
        check_fanouts(tables)
    except DefError as e:
        print(f"gentables: {e}", file=sys.stderr)
        return 1
    if args.out:
        tmp = args.out + ".tmp"
        with open(tmp, "w", encoding="utf-8") as out:
            emit(tables, out)
        os.replace(tmp, args.out)
    if args.docs:
        write_docs(tables, args.docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
