/*
 * test_odbc_diag.c - the SQLSTATE catalogue (odbc/diag.c): every
 * condition has its ODBC 3 SQLSTATE and the ODBC 2 one the reference's
 * "SQLSTATE Mappings" appendix pairs with it, and a diagnostic record
 * takes the one its handle's ODBC version asks for.
 */
#include "util/setup.h"
#include "odbc/diag.h"

#include "check.h"

static const struct {
	bb_cond cond;
	const char *state3;
	const char *state2;
} want[] = {
	{BB_OK, "00000", "00000"},
	{BB_E_GENERAL, "HY000", "S1000"},
	{BB_E_NOMEM, "HY001", "S1001"},
	{BB_E_CONNECT, "08001", "08001"},
	{BB_E_COMM, "08S01", "08S01"},
	{BB_E_AUTH, "28000", "28000"},
	{BB_E_NO_TABLE, "42S02", "S0002"},
	{BB_E_NO_COLUMN, "42S22", "S0022"},
	{BB_E_SYNTAX, "42000", "37000"},
	{BB_E_PERMISSION, "42000", "37000"},
	{BB_E_TIMEOUT, "HYT00", "S1T00"},
	/* ODBC 2 had one timeout state. */
	{BB_E_CONN_TIMEOUT, "HYT01", "S1T00"},
	{BB_E_RATE_LIMIT, "HY000", "S1000"},
	{BB_E_API, "HY000", "S1000"},
	{BB_E_BAD_RESPONSE, "HY000", "S1000"},
	{BB_E_BAD_ATTR, "HY024", "S1009"},
	{BB_E_CONN_STRING, "HY000", "S1000"},
	{BB_E_NO_DSN, "IM002", "IM002"},
	{BB_E_CANCELLED, "HY008", "S1008"},
	{BB_W_TRUNCATED, "01004", "01004"},
	{BB_W_FRACTION, "01S07", "01S07"},
	{BB_W_OPTION_CHANGED, "01S02", "01S02"},
	{BB_W_GENERAL, "01000", "01000"},
	{BB_W_CONN_ATTR, "01S00", "01S00"},
	{BB_E_RANGE, "22003", "22003"},
	{BB_E_CHAR_VALUE, "22018", "22005"},
	{BB_E_DATETIME, "22007", "22008"},
	{BB_E_DATETIME_RANGE, "22008", "22008"},
	{BB_E_RESTRICTED, "07006", "07006"},
	{BB_E_NULL_NO_IND, "22002", "22002"},
	{BB_E_BAD_CTYPE, "HY003", "S1003"},
	{BB_E_BAD_LENGTH, "HY090", "S1090"},
	{BB_E_SEQUENCE, "HY010", "S1010"},
	{BB_E_BAD_COLUMN, "07009", "S1002"},
	{BB_E_NO_CURSOR, "24000", "24000"},
	{BB_E_NOT_IMPL, "HYC00", "S1C00"},
	{BB_E_BAD_INFO, "HY096", "S1096"},
	{BB_E_BAD_ATTR_ID, "HY092", "S1092"},
	{BB_E_CONN_DONE, "08002", "08002"},
	{BB_E_NOT_CONNECTED, "08003", "08003"},
	{BB_E_TXN_STATE, "25000", "25000"},
	{BB_E_CONSTRAINT, "23000", "23000"},
	{BB_E_PARAM_COUNT, "07002", "07001"},
	{BB_E_CURSOR_NAME, "34000", "34000"},
	{BB_E_NOT_CURSOR, "07005", "24000"},
	{BB_E_BAD_PARAM_NUM, "07009", "S1093"},
	{BB_E_ATTR_NOW, "HY011", "S1011"},
	{BB_E_BAD_SQL_TYPE, "HY004", "S1004"},
	{BB_E_TXN_OP, "HY012", "S1012"},
	{BB_E_FETCH_TYPE, "HY106", "S1106"},
	{BB_E_ROW_RANGE, "HY107", "S1107"},
	{BB_E_CURSOR_POS, "HY109", "S1109"},
	{BB_W_ROWSET_START, "01S06", "01S06"},
	/* S1010 is also ODBC 2's HY007; ODBC 2 had no descriptors. */
	{BB_E_NOT_PREPARED, "HY007", "S1010"},
	{BB_E_IRD_READONLY, "HY016", "S1000"},
	{BB_E_IMPLICIT_DESC, "HY017", "S1000"},
	{BB_E_DESC_MISMATCH, "HY021", "S1000"},
	{BB_E_BAD_DESC_FIELD, "HY091", "S1091"},
	{BB_E_TRUNCATED, "22001", "22001"},
	{BB_E_NULL_PTR, "HY009", "S1009"},
	{BB_E_PIECES, "HY019", "S1000"},
	{BB_E_BAD_SQLTYPE, "HY004", "S1004"},
	{BB_E_TABLE_EXISTS, "42S01", "S0001"},
};

int main(void)
{
	bb_diag d;
	size_t i;
	int c;

	/* Every condition is in this table, once. */
	CHECK_INT(BB_ARRAY_LEN(want), BB_E_COND_COUNT);
	for (c = 0; c < BB_E_COND_COUNT; c++) {
		int seen = 0;

		for (i = 0; i < BB_ARRAY_LEN(want); i++)
			seen += want[i].cond == (bb_cond)c;
		CHECK_INT(seen, 1);
	}
	for (i = 0; i < BB_ARRAY_LEN(want); i++) {
		CHECK_STR(bb_cond_state(want[i].cond, false), want[i].state3);
		CHECK_STR(bb_cond_state(want[i].cond, true), want[i].state2);
	}
	/* A record takes its handle's version; the class decides the code. */
	memset(&d, 0, sizeof(d));
	d.odbc2 = true;
	CHECK(bb_diag_add(&d, BB_E_NO_TABLE, 0, NULL, NULL) == SQL_ERROR);
	CHECK_STR(d.recs[0].state, "S0002");
	CHECK(bb_diag_add(&d, BB_W_TRUNCATED, 0, NULL, NULL) ==
	      SQL_SUCCESS_WITH_INFO);
	CHECK_INT(d.rc, SQL_ERROR);
	bb_diag_free(&d);
	return CHECK_DONE();
}
