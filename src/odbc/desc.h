/*
 * desc.h - descriptors: the ARD, APD, IRD and IPD of a statement, and
 * the descriptors an application allocates on a connection.
 *
 * An application descriptor (ARD, APD, explicit) keeps its header and
 * records here, and is the master copy of what SQLBindCol,
 * SQLBindParameter and the row and parameter statement attributes set:
 * each change is projected into every statement that uses it (the
 * statement's binds, params, row_array_size, bind_type and bind_offset,
 * which fetch.c and params.c read). The IRD answers from the statement's
 * result description and keeps no records; the IPD keeps what
 * SQLBindParameter and SQLSetDescField said of each parameter.
 */
#ifndef BB_DESC_H
#define BB_DESC_H

#include "util/setup.h"
#include "odbc/diag.h"

typedef struct bb_stmt bb_stmt;
typedef struct bb_dbc bb_dbc;

/* One record: a column (ARD, IRD) or a parameter (APD, IPD). */
typedef struct bb_desc_rec {
	SQLSMALLINT type;         /* SQL_DESC_TYPE (verbose) */
	SQLSMALLINT concise_type; /* SQL_DESC_CONCISE_TYPE */
	SQLSMALLINT dt_code;      /* SQL_DESC_DATETIME_INTERVAL_CODE */
	SQLINTEGER dt_prec;       /* SQL_DESC_DATETIME_INTERVAL_PRECISION */
	SQLULEN length;           /* SQL_DESC_LENGTH */
	SQLLEN octet_length;      /* SQL_DESC_OCTET_LENGTH */
	SQLSMALLINT precision;
	SQLSMALLINT scale;
	SQLINTEGER radix;         /* SQL_DESC_NUM_PREC_RADIX */
	SQLPOINTER data_ptr;      /* borrowed from the application */
	SQLLEN *octet_length_ptr; /* borrowed from the application */
	SQLLEN *indicator_ptr;    /* borrowed from the application */
	SQLSMALLINT param_type;   /* IPD: SQL_PARAM_INPUT */
	SQLSMALLINT unnamed;      /* IPD: SQL_NAMED or SQL_UNNAMED */
	char *name;               /* owned; IPD: UTF-8, or NULL */
} bb_desc_rec;

typedef struct bb_desc {
	unsigned magic;
	bb_diag diag;
	bb_dbc *dbc;          /* borrowed; the connection */
	bb_stmt *stmt;        /* borrowed; an implicit one's owner, or NULL */
	SQLINTEGER kind;      /* SQL_ATTR_APP_ROW_DESC ... or 0: explicit */
	struct bb_desc *next; /* in dbc->descs (explicit ones) */
	SQLULEN array_size;   /* SQL_DESC_ARRAY_SIZE (ARD, APD) */
	SQLUSMALLINT *array_status; /* borrowed; ARD, APD, IPD */
	SQLLEN *bind_offset;        /* borrowed; ARD, APD */
	SQLULEN bind_type;          /* SQL_DESC_BIND_TYPE (ARD, APD) */
	SQLULEN *rows_processed;    /* borrowed; IPD */
	bb_desc_rec *recs;          /* owned; count records, 1-based */
	int count;                  /* SQL_DESC_COUNT (not for the IRD) */
} bb_desc;

/* A descriptor handle's checks (any of the four kinds, or explicit). */
bb_desc *bb_desc_of(SQLHANDLE h);

/* The statement's four implicit descriptors (env.c): set up at
 * allocation, their records freed with it. */
void bb_desc_init_implicit(bb_stmt *s);
void bb_desc_free_implicit(bb_stmt *s);

/* Explicit descriptors (SQLAllocHandle, SQLFreeHandle); freeing one puts
 * the statements that used it back on their implicit ones. Disconnect
 * frees them all. */
SQLRETURN bb_desc_alloc(bb_dbc *dbc, SQLHANDLE *out);
SQLRETURN bb_desc_free(bb_desc *d);
void bb_desc_free_all(bb_dbc *dbc);

/* Statement calls that set application descriptors: each does what its
 * namesake does to the statement, then updates the ARD or APD (and the
 * IPD) and every statement that shares it. */
