/*
 * handles.h - the environment, connection and statement handles.
 *
 * Each exported entry point checks its handle's magic, clears its
 * diagnostics and calls the internal bb_* function that does the work;
 * the rest of the driver calls those directly.
 */
#ifndef BB_HANDLES_H
#define BB_HANDLES_H

#include "util/setup.h"
#include "util/err.h"
#include "util/log.h"
#include "config/props.h"
#include "rest/http.h"
#include "engine/engine.h"
#include "odbc/diag.h"
#include "odbc/desc.h"
#include "odbc/cursor.h"
#include "odbc/params.h"

#include <sqlite3.h>
#include <pthread.h>

#define BB_ENV_MAGIC 0x62626531u
#define BB_DBC_MAGIC 0x62626432u
#define BB_STMT_MAGIC 0x62627333u
#define BB_DESC_MAGIC 0x62626434u

/* bb_stmt and bb_dbc are declared in desc.h. */

typedef struct bb_env {
	unsigned magic;
	bb_diag diag;
	SQLINTEGER odbc_version; /* SQL_OV_ODBC3 or SQL_OV_ODBC2 */
	int nconns;              /* connections still allocated */
} bb_env;

struct bb_dbc {
	unsigned magic;
	bb_diag diag;
	bb_env *env; /* borrowed; the owner */
	bool connected;
	bb_props props;   /* owned */
	bb_log log;       /* owned; request log and trace */
	bb_http http;     /* owned; valid while connected */
	bb_engine engine; /* owned; valid while connected */
	bb_stmt *stmts;   /* list of this connection's statements */
	SQLUINTEGER login_timeout;
	SQLUINTEGER autocommit;
	SQLUINTEGER access_mode;
	SQLUINTEGER txn_isolation;
	SQLUINTEGER query_timeout;
	char *current_catalog; /* owned; what the app set, or NULL */
	bool catalog_ready;    /* the catalog tables exist in the engine */
	char *browse;          /* owned; SQLBrowseConnect's rounds so far */
	pthread_mutex_t lock;  /* held by every call on the connection, its
				* statements and descriptors (recursive);
				* SQLCancel alone runs beside them */
	bb_desc *descs;        /* owned; explicit descriptors (desc.c) */
};

/* What an application bound to one result column. */
typedef struct bb_binding {
	SQLSMALLINT ctype;
	SQLPOINTER ptr; /* borrowed from the application */
	SQLLEN buflen;
	SQLLEN *ind; /* borrowed; SQL_DESC_INDICATOR_PTR */
	SQLLEN *len; /* borrowed; SQL_DESC_OCTET_LENGTH_PTR (ind or apart) */
} bb_binding;

/* What an application bound to one parameter marker (SQLBindParameter);
 * with arrays, ptr, ind and len are the first set's (params.h). */
typedef struct bb_param {
	SQLSMALLINT ctype;
	SQLSMALLINT sql_type;
	SQLPOINTER ptr; /* borrowed from the application */
	SQLLEN buflen;
	SQLLEN *ind; /* borrowed; SQL_DESC_INDICATOR_PTR */
	SQLLEN *len; /* borrowed; SQL_DESC_OCTET_LENGTH_PTR (ind or apart) */
	bool bound;
} bb_param;

/* What the driver reports for one result column. */
typedef struct bb_colinfo {
	char *name;      /* owned; label */
	char *base_name; /* owned; the table's column, or "" */
	char *table;     /* owned; the table, or "" */
	SQLSMALLINT sql_type;
	SQLULEN size;
	SQLSMALLINT digits;
	SQLSMALLINT nullable;
} bb_colinfo;

