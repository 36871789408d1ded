/*
 * stmt.c - the statement handle: SQLPrepare, SQLExecute, SQLExecDirect,
 * SQLNumResultCols, SQLDescribeCol, SQLRowCount, SQLFreeStmt,
 * SQLCloseCursor.
 *
 * A statement is one SQLite statement on the connection's engine.
 * Executing steps to the first row at once, so that API failures (bad
 * credentials, unknown repository) are reported by SQLExecute, where
 * applications look for them, and not by the first SQLFetch.
 */
#include "util/setup.h"
#include <limits.h>
#include "odbc/handles.h"
#include "sql/guess.h"
#include "odbc/types.h"
#include "engine/tables.h"
#include "sql/rewrite.h"
#include "util/str.h"

#include <ctype.h>

static void free_cols(bb_stmt *s)
{
	int i;

	for (i = 0; i < s->ncols; i++) {
		free(s->cols[i].name);
		free(s->cols[i].base_name);
		free(s->cols[i].table);
	}
	free(s->cols);
	s->cols = NULL;
	s->ncols = 0;
}

void bb_stmt_release(bb_stmt *s)
{
	if (s->st)
		sqlite3_finalize(s->st);
	s->st = NULL;
	s->prepared = false;
	free_cols(s);
}

/* Maps a failed SQLite call to a diagnostic: the engine's own record of
 * an API failure if there is one, else SQLite's message. */
SQLRETURN bb_stmt_sqlite_error(bb_stmt *s, int rc)
{
	bb_engine *e = &s->dbc->engine;
	const char *msg = sqlite3_errmsg(e->db);
	bb_cond cond = BB_E_GENERAL;

	if (e->err.cond != BB_OK)
		return bb_diag_err(&s->diag, &e->err, "rest");
	if (e->denied &&
	    ((rc & 0xff) == SQLITE_AUTH || strstr(msg, "not authorized"))) {
		char why[160];

		bb_snprintf(why, sizeof(why), "not allowed: %s", e->denied);
		return bb_diag_add(&s->diag, BB_E_SYNTAX, 0, "engine", why);
	}
	if ((rc & 0xff) == SQLITE_NOMEM)
		cond = BB_E_NOMEM;
	else if (strstr(msg, "already exists"))
		cond = BB_E_TABLE_EXISTS;
	else if (strstr(msg, "may not be modified"))
		cond = BB_E_SYNTAX;
	else if (strstr(msg, "no such table"))
		cond = BB_E_NO_TABLE;
	else if (strstr(msg, "no such column"))
		cond = BB_E_NO_COLUMN;
	else if (strstr(msg, "syntax error") ||
		 strstr(msg, "incomplete input") ||
		 strstr(msg, "unrecognized token"))
		cond = BB_E_SYNTAX;
	else if ((rc & 0xff) == SQLITE_CONSTRAINT)
		cond = BB_E_CONSTRAINT;
	else if ((rc & 0xff) == SQLITE_INTERRUPT) {
		bb_err why;

		bb_err_clear(&why);
		if (bb_http_stopped(&s->dbc->http, &why))
			return bb_diag_err(&s->diag, &why, "engine");
		cond = BB_E_CANCELLED;
	}
	return bb_diag_add(&s->diag, cond, rc, "engine", msg);
}

static SQLSMALLINT nullable_of(const char *table, const char *column)
{
	const bb_table_def *t = table ? bb_table_find(table) : NULL;
	int c = t && column ? bb_table_column(t, column) : -1;

	if (c < 0)
		return SQL_NULLABLE_UNKNOWN;
	return t->cols[c].flags & BB_COL_NOT_NULL ? SQL_NO_NULLS : SQL_NULLABLE;
}

/* True if column i holds a timestamp in the form the driver gives every
 * API timestamp ('2024-01-31 10:00:00.000000'), so MAX(CreatedOn) is
 * still a timestamp to the application. */
static bool is_timestamp(sqlite3_stmt *st, int i)
{
	static const char shape[] = "dddd-dd-dd dd:dd:dd.dddddd";
	const char *v = (const char *)sqlite3_column_text(st, i);
	size_t k;

	if (!v || strlen(v) != sizeof(shape) - 1)
		return false;
	for (k = 0; shape[k]; k++)
		if (shape[k] == 'd' ? !isdigit((unsigned char)v[k])
				    : v[k] != shape[k])
			return false;
	return true;
}

/* The declared type of a Bitbucket column known by name alone, when
 * every table that has a column of that name declares it alike. */
static const char *column_decl(const char *name)
{
	const char *decl = NULL;
	int i, c;

	for (i = 0; i < bb_ntables; i++) {
		c = bb_table_column(&bb_tables[i], name);
		if (c < 0)
			continue;
		if (decl && strcmp(decl, bb_tables[i].cols[c].decl) != 0)
			return NULL;
		decl = bb_tables[i].cols[c].decl;
	}
	return decl;
}

