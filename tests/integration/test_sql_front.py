"""The SQL front through the driver manager (pyodbc on unixODBC) against
the emulator, its request log counting API calls: metadata probes
answered without a request, TOP n, bracket and back-tick quoting,
three-part names, {guid}, {call}, {fn CONVERT}, and every scalar
function SQLGetInfo advertises run for real."""
import datetime
import os
import sys
import unittest

import pyodbc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import emu  # noqa: E402

CONN = os.environ["BBODBC_CONN"]
SQL_CATALOG_NAME = 10003

# Each scalar function bit of SQLGetInfo, a call of it and its value
# (None: any value; the call must run).
STRING_FNS = {
    0x00000001: ("CONCAT('a', 'b')", "ab"),
    0x00000002: ("INSERT('abcdef', 2, 3, 'X')", "aXef"),
    0x00000004: ("LEFT('abc', 2)", "ab"),
    0x00000008: ("LTRIM('  a')", "a"),
    0x00000010: ("LENGTH('abc')", 3),
    0x00000020: ("LOCATE('b', 'abc')", 2),
    0x00000040: ("LCASE('AbC')", "abc"),
    0x00000080: ("REPEAT('ab', 2)", "abab"),
    0x00000100: ("REPLACE('abc', 'b', 'x')", "axc"),
    0x00000200: ("RIGHT('abc', 2)", "bc"),
    0x00000400: ("RTRIM('a  ')", "a"),
    0x00000800: ("SUBSTRING('abcdef', 2, 3)", "bcd"),
    0x00001000: ("UCASE('aBc')", "ABC"),
    0x00002000: ("ASCII('A')", 65),
    0x00004000: ("CHAR(65)", "A"),
    0x00040000: ("SPACE(3)", "   "),
    0x00100000: ("CHAR_LENGTH('abc')", 3),
    0x00200000: ("CHARACTER_LENGTH('abc')", 3),
    0x00400000: ("OCTET_LENGTH('\u00e9')", 2),
}
NUMERIC_FNS = {
    0x000001: ("ABS(-2)", 2), 0x000002: ("ACOS(1)", 0),
    0x000004: ("ASIN(0)", 0), 0x000008: ("ATAN(0)", 0),
    0x000010: ("ATAN2(0, 1)", 0), 0x000020: ("CEILING(1.2)", 2),
    0x000040: ("COS(0)", 1), 0x000080: ("COT(1)", None),
    0x000100: ("EXP(0)", 1), 0x000200: ("FLOOR(1.8)", 1),
    0x000400: ("LOG(1)", 0), 0x000800: ("MOD(7, 3)", 1),
    0x001000: ("SIGN(-5)", -1), 0x002000: ("SIN(0)", 0),
    0x004000: ("SQRT(9)", 3), 0x008000: ("TAN(0)", 0),
    0x010000: ("PI()", None), 0x020000: ("RAND()", None),
    0x040000: ("DEGREES(0)", 0), 0x080000: ("LOG10(100)", 2),
    0x100000: ("POWER(2, 3)", 8), 0x200000: ("RADIANS(0)", 0),
    0x400000: ("ROUND(2.567, 1)", 2.6), 0x800000: ("TRUNCATE(2.567, 1)", 2.5),
}
TS = "'2024-05-17 10:11:12.000000'"
TIMEDATE_FNS = {
    0x00001: ("NOW()", None), 0x00002: ("CURDATE()", None),
    0x00004: (f"DAYOFMONTH({TS})", 17), 0x00008: (f"DAYOFWEEK({TS})", 6),
    0x00010: (f"DAYOFYEAR({TS})", 138), 0x00020: (f"MONTH({TS})", 5),
    0x00040: (f"QUARTER({TS})", 2), 0x00080: (f"WEEK({TS})", None),
    0x00100: (f"YEAR({TS})", 2024), 0x00200: ("CURTIME()", None),
    0x00400: (f"HOUR({TS})", 10), 0x00800: (f"MINUTE({TS})", 11),
    0x01000: (f"SECOND({TS})", 12), 0x20000: ("CURRENT_DATE()", None),
    0x40000: ("CURRENT_TIME()", None), 0x80000: ("CURRENT_TIMESTAMP()", None),
}
SYSTEM_FNS = {
    0x1: ("USER()", "demo"), 0x2: ("DATABASE()", "acme"),
    0x4: ("IFNULL(NULL, 3)", 3),
}


