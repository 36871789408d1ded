/*
 * desc_field.c - descriptor fields one by one: SQLGetDescField and
 * SQLSetDescField (ANSI and wide), with the reference's rules of who
 * may read and set each field of an ARD, APD, IRD and IPD, the fields
 * that setting a type sets, and the consistency check (HY021).
 *
 * The driver has no bookmarks: record 0 is always 07009.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/export.h"
#include "odbc/convert.h"
#include "odbc/types.h"
#include "util/str.h"

/* How a field's value travels through ValuePtr. */
enum { V_SMALL, V_INT, V_LEN, V_ULEN, V_PTR, V_STR };

/* One field: its value type, whether it is in the header, and for the
 * ARD, APD, IRD and IPD in that order: 'w' read and set, 'r' read only,
 * 'c' set only to run the consistency check, '-' not used. */
typedef struct field_def {
	SQLSMALLINT id;
	unsigned char vt;
	bool header;
	char perm[5];
} field_def;

static const field_def fields[] = {
	{SQL_DESC_ALLOC_TYPE, V_SMALL, true, "rrrr"},
	{SQL_DESC_ARRAY_SIZE, V_ULEN, true, "ww--"},
	{SQL_DESC_ARRAY_STATUS_PTR, V_PTR, true, "wwww"},
	{SQL_DESC_BIND_OFFSET_PTR, V_PTR, true, "ww--"},
	{SQL_DESC_BIND_TYPE, V_INT, true, "ww--"},
	{SQL_DESC_COUNT, V_SMALL, true, "wwrw"},
	{SQL_DESC_ROWS_PROCESSED_PTR, V_PTR, true, "--ww"},
	{SQL_DESC_AUTO_UNIQUE_VALUE, V_INT, false, "--r-"},
	{SQL_DESC_BASE_COLUMN_NAME, V_STR, false, "--r-"},
	{SQL_DESC_BASE_TABLE_NAME, V_STR, false, "--r-"},
	{SQL_DESC_CASE_SENSITIVE, V_INT, false, "--rr"},
	{SQL_DESC_CATALOG_NAME, V_STR, false, "--r-"},
	{SQL_DESC_CONCISE_TYPE, V_SMALL, false, "wwrw"},
	{SQL_DESC_DATA_PTR, V_PTR, false, "ww-c"},
	{SQL_DESC_DATETIME_INTERVAL_CODE, V_SMALL, false, "wwrw"},
	{SQL_DESC_DATETIME_INTERVAL_PRECISION, V_INT, false, "wwrw"},
	{SQL_DESC_DISPLAY_SIZE, V_LEN, false, "--r-"},
	{SQL_DESC_FIXED_PREC_SCALE, V_SMALL, false, "--rr"},
	{SQL_DESC_INDICATOR_PTR, V_PTR, false, "ww--"},
	{SQL_DESC_LABEL, V_STR, false, "--r-"},
	{SQL_DESC_LENGTH, V_ULEN, false, "wwrw"},
	{SQL_DESC_LITERAL_PREFIX, V_STR, false, "--r-"},
	{SQL_DESC_LITERAL_SUFFIX, V_STR, false, "--r-"},
	{SQL_DESC_LOCAL_TYPE_NAME, V_STR, false, "--rr"},
	{SQL_DESC_NAME, V_STR, false, "--rw"},
	{SQL_DESC_NULLABLE, V_SMALL, false, "--rr"},
	{SQL_DESC_NUM_PREC_RADIX, V_INT, false, "wwrw"},
	{SQL_DESC_OCTET_LENGTH, V_LEN, false, "wwrw"},
	{SQL_DESC_OCTET_LENGTH_PTR, V_PTR, false, "ww--"},
	{SQL_DESC_PARAMETER_TYPE, V_SMALL, false, "---w"},
	{SQL_DESC_PRECISION, V_SMALL, false, "wwrw"},
	{SQL_DESC_ROWVER, V_SMALL, false, "--rr"},
	{SQL_DESC_SCALE, V_SMALL, false, "wwrw"},
	{SQL_DESC_SCHEMA_NAME, V_STR, false, "--r-"},
	{SQL_DESC_SEARCHABLE, V_SMALL, false, "--r-"},
	{SQL_DESC_TABLE_NAME, V_STR, false, "--r-"},
	{SQL_DESC_TYPE, V_SMALL, false, "wwrw"},
	{SQL_DESC_TYPE_NAME, V_STR, false, "--rr"},
	{SQL_DESC_UNNAMED, V_SMALL, false, "--rw"},
	{SQL_DESC_UNSIGNED, V_SMALL, false, "--rr"},
	{SQL_DESC_UPDATABLE, V_SMALL, false, "--r-"},
};

