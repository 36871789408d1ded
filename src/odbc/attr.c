/*
 * attr.c - statement attributes (SQLSetStmtAttr, SQLGetStmtAttr) and
 * result-column attributes (SQLColAttribute).
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/types.h"
#include "util/str.h"

/* The row-array attributes and descriptor handles are descriptor fields:
 * desc_rec.c sets them and hands the rest over to this file. */

/* Attributes that exist only as one value here: anything else is
 * accepted with 01S02 and reads back as that value. */
static SQLRETURN fixed(bb_stmt *s, SQLULEN *slot, SQLULEN want, SQLULEN v)
{
	*slot = want;
	if (v == want)
		return SQL_SUCCESS;
	return bb_diag_add(&s->diag, BB_W_OPTION_CHANGED, 0, NULL, NULL);
}

/* The attributes that shape a cursor can change only before SQLPrepare
 * (HY011 after it) and never once executed (24000). */
static SQLRETURN cursor_attr_state(bb_stmt *s, SQLINTEGER attr)
{
	switch (attr) {
	case SQL_ATTR_CONCURRENCY:
	case SQL_ATTR_CURSOR_TYPE:
	case SQL_ATTR_SIMULATE_CURSOR:
	case SQL_ATTR_USE_BOOKMARKS:
	case SQL_ATTR_CURSOR_SCROLLABLE:
	case SQL_ATTR_CURSOR_SENSITIVITY:
		if (s->executed)
			return bb_diag_add(&s->diag, BB_E_NO_CURSOR, 0, NULL,
					   "the statement was executed");
		if (s->prepared)
			return bb_diag_add(&s->diag, BB_E_ATTR_NOW, 0, NULL,
					   "the statement is prepared");
	}
	return SQL_SUCCESS;
}

/* The cursor attributes, kept consistent as SQLSetStmtAttr asks: a
 * static cursor is the scrollable one, keyset-driven and dynamic
 * cursors become static (01S02), and every cursor is insensitive. */
static SQLRETURN set_cursor_attr(bb_stmt *s, SQLINTEGER attr, SQLULEN v)
{
	SQLULEN ignored = 0;

	if (s->executed && s->ncols > 0)
		return bb_diag_add(&s->diag, BB_E_NO_CURSOR, 0, NULL,
				   "a cursor is open");
	switch (attr) {
	case SQL_ATTR_CURSOR_TYPE:
		if (v == SQL_CURSOR_FORWARD_ONLY || v == SQL_CURSOR_STATIC)
			return fixed(s, &s->cursor_type, v, v);
		if (v == SQL_CURSOR_KEYSET_DRIVEN || v == SQL_CURSOR_DYNAMIC)
			return fixed(s, &s->cursor_type, SQL_CURSOR_STATIC, v);
		break;
	case SQL_ATTR_CURSOR_SCROLLABLE:
		if (v == SQL_NONSCROLLABLE)
			s->cursor_type = SQL_CURSOR_FORWARD_ONLY;
		else if (v == SQL_SCROLLABLE)
			s->cursor_type = SQL_CURSOR_STATIC;
		else
			break;
		return SQL_SUCCESS;
	case SQL_ATTR_CURSOR_SENSITIVITY:
		if (v == SQL_UNSPECIFIED)
			return SQL_SUCCESS;
		return fixed(s, &ignored, SQL_INSENSITIVE, v);
	}
	return bb_diag_add(&s->diag, BB_E_BAD_ATTR, 0, NULL, NULL);
}

