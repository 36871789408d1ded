/*
 * test_scroll.c - scrollable cursors through unixODBC's driver manager:
 * every SQLFetchScroll orientation on a static cursor, checked against
 * the rows a forward-only read of the same query gives, with rowsets of
 * several sizes, column-wise and row-wise binding, offsets, status
 * arrays at both edges; SQLExtendedFetch; SQLSetPos with SQLGetData;
 * the emulator's request log showing that FIRST reads one page; and the
 * SQLSTATEs of the faults. Run by with_emulator.sh (BBODBC_CONN,
 * BBEMU_URL).
 */
#include <sql.h>
#include <sqlext.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "check.h"

#define QUERY "SELECT Slug, Size FROM Repositories"
#define MAXROWS 400
#define MAXSET 16

static char ref_slug[MAXROWS][64];
static SQLBIGINT ref_size[MAXROWS];
static SQLULEN nref;

static void stmt_state(SQLHSTMT st, char state[6])
{
	SQLINTEGER native;
	SQLSMALLINT len;
	SQLCHAR msg[512];

	state[0] = '\0';
	SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, (SQLCHAR *)state, &native, msg,
		      sizeof(msg), &len);
}

/* One HTTP/1.0 call to the emulator's control API on 127.0.0.1; the
 * body in buf. */
static size_t emu_call(const char *method, const char *path, char *buf,
		       size_t size)
{
	const char *url = getenv("BBEMU_URL");
	const char *colon = url ? strrchr(url, ':') : NULL;
	struct sockaddr_in sa;
	char req[256];
	size_t got = 0;
	ssize_t n;
	int fd;

	buf[0] = '\0';
	if (!colon)
		return 0;
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)atoi(colon + 1));
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	snprintf(req, sizeof(req), "%s %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
		 method, path);
	if (write(fd, req, strlen(req)) < 0)
		got = 0;
	while (got + 1 < size && (n = read(fd, buf + got, size - got - 1)) > 0)
		got += (size_t)n;
	buf[got] = '\0';
	close(fd);
	return got;
}

/* API requests for the repository list since the log was cleared. */
static int repo_requests(void)
{
	static char body[1 << 20];
	const char *p = body;
	int n = 0;

	emu_call("GET", "/_emulator/requests", body, sizeof(body));
	while ((p = strstr(p, "/2.0/repositories/acme")) != NULL) {
		p += strlen("/2.0/repositories/acme");
		if (*p == '"' || *p == '?')
			n++;
	}
	return n;
}

static void clear_requests(void)
{
	char body[256];

	emu_call("DELETE", "/_emulator/requests", body, sizeof(body));
}

/* The rows of QUERY as a forward-only cursor gives them. */
static void read_reference(SQLHSTMT st)
{
	char slug[64];
	SQLBIGINT size;
	SQLLEN ind1, ind2;

	CHECK(SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)QUERY, SQL_NTS)));
	SQLBindCol(st, 1, SQL_C_CHAR, slug, sizeof(slug), &ind1);
	SQLBindCol(st, 2, SQL_C_SBIGINT, &size, 0, &ind2);
	while (nref < MAXROWS && SQLFetch(st) == SQL_SUCCESS) {
		snprintf(ref_slug[nref], sizeof(ref_slug[0]), "%s", slug);
		ref_size[nref++] = size;
	}
	SQLFreeStmt(st, SQL_UNBIND);
	SQLCloseCursor(st);
}

/* Both binding orientations behind one interface. */
typedef struct rowbuf {
	char slug[64];
	SQLLEN slug_ind;
	SQLBIGINT size;
	SQLLEN size_ind;
} rowbuf;

typedef struct binding {
	int rowwise;
	SQLULEN offset; /* bytes added through SQL_ATTR_ROW_BIND_OFFSET_PTR */
	char col_slug[MAXSET + 2][64];
	SQLLEN col_slug_ind[MAXSET + 2];
	SQLBIGINT col_size[MAXSET + 2];
	SQLLEN col_size_ind[MAXSET + 2];
	rowbuf rows[MAXSET + 2];
	SQLUSMALLINT status[MAXSET];
	SQLULEN fetched;
} binding;

