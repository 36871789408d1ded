/*
 * vtab.c - the virtual-table module behind every Bitbucket table.
 *
 * Each table of sql/ is an eponymous virtual table, so it exists in every
 * connection without a CREATE statement:
 *
 *     SELECT Title FROM PullRequests
 *     WHERE RepositorySlug = 'api' AND State IN ('OPEN', 'MERGED');
 *
 * What reaches the API: an equality on a column that fills a path
 * parameter (Workspace, RepositorySlug) goes into the URL; an equality or
 * IN on a column with a query parameter (State) becomes that parameter.
 * A path parameter no constraint fixes is listed from its @fanout table
 * (Workspace from the connection's default first), one level of scans per
 * open parameter. Everything else SQLite checks on the rows that come
 * back, so results are right whatever is pushed down.
 */
#include "util/setup.h"
#include "engine/engine.h"
#include "engine/scan.h"
#include "engine/bbql.h"
#include "engine/tables.h"
#include "json/value.h"
#include "util/str.h"

#include <math.h>

#define MAX_PARAM_VALUES 16

/* What each table's module is registered with. */
typedef struct bb_module_aux {
	bb_engine *e;
	const bb_table_def *t;
} bb_module_aux;

typedef struct bb_vtab {
	sqlite3_vtab base;
	bb_engine *e;          /* borrowed; the connection's engine */
	const bb_table_def *t; /* the table's compiled definition */
	char *schema_ws;       /* owned; the workspace of a schema-qualified
				* table (otherws.Repositories), or NULL */
	int nkeys;
	char keys[BB_MAX_KEYS][32]; /* the endpoint's path parameters */
	int key_col[BB_MAX_KEYS];   /* the column holding each */
} bb_vtab;

/* One scan in the chain from the outermost fan-out to the table itself. */
typedef struct level {
	const bb_table_def *t;
	int key; /* the target key this level lists, or -1 for the target */
	int col; /* the column of t that holds that key's values */
	bool open;
	bb_scan scan;
} level;

typedef struct bb_cursor {
	sqlite3_vtab_cursor base;
	level lv[BB_MAX_KEYS + 1];
	int nlv;
	int depth;               /* the level whose row is current */
	char *vals[BB_MAX_KEYS]; /* owned; current value of each path key */
	bool fixed[BB_MAX_KEYS]; /* the value came from the query */
	bb_scan_param param;     /* the one pushed query parameter */
	/* The values to send: pointers into pvals_owned. */
	const char *pvals[MAX_PARAM_VALUES];
	char *pvals_owned[MAX_PARAM_VALUES]; /* owned; values from the query */
	char *all_values; /* owned; split copy of param_all */
	bb_buf q;         /* owned; the BBQL filter pushed as q= */
	const char *qval; /* q.data, as a parameter value */
	bool empty;       /* the constraints exclude every row */
	bool limited;     /* the query has a LIMIT: no reading ahead */
	bool eof;
	sqlite3_int64 rowid;
} bb_cursor;

static int fail(bb_vtab *v, const bb_err *err)
{
	v->e->err = *err;
	sqlite3_free(v->base.zErrMsg);
	v->base.zErrMsg = sqlite3_mprintf("%s", err->msg);
	return SQLITE_ERROR;
}

