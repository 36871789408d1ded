/*
 * catalog_more.c - SQLProcedures, SQLProcedureColumns, SQLTablePrivileges
 * and SQLColumnPrivileges, without a network call.
 *
 * No procedures are defined yet, so the first two answer empty result
 * sets with the reference's columns. Privileges: every table can be read
 * with the connection's credentials (what the API refuses shows up as an
 * error when read), so each table reports SELECT granted to the user.
 */
#include "util/setup.h"
#include "odbc/handles.h"

#define ID "VARCHAR(128)"

static const char *const proc_decls[] = {
	ID,        ID, ID, "INTEGER", "INTEGER", "INTEGER", "VARCHAR(254)",
	"SMALLINT"};
static const char *const proc_col_decls[] = {ID,
					     ID,
					     ID,
					     ID,
					     "SMALLINT",
					     "SMALLINT",
					     ID,
					     "INTEGER",
					     "INTEGER",
					     "SMALLINT",
					     "SMALLINT",
					     "SMALLINT",
					     "VARCHAR(254)",
					     "VARCHAR(254)",
					     "SMALLINT",
					     "SMALLINT",
					     "INTEGER",
					     "INTEGER",
					     "VARCHAR(3)"};
static const char *const priv_decls[] = {ID, ID, ID, ID, ID, ID, "VARCHAR(3)"};
static const char *const col_priv_decls[] = {ID, ID, ID, ID,
					     ID, ID, ID, "VARCHAR(3)"};

SQLRETURN bb_procedures(bb_stmt *s)
{
	return bb_exec_internal(
		s,
		"SELECT NULL AS PROCEDURE_CAT, NULL AS PROCEDURE_SCHEM, NULL "
		"AS "
		"PROCEDURE_NAME, NULL AS NUM_INPUT_PARAMS, NULL AS "
		"NUM_OUTPUT_PARAMS, NULL AS NUM_RESULT_SETS, NULL AS REMARKS, "
		"NULL AS PROCEDURE_TYPE WHERE 0",
		NULL, 0, proc_decls);
}

SQLRETURN bb_procedure_columns(bb_stmt *s)
{
	return bb_exec_internal(
		s,
		"SELECT NULL AS PROCEDURE_CAT, NULL AS PROCEDURE_SCHEM, NULL "
		"AS "
		"PROCEDURE_NAME, NULL AS COLUMN_NAME, NULL AS COLUMN_TYPE, "
		"NULL "
		"AS DATA_TYPE, NULL AS TYPE_NAME, NULL AS COLUMN_SIZE, NULL AS "
		"BUFFER_LENGTH, NULL AS DECIMAL_DIGITS, NULL AS "
		"NUM_PREC_RADIX, "
		"NULL AS NULLABLE, NULL AS REMARKS, NULL AS COLUMN_DEF, NULL "
		"AS "
		"SQL_DATA_TYPE, NULL AS SQL_DATETIME_SUB, NULL AS "
		"CHAR_OCTET_LENGTH, NULL AS ORDINAL_POSITION, NULL AS "
		"IS_NULLABLE WHERE 0",
		NULL, 0, proc_col_decls);
}

SQLRETURN bb_table_privileges(bb_stmt *s, const char *table)
{
	const char *args[3];
	SQLRETURN rc = bb_catalog_ready(s);

	if (rc != SQL_SUCCESS)
		return rc;
	args[0] = bb_catalog_schema(s);
	args[1] = bb_catalog_pattern(table);
	args[2] = bb_props_get(&s->dbc->props, BB_P_USER);
	return bb_exec_internal(
		s,
		"SELECT NULL AS TABLE_CAT, ?1 AS TABLE_SCHEM, name AS "
		"TABLE_NAME, NULL AS GRANTOR, coalesce(?3, 'PUBLIC') AS "
		"GRANTEE, 'SELECT' AS PRIVILEGE, 'NO' AS IS_GRANTABLE FROM "
		"temp.bb_odbc_tables WHERE name LIKE ?2 ESCAPE '\\' "
		"ORDER BY TABLE_NAME",
		args, 3, priv_decls);
}

SQLRETURN bb_column_privileges(bb_stmt *s, const char *table,
			       const char *column)
{
	const char *args[4];
	SQLRETURN rc = bb_catalog_ready(s);

	if (rc != SQL_SUCCESS)
		return rc;
	args[0] = bb_catalog_schema(s);
	args[1] = table ? table : "";
	args[2] = bb_catalog_pattern(column);
	args[3] = bb_props_get(&s->dbc->props, BB_P_USER);
	return bb_exec_internal(
		s,
		"SELECT NULL AS TABLE_CAT, ?1 AS TABLE_SCHEM, tbl AS "
		"TABLE_NAME, col AS COLUMN_NAME, NULL AS GRANTOR, "
		"coalesce(?4, 'PUBLIC') AS GRANTEE, 'SELECT' AS PRIVILEGE, "
		"'NO' AS IS_GRANTABLE FROM temp.bb_odbc_columns WHERE tbl = ?2 "
		"COLLATE NOCASE AND col LIKE ?3 ESCAPE '\\' ORDER BY "
		"COLUMN_NAME",
		args, 4, col_priv_decls);
}