static void bind_all(SQLHSTMT st, binding *b, SQLULEN size)
{
	/* With an offset (row-wise here) the buffers bound at rows[0]
	 * are written at rows[0] plus the offset. */
	SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)size, 0);
	SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, b->status, 0);
	SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &b->fetched, 0);
	SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_OFFSET_PTR,
		       b->offset ? &b->offset : NULL, 0);
	if (b->rowwise) {
		SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE,
			       (SQLPOINTER)sizeof(rowbuf), 0);
		SQLBindCol(st, 1, SQL_C_CHAR, b->rows[0].slug,
			   sizeof(b->rows[0].slug), &b->rows[0].slug_ind);
		SQLBindCol(st, 2, SQL_C_SBIGINT, &b->rows[0].size, 0,
			   &b->rows[0].size_ind);
	} else {
		SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE,
			       (SQLPOINTER)SQL_BIND_BY_COLUMN, 0);
		SQLBindCol(st, 1, SQL_C_CHAR, b->col_slug,
			   sizeof(b->col_slug[0]), b->col_slug_ind);
		SQLBindCol(st, 2, SQL_C_SBIGINT, b->col_size, 0,
			   b->col_size_ind);
	}
}

/* Row r of the rowset as the bindings hold it. */
static void row_of(const binding *b, SQLULEN r, const char **slug,
		   SQLBIGINT *size)
{
	if (b->rowwise) {
		const rowbuf *rb =
			(const rowbuf *)((const char *)b->rows + b->offset) + r;

		*slug = rb->slug;
		*size = rb->size;
	} else {
		*slug = b->col_slug[r];
		*size = b->col_size[r];
	}
}

/* Checks the rowset a fetch returned: rc, count, rows, status array
 * and SQL_ATTR_ROW_NUMBER. start 0: SQL_NO_DATA expected. */
static void expect(SQLHSTMT st, binding *b, SQLRETURN rc, SQLULEN size,
		   SQLULEN start, bool early, int line)
{
	SQLULEN want = 0, r, rownum = 99999;
	char state[6];

	if (start)
		want = start + size - 1 <= nref ? size : nref - start + 1;
	if (!start) {
		if (rc != SQL_NO_DATA)
			fprintf(stderr, "line %d: rc %d, want NO_DATA\n", line,
				rc);
		CHECK(rc == SQL_NO_DATA);
		return;
	}
	if (early) {
		CHECK(rc == SQL_SUCCESS_WITH_INFO);
		stmt_state(st, state);
		CHECK_STR(state, "01S06");
	} else {
		if (rc != SQL_SUCCESS)
			fprintf(stderr, "line %d: rc %d\n", line, rc);
		CHECK(rc == SQL_SUCCESS);
	}
	CHECK_INT(b->fetched, want);
	for (r = 0; r < size; r++) {
		const char *slug;
		SQLBIGINT sz;

		if (r >= want) {
			CHECK_INT(b->status[r], SQL_ROW_NOROW);
			continue;
		}
		CHECK_INT(b->status[r], SQL_ROW_SUCCESS);
		row_of(b, r, &slug, &sz);
		if (strcmp(slug, ref_slug[start - 1 + r]) != 0)
			fprintf(stderr, "line %d: row %lu\n", line,
				(unsigned long)(start + r));
		CHECK_STR(slug, ref_slug[start - 1 + r]);
		CHECK_INT(sz, ref_size[start - 1 + r]);
	}
	SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &rownum, 0, NULL);
	CHECK_INT(rownum, start);
}

#define FETCH(o, off) SQLFetchScroll(st, (o), (off))
#define EXPECT(rc, start, early) \
	expect(st, b, (rc), size, (start), (early), __LINE__)

/* 1. Every orientation, from every side, for one rowset size and
 *    binding; the expected starts follow the reference's tables. */
