/*
 * desc_rec.c - whole descriptor records and descriptors: SQLGetDescRec,
 * SQLSetDescRec, SQLCopyDesc; and the statement attributes that are
 * descriptors or descriptor header fields (SQL_ATTR_APP_ROW_DESC ...,
 * SQL_ATTR_PARAMSET_SIZE, SQL_ATTR_PARAM_STATUS_PTR ...).
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "util/str.h"

void bb_desc_ird_rec(bb_stmt *s, int col, bb_desc_rec *out)
{
	static const SQLUSMALLINT ids[] = {
		SQL_DESC_LENGTH, SQL_DESC_OCTET_LENGTH,   SQL_DESC_PRECISION,
		SQL_DESC_SCALE,  SQL_DESC_NUM_PREC_RADIX, SQL_DESC_UNNAMED,
	};
	const bb_colinfo *ci = &s->cols[col - 1];
	SQLLEN v[BB_ARRAY_LEN(ids)];
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < BB_ARRAY_LEN(ids); i++) {
		v[i] = 0;
		bb_colinfo_num(ci, ids[i], &v[i], 0);
	}
	bb_desc_set_concise(out, ci->sql_type);
	out->length = (SQLULEN)v[0];
	out->octet_length = v[1];
	out->precision = (SQLSMALLINT)v[2];
	out->scale = (SQLSMALLINT)v[3];
	out->radix = (SQLINTEGER)v[4];
	out->unnamed = (SQLSMALLINT)v[5];
	out->param_type = SQL_PARAM_INPUT;
	out->name = ci->name;
}

SQLRETURN bb_get_desc_rec(bb_desc *d, SQLSMALLINT rec, SQLPOINTER name,
			  SQLSMALLINT name_max, SQLSMALLINT *name_len,
			  SQLSMALLINT *type, SQLSMALLINT *subtype, SQLLEN *len,
			  SQLSMALLINT *prec, SQLSMALLINT *scale,
			  SQLSMALLINT *nullable, bool wide)
{
	int role = bb_desc_role(d);
	bb_desc_rec ird, *r;
	SQLSMALLINT null = SQL_NULLABLE_UNKNOWN;

	if (role == BB_IRD && !d->stmt->prepared)
		return bb_diag_add(&d->diag, BB_E_NOT_PREPARED, 0, NULL, NULL);
	if (rec <= 0)
		return bb_diag_add(&d->diag, BB_E_BAD_COLUMN, 0, NULL,
				   rec == 0 ? "bookmarks are not supported"
					    : NULL);
	if (rec > (role == BB_IRD ? d->stmt->ncols : d->count))
		return SQL_NO_DATA;
	if (role == BB_IRD) {
		bb_desc_ird_rec(d->stmt, rec, &ird);
		r = &ird;
		null = d->stmt->cols[rec - 1].nullable;
	} else {
		r = &d->recs[rec - 1];
		if (role == BB_IPD)
			null = SQL_NULLABLE;
	}
	if (type)
		*type = r->type;
	if (subtype)
		*subtype = r->dt_code;
	if (len)
		*len = r->octet_length;
	if (prec)
		*prec = r->precision;
	if (scale)
		*scale = r->scale;
	if (nullable)
		*nullable = null;
	if (name_max < 0)
		return bb_diag_add(&d->diag, BB_E_BAD_LENGTH, 0, NULL, NULL);
	return bb_out_str_small(&d->diag, r->name ? r->name : "", name,
				name_max, name_len, wide);
}

SQLRETURN bb_set_desc_rec(bb_desc *d, SQLSMALLINT rec, SQLSMALLINT type,
			  SQLSMALLINT subtype, SQLLEN len, SQLSMALLINT prec,
			  SQLSMALLINT scale, SQLPOINTER data, SQLLEN *octets,
			  SQLLEN *ind)
{
	int role = bb_desc_role(d);
	bb_desc_rec *r;
	bb_cond cond;

	if (role == BB_IRD)
		return bb_diag_add(&d->diag, BB_E_IRD_READONLY, 0, NULL, NULL);
	if (rec <= 0)
		return bb_diag_add(&d->diag, BB_E_BAD_COLUMN, 0, NULL,
				   rec == 0 ? "bookmarks are not supported"
					    : NULL);
	if (!bb_desc_grow(d, rec))
		return bb_diag_add(&d->diag, BB_E_NOMEM, 0, NULL, NULL);
	r = &d->recs[rec - 1];
	if (type == SQL_DATETIME || type == SQL_INTERVAL)
		bb_desc_set_verbose(r, type, subtype);
	else
		bb_desc_set_concise(r, type);
	r->octet_length = len;
	r->precision = prec;
	r->scale = scale;
	r->data_ptr = role == BB_IPD ? NULL : data;
	r->octet_length_ptr = octets;
	r->indicator_ptr = ind;
	/* SQLSetDescRec always runs the consistency check. */
	cond = bb_desc_check(d, r);
	if (cond != BB_OK)
		r->data_ptr = NULL;
	bb_desc_changed(d);
	if (cond != BB_OK)
		return bb_diag_add(&d->diag, cond, 0, NULL,
				   "the record's type, precision or scale is "
				   "not valid");
	return SQL_SUCCESS;
}

