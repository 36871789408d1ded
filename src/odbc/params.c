/*
 * params.c - the statement handle's parameter markers: SQLBindParameter
 * and the SQL_ATTR_PARAM* statement attributes, and where each set of an
 * array keeps its value.
 *
 * Input parameters only. The array attributes live in the APD and IPD
 * headers (desc.c); with SQL_ATTR_PARAMSET_SIZE above 1 the
 * application binds arrays, column-wise (each ParameterValuePtr is an
 * array of BufferLength-byte elements, each indicator an array of
 * SQLLEN) or row-wise (SQL_ATTR_PARAM_BIND_TYPE is the size of one row
 * structure, and every pointer advances by it); the bind offset, when
 * set, is added to every pointer. Execution is in param_exec.c.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/convert.h"
#include "util/str.h"

/* True for the SQL types SQLBindParameter accepts as ParameterType. */
static bool sql_type_known(SQLSMALLINT t)
{
	switch (t) {
	case SQL_CHAR:
	case SQL_VARCHAR:
	case SQL_LONGVARCHAR:
	case SQL_WCHAR:
	case SQL_WVARCHAR:
	case SQL_WLONGVARCHAR:
	case SQL_DECIMAL:
	case SQL_NUMERIC:
	case SQL_BIT:
	case SQL_TINYINT:
	case SQL_SMALLINT:
	case SQL_INTEGER:
	case SQL_BIGINT:
	case SQL_REAL:
	case SQL_FLOAT:
	case SQL_DOUBLE:
	case SQL_BINARY:
	case SQL_VARBINARY:
	case SQL_LONGVARBINARY:
	case SQL_TYPE_DATE:
	case SQL_TYPE_TIME:
	case SQL_TYPE_TIMESTAMP:
	case SQL_DATE:
	case SQL_TIME:
	case SQL_TIMESTAMP:
	case SQL_GUID:
		return true;
	}
	return false;
}

static bool sql_type_interval(SQLSMALLINT t)
{
	return t >= SQL_INTERVAL_YEAR && t <= SQL_INTERVAL_MINUTE_TO_SECOND;
}

/* The checks SQLBindParameter makes before anything is stored. */
static SQLRETURN check_bind(bb_stmt *s, SQLUSMALLINT n, SQLSMALLINT io,
			    SQLSMALLINT ctype, SQLSMALLINT sql_type,
			    SQLPOINTER ptr, SQLLEN buflen, SQLLEN *ind)
{
	if (n < 1)
		return bb_diag_add(&s->diag, BB_E_BAD_PARAM_NUM, 0, NULL, NULL);
	if (io != SQL_PARAM_INPUT)
		return bb_diag_add(&s->diag, BB_E_NOT_IMPL, 0, NULL,
				   "only input parameters are supported");
	if (!bb_ctype_known(ctype))
		return bb_diag_addf(&s->diag, BB_E_BAD_CTYPE,
				    "C type %d is not a C data type", ctype);
	if (sql_type_interval(sql_type))
		return bb_diag_add(&s->diag, BB_E_NOT_IMPL, 0, NULL,
				   "interval parameters are not supported");
	if (!sql_type_known(sql_type))
		return bb_diag_addf(&s->diag, BB_E_BAD_SQLTYPE,
				    "SQL type %d is not a SQL data type",
				    sql_type);
	if (buflen < 0)
		return bb_diag_add(&s->diag, BB_E_BAD_LENGTH, 0, NULL,
				   "BufferLength is negative");
	if (!ptr && !ind)
		return bb_diag_add(&s->diag, BB_E_NULL_PTR, 0, NULL,
				   "a parameter needs a value pointer or an "
				   "indicator");
	return SQL_SUCCESS;
}

SQLRETURN bb_bind_param(bb_stmt *s, SQLUSMALLINT n, SQLSMALLINT io,
			SQLSMALLINT ctype, SQLSMALLINT sql_type, SQLPOINTER ptr,
			SQLLEN buflen, SQLLEN *ind)
{
	SQLRETURN rc = check_bind(s, n, io, ctype, sql_type, ptr, buflen, ind);
	bb_param *p;

	if (rc != SQL_SUCCESS)
		return rc;
	if (n > s->nparams) {
		p = realloc(s->params, n * sizeof(*p));
		if (!p)
			return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
		memset(p + s->nparams, 0, (n - s->nparams) * sizeof(*p));
		s->params = p;
		s->nparams = n;
	}
	p = &s->params[n - 1];
	p->ctype = ctype == SQL_C_DEFAULT ? bb_default_ctype(sql_type) : ctype;
	p->sql_type = sql_type;
	p->ptr = ptr;
	p->buflen = buflen;
	p->ind = ind;
	p->len = ind;
	p->bound = true;
	return SQL_SUCCESS;
}

/* The size of one element of p's value array (column-wise binding). */
static SQLLEN elem_size(const bb_param *p)
{
	SQLLEN fixed = bb_ctype_size(p->ctype);

	return fixed > 0 ? fixed : p->buflen;
}

static SQLULEN offset_of(const bb_stmt *s)
{
	return s->apd->bind_offset ? (SQLULEN)*s->apd->bind_offset : 0;
}

void *bb_param_value_ptr(const bb_stmt *s, const bb_param *p, SQLULEN set)
{
	SQLULEN step;

	if (!p->ptr)
		return NULL;
	step = s->apd->bind_type == SQL_PARAM_BIND_BY_COLUMN
		       ? (SQLULEN)elem_size(p)
		       : s->apd->bind_type;
	return (char *)p->ptr + offset_of(s) + set * step;
}

/* An indicator or length array's element for set `set`. */
static SQLLEN *len_elem(const bb_stmt *s, SQLLEN *base, SQLULEN set)
{
	SQLULEN step;

	if (!base)
		return NULL;
	step = s->apd->bind_type == SQL_PARAM_BIND_BY_COLUMN
		       ? sizeof(SQLLEN)
		       : s->apd->bind_type;
	return (SQLLEN *)(void *)((char *)base + offset_of(s) + set * step);
}

SQLLEN *bb_param_ind_ptr(const bb_stmt *s, const bb_param *p, SQLULEN set)
{
	return len_elem(s, p->ind, set);
}

SQLLEN *bb_param_len_ptr(const bb_stmt *s, const bb_param *p, SQLULEN set)
{
	return len_elem(s, p->len, set);
}

SQLLEN bb_param_ind(const SQLLEN *ind)
{
	SQLLEN v;

	/* Packed row-wise buffers may leave the indicator unaligned. */
	memcpy(&v, ind, sizeof(v));
	return v;
}

bool bb_param_is_dae(const SQLLEN *ind)
{
	SQLLEN v = ind ? bb_param_ind(ind) : 0;

	return ind &&
	       (v == SQL_DATA_AT_EXEC || v <= SQL_LEN_DATA_AT_EXEC_OFFSET);
}
