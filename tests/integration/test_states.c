/*
 * test_states.c - the state-transition tables of the ODBC reference
 * (appendix B), walked from a table: each statement state is built
 * afresh, one function is called in it, and the return code and
 * SQLSTATE are checked against what the tables say.
 *
 * Built twice: linked to unixODBC's driver manager (what applications
 * see) and linked to the driver's own entry points (bbcore), where no
 * driver manager checks anything first. Run by with_emulator.sh, which
 * sets BBODBC_CONN. The states use no API call except reading
 * Repositories.
 */
#include <sql.h>
#include <sqlext.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#ifdef BB_DIRECT
#define MODE "direct"
#define DM 0
#else
#define MODE "dm"
#define DM 1
#endif

#define SELECT_SQL "SELECT Slug, Name FROM Repositories"
#define EMPTY_SQL "SELECT Slug FROM Repositories WHERE 1 = 0"
#define NORESULT_SQL "CREATE TABLE IF NOT EXISTS states_t(a INTEGER)"

/* Statement states, as the tables name them, and how each is reached. */
enum st_state {
	S1_ALLOCATED,
	S2_PREPARED_NO_RESULT,
	S3_PREPARED_RESULT,
	S4_EXECUTED_DIRECT,
	S4_EXECUTED_PREPARED,
	S5_OPEN_DIRECT,
	S5_OPEN_PREPARED,
	S6_POSITIONED,
	S6_NO_MORE_ROWS,
	S1_AFTER_CLOSE_CURSOR,
	S3_AFTER_CLOSE_CURSOR,
	S1_AFTER_FREE_CLOSE,
	S6_AFTER_UNBIND,
	S6_AFTER_RESET_PARAMS,
	NSTATES
};

static const char *const state_names[NSTATES] = {
	"S1 allocated",
	"S2 prepared, no result",
	"S3 prepared, result",
	"S4 executed (ExecDirect)",
	"S4 executed (Prepare)",
	"S5 cursor open (ExecDirect)",
	"S5 cursor open (Prepare)",
	"S6 positioned",
	"S6 no more rows",
	"S1 after SQLCloseCursor",
	"S3 after SQLCloseCursor",
	"S1 after SQLFreeStmt(SQL_CLOSE)",
	"S6 after SQLFreeStmt(SQL_UNBIND)",
	"S6 after SQLFreeStmt(SQL_RESET_PARAMS)",
};

enum st_fn {
	F_PREPARE,
	F_EXEC_DIRECT,
	F_EXECUTE,
	F_FETCH,
	F_GET_DATA,
	F_CLOSE_CURSOR,
	F_NUM_RESULT_COLS,
	F_DESCRIBE_COL,
	F_COL_ATTR_COUNT,
	F_COL_ATTR_NAME,
	F_ROW_COUNT,
	F_NUM_PARAMS,
	F_TABLES,
	F_SET_CURSOR_NAME,
	F_SET_CURSOR_TYPE,
	F_BIND_COL,
	F_MORE_RESULTS,
	F_FREE_CLOSE,
	F_ROW_NUMBER,
	NFNS
};

static const char *const fn_names[NFNS] = {
	"SQLPrepare",
	"SQLExecDirect",
	"SQLExecute",
	"SQLFetch",
	"SQLGetData",
	"SQLCloseCursor",
	"SQLNumResultCols",
	"SQLDescribeCol",
	"SQLColAttribute(COUNT)",
	"SQLColAttribute(NAME)",
	"SQLRowCount",
	"SQLNumParams",
	"SQLTables",
	"SQLSetCursorName",
	"SQLSetStmtAttr(CURSOR_TYPE)",
	"SQLBindCol",
	"SQLMoreResults",
	"SQLFreeStmt(SQL_CLOSE)",
};

/* What a call gives: "" for SQL_SUCCESS, "NODATA" for SQL_NO_DATA, or
 * the SQLSTATE of an SQL_ERROR. */
#define OK ""
#define ND "NODATA"

/*
 * The expected outcome of each function in each state, from the
 * reference's statement transition tables (S4/S5 after SQLExecDirect
 * are "[np]", after SQLPrepare "[p]").
 */
