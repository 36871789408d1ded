"""Every table defined in sql/, through the driver manager: its rows equal
the emulator's objects for one parent and across every parent of the
workspace, in value and in type (each non-NULL value is of its column's
Python type), and SQLColumns agrees with SQLDescribeCol (names, type
codes, sizes, decimal digits, nullability). Tables are found
from the definitions, so a new sql/ file is tested without a line here."""
import datetime
import os
import re
import sys
import unittest
import urllib.parse

import pyodbc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import emu  # noqa: E402
from test_tables import (CONN, TABLES, comparable, expected)  # noqa: E402

WORKSPACE = "acme"

# The Python type pyodbc gives for each column type of sql/.
PY_TYPE = {"BB_T_TEXT": str, "BB_T_JSON": str, "BB_T_INT": int,
           "BB_T_BIGINT": int, "BB_T_BIT": bool,
           "BB_T_TIMESTAMP": datetime.datetime, "BB_T_DOUBLE": float}


def json_at_path(obj, path):
    for part in path.split("."):
        obj = obj.get(part) if isinstance(obj, dict) else None
    return obj


def keys_of(table):
    return re.findall(r"\{(\w+)\}", table["endpoint"])


def key_column(table, key):
    return next(c for c in table["cols"] if c["key"] == key)


def json_of(table, colname):
    return next(c for c in table["cols"] if c["name"] == colname)["json"]


def list_url(table, values):
    """The emulator URL of one list, with the table's own parameters."""
    path = table["endpoint"]
    for k, v in values.items():
        path = path.replace("{" + k + "}", urllib.parse.quote(str(v), safe=""))
    q = [f"pagelen={table['pagelen']}"]
    for c in table["cols"]:
        if c["param"] and c["param_all"]:
            q += [f"{c['param']}={v}" for v in c["param_all"].split(",")]
    if table["fields"]:
        q.append("fields=" + urllib.parse.quote(table["fields"], safe=","))
    return path + "?" + "&".join(q)


def values(table, url):
    """The emulator's objects at url; a table whose 404 means "none here"
    (a disabled issue tracker) has none there."""
    import urllib.error
    try:
        if table.get("single"):
            return [emu.get(url)]
        return emu.all_values(url)
    except urllib.error.HTTPError as e:
        if e.code == 404 and table.get("empty404"):
            return []
        raise


def parents(table, limit=None):
    """Every tuple of path-key values below WORKSPACE, as dicts."""
    keys = keys_of(table)
    tuples = [{}]
    for k in keys:
        if k == "workspace":
            tuples = [dict(t, workspace=WORKSPACE) for t in tuples]
            continue
        fan = next(f for f in table["fanouts"] if f[0] == k)
        parent = TABLES[fan[1]]
        path = json_of(parent, fan[2])
        nxt = []
        for t in tuples:
            sub = {pk: t[pk] for pk in keys_of(parent)}
            for o in values(parent, list_url(parent, sub)):
                v = o
                for part in path.split("."):
                    v = v.get(part) if isinstance(v, dict) else None
                if v is not None:
                    nxt.append(dict(t, **{k: v}))
        tuples = nxt[:limit] if limit else nxt
    return tuples


class AllTables(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cn = pyodbc.connect(CONN, autocommit=True)

    @classmethod
    def tearDownClass(cls):
        cls.cn.close()

    def fetch(self, sql, *params):
        cur = self.cn.cursor()
        cur.execute(sql, *params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()], cur.description

    def compare(self, table, rows, objects):
        t = TABLES[table]
        pk = t["pk"]
        self.assertEqual(len(rows), len(objects), table)
        by_key = {tuple(r[k] for k in pk): r for r in rows}
        self.assertEqual(len(by_key), len(rows), f"{table}: duplicate keys")
        for keys, obj, outer in objects:
            def want(c):
                if c["json"] and c["json"].startswith("^"):
                    return expected(dict(c, json=c["json"][1:]), outer, keys)
                return expected(c, obj, keys)
            want_key = tuple(want(next(c for c in t["cols"]
                                       if c["name"] == k)) for k in pk)
            self.assertIn(want_key, by_key, f"{table}: missing {want_key}")
            row = by_key[want_key]
            for c in t["cols"]:
                got = row[c["name"]]
                where = f"{table} {want_key} {c['name']}"
                self.assertEqual(comparable(c, got), want(c), where)
                if got is not None:
                    # 1 == True == 1.0 in Python: the type is checked too.
                    self.assertIs(type(got), PY_TYPE[c["type"]], where)

    def objects(self, table, tuples):
        t = TABLES[table]
        out = []
        for tup in tuples:
            for o in values(t, list_url(t, tup)):
                if t["each"]:
                    for e in json_at_path(o, t["each"]) or []:
                        out.append((tup, e, o))
                else:
                    out.append((tup, o, None))
        return out

    def check_table(self, name):
        t = TABLES[name]
        # One parent: the first with rows, every key fixed in the query.
        tuples = parents(t)
        one = next((tp for tp in tuples
                    if values(t, list_url(t, tp))), None)
        if one is not None:
            cond = " AND ".join(f'"{key_column(t, k)["name"]}" = ?'
                                for k in one)
            rows, _ = self.fetch(f'SELECT * FROM "{name}"' +
                                 (f" WHERE {cond}" if cond else ""),
                                 *one.values())
            self.compare(name, rows, self.objects(name, [one]))
        # Every parent of the workspace.
        rows, desc = self.fetch(f'SELECT * FROM "{name}"')
        self.compare(name, rows, self.objects(name, tuples))
        # SQLColumns agrees with SQLDescribeCol.
        cols = {c.column_name: c for c in
                self.cn.cursor().columns(table=name)}
        self.assertEqual([d[0] for d in desc], list(cols))
        types = {c["name"]: c["type"] for c in t["cols"]}
        for d in desc:
            c = cols[d[0]]
            self.assertEqual(d[6], bool(c.nullable), d[0])
            self.assertIs(d[1], PY_TYPE[types[d[0]]], d[0])
            self.assertEqual(d[3], c.column_size, d[0])
            self.assertEqual(d[5] or 0, c.decimal_digits or 0, d[0])


def add_tests():
    for name in sorted(TABLES):
        def test(self, name=name):
            self.check_table(name)
        setattr(AllTables, f"test_{name}", test)


add_tests()

if __name__ == "__main__":
    unittest.main(verbosity=2)
