/*
 * conn.c - the connection handle: SQLConnect, SQLDriverConnect,
 * SQLDisconnect, SQLSetConnectAttr, SQLGetConnectAttr, SQLEndTran.
 *
 * Connecting reads the properties (connection string over DSN over
 * defaults), sets up the REST client and checks the credentials with one
 * GET /user, so that wrong credentials fail here with 28000 and an
 * unreachable service with 08001, not at the first query.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "auth/auth.h"
#include "util/str.h"

/*
 * Checks the credentials. Repository, project and workspace access tokens
 * may not read /user; for them a refusal there is retried on the
 * workspace's repository list before it counts as bad credentials.
 */
static bool check_credentials(bb_dbc *dbc, bb_err *err)
{
	const char *ws = bb_props_get(&dbc->props, BB_P_WORKSPACE);
	bb_auth_kind kind = BB_AUTH_NONE;
	bb_buf path;
	bool ok;

	if (!bb_auth_kind_of(&dbc->props, &kind, err))
		return false;
	if (kind == BB_AUTH_NONE && (!ws || !*ws))
		return true; /* nothing to check; the first query will tell */
	if (kind != BB_AUTH_NONE && bb_http_check(&dbc->http, "/user", err))
		return true;
	/* Every account has /user: a 404 there is a BaseURL that is not
	 * the API's root. */
	if (err->cond == BB_E_NO_TABLE)
		return bb_err_set(err, BB_E_CONNECT, 404,
				  "BaseURL %s answered 404 for /user: it is "
				  "not the root of the Bitbucket API 2.0 "
				  "(which ends with /2.0)",
				  dbc->http.base_url);
	if (kind == BB_AUTH_BASIC || !ws || !*ws ||
	    (kind == BB_AUTH_BEARER && err->cond != BB_E_AUTH &&
	     err->cond != BB_E_PERMISSION))
		return false;
	bb_buf_init(&path);
	bb_buf_puts(&path, "/repositories/");
	bb_buf_put_urlenc(&path, ws);
	bb_buf_puts(&path, "?pagelen=10");
	ok = !path.oom && bb_http_check(&dbc->http, path.data, err);
	bb_buf_free(&path);
	return ok;
}

static SQLRETURN connect_fail(bb_dbc *dbc, const bb_err *err,
			      const char *component)
{
	SQLRETURN rc = bb_diag_err(&dbc->diag, err, component);

	bb_engine_close(&dbc->engine);
	bb_http_cleanup(&dbc->http);
	bb_log_close(&dbc->log);
	bb_props_free(&dbc->props);
	return rc;
}

SQLRETURN bb_connect(bb_dbc *dbc, const char *conn_str, char **out_str)
{
	const char *dsn;
	int unknown = 0;
	bb_err err;

	bb_err_clear(&err);
	if (dbc->connected)
		return bb_diag_add(&dbc->diag, BB_E_CONN_DONE, 0, NULL, NULL);
	bb_props_free(&dbc->props);
	if (!bb_props_parse(&dbc->props, conn_str ? conn_str : "", &unknown,
			    &err))
		return connect_fail(dbc, &err, "config");
	dsn = bb_props_get(&dbc->props, BB_P_DSN);
	if (dsn && *dsn)
		bb_props_merge_dsn(&dbc->props, dsn);
	bb_props_apply_defaults(&dbc->props);
	if (dbc->login_timeout > 0) {
		char t[24];

		bb_snprintf(t, sizeof(t), "%u", (unsigned)dbc->login_timeout);
		bb_props_set(&dbc->props, BB_P_CONNECT_TIMEOUT, t);
	}
	if (!bb_log_open(&dbc->log, bb_props_get(&dbc->props, BB_P_LOG_FILE),
			 bb_props_get(&dbc->props, BB_P_TRACE_FILE),
			 bb_props_get(&dbc->props, BB_P_TRACE_AREAS)))
		bb_diag_add(&dbc->diag, BB_W_GENERAL, 0, "config",
			    "cannot open LogFile or TraceFile; going on "
			    "without it");
	if (!bb_http_init(&dbc->http, &dbc->props, &dbc->log, &err))
		return connect_fail(dbc, &err, "config");
	if (!check_credentials(dbc, &err))
		return connect_fail(dbc, &err, "rest");
	if (!bb_engine_open(&dbc->engine, &dbc->http,
			    bb_props_get(&dbc->props, BB_P_WORKSPACE), &err))
		return connect_fail(dbc, &err, "engine");
	bb_engine_find_default(&dbc->engine);
	/* Without its catalog a connection still runs queries; the catalog
	 * functions try again and report the failure themselves. */
	dbc->catalog_ready =
		bb_catalog_setup(dbc->engine.db, dbc->engine.default_ws,
				 bb_props_get(&dbc->props, BB_P_USER),
				 dbc->diag.odbc2) == SQLITE_OK;
	dbc->connected = true;
	bb_trace(&dbc->log, BB_LOG_ODBC, "connected to %s", dbc->http.base_url);
	if (out_str)
		*out_str = bb_props_to_conn_str(&dbc->props);
	if (unknown > 0)
		return bb_diag_addf(&dbc->diag, BB_W_CONN_ATTR,
				    "%d connection string attribute(s) not "
				    "known to bbodbc were ignored",
				    unknown);
	return dbc->diag.n ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
}

