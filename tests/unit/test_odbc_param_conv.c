/*
 * test_odbc_param_conv.c - bb_param_bind_value(), the C-to-SQL
 * conversion of one parameter, without a driver manager.
 *
 * One table row per value: C type, SQL type, the value's bytes and
 * length, and either what SQLite's quote() shows of the bound value or
 * the condition expected. Each value is copied to an odd address first,
 * as packed row-wise buffers hand them over.
 */
#include "util/setup.h"
#include "odbc/params.h"
#include "check.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>

typedef struct pcase {
	int line;
	SQLSMALLINT ctype, sql_type;
	const void *value;
	size_t size;      /* bytes of value */
	SQLLEN len;       /* the indicator */
	const char *want; /* quote() of the bound value, or NULL */
	bb_cond cond;     /* the failure, when want is NULL */
} pcase;

static const SQL_NUMERIC_STRUCT n_neg = {10, 3, 0, {0x40, 0xE2, 0x01}};
static const SQL_NUMERIC_STRUCT n_small = {10, 3, 1, {5}};
static const SQL_NUMERIC_STRUCT n_negscale = {10, (SQLSCHAR)-2, 1, {12}};
static const SQL_NUMERIC_STRUCT n_zero = {10, 0, 0, {0}};
static const SQLUBIGINT u_max = 18446744073709551615ULL;
static const SQLSCHAR s8 = -128;
static const SQLINTEGER i300 = 300, i2 = 2;
static const SQLDOUBLE d_big = 1e39, d_nan = NAN, d_int = 7.0;
static const SQL_TIME_STRUCT noon = {12, 0, 0};
static const SQL_TIMESTAMP_STRUCT ts_frac = {2024, 1, 31, 0, 0, 0, 5000000};
static const SQLWCHAR w_umlaut[] = {'f', 0xFC, 'r', 0};

#define V(x) &(x), sizeof(x)
#define S(x) (x), sizeof(x) - 1

static const pcase cases[] = {
	{__LINE__, SQL_C_NUMERIC, SQL_VARCHAR, V(n_neg), 0, "'-123.456'",
	 BB_OK},
	{__LINE__, SQL_C_NUMERIC, SQL_VARCHAR, V(n_small), 0, "'0.005'", BB_OK},
	{__LINE__, SQL_C_NUMERIC, SQL_VARCHAR, V(n_negscale), 0, "'1200'",
	 BB_OK},
	{__LINE__, SQL_C_NUMERIC, SQL_INTEGER, V(n_negscale), 0, "1200", BB_OK},
	{__LINE__, SQL_C_NUMERIC, SQL_VARCHAR, V(n_zero), 0, "'0'", BB_OK},
	{__LINE__, SQL_C_NUMERIC, SQL_INTEGER, V(n_small), 0, NULL,
	 BB_E_TRUNCATED},
	{__LINE__, SQL_C_UBIGINT, SQL_BIGINT, V(u_max), 0, NULL, BB_E_RANGE},
	{__LINE__, SQL_C_STINYINT, SQL_SMALLINT, V(s8), 0, "-128", BB_OK},
	{__LINE__, SQL_C_SLONG, SQL_TINYINT, V(i300), 0, NULL, BB_E_RANGE},
	{__LINE__, SQL_C_SLONG, SQL_BIT, V(i2), 0, NULL, BB_E_RANGE},
	{__LINE__, SQL_C_DOUBLE, SQL_REAL, V(d_big), 0, NULL, BB_E_RANGE},
	{__LINE__, SQL_C_DOUBLE, SQL_DOUBLE, V(d_nan), 0, NULL, BB_E_RANGE},
	{__LINE__, SQL_C_DOUBLE, SQL_BIGINT, V(d_int), 0, "7", BB_OK},
	{__LINE__, SQL_C_DOUBLE, SQL_DECIMAL, V(d_int), 0, "7.0", BB_OK},
	{__LINE__, SQL_C_CHAR, SQL_INTEGER, S(" 1e3 "), SQL_NTS, "1000", BB_OK},
	{__LINE__, SQL_C_CHAR, SQL_DECIMAL, S("12.50"), SQL_NTS, "12.5", BB_OK},
	{__LINE__, SQL_C_CHAR, SQL_DECIMAL, S("12"), SQL_NTS, "12", BB_OK},
	{__LINE__, SQL_C_CHAR, SQL_BIGINT, S("99999999999999999999"), SQL_NTS,
	 NULL, BB_E_RANGE},
	{__LINE__, SQL_C_CHAR, SQL_VARCHAR, S("abcdef"), 3, "'abc'", BB_OK},
	{__LINE__, SQL_C_CHAR, SQL_VARCHAR, S("x"), -7, NULL, BB_E_BAD_LENGTH},
	{__LINE__, SQL_C_WCHAR, SQL_WVARCHAR, V(w_umlaut), SQL_NTS, "'für'",
	 BB_OK},
	{__LINE__, SQL_C_WCHAR, SQL_WVARCHAR, V(w_umlaut), 2 * sizeof(SQLWCHAR),
	 "'fü'", BB_OK},
	{__LINE__, SQL_C_CHAR, SQL_TYPE_TIME, S("10:11:12"), SQL_NTS,
	 "'10:11:12'", BB_OK},
	{__LINE__, SQL_C_CHAR, SQL_TYPE_DATE, S("2024-01-31 10:00:00"), SQL_NTS,
	 NULL, BB_E_DATETIME_RANGE},
	{__LINE__, SQL_C_CHAR, SQL_TYPE_DATE, S("yesterday"), SQL_NTS, NULL,
	 BB_E_DATETIME},
	{__LINE__, SQL_C_TYPE_TIME, SQL_TYPE_DATE, V(noon), 0, NULL,
	 BB_E_RESTRICTED},
	{__LINE__, SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIME, V(ts_frac), 0, NULL,
	 BB_E_DATETIME_RANGE},
	{__LINE__, SQL_C_CHAR, SQL_VARBINARY, S("abc"), SQL_NTS, NULL,
	 BB_E_CHAR_VALUE},
	{__LINE__, SQL_C_CHAR, SQL_VARBINARY, S("00ff"), SQL_NTS, "X'00FF'",
	 BB_OK},
	{__LINE__, SQL_C_SLONG, SQL_VARBINARY, V(i2), 0, "X'02000000'", BB_OK},
	{__LINE__, SQL_C_BINARY, SQL_VARBINARY, S("ab"), SQL_NTS, NULL,
	 BB_E_BAD_LENGTH},
	{__LINE__, SQL_C_INTERVAL_DAY, SQL_VARCHAR, V(i2), 0, NULL,
	 BB_E_RESTRICTED},
	{__LINE__, (SQLSMALLINT)4242, SQL_VARCHAR, V(i2), 0, NULL,
	 BB_E_BAD_CTYPE},
	{__LINE__, SQL_C_SLONG, SQL_INTEGER, V(i2), SQL_NULL_DATA, "NULL",
	 BB_OK},
	{__LINE__, SQL_C_SLONG, SQL_INTEGER, NULL, 0, 0, NULL, BB_E_NULL_PTR},
};

