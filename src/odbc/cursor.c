/*
 * cursor.c - moving a statement's cursor: SQLFetch, SQLFetchScroll,
 * SQLExtendedFetch, SQLSetPos.
 *
 * A forward-only cursor takes SQL_FETCH_NEXT only (HY106 otherwise). A
 * static cursor (SQL_ATTR_CURSOR_TYPE or SQL_ATTR_CURSOR_SCROLLABLE)
 * takes every orientation but bookmarks, as the "Cursor Positioning
 * Rules" of SQLFetchScroll in the ODBC Programmer's Reference give
 * them, over copies of the rows it has read. FIRST, NEXT, RELATIVE and
 * ABSOLUTE n read the engine only up to the last row they return, so an
 * application that stops early still stops the API's paging early;
 * LAST, negative ABSOLUTE and PRIOR from after the end read it all.
 * The rows are insensitive (nothing else changes them while the cursor
 * is open) and read-only: SQLSetPos positions and refreshes, and
 * refuses to write.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/cursor.h"
#include "util/str.h"

/* Where a fetch puts the cursor. */
typedef struct target {
	bb_cur_where where;
	SQLULEN start; /* first row of the new rowset, when on one */
	bool early;    /* 01S06: clamped to row 1 */
} target;

static bool is_static(const bb_stmt *s)
{
	return s->cursor_type != SQL_CURSOR_FORWARD_ONLY;
}

static void drop_rows(bb_cursor *c)
{
	size_t i;

	for (i = 0; i < c->nrows; i++)
		free(c->rows[i]);
	c->base += c->nrows;
	c->nrows = 0;
}

void bb_cursor_reset(bb_stmt *s)
{
	bb_cursor *c = &s->cur;
	SQLULEN rowset_size = c->rowset_size; /* an attribute: it stays */

	drop_rows(c);
	free(c->rows);
	memset(c, 0, sizeof(*c));
	c->rowset_size = rowset_size;
}

static bool has_text(const bb_cell *c)
{
	return c->kind == BB_CELL_TEXT || c->kind == BB_CELL_BLOB;
}

/* The engine's current row as one allocation: the cells, then the
 * text and blobs they point to, each with a terminator. */
static bb_cell *copy_row(bb_stmt *s)
{
	size_t bytes = (size_t)s->ncols * sizeof(bb_cell);
	bb_cell *cells;
	char *text;
	int i;

	for (i = 0; i < s->ncols; i++) {
		bb_cell c = bb_cell_of(s->st, i);

		if (has_text(&c))
			bytes += c.len + 1;
	}
	cells = malloc(bytes);
	if (!cells)
		return NULL;
	text = (char *)(cells + s->ncols);
	for (i = 0; i < s->ncols; i++) {
		cells[i] = bb_cell_of(s->st, i);
		if (!has_text(&cells[i]))
			continue;
		if (cells[i].len)
			memcpy(text, cells[i].text, cells[i].len);
		text[cells[i].len] = '\0';
		cells[i].text = text;
		text += cells[i].len + 1;
	}
	return cells;
}

static SQLRETURN keep_row(bb_stmt *s)
{
	bb_cursor *c = &s->cur;
	bb_cell *row;

	if (c->nrows == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		bb_cell **rows = realloc(c->rows, cap * sizeof(*rows));

		if (!rows)
			return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
		c->rows = rows;
		c->cap = cap;
	}
	row = copy_row(s);
	if (!row)
		return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
	c->rows[c->nrows++] = row;
	return SQL_SUCCESS;
}

/* Row k (1-based) of the result in *row, reading the engine as far as
 * that row; *row is NULL when the result is shorter (or the row was
 * dropped with an earlier rowset of a forward-only cursor). */
