#!/usr/bin/env python3
"""Self-test of the workspace, project, snippet, user and repository-settings
endpoints of the emulator (families/workspace.py, families/settings.py).

    python3 tests/emulator/test_family_workspace.py

Starts server.py on port 0 and checks the objects key by key against the
captured fixtures (where one exists) and the OpenAPI spec, paging, the
endpoints' own query parameters and the 404s.
"""
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIX = os.path.join(ROOT, "tests", "fixtures", "bitbucket")
SPEC = os.path.join(ROOT, "tests", "fixtures", "openapi.json")
sys.path.insert(0, HERE)
from test_emulator import ApiCase, Emu  # noqa: E402


def fixture(path):
    with open(os.path.join(FIX, path), encoding="utf-8") as f:
        d = json.load(f)
    return d.get("body", d)


def jtype(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(v)]


class Spec:
    def __init__(self):
        with open(SPEC, encoding="utf-8") as f:
            self.s = json.load(f)

    def res(self, r):
        while "$ref" in r:
            o = self.s
            for x in r["$ref"].lstrip("#/").split("/"):
                o = o[x]
            r = o
        return r

    def props(self, sch):
        sch = self.res(sch)
        out = {}
        for a in sch.get("allOf", []):
            out.update(self.props(a))
        out.update(sch.get("properties", {}))
        return out

    def item_schema(self, path):
        g = self.s["paths"][path]["get"]
        sch = self.res(g["responses"]["200"])["content"]["application/json"]["schema"]
        return self.res(self.props(sch)["values"])["items"]

    def params(self, path):
        g = self.s["paths"][path]["get"]
        return {self.res(p)["name"] for p in g.get("parameters", []) +
                self.s["paths"][path].get("parameters", [])}


TYPES = {"string": "string", "boolean": "boolean", "integer": "number",
         "number": "number", "array": "array", "object": "object"}


