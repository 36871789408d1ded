/*
 * test_bi_replay.c - the ODBC call sequences of Power BI Desktop, Excel
 * (Power Query and the older Microsoft Query) and Tableau, replayed call
 * for call through unixODBC's driver manager against the emulator: they
 * connect, ask what the driver can do, list the tables, preview one and
 * load it. Every return code is checked against the one the ODBC
 * Programmer's Reference requires; where a tool relies on an answer
 * (an SQLGetInfo value, a table in the list, the rows of a preview) the
 * answer is checked too, the rows against what the emulator holds.
 *
 * Each sequence is a table of steps (the `seq_*` arrays below), written
 * from the tools' published traces and documentation; the comment above
 * each names its sources. A mismatch prints the tool, the step, the call,
 * and the SQLSTATE and message the driver gave.
 *
 * Run by bi_replay.py (under with_emulator.sh), which sets BBODBC_CONN
 * and the BBR_* answers read from the emulator directly.
 */
#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the step table ------------------------------------------------ */

typedef enum op {
	/* handles and attributes */
	O_ENV_ATTR,  /* SQLSetEnvAttr(n1, n2) */
	O_ALLOC_DBC, /* SQLAllocHandle(SQL_HANDLE_DBC) */
	O_CONN_ATTR, /* SQLSetConnectAttrW(n1, n2) */
	O_CONNECT,   /* SQLDriverConnectW(BBODBC_CONN, NOPROMPT) */
	O_ALLOC_STMT,
	O_STMT_ATTR,     /* SQLSetStmtAttrW(n1, n2) */
	O_GET_STMT_ATTR, /* SQLGetStmtAttrW(n1) == n2 */
	O_FREE_STMT,     /* SQLFreeStmt(n1) */
	O_CLOSE_CURSOR,  /* SQLCloseCursor */
	O_DROP_STMT,     /* SQLFreeHandle(SQL_HANDLE_STMT) */
	O_DISCONNECT,    /* SQLDisconnect + SQLFreeHandle(DBC) */
	/* what the driver can do */
	O_INFO_STR,  /* SQLGetInfoW(n1) == want (NULL: any) */
	O_INFO_U16,  /* SQLGetInfoW(n1) == n2 (-1: any) */
	O_INFO_U32,  /* SQLGetInfoW(n1) has every bit of n2 */
	O_FUNCS_ALL, /* SQLGetFunctions(ALL): each of ids[] set */
	O_FUNC,      /* SQLGetFunctions(n1) == n2 */
	/* catalog calls; NULL strings are NULL pointers */
	O_TYPE_INFO, /* SQLGetTypeInfoW(n1) */
	O_TABLES,    /* SQLTablesW(s[0..3]) */
	O_COLUMNS,   /* SQLColumnsW(s[0..3]) */
	O_PKEYS,     /* SQLPrimaryKeysW(s[0..2]) */
	O_FKEYS,     /* SQLForeignKeysW(s[0..5]) */
	O_STATS,     /* SQLStatisticsW(s[0..2], n1, n2) */
	/* statements and results */
	O_EXEC,      /* SQLExecDirectW(s[0]) */
	O_EXEC_COLS, /* SQLExecDirectW of "select <slot n1's names> from s[1]" */
	O_PREPARE,   /* SQLPrepareW(s[0]) */
	O_EXECUTE,   /* SQLExecute */
	O_BIND_PARAM, /* SQLBindParameter(n1, WCHAR s[0] as SQL_WVARCHAR) */
	O_NCOLS,      /* SQLNumResultCols == n1 (-1: slot's rows) */
	O_COLATTRS, /* SQLColAttributeW, Power Query's 7 fields, every column */
	O_DESCRIBE, /* SQLDescribeColW, every column */
	O_READ,     /* SQLFetch + SQLGetData(WCHAR) every column, <= n1 rows */
	O_BLOCK,  /* typed SQLBindCol arrays of n1 rows, SQLFetch to the end */
	O_SCROLL, /* SQLFetchScroll(n1, n2) */
	O_LONG,   /* SQLGetData(col n1) in pieces of n2 WCHARs == want */
	O_MORE,   /* SQLMoreResults */
	/* checks on a result kept in slot */
	C_ROWS,    /* n1 <= rows <= n2 (n2 < 0: no upper bound) */
	C_ROWS_EQ, /* rows == want (a number or $VAR) */
	C_COLS,    /* columns == n1 */
	C_HAS,     /* some row has want in column n1 */
	C_ONLY,    /* every row's column n1 is one of want ("A|B") */
	C_LIST,    /* column n1, row order, == want (comma list) */
	C_SET,     /* column n1 sorted numerically == want */
	C_SAME,    /* slot == slot n1, cell for cell */
	C_WITHIN,  /* each value of column n1 is in column ocol of slot n2 */
} op;

#define MAX_STR 6
#define NSLOTS 8

typedef struct step {
	const char *note; /* what the tool is doing, as its trace shows */
	op op;
	const char *s[MAX_STR];
	long n1, n2;
	SQLRETURN rc;      /* the return code the reference requires */
	const char *state; /* and its SQLSTATE, when it is not SQL_SUCCESS */
	const char *want;  /* an expected value; "$NAME" reads getenv */
	int slot;          /* where a result is kept or read */
	int ocol;          /* C_WITHIN: the other slot's column */
	const SQLUSMALLINT *ids;
	/* The work, on another branch, this step waits for: its failure
	 * is reported but not counted, and its passing is announced so
	 * that the mark is removed. */
	const char *pending;
} step;

#define END_STEPS                                                      \
	{                                                              \
		NULL, O_ENV_ATTR, {NULL}, 0, 0, 0, NULL, NULL, 0, NULL \
	}

/* ---- results kept for the checks ---------------------------------- */

typedef struct grid {
	int nrows, ncols;
	char **cell; /* nrows * ncols UTF-8 strings, NULL for SQL NULL */
} grid;

typedef struct run {
	const char *tool;
	int stepno;
	const step *st;
	SQLHENV env;
	SQLHDBC dbc;
	SQLHSTMT stmt;
	grid slots[NSLOTS];
	int failures;
	int pending;             /* failures of steps marked pending */
	SQLWCHAR params[4][256]; /* bound parameter values, until executed */
	SQLLEN param_ind[4];
} run;

static const char *conn_str;

/* ---- UTF-8 and UTF-16 ---------------------------------------------- */

static SQLWCHAR *wide(const char *s)
{
	size_t n = strlen(s), i = 0, k = 0;
	SQLWCHAR *w = calloc(n + 1, sizeof(SQLWCHAR));
	const unsigned char *u = (const unsigned char *)s;

	while (w && i < n) {
		unsigned long c = u[i];
		int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

		c &= extra ? (0x3Fu >> extra) : 0x7Fu;
		for (i++; extra-- > 0 && i < n; i++)
			c = (c << 6) | (u[i] & 0x3Fu);
		if (c >= 0x10000) {
			c -= 0x10000;
			w[k++] = (SQLWCHAR)(0xD800 + (c >> 10));
			c = 0xDC00 + (c & 0x3FF);
		}
		w[k++] = (SQLWCHAR)c;
	}
	return w;
}

/* Appends UTF-16 units w[0..n) to out as UTF-8. */
static void utf8_append(char *out, size_t cap, const SQLWCHAR *w, size_t n)
{
	size_t k = strlen(out), i;

	for (i = 0; i < n && k + 5 < cap; i++) {
		unsigned long c = w[i];

		if (c >= 0xD800 && c < 0xDC00 && i + 1 < n)
			c = 0x10000 + ((c - 0xD800) << 10) + (w[++i] - 0xDC00);
		if (c < 0x80) {
			out[k++] = (char)c;
		} else if (c < 0x800) {
			out[k++] = (char)(0xC0 | (c >> 6));
			out[k++] = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			out[k++] = (char)(0xE0 | (c >> 12));
			out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
			out[k++] = (char)(0x80 | (c & 0x3F));
		} else {
			out[k++] = (char)(0xF0 | (c >> 18));
			out[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
			out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
			out[k++] = (char)(0x80 | (c & 0x3F));
		}
	}
	out[k] = '\0';
}

static size_t wlen(const SQLWCHAR *w)
{
	size_t n = 0;

	while (w[n])
		n++;
	return n;
}

/* ---- reporting ----------------------------------------------------- */

static const char *const op_names[] = {
	[O_ENV_ATTR] = "SQLSetEnvAttr",
	[O_ALLOC_DBC] = "SQLAllocHandle(DBC)",
	[O_CONN_ATTR] = "SQLSetConnectAttrW",
	[O_CONNECT] = "SQLDriverConnectW",
	[O_ALLOC_STMT] = "SQLAllocHandle(STMT)",
	[O_STMT_ATTR] = "SQLSetStmtAttrW",
	[O_GET_STMT_ATTR] = "SQLGetStmtAttrW",
	[O_FREE_STMT] = "SQLFreeStmt",
	[O_CLOSE_CURSOR] = "SQLCloseCursor",
	[O_DROP_STMT] = "SQLFreeHandle(STMT)",
	[O_DISCONNECT] = "SQLDisconnect",
	[O_INFO_STR] = "SQLGetInfoW",
	[O_INFO_U16] = "SQLGetInfoW",
	[O_INFO_U32] = "SQLGetInfoW",
	[O_FUNCS_ALL] = "SQLGetFunctions(ALL)",
	[O_FUNC] = "SQLGetFunctions",
	[O_TYPE_INFO] = "SQLGetTypeInfoW",
	[O_TABLES] = "SQLTablesW",
	[O_COLUMNS] = "SQLColumnsW",
	[O_PKEYS] = "SQLPrimaryKeysW",
	[O_FKEYS] = "SQLForeignKeysW",
	[O_STATS] = "SQLStatisticsW",
	[O_EXEC] = "SQLExecDirectW",
	[O_EXEC_COLS] = "SQLExecDirectW",
	[O_PREPARE] = "SQLPrepareW",
	[O_EXECUTE] = "SQLExecute",
	[O_BIND_PARAM] = "SQLBindParameter",
	[O_NCOLS] = "SQLNumResultCols",
	[O_COLATTRS] = "SQLColAttributeW",
	[O_DESCRIBE] = "SQLDescribeColW",
	[O_READ] = "SQLFetch+SQLGetData",
	[O_BLOCK] = "SQLBindCol+SQLFetch",
	[O_SCROLL] = "SQLFetchScroll",
	[O_LONG] = "SQLGetData in pieces",
	[O_MORE] = "SQLMoreResults",
	[C_ROWS] = "row count",
	[C_ROWS_EQ] = "row count",
	[C_COLS] = "column count",
	[C_HAS] = "value",
	[C_ONLY] = "values",
	[C_LIST] = "list",
	[C_SET] = "set",
	[C_SAME] = "same rows",
	[C_WITHIN] = "values within",
};

/* The first diagnostic record of the handle the step used. */
static void last_diag(run *r, char state[6], char *msg, size_t cap)
{
	SQLWCHAR ws[6] = {0}, wm[512] = {0};
	SQLSMALLINT type = SQL_HANDLE_STMT, len = 0;
	SQLHANDLE h = r->stmt;
	SQLINTEGER native = 0;
	int i;

	if (!r->stmt || r->st->op <= O_CONNECT || r->st->op == O_DISCONNECT ||
	    (r->st->op >= O_INFO_STR && r->st->op <= O_FUNC)) {
		type = r->dbc ? SQL_HANDLE_DBC : SQL_HANDLE_ENV;
		h = r->dbc ? r->dbc : r->env;
	}
	state[0] = msg[0] = '\0';
	if (!SQL_SUCCEEDED(
		    SQLGetDiagRecW(type, h, 1, ws, &native, wm, 512, &len)))
		return;
	for (i = 0; i < 5; i++)
		state[i] = (char)ws[i];
	state[5] = '\0';
	utf8_append(msg, cap, wm, wlen(wm));
}

static void fail(run *r, const char *fmt, ...)
{
	char state[6], msg[600];
	va_list ap;

	last_diag(r, state, msg, sizeof(msg));
	fprintf(stderr,
		"%s%s step %d (%s) %s: ", r->st->pending ? "pending: " : "",
		r->tool, r->stepno, r->st->note, op_names[r->st->op]);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " [%s %s]\n", state[0] ? state : "-", msg);
	if (r->st->pending)
		r->pending++;
	else
		r->failures++;
}

