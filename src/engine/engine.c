/*
 * engine.c - the per-connection SQLite database.
 */
#include "util/setup.h"
#include "engine/engine.h"
#include "util/str.h"
#include "engine/tables.h"
#include "engine/scan.h"
#include "json/value.h"

/*
 * What SQL may do to the engine: the connection's data lives in memory,
 * and no statement may reach a file. ATTACH of anything but ":memory:"
 * and DETACH (the engine's own workspace schemas) are refused, as are
 * the pragmas that change where or how SQLite writes.
 */
static int deny(bb_engine *e, const char *why)
{
	e->denied = why;
	return SQLITE_DENY;
}

static int authorize(void *arg, int action, const char *a, const char *b,
		     const char *db, const char *trigger)
{
	static const char *const pragmas[] = {
		"writable_schema", "temp_store_directory",
		"data_store_directory", "trusted_schema", "mmap_size"};
	bb_engine *e = arg;
	size_t i;

	if (e->internal)
		return SQLITE_OK;
	switch (action) {
	case SQLITE_ATTACH:
		return a && (strcmp(a, ":memory:") == 0 || strcmp(a, "") == 0)
			       ? SQLITE_OK
			       : deny(e, "ATTACH takes only ':memory:': SQL "
					 "cannot reach files");
	case SQLITE_DETACH:
		return deny(e, "DETACH is refused: the driver's schemas "
			       "are its workspaces");
	case SQLITE_DROP_VTABLE:
		return deny(e, "a Bitbucket table cannot be dropped");
	case SQLITE_ALTER_TABLE:
		return b && bb_table_find(b)
			       ? deny(e, "a Bitbucket table cannot be altered")
			       : SQLITE_OK;
	case SQLITE_PRAGMA:
		for (i = 0; a && i < BB_ARRAY_LEN(pragmas); i++)
			if (bb_strcasecmp(a, pragmas[i]) == 0)
				return deny(e, "this pragma would change "
					       "where or how the engine "
					       "writes");
		return SQLITE_OK;
	case SQLITE_FUNCTION:
		return b && bb_strcasecmp(b, "load_extension") == 0
			       ? deny(e, "extensions cannot be loaded")
			       : SQLITE_OK;
	}
	return SQLITE_OK;
}

/* SQLite asks every few thousand steps: a cancel or a passed query
 * timeout stops a long local computation too (SQLITE_INTERRUPT). */
static int on_progress(void *arg)
{
	bb_engine *e = arg;

	return bb_http_stopped(e->http, NULL);
}

bool bb_engine_open(bb_engine *e, bb_http *http, const char *default_ws,
		    bb_err *err)
{
	int rc;

	memset(e, 0, sizeof(*e));
	e->http = http;
	if (default_ws && *default_ws) {
		e->default_ws = bb_strdup(default_ws);
		if (!e->default_ws)
			return bb_err_set(err, BB_E_NOMEM, 0, "out of memory");
	}
	rc = sqlite3_open_v2(":memory:", &e->db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				     SQLITE_OPEN_NOMUTEX,
			     NULL);
	if (rc != SQLITE_OK) {
		bb_err_set(err, BB_E_GENERAL, rc, "cannot open the engine: %s",
			   e->db ? sqlite3_errmsg(e->db) : "out of memory");
		bb_engine_close(e);
		return false;
	}
	sqlite3_extended_result_codes(e->db, 1);
	sqlite3_set_authorizer(e->db, authorize, e);
	sqlite3_progress_handler(e->db, 4096, on_progress, e);
	if (!bb_vtab_register(e, err)) {
		bb_engine_close(e);
		return false;
	}
	return true;
}

void bb_engine_close(bb_engine *e)
{
	if (e->db)
		sqlite3_close_v2(e->db);
	free(e->default_ws);
	free(e->ws_choices);
	memset(e, 0, sizeof(*e));
}

void bb_engine_reset(bb_engine *e)
{
	bb_err_clear(&e->err);
	e->nwarnings = 0;
	e->denied = NULL;
}

void bb_engine_warn(bb_engine *e, const bb_err *w)
{
	if (e->nwarnings < BB_MAX_WARNINGS)
		e->warnings[e->nwarnings++] = *w;
}

