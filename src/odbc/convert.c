/*
 * convert.c - one result value to the C type the application bound.
 *
 * Implements bb_convert(), bb_default_ctype() and bb_ctype_size() of
 * convert.h for SQLGetData and bound columns, following the tables of the
 * ODBC Programmer's Reference, appendix D ("SQL to C: Character",
 * "Numeric", "Bit", "Binary", "Date", "Time", "Timestamp", "GUID").
 *
 * How it works: the cell and its declared SQL type give a source class
 * (number, character, binary, datetime text, GUID text). The declared
 * type decides which C types are allowed at all (07006 otherwise); the
 * cell's actual value decides the result, since SQLite may hold text in
 * an INTEGER column. Variable-length targets (CHAR, WCHAR, BINARY) first
 * render the whole value in the target's encoding, then hand out the
 * piece after *offset; fixed-size targets are filled once.
 *
 * Known limits: interval C types answer 07006; a time-only value read as
 * a timestamp takes today's date in UTC, not local time.
 */
#include "util/setup.h"
#include "odbc/convert.h"
#include "util/str.h"

#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <time.h>

/* *offset once a value has been returned completely. */
#define DONE SIZE_MAX

enum ckind {
	CK_CHAR,
	CK_WCHAR,
	CK_BINARY,
	CK_BIT,
	CK_INT,
	CK_FLOAT,
	CK_DOUBLE,
	CK_NUMERIC,
	CK_DATE,
	CK_TIME,
	CK_TIMESTAMP,
	CK_GUID,
	CK_INTERVAL
};

typedef struct cinfo {
	SQLSMALLINT ctype;
	enum ckind kind;
	SQLLEN size;    /* bytes of the C type; 0 for variable length */
	bool is_signed; /* integer targets only */
} cinfo;

static const cinfo ctypes[] = {
	{SQL_C_CHAR, CK_CHAR, 0, false},
	{SQL_C_WCHAR, CK_WCHAR, 0, false},
	{SQL_C_BINARY, CK_BINARY, 0, false},
	{SQL_C_BIT, CK_BIT, sizeof(SQLCHAR), false},
	{SQL_C_STINYINT, CK_INT, sizeof(SQLSCHAR), true},
	{SQL_C_TINYINT, CK_INT, sizeof(SQLSCHAR), true},
	{SQL_C_UTINYINT, CK_INT, sizeof(SQLCHAR), false},
	{SQL_C_SSHORT, CK_INT, sizeof(SQLSMALLINT), true},
	{SQL_C_SHORT, CK_INT, sizeof(SQLSMALLINT), true},
	{SQL_C_USHORT, CK_INT, sizeof(SQLUSMALLINT), false},
	{SQL_C_SLONG, CK_INT, sizeof(SQLINTEGER), true},
	{SQL_C_LONG, CK_INT, sizeof(SQLINTEGER), true},
	{SQL_C_ULONG, CK_INT, sizeof(SQLUINTEGER), false},
	{SQL_C_SBIGINT, CK_INT, sizeof(SQLBIGINT), true},
	{SQL_C_UBIGINT, CK_INT, sizeof(SQLUBIGINT), false},
	{SQL_C_FLOAT, CK_FLOAT, sizeof(SQLREAL), false},
	{SQL_C_DOUBLE, CK_DOUBLE, sizeof(SQLDOUBLE), false},
	{SQL_C_NUMERIC, CK_NUMERIC, sizeof(SQL_NUMERIC_STRUCT), false},
	{SQL_C_TYPE_DATE, CK_DATE, sizeof(SQL_DATE_STRUCT), false},
	{SQL_C_DATE, CK_DATE, sizeof(SQL_DATE_STRUCT), false},
	{SQL_C_TYPE_TIME, CK_TIME, sizeof(SQL_TIME_STRUCT), false},
	{SQL_C_TIME, CK_TIME, sizeof(SQL_TIME_STRUCT), false},
	{SQL_C_TYPE_TIMESTAMP, CK_TIMESTAMP, sizeof(SQL_TIMESTAMP_STRUCT),
	 false},
	{SQL_C_TIMESTAMP, CK_TIMESTAMP, sizeof(SQL_TIMESTAMP_STRUCT), false},
	{SQL_C_GUID, CK_GUID, sizeof(SQLGUID), false},
	{SQL_C_INTERVAL_YEAR, CK_INTERVAL, sizeof(SQL_INTERVAL_STRUCT), false},
	{SQL_C_INTERVAL_MONTH, CK_INTERVAL, sizeof(SQL_INTERVAL_STRUCT), false},
	{SQL_C_INTERVAL_DAY, CK_INTERVAL, sizeof(SQL_INTERVAL_STRUCT), false},
	{SQL_C_INTERVAL_HOUR, CK_INTERVAL, sizeof(SQL_INTERVAL_STRUCT), false},
	{SQL_C_INTERVAL_MINUTE, CK_INTERVAL, sizeof(SQL_INTERVAL_STRUCT),
	 false},
	{SQL_C_INTERVAL_SECOND, CK_INTERVAL, sizeof(SQL_INTERVAL_STRUCT),
	 false},
	{SQL_C_INTERVAL_YEAR_TO_MONTH, CK_INTERVAL, sizeof(SQL_INTERVAL_STRUCT),
	 false},
	{SQL_C_INTERVAL_DAY_TO_HOUR, CK_INTERVAL, sizeof(SQL_INTERVAL_STRUCT),
	 false},
	{SQL_C_INTERVAL_DAY_TO_MINUTE, CK_INTERVAL, sizeof(SQL_INTERVAL_STRUCT),
	 false},
	{SQL_C_INTERVAL_DAY_TO_SECOND, CK_INTERVAL, sizeof(SQL_INTERVAL_STRUCT),
	 false},
	{SQL_C_INTERVAL_HOUR_TO_MINUTE, CK_INTERVAL,
	 sizeof(SQL_INTERVAL_STRUCT), false},
	{SQL_C_INTERVAL_HOUR_TO_SECOND, CK_INTERVAL,
	 sizeof(SQL_INTERVAL_STRUCT), false},
	{SQL_C_INTERVAL_MINUTE_TO_SECOND, CK_INTERVAL,
	 sizeof(SQL_INTERVAL_STRUCT), false},
};