SQLRETURN bb_disconnect(bb_dbc *dbc)
{
	bb_stmt *s;

	if (!dbc->connected)
		return bb_diag_add(&dbc->diag, BB_E_NOT_CONNECTED, 0, NULL,
				   NULL);
	for (s = dbc->stmts; s; s = s->next)
		if (bb_params_need_data(s))
			return bb_diag_add(&dbc->diag, BB_E_SEQUENCE, 0, NULL,
					   "a statement awaits "
					   "data-at-execution values: cancel "
					   "it first");
	while (dbc->stmts)
		bb_free_handle(SQL_HANDLE_STMT, dbc->stmts);
	bb_desc_free_all(dbc);
	bb_engine_close(&dbc->engine);
	bb_http_cleanup(&dbc->http);
	bb_log_close(&dbc->log);
	bb_props_free(&dbc->props);
	dbc->catalog_ready = false;
	dbc->connected = false;
	return SQL_SUCCESS;
}

SQLRETURN bb_set_connect_attr(bb_dbc *dbc, SQLINTEGER attr, SQLPOINTER val,
			      SQLINTEGER len)
{
	SQLUINTEGER v = (SQLUINTEGER)(uintptr_t)val;

	switch (attr) {
	case SQL_ATTR_AUTOCOMMIT:
		/* Every API write commits at once; off is accepted so that
		 * applications which ask for it still run, and SQLEndTran
		 * has nothing to undo (SQL_TXN_CAPABLE says so). */
		dbc->autocommit = v;
		return SQL_SUCCESS;
	case SQL_ATTR_LOGIN_TIMEOUT:
		dbc->login_timeout = v;
		return SQL_SUCCESS;
	case SQL_ATTR_CONNECTION_TIMEOUT:
		dbc->query_timeout = v;
		return SQL_SUCCESS;
	case SQL_ATTR_ACCESS_MODE:
		dbc->access_mode = v;
		return SQL_SUCCESS;
	case SQL_ATTR_TXN_ISOLATION:
		dbc->txn_isolation = v;
		return SQL_SUCCESS;
	case SQL_ATTR_CURRENT_CATALOG:
		for (const bb_stmt *s = dbc->stmts; s; s = s->next)
			if (bb_stmt_cursor_open(s))
				return bb_diag_add(&dbc->diag, BB_E_NO_CURSOR,
						   0, NULL, "a cursor is open");
		free(dbc->current_catalog);
		dbc->current_catalog = len == SQL_NTS || len < 0
					       ? bb_strdup(val)
					       : bb_strndup(val, (size_t)len);
		return SQL_SUCCESS;
	case SQL_ATTR_METADATA_ID:
		/* Catalog arguments are always patterns. */
		if (v != SQL_FALSE)
			return bb_diag_add(&dbc->diag, BB_W_OPTION_CHANGED, 0,
					   NULL,
					   "catalog arguments are patterns "
					   "(SQL_ATTR_METADATA_ID stays off)");
		return SQL_SUCCESS;
	case SQL_ATTR_ASYNC_DBC_FUNCTIONS_ENABLE:
		return bb_diag_add(&dbc->diag, BB_E_NOT_IMPL, 0, NULL,
				   "asynchronous execution is off");
	case SQL_ATTR_QUIET_MODE:
	case SQL_ATTR_PACKET_SIZE:
	case SQL_ATTR_TRACE:
	case SQL_ATTR_TRACEFILE:
	case SQL_ATTR_TRANSLATE_LIB:
	case SQL_ATTR_TRANSLATE_OPTION:
	case SQL_ATTR_ODBC_CURSORS:
		return SQL_SUCCESS;
	case SQL_ATTR_ASYNC_ENABLE:
		if (v != SQL_ASYNC_ENABLE_OFF)
			return bb_diag_add(&dbc->diag, BB_W_OPTION_CHANGED, 0,
					   NULL,
					   "asynchronous execution is off");
		return SQL_SUCCESS;
	}
	return bb_diag_add(&dbc->diag, BB_E_BAD_ATTR_ID, 0, NULL, NULL);
}