class SqlFront(unittest.TestCase):
    def setUp(self):
        self.conn = pyodbc.connect(CONN, autocommit=True)
        self.cur = self.conn.cursor()

    def tearDown(self):
        self.conn.close()

    def requests(self, sql):
        emu.clear_requests()
        self.cur.execute(sql)
        rows = self.cur.fetchall()
        return rows, len(emu.requests())

    def test_01_probes_make_no_request(self):
        for sql in ("SELECT * FROM Repositories WHERE 1=0",
                    "SELECT * FROM Repositories WHERE (1 = 0)",
                    "SELECT Slug, CreatedOn FROM acme.Repositories "
                    "WHERE 1 = 0",
                    "SELECT * FROM PullRequests WHERE 1=0",
                    "SELECT * FROM Commits WHERE 0 = 1",
                    # Power BI's wrapping, TOP 0 and LIMIT 0.
                    'select "_"."Slug" from (select * from "acme".'
                    '"Repositories") "_" where 1 = 0',
                    "SELECT TOP 0 * FROM Repositories",
                    "SELECT * FROM Repositories LIMIT 0",
                    "SELECT r.Name, p.Id FROM Repositories r JOIN "
                    "PullRequests p ON p.RepositorySlug = r.Slug "
                    "WHERE 1=0"):
            with self.subTest(sql=sql):
                rows, n = self.requests(sql)
                self.assertEqual(rows, [])
                self.assertEqual(n, 0)
        # The types come from the table definitions, not from rows.
        self.cur.execute("SELECT Slug, CreatedOn, IsPrivate FROM "
                         "Repositories WHERE (1 = 0)")
        types = [d[1] for d in self.cur.description]
        self.assertEqual(types, [str, datetime.datetime, bool])

    def test_02_top(self):
        slugs = sorted(r["slug"] for r in
                       emu.all_values("/repositories/acme?pagelen=100"))
        rows, _ = self.requests("SELECT TOP 5 Slug FROM Repositories "
                                "ORDER BY Slug")
        self.assertEqual([r[0] for r in rows], slugs[:5])

    def test_03_brackets_and_backticks(self):
        plain, _ = self.requests("SELECT Slug, Name FROM Repositories "
                                 "ORDER BY Slug")
        for sql in ("SELECT [Slug], [Name] FROM [Repositories] "
                    "ORDER BY [Slug]",
                    "SELECT `Slug`, `Name` FROM `acme`.`Repositories` "
                    "ORDER BY `Slug`"):
            with self.subTest(sql=sql):
                rows, _ = self.requests(sql)
                self.assertEqual([tuple(r) for r in rows],
                                 [tuple(r) for r in plain])

    def test_04_three_part_names(self):
        # No catalogs: SQLGetInfo and SQLTables say so, and the empty
        # catalog is the one a three-part name can carry.
        self.assertFalse(self.conn.getinfo(SQL_CATALOG_NAME))
        cats = {t.table_cat for t in self.cur.tables(table="Repositories")}
        self.assertEqual(cats, {None})
        want, _ = self.requests("SELECT Slug FROM acme.Repositories "
                                "ORDER BY 1")
        for sql in ('SELECT Slug FROM "".acme.Repositories ORDER BY 1',
                    "SELECT Slug FROM [].[acme].[Repositories] ORDER BY 1"):
            with self.subTest(sql=sql):
                rows, _ = self.requests(sql)
                self.assertEqual([r[0] for r in rows],
                                 [r[0] for r in want])
        with self.assertRaises(pyodbc.Error) as e:
            self.cur.execute("SELECT Slug FROM bb.acme.Repositories")
        self.assertEqual(e.exception.args[0], "42S02")
        self.assertIn("no catalog", e.exception.args[1])

    def test_05_guid_literal(self):
        guid = "12345678-1234-1234-1234-123456789012"
        rows, n = self.requests(f"SELECT {{guid '{guid}'}}")
        self.assertEqual(rows[0][0], guid)
        self.assertEqual(n, 0)

    def test_06_call_has_no_procedure(self):
        for sql in ("{call approve(1)}", "{? = call approve(1)}"):
            with self.subTest(sql=sql):
                with self.assertRaises(pyodbc.Error) as e:
                    self.cur.execute(sql)
                self.assertEqual(e.exception.args[0], "42000")
                self.assertIn("approve", e.exception.args[1])
                self.assertIn("no procedure", e.exception.args[1])

    def test_07_convert(self):
        self.cur.execute(
            "SELECT {fn CONVERT('42', SQL_INTEGER)}, "
            "{fn CONVERT(42, SQL_VARCHAR)}, "
            "{fn CONVERT('2.5', SQL_DOUBLE)}, "
            "{fn CONVERT('2024-05-17 10:11:12', SQL_DATE)}, "
            "{fn CONVERT('2024-05-17 10:11:12', SQL_TIMESTAMP)}")
        row = self.cur.fetchone()
        self.assertEqual(row[0], 42)
        self.assertEqual(row[1], "42")
        self.assertEqual(row[2], 2.5)
        self.assertEqual(row[3], "2024-05-17")
        self.assertEqual(row[4], datetime.datetime(2024, 5, 17, 10, 11, 12))
        with self.assertRaises(pyodbc.Error) as e:
            self.cur.execute("SELECT {fn CONVERT(1, SQL_INTERVAL_DAY)}")
        self.assertEqual(e.exception.args[0], "42000")

    def check_functions(self, info, table):
        mask = self.conn.getinfo(info)
        self.assertNotEqual(mask, 0)
        for bit in range(32):
            if not mask & (1 << bit):
                continue
            self.assertIn(1 << bit, table, f"bit {1 << bit:#x} of {info} "
                          "is advertised but has no case here")
            call, want = table[1 << bit]
            with self.subTest(call=call):
                self.cur.execute(f"SELECT {{fn {call}}}")
                got = self.cur.fetchone()[0]
                if isinstance(want, float) or isinstance(got, float):
                    self.assertAlmostEqual(float(got), float(want)
                                           if want is not None else
                                           float(got), places=6)
                elif want is not None:
                    self.assertEqual(got, want)

    def test_08_advertised_functions_run(self):
        self.check_functions(pyodbc.SQL_STRING_FUNCTIONS, STRING_FNS)
        self.check_functions(pyodbc.SQL_NUMERIC_FUNCTIONS, NUMERIC_FNS)
        self.check_functions(pyodbc.SQL_TIMEDATE_FUNCTIONS, TIMEDATE_FNS)
        self.check_functions(pyodbc.SQL_SYSTEM_FUNCTIONS, SYSTEM_FNS)


if __name__ == "__main__":
    unittest.main(verbosity=2)
