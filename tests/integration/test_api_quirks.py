"""The driver against a stub of the API that misbehaves in the ways the
real one has been seen to, or worse: a list that leaves out `next`, pages
that are not JSON or have no `values`, a `next` to another host, errors
with plain-text bodies, 429 with Retry-After, 500 then success. Each must
give the right rows or a clear SQLSTATE, never a crash or a hang."""
import json
import os
import sys
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pyodbc

DRIVER = os.environ["BBODBC_DRIVER"]
PIPES = "/2.0/repositories/ws/repo/pipelines"


class Stub(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    mode = "ok"
    hits = []

    def log_message(self, *a):
        pass

    def send(self, status, body, ctype="application/json", headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        u = urlparse(self.path)
        q = parse_qs(u.query)
        Stub.hits.append(self.path)
        if u.path == "/2.0/user":
            return self.send(200, json.dumps({"type": "user",
                                              "username": "x"}))
        mode = Stub.mode
        if mode == "no-next":
            # 250 pipelines, 100 a page, page/size given, `next` left out.
            page = int(q.get("page", ["1"])[0])
            vals = [{"uuid": "{%d}" % i, "build_number": i,
                     "type": "pipeline"}
                    for i in range((page - 1) * 100 + 1,
                                   min(page * 100, 250) + 1)]
            return self.send(200, json.dumps({"page": page, "pagelen": 100,
                                              "size": 250,
                                              "values": vals}))
        if mode == "loop":
            return self.send(200, json.dumps({
                "values": [{"uuid": "{1}", "build_number": 1}],
                "next": f"http://127.0.0.1:{self.server.server_address[1]}"
                        f"{self.path}"}))
        if mode == "redirect-away":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.2:1/2.0/x")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if mode == "not-json":
            return self.send(200, "<html>maintenance</html>", "text/html")
        if mode == "no-values":
            return self.send(200, json.dumps({"pagelen": 10}))
        if mode == "foreign-next":
            return self.send(200, json.dumps({
                "values": [{"uuid": "{1}", "build_number": 1}],
                "next": "http://127.0.0.2:1/2.0/steal"}))
        if mode == "plain-403":
            return self.send(403, "You may not do that", "text/plain")
        if mode == "429":
            if len([h for h in Stub.hits if "pipelines" in h]) < 2:
                return self.send(429, json.dumps({"type": "error", "error": {
                    "message": "Rate limit exceeded"}}),
                    headers=[("Retry-After", "1")])
            return self.send(200, json.dumps({"values": [
                {"uuid": "{1}", "build_number": 1}]}))
        if mode == "429-long":
            return self.send(429, json.dumps({"type": "error", "error": {
                "message": "Rate limit exceeded"}}),
                headers=[("Retry-After", "3600")])
        if mode == "control-chars":
            return self.send(403, json.dumps({"type": "error", "error": {
                "message": "bad\x1b[31m red\r\nFAKE: line"}}))
        if mode == "huge":
            # A body of 65 MiB and more, sent in chunks.
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(66 * 1024 * 1024))
            self.end_headers()
            chunk = b" " * (1024 * 1024)
            try:
                for _ in range(66):
                    self.wfile.write(chunk)
            except OSError:
                pass
            return
        if mode == "redirect-here" and "/src/" not in u.path:
            self.send_response(302)
            self.send_header("Location", PIPES + "/src/x?" + u.query)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if mode == "redirect-here":
            return self.send(200, json.dumps({"values": [
                {"uuid": "{7}", "build_number": 7}]}))
        if mode == "html-403":
            return self.send(403, "<!DOCTYPE html>\n<html><body>Denied"
                             "</body></html>", "text/html")
        if mode == "500":
            return self.send(500, "oops", "text/plain")
        return self.send(404, json.dumps({"type": "error", "error": {
            "message": "nothing here"}}))


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the driver hanging up on a huge body is expected


class Quirks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(("127.0.0.1", 0), Stub)
        cls.thread = threading.Thread(target=cls.srv.serve_forever,
                                      daemon=True)
        cls.thread.start()
        port = cls.srv.server_address[1]
        cls.conn = (f"DRIVER={DRIVER};BaseURL=http://127.0.0.1:{port}/2.0;"
                    "User=u;ApiToken=t-secret-123;Workspace=ws;MaxRetries=2;"
                    "Timeout=5")

    @classmethod
    def tearDownClass(cls):
        cls.srv.shutdown()

    def query(self, mode, sql="SELECT BuildNumber FROM Pipelines WHERE "
                              "RepositorySlug = 'repo'"):
        Stub.mode = mode
        Stub.hits = []
        cn = pyodbc.connect(self.conn, autocommit=True)
        try:
            return cn.cursor().execute(sql).fetchall()
        finally:
            cn.close()

    def error(self, mode):
        with self.assertRaises(pyodbc.Error) as ctx:
            self.query(mode)
        state, msg = ctx.exception.args[0], ctx.exception.args[1]
        self.assertNotIn("t-secret-123", msg)
        return state, msg

    def test_list_without_next_is_paged_by_number(self):
        rows = self.query("no-next")
        self.assertEqual(sorted(r[0] for r in rows), list(range(1, 251)))
        pages = [h for h in Stub.hits if "pipelines" in h]
        self.assertEqual(len(pages), 3)
        self.assertIn("page=2", pages[1])
        self.assertIn("page=3", pages[2])

    def test_next_that_repeats_ends(self):
        state, msg = self.error("loop")
        self.assertEqual(state, "HY000")
        self.assertIn("do not end", msg)

    def test_redirect_to_another_host_is_refused(self):
        state, msg = self.error("redirect-away")
        self.assertIn("another host", msg)

    def test_page_that_is_not_json(self):
        state, msg = self.error("not-json")
        self.assertEqual(state, "HY000")
        self.assertIn("not JSON", msg)

    def test_page_without_values(self):
        state, msg = self.error("no-values")
        self.assertEqual(state, "HY000")
        self.assertIn("no values", msg)

    def test_next_to_another_host_is_refused(self):
        state, msg = self.error("foreign-next")
        self.assertEqual(state, "HY000")
        self.assertIn("another host", msg)
        self.assertFalse(any("steal" in h for h in Stub.hits))

    def test_plain_text_refusal(self):
        state, msg = self.error("plain-403")
        self.assertEqual(state, "42000")
        self.assertIn("You may not do that", msg)
        self.assertIn("HTTP 403", msg)

    def test_429_waits_and_retries(self):
        rows = self.query("429")
        self.assertEqual([r[0] for r in rows], [1])

    def test_429_with_a_long_wait_says_so(self):
        state, msg = self.error("429-long")
        self.assertIn("Rate limit exceeded", msg)
        self.assertIn("3600 s (Retry-After)", msg)
        # A wait beyond the driver's limit is not waited for.
        self.assertEqual(len([h for h in Stub.hits if "pipelines" in h]), 1)

    def test_control_characters_of_a_message_are_neutralised(self):
        state, msg = self.error("control-chars")
        self.assertEqual(state, "42000")
        self.assertIn("bad", msg)
        self.assertFalse(any(ord(c) < 32 for c in msg), repr(msg))

    def test_a_body_too_large_is_refused(self):
        state, msg = self.error("huge")
        self.assertIn("larger than 64 MiB", msg)

    def test_redirect_within_the_origin_is_followed(self):
        rows = self.query("redirect-here")
        self.assertEqual([r[0] for r in rows], [7])
        self.assertTrue(any("/src/x" in h for h in Stub.hits))

    def test_base_url_with_credentials_query_or_fragment_is_refused(self):
        port = self.srv.server_address[1]
        for base in (f"http://u:pw-secret@127.0.0.1:{port}/2.0",
                     f"http://127.0.0.1:{port}/2.0?x=1",
                     f"http://127.0.0.1:{port}/2.0#f",
                     "http:///2.0", "ftp://127.0.0.1/2.0"):
            Stub.hits = []
            with self.assertRaises(pyodbc.Error, msg=base) as ctx:
                pyodbc.connect(f"DRIVER={DRIVER};BaseURL={{{base}}};"
                               "User=u;ApiToken=t-secret-123;Workspace=ws")
            msg = ctx.exception.args[1]
            self.assertIn("BaseURL must be", msg)
            self.assertNotIn("pw-secret", msg)
            self.assertEqual(Stub.hits, [], base)

    def test_html_refusal_is_not_quoted(self):
        state, msg = self.error("html-403")
        self.assertEqual(state, "42000")
        self.assertNotIn("DOCTYPE", msg)
        self.assertIn("the API refused the request (HTTP 403", msg)

    def test_base_url_without_the_api_root(self):
        port = self.srv.server_address[1]
        Stub.mode = "404"  # what any unknown path answers
        with self.assertRaises(pyodbc.Error) as ctx:
            pyodbc.connect(f"DRIVER={DRIVER};BaseURL=http://127.0.0.1:"
                           f"{port}/v1;User=u;ApiToken=t-secret-123")
        self.assertEqual(ctx.exception.args[0], "08001")
        self.assertIn("not the root of the Bitbucket API",
                      ctx.exception.args[1])

    def test_500_gives_up_after_retries(self):
        state, msg = self.error("500")
        self.assertEqual(state, "HY000")
        self.assertIn("HTTP 500", msg)
        self.assertEqual(len([h for h in Stub.hits if "pipelines" in h]), 3)


if __name__ == "__main__":
    unittest.main(verbosity=2)
