/*
 * param_conv.c - one parameter value, from the C type the application
 * bound to the SQL type it named, as the engine's value.
 *
 * Follows the tables of the ODBC Programmer's Reference, appendix D
 * ("Converting Data from C to SQL Data Types"). The C value is read
 * first into one of four shapes (integer, double, text, bytes), tagged
 * with where it came from (a date struct, a GUID ...); the SQL type then
 * decides what the engine gets:
 *
 *   character types   the value as it is: text stays text, numbers stay
 *                     numbers (a column's affinity makes text of them)
 *   exact numerics    an integer, range-checked for the type (22003);
 *                     from text through convert.c's parser (22018)
 *   DECIMAL, NUMERIC  an integer when the value is whole, else a double
 *   approximate       a double
 *   date, time,       text in the driver's one format, '2024-01-31
 *   timestamp         10:00:00.000000' (22007 for a bad value)
 *   binary            a blob; character data as pairs of hex digits
 *   GUID              text, 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX'
 *
 * A pairing the tables forbid is 07006. Known limits: a value is never
 * checked against the ColumnSize of SQLBindParameter (the engine's
 * columns have no length); DECIMAL values beyond a double's precision
 * lose digits; interval C and SQL types are not supported.
 */
#include "util/setup.h"
#include "odbc/params.h"
#include "odbc/convert.h"
#include "util/str.h"

#include <float.h>
#include <math.h>
#include <stdint.h>

enum pkind { PV_INT, PV_DOUBLE, PV_TEXT, PV_BLOB };
enum ptag { PT_PLAIN, PT_CHAR, PT_DATE, PT_TIME, PT_TS, PT_GUID };

/* One C value read into a shape the engine knows. */
typedef struct pval {
	enum pkind kind;
	enum ptag tag;
	int64_t i;
	double d;
	const char *text; /* TEXT and BLOB; borrowed, or owned */
	size_t len;
	char *owned;     /* owned; what text points to when converted */
	char tmp[96];    /* formatted numbers, datetimes and GUIDs */
	const void *raw; /* the C value's bytes (binary targets) */
	size_t rawlen;
} pval;

static bool failv(bb_err *err, bb_cond cond, const char *what)
{
	return bb_err_set(err, cond, 0, "%s", what);
}

/* The 128-bit magnitude of SQL_C_NUMERIC as decimal digits, then the
 * scale applied: an exact decimal literal. */
static void numeric_text(const SQL_NUMERIC_STRUCT *n, char *out, size_t size)
{
	unsigned char v[SQL_MAX_NUMERIC_LEN];
	char digits[48];
	int nd = 0, k, w = 0;
	int scale = (int)(unsigned char)n->scale;
	bool zero;

	/* The scale is signed: a negative one multiplies by ten. */
	if (scale > 127)
		scale -= 256;
	memcpy(v, n->val, sizeof(v));
	do {
		unsigned rem = 0;

		zero = true;
		for (k = SQL_MAX_NUMERIC_LEN - 1; k >= 0; k--) {
			unsigned cur = (rem << 8) | v[k];

			v[k] = (unsigned char)(cur / 10);
			rem = cur % 10;
			if (v[k])
				zero = false;
		}
		digits[nd++] = (char)('0' + rem);
	} while (!zero && nd < 40);
	if (n->sign == 0 && !(nd == 1 && digits[0] == '0'))
		out[w++] = '-';
	if (scale > 0 && nd <= scale) {
		out[w++] = '0';
		out[w++] = '.';
		for (k = scale - nd; k > 0; k--)
			out[w++] = '0';
	}
	for (k = nd - 1; k >= 0; k--) {
		out[w++] = digits[k];
		if (scale > 0 && k == scale && k > 0 && nd > scale)
			out[w++] = '.';
	}
	for (k = scale; k < 0 && w < (int)size - 1; k++)
		out[w++] = '0';
	out[w] = '\0';
}

static int days_in(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : d[m - 1];
}

