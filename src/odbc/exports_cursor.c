/*
 * exports_cursor.c - statement entry points of scrollable cursors:
 * SQLExtendedFetch (the ODBC 2 fetch, for applications that still call
 * it), SQLSetPos and SQLBulkOperations. The work is cursor.c's.
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

/* Results are read-only and there are no bookmarks (SQL_BULK_OPERATIONS
 * and the cursor attributes say so): each operation is refused with the
 * reason, after the checks every call gets. */
SQLRETURN SQL_API SQLBulkOperations(SQLHSTMT h, SQLSMALLINT op)
{
	ENTER_STMT(h);
	if (op != SQL_ADD && op != SQL_UPDATE_BY_BOOKMARK &&
	    op != SQL_DELETE_BY_BOOKMARK && op != SQL_FETCH_BY_BOOKMARK)
		return bb_diag_add(&s->diag, BB_E_BAD_ATTR_ID, 0, NULL,
				   "unknown SQLBulkOperations operation");
	if (!s->executed || s->ncols == 0)
		return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL,
				   "no result set is open");
	if (op != SQL_ADD)
		return bb_diag_add(&s->diag, BB_E_NOT_IMPL, 0, NULL,
				   "the driver has no bookmarks");
	return bb_diag_add(&s->diag, BB_E_NOT_IMPL, 0, NULL,
			   "the result is read-only: add rows with INSERT "
			   "statements");
}