static const field_def *field_of(SQLSMALLINT id)
{
	size_t i;

	for (i = 0; i < BB_ARRAY_LEN(fields); i++)
		if (fields[i].id == id)
			return &fields[i];
	return NULL;
}

/* ---- types and the fields they set ---- */

static bool seconds_interval(SQLSMALLINT code)
{
	return code == SQL_CODE_SECOND || code == SQL_CODE_DAY_TO_SECOND ||
	       code == SQL_CODE_HOUR_TO_SECOND ||
	       code == SQL_CODE_MINUTE_TO_SECOND;
}

/* What setting a type does to the other fields ("SQLSetDescField",
 * initialization on SQL_DESC_TYPE), for C and SQL types alike. */
static void type_defaults(bb_desc_rec *r)
{
	switch (r->type) {
	case SQL_CHAR:
	case SQL_VARCHAR:
	case SQL_WCHAR:
	case SQL_WVARCHAR:
		r->length = 1;
		r->precision = 0;
		break;
	case SQL_DATETIME:
		r->precision = r->dt_code == SQL_CODE_TIMESTAMP ? 6 : 0;
		break;
	case SQL_DECIMAL:
	case SQL_NUMERIC:
		r->scale = 0;
		r->precision = 38;
		break;
	case SQL_FLOAT:
		r->precision = 15;
		break;
	case SQL_REAL: /* also SQL_C_FLOAT */
		r->precision = 7;
		break;
	case SQL_INTERVAL:
		r->dt_prec = 2;
		if (seconds_interval(r->dt_code))
			r->precision = 6;
		break;
	}
}

void bb_desc_set_verbose(bb_desc_rec *r, SQLSMALLINT type, SQLSMALLINT code)
{
	r->type = type;
	if (type == SQL_DATETIME || type == SQL_INTERVAL) {
		r->dt_code = code;
		/* Concise datetime and interval codes follow the verbose
		 * type: 91-93 and 101-113, for C and SQL types alike. */
		r->concise_type =
			code == 0 ? type
			: type == SQL_DATETIME
				? (SQLSMALLINT)(SQL_DATETIME * 10 + code)
				: (SQLSMALLINT)(SQL_INTERVAL * 10 + code);
	} else {
		r->dt_code = 0;
		r->concise_type = type;
	}
	type_defaults(r);
}

void bb_desc_set_concise(bb_desc_rec *r, SQLSMALLINT concise)
{
	if (concise > SQL_DATETIME * 10 && concise < SQL_DATETIME * 10 + 10)
		bb_desc_set_verbose(r, SQL_DATETIME,
				    (SQLSMALLINT)(concise - SQL_DATETIME * 10));
	else if (concise > SQL_INTERVAL * 10 &&
		 concise <= SQL_INTERVAL * 10 + 13)
		bb_desc_set_verbose(r, SQL_INTERVAL,
				    (SQLSMALLINT)(concise - SQL_INTERVAL * 10));
	else
		bb_desc_set_verbose(r, concise, 0);
}

