/*
 * exports.c - the ANSI ODBC entry points the driver manager calls.
 *
 * Each one checks its handle, clears the handle's diagnostics, traces the
 * call and hands over to the internal bb_* function; strings from the
 * application are UTF-8. The wide (W) forms are in exports_w.c.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/export.h"
#include "util/str.h"
#include "sql/rewrite.h"
#include "odbc/types.h"

char *bb_in_str(const SQLCHAR *s, SQLLEN len)
{
	if (!s)
		return NULL;
	if (len == SQL_NTS || len < 0)
		return bb_strdup((const char *)s);
	return bb_strndup((const char *)s, (size_t)len);
}

bb_diag *bb_diag_of(SQLSMALLINT type, SQLHANDLE h)
{
	bb_env *e;
	bb_dbc *d;
	bb_stmt *s;
	bb_desc *dd;

	switch (type) {
	case SQL_HANDLE_ENV:
		return (e = bb_env_of(h)) ? &e->diag : NULL;
	case SQL_HANDLE_DBC:
		return (d = bb_dbc_of(h)) ? &d->diag : NULL;
	case SQL_HANDLE_STMT:
		return (s = bb_stmt_of(h)) ? &s->diag : NULL;
	case SQL_HANDLE_DESC:
		return (dd = bb_desc_of(h)) ? &dd->diag : NULL;
	}
	return NULL;
}

SQLRETURN SQL_API SQLAllocHandle(SQLSMALLINT type, SQLHANDLE in, SQLHANDLE *out)
{
	bb_diag *d = bb_diag_of(type == SQL_HANDLE_DBC   ? SQL_HANDLE_ENV
				: type == SQL_HANDLE_ENV ? -1
							 : SQL_HANDLE_DBC,
				in);
	bb_dbc *dbc = type == SQL_HANDLE_STMT || type == SQL_HANDLE_DESC
			      ? bb_dbc_of(in)
			      : NULL;
	/* A new statement or descriptor joins its connection's lists. */
	BB_HOLD(dbc ? &dbc->lock : NULL);

	if (d)
		bb_diag_clear(d);
	return bb_alloc_handle(type, in, out);
}

SQLRETURN SQL_API SQLFreeHandle(SQLSMALLINT type, SQLHANDLE h)
{
	bb_diag *d = bb_diag_of(type, h);
	bb_stmt *s = type == SQL_HANDLE_STMT ? bb_stmt_of(h) : NULL;
	bb_desc *dd = type == SQL_HANDLE_DESC ? bb_desc_of(h) : NULL;
	/* A statement or descriptor leaves its connection's lists. */
	BB_HOLD(s ? &s->dbc->lock : dd ? &dd->dbc->lock : NULL);

	/* A refusal (HY010) must be the only record the handle then holds. */
	if (d)
		bb_diag_clear(d);
	return bb_free_handle(type, h);
}

SQLRETURN SQL_API SQLFreeStmt(SQLHSTMT h, SQLUSMALLINT option)
{
	ENTER_STMT_ANY(h);
	return bb_desc_free_stmt(s, option);
}

SQLRETURN SQL_API SQLSetEnvAttr(SQLHENV h, SQLINTEGER attr, SQLPOINTER val,
				SQLINTEGER len)
{
	ENTER_ENV(h);
	return bb_set_env_attr(e, attr, val);
}

SQLRETURN SQL_API SQLGetEnvAttr(SQLHENV h, SQLINTEGER attr, SQLPOINTER val,
				SQLINTEGER buflen, SQLINTEGER *outlen)
{
	ENTER_ENV(h);
	return bb_get_env_attr(e, attr, val, buflen, outlen);
}

/* Builds "DSN={x};UID={y};PWD={z}" for SQLConnect, braced so any
 * character in the three survives the parser. */
char *bb_connect_string(const char *dsn, const char *uid, const char *pwd)
{
	const char *keys[3] = {"DSN", "UID", "PWD"};
	const char *vals[3] = {dsn, uid, pwd};
	bb_buf b;
	int i;

	bb_buf_init(&b);
	for (i = 0; i < 3; i++) {
		const char *p;

		if (!vals[i] || (i > 0 && !*vals[i]))
			continue;
		bb_buf_printf(&b, "%s={", keys[i]);
		for (p = vals[i]; *p; p++) {
			if (*p == '}')
				bb_buf_putc(&b, '}');
			bb_buf_putc(&b, *p);
		}
		bb_buf_puts(&b, "};");
	}
	return bb_buf_steal(&b);
}

