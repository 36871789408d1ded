/*
 * check.h - the unit tests' assertions.
 *
 * Each test file is one program; CHECK records a failure with its line
 * and goes on, so one run shows every broken case; the exit status is the
 * number of failures (capped), which ctest reads.
 */
#ifndef BB_CHECK_H
#define BB_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			check_failures++;                                      \
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, \
				__LINE__, #cond);                              \
		}                                                              \
	} while (0)

#define CHECK_STR(got, want)                                                \
	do {                                                                \
		const char *g_ = (got), *w_ = (want);                       \
		if (!((g_ == NULL && w_ == NULL) ||                         \
		      (g_ && w_ && strcmp(g_, w_) == 0))) {                 \
			check_failures++;                                   \
			fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", \
				__FILE__, __LINE__, g_ ? g_ : "(null)",     \
				w_ ? w_ : "(null)");                        \
		}                                                           \
	} while (0)

#define CHECK_INT(got, want)                                              \
	do {                                                              \
		long long g_ = (long long)(got), w_ = (long long)(want);  \
		if (g_ != w_) {                                           \
			check_failures++;                                 \
			fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", \
				__FILE__, __LINE__, #got, g_, w_);        \
		}                                                         \
	} while (0)

#define CHECK_DONE()                                                           \
	(check_failures ? (fprintf(stderr, "%d failure(s)\n", check_failures), \
			   check_failures > 100 ? 100 : check_failures)        \
			: 0)

#endif
