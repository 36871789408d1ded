/*
 * diag.h - diagnostic records and the SQLSTATE catalogue.
 *
 * Every condition of util/err.h has one row in the catalogue: its ODBC 3
 * SQLSTATE, its ODBC 2 SQLSTATE (for applications that asked for
 * SQL_OV_ODBC2) and its default text. The return code follows from the
 * state's class: "01" is a warning, everything else an error. Messages
 * carry the vendor and component tags, "[bbodbc][rest] ...".
 */
#ifndef BB_DIAG_H
#define BB_DIAG_H

#include "util/setup.h"
#include "util/err.h"

typedef struct bb_diag_rec {
	char state[6];
	SQLINTEGER native;
	char *msg;         /* owned; tags included */
	SQLLEN row;        /* SQL_DIAG_ROW_NUMBER */
	SQLINTEGER column; /* SQL_DIAG_COLUMN_NUMBER */
} bb_diag_rec;

typedef struct bb_diag {
	bb_diag_rec *recs; /* owned */
	int n, cap;
	SQLRETURN rc;     /* SQL_DIAG_RETURNCODE */
	bool odbc2;       /* report ODBC 2 SQLSTATEs */
	SQLLEN row_count; /* SQL_DIAG_CURSOR_ROW_COUNT / ROW_COUNT */
} bb_diag;

void bb_diag_clear(bb_diag *d);
void bb_diag_free(bb_diag *d);
/* Adds a record for cond with a message (NULL for the default text);
 * returns SQL_ERROR or SQL_SUCCESS_WITH_INFO as the state's class says. */
SQLRETURN bb_diag_add(bb_diag *d, bb_cond cond, long native,
		      const char *component, const char *msg);
SQLRETURN bb_diag_addf(bb_diag *d, bb_cond cond, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Adds the record a bb_err describes. */
SQLRETURN bb_diag_err(bb_diag *d, const bb_err *e, const char *component);
/* The SQLSTATE of a condition, for tests and the docs. */
const char *bb_cond_state(bb_cond cond, bool odbc2);

/* Reads one record for SQLGetDiagRec / SQLGetDiagField. */
SQLRETURN bb_get_diag_rec(bb_diag *d, SQLSMALLINT rec, char state[6],
			  SQLINTEGER *native, const char **msg);
SQLRETURN bb_get_diag_field(bb_diag *d, SQLSMALLINT handle_type,
			    SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER val,
			    SQLSMALLINT buflen, SQLSMALLINT *outlen, bool wide);

#endif
