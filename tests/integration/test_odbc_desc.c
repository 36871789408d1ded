/*
 * test_odbc_desc.c - descriptors through unixODBC's driver manager: each
 * field of the ARD, APD, IRD and IPD read and set with its values
 * checked, fetching and executing through buffers bound only with
 * SQLSetDescRec and SQLSetDescField, an explicit ARD shared by two
 * statements, SQLCopyDesc, the SQLSTATEs of the faults, and the wide
 * forms with non-ASCII names, a static cursor scrolled into an ARD.
 * Run by with_emulator.sh (BBODBC_CONN).
 */
#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static SQLHENV env;
static SQLHDBC dbc;

/* Five rows with known values, computed by the engine without a call
 * to the API; the third row's text is NULL. */
static const char five_rows[] =
	"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
	"WHERE i < 5) SELECT i, CASE WHEN i = 3 THEN NULL ELSE 'row' || i "
	"END AS t FROM n ORDER BY i";

static void state_of(SQLSMALLINT type, SQLHANDLE h, char state[6])
{
	SQLINTEGER native;
	SQLSMALLINT len;
	SQLCHAR msg[512];

	state[0] = '\0';
	SQLGetDiagRec(type, h, 1, (SQLCHAR *)state, &native, msg, sizeof(msg),
		      &len);
}

/* The SQLSTATE of a call that must fail on a descriptor handle. */
#define CHECK_DESC_FAIL(call, h, want)               \
	do {                                         \
		char st_[6];                         \
		CHECK((call) == SQL_ERROR);          \
		state_of(SQL_HANDLE_DESC, (h), st_); \
		CHECK_STR(st_, (want));              \
	} while (0)

#define CHECK_STMT_FAIL(call, h, want)               \
	do {                                         \
		char st_[6];                         \
		CHECK((call) == SQL_ERROR);          \
		state_of(SQL_HANDLE_STMT, (h), st_); \
		CHECK_STR(st_, (want));              \
	} while (0)

static SQLHDESC desc_of(SQLHSTMT st, SQLINTEGER which)
{
	SQLHDESC d = NULL;

	CHECK(SQLGetStmtAttr(st, which, &d, SQL_IS_POINTER, NULL) ==
	      SQL_SUCCESS);
	return d;
}

/* Typed readers: each field has its own C type. */
static SQLSMALLINT get_small(SQLHDESC d, SQLSMALLINT rec, SQLSMALLINT f)
{
	SQLSMALLINT v = -12345;

	CHECK(SQLGetDescField(d, rec, f, &v, SQL_IS_SMALLINT, NULL) ==
	      SQL_SUCCESS);
	return v;
}

static SQLINTEGER get_int(SQLHDESC d, SQLSMALLINT rec, SQLSMALLINT f)
{
	SQLINTEGER v = -12345;

	CHECK(SQLGetDescField(d, rec, f, &v, SQL_IS_INTEGER, NULL) ==
	      SQL_SUCCESS);
	return v;
}

static SQLLEN get_len(SQLHDESC d, SQLSMALLINT rec, SQLSMALLINT f)
{
	SQLLEN v = -12345;

	CHECK(SQLGetDescField(d, rec, f, &v, sizeof(v), NULL) == SQL_SUCCESS);
	return v;
}

static SQLPOINTER get_ptr(SQLHDESC d, SQLSMALLINT rec, SQLSMALLINT f)
{
	SQLPOINTER v = (SQLPOINTER)(uintptr_t)1;

	CHECK(SQLGetDescField(d, rec, f, &v, SQL_IS_POINTER, NULL) ==
	      SQL_SUCCESS);
	return v;
}

static const char *get_str(SQLHDESC d, SQLSMALLINT rec, SQLSMALLINT f)
{
	static char buf[256];
	SQLINTEGER len = -1;

	strcpy(buf, "(unset)");
	CHECK(SQLGetDescField(d, rec, f, buf, sizeof(buf), &len) ==
	      SQL_SUCCESS);
	CHECK_INT(len, strlen(buf));
	return buf;
}

static void set_num(SQLHDESC d, SQLSMALLINT rec, SQLSMALLINT f, SQLLEN v)
{
	CHECK(SQLSetDescField(d, rec, f, (SQLPOINTER)(intptr_t)v, 0) ==
	      SQL_SUCCESS);
}

static void set_ptr(SQLHDESC d, SQLSMALLINT rec, SQLSMALLINT f, void *p)
{
	CHECK(SQLSetDescField(d, rec, f, p, SQL_IS_POINTER) == SQL_SUCCESS);
}

static SQLHSTMT new_stmt(void)
{
	SQLHSTMT st = NULL;

	CHECK(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st) == SQL_SUCCESS);
	return st;
}

static const char repo_cols[] =
	"SELECT Slug, IsPrivate, Size, CreatedOn FROM Repositories";

/* 1. The IRD: HY007 before a statement is prepared; after SQLPrepare,
 *    each column's names, types and sizes, as SQLColAttribute says. */
