#!/usr/bin/env python3
"""bbemu: a Bitbucket Cloud REST API 2.0 emulator for bbodbc's tests.

Python 3 standard library only.  See README.md beside this file.

    python3 tests/emulator/server.py --port 0 --seed 42 --latency-ms 0 \
        [--port-file PATH] [--quiet] [--rate-limit N]
"""

import argparse
import base64
import collections
import datetime as _dt
import json
import os
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, unquote, urlencode

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bbql
import families  # noqa: E402
import data  # noqa: E402
import fields as fieldsmod  # noqa: E402

PR_HIDDEN_IN_LIST = (("values", "reviewers"), ("values", "participants"), ("values", "rendered"))
PR_STATES = data.PR_STATES
PLAIN_401_TEXT = ("Login failed due to incorrect login credentials or method.\n"
                  "For information on authentication methods for Bitbucket Cloud APIs, visit:\n"
                  "    https://developer.atlassian.com/cloud/bitbucket/rest/intro/#authentication\n")


class ApiError(Exception):
    def __init__(self, status, message, detail=None, headers=None, plain=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.detail = detail
        self.headers = headers or {}
        self.plain = plain

    def body(self):
        err = {"message": self.message}
        if self.detail:
            err["detail"] = self.detail
        return {"type": "error", "error": err}


class Config:
    def __init__(self, args):
        self.username = args.user or os.environ.get("BBEMU_USER") or "demo"
        self.email = args.email or os.environ.get("BBEMU_EMAIL") or "demo@example.com"
        self.token = args.token or os.environ.get("BBEMU_TOKEN") or "demo-token"
        self.bearer = args.bearer_token or os.environ.get("BBEMU_BEARER") or "demo-access-token"
        self.latency = max(0.0, args.latency_ms / 1000.0)
        self.rate_limit = args.rate_limit
        self.quiet = args.quiet
        self.plain_401 = args.plain_401


class State:
    """Mutable server state shared by the handler threads."""

    def __init__(self, store, config):
        self.store = store
        self.config = config
        self.lock = threading.Lock()
        self.log = []
        self.hits = collections.defaultdict(collections.deque)  # credential -> request times
        # Field maps for BBQL and sort validation.
        self.types = {
            "repositories": bbql.field_types(r["object"] for rs in store.repos.values() for r in rs),
            "pullrequests": bbql.field_types(p for ps in store.prs.values() for p in ps),
            "workspaces": bbql.field_types(w["object"] for w in store.workspaces),
            "workspace_access": bbql.field_types(_access_view(w["access"]) for w in store.workspaces),
        }

    def record(self, entry):
        with self.lock:
            self.log.append(entry)

    def rate_check(self, cred):
        """Count one request for this credential; raise 429 when over the limit."""
        limit = self.config.rate_limit
        if not limit:
            return None
        now = time.monotonic()
        with self.lock:
            q = self.hits[cred]
            while q and now - q[0] >= 3600:
                q.popleft()
            if len(q) >= limit:
                retry = max(1, int(3600 - (now - q[0])) + 1)
                raise ApiError(429, "Rate limit for this resource has been exceeded",
                               headers={"Retry-After": str(retry), "X-RateLimit-Limit": str(limit),
                                        "X-RateLimit-Resource": "api", "X-RateLimit-NearLimit": "true"})
            q.append(now)
            remaining = limit - len(q)
            return {"X-RateLimit-Limit": str(limit), "X-RateLimit-Resource": "api",
                    "X-RateLimit-NearLimit": "true" if remaining < max(1, limit // 20) else "false"}

    def reset(self):
        with self.lock:
            self.log.clear()
            self.hits.clear()


def _now_iso():
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle's
    # algorithm holds the body back for the client's delayed ACK (~40 ms
    # a request on a kept-alive connection).
    disable_nagle_algorithm = True
    server_version = "bbemu/1.0"
    sys_version = ""

    # -- plumbing ----------------------------------------------------------
    @property
    def st(self):
        return self.server.state

    def log_message(self, fmt, *args):
        if not self.st.config.quiet:
            sys.stderr.write("bbemu %s - %s\n" % (self.address_string(), fmt % args))

    def _read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n > 0:
            self.rfile.read(n)

    def _send(self, status, payload, headers=None, content_type="application/json; charset=utf-8"):
        if isinstance(payload, (bytes, bytearray)):
            body = bytes(payload)
        elif isinstance(payload, str):
            body = payload.encode("utf-8")
        else:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Authorization")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                # The client hung up (a cancel, a timeout): as a real
                # server, carry on with the next connection.
                self.close_connection = True
        return status

    def _split(self):
        raw = self.path
        if "?" in raw:
            path, query = raw.split("?", 1)
        else:
            path, query = raw, ""
        if "#" in query:
            query = query.split("#", 1)[0]
        return path, query

    def do_GET(self):
        self._dispatch()

    def do_HEAD(self):
        self._dispatch()

    def do_POST(self):
        self._read_body()
        self._dispatch()

    def do_PUT(self):
        self._read_body()
        self._dispatch()

    def do_DELETE(self):
        self._read_body()
        self._dispatch()

    def do_PATCH(self):
        self._read_body()
        self._dispatch()

    def _dispatch(self):
        path, query = self._split()
        if path.startswith("/_emulator"):
            self._control(path, query)
            return
        auth_kind = self._auth_kind()
        if self.st.config.latency:
            time.sleep(self.st.config.latency)
        ctype = "application/json; charset=utf-8"
        headers = None
        try:
            payload, headers = self._api(path, query)
            status = 200
        except ApiError as e:
            status, headers = e.status, e.headers
            if e.plain is not None:
                payload, ctype = e.plain, "text/plain; charset=utf-8"
            else:
                payload = e.body()
        except Exception as e:  # a bug in the emulator: say so instead of hanging up
            sys.stderr.write("bbemu: internal error: %r\n" % (e,))
            status = 500
            payload = {"type": "error", "error": {"message": "Internal emulator error"}}
        # Logged before the answer goes out, so a client that reads the log
        # right after its request always finds the request there.
        self.st.record({"method": self.command, "path": path, "query": query,
                        "status": status, "auth": auth_kind, "time": _now_iso()})
        self._send(status, payload, headers, ctype)

    # -- control endpoints ------------------------------------------------
    def _control(self, path, query):
        p = path.rstrip("/")
        if p == "/_emulator/health" and self.command in ("GET", "HEAD"):
            self._send(200, {"ok": True})
        elif p == "/_emulator/requests" and self.command in ("GET", "HEAD"):
            with self.st.lock:
                snapshot = list(self.st.log)
            self._send(200, snapshot)
        elif p == "/_emulator/requests" and self.command == "DELETE":
            with self.st.lock:
                self.st.log.clear()
            self._send(200, {"ok": True})
        elif p == "/_emulator/reset" and self.command == "POST":
            self.st.reset()
            self._send(200, {"ok": True})
        elif p == "/_emulator/summary" and self.command in ("GET", "HEAD"):
            self._send(200, self.st.store.summary())
        else:
            self._send(404, {"type": "error", "error": {"message": "Unknown emulator control endpoint"}})

    # -- auth ---------------------------------------------------------------
    def _auth_kind(self):
        h = (self.headers.get("Authorization") or "").strip()
        scheme = h.split(" ", 1)[0].lower() if h else ""
        if scheme == "basic":
            return "basic"
        if scheme == "bearer":
            return "bearer"
        return "none"

    def _authenticate(self):
        """Return a credential key for rate limiting, or raise 401."""
        cfg = self.st.config
        h = (self.headers.get("Authorization") or "").strip()
        hdrs = {"WWW-Authenticate": 'Basic realm="Bitbucket.org HTTP"'}
        if not h:
            raise ApiError(401, "Authentication required: send Basic (e-mail and API token) "
                                "or Bearer credentials.", headers=hdrs)
        scheme, _, value = h.partition(" ")
        scheme = scheme.lower()
        value = value.strip()
        if scheme == "basic":
            try:
                decoded = base64.b64decode(value, validate=True).decode("utf-8")
            except Exception:
                decoded = ""
            user, sep, secret = decoded.partition(":")
            if sep and secret == cfg.token and (user == cfg.username or user.lower() == cfg.email.lower()):
                return "user:" + cfg.username
            raise ApiError(401, "Login failed due to incorrect login credentials or method.",
                           headers=hdrs, plain=PLAIN_401_TEXT if cfg.plain_401 else None)
        if scheme == "bearer":
            if value == cfg.bearer:
                return "bearer:" + cfg.username
            raise ApiError(401, "Token is invalid or not supported for this endpoint.", headers=hdrs)
        raise ApiError(401, "Unsupported authentication method.", headers=hdrs)

    # -- API ----------------------------------------------------------------
    def _api(self, path, query):
        cred = self._authenticate()
        rl_headers = self.st.rate_check(cred)
        if self.command not in ("GET", "HEAD"):
            raise ApiError(405, "Method %s is not allowed on this resource" % self.command,
                           headers={"Allow": "GET"})
        params = parse_qsl(query, keep_blank_values=True)
        segs = [unquote(s) for s in path.split("/") if s != ""]
        payload = self._route(path, segs, params)
        return payload, rl_headers

    def _route(self, path, segs, params):
        store = self.st.store
        if not segs or segs[0] != "2.0":
            raise ApiError(404, "Resource not found")
        s = segs[1:]
        fl = [v for k, v in params if k == "fields"]
        if s == ["user"]:
            return fieldsmod.apply(store.user, fl)
        if s == ["user", "workspaces"]:
            items = [w["access"] for w in store.workspaces]
            adm = _last(params, "administrator")
            if adm is not None:
                if adm.lower() not in ("true", "false"):
                    raise ApiError(400, "Invalid value for administrator: %s" % adm)
                items = [i for i in items if i["administrator"] == (adm.lower() == "true")]
            return self._list(path, params, items, "workspace_access", 10, 100, view=_access_view)
        if s == ["workspaces"]:
            role = _last(params, "role")
            items = store.workspaces
            if role is not None:
                if role not in ("owner", "collaborator", "member"):
                    raise ApiError(400, "Invalid role: %s" % role)
                if role == "owner":
                    items = [w for w in items if w["administrator"]]
            return self._list(path, params, [w["object"] for w in items], "workspaces", 10, 100)
        if len(s) == 2 and s[0] == "workspaces":
            ws = self._workspace(s[1])
            return fieldsmod.apply(ws["object"], fl)
        if s and s[0] == "repositories":
            if len(s) == 1:
                raise ApiError(404, "Resource not found")
            ws = self._workspace(s[1])
            if len(s) == 2:
                items = [r["object"] for r in store.repos[ws["slug"]]]
                return self._list(path, params, items, "repositories", 10, 100)
            repo = store.repo_index.get((ws["slug"], s[2]))
            if repo is None:
                raise ApiError(404, "Repository %s/%s not found" % (s[1], s[2]))
            if len(s) == 3:
                return fieldsmod.apply(repo["object"], fl)
            if s[3] == "pullrequests":
                prs = store.prs[(ws["slug"], repo["slug"])]
                if len(s) == 4:
                    return self._pr_list(path, params, prs)
                if len(s) == 5:
                    try:
                        pid = int(s[4])
                    except ValueError:
                        raise ApiError(404, "Resource not found")
                    for pr in prs:
                        if pr["id"] == pid:
                            return fieldsmod.apply(pr, fl)
                    raise ApiError(404, "Pull request %d not found" % pid)
        return self._family(path, s, params, fl)

    def _family(self, path, s, params, fl):
        """Endpoints of the families/ modules."""
        found = families.match(s)
        if found is None:
            raise ApiError(404, "Resource not found")
        handler, args = found
        res = handler(families.Context(self, params), args)
        if isinstance(res, families.List):
            if res.kind not in self.st.types:
                self.st.types[res.kind] = bbql.field_types(res.items)
            return self._list(path, params, res.items, res.kind,
                              res.default_len, res.max_len,
                              strict_max=res.strict_max, hidden=res.hidden)
        if isinstance(res, families.Obj):
            return fieldsmod.apply(res.obj, fl)
        return res.payload

    def _workspace(self, ident):
        store = self.st.store
        ws = store.ws_by_slug.get(ident) or store.ws_by_uuid.get(ident)
        if ws is None:
            raise ApiError(404, "Workspace %s not found" % ident)
        return ws

    def _pr_list(self, path, params, prs):
        states = []
        for k, v in params:
            if k == "state":
                v = v.strip().upper()
                if v in PR_STATES and v not in states:
                    states.append(v)
        q = _last(params, "q")
        q_names_state = bool(q) and re.search(r"(?<![\w.])state\s*(=|!=|~|!~|\bIN\b|\bNOT\b)", q, re.I)
        if states:
            prs = [p for p in prs if p["state"] in states]
        elif not q_names_state:
            prs = [p for p in prs if p["state"] == "OPEN"]
        return self._list(path, params, prs, "pullrequests", 10, 50, strict_max=True,
                          hidden=PR_HIDDEN_IN_LIST)

    def _list(self, path, params, items, kind, default_len, max_len, strict_max=False, hidden=(),
              view=None):
        # Paging parameters.
        page_raw, pagelen_raw = _last(params, "page"), _last(params, "pagelen")
        page = 1
        if page_raw is not None:
            try:
                page = int(page_raw)
            except ValueError:
                raise ApiError(400, "Invalid page")
            if page < 1:
                raise ApiError(400, "Invalid page")
        pagelen = default_len
        if pagelen_raw is not None:
            try:
                pagelen = int(pagelen_raw)
            except ValueError:
                raise ApiError(400, "Invalid pagelen")
            if pagelen < 1:
                raise ApiError(400, "Invalid pagelen")
            if pagelen > max_len:
                if strict_max:
                    raise ApiError(400, "Invalid pagelen")
                pagelen = max_len
        # Filtering.
        types = self.st.types[kind]
        q = _last(params, "q")
        if q is not None and q.strip() != "":
            try:
                pred = bbql.parse(q, types)
            except bbql.QueryError as e:
                raise ApiError(400, "Invalid query: %s" % e, detail="q=%s" % q)
            items = [i for i in items if pred(view(i) if view else i)]
        # Sorting.
        sort = _last(params, "sort")
        if sort is not None and sort.strip() != "":
            key = sort.strip()
            desc = key.startswith("-")
            if desc:
                key = key[1:]
            if "," in key:
                raise ApiError(400, "Invalid sort: only one field can be sorted on", detail="sort=%s" % sort)
            ft = types.get(key)
            if not ft or ft <= {"object", "array", "null"}:
                raise ApiError(400, "Invalid sort field: %s" % key)
            sk = bbql.sort_key(key)
            items = sorted(items, key=(lambda i: sk(view(i))) if view else sk, reverse=desc)
        size = len(items)
        start = (page - 1) * pagelen
        chunk = items[start:start + pagelen]
        env = {"size": size, "page": page, "pagelen": pagelen}
        if start + pagelen < size:
            env["next"] = self._page_url(path, params, page + 1)
        if page > 1:
            env["previous"] = self._page_url(path, params, page - 1)
        env["values"] = chunk
        return fieldsmod.apply(env, [v for k, v in params if k == "fields"], hidden)

    def _page_url(self, path, params, page):
        out, done = [], False
        for k, v in params:
            if k == "page":
                if not done:
                    out.append(("page", str(page)))
                    done = True
                continue
            out.append((k, v))
        if not done:
            out.append(("page", str(page)))
        host = self.headers.get("Host") or ""
        hostname = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        if hostname not in ("127.0.0.1", "localhost", "[::1]"):
            host = "127.0.0.1:%d" % self.server.server_address[1]
        return "http://%s%s?%s" % (host, path, urlencode(out, quote_via=quote, safe=""))


def _access_view(a):
    """/user/workspaces filters and sorts on `slug` (the spec says so) as well as
    on the object's own dotted paths."""
    v = dict(a)
    v["slug"] = a["workspace"]["slug"]
    return v


def _last(params, name):
    val = None
    for k, v in params:
        if k == name:
            val = v
    return val


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main(argv=None):
    ap = argparse.ArgumentParser(description="Bitbucket Cloud API 2.0 emulator (bbemu)")
    ap.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: pick a free one)")
    ap.add_argument("--seed", type=int, default=42, help="seed of the sample data (default 42)")
    ap.add_argument("--latency-ms", type=float, default=0.0, help="delay added to each API response")
    ap.add_argument("--port-file", help="write the port number to this file once listening")
    ap.add_argument("--quiet", action="store_true", help="no per-request log on stderr")
    ap.add_argument("--rate-limit", type=int, default=0,
                    help="answer 429 after N API requests per credential in a rolling hour (0: off)")
    ap.add_argument("--user", help="account username (env BBEMU_USER, default demo)")
    ap.add_argument("--email", help="account e-mail (env BBEMU_EMAIL, default demo@example.com)")
    ap.add_argument("--token", help="API token / app password (env BBEMU_TOKEN, default demo-token)")
    ap.add_argument("--bearer-token", help="access token for Bearer (env BBEMU_BEARER, default demo-access-token)")
    ap.add_argument("--plain-401", action="store_true",
                    help="answer wrong Basic credentials with the real service's text/plain body "
                         "instead of the JSON error object")
    args = ap.parse_args(argv)
    cfg = Config(args)
    store = data.Store(args.seed, username=cfg.username)

    httpd = Server(("127.0.0.1", args.port), Handler)
    httpd.state = State(store, cfg)
    port = httpd.server_address[1]

    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    t.start()
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.replace(tmp, args.port_file)
    sys.stdout.write("bbemu listening on http://127.0.0.1:%d\n" % port)
    sys.stdout.flush()
    try:
        while not stop.wait(0.5):
            pass
    finally:
        httpd.shutdown()
        httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
