/*
 * test_json_timestamps.c - every form of timestamp the API sends, and
 * the impossible ones it must never be credited with.
 */
#include "util/setup.h"
#include "json/value.h"
#include "check.h"

static const struct {
	int no;
	const char *in;
	const char *want; /* NULL: rejected */
} cases[] = {
	{1, "2013-04-15T03:05:05.595458+00:00", "2013-04-15 03:05:05.595458"},
	{2, "2020-10-28T12:00:00.0+00:00", "2020-10-28 12:00:00.000000"},
	{3, "2024-01-02T03:04:05Z", "2024-01-02 03:04:05.000000"},
	{4, "2024-01-02T03:04:05.123456789Z", "2024-01-02 03:04:05.123456"},
	{5, "2024-03-01T01:30:00+02:00", "2024-02-29 23:30:00.000000"},
	{6, "2023-12-31T23:30:00-01:00", "2024-01-01 00:30:00.000000"},
	{7, "2024-01-01T00:00:00+05:30", "2023-12-31 18:30:00.000000"},
	{8, "2024-02-29T10:00:00Z", "2024-02-29 10:00:00.000000"},
	{9, "2023-02-29T10:00:00Z", NULL},
	{10, "2021-02-30T00:00:00Z", NULL},
	{11, "2021-04-31T00:00:00Z", NULL},
	{12, "2016-12-31T23:59:60Z", "2016-12-31 23:59:59.999999"},
	{13, "2024-13-01T00:00:00Z", NULL},
	{14, "2024-01-01T24:00:00Z", NULL},
	{15, "not a date", NULL},
	{16, "2024-01-01T00:00:00+25:00", NULL},
	{17, "2024-01-01T00:00:00.Z", NULL},
	{18, "2024-01-01 00:00:00", "2024-01-01 00:00:00.000000"},
	{19, "", NULL},
};

int main(void)
{
	size_t i;

	for (i = 0; i < BB_ARRAY_LEN(cases); i++) {
		char out[32] = "";
		bool ok = bb_timestamp_normalize(cases[i].in, out);

		if (!cases[i].want) {
			if (ok)
				fprintf(stderr, "case %d: accepted %s as %s\n",
					cases[i].no, cases[i].in, out);
			CHECK(!ok);
			continue;
		}
		CHECK(ok);
		if (ok && strcmp(out, cases[i].want) != 0)
			fprintf(stderr, "case %d:\n", cases[i].no);
		CHECK_STR(ok ? out : NULL, cases[i].want);
	}
	return CHECK_DONE();
}