static void test_ird_prepared(void)
{
	SQLHSTMT st = new_stmt();
	SQLHDESC ird = desc_of(st, SQL_ATTR_IMP_ROW_DESC);
	SQLSMALLINT n = 0;
	char state[6];

	CHECK_DESC_FAIL(SQLGetDescField(ird, 0, SQL_DESC_COUNT, &n,
					SQL_IS_SMALLINT, NULL),
			ird, "HY007");
	CHECK_DESC_FAIL(SQLGetDescField(ird, 1, SQL_DESC_TYPE, &n,
					SQL_IS_SMALLINT, NULL),
			ird, "HY007");
	CHECK(SQLPrepare(st, (SQLCHAR *)repo_cols, SQL_NTS) == SQL_SUCCESS);
	CHECK_INT(get_small(ird, 0, SQL_DESC_COUNT), 4);
	CHECK_INT(get_small(ird, 0, SQL_DESC_ALLOC_TYPE), SQL_DESC_ALLOC_AUTO);
	CHECK_STR(get_str(ird, 1, SQL_DESC_NAME), "Slug");
	CHECK_STR(get_str(ird, 1, SQL_DESC_LABEL), "Slug");
	CHECK_STR(get_str(ird, 1, SQL_DESC_BASE_COLUMN_NAME), "Slug");
	CHECK_STR(get_str(ird, 1, SQL_DESC_TABLE_NAME), "Repositories");
	CHECK_STR(get_str(ird, 1, SQL_DESC_BASE_TABLE_NAME), "Repositories");
	CHECK_STR(get_str(ird, 1, SQL_DESC_SCHEMA_NAME), "");
	CHECK_STR(get_str(ird, 1, SQL_DESC_CATALOG_NAME), "");
	CHECK_STR(get_str(ird, 1, SQL_DESC_TYPE_NAME), "VARCHAR");
	CHECK_STR(get_str(ird, 1, SQL_DESC_LOCAL_TYPE_NAME), "VARCHAR");
	CHECK_STR(get_str(ird, 1, SQL_DESC_LITERAL_PREFIX), "'");
	CHECK_STR(get_str(ird, 1, SQL_DESC_LITERAL_SUFFIX), "'");
	CHECK_INT(get_small(ird, 1, SQL_DESC_TYPE), SQL_WVARCHAR);
	CHECK_INT(get_small(ird, 1, SQL_DESC_CONCISE_TYPE), SQL_WVARCHAR);
	CHECK_INT(get_len(ird, 1, SQL_DESC_LENGTH), 128);
	CHECK_INT(get_len(ird, 1, SQL_DESC_OCTET_LENGTH), 256);
	CHECK_INT(get_len(ird, 1, SQL_DESC_DISPLAY_SIZE), 128);
	CHECK_INT(get_int(ird, 1, SQL_DESC_CASE_SENSITIVE), SQL_TRUE);
	CHECK_INT(get_small(ird, 1, SQL_DESC_SEARCHABLE), SQL_PRED_SEARCHABLE);
	CHECK_INT(get_small(ird, 1, SQL_DESC_UNNAMED), SQL_NAMED);
	CHECK_INT(get_small(ird, 1, SQL_DESC_UPDATABLE), SQL_ATTR_READONLY);
	CHECK_INT(get_int(ird, 1, SQL_DESC_AUTO_UNIQUE_VALUE), SQL_FALSE);
	CHECK_INT(get_small(ird, 1, SQL_DESC_FIXED_PREC_SCALE), SQL_FALSE);
	CHECK_INT(get_small(ird, 1, SQL_DESC_ROWVER), SQL_FALSE);
	CHECK_INT(get_int(ird, 1, SQL_DESC_NUM_PREC_RADIX), 0);
	CHECK_INT(get_small(ird, 2, SQL_DESC_CONCISE_TYPE), SQL_BIT);
	CHECK_INT(get_small(ird, 3, SQL_DESC_CONCISE_TYPE), SQL_BIGINT);
	CHECK_INT(get_int(ird, 3, SQL_DESC_NUM_PREC_RADIX), 10);
	CHECK_INT(get_small(ird, 3, SQL_DESC_UNSIGNED), SQL_FALSE);
	CHECK_INT(get_small(ird, 3, SQL_DESC_PRECISION), 19);
	CHECK_INT(get_small(ird, 3, SQL_DESC_SCALE), 0);
	CHECK_INT(get_small(ird, 4, SQL_DESC_TYPE), SQL_DATETIME);
	CHECK_INT(get_small(ird, 4, SQL_DESC_CONCISE_TYPE), SQL_TYPE_TIMESTAMP);
	CHECK_INT(get_small(ird, 4, SQL_DESC_DATETIME_INTERVAL_CODE),
		  SQL_CODE_TIMESTAMP);
	CHECK_INT(get_int(ird, 4, SQL_DESC_DATETIME_INTERVAL_PRECISION), 0);
	CHECK_INT(get_small(ird, 4, SQL_DESC_PRECISION), 6);
	CHECK_INT(get_small(ird, 4, SQL_DESC_NULLABLE), SQL_NULLABLE);
	CHECK_STR(get_str(ird, 4, SQL_DESC_TYPE_NAME), "TIMESTAMP");
	/* Records past the last column: SQL_NO_DATA; record 0: 07009. */
	CHECK(SQLGetDescField(ird, 5, SQL_DESC_TYPE, &n, SQL_IS_SMALLINT,
			      NULL) == SQL_NO_DATA);
	CHECK_DESC_FAIL(SQLGetDescField(ird, 0, SQL_DESC_TYPE, &n,
					SQL_IS_SMALLINT, NULL),
			ird, "07009");
	state_of(SQL_HANDLE_DESC, ird, state);
	CHECK_STR(state, "07009");
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* 2. The IRD is read-only (HY016) but for its two status pointers,
 *    which are SQL_ATTR_ROW_STATUS_PTR and SQL_ATTR_ROWS_FETCHED_PTR;
 *    fields it does not have are HY091; after execution an expression
 *    has its type. */
static void test_ird_rules(void)
{
	SQLHSTMT st = new_stmt();
	SQLHDESC ird = desc_of(st, SQL_ATTR_IMP_ROW_DESC);
	SQLUSMALLINT status[4];
	SQLULEN fetched = 0;
	SQLPOINTER p = NULL;
	SQLLEN n = 0;

	CHECK(SQLExecDirect(st,
			    (SQLCHAR *)"SELECT COUNT(*) AS n FROM Repositories",
			    SQL_NTS) == SQL_SUCCESS);
	CHECK_INT(get_small(ird, 1, SQL_DESC_CONCISE_TYPE), SQL_BIGINT);
	CHECK_STR(get_str(ird, 1, SQL_DESC_NAME), "n");
	CHECK_STR(get_str(ird, 1, SQL_DESC_BASE_COLUMN_NAME), "");
	CHECK_DESC_FAIL(SQLSetDescField(ird, 1, SQL_DESC_NAME, "x", SQL_NTS),
			ird, "HY016");
	CHECK_DESC_FAIL(
		SQLSetDescField(ird, 0, SQL_DESC_COUNT, (SQLPOINTER)1, 0), ird,
		"HY016");
	CHECK_DESC_FAIL(
		SQLSetDescRec(ird, 1, SQL_C_CHAR, 0, 10, 0, 0, &n, &n, &n), ird,
		"HY016");
	CHECK_DESC_FAIL(SQLGetDescField(ird, 1, SQL_DESC_DATA_PTR, &p,
					SQL_IS_POINTER, NULL),
			ird, "HY091");
	CHECK_DESC_FAIL(SQLGetDescField(ird, 0, SQL_DESC_ARRAY_SIZE, &n,
					sizeof(n), NULL),
			ird, "HY091");
	CHECK_DESC_FAIL(SQLGetDescField(ird, 1, 9999, &n, sizeof(n), NULL), ird,
			"HY091");
	set_ptr(ird, 0, SQL_DESC_ARRAY_STATUS_PTR, status);
	set_ptr(ird, 0, SQL_DESC_ROWS_PROCESSED_PTR, &fetched);
	CHECK(SQLGetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, &p, 0, NULL) ==
	      SQL_SUCCESS);
	CHECK(p == status);
	CHECK(SQLGetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &p, 0, NULL) ==
	      SQL_SUCCESS);
	CHECK(p == &fetched);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	CHECK_INT(fetched, 1);
	CHECK_INT(status[0], SQL_ROW_SUCCESS);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* 3. The ARD's header: the row-array statement attributes are its
 *    fields, both ways. */
static void test_ard_header(void)
{
	SQLHSTMT st = new_stmt();
	SQLHDESC ard = desc_of(st, SQL_ATTR_APP_ROW_DESC);
	SQLUSMALLINT ops[3];
	SQLLEN offset = 0;
	SQLULEN v = 0;
	SQLPOINTER p = NULL;

	CHECK_INT(get_small(ard, 0, SQL_DESC_ALLOC_TYPE), SQL_DESC_ALLOC_AUTO);
	CHECK_INT(get_len(ard, 0, SQL_DESC_ARRAY_SIZE), 1);
	CHECK_INT(get_int(ard, 0, SQL_DESC_BIND_TYPE), SQL_BIND_BY_COLUMN);
	CHECK_INT(get_small(ard, 0, SQL_DESC_COUNT), 0);
	CHECK(get_ptr(ard, 0, SQL_DESC_BIND_OFFSET_PTR) == NULL);
	CHECK(get_ptr(ard, 0, SQL_DESC_ARRAY_STATUS_PTR) == NULL);
	set_num(ard, 0, SQL_DESC_ARRAY_SIZE, 3);
	CHECK(SQLGetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, &v, 0, NULL) ==
	      SQL_SUCCESS);
	CHECK_INT(v, 3);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)7, 0) ==
	      SQL_SUCCESS);
	CHECK_INT(get_len(ard, 0, SQL_DESC_ARRAY_SIZE), 7);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)24, 0) ==
	      SQL_SUCCESS);
	CHECK_INT(get_int(ard, 0, SQL_DESC_BIND_TYPE), 24);
	set_num(ard, 0, SQL_DESC_BIND_TYPE, SQL_BIND_BY_COLUMN);
	CHECK(SQLGetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, &v, 0, NULL) ==
	      SQL_SUCCESS);
	CHECK_INT(v, SQL_BIND_BY_COLUMN);
	set_ptr(ard, 0, SQL_DESC_BIND_OFFSET_PTR, &offset);
	CHECK(SQLGetStmtAttr(st, SQL_ATTR_ROW_BIND_OFFSET_PTR, &p, 0, NULL) ==
	      SQL_SUCCESS);
	CHECK(p == &offset);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_ROW_OPERATION_PTR, ops, 0) ==
	      SQL_SUCCESS);
	CHECK(get_ptr(ard, 0, SQL_DESC_ARRAY_STATUS_PTR) == ops);
	set_ptr(ard, 0, SQL_DESC_ARRAY_STATUS_PTR, ops + 1);
	CHECK(SQLGetStmtAttr(st, SQL_ATTR_ROW_OPERATION_PTR, &p, 0, NULL) ==
	      SQL_SUCCESS);
	CHECK(p == ops + 1);
	CHECK_DESC_FAIL(SQLGetDescField(ard, 0, SQL_DESC_ROWS_PROCESSED_PTR, &p,
					SQL_IS_POINTER, NULL),
			ard, "HY091");
	CHECK_DESC_FAIL(SQLSetDescField(ard, 0, SQL_DESC_ALLOC_TYPE,
					(SQLPOINTER)SQL_DESC_ALLOC_USER, 0),
			ard, "HY091");
	CHECK_DESC_FAIL(
		SQLSetDescField(ard, 0, SQL_DESC_ARRAY_SIZE, (SQLPOINTER)0, 0),
		ard, "HY024");
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* 4. SQLBindCol's bindings read back from the ARD, and unbinding the
 *    highest record lowers SQL_DESC_COUNT. */
