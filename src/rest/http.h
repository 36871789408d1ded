/*
 * http.h - the REST client: one libcurl handle per connection.
 *
 * GET requests with keep-alive, gzip, TLS verification, timeouts and
 * retries: 429 waits for Retry-After, 5xx and network faults back off
 * exponentially, up to MaxRetries times. A non-2xx answer becomes a bb_err
 * carrying the API's own message and the HTTP status as native code.
 * Every call goes to the request log. Credentials are set on the handle by
 * auth/ and never appear in a URL, the log or a message.
 */
#ifndef BB_HTTP_H
#define BB_HTTP_H

#include "util/setup.h"
#include "util/err.h"
#include "util/log.h"
#include "util/str.h"
#include "config/props.h"

#include <curl/curl.h>
#include <stdatomic.h>

#define BB_PREFETCH_MAX 16 /* requests in flight at once, and pages kept */

/* A page fetched ahead of need, waiting for its bb_http_get. */
typedef struct bb_prefetched {
	char *url;   /* owned */
	bb_buf body; /* owned */
	long status;
} bb_prefetched;

/* A page already read by this statement, kept in case it asks again (a
 * nested loop reading an inner table once per outer row). */
typedef struct bb_cached {
	char *url;   /* owned */
	bb_buf body; /* owned */
} bb_cached;

typedef struct bb_http {
	CURL *curl;     /* owned; reused for keep-alive */
	char *base_url; /* owned; BaseURL without a trailing slash */
	char *origin;   /* owned; scheme://host[:port] of base_url */
	bb_log *log;    /* borrowed from the connection */
	long timeout_s;
	int max_retries;
	int parallel;       /* ParallelRequests: pages fetched at once */
	long max_requests;  /* MaxRequests a statement may make, 0: any */
	long stmt_requests; /* requests made by the current statement */
	bb_cached *seen;    /* owned; pages this statement read */
	int nseen, capseen;
	size_t seen_bytes; /* their total size, bounded */
	bool connected;    /* a request has succeeded: faults are 08S01 */
	double deadline;   /* monotonic ms the current call must end by, or 0 */
	atomic_int stop;   /* BB_HTTP_CANCEL from another thread, or set
			    * when the deadline passed: transfers abort */
	unsigned requests; /* HTTP requests made, retries included */
	struct curl_slist *headers;     /* owned; Accept and User-Agent */
	char curl_msg[CURL_ERROR_SIZE]; /* curl's text of the last fault */
	CURLM *multi;                   /* owned; for prefetching, or NULL */
	CURL *pool[BB_PREFETCH_MAX];    /* owned; copies of curl, reused */
	bb_prefetched cache[BB_PREFETCH_MAX]; /* pages fetched ahead */
	int ncache;
} bb_http;

enum { BB_HTTP_GO, BB_HTTP_CANCEL, BB_HTTP_TIMEOUT };

typedef struct bb_response {
	long status;
	bb_buf body; /* owned */
} bb_response;

/* Sets up the handle from the connection properties, credentials
 * included (auth/). Fails with BB_E_CONN_STRING on a bad BaseURL. */
bool bb_http_init(bb_http *h, const bb_props *p, bb_log *log, bb_err *err);
void bb_http_cleanup(bb_http *h);

/* A statement's call starts: it must end within timeout_s seconds (0:
 * no limit, SQL_ATTR_QUERY_TIMEOUT), and an earlier cancel is over. */
void bb_http_begin(bb_http *h, unsigned long timeout_s);
/* From any thread: the transfers under way abort (HY008). */
void bb_http_cancel(bb_http *h);
/* True when the current call is over its time or cancelled; then err
 * says which (HYT00 or HY008). */
bool bb_http_stopped(bb_http *h, bb_err *err);

/* GETs an absolute URL below the BaseURL's origin; on success (2xx) the
 * body is in resp. Any other outcome fails with the mapped condition. */
bool bb_http_get(bb_http *h, const char *url, bb_response *resp, bb_err *err);
void bb_response_free(bb_response *r);
/* GETs BaseURL + path for its status alone (the body is dropped). */
bool bb_http_check(bb_http *h, const char *path, bb_err *err);

/*
 * Fetches urls concurrently (BB_PREFETCH_MAX at once) and keeps each
 * successful answer for the bb_http_get of the same URL, which then
 * returns at once. Failures are not kept: that get asks again and reports
 * them. The fan-out over repositories uses it to read many repositories'
 * first pages in parallel.
 */
void bb_http_prefetch(bb_http *h, char *const urls[], int n);
/* True if a page for url is waiting. */
bool bb_http_prefetched(const bb_http *h, const char *url);
/* Drops every page fetched ahead (at the start of each statement). */
void bb_http_forget(bb_http *h);
/* For http.c: a kept page for url, moved into r; false if none. */
bool bb_http_take_prefetched(bb_http *h, const char *url, bb_response *r);
void bb_http_prefetch_cleanup(bb_http *h);
/* The pages a statement read: kept (bounded) and given again to a get of
 * the same URL within the statement, without a request. */
void bb_http_remember(bb_http *h, const char *url, const bb_buf *body);
bool bb_http_recall(bb_http *h, const char *url, bb_response *r);

/* The failure a non-2xx answer becomes: the condition of its status
 * (401 28000, 403 42000, 404 42S02, 429 rate limit, else HY000), the
 * API's own error.message and detail, the status as native code, and the
 * path asked for. Internal (http.c and the unit tests), never exported.
 * Returns false, like bb_err_set. */
bool bb_http_status_error(long status, const bb_buf *body, const char *path,
			  bb_err *err);

/* True if url points at the same origin as the BaseURL: `next` links are
 * followed as given, but never to another host with our credentials. */
bool bb_http_same_origin(const bb_http *h, const char *url);

#endif
