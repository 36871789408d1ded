/*
 * engine.c - the per-connection SQLite database.
 */
#include "util/setup.h"
#include "engine/engine.h"
#include "util/str.h"

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
	memset(e, 0, sizeof(*e));
}

void bb_engine_reset(bb_engine *e)
{
	bb_err_clear(&e->err);
	e->nwarnings = 0;
}

void bb_engine_warn(bb_engine *e, const bb_err *w)
{
	if (e->nwarnings < BB_MAX_WARNINGS)
		e->warnings[e->nwarnings++] = *w;
}