static void test_ard_bindcol(void)
{
	SQLHSTMT st = new_stmt();
	SQLHDESC ard = desc_of(st, SQL_ATTR_APP_ROW_DESC);
	SQLINTEGER v;
	char text[16];
	SQLLEN ind, ind2;

	CHECK(SQLBindCol(st, 3, SQL_C_SLONG, &v, 0, &ind) == SQL_SUCCESS);
	CHECK(SQLBindCol(st, 1, SQL_C_CHAR, text, sizeof(text), &ind2) ==
	      SQL_SUCCESS);
	CHECK_INT(get_small(ard, 0, SQL_DESC_COUNT), 3);
	CHECK_INT(get_small(ard, 3, SQL_DESC_TYPE), SQL_C_SLONG);
	CHECK_INT(get_small(ard, 3, SQL_DESC_CONCISE_TYPE), SQL_C_SLONG);
	CHECK(get_ptr(ard, 3, SQL_DESC_DATA_PTR) == &v);
	CHECK(get_ptr(ard, 3, SQL_DESC_INDICATOR_PTR) == &ind);
	CHECK(get_ptr(ard, 3, SQL_DESC_OCTET_LENGTH_PTR) == &ind);
	CHECK_INT(get_small(ard, 1, SQL_DESC_CONCISE_TYPE), SQL_C_CHAR);
	CHECK_INT(get_len(ard, 1, SQL_DESC_OCTET_LENGTH), sizeof(text));
	CHECK(get_ptr(ard, 1, SQL_DESC_DATA_PTR) == text);
	/* Record 2 was never bound: its defaults. */
	CHECK_INT(get_small(ard, 2, SQL_DESC_CONCISE_TYPE), SQL_C_DEFAULT);
	CHECK(get_ptr(ard, 2, SQL_DESC_DATA_PTR) == NULL);
	CHECK(SQLBindCol(st, 3, SQL_C_SLONG, NULL, 0, NULL) == SQL_SUCCESS);
	CHECK_INT(get_small(ard, 0, SQL_DESC_COUNT), 1);
	CHECK(SQLFreeStmt(st, SQL_UNBIND) == SQL_SUCCESS);
	CHECK_INT(get_small(ard, 0, SQL_DESC_COUNT), 0);
	/* Fields only an implementation descriptor has: HY091. */
	CHECK_DESC_FAIL(SQLGetDescField(ard, 1, SQL_DESC_NAME, text,
					sizeof(text), NULL),
			ard, "HY091");
	CHECK_DESC_FAIL(SQLSetDescField(ard, 1, SQL_DESC_PARAMETER_TYPE,
					(SQLPOINTER)SQL_PARAM_INPUT, 0),
			ard, "HY091");
	CHECK_DESC_FAIL(SQLSetDescField(ard, 1, SQL_DESC_NULLABLE,
					(SQLPOINTER)SQL_NULLABLE, 0),
			ard, "HY091");
	/* No bookmarks: record 0 is 07009 on every application descriptor. */
	CHECK_DESC_FAIL(
		SQLSetDescField(ard, 0, SQL_DESC_DATA_PTR, &v, SQL_IS_POINTER),
		ard, "07009");
	CHECK_DESC_FAIL(
		SQLSetDescRec(ard, 0, SQL_C_SLONG, 0, 4, 0, 0, &v, NULL, NULL),
		ard, "07009");
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Sets each record field a descriptor of this kind may set, with a
 * value of its own, and reads every one back (record 2 of d). */
static void record_roundtrip(SQLHDESC d, int ipd)
{
	SQLLEN a = 0, b = 0;
	char data[4];

	set_num(d, 2, SQL_DESC_CONCISE_TYPE, ipd ? SQL_INTEGER : SQL_C_SLONG);
	set_num(d, 2, SQL_DESC_LENGTH, 21);
	set_num(d, 2, SQL_DESC_OCTET_LENGTH, 22);
	set_num(d, 2, SQL_DESC_PRECISION, 23);
	set_num(d, 2, SQL_DESC_SCALE, 3);
	set_num(d, 2, SQL_DESC_NUM_PREC_RADIX, 2);
	set_num(d, 2, SQL_DESC_DATETIME_INTERVAL_PRECISION, 5);
	CHECK_INT(get_small(d, 0, SQL_DESC_COUNT), 2);
	CHECK_INT(get_small(d, 2, SQL_DESC_TYPE),
		  ipd ? SQL_INTEGER : SQL_C_SLONG);
	CHECK_INT(get_len(d, 2, SQL_DESC_LENGTH), 21);
	CHECK_INT(get_len(d, 2, SQL_DESC_OCTET_LENGTH), 22);
	CHECK_INT(get_small(d, 2, SQL_DESC_PRECISION), 23);
	CHECK_INT(get_small(d, 2, SQL_DESC_SCALE), 3);
	CHECK_INT(get_int(d, 2, SQL_DESC_NUM_PREC_RADIX), 2);
	CHECK_INT(get_int(d, 2, SQL_DESC_DATETIME_INTERVAL_PRECISION), 5);
	if (ipd) {
		set_num(d, 2, SQL_DESC_PARAMETER_TYPE, SQL_PARAM_INPUT);
		CHECK_INT(get_small(d, 2, SQL_DESC_PARAMETER_TYPE),
			  SQL_PARAM_INPUT);
		set_ptr(d, 2, SQL_DESC_DATA_PTR, data);
		set_num(d, 0, SQL_DESC_COUNT, 0);
		return;
	}
	set_ptr(d, 2, SQL_DESC_OCTET_LENGTH_PTR, &a);
	set_ptr(d, 2, SQL_DESC_INDICATOR_PTR, &b);
	set_ptr(d, 2, SQL_DESC_DATA_PTR, data);
	CHECK(get_ptr(d, 2, SQL_DESC_OCTET_LENGTH_PTR) == &a);
	CHECK(get_ptr(d, 2, SQL_DESC_INDICATOR_PTR) == &b);
	CHECK(get_ptr(d, 2, SQL_DESC_DATA_PTR) == data);
	set_num(d, 0, SQL_DESC_COUNT, 0);
	CHECK_INT(get_small(d, 0, SQL_DESC_COUNT), 0);
}

/* 5. What setting a type sets, the unbinding of a record whose type
 *    changes after its data pointer, and the consistency check. */
static void test_type_rules(void)
{
	SQLHSTMT st = new_stmt();
	SQLHDESC ard = desc_of(st, SQL_ATTR_APP_ROW_DESC);
	char buf[8];

	set_num(ard, 1, SQL_DESC_PRECISION, 9);
	set_num(ard, 1, SQL_DESC_TYPE, SQL_C_CHAR);
	CHECK_INT(get_small(ard, 1, SQL_DESC_CONCISE_TYPE), SQL_C_CHAR);
	CHECK_INT(get_len(ard, 1, SQL_DESC_LENGTH), 1);
	CHECK_INT(get_small(ard, 1, SQL_DESC_PRECISION), 0);
	CHECK_INT(get_small(ard, 1, SQL_DESC_DATETIME_INTERVAL_CODE), 0);
	set_num(ard, 1, SQL_DESC_CONCISE_TYPE, SQL_C_TYPE_TIMESTAMP);
	CHECK_INT(get_small(ard, 1, SQL_DESC_TYPE), SQL_DATETIME);
	CHECK_INT(get_small(ard, 1, SQL_DESC_DATETIME_INTERVAL_CODE),
		  SQL_CODE_TIMESTAMP);
	CHECK_INT(get_small(ard, 1, SQL_DESC_PRECISION), 6);
	set_num(ard, 1, SQL_DESC_TYPE, SQL_DATETIME);
	set_num(ard, 1, SQL_DESC_DATETIME_INTERVAL_CODE, SQL_CODE_DATE);
	CHECK_INT(get_small(ard, 1, SQL_DESC_CONCISE_TYPE), SQL_C_TYPE_DATE);
	CHECK_INT(get_small(ard, 1, SQL_DESC_PRECISION), 0);
	set_num(ard, 1, SQL_DESC_CONCISE_TYPE, SQL_C_NUMERIC);
	CHECK_INT(get_small(ard, 1, SQL_DESC_TYPE), SQL_C_NUMERIC);
	CHECK_INT(get_small(ard, 1, SQL_DESC_PRECISION), 38);
	CHECK_INT(get_small(ard, 1, SQL_DESC_SCALE), 0);
	set_num(ard, 1, SQL_DESC_NUM_PREC_RADIX, 10);
	CHECK_INT(get_int(ard, 1, SQL_DESC_NUM_PREC_RADIX), 10);
	set_num(ard, 1, SQL_DESC_DATETIME_INTERVAL_PRECISION, 4);
	CHECK_INT(get_int(ard, 1, SQL_DESC_DATETIME_INTERVAL_PRECISION), 4);
	/* A data pointer, then a changed attribute: unbound again. */
	set_num(ard, 1, SQL_DESC_CONCISE_TYPE, SQL_C_CHAR);
	set_num(ard, 1, SQL_DESC_OCTET_LENGTH, sizeof(buf));
	set_ptr(ard, 1, SQL_DESC_DATA_PTR, buf);
	CHECK(get_ptr(ard, 1, SQL_DESC_DATA_PTR) == buf);
	CHECK_INT(get_len(ard, 1, SQL_DESC_OCTET_LENGTH), sizeof(buf));
	set_num(ard, 1, SQL_DESC_LENGTH, 5);
	CHECK_INT(get_len(ard, 1, SQL_DESC_LENGTH), 5);
	CHECK(get_ptr(ard, 1, SQL_DESC_DATA_PTR) == NULL);
	/* The consistency check on SQL_DESC_DATA_PTR: HY021. */
	set_num(ard, 2, SQL_DESC_CONCISE_TYPE, 4321);
	CHECK_DESC_FAIL(
		SQLSetDescField(ard, 2, SQL_DESC_DATA_PTR, buf, SQL_IS_POINTER),
		ard, "HY021");
	CHECK(get_ptr(ard, 2, SQL_DESC_DATA_PTR) == NULL);
	set_num(ard, 2, SQL_DESC_CONCISE_TYPE, SQL_C_NUMERIC);
	set_num(ard, 2, SQL_DESC_PRECISION, 50);
	CHECK_DESC_FAIL(
		SQLSetDescField(ard, 2, SQL_DESC_DATA_PTR, buf, SQL_IS_POINTER),
		ard, "HY021");
	CHECK_DESC_FAIL(SQLSetDescRec(ard, 2, SQL_DATETIME, 9, 16, 0, 0, buf,
				      NULL, NULL),
			ard, "HY021");
	/* SQL_DESC_COUNT set by hand: records appear with defaults, and
	 * go. */
	set_num(ard, 0, SQL_DESC_COUNT, 4);
	CHECK_INT(get_small(ard, 4, SQL_DESC_TYPE), SQL_C_DEFAULT);
	set_num(ard, 0, SQL_DESC_COUNT, 0);
	CHECK(SQLGetDescField(ard, 1, SQL_DESC_TYPE, buf, SQL_IS_SMALLINT,
			      NULL) == SQL_NO_DATA);
	record_roundtrip(ard, 0);
	record_roundtrip(desc_of(st, SQL_ATTR_APP_PARAM_DESC), 0);
	record_roundtrip(desc_of(st, SQL_ATTR_IMP_PARAM_DESC), 1);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Fetches five_rows in sets of two into col1[] and, for column 2,
 * text[][8] with lengths in len[] and the NULL indicator in ind[]. */
static void fetch_pairs(SQLHSTMT st, SQLINTEGER *col1, char text[][8],
			SQLLEN *len, SQLLEN *ind)
{
	SQLUSMALLINT status[2];
	SQLULEN got = 0;
	SQLHDESC ird = desc_of(st, SQL_ATTR_IMP_ROW_DESC);
	int set;

	set_ptr(ird, 0, SQL_DESC_ARRAY_STATUS_PTR, status);
	set_ptr(ird, 0, SQL_DESC_ROWS_PROCESSED_PTR, &got);
	CHECK(SQLExecDirect(st, (SQLCHAR *)five_rows, SQL_NTS) == SQL_SUCCESS);
	for (set = 0; set < 3; set++) {
		CHECK(SQL_SUCCEEDED(SQLFetch(st)));
		CHECK_INT(got, set < 2 ? 2 : 1);
		CHECK_INT(status[0], SQL_ROW_SUCCESS);
		CHECK_INT(status[1], set < 2 ? SQL_ROW_SUCCESS : SQL_ROW_NOROW);
		CHECK_INT(col1[0], set * 2 + 1);
		if (set < 2)
			CHECK_INT(col1[1], set * 2 + 2);
		if (set == 0) {
			CHECK_STR(text[0], "row1");
			CHECK_STR(text[1], "row2");
			CHECK_INT(len[0], 4);
			CHECK_INT(ind[1], 0);
		} else if (set == 1) {
			CHECK_INT(ind[0], SQL_NULL_DATA); /* row 3 */
			CHECK_INT(len[0], 77);            /* untouched */
			CHECK_STR(text[1], "row4");
		} else {
			CHECK_STR(text[0], "row5");
		}
		len[0] = 77;
	}
	CHECK(SQLFetch(st) == SQL_NO_DATA);
	SQLCloseCursor(st);
}

/* 6. Buffers bound only through the ARD (SQLSetDescRec for column 1,
 *    SQLSetDescField for column 2, its length and NULL indicator in
 *    separate arrays), two rows at a time. */
static void test_fetch_by_desc(void)
{
	SQLHSTMT st = new_stmt();
	SQLHDESC ard = desc_of(st, SQL_ATTR_APP_ROW_DESC);
	SQLINTEGER col1[2] = {0, 0};
	char text[2][8];
	SQLLEN len[2] = {77, 77}, ind[2] = {77, 77}, ind1[2];
	SQLULEN v = 0;

	set_num(ard, 0, SQL_DESC_ARRAY_SIZE, 2);
	CHECK(SQLSetDescRec(ard, 1, SQL_C_SLONG, 0, sizeof(SQLINTEGER), 0, 0,
			    col1, NULL, ind1) == SQL_SUCCESS);
	set_num(ard, 2, SQL_DESC_CONCISE_TYPE, SQL_C_CHAR);
	set_num(ard, 2, SQL_DESC_OCTET_LENGTH, 8);
	set_ptr(ard, 2, SQL_DESC_OCTET_LENGTH_PTR, len);
	set_ptr(ard, 2, SQL_DESC_INDICATOR_PTR, ind);
	set_ptr(ard, 2, SQL_DESC_DATA_PTR, text);
	CHECK_INT(get_small(ard, 0, SQL_DESC_COUNT), 2);
	CHECK(SQLGetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, &v, 0, NULL) ==
	      SQL_SUCCESS);
	CHECK_INT(v, 2);
	fetch_pairs(st, col1, text, len, ind);
	CHECK_INT(ind1[0], 0);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* 7. Row-wise binding through the ARD: SQL_DESC_BIND_TYPE is the size
 *    of a row, SQL_DESC_BIND_OFFSET_PTR moves every buffer. */
static void test_row_wise_desc(void)
{
	struct row {
		SQLINTEGER i;
		SQLLEN i_ind;
		char t[8];
		SQLLEN t_ind;
	} rows[4];
	SQLHSTMT st = new_stmt();
	SQLHDESC ard = desc_of(st, SQL_ATTR_APP_ROW_DESC);
	SQLLEN offset = 2 * (SQLLEN)sizeof(struct row);

	memset(rows, 0, sizeof(rows));
	set_num(ard, 0, SQL_DESC_ARRAY_SIZE, 2);
	set_num(ard, 0, SQL_DESC_BIND_TYPE, sizeof(struct row));
	set_ptr(ard, 0, SQL_DESC_BIND_OFFSET_PTR, &offset);
	CHECK(SQLSetDescRec(ard, 1, SQL_C_SLONG, 0, 4, 0, 0, &rows[0].i,
			    &rows[0].i_ind, &rows[0].i_ind) == SQL_SUCCESS);
	CHECK(SQLSetDescRec(ard, 2, SQL_C_CHAR, 0, 8, 0, 0, rows[0].t,
			    &rows[0].t_ind, &rows[0].t_ind) == SQL_SUCCESS);
	CHECK(SQLExecDirect(st, (SQLCHAR *)five_rows, SQL_NTS) == SQL_SUCCESS);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	CHECK_INT(rows[0].i, 0);
	CHECK_INT(rows[2].i, 1);
	CHECK_INT(rows[3].i, 2);
	CHECK_STR(rows[3].t, "row2");
	CHECK_INT(rows[3].t_ind, 4);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* 8. SQLBindParameter's values in the APD and IPD, the parameter
 *    statement attributes as their header fields, and the rules of
 *    the IPD. */
static void test_apd_ipd_fields(SQLHSTMT st)
{
	SQLHDESC apd = desc_of(st, SQL_ATTR_APP_PARAM_DESC);
	SQLHDESC ipd = desc_of(st, SQL_ATTR_IMP_PARAM_DESC);
	char buf[65] = "abc";
	SQLINTEGER num = 0;
	SQLLEN ind = SQL_NTS, offset = 0, n;
	SQLUSMALLINT ops[2], status[2];
	SQLULEN done = 0, v = 0;
	SQLPOINTER p = NULL;

	CHECK(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR,
			       64, 0, buf, sizeof(buf), &ind) == SQL_SUCCESS);
	CHECK(SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_DECIMAL,
			       10, 2, &num, 0, NULL) == SQL_SUCCESS);
	CHECK(SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_TYPE_TIMESTAMP,
			       SQL_TYPE_TIMESTAMP, 26, 6, &num, 0,
			       NULL) == SQL_SUCCESS);
	CHECK_INT(get_small(apd, 0, SQL_DESC_COUNT), 3);
	CHECK_INT(get_small(apd, 1, SQL_DESC_CONCISE_TYPE), SQL_C_CHAR);
	CHECK_INT(get_len(apd, 1, SQL_DESC_OCTET_LENGTH), sizeof(buf));
	CHECK(get_ptr(apd, 1, SQL_DESC_DATA_PTR) == buf);
	CHECK(get_ptr(apd, 1, SQL_DESC_INDICATOR_PTR) == &ind);
	CHECK(get_ptr(apd, 1, SQL_DESC_OCTET_LENGTH_PTR) == &ind);
	CHECK_INT(get_small(apd, 3, SQL_DESC_TYPE), SQL_DATETIME);
	CHECK_INT(get_small(ipd, 0, SQL_DESC_COUNT), 3);
	CHECK_INT(get_small(ipd, 0, SQL_DESC_ALLOC_TYPE), SQL_DESC_ALLOC_AUTO);
	CHECK_INT(get_small(ipd, 1, SQL_DESC_CONCISE_TYPE), SQL_VARCHAR);
	CHECK_INT(get_len(ipd, 1, SQL_DESC_LENGTH), 64);
	CHECK_INT(get_small(ipd, 1, SQL_DESC_PARAMETER_TYPE), SQL_PARAM_INPUT);
	CHECK_INT(get_small(ipd, 1, SQL_DESC_NULLABLE), SQL_NULLABLE);
	CHECK_INT(get_small(ipd, 1, SQL_DESC_UNNAMED), SQL_UNNAMED);
	CHECK_INT(get_small(ipd, 1, SQL_DESC_ROWVER), SQL_FALSE);
	CHECK_INT(get_int(ipd, 1, SQL_DESC_CASE_SENSITIVE), SQL_TRUE);
	CHECK_INT(get_small(ipd, 1, SQL_DESC_FIXED_PREC_SCALE), SQL_FALSE);
	CHECK_INT(get_small(ipd, 1, SQL_DESC_UNSIGNED), SQL_TRUE);
	CHECK_STR(get_str(ipd, 1, SQL_DESC_TYPE_NAME), "VARCHAR");
	CHECK_STR(get_str(ipd, 1, SQL_DESC_LOCAL_TYPE_NAME), "VARCHAR");
	CHECK_STR(get_str(ipd, 1, SQL_DESC_NAME), "");
	CHECK_INT(get_small(ipd, 2, SQL_DESC_TYPE), SQL_DECIMAL);
	CHECK_INT(get_small(ipd, 2, SQL_DESC_PRECISION), 10);
	CHECK_INT(get_small(ipd, 2, SQL_DESC_SCALE), 2);
	CHECK_INT(get_small(ipd, 3, SQL_DESC_TYPE), SQL_DATETIME);
	CHECK_INT(get_small(ipd, 3, SQL_DESC_DATETIME_INTERVAL_CODE),
		  SQL_CODE_TIMESTAMP);
	CHECK_INT(get_small(ipd, 3, SQL_DESC_PRECISION), 6);
	CHECK_INT(get_len(ipd, 3, SQL_DESC_LENGTH), 26);
	/* The parameter attributes are the APD's and IPD's header. */
	set_num(apd, 0, SQL_DESC_ARRAY_SIZE, 4);
	CHECK(SQLGetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, &v, 0, NULL) ==
	      SQL_SUCCESS);
	CHECK_INT(v, 4);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)1, 0) ==
	      SQL_SUCCESS);
	CHECK_INT(get_len(apd, 0, SQL_DESC_ARRAY_SIZE), 1);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_TYPE, (SQLPOINTER)40, 0) ==
	      SQL_SUCCESS);
	CHECK_INT(get_int(apd, 0, SQL_DESC_BIND_TYPE), 40);
	set_num(apd, 0, SQL_DESC_BIND_TYPE, SQL_PARAM_BIND_BY_COLUMN);
	CHECK(SQLGetStmtAttr(st, SQL_ATTR_PARAM_BIND_TYPE, &v, 0, NULL) ==
	      SQL_SUCCESS);
	CHECK_INT(v, SQL_PARAM_BIND_BY_COLUMN);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_OFFSET_PTR, &offset, 0) ==
	      SQL_SUCCESS);
	CHECK(get_ptr(apd, 0, SQL_DESC_BIND_OFFSET_PTR) == &offset);
	set_ptr(apd, 0, SQL_DESC_BIND_OFFSET_PTR, NULL);
	set_ptr(apd, 0, SQL_DESC_ARRAY_STATUS_PTR, ops);
	CHECK(SQLGetStmtAttr(st, SQL_ATTR_PARAM_OPERATION_PTR, &p, 0, NULL) ==
	      SQL_SUCCESS);
	CHECK(p == ops);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0) ==
	      SQL_SUCCESS);
	CHECK(get_ptr(ipd, 0, SQL_DESC_ARRAY_STATUS_PTR) == status);
	set_ptr(ipd, 0, SQL_DESC_ROWS_PROCESSED_PTR, &done);
	CHECK(SQLGetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &p, 0, NULL) ==
	      SQL_SUCCESS);
	CHECK(p == &done);
	CHECK_DESC_FAIL(SQLGetDescField(ipd, 0, SQL_DESC_ARRAY_SIZE, &n,
					sizeof(n), NULL),
			ipd, "HY091");
	CHECK_DESC_FAIL(SQLGetDescField(apd, 0, SQL_DESC_ROWS_PROCESSED_PTR, &p,
					SQL_IS_POINTER, NULL),
			apd, "HY091");
	/* Executions write through these: none may outlive this test. */
	set_ptr(apd, 0, SQL_DESC_ARRAY_STATUS_PTR, NULL);
	set_ptr(ipd, 0, SQL_DESC_ARRAY_STATUS_PTR, NULL);
	set_ptr(ipd, 0, SQL_DESC_ROWS_PROCESSED_PTR, NULL);
	SQLFreeStmt(st, SQL_RESET_PARAMS);
	CHECK_INT(get_small(apd, 0, SQL_DESC_COUNT), 0);
}