SQLRETURN bb_get_connect_attr(bb_dbc *dbc, SQLINTEGER attr, SQLPOINTER val,
			      SQLINTEGER buflen, SQLINTEGER *outlen, bool wide)
{
	SQLUINTEGER v;

	switch (attr) {
	case SQL_ATTR_AUTOCOMMIT:
		v = dbc->autocommit;
		break;
	case SQL_ATTR_LOGIN_TIMEOUT:
		v = dbc->login_timeout;
		break;
	case SQL_ATTR_CONNECTION_TIMEOUT:
		v = dbc->query_timeout;
		break;
	case SQL_ATTR_ACCESS_MODE:
		v = dbc->access_mode;
		break;
	case SQL_ATTR_TXN_ISOLATION:
		v = dbc->txn_isolation;
		break;
	case SQL_ATTR_CONNECTION_DEAD:
		v = dbc->connected ? SQL_CD_FALSE : SQL_CD_TRUE;
		break;
	case SQL_ATTR_ASYNC_ENABLE:
		v = SQL_ASYNC_ENABLE_OFF;
		break;
	case SQL_ATTR_METADATA_ID:
	case SQL_ATTR_AUTO_IPD:
		v = SQL_FALSE;
		break;
	case SQL_ATTR_PACKET_SIZE:
		v = 0;
		break;
	case SQL_ATTR_CURRENT_CATALOG: {
		SQLLEN n = 0;
		SQLRETURN rc = bb_out_str(
			&dbc->diag,
			dbc->current_catalog ? dbc->current_catalog : "", val,
			wide ? buflen / (SQLINTEGER)sizeof(SQLWCHAR) : buflen,
			&n, wide);

		if (outlen)
			*outlen =
				(SQLINTEGER)(wide ? n * (SQLLEN)sizeof(SQLWCHAR)
						  : n);
		return rc;
	}
	default:
		return bb_diag_add(&dbc->diag, BB_E_BAD_ATTR_ID, 0, NULL, NULL);
	}
	if (val)
		*(SQLUINTEGER *)val = v;
	if (outlen)
		*outlen = sizeof(SQLUINTEGER);
	return SQL_SUCCESS;
}

SQLRETURN bb_end_tran(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT op)
{
	bb_env *env = type == SQL_HANDLE_ENV ? bb_env_of(h) : NULL;
	bb_dbc *dbc = type == SQL_HANDLE_DBC ? bb_dbc_of(h) : NULL;

	if (!env && !dbc)
		return SQL_INVALID_HANDLE;
	if (op != SQL_COMMIT && op != SQL_ROLLBACK)
		return bb_diag_add(env ? &env->diag : &dbc->diag, BB_E_TXN_OP,
				   0, NULL, NULL);
	if (env)
		return SQL_SUCCESS;
	if (!dbc->connected)
		return bb_diag_add(&dbc->diag, BB_E_NOT_CONNECTED, 0, NULL,
				   NULL);
	/* Nothing is ever pending: see SQL_ATTR_AUTOCOMMIT above. */
	return SQL_SUCCESS;
}
