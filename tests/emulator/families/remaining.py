"""The collections no other family serves: a user's SSH and GPG keys and
(deprecated) pipeline variables, the pull requests a user authored across
a workspace, the pull requests that contain a commit, a repository's
runners and pipeline known hosts, and the root directory of a
repository's main branch (`/src`).

Shapes: SSH and GPG keys as the spec's examples (`key` and `subkeys` of a
GPG key only when fields= asks for them, as the spec says); pull requests
are the core data's objects (listed as the repository list does: state
filter, default OPEN, reviewers and participants on request); runners as
the workspace runners (families/workspace.py); known hosts, variables and
tree entries as the spec (pipeline_known_host, pipeline_variable,
commit_file and commit_directory; no capture exists).

Paging: the users service and the pull-request lists page with `next`;
the pipelines service (known hosts, user variables) with `page` and
`size` only, as families/pipelines.py. GET .../src answers a redirect to
the listing of the main branch's head commit (`src/{hash}/`), as the spec
says; an empty repository has no such commit: 404. Only the root directory
of a commit is listed (deeper paths are not emulated).
"""
import datetime as _dt
import hashlib
import mimetypes
import sys
from urllib.parse import quote, urlsplit

from data import API, WEB, EPOCH_END, _commit, _enc_uuid, user_ref

from families import List, Raw
from families import code as codefam
from families import pipelines as pipefam
from families import settings as st

_T0 = _dt.datetime(2016, 1, 1, tzinfo=_dt.timezone.utc)
_HOSTS = [("bitbucket.org", "ssh-rsa"), ("github.com", "ssh-ed25519"),
          ("git.acme.example", "ecdsa-sha2-nistp256"), ("deploy.acme.example", "ssh-ed25519")]
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _server(ctx):
    """The running server's module (server.py runs as __main__: importing
    it again would make a second copy of it)."""
    return sys.modules[type(ctx.handler).__module__]


def _b64(rng, n):
    return "".join(rng.choice(_B64) for _ in range(n))


# -- users ---------------------------------------------------------------------

def _person(ctx, ident, names=False):
    """The account a {selected_user} names: its UUID in braces or its
    Atlassian account id (and, where the endpoint takes one, its username)."""
    store = ctx.store
    low = ident.lower()
    for p in store.people:
        if p["uuid"].lower() == low or p["account_id"] == ident:
            return p
        if names and (p["nickname"] == ident or
                      (p is store.me and store.user["username"] == ident)):
            return p
    raise ctx.error(404, "User %s not found" % ident)


def _mine(ctx, ident):
    p = _person(ctx, ident)
    if p is not ctx.store.me:
        raise ctx.error(403, "You do not have access to this user's resources")
    return p


def _owner(store):
    o = user_ref(store.me)
    o["username"] = store.user["username"]
    return o


def _build_user(store, rng):
    me = store.me
    enc = _enc_uuid(me["uuid"])
    owner = _owner(store)
    ssh = []
    for label, comment in (("laptop", "demo@laptop"), ("", "demo@build-box"),
                           ("CI deploy", "ci@acme.example")):
        u = st.uuid(rng)
        key, comment = st.ssh_key(rng, comment)
        created = st.ts(rng, _T0, EPOCH_END - _dt.timedelta(days=90))
        used = rng.choice([None, st.ts(rng, _dt.datetime.fromisoformat(created))])
        ssh.append({
            "comment": comment,
            "created_on": created,
            "expires_on": None if label != "CI deploy" else st.ts(rng, EPOCH_END, EPOCH_END + _dt.timedelta(days=365)),
            "fingerprint": _b64(rng, 43),
            "key": key,
            "label": label,
            "last_used": used,
            "links": {"self": {"href": "%s/users/%s/ssh-keys/%s" % (API, enc, u.strip("{}"))}},
            "owner": owner,
            "type": "ssh_key",
            "uuid": u,
        })
    gpg = []
    for name, n_sub in (("Demo's signing key", 1), ("Old key (2019)", 0)):
        fp = "%040X" % rng.getrandbits(160)
        created = st.ts(rng, _T0, EPOCH_END - _dt.timedelta(days=200))
        added = st.ts(rng, _dt.datetime.fromisoformat(created))
        expires = None if n_sub else st.ts(rng, _dt.datetime.fromisoformat(added))
        subs = []
        for _ in range(n_sub):
            sfp = "%040X" % rng.getrandbits(160)
            subs.append({
                "type": "gpg_key", "fingerprint": sfp, "key_id": sfp[-16:],
                "parent_fingerprint": fp, "created_on": created, "added_on": added,
                "expires_on": None, "last_used": None,
            })
        gpg.append({
            "added_on": added,
            "created_on": created,
            "expires_on": expires,
            "fingerprint": fp,
            "key_id": fp[-16:],
            "last_used": rng.choice([None, st.ts(rng, _dt.datetime.fromisoformat(added))]),
            "links": {"self": {"href": "%s/users/%s/gpg-keys/%s" % (API, enc, fp)}},
            "name": name,
            "owner": owner,
            "parent_fingerprint": None,
            "type": "gpg_key",
            "key": "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PUBLIC KEY BLOCK-----\n"
                   % ("\n".join(_b64(rng, 64) for _ in range(4)), _b64(rng, 4)),
            "subkeys": subs,
        })
    variables = []
    for key, secured, value in (("HOME_REGION", False, "eu-central-1"),
                                ("PERSONAL_TOKEN", True, None),
                                ("EDITOR", False, "vim")):
        v = {"type": "pipeline_variable", "uuid": st.uuid(rng), "key": key, "secured": secured}
        if not secured:
            v["value"] = value
        variables.append(v)
    return {"ssh": ssh, "gpg": gpg, "variables": variables}