class FamilyTest(ApiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spec = Spec()

    # -- helpers ------------------------------------------------------------
    def same_shape(self, got, want, where):
        """Same keys and JSON types as a captured object, recursively
        (nulls and empty lists in the capture accept any type)."""
        self.assertEqual(set(got), set(want), where)
        for k, w in want.items():
            g = got[k]
            if w is None or (isinstance(w, list) and not w) or g is None:
                continue
            self.assertEqual(jtype(g), jtype(w), "%s.%s" % (where, k))
            if isinstance(w, dict) and k != "links":
                self.same_shape(g, w, "%s.%s" % (where, k))
            if isinstance(w, list) and isinstance(w[0], dict) and g:
                self.same_shape(g[0], w[0], "%s.%s[]" % (where, k))

    def in_spec(self, obj, schema, where):
        """Every key is a property of the spec's schema, with its type."""
        props = self.spec.props(schema)
        for k, v in obj.items():
            self.assertIn(k, props, "%s: %s not in the spec" % (where, k))
            p = self.spec.res(props[k])
            t = p.get("type") or ("object" if self.spec.props(p) else None)
            if v is not None and t in TYPES:
                self.assertEqual(jtype(v), TYPES[t], "%s.%s" % (where, k))

    def first(self, fmt, key):
        """The first object of a per-repository list that has any."""
        for r in self.all("/repositories/acme"):
            vals = self.all(fmt % r["slug"])
            if vals:
                return r, vals
        self.fail("no %s anywhere" % key)

    # -- workspace level ----------------------------------------------------
    def test_members_and_permissions(self):
        mem = self.all("/workspaces/acme/members")
        perms = self.all("/workspaces/acme/permissions")
        self.assertEqual(len(mem), 12)
        self.assertEqual([m["user"]["uuid"] for m in mem], [p["user"]["uuid"] for p in perms])
        sch = self.spec.item_schema("/workspaces/{workspace}/members")
        for m in mem:
            self.in_spec(m, sch, "membership")
            self.assertEqual(m["workspace"]["slug"], "acme")
        for p in perms:
            self.assertEqual(set(p), {"type", "permission", "last_accessed", "added_on",
                                      "user", "workspace"})
            self.assertIn(p["permission"], ("owner", "collaborator", "member"))
        me = self.get("/user")
        self.assertEqual(perms[0]["user"]["uuid"], me["uuid"])
        self.assertEqual(perms[0]["permission"], "owner")
        owners = self.all('/workspaces/acme/permissions?q=permission%3D%22owner%22')
        self.assertEqual(owners, [p for p in perms if p["permission"] == "owner"])
        self.assertEqual(len(self.all("/workspaces/globex/members")), 5)

    def test_paging(self):
        full = self.all("/workspaces/acme/members")
        page = self.get("/workspaces/acme/members?pagelen=5")
        self.assertEqual(page["size"], 12)
        self.assertEqual(len(page["values"]), 5)
        self.assertIn("next", page)
        self.assertEqual(self.all("/workspaces/acme/members", pagelen=5), full)
        last = self.get("/workspaces/acme/members?pagelen=5&page=3")
        self.assertNotIn("next", last)
        self.assertEqual(len(last["values"]), 2)
        rp = self.all("/workspaces/acme/permissions/repositories", pagelen=100)
        self.assertEqual(len(rp), self.get("/workspaces/acme/permissions/repositories")["size"])
        self.assertGreater(len(rp), 130)

    def test_repository_permissions_shape(self):
        want = fixture("codecov_shared/user_permissions_repositories.json")["values"][0]
        mine = self.all("/user/permissions/repositories")
        self.assertEqual(len(mine), 135)
        for o in mine[:20] + self.all("/workspaces/globex/permissions/repositories"):
            self.same_shape(o, want, "repository_permission")
        me = self.get("/user")["uuid"]
        self.assertTrue(all(o["user"]["uuid"] == me for o in mine))
        got = self.all('/workspaces/acme/permissions/repositories?q=repository.name%3D%22platform-api%22')
        self.assertTrue(got)
        self.assertTrue(all(o["repository"]["name"] == "platform-api" for o in got))
        # The same grants as the repository's own permissions-config.
        cfg = self.all("/repositories/acme/platform-api/permissions-config/users")
        self.assertEqual(sorted((o["user"]["uuid"], o["permission"]) for o in cfg),
                         sorted((o["user"]["uuid"], o["permission"]) for o in got))
        srt = self.all("/user/permissions/repositories?sort=-repository.name")
        names = [o["repository"]["name"] for o in srt]
        self.assertEqual(names, sorted(names, reverse=True))

    def test_user_workspaces_permissions(self):
        got = self.all("/user/permissions/workspaces")
        self.assertEqual([o["workspace"]["slug"] for o in got], ["acme", "globex"])
        self.assertEqual([o["permission"] for o in got], ["owner", "member"])
        # permission, added_on, last_accessed: in the spec's example, not its schema.
        extra = ("permission", "added_on", "last_accessed")
        self.in_spec({k: v for k, v in got[0].items() if k not in extra},
                     self.spec.item_schema("/user/permissions/workspaces"), "membership")

    def test_webhooks_shape(self):
        want = fixture("drone_go-scm/hooks.json")["values"][0]
        extra = {"subject_type", "secret_set"}  # the spec's, not in the 2015 capture
        sch = self.spec.item_schema("/repositories/{workspace}/{repo_slug}/hooks")
        for h in self.all("/workspaces/acme/hooks"):
            self.assertEqual(set(h) - extra, set(want))
            self.assertEqual(h["subject_type"], "workspace")
            self.assertEqual(h["subject"]["slug"], "acme")
            self.assertTrue(h["created_at"].endswith("Z"))
        _, hooks = self.first("/repositories/acme/%s/hooks", "hooks")
        for h in hooks:
            self.same_shape({k: v for k, v in h.items() if k not in extra}, want, "webhook")
            self.assertEqual(h["subject_type"], "repository")
            self.assertIn(h["uuid"].replace("{", "%7B").replace("}", "%7D"),
                          h["links"]["self"]["href"])
            for k in extra:
                self.assertIn(k, self.spec.props(sch))

    def test_pipeline_variables(self):
        vs = self.all("/workspaces/acme/pipelines-config/variables")
        self.assertEqual([v["key"] for v in vs], ["DOCKER_REGISTRY", "SONAR_TOKEN", "DEPLOY_REGION"])
        sch = self.spec.item_schema("/workspaces/{workspace}/pipelines-config/variables")
        for v in vs:
            self.in_spec(v, sch, "pipeline_variable")
            self.assertEqual("value" in v, not v["secured"])

    def test_runners(self):
        rs = self.all("/workspaces/acme/pipelines-config/runners")
        self.assertEqual(len(rs), 3)
        sch = self.spec.item_schema("/workspaces/{workspace}/pipelines-config/runners")
        for r in rs:
            self.in_spec(r, sch, "pipeline_runner")
            self.in_spec(r["state"], self.spec.props(sch)["state"], "runner state")
            self.assertNotIn("secret", r["oauth_client"])  # only given once, at creation

    def test_user_workspace_repo_permissions(self):
        got = self.all("/user/workspaces/globex/permissions/repositories")
        self.assertEqual(sorted(o["repository"]["full_name"] for o in got),
                         sorted("globex/" + r["slug"] for r in self.all("/repositories/globex")))
        self.assertEqual(self.status("/user/workspaces/nope/permissions/repositories"), 404)

    # -- projects -------------------------------------------------------------
    def test_projects(self):
        ps = self.all("/workspaces/acme/projects")
        self.assertEqual([p["key"] for p in ps], ["PLAT", "WEB", "DATA", "OPS"])
        sch = self.spec.item_schema("/workspaces/{workspace}/projects")
        repo_proj = {r["project"]["uuid"] for r in self.all("/repositories/acme") if r.get("project")}
        for p in ps:
            self.in_spec(p, sch, "project")
            self.assertIn(p["uuid"], repo_proj)
            self.assertEqual(p["owner"]["type"], "team")
        glx = self.all("/workspaces/globex/projects")
        self.assertEqual([p["key"] for p in glx], ["GLX"])

    def test_project_lists(self):
        for key in ("PLAT", "WEB", "DATA", "OPS"):
            base = "/workspaces/acme/projects/%s" % key
            users = self.all(base + "/permissions-config/users")
            self.assertTrue(users)
            for u in users:
                self.assertEqual(set(u), {"type", "user", "permission", "links"})
                self.assertEqual(u["type"], "project_user_permission")
                self.assertIn(u["permission"], ("read", "write", "create-repo", "admin", "none"))
            for g in self.all(base + "/permissions-config/groups"):
                self.assertEqual(set(g), {"type", "group", "permission", "links"})
                self.assertEqual(set(g["group"]), {"type", "name", "slug"})
            for r in self.all(base + "/default-reviewers"):
                self.assertEqual(set(r), {"user", "reviewer_type", "type"})
                self.assertEqual(r["reviewer_type"], "project")
            for k in self.all(base + "/deploy-keys"):
                self.assertEqual(set(k), {"comment", "last_used", "links", "label", "project",
                                          "created_on", "key", "type", "id"})
                self.assertEqual(k["project"]["key"], key)
                self.assertTrue(k["key"].startswith("ssh-"))

    # -- snippets -------------------------------------------------------------
    def test_snippets(self):
        sn = self.all("/snippets/acme")
        self.assertEqual(len(sn), 4)
        self.assertEqual(len(self.all("/snippets/globex")), 1)
        sch = self.spec.item_schema("/snippets/{workspace}")
        commits_seen = comments_seen = 0
        for s in sn:
            # The spec types id as an integer; URLs use encoded ids (kypj).
            # links: real snippets have them; the spec's schema leaves them out.
            self.in_spec({k: v for k, v in s.items() if k not in ("id", "links")}, sch, "snippet")
            self.assertIsInstance(s["id"], str)
            commits = self.all("/snippets/acme/%s/commits" % s["id"])
            self.assertTrue(commits)
            commits_seen += len(commits)
            for c in commits:
                self.assertEqual(c["snippet"]["id"], s["id"])
                self.assertEqual(len(c["hash"]), 40)
            self.assertEqual(commits[-1]["parents"], [])
            for newer, older in zip(commits, commits[1:]):
                self.assertEqual(newer["parents"][0]["hash"], older["hash"])
            comments = self.all("/snippets/acme/%s/comments" % s["id"])
            comments_seen += len(comments)
            want = fixture("codecov_shared/pr_comment_created_201.json")
            for c in comments:
                self.assertEqual(set(c) - {"snippet"}, set(want) - {"pullrequest"})
                self.assertEqual(c["type"], "snippet_comment")
            for w in self.all("/snippets/acme/%s/watchers" % s["id"]):
                self.assertIn("display_name", w)
        self.assertGreater(comments_seen, 0)
        self.assertEqual(self.status("/snippets/acme?role=owner"), 200)
        self.assertEqual(self.status("/snippets/acme?role=boss"), 400)

    # -- repository settings ------------------------------------------------
    def test_branch_restrictions(self):
        want = fixture("atlassian-api_atlassian-python-api/branch_restrictions.json")["values"]
        r, brs = self.first("/repositories/acme/%s/branch-restrictions", "restrictions")
        for b in brs:
            keys = set(b) - {"branch_type"}
            self.assertEqual(keys, set(want[0]))
            self.assertEqual("branch_type" in b, b["branch_match_kind"] == "branching_model")
            if b["users"]:
                self.same_shape(b["users"][0], want[3]["users"][0], "restriction user")
        kind = brs[0]["kind"]
        got = self.all("/repositories/acme/%s/branch-restrictions?kind=%s" % (r["slug"], kind))
        self.assertEqual(got, [b for b in brs if b["kind"] == kind])
        self.assertIn("kind", self.spec.params("/repositories/{workspace}/{repo_slug}/branch-restrictions"))

    def test_reviewers(self):
        want = fixture("atlassian-api_atlassian-python-api/default_reviewers.json")["values"][0]
        r, revs = self.first("/repositories/acme/%s/default-reviewers", "reviewers")
        for u in revs:
            self.same_shape(u, want, "default reviewer")
        eff = self.all("/repositories/acme/%s/effective-default-reviewers" % r["slug"])
        own = [e["user"]["uuid"] for e in eff if e["reviewer_type"] == "repository"]
        self.assertEqual(own, [u["uuid"] for u in revs])
        proj = r["project"]["key"]
        from_proj = [e["user"]["uuid"] for e in
                     self.all("/workspaces/acme/projects/%s/default-reviewers" % proj)]
        for e in eff:
            self.assertEqual(set(e), {"user", "reviewer_type", "type"})
            if e["reviewer_type"] == "project":
                self.assertIn(e["user"]["uuid"], from_proj)

    def test_forks_and_watchers(self):
        want = fixture("jenkinsci_bitbucket-branch-source-plugin/repository.json")
        r, forks = self.first("/repositories/acme/%s/forks", "forks")
        for f in forks:
            self.assertEqual(set(f) - {"project"}, set(want) - {"project"})
            self.assertEqual(f["parent"]["uuid"], r["uuid"])
            self.assertNotEqual(f["uuid"], r["uuid"])
        got = self.all('/repositories/acme/%s/forks?q=uuid%%3D%%22%s%%22'
                       % (r["slug"], forks[0]["uuid"].replace("{", "%7B").replace("}", "%7D")))
        self.assertEqual(got, forks[:1])
        # q on a repository with no forks is not an error.
        self.assertEqual(self.all('/repositories/acme/empty-repo/forks?q=name%3D%22x%22'), [])
        _, ws = self.first("/repositories/acme/%s/watchers", "watchers")
        acc = fixture("atlassian-api_atlassian-python-api/default_reviewers.json")["values"][0]
        for w in ws:
            self.same_shape(w, acc, "watcher")

    def test_deploy_keys_and_permissions(self):
        _, keys = self.first("/repositories/acme/%s/deploy-keys", "deploy keys")
        for k in keys:
            self.assertEqual(set(k), {"id", "key", "label", "type", "created_on", "repository",
                                      "links", "last_used", "comment"})
            self.assertIsInstance(k["id"], int)
        _, groups = self.first("/repositories/acme/%s/permissions-config/groups", "groups")
        for g in groups:
            self.assertEqual(set(g), {"type", "group", "permission", "links"})
            self.assertTrue(g["links"]["self"]["href"].endswith("/" + g["group"]["slug"]))
        users = self.all("/repositories/globex/website/permissions-config/users")
        me = self.get("/user")["uuid"]
        self.assertEqual(users[0]["user"]["uuid"], me)
        self.assertIn(users[0]["permission"], ("read", "write"))

    # -- errors and determinism ------------------------------------------------
    def test_404s(self):
        for p in ("/workspaces/nope/members", "/workspaces/nope/projects",
                  "/workspaces/acme/projects/NOPE/default-reviewers",
                  "/workspaces/acme/projects/NOPE/permissions-config/users",
                  "/snippets/nope", "/snippets/acme/zzzz/comments",
                  "/repositories/acme/nope/hooks", "/repositories/nope/x/forks",
                  "/repositories/acme/nope/branch-restrictions",
                  "/repositories/acme/nope/permissions-config/groups"):
            self.assertEqual(self.status(p), 404, p)

    def test_deterministic(self):
        emu = Emu()
        try:
            other = emu.base + "/2.0"
            for p in ("/snippets/acme", "/workspaces/acme/permissions/repositories",
                      "/repositories/acme/web-frontend/branch-restrictions",
                      "/workspaces/acme/projects/PLAT/deploy-keys"):
                a = self.all(p)
                b = [v for v in self.all(other + p)]
                self.assertEqual(a, b, p)
        finally:
            emu.stop()


if __name__ == "__main__":
    unittest.main(verbosity=2)
