/*
 * test_json_rows.c - every captured Bitbucket Cloud response in
 * tests/fixtures/bitbucket goes through the JSON-to-row code or the REST
 * layer's error mapping.
 *
 * Each file is in exactly one list: fixtures[] names the table its
 * objects are rows of (a list page, one object, or the 201 answer of a
 * write, which is the row its table would return); errors[] names the
 * status it came with and the SQLSTATE and text a user must get;
 * not_data[] holds the README. A file in the directory that is in no list
 * fails the test, so a new capture cannot go unchecked.
 *
 * The objects go through bb_json_path and bb_value_from_json, one column
 * at a time, and each value is checked against what the test works out on
 * its own from the JSON: the same bytes for text, 0/1 for booleans, the
 * integer, a UTC timestamp computed by a parser of this file (not the
 * driver's), JSON text that parses back to an equal tree. Then the
 * definitions are held to the fixtures both ways: every scalar key an
 * object carries is some column's path, and every column's path is found
 * in some object, or is listed in not_shown[] with the reason the
 * captures lack it.
 *
 * Cases:
 *   1. each fixture reads, holds the expected number of rows, and its
 *      request URL (where captured) is its table's endpoint
 *   2. each column of each row converts to the expected value
 *   3. each key of each object is a column (coverage)
 *   4. each column is found in a fixture, or listed in not_shown[]
 *   5. known fixture timestamps normalise to the expected text
 *   6. timestamp properties: offsets, round trip, rejects
 *   7. a value of a kind the column cannot hold is NULL
 *   8. each error body maps to its SQLSTATE, native status and message
 *   9. each file of the fixtures directory is in one list, once
 *
 * A failure names the case, the fixture file, the object's index in it
 * and the column, so it can be found without a debugger.
 */
#include "util/setup.h"
#include "engine/tables.h"
#include "json/value.h"
#include "odbc/diag.h"
#include "rest/http.h"
#include "util/str.h"
#include "check.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>

#define MAX_OBJECTS 64
#define MAX_URLS 16

/* One captured file and the table its objects are rows of. */
struct fixture {
	const char *file;  /* below BB_FIXTURES_DIR */
	const char *table; /* bb_table_def name */
	int count;         /* rows the file holds */
	bool created;      /* the 201 answer of a POST, not a GET */
};

#define DL "apache_incubator-devlake/"
#define AP "atlassian-api_atlassian-python-api/"
#define CC "codecov_shared/"
#define DJ "danger_danger-js/"
#define DS "drone_go-scm/"
#define JK "jenkinsci_bitbucket-branch-source-plugin/"

static const struct fixture fixtures[] = {
	{AP "workspaces_page1.json", "Workspaces", 2, false},
	{JK "repository.json", "Repositories", 1, false},
	{DS "repos.json", "Repositories", 1, false},
	{JK "pullrequests_list.json", "PullRequests", 5, false},
	{DL "pullrequests_page1_values.json", "PullRequests", 10, false},
	{DJ "pullrequest.json", "PullRequests", 1, false},
	/* The one capture with reviewers and participants (the list leaves
	 * them out unless asked): the rows of the two @each tables. */
	{DJ "pullrequest.json", "PullRequestReviewers", 3, false},
	{DJ "pullrequest.json", "PullRequestParticipants", 5, false},
	{DJ "pr_activity_values.json", "PullRequestActivity", 10, false},
	{DL "pr_comments_inline_values.json", "PullRequestComments", 5, false},
	{CC "pr_comment_created_201.json", "PullRequestComments", 1, true},
	{CC "pr_commits_page1.json", "PullRequestCommits", 10, false},
	{CC "pr_commits_page2.json", "PullRequestCommits", 2, false},
	{JK "pr_commits_fields_partial.json", "PullRequestCommits", 1, false},
	{CC "commits_ctx_cursor_page1.json", "Commits", 30, false},
	{JK "commits_include_exclude.json", "Commits", 2, false},
	{DS "statuses.json", "CommitStatuses", 1, false},
	{CC "commit_status_created_201.json", "CommitStatuses", 1, true},
	{DS "diffstat.json", "Diffstats", 3, false},
	{JK "branches_pagelen_100.json", "Branches", 4, false},
	{JK "tags_pagelen_100.json", "Tags", 2, false},
	{"guyzmo_pybitbucket/Ref_list.json", "Refs", 10, false},
	{DL "issues_values.json", "Issues", 10, false},
	{AP "issues_list.json", "Issues", 2, false},
	{AP "pipelines_page1.json", "Pipelines", 1, false},
	{DL "pipelines_fields_q_sort.json", "Pipelines", 8, false},
	{DL "pipeline_steps_values.json", "PipelineSteps", 4, false},
	{DL "deployments_values.json", "Deployments", 4, false},
	{AP "branch_restrictions.json", "BranchRestrictions", 5, false},
	{AP "default_reviewers.json", "DefaultReviewers", 1, false},
	{DS "hooks.json", "Webhooks", 1, false},
	{DS "user.json", "CurrentUser", 1, false},
	{CC "user_permissions_repositories.json", "UserRepositoryPermissions",
	 7, false},
};
#define NFIXTURES (int)(sizeof(fixtures) / sizeof(fixtures[0]))

