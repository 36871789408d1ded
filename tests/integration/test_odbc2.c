/*
 * test_odbc2.c - what an ODBC 2 application (SQL_ATTR_ODBC_VERSION =
 * SQL_OV_ODBC2) sees: the datetime types as SQL_DATE, SQL_TIME and
 * SQL_TIMESTAMP (9, 10, 11) in descriptions and catalog results, the
 * ODBC 2 C types and SQL types accepted as arguments, and S1xxx
 * SQLSTATEs.
 *
 * Built twice like test_states.c: through unixODBC (which maps some of
 * this itself) and straight into the driver's entry points. Run by
 * with_emulator.sh, which sets BBODBC_CONN.
 */
#include <sql.h>
#include <sqlext.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#ifdef BB_DIRECT
#define MODE "direct"
#else
#define MODE "dm"
#endif

static const char *state_of(SQLHSTMT st)
{
	static char state[6];
	SQLINTEGER native;
	SQLSMALLINT len;
	SQLCHAR msg[256];

	state[0] = '\0';
	SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, (SQLCHAR *)state, &native, msg,
		      sizeof(msg), &len);
	return state;
}

/* 1. Descriptions: SQLDescribeCol and SQLColAttribute(s). */
static void test_describe(SQLHSTMT st)
{
	SQLCHAR name[64];
	SQLSMALLINT len, type = 0, digits = 0, nullable;
	SQLULEN size = 0;
	SQLLEN num = 0;

	CHECK(SQL_SUCCEEDED(SQLPrepare(
		st, (SQLCHAR *)"SELECT Slug, CreatedOn FROM Repositories",
		SQL_NTS)));
	CHECK(SQLDescribeCol(st, 2, name, sizeof(name), &len, &type, &size,
			     &digits, &nullable) == SQL_SUCCESS);
	CHECK_INT(type, SQL_TIMESTAMP);
	CHECK_INT(size, 26);
	CHECK_INT(digits, 6);
	CHECK(SQLColAttribute(st, 2, SQL_COLUMN_TYPE, NULL, 0, NULL, &num) ==
	      SQL_SUCCESS);
	CHECK_INT(num, SQL_TIMESTAMP);
	CHECK(SQLColAttribute(st, 2, SQL_COLUMN_PRECISION, NULL, 0, NULL,
			      &num) == SQL_SUCCESS);
	CHECK_INT(num, 26);
	CHECK(SQLColAttribute(st, 2, SQL_COLUMN_SCALE, NULL, 0, NULL, &num) ==
	      SQL_SUCCESS);
	CHECK_INT(num, 6);
	CHECK(SQLColAttribute(st, 1, SQL_COLUMN_TYPE, NULL, 0, NULL, &num) ==
	      SQL_SUCCESS);
	CHECK_INT(num, SQL_WVARCHAR);
#ifndef BB_DIRECT
	/* ODBC 2's own call, which the driver manager maps. */
	num = 0;
	CHECK(SQLColAttributes(st, 2, SQL_COLUMN_TYPE, NULL, 0, NULL, &num) ==
	      SQL_SUCCESS);
	CHECK_INT(num, SQL_TIMESTAMP);
	CHECK(SQLColAttributes(st, 2, SQL_COLUMN_LENGTH, NULL, 0, NULL, &num) ==
	      SQL_SUCCESS);
	CHECK_INT(num, sizeof(SQL_TIMESTAMP_STRUCT));
#endif
	/* An unknown column: S1002, ODBC 2's 07009. */
	CHECK(SQLDescribeCol(st, 9, name, sizeof(name), &len, &type, &size,
			     &digits, &nullable) == SQL_ERROR);
	CHECK_STR(state_of(st), "S1002");
	SQLFreeStmt(st, SQL_CLOSE);
}

