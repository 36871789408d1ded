#!/usr/bin/env python3
"""Every emulated endpoint behind a table, held to the spec and the captures.

    python3 tests/emulator/test_schema.py

For each table's @endpoint in sql/*.sql, the test finds one parent with
rows (following the table's @fanout up to the workspace `acme`), asks the
emulator for that page, and checks every object in it:

1. against the spec's response schema of that operation
   (tests/fixtures/openapi.json): $ref and allOf resolved, a subtype chosen
   by the object's `type` where the spec has one of that name; every key a
   property of the schema (or a known addition, listed below with the
   capture that shows it); every value of the property's type
   (string/integer/number/boolean/object/array), null only where the spec
   says nullable or a capture shows it null, enum values, date-time text;
2. against the captured fixture of the same endpoint where one exists
   (tests/fixtures/bitbucket): every key each captured object has is
   there, and keys both have agree in JSON type and nesting.

A negative self-check proves the checks fail on a wrong type, an unknown
key and a changed nesting. Where the emulator disagrees with the spec or
the captures, the emulator is wrong: fix tests/emulator/families/*.py.
"""
import json
import os
import re
import sys
import unittest
import urllib.error
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, HERE)
import gentables  # noqa: E402
from test_emulator import ApiCase  # noqa: E402
from test_family_workspace import FIX, SPEC  # noqa: E402

WORKSPACE = "acme"

# The captures of each table's endpoint (the same files test_json_rows.c
# maps to these tables; the 201 answers of writes are not GET pages).
CAPTURES = {
    "Workspaces": ["atlassian-api_atlassian-python-api/workspaces_page1.json"],
    "Repositories": ["jenkinsci_bitbucket-branch-source-plugin/repository.json",
                     "drone_go-scm/repos.json"],
    "PullRequests": [
        "jenkinsci_bitbucket-branch-source-plugin/pullrequests_list.json",
        "apache_incubator-devlake/pullrequests_page1_values.json"],
    "PullRequestActivity": ["danger_danger-js/pr_activity_values.json"],
    "PullRequestComments": [
        "apache_incubator-devlake/pr_comments_inline_values.json"],
    "PullRequestCommits": ["codecov_shared/pr_commits_page1.json",
                           "codecov_shared/pr_commits_page2.json"],
    "Commits": ["codecov_shared/commits_ctx_cursor_page1.json",
                "jenkinsci_bitbucket-branch-source-plugin/"
                "commits_include_exclude.json"],
    "CommitStatuses": ["drone_go-scm/statuses.json"],
    "Diffstats": ["drone_go-scm/diffstat.json"],
    "Branches": [
        "jenkinsci_bitbucket-branch-source-plugin/branches_pagelen_100.json"],
    "Tags": ["jenkinsci_bitbucket-branch-source-plugin/tags_pagelen_100.json"],
    "Refs": ["guyzmo_pybitbucket/Ref_list.json"],
    "Issues": ["apache_incubator-devlake/issues_values.json",
               "atlassian-api_atlassian-python-api/issues_list.json"],
    "Pipelines": ["atlassian-api_atlassian-python-api/pipelines_page1.json",
                  "apache_incubator-devlake/pipelines_fields_q_sort.json"],
    "PipelineSteps": ["apache_incubator-devlake/pipeline_steps_values.json"],
    "Deployments": ["apache_incubator-devlake/deployments_values.json"],
    "BranchRestrictions": [
        "atlassian-api_atlassian-python-api/branch_restrictions.json"],
    "DefaultReviewers": [
        "atlassian-api_atlassian-python-api/default_reviewers.json"],
    "Webhooks": ["drone_go-scm/hooks.json"],
    "CurrentUser": ["drone_go-scm/user.json"],
    "UserRepositoryPermissions": [
        "codecov_shared/user_permissions_repositories.json"],
}

# Endpoints that answer the same objects as a captured one.
PULLREQUESTS = CAPTURES["PullRequests"] + ["danger_danger-js/pullrequest.json"]
for _t in ("PullRequests", "PullRequestReviewers", "PullRequestParticipants",
           "UserPullRequests", "CommitPullRequests"):
    CAPTURES[_t] = PULLREQUESTS