static bool sql_type_valid(SQLSMALLINT t)
{
	static const SQLSMALLINT known[] = {
		SQL_CHAR,           SQL_VARCHAR,   SQL_LONGVARCHAR,
		SQL_WCHAR,          SQL_WVARCHAR,  SQL_WLONGVARCHAR,
		SQL_DECIMAL,        SQL_NUMERIC,   SQL_SMALLINT,
		SQL_INTEGER,        SQL_REAL,      SQL_FLOAT,
		SQL_DOUBLE,         SQL_BIT,       SQL_TINYINT,
		SQL_BIGINT,         SQL_BINARY,    SQL_VARBINARY,
		SQL_LONGVARBINARY,  SQL_TYPE_DATE, SQL_TYPE_TIME,
		SQL_TYPE_TIMESTAMP, SQL_GUID,
	};
	size_t i;

	if (t > SQL_INTERVAL * 10 && t <= SQL_INTERVAL * 10 + 13)
		return true;
	for (i = 0; i < BB_ARRAY_LEN(known); i++)
		if (known[i] == t)
			return true;
	return false;
}

bb_cond bb_desc_check(const bb_desc *d, const bb_desc_rec *r)
{
	bool app = bb_desc_role(d) != BB_IPD;
	SQLSMALLINT t = r->concise_type;

	if (r->type == SQL_DATETIME &&
	    (r->dt_code < SQL_CODE_DATE || r->dt_code > SQL_CODE_TIMESTAMP))
		return BB_E_DESC_MISMATCH;
	if (r->type == SQL_INTERVAL && (r->dt_code < 1 || r->dt_code > 13))
		return BB_E_DESC_MISMATCH;
	if (app ? !bb_ctype_known(t) : !sql_type_valid(t))
		return BB_E_DESC_MISMATCH;
	if ((t == SQL_NUMERIC || t == SQL_DECIMAL) &&
	    (r->precision < 1 || r->precision > 38 || r->scale < 0 ||
	     r->scale > r->precision))
		return BB_E_DESC_MISMATCH;
	if ((t == SQL_TYPE_TIME || t == SQL_TYPE_TIMESTAMP ||
	     (r->type == SQL_INTERVAL && seconds_interval(r->dt_code))) &&
	    (r->precision < 0 || r->precision > 9))
		return BB_E_DESC_MISMATCH;
	if (r->type == SQL_INTERVAL && (r->dt_prec < 1 || r->dt_prec > 9))
		return BB_E_DESC_MISMATCH;
	return BB_OK;
}

/* ---- reading ---- */

static SQLRETURN put_num(SQLPOINTER val, unsigned char vt, SQLLEN n,
			 SQLINTEGER *outlen)
{
	SQLINTEGER size;

	switch (vt) {
	case V_SMALL:
		size = sizeof(SQLSMALLINT);
		if (val)
			*(SQLSMALLINT *)val = (SQLSMALLINT)n;
		break;
	case V_INT:
		size = sizeof(SQLINTEGER);
		if (val)
			*(SQLINTEGER *)val = (SQLINTEGER)n;
		break;
	case V_ULEN:
		size = sizeof(SQLULEN);
		if (val)
			*(SQLULEN *)val = (SQLULEN)n;
		break;
	default:
		size = sizeof(SQLLEN);
		if (val)
			*(SQLLEN *)val = n;
	}
	if (outlen)
		*outlen = size;
	return SQL_SUCCESS;
}

static SQLRETURN put_ptr(SQLPOINTER val, const void *p, SQLINTEGER *outlen)
{
	if (val)
		*(SQLPOINTER *)val = (SQLPOINTER)(uintptr_t)p;
	if (outlen)
		*outlen = sizeof(SQLPOINTER);
	return SQL_SUCCESS;
}

