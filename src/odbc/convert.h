/*
 * convert.h - one result value to the C type an application bound.
 *
 * Implements the SQL-to-C conversion rules of the ODBC Programmer's
 * Reference (appendix D, "Converting Data from SQL to C Data Types") for
 * the SQL types the driver returns, independent of any handle so the
 * whole matrix is tested directly. Character data may be read in pieces:
 * *offset carries the position between calls, as SQLGetData needs.
 */
#ifndef BB_CONVERT_H
#define BB_CONVERT_H

#include "util/setup.h"
#include "util/err.h"

/* One value of the current row, as the engine holds it. */
typedef struct bb_cell {
	enum {
		BB_CELL_NULL,
		BB_CELL_INT,
		BB_CELL_DOUBLE,
		BB_CELL_TEXT,
		BB_CELL_BLOB
	} kind;
	int64_t i;
	double d;
	const char *text; /* borrowed; UTF-8 for TEXT, bytes for BLOB */
	size_t len;       /* bytes of text/blob */
} bb_cell;

typedef enum bb_conv_rc {
	BB_CONV_OK,      /* SQL_SUCCESS */
	BB_CONV_INFO,    /* SQL_SUCCESS_WITH_INFO: *cond says why (01004...) */
	BB_CONV_NO_DATA, /* SQL_NO_DATA: the value was read out already */
	BB_CONV_ERROR    /* SQL_ERROR: *cond says why (22003, 07006...) */
} bb_conv_rc;

/*
 * Converts cell, of SQL type sql_type (SQL_WVARCHAR, SQL_INTEGER,
 * SQL_BIGINT, SQL_BIT, SQL_DOUBLE, SQL_TYPE_TIMESTAMP, SQL_WLONGVARCHAR,
 * SQL_SMALLINT, SQL_VARCHAR ...), to C type ctype (SQL_C_DEFAULT maps to
 * the SQL type's default C type) into target (buflen bytes). *ind receives
 * SQL_NULL_DATA or the length in bytes of what remained before this call
 * (SQL_NO_TOTAL never: lengths are known); ind may be NULL except for a
 * NULL value (22002). *offset: how much of the converted value earlier
 * calls returned (bytes of the target's encoding); 0 on the first call
 * for this column; SIZE_MAX once the value went out whole, so an empty
 * string or a NULL read once is told from one not read yet. When a
 * character or binary value was fully returned by earlier calls, answers
 * BB_CONV_NO_DATA; a fixed-size value read once answers BB_CONV_NO_DATA
 * on the next call too. A NULL target or a buflen too small for the
 * terminator only reports the length (*ind), consuming nothing.
 */
bb_conv_rc bb_convert(const bb_cell *cell, SQLSMALLINT sql_type,
		      SQLSMALLINT ctype, SQLPOINTER target, SQLLEN buflen,
		      SQLLEN *ind, size_t *offset, bb_cond *cond);

/* The default C type of a SQL type (SQL_C_DEFAULT). */
SQLSMALLINT bb_default_ctype(SQLSMALLINT sql_type);

/* True for SQL_C_DEFAULT and every C type bb_convert knows. */
bool bb_ctype_known(SQLSMALLINT ctype);

/* Size in bytes of a fixed-length C type, or 0 for variable ones. */
SQLLEN bb_ctype_size(SQLSMALLINT ctype);

#endif