CAPTURES["Forks"] = CAPTURES["Repositories"]
CAPTURES["PullRequestStatuses"] = CAPTURES["CommitStatuses"]

# Keys the real API sends that the spec's schema does not list, by the
# schema (or subtype) name, each shown by a capture.
KNOWN_ADDITIONS = {
    # pipeline_steps_values.json
    "pipeline_step": {"name", "trigger", "maxTime", "duration_in_seconds",
                      "build_seconds_used", "run_number", "pipeline", "type"},
    # pullrequests_list.json (summary), pullrequest.json (rendered)
    "pullrequest": {"summary", "rendered"},
    # pipelines_page1.json shows them on every pipeline.
    "pipeline": {"duration_in_seconds", "expired", "first_successful",
                 "has_variables", "run_number"},
    "pipeline_trigger": {"name"},
    # The /user/permissions/workspaces example shows them on the same
    # objects.
    "workspace_membership": {"added_on", "last_accessed"},
    # The keys the environments list answers (sql/deployments.sql reads
    # them); the spec's schema names only uuid and name.
    "deployment_environment": {"slug", "rank", "hidden",
                               "environment_type"},
    # drone_go-scm/hooks.json (a repository's; a workspace's hooks are the
    # same objects with a workspace as subject).
    "webhook_subscription": {"read_only", "skip_cert_verification",
                             "source"},
    # The /src listing's file entries, as its description shows them.
    "treeentry": {"attributes", "escaped_path", "mimetype", "size"},
}

# Where the spec itself is wrong, against the API's real answers: a
# snippet's id is its encoded id, a string ("kypj"), which the snippet's
# own URLs take as {encoded_id}.
# A report datum's value has the kind its `type` says (NUMBER, BOOLEAN,
# TEXT, LINK...), where the spec says object for all.
SPEC_ERRATA = {"$.id: string, spec says integer",
               "$.snippet.id: string, spec says integer",
               "$.data[].value: integer, spec says object",
               "$.data[].value: number, spec says object",
               "$.data[].value: boolean, spec says object",
               "$.data[].value: string, spec says object"}

# Tables whose endpoint's 200 answer the spec describes in words only.
NO_SCHEMA = {"PullRequestActivity", "PullRequestCommits"}

# Schemas the spec gives too few properties, and the schema whose
# properties they really have: a snippet comment is a comment (id,
# content, user, created_on...), though the spec lists only its links and
# snippet.
SUPERTYPES = {"snippet_comment": "comment"}

# Captured keys the API no longer sends (the emulator need not).
OBSOLETE = {"username"}

# Keys some captured objects of an endpoint have only by how they were
# chosen (devlake captured inline comments only).
OPTIONAL = {"inline",
            # a repository may have no project (personal workspaces before
            # projects were required); the emulator keeps a few such.
            "project"}

DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?"
                       r"(Z|[+-]\d\d:?\d\d)?$")


def jtype(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, float):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(v)]


def load_tables():
    tables = {}
    for name in sorted(os.listdir(os.path.join(ROOT, "sql"))):
        if name.endswith(".sql"):
            for t in gentables.parse_file(os.path.join(ROOT, "sql", name)):
                tables[t["name"]] = t
    return tables


def fixture_objects(path):
    """The objects of one capture, in any of its three forms."""
    with open(os.path.join(FIX, path), encoding="utf-8") as f:
        d = json.load(f)
    if isinstance(d, dict) and "pages" in d:
        return [o for p in d["pages"] for o in p["values"]]
    if isinstance(d, dict) and "_request" in d:
        d = d["body"]
    if isinstance(d, list):
        return d
    return d["values"] if "values" in d else [d]


