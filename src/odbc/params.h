/*
 * params.h - parameter markers beyond one bound value: arrays of
 * parameter sets, data-at-execution, and the conversion of each C value
 * to the engine's value (params.c, param_conv.c, param_exec.c,
 * param_describe.c).
 *
 * One bb_pexec lives in each statement: the state of one execution.
 */
#ifndef BB_PARAMS_H
#define BB_PARAMS_H

#include "util/setup.h"
#include "util/err.h"

#include <sqlite3.h>

typedef struct bb_stmt bb_stmt;
struct bb_param;

/* The most bytes one data-at-execution value may collect, and the most
 * all of an execution's values may hold together. */
#define BB_PUTDATA_CAP ((size_t)64 << 20)

/* One data-at-execution value of one set, as SQLPutData sent it. */
typedef struct bb_dae {
	unsigned set; /* 0-based parameter set */
	int param;    /* 1-based marker */
	char *data;   /* owned; the pieces, concatenated */
	size_t len;   /* bytes in data */
	size_t cap;   /* bytes allocated for data */
	bool is_null; /* SQLPutData sent SQL_NULL_DATA */
	bool got;     /* at least one SQLPutData call */
} bb_dae;

typedef enum bb_pstate {
	BB_PX_IDLE,      /* no execution under way */
	BB_PX_NEED_DATA, /* SQLExecute answered SQL_NEED_DATA */
	BB_PX_PUTTING,   /* SQLParamData named a value; SQLPutData sends it */
	BB_PX_RESULTS    /* a SELECT's sets: SQLMoreResults runs the next */
} bb_pstate;

/* One execution, from SQLExecute to the last result of the last set.
 * The array attributes themselves are the APD's and IPD's header fields
 * (SQL_DESC_ARRAY_SIZE, SQL_DESC_ARRAY_STATUS_PTR ...; desc.c). */
typedef struct bb_pexec {
	bb_pstate state;
	SQLULEN size; /* sets in this execution (SQL_ATTR_PARAMSET_SIZE) */
	SQLULEN set;  /* next set to run */
	bb_dae *dae;  /* owned; ndae values, in the order they are asked */
	int ndae;
	int cur;       /* dae being asked for or sent, -1 before the first */
	size_t held;   /* bytes held by all dae */
	int nok, nerr; /* sets that ran and that failed */
	SQLLEN rows;   /* rows changed by every set */
} bb_pexec;

/* Where set `set` of a bound parameter keeps its value and its length,
 * with binding orientation and offset applied (NULL when unbound). */
void *bb_param_value_ptr(const bb_stmt *s, const struct bb_param *p,
			 SQLULEN set);
SQLLEN *bb_param_ind_ptr(const bb_stmt *s, const struct bb_param *p,
			 SQLULEN set);
/* The same for the length (SQL_DESC_OCTET_LENGTH_PTR), which
 * SQLBindParameter makes the indicator but the APD may keep apart. */
SQLLEN *bb_param_len_ptr(const bb_stmt *s, const struct bb_param *p,
			 SQLULEN set);
/* The indicator's value, wherever it lies in the application's buffer. */
SQLLEN bb_param_ind(const SQLLEN *ind);
/* True if the indicator asks for the value at execution. */
bool bb_param_is_dae(const SQLLEN *ind);

/*
 * Binds marker i of st from one C value (param_conv.c): ctype/ptr/len
 * describe the application's value (len: its octet length, SQL_NTS or
 * SQL_NULL_DATA), sql_type what the application says the marker is.
 * The engine gets the SQLite value of the same meaning. On failure,
 * returns false with *cond (22003, 22018, 22007, 22008, 07006, HY003,
 * HY090, HY001) and a message in err.
 */
bool bb_param_bind_value(sqlite3_stmt *st, int i, SQLSMALLINT ctype,
			 SQLSMALLINT sql_type, const void *ptr, SQLLEN len,
			 bb_err *err);

/* Execution (param_exec.c): SQLExecute's work once the statement is
 * prepared, SQLParamData, SQLPutData, SQLMoreResults, and abandoning
 * an execution (SQLCancel, SQLFreeStmt, a new SQLPrepare). */
SQLRETURN bb_params_execute(bb_stmt *s);
SQLRETURN bb_param_data(bb_stmt *s, SQLPOINTER *value);
SQLRETURN bb_put_data(bb_stmt *s, SQLPOINTER data, SQLLEN len);
SQLRETURN bb_more_results(bb_stmt *s);
void bb_params_abandon(bb_stmt *s);
/* True while SQLParamData/SQLPutData are the only calls allowed. */
bool bb_params_need_data(const bb_stmt *s);
/* The same, with HY010 recorded for the call that came instead. */
bool bb_params_busy(bb_stmt *s);

/* SQLDescribeParam (param_describe.c). */
SQLRETURN bb_describe_param(bb_stmt *s, SQLUSMALLINT n, SQLSMALLINT *type,
			    SQLULEN *size, SQLSMALLINT *digits,
			    SQLSMALLINT *nullable);

#endif
