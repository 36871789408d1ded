/*
 * params.c - parameter markers: SQLBindParameter, and the values the
 * engine gets for each '?' at execution.
 *
 * Input parameters only; each bound C value becomes the SQLite value of
 * the same meaning (text, integer, double, blob, or timestamp text in the
 * driver's one format), so `WHERE Workspace = ?` pushes down exactly as a
 * literal would.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "util/str.h"

SQLRETURN bb_bind_param(bb_stmt *s, SQLUSMALLINT n, SQLSMALLINT io,
			SQLSMALLINT ctype, SQLSMALLINT sql_type, SQLPOINTER ptr,
			SQLLEN buflen, SQLLEN *ind)
{
	bb_param *p;

	if (n < 1)
		return bb_diag_add(&s->diag, BB_E_BAD_PARAM_NUM, 0, NULL, NULL);
	if (io != SQL_PARAM_INPUT)
		return bb_diag_add(&s->diag, BB_E_NOT_IMPL, 0, NULL,
				   "only input parameters are supported");
	if (n > s->nparams) {
		p = realloc(s->params, n * sizeof(*p));
		if (!p)
			return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
		memset(p + s->nparams, 0, (n - s->nparams) * sizeof(*p));
		s->params = p;
		s->nparams = n;
	}
	p = &s->params[n - 1];
	p->ctype = ctype == SQL_C_DEFAULT ? SQL_C_CHAR : ctype;
	p->sql_type = sql_type;
	p->ptr = ptr;
	p->buflen = buflen;
	p->ind = ind;
	p->len = ind;
	p->bound = true;
	return SQL_SUCCESS;
}

static int bind_text(sqlite3_stmt *st, int i, const bb_param *p, SQLLEN len)
{
	const char *v = p->ptr;

	if (len == SQL_NTS || len < 0)
		len = (SQLLEN)strlen(v);
	return sqlite3_bind_text(st, i, v, (int)len, SQLITE_TRANSIENT);
}

static int bind_wtext(sqlite3_stmt *st, int i, const bb_param *p, SQLLEN len)
{
	char *u = bb_utf16_to_utf8(p->ptr,
				   len == SQL_NTS || len < 0
					   ? SQL_NTS
					   : len / (SQLLEN)sizeof(SQLWCHAR));

	if (!u)
		return SQLITE_NOMEM;
	return sqlite3_bind_text(st, i, u, -1, free);
}

static int bind_datetime(sqlite3_stmt *st, int i, const bb_param *p)
{
	char t[40];

	if (p->ctype == SQL_C_TYPE_DATE || p->ctype == SQL_C_DATE) {
		const SQL_DATE_STRUCT *d = p->ptr;

		bb_snprintf(t, sizeof(t), "%04d-%02u-%02u", d->year, d->month,
			    d->day);
	} else if (p->ctype == SQL_C_TYPE_TIME || p->ctype == SQL_C_TIME) {
		const SQL_TIME_STRUCT *d = p->ptr;

		bb_snprintf(t, sizeof(t), "%02u:%02u:%02u", d->hour, d->minute,
			    d->second);
	} else {
		const SQL_TIMESTAMP_STRUCT *d = p->ptr;

		bb_snprintf(t, sizeof(t), "%04d-%02u-%02u %02u:%02u:%02u.%06u",
			    d->year, d->month, d->day, d->hour, d->minute,
			    d->second, (unsigned)(d->fraction / 1000));
	}
	return sqlite3_bind_text(st, i, t, -1, SQLITE_TRANSIENT);
}

/* Binds marker i from p; SQLITE_MISUSE means an unsupported C type. */
static int bind_one(sqlite3_stmt *st, int i, const bb_param *p)
{
	/* The APD may keep the length (OCTET_LENGTH_PTR) and the NULL
	 * indicator (INDICATOR_PTR) apart; SQLBindParameter gives one. */
	SQLLEN len = p->len ? *p->len : SQL_NTS;

	if ((p->ind && *p->ind == SQL_NULL_DATA) || len == SQL_NULL_DATA ||
	    !p->ptr)
		return sqlite3_bind_null(st, i);
	switch (p->ctype) {
	case SQL_C_CHAR:
		return bind_text(st, i, p, len);
	case SQL_C_WCHAR:
		return bind_wtext(st, i, p, len);
	case SQL_C_BIT:
	case SQL_C_UTINYINT:
		return sqlite3_bind_int(st, i, *(const unsigned char *)p->ptr);
	case SQL_C_STINYINT:
	case SQL_C_TINYINT:
		return sqlite3_bind_int(st, i, *(const signed char *)p->ptr);
	case SQL_C_SSHORT:
	case SQL_C_SHORT:
		return sqlite3_bind_int(st, i, *(const SQLSMALLINT *)p->ptr);
	case SQL_C_USHORT:
		return sqlite3_bind_int(st, i, *(const SQLUSMALLINT *)p->ptr);
	case SQL_C_SLONG:
	case SQL_C_LONG:
		return sqlite3_bind_int(st, i, *(const SQLINTEGER *)p->ptr);
	case SQL_C_ULONG:
		return sqlite3_bind_int64(st, i, *(const SQLUINTEGER *)p->ptr);
	case SQL_C_SBIGINT:
		return sqlite3_bind_int64(st, i, *(const SQLBIGINT *)p->ptr);
	case SQL_C_UBIGINT:
		if (*(const SQLUBIGINT *)p->ptr > INT64_MAX)
			return SQLITE_RANGE;
		return sqlite3_bind_int64(
			st, i, (sqlite3_int64) * (const SQLUBIGINT *)p->ptr);
	case SQL_C_DOUBLE:
		return sqlite3_bind_double(st, i, *(const SQLDOUBLE *)p->ptr);
	case SQL_C_FLOAT:
		return sqlite3_bind_double(st, i, *(const SQLREAL *)p->ptr);
	case SQL_C_BINARY:
		return sqlite3_bind_blob(st, i, p->ptr,
					 (int)(len < 0 ? p->buflen : len),
					 SQLITE_TRANSIENT);
	case SQL_C_TYPE_DATE:
	case SQL_C_DATE:
	case SQL_C_TYPE_TIME:
	case SQL_C_TIME:
	case SQL_C_TYPE_TIMESTAMP:
	case SQL_C_TIMESTAMP:
		return bind_datetime(st, i, p);
	}
	return SQLITE_MISUSE;
}

