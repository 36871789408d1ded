/*
 * test_desc_direct.c - the driver's own descriptor checks, linked to the
 * driver with no driver manager in between: unixODBC answers several of
 * these itself (HY017, resetting to the implicit ARD), other managers
 * (Windows, iODBC) leave them to the driver. Run by with_emulator.sh.
 */
#include <sql.h>
#include <sqlext.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void state_of(SQLSMALLINT type, SQLHANDLE h, char state[6])
{
	SQLINTEGER native;
	SQLSMALLINT len;
	SQLCHAR msg[512];

	state[0] = '\0';
	SQLGetDiagRec(type, h, 1, (SQLCHAR *)state, &native, msg, sizeof(msg),
		      &len);
}

#define CHECK_FAIL(call, type, h, want)     \
	do {                                \
		char st_[6];                \
		CHECK((call) == SQL_ERROR); \
		state_of((type), (h), st_); \
		CHECK_STR(st_, (want));     \
	} while (0)

static SQLHDESC desc_of(SQLHSTMT st, SQLINTEGER which)
{
	SQLHDESC d = NULL;

	CHECK(SQLGetStmtAttr(st, which, &d, SQL_IS_POINTER, NULL) ==
	      SQL_SUCCESS);
	return d;
}

static SQLHDBC connect_to(SQLHENV env, const char *conn)
{
	SQLHDBC dbc = NULL;

	SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
	CHECK(SQL_SUCCEEDED(SQLDriverConnect(dbc, NULL, (SQLCHAR *)conn,
					     SQL_NTS, NULL, 0, NULL,
					     SQL_DRIVER_NOPROMPT)));
	return dbc;
}

/* 1. Which handles SQL_ATTR_APP_ROW_DESC takes: HY017 for another
 *    statement's implicit one and for the implementation descriptors,
 *    HY024 for a descriptor of another connection or a handle that is
 *    not one; SQL_NULL_HDESC goes back to the implicit ARD. */
static void test_attr_handles(SQLHDBC dbc, SQLHDBC other)
{
	SQLHSTMT a = NULL, b = NULL;
	SQLHDESC d = NULL, foreign = NULL, ard_a, ard_b;

	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &a);
	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &b);
	ard_a = desc_of(a, SQL_ATTR_APP_ROW_DESC);
	ard_b = desc_of(b, SQL_ATTR_APP_ROW_DESC);
	CHECK(ard_a != ard_b);
	CHECK(SQLAllocHandle(SQL_HANDLE_DESC, dbc, &d) == SQL_SUCCESS);
	CHECK(SQLAllocHandle(SQL_HANDLE_DESC, other, &foreign) == SQL_SUCCESS);
	CHECK_FAIL(SQLSetStmtAttr(a, SQL_ATTR_APP_ROW_DESC, ard_b, 0),
		   SQL_HANDLE_STMT, a, "HY017");
	CHECK_FAIL(SQLSetStmtAttr(a, SQL_ATTR_IMP_ROW_DESC, d, 0),
		   SQL_HANDLE_STMT, a, "HY017");
	CHECK_FAIL(SQLSetStmtAttr(a, SQL_ATTR_IMP_PARAM_DESC, d, 0),
		   SQL_HANDLE_STMT, a, "HY017");
	CHECK_FAIL(SQLSetStmtAttr(a, SQL_ATTR_APP_PARAM_DESC, foreign, 0),
		   SQL_HANDLE_STMT, a, "HY024");
	CHECK_FAIL(SQLSetStmtAttr(a, SQL_ATTR_APP_ROW_DESC, b, 0),
		   SQL_HANDLE_STMT, a, "HY024");
	CHECK(SQLSetStmtAttr(a, SQL_ATTR_APP_ROW_DESC, d, 0) == SQL_SUCCESS);
	CHECK(desc_of(a, SQL_ATTR_APP_ROW_DESC) == d);
	CHECK(SQLSetStmtAttr(a, SQL_ATTR_APP_ROW_DESC, SQL_NULL_HDESC, 0) ==
	      SQL_SUCCESS);
	CHECK(desc_of(a, SQL_ATTR_APP_ROW_DESC) == ard_a);
	CHECK(SQLSetStmtAttr(a, SQL_ATTR_APP_PARAM_DESC, d, 0) == SQL_SUCCESS);
	CHECK(SQLFreeHandle(SQL_HANDLE_DESC, d) == SQL_SUCCESS);
	CHECK(desc_of(a, SQL_ATTR_APP_PARAM_DESC) != d);
	CHECK_FAIL(SQLFreeHandle(SQL_HANDLE_DESC, ard_a), SQL_HANDLE_DESC,
		   ard_a, "HY017");
	CHECK(SQLFreeHandle(SQL_HANDLE_DESC, foreign) == SQL_SUCCESS);
	SQLFreeHandle(SQL_HANDLE_STMT, a);
	SQLFreeHandle(SQL_HANDLE_STMT, b);
}