def _user_data(ctx):
    return ctx.data("remaining-user", _build_user)


def ssh_keys(ctx, args):
    _mine(ctx, args["selected_user"])
    items = _user_data(ctx)["ssh"]
    return st.listing(ctx, items, "user_ssh_keys", lambda: items)


GPG_HIDDEN = (("values", "key"), ("values", "subkeys"))


def gpg_keys(ctx, args):
    _mine(ctx, args["selected_user"])
    items = _user_data(ctx)["gpg"]
    return st.listing(ctx, items, "user_gpg_keys", lambda: items, hidden=GPG_HIDDEN)


def user_variables(ctx, args):
    _mine(ctx, args["selected_user"])
    ctx.data("pipelines", pipefam._build)  # sort= reads its field types
    return pipefam._page(ctx, _user_data(ctx)["variables"], "variables")


# -- pull requests -------------------------------------------------------------

def user_pullrequests(ctx, args):
    ws = ctx.workspace(args["workspace"])
    p = _person(ctx, args["selected_user"], names=True)
    prs = [pr for r in ctx.store.repos[ws["slug"]]
           for pr in ctx.store.prs[(ws["slug"], r["slug"])]
           if pr["author"]["uuid"] == p["uuid"]]
    prs.sort(key=lambda pr: pr["updated_on"], reverse=True)
    path = urlsplit(ctx.handler.path).path
    return Raw(ctx.handler._pr_list(path, ctx.params, prs))


def _commit_prs(store, rng, rc, prs):
    """Which pull requests each commit was reviewed in (hash -> list)."""
    out = {}
    if not prs:
        return out
    for c in rc.commits:
        if rng.random() < 0.3:
            picked = rng.sample(prs, min(len(prs), rng.choice([1, 1, 1, 2])))
            out[c["hash"]] = sorted(picked, key=lambda pr: pr["id"], reverse=True)
    return out


def commit_pullrequests(ctx, args):
    rc, r = codefam._code(ctx, args)
    c = codefam._lookup(ctx, rc, args["commit"])
    key = (r["ws"]["slug"], r["slug"])
    prs = ctx.store.prs[key]
    links = ctx.data("remaining-commit-prs:%s/%s" % key,
                     lambda store, rng: _commit_prs(store, rng, rc, prs))
    return List(links.get(c["hash"], []), "pullrequests", 30, 50, strict_max=True,
                hidden=_server(ctx).PR_HIDDEN_IN_LIST)


# -- pipelines configuration ---------------------------------------------------

def _build_pipes(store, rng):
    """Runners and known hosts of the repositories that run pipelines."""
    runners, hosts = {}, {}
    # The pipelines family's repositories (its data is built from its own seed).
    pipes = store._families.get("pipelines")
    for key in sorted(pipes):
        r = store.repo_index[key]
        rs = []
        for i in range(rng.choice([0, 0, 1, 2])):
            created = st.ts(rng, r["created"])
            updated = st.ts(rng, _dt.datetime.fromisoformat(created))
            status = rng.choice(["ONLINE", "ONLINE", "OFFLINE", "UNREGISTERED", "UNHEALTHY"])
            rs.append({
                "type": "pipeline_runner",
                "uuid": st.uuid(rng),
                "name": "%s-runner-%d" % (r["slug"], i + 1),
                "labels": ["self.hosted", rng.choice(["linux", "linux.shell", "macos", "windows"])],
                "state": {"type": "pipeline_runner_state", "status": status,
                          "version": {"type": "pipeline_runner_version",
                                      "version": rng.choice(["3.1.0", "3.2.0"]), "current": "3.2.0"},
                          "updated_on": updated, "cordoned": rng.random() < 0.2},
                "created_on": created,
                "updated_on": updated,
                "oauth_client": {"type": "pipeline_runner_oauth_client",
                                 "id": "%032x" % rng.getrandbits(128),
                                 "token_endpoint": "https://auth.atlassian.com/oauth/token",
                                 "audience": "api.atlassian.com"},
            })
        runners[key] = rs
        hs = []
        for host, ktype in rng.sample(_HOSTS, rng.choice([0, 1, 1, 2])):
            body = _b64(rng, 68 if ktype != "ssh-rsa" else 372)
            digest = hashlib.md5(body.encode()).hexdigest()
            hs.append({
                "type": "pipeline_known_host",
                "uuid": st.uuid(rng),
                "hostname": host,
                "public_key": {"type": "pipeline_ssh_public_key", "key_type": ktype,
                               "key": body,
                               "md5_fingerprint": "md5:" + ":".join(digest[i:i + 2] for i in range(0, 32, 2)),
                               "sha256_fingerprint": "SHA256:" + _b64(rng, 43)},
            })
        hosts[key] = hs
    return {"runners": runners, "hosts": hosts}


