"""The lists below one pull request: comments, commits, statuses, tasks and
the activity log.

Each pull request's children are built the first time they are asked for,
from a generator of their own (ctx.data), so they never depend on the
order of requests and the start-up stays fast. They are derived from the
pull request itself (its author, participants, dates, state, commits):

- comments: exactly `comment_count` of them (global, inline and replies),
  oldest first; shape of apache_incubator-devlake/pr_comments_inline_values
  and codecov_shared/pr_comment_created_201;
- tasks: `task_count` UNRESOLVED ones (the open tasks) and sometimes some
  RESOLVED ones; shape of the spec's pullrequest_comment_task (no capture);
- commits: newest first, the first one being the source branch's head
  (its hash starts with source.commit.hash); shape of
  codecov_shared/pr_commits_page*.json, paged with opaque `page` tokens;
- statuses: build results on the pull request's commits, on about half of
  the pull requests; shape of drone_go-scm/statuses.json;
- activity: the opening update, pushes, approvals, requests for changes,
  comments and the closing update, newest first; shape of
  danger_danger-js/pr_activity_values.json, paged with an opaque `ctx`.

One pull request is long: the MERGED acme/platform-api pull request closed
by the demo user (store.merged_pr) has 130 comments and 120 commits, so
comments and commits need 2 pages at their largest pagelen (100) and the
activity log 3 at 50. Its `comment_count` in the pull-request objects is
left as data.py made it (the core data is not changed).
"""
import datetime as _dt
import html as _html
from urllib.parse import quote, urlencode

import bbql
import data
import fields as fieldsmod
from families import List, Raw

API, WEB = data.API, data.WEB

LONG_COMMENTS = 130
LONG_COMMITS = 120
COMMENTS_MAX, COMMITS_MAX, STATUSES_MAX, TASKS_MAX = 100, 100, 100, 100
ACTIVITY_MAX = 50

_PATHS = ["src/app.py", "src/api/handlers.py", "README.md", "docs/setup.md",
          "web/src/components/Header.tsx", "config/settings.yaml",
          "tests/test_export.py", "Makefile", "db/migrations/0042_add_index.sql"]
_REMARKS = ["Looks good to me.", "Could we add a test for this?",
            "Nit: typo in the docstring.", "Why not reuse the existing helper?",
            "This will break on an empty list.", "Done.", "Fixed in the last commit.",
            "Can you rebase on main?", "I'd rather keep the old name here.",
            "Thanks! :+1:", "Please split this function, it is getting long.",
            "Is this covered by the integration tests?",
            "Ça marche, merci !", "LGTM 🚀", "Should this be configurable?"]
_TASKS = ["Add a changelog entry", "Update the docs", "Remove the debug logging",
          "Add unit tests", "Rename the variable", "Check the migration on staging",
          "Bump the version", "Ask the security team to review"]
_MESSAGES = ["Fix failing test", "Address review comments", "WIP", "Add tests",
             "Refactor helper", "Update dependencies", "Fix typo", "Merge branch 'main'",
             "Handle empty input", "Improve error message", "Add docs"]
_STATUS_KEYS = [("ci-build", "CI build", "Unit and integration tests"),
                ("lint", "Lint", "Static checks"),
                ("sonarcloud", "SonarCloud", "Code quality gate"),
                ("codecov", "Coverage", "Coverage did not decrease")]


# -- helpers ---------------------------------------------------------------

def _ts(s):
    return _dt.datetime.fromisoformat(s)


def _between(rng, start, end):
    span = (end - start).total_seconds()
    dt = start + _dt.timedelta(seconds=rng.random() * max(span, 0))
    return dt.replace(microsecond=rng.randrange(1000000))