static int x_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
		     sqlite3_vtab **out, char **errmsg)
{
	const bb_module_aux *m = aux;
	const bb_table_def *t = m->t;
	bb_vtab *v;
	int i, rc;

	rc = sqlite3_declare_vtab(db, t->ddl);
	if (rc != SQLITE_OK)
		return rc;
	v = sqlite3_malloc(sizeof(*v));
	if (!v)
		return SQLITE_NOMEM;
	memset(v, 0, sizeof(*v));
	v->e = m->e;
	v->t = t;
	v->nkeys = bb_endpoint_keys(t->endpoint, v->keys, BB_MAX_KEYS);
	for (i = 0; i < v->nkeys; i++) {
		int c;

		for (c = 0; c < t->ncols; c++)
			if (t->cols[c].path_key &&
			    strcmp(t->cols[c].path_key, v->keys[i]) == 0)
				break;
		v->key_col[i] = c;
	}
	/* CREATE VIRTUAL TABLE ws.T USING T("ws") fixes the workspace. */
	if (argc > 3) {
		size_t n = strlen(argv[3]);
		const char *a = argv[3];

		if (n >= 2 && (a[0] == '"' || a[0] == '\'') && a[n - 1] == a[0])
			v->schema_ws = bb_strndup(a + 1, n - 2);
		else
			v->schema_ws = bb_strdup(a);
		if (!v->schema_ws) {
			sqlite3_free(v);
			return SQLITE_NOMEM;
		}
	}
	*out = &v->base;
	return SQLITE_OK;
}

static int x_disconnect(sqlite3_vtab *base)
{
	free(((bb_vtab *)base)->schema_ws);
	sqlite3_free(base);
	return SQLITE_OK;
}

static int key_of_col(const bb_vtab *v, int col)
{
	int i;

	for (i = 0; i < v->nkeys; i++)
		if (v->key_col[i] == col)
			return i;
	return -1;
}

/*
 * idxStr lists what each argv holds: "K<key>," a path parameter's value,
 * "P<col>," a query parameter's value, "I<col>," an IN list for one.
 */
/*
 * idxStr lists what each argv holds: "K<key>," a path parameter's value,
 * "P<col>," a query parameter's value, "I<col>," an IN list for one,
 * "Q<col>.<op>," the right side of a term pushed into BBQL.
 */
static int x_best_index(sqlite3_vtab *base, sqlite3_index_info *info)
{
	bb_vtab *v = (bb_vtab *)base;
	bool key_used[BB_MAX_KEYS] = {false};
	bool param_used = false;
	int i, argc = 0, open_keys = 0, filters = 0;
	bb_buf plan;

	bb_buf_init(&plan);
	for (i = 0; i < info->nConstraint; i++) {
		const struct sqlite3_index_constraint *c =
			&info->aConstraint[i];
		const bb_column_def *col;
		int k;

		if (c->op == SQLITE_INDEX_CONSTRAINT_LIMIT) {
			info->idxNum |= 1; /* a LIMIT: see prefetch() */
			continue;
		}
		if (!c->usable || c->iColumn < 0)
			continue;
		col = &v->t->cols[c->iColumn];
		k = key_of_col(v, c->iColumn);
		if (c->op != SQLITE_INDEX_CONSTRAINT_EQ) {
			if (!bb_bbql_pushable(col, c->op))
				continue;
			bb_buf_printf(&plan, "Q%d.%d,", c->iColumn, c->op);
			filters++;
		} else if (k >= 0 && !key_used[k]) {
			key_used[k] = true;
			bb_buf_printf(&plan, "K%d,", k);
		} else if (k < 0 && col->param && !param_used) {
			bool in = sqlite3_vtab_in(info, i, -1);

			param_used = true;
			if (in)
				sqlite3_vtab_in(info, i, 1);
			bb_buf_printf(&plan, "%c%d,", in ? 'I' : 'P',
				      c->iColumn);
		} else if (bb_bbql_pushable(col, c->op)) {
			bb_buf_printf(&plan, "Q%d.%d,", c->iColumn, c->op);
			filters++;
		} else {
			continue;
		}
		info->aConstraintUsage[i].argvIndex = ++argc;
	}
	for (i = 0; i < v->nkeys; i++) {
		bool dflt = strcmp(v->keys[i], "workspace") == 0 &&
			    (v->e->default_ws || v->schema_ws);

		if (!key_used[i] && !dflt)
			open_keys++;
	}
	/* Each open path parameter multiplies the requests by the parents'
	 * count; the costs steer SQLite to loop an outer table into keys.
	 * A pushed filter makes the API send fewer rows. */
	info->estimatedRows =
		(sqlite3_int64)(25 * pow(100, open_keys) / (1 + filters));
	info->estimatedCost = 10.0 * pow(100, open_keys) +
			      (param_used ? 0 : 1) + 1.0 / (1 + filters);
	if (plan.oom) {
		bb_buf_free(&plan);
		return SQLITE_NOMEM;
	}
	info->idxStr = sqlite3_mprintf("%s", plan.data ? plan.data : "");
	info->needToFreeIdxStr = 1;
	bb_buf_free(&plan);
	return info->idxStr ? SQLITE_OK : SQLITE_NOMEM;
}

