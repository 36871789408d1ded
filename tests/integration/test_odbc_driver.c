/*
 * test_odbc_driver.c - the driver through unixODBC's driver manager,
 * from C: reading long and non-ASCII values in pieces with SQLGetData as
 * SQL_C_CHAR and SQL_C_WCHAR, descriptions, and the SQLSTATEs of faults.
 * Run by with_emulator.sh, which sets BBODBC_CONN.
 */
#include <sql.h>
#include <sqlext.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* PR 74 of acme/platform-api, as the emulator's seed makes it. */
static const char title74[] = "修正バグ: 文字化けを直す";

static SQLHENV env;

static SQLHDBC connect_with(const char *conn, char state[6])
{
	SQLHDBC dbc = NULL;
	SQLRETURN rc;

	SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
	rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)conn, SQL_NTS, NULL, 0,
			      NULL, SQL_DRIVER_NOPROMPT);
	state[0] = '\0';
	if (!SQL_SUCCEEDED(rc)) {
		SQLINTEGER native;
		SQLCHAR msg[512];
		SQLSMALLINT len;

		SQLGetDiagRec(SQL_HANDLE_DBC, dbc, 1, (SQLCHAR *)state, &native,
			      msg, sizeof(msg), &len);
		fprintf(stderr, "connect: %s %s\n", state, msg);
		SQLFreeHandle(SQL_HANDLE_DBC, dbc);
		return NULL;
	}
	return dbc;
}

static void stmt_state(SQLHSTMT st, char state[6])
{
	SQLINTEGER native;
	SQLSMALLINT len;
	SQLCHAR msg[512];

	state[0] = '\0';
	SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, (SQLCHAR *)state, &native, msg,
		      sizeof(msg), &len);
}

/* 1. SQL_C_CHAR in pieces of 8 bytes: 01004 and the remaining length
 *    on each piece, SQL_NO_DATA after the last. */
static void test_char_chunks(SQLHSTMT st)
{
	char buf[8], whole[256] = "";
	size_t total = strlen(title74), got = 0;
	SQLLEN ind;
	SQLRETURN rc;
	char state[6];

	CHECK(SQL_SUCCEEDED(SQLExecDirect(
		st,
		(SQLCHAR *)"SELECT Title FROM PullRequests WHERE RepositorySlug"
			   " = 'platform-api' AND Id = 74",
		SQL_NTS)));
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	for (;;) {
		rc = SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof(buf), &ind);
		if (rc == SQL_NO_DATA)
			break;
		CHECK(SQL_SUCCEEDED(rc));
		if (!SQL_SUCCEEDED(rc))
			break;
		CHECK_INT(ind, (SQLLEN)(total - got));
		if (rc == SQL_SUCCESS_WITH_INFO) {
			stmt_state(st, state);
			CHECK_STR(state, "01004");
		}
		snprintf(whole + got, sizeof(whole) - got, "%s", buf);
		got = strlen(whole);
	}
	CHECK_STR(whole, title74);
	SQLCloseCursor(st);
}

/* 2. SQL_C_WCHAR in pieces of 5 characters, emoji (a surrogate pair)
 *    never split, reassembled equal to the UTF-16 of the title. */
static void test_wchar_chunks(SQLHSTMT st)
{
	SQLWCHAR buf[5], whole[128];
	size_t n = 0, k;
	SQLLEN ind;
	SQLRETURN rc;
	static const SQLWCHAR rocket[] = {0xD83D, 0xDE80, 0};

	CHECK(SQL_SUCCEEDED(SQLExecDirect(
		st,
		(SQLCHAR *)"SELECT Title FROM PullRequests WHERE RepositorySlug"
			   " = 'platform-api' AND Id = 73",
		SQL_NTS)));
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	while ((rc = SQLGetData(st, 1, SQL_C_WCHAR, buf, sizeof(buf), &ind)) !=
	       SQL_NO_DATA) {
		CHECK(SQL_SUCCEEDED(rc));
		if (!SQL_SUCCEEDED(rc))
			break;
		for (k = 0; buf[k] && n < 127; k++)
			whole[n++] = buf[k];
	}
	whole[n] = 0;
	CHECK(n > 2);
	CHECK(whole[0] == rocket[0] && whole[1] == rocket[1]);
	SQLCloseCursor(st);
}

/* 3. The join of the issue describes its columns before fetching. */
static void test_describe_join(SQLHSTMT st)
{
	SQLCHAR name[64];
	SQLSMALLINT len, type, digits, nullable, ncols = 0;
	SQLULEN size;
	SQLLEN first = 0, prev = 1 << 30;
	int rows = 0;

	CHECK(SQL_SUCCEEDED(SQLExecDirect(
		st,
		(SQLCHAR *)"SELECT r.Name, COUNT(*) AS OpenPRs FROM "
			   "Repositories"
			   " r JOIN PullRequests p ON p.RepositorySlug = "
			   "r.Slug WHERE p.State = 'OPEN' GROUP BY r.Name "
			   "ORDER BY OpenPRs DESC",
		SQL_NTS)));
	SQLNumResultCols(st, &ncols);
	CHECK_INT(ncols, 2);
	SQLDescribeCol(st, 1, name, sizeof(name), &len, &type, &size, &digits,
		       &nullable);
	CHECK_STR((char *)name, "Name");
	CHECK_INT(type, SQL_WVARCHAR);
	SQLDescribeCol(st, 2, name, sizeof(name), &len, &type, &size, &digits,
		       &nullable);
	CHECK_STR((char *)name, "OpenPRs");
	CHECK_INT(type, SQL_BIGINT);
	SQLBindCol(st, 2, SQL_C_SLONG, &first, 0, NULL);
	while (SQLFetch(st) == SQL_SUCCESS) {
		CHECK(first <= prev);
		prev = first;
		rows++;
	}
	CHECK(rows > 10);
	SQLFreeStmt(st, SQL_UNBIND);
	SQLCloseCursor(st);
}

