/*
 * rewrite.c - ODBC escape sequences, TOP n and schema names.
 */
#include "util/setup.h"
#include "sql/rewrite.h"
#include "sql/lexer.h"
#include "engine/tables.h"

typedef bb_tokens toks;

typedef struct ctx {
	const toks *tk;
	bb_buf *out;
	bb_sql_info *info;
	bb_err *err;
} ctx;

/* ODBC scalar functions whose engine form is a template over the
 * arguments: $1, $2 ... stand for them. */
static const struct {
	const char *odbc;
	const char *tmpl;
} functions[] = {
	{"UCASE", "upper($1)"},
	{"LCASE", "lower($1)"},
	{"CONCAT", "($1 || $2)"},
	{"LENGTH", "length($1)"},
	{"CHAR_LENGTH", "length($1)"},
	{"CHARACTER_LENGTH", "length($1)"},
	{"OCTET_LENGTH", "length(CAST($1 AS BLOB))"},
	{"SUBSTRING", "substr($*)"},
	{"LEFT", "substr($1, 1, $2)"},
	{"RIGHT", "substr($1, -($2))"},
	{"LTRIM", "ltrim($1)"},
	{"RTRIM", "rtrim($1)"},
	{"TRIM", "trim($1)"},
	{"REPLACE", "replace($1, $2, $3)"},
	{"LOCATE", "instr($2, $1)"},
	{"ASCII", "unicode($1)"},
	{"CHAR", "char($1)"},
	{"SPACE", "printf('%*s', $1, '')"},
	{"REPEAT", "replace(printf('%.*c', $2, 'x'), 'x', $1)"},
	{"INSERT",
	 "(substr($1, 1, ($2) - 1) || $4 || substr($1, ($2) + ($3)))"},
	{"ABS", "abs($1)"},
	{"CEILING", "ceil($1)"},
	{"FLOOR", "floor($1)"},
	{"ROUND", "round($*)"},
	{"TRUNCATE", "(CAST(($1) * pow(10, $2) AS INTEGER) / pow(10, $2))"},
	{"MOD", "(($1) % ($2))"},
	{"POWER", "pow($1, $2)"},
	{"SQRT", "sqrt($1)"},
	{"EXP", "exp($1)"},
	{"LOG", "ln($1)"},
	{"LOG10", "log10($1)"},
	{"PI", "pi()"},
	{"SIGN", "sign($1)"},
	{"RAND", "(abs(random()) / 9223372036854775807.0)"},
	{"SIN", "sin($1)"},
	{"COS", "cos($1)"},
	{"TAN", "tan($1)"},
	{"COT", "(1.0 / tan($1))"},
	{"CONVERT", NULL}, /* its template depends on the type: convert_to */
	{"NOW", "strftime('%Y-%m-%d %H:%M:%f000', 'now')"},
	{"CURDATE", "date('now')"},
	{"CURTIME", "time('now')"},
	{"CURRENT_DATE", "date('now')"},
	{"CURRENT_TIME", "time('now')"},
	{"CURRENT_TIMESTAMP", "strftime('%Y-%m-%d %H:%M:%f000', 'now')"},
	{"YEAR", "CAST(strftime('%Y', $1) AS INTEGER)"},
	{"MONTH", "CAST(strftime('%m', $1) AS INTEGER)"},
	{"DAYOFMONTH", "CAST(strftime('%d', $1) AS INTEGER)"},
	{"DAYOFWEEK", "(CAST(strftime('%w', $1) AS INTEGER) + 1)"},
	{"DAYOFYEAR", "CAST(strftime('%j', $1) AS INTEGER)"},
	{"HOUR", "CAST(strftime('%H', $1) AS INTEGER)"},
	{"MINUTE", "CAST(strftime('%M', $1) AS INTEGER)"},
	{"SECOND", "CAST(strftime('%S', $1) AS INTEGER)"},
	{"QUARTER", "((CAST(strftime('%m', $1) AS INTEGER) + 2) / 3)"},
	{"WEEK", "(CAST(strftime('%W', $1) AS INTEGER) + 1)"},
	{"IFNULL", "ifnull($1, $2)"},
	{"DATABASE", "bb_database()"},
	{"USER", "bb_user()"},
};

/* {fn CONVERT(value, SQL_type)}: the engine's form for each target type,
 * as SQLGetInfo's SQL_CONVERT_* bitmaps promise. Datetimes take the
 * text forms the driver gives every API timestamp. */