/* 2. The ODBC 2 C types as SQLBindCol and SQLGetData targets. */
static void test_fetch(SQLHSTMT st)
{
	SQL_TIMESTAMP_STRUCT ts;
	DATE_STRUCT d;
	TIME_STRUCT t;
	SQLLEN ind = 0, dind = 0;

	memset(&ts, 0, sizeof(ts));
	memset(&d, 0, sizeof(d));
	CHECK(SQL_SUCCEEDED(SQLExecDirect(
		st,
		(SQLCHAR *)"SELECT CreatedOn, CreatedOn FROM Repositories "
			   "WHERE CreatedOn IS NOT NULL ORDER BY CreatedOn",
		SQL_NTS)));
	CHECK(SQLBindCol(st, 2, SQL_C_DATE, &d, sizeof(d), &dind) ==
	      SQL_SUCCESS);
	CHECK(SQL_SUCCEEDED(SQLFetch(st)));
	CHECK(SQL_SUCCEEDED(
		SQLGetData(st, 1, SQL_C_TIMESTAMP, &ts, sizeof(ts), &ind)));
	CHECK_INT(ind, sizeof(ts));
	CHECK(ts.year >= 2008 && ts.year < 2100);
	CHECK(ts.month >= 1 && ts.month <= 12);
	CHECK_INT(d.year, ts.year);
	CHECK_INT(d.month, ts.month);
	CHECK_INT(d.day, ts.day);
	/* Re-reading a fixed-size value gives SQL_NO_DATA; column 2 is
	 * bound, so read it as SQL_C_TIME through SQLGetData instead. */
	CHECK(SQL_SUCCEEDED(
		SQLGetData(st, 2, SQL_C_TIME, &t, sizeof(t), &ind)));
	CHECK_INT(t.hour, ts.hour);
	CHECK_INT(t.minute, ts.minute);
	SQLFreeStmt(st, SQL_UNBIND);
	SQLFreeStmt(st, SQL_CLOSE);
}

/* 3. SQLBindParameter with SQL_C_TIMESTAMP and SQL_TIMESTAMP. */
static void test_parameter(SQLHSTMT st)
{
	SQL_TIMESTAMP_STRUCT ts;
	SQLLEN ind = sizeof(ts);
	SQLINTEGER count = -1;

	memset(&ts, 0, sizeof(ts));
	ts.year = 2000;
	ts.month = 1;
	ts.day = 1;
	CHECK(SQL_SUCCEEDED(SQLBindParameter(st, 1, SQL_PARAM_INPUT,
					     SQL_C_TIMESTAMP, SQL_TIMESTAMP, 26,
					     6, &ts, sizeof(ts), &ind)));
	CHECK(SQL_SUCCEEDED(SQLExecDirect(
		st,
		(SQLCHAR *)"SELECT COUNT(*) FROM Repositories WHERE "
			   "CreatedOn >= ?",
		SQL_NTS)));
	CHECK(SQL_SUCCEEDED(SQLFetch(st)));
	CHECK(SQL_SUCCEEDED(
		SQLGetData(st, 1, SQL_C_SLONG, &count, sizeof(count), NULL)));
	CHECK(count > 0);
	SQLFreeStmt(st, SQL_CLOSE);
	SQLFreeStmt(st, SQL_RESET_PARAMS);
	/* A searched DELETE that removes nothing: SQL_SUCCESS for ODBC 2
	 * (an ODBC 3 application gets SQL_NO_DATA; test_states.c). */
	CHECK(SQL_SUCCEEDED(SQLExecDirect(
		st, (SQLCHAR *)"CREATE TABLE odbc2_t(a INTEGER)", SQL_NTS)));
	CHECK(SQLExecDirect(st, (SQLCHAR *)"DELETE FROM odbc2_t WHERE a = 1",
			    SQL_NTS) == SQL_SUCCESS);
	CHECK(SQL_SUCCEEDED(SQLRowCount(st, &ind)));
	CHECK_INT(ind, 0);
}

/* Reads SMALLINT column col of every row; returns how many rows. */
static int small_column(SQLHSTMT st, int col, SQLSMALLINT *vals, int max)
{
	int n = 0;

	while (SQLFetch(st) == SQL_SUCCESS && n < max)
		CHECK(SQL_SUCCEEDED(SQLGetData(st, (SQLUSMALLINT)col,
					       SQL_C_SSHORT, &vals[n++],
					       sizeof(*vals), NULL)));
	SQLFreeStmt(st, SQL_CLOSE);
	return n;
}

/* 4. Catalog results: SQLColumns and SQLGetTypeInfo (rows and the
 *    argument). */
