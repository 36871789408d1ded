/*
 * str.h - length-checked strings and a growable buffer.
 *
 * The driver never calls sprintf, strcat or strncpy: text is built in a
 * bb_buf and copied out with bb_strlcpy, which always terminates and tells
 * how long the whole source was (what ODBC output lengths need).
 */
#ifndef BB_STR_H
#define BB_STR_H

#include "util/setup.h"
#include <stdarg.h>

/* A growable, always NUL-terminated byte buffer; owns data. */
typedef struct bb_buf {
	char *data; /* owned; NULL until first append */
	size_t len; /* bytes used, excluding the terminator */
	size_t cap; /* bytes allocated */
	bool oom;   /* an append failed; the content is incomplete */
} bb_buf;

void bb_buf_init(bb_buf *b);
void bb_buf_free(bb_buf *b);
void bb_buf_reset(bb_buf *b);
bool bb_buf_append(bb_buf *b, const char *s, size_t n);
bool bb_buf_puts(bb_buf *b, const char *s);
bool bb_buf_putc(bb_buf *b, char c);
bool bb_buf_printf(bb_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
bool bb_buf_vprintf(bb_buf *b, const char *fmt, va_list ap);
/* Takes the buffer's string (the caller frees it) and empties b. */
char *bb_buf_steal(bb_buf *b);
/* Appends s percent-encoded for a URL path segment or query value. */
bool bb_buf_put_urlenc(bb_buf *b, const char *s);

char *bb_strdup(const char *s);
char *bb_strndup(const char *s, size_t n);
/* Copies at most size-1 bytes and terminates; returns strlen(src). */
size_t bb_strlcpy(char *dst, const char *src, size_t size);
int bb_strcasecmp(const char *a, const char *b);
int bb_strncasecmp(const char *a, const char *b, size_t n);
/* Formats into a fixed buffer, truncating; returns false on truncation. */
bool bb_snprintf(char *dst, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Overwrites a string that held a secret, before it is freed. */
void bb_wipe(char *s);
/* The value of one hexadecimal digit, or -1. */
int bb_hexval(char c);
/* Frees *p and sets it to NULL. */
void bb_free_str(char **p);

/* UTF-8 <-> SQLWCHAR text: UTF-16 where SQLWCHAR is two bytes
 * (unixODBC, Windows), UTF-32 where it is four (iODBC's wchar_t).
 * Lengths are in code units; -1 or SQL_NTS means NUL-terminated. Results
 * are freshly allocated and terminated; invalid input becomes U+FFFD. */
char *bb_utf16_to_utf8(const SQLWCHAR *s, SQLLEN len);
/* The same, with the bytes written (a NUL inside counts) in *out_len. */
char *bb_utf16_to_utf8_len(const SQLWCHAR *s, SQLLEN len, size_t *out_len);
SQLWCHAR *bb_utf8_to_utf16(const char *s, size_t len, size_t *out_units);
size_t bb_wcslen(const SQLWCHAR *s);

#endif
