/*
 * test_config_connstr.c - connection string parsing, DSN merging and the
 * completed connection string (src/config/props.c).
 *
 * Cases are numbered; a failure prints the case number with the line.
 * Parsing cases give the exact values expected for every property (all
 * others must stay unset); hostile cases give the exact condition and the
 * byte offset the message must name, and text it must never contain.
 */
#include "util/setup.h"
#include "config/props.h"
#include "util/str.h"
#include "check.h"

#include <stdio.h>
#include <unistd.h>

#define MB (1024 * 1024)

/* One expected property value; v == NULL ends a list. */
typedef struct want {
	bb_prop_id id;
	const char *v;
} want;

typedef struct parse_case {
	int n;
	const char *in;
	int unknown;
	want w[6];
} parse_case;

static const parse_case parse_cases[] = {
	/* plain */
	{1,
	 "DSN=bb;User=alice;Workspace=acme",
	 0,
	 {{BB_P_DSN, "bb"}, {BB_P_USER, "alice"}, {BB_P_WORKSPACE, "acme"}}},
	{2,
	 "DRIVER=bbodbc;BaseURL=http://127.0.0.1:8080/2.0;",
	 0,
	 {{BB_P_DRIVER, "bbodbc"},
	  {BB_P_BASE_URL, "http://127.0.0.1:8080/2.0"}}},
	/* braced, with ';' and '=' inside */
	{3,
	 "PWD={a;b=c};User=u",
	 0,
	 {{BB_P_PASSWORD, "a;b=c"}, {BB_P_USER, "u"}}},
	{4,
	 "DRIVER={Bitbucket ODBC};ApiToken={==;;==}",
	 0,
	 {{BB_P_DRIVER, "Bitbucket ODBC"}, {BB_P_API_TOKEN, "==;;=="}}},
	/* '}}' escapes */
	{5, "PWD={x}}y}}}", 0, {{BB_P_PASSWORD, "x}y}"}}},
	{6, "PWD={}}}", 0, {{BB_P_PASSWORD, "}"}}},
	{7,
	 "PWD={}}{}}};User=u",
	 0,
	 {{BB_P_PASSWORD, "}{}"}, {BB_P_USER, "u"}}},
	/* an unbraced '}' is an ordinary byte */
	{8, "PWD=a}b", 0, {{BB_P_PASSWORD, "a}b"}}},
	/* whitespace: trimmed around keys and unbraced values, kept in
	 * braces, allowed around braces */
	{9,
	 "  User =  alice  ;\tWorkspace\t=\t{ acme }  ;",
	 0,
	 {{BB_P_USER, "alice"}, {BB_P_WORKSPACE, " acme "}}},
	{10, "Base URL=x;User=a b", 1, {{BB_P_USER, "a b"}}},
	/* repeated keys: the first occurrence wins, whatever spelling */
	{11, "User=a;USER=b;UID=c", 0, {{BB_P_USER, "a"}}},
	{12, "UID=c;User=a", 0, {{BB_P_USER, "c"}}},
	{13, "PWD=;Password=late", 0, {{BB_P_PASSWORD, ""}}},
	/* DSN and DRIVER together: both kept */
	{14,
	 "DRIVER={bbodbc};DSN=bb",
	 0,
	 {{BB_P_DRIVER, "bbodbc"}, {BB_P_DSN, "bb"}}},
	/* aliases */
	{15, "UID=u;PWD=p", 0, {{BB_P_USER, "u"}, {BB_P_PASSWORD, "p"}}},
	/* keys match case-insensitively */
	{16,
	 "baseurl=http://x;wOrKsPaCe=w;dsn=d;uid=u;pwd=p",
	 0,
	 {{BB_P_BASE_URL, "http://x"},
	  {BB_P_WORKSPACE, "w"},
	  {BB_P_DSN, "d"},
	  {BB_P_USER, "u"},
	  {BB_P_PASSWORD, "p"}}},
	/* unknown keys are counted, each occurrence, and otherwise skipped */
	{17, "Foo=1;Bar={x;y};DSN=d;Foo=2", 3, {{BB_P_DSN, "d"}}},
	{18, "Server=x;Port=1;Database=y", 3, {{0, NULL}}},
	/* empty values are set, to empty */
	{19,
	 "Workspace=;ApiToken={};Timeout=  ;",
	 0,
	 {{BB_P_WORKSPACE, ""}, {BB_P_API_TOKEN, ""}, {BB_P_TIMEOUT, ""}}},
	/* separators only, empty attributes, nothing */
	{20, "", 0, {{0, NULL}}},
	{21, ";;;;", 0, {{0, NULL}}},
	{22, " ; ;\t;User=u;; ;", 0, {{BB_P_USER, "u"}}},
	/* non-ASCII UTF-8 passes through values; unknown in keys */
	{23,
	 "Workspace=caf\xc3\xa9;\xc3\x9cnknown=1;"
	 "User={\xe6\x97\xa5\xe6\x9c\xac}",
	 1,
	 {{BB_P_WORKSPACE, "caf\xc3\xa9"},
	  {BB_P_USER, "\xe6\x97\xa5\xe6\x9c\xac"}}},
	{24, "\xff\xfe=1;User=\xff", 1, {{BB_P_USER, "\xff"}}},
	/* a value may hold '=' unbraced: only the first '=' splits */
	{25,
	 "BaseURL=http://h/2.0?a=b",
	 0,
	 {{BB_P_BASE_URL, "http://h/2.0?a=b"}}},
	/* each property by its canonical name */
	{26,
	 "AccessToken=t;ConnectTimeout=5;MaxRetries=0;CAFile=/c.pem;"
	 "Proxy=http://127.0.0.1:3128",
	 0,
	 {{BB_P_ACCESS_TOKEN, "t"},
	  {BB_P_CONNECT_TIMEOUT, "5"},
	  {BB_P_MAX_RETRIES, "0"},
	  {BB_P_CA_FILE, "/c.pem"},
	  {BB_P_PROXY, "http://127.0.0.1:3128"}}},
	{27,
	 "LogFile=/tmp/r.log;TraceFile=stderr;TraceAreas={rest,auth}",
	 0,
	 {{BB_P_LOG_FILE, "/tmp/r.log"},
	  {BB_P_TRACE_FILE, "stderr"},
	  {BB_P_TRACE_AREAS, "rest,auth"}}},
};