static const cinfo *cinfo_of(SQLSMALLINT ctype)
{
	size_t i;

	for (i = 0; i < BB_ARRAY_LEN(ctypes); i++)
		if (ctypes[i].ctype == ctype)
			return &ctypes[i];
	return NULL;
}

bool bb_ctype_known(SQLSMALLINT ctype)
{
	return ctype == SQL_C_DEFAULT || cinfo_of(ctype) != NULL;
}

SQLLEN bb_ctype_size(SQLSMALLINT ctype)
{
	const cinfo *ci = cinfo_of(ctype);

	return ci ? ci->size : 0;
}

SQLSMALLINT bb_default_ctype(SQLSMALLINT sql_type)
{
	switch (sql_type) {
	case SQL_WCHAR:
	case SQL_WVARCHAR:
	case SQL_WLONGVARCHAR:
		return SQL_C_WCHAR;
	case SQL_BIT:
		return SQL_C_BIT;
	case SQL_TINYINT:
		return SQL_C_STINYINT;
	case SQL_SMALLINT:
		return SQL_C_SSHORT;
	case SQL_INTEGER:
		return SQL_C_SLONG;
	case SQL_BIGINT:
		return SQL_C_SBIGINT;
	case SQL_REAL:
		return SQL_C_FLOAT;
	case SQL_FLOAT:
	case SQL_DOUBLE:
		return SQL_C_DOUBLE;
	case SQL_TYPE_DATE:
		return SQL_C_TYPE_DATE;
	case SQL_TYPE_TIME:
		return SQL_C_TYPE_TIME;
	case SQL_TYPE_TIMESTAMP:
		return SQL_C_TYPE_TIMESTAMP;
	case SQL_DATE:
		return SQL_C_DATE;
	case SQL_TIME:
		return SQL_C_TIME;
	case SQL_TIMESTAMP:
		return SQL_C_TIMESTAMP;
	case SQL_BINARY:
	case SQL_VARBINARY:
	case SQL_LONGVARBINARY:
		return SQL_C_BINARY;
	case SQL_GUID:
		return SQL_C_GUID;
	default:
		/* CHAR, VARCHAR, LONGVARCHAR, and DECIMAL/NUMERIC as the
		 * spec's default table says, and anything unknown. */
		return SQL_C_CHAR;
	}
}

static bool is_char_sql(SQLSMALLINT t)
{
	return t == SQL_CHAR || t == SQL_VARCHAR || t == SQL_LONGVARCHAR ||
	       t == SQL_WCHAR || t == SQL_WVARCHAR || t == SQL_WLONGVARCHAR;
}

static bool is_binary_sql(SQLSMALLINT t)
{
	return t == SQL_BINARY || t == SQL_VARBINARY || t == SQL_LONGVARBINARY;
}

static bool is_datetime_sql(SQLSMALLINT t)
{
	return t == SQL_TYPE_DATE || t == SQL_TYPE_TIME ||
	       t == SQL_TYPE_TIMESTAMP || t == SQL_DATE || t == SQL_TIME ||
	       t == SQL_TIMESTAMP;
}

static bool is_ts_sql(SQLSMALLINT t)
{
	return t == SQL_TYPE_TIMESTAMP || t == SQL_TIMESTAMP;
}

/* The C type whose bytes are the "binary representation" of a number of
 * this SQL type, or 0 when the column is not numeric. */
static SQLSMALLINT native_ctype(SQLSMALLINT t)
{
	switch (t) {
	case SQL_NUMERIC:
	case SQL_DECIMAL:
		return SQL_C_NUMERIC;
	case SQL_BIT:
	case SQL_TINYINT:
	case SQL_SMALLINT:
	case SQL_INTEGER:
	case SQL_BIGINT:
	case SQL_REAL:
	case SQL_FLOAT:
	case SQL_DOUBLE:
		return bb_default_ctype(t);
	default:
		return 0;
	}
}

/* What the cell holds, read through its declared type. */
enum skind { SK_INT, SK_DOUBLE, SK_TEXT, SK_BINARY, SK_DATETIME, SK_GUID };

typedef struct src {
	const bb_cell *cell; /* borrowed */
	SQLSMALLINT sql_type;
	enum skind kind;
} src;

static enum skind classify(const bb_cell *c, SQLSMALLINT t)
{
	if (c->kind == BB_CELL_INT)
		return SK_INT;
	if (c->kind == BB_CELL_DOUBLE)
		return SK_DOUBLE;
	if (is_binary_sql(t))
		return SK_BINARY;
	if (c->kind == BB_CELL_BLOB)
		return is_char_sql(t) ? SK_TEXT : SK_BINARY;
	if (is_datetime_sql(t))
		return SK_DATETIME;
	if (t == SQL_GUID)
		return SK_GUID;
	return SK_TEXT;
}

static bb_conv_rc fail(bb_cond *cond, bb_cond c)
{
	*cond = c;
	return BB_CONV_ERROR;
}

static bb_conv_rc warn(bb_cond *cond, bb_cond c)
{
	*cond = c;
	return BB_CONV_INFO;
}

