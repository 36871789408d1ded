/*
 * browse.c - SQLBrowseConnect(W) and SQLCancelHandle.
 *
 * Browsing connects in rounds: each call adds the attributes the
 * application was asked for, and the driver answers SQL_NEED_DATA with
 * what is still missing ("KEY:Prompt=?", optional ones starred) until the
 * credentials are complete; then it connects as SQLDriverConnect does
 * and gives back the whole connection string. The attributes of the
 * rounds so far are kept on the connection, and wiped, since they hold
 * secrets, when browsing ends either way.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/export.h"
#include "auth/auth.h"
#include "util/str.h"

/* What to ask for next, or NULL when the credentials are complete. */
static const char *still_needed(const bb_props *p)
{
	const char *user = bb_props_get(p, BB_P_USER);
	const char *token = bb_props_get(p, BB_P_API_TOKEN);
	const char *pass = bb_props_get(p, BB_P_PASSWORD);
	const char *access = bb_props_get(p, BB_P_ACCESS_TOKEN);

	if (access && *access)
		return NULL;
	if (user && *user)
		return (token && *token) || (pass && *pass)
			       ? NULL
			       : "ApiToken:API token=?;*Password:App password"
				 " (instead of an API token)=?";
	return "User:User (Atlassian account e-mail)=?;ApiToken:API token=?;"
	       "*AccessToken:Access token (instead of User and ApiToken)=?;"
	       "*Workspace:Default workspace=?;*BaseURL:API base URL=?";
}

static void end_browse(bb_dbc *dbc)
{
	if (dbc->browse)
		bb_wipe(dbc->browse);
	free(dbc->browse);
	dbc->browse = NULL;
}

/* Adds this round's attributes to those of the rounds before. */
static bool add_round(bb_dbc *dbc, const char *in)
{
	bb_buf all;

	bb_buf_init(&all);
	if (dbc->browse)
		bb_buf_printf(&all, "%s;", dbc->browse);
	bb_buf_puts(&all, in);
	if (all.oom) {
		bb_wipe(all.data ? all.data : "");
		bb_buf_free(&all);
		return false;
	}
	end_browse(dbc);
	dbc->browse = bb_buf_steal(&all);
	return dbc->browse != NULL;
}

/* One round; takes in (and wipes it: it may hold a secret). */
static SQLRETURN browse(bb_dbc *dbc, char *in, SQLPOINTER out,
			SQLSMALLINT out_max, SQLSMALLINT *out_len, bool wide)
{
	bb_props p;
	const char *need, *dsn;
	int unknown = 0;
	bb_err err;
	SQLRETURN rc;

	memset(&p, 0, sizeof(p));
	if (dbc->connected) {
		rc = bb_diag_add(&dbc->diag, BB_E_CONN_DONE, 0, NULL, NULL);
		goto done;
	}
	if (!add_round(dbc, in ? in : "")) {
		rc = bb_diag_add(&dbc->diag, BB_E_NOMEM, 0, NULL, NULL);
		goto done;
	}
	if (!bb_props_parse(&p, dbc->browse, &unknown, &err)) {
		rc = bb_diag_err(&dbc->diag, &err, "config");
		goto done;
	}
	dsn = bb_props_get(&p, BB_P_DSN);
	if (dsn && *dsn)
		bb_props_merge_dsn(&p, dsn);
	need = still_needed(&p);
	if (need) {
		rc = bb_out_str_small(&dbc->diag, need, out, out_max, out_len,
				      wide);
		/* The rounds go on, even when the request was cut short
		 * (01004 tells): the reference says SQL_NEED_DATA. */
		if (!SQL_SUCCEEDED(rc))
			goto done;
		rc = SQL_NEED_DATA;
		goto keep;
	}
	rc = bb_driver_connect_taking(dbc, bb_strdup(dbc->browse), out, out_max,
				      out_len, wide);
done:
	end_browse(dbc);
keep:
	bb_props_free(&p);
	if (in)
		bb_wipe(in);
	free(in);
	return rc;
}

SQLRETURN SQL_API SQLBrowseConnect(SQLHDBC h, SQLCHAR *in, SQLSMALLINT in_len,
				   SQLCHAR *out, SQLSMALLINT out_max,
				   SQLSMALLINT *out_len)
{
	ENTER_DBC(h);
	return browse(dbc, bb_in_str(in, in_len), out, out_max, out_len, false);
}

SQLRETURN SQL_API SQLBrowseConnectW(SQLHDBC h, SQLWCHAR *in, SQLSMALLINT in_len,
				    SQLWCHAR *out, SQLSMALLINT out_max,
				    SQLSMALLINT *out_len)
{
	ENTER_DBC(h);
	return browse(dbc, bb_in_wstr(in, in_len), out, out_max, out_len, true);
}

/* Execution is synchronous: a connection has nothing running to cancel;
 * a statement's running query is interrupted as SQLCancel does. */
SQLRETURN SQL_API SQLCancelHandle(SQLSMALLINT type, SQLHANDLE h)
{
	if (type == SQL_HANDLE_STMT)
		return SQLCancel(h);
	if (type != SQL_HANDLE_DBC)
		return SQL_INVALID_HANDLE;
	{
		ENTER_DBC(h);
		return SQL_SUCCESS;
	}
}
