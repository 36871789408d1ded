"""Deterministic sample data for the Bitbucket Cloud emulator.

Everything is generated from one ``random.Random(seed)``; no wall clock and no
global random state is used, so the same seed always gives the same objects.
The object shapes follow the captured responses in
shared/bitbucket/fixtures/ (key names, nesting, JSON types, links).

What is fixed regardless of the seed (see README.md): workspace slugs, the
special repositories and their pull-request counts, and the special pull
requests.  Filler repositories and their pull-request counts vary with the
seed.
"""

import datetime as _dt
import html as _html
import random
import uuid as _uuid

API = "https://api.bitbucket.org/2.0"
WEB = "https://bitbucket.org"

# A fixed "now" so that generation never depends on the wall clock.
EPOCH_END = _dt.datetime(2025, 6, 30, 12, 0, 0, tzinfo=_dt.timezone.utc)

PR_STATES = ("OPEN", "MERGED", "DECLINED", "SUPERSEDED")

# Repositories of `acme` whose OPEN pull-request counts are fixed (all other
# acme repositories get at most 6 OPEN pull requests, so these are the top 5).
TOP_OPEN = [
    ("platform-api", 55),
    ("web-frontend", 31),
    ("mobile-app", 18),
    ("data-pipeline", 12),
    ("auth-service", 9),
]
# Fixed counts of the other states for those repositories.
TOP_OTHER = {
    "platform-api": {"MERGED": 14, "DECLINED": 4, "SUPERSEDED": 2},
    "web-frontend": {"MERGED": 9, "DECLINED": 3, "SUPERSEDED": 1},
    "mobile-app": {"MERGED": 6, "DECLINED": 1, "SUPERSEDED": 1},
    "data-pipeline": {"MERGED": 5, "DECLINED": 2, "SUPERSEDED": 0},
    "auth-service": {"MERGED": 3, "DECLINED": 0, "SUPERSEDED": 1},
}

ACME_REPO_COUNT = 130
EMPTY_REPO = "empty-repo"
NO_PROJECT_REPOS = ("scratchpad", "old-prototype", "Legacy Billing", "personal-notes", "hackday-2019")

_ADJ = ["amber", "brisk", "cobalt", "dusty", "ember", "frosty", "gilded", "hollow",
        "ivory", "jolly", "keen", "lunar", "mossy", "nimble", "onyx", "polar",
        "quiet", "rapid", "silent", "tidal", "umber", "vivid", "woolly", "zesty"]
_NOUN = ["badger", "comet", "delta", "falcon", "garden", "harbor", "island",
         "jigsaw", "kettle", "lantern", "meadow", "nebula", "orchid", "pylon",
         "quarry", "river", "summit", "tundra", "vortex", "willow"]
_LANGS = ["python", "java", "javascript", "typescript", "go", "c", "c++", "rust",
          "kotlin", "php", "ruby", "shell", "scala", ""]
_TITLE_VERBS = ["Fix", "Add", "Refactor", "Update", "Remove", "Improve", "Document",
                "Bump", "Rework", "Speed up", "Clean up", "Harden"]
_TITLE_OBJS = ["login flow", "CSV export", "retry logic", "cache layer", "CI pipeline",
               "error messages", "README", "dependency versions", "date parsing",
               "pagination", "search index", "rate limiter", "unit tests",
               "logging", "config loader", "webhook handler", "schema migration"]
_DESCS = ["", "", "Small change, see the commits.",
          "* adjust the defaults\n* add tests\n\nCloses #12",
          "This replaces the old implementation.\n\nReviewed offline with the team.",
          "Follow-up to the previous PR."]
_DECLINE_REASONS = ["", "Not needed any more.", "Superseded by a different approach.",
                    "Please split this into smaller changes."]

# (display_name, nickname, account_id style)
_PEOPLE = [
    ("Alice Martin", "amartin", "557058"),
    ("Bob Nguyen", "bnguyen", "557058"),
    ("José Álvarez", "jalvarez", "557058"),
    ("Zoë Ångström", "zoe.a", "557058"),
    ("王芳", "wangfang", "557058"),
    ("Priya Raman", "praman", "557058"),
    ("Ola Nordmann", "ola", "hex"),
    ("Chen Wei", "cwei", "557058"),
    ("Fatima Zahra", "fzahra", "hex"),
    ("Grace O'Neil", "goneil", "557058"),
    ("build-bot", "build-bot", "hex"),
]