/* 2. The IRD of a statement not yet prepared: HY007, on the
 *    descriptor's own diagnostics; SQLCopyDesc from it too. */
static void test_ird_unprepared(SQLHDBC dbc)
{
	SQLHSTMT st = NULL;
	SQLHDESC ird, ard;
	SQLSMALLINT n = -1;
	SQLCHAR name[16];

	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
	ird = desc_of(st, SQL_ATTR_IMP_ROW_DESC);
	ard = desc_of(st, SQL_ATTR_APP_ROW_DESC);
	CHECK_FAIL(SQLGetDescField(ird, 0, SQL_DESC_COUNT, &n, 0, NULL),
		   SQL_HANDLE_DESC, ird, "HY007");
	CHECK_FAIL(SQLGetDescRec(ird, 1, name, sizeof(name), NULL, NULL, NULL,
				 NULL, NULL, NULL, NULL),
		   SQL_HANDLE_DESC, ird, "HY007");
	CHECK_FAIL(SQLCopyDesc(ird, ard), SQL_HANDLE_DESC, ard, "HY007");
	CHECK_FAIL(SQLSetDescField(ird, 0, SQL_DESC_COUNT, (SQLPOINTER)1, 0),
		   SQL_HANDLE_DESC, ird, "HY016");
	CHECK_FAIL(SQLSetDescField(ard, 0, SQL_DESC_COUNT, (SQLPOINTER)-1, 0),
		   SQL_HANDLE_DESC, ard, "07009");
	CHECK(SQLPrepare(st, (SQLCHAR *)"SELECT 1 AS one", SQL_NTS) ==
	      SQL_SUCCESS);
	CHECK(SQLGetDescField(ird, 0, SQL_DESC_COUNT, &n, 0, NULL) ==
	      SQL_SUCCESS);
	CHECK_INT(n, 1);
	CHECK(SQLGetDescRec(ird, 1, name, sizeof(name), NULL, NULL, NULL, NULL,
			    NULL, NULL, NULL) == SQL_SUCCESS);
	CHECK_STR((char *)name, "one");
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
	const char *conn = getenv("BBODBC_CONN");
	SQLHENV env = NULL;
	SQLHDBC dbc, other;
	SQLHDESC unused = NULL;

	if (!conn) {
		fprintf(stderr, "BBODBC_CONN is not set\n");
		return 2;
	}
	SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
	SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
	dbc = connect_to(env, conn);
	other = connect_to(env, conn);
	test_attr_handles(dbc, other);
	test_ird_unprepared(dbc);
	/* A connection that is not open has no descriptors: 08003. */
	SQLDisconnect(other);
	CHECK_FAIL(SQLAllocHandle(SQL_HANDLE_DESC, other, &unused),
		   SQL_HANDLE_DBC, other, "08003");
	/* One left allocated is freed by SQLDisconnect (ASan checks). */
	CHECK(SQLAllocHandle(SQL_HANDLE_DESC, dbc, &unused) == SQL_SUCCESS);
	SQLDisconnect(dbc);
	SQLFreeHandle(SQL_HANDLE_DBC, dbc);
	SQLFreeHandle(SQL_HANDLE_DBC, other);
	SQLFreeHandle(SQL_HANDLE_ENV, env);
	return CHECK_DONE();
}
