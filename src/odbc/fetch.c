/*
 * fetch.c - reading rows: SQLBindCol, SQLGetData, and the streaming
 * SQLFetch of a forward-only cursor.
 *
 * Rows come from the engine one at a time (the virtual tables fetch API
 * pages as they go). Bound columns are filled on each fetch, with
 * row-wise or column-wise binding and a row array; SQLGetData reads any
 * column of the current row, in pieces where the value is long. Which
 * row is current, and scrolling, are cursor.c's.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/convert.h"
#include "odbc/cursor.h"
#include "util/str.h"

bb_cell bb_cell_of(sqlite3_stmt *st, int i)
{
	bb_cell c;

	memset(&c, 0, sizeof(c));
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER:
		c.kind = BB_CELL_INT;
		c.i = sqlite3_column_int64(st, i);
		break;
	case SQLITE_FLOAT:
		c.kind = BB_CELL_DOUBLE;
		c.d = sqlite3_column_double(st, i);
		break;
	case SQLITE_TEXT:
		c.kind = BB_CELL_TEXT;
		c.text = (const char *)sqlite3_column_text(st, i);
		c.len = (size_t)sqlite3_column_bytes(st, i);
		break;
	case SQLITE_BLOB:
		c.kind = BB_CELL_BLOB;
		c.text = sqlite3_column_blob(st, i);
		c.len = (size_t)sqlite3_column_bytes(st, i);
		break;
	default:
		c.kind = BB_CELL_NULL;
	}
	return c;
}

SQLRETURN bb_bind_col(bb_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype,
		      SQLPOINTER ptr, SQLLEN buflen, SQLLEN *ind)
{
	if (buflen < 0)
		return bb_diag_add(&s->diag, BB_E_BAD_LENGTH, 0, NULL, NULL);
	if (col == 0)
		return bb_diag_add(&s->diag, BB_E_BAD_COLUMN, 0, NULL,
				   "bookmarks are not supported");
	if (col > s->nbinds) {
		bb_binding *b;

		if (!ptr && !ind)
			return SQL_SUCCESS; /* unbinding what was never bound */
		b = realloc(s->binds, col * sizeof(*b));
		if (!b)
			return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
		memset(b + s->nbinds, 0, (col - s->nbinds) * sizeof(*b));
		s->binds = b;
		s->nbinds = col;
	}
	if (ptr && !bb_ctype_known(ctype))
		return bb_diag_add(&s->diag, BB_E_BAD_CTYPE, 0, NULL, NULL);
	s->binds[col - 1].ctype = ctype;
	s->binds[col - 1].ptr = ptr;
	s->binds[col - 1].buflen = buflen;
	s->binds[col - 1].ind = ind;
	s->binds[col - 1].len = ind;
	return SQL_SUCCESS;
}

/* Where row r of a bound column goes, for either binding orientation. */
static void bound_addr(const bb_stmt *s, int col, const bb_binding *b,
		       SQLULEN r, SQLPOINTER *ptr, SQLLEN **ind, SQLLEN **len)
{
	SQLULEN off = s->bind_offset ? *s->bind_offset : 0;
	SQLSMALLINT ct = b->ctype == SQL_C_DEFAULT
				 ? bb_default_ctype(s->cols[col].sql_type)
				 : b->ctype;
	SQLLEN fixed = bb_ctype_size(ct);
	SQLLEN elem = s->bind_type == SQL_BIND_BY_COLUMN
			      ? (fixed ? fixed : b->buflen)
			      : (SQLLEN)s->bind_type;
	SQLLEN ind_elem = s->bind_type == SQL_BIND_BY_COLUMN
				  ? (SQLLEN)sizeof(SQLLEN)
				  : (SQLLEN)s->bind_type;

	*ptr = b->ptr ? (char *)b->ptr + off + r * (SQLULEN)elem : NULL;
	*ind = b->ind ? (SQLLEN *)((char *)b->ind + off + r * (SQLULEN)ind_elem)
		      : NULL;
	*len = b->len ? (SQLLEN *)((char *)b->len + off + r * (SQLULEN)ind_elem)
		      : NULL;
}

/* Where the ARD set the length (OCTET_LENGTH_PTR) and the NULL indicator
 * (INDICATOR_PTR) apart: the indicator gets SQL_NULL_DATA or 0, the
 * length buffer the length; a NULL with no indicator is 22002. */
static bb_conv_rc split_ind(SQLLEN got, SQLLEN *ind, SQLLEN *len, bb_conv_rc cr,
			    bb_cond *cond)
{
	if (cr == BB_CONV_ERROR)
		return cr;
	if (got == SQL_NULL_DATA && !ind) {
		*cond = BB_E_NULL_NO_IND;
		return BB_CONV_ERROR;
	}
	if (ind)
		*ind = got == SQL_NULL_DATA ? SQL_NULL_DATA : 0;
	if (len && got != SQL_NULL_DATA)
		*len = got;
	return cr;
}