SQLRETURN bb_apply_params(bb_stmt *s)
{
	int n = sqlite3_bind_parameter_count(s->st), i, rc;

	if (n > 0 && bb_desc_param_rows(s) > 1)
		return bb_diag_add(&s->diag, BB_E_NOT_IMPL, 0, NULL,
				   "arrays of parameters are not supported");
	for (i = 1; i <= n; i++) {
		const bb_param *p = i <= s->nparams ? &s->params[i - 1] : NULL;

		if (!p || !p->bound)
			return bb_diag_addf(&s->diag, BB_E_PARAM_COUNT,
					    "parameter %d is not bound", i);
		if (p->ind && (*p->ind == SQL_DATA_AT_EXEC ||
			       *p->ind <= SQL_LEN_DATA_AT_EXEC_OFFSET))
			return bb_diag_add(&s->diag, BB_E_NOT_IMPL, 0, NULL,
					   "data-at-execution parameters are "
					   "not supported yet");
		rc = bind_one(s->st, i, p);
		if (rc == SQLITE_MISUSE)
			return bb_diag_addf(&s->diag, BB_E_BAD_CTYPE,
					    "parameter %d has an unsupported C "
					    "type %d",
					    i, p->ctype);
		if (rc == SQLITE_RANGE)
			return bb_diag_addf(&s->diag, BB_E_RANGE,
					    "parameter %d is out of range", i);
		if (rc != SQLITE_OK)
			return bb_stmt_sqlite_error(s, rc);
	}
	return SQL_SUCCESS;
}