static int x_open(sqlite3_vtab *base, sqlite3_vtab_cursor **out)
{
	bb_cursor *c = sqlite3_malloc(sizeof(*c));

	if (!c)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof(*c));
	*out = &c->base;
	return SQLITE_OK;
}

static void reset_cursor(bb_cursor *c)
{
	int i;

	for (i = 0; i < c->nlv; i++)
		if (c->lv[i].open)
			bb_scan_close(&c->lv[i].scan);
	for (i = 0; i < BB_MAX_KEYS; i++) {
		free(c->vals[i]);
		c->vals[i] = NULL;
		c->fixed[i] = false;
	}
	memset(c->lv, 0, sizeof(c->lv));
	memset(&c->param, 0, sizeof(c->param));
	free(c->all_values);
	c->all_values = NULL;
	bb_buf_free(&c->q);
	for (i = 0; i < MAX_PARAM_VALUES; i++) {
		free(c->pvals_owned[i]);
		c->pvals_owned[i] = NULL;
	}
	c->nlv = c->depth = 0;
	c->empty = c->eof = false;
	c->rowid = 0;
}

static int x_close(sqlite3_vtab_cursor *cur)
{
	reset_cursor((bb_cursor *)cur);
	sqlite3_free(cur);
	return SQLITE_OK;
}

/* Adds a value for the pushed query parameter if the API accepts it:
 * a value outside the column's list can match no row. The text is copied:
 * the values of an IN list live only until the next one is read. */
static bool add_param_value(bb_cursor *c, const bb_column_def *col,
			    sqlite3_value *val)
{
	const char *s = (const char *)sqlite3_value_text(val);
	const char *all = col->param_all;
	size_t n;

	if (!s || c->param.nvalues >= MAX_PARAM_VALUES)
		return true;
	n = strlen(s);
	if (all) {
		const char *p = strstr(all, s);

		while (p && !((p == all || p[-1] == ',') &&
			      (p[n] == ',' || p[n] == '\0')))
			p = strstr(p + 1, s);
		if (!p || n == 0)
			return true;
	}
	c->pvals_owned[c->param.nvalues] = bb_strdup(s);
	if (!c->pvals_owned[c->param.nvalues])
		return false;
	c->pvals[c->param.nvalues] = c->pvals_owned[c->param.nvalues];
	c->param.nvalues++;
	return true;
}

/* Splits the table's list of all values (sent when unconstrained). */
static bool all_param_values(bb_cursor *c, const bb_column_def *col)
{
	char *p;

	c->all_values = bb_strdup(col->param_all);
	if (!c->all_values)
		return false;
	c->param.name = col->param;
	c->param.values = c->pvals;
	p = c->all_values;

	while (p && *p && c->param.nvalues < MAX_PARAM_VALUES) {
		char *comma = strchr(p, ',');

		if (comma)
			*comma++ = '\0';
		c->pvals[c->param.nvalues++] = p;
		p = comma;
	}
	return true;
}

