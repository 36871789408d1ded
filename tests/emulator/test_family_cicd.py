#!/usr/bin/env python3
"""Self-test of the emulator's issue tracker, Pipelines and Deployments
families (families/issues.py, families/pipelines.py), stdlib unittest:

    python3 tests/emulator/test_family_cicd.py

Starts server.py on port 0 and checks the objects key by key against the
captured fixtures and the spec, paging (with `next` for issues, without it
for the pipelines service), the pipelines' own query parameters, and the
404s of disabled trackers and unknown parents.
"""
import json
import os
import re
import sys
import unittest
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from test_emulator import Emu, FIXTURES, SPEC, jtype  # noqa: E402

R = "/2.0/repositories/acme/"


def fixture(path):
    with open(os.path.join(FIXTURES, path), encoding="utf-8") as f:
        return json.load(f)


def fixture_values(path):
    d = fixture(path)
    if "pages" in d:
        return [v for p in d["pages"] for v in p["values"]]
    return d["values"]


def spec_props(name):
    """The property names of a spec schema (allOf and $ref followed)."""
    with open(SPEC, encoding="utf-8") as f:
        schemas = json.load(f)["components"]["schemas"]
    out = set()

    def walk(d):
        if "$ref" in d:
            walk(schemas[d["$ref"].split("/")[-1]])
            return
        for a in d.get("allOf", []):
            walk(a)
        out.update(d.get("properties", {}))
    walk(schemas[name])
    return out


def types_by_path(objs, prefix=""):
    """{dotted path: set of JSON types} over objects (lists transparent)."""
    out = {}

    def walk(v, path):
        if isinstance(v, list):
            out.setdefault(path, set()).add("array")
            for e in v:
                walk(e, path + "[]")
            return
        out.setdefault(path, set()).add(jtype(v))
        if isinstance(v, dict):
            for k, x in v.items():
                walk(x, path + "." + k if path else k)
    for o in objs:
        walk(o, prefix)
    return out


def q(s):
    return urllib.parse.quote(s, safe="")