static const struct {
	const char *type;
	const char *tmpl;
} convert_to[] = {
	{"SQL_BIGINT", "CAST($1 AS INTEGER)"},
	{"SQL_INTEGER", "CAST($1 AS INTEGER)"},
	{"SQL_SMALLINT", "CAST($1 AS INTEGER)"},
	{"SQL_TINYINT", "CAST($1 AS INTEGER)"},
	{"SQL_BIT", "(CAST($1 AS INTEGER) <> 0)"},
	{"SQL_DOUBLE", "CAST($1 AS REAL)"},
	{"SQL_FLOAT", "CAST($1 AS REAL)"},
	{"SQL_REAL", "CAST($1 AS REAL)"},
	{"SQL_NUMERIC", "CAST($1 AS NUMERIC)"},
	{"SQL_DECIMAL", "CAST($1 AS NUMERIC)"},
	{"SQL_CHAR", "CAST($1 AS TEXT)"},
	{"SQL_VARCHAR", "CAST($1 AS TEXT)"},
	{"SQL_LONGVARCHAR", "CAST($1 AS TEXT)"},
	{"SQL_WCHAR", "CAST($1 AS TEXT)"},
	{"SQL_WVARCHAR", "CAST($1 AS TEXT)"},
	{"SQL_WLONGVARCHAR", "CAST($1 AS TEXT)"},
	{"SQL_GUID", "CAST($1 AS TEXT)"},
	{"SQL_BINARY", "CAST($1 AS BLOB)"},
	{"SQL_VARBINARY", "CAST($1 AS BLOB)"},
	{"SQL_LONGVARBINARY", "CAST($1 AS BLOB)"},
	{"SQL_DATE", "date($1)"},
	{"SQL_TYPE_DATE", "date($1)"},
	{"SQL_TIME", "time($1)"},
	{"SQL_TYPE_TIME", "time($1)"},
	{"SQL_TIMESTAMP", "strftime('%Y-%m-%d %H:%M:%f000', $1)"},
	{"SQL_TYPE_TIMESTAMP", "strftime('%Y-%m-%d %H:%M:%f000', $1)"},
};

static const char *convert_template(const bb_buf *type)
{
	size_t k;

	for (k = 0; type->data && k < BB_ARRAY_LEN(convert_to); k++)
		if (bb_strcasecmp(type->data, convert_to[k].type) == 0)
			return convert_to[k].tmpl;
	return NULL;
}

static size_t skip_space(const toks *tk, size_t i)
{
	while (i < tk->n && tk->t[i].kind == BB_TK_SPACE)
		i++;
	return i;
}

static bool is_punct(const bb_token *t, char c)
{
	return t->kind == BB_TK_PUNCT && t->p[0] == c;
}

/*
 * Whether the name starting at i stands where a table goes: walking back
 * over aliases, commas and whole parenthesised groups (subqueries of a
 * FROM list), the first keyword is FROM, JOIN, INTO, UPDATE or TABLE.
 * `c.Commits` in a select list or a condition is a column, whatever the
 * name after the dot.
 */
static bool table_position(const toks *tk, size_t i)
{
	static const char *const before[] = {"FROM", "JOIN", "INTO", "UPDATE",
					     "TABLE"};
	int depth = 0;
	size_t k;

	while (i-- > 0) {
		const bb_token *t = &tk->t[i];

		if (t->kind == BB_TK_SPACE)
			continue;
		if (is_punct(t, ')')) {
			depth++;
			continue;
		}
		if (is_punct(t, '(')) {
			if (depth-- == 0)
				return false;
			continue;
		}
		if (depth > 0)
			continue;
		for (k = 0; k < BB_ARRAY_LEN(before); k++)
			if (bb_tok_is(t, before[k]))
				return true;
		if (!(is_punct(t, ',') || is_punct(t, '.') ||
		      t->kind == BB_TK_QUOTED ||
		      (t->kind == BB_TK_WORD && !bb_tok_is(t, "SELECT") &&
		       !bb_tok_is(t, "WHERE") && !bb_tok_is(t, "ON") &&
		       !bb_tok_is(t, "BY") && !bb_tok_is(t, "SET") &&
		       !bb_tok_is(t, "HAVING") && !bb_tok_is(t, "AND") &&
		       !bb_tok_is(t, "OR") && !bb_tok_is(t, "NOT") &&
		       !bb_tok_is(t, "WHEN") && !bb_tok_is(t, "THEN") &&
		       !bb_tok_is(t, "ELSE") && !bb_tok_is(t, "RETURNING"))))
			return false;
	}
	return false;
}

