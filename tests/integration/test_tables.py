"""Through the driver manager (pyodbc on unixODBC) against the emulator:
each table's rows equal the emulator's objects, pushed-down requests are
what the plan says, and faults give the right SQLSTATE."""
import datetime
import json
import os
import sys
import unittest
import urllib.parse

import pyodbc

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tools"))

import emu  # noqa: E402
import gentables  # noqa: E402

CONN = os.environ["BBODBC_CONN"]
TABLES = {}
for name in os.listdir(os.path.join(ROOT, "sql")):
    if name.endswith(".sql"):
        for t in gentables.parse_file(os.path.join(ROOT, "sql", name)):
            TABLES[t["name"]] = t


def json_at(obj, path):
    for part in path.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return None
        obj = obj[part]
    return obj


def parse_ts(s):
    s = s.replace("Z", "+00:00")
    head, _, rest = s.partition(".")
    frac, tz = "", ""
    if rest:
        i = 0
        while i < len(rest) and rest[i].isdigit():
            i += 1
        frac, tz = rest[:i], rest[i:]
    elif "+" in head[10:] or "-" in head[10:]:
        cut = max(head.rfind("+"), head.rfind("-"))
        head, tz = head[:cut], head[cut:]
    dt = datetime.datetime.fromisoformat(head + (tz or "+00:00"))
    dt = dt.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return dt.replace(microsecond=int((frac + "000000")[:6]))


def expected(col, obj, keys):
    """What the driver must return for one column of one API object."""
    if col["key"]:
        return keys[col["key"]]
    v = json_at(obj, col["json"])
    if v is None:
        return None
    t = col["type"]
    if t == "BB_T_TIMESTAMP":
        return parse_ts(v)
    if t == "BB_T_BIT":
        return bool(v) if isinstance(v, bool) else None
    if t == "BB_T_JSON":
        return v
    if t == "BB_T_TEXT" and not isinstance(v, str):
        return v
    return v


def comparable(col, value):
    if col["type"] == "BB_T_JSON" and value is not None:
        return json.loads(value)
    if col["type"] == "BB_T_TEXT" and isinstance(value, str):
        try:
            parsed = json.loads(value)
            if isinstance(parsed, (dict, list)):
                return parsed
        except ValueError:
            pass
    return value


