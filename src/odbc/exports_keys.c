/*
 * exports_keys.c - the key and index catalog entry points, ANSI and wide:
 * SQLPrimaryKeys, SQLForeignKeys, SQLStatistics, SQLSpecialColumns,
 * SQLProcedures, SQLProcedureColumns, SQLTablePrivileges and
 * SQLColumnPrivileges.
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/export.h"

/* The application's catalog arguments as UTF-8, from either width. */
typedef struct names {
	char *v[3]; /* owned */
} names;

static void names_free(names *n)
{
	int i;

	for (i = 0; i < 3; i++)
		free(n->v[i]);
}

static SQLRETURN primary_keys(bb_stmt *s, names *n)
{
	SQLRETURN rc = bb_primary_keys(s, n->v[0], n->v[1], n->v[2]);

	names_free(n);
	return rc;
}

SQLRETURN SQL_API SQLPrimaryKeys(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cl,
				 SQLCHAR *sch, SQLSMALLINT sl, SQLCHAR *tab,
				 SQLSMALLINT tl)
{
	ENTER_STMT(h);
	names n = {
		{bb_in_str(cat, cl), bb_in_str(sch, sl), bb_in_str(tab, tl)}};

	return primary_keys(s, &n);
}

SQLRETURN SQL_API SQLPrimaryKeysW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cl,
				  SQLWCHAR *sch, SQLSMALLINT sl, SQLWCHAR *tab,
				  SQLSMALLINT tl)
{
	ENTER_STMT(h);
	names n = {{bb_in_wstr(cat, cl), bb_in_wstr(sch, sl),
		    bb_in_wstr(tab, tl)}};

	return primary_keys(s, &n);
}

static SQLRETURN foreign_keys(bb_stmt *s, char *pk, char *fk)
{
	SQLRETURN rc = bb_foreign_keys(s, pk, fk);

	free(pk);
	free(fk);
	return rc;
}

SQLRETURN SQL_API SQLForeignKeys(SQLHSTMT h, SQLCHAR *pc, SQLSMALLINT pcl,
				 SQLCHAR *ps, SQLSMALLINT psl, SQLCHAR *pt,
				 SQLSMALLINT ptl, SQLCHAR *fc, SQLSMALLINT fcl,
				 SQLCHAR *fs, SQLSMALLINT fsl, SQLCHAR *ft,
				 SQLSMALLINT ftl)
{
	ENTER_STMT(h);
	return foreign_keys(s, bb_in_str(pt, ptl), bb_in_str(ft, ftl));
}

SQLRETURN SQL_API SQLForeignKeysW(SQLHSTMT h, SQLWCHAR *pc, SQLSMALLINT pcl,
				  SQLWCHAR *ps, SQLSMALLINT psl, SQLWCHAR *pt,
				  SQLSMALLINT ptl, SQLWCHAR *fc,
				  SQLSMALLINT fcl, SQLWCHAR *fs,
				  SQLSMALLINT fsl, SQLWCHAR *ft,
				  SQLSMALLINT ftl)
{
	ENTER_STMT(h);
	return foreign_keys(s, bb_in_wstr(pt, ptl), bb_in_wstr(ft, ftl));
}

static SQLRETURN statistics(bb_stmt *s, char *table, SQLUSMALLINT unique)
{
	SQLRETURN rc = bb_statistics(s, table, unique);

	free(table);
	return rc;
}

SQLRETURN SQL_API SQLStatistics(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cl,
				SQLCHAR *sch, SQLSMALLINT sl, SQLCHAR *tab,
				SQLSMALLINT tl, SQLUSMALLINT unique,
				SQLUSMALLINT reserved)
{
	ENTER_STMT(h);
	return statistics(s, bb_in_str(tab, tl), unique);
}

SQLRETURN SQL_API SQLStatisticsW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cl,
				 SQLWCHAR *sch, SQLSMALLINT sl, SQLWCHAR *tab,
				 SQLSMALLINT tl, SQLUSMALLINT unique,
				 SQLUSMALLINT reserved)
{
	ENTER_STMT(h);
	return statistics(s, bb_in_wstr(tab, tl), unique);
}

static SQLRETURN special_columns(bb_stmt *s, SQLUSMALLINT type, char *table)
{
	SQLRETURN rc = bb_special_columns(s, type, table);

	free(table);
	return rc;
}