/*
 * Whether the spec's table for the source class lists the C type. A
 * number in a datetime or GUID column to that column's own C type is
 * allowed by the column's type, so it fails on the value (22018).
 */
static bb_cond allowed(const src *v, enum ckind k)
{
	bool var = k == CK_CHAR || k == CK_WCHAR || k == CK_BINARY;
	SQLSMALLINT t = v->sql_type;

	if (k == CK_INTERVAL)
		return BB_E_RESTRICTED;
	switch (v->kind) {
	case SK_INT:
	case SK_DOUBLE:
		if (k == CK_DATE || k == CK_TIME || k == CK_TIMESTAMP ||
		    k == CK_GUID)
			return is_datetime_sql(t) || t == SQL_GUID
				       ? BB_E_CHAR_VALUE
				       : BB_E_RESTRICTED;
		return BB_OK;
	case SK_TEXT:
		return BB_OK;
	case SK_BINARY:
		return var ? BB_OK : BB_E_RESTRICTED;
	case SK_DATETIME:
		if (var || k == CK_TIMESTAMP)
			return BB_OK;
		if (k == CK_DATE)
			return t == SQL_TYPE_TIME || t == SQL_TIME
				       ? BB_E_RESTRICTED
				       : BB_OK;
		if (k == CK_TIME)
			return t == SQL_TYPE_DATE || t == SQL_DATE
				       ? BB_E_RESTRICTED
				       : BB_OK;
		return BB_E_RESTRICTED;
	case SK_GUID:
		return var || k == CK_GUID ? BB_OK : BB_E_RESTRICTED;
	}
	return BB_E_RESTRICTED;
}

/* ---- numbers ---------------------------------------------------------- */

/* A number as the exact targets need it: sign, integer part, and whether
 * a nonzero fraction was cut off; plus the double for FLOAT/DOUBLE. */
typedef struct num {
	bool neg;
	bool over;       /* integer part has more than 38 digits, or inf/nan */
	bool frac;       /* a nonzero fraction lies beyond the integer part */
	uint64_t hi, lo; /* |integer part| as 128 bits */
	double d;
	bool d_over; /* text beyond the range of a double */
} num;

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Leading and trailing spaces are ignored when character data becomes a
 * number or a datetime (appendix D, SQL to C: Character). */
static void trim(const char **s, size_t *n)
{
	while (*n && is_space(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && is_space((*s)[*n - 1]))
		(*n)--;
}

static void mul10_add(uint64_t *hi, uint64_t *lo, unsigned dig)
{
	uint64_t l0 = (*lo & 0xFFFFFFFFu) * 10 + dig;
	uint64_t l1 = (*lo >> 32) * 10 + (l0 >> 32);

	*lo = (l1 << 32) | (l0 & 0xFFFFFFFFu);
	*hi = *hi * 10 + (l1 >> 32);
}

/* Appends one integer digit; 38 digits always fit in 128 bits. */
static void push_digit(num *n, int *ndig, unsigned dig)
{
	if (n->over || (!n->hi && !n->lo && dig == 0))
		return;
	if (++*ndig > 38) {
		n->over = true;
		return;
	}
	mul10_add(&n->hi, &n->lo, dig);
}

/* strtod in the C notation whatever LC_NUMERIC the application chose:
 * the literal's '.' becomes the locale's decimal point first. */
static bb_cond text_to_double(const char *s, size_t len, num *n)
{
	const char *dp = localeconv()->decimal_point;
	bb_buf b;
	size_t i;
	char *end;

	bb_buf_init(&b);
	for (i = 0; i < len; i++) {
		if (s[i] == '.' && dp && *dp)
			bb_buf_puts(&b, dp);
		else
			bb_buf_putc(&b, s[i]);
	}
	if (b.oom || !b.data) {
		bb_buf_free(&b);
		return BB_E_NOMEM;
	}
	errno = 0;
	n->d = strtod(b.data, &end);
	if (errno == ERANGE && isinf(n->d))
		n->d_over = true;
	bb_buf_free(&b);
	return BB_OK;
}

/*
 * Parses a numeric-literal of the SQL grammar: [+|-] digits [. digits]
 * [E [+|-] digits], with digits on at least one side of the point. The
 * integer part is built from the digits exactly, so "9223372036854775807"
 * and "1.5E1" convert without passing through a double.
 */
static bb_cond parse_num(const char *s, size_t len, num *n)
{
	size_t i = 0, ip, nint, fp = 0, nfrac = 0, k, ndig_all;
	long exp = 0, b;
	bool eneg = false;
	int ndig = 0;

	trim(&s, &len);
	if (i < len && (s[i] == '+' || s[i] == '-'))
		n->neg = s[i++] == '-';
	ip = i;
	while (i < len && is_digit(s[i]))
		i++;
	nint = i - ip;
	if (i < len && s[i] == '.') {
		fp = ++i;
		while (i < len && is_digit(s[i]))
			i++;
		nfrac = i - fp;
	}
	if (nint + nfrac == 0)
		return BB_E_CHAR_VALUE;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t ep;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			eneg = s[i++] == '-';
		ep = i;
		for (; i < len && is_digit(s[i]); i++)
			if (exp < 100000)
				exp = exp * 10 + (s[i] - '0');
		if (i == ep)
			return BB_E_CHAR_VALUE;
	}
	if (i != len)
		return BB_E_CHAR_VALUE;

	/* Digits before position b (counted over int and frac digits
	 * together) are the integer part; the rest are the fraction. */
	b = (long)nint + (eneg ? -exp : exp);
	ndig_all = nint + nfrac;
	for (k = 0; k < ndig_all; k++) {
		char c = k < nint ? s[ip + k] : s[fp + (k - nint)];

		if ((long)k < b)
			push_digit(n, &ndig, (unsigned)(c - '0'));
		else if (c != '0')
			n->frac = true;
	}
	for (; b > (long)ndig_all && (n->hi || n->lo) && !n->over; b--)
		push_digit(n, &ndig, 0);
	return text_to_double(s, len, n);
}

