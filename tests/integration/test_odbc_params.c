/*
 * test_odbc_params.c - parameters through unixODBC's driver manager:
 * data-at-execution in pieces (text, wide, binary), arrays of parameter
 * sets column-wise and row-wise into a connection-local table with a
 * failing set in the middle, SQL_PARAM_IGNORE, one result set per set of
 * a SELECT, every C type read back, SQLDescribeParam, and the SQLSTATE
 * of each fault. Run by with_emulator.sh, which sets BBODBC_CONN.
 */
#include <sql.h>
#include <sqlext.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static SQLHDBC dbc;

static void state_of(SQLHSTMT st, int rec, char state[6], SQLLEN *row)
{
	SQLINTEGER native;
	SQLSMALLINT len;
	SQLCHAR msg[512];

	state[0] = '\0';
	if (!SQL_SUCCEEDED(SQLGetDiagRec(SQL_HANDLE_STMT, st, (SQLSMALLINT)rec,
					 (SQLCHAR *)state, &native, msg,
					 sizeof(msg), &len)))
		return;
	if (row)
		SQLGetDiagField(SQL_HANDLE_STMT, st, (SQLSMALLINT)rec,
				SQL_DIAG_ROW_NUMBER, row, 0, NULL);
}

#define CHECK_STATE(st, want)                \
	do {                                 \
		char s_[6];                  \
		state_of((st), 1, s_, NULL); \
		CHECK_STR(s_, (want));       \
	} while (0)

static SQLHSTMT fresh(void)
{
	SQLHSTMT st = NULL;

	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
	return st;
}

static void run(const char *sql)
{
	SQLHSTMT st = fresh();
	SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);

	if (!SQL_SUCCEEDED(rc)) {
		char s[6];

		state_of(st, 1, s, NULL);
		fprintf(stderr, "%s: %s\n", sql, s);
	}
	CHECK(SQL_SUCCEEDED(rc));
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* The first column of the first row of sql, as text ("" if none). */
static void scalar(const char *sql, char *out, size_t size)
{
	SQLHSTMT st = fresh();
	SQLLEN ind = 0;

	out[0] = '\0';
	CHECK(SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS)));
	if (SQLFetch(st) == SQL_SUCCESS &&
	    SQL_SUCCEEDED(
		    SQLGetData(st, 1, SQL_C_CHAR, out, (SQLLEN)size, &ind)) &&
	    ind == SQL_NULL_DATA)
		snprintf(out, size, "(null)");
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* 1. Text and binary values sent in pieces; the out-of-sequence calls
 *    in between are HY010. */
static void test_dae_pieces(void)
{
	SQLHSTMT st = fresh();
	SQLINTEGER id = 1;
	SQLLEN name_ind = SQL_LEN_DATA_AT_EXEC(0), data_ind = SQL_DATA_AT_EXEC;
	static const unsigned char bytes[] = {0x00, 0xFF, 0x10, 0x00, 0x7F};
	SQLPOINTER tok = NULL;
	char got[64];

	CHECK(SQLPrepare(st,
			 (SQLCHAR *)"INSERT INTO stage(id, name, data) "
				    "VALUES (?, ?, ?)",
			 SQL_NTS) == SQL_SUCCESS);
	SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
			 &id, 0, NULL);
	SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 0, 0,
			 (SQLPOINTER)2, 0, &name_ind);
	SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_BINARY,
			 SQL_LONGVARBINARY, 0, 0, (SQLPOINTER)3, 0, &data_ind);
	CHECK(SQLPutData(st, "x", 1) == SQL_ERROR);
	CHECK_STATE(st, "HY010");
	CHECK_INT(SQLExecute(st), SQL_NEED_DATA);
	CHECK(SQLFetch(st) == SQL_ERROR);
	CHECK_STATE(st, "HY010");
	CHECK_INT(SQLParamData(st, &tok), SQL_NEED_DATA);
	CHECK(tok == (SQLPOINTER)2);
	CHECK(SQLPutData(st, "Hello, ", SQL_NTS) == SQL_SUCCESS);
	CHECK(SQLPutData(st, "world!!", 5) == SQL_SUCCESS);
	CHECK_INT(SQLParamData(st, &tok), SQL_NEED_DATA);
	CHECK(tok == (SQLPOINTER)3);
	CHECK(SQLPutData(st, (SQLPOINTER)bytes, 2) == SQL_SUCCESS);
	CHECK(SQLPutData(st, (SQLPOINTER)(bytes + 2), 3) == SQL_SUCCESS);
	CHECK_INT(SQLParamData(st, &tok), SQL_SUCCESS);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	scalar("SELECT name FROM stage WHERE id = 1", got, sizeof(got));
	CHECK_STR(got, "Hello, world");
	scalar("SELECT hex(data) FROM stage WHERE id = 1", got, sizeof(got));
	CHECK_STR(got, "00FF10007F");
}