/* Error bodies: what a user gets when the API answers with one. Where
 * the capture is a bare body, status is the one the source project's own
 * test served it with. */
static const struct {
	const char *file;
	long status;
	const char *state;   /* ODBC 3 SQLSTATE */
	const char *message; /* the API's text, kept in the diagnostic */
} errors[] = {
	{CC "error_404_changeset_not_found.json", 404, "42S02",
	 "Changeset not found."},
	{DS "error.json", 404, "42S02", "Repository dev/null not found"},
	/* dependabot answers GET /user with it, status 401. */
	{"dependabot_dependabot-core/current_user_no_access.json", 401, "28000",
	 "Token is invalid or not supported for this endpoint."},
};
#define NERRORS (int)(sizeof(errors) / sizeof(errors[0]))

/* Files that are not API responses. */
static const char *const not_data[] = {"README.md"};
#define NNOT_DATA (int)(sizeof(not_data) / sizeof(not_data[0]))
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
	/* The captures of this list were asked with a fields= whitelist. */
	{"Deployments", "StateType", "not in the capture's fields="},
	{"Deployments", "StateStatusName", "not in the capture's fields="},
	{"Deployments", "StateStatusType", "not in the capture's fields="},
	{"Deployments", "StateDeployerDisplayName",
	 "not in the capture's fields="},
	{"Deployments", "StateDeployerUuid", "not in the capture's fields="},
	{"Deployments", "EnvironmentUuid", "not in the capture's fields="},
	{"Deployments", "ReleaseUuid", "not in the capture's fields="},
	{"PipelineSteps", "StateType", "not in the capture's fields="},
	{"PipelineSteps", "StateResultType", "not in the capture's fields="},
	{"PipelineSteps", "ImageName", "not in the capture's fields="},
	{"PipelineSteps", "SetupCommands", "not in the capture's fields="},
	{"PipelineSteps", "ScriptCommands", "not in the capture's fields="},
	/* No captured object is in the state that fills these. */
	{"CommitStatuses", "Refname", "null in both captures"},
	{"Issues", "EditedOn", "null: no issue was edited"},
	{"Issues", "MilestoneId", "null: no issue has one"},
	{"Issues", "MilestoneName", "null: no issue has one"},
	{"Issues", "ComponentId", "null: no issue has one"},
	{"Issues", "ComponentName", "null: no issue has one"},
	{"Issues", "VersionId", "null: no issue has one"},
	{"Issues", "VersionName", "null: no issue has one"},
	{"Pipelines", "StateResultErrorKey", "no pipeline ended in ERROR"},
	{"Pipelines", "StateResultErrorMessage", "no pipeline ended in ERROR"},
	{"PipelineSteps", "StateResultErrorKey", "no step ended in ERROR"},
	{"PipelineSteps", "StateResultErrorMessage", "no step ended in ERROR"},
	{"Pipelines", "TargetSelectorPattern", "no target has a selector"},
	{"PullRequestComments", "InlineFrom", "no inline comment has lines"},
	{"PullRequestComments", "InlineTo", "no inline comment has lines"},
	{"PullRequestComments", "InlineStartFrom",
	 "no inline comment has lines"},
	{"PullRequestComments", "InlineStartTo", "no inline comment has lines"},
	{"PullRequestComments", "ParentId", "no reply among them"},
	{"PullRequestComments", "ResolutionType", "no resolved comment"},
	{"PullRequestComments", "ResolutionUserDisplayName",
	 "no resolved comment"},
	{"PullRequestComments", "ResolutionUserUuid", "no resolved comment"},
	{"PullRequestComments", "ResolutionCreatedOn", "no resolved comment"},
	{"PullRequestActivity", "UpdateChanges", "no such entry captured"},
	{"PullRequestActivity", "ChangesRequestedDate",
	 "no such entry captured"},
	{"PullRequestActivity", "ChangesRequestedUserDisplayName",
	 "no such entry captured"},
	{"PullRequestActivity", "ChangesRequestedUserUuid",
	 "no such entry captured"},
	{"PullRequestActivity", "ChangesRequestedUserAccountId",
	 "no such entry captured"},
	{"PullRequestActivity", "CommentInlinePath", "no such entry captured"},
	{"PullRequestActivity", "CommentInlineFrom", "no such entry captured"},
	{"PullRequestActivity", "CommentInlineTo", "no such entry captured"},
	{"PullRequestActivity", "CommentParentId", "no such entry captured"},
	{"Webhooks", "Source", "null in the capture"},
	{"BranchRestrictions", "Value", "null: no numeric rule"},
	{"BranchRestrictions", "BranchType", "no branching-model rule"},
	{"CurrentUser", "Website", "null in the capture"},
	{"CurrentUser", "Location", "null in the capture"},
	/* Commit authors in these captures are raw text, with no linked user. */
	{"Branches", "TargetAuthorUserDisplayName", "no linked author user"},
	{"Branches", "TargetAuthorUserUuid", "no linked author user"},
	{"Branches", "TargetAuthorUserAccountId", "no linked author user"},
	{"Branches", "TargetAuthorUserNickname", "no linked author user"},
	/* Added to the API after these captures were made (2016-2020). */
	{"Pipelines", "Variables", "absent in both captures"},
	{"Pipelines", "ConfigurationSources", "absent in both captures"},
	{"PullRequestComments", "Pending", "absent in every capture"},
	{"PullRequestParticipants", "ParticipantState",
	 "absent in the capture"},
	{"Refs", "TargetAuthorType", "absent in the 2016 capture"},
	{"Refs", "TargetAuthorUserAccountId", "absent in the 2016 capture"},
	{"Refs", "TargetAuthorUserNickname", "absent in the 2016 capture"},
	{"Refs", "TargetRepositoryFullName", "absent in the 2016 capture"},
	{"Refs", "TargetRepositoryUuid", "absent in the 2016 capture"},
	{"Webhooks", "SubjectType", "absent in the capture"},
	{"Webhooks", "SecretSet", "absent in the capture"},
	{"CurrentUser", "Nickname", "absent in the capture"},
	{"CurrentUser", "AccountStatus", "absent in the capture"},
	{"CurrentUser", "Has2faEnabled", "absent in the capture"},
};
#define NNOT_SHOWN (int)(sizeof(not_shown) / sizeof(not_shown[0]))