class Schema:
    """The spec's schemas: resolution, subtypes, and the validation."""

    def __init__(self):
        with open(SPEC, encoding="utf-8") as f:
            self.spec = json.load(f)
        self.comps = self.spec["components"]["schemas"]

    def deref(self, s):
        """(name, schema) with $ref followed; name is the last ref's."""
        name = None
        while "$ref" in s:
            name = s["$ref"].rsplit("/", 1)[-1]
            s = self.comps[name]
        return name, s

    def flat(self, s):
        """The merged view of a schema: properties, types, enum,
        nullable, and the names of the schemas it extends."""
        name, s = self.deref(s)
        out = {"props": {}, "types": set(), "enum": None, "nullable": False,
               "names": {name} if name else set(), "format": None,
               "items": None}
        parts = s.get("allOf", [])
        if name in SUPERTYPES:
            parts = parts + [{"$ref": "#/components/schemas/" +
                              SUPERTYPES[name]}]
        for part in parts:
            sub = self.flat(part)
            out["props"].update(sub["props"])
            out["types"] |= sub["types"]
            out["names"] |= sub["names"]
            out["nullable"] |= sub["nullable"]
            out["items"] = out["items"] or sub["items"]
        out["props"].update(s.get("properties", {}))
        if "type" in s:
            out["types"].add(s["type"])
        out["enum"] = s.get("enum", out["enum"])
        out["nullable"] |= bool(s.get("nullable"))
        out["format"] = s.get("format")
        out["items"] = s.get("items", out["items"])
        if s.get("oneOf") or s.get("anyOf"):
            out["any"] = s.get("oneOf") or s.get("anyOf")
        return out

    def subtype(self, f, obj):
        """The schema named by obj's `type` when it extends f."""
        t = obj.get("type") if isinstance(obj, dict) else None
        if isinstance(t, str) and t in self.comps:
            sub = self.flat({"$ref": "#/components/schemas/" + t})
            if sub["names"] & f["names"] or not f["names"]:
                return sub
        return f

    def operation(self, endpoint, single):
        """The item schema of GET endpoint (a page's values, or the one
        object of a single-object endpoint), or None where the spec gives
        the answer no schema; and the objects of its examples."""
        pat = re.sub(r"\{\w+\}", "{}", endpoint)
        for path, ops in self.spec["paths"].items():
            if re.sub(r"\{\w+\}", "{}", path) != pat or "get" not in ops:
                continue
            _, r = self.deref(ops["get"]["responses"]["200"])
            body = r.get("content", {}).get("application/json")
            if not body:
                return None, []
            examples = []
            for ex in body.get("examples", {}).values():
                v = ex.get("value")
                if isinstance(v, dict) and not single:
                    v = v.get("values", [v])
                examples += v if isinstance(v, list) else [v]
            if single:
                return body["schema"], examples
            item = self.flat(body["schema"])["props"]["values"]["items"]
            return item, examples
        raise KeyError(endpoint)

    def validate(self, v, s, where, seen, errs, required=False):
        """Appends to errs each way v breaks schema s. seen: the key
        paths the captures of the endpoint show (the API's real
        behaviour, which wins over the spec) and "null:"-prefixed the
        paths they show null."""
        f = self.flat(s)
        if v is None:
            # The spec marks few properties nullable and the API sends
            # null for most absent values: null breaks only a required,
            # non-nullable property the captures never show null.
            if required and not f["nullable"] and "null:" + where not in seen:
                errs.append(f"{where}: null, not nullable")
            return
        if "any" in f:
            trials = []
            for alt in f["any"]:
                e = []
                self.validate(v, alt, where, seen, e)
                trials.append(e)
            if all(trials):
                errs.append(f"{where}: matches none of oneOf/anyOf")
            return
        f = self.subtype(f, v)
        want = f["types"] or ({"object"} if f["props"] else set())
        got = jtype(v)
        if want and got not in want and not (
                got == "integer" and "number" in want):
            errs.append(f"{where}: {got}, spec says {'/'.join(want)}")
            return
        if f["enum"] is not None and v not in f["enum"]:
            errs.append(f"{where}: {v!r} not in enum {f['enum']}")
        if f["format"] == "date-time" and not DATE_TIME.match(v):
            errs.append(f"{where}: {v!r} is not a date-time")
        if isinstance(v, list) and f["items"]:
            for i, e in enumerate(v):
                self.validate(e, f["items"], f"{where}[]", seen, errs)
        if isinstance(v, dict) and f["props"]:
            extra = set()
            for n in f["names"]:
                extra |= KNOWN_ADDITIONS.get(n, set())
            req = set(self.deref(s)[1].get("required", []))
            for k, x in v.items():
                if k in f["props"]:
                    self.validate(x, f["props"][k], f"{where}.{k}", seen,
                                  errs, k in req)
                elif (k in extra or k in OBSOLETE or k == "type" or
                      f"{where}.{k}" in seen):
                    continue
                elif (where.endswith(".links") and is_link(x)) or (
                        k == "links" and isinstance(x, dict) and
                        all(is_link(e) for e in x.values())):
                    continue
                else:
                    errs.append(f"{where}.{k}: not in the spec's "
                                f"{'/'.join(sorted(f['names']))}")


