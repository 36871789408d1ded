/*
 * desc.c - descriptor handles: the four implicit ones of a statement,
 * explicit ones on a connection (SQLAllocHandle, SQLFreeHandle of
 * SQL_HANDLE_DESC), SQLSetDescRec, SQLGetDescRec and SQLCopyDesc, and
 * how SQLBindCol, SQLBindParameter, SQLFreeStmt and the statement
 * attributes reach the ARD, APD and IPD.
 *
 * An application descriptor is the master copy of its bindings; after
 * every change, bb_desc_changed projects it into each statement that
 * uses it, so the fetch and execute paths read plain statement fields.
 * The fields one by one (SQLGetDescField, SQLSetDescField) are in
 * desc_field.c.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/convert.h"
#include "util/str.h"

bb_desc *bb_desc_of(SQLHANDLE h)
{
	bb_desc *d = h;

	return d && d->magic == BB_DESC_MAGIC ? d : NULL;
}

int bb_desc_role(const bb_desc *d)
{
	switch (d->kind) {
	case SQL_ATTR_APP_PARAM_DESC:
		return BB_APD;
	case SQL_ATTR_IMP_ROW_DESC:
		return BB_IRD;
	case SQL_ATTR_IMP_PARAM_DESC:
		return BB_IPD;
	}
	return BB_ARD;
}

static void init_desc(bb_desc *d, bb_dbc *dbc, bb_stmt *s, SQLINTEGER kind)
{
	memset(d, 0, sizeof(*d));
	d->magic = BB_DESC_MAGIC;
	d->dbc = dbc;
	d->stmt = s;
	d->kind = kind;
	d->diag.odbc2 = dbc->diag.odbc2;
	d->array_size = 1;
	d->bind_type = SQL_BIND_BY_COLUMN;
}

void bb_desc_init_implicit(bb_stmt *s)
{
	static const SQLINTEGER kinds[4] = {
		SQL_ATTR_APP_ROW_DESC, SQL_ATTR_APP_PARAM_DESC,
		SQL_ATTR_IMP_ROW_DESC, SQL_ATTR_IMP_PARAM_DESC};
	int i;

	for (i = 0; i < 4; i++)
		init_desc(&s->descs[i], s->dbc, s, kinds[i]);
	s->ard = &s->descs[BB_ARD];
	s->apd = &s->descs[BB_APD];
}

static void release(bb_desc *d)
{
	bb_desc_shrink(d, 0);
	free(d->recs);
	d->recs = NULL;
	bb_diag_free(&d->diag);
	d->magic = 0;
}

void bb_desc_free_implicit(bb_stmt *s)
{
	int i;

	for (i = 0; i < 4; i++)
		release(&s->descs[i]);
}

/* A new record: what the reference gives each field at allocation. */
static void default_rec(const bb_desc *d, bb_desc_rec *r)
{
	int role = bb_desc_role(d);

	memset(r, 0, sizeof(*r));
	r->type = r->concise_type = SQL_C_DEFAULT;
	if (role == BB_IPD) {
		r->type = r->concise_type = SQL_UNKNOWN_TYPE;
		r->param_type = SQL_PARAM_INPUT;
		r->unnamed = SQL_UNNAMED;
	}
}

bool bb_desc_grow(bb_desc *d, int n)
{
	bb_desc_rec *recs;
	int i;

	if (n <= d->count)
		return true;
	recs = realloc(d->recs, (size_t)n * sizeof(*recs));
	if (!recs)
		return false;
	d->recs = recs;
	for (i = d->count; i < n; i++)
		default_rec(d, &recs[i]);
	d->count = n;
	return true;
}

void bb_desc_shrink(bb_desc *d, int n)
{
	while (d->count > n) {
		d->count--;
		free(d->recs[d->count].name);
		d->recs[d->count].name = NULL;
	}
}

SQLRETURN bb_desc_alloc(bb_dbc *dbc, SQLHANDLE *out)
{
	bb_desc *d;

	if (!dbc->connected)
		return bb_diag_add(&dbc->diag, BB_E_NOT_CONNECTED, 0, NULL,
				   NULL);
	d = malloc(sizeof(*d));
	if (!d)
		return bb_diag_add(&dbc->diag, BB_E_NOMEM, 0, NULL, NULL);
	init_desc(d, dbc, NULL, 0);
	d->next = dbc->descs;
	dbc->descs = d;
	*out = d;
	return SQL_SUCCESS;
}

