/*
 * guess.h - the type of a computed result column, read from the SQL.
 */
#ifndef BB_GUESS_H
#define BB_GUESS_H

/* The declared type of a column known by its name alone, or NULL. */
typedef const char *(*bb_column_decl_fn)(const char *name);

/* For each of the first ncols result columns of a SELECT, the declared
 * type ("BIGINT", "DOUBLE", "VARCHAR(4000)") the SQL tells, with
 * column_decl (may be NULL) for MIN(col) and the like; NULL where it does
 * not. The strings are static or column_decl's. One pass over the SQL. */
void bb_sql_guess_decls(const char *sql, int ncols, const char **decls,
			bb_column_decl_fn column_decl);

#endif
