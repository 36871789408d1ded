/*
 * bbql.h - WHERE terms as Bitbucket's query language (the `q=` filter).
 *
 * Only what BBQL can say with the same meaning, or a wider one, is
 * translated: the engine checks every term again on the rows that come
 * back, so a pushed filter may let extra rows through but must never hold
 * one back. Hence text only with =, !=, LIKE (as ~, wider), IS [NOT] NULL;
 * numbers with every comparison; timestamps with <= and >= (a strict < or
 * > is sent as the inclusive one) and =; booleans with = and !=.
 */
#ifndef BB_BBQL_H
#define BB_BBQL_H

#include "util/setup.h"
#include "util/str.h"
#include "engine/tables.h"
#include <sqlite3.h>

/* True if a constraint with SQLite operator op on col may be pushed. */
bool bb_bbql_pushable(const bb_column_def *col, int op);

/* Appends "path op value" to q, joined to what is there with AND. Returns
 * false, appending nothing, when the value cannot be said in BBQL. */
bool bb_bbql_add(bb_buf *q, const bb_column_def *col, int op,
		 sqlite3_value *value);

#endif