static bool read_datetime(SQLSMALLINT ctype, const void *ptr, pval *v,
			  bb_err *err)
{
	SQL_TIMESTAMP_STRUCT t;

	memset(&t, 0, sizeof(t));
	if (ctype == SQL_C_TYPE_DATE || ctype == SQL_C_DATE) {
		const SQL_DATE_STRUCT *d = ptr;

		t.year = d->year;
		t.month = d->month;
		t.day = d->day;
		v->tag = PT_DATE;
	} else if (ctype == SQL_C_TYPE_TIME || ctype == SQL_C_TIME) {
		const SQL_TIME_STRUCT *d = ptr;

		t.year = 2000;
		t.month = t.day = 1;
		t.hour = d->hour;
		t.minute = d->minute;
		t.second = d->second;
		v->tag = PT_TIME;
	} else {
		memcpy(&t, ptr, sizeof(t));
		v->tag = PT_TS;
	}
	if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 ||
	    t.day < 1 || t.day > days_in(t.year, t.month) || t.hour > 23 ||
	    t.minute > 59 || t.second > 61 || t.fraction > 999999999)
		return failv(err, BB_E_DATETIME,
			     "the date/time structure holds an impossible "
			     "value");
	if (v->tag == PT_DATE)
		bb_snprintf(v->tmp, sizeof(v->tmp), "%04d-%02u-%02u", t.year,
			    t.month, t.day);
	else if (v->tag == PT_TIME)
		bb_snprintf(v->tmp, sizeof(v->tmp), "%02u:%02u:%02u", t.hour,
			    t.minute, t.second);
	else
		bb_snprintf(v->tmp, sizeof(v->tmp),
			    "%04d-%02u-%02u %02u:%02u:%02u.%06u", t.year,
			    t.month, t.day, t.hour, t.minute, t.second,
			    (unsigned)(t.fraction / 1000));
	v->kind = PV_TEXT;
	v->text = v->tmp;
	v->len = strlen(v->tmp);
	return true;
}

static void read_guid(const SQLGUID *g, pval *v)
{
	bb_snprintf(v->tmp, sizeof(v->tmp),
		    "%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X",
		    (unsigned)g->Data1, g->Data2, g->Data3, g->Data4[0],
		    g->Data4[1], g->Data4[2], g->Data4[3], g->Data4[4],
		    g->Data4[5], g->Data4[6], g->Data4[7]);
	v->kind = PV_TEXT;
	v->tag = PT_GUID;
	v->text = v->tmp;
	v->len = strlen(v->tmp);
}

/* UTF-16 to UTF-8 from wherever the value lies: packed row-wise
 * buffers may leave it at an odd address, so it is copied aligned. */
static char *wide_to_utf8(const void *ptr, SQLLEN len, size_t *out_len)
{
	static const SQLWCHAR zero = 0;
	const unsigned char *b = ptr;
	size_t units = 0;
	SQLWCHAR *w;
	char *u;

	if (len == SQL_NTS)
		while (memcmp(b + units * sizeof(SQLWCHAR), &zero,
			      sizeof(zero)) != 0)
			units++;
	else
		units = (size_t)len / sizeof(SQLWCHAR);
	w = malloc((units + 1) * sizeof(SQLWCHAR));
	if (!w)
		return NULL;
	memcpy(w, ptr, units * sizeof(SQLWCHAR));
	w[units] = 0;
	u = bb_utf16_to_utf8_len(w, (SQLLEN)units, out_len);
	free(w);
	return u;
}

static bool read_text(SQLSMALLINT ctype, const void *ptr, SQLLEN len, pval *v,
		      bb_err *err)
{
	v->kind = PV_TEXT;
	v->tag = PT_CHAR;
	if (len != SQL_NTS && len < 0)
		return failv(err, BB_E_BAD_LENGTH,
			     "the length of a character parameter is "
			     "negative");
	if (ctype == SQL_C_CHAR) {
		v->text = ptr;
		v->len = len == SQL_NTS ? strlen(ptr) : (size_t)len;
		return true;
	}
	/* A NUL inside the value is kept: the length says where it ends. */
	v->owned = wide_to_utf8(ptr, len, &v->len);
	if (!v->owned)
		return failv(err, BB_E_NOMEM, "out of memory");
	v->text = v->owned;
	return true;
}

