"""Parameters through pyodbc (unixODBC) against the emulator:
executemany with fast_executemany on (arrays of parameters, and
data-at-execution inside them) and off (one execution per row), long
strings (pyodbc sends them as data-at-execution), Unicode, every Python
type pyodbc binds, and parameters in a query joining a connection-local
table with a Bitbucket table, checked against the API's own answer."""
import datetime
import decimal
import os
import sys
import unittest
import uuid

import pyodbc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import emu  # noqa: E402

CONN = os.environ["BBODBC_CONN"]

ROWS = [
    (1, "plain", 1.5, b"\x00\x01", True),
    (2, "Grüße 修正バグ 🚀", -2.25, b"", False),
    (3, None, None, None, None),
    (4, "x" * 5000, 0.0, bytes(range(256)) * 40, True),
]


class Params(unittest.TestCase):
    def setUp(self):
        self.cn = pyodbc.connect(CONN, autocommit=True)
        self.cur = self.cn.cursor()
        self.cur.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, "
                         "f REAL, b BLOB, ok BIT)")

    def tearDown(self):
        self.cn.close()

    def stored(self):
        rows = self.cur.execute("SELECT id, s, f, b, ok FROM t "
                                "ORDER BY id").fetchall()
        return [(r[0], r[1], r[2], None if r[3] is None else bytes(r[3]),
                 None if r[4] is None else bool(r[4])) for r in rows]

    def check_executemany(self, fast):
        self.cur.fast_executemany = fast
        self.cur.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", ROWS)
        self.assertEqual(self.stored(), ROWS)
        self.cur.executemany("UPDATE t SET f = ? WHERE id = ?",
                             [(10.0, 1), (20.0, 2), (30.0, 99)])
        self.assertEqual(
            self.cur.execute("SELECT group_concat(f, ',') FROM "
                             "(SELECT f FROM t WHERE id < 3 ORDER BY id)")
            .fetchval(), "10.0,20.0")

    def test_executemany_fast(self):
        self.check_executemany(True)

    def test_executemany_slow(self):
        self.check_executemany(False)

    def test_long_string_as_data_at_execution(self):
        long = "ü" + "abcdefghij" * 20000 + "🚀"
        self.cur.execute("INSERT INTO t(id, s) VALUES (?, ?)", 7, long)
        self.assertEqual(self.cur.execute(
            "SELECT s FROM t WHERE id = 7").fetchval(), long)
        blob = os.urandom(300000)
        self.cur.execute("INSERT INTO t(id, b) VALUES (?, ?)", 8, blob)
        self.assertEqual(bytes(self.cur.execute(
            "SELECT b FROM t WHERE id = 8").fetchval()), blob)
        self.assertEqual(self.cur.execute(
            "SELECT length(s) FROM t WHERE s = ?", long).fetchval(),
            len(long))

    def test_python_types(self):
        when = datetime.datetime(2024, 1, 31, 10, 0, 0, 123456)
        day = datetime.date(2024, 2, 29)
        guid = uuid.UUID("12345678-9abc-def0-0123-456789abcdef")
        row = self.cur.execute(
            "SELECT ?, ?, ?, ?, ?, ?, ?", 42, 2.5, decimal.Decimal("-1.25"),
            when, day, guid, "日本").fetchone()
        self.assertEqual(row[0], 42)
        self.assertEqual(row[1], 2.5)
        self.assertEqual(row[2], -1.25)
        self.assertEqual(row[3], when)
        self.assertEqual(row[4], "2024-02-29")
        self.assertEqual(row[5].upper(), str(guid).upper())
        self.assertEqual(row[6], "日本")

    def test_join_local_and_bitbucket(self):
        repos = emu.all_values("/repositories/acme")
        by_slug = {r["slug"]: r["name"] for r in repos}
        wanted = sorted(by_slug)[:3] + ["no-such-repo"]
        self.cur.execute("CREATE TABLE wanted(slug TEXT, note TEXT)")
        self.cur.fast_executemany = True
        self.cur.executemany("INSERT INTO wanted VALUES (?, ?)",
                             [(s, "née " + s) for s in wanted])
        rows = self.cur.execute(
            "SELECT r.Slug, r.Name, w.note FROM wanted w JOIN Repositories r"
            " ON r.Slug = w.slug WHERE r.Workspace = ? AND w.note LIKE ?"
            " ORDER BY r.Slug", "acme", "née %").fetchall()
        self.assertEqual([tuple(r) for r in rows],
                         [(s, by_slug[s], "née " + s) for s in wanted[:3]])

    def test_nul_inside_a_string_is_kept(self):
        for fast in (False, True):
            self.cur.fast_executemany = fast
            self.cur.executemany("INSERT INTO t(id, s) VALUES (?, ?)",
                                 [(10 + fast, "a\x00b\u00e9")])
        got = self.cur.execute("SELECT s, hex(s) FROM t WHERE id >= 10 "
                               "ORDER BY id").fetchall()
        self.assertEqual([tuple(r) for r in got],
                         [("a\x00b\u00e9", "610062C3A9")] * 2)

    def test_unicode_parameter_in_where(self):
        self.cur.execute("INSERT INTO t(id, s) VALUES (?, ?)", 9, "Ωμέγα 🚀")
        self.assertEqual(self.cur.execute(
            "SELECT id FROM t WHERE s = ?", "Ωμέγα 🚀").fetchval(), 9)


if __name__ == "__main__":
    unittest.main()
