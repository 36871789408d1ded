"""Workspace-level lists (members, permissions, webhooks, repository
permissions, pipeline variables), projects and what hangs below them
(default reviewers, user and group permissions, deploy keys), snippets
(with comments, commits, watchers) and the current user's own lists
(/user/permissions/workspaces, /user/permissions/repositories).

Shapes: workspace memberships and repository permissions as the spec's
examples and codecov_shared/user_permissions_repositories.json; projects
as the core data's project plus the spec's project keys; webhooks as
drone_go-scm/hooks.json; snippets, their comments and commits as the spec
(no capture exists).
"""
import datetime as _dt
import sys

from data import API, WEB, EPOCH_END, _enc_uuid, _rendered, fmt_ts, team_ref, user_ref

from . import settings as st

_T0 = _dt.datetime(2017, 1, 1, tzinfo=_dt.timezone.utc)
_SNIPPET_TITLES = ["deploy.sh", "Nginx config for staging", "psql cheat sheet",
                   "Rotate the logs", "Café menu parser", "k8s debug pod",
                   "Release checklist"]


def not_found(ctx, message):
    """A 404. ctx.error() imports server.ApiError, which is a second copy of
    the class when server.py runs as __main__ (a 500 then): take the class
    from the module that really serves."""
    mod = sys.modules[type(ctx.handler).__module__]
    return mod.ApiError(404, message)


def ws_ref(ws):
    """A workspace inside another object (as in a repository's `workspace`)."""
    s = ws["slug"]
    return {
        "type": "workspace",
        "uuid": ws["uuid"],
        "name": ws["name"],
        "slug": s,
        "links": {
            "avatar": {"href": "%s/workspaces/%s/avatar/?ts=%d" % (WEB, s, ws["avatar_ts"])},
            "html": {"href": "%s/%s/" % (WEB, s)},
            "self": {"href": "%s/workspaces/%s" % (API, s)},
        },
    }


def membership(ws, p, perm=None, added=None, accessed=None):
    """A workspace_membership: /members gives links, user, workspace;
    /permissions adds permission, added_on and last_accessed."""
    o = {"type": "workspace_membership"}
    if perm is None:
        o["links"] = {"self": {"href": "%s/workspaces/%s/members/%s"
                                       % (API, ws["slug"], _enc_uuid(p["uuid"]))}}
    else:
        o.update({"permission": perm, "last_accessed": accessed, "added_on": added})
    o["user"] = user_ref(p)
    o["workspace"] = ws_ref(ws)
    return o


