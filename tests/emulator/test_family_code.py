#!/usr/bin/env python3
"""Self-test of the emulator's code family (families/code.py): refs,
commits, commit comments, statuses, reports, annotations and diffstats.

    python3 tests/emulator/test_family_code.py

Starts server.py on port 0 and checks the objects key by key against the
captured responses (or the spec's schema where there is no capture), the
commit lists' iterator paging, and the 404s for unknown parents.
"""
import json
import os
import re
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
from test_emulator import BASIC as AUTH, Emu  # noqa: E402
HEX40 = re.compile(r"^[0-9a-f]{40}$")


def fixture(rel):
    with open(os.path.join(FIX, rel), encoding="utf-8") as f:
        d = json.load(f)
    return d["body"] if "body" in d and "_request" in d else d


def spec_props(name):
    with open(SPEC, encoding="utf-8") as f:
        schemas = json.load(f)["components"]["schemas"]
    out = {}

    def walk(s):
        if "$ref" in s:
            walk(schemas[s["$ref"].split("/")[-1]])
        for a in s.get("allOf", []):
            walk(a)
        out.update(s.get("properties", {}))
    walk(schemas[name])
    return out


class CodeFamily(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.emu = Emu("--seed", "42")

    @classmethod
    def tearDownClass(cls):
        cls.emu.stop()

    def get(self, path):
        url = path if path.startswith("http") else self.emu.base + "/2.0" + path
        req = urllib.request.Request(url, headers={"Authorization": AUTH})
        with urllib.request.urlopen(req) as r:
            return json.load(r)

    def status_of(self, path):
        try:
            self.get(path)
        except urllib.error.HTTPError as e:
            body = json.loads(e.read() or b"{}")
            return e.code, body
        return 200, None

    def all_values(self, path):
        out, url = [], path
        while url:
            page = self.get(url)
            out.extend(page["values"])
            url = page.get("next")
        return out

    def repo_with(self, attr_path, ws="acme"):
        """A repository of ws whose code data has something at attr_path."""
        for r in self.get("/repositories/%s?pagelen=100" % ws)["values"]:
            if r["mainbranch"] is None:
                continue
            cs = self.all_values("/repositories/%s/%s/commits?pagelen=100" % (ws, r["slug"]))
            for c in cs:
                p = "/repositories/%s/%s/commit/%s/%s" % (ws, r["slug"], c["hash"], attr_path)
                vals = self.get(p)["values"]
                if vals:
                    return r["slug"], c["hash"], vals
        self.fail("no %s anywhere" % attr_path)

    def same_keys(self, got, want, where):
        self.assertEqual(sorted(got), sorted(want), where)

    # -- commits -----------------------------------------------------------
    def check_commit(self, c, ref_target=False):
        fx = fixture("jenkinsci_bitbucket-branch-source-plugin/commits_include_exclude.json")["values"][0]
        want = [k for k in fx if not (ref_target and k in ("summary", "rendered"))]
        self.same_keys(c, want, "commit keys")
        self.assertRegex(c["hash"], HEX40)
        self.assertRegex(c["date"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")
        links = set(fx["links"])
        if len(c["parents"]) > 1:
            links.discard("patch")  # merge commits, as in the codecov capture
        self.same_keys(c["links"], links, "commit links")
        self.assertEqual(c["author"]["type"], "author")
        if "user" in c["author"]:
            self.same_keys(c["author"], fx["author"], "author")
            self.same_keys(c["author"]["user"], fx["author"]["user"], "author.user")
        else:
            self.same_keys(c["author"], ["raw", "type"], "author without user")
        for p in c["parents"]:
            self.same_keys(p, fx["parents"][0], "parent")
            self.same_keys(p["links"], fx["parents"][0]["links"], "parent links")
        self.same_keys(c["repository"], fx["repository"], "repository")
        if not ref_target:
            self.same_keys(c["summary"], fx["summary"], "summary")
            self.same_keys(c["rendered"]["message"], fx["rendered"]["message"], "rendered")

    def test_commit_shapes(self):
        cs = self.all_values("/repositories/acme/platform-api/commits?pagelen=100")
        self.assertEqual(len(cs), 120)
        for c in cs:
            self.check_commit(c)
        self.assertTrue(any(len(c["parents"]) == 2 for c in cs), "a merge commit")
        self.assertTrue(any("user" not in c["author"] for c in cs), "an author with only raw")
        self.assertEqual(sum(1 for c in cs if not c["parents"]), 1, "one root")
        # Newest first, and every parent after its child.
        pos = {c["hash"]: i for i, c in enumerate(cs)}
        for c in cs:
            for p in c["parents"]:
                self.assertGreater(pos[p["hash"]], pos[c["hash"]])
        one = self.get("/repositories/acme/platform-api/commit/%s" % cs[5]["hash"])
        self.assertEqual(one, cs[5])
        short = self.get("/repositories/acme/platform-api/commit/%s" % cs[5]["hash"][:7])
        self.assertEqual(short["hash"], cs[5]["hash"])

    def test_commit_paging_is_iterator_tokens(self):
        p1 = self.get("/repositories/acme/platform-api/commits?pagelen=100")
        self.assertEqual(sorted(p1), ["next", "pagelen", "values"])
        self.assertEqual(len(p1["values"]), 100)
        q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(p1["next"]).query))
        self.assertEqual(q["pagelen"], "100")
        self.assertFalse(q["page"].isdigit(), "an opaque token, not a page number")
        p2 = self.get(p1["next"])
        self.assertEqual(len(p2["values"]), 20)
        self.assertNotIn("next", p2)
        hashes = [c["hash"] for c in p1["values"] + p2["values"]]
        self.assertEqual(len(set(hashes)), 120)
        # The default page holds 30, as captured; four pages in all.
        d = self.get("/repositories/acme/platform-api/commits")
        self.assertEqual((d["pagelen"], len(d["values"])), (30, 30))
        self.assertEqual(len(self.all_values("/repositories/acme/platform-api/commits")), 120)
        # A page number is not a token; neither is a token of another list.
        for bad in ("2", "1", "zzzz"):
            code, _ = self.status_of("/repositories/acme/platform-api/commits?page=" + bad)
            self.assertEqual(code, 400, bad)
        # fields= applies, and a whitelist that keeps next still pages.
        f = self.get("/repositories/acme/platform-api/commits?pagelen=50&fields=next,values.hash")
        self.assertEqual(sorted(f), ["next", "values"])
        self.assertEqual(list(f["values"][0]), ["hash"])
        self.assertEqual(len(self.all_values(
            "/repositories/acme/platform-api/commits?pagelen=50&fields=next,values.hash")), 120)
        # A pagelen above 100 is clamped.
        self.assertEqual(self.get("/repositories/acme/platform-api/commits?pagelen=500")["pagelen"], 100)

    def test_commit_include_exclude(self):
        branches = self.all_values("/repositories/acme/platform-api/refs/branches")
        main = self.get("/repositories/acme/platform-api")["mainbranch"]["name"]
        every = {c["hash"] for c in self.all_values("/repositories/acme/platform-api/commits?pagelen=100")}
        on_main = {c["hash"] for c in self.all_values(
            "/repositories/acme/platform-api/commits?pagelen=100&include=" + main)}
        off_main = {c["hash"] for c in self.all_values(
            "/repositories/acme/platform-api/commits?pagelen=100&exclude=" + main)}
        self.assertEqual(on_main | off_main, every)
        self.assertFalse(on_main & off_main)
        self.assertTrue(off_main, "some branch is not merged")
        head = next(b for b in branches if b["name"] == main)["target"]["hash"]
        self.assertIn(head, on_main)
        rev = {c["hash"] for c in self.all_values("/repositories/acme/platform-api/commits/" + main)}
        self.assertEqual(rev, on_main)

    # -- refs --------------------------------------------------------------
    def test_branch_shapes(self):
        fx = fixture("jenkinsci_bitbucket-branch-source-plugin/branches_pagelen_100.json")
        bs = self.get("/repositories/acme/platform-api/refs/branches?pagelen=100")
        self.same_keys(bs, fx, "branch envelope")
        for b in bs["values"]:
            self.same_keys(b, fx["values"][0], "branch")
            self.same_keys(b["links"], fx["values"][0]["links"], "branch links")
            self.check_commit(b["target"], ref_target=True)
            self.assertIsInstance(b["merge_strategies"], list)
        names = [b["name"] for b in bs["values"]]
        self.assertEqual(names, sorted(names), "git branch --list order")
        self.assertGreaterEqual(len(names), 3)

    def test_tag_shapes(self):
        fx = fixture("jenkinsci_bitbucket-branch-source-plugin/tags_pagelen_100.json")["values"][0]
        ts = self.all_values("/repositories/acme/platform-api/refs/tags?pagelen=100")
        self.assertGreaterEqual(len(ts), 10)
        names = [t["name"] for t in ts]
        self.assertEqual(names, sorted(names))
        self.assertLess(names.index("v1.10.0"), names.index("v1.2.0"), "lexical, as git tag --list")
        for t in ts:
            self.same_keys(t, fx, "tag")
            self.same_keys(t["links"], fx["links"], "tag links")
            self.check_commit(t["target"], ref_target=True)
            if t["tagger"] is not None:
                self.assertEqual(t["tagger"]["type"], "author")

    def test_refs_are_branches_then_tags(self):
        refs = self.all_values("/repositories/acme/platform-api/refs?pagelen=100")
        bs = self.all_values("/repositories/acme/platform-api/refs/branches?pagelen=100")
        ts = self.all_values("/repositories/acme/platform-api/refs/tags?pagelen=100")
        self.assertEqual(refs, bs + ts)
        small = self.get("/repositories/acme/platform-api/refs?pagelen=5")
        self.assertEqual(small["size"], len(refs))
        self.assertIn("next", small)

    def test_ref_queries(self):
        base = "/repositories/acme/platform-api/refs/branches"
        q = urllib.parse.quote('name ~ "feature/"')
        got = self.all_values(base + "?q=" + q)
        self.assertTrue(got)
        self.assertTrue(all("feature/" in b["name"] for b in got))
        dated = self.all_values(base + "?sort=-target.date")
        dates = [b["target"]["date"] for b in dated]
        self.assertEqual(dates, sorted(dates, reverse=True))
        h = dated[0]["target"]["hash"]
        got = self.all_values(base + "?q=" + urllib.parse.quote('target.hash = "%s"' % h))
        self.assertIn(h, [b["target"]["hash"] for b in got])
        tq = self.all_values("/repositories/acme/platform-api/refs/tags?q=" +
                             urllib.parse.quote('name = "v1.10.0"'))
        self.assertEqual([t["name"] for t in tq], ["v1.10.0"])

    def test_every_nonempty_repository_has_code(self):
        for ws in ("acme", "globex"):
            for r in self.all_values("/repositories/%s?pagelen=100" % ws):
                base = "/repositories/%s/%s" % (ws, r["slug"])
                bs = self.get(base + "/refs/branches?pagelen=100")["values"]
                cs = self.get(base + "/commits?pagelen=100")["values"]
                if r["mainbranch"] is None:
                    self.assertEqual((bs, cs), ([], []), r["slug"])
                    self.assertEqual(self.get(base + "/refs")["values"], [])
                    continue
                self.assertIn(r["mainbranch"]["name"], [b["name"] for b in bs], r["slug"])
                self.assertTrue(cs, r["slug"])
        counts = [len(self.all_values("/repositories/acme/%s/commits?pagelen=100" % r["slug"]))
                  for r in self.all_values("/repositories/acme?pagelen=100")]
        self.assertEqual(sum(1 for n in counts if n >= 5), 10, "ten acme repositories with history")

    # -- below a commit ----------------------------------------------------
    def test_status_shapes(self):
        fx = fixture("drone_go-scm/statuses.json")["values"][0]
        slug, h, sts = self.repo_with("statuses")
        for s in sts:
            self.same_keys(s, fx, "status")
            self.same_keys(s["links"], fx["links"], "status links")
            self.same_keys(s["commit"], fx["commit"], "status commit")
            self.same_keys(s["repository"], fx["repository"], "status repository")
            self.assertEqual(s["commit"]["hash"], h)
            self.assertIn(s["state"], spec_props("commitstatus")["state"]["enum"])
        created = [s["created_on"] for s in sts]
        self.assertEqual(created, sorted(created), "default order created_on")
        # refname keeps the statuses without one and those with that ref.
        branches = {b["target"]["hash"]: b["name"] for b in
                    self.all_values("/repositories/acme/%s/refs/branches" % slug)}
        got = self.get("/repositories/acme/%s/commit/%s/statuses?refname=nope" % (slug, h))["values"]
        self.assertEqual(got, [s for s in sts if s["refname"] is None])
        q = urllib.parse.quote('state = "SUCCESSFUL"')
        got = self.get("/repositories/acme/%s/commit/%s/statuses?q=%s" % (slug, h, q))["values"]
        self.assertEqual(got, [s for s in sts if s["state"] == "SUCCESSFUL"])
        self.assertTrue(branches)

    def test_comment_shapes(self):
        fx = fixture("apache_incubator-devlake/pr_comments_inline_values.json")["pages"][0]["values"][0]
        want = [k if k != "pullrequest" else "commit" for k in fx]
        seen_inline = seen_global = False
        for ws in ("acme",):
            slug, h, cms = self.repo_with("comments", ws)
            for c in cms:
                keys = [k for k in want if k != "inline" or "inline" in c]
                keys += ["parent"] if "parent" in c else []
                self.same_keys(c, keys, "commit comment")
                self.same_keys(c["content"], fx["content"], "content")
                self.assertEqual(c["type"], "commit_comment")
                self.assertEqual(c["commit"]["hash"], h)
                self.same_keys(c["commit"], ["hash", "links", "type"], "comment commit")
                if "inline" in c:
                    seen_inline = True
                    self.same_keys(c["inline"], fx["inline"], "inline")
                    self.same_keys(c["links"], fx["links"], "inline links")
                else:
                    seen_global = True
                    self.same_keys(c["links"], ["self", "html"], "links")
                if c["user"]["display_name"] != "Former user":
                    self.same_keys(c["user"], fx["user"], "user")
        self.assertTrue(seen_inline or seen_global)

    def test_report_and_annotation_shapes(self):
        slug, h, reps = self.repo_with("reports")
        rprops, aprops = spec_props("report"), spec_props("report_annotation")
        for rep in reps:
            self.same_keys(rep, rprops, "report (spec)")
            self.assertIn(rep["report_type"], rprops["report_type"]["enum"])
            self.assertIn(rep["result"], rprops["result"]["enum"])
            self.assertRegex(rep["uuid"], r"^\{[0-9a-f-]{36}\}$")
            base = "/repositories/acme/%s/commit/%s/reports/" % (slug, h)
            self.assertEqual(self.get(base + urllib.parse.quote(rep["uuid"], safe="")), rep)
            self.assertEqual(self.get(base + rep["external_id"]), rep)
            anns = self.all_values(base + urllib.parse.quote(rep["uuid"], safe="") + "/annotations")
            for a in anns:
                self.same_keys(a, aprops, "annotation (spec)")
                self.assertIn(a["annotation_type"], aprops["annotation_type"]["enum"])
                self.assertIn(a["severity"], aprops["severity"]["enum"])
                self.assertIn(a["result"], aprops["result"]["enum"])
                self.assertGreaterEqual(a["line"], 1)

    def test_diffstat_shapes(self):
        fx = fixture("drone_go-scm/diffstat.json")
        cs = self.all_values("/repositories/acme/platform-api/commits?pagelen=100")
        seen = set()
        for c in cs[:40] + cs[-1:]:
            d = self.get("/repositories/acme/platform-api/diffstat/" + c["hash"])
            self.same_keys(d, fx, "diffstat envelope")
            self.assertEqual(d["pagelen"], 500)
            for v in d["values"]:
                seen.add(v["status"])
                self.same_keys(v, fx["values"][0], "diffstat")
                for side in ("old", "new"):
                    if v[side] is not None:
                        self.same_keys(v[side], fx["values"][0][side], side)
                if v["status"] == "added":
                    self.assertIsNone(v["old"])
                if v["status"] == "removed":
                    self.assertEqual(v["new"]["path"], "")  # as captured
        self.assertEqual(seen, {"added", "removed", "modified", "renamed"})
        again = self.get("/repositories/acme/platform-api/diffstat/" + cs[3]["hash"])
        self.assertEqual(again, self.get("/repositories/acme/platform-api/diffstat/" + cs[3]["hash"]))

    # -- 404s --------------------------------------------------------------
    def test_unknown_parents(self):
        h = self.get("/repositories/acme/platform-api/commits?pagelen=1")["values"][0]["hash"]
        for tail in ("refs", "refs/branches", "refs/tags", "commits", "commit/%s" % h,
                     "commit/%s/statuses" % h, "commit/%s/comments" % h, "commit/%s/reports" % h,
                     "diffstat/%s" % h):
            code, body = self.status_of("/repositories/acme/no-such-repo/" + tail)
            self.assertEqual(code, 404, tail)
            self.assertEqual(body["error"]["message"], "Repository acme/no-such-repo not found")
            code, _ = self.status_of("/repositories/nowhere/platform-api/" + tail)
            self.assertEqual(code, 404, tail)
        bad = "0" * 40
        for tail in ("commit/%s", "commit/%s/statuses", "commit/%s/comments", "commit/%s/reports",
                     "diffstat/%s"):
            code, body = self.status_of("/repositories/acme/platform-api/" + tail % bad)
            self.assertEqual(code, 404, tail)
            self.assertEqual(body, {"type": "error", "error": {"message": "Changeset not found."}})
        code, _ = self.status_of("/repositories/acme/platform-api/commit/%s/reports/nope/annotations" % h)
        self.assertEqual(code, 404)
        code, _ = self.status_of("/repositories/acme/platform-api/commits?include=no-such-branch")
        self.assertEqual(code, 404)


if __name__ == "__main__":
    unittest.main(verbosity=2)