class CicdFamilies(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.emu = Emu("--seed", "42")
        st, _, d = cls.emu.get(R.rstrip("/") + "?pagelen=100")
        repos = d["values"]
        st, _, d2 = cls.emu.get(d["next"])
        repos += d2["values"]
        cls.repos = {r["slug"]: r for r in repos}
        cls.tracked = sorted(s for s, r in cls.repos.items() if r["has_issues"])
        cls.untracked = sorted(s for s, r in cls.repos.items()
                               if not r["has_issues"])

    @classmethod
    def tearDownClass(cls):
        cls.emu.stop()

    def get(self, path, status=200):
        st, _, d = self.emu.get(path)
        self.assertEqual(st, status, (path, d))
        return d

    def issues_of(self, slug):
        return self.emu.all_pages(R + slug + "/issues?pagelen=100")[0]

    def all_issues(self):
        out = []
        for slug in self.tracked:
            out += [(slug, i) for i in self.issues_of(slug)]
        return out

    def assert_types_within(self, ours, theirs, what):
        """Every path both have holds the same JSON types (null aside)."""
        for path, ts in ours.items():
            if path in theirs:
                a, b = ts - {"null"}, theirs[path] - {"null"}
                if a and b:
                    self.assertEqual(a, b, "%s: %s" % (what, path))

    # -- the issue tracker ---------------------------------------------------
    def test_tracker_follows_has_issues(self):
        self.assertTrue(self.tracked and self.untracked)
        for slug in self.tracked[:5]:
            self.get(R + slug + "/issues")
        for slug in self.untracked[:5]:
            for ep in ("issues", "components", "milestones", "versions",
                       "issues/1/comments", "issues/1/changes",
                       "issues/1/attachments"):
                d = self.get(R + slug + "/" + ep, 404)
                self.assertEqual(d, {"type": "error", "error": {
                    "message": "Repository has no issue tracker."}})

    def test_unknown_parents_404(self):
        self.get("/2.0/repositories/nope/x/issues", 404)
        self.get(R + "no-such-repo/issues", 404)
        self.get(R + "no-such-repo/pipelines", 404)
        self.get(R + "no-such-repo/deployments", 404)
        slug = self.tracked[0]
        n = len(self.issues_of(slug))
        self.get(R + slug + "/issues/%d/comments" % (n + 1), 404)
        self.get(R + slug + "/issues/abc/changes", 404)
        self.get(R + "platform-api/pipelines/%7Bnot-a-pipeline%7D/steps", 404)
        self.get(R + "platform-api/pipelines_config/schedules/%7Bx%7D/executions", 404)
        self.get(R + "platform-api/deployments_config/environments/%7Bx%7D/variables", 404)

    def test_issue_shape_matches_captures(self):
        cap = fixture_values("apache_incubator-devlake/issues_values.json")
        cap2 = fixture_values("atlassian-api_atlassian-python-api/issues_list.json")
        keys = set(cap[0])
        self.assertEqual(keys, set(cap2[0]))
        ours = self.all_issues()
        self.assertGreater(len(ours), 50)
        for slug, i in ours:
            self.assertEqual(set(i), keys, (slug, i["id"]))
            self.assertEqual(set(i["links"]), set(cap[0]["links"]))
            self.assertEqual(set(i["repository"]), set(cap[0]["repository"]))
            self.assertEqual(set(i["content"]), set(cap[0]["content"]))
            self.assertEqual(i["repository"]["full_name"], "acme/" + slug)
            self.assertTrue(i["links"]["html"]["href"].startswith(
                "https://bitbucket.org/acme/%s/issues/%d/" % (slug, i["id"])))
        self.assert_types_within(types_by_path([i for _, i in ours]),
                                 types_by_path(cap + cap2), "issue")
        spec = spec_props("issue")
        self.assertEqual(keys - spec, {"watches"})  # captured, not in the spec
        with open(SPEC, encoding="utf-8") as f:
            enums = json.load(f)["components"]["schemas"]["issue"]["allOf"][1]["properties"]
        for _, i in ours:
            for k in ("state", "kind", "priority"):
                self.assertIn(i[k], enums[k]["enum"])
        # A deleted reporter, and issues with milestones/components/versions.
        self.assertTrue(any(i["reporter"]["display_name"] == "Former user"
                            for _, i in ours))
        for k in ("milestone", "component", "version"):
            refs = [i[k] for _, i in ours if i[k]]
            self.assertTrue(refs, k)
            for ref in refs:
                self.assertEqual(set(ref), spec_props(k))
                self.assertEqual(ref["type"], k)

    def test_tracker_lists_shapes(self):
        slug = self.tracked[0]
        n = 0
        for kind in ("component", "milestone", "version"):
            for slug in self.tracked:
                for o in self.get(R + slug + "/%ss?pagelen=100" % kind)["values"]:
                    self.assertEqual(set(o), spec_props(kind))
                    self.assertEqual(o["type"], kind)
                    self.assertIsInstance(o["id"], int)
                    n += 1
        self.assertGreater(n, 10)
        comments = changes = attachments = 0
        for slug, i in self.all_issues():
            base = R + slug + "/issues/%d/" % i["id"]
            for c in self.get(base + "comments?pagelen=100")["values"]:
                self.assertTrue(set(c) <= spec_props("issue_comment"), set(c))
                self.assertEqual(c["type"], "issue_comment")
                self.assertEqual(c["issue"]["id"], i["id"])
                comments += 1
            lst = self.get(base + "changes?pagelen=100")["values"]
            self.assertEqual([x["created_on"] for x in lst],
                             sorted(x["created_on"] for x in lst))
            for x in lst:
                # The spec's example has `id`, its schema does not.
                self.assertEqual(set(x) - spec_props("issue_change"), {"id"})
                self.assertEqual(set(x["changes"]) - {"state", "priority"}, set())
                for v in x["changes"].values():
                    self.assertEqual(set(v), {"old", "new"})
                changes += 1
            for a in self.get(base + "attachments")["values"]:
                self.assertEqual(set(a), {"type", "name", "links"})
                self.assertTrue(a["links"]["self"]["href"].endswith(
                    "/attachments/" + a["name"]))
                attachments += 1
            if comments > 20 and changes > 10 and attachments > 5:
                break
        self.assertGreater(comments, 20)
        self.assertGreater(changes, 10)
        self.assertGreater(attachments, 5)

    def test_issue_paging_and_bbql(self):
        big = max(self.tracked, key=lambda s: len(self.issues_of(s)))
        vals, pages = self.emu.all_pages(R + big + "/issues?pagelen=10")
        self.assertGreater(len(vals), 40)
        self.assertEqual(pages, (len(vals) + 9) // 10)
        self.assertEqual(len({i["id"] for i in vals}), len(vals))
        d = self.get(R + big + "/issues")
        self.assertEqual(d["pagelen"], 20)
        self.assertIn("next", d)
        new = [i for i in vals if i["state"] == "new"]
        got = self.emu.all_pages(R + big + "/issues?q=" + q('state = "new"'))[0]
        self.assertEqual({i["id"] for i in got}, {i["id"] for i in new})
        got = self.get(R + big + "/issues?pagelen=100&sort=-id")["values"]
        self.assertEqual([i["id"] for i in got],
                         sorted((i["id"] for i in vals), reverse=True))
        # q on a tracker whose list is empty is still a valid query.
        empty = next(s for s in self.tracked if not self.issues_of(s))
        self.assertEqual(self.get(R + empty + "/issues?q=" + q('state = "new"'))
                         ["values"], [])
        self.get(R + big + "/issues?q=" + q("nosuch = 1"), 400)

    # -- pipelines -----------------------------------------------------------
    def pipelines(self, slug):
        d = self.get(R + slug + "/pipelines?pagelen=100")
        self.assertNotIn("next", d)
        self.assertEqual(d["size"], len(d["values"]))
        return d["values"]

    def test_pipeline_shape_matches_captures(self):
        cap = fixture("atlassian-api_atlassian-python-api/pipelines_page1.json")
        cap_p = cap["values"][0]
        part = fixture_values("apache_incubator-devlake/pipelines_fields_q_sort.json")
        with_pipes = [s for s in self.repos if self.pipelines(s)]
        self.assertTrue(6 <= len(with_pipes) <= 10, with_pipes)
        ours = [p for s in with_pipes for p in self.pipelines(s)]
        spec = spec_props("pipeline")
        for p in ours:
            keys = set(p)
            want = set(cap_p)
            if p["state"]["name"] != "COMPLETED":
                want.discard("completed_on")
            self.assertEqual(keys, want, p["uuid"])
            self.assertTrue(keys - {"run_number", "duration_in_seconds",
                                    "first_successful", "expired",
                                    "has_variables"} <= spec)
            self.assertEqual(set(p["target"]) | {"selector"},
                             set(cap_p["target"]))
            self.assertEqual(set(p["repository"]), set(cap_p["repository"]))
            self.assertEqual(set(p["links"]), set(cap_p["links"]))
            self.assertRegex(p["uuid"], r"^\{[0-9a-f-]{36}\}$")
            for k in ("created_on", "completed_on"):
                if k in p:
                    self.assertRegex(p[k], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$")
        self.assert_types_within(types_by_path(ours),
                                 types_by_path([cap_p] + part), "pipeline")
        # Every state the captures show, and 9 fraction digits somewhere.
        names = {(p["state"]["name"], (p["state"].get("result") or
                                       p["state"].get("stage") or {}).get("name"))
                 for p in ours}
        for want in [("COMPLETED", "SUCCESSFUL"), ("COMPLETED", "FAILED"),
                     ("COMPLETED", "STOPPED"), ("IN_PROGRESS", "RUNNING"),
                     ("PENDING", None)]:
            self.assertIn(want, names)
        for p in ours:
            st = p["state"]
            if "result" in st:
                self.assertEqual(st["result"]["type"], "pipeline_state_completed_"
                                 + st["result"]["name"].lower())
            if st["result" if "result" in st else "name"] and \
                    st.get("result", {}).get("name") == "STOPPED":
                self.assertEqual(set(st["result"]["terminator"]),
                                 set(cap_p["state"]["result"]["terminator"]))
        self.assertTrue(any(re.search(r"\.\d{9}Z$", p["created_on"]) for p in ours))
        self.assertTrue(any(re.search(r"\.\d{3}Z$", p["created_on"]) for p in ours))

    def test_pipeline_paging_without_next(self):
        allp = self.pipelines("platform-api")
        self.assertEqual(len(allp), 30)
        seen = []
        for page in (1, 2, 3, 4):
            d = self.get(R + "platform-api/pipelines?pagelen=10&page=%d" % page)
            self.assertNotIn("next", d)
            self.assertEqual((d["page"], d["pagelen"], d["size"]), (page, 10, 30))
            seen += [p["uuid"] for p in d["values"]]
        self.assertEqual(seen, [p["uuid"] for p in allp])
        d = self.get(R + "platform-api/pipelines")
        self.assertEqual((d["pagelen"], len(d["values"])), (10, 10))
        self.assertEqual(self.get(R + "platform-api/pipelines?pagelen=500")["pagelen"], 100)
        self.get(R + "platform-api/pipelines?pagelen=x", 400)
        self.get(R + "platform-api/pipelines?page=0", 400)
        # Oldest first by default; sort= reverses; q= is not the filter here.
        self.assertEqual([p["build_number"] for p in allp], list(range(1, 31)))
        d = self.get(R + "platform-api/pipelines?pagelen=100&sort=-created_on")
        self.assertEqual([p["build_number"] for p in d["values"]],
                         list(range(30, 0, -1)))
        self.get(R + "platform-api/pipelines?sort=nosuch", 400)
        d = self.get(R + "platform-api/pipelines?pagelen=100&q=" + q('state.name = "X"'))
        self.assertEqual(d["size"], 30)
        # fields= still applies; a repository without pipelines lists none.
        d = self.get(R + "platform-api/pipelines?fields=values.uuid,size")
        self.assertEqual(set(d), {"values", "size"})
        self.assertEqual(set(d["values"][0]), {"uuid"})
        empty = next(s for s in self.repos if not self.pipelines(s))
        self.assertEqual(self.get(R + empty + "/pipelines")["values"], [])

    def test_pipeline_query_parameters(self):
        allp = self.pipelines("platform-api")

        def ids(query):
            d = self.get(R + "platform-api/pipelines?pagelen=100&" + query)
            return [p["build_number"] for p in d["values"]]

        def want(pred):
            return [p["build_number"] for p in allp if pred(p)]

        res = lambda p: p["state"].get("result", {}).get("name")  # noqa: E731
        self.assertTrue(want(lambda p: res(p) == "FAILED"))
        self.assertEqual(ids("status=FAILED"), want(lambda p: res(p) == "FAILED"))
        self.assertEqual(ids("status=PASSED"), want(lambda p: res(p) == "SUCCESSFUL"))
        self.assertEqual(ids("status=FAILED&status=ERROR"),
                         want(lambda p: res(p) in ("FAILED", "ERROR")))
        self.assertEqual(ids("status=IN_PROGRESS"),
                         want(lambda p: p["state"]["name"] == "IN_PROGRESS"))
        self.assertEqual(ids("target.branch=release%2F2.0"),
                         want(lambda p: p["target"]["ref_name"] == "release/2.0"
                              and p["target"]["ref_type"] == "branch"))
        self.assertEqual(ids("target.ref_type=tag"),
                         want(lambda p: p["target"]["ref_type"] == "tag"))
        self.assertEqual(ids("trigger_type=MANUAL"),
                         want(lambda p: p["trigger"]["name"] == "MANUAL"))
        self.assertEqual(ids("target.selector.type=custom"),
                         want(lambda p: p["target"]["selector"]["type"] == "custom"))
        h = allp[3]["target"]["commit"]["hash"]
        self.assertEqual(ids("target.commit.hash=" + h),
                         want(lambda p: p["target"]["commit"]["hash"] == h))
        u = allp[0]["creator"]["uuid"]
        self.assertEqual(ids("creator.uuid=" + q(u)),
                         want(lambda p: p["creator"]["uuid"] == u))
        one = self.get(R + "platform-api/pipelines/" + q(allp[0]["uuid"]))
        self.assertEqual(one, allp[0])

    def test_steps_shape(self):
        cap = fixture_values("apache_incubator-devlake/pipeline_steps_values.json")
        spec = spec_props("pipeline_step")
        n = 0
        for p in self.pipelines("platform-api") + self.pipelines("web-frontend"):
            d = self.get(R + "%s/pipelines/%s/steps" % (
                p["repository"]["name"], q(p["uuid"])))
            self.assertNotIn("next", d)
            if p["state"]["name"] == "PENDING":
                self.assertEqual(d["values"], [])
            for s in d["values"]:
                n += 1
                self.assertEqual(s["pipeline"]["uuid"], p["uuid"])
                self.assertTrue(set(cap[0]) - {"started_on", "completed_on"}
                                <= set(s), set(cap[0]) - set(s))
                self.assertTrue(set(s) <= spec | set(cap[0]), set(s) - spec)
                if s["state"]["name"] == "COMPLETED" and \
                        s["state"]["result"]["name"] != "NOT_RUN":
                    self.assertIn("completed_on", s)
                if s["state"]["name"] == "PENDING":
                    self.assertNotIn("started_on", s)
                self.assert_types_within(types_by_path([s]), types_by_path(cap), "step")
        self.assertGreater(n, 40)

    def test_config_lists(self):
        for path, kind in (("pipelines_config/variables", "pipeline_variable"),
                           ("pipelines_config/schedules", "pipeline_schedule"),
                           ("pipelines-config/caches", "pipeline_cache")):
            got = []
            for slug in self.repos:
                d = self.get(R + slug + "/" + path)
                self.assertNotIn("next", d)
                got += d["values"]
            self.assertTrue(got, path)
            for o in got:
                self.assertEqual(o["type"], kind)
                self.assertTrue(set(o) <= spec_props(kind), set(o) - spec_props(kind))
                if kind == "pipeline_variable":
                    self.assertEqual("value" in o, not o["secured"])
        scheds = self.get(R + "platform-api/pipelines_config/schedules")["values"]
        allp = {p["uuid"]: p for p in self.pipelines("platform-api")}
        for s in scheds:
            ex = self.get(R + "platform-api/pipelines_config/schedules/%s/executions"
                          % q(s["uuid"]))["values"]
            for e in ex:
                if e["type"] == "pipeline_schedule_execution_executed":
                    p = allp[e["pipeline"]["uuid"]]
                    self.assertEqual(p["trigger"]["name"], "SCHEDULE")
                    self.assertEqual(p["target"]["selector"], s["target"]["selector"])
                else:
                    self.assertEqual(e["type"], "pipeline_schedule_execution_errored")
                    self.assertEqual(set(e["error"]), {"type", "key", "message"})

    # -- deployments ---------------------------------------------------------
    def test_deployments(self):
        cap = fixture_values("apache_incubator-devlake/deployments_values.json")
        envs = self.get(R + "platform-api/environments")["values"]
        self.assertEqual([e["name"] for e in envs], ["Test", "Staging", "Production"])
        for e in envs:
            self.assertTrue(spec_props("deployment_environment") <= set(e))
            self.get(R + "platform-api/deployments_config/environments/%s/variables"
                     % q(e["uuid"]))
        steps_cache = {}
        n = 0
        for slug in ("platform-api", "web-frontend", "data-pipeline"):
            vals, _ = self.emu.all_pages(R + slug + "/deployments?pagelen=10")
            env_ids = {e["uuid"] for e in self.get(R + slug + "/environments")["values"]}
            for d in vals:
                n += 1
                # Every path the capture has, with the same types.
                self.assertTrue(set(types_by_path(cap)) <= set(types_by_path([d])),
                                set(types_by_path(cap)) - set(types_by_path([d])))
                self.assert_types_within(types_by_path([d]), types_by_path(cap),
                                         "deployment")
                self.assertTrue(spec_props("deployment") <= set(d))
                self.assertIn(d["environment"]["uuid"], env_ids)
                pu = d["release"]["pipeline"]["uuid"]
                if pu not in steps_cache:
                    steps_cache[pu] = self.get(R + "%s/pipelines/%s/steps"
                                               % (slug, q(pu)))["values"]
                self.assertIn(d["step"]["uuid"], [s["uuid"] for s in steps_cache[pu]])
        self.assertGreater(n, 5)
        self.assertEqual(self.get(R + "scratchpad/deployments")["values"], [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