static void run_case(sqlite3 *db, const pcase *c)
{
	sqlite3_stmt *st = NULL;
	char *odd = malloc(c->size + 2);
	const void *ptr = NULL;
	const char *got;
	bb_err err;
	bool ok;

	/* An odd address: every fixed-size read must cope with it. */
	if (c->value) {
		memcpy(odd + 1, c->value, c->size);
		odd[c->size + 1] = '\0';
		ptr = odd + 1;
	}
	sqlite3_prepare_v2(db, "SELECT quote(?)", -1, &st, NULL);
	ok = bb_param_bind_value(st, 1, c->ctype, c->sql_type, ptr, c->len,
				 &err);
	if (!c->want) {
		if (ok || err.cond != c->cond)
			fprintf(stderr, "line %d: ok %d cond %d (%s)\n",
				c->line, ok, err.cond, err.msg);
		CHECK(!ok);
		CHECK_INT(err.cond, c->cond);
	} else {
		CHECK(ok);
		got = ok && sqlite3_step(st) == SQLITE_ROW
			      ? (const char *)sqlite3_column_text(st, 0)
			      : "(failed)";
		if (strcmp(got, c->want) != 0)
			fprintf(stderr, "line %d:\n", c->line);
		CHECK_STR(got, c->want);
	}
	sqlite3_finalize(st);
	free(odd);
}

/* A time of day to a timestamp takes today's date: its shape. */
static void test_time_to_timestamp(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	bb_err err;
	const char *v;

	sqlite3_prepare_v2(db, "SELECT ?", -1, &st, NULL);
	CHECK(bb_param_bind_value(st, 1, SQL_C_TYPE_TIME, SQL_TYPE_TIMESTAMP,
				  &noon, 0, &err));
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	v = (const char *)sqlite3_column_text(st, 0);
	CHECK(v && strlen(v) == 26 && strcmp(v + 10, " 12:00:00.000000") == 0);
	sqlite3_finalize(st);
}

int main(void)
{
	sqlite3 *db = NULL;
	size_t i;

	sqlite3_open(":memory:", &db);
	for (i = 0; i < BB_ARRAY_LEN(cases); i++)
		run_case(db, &cases[i]);
	test_time_to_timestamp(db);
	sqlite3_close(db);
	printf("%zu cases\n", BB_ARRAY_LEN(cases));
	return CHECK_DONE();
}