/* 9. The IPD's own rules: names, SQL_UNNAMED only, input parameters
 *    only, read-only fields, the consistency check on DATA_PTR. */
static void test_ipd_rules(SQLHSTMT st)
{
	SQLHDESC ipd = desc_of(st, SQL_ATTR_IMP_PARAM_DESC);
	SQLPOINTER p = NULL;
	SQLINTEGER count = 0;

	CHECK(SQLSetDescField(ipd, 1, SQL_DESC_NAME, "p1", SQL_NTS) ==
	      SQL_SUCCESS);
	CHECK_STR(get_str(ipd, 1, SQL_DESC_NAME), "p1");
	CHECK_INT(get_small(ipd, 1, SQL_DESC_UNNAMED), SQL_NAMED);
	CHECK_DESC_FAIL(SQLSetDescField(ipd, 1, SQL_DESC_UNNAMED,
					(SQLPOINTER)SQL_NAMED, 0),
			ipd, "HY091");
	CHECK(SQLGetDiagField(SQL_HANDLE_DESC, ipd, 0, SQL_DIAG_NUMBER, &count,
			      0, NULL) == SQL_SUCCESS);
	CHECK_INT(count, 1);
	set_num(ipd, 1, SQL_DESC_UNNAMED, SQL_UNNAMED);
	CHECK_INT(get_small(ipd, 1, SQL_DESC_UNNAMED), SQL_UNNAMED);
	CHECK_DESC_FAIL(SQLSetDescField(ipd, 1, SQL_DESC_PARAMETER_TYPE,
					(SQLPOINTER)SQL_PARAM_OUTPUT, 0),
			ipd, "HYC00");
	CHECK_DESC_FAIL(SQLSetDescField(ipd, 1, SQL_DESC_NULLABLE,
					(SQLPOINTER)SQL_NO_NULLS, 0),
			ipd, "HY091");
	CHECK_DESC_FAIL(SQLSetDescField(ipd, 1, SQL_DESC_INDICATOR_PTR, &p,
					SQL_IS_POINTER),
			ipd, "HY091");
	CHECK_DESC_FAIL(SQLGetDescField(ipd, 0, SQL_DESC_TYPE, &p,
					SQL_IS_SMALLINT, NULL),
			ipd, "07009");
	set_num(ipd, 1, SQL_DESC_CONCISE_TYPE, SQL_INTEGER);
	set_ptr(ipd, 1, SQL_DESC_DATA_PTR, &count);
	CHECK_DESC_FAIL(SQLGetDescField(ipd, 1, SQL_DESC_DATA_PTR, &p,
					SQL_IS_POINTER, NULL),
			ipd, "HY091");
	set_num(ipd, 1, SQL_DESC_CONCISE_TYPE, SQL_C_SLONG); /* a C type */
	CHECK_DESC_FAIL(SQLSetDescField(ipd, 1, SQL_DESC_DATA_PTR, &count,
					SQL_IS_POINTER),
			ipd, "HY021");
	set_num(ipd, 0, SQL_DESC_COUNT, 0);
}

