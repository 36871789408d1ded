/*
 * catalog.c - SQLTables, SQLColumns and SQLGetTypeInfo, answered from the
 * compiled table definitions without a network call.
 *
 * The definitions are loaded once per connection into temporary tables of
 * the engine, and each catalog function is one SQL query over them (and
 * over the connection-local tables an application created), so results
 * come back through the same fetch path as any query, with the column
 * names and types the ODBC reference gives.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/types.h"
#include "engine/tables.h"
#include "util/str.h"

static const char schema_sql[] =
	"CREATE TEMP TABLE bb_odbc_tables(name VARCHAR(128), "
	"  remarks VARCHAR(254));"
	"CREATE TEMP TABLE bb_odbc_columns(tbl VARCHAR(128), "
	"  col VARCHAR(128), decl VARCHAR(64), not_null INTEGER, "
	"  pos INTEGER, remarks VARCHAR(254), pk_seq INTEGER);"
	"CREATE TEMP TABLE bb_odbc_fks(name VARCHAR(128), "
	"  fk_table VARCHAR(128), fk_col VARCHAR(128), "
	"  pk_table VARCHAR(128), pk_col VARCHAR(128), seq INTEGER);"
	"CREATE TEMP TABLE bb_odbc_types(TYPE_NAME VARCHAR(128), "
	"  DATA_TYPE SMALLINT, COLUMN_SIZE INTEGER, "
	"  LITERAL_PREFIX VARCHAR(128), LITERAL_SUFFIX VARCHAR(128), "
	"  CREATE_PARAMS VARCHAR(128), NULLABLE SMALLINT, "
	"  CASE_SENSITIVE SMALLINT, SEARCHABLE SMALLINT, "
	"  UNSIGNED_ATTRIBUTE SMALLINT, FIXED_PREC_SCALE SMALLINT, "
	"  AUTO_UNIQUE_VALUE SMALLINT, LOCAL_TYPE_NAME VARCHAR(128), "
	"  MINIMUM_SCALE SMALLINT, MAXIMUM_SCALE SMALLINT, "
	"  SQL_DATA_TYPE SMALLINT, SQL_DATETIME_SUB SMALLINT, "
	"  NUM_PREC_RADIX INTEGER, INTERVAL_PRECISION SMALLINT);";

/* SQL functions the catalog queries use to describe any declared type. */
static void fn_data_type(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	SQLULEN size;
	SQLSMALLINT t = bb_type_from_decl(
		(const char *)sqlite3_value_text(v[0]), &size);

	sqlite3_result_int(ctx, t == SQL_UNKNOWN_TYPE ? SQL_WVARCHAR : t);
}

/* bb_app_type(t): a type code as the application's ODBC version has it
 * (the connection's version is the function's user data). */
static void fn_app_type(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	bool odbc2 = sqlite3_user_data(ctx) != NULL;

	if (sqlite3_value_type(v[0]) == SQLITE_NULL)
		return;
	sqlite3_result_int(
		ctx,
		bb_type_for_app((SQLSMALLINT)sqlite3_value_int(v[0]), odbc2));
}

static void fn_col_size(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	SQLULEN size;
	SQLSMALLINT t = bb_type_from_decl(
		(const char *)sqlite3_value_text(v[0]), &size);

	if (t == SQL_UNKNOWN_TYPE)
		t = SQL_WVARCHAR;
	if (!size)
		size = bb_type_of(t)->size;
	if (argc > 1 && sqlite3_value_int(v[1]) == 1)
		sqlite3_result_int64(ctx, bb_type_octets(t, size));
	else
		sqlite3_result_int64(ctx, (sqlite3_int64)size);
}

static void fn_type_name(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	SQLULEN size;
	SQLSMALLINT t = bb_type_from_decl(
		(const char *)sqlite3_value_text(v[0]), &size);

	sqlite3_result_text(ctx, bb_type_of(t)->name, -1, SQLITE_STATIC);
}

