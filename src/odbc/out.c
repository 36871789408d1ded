/*
 * out.c - copying text into applications' buffers, ANSI or wide.
 *
 * ANSI buffers get UTF-8 and lengths in bytes; wide buffers get UTF-16
 * and lengths in characters (code units). Truncation always leaves a
 * terminated string and adds 01004.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "util/str.h"

SQLRETURN bb_out_str(bb_diag *diag, const char *s, SQLPOINTER buf,
		     SQLLEN buflen, SQLLEN *outlen, bool wide)
{
	size_t units, n;
	SQLWCHAR *w;

	if (!s)
		s = "";
	if (!wide) {
		n = strlen(s);
		if (outlen)
			*outlen = (SQLLEN)n;
		if (buf && buflen > 0) {
			size_t k =
				n < (size_t)buflen - 1 ? n : (size_t)buflen - 1;

			/* Never cut a UTF-8 sequence in two. */
			while (k < n && k > 0 &&
			       ((unsigned char)s[k] & 0xC0) == 0x80)
				k--;
			memcpy(buf, s, k);
			((char *)buf)[k] = '\0';
		}
		goto check;
	}
	w = bb_utf8_to_utf16(s, strlen(s), &units);
	if (!w)
		return diag ? bb_diag_add(diag, BB_E_NOMEM, 0, NULL, NULL)
			    : SQL_ERROR;
	n = units;
	if (outlen)
		*outlen = (SQLLEN)n;
	if (buf && buflen > 0) {
		size_t k = n < (size_t)buflen - 1 ? n : (size_t)buflen - 1;

		if (k < n && k > 0 && w[k - 1] >= 0xD800 && w[k - 1] <= 0xDBFF)
			k--;
		memcpy(buf, w, k * sizeof(SQLWCHAR));
		((SQLWCHAR *)buf)[k] = 0;
	}
	free(w);
check:
	if (buf && (SQLLEN)n >= buflen) {
		if (diag)
			return bb_diag_add(diag, BB_W_TRUNCATED, 0, NULL, NULL);
		return SQL_SUCCESS_WITH_INFO;
	}
	return SQL_SUCCESS;
}

SQLRETURN bb_out_str_small(bb_diag *diag, const char *s, SQLPOINTER buf,
			   SQLSMALLINT buflen, SQLSMALLINT *outlen, bool wide)
{
	SQLLEN len = 0;
	SQLRETURN rc = bb_out_str(diag, s, buf, buflen, &len, wide);

	if (outlen)
		*outlen = (SQLSMALLINT)(len > 32767 ? 32767 : len);
	return rc;
}
