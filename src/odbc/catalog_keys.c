/*
 * catalog_keys.c - keys and indexes: SQLPrimaryKeys, SQLForeignKeys (both
 * directions), SQLStatistics and SQLSpecialColumns, answered from the
 * table definitions without a network call.
 *
 * The primary key of each table is its definition's; each @fanout gives a
 * foreign key to the table that lists its values (PullRequests'
 * (Workspace, RepositorySlug) references Repositories (Workspace, Slug)).
 * Connection-local tables report the keys SQLite knows for them.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "util/str.h"

#define ID "VARCHAR(128)"

static const char *const pk_decls[] = {ID, ID, ID, ID, "SMALLINT", ID};
static const char *const fk_decls[] = {
	ID, ID,         ID,         ID,         ID, ID, ID,
	ID, "SMALLINT", "SMALLINT", "SMALLINT", ID, ID, "SMALLINT"};
static const char *const stat_decls[] = {
	ID,        ID,         "VARCHAR(128)", "SMALLINT", ID,
	ID,        "SMALLINT", "SMALLINT",     ID,         "VARCHAR(1)",
	"INTEGER", "INTEGER",  "VARCHAR(128)"};
static const char *const special_decls[] = {"SMALLINT", ID,        "SMALLINT",
					    ID,         "INTEGER", "INTEGER",
					    "SMALLINT", "SMALLINT"};

/* Every key column: the definitions', then local tables' from SQLite. */
static const char keys_sql[] =
	"(SELECT ?1 AS schem, tbl, col, pk_seq FROM temp.bb_odbc_columns "
	"WHERE pk_seq IS NOT NULL UNION ALL "
	"SELECT NULL, m.name, p.name, p.pk FROM main.sqlite_master m, "
	"pragma_table_info(m.name) p WHERE m.type = 'table' AND p.pk > 0 "
	"AND m.name NOT LIKE 'sqlite%' AND m.name NOT IN "
	"(SELECT name FROM temp.bb_odbc_tables))";

/* The catalog tables are there and the function got the table name it
 * cannot do without. */
static SQLRETURN ready_for(bb_stmt *s, const char *table, const char *fn)
{
	SQLRETURN rc = bb_catalog_ready(s);

	if (rc == SQL_SUCCESS && !table)
		rc = bb_diag_addf(&s->diag, BB_E_BAD_LENGTH,
				  "%s needs a table name", fn);
	return rc;
}

SQLRETURN bb_primary_keys(bb_stmt *s, const char *cat, const char *schem,
			  const char *table)
{
	char sql[1024];
	const char *args[3];
	SQLRETURN rc = ready_for(s, table, "SQLPrimaryKeys");

	if (rc != SQL_SUCCESS)
		return rc;
	bb_snprintf(sql, sizeof(sql),
		    "SELECT NULL AS TABLE_CAT, schem AS TABLE_SCHEM, tbl AS "
		    "TABLE_NAME, col AS COLUMN_NAME, pk_seq AS KEY_SEQ, "
		    "'PK_' || tbl AS PK_NAME FROM %s WHERE tbl = ?2 COLLATE "
		    "NOCASE AND (?3 IS NULL OR ?3 = '' OR schem = ?3 OR "
		    "schem IS NULL) ORDER BY TABLE_CAT, TABLE_SCHEM, "
		    "TABLE_NAME, KEY_SEQ",
		    keys_sql);
	args[0] = bb_catalog_schema(s);
	args[1] = table;
	args[2] = schem;
	(void)cat;
	return bb_exec_internal(s, sql, args, 3, pk_decls);
}

