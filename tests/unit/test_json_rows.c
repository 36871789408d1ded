/*
 * test_json_rows.c - captured Bitbucket Cloud objects become rows of
 * Workspaces, Repositories and PullRequests.
 *
 * Every object of these tables in tests/fixtures/bitbucket goes through
 * bb_json_path and bb_value_from_json, one column at a time, and each
 * value is checked against what the test works out on its own from the
 * JSON: the same bytes for text, 0/1 for booleans, the integer, a UTC
 * timestamp computed by a parser of this file (not the driver's), JSON
 * text that parses back to an equal tree. Then the definitions are held
 * to the fixtures both ways: every scalar key an object carries is some
 * column's path, and every column's path is found in some object, or is
 * listed in not_shown[] with the reason the captures lack it.
 *
 * Cases:
 *   1. each fixture reads and holds the expected number of objects
 *   2. each column of each object converts to the expected value
 *   3. each key of each object is a column (coverage)
 *   4. each column is found in a fixture, or listed in not_shown[]
 *   5. known fixture timestamps normalise to the expected text
 *   6. timestamp properties: offsets, round trip, rejects
 *   7. a value of a kind the column cannot hold is NULL
 *
 * A failure names the case, the fixture file, the object's index in it
 * and the column, so it can be found without a debugger.
 */
#include "util/setup.h"
#include "engine/tables.h"
#include "json/value.h"
#include "util/str.h"
#include "check.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>

#define MAX_OBJECTS 64

/* One captured file and the table its objects belong to. */
struct fixture {
	const char *file;  /* below BB_FIXTURES_DIR */
	const char *table; /* bb_table_def name */
	int count;         /* objects the file holds */
};

static const struct fixture fixtures[] = {
	{"atlassian-api_atlassian-python-api/workspaces_page1.json",
	 "Workspaces", 2},
	{"jenkinsci_bitbucket-branch-source-plugin/repository.json",
	 "Repositories", 1},
	{"drone_go-scm/repos.json", "Repositories", 1},
	{"jenkinsci_bitbucket-branch-source-plugin/pullrequests_list.json",
	 "PullRequests", 5},
	{"apache_incubator-devlake/pullrequests_page1_values.json",
	 "PullRequests", 10},
	{"danger_danger-js/pullrequest.json", "PullRequests", 1},
};
#define NFIXTURES (int)(sizeof(fixtures) / sizeof(fixtures[0]))

/*
 * Columns whose path no captured object shows with a value. Not listed:
 * codecov_shared/user_permissions_repositories.json, whose repositories
 * are the partial {type, name, full_name, uuid} shape, like a pull
 * request's source.repository, not objects of /repositories.
 */
static const struct {
	const char *table, *column, *why;
} not_shown[] = {
	/* The only workspace capture predates these keys. */
	{"Workspaces", "IsPrivacyEnforced", "absent in the 2020 capture"},
	{"Workspaces", "ForkingMode", "absent in the 2020 capture"},
	{"Workspaces", "UpdatedOn", "absent in the 2020 capture"},
	/* No captured repository is a fork. */
	{"Repositories", "ParentFullName", "parent is null: no fork"},
	{"Repositories", "ParentUuid", "parent is null: no fork"},
	{"Repositories", "EnforcedSignedCommits", "null in every capture"},
	/* Every captured pull request is OPEN: nobody merged or closed it. */
	{"PullRequests", "MergeCommitHash", "merge_commit null: all OPEN"},
	{"PullRequests", "ClosedByDisplayName", "closed_by null: all OPEN"},
	{"PullRequests", "ClosedByUuid", "closed_by null: all OPEN"},
	{"PullRequests", "ClosedByAccountId", "closed_by null: all OPEN"},
	/* Added to the API after these captures were made. */
	{"PullRequests", "Queued", "absent in every capture"},
};
#define NNOT_SHOWN (int)(sizeof(not_shown) / sizeof(not_shown[0]))