static SQLRETURN row_at(bb_stmt *s, SQLULEN k, const bb_cell **row)
{
	bb_cursor *c = &s->cur;

	*row = NULL;
	while (k > c->base + c->nrows) {
		bool got = false;
		SQLRETURN rc;

		if (c->failed)
			return bb_diag_addf(
				&s->diag, BB_E_GENERAL,
				"the result could not be read "
				"past row %lu",
				(unsigned long)(c->base + c->nrows));
		if (c->complete ||
		    (s->max_rows && c->base + c->nrows >= s->max_rows)) {
			c->complete = true;
			return SQL_SUCCESS;
		}
		rc = bb_advance(s, &got);
		if (SQL_SUCCEEDED(rc) && got)
			rc = keep_row(s);
		if (!SQL_SUCCEEDED(rc)) {
			c->failed = true;
			return rc;
		}
		if (!got)
			c->complete = true;
	}
	if (k > c->base)
		*row = c->rows[k - 1 - c->base];
	return SQL_SUCCESS;
}

/* LastResultRow: reads the whole result. */
static SQLRETURN last_row(bb_stmt *s, SQLULEN *last)
{
	bb_cursor *c = &s->cur;
	const bb_cell *row;
	SQLRETURN rc = SQL_SUCCESS;

	while (!c->complete && SQL_SUCCEEDED(rc))
		rc = row_at(s, c->base + c->nrows + 1, &row);
	*last = c->base + c->nrows;
	return rc;
}

static void go(target *t, bb_cur_where where, SQLULEN start, bool early)
{
	t->where = where;
	t->start = start;
	t->early = early;
}

static void absolute(SQLLEN off, SQLULEN size, SQLULEN last, target *t)
{
	if (off > 0)
		go(t, BB_CUR_ON, (SQLULEN)off, false);
	else if (off == 0 || last == 0)
		go(t, BB_CUR_BEFORE, 0, false);
	else if (off >= -(SQLLEN)last)
		go(t, BB_CUR_ON, (SQLULEN)((SQLLEN)last + off + 1), false);
	else if (off < -(SQLLEN)size)
		go(t, BB_CUR_BEFORE, 0, false);
	else
		go(t, BB_CUR_ON, 1, true);
}

/* RELATIVE from a rowset, before the start with off <= 0, or after
 * the end with off >= 0. */
static void relative(const bb_cursor *c, SQLLEN off, SQLULEN size, target *t)
{
	if (c->where != BB_CUR_ON)
		go(t, c->where, 0, false);
	else if (off >= 0)
		go(t, BB_CUR_ON, c->start + (SQLULEN)off, false);
	else if ((SQLULEN)(-(off + 1)) < c->start - 1)
		go(t, BB_CUR_ON, (SQLULEN)((SQLLEN)c->start + off), false);
	else if (c->start == 1 || off < -(SQLLEN)size)
		go(t, BB_CUR_BEFORE, 0, false);
	else
		go(t, BB_CUR_ON, 1, true);
}

static void prior(const bb_cursor *c, SQLULEN size, SQLULEN last, target *t)
{
	if (c->where == BB_CUR_BEFORE ||
	    (c->where == BB_CUR_ON && c->start == 1) ||
	    (c->where == BB_CUR_AFTER && last == 0))
		go(t, BB_CUR_BEFORE, 0, false);
	else if (c->where == BB_CUR_ON)
		go(t, BB_CUR_ON, c->start > size ? c->start - size : 1,
		   c->start <= size);
	else
		go(t, BB_CUR_ON, last >= size ? last - size + 1 : 1,
		   last < size);
}