/* A type read from the SQL is a guess: a first row that contradicts it
 * (text under a number, a number under a timestamp) wins. */
static SQLSMALLINT checked(sqlite3_stmt *st, int i, SQLSMALLINT t)
{
	int kind = sqlite3_column_type(st, i);
	bool number = t == SQL_BIGINT || t == SQL_INTEGER ||
		      t == SQL_SMALLINT || t == SQL_DOUBLE || t == SQL_BIT;

	if (kind == SQLITE_TEXT && number)
		return SQL_WVARCHAR;
	if ((kind == SQLITE_INTEGER || kind == SQLITE_FLOAT) &&
	    t == SQL_TYPE_TIMESTAMP)
		return kind == SQLITE_INTEGER ? SQL_BIGINT : SQL_DOUBLE;
	return t;
}

/* Describes column i from its declared type, or, for an expression,
 * from the value on the current row if there is one. */
static void describe(bb_stmt *s, int i, bool on_row, const char *guess)
{
	bb_colinfo *ci = &s->cols[i];
	const char *decl =
		s->decls ? s->decls[i] : sqlite3_column_decltype(s->st, i);
	SQLULEN size = 0;
	SQLSMALLINT t;
	bool guessed = false;

	/* A computed column: the same type at prepare and after, unless
	 * the first row says otherwise. */
	if (!decl && guess) {
		decl = guess;
		guessed = true;
	}
	t = bb_type_from_decl(decl, &size);
	if (guessed && on_row) {
		SQLSMALLINT was = t;

		t = checked(s->st, i, t);
		if (t != was)
			size = 0;
	}
	if (t == SQL_UNKNOWN_TYPE) {
		int kind = on_row ? sqlite3_column_type(s->st, i) : SQLITE_NULL;

		t = kind == SQLITE_INTEGER ? SQL_BIGINT
		    : kind == SQLITE_FLOAT ? SQL_DOUBLE
		    : kind == SQLITE_BLOB  ? SQL_LONGVARBINARY
		    : kind == SQLITE_TEXT && is_timestamp(s->st, i)
			    ? SQL_TYPE_TIMESTAMP
			    : SQL_WVARCHAR;
	}
	ci->sql_type = t;
	ci->size = size ? size : bb_type_of(t)->size;
	ci->digits = bb_type_of(t)->digits < 0 ? 0 : bb_type_of(t)->digits;
}

static SQLRETURN build_cols(bb_stmt *s, bool on_row)
{
	int n = sqlite3_column_count(s->st), i;
	const char **guess = NULL;
	SQLRETURN rc = SQL_SUCCESS;

	free_cols(s);
	if (n == 0)
		return SQL_SUCCESS;
	s->cols = calloc((size_t)n, sizeof(*s->cols));
	/* Types of computed columns, read from the SQL at once (catalog
	 * results declare all theirs). */
	if (!s->decls)
		guess = calloc((size_t)n, sizeof(*guess));
	if (!s->cols || (!s->decls && !guess)) {
		rc = bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
		goto cleanup;
	}
	if (guess)
		bb_sql_guess_decls(sqlite3_sql(s->st), n, guess, column_decl);
	s->ncols = n;
	for (i = 0; i < n; i++) {
		bb_colinfo *ci = &s->cols[i];
		const char *table = sqlite3_column_table_name(s->st, i);
		const char *base = sqlite3_column_origin_name(s->st, i);

		ci->name = bb_strdup(sqlite3_column_name(s->st, i));
		ci->table = bb_strdup(table ? table : "");
		ci->base_name = bb_strdup(base ? base : "");
		if (!ci->name || !ci->table || !ci->base_name) {
			rc = bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
			goto cleanup;
		}
		ci->nullable = nullable_of(table, base);
		describe(s, i, on_row, guess ? guess[i] : NULL);
	}
cleanup:
	free(guess);
	return rc;
}

static bool blank(const char *p)
{
	while (*p && (isspace((unsigned char)*p) || *p == ';'))
		p++;
	return *p == '\0';
}

bool bb_stmt_cursor_open(const bb_stmt *s)
{
	return s->executed && s->ncols > 0;
}

/* Closing returns a statement SQLPrepare made to its prepared state and
 * any other (SQLExecDirect, a catalog function) to allocated, as the
 * state-transition tables say. */
SQLRETURN bb_close_cursor(bb_stmt *s, bool must_be_open)
{
	if (must_be_open && !bb_stmt_cursor_open(s))
		return bb_diag_add(&s->diag, BB_E_NO_CURSOR, 0, NULL,
				   "no cursor is open");
	if (s->executed && !s->by_prepare)
		s->prepared = false;
	/* Closing ends an execution: the result sets of the sets not read
	 * yet, or data-at-execution values not all sent. */
	bb_params_abandon(s);
	bb_result_reset(s);
	return SQL_SUCCESS;
}

