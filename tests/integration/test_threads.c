/*
 * test_threads.c - one connection shared by threads, as the reference
 * asks drivers to allow: four threads, each with its own statement on
 * the same connection, run the same queries at once and all get the
 * answer the main thread got alone. Run by with_emulator.sh.
 */
#include <pthread.h>
#include <sql.h>
#include <sqlext.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"

#define THREADS 4
#define ROUNDS 5

static SQLHDBC dbc;
static SQLINTEGER want_repos, want_prs;

static SQLINTEGER count(SQLHSTMT st, const char *sql)
{
	SQLINTEGER n = -1;

	if (!SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS)) ||
	    SQLFetch(st) != SQL_SUCCESS ||
	    !SQL_SUCCEEDED(SQLGetData(st, 1, SQL_C_SLONG, &n, 0, NULL)))
		n = -1;
	SQLCloseCursor(st);
	return n;
}

static void *worker(void *arg)
{
	int *bad = arg, i;
	SQLHSTMT st = NULL;

	if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st))) {
		*bad = ROUNDS;
		return NULL;
	}
	for (i = 0; i < ROUNDS; i++) {
		if (count(st, "SELECT COUNT(*) FROM Repositories") !=
		    want_repos)
			(*bad)++;
		if (count(st, "SELECT COUNT(*) FROM PullRequests WHERE "
			      "RepositorySlug = 'platform-api'") != want_prs)
			(*bad)++;
	}
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	return NULL;
}

int main(void)
{
	const char *conn = getenv("BBODBC_CONN");
	pthread_t t[THREADS];
	int bad[THREADS] = {0}, i;
	SQLHENV env;
	SQLHSTMT st = NULL;

	if (!conn)
		return 2;
	SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
	SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
	SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
	if (!SQL_SUCCEEDED(SQLDriverConnect(dbc, NULL, (SQLCHAR *)conn, SQL_NTS,
					    NULL, 0, NULL,
					    SQL_DRIVER_NOPROMPT)))
		return 2;
	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
	want_repos = count(st, "SELECT COUNT(*) FROM Repositories");
	want_prs = count(st, "SELECT COUNT(*) FROM PullRequests WHERE "
			     "RepositorySlug = 'platform-api'");
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	CHECK(want_repos > 120);
	CHECK(want_prs > 50);
	for (i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, worker, &bad[i]);
	for (i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		CHECK_INT(bad[i], 0);
	}
	SQLDisconnect(dbc);
	SQLFreeHandle(SQL_HANDLE_DBC, dbc);
	SQLFreeHandle(SQL_HANDLE_ENV, env);
	return CHECK_DONE();
}