/* Checks the return code, and the SQLSTATE when one is expected. */
static int expect_rc(run *r, SQLRETURN got)
{
	char state[6], msg[600];

	if (got != r->st->rc) {
		fail(r, "returned %d, want %d", (int)got, (int)r->st->rc);
		return 0;
	}
	if (!r->st->state)
		return 1;
	last_diag(r, state, msg, sizeof(msg));
	if (strcmp(state, r->st->state) != 0) {
		fail(r, "SQLSTATE %s, want %s", state, r->st->state);
		return 0;
	}
	return 1;
}

static const char *want_of(const step *st)
{
	const char *w = st->want;

	if (w && w[0] == '$') {
		w = getenv(w + 1);
		return w ? w : "(unset)";
	}
	return w;
}

/* ---- result grids -------------------------------------------------- */

static void grid_free(grid *g)
{
	int i;

	for (i = 0; i < g->nrows * g->ncols; i++)
		free(g->cell[i]);
	free(g->cell);
	memset(g, 0, sizeof(*g));
}

/* Adds an empty row; its cells are set with grid_set. */
static int grid_add_row(grid *g)
{
	size_t n = (size_t)(g->nrows + 1) * (size_t)g->ncols;
	char **c = realloc(g->cell, n * sizeof(char *));

	if (!c)
		return 0;
	g->cell = c;
	memset(c + (size_t)g->nrows * (size_t)g->ncols, 0,
	       (size_t)g->ncols * sizeof(char *));
	g->nrows++;
	return 1;
}

static void grid_set(grid *g, int col, const char *v)
{
	char **cell = &g->cell[(g->nrows - 1) * g->ncols + col];

	free(*cell);
	*cell = v ? strdup(v) : NULL;
}

static const char *grid_get(const grid *g, int row, int col)
{
	return g->cell[row * g->ncols + col];
}

/* ---- handles, attributes, connection ------------------------------- */

static void do_env_attr(run *r)
{
	expect_rc(r, SQLSetEnvAttr(r->env, (SQLINTEGER)r->st->n1,
				   (SQLPOINTER)(intptr_t)r->st->n2, 0));
}

static void do_alloc_dbc(run *r)
{
	expect_rc(r, SQLAllocHandle(SQL_HANDLE_DBC, r->env, &r->dbc));
}

static void do_conn_attr(run *r)
{
	expect_rc(r, SQLSetConnectAttrW(r->dbc, (SQLINTEGER)r->st->n1,
					(SQLPOINTER)(intptr_t)r->st->n2, 0));
}

/* The completed connection string must come back, without the token
 * in the clear only if the driver chose so: only its presence is
 * checked. */
static void do_connect(run *r)
{
	SQLWCHAR *in = wide(conn_str), out[1024];
	SQLSMALLINT outlen = 0;
	SQLRETURN rc;

	rc = SQLDriverConnectW(r->dbc, NULL, in, SQL_NTS, out, 1024, &outlen,
			       SQL_DRIVER_NOPROMPT);
	free(in);
	if (expect_rc(r, rc) && SQL_SUCCEEDED(rc) && outlen <= 0)
		fail(r, "no completed connection string");
}

static void do_alloc_stmt(run *r)
{
	expect_rc(r, SQLAllocHandle(SQL_HANDLE_STMT, r->dbc, &r->stmt));
}

static void do_stmt_attr(run *r)
{
	expect_rc(r, SQLSetStmtAttrW(r->stmt, (SQLINTEGER)r->st->n1,
				     (SQLPOINTER)(intptr_t)r->st->n2, 0));
}

static void do_get_stmt_attr(run *r)
{
	SQLULEN v = 0;
	SQLRETURN rc;

	rc = SQLGetStmtAttrW(r->stmt, (SQLINTEGER)r->st->n1, &v, 0, NULL);
	if (expect_rc(r, rc) && SQL_SUCCEEDED(rc) && (long)v != r->st->n2)
		fail(r, "attribute %ld is %lu, want %ld", r->st->n1,
		     (unsigned long)v, r->st->n2);
}

static void do_free_stmt(run *r)
{
	expect_rc(r, SQLFreeStmt(r->stmt, (SQLUSMALLINT)r->st->n1));
}

static void do_drop_stmt(run *r)
{
	expect_rc(r, SQLFreeHandle(SQL_HANDLE_STMT, r->stmt));
	r->stmt = NULL;
}

static void do_disconnect(run *r)
{
	if (expect_rc(r, SQLDisconnect(r->dbc)))
		SQLFreeHandle(SQL_HANDLE_DBC, r->dbc);
	r->dbc = NULL;
}

/* ---- SQLGetInfoW and SQLGetFunctions ------------------------------- */

static void do_info_str(run *r)
{
	SQLWCHAR buf[512] = {0};
	char got[1024] = "";
	SQLSMALLINT len = 0;
	const char *want = want_of(r->st);
	SQLRETURN rc;

	rc = SQLGetInfoW(r->dbc, (SQLUSMALLINT)r->st->n1, buf, sizeof(buf),
			 &len);
	if (!expect_rc(r, rc) || !SQL_SUCCEEDED(rc))
		return;
	utf8_append(got, sizeof(got), buf, wlen(buf));
	if (len != (SQLSMALLINT)(wlen(buf) * sizeof(SQLWCHAR)))
		fail(r, "info %ld: length %d for \"%s\"", r->st->n1, len, got);
	if (want && strcmp(got, want) != 0)
		fail(r, "info %ld is \"%s\", want \"%s\"", r->st->n1, got,
		     want);
}

static void do_info_num(run *r)
{
	SQLUINTEGER v32 = 0;
	SQLUSMALLINT v16 = 0;
	SQLSMALLINT len = 0;
	int u16 = r->st->op == O_INFO_U16;
	SQLRETURN rc;

	rc = SQLGetInfoW(r->dbc, (SQLUSMALLINT)r->st->n1,
			 u16 ? (SQLPOINTER)&v16 : (SQLPOINTER)&v32,
			 u16 ? sizeof(v16) : sizeof(v32), &len);
	if (!expect_rc(r, rc) || !SQL_SUCCEEDED(rc))
		return;
	if (u16 && r->st->n2 >= 0 && v16 != r->st->n2)
		fail(r, "info %ld is %u, want %ld", r->st->n1, v16, r->st->n2);
	if (!u16 && (v32 & (SQLUINTEGER)r->st->n2) != (SQLUINTEGER)r->st->n2)
		fail(r, "info %ld is 0x%lx, lacks 0x%lx", r->st->n1,
		     (unsigned long)v32, r->st->n2 & ~(long)v32);
}

static void do_funcs_all(run *r)
{
	SQLUSMALLINT bits[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE] = {0};
	const SQLUSMALLINT *id;
	SQLRETURN rc;

	rc = SQLGetFunctions(r->dbc, SQL_API_ODBC3_ALL_FUNCTIONS, bits);
	if (!expect_rc(r, rc) || !SQL_SUCCEEDED(rc))
		return;
	for (id = r->st->ids; id && *id; id++)
		if (!SQL_FUNC_EXISTS(bits, *id))
			fail(r, "function %u is not reported", *id);
}

static void do_func(run *r)
{
	SQLUSMALLINT yes = 2;
	SQLRETURN rc;

	rc = SQLGetFunctions(r->dbc, (SQLUSMALLINT)r->st->n1, &yes);
	if (expect_rc(r, rc) && SQL_SUCCEEDED(rc) && yes != r->st->n2)
		fail(r, "function %ld is %u, want %ld", r->st->n1, yes,
		     r->st->n2);
}

/* ---- catalog calls ------------------------------------------------- */

/* The string arguments as wide strings; NULL stays a NULL pointer, whose
 * length is then 0 as the tools pass it. */
typedef struct wargs {
	SQLWCHAR *w[MAX_STR];
	SQLSMALLINT n[MAX_STR];
} wargs;

static void wargs_make(wargs *a, const step *st)
{
	int i;

	for (i = 0; i < MAX_STR; i++) {
		a->w[i] = st->s[i] ? wide(st->s[i]) : NULL;
		a->n[i] = st->s[i] ? SQL_NTS : 0;
	}
}

static void wargs_free(wargs *a)
{
	int i;

	for (i = 0; i < MAX_STR; i++)
		free(a->w[i]);
}