static void scroll_case(SQLHSTMT st, binding *b, SQLULEN size)
{
	SQLULEN L = nref;

	SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC,
		       0);
	bind_all(st, b, size);
	CHECK(SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)QUERY, SQL_NTS)));
	EXPECT(FETCH(SQL_FETCH_PRIOR, 0), 0, false); /* before start */
	EXPECT(FETCH(SQL_FETCH_NEXT, 0), 1, false);
	EXPECT(FETCH(SQL_FETCH_NEXT, 0), 1 + size, false);
	EXPECT(FETCH(SQL_FETCH_PRIOR, 0), 1, false);
	EXPECT(FETCH(SQL_FETCH_PRIOR, 0), 0, false);
	EXPECT(FETCH(SQL_FETCH_RELATIVE, 3), 3, false); /* as ABSOLUTE 3 */
	EXPECT(FETCH(SQL_FETCH_RELATIVE, 0), 3, false);
	EXPECT(FETCH(SQL_FETCH_RELATIVE, 5), 8, false);
	EXPECT(FETCH(SQL_FETCH_RELATIVE, -7), 1, false);
	EXPECT(FETCH(SQL_FETCH_ABSOLUTE, 8), 8, false);
	/* Before row 1 by no more than a rowset: row 1 and 01S06. */
	EXPECT(FETCH(SQL_FETCH_RELATIVE, -9), size >= 9 ? 1 : 0, size >= 9);
	EXPECT(FETCH(SQL_FETCH_RELATIVE, -1), 0, false);
	EXPECT(FETCH(SQL_FETCH_FIRST, 0), 1, false);
	EXPECT(FETCH(SQL_FETCH_ABSOLUTE, 2), 2, false);
	if (size > 1)
		EXPECT(FETCH(SQL_FETCH_PRIOR, 0), 1, true);
	EXPECT(FETCH(SQL_FETCH_ABSOLUTE, (SQLLEN)L - 1), L - 1, false);
	EXPECT(FETCH(SQL_FETCH_NEXT, 0), size == 1 ? L : 0, false);
	EXPECT(FETCH(SQL_FETCH_NEXT, 0), 0, false); /* after end */
	EXPECT(FETCH(SQL_FETCH_NEXT, 0), 0, false);
	EXPECT(FETCH(SQL_FETCH_PRIOR, 0), L - size + 1, false);
	EXPECT(FETCH(SQL_FETCH_ABSOLUTE, (SQLLEN)L + 1), 0, false);
	EXPECT(FETCH(SQL_FETCH_RELATIVE, -2), L - 1, false); /* ABSOLUTE -2 */
	EXPECT(FETCH(SQL_FETCH_RELATIVE, 5), 0, false);
	EXPECT(FETCH(SQL_FETCH_RELATIVE, 1), 0, false);
	EXPECT(FETCH(SQL_FETCH_LAST, 0), L - size + 1, false);
	EXPECT(FETCH(SQL_FETCH_ABSOLUTE, -1), L, false);
	EXPECT(FETCH(SQL_FETCH_ABSOLUTE, -(SQLLEN)L), 1, false);
	EXPECT(FETCH(SQL_FETCH_ABSOLUTE, -(SQLLEN)L - 1), 0, false);
	EXPECT(FETCH(SQL_FETCH_ABSOLUTE, 0), 0, false);
	EXPECT(FETCH(SQL_FETCH_ABSOLUTE, 40), 40, false);
	EXPECT(FETCH(SQL_FETCH_RELATIVE, -39), 1, false);
	EXPECT(FETCH(SQL_FETCH_ABSOLUTE, 40), 40, false);
	EXPECT(FETCH(SQL_FETCH_RELATIVE, -40 - (SQLLEN)size), 0, false);
	SQLCloseCursor(st);
	SQLFreeStmt(st, SQL_UNBIND);
}

