/*
 * auth.c - API tokens, app passwords and access tokens on a curl handle.
 */
#include "util/setup.h"
#include "auth/auth.h"

static bool set(const char *v)
{
	return v && *v;
}

bool bb_auth_kind_of(const bb_props *p, bb_auth_kind *kind, bb_err *err)
{
	const char *user = bb_props_get(p, BB_P_USER);
	const char *token = bb_props_get(p, BB_P_API_TOKEN);
	const char *pass = bb_props_get(p, BB_P_PASSWORD);

	if (set(bb_props_get(p, BB_P_ACCESS_TOKEN))) {
		*kind = BB_AUTH_BEARER;
		return true;
	}
	if (set(token) || set(pass)) {
		if (!set(user))
			return bb_err_set(err, BB_E_AUTH, 0,
					  "ApiToken and Password need User "
					  "(the Atlassian account e-mail for "
					  "an API token)");
		*kind = BB_AUTH_BASIC;
		return true;
	}
	if (set(user))
		return bb_err_set(err, BB_E_AUTH, 0,
				  "User %s has no ApiToken, Password or "
				  "AccessToken",
				  user);
	*kind = BB_AUTH_NONE;
	return true;
}

bool bb_auth_apply(CURL *curl, const bb_props *p, bb_err *err)
{
	bb_auth_kind kind;
	const char *secret;

	if (!bb_auth_kind_of(p, &kind, err))
		return false;
	switch (kind) {
	case BB_AUTH_BEARER:
		curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BEARER);
		curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER,
				 bb_props_get(p, BB_P_ACCESS_TOKEN));
		break;
	case BB_AUTH_BASIC:
		secret = bb_props_get(p, BB_P_API_TOKEN);
		if (!set(secret))
			secret = bb_props_get(p, BB_P_PASSWORD);
		curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
		curl_easy_setopt(curl, CURLOPT_USERNAME,
				 bb_props_get(p, BB_P_USER));
		curl_easy_setopt(curl, CURLOPT_PASSWORD, secret);
		break;
	case BB_AUTH_NONE:
		break;
	}
	return true;
}

const char *bb_auth_describe(const bb_props *p)
{
	bb_auth_kind kind;

	if (!bb_auth_kind_of(p, &kind, NULL))
		return "incomplete credentials";
	switch (kind) {
	case BB_AUTH_BEARER:
		return "Bearer (AccessToken)";
	case BB_AUTH_BASIC:
		return set(bb_props_get(p, BB_P_API_TOKEN))
			       ? "HTTP Basic (User and ApiToken)"
			       : "HTTP Basic (User and Password)";
	case BB_AUTH_NONE:
		break;
	}
	return "none (anonymous)";
}