static void do_catalog(run *r)
{
	const step *st = r->st;
	SQLHSTMT h = r->stmt;
	SQLRETURN rc = SQL_ERROR;
	wargs a;

	wargs_make(&a, st);
	if (st->op == O_TYPE_INFO)
		rc = SQLGetTypeInfoW(h, (SQLSMALLINT)st->n1);
	else if (st->op == O_TABLES)
		rc = SQLTablesW(h, a.w[0], a.n[0], a.w[1], a.n[1], a.w[2],
				a.n[2], a.w[3], a.n[3]);
	else if (st->op == O_COLUMNS)
		rc = SQLColumnsW(h, a.w[0], a.n[0], a.w[1], a.n[1], a.w[2],
				 a.n[2], a.w[3], a.n[3]);
	else if (st->op == O_PKEYS)
		rc = SQLPrimaryKeysW(h, a.w[0], a.n[0], a.w[1], a.n[1], a.w[2],
				     a.n[2]);
	else if (st->op == O_FKEYS)
		rc = SQLForeignKeysW(h, a.w[0], a.n[0], a.w[1], a.n[1], a.w[2],
				     a.n[2], a.w[3], a.n[3], a.w[4], a.n[4],
				     a.w[5], a.n[5]);
	else if (st->op == O_STATS)
		rc = SQLStatisticsW(h, a.w[0], a.n[0], a.w[1], a.n[1], a.w[2],
				    a.n[2], (SQLUSMALLINT)st->n1,
				    (SQLUSMALLINT)st->n2);
	wargs_free(&a);
	expect_rc(r, rc);
}

/* ---- statements ---------------------------------------------------- */

static void do_exec(run *r)
{
	SQLWCHAR *w = wide(r->st->s[0]);
	SQLRETURN rc;

	if (r->st->op == O_PREPARE)
		rc = SQLPrepareW(r->stmt, w, SQL_NTS);
	else
		rc = SQLExecDirectW(r->stmt, w, SQL_NTS);
	free(w);
	expect_rc(r, rc);
}

/* Power Query names every column it loads: the select list is built
 * from the COLUMN_NAME column (4) of the SQLColumns result in slot n1,
 * s[0] goes before it (a TOP clause) and s[1] is the quoted table. */
static void do_exec_cols(run *r)
{
	const grid *g = &r->slots[r->st->n1];
	size_t cap = 64 + strlen(r->st->s[1]), len;
	char *sql;
	SQLWCHAR *w;
	SQLRETURN rc;
	int i;

	for (i = 0; i < g->nrows; i++)
		cap += strlen(grid_get(g, i, 3)) + 4;
	sql = malloc(cap);
	if (!sql || g->nrows == 0) {
		free(sql);
		fail(r, "no columns in slot %ld", r->st->n1);
		return;
	}
	len = (size_t)snprintf(sql, cap, "select %s", r->st->s[0]);
	for (i = 0; i < g->nrows; i++)
		len += (size_t)snprintf(sql + len, cap - len, "%s\"%s\"",
					i ? ", " : "", grid_get(g, i, 3));
	snprintf(sql + len, cap - len, " from %s", r->st->s[1]);
	w = wide(sql);
	rc = SQLExecDirectW(r->stmt, w, SQL_NTS);
	free(w);
	free(sql);
	expect_rc(r, rc);
}

static void do_execute(run *r)
{
	expect_rc(r, SQLExecute(r->stmt));
}

/* The Power Query engine sends literals as parameters unless the
 * connector says the driver takes them inline (SupportsStringLiterals). */
static void do_bind_param(run *r)
{
	SQLWCHAR *v = r->params[r->st->n1 - 1], *w = wide(r->st->s[0]);
	size_t n = w ? wlen(w) : 0;

	if (!w || n >= 256) {
		free(w);
		fail(r, "parameter too long");
		return;
	}
	memcpy(v, w, (n + 1) * sizeof(SQLWCHAR));
	free(w);
	r->param_ind[r->st->n1 - 1] = (SQLLEN)(n * sizeof(SQLWCHAR));
	expect_rc(r,
		  SQLBindParameter(r->stmt, (SQLUSMALLINT)r->st->n1,
				   SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WVARCHAR,
				   n, 0, v, 256 * sizeof(SQLWCHAR),
				   &r->param_ind[r->st->n1 - 1]));
}

static void do_ncols(run *r)
{
	SQLSMALLINT n = -1;
	long want = r->st->n1;

	if (want < 0)
		want = r->slots[r->st->slot].nrows;
	if (expect_rc(r, SQLNumResultCols(r->stmt, &n)) && n != want)
		fail(r, "%d columns, want %ld", n, want);
}

/* The seven fields the Power Query engine reads of each column before
 * its first fetch (traced in mongo-odbc-driver's Power BI tests). */
static void do_colattrs(run *r)
{
	static const SQLUSMALLINT fields[] = {
		SQL_DESC_CONCISE_TYPE, SQL_DESC_UNSIGNED,  SQL_COLUMN_NAME,
		SQL_COLUMN_NULLABLE,   SQL_DESC_TYPE_NAME, SQL_COLUMN_LENGTH,
		SQL_COLUMN_SCALE};
	SQLSMALLINT n = 0, col, len;
	SQLWCHAR buf[256];
	SQLLEN num;
	size_t f;

	SQLNumResultCols(r->stmt, &n);
	for (col = 1; col <= n; col++) {
		for (f = 0; f < sizeof(fields) / sizeof(fields[0]); f++) {
			SQLRETURN rc;

			buf[0] = 0;
			rc = SQLColAttributeW(r->stmt, (SQLUSMALLINT)col,
					      fields[f], buf, sizeof(buf), &len,
					      &num);
			if (!expect_rc(r, rc))
				return;
			if (fields[f] == SQL_COLUMN_NAME && buf[0] == 0)
				fail(r, "column %d has no name", col);
		}
	}
}

static void do_describe(run *r)
{
	SQLSMALLINT n = 0, col, len, type, digits, nullable;
	SQLWCHAR name[256];
	SQLULEN size;

	SQLNumResultCols(r->stmt, &n);
	if (n <= 0)
		fail(r, "no columns to describe");
	for (col = 1; col <= n; col++) {
		SQLRETURN rc =
			SQLDescribeColW(r->stmt, (SQLUSMALLINT)col, name, 256,
					&len, &type, &size, &digits, &nullable);

		if (!expect_rc(r, rc))
			return;
		if (len <= 0 || type == 0)
			fail(r, "column %d: name length %d, type %d", col, len,
			     type);
	}
}

/* ---- fetching ------------------------------------------------------ */

/* The C type a tool that binds by type uses for an SQL type. */
static SQLSMALLINT ctype_of(SQLSMALLINT sqltype, SQLLEN *size)
{
	switch (sqltype) {
	case SQL_BIGINT:
	case SQL_INTEGER:
	case SQL_SMALLINT:
	case SQL_TINYINT:
		*size = sizeof(SQLBIGINT);
		return SQL_C_SBIGINT;
	case SQL_BIT:
		*size = 1;
		return SQL_C_BIT;
	case SQL_DOUBLE:
	case SQL_FLOAT:
	case SQL_REAL:
		*size = sizeof(double);
		return SQL_C_DOUBLE;
	case SQL_TYPE_TIMESTAMP:
		*size = sizeof(SQL_TIMESTAMP_STRUCT);
		return SQL_C_TYPE_TIMESTAMP;
	}
	*size = 1024 * sizeof(SQLWCHAR);
	return SQL_C_WCHAR;
}

/* The text of one value, for comparing and printing. */
static void cell_text(char *out, size_t cap, SQLSMALLINT ctype, const void *buf,
		      SQLLEN ind)
{
	const SQL_TIMESTAMP_STRUCT *ts = buf;

	out[0] = '\0';
	if (ctype == SQL_C_SBIGINT)
		snprintf(out, cap, "%lld", (long long)*(const SQLBIGINT *)buf);
	else if (ctype == SQL_C_BIT)
		snprintf(out, cap, "%u", *(const unsigned char *)buf);
	else if (ctype == SQL_C_DOUBLE)
		snprintf(out, cap, "%.17g", *(const double *)buf);
	else if (ctype == SQL_C_TYPE_TIMESTAMP)
		snprintf(out, cap, "%04d-%02u-%02u %02u:%02u:%02u.%09lu",
			 ts->year, ts->month, ts->day, ts->hour, ts->minute,
			 ts->second, (unsigned long)ts->fraction);
	else
		utf8_append(out, cap, buf, (size_t)ind / sizeof(SQLWCHAR));
}

static SQLSMALLINT col_type(SQLHSTMT h, SQLSMALLINT col)
{
	SQLSMALLINT len, type = 0, digits, nullable;
	SQLWCHAR name[256];
	SQLULEN size;

	SQLDescribeColW(h, (SQLUSMALLINT)col, name, 256, &len, &type, &size,
			&digits, &nullable);
	return type;
}

/* One cell by SQLGetData: as SQL_C_WCHAR (the Power Query engine's way
 * when it does not bind) or, typed, as a binding tool would. */
static int get_cell(run *r, SQLSMALLINT col, int typed, grid *g)
{
	static SQLWCHAR buf[4096];
	static char text[16384];
	SQLLEN size, ind = 0;
	SQLSMALLINT ctype = SQL_C_WCHAR;
	SQLRETURN rc;

	if (typed)
		ctype = ctype_of(col_type(r->stmt, col), &size);
	rc = SQLGetData(r->stmt, (SQLUSMALLINT)col, ctype, buf, sizeof(buf),
			&ind);
	if (rc != SQL_SUCCESS) {
		fail(r, "SQLGetData(column %d) returned %d", col, rc);
		return 0;
	}
	if (ind == SQL_NULL_DATA) {
		grid_set(g, col - 1, NULL);
		return 1;
	}
	cell_text(text, sizeof(text), ctype, buf, ind);
	grid_set(g, col - 1, text);
	return 1;
}

/* SQLFetch and SQLGetData on every column, n1 rows at most (0: all);
 * n2 set reads typed values. The step's rc is that of the last
 * SQLFetch: SQL_NO_DATA when the result was read to its end. */
static void do_read(run *r)
{
	grid *g = &r->slots[r->st->slot];
	SQLSMALLINT n = 0, col;
	SQLRETURN rc = SQL_SUCCESS;

	grid_free(g);
	SQLNumResultCols(r->stmt, &n);
	g->ncols = n;
	while (r->st->n1 == 0 || g->nrows < r->st->n1) {
		rc = SQLFetch(r->stmt);
		if (rc != SQL_SUCCESS || !grid_add_row(g))
			break;
		for (col = 1; col <= n; col++)
			if (!get_cell(r, col, (int)r->st->n2, g))
				return;
	}
	expect_rc(r, rc);
}

/* Column-wise bound arrays of the array size n1, as Tableau fetches an
 * extract: each block but the last must be full, every row's status
 * SQL_ROW_SUCCESS. */
