/*
 * param_describe.c - SQLDescribeParam: what type a parameter marker is.
 *
 * SQLite does not type its markers, so the statement's text is read for
 * the column each marker meets:
 *
 *   col = ?   ? <> t.col   col LIKE ?   col IN (?, ?)   col BETWEEN ? AND ?
 *   UPDATE t SET col = ?
 *   INSERT INTO t (a, b) VALUES (?, ?)   INSERT INTO t VALUES (?, ?)
 *
 * and that column's declared type, looked up in the tables the statement
 * names (Bitbucket tables and connection-local ones alike), answers. A
 * marker anywhere else (an expression, a function argument, LIMIT ?) is
 * Unicode text of unknown length (0) and unknown nullability: any value
 * converts to it. Text columns have no length in the engine, so their
 * markers report 0 unless declared VARCHAR(n).
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/types.h"
#include "util/str.h"

#include <ctype.h>

#define MAX_TABLES 16

enum tkind { T_ID, T_MARK, T_OP, T_OTHER };

typedef struct tok {
	enum tkind kind;
	const char *p; /* borrowed; into the statement's SQL */
	size_t n;
	int mark; /* T_MARK: the marker's number */
} tok;

typedef struct table_ref {
	char schema[128], name[128], alias[128];
} table_ref;

typedef struct scan {
	tok *t; /* owned */
	int n;
	table_ref tables[MAX_TABLES];
	int ntables;
} scan;

static bool word_is(const tok *t, const char *w)
{
	return t->kind == T_ID && strlen(w) == t->n &&
	       bb_strncasecmp(t->p, w, t->n) == 0;
}

static bool op_is(const tok *t, const char *op)
{
	return t->kind == T_OP && strlen(op) == t->n &&
	       strncmp(t->p, op, t->n) == 0;
}

/* Length of the token at p; sets *kind. Quoted identifiers keep their
 * quotes (unquote strips them). */
static size_t lex(const char *p, enum tkind *kind)
{
	const char *q = p;
	char close;

	*kind = T_OTHER;
	if (isalpha((unsigned char)*p) || *p == '_') {
		while (isalnum((unsigned char)*q) || *q == '_' || *q == '$')
			q++;
		*kind = T_ID;
		return (size_t)(q - p);
	}
	if (*p == '"' || *p == '`' || *p == '[' || *p == '\'') {
		close = *p == '[' ? ']' : *p;
		for (q = p + 1; *q && !(*q == close && q[1] != close); q++)
			if (*q == close)
				q++;
		*kind = *p == '\'' ? T_OTHER : T_ID;
		return (size_t)(q - p) + (*q ? 1 : 0);
	}
	if (*p == '?') {
		for (q = p + 1; isdigit((unsigned char)*q); q++)
			;
		*kind = T_MARK;
		return (size_t)(q - p);
	}
	if (strchr("<>!=", *p)) {
		*kind = T_OP;
		return strchr("=>", p[1]) && p[1] ? 2 : 1;
	}
	if (isdigit((unsigned char)*p)) {
		while (isalnum((unsigned char)*q) || *q == '.')
			q++;
		return (size_t)(q - p);
	}
	*kind = T_OP;
	return 1;
}

static bool tokenize(const char *sql, scan *sc)
{
	int cap = 0, next_mark = 1;
	const char *p = sql;

	while (*p) {
		enum tkind k;
		size_t n;

		if (isspace((unsigned char)*p)) {
			p++;
			continue;
		}
		n = lex(p, &k);
		if (sc->n == cap) {
			tok *g;

			cap = cap ? cap * 2 : 64;
			g = realloc(sc->t, (size_t)cap * sizeof(*g));
			if (!g)
				return false;
			sc->t = g;
		}
		sc->t[sc->n] = (tok){k, p, n, 0};
		if (k == T_MARK) {
			int m = n > 1 ? atoi(p + 1) : next_mark;

			sc->t[sc->n].mark = m;
			next_mark = m + 1;
		}
		sc->n++;
		p += n;
	}
	return true;
}

