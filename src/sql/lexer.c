/*
 * lexer.c - splitting SQL into tokens.
 */
#include "util/setup.h"
#include "sql/lexer.h"
#include "util/str.h"

#include <ctype.h>

static bool word_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

/* Scans a quoted run closed by `close`, a doubled close being a literal. */
static size_t quoted(const char *s, size_t i, char close, bool *ok)
{
	i++;
	for (;;) {
		if (s[i] == '\0') {
			*ok = false;
			return i;
		}
		if (s[i] == close) {
			if (close != ']' && s[i + 1] == close) {
				i += 2;
				continue;
			}
			*ok = true;
			return i + 1;
		}
		i++;
	}
}

static size_t comment(const char *s, size_t i, bool *ok)
{
	*ok = true;
	if (s[i] == '-') {
		while (s[i] && s[i] != '\n')
			i++;
		return i;
	}
	i += 2;
	while (s[i] && !(s[i] == '*' && s[i + 1] == '/'))
		i++;
	if (!s[i]) {
		*ok = false;
		return i;
	}
	return i + 2;
}

bb_token bb_lex(const char *sql, size_t *pos)
{
	size_t i = *pos, start = i;
	unsigned char c = (unsigned char)sql[i];
	bb_token t = {BB_TK_END, sql + i, 0};
	bool ok = true;

	if (c == '\0')
		return t;
	if (isspace(c) || (c == '-' && sql[i + 1] == '-') ||
	    (c == '/' && sql[i + 1] == '*')) {
		while (ok && sql[i] &&
		       (isspace((unsigned char)sql[i]) ||
			(sql[i] == '-' && sql[i + 1] == '-') ||
			(sql[i] == '/' && sql[i + 1] == '*')))
			i = isspace((unsigned char)sql[i])
				    ? i + 1
				    : comment(sql, i, &ok);
		t.kind = ok ? BB_TK_SPACE : BB_TK_BAD;
	} else if (c == '\'') {
		i = quoted(sql, i, '\'', &ok);
		t.kind = ok ? BB_TK_STRING : BB_TK_BAD;
	} else if (c == '"' || c == '[' || c == '`') {
		i = quoted(sql, i, c == '[' ? ']' : (char)c, &ok);
		t.kind = ok ? BB_TK_QUOTED : BB_TK_BAD;
	} else if (isdigit(c) ||
		   (c == '.' && isdigit((unsigned char)sql[i + 1]))) {
		while (isalnum((unsigned char)sql[i]) || sql[i] == '.' ||
		       ((sql[i] == '+' || sql[i] == '-') &&
			(sql[i - 1] == 'e' || sql[i - 1] == 'E')))
			i++;
		t.kind = BB_TK_NUMBER;
	} else if (word_char(c)) {
		while (word_char((unsigned char)sql[i]))
			i++;
		t.kind = BB_TK_WORD;
	} else {
		i++;
		t.kind = BB_TK_PUNCT;
	}
	t.n = i - start;
	*pos = i;
	return t;
}

bool bb_tok_is(const bb_token *t, const char *w)
{
	size_t n = strlen(w);

	return t->kind == BB_TK_WORD && t->n == n &&
	       bb_strncasecmp(t->p, w, n) == 0;
}

bool bb_tok_ident(const bb_token *t, char *out, size_t size)
{
	size_t i, o = 0;

	if (t->kind == BB_TK_WORD) {
		if (t->n >= size)
			return false;
		memcpy(out, t->p, t->n);
		out[t->n] = '\0';
		return true;
	}
	if (t->kind != BB_TK_QUOTED || t->n < 2)
		return false;
	for (i = 1; i + 1 < t->n; i++) {
		if (o + 1 >= size)
			return false;
		out[o++] = t->p[i];
		if (t->p[i] == t->p[0] && t->p[0] != '[')
			i++; /* a doubled quote */
	}
	out[o] = '\0';
	return true;
}

#define MAX_TOKENS 1000000

bool bb_lex_all(const char *sql, bool keep_space, bb_tokens *tk, bb_err *err)
{
	size_t pos = 0, cap = 0;

	tk->t = NULL;
	tk->n = 0;
	for (;;) {
		bb_token t = bb_lex(sql, &pos);

		if (t.kind == BB_TK_BAD)
			return bb_err_set(err, BB_E_SYNTAX, 0,
					  "unterminated string, quoted name or "
					  "comment at byte %zu",
					  (size_t)(t.p - sql));
		if (t.kind == BB_TK_SPACE && !keep_space)
			continue;
		if (tk->n == cap) {
			bb_token *nt;

			cap = cap ? cap * 2 : 64;
			if (cap > MAX_TOKENS)
				return bb_err_set(err, BB_E_SYNTAX, 0,
						  "the statement is too long "
						  "(more than %d tokens)",
						  MAX_TOKENS);
			nt = realloc(tk->t, cap * sizeof(*nt));
			if (!nt)
				return bb_err_set(err, BB_E_NOMEM, 0,
						  "out of memory");
			tk->t = nt;
		}
		tk->t[tk->n++] = t;
		if (t.kind == BB_TK_END)
			return true;
	}
}