typedef struct bound {
	SQLSMALLINT ctype;
	SQLLEN size;
	char *data;  /* n1 values of size bytes */
	SQLLEN *ind; /* n1 indicators */
} bound;

static int bind_all(run *r, bound *b, SQLSMALLINT n, SQLULEN rows)
{
	SQLSMALLINT col;

	for (col = 0; col < n; col++) {
		b[col].ctype =
			ctype_of(col_type(r->stmt, col + 1), &b[col].size);
		b[col].data = calloc(rows, (size_t)b[col].size);
		b[col].ind = calloc(rows, sizeof(SQLLEN));
		if (!b[col].data || !b[col].ind)
			return 0;
		if (SQLBindCol(r->stmt, (SQLUSMALLINT)(col + 1), b[col].ctype,
			       b[col].data, b[col].size,
			       b[col].ind) != SQL_SUCCESS) {
			fail(r, "SQLBindCol(column %d) failed", col + 1);
			return 0;
		}
	}
	return 1;
}

static void keep_block(run *r, grid *g, bound *b, SQLULEN got,
		       const SQLUSMALLINT *status)
{
	static char text[16384];
	SQLULEN i;
	int col;

	for (i = 0; i < got && grid_add_row(g); i++) {
		if (status[i] != SQL_ROW_SUCCESS)
			fail(r, "row %lu of a block has status %u",
			     (unsigned long)i, status[i]);
		for (col = 0; col < g->ncols; col++) {
			const char *v = b[col].data + i * (SQLULEN)b[col].size;

			if (b[col].ind[i] == SQL_NULL_DATA)
				continue;
			cell_text(text, sizeof(text), b[col].ctype, v,
				  b[col].ind[i]);
			grid_set(g, col, text);
		}
	}
}

static void fetch_blocks(run *r, grid *g, bound *b, SQLULEN rows)
{
	SQLUSMALLINT *status = calloc(rows, sizeof(SQLUSMALLINT));
	SQLULEN got = 0, last = rows;
	SQLRETURN rc = SQL_ERROR;

	if (!status)
		return;
	SQLSetStmtAttrW(r->stmt, SQL_ATTR_ROW_STATUS_PTR, status, 0);
	SQLSetStmtAttrW(r->stmt, SQL_ATTR_ROWS_FETCHED_PTR, &got, 0);
	while ((rc = SQLFetch(r->stmt)) == SQL_SUCCESS) {
		if (last < rows)
			fail(r, "a block of %lu rows before this one",
			     (unsigned long)last);
		if (got == 0 || got > rows)
			fail(r, "%lu rows in a block of %lu",
			     (unsigned long)got, (unsigned long)rows);
		last = got;
		keep_block(r, g, b, got, status);
	}
	expect_rc(r, rc);
	SQLFreeStmt(r->stmt, SQL_UNBIND);
	SQLSetStmtAttrW(r->stmt, SQL_ATTR_ROW_STATUS_PTR, NULL, 0);
	SQLSetStmtAttrW(r->stmt, SQL_ATTR_ROWS_FETCHED_PTR, NULL, 0);
	free(status);
}

static void do_block(run *r)
{
	grid *g = &r->slots[r->st->slot];
	SQLULEN rows = (SQLULEN)r->st->n1;
	SQLSMALLINT n = 0, col;
	bound *b;

	grid_free(g);
	SQLNumResultCols(r->stmt, &n);
	g->ncols = n;
	b = calloc((size_t)n, sizeof(*b));
	if (b && bind_all(r, b, n, rows))
		fetch_blocks(r, g, b, rows);
	SQLFreeStmt(r->stmt, SQL_UNBIND);
	for (col = 0; b && col < n; col++) {
		free(b[col].data);
		free(b[col].ind);
	}
	free(b);
}

static void do_scroll(run *r)
{
	expect_rc(r, SQLFetchScroll(r->stmt, (SQLSMALLINT)r->st->n1,
				    (SQLLEN)r->st->n2));
}

/* SQLGetData in pieces of n2 characters: 01004 on each piece but the
 * last, the remaining length in the indicator, SQL_NO_DATA after. */
static void do_long(run *r)
{
	SQLWCHAR piece[256];
	SQLLEN ind = 0, cap = (r->st->n2 + 1) * (SQLLEN)sizeof(SQLWCHAR);
	char whole[8192] = "", state[6], msg[600];
	const char *want = want_of(r->st);
	SQLRETURN rc;

	while ((rc = SQLGetData(r->stmt, (SQLUSMALLINT)r->st->n1, SQL_C_WCHAR,
				piece, cap, &ind)) == SQL_SUCCESS_WITH_INFO) {
		last_diag(r, state, msg, sizeof(msg));
		if (strcmp(state, "01004") != 0 || ind <= cap - 2)
			fail(r, "a piece with %s and length %ld", state,
			     (long)ind);
		utf8_append(whole, sizeof(whole), piece, wlen(piece));
	}
	if (rc == SQL_SUCCESS) {
		utf8_append(whole, sizeof(whole), piece, wlen(piece));
		rc = SQLGetData(r->stmt, (SQLUSMALLINT)r->st->n1, SQL_C_WCHAR,
				piece, cap, &ind);
	}
	if (expect_rc(r, rc) && strcmp(whole, want) != 0)
		fail(r, "read \"%s\", want \"%s\"", whole, want);
}

static void do_more(run *r)
{
	expect_rc(r, SQLMoreResults(r->stmt));
}

static void do_close_cursor(run *r)
{
	expect_rc(r, SQLCloseCursor(r->stmt));
}

/* ---- checks on kept results ---------------------------------------- */

static void chk_rows(run *r)
{
	const grid *g = &r->slots[r->st->slot];
	long want;

	if (r->st->op == C_ROWS_EQ) {
		want = strtol(want_of(r->st), NULL, 10);
		if (g->nrows != want)
			fail(r, "%d rows, want %ld", g->nrows, want);
		return;
	}
	if (g->nrows < r->st->n1 || (r->st->n2 >= 0 && g->nrows > r->st->n2))
		fail(r, "%d rows, want %ld to %ld", g->nrows, r->st->n1,
		     r->st->n2);
}

static void chk_cols(run *r)
{
	if (r->slots[r->st->slot].ncols != r->st->n1)
		fail(r, "%d columns, want %ld", r->slots[r->st->slot].ncols,
		     r->st->n1);
}

/* Is v one of the '|'-separated values of set? */
static int one_of(const char *v, const char *set)
{
	size_t n = strlen(v);

	while (set) {
		if (strncmp(set, v, n) == 0 && (set[n] == '|' || !set[n]))
			return 1;
		set = strchr(set, '|');
		set = set ? set + 1 : NULL;
	}
	return 0;
}

static void chk_values(run *r)
{
	const grid *g = &r->slots[r->st->slot];
	const char *want = want_of(r->st);
	int i, col = (int)r->st->n1, found = 0;

	if (col >= g->ncols) {
		fail(r, "no column %d", col + 1);
		return;
	}
	for (i = 0; i < g->nrows; i++) {
		const char *v = grid_get(g, i, col);

		if (r->st->op == C_HAS && v && strcmp(v, want) == 0)
			found = 1;
		if (r->st->op == C_ONLY && (!v || !one_of(v, want)))
			fail(r, "row %d has \"%s\", not one of %s", i + 1,
			     v ? v : "NULL", want);
	}
	if (r->st->op == C_HAS && !found)
		fail(r, "no row has \"%s\" in column %d", want, col + 1);
}

static int by_number(const void *a, const void *b)
{
	long long x = atoll(*(char *const *)a), y = atoll(*(char *const *)b);

	return (x > y) - (x < y);
}

/* Column n1 joined with commas (sorted numerically for C_SET) must be
 * the want list. */
static void chk_list(run *r)
{
	const grid *g = &r->slots[r->st->slot];
	const char *want = want_of(r->st);
	size_t cap = 16, len = 0;
	char **vals = calloc((size_t)g->nrows + 1, sizeof(char *)), *got;
	int i;

	for (i = 0; vals && i < g->nrows; i++) {
		const char *v = grid_get(g, i, (int)r->st->n1);

		vals[i] = (char *)(v ? v : "NULL");
		cap += strlen(vals[i]) + 1;
	}
	got = vals ? calloc(cap, 1) : NULL;
	if (!got) {
		free(vals);
		return;
	}
	if (r->st->op == C_SET)
		qsort(vals, (size_t)g->nrows, sizeof(char *), by_number);
	for (i = 0; i < g->nrows; i++)
		len += (size_t)snprintf(got + len, cap - len, "%s%s",
					i ? "," : "", vals[i]);
	if (strcmp(got, want) != 0)
		fail(r, "got %.300s, want %.300s", got, want);
	free(got);
	free(vals);
}

static void chk_same(run *r)
{
	const grid *a = &r->slots[r->st->slot], *b = &r->slots[r->st->n1];
	int i;

	if (a->nrows != b->nrows || a->ncols != b->ncols) {
		fail(r, "%dx%d against %dx%d", a->nrows, a->ncols, b->nrows,
		     b->ncols);
		return;
	}
	for (i = 0; i < a->nrows * a->ncols; i++) {
		const char *x = a->cell[i], *y = b->cell[i];

		if ((x || y) && (!x || !y || strcmp(x, y) != 0)) {
			fail(r, "row %d column %d: \"%s\" against \"%s\"",
			     i / a->ncols + 1, i % a->ncols + 1, x ? x : "NULL",
			     y ? y : "NULL");
			return;
		}
	}
}

static int grid_has(const grid *g, int col, const char *v)
{
	int i;

	for (i = 0; i < g->nrows; i++) {
		const char *c = grid_get(g, i, col);

		if (c && strcmp(c, v) == 0)
			return 1;
	}
	return 0;
}

static void chk_within(run *r)
{
	const grid *a = &r->slots[r->st->slot], *b = &r->slots[r->st->n2];
	int i;

	for (i = 0; i < a->nrows; i++) {
		const char *v = grid_get(a, i, (int)r->st->n1);

		if (v && !grid_has(b, r->st->ocol, v)) {
			fail(r, "\"%s\" (row %d) is not in slot %ld", v, i + 1,
			     r->st->n2);
			return;
		}
	}
}

/* ---- the runner ---------------------------------------------------- */

typedef void (*step_fn)(run *r);

