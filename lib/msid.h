/*
 * msid: the Microsoft identity platform's token endpoint, as a
 * confidential client (MICROSOFT.md §1.3).
 *
 * The client authenticates with its secret (ms_client_secret_file) or,
 * when ms_cert_file and ms_cert_key_file are configured, with a signed
 * assertion (private_key_jwt: PS256 and x5t#S256, aud the token URL),
 * which Microsoft recommends for production.  Responses are parsed with
 * cJSON: expires_in as number or string, unknown fields ignored.  An
 * error answer fills struct msid_error with the `error` code (what a
 * caller branches on), the first AADSTS number and the description (for
 * the logs, never for logic).  Tokens are secrets: callers seal them,
 * wipe them, and never log them.
 */
#ifndef SHINDAN_MSID_H
#define SHINDAN_MSID_H

#include "arena.h"
#include "conf.h"
#include "http.h"

struct evp_pkey_st;

struct msid {
	const struct conf	*conf;
	char			*secret;
	struct evp_pkey_st	*key;
	char			*x5t_s256;
	struct http_opts	 http;
};

struct msid_token {
	char		*access_token;
	char		*refresh_token;
	char		*id_token;
	char		*scope;
	long		 expires_in;
};

struct msid_error {
	int		 status;	/* HTTP status; 0: no answer */
	char		 error[64];	/* "invalid_grant", "network", ... */
	long		 aadsts;	/* 0 when none */
	char		 description[256];
};

/* Claims of an id_token (OIDC), read from its payload. */
struct msid_claims {
	const char	*tid;
	const char	*oid;
	const char	*preferred_username;
	const char	*email;
	const char	*name;
	const char	*nonce;
	const char	*iss;
	const char	*aud;
	long long	 exp;
	int		 global_admin;	/* wids holds the Global Admin role */
};

int	 msid_init(struct msid *, const struct conf *);
void	 msid_free(struct msid *);
int	 msid_redeem(struct msid *, struct arena *, const char *tenant,
	    const char *code, const char *verifier, const char *redirect_uri,
	    const char *scope, struct msid_token *, struct msid_error *);
int	 msid_refresh(struct msid *, struct arena *, const char *tenant,
	    const char *refresh_token, const char *scope, struct msid_token *,
	    struct msid_error *);
int	 msid_app_token(struct msid *, struct arena *, const char *tenant,
	    struct msid_token *, struct msid_error *);
/* Decode an id_token's payload.  Its signature is not checked: it comes
 * straight from the token endpoint over TLS (OIDC Core 3.1.3.7); the
 * caller checks aud, iss, tid, nonce and exp. */
int	 msid_claims(struct arena *, const char *jwt, struct msid_claims *);
/* 1 when s looks like a tenant or object id: a GUID. */
int	 msid_is_guid(const char *);

#endif
