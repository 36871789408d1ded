"""Repository settings: forks, watchers, webhooks, branch restrictions,
default reviewers (own and effective), deploy keys, and the explicit user
and group permissions of each repository.

Shapes: webhooks as drone_go-scm/hooks.json (plus the spec's subject_type
and secret_set), branch restrictions as atlassian.../branch_restrictions.json,
default reviewers and watchers as atlassian.../default_reviewers.json (the
account of user_ref), deploy keys and permissions-config entries as the
spec's examples, forks as full repository objects with `parent` set.
"""
import copy
import datetime as _dt

import bbql
from data import API, WEB, EPOCH_END, _enc_uuid, _repo_mini, fmt_ts, user_ref

from . import List

_T0 = _dt.datetime(2018, 1, 1, tzinfo=_dt.timezone.utc)

HOOK_EVENTS = ["pullrequest:created", "pullrequest:updated", "pullrequest:fulfilled",
               "pullrequest:approved", "repo:push", "repo:commit_status_updated",
               "issue:created"]
RESTRICTION_KINDS = ["push", "delete", "force", "restrict_merges",
                     "require_approvals_to_merge", "require_passing_builds_to_merge",
                     "require_tasks_to_be_completed"]
# Kinds whose `value` means something (a count); the others have null.
VALUED_KINDS = {"require_approvals_to_merge": 2, "require_passing_builds_to_merge": 1}
GROUPS = {
    "acme": [("Administrators", "administrators"), ("Developers", "developers"),
             ("Contractors", "contractors")],
    "globex": [("Administrators", "administrators"), ("Developers", "developers")],
}


def ts(g_rng, start=_T0, end=EPOCH_END):
    span = (end - start).total_seconds()
    dt = start + _dt.timedelta(seconds=g_rng.random() * span)
    return fmt_ts(dt.replace(microsecond=g_rng.randrange(1000000)))


def uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "{%s-%s-4%s-a%s-%s}" % (h[:8], h[8:12], h[13:16], h[17:20], h[20:32])


def group_obj(ws_slug, name, slug):
    """A group as the permissions-config examples give it."""
    return {"type": "group", "name": name, "slug": slug}


def ssh_key(rng, comment):
    body = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                   for _ in range(68))
    return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s" % body, comment


def webhook(rng, self_href, subject, subject_type, description, url, events):
    return {
        "read_only": False,
        "description": description,
        "links": {"self": {"href": self_href}},
        "url": url,
        "created_at": ts(rng).replace("+00:00", "Z"),
        "skip_cert_verification": rng.random() < 0.2,
        "source": None,
        "active": rng.random() < 0.85,
        "subject": subject,
        "type": "webhook_subscription",
        "events": events,
        "uuid": None,  # set by the caller (it is in self_href)
        "subject_type": subject_type,
        "secret_set": rng.random() < 0.5,
    }


def _fork(store, rng, r, n):
    """A fork of repository r, in the forking person's own workspace."""
    person = store.people[1 + (n + len(r["slug"])) % (len(store.people) - 1)]
    owner_ws = person["nickname"]
    slug = r["slug"] if n == 0 else "%s-%d" % (r["slug"], n + 1)
    full = "%s/%s" % (owner_ws, slug)
    f = copy.deepcopy(r["object"])
    u = uuid(rng)
    base = "%s/repositories/%s" % (API, full)
    for k, link in f["links"].items():
        if isinstance(link, dict) and k not in ("html", "avatar", "self"):
            link["href"] = base + link["href"].split(r["full_name"], 1)[1]
    f["links"]["self"]["href"] = base
    f["links"]["html"]["href"] = "%s/%s" % (WEB, full)
    f["links"]["avatar"]["href"] = "https://bytebucket.org/ravatar/%s?ts=default" % _enc_uuid(u)
    f["links"]["clone"] = [
        {"href": "https://%s@bitbucket.org/%s.git" % (store.me["nickname"], full), "name": "https"},
        {"href": "git@bitbucket.org:%s.git" % full, "name": "ssh"},
    ]
    created = ts(rng, r["created"])
    f.update({
        "uuid": u, "slug": slug, "name": slug, "full_name": full,
        "created_on": created, "updated_on": ts(rng, _dt.datetime.fromisoformat(created)),
        "is_private": r["object"]["is_private"], "fork_policy": r["object"]["fork_policy"],
        "parent": _repo_mini(r), "description": "Fork of %s." % r["full_name"],
    })
    f["owner"] = user_ref(person)
    f["workspace"] = {
        "type": "workspace", "uuid": person["uuid"], "name": person["display_name"],
        "slug": owner_ws,
        "links": {
            "avatar": {"href": "%s/workspaces/%s/avatar/?ts=%d" % (WEB, owner_ws, rng.randrange(1500000000, 1700000000))},
            "html": {"href": "%s/%s/" % (WEB, owner_ws)},
            "self": {"href": "%s/workspaces/%s" % (API, owner_ws)},
        },
    }
    f.pop("project", None)
    return f


