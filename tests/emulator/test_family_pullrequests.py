#!/usr/bin/env python3
"""Self-test of the emulator's pull-request children (families/pullrequests.py):
comments, commits, statuses, tasks and activity (stdlib unittest).

    python3 tests/emulator/test_family_pullrequests.py

Starts server.py on port 0 in a subprocess; checks the objects key by key
against the captured responses and the spec, paging (page numbers and
opaque tokens), 404s, determinism, and that the children agree with their
pull request. With BBODBC_DRIVER set (a built libbbodbc.so) and pyodbc
importable, it also checks that a workspace-wide SELECT on
PullRequestReviewers reads only the pull-request lists.
"""
import json
import os
import sys
import unittest
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIX = os.path.join(ROOT, "tests", "fixtures", "bitbucket")
SPEC = os.path.join(ROOT, "tests", "fixtures", "openapi.json")
sys.path.insert(0, HERE)
import test_emulator  # noqa: E402
from test_emulator import BASIC as AUTH  # noqa: E402
ALL_STATES = "state=OPEN&state=MERGED&state=DECLINED&state=SUPERSEDED"
LONG = ("acme", "platform-api", 1)  # store.merged_pr: 130 comments, 120 commits


def fixture(*parts):
    with open(os.path.join(FIX, *parts), encoding="utf-8") as f:
        return json.load(f)


def schema(name):
    """The spec's properties of a schema, through allOf and $ref."""
    with open(SPEC, encoding="utf-8") as f:
        spec = json.load(f)
    comps = spec["components"]["schemas"]

    def props(s):
        if "$ref" in s:
            return props(comps[s["$ref"].rsplit("/", 1)[1]])
        out = dict(s.get("properties", {}))
        for part in s.get("allOf", []):
            out.update(props(part))
        return out
    return props(comps[name])


def jtype(v):
    return {dict: "object", list: "array", str: "string", bool: "boolean",
            int: "integer", float: "number", type(None): "null"}[type(v)]


def shape(v):
    """Keys and JSON types, recursively (lists by their first element)."""
    if isinstance(v, dict):
        return {k: shape(x) for k, x in v.items()}
    if isinstance(v, list):
        return [shape(v[0])] if v else []
    return jtype(v)


class Emu(test_emulator.Emu):
    """The emulator, read as JSON below /2.0."""

    def get(self, path):
        url = path if path.startswith("http") else self.base + "/2.0" + path
        req = urllib.request.Request(url, headers={"Authorization": AUTH})
        with urllib.request.urlopen(req) as r:
            return json.load(r)

    def status(self, path):
        try:
            self.get(path)
            return 200, None
        except urllib.error.HTTPError as e:
            return e.code, json.load(e)

    def pages(self, path):
        out, url = [], path
        while url:
            p = self.get(url)
            out.append(p)
            url = p.get("next")
        return out

    def all(self, path):
        return [v for p in self.pages(path) for v in p["values"]]

    def control(self, path, method="GET"):
        req = urllib.request.Request(self.base + path, method=method)
        with urllib.request.urlopen(req) as r:
            body = r.read()
        return json.loads(body) if body else None


def pr_path(ws, repo, pid, what):
    return "/repositories/%s/%s/pullrequests/%d/%s" % (ws, repo, pid, what)