/* SQLConnect(W) once the strings are UTF-8: takes and frees them. */
SQLRETURN bb_connect_taking(bb_dbc *dbc, char *d, char *u, char *p)
{
	char *cs = bb_connect_string(d ? d : "", u, p);
	SQLRETURN rc = cs ? bb_connect(dbc, cs, NULL)
			  : bb_diag_add(&dbc->diag, BB_E_NOMEM, 0, NULL, NULL);

	if (p)
		bb_wipe(p);
	if (cs)
		bb_wipe(cs);
	free(d);
	free(u);
	free(p);
	free(cs);
	return rc;
}

/* SQLDriverConnect(W) once the string is UTF-8: takes and frees it. */
SQLRETURN bb_driver_connect_taking(bb_dbc *dbc, char *cs, SQLPOINTER out,
				   SQLSMALLINT out_max, SQLSMALLINT *out_len,
				   bool wide)
{
	char *full = NULL;
	SQLRETURN rc, rc2;

	rc = bb_connect(dbc, cs ? cs : "", &full);
	if (cs)
		bb_wipe(cs);
	free(cs);
	if (SQL_SUCCEEDED(rc) && full) {
		rc2 = bb_out_str_small(&dbc->diag, full, out, out_max, out_len,
				       wide);
		if (rc2 != SQL_SUCCESS)
			rc = rc2;
	}
	if (full)
		bb_wipe(full);
	free(full);
	return rc;
}

SQLRETURN SQL_API SQLConnect(SQLHDBC h, SQLCHAR *dsn, SQLSMALLINT dsn_len,
			     SQLCHAR *uid, SQLSMALLINT uid_len, SQLCHAR *pwd,
			     SQLSMALLINT pwd_len)
{
	ENTER_DBC(h);
	return bb_connect_taking(dbc, bb_in_str(dsn, dsn_len),
				 bb_in_str(uid, uid_len),
				 bb_in_str(pwd, pwd_len));
}

SQLRETURN SQL_API SQLDriverConnect(SQLHDBC h, SQLHWND hwnd, SQLCHAR *in,
				   SQLSMALLINT in_len, SQLCHAR *out,
				   SQLSMALLINT out_max, SQLSMALLINT *out_len,
				   SQLUSMALLINT completion)
{
	ENTER_DBC(h);
	return bb_driver_connect_taking(dbc, bb_in_str(in, in_len), out,
					out_max, out_len, false);
}

SQLRETURN SQL_API SQLDisconnect(SQLHDBC h)
{
	ENTER_DBC(h);
	return bb_disconnect(dbc);
}

SQLRETURN SQL_API SQLSetConnectAttr(SQLHDBC h, SQLINTEGER attr, SQLPOINTER val,
				    SQLINTEGER len)
{
	ENTER_DBC(h);
	return bb_set_connect_attr(dbc, attr, val, len);
}

SQLRETURN SQL_API SQLGetConnectAttr(SQLHDBC h, SQLINTEGER attr, SQLPOINTER val,
				    SQLINTEGER buflen, SQLINTEGER *outlen)
{
	ENTER_DBC(h);
	return bb_get_connect_attr(dbc, attr, val, buflen, outlen, false);
}

SQLRETURN SQL_API SQLSetStmtAttr(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER val,
				 SQLINTEGER len)
{
	ENTER_STMT(h);
	return bb_desc_set_stmt_attr(s, attr, val, len);
}

SQLRETURN SQL_API SQLGetStmtAttr(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER val,
				 SQLINTEGER buflen, SQLINTEGER *outlen)
{
	ENTER_STMT(h);
	return bb_desc_get_stmt_attr(s, attr, val, buflen, outlen);
}

SQLRETURN SQL_API SQLGetInfo(SQLHDBC h, SQLUSMALLINT type, SQLPOINTER val,
			     SQLSMALLINT buflen, SQLSMALLINT *outlen)
{
	ENTER_DBC(h);
	return bb_get_info(dbc, type, val, buflen, outlen, false);
}