static bool read_int(SQLSMALLINT ctype, const void *p, pval *v)
{
	v->kind = PV_INT;
	switch (ctype) {
	case SQL_C_BIT:
	case SQL_C_UTINYINT:
		v->i = *(const SQLCHAR *)p;
		return true;
	case SQL_C_STINYINT:
	case SQL_C_TINYINT: {
		int b = *(const unsigned char *)p;

		v->i = b > 127 ? b - 256 : b;
		return true;
	}
	case SQL_C_SSHORT:
	case SQL_C_SHORT:
		v->i = *(const SQLSMALLINT *)p;
		return true;
	case SQL_C_USHORT:
		v->i = *(const SQLUSMALLINT *)p;
		return true;
	case SQL_C_SLONG:
	case SQL_C_LONG:
		v->i = *(const SQLINTEGER *)p;
		return true;
	case SQL_C_ULONG:
		v->i = *(const SQLUINTEGER *)p;
		return true;
	case SQL_C_SBIGINT:
		v->i = *(const SQLBIGINT *)p;
		return true;
	case SQL_C_UBIGINT: {
		SQLUBIGINT u = *(const SQLUBIGINT *)p;

		if (u <= INT64_MAX) {
			v->i = (int64_t)u;
			return true;
		}
		/* Beyond int64: exact as text, which the parser reads. */
		bb_snprintf(v->tmp, sizeof(v->tmp), "%llu",
			    (unsigned long long)u);
		v->kind = PV_TEXT;
		v->text = v->tmp;
		v->len = strlen(v->tmp);
		return true;
	}
	}
	return false;
}

/* Reads the application's value into v; false with err on failure. */
static bool read_c(SQLSMALLINT ctype, const void *ptr, SQLLEN len, pval *v,
		   bb_err *err)
{
	SQLLEN fixed = bb_ctype_size(ctype);

	v->raw = ptr;
	v->rawlen = fixed > 0 ? (size_t)fixed : 0;
	if (read_int(ctype, ptr, v))
		return true;
	switch (ctype) {
	case SQL_C_CHAR:
	case SQL_C_WCHAR:
		return read_text(ctype, ptr, len, v, err);
	case SQL_C_BINARY:
		if (len < 0)
			return failv(err, BB_E_BAD_LENGTH,
				     "a binary parameter needs its length");
		v->kind = PV_BLOB;
		v->text = ptr;
		v->len = (size_t)len;
		v->raw = ptr;
		v->rawlen = (size_t)len;
		return true;
	case SQL_C_FLOAT:
	case SQL_C_DOUBLE:
		v->kind = PV_DOUBLE;
		v->d = ctype == SQL_C_FLOAT ? *(const SQLREAL *)ptr
					    : *(const SQLDOUBLE *)ptr;
		if (isnan(v->d))
			return failv(err, BB_E_RANGE, "NaN is not a number");
		return true;
	case SQL_C_NUMERIC:
		numeric_text(ptr, v->tmp, sizeof(v->tmp));
		v->kind = PV_TEXT;
		v->text = v->tmp;
		v->len = strlen(v->tmp);
		return true;
	case SQL_C_TYPE_DATE:
	case SQL_C_DATE:
	case SQL_C_TYPE_TIME:
	case SQL_C_TIME:
	case SQL_C_TYPE_TIMESTAMP:
	case SQL_C_TIMESTAMP:
		return read_datetime(ctype, ptr, v, err);
	case SQL_C_GUID:
		read_guid(ptr, v);
		return true;
	}
	if (bb_ctype_known(ctype))
		return failv(err, BB_E_RESTRICTED,
			     "interval parameters are not supported");
	return failv(err, BB_E_BAD_CTYPE, "unknown C type");
}