/* 2. UTF-16 sent in pieces cut anywhere, even inside a surrogate pair. */
static void test_dae_wide(void)
{
	/* "Grüße 🚀" */
	static const SQLWCHAR w[] = {'G', 'r', 0xFC,   0xDF,
				     'e', ' ', 0xD83D, 0xDE80};
	SQLHSTMT st = fresh();
	SQLINTEGER id = 2;
	SQLLEN ind = SQL_DATA_AT_EXEC;
	SQLPOINTER tok;
	char got[64];

	SQLPrepare(st, (SQLCHAR *)"INSERT INTO stage(id, name) VALUES (?, ?)",
		   SQL_NTS);
	SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
			 &id, 0, NULL);
	SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WLONGVARCHAR,
			 0, 0, (SQLPOINTER)7, 0, &ind);
	CHECK_INT(SQLExecute(st), SQL_NEED_DATA);
	CHECK_INT(SQLParamData(st, &tok), SQL_NEED_DATA);
	/* 13 bytes, then the last 3: the cut splits the rocket's pair. */
	CHECK(SQLPutData(st, (SQLPOINTER)w, 13) == SQL_SUCCESS);
	CHECK(SQLPutData(st, (SQLPOINTER)((const char *)w + 13), 3) ==
	      SQL_SUCCESS);
	CHECK_INT(SQLParamData(st, &tok), SQL_SUCCESS);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	scalar("SELECT name FROM stage WHERE id = 2", got, sizeof(got));
	CHECK_STR(got, "Grüße 🚀");
}

/* An explicit APD shared by two statements, changed through the other
 * one while the first awaits values: the first finishes on the
 * bindings it started with (it crashed), the change holds from its next
 * execution; SQLDisconnect meanwhile is HY010. */
static void test_dae_shared_apd(void)
{
	SQLHSTMT st = fresh(), st2 = fresh();
	SQLHDESC apd = NULL;
	SQLINTEGER id = 93;
	SQLLEN ind = SQL_DATA_AT_EXEC;
	SQLPOINTER tok;
	char got[64], state[6];

	CHECK(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DESC, dbc, &apd)));
	SQLSetStmtAttr(st, SQL_ATTR_APP_PARAM_DESC, apd, 0);
	SQLSetStmtAttr(st2, SQL_ATTR_APP_PARAM_DESC, apd, 0);
	SQLPrepare(st, (SQLCHAR *)"INSERT INTO stage(id, name) VALUES (?, ?)",
		   SQL_NTS);
	SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
			 &id, 0, NULL);
	SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 0, 0,
			 (SQLPOINTER)2, 0, &ind);
	CHECK_INT(SQLExecute(st), SQL_NEED_DATA);
	CHECK_INT(SQLFreeStmt(st2, SQL_RESET_PARAMS), SQL_SUCCESS);
	CHECK_INT(SQLDisconnect(dbc), SQL_ERROR);
	SQLGetDiagRec(SQL_HANDLE_DBC, dbc, 1, (SQLCHAR *)state, NULL, NULL, 0,
		      NULL);
	CHECK_STR(state, "HY010");
	CHECK_INT(SQLParamData(st, &tok), SQL_NEED_DATA);
	CHECK(tok == (SQLPOINTER)2);
	CHECK(SQLPutData(st, "shared", SQL_NTS) == SQL_SUCCESS);
	CHECK_INT(SQLParamData(st, &tok), SQL_SUCCESS);
	scalar("SELECT name FROM stage WHERE id = 93", got, sizeof(got));
	CHECK_STR(got, "shared");
	/* The reset reached st too: its markers are unbound now. */
	CHECK_INT(SQLExecute(st), SQL_ERROR);
	state_of(st, 1, state, NULL);
	CHECK_STR(state, "07002");
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	SQLFreeHandle(SQL_HANDLE_STMT, st2);
	SQLFreeHandle(SQL_HANDLE_DESC, apd);
	run("DELETE FROM stage WHERE id = 93");
}

