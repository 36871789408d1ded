/*
 * exports_w.c - the wide (UTF-16) ODBC entry points.
 *
 * Strings are converted to UTF-8 on the way in and back to UTF-16 on the
 * way out; the work is done by the same internal functions as the ANSI
 * forms. Buffer lengths follow each function's own unit (characters for
 * SQLDescribeColW and SQLGetDiagRecW, bytes for SQLGetInfoW and the
 * attribute functions), as the ODBC reference specifies.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/export.h"
#include "util/str.h"

char *bb_in_wstr(const SQLWCHAR *s, SQLLEN len)
{
	if (!s)
		return NULL;
	return bb_utf16_to_utf8(s, len < 0 ? SQL_NTS : len);
}

SQLRETURN SQL_API SQLConnectW(SQLHDBC h, SQLWCHAR *dsn, SQLSMALLINT dsn_len,
			      SQLWCHAR *uid, SQLSMALLINT uid_len, SQLWCHAR *pwd,
			      SQLSMALLINT pwd_len)
{
	ENTER_DBC(h);
	return bb_connect_taking(dbc, bb_in_wstr(dsn, dsn_len),
				 bb_in_wstr(uid, uid_len),
				 bb_in_wstr(pwd, pwd_len));
}

SQLRETURN SQL_API SQLDriverConnectW(SQLHDBC h, SQLHWND hwnd, SQLWCHAR *in,
				    SQLSMALLINT in_len, SQLWCHAR *out,
				    SQLSMALLINT out_max, SQLSMALLINT *out_len,
				    SQLUSMALLINT completion)
{
	ENTER_DBC(h);
	return bb_driver_connect_taking(dbc, bb_in_wstr(in, in_len), out,
					out_max, out_len, true);
}

SQLRETURN SQL_API SQLSetConnectAttrW(SQLHDBC h, SQLINTEGER attr, SQLPOINTER val,
				     SQLINTEGER len)
{
	char *v;
	SQLRETURN rc;

	ENTER_DBC(h);
	if (attr != SQL_ATTR_CURRENT_CATALOG)
		return bb_set_connect_attr(dbc, attr, val, len);
	v = bb_in_wstr(val,
		       len < 0 ? SQL_NTS : len / (SQLINTEGER)sizeof(SQLWCHAR));
	rc = bb_set_connect_attr(dbc, attr, v, SQL_NTS);
	free(v);
	return rc;
}

SQLRETURN SQL_API SQLGetConnectAttrW(SQLHDBC h, SQLINTEGER attr, SQLPOINTER val,
				     SQLINTEGER buflen, SQLINTEGER *outlen)
{
	ENTER_DBC(h);
	return bb_get_connect_attr(dbc, attr, val, buflen, outlen, true);
}

SQLRETURN SQL_API SQLSetStmtAttrW(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER val,
				  SQLINTEGER len)
{
	ENTER_STMT(h);
	return bb_desc_set_stmt_attr(s, attr, val, len);
}

SQLRETURN SQL_API SQLGetStmtAttrW(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER val,
				  SQLINTEGER buflen, SQLINTEGER *outlen)
{
	ENTER_STMT(h);
	return bb_desc_get_stmt_attr(s, attr, val, buflen, outlen);
}

SQLRETURN SQL_API SQLGetInfoW(SQLHDBC h, SQLUSMALLINT type, SQLPOINTER val,
			      SQLSMALLINT buflen, SQLSMALLINT *outlen)
{
	ENTER_DBC(h);
	return bb_get_info(dbc, type, val, buflen, outlen, true);
}

SQLRETURN SQL_API SQLGetTypeInfoW(SQLHSTMT h, SQLSMALLINT type)
{
	ENTER_STMT(h);
	return bb_get_type_info(s, type);
}

SQLRETURN SQL_API SQLPrepareW(SQLHSTMT h, SQLWCHAR *sql, SQLINTEGER len)
{
	ENTER_STMT(h);
	return bb_sql_taking(s, bb_in_wstr(sql, len), false);
}

SQLRETURN SQL_API SQLExecDirectW(SQLHSTMT h, SQLWCHAR *sql, SQLINTEGER len)
{
	ENTER_STMT(h);
	return bb_sql_taking(s, bb_in_wstr(sql, len), true);
}

SQLRETURN SQL_API SQLDescribeColW(SQLHSTMT h, SQLUSMALLINT col, SQLWCHAR *name,
				  SQLSMALLINT name_max, SQLSMALLINT *name_len,
				  SQLSMALLINT *type, SQLULEN *size,
				  SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
	ENTER_STMT(h);
	return bb_describe_out(s, col, name, name_max, name_len, type, size,
			       digits, nullable, true);
}

SQLRETURN SQL_API SQLColAttributeW(SQLHSTMT h, SQLUSMALLINT col,
				   SQLUSMALLINT field, SQLPOINTER cbuf,
				   SQLSMALLINT buflen, SQLSMALLINT *outlen,
				   SQLLEN *num)
{
	ENTER_STMT(h);
	return bb_col_attribute(s, col, field, cbuf, buflen, outlen, num, true);
}

SQLRETURN SQL_API SQLNativeSqlW(SQLHDBC h, SQLWCHAR *in, SQLINTEGER in_len,
				SQLWCHAR *out, SQLINTEGER out_max,
				SQLINTEGER *out_len)
{
	ENTER_DBC(h);
	return bb_native_sql_taking(dbc, bb_in_wstr(in, in_len), out, out_max,
				    out_len, true);
}

SQLRETURN SQL_API SQLGetDiagRecW(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec,
				 SQLWCHAR *state, SQLINTEGER *native,
				 SQLWCHAR *msg, SQLSMALLINT msg_max,
				 SQLSMALLINT *msg_len)
{
	return bb_diag_rec_out(type, h, rec, state, native, msg, msg_max,
			       msg_len, true);
}

SQLRETURN SQL_API SQLGetDiagFieldW(SQLSMALLINT type, SQLHANDLE h,
				   SQLSMALLINT rec, SQLSMALLINT field,
				   SQLPOINTER val, SQLSMALLINT buflen,
				   SQLSMALLINT *outlen)
{
	bb_diag *d = bb_diag_of(type, h);
	SQLRETURN rc;
	bool text = field == SQL_DIAG_SQLSTATE ||
		    field == SQL_DIAG_MESSAGE_TEXT ||
		    field == SQL_DIAG_CLASS_ORIGIN ||
		    field == SQL_DIAG_SUBCLASS_ORIGIN ||
		    field == SQL_DIAG_CONNECTION_NAME ||
		    field == SQL_DIAG_SERVER_NAME;

	if (!d)
		return SQL_INVALID_HANDLE;
	/* SQLGetDiagFieldW counts its buffer in bytes. */
	rc = bb_get_diag_field(d, type, rec, field, val,
			       text ? buflen / (SQLSMALLINT)sizeof(SQLWCHAR)
				    : buflen,
			       outlen, true);
	if (text && outlen && SQL_SUCCEEDED(rc))
		*outlen =
			(SQLSMALLINT)(*outlen * (SQLSMALLINT)sizeof(SQLWCHAR));
	return rc;
}

SQLRETURN SQL_API SQLTablesW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
			     SQLWCHAR *schem, SQLSMALLINT schem_len,
			     SQLWCHAR *table, SQLSMALLINT table_len,
			     SQLWCHAR *types, SQLSMALLINT types_len)
{
	ENTER_STMT(h);
	char *a[4] = {bb_in_wstr(cat, cat_len), bb_in_wstr(schem, schem_len),
		      bb_in_wstr(table, table_len),
		      bb_in_wstr(types, types_len)};

	return bb_catalog_taking(s, false, a);
}

SQLRETURN SQL_API SQLColumnsW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
			      SQLWCHAR *schem, SQLSMALLINT schem_len,
			      SQLWCHAR *table, SQLSMALLINT table_len,
			      SQLWCHAR *col, SQLSMALLINT col_len)
{
	ENTER_STMT(h);
	char *a[4] = {bb_in_wstr(cat, cat_len), bb_in_wstr(schem, schem_len),
		      bb_in_wstr(table, table_len), bb_in_wstr(col, col_len)};

	return bb_catalog_taking(s, true, a);
}
