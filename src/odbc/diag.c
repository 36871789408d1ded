/*
 * diag.c - the SQLSTATE catalogue and each handle's diagnostic records
 * (SQLGetDiagRec, SQLGetDiagField).
 */
#include "util/setup.h"
#include "odbc/diag.h"
#include "odbc/handles.h"
#include "util/str.h"

#include <stdarg.h>

static const struct {
	bb_cond cond;
	const char *state3;
	const char *state2;
	const char *text;
} catalogue[] = {
	{BB_OK, "00000", "00000", "Success"},
	{BB_E_GENERAL, "HY000", "S1000", "General error"},
	{BB_E_NOMEM, "HY001", "S1001", "Memory allocation error"},
	{BB_E_CONNECT, "08001", "08001",
	 "Client unable to establish connection"},
	{BB_E_COMM, "08S01", "08S01", "Communication link failure"},
	{BB_E_AUTH, "28000", "28000", "Invalid authorization specification"},
	{BB_E_NO_TABLE, "42S02", "S0002", "Base table or view not found"},
	{BB_E_NO_COLUMN, "42S22", "S0022", "Column not found"},
	{BB_E_SYNTAX, "42000", "37000", "Syntax error or access violation"},
	{BB_E_PERMISSION, "42000", "37000", "Access denied by the API"},
	{BB_E_TIMEOUT, "HYT00", "S1T00", "Timeout expired"},
	{BB_E_CONN_TIMEOUT, "HYT01", "S1T00", "Connection timeout expired"},
	{BB_E_RATE_LIMIT, "HY000", "S1000", "API rate limit exceeded"},
	{BB_E_API, "HY000", "S1000", "The API refused the request"},
	{BB_E_BAD_RESPONSE, "HY000", "S1000", "Unreadable API response"},
	{BB_E_BAD_ATTR, "HY024", "S1009", "Invalid attribute value"},
	{BB_E_CONN_STRING, "HY000", "S1000", "Invalid connection string"},
	{BB_E_NO_DSN, "IM002", "IM002",
	 "Data source name not found and no default driver specified"},
	{BB_E_CANCELLED, "HY008", "S1008", "Operation canceled"},
	{BB_W_TRUNCATED, "01004", "01004", "String data, right truncated"},
	{BB_W_FRACTION, "01S07", "01S07", "Fractional truncation"},
	{BB_W_OPTION_CHANGED, "01S02", "01S02", "Option value changed"},
	{BB_W_GENERAL, "01000", "01000", "General warning"},
	{BB_W_CONN_ATTR, "01S00", "01S00",
	 "Invalid connection string attribute"},
	{BB_E_RANGE, "22003", "22003", "Numeric value out of range"},
	{BB_E_CHAR_VALUE, "22018", "22005",
	 "Invalid character value for cast specification"},
	{BB_E_DATETIME, "22007", "22008", "Invalid datetime format"},
	{BB_E_DATETIME_RANGE, "22008", "22008", "Datetime field overflow"},
	{BB_E_RESTRICTED, "07006", "07006",
	 "Restricted data type attribute violation"},
	{BB_E_NULL_NO_IND, "22002", "22002",
	 "Indicator variable required but not supplied"},
	{BB_E_BAD_CTYPE, "HY003", "S1003", "Invalid application buffer type"},
	{BB_E_BAD_LENGTH, "HY090", "S1090", "Invalid string or buffer length"},
	{BB_E_SEQUENCE, "HY010", "S1010", "Function sequence error"},
	{BB_E_BAD_COLUMN, "07009", "S1002", "Invalid descriptor index"},
	{BB_E_NO_CURSOR, "24000", "24000", "Invalid cursor state"},
	{BB_E_NOT_IMPL, "HYC00", "S1C00", "Optional feature not implemented"},
	{BB_E_BAD_INFO, "HY096", "S1096", "Information type out of range"},
	{BB_E_BAD_ATTR_ID, "HY092", "S1092",
	 "Invalid attribute/option identifier"},
	{BB_E_CONN_DONE, "08002", "08002", "Connection name in use"},
	{BB_E_NOT_CONNECTED, "08003", "08003", "Connection not open"},
	{BB_E_TXN_STATE, "25000", "25000", "Invalid transaction state"},
	{BB_E_CONSTRAINT, "23000", "23000", "Integrity constraint violation"},
	{BB_E_PARAM_COUNT, "07002", "07001", "COUNT field incorrect"},
	{BB_E_CURSOR_NAME, "34000", "34000", "Invalid cursor name"},
	{BB_E_NOT_CURSOR, "07005", "24000",
	 "Prepared statement not a cursor-specification"},
	/* ODBC 2 tells a parameter's number (S1093) from a column's. */
	{BB_E_BAD_PARAM_NUM, "07009", "S1093", "Invalid parameter number"},
	{BB_E_ATTR_NOW, "HY011", "S1011", "Attribute cannot be set now"},
	{BB_E_BAD_SQL_TYPE, "HY004", "S1004", "Invalid SQL data type"},
	{BB_E_TXN_OP, "HY012", "S1012", "Invalid transaction operation code"},
	{BB_E_FETCH_TYPE, "HY106", "S1106", "Fetch type out of range"},
	{BB_E_ROW_RANGE, "HY107", "S1107", "Row value out of range"},
	{BB_E_CURSOR_POS, "HY109", "S1109", "Invalid cursor position"},
	{BB_W_ROWSET_START, "01S06", "01S06",
	 "Attempt to fetch before the result set returned the first rowset"},
	{BB_E_TRUNCATED, "22001", "22001", "String data, right truncated"},
	{BB_E_NULL_PTR, "HY009", "S1009", "Invalid use of null pointer"},
	{BB_E_PIECES, "HY019", "S1000",
	 "Non-character and non-binary data sent in pieces"},
	{BB_E_BAD_SQLTYPE, "HY004", "S1004", "Invalid SQL data type"},
	{BB_E_NOT_PREPARED, "HY007", "S1010",
	 "Associated statement is not prepared"},
	{BB_E_IRD_READONLY, "HY016", "S1000",
	 "Cannot modify an implementation row descriptor"},
	{BB_E_IMPLICIT_DESC, "HY017", "S1000",
	 "Invalid use of an automatically allocated descriptor handle"},
	{BB_E_DESC_MISMATCH, "HY021", "S1000",
	 "Inconsistent descriptor information"},
	{BB_E_BAD_DESC_FIELD, "HY091", "S1091",
	 "Invalid descriptor field identifier"},
	{BB_E_TABLE_EXISTS, "42S01", "S0001",
	 "Base table or view already exists"},
};