struct bb_stmt {
	unsigned magic;
	bb_diag diag;
	bb_dbc *dbc;      /* borrowed; the owner */
	bb_stmt *next;    /* in dbc->stmts */
	sqlite3_stmt *st; /* owned; the prepared statement */
	bool prepared;    /* st holds an application's statement */
	bool by_prepare;  /* SQLPrepare made it: it outlives its cursor */
	bool executed;    /* a result set is open or counted */
	bool row_ready;   /* st is on a row not yet fetched */
	bool fetched;     /* the app is on a row (GetData allowed) */
	bool done;        /* no more rows */
	int ncols;
	bb_colinfo *cols;  /* owned; ncols entries */
	bb_binding *binds; /* owned; nbinds entries, 1-based by col */
	int nbinds;
	bb_param *params; /* owned; nparams entries, 1-based */
	int nparams;
	int gd_col;       /* column of the last SQLGetData, or 0 */
	size_t gd_offset; /* how much of it was returned */
	SQLLEN row_count;
	SQLULEN max_rows;
	SQLULEN row_array_size;
	SQLULEN *rows_fetched;    /* borrowed from the application */
	SQLUSMALLINT *row_status; /* borrowed from the application */
	SQLULEN query_timeout;
	SQLULEN cursor_type;
	SQLULEN concurrency;
	SQLULEN bind_type;
	SQLULEN *bind_offset;      /* borrowed from the application */
	SQLULEN rows_seen;         /* rows fetched in this result set */
	char *cursor_name;         /* owned; SQLSetCursorName's, or NULL */
	SQLPOINTER fetch_bookmark; /* borrowed; SQL_ATTR_FETCH_BOOKMARK_PTR */
	bool params_stale;         /* the APD changed while data was awaited */
	bb_desc descs[4];          /* the implicit ARD, APD, IRD and IPD */
	bb_desc *ard;              /* borrowed; descs[0] or an explicit one */
	bb_desc *apd;              /* borrowed; descs[1] or an explicit one */
	const char *const *decls;  /* static; declared types of an internal
				    * result's columns (catalog functions) */
	bb_cursor cur; /* owned; block cursor position, static rows */
	bb_pexec px;   /* parameter arrays and data-at-execution (params.h) */
};

/* Handle checks for the entry points. */
bb_env *bb_env_of(SQLHANDLE h);
bb_dbc *bb_dbc_of(SQLHANDLE h);
bb_stmt *bb_stmt_of(SQLHANDLE h);

/* Internal functions behind the entry points (odbc/env.c, conn.c,
 * stmt.c, fetch.c, info.c, catalog.c). Strings are UTF-8. */
SQLRETURN bb_alloc_handle(SQLSMALLINT type, SQLHANDLE in, SQLHANDLE *out);
SQLRETURN bb_free_handle(SQLSMALLINT type, SQLHANDLE h);
SQLRETURN bb_set_env_attr(bb_env *env, SQLINTEGER attr, SQLPOINTER val);
SQLRETURN bb_get_env_attr(bb_env *env, SQLINTEGER attr, SQLPOINTER val,
			  SQLINTEGER buflen, SQLINTEGER *outlen);

SQLRETURN bb_connect(bb_dbc *dbc, const char *conn_str, char **out_str);
SQLRETURN bb_disconnect(bb_dbc *dbc);
SQLRETURN bb_set_connect_attr(bb_dbc *dbc, SQLINTEGER attr, SQLPOINTER val,
			      SQLINTEGER len);
SQLRETURN bb_get_connect_attr(bb_dbc *dbc, SQLINTEGER attr, SQLPOINTER val,
			      SQLINTEGER buflen, SQLINTEGER *outlen, bool wide);
SQLRETURN bb_end_tran(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT op);

SQLRETURN bb_prepare(bb_stmt *s, const char *sql);
SQLRETURN bb_execute(bb_stmt *s);
SQLRETURN bb_exec_direct(bb_stmt *s, const char *sql);
SQLRETURN bb_close_cursor(bb_stmt *s, bool must_be_open);
/* Resets the engine statement and the cursor's position, leaving the
 * execution (the next sets of an array) as it is. */
void bb_result_reset(bb_stmt *s);
/* True while a result set is open (states S5 to S7). */
bool bb_stmt_cursor_open(const bb_stmt *s);
SQLRETURN bb_free_stmt(bb_stmt *s, SQLUSMALLINT option);
SQLRETURN bb_num_result_cols(bb_stmt *s, SQLSMALLINT *n);
SQLRETURN bb_row_count(bb_stmt *s, SQLLEN *n);
SQLRETURN bb_describe_col(bb_stmt *s, SQLUSMALLINT col, const bb_colinfo **ci);
SQLRETURN bb_col_attribute(bb_stmt *s, SQLUSMALLINT col, SQLUSMALLINT field,
			   SQLPOINTER cbuf, SQLSMALLINT buflen,
			   SQLSMALLINT *outlen, SQLLEN *num, bool wide);
/* One field of a column's description (attr.c), for SQLColAttribute
 * and the IRD: a number (false if the field is not one), or text (NULL
 * if the field is not text). */
bool bb_colinfo_num(const bb_colinfo *ci, SQLUSMALLINT field, SQLLEN *out,
		    SQLSMALLINT ncols);
