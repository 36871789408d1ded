"""The issue tracker of a repository: issues, their comments, changes and
attachments, and the tracker's components, milestones and versions.

Shapes: issues as in apache_incubator-devlake/issues_values.json and
atlassian-api_atlassian-python-api/issues_list.json; changes as in the
spec's example for /issues/{issue_id}/changes; the rest from the spec
(issue_comment, issue_attachment, component, milestone, version), since no
capture shows them.

The tracker is on exactly where the repository object says `has_issues`
true; elsewhere every endpoint here answers 404 "Repository has no issue
tracker.", as the real service does for a disabled tracker.
"""
import datetime as _dt
import re

import bbql
from data import API, WEB, EPOCH_END, fmt_ts, user_ref, _rendered, _repo_mini
from families import List


NO_TRACKER = "Repository has no issue tracker."

_STATES = ["new", "new", "new", "open", "open", "resolved", "resolved",
           "on hold", "invalid", "duplicate", "wontfix", "closed"]
_KINDS = ["bug", "bug", "enhancement", "proposal", "task"]
_PRIORITIES = ["trivial", "minor", "major", "major", "critical", "blocker"]
_TITLES = ["Crash when %s is empty", "Support %s", "Document %s",
           "%s is slow on large inputs", "Wrong encoding in %s",
           "Improve %s error handling"]
_THINGS = ["the export", "login", "search", "pagination", "webhooks",
           "the config file", "date parsing", "the CLI", "CSV import"]
_BODIES = ["", "Steps to reproduce:\n\n1. open the page\n2. click save",
           "Seen on the staging server.", "See the attached log.",
           "Proposed in the last planning meeting."]
_COMMENTS = ["I can reproduce this.", "Fixed in the latest build.",
             "Any update on this?", "Duplicate of an older report.",
             "Works for me on main.\n\nClosing."]
_COMPONENTS = ["backend", "frontend", "api", "docs", "build"]
_MILESTONES = ["M1", "M2", "v2 launch"]
_VERSIONS = ["1.0", "1.1", "2.0", "2.1"]
_FILES = ["screenshot.png", "trace.log", "config.yaml", "report.pdf"]


def _slugify(title):
    s = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return s or "issue"


def _ts(rng, start, end):
    span = max((end - start).total_seconds(), 1.0)
    dt = start + _dt.timedelta(seconds=rng.random() * span)
    return dt.replace(microsecond=rng.randrange(1000000))


def _named(kind, full, ident, name):
    return {"type": kind, "id": ident, "name": name,
            "links": {"self": {"href": "%s/repositories/%s/%ss/%d"
                               % (API, full, kind, ident)}}}


def _issue_ref(issue):
    """An issue as embedded in its changes and comments (spec example)."""
    return {"type": "issue", "id": issue["id"],
            "repository": issue["repository"],
            "links": {"self": issue["links"]["self"]},
            "title": issue["title"]}