/* Text through convert.c, which already knows every literal's shape:
 * into ctype, with its SQLSTATE on failure. */
static bb_cond parse_as(const pval *v, SQLSMALLINT from, SQLSMALLINT ctype,
			void *out, SQLLEN size)
{
	bb_cell c = {BB_CELL_TEXT, 0, 0, v->text, v->len};
	bb_cond cond = BB_OK;
	SQLLEN ind;
	bb_conv_rc rc =
		bb_convert(&c, from, ctype, out, size, &ind, NULL, &cond);

	if (rc == BB_CONV_ERROR)
		return cond;
	/* A fraction cut off on the way to an exact type is truncation,
	 * which C-to-SQL conversions report as 22001. */
	return rc == BB_CONV_INFO && cond == BB_W_FRACTION ? BB_E_TRUNCATED
							   : BB_OK;
}

/* The range of each exact SQL type, for 22003. */
static bool int_fits(SQLSMALLINT t, int64_t i)
{
	switch (t) {
	case SQL_BIT:
		return i == 0 || i == 1;
	case SQL_TINYINT:
		return i >= -128 && i <= 255;
	case SQL_SMALLINT:
		return i >= INT16_MIN && i <= INT16_MAX;
	case SQL_INTEGER:
		return i >= INT32_MIN && i <= INT32_MAX;
	}
	return true;
}

static bool is_datetime(enum ptag t)
{
	return t == PT_DATE || t == PT_TIME || t == PT_TS;
}

static int to_exact(sqlite3_stmt *st, int i, SQLSMALLINT t, pval *v,
		    bb_err *err)
{
	int64_t n = v->i;
	bb_cond c;

	if (v->kind == PV_BLOB || is_datetime(v->tag) || v->tag == PT_GUID)
		return failv(err, BB_E_RESTRICTED,
			     "the value cannot become a number");
	if (v->kind == PV_DOUBLE) {
		if (v->d < (double)INT64_MIN || v->d >= -(double)INT64_MIN)
			return failv(err, BB_E_RANGE,
				     "the number is out of range");
		n = (int64_t)v->d;
		if ((double)n != v->d)
			return failv(err, BB_E_TRUNCATED,
				     "the number has a fraction");
	} else if (v->kind == PV_TEXT) {
		SQLBIGINT b = 0;

		c = parse_as(v, SQL_VARCHAR, SQL_C_SBIGINT, &b, sizeof(b));
		if (c != BB_OK)
			return failv(err, c,
				     c == BB_E_RANGE
					     ? "the number is out of range"
				     : c == BB_E_TRUNCATED
					     ? "the number has a fraction"
					     : "the text is not a number");
		n = b;
	}
	if (!int_fits(t, n))
		return failv(err, BB_E_RANGE,
			     "the number is out of range for the SQL type");
	return sqlite3_bind_int64(st, i, n);
}

static int to_approx(sqlite3_stmt *st, int i, SQLSMALLINT t, pval *v,
		     bb_err *err, bool decimal)
{
	double d = v->d;
	bb_cond c;

	if (v->kind == PV_BLOB || is_datetime(v->tag) || v->tag == PT_GUID)
		return failv(err, BB_E_RESTRICTED,
			     "the value cannot become a number");
	if (v->kind == PV_INT)
		return decimal ? sqlite3_bind_int64(st, i, v->i)
			       : sqlite3_bind_double(st, i, (double)v->i);
	if (v->kind == PV_TEXT) {
		SQLBIGINT b = 0;

		/* A whole DECIMAL stays exact where it fits. */
		if (decimal && parse_as(v, SQL_VARCHAR, SQL_C_SBIGINT, &b,
					sizeof(b)) == BB_OK)
			return sqlite3_bind_int64(st, i, b);
		c = parse_as(v, SQL_VARCHAR, SQL_C_DOUBLE, &d, sizeof(d));
		if (c != BB_OK)
			return failv(err, c,
				     c == BB_E_RANGE ? "the number is out of "
						       "range"
						     : "the text is not a "
						       "number");
	}
	if (t == SQL_REAL && isfinite(d) && fabs(d) > FLT_MAX)
		return failv(err, BB_E_RANGE, "the number is out of range");
	return sqlite3_bind_double(st, i, d);
}

