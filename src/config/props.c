/*
 * props.c - the connection properties: their table, the ODBC connection
 * string parser, the merge with a DSN's odbc.ini entries, and the
 * completed connection string SQLDriverConnect hands back.
 *
 * A connection string is a list of KEY=value attributes separated by ';'.
 * A value may be wrapped in braces, and then holds ';' and '=' freely and
 * writes '}' as '}}'. The first occurrence of a key wins, as ODBC says.
 * Values may be secrets, so no error message here ever quotes one: errors
 * give a byte offset and, when the key is one of ours, its canonical name.
 */
#include "util/setup.h"
#include "config/props.h"
#include "util/str.h"

#include <errno.h>
#include <limits.h>

#ifdef BB_HAVE_ODBCINST
#include <odbcinst.h>
#endif

/* Large enough for any token Bitbucket issues; longer entries are cut. */
#define DSN_VALUE_MAX 4096
#define PROP_VALUE_MAX 16384

const bb_prop_def bb_prop_defs[BB_P_COUNT] = {
	[BB_P_DSN] = {"DSN", NULL, NULL, false,
		      "data source name whose odbc.ini entries fill in the "
		      "properties not given"},
	[BB_P_DRIVER] = {"DRIVER", NULL, NULL, false,
			 "driver name or library path, for DSN-less "
			 "connections"},
	[BB_P_BASE_URL] = {"BaseURL", NULL, "https://api.bitbucket.org/2.0",
			   false, "root of the REST API, http:// or https://"},
	[BB_P_USER] = {"User", "UID", NULL, false,
		       "Basic-auth user: the Atlassian account e-mail for an "
		       "API token, the username for an app password"},
	[BB_P_API_TOKEN] = {"ApiToken", NULL, NULL, true,
			    "Atlassian API token, sent with User by Basic "
			    "auth"},
	[BB_P_PASSWORD] = {"Password", "PWD", NULL, true,
			   "legacy Bitbucket app password, sent with User "
			   "by Basic auth"},
	[BB_P_ACCESS_TOKEN] = {"AccessToken", NULL, NULL, true,
			       "OAuth or repository/project/workspace "
			       "access token, sent as Bearer"},
	[BB_P_WORKSPACE] = {"Workspace", NULL, NULL, false,
			    "workspace slug used as the default schema"},
	[BB_P_TIMEOUT] = {"Timeout", NULL, "60", false,
			  "seconds allowed for each HTTP request"},
	[BB_P_CONNECT_TIMEOUT] = {"ConnectTimeout", NULL, "30", false,
				  "seconds allowed to open each TCP/TLS "
				  "connection"},
	[BB_P_MAX_RETRIES] = {"MaxRetries", NULL, "3", false,
			      "retries of a request refused with 429 or "
			      "a 5xx or network error (0-10)"},
	[BB_P_PARALLEL] = {"ParallelRequests", NULL, "16", false,
			   "requests sent at once when a query reads many "
			   "repositories (1 to 16; 1 reads one at a time)"},
	[BB_P_MAX_REQUESTS] = {"MaxRequests", NULL, "10000", false,
			       "API requests one statement may make before it "
			       "fails with a clear error (0: no limit)"},
	[BB_P_CA_FILE] = {"CAFile", NULL, NULL, false,
			  "PEM file of CA certificates, instead of the "
			  "system's"},
	[BB_P_PROXY] = {"Proxy", NULL, NULL, false,
			"proxy URL; when unset libcurl reads the usual "
			"*_proxy variables"},
	[BB_P_LOG_FILE] = {"LogFile", NULL, NULL, false,
			   "request log: one line per HTTP call "
			   "(or \"stderr\")"},
	[BB_P_TRACE_FILE] = {"TraceFile", NULL, NULL, false,
			     "developer trace file (or \"stderr\")"},
	[BB_P_TRACE_AREAS] = {"TraceAreas", NULL, NULL, false,
			      "trace areas, comma-separated: odbc, sql, "
			      "rest, auth, json (default all)"},
};

/* Overwrites n bytes through a volatile pointer, so that the compiler
 * cannot drop the stores as dead before the free that follows. */
static void wipe_bytes(char *s, size_t n)
{
	volatile char *p = s;

	while (n--)
		*p++ = '\0';
}

static void free_value(bb_prop_id id, char **v)
{
	if (*v && bb_prop_defs[id].secret)
		wipe_bytes(*v, strlen(*v));
	free(*v);
	*v = NULL;
}

/* Whether the n bytes at key spell name, ignoring ASCII case. */
static bool same_key(const char *key, size_t n, const char *name)
{
	return strlen(name) == n && bb_strncasecmp(key, name, n) == 0;
}