static void test_orientations(SQLHSTMT st)
{
	static binding b;
	static const SQLULEN sizes[] = {1, 3, 7, 16};
	size_t i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		memset(&b, 0, sizeof(b));
		b.rowwise = 0;
		scroll_case(st, &b, sizes[i]);
		memset(&b, 0, sizeof(b));
		b.rowwise = 1;
		scroll_case(st, &b, sizes[i]);
		memset(&b, 0, sizeof(b));
		b.rowwise = 1;
		b.offset = 2 * sizeof(rowbuf);
		scroll_case(st, &b, sizes[i]);
	}
	SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_OFFSET_PTR, NULL, 0);
	SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE,
		       (SQLPOINTER)SQL_BIND_BY_COLUMN, 0);
}

/* 2. A rowset larger than a short result: ABSOLUTE beyond its start
 *    within one rowset gives row 1 and 01S06; LAST gives row 1. */
static void test_short_result(SQLHSTMT st)
{
	static binding b;
	SQLULEN size = 7, keep = nref;

	memset(&b, 0, sizeof(b));
	SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC,
		       0);
	bind_all(st, &b, size);
	CHECK(SQL_SUCCEEDED(
		SQLExecDirect(st, (SQLCHAR *)QUERY " LIMIT 4", SQL_NTS)));
	nref = 4; /* the first four rows of the same order */
	expect(st, &b, FETCH(SQL_FETCH_LAST, 0), size, 1, false, __LINE__);
	expect(st, &b, FETCH(SQL_FETCH_ABSOLUTE, -6), size, 1, true, __LINE__);
	expect(st, &b, FETCH(SQL_FETCH_ABSOLUTE, -8), size, 0, false, __LINE__);
	expect(st, &b, FETCH(SQL_FETCH_NEXT, 0), size, 1, false, __LINE__);
	expect(st, &b, FETCH(SQL_FETCH_NEXT, 0), size, 0, false, __LINE__);
	expect(st, &b, FETCH(SQL_FETCH_PRIOR, 0), size, 1, true, __LINE__);
	nref = keep;
	SQLCloseCursor(st);
	SQLFreeStmt(st, SQL_UNBIND);
}

/* 3. The request log: FIRST on a static cursor reads one page, LAST
 *    reads what a forward-only read of everything reads. */
static void test_pages(SQLHSTMT st)
{
	SQLLEN ind;
	char slug[64];
	int first, last, full = 0;

	clear_requests();
	CHECK(SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)QUERY, SQL_NTS)));
	while (SQLFetch(st) == SQL_SUCCESS)
		;
	full = repo_requests();
	SQLCloseCursor(st);

	SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC,
		       0);
	SQLBindCol(st, 1, SQL_C_CHAR, slug, sizeof(slug), &ind);
	SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)1, 0);
	clear_requests();
	CHECK(SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)QUERY, SQL_NTS)));
	CHECK(FETCH(SQL_FETCH_FIRST, 0) == SQL_SUCCESS);
	CHECK_STR(slug, ref_slug[0]);
	first = repo_requests();
	CHECK(FETCH(SQL_FETCH_LAST, 0) == SQL_SUCCESS);
	CHECK_STR(slug, ref_slug[nref - 1]);
	last = repo_requests();
	fprintf(stderr, "pages: FIRST %d, LAST %d, forward-only read %d\n",
		first, last, full);
	CHECK_INT(first, 1);
	CHECK(full > 1);
	CHECK_INT(last, full);
	SQLCloseCursor(st);
	SQLFreeStmt(st, SQL_UNBIND);
}

/* 4. SQLSetPos positions a block's row for SQLGetData and refreshes
 *    bound rows from the cursor's copy; its faults. */