static void double_to_num(double d, num *n)
{
	double t = trunc(d), a = fabs(t);

	n->d = d;
	n->neg = signbit(d) != 0;
	if (!isfinite(d) || a > 1e38) {
		n->over = true;
		return;
	}
	n->frac = t != d;
	n->hi = (uint64_t)(a / 0x1p64);
	n->lo = (uint64_t)(a - (double)n->hi * 0x1p64);
}

static bb_cond get_num(const src *v, num *n)
{
	const bb_cell *c = v->cell;

	memset(n, 0, sizeof(*n));
	switch (v->kind) {
	case SK_INT:
		n->neg = c->i < 0;
		n->lo = n->neg ? (uint64_t)0 - (uint64_t)c->i : (uint64_t)c->i;
		n->d = (double)c->i;
		return BB_OK;
	case SK_DOUBLE:
		double_to_num(c->d, n);
		return BB_OK;
	default:
		return parse_num(c->text ? c->text : "", c->text ? c->len : 0,
				 n);
	}
}

/* Stores the low size bytes of v; a negative value arrives in two's
 * complement, so the same bytes serve the signed and unsigned types. */
static void store_bits(void *out, size_t size, uint64_t v)
{
	uint8_t v8 = (uint8_t)v;
	uint16_t v16 = (uint16_t)v;
	uint32_t v32 = (uint32_t)v;

	if (size == 1)
		memcpy(out, &v8, 1);
	else if (size == 2)
		memcpy(out, &v16, 2);
	else if (size == 4)
		memcpy(out, &v32, 4);
	else
		memcpy(out, &v, 8);
}

/* Exact targets: the integer part must fit, a lost fraction is 01S07. */
static bb_conv_rc put_int(const num *n, const cinfo *ci, void *out,
			  bb_cond *cond)
{
	unsigned bits = (unsigned)ci->size * 8;
	uint64_t max, mag = n->lo;

	if (n->over || n->hi)
		return fail(cond, BB_E_RANGE);
	if (ci->is_signed) {
		max = ((uint64_t)1 << (bits - 1)) - 1;
		if (mag > max + (n->neg ? 1 : 0))
			return fail(cond, BB_E_RANGE);
	} else {
		max = bits == 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
		if ((n->neg && mag) || mag > max)
			return fail(cond, BB_E_RANGE);
	}
	store_bits(out, (size_t)ci->size, n->neg ? 0 - mag : mag);
	return n->frac ? warn(cond, BB_W_FRACTION) : BB_CONV_OK;
}

/* SQL_C_BIT: 0 and 1 exactly; (0, 2) truncates; the rest is 22003. */
static bb_conv_rc put_bit(const num *n, void *out, bb_cond *cond)
{
	bool below_zero = n->neg && (n->lo || n->hi || n->frac);

	if (n->over || n->hi || below_zero || n->lo >= 2)
		return fail(cond, BB_E_RANGE);
	*(SQLCHAR *)out = (SQLCHAR)n->lo;
	return n->frac ? warn(cond, BB_W_FRACTION) : BB_CONV_OK;
}

/*
 * SQL_C_NUMERIC with what SQLGetData has to go on: no ARD precision or
 * scale, so the defaults, precision 38 and scale 0; the fraction is
 * truncated (01S07).
 */
static bb_conv_rc put_numeric(const num *n, void *out, bb_cond *cond)
{
	SQL_NUMERIC_STRUCT ns;
	int i;

	if (n->over)
		return fail(cond, BB_E_RANGE);
	memset(&ns, 0, sizeof(ns));
	ns.precision = 38;
	ns.scale = 0;
	ns.sign = n->neg && (n->hi || n->lo) ? 0 : 1;
	for (i = 0; i < 8; i++) {
		ns.val[i] = (SQLCHAR)(n->lo >> (8 * i));
		ns.val[8 + i] = (SQLCHAR)(n->hi >> (8 * i));
	}
	memcpy(out, &ns, sizeof(ns));
	return n->frac ? warn(cond, BB_W_FRACTION) : BB_CONV_OK;
}

static bb_conv_rc put_float(const num *n, const cinfo *ci, void *out,
			    bb_cond *cond)
{
	if (n->d_over)
		return fail(cond, BB_E_RANGE);
	if (ci->kind == CK_FLOAT) {
		SQLREAL f;

		if (isfinite(n->d) && fabs(n->d) > FLT_MAX)
			return fail(cond, BB_E_RANGE);
		f = (SQLREAL)n->d;
		memcpy(out, &f, sizeof(f));
	} else {
		SQLDOUBLE d = n->d;

		memcpy(out, &d, sizeof(d));
	}
	return BB_CONV_OK;
}

/* ---- datetimes -------------------------------------------------------- */

typedef struct dtval {
	bool has_date, has_time;
	int y, mo, d, h, mi, s;
	unsigned long ns; /* fraction in nanoseconds */
	bool ns_lost;     /* nonzero digits beyond the ninth */
	const char *fdig; /* fraction digits as written; borrowed */
	size_t nfdig;
} dtval;

/* Reads exactly count digits at s[*i]. */
static bool fixed_digits(const char *s, size_t len, size_t *i, int count,
			 int *out)
{
	int v = 0;

	if (*i + (size_t)count > len)
		return false;
	for (; count; count--, (*i)++) {
		if (!is_digit(s[*i]))
			return false;
		v = v * 10 + (s[*i] - '0');
	}
	*out = v;
	return true;
}