def build(store, rng):
    """Every repository's settings, keyed by (workspace slug, repo slug)."""
    out = {}
    restriction_id = 17203000
    deploy_id = 4200
    for ws in store.workspaces:
        wslug = ws["slug"]
        groups = GROUPS[wslug]
        for r in store.repos[wslug]:
            full = r["full_name"]
            base = "%s/repositories/%s" % (API, full)
            s = {}
            others = store.people[1:]
            # Watchers: accounts.
            s["watchers"] = [user_ref(p) for p in rng.sample(others, rng.randint(0, 4))]
            # Forks.
            nf = 0 if rng.random() < 0.88 else rng.randint(1, 2)
            s["forks"] = [_fork(store, rng, r, n) for n in range(nf)]
            # Webhooks.
            hooks = []
            for i in range(rng.choice([0, 0, 1, 1, 2])):
                u = uuid(rng)
                h = webhook(rng, "%s/hooks/%s" % (base, _enc_uuid(u)), _repo_mini(r), "repository",
                            rng.choice(["CI", "Chat notifications", "example.com", ""]),
                            "https://hooks.example.com/%s/%d" % (r["slug"], i + 1),
                            sorted(rng.sample(HOOK_EVENTS, rng.randint(1, 4))))
                h["uuid"] = u
                hooks.append(h)
            s["hooks"] = hooks
            # Branch restrictions.
            brs = []
            main = (r["object"]["mainbranch"] or {"name": "main"})["name"]
            for _ in range(rng.choice([0, 0, 1, 2, 3, 4])):
                restriction_id += rng.randint(1, 40)
                kind = rng.choice(RESTRICTION_KINDS)
                users = [user_ref(p) for p in rng.sample(others, rng.randint(0, 2))] \
                    if kind in ("push", "restrict_merges") else []
                grp = [group_obj(wslug, *g) for g in rng.sample(groups, rng.randint(0, 1))] \
                    if kind in ("push", "restrict_merges") else []
                by_model = rng.random() < 0.15
                br = {
                    "kind": kind,
                    "users": users,
                    "links": {"self": {"href": "%s/branch-restrictions/%d" % (base, restriction_id)}},
                    "pattern": "" if by_model else rng.choice([main, "*", "release/*"]),
                    "value": VALUED_KINDS.get(kind),
                    "branch_match_kind": "branching_model" if by_model else "glob",
                    "groups": grp,
                    "type": "branchrestriction",
                    "id": restriction_id,
                }
                if by_model:
                    br["branch_type"] = rng.choice(["production", "development", "release"])
                brs.append(br)
            brs.sort(key=lambda b: -b["id"])  # newest first, as in the capture
            s["branch_restrictions"] = brs
            # Default reviewers.
            s["default_reviewer_people"] = rng.sample(others, rng.choice([0, 0, 1, 2]))
            # Deploy keys.
            keys = []
            for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
                deploy_id += rng.randint(1, 9)
                key, comment = ssh_key(rng, "deploy@%s" % r["slug"])
                mini = _repo_mini(r)
                keys.append({
                    "id": deploy_id,
                    "key": key,
                    "label": rng.choice(["ci", "deploy", "mirror"]),
                    "type": "deploy_key",
                    "created_on": ts(rng, r["created"]),
                    "repository": {"full_name": mini["full_name"], "name": mini["name"],
                                   "type": "repository", "uuid": mini["uuid"]},
                    "links": {"self": {"href": "%s/deploy-keys/%d" % (base, deploy_id)}},
                    "last_used": rng.choice([None, ts(rng, r["created"])]),
                    "comment": comment,
                })
            s["deploy_keys"] = keys
            # Explicit permissions: the demo user on every repository.
            me_perm = "admin" if ws["administrator"] else rng.choice(["write", "read"])
            users = [(store.me, me_perm)] + [(p, rng.choice(["read", "write", "write", "admin"]))
                                             for p in rng.sample(others, rng.randint(0, 3))]
            s["user_perms"] = users
            s["group_perms"] = [(g, rng.choice(["read", "write", "admin"]))
                                for g in rng.sample(groups, rng.randint(0, 2))]
            out[(wslug, r["slug"])] = s
    return out


def settings(ctx, args):
    r = ctx.repo(args["workspace"], args["repo_slug"])
    return r, ctx.data("settings", build)[(r["ws"]["slug"], r["slug"])]