/* 10. A parameter bound only through the APD and IPD, its length and
 *     NULL indicator apart; an array of two sets through the APD. */
static void test_params_by_desc(SQLHSTMT st)
{
	SQLHDESC apd = desc_of(st, SQL_ATTR_APP_PARAM_DESC);
	SQLHDESC ipd = desc_of(st, SQL_ATTR_IMP_PARAM_DESC);
	char in[8] = "abcdef", out[16];
	char in2[2][8] = {"abcdef", "uvwxyz"};
	SQLLEN octets = 3, null_ind = 0, outlen = 0;
	SQLLEN oct2[2] = {2, 4}, ind2[2] = {0, 0};

	CHECK(SQLPrepare(st, (SQLCHAR *)"SELECT ? || 'x'", SQL_NTS) ==
	      SQL_SUCCESS);
	CHECK(SQLSetDescRec(apd, 1, SQL_C_CHAR, 0, sizeof(in), 0, 0, in,
			    &octets, &null_ind) == SQL_SUCCESS);
	set_num(ipd, 1, SQL_DESC_CONCISE_TYPE, SQL_VARCHAR);
	set_num(ipd, 1, SQL_DESC_LENGTH, 8);
	CHECK(SQLExecute(st) == SQL_SUCCESS);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	CHECK(SQLGetData(st, 1, SQL_C_CHAR, out, sizeof(out), &outlen) ==
	      SQL_SUCCESS);
	CHECK_STR(out, "abcx");
	SQLCloseCursor(st);
	null_ind = SQL_NULL_DATA;
	CHECK(SQLExecute(st) == SQL_SUCCESS);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	CHECK(SQLGetData(st, 1, SQL_C_CHAR, out, sizeof(out), &outlen) ==
	      SQL_SUCCESS);
	CHECK_INT(outlen, SQL_NULL_DATA);
	SQLCloseCursor(st);
	/* Two sets through the APD's array size: a result set each. */
	CHECK(SQLSetDescRec(apd, 1, SQL_C_CHAR, 0, 8, 0, 0, in2, oct2, ind2) ==
	      SQL_SUCCESS);
	set_num(apd, 0, SQL_DESC_ARRAY_SIZE, 2);
	CHECK(SQLExecute(st) == SQL_SUCCESS);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	SQLGetData(st, 1, SQL_C_CHAR, out, sizeof(out), &outlen);
	CHECK_STR(out, "abx");
	CHECK(SQLMoreResults(st) == SQL_SUCCESS);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	SQLGetData(st, 1, SQL_C_CHAR, out, sizeof(out), &outlen);
	CHECK_STR(out, "uvwxx");
	CHECK(SQLMoreResults(st) == SQL_NO_DATA);
	set_num(apd, 0, SQL_DESC_ARRAY_SIZE, 1);
	SQLFreeStmt(st, SQL_RESET_PARAMS);
}

