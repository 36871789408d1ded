"""A small BBQL (Bitbucket Query Language) parser and evaluator.

Grammar (keywords are case-insensitive):

    expr       := and_expr ( OR and_expr )*
    and_expr   := unary ( AND unary )*
    unary      := '(' expr ')' | comparison
    comparison := FIELD op value
                | FIELD [NOT] IN '(' value ( ',' value )* ')'
    op         := '=' | '!=' | '~' | '!~' | '<' | '>' | '<=' | '>='
    value      := "string" | number | true | false | null | ISO-8601 datetime (unquoted)

Fields are dotted paths (``author.display_name``, ``project.key``); a path
that goes through a list (``reviewers.uuid``) matches when any element
matches.  ``~`` / ``!~`` are case-insensitive "contains" / "does not contain".
Errors raise :class:`QueryError` whose message names the problem.
"""

import datetime as _dt
import re

__all__ = ["QueryError", "parse", "field_types", "resolve", "sort_key"]


class QueryError(Exception):
    pass


_DT_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_NUM_RE = re.compile(r"-?\d+(?:\.\d+)?")
_IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z_*][A-Za-z0-9_\-]*)*")
_OPS = ("!=", "!~", "<=", ">=", "=", "~", "<", ">")
_KEYWORDS = {"AND", "OR", "NOT", "IN", "TRUE", "FALSE", "NULL"}


def parse_datetime(text):
    t = text.strip()
    if t.endswith("Z"):
        t = t[:-1] + "+00:00"
    m = re.match(r"^(.*[T ]\d{2}:\d{2}(?::\d{2})?)\.(\d+)(.*)$", t)
    if m:  # Python 3.11 wants at most 6 fraction digits.
        t = m.group(1) + "." + (m.group(2) + "000000")[:6] + m.group(3)
    m = re.match(r"^(.*)([+-]\d{2})(\d{2})$", t)
    if m and "T" in t:
        t = m.group(1) + m.group(2) + ":" + m.group(3)
    try:
        dt = _dt.datetime.fromisoformat(t)
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=_dt.timezone.utc)
    return dt


def _looks_like_ts(v):
    return isinstance(v, str) and len(v) >= 10 and _DT_RE.fullmatch(v) is not None


# -- tokenizer ---------------------------------------------------------------

class _Tok:
    __slots__ = ("kind", "value", "pos")

    def __init__(self, kind, value, pos):
        self.kind, self.value, self.pos = kind, value, pos

    def __repr__(self):
        return "%s(%r)" % (self.kind, self.value)


def _describe(tok):
    if tok.kind == "EOF":
        return "end of query"
    if tok.kind == "STRING":
        return '"%s"' % tok.value
    return "'%s'" % tok.value


def tokenize(q):
    toks = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
            continue
        if c in "(),":
            toks.append(_Tok(c, c, i))
            i += 1
            continue
        if c == '"':
            j = i + 1
            buf = []
            while j < n and q[j] != '"':
                if q[j] == "\\" and j + 1 < n:
                    buf.append(q[j + 1])
                    j += 2
                    continue
                buf.append(q[j])
                j += 1
            if j >= n:
                raise QueryError("Unterminated string starting at position %d" % i)
            toks.append(_Tok("STRING", "".join(buf), i))
            i = j + 1
            continue
        if c == "'":
            raise QueryError("Invalid character \"'\" at position %d: strings must be in double quotes" % i)
        op = next((o for o in _OPS if q.startswith(o, i)), None)
        if op:
            toks.append(_Tok("OP", op, i))
            i += len(op)
            continue
        m = _DT_RE.match(q, i)
        if m and (m.end() == n or not (q[m.end()].isalnum() or q[m.end()] in "_.")):
            toks.append(_Tok("DATETIME", m.group(0), i))
            i = m.end()
            continue
        m = _NUM_RE.match(q, i)
        if m and (m.end() == n or not (q[m.end()].isalpha() or q[m.end()] in "_")):
            s = m.group(0)
            toks.append(_Tok("NUMBER", float(s) if "." in s else int(s), i))
            i = m.end()
            continue
        m = _IDENT_RE.match(q, i)
        if m:
            word = m.group(0)
            if word.upper() in _KEYWORDS:
                toks.append(_Tok(word.upper(), word, i))
            else:
                toks.append(_Tok("IDENT", word, i))
            i = m.end()
            continue
        raise QueryError("Invalid character '%s' at position %d" % (c, i))
    toks.append(_Tok("EOF", "", n))
    return toks