def _build(store, rng):
    """{(ws, slug): tracker} for every repository whose tracker is on."""
    out = {}
    people = store.people
    next_comment = [rng.randrange(60000000, 61000000)]
    big_done = False
    for ws_slug in sorted(store.repos):
        for r in store.repos[ws_slug]:
            obj = r["object"]
            if not obj.get("has_issues"):
                continue
            full = r["full_name"]
            base = "%s/repositories/%s" % (API, full)
            t = {"components": [], "milestones": [], "versions": [],
                 "issues": [], "comments": {}, "changes": {},
                 "attachments": {}}
            for kind, names in (("component", _COMPONENTS),
                                ("milestone", _MILESTONES),
                                ("version", _VERSIONS)):
                chosen = rng.sample(names, rng.randint(0, min(3, len(names))))
                ids = sorted(rng.sample(range(1, 400), len(chosen)))
                t[kind + "s"] = [_named(kind, full, i, n)
                                 for i, n in zip(ids, chosen)]
            # One acme repository has enough issues for several pages.
            if ws_slug == "acme" and not big_done:
                n, big_done = 45, True
            else:
                n = rng.choice([0, 0, 1, 2, 3, 4, 6, 9])
            when = r["created"]
            for i in range(1, n + 1):
                when = _ts(rng, when, when + _dt.timedelta(days=20))
                if when > EPOCH_END:
                    when = EPOCH_END - _dt.timedelta(seconds=n - i + 1)
                created = when
                title = rng.choice(_TITLES) % rng.choice(_THINGS)
                if title[0].islower():
                    title = title[0].upper() + title[1:]
                body = rng.choice(_BODIES)
                reporter = rng.choice(people)
                if ws_slug == "acme" and i == 1 and n == 45:
                    reporter = store.former
                assignee = rng.choice(people + [None, None])
                updated = _ts(rng, created, EPOCH_END)
                edited = _ts(rng, created, updated) if rng.random() < 0.2 \
                    else None
                ibase = "%s/issues/%d" % (base, i)
                issue = {
                    "type": "issue",
                    "id": i,
                    "repository": _repo_mini(r),
                    "links": {
                        "self": {"href": ibase},
                        "html": {"href": "%s/%s/issues/%d/%s"
                                 % (WEB, full, i, _slugify(title))},
                        "comments": {"href": ibase + "/comments"},
                        "attachments": {"href": ibase + "/attachments"},
                        "watch": {"href": ibase + "/watch"},
                        "vote": {"href": ibase + "/vote"},
                    },
                    "title": title,
                    "content": _rendered(body),
                    "reporter": user_ref(reporter),
                    "assignee": user_ref(assignee) if assignee else None,
                    "created_on": fmt_ts(created),
                    "edited_on": fmt_ts(edited) if edited else None,
                    "updated_on": fmt_ts(updated),
                    "state": rng.choice(_STATES),
                    "kind": rng.choice(_KINDS),
                    "milestone": rng.choice(t["milestones"] + [None]),
                    "component": rng.choice(t["components"] + [None]),
                    "priority": rng.choice(_PRIORITIES),
                    "version": rng.choice(t["versions"] + [None]),
                    "votes": rng.choice([0, 0, 0, 1, 2, 5]),
                    "watches": rng.choice([1, 1, 2, 3]),
                }
                t["issues"].append(issue)
                # Comments, oldest first.
                comments = []
                c_when = created
                for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
                    c_when = _ts(rng, c_when, updated)
                    next_comment[0] += rng.randrange(1, 5000)
                    cid = next_comment[0]
                    deleted = rng.random() < 0.05
                    comments.append({
                        "type": "issue_comment",
                        "id": cid,
                        "created_on": fmt_ts(c_when),
                        "updated_on": fmt_ts(c_when)
                        if rng.random() < 0.3 else None,
                        "content": _rendered("" if deleted else
                                             rng.choice(_COMMENTS)),
                        "user": user_ref(rng.choice(people)),
                        "deleted": deleted,
                        "issue": _issue_ref(issue),
                        "links": {
                            "self": {"href": "%s/comments/%d" % (ibase, cid)},
                            "html": {"href": "%s/%s/issues/%d#comment-%d"
                                     % (WEB, full, i, cid)},
                        },
                    })
                t["comments"][i] = comments
                # Changes: one per state change, oldest first.
                changes = []
                state = "new"
                for k in range(rng.choice([0, 0, 1, 2])):
                    new_state = issue["state"] if k == 0 else \
                        rng.choice(["open", "resolved"])
                    if new_state == state:
                        new_state = "open" if state != "open" else "resolved"
                    ch = {"state": {"old": state, "new": new_state}}
                    if rng.random() < 0.4:
                        ch["priority"] = {"old": "major",
                                          "new": issue["priority"]}
                    state = new_state
                    next_comment[0] += rng.randrange(1, 5000)
                    xid = next_comment[0]
                    msg = rng.choice(["", "Triaged.", "Closing as agreed."])
                    changes.append({
                        "changes": ch,
                        "links": {
                            "self": {"href": "%s/changes/%d" % (ibase, xid)},
                            "html": {"href": "%s/%s/issues/%d#comment-%d"
                                     % (WEB, full, i, xid)},
                        },
                        "issue": _issue_ref(issue),
                        "created_on": fmt_ts(_ts(rng, created, updated)),
                        "user": user_ref(rng.choice(people)),
                        "message": _rendered(msg),
                        "type": "issue_change",
                        "id": xid,
                    })
                changes.sort(key=lambda c: c["created_on"])
                t["changes"][i] = changes
                files = rng.sample(_FILES, rng.choice([0, 0, 0, 1, 2]))
                t["attachments"][i] = [
                    {"type": "issue_attachment", "name": f,
                     "links": {"self": {"href": "%s/attachments/%s"
                                        % (ibase, f)}}}
                    for f in files]
            out[(ws_slug, r["slug"])] = t
    return out