/* Text of a datetime in the driver's format for SQL type t. */
static int to_datetime(sqlite3_stmt *st, int i, SQLSMALLINT t, pval *v,
		       bb_err *err)
{
	bool want_date = t == SQL_TYPE_DATE || t == SQL_DATE;
	bool want_time = t == SQL_TYPE_TIME || t == SQL_TIME;
	SQL_TIMESTAMP_STRUCT ts;
	SQLSMALLINT from = v->tag == PT_TIME ? SQL_TYPE_TIME : SQL_VARCHAR;
	char out[40];
	bb_cond c;

	if (v->kind != PV_TEXT || v->tag == PT_GUID || v->tag == PT_PLAIN)
		return failv(err, BB_E_RESTRICTED,
			     "the value cannot become a date or time");
	if ((want_time && v->tag == PT_DATE) ||
	    (want_date && v->tag == PT_TIME))
		return failv(err, BB_E_RESTRICTED,
			     "a date and a time do not convert to each other");
	c = parse_as(v, from, SQL_C_TYPE_TIMESTAMP, &ts, sizeof(ts));
	if (c == BB_E_CHAR_VALUE)
		c = BB_E_DATETIME;
	if (c != BB_OK && !(c == BB_E_TRUNCATED && v->tag == PT_CHAR))
		return failv(err, c, "the text is not a valid date or time");
	if (want_date && (ts.hour || ts.minute || ts.second || ts.fraction))
		return failv(err, BB_E_DATETIME_RANGE,
			     "a DATE parameter cannot hold a time of day");
	if (want_time && ts.fraction)
		return failv(err, BB_E_DATETIME_RANGE,
			     "a TIME parameter cannot hold fractions");
	if (want_date)
		bb_snprintf(out, sizeof(out), "%04d-%02u-%02u", ts.year,
			    ts.month, ts.day);
	else if (want_time)
		bb_snprintf(out, sizeof(out), "%02u:%02u:%02u", ts.hour,
			    ts.minute, ts.second);
	else
		bb_snprintf(out, sizeof(out),
			    "%04d-%02u-%02u %02u:%02u:%02u.%06u", ts.year,
			    ts.month, ts.day, ts.hour, ts.minute, ts.second,
			    (unsigned)(ts.fraction / 1000));
	return sqlite3_bind_text(st, i, out, -1, SQLITE_TRANSIENT);
}

static int to_binary(sqlite3_stmt *st, int i, pval *v, bb_err *err)
{
	unsigned char *b;
	size_t k;

	if (v->tag != PT_CHAR)
		return sqlite3_bind_blob(st, i, v->raw ? v->raw : "",
					 (int)v->rawlen, SQLITE_TRANSIENT);
	if (v->len % 2)
		return failv(err, BB_E_CHAR_VALUE,
			     "binary data as text needs pairs of hex digits");
	b = malloc(v->len / 2 + 1);
	if (!b)
		return failv(err, BB_E_NOMEM, "out of memory");
	for (k = 0; k < v->len; k += 2) {
		int hi = bb_hexval(v->text[k]), lo = bb_hexval(v->text[k + 1]);

		if (hi < 0 || lo < 0) {
			free(b);
			return failv(err, BB_E_CHAR_VALUE,
				     "binary data as text needs hex digits");
		}
		b[k / 2] = (unsigned char)(hi << 4 | lo);
	}
	return sqlite3_bind_blob(st, i, b, (int)(v->len / 2), free);
}

