/*
 * exports_desc.c - the descriptor entry points: SQLGetDescField(W),
 * SQLSetDescField(W), SQLGetDescRec(W), SQLSetDescRec and SQLCopyDesc.
 *
 * Each checks its descriptor handle, clears its diagnostics and calls
 * the internal function in desc_field.c or desc_rec.c. The wide forms
 * count SQLGetDescFieldW's and SQLSetDescFieldW's buffers in bytes and
 * SQLGetDescRecW's name in characters, as the reference says.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/export.h"

SQLRETURN SQL_API SQLGetDescField(SQLHDESC h, SQLSMALLINT rec,
				  SQLSMALLINT field, SQLPOINTER val,
				  SQLINTEGER buflen, SQLINTEGER *outlen)
{
	ENTER_DESC(h);
	return bb_get_desc_field(d, rec, field, val, buflen, outlen, false);
}

SQLRETURN SQL_API SQLGetDescFieldW(SQLHDESC h, SQLSMALLINT rec,
				   SQLSMALLINT field, SQLPOINTER val,
				   SQLINTEGER buflen, SQLINTEGER *outlen)
{
	ENTER_DESC(h);
	return bb_get_desc_field(d, rec, field, val, buflen, outlen, true);
}

SQLRETURN SQL_API SQLSetDescField(SQLHDESC h, SQLSMALLINT rec,
				  SQLSMALLINT field, SQLPOINTER val,
				  SQLINTEGER buflen)
{
	ENTER_DESC(h);
	return bb_set_desc_field(d, rec, field, val, buflen, false);
}

SQLRETURN SQL_API SQLSetDescFieldW(SQLHDESC h, SQLSMALLINT rec,
				   SQLSMALLINT field, SQLPOINTER val,
				   SQLINTEGER buflen)
{
	ENTER_DESC(h);
	return bb_set_desc_field(d, rec, field, val, buflen, true);
}

SQLRETURN SQL_API SQLGetDescRec(SQLHDESC h, SQLSMALLINT rec, SQLCHAR *name,
				SQLSMALLINT name_max, SQLSMALLINT *name_len,
				SQLSMALLINT *type, SQLSMALLINT *subtype,
				SQLLEN *len, SQLSMALLINT *prec,
				SQLSMALLINT *scale, SQLSMALLINT *nullable)
{
	ENTER_DESC(h);
	return bb_get_desc_rec(d, rec, name, name_max, name_len, type, subtype,
			       len, prec, scale, nullable, false);
}

SQLRETURN SQL_API SQLGetDescRecW(SQLHDESC h, SQLSMALLINT rec, SQLWCHAR *name,
				 SQLSMALLINT name_max, SQLSMALLINT *name_len,
				 SQLSMALLINT *type, SQLSMALLINT *subtype,
				 SQLLEN *len, SQLSMALLINT *prec,
				 SQLSMALLINT *scale, SQLSMALLINT *nullable)
{
	ENTER_DESC(h);
	return bb_get_desc_rec(d, rec, name, name_max, name_len, type, subtype,
			       len, prec, scale, nullable, true);
}

SQLRETURN SQL_API SQLSetDescRec(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT type,
				SQLSMALLINT subtype, SQLLEN len,
				SQLSMALLINT prec, SQLSMALLINT scale,
				SQLPOINTER data, SQLLEN *octets, SQLLEN *ind)
{
	ENTER_DESC(h);
	return bb_set_desc_rec(d, rec, type, subtype, len, prec, scale, data,
			       octets, ind);
}

/* Errors go to the target, the handle the application asks about. */
SQLRETURN SQL_API SQLCopyDesc(SQLHDESC src, SQLHDESC dst)
{
	bb_desc *from = bb_desc_of(src);

	ENTER_DESC(dst);
	if (!from)
		return SQL_INVALID_HANDLE;
	bb_diag_clear(&from->diag);
	return bb_copy_desc(from, d);
}