SQLRETURN SQL_API SQLSpecialColumns(SQLHSTMT h, SQLUSMALLINT type, SQLCHAR *cat,
				    SQLSMALLINT cl, SQLCHAR *sch,
				    SQLSMALLINT sl, SQLCHAR *tab,
				    SQLSMALLINT tl, SQLUSMALLINT scope,
				    SQLUSMALLINT nullable)
{
	ENTER_STMT(h);
	return special_columns(s, type, bb_in_str(tab, tl));
}

SQLRETURN SQL_API SQLSpecialColumnsW(SQLHSTMT h, SQLUSMALLINT type,
				     SQLWCHAR *cat, SQLSMALLINT cl,
				     SQLWCHAR *sch, SQLSMALLINT sl,
				     SQLWCHAR *tab, SQLSMALLINT tl,
				     SQLUSMALLINT scope, SQLUSMALLINT nullable)
{
	ENTER_STMT(h);
	return special_columns(s, type, bb_in_wstr(tab, tl));
}

SQLRETURN SQL_API SQLProcedures(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cl,
				SQLCHAR *sch, SQLSMALLINT sl, SQLCHAR *proc,
				SQLSMALLINT pl)
{
	ENTER_STMT(h);
	return bb_procedures(s);
}

SQLRETURN SQL_API SQLProceduresW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cl,
				 SQLWCHAR *sch, SQLSMALLINT sl, SQLWCHAR *proc,
				 SQLSMALLINT pl)
{
	ENTER_STMT(h);
	return bb_procedures(s);
}

SQLRETURN SQL_API SQLProcedureColumns(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cl,
				      SQLCHAR *sch, SQLSMALLINT sl,
				      SQLCHAR *proc, SQLSMALLINT pl,
				      SQLCHAR *col, SQLSMALLINT col_len)
{
	ENTER_STMT(h);
	return bb_procedure_columns(s);
}

SQLRETURN SQL_API SQLProcedureColumnsW(SQLHSTMT h, SQLWCHAR *cat,
				       SQLSMALLINT cl, SQLWCHAR *sch,
				       SQLSMALLINT sl, SQLWCHAR *proc,
				       SQLSMALLINT pl, SQLWCHAR *col,
				       SQLSMALLINT col_len)
{
	ENTER_STMT(h);
	return bb_procedure_columns(s);
}

static SQLRETURN table_privileges(bb_stmt *s, char *table)
{
	SQLRETURN rc = bb_table_privileges(s, table);

	free(table);
	return rc;
}

SQLRETURN SQL_API SQLTablePrivileges(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cl,
				     SQLCHAR *sch, SQLSMALLINT sl, SQLCHAR *tab,
				     SQLSMALLINT tl)
{
	ENTER_STMT(h);
	return table_privileges(s, bb_in_str(tab, tl));
}

SQLRETURN SQL_API SQLTablePrivilegesW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cl,
				      SQLWCHAR *sch, SQLSMALLINT sl,
				      SQLWCHAR *tab, SQLSMALLINT tl)
{
	ENTER_STMT(h);
	return table_privileges(s, bb_in_wstr(tab, tl));
}

static SQLRETURN column_privileges(bb_stmt *s, char *table, char *col)
{
	SQLRETURN rc = bb_column_privileges(s, table, col);

	free(table);
	free(col);
	return rc;
}

SQLRETURN SQL_API SQLColumnPrivileges(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cl,
				      SQLCHAR *sch, SQLSMALLINT sl,
				      SQLCHAR *tab, SQLSMALLINT tl,
				      SQLCHAR *col, SQLSMALLINT col_len)
{
	ENTER_STMT(h);
	return column_privileges(s, bb_in_str(tab, tl),
				 bb_in_str(col, col_len));
}

SQLRETURN SQL_API SQLColumnPrivilegesW(SQLHSTMT h, SQLWCHAR *cat,
				       SQLSMALLINT cl, SQLWCHAR *sch,
				       SQLSMALLINT sl, SQLWCHAR *tab,
				       SQLSMALLINT tl, SQLWCHAR *col,
				       SQLSMALLINT col_len)
{
	ENTER_STMT(h);
	return column_privileges(s, bb_in_wstr(tab, tl),
				 bb_in_wstr(col, col_len));
}