def _types(store, rng):
    """The fields of every list kind, seen over all trackers: q= and sort=
    must know them even where one tracker's list is empty."""
    trackers = store._families["issues"]
    kinds = {"issues": [], "issue_comments": [], "issue_changes": [],
             "issue_attachments": [], "components": [], "milestones": [],
             "versions": []}
    for t in trackers.values():
        kinds["issues"] += t["issues"]
        for k, short in (("comments", "issue_comments"),
                         ("changes", "issue_changes"),
                         ("attachments", "issue_attachments")):
            for lst in t[k].values():
                kinds[short] += lst
        for k in ("components", "milestones", "versions"):
            kinds[k] += t[k]
    return {k: bbql.field_types(v) for k, v in kinds.items()}


def _tracker(ctx, args):
    r = ctx.repo(args["workspace"], args["repo_slug"])
    trackers = ctx.data("issues", _build)
    for kind, types in ctx.data("issues_types", _types).items():
        ctx.handler.st.types.setdefault(kind, types)
    t = trackers.get((r["ws"]["slug"], r["slug"]))
    if t is None:
        raise ctx.error(404, NO_TRACKER)
    return t


def _issue_id(ctx, t, args):
    raw = args["issue_id"]
    try:
        iid = int(raw)
    except ValueError:
        raise ctx.error(404, "Issue %s not found" % raw)
    if not any(i["id"] == iid for i in t["issues"]):
        raise ctx.error(404, "Issue %s not found" % raw)
    return iid


def issues(ctx, args):
    return List(_tracker(ctx, args)["issues"], "issues", 20, 100)


def issue(ctx, args):
    from families import Obj
    t = _tracker(ctx, args)
    iid = _issue_id(ctx, t, args)
    return Obj(next(i for i in t["issues"] if i["id"] == iid))


def comments(ctx, args):
    t = _tracker(ctx, args)
    return List(t["comments"][_issue_id(ctx, t, args)], "issue_comments",
                20, 100)


def changes(ctx, args):
    t = _tracker(ctx, args)
    return List(t["changes"][_issue_id(ctx, t, args)], "issue_changes",
                20, 100)


def attachments(ctx, args):
    t = _tracker(ctx, args)
    return List(t["attachments"][_issue_id(ctx, t, args)],
                "issue_attachments", 20, 100)


def _named_list(kind):
    def handler(ctx, args):
        return List(_tracker(ctx, args)[kind + "s"], kind + "s", 20, 100)
    return handler


P = "repositories/{workspace}/{repo_slug}/"
ROUTES = [
    (P + "issues", issues),
    (P + "issues/{issue_id}", issue),
    (P + "issues/{issue_id}/comments", comments),
    (P + "issues/{issue_id}/changes", changes),
    (P + "issues/{issue_id}/attachments", attachments),
    (P + "components", _named_list("component")),
    (P + "milestones", _named_list("milestone")),
    (P + "versions", _named_list("version")),
]