SQLRETURN SQL_API SQLGetFunctions(SQLHDBC h, SQLUSMALLINT id,
				  SQLUSMALLINT *supported)
{
	ENTER_DBC(h);
	return bb_get_functions(dbc, id, supported);
}

SQLRETURN SQL_API SQLGetTypeInfo(SQLHSTMT h, SQLSMALLINT type)
{
	ENTER_STMT(h);
	return bb_get_type_info(s, type);
}

/* SQLPrepare(W) and SQLExecDirect(W) once the SQL is UTF-8: takes and
 * frees it. */
SQLRETURN bb_sql_taking(bb_stmt *s, char *sql, bool execute)
{
	SQLRETURN rc;

	if (!sql)
		return bb_diag_add(&s->diag, BB_E_BAD_LENGTH, 0, NULL, NULL);
	rc = execute ? bb_exec_direct(s, sql) : bb_prepare(s, sql);
	if (!execute && SQL_SUCCEEDED(rc))
		s->by_prepare = true;
	free(sql);
	return rc;
}

SQLRETURN SQL_API SQLPrepare(SQLHSTMT h, SQLCHAR *sql, SQLINTEGER len)
{
	ENTER_STMT(h);
	return bb_sql_taking(s, bb_in_str(sql, len), false);
}

SQLRETURN SQL_API SQLExecute(SQLHSTMT h)
{
	ENTER_STMT(h);
	return bb_execute(s);
}

SQLRETURN SQL_API SQLExecDirect(SQLHSTMT h, SQLCHAR *sql, SQLINTEGER len)
{
	ENTER_STMT(h);
	return bb_sql_taking(s, bb_in_str(sql, len), true);
}

SQLRETURN SQL_API SQLNumResultCols(SQLHSTMT h, SQLSMALLINT *n)
{
	ENTER_STMT(h);
	return bb_num_result_cols(s, n);
}

SQLRETURN bb_describe_out(bb_stmt *s, SQLUSMALLINT col, SQLPOINTER name,
			  SQLSMALLINT name_max, SQLSMALLINT *name_len,
			  SQLSMALLINT *type, SQLULEN *size, SQLSMALLINT *digits,
			  SQLSMALLINT *nullable, bool wide)
{
	const bb_colinfo *ci;
	SQLRETURN rc = bb_describe_col(s, col, &ci);

	if (rc != SQL_SUCCESS)
		return rc;
	if (type)
		*type = bb_type_for_app(ci->sql_type, s->diag.odbc2);
	if (size)
		*size = ci->size;
	if (digits)
		*digits = ci->digits;
	if (nullable)
		*nullable = ci->nullable;
	return bb_out_str_small(&s->diag, ci->name, name, name_max, name_len,
				wide);
}

SQLRETURN SQL_API SQLDescribeCol(SQLHSTMT h, SQLUSMALLINT col, SQLCHAR *name,
				 SQLSMALLINT name_max, SQLSMALLINT *name_len,
				 SQLSMALLINT *type, SQLULEN *size,
				 SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
	ENTER_STMT(h);
	return bb_describe_out(s, col, name, name_max, name_len, type, size,
			       digits, nullable, false);
}

SQLRETURN SQL_API SQLColAttribute(SQLHSTMT h, SQLUSMALLINT col,
				  SQLUSMALLINT field, SQLPOINTER cbuf,
				  SQLSMALLINT buflen, SQLSMALLINT *outlen,
				  SQLLEN *num)
{
	ENTER_STMT(h);
	return bb_col_attribute(s, col, field, cbuf, buflen, outlen, num,
				false);
}

SQLRETURN SQL_API SQLBindCol(SQLHSTMT h, SQLUSMALLINT col, SQLSMALLINT ctype,
			     SQLPOINTER ptr, SQLLEN buflen, SQLLEN *ind)
{
	ENTER_STMT(h);
	return bb_desc_bind_col(s, col, ctype, ptr, buflen, ind);
}

SQLRETURN SQL_API SQLFetch(SQLHSTMT h)
{
	ENTER_STMT(h);
	return bb_fetch(s);
}