static const char *const expect[NSTATES][NFNS] = {
	/* PREP  EXECD  EXEC   FETCH  GETD   CLOSE  NRC DESC   COUNT  NAME
	 * ROWC   NPAR TABLES SETCN  CTYPE  BIND MORE FREE ROWNUM */
	[S1_ALLOCATED] = {OK, OK, "HY010", "HY010", "HY010", "24000", "HY010",
			  "HY010", "HY010", "HY010", "HY010", "HY010", OK, OK,
			  OK, OK, ND, OK, "24000"},
	[S2_PREPARED_NO_RESULT] = {OK, OK, OK, "HY010", "HY010", "24000", OK,
				   "07005", OK, "07005", "HY010", OK, OK, OK,
				   "HY011", OK, ND, OK, "24000"},
	[S3_PREPARED_RESULT] = {OK, OK, OK, "HY010", "HY010", "24000", OK, OK,
				OK, OK, "HY010", OK, OK, OK, "HY011", OK, ND,
				OK, "24000"},
	[S4_EXECUTED_DIRECT] = {OK, OK, "HY010", "24000", "24000", "24000", OK,
				"24000", "24000", "24000", OK, OK, OK, "24000",
				"24000", OK, ND, OK, "24000"},
	[S4_EXECUTED_PREPARED] = {OK, OK, OK, "24000", "24000", "24000", OK,
				  "24000", "24000", "24000", OK, OK, OK,
				  "24000", "24000", OK, ND, OK, "24000"},
	[S5_OPEN_DIRECT] = {"24000", "24000", "HY010", OK, "24000", OK, OK, OK,
			    OK, OK, OK, OK, "24000", "24000", "24000", OK, ND,
			    OK, "24000"},
	[S5_OPEN_PREPARED] = {"24000", "24000", "24000", OK, "24000", OK, OK,
			      OK, OK, OK, OK, OK, "24000", "24000", "24000", OK,
			      ND, OK, "24000"},
	[S6_POSITIONED] = {"24000", "24000", "HY010", OK, OK, OK, OK, OK, OK,
			   OK, OK, OK, "24000", "24000", "24000", OK, ND, OK,
			   OK},
	[S6_NO_MORE_ROWS] = {"24000", "24000", "HY010", ND, "24000", OK, OK, OK,
			     OK, OK, OK, OK, "24000", "24000", "24000", OK, ND,
			     OK, "24000"},
	[S1_AFTER_CLOSE_CURSOR] = {OK, OK, "HY010", "HY010", "HY010", "24000",
				   "HY010", "HY010", "HY010", "HY010", "HY010",
				   "HY010", OK, OK, OK, OK, ND, OK, "24000"},
	[S3_AFTER_CLOSE_CURSOR] = {OK, OK, OK, "HY010", "HY010", "24000", OK,
				   OK, OK, OK, "HY010", OK, OK, OK, "HY011", OK,
				   ND, OK, "24000"},
	[S1_AFTER_FREE_CLOSE] = {OK, OK, "HY010", "HY010", "HY010", "24000",
				 "HY010", "HY010", "HY010", "HY010", "HY010",
				 "HY010", OK, OK, OK, OK, ND, OK, "24000"},
	[S6_AFTER_UNBIND] = {"24000", "24000", "HY010", OK, OK, OK, OK, OK, OK,
			     OK, OK, OK, "24000", "24000", "24000", OK, ND, OK,
			     OK},
	[S6_AFTER_RESET_PARAMS] = {"24000", "24000", "HY010", OK, OK, OK, OK,
				   OK, OK, OK, OK, OK, "24000", "24000",
				   "24000", OK, ND, OK, OK},
};

static SQLHENV env;
static SQLHDBC dbc;

static int ok(SQLRETURN rc)
{
	return rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO;
}

static int sql(SQLHSTMT st, const char *q, int direct)
{
	if (direct)
		return ok(SQLExecDirect(st, (SQLCHAR *)q, SQL_NTS));
	return ok(SQLPrepare(st, (SQLCHAR *)q, SQL_NTS));
}

