// C# on mono's System.Data.Odbc (through unixODBC's libodbc.so.2), on a
// DSN-less connection string: OdbcDataAdapter.Fill of the demo query,
// GetSchema("Tables") and GetSchema("Columns"), a parameterized OdbcCommand
// with ? markers, an OdbcDataReader reading typed values (int, DateTime,
// bool, string), and the SQLSTATE of a wrong token.
//   mono MonoOdbc.exe <connection string> <expected file>
// The expected file comes from expected_lines.py (the emulator's data).
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Odbc;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

class MonoOdbc
{
    static int failures;

    static bool Check(bool ok, string what, string detail = null)
    {
        Console.WriteLine((ok ? "ok    " : "FAIL  ") + what);
        if (!ok && detail != null)
            Console.WriteLine("      " + detail);
        if (!ok)
            failures++;
        return ok;
    }

    // One check that must not stop the others when the client throws.
    static void Try(string what, Action body)
    {
        try
        {
            body();
        }
        catch (Exception e)
        {
            Check(false, what, e.GetType().Name + ": " + e.Message);
            var oe = e as OdbcException;
            if (oe != null)
                foreach (OdbcError err in oe.Errors)
                    Console.WriteLine("      SQLSTATE " + err.SQLState + " " + err.Message);
        }
    }

    class Pr
    {
        public string Slug, State, Title;
        public int Id, Comments;
        public bool Draft;
        public DateTime Created;
    }

    static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        string conn = args[0];
        var demo = new Dictionary<string, long>();
        var prs = new List<Pr>();
        var tables = new List<string>();
        var columns = new List<string[]>();
        foreach (var line in File.ReadAllLines(args[1], Encoding.UTF8))
        {
            var f = line.Split('\t');
            switch (f[0])
            {
                case "demo":
                    demo[f[1]] = long.Parse(f[2], CultureInfo.InvariantCulture);
                    break;
                case "pr":
                    prs.Add(new Pr {
                        Slug = f[1], Id = int.Parse(f[2], CultureInfo.InvariantCulture),
                        State = f[3], Draft = f[4] == "1",
                        Created = DateTime.ParseExact(f[5], "yyyy-MM-ddTHH:mm:ss.ffffff",
                                                      CultureInfo.InvariantCulture),
                        Comments = int.Parse(f[6], CultureInfo.InvariantCulture),
                        Title = f[7] });
                    break;
                case "table":
                    tables.Add(f[1]);
                    break;
                case "column":
                    columns.Add(new[] { f[2], f[3] });
                    break;
            }
        }

        var cn = new OdbcConnection(conn);
        Try("OdbcConnection.Open", () => cn.Open());
        if (cn.State != ConnectionState.Open)
        {
            Console.WriteLine("mono System.Data.Odbc: cannot connect");
            return 1;
        }
        Check(true, "DSN-less OdbcConnection.Open (driver " + cn.Driver + ")");

        // --- OdbcDataAdapter.Fill of the demo query ---------------------
        Try("OdbcDataAdapter.Fill (demo query)", () => {
            var dt = new DataTable();
            var da = new OdbcDataAdapter(
                "SELECT r.Name, COUNT(*) AS OpenPRs FROM Repositories r JOIN PullRequests p "
                + "ON p.RepositorySlug = r.Slug WHERE p.State = 'OPEN' GROUP BY r.Name "
                + "ORDER BY OpenPRs DESC", cn);
            int n = da.Fill(dt);
            var names = string.Join(" ", dt.Columns.Cast<DataColumn>().Select(c => c.ColumnName));
            Check(names == "Name OpenPRs", "Fill: columns Name, OpenPRs", "got " + names);
            var got = new Dictionary<string, long>();
            var counts = new List<long>();
            foreach (DataRow r in dt.Rows)
            {
                long c = Convert.ToInt64(r[1], CultureInfo.InvariantCulture);
                got[(string)r[0]] = c;
                counts.Add(c);
            }
            bool same = got.Count == demo.Count && n == dt.Rows.Count && got.Count == n
                && demo.All(kv => got.ContainsKey(kv.Key) && got[kv.Key] == kv.Value);
            bool sorted = counts.SequenceEqual(counts.OrderByDescending(c => c));
            Check(same && sorted, string.Format(
                "Fill: {0} rows, open pull requests per repository, descending (top {1} {2})",
                n, n > 0 ? dt.Rows[0][0] : "-", n > 0 ? dt.Rows[0][1] : "-"),
                "want " + string.Join(", ", demo.OrderByDescending(kv => kv.Value).Take(5)
                                               .Select(kv => kv.Key + "=" + kv.Value)));
            Check(dt.Columns[0].DataType == typeof(string),
                  "Fill: Name is a string", "got " + dt.Columns[0].DataType);
        });