static void exec_fetch(SQLHSTMT st, const char *sql, SQLRETURN want)
{
	SQLCloseCursor(st);
	CHECK(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS) == SQL_SUCCESS);
	CHECK(SQLFetch(st) == want);
}

/* 11. One explicit ARD shared by two statements: rows of either land
 *     in its buffers, SQLBindCol on one binds for both; SQL_NULL_HDESC
 *     and freeing the descriptor put them back on their own. */
static void test_explicit_shared(void)
{
	SQLHSTMT a = new_stmt(), b = new_stmt();
	SQLHDESC d = NULL, implicit_b = desc_of(b, SQL_ATTR_APP_ROW_DESC);
	SQLINTEGER v = 0;
	SQLLEN ind = 0, tind = 0;
	char t[8] = "";

	CHECK(SQLAllocHandle(SQL_HANDLE_DESC, dbc, &d) == SQL_SUCCESS);
	CHECK_INT(get_small(d, 0, SQL_DESC_ALLOC_TYPE), SQL_DESC_ALLOC_USER);
	CHECK_INT(get_small(d, 0, SQL_DESC_COUNT), 0);
	CHECK(SQLSetDescRec(d, 1, SQL_C_SLONG, 0, 4, 0, 0, &v, &ind, &ind) ==
	      SQL_SUCCESS);
	CHECK(SQLSetStmtAttr(a, SQL_ATTR_APP_ROW_DESC, d, 0) == SQL_SUCCESS);
	CHECK(SQLSetStmtAttr(b, SQL_ATTR_APP_ROW_DESC, d, 0) == SQL_SUCCESS);
	CHECK(desc_of(a, SQL_ATTR_APP_ROW_DESC) == d);
	exec_fetch(a, "SELECT 7", SQL_SUCCESS);
	CHECK_INT(v, 7);
	exec_fetch(b, "SELECT 8 AS v, 'eight' AS t", SQL_SUCCESS);
	CHECK_INT(v, 8);
	CHECK(SQLBindCol(b, 2, SQL_C_CHAR, t, sizeof(t), &tind) == SQL_SUCCESS);
	CHECK_INT(get_small(d, 0, SQL_DESC_COUNT), 2);
	CHECK(get_ptr(d, 2, SQL_DESC_DATA_PTR) == t);
	exec_fetch(a, "SELECT 9, 'nine'", SQL_SUCCESS);
	CHECK_INT(v, 9);
	CHECK_STR(t, "nine");
	CHECK_INT(tind, 4);
	/* Another statement's implicit ARD, or an implementation
	 * descriptor: HY017. */
	CHECK_STMT_FAIL(SQLSetStmtAttr(a, SQL_ATTR_APP_ROW_DESC, implicit_b, 0),
			a, "HY017");
	CHECK_STMT_FAIL(SQLSetStmtAttr(a, SQL_ATTR_IMP_ROW_DESC, d, 0), a,
			"HY017");
	CHECK_DESC_FAIL(SQLFreeHandle(SQL_HANDLE_DESC, implicit_b), implicit_b,
			"HY017");
	CHECK(SQLSetStmtAttr(b, SQL_ATTR_APP_ROW_DESC, SQL_NULL_HDESC, 0) ==
	      SQL_SUCCESS);
	/* The driver is back on b's implicit ARD, which binds nothing.
	 * (unixODBC 2.3 keeps answering SQLGetStmtAttr with the handle it
	 * was given last: it resets its APD instead of its ARD.) */
	v = -1;
	exec_fetch(b, "SELECT 10", SQL_SUCCESS);
	CHECK_INT(v, -1);
	CHECK_INT(get_small(implicit_b, 0, SQL_DESC_COUNT), 0);
	CHECK_INT(get_small(d, 0, SQL_DESC_COUNT), 2);
	/* SQL_UNBIND on a statement unbinds the shared descriptor. */
	CHECK(SQLFreeStmt(a, SQL_UNBIND) == SQL_SUCCESS);
	CHECK_INT(get_small(d, 0, SQL_DESC_COUNT), 0);
	CHECK(SQLSetDescRec(d, 1, SQL_C_SLONG, 0, 4, 0, 0, &v, &ind, &ind) ==
	      SQL_SUCCESS);
	CHECK(SQLFreeHandle(SQL_HANDLE_DESC, d) == SQL_SUCCESS);
	CHECK(desc_of(a, SQL_ATTR_APP_ROW_DESC) != d);
	exec_fetch(a, "SELECT 11", SQL_SUCCESS);
	CHECK_INT(v, -1);
	SQLFreeHandle(SQL_HANDLE_STMT, a);
	SQLFreeHandle(SQL_HANDLE_STMT, b);
}