def key_paths(objs, where="$"):
    """Every key path the captured objects show, and "null:" before each
    they show null."""
    out = set()
    for o in objs:
        if isinstance(o, dict):
            for k, v in o.items():
                out.add(f"{where}.{k}")
                if v is None:
                    out.add(f"null:{where}.{k}")
                else:
                    out |= key_paths([v], f"{where}.{k}")
        elif isinstance(o, list):
            out |= key_paths(o, f"{where}[]")
    return out


def is_link(x):
    """A hypermedia link ({href, name}) or a list of them (clone)."""
    if isinstance(x, list):
        return all(is_link(e) for e in x)
    return isinstance(x, dict) and isinstance(x.get("href"), str)


def num(kind):
    """JSON has one number type: 3 and 3.0 are the same kind."""
    return "number" if kind == "integer" else kind


def shape_errors(got, captured, where, errs):
    """Keys each captured object has must be in got, and keys both have
    agree in JSON type and nesting (a null on either side says nothing)."""
    if got.get("display_name") == "Former user":
        return  # a deleted account keeps only a name, uuid and avatar
    common = set.intersection(*(set(c) for c in captured)) - OBSOLETE - \
        OPTIONAL
    for k in sorted(common - set(got)):
        errs.append(f"{where}.{k}: in every capture, not emulated")
    for k, g in got.items():
        seen = [c[k] for c in captured if c.get(k) is not None]
        if g is None or not seen:
            continue
        kinds = {num(jtype(c)) for c in seen}
        if num(jtype(g)) not in kinds:
            errs.append(f"{where}.{k}: {jtype(g)}, captured "
                        f"{jtype(seen[0])}")
            continue
        if isinstance(g, dict) and k != "links":
            subs = [c for c in seen if isinstance(c, dict)]
            if subs:
                shape_errors(g, subs, f"{where}.{k}", errs)
        if isinstance(g, list) and g and isinstance(g[0], dict):
            subs = [e for c in seen if isinstance(c, list) for e in c
                    if isinstance(e, dict)]
            if subs:
                shape_errors(g[0], subs, f"{where}.{k}[]", errs)


