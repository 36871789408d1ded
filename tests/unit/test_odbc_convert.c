/*
 * test_odbc_convert.c - bb_convert(), the SQL-to-C conversion matrix.
 *
 * One table row per call: the cell, its declared SQL type, the C type,
 * the buffer length, and the expected return code, condition, output
 * bytes and indicator. A row flagged CONT continues the previous row's
 * read (same column, *offset carried), which is how pieces of a long
 * value are checked. Each target is a heap block of exactly the buffer
 * length, so AddressSanitizer catches a write past it.
 */
#include "util/setup.h"
#include "odbc/convert.h"
#include "util/str.h"
#include "check.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#define OK BB_CONV_OK
#define INFO BB_CONV_INFO
#define ERR BB_CONV_ERROR
#define NODATA BB_CONV_NO_DATA

/* Row flags. */
#define CONT 1u     /* go on reading the previous row's value */
#define NOTARGET 2u /* target pointer NULL */
#define NOIND 4u    /* indicator pointer NULL */

/* The indicator a row expects left alone. */
#define UNSET ((SQLLEN)-7777)

#define NUL_                         \
	{                            \
		.kind = BB_CELL_NULL \
	}
#define INT(v)                                \
	{                                     \
		.kind = BB_CELL_INT, .i = (v) \
	}
#define DBL(v)                                   \
	{                                        \
		.kind = BB_CELL_DOUBLE, .d = (v) \
	}
#define TXT(s)                                                          \
	{                                                               \
		.kind = BB_CELL_TEXT, .text = (s), .len = sizeof(s) - 1 \
	}
#define BLOB(s)                                                         \
	{                                                               \
		.kind = BB_CELL_BLOB, .text = (s), .len = sizeof(s) - 1 \
	}

/* Expected target bytes: S and W include the terminator, B does not. */
#define NONE NULL, 0
#define S(s) (s), sizeof(s)
#define W(s) (const void *)(s), sizeof(s)
#define B(s) (s), sizeof(s) - 1
#define FIX(type, ...) &(type){__VA_ARGS__}, sizeof(type)
#define I8(v) FIX(SQLSCHAR, v)
#define U8(v) FIX(SQLCHAR, v)
#define I16(v) FIX(SQLSMALLINT, v)
#define U16(v) FIX(SQLUSMALLINT, v)
#define I32(v) FIX(SQLINTEGER, v)
#define U32(v) FIX(SQLUINTEGER, v)
#define I64(v) FIX(SQLBIGINT, v)
#define U64(v) FIX(SQLUBIGINT, v)
#define F32(v) FIX(SQLREAL, v)
#define F64(v) FIX(SQLDOUBLE, v)
#define DATE(...) FIX(SQL_DATE_STRUCT, __VA_ARGS__)
#define TIME(...) FIX(SQL_TIME_STRUCT, __VA_ARGS__)
#define TS(...) FIX(SQL_TIMESTAMP_STRUCT, __VA_ARGS__)
#define NUM(...) FIX(SQL_NUMERIC_STRUCT, __VA_ARGS__)
#define GUIDV                                    \
	FIX(SQLGUID, 0x7dd600e6, 0x0d9c, 0x4801, \
	    {0xb9, 0x67, 0xcb, 0x4c, 0xc1, 0x73, 0x59, 0xff})

#define GUID_TXT "7dd600e6-0d9c-4801-b967-cb4cc17359ff"
/* "aé中😀": 1 + 2 + 3 + 4 bytes of UTF-8, 1 + 1 + 1 + 2 UTF-16 units. */
#define MIXED "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80"

typedef struct tcase {
	int line;
	bb_cell cell;
	SQLSMALLINT sql, ctype;
	SQLLEN buflen; /* ignored for fixed-size C types */
	unsigned flags;
	bb_conv_rc rc;
	bb_cond cond;
	const void *want; /* expected bytes at the target, or NULL */
	size_t want_len;
	SQLLEN ind; /* expected indicator, or UNSET */
} tcase;

#define T(...)                        \
	{                             \
		__LINE__, __VA_ARGS__ \
	}

