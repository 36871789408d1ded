/*
 * auth.h - putting credentials on the REST client's handle.
 *
 * API tokens (with the Atlassian account e-mail as User) and legacy app
 * passwords go as HTTP Basic; repository, project and workspace access
 * tokens as Bearer. libcurl builds the header itself and sends it only to
 * the host of the request, never to a redirect's other host.
 */
#ifndef BB_AUTH_H
#define BB_AUTH_H

#include "util/setup.h"
#include "util/err.h"
#include "config/props.h"
#include <curl/curl.h>

typedef enum bb_auth_kind {
	BB_AUTH_NONE,  /* anonymous: public data only */
	BB_AUTH_BASIC, /* User + ApiToken, or User + Password */
	BB_AUTH_BEARER /* AccessToken */
} bb_auth_kind;

/* Which scheme the properties ask for; fails on an incomplete pair. */
bool bb_auth_kind_of(const bb_props *p, bb_auth_kind *kind, bb_err *err);
/* The scheme in words, for the trace: never a secret. */
const char *bb_auth_describe(const bb_props *p);
/* Sets the credentials on curl. */
bool bb_auth_apply(CURL *curl, const bb_props *p, bb_err *err);

#endif
