/*
 * param_exec.c - executing a statement with its parameters: arrays of
 * parameter sets, data-at-execution (SQLParamData, SQLPutData) and one
 * result set per set of a SELECT (SQLMoreResults).
 *
 * SQLExecute first lists every data-at-execution value of every set to
 * run, in set order and marker order within a set; if there are any it
 * answers SQL_NEED_DATA, and each SQLParamData names the next one (the
 * address of its ParameterValuePtr for that set) until the last, which
 * runs the sets. Pieces are kept whole until then, at most
 * BB_PUTDATA_CAP bytes for the execution (22001 beyond).
 *
 * Each set of an INSERT, UPDATE or DELETE runs inside a savepoint of its
 * own: a set that fails leaves nothing behind, and the sets before and
 * after it stay done (every set is tried; the status array says which
 * failed, SQLRowCount gives the rows of all sets together). A SELECT
 * runs its first set at SQLExecute and each next one at SQLMoreResults
 * (SQL_PAS_BATCH). A write that reached the API (a POST of a Bitbucket
 * table) cannot be taken back by the savepoint.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/convert.h"
#include "util/str.h"

/* SAVEPOINT names live in the connection's one engine database. */
#define SP_BEGIN "SAVEPOINT bb_param_set"
#define SP_KEEP "RELEASE bb_param_set"
#define SP_UNDO "ROLLBACK TO bb_param_set; RELEASE bb_param_set"

bool bb_params_need_data(const bb_stmt *s)
{
	return s->px.state == BB_PX_NEED_DATA || s->px.state == BB_PX_PUTTING;
}

bool bb_params_busy(bb_stmt *s)
{
	if (!bb_params_need_data(s))
		return false;
	bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL,
		    "data-at-execution values are awaited");
	return true;
}

void bb_params_abandon(bb_stmt *s)
{
	bb_pexec *px = &s->px;
	int i;

	for (i = 0; i < px->ndae; i++)
		free(px->dae[i].data);
	free(px->dae);
	px->dae = NULL;
	px->ndae = 0;
	px->cur = -1;
	px->held = 0;
	px->state = BB_PX_IDLE;
}

static void set_status(bb_stmt *s, SQLULEN set, SQLUSMALLINT v)
{
	SQLUSMALLINT *status = s->descs[BB_IPD].array_status;

	if (status)
		status[set] = v;
}

static void set_processed(bb_stmt *s, SQLULEN n)
{
	SQLULEN *processed = s->descs[BB_IPD].rows_processed;

	if (processed)
		*processed = n;
}

static bool ignored(const bb_stmt *s, SQLULEN set)
{
	const SQLUSMALLINT *op = s->apd->array_status;

	return op && op[set] == SQL_PARAM_IGNORE;
}

/* Gives the diagnostic records from `from` on the set's row number. */
static void mark_rows(bb_stmt *s, int from, SQLULEN set, int column)
{
	int i;

	if (s->px.size <= 1)
		return;
	for (i = from; i < s->diag.n; i++) {
		s->diag.recs[i].row = (SQLLEN)set + 1;
		if (column)
			s->diag.recs[i].column = column;
	}
}

static SQLRETURN check_bound(bb_stmt *s, int n)
{
	int i;

	for (i = 1; i <= n; i++)
		if (i > s->nparams || !s->params[i - 1].bound)
			return bb_diag_addf(&s->diag, BB_E_PARAM_COUNT,
					    "parameter %d is not bound", i);
	return SQL_SUCCESS;
}

static SQLRETURN add_dae(bb_stmt *s, SQLULEN set, int param, int *cap)
{
	bb_pexec *px = &s->px;

	if (px->ndae == *cap) {
		int ncap = *cap ? *cap * 2 : 8;
		bb_dae *d = realloc(px->dae, (size_t)ncap * sizeof(*d));

		if (!d)
			return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
		px->dae = d;
		*cap = ncap;
	}
	memset(&px->dae[px->ndae], 0, sizeof(px->dae[0]));
	px->dae[px->ndae].set = (unsigned)set;
	px->dae[px->ndae].param = param;
	px->ndae++;
	return SQL_SUCCESS;
}