static int to_guid(sqlite3_stmt *st, int i, pval *v, bb_err *err)
{
	SQLGUID g;

	if (v->tag == PT_CHAR) {
		if (parse_as(v, SQL_GUID, SQL_C_GUID, &g, sizeof(g)) != BB_OK)
			return failv(err, BB_E_CHAR_VALUE,
				     "the text is not a GUID");
		read_guid(&g, v);
	} else if (v->tag != PT_GUID) {
		return failv(err, BB_E_RESTRICTED,
			     "the value cannot become a GUID");
	}
	return sqlite3_bind_text(st, i, v->text, (int)v->len, SQLITE_TRANSIENT);
}

/* Character targets: the value as it is. */
static int to_char(sqlite3_stmt *st, int i, const pval *v)
{
	switch (v->kind) {
	case PV_INT:
		return sqlite3_bind_int64(st, i, v->i);
	case PV_DOUBLE:
		return sqlite3_bind_double(st, i, v->d);
	default:
		return sqlite3_bind_text(st, i, v->text ? v->text : "",
					 (int)v->len, SQLITE_TRANSIENT);
	}
}

/* The SQLite call for the pair; false (err set) for a refused value. */
static bool dispatch(sqlite3_stmt *st, int i, SQLSMALLINT t, pval *v,
		     bb_err *err)
{
	int rc;

	switch (t) {
	case SQL_BIT:
	case SQL_TINYINT:
	case SQL_SMALLINT:
	case SQL_INTEGER:
	case SQL_BIGINT:
		rc = to_exact(st, i, t, v, err);
		break;
	case SQL_DECIMAL:
	case SQL_NUMERIC:
		rc = to_approx(st, i, t, v, err, true);
		break;
	case SQL_REAL:
	case SQL_FLOAT:
	case SQL_DOUBLE:
		rc = to_approx(st, i, t, v, err, false);
		break;
	case SQL_TYPE_DATE:
	case SQL_TYPE_TIME:
	case SQL_TYPE_TIMESTAMP:
	case SQL_DATE:
	case SQL_TIME:
	case SQL_TIMESTAMP:
		rc = to_datetime(st, i, t, v, err);
		break;
	case SQL_BINARY:
	case SQL_VARBINARY:
	case SQL_LONGVARBINARY:
		rc = to_binary(st, i, v, err);
		break;
	case SQL_GUID:
		rc = to_guid(st, i, v, err);
		break;
	default:
		rc = to_char(st, i, v);
	}
	/* The converters answer false (0) for a refused value. */
	if (rc == 0 && err->cond != BB_OK)
		return false;
	if (rc != SQLITE_OK)
		return bb_err_set(err, BB_E_NOMEM, rc,
				  "the engine refused "
				  "the value");
	return true;
}

bool bb_param_bind_value(sqlite3_stmt *st, int i, SQLSMALLINT ctype,
			 SQLSMALLINT sql_type, const void *ptr, SQLLEN len,
			 bb_err *err)
{
	union {
		SQLBIGINT i;
		SQLDOUBLE d;
		SQL_TIMESTAMP_STRUCT ts;
		SQL_NUMERIC_STRUCT n;
		SQLGUID g;
	} aligned;
	SQLLEN fixed;
	pval v;
	bool ok;

	bb_err_clear(err);
	if (len == SQL_NULL_DATA)
		return sqlite3_bind_null(st, i) == SQLITE_OK ||
		       failv(err, BB_E_NOMEM, "out of memory");
	if (!ptr)
		return failv(err, BB_E_NULL_PTR,
			     "a parameter value pointer is null");
	memset(&v, 0, sizeof(v));
	if (ctype == SQL_C_DEFAULT)
		ctype = bb_default_ctype(sql_type);
	/* Row-wise buffers may be packed (pyodbc's are): fixed-size values
	 * are read from an aligned copy. */
	fixed = bb_ctype_size(ctype);
	if (fixed > 0 && (size_t)fixed <= sizeof(aligned)) {
		memcpy(&aligned, ptr, (size_t)fixed);
		ptr = &aligned;
	}
	ok = read_c(ctype, ptr, len, &v, err) &&
	     dispatch(st, i, sql_type, &v, err);
	free(v.owned);
	return ok;
}
