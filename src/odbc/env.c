/*
 * env.c - allocating and freeing handles (SQLAllocHandle, SQLFreeHandle)
 * and the environment's attributes (SQLSetEnvAttr, SQLGetEnvAttr).
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "util/str.h"

#include <curl/curl.h>
#include <pthread.h>

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

/* libcurl's global state is set up once per process and never torn down:
 * other users of libcurl in the application may still need it. */
static void init_curl(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

bb_env *bb_env_of(SQLHANDLE h)
{
	bb_env *e = h;

	return e && e->magic == BB_ENV_MAGIC ? e : NULL;
}

bb_dbc *bb_dbc_of(SQLHANDLE h)
{
	bb_dbc *d = h;

	return d && d->magic == BB_DBC_MAGIC ? d : NULL;
}

bb_stmt *bb_stmt_of(SQLHANDLE h)
{
	bb_stmt *s = h;

	return s && s->magic == BB_STMT_MAGIC ? s : NULL;
}

static SQLRETURN alloc_env(SQLHANDLE *out)
{
	bb_env *e = calloc(1, sizeof(*e));

	if (!e)
		return SQL_ERROR;
	pthread_once(&curl_once, init_curl);
	e->magic = BB_ENV_MAGIC;
	e->odbc_version = SQL_OV_ODBC3;
	*out = e;
	return SQL_SUCCESS;
}

static SQLRETURN alloc_dbc(bb_env *env, SQLHANDLE *out)
{
	bb_dbc *d;

	if (!env)
		return SQL_INVALID_HANDLE;
	d = calloc(1, sizeof(*d));
	if (!d)
		return bb_diag_add(&env->diag, BB_E_NOMEM, 0, NULL, NULL);
	d->magic = BB_DBC_MAGIC;
	d->env = env;
	{
		pthread_mutexattr_t a;

		pthread_mutexattr_init(&a);
		pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
		pthread_mutex_init(&d->lock, &a);
		pthread_mutexattr_destroy(&a);
	}
	d->diag.odbc2 = env->odbc_version == SQL_OV_ODBC2;
	d->autocommit = SQL_AUTOCOMMIT_ON;
	d->access_mode = SQL_MODE_READ_WRITE;
	d->txn_isolation = SQL_TXN_SERIALIZABLE;
	d->login_timeout = 0;
	env->nconns++;
	*out = d;
	return SQL_SUCCESS;
}

static SQLRETURN alloc_stmt(bb_dbc *dbc, SQLHANDLE *out)
{
	bb_stmt *s;

	if (!dbc)
		return SQL_INVALID_HANDLE;
	if (!dbc->connected)
		return bb_diag_add(&dbc->diag, BB_E_NOT_CONNECTED, 0, NULL,
				   NULL);
	s = calloc(1, sizeof(*s));
	if (!s)
		return bb_diag_add(&dbc->diag, BB_E_NOMEM, 0, NULL, NULL);
	s->magic = BB_STMT_MAGIC;
	s->dbc = dbc;
	s->diag.odbc2 = dbc->diag.odbc2;
	s->row_count = -1;
	s->row_array_size = 1;
	s->cursor_type = SQL_CURSOR_FORWARD_ONLY;
	s->concurrency = SQL_CONCUR_READ_ONLY;
	s->bind_type = SQL_BIND_BY_COLUMN;
	bb_desc_init_implicit(s);
	s->next = dbc->stmts;
	dbc->stmts = s;
	*out = s;
	return SQL_SUCCESS;
}

SQLRETURN bb_alloc_handle(SQLSMALLINT type, SQLHANDLE in, SQLHANDLE *out)
{
	if (!out)
		return SQL_ERROR;
	*out = SQL_NULL_HANDLE;
	switch (type) {
	case SQL_HANDLE_ENV:
		return alloc_env(out);
	case SQL_HANDLE_DBC:
		return alloc_dbc(bb_env_of(in), out);
	case SQL_HANDLE_STMT:
		return alloc_stmt(bb_dbc_of(in), out);
	case SQL_HANDLE_DESC:
		if (!bb_dbc_of(in))
			return SQL_INVALID_HANDLE;
		return bb_desc_alloc(bb_dbc_of(in), out);
	}
	return SQL_ERROR;
}

static void unlink_stmt(bb_stmt *s)
{
	bb_stmt **p;

	for (p = &s->dbc->stmts; *p; p = &(*p)->next)
		if (*p == s) {
			*p = s->next;
			break;
		}
}

static SQLRETURN free_stmt_handle(bb_stmt *s)
{
	bb_free_stmt(s, SQL_CLOSE);
	bb_free_stmt(s, SQL_UNBIND);
	bb_free_stmt(s, SQL_RESET_PARAMS);
	bb_stmt_release(s);
	unlink_stmt(s);
	bb_desc_free_implicit(s);
	free(s->cursor_name);
	bb_diag_free(&s->diag);
	s->magic = 0;
	free(s);
	return SQL_SUCCESS;
}

SQLRETURN bb_free_handle(SQLSMALLINT type, SQLHANDLE h)
{
	bb_env *env;
	bb_dbc *dbc;
	bb_stmt *s;

	switch (type) {
	case SQL_HANDLE_ENV:
		if (!(env = bb_env_of(h)))
			return SQL_INVALID_HANDLE;
		if (env->nconns > 0)
			return bb_diag_add(&env->diag, BB_E_SEQUENCE, 0, NULL,
					   "connections are still allocated");
		bb_diag_free(&env->diag);
		env->magic = 0;
		free(env);
		return SQL_SUCCESS;
	case SQL_HANDLE_DBC:
		if (!(dbc = bb_dbc_of(h)))
			return SQL_INVALID_HANDLE;
		if (dbc->connected)
			return bb_diag_add(&dbc->diag, BB_E_SEQUENCE, 0, NULL,
					   "disconnect first");
		dbc->env->nconns--;
		bb_props_free(&dbc->props);
		free(dbc->current_catalog);
		if (dbc->browse)
			bb_wipe(dbc->browse);
		free(dbc->browse);
		bb_diag_free(&dbc->diag);
		dbc->magic = 0;
		pthread_mutex_destroy(&dbc->lock);
		free(dbc);
		return SQL_SUCCESS;
	case SQL_HANDLE_STMT:
		if (!(s = bb_stmt_of(h)))
			return SQL_INVALID_HANDLE;
		/* The reference's state tables: HY010 while values are
		 * awaited (a driver manager checks it too; iODBC less). */
		if (bb_params_busy(s))
			return SQL_ERROR;
		return free_stmt_handle(s);
	case SQL_HANDLE_DESC:
		if (!bb_desc_of(h))
			return SQL_INVALID_HANDLE;
		return bb_desc_free(bb_desc_of(h));
	}
	return SQL_ERROR;
}

SQLRETURN bb_set_env_attr(bb_env *env, SQLINTEGER attr, SQLPOINTER val)
{
	SQLINTEGER v = (SQLINTEGER)(intptr_t)val;

	switch (attr) {
	case SQL_ATTR_ODBC_VERSION:
		/* Connections took the version when they were allocated. */
		if (env->nconns > 0)
			return bb_diag_add(&env->diag, BB_E_ATTR_NOW, 0, NULL,
					   "connections are allocated");
		if (v != SQL_OV_ODBC2 && v != SQL_OV_ODBC3 &&
		    v != SQL_OV_ODBC3_80)
			return bb_diag_add(&env->diag, BB_E_BAD_ATTR, 0, NULL,
					   NULL);
		env->odbc_version = v;
		env->diag.odbc2 = v == SQL_OV_ODBC2;
		return SQL_SUCCESS;
	case SQL_ATTR_OUTPUT_NTS:
		if (v != SQL_TRUE)
			return bb_diag_add(&env->diag, BB_E_NOT_IMPL, 0, NULL,
					   "strings are always terminated");
		return SQL_SUCCESS;
	case SQL_ATTR_CONNECTION_POOLING:
	case SQL_ATTR_CP_MATCH:
		return SQL_SUCCESS; /* pooling belongs to the driver manager */
	}
	return bb_diag_add(&env->diag, BB_E_BAD_ATTR_ID, 0, NULL, NULL);
}

SQLRETURN bb_get_env_attr(bb_env *env, SQLINTEGER attr, SQLPOINTER val,
			  SQLINTEGER buflen, SQLINTEGER *outlen)
{
	SQLINTEGER v;

	switch (attr) {
	case SQL_ATTR_ODBC_VERSION:
		v = env->odbc_version;
		break;
	case SQL_ATTR_OUTPUT_NTS:
		v = SQL_TRUE;
		break;
	case SQL_ATTR_CONNECTION_POOLING:
		v = SQL_CP_OFF;
		break;
	case SQL_ATTR_CP_MATCH:
		v = SQL_CP_STRICT_MATCH;
		break;
	default:
		return bb_diag_add(&env->diag, BB_E_BAD_ATTR_ID, 0, NULL, NULL);
	}
	if (val)
		*(SQLINTEGER *)val = v;
	if (outlen)
		*outlen = sizeof(SQLINTEGER);
	return SQL_SUCCESS;
}