SQLRETURN bb_set_stmt_attr(bb_stmt *s, SQLINTEGER attr, SQLPOINTER val,
			   SQLINTEGER len)
{
	SQLULEN v = (SQLULEN)(uintptr_t)val;
	SQLULEN ignored = 0;

	if (cursor_attr_state(s, attr) != SQL_SUCCESS)
		return SQL_ERROR;
	switch (attr) {
	case SQL_ATTR_MAX_ROWS:
		s->max_rows = v;
		return SQL_SUCCESS;
	case SQL_ROWSET_SIZE:
		if (v == 0)
			return bb_diag_add(&s->diag, BB_E_BAD_ATTR, 0, NULL,
					   NULL);
		/* SQLExtendedFetch's alone; SQL_ATTR_ROW_ARRAY_SIZE is the
		 * ARD's (desc_rec.c). */
		s->cur.rowset_size = v;
		return SQL_SUCCESS;
	case SQL_ATTR_ROWS_FETCHED_PTR:
		s->rows_fetched = val;
		return SQL_SUCCESS;
	case SQL_ATTR_ROW_STATUS_PTR:
		s->row_status = val;
		return SQL_SUCCESS;
	case SQL_ATTR_QUERY_TIMEOUT:
		s->query_timeout = v;
		return SQL_SUCCESS;
	case SQL_ATTR_CURSOR_TYPE:
	case SQL_ATTR_CURSOR_SCROLLABLE:
	case SQL_ATTR_CURSOR_SENSITIVITY:
		return set_cursor_attr(s, attr, v);
	case SQL_ATTR_CONCURRENCY:
		return fixed(s, &s->concurrency, SQL_CONCUR_READ_ONLY, v);
	case SQL_ATTR_ASYNC_ENABLE:
		return fixed(s, &ignored, SQL_ASYNC_ENABLE_OFF, v);
	case SQL_ATTR_USE_BOOKMARKS:
		return fixed(s, &ignored, SQL_UB_OFF, v);
	/* Fixed behaviours: asking for another is 01S02, and reading the
	 * attribute back gives the value in force. Escapes are always
	 * scanned, values never cut, data always retrieved, catalog
	 * arguments always patterns, the IPD never filled by itself, and
	 * cursors neither simulated nor keyset-driven. */
	case SQL_ATTR_NOSCAN:
		return fixed(s, &ignored, SQL_NOSCAN_OFF, v);
	case SQL_ATTR_MAX_LENGTH:
	case SQL_ATTR_KEYSET_SIZE:
		return fixed(s, &ignored, 0, v);
	case SQL_ATTR_RETRIEVE_DATA:
		return fixed(s, &ignored, SQL_RD_ON, v);
	case SQL_ATTR_METADATA_ID:
	case SQL_ATTR_ENABLE_AUTO_IPD:
		return fixed(s, &ignored, SQL_FALSE, v);
	case SQL_ATTR_SIMULATE_CURSOR:
		return fixed(s, &ignored, SQL_SC_UNIQUE, v);
	case SQL_ATTR_FETCH_BOOKMARK_PTR:
		/* Kept for reading back; without bookmarks nothing reads it
		 * (SQL_FETCH_BOOKMARK is HYC00). */
		s->fetch_bookmark = val;
		return SQL_SUCCESS;
	case SQL_ATTR_ASYNC_STMT_EVENT:
		return bb_diag_add(&s->diag, BB_E_NOT_IMPL, 0, NULL,
				   "asynchronous execution is off");
	}
	return bb_diag_add(&s->diag, BB_E_BAD_ATTR_ID, 0, NULL, NULL);
}

