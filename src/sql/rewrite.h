/*
 * rewrite.h - the SQL front: ODBC escapes and BI-tool dialect to the
 * engine's SQL.
 *
 *   {fn UCASE(Name)}             upper(Name)  (and the other scalar
 *                                functions of SQLGetInfo's bitmaps)
 *   {d '2024-01-31'}, {t ...}, {ts ...}, {guid ...}
 *                                the literal itself
 *   {oj a LEFT OUTER JOIN b ON ...}  the join itself
 *   LIKE 'x\_%' {escape '\'}     LIKE 'x\_%' ESCAPE '\'
 *   SELECT TOP 10 ...            SELECT ... LIMIT 10
 *
 * It also notes which workspaces a statement names as schemas of
 * Bitbucket tables (otherws.Repositories), so the engine can open them.
 * Brackets and back-ticks need nothing: the engine reads them.
 */
#ifndef BB_REWRITE_H
#define BB_REWRITE_H

#include "util/setup.h"
#include "util/err.h"
#include "util/str.h"

#define BB_SQL_MAX_SCHEMAS 8

typedef struct bb_sql_info {
	char schemas[BB_SQL_MAX_SCHEMAS][128]; /* workspaces named as schemas */
	int nschemas;
} bb_sql_info;

/* Rewrites sql into out (appended). Fails with BB_E_SYNTAX on a malformed
 * escape or an unterminated string, identifier or comment. */
bool bb_sql_rewrite(const char *sql, bb_buf *out, bb_sql_info *info,
		    bb_err *err);

#endif
