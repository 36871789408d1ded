/*
 * value.h - one JSON value of an API object, converted to its SQL type.
 *
 * The API sends timestamps with 0 to 9 fraction digits and a Z or an
 * offset; they become UTC text 'YYYY-MM-DD HH:MM:SS.ffffff' so they sort
 * and compare as text and convert to SQL_TYPE_TIMESTAMP. Booleans become
 * 0/1, numbers integers or doubles, arrays and objects JSON text. A
 * missing key, a JSON null, or a value of the wrong kind is NULL: a column
 * never holds something its type cannot read. Text columns are the one
 * exception: a number, boolean or object there is kept as its JSON text.
 */
#ifndef BB_JSON_VALUE_H
#define BB_JSON_VALUE_H

#include "util/setup.h"
#include "engine/tables.h"
#include <cjson/cJSON.h>

typedef enum bb_vkind { BB_V_NULL, BB_V_INT, BB_V_DOUBLE, BB_V_TEXT } bb_vkind;

typedef struct bb_value {
	bb_vkind kind;
	int64_t i;
	double d;
	const char *text; /* borrowed from the cJSON tree, or = owned */
	char *owned;      /* owned text (JSON dumps); freed by bb_value_free */
	char ts[32];      /* storage for a normalised timestamp */
} bb_value;

/* The value at a dotted path ("author.display_name"); NULL if absent. */
const cJSON *bb_json_path(const cJSON *obj, const char *path);

/* Converts v (may be NULL) for a column of the given type. Returns false
 * only when memory runs out. */
bool bb_value_from_json(const cJSON *v, bb_coltype type, bb_value *out);
void bb_value_free(bb_value *v);

/* Normalises an ISO-8601 timestamp to UTC text; false if it is not one. */
bool bb_timestamp_normalize(const char *in, char out[32]);

#endif