static int entry_of(bb_cond cond)
{
	size_t i;

	for (i = 0; i < BB_ARRAY_LEN(catalogue); i++)
		if (catalogue[i].cond == cond)
			return (int)i;
	return 1; /* HY000: every condition is listed; a test checks it */
}

const char *bb_cond_state(bb_cond cond, bool odbc2)
{
	int i = entry_of(cond);

	return odbc2 ? catalogue[i].state2 : catalogue[i].state3;
}

void bb_diag_clear(bb_diag *d)
{
	int i;

	for (i = 0; i < d->n; i++)
		free(d->recs[i].msg);
	d->n = 0;
	d->rc = SQL_SUCCESS;
}

void bb_diag_free(bb_diag *d)
{
	bb_diag_clear(d);
	free(d->recs);
	d->recs = NULL;
	d->cap = 0;
}

SQLRETURN bb_diag_add(bb_diag *d, bb_cond cond, long native,
		      const char *component, const char *msg)
{
	int i = entry_of(cond);
	bool warning = strncmp(catalogue[i].state3, "01", 2) == 0;
	SQLRETURN rc = warning ? SQL_SUCCESS_WITH_INFO : SQL_ERROR;
	bb_diag_rec *r;
	bb_buf text;

	if (d->rc != SQL_ERROR)
		d->rc = rc;
	if (d->n == d->cap) {
		int cap = d->cap ? d->cap * 2 : 4;
		bb_diag_rec *recs =
			realloc(d->recs, (size_t)cap * sizeof(*recs));

		if (!recs)
			return rc; /* the return code still tells the failure */
		d->recs = recs;
		d->cap = cap;
	}
	bb_buf_init(&text);
	bb_buf_printf(&text, "%s[%s] %s", BB_VENDOR_TAG,
		      component ? component : "odbc",
		      msg && *msg ? msg : catalogue[i].text);
	r = &d->recs[d->n];
	memset(r, 0, sizeof(*r));
	bb_strlcpy(r->state, bb_cond_state(cond, d->odbc2), sizeof(r->state));
	r->native = (SQLINTEGER)native;
	r->msg = bb_buf_steal(&text);
	r->row = SQL_NO_ROW_NUMBER;
	r->column = SQL_NO_COLUMN_NUMBER;
	if (r->msg)
		d->n++;
	return rc;
}