static void test_set_pos(SQLHSTMT st)
{
	static binding b;
	char buf[64], state[6];
	SQLLEN ind;
	SQLULEN rownum = 0;

	memset(&b, 0, sizeof(b));
	SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC,
		       0);
	bind_all(st, &b, 5);
	SQLBindCol(st, 1, SQL_C_CHAR, NULL, 0, NULL); /* SQLGetData's */
	CHECK(SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)QUERY, SQL_NTS)));
	CHECK(SQLSetPos(st, 1, SQL_POSITION, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
	CHECK(FETCH(SQL_FETCH_ABSOLUTE, 10) == SQL_SUCCESS);
	/* The current row is the rowset's first until SQLSetPos. */
	CHECK(SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof(buf), &ind) ==
	      SQL_SUCCESS);
	CHECK_STR(buf, ref_slug[9]);
	CHECK(SQLSetPos(st, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE) ==
	      SQL_SUCCESS);
	CHECK(SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof(buf), &ind) ==
	      SQL_SUCCESS);
	CHECK_STR(buf, ref_slug[11]);
	SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &rownum, 0, NULL);
	CHECK_INT(rownum, 12);
	/* Refresh one row, then all, over what the application wrote. */
	b.col_size[1] = -5;
	b.status[1] = SQL_ROW_NOROW;
	b.col_size[4] = -5;
	CHECK(SQLSetPos(st, 2, SQL_REFRESH, SQL_LOCK_NO_CHANGE) == SQL_SUCCESS);
	CHECK_INT(b.col_size[1], ref_size[10]);
	CHECK_INT(b.status[1], SQL_ROW_SUCCESS);
	CHECK_INT(b.col_size[4], -5);
	CHECK(SQLSetPos(st, 0, SQL_REFRESH, SQL_LOCK_NO_CHANGE) == SQL_SUCCESS);
	CHECK_INT(b.col_size[4], ref_size[13]);
	SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &rownum, 0, NULL);
	CHECK_INT(rownum, 11); /* SQL_REFRESH of row 2 moved there */
	/* A refresh fills the status array the attribute names now, not
	 * the one of the fetch (which may have been freed). */
	{
		SQLUSMALLINT now[8] = {99, 99, 99, 99, 99, 99, 99, 99};

		b.status[0] = 77;
		SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, now, 0);
		CHECK(SQLSetPos(st, 1, SQL_REFRESH, SQL_LOCK_NO_CHANGE) ==
		      SQL_SUCCESS);
		CHECK_INT(now[0], SQL_ROW_SUCCESS);
		CHECK_INT(b.status[0], 77);
		SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, NULL, 0);
		CHECK(SQLSetPos(st, 1, SQL_REFRESH, SQL_LOCK_NO_CHANGE) ==
		      SQL_SUCCESS);
		CHECK_INT(b.status[0], 77);
		SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, b.status, 0);
	}
	/* Faults. */
	CHECK(SQLSetPos(st, 6, SQL_POSITION, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "HY107");
	CHECK(SQLSetPos(st, 0, SQL_POSITION, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "HY109");
	CHECK(SQLSetPos(st, 1, SQL_UPDATE, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "HYC00");
	CHECK(SQLSetPos(st, 1, SQL_DELETE, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "HYC00");
	CHECK(SQLSetPos(st, 1, SQL_POSITION, SQL_LOCK_EXCLUSIVE) == SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "HYC00");
	CHECK(SQLBulkOperations(st, SQL_ADD) == SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "HYC00");
	CHECK(SQLBulkOperations(st, SQL_FETCH_BY_BOOKMARK) == SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "HYC00");
	CHECK(SQLBulkOperations(st, 99) == SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "HY092");
	/* A partial rowset: rows past its end hold nothing. */
	CHECK(FETCH(SQL_FETCH_ABSOLUTE, -2) == SQL_SUCCESS);
	CHECK_INT(b.fetched, 2);
	CHECK(SQLSetPos(st, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "HY109");
	CHECK(SQLSetPos(st, 2, SQL_POSITION, SQL_LOCK_NO_CHANGE) ==
	      SQL_SUCCESS);
	CHECK(SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof(buf), &ind) ==
	      SQL_SUCCESS);
	CHECK_STR(buf, ref_slug[nref - 1]);
	/* After the end nothing is current. */
	CHECK(FETCH(SQL_FETCH_NEXT, 0) == SQL_NO_DATA);
	CHECK(SQLSetPos(st, 1, SQL_POSITION, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
	CHECK(SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof(buf), &ind) ==
	      SQL_ERROR);
	SQLCloseCursor(st);
	SQLFreeStmt(st, SQL_UNBIND);
}

/* 5. A forward-only cursor: NEXT only (HY106), blocks of rows that
 *    SQLSetPos and SQLGetData still reach. */
static void test_forward_only(SQLHSTMT st)
{
	static binding b;
	char buf[64], state[6];
	SQLLEN ind;
	SQLULEN v = 0;

	memset(&b, 0, sizeof(b));
	SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE,
		       (SQLPOINTER)SQL_CURSOR_FORWARD_ONLY, 0);
	bind_all(st, &b, 4);
	CHECK(SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)QUERY, SQL_NTS)));
	CHECK(FETCH(SQL_FETCH_PRIOR, 0) == SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "HY106");
	CHECK(FETCH(SQL_FETCH_FIRST, 0) == SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "HY106");
	CHECK(FETCH(SQL_FETCH_NEXT, 0) == SQL_SUCCESS);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	CHECK_STR(b.col_slug[0], ref_slug[4]);
	CHECK(SQLSetPos(st, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE) ==
	      SQL_SUCCESS);
	CHECK(SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof(buf), &ind) ==
	      SQL_SUCCESS);
	CHECK_STR(buf, ref_slug[6]);
	SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &v, 0, NULL);
	CHECK_INT(v, 7);
	/* Back to one row at a time: streaming picks up at row 9. */
	SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)1, 0);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	CHECK_STR(b.col_slug[0], ref_slug[8]);
	SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)3, 0);
	CHECK(SQLFetch(st) == SQL_SUCCESS);
	CHECK_STR(b.col_slug[0], ref_slug[9]);
	CHECK_STR(b.col_slug[2], ref_slug[11]);
	SQLCloseCursor(st);
	SQLFreeStmt(st, SQL_UNBIND);
}

