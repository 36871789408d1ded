/*
 * lexer.h - SQL text as tokens, for the rewriting the SQL front does.
 *
 * Just enough of SQL's lexical rules to never mistake what is inside a
 * string, a quoted identifier or a comment for code: '...' strings with
 * '' escapes, "..." [...] `...` identifiers, -- and / * comments, numbers,
 * words, ODBC escape braces, and single punctuation.
 */
#ifndef BB_LEXER_H
#define BB_LEXER_H

#include "util/setup.h"
#include "util/err.h"

typedef enum bb_tok_kind {
	BB_TK_END,
	BB_TK_WORD,   /* keyword or bare identifier */
	BB_TK_QUOTED, /* "x", [x] or `x` */
	BB_TK_STRING, /* 'x' */
	BB_TK_NUMBER,
	BB_TK_SPACE, /* white space and comments */
	BB_TK_PUNCT, /* one character: ( ) , . ; { } and operators */
	BB_TK_BAD    /* an unterminated string, identifier or comment */
} bb_tok_kind;

typedef struct bb_token {
	bb_tok_kind kind;
	const char *p; /* borrowed; the token's first byte in the SQL */
	size_t n;      /* its length in bytes */
} bb_token;

/* The token at *pos of sql (advances *pos past it). */
bb_token bb_lex(const char *sql, size_t *pos);

/* A statement's tokens, BB_TK_END last. */
typedef struct bb_tokens {
	bb_token *t; /* owned; free() it */
	size_t n;
} bb_tokens;

/* Every token of sql, spaces and comments left out unless keep_space;
 * fails (42000) on an unterminated token or a statement of more than a
 * million tokens. tk->t is to be freed either way. */
bool bb_lex_all(const char *sql, bool keep_space, bb_tokens *tk, bb_err *err);

/* True if the token is the word w (case-insensitive). */
bool bb_tok_is(const bb_token *t, const char *w);

/* The identifier a WORD or QUOTED token names, unquoted, into out;
 * false if it does not fit or the token is not an identifier. */
bool bb_tok_ident(const bb_token *t, char *out, size_t size);

#endif