static const tcase cases[] = {
	/* NULL: the indicator says so; without one, 22002. */
	T(NUL_, SQL_INTEGER, SQL_C_SLONG, 0, 0, OK, BB_OK, NONE, SQL_NULL_DATA),
	T(NUL_, SQL_INTEGER, SQL_C_SLONG, 0, NOIND, ERR, BB_E_NULL_NO_IND, NONE,
	  UNSET),
	T(NUL_, SQL_WVARCHAR, SQL_C_CHAR, 10, 0, OK, BB_OK, NONE,
	  SQL_NULL_DATA),
	T(NUL_, SQL_WVARCHAR, SQL_C_CHAR, 10, CONT, NODATA, BB_OK, NONE, UNSET),
	T(NUL_, SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, 0, 0, OK, BB_OK, NONE,
	  SQL_NULL_DATA),
	T(NUL_, SQL_BIGINT, SQL_C_WCHAR, 10, 0, OK, BB_OK, NONE, SQL_NULL_DATA),

	/* C type checks, defaults, buffer length. */
	T(INT(1), SQL_INTEGER, 9999, 0, 0, ERR, BB_E_BAD_CTYPE, NONE, UNSET),
	T(INT(1), SQL_INTEGER, SQL_C_INTERVAL_YEAR, 0, 0, ERR, BB_E_RESTRICTED,
	  NONE, UNSET),
	T(TXT("1"), SQL_VARCHAR, SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0, ERR,
	  BB_E_RESTRICTED, NONE, UNSET),
	T(INT(42), SQL_INTEGER, SQL_C_DEFAULT, 0, 0, OK, BB_OK, I32(42), 4),
	T(INT(42), SQL_SMALLINT, SQL_C_DEFAULT, 0, 0, OK, BB_OK, I16(42), 2),
	T(INT(42), SQL_BIGINT, SQL_C_DEFAULT, 0, 0, OK, BB_OK, I64(42), 8),
	T(INT(1), SQL_BIT, SQL_C_DEFAULT, 0, 0, OK, BB_OK, U8(1), 1),
	T(DBL(2.5), SQL_DOUBLE, SQL_C_DEFAULT, 0, 0, OK, BB_OK, F64(2.5), 8),
	T(DBL(2.5), SQL_REAL, SQL_C_DEFAULT, 0, 0, OK, BB_OK, F32(2.5f), 4),
	T(TXT("hi"), SQL_WVARCHAR, SQL_C_DEFAULT, 8, 0, OK, BB_OK, W(u"hi"), 4),
	T(TXT("hi"), SQL_VARCHAR, SQL_C_DEFAULT, 8, 0, OK, BB_OK, S("hi"), 2),
	T(BLOB("\x01\x02"), SQL_VARBINARY, SQL_C_DEFAULT, 8, 0, OK, BB_OK,
	  B("\x01\x02"), 2),
	T(TXT("2024-01-02"), SQL_TYPE_DATE, SQL_C_DEFAULT, 0, 0, OK, BB_OK,
	  DATE(2024, 1, 2), 6),
	T(TXT(GUID_TXT), SQL_GUID, SQL_C_DEFAULT, 0, 0, OK, BB_OK, GUIDV, 16),
	T(TXT("abc"), SQL_VARCHAR, SQL_C_CHAR, -1, 0, ERR, BB_E_BAD_LENGTH,
	  NONE, UNSET),
	T(TXT("abc"), SQL_VARCHAR, SQL_C_WCHAR, -2, 0, ERR, BB_E_BAD_LENGTH,
	  NONE, UNSET),
	T(TXT("abc"), SQL_VARCHAR, SQL_C_BINARY, -1, 0, ERR, BB_E_BAD_LENGTH,
	  NONE, UNSET),
	T(INT(7), SQL_INTEGER, SQL_C_SLONG, -5, 0, OK, BB_OK, I32(7), 4),
	T(INT(7), SQL_INTEGER, SQL_C_SLONG, 0, CONT, NODATA, BB_OK, NONE,
	  UNSET),
	T(INT(7), SQL_INTEGER, SQL_C_SLONG, 0, NOIND, OK, BB_OK, I32(7), UNSET),

	/* Character to SQL_C_CHAR, in pieces (appendix D examples). */
	T(TXT("abcdef"), SQL_VARCHAR, SQL_C_CHAR, 7, 0, OK, BB_OK, S("abcdef"),
	  6),
	T(TXT("abcdef"), SQL_VARCHAR, SQL_C_CHAR, 6, 0, INFO, BB_W_TRUNCATED,
	  S("abcde"), 6),
	T(TXT("abcdef"), SQL_VARCHAR, SQL_C_CHAR, 6, CONT, OK, BB_OK, S("f"),
	  1),
	T(TXT("abcdef"), SQL_VARCHAR, SQL_C_CHAR, 6, CONT, NODATA, BB_OK, NONE,
	  UNSET),
	T(TXT(""), SQL_VARCHAR, SQL_C_CHAR, 4, 0, OK, BB_OK, S(""), 0),
	T(TXT(""), SQL_VARCHAR, SQL_C_CHAR, 4, CONT, NODATA, BB_OK, NONE,
	  UNSET),
	T(TXT(""), SQL_VARCHAR, SQL_C_CHAR, 0, 0, INFO, BB_W_TRUNCATED, NONE,
	  0),
	T(TXT(""), SQL_WVARCHAR, SQL_C_WCHAR, 1, 0, INFO, BB_W_TRUNCATED, NONE,
	  0),
	T(TXT("abc"), SQL_VARCHAR, SQL_C_CHAR, 0, 0, INFO, BB_W_TRUNCATED, NONE,
	  3),
	T(TXT("abc"), SQL_VARCHAR, SQL_C_CHAR, 10, CONT, OK, BB_OK, S("abc"),
	  3),
	T(TXT("abc"), SQL_VARCHAR, SQL_C_CHAR, 10, NOTARGET, INFO,
	  BB_W_TRUNCATED, NONE, 3),
	T(TXT("abc"), SQL_VARCHAR, SQL_C_CHAR, 1, 0, INFO, BB_W_TRUNCATED,
	  S(""), 3),
	T(TXT("abc"), SQL_VARCHAR, SQL_C_CHAR, 4, NOIND, OK, BB_OK, S("abc"),
	  UNSET),
	T(TXT("12"), SQL_INTEGER, SQL_C_CHAR, 2, 0, INFO, BB_W_TRUNCATED,
	  S("1"), 2),
	/* Bytes: a piece may end inside a UTF-8 sequence. */
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_CHAR, 4, 0, INFO, BB_W_TRUNCATED,
	  S("a\xC3\xA9"), 10),
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_CHAR, 4, CONT, INFO, BB_W_TRUNCATED,
	  S("\xE4\xB8\xAD"), 7),
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_CHAR, 4, CONT, INFO, BB_W_TRUNCATED,
	  S("\xF0\x9F\x98"), 4),
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_CHAR, 4, CONT, OK, BB_OK, S("\x80"),
	  1),
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_CHAR, 4, CONT, NODATA, BB_OK, NONE,
	  UNSET),
	/* Malformed UTF-8: each bad byte becomes U+FFFD. */
	T(TXT("a\xFF"
	      "b"),
	  SQL_VARCHAR, SQL_C_CHAR, 10, 0, OK, BB_OK,
	  S("a\xEF\xBF\xBD"
	    "b"),
	  5),
	T(TXT("x\xE4\xB8"), SQL_VARCHAR, SQL_C_CHAR, 10, 0, OK, BB_OK,
	  S("x\xEF\xBF\xBD\xEF\xBF\xBD"), 7),
	T(TXT("a\xFF"
	      "b"),
	  SQL_VARCHAR, SQL_C_WCHAR, 10, 0, OK, BB_OK, W(u"a\uFFFDb"), 6),
	T(TXT("\xC0\xAF"), SQL_VARCHAR, SQL_C_WCHAR, 10, 0, OK, BB_OK,
	  W(u"\uFFFD\uFFFD"), 4),

	/* Character to SQL_C_WCHAR: lengths in bytes, pairs kept whole. */
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_WCHAR, 12, 0, OK, BB_OK,
	  W(u"a\u00e9\u4e2d\U0001F600"), 10),
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_WCHAR, 8, 0, INFO, BB_W_TRUNCATED,
	  W(u"a\u00e9\u4e2d"), 10),
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_WCHAR, 8, CONT, OK, BB_OK,
	  W(u"\U0001F600"), 4),
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_WCHAR, 8, CONT, NODATA, BB_OK, NONE,
	  UNSET),
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_WCHAR, 6, 0, INFO, BB_W_TRUNCATED,
	  W(u"a\u00e9"), 10),
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_WCHAR, 6, CONT, INFO, BB_W_TRUNCATED,
	  W(u"\u4e2d"), 6),
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_WCHAR, 6, CONT, OK, BB_OK,
	  W(u"\U0001F600"), 4),
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_WCHAR, 6, CONT, NODATA, BB_OK, NONE,
	  UNSET),
	T(TXT(MIXED), SQL_WVARCHAR, SQL_C_WCHAR, 7, 0, INFO, BB_W_TRUNCATED,
	  W(u"a\u00e9"), 10),
	/* Room for one unit only: the pair is split, so reading goes on. */
	T(TXT("\xF0\x9F\x98\x80"), SQL_WVARCHAR, SQL_C_WCHAR, 4, 0, INFO,
	  BB_W_TRUNCATED, FIX(SQLWCHAR[2], 0xD83D, 0), 4),
	T(TXT("\xF0\x9F\x98\x80"), SQL_WVARCHAR, SQL_C_WCHAR, 1, 0, INFO,
	  BB_W_TRUNCATED, NONE, 4),
	T(TXT("\xF0\x9F\x98\x80"), SQL_WVARCHAR, SQL_C_WCHAR, 6, CONT, OK,
	  BB_OK, W(u"\U0001F600"), 4),
	T(TXT("Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC"), SQL_WVARCHAR,
	  SQL_C_WCHAR, 64, 0, OK, BB_OK, W(u"Caf\u00e9 \u65e5\u672c"), 14),
	T(TXT(""), SQL_WVARCHAR, SQL_C_WCHAR, 2, 0, OK, BB_OK, W(u""), 0),

	/* Character and binary data to SQL_C_BINARY. */
	T(TXT("abc"), SQL_VARCHAR, SQL_C_BINARY, 2, 0, INFO, BB_W_TRUNCATED,
	  B("ab"), 3),
	T(TXT("abc"), SQL_VARCHAR, SQL_C_BINARY, 2, CONT, OK, BB_OK, B("c"), 1),
	T(TXT("abc"), SQL_VARCHAR, SQL_C_BINARY, 2, CONT, NODATA, BB_OK, NONE,
	  UNSET),
	T(TXT("a\xFF"), SQL_VARCHAR, SQL_C_BINARY, 8, 0, OK, BB_OK, B("a\xFF"),
	  2),
	T(BLOB("\x00\x01\xFF"), SQL_VARBINARY, SQL_C_BINARY, 3, 0, OK, BB_OK,
	  B("\x00\x01\xFF"), 3),
	T(BLOB(""), SQL_VARBINARY, SQL_C_BINARY, 0, 0, OK, BB_OK, NONE, 0),
	T(BLOB(""), SQL_VARBINARY, SQL_C_BINARY, 0, CONT, NODATA, BB_OK, NONE,
	  UNSET),

	/* Binary to character: two hex digits a byte; other types 07006. */
	T(BLOB("\x00\x01\xFF"), SQL_VARBINARY, SQL_C_CHAR, 7, 0, OK, BB_OK,
	  S("0001FF"), 6),
	T(BLOB("\x00\x01\xFF"), SQL_VARBINARY, SQL_C_CHAR, 5, 0, INFO,
	  BB_W_TRUNCATED, S("0001"), 6),
	T(BLOB("\x00\x01\xFF"), SQL_LONGVARBINARY, SQL_C_WCHAR, 14, 0, OK,
	  BB_OK, W(u"0001FF"), 12),
	T(BLOB("\x01"), SQL_VARBINARY, SQL_C_SLONG, 0, 0, ERR, BB_E_RESTRICTED,
	  NONE, UNSET),
	T(BLOB("\x01"), SQL_VARBINARY, SQL_C_TYPE_DATE, 0, 0, ERR,
	  BB_E_RESTRICTED, NONE, UNSET),
	T(BLOB("hi"), SQL_WVARCHAR, SQL_C_CHAR, 8, 0, OK, BB_OK, S("hi"), 2),

	/* Numbers to character: whole digits must fit, else 22003. */
	T(INT(-1234), SQL_INTEGER, SQL_C_CHAR, 6, 0, OK, BB_OK, S("-1234"), 5),
	T(INT(-1234), SQL_INTEGER, SQL_C_CHAR, 5, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(INT(-1234), SQL_INTEGER, SQL_C_CHAR, 0, 0, INFO, BB_W_TRUNCATED, NONE,
	  5),
	T(INT(INT64_MIN), SQL_BIGINT, SQL_C_CHAR, 32, 0, OK, BB_OK,
	  S("-9223372036854775808"), 20),
	T(INT(42), SQL_INTEGER, SQL_C_WCHAR, 6, 0, OK, BB_OK, W(u"42"), 4),
	T(INT(42), SQL_INTEGER, SQL_C_WCHAR, 5, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(INT(42), SQL_WVARCHAR, SQL_C_CHAR, 3, 0, OK, BB_OK, S("42"), 2),
	T(DBL(1234.56), SQL_DOUBLE, SQL_C_CHAR, 8, 0, OK, BB_OK, S("1234.56"),
	  7),
	T(DBL(1234.56), SQL_DOUBLE, SQL_C_CHAR, 5, 0, INFO, BB_W_TRUNCATED,
	  S("1234"), 7),
	T(DBL(1234.56), SQL_DOUBLE, SQL_C_CHAR, 8, CONT, OK, BB_OK, S(".56"),
	  3),
	T(DBL(1234.56), SQL_DOUBLE, SQL_C_CHAR, 4, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(DBL(0.1), SQL_DOUBLE, SQL_C_CHAR, 32, 0, OK, BB_OK, S("0.1"), 3),
	T(DBL(1.5), SQL_DOUBLE, SQL_C_CHAR, 32, 0, OK, BB_OK, S("1.5"), 3),
	T(DBL(-0.5), SQL_DOUBLE, SQL_C_CHAR, 32, 0, OK, BB_OK, S("-0.5"), 4),
	T(DBL(1.0 / 3), SQL_DOUBLE, SQL_C_CHAR, 32, 0, OK, BB_OK,
	  S("0.3333333333333333"), 18),
	T(DBL(1e20), SQL_DOUBLE, SQL_C_CHAR, 6, 0, OK, BB_OK, S("1e+20"), 5),
	T(DBL(1e20), SQL_DOUBLE, SQL_C_CHAR, 5, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(DBL((double)0.1f), SQL_REAL, SQL_C_CHAR, 32, 0, OK, BB_OK, S("0.1"),
	  3),
	T(DBL(1.5), SQL_DOUBLE, SQL_C_WCHAR, 8, 0, OK, BB_OK, W(u"1.5"), 6),
	T(DBL(1.25), SQL_DOUBLE, SQL_C_WCHAR, 6, 0, INFO, BB_W_TRUNCATED,
	  W(u"1."), 8),
	T(INT(1), SQL_BIT, SQL_C_CHAR, 2, 0, OK, BB_OK, S("1"), 1),
	T(INT(1), SQL_BIT, SQL_C_CHAR, 1, 0, ERR, BB_E_RANGE, NONE, UNSET),

	/* Numbers to SQL_C_BINARY: the column's C image, all or 22003. */
	T(INT(258), SQL_INTEGER, SQL_C_BINARY, 4, 0, OK, BB_OK, I32(258), 4),
	T(INT(258), SQL_INTEGER, SQL_C_BINARY, 3, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(INT(258), SQL_SMALLINT, SQL_C_BINARY, 8, 0, OK, BB_OK, I16(258), 2),
	T(INT(258), SQL_BIGINT, SQL_C_BINARY, 8, 0, OK, BB_OK, I64(258), 8),
	T(DBL(2.5), SQL_DOUBLE, SQL_C_BINARY, 8, 0, OK, BB_OK, F64(2.5), 8),
	T(DBL(1.5), SQL_INTEGER, SQL_C_BINARY, 4, 0, INFO, BB_W_FRACTION,
	  I32(1), 4),
	T(INT(1LL << 40), SQL_INTEGER, SQL_C_BINARY, 8, 0, ERR, BB_E_RANGE,
	  NONE, UNSET),
	T(INT(42), SQL_VARCHAR, SQL_C_BINARY, 8, 0, OK, BB_OK, B("42"), 2),

	/* Integers to integers: the ranges of each C type. */
	T(INT(127), SQL_INTEGER, SQL_C_STINYINT, 0, 0, OK, BB_OK, I8(127), 1),
	T(INT(128), SQL_INTEGER, SQL_C_STINYINT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(INT(-128), SQL_INTEGER, SQL_C_STINYINT, 0, 0, OK, BB_OK, I8(-128), 1),
	T(INT(-129), SQL_INTEGER, SQL_C_STINYINT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(INT(-5), SQL_INTEGER, SQL_C_TINYINT, 0, 0, OK, BB_OK, I8(-5), 1),
	T(INT(255), SQL_INTEGER, SQL_C_UTINYINT, 0, 0, OK, BB_OK, U8(255), 1),
	T(INT(256), SQL_INTEGER, SQL_C_UTINYINT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(INT(-1), SQL_INTEGER, SQL_C_UTINYINT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(INT(32767), SQL_INTEGER, SQL_C_SSHORT, 0, 0, OK, BB_OK, I16(32767),
	  2),
	T(INT(-32769), SQL_INTEGER, SQL_C_SHORT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(INT(65535), SQL_INTEGER, SQL_C_USHORT, 0, 0, OK, BB_OK, U16(65535),
	  2),
	T(INT(65536), SQL_INTEGER, SQL_C_USHORT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(INT(2147483647), SQL_BIGINT, SQL_C_SLONG, 0, 0, OK, BB_OK,
	  I32(2147483647), 4),
	T(INT(2147483648), SQL_BIGINT, SQL_C_SLONG, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(INT(-2147483648LL), SQL_BIGINT, SQL_C_LONG, 0, 0, OK, BB_OK,
	  I32(INT32_MIN), 4),
	T(INT(4294967295LL), SQL_BIGINT, SQL_C_ULONG, 0, 0, OK, BB_OK,
	  U32(4294967295u), 4),
	T(INT(4294967296LL), SQL_BIGINT, SQL_C_ULONG, 0, 0, ERR, BB_E_RANGE,
	  NONE, UNSET),
	T(INT(INT64_MIN), SQL_BIGINT, SQL_C_SBIGINT, 0, 0, OK, BB_OK,
	  I64(INT64_MIN), 8),
	T(INT(INT64_MAX), SQL_BIGINT, SQL_C_UBIGINT, 0, 0, OK, BB_OK,
	  U64(INT64_MAX), 8),
	T(INT(-1), SQL_BIGINT, SQL_C_UBIGINT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),

	/* Doubles to integers: fraction 01S07, whole digits 22003. */
	T(DBL(1234.56), SQL_DOUBLE, SQL_C_SSHORT, 0, 0, INFO, BB_W_FRACTION,
	  I16(1234), 2),
	T(DBL(1234.56), SQL_DOUBLE, SQL_C_STINYINT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(DBL(1.2345678), SQL_DOUBLE, SQL_C_STINYINT, 0, 0, INFO, BB_W_FRACTION,
	  I8(1), 1),
	T(DBL(-2.0), SQL_DOUBLE, SQL_C_SLONG, 0, 0, OK, BB_OK, I32(-2), 4),
	T(DBL(-0.5), SQL_DOUBLE, SQL_C_UTINYINT, 0, 0, INFO, BB_W_FRACTION,
	  U8(0), 1),
	T(DBL(-1.5), SQL_DOUBLE, SQL_C_UTINYINT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(DBL(1e30), SQL_DOUBLE, SQL_C_SBIGINT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(DBL(9223372036854775808.0), SQL_DOUBLE, SQL_C_SBIGINT, 0, 0, ERR,
	  BB_E_RANGE, NONE, UNSET),
	T(DBL(9223372036854775808.0), SQL_DOUBLE, SQL_C_UBIGINT, 0, 0, OK,
	  BB_OK, U64(9223372036854775808ull), 8),
	T(DBL(INFINITY), SQL_DOUBLE, SQL_C_SLONG, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(DBL(NAN), SQL_DOUBLE, SQL_C_SLONG, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),

	/* Text to integers: numeric-literals only, spaces ignored. */
	T(TXT(" 42 "), SQL_VARCHAR, SQL_C_SLONG, 0, 0, OK, BB_OK, I32(42), 4),
	T(TXT("-7"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, OK, BB_OK, I32(-7), 4),
	T(TXT("+7"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, OK, BB_OK, I32(7), 4),
	T(TXT("12"), SQL_INTEGER, SQL_C_SLONG, 0, 0, OK, BB_OK, I32(12), 4),
	T(TXT("1.5"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, INFO, BB_W_FRACTION,
	  I32(1), 4),
	T(TXT("1.000"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, OK, BB_OK, I32(1), 4),
	T(TXT("1e3"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, OK, BB_OK, I32(1000), 4),
	T(TXT("1.5E1"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, OK, BB_OK, I32(15), 4),
	T(TXT("15e-1"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, INFO, BB_W_FRACTION,
	  I32(1), 4),
	T(TXT("+.5"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, INFO, BB_W_FRACTION,
	  I32(0), 4),
	T(TXT("5."), SQL_VARCHAR, SQL_C_SLONG, 0, 0, OK, BB_OK, I32(5), 4),
	T(TXT("-0"), SQL_VARCHAR, SQL_C_UBIGINT, 0, 0, OK, BB_OK, U64(0), 8),
	T(TXT("0e99999"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, OK, BB_OK, I32(0), 4),
	T(TXT("9223372036854775807"), SQL_VARCHAR, SQL_C_SBIGINT, 0, 0, OK,
	  BB_OK, I64(INT64_MAX), 8),
	T(TXT("-9223372036854775808"), SQL_VARCHAR, SQL_C_SBIGINT, 0, 0, OK,
	  BB_OK, I64(INT64_MIN), 8),
	T(TXT("9223372036854775808"), SQL_VARCHAR, SQL_C_SBIGINT, 0, 0, ERR,
	  BB_E_RANGE, NONE, UNSET),
	T(TXT("18446744073709551615"), SQL_VARCHAR, SQL_C_UBIGINT, 0, 0, OK,
	  BB_OK, U64(UINT64_MAX), 8),
	T(TXT("18446744073709551616"), SQL_VARCHAR, SQL_C_UBIGINT, 0, 0, ERR,
	  BB_E_RANGE, NONE, UNSET),
	T(TXT("1e400"), SQL_VARCHAR, SQL_C_SBIGINT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(TXT("300"), SQL_VARCHAR, SQL_C_UTINYINT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(TXT("abc"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, ERR, BB_E_CHAR_VALUE,
	  NONE, UNSET),
	T(TXT(""), SQL_VARCHAR, SQL_C_SLONG, 0, 0, ERR, BB_E_CHAR_VALUE, NONE,
	  UNSET),
	T(TXT("   "), SQL_VARCHAR, SQL_C_SLONG, 0, 0, ERR, BB_E_CHAR_VALUE,
	  NONE, UNSET),
	T(TXT("1 2"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, ERR, BB_E_CHAR_VALUE,
	  NONE, UNSET),
	T(TXT("0x10"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, ERR, BB_E_CHAR_VALUE,
	  NONE, UNSET),
	T(TXT("1e"), SQL_VARCHAR, SQL_C_SLONG, 0, 0, ERR, BB_E_CHAR_VALUE, NONE,
	  UNSET),
	T(TXT("."), SQL_VARCHAR, SQL_C_SLONG, 0, 0, ERR, BB_E_CHAR_VALUE, NONE,
	  UNSET),
	T(TXT("inf"), SQL_VARCHAR, SQL_C_DOUBLE, 0, 0, ERR, BB_E_CHAR_VALUE,
	  NONE, UNSET),

	/* SQL_C_BIT: 0 or 1; (0, 2) truncates; the rest is out of range. */
	T(INT(0), SQL_INTEGER, SQL_C_BIT, 0, 0, OK, BB_OK, U8(0), 1),
	T(INT(1), SQL_INTEGER, SQL_C_BIT, 0, 0, OK, BB_OK, U8(1), 1),
	T(INT(2), SQL_INTEGER, SQL_C_BIT, 0, 0, ERR, BB_E_RANGE, NONE, UNSET),
	T(INT(-1), SQL_INTEGER, SQL_C_BIT, 0, 0, ERR, BB_E_RANGE, NONE, UNSET),
	T(DBL(0.5), SQL_DOUBLE, SQL_C_BIT, 0, 0, INFO, BB_W_FRACTION, U8(0), 1),
	T(DBL(1.5), SQL_DOUBLE, SQL_C_BIT, 0, 0, INFO, BB_W_FRACTION, U8(1), 1),
	T(DBL(-0.5), SQL_DOUBLE, SQL_C_BIT, 0, 0, ERR, BB_E_RANGE, NONE, UNSET),
	T(DBL(2.0), SQL_DOUBLE, SQL_C_BIT, 0, 0, ERR, BB_E_RANGE, NONE, UNSET),
	T(TXT("1"), SQL_VARCHAR, SQL_C_BIT, 0, 0, OK, BB_OK, U8(1), 1),
	T(TXT("0"), SQL_VARCHAR, SQL_C_BIT, 0, 0, OK, BB_OK, U8(0), 1),
	T(TXT("1.5"), SQL_VARCHAR, SQL_C_BIT, 0, 0, INFO, BB_W_FRACTION, U8(1),
	  1),
	T(TXT("2"), SQL_VARCHAR, SQL_C_BIT, 0, 0, ERR, BB_E_RANGE, NONE, UNSET),
	T(TXT("yes"), SQL_VARCHAR, SQL_C_BIT, 0, 0, ERR, BB_E_CHAR_VALUE, NONE,
	  UNSET),

	/* Floating targets: 22003 beyond the type's range. */
	T(INT(3), SQL_INTEGER, SQL_C_DOUBLE, 0, 0, OK, BB_OK, F64(3.0), 8),
	T(INT(3), SQL_INTEGER, SQL_C_FLOAT, 0, 0, OK, BB_OK, F32(3.0f), 4),
	T(DBL(1.5), SQL_DOUBLE, SQL_C_FLOAT, 0, 0, OK, BB_OK, F32(1.5f), 4),
	T(DBL(1e300), SQL_DOUBLE, SQL_C_FLOAT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(DBL(-1e300), SQL_DOUBLE, SQL_C_FLOAT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(DBL(1e300), SQL_DOUBLE, SQL_C_DOUBLE, 0, 0, OK, BB_OK, F64(1e300), 8),
	T(TXT(" 2.5"), SQL_VARCHAR, SQL_C_DOUBLE, 0, 0, OK, BB_OK, F64(2.5), 8),
	T(TXT("-1.25e2"), SQL_VARCHAR, SQL_C_DOUBLE, 0, 0, OK, BB_OK,
	  F64(-125.0), 8),
	T(TXT("1e400"), SQL_VARCHAR, SQL_C_DOUBLE, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(TXT("1e39"), SQL_VARCHAR, SQL_C_FLOAT, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(TXT("x"), SQL_VARCHAR, SQL_C_DOUBLE, 0, 0, ERR, BB_E_CHAR_VALUE, NONE,
	  UNSET),

	/* SQL_C_NUMERIC: precision 38, scale 0, magnitude little-endian. */
	T(INT(-12345), SQL_INTEGER, SQL_C_NUMERIC, 0, 0, OK, BB_OK,
	  NUM(38, 0, 0, {0x39, 0x30}), 19),
	T(INT(0), SQL_INTEGER, SQL_C_NUMERIC, 0, 0, OK, BB_OK,
	  NUM(38, 0, 1, {0}), 19),
	T(TXT("123.45"), SQL_VARCHAR, SQL_C_NUMERIC, 0, 0, INFO, BB_W_FRACTION,
	  NUM(38, 0, 1, {123}), 19),
	T(DBL(-2.75), SQL_DOUBLE, SQL_C_NUMERIC, 0, 0, INFO, BB_W_FRACTION,
	  NUM(38, 0, 0, {2}), 19),
	T(DBL(18446744073709551616.0), SQL_DOUBLE, SQL_C_NUMERIC, 0, 0, OK,
	  BB_OK, NUM(38, 0, 1, {0, 0, 0, 0, 0, 0, 0, 0, 1}), 19),
	T(TXT("99999999999999999999999999999999999999"), SQL_VARCHAR,
	  SQL_C_NUMERIC, 0, 0, OK, BB_OK,
	  NUM(38, 0, 1,
	      {0xff, 0xff, 0xff, 0xff, 0x3f, 0x22, 0x8a, 0x09, 0x7a, 0xc4, 0x86,
	       0x5a, 0xa8, 0x4c, 0x3b, 0x4b}),
	  19),
	T(TXT("999999999999999999999999999999999999999"), SQL_VARCHAR,
	  SQL_C_NUMERIC, 0, 0, ERR, BB_E_RANGE, NONE, UNSET),
	T(DBL(1e39), SQL_DOUBLE, SQL_C_NUMERIC, 0, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(TXT("n/a"), SQL_VARCHAR, SQL_C_NUMERIC, 0, 0, ERR, BB_E_CHAR_VALUE,
	  NONE, UNSET),

	/* Timestamps: fractions of 0, 3, 6, 9 and 10 digits. */
	T(TXT("2024-01-02 03:04:05"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP,
	  0, 0, OK, BB_OK, TS(2024, 1, 2, 3, 4, 5, 0), 16),
	T(TXT("2024-01-02 03:04:05.123"), SQL_TYPE_TIMESTAMP,
	  SQL_C_TYPE_TIMESTAMP, 0, 0, OK, BB_OK,
	  TS(2024, 1, 2, 3, 4, 5, 123000000), 16),
	T(TXT("2024-02-29 13:45:59.123456"), SQL_TYPE_TIMESTAMP,
	  SQL_C_TYPE_TIMESTAMP, 0, 0, OK, BB_OK,
	  TS(2024, 2, 29, 13, 45, 59, 123456000), 16),
	T(TXT("2024-01-02 03:04:05.123456789"), SQL_TYPE_TIMESTAMP,
	  SQL_C_TIMESTAMP, 0, 0, OK, BB_OK, TS(2024, 1, 2, 3, 4, 5, 123456789),
	  16),
	T(TXT("2024-01-02 03:04:05.1234567891"), SQL_TYPE_TIMESTAMP,
	  SQL_C_TYPE_TIMESTAMP, 0, 0, INFO, BB_W_FRACTION,
	  TS(2024, 1, 2, 3, 4, 5, 123456789), 16),
	T(TXT("2024-01-02 03:04:05.1234567890"), SQL_TYPE_TIMESTAMP,
	  SQL_C_TYPE_TIMESTAMP, 0, 0, OK, BB_OK,
	  TS(2024, 1, 2, 3, 4, 5, 123456789), 16),
	T(TXT("2024-01-02T03:04:05.5"), SQL_TYPE_TIMESTAMP,
	  SQL_C_TYPE_TIMESTAMP, 0, 0, OK, BB_OK,
	  TS(2024, 1, 2, 3, 4, 5, 500000000), 16),
	T(TXT("2024-01-02"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, 0, 0, OK,
	  BB_OK, TS(2024, 1, 2, 0, 0, 0, 0), 16),
	T(TXT(" 2024-01-02 03:04:05 "), SQL_VARCHAR, SQL_C_TYPE_TIMESTAMP, 0, 0,
	  OK, BB_OK, TS(2024, 1, 2, 3, 4, 5, 0), 16),
	T(TXT("2024-01-02 03:04:05"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP,
	  0, CONT, NODATA, BB_OK, NONE, UNSET),

	/* Date and time from a timestamp. */
	T(TXT("2024-01-02 00:00:00"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_DATE, 0, 0,
	  OK, BB_OK, DATE(2024, 1, 2), 6),
	T(TXT("2024-01-02 03:04:05"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_DATE, 0, 0,
	  INFO, BB_W_FRACTION, DATE(2024, 1, 2), 6),
	T(TXT("2024-01-02 00:00:00.001"), SQL_TYPE_TIMESTAMP, SQL_C_DATE, 0, 0,
	  INFO, BB_W_FRACTION, DATE(2024, 1, 2), 6),
	T(TXT("2024-01-02"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_DATE, 0, 0, OK,
	  BB_OK, DATE(2024, 1, 2), 6),
	T(TXT("2024-01-02 03:04:05"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIME, 0, 0,
	  OK, BB_OK, TIME(3, 4, 5), 6),
	T(TXT("2024-01-02 03:04:05.5"), SQL_TYPE_TIMESTAMP, SQL_C_TIME, 0, 0,
	  INFO, BB_W_FRACTION, TIME(3, 4, 5), 6),
	T(TXT("2024-01-02"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIME, 0, 0, OK,
	  BB_OK, TIME(0, 0, 0), 6),

	/* Character data as dates and times. */
	T(TXT("12:34:56"), SQL_VARCHAR, SQL_C_TYPE_TIME, 0, 0, OK, BB_OK,
	  TIME(12, 34, 56), 6),
	T(TXT("12:34:56"), SQL_VARCHAR, SQL_C_TYPE_DATE, 0, 0, ERR,
	  BB_E_CHAR_VALUE, NONE, UNSET),
	T(TXT("2024-01-02"), SQL_VARCHAR, SQL_C_TYPE_TIME, 0, 0, ERR,
	  BB_E_CHAR_VALUE, NONE, UNSET),
	T(TXT("2024-01-02"), SQL_VARCHAR, SQL_C_TYPE_TIMESTAMP, 0, 0, OK, BB_OK,
	  TS(2024, 1, 2, 0, 0, 0, 0), 16),
	T(TXT("2023-02-29 00:00:00"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP,
	  0, 0, ERR, BB_E_DATETIME, NONE, UNSET),
	T(TXT("2024-13-01"), SQL_VARCHAR, SQL_C_TYPE_DATE, 0, 0, ERR,
	  BB_E_DATETIME, NONE, UNSET),
	T(TXT("2024-04-31"), SQL_VARCHAR, SQL_C_TYPE_DATE, 0, 0, ERR,
	  BB_E_DATETIME, NONE, UNSET),
	T(TXT("2024-01-01 24:00:00"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP,
	  0, 0, ERR, BB_E_DATETIME, NONE, UNSET),
	T(TXT("2024-01-01 23:59:60"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP,
	  0, 0, OK, BB_OK, TS(2024, 1, 1, 23, 59, 60, 0), 16),
	T(TXT("not a date"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, 0, 0,
	  ERR, BB_E_CHAR_VALUE, NONE, UNSET),
	T(TXT("2024/01/02"), SQL_VARCHAR, SQL_C_TYPE_DATE, 0, 0, ERR,
	  BB_E_CHAR_VALUE, NONE, UNSET),
	T(TXT("2024-01-02 03:04"), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, 0,
	  0, ERR, BB_E_CHAR_VALUE, NONE, UNSET),
	T(TXT(""), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, 0, 0, ERR,
	  BB_E_CHAR_VALUE, NONE, UNSET),
	T(INT(5), SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, 0, 0, ERR,
	  BB_E_CHAR_VALUE, NONE, UNSET),
	T(INT(5), SQL_INTEGER, SQL_C_TYPE_TIMESTAMP, 0, 0, ERR, BB_E_RESTRICTED,
	  NONE, UNSET),

	/* Datetime columns: what the spec's tables allow. */
	T(TXT("2024-01-02"), SQL_TYPE_DATE, SQL_C_TYPE_TIME, 0, 0, ERR,
	  BB_E_RESTRICTED, NONE, UNSET),
	T(TXT("12:34:56"), SQL_TYPE_TIME, SQL_C_TYPE_DATE, 0, 0, ERR,
	  BB_E_RESTRICTED, NONE, UNSET),
	T(TXT("2024-01-02 03:04:05"), SQL_TYPE_TIMESTAMP, SQL_C_SLONG, 0, 0,
	  ERR, BB_E_RESTRICTED, NONE, UNSET),
	T(TXT("2024-01-02 03:04:05"), SQL_TYPE_TIMESTAMP, SQL_C_GUID, 0, 0, ERR,
	  BB_E_RESTRICTED, NONE, UNSET),
	T(TXT("2024-01-02 03:04:05"), SQL_TYPE_TIMESTAMP, SQL_C_BIT, 0, 0, ERR,
	  BB_E_RESTRICTED, NONE, UNSET),

	/* Datetimes to character: the whole part must fit, 22003 else. */
	T(TXT("2024-01-02 03:04:05.123456"), SQL_TYPE_TIMESTAMP, SQL_C_CHAR, 27,
	  0, OK, BB_OK, S("2024-01-02 03:04:05.123456"), 26),
	T(TXT("2024-01-02 03:04:05.123456"), SQL_TYPE_TIMESTAMP, SQL_C_CHAR, 20,
	  0, INFO, BB_W_TRUNCATED, S("2024-01-02 03:04:05"), 26),
	T(TXT("2024-01-02 03:04:05.123456"), SQL_TYPE_TIMESTAMP, SQL_C_CHAR, 20,
	  CONT, OK, BB_OK, S(".123456"), 7),
	T(TXT("2024-01-02 03:04:05.123456"), SQL_TYPE_TIMESTAMP, SQL_C_CHAR, 19,
	  0, ERR, BB_E_RANGE, NONE, UNSET),
	T(TXT("2024-01-02 03:04:05.123456"), SQL_TYPE_TIMESTAMP, SQL_C_CHAR, 0,
	  0, INFO, BB_W_TRUNCATED, NONE, 26),
	T(TXT("2024-01-02"), SQL_TYPE_TIMESTAMP, SQL_C_CHAR, 32, 0, OK, BB_OK,
	  S("2024-01-02 00:00:00"), 19),
	T(TXT("2024-01-02T03:04:05"), SQL_TYPE_TIMESTAMP, SQL_C_CHAR, 32, 0, OK,
	  BB_OK, S("2024-01-02 03:04:05"), 19),
	T(TXT("whenever"), SQL_TYPE_TIMESTAMP, SQL_C_CHAR, 32, 0, OK, BB_OK,
	  S("whenever"), 8),
	T(TXT("2024-01-02 03:04:05.123"), SQL_TYPE_TIMESTAMP, SQL_C_WCHAR, 48,
	  0, OK, BB_OK, W(u"2024-01-02 03:04:05.123"), 46),
	T(TXT("2024-01-02 03:04:05.123"), SQL_TYPE_TIMESTAMP, SQL_C_WCHAR, 40,
	  0, INFO, BB_W_TRUNCATED, W(u"2024-01-02 03:04:05"), 46),
	T(TXT("2024-01-02 03:04:05.123"), SQL_TYPE_TIMESTAMP, SQL_C_WCHAR, 39,
	  0, ERR, BB_E_RANGE, NONE, UNSET),
	T(TXT("2024-01-02"), SQL_TYPE_DATE, SQL_C_CHAR, 11, 0, OK, BB_OK,
	  S("2024-01-02"), 10),
	T(TXT("2024-01-02"), SQL_TYPE_DATE, SQL_C_CHAR, 10, 0, ERR, BB_E_RANGE,
	  NONE, UNSET),
	T(TXT("12:34:56"), SQL_TYPE_TIME, SQL_C_CHAR, 9, 0, OK, BB_OK,
	  S("12:34:56"), 8),
	T(TXT("12:34:56"), SQL_TYPE_TIME, SQL_C_CHAR, 8, 0, ERR, BB_E_RANGE,
	  NONE, UNSET),
	T(TXT("2024-01-02 03:04:05"), SQL_TYPE_TIMESTAMP, SQL_C_BINARY, 16, 0,
	  OK, BB_OK, TS(2024, 1, 2, 3, 4, 5, 0), 16),
	T(TXT("2024-01-02 03:04:05"), SQL_TYPE_TIMESTAMP, SQL_C_BINARY, 15, 0,
	  ERR, BB_E_RANGE, NONE, UNSET),
	T(TXT("2024-01-02"), SQL_TYPE_DATE, SQL_C_BINARY, 6, 0, OK, BB_OK,
	  DATE(2024, 1, 2), 6),

	/* GUIDs, with and without braces. */
	T(TXT("{" GUID_TXT "}"), SQL_GUID, SQL_C_GUID, 0, 0, OK, BB_OK, GUIDV,
	  16),
	T(TXT(GUID_TXT), SQL_GUID, SQL_C_GUID, 0, 0, OK, BB_OK, GUIDV, 16),
	T(TXT("7DD600E6-0D9C-4801-B967-CB4CC17359FF"), SQL_VARCHAR, SQL_C_GUID,
	  0, 0, OK, BB_OK, GUIDV, 16),
	T(TXT("7dd600e6-0d9c-4801-b967-cb4cc17359f"), SQL_GUID, SQL_C_GUID, 0,
	  0, ERR, BB_E_CHAR_VALUE, NONE, UNSET),
	T(TXT("{7dd600e6-0d9c-4801-b967-cb4cc17359fg}"), SQL_GUID, SQL_C_GUID,
	  0, 0, ERR, BB_E_CHAR_VALUE, NONE, UNSET),
	T(TXT("{" GUID_TXT), SQL_VARCHAR, SQL_C_GUID, 0, 0, ERR,
	  BB_E_CHAR_VALUE, NONE, UNSET),
	T(TXT("7dd600e6x0d9c-4801-b967-cb4cc17359ff"), SQL_VARCHAR, SQL_C_GUID,
	  0, 0, ERR, BB_E_CHAR_VALUE, NONE, UNSET),
	T(INT(5), SQL_INTEGER, SQL_C_GUID, 0, 0, ERR, BB_E_RESTRICTED, NONE,
	  UNSET),
	T(TXT("{" GUID_TXT "}"), SQL_GUID, SQL_C_CHAR, 37, 0, OK, BB_OK,
	  S(GUID_TXT), 36),
	T(TXT(GUID_TXT), SQL_GUID, SQL_C_CHAR, 36, 0, ERR, BB_E_RANGE, NONE,
	  UNSET),
	T(TXT(GUID_TXT), SQL_GUID, SQL_C_BINARY, 16, 0, OK, BB_OK, GUIDV, 16),
	T(TXT(GUID_TXT), SQL_GUID, SQL_C_SLONG, 0, 0, ERR, BB_E_RESTRICTED,
	  NONE, UNSET),
};

static void run_case(const tcase *c, size_t *offset)
{
	SQLSMALLINT ct =
		c->ctype == SQL_C_DEFAULT ? bb_default_ctype(c->sql) : c->ctype;
	SQLLEN size = bb_ctype_size(ct);
	size_t alloc = (size_t)(size ? size : c->buflen > 0 ? c->buflen : 1);
	unsigned char *buf = malloc(alloc);
	SQLLEN ind = UNSET;
	bb_cond cond = BB_E_COND_COUNT;
	bb_conv_rc rc;
	int failures = check_failures;

	if (!buf) {
		CHECK(!"out of memory");
		return;
	}
	memset(buf, 0xAA, alloc);
	if (!(c->flags & CONT))
		*offset = 0;
	rc = bb_convert(&c->cell, c->sql, c->ctype,
			c->flags & NOTARGET ? NULL : buf, c->buflen,
			c->flags & NOIND ? NULL : &ind, offset, &cond);
	CHECK_INT(rc, c->rc);
	if (rc == BB_CONV_OK || rc == BB_CONV_NO_DATA)
		CHECK_INT(cond, BB_OK);
	else
		CHECK_INT(cond, c->cond);
	CHECK_INT(ind, c->ind);
	if (c->want) {
		CHECK(c->want_len <= alloc);
		CHECK(c->want_len <= alloc &&
		      memcmp(buf, c->want, c->want_len) == 0);
	}
	if (rc == BB_CONV_ERROR || rc == BB_CONV_NO_DATA)
		CHECK(buf[0] == 0xAA);
	if (check_failures != failures)
		fprintf(stderr, "  ^ case at line %d\n", c->line);
	free(buf);
}

/* A long value read in pieces comes back whole, in both encodings. */
static void test_long_pieces(void)
{
	const size_t n = 100000;
	char *text = malloc(n);
	char piece[4096];
	SQLWCHAR wpiece[1000];
	bb_buf got;
	size_t i, off = 0, units = 0;
	SQLLEN ind;
	bb_cond cond;
	bb_conv_rc rc;
	int calls = 0;

	if (!text)
		return;
	/* "é" then ASCII, so pieces end mid-sequence and mid-pattern. */
	for (i = 0; i + 2 <= n; i += 2) {
		text[i] = (char)0xC3;
		text[i + 1] = (char)0xA9;
	}
	bb_buf_init(&got);
	bb_cell cell = {.kind = BB_CELL_TEXT, .text = text, .len = n};

	while ((rc = bb_convert(&cell, SQL_WLONGVARCHAR, SQL_C_CHAR, piece,
				sizeof(piece), &ind, &off, &cond)) !=
		       BB_CONV_NO_DATA &&
	       calls++ < 1000) {
		CHECK(rc == BB_CONV_OK || rc == BB_CONV_INFO);
		CHECK_INT(ind, (SQLLEN)(n - got.len));
		bb_buf_append(&got, piece, strlen(piece));
	}
	CHECK_INT(got.len, n);
	CHECK(got.len == n && memcmp(got.data, text, n) == 0);

	off = 0;
	calls = 0;
	while ((rc = bb_convert(&cell, SQL_WLONGVARCHAR, SQL_C_WCHAR, wpiece,
				sizeof(wpiece) - 1, &ind, &off, &cond)) !=
		       BB_CONV_NO_DATA &&
	       calls++ < 1000) {
		size_t k;

		CHECK_INT(ind, (SQLLEN)((n / 2 - units) * 2));
		for (k = 0; wpiece[k]; k++)
			CHECK(wpiece[k] == 0xE9);
		units += k;
	}
	CHECK_INT(units, n / 2);
	bb_buf_free(&got);
	free(text);
}

/* A time alone becomes today's timestamp: only the clock is checked. */
static void test_time_to_timestamp(void)
{
	bb_cell cell = {.kind = BB_CELL_TEXT, .text = "12:34:56.5", .len = 10};
	SQL_TIMESTAMP_STRUCT ts;
	SQLLEN ind = 0;
	size_t off = 0;
	bb_cond cond;

	CHECK_INT(bb_convert(&cell, SQL_VARCHAR, SQL_C_TYPE_TIMESTAMP, &ts, 0,
			     &ind, &off, &cond),
		  BB_CONV_OK);
	CHECK(ts.year >= 2024 && ts.month >= 1 && ts.month <= 12);
	CHECK(ts.day >= 1 && ts.day <= 31);
	CHECK_INT(ts.hour, 12);
	CHECK_INT(ts.minute, 34);
	CHECK_INT(ts.second, 56);
	CHECK_INT(ts.fraction, 500000000);
}

static void test_defaults(void)
{
	CHECK_INT(bb_default_ctype(SQL_WVARCHAR), SQL_C_WCHAR);
	CHECK_INT(bb_default_ctype(SQL_WLONGVARCHAR), SQL_C_WCHAR);
	CHECK_INT(bb_default_ctype(SQL_WCHAR), SQL_C_WCHAR);
	CHECK_INT(bb_default_ctype(SQL_VARCHAR), SQL_C_CHAR);
	CHECK_INT(bb_default_ctype(SQL_CHAR), SQL_C_CHAR);
	CHECK_INT(bb_default_ctype(SQL_LONGVARCHAR), SQL_C_CHAR);
	CHECK_INT(bb_default_ctype(SQL_DECIMAL), SQL_C_CHAR);
	CHECK_INT(bb_default_ctype(SQL_INTEGER), SQL_C_SLONG);
	CHECK_INT(bb_default_ctype(SQL_SMALLINT), SQL_C_SSHORT);
	CHECK_INT(bb_default_ctype(SQL_TINYINT), SQL_C_STINYINT);
	CHECK_INT(bb_default_ctype(SQL_BIGINT), SQL_C_SBIGINT);
	CHECK_INT(bb_default_ctype(SQL_BIT), SQL_C_BIT);
	CHECK_INT(bb_default_ctype(SQL_DOUBLE), SQL_C_DOUBLE);
	CHECK_INT(bb_default_ctype(SQL_FLOAT), SQL_C_DOUBLE);
	CHECK_INT(bb_default_ctype(SQL_REAL), SQL_C_FLOAT);
	CHECK_INT(bb_default_ctype(SQL_TYPE_TIMESTAMP), SQL_C_TYPE_TIMESTAMP);
	CHECK_INT(bb_default_ctype(SQL_TYPE_DATE), SQL_C_TYPE_DATE);
	CHECK_INT(bb_default_ctype(SQL_TYPE_TIME), SQL_C_TYPE_TIME);
	CHECK_INT(bb_default_ctype(SQL_BINARY), SQL_C_BINARY);
	CHECK_INT(bb_default_ctype(SQL_VARBINARY), SQL_C_BINARY);
	CHECK_INT(bb_default_ctype(SQL_LONGVARBINARY), SQL_C_BINARY);
	CHECK_INT(bb_default_ctype(SQL_GUID), SQL_C_GUID);

	CHECK_INT(bb_ctype_size(SQL_C_CHAR), 0);
	CHECK_INT(bb_ctype_size(SQL_C_WCHAR), 0);
	CHECK_INT(bb_ctype_size(SQL_C_BINARY), 0);
	CHECK_INT(bb_ctype_size(SQL_C_SLONG), 4);
	CHECK_INT(bb_ctype_size(SQL_C_SBIGINT), 8);
	CHECK_INT(bb_ctype_size(SQL_C_TYPE_TIMESTAMP), 16);
	CHECK_INT(bb_ctype_size(SQL_C_NUMERIC), 19);
	CHECK_INT(bb_ctype_size(SQL_C_GUID), 16);
	CHECK_INT(bb_ctype_size(9999), 0);
}

/*
 * Any cell, any C type, any buffer: no crash, no write past the buffer
 * (ASan watches), a read always ends, and a piece never claims more
 * than was left.
 */
static void test_fuzz(void)
{
	static const char *const texts[] = {
		"",
		" ",
		"0",
		"1",
		"-1",
		"1.5",
		"1e308",
		"1e-400",
		"-",
		"+.",
		"\xFF\xFE",
		"\xF0\x9F\x98",
		MIXED,
		"2024-02-29",
		"12:00:00",
		"2024-01-02 03:04:05.123456789123",
		"9999-12-31 23:59:61",
		"0000-00-00",
		"{" GUID_TXT "}",
		"999999999999999999999999999999",
		"1e99999999999999999999",
		"  42  ",
		"\0abc",
	};
	static const SQLSMALLINT sqls[] = {
		SQL_WVARCHAR,  SQL_VARCHAR,
		SQL_INTEGER,   SQL_BIGINT,
		SQL_BIT,       SQL_DOUBLE,
		SQL_REAL,      SQL_TYPE_TIMESTAMP,
		SQL_TYPE_DATE, SQL_TYPE_TIME,
		SQL_GUID,      SQL_VARBINARY,
		SQL_NUMERIC,   0,
	};
	static const SQLSMALLINT cts[] = {
		SQL_C_CHAR,         SQL_C_WCHAR,
		SQL_C_BINARY,       SQL_C_BIT,
		SQL_C_STINYINT,     SQL_C_UTINYINT,
		SQL_C_SSHORT,       SQL_C_ULONG,
		SQL_C_SBIGINT,      SQL_C_UBIGINT,
		SQL_C_FLOAT,        SQL_C_DOUBLE,
		SQL_C_NUMERIC,      SQL_C_TYPE_DATE,
		SQL_C_TYPE_TIME,    SQL_C_TYPE_TIMESTAMP,
		SQL_C_GUID,         SQL_C_DEFAULT,
		SQL_C_INTERVAL_DAY, 77,
	};
	static const double dbls[] = {0,      -0.0, 1.5,      -1e300,
				      1e-310, 3e38, INFINITY, NAN};
	unsigned seed = 12345;
	int iter;

	for (iter = 0; iter < 20000; iter++) {
		bb_cell cell = {.kind = BB_CELL_NULL};
		SQLSMALLINT sql, ct;
		SQLLEN buflen, ind, last = -1;
		size_t off = 0, tl;
		unsigned r;
		int calls;

		seed = seed * 1103515245u + 12345u;
		r = seed >> 8;
		sql = sqls[r % BB_ARRAY_LEN(sqls)];
		ct = cts[(r / 16) % BB_ARRAY_LEN(cts)];
		buflen = (SQLLEN)((r / 512) % 41);
		switch ((r / 32768) % 5) {
		case 0:
			cell.kind = BB_CELL_INT;
			cell.i = (int64_t)((uint64_t)seed * 2654435761u -
					   (r & 1 ? (uint64_t)INT64_MAX : 0));
			break;
		case 1:
			cell.kind = BB_CELL_DOUBLE;
			cell.d = dbls[r % BB_ARRAY_LEN(dbls)];
			break;
		case 2:
		case 3:
			tl = (r / 7) % BB_ARRAY_LEN(texts);
			cell.kind = r & 2 ? BB_CELL_TEXT : BB_CELL_BLOB;
			cell.text = texts[tl];
			/* The last text holds a NUL inside. */
			cell.len = tl == BB_ARRAY_LEN(texts) - 1
					   ? 4
					   : strlen(texts[tl]);
			break;
		default:
			break;
		}
		for (calls = 0; calls < 100; calls++) {
			SQLSMALLINT rct = ct == SQL_C_DEFAULT
						  ? bb_default_ctype(sql)
						  : ct;
			SQLLEN size = bb_ctype_size(rct);
			size_t alloc = size         ? (size_t)size
				       : buflen > 0 ? (size_t)buflen
						    : 1;
			unsigned char *buf;
			size_t before;
			bb_conv_rc rc;
			bb_cond cond;

			buf = malloc(alloc);
			if (!buf)
				return;
			ind = UNSET;
			before = off;
			rc = bb_convert(&cell, sql, ct, buf, buflen, &ind, &off,
					&cond);
			free(buf);
			if (rc == BB_CONV_NO_DATA || rc == BB_CONV_ERROR)
				break;
			if (ind >= 0 && last >= 0)
				CHECK(ind <= last);
			last = ind;
			/* A buffer too small for the next character (or a
			 * surrogate pair) makes no progress: stop there. */
			if (rc == BB_CONV_INFO && off == before)
				break;
		}
		CHECK(calls < 100);
	}
}

/* An emoji (a surrogate pair in UTF-16) read into a buffer that holds
 * one unit and the terminator: the pair is split across two calls
 * rather than never progressing (a reader that loops on 01004 hung). */
static void test_surrogate_in_tiny_buffer(void)
{
	const char *text = "a\xF0\x9F\x98\x80";
	bb_cell cell = {.kind = BB_CELL_TEXT, .text = text, .len = 5};
	SQLWCHAR want[] = {'a', 0xD83D, 0xDE00}, piece[2];
	size_t off = 0, k = 0;
	SQLLEN ind;
	bb_cond cond;
	bb_conv_rc rc;

	while ((rc = bb_convert(&cell, SQL_WVARCHAR, SQL_C_WCHAR, piece,
				sizeof(piece), &ind, &off, &cond)) !=
		       BB_CONV_NO_DATA &&
	       k < 10) {
		CHECK(rc == (k < 2 ? BB_CONV_INFO : BB_CONV_OK));
		CHECK_INT(ind, (SQLLEN)((3 - k) * sizeof(SQLWCHAR)));
		CHECK(k < 3 && piece[0] == want[k] && piece[1] == 0);
		k++;
	}
	CHECK_INT(k, 3);
}

int main(void)
{
	size_t offset = 0;
	size_t i;

	for (i = 0; i < BB_ARRAY_LEN(cases); i++)
		run_case(&cases[i], &offset);
	test_long_pieces();
	test_surrogate_in_tiny_buffer();
	test_time_to_timestamp();
	test_defaults();
	test_fuzz();
	printf("%zu table cases\n", BB_ARRAY_LEN(cases));
	return CHECK_DONE();
}