void bb_result_reset(bb_stmt *s)
{
	if (s->st)
		sqlite3_reset(s->st);
	s->executed = s->row_ready = s->fetched = s->done = false;
	s->gd_col = 0;
	s->gd_offset = 0;
	s->rows_seen = 0;
	bb_cursor_reset(s);
}

/* The SQL front: ODBC escapes and dialect to the engine's SQL, and the
 * workspaces the statement names as schemas opened. */
static SQLRETURN bb_front(bb_stmt *s, const char *sql, bb_buf *out)
{
	bb_sql_info info;
	bb_err err;
	int i;

	bb_buf_init(out);
	if (!bb_sql_rewrite(sql, out, &info, &err)) {
		bb_buf_free(out);
		return bb_diag_err(&s->diag, &err, "sql");
	}
	for (i = 0; i < info.nschemas; i++)
		if (!bb_engine_schema(&s->dbc->engine, info.schemas[i], &err)) {
			bb_buf_free(out);
			return bb_diag_err(&s->diag, &err, "engine");
		}
	if (!out->data && !bb_buf_puts(out, ""))
		return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
	if (sql != out->data)
		bb_trace(&s->dbc->log, BB_LOG_SQL, "engine: %s", out->data);
	return SQL_SUCCESS;
}

SQLRETURN bb_prepare(bb_stmt *s, const char *sql)
{
	const char *tail = NULL;
	bb_buf engine_sql;
	SQLRETURN ret = SQL_SUCCESS;
	int rc;

	if (bb_stmt_cursor_open(s))
		return bb_diag_add(&s->diag, BB_E_NO_CURSOR, 0, NULL,
				   "a cursor is open: close it first");
	bb_close_cursor(s, false);
	if (s->st) {
		sqlite3_finalize(s->st);
		s->st = NULL;
	}
	s->prepared = false;
	s->by_prepare = false;
	s->decls = NULL;
	free_cols(s);
	bb_engine_reset(&s->dbc->engine);
	bb_http_begin(&s->dbc->http, s->query_timeout);
	bb_trace(&s->dbc->log, BB_LOG_SQL, "prepare: %s", sql);
	rc = bb_front(s, sql, &engine_sql);
	if (rc != SQL_SUCCESS)
		return rc;
	rc = sqlite3_prepare_v2(s->dbc->engine.db, engine_sql.data, -1, &s->st,
				&tail);
	if (rc != SQLITE_OK)
		ret = bb_stmt_sqlite_error(s, rc);
	else if (!s->st)
		ret = bb_diag_add(&s->diag, BB_E_SYNTAX, 0, "sql",
				  "the statement is empty");
	else if (tail && !blank(tail))
		ret = bb_diag_add(&s->diag, BB_E_SYNTAX, 0, "sql",
				  "only one statement can be executed at a "
				  "time");
	else if (sqlite3_bind_parameter_count(s->st) > SHRT_MAX)
		ret = bb_diag_addf(&s->diag, BB_E_SYNTAX,
				   "more than %d parameter markers: ODBC "
				   "counts them in 16 bits",
				   SHRT_MAX);
	/* tail points into engine_sql: it is freed only now. */
	bb_buf_free(&engine_sql);
	if (ret != SQL_SUCCESS) {
		sqlite3_finalize(s->st);
		s->st = NULL;
		return ret;
	}
	s->prepared = true;
	return build_cols(s, false);
}

static SQLRETURN add_warnings(bb_stmt *s, SQLRETURN rc)
{
	bb_engine *e = &s->dbc->engine;
	int i;

	for (i = 0; i < e->nwarnings; i++) {
		bb_err w = e->warnings[i];

		bb_diag_add(&s->diag, BB_W_GENERAL, w.native, "rest", w.msg);
		rc = SQL_SUCCESS_WITH_INFO;
	}
	e->nwarnings = 0;
	return rc;
}

/* True for an UPDATE or DELETE statement: when it changes no row, an
 * ODBC 3 application is told SQL_NO_DATA and an ODBC 2 one
 * SQL_SUCCESS (the reference's "Returning SQL_NO_DATA"). */
static bool searched_change(sqlite3_stmt *st)
{
	const char *p = sqlite3_sql(st);

	while (p && (isspace((unsigned char)*p) || *p == '('))
		p++;
	return p && (bb_strncasecmp(p, "UPDATE", 6) == 0 ||
		     bb_strncasecmp(p, "DELETE", 6) == 0);
}

