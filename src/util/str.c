/*
 * str.c - growable buffers, bounded copies and UTF-8/UTF-16 transcoding.
 */
#include "util/setup.h"
#include "util/str.h"

#include <ctype.h>
#include <stdio.h>

void bb_buf_init(bb_buf *b)
{
	memset(b, 0, sizeof(*b));
}

void bb_buf_free(bb_buf *b)
{
	free(b->data);
	bb_buf_init(b);
}

void bb_buf_reset(bb_buf *b)
{
	b->len = 0;
	b->oom = false;
	if (b->data)
		b->data[0] = '\0';
}

static bool grow(bb_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->oom)
		return false;
	if (extra > SIZE_MAX / 2 - b->len)
		goto fail;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return true;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p)
		goto fail;
	b->data = p;
	b->cap = cap;
	return true;
fail:
	b->oom = true;
	return false;
}

bool bb_buf_append(bb_buf *b, const char *s, size_t n)
{
	if (!grow(b, n))
		return false;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

bool bb_buf_puts(bb_buf *b, const char *s)
{
	return bb_buf_append(b, s, strlen(s));
}

bool bb_buf_putc(bb_buf *b, char c)
{
	return bb_buf_append(b, &c, 1);
}

bool bb_buf_vprintf(bb_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0 || !grow(b, (size_t)n))
		return false;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return true;
}

bool bb_buf_printf(bb_buf *b, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = bb_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return ok;
}

char *bb_buf_steal(bb_buf *b)
{
	char *s;

	if (b->oom) {
		bb_buf_free(b);
		return NULL;
	}
	s = b->data ? b->data : bb_strdup("");
	bb_buf_init(b);
	return s;
}

bool bb_buf_put_urlenc(bb_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		bool plain = isalnum(c) || c == '-' || c == '_' || c == '.' ||
			     c == '~';

		if (plain) {
			if (!bb_buf_putc(b, (char)c))
				return false;
		} else {
			char esc[3] = {'%', hex[c >> 4], hex[c & 15]};

			if (!bb_buf_append(b, esc, 3))
				return false;
		}
	}
	return true;
}

char *bb_strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *bb_strdup(const char *s)
{
	return s ? bb_strndup(s, strlen(s)) : NULL;
}

size_t bb_strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);

	if (size) {
		size_t k = n < size - 1 ? n : size - 1;

		memcpy(dst, src, k);
		dst[k] = '\0';
	}
	return n;
}

int bb_strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int ca = tolower((unsigned char)*a);
		int cb = tolower((unsigned char)*b);

		if (ca != cb || !ca)
			return ca - cb;
	}
	return 0;
}

int bb_strcasecmp(const char *a, const char *b)
{
	return bb_strncasecmp(a, b, SIZE_MAX);
}

bool bb_snprintf(char *dst, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(dst, size, fmt, ap);
	va_end(ap);
	return n >= 0 && (size_t)n < size;
}

void bb_free_str(char **p)
{
	free(*p);
	*p = NULL;
}

size_t bb_wcslen(const SQLWCHAR *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

/* Decodes one UTF-8 sequence at s (n bytes left); returns its length and
 * stores the code point, or U+FFFD for a malformed sequence. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	static const uint32_t mins[] = {0, 0, 0x80, 0x800, 0x10000};
	size_t len, i;
	uint32_t c = s[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if ((c & 0xE0) == 0xC0) {
		len = 2;
		c &= 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3;
		c &= 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4;
		c &= 0x07;
	} else {
		goto bad;
	}
	if (len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < mins[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

/* SQLWCHAR is UTF-16 where it is two bytes (unixODBC, Windows) and
 * UTF-32 where the driver manager makes it wchar_t (iODBC). */
#define WIDE_UTF32 (sizeof(SQLWCHAR) == 4)

SQLWCHAR *bb_utf8_to_utf16(const char *s, size_t len, size_t *out_units)
{
	const unsigned char *p = (const unsigned char *)s;
	SQLWCHAR *w = malloc((len + 1) * sizeof(SQLWCHAR));
	size_t i = 0, o = 0;

	if (!w)
		return NULL;
	while (i < len) {
		uint32_t cp;

		i += utf8_decode(p + i, len - i, &cp);
		if (cp >= 0x10000 && !WIDE_UTF32) {
			cp -= 0x10000;
			w[o++] = (SQLWCHAR)(0xD800 + (cp >> 10));
			w[o++] = (SQLWCHAR)(0xDC00 + (cp & 0x3FF));
		} else {
			w[o++] = (SQLWCHAR)cp;
		}
	}
	w[o] = 0;
	if (out_units)
		*out_units = o;
	return w;
}

static size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

char *bb_utf16_to_utf8(const SQLWCHAR *s, SQLLEN len)
{
	return bb_utf16_to_utf8_len(s, len, NULL);
}

char *bb_utf16_to_utf8_len(const SQLWCHAR *s, SQLLEN len, size_t *out_len)
{
	size_t n, i, o = 0;
	char *out;

	if (!s)
		return NULL;
	n = (len == SQL_NTS || len < 0) ? bb_wcslen(s) : (size_t)len;
	out = malloc(n * 4 + 1);
	if (!out)
		return NULL;
	for (i = 0; i < n; i++) {
		uint32_t cp = (uint32_t)s[i];

		if (WIDE_UTF32) {
			if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
				cp = 0xFFFD;
		} else if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n &&
			   s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
			cp = 0x10000 + ((cp - 0xD800) << 10) +
			     (s[i + 1] - 0xDC00);
			i++;
		} else if (cp >= 0xD800 && cp <= 0xDFFF) {
			cp = 0xFFFD;
		}
		o += utf8_encode(cp, out + o);
	}
	out[o] = '\0';
	if (out_len)
		*out_len = o;
	return out;
}

void bb_wipe(char *s)
{
	volatile char *p = s;

	while (p && *p)
		*p++ = '\0';
}

int bb_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}
