/*
 * test_sql_rewrite.c - the SQL front: numbered statements with the exact
 * engine SQL each becomes, and the exact error of each malformed one.
 */
#include "util/setup.h"
#include "sql/rewrite.h"
#include "check.h"

static const struct {
	int no;
	const char *in;
	const char *want; /* NULL: an error of cond */
	bb_cond cond;
	const char *schema; /* a schema it must note, or NULL */
} cases[] = {
	{1, "SELECT 1", "SELECT 1", BB_OK, NULL},
	{2, "SELECT {fn UCASE(Name)} FROM Repositories",
	 "SELECT upper(Name) FROM Repositories", BB_OK, NULL},
	{3, "SELECT {fn CONCAT({fn LCASE(a)}, 'x')}",
	 "SELECT (lower(a) || 'x')", BB_OK, NULL},
	{4, "SELECT * FROM t WHERE d > {d '2024-01-31'}",
	 "SELECT * FROM t WHERE d > '2024-01-31'", BB_OK, NULL},
	{5, "SELECT * FROM t WHERE d > {ts '2024-01-31 10:00:00'}",
	 "SELECT * FROM t WHERE d > '2024-01-31 10:00:00'", BB_OK, NULL},
	{6, "SELECT * FROM {oj a LEFT OUTER JOIN b ON a.x = b.x}",
	 "SELECT * FROM a LEFT OUTER JOIN b ON a.x = b.x", BB_OK, NULL},
	{7, "SELECT * FROM t WHERE n LIKE 'a\\_%' {escape '\\'}",
	 "SELECT * FROM t WHERE n LIKE 'a\\_%' ESCAPE '\\'", BB_OK, NULL},
	{8, "SELECT TOP 10 Name FROM Repositories ORDER BY Name",
	 "SELECT Name FROM Repositories ORDER BY Name LIMIT 10", BB_OK, NULL},
	{9, "SELECT DISTINCT TOP 3 Language FROM Repositories",
	 "SELECT DISTINCT Language FROM Repositories LIMIT 3", BB_OK, NULL},
	{10, "SELECT TOP 3 x FROM t LIMIT 2", "SELECT x FROM t LIMIT 2", BB_OK,
	 NULL},
	{11, "SELECT '{fn UCASE(x)}', \"{d\" FROM t",
	 "SELECT '{fn UCASE(x)}', \"{d\" FROM t", BB_OK, NULL},
	{12, "SELECT * FROM globex.Repositories",
	 "SELECT * FROM globex.Repositories", BB_OK, "globex"},
	{13, "SELECT * FROM \"my-ws\".\"PullRequests\" p",
	 "SELECT * FROM \"my-ws\".\"PullRequests\" p", BB_OK, "my-ws"},
	{14, "SELECT r.Name FROM Repositories r",
	 "SELECT r.Name FROM Repositories r", BB_OK, NULL},
	{15, "SELECT {fn LEFT(Name, 3)}, {fn LOCATE('a', Name)} FROM t",
	 "SELECT substr(Name, 1, 3), instr(Name, 'a') FROM t", BB_OK, NULL},
	{16, "SELECT {fn YEAR(CreatedOn)} FROM t",
	 "SELECT CAST(strftime('%Y', CreatedOn) AS INTEGER) FROM t", BB_OK,
	 NULL},
	{17, "SELECT 'unterminated", NULL, BB_E_SYNTAX, NULL},
	{18, "SELECT {nonsense 1}", NULL, BB_E_SYNTAX, NULL},
	{19, "{call approve(1)}", NULL, BB_E_SYNTAX, NULL},
	{20, "SELECT {fn UCASE('a'", NULL, BB_E_SYNTAX, NULL},
	{21, "SELECT x FROM (SELECT TOP 1 x FROM t)",
	 "SELECT x FROM (SELECT TOP 1 x FROM t)", BB_OK, NULL},
	{22, "/* {fn x} */ SELECT 1 -- {d\n", "/* {fn x} */ SELECT 1 -- {d\n",
	 BB_OK, NULL},
	{23, "SELECT {fn NOW()}",
	 "SELECT strftime('%Y-%m-%d %H:%M:%f000', 'now')", BB_OK, NULL},
	{24, "SELECT {fn SOMETHING(1)}", "SELECT SOMETHING(1)", BB_OK, NULL},
	{25, "SELECT [Name] FROM [Repositories]",
	 "SELECT [Name] FROM [Repositories]", BB_OK, NULL},
	{26, "/* unterminated", NULL, BB_E_SYNTAX, NULL},
	{27, "SELECT Slug FROM \"\".other.Repositories",
	 "SELECT Slug FROM other.Repositories", BB_OK, "other"},
	{28, "SELECT Slug FROM [].[other].[Repositories] r",
	 "SELECT Slug FROM [other].[Repositories] r", BB_OK, "other"},
	{29, "SELECT Slug FROM cat.other.Repositories", NULL, BB_E_NO_TABLE,
	 NULL},
	{30, "SELECT other.Repositories.Slug FROM other.Repositories",
	 "SELECT other.Repositories.Slug FROM other.Repositories", BB_OK,
	 "other"},
	{31,
	 "SELECT {fn CONVERT(Id, SQL_VARCHAR)}, {fn CONVERT('7', "
	 "SQL_INTEGER)} FROM t",
	 "SELECT CAST(Id AS TEXT), CAST('7' AS INTEGER) FROM t", BB_OK, NULL},
	{32,
	 "SELECT {fn CONVERT(CreatedOn, SQL_DATE)}, {fn CONVERT(x, "
	 "SQL_TIMESTAMP)}",
	 "SELECT date(CreatedOn), strftime('%Y-%m-%d %H:%M:%f000', x)", BB_OK,
	 NULL},
	{33, "SELECT {fn CONVERT(x, SQL_INTERVAL_DAY)}", NULL, BB_E_SYNTAX,
	 NULL},
	{34, "SELECT {fn COT(1)}", "SELECT (1.0 / tan(1))", BB_OK, NULL},
	{35, "{? = call approve(1)}", NULL, BB_E_SYNTAX, NULL},
	{36, "SELECT {guid '12345678-1234-1234-1234-123456789012'}",
	 "SELECT '12345678-1234-1234-1234-123456789012'", BB_OK, NULL},
	{37, "SELECT TOP 5 Slug FROM `Repositories` ORDER BY Slug",
	 "SELECT Slug FROM `Repositories` ORDER BY Slug LIMIT 5", BB_OK, NULL},
};

int main(void)
{
	size_t i;

	for (i = 0; i < BB_ARRAY_LEN(cases); i++) {
		bb_buf out;
		bb_sql_info info;
		bb_err err;
		bool ok;

		bb_buf_init(&out);
		ok = bb_sql_rewrite(cases[i].in, &out, &info, &err);
		if (cases[i].want) {
			if (!ok)
				fprintf(stderr, "case %d: %s\n", cases[i].no,
					err.msg);
			CHECK(ok);
			if (ok && strcmp(out.data, cases[i].want) != 0)
				fprintf(stderr, "case %d:\n", cases[i].no);
			CHECK_STR(ok ? out.data : NULL, cases[i].want);
		} else {
			CHECK(!ok);
			if (err.cond != cases[i].cond)
				fprintf(stderr, "case %d:\n", cases[i].no);
			CHECK_INT(err.cond, cases[i].cond);
		}
		if (cases[i].schema) {
			CHECK_INT(info.nschemas, 1);
			CHECK_STR(info.schemas[0], cases[i].schema);
		} else if (ok) {
			CHECK_INT(info.nschemas, 0);
		}
		bb_buf_free(&out);
	}
	return CHECK_DONE();
}
