/*
 * prefetch.c - fetching several pages at once with libcurl's multi
 * interface, kept until the scans that need them ask.
 */
#include "util/setup.h"
#include "rest/http.h"

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
	bb_buf *b = arg;
	size_t len = size * n;

	return bb_buf_append(b, data, len) ? len : 0;
}

bool bb_http_prefetched(const bb_http *h, const char *url)
{
	int i;

	for (i = 0; i < h->ncache; i++)
		if (strcmp(h->cache[i].url, url) == 0)
			return true;
	return false;
}

static void drop(bb_http *h, int i)
{
	free(h->cache[i].url);
	bb_buf_free(&h->cache[i].body);
	h->cache[i] = h->cache[--h->ncache];
}

void bb_http_forget(bb_http *h)
{
	int i;

	while (h->ncache)
		drop(h, h->ncache - 1);
	for (i = 0; i < h->nseen; i++) {
		free(h->seen[i].url);
		bb_buf_free(&h->seen[i].body);
	}
	free(h->seen);
	h->seen = NULL;
	h->nseen = h->capseen = 0;
	h->seen_bytes = 0;
	h->stmt_requests = 0;
}

#define SEEN_MAX_BYTES (16u * 1024 * 1024)

/* Keeps a copy of a page this statement read; silently not when the
 * bound is reached or memory runs out (the page is then read again). */
void bb_http_remember(bb_http *h, const char *url, const bb_buf *body)
{
	bb_cached *c;

	if (h->seen_bytes + body->len > SEEN_MAX_BYTES)
		return;
	if (h->nseen == h->capseen) {
		int cap = h->capseen ? h->capseen * 2 : 32;

		c = realloc(h->seen, (size_t)cap * sizeof(*c));
		if (!c)
			return;
		h->seen = c;
		h->capseen = cap;
	}
	c = &h->seen[h->nseen];
	c->url = bb_strdup(url);
	bb_buf_init(&c->body);
	if (!c->url ||
	    !bb_buf_append(&c->body, body->data ? body->data : "", body->len)) {
		free(c->url);
		bb_buf_free(&c->body);
		return;
	}
	h->seen_bytes += body->len;
	h->nseen++;
}

bool bb_http_recall(bb_http *h, const char *url, bb_response *r)
{
	int i;

	for (i = h->nseen - 1; i >= 0; i--) {
		if (strcmp(h->seen[i].url, url) != 0)
			continue;
		bb_buf_reset(&r->body);
		r->status = 200;
		return bb_buf_append(&r->body,
				     h->seen[i].body.data ? h->seen[i].body.data
							  : "",
				     h->seen[i].body.len);
	}
	return false;
}

/* Hands a kept page to a get of the same URL; false if none is kept. */
bool bb_http_take_prefetched(bb_http *h, const char *url, bb_response *r)
{
	int i;

	for (i = 0; i < h->ncache; i++) {
		if (strcmp(h->cache[i].url, url) != 0)
			continue;
		bb_buf_free(&r->body);
		r->body = h->cache[i].body;
		r->status = h->cache[i].status;
		bb_buf_init(&h->cache[i].body);
		drop(h, i);
		return true;
	}
	return false;
}

static CURL *pooled(bb_http *h, int i)
{
	if (!h->pool[i])
		h->pool[i] = curl_easy_duphandle(h->curl);
	return h->pool[i];
}

/* Runs the transfers until all are done. */
static void run(bb_http *h)
{
	int running = 1;

	while (running) {
		if (curl_multi_perform(h->multi, &running) != CURLM_OK)
			break;
		if (running &&
		    curl_multi_poll(h->multi, NULL, 0, 1000, NULL) != CURLM_OK)
			break;
	}
}

void bb_http_prefetch(bb_http *h, char *const urls[], int n)
{
	bb_prefetched got[BB_PREFETCH_MAX];
	int i, k = 0;

	if (h->parallel < 2)
		return;
	if (!h->multi)
		h->multi = curl_multi_init();
	if (!h->multi)
		return;
	memset(got, 0, sizeof(got));
	for (i = 0; i < n && k < h->parallel; i++) {
		CURL *c;

		if (!bb_http_same_origin(h, urls[i]) ||
		    bb_http_prefetched(h, urls[i]) || !(c = pooled(h, k)))
			continue;
		got[k].url = bb_strdup(urls[i]);
		if (!got[k].url)
			break;
		curl_easy_setopt(c, CURLOPT_URL, urls[i]);
		curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
		curl_easy_setopt(c, CURLOPT_WRITEDATA, &got[k].body);
		curl_easy_setopt(c, CURLOPT_ERRORBUFFER, NULL);
		curl_multi_add_handle(h->multi, c);
		k++;
	}
	run(h);
	for (i = 0; i < k; i++) {
		CURL *c = h->pool[i];
		long status = 0;
		double secs = 0;

		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
		curl_easy_getinfo(c, CURLINFO_TOTAL_TIME, &secs);
		curl_multi_remove_handle(h->multi, c);
		h->requests++;
		h->stmt_requests++;
		bb_log_request(h->log, "GET",
			       got[i].url + (bb_http_same_origin(h, got[i].url)
						     ? strlen(h->origin)
						     : 0),
			       status, got[i].body.len, secs * 1000);
		if (status >= 200 && status < 300 && !got[i].body.oom &&
		    h->ncache < BB_PREFETCH_MAX) {
			got[i].status = status;
			h->cache[h->ncache++] = got[i];
			continue;
		}
		free(got[i].url);
		bb_buf_free(&got[i].body);
	}
}

void bb_http_prefetch_cleanup(bb_http *h)
{
	int i;

	bb_http_forget(h);
	for (i = 0; i < BB_PREFETCH_MAX; i++)
		if (h->pool[i]) {
			curl_easy_cleanup(h->pool[i]);
			h->pool[i] = NULL;
		}
	if (h->multi)
		curl_multi_cleanup(h->multi);
	h->multi = NULL;
}
