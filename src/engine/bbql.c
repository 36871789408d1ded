/*
 * bbql.c - building `q=` filters from SQLite constraints.
 */
#include "util/setup.h"
#include "engine/bbql.h"
#include "json/value.h"

#include <math.h>
#include <stdlib.h>

static bool text_op(int op)
{
	return op == SQLITE_INDEX_CONSTRAINT_EQ ||
	       op == SQLITE_INDEX_CONSTRAINT_NE ||
	       op == SQLITE_INDEX_CONSTRAINT_LIKE ||
	       op == SQLITE_INDEX_CONSTRAINT_ISNULL ||
	       op == SQLITE_INDEX_CONSTRAINT_ISNOTNULL;
}

static bool order_op(int op)
{
	return op == SQLITE_INDEX_CONSTRAINT_EQ ||
	       op == SQLITE_INDEX_CONSTRAINT_NE ||
	       op == SQLITE_INDEX_CONSTRAINT_LT ||
	       op == SQLITE_INDEX_CONSTRAINT_LE ||
	       op == SQLITE_INDEX_CONSTRAINT_GT ||
	       op == SQLITE_INDEX_CONSTRAINT_GE ||
	       op == SQLITE_INDEX_CONSTRAINT_ISNULL ||
	       op == SQLITE_INDEX_CONSTRAINT_ISNOTNULL;
}

bool bb_bbql_pushable(const bb_column_def *col, int op)
{
	if (!(col->flags & BB_COL_FILTER) || !col->json_path)
		return false;
	switch (col->type) {
	case BB_T_TEXT:
		return text_op(op);
	case BB_T_INT:
	case BB_T_BIGINT:
	case BB_T_DOUBLE:
	case BB_T_TIMESTAMP:
		return order_op(op) && op != SQLITE_INDEX_CONSTRAINT_NE;
	case BB_T_BIT:
		return op == SQLITE_INDEX_CONSTRAINT_EQ ||
		       op == SQLITE_INDEX_CONSTRAINT_NE;
	case BB_T_JSON:
		return false;
	}
	return false;
}

static const char *op_text(int op)
{
	switch (op) {
	case SQLITE_INDEX_CONSTRAINT_EQ:
		return "=";
	case SQLITE_INDEX_CONSTRAINT_NE:
		return "!=";
	case SQLITE_INDEX_CONSTRAINT_LT:
		return "<";
	case SQLITE_INDEX_CONSTRAINT_LE:
		return "<=";
	case SQLITE_INDEX_CONSTRAINT_GT:
		return ">";
	case SQLITE_INDEX_CONSTRAINT_GE:
		return ">=";
	case SQLITE_INDEX_CONSTRAINT_LIKE:
		return "~";
	}
	return NULL;
}

/* A BBQL string literal: double quotes, with \ and " escaped. */
static void put_string(bb_buf *q, const char *s, size_t n)
{
	size_t i;

	bb_buf_putc(q, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\')
			bb_buf_putc(q, '\\');
		bb_buf_putc(q, s[i]);
	}
	bb_buf_putc(q, '"');
}

/* The fixed text a LIKE pattern requires, if it is '%text%', 'text%' or
 * '%text' without other wildcards: `~` (contains) is then wider. */
static bool like_core(const char *p, const char **start, size_t *n)
{
	size_t len = strlen(p);

	while (len && *p == '%') {
		p++;
		len--;
	}
	while (len && p[len - 1] == '%')
		len--;
	if (len == 0 || memchr(p, '%', len) || memchr(p, '_', len) ||
	    memchr(p, '\\', len))
		return false;
	*start = p;
	*n = len;
	return true;
}

static bool put_number(bb_buf *q, sqlite3_value *v, bool integral)
{
	int t = sqlite3_value_numeric_type(v);
	double d;

	if (t == SQLITE_INTEGER) {
		bb_buf_printf(q, "%lld", (long long)sqlite3_value_int64(v));
		return true;
	}
	if (t != SQLITE_FLOAT)
		return false;
	d = sqlite3_value_double(v);
	if (!isfinite(d))
		return false;
	/* An id compared with 2.5 still needs every integer around it. */
	if (integral && d != floor(d))
		return false;
	bb_buf_printf(q, "%.17g", d);
	return true;
}

/* Writes the right-hand side; false if it cannot be said in BBQL. */
#define BBQL_MAX_TEXT 1024 /* bytes of a text value sent in q= */

static bool put_value(bb_buf *q, const bb_column_def *col, int *op,
		      sqlite3_value *v)
{
	const char *s = (const char *)sqlite3_value_text(v);
	char ts[32];

	if (!s || sqlite3_value_type(v) == SQLITE_NULL)
		return false;
	switch (col->type) {
	case BB_T_TEXT:
		if (*op == SQLITE_INDEX_CONSTRAINT_LIKE) {
			const char *core;
			size_t n;

			if (!like_core(s, &core, &n))
				return false;
			put_string(q, core, n);
			return true;
		}
		/* A long value stays with the engine: the URL that would
		 * carry it has its limits (HTTP 414). */
		if (strlen(s) > BBQL_MAX_TEXT)
			return false;
		put_string(q, s, strlen(s));
		return true;
	case BB_T_INT:
	case BB_T_BIGINT:
		return put_number(q, v, true);
	case BB_T_DOUBLE:
		return put_number(q, v, false);
	case BB_T_BIT:
		if (sqlite3_value_numeric_type(v) != SQLITE_INTEGER)
			return false;
		bb_buf_puts(q, sqlite3_value_int64(v) ? "true" : "false");
		return true;
	case BB_T_TIMESTAMP:
		if (!bb_timestamp_normalize(s, ts))
			return false;
		if (*op == SQLITE_INDEX_CONSTRAINT_LT)
			*op = SQLITE_INDEX_CONSTRAINT_LE;
		if (*op == SQLITE_INDEX_CONSTRAINT_GT)
			*op = SQLITE_INDEX_CONSTRAINT_GE;
		ts[10] = 'T';
		bb_buf_printf(q, "%s+00:00", ts);
		return true;
	case BB_T_JSON:
		return false;
	}
	return false;
}

bool bb_bbql_add(bb_buf *q, const bb_column_def *col, int op,
		 sqlite3_value *value)
{
	bb_buf rhs;
	bool ok = true;

	bb_buf_init(&rhs);
	if (op == SQLITE_INDEX_CONSTRAINT_ISNULL ||
	    op == SQLITE_INDEX_CONSTRAINT_ISNOTNULL) {
		bb_buf_puts(&rhs, "null");
		op = op == SQLITE_INDEX_CONSTRAINT_ISNULL
			     ? SQLITE_INDEX_CONSTRAINT_EQ
			     : SQLITE_INDEX_CONSTRAINT_NE;
	} else {
		/* The value first: it may widen the operator. */
		ok = put_value(&rhs, col, &op, value);
	}
	if (ok && !rhs.oom && op_text(op)) {
		if (q->len)
			bb_buf_puts(q, " AND ");
		bb_buf_printf(q, "%s %s %s", col->json_path, op_text(op),
			      rhs.data);
	} else {
		ok = false;
	}
	bb_buf_free(&rhs);
	return ok && !q->oom;
}