/* A schema's name must be a workspace the API knows: a misspelt one
 * would otherwise hold one of the few schema places for good. Only a
 * 404 counts; an access token that may not read the workspace itself
 * (403) can still read its repositories. */
static bool workspace_exists(bb_engine *e, const char *ws, bb_err *err)
{
	bb_buf path;
	bool ok;

	bb_buf_init(&path);
	bb_buf_puts(&path, "/workspaces/");
	bb_buf_put_urlenc(&path, ws);
	if (path.oom) {
		bb_buf_free(&path);
		return bb_err_set(err, BB_E_NOMEM, 0, "out of memory");
	}
	ok = bb_http_check(e->http, path.data, err);
	bb_buf_free(&path);
	if (ok || err->cond != BB_E_NO_TABLE) {
		bb_err_clear(err);
		return true;
	}
	return bb_err_set(err, BB_E_NO_TABLE, 404,
			  "no workspace %s (HTTP 404 on GET /workspaces/%s): "
			  "a schema is a workspace the credentials can see",
			  ws, ws);
}

/* Opens a schema named for a workspace: an attached empty database with
 * each table created in it, fixed to that workspace. */
bool bb_engine_schema(bb_engine *e, const char *ws, bb_err *err)
{
	char *sql = NULL;
	int i, rc;

	for (i = 0; i < e->nschemas; i++)
		if (bb_strcasecmp(e->schemas[i], ws) == 0)
			return true;
	if (e->nschemas == BB_MAX_SCHEMAS)
		return bb_err_set(err, BB_E_NOT_IMPL, 0,
				  "at most %d other workspaces can be named "
				  "as schemas in one connection",
				  BB_MAX_SCHEMAS);
	if ((!e->default_ws || bb_strcasecmp(e->default_ws, ws) != 0) &&
	    !workspace_exists(e, ws, err))
		return false;
	sql = sqlite3_mprintf("ATTACH ':memory:' AS \"%w\"", ws);
	rc = sql ? sqlite3_exec(e->db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	for (i = 0; rc == SQLITE_OK && i < bb_ntables; i++) {
		sql = sqlite3_mprintf("CREATE VIRTUAL TABLE \"%w\".\"%w\" "
				      "USING \"%w\"(\"%w\")",
				      ws, bb_tables[i].name, bb_tables[i].name,
				      ws);
		rc = sql ? sqlite3_exec(e->db, sql, NULL, NULL, NULL)
			 : SQLITE_NOMEM;
		sqlite3_free(sql);
	}
	if (rc != SQLITE_OK) {
		bb_err_set(err, BB_E_GENERAL, rc,
			   "cannot open workspace %s as a schema: %s", ws,
			   sqlite3_errmsg(e->db));
		sql = sqlite3_mprintf("DETACH \"%w\"", ws);
		e->internal = true; /* the authorizer lets the engine */
		if (sql)
			sqlite3_exec(e->db, sql, NULL, NULL, NULL);
		e->internal = false;
		sqlite3_free(sql);
		return false;
	}
	bb_strlcpy(e->schemas[e->nschemas++], ws, sizeof(e->schemas[0]));
	return true;
}

void bb_engine_find_default(bb_engine *e)
{
	const bb_table_def *t = bb_table_find("Workspaces");
	char *const no_keys[BB_MAX_KEYS] = {NULL};
	bb_buf list;
	bb_scan scan;
	bb_err err;
	bool eof = false;
	int n = 0;

	if (e->default_ws || !t ||
	    !bb_scan_open(&scan, e->http, t, no_keys, NULL, 0,
			  "next,values.slug", 0, &err))
		return;
	bb_buf_init(&list);
	while (n < 1000 && bb_scan_next(&scan, &eof, &err) && !eof) {
		const cJSON *slug = bb_json_path(scan.row, "slug");

		if (!cJSON_IsString(slug))
			continue;
		bb_buf_printf(&list, "%s%s", n++ ? ", " : "",
			      slug->valuestring);
	}
	bb_scan_close(&scan);
	if (!eof || list.oom || n == 0) {
		bb_buf_free(&list);
		return;
	}
	if (n == 1)
		e->default_ws = bb_buf_steal(&list);
	else
		e->ws_choices = bb_buf_steal(&list);
}