static int days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30,
				  31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dim[m - 1];
}

static bool parse_time_part(const char *s, size_t len, size_t *i, dtval *dt)
{
	int scale = 100000000;

	if (!fixed_digits(s, len, i, 2, &dt->h) || *i >= len ||
	    s[(*i)++] != ':' || !fixed_digits(s, len, i, 2, &dt->mi) ||
	    *i >= len || s[(*i)++] != ':' ||
	    !fixed_digits(s, len, i, 2, &dt->s))
		return false;
	dt->has_time = true;
	if (*i < len && s[*i] == '.') {
		dt->fdig = s + ++*i;
		for (; *i < len && is_digit(s[*i]); (*i)++, dt->nfdig++) {
			if (scale)
				dt->ns += (unsigned long)(s[*i] - '0') *
					  (unsigned long)scale;
			else if (s[*i] != '0')
				dt->ns_lost = true;
			scale /= 10;
		}
	}
	return true;
}

/*
 * Parses 'yyyy-mm-dd', 'hh:mm:ss[.f...]' or 'yyyy-mm-dd hh:mm:ss[.f...]'
 * ('T' also separates date and time, as ISO 8601 writes it). Text of
 * another shape is not a datetime literal (22018); the right shape with
 * an impossible field, 2023-02-30 or 25:00:00, is an invalid datetime
 * (22007), as SQLGetData's list of SQLSTATEs puts it.
 */
static bb_cond parse_dt(const char *s, size_t len, dtval *dt)
{
	size_t i = 0;

	memset(dt, 0, sizeof(*dt));
	trim(&s, &len);
	if (len > 2 && s[2] == ':') {
		if (!parse_time_part(s, len, &i, dt))
			return BB_E_CHAR_VALUE;
	} else {
		if (!fixed_digits(s, len, &i, 4, &dt->y) || i >= len ||
		    s[i++] != '-' || !fixed_digits(s, len, &i, 2, &dt->mo) ||
		    i >= len || s[i++] != '-' ||
		    !fixed_digits(s, len, &i, 2, &dt->d))
			return BB_E_CHAR_VALUE;
		dt->has_date = true;
		if (i < len && (s[i] == ' ' || s[i] == 'T')) {
			i++;
			if (!parse_time_part(s, len, &i, dt))
				return BB_E_CHAR_VALUE;
		}
	}
	if (i != len)
		return BB_E_CHAR_VALUE;
	if (dt->has_date && (dt->y < 1 || dt->mo < 1 || dt->mo > 12 ||
			     dt->d < 1 || dt->d > days_in_month(dt->y, dt->mo)))
		return BB_E_DATETIME;
	/* Seconds go to 61: the spec leaves room for two leap seconds. */
	if (dt->has_time && (dt->h > 23 || dt->mi > 59 || dt->s > 61))
		return BB_E_DATETIME;
	return BB_OK;
}

static bb_cond get_dt(const src *v, dtval *dt)
{
	const bb_cell *c = v->cell;
	bb_cond rc;

	if (c->kind != BB_CELL_TEXT && c->kind != BB_CELL_BLOB)
		return BB_E_CHAR_VALUE;
	rc = parse_dt(c->text ? c->text : "", c->text ? c->len : 0, dt);
	/* A date alone in a TIMESTAMP column is that day at midnight. */
	if (rc == BB_OK && is_ts_sql(v->sql_type) && !dt->has_time)
		dt->has_time = true;
	return rc;
}

/* Today's date in UTC, counted from the epoch without gmtime. */
static void today(int *y, int *m, int *d)
{
	time_t now = time(NULL);
	long days = now > 0 ? (long)(now / 86400) : 0;

	*y = 1970;
	while (days >= 365 + (days_in_month(*y, 2) == 29)) {
		days -= 365 + (days_in_month(*y, 2) == 29);
		(*y)++;
	}
	*m = 1;
	while (days >= days_in_month(*y, *m)) {
		days -= days_in_month(*y, *m);
		(*m)++;
	}
	*d = (int)days + 1;
}

static bb_conv_rc put_dt(const dtval *dt, enum ckind k, void *out,
			 bb_cond *cond)
{
	bool time_zero = dt->h == 0 && dt->mi == 0 && dt->s == 0 &&
			 dt->ns == 0 && !dt->ns_lost;
	bool frac_zero = dt->ns == 0 && !dt->ns_lost;

	if (k == CK_DATE) {
		SQL_DATE_STRUCT ds = {(SQLSMALLINT)dt->y, (SQLUSMALLINT)dt->mo,
				      (SQLUSMALLINT)dt->d};

		if (!dt->has_date)
			return fail(cond, BB_E_CHAR_VALUE);
		memcpy(out, &ds, sizeof(ds));
		return dt->has_time && !time_zero ? warn(cond, BB_W_FRACTION)
						  : BB_CONV_OK;
	}
	if (k == CK_TIME) {
		SQL_TIME_STRUCT ts = {(SQLUSMALLINT)dt->h, (SQLUSMALLINT)dt->mi,
				      (SQLUSMALLINT)dt->s};

		if (!dt->has_time)
			return fail(cond, BB_E_CHAR_VALUE);
		memcpy(out, &ts, sizeof(ts));
		return frac_zero ? BB_CONV_OK : warn(cond, BB_W_FRACTION);
	} else {
		SQL_TIMESTAMP_STRUCT ts;
		int y = dt->y, m = dt->mo, d = dt->d;

		if (!dt->has_date)
			today(&y, &m, &d);
		ts.year = (SQLSMALLINT)y;
		ts.month = (SQLUSMALLINT)m;
		ts.day = (SQLUSMALLINT)d;
		ts.hour = (SQLUSMALLINT)dt->h;
		ts.minute = (SQLUSMALLINT)dt->mi;
		ts.second = (SQLUSMALLINT)dt->s;
		ts.fraction = (SQLUINTEGER)dt->ns;
		memcpy(out, &ts, sizeof(ts));
		return dt->ns_lost ? warn(cond, BB_W_FRACTION) : BB_CONV_OK;
	}
}