SQLRETURN bb_desc_free(bb_desc *d)
{
	bb_dbc *dbc = d->dbc;
	bb_desc **p;
	bb_stmt *s;

	bb_diag_clear(&d->diag);
	if (d->stmt)
		return bb_diag_add(&d->diag, BB_E_IMPLICIT_DESC, 0, NULL,
				   "an implicit descriptor is freed with its "
				   "statement");
	for (s = dbc->stmts; s; s = s->next) {
		if (s->ard == d) {
			s->ard = &s->descs[BB_ARD];
			bb_desc_changed(s->ard);
		}
		if (s->apd == d) {
			s->apd = &s->descs[BB_APD];
			bb_desc_changed(s->apd);
		}
	}
	for (p = &dbc->descs; *p; p = &(*p)->next)
		if (*p == d) {
			*p = d->next;
			break;
		}
	release(d);
	free(d);
	return SQL_SUCCESS;
}

void bb_desc_free_all(bb_dbc *dbc)
{
	bb_desc *d;

	while ((d = dbc->descs) != NULL) {
		dbc->descs = d->next;
		bb_desc_free(d);
	}
}

/* The ARD into s: its bound columns and row-array header. */
static bool project_ard(bb_stmt *s, const bb_desc *d)
{
	bb_binding *b = NULL;
	int i;

	if (d->count > 0) {
		b = realloc(s->binds, (size_t)d->count * sizeof(*b));
		if (!b)
			return false;
		if (d->count > s->nbinds)
			memset(b + s->nbinds, 0,
			       (size_t)(d->count - s->nbinds) * sizeof(*b));
	} else {
		free(s->binds);
	}
	s->binds = b;
	s->nbinds = d->count;
	for (i = 0; i < d->count; i++) {
		const bb_desc_rec *r = &d->recs[i];

		b[i].ctype = r->concise_type;
		b[i].ptr = r->data_ptr;
		b[i].buflen = r->octet_length;
		b[i].ind = r->indicator_ptr;
		b[i].len = r->octet_length_ptr;
	}
	s->row_array_size = d->array_size;
	s->bind_type = d->bind_type;
	s->bind_offset = (SQLULEN *)d->bind_offset;
	return true;
}

/* The APD and IPD into s's parameters. */
static bool project_params(bb_stmt *s)
{
	const bb_desc *apd = s->apd, *ipd = &s->descs[BB_IPD];
	int n = apd->count, i;
	bb_param *p = NULL;

	/* A statement awaiting data-at-execution values reads its
	 * bindings until it is done: a change to a descriptor it shares
	 * reaches it at its next execution (bb_desc_params_settle). */
	if (bb_params_need_data(s)) {
		s->params_stale = true;
		return true;
	}
	s->params_stale = false;

	if (n > 0) {
		p = realloc(s->params, (size_t)n * sizeof(*p));
		if (!p)
			return false;
		if (n > s->nparams)
			memset(p + s->nparams, 0,
			       (size_t)(n - s->nparams) * sizeof(*p));
	} else {
		free(s->params);
	}
	s->params = p;
	s->nparams = n;
	for (i = 0; i < n; i++) {
		const bb_desc_rec *r = &apd->recs[i];

		p[i].sql_type = i < ipd->count ? ipd->recs[i].concise_type
					       : SQL_UNKNOWN_TYPE;
		/* SQL_C_DEFAULT: the default C type of the marker's type. */
		p[i].ctype = r->concise_type == SQL_C_DEFAULT
				     ? bb_default_ctype(p[i].sql_type)
				     : r->concise_type;
		p[i].ptr = r->data_ptr;
		p[i].buflen = r->octet_length;
		p[i].ind = r->indicator_ptr;
		p[i].len = r->octet_length_ptr;
		p[i].bound = r->data_ptr || r->indicator_ptr;
	}
	return true;
}

bool bb_desc_params_settle(bb_stmt *s)
{
	return !s->params_stale || project_params(s);
}

/* A projection that runs out of memory leaves the statement with fewer
 * bindings than the descriptor; the failure is recorded on it. */
void bb_desc_changed(bb_desc *d)
{
	bb_stmt *s;

	if (d->kind == SQL_ATTR_IMP_PARAM_DESC) {
		if (!project_params(d->stmt))
			bb_diag_add(&d->diag, BB_E_NOMEM, 0, NULL, NULL);
		return;
	}
	for (s = d->dbc->stmts; s; s = s->next) {
		if (s->ard == d && !project_ard(s, d))
			bb_diag_add(&d->diag, BB_E_NOMEM, 0, NULL, NULL);
		if (s->apd == d && !project_params(s))
			bb_diag_add(&d->diag, BB_E_NOMEM, 0, NULL, NULL);
	}
}