/*
 * Keys the captures carry that are deliberately no column: each names a
 * path (a key and everything below it) of one table's objects, and why.
 */
static const struct {
	const char *table, *path, *why;
} not_columns[] = {
	/* The parent the list was asked of is already its key columns. */
	{"PullRequestComments", "pullrequest", "the PullRequestId key"},
	{"PullRequestActivity", "pull_request.id", "the PullRequestId key"},
	{"PullRequestActivity", "approval.pullrequest",
	 "the PullRequestId key"},
	{"PullRequestActivity", "comment.pullrequest", "the PullRequestId key"},
	{"PipelineSteps", "pipeline", "the PipelineUuid key"},
	{"CommitStatuses", "commit", "the Commit key"},
	{"Refs", "repository", "Workspace, RepositorySlug (2016 shape)"},
	/* The branches' repositories of one update: the pull request's own
	 * source and destination are in PullRequests. */
	{"PullRequestActivity", "update.source.repository", "PullRequests"},
	{"PullRequestActivity", "update.destination.repository",
	 "PullRequests"},
	/* Display name, uuid and account id name a user; the activity log
	 * keeps those three. */
	{"PullRequestActivity", "approval.user.nickname", "user named thrice"},
	{"PullRequestActivity", "comment.user.nickname", "user named thrice"},
	{"PullRequestActivity", "update.author.nickname", "user named thrice"},
	{"Pipelines", "state.result.terminator.nickname", "user named thrice"},
	/* Removed from user objects by the API in 2019; older captures. */
	{"PullRequestCommits", "author.user.username", "removed in 2019"},
	{"Refs", "target.author.user.username", "removed in 2019"},
};
#define NNOT_COLUMNS (int)(sizeof(not_columns) / sizeof(not_columns[0]))