static bool load_types(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int i, rc;

	rc = sqlite3_prepare_v2(db,
				"INSERT INTO bb_odbc_types VALUES(?1,?2,?3,?4,"
				"?5,?6,1,?7,?8,?9,0,0,?1,?10,?10,?11,?12,?13,"
				"NULL)",
				-1, &st, NULL);
	for (i = 0; rc == SQLITE_OK && i < bb_ntypes; i++) {
		const bb_type_info *t = &bb_types[i];

		sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, t->sql_type);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)t->size);
		sqlite3_bind_text(st, 4, t->prefix, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, t->suffix, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, t->params, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 7, t->case_sensitive);
		sqlite3_bind_int(st, 8,
				 t->searchable_like ? SQL_SEARCHABLE
						    : SQL_PRED_BASIC);
		if (t->radix)
			sqlite3_bind_int(st, 9, t->is_unsigned);
		else
			sqlite3_bind_null(st, 9);
		if (t->digits >= 0)
			sqlite3_bind_int(st, 10, t->digits);
		else
			sqlite3_bind_null(st, 10);
		sqlite3_bind_int(st, 11, bb_type_verbose(t->sql_type));
		if (bb_type_subcode(t->sql_type))
			sqlite3_bind_int(st, 12, bb_type_subcode(t->sql_type));
		else
			sqlite3_bind_null(st, 12);
		if (t->radix)
			sqlite3_bind_int(st, 13, t->radix);
		else
			sqlite3_bind_null(st, 13);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK;
}

