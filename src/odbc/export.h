/*
 * export.h - what the entry-point files share: handle checks on entry
 * and conversions of the application's strings.
 */
#ifndef BB_EXPORT_H
#define BB_EXPORT_H

#include "util/setup.h"
#include "odbc/handles.h"

/* The connection's lock, held from a call's entry to its return: the
 * cleanup attribute releases it on every way out. NULL holds nothing. */
static inline pthread_mutex_t *bb_hold(pthread_mutex_t *m)
{
	if (m)
		pthread_mutex_lock(m);
	return m;
}

static inline void bb_release(pthread_mutex_t **m)
{
	if (*m)
		pthread_mutex_unlock(*m);
}

#define BB_HOLD(m)                                                       \
	pthread_mutex_t *bb_held_ __attribute__((cleanup(bb_release))) = \
		bb_hold(m)

#define ENTER_ENV(h)                       \
	bb_env *e = bb_env_of(h);          \
	if (!e)                            \
		return SQL_INVALID_HANDLE; \
	bb_diag_clear(&e->diag)

#define ENTER_DBC(h)                       \
	bb_dbc *dbc = bb_dbc_of(h);        \
	if (!dbc)                          \
		return SQL_INVALID_HANDLE; \
	BB_HOLD(&dbc->lock);               \
	bb_diag_clear(&dbc->diag);         \
	bb_trace(&dbc->log, BB_LOG_ODBC, "%s", __func__)

#define ENTER_STMT_ANY(h)                  \
	bb_stmt *s = bb_stmt_of(h);        \
	if (!s)                            \
		return SQL_INVALID_HANDLE; \
	BB_HOLD(&s->dbc->lock);            \
	bb_diag_clear(&s->diag);           \
	bb_trace(&s->dbc->log, BB_LOG_ODBC, "%s", __func__)

#define ENTER_DESC(h)                      \
	bb_desc *d = bb_desc_of(h);        \
	if (!d)                            \
		return SQL_INVALID_HANDLE; \
	BB_HOLD(&d->dbc->lock);            \
	bb_diag_clear(&d->diag);           \
	if (d->dbc->connected)             \
	bb_trace(&d->dbc->log, BB_LOG_ODBC, "%s", __func__)

/* While data-at-execution values are awaited, only SQLParamData,
 * SQLPutData, SQLCancel and SQLFreeStmt (ENTER_STMT_ANY) may run. */
#define ENTER_STMT(h)             \
	ENTER_STMT_ANY(h);        \
	if (bb_params_busy(s)) {  \
		return SQL_ERROR; \
	}                         \
	(void)0

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

/* The shared bodies of ANSI and wide entry points, once their strings
 * are UTF-8; each takes the strings and frees them. */
SQLRETURN bb_connect_taking(bb_dbc *dbc, char *d, char *u, char *p);
SQLRETURN bb_driver_connect_taking(bb_dbc *dbc, char *cs, SQLPOINTER out,
				   SQLSMALLINT out_max, SQLSMALLINT *out_len,
				   bool wide);
SQLRETURN bb_sql_taking(bb_stmt *s, char *sql, bool execute);
SQLRETURN bb_catalog_taking(bb_stmt *s, bool columns, char *a[4]);
SQLRETURN bb_native_sql_taking(bb_dbc *dbc, char *q, SQLPOINTER out,
			       SQLINTEGER out_max, SQLINTEGER *out_len,
			       bool wide);
SQLRETURN bb_diag_rec_out(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec,
			  SQLPOINTER state, SQLINTEGER *native, SQLPOINTER msg,
			  SQLSMALLINT msg_max, SQLSMALLINT *msg_len, bool wide);

#endif
