/*
 * value.c - JSON values of API objects to SQL values.
 */
#include "util/setup.h"
#include "json/value.h"
#include "util/str.h"

#include <ctype.h>
#include <math.h>

/* The member of obj named by the n bytes at key, or NULL. */
static const cJSON *member(const cJSON *obj, const char *key, size_t n)
{
	const cJSON *child;

	if (!cJSON_IsObject(obj))
		return NULL;
	for (child = obj->child; child != NULL; child = child->next)
		if (child->string && strlen(child->string) == n &&
		    memcmp(child->string, key, n) == 0)
			return child;
	return NULL;
}

const cJSON *bb_json_path(const cJSON *obj, const char *path)
{
	const char *p = path;

	while (obj && *p) {
		size_t n = strcspn(p, ".");

		obj = member(obj, p, n);
		p += n;
		if (*p == '.')
			p++;
	}
	return obj;
}

/* Reads exactly n digits at *s; advances it. */
static bool digits(const char **s, int n, int *out)
{
	int v = 0;

	while (n--) {
		if (!isdigit((unsigned char)**s))
			return false;
		v = v * 10 + (**s - '0');
		(*s)++;
	}
	*out = v;
	return true;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's
 * algorithm), so an offset can be removed without gmtime. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

static bool parse_offset(const char *s, int *offset_min)
{
	int sign, oh, om = 0;

	if (*s == 'Z' || *s == 'z')
		return s[1] == '\0' && ((*offset_min = 0), true);
	if (*s != '+' && *s != '-')
		return false;
	sign = *s++ == '-' ? -1 : 1;
	if (!digits(&s, 2, &oh))
		return false;
	if (*s == ':')
		s++;
	if (*s && !digits(&s, 2, &om))
		return false;
	if (*s || oh > 23 || om > 59)
		return false;
	*offset_min = sign * (oh * 60 + om);
	return true;
}

bool bb_timestamp_normalize(const char *in, char out[32])
{
	const char *s = in;
	int y, mo, d, h, mi, sec = 0, usec = 0, scale = 100000, off = 0;
	int64_t days, secs, yy;

	if (!digits(&s, 4, &y) || *s++ != '-' || !digits(&s, 2, &mo) ||
	    *s++ != '-' || !digits(&s, 2, &d))
		return false;
	if (*s != 'T' && *s != ' ')
		return false;
	s++;
	if (!digits(&s, 2, &h) || *s++ != ':' || !digits(&s, 2, &mi))
		return false;
	if (*s == ':') {
		s++;
		if (!digits(&s, 2, &sec))
			return false;
		if (*s == '.') {
			s++;
			if (!isdigit((unsigned char)*s))
				return false;
			for (; isdigit((unsigned char)*s); s++, scale /= 10)
				usec += scale ? (*s - '0') * scale : 0;
		}
	}
	if (*s && !parse_offset(s, &off))
		return false;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in(y, mo) || h > 23 ||
	    mi > 59 || sec > 60)
		return false;
	if (sec == 60) { /* a leap second stays in its minute */
		sec = 59;
		usec = 999999;
	}
	days = days_from_civil(y, mo, d);
	secs = days * 86400 + h * 3600 + mi * 60 + sec - (int64_t)off * 60;
	days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
	secs -= days * 86400;
	civil_from_days(days, &yy, &mo, &d);
	if (yy < 1 || yy > 9999)
		return false;
	return bb_snprintf(out, 32, "%04d-%02d-%02d %02d:%02d:%02d.%06d",
			   (int)yy, mo, d, (int)(secs / 3600),
			   (int)(secs / 60 % 60), (int)(secs % 60), usec);
}

static bool set_json_text(const cJSON *v, bb_value *out)
{
	out->owned = cJSON_PrintUnformatted(v);
	if (!out->owned)
		return false;
	out->kind = BB_V_TEXT;
	out->text = out->owned;
	return true;
}

static void set_number(const cJSON *v, bb_coltype type, bb_value *out)
{
	double d = v->valuedouble;

	if (type == BB_T_DOUBLE) {
		out->kind = BB_V_DOUBLE;
		out->d = d;
	} else if (isfinite(d) && d == floor(d) && fabs(d) < 9.2e18) {
		out->kind = BB_V_INT;
		out->i = (int64_t)d;
	}
}

bool bb_value_from_json(const cJSON *v, bb_coltype type, bb_value *out)
{
	memset(out, 0, sizeof(*out));
	if (!v || cJSON_IsNull(v))
		return true;
	switch (type) {
	case BB_T_JSON:
		return set_json_text(v, out);
	case BB_T_BIT:
		if (cJSON_IsBool(v)) {
			out->kind = BB_V_INT;
			out->i = cJSON_IsTrue(v) ? 1 : 0;
		}
		return true;
	case BB_T_INT:
	case BB_T_BIGINT:
	case BB_T_DOUBLE:
		if (cJSON_IsNumber(v))
			set_number(v, type, out);
		return true;
	case BB_T_TIMESTAMP:
		if (cJSON_IsString(v) &&
		    bb_timestamp_normalize(v->valuestring, out->ts)) {
			out->kind = BB_V_TEXT;
			out->text = out->ts;
		}
		return true;
	case BB_T_TEXT:
		if (cJSON_IsString(v)) {
			out->kind = BB_V_TEXT;
			out->text = v->valuestring;
		} else if (cJSON_IsArray(v) || cJSON_IsObject(v) ||
			   cJSON_IsNumber(v) || cJSON_IsBool(v)) {
			return set_json_text(v, out);
		}
		return true;
	}
	return true;
}

void bb_value_free(bb_value *v)
{
	if (v->owned)
		cJSON_free(v->owned);
	v->owned = NULL;
	v->text = NULL;
	v->kind = BB_V_NULL;
}