def listing(ctx, items, kind, every, **kw):
    """A List whose BBQL field types come from every object of its kind,
    not only from this parent's (which may be empty)."""
    types = ctx.handler.st.types
    if kind not in types:
        types[kind] = bbql.field_types(every())
    return List(items, kind, **kw)


def _all(ctx, key):
    return [o for s in ctx.data("settings", build).values() for o in s[key]]


def repo_user_perm(r, p, perm):
    return {
        "type": "repository_user_permission",
        "user": user_ref(p),
        "permission": perm,
        "links": {"self": {"href": "%s/repositories/%s/permissions-config/users/%s"
                                   % (API, r["full_name"], p["account_id"])}},
    }


def repo_group_perm(r, g, perm):
    return {
        "type": "repository_group_permission",
        "group": group_obj(r["ws"]["slug"], *g),
        "permission": perm,
        "links": {"self": {"href": "%s/repositories/%s/permissions-config/groups/%s"
                                   % (API, r["full_name"], g[1])}},
    }


def repo_permission(r, p, perm):
    """A repository_permission (shape of codecov_shared/user_permissions_repositories.json)."""
    return {"type": "repository_permission", "user": user_ref(p),
            "repository": _repo_mini(r), "permission": perm}


def forks(ctx, args):
    _, s = settings(ctx, args)
    return listing(ctx, s["forks"], "repo_forks", lambda: _all(ctx, "forks"))


def watchers(ctx, args):
    _, s = settings(ctx, args)
    return listing(ctx, s["watchers"], "repo_watchers", lambda: _all(ctx, "watchers"))


def hooks(ctx, args):
    _, s = settings(ctx, args)
    return listing(ctx, s["hooks"], "repo_hooks", lambda: _all(ctx, "hooks"))


def branch_restrictions(ctx, args):
    _, s = settings(ctx, args)
    items = s["branch_restrictions"]
    kinds = ctx.params_all("kind")
    if kinds:
        items = [b for b in items if b["kind"] in kinds]
    pattern = ctx.param("pattern")
    if pattern is not None:
        items = [b for b in items if b["pattern"] == pattern]
    return listing(ctx, items, "repo_branch_restrictions",
                   lambda: _all(ctx, "branch_restrictions"))


def default_reviewers(ctx, args):
    _, s = settings(ctx, args)
    return listing(ctx, [user_ref(p) for p in s["default_reviewer_people"]],
                   "repo_default_reviewers",
                   lambda: [user_ref(p) for p in ctx.store.people])


def effective_reviewers(r, s, project_reviewers):
    out, seen = [], set()
    for p in s["default_reviewer_people"]:
        out.append({"user": user_ref(p), "reviewer_type": "repository", "type": "default_reviewer"})
        seen.add(p["uuid"])
    proj = r["object"].get("project")
    for p in project_reviewers.get((r["ws"]["slug"], proj["key"]) if proj else None, []):
        if p["uuid"] not in seen:
            out.append({"user": user_ref(p), "reviewer_type": "project", "type": "default_reviewer"})
    return out


def effective_default_reviewers(ctx, args):
    from .workspace import workspace_data
    r, s = settings(ctx, args)
    prj = workspace_data(ctx)["project_reviewers"]
    return listing(ctx, effective_reviewers(r, s, prj), "repo_effective_default_reviewers",
                   lambda: [{"user": user_ref(ctx.store.me), "reviewer_type": "project",
                             "type": "default_reviewer"}])


def deploy_keys(ctx, args):
    _, s = settings(ctx, args)
    return listing(ctx, s["deploy_keys"], "repo_deploy_keys", lambda: _all(ctx, "deploy_keys"))


def user_perms(ctx, args):
    r, s = settings(ctx, args)
    return listing(ctx, [repo_user_perm(r, p, perm) for p, perm in s["user_perms"]],
                   "repo_user_permissions",
                   lambda: [repo_user_perm(r, ctx.store.me, "admin")])


def group_perms(ctx, args):
    r, s = settings(ctx, args)
    return listing(ctx, [repo_group_perm(r, g, perm) for g, perm in s["group_perms"]],
                   "repo_group_permissions",
                   lambda: [repo_group_perm(r, GROUPS["acme"][0], "admin")])


_R = "repositories/{workspace}/{repo_slug}/"
ROUTES = [
    (_R + "forks", forks),
    (_R + "watchers", watchers),
    (_R + "hooks", hooks),
    (_R + "branch-restrictions", branch_restrictions),
    (_R + "default-reviewers", default_reviewers),
    (_R + "effective-default-reviewers", effective_default_reviewers),
    (_R + "deploy-keys", deploy_keys),
    (_R + "permissions-config/users", user_perms),
    (_R + "permissions-config/groups", group_perms),
]