/* Looks up a key of n bytes (not terminated); -1 if it is not ours. */
static int find_n(const char *key, size_t n)
{
	int i;

	for (i = 0; i < BB_P_COUNT; i++) {
		const bb_prop_def *d = &bb_prop_defs[i];

		if (same_key(key, n, d->name) ||
		    (d->alias && same_key(key, n, d->alias)))
			return i;
	}
	return -1;
}

int bb_prop_find(const char *key)
{
	return key ? find_n(key, strlen(key)) : -1;
}

bool bb_props_set(bb_props *p, bb_prop_id id, const char *value)
{
	char *copy = NULL;

	if ((int)id < 0 || id >= BB_P_COUNT)
		return false;
	if (value) {
		copy = bb_strdup(value);
		if (!copy)
			return false;
	}
	free_value(id, &p->v[id]);
	p->v[id] = copy;
	return true;
}

const char *bb_props_get(const bb_props *p, bb_prop_id id)
{
	if (!p || (int)id < 0 || id >= BB_P_COUNT)
		return NULL;
	return p->v[id];
}

long bb_props_get_long(const bb_props *p, bb_prop_id id, long fallback)
{
	const char *s = bb_props_get(p, id);
	char *end;
	long n;

	if (!s || !*s)
		return fallback;
	errno = 0;
	n = strtol(s, &end, 10);
	if (end == s || errno == ERANGE)
		return fallback;
	/* DSN and braced values keep their spaces; "60 " is still 60. */
	while (*end == ' ' || *end == '\t')
		end++;
	return *end ? fallback : n;
}

void bb_props_free(bb_props *p)
{
	int i;

	if (!p)
		return;
	for (i = 0; i < BB_P_COUNT; i++)
		free_value((bb_prop_id)i, &p->v[i]);
	memset(p, 0, sizeof(*p));
}

void bb_props_apply_defaults(bb_props *p)
{
	int i;

	/* An out-of-memory here leaves the property unset, and every
	 * reader of a property already copes with NULL. */
	for (i = 0; i < BB_P_COUNT; i++)
		if (!p->v[i] && bb_prop_defs[i].deflt)
			bb_props_set(p, (bb_prop_id)i, bb_prop_defs[i].deflt);
}

/*
 * Parsing. The scanner walks the string once; every error names the byte
 * offset where the trouble starts and, for our own keys, the canonical
 * key name (an unknown "key" may be the tail of a password that held an
 * unbraced ';', so it is never echoed).
 *
 * A value is never longer than the string it came from, so its buffer is
 * allocated once at that size: no realloc leaves copies of a secret in
 * freed memory, and the one buffer is wiped at the end.
 */
typedef struct scanner {
	const char *s; /* the whole connection string; not owned */
	size_t i;      /* offset of the next byte to read */
	char *val;     /* owned; the current value, strlen(s) + 1 bytes */
	size_t vlen;   /* bytes of val in use */
} scanner;

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
	       c == '\f';
}

static void skip_space(scanner *sc)
{
	while (is_space(sc->s[sc->i]))
		sc->i++;
}

static void put_val(scanner *sc, const char *from, size_t n)
{
	memcpy(sc->val + sc->vlen, from, n);
	sc->vlen += n;
}

static const char *key_label(int id)
{
	return id >= 0 ? bb_prop_defs[id].name : "an unrecognised key";
}

/* Reads a braced value starting at the '{'; leaves the scanner just after
 * the closing brace. '}}' stands for one '}'. */
static bool read_braced(scanner *sc, int id, bb_err *err)
{
	size_t open = sc->i;
	size_t run;

	sc->i++;
	for (;;) {
		run = strcspn(sc->s + sc->i, "}");
		put_val(sc, sc->s + sc->i, run);
		sc->i += run;
		if (sc->s[sc->i] == '\0')
			return bb_err_set(err, BB_E_CONN_STRING, 0,
					  "connection string: the value of "
					  "%s opened with '{' at byte %zu "
					  "has no closing '}'",
					  key_label(id), open);
		if (sc->s[sc->i + 1] != '}')
			break;
		put_val(sc, "}", 1);
		sc->i += 2;
	}
	sc->i++;
	return true;
}

/* Reads an unbraced value up to ';' or the end, trimming trailing
 * whitespace. A '{' inside one is refused: the writer most likely meant
 * to brace a value holding ';', and splitting it there would turn the
 * rest of a secret into keys. */
static bool read_plain(scanner *sc, int id, bb_err *err)
{
	size_t start = sc->i;
	size_t end;

	sc->i += strcspn(sc->s + sc->i, ";{");
	if (sc->s[sc->i] == '{')
		return bb_err_set(err, BB_E_CONN_STRING, 0,
				  "connection string: the value of %s has "
				  "'{' at byte %zu; brace the whole value, "
				  "as in KEY={...}",
				  key_label(id), sc->i);
	end = sc->i;
	while (end > start && is_space(sc->s[end - 1]))
		end--;
	put_val(sc, sc->s + start, end - start);
	return true;
}