/* 3. Faults while sending: a fixed-size value in two pieces (HY019), a
 *    bad length (HY090); SQLCancel abandons an execution, nothing of
 *    it stored, and the statement runs again afterwards. */
static void test_dae_faults(void)
{
	SQLHSTMT st = fresh();
	SQLINTEGER id = 3, v = 5;
	SQLLEN id_ind = SQL_DATA_AT_EXEC, name_ind = SQL_NTS;
	char name[16] = "three";
	SQLPOINTER tok;
	char got[64];

	SQLPrepare(st, (SQLCHAR *)"INSERT INTO stage(id, name) VALUES (?, ?)",
		   SQL_NTS);
	SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
			 &id, 0, &id_ind);
	SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 16, 0,
			 name, sizeof(name), &name_ind);
	CHECK_INT(SQLExecute(st), SQL_NEED_DATA);
	CHECK_INT(SQLParamData(st, &tok), SQL_NEED_DATA);
	CHECK(tok == &id);
	CHECK(SQLPutData(st, &v, 0) == SQL_SUCCESS);
	CHECK(SQLPutData(st, &v, 0) == SQL_ERROR);
	CHECK_STATE(st, "HY019");

	id_ind = SQL_DATA_AT_EXEC;
	name_ind = SQL_DATA_AT_EXEC;
	CHECK_INT(SQLExecute(st), SQL_NEED_DATA);
	CHECK_INT(SQLParamData(st, &tok), SQL_NEED_DATA);
	CHECK(SQLPutData(st, &v, 0) == SQL_SUCCESS);
	CHECK_INT(SQLParamData(st, &tok), SQL_NEED_DATA);
	CHECK(tok == name);
	CHECK(SQLPutData(st, "abc", -7) == SQL_ERROR);
	CHECK_STATE(st, "HY090");

	CHECK_INT(SQLExecute(st), SQL_NEED_DATA);
	CHECK_INT(SQLParamData(st, &tok), SQL_NEED_DATA);
	CHECK(SQLPutData(st, &v, 0) == SQL_SUCCESS);
	CHECK(SQLCancel(st) == SQL_SUCCESS);
	scalar("SELECT count(*) FROM stage WHERE id IN (3, 5)", got,
	       sizeof(got));
	CHECK_STR(got, "0");

	id_ind = 0;
	name_ind = SQL_NTS;
	CHECK(SQLExecute(st) == SQL_SUCCESS);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	scalar("SELECT name FROM stage WHERE id = 3", got, sizeof(got));
	CHECK_STR(got, "three");
}

/* 4. Column-wise: five sets, the third a duplicate key, the fifth
 *    ignored. */