def _build(store, rng):
    d = {"members": {}, "hooks": {}, "variables": {}, "runners": {}, "projects": {},
         "project_reviewers": {}, "project_users": {}, "project_groups": {},
         "project_keys": {}, "snippets": {}, "snippet_comments": {},
         "snippet_commits": {}, "snippet_watchers": {}}
    others = store.people[1:]
    comment_id = 60000000
    for ws in store.workspaces:
        s = ws["slug"]
        # Members: the demo user and some of the others.
        people = others if s == "acme" else rng.sample(others, 4)
        mem = [(store.me, "owner" if ws["administrator"] else "member")]
        for p in people:
            mem.append((p, rng.choice(["member", "member", "member", "owner", "collaborator"])))
        d["members"][s] = []
        for p, perm in mem:
            added = st.ts(rng, _T0, EPOCH_END - _dt.timedelta(days=60))
            accessed = rng.choice([None, st.ts(rng, _dt.datetime.fromisoformat(added))])
            d["members"][s].append((p, perm, added, accessed))
        # Webhooks of the workspace.
        hooks = []
        for i in range(2 if s == "acme" else 1):
            u = st.uuid(rng)
            h = st.webhook(rng, "%s/workspaces/%s/hooks/%s" % (API, s, _enc_uuid(u)),
                           {"type": "workspace", "uuid": ws["uuid"], "slug": s, "name": ws["name"],
                            "links": ws_ref(ws)["links"]},
                           "workspace", ["Audit log", "Chat notifications"][i],
                           "https://hooks.example.com/%s/%d" % (s, i + 1),
                           sorted(rng.sample(st.HOOK_EVENTS + ["repo:created", "project:updated"],
                                             rng.randint(1, 4))))
            h["uuid"] = u
            hooks.append(h)
        d["hooks"][s] = hooks
        # Workspace pipeline variables.
        vs = []
        for key in (["DOCKER_REGISTRY", "SONAR_TOKEN", "DEPLOY_REGION"] if s == "acme" else ["LOCALE"]):
            secured = key.endswith("TOKEN")
            v = {"type": "pipeline_variable", "uuid": st.uuid(rng), "key": key, "secured": secured}
            if not secured:
                v["value"] = {"DOCKER_REGISTRY": "registry.example.com", "DEPLOY_REGION": "eu-west-1",
                              "LOCALE": "fr_FR.UTF-8"}[key]
            vs.append(v)
        d["variables"][s] = vs
        # Self-hosted runners of the workspace (the spec's pipeline_runner).
        runners = []
        for i, (name, labels, status) in enumerate(
                [("build-01", ["self.hosted", "linux"], "ONLINE"),
                 ("build-02", ["self.hosted", "linux", "docker"], "OFFLINE"),
                 ("mac-mini", ["self.hosted", "macos"], "UNREGISTERED")][:3 if s == "acme" else 1]):
            created = st.ts(rng, _T0, EPOCH_END - _dt.timedelta(days=90))
            updated = st.ts(rng, _dt.datetime.fromisoformat(created))
            runners.append({
                "type": "pipeline_runner",
                "uuid": st.uuid(rng),
                "name": name,
                "labels": labels,
                "state": {"type": "pipeline_runner_state", "status": status,
                          "version": {"type": "pipeline_runner_version", "version": "3.1.0",
                                      "current": "3.2.0"},
                          "updated_on": updated, "cordoned": i == 1},
                "created_on": created,
                "updated_on": updated,
                "oauth_client": {"type": "pipeline_runner_oauth_client",
                                 "id": "%032x" % rng.getrandbits(128),
                                 "token_endpoint": "https://auth.atlassian.com/oauth/token",
                                 "audience": "api.atlassian.com"},
            })
        d["runners"][s] = runners
        # Projects: the core data's projects with the spec's other keys.
        projs = []
        for base in store.projects[s]:
            p = dict(base)
            p["links"] = dict(base["links"])
            p["links"]["repositories"] = {"href": "%s/repositories/%s?q=project.key%%3D%%22%s%%22"
                                                  % (API, s, base["key"])}
            created = st.ts(rng, _T0, EPOCH_END - _dt.timedelta(days=400))
            repos = [r for r in store.repos[s] if (r["object"].get("project") or {}).get("key") == base["key"]]
            p.update({
                "owner": team_ref(ws),
                "description": rng.choice(["", "Everything about %s." % base["name"]]),
                "is_private": ws["is_private"] and base["key"] != "WEB",
                "created_on": created,
                "updated_on": st.ts(rng, _dt.datetime.fromisoformat(created)),
                "has_publicly_visible_repos": any(not r["object"]["is_private"] for r in repos),
            })
            projs.append(p)
            k = (s, base["key"])
            d["project_reviewers"][k] = rng.sample(others, rng.randint(0, 2))
            d["project_users"][k] = [(store.me, "admin" if ws["administrator"] else "write")] + [
                (p2, rng.choice(["read", "write", "create-repo", "admin"]))
                for p2 in rng.sample(others, rng.randint(0, 3))]
            d["project_groups"][k] = [(g, rng.choice(["read", "write", "create-repo", "admin"]))
                                      for g in rng.sample(st.GROUPS[s], rng.randint(1, 2))]
            d["project_keys"][k] = rng.randint(0, 1)
        d["projects"][s] = projs
        # Snippets.
        snips = []
        titles = rng.sample(_SNIPPET_TITLES, 4 if s == "acme" else 1)
        for i in range(len(titles)):
            enc = "".join(rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                          for _ in range(rng.choice([4, 5, 6])))
            creator = rng.choice(store.people)
            created = st.ts(rng, _T0, EPOCH_END - _dt.timedelta(days=30))
            b = "%s/snippets/%s/%s" % (API, s, enc)
            sn = {
                "type": "snippet",
                "id": enc,
                "title": titles[i],
                "scm": "git",
                "created_on": created,
                "updated_on": st.ts(rng, _dt.datetime.fromisoformat(created)),
                "owner": team_ref(ws),
                "creator": user_ref(creator),
                "is_private": rng.random() < 0.6,
                "links": {
                    "self": {"href": b},
                    "html": {"href": "%s/%s/workspace/snippets/%s" % (WEB, s, enc)},
                    "comments": {"href": b + "/comments"},
                    "watchers": {"href": b + "/watchers"},
                    "commits": {"href": b + "/commits"},
                    "clone": [{"href": "https://bitbucket.org/snippets/%s/%s" % (s, enc), "name": "https"},
                              {"href": "git@bitbucket.org:snippets/%s/%s.git" % (s, enc), "name": "ssh"}],
                },
            }
            snips.append(sn)
            mini = {"type": "snippet", "id": enc, "title": sn["title"],
                    "links": {"self": {"href": b}, "html": {"href": sn["links"]["html"]["href"]}}}
            cms = []
            for _ in range(rng.choice([0, 1, 2, 3])):
                comment_id += rng.randint(1, 5000)
                text = rng.choice(["Thanks, this saved me.", "Works on **staging** too.",
                                   "Could you add a `--dry-run`?", "Merci !"])
                c_on = st.ts(rng, _dt.datetime.fromisoformat(created))
                cms.append({
                    "links": {"self": {"href": "%s/comments/%d" % (b, comment_id)},
                              "html": {"href": "%s#comment-%d" % (sn["links"]["html"]["href"], comment_id)}},
                    "deleted": False,
                    "snippet": mini,
                    "content": _rendered(text),
                    "created_on": c_on,
                    "user": user_ref(rng.choice(store.people)),
                    "updated_on": c_on,
                    "type": "snippet_comment",
                    "id": comment_id,
                })
            d["snippet_comments"][(s, enc)] = cms
            commits = []
            parent = None
            for _ in range(rng.randint(1, 3)):
                h = "%040x" % rng.getrandbits(160)
                author = rng.choice([creator, creator, rng.choice(store.people)])
                msg = rng.choice(["Initial version", "Fix typo", "Handle empty input", "Update"])
                commits.append({
                    "type": "snippet_commit",
                    "hash": h,
                    "date": st.ts(rng, _dt.datetime.fromisoformat(created)),
                    "author": {"raw": "%s <%s@example.com>" % (author["display_name"], author["nickname"]),
                               "type": "author", "user": user_ref(author)},
                    "message": msg + "\n",
                    "summary": _rendered(msg + "\n"),
                    "parents": [] if parent is None else [{"hash": parent, "type": "snippet_commit", "links": {
                        "self": {"href": "%s/commits/%s" % (b, parent)},
                        "html": {"href": "%s/%s/workspace/snippets/%s/commits/%s" % (WEB, s, enc, parent)}}}],
                    "links": {"self": {"href": "%s/commits/%s" % (b, h)},
                              "html": {"href": "%s/%s/workspace/snippets/%s/commits/%s" % (WEB, s, enc, h)},
                              "diff": {"href": "%s/diff/%s" % (b, h)}},
                    "snippet": mini,
                })
                parent = h
            commits.reverse()  # newest first
            d["snippet_commits"][(s, enc)] = commits
            d["snippet_watchers"][(s, enc)] = rng.sample(store.people, rng.randint(0, 3))
        d["snippets"][s] = snips
    return d