static const step_fn handlers[] = {
	[O_ENV_ATTR] = do_env_attr,
	[O_ALLOC_DBC] = do_alloc_dbc,
	[O_CONN_ATTR] = do_conn_attr,
	[O_CONNECT] = do_connect,
	[O_ALLOC_STMT] = do_alloc_stmt,
	[O_STMT_ATTR] = do_stmt_attr,
	[O_GET_STMT_ATTR] = do_get_stmt_attr,
	[O_FREE_STMT] = do_free_stmt,
	[O_CLOSE_CURSOR] = do_close_cursor,
	[O_DROP_STMT] = do_drop_stmt,
	[O_DISCONNECT] = do_disconnect,
	[O_INFO_STR] = do_info_str,
	[O_INFO_U16] = do_info_num,
	[O_INFO_U32] = do_info_num,
	[O_FUNCS_ALL] = do_funcs_all,
	[O_FUNC] = do_func,
	[O_TYPE_INFO] = do_catalog,
	[O_TABLES] = do_catalog,
	[O_COLUMNS] = do_catalog,
	[O_PKEYS] = do_catalog,
	[O_FKEYS] = do_catalog,
	[O_STATS] = do_catalog,
	[O_EXEC] = do_exec,
	[O_EXEC_COLS] = do_exec_cols,
	[O_PREPARE] = do_exec,
	[O_EXECUTE] = do_execute,
	[O_BIND_PARAM] = do_bind_param,
	[O_NCOLS] = do_ncols,
	[O_COLATTRS] = do_colattrs,
	[O_DESCRIBE] = do_describe,
	[O_READ] = do_read,
	[O_BLOCK] = do_block,
	[O_SCROLL] = do_scroll,
	[O_LONG] = do_long,
	[O_MORE] = do_more,
	[C_ROWS] = chk_rows,
	[C_ROWS_EQ] = chk_rows,
	[C_COLS] = chk_cols,
	[C_HAS] = chk_values,
	[C_ONLY] = chk_values,
	[C_LIST] = chk_list,
	[C_SET] = chk_list,
	[C_SAME] = chk_same,
	[C_WITHIN] = chk_within,
};

/* Replays one tool's sequence on a fresh environment; returns the
 * number of steps that did not answer as required. */
static int replay(const char *tool, const step *steps)
{
	run r;
	int i, n;

	memset(&r, 0, sizeof(r));
	r.tool = tool;
	SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &r.env);
	for (n = 0; steps[n].note; n++) {
		int before = r.pending;

		r.stepno = n + 1;
		r.st = &steps[n];
		handlers[steps[n].op](&r);
		/* A mark left on a step that passes would hide its next
		 * failure: it fails the run. */
		if (steps[n].pending && r.pending == before && ++r.failures)
			fprintf(stderr,
				"%s step %d (%s) passes now: remove "
				"its pending mark (%s)\n",
				tool, n + 1, steps[n].note, steps[n].pending);
	}
	if (r.stmt)
		SQLFreeHandle(SQL_HANDLE_STMT, r.stmt);
	if (r.dbc) {
		SQLDisconnect(r.dbc);
		SQLFreeHandle(SQL_HANDLE_DBC, r.dbc);
	}
	SQLFreeHandle(SQL_HANDLE_ENV, r.env);
	for (i = 0; i < NSLOTS; i++)
		grid_free(&r.slots[i]);
	fprintf(stderr, "%s: %d steps, %d failed, %d pending\n", tool, n,
		r.failures, r.pending);
	return r.failures;
}

/* The step tables are laid out by hand, one step to a line or two. */
/* clang-format off */
/* ---- the sequences ------------------------------------------------- */

#define CAPS "capabilities"
#define INFO_S(id, w) {.note = CAPS, .op = O_INFO_STR, .n1 = id, .want = w}
#define INFO_16(id) {.note = CAPS, .op = O_INFO_U16, .n1 = id, .n2 = -1}
#define INFO_32(id, bits) {.note = CAPS, .op = O_INFO_U32, .n1 = id, .n2 = bits}
#define END {.note = NULL}

/* Functions the Power Query engine checks before it plans a query. */
static const SQLUSMALLINT pq_functions[] = {
	SQL_API_SQLTABLES,	SQL_API_SQLCOLUMNS,	SQL_API_SQLGETTYPEINFO,
	SQL_API_SQLPRIMARYKEYS, SQL_API_SQLFOREIGNKEYS, SQL_API_SQLSTATISTICS,
	SQL_API_SQLGETDATA,	SQL_API_SQLBINDCOL,	SQL_API_SQLFETCHSCROLL,
	SQL_API_SQLBINDPARAMETER, SQL_API_SQLCOLATTRIBUTE,
	SQL_API_SQLMORERESULTS, 0};

/* And those Tableau's capability discovery looks for. */
static const SQLUSMALLINT tableau_functions[] = {
	SQL_API_SQLPREPARE,	  SQL_API_SQLDESCRIBECOL,
	SQL_API_SQLNUMRESULTCOLS, SQL_API_SQLBINDCOL,
	SQL_API_SQLFETCH,	  SQL_API_SQLGETDATA,
	SQL_API_SQLSETSTMTATTR,	  SQL_API_SQLTABLES,
	SQL_API_SQLCOLUMNS,	  SQL_API_SQLGETTYPEINFO,
	SQL_API_SQLCANCEL,	  SQL_API_SQLPRIMARYKEYS,
	0};

/* Power BI Desktop: Get Data > ODBC, the Navigator, a preview, Load.
 * Sources: the Mashup engine's ODBC trace in trinodb/trino-odbc issue 11
 * (connect; SQLGetInfoW of SQL_DBMS_NAME, SQL_DBMS_VER,
 * SQL_DRIVER_ODBC_VER, SQL_DRIVER_NAME; SQLTablesW("%", "", "", "")); the
 * Power BI flows traced in mongodb/mongo-odbc-driver's
 * integration_test/tests/power_bi_tests.rs (the environment attributes,
 * SQL_ATTR_LOGIN_TIMEOUT 15, the list of SQLGetInfoW types in the order
 * asked, SQLTablesW(NULL, NULL, NULL, "TABLE,VIEW"),
 * SQLGetFunctions(SQL_API_SQLFETCHSCROLL) and SQL_GETDATA_EXTENSIONS
 * before each fetch, seven SQLColAttributeW per column, SQLGetData per
 * cell, SQLMoreResults, SQLFreeHandle); microsoft/DataConnectors issues
 * 279 (the "TABLE,VIEW" filter) and 516 (SQL_RETURN_ESCAPE_CLAUSE, an
 * ODBC 4.0 type, asked of every driver: HY096 for a 3.8 one); Power
 * Query's "Enabling DirectQuery for an ODBC-based connector" (SQLGetTypeInfo
 * and SQLColumns read to plan queries, SQLForeignKeys for navigation
 * properties, SQLGetData rather than SQLBindCol by default, a preview of
 * 1000 rows at most). */