def _pipes(ctx, args):
    r = ctx.repo(args["workspace"], args["repo_slug"])
    ctx.data("pipelines", pipefam._build)
    return (r["ws"]["slug"], r["slug"]), ctx.data("remaining-pipes", _build_pipes)


def runners(ctx, args):
    key, d = _pipes(ctx, args)
    return st.listing(ctx, d["runners"].get(key, []), "repo_runners",
                      lambda: [x for v in d["runners"].values() for x in v])


def known_hosts(ctx, args):
    key, d = _pipes(ctx, args)
    return pipefam._page(ctx, d["hosts"].get(key, []), "known_hosts")


# -- source tree ---------------------------------------------------------------

def _tree(ctx, r, h):
    """The root entries at commit h, in git's tree order."""
    rng = ctx.rng("remaining-src:%s" % r["full_name"])
    files = set(rng.sample(codefam._FILES, rng.randint(3, len(codefam._FILES))))
    files.add("README.md")
    full = r["full_name"]
    base = "%s/repositories/%s" % (API, full)
    entries = {}
    for f in sorted(files):
        top = f.split("/", 1)[0]
        if "/" in f:
            entries[top + "/"] = {
                "path": top,
                "type": "commit_directory",
                "links": {"self": {"href": "%s/src/%s/%s/" % (base, h, quote(top))},
                          "meta": {"href": "%s/src/%s/%s/?format=meta" % (base, h, quote(top))}},
                "commit": _commit(full, h),
            }
        else:
            entries[f] = {
                "path": f,
                "commit": _commit(full, h),
                "type": "commit_file",
                "attributes": ["executable"] if f == "setup.py" and rng.random() < 0.3 else [],
                "escaped_path": f,
                "size": rng.randint(40, 9000),
                "mimetype": mimetypes.guess_type(f)[0],
                "links": {"self": {"href": "%s/src/%s/%s" % (base, h, quote(f))},
                          "meta": {"href": "%s/src/%s/%s?format=meta" % (base, h, quote(f))},
                          "history": {"href": "%s/filehistory/%s/%s" % (base, h, quote(f))}},
            }
    return [entries[k] for k in sorted(entries)]


def _every_tree(ctx):
    r = ctx.store.repo_index[codefam.BIG_REPO]
    rc = ctx.data("code", codefam._build)[codefam.BIG_REPO]
    return _tree(ctx, r, rc.commits[-1]["hash"])


def src_root(ctx, args):
    rc, r = codefam._code(ctx, args)
    main = (r["object"]["mainbranch"] or {}).get("name")
    head = next((b["target"]["hash"] for b in rc.branches if b["name"] == main), None)
    if head is None:
        raise ctx.error(404, "Repository %s has no commits" % r["full_name"])
    q = urlsplit(ctx.handler.path).query
    loc = "/2.0/repositories/%s/%s/src/%s/" % (quote(r["ws"]["slug"]), quote(r["slug"]), head)
    raise ctx.error(302, "Found", headers={"Location": loc + ("?" + q if q else "")}, plain="")


def src_dir(ctx, args):
    rc, r = codefam._code(ctx, args)
    h = codefam._resolve(ctx, rc, args["commit"])
    return st.listing(ctx, _tree(ctx, r, h), "src_entries", lambda: _every_tree(ctx))


_R = "repositories/{workspace}/{repo_slug}/"
ROUTES = [
    ("users/{selected_user}/ssh-keys", ssh_keys),
    ("users/{selected_user}/gpg-keys", gpg_keys),
    ("users/{selected_user}/pipelines_config/variables", user_variables),
    ("workspaces/{workspace}/pullrequests/{selected_user}", user_pullrequests),
    (_R + "commit/{commit}/pullrequests", commit_pullrequests),
    (_R + "pipelines-config/runners", runners),
    (_R + "pipelines_config/ssh/known_hosts", known_hosts),
    (_R + "src", src_root),
    (_R + "src/{commit}", src_dir),
]
