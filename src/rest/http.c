/*
 * http.c - GET requests to the Bitbucket API with retries and error
 * mapping.
 */
#include "util/setup.h"
#include "rest/http.h"
#include "auth/auth.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <time.h>

#define MAX_BODY (64L * 1024 * 1024) /* one page never legitimately nears */
#define MAX_RETRY_WAIT_S 60

static int on_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow,
		       curl_off_t ultotal, curl_off_t ulnow);

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
	bb_buf *b = arg;
	size_t len = size * n;

	if (b->len + len > (size_t)MAX_BODY || !bb_buf_append(b, data, len))
		return 0; /* makes curl fail the transfer */
	return len;
}

/* The scheme and authority of a URL: "https://api.bitbucket.org". */
static char *origin_of(const char *url)
{
	const char *p = strstr(url, "://");
	size_t n;

	if (!p)
		return NULL;
	p += 3;
	n = strcspn(p, "/?#");
	if (n == 0)
		return NULL;
	return bb_strndup(url, (size_t)(p - url) + n);
}

bool bb_http_same_origin(const bb_http *h, const char *url)
{
	size_t n = strlen(h->origin);

	return bb_strncasecmp(url, h->origin, n) == 0 &&
	       (url[n] == '/' || url[n] == '?' || url[n] == '\0');
}

/* http(s)://host[:port][/path], nothing else: credentials in the URL
 * would bypass the auth properties and reach logs; a query or fragment
 * would be glued to every request's own. */
static bool valid_base(const char *u)
{
	const char *host, *p;

	if (bb_strncasecmp(u, "https://", 8) == 0)
		host = u + 8;
	else if (bb_strncasecmp(u, "http://", 7) == 0)
		host = u + 7;
	else
		return false;
	if (*host == '\0' || *host == '/' ||
	    memchr(host, '@', strcspn(host, "/")))
		return false;
	for (p = u; *p; p++)
		if (*p == '?' || *p == '#' || (unsigned char)*p <= ' ' ||
		    *p == 0x7f)
			return false;
	return true;
}

