/*
 * scan.h - reading one API collection page by page.
 *
 * A scan is one list endpoint with its path parameters filled in and its
 * query parameters chosen. It fetches a page only when the rows of the
 * previous one are used up and follows `next` exactly as the API gives
 * it, so a query that stops early stops the requests too, and memory
 * holds one page at a time.
 */
#ifndef BB_SCAN_H
#define BB_SCAN_H

#include "util/setup.h"
#include "util/err.h"
#include "rest/http.h"
#include "engine/tables.h"
#include <cjson/cJSON.h>

#define BB_MAX_KEYS 4

typedef struct bb_scan {
	const bb_table_def *t;
	bb_http *http;      /* borrowed from the connection */
	char *next_url;     /* owned; the page to fetch next, NULL at the end */
	char *cur_url;      /* owned; the page now held */
	long rows;          /* objects read so far, across pages */
	cJSON *page;        /* owned; the current page's envelope */
	const cJSON *first; /* borrowed from page; its first object */
	const cJSON *obj;   /* borrowed from page; the current object */
	const cJSON *row;   /* borrowed from page; the current row: obj, or
			     * an element of obj's t->each array */
	unsigned pages;     /* pages fetched so far */
	bool page_done;     /* every row of the current page was read */
	bool nomem;         /* building a URL ran out of memory */
} bb_scan;

/* Where a query parameter's values come from. */
typedef struct bb_scan_param {
	const char *name;    /* e.g. "state" */
	const char **values; /* borrowed; sent as name=value, repeated */
	int nvalues;
} bb_scan_param;

/*
 * Prepares the first page's URL: the endpoint with keys[i] filling the
 * i-th {placeholder}, pagelen, the params, and `fields` (NULL to use the
 * table's own). Fetches nothing yet.
 */
bool bb_scan_open(bb_scan *s, bb_http *http, const bb_table_def *t,
		  char *const keys[], const bb_scan_param *params, int nparams,
		  const char *fields, int pagelen, bb_err *err);
/* Moves to the next object, fetching a page when needed; *eof at end. */
bool bb_scan_next(bb_scan *s, bool *eof, bb_err *err);
void bb_scan_close(bb_scan *s);

/* The names of an endpoint's {placeholders}, in order; returns count. */
int bb_endpoint_keys(const char *endpoint, char names[][32], int max);

#endif
