"""Partial responses: the `fields=` query parameter.

``fields`` is a comma-separated list of dotted paths from the root of the
response (for a paginated list the root is the envelope, so item fields are
``values.<field>``).  Each entry is one of:

* ``-path``  remove that field;
* ``+path``  add a field the endpoint leaves out by default
  (``+values.reviewers`` on the pull-request list);
* ``path``   whitelist: once any entry is a plain path, only whitelisted
  (and ``+``) paths are kept.  A whitelist that does not name ``next``
  (or ``size``, ``page``...) drops it from the envelope, as the real
  service does.

A segment ``*`` matches any key at its level (``values.*``).  ``*`` does not
bring back fields that are hidden by default; naming them does.
Lists are transparent: ``values.id`` applies to every element of ``values``.
Every function returns new containers and never changes its input.
"""


def parse_spec(raw_values):
    """Split the raw fields= values into (removes, adds, includes) lists of
    segment lists.  Entries are trimmed, so a raw '+' that was decoded to a
    space turns the entry into a plain (whitelist) path."""
    removes, adds, includes = [], [], []
    for raw in raw_values:
        for entry in raw.split(","):
            entry = entry.strip()
            if not entry:
                continue
            if entry[0] == "-":
                target = removes
                entry = entry[1:]
            elif entry[0] == "+":
                target = adds
                entry = entry[1:]
            else:
                target = includes
            entry = entry.strip()
            if entry:
                target.append(entry.split("."))
    return removes, adds, includes


def _strip(node, paths):
    if not paths:
        return node
    if isinstance(node, list):
        return [_strip(x, paths) for x in node]
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            sub = [p[1:] for p in paths if p and (p[0] == k or p[0] == "*")]
            if any(len(s) == 0 for s in sub):
                continue
            out[k] = _strip(v, sub) if sub else v
        return out
    return node


def _select(node, patterns):
    if isinstance(node, list):
        return [_select(x, patterns) for x in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        sub = [p[1:] for p in patterns if p[0] == k or p[0] == "*"]
        if not sub:
            continue
        if any(len(s) == 0 for s in sub):
            out[k] = v
        elif isinstance(v, (dict, list)):
            out[k] = _select(v, sub)
        # a scalar with a deeper pattern under it is left out
    return out


def apply(doc, raw_values, hidden=()):
    """Apply fields= to a response document.

    hidden: paths (segment lists) that the endpoint leaves out by default;
    they come back only when an add/whitelist entry names them literally.
    """
    removes, adds, includes = parse_spec(raw_values)
    named = adds + includes
    drop = []
    for h in hidden:
        restored = any(len(p) >= len(h) and all(p[i] == h[i] for i in range(len(h))) for p in named)
        if not restored:
            drop.append(list(h))
    doc = _strip(doc, drop)
    if includes:
        doc = _select(doc, includes + adds)
    if removes:
        doc = _strip(doc, removes)
    return doc