/* Brings a fresh statement into state s; false if a step failed. */
static int reach(SQLHSTMT st, enum st_state s)
{
	static SQLCHAR buf[64];
	static SQLLEN ind;

	switch (s) {
	case S1_ALLOCATED:
		return 1;
	case S2_PREPARED_NO_RESULT:
		return sql(st, NORESULT_SQL, 0);
	case S3_PREPARED_RESULT:
		return sql(st, SELECT_SQL, 0);
	case S4_EXECUTED_DIRECT:
		return sql(st, NORESULT_SQL, 1);
	case S4_EXECUTED_PREPARED:
		return sql(st, NORESULT_SQL, 0) && ok(SQLExecute(st));
	case S5_OPEN_DIRECT:
		return sql(st, SELECT_SQL, 1);
	case S5_OPEN_PREPARED:
		return sql(st, SELECT_SQL, 0) && ok(SQLExecute(st));
	case S6_POSITIONED:
		return sql(st, SELECT_SQL, 1) && ok(SQLFetch(st));
	case S6_NO_MORE_ROWS:
		return sql(st, EMPTY_SQL, 1) && SQLFetch(st) == SQL_NO_DATA;
	case S1_AFTER_CLOSE_CURSOR:
		return reach(st, S6_POSITIONED) && ok(SQLCloseCursor(st));
	case S3_AFTER_CLOSE_CURSOR:
		return sql(st, SELECT_SQL, 0) && ok(SQLExecute(st)) &&
		       ok(SQLFetch(st)) && ok(SQLCloseCursor(st));
	case S1_AFTER_FREE_CLOSE:
		return reach(st, S6_POSITIONED) &&
		       ok(SQLFreeStmt(st, SQL_CLOSE));
	case S6_AFTER_UNBIND:
		return sql(st, SELECT_SQL, 1) &&
		       ok(SQLBindCol(st, 1, SQL_C_CHAR, buf, sizeof(buf),
				     &ind)) &&
		       ok(SQLFetch(st)) && ok(SQLFreeStmt(st, SQL_UNBIND));
	case S6_AFTER_RESET_PARAMS:
		return reach(st, S6_POSITIONED) &&
		       ok(SQLFreeStmt(st, SQL_RESET_PARAMS));
	case NSTATES:
		break;
	}
	return 0;
}

static SQLRETURN call(SQLHSTMT st, enum st_fn f)
{
	SQLCHAR buf[128];
	SQLSMALLINT len, type, digits, nullable, n;
	SQLULEN size;
	SQLLEN ind, num;

	switch (f) {
	case F_PREPARE:
		return SQLPrepare(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
	case F_EXEC_DIRECT:
		return SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
	case F_EXECUTE:
		return SQLExecute(st);
	case F_FETCH:
		return SQLFetch(st);
	case F_GET_DATA:
		return SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof(buf), &ind);
	case F_CLOSE_CURSOR:
		return SQLCloseCursor(st);
	case F_NUM_RESULT_COLS:
		return SQLNumResultCols(st, &n);
	case F_DESCRIBE_COL:
		return SQLDescribeCol(st, 1, buf, sizeof(buf), &len, &type,
				      &size, &digits, &nullable);
	case F_COL_ATTR_COUNT:
		return SQLColAttribute(st, 1, SQL_DESC_COUNT, NULL, 0, NULL,
				       &num);
	case F_COL_ATTR_NAME:
		return SQLColAttribute(st, 1, SQL_DESC_NAME, buf, sizeof(buf),
				       &len, NULL);
	case F_ROW_COUNT:
		return SQLRowCount(st, &num);
	case F_NUM_PARAMS:
		return SQLNumParams(st, &n);
	case F_TABLES:
		return SQLTables(st, NULL, 0, NULL, 0,
				 (SQLCHAR *)"Repositories", SQL_NTS, NULL, 0);
	case F_SET_CURSOR_NAME:
		return SQLSetCursorName(st, (SQLCHAR *)"c1", SQL_NTS);
	case F_SET_CURSOR_TYPE:
		return SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE,
				      (SQLPOINTER)SQL_CURSOR_FORWARD_ONLY, 0);
	case F_BIND_COL:
		return SQLBindCol(st, 1, SQL_C_CHAR, buf, sizeof(buf), NULL);
	case F_MORE_RESULTS:
		return SQLMoreResults(st);
	case F_FREE_CLOSE:
		return SQLFreeStmt(st, SQL_CLOSE);
	case F_ROW_NUMBER:
		return SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &size, 0, NULL);
	case NFNS:
		break;
	}
	return SQL_ERROR;
}