def fmt_ts(dt):
    """Timestamps as the API writes them: 6 fraction digits and +00:00."""
    return dt.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def _enc_uuid(u):
    return u.replace("{", "%7B").replace("}", "%7D")


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    # -- primitives --------------------------------------------------------
    def uuid(self):
        return "{%s}" % _uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def hexstr(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def ts_between(self, start, end):
        span = (end - start).total_seconds()
        if span <= 0:
            return start
        secs = self.rng.random() * span
        dt = start + _dt.timedelta(seconds=secs)
        return dt.replace(microsecond=self.rng.randrange(1000000))

    # -- accounts ----------------------------------------------------------
    def make_person(self, display_name, nickname, style):
        u = self.uuid()
        if style == "hex":
            account_id = self.hexstr(24)
        else:
            account_id = "557058:" + self.uuid()[1:-1]
        initials = "".join(w[0] for w in display_name.split()[:2]).upper() or "U"
        if self.rng.random() < 0.5:
            avatar = ("https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/"
                      "initials/%s-%d.png" % (initials, self.rng.randrange(7)))
        else:
            avatar = ("https://secure.gravatar.com/avatar/%s?d=https%%3A%%2F%%2Favatar-management"
                      "--avatars.us-west-2.prod.public.atl-paas.net%%2Finitials%%2F%s-%d.png"
                      % (self.hexstr(32), initials, self.rng.randrange(7)))
        return {
            "display_name": display_name,
            "nickname": nickname,
            "uuid": u,
            "account_id": account_id,
            "avatar": avatar,
        }


def team_ref(ws):
    """The workspace as an owner (as in a repository's `owner`)."""
    return {
        "display_name": ws["name"],
        "links": {
            "self": {"href": "%s/workspaces/%s" % (API, _enc_uuid(ws["uuid"]))},
            "avatar": {"href": "%s/account/%s/avatar/" % (WEB, ws["slug"])},
            "html": {"href": "%s/%s/" % (WEB, _enc_uuid(ws["uuid"]))},
        },
        "type": "team",
        "uuid": ws["uuid"],
        "username": ws["slug"],
    }


def user_ref(p):
    """A user as embedded in pull requests (author, reviewers, closed_by...)."""
    if p.get("former"):
        # Deleted account: only a display name, a uuid and an avatar link.
        return {
            "display_name": "Former user",
            "links": {"avatar": {"href": p["avatar"]}},
            "type": "user",
            "uuid": p["uuid"],
        }
    return {
        "display_name": p["display_name"],
        "links": {
            "self": {"href": "%s/users/%s" % (API, _enc_uuid(p["uuid"]))},
            "avatar": {"href": p["avatar"]},
            "html": {"href": "%s/%s/" % (WEB, _enc_uuid(p["uuid"]))},
        },
        "type": "user",
        "uuid": p["uuid"],
        "account_id": p["account_id"],
        "nickname": p["nickname"],
    }


def current_user(p, username, created_on):
    """The /2.0/user object (drone_go-scm/user.json plus the spec's user keys)."""
    return {
        "username": username,
        "website": None,
        "display_name": p["display_name"],
        "account_id": p["account_id"],
        "links": {
            "hooks": {"href": "%s/users/%s/hooks" % (API, username)},
            "self": {"href": "%s/users/%s" % (API, username)},
            "repositories": {"href": "%s/repositories/%s" % (API, username)},
            "html": {"href": "%s/%s/" % (WEB, username)},
            "followers": {"href": "%s/users/%s/followers" % (API, username)},
            "avatar": {"href": "%s/account/%s/avatar/32/" % (WEB, username)},
            "following": {"href": "%s/users/%s/following" % (API, username)},
            "snippets": {"href": "%s/snippets/%s" % (API, username)},
        },
        "nickname": p["nickname"],
        "created_on": created_on,
        "is_staff": False,
        "location": None,
        "account_status": "active",
        "has_2fa_enabled": None,
        "type": "user",
        "uuid": p["uuid"],
    }


def workspace_obj(ws):
    s = ws["slug"]
    return {
        "created_on": ws["created_on"],
        "is_private": ws["is_private"],
        "links": {
            "avatar": {"href": "%s/workspaces/%s/avatar/?ts=%d" % (WEB, s, ws["avatar_ts"])},
            "html": {"href": "%s/%s/" % (WEB, s)},
            "members": {"href": "%s/workspaces/%s/members" % (API, s)},
            "owners": {"href": "%s/workspaces/%s/members?q=permission%%3D%%22owner%%22" % (API, s)},
            "projects": {"href": "%s/workspaces/%s/projects" % (API, s)},
            "repositories": {"href": "%s/repositories/%s" % (API, s)},
            "self": {"href": "%s/workspaces/%s" % (API, s)},
            "snippets": {"href": "%s/snippets/%s" % (API, s)},
        },
        "name": ws["name"],
        "slug": s,
        "type": "workspace",
        "uuid": ws["uuid"],
    }


def workspace_access_obj(ws):
    """`workspace_access` as in the spec's example for GET /user/workspaces."""
    s = ws["slug"]
    return {
        "administrator": ws["administrator"],
        "type": "workspace_access",
        "workspace": {
            "links": {
                "avatar": {"href": "https://api.bitbucket.org/workspaces/%s/avatar/" % s},
                "self": {"href": "%s/workspaces/%s" % (API, s)},
            },
            "slug": s,
            "type": "workspace_base",
            "uuid": ws["uuid"],
        },
    }


def _repo_mini(r):
    full = r["full_name"]
    return {
        "type": "repository",
        "full_name": full,
        "links": {
            "self": {"href": "%s/repositories/%s" % (API, full)},
            "html": {"href": "%s/%s" % (WEB, full)},
            "avatar": {"href": "https://bytebucket.org/ravatar/%s?ts=default" % _enc_uuid(r["uuid"])},
        },
        "name": r["name"],
        "uuid": r["uuid"],
    }


def _commit(full, h):
    return {
        "hash": h,
        "links": {
            "self": {"href": "%s/repositories/%s/commit/%s" % (API, full, h)},
            "html": {"href": "%s/%s/commits/%s" % (WEB, full, h)},
        },
        "type": "commit",
    }


def _rendered(text):
    if text:
        paras = [p for p in text.split("\n\n") if p.strip()]
        html = "\n".join("<p>%s</p>" % _html.escape(p).replace("\n", "<br>") for p in paras)
    else:
        html = ""
    return {"type": "rendered", "raw": text, "markup": "markdown", "html": html}


class Store:
    """All emulated data, built once at start-up."""

    def __init__(self, seed=42, username="demo"):
        g = Generator(seed)
        self.seed = seed
        rng = g.rng
        # People.  The demo user is the first one.
        self.me = g.make_person("Demo User", username, "557058")
        self.me_created_on = fmt_ts(_dt.datetime(2015, 3, 14, 9, 26, 53, 589793, tzinfo=_dt.timezone.utc))
        self.user = current_user(self.me, username, self.me_created_on)
        self.people = [self.me] + [g.make_person(*p) for p in _PEOPLE]
        self.former = g.make_person("Former user", "", "557058")
        self.former["former"] = True
        self.former["avatar"] = ("https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/"
                                 "default-avatar.png")

        # Workspaces.
        self.workspaces = []  # full internal dicts, in listing order
        for slug, name, admin, private in (("acme", "Acme Corporation", True, True),
                                           ("globex", "Globex Café", False, False)):
            ws = {
                "slug": slug, "name": name, "uuid": g.uuid(), "administrator": admin,
                "is_private": private,
                "created_on": fmt_ts(g.ts_between(_dt.datetime(2016, 1, 1, tzinfo=_dt.timezone.utc),
                                                  _dt.datetime(2018, 1, 1, tzinfo=_dt.timezone.utc))),
                "avatar_ts": rng.randrange(1500000000, 1700000000),
            }
            ws["object"] = workspace_obj(ws)
            ws["access"] = workspace_access_obj(ws)
            self.workspaces.append(ws)
        self.ws_by_slug = {w["slug"]: w for w in self.workspaces}
        self.ws_by_uuid = {w["uuid"]: w for w in self.workspaces}

        # Projects.
        self.projects = {}
        for ws_slug, keys in (("acme", [("PLAT", "Platform"), ("WEB", "Web"), ("DATA", "Data & Analytics"),
                                        ("OPS", "Operations")]),
                              ("globex", [("GLX", "Globex main")])):
            self.projects[ws_slug] = [self._project(g, ws_slug, k, n) for k, n in keys]

        # Repositories.
        self.repos = {}       # ws slug -> list (listing order)
        self.repo_index = {}  # (ws slug, repo slug) -> internal repo dict
        self.prs = {}         # (ws slug, repo slug) -> list of full PR objects (updated_on desc)
        self._make_acme(g)
        self._make_globex(g)
        # Pull-request lists come newest-updated first, as the real service lists them.
        for lst in self.prs.values():
            lst.sort(key=lambda p: p["updated_on"], reverse=True)

    # -- helpers -----------------------------------------------------------
    def _project(self, g, ws_slug, key, name):
        return {
            "type": "project",
            "key": key,
            "uuid": g.uuid(),
            "name": name,
            "links": {
                "self": {"href": "%s/workspaces/%s/projects/%s" % (API, ws_slug, key)},
                "html": {"href": "%s/%s/workspace/projects/%s" % (WEB, ws_slug, key)},
                "avatar": {"href": "%s/%s/workspace/projects/%s/avatar/32?ts=%d"
                                   % (WEB, ws_slug, key, g.rng.randrange(1500000000, 1700000000))},
            },
        }

    def _add_repo(self, g, ws, name, *, description=None, language=None, project="random",
                  empty=False, is_private=None, open_count=None, other_counts=None):
        rng = g.rng
        slug = name.lower().replace(" ", "-")
        full = "%s/%s" % (ws["slug"], slug)
        created = g.ts_between(_dt.datetime(2016, 6, 1, tzinfo=_dt.timezone.utc),
                               _dt.datetime(2023, 6, 1, tzinfo=_dt.timezone.utc))
        updated = g.ts_between(created, EPOCH_END - _dt.timedelta(days=1))
        if description is None:
            description = rng.choice(["", "", "Service for %s." % name.replace("-", " "),
                                      "Internal tooling – do not fork.", "Mirror of the upstream project."])
        if language is None:
            language = rng.choice(_LANGS)
        if is_private is None:
            is_private = rng.random() < 0.7
        if project == "random":
            project = rng.choice(self.projects[ws["slug"]])
        r = {
            "ws": ws, "slug": slug, "name": name, "full_name": full, "uuid": g.uuid(),
            "created": created, "updated": updated,
        }
        uuid_enc = _enc_uuid(r["uuid"])
        base = "%s/repositories/%s" % (API, full)
        obj = {
            "scm": "git",
            "website": rng.choice(["", "", "", "https://%s.example.com/" % slug]),
            "has_wiki": rng.random() < 0.3,
            "name": name,
            "links": {
                "watchers": {"href": base + "/watchers"},
                "branches": {"href": base + "/refs/branches"},
                "tags": {"href": base + "/refs/tags"},
                "commits": {"href": base + "/commits"},
                "clone": [
                    {"href": "https://%s@bitbucket.org/%s.git" % (self.me["nickname"], full), "name": "https"},
                    {"href": "git@bitbucket.org:%s.git" % full, "name": "ssh"},
                ],
                "self": {"href": base},
                "source": {"href": base + "/src"},
                "html": {"href": "%s/%s" % (WEB, full)},
                "avatar": {"href": "https://bytebucket.org/ravatar/%s?ts=default" % uuid_enc},
                "hooks": {"href": base + "/hooks"},
                "forks": {"href": base + "/forks"},
                "downloads": {"href": base + "/downloads"},
                "pullrequests": {"href": base + "/pullrequests"},
            },
            "fork_policy": "allow_forks" if not is_private else rng.choice(
                ["allow_forks", "no_public_forks", "no_forks"]),
            "uuid": r["uuid"],
            "language": language,
            "created_on": fmt_ts(created),
            "mainbranch": None if empty else {"type": "branch",
                                              "name": rng.choice(["main", "main", "master", "develop"])},
            "full_name": full,
            "has_issues": rng.random() < 0.4,
            "owner": team_ref(ws),
            "workspace": {
                "type": "workspace",
                "uuid": ws["uuid"],
                "name": ws["name"],
                "slug": ws["slug"],
                "links": {
                    "avatar": {"href": "%s/workspaces/%s/avatar/?ts=%d" % (WEB, ws["slug"], ws["avatar_ts"])},
                    "html": {"href": "%s/%s/" % (WEB, ws["slug"])},
                    "self": {"href": "%s/workspaces/%s" % (API, ws["slug"])},
                },
            },
            "project": project,
            "updated_on": fmt_ts(updated),
            "size": 0 if empty else int(rng.lognormvariate(14, 1.6)),
            "type": "repository",
            "slug": slug,
            "is_private": is_private,
            "description": description,
            "override_settings": {"default_merge_strategy": False, "branching_model": False},
            "parent": None,
            "enforced_signed_commits": None,
        }
        if project is None:
            del obj["project"]
        r["object"] = obj
        self.repos.setdefault(ws["slug"], []).append(r)
        self.repo_index[(ws["slug"], slug)] = r
        # Pull requests.
        counts = {s: 0 for s in PR_STATES}
        if not empty:
            if open_count is None:
                if rng.random() < 0.35:
                    counts = {s: 0 for s in PR_STATES}
                else:
                    counts = {"OPEN": rng.randint(0, 6), "MERGED": rng.randint(0, 8),
                              "DECLINED": rng.randint(0, 2), "SUPERSEDED": rng.choice([0, 0, 0, 1])}
            else:
                counts = dict(other_counts)
                counts["OPEN"] = open_count
        self.prs[(ws["slug"], slug)] = self._make_prs(g, r, counts)
        return r

    def _make_prs(self, g, r, counts):
        rng = g.rng
        states = []
        for s in PR_STATES:
            states += [s] * counts.get(s, 0)
        rng.shuffle(states)
        # Open PRs are mostly the newest: sort so that OPEN ones come last (higher ids)
        # with some mixing.
        states.sort(key=lambda s: (0 if s != "OPEN" else 1) + rng.random() * 0.8)
        n = len(states)
        if not n:
            return []
        full = r["full_name"]
        main = (r["object"]["mainbranch"] or {"name": "main"})["name"]
        start = r["created"]
        out = []
        t = start
        span = (EPOCH_END - start).total_seconds()
        for i, state in enumerate(states):
            pid = i + 1
            t = t + _dt.timedelta(seconds=rng.random() * span / (n + 1))
            created = t.replace(microsecond=rng.randrange(1000000))
            if state == "OPEN":
                updated = g.ts_between(created, EPOCH_END)
            else:
                updated = g.ts_between(created, min(EPOCH_END, created + _dt.timedelta(days=30)))
            author = rng.choice(self.people)
            title = "%s %s" % (rng.choice(_TITLE_VERBS), rng.choice(_TITLE_OBJS))
            desc = rng.choice(_DESCS)
            others = [p for p in self.people if p is not author]
            reviewers = rng.sample(others, rng.choice([0, 1, 1, 2, 2, 3]))
            participants = []
            for rv in reviewers:
                approved = rng.random() < (0.8 if state == "MERGED" else 0.3)
                participants.append({
                    "role": "REVIEWER",
                    "participated_on": fmt_ts(g.ts_between(created, updated)) if approved or rng.random() < 0.3 else None,
                    "type": "participant",
                    "approved": approved,
                    "user": user_ref(rv),
                })
            if state == "MERGED" and reviewers and not any(p["approved"] for p in participants):
                participants[0]["approved"] = True
                participants[0]["participated_on"] = fmt_ts(g.ts_between(created, updated))
            if rng.random() < 0.3:
                commenter = rng.choice(others)
                if commenter not in reviewers:
                    participants.append({
                        "role": "PARTICIPANT",
                        "participated_on": fmt_ts(g.ts_between(created, updated)),
                        "type": "participant",
                        "approved": False,
                        "user": user_ref(commenter),
                    })
            branch = "feature/%s-%d" % (title.split()[-1].lower().replace("'", ""), pid)
            out.append(self._pr_obj(g, r, pid, state, title, desc, author, created, updated,
                                    reviewers, participants, branch, main))
        return out

    def _pr_obj(self, g, r, pid, state, title, desc, author, created, updated, reviewers,
                participants, branch, main, reason=None, closer=None):
        rng = g.rng
        full = r["full_name"]
        base = "%s/repositories/%s" % (API, full)
        src_hash, dst_hash = g.hexstr(12), g.hexstr(12)
        merge_commit = None
        closed_by = None
        if state == "MERGED":
            merge_commit = _commit(full, g.hexstr(12))
        if state in ("MERGED", "DECLINED"):
            closed_by = user_ref(closer or rng.choice(self.people))
        if reason is None:
            reason = rng.choice(_DECLINE_REASONS) if state == "DECLINED" else ""
        mini = _repo_mini(r)
        pr = {
            "comment_count": rng.choice([0, 0, 0, 1, 2, 3, 5, 8]),
            "task_count": rng.choice([0, 0, 0, 0, 1, 2]),
            "type": "pullrequest",
            "id": pid,
            "title": title,
            "description": desc,
            "rendered": {
                "title": _rendered(title),
                "description": _rendered(desc),
            },
            "state": state,
            "draft": state == "OPEN" and rng.random() < 0.1,
            "merge_commit": merge_commit,
            "close_source_branch": rng.random() < 0.6,
            "closed_by": closed_by,
            "author": user_ref(author),
            "reason": reason,
            "created_on": fmt_ts(created),
            "updated_on": fmt_ts(updated),
            "destination": {
                "branch": {"name": main},
                "commit": _commit(full, dst_hash),
                "repository": mini,
            },
            "source": {
                "branch": {"name": branch, "links": {}},
                "commit": _commit(full, src_hash),
                "repository": mini,
            },
            "reviewers": [user_ref(p) for p in reviewers],
            "participants": participants,
            "links": {
                "self": {"href": "%s/pullrequests/%d" % (base, pid)},
                "html": {"href": "%s/%s/pull-requests/%d" % (WEB, full, pid)},
                "commits": {"href": "%s/pullrequests/%d/commits" % (base, pid)},
                "approve": {"href": "%s/pullrequests/%d/approve" % (base, pid)},
                "request-changes": {"href": "%s/pullrequests/%d/request-changes" % (base, pid)},
                "diff": {"href": "%s/diff/%s:%s%%0D%s?from_pullrequest_id=%d&topic=true"
                                 % (base, full, src_hash, dst_hash, pid)},
                "diffstat": {"href": "%s/diffstat/%s:%s%%0D%s?from_pullrequest_id=%d&topic=true"
                                     % (base, full, src_hash, dst_hash, pid)},
                "comments": {"href": "%s/pullrequests/%d/comments" % (base, pid)},
                "activity": {"href": "%s/pullrequests/%d/activity" % (base, pid)},
                "merge": {"href": "%s/pullrequests/%d/merge" % (base, pid)},
                "decline": {"href": "%s/pullrequests/%d/decline" % (base, pid)},
                "statuses": {"href": "%s/pullrequests/%d/statuses" % (base, pid)},
            },
            "summary": _rendered(desc),
        }
        return pr

    def _retitle(self, key, pid, title=None, author=None, desc=None):
        for pr in self.prs[key]:
            if pr["id"] == pid:
                if title is not None:
                    pr["title"] = title
                    pr["rendered"]["title"] = _rendered(title)
                if desc is not None:
                    pr["description"] = desc
                    pr["summary"] = _rendered(desc)
                    pr["rendered"]["description"] = _rendered(desc)
                if author is not None:
                    pr["author"] = user_ref(author)
                return pr
        raise KeyError((key, pid))

    # -- workspaces --------------------------------------------------------
    def _make_acme(self, g):
        rng = g.rng
        ws = self.ws_by_slug["acme"]
        names = [n for n, _ in TOP_OPEN] + [EMPTY_REPO] + list(NO_PROJECT_REPOS)
        pool = ["%s-%s" % (a, n) for a in _ADJ for n in _NOUN]
        rng.shuffle(pool)
        names += pool[:ACME_REPO_COUNT - len(names)]
        # Listing order is by creation: shuffle so special repos are spread over pages.
        order = names[:]
        rng.shuffle(order)
        top = dict(TOP_OPEN)
        for name in order:
            if name in top:
                self._add_repo(g, ws, name, open_count=top[name], other_counts=TOP_OTHER[name],
                               language="python" if name == "platform-api" else None,
                               description="Public REST API of the Acme platform."
                               if name == "platform-api" else None)
            elif name == EMPTY_REPO:
                self._add_repo(g, ws, name, empty=True, description="", language="")
            elif name in NO_PROJECT_REPOS:
                self._add_repo(g, ws, name, project=None)
            else:
                self._add_repo(g, ws, name)
        # Sort the listing by created_on (the order the emulator lists repositories in).
        self.repos["acme"].sort(key=lambda r: r["created"])

        # Special pull requests in platform-api: non-ASCII titles (OPEN, newest ids).
        key = ("acme", "platform-api")
        open_ids = sorted(p["id"] for p in self.prs[key] if p["state"] == "OPEN")
        self._retitle(key, open_ids[-1], "Café résumé: fix accents in export",
                      desc="Les accents « é è à » sont conservés.")
        self._retitle(key, open_ids[-2], "修正バグ: 文字化けを直す", desc="UTF-8 のデコードを修正。")
        self._retitle(key, open_ids[-3], "🚀 launch v2 landing page")
        # A pull request by a deleted account (OPEN, so it is in the default listing).
        key = ("acme", "web-frontend")
        open_ids = sorted(p["id"] for p in self.prs[key] if p["state"] == "OPEN")
        self.former_pr = ("acme", "web-frontend", open_ids[0])
        self._retitle(key, open_ids[0], "Remove deprecated endpoints", author=self.former)
        # Make sure a merged PR in platform-api is closed by the demo user.
        key = ("acme", "platform-api")
        merged = [p for p in self.prs[key] if p["state"] == "MERGED"]
        merged[0]["closed_by"] = user_ref(self.me)
        self.merged_pr = ("acme", "platform-api", merged[0]["id"])

    def _make_globex(self, g):
        ws = self.ws_by_slug["globex"]
        proj = self.projects["globex"][0]
        specs = [
            ("website", "Globex Café public website", "javascript", {"OPEN": 2, "MERGED": 3, "DECLINED": 1, "SUPERSEDED": 0}),
            ("billing", "", "java", {"OPEN": 1, "MERGED": 0, "DECLINED": 0, "SUPERSEDED": 1}),
            ("ops-scripts", "Scripts d'exploitation", "shell", {"OPEN": 0, "MERGED": 0, "DECLINED": 0, "SUPERSEDED": 0}),
            ("design-system", "", "", {"OPEN": 3, "MERGED": 2, "DECLINED": 0, "SUPERSEDED": 0}),
            ("handbook", "Employee handbook", "", {"OPEN": 0, "MERGED": 1, "DECLINED": 1, "SUPERSEDED": 0}),
        ]
        for name, desc, lang, counts in specs:
            oc = dict(counts)
            open_count = oc.pop("OPEN")
            self._add_repo(g, ws, name, description=desc, language=lang, project=proj,
                           open_count=open_count, other_counts=oc)
        self.repos["globex"].sort(key=lambda r: r["created"])

    # -- queries -----------------------------------------------------------
    def summary(self):
        out = {"seed": self.seed, "workspaces": {}}
        for ws in self.workspaces:
            repos = {}
            for r in self.repos[ws["slug"]]:
                c = {s: 0 for s in PR_STATES}
                for pr in self.prs[(ws["slug"], r["slug"])]:
                    c[pr["state"]] += 1
                repos[r["slug"]] = c
            out["workspaces"][ws["slug"]] = {"repositories": len(repos), "pullrequests": repos}
        out["empty_repository"] = "acme/" + EMPTY_REPO
        out["former_user_pullrequest"] = "%s/%s#%d" % self.former_pr
        out["merged_pullrequest_closed_by_demo"] = "%s/%s#%d" % self.merged_pr
        return out
