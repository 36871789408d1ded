/*
 * scan.c - paging through one list endpoint.
 */
#include "util/setup.h"
#include "engine/scan.h"
#include "util/str.h"
#include "json/value.h"

#define MAX_PAGES 100000

int bb_endpoint_keys(const char *endpoint, char names[][32], int max)
{
	const char *p = endpoint;
	int n = 0;

	while ((p = strchr(p, '{')) != NULL && n < max) {
		const char *end = strchr(p, '}');
		size_t len;

		if (!end)
			break;
		len = (size_t)(end - p - 1);
		if (len >= 32)
			len = 31;
		memcpy(names[n], p + 1, len);
		names[n][len] = '\0';
		n++;
		p = end + 1;
	}
	return n;
}

/* Writes the endpoint with each {key} replaced by its encoded value. */
static bool put_path(bb_buf *b, const char *endpoint, char *const keys[])
{
	const char *p = endpoint;
	int k = 0;

	while (*p) {
		const char *open = strchr(p, '{');
		const char *close = open ? strchr(open, '}') : NULL;

		if (!open || !close)
			return bb_buf_puts(b, p);
		bb_buf_append(b, p, (size_t)(open - p));
		if (!keys[k] || !bb_buf_put_urlenc(b, keys[k]))
			return false;
		k++;
		p = close + 1;
	}
	return !b->oom;
}

bool bb_scan_open(bb_scan *s, bb_http *http, const bb_table_def *t,
		  char *const keys[], const bb_scan_param *params, int nparams,
		  const char *fields, int pagelen, bb_err *err)
{
	bb_buf url;
	int i, j;

	memset(s, 0, sizeof(*s));
	s->t = t;
	s->http = http;
	bb_buf_init(&url);
	bb_buf_puts(&url, http->base_url);
	if (!put_path(&url, t->endpoint, keys))
		goto fail;
	if (pagelen <= 0 || pagelen > t->max_pagelen)
		pagelen = t->max_pagelen;
	if (!(t->flags & BB_TABLE_SINGLE))
		bb_buf_printf(&url, "?pagelen=%d", pagelen);
	for (i = 0; i < nparams; i++)
		for (j = 0; j < params[i].nvalues; j++) {
			bb_buf_printf(&url, "%c%s=",
				      strchr(url.data, '?') ? '&' : '?',
				      params[i].name);
			bb_buf_put_urlenc(&url, params[i].values[j]);
		}
	if (!fields)
		fields = t->fields;
	if (fields) {
		bb_buf_puts(&url,
			    strchr(url.data, '?') ? "&fields=" : "?fields=");
		bb_buf_put_urlenc(&url, fields);
	}
	s->next_url = bb_buf_steal(&url);
	if (!s->next_url)
		goto fail;
	return true;
fail:
	bb_buf_free(&url);
	return bb_err_set(err, BB_E_NOMEM, 0, "out of memory");
}

/*
 * The next page of a list that left out `next` although its `size` says
 * more rows remain (the pipelines lists have been seen to): the page
 * after `page`, asked the way the list itself was. Only then is a page
 * URL ever built; everywhere else `next` is followed as given.
 */
static char *numbered_next(bb_scan *s, const cJSON *values)
{
	const cJSON *page = cJSON_GetObjectItemCaseSensitive(s->page, "page");
	const cJSON *size = cJSON_GetObjectItemCaseSensitive(s->page, "size");
	long seen = s->rows + cJSON_GetArraySize(values);
	const char *p;
	bb_buf url;

	if (!cJSON_IsNumber(page) || !cJSON_IsNumber(size) || !s->cur_url ||
	    cJSON_GetArraySize(values) == 0 || seen >= size->valuedouble)
		return NULL;
	bb_buf_init(&url);
	/* The current URL without its page parameter, then the next one. */
	for (p = s->cur_url; *p;) {
		size_t n = strcspn(p + 1, "&") + 1;

		if (!((*p == '?' || *p == '&') &&
		      strncmp(p + 1, "page=", 5) == 0))
			bb_buf_append(&url, p, n);
		p += n;
	}
	bb_buf_printf(&url, "%cpage=%d",
		      strchr(url.data ? url.data : "", '?') ? '&' : '?',
		      page->valueint + 1);
	if (url.oom)
		s->nomem = true;
	return bb_buf_steal(&url);
}