def _commit_ts(dt):
    """Commit dates come without fraction digits."""
    return dt.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _hex(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _content(text):
    html = "<p>%s</p>" % _html.escape(text).replace("\n", "<br>") if text else ""
    return {"type": "rendered", "raw": text, "markup": "markdown", "html": html}


def _pr_ref(pr):
    """The pull request as the children embed it."""
    return {"type": "pullrequest", "id": pr["id"], "title": pr["title"],
            "links": {"self": dict(pr["links"]["self"]),
                      "html": dict(pr["links"]["html"])}}


def _pr_ref_activity(pr):
    ref = _pr_ref(pr)
    return {"type": ref["type"], "id": ref["id"], "links": ref["links"],
            "title": ref["title"]}


def _repo_ref(mini):
    """A repository as commits and statuses embed it (key order of the captures)."""
    return {"links": mini["links"], "type": "repository", "name": mini["name"],
            "full_name": mini["full_name"], "uuid": mini["uuid"]}


def _people_of(store, pr):
    """The user objects of a pull request: its author and participants."""
    out = [pr["author"]] + [p["user"] for p in pr["participants"]]
    if len(out) < 2:
        # Someone else comments too: a person of the workspace, by uuid order.
        others = [data.user_ref(p) for p in store.people
                  if p["uuid"] != pr["author"]["uuid"]]
        out.append(others[pr["id"] % len(others)])
    return out


# -- building one pull request's children ---------------------------------

def _build(store, rng, ws, repo, pr):
    full = "%s/%s" % (ws, repo)
    base = "%s/repositories/%s/pullrequests/%d" % (API, full, pr["id"])
    web = "%s/%s/pull-requests/%d" % (WEB, full, pr["id"])
    created, updated = _ts(pr["created_on"]), _ts(pr["updated_on"])
    long_pr = (ws, repo, pr["id"]) == tuple(store.merged_pr)
    people = _people_of(store, pr)
    src = pr["source"]["commit"]["hash"]
    dst = pr["destination"]["commit"]["hash"]

    # Commits, newest first; the head is the source commit.
    ncommits = LONG_COMMITS if long_pr else rng.choice([1, 1, 2, 2, 3, 4, 6])
    hashes = [src + _hex(rng, 40 - len(src))] + [_hex(rng, 40) for _ in range(ncommits)]
    dates = sorted((_between(rng, created - _dt.timedelta(days=2), created)
                    for _ in range(ncommits)), reverse=True)
    mini = _repo_ref(pr["source"]["repository"])
    commits = []
    author = pr["author"]
    for i in range(ncommits):
        h = hashes[i]
        msg = rng.choice(_MESSAGES) + "\n" if i else pr["title"] + "\n"
        crepo = "%s/repositories/%s" % (API, full)
        if author["display_name"] == "Former user":
            who = {"raw": "Ex Colleague <ex.colleague@example.com>", "type": "author"}
        elif rng.random() < 0.1:
            who = {"raw": "ci-robot <ci@example.com>", "type": "author"}
        else:
            who = {"raw": "%s <%s@example.com>" % (author["display_name"], author["nickname"]),
                   "type": "author", "user": author}
        parent = hashes[i + 1]
        commits.append({
            "hash": h,
            "repository": mini,
            "links": {
                "self": {"href": "%s/commit/%s" % (crepo, h)},
                "comments": {"href": "%s/commit/%s/comments" % (crepo, h)},
                "patch": {"href": "%s/patch/%s" % (crepo, h)},
                "html": {"href": "%s/%s/commits/%s" % (WEB, full, h)},
                "diff": {"href": "%s/diff/%s" % (crepo, h)},
                "approve": {"href": "%s/commit/%s/approve" % (crepo, h)},
                "statuses": {"href": "%s/commit/%s/statuses" % (crepo, h)},
            },
            "author": who,
            "summary": {"raw": msg, "markup": "markdown",
                        "html": "<p>%s</p>" % _html.escape(msg.strip()), "type": "rendered"},
            "parents": [{"hash": parent, "type": "commit", "links": {
                "self": {"href": "%s/commit/%s" % (crepo, parent)},
                "html": {"href": "%s/%s/commits/%s" % (WEB, full, parent)}}}],
            "date": _commit_ts(dates[i]),
            "message": msg,
            "type": "commit",
        })

    # Comments, oldest first.
    ncomments = LONG_COMMENTS if long_pr else pr["comment_count"]
    cid = 100000000 + rng.randrange(0, 900000000 // 1000) * 1000
    times = sorted(_between(rng, created, updated) for _ in range(ncomments))
    comments = []
    for i, t in enumerate(times):
        cid += rng.randrange(1, 7)
        user = people[rng.randrange(len(people))]
        parent = comments[rng.randrange(len(comments))] if comments and rng.random() < 0.25 else None
        deleted = rng.random() < 0.03
        text = "" if deleted else rng.choice(_REMARKS)
        edited = rng.random() < 0.15
        upd = _between(rng, t, updated) if edited and updated > t else t + _dt.timedelta(microseconds=61)
        c = {
            "id": cid,
            "created_on": data.fmt_ts(t),
            "updated_on": data.fmt_ts(upd),
            "content": _content(text),
            "user": user,
            "deleted": deleted,
        }
        if parent is not None:
            c["parent"] = {"id": parent["id"], "links": {
                "self": dict(parent["links"]["self"]), "html": dict(parent["links"]["html"])}}
        inline = None
        if parent is not None and "inline" in parent:
            inline = dict(parent["inline"])
        elif parent is None and rng.random() < 0.4:
            line = rng.randrange(1, 400)
            kind = rng.random()
            inline = {"from": None if kind < 0.6 else line,
                      "to": line if kind < 0.9 else None,
                      "path": rng.choice(_PATHS)}
            if kind >= 0.9:
                inline["to"] = inline["from"] = None  # a comment on the whole file
        if inline is not None:
            c["inline"] = inline
        c["type"] = "pullrequest_comment"
        c["links"] = {"self": {"href": "%s/comments/%d" % (base, cid)},
                      "html": {"href": "%s/_/diff#comment-%d" % (web, cid)}}
        if inline is not None:
            c["links"]["code"] = {"href": "%s/repositories/%s/diff/%s:%s..%s?path=%s"
                                  % (API, full, full, dst, src, inline["path"])}
        c["pullrequest"] = _pr_ref(pr)
        if (inline is not None and parent is None and pr["state"] != "OPEN"
                and rng.random() < 0.5):
            c["resolution"] = {"type": "comment_resolution",
                               "user": people[rng.randrange(len(people))],
                               "created_on": data.fmt_ts(_between(rng, upd, updated)
                                                         if updated > upd else upd)}
        comments.append(c)

    # Tasks: task_count open ones, sometimes a few resolved ones.
    ntasks = pr["task_count"]
    nresolved = rng.choice([0, 0, 0, 1, 2]) if pr["state"] != "OPEN" or ntasks else 0
    tid = rng.randrange(10000000, 90000000)
    tasks = []
    states = ["UNRESOLVED"] * ntasks + ["RESOLVED"] * nresolved
    rng.shuffle(states)
    for st in states:
        tid += rng.randrange(1, 5)
        t = _between(rng, created, updated)
        creator = people[rng.randrange(len(people))]
        on_comment = [c for c in comments if c["created_on"] <= data.fmt_ts(t)
                      and not c["deleted"]]
        task = {
            "id": tid,
            "created_on": data.fmt_ts(t),
            "updated_on": data.fmt_ts(t),
            "state": st,
            "content": _content(rng.choice(_TASKS)),
            "creator": creator,
            "pending": False,
            "resolved_on": None,
            "resolved_by": None,
            "links": {"self": {"href": "%s/tasks/%d" % (base, tid)},
                      "html": {"href": "%s/_/diff#task-%d" % (web, tid)}},
        }
        if st == "RESOLVED":
            done = _between(rng, t, updated) if updated > t else t
            task["updated_on"] = task["resolved_on"] = data.fmt_ts(done)
            task["resolved_by"] = people[rng.randrange(len(people))]
        if on_comment and rng.random() < 0.5:
            c = on_comment[rng.randrange(len(on_comment))]
            task["comment"] = {"id": c["id"], "type": "pullrequest_comment",
                               "links": {"self": dict(c["links"]["self"]),
                                         "html": dict(c["links"]["html"])}}
        tasks.append(task)
    tasks.sort(key=lambda x: x["created_on"])

    # Statuses: build results on the head commit (and sometimes the one before).
    statuses = []
    if rng.random() < 0.5 or long_pr:
        targets = [(commits[0]["hash"], dates[0])]
        if len(commits) > 1 and rng.random() < 0.3:
            targets.append((commits[1]["hash"], dates[1]))
        for h, cdate in targets:
            for key, name, desc in rng.sample(_STATUS_KEYS, rng.randint(1, 3)):
                if pr["state"] == "MERGED" or h != commits[0]["hash"]:
                    state = rng.choice(["SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "FAILED"])
                else:
                    state = rng.choice(["SUCCESSFUL", "SUCCESSFUL", "FAILED",
                                        "INPROGRESS", "STOPPED"])
                t0 = _between(rng, cdate, cdate + _dt.timedelta(minutes=30))
                t1 = t0 + _dt.timedelta(seconds=rng.randrange(30, 1200),
                                        microseconds=rng.randrange(1000000))
                crepo = "%s/repositories/%s" % (API, full)
                statuses.append({
                    "key": key,
                    "description": "" if rng.random() < 0.2 else desc,
                    "repository": mini,
                    "url": "https://ci.example.com/%s/%s/%d" % (full, key, rng.randrange(1, 5000)),
                    "links": {"commit": {"href": "%s/commit/%s" % (crepo, h)},
                              "self": {"href": "%s/commit/%s/statuses/build/%s" % (crepo, h, key)}},
                    "refname": pr["source"]["branch"]["name"] if rng.random() < 0.5 else None,
                    "state": state,
                    "created_on": data.fmt_ts(t0),
                    "commit": {"hash": h, "type": "commit", "links": {
                        "self": {"href": "%s/commit/%s" % (crepo, h)},
                        "html": {"href": "%s/%s/commits/%s" % (WEB, full, h)}}},
                    "updated_on": data.fmt_ts(t1 if state != "INPROGRESS" else t0),
                    "type": "build",
                    "name": "" if rng.random() < 0.1 else name,
                })
        statuses.sort(key=lambda s: s["created_on"])

    # Activity, newest first.
    ref = _pr_ref_activity(pr)
    events = []  # (time, entry)

    def update(when, state, who, src_hash, reason=""):
        d, s = pr["destination"], pr["source"]
        return {"update": {
            "description": pr["description"],
            "title": pr["title"],
            "destination": {"commit": {"hash": d["commit"]["hash"], "type": "commit",
                                       "links": d["commit"]["links"]},
                            "repository": _repo_ref(d["repository"]),
                            "branch": {"name": d["branch"]["name"]}},
            "reason": reason,
            "source": {"commit": {"hash": src_hash, "type": "commit", "links": {
                "self": {"href": "%s/repositories/%s/commit/%s" % (API, full, src_hash)},
                "html": {"href": "%s/%s/commits/%s" % (WEB, full, src_hash)}}},
                "repository": _repo_ref(s["repository"]),
                "branch": {"name": s["branch"]["name"]}},
            "state": state,
            "author": who,
            "date": data.fmt_ts(when),
        }, "pull_request": ref}

    events.append((created, update(created, "OPEN", pr["author"],
                                   commits[-1]["hash"][:12])))
    if len(commits) > 1:
        pushed = _between(rng, created, updated)
        events.append((pushed, update(pushed, "OPEN", pr["author"], src)))
    for p in pr["participants"]:
        if p["approved"] and p["participated_on"]:
            when = _ts(p["participated_on"])
            events.append((when, {"approval": {"date": p["participated_on"],
                                               "pullrequest": ref, "user": p["user"]},
                                  "pull_request": ref}))
        elif p["role"] == "REVIEWER" and rng.random() < 0.3:
            when = _between(rng, created, updated)
            events.append((when, {"changes_requested": {
                "date": data.fmt_ts(when), "pullrequest": ref, "user": p["user"]},
                "pull_request": ref}))
    for c in comments:
        ac = {"links": {"self": c["links"]["self"], "html": c["links"]["html"]},
              "deleted": c["deleted"], "pullrequest": c["pullrequest"],
              "content": c["content"], "created_on": c["created_on"], "user": c["user"]}
        if "parent" in c:
            ac["parent"] = c["parent"]
        if "inline" in c:
            ac["inline"] = c["inline"]
        ac.update({"updated_on": c["updated_on"], "type": c["type"], "id": c["id"]})
        events.append((_ts(c["created_on"]), {"comment": ac, "pull_request": ref}))
    if pr["state"] in ("MERGED", "DECLINED"):
        events.append((updated, update(updated, pr["state"], pr["closed_by"], src,
                                       pr["reason"])))
    events.sort(key=lambda e: e[0], reverse=True)
    activity = [e for _, e in events]

    return {"comments": comments, "commits": commits, "statuses": statuses,
            "tasks": tasks, "activity": activity}


# -- handlers --------------------------------------------------------------


def _pr(ctx, args):
    r = ctx.repo(args["workspace"], args["repo_slug"])
    ws, repo = r["ws"]["slug"], r["slug"]
    try:
        pid = int(args["pull_request_id"])
    except ValueError:
        raise ctx.error(404, "Resource not found")
    for pr in ctx.store.prs[(ws, repo)]:
        if pr["id"] == pid:
            return ctx.data("pullrequest-children:%s/%s/%d" % (ws, repo, pid),
                            lambda store, rng: _build(store, rng, ws, repo, pr))
    raise ctx.error(404, "Pull request %d not found" % pid)


def _prime_types(ctx, kind, part):
    """BBQL and sort= know a list's fields from the first list served: give
    them the long pull request's, which has every variant of the object."""
    types = ctx.handler.st.types
    if kind not in types:
        ws, repo, pid = ctx.store.merged_pr
        ch = _pr(ctx, {"workspace": ws, "repo_slug": repo, "pull_request_id": str(pid)})
        types[kind] = bbql.field_types(ch[part])


def comments(ctx, args):
    items = _pr(ctx, args)["comments"]
    _prime_types(ctx, "pullrequest_comments", "comments")
    return List(items, "pullrequest_comments", 10, COMMENTS_MAX)


def tasks(ctx, args):
    items = _pr(ctx, args)["tasks"]
    _prime_types(ctx, "pullrequest_tasks", "tasks")
    return List(items, "pullrequest_tasks", 10, TASKS_MAX)


def statuses(ctx, args):
    items = _pr(ctx, args)["statuses"]
    _prime_types(ctx, "pullrequest_statuses", "statuses")
    return List(items, "pullrequest_statuses", 10, STATUSES_MAX)


# Opaque page tokens for the lists that have their own paging.
_ALPHA = "0123456789abcdefghijklmnopqrstuvwxyz"


def _token(offset, salt):
    n = offset * 7919 + salt
    out = ""
    while True:
        n, d = divmod(n, 36)
        out = _ALPHA[d] + out
        if not n:
            return out


def _offset(token, salt):
    try:
        n = int(token, 36)
    except (TypeError, ValueError):
        return None
    off, rest = divmod(n - salt, 7919)
    return off if rest == 0 and off > 0 else None


def _next_url(ctx, param, token):
    """This request's URL back to this server, with param=token instead."""
    path = ctx.handler.path.split("?", 1)[0]
    query = [(k, v) for k, v in ctx.params if k != param] + [(param, token)]
    host = ctx.handler.headers.get("Host") or ""
    name = host.split("]")[0] + "]" if host.startswith("[") else host.rsplit(":", 1)[0]
    if name not in ("127.0.0.1", "localhost", "[::1]"):
        host = "127.0.0.1:%d" % ctx.handler.server.server_address[1]
    return "http://%s%s?%s" % (host, path, urlencode(query, quote_via=quote, safe=""))


def _raw_page(ctx, items, param, salt, max_len, with_page):
    """One page of a list paged by an opaque token in `param`."""
    pagelen = ctx.param("pagelen")
    try:
        pagelen = 10 if pagelen is None else int(pagelen)
    except ValueError:
        raise ctx.error(400, "Invalid pagelen")
    if pagelen < 1:
        raise ctx.error(400, "Invalid pagelen")
    pagelen = min(pagelen, max_len)
    tok = ctx.param(param)
    start, page = 0, 1
    if tok is not None:
        start = _offset(tok, salt)
        if start is None:
            raise ctx.error(400, "Invalid %s" % param)
        page = start // pagelen + 1
    env = {"pagelen": pagelen, "values": items[start:start + pagelen]}
    if with_page:
        env["page"] = page
    if start + pagelen < len(items):
        env["next"] = _next_url(ctx, param, _token(start + pagelen, salt))
    return Raw(fieldsmod.apply(env, ctx.params_all("fields")))


def commits(ctx, args):
    items = _pr(ctx, args)["commits"]
    return _raw_page(ctx, items, "page", 4099, COMMITS_MAX, True)


def activity(ctx, args):
    items = _pr(ctx, args)["activity"]
    return _raw_page(ctx, items, "ctx", 6151, ACTIVITY_MAX, False)


_BASE = "repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}"
ROUTES = [
    (_BASE + "/comments", comments),
    (_BASE + "/commits", commits),
    (_BASE + "/statuses", statuses),
    (_BASE + "/tasks", tasks),
    (_BASE + "/activity", activity),
]
