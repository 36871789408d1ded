/*
 * log.c - writing the request log and the developer trace.
 */
#include "util/setup.h"
#include "util/log.h"
#include "util/str.h"

#include <stdarg.h>
#include <time.h>

static unsigned parse_areas(const char *s)
{
	static const struct {
		const char *name;
		unsigned bit;
	} names[] = {{"odbc", BB_LOG_ODBC}, {"sql", BB_LOG_SQL},
		     {"rest", BB_LOG_REST}, {"auth", BB_LOG_AUTH},
		     {"json", BB_LOG_JSON}, {"all", BB_LOG_ALL}};
	unsigned bits = 0;
	size_t i;

	if (!s || !*s)
		return BB_LOG_ALL;
	for (i = 0; i < BB_ARRAY_LEN(names); i++)
		if (strstr(s, names[i].name))
			bits |= names[i].bit;
	return bits ? bits : BB_LOG_ALL;
}

static FILE *open_log(const char *name)
{
	if (!name || !*name)
		return NULL;
	if (strcmp(name, "stderr") == 0)
		return stderr;
	return fopen(name, "a");
}

bool bb_log_open(bb_log *log, const char *request_file, const char *trace_file,
		 const char *areas)
{
	bool ok = true;

	memset(log, 0, sizeof(*log));
	log->requests = open_log(request_file);
	if (request_file && *request_file && !log->requests)
		ok = false;
	log->trace = open_log(trace_file);
	if (trace_file && *trace_file && !log->trace)
		ok = false;
	log->areas = parse_areas(areas);
	return ok;
}

static void close_one(FILE **f)
{
	if (*f && *f != stderr)
		fclose(*f);
	*f = NULL;
}

void bb_log_close(bb_log *log)
{
	close_one(&log->requests);
	close_one(&log->trace);
}

static void stamp(char *out, size_t size)
{
	struct timespec ts;
	struct tm tm;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	bb_snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000);
}

void bb_log_request(bb_log *log, const char *method, const char *url,
		    long status, size_t bytes, double ms)
{
	char when[40];

	if (!log || !log->requests)
		return;
	stamp(when, sizeof(when));
	fprintf(log->requests, "%s %s %s %ld %zu %.1fms\n", when, method, url,
		status, bytes, ms);
	fflush(log->requests);
}

void bb_trace(bb_log *log, unsigned area, const char *fmt, ...)
{
	char when[40];
	va_list ap;

	if (!BB_TRACING(log, area))
		return;
	stamp(when, sizeof(when));
	fprintf(log->trace, "%s ", when);
	va_start(ap, fmt);
	vfprintf(log->trace, fmt, ap);
	va_end(ap);
	fputc('\n', log->trace);
	fflush(log->trace);
}
