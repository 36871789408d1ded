/*
 * cursor.h - where a statement's block cursor stands, and the rows a
 * static cursor keeps (odbc/cursor.c), with the pieces of fetch.c that
 * both kinds of cursor share.
 *
 * A forward-only cursor with a rowset of one row streams: the engine's
 * current row is the cursor's row, nothing is copied. A static cursor
 * copies each row it reads into rows[] and keeps it until the cursor is
 * closed, reading the engine only as far as a fetch needs. A
 * forward-only cursor with a larger rowset keeps only its current
 * rowset there (base moves on), so SQLSetPos and SQLGetData can reach
 * any row of the block while memory stays bounded by the rowset size.
 */
#ifndef BB_CURSOR_H
#define BB_CURSOR_H

#include "util/setup.h"
#include "odbc/convert.h"

#include <sqlite3.h>

typedef struct bb_stmt bb_stmt;

typedef enum bb_cur_where {
	BB_CUR_BEFORE, /* before the first row (also: nothing fetched) */
	BB_CUR_ON,     /* on a rowset */
	BB_CUR_AFTER   /* after the last row */
} bb_cur_where;

typedef struct bb_cursor {
	bb_cell **rows; /* owned; each one allocation: the row's cells,
			 * then the text they point to */
	size_t nrows;   /* rows held in rows[] */
	size_t cap;     /* entries allocated in rows[] */
	SQLULEN base;   /* result row (0-based) held in rows[0] */
	bool complete;  /* the engine has no row beyond the ones read */
	bool failed;    /* reading the engine failed; reported once */
	bool live;      /* the rowset is the engine's current row */
	bb_cur_where where;
	SQLULEN start;        /* result row (1-based) of the rowset's first */
	SQLULEN nrowset;      /* rows in the current rowset */
	SQLULEN size;         /* rowset size of the last fetch */
	SQLULEN pos;          /* row of the rowset SQLGetData reads */
	SQLUSMALLINT *status; /* borrowed; the last fetch's status array */
	SQLULEN rowset_size;  /* SQL_ROWSET_SIZE (SQLExtendedFetch), 0: 1 */
} bb_cursor;

/* Frees the kept rows and puts the cursor before the start. */
void bb_cursor_reset(bb_stmt *s);
/* The cells of the current row for SQLGetData: NULL with SQL_SUCCESS
 * means the engine's current row; 24000 when no row is current. */
SQLRETURN bb_cursor_cells(bb_stmt *s, const bb_cell **cells);
/* SQL_ATTR_ROW_NUMBER: the current row's number in the result, or 0. */
SQLULEN bb_cursor_row_number(const bb_stmt *s);
SQLRETURN bb_extended_fetch(bb_stmt *s, SQLUSMALLINT orient, SQLLEN offset,
			    SQLULEN *nrows, SQLUSMALLINT *status);
SQLRETURN bb_set_pos(bb_stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op,
		     SQLUSMALLINT lock);

/* From fetch.c. */
bb_cell bb_cell_of(sqlite3_stmt *st, int i);
/* Converts one row (cells, or the engine's current row if NULL) into
 * row r of the bound buffers. */
SQLRETURN bb_fill_row(bb_stmt *s, const bb_cell *cells, SQLULEN r);
/* Steps the engine; *got false at the end (or after a failure). */
SQLRETURN bb_advance(bb_stmt *s, bool *got);
/* SQLFetch on a forward-only cursor with a rowset of one row: streams. */
SQLRETURN bb_fetch_stream(bb_stmt *s, SQLUSMALLINT *status, SQLULEN *fetched);

#endif