/* A loaded fixture: the parsed file and the objects found in it. */
struct loaded {
	cJSON *doc; /* owned; the objects point into it */
	const cJSON *obj[MAX_OBJECTS];
	int n;
};

static struct loaded loaded[NFIXTURES];

/* Records one failure, prefixed with where it happened. */
static void fail(int casen, int fx, int idx, const char *col, const char *fmt,
		 ...) __attribute__((format(printf, 5, 6)));

static void fail(int casen, int fx, int idx, const char *col, const char *fmt,
		 ...)
{
	va_list ap;

	check_failures++;
	fprintf(stderr, "case %d:", casen);
	if (fx >= 0)
		fprintf(stderr, " %s", fixtures[fx].file);
	if (idx >= 0)
		fprintf(stderr, " object %d", idx);
	if (col)
		fprintf(stderr, " column %s", col);
	fprintf(stderr, ": ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	bb_buf b;
	char chunk[4096];
	size_t n;

	bb_buf_init(&b);
	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		bb_buf_append(&b, chunk, n);
	fclose(f);
	if (b.oom) {
		bb_buf_free(&b);
		return NULL;
	}
	return bb_buf_steal(&b);
}

static void add_object(struct loaded *l, const cJSON *o)
{
	if (l->n < MAX_OBJECTS)
		l->obj[l->n] = o;
	l->n++;
}

static void add_values(struct loaded *l, const cJSON *values)
{
	const cJSON *o;

	cJSON_ArrayForEach(o, values)
	{
		add_object(l, o);
	}
}

/* Finds the objects in one of the README's three forms: `pages` of
 * {request_url, values}; an exchange whose `body` is the response; or a
 * bare body, either a page with `values` or one object. */
static void find_objects(struct loaded *l)
{
	const cJSON *body = l->doc, *page;
	const cJSON *pages = cJSON_GetObjectItemCaseSensitive(body, "pages");

	if (cJSON_IsArray(pages)) {
		cJSON_ArrayForEach(page, pages)
		{
			add_values(l, cJSON_GetObjectItemCaseSensitive(
					      page, "values"));
		}
		return;
	}
	if (cJSON_GetObjectItemCaseSensitive(body, "_request"))
		body = cJSON_GetObjectItemCaseSensitive(body, "body");
	if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(body, "values")))
		add_values(l, cJSON_GetObjectItemCaseSensitive(body, "values"));
	else if (cJSON_IsObject(body))
		add_object(l, body);
}

/* Case 1: every fixture parses and holds the objects expected of it. */
static void case_load(void)
{
	int fx, i;

	for (fx = 0; fx < NFIXTURES; fx++) {
		char path[1024];
		char *text = NULL;

		if (!bb_table_find(fixtures[fx].table))
			fail(1, fx, -1, NULL, "no table %s",
			     fixtures[fx].table);
		bb_snprintf(path, sizeof(path), "%s/%s", BB_FIXTURES_DIR,
			    fixtures[fx].file);
		text = read_file(path);
		if (!text) {
			fail(1, fx, -1, NULL, "cannot read %s", path);
			continue;
		}
		loaded[fx].doc = cJSON_Parse(text);
		free(text);
		if (!loaded[fx].doc) {
			fail(1, fx, -1, NULL, "not JSON");
			continue;
		}
		find_objects(&loaded[fx]);
		if (loaded[fx].n != fixtures[fx].count)
			fail(1, fx, -1, NULL, "%d objects, want %d",
			     loaded[fx].n, fixtures[fx].count);
		if (loaded[fx].n > MAX_OBJECTS)
			loaded[fx].n = MAX_OBJECTS;
		for (i = 0; i < loaded[fx].n; i++)
			if (!cJSON_IsObject(loaded[fx].obj[i]))
				fail(1, fx, i, NULL, "not a JSON object");
	}
}