bool bb_http_init(bb_http *h, const bb_props *p, bb_log *log, bb_err *err)
{
	const char *base = bb_props_get(p, BB_P_BASE_URL);
	const char *ca = bb_props_get(p, BB_P_CA_FILE);
	const char *proxy = bb_props_get(p, BB_P_PROXY);
	size_t n;

	memset(h, 0, sizeof(*h));
	h->log = log;
	if (!base || !valid_base(base))
		return bb_err_set(err, BB_E_CONN_STRING, 0,
				  "BaseURL must be https://host[:port][/path] "
				  "(or http://), without user, query or "
				  "fragment");
	h->base_url = bb_strdup(base);
	h->origin = origin_of(base);
	h->curl = curl_easy_init();
	if (!h->base_url || !h->origin || !h->curl)
		goto nomem;
	n = strlen(h->base_url);
	while (n && h->base_url[n - 1] == '/')
		h->base_url[--n] = '\0';
	h->timeout_s = bb_props_get_long(p, BB_P_TIMEOUT, 60);
	h->max_retries = (int)bb_props_get_long(p, BB_P_MAX_RETRIES, 3);
	if (h->max_retries < 0 || h->max_retries > 10)
		h->max_retries = 3;
	h->max_requests = bb_props_get_long(p, BB_P_MAX_REQUESTS, 10000);
	if (h->max_requests < 0)
		h->max_requests = 10000;
	h->parallel = (int)bb_props_get_long(p, BB_P_PARALLEL, 16);
	if (h->parallel < 1 || h->parallel > BB_PREFETCH_MAX)
		h->parallel = BB_PREFETCH_MAX;
	h->headers = curl_slist_append(NULL, "Accept: application/json");
	h->headers = curl_slist_append(h->headers,
				       "User-Agent: bbodbc/" BB_DRIVER_VERSION);
	if (!h->headers)
		goto nomem;
	curl_easy_setopt(h->curl, CURLOPT_HTTPHEADER, h->headers);
	curl_easy_setopt(h->curl, CURLOPT_ERRORBUFFER, h->curl_msg);
	curl_easy_setopt(h->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h->curl, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(h->curl, CURLOPT_TIMEOUT, h->timeout_s);
	curl_easy_setopt(h->curl, CURLOPT_CONNECTTIMEOUT,
			 bb_props_get_long(p, BB_P_CONNECT_TIMEOUT, 30));
	curl_easy_setopt(h->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	/* Redirects are followed by get_following(), within the origin. */
	curl_easy_setopt(h->curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h->curl, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(h->curl, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(h->curl, CURLOPT_XFERINFODATA, h);
	curl_easy_setopt(h->curl, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h->curl, CURLOPT_SSL_VERIFYHOST, 2L);
	if (ca && *ca)
		curl_easy_setopt(h->curl, CURLOPT_CAINFO, ca);
	/* An explicit Proxy wins; otherwise libcurl reads the usual
	 * environment variables, as users of other tools expect. */
	if (proxy && *proxy)
		curl_easy_setopt(h->curl, CURLOPT_PROXY, proxy);
	bb_trace(log, BB_LOG_AUTH, "credentials: %s", bb_auth_describe(p));
	return bb_auth_apply(h->curl, p, err);
nomem:
	return bb_err_set(err, BB_E_NOMEM, 0, "out of memory");
}

void bb_http_cleanup(bb_http *h)
{
	bb_http_prefetch_cleanup(h);
	if (h->curl)
		curl_easy_cleanup(h->curl);
	curl_slist_free_all(h->headers);
	free(h->base_url);
	free(h->origin);
	memset(h, 0, sizeof(*h));
}

void bb_response_free(bb_response *r)
{
	bb_buf_free(&r->body);
	r->status = 0;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

void bb_http_begin(bb_http *h, unsigned long timeout_s)
{
	atomic_store(&h->stop, BB_HTTP_GO);
	h->deadline = timeout_s ? now_ms() + 1000.0 * (double)timeout_s : 0;
}

void bb_http_cancel(bb_http *h)
{
	atomic_store(&h->stop, BB_HTTP_CANCEL);
}

/* The stop state, with a passed deadline turned into BB_HTTP_TIMEOUT. */
static int stop_state(bb_http *h)
{
	int go = BB_HTTP_GO;

	if (h->deadline > 0 && now_ms() >= h->deadline)
		atomic_compare_exchange_strong(&h->stop, &go, BB_HTTP_TIMEOUT);
	return atomic_load(&h->stop);
}

bool bb_http_stopped(bb_http *h, bb_err *err)
{
	switch (stop_state(h)) {
	case BB_HTTP_CANCEL:
		bb_err_set(err, BB_E_CANCELLED, 0,
			   "the statement was "
			   "cancelled (SQLCancel)");
		return true;
	case BB_HTTP_TIMEOUT:
		bb_err_set(err, BB_E_TIMEOUT, 0,
			   "the call ran past its query timeout "
			   "(SQL_ATTR_QUERY_TIMEOUT)");
		return true;
	}
	return false;
}

/* libcurl asks while it transfers: non-zero aborts the transfer. */
static int on_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow,
		       curl_off_t ultotal, curl_off_t ulnow)
{
	(void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	return stop_state(arg) != BB_HTTP_GO;
}

/* The path and query of a URL, for logs and messages. */
static const char *path_of(const bb_http *h, const char *url)
{
	return bb_http_same_origin(h, url) ? url + strlen(h->origin) : url;
}

/* Takes the "error.message" (and detail) of an API error body. */
static void api_message(const bb_buf *body, char *out, size_t size)
{
	cJSON *root = body->data ? cJSON_Parse(body->data) : NULL;
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(root, "error");
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(e, "message");
	const cJSON *d = cJSON_GetObjectItemCaseSensitive(e, "detail");

	out[0] = '\0';
	if (!root && body->data) {
		/* Some refusals (a bad password) come as plain text: keep its
		 * first line, which is the service's own explanation. */
		size_t n = strcspn(body->data, "\r\n");

		/* A proxy's or server's HTML page says nothing useful in
		 * its first line. */
		if (body->data[strspn(body->data, " \t\r\n")] == '<')
			return;

		if (n >= size)
			n = size - 1;
		memcpy(out, body->data, n);
		out[n] = '\0';
		return;
	}
	if (cJSON_IsString(m) && cJSON_IsString(d) && *d->valuestring)
		bb_snprintf(out, size, "%s: %s", m->valuestring,
			    d->valuestring);
	else if (cJSON_IsString(m))
		bb_strlcpy(out, m->valuestring, size);
	cJSON_Delete(root);
}

/* The API's words go into a diagnostic a terminal shows: line breaks,
 * escapes and other control characters become spaces. */
static void printable(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = ' ';
}

static bb_cond cond_of_status(long status)
{
	switch (status) {
	case 401:
		return BB_E_AUTH;
	case 403:
		return BB_E_PERMISSION;
	case 404:
	case 410:
		return BB_E_NO_TABLE;
	case 429:
		return BB_E_RATE_LIMIT;
	default:
		return BB_E_API;
	}
}

bool bb_http_status_error(long status, const bb_buf *body, const char *path,
			  bb_err *err)
{
	char msg[300];

	api_message(body, msg, sizeof(msg));
	printable(msg);
	if (!msg[0])
		bb_strlcpy(msg, "the API refused the request", sizeof(msg));
	return bb_err_set(err, cond_of_status(status), status,
			  "%s (HTTP %ld on GET %s)", msg, status, path);
}

static bool status_error(bb_http *h, const char *url, bb_response *r,
			 bb_err *err)
{
	curl_off_t after = -1;
	size_t n;

	bb_http_status_error(r->status, &r->body, path_of(h, url), err);
	if (r->status == 429) {
		curl_easy_getinfo(h->curl, CURLINFO_RETRY_AFTER, &after);
		n = strlen(err->msg);
		bb_snprintf(err->msg + n, sizeof(err->msg) - n,
			    ": the API's rate limit; it asks to wait %ld s "
			    "(Retry-After), the driver waits at most %d s, "
			    "%d times",
			    (long)(after < 0 ? 0 : after), MAX_RETRY_WAIT_S,
			    h->max_retries);
	}
	return false;
}

static bool transient(CURLcode rc)
{
	return rc == CURLE_COULDNT_CONNECT || rc == CURLE_OPERATION_TIMEDOUT ||
	       rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR ||
	       rc == CURLE_GOT_NOTHING || rc == CURLE_PARTIAL_FILE;
}

static bool net_error(bb_http *h, const char *url, CURLcode rc, bb_err *err)
{
	bb_cond c = h->connected ? BB_E_COMM : BB_E_CONNECT;

	if (rc == CURLE_WRITE_ERROR)
		return bb_err_set(err, BB_E_BAD_RESPONSE, rc,
				  "the answer to GET %s is larger than %ld "
				  "MiB, far more than any page of the API "
				  "(or memory ran out): not read",
				  path_of(h, url), MAX_BODY / (1024 * 1024));
	if (rc == CURLE_OPERATION_TIMEDOUT)
		c = h->connected ? BB_E_TIMEOUT : BB_E_CONN_TIMEOUT;
	return bb_err_set(err, c, rc, "%s (GET %s)",
			  h->curl_msg[0] ? h->curl_msg : curl_easy_strerror(rc),
			  path_of(h, url));
}

/* How long to wait before retry number `attempt`, or -1 for no retry. */
static long retry_wait_ms(bb_http *h, long status, int attempt)
{
	curl_off_t after = -1;

	if (attempt >= h->max_retries)
		return -1;
	if (status == 429) {
		curl_easy_getinfo(h->curl, CURLINFO_RETRY_AFTER, &after);
		if (after > MAX_RETRY_WAIT_S)
			return -1;
		if (after >= 0)
			return (long)after * 1000;
	} else if (status != 0 && status < 500) {
		return -1;
	}
	return 250L << attempt;
}

static CURLcode perform(bb_http *h, const char *url, bb_response *r)
{
	double t0 = now_ms();
	CURLcode rc;

	bb_buf_reset(&r->body);
	r->status = 0;
	h->curl_msg[0] = '\0';
	curl_easy_setopt(h->curl, CURLOPT_URL, url);
	curl_easy_setopt(h->curl, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(h->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h->curl, CURLOPT_WRITEDATA, &r->body);
	rc = curl_easy_perform(h->curl);
	h->requests++;
	h->stmt_requests++;
	if (rc == CURLE_OK)
		curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &r->status);
	bb_log_request(h->log, "GET", path_of(h, url), r->status, r->body.len,
		       now_ms() - t0);
	bb_trace(h->log, BB_LOG_REST, "GET %s: %s%ld, %zu bytes",
		 path_of(h, url), rc == CURLE_OK ? "HTTP " : "failed, ",
		 rc == CURLE_OK ? r->status : (long)rc, r->body.len);
	return rc;
}

/* A redirect's target, if the answer is one (3xx with a Location), as a
 * new string: curl resolves it against the request and writes the
 * credentials into it, which are taken out again (they travel in a
 * header, and a URL ends up in logs). */
static char *redirect_of(bb_http *h, const bb_response *r)
{
	char *to = NULL, *out = NULL;
	CURLU *u;

	if (r->status < 300 || r->status > 399 || r->status == 304)
		return NULL;
	curl_easy_getinfo(h->curl, CURLINFO_REDIRECT_URL, &to);
	if (!to || !(u = curl_url()))
		return NULL;
	if (curl_url_set(u, CURLUPART_URL, to, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_USER, NULL, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_PASSWORD, NULL, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_URL, &to, 0) == CURLUE_OK) {
		out = bb_strdup(to);
		curl_free(to);
	}
	curl_url_cleanup(u);
	return out;
}

/* One GET with its retries; a redirect within BaseURL's origin is
 * followed (the API redirects /src to a commit), any other is refused:
 * credentials never go to another host, nor over a downgraded scheme. */
static bool get_following(bb_http *h, const char *url, bb_response *resp,
			  bb_err *err, int hops)
{
	CURLcode rc;
	int attempt;

	for (attempt = 0;; attempt++) {
		char *next;
		long wait;

		if (bb_http_stopped(h, err))
			return false;
		rc = perform(h, url, resp);
		if (rc == CURLE_ABORTED_BY_CALLBACK && bb_http_stopped(h, err))
			return false;
		if (rc == CURLE_OK && resp->status >= 200 &&
		    resp->status < 300) {
			h->connected = true;
			return true;
		}
		if (rc == CURLE_OK && (next = redirect_of(h, resp)) != NULL) {
			bool ok;

			if (!bb_http_same_origin(h, next) || hops >= 5) {
				free(next);
				return bb_err_set(
					err, BB_E_BAD_RESPONSE, resp->status,
					"the API redirected GET %s to "
					"another host than BaseURL's, "
					"or in a loop: not followed",
					path_of(h, url));
			}
			bb_trace(h->log, BB_LOG_REST, "GET %s redirected to %s",
				 path_of(h, url), path_of(h, next));
			ok = get_following(h, next, resp, err, hops + 1);
			free(next);
			return ok;
		}
		if (rc != CURLE_OK && !transient(rc))
			break;
		wait = retry_wait_ms(h, rc == CURLE_OK ? resp->status : 0,
				     attempt);
		if (wait < 0)
			break;
		bb_trace(h->log, BB_LOG_REST, "retry %d of GET %s in %ld ms",
			 attempt + 1, path_of(h, url), wait);
		sleep_ms(wait);
	}
	if (rc != CURLE_OK)
		return net_error(h, url, rc, err);
	return status_error(h, url, resp, err);
}

bool bb_http_check(bb_http *h, const char *path, bb_err *err)
{
	bb_response r = {0};
	bb_buf url;
	bool ok;

	bb_buf_init(&url);
	bb_buf_printf(&url, "%s%s", h->base_url, path);
	if (url.oom) {
		bb_buf_free(&url);
		return bb_err_set(err, BB_E_NOMEM, 0, "out of memory");
	}
	ok = bb_http_get(h, url.data, &r, err);
	bb_response_free(&r);
	bb_buf_free(&url);
	return ok;
}

bool bb_http_get(bb_http *h, const char *url, bb_response *resp, bb_err *err)
{
	if (!bb_http_same_origin(h, url))
		return bb_err_set(err, BB_E_BAD_RESPONSE, 0,
				  "refusing to follow a link to another host "
				  "than BaseURL's");
	if (bb_http_recall(h, url, resp))
		return true;
	if (bb_http_take_prefetched(h, url, resp)) {
		h->connected = true;
		bb_http_remember(h, url, &resp->body);
		return true;
	}
	if (h->max_requests && h->stmt_requests >= h->max_requests)
		return bb_err_set(err, BB_E_GENERAL, 0,
				  "the statement needed more than %ld API "
				  "requests (MaxRequests): narrow it with "
				  "WHERE on Workspace, RepositorySlug or other "
				  "keys, or raise MaxRequests",
				  h->max_requests);
	if (!get_following(h, url, resp, err, 0))
		return false;
	bb_http_remember(h, url, &resp->body);
	return true;
}