class Children(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.emu = Emu()
        cls.prs = {}
        for repo in ("platform-api", "web-frontend", "mobile-app"):
            cls.prs[repo] = cls.emu.all(
                "/repositories/acme/%s/pullrequests?pagelen=50&%s&fields=%%2Bvalues.participants"
                % (repo, ALL_STATES))

    @classmethod
    def tearDownClass(cls):
        cls.emu.stop()

    def sample(self, what, n=40):
        """The non-empty lists of `what` over the first n PRs of three repos."""
        out = []
        for repo, prs in self.prs.items():
            for pr in prs[:n]:
                vals = self.emu.all(pr_path("acme", repo, pr["id"], what) + "?pagelen=100")
                if vals:
                    out.append((repo, pr, vals))
        self.assertTrue(out, what)
        return out

    def assert_keys_subset(self, obj, ref, where):
        """Every key of obj is in the captured object ref, with its JSON type
        (null allowed on either side), recursively."""
        for k, v in obj.items():
            self.assertIn(k, ref, "%s: key %s not in the capture" % (where, k))
            r = ref[k]
            if v is None or r is None:
                continue
            self.assertEqual(jtype(v), jtype(r), "%s.%s" % (where, k))
            if isinstance(v, dict) and r:
                self.assert_keys_subset(v, r, where + "." + k)

    # -- comments -------------------------------------------------------
    def test_comments_shape(self):
        cap = fixture("apache_incubator-devlake", "pr_comments_inline_values.json")
        inline_ref = cap["pages"][0]["values"][0]
        glob_ref = fixture("codecov_shared", "pr_comment_created_201.json")["body"]
        spec = schema("pullrequest_comment")
        seen = set()
        for repo, pr, vals in self.sample("comments"):
            for c in vals:
                ref = inline_ref if "inline" in c else glob_ref
                base = {k: c[k] for k in c if k not in ("parent", "resolution")}
                if "inline" in c:
                    self.assertEqual(list(base), list(inline_ref), "key order")
                    self.assertEqual(set(c["inline"]), {"from", "to", "path"})
                    self.assertEqual(set(c["links"]), {"self", "html", "code"})
                else:
                    self.assertEqual(set(base), set(glob_ref))
                    self.assertEqual(set(c["links"]), {"self", "html"})
                self.assert_keys_subset(base, ref, "comment")
                if c["user"]["display_name"] == "Former user":  # no account_id, no self link
                    self.assertEqual(set(c["user"]), {"display_name", "links", "type", "uuid"})
                else:
                    self.assertEqual(shape(c["user"]), shape(inline_ref["user"]))
                for k in c:
                    self.assertIn(k, spec, k)
                self.assertEqual(c["type"], "pullrequest_comment")
                self.assertEqual(c["pullrequest"]["id"], pr["id"])
                self.assertEqual(c["pullrequest"]["title"], pr["title"])
                self.assertTrue(c["links"]["html"]["href"].endswith("#comment-%d" % c["id"]))
                self.assertLessEqual(pr["created_on"], c["created_on"])
                if "parent" in c:
                    seen.add("reply")
                    self.assertEqual(set(c["parent"]), {"id", "links"})
                if "resolution" in c:
                    seen.add("resolution")
                    self.assertEqual(set(c["resolution"]), set(schema("comment_resolution")))
                seen.add("inline" if "inline" in c else "global")
                if c["deleted"]:
                    seen.add("deleted")
            ids = [c["id"] for c in vals]
            self.assertEqual(len(ids), len(set(ids)))
            self.assertEqual(vals, sorted(vals, key=lambda c: c["created_on"]), "oldest first")
            if (("acme",) + (repo, pr["id"])) != LONG:
                self.assertEqual(len(vals), pr["comment_count"])
        self.assertLessEqual({"reply", "inline", "global", "resolution"}, seen)

    def test_comments_paging_and_query(self):
        path = pr_path(*LONG, "comments")
        pages = self.emu.pages(path + "?pagelen=100")
        self.assertEqual([len(p["values"]) for p in pages], [100, 30])
        self.assertEqual(pages[0]["size"], 130)
        big = self.emu.get(path + "?pagelen=500")
        self.assertEqual(big["pagelen"], 100)  # clamped, as the spec's cap
        every = [c for p in pages for c in p["values"]]
        q = urllib.parse.quote('inline.path != null AND deleted = false')
        got = self.emu.all(path + "?pagelen=100&q=" + q)
        self.assertEqual(got, [c for c in every
                               if "inline" in c and not c["deleted"]])
        newest = self.emu.get(path + "?sort=-created_on&pagelen=1")["values"][0]
        self.assertEqual(newest, every[-1])

    # -- commits --------------------------------------------------------
    def test_commits_shape(self):
        ref = fixture("codecov_shared", "pr_commits_page1.json")["body"]
        ref_commit = ref["values"][0]
        raw_only = fixture("codecov_shared", "pr_commits_page2.json")["body"]["values"][1]
        for repo, pr, vals in self.sample("commits", 25):
            self.assertTrue(vals[0]["hash"].startswith(pr["source"]["commit"]["hash"]))
            for i, c in enumerate(vals):
                self.assertEqual(list(c), list(ref_commit))
                self.assertEqual(set(c["links"]), set(ref_commit["links"]))
                self.assertEqual(set(c["repository"]), set(ref_commit["repository"]))
                self.assertIn(set(c["author"]), ({"raw", "type", "user"}, set(raw_only["author"])))
                self.assertEqual(len(c["hash"]), 40)
                self.assertRegex(c["date"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")
                self.assertEqual(c["summary"]["raw"], c["message"])
                if i + 1 < len(vals):
                    self.assertEqual(c["parents"][0]["hash"], vals[i + 1]["hash"])
                    self.assertGreaterEqual(c["date"], vals[i + 1]["date"])
            self.assertEqual(len({c["hash"] for c in vals}), len(vals))

    def test_commits_paging_opaque(self):
        path = pr_path(*LONG, "commits")
        first = self.emu.get(path)
        self.assertEqual(set(first), {"pagelen", "values", "page", "next"})
        self.assertEqual(len(first["values"]), 10)
        pages = self.emu.pages(path + "?pagelen=100")
        self.assertEqual([len(p["values"]) for p in pages], [100, 20])
        self.assertEqual([p["page"] for p in pages], [1, 2])
        self.assertNotIn("size", pages[0])
        self.assertNotIn("next", pages[-1])
        token = urllib.parse.parse_qs(urllib.parse.urlsplit(pages[0]["next"]).query)["page"][0]
        self.assertFalse(token.isdigit(), "the page token is opaque")
        code, body = self.emu.status(path + "?page=2")
        self.assertEqual(code, 400)
        self.assertEqual(body["type"], "error")
        small = self.emu.all(path + "?pagelen=7")
        self.assertEqual(small, [c for p in pages for c in p["values"]])
        part = self.emu.get(path + "?fields=values.hash,values.date,values.message,"
                            "values.author.raw,next")
        self.assertEqual(set(part), {"values", "next"})
        cap = fixture("jenkinsci_bitbucket-branch-source-plugin", "pr_commits_fields_partial.json")
        self.assertEqual(shape(part["values"][0]), shape(cap["values"][0]))

    # -- statuses -------------------------------------------------------
    def test_statuses_shape(self):
        ref = fixture("drone_go-scm", "statuses.json")["values"][0]
        spec = schema("commitstatus")
        states = set()
        for repo, pr, vals in self.sample("statuses"):
            hashes = {c["hash"] for c in self.emu.all(pr_path("acme", repo, pr["id"], "commits")
                                                       + "?pagelen=100")}
            for s in vals:
                self.assertEqual(list(s), list(ref))
                self.assert_keys_subset(s, ref, "status")
                for k in s:
                    if k not in ("repository", "commit"):  # captured, not in the spec
                        self.assertIn(k, spec, k)
                self.assertIn(s["commit"]["hash"], hashes)
                self.assertIn(s["state"], spec["state"]["enum"])
                states.add(s["state"])
            keys = [(s["commit"]["hash"], s["key"]) for s in vals]
            self.assertEqual(len(keys), len(set(keys)))
        self.assertGreaterEqual(len(states), 3)

    def test_statuses_query(self):
        for repo, pr, vals in self.sample("statuses", 10)[:3]:
            path = pr_path("acme", repo, pr["id"], "statuses")
            got = self.emu.all(path + "?q=" + urllib.parse.quote('state = "SUCCESSFUL"'))
            self.assertEqual(got, [s for s in vals if s["state"] == "SUCCESSFUL"])

    # -- tasks ----------------------------------------------------------
    def test_tasks_shape(self):
        spec = schema("pullrequest_comment_task")
        seen = set()
        for repo, pr, vals in self.sample("tasks"):
            self.assertEqual(sum(t["state"] == "UNRESOLVED" for t in vals), pr["task_count"])
            for t in vals:
                for k in t:
                    self.assertIn(k, spec, k)
                for k in ("created_on", "updated_on", "state", "content", "creator"):
                    self.assertIn(k, t)  # required by the spec
                self.assertIn(t["state"], ("RESOLVED", "UNRESOLVED"))
                self.assertEqual(t["resolved_on"] is None, t["state"] == "UNRESOLVED")
                self.assertEqual(set(t["content"]), {"type", "raw", "markup", "html"})
                seen.add(t["state"])
                if "comment" in t:
                    seen.add("comment")
        self.assertEqual(seen, {"RESOLVED", "UNRESOLVED", "comment"})

    # -- activity -------------------------------------------------------
    def test_activity_shape(self):
        cap = fixture("danger_danger-js", "pr_activity_values.json")
        refs = {}
        for e in cap:
            kind = next(k for k in e if k != "pull_request")
            refs.setdefault(kind + ("+inline" if "inline" in e[kind] else ""), e)
        seen = set()
        for repo, pr, vals in self.sample("activity", 20):
            comments = self.emu.all(pr_path("acme", repo, pr["id"], "comments") + "?pagelen=100")
            self.assertEqual([e["comment"]["id"] for e in vals if "comment" in e],
                             [c["id"] for c in reversed(comments)])
            for e in vals:
                kind = next(k for k in e if k != "pull_request")
                seen.add(kind)
                self.assertEqual(set(e), {kind, "pull_request"})
                self.assertEqual(shape(e["pull_request"]), shape(cap[0]["pull_request"]))
                self.assertEqual(e["pull_request"]["id"], pr["id"])
                if kind == "changes_requested":  # no capture: the approval's shape
                    self.assertEqual(shape(e[kind]), shape(refs["approval"]["approval"]))
                    continue
                ref = refs[kind + ("+inline" if kind == "comment" and "inline" in e[kind]
                                   else "")][kind]
                extra = {"parent", "inline"} if kind == "comment" else set()
                self.assertEqual(set(e[kind]) - extra, set(ref) - extra)
                self.assert_keys_subset({k: v for k, v in e[kind].items() if k not in extra},
                                        ref, kind)
            self.assertEqual(vals[-1]["update"]["state"], "OPEN")
            if pr["state"] in ("MERGED", "DECLINED"):
                self.assertEqual(vals[0]["update"]["state"], pr["state"])
        self.assertEqual(seen, {"update", "approval", "comment", "changes_requested"})

    def test_activity_paging(self):
        path = pr_path(*LONG, "activity")
        pages = self.emu.pages(path + "?pagelen=50")
        self.assertEqual(len(pages), 3)
        for p in pages:
            self.assertLessEqual(set(p), {"pagelen", "values", "next"})
            self.assertEqual(p["pagelen"], 50)
        self.assertIn("ctx=", pages[0]["next"])
        every = [e for p in pages for e in p["values"]]
        self.assertEqual(self.emu.all(path + "?pagelen=500"), every)  # clamped to 50
        self.assertEqual(sum("comment" in e for e in every), 130)

    # -- errors and determinism ----------------------------------------
    def test_404s(self):
        for what in ("comments", "commits", "statuses", "tasks", "activity"):
            code, body = self.emu.status(pr_path("acme", "platform-api", 9999, what))
            self.assertEqual(code, 404, what)
            self.assertEqual(body, {"type": "error", "error": {
                "message": "Pull request 9999 not found"}})
            code, body = self.emu.status("/repositories/acme/platform-api/pullrequests/x/" + what)
            self.assertEqual(code, 404)
            code, body = self.emu.status(pr_path("acme", "no-such-repo", 1, what))
            self.assertEqual((code, body["error"]["message"]),
                             (404, "Repository acme/no-such-repo not found"))
            code, body = self.emu.status(pr_path("nope", "platform-api", 1, what))
            self.assertEqual(code, 404)
        # An empty repository has no pull requests at all.
        code, _ = self.emu.status(pr_path("acme", "empty-repo", 1, "comments"))
        self.assertEqual(code, 404)

    def test_deterministic(self):
        other = Emu()
        try:
            for what in ("comments", "commits", "statuses", "tasks", "activity"):
                # Asked in another order in the second server.
                for pid in (3, 1, 2):
                    p = pr_path("acme", "platform-api", pid, what) + "?pagelen=100"
                    a = [{k: v for k, v in pg.items() if k not in ("next", "previous")}
                         for pg in self.emu.pages(p)]
                    b = [{k: v for k, v in pg.items() if k not in ("next", "previous")}
                         for pg in other.pages(p)]
                    self.assertEqual(a, b, (what, pid))
        finally:
            other.stop()

    # -- the driver: reviewers come from the pull-request lists --------
    def test_reviewers_without_per_pr_requests(self):
        driver = os.environ.get("BBODBC_DRIVER")
        if not driver:
            self.skipTest("BBODBC_DRIVER not set")
        try:
            import pyodbc
        except ImportError:
            self.skipTest("pyodbc not available")
        os.environ.setdefault("ODBCINI", "/dev/null")
        cn = pyodbc.connect("DRIVER=%s;BaseURL=%s/2.0;User=demo;ApiToken=demo-token;"
                            "Workspace=acme" % (driver, self.emu.base), autocommit=True)
        try:
            self.emu.control("/_emulator/requests", "DELETE")
            rows = cn.cursor().execute("SELECT * FROM PullRequestReviewers").fetchall()
            log = self.emu.control("/_emulator/requests")
        finally:
            cn.close()
        self.assertGreater(len(rows), 500)
        for r in log:
            self.assertRegex(r["path"], r"^/2\.0/(workspaces|repositories/acme(/[^/]+/pullrequests)?)$",
                             "a per-PR request: %s" % r["path"])
        lists = [r for r in log if r["path"].endswith("/pullrequests")]
        for r in lists:
            q = urllib.parse.parse_qs(r["query"])
            self.assertEqual(sorted(q["state"]), ["DECLINED", "MERGED", "OPEN", "SUPERSEDED"])
            self.assertEqual(q["fields"], ["+values.reviewers"])
        summary = self.emu.control("/_emulator/summary")
        with_prs = [s for s, c in summary["workspaces"]["acme"]["pullrequests"].items()
                    if sum(c.values())]
        self.assertGreaterEqual(len({r["path"] for r in lists}), len(with_prs))
        self.assertLessEqual(len(lists), 2 * len(summary["workspaces"]["acme"]["pullrequests"]))


if __name__ == "__main__":
    unittest.main(verbosity=2)
