/*
 * guess.c - the type of a computed result column, read from the SQL.
 *
 * SQLite declares a type only for a column taken straight from a table;
 * applications want the type of COUNT(*) or upper(Name) at SQLPrepare,
 * before a row exists. The select list is split at its top-level commas
 * and an item that is a literal, a CAST, or one call of a function whose
 * result type does not depend on its arguments gets that type; MIN, MAX,
 * SUM and the value window functions of one column get the column's,
 * which the caller looks up by name. Anything else stays unknown (NULL),
 * and the first row decides.
 */
#include "util/setup.h"
#include "sql/guess.h"
#include "sql/lexer.h"
#include "util/str.h"

static const struct {
	const char *name, *decl;
} functions[] = {
	{"COUNT", "BIGINT"},         {"LENGTH", "BIGINT"},
	{"INSTR", "BIGINT"},         {"UNICODE", "BIGINT"},
	{"ROW_NUMBER", "BIGINT"},    {"RANK", "BIGINT"},
	{"DENSE_RANK", "BIGINT"},    {"NTILE", "BIGINT"},
	{"CHANGES", "BIGINT"},       {"AVG", "DOUBLE"},
	{"TOTAL", "DOUBLE"},         {"ROUND", "DOUBLE"},
	{"PERCENT_RANK", "DOUBLE"},  {"CUME_DIST", "DOUBLE"},
	{"UPPER", "VARCHAR(4000)"},  {"LOWER", "VARCHAR(4000)"},
	{"SUBSTR", "VARCHAR(4000)"}, {"SUBSTRING", "VARCHAR(4000)"},
	{"TRIM", "VARCHAR(4000)"},   {"LTRIM", "VARCHAR(4000)"},
	{"RTRIM", "VARCHAR(4000)"},  {"REPLACE", "VARCHAR(4000)"},
	{"PRINTF", "VARCHAR(4000)"}, {"FORMAT", "VARCHAR(4000)"},
	{"HEX", "VARCHAR(4000)"},    {"QUOTE", "VARCHAR(4000)"},
	{"TYPEOF", "VARCHAR(16)"},   {"GROUP_CONCAT", "VARCHAR(4000)"},
};

/* The type a CAST names. */
static const char *cast_decl(const bb_token *t)
{
	if (bb_tok_is(t, "INTEGER") || bb_tok_is(t, "INT") ||
	    bb_tok_is(t, "BIGINT"))
		return "BIGINT";
	if (bb_tok_is(t, "REAL") || bb_tok_is(t, "DOUBLE") ||
	    bb_tok_is(t, "FLOAT") || bb_tok_is(t, "NUMERIC") ||
	    bb_tok_is(t, "DECIMAL"))
		return "DOUBLE";
	if (bb_tok_is(t, "TEXT") || bb_tok_is(t, "VARCHAR") ||
	    bb_tok_is(t, "CHAR"))
		return "VARCHAR(4000)";
	return NULL;
}

static bool punct(const bb_token *t, char c)
{
	return t->kind == BB_TK_PUNCT && t->p[0] == c;
}

/* The index of the parenthesis closing the one at i, or -1. */
static int closing(const bb_tokens *sc, int i)
{
	int depth = 0;

	for (; i < (int)sc->n; i++) {
		if (punct(&sc->t[i], '('))
			depth++;
		else if (punct(&sc->t[i], ')') && --depth == 0)
			return i;
	}
	return -1;
}

/* Only an alias may follow the expression that ends before i. */
static bool just_alias(const bb_tokens *sc, int i, int end)
{
	if (i < end && bb_tok_is(&sc->t[i], "AS"))
		i++;
	if (i < end &&
	    (sc->t[i].kind == BB_TK_WORD || sc->t[i].kind == BB_TK_QUOTED))
		i++;
	return i == end;
}

/* Functions whose result has the type of their first argument. */
static const char *const same_as_arg[] = {
	"MIN",         "MAX",        "LAG",       "LEAD",
	"FIRST_VALUE", "LAST_VALUE", "NTH_VALUE", "SUM"};

/* fn(col ...) or fn(t.col ...): the declared type of col, if known; SUM
 * keeps numbers only. */