static int apply_args(bb_vtab *v, bb_cursor *c, const char *plan, int argc,
		      sqlite3_value **argv)
{
	const char *p = plan;
	int i;

	for (i = 0; i < argc && *p; i++) {
		char kind = *p++;
		int n = (int)strtol(p, (char **)&p, 10);
		int op = 0;
		const bb_column_def *col;

		if (*p == '.')
			op = (int)strtol(p + 1, (char **)&p, 10);
		p++; /* the comma */
		if (kind == 'Q') {
			/* A term BBQL cannot say is left to the engine. */
			bb_bbql_add(&c->q, &v->t->cols[n], op, argv[i]);
			if (c->q.oom)
				return SQLITE_NOMEM;
			continue;
		}
		if (kind == 'K') {
			const bb_column_def *kc = &v->t->cols[v->key_col[n]];
			bool integral =
				kc->type == BB_T_INT || kc->type == BB_T_BIGINT;
			const char *s;

			/* = NULL, or a number key equal to text, matches
			 * nothing: there is no URL to build for it. The type
			 * is read first: reading it may change the text. */
			if (integral && sqlite3_value_numeric_type(argv[i]) !=
						SQLITE_INTEGER) {
				c->empty = true;
				continue;
			}
			s = (const char *)sqlite3_value_text(argv[i]);
			if (!s) {
				c->empty = true;
				continue;
			}
			c->vals[n] = bb_strdup(s);
			if (!c->vals[n])
				return SQLITE_NOMEM;
			c->fixed[n] = true;
			continue;
		}
		col = &v->t->cols[n];
		c->param.name = col->param;
		c->param.values = c->pvals;
		if (kind == 'P') {
			if (!add_param_value(c, col, argv[i]))
				return SQLITE_NOMEM;
		} else {
			sqlite3_value *iv;
			int rc;

			for (rc = sqlite3_vtab_in_first(argv[i], &iv);
			     rc == SQLITE_OK && iv;
			     rc = sqlite3_vtab_in_next(argv[i], &iv))
				if (!add_param_value(c, col, iv))
					return SQLITE_NOMEM;
			if (rc != SQLITE_OK && rc != SQLITE_DONE)
				return rc;
		}
		if (c->param.nvalues == 0)
			c->empty = true;
	}
	return SQLITE_OK;
}

/* Plans the levels: one fan-out scan per open path key, then the table. */
static int plan_levels(bb_vtab *v, bb_cursor *c)
{
	int i;

	for (i = 0; i < v->nkeys; i++) {
		const bb_fanout_def *f;
		const bb_table_def *ft;

		if (!c->fixed[i] && strcmp(v->keys[i], "workspace") == 0 &&
		    (v->schema_ws || v->e->default_ws)) {
			c->vals[i] = bb_strdup(v->schema_ws ? v->schema_ws
							    : v->e->default_ws);
			c->fixed[i] = c->vals[i] != NULL;
		}
		if (c->fixed[i])
			continue;
		/* With several workspaces and no default, which one is meant
		 * is the user's to say: reading them all would mix them. */
		if (strcmp(v->keys[i], "workspace") == 0 && v->e->ws_choices) {
			bb_err err;

			bb_err_set(
				&err, BB_E_GENERAL, 0,
				"%s: the credentials see several workspaces "
				"(%s); set the Workspace property, add WHERE "
				"Workspace = '...', or name one as the schema "
				"(ws.%s)",
				v->t->name, v->e->ws_choices, v->t->name);
			return fail(v, &err);
		}
		f = bb_table_fanout(v->t, v->keys[i]);
		ft = f ? bb_table_find(f->table) : NULL;
		if (!ft)
			continue; /* gentables.py rejects this at build time */
		c->lv[c->nlv].t = ft;
		c->lv[c->nlv].key = i;
		c->lv[c->nlv].col = bb_table_column(ft, f->column);
		c->nlv++;
	}
	c->lv[c->nlv].t = v->t;
	c->lv[c->nlv].key = -1;
	c->nlv++;
	return SQLITE_OK;
}

/* Every value of a table's list parameters (PullRequests' states), as
 * the parameters of a scan of all its rows. */
typedef struct all_params {
	bb_scan_param p[2];
	const char *vals[2][MAX_PARAM_VALUES]; /* point into copies */
	char *copies[2];                       /* owned; split lists */
	int n;
} all_params;

static void all_params_free(all_params *a)
{
	int i;

	for (i = 0; i < a->n; i++)
		free(a->copies[i]);
	a->n = 0;
}