/* Checks p against a want list: listed properties hold exactly the value
 * and came from the string; all others are unset. */
static void check_props(int n, const bb_props *p, const want *w, size_t nw)
{
	int i;
	size_t k;

	for (i = 0; i < BB_P_COUNT; i++) {
		const char *expect = NULL;

		for (k = 0; k < nw && w[k].v; k++)
			if ((int)w[k].id == i)
				expect = w[k].v;
		if (expect)
			CHECK(p->from_conn[i]);
		else
			CHECK(!p->from_conn[i]);
		if (!((expect == NULL && p->v[i] == NULL) ||
		      (expect && p->v[i] && strcmp(expect, p->v[i]) == 0)))
			fprintf(stderr, "case %d: %s\n", n,
				bb_prop_defs[i].name);
		CHECK_STR(p->v[i], expect);
	}
}

static void test_parse_cases(void)
{
	size_t c;

	for (c = 0; c < BB_ARRAY_LEN(parse_cases); c++) {
		const parse_case *pc = &parse_cases[c];
		bb_props p;
		bb_err err;
		int unknown = -1;
		bool ok;

		memset(&p, 0, sizeof(p));
		bb_err_clear(&err);
		ok = bb_props_parse(&p, pc->in, &unknown, &err);
		if (!ok)
			fprintf(stderr, "case %d: %s\n", pc->n, err.msg);
		CHECK(ok);
		CHECK_INT(err.cond, BB_OK);
		if (unknown != pc->unknown)
			fprintf(stderr, "case %d: unknown\n", pc->n);
		CHECK_INT(unknown, pc->unknown);
		check_props(pc->n, &p, pc->w, BB_ARRAY_LEN(pc->w));
		bb_props_free(&p);
	}
}

typedef struct bad_case {
	int n;
	const char *in;
	const char *where;  /* "byte N" the message must name */
	const char *key;    /* canonical key the message names, or NULL */
	const char *secret; /* text the message must not contain */
} bad_case;

