/*
 * err.c - recording failures in a bb_err.
 */
#include "util/setup.h"
#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>

void bb_err_clear(bb_err *e)
{
	e->cond = BB_OK;
	e->native = 0;
	e->msg[0] = '\0';
}

bool bb_err_set(bb_err *e, bb_cond cond, long native, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return false;
	e->cond = cond;
	e->native = native;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return false;
}