SQLRETURN bb_fill_row(bb_stmt *s, const bb_cell *cells, SQLULEN r)
{
	SQLRETURN rc = SQL_SUCCESS;
	int i;

	for (i = 0; i < s->nbinds && i < s->ncols; i++) {
		const bb_binding *b = &s->binds[i];
		bb_cell cell;
		SQLPOINTER ptr;
		SQLLEN *ind, *len, got = 0;
		size_t offset = 0;
		bb_cond cond = BB_OK;
		bb_conv_rc cr;

		if (!b->ptr && !b->ind && !b->len)
			continue;
		bound_addr(s, i, b, r, &ptr, &ind, &len);
		cell = cells ? cells[i] : bb_cell_of(s->st, i);
		cr = bb_convert(&cell, s->cols[i].sql_type, b->ctype, ptr,
				b->buflen, ind == len ? ind : &got, &offset,
				&cond);
		if (ind != len)
			cr = split_ind(got, ind, len, cr, &cond);
		if (cr == BB_CONV_INFO) {
			bb_diag_add(&s->diag, cond, 0, NULL, NULL);
			if (rc == SQL_SUCCESS)
				rc = SQL_SUCCESS_WITH_INFO;
		} else if (cr == BB_CONV_ERROR) {
			bb_diag_add(&s->diag, cond, 0, NULL, NULL);
			s->diag.recs[s->diag.n - 1].column = i + 1;
			rc = SQL_ERROR;
		}
	}
	return rc;
}

SQLRETURN bb_advance(bb_stmt *s, bool *got)
{
	int src;

	*got = false;
	if (s->done)
		return SQL_SUCCESS;
	if (s->row_ready) {
		s->row_ready = false;
		*got = true;
		return SQL_SUCCESS;
	}
	bb_engine_reset(&s->dbc->engine);
	src = sqlite3_step(s->st);
	if (src == SQLITE_ROW) {
		*got = true;
		return SQL_SUCCESS;
	}
	s->done = true;
	if (src == SQLITE_DONE)
		return SQL_SUCCESS;
	return bb_stmt_sqlite_error(s, src);
}

SQLRETURN bb_fetch_stream(bb_stmt *s, SQLUSMALLINT *status, SQLULEN *fetched)
{
	SQLRETURN rc = SQL_SUCCESS, one;
	bool got = false;

	if (!(s->max_rows && s->rows_seen >= s->max_rows)) {
		rc = bb_advance(s, &got);
		if (!SQL_SUCCEEDED(rc))
			return rc;
	}
	if (fetched)
		*fetched = got ? 1 : 0;
	if (!got) {
		if (status)
			status[0] = SQL_ROW_NOROW;
		return SQL_NO_DATA;
	}
	s->rows_seen++;
	one = bb_fill_row(s, NULL, 0);
	if (status)
		status[0] = one == SQL_SUCCESS ? SQL_ROW_SUCCESS
			    : one == SQL_ERROR ? SQL_ROW_ERROR
					       : SQL_ROW_SUCCESS_WITH_INFO;
	return one;
}

SQLRETURN bb_get_data(bb_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype,
		      SQLPOINTER ptr, SQLLEN buflen, SQLLEN *ind)
{
	const bb_cell *cells = NULL;
	bb_cell cell;
	bb_cond cond = BB_OK;
	bb_conv_rc cr;
	SQLRETURN rc = bb_cursor_cells(s, &cells);

	if (rc != SQL_SUCCESS)
		return rc;
	if (col < 1 || col > s->ncols)
		return bb_diag_add(&s->diag, BB_E_BAD_COLUMN, 0, NULL, NULL);
	if (col != s->gd_col) {
		s->gd_col = col;
		s->gd_offset = 0;
	}
	cell = cells ? cells[col - 1] : bb_cell_of(s->st, col - 1);
	cr = bb_convert(&cell, s->cols[col - 1].sql_type, ctype, ptr, buflen,
			ind, &s->gd_offset, &cond);
	switch (cr) {
	case BB_CONV_OK:
		return SQL_SUCCESS;
	case BB_CONV_NO_DATA:
		return SQL_NO_DATA;
	case BB_CONV_INFO:
		return bb_diag_add(&s->diag, cond, 0, NULL, NULL);
	case BB_CONV_ERROR:
		break;
	}
	return bb_diag_add(&s->diag, cond, 0, NULL, NULL);
}