/* What SQLBindCol and SQLBindParameter set in an application record:
 * the concise type and the rest follow from it. */
static void bind_rec(bb_desc_rec *r, SQLSMALLINT ctype, SQLPOINTER ptr,
		     SQLLEN buflen, SQLLEN *ind)
{
	bb_desc_set_concise(r, ctype);
	r->octet_length = buflen;
	r->data_ptr = ptr;
	r->octet_length_ptr = ind;
	r->indicator_ptr = ind;
}

static bool bound(const bb_desc_rec *r)
{
	return r->data_ptr || r->indicator_ptr || r->octet_length_ptr;
}

/* Unbinding the highest record lowers SQL_DESC_COUNT to the highest
 * one still bound. */
static void trim_unbound(bb_desc *d)
{
	int n = d->count;

	while (n > 0 && !bound(&d->recs[n - 1]))
		n--;
	bb_desc_shrink(d, n);
}

SQLRETURN bb_desc_bind_col(bb_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype,
			   SQLPOINTER ptr, SQLLEN buflen, SQLLEN *ind)
{
	bb_desc *d = s->ard;
	SQLRETURN rc = bb_bind_col(s, col, ctype, ptr, buflen, ind);

	if (!SQL_SUCCEEDED(rc))
		return rc;
	if (!ptr && !ind) {
		if (col <= d->count) {
			d->recs[col - 1].data_ptr = NULL;
			d->recs[col - 1].indicator_ptr = NULL;
			d->recs[col - 1].octet_length_ptr = NULL;
			trim_unbound(d);
		}
	} else {
		if (!bb_desc_grow(d, col))
			return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
		bind_rec(&d->recs[col - 1], ctype, ptr, buflen, ind);
	}
	bb_desc_changed(d);
	return rc;
}

/* SQLBindParameter's column size and decimal digits, in the IPD fields
 * the reference gives them for the parameter's SQL type. */
static void ipd_sizes(bb_desc_rec *r, SQLULEN size, SQLSMALLINT digits)
{
	switch (r->concise_type) {
	case SQL_DECIMAL:
	case SQL_NUMERIC:
	case SQL_FLOAT:
	case SQL_REAL:
	case SQL_DOUBLE:
		r->precision = (SQLSMALLINT)size;
		r->scale = digits;
		break;
	case SQL_TYPE_TIME:
	case SQL_TYPE_TIMESTAMP:
		r->length = size;
		r->precision = digits;
		break;
	case SQL_SMALLINT:
	case SQL_INTEGER:
	case SQL_BIGINT:
	case SQL_TINYINT:
	case SQL_BIT:
		break;
	default:
		r->length = size;
	}
}

SQLRETURN bb_desc_bind_param(bb_stmt *s, SQLUSMALLINT n, SQLSMALLINT io,
			     SQLSMALLINT ctype, SQLSMALLINT sql_type,
			     SQLULEN size, SQLSMALLINT digits, SQLPOINTER ptr,
			     SQLLEN buflen, SQLLEN *ind)
{
	bb_desc *apd = s->apd, *ipd = &s->descs[BB_IPD];
	SQLRETURN rc =
		bb_bind_param(s, n, io, ctype, sql_type, ptr, buflen, ind);
	bb_desc_rec *r;

	if (!SQL_SUCCEEDED(rc))
		return rc;
	if (!bb_desc_grow(apd, n) || !bb_desc_grow(ipd, n))
		return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
	bind_rec(&apd->recs[n - 1], ctype, ptr, buflen, ind);
	r = &ipd->recs[n - 1];
	bb_desc_set_concise(r, sql_type);
	ipd_sizes(r, size, digits);
	r->param_type = io;
	bb_desc_changed(apd);
	return rc;
}

SQLRETURN bb_desc_free_stmt(bb_stmt *s, SQLUSMALLINT option)
{
	SQLRETURN rc = bb_free_stmt(s, option);

	if (option == SQL_DROP || !SQL_SUCCEEDED(rc))
		return rc;
	/* On a shared explicit descriptor, every statement loses them. */
	if (option == SQL_UNBIND) {
		bb_desc_shrink(s->ard, 0);
		bb_desc_changed(s->ard);
	} else if (option == SQL_RESET_PARAMS) {
		bb_desc_shrink(s->apd, 0);
		bb_desc_changed(s->apd);
	}
	return rc;
}

SQLULEN bb_desc_param_rows(const bb_stmt *s)
{
	return s->apd->array_size;
}