/* Lists the data-at-execution values of every set that will run. */
static SQLRETURN list_dae(bb_stmt *s, int n)
{
	SQLULEN set;
	int i, cap = 0;
	SQLRETURN rc;

	for (set = 0; set < s->px.size; set++) {
		if (ignored(s, set))
			continue;
		for (i = 1; i <= n; i++) {
			const bb_param *p = &s->params[i - 1];

			if (!bb_param_is_dae(bb_param_len_ptr(s, p, set)))
				continue;
			rc = add_dae(s, set, i, &cap);
			if (rc != SQL_SUCCESS)
				return rc;
		}
	}
	return SQL_SUCCESS;
}

/* The data-at-execution value of (set, param), searching on from *hint:
 * sets bind in the order the values were listed. */
static const bb_dae *find_dae(bb_stmt *s, SQLULEN set, int param, int *hint)
{
	int i;

	for (i = *hint; i < s->px.ndae; i++)
		if (s->px.dae[i].set == set && s->px.dae[i].param == param) {
			*hint = i + 1;
			return &s->px.dae[i];
		}
	return NULL;
}

/* Binds every marker from set `set`; a refused value is a diagnostic
 * naming the set and the marker. */
static SQLRETURN bind_set(bb_stmt *s, SQLULEN set, int *hint)
{
	int n = sqlite3_bind_parameter_count(s->st), i;
	bb_err err;
	/* SQL_RESET_PARAMS may come between the result sets of a SELECT. */
	SQLRETURN rc = check_bound(s, n);

	if (rc != SQL_SUCCESS)
		return rc;
	for (i = 1; i <= n; i++) {
		const bb_param *p = &s->params[i - 1];
		const SQLLEN *ind = bb_param_ind_ptr(s, p, set);
		const SQLLEN *lenp = bb_param_len_ptr(s, p, set);
		const void *ptr = bb_param_value_ptr(s, p, set);
		SQLLEN len = lenp ? bb_param_ind(lenp) : SQL_NTS;
		int from = s->diag.n;

		/* The APD may keep the NULL indicator apart from the length,
		 * which also carries data-at-execution. */
		if (ind && bb_param_ind(ind) == SQL_NULL_DATA) {
			len = SQL_NULL_DATA;
		} else if (bb_param_is_dae(lenp)) {
			const bb_dae *d = find_dae(s, set, i, hint);

			ptr = d && d->data ? d->data : "";
			len = !d || d->is_null || !d->got ? SQL_NULL_DATA
							  : (SQLLEN)d->len;
		} else if (!lenp && p->ctype == SQL_C_BINARY) {
			len = p->buflen;
		}
		if (bb_param_bind_value(s->st, i, p->ctype, p->sql_type, ptr,
					len, &err))
			continue;
		bb_diag_addf(&s->diag, err.cond, "parameter %d: %s", i,
			     err.msg);
		mark_rows(s, from, set, i);
		return SQL_ERROR;
	}
	return SQL_SUCCESS;
}

/* One set of a statement without a result: bound, run in its own
 * savepoint, undone entirely if it fails. */
static SQLRETURN run_write(bb_stmt *s, SQLULEN set, int *hint)
{
	sqlite3 *db = s->dbc->engine.db;
	int from = s->diag.n;
	SQLRETURN rc;

	sqlite3_reset(s->st);
	rc = bind_set(s, set, hint);
	if (rc != SQL_SUCCESS)
		return rc;
	if (sqlite3_exec(db, SP_BEGIN, NULL, NULL, NULL) != SQLITE_OK)
		return bb_stmt_sqlite_error(s, sqlite3_errcode(db));
	rc = bb_stmt_run(s);
	sqlite3_reset(s->st);
	if (SQL_SUCCEEDED(rc)) {
		s->px.rows += s->row_count > 0 ? s->row_count : 0;
		if (sqlite3_exec(db, SP_KEEP, NULL, NULL, NULL) == SQLITE_OK)
			return rc;
		bb_stmt_sqlite_error(s, sqlite3_errcode(db));
	}
	sqlite3_exec(db, SP_UNDO, NULL, NULL, NULL);
	mark_rows(s, from, set, 0);
	return SQL_ERROR;
}

/* One set of a SELECT: bound and run to its first row. */
static SQLRETURN run_select(bb_stmt *s, SQLULEN set)
{
	int hint = 0, from = s->diag.n;
	SQLRETURN rc;

	sqlite3_reset(s->st);
	rc = bind_set(s, set, &hint);
	if (rc == SQL_SUCCESS)
		rc = bb_stmt_run(s);
	if (!SQL_SUCCEEDED(rc))
		mark_rows(s, from, set, 0);
	return rc;
}