static void unquote(const tok *t, char *out, size_t size)
{
	const char *p = t->p;
	size_t n = t->n;

	if (n >= 2 && strchr("\"`[", *p)) {
		p++;
		n -= 2;
	}
	if (n >= size)
		n = size - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

static bool reserved(const tok *t)
{
	static const char *const words[] = {
		"WHERE",  "ON",     "JOIN",    "INNER",     "LEFT",  "RIGHT",
		"CROSS",  "SET",    "VALUES",  "GROUP",     "ORDER", "LIMIT",
		"UNION",  "USING",  "NATURAL", "OUTER",     "FULL",  "SELECT",
		"HAVING", "WINDOW", "DEFAULT", "RETURNING", "AS"};
	size_t i;

	for (i = 0; i < BB_ARRAY_LEN(words); i++)
		if (word_is(t, words[i]))
			return true;
	return false;
}

/* Reads one table reference ([schema.]name [[AS] alias]) at token k
 * into the next slot; returns the token after it, or -1 if none is. */
static int add_table(scan *sc, int k)
{
	table_ref *r = &sc->tables[sc->ntables];

	if (k >= sc->n || sc->ntables >= MAX_TABLES || sc->t[k].kind != T_ID ||
	    reserved(&sc->t[k]))
		return -1;
	memset(r, 0, sizeof(*r));
	unquote(&sc->t[k], r->name, sizeof(r->name));
	if (k + 2 < sc->n && op_is(&sc->t[k + 1], ".") &&
	    sc->t[k + 2].kind == T_ID) {
		memcpy(r->schema, r->name, sizeof(r->schema));
		k += 2;
		unquote(&sc->t[k], r->name, sizeof(r->name));
	}
	k++;
	if (k < sc->n && word_is(&sc->t[k], "AS"))
		k++;
	if (k < sc->n && sc->t[k].kind == T_ID && !reserved(&sc->t[k]))
		unquote(&sc->t[k++], r->alias, sizeof(r->alias));
	sc->ntables++;
	return k;
}

/* Tables after FROM (a list, comma-joined), JOIN, UPDATE and INTO. */
static void find_tables(scan *sc)
{
	int i, k;

	for (i = 0; i + 1 < sc->n; i++) {
		if (!word_is(&sc->t[i], "FROM") &&
		    !word_is(&sc->t[i], "JOIN") &&
		    !word_is(&sc->t[i], "UPDATE") &&
		    !word_is(&sc->t[i], "INTO"))
			continue;
		k = add_table(sc, i + 1);
		while (k > 0 && k + 1 < sc->n && op_is(&sc->t[k], ","))
			k = add_table(sc, k + 1);
	}
}

/* The declared type of column col (of the table called qual, if given)
 * in one of the statement's tables; NULL if none has it. */
static const char *decl_of(bb_stmt *s, const scan *sc, const char *qual,
			   const char *col, int *notnull)
{
	int i, pk, autoinc;
	const char *decl, *coll;

	for (i = 0; i < sc->ntables; i++) {
		const table_ref *r = &sc->tables[i];

		if (*qual && bb_strcasecmp(qual, r->alias) != 0 &&
		    bb_strcasecmp(qual, r->name) != 0)
			continue;
		if (sqlite3_table_column_metadata(
			    s->dbc->engine.db, *r->schema ? r->schema : NULL,
			    r->name, col, &decl, &coll, notnull, &pk,
			    &autoinc) == SQLITE_OK)
			return decl;
	}
	return NULL;
}

/* The column reference ending at token e (col or q.col), into qual/col. */
static bool column_at(const scan *sc, int e, char *qual, char *col)
{
	*qual = '\0';
	if (e < 0 || sc->t[e].kind != T_ID || reserved(&sc->t[e]))
		return false;
	unquote(&sc->t[e], col, 128);
	if (e >= 2 && op_is(&sc->t[e - 1], ".") && sc->t[e - 2].kind == T_ID)
		unquote(&sc->t[e - 2], qual, 128);
	return true;
}

static bool is_cmp(const tok *t)
{
	return (t->kind == T_OP && strchr("=<>!", *t->p)) ||
	       word_is(t, "LIKE") || word_is(t, "GLOB") || word_is(t, "IS");
}

/* The column a marker at token m is compared with, if any. */
static bool compared(const scan *sc, int m, char *qual, char *col)
{
	int i = m - 1;

	if (i >= 1 && is_cmp(&sc->t[i]))
		return column_at(sc, i - 1, qual, col);
	if (m + 2 < sc->n && is_cmp(&sc->t[m + 1])) {
		int e = m + 2;

		if (e + 2 < sc->n && op_is(&sc->t[e + 1], "."))
			e += 2;
		/* Not a function's name: f(x). */
		if (e + 1 < sc->n && op_is(&sc->t[e + 1], "("))
			return false;
		return column_at(sc, e, qual, col);
	}
	/* col IN (?, ?, ...): back over markers and commas. */
	while (i >= 0 && (sc->t[i].kind == T_MARK || op_is(&sc->t[i], ",")))
		i--;
	if (i >= 2 && op_is(&sc->t[i], "(") && word_is(&sc->t[i - 1], "IN"))
		return column_at(sc, i - 2, qual, col);
	/* col BETWEEN ? AND ? */
	i = m - 1;
	if (i >= 2 && word_is(&sc->t[i], "AND") && sc->t[i - 1].kind == T_MARK)
		i -= 2;
	if (i >= 1 && word_is(&sc->t[i], "BETWEEN"))
		return column_at(sc, i - 1, qual, col);
	return false;
}

/* The name of column pos (0-based) of table r. */
static bool column_by_pos(bb_stmt *s, const table_ref *r, int pos, char *col)
{
	sqlite3_stmt *q = NULL;
	bool found = false;

	if (sqlite3_prepare_v2(s->dbc->engine.db,
			       "SELECT name FROM pragma_table_info(?1, ?2) "
			       "LIMIT 1 OFFSET ?3",
			       -1, &q, NULL) != SQLITE_OK)
		goto done;
	sqlite3_bind_text(q, 1, r->name, -1, SQLITE_STATIC);
	if (*r->schema)
		sqlite3_bind_text(q, 2, r->schema, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 3, pos);
	if (sqlite3_step(q) == SQLITE_ROW) {
		bb_strlcpy(col, (const char *)sqlite3_column_text(q, 0), 128);
		found = true;
	}
done:
	sqlite3_finalize(q);
	return found;
}

/* INSERT INTO t [(a, b)] VALUES (?, ?): the column of the marker at m. */
static bool inserted(bb_stmt *s, const scan *sc, int m, char *col)
{
	int i, v = -1, pos = 0, depth = 0, list = -1, k;

	if (sc->n < 3 || !word_is(&sc->t[0], "INSERT") || !sc->ntables)
		return false;
	for (i = 0; i < sc->n; i++)
		if (word_is(&sc->t[i], "VALUES")) {
			v = i;
			break;
		}
	if (v < 0 || m < v)
		return false;
	for (i = v + 1; i < m; i++) {
		if (op_is(&sc->t[i], "("))
			depth++;
		else if (op_is(&sc->t[i], ")"))
			depth--, pos = depth == 0 ? -1 : pos;
		else if (op_is(&sc->t[i], ",") && depth == 1)
			pos++;
	}
	if (depth != 1 || pos < 0)
		return false;
	for (i = 0; i < v; i++)
		if (op_is(&sc->t[i], "(")) {
			list = i;
			break;
		}
	if (list >= 0) {
		for (k = list + 1; k < v && pos > 0; k++)
			if (op_is(&sc->t[k], ","))
				pos--;
		if (k >= v || sc->t[k].kind != T_ID)
			return false;
		unquote(&sc->t[k], col, 128);
		return true;
	}
	return column_by_pos(s, &sc->tables[0], pos, col);
}

/* The marker's column's type into type/size/digits/nullable; false if
 * the statement does not say. */
static bool infer(bb_stmt *s, scan *sc, int mark, SQLSMALLINT *type,
		  SQLULEN *size, SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
	char qual[128], col[128];
	const char *decl = NULL;
	int i, notnull = 0;
	SQLSMALLINT t;

	for (i = 0; i < sc->n; i++) {
		if (sc->t[i].kind != T_MARK || sc->t[i].mark != mark)
			continue;
		*qual = '\0';
		if (compared(sc, i, qual, col) || inserted(s, sc, i, col))
			decl = decl_of(s, sc, qual, col, &notnull);
		if (decl)
			break;
	}
	t = decl ? bb_type_from_decl(decl, size) : SQL_UNKNOWN_TYPE;
	if (t == SQL_UNKNOWN_TYPE)
		return false;
	/* Text and bytes have no length unless one was declared. */
	if (t == SQL_WLONGVARCHAR || t == SQL_WVARCHAR)
		t = SQL_WVARCHAR, *size = strchr(decl, '(') ? *size : 0;
	else if (t == SQL_LONGVARBINARY)
		*size = 0;
	else
		*size = bb_type_of(t)->size;
	*type = t;
	*digits = bb_type_of(t)->digits < 0 ? 0 : bb_type_of(t)->digits;
	*nullable = notnull ? SQL_NO_NULLS : SQL_NULLABLE;
	return true;
}

SQLRETURN bb_describe_param(bb_stmt *s, SQLUSMALLINT n, SQLSMALLINT *type,
			    SQLULEN *size, SQLSMALLINT *digits,
			    SQLSMALLINT *nullable)
{
	SQLSMALLINT t = SQL_WVARCHAR, d = 0, nl = SQL_NULLABLE_UNKNOWN;
	SQLULEN sz = 0;
	scan sc;

	if (!s->prepared || !s->st || s->executed)
		return bb_diag_add(&s->diag, BB_E_SEQUENCE, 0, NULL, NULL);
	if (n < 1 || n > sqlite3_bind_parameter_count(s->st))
		return bb_diag_add(&s->diag, BB_E_BAD_PARAM_NUM, 0, NULL, NULL);
	memset(&sc, 0, sizeof(sc));
	if (!tokenize(sqlite3_sql(s->st), &sc)) {
		free(sc.t);
		return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
	}
	find_tables(&sc);
	if (!infer(s, &sc, n, &t, &sz, &d, &nl)) {
		t = SQL_WVARCHAR;
		sz = 0;
		d = 0;
		nl = SQL_NULLABLE_UNKNOWN;
	}
	free(sc.t);
	if (type)
		*type = t;
	if (size)
		*size = sz;
	if (digits)
		*digits = d;
	if (nullable)
		*nullable = nl;
	return SQL_SUCCESS;
}