/* The new rowset's start for a static cursor. */
static SQLRETURN locate(bb_stmt *s, SQLSMALLINT orient, SQLLEN off,
			SQLULEN size, target *t)
{
	const bb_cursor *c = &s->cur;
	bool after = c->where == BB_CUR_AFTER;
	bool before = c->where == BB_CUR_BEFORE;
	SQLULEN last = 0;
	SQLRETURN rc = SQL_SUCCESS;

	if (orient == SQL_FETCH_LAST || (orient == SQL_FETCH_PRIOR && after) ||
	    ((orient == SQL_FETCH_ABSOLUTE ||
	      (orient == SQL_FETCH_RELATIVE && after)) &&
	     off < 0)) {
		rc = last_row(s, &last);
		if (!SQL_SUCCEEDED(rc))
			return rc;
	}
	switch (orient) {
	case SQL_FETCH_NEXT:
		/* NEXT steps by the rowset size of the previous fetch. */
		go(t, c->where == BB_CUR_AFTER ? BB_CUR_AFTER : BB_CUR_ON,
		   before ? 1 : c->start + c->size, false);
		return rc;
	case SQL_FETCH_FIRST:
		go(t, BB_CUR_ON, 1, false);
		return rc;
	case SQL_FETCH_LAST:
		if (last == 0)
			go(t, BB_CUR_AFTER, 0, false);
		else
			go(t, BB_CUR_ON, size < last ? last - size + 1 : 1,
			   false);
		return rc;
	case SQL_FETCH_PRIOR:
		prior(c, size, last, t);
		return rc;
	case SQL_FETCH_ABSOLUTE:
		absolute(off, size, last, t);
		return rc;
	case SQL_FETCH_RELATIVE:
		if ((before && off > 0) || (after && off < 0))
			absolute(off, size, last, t);
		else
			relative(c, off, size, t);
		return rc;
	}
	return bb_diag_addf(&s->diag, BB_E_FETCH_TYPE,
			    "fetch orientation %d is not known", (int)orient);
}

static SQLUSMALLINT row_status(SQLRETURN one)
{
	return one == SQL_SUCCESS ? SQL_ROW_SUCCESS
	       : one == SQL_ERROR ? SQL_ROW_ERROR
				  : SQL_ROW_SUCCESS_WITH_INFO;
}

/* A rowset's return code from its rows' (as SQLFetch has it): a
 * single row's own code; for several, a warning when any row had one. */
static SQLRETURN merge(SQLRETURN rc, SQLRETURN one, SQLULEN size)
{
	if (size == 1 || one == SQL_SUCCESS)
		return size == 1 ? one : rc;
	return rc == SQL_ERROR ? rc : SQL_SUCCESS_WITH_INFO;
}

/* Fills the rowset of size rows from result row start; *got is how
 * many rows the result had there. */
static SQLRETURN fill_rowset(bb_stmt *s, SQLULEN start, SQLULEN size,
			     SQLUSMALLINT *status, SQLULEN *got)
{
	SQLRETURN rc = SQL_SUCCESS;
	SQLULEN r;

	for (r = 0; r < size; r++) {
		const bb_cell *row;
		SQLRETURN one = row_at(s, start + r, &row);

		if (!SQL_SUCCEEDED(one)) {
			if (r == 0) {
				*got = 0;
				return one;
			}
			rc = SQL_SUCCESS_WITH_INFO; /* the rows before it */
			break;
		}
		if (!row)
			break;
		one = bb_fill_row(s, row, r);
		if (status)
			status[r] = row_status(one);
		rc = merge(rc, one, size);
	}
	*got = r;
	return rc;
}

/* One fetch of a forward-only cursor with a rowset of several rows:
 * the rows of the previous rowset are dropped first. */
static SQLRETURN fetch_block(bb_stmt *s, SQLULEN size, SQLUSMALLINT *status,
			     SQLULEN *got)
{
	bb_cursor *c = &s->cur;
	SQLRETURN rc;

	drop_rows(c);
	c->base = s->rows_seen; /* rows a streaming fetch took count too */
	rc = fill_rowset(s, c->base + 1, size, status, got);
	s->rows_seen = c->base + c->nrows;
	return rc;
}

