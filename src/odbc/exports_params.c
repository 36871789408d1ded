/*
 * exports_params.c - the statement entry points of data-at-execution
 * parameters: SQLParamData and SQLPutData (param_exec.c does the work).
 */
#include "util/setup.h"
#include "odbc/handles.h"
#include "odbc/export.h"

SQLRETURN SQL_API SQLParamData(SQLHSTMT h, SQLPOINTER *value)
{
	ENTER_STMT_ANY(h);
	return bb_param_data(s, value);
}

SQLRETURN SQL_API SQLPutData(SQLHSTMT h, SQLPOINTER data, SQLLEN len)
{
	ENTER_STMT_ANY(h);
	return bb_put_data(s, data, len);
}
