/*
 * tables.h - the compiled form of the table definitions in sql/.
 *
 * tools/gentables.py turns each annotated CREATE TABLE into one
 * bb_table_def at build time (build/generated/tables_gen.c); nothing here
 * is kept by hand. The engine declares its virtual tables from these, the
 * catalog functions answer from them without a network call, and the JSON
 * layer reads each column's path.
 */
#ifndef BB_TABLES_H
#define BB_TABLES_H

#include "util/setup.h"

typedef enum bb_coltype {
	BB_T_TEXT,      /* VARCHAR(n): UTF-8 text */
	BB_T_INT,       /* INTEGER: 32-bit */
	BB_T_BIGINT,    /* BIGINT */
	BB_T_BIT,       /* BIT: a JSON boolean as 0/1 */
	BB_T_TIMESTAMP, /* TIMESTAMP: normalised UTC text */
	BB_T_DOUBLE,    /* DOUBLE */
	BB_T_JSON       /* JSON: an array or object kept as JSON text */
} bb_coltype;

enum bb_col_flags {
	BB_COL_NOT_NULL = 1,
	BB_COL_PK = 2,
	BB_COL_FILTER = 4, /* BBQL q= can filter on it (@filter) */
	BB_COL_SORT = 8    /* sort= can order by it (@sort) */
};

typedef struct bb_column_def {
	const char *name; /* SQL name, PascalCase */
	const char *decl; /* declared type as written: "VARCHAR(255)" */
	bb_coltype type;
	int size; /* ODBC column size (characters or digits) */
	const char
		*json_path;   /* dotted path in one API object; NULL for keys */
	const char *path_key; /* endpoint parameter it fills, or NULL */
	const char *param;    /* query parameter an equality becomes, or NULL */
	const char *param_all; /* comma list sent when unconstrained, or NULL */
	const char *doc;
	unsigned flags; /* enum bb_col_flags */
	int pk_seq;     /* 1-based position in the primary key, or 0 */
} bb_column_def;

/* How to list the values of one path parameter a query leaves open. */
typedef struct bb_fanout_def {
	const char *key;    /* path parameter, e.g. "repo_slug" */
	const char *table;  /* table that lists them, e.g. "Repositories" */
	const char *column; /* its column holding the value, e.g. "Slug" */
} bb_fanout_def;

#define BB_MAX_FK_COLS 4

/* A foreign key: derived from each @fanout (the parent's keys), or
 * written as FOREIGN KEY in the definition. */
typedef struct bb_fk_def {
	const char *name;      /* FK_<table>_<parent> */
	const char *ref_table; /* the referenced table */
	int ncols;
	const char *cols[BB_MAX_FK_COLS];     /* columns of this table */
	const char *ref_cols[BB_MAX_FK_COLS]; /* the referenced columns */
} bb_fk_def;

enum bb_table_flags {
	BB_TABLE_SINGLE = 1,   /* the endpoint answers one object, not a page */
	BB_TABLE_404_EMPTY = 2 /* a 404 means "none here" (a disabled issue
				* tracker), read as no rows and a warning */
};

typedef struct bb_table_def {
	const char *name;
	const char *doc;
	const char *endpoint; /* path below BaseURL with {keys} */
	const char *fields; /* fields= sent with every list request, or NULL */
	int max_pagelen;    /* the API's page-size cap for this endpoint */
	unsigned flags;     /* enum bb_table_flags */
	/* Rows are the elements of this array of each object ("^path"
	 * columns read the object itself), or NULL: rows are the objects. */
	const char *each;
	const bb_column_def *cols;
	int ncols;
	const bb_fanout_def *fanouts;
	int nfanouts;
	const bb_fk_def *fks;
	int nfks;
	const char *ddl; /* CREATE TABLE for sqlite3_declare_vtab */
} bb_table_def;

extern const bb_table_def bb_tables[];
extern const int bb_ntables;

/* Case-insensitive lookup by table name; NULL if none. */
const bb_table_def *bb_table_find(const char *name);
/* Index of a column by name (case-insensitive), or -1. */
int bb_table_column(const bb_table_def *t, const char *name);
/* The fan-out that lists path parameter key, or NULL. */
const bb_fanout_def *bb_table_fanout(const bb_table_def *t, const char *key);

#endif