static const bad_case bad_cases[] = {
	/* unterminated brace: the offset is the '{' */
	{101, "User=a;PWD={s3cret;x", "byte 11", "Password", "s3cret"},
	{102, "PWD={", "byte 4", "Password", NULL},
	{103, "Foo={s3cret", "byte 4", "unrecognised", "s3cret"},
	{104, "PWD={abc}}", "byte 4", "Password", "abc"},
	/* '{' in the middle of an unbraced value */
	{105, "PWD=ab{s3cret;x}", "byte 6", "Password", "s3cret"},
	{106, "Workspace=a {b}", "byte 12", "Workspace", NULL},
	/* key without '=': may be a secret's tail, so never echoed */
	{107, "DSN=x;PWD=se;cr3t", "byte 13", NULL, "cr3t"},
	{108, "User", "byte 0", NULL, "User"},
	{109, "User=a;  lonely  ;PWD=b", "byte 9", NULL, "lonely"},
	/* empty key: the offset is the '=' */
	{110, "=x", "byte 0", NULL, NULL},
	{111, "User=a; \t=s3cret", "byte 9", NULL, "s3cret"},
	/* text after a closing brace */
	{112, "PWD={a}s3cret", "byte 7", "Password", "s3cret"},
	{113, "PWD={a} {b}", "byte 8", "Password", NULL},
	/* a brace in a key */
	{114, "{PWD}=x", "byte 0", NULL, NULL},
	{115, "User=a; Fo}o=1", "byte 8", NULL, "Fo}o"},
	/* a lone '{' and an unbalanced run of braces */
	{116, "{", "byte 0", NULL, NULL},
	{117, "User={{}}", "byte 5", "User", NULL},
};

static void test_bad_cases(void)
{
	size_t c;

	for (c = 0; c < BB_ARRAY_LEN(bad_cases); c++) {
		const bad_case *bc = &bad_cases[c];
		bb_props p;
		bb_err err;
		int unknown = -7;
		bool ok;

		memset(&p, 0, sizeof(p));
		bb_err_clear(&err);
		ok = bb_props_parse(&p, bc->in, &unknown, &err);
		if (ok || !strstr(err.msg, bc->where))
			fprintf(stderr, "case %d: \"%s\"\n", bc->n, err.msg);
		CHECK(!ok);
		CHECK_INT(err.cond, BB_E_CONN_STRING);
		CHECK(strstr(err.msg, bc->where) != NULL);
		if (bc->key)
			CHECK(strstr(err.msg, bc->key) != NULL);
		if (bc->secret)
			CHECK(strstr(err.msg, bc->secret) == NULL);
		/* a failed parse leaves everything untouched */
		CHECK_INT(unknown, -7);
		check_props(bc->n, &p, NULL, 0);
		bb_props_free(&p);
	}
}

/* 201: a failed parse keeps the values an earlier one set. */
static void test_failure_keeps_props(void)
{
	bb_props p;
	bb_err err;

	memset(&p, 0, sizeof(p));
	bb_err_clear(&err);
	CHECK(bb_props_parse(&p, "User=a;Workspace=w", NULL, &err));
	CHECK(!bb_props_parse(&p, "User=b;PWD={x", NULL, &err));
	CHECK_STR(bb_props_get(&p, BB_P_USER), "a");
	CHECK_STR(bb_props_get(&p, BB_P_WORKSPACE), "w");
	CHECK_STR(bb_props_get(&p, BB_P_PASSWORD), NULL);
	bb_props_free(&p);
}

/* 202: NULL is the empty string; a NUL ends the string, whatever follows
 * it in the caller's buffer. */
static void test_nul(void)
{
	static const char buf[] = "User=a\0PWD=b;Workspace=w";
	bb_props p;
	bb_err err;
	int unknown = -1;

	memset(&p, 0, sizeof(p));
	bb_err_clear(&err);
	CHECK(bb_props_parse(&p, NULL, &unknown, &err));
	CHECK_INT(unknown, 0);
	CHECK(bb_props_parse(&p, buf, &unknown, &err));
	CHECK_STR(bb_props_get(&p, BB_P_USER), "a");
	CHECK_STR(bb_props_get(&p, BB_P_PASSWORD), NULL);
	CHECK_STR(bb_props_get(&p, BB_P_WORKSPACE), NULL);
	bb_props_free(&p);
}

/* Parses s, expecting success or the given failure. */
static void parse_big(int n, const char *s, bool want_ok, int want_unknown,
		      bb_props *p)
{
	bb_err err;
	int unknown = 0;
	bool ok;

	bb_err_clear(&err);
	ok = bb_props_parse(p, s, &unknown, &err);
	if (ok != want_ok)
		fprintf(stderr, "case %d: %s\n", n, err.msg);
	CHECK(ok == want_ok);
	if (want_ok)
		CHECK_INT(unknown, want_unknown);
	else
		CHECK_INT(err.cond, BB_E_CONN_STRING);
}