SQLRETURN SQL_API SQLFetchScroll(SQLHSTMT h, SQLSMALLINT orient, SQLLEN offset)
{
	ENTER_STMT(h);
	return bb_fetch_scroll(s, orient, offset);
}

SQLRETURN SQL_API SQLGetData(SQLHSTMT h, SQLUSMALLINT col, SQLSMALLINT ctype,
			     SQLPOINTER ptr, SQLLEN buflen, SQLLEN *ind)
{
	ENTER_STMT(h);
	return bb_get_data(s, col, ctype, ptr, buflen, ind);
}

SQLRETURN SQL_API SQLRowCount(SQLHSTMT h, SQLLEN *n)
{
	ENTER_STMT(h);
	return bb_row_count(s, n);
}

SQLRETURN SQL_API SQLCloseCursor(SQLHSTMT h)
{
	ENTER_STMT(h);
	return bb_close_cursor(s, true);
}

SQLRETURN SQL_API SQLMoreResults(SQLHSTMT h)
{
	ENTER_STMT(h);
	/* A SELECT with an array of parameters has a result set per set. */
	return bb_more_results(s);
}

SQLRETURN SQL_API SQLCancel(SQLHSTMT h)
{
	bb_stmt *s = bb_stmt_of(h);

	if (!s)
		return SQL_INVALID_HANDLE;
	/* A call of another thread holds the connection: its transfers
	 * abort and the engine stops at its next row; nothing else of the
	 * statement is touched from here. */
	if (pthread_mutex_trylock(&s->dbc->lock) != 0) {
		bb_http_cancel(&s->dbc->http);
		sqlite3_interrupt(s->dbc->engine.db);
		return SQL_SUCCESS;
	}
	/* Nothing runs: an execution awaiting data-at-execution values is
	 * dropped; otherwise, as ODBC 3.5 says, no effect. */
	bb_diag_clear(&s->diag);
	if (bb_params_need_data(s))
		bb_params_abandon(s);
	pthread_mutex_unlock(&s->dbc->lock);
	return SQL_SUCCESS;
}

SQLRETURN SQL_API SQLNumParams(SQLHSTMT h, SQLSMALLINT *n)
{
	ENTER_STMT(h);
	if (!s->prepared)
		return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL, NULL);
	if (n)
		*n = (SQLSMALLINT)sqlite3_bind_parameter_count(s->st);
	return SQL_SUCCESS;
}

/* SQLNativeSql(W): the SQL the engine runs for the application's text
 * (escapes and dialect rewritten); takes and frees q. */
SQLRETURN bb_native_sql_taking(bb_dbc *dbc, char *q, SQLPOINTER out,
			       SQLINTEGER out_max, SQLINTEGER *out_len,
			       bool wide)
{
	bb_sql_info info;
	bb_err err;
	bb_buf sql;
	SQLLEN n = 0;
	SQLRETURN rc;

	if (!q)
		return bb_diag_add(&dbc->diag, BB_E_BAD_LENGTH, 0, NULL, NULL);
	if (!dbc->connected) {
		free(q);
		return bb_diag_add(&dbc->diag, BB_E_NOT_CONNECTED, 0, NULL,
				   NULL);
	}
	bb_buf_init(&sql);
	if (!bb_sql_rewrite(q, &sql, &info, &err)) {
		rc = bb_diag_err(&dbc->diag, &err, "sql");
	} else {
		rc = bb_out_str(&dbc->diag, sql.data ? sql.data : "", out,
				out_max, &n, wide);
		if (out_len)
			*out_len = (SQLINTEGER)n;
	}
	bb_buf_free(&sql);
	free(q);
	return rc;
}

SQLRETURN SQL_API SQLNativeSql(SQLHDBC h, SQLCHAR *in, SQLINTEGER in_len,
			       SQLCHAR *out, SQLINTEGER out_max,
			       SQLINTEGER *out_len)
{
	ENTER_DBC(h);
	return bb_native_sql_taking(dbc, bb_in_str(in, in_len), out, out_max,
				    out_len, false);
}

/* SQLGetDiagRec(W): the SQLSTATE as 5 characters and the message, in
 * the application's width. */