/* 6. SQLExtendedFetch: SQL_ROWSET_SIZE rows, its own count and status
 *    array, SQL_ATTR_ROW_ARRAY_SIZE left alone. */
static void test_extended_fetch(SQLHSTMT st)
{
	static binding b;
	SQLUSMALLINT status[6];
	SQLULEN n = 0, v = 0;
	SQLRETURN rc;

	memset(&b, 0, sizeof(b));
	SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC,
		       0);
	bind_all(st, &b, 1);
	SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, NULL, 0);
	SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, NULL, 0);
	CHECK(SQLSetStmtAttr(st, SQL_ROWSET_SIZE, (SQLPOINTER)6, 0) ==
	      SQL_SUCCESS);
	SQLGetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, &v, 0, NULL);
	CHECK_INT(v, 1);
	CHECK(SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)QUERY, SQL_NTS)));
	rc = SQLExtendedFetch(st, SQL_FETCH_NEXT, 0, &n, status);
	CHECK(rc == SQL_SUCCESS);
	CHECK_INT(n, 6);
	CHECK_STR(b.col_slug[5], ref_slug[5]);
	CHECK_INT(status[5], SQL_ROW_SUCCESS);
	rc = SQLExtendedFetch(st, SQL_FETCH_ABSOLUTE, -2, &n, status);
	CHECK(rc == SQL_SUCCESS);
	CHECK_INT(n, 2);
	CHECK_STR(b.col_slug[1], ref_slug[nref - 1]);
	CHECK_INT(status[1], SQL_ROW_SUCCESS);
	CHECK_INT(status[2], SQL_ROW_NOROW);
	CHECK_INT(status[5], SQL_ROW_NOROW);
	rc = SQLExtendedFetch(st, SQL_FETCH_PRIOR, 0, &n, status);
	CHECK(rc == SQL_SUCCESS);
	CHECK_INT(n, 6);
	CHECK_STR(b.col_slug[0], ref_slug[nref - 8]);
	rc = SQLExtendedFetch(st, SQL_FETCH_FIRST, 0, &n, status);
	CHECK_STR(b.col_slug[0], ref_slug[0]);
	CHECK(SQLSetPos(st, 4, SQL_POSITION, SQL_LOCK_NO_CHANGE) ==
	      SQL_SUCCESS);
	SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &v, 0, NULL);
	CHECK_INT(v, 4);
	SQLCloseCursor(st);
	SQLFreeStmt(st, SQL_UNBIND);
	SQLSetStmtAttr(st, SQL_ROWSET_SIZE, (SQLPOINTER)1, 0);
}