/* Moves the cursor as the fetch found it and writes the counts. */
static SQLRETURN settle(bb_stmt *s, SQLRETURN rc, const target *t, SQLULEN size,
			SQLULEN got)
{
	bb_cursor *c = &s->cur;

	c->size = size;
	c->nrowset = got;
	c->pos = 1;
	s->fetched = got > 0;
	if (got == 0) {
		if (SQL_SUCCEEDED(rc))
			rc = SQL_NO_DATA;
		if (rc == SQL_NO_DATA)
			c->where = t->where == BB_CUR_BEFORE ? BB_CUR_BEFORE
							     : BB_CUR_AFTER;
		return rc;
	}
	c->where = BB_CUR_ON;
	c->start = t->start;
	if (t->early) {
		bb_diag_add(&s->diag, BB_W_ROWSET_START, 0, NULL, NULL);
		if (rc == SQL_SUCCESS)
			rc = SQL_SUCCESS_WITH_INFO;
	}
	return rc;
}

/* The fetch behind SQLFetch, SQLFetchScroll and SQLExtendedFetch. */
static SQLRETURN scroll(bb_stmt *s, SQLSMALLINT orient, SQLLEN off,
			SQLULEN size, SQLUSMALLINT *status, SQLULEN *fetched)
{
	bb_cursor *c = &s->cur;
	target t = {BB_CUR_ON, 0, false};
	SQLULEN got = 0, k;
	SQLRETURN rc;

	if (!s->executed) /* before any execution: HY010, not 24000 */
		return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL, NULL);
	if (s->ncols == 0)
		return bb_diag_add(&s->diag, BB_E_NO_CURSOR, 0, NULL, NULL);
	if (orient == SQL_FETCH_BOOKMARK)
		return bb_diag_add(&s->diag, BB_E_NOT_IMPL, 0, NULL,
				   "bookmarks are not supported");
	if (orient != SQL_FETCH_NEXT && !is_static(s))
		return bb_diag_add(&s->diag, BB_E_FETCH_TYPE, 0, NULL,
				   "the cursor is forward-only: only "
				   "SQL_FETCH_NEXT");
	s->gd_col = 0;
	s->gd_offset = 0;
	bb_http_begin(&s->dbc->http, s->query_timeout);
	c->status = status;
	c->live = !is_static(s) && size == 1;
	if (c->live) {
		t.start = s->rows_seen + 1;
		rc = bb_fetch_stream(s, status, &got);
	} else if (!is_static(s)) {
		t.start = s->rows_seen + 1;
		rc = c->where == BB_CUR_AFTER
			     ? SQL_NO_DATA
			     : fetch_block(s, size, status, &got);
	} else {
		rc = locate(s, orient, off, size, &t);
		if (SQL_SUCCEEDED(rc) && t.where == BB_CUR_ON)
			rc = fill_rowset(s, t.start, size, status, &got);
	}
	if (fetched)
		*fetched = got;
	if (status)
		for (k = got; k < size; k++)
			status[k] = SQL_ROW_NOROW;
	return settle(s, rc, &t, size, got);
}

SQLRETURN bb_fetch(bb_stmt *s)
{
	return scroll(s, SQL_FETCH_NEXT, 0, s->row_array_size, s->row_status,
		      s->rows_fetched);
}

SQLRETURN bb_fetch_scroll(bb_stmt *s, SQLSMALLINT orient, SQLLEN offset)
{
	return scroll(s, orient, offset, s->row_array_size, s->row_status,
		      s->rows_fetched);
}

/* The ODBC 2 form: its own count and status array, SQL_ROWSET_SIZE
 * rows, warnings not flagged per row, and rows that all failed a
 * warning rather than an error. */
SQLRETURN bb_extended_fetch(bb_stmt *s, SQLUSMALLINT orient, SQLLEN offset,
			    SQLULEN *nrows, SQLUSMALLINT *status)
{
	SQLULEN size = s->cur.rowset_size ? s->cur.rowset_size : 1, got = 0;
	SQLRETURN rc =
		scroll(s, (SQLSMALLINT)orient, offset, size, status, &got);
	SQLULEN k;

	if (nrows)
		*nrows = got;
	for (k = 0; status && k < got; k++)
		if (status[k] == SQL_ROW_SUCCESS_WITH_INFO)
			status[k] = SQL_ROW_SUCCESS;
	if (rc == SQL_ERROR && got > 0)
		rc = SQL_SUCCESS_WITH_INFO;
	return rc;
}