static bool load_tables(sqlite3 *db)
{
	sqlite3_stmt *t = NULL, *c = NULL;
	int i, j, rc;

	rc = sqlite3_prepare_v2(db, "INSERT INTO bb_odbc_tables VALUES(?,?)",
				-1, &t, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db,
					"INSERT INTO bb_odbc_columns "
					"VALUES(?,?,?,?,?,?,?)",
					-1, &c, NULL);
	for (i = 0; rc == SQLITE_OK && i < bb_ntables; i++) {
		const bb_table_def *td = &bb_tables[i];

		sqlite3_bind_text(t, 1, td->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(t, 2, td->doc, -1, SQLITE_STATIC);
		rc = sqlite3_step(t) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
		sqlite3_reset(t);
		for (j = 0; rc == SQLITE_OK && j < td->ncols; j++) {
			const bb_column_def *cd = &td->cols[j];

			sqlite3_bind_text(c, 1, td->name, -1, SQLITE_STATIC);
			sqlite3_bind_text(c, 2, cd->name, -1, SQLITE_STATIC);
			sqlite3_bind_text(c, 3, cd->decl, -1, SQLITE_STATIC);
			sqlite3_bind_int(c, 4, !!(cd->flags & BB_COL_NOT_NULL));
			sqlite3_bind_int(c, 5, j + 1);
			sqlite3_bind_text(c, 6, cd->doc, -1, SQLITE_STATIC);
			if (cd->pk_seq)
				sqlite3_bind_int(c, 7, cd->pk_seq);
			else
				sqlite3_bind_null(c, 7);
			rc = sqlite3_step(c) == SQLITE_DONE ? SQLITE_OK
							    : SQLITE_ERROR;
			sqlite3_reset(c);
		}
	}
	sqlite3_finalize(t);
	sqlite3_finalize(c);
	return rc == SQLITE_OK;
}

static bool load_fks(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int i, j, k, rc;

	rc = sqlite3_prepare_v2(db,
				"INSERT INTO bb_odbc_fks VALUES(?,?,?,?,?,?)",
				-1, &st, NULL);
	for (i = 0; rc == SQLITE_OK && i < bb_ntables; i++)
		for (j = 0; rc == SQLITE_OK && j < bb_tables[i].nfks; j++) {
			const bb_fk_def *fk = &bb_tables[i].fks[j];

			for (k = 0; rc == SQLITE_OK && k < fk->ncols; k++) {
				sqlite3_bind_text(st, 1, fk->name, -1,
						  SQLITE_STATIC);
				sqlite3_bind_text(st, 2, bb_tables[i].name, -1,
						  SQLITE_STATIC);
				sqlite3_bind_text(st, 3, fk->cols[k], -1,
						  SQLITE_STATIC);
				sqlite3_bind_text(st, 4, fk->ref_table, -1,
						  SQLITE_STATIC);
				sqlite3_bind_text(st, 5, fk->ref_cols[k], -1,
						  SQLITE_STATIC);
				sqlite3_bind_int(st, 6, k + 1);
				rc = sqlite3_step(st) == SQLITE_DONE
					     ? SQLITE_OK
					     : SQLITE_ERROR;
				sqlite3_reset(st);
			}
		}
	sqlite3_finalize(st);
	return rc == SQLITE_OK;
}

/* CData-style information tables: the catalog as ordinary SQL. */
static const char sys_views[] =
	"CREATE TEMP VIEW sys_tables AS SELECT NULL AS CatalogName, "
	"%Q AS SchemaName, name AS TableName, 'TABLE' AS TableType, "
	"remarks AS Description, 0 AS IsUpdateable FROM temp.bb_odbc_tables;"
	"CREATE TEMP VIEW sys_tablecolumns AS SELECT NULL AS CatalogName, "
	"%Q AS SchemaName, tbl AS TableName, col AS ColumnName, "
	"bb_type_name(decl) AS DataTypeName, bb_data_type(decl) AS DataType, "
	"bb_col_size(decl) AS Length, not_null = 0 AS IsNullable, remarks "
	"AS Description, pos AS Ordinal, pk_seq IS NOT NULL AS IsKey, "
	"1 AS IsReadOnly FROM temp.bb_odbc_columns;"
	"CREATE TEMP VIEW sys_keycolumns AS SELECT NULL AS CatalogName, "
	"%Q AS SchemaName, tbl AS TableName, col AS ColumnName, 1 AS IsKey, "
	"0 AS IsForeignKey, 'PK_' || tbl AS PrimaryKeyName, NULL AS "
	"ForeignKeyName, NULL AS ReferencedTableName, NULL AS "
	"ReferencedColumnName FROM temp.bb_odbc_columns WHERE pk_seq IS NOT "
	"NULL UNION ALL SELECT NULL, %Q, fk_table, fk_col, 0, 1, NULL, name, "
	"pk_table, pk_col FROM temp.bb_odbc_fks;"
	"CREATE TEMP VIEW sys_foreignkeys AS SELECT NULL AS CatalogName, "
	"%Q AS SchemaName, fk_table AS TableName, fk_col AS ColumnName, "
	"'PK_' || pk_table AS PrimaryKeyName, name AS ForeignKeyName, "
	"NULL AS ReferencedCatalogName, %Q AS ReferencedSchemaName, "
	"pk_table AS ReferencedTableName, pk_col AS ReferencedColumnName, "
	"'FOREIGNKEY' AS ForeignKeyType FROM temp.bb_odbc_fks;"
	"CREATE TEMP VIEW sys_procedures AS SELECT NULL AS CatalogName, "
	"NULL AS SchemaName, NULL AS ProcedureName, NULL AS Description, "
	"NULL AS ProcedureType WHERE 0;"
	"CREATE TEMP VIEW sys_procedureparameters AS SELECT NULL AS "
	"CatalogName, NULL AS SchemaName, NULL AS ProcedureName, NULL AS "
	"ColumnName, NULL AS Direction, NULL AS DataTypeName, NULL AS "
	"DataType, NULL AS Length, NULL AS IsNullable, NULL AS Description, "
	"NULL AS Ordinal WHERE 0;";

static int create_views(sqlite3 *db, const char *ws)
{
	char *sql = sqlite3_mprintf(sys_views, ws, ws, ws, ws, ws, ws);
	int rc;

	if (!sql)
		return SQLITE_NOMEM;
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	return rc;
}

/* {fn DATABASE()} and {fn USER()}: the connection's workspace and user,
 * fixed when the connection opens (user data owned by the engine's db). */
static void fn_text(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	const char *t = sqlite3_user_data(ctx);

	sqlite3_result_text(ctx, t ? t : "", -1, SQLITE_TRANSIENT);
}

static int text_function(sqlite3 *db, const char *name, const char *value)
{
	char *copy = value ? sqlite3_mprintf("%s", value) : NULL;

	if (value && !copy)
		return SQLITE_NOMEM;
	return sqlite3_create_function_v2(db, name, 0, SQLITE_UTF8, copy,
					  fn_text, NULL, NULL, sqlite3_free);
}

int bb_catalog_setup(sqlite3 *db, const char *default_ws, const char *user,
		     bool odbc2)
{
	static int odbc2_flag = 1;
	int rc;

	rc = text_function(db, "bb_database", default_ws);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "bb_app_type", 1,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					     odbc2 ? &odbc2_flag : NULL,
					     fn_app_type, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = text_function(db, "bb_user", user);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "bb_data_type", 1,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					     NULL, fn_data_type, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "bb_col_size", -1,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					     NULL, fn_col_size, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "bb_type_name", 1,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					     NULL, fn_type_name, NULL, NULL);
	/* All or nothing: a failure leaves no half-made catalog behind. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "SAVEPOINT bb_catalog", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_exec(db, schema_sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK &&
	    (!load_types(db) || !load_tables(db) || !load_fks(db)))
		rc = SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = create_views(db, default_ws);
	if (rc != SQLITE_OK) {
		sqlite3_exec(db, "ROLLBACK TO bb_catalog; RELEASE bb_catalog",
			     NULL, NULL, NULL);
		return rc;
	}
	return sqlite3_exec(db, "RELEASE bb_catalog", NULL, NULL, NULL);
}

SQLRETURN bb_catalog_ready(bb_stmt *s)
{
	int rc;

	if (s->dbc->catalog_ready)
		return SQL_SUCCESS;
	rc = bb_catalog_setup(s->dbc->engine.db, s->dbc->engine.default_ws,
			      bb_props_get(&s->dbc->props, BB_P_USER),
			      s->dbc->diag.odbc2);
	if (rc != SQLITE_OK)
		return bb_stmt_sqlite_error(s, rc);
	s->dbc->catalog_ready = true;
	return SQL_SUCCESS;
}

/* The declared types of each catalog result, as the reference gives. */
#define ID "VARCHAR(128)"
static const char *const tables_decls[] = {ID, ID, ID, ID, "VARCHAR(254)"};
static const char *const columns_decls[] = {ID,
					    ID,
					    ID,
					    ID,
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
					    "VARCHAR(254)"};
static const char *const types_decls[] = {
	ID,         "SMALLINT", "INTEGER",  ID,         ID,
	ID,         "SMALLINT", "SMALLINT", "SMALLINT", "SMALLINT",
	"SMALLINT", "SMALLINT", ID,         "SMALLINT", "SMALLINT",
	"SMALLINT", "SMALLINT", "INTEGER",  "SMALLINT"};

/* The schema every Bitbucket table is reported in: the default
 * workspace, or NULL when the connection has none. */
const char *bb_catalog_schema(bb_stmt *s)
{
	return s->dbc->engine.default_ws;
}

/* A catalog argument as an ODBC pattern: NULL or "" matches anything for
 * patterns here, as most drivers treat an empty table pattern. */
const char *bb_catalog_pattern(const char *p)
{
	return p && *p ? p : "%";
}

/* "'TABLE', 'VIEW'" -> ",TABLE,VIEW," for an instr() test. */
static char *types_list(const char *types)
{
	bb_buf b;
	const char *p;

	bb_buf_init(&b);
	bb_buf_putc(&b, ',');
	for (p = types; *p; p++) {
		if (*p == '\'' || *p == ' ')
			continue;
		bb_buf_putc(&b, (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p));
	}
	bb_buf_putc(&b, ',');
	return bb_buf_steal(&b);
}

SQLRETURN bb_catalog_tables(bb_stmt *s, const char *cat, const char *schem,
			    const char *table, const char *types)
{
	static const char sql[] =
		"SELECT * FROM ("
		"SELECT NULL AS TABLE_CAT, ?1 AS TABLE_SCHEM, name AS "
		"TABLE_NAME, 'TABLE' AS TABLE_TYPE, remarks AS REMARKS "
		"FROM temp.bb_odbc_tables "
		"UNION ALL SELECT NULL, NULL, name, "
		"CASE type WHEN 'view' THEN 'VIEW' ELSE 'TABLE' END, "
		"'connection-local table' FROM main.sqlite_master "
		"WHERE type IN ('table','view') AND name NOT LIKE 'sqlite%' "
		"AND name NOT IN (SELECT name FROM temp.bb_odbc_tables)) "
		"WHERE (?2 = '%' OR TABLE_SCHEM LIKE ?2 ESCAPE '\\' OR "
		"TABLE_SCHEM IS NULL) AND TABLE_NAME LIKE ?3 ESCAPE '\\' "
		"AND (?4 IS NULL OR instr(?4, ',' || TABLE_TYPE || ',') > 0) "
		"AND ?5 IS NULL "
		"ORDER BY TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME";
	static const char schemas_sql[] =
		"SELECT NULL AS TABLE_CAT, ?1 AS TABLE_SCHEM, NULL AS "
		"TABLE_NAME, NULL AS TABLE_TYPE, NULL AS REMARKS "
		"WHERE ?1 IS NOT NULL";
	static const char types_sql[] =
		"SELECT NULL AS TABLE_CAT, NULL AS TABLE_SCHEM, NULL AS "
		"TABLE_NAME, t AS TABLE_TYPE, NULL AS REMARKS FROM "
		"(SELECT 'TABLE' AS t UNION ALL SELECT 'VIEW') ORDER BY t";
	static const char catalogs_sql[] =
		"SELECT NULL AS TABLE_CAT, NULL AS TABLE_SCHEM, NULL AS "
		"TABLE_NAME, NULL AS TABLE_TYPE, NULL AS REMARKS WHERE 0";
	const char *args[5];
	char *tl = NULL;
	SQLRETURN rc = bb_catalog_ready(s);

	if (rc != SQL_SUCCESS)
		return rc;
	args[0] = bb_catalog_schema(s);
	if (cat && strcmp(cat, SQL_ALL_CATALOGS) == 0 && schem && !*schem &&
	    table && !*table)
		return bb_exec_internal(s, catalogs_sql, NULL, 0, tables_decls);
	if (schem && strcmp(schem, SQL_ALL_SCHEMAS) == 0 && cat && !*cat &&
	    table && !*table)
		return bb_exec_internal(s, schemas_sql, args, 1, tables_decls);
	if (types && strcmp(types, SQL_ALL_TABLE_TYPES) == 0 && cat && !*cat &&
	    schem && !*schem && table && !*table)
		return bb_exec_internal(s, types_sql, NULL, 0, tables_decls);
	if (types && *types) {
		tl = types_list(types);
		if (!tl)
			return bb_diag_add(&s->diag, BB_E_NOMEM, 0, NULL, NULL);
	}
	args[1] = bb_catalog_pattern(schem);
	args[2] = bb_catalog_pattern(table);
	args[3] = tl;
	/* There are no catalogs: a named one matches nothing. */
	args[4] = cat && *cat && strcmp(cat, "%") != 0 ? cat : NULL;
	rc = bb_exec_internal(s, sql, args, 5, tables_decls);
	free(tl);
	return rc;
}

SQLRETURN bb_catalog_columns(bb_stmt *s, const char *cat, const char *schem,
			     const char *table, const char *column)
{
	static const char sql[] =
		"SELECT NULL AS TABLE_CAT, schem AS TABLE_SCHEM, tbl AS "
		"TABLE_NAME, col AS COLUMN_NAME, "
		"CAST(bb_app_type(bb_data_type(decl)) AS SMALLINT) AS "
		"DATA_TYPE, "
		"bb_type_name(decl) AS TYPE_NAME, "
		"CAST(bb_col_size(decl) AS INTEGER) AS COLUMN_SIZE, "
		"CAST(bb_col_size(decl, 1) AS INTEGER) AS BUFFER_LENGTH, "
		"CAST(CASE bb_data_type(decl) WHEN 93 THEN 6 WHEN 4 THEN 0 "
		"WHEN -5 THEN 0 WHEN 5 THEN 0 ELSE NULL END AS SMALLINT) "
		"AS DECIMAL_DIGITS, "
		"CAST(CASE WHEN bb_data_type(decl) IN (4,-5,5,8) THEN 10 "
		"ELSE NULL END AS SMALLINT) AS NUM_PREC_RADIX, "
		"CAST(CASE not_null WHEN 1 THEN 0 ELSE 1 END AS SMALLINT) "
		"AS NULLABLE, remarks AS REMARKS, NULL AS COLUMN_DEF, "
		"CAST(CASE WHEN bb_data_type(decl) IN (91,92,93) THEN 9 "
		"ELSE bb_data_type(decl) END AS SMALLINT) AS SQL_DATA_TYPE, "
		"CAST(CASE bb_data_type(decl) WHEN 91 THEN 1 WHEN 92 THEN 2 "
		"WHEN 93 THEN 3 ELSE NULL END AS SMALLINT) AS "
		"SQL_DATETIME_SUB, "
		"CAST(CASE WHEN bb_data_type(decl) IN (-9,-10) THEN "
		"bb_col_size(decl, 1) ELSE NULL END AS INTEGER) AS "
		"CHAR_OCTET_LENGTH, CAST(pos AS INTEGER) AS ORDINAL_POSITION, "
		"CASE not_null WHEN 1 THEN 'NO' ELSE 'YES' END AS IS_NULLABLE "
		"FROM (SELECT ?1 AS schem, tbl, col, decl, not_null, pos, "
		"remarks FROM temp.bb_odbc_columns UNION ALL "
		"SELECT NULL, m.name, p.name, p.type, p.\"notnull\", "
		"p.cid + 1, NULL FROM main.sqlite_master m, "
		"pragma_table_info(m.name) p WHERE m.type IN ('table','view') "
		"AND m.name NOT LIKE 'sqlite%' AND m.name NOT IN "
		"(SELECT name FROM temp.bb_odbc_tables)) "
		"WHERE (?2 = '%' OR schem LIKE ?2 ESCAPE '\\' OR schem IS "
		"NULL) "
		"AND tbl LIKE ?3 ESCAPE '\\' AND col LIKE ?4 ESCAPE '\\' "
		"AND ?5 IS NULL "
		"ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION";
	const char *args[5];
	SQLRETURN rc = bb_catalog_ready(s);

	if (rc != SQL_SUCCESS)
		return rc;
	args[0] = bb_catalog_schema(s);
	args[1] = bb_catalog_pattern(schem);
	args[2] = bb_catalog_pattern(table);
	args[3] = bb_catalog_pattern(column);
	args[4] = cat && *cat && strcmp(cat, "%") != 0 ? cat : NULL;
	return bb_exec_internal(s, sql, args, 5, columns_decls);
}

/* An SQL type code the reference defines (either version's datetime
 * codes; the intervals), whether or not the driver has the type. */
static bool sql_type_defined(SQLSMALLINT t)
{
	return (t >= SQL_GUID && t <= SQL_VARCHAR) ||
	       (t >= SQL_TYPE_DATE && t <= SQL_TYPE_TIMESTAMP) ||
	       (t >= SQL_INTERVAL_YEAR && t <= SQL_INTERVAL_MINUTE_TO_SECOND);
}

SQLRETURN bb_get_type_info(bb_stmt *s, SQLSMALLINT type)
{
	char t[16];
	const char *args[1] = {t};
	SQLRETURN rc = bb_catalog_ready(s);

	if (rc != SQL_SUCCESS)
		return rc;
	if (!sql_type_defined(type))
		return bb_diag_addf(&s->diag, BB_E_BAD_SQL_TYPE,
				    "%d is not an SQL data type", type);
	/* Either version's datetime codes select the datetime types; a
	 * defined type the driver lacks selects no row. */
	bb_snprintf(t, sizeof(t), "%d", bb_type_from_app(type));
	return bb_exec_internal(
		s,
		"SELECT TYPE_NAME, bb_app_type(DATA_TYPE) AS DATA_TYPE, "
		"COLUMN_SIZE, LITERAL_PREFIX, LITERAL_SUFFIX, CREATE_PARAMS, "
		"NULLABLE, CASE_SENSITIVE, SEARCHABLE, UNSIGNED_ATTRIBUTE, "
		"FIXED_PREC_SCALE, AUTO_UNIQUE_VALUE, LOCAL_TYPE_NAME, "
		"MINIMUM_SCALE, MAXIMUM_SCALE, SQL_DATA_TYPE, "
		"SQL_DATETIME_SUB, NUM_PREC_RADIX, INTERVAL_PRECISION "
		"FROM temp.bb_odbc_types WHERE "
		"CAST(?1 AS INTEGER) = 0 OR DATA_TYPE = CAST(?1 AS INTEGER) "
		"ORDER BY 2, TYPE_NAME",
		args, 1, types_decls);
}
