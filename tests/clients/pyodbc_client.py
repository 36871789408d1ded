"""pyodbc as an application uses it, on a DSN of a private odbc.ini:
fetchall, fetchmany, fetchone, parameters, cursor.tables(),
cursor.columns(), primaryKeys(), foreignKeys(), getinfo, Unicode both
ways, and a staging table joined with live data. Each answer is checked
against the emulator's own data (read over HTTP by emu.py)."""
import os
import sys
import unittest

import pyodbc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "integration"))
import emu  # noqa: E402


def setUpModule():
    ini = os.path.join(os.environ["ODBCSYSINI"], "odbc.ini")
    with open(os.path.join(os.environ["ODBCSYSINI"], "odbcinst.ini"),
              "w", encoding="utf-8") as f:
        f.write(f"[bbodbc]\nDriver = {os.environ['BBODBC_DRIVER']}\n")
    with open(ini, "w", encoding="utf-8") as f:
        f.write("[bbodbc-py]\nDriver = bbodbc\n"
                f"BaseURL = {emu.URL}\nUser = demo\nApiToken = demo-token\n"
                "Workspace = acme\n")
    os.environ["ODBCINI"] = ini


class PyodbcClient(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cn = pyodbc.connect("DSN=bbodbc-py", autocommit=True)
        cls.repos = emu.all_values("/repositories/acme?pagelen=100")

    @classmethod
    def tearDownClass(cls):
        cls.cn.close()

    def test_fetchall_fetchmany_fetchone(self):
        sql = "SELECT Slug FROM Repositories ORDER BY Slug"
        want = sorted(r["slug"] for r in self.repos)
        cur = self.cn.cursor()
        self.assertEqual([r[0] for r in cur.execute(sql).fetchall()], want)
        cur.execute(sql)
        got = []
        while True:
            part = cur.fetchmany(7)
            if not part:
                break
            self.assertLessEqual(len(part), 7)
            got += [r.Slug for r in part]  # rows by column name too
        self.assertEqual(got, want)
        self.assertEqual(cur.execute(sql).fetchone()[0], want[0])
        cur.close()

    def test_parameters(self):
        big = max(self.repos, key=lambda r: r["size"])
        cur = self.cn.cursor()
        row = cur.execute("SELECT Name, Size FROM Repositories "
                          "WHERE Slug = ? AND Size >= ?",
                          big["slug"], big["size"]).fetchone()
        self.assertEqual((row[0], row[1]), (big["name"], big["size"]))
        self.assertIsNone(cur.execute("SELECT Name FROM Repositories "
                                      "WHERE Slug = ?", "none-such")
                          .fetchone())

    def test_unicode_round_trip(self):
        prs = [p for r in self.repos for p in emu.all_values(
            f"/repositories/acme/{emu.quote(r['slug'])}/pullrequests?"
            f"{emu.ALL_STATES}&pagelen=50")
            if any(ord(c) > 0xFFFF for c in p["title"])][:1]
        self.assertTrue(prs, "the emulator has no title with an emoji")
        title = prs[0]["title"]
        cur = self.cn.cursor()
        got = cur.execute("SELECT Title FROM PullRequests WHERE Title = ?",
                          title).fetchall()
        self.assertEqual({r[0] for r in got}, {title})
        self.assertEqual(cur.execute("SELECT ? || 'é'", "日本 😀")
                         .fetchone()[0], "日本 😀é")

    def test_tables_and_columns(self):
        cur = self.cn.cursor()
        names = {r.table_name for r in cur.tables(tableType="TABLE")}
        doc = {f[:-3] for f in os.listdir(os.path.join(
            HERE, "..", "..", "docs", "tables")) if f.endswith(".md")}
        doc.discard("README")
        self.assertEqual(names, doc)
        cols = [(r.column_name, r.type_name, r.column_size)
                for r in cur.columns(table="PullRequests")]
        self.assertIn("RepositorySlug", [c[0] for c in cols])
        self.assertTrue(all(0 < c[2] < 2 ** 31 for c in cols), cols)
        cur.execute("SELECT * FROM PullRequests WHERE 1=0")
        self.assertEqual([d[0] for d in cur.description],
                         [c[0] for c in cols])

    def test_keys(self):
        cur = self.cn.cursor()
        pk = [r.column_name for r in cur.primaryKeys("PullRequests")]
        self.assertEqual(pk, ["Workspace", "RepositorySlug", "Id"])
        fks = [(r.pktable_name, r.fkcolumn_name)
               for r in cur.foreignKeys(foreignTable="PullRequests")]
        self.assertIn(("Repositories", "RepositorySlug"), fks)

    def test_getinfo(self):
        self.assertEqual(self.cn.getinfo(pyodbc.SQL_DRIVER_NAME),
                         os.path.basename(os.environ["BBODBC_DRIVER"]))
        self.assertEqual(self.cn.getinfo(pyodbc.SQL_IDENTIFIER_QUOTE_CHAR),
                         '"')

    def test_staging_table_joined_with_live_data(self):
        cur = self.cn.cursor()
        cur.execute("CREATE TABLE wanted (slug TEXT, note TEXT)")
        pick = [r["slug"] for r in self.repos[:3]]
        cur.executemany("INSERT INTO wanted VALUES (?, ?)",
                        [(s, "n-" + s) for s in pick])
        rows = cur.execute("SELECT w.note, r.Name FROM wanted w JOIN "
                           "Repositories r ON r.Slug = w.slug "
                           "ORDER BY w.slug").fetchall()
        by_slug = {r["slug"]: r["name"] for r in self.repos}
        self.assertEqual([tuple(r) for r in rows],
                         [("n-" + s, by_slug[s]) for s in sorted(pick)])
        cur.execute("DROP TABLE wanted")


if __name__ == "__main__":
    unittest.main(verbosity=2)