SQLRETURN bb_diag_rec_out(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec,
			  SQLPOINTER state, SQLINTEGER *native, SQLPOINTER msg,
			  SQLSMALLINT msg_max, SQLSMALLINT *msg_len, bool wide)
{
	bb_diag *d = bb_diag_of(type, h);
	const char *text;
	SQLINTEGER nat;
	SQLRETURN rc;
	char st[6];
	int i;

	if (!d)
		return SQL_INVALID_HANDLE;
	if (msg_max < 0)
		return SQL_ERROR;
	rc = bb_get_diag_rec(d, rec, st, &nat, &text);
	if (rc != SQL_SUCCESS)
		return rc;
	for (i = 0; state && i < 6; i++) {
		if (wide)
			((SQLWCHAR *)state)[i] = (SQLWCHAR)(unsigned char)st[i];
		else
			((SQLCHAR *)state)[i] = (SQLCHAR)st[i];
	}
	if (native)
		*native = nat;
	return bb_out_str_small(NULL, text, msg, msg_max, msg_len, wide);
}

SQLRETURN SQL_API SQLGetDiagRec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec,
				SQLCHAR *state, SQLINTEGER *native,
				SQLCHAR *msg, SQLSMALLINT msg_max,
				SQLSMALLINT *msg_len)
{
	return bb_diag_rec_out(type, h, rec, state, native, msg, msg_max,
			       msg_len, false);
}

SQLRETURN SQL_API SQLGetDiagField(SQLSMALLINT type, SQLHANDLE h,
				  SQLSMALLINT rec, SQLSMALLINT field,
				  SQLPOINTER val, SQLSMALLINT buflen,
				  SQLSMALLINT *outlen)
{
	bb_diag *d = bb_diag_of(type, h);

	if (!d)
		return SQL_INVALID_HANDLE;
	return bb_get_diag_field(d, type, rec, field, val, buflen, outlen,
				 false);
}

/* SQLTables(W) and SQLColumns(W) once the arguments are UTF-8: takes
 * and frees them. */
SQLRETURN bb_catalog_taking(bb_stmt *s, bool columns, char *a[4])
{
	SQLRETURN rc = columns ? bb_catalog_columns(s, a[0], a[1], a[2], a[3])
			       : bb_catalog_tables(s, a[0], a[1], a[2], a[3]);
	int i;

	for (i = 0; i < 4; i++)
		free(a[i]);
	return rc;
}

SQLRETURN SQL_API SQLTables(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len,
			    SQLCHAR *schem, SQLSMALLINT schem_len,
			    SQLCHAR *table, SQLSMALLINT table_len,
			    SQLCHAR *types, SQLSMALLINT types_len)
{
	ENTER_STMT(h);
	char *a[4] = {bb_in_str(cat, cat_len), bb_in_str(schem, schem_len),
		      bb_in_str(table, table_len), bb_in_str(types, types_len)};

	return bb_catalog_taking(s, false, a);
}

SQLRETURN SQL_API SQLColumns(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len,
			     SQLCHAR *schem, SQLSMALLINT schem_len,
			     SQLCHAR *table, SQLSMALLINT table_len,
			     SQLCHAR *col, SQLSMALLINT col_len)
{
	ENTER_STMT(h);
	char *a[4] = {bb_in_str(cat, cat_len), bb_in_str(schem, schem_len),
		      bb_in_str(table, table_len), bb_in_str(col, col_len)};

	return bb_catalog_taking(s, true, a);
}

SQLRETURN SQL_API SQLEndTran(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT op)
{
	bb_diag *d = bb_diag_of(type, h);

	if (d)
		bb_diag_clear(d);
	return bb_end_tran(type, h, op);
}

SQLRETURN SQL_API SQLBindParameter(SQLHSTMT h, SQLUSMALLINT n, SQLSMALLINT io,
				   SQLSMALLINT ctype, SQLSMALLINT sql_type,
				   SQLULEN size, SQLSMALLINT digits,
				   SQLPOINTER ptr, SQLLEN buflen, SQLLEN *ind)
{
	ENTER_STMT(h);
	return bb_desc_bind_param(s, n, io, ctype, sql_type, size, digits, ptr,
				  buflen, ind);
}