static bool all_params_of(const bb_table_def *t, all_params *a)
{
	int i;

	memset(a, 0, sizeof(*a));
	for (i = 0; i < t->ncols && a->n < 2; i++) {
		const bb_column_def *col = &t->cols[i];
		bb_scan_param *sp = &a->p[a->n];
		char *p;

		if (!col->param || !col->param_all)
			continue;
		a->copies[a->n] = bb_strdup(col->param_all);
		if (!a->copies[a->n])
			return false;
		sp->name = col->param;
		sp->values = a->vals[a->n];
		for (p = a->copies[a->n];
		     p && *p && sp->nvalues < MAX_PARAM_VALUES;) {
			char *comma = strchr(p, ',');

			if (comma)
				*comma++ = '\0';
			a->vals[a->n][sp->nvalues++] = p;
			p = comma;
		}
		a->n++;
	}
	return true;
}

/* Prepares the scan of level d with the key values known so far (it
 * fetches nothing until it is read). */
static bool level_scan(bb_vtab *v, bb_cursor *c, int d, bb_scan *scan,
		       bb_err *err)
{
	const level *l = &c->lv[d];
	char names[BB_MAX_KEYS][32];
	char *keys[BB_MAX_KEYS] = {NULL};
	all_params ap;
	bb_buf fields;
	int n, i, j;
	bool ok;

	n = bb_endpoint_keys(l->t->endpoint, names, BB_MAX_KEYS);
	for (i = 0; i < n; i++)
		for (j = 0; j < v->nkeys; j++)
			if (strcmp(names[i], v->keys[j]) == 0)
				keys[i] = c->vals[j];
	if (l->key < 0) {
		bb_scan_param params[2];
		int np = 0;

		if (c->param.name)
			params[np++] = c->param;
		if (c->q.len) {
			c->qval = c->q.data;
			params[np].name = "q";
			params[np].values = &c->qval;
			params[np++].nvalues = 1;
		}
		return bb_scan_open(scan, v->e->http, l->t, keys, params, np,
				    NULL, 0, err);
	}
	/* A fan-out level needs only the key: ask for just that (a single
	 * object, such as the current user, has no values to name). It
	 * lists every row its table holds: a parent read with its list's
	 * defaults (pull requests: OPEN only) would hide others' children. */
	if (!all_params_of(l->t, &ap))
		return bb_err_set(err, BB_E_NOMEM, 0, "out of memory");
	bb_buf_init(&fields);
	if (!(l->t->flags & BB_TABLE_SINGLE))
		bb_buf_printf(&fields, "next,values.%s",
			      l->t->cols[l->col].json_path);
	ok = !fields.oom && bb_scan_open(scan, v->e->http, l->t, keys, ap.p,
					 ap.n, fields.data, 0, err);
	if (fields.oom)
		bb_err_set(err, BB_E_NOMEM, 0, "out of memory");
	bb_buf_free(&fields);
	all_params_free(&ap);
	return ok;
}

static const char *row_value(const level *l, const cJSON *row, char *buf,
			     size_t size);

/*
 * Before the table's scan under a fan-out opens, the first pages of the
 * next parents' scans (the rest of the parent's page, up to
 * BB_PREFETCH_MAX) are fetched at once, in parallel: a workspace-wide
 * query then waits for one round trip per batch instead of one per
 * repository. Not when the query has a LIMIT, which may need one page.
 */
static void prefetch(bb_vtab *v, bb_cursor *c, int d)
{
	const level *parent = &c->lv[d - 1];
	char *urls[BB_PREFETCH_MAX];
	char *saved = c->vals[parent->key];
	const cJSON *row;
	int n = 0, i;

	for (row = parent->scan.row; row && n < BB_PREFETCH_MAX;
	     row = row->next) {
		char num[32];
		const char *val = row_value(parent, row, num, sizeof(num));
		bb_scan tmp;
		bb_err err;

		if (!val)
			continue;
		c->vals[parent->key] = (char *)val;
		if (level_scan(v, c, d, &tmp, &err) && tmp.next_url) {
			urls[n++] = tmp.next_url;
			tmp.next_url = NULL;
		}
		bb_scan_close(&tmp);
	}
	c->vals[parent->key] = saved;
	if (n > 1 && !bb_http_prefetched(v->e->http, urls[0]))
		bb_http_prefetch(v->e->http, urls, n);
	for (i = 0; i < n; i++)
		free(urls[i]);
}