# -- field paths -------------------------------------------------------------

def resolve(obj, path):
    """Values at a dotted path; lists are searched element by element.
    A missing key gives None."""
    cur = [obj]
    for seg in path.split("."):
        nxt = []
        for v in cur:
            if isinstance(v, list):
                for e in v:
                    nxt.append(e.get(seg) if isinstance(e, dict) else None)
            elif isinstance(v, dict):
                nxt.append(v.get(seg))
            else:
                nxt.append(None)
        cur = []
        for v in nxt:  # flatten lists of scalars/dicts reached at this level
            cur.append(v)
    out = []
    for v in cur:
        if isinstance(v, list):
            out.extend(v)
        else:
            out.append(v)
    return out or [None]


def _jtype(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "datetime" if _looks_like_ts(v) else "string"
    if isinstance(v, dict):
        return "object"
    if isinstance(v, list):
        return "array"
    return "unknown"


def field_types(objects):
    """Map every dotted path found in the objects to the set of JSON types seen."""
    types = {}

    def walk(v, path):
        if isinstance(v, list):
            if path:
                types.setdefault(path, set()).add("array")
            for e in v:
                walk(e, path)
            return
        if path:
            types.setdefault(path, set()).add(_jtype(v))
        if isinstance(v, dict):
            for k, x in v.items():
                walk(x, path + "." + k if path else k)

    for o in objects:
        walk(o, "")
    # A string field is "datetime" only if every non-null value looks like one.
    for p, ts in types.items():
        if "datetime" in ts and "string" in ts:
            ts.discard("datetime")
    return types


# -- parser ------------------------------------------------------------------

class _Parser:
    def __init__(self, q, types):
        self.q = q
        self.toks = tokenize(q)
        self.i = 0
        self.types = types

    def peek(self):
        return self.toks[self.i]

    def take(self):
        t = self.toks[self.i]
        self.i += 1
        return t

    def expect(self, kind, what):
        t = self.take()
        if t.kind != kind:
            raise QueryError("Expected %s at position %d but found %s" % (what, t.pos, _describe(t)))
        return t

    def parse(self):
        if self.peek().kind == "EOF":
            raise QueryError("Empty query")
        node = self.expr()
        t = self.peek()
        if t.kind != "EOF":
            raise QueryError("Unexpected %s at position %d" % (_describe(t), t.pos))
        return node

    def expr(self):
        node = self.and_expr()
        while self.peek().kind == "OR":
            self.take()
            node = ("or", node, self.and_expr())
        return node

    def and_expr(self):
        node = self.unary()
        while self.peek().kind == "AND":
            self.take()
            node = ("and", node, self.unary())
        return node

    def unary(self):
        t = self.peek()
        if t.kind == "(":
            self.take()
            node = self.expr()
            self.expect(")", "')'")
            return node
        return self.comparison()

    def value(self):
        t = self.take()
        if t.kind == "STRING":
            return ("string", t.value)
        if t.kind == "NUMBER":
            return ("number", t.value)
        if t.kind == "DATETIME":
            dt = parse_datetime(t.value)
            if dt is None:
                raise QueryError("Invalid datetime %s at position %d" % (t.value, t.pos))
            return ("datetime", dt)
        if t.kind in ("TRUE", "FALSE"):
            return ("boolean", t.kind == "TRUE")
        if t.kind == "NULL":
            return ("null", None)
        raise QueryError("Expected a value at position %d but found %s" % (t.pos, _describe(t)))

    def comparison(self):
        t = self.take()
        if t.kind != "IDENT":
            raise QueryError("Expected a field name at position %d but found %s" % (t.pos, _describe(t)))
        field = t.value
        if self.types is not None and field not in self.types:
            raise QueryError("Invalid field name '%s' at position %d" % (field, t.pos))
        op_tok = self.take()
        if op_tok.kind == "NOT":
            nxt = self.take()
            if nxt.kind != "IN":
                raise QueryError("Expected IN after NOT at position %d but found %s" % (nxt.pos, _describe(nxt)))
            op = "not in"
        elif op_tok.kind == "IN":
            op = "in"
        elif op_tok.kind == "OP":
            op = op_tok.value
        else:
            raise QueryError("Expected an operator after '%s' at position %d but found %s"
                             % (field, op_tok.pos, _describe(op_tok)))
        if op in ("in", "not in"):
            self.expect("(", "'(' after %s" % op.upper())
            vals = [self.value()]
            while self.peek().kind == ",":
                self.take()
                vals.append(self.value())
            self.expect(")", "')' or ','")
            vals = [self.check(field, "=", v, op_tok.pos) for v in vals]
            return ("cmp", field, op, vals)
        v = self.check(field, op, self.value(), op_tok.pos)
        return ("cmp", field, op, v)

    def check(self, field, op, val, pos):
        """Type-check a literal against the field; return a normalized value."""
        kind, lit = val
        ftypes = (self.types or {}).get(field, {"string", "number", "boolean", "datetime", "null"})
        if kind == "null":
            if op not in ("=", "!="):
                raise QueryError("Operator '%s' cannot be used with null (field '%s')" % (op, field))
            return val
        if op in ("~", "!~"):
            if kind != "string" or not ({"string", "datetime"} & ftypes):
                raise QueryError("Operator '%s' needs a text field and a string value (field '%s')" % (op, field))
            return val
        if ftypes <= {"object", "array", "null"}:
            raise QueryError("Field '%s' is an object and can only be compared with null" % field)
        if "datetime" in ftypes and kind in ("string", "datetime"):
            dt = lit if kind == "datetime" else parse_datetime(lit)
            if dt is None:
                raise QueryError("Invalid datetime value \"%s\" for field '%s'" % (lit, field))
            return ("datetime", dt)
        if kind == "datetime":
            raise QueryError("Field '%s' is not a date/time field" % field)
        want = {"string": "string", "number": "number", "boolean": "boolean"}[kind]
        if want not in ftypes:
            raise QueryError("Invalid value %s for field '%s'" % (
                '"%s"' % lit if kind == "string" else str(lit).lower(), field))
        if op in ("<", ">", "<=", ">=") and kind == "boolean":
            raise QueryError("Operator '%s' cannot be used with a boolean (field '%s')" % (op, field))
        return val


def parse(q, types=None):
    """Parse a BBQL query into a predicate ``f(obj) -> bool``."""
    tree = _Parser(q, types).parse()
    return lambda obj: _eval(tree, obj)


def _coerce(v, kind):
    if v is None:
        return None
    if kind == "datetime":
        return parse_datetime(v) if isinstance(v, str) else None
    if kind == "number":
        return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None
    if kind == "boolean":
        return v if isinstance(v, bool) else None
    if kind == "string":
        return v if isinstance(v, str) else None
    return v


def _match(v, op, val):
    kind, lit = val
    if kind == "null":
        return v is None
    if op in ("~", "!~"):
        return isinstance(v, str) and lit.lower() in v.lower()
    cv = _coerce(v, kind)
    if cv is None:
        return False
    if op == "=":
        return cv == lit
    if op == "<":
        return cv < lit
    if op == ">":
        return cv > lit
    if op == "<=":
        return cv <= lit
    if op == ">=":
        return cv >= lit
    return False


def _eval(node, obj):
    tag = node[0]
    if tag == "and":
        return _eval(node[1], obj) and _eval(node[2], obj)
    if tag == "or":
        return _eval(node[1], obj) or _eval(node[2], obj)
    _, field, op, val = node
    values = resolve(obj, field)
    if op == "in":
        return any(_match(v, "=", x) for v in values for x in val)
    if op == "not in":
        return not any(_match(v, "=", x) for v in values for x in val)
    if op == "!=":
        return not any(_match(v, "=", val) for v in values)
    if op == "!~":
        return not any(_match(v, "~", ("string", val[1])) for v in values)
    return any(_match(v, op, val) for v in values)


def sort_key(field):
    """Key function for sorting by a dotted field; nulls sort last ascending."""
    def key(obj):
        v = resolve(obj, field)[0]
        if v is None:
            return (1, 0, "")
        if isinstance(v, bool):
            return (0, 0, int(v))
        if isinstance(v, (int, float)):
            return (0, 1, v)
        if isinstance(v, str):
            dt = parse_datetime(v) if _looks_like_ts(v) else None
            if dt is not None:
                return (0, 2, dt.timestamp())
            return (0, 3, v)
        return (0, 4, str(v))
    return key