def workspace_data(ctx):
    return ctx.data("workspace", _build)


def _every(ctx, key):
    vals = workspace_data(ctx)[key].values()
    return [o for v in vals for o in v]


def members(ctx, args):
    ws = ctx.workspace(args["workspace"])
    items = [membership(ws, p) for p, _, _, _ in workspace_data(ctx)["members"][ws["slug"]]]
    return st.listing(ctx, items, "ws_members", lambda: items)


def _perm_items(ctx, ws):
    return [membership(ws, p, perm, a, la)
            for p, perm, a, la in workspace_data(ctx)["members"][ws["slug"]]]


def permissions(ctx, args):
    ws = ctx.workspace(args["workspace"])
    items = _perm_items(ctx, ws)
    return st.listing(ctx, items, "ws_permissions", lambda: items)


def hooks(ctx, args):
    ws = ctx.workspace(args["workspace"])
    return st.listing(ctx, workspace_data(ctx)["hooks"][ws["slug"]], "ws_hooks",
                      lambda: _every(ctx, "hooks"))


def variables(ctx, args):
    ws = ctx.workspace(args["workspace"])
    return st.listing(ctx, workspace_data(ctx)["variables"][ws["slug"]], "ws_variables",
                      lambda: _every(ctx, "variables"))


def runners(ctx, args):
    ws = ctx.workspace(args["workspace"])
    return st.listing(ctx, workspace_data(ctx)["runners"][ws["slug"]], "ws_runners",
                      lambda: _every(ctx, "runners"))