static void outcome(SQLSMALLINT type, SQLHANDLE h, SQLRETURN rc, char got[8])
{
	SQLINTEGER native;
	SQLSMALLINT len;
	SQLCHAR msg[256];

	if (rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
		got[0] = '\0';
		return;
	}
	if (rc == SQL_NO_DATA) {
		strcpy(got, ND);
		return;
	}
	strcpy(got, "rc?");
	if (rc == SQL_ERROR)
		SQLGetDiagRec(type, h, 1, (SQLCHAR *)got, &native, msg,
			      sizeof(msg), &len);
}

static void check_cell(int s, int f, const char *got, const char *want)
{
	if (strcmp(got, want) == 0)
		return;
	check_failures++;
	fprintf(stderr, "[%s] %s in %s: got \"%s\", want \"%s\"\n", MODE,
		fn_names[f], state_names[s], got, want);
}

static void walk_statement_states(void)
{
	int s, f;

	for (s = 0; s < NSTATES; s++)
		for (f = 0; f < NFNS; f++) {
			SQLHSTMT st = NULL;
			char got[8];

			CHECK(ok(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st)));
			if (!reach(st, (enum st_state)s)) {
				check_failures++;
				fprintf(stderr, "[%s] cannot reach %s\n", MODE,
					state_names[s]);
				SQLFreeHandle(SQL_HANDLE_STMT, st);
				break;
			}
			outcome(SQL_HANDLE_STMT, st, call(st, (enum st_fn)f),
				got);
			check_cell(s, f, got, expect[s][f]);
			CHECK(SQLFreeHandle(SQL_HANDLE_STMT, st) ==
			      SQL_SUCCESS);
		}
}

/* A call on the connection handle, and the SQLSTATE it must give. */
static void conn_case(const char *what, SQLRETURN rc, const char *want)
{
	char got[8];

	outcome(SQL_HANDLE_DBC, dbc, rc, got);
	if (strcmp(got, want) == 0)
		return;
	check_failures++;
	fprintf(stderr, "[%s] %s: got \"%s\", want \"%s\"\n", MODE, what, got,
		want);
}

/* C2 (allocated, not connected): the connection tables' answers. */
static void walk_unconnected(const char *when)
{
	SQLCHAR buf[64], out[64];
	SQLSMALLINT len;
	SQLINTEGER olen;
	SQLUSMALLINT yes = 0;
	SQLHSTMT st = NULL;
	SQLUINTEGER ac = 0;

	fprintf(stderr, "[%s] connection %s\n", MODE, when);
	conn_case("SQLGetInfo(SQL_DBMS_NAME)",
		  SQLGetInfo(dbc, SQL_DBMS_NAME, buf, sizeof(buf), &len),
		  "08003");
	conn_case("SQLGetInfo(SQL_ODBC_VER)",
		  SQLGetInfo(dbc, SQL_ODBC_VER, buf, sizeof(buf), &len), OK);
	conn_case("SQLGetFunctions",
		  SQLGetFunctions(dbc, SQL_API_SQLFETCH, &yes), "HY010");
	conn_case("SQLAllocHandle(STMT)",
		  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), "08003");
	conn_case("SQLDisconnect", SQLDisconnect(dbc), "08003");
	conn_case("SQLNativeSql",
		  SQLNativeSql(dbc, (SQLCHAR *)"SELECT 1", SQL_NTS, out,
			       sizeof(out), &olen),
		  "08003");
	conn_case("SQLEndTran", SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT),
		  "08003");
	conn_case("SQLGetConnectAttr(AUTOCOMMIT)",
		  SQLGetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, &ac, 0, NULL),
		  OK);
}