static void test_array_columns(void)
{
	SQLHSTMT st = fresh();
	SQLINTEGER ids[5] = {10, 11, 11, 13, 14};
	char names[5][8] = {"n10", "n11", "dup", "n13", "n14"};
	SQLLEN name_ind[5] = {SQL_NTS, SQL_NTS, SQL_NTS, SQL_NTS, SQL_NTS};
	SQLUSMALLINT status[5], ops[5] = {SQL_PARAM_PROCEED, SQL_PARAM_PROCEED,
					  SQL_PARAM_PROCEED, SQL_PARAM_PROCEED,
					  SQL_PARAM_IGNORE};
	SQLULEN processed = 99;
	SQLLEN rows = -5, row = 0;
	char state[6], got[64];

	SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)5, 0);
	SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
	SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0);
	SQLSetStmtAttr(st, SQL_ATTR_PARAM_OPERATION_PTR, ops, 0);
	SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
			 ids, 0, NULL);
	SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 8, 0,
			 names, 8, name_ind);
	CHECK_INT(SQLExecDirect(st,
				(SQLCHAR *)"INSERT INTO stage(id, name) "
					   "VALUES (?, ?)",
				SQL_NTS),
		  SQL_SUCCESS_WITH_INFO);
	state_of(st, 1, state, &row);
	CHECK_STR(state, "23000");
	CHECK_INT(row, 3);
	CHECK_INT(status[0], SQL_PARAM_SUCCESS);
	CHECK_INT(status[1], SQL_PARAM_SUCCESS);
	CHECK_INT(status[2], SQL_PARAM_ERROR);
	CHECK_INT(status[3], SQL_PARAM_SUCCESS);
	CHECK_INT(status[4], SQL_PARAM_UNUSED);
	CHECK_INT(processed, 5);
	CHECK(SQLRowCount(st, &rows) == SQL_SUCCESS);
	CHECK_INT(rows, 3);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	scalar("SELECT group_concat(id || name, ',') FROM (SELECT * FROM "
	       "stage WHERE id >= 10 ORDER BY id)",
	       got, sizeof(got));
	CHECK_STR(got, "10n10,11n11,13n13");
}

/* 5. A set that inserts two rows and fails on the second leaves
 *    neither (INSERT OR FAIL would keep the first without the
 *    savepoint); the other sets stay. */
static void test_array_atomic(void)
{
	SQLHSTMT st = fresh();
	SQLINTEGER a[2] = {20, 22}, b[2] = {21, 10};
	SQLUSMALLINT status[2];
	char got[64];

	SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)2, 0);
	SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
	SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
			 a, 0, NULL);
	SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
			 b, 0, NULL);
	CHECK_INT(
		SQLExecDirect(st,
			      (SQLCHAR *)"INSERT OR FAIL INTO stage(id, name) "
					 "SELECT ?, 'a' UNION ALL SELECT ?, "
					 "'b'",
			      SQL_NTS),
		SQL_SUCCESS_WITH_INFO);
	CHECK_INT(status[0], SQL_PARAM_SUCCESS);
	CHECK_INT(status[1], SQL_PARAM_ERROR);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	scalar("SELECT group_concat(id, ',') FROM (SELECT id FROM stage "
	       "WHERE id BETWEEN 20 AND 29 ORDER BY id)",
	       got, sizeof(got));
	CHECK_STR(got, "20,21");
}

struct row {
	SQLINTEGER id;
	SQLLEN id_ind;
	char name[12];
	SQLLEN name_ind;
};

/* 6. Row-wise, and the bind offset moving to a second block. */
static void test_array_rows(void)
{
	SQLHSTMT st = fresh();
	struct row r[4] = {{30, 0, "r30", SQL_NTS},
			   {31, 0, "r31", SQL_NTS},
			   {32, 0, "r32", SQL_NTS},
			   {33, 0, "", SQL_NULL_DATA}};
	SQLULEN offset = 0, processed = 0;
	SQLLEN rows = 0;
	char got[64];

	SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)2, 0);
	SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_TYPE,
		       (SQLPOINTER)sizeof(struct row), 0);
	SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_OFFSET_PTR, &offset, 0);
	SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0);
	SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
			 &r[0].id, 0, &r[0].id_ind);
	SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 12, 0,
			 r[0].name, 12, &r[0].name_ind);
	SQLPrepare(st,
		   (SQLCHAR *)"INSERT INTO stage(id, name, n) VALUES (?, "
			      "coalesce(?, 'null'), 1)",
		   SQL_NTS);
	CHECK(SQLExecute(st) == SQL_SUCCESS);
	offset = 2 * sizeof(struct row);
	CHECK(SQLExecute(st) == SQL_SUCCESS);
	CHECK(SQLRowCount(st, &rows) == SQL_SUCCESS);
	CHECK_INT(rows, 2);
	CHECK_INT(processed, 2);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	scalar("SELECT group_concat(id || name, ',') FROM (SELECT * FROM "
	       "stage WHERE id BETWEEN 30 AND 39 ORDER BY id)",
	       got, sizeof(got));
	CHECK_STR(got, "30r30,31r31,32r32,33null");
}