/* 7. The cursor attributes stay consistent; substitutions say 01S02. */
/* Attributes whose behaviour is fixed: another value is 01S02, and the
 * value in force reads back. */
static void test_fixed_attributes(SQLHSTMT st)
{
	static const struct {
		SQLINTEGER attr;
		SQLULEN ask, got;
	} fixed[] = {
		{SQL_ATTR_NOSCAN, SQL_NOSCAN_ON, SQL_NOSCAN_OFF},
		{SQL_ATTR_MAX_LENGTH, 5, 0},
		{SQL_ATTR_RETRIEVE_DATA, SQL_RD_OFF, SQL_RD_ON},
		{SQL_ATTR_METADATA_ID, SQL_TRUE, SQL_FALSE},
		{SQL_ATTR_ENABLE_AUTO_IPD, SQL_TRUE, SQL_FALSE},
		{SQL_ATTR_KEYSET_SIZE, 10, 0},
	};
	SQLULEN v, mark = 7;
	char state[6];
	size_t i;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		CHECK_INT(SQLSetStmtAttr(st, fixed[i].attr,
					 (SQLPOINTER)fixed[i].ask, 0),
			  SQL_SUCCESS_WITH_INFO);
		stmt_state(st, state);
		CHECK_STR(state, "01S02");
		v = 99;
		CHECK_INT(SQLGetStmtAttr(st, fixed[i].attr, &v, 0, NULL),
			  SQL_SUCCESS);
		CHECK_INT(v, fixed[i].got);
	}
	CHECK_INT(SQLSetStmtAttr(st, SQL_ATTR_FETCH_BOOKMARK_PTR, &mark, 0),
		  SQL_SUCCESS);
	v = 0;
	SQLGetStmtAttr(st, SQL_ATTR_FETCH_BOOKMARK_PTR, &v, 0, NULL);
	CHECK(v == (SQLULEN)(uintptr_t)&mark);
	SQLSetStmtAttr(st, SQL_ATTR_FETCH_BOOKMARK_PTR, NULL, 0);
}

static void test_attributes(SQLHSTMT st)
{
	SQLULEN v = 0;
	char state[6];

	CHECK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE,
			     (SQLPOINTER)SQL_CURSOR_KEYSET_DRIVEN,
			     0) == SQL_SUCCESS_WITH_INFO);
	stmt_state(st, state);
	CHECK_STR(state, "01S02");
	SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL);
	CHECK_INT(v, SQL_CURSOR_STATIC);
	SQLGetStmtAttr(st, SQL_ATTR_CURSOR_SCROLLABLE, &v, 0, NULL);
	CHECK_INT(v, SQL_SCROLLABLE);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE,
			     (SQLPOINTER)SQL_CURSOR_DYNAMIC,
			     0) == SQL_SUCCESS_WITH_INFO);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_CONCURRENCY,
			     (SQLPOINTER)SQL_CONCUR_LOCK,
			     0) == SQL_SUCCESS_WITH_INFO);
	SQLGetStmtAttr(st, SQL_ATTR_CONCURRENCY, &v, 0, NULL);
	CHECK_INT(v, SQL_CONCUR_READ_ONLY);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_SENSITIVITY,
			     (SQLPOINTER)SQL_SENSITIVE,
			     0) == SQL_SUCCESS_WITH_INFO);
	SQLGetStmtAttr(st, SQL_ATTR_CURSOR_SENSITIVITY, &v, 0, NULL);
	CHECK_INT(v, SQL_INSENSITIVE);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_SCROLLABLE,
			     (SQLPOINTER)SQL_NONSCROLLABLE, 0) == SQL_SUCCESS);
	SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL);
	CHECK_INT(v, SQL_CURSOR_FORWARD_ONLY);
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_SCROLLABLE,
			     (SQLPOINTER)SQL_SCROLLABLE, 0) == SQL_SUCCESS);
	SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL);
	CHECK_INT(v, SQL_CURSOR_STATIC);
	/* Not while a cursor is open. */
	CHECK(SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)QUERY, SQL_NTS)));
	CHECK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE,
			     (SQLPOINTER)SQL_CURSOR_FORWARD_ONLY,
			     0) == SQL_ERROR);
	stmt_state(st, state);
	CHECK_STR(state, "24000");
	CHECK(FETCH(SQL_FETCH_BOOKMARK, 0) == SQL_ERROR);
	stmt_state(st, state);
	CHECK(strcmp(state, "HY106") == 0 || strcmp(state, "HYC00") == 0);
	SQLCloseCursor(st);
	/* MaxRows bounds a static cursor's result. */
	SQLSetStmtAttr(st, SQL_ATTR_MAX_ROWS, (SQLPOINTER)10, 0);
	SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &v, 0);
	SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)4, 0);
	CHECK(SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)QUERY, SQL_NTS)));
	CHECK(FETCH(SQL_FETCH_LAST, 0) == SQL_SUCCESS);
	CHECK_INT(v, 4);
	SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &v, 0, NULL);
	CHECK_INT(v, 7);
	SQLCloseCursor(st);
	SQLSetStmtAttr(st, SQL_ATTR_MAX_ROWS, (SQLPOINTER)0, 0);
	SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, NULL, 0);
	SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)1, 0);
	SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE,
		       (SQLPOINTER)SQL_CURSOR_FORWARD_ONLY, 0);
}