static const step seq_power_bi[] = {
	{.note = "environment", .op = O_ENV_ATTR, .n1 = SQL_ATTR_ODBC_VERSION,
	 .n2 = SQL_OV_ODBC3},
	{.note = "environment", .op = O_ENV_ATTR,
	 .n1 = SQL_ATTR_CONNECTION_POOLING, .n2 = SQL_CP_ONE_PER_HENV},
	{.note = "connect", .op = O_ALLOC_DBC},
	{.note = "connect", .op = O_CONN_ATTR, .n1 = SQL_ATTR_LOGIN_TIMEOUT,
	 .n2 = 15},
	{.note = "connect", .op = O_CONNECT},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DBMS_NAME,
	 .want = "Bitbucket Cloud"},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DBMS_VER},
	{.note = "connect", .op = O_ALLOC_STMT},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DRIVER_ODBC_VER,
	 .want = "03.80"},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DRIVER_NAME},
	{.note = "capabilities", .op = O_FUNCS_ALL, .ids = pq_functions},
	INFO_S(SQL_IDENTIFIER_QUOTE_CHAR, "\""),
	INFO_32(SQL_SCHEMA_USAGE, SQL_SU_DML_STATEMENTS),
	INFO_32(SQL_CATALOG_USAGE, 0),
	INFO_S(SQL_CATALOG_NAME_SEPARATOR, NULL),
	INFO_16(SQL_CATALOG_LOCATION),
	INFO_32(SQL_SQL_CONFORMANCE, 0),
	INFO_16(SQL_MAX_COLUMNS_IN_ORDER_BY),
	INFO_16(SQL_MAX_IDENTIFIER_LEN),
	INFO_16(SQL_MAX_COLUMNS_IN_GROUP_BY),
	INFO_16(SQL_MAX_COLUMNS_IN_SELECT),
	INFO_S(SQL_ORDER_BY_COLUMNS_IN_SELECT, NULL),
	INFO_32(SQL_STRING_FUNCTIONS, SQL_FN_STR_CONCAT | SQL_FN_STR_LENGTH |
				      SQL_FN_STR_SUBSTRING | SQL_FN_STR_LCASE |
				      SQL_FN_STR_UCASE),
	INFO_32(SQL_AGGREGATE_FUNCTIONS, SQL_AF_ALL | SQL_AF_AVG |
					 SQL_AF_COUNT | SQL_AF_DISTINCT |
					 SQL_AF_MAX | SQL_AF_MIN | SQL_AF_SUM),
	INFO_32(SQL_SQL92_PREDICATES, SQL_SP_COMPARISON | SQL_SP_IN |
				      SQL_SP_ISNULL | SQL_SP_ISNOTNULL |
				      SQL_SP_LIKE | SQL_SP_BETWEEN),
	INFO_32(SQL_SQL92_RELATIONAL_JOIN_OPERATORS,
		SQL_SRJO_INNER_JOIN | SQL_SRJO_LEFT_OUTER_JOIN),
	INFO_S(SQL_COLUMN_ALIAS, "Y"),
	INFO_16(SQL_GROUP_BY),
	INFO_32(SQL_NUMERIC_FUNCTIONS, SQL_FN_NUM_ABS | SQL_FN_NUM_ROUND),
	INFO_32(SQL_TIMEDATE_FUNCTIONS, SQL_FN_TD_YEAR | SQL_FN_TD_MONTH),
	INFO_32(SQL_SYSTEM_FUNCTIONS, SQL_FN_SYS_IFNULL),
	INFO_32(SQL_TIMEDATE_ADD_INTERVALS, 0),
	INFO_32(SQL_TIMEDATE_DIFF_INTERVALS, 0),
	INFO_16(SQL_CONCAT_NULL_BEHAVIOR),
	INFO_S(SQL_CATALOG_NAME, "N"),
	INFO_S(SQL_CATALOG_TERM, NULL),
	INFO_S(SQL_SCHEMA_TERM, NULL),
	INFO_32(SQL_ODBC_INTERFACE_CONFORMANCE, 0),
	INFO_S(SQL_SEARCH_PATTERN_ESCAPE, "\\"),
	INFO_32(SQL_CONVERT_FUNCTIONS, SQL_FN_CVT_CAST),
	INFO_32(SQL_CONVERT_BIGINT, 0),
	INFO_32(SQL_CONVERT_BIT, 0),
	INFO_32(SQL_CONVERT_CHAR, 0),
	INFO_32(SQL_CONVERT_DOUBLE, 0),
	INFO_32(SQL_CONVERT_INTEGER, 0),
	INFO_32(SQL_CONVERT_TIMESTAMP, 0),
	INFO_32(SQL_CONVERT_VARCHAR, 0),
	INFO_32(SQL_CONVERT_WVARCHAR, 0),
	INFO_S(SQL_SPECIAL_CHARACTERS, NULL),
	{.note = "capabilities (ODBC 4.0 only)", .op = O_INFO_U32,
	 .n1 = 180 /* SQL_RETURN_ESCAPE_CLAUSE */, .rc = SQL_ERROR,
	 .state = "HY096"},
	{.note = "types", .op = O_TYPE_INFO, .n1 = SQL_ALL_TYPES},
	{.note = "types", .op = O_COLATTRS},
	{.note = "types", .op = O_READ, .rc = SQL_NO_DATA, .slot = 0},
	{.note = "types", .op = C_COLS, .n1 = 19, .slot = 0},
	{.note = "types: WVARCHAR", .op = C_HAS, .n1 = 1, .want = "-9"},
	{.note = "types: BIGINT", .op = C_HAS, .n1 = 1, .want = "-5"},
	{.note = "types: BIT", .op = C_HAS, .n1 = 1, .want = "-7"},
	{.note = "types: TIMESTAMP", .op = C_HAS, .n1 = 1, .want = "93"},
	{.note = "types", .op = O_MORE, .rc = SQL_NO_DATA},
	{.note = "types", .op = O_FREE_STMT, .n1 = SQL_CLOSE},
	{.note = "navigator: catalogs", .op = O_TABLES,
	 .s = {"%", "", "", ""}},
	{.note = "navigator: catalogs", .op = O_READ, .rc = SQL_NO_DATA,
	 .slot = 1},
	{.note = "navigator: no catalogs", .op = C_ROWS, .n1 = 0, .n2 = 0,
	 .slot = 1},
	{.note = "navigator: catalogs", .op = O_FREE_STMT, .n1 = SQL_CLOSE},
	{.note = "navigator: schemas", .op = O_TABLES, .s = {"", "%", "", ""}},
	{.note = "navigator: schemas", .op = O_READ, .rc = SQL_NO_DATA,
	 .slot = 1},
	{.note = "navigator: schema acme", .op = C_HAS, .n1 = 1,
	 .want = "acme", .slot = 1},
	{.note = "navigator: schemas", .op = O_DROP_STMT},
	{.note = "navigator: tables", .op = O_ALLOC_STMT},
	{.note = "navigator: tables", .op = O_TABLES,
	 .s = {NULL, NULL, NULL, "TABLE,VIEW"}},
	{.note = "navigator: tables", .op = O_FUNC,
	 .n1 = SQL_API_SQLFETCHSCROLL, .n2 = SQL_TRUE},
	{.note = "navigator: tables", .op = O_INFO_U32,
	 .n1 = SQL_GETDATA_EXTENSIONS,
	 .n2 = SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER},
	{.note = "navigator: tables", .op = O_NCOLS, .n1 = 5},
	{.note = "navigator: tables", .op = O_COLATTRS},
	{.note = "navigator: tables", .op = O_READ, .rc = SQL_NO_DATA,
	 .slot = 2},
	{.note = "navigator: Repositories", .op = C_HAS, .n1 = 2,
	 .want = "Repositories", .slot = 2},
	{.note = "navigator: PullRequests", .op = C_HAS, .n1 = 2,
	 .want = "PullRequests", .slot = 2},
	{.note = "navigator: Workspaces", .op = C_HAS, .n1 = 2,
	 .want = "Workspaces", .slot = 2},
	{.note = "navigator: table types", .op = C_ONLY, .n1 = 3,
	 .want = "TABLE|VIEW", .slot = 2},
	{.note = "navigator: tables", .op = O_MORE, .rc = SQL_NO_DATA},
	{.note = "navigator: tables", .op = O_DROP_STMT},
	{.note = "select Repositories", .op = O_ALLOC_STMT},
	{.note = "select Repositories", .op = O_COLUMNS,
	 .s = {NULL, "acme", "Repositories", NULL}},
	{.note = "select Repositories", .op = O_READ, .rc = SQL_NO_DATA,
	 .slot = 3},
	{.note = "columns: Slug", .op = C_HAS, .n1 = 3, .want = "Slug",
	 .slot = 3},
	{.note = "columns: CreatedOn", .op = C_HAS, .n1 = 3,
	 .want = "CreatedOn", .slot = 3},
	{.note = "columns: one table", .op = C_ONLY, .n1 = 2,
	 .want = "Repositories", .slot = 3},
	{.note = "columns: each DATA_TYPE is in SQLGetTypeInfo", .op = C_WITHIN,
	 .n1 = 4, .n2 = 0, .ocol = 1, .slot = 3},
	{.note = "columns: each TYPE_NAME is in SQLGetTypeInfo", .op = C_WITHIN,
	 .n1 = 5, .n2 = 0, .ocol = 0, .slot = 3},
	{.note = "select Repositories", .op = O_FREE_STMT, .n1 = SQL_CLOSE},
	{.note = "primary key", .op = O_PKEYS,
	 .s = {NULL, "acme", "Repositories"}},
	{.note = "primary key", .op = O_READ, .rc = SQL_NO_DATA, .slot = 4},
	{.note = "primary key: Slug", .op = C_HAS, .n1 = 3, .want = "Slug",
	 .slot = 4},
	{.note = "primary key", .op = O_FREE_STMT, .n1 = SQL_CLOSE},
	{.note = "navigation properties: parents", .op = O_FKEYS,
	 .s = {NULL, NULL, NULL, NULL, "acme", "Repositories"}},
	{.note = "navigation properties: parents", .op = O_READ,
	 .rc = SQL_NO_DATA, .slot = 5},
	{.note = "navigation properties: Workspaces", .op = C_HAS, .n1 = 2,
	 .want = "Workspaces", .slot = 5},
	{.note = "navigation properties", .op = O_FREE_STMT, .n1 = SQL_CLOSE},
	{.note = "navigation properties: children", .op = O_FKEYS,
	 .s = {NULL, "acme", "Repositories", NULL, NULL, NULL}},
	{.note = "navigation properties: children", .op = O_READ,
	 .rc = SQL_NO_DATA, .slot = 5},
	{.note = "navigation properties: PullRequests", .op = C_HAS, .n1 = 6,
	 .want = "PullRequests", .slot = 5},
	{.note = "navigation properties", .op = O_FREE_STMT, .n1 = SQL_CLOSE},
	{.note = "indexes", .op = O_STATS, .s = {NULL, "acme", "Repositories"},
	 .n1 = SQL_INDEX_ALL, .n2 = SQL_QUICK},
	{.note = "indexes", .op = O_READ, .rc = SQL_NO_DATA, .slot = 5},
	{.note = "indexes: a unique one", .op = C_ROWS, .n1 = 1, .n2 = -1,
	 .slot = 5},
	{.note = "indexes", .op = O_DROP_STMT},
	{.note = "preview", .op = O_ALLOC_STMT},
	{.note = "preview", .op = O_EXEC_COLS, .n1 = 3,
	 .s = {"", "\"acme\".\"Repositories\""}},
	{.note = "preview", .op = O_FUNC, .n1 = SQL_API_SQLFETCHSCROLL,
	 .n2 = SQL_TRUE},
	{.note = "preview", .op = O_INFO_U32, .n1 = SQL_GETDATA_EXTENSIONS,
	 .n2 = SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER},
	{.note = "preview: as many columns as SQLColumns", .op = O_NCOLS,
	 .n1 = -1, .slot = 3},
	{.note = "preview", .op = O_COLATTRS},
	{.note = "preview: 1000 rows at most", .op = O_READ, .n1 = 1000,
	 .rc = SQL_NO_DATA, .slot = 6},
	{.note = "preview: the emulator's repositories, in order",
	 .op = C_LIST, .n1 = 1, .want = "$BBR_REPO_SLUGS", .slot = 6},
	{.note = "preview", .op = O_MORE, .rc = SQL_NO_DATA},
	{.note = "preview, refreshed and left", .op = O_EXEC_COLS, .n1 = 3,
	 .s = {"", "\"acme\".\"Repositories\""}},
	{.note = "preview, refreshed and left", .op = O_READ, .n1 = 10,
	 .slot = 7},
	{.note = "preview, refreshed and left", .op = C_ROWS, .n1 = 10,
	 .n2 = 10, .slot = 7},
	{.note = "preview, refreshed and left", .op = O_FREE_STMT,
	 .n1 = SQL_CLOSE},
	{.note = "preview: no cursor left open", .op = O_CLOSE_CURSOR,
	 .rc = SQL_ERROR, .state = "24000"},
	{.note = "preview", .op = O_DROP_STMT},
	{.note = "folded filter", .op = O_ALLOC_STMT},
	{.note = "folded filter", .op = O_PREPARE,
	 .s = {"select \"Id\", \"Title\" from \"acme\".\"PullRequests\""
	       " where \"RepositorySlug\" = ?"}},
	{.note = "folded filter", .op = O_BIND_PARAM, .n1 = 1,
	 .s = {"platform-api"}},
	{.note = "folded filter", .op = O_EXECUTE},
	{.note = "folded filter", .op = O_COLATTRS},
	{.note = "folded filter", .op = O_READ, .rc = SQL_NO_DATA,
	 .slot = 7},
	{.note = "folded filter: the emulator's ids", .op = C_SET, .n1 = 0,
	 .want = "$BBR_PR_IDS", .slot = 7},
	{.note = "folded filter", .op = O_MORE, .rc = SQL_NO_DATA},
	{.note = "folded filter", .op = O_FREE_STMT, .n1 = SQL_RESET_PARAMS},
	{.note = "folded filter", .op = O_DROP_STMT},
	{.note = "load", .op = O_ALLOC_STMT},
	{.note = "load", .op = O_EXEC_COLS, .n1 = 3,
	 .s = {"", "\"acme\".\"Repositories\""}},
	{.note = "load", .op = O_COLATTRS},
	{.note = "load", .op = O_READ, .rc = SQL_NO_DATA, .slot = 7},
	{.note = "load: the rows of the preview", .op = C_SAME, .n1 = 6,
	 .slot = 7},
	{.note = "load", .op = O_MORE, .rc = SQL_NO_DATA},
	{.note = "load", .op = O_DROP_STMT},
	{.note = "close", .op = O_DISCONNECT},
	END,
};