/* Notes the schema of schema.table at i when it names a table there;
 * in_three: i follows the dropped empty catalog of a three-part name. */
static void note_schema(ctx *c, size_t i, bool in_three)
{
	const toks *tk = c->tk;
	size_t dot = i + 1, name = i + 2;
	char schema[128], table[128];
	int k;

	if (name >= tk->n || !is_punct(&tk->t[dot], '.') ||
	    !bb_tok_ident(&tk->t[i], schema, sizeof(schema)) ||
	    !bb_tok_ident(&tk->t[name], table, sizeof(table)) ||
	    !bb_table_find(table) || bb_strcasecmp(schema, "main") == 0 ||
	    bb_strcasecmp(schema, "temp") == 0)
		return;
	if (!in_three && i > 0 && is_punct(&tk->t[i - 1], '.'))
		return; /* the middle of a three-part name is handled too */
	if (!table_position(tk, in_three ? i - 2 : i))
		return;
	for (k = 0; k < c->info->nschemas; k++)
		if (strcmp(c->info->schemas[k], schema) == 0)
			return;
	if (c->info->nschemas < BB_SQL_MAX_SCHEMAS)
		bb_strlcpy(c->info->schemas[c->info->nschemas++], schema,
			   sizeof(schema));
}

/*
 * A three-part name catalog.schema.table at i, whose table is a
 * Bitbucket table: the driver has no catalogs (SQLGetInfo's
 * SQL_CATALOG_NAME is "N", SQLTables' TABLE_CAT is NULL), so only the
 * empty catalog a tool writes for that ("".acme.Repositories) is taken,
 * and dropped; returns the index of the schema. Any other catalog is an
 * unknown table. Returns i when the tokens are not such a name.
 */
static size_t catalog_part(ctx *c, size_t i)
{
	const toks *tk = c->tk;
	char cat[128], table[128];

	if (i + 4 >= tk->n || (i > 0 && is_punct(&tk->t[i - 1], '.')) ||
	    !is_punct(&tk->t[i + 1], '.') || !is_punct(&tk->t[i + 3], '.') ||
	    !bb_tok_ident(&tk->t[i], cat, sizeof(cat)) ||
	    !bb_tok_ident(&tk->t[i + 4], table, sizeof(table)) ||
	    !bb_table_find(table) ||
	    (tk->t[i + 2].kind != BB_TK_WORD &&
	     tk->t[i + 2].kind != BB_TK_QUOTED))
		return i;
	if (*cat) {
		bb_err_set(c->err, BB_E_NO_TABLE, 0,
			   "%s.%.*s.%s: there is no catalog %s; bbodbc has no "
			   "catalogs: name the table as workspace.table",
			   cat, (int)tk->t[i + 2].n, tk->t[i + 2].p, table,
			   cat);
		return tk->n - 1;
	}
	return i + 2;
}

static size_t rewrite(ctx *c, size_t i, bool in_brace, int depth);
static size_t escape(ctx *c, size_t i);

/* Rewrites tokens up to the next ',' or ')' at this depth into a fresh
 * buffer (one function argument). */
static size_t argument(ctx *c, size_t i, bb_buf *arg)
{
	bb_buf *saved = c->out;
	int depth = 0;

	c->out = arg;
	while (i < c->tk->n && c->tk->t[i].kind != BB_TK_END) {
		const bb_token *t = &c->tk->t[i];

		if (depth == 0 && (is_punct(t, ',') || is_punct(t, ')')))
			break;
		if (is_punct(t, '('))
			depth++;
		if (is_punct(t, ')'))
			depth--;
		if (is_punct(t, '{')) {
			i = escape(c, i);
			continue;
		}
		if (arg->len || t->kind != BB_TK_SPACE)
			bb_buf_append(arg, t->p, t->n);
		i++;
	}
	while (arg->len && (arg->data[arg->len - 1] == ' ' ||
			    arg->data[arg->len - 1] == '\n' ||
			    arg->data[arg->len - 1] == '\t'))
		arg->data[--arg->len] = '\0';
	c->out = saved;
	return i;
}