/* ---- GUIDs ------------------------------------------------------------ */

/* 8-4-4-4-12 hex digits, optionally inside braces; *start and *n get the
 * braceless part. */
static bool parse_guid(const char *s, size_t len, SQLGUID *g,
		       const char **start, size_t *n)
{
	unsigned char b[16];
	size_t i, k = 0;

	trim(&s, &len);
	if (len == 38 && s[0] == '{' && s[37] == '}') {
		s++;
		len = 36;
	}
	if (len != 36)
		return false;
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
			continue;
		}
		if (bb_hexval(s[i]) < 0 || bb_hexval(s[i + 1]) < 0)
			return false;
		b[k++] = (unsigned char)(bb_hexval(s[i]) << 4 |
					 bb_hexval(s[i + 1]));
		i++;
	}
	g->Data1 = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
		   (uint32_t)b[2] << 8 | b[3];
	g->Data2 = (unsigned short)(b[4] << 8 | b[5]);
	g->Data3 = (unsigned short)(b[6] << 8 | b[7]);
	memcpy(g->Data4, b + 8, 8);
	*start = s;
	*n = len;
	return true;
}

/* ---- fixed-size targets ----------------------------------------------- */

typedef union fixed {
	SQL_NUMERIC_STRUCT num;
	SQL_TIMESTAMP_STRUCT ts;
	SQLGUID guid;
	SQLUBIGINT u64;
	SQLDOUBLE d;
	unsigned char bytes[32];
} fixed;

static bb_conv_rc to_fixed(const src *v, const cinfo *ci, fixed *out,
			   bb_cond *cond)
{
	const bb_cell *c = v->cell;
	bb_cond bad;
	const char *gs;
	size_t gn;
	num n;
	dtval dt;

	memset(out, 0, sizeof(*out));
	switch (ci->kind) {
	case CK_BIT:
	case CK_INT:
	case CK_FLOAT:
	case CK_DOUBLE:
	case CK_NUMERIC:
		bad = get_num(v, &n);
		if (bad != BB_OK)
			return fail(cond, bad);
		if (ci->kind == CK_BIT)
			return put_bit(&n, out, cond);
		if (ci->kind == CK_INT)
			return put_int(&n, ci, out, cond);
		if (ci->kind == CK_NUMERIC)
			return put_numeric(&n, out, cond);
		return put_float(&n, ci, out, cond);
	case CK_DATE:
	case CK_TIME:
	case CK_TIMESTAMP:
		bad = get_dt(v, &dt);
		if (bad != BB_OK)
			return fail(cond, bad);
		return put_dt(&dt, ci->kind, out, cond);
	case CK_GUID:
		if (c->kind != BB_CELL_TEXT && c->kind != BB_CELL_BLOB)
			return fail(cond, BB_E_CHAR_VALUE);
		if (!c->text ||
		    !parse_guid(c->text, c->len, &out->guid, &gs, &gn))
			return fail(cond, BB_E_CHAR_VALUE);
		return BB_CONV_OK;
	default:
		return fail(cond, BB_E_RESTRICTED);
	}
}

/* ---- character and binary targets ------------------------------------- */

/* A value rendered whole in the target's encoding, ready to slice. */
typedef struct rendered {
	const char *data; /* borrowed from the cell, buf, wide or img */
	size_t len;       /* bytes, terminator excluded */
	size_t whole;     /* bytes the first piece must hold, else 22003 */
	bool atomic;      /* a fixed-size image: all of it or 22003 */
	bb_buf buf;       /* owned rendering (digits, hex, dates) */
	SQLWCHAR *wide;   /* owned UTF-16 for a WCHAR target */
	fixed img;        /* binary image of a number, date or GUID */
} rendered;

/* Length of one well-formed UTF-8 sequence at s, or 0 if malformed; the
 * same rules bb_utf8_to_utf16 applies, so CHAR and WCHAR agree. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t len, i;
	uint32_t c = s[0];

	if (c < 0x80)
		return 1;
	if ((c & 0xE0) == 0xC0)
		len = 2, c &= 0x1F;
	else if ((c & 0xF0) == 0xE0)
		len = 3, c &= 0x0F;
	else if ((c & 0xF8) == 0xF0)
		len = 4, c &= 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	return len;
}

/* Replaces each malformed byte of r's UTF-8 with U+FFFD. */
static bb_cond sanitize_utf8(rendered *r)
{
	const unsigned char *s = (const unsigned char *)r->data;
	size_t i, k;
	bb_buf out;

	for (i = 0; i < r->len; i += k)
		if ((k = utf8_seq(s + i, r->len - i)) == 0)
			break;
	if (i == r->len)
		return BB_OK;
	bb_buf_init(&out);
	bb_buf_append(&out, r->data, i);
	while (i < r->len) {
		k = utf8_seq(s + i, r->len - i);
		if (k)
			bb_buf_append(&out, r->data + i, k);
		else
			bb_buf_append(&out, "\xEF\xBF\xBD", 3);
		i += k ? k : 1;
	}
	if (out.oom) {
		bb_buf_free(&out);
		return BB_E_NOMEM;
	}
	bb_buf_free(&r->buf);
	r->buf = out;
	r->data = out.data;
	r->len = out.len;
	return BB_OK;
}

/*
 * Shortest of %.15g..%.17g (%.6g..%.9g for REAL) that reads back as the
 * same value, so 0.1 shows as "0.1" and still round-trips. The locale's
 * decimal point is put back to '.'.
 */