/* Reads a value and checks that only ';' or the end follows it. */
static bool read_value(scanner *sc, int id, bb_err *err)
{
	skip_space(sc);
	if (sc->s[sc->i] != '{')
		return read_plain(sc, id, err);
	if (!read_braced(sc, id, err))
		return false;
	skip_space(sc);
	if (sc->s[sc->i] != ';' && sc->s[sc->i] != '\0')
		return bb_err_set(err, BB_E_CONN_STRING, 0,
				  "connection string: text after the "
				  "closing '}' of %s at byte %zu",
				  key_label(id), sc->i);
	return true;
}

/*
 * Reads one "KEY=value" attribute at the scanner, which sits after any
 * separator, into sc->val. Sets *id to the property (-1 if not ours). An
 * attribute of only whitespace is no attribute: *id is -2.
 */
static bool read_attr(scanner *sc, int *id, bb_err *err)
{
	size_t kstart, kend;

	sc->vlen = 0;
	skip_space(sc);
	kstart = sc->i;
	sc->i += strcspn(sc->s + sc->i, "=;");
	kend = sc->i;
	while (kend > kstart && is_space(sc->s[kend - 1]))
		kend--;
	if (sc->s[sc->i] != '=') {
		*id = -2;
		if (kend == kstart)
			return true;
		return bb_err_set(err, BB_E_CONN_STRING, 0,
				  "connection string: the attribute at "
				  "byte %zu has no '=' (a value holding ';' "
				  "must be braced)",
				  kstart);
	}
	if (kend == kstart)
		return bb_err_set(err, BB_E_CONN_STRING, 0,
				  "connection string: empty key before '=' "
				  "at byte %zu",
				  sc->i);
	if (memchr(sc->s + kstart, '{', kend - kstart) ||
	    memchr(sc->s + kstart, '}', kend - kstart))
		return bb_err_set(err, BB_E_CONN_STRING, 0,
				  "connection string: the key at byte %zu "
				  "holds a brace; only values may be braced",
				  kstart);
	*id = find_n(sc->s + kstart, kend - kstart);
	sc->i++;
	if (!read_value(sc, *id, err))
		return false;
	sc->val[sc->vlen] = '\0';
	return true;
}

/* Moves the values given in the string from src into dst. */
static void adopt(bb_props *dst, bb_props *src)
{
	int i;

	for (i = 0; i < BB_P_COUNT; i++) {
		if (!src->from_conn[i])
			continue;
		free_value((bb_prop_id)i, &dst->v[i]);
		dst->v[i] = src->v[i];
		dst->from_conn[i] = true;
		src->v[i] = NULL;
	}
}

/*
 * Parses into a scratch set first and adopts it only on success, so a
 * malformed string leaves p as it was.
 */
bool bb_props_parse(bb_props *p, const char *conn_str, int *unknown,
		    bb_err *err)
{
	scanner sc = {conn_str ? conn_str : "", 0, NULL, 0};
	size_t size = strlen(sc.s) + 1;
	bb_props got;
	int n_unknown = 0;
	bool ok = false;

	memset(&got, 0, sizeof(got));
	sc.val = malloc(size);
	if (!sc.val) {
		bb_err_set(err, BB_E_NOMEM, 0, "out of memory");
		goto cleanup;
	}
	while (sc.s[sc.i] != '\0') {
		int id = -2;

		if (!read_attr(&sc, &id, err))
			goto cleanup;
		if (sc.s[sc.i] == ';')
			sc.i++;
		if (id == -2)
			continue;
		if (id == -1) {
			if (n_unknown < INT_MAX)
				n_unknown++;
			continue;
		}
		if (got.from_conn[id])
			continue; /* ODBC: the first occurrence wins */
		/* No property needs more; a header or URL that long fails
		 * later, and less clearly. */
		if (strlen(sc.val) > PROP_VALUE_MAX) {
			bb_err_set(err, BB_E_CONN_STRING, 0,
				   "the value of %s is longer than %d bytes",
				   bb_prop_defs[id].name, PROP_VALUE_MAX);
			goto cleanup;
		}
		if (!bb_props_set(&got, (bb_prop_id)id, sc.val)) {
			bb_err_set(err, BB_E_NOMEM, 0, "out of memory");
			goto cleanup;
		}
		got.from_conn[id] = true;
	}
	adopt(p, &got);
	if (unknown)
		*unknown = n_unknown;
	ok = true;
cleanup:
	if (sc.val)
		wipe_bytes(sc.val, size);
	free(sc.val);
	bb_props_free(&got);
	return ok;
}