static void walk_connected(const char *conn)
{
	SQLCHAR buf[64], out[64];
	SQLSMALLINT len;
	SQLINTEGER olen;
	SQLUSMALLINT yes = 0;
	SQLHSTMT st = NULL;

	fprintf(stderr, "[%s] connection connected\n", MODE);
	conn_case("SQLGetInfo(SQL_DBMS_NAME)",
		  SQLGetInfo(dbc, SQL_DBMS_NAME, buf, sizeof(buf), &len), OK);
	CHECK_STR((char *)buf, "Bitbucket Cloud");
	conn_case("SQLGetFunctions",
		  SQLGetFunctions(dbc, SQL_API_SQLFETCH, &yes), OK);
	CHECK_INT(yes, SQL_TRUE);
	conn_case("SQLNativeSql",
		  SQLNativeSql(dbc, (SQLCHAR *)"SELECT 1", SQL_NTS, out,
			       sizeof(out), &olen),
		  OK);
	conn_case("SQLEndTran", SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT),
		  OK);
	conn_case("SQLEndTran(99)", SQLEndTran(SQL_HANDLE_DBC, dbc, 99),
		  "HY012");
	conn_case("SQLDriverConnect again",
		  SQLDriverConnect(dbc, NULL, (SQLCHAR *)conn, SQL_NTS, NULL, 0,
				   NULL, SQL_DRIVER_NOPROMPT),
		  "08002");
	conn_case("SQLFreeHandle(DBC) while connected",
		  SQLFreeHandle(SQL_HANDLE_DBC, dbc), "HY010");
	/* A statement with a cursor open blocks SQL_ATTR_CURRENT_CATALOG. */
	CHECK(ok(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st)));
	CHECK(reach(st, S6_POSITIONED));
	conn_case("SQLSetConnectAttr(CURRENT_CATALOG) with a cursor open",
		  SQLSetConnectAttr(dbc, SQL_ATTR_CURRENT_CATALOG,
				    (SQLPOINTER) "x", SQL_NTS),
		  "24000");
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
	const char *conn = getenv("BBODBC_CONN");
	SQLRETURN rc;
	char got[8];

	if (!conn) {
		fprintf(stderr, "BBODBC_CONN is not set\n");
		return 2;
	}
	CHECK(ok(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env)));
	CHECK(ok(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION,
			       (SQLPOINTER)SQL_OV_ODBC3, 0)));
	CHECK(ok(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)));
	/* The version is fixed once a connection exists (HY011; the
	 * driver manager answers HY010 for it). */
	rc = SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC2,
			   0);
	outcome(SQL_HANDLE_ENV, env, rc, got);
	CHECK_STR(got, DM ? "HY010" : "HY011");
	walk_unconnected("allocated");
	rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)conn, SQL_NTS, NULL, 0,
			      NULL, SQL_DRIVER_NOPROMPT);
	CHECK(ok(rc));
	if (!ok(rc))
		return CHECK_DONE();
	walk_statement_states();
	walk_connected(conn);
	/* An UPDATE or DELETE changing no row: SQL_NO_DATA for ODBC 3. */
	{
		SQLHSTMT st = NULL;
		SQLLEN n = -1;

		CHECK(ok(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st)));
		CHECK(ok(SQLExecDirect(st, (SQLCHAR *)NORESULT_SQL, SQL_NTS)));
		CHECK(SQLExecDirect(st,
				    (SQLCHAR *)"UPDATE states_t SET a = 2 "
					       "WHERE a = 1",
				    SQL_NTS) == SQL_NO_DATA);
		CHECK(SQLRowCount(st, &n) == SQL_SUCCESS);
		CHECK_INT(n, 0);
		CHECK(ok(SQLExecDirect(st,
				       (SQLCHAR *)"INSERT INTO states_t "
						  "VALUES (1)",
				       SQL_NTS)));
		CHECK(SQLExecDirect(st,
				    (SQLCHAR *)"DELETE FROM states_t WHERE "
					       "a = 1",
				    SQL_NTS) == SQL_SUCCESS);
		SQLFreeHandle(SQL_HANDLE_STMT, st);
	}
	CHECK(SQLDisconnect(dbc) == SQL_SUCCESS);
	walk_unconnected("after SQLDisconnect");
	CHECK(SQLFreeHandle(SQL_HANDLE_DBC, dbc) == SQL_SUCCESS);
	CHECK(SQLFreeHandle(SQL_HANDLE_ENV, env) == SQL_SUCCESS);
	return CHECK_DONE();
}