/* A string field: buflen and *outlen in bytes, even when wide. */
static SQLRETURN put_str(bb_desc *d, const char *text, SQLPOINTER val,
			 SQLINTEGER buflen, SQLINTEGER *outlen, bool wide)
{
	SQLLEN n = 0;
	SQLRETURN rc;

	if (buflen < 0)
		return bb_diag_add(&d->diag, BB_E_BAD_LENGTH, 0, NULL, NULL);
	rc = bb_out_str(&d->diag, text ? text : "", val,
			wide ? buflen / (SQLINTEGER)sizeof(SQLWCHAR) : buflen,
			&n, wide);
	if (outlen)
		*outlen = (SQLINTEGER)(wide ? n * (SQLLEN)sizeof(SQLWCHAR) : n);
	return rc;
}

static SQLRETURN get_header(bb_desc *d, const field_def *f, SQLPOINTER val,
			    SQLINTEGER *outlen)
{
	int role = bb_desc_role(d);
	bb_stmt *s = d->stmt;

	switch (f->id) {
	case SQL_DESC_ALLOC_TYPE:
		return put_num(val, f->vt,
			       d->stmt ? SQL_DESC_ALLOC_AUTO
				       : SQL_DESC_ALLOC_USER,
			       outlen);
	case SQL_DESC_ARRAY_SIZE:
		return put_num(val, f->vt, (SQLLEN)d->array_size, outlen);
	case SQL_DESC_ARRAY_STATUS_PTR:
		return put_ptr(val,
			       role == BB_IRD ? s->row_status : d->array_status,
			       outlen);
	case SQL_DESC_BIND_OFFSET_PTR:
		return put_ptr(val, d->bind_offset, outlen);
	case SQL_DESC_BIND_TYPE:
		return put_num(val, f->vt, (SQLLEN)d->bind_type, outlen);
	case SQL_DESC_COUNT:
		return put_num(val, f->vt, role == BB_IRD ? s->ncols : d->count,
			       outlen);
	}
	/* SQL_DESC_ROWS_PROCESSED_PTR */
	return put_ptr(val,
		       role == BB_IRD ? s->rows_fetched : d->rows_processed,
		       outlen);
}

/* An implementation field read from the type table, as for a column of
 * the record's type (IPD). */
static SQLRETURN get_typed(bb_desc *d, const bb_desc_rec *r, const field_def *f,
			   SQLPOINTER val, SQLINTEGER buflen,
			   SQLINTEGER *outlen, bool wide)
{
	bb_colinfo ci;
	SQLLEN n = 0;

	memset(&ci, 0, sizeof(ci));
	ci.name = r->name ? r->name : "";
	ci.sql_type = r->concise_type;
	ci.size = r->length;
	ci.nullable = SQL_NULLABLE; /* parameters always are */
	if (f->vt == V_STR)
		return put_str(d, bb_colinfo_text(&ci, (SQLUSMALLINT)f->id),
			       val, buflen, outlen, wide);
	if (f->id != SQL_DESC_ROWVER)
		bb_colinfo_num(&ci, (SQLUSMALLINT)f->id, &n, 0);
	return put_num(val, f->vt, n, outlen);
}

static SQLRETURN get_app_rec(bb_desc *d, const bb_desc_rec *r,
			     const field_def *f, SQLPOINTER val,
			     SQLINTEGER buflen, SQLINTEGER *outlen, bool wide)
{
	switch (f->id) {
	case SQL_DESC_TYPE:
		return put_num(val, f->vt, r->type, outlen);
	case SQL_DESC_CONCISE_TYPE:
		return put_num(val, f->vt, r->concise_type, outlen);
	case SQL_DESC_DATETIME_INTERVAL_CODE:
		return put_num(val, f->vt, r->dt_code, outlen);
	case SQL_DESC_DATETIME_INTERVAL_PRECISION:
		return put_num(val, f->vt, r->dt_prec, outlen);
	case SQL_DESC_LENGTH:
		return put_num(val, f->vt, (SQLLEN)r->length, outlen);
	case SQL_DESC_OCTET_LENGTH:
		return put_num(val, f->vt, r->octet_length, outlen);
	case SQL_DESC_PRECISION:
		return put_num(val, f->vt, r->precision, outlen);
	case SQL_DESC_SCALE:
		return put_num(val, f->vt, r->scale, outlen);
	case SQL_DESC_NUM_PREC_RADIX:
		return put_num(val, f->vt, r->radix, outlen);
	case SQL_DESC_PARAMETER_TYPE:
		return put_num(val, f->vt, r->param_type, outlen);
	case SQL_DESC_UNNAMED:
		return put_num(val, f->vt, r->unnamed, outlen);
	case SQL_DESC_DATA_PTR:
		return put_ptr(val, r->data_ptr, outlen);
	case SQL_DESC_INDICATOR_PTR:
		return put_ptr(val, r->indicator_ptr, outlen);
	case SQL_DESC_OCTET_LENGTH_PTR:
		return put_ptr(val, r->octet_length_ptr, outlen);
	case SQL_DESC_NAME:
		return put_str(d, r->name, val, buflen, outlen, wide);
	}
	return get_typed(d, r, f, val, buflen, outlen, wide);
}