SQLRETURN bb_get_stmt_attr(bb_stmt *s, SQLINTEGER attr, SQLPOINTER val,
			   SQLINTEGER buflen, SQLINTEGER *outlen)
{
	SQLULEN v;

	switch (attr) {
	case SQL_ATTR_MAX_ROWS:
		v = s->max_rows;
		break;
	case SQL_ATTR_ROW_ARRAY_SIZE:
		v = s->row_array_size;
		break;
	case SQL_ROWSET_SIZE:
		v = s->cur.rowset_size ? s->cur.rowset_size : 1;
		break;
	case SQL_ATTR_ROWS_FETCHED_PTR:
		v = (SQLULEN)(uintptr_t)s->rows_fetched;
		break;
	case SQL_ATTR_ROW_STATUS_PTR:
		v = (SQLULEN)(uintptr_t)s->row_status;
		break;
	case SQL_ATTR_ROW_BIND_TYPE:
		v = s->bind_type;
		break;
	case SQL_ATTR_ROW_BIND_OFFSET_PTR:
		v = (SQLULEN)(uintptr_t)s->bind_offset;
		break;
	case SQL_ATTR_QUERY_TIMEOUT:
		v = s->query_timeout;
		break;
	case SQL_ATTR_CURSOR_TYPE:
		v = s->cursor_type;
		break;
	case SQL_ATTR_CONCURRENCY:
		v = s->concurrency;
		break;
	case SQL_ATTR_CURSOR_SCROLLABLE:
		v = s->cursor_type == SQL_CURSOR_FORWARD_ONLY
			    ? SQL_NONSCROLLABLE
			    : SQL_SCROLLABLE;
		break;
	case SQL_ATTR_CURSOR_SENSITIVITY:
		v = SQL_INSENSITIVE;
		break;
	case SQL_ATTR_ASYNC_ENABLE:
		v = SQL_ASYNC_ENABLE_OFF;
		break;
	case SQL_ATTR_USE_BOOKMARKS:
		v = SQL_UB_OFF;
		break;
	case SQL_ATTR_NOSCAN:
		v = SQL_NOSCAN_OFF;
		break;
	case SQL_ATTR_MAX_LENGTH:
	case SQL_ATTR_KEYSET_SIZE:
		v = 0;
		break;
	case SQL_ATTR_RETRIEVE_DATA:
		v = SQL_RD_ON;
		break;
	case SQL_ATTR_METADATA_ID:
	case SQL_ATTR_ENABLE_AUTO_IPD:
		v = SQL_FALSE;
		break;
	case SQL_ATTR_SIMULATE_CURSOR:
		v = SQL_SC_UNIQUE;
		break;
	case SQL_ATTR_FETCH_BOOKMARK_PTR:
		v = (SQLULEN)(uintptr_t)s->fetch_bookmark;
		break;
	case SQL_ATTR_ROW_NUMBER:
		/* Only a cursor on a row has a row number (24000). */
		v = bb_cursor_row_number(s);
		if (v == 0)
			return bb_diag_add(&s->diag, BB_E_NO_CURSOR, 0, NULL,
					   "the cursor is not on a row");
		break;
	default:
		return bb_diag_add(&s->diag, BB_E_BAD_ATTR_ID, 0, NULL, NULL);
	}
	if (val)
		*(SQLULEN *)val = v;
	if (outlen)
		*outlen = sizeof(SQLULEN);
	return SQL_SUCCESS;
}

static const char *type_name(const bb_colinfo *ci)
{
	return bb_type_of(ci->sql_type)->name;
}

bool bb_colinfo_num(const bb_colinfo *ci, SQLUSMALLINT field, SQLLEN *out,
		    SQLSMALLINT ncols)
{
	const bb_type_info *ti = bb_type_of(ci->sql_type);

	switch (field) {
	case SQL_DESC_COUNT:
	case SQL_COLUMN_COUNT:
		*out = ncols;
		return true;
	case SQL_DESC_TYPE:
		*out = bb_type_verbose(ci->sql_type);
		return true;
	case SQL_DESC_CONCISE_TYPE: /* SQLColAttribute maps it for ODBC 2 */
		*out = ci->sql_type;
		return true;
	case SQL_DESC_DATETIME_INTERVAL_CODE:
		*out = bb_type_subcode(ci->sql_type);
		return true;
	case SQL_DESC_LENGTH:
	case SQL_COLUMN_LENGTH:
		*out = field == SQL_COLUMN_LENGTH
			       ? bb_type_octets(ci->sql_type, ci->size)
			       : (SQLLEN)ci->size;
		return true;
	case SQL_DESC_OCTET_LENGTH:
		*out = bb_type_octets(ci->sql_type, ci->size);
		return true;
	case SQL_DESC_PRECISION:
		*out = ci->sql_type == SQL_TYPE_TIMESTAMP ? ci->digits
							  : (SQLLEN)ci->size;
		return true;
	case SQL_COLUMN_PRECISION:
		/* ODBC 2's precision is ODBC 3's column size (26 for a
		 * timestamp), not the descriptor's fraction digits. */
		*out = (SQLLEN)ci->size;
		return true;
	case SQL_DESC_SCALE:
	case SQL_COLUMN_SCALE:
		*out = ci->digits;
		return true;
	case SQL_DESC_DISPLAY_SIZE:
		*out = bb_type_display(ci->sql_type, ci->size);
		return true;
	case SQL_DESC_NULLABLE:
	case SQL_COLUMN_NULLABLE:
		*out = ci->nullable;
		return true;
	case SQL_DESC_UNSIGNED:
		*out = ti->radix ? SQL_FALSE : SQL_TRUE;
		return true;
	case SQL_DESC_SEARCHABLE:
		*out = ti->searchable_like ? SQL_PRED_SEARCHABLE
					   : SQL_PRED_BASIC;
		return true;
	case SQL_DESC_UPDATABLE:
		*out = SQL_ATTR_READONLY;
		return true;
	case SQL_DESC_AUTO_UNIQUE_VALUE:
	case SQL_DESC_FIXED_PREC_SCALE:
		*out = SQL_FALSE;
		return true;
	case SQL_DESC_CASE_SENSITIVE:
		*out = ti->case_sensitive ? SQL_TRUE : SQL_FALSE;
		return true;
	case SQL_DESC_NUM_PREC_RADIX:
		*out = ti->radix;
		return true;
	case SQL_DESC_UNNAMED:
		*out = ci->name[0] ? SQL_NAMED : SQL_UNNAMED;
		return true;
	}
	return false;
}