SQLRETURN bb_foreign_keys(bb_stmt *s, const char *pk_table,
			  const char *fk_table)
{
	static const char sql[] =
		"SELECT NULL AS PKTABLE_CAT, ?1 AS PKTABLE_SCHEM, pk_table AS "
		"PKTABLE_NAME, pk_col AS PKCOLUMN_NAME, NULL AS FKTABLE_CAT, "
		"?1 AS FKTABLE_SCHEM, fk_table AS FKTABLE_NAME, fk_col AS "
		"FKCOLUMN_NAME, seq AS KEY_SEQ, 3 AS UPDATE_RULE, "
		"3 AS DELETE_RULE, name AS FK_NAME, 'PK_' || pk_table AS "
		"PK_NAME, 7 AS DEFERRABILITY FROM temp.bb_odbc_fks "
		"WHERE (?2 IS NULL OR ?2 = '' OR pk_table = ?2 COLLATE NOCASE) "
		"AND (?3 IS NULL OR ?3 = '' OR fk_table = ?3 COLLATE NOCASE) "
		"ORDER BY CASE WHEN ?3 IS NULL OR ?3 = '' THEN FKTABLE_NAME "
		"ELSE PKTABLE_NAME END, FK_NAME, KEY_SEQ";
	const char *args[3];
	SQLRETURN rc = bb_catalog_ready(s);

	if (rc != SQL_SUCCESS)
		return rc;
	if ((!pk_table || !*pk_table) && (!fk_table || !*fk_table))
		return bb_diag_add(&s->diag, BB_E_BAD_LENGTH, 0, NULL,
				   "SQLForeignKeys needs a primary-key or a "
				   "foreign-key table name");
	args[0] = bb_catalog_schema(s);
	args[1] = pk_table;
	args[2] = fk_table;
	return bb_exec_internal(s, sql, args, 3, fk_decls);
}

SQLRETURN bb_statistics(bb_stmt *s, const char *table, SQLUSMALLINT unique)
{
	char sql[1536];
	const char *args[2];
	SQLRETURN rc = ready_for(s, table, "SQLStatistics");

	if (rc != SQL_SUCCESS)
		return rc;
	/* No row counts are known without reading the API: the statistics
	 * row says so with NULL cardinality; the primary key is the one
	 * unique index. */
	(void)unique;
	bb_snprintf(
		sql, sizeof(sql),
		"SELECT * FROM (SELECT NULL AS TABLE_CAT, ?1 AS "
		"TABLE_SCHEM, ?2 AS TABLE_NAME, NULL AS NON_UNIQUE, NULL AS "
		"INDEX_QUALIFIER, NULL AS INDEX_NAME, 0 AS TYPE, NULL AS "
		"ORDINAL_POSITION, NULL AS COLUMN_NAME, NULL AS "
		"ASC_OR_DESC, NULL AS CARDINALITY, NULL AS PAGES, NULL AS "
		"FILTER_CONDITION WHERE EXISTS (SELECT 1 FROM %s WHERE "
		"tbl = ?2 COLLATE NOCASE) UNION ALL SELECT NULL, schem, tbl, "
		"0, NULL, 'PK_' || tbl, 3, pk_seq, col, 'A', NULL, NULL, "
		"NULL FROM %s WHERE tbl = ?2 COLLATE NOCASE) ORDER BY "
		"NON_UNIQUE, TYPE, INDEX_QUALIFIER, INDEX_NAME, "
		"ORDINAL_POSITION",
		keys_sql, keys_sql);
	args[0] = bb_catalog_schema(s);
	args[1] = table;
	return bb_exec_internal(s, sql, args, 2, stat_decls);
}

SQLRETURN bb_special_columns(bb_stmt *s, SQLUSMALLINT type, const char *table)
{
	char sql[1536];
	const char *args[2];
	SQLRETURN rc = ready_for(s, table, "SQLSpecialColumns");

	if (rc != SQL_SUCCESS)
		return rc;
	/* The primary key identifies a row; nothing changes a row behind
	 * the application's back within a statement, hence SQL_ROWVER has
	 * no columns. */
	bb_snprintf(sql, sizeof(sql),
		    "SELECT 2 AS SCOPE, k.col AS COLUMN_NAME, "
		    "bb_app_type(bb_data_type(c.decl)) AS DATA_TYPE, "
		    "bb_type_name(c.decl) "
		    "AS TYPE_NAME, bb_col_size(c.decl) AS COLUMN_SIZE, "
		    "bb_col_size(c.decl, 1) AS BUFFER_LENGTH, NULL AS "
		    "DECIMAL_DIGITS, 1 AS PSEUDO_COLUMN FROM %s k JOIN "
		    "temp.bb_odbc_columns c ON c.tbl = k.tbl AND c.col = k.col "
		    "WHERE k.tbl = ?2 COLLATE NOCASE AND %d = %d "
		    "ORDER BY k.pk_seq",
		    keys_sql, (int)type, SQL_BEST_ROWID);
	args[0] = bb_catalog_schema(s);
	args[1] = table;
	return bb_exec_internal(s, sql, args, 2, special_decls);
}