SQLRETURN bb_cursor_cells(bb_stmt *s, const bb_cell **cells)
{
	const bb_cursor *c = &s->cur;

	*cells = NULL;
	if (!s->executed)
		return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL, NULL);
	if (s->ncols == 0 || c->where != BB_CUR_ON)
		return bb_diag_add(&s->diag, BB_E_NO_CURSOR, 0, NULL,
				   "no row is current");
	if (!c->live)
		*cells = c->rows[c->start + c->pos - 2 - c->base];
	return SQL_SUCCESS;
}

SQLULEN bb_cursor_row_number(const bb_stmt *s)
{
	const bb_cursor *c = &s->cur;

	return c->where == BB_CUR_ON ? c->start + c->pos - 1 : 0;
}

/* SQL_REFRESH: the bound buffers of one row (or all, row 0) again. */
static SQLRETURN refresh(bb_stmt *s, SQLULEN row)
{
	bb_cursor *c = &s->cur;
	SQLULEN r = row ? row - 1 : 0, end = row ? row : c->nrowset;
	SQLRETURN rc = SQL_SUCCESS;

	for (; r < end; r++) {
		const bb_cell *cells =
			c->live ? NULL : c->rows[c->start - 1 + r - c->base];
		SQLRETURN one = bb_fill_row(s, cells, r);

		/* The array SQL_ATTR_ROW_STATUS_PTR names now: the one of the
		 * last fetch may be gone. */
		if (s->row_status)
			s->row_status[r] = row_status(one);
		rc = merge(rc, one, end - (row ? row - 1 : 0));
	}
	return rc;
}

SQLRETURN bb_set_pos(bb_stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op,
		     SQLUSMALLINT lock)
{
	bb_cursor *c = &s->cur;
	SQLRETURN rc = SQL_SUCCESS;

	if (op == SQL_UPDATE || op == SQL_DELETE || op == SQL_ADD)
		return bb_diag_add(&s->diag, BB_E_NOT_IMPL, 0, NULL,
				   "the result is read-only: change rows "
				   "with INSERT, UPDATE or DELETE statements");
	if (op != SQL_POSITION && op != SQL_REFRESH)
		return bb_diag_add(&s->diag, BB_E_BAD_ATTR_ID, 0, NULL,
				   "unknown SQLSetPos operation");
	if (lock == SQL_LOCK_EXCLUSIVE || lock == SQL_LOCK_UNLOCK)
		return bb_diag_add(&s->diag, BB_E_NOT_IMPL, 0, NULL,
				   "rows cannot be locked");
	if (lock != SQL_LOCK_NO_CHANGE)
		return bb_diag_add(&s->diag, BB_E_BAD_ATTR_ID, 0, NULL,
				   "unknown SQLSetPos lock type");
	if (!s->executed)
		return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL, NULL);
	if (s->ncols == 0 || c->where != BB_CUR_ON)
		return bb_diag_add(&s->diag, BB_E_NO_CURSOR, 0, NULL,
				   "the cursor is not on a rowset");
	if (row > c->size)
		return bb_diag_addf(&s->diag, BB_E_ROW_RANGE,
				    "the rowset has %lu rows",
				    (unsigned long)c->size);
	if (row == 0 && op == SQL_POSITION)
		return bb_diag_add(&s->diag, BB_E_CURSOR_POS, 0, NULL,
				   "SQL_POSITION needs a row number");
	if (row > c->nrowset)
		return bb_diag_addf(&s->diag, BB_E_CURSOR_POS,
				    "row %lu of the rowset holds no row",
				    (unsigned long)row);
	if (op == SQL_REFRESH)
		rc = refresh(s, row);
	if (row && row != c->pos) {
		c->pos = row;
		s->gd_col = 0;
		s->gd_offset = 0;
	}
	return rc;
}