const char *bb_colinfo_text(const bb_colinfo *ci, SQLUSMALLINT field)
{
	const char *text;

	switch (field) {
	case SQL_DESC_NAME:
	case SQL_DESC_LABEL:
	case SQL_COLUMN_NAME:
		return ci->name;
	case SQL_DESC_BASE_COLUMN_NAME:
		return ci->base_name;
	case SQL_DESC_TABLE_NAME:
	case SQL_DESC_BASE_TABLE_NAME:
		return ci->table;
	case SQL_DESC_TYPE_NAME:
	case SQL_DESC_LOCAL_TYPE_NAME:
		return type_name(ci);
	case SQL_DESC_SCHEMA_NAME:
	case SQL_DESC_CATALOG_NAME:
		return "";
	case SQL_DESC_LITERAL_PREFIX:
		text = bb_type_of(ci->sql_type)->prefix;
		return text ? text : "";
	case SQL_DESC_LITERAL_SUFFIX:
		text = bb_type_of(ci->sql_type)->suffix;
		return text ? text : "";
	}
	return NULL;
}

SQLRETURN bb_col_attribute(bb_stmt *s, SQLUSMALLINT col, SQLUSMALLINT field,
			   SQLPOINTER cbuf, SQLSMALLINT buflen,
			   SQLSMALLINT *outlen, SQLLEN *num, bool wide)
{
	const bb_colinfo *ci;
	const char *text;
	SQLLEN n;
	SQLRETURN rc;

	if (field == SQL_DESC_COUNT || field == SQL_COLUMN_COUNT) {
		if (!s->prepared)
			return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL,
					   NULL);
		if (s->executed && s->ncols == 0)
			return bb_diag_add(&s->diag, BB_E_NO_CURSOR, 0, NULL,
					   "the statement has no result set");
		if (num)
			*num = s->ncols;
		return SQL_SUCCESS;
	}
	rc = bb_describe_col(s, col, &ci);
	if (rc != SQL_SUCCESS)
		return rc;
	if (bb_colinfo_num(ci, field, &n, (SQLSMALLINT)s->ncols)) {
		/* SQL_COLUMN_TYPE of an ODBC 2 application: 9, 10, 11. */
		if (field == SQL_DESC_CONCISE_TYPE)
			n = bb_type_for_app((SQLSMALLINT)n, s->diag.odbc2);
		if (num)
			*num = n;
		return SQL_SUCCESS;
	}
	text = bb_colinfo_text(ci, field);
	if (!text)
		return bb_diag_add(&s->diag, BB_E_BAD_ATTR_ID, 0, NULL,
				   "unknown column attribute");
	/* SQLColAttributeW counts its buffer in bytes. */
	rc = bb_out_str_small(&s->diag, text, cbuf,
			      wide ? buflen / (SQLSMALLINT)sizeof(SQLWCHAR)
				   : buflen,
			      outlen, wide);
	if (wide && outlen)
		*outlen =
			(SQLSMALLINT)(*outlen * (SQLSMALLINT)sizeof(SQLWCHAR));
	return rc;
}