/* The IRD as records a copy can take (names borrowed). */
static bb_desc_rec *ird_recs(bb_stmt *s)
{
	bb_desc_rec *recs =
		calloc((size_t)(s->ncols ? s->ncols : 1), sizeof(*recs));
	int i;

	for (i = 0; recs && i < s->ncols; i++)
		bb_desc_ird_rec(s, i + 1, &recs[i]);
	return recs;
}

/* The header fields both descriptors have: the array fields between
 * application descriptors, the status arrays between any two, the
 * processed count between implementation ones. */
static void copy_header(const bb_desc *src, bb_desc *dst)
{
	int from = bb_desc_role(src), to = bb_desc_role(dst);
	bool ird = from == BB_IRD;

	if (from != BB_IRD && from != BB_IPD && to != BB_IPD) {
		dst->array_size = src->array_size;
		dst->bind_offset = src->bind_offset;
		dst->bind_type = src->bind_type;
	}
	dst->array_status = ird ? src->stmt->row_status : src->array_status;
	if ((from == BB_IRD || from == BB_IPD) && to == BB_IPD)
		dst->rows_processed =
			ird ? src->stmt->rows_fetched : src->rows_processed;
}

SQLRETURN bb_copy_desc(bb_desc *src, bb_desc *dst)
{
	bool ird = bb_desc_role(src) == BB_IRD;
	bb_desc_rec *from = ird ? NULL : src->recs;
	int n = ird ? src->stmt->ncols : src->count, i;

	if (bb_desc_role(dst) == BB_IRD)
		return bb_diag_add(&dst->diag, BB_E_IRD_READONLY, 0, NULL,
				   NULL);
	if (ird && !src->stmt->prepared)
		return bb_diag_add(&dst->diag, BB_E_NOT_PREPARED, 0, NULL,
				   NULL);
	if (src == dst)
		return SQL_SUCCESS;
	if (ird && !(from = ird_recs(src->stmt)))
		return bb_diag_add(&dst->diag, BB_E_NOMEM, 0, NULL, NULL);
	bb_desc_shrink(dst, 0);
	if (!bb_desc_grow(dst, n)) {
		if (ird)
			free(from);
		return bb_diag_add(&dst->diag, BB_E_NOMEM, 0, NULL, NULL);
	}
	for (i = 0; i < n; i++) {
		dst->recs[i] = from[i];
		dst->recs[i].name =
			from[i].name ? bb_strdup(from[i].name) : NULL;
	}
	copy_header(src, dst);
	if (ird)
		free(from);
	bb_desc_changed(dst);
	return SQL_SUCCESS;
}

/* SQL_ATTR_APP_ROW_DESC / SQL_ATTR_APP_PARAM_DESC: an explicit
 * descriptor of this connection, the statement's own implicit one, or
 * SQL_NULL_HDESC for the implicit one. */
static SQLRETURN use_desc(bb_stmt *s, bb_desc **slot, bb_desc *implicit,
			  SQLPOINTER val)
{
	bb_desc *d = val ? bb_desc_of(val) : implicit;

	if (!d)
		return bb_diag_add(&s->diag, BB_E_BAD_ATTR, 0, NULL,
				   "not a descriptor handle");
	if (d->stmt && d != implicit)
		return bb_diag_add(&s->diag, BB_E_IMPLICIT_DESC, 0, NULL,
				   "another statement's implicit descriptor");
	if (d->dbc != s->dbc)
		return bb_diag_add(&s->diag, BB_E_BAD_ATTR, 0, NULL,
				   "a descriptor of another connection");
	*slot = d;
	bb_desc_changed(d);
	return SQL_SUCCESS;
}

static SQLRETURN set_size(bb_stmt *s, bb_desc *d, SQLULEN v)
{
	if (v == 0)
		return bb_diag_add(&s->diag, BB_E_BAD_ATTR, 0, NULL, NULL);
	d->array_size = v;
	bb_desc_changed(d);
	return SQL_SUCCESS;
}