/* Reads a page's envelope: values must be an array; next is optional.
 * A single-object endpoint's answer is its one object. */
static bool take_page(bb_scan *s, bb_response *r, bb_err *err)
{
	const cJSON *next, *values;

	cJSON_Delete(s->page);
	s->first = s->obj = s->row = NULL;
	s->page_done = false;
	s->page = cJSON_ParseWithLength(r->body.data, r->body.len);
	bb_free_str(&s->next_url);
	if (!s->page)
		return bb_err_set(err, BB_E_BAD_RESPONSE, 0,
				  "%s: the API sent a page that is not JSON",
				  s->t->name);
	if (s->t->flags & BB_TABLE_SINGLE) {
		s->first = cJSON_IsObject(s->page) ? s->page : NULL;
		return true;
	}
	values = cJSON_GetObjectItemCaseSensitive(s->page, "values");
	if (!cJSON_IsArray(values))
		return bb_err_set(err, BB_E_BAD_RESPONSE, 0,
				  "%s: the API's page has no values array",
				  s->t->name);
	next = cJSON_GetObjectItemCaseSensitive(s->page, "next");
	if (cJSON_IsString(next) && *next->valuestring)
		s->next_url = bb_strdup(next->valuestring);
	else
		s->next_url = numbered_next(s, values);
	if ((cJSON_IsString(next) && !s->next_url) || s->nomem)
		return bb_err_set(err, BB_E_NOMEM, 0, "out of memory");
	s->rows += cJSON_GetArraySize(values);
	s->first = values->child;
	bb_trace(s->http->log, BB_LOG_JSON, "%s: page %u, %d objects, %s",
		 s->t->name, s->pages + 1, cJSON_GetArraySize(values),
		 s->next_url ? "more to come" : "the last");
	return true;
}

/* The first row of object o: o itself, or the first element of its
 * `each` array (NULL when that is empty or missing). */
static const cJSON *first_row(const bb_scan *s, const cJSON *o)
{
	const cJSON *a;

	if (!s->t->each)
		return o;
	a = bb_json_path(o, s->t->each);
	return cJSON_IsArray(a) ? a->child : NULL;
}

/* Moves to the next row within the page; false when the page is used. */
static bool next_in_page(bb_scan *s)
{
	if (s->page_done)
		return false;
	if (s->row && s->t->each && s->row->next) {
		s->row = s->row->next;
		return true;
	}
	for (;;) {
		s->obj = s->obj ? s->obj->next : s->first;
		if (!s->obj) {
			s->page_done = true;
			return false;
		}
		s->row = first_row(s, s->obj);
		if (s->row)
			return true;
	}
}

bool bb_scan_next(bb_scan *s, bool *eof, bb_err *err)
{
	bb_response r = {0};

	*eof = false;
	while (!next_in_page(s)) {
		bool ok;

		if (!s->next_url) {
			*eof = true;
			return true;
		}
		/* A `next` that leads back to the page just read, or paging
		 * without end, would never finish. */
		if ((s->cur_url && strcmp(s->cur_url, s->next_url) == 0) ||
		    s->pages >= MAX_PAGES)
			return bb_err_set(err, BB_E_BAD_RESPONSE, 0,
					  "%s: the API's pages do not end "
					  "(a next link repeats, or more than "
					  "%d pages)",
					  s->t->name, MAX_PAGES);
		free(s->cur_url);
		s->cur_url = bb_strdup(s->next_url);
		ok = bb_http_get(s->http, s->next_url, &r, err) &&
		     take_page(s, &r, err);
		bb_response_free(&r);
		if (!ok)
			return false;
		s->pages++;
	}
	return true;
}

void bb_scan_close(bb_scan *s)
{
	cJSON_Delete(s->page);
	free(s->next_url);
	free(s->cur_url);
	memset(s, 0, sizeof(*s));
}