/* Excel: Data > Get Data > From ODBC with a SQL statement (Power Query's
 * Odbc.Query: the statement passes through as typed), then the older
 * Data > From Other Sources > Microsoft Query. Sources: Power Query's
 * "Enabling DirectQuery for an ODBC-based connector" (Odbc.Query, the
 * same Mashup engine as Power BI, so the same connect, capability and
 * fetch calls; TOP for a driver with SupportsTop); duckdb/duckdb-odbc
 * issue 134 (Excel's navigator lists tables with SQLTables); the ODBC
 * Programmer's Reference for what Microsoft Query relies on: a table
 * type list whose values may be quoted ('TABLE','VIEW'), a keyset cursor
 * asked for and another substituted with 01S02 (SQLSetStmtAttr), a
 * rowset of several rows scrolled with SQLFetchScroll (which the driver
 * manager also maps SQLExtendedFetch to), and long text read with
 * SQLGetData in pieces, 01004 on each but the last. */
static const step seq_excel[] = {
	{.note = "environment", .op = O_ENV_ATTR, .n1 = SQL_ATTR_ODBC_VERSION,
	 .n2 = SQL_OV_ODBC3},
	{.note = "connect", .op = O_ALLOC_DBC},
	{.note = "connect", .op = O_CONN_ATTR, .n1 = SQL_ATTR_LOGIN_TIMEOUT,
	 .n2 = 15},
	{.note = "connect", .op = O_CONNECT},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DRIVER_ODBC_VER,
	 .want = "03.80"},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DRIVER_NAME},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DBMS_NAME,
	 .want = "Bitbucket Cloud"},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DBMS_VER},
	{.note = "capabilities", .op = O_FUNCS_ALL, .ids = pq_functions},
	INFO_32(SQL_GETDATA_EXTENSIONS, SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER),
	{.note = "navigator", .op = O_ALLOC_STMT},
	{.note = "navigator", .op = O_TABLES,
	 .s = {NULL, NULL, NULL, "TABLE,VIEW"}},
	{.note = "navigator", .op = O_READ, .rc = SQL_NO_DATA, .slot = 0},
	{.note = "navigator: PullRequests", .op = C_HAS, .n1 = 2,
	 .want = "PullRequests", .slot = 0},
	{.note = "navigator", .op = O_MORE, .rc = SQL_NO_DATA},
	{.note = "Odbc.Query", .op = O_EXEC,
	 .s = {"select top 1000 \"Id\", \"Title\", \"State\", \"Description\""
	       " from \"acme\".\"PullRequests\" where \"RepositorySlug\" ="
	       " 'platform-api'"}},
	{.note = "Odbc.Query", .op = O_NCOLS, .n1 = 4},
	{.note = "Odbc.Query", .op = O_COLATTRS},
	{.note = "Odbc.Query", .op = O_READ, .n1 = 1000, .rc = SQL_NO_DATA,
	 .slot = 1},
	{.note = "Odbc.Query: every pull request", .op = C_ROWS_EQ,
	 .want = "$BBR_PR_COUNT", .slot = 1},
	{.note = "Odbc.Query: the emulator's ids", .op = C_SET, .n1 = 0,
	 .want = "$BBR_PR_IDS", .slot = 1},
	{.note = "Odbc.Query: states", .op = C_ONLY, .n1 = 2,
	 .want = "OPEN|MERGED|DECLINED|SUPERSEDED", .slot = 1},
	{.note = "Odbc.Query", .op = O_MORE, .rc = SQL_NO_DATA},
	{.note = "Odbc.Query", .op = O_FREE_STMT, .n1 = SQL_CLOSE},
	{.note = "long text", .op = O_EXEC,
	 .s = {"SELECT Description FROM PullRequests WHERE RepositorySlug ="
	       " 'platform-api' AND Id = 62"}},
	{.note = "long text", .op = O_SCROLL, .n1 = SQL_FETCH_NEXT},
	{.note = "long text: pieces of 16", .op = O_LONG, .n1 = 1, .n2 = 16,
	 .rc = SQL_NO_DATA, .want = "$BBR_PR62_DESC"},
	{.note = "long text", .op = O_SCROLL, .n1 = SQL_FETCH_NEXT,
	 .rc = SQL_NO_DATA},
	{.note = "long text", .op = O_CLOSE_CURSOR},
	{.note = "Microsoft Query: tables", .op = O_TABLES,
	 .s = {NULL, NULL, NULL, "'TABLE','VIEW','SYSTEM TABLE'"}},
	{.note = "Microsoft Query: tables", .op = O_READ, .rc = SQL_NO_DATA,
	 .slot = 2},
	{.note = "Microsoft Query: quoted types list the same tables",
	 .op = C_SAME, .n1 = 0, .slot = 2},
	{.note = "Microsoft Query: tables", .op = O_CLOSE_CURSOR},
	{.note = "Microsoft Query: columns", .op = O_COLUMNS,
	 .s = {NULL, NULL, "Repositories", "%"}},
	{.note = "Microsoft Query: columns", .op = O_READ, .rc = SQL_NO_DATA,
	 .slot = 3},
	{.note = "Microsoft Query: columns", .op = C_HAS, .n1 = 3,
	 .want = "Name", .slot = 3},
	{.note = "Microsoft Query: columns", .op = O_CLOSE_CURSOR},
	{.note = "Microsoft Query: dynamic cursor", .op = O_STMT_ATTR,
	 .n1 = SQL_ATTR_CURSOR_TYPE, .n2 = SQL_CURSOR_DYNAMIC,
	 .rc = SQL_SUCCESS_WITH_INFO, .state = "01S02"},
	{.note = "Microsoft Query: static cursor", .op = O_STMT_ATTR,
	 .n1 = SQL_ATTR_CURSOR_TYPE, .n2 = SQL_CURSOR_STATIC,
	},
	{.note = "Microsoft Query: keyset cursor", .op = O_STMT_ATTR,
	 .n1 = SQL_ATTR_CURSOR_TYPE, .n2 = SQL_CURSOR_KEYSET_DRIVEN,
	 .rc = SQL_SUCCESS_WITH_INFO, .state = "01S02"},
	{.note = "Microsoft Query: static substituted", .op = O_GET_STMT_ATTR,
	 .n1 = SQL_ATTR_CURSOR_TYPE, .n2 = SQL_CURSOR_STATIC,
	},
	{.note = "Microsoft Query: read only", .op = O_STMT_ATTR,
	 .n1 = SQL_ATTR_CONCURRENCY, .n2 = SQL_CONCUR_READ_ONLY},
	{.note = "Microsoft Query: rowset", .op = O_STMT_ATTR,
	 .n1 = SQL_ATTR_ROW_ARRAY_SIZE, .n2 = 10},
	{.note = "Microsoft Query: query", .op = O_EXEC,
	 .s = {"SELECT Repositories.Slug, Repositories.Name FROM"
	       " Repositories Repositories"}},
	{.note = "Microsoft Query: first rowset", .op = O_SCROLL,
	 .n1 = SQL_FETCH_NEXT},
	{.note = "Microsoft Query: next rowset", .op = O_SCROLL,
	 .n1 = SQL_FETCH_NEXT},
	{.note = "Microsoft Query: back to the first", .op = O_SCROLL,
	 .n1 = SQL_FETCH_FIRST},
	{.note = "Microsoft Query: done", .op = O_CLOSE_CURSOR},
	{.note = "Microsoft Query: rowset", .op = O_STMT_ATTR,
	 .n1 = SQL_ATTR_ROW_ARRAY_SIZE, .n2 = 1},
	{.note = "close", .op = O_DROP_STMT},
	{.note = "close", .op = O_DISCONNECT},
	END,
};

#define PR_QUERY                                                               \
	"SELECT \"PullRequests\".\"Id\", \"PullRequests\".\"Title\","          \
	" \"PullRequests\".\"State\", \"PullRequests\".\"Draft\","             \
	" \"PullRequests\".\"CommentCount\", \"PullRequests\".\"CreatedOn\""   \
	" FROM \"acme\".\"PullRequests\" \"PullRequests\""                     \
	" WHERE \"PullRequests\".\"RepositorySlug\" = 'platform-api'"

/* Tableau Desktop: Other Databases (ODBC), the schema and table lists,
 * a table's fields, an extract of a custom SQL query. Sources: Tableau's
 * "Tableau and ODBC" (capability discovery through SQLGetInfo and
 * SQLGetFunctions, then probe queries for TOP and LIMIT, subqueries and
 * the like), its "ODBC/SQL Customizations Reference" (the SQLGetInfo
 * types it reads: SQL_SQL_CONFORMANCE, SQL_CATALOG_USAGE,
 * SQL_SCHEMA_USAGE, the function bitmasks, SQL_TIMEDATE_*_INTERVALS,
 * SQL_DATETIME_LITERALS, SQL_SQL92_*, SQL_OJ_CAPABILITIES,
 * SQL_CONVERT_*), its "Capability Customizations Reference"
 * (CAP_QUERY_WHERE_FALSE_METADATA, CAP_QUERY_TOP_0_METADATA,
 * CAP_ODBC_CURSOR_FORWARD_ONLY, bound fetch buffers and their row
 * arrays, CAP_ODBC_UNBIND_AUTO) and the connector SDK's "Metadata
 * Enumeration" (a prepared "select *", then WHERE 1=0, then TOP 0 or
 * LIMIT 0, then SQLColumns, in that order). Custom SQL is wrapped as a
 * derived table aliased "Custom SQL Query". */