static char *filled(const char *head, const char *unit, size_t total,
		    const char *tail)
{
	size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
	char *s = malloc(hl + total + tl + 1);
	size_t i;

	if (!s)
		return NULL;
	memcpy(s, head, hl);
	for (i = 0; i + ul <= total; i += ul)
		memcpy(s + hl + i, unit, ul);
	memcpy(s + hl + i, tail, tl);
	s[hl + i + tl] = '\0';
	return s;
}

/* 301-308: one-megabyte strings, well and badly formed. */
static void test_huge(void)
{
	bb_props p;
	char *s;

	memset(&p, 0, sizeof(p));
	/* A value of a megabyte is refused: no property needs 16 KiB. */
	s = filled("Workspace=", "a", MB, ";User=u");
	CHECK(s != NULL);
	parse_big(301, s, false, 0, &p);
	free(s);
	s = filled("Workspace=", "a", 16384, ";User=u");
	parse_big(309, s, true, 0, &p);
	CHECK_INT(strlen(bb_props_get(&p, BB_P_WORKSPACE)
				 ? bb_props_get(&p, BB_P_WORKSPACE)
				 : ""),
		  16384);
	CHECK_STR(bb_props_get(&p, BB_P_USER), "u");
	bb_props_free(&p);
	free(s);

	s = filled("", ";", MB, "");
	parse_big(302, s, true, 0, &p);
	bb_props_free(&p);
	free(s);

	s = filled("", "{", MB, "");
	parse_big(303, s, false, 0, &p);
	free(s);

	s = filled("PWD={", "x", MB, "");
	parse_big(304, s, false, 0, &p);
	free(s);

	s = filled("PWD={", "}}", MB, "}");
	parse_big(305, s, false, 0, &p);
	free(s);
	s = filled("PWD={", "}}", 8192, "}");
	parse_big(310, s, true, 0, &p);
	CHECK_INT(strlen(bb_props_get(&p, BB_P_PASSWORD)
				 ? bb_props_get(&p, BB_P_PASSWORD)
				 : ""),
		  4096);
	bb_props_free(&p);
	free(s);

	s = filled("", "a=b;", MB, "");
	parse_big(306, s, true, MB / 4, &p);
	bb_props_free(&p);
	free(s);

	s = filled("", "k", MB, "");
	parse_big(307, s, false, 0, &p);
	free(s);

	s = filled("User=", "=", MB, "");
	parse_big(308, s, false, 0, &p);
	free(s);
}

/* 401-404: the property table and lookups. */
static void test_table(void)
{
	int i;

	for (i = 0; i < BB_P_COUNT; i++) {
		CHECK(bb_prop_defs[i].name != NULL);
		CHECK(bb_prop_defs[i].doc != NULL && *bb_prop_defs[i].doc);
		CHECK_INT(bb_prop_find(bb_prop_defs[i].name), i);
	}
	CHECK_INT(bb_prop_find("uid"), BB_P_USER);
	CHECK_INT(bb_prop_find("PWD"), BB_P_PASSWORD);
	CHECK_INT(bb_prop_find("driver"), BB_P_DRIVER);
	CHECK_INT(bb_prop_find("nope"), -1);
	CHECK_INT(bb_prop_find(""), -1);
	CHECK_INT(bb_prop_find("User "), -1);
	CHECK_INT(bb_prop_find(NULL), -1);
	CHECK(bb_prop_defs[BB_P_API_TOKEN].secret);
	CHECK(bb_prop_defs[BB_P_PASSWORD].secret);
	CHECK(bb_prop_defs[BB_P_ACCESS_TOKEN].secret);
	CHECK(!bb_prop_defs[BB_P_USER].secret);
	CHECK_STR(bb_prop_defs[BB_P_BASE_URL].deflt,
		  "https://api.bitbucket.org/2.0");
	CHECK_STR(bb_prop_defs[BB_P_TIMEOUT].deflt, "60");
	CHECK_STR(bb_prop_defs[BB_P_CONNECT_TIMEOUT].deflt, "30");
	CHECK_STR(bb_prop_defs[BB_P_MAX_RETRIES].deflt, "3");
}

