/*
 * export.h - what the entry-point files share: handle checks on entry
 * and conversions of the application's strings.
 */
#ifndef BB_EXPORT_H
#define BB_EXPORT_H

#include "util/setup.h"
#include "odbc/handles.h"

#define ENTER_ENV(h)                       \
	bb_env *e = bb_env_of(h);          \
	if (!e)                            \
		return SQL_INVALID_HANDLE; \
	bb_diag_clear(&e->diag)

#define ENTER_DBC(h)                       \
	bb_dbc *dbc = bb_dbc_of(h);        \
	if (!dbc)                          \
		return SQL_INVALID_HANDLE; \
	bb_diag_clear(&dbc->diag);         \
	bb_trace(&dbc->log, BB_LOG_ODBC, "%s", __func__)

#define ENTER_STMT(h)                      \
	bb_stmt *s = bb_stmt_of(h);        \
	if (!s)                            \
		return SQL_INVALID_HANDLE; \
	bb_diag_clear(&s->diag);           \
	bb_trace(&s->dbc->log, BB_LOG_ODBC, "%s", __func__)

/* An application's ANSI string as a fresh UTF-8 copy (NULL stays NULL). */
char *bb_in_str(const SQLCHAR *s, SQLLEN len);
/* An application's wide string as a fresh UTF-8 copy (NULL stays NULL). */
char *bb_in_wstr(const SQLWCHAR *s, SQLLEN len);
bb_diag *bb_diag_of(SQLSMALLINT type, SQLHANDLE h);
char *bb_connect_string(const char *dsn, const char *uid, const char *pwd);
SQLRETURN bb_describe_out(bb_stmt *s, SQLUSMALLINT col, SQLPOINTER name,
			  SQLSMALLINT name_max, SQLSMALLINT *name_len,
			  SQLSMALLINT *type, SQLULEN *size, SQLSMALLINT *digits,
			  SQLSMALLINT *nullable, bool wide);

#endif
