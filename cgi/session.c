/*
 * session: sign-in sessions and CSRF tokens.
 *
 * A session id is 256 random bits in a cookie (HttpOnly, SameSite=Lax,
 * and __Host- with Secure over https); the database keeps only its
 * SHA-256.  A session ends after session_idle seconds without a request
 * or session_max seconds after sign-in, whichever comes first, and on
 * sign-out.  Signing in always makes a new id.
 *
 * CSRF: a form carries HMAC(csrf key, cookie) where the cookie is the
 * session id, or before sign-in a random pre-session cookie; the check
 * recomputes it and compares in constant time.  Tokens need no storage
 * and die with their cookie.
 */
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "portal.h"
#include "util.h"

#define CSRF_LEN	43	/* base64url of 32 bytes */

static void
hash_cookie(const char *v, unsigned char out[32])
{
	crypt_sha256(v, strlen(v), out);
}

int
session_load(struct req *r)
{
	PGresult	*res;
	char		 idle[16], max[16];

	if (r->cookie_sid == NULL || strlen(r->cookie_sid) != 43)
		return 0;
	hash_cookie(r->cookie_sid, r->sid_hash);
	snprintf(idle, sizeof(idle), "%d", r->conf->session_idle);
	snprintf(max, sizeof(max), "%d", r->conf->session_max);
	res = db_qv(r->db, r->a, STMT_SESSION_LOOKUP, 3,
	    db_bytea(r->a, r->sid_hash, 32), idle, max);
	if (res == NULL)
		return -1;
	if (PQntuples(res) != 1)
		return 0;
	r->account_id = db_get_ll(res, 0, "account_id", 0);
	r->email = arena_strdup(r->a, db_get(res, 0, "email"));
	r->has_session = 1;
	(void)db_cmd(r->db, r->a, STMT_SESSION_TOUCH, 1,
	    db_bytea(r->a, r->sid_hash, 32));
	return 1;
}

int
session_create(struct req *r, long long account_id)
{
	struct buf	 tok = BUF_INIT;
	unsigned char	 h[32];
	char		 id[24];
	int		 rc = -1;

	/* A new id at every sign-in; the old session, if any, ends. */
	if (r->cookie_sid != NULL && strlen(r->cookie_sid) == 43) {
		hash_cookie(r->cookie_sid, h);
		(void)db_cmd(r->db, r->a, STMT_SESSION_DELETE, 1,
		    db_bytea(r->a, h, 32));
	}
	crypt_token(&tok, 32);
	hash_cookie(tok.ptr, h);
	snprintf(id, sizeof(id), "%lld", account_id);
	if (db_cmd(r->db, r->a, STMT_SESSION_INSERT, 2, db_bytea(r->a, h, 32),
	    id) != 1)
		goto out;
	resp_cookie(r, "sid", tok.ptr, -1, 1);
	r->cookie_sid = arena_strdup(r->a, tok.ptr);
	memcpy(r->sid_hash, h, 32);
	r->has_session = 1;
	r->account_id = account_id;
	rc = 0;
out:
	crypt_wipe(tok.ptr, tok.len);
	buf_release(&tok);
	return rc;
}

void
session_destroy(struct req *r)
{
	if (r->has_session)
		(void)db_cmd(r->db, r->a, STMT_SESSION_DELETE, 1,
		    db_bytea(r->a, r->sid_hash, 32));
	r->has_session = 0;
	resp_cookie(r, "sid", "", 0, 1);
}

/* HMAC(subkey label, what) in base64url, in the request's arena. */
const char *
session_mac(struct req *r, const char *label, const char *what)
{
	unsigned char	 key[32], mac[32];
	struct buf	 b = BUF_INIT;
	const char	*tok;

	crypt_subkey(r->kr, label, key);
	crypt_hmac(key, what, strlen(what), mac);
	crypt_b64url(mac, sizeof(mac), &b);
	tok = arena_strdup(r->a, b.ptr);
	buf_release(&b);
	crypt_wipe(key, sizeof(key));
	return tok;
}

static const char *
csrf_for(struct req *r, const char *cookie)
{
	return session_mac(r, "csrf", cookie);
}

const char *
csrf_token(struct req *r)
{
	struct buf	 b = BUF_INIT;

	if (r->has_session)
		return csrf_for(r, r->cookie_sid);
	if (r->cookie_pre == NULL || strlen(r->cookie_pre) != 43) {
		if (r->pre_value == NULL) {
			crypt_token(&b, 32);
			r->pre_value = arena_strdup(r->a, b.ptr);
			buf_release(&b);
			r->new_pre = 1;
		}
		return csrf_for(r, r->pre_value);
	}
	return csrf_for(r, r->cookie_pre);
}

int
csrf_check(struct req *r, const char *token)
{
	/* Either cookie of this browser vouches for the form: the session
	 * (also one that just ended) or the pre-session cookie, so that a
	 * form shown before sign-in still works after it. */
	if (token == NULL || strlen(token) != CSRF_LEN)
		return 0;
	if (r->cookie_sid != NULL && strlen(r->cookie_sid) == 43 &&
	    crypt_equal(csrf_for(r, r->cookie_sid), token, CSRF_LEN))
		return 1;
	if (r->cookie_pre != NULL && strlen(r->cookie_pre) == 43 &&
	    crypt_equal(csrf_for(r, r->cookie_pre), token, CSRF_LEN))
		return 1;
	return 0;
}
