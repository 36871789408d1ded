/*
 * props.h - connection properties: one table of every property the driver
 * takes, with its aliases, default and documentation; parsing of ODBC
 * connection strings; merging with the DSN's entries.
 *
 * Precedence: a property in the connection string beats the DSN's entry,
 * which beats the default. Keys match case-insensitively, as ODBC wants.
 */
#ifndef BB_PROPS_H
#define BB_PROPS_H

#include "util/setup.h"
#include "util/err.h"

typedef enum bb_prop_id {
	BB_P_DSN,
	BB_P_DRIVER,
	BB_P_BASE_URL,
	BB_P_USER,
	BB_P_API_TOKEN,
	BB_P_PASSWORD,
	BB_P_ACCESS_TOKEN,
	BB_P_WORKSPACE,
	BB_P_TIMEOUT,
	BB_P_CONNECT_TIMEOUT,
	BB_P_MAX_RETRIES,
	BB_P_PARALLEL,
	BB_P_MAX_REQUESTS,
	BB_P_CA_FILE,
	BB_P_PROXY,
	BB_P_LOG_FILE,
	BB_P_TRACE_FILE,
	BB_P_TRACE_AREAS,
	BB_P_COUNT
} bb_prop_id;

typedef struct bb_prop_def {
	const char *name;  /* canonical name, as written in odbc.ini */
	const char *alias; /* a second accepted key (UID, PWD, ...), or NULL */
	const char *deflt; /* default value, or NULL for none */
	bool secret;       /* never logged, traced or echoed back */
	const char *doc;   /* one line for docs/connection.md */
} bb_prop_def;

/* Every property's value: owned strings, NULL when unset. */
typedef struct bb_props {
	char *v[BB_P_COUNT];        /* owned; effective values */
	bool from_conn[BB_P_COUNT]; /* given in the connection string */
} bb_props;

extern const bb_prop_def bb_prop_defs[BB_P_COUNT];

/* Looks up a key (canonical name or alias, case-insensitive); -1 if none */
int bb_prop_find(const char *key);

/*
 * Parses "KEY=value;KEY={va;l}}ue};..." into props (values given here win
 * over later merges). Braced values may hold ';', '=' and '}}' for '}'.
 * Spaces around keys and unbraced values are trimmed. Unknown keys are
 * ignored (ODBC drivers must tolerate other drivers' keys) but reported in
 * *unknown (a count) so the caller can warn with 01S00. A malformed string
 * (unterminated brace, empty key, key without '=', a brace in a key, '{'
 * inside an unbraced value, text after a closing brace) fails with
 * BB_E_CONN_STRING and a message that names the byte offset (from 0) and,
 * for one of our keys, its canonical name; never a value, nor an unknown
 * key, which may be the tail of a secret. On failure p and *unknown are
 * left as they were. A NULL conn_str is the empty string.
 */
bool bb_props_parse(bb_props *p, const char *conn_str, int *unknown,
		    bb_err *err);

/* Fills each property not yet set from the DSN's odbc.ini entries (the
 * canonical name, then the alias); an empty entry counts as unset. Does
 * nothing when built without odbcinst. */
void bb_props_merge_dsn(bb_props *p, const char *dsn);
/* Fills each property still unset with its default. */
void bb_props_apply_defaults(bb_props *p);
/* Sets one property (copies value); replaces any earlier value. */
bool bb_props_set(bb_props *p, bb_prop_id id, const char *value);
const char *bb_props_get(const bb_props *p, bb_prop_id id);
long bb_props_get_long(const bb_props *p, bb_prop_id id, long fallback);
/* Frees every value; secrets are wiped first. */
void bb_props_free(bb_props *p);

/*
 * The completed connection string for SQLDriverConnect's output: the DSN
 * (or, without one, DRIVER) and each property that was given in the input
 * string, under its canonical name, braced where needed. Values that came
 * from the DSN or the defaults are not repeated, so a DSN's secrets never
 * appear in it. Caller frees; NULL when out of memory.
 */
char *bb_props_to_conn_str(const bb_props *p);

#endif
