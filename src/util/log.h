/*
 * log.h - the request log a user reads and the developer trace.
 *
 * The request log (property LogFile) gets one line per HTTP call: method,
 * path and query, status, bytes, milliseconds. The trace (TraceFile and
 * TraceLevel, or the BBODBC_TRACE environment variable) has per-area
 * switches. Both cost one branch when off, and neither is ever given a
 * secret: URLs never carry credentials and headers are not traced.
 */
#ifndef BB_LOG_H
#define BB_LOG_H

#include "util/setup.h"
#include <stdio.h>

enum bb_area {
	BB_LOG_ODBC = 1,
	BB_LOG_SQL = 2,
	BB_LOG_REST = 4,
	BB_LOG_AUTH = 8,
	BB_LOG_JSON = 16,
	BB_LOG_ALL = 31
};

typedef struct bb_log {
	FILE *requests; /* owned; the request log, or NULL */
	FILE *trace;    /* owned; the developer trace, or NULL */
	unsigned areas; /* enum bb_area bits traced */
} bb_log;

/* Opens the files named (either may be NULL or empty). Failures to open a
 * log are not errors for the connection; they return false. */
bool bb_log_open(bb_log *log, const char *request_file, const char *trace_file,
		 const char *areas);
void bb_log_close(bb_log *log);
void bb_log_request(bb_log *log, const char *method, const char *url,
		    long status, size_t bytes, double ms);
void bb_trace(bb_log *log, unsigned area, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define BB_TRACING(log, area) ((log) && (log)->trace && ((log)->areas & (area)))

#endif
