/*
 * exports_cursor.c - statement entry points of scrollable cursors:
 * SQLExtendedFetch (the ODBC 2 fetch, for applications that still call
 * it) and SQLSetPos. The work is cursor.c's.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/export.h"

SQLRETURN SQL_API SQLExtendedFetch(SQLHSTMT h, SQLUSMALLINT orient,
				   SQLLEN offset, SQLULEN *nrows,
				   SQLUSMALLINT *status)
{
	ENTER_STMT(h);
	return bb_extended_fetch(s, orient, offset, nrows, status);
}

SQLRETURN SQL_API SQLSetPos(SQLHSTMT h, SQLSETPOSIROW row, SQLUSMALLINT op,
			    SQLUSMALLINT lock)
{
	ENTER_STMT(h);
	return bb_set_pos(s, row, op, lock);
}
