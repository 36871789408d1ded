"""The code side of a repository: refs (branches and tags), commits, their
comments, build statuses, Code Insights reports and annotations, and
diffstats.

Shapes follow the captured responses:

- commits: codecov_shared/commits_ctx_cursor_page1.json and
  jenkinsci.../commits_include_exclude.json (a merge commit has no `patch`
  link; an author may have only `raw`); commit dates have no fraction.
- commit lists: the envelope is `pagelen`, `values` and `next` only (no
  `size`, no `page`), and `next` carries an opaque iterator token in `page`
  (`?page=8xhd`), never a page number. Default pagelen 30, as captured.
- branches: jenkinsci.../branches_pagelen_100.json; tags:
  jenkinsci.../tags_pagelen_100.json (a ref's `target` has no `summary`
  nor `rendered`); /refs lists branches then tags, as `git show-ref`.
- statuses: drone_go-scm/statuses.json; diffstat: drone_go-scm/diffstat.json.
- commit comments: the captured pull-request comments with `commit` in place
  of `pullrequest`; reports and annotations: the spec (no capture).
"""
import datetime as _dt
import hashlib
from urllib.parse import quote, urlsplit

from data import (API, WEB, EPOCH_END, _commit, _enc_uuid, _rendered,
                  _repo_mini, fmt_ts, user_ref)

from . import List, Obj, Raw

COMMITS_DEFAULT_LEN, COMMITS_MAX_LEN = 30, 100
HISTORY_REPOS = 9          # acme repositories besides platform-api with history
BIG_REPO = ("acme", "platform-api")
BIG_REPO_COMMITS = 120

_MESSAGES = ["Fix typo in README", "Add retry to HTTP client", "Bump dependencies",
             "Refactor config loader", "Handle empty responses", "Add unit tests for parser",
             "Speed up CSV export", "Remove dead code", "Update CI pipeline",
             "Document the public API", "Fix date parsing in reports",
             "Improve error messages\n\nShow the failing field and its value.",
             "Support pagination in search\n\n* follow next links\n* stop at the limit",
             "Harden input validation", "Rename internal helpers", "Cache lookups",
             "Fix flaky integration test", "Log request ids", "Corrige l'export des accents",
             "修正: 文字コードの処理"]
_FILES = ["README.md", "setup.py", "src/app.py", "src/api/client.py", "src/api/models.py",
          "src/util/dates.py", "tests/test_client.py", "tests/test_dates.py", "docs/index.md",
          ".gitignore", "Makefile", "pyproject.toml", "src/cli.py", "CHANGELOG.md"]
_BOTS = [("ci-runner", "ci@acme.example"), ("Release Bot", "release-bot@acme.example")]
_STATUS_KEYS = [("jenkins-build", "Jenkins build", "https://ci.acme.example/job/%s/%d/"),
                ("sonar", "SonarCloud analysis", "https://sonar.acme.example/dashboard?id=%s&b=%d"),
                ("BB-DEPLOY", "Deploy to staging", "https://deploy.acme.example/%s/%d")]
_STATUS_STATES = ["SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "FAILED", "INPROGRESS", "STOPPED"]
_COMMENTS = ["Nice catch!", "Could this break the export job?", "LGTM",
             "Please add a test for the empty case.", "Ça marche chez moi.",
             "This was reverted later, see the next commit."]


def _email(p):
    return "%s@acme.example" % p["nickname"].replace(" ", ".")


def _ts_plain(dt):
    """Commit and tag dates: no fraction digits, +00:00 (as captured)."""
    return dt.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _hash(rng):
    return "%040x" % rng.getrandbits(160)


def _uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "{%s-%s-4%s-%s-%s}" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4] + h[17:20], h[20:32])


def _parent_ref(full, h):
    return {"hash": h, "links": {
        "self": {"href": "%s/repositories/%s/commit/%s" % (API, full, h)},
        "html": {"href": "%s/%s/commits/%s" % (WEB, full, h)}}, "type": "commit"}


