/*
 * engine.h - one in-memory SQLite database per connection, holding one
 * virtual table per Bitbucket table.
 *
 * SQLite does all of SQL (joins, GROUP BY, ORDER BY, expressions); the
 * virtual tables turn the constraints SQLite hands them into REST plans
 * (vtab.c). A failure inside a virtual table is kept here with its
 * condition, so the ODBC layer reports the real SQLSTATE rather than
 * SQLite's generic error.
 */
#ifndef BB_ENGINE_H
#define BB_ENGINE_H

#include "util/setup.h"
#include "util/err.h"
#include "rest/http.h"
#include <sqlite3.h>

#define BB_MAX_WARNINGS 8
#define BB_MAX_SCHEMAS 8 /* SQLite attaches at most 10 databases */

typedef struct bb_engine {
	sqlite3 *db;      /* owned */
	bb_http *http;    /* borrowed from the connection */
	char *default_ws; /* owned; the Workspace property, or the
			   * only workspace the credentials see */
	char *ws_choices; /* owned; "a, b" when there are several and no
			   * default, else NULL */
	bb_err err;       /* why the last virtual-table call failed */
	bb_err warnings[BB_MAX_WARNINGS]; /* non-fatal faults of a statement */
	int nwarnings;
	char schemas[BB_MAX_SCHEMAS][128]; /* workspaces opened as schemas */
	int nschemas;
	bool internal; /* the engine itself runs a statement the authorizer
			* refuses to applications (DETACH) */
	const char *denied; /* static; why the authorizer last refused */
} bb_engine;

bool bb_engine_open(bb_engine *e, bb_http *http, const char *default_ws,
		    bb_err *err);
void bb_engine_close(bb_engine *e);
/* Forgets the error and warnings of the previous statement. */
void bb_engine_reset(bb_engine *e);
void bb_engine_warn(bb_engine *e, const bb_err *w);

/* Without a Workspace property: the user's only workspace becomes the
 * default; several are remembered, so that a query which needs one says
 * which there are. One request (GET /workspaces, slugs only); a failure
 * leaves things as they were (the query will tell). */
void bb_engine_find_default(bb_engine *e);

/* Opens workspace ws as a schema holding every table (attached once). */
bool bb_engine_schema(bb_engine *e, const char *ws, bb_err *err);

/* Registers the virtual-table modules of every defined table. */
bool bb_vtab_register(bb_engine *e, bb_err *err);

#endif