/* 7. Data-at-execution inside an array: each set's value asked for in
 *    turn, at that set's element address. */
static void test_array_dae(void)
{
	SQLHSTMT st = fresh();
	SQLINTEGER ids[3] = {40, 41, 42};
	char bufs[3][16];
	SQLLEN ind[3] = {SQL_DATA_AT_EXEC, SQL_NTS, SQL_LEN_DATA_AT_EXEC(4)};
	SQLPOINTER tok;
	char got[64];

	strcpy(bufs[1], "plain");
	SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)3, 0);
	SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
			 ids, 0, NULL);
	SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 16, 0,
			 bufs, 16, ind);
	CHECK_INT(SQLExecDirect(st,
				(SQLCHAR *)"INSERT INTO stage(id, name) "
					   "VALUES (?, ?)",
				SQL_NTS),
		  SQL_NEED_DATA);
	CHECK_INT(SQLParamData(st, &tok), SQL_NEED_DATA);
	CHECK(tok == bufs[0]);
	SQLPutData(st, "first", SQL_NTS);
	CHECK_INT(SQLParamData(st, &tok), SQL_NEED_DATA);
	CHECK(tok == bufs[2]);
	SQLPutData(st, "th", 2);
	SQLPutData(st, "ird", 3);
	CHECK_INT(SQLParamData(st, &tok), SQL_SUCCESS);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	scalar("SELECT group_concat(name, ',') FROM (SELECT * FROM stage "
	       "WHERE id BETWEEN 40 AND 49 ORDER BY id)",
	       got, sizeof(got));
	CHECK_STR(got, "first,plain,third");
}

/* 8. A SELECT with an array: one result set per set. */
static void test_array_select(void)
{
	SQLHSTMT st = fresh();
	SQLINTEGER ids[3] = {10, 99, 13};
	SQLUINTEGER pas = 0;
	char name[16];
	SQLLEN ind;

	SQLGetInfo(dbc, SQL_PARAM_ARRAY_SELECTS, &pas, sizeof(pas), NULL);
	CHECK_INT(pas, SQL_PAS_BATCH);
	SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)3, 0);
	SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
			 ids, 0, NULL);
	CHECK(SQLExecDirect(st,
			    (SQLCHAR *)"SELECT name FROM stage WHERE id = ?",
			    SQL_NTS) == SQL_SUCCESS);
	SQLBindCol(st, 1, SQL_C_CHAR, name, sizeof(name), &ind);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	CHECK_STR(name, "n10");
	CHECK(SQLFetch(st) == SQL_NO_DATA);
	CHECK(SQLMoreResults(st) == SQL_SUCCESS);
	CHECK(SQLFetch(st) == SQL_NO_DATA);
	CHECK(SQLMoreResults(st) == SQL_SUCCESS);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	CHECK_STR(name, "n13");
	CHECK(SQLMoreResults(st) == SQL_NO_DATA);

	/* Parameters reset between the result sets: 07002, no crash. */
	CHECK(SQLExecDirect(st,
			    (SQLCHAR *)"SELECT name FROM stage WHERE id = ?",
			    SQL_NTS) == SQL_SUCCESS);
	SQLFreeStmt(st, SQL_RESET_PARAMS);
	CHECK(SQLMoreResults(st) == SQL_ERROR);
	CHECK_STATE(st, "07002");
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* 8b. More than the cap of data-at-execution bytes: 22001, nothing
 *     read from the oversized piece. */