static void apply_template(ctx *c, const char *tmpl, bb_buf *args, int n)
{
	const char *p;

	for (p = tmpl; *p; p++) {
		if (*p == '$' && p[1] == '*') {
			int k;

			for (k = 0; k < n; k++) {
				if (k)
					bb_buf_puts(c->out, ", ");
				bb_buf_puts(c->out,
					    args[k].data ? args[k].data : "");
			}
			p++;
		} else if (*p == '$' && p[1] >= '1' && p[1] <= '9') {
			int k = p[1] - '1';

			if (k < n && args[k].data)
				bb_buf_puts(c->out, args[k].data);
			else
				bb_buf_puts(c->out, "NULL");
			p++;
		} else {
			bb_buf_putc(c->out, *p);
		}
	}
}

/* {fn NAME(args)}: i is at NAME; returns the index after its ')'. */
static size_t scalar_fn(ctx *c, size_t i)
{
	const bb_token *name = &c->tk->t[i];
	bb_buf args[8];
	int n = 0, k;
	size_t j;
	const char *tmpl = NULL;
	bool convert = bb_tok_is(name, "CONVERT");

	for (k = 0; k < (int)BB_ARRAY_LEN(functions); k++)
		if (bb_tok_is(name, functions[k].odbc))
			tmpl = functions[k].tmpl;
	j = skip_space(c->tk, i + 1);
	if ((!tmpl && !convert) || !is_punct(&c->tk->t[j], '(')) {
		/* Not one we map: the engine may know it by that name. */
		return rewrite(c, i, true, 1) - 1;
	}
	memset(args, 0, sizeof(args));
	j++;
	for (;;) {
		size_t start = skip_space(c->tk, j);

		if (is_punct(&c->tk->t[start], ')') && n == 0) {
			j = start;
			break;
		}
		if (n == (int)BB_ARRAY_LEN(args))
			break;
		j = argument(c, j, &args[n++]);
		if (!is_punct(&c->tk->t[j], ','))
			break;
		j++;
	}
	if (convert)
		tmpl = n == 2 ? convert_template(&args[1]) : NULL;
	if (convert && !tmpl) {
		bb_err_set(c->err, BB_E_SYNTAX, 0,
			   "{fn CONVERT(value, type)}: the type must be one "
			   "of SQL_CHAR, SQL_INTEGER, SQL_DOUBLE, SQL_DATE, "
			   "SQL_TIMESTAMP ... (SQLGetInfo SQL_CONVERT_*)");
	} else if (is_punct(&c->tk->t[j], ')')) {
		apply_template(c, tmpl, args, n);
		j++;
	} else {
		bb_err_set(c->err, BB_E_SYNTAX, 0,
			   "{fn %.*s ...}: the arguments are not closed",
			   (int)name->n, name->p);
	}
	for (k = 0; k < n; k++)
		bb_buf_free(&args[k]);
	return j;
}

/* An escape sequence at '{'; returns the index after its '}'. */
static size_t escape(ctx *c, size_t i)
{
	size_t j = skip_space(c->tk, i + 1);
	const bb_token *kw = &c->tk->t[j];

	if (bb_tok_is(kw, "fn")) {
		j = skip_space(c->tk, j + 1);
		j = scalar_fn(c, j);
		j = skip_space(c->tk, j);
		if (!is_punct(&c->tk->t[j], '}'))
			return rewrite(c, j, true, 1);
		return j + 1;
	}
	if (bb_tok_is(kw, "d") || bb_tok_is(kw, "t") || bb_tok_is(kw, "ts") ||
	    bb_tok_is(kw, "guid") || bb_tok_is(kw, "oj"))
		return rewrite(c, skip_space(c->tk, j + 1), true, 1);
	if (bb_tok_is(kw, "escape")) {
		bb_buf_puts(c->out, "ESCAPE ");
		return rewrite(c, skip_space(c->tk, j + 1), true, 1);
	}
	if (bb_tok_is(kw, "call") || is_punct(kw, '?')) {
		size_t p = skip_space(c->tk, j + 1);
		const bb_token *name = &c->tk->t[p];

		if (is_punct(kw, '?')) /* {? = call name(...)} */
			name = &c->tk->t[skip_space(
				c->tk, skip_space(c->tk, p + 1) + 1)];
		bb_err_set(c->err, BB_E_SYNTAX, 0,
			   "{call %.*s}: no procedure of that name exists "
			   "(SQLProcedures lists none)",
			   name->kind == BB_TK_END ? 0 : (int)name->n, name->p);
		return c->tk->n - 1;
	}
	if (bb_tok_is(kw, "interval")) {
		bb_err_set(c->err, BB_E_NOT_IMPL, 0,
			   "{interval ...} literals are not supported");
		return c->tk->n - 1;
	}
	bb_err_set(c->err, BB_E_SYNTAX, 0,
		   "unknown ODBC escape sequence {%.*s ...}", (int)kw->n,
		   kw->p);
	return c->tk->n - 1;
}

