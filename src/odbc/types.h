/*
 * types.h - the SQL types the driver returns, in one table.
 *
 * SQLDescribeCol, SQLColAttribute, SQLColumns and SQLGetTypeInfo all
 * answer from this table, so they cannot disagree.
 */
#ifndef BB_TYPES_H
#define BB_TYPES_H

#include "util/setup.h"

typedef struct bb_type_info {
	SQLSMALLINT sql_type; /* concise type */
	const char *name;     /* TYPE_NAME */
	SQLULEN size;         /* default column size */
	SQLLEN display;       /* display size for the default size */
	SQLSMALLINT digits;   /* decimal digits (scale), or -1 if n/a */
	SQLSMALLINT radix;    /* 10 for numbers, 0 otherwise */
	const char *prefix;   /* literal prefix, or NULL */
	const char *suffix;   /* literal suffix, or NULL */
	const char *params;   /* CREATE_PARAMS, or NULL */
	bool is_unsigned;
	bool searchable_like; /* SQL_SEARCHABLE rather than PRED_BASIC */
	bool case_sensitive;
} bb_type_info;

extern const bb_type_info bb_types[];
extern const int bb_ntypes;

const bb_type_info *bb_type_of(SQLSMALLINT sql_type);

/* The ODBC type of a SQLite declared type ("VARCHAR(255)", "TIMESTAMP",
 * "BIT", "JSON" ...); *size gets the declared length where there is one. */
SQLSMALLINT bb_type_from_decl(const char *decl, SQLULEN *size);

/* The type code an application of that ODBC version expects: ODBC 2
 * knows the datetime types as SQL_DATE, SQL_TIME and SQL_TIMESTAMP (9,
 * 10, 11) rather than SQL_TYPE_DATE ... (91, 92, 93). */
SQLSMALLINT bb_type_for_app(SQLSMALLINT sql_type, bool odbc2);
/* An application's SQL type code in the driver's terms: the ODBC 2
 * datetime codes are taken for their ODBC 3 forms. */
SQLSMALLINT bb_type_from_app(SQLSMALLINT sql_type);

/* Verbose type, datetime subcode, octet and display sizes of a column. */
SQLSMALLINT bb_type_verbose(SQLSMALLINT sql_type);
SQLSMALLINT bb_type_subcode(SQLSMALLINT sql_type);
SQLLEN bb_type_octets(SQLSMALLINT sql_type, SQLULEN size);
SQLLEN bb_type_display(SQLSMALLINT sql_type, SQLULEN size);

#endif