/* 8. SQLGetInfo says what the cursors do. */
static void test_info(SQLHDBC dbc)
{
	SQLUINTEGER v = 0;

	SQLGetInfo(dbc, SQL_SCROLL_OPTIONS, &v, sizeof(v), NULL);
	CHECK_INT(v, SQL_SO_FORWARD_ONLY | SQL_SO_STATIC);
	SQLGetInfo(dbc, SQL_STATIC_CURSOR_ATTRIBUTES1, &v, sizeof(v), NULL);
	CHECK((v & (SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE |
		    SQL_CA1_POS_POSITION | SQL_CA1_POS_REFRESH)) ==
	      (SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE |
	       SQL_CA1_POS_POSITION | SQL_CA1_POS_REFRESH));
	CHECK((v & (SQL_CA1_BOOKMARK | SQL_CA1_POS_UPDATE)) == 0);
	SQLGetInfo(dbc, SQL_KEYSET_CURSOR_ATTRIBUTES1, &v, sizeof(v), NULL);
	CHECK_INT(v, 0);
	SQLGetInfo(dbc, SQL_GETDATA_EXTENSIONS, &v, sizeof(v), NULL);
	CHECK(v & SQL_GD_BLOCK);
	SQLGetInfo(dbc, SQL_POS_OPERATIONS, &v, sizeof(v), NULL);
	CHECK_INT(v, SQL_POS_POSITION | SQL_POS_REFRESH);
}

int main(void)
{
	const char *conn = getenv("BBODBC_CONN");
	SQLHENV env = NULL;
	SQLHDBC dbc = NULL;
	SQLHSTMT st = NULL;

	if (!conn || !getenv("BBEMU_URL")) {
		fprintf(stderr, "BBODBC_CONN or BBEMU_URL is not set\n");
		return 2;
	}
	SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
	SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
	SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
	CHECK(SQL_SUCCEEDED(SQLDriverConnect(dbc, NULL, (SQLCHAR *)conn,
					     SQL_NTS, NULL, 0, NULL,
					     SQL_DRIVER_NOPROMPT)));
	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
	read_reference(st);
	CHECK(nref > 100);
	test_orientations(st);
	test_short_result(st);
	test_pages(st);
	test_set_pos(st);
	test_forward_only(st);
	test_extended_fetch(st);
	test_attributes(st);
	test_fixed_attributes(st);
	test_info(dbc);
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	SQLDisconnect(dbc);
	SQLFreeHandle(SQL_HANDLE_DBC, dbc);
	SQLFreeHandle(SQL_HANDLE_ENV, env);
	return CHECK_DONE();
}