static const step seq_tableau[] = {
	{.note = "environment", .op = O_ENV_ATTR, .n1 = SQL_ATTR_ODBC_VERSION,
	 .n2 = SQL_OV_ODBC3},
	{.note = "connect", .op = O_ALLOC_DBC},
	{.note = "connect", .op = O_CONNECT},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DBMS_NAME,
	 .want = "Bitbucket Cloud"},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DBMS_VER},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DRIVER_NAME},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DRIVER_VER},
	{.note = "connect", .op = O_INFO_STR, .n1 = SQL_DRIVER_ODBC_VER,
	 .want = "03.80"},
	{.note = "capabilities", .op = O_FUNCS_ALL, .ids = tableau_functions},
	INFO_32(SQL_SQL_CONFORMANCE, 0),
	INFO_32(SQL_CATALOG_USAGE, 0),
	INFO_32(SQL_SCHEMA_USAGE, SQL_SU_DML_STATEMENTS),
	INFO_32(SQL_AGGREGATE_FUNCTIONS,
		SQL_AF_AVG | SQL_AF_COUNT | SQL_AF_MAX | SQL_AF_MIN | SQL_AF_SUM),
	INFO_32(SQL_NUMERIC_FUNCTIONS, SQL_FN_NUM_ABS),
	INFO_32(SQL_STRING_FUNCTIONS, SQL_FN_STR_LENGTH),
	INFO_32(SQL_TIMEDATE_FUNCTIONS, SQL_FN_TD_YEAR),
	INFO_32(SQL_TIMEDATE_ADD_INTERVALS, 0),
	INFO_32(SQL_TIMEDATE_DIFF_INTERVALS, 0),
	INFO_32(SQL_DATETIME_LITERALS, SQL_DL_SQL92_TIMESTAMP),
	INFO_32(SQL_SYSTEM_FUNCTIONS, 0),
	INFO_32(SQL_SQL92_VALUE_EXPRESSIONS, SQL_SVE_CASE | SQL_SVE_CAST),
	INFO_32(SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, 0),
	INFO_32(SQL_SQL92_STRING_FUNCTIONS, 0),
	INFO_32(SQL_SQL92_DATETIME_FUNCTIONS, 0),
	INFO_32(SQL_OJ_CAPABILITIES, SQL_OJ_LEFT),
	INFO_32(SQL_SQL92_RELATIONAL_JOIN_OPERATORS, SQL_SRJO_INNER_JOIN),
	INFO_32(SQL_CONVERT_FUNCTIONS, 0),
	INFO_32(SQL_CONVERT_VARCHAR, 0),
	INFO_S(SQL_IDENTIFIER_QUOTE_CHAR, "\""),
	INFO_16(SQL_TXN_CAPABLE),
	INFO_32(SQL_GETDATA_EXTENSIONS, SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER),
	{.note = "types", .op = O_ALLOC_STMT},
	{.note = "types", .op = O_TYPE_INFO, .n1 = SQL_ALL_TYPES},
	{.note = "types", .op = O_READ, .rc = SQL_NO_DATA, .slot = 0},
	{.note = "types: one row or more", .op = C_ROWS, .n1 = 1, .n2 = -1},
	{.note = "types", .op = O_CLOSE_CURSOR},
	{.note = "schemas", .op = O_TABLES, .s = {"", "%", "", ""}},
	{.note = "schemas", .op = O_READ, .rc = SQL_NO_DATA, .slot = 1},
	{.note = "schemas: acme", .op = C_HAS, .n1 = 1, .want = "acme",
	 .slot = 1},
	{.note = "schemas", .op = O_CLOSE_CURSOR},
	{.note = "tables of acme", .op = O_TABLES,
	 .s = {NULL, "acme", "%", NULL}},
	{.note = "tables of acme", .op = O_READ, .rc = SQL_NO_DATA,
	 .slot = 1},
	{.note = "tables of acme: PullRequests", .op = C_HAS, .n1 = 2,
	 .want = "PullRequests", .slot = 1},
	{.note = "tables of acme: all in acme", .op = C_ONLY, .n1 = 1,
	 .want = "acme", .slot = 1},
	{.note = "tables of acme", .op = O_CLOSE_CURSOR},
	{.note = "fields: prepared select *", .op = O_PREPARE,
	 .s = {"SELECT * FROM \"acme\".\"PullRequests\""}},
	{.note = "fields: prepared select *", .op = O_DESCRIBE},
	{.note = "fields: prepared select *", .op = O_FREE_STMT,
	 .n1 = SQL_CLOSE},
	{.note = "fields: WHERE 1=0", .op = O_EXEC,
	 .s = {"SELECT * FROM \"acme\".\"PullRequests\" WHERE 1=0"}},
	{.note = "fields: WHERE 1=0", .op = O_DESCRIBE},
	{.note = "fields: WHERE 1=0", .op = O_READ, .rc = SQL_NO_DATA,
	 .slot = 2},
	{.note = "fields: WHERE 1=0", .op = O_CLOSE_CURSOR},
	{.note = "fields: TOP 0", .op = O_EXEC,
	 .s = {"SELECT TOP 0 * FROM \"acme\".\"PullRequests\""}},
	{.note = "fields: TOP 0", .op = O_READ, .rc = SQL_NO_DATA, .slot = 2},
	{.note = "fields: TOP 0", .op = O_CLOSE_CURSOR},
	{.note = "fields: LIMIT 0", .op = O_EXEC,
	 .s = {"SELECT * FROM \"acme\".\"PullRequests\" LIMIT 0"}},
	{.note = "fields: LIMIT 0", .op = O_READ, .rc = SQL_NO_DATA,
	 .slot = 2},
	{.note = "fields: LIMIT 0", .op = O_CLOSE_CURSOR},
	{.note = "fields: SQLColumns", .op = O_COLUMNS,
	 .s = {NULL, "acme", "PullRequests", NULL}},
	{.note = "fields: SQLColumns", .op = O_READ, .rc = SQL_NO_DATA,
	 .slot = 3},
	{.note = "fields: SQLColumns", .op = O_CLOSE_CURSOR},
	{.note = "fields: select * has SQLColumns' columns", .op = O_PREPARE,
	 .s = {"SELECT * FROM \"acme\".\"PullRequests\""}},
	{.note = "fields: select * has SQLColumns' columns", .op = O_NCOLS,
	 .n1 = -1, .slot = 3},
	{.note = "fields", .op = O_FREE_STMT, .n1 = SQL_CLOSE},
	{.note = "probe: TOP", .op = O_EXEC,
	 .s = {"SELECT TOP 1 \"Repositories\".\"Slug\" AS \"Slug\" FROM"
	       " \"acme\".\"Repositories\" \"Repositories\""}},
	{.note = "probe: TOP", .op = O_READ, .rc = SQL_NO_DATA, .slot = 4},
	{.note = "probe: TOP gives one row", .op = C_ROWS, .n1 = 1, .n2 = 1,
	 .slot = 4},
	{.note = "probe: TOP", .op = O_CLOSE_CURSOR},
	{.note = "probe: LIMIT", .op = O_EXEC,
	 .s = {"SELECT \"Repositories\".\"Slug\" AS \"Slug\" FROM"
	       " \"acme\".\"Repositories\" \"Repositories\" LIMIT 1"}},
	{.note = "probe: LIMIT", .op = O_READ, .rc = SQL_NO_DATA, .slot = 5},
	{.note = "probe: LIMIT gives the same row", .op = C_SAME, .n1 = 4,
	 .slot = 5},
	{.note = "probe: LIMIT", .op = O_CLOSE_CURSOR},
	{.note = "extract: forward only", .op = O_STMT_ATTR,
	 .n1 = SQL_ATTR_CURSOR_TYPE, .n2 = SQL_CURSOR_FORWARD_ONLY},
	{.note = "extract: read only", .op = O_STMT_ATTR,
	 .n1 = SQL_ATTR_CONCURRENCY, .n2 = SQL_CONCUR_READ_ONLY},
	{.note = "extract: column-wise", .op = O_STMT_ATTR,
	 .n1 = SQL_ATTR_ROW_BIND_TYPE, .n2 = SQL_BIND_BY_COLUMN},
	{.note = "extract: 64 rows a fetch", .op = O_STMT_ATTR,
	 .n1 = SQL_ATTR_ROW_ARRAY_SIZE, .n2 = 64},
	{.note = "extract: custom SQL", .op = O_EXEC,
	 .s = {"SELECT \"Custom SQL Query\".\"Id\" AS \"Id\","
	       " \"Custom SQL Query\".\"Title\" AS \"Title\","
	       " \"Custom SQL Query\".\"State\" AS \"State\","
	       " \"Custom SQL Query\".\"Draft\" AS \"Draft\","
	       " \"Custom SQL Query\".\"CommentCount\" AS \"CommentCount\","
	       " \"Custom SQL Query\".\"CreatedOn\" AS \"CreatedOn\""
	       " FROM (" PR_QUERY ") \"Custom SQL Query\""}},
	{.note = "extract: custom SQL", .op = O_DESCRIBE},
	{.note = "extract: bound blocks", .op = O_BLOCK, .n1 = 64,
	 .rc = SQL_NO_DATA, .slot = 6},
	{.note = "extract: every pull request", .op = C_ROWS_EQ,
	 .want = "$BBR_PR_COUNT", .slot = 6},
	{.note = "extract: the emulator's ids", .op = C_SET, .n1 = 0,
	 .want = "$BBR_PR_IDS", .slot = 6},
	{.note = "extract", .op = O_MORE, .rc = SQL_NO_DATA},
	{.note = "extract", .op = O_FREE_STMT, .n1 = SQL_UNBIND},
	{.note = "extract", .op = O_FREE_STMT, .n1 = SQL_CLOSE},
	{.note = "extract", .op = O_STMT_ATTR, .n1 = SQL_ATTR_ROW_ARRAY_SIZE,
	 .n2 = 1},
	{.note = "a second plain read", .op = O_EXEC, .s = {PR_QUERY}},
	{.note = "a second plain read", .op = O_READ, .n2 = 1,
	 .rc = SQL_NO_DATA, .slot = 7},
	{.note = "the extract equals the plain read", .op = C_SAME, .n1 = 6,
	 .slot = 7},
	{.note = "a second plain read", .op = O_CLOSE_CURSOR},
	{.note = "close", .op = O_DROP_STMT},
	{.note = "close", .op = O_DISCONNECT},
	END,
};

/* clang-format on */

int main(void)
{
	int failed = 0;

	conn_str = getenv("BBODBC_CONN");
	if (!conn_str || !getenv("BBR_REPO_SLUGS")) {
		fprintf(stderr, "run me through bi_replay.py\n");
		return 2;
	}
	failed += replay("Power BI", seq_power_bi);
	failed += replay("Excel", seq_excel);
	failed += replay("Tableau", seq_tableau);
	if (failed)
		fprintf(stderr, "%d step(s) failed\n", failed);
	return failed > 100 ? 100 : failed;
}