/* ---- An ISO-8601 reader of its own, to judge the driver's. ---- */

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* The n digits at s as a number, or -1 if any is not a digit. */
static int num(const char *s, int n)
{
	int v = 0;

	while (n--) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

/* A broken-down UTC time; offsets are removed by stepping the fields. */
struct tm_utc {
	int y, mo, d, h, mi, s, us;
};

/* Moves t by delta minutes, one day at a time across midnight. */
static void shift_minutes(struct tm_utc *t, int delta)
{
	int m = t->h * 60 + t->mi + delta;

	while (m < 0) {
		m += 1440;
		if (--t->d < 1) {
			if (--t->mo < 1) {
				t->mo = 12;
				t->y--;
			}
			t->d = month_days(t->y, t->mo);
		}
	}
	while (m >= 1440) {
		m -= 1440;
		if (++t->d > month_days(t->y, t->mo)) {
			t->d = 1;
			if (++t->mo > 12) {
				t->mo = 1;
				t->y++;
			}
		}
	}
	t->h = m / 60;
	t->mi = m % 60;
}

/* Reads the zone at s (Z, +HH:MM, +HHMM, +HH) as minutes east. */
static bool zone(const char *s, int *east)
{
	int sign, hh, mm = 0;
	size_t n = strlen(s);

	if (n == 0 || ((*s == 'Z' || *s == 'z') && n == 1)) {
		*east = 0;
		return true;
	}
	if (*s != '+' && *s != '-')
		return false;
	sign = *s == '-' ? -1 : 1;
	hh = num(s + 1, 2);
	if (n == 6 && s[3] == ':')
		mm = num(s + 4, 2);
	else if (n == 5)
		mm = num(s + 3, 2);
	else if (n != 3)
		return false;
	if (hh < 0 || hh > 23 || mm < 0 || mm > 59)
		return false;
	*east = sign * (hh * 60 + mm);
	return true;
}

/* The expected normalised text of an API timestamp; false if it is not
 * one (the driver must then give NULL). Fractions past six digits are
 * cut, not rounded. */
static bool expect_ts(const char *in, char out[32])
{
	struct tm_utc t = {0};
	const char *p = in + 16;
	int east, scale = 100000;

	if (strlen(in) < 16 || in[4] != '-' || in[7] != '-' ||
	    (in[10] != 'T' && in[10] != ' ') || in[13] != ':')
		return false;
	t.y = num(in, 4);
	t.mo = num(in + 5, 2);
	t.d = num(in + 8, 2);
	t.h = num(in + 11, 2);
	t.mi = num(in + 14, 2);
	if (*p == ':') {
		t.s = num(p + 1, 2);
		p += 3;
		if (*p == '.') {
			if (num(++p, 1) < 0)
				return false;
			for (; num(p, 1) >= 0; p++, scale /= 10)
				t.us += scale * num(p, 1);
		}
	}
	if (t.y < 1 || t.mo < 1 || t.mo > 12 || t.d < 1 ||
	    t.d > month_days(t.y, t.mo) || t.h < 0 || t.h > 23 || t.mi < 0 ||
	    t.mi > 59 || t.s < 0 || t.s > 60 || !zone(p, &east))
		return false;
	shift_minutes(&t, -east);
	return bb_snprintf(out, 32, "%04d-%02d-%02d %02d:%02d:%02d.%06d", t.y,
			   t.mo, t.d, t.h, t.mi, t.s, t.us) &&
	       t.y >= 1 && t.y <= 9999;
}

/* ---- Case 2: values ---- */

static const char *kind_name(bb_vkind k)
{
	switch (k) {
	case BB_V_NULL:
		return "NULL";
	case BB_V_INT:
		return "INT";
	case BB_V_DOUBLE:
		return "DOUBLE";
	case BB_V_TEXT:
		return "TEXT";
	}
	return "?";
}

/* Characters (code points) in UTF-8 text. */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Why a value of this JSON kind does not belong in a column of type t,
 * or NULL if it does. */
static const char *misfit(const cJSON *v, bb_coltype t)
{
	switch (t) {
	case BB_T_TEXT:
		return cJSON_IsString(v) ? NULL : "VARCHAR but not a string";
	case BB_T_BIT:
		return cJSON_IsBool(v) ? NULL : "BIT but not a boolean";
	case BB_T_INT:
	case BB_T_BIGINT:
		if (!cJSON_IsNumber(v) || v->valuedouble != v->valuedouble ||
		    v->valuedouble >= 9.2e18 || v->valuedouble <= -9.2e18 ||
		    v->valuedouble != (double)(int64_t)v->valuedouble)
			return "integer column but not an integer";
		if (t == BB_T_INT && (v->valuedouble > 2147483647.0 ||
				      v->valuedouble < -2147483648.0))
			return "INTEGER but past 32 bits";
		return NULL;
	case BB_T_DOUBLE:
		return cJSON_IsNumber(v) ? NULL : "DOUBLE but not a number";
	case BB_T_TIMESTAMP:
		return cJSON_IsString(v) ? NULL : "TIMESTAMP but not a string";
	case BB_T_JSON:
		return cJSON_IsArray(v) || cJSON_IsObject(v)
			       ? NULL
			       : "JSON but not an array or object";
	}
	return "unknown type";
}

static void want_kind(int fx, int i, const bb_column_def *c,
		      const bb_value *got, bb_vkind want)
{
	if (got->kind != want)
		fail(2, fx, i, c->name, "kind %s, want %s",
		     kind_name(got->kind), kind_name(want));
}

/* Checks a converted value of a present, well-kinded JSON value. */
static void check_value(int fx, int i, const bb_column_def *c, const cJSON *v,
			const bb_value *got)
{
	char ts[32];
	cJSON *back = NULL;
	int64_t want;

	switch (c->type) {
	case BB_T_TEXT:
		want_kind(fx, i, c, got, BB_V_TEXT);
		if (got->kind == BB_V_TEXT && strcmp(got->text, v->valuestring))
			fail(2, fx, i, c->name, "text \"%s\", want \"%s\"",
			     got->text, v->valuestring);
		if (utf8_chars(v->valuestring) > (size_t)c->size)
			fail(2, fx, i, c->name, "%zu characters, over %s",
			     utf8_chars(v->valuestring), c->decl);
		break;
	case BB_T_BIT:
	case BB_T_INT:
	case BB_T_BIGINT:
		want = c->type == BB_T_BIT ? (int64_t)cJSON_IsTrue(v)
					   : (int64_t)v->valuedouble;
		want_kind(fx, i, c, got, BB_V_INT);
		if (got->kind == BB_V_INT && got->i != want)
			fail(2, fx, i, c->name, "value %lld, want %lld",
			     (long long)got->i, (long long)want);
		break;
	case BB_T_DOUBLE:
		want_kind(fx, i, c, got, BB_V_DOUBLE);
		if (got->kind == BB_V_DOUBLE && got->d != v->valuedouble)
			fail(2, fx, i, c->name, "value %g, want %g", got->d,
			     v->valuedouble);
		break;
	case BB_T_TIMESTAMP:
		if (!expect_ts(v->valuestring, ts)) {
			fail(2, fx, i, c->name, "\"%s\" is not a timestamp",
			     v->valuestring);
			want_kind(fx, i, c, got, BB_V_NULL);
			break;
		}
		want_kind(fx, i, c, got, BB_V_TEXT);
		if (got->kind == BB_V_TEXT && strcmp(got->text, ts))
			fail(2, fx, i, c->name,
			     "\"%s\" gave \"%s\", want \"%s\"", v->valuestring,
			     got->text, ts);
		break;
	case BB_T_JSON:
		want_kind(fx, i, c, got, BB_V_TEXT);
		if (got->kind == BB_V_TEXT)
			back = cJSON_Parse(got->text);
		if (got->kind == BB_V_TEXT && !cJSON_Compare(back, v, true))
			fail(2, fx, i, c->name, "JSON text differs: %.60s",
			     got->text);
		cJSON_Delete(back);
		break;
	}
}

static void check_column(int fx, int i, const bb_column_def *c)
{
	const cJSON *v = bb_json_path(loaded[fx].obj[i], c->json_path);
	const char *why;
	bb_value got;

	if (!bb_value_from_json(v, c->type, &got)) {
		fail(2, fx, i, c->name, "out of memory");
		return;
	}
	if (!v || cJSON_IsNull(v)) {
		want_kind(fx, i, c, &got, BB_V_NULL);
	} else if ((why = misfit(v, c->type)) != NULL) {
		/* A definition that does not fit the API: report it, and
		 * the driver must still not hand out a wrong value. */
		fail(2, fx, i, c->name, "%s", why);
		if (c->type != BB_T_TEXT)
			want_kind(fx, i, c, &got, BB_V_NULL);
	} else {
		check_value(fx, i, c, v, &got);
	}
	bb_value_free(&got);
}

static void case_values(void)
{
	int fx, i, k;

	for (fx = 0; fx < NFIXTURES; fx++) {
		const bb_table_def *t = bb_table_find(fixtures[fx].table);

		for (i = 0; t && i < loaded[fx].n; i++)
			for (k = 0; k < t->ncols; k++)
				if (t->cols[k].json_path)
					check_column(fx, i, &t->cols[k]);
	}
}

/* ---- Case 3: every key is a column ---- */

/* The column whose path is exactly path, or NULL. */
static const bb_column_def *column_at(const bb_table_def *t, const char *path)
{
	int k;

	for (k = 0; k < t->ncols; k++)
		if (t->cols[k].json_path && !strcmp(t->cols[k].json_path, path))
			return &t->cols[k];
	return NULL;
}

/* Whether some column reads below path: a null `parent` is covered by
 * ParentFullName. */
static bool column_below(const bb_table_def *t, const char *path)
{
	size_t n = strlen(path);
	int k;

	for (k = 0; k < t->ncols; k++) {
		const char *p = t->cols[k].json_path;

		if (p && !strncmp(p, path, n) && p[n] == '.')
			return true;
	}
	return false;
}

/* Walks the members of obj, whose path is prefix ("" at the top). A
 * JSON column takes its whole subtree; links, and the type markers of
 * nested objects, are not data. */
static void cover(int fx, int i, const bb_table_def *t, const cJSON *obj,
		  const char *prefix)
{
	const cJSON *m;

	cJSON_ArrayForEach(m, obj)
	{
		char path[512];
		const bb_column_def *c;

		if (!strcmp(m->string, "links") ||
		    (*prefix && !strcmp(m->string, "type")))
			continue;
		bb_snprintf(path, sizeof(path), "%s%s%s", prefix,
			    *prefix ? "." : "", m->string);
		c = column_at(t, path);
		if (c)
			continue;
		if (cJSON_IsObject(m) && m->child)
			cover(fx, i, t, m, path);
		else if ((cJSON_IsNull(m) || cJSON_IsObject(m)) &&
			 column_below(t, path))
			continue;
		else
			fail(3, fx, i, NULL, "key %s is no column of %s", path,
			     t->name);
	}
}

static void case_coverage(void)
{
	int fx, i;

	for (fx = 0; fx < NFIXTURES; fx++) {
		const bb_table_def *t = bb_table_find(fixtures[fx].table);

		for (i = 0; t && i < loaded[fx].n; i++)
			cover(fx, i, t, loaded[fx].obj[i], "");
	}
}

/* ---- Case 4: every column is in a fixture ---- */

/* Where column c of table t first has a non-null value: *fx_out and
 * *i_out, or false. */
static bool shown(const bb_table_def *t, const bb_column_def *c, int *fx_out,
		  int *i_out)
{
	int fx, i;

	for (fx = 0; fx < NFIXTURES; fx++) {
		if (strcmp(fixtures[fx].table, t->name))
			continue;
		for (i = 0; i < loaded[fx].n; i++) {
			const cJSON *v =
				bb_json_path(loaded[fx].obj[i], c->json_path);

			if (v && !cJSON_IsNull(v)) {
				*fx_out = fx;
				*i_out = i;
				return true;
			}
		}
	}
	return false;
}

static int listed(const char *table, const char *column)
{
	int n;

	for (n = 0; n < NNOT_SHOWN; n++)
		if (!strcmp(not_shown[n].table, table) &&
		    !strcmp(not_shown[n].column, column))
			return n;
	return -1;
}

static void case_reverse(void)
{
	int ti, k, n, fx = -1, i = -1;

	for (ti = 0; ti < bb_ntables; ti++) {
		const bb_table_def *t = &bb_tables[ti];

		for (k = 0; k < t->ncols; k++) {
			const bb_column_def *c = &t->cols[k];
			bool has, skip = true;

			for (fx = 0; fx < NFIXTURES; fx++)
				if (!strcmp(fixtures[fx].table, t->name))
					skip = false;
			if (skip || !c->json_path)
				continue;
			has = shown(t, c, &fx, &i);
			n = listed(t->name, c->name);
			if (!has && n < 0)
				fail(4, -1, -1, c->name,
				     "%s.%s (%s) is in no fixture; add one or "
				     "list it in not_shown[]",
				     t->name, c->name, c->json_path);
			else if (has && n >= 0)
				fail(4, fx, i, c->name,
				     "listed as not shown (%s), but shown",
				     not_shown[n].why);
		}
	}
	for (n = 0; n < NNOT_SHOWN; n++) {
		const bb_table_def *t = bb_table_find(not_shown[n].table);

		if (!t || bb_table_column(t, not_shown[n].column) < 0)
			fail(4, -1, -1, not_shown[n].column,
			     "not_shown[%d] names no column of %s", n,
			     not_shown[n].table);
	}
}

/* ---- Cases 5 and 6: timestamps ---- */

/* Case 5: values copied from the fixtures, and what they must become. */
static void case_known_timestamps(void)
{
	static const struct {
		const char *in, *want;
	} known[] = {
		/* workspaces_page1.json: one fraction digit */
		{"2020-10-28T12:00:00.0+00:00", "2020-10-28 12:00:00.000000"},
		/* repository.json */
		{"2018-09-20T12:49:08.541926+00:00",
		 "2018-09-20 12:49:08.541926"},
		/* drone_go-scm/repos.json */
		{"2013-04-15T03:05:05.595458+00:00",
		 "2013-04-15 03:05:05.595458"},
		/* danger_danger-js/pullrequest.json */
		{"2019-06-20T04:53:28.436250+00:00",
		 "2019-06-20 04:53:28.436250"},
	};
	char ts[32];
	size_t n;

	for (n = 0; n < sizeof(known) / sizeof(known[0]); n++) {
		if (!bb_timestamp_normalize(known[n].in, ts)) {
			fail(5, -1, -1, NULL, "\"%s\" rejected", known[n].in);
			continue;
		}
		CHECK_STR(ts, known[n].want);
		CHECK(expect_ts(known[n].in, ts) && !strcmp(ts, known[n].want));
	}
}

/* One timestamp through the driver and through expect_ts: both reject
 * it, or both give the same text, and that text read back (as ISO with
 * a Z) gives itself. */
static void agree(const char *in)
{
	char got[32], want[32], iso[40], again[32];
	bool ok = bb_timestamp_normalize(in, got);

	if (ok != expect_ts(in, want)) {
		fail(6, -1, -1, NULL, "\"%s\": driver %s it, test %s it", in,
		     ok ? "accepts" : "rejects", ok ? "rejects" : "accepts");
		return;
	}
	if (!ok)
		return;
	if (strcmp(got, want))
		fail(6, -1, -1, NULL, "\"%s\" gave \"%s\", want \"%s\"", in,
		     got, want);
	bb_snprintf(iso, sizeof(iso), "%.10sT%sZ", got, got + 11);
	if (!bb_timestamp_normalize(iso, again) || strcmp(again, got))
		fail(6, -1, -1, NULL, "\"%s\" did not read back as itself",
		     iso);
}

static void case_timestamp_properties(void)
{
	static const char *const cases[] = {
		"2020-02-29T23:30:00-01:00",        /* leap day into March */
		"2021-03-01T00:15:00+02:00",        /* back into February */
		"2024-03-01T00:15:00.5+0100",       /* ... of a leap year */
		"1999-12-31T23:59:59.999999-05:30", /* across the year */
		"2000-01-01T00:00:00.1234567Z",     /* seven digits, cut */
		"2018-11-08T13:45:13+05",           /* hours-only zone */
		"2018-11-08 13:45",                 /* no seconds, no zone */
		"2018-11-08T13:45:13.958677",       /* no zone: UTC */
		"2018-13-08T13:45:13Z",             /* month 13 */
		"2018-11-08T24:00:00Z",             /* hour 24 */
		"2018-11-08T13:45:13.Z",            /* dot without digits */
		"2018-11-08T13:45:13+25:00",        /* zone past a day */
		"2018-11-08",                       /* a date only */
		"yesterday",
		"",
	};
	size_t n;
	int fx, i, k;

	for (n = 0; n < sizeof(cases) / sizeof(cases[0]); n++)
		agree(cases[n]);
	/* And every timestamp of every fixture object. */
	for (fx = 0; fx < NFIXTURES; fx++) {
		const bb_table_def *t = bb_table_find(fixtures[fx].table);

		for (i = 0; t && i < loaded[fx].n; i++)
			for (k = 0; k < t->ncols; k++) {
				const cJSON *v;

				if (t->cols[k].type != BB_T_TIMESTAMP)
					continue;
				v = bb_json_path(loaded[fx].obj[i],
						 t->cols[k].json_path);
				if (cJSON_IsString(v))
					agree(v->valuestring);
			}
	}
}

/* ---- Case 7: wrong kinds are NULL ---- */

static void case_wrong_kinds(void)
{
	static const struct {
		const char *json;
		bb_coltype type;
	} wrong[] = {
		{"\"true\"", BB_T_BIT},       {"1", BB_T_BIT},
		{"[true]", BB_T_BIT},         {"\"42\"", BB_T_INT},
		{"true", BB_T_INT},           {"1.5", BB_T_INT},
		{"{\"a\":1}", BB_T_BIGINT},   {"1e300", BB_T_BIGINT},
		{"20200101", BB_T_TIMESTAMP}, {"\"soon\"", BB_T_TIMESTAMP},
		{"false", BB_T_TIMESTAMP},    {"\"1.5\"", BB_T_DOUBLE},
		{"null", BB_T_TEXT},          {"null", BB_T_JSON},
	};
	size_t n;

	for (n = 0; n < sizeof(wrong) / sizeof(wrong[0]); n++) {
		cJSON *v = cJSON_Parse(wrong[n].json);
		bb_value got;

		CHECK(v != NULL);
		CHECK(bb_value_from_json(v, wrong[n].type, &got));
		if (got.kind != BB_V_NULL)
			fail(7, -1, -1, NULL,
			     "%s as type %d: kind %s, want NULL", wrong[n].json,
			     (int)wrong[n].type, kind_name(got.kind));
		bb_value_free(&got);
		cJSON_Delete(v);
	}
	/* A missing key is NULL for every type. */
	for (n = BB_T_TEXT; n <= BB_T_JSON; n++) {
		bb_value got;

		CHECK(bb_value_from_json(NULL, (bb_coltype)n, &got));
		CHECK_INT(got.kind, BB_V_NULL);
		bb_value_free(&got);
	}
}

int main(void)
{
	int fx;

	case_load();
	case_values();
	case_coverage();
	case_reverse();
	case_known_timestamps();
	case_timestamp_properties();
	case_wrong_kinds();
	for (fx = 0; fx < NFIXTURES; fx++)
		cJSON_Delete(loaded[fx].doc);
	return CHECK_DONE();
}