SQLRETURN bb_desc_set_stmt_attr(bb_stmt *s, SQLINTEGER attr, SQLPOINTER val,
				SQLINTEGER len)
{
	bb_desc *ipd = &s->descs[BB_IPD];

	switch (attr) {
	case SQL_ATTR_APP_ROW_DESC:
		return use_desc(s, &s->ard, &s->descs[BB_ARD], val);
	case SQL_ATTR_APP_PARAM_DESC:
		return use_desc(s, &s->apd, &s->descs[BB_APD], val);
	case SQL_ATTR_IMP_ROW_DESC:
	case SQL_ATTR_IMP_PARAM_DESC:
		return bb_diag_add(&s->diag, BB_E_IMPLICIT_DESC, 0, NULL,
				   "implementation descriptors cannot be "
				   "replaced");
	case SQL_ATTR_ROW_ARRAY_SIZE:
		return set_size(s, s->ard, (SQLULEN)(uintptr_t)val);
	case SQL_ATTR_PARAMSET_SIZE:
		return set_size(s, s->apd, (SQLULEN)(uintptr_t)val);
	case SQL_ATTR_ROW_BIND_TYPE:
		s->ard->bind_type = (SQLULEN)(uintptr_t)val;
		break;
	case SQL_ATTR_PARAM_BIND_TYPE:
		s->apd->bind_type = (SQLULEN)(uintptr_t)val;
		break;
	case SQL_ATTR_ROW_BIND_OFFSET_PTR:
		s->ard->bind_offset = val;
		break;
	case SQL_ATTR_PARAM_BIND_OFFSET_PTR:
		s->apd->bind_offset = val;
		break;
	case SQL_ATTR_ROW_OPERATION_PTR:
		s->ard->array_status = val;
		break;
	case SQL_ATTR_PARAM_OPERATION_PTR:
		s->apd->array_status = val;
		break;
	case SQL_ATTR_PARAM_STATUS_PTR:
		ipd->array_status = val;
		return SQL_SUCCESS;
	case SQL_ATTR_PARAMS_PROCESSED_PTR:
		ipd->rows_processed = val;
		return SQL_SUCCESS;
	default:
		return bb_set_stmt_attr(s, attr, val, len);
	}
	bb_desc_changed(attr == SQL_ATTR_ROW_BIND_TYPE ||
					attr == SQL_ATTR_ROW_BIND_OFFSET_PTR ||
					attr == SQL_ATTR_ROW_OPERATION_PTR
				? s->ard
				: s->apd);
	return SQL_SUCCESS;
}

static SQLRETURN out_value(SQLPOINTER val, SQLINTEGER *outlen, SQLULEN v)
{
	if (val)
		*(SQLULEN *)val = v;
	if (outlen)
		*outlen = sizeof(SQLULEN);
	return SQL_SUCCESS;
}

static SQLRETURN out_ptr(SQLPOINTER val, SQLINTEGER *outlen, const void *p)
{
	if (val)
		*(SQLPOINTER *)val = (SQLPOINTER)(uintptr_t)p;
	if (outlen)
		*outlen = sizeof(SQLPOINTER);
	return SQL_SUCCESS;
}

SQLRETURN bb_desc_get_stmt_attr(bb_stmt *s, SQLINTEGER attr, SQLPOINTER val,
				SQLINTEGER buflen, SQLINTEGER *outlen)
{
	const bb_desc *ipd = &s->descs[BB_IPD];

	switch (attr) {
	case SQL_ATTR_APP_ROW_DESC:
		return out_ptr(val, outlen, s->ard);
	case SQL_ATTR_APP_PARAM_DESC:
		return out_ptr(val, outlen, s->apd);
	case SQL_ATTR_IMP_ROW_DESC:
		return out_ptr(val, outlen, &s->descs[BB_IRD]);
	case SQL_ATTR_IMP_PARAM_DESC:
		return out_ptr(val, outlen, &s->descs[BB_IPD]);
	case SQL_ATTR_PARAMSET_SIZE:
		return out_value(val, outlen, s->apd->array_size);
	case SQL_ATTR_PARAM_BIND_TYPE:
		return out_value(val, outlen, s->apd->bind_type);
	case SQL_ATTR_PARAM_BIND_OFFSET_PTR:
		return out_ptr(val, outlen, s->apd->bind_offset);
	case SQL_ATTR_ROW_OPERATION_PTR:
		return out_ptr(val, outlen, s->ard->array_status);
	case SQL_ATTR_PARAM_OPERATION_PTR:
		return out_ptr(val, outlen, s->apd->array_status);
	case SQL_ATTR_PARAM_STATUS_PTR:
		return out_ptr(val, outlen, ipd->array_status);
	case SQL_ATTR_PARAMS_PROCESSED_PTR:
		return out_ptr(val, outlen, ipd->rows_processed);
	}
	return bb_get_stmt_attr(s, attr, val, buflen, outlen);
}