/* SELECT [ALL|DISTINCT] TOP n: drops "TOP n" and returns n's token, or
 * 0 when there is no TOP. */
static size_t take_top(ctx *c, size_t *i)
{
	size_t j = skip_space(c->tk, *i + 1), k;

	if (bb_tok_is(&c->tk->t[j], "DISTINCT") ||
	    bb_tok_is(&c->tk->t[j], "ALL"))
		j = skip_space(c->tk, j + 1);
	if (!bb_tok_is(&c->tk->t[j], "TOP"))
		return 0;
	k = skip_space(c->tk, j + 1);
	if (c->tk->t[k].kind != BB_TK_NUMBER)
		return 0;
	/* Write SELECT [DISTINCT] and skip "TOP n". */
	for (; *i < j; (*i)++)
		bb_buf_append(c->out, c->tk->t[*i].p, c->tk->t[*i].n);
	*i = skip_space(c->tk, k + 1);
	return k;
}

static bool has_limit(const ctx *c, size_t from, size_t to)
{
	int depth = 0;
	size_t i;

	for (i = from; i < to; i++) {
		const bb_token *t = &c->tk->t[i];

		if (is_punct(t, '('))
			depth++;
		else if (is_punct(t, ')'))
			depth--;
		else if (depth == 0 && bb_tok_is(t, "LIMIT"))
			return true;
	}
	return false;
}

/* Copies tokens from i, rewriting escapes, until the end or (in_brace)
 * the '}' closing the current escape; returns the index after it. */
static size_t rewrite(ctx *c, size_t i, bool in_brace, int depth)
{
	size_t top = 0, stmt_start = i;
	int parens = 0;

	while (i < c->tk->n && c->err->cond == BB_OK) {
		const bb_token *t = &c->tk->t[i];

		if (t->kind == BB_TK_END ||
		    (depth == 0 && parens == 0 && is_punct(t, ';')) ||
		    (in_brace && parens == 0 && is_punct(t, '}'))) {
			if (top && !has_limit(c, stmt_start, i)) {
				bb_buf_puts(c->out, " LIMIT ");
				bb_buf_append(c->out, c->tk->t[top].p,
					      c->tk->t[top].n);
			}
			top = 0;
			if (t->kind == BB_TK_END)
				return i;
			if (in_brace)
				return i + 1;
			bb_buf_putc(c->out, ';');
			stmt_start = ++i;
			continue;
		}
		if (is_punct(t, '{')) {
			i = escape(c, i);
			continue;
		}
		if (is_punct(t, '('))
			parens++;
		else if (is_punct(t, ')'))
			parens--;
		/* TOP n of the statement itself; a subquery's would need its
		 * LIMIT inside its parentheses and is left to the engine. */
		/* VACUUM INTO writes a file; the engine's data is memory. */
		if (depth == 0 && bb_tok_is(t, "VACUUM")) {
			bb_err_set(c->err, BB_E_PERMISSION, 0,
				   "VACUUM is not allowed: the driver's "
				   "engine never writes files");
			return c->tk->n - 1;
		}
		if (depth == 0 && parens == 0 && !in_brace && !top &&
		    bb_tok_is(t, "SELECT")) {
			top = take_top(c, &i);
			if (top)
				continue;
		}
		if (t->kind == BB_TK_WORD || t->kind == BB_TK_QUOTED) {
			size_t schema = catalog_part(c, i);

			if (schema != i) {
				if (c->err->cond == BB_OK)
					note_schema(c, schema, true);
				i = schema;
				continue;
			}
			note_schema(c, i, false);
		}
		bb_buf_append(c->out, t->p, t->n);
		i++;
	}
	return i;
}

bool bb_sql_rewrite(const char *sql, bb_buf *out, bb_sql_info *info,
		    bb_err *err)
{
	toks tk;
	ctx c;

	memset(info, 0, sizeof(*info));
	bb_err_clear(err);
	c = (ctx){&tk, out, info, err};
	if (!bb_lex_all(sql, true, &tk, err)) {
		free(tk.t);
		return false;
	}
	c.tk = &tk;
	c.out = out;
	c.info = info;
	c.err = err;
	rewrite(&c, 0, false, 0);
	free(tk.t);
	if (err->cond != BB_OK)
		return false;
	if (out->oom)
		return bb_err_set(err, BB_E_NOMEM, 0, "out of memory");
	return true;
}
