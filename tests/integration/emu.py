"""Reading the emulator directly, to compute the answers the driver's
results are checked against. Standard library only."""
import base64
import json
import os
import urllib.parse
import urllib.request

URL = os.environ.get("BBEMU_URL", "")
AUTH = "Basic " + base64.b64encode(b"demo:demo-token").decode()


def get(path_or_url, auth=AUTH):
    url = path_or_url if path_or_url.startswith("http") else URL + path_or_url
    req = urllib.request.Request(url, headers={"Authorization": auth})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def all_values(path):
    """Every object of a list endpoint, following next links."""
    out, url = [], URL + path
    while url:
        page = get(url)
        out.extend(page["values"])
        url = page.get("next")
    return out


def control(path, method="GET"):
    base = URL.rsplit("/2.0", 1)[0]
    req = urllib.request.Request(base + path, method=method)
    with urllib.request.urlopen(req) as r:
        body = r.read()
    return json.loads(body) if body else None


def requests():
    """The API requests the emulator served, oldest first."""
    return control("/_emulator/requests")


def clear_requests():
    control("/_emulator/requests", "DELETE")


def quote(s):
    return urllib.parse.quote(s, safe="")


ALL_STATES = "state=OPEN&state=MERGED&state=DECLINED&state=SUPERSEDED"