SQLRETURN bb_desc_bind_col(bb_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype,
			   SQLPOINTER ptr, SQLLEN buflen, SQLLEN *ind);
SQLRETURN bb_desc_bind_param(bb_stmt *s, SQLUSMALLINT n, SQLSMALLINT io,
			     SQLSMALLINT ctype, SQLSMALLINT sql_type,
			     SQLULEN size, SQLSMALLINT digits, SQLPOINTER ptr,
			     SQLLEN buflen, SQLLEN *ind);
SQLRETURN bb_desc_free_stmt(bb_stmt *s, SQLUSMALLINT option);
/* SQLSetStmtAttr and SQLGetStmtAttr: the descriptor handles and the
 * attributes that are descriptor header fields here, the rest in
 * attr.c. */
SQLRETURN bb_desc_set_stmt_attr(bb_stmt *s, SQLINTEGER attr, SQLPOINTER val,
				SQLINTEGER len);
SQLRETURN bb_desc_get_stmt_attr(bb_stmt *s, SQLINTEGER attr, SQLPOINTER val,
				SQLINTEGER buflen, SQLINTEGER *outlen);

/* SQLGetDescField, SQLSetDescField: lengths in bytes, strings UTF-8 or
 * (wide) UTF-16. */
SQLRETURN bb_get_desc_field(bb_desc *d, SQLSMALLINT rec, SQLSMALLINT field,
			    SQLPOINTER val, SQLINTEGER buflen,
			    SQLINTEGER *outlen, bool wide);
SQLRETURN bb_set_desc_field(bb_desc *d, SQLSMALLINT rec, SQLSMALLINT field,
			    SQLPOINTER val, SQLINTEGER buflen, bool wide);
/* SQLGetDescRec: name_max and *name_len in characters. */
SQLRETURN bb_get_desc_rec(bb_desc *d, SQLSMALLINT rec, SQLPOINTER name,
			  SQLSMALLINT name_max, SQLSMALLINT *name_len,
			  SQLSMALLINT *type, SQLSMALLINT *subtype, SQLLEN *len,
			  SQLSMALLINT *prec, SQLSMALLINT *scale,
			  SQLSMALLINT *nullable, bool wide);
SQLRETURN bb_set_desc_rec(bb_desc *d, SQLSMALLINT rec, SQLSMALLINT type,
			  SQLSMALLINT subtype, SQLLEN len, SQLSMALLINT prec,
			  SQLSMALLINT scale, SQLPOINTER data, SQLLEN *octets,
			  SQLLEN *ind);
SQLRETURN bb_copy_desc(bb_desc *src, bb_desc *dst);

/* Shared by desc.c and desc_field.c. */
enum { BB_ARD, BB_APD, BB_IRD, BB_IPD };
/* Which of the four a descriptor is; an explicit one is an ARD. */
int bb_desc_role(const bb_desc *d);
/* Makes room for records up to n (SQL_DESC_COUNT grows to n); new
 * records get their defaults. False: out of memory. */
bool bb_desc_grow(bb_desc *d, int n);
/* Shrinks to n records, freeing what the others owned. */
void bb_desc_shrink(bb_desc *d, int n);
/* Projects an application descriptor or IPD into its statements. */
void bb_desc_changed(bb_desc *d);
/* Brings a statement's parameter bindings up to its APD when a change
 * came while it awaited data-at-execution values; false: no memory. */
bool bb_desc_params_settle(bb_stmt *s);
/* Sets a record's type from a concise type (and the fields that follow
 * from it), or from a verbose type and its datetime/interval code. */
void bb_desc_set_concise(bb_desc_rec *r, SQLSMALLINT concise);
void bb_desc_set_verbose(bb_desc_rec *r, SQLSMALLINT type, SQLSMALLINT code);
/* The consistency check of a record (HY021), BB_OK if it passes. */
bb_cond bb_desc_check(const bb_desc *d, const bb_desc_rec *r);
/* An IRD record built from the result description (col is 1-based);
 * the name is borrowed from the statement. */
void bb_desc_ird_rec(bb_stmt *s, int col, bb_desc_rec *out);

/* How many sets of parameters the APD asks for (SQL_ATTR_PARAMSET_SIZE). */
SQLULEN bb_desc_param_rows(const bb_stmt *s);

#endif