static SQLRETURN get_ird_rec(bb_desc *d, int col, const field_def *f,
			     SQLPOINTER val, SQLINTEGER buflen,
			     SQLINTEGER *outlen, bool wide)
{
	const bb_colinfo *ci = &d->stmt->cols[col - 1];
	SQLLEN n = 0;

	if (f->vt == V_STR)
		return put_str(d, bb_colinfo_text(ci, (SQLUSMALLINT)f->id), val,
			       buflen, outlen, wide);
	/* DATETIME_INTERVAL_PRECISION and ROWVER: no intervals, no row
	 * versions, both 0. */
	bb_colinfo_num(ci, (SQLUSMALLINT)f->id, &n, 0);
	return put_num(val, f->vt, n, outlen);
}

/* Who may read f here: 07009, HY007, HY091 or SQL_NO_DATA when the read
 * cannot go on, SQL_SUCCESS when it can. */
static SQLRETURN may_read(bb_desc *d, SQLSMALLINT rec, const field_def *f)
{
	int role = bb_desc_role(d);
	int count;

	if (!f || f->perm[role] == '-' || f->perm[role] == 'c')
		return bb_diag_add(&d->diag, BB_E_BAD_DESC_FIELD, 0, NULL,
				   NULL);
	if (role == BB_IRD && !d->stmt->prepared &&
	    (!f->header || f->id == SQL_DESC_COUNT))
		return bb_diag_add(&d->diag, BB_E_NOT_PREPARED, 0, NULL, NULL);
	if (f->header)
		return SQL_SUCCESS;
	if (rec <= 0)
		return bb_diag_add(&d->diag, BB_E_BAD_COLUMN, 0, NULL,
				   rec == 0 ? "bookmarks are not supported"
					    : NULL);
	count = role == BB_IRD ? d->stmt->ncols : d->count;
	return rec > count ? SQL_NO_DATA : SQL_SUCCESS;
}

SQLRETURN bb_get_desc_field(bb_desc *d, SQLSMALLINT rec, SQLSMALLINT field,
			    SQLPOINTER val, SQLINTEGER buflen,
			    SQLINTEGER *outlen, bool wide)
{
	const field_def *f = field_of(field);
	SQLRETURN rc = may_read(d, rec, f);

	if (rc != SQL_SUCCESS)
		return rc;
	if (f->header)
		return get_header(d, f, val, outlen);
	if (bb_desc_role(d) == BB_IRD)
		return get_ird_rec(d, rec, f, val, buflen, outlen, wide);
	return get_app_rec(d, &d->recs[rec - 1], f, val, buflen, outlen, wide);
}

/* ---- setting ---- */