/* Opens the scan of level d. */
static bool open_level(bb_vtab *v, bb_cursor *c, int d, bb_err *err)
{
	level *l = &c->lv[d];

	if (l->key < 0 && d > 0 && !c->limited)
		prefetch(v, c, d);
	l->open = level_scan(v, c, d, &l->scan, err);
	return l->open;
}

/* The key value a fan-out level's row gives, in buf, or NULL: a slug
 * or a uuid as it is, a number (a pull request's id) in decimal. */
static const char *row_value(const level *l, const cJSON *row, char *buf,
			     size_t size)
{
	const cJSON *j = bb_json_path(row, l->t->cols[l->col].json_path);

	if (cJSON_IsString(j))
		return j->valuestring;
	if (cJSON_IsNumber(j) && j->valuedouble == floor(j->valuedouble) &&
	    fabs(j->valuedouble) < 9e15) {
		bb_snprintf(buf, size, "%.0f", j->valuedouble);
		return buf;
	}
	return NULL;
}

/* A fan-out child that vanished or is closed to these credentials is
 * skipped with a warning; the rest of the workspace is still read. */
static bool skippable(const bb_cursor *c, int d, const bb_err *err)
{
	const level *l = &c->lv[d];

	if (err->cond == BB_E_NO_TABLE && l->key < 0 &&
	    (l->t->flags & BB_TABLE_404_EMPTY))
		return true;
	return d > 0 &&
	       (err->cond == BB_E_NO_TABLE || err->cond == BB_E_PERMISSION);
}

static int step(bb_vtab *v, bb_cursor *c)
{
	int d = c->depth;
	bb_err err;

	bb_err_clear(&err);
	for (;;) {
		level *l = &c->lv[d];
		bool eof = false;
		const char *val;
		char num[32];

		if (!l->open && !open_level(v, c, d, &err))
			return fail(v, &err);
		if (!bb_scan_next(&l->scan, &eof, &err)) {
			if (!skippable(c, d, &err))
				return fail(v, &err);
			bb_engine_warn(v->e, &err);
			bb_err_clear(&err);
			eof = true;
		}
		if (eof) {
			bb_scan_close(&l->scan);
			l->open = false;
			if (d == 0) {
				c->eof = true;
				return SQLITE_OK;
			}
			d--;
			continue;
		}
		if (l->key < 0) {
			c->depth = d;
			c->rowid++;
			return SQLITE_OK;
		}
		val = row_value(l, l->scan.row, num, sizeof(num));
		if (!val)
			continue;
		free(c->vals[l->key]);
		c->vals[l->key] = bb_strdup(val);
		if (!c->vals[l->key])
			return SQLITE_NOMEM;
		d++;
	}
}

static int x_filter(sqlite3_vtab_cursor *cur, int idx, const char *plan,
		    int argc, sqlite3_value **argv)
{
	bb_vtab *v = (bb_vtab *)cur->pVtab;
	bb_cursor *c = (bb_cursor *)cur;
	int i, rc;

	reset_cursor(c);
	c->limited = (idx & 1) != 0;
	rc = apply_args(v, c, plan ? plan : "", argc, argv);
	if (rc != SQLITE_OK)
		return rc;
	if (c->empty) {
		c->eof = true;
		return SQLITE_OK;
	}
	for (i = 0; i < v->t->ncols && !c->param.name; i++)
		if (v->t->cols[i].param_all &&
		    !all_param_values(c, &v->t->cols[i]))
			return SQLITE_NOMEM;
	rc = plan_levels(v, c);
	if (rc != SQLITE_OK)
		return rc;
	return step(v, c);
}