const char *bb_colinfo_text(const bb_colinfo *ci, SQLUSMALLINT field);
SQLRETURN bb_set_stmt_attr(bb_stmt *s, SQLINTEGER attr, SQLPOINTER val,
			   SQLINTEGER len);
SQLRETURN bb_get_stmt_attr(bb_stmt *s, SQLINTEGER attr, SQLPOINTER val,
			   SQLINTEGER buflen, SQLINTEGER *outlen);
/* Finalizes the engine statement and frees the result description. */
void bb_stmt_release(bb_stmt *s);
/* A failed SQLite call as a diagnostic (the API's failure if any). */
SQLRETURN bb_stmt_sqlite_error(bb_stmt *s, int rc);
/* Runs SQL the driver wrote itself (catalog functions) as the result. */
SQLRETURN bb_exec_internal(bb_stmt *s, const char *sql, const char **args,
			   int nargs, const char *const *decls);

SQLRETURN bb_bind_col(bb_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype,
		      SQLPOINTER ptr, SQLLEN buflen, SQLLEN *ind);
SQLRETURN bb_fetch(bb_stmt *s);
SQLRETURN bb_bind_param(bb_stmt *s, SQLUSMALLINT n, SQLSMALLINT io,
			SQLSMALLINT ctype, SQLSMALLINT sql_type, SQLPOINTER ptr,
			SQLLEN buflen, SQLLEN *ind);
/* Runs the prepared statement once its markers have their values: steps
 * to the first row or to the end, describes the result (stmt.c). */
SQLRETURN bb_stmt_run(bb_stmt *s);
/* rc, or SQL_NO_DATA for a searched UPDATE or DELETE that changed no
 * row (ODBC 3 applications). */
SQLRETURN bb_stmt_no_rows(bb_stmt *s, SQLRETURN rc);
SQLRETURN bb_fetch_scroll(bb_stmt *s, SQLSMALLINT orient, SQLLEN offset);
SQLRETURN bb_get_data(bb_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype,
		      SQLPOINTER ptr, SQLLEN buflen, SQLLEN *ind);

SQLRETURN bb_get_info(bb_dbc *dbc, SQLUSMALLINT type, SQLPOINTER val,
		      SQLSMALLINT buflen, SQLSMALLINT *outlen, bool wide);
SQLRETURN bb_get_functions(bb_dbc *dbc, SQLUSMALLINT id,
			   SQLUSMALLINT *supported);
SQLRETURN bb_get_type_info(bb_stmt *s, SQLSMALLINT type);
/* The catalog's tables and sys_* views in the engine (catalog.c): set up
 * at connect; bb_catalog_ready repeats it if that failed. */
int bb_catalog_setup(sqlite3 *db, const char *default_ws, const char *user,
		     bool odbc2);
SQLRETURN bb_catalog_ready(bb_stmt *s);
const char *bb_catalog_schema(bb_stmt *s);
const char *bb_catalog_pattern(const char *p);
SQLRETURN bb_primary_keys(bb_stmt *s, const char *cat, const char *schem,
			  const char *table);
SQLRETURN bb_foreign_keys(bb_stmt *s, const char *pk_table,
			  const char *fk_table);
SQLRETURN bb_statistics(bb_stmt *s, const char *table, SQLUSMALLINT unique);
SQLRETURN bb_special_columns(bb_stmt *s, SQLUSMALLINT type, const char *table);
SQLRETURN bb_procedures(bb_stmt *s);
SQLRETURN bb_procedure_columns(bb_stmt *s);
SQLRETURN bb_table_privileges(bb_stmt *s, const char *table);
SQLRETURN bb_column_privileges(bb_stmt *s, const char *table,
			       const char *column);
SQLRETURN bb_catalog_tables(bb_stmt *s, const char *cat, const char *schem,
			    const char *table, const char *types);
SQLRETURN bb_catalog_columns(bb_stmt *s, const char *cat, const char *schem,
			     const char *table, const char *column);

/* Copies UTF-8 text to an application's buffer as UTF-8 or UTF-16;
 * lengths in bytes (ANSI) or characters (wide) as ODBC wants; 01004 on
 * truncation, recorded on diag. */
SQLRETURN bb_out_str(bb_diag *diag, const char *s, SQLPOINTER buf,
		     SQLLEN buflen, SQLLEN *outlen, bool wide);
SQLRETURN bb_out_str_small(bb_diag *diag, const char *s, SQLPOINTER buf,
			   SQLSMALLINT buflen, SQLSMALLINT *outlen, bool wide);

#endif