static SQLRETURN set_header(bb_desc *d, const field_def *f, SQLPOINTER val)
{
	SQLLEN v = (SQLLEN)(intptr_t)val;
	bb_stmt *s = d->stmt;
	bool ird = bb_desc_role(d) == BB_IRD;

	switch (f->id) {
	case SQL_DESC_ARRAY_SIZE:
		if (v <= 0)
			return bb_diag_add(&d->diag, BB_E_BAD_ATTR, 0, NULL,
					   "the array size must be at least 1");
		d->array_size = (SQLULEN)v;
		break;
	case SQL_DESC_ARRAY_STATUS_PTR:
		if (ird)
			s->row_status = val;
		else
			d->array_status = val;
		break;
	case SQL_DESC_BIND_OFFSET_PTR:
		d->bind_offset = val;
		break;
	case SQL_DESC_BIND_TYPE:
		d->bind_type = (SQLULEN)v;
		break;
	case SQL_DESC_COUNT:
		if (v < 0 || v > SHRT_MAX)
			return bb_diag_add(&d->diag, BB_E_BAD_COLUMN, 0, NULL,
					   NULL);
		if (!bb_desc_grow(d, (int)v))
			return bb_diag_add(&d->diag, BB_E_NOMEM, 0, NULL, NULL);
		bb_desc_shrink(d, (int)v);
		break;
	case SQL_DESC_ROWS_PROCESSED_PTR:
		if (ird)
			s->rows_fetched = val;
		else
			d->rows_processed = val;
		break;
	}
	return SQL_SUCCESS;
}

static SQLRETURN set_name(bb_desc *d, bb_desc_rec *r, SQLPOINTER val,
			  SQLINTEGER buflen, bool wide)
{
	char *name;

	if (!val)
		name = bb_strdup("");
	else if (wide)
		name = bb_in_wstr(val, buflen < 0 ? SQL_NTS
						  : buflen / (SQLINTEGER)sizeof(
								     SQLWCHAR));
	else
		name = bb_in_str(val, buflen < 0 ? SQL_NTS : buflen);
	if (!name)
		return bb_diag_add(&d->diag, BB_E_NOMEM, 0, NULL, NULL);
	free(r->name);
	r->name = name;
	r->unnamed = *name ? SQL_NAMED : SQL_UNNAMED;
	return SQL_SUCCESS;
}

/* SQL_DESC_DATA_PTR: the consistency check; an IPD's pointer only asks
 * for the check and is not kept. */
static SQLRETURN set_data_ptr(bb_desc *d, bb_desc_rec *r, SQLPOINTER val)
{
	bb_cond cond;

	if (bb_desc_role(d) != BB_IPD)
		r->data_ptr = val;
	if (!val)
		return SQL_SUCCESS;
	cond = bb_desc_check(d, r);
	if (cond == BB_OK)
		return SQL_SUCCESS;
	r->data_ptr = NULL;
	return bb_diag_add(&d->diag, cond, 0, NULL,
			   "the record's type, precision or scale is not "
			   "valid for binding");
}

/* The fields whose values describe the data: changing one after
 * SQL_DESC_DATA_PTR unbinds the record, so that an application sets
 * them in the reference's order. */
static bool describes_data(SQLSMALLINT id)
{
	switch (id) {
	case SQL_DESC_TYPE:
	case SQL_DESC_CONCISE_TYPE:
	case SQL_DESC_DATETIME_INTERVAL_CODE:
	case SQL_DESC_DATETIME_INTERVAL_PRECISION:
	case SQL_DESC_LENGTH:
	case SQL_DESC_OCTET_LENGTH:
	case SQL_DESC_PRECISION:
	case SQL_DESC_SCALE:
	case SQL_DESC_NUM_PREC_RADIX:
		return true;
	}
	return false;
}

