/*
 * types.c - the driver's SQL types and their sizes.
 *
 * Text is reported as the wide types: values are Unicode, and clients
 * then fetch them as SQL_C_WCHAR without any code-page guesswork. Every
 * size is finite, as Excel and Power BI need.
 */
#include "util/setup.h"
#include "odbc/types.h"
#include "util/str.h"

#include <ctype.h>

#define LONG_TEXT_SIZE 65536

const bb_type_info bb_types[] = {
	{SQL_BIT, "BIT", 1, 1, -1, 0, NULL, NULL, NULL, false, false, false},
	{SQL_BIGINT, "BIGINT", 19, 20, 0, 10, NULL, NULL, NULL, false, false,
	 false},
	{SQL_LONGVARBINARY, "BLOB", 65536, 131072, -1, 0, "X'", "'", NULL,
	 false, false, false},
	{SQL_WLONGVARCHAR, "TEXT", LONG_TEXT_SIZE, LONG_TEXT_SIZE, -1, 0, "'",
	 "'", NULL, false, true, true},
	{SQL_INTEGER, "INTEGER", 10, 11, 0, 10, NULL, NULL, NULL, false, false,
	 false},
	{SQL_SMALLINT, "SMALLINT", 5, 6, 0, 10, NULL, NULL, NULL, false, false,
	 false},
	{SQL_DOUBLE, "DOUBLE", 15, 24, -1, 10, NULL, NULL, NULL, false, false,
	 false},
	{SQL_WVARCHAR, "VARCHAR", 255, 255, -1, 0, "'", "'", "max length",
	 false, true, true},
	{SQL_TYPE_DATE, "DATE", 10, 10, -1, 0, "'", "'", NULL, false, false,
	 false},
	{SQL_TYPE_TIME, "TIME", 8, 8, 0, 0, "'", "'", NULL, false, false,
	 false},
	{SQL_TYPE_TIMESTAMP, "TIMESTAMP", 26, 26, 6, 0, "'", "'", NULL, false,
	 false, false},
};

const int bb_ntypes = (int)BB_ARRAY_LEN(bb_types);

const bb_type_info *bb_type_of(SQLSMALLINT sql_type)
{
	int i;

	for (i = 0; i < bb_ntypes; i++)
		if (bb_types[i].sql_type == sql_type)
			return &bb_types[i];
	/* An unknown type reads as VARCHAR, which every client can fetch. */
	return sql_type == SQL_WVARCHAR ? &bb_types[0]
					: bb_type_of(SQL_WVARCHAR);
}

static bool has(const char *decl, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = decl; *p; p++)
		if (bb_strncasecmp(p, word, n) == 0)
			return true;
	return false;
}

SQLSMALLINT bb_type_from_decl(const char *decl, SQLULEN *size)
{
	const char *paren;

	*size = 0;
	if (!decl || !*decl)
		return SQL_UNKNOWN_TYPE;
	if (has(decl, "CHAR")) {
		paren = strchr(decl, '(');
		*size = paren ? strtoul(paren + 1, NULL, 10) : 255;
		if (*size == 0 || *size > LONG_TEXT_SIZE)
			*size = 255;
		return SQL_WVARCHAR;
	}
	if (has(decl, "TIMESTAMP") || has(decl, "DATETIME"))
		return SQL_TYPE_TIMESTAMP;
	if (has(decl, "BIGINT"))
		return SQL_BIGINT;
	if (has(decl, "SMALLINT") || has(decl, "TINYINT"))
		return SQL_SMALLINT;
	if (has(decl, "INT"))
		return SQL_INTEGER;
	if (has(decl, "BIT") || has(decl, "BOOL"))
		return SQL_BIT;
	if (has(decl, "DATE"))
		return SQL_TYPE_DATE;
	if (has(decl, "TIME"))
		return SQL_TYPE_TIME;
	if (has(decl, "DOUB") || has(decl, "FLOA") || has(decl, "REAL") ||
	    has(decl, "NUM") || has(decl, "DEC"))
		return SQL_DOUBLE;
	if (has(decl, "BLOB") || has(decl, "BINARY"))
		return SQL_LONGVARBINARY;
	return SQL_WLONGVARCHAR; /* TEXT, CLOB, JSON */
}

SQLSMALLINT bb_type_for_app(SQLSMALLINT t, bool odbc2)
{
	if (!odbc2)
		return t;
	switch (t) {
	case SQL_TYPE_DATE:
		return SQL_DATE;
	case SQL_TYPE_TIME:
		return SQL_TIME;
	case SQL_TYPE_TIMESTAMP:
		return SQL_TIMESTAMP;
	}
	return t;
}

SQLSMALLINT bb_type_from_app(SQLSMALLINT t)
{
	switch (t) {
	case SQL_DATE:
		return SQL_TYPE_DATE;
	case SQL_TIME:
		return SQL_TYPE_TIME;
	case SQL_TIMESTAMP:
		return SQL_TYPE_TIMESTAMP;
	}
	return t;
}

SQLSMALLINT bb_type_verbose(SQLSMALLINT t)
{
	switch (t) {
	case SQL_TYPE_DATE:
	case SQL_TYPE_TIME:
	case SQL_TYPE_TIMESTAMP:
		return SQL_DATETIME;
	}
	return t;
}

SQLSMALLINT bb_type_subcode(SQLSMALLINT t)
{
	switch (t) {
	case SQL_TYPE_DATE:
		return SQL_CODE_DATE;
	case SQL_TYPE_TIME:
		return SQL_CODE_TIME;
	case SQL_TYPE_TIMESTAMP:
		return SQL_CODE_TIMESTAMP;
	}
	return 0;
}

SQLLEN bb_type_octets(SQLSMALLINT t, SQLULEN size)
{
	switch (t) {
	case SQL_WVARCHAR:
	case SQL_WLONGVARCHAR:
		return (SQLLEN)size * (SQLLEN)sizeof(SQLWCHAR);
	case SQL_LONGVARBINARY:
		return (SQLLEN)size;
	case SQL_BIT:
		return 1;
	case SQL_SMALLINT:
		return 2;
	case SQL_INTEGER:
		return 4;
	case SQL_BIGINT:
	case SQL_DOUBLE:
		return 8;
	case SQL_TYPE_DATE:
		return sizeof(SQL_DATE_STRUCT);
	case SQL_TYPE_TIME:
		return sizeof(SQL_TIME_STRUCT);
	case SQL_TYPE_TIMESTAMP:
		return sizeof(SQL_TIMESTAMP_STRUCT);
	}
	return (SQLLEN)size;
}

SQLLEN bb_type_display(SQLSMALLINT t, SQLULEN size)
{
	switch (t) {
	case SQL_WVARCHAR:
	case SQL_WLONGVARCHAR:
		return (SQLLEN)size;
	case SQL_LONGVARBINARY:
		return (SQLLEN)size * 2;
	}
	return bb_type_of(t)->display;
}