        // --- GetSchema --------------------------------------------------
        // OdbcConnection.GetSchema reads the collections it offers from the
        // resource System.Data.Odbc.OdbcMetaData.xml of System.Data.dll.
        // Debian 12's mono (6.8) ships System.Data.dll without it, so
        // GetSchema throws ArgumentNullException ("xmlStream") before any
        // ODBC call, whatever the driver: reported, not counted.
        bool metaData = typeof(OdbcConnection).Assembly.GetManifestResourceNames()
            .Contains("System.Data.Odbc.OdbcMetaData.xml");
        if (!metaData)
            Console.WriteLine("SKIP  GetSchema(\"Tables\") and GetSchema(\"Columns\"): this "
                              + "mono's System.Data.dll lacks the resource "
                              + "System.Data.Odbc.OdbcMetaData.xml (a mono bug)");
        else
        {
            Try("GetSchema(\"Tables\")", () => {
                var dt = cn.GetSchema("Tables");
                var got = dt.Rows.Cast<DataRow>().Select(r => (string)r["TABLE_NAME"])
                            .Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
                var want = tables.OrderBy(s => s, StringComparer.Ordinal).ToList();
                Check(got.SequenceEqual(want),
                      string.Format("GetSchema(\"Tables\"): the {0} tables of docs/tables", want.Count),
                      "got " + string.Join(" ", got));
            });
            Try("GetSchema(\"Columns\")", () => {
                var dt = cn.GetSchema("Columns", new string[] { null, null, "PullRequests", null });
                var got = string.Join(" ", dt.Rows.Cast<DataRow>()
                    .Where(r => (string)r["TABLE_NAME"] == "PullRequests")
                    .OrderBy(r => Convert.ToInt32(r["ORDINAL_POSITION"], CultureInfo.InvariantCulture))
                    .Select(r => (string)r["COLUMN_NAME"]));
                var want = string.Join(" ", columns.Select(c => c[0]));
                Check(columns.Count > 30 && got == want, string.Format(
                    "GetSchema(\"Columns\", PullRequests): the {0} columns of docs/tables, in order",
                    columns.Count), "got  " + got + "\n      want " + want);
            });
        }

        // --- a parameterized OdbcCommand --------------------------------
        Try("parameterized OdbcCommand", () => {
            var cmd = new OdbcCommand("SELECT Id, State, CommentCount FROM PullRequests "
                                      + "WHERE RepositorySlug = ? AND State = ? ORDER BY Id", cn);
            cmd.Parameters.Add("slug", OdbcType.NVarChar, 128);
            cmd.Parameters.Add("state", OdbcType.NVarChar, 16);
            foreach (var slug in new[] { "platform-api", "web-frontend" })
                foreach (var state in new[] { "OPEN", "MERGED" })
                {
                    cmd.Parameters[0].Value = slug;
                    cmd.Parameters[1].Value = state;
                    var got = new List<string>();
                    using (var rd = cmd.ExecuteReader())
                        while (rd.Read())
                            got.Add(rd.GetInt32(0) + ":" + rd.GetString(1) + ":" + rd.GetInt32(2));
                    var want = prs.Where(p => p.Slug == slug && p.State == state)
                                  .Select(p => p.Id + ":" + p.State + ":" + p.Comments).ToList();
                    Check(want.Count > 0 && got.SequenceEqual(want), string.Format(
                        "OdbcCommand with ? markers ({0}, {1}): {2} pull requests, ids, "
                        + "states, comment counts", slug, state, got.Count),
                        "got " + string.Join(" ", got) + "\n      want " + string.Join(" ", want));
                }
            var one = new OdbcCommand("SELECT Title FROM PullRequests WHERE RepositorySlug = ? "
                                      + "AND Id = ?", cn);
            one.Parameters.AddWithValue("slug", "platform-api");
            one.Parameters.Add("id", OdbcType.Int).Value = 74;
            var title = one.ExecuteScalar() as string;
            var w = prs.First(p => p.Slug == "platform-api" && p.Id == 74).Title;
            Check(title == w, "ExecuteScalar with an Int parameter: the CJK title of "
                  + "pull request 74: " + title, "want " + w);
        });