static void test_catalog(SQLHSTMT st)
{
	SQLSMALLINT types[64];
	int n, i, old = 0, new3 = 0;

	CHECK(SQL_SUCCEEDED(SQLColumns(st, NULL, 0, NULL, 0,
				       (SQLCHAR *)"Repositories", SQL_NTS,
				       (SQLCHAR *)"CreatedOn", SQL_NTS)));
	n = small_column(st, 5, types, 64);
	CHECK_INT(n, 1);
	CHECK_INT(types[0], SQL_TIMESTAMP);
	CHECK(SQL_SUCCEEDED(SQLGetTypeInfo(st, SQL_TIMESTAMP)));
	n = small_column(st, 2, types, 64);
	CHECK_INT(n, 1);
	CHECK_INT(types[0], SQL_TIMESTAMP);
	CHECK(SQL_SUCCEEDED(SQLGetTypeInfo(st, SQL_DATE)));
	n = small_column(st, 2, types, 64);
	CHECK_INT(n, 1);
	CHECK_INT(types[0], SQL_DATE);
	CHECK(SQL_SUCCEEDED(SQLGetTypeInfo(st, SQL_ALL_TYPES)));
	n = small_column(st, 2, types, 64);
	for (i = 0; i < n; i++) {
		old += types[i] == SQL_DATE || types[i] == SQL_TIME ||
		       types[i] == SQL_TIMESTAMP;
		new3 += types[i] == SQL_TYPE_DATE ||
			types[i] == SQL_TYPE_TIME ||
			types[i] == SQL_TYPE_TIMESTAMP;
	}
	CHECK_INT(old, 3);
	CHECK_INT(new3, 0);
	CHECK(SQL_SUCCEEDED(SQLGetTypeInfo(st, SQL_GUID)));
	CHECK_INT(small_column(st, 2, types, 64), 0);
	CHECK(SQLGetTypeInfo(st, 1234) == SQL_ERROR);
	CHECK_STR(state_of(st), "S1004");
}

/* 5. ODBC 2 SQLSTATEs for the faults an application meets. */
static void test_states(SQLHSTMT st)
{
	SQLSMALLINT type, digits, nullable;
	SQLULEN size;

	CHECK(SQLExecDirect(st, (SQLCHAR *)"SELEC nonsense", SQL_NTS) ==
	      SQL_ERROR);
	CHECK_STR(state_of(st), "37000");
	CHECK(SQLExecDirect(st, (SQLCHAR *)"SELECT * FROM NoSuchTable",
			    SQL_NTS) == SQL_ERROR);
	CHECK_STR(state_of(st), "S0002");
	CHECK(SQLFetch(st) == SQL_ERROR);
	CHECK_STR(state_of(st), "S1010");
	CHECK(SQL_SUCCEEDED(SQLPrepare(
		st, (SQLCHAR *)"SELECT Slug FROM Repositories WHERE Slug = ?",
		SQL_NTS)));
	CHECK(SQLDescribeParam(st, 2, &type, &size, &digits, &nullable) ==
	      SQL_ERROR);
	CHECK_STR(state_of(st), "S1093");
	SQLFreeStmt(st, SQL_CLOSE);
}

int main(void)
{
	const char *conn = getenv("BBODBC_CONN");
	SQLHENV env;
	SQLHDBC dbc;
	SQLHSTMT st;

	if (!conn) {
		fprintf(stderr, "BBODBC_CONN is not set\n");
		return 2;
	}
	fprintf(stderr, "[%s]\n", MODE);
	SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
	SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC2, 0);
	SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
	CHECK(SQL_SUCCEEDED(SQLDriverConnect(dbc, NULL, (SQLCHAR *)conn,
					     SQL_NTS, NULL, 0, NULL,
					     SQL_DRIVER_NOPROMPT)));
	CHECK(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st)));
	test_describe(st);
	test_fetch(st);
	test_parameter(st);
	test_catalog(st);
	test_states(st);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	SQLDisconnect(dbc);
	SQLFreeHandle(SQL_HANDLE_DBC, dbc);
	SQLFreeHandle(SQL_HANDLE_ENV, env);
	return CHECK_DONE();
}
