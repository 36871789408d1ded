/*
 * test_sql_guess.c - the types of computed result columns read from the
 * SQL at prepare: each case a statement, a column and the declared type
 * expected (NULL: unknown, the first row decides).
 */
#include "util/setup.h"
#include "sql/guess.h"
#include "check.h"

static const struct {
	const char *sql;
	int col;
	const char *want;
} cases[] = {
	{"SELECT COUNT(*) FROM t", 0, "BIGINT"},
	{"SELECT a, count(DISTINCT b) AS n FROM t GROUP BY a", 1, "BIGINT"},
	{"SELECT AVG(x) avg_x FROM t", 0, "DOUBLE"},
	{"SELECT upper(Name) FROM t", 0, "VARCHAR(4000)"},
	{"SELECT CAST(Size AS REAL) FROM t", 0, "DOUBLE"},
	{"SELECT CAST(x AS TEXT) AS \"y\" FROM t", 0, "VARCHAR(4000)"},
	{"SELECT 1, 2.5, 'x'", 0, "BIGINT"},
	{"SELECT 1, 2.5, 'x'", 1, "DOUBLE"},
	{"SELECT 1, 2.5, 'x'", 2, "VARCHAR(255)"},
	{"SELECT ROW_NUMBER() OVER (ORDER BY a) FROM t", 0, "BIGINT"},
	{"SELECT DISTINCT length(a) FROM t", 0, "BIGINT"},
	/* Unknown: the type depends on the arguments or the expression. */
	{"SELECT COUNT(*) * 2 FROM t", 0, NULL},
	{"SELECT MAX(Unknown) FROM t", 0, NULL},
	{"SELECT SUM(x) FROM t", 0, NULL},
	{"SELECT MAX(CreatedOn + 1) FROM t", 0, NULL},
	/* The type of the one column argument, looked up by name. */
	{"SELECT MAX(CreatedOn) FROM t", 0, "TIMESTAMP TEXT"},
	{"SELECT min(r.CreatedOn) AS first FROM t r", 0, "TIMESTAMP TEXT"},
	{"SELECT LAG(Id, 1) OVER (ORDER BY Id) FROM t", 0, "INTEGER"},
	{"SELECT SUM(Id) FROM t", 0, "BIGINT"},
	{"SELECT SUM(Title) FROM t", 0, NULL},
	{"SELECT a + 1 FROM t", 0, NULL},
	/* A star makes the column's place unknowable. */
	{"SELECT *, COUNT(*) FROM t", 1, NULL},
	{"SELECT t.*, COUNT(*) FROM t", 1, NULL},
	{"SELECT COUNT(*) FROM t", 1, NULL},
	{"WITH x AS (SELECT 1) SELECT COUNT(*) FROM x", 0, NULL},
	{"SELECT 'unterminated", 0, NULL},
	{"SELECT f(a, (SELECT COUNT(*) FROM u)), COUNT(*) FROM t", 1, "BIGINT"},
};

/* What the caller knows of columns by name. */
static const char *known(const char *name)
{
	if (strcmp(name, "CreatedOn") == 0)
		return "TIMESTAMP TEXT";
	if (strcmp(name, "Id") == 0)
		return "INTEGER";
	if (strcmp(name, "Title") == 0)
		return "VARCHAR(255)";
	return NULL;
}

int main(void)
{
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *decls[8], *got;

		bb_sql_guess_decls(cases[i].sql, 8, decls, known);
		got = decls[cases[i].col];

		if (!((got == NULL && cases[i].want == NULL) ||
		      (got && cases[i].want &&
		       strcmp(got, cases[i].want) == 0)))
			fprintf(stderr, "case %zu: %s\n", i, cases[i].sql);
		CHECK_STR(got, cases[i].want);
	}
	printf("%zu cases\n", i);
	return CHECK_DONE();
}