def _repo_perms(ctx, ws, only_me=False):
    sets = ctx.data("settings", st.build)
    out = []
    for r in ctx.store.repos[ws["slug"]]:
        for p, perm in sets[(ws["slug"], r["slug"])]["user_perms"]:
            if not only_me or p is ctx.store.me:
                out.append(st.repo_permission(r, p, perm))
    return out


def repo_permissions(ctx, args):
    ws = ctx.workspace(args["workspace"])
    items = _repo_perms(ctx, ws)
    return st.listing(ctx, items, "ws_repo_permissions", lambda: items)


def projects(ctx, args):
    ws = ctx.workspace(args["workspace"])
    return st.listing(ctx, workspace_data(ctx)["projects"][ws["slug"]], "ws_projects",
                      lambda: _every(ctx, "projects"))


def _project(ctx, args):
    ws = ctx.workspace(args["workspace"])
    for p in workspace_data(ctx)["projects"][ws["slug"]]:
        if p["key"] == args["project_key"]:
            return ws, p
    raise not_found(ctx, "Project %s not found" % args["project_key"])


def _proj_ref(p):
    return {"links": {"self": p["links"]["self"]}, "type": "project", "name": p["name"],
            "key": p["key"], "uuid": p["uuid"]}


def project_reviewers(ctx, args):
    ws, p = _project(ctx, args)
    items = [{"user": user_ref(u), "reviewer_type": "project", "type": "default_reviewer"}
             for u in workspace_data(ctx)["project_reviewers"][(ws["slug"], p["key"])]]
    return st.listing(ctx, items, "project_default_reviewers",
                      lambda: [{"user": user_ref(ctx.store.me), "reviewer_type": "project",
                                "type": "default_reviewer"}])


def _proj_user(ws, p, u, perm):
    return {"type": "project_user_permission", "user": user_ref(u), "permission": perm,
            "links": {"self": {"href": "%s/workspaces/%s/projects/%s/permissions-config/users/%s"
                                       % (API, ws["slug"], p["key"], u["account_id"])}}}


def _proj_group(ws, p, g, perm):
    return {"type": "project_group_permission", "group": st.group_obj(ws["slug"], *g),
            "permission": perm,
            "links": {"self": {"href": "%s/workspaces/%s/projects/%s/permissions-config/groups/%s"
                                       % (API, ws["slug"], p["key"], g[1])}}}


def project_users(ctx, args):
    ws, p = _project(ctx, args)
    items = [_proj_user(ws, p, u, perm)
             for u, perm in workspace_data(ctx)["project_users"][(ws["slug"], p["key"])]]
    return st.listing(ctx, items, "project_user_permissions",
                      lambda: [_proj_user(ws, p, ctx.store.me, "admin")])


def project_groups(ctx, args):
    ws, p = _project(ctx, args)
    items = [_proj_group(ws, p, g, perm)
             for g, perm in workspace_data(ctx)["project_groups"][(ws["slug"], p["key"])]]
    return st.listing(ctx, items, "project_group_permissions",
                      lambda: [_proj_group(ws, p, st.GROUPS["acme"][0], "admin")])


