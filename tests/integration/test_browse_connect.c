/*
 * test_browse_connect.c - SQLBrowseConnect through unixODBC: the rounds
 * ask for what is missing, a wrong token ends browsing with 28000 and a
 * fresh start, the last round connects and gives back a connection
 * string that SQLDriverConnect accepts; SQLCancelHandle on both kinds of
 * handle. Run by with_emulator.sh (BBODBC_DRIVER, BBEMU_URL).
 */
#include <sql.h>
#include <sqlext.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static SQLHENV env;

static SQLRETURN round_of(SQLHDBC dbc, const char *in, char *out,
			  SQLSMALLINT size)
{
	SQLSMALLINT len = 0;
	SQLRETURN rc;

	out[0] = '\0';
	rc = SQLBrowseConnect(dbc, (SQLCHAR *)in, SQL_NTS, (SQLCHAR *)out, size,
			      &len);
	if (rc == SQL_NEED_DATA || SQL_SUCCEEDED(rc))
		CHECK_INT(len, (SQLSMALLINT)strlen(out));
	return rc;
}

static void state_of(SQLHDBC dbc, char state[6])
{
	SQLINTEGER native;
	SQLSMALLINT len;
	SQLCHAR msg[512];

	state[0] = '\0';
	SQLGetDiagRec(SQL_HANDLE_DBC, dbc, 1, (SQLCHAR *)state, &native, msg,
		      sizeof(msg), &len);
	CHECK(strstr((char *)msg, "demo-token") == NULL);
}

static void test_rounds(const char *drv, const char *url)
{
	char in[1024], out[1024], full[1024], state[6];
	SQLHDBC dbc = NULL, again = NULL;
	SQLHSTMT st = NULL;
	SQLINTEGER n = 0;
	SQLRETURN rc;

	SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
	snprintf(in, sizeof(in), "DRIVER={%s};BaseURL=%s", drv, url);
	CHECK_INT(round_of(dbc, in, out, sizeof(out)), SQL_NEED_DATA);
	CHECK(strstr(out, "User:") != NULL);
	CHECK(strstr(out, "ApiToken:") != NULL);
	CHECK(strstr(out, "*AccessToken:") != NULL);

	/* A user without a token: the token is what is asked next. */
	CHECK_INT(round_of(dbc, "User=demo", out, sizeof(out)), SQL_NEED_DATA);
	CHECK(strncmp(out, "ApiToken:", 9) == 0);
	CHECK(strstr(out, "User:") == NULL);

	/* A wrong token: 28000, and browsing starts over. */
	CHECK_INT(round_of(dbc, "ApiToken=wrong-one", out, sizeof(out)),
		  SQL_ERROR);
	state_of(dbc, state);
	CHECK_STR(state, "28000");
	CHECK_INT(round_of(dbc, in, out, sizeof(out)), SQL_NEED_DATA);
	CHECK(strstr(out, "User:") != NULL);

	CHECK_INT(round_of(dbc, "User=demo;ApiToken=demo-token;Workspace=acme",
			   out, sizeof(out)),
		  SQL_SUCCESS);
	CHECK(strstr(out, "Workspace=acme") != NULL);
	snprintf(full, sizeof(full), "%s", out);
	CHECK(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st)));
	CHECK(SQL_SUCCEEDED(SQLExecDirect(
		st, (SQLCHAR *)"SELECT COUNT(*) FROM Repositories", SQL_NTS)));
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	SQLGetData(st, 1, SQL_C_SLONG, &n, 0, NULL);
	CHECK(n > 120);
	CHECK_INT(SQLCancelHandle(SQL_HANDLE_STMT, st), SQL_SUCCESS);
	CHECK_INT(SQLCancelHandle(SQL_HANDLE_DBC, dbc), SQL_SUCCESS);
	SQLFreeHandle(SQL_HANDLE_STMT, st);

	/* Browsing a connected connection: 08002. */
	CHECK_INT(round_of(dbc, in, out, sizeof(out)), SQL_ERROR);
	state_of(dbc, state);
	CHECK_STR(state, "08002");

	/* What came back connects on its own. */
	SQLAllocHandle(SQL_HANDLE_DBC, env, &again);
	rc = SQLDriverConnect(again, NULL, (SQLCHAR *)full, SQL_NTS, NULL, 0,
			      NULL, SQL_DRIVER_NOPROMPT);
	if (!SQL_SUCCEEDED(rc))
		state_of(again, state);
	CHECK_STR(SQL_SUCCEEDED(rc) ? "" : state, "");
	SQLDisconnect(again);
	SQLFreeHandle(SQL_HANDLE_DBC, again);
	SQLDisconnect(dbc);
	SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

/* Freeing a connection in the middle of browsing loses nothing (and
 * leaks nothing: the sanitizer build checks). */
static void test_abandoned(const char *drv, const char *url)
{
	char in[1024], out[64];
	SQLHDBC dbc = NULL;

	SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
	snprintf(in, sizeof(in), "DRIVER={%s};BaseURL=%s;User=demo", drv, url);
	/* A buffer too small for the request: still SQL_NEED_DATA, with
	 * 01004 and the whole length. */
	SQLSMALLINT len = 0;
	char state[6];

	CHECK_INT(SQLBrowseConnect(dbc, (SQLCHAR *)in, SQL_NTS, (SQLCHAR *)out,
				   8, &len),
		  SQL_NEED_DATA);
	CHECK_INT(strlen(out), 7);
	CHECK(len > 20);
	state_of(dbc, state);
	CHECK_STR(state, "01004");
	SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

int main(void)
{
	const char *drv = getenv("BBODBC_DRIVER");
	const char *url = getenv("BBEMU_URL");

	const char *ini = getenv("ODBCSYSINI");
	char path[1024];
	FILE *f;

	if (!drv || !url || !ini) {
		fprintf(stderr, "BBODBC_DRIVER, BBEMU_URL and ODBCSYSINI must "
				"be set\n");
		return 2;
	}
	/* unixODBC browses only a driver registered by name. */
	snprintf(path, sizeof(path), "%s/odbcinst.ini", ini);
	f = fopen(path, "w");
	if (!f)
		return 2;
	fprintf(f, "[bbodbc-browse]\nDriver = %s\n", drv);
	fclose(f);
	drv = "bbodbc-browse";
	SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
	SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
	test_rounds(drv, url);
	test_abandoned(drv, url);
	SQLFreeHandle(SQL_HANDLE_ENV, env);
	return CHECK_DONE();
}
