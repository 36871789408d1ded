"""Endpoint families beyond the core ones (workspaces, repositories, pull
requests, which server.py serves itself).

Each module in this package defines ROUTES, a list of (pattern, handler):

    pattern  a path below /2.0 with {name} segments, e.g.
             "repositories/{workspace}/{repo_slug}/refs/branches"
    handler  handler(ctx, args) -> List(...) | Obj(...) | Raw(...)
             args: the {name} values, unquoted; ctx: a Context.

A family builds its data from ctx.store the first time it is asked
(ctx.data(name, build)), deterministically from the seed, in the exact
shapes of the captured fixtures and the spec. Unknown parents answer 404
through ctx.workspace() / ctx.repo() / ctx.error().
"""
import importlib
import sys
import pkgutil
import random


class List:
    """A paginated list: server.py pages, filters (q=), sorts and applies
    fields= exactly as for the core lists."""

    def __init__(self, items, kind, default_len=10, max_len=100,
                 strict_max=False, hidden=()):
        self.items, self.kind = items, kind
        self.default_len, self.max_len = default_len, max_len
        self.strict_max, self.hidden = strict_max, hidden


class Obj:
    """One object (fields= applies)."""

    def __init__(self, obj):
        self.obj = obj


class Raw:
    """A payload sent as it is (for endpoints with their own paging, such
    as the commit iterators' opaque `page` tokens)."""

    def __init__(self, payload):
        self.payload = payload


class Context:
    def __init__(self, handler, params):
        self.handler = handler
        self.store = handler.st.store
        self.params = params  # list of (key, value) of the query string
        self.base = "https://api.bitbucket.org/2.0"

    def param(self, name, default=None):
        vals = [v for k, v in self.params if k == name]
        return vals[-1] if vals else default

    def params_all(self, name):
        return [v for k, v in self.params if k == name]

    def error(self, status, message, **kw):
        """An API error (kw: detail, headers, plain) of the running
        server's own class: server.py runs as __main__, and importing it
        again would make a second ApiError, which it would not catch."""
        mod = sys.modules[type(self.handler).__module__]
        return mod.ApiError(status, message, **kw)

    def workspace(self, slug):
        return self.handler._workspace(slug)

    def repo(self, ws_slug, repo_slug):
        ws = self.workspace(ws_slug)
        r = self.store.repo_index.get((ws["slug"], repo_slug))
        if r is None:
            raise self.error(404, "Repository %s/%s not found"
                             % (ws_slug, repo_slug))
        return r

    def rng(self, name):
        """A random generator of the family's own, from the seed."""
        return random.Random("%s:%s" % (self.store.seed, name))

    def data(self, name, build):
        """The family's data, built once: build(store, rng)."""
        cache = self.store.__dict__.setdefault("_families", {})
        if name not in cache:
            cache[name] = build(self.store, self.rng(name))
        return cache[name]


def _compile(pattern):
    return [p for p in pattern.split("/") if p]


ROUTES = []
for mod in pkgutil.iter_modules(__path__):
    m = importlib.import_module(__name__ + "." + mod.name)
    for pattern, handler in getattr(m, "ROUTES", []):
        ROUTES.append((_compile(pattern), handler))


def match(segs):
    """The handler and arguments for path segments below /2.0, or None."""
    for pat, handler in ROUTES:
        if len(pat) != len(segs):
            continue
        args = {}
        for p, s in zip(pat, segs):
            if p.startswith("{") and p.endswith("}"):
                args[p[1:-1]] = s
            elif p != s:
                break
        else:
            return handler, args
    return None
