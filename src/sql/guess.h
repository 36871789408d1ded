/*
 * guess.h - the type of a computed result column, read from the SQL.
 */
#ifndef BB_GUESS_H
#define BB_GUESS_H

/* The declared type of a column known by its name alone, or NULL. */
typedef const char *(*bb_column_decl_fn)(const char *name);

/* A declared type ("BIGINT", "DOUBLE", "VARCHAR(4000)") for result
 * column col (0-based) of a SELECT when the SQL tells it, with
 * column_decl (may be NULL) for MIN(col) and the like; or NULL. The
 * string is static or column_decl's. */
const char *bb_sql_guess_decl(const char *sql, int col,
			      bb_column_decl_fn column_decl);

#endif