static void fmt_double(double d, bool single, char *out, size_t size)
{
	const char *dp = localeconv()->decimal_point;
	int prec, last = single ? 9 : 17;
	char *p;

	for (prec = single ? 6 : 15; prec <= last; prec++) {
		double back;

		bb_snprintf(out, size, "%.*g", prec, d);
		back = strtod(out, NULL);
		if (!isfinite(d) ||
		    (single ? (float)back == (float)d : back == d))
			break;
	}
	if (dp && *dp && strcmp(dp, ".") != 0 && (p = strstr(out, dp))) {
		size_t dl = strlen(dp);

		*p = '.';
		memmove(p + 1, p + dl, strlen(p + dl) + 1);
	}
}

/* The value as UTF-8 text, with the whole part the spec requires to fit:
 * a number's integer digits (sign included), a date's 10, a time's 8, a
 * timestamp's 19, a GUID's 36. */
static bb_cond render_chars(const src *v, rendered *r)
{
	static const char hex[] = "0123456789ABCDEF";
	const bb_cell *c = v->cell;
	const char *text = c->text ? c->text : "";
	size_t tlen = c->text ? c->len : 0, i;
	char tmp[64];
	SQLGUID g;
	dtval dt;

	r->data = text;
	r->len = tlen;
	switch (v->kind) {
	case SK_INT:
		bb_snprintf(tmp, sizeof(tmp), "%" PRId64, c->i);
		bb_buf_puts(&r->buf, tmp);
		r->whole = r->buf.len;
		break;
	case SK_DOUBLE: {
		const char *dot;

		fmt_double(c->d, v->sql_type == SQL_REAL, tmp, sizeof(tmp));
		bb_buf_puts(&r->buf, tmp);
		dot = strchr(tmp, '.');
		r->whole = dot && !strpbrk(tmp, "eE") ? (size_t)(dot - tmp)
						      : strlen(tmp);
		break;
	}
	case SK_BINARY:
		/* Two hex digits a byte, as binary SQL to SQL_C_CHAR goes. */
		for (i = 0; i < tlen; i++) {
			unsigned char b = (unsigned char)text[i];
			char h[2] = {hex[b >> 4], hex[b & 15]};

			bb_buf_append(&r->buf, h, 2);
		}
		break;
	case SK_DATETIME:
		if (get_dt(v, &dt) != BB_OK)
			return BB_OK;
		if (dt.has_date)
			bb_buf_printf(&r->buf, "%04d-%02d-%02d", dt.y, dt.mo,
				      dt.d);
		if (dt.has_date && dt.has_time)
			bb_buf_putc(&r->buf, ' ');
		if (dt.has_time)
			bb_buf_printf(&r->buf, "%02d:%02d:%02d", dt.h, dt.mi,
				      dt.s);
		if (dt.has_time && dt.nfdig) {
			bb_buf_putc(&r->buf, '.');
			bb_buf_append(&r->buf, dt.fdig, dt.nfdig);
		}
		r->whole = dt.has_date ? (dt.has_time ? 19 : 10) : 8;
		break;
	case SK_GUID:
		if (c->text &&
		    parse_guid(c->text, c->len, &g, &r->data, &r->len))
			r->whole = 36;
		return BB_OK;
	case SK_TEXT:
		return BB_OK;
	}
	if (r->buf.oom)
		return BB_E_NOMEM;
	r->data = r->buf.data ? r->buf.data : "";
	r->len = r->buf.len;
	return BB_OK;
}

/*
 * The bytes SQL_C_BINARY receives: a number in a numeric column as its C
 * type's image, a parsed date or GUID as its structure (all or 22003);
 * text and binary data as they are, in pieces.
 */
static bb_conv_rc render_binary(const src *v, rendered *r, bb_cond *cond)
{
	const bb_cell *c = v->cell;
	SQLSMALLINT nct = 0;
	bb_conv_rc rc;

	if (v->kind == SK_INT || v->kind == SK_DOUBLE)
		nct = native_ctype(v->sql_type);
	else if (v->kind == SK_DATETIME || v->kind == SK_GUID)
		nct = bb_default_ctype(v->sql_type);
	if (nct) {
		const cinfo *ci = cinfo_of(nct);
		bb_cond why = BB_OK;

		rc = to_fixed(v, ci, &r->img, &why);
		if (rc != BB_CONV_ERROR) {
			r->data = (const char *)r->img.bytes;
			r->len = (size_t)ci->size;
			r->atomic = true;
			*cond = why;
			return rc;
		}
		if (v->kind == SK_INT || v->kind == SK_DOUBLE)
			return fail(cond, why);
		/* Unparsable datetime or GUID text: its bytes, as text. */
	}
	if (v->kind == SK_INT || v->kind == SK_DOUBLE) {
		bb_cond why = render_chars(v, r);

		r->whole = 0;
		return why == BB_OK ? BB_CONV_OK : fail(cond, why);
	}
	r->data = c->text ? c->text : "";
	r->len = c->text ? c->len : 0;
	return BB_CONV_OK;
}

static bb_conv_rc render(const src *v, enum ckind k, rendered *r, bb_cond *cond)
{
	bb_cond why;
	size_t units;

	if (k == CK_BINARY)
		return render_binary(v, r, cond);
	why = render_chars(v, r);
	if (why == BB_OK)
		why = sanitize_utf8(r);
	if (why != BB_OK)
		return fail(cond, why);
	if (k == CK_WCHAR) {
		r->wide = bb_utf8_to_utf16(r->data, r->len, &units);
		if (!r->wide)
			return fail(cond, BB_E_NOMEM);
		r->data = (const char *)r->wide;
		r->len = units * sizeof(SQLWCHAR);
		/* The whole part is ASCII: one code unit a byte. */
		r->whole *= sizeof(SQLWCHAR);
	}
	return BB_CONV_OK;
}