SQLRETURN bb_diag_addf(bb_diag *d, bb_cond cond, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return bb_diag_add(d, cond, 0, NULL, msg);
}

SQLRETURN bb_diag_err(bb_diag *d, const bb_err *e, const char *component)
{
	return bb_diag_add(d, e->cond == BB_OK ? BB_E_GENERAL : e->cond,
			   e->native, component, e->msg);
}

SQLRETURN bb_get_diag_rec(bb_diag *d, SQLSMALLINT rec, char state[6],
			  SQLINTEGER *native, const char **msg)
{
	if (rec < 1)
		return SQL_ERROR;
	if (rec > d->n)
		return SQL_NO_DATA;
	memcpy(state, d->recs[rec - 1].state, 6);
	*native = d->recs[rec - 1].native;
	*msg = d->recs[rec - 1].msg;
	return SQL_SUCCESS;
}

static SQLRETURN header_field(bb_diag *d, SQLSMALLINT handle_type,
			      SQLSMALLINT field, SQLPOINTER val)
{
	switch (field) {
	case SQL_DIAG_NUMBER:
		*(SQLINTEGER *)val = d->n;
		return SQL_SUCCESS;
	case SQL_DIAG_RETURNCODE:
		*(SQLRETURN *)val = d->rc;
		return SQL_SUCCESS;
	case SQL_DIAG_ROW_COUNT:
	case SQL_DIAG_CURSOR_ROW_COUNT:
		if (handle_type != SQL_HANDLE_STMT)
			return SQL_ERROR;
		*(SQLLEN *)val = d->row_count;
		return SQL_SUCCESS;
	case SQL_DIAG_DYNAMIC_FUNCTION_CODE:
		if (handle_type != SQL_HANDLE_STMT)
			return SQL_ERROR;
		*(SQLINTEGER *)val = SQL_DIAG_UNKNOWN_STATEMENT;
		return SQL_SUCCESS;
	}
	return SQL_ERROR;
}

SQLRETURN bb_get_diag_field(bb_diag *d, SQLSMALLINT handle_type,
			    SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER val,
			    SQLSMALLINT buflen, SQLSMALLINT *outlen, bool wide)
{
	const bb_diag_rec *r;
	const char *text;

	if (rec == 0)
		return val ? header_field(d, handle_type, field, val)
			   : SQL_ERROR;
	if (rec < 0)
		return SQL_ERROR;
	if (rec > d->n)
		return SQL_NO_DATA;
	r = &d->recs[rec - 1];
	switch (field) {
	case SQL_DIAG_SQLSTATE:
		text = r->state;
		break;
	case SQL_DIAG_MESSAGE_TEXT:
		text = r->msg;
		break;
	case SQL_DIAG_CLASS_ORIGIN:
		text = r->state[0] == 'I' && r->state[1] == 'M' ? "ODBC 3.0"
								: "ISO 9075";
		if (strncmp(r->state, "HY", 2) == 0 ||
		    strncmp(r->state, "01S", 3) == 0 ||
		    strncmp(r->state, "08S", 3) == 0)
			text = "ODBC 3.0";
		break;
	case SQL_DIAG_SUBCLASS_ORIGIN:
		text = strchr(r->state, 'S') || strncmp(r->state, "HY", 2) == 0
			       ? "ODBC 3.0"
			       : "ISO 9075";
		break;
	case SQL_DIAG_CONNECTION_NAME:
	case SQL_DIAG_SERVER_NAME:
		text = "";
		break;
	case SQL_DIAG_NATIVE:
		if (val)
			*(SQLINTEGER *)val = r->native;
		return SQL_SUCCESS;
	case SQL_DIAG_ROW_NUMBER:
		if (val)
			*(SQLLEN *)val = r->row;
		return SQL_SUCCESS;
	case SQL_DIAG_COLUMN_NUMBER:
		if (val)
			*(SQLINTEGER *)val = r->column;
		return SQL_SUCCESS;
	default:
		return SQL_ERROR;
	}
	return bb_out_str_small(NULL, text, val, buflen, outlen, wide);
}