class SchemaTest(ApiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.schema = Schema()
        cls.tables = load_tables()
        cls.pages = {}

    def page(self, t, keys):
        """The first page of t's list for the path keys, as the driver
        asks for it ([] where a 404 means none)."""
        path = t["endpoint"]
        for k, v in keys.items():
            path = path.replace("{%s}" % k,
                                urllib.parse.quote(str(v), safe=""))
        if path in self.pages:
            return self.pages[path]
        q = ["pagelen=%d" % min(int(t["pagelen"]), 100)]
        for c in t["cols"]:
            if c["param"] and c["param_all"]:
                q += ["%s=%s" % (c["param"], v)
                      for v in c["param_all"].split(",")]
        if t["fields"]:
            q.append("fields=" + urllib.parse.quote(t["fields"], safe=","))
        try:
            body = self.get(path + "?" + "&".join(q))
            objs = [body] if t.get("single") else body["values"]
        except urllib.error.HTTPError as e:
            if e.code != 404 or not t.get("empty404"):
                raise
            objs = []
        self.pages[path] = objs
        return objs

    def parents(self, t):
        """Candidate path-key dicts for t, parents with rows first."""
        tuples = [{}]
        for k in re.findall(r"\{(\w+)\}", t["endpoint"]):
            if k == "workspace":
                tuples = [dict(tp, workspace=WORKSPACE) for tp in tuples]
                continue
            fan = next(f for f in t["fanouts"] if f[0] == k)
            parent = self.tables[fan[1]]
            path = next(c["json"] for c in parent["cols"]
                        if c["name"] == fan[2])
            nxt = []
            for tp in tuples[:60]:
                sub = {pk: tp[pk] for pk in
                       re.findall(r"\{(\w+)\}", parent["endpoint"])}
                for o in self.page(parent, sub):
                    v = o
                    for part in path.split("."):
                        v = v.get(part) if isinstance(v, dict) else None
                    if v is not None:
                        nxt.append(dict(tp, **{k: v}))
            tuples = nxt
        return tuples

    def one_page(self, t):
        for keys in self.parents(t)[:300]:
            objs = self.page(t, keys)
            if objs:
                return keys, objs
        return None, []

    def check_table(self, name):
        t = self.tables[name]
        keys, objs = self.one_page(t)
        if not objs:
            self.skipTest(f"{name}: no parent with rows in the emulator")
        item, examples = self.schema.operation(t["endpoint"],
                                               t.get("single"))
        caps = [o for f in CAPTURES.get(name, []) for o in
                fixture_objects(f)]
        seen = key_paths(caps + examples)
        if item is None:
            self.assertIn(name, NO_SCHEMA)
            self.assertTrue(caps, f"{name}: neither a schema nor a capture")
        errs = []
        for i, o in enumerate(objs):
            if item is not None:
                self.schema.validate(o, item, "$", seen, errs)
            if caps:
                shape_errors(o, caps, "$", errs)
        self.assertEqual(sorted(set(errs) - SPEC_ERRATA), [],
                         f"{name} at {keys}")

    def test_00_self_check(self):
        """The checks fail on a wrong type, an unknown key, a changed
        nesting and a bad enum value."""
        t = self.tables["PullRequests"]
        _, objs = self.one_page(t)
        item, _ = self.schema.operation(t["endpoint"], False)
        caps = [o for f in CAPTURES["PullRequests"]
                for o in fixture_objects(f)]
        good = objs[0]
        e = []
        self.schema.validate(good, item, "$", key_paths(caps), e)
        shape_errors(good, caps, "$", e)
        self.assertEqual(e, [])
        for mutate, want in (
                (lambda o: o.__setitem__("id", str(o["id"])), "$.id"),
                (lambda o: o.__setitem__("bogus_key", 1), "$.bogus_key"),
                (lambda o: o["author"].__setitem__("display_name", 7),
                 "$.author.display_name"),
                (lambda o: o.__setitem__("state", "HALF_OPEN"), "$.state"),
                (lambda o: o.__setitem__("created_on", "yesterday"),
                 "$.created_on"),
                (lambda o: o.__setitem__("source", ["x"]), "$.source"),
                (lambda o: o.pop("title"), "$.title")):
            bad = json.loads(json.dumps(good))
            mutate(bad)
            e = []
            self.schema.validate(bad, item, "$", key_paths(caps), e)
            shape_errors(bad, caps, "$", e)
            self.assertTrue(any(x.startswith(want) for x in e),
                            f"{want}: no error in {e}")

    def test_01_every_table_has_a_schema(self):
        """Every endpoint is in the spec, and those whose answer it gives
        no schema are listed (their captures are the reference)."""
        none = {name for name, t in self.tables.items()
                if self.schema.operation(t["endpoint"],
                                         t.get("single"))[0] is None}
        self.assertEqual(none, NO_SCHEMA)


def add_tests():
    for name in sorted(load_tables()):
        def test(self, name=name):
            self.check_table(name)
        setattr(SchemaTest, f"test_{name}", test)


add_tests()

if __name__ == "__main__":
    unittest.main(verbosity=1)