def _commit_obj(r, h, date, author, message, parents):
    full = r["full_name"]
    base = "%s/repositories/%s" % (API, full)
    links = {
        "self": {"href": "%s/commit/%s" % (base, h)},
        "html": {"href": "%s/%s/commits/%s" % (WEB, full, h)},
        "diff": {"href": "%s/diff/%s" % (base, h)},
        "approve": {"href": "%s/commit/%s/approve" % (base, h)},
        "comments": {"href": "%s/commit/%s/comments" % (base, h)},
        "statuses": {"href": "%s/commit/%s/statuses" % (base, h)},
        "patch": {"href": "%s/patch/%s" % (base, h)},
    }
    if len(parents) > 1:
        del links["patch"]  # merge commits have no patch link (as captured)
    summary = _rendered(message)
    return {
        "type": "commit",
        "hash": h,
        "date": _ts_plain(date),
        "author": author,
        "message": message,
        "summary": summary,
        "links": links,
        "parents": [_parent_ref(full, p) for p in parents],
        "rendered": {"message": dict(summary)},
        "repository": _repo_mini(r),
    }


def _target(commit):
    """A ref's target: the commit without summary and rendered."""
    return {k: v for k, v in commit.items() if k not in ("summary", "rendered")}


def _author(rng, people):
    if rng.random() < 0.15:
        name, mail = rng.choice(_BOTS)
        return {"type": "author", "raw": "%s <%s>" % (name, mail)}
    p = rng.choice(people)
    return {"type": "author", "raw": "%s <%s>" % (p["display_name"], _email(p)),
            "user": user_ref(p)}


class RepoCode:
    def __init__(self):
        self.commits = []      # list order: newest first
        self.by_hash = {}
        self.parents = {}      # hash -> [hashes]
        self.branches = []
        self.tags = []
        self.statuses = {}     # hash -> [status]
        self.comments = {}     # hash -> [comment]
        self.reports = {}      # hash -> [report]
        self.annotations = {}  # (hash, report uuid) -> [annotation]
        self.tokens = {}       # iterator token -> offset


