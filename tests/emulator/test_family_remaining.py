#!/usr/bin/env python3
"""Self-test of the emulator's remaining collections (families/remaining.py):
a user's SSH and GPG keys and pipeline variables, a user's pull requests
across a workspace, the pull requests of a commit, repository runners and
known hosts, and the root directory of the main branch (/src).

    python3 tests/emulator/test_family_remaining.py

Starts server.py on port 0 and checks the objects against the spec (its
schemas and examples), paging, the endpoints' parameters and the errors.
"""
import os
import sys
import unittest
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from test_emulator import ApiCase, BASIC  # noqa: E402
from test_family_workspace import Spec, TYPES, jtype  # noqa: E402
STATES = ("OPEN", "MERGED", "DECLINED", "SUPERSEDED")
ALL_STATES = "&".join("state=" + s for s in STATES)


def q(s):
    return urllib.parse.quote(s, safe="")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **kw):
        return None


class RemainingTest(ApiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spec = Spec()
        cls.me = cls.get(cls, "/user")

    def all_numbered(self, path, pagelen):
        """The pipelines service's paging: no next, page until size."""
        sep = "&" if "?" in path else "?"
        out, page = [], 1
        while True:
            p = self.get("%s%spagelen=%d&page=%d" % (path, sep, pagelen, page))
            self.assertNotIn("next", p)
            out += p["values"]
            if len(out) >= p["size"] or not p["values"]:
                return out
            page += 1

    def in_spec(self, obj, schema, where):
        props = self.spec.props(schema)
        for k, v in obj.items():
            self.assertIn(k, props, "%s: %s not in the spec" % (where, k))
            p = self.spec.res(props[k])
            t = p.get("type") or ("object" if self.spec.props(p) else None)
            if v is not None and t in TYPES:
                self.assertEqual(jtype(v), TYPES[t], "%s.%s" % (where, k))

    def example(self, path):
        g = self.spec.s["paths"][path]["get"]
        c = g["responses"]["200"]["content"]["application/json"]
        return c["examples"]["response"]["value"]["values"][0]

    def other_person(self):
        """Another account than the demo user: a pull-request author."""
        for r in self.all("/repositories/acme")[:10]:
            for pr in self.all("/repositories/acme/%s/pullrequests?%s" % (r["slug"], ALL_STATES), 50):
                a = pr["author"]
                if a["uuid"] != self.me["uuid"] and "account_id" in a:
                    return a
        self.fail("no other author")

    # -- users -------------------------------------------------------------
    def test_ssh_keys(self):
        path = "/users/{selected_user}/ssh-keys"
        keys = self.all("/users/%s/ssh-keys" % q(self.me["uuid"]))
        self.assertGreaterEqual(len(keys), 2)
        want = set(self.example(path))
        for k in keys:
            self.assertEqual(set(k), want)
            self.in_spec(k, self.spec.item_schema(path), "ssh_key")
            self.assertEqual(k["type"], "ssh_key")
            self.assertEqual(k["owner"]["uuid"], self.me["uuid"])
            self.assertTrue(k["key"].startswith("ssh-"))
        # By account id too, and paged.
        self.assertEqual(self.all("/users/%s/ssh-keys" % self.me["account_id"], 1), keys)
        self.assertEqual(len({k["uuid"] for k in keys}), len(keys))

    def test_gpg_keys_hidden_fields(self):
        path = "/users/{selected_user}/gpg-keys"
        u = q(self.me["uuid"])
        keys = self.all("/users/%s/gpg-keys" % u)
        self.assertTrue(keys)
        want = set(self.example(path))
        for k in keys:
            self.assertEqual(set(k), want)  # no key, no subkeys by default
            self.in_spec(k, self.spec.item_schema(path), "gpg_key")
            self.assertIsNone(k["parent_fingerprint"])
        full = self.all("/users/%s/gpg-keys?fields=%%2Bvalues.key,%%2Bvalues.subkeys" % u)
        self.assertEqual([k["fingerprint"] for k in full], [k["fingerprint"] for k in keys])
        for k in full:
            self.assertIn("BEGIN PGP PUBLIC KEY BLOCK", k["key"])
            for s in k["subkeys"]:
                self.assertEqual(s["parent_fingerprint"], k["fingerprint"])
        self.assertTrue(any(k["subkeys"] for k in full))

    def test_user_variables(self):
        path = "/users/{selected_user}/pipelines_config/variables"
        vs = self.all_numbered("/users/%s/pipelines_config/variables" % q(self.me["uuid"]), 1)
        self.assertGreaterEqual(len(vs), 2)
        for v in vs:
            self.in_spec(v, self.spec.item_schema(path), "pipeline_variable")
            self.assertEqual("value" in v, not v["secured"])

    def test_user_errors(self):
        other = self.other_person()
        for tail in ("ssh-keys", "gpg-keys", "pipelines_config/variables"):
            self.assertEqual(self.status("/users/%s/%s" % (q("{00000000-0000-4000-8000-000000000000}"), tail)), 404)
            self.assertEqual(self.status("/users/nobody-here/%s" % tail), 404)
            self.assertEqual(self.status("/users/%s/%s" % (q(other["uuid"]), tail)), 403)

    # -- a user's pull requests ---------------------------------------------
    def test_user_pullrequests(self):
        expected = {}
        for r in self.all("/repositories/acme"):
            for pr in self.all("/repositories/acme/%s/pullrequests?%s" % (r["slug"], ALL_STATES), 50):
                if pr["author"]["uuid"] == self.me["uuid"]:
                    expected[(pr["destination"]["repository"]["full_name"], pr["id"])] = pr
        self.assertTrue(expected)
        for ident in (self.me["uuid"], self.me["account_id"], self.me["username"]):
            got = self.all("/workspaces/acme/pullrequests/%s?%s" % (q(ident), ALL_STATES), 50)
            self.assertEqual({(p["destination"]["repository"]["full_name"], p["id"]): p for p in got},
                             expected, ident)
        # Default: OPEN only; state= repeated; updated_on descending.
        opened = self.all("/workspaces/acme/pullrequests/%s" % q(self.me["uuid"]), 50)
        self.assertEqual(len(opened), sum(p["state"] == "OPEN" for p in expected.values()))
        self.assertTrue(all(p["state"] == "OPEN" for p in opened))
        self.assertEqual([p["updated_on"] for p in opened],
                         sorted((p["updated_on"] for p in opened), reverse=True))
        mixed = self.all("/workspaces/acme/pullrequests/%s?state=MERGED&state=DECLINED"
                         % q(self.me["uuid"]), 50)
        self.assertEqual(len(mixed), sum(p["state"] in ("MERGED", "DECLINED") for p in expected.values()))
        # Reviewers and participants only on request, as the repository list.
        one = self.get("/workspaces/acme/pullrequests/%s?%s&pagelen=1" % (q(self.me["uuid"]), ALL_STATES))
        self.assertNotIn("reviewers", one["values"][0])
        one = self.get("/workspaces/acme/pullrequests/%s?%s&pagelen=1&fields=%%2Bvalues.reviewers"
                       % (q(self.me["uuid"]), ALL_STATES))
        self.assertIn("reviewers", one["values"][0])
        # The objects are the repository list's own (the core data's).
        self.assertIn(one["values"][0], [dict(p, reviewers=one["values"][0]["reviewers"])
                                         for p in expected.values()])
        self.assertEqual(self.status("/workspaces/acme/pullrequests/%s?pagelen=51" % q(self.me["uuid"])), 400)
        self.assertEqual(self.status("/workspaces/acme/pullrequests/nobody-here"), 404)
        self.assertEqual(self.status("/workspaces/no-such-ws/pullrequests/%s" % q(self.me["uuid"])), 404)
        other = self.other_person()
        theirs = self.all("/workspaces/acme/pullrequests/%s?%s" % (q(other["uuid"]), ALL_STATES), 50)
        self.assertTrue(theirs)
        self.assertTrue(all(p["author"]["uuid"] == other["uuid"] for p in theirs))

    # -- a commit's pull requests ---------------------------------------------
    def test_commit_pullrequests(self):
        base = "/repositories/acme/platform-api"
        repo_prs = {p["id"]: p for p in self.all(base + "/pullrequests?" + ALL_STATES, 50)}
        commits = self.all(base + "/commits")
        found = 0
        for c in commits:
            prs = self.all("%s/commit/%s/pullrequests" % (base, c["hash"]), 50)
            found += len(prs)
            for p in prs:
                self.assertEqual(p, repo_prs[p["id"]])
        self.assertGreater(found, 10)
        with_prs = next(c["hash"] for c in commits
                        if self.get("%s/commit/%s/pullrequests" % (base, c["hash"]))["values"])
        page = self.get("%s/commit/%s/pullrequests" % (base, with_prs))
        self.assertEqual(page["pagelen"], 30)  # the spec's default
        # An abbreviated hash names the same commit.
        self.assertEqual(self.all("%s/commit/%s/pullrequests" % (base, with_prs[:12]), 50),
                         self.all("%s/commit/%s/pullrequests" % (base, with_prs), 50))
        self.assertEqual(self.status("%s/commit/%s/pullrequests?pagelen=51" % (base, with_prs)), 400)
        self.assertEqual(self.status(base + "/commit/%s/pullrequests" % ("0" * 40)), 404)
        self.assertEqual(self.status("/repositories/acme/nope/commit/%s/pullrequests" % with_prs), 404)

    # -- pipelines configuration ----------------------------------------------
    def test_runners_and_known_hosts(self):
        runners, hosts = [], []
        for r in self.all("/repositories/acme"):
            runners += self.all("/repositories/acme/%s/pipelines-config/runners" % r["slug"])
            hosts += self.all_numbered("/repositories/acme/%s/pipelines_config/ssh/known_hosts"
                                       % r["slug"], 1)
        self.assertTrue(runners)
        self.assertTrue(hosts)
        rs = self.spec.item_schema("/repositories/{workspace}/{repo_slug}/pipelines-config/runners")
        for x in runners:
            self.in_spec(x, rs, "runner")
            self.in_spec(x["state"], self.spec.props(rs)["state"], "runner.state")
        hs = self.spec.item_schema("/repositories/{workspace}/{repo_slug}/pipelines_config/ssh/known_hosts")
        for h in hosts:
            self.in_spec(h, hs, "known_host")
            self.in_spec(h["public_key"], self.spec.props(hs)["public_key"], "known_host.public_key")
        self.assertEqual(len({x["uuid"] for x in runners}), len(runners))
        self.assertEqual(self.status("/repositories/acme/nope/pipelines-config/runners"), 404)
        self.assertEqual(self.status("/repositories/acme/nope/pipelines_config/ssh/known_hosts"), 404)

    # -- the source tree -------------------------------------------------------
    def test_src_redirects_to_main_head(self):
        opener = urllib.request.build_opener(NoRedirect)
        req = urllib.request.Request(self.base + "/repositories/acme/platform-api/src?pagelen=2",
                                     headers={"Authorization": BASIC})
        with self.assertRaises(urllib.error.HTTPError) as cm:
            opener.open(req)
        self.assertEqual(cm.exception.code, 302)
        main = self.get("/repositories/acme/platform-api")["mainbranch"]["name"]
        head = next(b for b in self.all("/repositories/acme/platform-api/refs/branches")
                    if b["name"] == main)["target"]["hash"]
        self.assertEqual(cm.exception.headers["Location"],
                         "/2.0/repositories/acme/platform-api/src/%s/?pagelen=2" % head)
        cm.exception.close()
        # Followed, the listing of that commit's root.
        entries = self.all("/repositories/acme/platform-api/src", 1)
        self.assertEqual(entries, self.all("/repositories/acme/platform-api/src/%s/" % head))
        self.assertEqual(entries, self.all("/repositories/acme/platform-api/src/%s/" % main))
        self.assertTrue(entries)
        names = [e["path"] + ("/" if e["type"] == "commit_directory" else "") for e in entries]
        self.assertEqual(names, sorted(names))
        self.assertIn("README.md", names)
        for e in entries:
            self.assertEqual(e["commit"]["hash"], head)
            self.assertNotIn("/", e["path"])
            self.assertIn(e["type"], ("commit_file", "commit_directory"))
            sch = "commit_file" if e["type"] == "commit_file" else "treeentry"
            # attributes: a list, as the spec's own examples give it (its
            # schema says a string); size and mimetype: as the real service.
            self.in_spec({k: v for k, v in e.items()
                          if k not in ("size", "mimetype", "links", "attributes")},
                         {"$ref": "#/components/schemas/" + sch}, e["path"])
            if e["type"] == "commit_file":
                self.assertEqual(e["escaped_path"], e["path"])
                self.assertIsInstance(e["size"], int)
                self.assertIsInstance(e["attributes"], list)

    def test_src_errors(self):
        self.assertEqual(self.status("/repositories/acme/empty-repo/src"), 404)
        self.assertEqual(self.status("/repositories/acme/nope/src"), 404)
        self.assertEqual(self.status("/repositories/acme/platform-api/src/%s/" % ("0" * 40)), 404)


if __name__ == "__main__":
    unittest.main(verbosity=2)
