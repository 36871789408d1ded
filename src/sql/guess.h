/*
 * guess.h - the type of a computed result column, read from the SQL.
 */
#ifndef BB_GUESS_H
#define BB_GUESS_H

/* A declared type ("BIGINT", "DOUBLE", "VARCHAR(4000)") for result
 * column col (0-based) of a SELECT when the SQL alone tells it, or NULL.
 * The string is static. */
const char *bb_sql_guess_decl(const char *sql, int col);

#endif