SQLRETURN bb_stmt_no_rows(bb_stmt *s, SQLRETURN rc)
{
	if (rc == SQL_SUCCESS && s->row_count == 0 && !s->diag.odbc2 &&
	    searched_change(s->st))
		return SQL_NO_DATA;
	return rc;
}

SQLRETURN bb_stmt_run(bb_stmt *s)
{
	SQLRETURN rc;
	int src;

	bb_engine_reset(&s->dbc->engine);
	/* Pages read ahead for an earlier statement are not this one's. */
	bb_http_forget(&s->dbc->http);
	bb_http_begin(&s->dbc->http, s->query_timeout);
	src = sqlite3_step(s->st);
	if (src != SQLITE_ROW && src != SQLITE_DONE) {
		rc = bb_stmt_sqlite_error(s, src);
		sqlite3_reset(s->st);
		return rc;
	}
	s->executed = true;
	s->row_ready = src == SQLITE_ROW;
	s->done = src == SQLITE_DONE;
	s->row_count = sqlite3_column_count(s->st) == 0
			       ? sqlite3_changes(s->dbc->engine.db)
			       : -1;
	s->diag.row_count = s->row_count;
	rc = build_cols(s, s->row_ready);
	if (rc != SQL_SUCCESS)
		return rc;
	return add_warnings(s, SQL_SUCCESS);
}

SQLRETURN bb_execute(bb_stmt *s)
{
	if (!s->st || !s->prepared || (s->executed && !s->by_prepare))
		return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL,
				   "no statement is prepared");
	if (bb_stmt_cursor_open(s))
		return bb_diag_add(&s->diag, BB_E_NO_CURSOR, 0, NULL,
				   "a cursor is open: close it first");
	bb_close_cursor(s, false);
	/* The catalog functions bind their own values. */
	if (s->decls)
		return bb_stmt_run(s);
	return bb_params_execute(s);
}

SQLRETURN bb_exec_direct(bb_stmt *s, const char *sql)
{
	SQLRETURN rc = bb_prepare(s, sql);

	if (!SQL_SUCCEEDED(rc))
		return rc;
	return bb_execute(s);
}

SQLRETURN bb_exec_internal(bb_stmt *s, const char *sql, const char **args,
			   int nargs, const char *const *decls)
{
	SQLRETURN rc = bb_prepare(s, sql);
	int i;

	if (!SQL_SUCCEEDED(rc))
		return rc;
	s->decls = decls;
	for (i = 0; i < nargs; i++)
		if (args[i])
			sqlite3_bind_text(s->st, i + 1, args[i], -1,
					  SQLITE_TRANSIENT);
	return bb_execute(s);
}

SQLRETURN bb_free_stmt(bb_stmt *s, SQLUSMALLINT option)
{
	switch (option) {
	case SQL_CLOSE:
		return bb_close_cursor(s, false);
	case SQL_UNBIND:
		if (bb_params_need_data(s))
			break;
		free(s->binds);
		s->binds = NULL;
		s->nbinds = 0;
		return SQL_SUCCESS;
	case SQL_RESET_PARAMS:
		if (bb_params_need_data(s))
			break;
		free(s->params);
		s->params = NULL;
		s->nparams = 0;
		/* The engine keeps the values of a statement under way:
		 * applications reset parameters while they still fetch. */
		return SQL_SUCCESS;
	case SQL_DROP:
		return bb_free_handle(SQL_HANDLE_STMT, s);
	default:
		return bb_diag_add(&s->diag, BB_E_BAD_ATTR_ID, 0, NULL,
				   "unknown SQLFreeStmt option");
	}
	return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL,
			   "data-at-execution values are awaited");
}

SQLRETURN bb_num_result_cols(bb_stmt *s, SQLSMALLINT *n)
{
	if (!s->prepared)
		return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL, NULL);
	if (n)
		*n = (SQLSMALLINT)s->ncols;
	return SQL_SUCCESS;
}

SQLRETURN bb_row_count(bb_stmt *s, SQLLEN *n)
{
	if (!s->executed)
		return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL, NULL);
	if (n)
		*n = s->row_count;
	return SQL_SUCCESS;
}

SQLRETURN bb_describe_col(bb_stmt *s, SQLUSMALLINT col, const bb_colinfo **ci)
{
	if (!s->prepared)
		return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL, NULL);
	if (s->ncols == 0)
		return bb_diag_add(&s->diag,
				   s->executed ? BB_E_NO_CURSOR
					       : BB_E_NOT_CURSOR,
				   0, NULL, "the statement has no result set");
	if (col < 1 || col > s->ncols)
		return bb_diag_add(&s->diag, BB_E_BAD_COLUMN, 0, NULL, NULL);
	*ci = &s->cols[col - 1];
	return SQL_SUCCESS;
}