/* 4. Out-of-sequence calls are diagnosed, not crashes. */
static void test_sequence(SQLHSTMT st)
{
	char buf[8], state[6];
	SQLLEN ind;

	CHECK(SQLFetch(st) == SQL_ERROR);
	stmt_state(st, state);
	/* The driver manager catches this one itself. */
	CHECK_STR(state, "HY010");
	CHECK(SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof(buf), &ind) ==
	      SQL_ERROR);
	CHECK(SQLExecDirect(st, (SQLCHAR *)"SELEC nonsense", SQL_NTS) ==
	      SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "42000");
}

/* 7. A metadata probe is described at SQLPrepare, from the table
 *    definitions. */
static void test_probe_described(SQLHSTMT st)
{
	SQLCHAR name[64];
	SQLSMALLINT len, type = 0, digits, nullable, ncols = 0;
	SQLULEN size = 0;

	CHECK(SQLPrepare(st,
			 (SQLCHAR *)"SELECT Slug, CreatedOn, IsPrivate FROM "
				    "Repositories WHERE 1 = 0",
			 SQL_NTS) == SQL_SUCCESS);
	CHECK(SQLNumResultCols(st, &ncols) == SQL_SUCCESS);
	CHECK_INT(ncols, 3);
	SQLDescribeCol(st, 1, name, sizeof(name), &len, &type, &size, &digits,
		       &nullable);
	CHECK_INT(type, SQL_WVARCHAR);
	SQLDescribeCol(st, 2, name, sizeof(name), &len, &type, &size, &digits,
		       &nullable);
	CHECK_INT(type, SQL_TYPE_TIMESTAMP);
	CHECK_INT(size, 26);
	SQLDescribeCol(st, 3, name, sizeof(name), &len, &type, &size, &digits,
		       &nullable);
	CHECK_INT(type, SQL_BIT);
	CHECK(SQLExecute(st) == SQL_SUCCESS);
	CHECK(SQLFetch(st) == SQL_NO_DATA);
	SQLFreeStmt(st, SQL_CLOSE);
}

/* 6. Cursor names and parameter descriptions. */
static void test_cursor_and_params(SQLHSTMT st)
{
	SQLCHAR name[64];
	SQLSMALLINT len = 0, type = 0, digits, nullable, n = 0;
	SQLULEN size = 0;
	char state[6];

	CHECK(SQLGetCursorName(st, name, sizeof(name), &len) == SQL_SUCCESS);
	CHECK(strncmp((char *)name, "SQL_CUR", 7) == 0);
	CHECK(SQLSetCursorName(st, (SQLCHAR *)"mine", SQL_NTS) == SQL_SUCCESS);
	CHECK(SQLGetCursorName(st, name, sizeof(name), &len) == SQL_SUCCESS);
	CHECK_STR((char *)name, "mine");
	CHECK(SQLSetCursorName(st, (SQLCHAR *)"SQL_CURx", SQL_NTS) ==
	      SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "34000");
	CHECK(SQLPrepare(
		      st,
		      (SQLCHAR *)"SELECT Name FROM Repositories WHERE Slug = ? "
				 "OR Name = ?",
		      SQL_NTS) == SQL_SUCCESS);
	CHECK(SQLNumParams(st, &n) == SQL_SUCCESS);
	CHECK_INT(n, 2);
	CHECK(SQLDescribeParam(st, 2, &type, &size, &digits, &nullable) ==
	      SQL_SUCCESS);
	CHECK_INT(type, SQL_WVARCHAR);
	CHECK(SQLDescribeParam(st, 3, &type, &size, &digits, &nullable) ==
	      SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "07009");
	SQLFreeStmt(st, SQL_CLOSE);
}

int main(void)
{
	const char *conn = getenv("BBODBC_CONN");
	char bad[2048], state[6];
	SQLHDBC dbc;
	SQLHSTMT st;

	if (!conn) {
		fprintf(stderr, "BBODBC_CONN is not set\n");
		return 2;
	}
	SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
	SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
	dbc = connect_with(conn, state);
	CHECK(dbc != NULL);
	if (!dbc)
		return CHECK_DONE();
	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
	test_char_chunks(st);
	test_wchar_chunks(st);
	test_describe_join(st);
	test_sequence(st);
	test_cursor_and_params(st);
	test_probe_described(st);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	SQLDisconnect(dbc);
	SQLFreeHandle(SQL_HANDLE_DBC, dbc);

	/* 5. A wrong token: 28000 at connect. */
	{
		const char *tok = strstr(conn, "demo-token");
		int at = tok ? (int)(tok - conn) : 0;

		snprintf(bad, sizeof(bad), "%.*snope%s", at, conn,
			 tok ? tok + strlen("demo-token") : "");
	}
	dbc = connect_with(bad, state);
	CHECK(dbc == NULL);
	CHECK_STR(state, "28000");
	SQLFreeHandle(SQL_HANDLE_ENV, env);
	return CHECK_DONE();
}