        // --- an OdbcDataReader with typed values ------------------------
        Try("OdbcDataReader typed values", () => {
            var cmd = new OdbcCommand("SELECT Id, CreatedOn, Draft, Title, State FROM PullRequests "
                                      + "WHERE RepositorySlug = 'platform-api' ORDER BY Id", cn);
            using (var rd = cmd.ExecuteReader())
            {
                string types = rd.GetFieldType(0).Name + " " + rd.GetFieldType(1).Name + " "
                               + rd.GetFieldType(2).Name + " " + rd.GetFieldType(3).Name;
                Check(types == "Int32 DateTime Boolean String",
                      "OdbcDataReader field types: Id Int32, CreatedOn DateTime, Draft Boolean, "
                      + "Title String", "got " + types);
                var want = prs.Where(p => p.Slug == "platform-api").ToList();
                int i = 0, drafts = 0;
                string bad = null;
                while (rd.Read())
                {
                    int id = rd.GetInt32(0);
                    DateTime created = rd.GetDateTime(1);
                    bool draft = rd.GetBoolean(2);
                    string title = rd.GetString(3);
                    if (draft)
                        drafts++;
                    if (bad == null && (i >= want.Count || want[i].Id != id
                                        || want[i].Created != created || want[i].Draft != draft
                                        || want[i].Title != title || want[i].State != rd.GetString(4)))
                        bad = string.Format("row {0}: got {1} {2:o} {3} {4}; want {5}", i, id,
                                            created, draft, title, i < want.Count ?
                                            string.Format("{0} {1:o} {2} {3}", want[i].Id,
                                                          want[i].Created, want[i].Draft,
                                                          want[i].Title) : "no row");
                    i++;
                }
                if (bad == null && i != want.Count)
                    bad = string.Format("{0} rows, want {1}", i, want.Count);
                Check(bad == null, string.Format(
                    "OdbcDataReader over platform-api's {0} pull requests: GetInt32(Id), "
                    + "GetDateTime(CreatedOn) to the microsecond, GetBoolean(Draft) ({1} drafts), "
                    + "GetString(Title) incl. emoji, CJK and accents", i, drafts), bad);
                Check(want.Count(p => p.Draft) == drafts && drafts > 0,
                      "OdbcDataReader: the draft pull requests");
            }
        });
        cn.Close();

        // --- a wrong token: SQLSTATE 28000 ------------------------------
        var badConn = Regex.Replace(conn, "ApiToken=[^;]*", "ApiToken=not-the-token");
        try
        {
            using (var bad = new OdbcConnection(badConn))
            {
                bad.Open();
                Check(false, "wrong token: OdbcConnection.Open should fail");
            }
        }
        catch (OdbcException e)
        {
            string state = e.Errors.Count > 0 ? e.Errors[0].SQLState : "";
            Check(state == "28000", "wrong token: OdbcException with SQLSTATE 28000 ("
                  + (e.Errors.Count > 0 ? e.Errors[0].Message : "") + ")", "got '" + state + "'");
        }

        Console.WriteLine(failures == 0 ? "mono System.Data.Odbc: all checks passed"
                          : "mono System.Data.Odbc: " + failures + " check(s) FAILED");
        return failures == 0 ? 0 : 1;
    }
}
