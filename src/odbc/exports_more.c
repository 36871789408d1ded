/*
 * exports_more.c - statement entry points around parameters and cursors:
 * SQLDescribeParam, SQLGetCursorName, SQLSetCursorName (ANSI and wide).
 *
 * SQLDescribeParam's answers come from param_describe.c. Cursor
 * names are kept and reported; positioned UPDATE and DELETE are not
 * supported, so nothing else uses them.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/export.h"
#include "util/str.h"

#include <stdio.h>

SQLRETURN SQL_API SQLDescribeParam(SQLHSTMT h, SQLUSMALLINT n,
				   SQLSMALLINT *type, SQLULEN *size,
				   SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
	ENTER_STMT(h);
	return bb_describe_param(s, n, type, size, digits, nullable);
}

static SQLRETURN get_cursor_name(bb_stmt *s, SQLPOINTER buf, SQLSMALLINT max,
				 SQLSMALLINT *len, bool wide)
{
	char made[40];

	/* A name the application did not set is made up once, as ODBC
	 * wants: SQL_CUR followed by something unique to the statement. */
	if (!s->cursor_name) {
		bb_snprintf(made, sizeof(made), "SQL_CUR%p", (void *)s);
		s->cursor_name = bb_strdup(made);
		if (!s->cursor_name)
			return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
	}
	return bb_out_str_small(&s->diag, s->cursor_name, buf, max, len, wide);
}

static SQLRETURN set_cursor_name(bb_stmt *s, char *name)
{
	if (!name)
		return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
	if (s->executed) {
		free(name);
		return bb_diag_add(&s->diag, BB_E_NO_CURSOR, 0, NULL,
				   "the statement was executed already");
	}
	if (!*name || strlen(name) > 128 ||
	    bb_strncasecmp(name, "SQL_CUR", 7) == 0) {
		free(name);
		return bb_diag_addf(&s->diag, BB_E_CURSOR_NAME,
				    "a cursor name must be 1 to 128 "
				    "characters and not begin with SQL_CUR");
	}
	free(s->cursor_name);
	s->cursor_name = name;
	return SQL_SUCCESS;
}

SQLRETURN SQL_API SQLGetCursorName(SQLHSTMT h, SQLCHAR *buf, SQLSMALLINT max,
				   SQLSMALLINT *len)
{
	ENTER_STMT(h);
	return get_cursor_name(s, buf, max, len, false);
}

SQLRETURN SQL_API SQLGetCursorNameW(SQLHSTMT h, SQLWCHAR *buf, SQLSMALLINT max,
				    SQLSMALLINT *len)
{
	ENTER_STMT(h);
	return get_cursor_name(s, buf, max, len, true);
}

SQLRETURN SQL_API SQLSetCursorName(SQLHSTMT h, SQLCHAR *name, SQLSMALLINT len)
{
	ENTER_STMT(h);
	return set_cursor_name(s, bb_in_str(name, len));
}

SQLRETURN SQL_API SQLSetCursorNameW(SQLHSTMT h, SQLWCHAR *name, SQLSMALLINT len)
{
	ENTER_STMT(h);
	return set_cursor_name(s, bb_in_wstr(name, len));
}