/* What the whole execution answers: errors in some sets only are
 * SQL_SUCCESS_WITH_INFO, as arrays of parameters want. */
static SQLRETURN outcome(bb_stmt *s, bool info)
{
	if (s->px.nerr == 0)
		return info ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
	if (s->px.nok == 0)
		return SQL_ERROR;
	s->diag.rc = SQL_SUCCESS_WITH_INFO;
	return SQL_SUCCESS_WITH_INFO;
}

static void record(bb_stmt *s, SQLULEN set, SQLRETURN rc, bool *info)
{
	set_processed(s, set + 1);
	if (!SQL_SUCCEEDED(rc)) {
		set_status(s, set, SQL_PARAM_ERROR);
		s->px.nerr++;
		return;
	}
	set_status(s, set,
		   rc == SQL_SUCCESS ? SQL_PARAM_SUCCESS
				     : SQL_PARAM_SUCCESS_WITH_INFO);
	s->px.nok++;
	if (rc == SQL_SUCCESS_WITH_INFO)
		*info = true;
}

static SQLRETURN run_writes(bb_stmt *s)
{
	bool info = false;
	int hint = 0;
	SQLULEN set;

	for (set = 0; set < s->px.size; set++) {
		if (ignored(s, set)) {
			set_processed(s, set + 1);
			continue;
		}
		record(s, set, run_write(s, set, &hint), &info);
	}
	bb_params_abandon(s);
	s->executed = true;
	s->done = true;
	s->row_ready = false;
	s->row_count = s->px.rows;
	s->diag.row_count = s->row_count;
	return bb_stmt_no_rows(s, outcome(s, info));
}

/* Runs the SELECT's next set that is not ignored, from s->px.set on,
 * going past sets that fail (their records stay, with their row
 * numbers); SQL_NO_DATA when none is left. */
static SQLRETURN next_select(bb_stmt *s)
{
	bool info = false, failed = false;
	SQLULEN set;
	SQLRETURN rc;

	for (set = s->px.set; set < s->px.size; set++) {
		if (ignored(s, set))
			continue;
		s->px.set = set + 1;
		rc = run_select(s, set);
		record(s, set, rc, &info);
		if (!SQL_SUCCEEDED(rc)) {
			failed = true;
			continue;
		}
		if (s->px.set < s->px.size)
			s->px.state = BB_PX_RESULTS;
		else
			bb_params_abandon(s);
		if (failed)
			s->diag.rc = SQL_SUCCESS_WITH_INFO;
		return failed ? SQL_SUCCESS_WITH_INFO : rc;
	}
	s->px.set = set;
	bb_params_abandon(s);
	return failed ? SQL_ERROR : SQL_NO_DATA;
}

static SQLRETURN run_sets(bb_stmt *s)
{
	SQLRETURN rc;

	s->px.state = BB_PX_IDLE;
	if (sqlite3_column_count(s->st) == 0)
		return run_writes(s);
	s->px.set = 0;
	rc = next_select(s);
	if (rc != SQL_NO_DATA)
		return rc;
	/* Every set ignored: an empty result. */
	s->executed = true;
	s->done = true;
	return SQL_SUCCESS;
}

SQLRETURN bb_params_execute(bb_stmt *s)
{
	int n = sqlite3_bind_parameter_count(s->st);
	SQLULEN set;
	SQLRETURN rc;

	bb_params_abandon(s);
	if (!bb_desc_params_settle(s))
		return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
	rc = check_bound(s, n);
	if (rc != SQL_SUCCESS)
		return rc;
	s->px.size = n > 0 ? bb_desc_param_rows(s) : 1;
	if (s->px.size == 0)
		s->px.size = 1;
	s->px.set = 0;
	s->px.nok = s->px.nerr = 0;
	s->px.rows = 0;
	set_processed(s, 0);
	for (set = 0; set < s->px.size; set++)
		set_status(s, set, SQL_PARAM_UNUSED);
	rc = list_dae(s, n);
	if (rc != SQL_SUCCESS) {
		bb_params_abandon(s);
		return rc;
	}
	if (s->px.ndae > 0) {
		s->px.state = BB_PX_NEED_DATA;
		return SQL_NEED_DATA;
	}
	return run_sets(s);
}