static int x_next(sqlite3_vtab_cursor *cur)
{
	return step((bb_vtab *)cur->pVtab, (bb_cursor *)cur);
}

static int x_eof(sqlite3_vtab_cursor *cur)
{
	return ((bb_cursor *)cur)->eof;
}

static int x_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i)
{
	bb_vtab *v = (bb_vtab *)cur->pVtab;
	bb_cursor *c = (bb_cursor *)cur;
	const bb_column_def *col = &v->t->cols[i];
	int k = key_of_col(v, i);
	bb_value val;

	if (k >= 0) {
		/* A key is given back as the query or the parent gave it, in
		 * the column's own type. */
		if (col->type == BB_T_INT || col->type == BB_T_BIGINT)
			sqlite3_result_int64(ctx,
					     strtoll(c->vals[k], NULL, 10));
		else
			sqlite3_result_text(ctx, c->vals[k], -1,
					    SQLITE_TRANSIENT);
		return SQLITE_OK;
	}
	/* "^path" reads the object around an `each` row. */
	if (!bb_value_from_json(col->json_path[0] == '^'
					? bb_json_path(c->lv[c->depth].scan.obj,
						       col->json_path + 1)
					: bb_json_path(c->lv[c->depth].scan.row,
						       col->json_path),
				col->type, &val)) {
		sqlite3_result_error_nomem(ctx);
		return SQLITE_NOMEM;
	}
	switch (val.kind) {
	case BB_V_NULL:
		sqlite3_result_null(ctx);
		break;
	case BB_V_INT:
		sqlite3_result_int64(ctx, val.i);
		break;
	case BB_V_DOUBLE:
		sqlite3_result_double(ctx, val.d);
		break;
	case BB_V_TEXT:
		sqlite3_result_text(ctx, val.text, -1, SQLITE_TRANSIENT);
		break;
	}
	bb_value_free(&val);
	return SQLITE_OK;
}

static int x_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid)
{
	*rowid = ((bb_cursor *)cur)->rowid;
	return SQLITE_OK;
}

static const sqlite3_module bb_module = {
	.iVersion = 0,
	/* Eponymous (each table exists by name in main) and creatable, for
	 * the tables of another workspace's schema. */
	.xCreate = x_connect,
	.xConnect = x_connect,
	.xBestIndex = x_best_index,
	.xDisconnect = x_disconnect,
	.xDestroy = x_disconnect,
	.xOpen = x_open,
	.xClose = x_close,
	.xFilter = x_filter,
	.xNext = x_next,
	.xEof = x_eof,
	.xColumn = x_column,
	.xRowid = x_rowid,
};

static void free_aux(void *p)
{
	sqlite3_free(p);
}

bool bb_vtab_register(bb_engine *e, bb_err *err)
{
	int i, rc;

	for (i = 0; i < bb_ntables; i++) {
		bb_module_aux *m = sqlite3_malloc(sizeof(*m));

		if (!m)
			return bb_err_set(err, BB_E_NOMEM, 0, "out of memory");
		m->e = e;
		m->t = &bb_tables[i];
		rc = sqlite3_create_module_v2(e->db, bb_tables[i].name,
					      &bb_module, m, free_aux);
		/* Declared in main as well: an unqualified name must find
		 * main's table before an attached workspace's of that name
		 * (SQLite looks for eponymous tables only when none exists). */
		if (rc == SQLITE_OK) {
			char *sql = sqlite3_mprintf(
				"CREATE VIRTUAL TABLE main.\"%w\" USING \"%w\"",
				bb_tables[i].name, bb_tables[i].name);

			rc = sql ? sqlite3_exec(e->db, sql, NULL, NULL, NULL)
				 : SQLITE_NOMEM;
			sqlite3_free(sql);
		}
		if (rc != SQLITE_OK)
			return bb_err_set(err, BB_E_GENERAL, rc,
					  "cannot register table %s: %s",
					  bb_tables[i].name,
					  sqlite3_errmsg(e->db));
	}
	return true;
}