/* 12. An explicit APD: a statement's parameter comes from it. */
static void test_explicit_apd(void)
{
	SQLHSTMT st = new_stmt();
	SQLHDESC d = NULL;
	char in[4] = "abc", out[8] = "";
	SQLLEN len = SQL_NTS, outlen = 0;

	CHECK(SQLAllocHandle(SQL_HANDLE_DESC, dbc, &d) == SQL_SUCCESS);
	CHECK(SQLSetDescRec(d, 1, SQL_C_CHAR, 0, sizeof(in), 0, 0, in, &len,
			    &len) == SQL_SUCCESS);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_APP_PARAM_DESC, d, 0) == SQL_SUCCESS);
	set_num(desc_of(st, SQL_ATTR_IMP_PARAM_DESC), 1, SQL_DESC_CONCISE_TYPE,
		SQL_VARCHAR);
	CHECK(SQLExecDirect(st, (SQLCHAR *)"SELECT ? || 'y'", SQL_NTS) ==
	      SQL_SUCCESS);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	CHECK(SQLGetData(st, 1, SQL_C_CHAR, out, sizeof(out), &outlen) ==
	      SQL_SUCCESS);
	CHECK_STR(out, "abcy");
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	CHECK(SQLFreeHandle(SQL_HANDLE_DESC, d) == SQL_SUCCESS);
}

/* 13. SQLCopyDesc: the IRD into the ARD, then the copy bound and
 *     fetched; into an explicit descriptor; HY016 and HY007. */