#ifdef BB_HAVE_ODBCINST
/* Reads one entry of the DSN's section into buf; true if non-empty. */
static bool read_dsn_entry(const char *dsn, const char *key, char *buf,
			   int size)
{
	int n;

	buf[0] = '\0';
	n = SQLGetPrivateProfileString(dsn, key, "", buf, size, "odbc.ini");
	return n > 0 && buf[0] != '\0';
}
#endif

void bb_props_merge_dsn(bb_props *p, const char *dsn)
{
#ifdef BB_HAVE_ODBCINST
	char buf[DSN_VALUE_MAX];
	int i;

	if (!dsn || !*dsn)
		return;
	for (i = 0; i < BB_P_COUNT; i++) {
		const bb_prop_def *d = &bb_prop_defs[i];
		bool found;

		/* DSN names the section itself, and the section's Driver
		 * entry is the driver manager's business, not ours. */
		if (i == BB_P_DSN || i == BB_P_DRIVER || p->v[i])
			continue;
		found = read_dsn_entry(dsn, d->name, buf, sizeof(buf));
		if (!found && d->alias)
			found = read_dsn_entry(dsn, d->alias, buf, sizeof(buf));
		/* On out-of-memory the property stays unset, as if the
		 * DSN lacked it; the default or an auth error follows. */
		if (found)
			bb_props_set(p, (bb_prop_id)i, buf);
	}
	wipe_bytes(buf, sizeof(buf));
#else
	(void)p;
	(void)dsn;
#endif
}

/* A value needs braces if a reader would otherwise split or trim it. */
static bool needs_braces(const char *v)
{
	size_t n = strlen(v);

	if (n && (is_space(v[0]) || is_space(v[n - 1])))
		return true;
	return strpbrk(v, ";{}=") != NULL;
}

/*
 * The output is built in one allocation sized for the worst case (every
 * byte a doubled '}'), not in a growing buffer: it may hold secrets given
 * in the input, and a realloc would leave copies of them behind.
 */
typedef struct outstr {
	char *s;    /* owned until returned */
	size_t len; /* bytes written */
} outstr;

static size_t attr_bound(const char *key, const char *v)
{
	/* key '=' '{' value with each '}' doubled '}' ';' */
	return strlen(key) + 2 * strlen(v) + 4;
}

static void put_bytes(outstr *o, const char *from, size_t n)
{
	memcpy(o->s + o->len, from, n);
	o->len += n;
}

static void put_attr(outstr *o, const char *key, const char *v, bool brace)
{
	const char *close;

	put_bytes(o, key, strlen(key));
	put_bytes(o, "=", 1);
	if (!brace && !needs_braces(v)) {
		put_bytes(o, v, strlen(v));
		put_bytes(o, ";", 1);
		return;
	}
	put_bytes(o, "{", 1);
	while ((close = strchr(v, '}')) != NULL) {
		put_bytes(o, v, (size_t)(close - v) + 1);
		put_bytes(o, "}", 1);
		v = close + 1;
	}
	put_bytes(o, v, strlen(v));
	put_bytes(o, "};", 2);
}

/* Whether property i goes into the output after the DSN or DRIVER. */
static bool echoed(const bb_props *p, int i)
{
	return i != BB_P_DSN && i != BB_P_DRIVER && p->from_conn[i] && p->v[i];
}

char *bb_props_to_conn_str(const bb_props *p)
{
	const char *dsn = p->v[BB_P_DSN];
	const char *drv = p->v[BB_P_DRIVER];
	size_t size = 1;
	outstr o = {NULL, 0};
	int i;

	/* A DSN names the driver too, so when both are set it is the one
	 * given back; DRIVER is braced by custom. */
	if (dsn && !*dsn)
		dsn = NULL;
	if (drv && !*drv)
		drv = NULL;
	if (dsn)
		size += attr_bound("DSN", dsn);
	else if (drv)
		size += attr_bound("DRIVER", drv);
	for (i = 0; i < BB_P_COUNT; i++)
		if (echoed(p, i))
			size += attr_bound(bb_prop_defs[i].name, p->v[i]);
	o.s = malloc(size);
	if (!o.s)
		return NULL;
	if (dsn)
		put_attr(&o, "DSN", dsn, false);
	else if (drv)
		put_attr(&o, "DRIVER", drv, true);
	for (i = 0; i < BB_P_COUNT; i++)
		if (echoed(p, i))
			put_attr(&o, bb_prop_defs[i].name, p->v[i], false);
	o.s[o.len] = '\0';
	return o.s;
}