static SQLRETURN set_rec(bb_desc *d, bb_desc_rec *r, const field_def *f,
			 SQLPOINTER val, SQLINTEGER buflen, bool wide)
{
	SQLLEN v = (SQLLEN)(intptr_t)val;

	if (describes_data(f->id))
		r->data_ptr = NULL;
	switch (f->id) {
	case SQL_DESC_TYPE:
		bb_desc_set_verbose(r, (SQLSMALLINT)v, r->dt_code);
		break;
	case SQL_DESC_CONCISE_TYPE:
		bb_desc_set_concise(r, (SQLSMALLINT)v);
		break;
	case SQL_DESC_DATETIME_INTERVAL_CODE:
		if (r->type == SQL_DATETIME || r->type == SQL_INTERVAL)
			bb_desc_set_verbose(r, r->type, (SQLSMALLINT)v);
		else
			r->dt_code = (SQLSMALLINT)v;
		break;
	case SQL_DESC_DATETIME_INTERVAL_PRECISION:
		r->dt_prec = (SQLINTEGER)v;
		break;
	case SQL_DESC_LENGTH:
		r->length = (SQLULEN)v;
		break;
	case SQL_DESC_OCTET_LENGTH:
		r->octet_length = v;
		break;
	case SQL_DESC_PRECISION:
		r->precision = (SQLSMALLINT)v;
		break;
	case SQL_DESC_SCALE:
		r->scale = (SQLSMALLINT)v;
		break;
	case SQL_DESC_NUM_PREC_RADIX:
		r->radix = (SQLINTEGER)v;
		break;
	case SQL_DESC_INDICATOR_PTR:
		r->indicator_ptr = val;
		break;
	case SQL_DESC_OCTET_LENGTH_PTR:
		r->octet_length_ptr = val;
		break;
	case SQL_DESC_DATA_PTR:
		return set_data_ptr(d, r, val);
	case SQL_DESC_NAME:
		return set_name(d, r, val, buflen, wide);
	case SQL_DESC_UNNAMED:
		if (v != SQL_UNNAMED)
			return bb_diag_add(&d->diag, BB_E_BAD_DESC_FIELD, 0,
					   NULL, "only SQL_UNNAMED can be set");
		r->unnamed = SQL_UNNAMED;
		break;
	case SQL_DESC_PARAMETER_TYPE:
		if (v != SQL_PARAM_INPUT)
			return bb_diag_add(&d->diag, BB_E_NOT_IMPL, 0, NULL,
					   "only input parameters are "
					   "supported");
		r->param_type = (SQLSMALLINT)v;
		break;
	}
	return SQL_SUCCESS;
}

/* Who may set f here: HY016, HY091 or 07009 when the call cannot go
 * on. */
static SQLRETURN may_set(bb_desc *d, SQLSMALLINT rec, const field_def *f)
{
	int role = bb_desc_role(d);

	if (role == BB_IRD && !(f && (f->id == SQL_DESC_ARRAY_STATUS_PTR ||
				      f->id == SQL_DESC_ROWS_PROCESSED_PTR)))
		return bb_diag_add(&d->diag, BB_E_IRD_READONLY, 0, NULL, NULL);
	if (!f || (f->perm[role] != 'w' && f->perm[role] != 'c'))
		return bb_diag_add(&d->diag, BB_E_BAD_DESC_FIELD, 0, NULL,
				   f ? "the field cannot be set on this "
				       "descriptor"
				     : NULL);
	if (!f->header && rec <= 0)
		return bb_diag_add(&d->diag, BB_E_BAD_COLUMN, 0, NULL,
				   rec == 0 ? "bookmarks are not supported"
					    : NULL);
	return SQL_SUCCESS;
}

SQLRETURN bb_set_desc_field(bb_desc *d, SQLSMALLINT rec, SQLSMALLINT field,
			    SQLPOINTER val, SQLINTEGER buflen, bool wide)
{
	const field_def *f = field_of(field);
	SQLRETURN rc = may_set(d, rec, f);

	if (rc != SQL_SUCCESS)
		return rc;
	if (f->header) {
		rc = set_header(d, f, val);
	} else {
		if (!bb_desc_grow(d, rec))
			return bb_diag_add(&d->diag, BB_E_NOMEM, 0, NULL, NULL);
		rc = set_rec(d, &d->recs[rec - 1], f, val, buflen, wide);
	}
	if (bb_desc_role(d) != BB_IRD)
		bb_desc_changed(d);
	return rc;
}