static const char *arg_decl(const bb_tokens *sc, int i, int close,
			    bb_column_decl_fn column_decl)
{
	char name[128];
	const char *decl;
	int a = i + 2;
	size_t k;

	for (k = 0; k < BB_ARRAY_LEN(same_as_arg); k++)
		if (bb_tok_is(&sc->t[i], same_as_arg[k]))
			break;
	if (k == BB_ARRAY_LEN(same_as_arg) || !column_decl)
		return NULL;
	/* t.col: the last name counts. */
	while (a + 2 < close && punct(&sc->t[a + 1], '.'))
		a += 2;
	if (a >= close || !bb_tok_ident(&sc->t[a], name, sizeof(name)) ||
	    !(a + 1 == close || punct(&sc->t[a + 1], ',')))
		return NULL;
	decl = column_decl(name);
	if (decl && bb_tok_is(&sc->t[i], "SUM"))
		return strstr(decl, "INT")      ? "BIGINT"
		       : strstr(decl, "DOUBLE") ? "DOUBLE"
						: NULL;
	/* column_decl's answer is static, never name itself. */
	/* cppcheck-suppress returnDanglingLifetime */
	return decl;
}

/* The type of the select-list item from i to end (exclusive). */
static const char *item_decl(const bb_tokens *sc, int i, int end,
			     bb_column_decl_fn column_decl)
{
	const bb_token *t = &sc->t[i];
	int close;
	size_t k;

	if (t->kind == BB_TK_NUMBER)
		return !just_alias(sc, i + 1, end) ? NULL
		       : memchr(t->p, '.', t->n) || memchr(t->p, 'e', t->n) ||
				       memchr(t->p, 'E', t->n)
			       ? "DOUBLE"
			       : "BIGINT";
	if (t->kind == BB_TK_STRING)
		return just_alias(sc, i + 1, end) ? "VARCHAR(255)" : NULL;
	if (t->kind != BB_TK_WORD || i + 1 >= end || !punct(&sc->t[i + 1], '('))
		return NULL;
	close = closing(sc, i + 1);
	if (close < 0 || close >= end)
		return NULL;
	/* A window function: COUNT(*) OVER (...) is still a count. */
	if (close + 2 < end && bb_tok_is(&sc->t[close + 1], "OVER") &&
	    punct(&sc->t[close + 2], '('))
		close = closing(sc, close + 2);
	if (close < 0 || !just_alias(sc, close + 1, end))
		return NULL;
	if (bb_tok_is(t, "CAST")) {
		int k2;

		for (k2 = i + 2; k2 + 1 < close; k2++)
			if (bb_tok_is(&sc->t[k2], "AS"))
				return cast_decl(&sc->t[k2 + 1]);
		return NULL;
	}
	for (k = 0; k < BB_ARRAY_LEN(functions); k++)
		if (bb_tok_is(t, functions[k].name))
			return functions[k].decl;
	return arg_decl(sc, i, closing(sc, i + 1), column_decl);
}

void bb_sql_guess_decls(const char *sql, int ncols, const char **decls,
			bb_column_decl_fn column_decl)
{
	bb_tokens tk = {NULL, 0};
	int i, start, depth = 0, item = 0, n;

	for (i = 0; i < ncols; i++)
		decls[i] = NULL;
	if (!sql || !bb_lex_all(sql, false, &tk, NULL) ||
	    !bb_tok_is(&tk.t[0], "SELECT"))
		goto done;
	n = (int)tk.n;
	i = 1;
	if (bb_tok_is(&tk.t[i], "DISTINCT") || bb_tok_is(&tk.t[i], "ALL"))
		i++;
	for (start = i; i < n && item < ncols; i++) {
		const bb_token *t = &tk.t[i];
		bool end = t->kind == BB_TK_END ||
			   (depth == 0 && bb_tok_is(t, "FROM"));

		if (punct(t, '('))
			depth++;
		else if (punct(t, ')'))
			depth--;
		/* A star makes the places of the columns after it
		 * unknowable. */
		if (depth == 0 && punct(t, '*') &&
		    (i == start || punct(&tk.t[i - 1], '.')))
			break;
		if (end || (depth == 0 && punct(t, ','))) {
			if (i > start)
				decls[item] =
					item_decl(&tk, start, i, column_decl);
			if (end)
				break;
			item++;
			start = i + 1;
		}
	}
done:
	free(tk.t);
}