/* 501-503: defaults fill only what is unset; empty counts as set. */
static void test_defaults(void)
{
	bb_props p;
	bb_err err;
	int i;

	memset(&p, 0, sizeof(p));
	bb_err_clear(&err);
	CHECK(bb_props_parse(&p, "BaseURL=;Timeout=5", NULL, &err));
	bb_props_apply_defaults(&p);
	CHECK_STR(bb_props_get(&p, BB_P_BASE_URL), "");
	CHECK_STR(bb_props_get(&p, BB_P_TIMEOUT), "5");
	CHECK_STR(bb_props_get(&p, BB_P_CONNECT_TIMEOUT), "30");
	CHECK_STR(bb_props_get(&p, BB_P_MAX_RETRIES), "3");
	CHECK_STR(bb_props_get(&p, BB_P_USER), NULL);
	CHECK(!p.from_conn[BB_P_CONNECT_TIMEOUT]);
	CHECK(bb_props_set(&p, BB_P_CONNECT_TIMEOUT, "7"));
	CHECK_STR(bb_props_get(&p, BB_P_CONNECT_TIMEOUT), "7");
	CHECK(bb_props_set(&p, BB_P_API_TOKEN, "t1"));
	CHECK(bb_props_set(&p, BB_P_API_TOKEN, "t2"));
	CHECK_STR(bb_props_get(&p, BB_P_API_TOKEN), "t2");
	CHECK(bb_props_set(&p, BB_P_API_TOKEN, NULL));
	CHECK_STR(bb_props_get(&p, BB_P_API_TOKEN), NULL);
	bb_props_free(&p);
	for (i = 0; i < BB_P_COUNT; i++) {
		CHECK(p.v[i] == NULL);
		CHECK(!p.from_conn[i]);
	}
	bb_props_free(&p);
}

/* 601-611: numbers, with a fallback for anything but a whole number. */
static void test_get_long(void)
{
	static const struct {
		const char *v;
		long want;
	} cases[] = {
		{"60", 60},    {" 42 ", 42},
		{"-5", -5},    {"+7", 7},
		{"0", 0},      {"abc", 99},
		{"12abc", 99}, {"", 99},
		{" ", 99},     {"99999999999999999999999", 99},
		{"1.5", 99},
	};
	bb_props p;
	size_t i;

	memset(&p, 0, sizeof(p));
	CHECK_INT(bb_props_get_long(&p, BB_P_TIMEOUT, 99), 99);
	for (i = 0; i < BB_ARRAY_LEN(cases); i++) {
		CHECK(bb_props_set(&p, BB_P_TIMEOUT, cases[i].v));
		if (bb_props_get_long(&p, BB_P_TIMEOUT, 99) != cases[i].want)
			fprintf(stderr, "case %zu: \"%s\"\n", 601 + i,
				cases[i].v);
		CHECK_INT(bb_props_get_long(&p, BB_P_TIMEOUT, 99),
			  cases[i].want);
	}
	bb_props_free(&p);
}

static char *round_trip(const char *in, bb_props *p)
{
	bb_err err;

	memset(p, 0, sizeof(*p));
	bb_err_clear(&err);
	if (!bb_props_parse(p, in, NULL, &err)) {
		fprintf(stderr, "round trip: %s\n", err.msg);
		return NULL;
	}
	return bb_props_to_conn_str(p);
}

/* 701-707: the completed connection string, exactly, and parsed back. */
static void test_to_conn_str(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"UID=u;PWD={p;w}}};Workspace= w ;DRIVER=bbodbc",
		 "DRIVER={bbodbc};User=u;Password={p;w}}};Workspace=w;"},
		{"DSN=bb;Foo=1;Workspace={ lead};User={a=b}",
		 "DSN=bb;User={a=b};Workspace={ lead};"},
		{"DRIVER={x};DSN=bb", "DSN=bb;"},
		{"DSN={a;b};ApiToken={}}{};Timeout=",
		 "DSN={a;b};ApiToken={}}{};Timeout=;"},
		{"User=", "User=;"},
		{"", ""},
		{"Workspace=trail ;AccessToken={tab\t}",
		 "AccessToken={tab\t};Workspace=trail;"},
	};
	size_t c;

	for (c = 0; c < BB_ARRAY_LEN(cases); c++) {
		bb_props p, q;
		char *out = round_trip(cases[c].in, &p);
		char *again;
		int i;

		CHECK_STR(out, cases[c].out);
		again = out ? round_trip(out, &q) : NULL;
		CHECK_STR(again, out);
		for (i = 0; out && i < BB_P_COUNT; i++) {
			/* the chosen one of DSN and DRIVER survives */
			if (i == BB_P_DRIVER && p.v[BB_P_DSN])
				continue;
			CHECK_STR(q.v[i], p.v[i]);
		}
		free(out);
		free(again);
		bb_props_free(&p);
		if (out)
			bb_props_free(&q);
	}
}