class Base(unittest.TestCase):
    def setUp(self):
        self.cn = pyodbc.connect(CONN, autocommit=True)

    def tearDown(self):
        self.cn.close()

    def rows(self, sql, *params):
        cur = self.cn.cursor()
        cur.execute(sql, *params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def check_rows(self, table, rows, objects, keyfn, keys_of):
        """rows (from the driver) equal objects (from the API)."""
        t = TABLES[table]
        self.assertEqual(len(rows), len(objects), table)
        by_key = {keyfn(r): r for r in rows}
        self.assertEqual(len(by_key), len(rows), "duplicate keys")
        for obj in objects:
            keys = keys_of(obj)
            row = by_key[keys["_pk"]]
            for col in t["cols"]:
                want = expected(col, obj, keys)
                got = comparable(col, row[col["name"]])
                self.assertEqual(got, want,
                                 f"{table} {keys['_pk']} {col['name']}")


class TestTables(Base):
    def test_01_workspaces(self):
        rows = self.rows("SELECT * FROM Workspaces")
        objs = emu.all_values("/workspaces")
        self.assertGreaterEqual(len(objs), 2)
        self.check_rows("Workspaces", rows, objs, lambda r: r["Slug"],
                        lambda o: {"_pk": o["slug"]})

    def test_02_repositories_default_workspace(self):
        rows = self.rows("SELECT * FROM Repositories")
        objs = emu.all_values("/repositories/acme?pagelen=100")
        self.assertGreater(len(objs), 120)
        self.check_rows("Repositories", rows, objs, lambda r: r["Slug"],
                        lambda o: {"_pk": o["slug"], "workspace": "acme"})

    def test_03_repositories_other_workspace(self):
        # A bound parameter: pyodbc resets parameters while it fetches,
        # which must not change the rows that match.
        rows = self.rows("SELECT * FROM Repositories WHERE Workspace = ?",
                         "globex")
        objs = emu.all_values("/repositories/globex")
        self.check_rows("Repositories", rows, objs, lambda r: r["Slug"],
                        lambda o: {"_pk": o["slug"], "workspace": "globex"})

    def pull_requests(self, ws):
        out = []
        for repo in emu.all_values(f"/repositories/{ws}?pagelen=100"):
            slug = repo["slug"]
            for pr in emu.all_values(
                    f"/repositories/{ws}/{slug}/pullrequests?pagelen=50&"
                    f"{emu.ALL_STATES}&fields=%2Bvalues.reviewers,"
                    f"%2Bvalues.participants"):
                out.append((slug, pr))
        return out

    def test_04_pullrequests_every_state_whole_workspace(self):
        rows = self.rows("SELECT * FROM PullRequests")
        prs = self.pull_requests("acme")
        states = {pr["state"] for _, pr in prs}
        self.assertEqual(states, {"OPEN", "MERGED", "DECLINED", "SUPERSEDED"})
        objs = [dict(pr, _slug=slug) for slug, pr in prs]
        self.check_rows(
            "PullRequests", rows, objs,
            lambda r: (r["RepositorySlug"], r["Id"]),
            lambda o: {"_pk": (o["_slug"], o["id"]), "workspace": "acme",
                       "repo_slug": o["_slug"]})

    def test_05_pullrequests_one_repository_state_pushed(self):
        want = emu.all_values("/repositories/acme/platform-api/pullrequests"
                              "?state=MERGED&state=DECLINED")
        # Twice: an IN list's values must be copied, not borrowed, or the
        # second run of a prepared statement asks for the wrong states.
        for _ in range(2):
            emu.clear_requests()
            rows = self.rows("SELECT Id, State FROM PullRequests WHERE "
                             "RepositorySlug = 'platform-api' AND State IN "
                             "('MERGED', 'DECLINED')")
            self.assertEqual(sorted(r["Id"] for r in rows),
                             sorted(p["id"] for p in want))
        reqs = [r for r in emu.requests() if "pullrequests" in r["path"]]
        self.assertTrue(reqs)
        for r in reqs:
            self.assertEqual(r["path"],
                             "/2.0/repositories/acme/platform-api/"
                             "pullrequests")
            self.assertIn("state=MERGED", r["query"])
            self.assertIn("state=DECLINED", r["query"])
            self.assertNotIn("state=OPEN", r["query"])

    def test_06_join_open_prs_per_repository(self):
        rows = self.rows(
            "SELECT r.Name, COUNT(*) AS OpenPRs FROM Repositories r "
            "JOIN PullRequests p ON p.RepositorySlug = r.Slug "
            "WHERE p.State = 'OPEN' GROUP BY r.Name "
            "ORDER BY OpenPRs DESC")
        want = {}
        for repo in emu.all_values("/repositories/acme?pagelen=100"):
            n = len(emu.all_values(
                f"/repositories/acme/{repo['slug']}/pullrequests"
                f"?state=OPEN&pagelen=50"))
            if n:
                want[repo["name"]] = n
        got = {r["Name"]: r["OpenPRs"] for r in rows}
        self.assertEqual(got, want)
        counts = [r["OpenPRs"] for r in rows]
        self.assertEqual(counts, sorted(counts, reverse=True))

    def test_07_paging_follows_next(self):
        emu.clear_requests()
        n = self.rows("SELECT COUNT(*) AS n FROM Repositories")[0]["n"]
        self.assertGreater(n, 120)
        reqs = [r for r in emu.requests()
                if r["path"] == "/2.0/repositories/acme"]
        self.assertGreaterEqual(len(reqs), 2)
        self.assertIn("pagelen=100", reqs[0]["query"])

    def test_08_limit_stops_early(self):
        emu.clear_requests()
        rows = self.rows("SELECT Slug FROM Repositories LIMIT 5")
        self.assertEqual(len(rows), 5)
        reqs = [r for r in emu.requests()
                if r["path"] == "/2.0/repositories/acme"]
        self.assertEqual(len(reqs), 1)

    def test_08b_parallel_fanout_same_answer(self):
        sql = "SELECT RepositorySlug, Id, Title FROM PullRequests"
        par = sorted(tuple(r) for r in
                     self.cn.cursor().execute(sql).fetchall())
        cn = pyodbc.connect(CONN + ";ParallelRequests=1", autocommit=True)
        seq = sorted(tuple(r) for r in cn.cursor().execute(sql).fetchall())
        cn.close()
        self.assertEqual(par, seq)
        # A LIMIT reads no further ahead than it needs.
        emu.clear_requests()
        self.assertEqual(len(self.rows("SELECT Id FROM PullRequests "
                                       "LIMIT 2")), 2)
        self.assertLessEqual(len(emu.requests()), 4)

    def test_09_non_ascii_titles(self):
        rows = self.rows("SELECT Id, Title FROM PullRequests WHERE "
                         "RepositorySlug = 'platform-api' AND Id IN "
                         "(73, 74, 75) ORDER BY Id")
        want = {p["id"]: p["title"] for p in emu.all_values(
            "/repositories/acme/platform-api/pullrequests?pagelen=50&"
            + emu.ALL_STATES)}
        self.assertEqual(len(rows), 3)
        for r in rows:
            self.assertEqual(r["Title"], want[r["Id"]])
        titles = "".join(r["Title"] for r in rows)
        self.assertIn("🚀", titles)
        self.assertIn("修正バグ", titles)
        self.assertIn("Café", titles)

    def test_10_former_user_and_empty_repository(self):
        rows = self.rows("SELECT AuthorDisplayName, AuthorAccountId FROM "
                         "PullRequests WHERE RepositorySlug = "
                         "'web-frontend' AND Id = 14")
        self.assertEqual(rows[0]["AuthorDisplayName"], "Former user")
        self.assertIsNone(rows[0]["AuthorAccountId"])
        rows = self.rows("SELECT MainbranchName FROM Repositories WHERE "
                         "Slug = 'empty-repo'")
        self.assertEqual(len(rows), 1)
        self.assertIsNone(rows[0]["MainbranchName"])

    def test_11_types_described(self):
        cur = self.cn.cursor()
        cur.execute("SELECT Id, Title, CreatedOn, Draft, CommentCount "
                    "FROM PullRequests WHERE RepositorySlug = 'platform-api' "
                    "LIMIT 1")
        types = [d[1] for d in cur.description]
        self.assertEqual(types, [int, str, datetime.datetime, bool, int])
        # An aggregate of a timestamp is still one.
        cur.execute("SELECT MAX(CreatedOn) FROM Repositories")
        self.assertEqual(cur.description[0][1], datetime.datetime)
        self.assertIsInstance(cur.fetchone()[0], datetime.datetime)


class TestPushDown(Base):
    """WHERE terms the API can evaluate travel as BBQL q=; the answer is
    the same as filtering every row."""

    def check(self, sql, path, keep):
        emu.clear_requests()
        rows = self.rows(sql)
        reqs = [r for r in emu.requests() if r["path"] == path]
        api = path.replace("/2.0", "", 1)
        api += ("?pagelen=50&" + emu.ALL_STATES if "pullrequests" in path
                else "?pagelen=100")
        want = [o for o in emu.all_values(api) if keep(o)]
        return rows, reqs, want

    def test_language_and_date(self):
        rows, reqs, want = self.check(
            "SELECT Slug FROM Repositories WHERE Language = 'python' AND "
            "CreatedOn > '2019-06-01 00:00:00'",
            "/2.0/repositories/acme",
            lambda o: o.get("language") == "python" and
            parse_ts(o["created_on"]) > datetime.datetime(2019, 6, 1))
        self.assertEqual(sorted(r["Slug"] for r in rows),
                         sorted(o["slug"] for o in want))
        self.assertTrue(reqs)
        q = urllib.parse.parse_qs(reqs[0]["query"])["q"][0]
        self.assertIn('language = "python"', q)
        self.assertIn("created_on >= 2019-06-01T00:00:00.000000+00:00", q)

    def test_timestamp_against_a_partial_date(self):
        # Text comparison, as the values are text: a year alone works.
        objs = emu.all_values("/repositories/acme?pagelen=100")
        want = len([o for o in objs if o["created_on"][:4] < "2020"])
        got = self.rows("SELECT COUNT(*) AS n FROM Repositories WHERE "
                        "CreatedOn < '2020'")[0]["n"]
        self.assertEqual(got, want)
        self.assertGreater(want, 0)

    def test_like_becomes_contains(self):
        rows, reqs, want = self.check(
            "SELECT Slug FROM Repositories WHERE Name LIKE '%quarry%'",
            "/2.0/repositories/acme",
            lambda o: "quarry" in o["name"].lower())
        self.assertEqual(sorted(r["Slug"] for r in rows),
                         sorted(o["slug"] for o in want))
        self.assertTrue(want)
        q = urllib.parse.parse_qs(reqs[0]["query"])["q"][0]
        self.assertEqual(q, 'name ~ "quarry"')

    def test_quotes_in_values_are_escaped(self):
        rows, reqs, _ = self.check(
            "SELECT Slug FROM Repositories WHERE Name = 'a\"b''c'",
            "/2.0/repositories/acme", lambda o: False)
        self.assertEqual(rows, [])
        q = urllib.parse.parse_qs(reqs[0]["query"])["q"][0]
        self.assertEqual(q, 'name = "a\\\"b\'c"')

    def test_a_long_value_stays_local(self):
        """A value too long for a URL is compared by the engine, not
        sent (the API answers 414 to such a URL)."""
        emu.clear_requests()
        cur = self.cn.cursor()
        n = cur.execute("SELECT COUNT(*) FROM Repositories WHERE Name = ?",
                        "y" * 200 * 1024).fetchone()[0]
        self.assertEqual(n, 0)
        reqs = [r for r in emu.requests()
                if r["path"] == "/2.0/repositories/acme"]
        self.assertTrue(reqs)
        self.assertTrue(all("q=" not in r["query"] for r in reqs), reqs)

    def test_terms_bbql_cannot_say_stay_local(self):
        rows, reqs, want = self.check(
            "SELECT Slug FROM Repositories WHERE Name > 'm' AND "
            "lower(Slug) = Slug",
            "/2.0/repositories/acme",
            lambda o: o["name"] > "m")
        self.assertEqual(sorted(r["Slug"] for r in rows),
                         sorted(o["slug"] for o in want))
        self.assertNotIn("q=", reqs[0]["query"])

    def test_pull_requests_by_author_and_title(self):
        rows, reqs, want = self.check(
            "SELECT Id FROM PullRequests WHERE RepositorySlug = "
            "'platform-api' AND Title LIKE '%fix%' AND Id >= 10",
            "/2.0/repositories/acme/platform-api/pullrequests",
            lambda o: "fix" in o["title"].lower() and o["id"] >= 10)
        self.assertEqual(sorted(r["Id"] for r in rows),
                         sorted(o["id"] for o in want))
        q = urllib.parse.parse_qs(reqs[0]["query"])["q"][0]
        self.assertIn('title ~ "fix"', q)
        self.assertIn("id >= 10", q)


class TestSqlFront(Base):
    def test_other_workspace_as_schema(self):
        rows = self.rows("SELECT COUNT(*) AS n FROM globex.Repositories")
        self.assertEqual(rows[0]["n"],
                         len(emu.all_values("/repositories/globex")))
        rows = self.rows(
            "SELECT a.Workspace AS wa, g.Workspace AS wg FROM "
            "Repositories a JOIN \"globex\".Repositories g "
            "ON a.Language = g.Language LIMIT 1")
        self.assertEqual((rows[0]["wa"], rows[0]["wg"]), ("acme", "globex"))

    def test_computed_columns_typed(self):
        cur = self.cn.cursor()
        cur.execute("SELECT COUNT(*) AS n, MAX(CreatedOn) AS m, "
                    "upper(Name) AS u, LAG(Size) OVER (ORDER BY Size) AS l "
                    "FROM Repositories GROUP BY Language")
        types = [d[1] for d in cur.description]
        self.assertEqual(types, [int, datetime.datetime, str, int])
        rows = cur.fetchall()
        self.assertIsNone(rows[0].l)  # typed although the first is NULL
        # A local column of a Bitbucket column's name but other values:
        # the first row corrects the guess.
        cur.execute("CREATE TABLE loc (Id TEXT)")
        cur.execute("INSERT INTO loc VALUES ('abc')")
        cur.execute("SELECT MAX(Id) FROM loc")
        self.assertEqual(cur.description[0][1], str)
        self.assertEqual(cur.fetchone()[0], "abc")
        cur.execute("DROP TABLE loc")

    def test_too_many_markers(self):
        cur = self.cn.cursor()
        sql = "SELECT 1 WHERE 1 IN (" + ",".join(["?"] * 40000) + ")"
        with self.assertRaises(pyodbc.Error) as ctx:
            cur.execute(sql, *range(40000))
        self.assertEqual(ctx.exception.args[0], "42000")
        self.assertIn("more than 32767 parameter markers",
                      ctx.exception.args[1])

    def test_misspelt_schemas_take_no_place(self):
        cn = pyodbc.connect(CONN, autocommit=True)
        cur = cn.cursor()
        for i in range(10):  # more than the places for schemas
            with self.assertRaises(pyodbc.Error) as ctx:
                cur.execute(f"SELECT COUNT(*) FROM nows{i}.Repositories")
            self.assertEqual(ctx.exception.args[0], "42S02")
            self.assertIn(f"no workspace nows{i}", ctx.exception.args[1])
        n = cur.execute("SELECT COUNT(*) FROM globex.Repositories")
        self.assertEqual(n.fetchone()[0],
                         len(emu.all_values("/repositories/globex")))
        cn.close()

    def test_odbc_escapes_and_top(self):
        emu.clear_requests()
        rows = self.rows("SELECT TOP 3 {fn UCASE(Slug)} AS s FROM "
                         "Repositories WHERE CreatedOn > {ts '2000-01-01 "
                         "00:00:00'}")
        self.assertEqual(len(rows), 3)
        self.assertTrue(all(r["s"] == r["s"].upper() for r in rows))
        reqs = [r for r in emu.requests()
                if r["path"] == "/2.0/repositories/acme"]
        self.assertEqual(len(reqs), 1)
        self.assertEqual(self.cn.cursor().execute(
            "SELECT {fn CONCAT('a', {fn LCASE('B')})}").fetchone()[0], "ab")

    def test_metadata_probe_makes_no_request(self):
        emu.clear_requests()
        cur = self.cn.cursor()
        cur.execute("SELECT * FROM PullRequests WHERE 1=0")
        self.assertEqual(cur.fetchall(), [])
        self.assertEqual(len(cur.description),
                         len(TABLES["PullRequests"]["cols"]))
        self.assertEqual(emu.requests(), [])

    def test_bad_escape_is_42000(self):
        with self.assertRaises(pyodbc.Error) as ctx:
            self.cn.cursor().execute("SELECT {nonsense 1}")
        self.assertEqual(ctx.exception.args[0], "42000")


class TestCatalog(Base):
    def test_tables_and_columns_without_network(self):
        emu.clear_requests()
        cur = self.cn.cursor()
        tables = {r.table_name: r for r in cur.tables()}
        for name in ("Workspaces", "Repositories", "PullRequests"):
            self.assertIn(name, tables)
            self.assertEqual(tables[name].table_type, "TABLE")
            self.assertEqual(tables[name].table_schem, "acme")
        cols = list(cur.columns(table="PullRequests"))
        names = [c.column_name for c in cols]
        self.assertEqual(names, [c["name"] for c in
                                 TABLES["PullRequests"]["cols"]])
        by = {c.column_name: c for c in cols}
        self.assertEqual(by["CreatedOn"].data_type, 93)
        self.assertEqual(by["Draft"].data_type, -7)
        self.assertEqual(by["Id"].data_type, 4)
        self.assertEqual(by["Id"].nullable, 0)
        self.assertEqual(by["Title"].data_type, -9)
        self.assertEqual(by["Title"].column_size, 1024)
        self.assertEqual([c.ordinal_position for c in cols],
                         list(range(1, len(cols) + 1)))
        self.assertEqual(list(cur.columns(table="NoSuchTable")), [])
        types = list(cur.getTypeInfo())
        self.assertIn("TIMESTAMP", [t.type_name for t in types])
        self.assertEqual(emu.requests(), [])

    def test_keys(self):
        emu.clear_requests()
        cur = self.cn.cursor()
        pk = [(r.column_name, r.key_seq)
              for r in cur.primaryKeys("PullRequests")]
        self.assertEqual(pk, [("Workspace", 1), ("RepositorySlug", 2),
                              ("Id", 3)])
        fks = [(r.pktable_name, r.pkcolumn_name, r.fkcolumn_name, r.key_seq)
               for r in cur.foreignKeys(foreignTable="PullRequests")]
        self.assertIn(("Repositories", "Slug", "RepositorySlug", 2), fks)
        self.assertIn(("Repositories", "Workspace", "Workspace", 1), fks)
        back = {r.fktable_name for r in cur.foreignKeys(table="Repositories")}
        self.assertIn("PullRequests", back)
        stats = [r.column_name for r in cur.statistics("Repositories")
                 if r.column_name]
        self.assertEqual(stats, ["Workspace", "Slug"])
        rowid = [r.column_name for r in cur.rowIdColumns("Repositories")]
        self.assertEqual(rowid, ["Workspace", "Slug"])
        self.assertEqual(emu.requests(), [])

    def test_sys_tables(self):
        emu.clear_requests()
        rows = self.rows("SELECT TableName FROM sys_tables ORDER BY 1")
        self.assertIn("PullRequests", [r["TableName"] for r in rows])
        rows = self.rows("SELECT ColumnName, DataTypeName FROM "
                         "sys_tablecolumns WHERE TableName = 'PullRequests' "
                         "AND ColumnName = 'CreatedOn'")
        self.assertEqual(rows, [{"ColumnName": "CreatedOn",
                                 "DataTypeName": "TIMESTAMP"}])
        rows = self.rows("SELECT ReferencedTableName FROM sys_foreignkeys "
                         "WHERE TableName = 'PullRequests'")
        self.assertIn("Repositories", [r["ReferencedTableName"]
                                       for r in rows])
        self.assertEqual(self.rows("SELECT * FROM sys_procedures"), [])
        self.assertEqual(emu.requests(), [])

    def test_columns_agree_with_describe(self):
        cur = self.cn.cursor()
        cols = {c.column_name: c for c in cur.columns(table="Repositories")}
        cur.execute("SELECT * FROM Repositories LIMIT 1")
        for d in cur.description:
            self.assertIn(d[0], cols)
            self.assertEqual(d[6], bool(cols[d[0]].nullable), d[0])

    def test_connection_local_tables(self):
        cur = self.cn.cursor()
        cur.execute("CREATE TABLE watch (slug VARCHAR(128), note TEXT)")
        cur.execute("INSERT INTO watch VALUES ('platform-api', 'hot'), "
                    "('mobile-app', 'ok')")
        self.assertEqual(cur.rowcount, 2)
        rows = self.rows("SELECT w.note, COUNT(*) AS n FROM watch w JOIN "
                         "PullRequests p ON p.RepositorySlug = w.slug "
                         "WHERE p.State = 'OPEN' GROUP BY w.note "
                         "ORDER BY w.note")
        self.assertEqual([r["note"] for r in rows], ["hot", "ok"])
        self.assertIn("watch", [t.table_name for t in cur.tables()])
        cur.execute("DROP TABLE watch")


class TestBounds(Base):
    """No statement can make unbounded requests or touch a file."""

    def test_nested_loop_reads_each_page_once(self):
        emu.clear_requests()
        self.rows("SELECT COUNT(*) AS n FROM (SELECT Slug FROM Repositories "
                  "LIMIT 20) r WHERE EXISTS (SELECT 1 FROM PullRequests p "
                  "WHERE p.AuthorDisplayName = r.Slug)")
        reqs = emu.requests()
        urls = [(r["path"], r["query"]) for r in reqs]
        self.assertEqual(len(urls), len(set(urls)), "a page read twice")

    def test_request_cap(self):
        cn = pyodbc.connect(CONN + ";MaxRequests=20", autocommit=True)
        with self.assertRaises(pyodbc.Error) as ctx:
            cn.cursor().execute("SELECT COUNT(*) FROM PullRequests").fetchall()
        self.assertIn("MaxRequests", ctx.exception.args[1])
        # The cap is per statement: the next one starts afresh.
        n = cn.cursor().execute("SELECT COUNT(*) FROM Workspaces").fetchone()
        self.assertEqual(n[0], 2)
        cn.close()

    def test_no_files(self):
        import tempfile
        d = tempfile.mkdtemp()
        path = os.path.join(d, "x.db")
        cur = self.cn.cursor()
        for sql in (f"ATTACH DATABASE '{path}' AS e",
                    f"VACUUM INTO '{path}'",
                    "PRAGMA writable_schema = ON",
                    "SELECT load_extension('x')"):
            with self.assertRaises(pyodbc.Error, msg=sql) as ctx:
                cur.execute(sql)
            self.assertEqual(ctx.exception.args[0], "42000", sql)
            self.assertIn("not allowed", ctx.exception.args[1])
        self.assertFalse(os.path.exists(path))
        os.rmdir(d)

    def test_bitbucket_tables_stay(self):
        """A Bitbucket table cannot be dropped, altered, written or
        shadowed; a local table can be all of that."""
        cur = self.cn.cursor()
        for sql, state in (("DROP TABLE PullRequests", "42000"),
                           ("ALTER TABLE Repositories RENAME TO r2",
                            "42000"),
                           ("DELETE FROM Repositories", "42000"),
                           ("INSERT INTO Workspaces (Slug) VALUES ('x')",
                            "42000"),
                           ("CREATE TABLE Repositories (x)", "42S01")):
            with self.assertRaises(pyodbc.Error, msg=sql) as ctx:
                cur.execute(sql)
            self.assertEqual(ctx.exception.args[0], state, sql)
        n = cur.execute("SELECT COUNT(*) FROM Repositories").fetchone()[0]
        self.assertGreater(n, 120)
        cur.execute("CREATE TABLE local1 (a)")
        cur.execute("ALTER TABLE local1 RENAME TO local2")
        cur.execute("DROP TABLE local2")


class TestDefaultWorkspace(unittest.TestCase):
    def test_several_workspaces_need_a_choice(self):
        cn = pyodbc.connect(CONN.replace(";Workspace=acme", ""),
                            autocommit=True)
        cur = cn.cursor()
        n = cur.execute("SELECT COUNT(*) FROM Workspaces").fetchone()[0]
        self.assertEqual(n, 2)
        with self.assertRaises(pyodbc.Error) as ctx:
            cur.execute("SELECT * FROM Repositories")
        self.assertEqual(ctx.exception.args[0], "HY000")
        self.assertIn("acme, globex", ctx.exception.args[1])
        n = cur.execute("SELECT COUNT(*) FROM Repositories WHERE "
                        "Workspace = 'globex'").fetchone()[0]
        self.assertEqual(n, len(emu.all_values("/repositories/globex")))
        n = cur.execute("SELECT COUNT(*) FROM acme.Repositories").fetchone()[0]
        self.assertGreater(n, 120)
        cn.close()


class TestFaults(unittest.TestCase):
    def test_access_token_over_bearer(self):
        conn = CONN.replace("User=demo;ApiToken=demo-token",
                            "AccessToken=demo-access-token")
        cn = pyodbc.connect(conn, autocommit=True)
        n = cn.cursor().execute(
            "SELECT COUNT(*) FROM Repositories").fetchone()[0]
        self.assertGreater(n, 120)
        cn.close()
        bad = conn.replace("demo-access-token", "not-a-token")
        state, msg = self.connect_error(bad)
        self.assertEqual(state, "28000")
        self.assertNotIn("not-a-token", msg)

    def test_service_lost_after_connect_is_08S01(self):
        import subprocess
        server = os.path.join(ROOT, "tests", "emulator", "server.py")
        proc = subprocess.Popen([sys.executable, server, "--port", "0",
                                 "--quiet"], stdout=subprocess.PIPE,
                                text=True)
        try:
            line = proc.stdout.readline()
            url = line.strip().rsplit(" ", 1)[-1] + "/2.0"
            cn = pyodbc.connect(CONN.replace(emu.URL, url) +
                                ";MaxRetries=1", autocommit=True)
        finally:
            proc.terminate()
            proc.wait()
        with self.assertRaises(pyodbc.Error) as ctx:
            cn.cursor().execute("SELECT * FROM Repositories")
        self.assertEqual(ctx.exception.args[0], "08S01")
        cn.close()

    def test_query_timeout_and_cancel(self):
        import subprocess
        import threading
        server = os.path.join(ROOT, "tests", "emulator", "server.py")
        proc = subprocess.Popen([sys.executable, server, "--port", "0",
                                 "--quiet", "--latency-ms", "1500"],
                                stdout=subprocess.PIPE, text=True)
        try:
            url = proc.stdout.readline().strip().rsplit(" ", 1)[-1]
            cn = pyodbc.connect(CONN.replace(emu.URL, url + "/2.0"),
                                autocommit=True)
            cn.timeout = 1  # SQL_ATTR_QUERY_TIMEOUT on each statement
            # Every answer takes 1.5 s: the first request runs past 1 s.
            with self.assertRaises(pyodbc.Error) as ctx:
                cn.cursor().execute("SELECT COUNT(*) FROM PullRequests")
            self.assertEqual(ctx.exception.args[0], "HYT00")
            cn.timeout = 0
            cur = cn.cursor()
            threading.Timer(0.5, cur.cancel).start()
            with self.assertRaises(pyodbc.Error) as ctx:
                cur.execute("SELECT COUNT(*) FROM PullRequests")
            self.assertEqual(ctx.exception.args[0], "HY008")
            # The connection goes on: the next statement runs.
            n = cur.execute("SELECT COUNT(*) FROM Workspaces").fetchone()
            self.assertGreaterEqual(n[0], 2)
            cn.close()
        finally:
            proc.terminate()
            proc.wait()

    def connect_error(self, conn):
        with self.assertRaises(pyodbc.Error) as ctx:
            pyodbc.connect(conn)
        return ctx.exception.args[0], ctx.exception.args[1]

    def test_wrong_token_is_28000(self):
        bad = CONN.replace("demo-token", "wrong-token")
        state, msg = self.connect_error(bad)
        self.assertEqual(state, "28000")
        self.assertIn("HTTP 401", msg)
        self.assertNotIn("wrong-token", msg)

    def test_unreachable_service_is_08001(self):
        conn = CONN.replace(emu.URL, "http://127.0.0.1:9/2.0")
        state, msg = self.connect_error(conn + ";MaxRetries=0")
        self.assertEqual(state, "08001")

    def test_unknown_workspace_is_42S02(self):
        cn = pyodbc.connect(CONN, autocommit=True)
        cur = cn.cursor()
        with self.assertRaises(pyodbc.Error) as ctx:
            cur.execute("SELECT * FROM Repositories WHERE Workspace = "
                        "'no-such-workspace'")
        self.assertEqual(ctx.exception.args[0], "42S02")
        self.assertIn("HTTP 404", ctx.exception.args[1])
        cn.close()

    def test_unknown_table_is_42S02(self):
        cn = pyodbc.connect(CONN, autocommit=True)
        with self.assertRaises(pyodbc.Error) as ctx:
            cn.cursor().execute("SELECT * FROM NoSuchTable")
        self.assertEqual(ctx.exception.args[0], "42S02")
        cn.close()


class TestLogs(unittest.TestCase):
    """The request log and the trace tell what happened, never a
    secret, even when the statement quotes one or the login fails."""

    def test_request_log_and_trace_without_secrets(self):
        import base64
        import tempfile
        d = tempfile.mkdtemp()
        log, trace = os.path.join(d, "req.log"), os.path.join(d, "trace")
        extra = f";LogFile={{{log}}};TraceFile={{{trace}}};TraceAreas=all"
        cn = pyodbc.connect(CONN + extra, autocommit=True)
        cur = cn.cursor()
        cur.execute("SELECT COUNT(*) FROM Repositories").fetchone()
        cn.close()
        with self.assertRaises(pyodbc.Error):
            pyodbc.connect(CONN.replace("demo-token", "wrong-secret-9") +
                           extra)
        with open(log, encoding="utf-8") as f:
            lines = f.read().splitlines()
        pages = [ln for ln in lines if "/repositories/acme?" in ln]
        self.assertGreaterEqual(len(pages), 2)  # 130 repositories
        self.assertTrue(all(" 200 " in ln for ln in pages), pages)
        self.assertTrue(any("/2.0/user " in ln and " 401 " in ln
                            for ln in lines), lines)
        with open(trace, encoding="utf-8") as f:
            text = f.read()
        for want in ("credentials: HTTP Basic (User and ApiToken)",
                     "prepare: SELECT COUNT(*) FROM Repositories",
                     "GET /2.0/user: HTTP 401",
                     "Repositories: page 1, 100 objects, more to come",
                     "Repositories: page 2, 30 objects, the last"):
            self.assertIn(want, text)
        blob = open(log, encoding="utf-8").read() + text
        for secret in ("demo-token", "wrong-secret-9",
                       base64.b64encode(b"demo:demo-token").decode()):
            self.assertNotIn(secret, blob)


if __name__ == "__main__":
    unittest.main(verbosity=2)