def _build_repo(store, rng, r, n_commits, n_branches, n_tags, extras):
    rc = RepoCode()
    full = r["full_name"]
    main = r["object"]["mainbranch"]["name"]
    people = store.people
    start = r["created"]
    end = min(EPOCH_END, r["updated"] + _dt.timedelta(days=1))
    span = max((end - start).total_seconds(), 3600.0)
    dates = sorted(start + _dt.timedelta(seconds=int(rng.random() * span)) for _ in range(n_commits))
    made = []  # chronological: (hash, date)

    def add(date, message, parents):
        h = _hash(rng)
        obj = _commit_obj(r, h, date, _author(rng, people), message, parents)
        rc.by_hash[h] = obj
        rc.parents[h] = list(parents)
        made.append((h, date))
        return h

    # Main line, with feature branches forking off it; some are merged back.
    n_side = min(n_branches - 1, max(0, n_commits - 1) // 3)
    heads = {}
    tip = None
    side_left = n_side
    branch_no = 0
    open_sides = []  # [name, tip]
    while len(made) < n_commits:
        d = dates[len(made)]
        if tip is None:
            tip = add(d, "Initial commit", [])
        elif side_left and rng.random() < 0.3:
            branch_no += 1
            word = rng.choice(_MESSAGES).split("\n")[0].lower().split()[-1].strip(".:")
            name = "%s/%s-%d" % (rng.choice(["feature", "bugfix", "release"]), word, branch_no)
            side_left -= 1
            open_sides.append([name, add(d, rng.choice(_MESSAGES), [tip])])
        elif len(open_sides) > (0 if side_left else 1) and rng.random() < 0.2:
            # (the last branch made stays unmerged)
            name, stip = open_sides.pop(0)
            tip = add(d, "Merged in %s (pull request #%d)" % (name, branch_no), [tip, stip])
            if rng.random() < 0.7:
                heads[name] = stip  # kept after the merge
        elif open_sides and rng.random() < 0.2:
            side = rng.choice(open_sides)
            side[1] = add(d, rng.choice(_MESSAGES), [side[1]])
        else:
            tip = add(d, rng.choice(_MESSAGES), [tip])
    for name, stip in open_sides:
        heads[name] = stip
    heads[main] = tip
    # Newest first, children always before parents (dates only grow along edges).
    order = sorted(enumerate(made), key=lambda ihd: (ihd[1][1], ihd[0]), reverse=True)
    rc.commits = [rc.by_hash[h] for _, (h, _) in order]

    base = "%s/repositories/%s" % (API, full)
    for name in sorted(heads):
        strategies = ["merge_commit", "squash", "fast_forward"]
        rc.branches.append({
            "name": name,
            "links": {
                "commits": {"href": "%s/commits/%s" % (base, quote(name, safe="/"))},
                "self": {"href": "%s/refs/branches/%s" % (base, quote(name, safe="/"))},
                "html": {"href": "%s/%s/branch/%s" % (WEB, full, quote(name, safe="/"))},
            },
            "default_merge_strategy": rng.choice(["merge_commit", "merge_commit", "squash"]),
            "merge_strategies": strategies,
            "type": "branch",
            "target": _target(rc.by_hash[heads[name]]),
        })
    # Tags on main-line commits, oldest first: v1.0.0, v1.1.0, ...
    mainline = []
    h = tip
    while h:
        mainline.append(h)
        h = (rc.parents[h] or [None])[0]
    mainline.reverse()
    picks = sorted(rng.sample(range(len(mainline)), min(n_tags, len(mainline))))
    for i, idx in enumerate(picks):
        name = "v1.%d.%d" % (i // 3, i % 3) if i != 9 else "v1.10.0"
        c = rc.by_hash[mainline[idx]]
        annotated = rng.random() < 0.75
        cdate = _dt.datetime.fromisoformat(c["date"])
        tagger = _author(rng, people) if annotated else None
        rc.tags.append({
            "name": name,
            "type": "tag",
            "message": ("Release %s\n" % name) if annotated else None,
            "date": _ts_plain(cdate + _dt.timedelta(minutes=rng.randint(1, 600))) if annotated else None,
            "tagger": tagger,
            "target": _target(c),
            "links": {
                "self": {"href": "%s/refs/tags/%s" % (base, quote(name, safe="/"))},
                "commits": {"href": "%s/commits/%s" % (base, quote(name, safe="/"))},
                "html": {"href": "%s/%s/commits/tag/%s" % (WEB, full, quote(name, safe="/"))},
            },
        })
    rc.tags.sort(key=lambda t: t["name"])
    if extras:
        _build_extras(store, rng, r, rc)
    return rc


def _build_extras(store, rng, r, rc):
    """Statuses, comments and reports on some of the commits."""
    full = r["full_name"]
    base = "%s/repositories/%s" % (API, full)
    mini = _repo_mini(r)
    branch_of = {b["target"]["hash"]: b["name"] for b in rc.branches}
    build_no = rng.randint(100, 900)
    for c in rc.commits:
        h = c["hash"]
        cdate = _dt.datetime.fromisoformat(c["date"])
        if rng.random() < 0.3:
            sts = []
            for key, name, url in rng.sample(_STATUS_KEYS, rng.randint(1, 3)):
                build_no += 1
                created = cdate + _dt.timedelta(seconds=rng.randint(30, 3600),
                                                microseconds=rng.randrange(1000000))
                updated = created + _dt.timedelta(seconds=rng.randint(0, 900),
                                                  microseconds=rng.randrange(1000000))
                sts.append({
                    "key": key,
                    "description": rng.choice(["Build has completed successfully", "",
                                               "Unit tests in Jenkins", "Quality gate"]),
                    "repository": mini,
                    "url": url % (r["slug"], build_no),
                    "links": {
                        "commit": {"href": "%s/commit/%s" % (base, h)},
                        "self": {"href": "%s/commit/%s/statuses/build/%s" % (base, h, key)},
                    },
                    "refname": branch_of.get(h) if rng.random() < 0.5 else None,
                    "state": rng.choice(_STATUS_STATES),
                    "created_on": fmt_ts(created),
                    "commit": {"hash": h, "type": "commit", "links": {
                        "self": {"href": "%s/commit/%s" % (base, h)},
                        "html": {"href": "%s/%s/commits/%s" % (WEB, full, h)}}},
                    "updated_on": fmt_ts(updated),
                    "type": "build",
                    "name": "" if key == "jenkins-build" and rng.random() < 0.3 else "%s #%d" % (name, build_no),
                })
            sts.sort(key=lambda s: s["created_on"])
            rc.statuses[h] = sts
        if rng.random() < 0.1:
            cms = []
            for k in range(rng.randint(1, 3)):
                cid = rng.randint(100000000, 999999999)
                created = cdate + _dt.timedelta(hours=rng.randint(1, 48), microseconds=rng.randrange(1000000))
                edited = rng.random() < 0.3
                updated = created + (_dt.timedelta(minutes=rng.randint(1, 60)) if edited
                                     else _dt.timedelta(microseconds=rng.randint(20, 90)))
                text = rng.choice(_COMMENTS)
                cm = {
                    "id": cid,
                    "created_on": fmt_ts(created),
                    "updated_on": fmt_ts(updated),
                    "content": _rendered(text),
                    "user": user_ref(store.former if rng.random() < 0.1 else rng.choice(store.people)),
                    "deleted": False,
                }
                if cms and rng.random() < 0.5:
                    p = cms[0]
                    cm["parent"] = {"id": p["id"], "links": p["links"]}
                if rng.random() < 0.4:
                    path = rng.choice(_FILES)
                    cm["inline"] = {"from": None, "to": rng.randint(1, 200), "path": path}
                cm["type"] = "commit_comment"
                cm["links"] = {
                    "self": {"href": "%s/commit/%s/comments/%d" % (base, h, cid)},
                    "html": {"href": "%s/%s/commits/%s#comment-%d" % (WEB, full, h, cid)},
                }
                if "inline" in cm:
                    cm["links"]["code"] = {"href": "%s/diff/%s?path=%s" % (base, h, quote(cm["inline"]["path"]))}
                cm["commit"] = {"type": "commit", "hash": h, "links": _commit(full, h)["links"]}
                cms.append(cm)
            cms.sort(key=lambda x: x["created_on"])
            rc.comments[h] = cms
        if rng.random() < 0.08:
            reps = []
            for rtype, title, reporter in rng.sample(
                    [("COVERAGE", "Code coverage", "Codecov"), ("SECURITY", "Security scan", "Snyk"),
                     ("TEST", "Unit tests", "Jenkins"), ("BUG", "Static analysis", "SonarCloud")],
                    rng.randint(1, 2)):
                ru = _uuid(rng)
                created = cdate + _dt.timedelta(minutes=rng.randint(2, 90), microseconds=rng.randrange(1000000))
                result = rng.choice(["PASSED", "PASSED", "FAILED", "PENDING"])
                ext = "%s-%s" % (reporter.lower(), h[:7])
                data = []
                if rtype == "COVERAGE":
                    data = [{"type": "PERCENTAGE", "title": "Coverage", "value": round(rng.uniform(40, 98), 1)}]
                elif rtype == "TEST":
                    data = [{"type": "NUMBER", "title": "Tests", "value": rng.randint(50, 900)},
                            {"type": "BOOLEAN", "title": "Safe to merge?", "value": result == "PASSED"}]
                else:
                    data = [{"type": "NUMBER", "title": "Issues", "value": rng.randint(0, 12)},
                            {"type": "LINK", "title": "Dashboard",
                             "value": {"text": "Open", "href": "https://%s.example/%s" % (reporter.lower(), ext)}}]
                rep = {
                    "type": "report",
                    "uuid": ru,
                    "title": title,
                    "details": "%s of commit %s." % (title, h[:7]),
                    "external_id": ext,
                    "reporter": reporter,
                    "link": "https://%s.example/reports/%s" % (reporter.lower(), ext),
                    "remote_link_enabled": rng.random() < 0.3,
                    "logo_url": "https://%s.example/logo.png" % reporter.lower(),
                    "report_type": rtype,
                    "result": result,
                    "data": data,
                    "created_on": fmt_ts(created),
                    "updated_on": fmt_ts(created + _dt.timedelta(seconds=rng.randint(0, 600))),
                }
                reps.append(rep)
                anns = []
                for k in range(rng.choice([0, 1, 2, 3, 5])):
                    au = _uuid(rng)
                    anns.append({
                        "type": "report_annotation",
                        "external_id": "%s-%d" % (ext, k + 1),
                        "uuid": au,
                        "annotation_type": {"SECURITY": "VULNERABILITY", "BUG": "BUG"}.get(
                            rtype, rng.choice(["CODE_SMELL", "BUG"])),
                        "path": rng.choice(_FILES),
                        "line": rng.randint(1, 400),
                        "summary": rng.choice(["Possible null dereference", "Unused variable",
                                               "SQL built from user input", "Uncovered branch"]),
                        "details": rng.choice(["", "See the rule's documentation."]),
                        "result": rng.choice(["FAILED", "FAILED", "PASSED", "SKIPPED", "IGNORED"]),
                        "severity": rng.choice(["CRITICAL", "HIGH", "MEDIUM", "LOW"]),
                        "link": "https://%s.example/issues/%s-%d" % (reporter.lower(), ext, k + 1),
                        "created_on": rep["created_on"],
                        "updated_on": rep["updated_on"],
                    })
                rc.annotations[(h, ru)] = anns
            rc.reports[h] = reps


def _build(store, rng):
    out = {}
    acme = [r for r in store.repos["acme"] if r["object"]["mainbranch"]]
    others = [r for r in acme if (r["ws"]["slug"], r["slug"]) != BIG_REPO]
    history = set(id(r) for r in rng.sample(others, HISTORY_REPOS))
    for ws_slug in ("acme", "globex"):
        for r in store.repos[ws_slug]:
            key = (ws_slug, r["slug"])
            if not r["object"]["mainbranch"]:
                out[key] = RepoCode()  # an empty repository: no refs, no commits
                continue
            if key == BIG_REPO:
                n, nb, nt, extras = BIG_REPO_COMMITS, 8, 12, True
            elif id(r) in history:
                n, nb, nt, extras = rng.randint(5, 40), rng.randint(2, 5), rng.randint(0, 4), True
            elif ws_slug == "globex":
                n, nb, nt, extras = rng.randint(3, 8), rng.randint(1, 3), rng.randint(0, 2), True
            else:
                # Only an initial commit on the main branch (and sometimes a second branch).
                n, nb, nt, extras = 1, 1, rng.choice([0, 0, 1]), False
            out[key] = _build_repo(store, rng, r, n, nb, nt, extras)
    return out


def _code(ctx, args):
    r = ctx.repo(args["workspace"], args["repo_slug"])
    return ctx.data("code", _build)[(r["ws"]["slug"], r["slug"])], r


def _lookup(ctx, rc, rev):
    """A commit by full or abbreviated hash (4+ hex digits)."""
    if rev in rc.by_hash:
        return rc.by_hash[rev]
    if len(rev) >= 4:
        found = [c for h, c in rc.by_hash.items() if h.startswith(rev.lower())]
        if len(found) == 1:
            return found[0]
    raise ctx.error(404, "Changeset not found.")


def _resolve(ctx, rc, rev):
    for b in rc.branches:
        if b["name"] == rev:
            return b["target"]["hash"]
    for t in rc.tags:
        if t["name"] == rev:
            return t["target"]["hash"]
    return _lookup(ctx, rc, rev)["hash"]


def _reachable(rc, starts):
    seen, todo = set(), list(starts)
    while todo:
        h = todo.pop()
        if h not in seen:
            seen.add(h)
            todo.extend(rc.parents[h])
    return seen


def _types(ctx, kind, items):
    """BBQL field types from every repository's objects, not the first
    list asked for (so a field absent there is still known)."""
    import bbql
    types = ctx.handler.st.types
    if kind not in types:
        types[kind] = bbql.field_types(items)


def _all(ctx, attr):
    out = []
    for rc in ctx.data("code", _build).values():
        v = getattr(rc, attr)
        if isinstance(v, dict):
            for x in v.values():
                out.extend(x)
        else:
            out.extend(v)
    return out


def _token(ctx, full, offset):
    d = hashlib.sha1(("%s:%s:%d" % (ctx.store.seed, full, offset)).encode()).digest()
    alpha = "abcdefghijklmnopqrstuvwxyz"
    digits = alpha + "0123456789"
    return alpha[d[0] % 26] + "".join(digits[b % 36] for b in d[1:4])


# -- handlers ----------------------------------------------------------------

def branches(ctx, args):
    rc, _ = _code(ctx, args)
    _types(ctx, "code_branches", _all(ctx, "branches"))
    return List(rc.branches, "code_branches")


def tags(ctx, args):
    rc, _ = _code(ctx, args)
    _types(ctx, "code_tags", _all(ctx, "tags"))
    return List(rc.tags, "code_tags")


def refs(ctx, args):
    rc, _ = _code(ctx, args)
    _types(ctx, "code_refs", _all(ctx, "branches") + _all(ctx, "tags"))
    return List(rc.branches + rc.tags, "code_refs")


def commits(ctx, args, revision=None):
    import fields as fieldsmod
    rc, r = _code(ctx, args)
    incl = ctx.params_all("include") + ([revision] if revision else [])
    excl = ctx.params_all("exclude")
    items = rc.commits
    if incl or excl:
        keep = (_reachable(rc, [_resolve(ctx, rc, x) for x in incl]) if incl
                else set(rc.by_hash))
        keep -= _reachable(rc, [_resolve(ctx, rc, x) for x in excl])
        items = [c for c in items if c["hash"] in keep]
    raw = ctx.param("pagelen")
    pagelen = COMMITS_DEFAULT_LEN
    if raw is not None:
        try:
            pagelen = int(raw)
        except ValueError:
            raise ctx.error(400, "Invalid pagelen")
        if pagelen < 1:
            raise ctx.error(400, "Invalid pagelen")
        pagelen = min(pagelen, COMMITS_MAX_LEN)
    offset = 0
    tok = ctx.param("page")
    if tok is not None:
        for off in range(0, len(rc.commits) + 1):
            if _token(ctx, r["full_name"], off) == tok:
                offset = off
                break
        else:
            raise ctx.error(400, "Invalid page")
    env = {"pagelen": pagelen, "values": items[offset:offset + pagelen]}
    if offset + pagelen < len(items):
        path = urlsplit(ctx.handler.path).path
        env["next"] = ctx.handler._page_url(path, ctx.params,
                                            _token(ctx, r["full_name"], offset + pagelen))
    return Raw(fieldsmod.apply(env, ctx.params_all("fields")))


def commits_rev(ctx, args):
    return commits(ctx, args, revision=args["revision"])


def commit(ctx, args):
    rc, _ = _code(ctx, args)
    return Obj(_lookup(ctx, rc, args["commit"]))


def statuses(ctx, args):
    rc, _ = _code(ctx, args)
    c = _lookup(ctx, rc, args["commit"])
    _types(ctx, "code_statuses", _all(ctx, "statuses"))
    items = rc.statuses.get(c["hash"], [])
    ref = ctx.param("refname")
    if ref is not None:
        items = [s for s in items if s["refname"] in (None, ref)]
    return List(items, "code_statuses")


def comments(ctx, args):
    rc, _ = _code(ctx, args)
    c = _lookup(ctx, rc, args["commit"])
    _types(ctx, "code_comments", _all(ctx, "comments"))
    return List(rc.comments.get(c["hash"], []), "code_comments")


def reports(ctx, args):
    rc, _ = _code(ctx, args)
    c = _lookup(ctx, rc, args["commit"])
    _types(ctx, "code_reports", _all(ctx, "reports"))
    return List(rc.reports.get(c["hash"], []), "code_reports")


def _report(ctx, rc, h, ident):
    for rep in rc.reports.get(h, []):
        if ident in (rep["uuid"], rep["external_id"]):
            return rep
    raise ctx.error(404, "Report %s not found" % ident)


def report(ctx, args):
    rc, _ = _code(ctx, args)
    c = _lookup(ctx, rc, args["commit"])
    return Obj(_report(ctx, rc, c["hash"], args["report"]))


def annotations(ctx, args):
    rc, _ = _code(ctx, args)
    c = _lookup(ctx, rc, args["commit"])
    rep = _report(ctx, rc, c["hash"], args["report"])
    _types(ctx, "code_annotations", _all(ctx, "annotations"))
    return List(rc.annotations[(c["hash"], rep["uuid"])], "code_annotations")


def _diffstat(ctx, r, rc, c):
    """Made on demand, deterministically from the seed and the hash."""
    import random
    rng = random.Random("%s:diffstat:%s" % (ctx.store.seed, c["hash"]))
    full = r["full_name"]
    parent = c["parents"][0]["hash"] if c["parents"] else None

    def cf(h, path):
        return {"path": path, "type": "commit_file", "links": {"self": {
            "href": "%s/repositories/%s/src/%s/%s" % (API, full, h, path)}}}

    out = []
    if parent is None:
        for path in rng.sample(_FILES, rng.randint(2, 6)):
            out.append({"status": "added", "old": None, "lines_removed": 0,
                        "lines_added": rng.randint(1, 300), "new": cf(c["hash"], path),
                        "type": "diffstat"})
        return out
    for path in rng.sample(_FILES, rng.randint(1, 5)):
        kind = rng.choice(["modified", "modified", "modified", "added", "removed", "renamed"])
        if kind == "modified":
            out.append({"status": kind, "old": cf(parent, path), "lines_removed": rng.randint(0, 40),
                        "lines_added": rng.randint(1, 80), "new": cf(c["hash"], path), "type": "diffstat"})
        elif kind == "added":
            path = path.replace(".", "_new.", 1) if "." in path else path + "_new"
            out.append({"status": kind, "old": None, "lines_removed": 0,
                        "lines_added": rng.randint(1, 120), "new": cf(c["hash"], path), "type": "diffstat"})
        elif kind == "removed":
            # As captured: the new side is a commit_file with an empty path.
            out.append({"status": kind, "old": cf(parent, path), "lines_removed": rng.randint(1, 90),
                        "lines_added": 0, "new": dict(cf(c["hash"], path), path=""),
                        "type": "diffstat"})
        else:
            out.append({"status": kind, "old": cf(parent, "old/" + path), "lines_removed": 0,
                        "lines_added": 0, "new": cf(c["hash"], path), "type": "diffstat"})
    return out


def diffstat(ctx, args):
    rc, r = _code(ctx, args)
    spec = args["spec"]
    if ".." in spec:
        raise ctx.error(400, "Two-commit specs are not emulated")
    c = _lookup(ctx, rc, spec)
    items = _diffstat(ctx, r, rc, c)
    if "code_diffstat" not in ctx.handler.st.types:
        _types(ctx, "code_diffstat", items + [{"old": {"path": "", "type": "",
                                                       "links": {"self": {"href": ""}}}}])
    return List(items, "code_diffstat", default_len=500, max_len=5000)


R = "repositories/{workspace}/{repo_slug}/"
ROUTES = [
    (R + "refs", refs),
    (R + "refs/branches", branches),
    (R + "refs/tags", tags),
    (R + "commits", commits),
    (R + "commits/{revision}", commits_rev),
    (R + "commit/{commit}", commit),
    (R + "commit/{commit}/statuses", statuses),
    (R + "commit/{commit}/comments", comments),
    (R + "commit/{commit}/reports", reports),
    (R + "commit/{commit}/reports/{report}", report),
    (R + "commit/{commit}/reports/{report}/annotations", annotations),
    (R + "diffstat/{spec}", diffstat),
]