/* A loaded fixture: the parsed file and the rows found in it. */
struct loaded {
	cJSON *doc; /* owned; everything below points into it */
	const cJSON *obj[MAX_OBJECTS];   /* each row's object */
	const cJSON *outer[MAX_OBJECTS]; /* for @each: the object around it */
	int n;
	const char *url[MAX_URLS]; /* the request URLs the file records */
	int nurl;
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

static void add_row(struct loaded *l, const cJSON *o, const cJSON *outer)
{
	if (l->n < MAX_OBJECTS) {
		l->obj[l->n] = o;
		l->outer[l->n] = outer;
	}
	l->n++;
}

/* Adds one object of a list, or for an @each table the elements of the
 * array at `each` in it. */
static void add_object(struct loaded *l, const cJSON *o, const bb_table_def *t)
{
	const cJSON *e;

	if (!t->each) {
		add_row(l, o, NULL);
		return;
	}
	cJSON_ArrayForEach(e, bb_json_path(o, t->each))
	{
		add_row(l, e, o);
	}
}

static void add_values(struct loaded *l, const cJSON *values,
		       const bb_table_def *t)
{
	const cJSON *o;

	cJSON_ArrayForEach(o, values)
	{
		add_object(l, o, t);
	}
}

static void add_url(struct loaded *l, const cJSON *url)
{
	if (cJSON_IsString(url) && l->nurl < MAX_URLS)
		l->url[l->nurl++] = url->valuestring;
}

/* Finds the rows in one of the README's three forms: `pages` of
 * {request_url, values}; an exchange whose `body` is the response; or a
 * bare body: a page with `values`, a bare array of objects (the activity
 * capture kept only the items), or one object. */
static void find_objects(struct loaded *l, const bb_table_def *t)
{
	const cJSON *body = l->doc, *page;
	const cJSON *pages = cJSON_GetObjectItemCaseSensitive(body, "pages");
	const cJSON *req = cJSON_GetObjectItemCaseSensitive(body, "_request");

	if (cJSON_IsArray(pages)) {
		cJSON_ArrayForEach(page, pages)
		{
			add_url(l, cJSON_GetObjectItemCaseSensitive(
					   page, "request_url"));
			add_values(l,
				   cJSON_GetObjectItemCaseSensitive(page,
								    "values"),
				   t);
		}
		return;
	}
	if (req) {
		add_url(l, cJSON_GetObjectItemCaseSensitive(req, "url"));
		body = cJSON_GetObjectItemCaseSensitive(body, "body");
	}
	if (cJSON_IsArray(body))
		add_values(l, body, t);
	else if (cJSON_IsArray(
			 cJSON_GetObjectItemCaseSensitive(body, "values")))
		add_values(l, cJSON_GetObjectItemCaseSensitive(body, "values"),
			   t);
	else if (cJSON_IsObject(body))
		add_object(l, body, t);
}

/* The length of the path segment at s (up to '/', '?' or the end). */
static size_t seglen(const char *s)
{
	return strcspn(s, "/?");
}

/*
 * Whether a captured request URL asked for the table's endpoint: its
 * path after "/2.0" has the endpoint's segments, a {key} matching any
 * one, a trailing slash allowed. A POST that created a row may name one
 * more segment (a commit status is posted to .../statuses/build).
 */
static bool url_is_endpoint(const char *url, const char *endpoint, bool created)
{
	const char *p = strstr(url, "/2.0/"), *e = endpoint;
	size_t n;

	if (!p)
		return false;
	p += 4;
	while (*e == '/' && *p == '/') {
		e++;
		p++;
		n = seglen(e);
		if (seglen(p) == 0 ||
		    (*e != '{' && (seglen(p) != n || strncmp(p, e, n))))
			return false;
		e += n;
		p += seglen(p);
	}
	if (*e)
		return false;
	if (created && *p == '/' && seglen(p + 1) > 0)
		p += 1 + seglen(p + 1);
	if (*p == '/')
		p++;
	return *p == '\0' || *p == '?';
}

/* Reads and parses one file below BB_FIXTURES_DIR; NULL if it cannot. */
static cJSON *load_json(const char *file)
{
	char path[1024];
	char *text;
	cJSON *doc;

	bb_snprintf(path, sizeof(path), "%s/%s", BB_FIXTURES_DIR, file);
	text = read_file(path);
	if (!text)
		return NULL;
	doc = cJSON_Parse(text);
	free(text);
	return doc;
}

/* Case 1: every fixture parses, holds the rows expected of it, and was
 * asked of its table's endpoint. */
static void case_load(void)
{
	int fx, i;

	for (fx = 0; fx < NFIXTURES; fx++) {
		const bb_table_def *t = bb_table_find(fixtures[fx].table);

		if (!t) {
			fail(1, fx, -1, NULL, "no table %s",
			     fixtures[fx].table);
			continue;
		}
		loaded[fx].doc = load_json(fixtures[fx].file);
		if (!loaded[fx].doc) {
			fail(1, fx, -1, NULL, "cannot read it as JSON");
			continue;
		}
		find_objects(&loaded[fx], t);
		if (loaded[fx].n != fixtures[fx].count)
			fail(1, fx, -1, NULL, "%d rows, want %d", loaded[fx].n,
			     fixtures[fx].count);
		if (loaded[fx].n > MAX_OBJECTS)
			loaded[fx].n = MAX_OBJECTS;
		for (i = 0; i < loaded[fx].n; i++)
			if (!cJSON_IsObject(loaded[fx].obj[i]))
				fail(1, fx, i, NULL, "not a JSON object");
		for (i = 0; i < loaded[fx].nurl; i++)
			if (!url_is_endpoint(loaded[fx].url[i], t->endpoint,
					     fixtures[fx].created))
				fail(1, fx, -1, NULL, "%s is not %s",
				     loaded[fx].url[i], t->endpoint);
	}
}

/* The value a column reads in row i of fixture fx: "^path" in the
 * object around an @each row, like the engine's x_column. */
static const cJSON *column_value(int fx, int i, const bb_column_def *c)
{
	if (c->json_path[0] == '^')
		return bb_json_path(loaded[fx].outer[i], c->json_path + 1);
	return bb_json_path(loaded[fx].obj[i], c->json_path);
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
	const cJSON *v = column_value(fx, i, c);
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

/* Whether path is, or is below, a key listed in not_columns[]. */
static bool not_column(const bb_table_def *t, const char *path)
{
	int n;

	for (n = 0; n < NNOT_COLUMNS; n++) {
		size_t len = strlen(not_columns[n].path);

		if (!strcmp(not_columns[n].table, t->name) &&
		    !strncmp(not_columns[n].path, path, len) &&
		    (path[len] == '\0' || path[len] == '.'))
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
		if (c || not_column(t, path))
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
			const cJSON *v = column_value(fx, i, c);

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
				v = column_value(fx, i, &t->cols[k]);
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

/* ---- Case 8: error bodies ---- */

/* One error body through the REST layer's mapping and into the
 * diagnostic record a user reads. */
static void check_error(int n)
{
	static const char path[] = "/repositories/ws/repo/thing";
	cJSON *doc = load_json(errors[n].file);
	const cJSON *body = doc, *st;
	char *text = NULL, want[512];
	bb_diag d;
	bb_err err;
	bb_buf b;

	memset(&d, 0, sizeof(d));
	bb_buf_init(&b);
	bb_err_clear(&err);
	if (!doc) {
		fail(8, -1, -1, NULL, "%s: cannot read it", errors[n].file);
		goto cleanup;
	}
	st = cJSON_GetObjectItemCaseSensitive(doc, "_response_status");
	if (st) {
		body = cJSON_GetObjectItemCaseSensitive(doc, "body");
		CHECK_INT(st->valuedouble, errors[n].status);
	}
	text = cJSON_PrintUnformatted(body);
	CHECK(text && bb_buf_puts(&b, text));
	CHECK(!bb_http_status_error(errors[n].status, &b, path, &err));
	CHECK_STR(bb_cond_state(err.cond, false), errors[n].state);
	CHECK_INT(err.native, errors[n].status);
	bb_snprintf(want, sizeof(want), "%s (HTTP %ld on GET %s)",
		    errors[n].message, errors[n].status, path);
	CHECK_STR(err.msg, want);
	CHECK_INT(bb_diag_err(&d, &err, "rest"), SQL_ERROR);
	CHECK_INT(d.n, 1);
	if (d.n == 1) {
		CHECK_STR(d.recs[0].state, errors[n].state);
		CHECK_INT(d.recs[0].native, errors[n].status);
		bb_snprintf(want, sizeof(want),
			    "[bbodbc][rest] %s (HTTP %ld on GET %s)",
			    errors[n].message, errors[n].status, path);
		CHECK_STR(d.recs[0].msg, want);
	}

cleanup:
	bb_diag_free(&d);
	bb_buf_free(&b);
	cJSON_free(text);
	cJSON_Delete(doc);
}

static void case_errors(void)
{
	int n;

	for (n = 0; n < NERRORS; n++)
		check_error(n);
}

/* ---- Case 9: no file goes unchecked ---- */

/* How many of the lists name file (a file with rows of several tables
 * counts once). */
static int lists_naming(const char *file)
{
	int n, in_fixtures = 0, in_errors = 0, in_not_data = 0;

	for (n = 0; n < NFIXTURES; n++)
		in_fixtures |= !strcmp(fixtures[n].file, file);
	for (n = 0; n < NERRORS; n++)
		in_errors += !strcmp(errors[n].file, file);
	for (n = 0; n < NNOT_DATA; n++)
		in_not_data += !strcmp(not_data[n], file);
	return in_fixtures + in_errors + in_not_data;
}

/* Checks every file in dir (below BB_FIXTURES_DIR, "" for the top),
 * going one level into folders; returns how many it saw. */
static int scan(const char *dir)
{
	char path[1024], file[512];
	DIR *d;
	struct dirent *e;
	int seen = 0, lists;

	bb_snprintf(path, sizeof(path), "%s/%s", BB_FIXTURES_DIR, dir);
	d = opendir(path);
	if (!d) {
		fail(9, -1, -1, NULL, "cannot list %s", path);
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		DIR *sub;

		if (e->d_name[0] == '.')
			continue;
		bb_snprintf(file, sizeof(file), "%s%s", dir, e->d_name);
		bb_snprintf(path, sizeof(path), "%s/%s", BB_FIXTURES_DIR, file);
		sub = *dir ? NULL : opendir(path);
		if (sub) {
			closedir(sub);
			bb_snprintf(file, sizeof(file), "%s/", e->d_name);
			seen += scan(file);
			continue;
		}
		seen++;
		lists = lists_naming(file);
		if (lists != 1)
			fail(9, -1, -1, NULL,
			     "%s is in %d lists; give it one (fixtures[], "
			     "errors[] or not_data[])",
			     file, lists);
	}
	closedir(d);
	return seen;
}

static void case_files(void)
{
	int n, m, distinct = NERRORS + NNOT_DATA;

	for (n = 0; n < NFIXTURES; n++) {
		for (m = 0; m < n && strcmp(fixtures[m].file, fixtures[n].file);
		     m++)
			;
		distinct += m == n;
	}
	/* Every listed file was read by cases 1 and 8; so the directory
	 * holds exactly the listed files when the counts agree. */
	CHECK_INT(scan(""), distinct);
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
	case_errors();
	case_files();
	for (fx = 0; fx < NFIXTURES; fx++)
		cJSON_Delete(loaded[fx].doc);
	return CHECK_DONE();
}