def _proj_keys(ctx, ws, p):
    rng = ctx.rng("project-keys:%s:%s" % (ws["slug"], p["key"]))
    out = []
    for i in range(workspace_data(ctx)["project_keys"][(ws["slug"], p["key"])]):
        kid = 1200 + 10 * sum(map(ord, p["key"])) + i
        key, comment = st.ssh_key(rng, "ci@%s" % p["key"].lower())
        out.append({
            "comment": comment,
            "last_used": None,
            "links": {"self": {"href": "%s/workspaces/%s/projects/%s/deploy-keys/%d"
                                       % (API, ws["slug"], p["key"], kid)}},
            "label": "ci",
            "project": _proj_ref(p),
            "created_on": st.ts(rng, _T0),
            "key": key,
            "type": "project_deploy_key",
            "id": kid,
        })
    return out


def project_keys(ctx, args):
    ws, p = _project(ctx, args)
    items = _proj_keys(ctx, ws, p)
    return st.listing(ctx, items, "project_deploy_keys",
                      lambda: [k for w in ctx.store.workspaces
                               for pp in workspace_data(ctx)["projects"][w["slug"]]
                               for k in _proj_keys(ctx, w, pp)])


def snippets(ctx, args):
    ws = ctx.workspace(args["workspace"])
    items = workspace_data(ctx)["snippets"][ws["slug"]]
    role = ctx.param("role")
    if role is not None and role not in ("owner", "contributor", "member"):
        raise sys.modules[type(ctx.handler).__module__].ApiError(400, "Invalid role: %s" % role)
    return st.listing(ctx, items, "snippets", lambda: _every(ctx, "snippets"))


def _snippet_key(ctx, args):
    ws = ctx.workspace(args["workspace"])
    k = (ws["slug"], args["encoded_id"])
    if k not in workspace_data(ctx)["snippet_commits"]:
        raise not_found(ctx, "Snippet %s not found" % args["encoded_id"])
    return k


def snippet_comments(ctx, args):
    k = _snippet_key(ctx, args)
    return st.listing(ctx, workspace_data(ctx)["snippet_comments"][k], "snippet_comments",
                      lambda: _every(ctx, "snippet_comments"))


def snippet_commits(ctx, args):
    k = _snippet_key(ctx, args)
    return st.listing(ctx, workspace_data(ctx)["snippet_commits"][k], "snippet_commits",
                      lambda: _every(ctx, "snippet_commits"))


def snippet_watchers(ctx, args):
    k = _snippet_key(ctx, args)
    return st.listing(ctx, [user_ref(p) for p in workspace_data(ctx)["snippet_watchers"][k]],
                      "snippet_watchers", lambda: [user_ref(p) for p in ctx.store.people])


def my_workspace_permissions(ctx, args):
    items = [o for ws in ctx.store.workspaces for o in _perm_items(ctx, ws)
             if o["user"]["uuid"] == ctx.store.me["uuid"]]
    return st.listing(ctx, items, "user_workspace_permissions", lambda: items)


def my_workspace_repo_permissions(ctx, args):
    ws = ctx.workspace(args["workspace"])
    items = _repo_perms(ctx, ws, only_me=True)
    return st.listing(ctx, items, "user_repo_permissions", lambda: items)


def my_repo_permissions(ctx, args):
    items = [o for ws in ctx.store.workspaces for o in _repo_perms(ctx, ws, only_me=True)]
    return st.listing(ctx, items, "user_repo_permissions", lambda: items)


_W = "workspaces/{workspace}/"
ROUTES = [
    (_W + "members", members),
    (_W + "permissions", permissions),
    (_W + "permissions/repositories", repo_permissions),
    (_W + "hooks", hooks),
    (_W + "pipelines-config/variables", variables),
    (_W + "pipelines-config/runners", runners),
    (_W + "projects", projects),
    (_W + "projects/{project_key}/default-reviewers", project_reviewers),
    (_W + "projects/{project_key}/permissions-config/users", project_users),
    (_W + "projects/{project_key}/permissions-config/groups", project_groups),
    (_W + "projects/{project_key}/deploy-keys", project_keys),
    ("snippets/{workspace}", snippets),
    ("snippets/{workspace}/{encoded_id}/comments", snippet_comments),
    ("snippets/{workspace}/{encoded_id}/commits", snippet_commits),
    ("snippets/{workspace}/{encoded_id}/watchers", snippet_watchers),
    ("user/permissions/workspaces", my_workspace_permissions),
    ("user/permissions/repositories", my_repo_permissions),
    ("user/workspaces/{workspace}/permissions/repositories", my_workspace_repo_permissions),
]