SQLRETURN bb_param_data(bb_stmt *s, SQLPOINTER *value)
{
	bb_pexec *px = &s->px;
	const bb_dae *d;

	if (!bb_params_need_data(s))
		return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL,
				   "no parameter data is awaited");
	if (++px->cur < px->ndae) {
		d = &px->dae[px->cur];
		px->state = BB_PX_PUTTING;
		if (value)
			*value = bb_param_value_ptr(s, &s->params[d->param - 1],
						    d->set);
		return SQL_NEED_DATA;
	}
	return run_sets(s);
}

static bool is_var(SQLSMALLINT ctype)
{
	return ctype == SQL_C_CHAR || ctype == SQL_C_WCHAR ||
	       ctype == SQL_C_BINARY;
}

/* The byte length of one piece; -1 (diagnostic added) if invalid. */
static SQLLEN piece_len(bb_stmt *s, SQLSMALLINT ctype, SQLPOINTER data,
			SQLLEN len)
{
	if (!is_var(ctype))
		return bb_ctype_size(ctype);
	if (len == SQL_NTS && ctype == SQL_C_CHAR && data)
		return (SQLLEN)strlen(data);
	if (len == SQL_NTS && ctype == SQL_C_WCHAR && data)
		return (SQLLEN)(bb_wcslen(data) * sizeof(SQLWCHAR));
	if (len < 0) {
		bb_diag_add(&s->diag, BB_E_BAD_LENGTH, 0, NULL,
			    "StrLen_or_Ind is not a length");
		return -1;
	}
	return len;
}

static SQLRETURN append(bb_stmt *s, bb_dae *d, const void *data, size_t n)
{
	char *grown;

	if (n > BB_PUTDATA_CAP - s->px.held)
		return bb_diag_addf(&s->diag, BB_E_TRUNCATED,
				    "data-at-execution values may hold at most "
				    "%zu bytes in all",
				    (size_t)BB_PUTDATA_CAP);
	/* Doubling keeps many small pieces from copying the value again
	 * for each one. */
	if (d->len + n + 1 > d->cap) {
		size_t cap = d->cap ? d->cap : 256;

		while (cap < d->len + n + 1)
			cap *= 2;
		grown = realloc(d->data, cap);
		if (!grown)
			return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
		d->data = grown;
		d->cap = cap;
	}
	if (n)
		memcpy(d->data + d->len, data, n);
	d->len += n;
	s->px.held += n;
	return SQL_SUCCESS;
}

static SQLRETURN put(bb_stmt *s, SQLPOINTER data, SQLLEN len)
{
	bb_dae *d = &s->px.dae[s->px.cur];
	SQLSMALLINT ctype = s->params[d->param - 1].ctype;
	SQLLEN n;
	SQLRETURN rc;

	if (len == SQL_NULL_DATA) {
		if (d->got)
			return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL,
					   "a value already sent cannot "
					   "become NULL");
		d->got = d->is_null = true;
		return SQL_SUCCESS;
	}
	if (len == SQL_DEFAULT_PARAM)
		return bb_diag_add(&s->diag, BB_E_NOT_IMPL, 0, NULL,
				   "SQL_DEFAULT_PARAM is not supported");
	if (d->is_null || (d->got && !is_var(ctype)))
		return bb_diag_add(&s->diag, BB_E_PIECES, 0, NULL,
				   d->is_null ? "the value was sent as NULL"
					      : NULL);
	n = piece_len(s, ctype, data, len);
	if (n < 0)
		return SQL_ERROR;
	if (!data && n > 0)
		return bb_diag_add(&s->diag, BB_E_NULL_PTR, 0, NULL,
				   "DataPtr is null");
	rc = append(s, d, data, (size_t)n);
	if (rc == SQL_SUCCESS)
		d->got = true;
	return rc;
}

SQLRETURN bb_put_data(bb_stmt *s, SQLPOINTER data, SQLLEN len)
{
	SQLRETURN rc;

	if (s->px.state != BB_PX_PUTTING)
		return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL,
				   "SQLPutData needs SQLParamData first");
	rc = put(s, data, len);
	/* A failed SQLPutData ends the execution: the driver manager
	 * takes the statement back to its prepared state. */
	if (rc == SQL_ERROR)
		bb_params_abandon(s);
	return rc;
}

SQLRETURN bb_more_results(bb_stmt *s)
{
	SQLRETURN rc;

	if (s->px.state != BB_PX_RESULTS) {
		bb_close_cursor(s, false);
		return SQL_NO_DATA;
	}
	bb_result_reset(s);
	rc = next_select(s);
	if (rc == SQL_NO_DATA)
		bb_close_cursor(s, false);
	return rc;
}