static bool high_surrogate_at(const char *p)
{
	SQLWCHAR u;

	memcpy(&u, p, sizeof(u));
	return u >= 0xD800 && u <= 0xDBFF;
}

/*
 * Hands out the piece of r after *offset (SQLGetData, "Retrieving Data
 * in Parts"). *ind is what remained before this call. A NULL target or a
 * buffer too small for the terminator only reports the length, with
 * 01004 as the spec's "length >= BufferLength" test gives it. A WCHAR
 * piece never ends between the two halves of a surrogate pair, so a
 * piece may be one unit short of the buffer.
 */
static bb_conv_rc slice(const rendered *r, enum ckind k, SQLPOINTER target,
			SQLLEN buflen, SQLLEN *ind, size_t *offset,
			bb_cond *cond)
{
	size_t term = k == CK_WCHAR ? sizeof(SQLWCHAR) : k == CK_CHAR ? 1 : 0;
	size_t pos = *offset < r->len ? *offset : r->len;
	size_t remain = r->len - pos, room = (size_t)buflen, cap, n;
	char *out = target;

	if (k == CK_WCHAR)
		room -= room % sizeof(SQLWCHAR);
	if (!target || room == 0 || room < term) {
		if (ind)
			*ind = (SQLLEN)remain;
		/* Even an empty string is truncated when its terminator does
		 * not fit; empty binary data went out whole. */
		if (remain || term)
			return warn(cond, BB_W_TRUNCATED);
		*offset = DONE;
		return BB_CONV_OK;
	}
	if (r->atomic) {
		if (room < r->len)
			return fail(cond, BB_E_RANGE);
		memcpy(out, r->data, r->len);
		if (ind)
			*ind = (SQLLEN)r->len;
		*offset = DONE;
		return BB_CONV_OK;
	}
	cap = room - term;
	if (pos == 0 && r->whole > cap)
		return fail(cond, BB_E_RANGE);
	n = remain < cap ? remain : cap;
	/* A surrogate pair stays whole unless only one unit fits: then it
	 * is split, or the reading would never progress. */
	if (k == CK_WCHAR && n < remain && n > sizeof(SQLWCHAR) &&
	    high_surrogate_at(r->data + pos + n - sizeof(SQLWCHAR)))
		n -= sizeof(SQLWCHAR);
	if (n)
		memcpy(out, r->data + pos, n);
	memset(out + n, 0, term);
	if (ind)
		*ind = (SQLLEN)remain;
	if (n < remain) {
		*offset = pos + n;
		return warn(cond, BB_W_TRUNCATED);
	}
	*offset = DONE;
	return BB_CONV_OK;
}

static bb_conv_rc put_var(const src *v, enum ckind k, SQLPOINTER target,
			  SQLLEN buflen, SQLLEN *ind, size_t *offset,
			  bb_cond *cond)
{
	rendered r;
	bb_cond info = BB_OK;
	bb_conv_rc rc, rc2;

	memset(&r, 0, sizeof(r));
	bb_buf_init(&r.buf);
	rc = render(v, k, &r, &info);
	if (rc == BB_CONV_ERROR) {
		*cond = info;
		goto cleanup;
	}
	rc2 = slice(&r, k, target, buflen, ind, offset, cond);
	/* A binary image's 01S07 shows unless the slice has its own say. */
	if (rc2 == BB_CONV_OK && rc == BB_CONV_INFO)
		*cond = info;
	else
		rc = rc2;
cleanup:
	bb_buf_free(&r.buf);
	free(r.wide);
	return rc;
}

bb_conv_rc bb_convert(const bb_cell *cell, SQLSMALLINT sql_type,
		      SQLSMALLINT ctype, SQLPOINTER target, SQLLEN buflen,
		      SQLLEN *ind, size_t *offset, bb_cond *cond)
{
	static const bb_cell null_cell = {BB_CELL_NULL, 0, 0, NULL, 0};
	bb_cond spare_cond;
	size_t spare_off = 0;
	const cinfo *ci;
	bb_conv_rc rc;
	bb_cond why;
	fixed val;
	src v;

	if (!cond)
		cond = &spare_cond;
	if (!offset)
		offset = &spare_off;
	if (!cell)
		cell = &null_cell;
	*cond = BB_OK;
	if (ctype == SQL_C_DEFAULT)
		ctype = bb_default_ctype(sql_type);
	ci = cinfo_of(ctype);
	if (!ci)
		return fail(cond, BB_E_BAD_CTYPE);
	if (ci->size == 0 && buflen < 0)
		return fail(cond, BB_E_BAD_LENGTH);
	if (*offset == DONE)
		return BB_CONV_NO_DATA;

	if (cell->kind == BB_CELL_NULL) {
		if (!ind)
			return fail(cond, BB_E_NULL_NO_IND);
		*ind = SQL_NULL_DATA;
		*offset = DONE;
		return BB_CONV_OK;
	}

	v.cell = cell;
	v.sql_type = sql_type;
	v.kind = classify(cell, sql_type);
	why = allowed(&v, ci->kind);
	if (why != BB_OK)
		return fail(cond, why);

	if (ci->size == 0)
		return put_var(&v, ci->kind, target, buflen, ind, offset, cond);

	rc = to_fixed(&v, ci, &val, cond);
	if (rc == BB_CONV_ERROR)
		return rc;
	if (target)
		memcpy(target, val.bytes, (size_t)ci->size);
	if (ind)
		*ind = ci->size;
	*offset = DONE;
	return rc;
}