static void test_copy_desc(void)
{
	SQLHSTMT st = new_stmt(), other = new_stmt();
	SQLHDESC ird = desc_of(st, SQL_ATTR_IMP_ROW_DESC);
	SQLHDESC ard = desc_of(st, SQL_ATTR_APP_ROW_DESC), d = NULL;
	SQLBIGINT big = 0;
	char t[8] = "";
	SQLLEN tlen = 0;

	CHECK_DESC_FAIL(SQLCopyDesc(desc_of(other, SQL_ATTR_IMP_ROW_DESC), ard),
			ard, "HY007");
	CHECK(SQLExecDirect(st, (SQLCHAR *)"SELECT 11 AS a, 'xyz' AS b",
			    SQL_NTS) == SQL_SUCCESS);
	CHECK(SQLCopyDesc(ird, ard) == SQL_SUCCESS);
	CHECK_INT(get_small(ard, 0, SQL_DESC_COUNT), 2);
	CHECK_INT(get_small(ard, 1, SQL_DESC_CONCISE_TYPE), SQL_BIGINT);
	CHECK_INT(get_small(ard, 2, SQL_DESC_CONCISE_TYPE), SQL_WVARCHAR);
	CHECK_INT(get_len(ard, 2, SQL_DESC_LENGTH), 255);
	CHECK(get_ptr(ard, 1, SQL_DESC_DATA_PTR) == NULL);
	set_num(ard, 1, SQL_DESC_CONCISE_TYPE, SQL_C_SBIGINT);
	set_ptr(ard, 1, SQL_DESC_DATA_PTR, &big);
	CHECK(SQLSetDescRec(ard, 2, SQL_C_CHAR, 0, sizeof(t), 0, 0, t, &tlen,
			    &tlen) == SQL_SUCCESS);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	CHECK_INT(big, 11);
	CHECK_STR(t, "xyz");
	CHECK_INT(tlen, 3);
	CHECK_DESC_FAIL(SQLCopyDesc(ard, ird), ird, "HY016");
	CHECK(SQLAllocHandle(SQL_HANDLE_DESC, dbc, &d) == SQL_SUCCESS);
	record_roundtrip(d, 0);
	CHECK(SQLCopyDesc(ard, d) == SQL_SUCCESS);
	CHECK_INT(get_small(d, 0, SQL_DESC_ALLOC_TYPE), SQL_DESC_ALLOC_USER);
	CHECK_INT(get_small(d, 0, SQL_DESC_COUNT), 2);
	CHECK(get_ptr(d, 1, SQL_DESC_DATA_PTR) == &big);
	CHECK_INT(get_small(d, 2, SQL_DESC_CONCISE_TYPE), SQL_C_CHAR);
	CHECK(SQLFreeHandle(SQL_HANDLE_DESC, d) == SQL_SUCCESS);
	SQLFreeHandle(SQL_HANDLE_STMT, other);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* 14. Wide forms: non-ASCII column aliases out of the IRD as UTF-16
 *     (lengths in bytes for SQLGetDescFieldW, characters for
 *     SQLGetDescRecW), an IPD name set in UTF-16 and read in UTF-8. */
static void test_wide_names(void)
{
	static const SQLWCHAR namae[] = {0x540D, 0x524D, 0};
	static const SQLWCHAR uni[] = {0xFC, 'n', 0xEF, 0};
	static const SQLWCHAR param[] = {0x53C2, 0x6570, 0};
	SQLHSTMT st = new_stmt();
	SQLHDESC ird = desc_of(st, SQL_ATTR_IMP_ROW_DESC);
	SQLHDESC ipd = desc_of(st, SQL_ATTR_IMP_PARAM_DESC);
	SQLWCHAR w[16];
	SQLINTEGER blen = 0;
	SQLSMALLINT clen = 0, type = 0, sub = 0, prec = 0, scale = 0, null = 0;
	SQLLEN len = 0;
	char state[6], name[32];

	CHECK(SQLExecDirect(st, (SQLCHAR *)"SELECT 1 AS \"名前\", 2 AS \"ünï\"",
			    SQL_NTS) == SQL_SUCCESS);
	CHECK(SQLGetDescFieldW(ird, 1, SQL_DESC_NAME, w, sizeof(w), &blen) ==
	      SQL_SUCCESS);
	CHECK_INT(blen, 2 * sizeof(SQLWCHAR));
	CHECK(memcmp(w, namae, sizeof(namae)) == 0);
	CHECK_STR(get_str(ird, 1, SQL_DESC_NAME), "名前");
	CHECK(SQLGetDescRecW(ird, 2, w, 16, &clen, &type, &sub, &len, &prec,
			     &scale, &null) == SQL_SUCCESS);
	CHECK_INT(clen, 3);
	CHECK(memcmp(w, uni, sizeof(uni)) == 0);
	CHECK_INT(type, SQL_BIGINT);
	CHECK_INT(len, 8);
	/* A buffer of two characters holds one and the terminator. */
	CHECK(SQLGetDescFieldW(ird, 1, SQL_DESC_LABEL, w, 2 * sizeof(SQLWCHAR),
			       &blen) == SQL_SUCCESS_WITH_INFO);
	state_of(SQL_HANDLE_DESC, ird, state);
	CHECK_STR(state, "01004");
	CHECK_INT(blen, 2 * sizeof(SQLWCHAR));
	CHECK(w[0] == namae[0] && w[1] == 0);
	CHECK(SQLSetDescFieldW(ipd, 1, SQL_DESC_NAME, (SQLPOINTER)param,
			       SQL_NTS) == SQL_SUCCESS);
	CHECK_STR(get_str(ipd, 1, SQL_DESC_NAME), "参数");
	CHECK(SQLGetDescFieldW(ipd, 1, SQL_DESC_NAME, w, sizeof(w), &blen) ==
	      SQL_SUCCESS);
	CHECK(memcmp(w, param, sizeof(param)) == 0);
	CHECK(SQLGetDescRec(ipd, 1, (SQLCHAR *)name, sizeof(name), &clen, &type,
			    &sub, &len, &prec, &scale, &null) == SQL_SUCCESS);
	CHECK_STR(name, "参数");
	CHECK_INT(clen, strlen("参数"));
	CHECK_INT(null, SQL_NULLABLE);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* 16. A static cursor fills what the ARD binds: rows 4 and 5 by
 *     SQL_FETCH_ABSOLUTE, then row 2 by SQL_FETCH_PRIOR. */
static void test_scroll_by_desc(void)
{
	SQLHSTMT st = new_stmt();
	SQLHDESC ard = desc_of(st, SQL_ATTR_APP_ROW_DESC);
	SQLINTEGER v[2] = {0, 0};
	SQLULEN got = 0;

	CHECK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE,
			     (SQLPOINTER)SQL_CURSOR_STATIC, 0) == SQL_SUCCESS);
	set_num(ard, 0, SQL_DESC_ARRAY_SIZE, 2);
	set_ptr(desc_of(st, SQL_ATTR_IMP_ROW_DESC), 0,
		SQL_DESC_ROWS_PROCESSED_PTR, &got);
	CHECK(SQLSetDescRec(ard, 1, SQL_C_SLONG, 0, 4, 0, 0, v, NULL, NULL) ==
	      SQL_SUCCESS);
	CHECK(SQLExecDirect(st, (SQLCHAR *)five_rows, SQL_NTS) == SQL_SUCCESS);
	CHECK(SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 4) == SQL_SUCCESS);
	CHECK_INT(got, 2);
	CHECK_INT(v[0], 4);
	CHECK_INT(v[1], 5);
	CHECK(SQLFetchScroll(st, SQL_FETCH_PRIOR, 0) == SQL_SUCCESS);
	CHECK_INT(v[0], 2);
	CHECK_INT(v[1], 3);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* 15. SQLGetFunctions reports the descriptor functions. */
static void test_functions(void)
{
	static const SQLUSMALLINT ids[] = {
		SQL_API_SQLGETDESCFIELD, SQL_API_SQLSETDESCFIELD,
		SQL_API_SQLGETDESCREC,   SQL_API_SQLSETDESCREC,
		SQL_API_SQLCOPYDESC,
	};
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		SQLUSMALLINT yes = SQL_FALSE;

		CHECK(SQLGetFunctions(dbc, ids[i], &yes) == SQL_SUCCESS);
		CHECK_INT(yes, SQL_TRUE);
	}
}

int main(void)
{
	const char *conn = getenv("BBODBC_CONN");
	SQLHSTMT st;
	SQLHDESC left = NULL;

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
		CHECK(!"connect");
		return CHECK_DONE();
	}
	test_ird_prepared();
	test_ird_rules();
	test_ard_header();
	test_ard_bindcol();
	test_type_rules();
	test_fetch_by_desc();
	test_row_wise_desc();
	st = new_stmt();
	test_apd_ipd_fields(st);
	test_ipd_rules(st);
	test_params_by_desc(st);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	test_explicit_shared();
	test_explicit_apd();
	test_copy_desc();
	test_wide_names();
	test_scroll_by_desc();
	test_functions();
	/* A descriptor still allocated goes with the connection. */
	CHECK(SQLAllocHandle(SQL_HANDLE_DESC, dbc, &left) == SQL_SUCCESS);
	SQLDisconnect(dbc);
	SQLFreeHandle(SQL_HANDLE_DBC, dbc);
	SQLFreeHandle(SQL_HANDLE_ENV, env);
	return CHECK_DONE();
}
