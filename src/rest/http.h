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

typedef struct bb_http {
	CURL *curl;     /* owned; reused for keep-alive */
	char *base_url; /* owned; BaseURL without a trailing slash */
	char *origin;   /* owned; scheme://host[:port] of base_url */
	bb_log *log;    /* borrowed from the connection */
	long timeout_s;
	int max_retries;
	bool connected;    /* a request has succeeded: faults are 08S01 */
	unsigned requests; /* HTTP requests made, retries included */
	struct curl_slist *headers;     /* owned; Accept and User-Agent */
	char curl_msg[CURL_ERROR_SIZE]; /* curl's text of the last fault */
} bb_http;

typedef struct bb_response {
	long status;
	bb_buf body; /* owned */
} bb_response;

/* Sets up the handle from the connection properties, credentials
 * included (auth/). Fails with BB_E_CONN_STRING on a bad BaseURL. */
bool bb_http_init(bb_http *h, const bb_props *p, bb_log *log, bb_err *err);
void bb_http_cleanup(bb_http *h);

/* GETs an absolute URL below the BaseURL's origin; on success (2xx) the
 * body is in resp. Any other outcome fails with the mapped condition. */
bool bb_http_get(bb_http *h, const char *url, bb_response *resp, bb_err *err);
void bb_response_free(bb_response *r);

/* True if url points at the same origin as the BaseURL: `next` links are
 * followed as given, but never to another host with our credentials. */
bool bb_http_same_origin(const bb_http *h, const char *url);

#endif