#ifdef BB_HAVE_ODBCINST
/* Writes an odbc.ini with one DSN into a fresh directory, and points
 * unixODBC's user and system files there. */
static bool write_odbc_ini(char *dir, size_t size)
{
	char path[512];
	FILE *f;

	bb_strlcpy(dir, "/tmp/bbodbc-props-XXXXXX", size);
	if (!mkdtemp(dir))
		return false;
	bb_snprintf(path, sizeof(path), "%s/odbc.ini", dir);
	f = fopen(path, "w");
	if (!f)
		return false;
	fputs("[bbtest]\n"
	      "Driver = /nonexistent/libbbodbc.so\n"
	      "User = dsnuser\n"
	      "ApiToken = dsn-api-s3cret\n"
	      "PWD = dsn-app-s3cret\n"
	      "AccessToken =\n"
	      "Workspace = dsnws\n"
	      "Timeout = 15\n"
	      "TraceAreas = rest\n",
	      f);
	fclose(f);
	setenv("ODBCINI", path, 1);
	setenv("ODBCSYSINI", dir, 1);
	setenv("HOME", dir, 1);
	return true;
}

static void remove_odbc_ini(const char *dir)
{
	char path[512];

	bb_snprintf(path, sizeof(path), "%s/odbc.ini", dir);
	unlink(path);
	rmdir(dir);
}

/* 801-806: the DSN fills what the string left unset, and its secrets
 * never reach the completed connection string. */
static void test_dsn_merge(void)
{
	char dir[64];
	bb_props p;
	bb_err err;
	char *out;

	if (!write_odbc_ini(dir, sizeof(dir))) {
		CHECK(!"cannot write a temporary odbc.ini");
		return;
	}
	memset(&p, 0, sizeof(p));
	bb_err_clear(&err);
	CHECK(bb_props_parse(&p, "DSN=bbtest;Workspace=connws;Timeout=abc",
			     NULL, &err));
	bb_props_merge_dsn(&p, bb_props_get(&p, BB_P_DSN));
	bb_props_apply_defaults(&p);
	CHECK_STR(bb_props_get(&p, BB_P_WORKSPACE), "connws");
	CHECK_STR(bb_props_get(&p, BB_P_USER), "dsnuser");
	CHECK_STR(bb_props_get(&p, BB_P_API_TOKEN), "dsn-api-s3cret");
	CHECK_STR(bb_props_get(&p, BB_P_PASSWORD), "dsn-app-s3cret");
	CHECK_STR(bb_props_get(&p, BB_P_ACCESS_TOKEN), NULL);
	CHECK_STR(bb_props_get(&p, BB_P_TRACE_AREAS), "rest");
	CHECK_STR(bb_props_get(&p, BB_P_DRIVER), NULL);
	CHECK_STR(bb_props_get(&p, BB_P_TIMEOUT), "abc");
	CHECK_INT(bb_props_get_long(&p, BB_P_TIMEOUT, 60), 60);
	CHECK(!p.from_conn[BB_P_API_TOKEN]);
	out = bb_props_to_conn_str(&p);
	CHECK_STR(out, "DSN=bbtest;Workspace=connws;Timeout=abc;");
	CHECK(out && !strstr(out, "s3cret"));
	CHECK(out && !strstr(out, "dsnuser"));
	free(out);
	bb_props_free(&p);

	/* a secret given in the string is echoed, one from the DSN not */
	CHECK(bb_props_parse(&p, "DSN=bbtest;PWD=conn-pw", NULL, &err));
	bb_props_merge_dsn(&p, "bbtest");
	CHECK_STR(bb_props_get(&p, BB_P_PASSWORD), "conn-pw");
	out = bb_props_to_conn_str(&p);
	CHECK_STR(out, "DSN=bbtest;Password=conn-pw;");
	free(out);
	bb_props_free(&p);

	/* a DSN that does not exist, or none, changes nothing */
	bb_props_merge_dsn(&p, "no-such-dsn");
	bb_props_merge_dsn(&p, "");
	bb_props_merge_dsn(&p, NULL);
	check_props(806, &p, NULL, 0);
	remove_odbc_ini(dir);
}
#endif

int main(void)
{
	test_parse_cases();
	test_bad_cases();
	test_failure_keeps_props();
	test_nul();
	test_huge();
	test_table();
	test_defaults();
	test_get_long();
	test_to_conn_str();
#ifdef BB_HAVE_ODBCINST
	test_dsn_merge();
#endif
	return CHECK_DONE();
}