static void test_dae_cap(void)
{
	SQLHSTMT st = fresh();
	size_t big = ((size_t)64 << 20) + 1;
	char *huge = calloc(big, 1);
	SQLLEN ind = SQL_DATA_AT_EXEC;
	SQLINTEGER id = 50;
	SQLPOINTER tok;

	SQLPrepare(st, (SQLCHAR *)"INSERT INTO stage(id, data) VALUES (?, ?)",
		   SQL_NTS);
	SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
			 &id, 0, NULL);
	SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_BINARY,
			 SQL_LONGVARBINARY, 0, 0, (SQLPOINTER)1, 0, &ind);
	CHECK_INT(SQLExecute(st), SQL_NEED_DATA);
	CHECK_INT(SQLParamData(st, &tok), SQL_NEED_DATA);
	CHECK(SQLPutData(st, huge, (SQLLEN)big) == SQL_ERROR);
	CHECK_STATE(st, "22001");
	free(huge);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* One value of C type ctype bound as sql_type, as SQLite's quote()
 * shows it ("ERR:<state>" when the driver refuses it). */
static void quoted(SQLSMALLINT ctype, SQLSMALLINT sql_type, void *v, SQLLEN len,
		   char *out, size_t size)
{
	SQLHSTMT st = fresh();
	SQLLEN ind = len, oind;
	SQLRETURN rc;

	out[0] = '\0';
	rc = SQLBindParameter(st, 1, SQL_PARAM_INPUT, ctype, sql_type, 0, 0, v,
			      len > 0 ? len : 0, &ind);
	if (SQL_SUCCEEDED(rc))
		rc = SQLExecDirect(st, (SQLCHAR *)"SELECT quote(?)", SQL_NTS);
	if (!SQL_SUCCEEDED(rc)) {
		char s[6];

		state_of(st, 1, s, NULL);
		snprintf(out, size, "ERR:%s", s);
	} else if (SQLFetch(st) == SQL_SUCCESS) {
		SQLGetData(st, 1, SQL_C_CHAR, out, (SQLLEN)size, &oind);
	}
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

#define QUOTED(ctype, sqlt, v, len, want)                            \
	do {                                                         \
		char q_[128];                                        \
		quoted((ctype), (sqlt), (v), (len), q_, sizeof(q_)); \
		CHECK_STR(q_, (want));                               \
	} while (0)

/* 9. Every C type, converted as the SQL type says. */
static void test_conversions(void)
{
	SQLSCHAR ti = -5;
	SQLCHAR uti = 200, bit = 1;
	SQLSMALLINT sh = -300;
	SQLUSMALLINT ush = 60000;
	SQLINTEGER sl = 70000;
	SQLUINTEGER ul = 4000000000u;
	SQLBIGINT sb = -9000000000LL;
	SQLUBIGINT ub = 18446744073709551615ULL;
	SQLREAL f = 1.5f;
	SQLDOUBLE d = 2.25, half = 1.5;
	SQL_NUMERIC_STRUCT num = {10, 3, 0, {0x40, 0xE2, 0x01}};
	SQL_NUMERIC_STRUCT whole = {10, 2, 1, {0xB0, 0x04}};
	SQL_DATE_STRUCT date = {2024, 2, 29}, bad_date = {2023, 2, 30};
	SQL_TIME_STRUCT tm = {13, 45, 7};
	SQL_TIMESTAMP_STRUCT ts = {2024, 1, 31, 10, 0, 0, 123456000};
	SQLGUID g = {0x12345678,
		     0x9ABC,
		     0xDEF0,
		     {0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF}};
	unsigned char bin[2] = {0xDE, 0xAD};
	SQLWCHAR w42[] = {'4', '2', 0};

	QUOTED(SQL_C_CHAR, SQL_DOUBLE, "12.5", SQL_NTS, "12.5");
	QUOTED(SQL_C_WCHAR, SQL_INTEGER, w42, SQL_NTS, "42");
	QUOTED(SQL_C_WCHAR, SQL_WVARCHAR, w42, SQL_NTS, "'42'");
	QUOTED(SQL_C_STINYINT, SQL_TINYINT, &ti, 0, "-5");
	QUOTED(SQL_C_UTINYINT, SQL_SMALLINT, &uti, 0, "200");
	QUOTED(SQL_C_SSHORT, SQL_INTEGER, &sh, 0, "-300");
	QUOTED(SQL_C_USHORT, SQL_INTEGER, &ush, 0, "60000");
	QUOTED(SQL_C_SLONG, SQL_INTEGER, &sl, 0, "70000");
	QUOTED(SQL_C_ULONG, SQL_BIGINT, &ul, 0, "4000000000");
	QUOTED(SQL_C_SBIGINT, SQL_BIGINT, &sb, 0, "-9000000000");
	QUOTED(SQL_C_UBIGINT, SQL_VARCHAR, &ub, 0, "'18446744073709551615'");
	QUOTED(SQL_C_BIT, SQL_BIT, &bit, 0, "1");
	QUOTED(SQL_C_FLOAT, SQL_REAL, &f, 0, "1.5");
	QUOTED(SQL_C_DOUBLE, SQL_DOUBLE, &d, 0, "2.25");
	QUOTED(SQL_C_NUMERIC, SQL_NUMERIC, &num, 0, "-123.456");
	QUOTED(SQL_C_NUMERIC, SQL_VARCHAR, &num, 0, "'-123.456'");
	QUOTED(SQL_C_NUMERIC, SQL_DECIMAL, &whole, 0, "12");
	QUOTED(SQL_C_TYPE_DATE, SQL_TYPE_DATE, &date, 0, "'2024-02-29'");
	QUOTED(SQL_C_TYPE_DATE, SQL_TYPE_TIMESTAMP, &date, 0,
	       "'2024-02-29 00:00:00.000000'");
	QUOTED(SQL_C_TYPE_TIME, SQL_TYPE_TIME, &tm, 0, "'13:45:07'");
	QUOTED(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, &ts, 0,
	       "'2024-01-31 10:00:00.123456'");
	QUOTED(SQL_C_CHAR, SQL_TYPE_TIMESTAMP, "2024-01-31T10:00:00", SQL_NTS,
	       "'2024-01-31 10:00:00.000000'");
	QUOTED(SQL_C_BINARY, SQL_VARBINARY, bin, 2, "X'DEAD'");
	QUOTED(SQL_C_CHAR, SQL_BINARY, "BEEF", SQL_NTS, "X'BEEF'");
	QUOTED(SQL_C_GUID, SQL_GUID, &g, 0,
	       "'12345678-9ABC-DEF0-0123-456789ABCDEF'");
	QUOTED(SQL_C_CHAR, SQL_GUID, "12345678-9abc-def0-0123-456789abcdef",
	       SQL_NTS, "'12345678-9ABC-DEF0-0123-456789ABCDEF'");
	QUOTED(SQL_C_SLONG, SQL_INTEGER, &sl, SQL_NULL_DATA, "NULL");

	QUOTED(SQL_C_CHAR, SQL_INTEGER, "abc", SQL_NTS, "ERR:22018");
	QUOTED(SQL_C_SLONG, SQL_SMALLINT, &sl, 0, "ERR:22003");
	QUOTED(SQL_C_CHAR, SQL_TYPE_DATE, "2024-13-01", SQL_NTS, "ERR:22007");
	QUOTED(SQL_C_TYPE_DATE, SQL_TYPE_DATE, &bad_date, 0, "ERR:22007");
	QUOTED(SQL_C_TYPE_DATE, SQL_INTEGER, &date, 0, "ERR:07006");
	QUOTED(SQL_C_DOUBLE, SQL_INTEGER, &half, 0, "ERR:22001");
	QUOTED(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_DATE, &ts, 0, "ERR:22008");
	QUOTED(SQL_C_CHAR, SQL_GUID, "not-a-guid", SQL_NTS, "ERR:22018");
	QUOTED(SQL_C_CHAR, SQL_BINARY, "XYZ1", SQL_NTS, "ERR:22018");
	QUOTED((SQLSMALLINT)9999, SQL_INTEGER, &sl, 0, "ERR:HY003");
	QUOTED(SQL_C_SLONG, (SQLSMALLINT)9999, &sl, 0, "ERR:HY004");
}

static void describe(const char *sql, int n, SQLSMALLINT want_type,
		     SQLULEN want_size, SQLSMALLINT want_null, int line)
{
	SQLHSTMT st = fresh();
	SQLSMALLINT type = -1, digits, nullable = -1;
	SQLULEN size = 99;

	CHECK(SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS) == SQL_SUCCESS);
	CHECK(SQLDescribeParam(st, (SQLUSMALLINT)n, &type, &size, &digits,
			       &nullable) == SQL_SUCCESS);
	if (type != want_type || size != want_size || nullable != want_null)
		fprintf(stderr, "line %d: %s ?%d: type %d size %lu null %d\n",
			line, sql, n, type, (unsigned long)size, nullable);
	CHECK_INT(type, want_type);
	CHECK_INT(size, want_size);
	CHECK_INT(nullable, want_null);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* 10. SQLDescribeParam from the columns the markers meet. */
static void test_describe(void)
{
	const char *ins = "INSERT INTO stage(id, name, n) VALUES (?, ?, ?)";
	const char *pr = "SELECT Title FROM PullRequests p WHERE "
			 "p.RepositorySlug = ? AND ? < p.CreatedOn AND Id "
			 "IN (?, ?)";
	SQLUINTEGER parc = 0;

	describe(ins, 1, SQL_INTEGER, 10, SQL_NULLABLE, __LINE__);
	describe(ins, 2, SQL_WVARCHAR, 0, SQL_NO_NULLS, __LINE__);
	describe(ins, 3, SQL_DOUBLE, 15, SQL_NULLABLE, __LINE__);
	describe("INSERT INTO stage VALUES (?, ?, ?, ?)", 4, SQL_DOUBLE, 15,
		 SQL_NULLABLE, __LINE__);
	describe("UPDATE stage SET n = ? WHERE id BETWEEN ? AND ?", 3,
		 SQL_INTEGER, 10, SQL_NULLABLE, __LINE__);
	describe(pr, 1, SQL_WVARCHAR, 128, SQL_NULLABLE, __LINE__);
	describe(pr, 2, SQL_TYPE_TIMESTAMP, 26, SQL_NULLABLE, __LINE__);
	describe(pr, 4, SQL_INTEGER, 10, SQL_NULLABLE, __LINE__);
	describe("SELECT 1 FROM Repositories r, stage s WHERE s.n = ? AND "
		 "r.Slug = ?",
		 1, SQL_DOUBLE, 15, SQL_NULLABLE, __LINE__);
	describe("SELECT ? + 1", 1, SQL_WVARCHAR, 0, SQL_NULLABLE_UNKNOWN,
		 __LINE__);
	SQLGetInfo(dbc, SQL_PARAM_ARRAY_ROW_COUNTS, &parc, sizeof(parc), NULL);
	CHECK_INT(parc, SQL_PARC_NO_BATCH);
}

int main(void)
{
	const char *conn = getenv("BBODBC_CONN");
	SQLHENV env;

	if (!conn) {
		fprintf(stderr, "BBODBC_CONN is not set\n");
		return 2;
	}
	SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
	SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
	SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
	if (!SQL_SUCCEEDED(SQLDriverConnect(dbc, NULL, (SQLCHAR *)conn, SQL_NTS,
					    NULL, 0, NULL,
					    SQL_DRIVER_NOPROMPT))) {
		fprintf(stderr, "cannot connect\n");
		return 2;
	}
	run("CREATE TABLE stage(id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
	    "data BLOB, n REAL)");
	test_dae_pieces();
	test_dae_wide();
	test_dae_shared_apd();
	test_dae_faults();
	test_array_columns();
	test_array_atomic();
	test_array_rows();
	test_array_dae();
	test_array_select();
	test_dae_cap();
	test_conversions();
	test_describe();
	SQLDisconnect(dbc);
	SQLFreeHandle(SQL_HANDLE_DBC, dbc);
	SQLFreeHandle(SQL_HANDLE_ENV, env);
	return CHECK_DONE();
}
