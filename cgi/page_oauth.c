/*
 * OAuth with Microsoft (DESIGN.md steps 7-10; SECURITY.md §1).
 *
 * GET /oauth/callback   what Microsoft sends back: code, state,
 *                       session_state, error, error_description,
 *                       admin_consent, tenant, scope
 *                       303 /app/granted, or to Microsoft for the next
 *                       step; 400 an unusable state (nothing requested
 *                       from Microsoft); 403 Microsoft said no, or its
 *                       answer could not be confirmed
 *
 * Every round trip has a row in oauth_flow: the SHA-256 of a 256-bit
 * state, the session it belongs to, the PKCE verifier (sealed), a
 * nonce, 10 minutes to live.  The callback takes the row (deleting it:
 * single use) only for the same session, before any call to Microsoft.
 *
 * "My mailbox": the authorization code flow with PKCE S256 at
 * {authority}/organizations; the code is redeemed, the id_token checked
 * (aud, iss, nonce, exp, a work or school tenant), the mailbox read from
 * GET /me; the refresh and access tokens are sealed into credential.
 *
 * "All mailboxes": admin consent at {authority}/organizations/v2.0/
 * adminconsent.  Its callback names a tenant, which Microsoft warns may
 * have been forged, so it is proved twice: a client-credentials token is
 * requested for exactly that tenant (only a consented tenant gets one),
 * then the browser signs in at that tenant (authorization code + PKCE,
 * openid profile); the id_token's tid must be that tenant.  A callback
 * with another organisation's tenant is therefore refused even when
 * that organisation has consented before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cJSON.h>

#include "cred.h"
#include "html.h"
#include "http.h"
#include "log.h"
#include "msid.h"
#include "portal.h"
#include "util.h"

#define MAILBOX_SCOPES	"openid profile email offline_access " \
	"https://graph.microsoft.com/Mail.Read " \
	"https://graph.microsoft.com/User.Read"
#define VERIFY_SCOPES	"openid profile"
#define MSA_TENANT	"9188040d-6c67-4c5b-b112-36a304b66dad"

struct flow {
	long long	 assessment_id;
	const char	*step;
	const char	*verifier;
	const char	*nonce;
	const char	*expected_tenant;
};

static const char *
redirect_uri(struct req *r)
{
	return arena_printf(r->a, "%s/oauth/callback", r->conf->base_url);
}

/*
 * Create a flow row and build the URL to send the browser to.  tenant is
 * the path segment ("organizations" or a tenant id).  In the caller's
 * transaction.  NULL on a database error.
 */
static const char *
flow_start(struct req *r, long long assessment_id, const char *step,
    const char *tenant)
{
	struct buf	 state = BUF_INIT, verifier = BUF_INIT, nonce = BUF_INIT;
	struct buf	 chal = BUF_INIT, url = BUF_INIT, sealed = BUF_INIT;
	unsigned char	 h[32];
	char		 hex[65], aad[80];
	const char	*out = NULL, *vs = NULL;
	int		 pkce = strcmp(step, "org_consent") != 0;

	crypt_token(&state, 32);
	crypt_sha256(state.ptr, state.len, h);
	hex_encode(h, sizeof(h), hex);
	if (pkce) {
		crypt_token(&verifier, 32);	/* 43 characters */
		crypt_pkce_challenge(verifier.ptr, &chal);
		crypt_token(&nonce, 16);
		snprintf(aad, sizeof(aad), "pkce:v1:%s", hex);
		if (crypt_seal(r->kr, aad, verifier.ptr, verifier.len,
		    &sealed) == -1)
			goto out;
		vs = db_bytea(r->a, sealed.ptr, sealed.len);
	}
	if (db_cmd(r->db, r->a, STMT_FLOW_INSERT, 7, db_bytea(r->a, h, 32),
	    db_bytea(r->a, r->sid_hash, 32),
	    arena_printf(r->a, "%lld", assessment_id), step, vs,
	    pkce ? nonce.ptr : NULL,
	    strcmp(step, "org_verify") == 0 ? tenant : NULL) != 1)
		goto out;

	buf_addf(&url, "%s/", r->conf->ms_authority);
	url_encode(&url, tenant);
	if (!pkce) {
		buf_adds(&url, "/v2.0/adminconsent?client_id=");
		url_encode(&url, r->conf->ms_client_id);
		buf_adds(&url, "&scope=");
		url_encode(&url, "https://graph.microsoft.com/.default");
	} else {
		buf_adds(&url, "/oauth2/v2.0/authorize?client_id=");
		url_encode(&url, r->conf->ms_client_id);
		buf_adds(&url, "&response_type=code&response_mode=query&scope=");
		url_encode(&url, strcmp(step, "mailbox") == 0 ?
		    MAILBOX_SCOPES : VERIFY_SCOPES);
		buf_adds(&url, "&code_challenge=");
		buf_adds(&url, chal.ptr);
		buf_adds(&url, "&code_challenge_method=S256&nonce=");
		buf_adds(&url, nonce.ptr);
		if (strcmp(step, "mailbox") == 0)
			buf_adds(&url, "&prompt=select_account");
	}
	buf_adds(&url, "&redirect_uri=");
	url_encode(&url, redirect_uri(r));
	buf_adds(&url, "&state=");
	buf_adds(&url, state.ptr);
	if (!url.over)
		out = arena_strdup(r->a, url.ptr);
out:
	crypt_wipe(verifier.ptr, verifier.len);
	buf_release(&state);
	buf_release(&verifier);
	buf_release(&nonce);
	buf_release(&chal);
	buf_release(&url);
	buf_release(&sealed);
	return out;
}

int
oauth_begin(struct req *r, const char *scope)
{
	PGresult	*res;
	const char	*acct, *url;
	long long	 id;

	acct = arena_printf(r->a, "%lld", r->account_id);
	if (db_begin(r->db) == -1)
		return page_error(r, 503, M_ERR_503);
	/* A new attempt replaces one not yet running; a running or finished
	 * assessment stays (a re-run goes through /results/rescan). */
	if (db_cmd(r->db, r->a, STMT_ASSESS_CLEAR, 1, acct) < 0 ||
	    (res = db_qv(r->db, r->a, STMT_ASSESS_INSERT, 2, acct, scope)) ==
	    NULL)
		goto fail;
	if (PQntuples(res) == 0) {
		db_rollback(r->db);
		return page_redirect(r, "/app");
	}
	id = db_get_ll(res, 0, "id", 0);
	url = flow_start(r, id, strcmp(scope, "org") == 0 ? "org_consent" :
	    "mailbox", "organizations");
	if (url == NULL)
		goto fail;
	if (db_commit(r->db) == -1)
		return page_error(r, 503, M_ERR_503);
	log_info("oauth: assessment %lld: %s consent started", id, scope);
	return page_redirect(r, url);
fail:
	db_rollback(r->db);
	return page_error(r, 503, M_ERR_503);
}

/* A page that says what happened and how to try again. */
static int
oauth_refused(struct req *r, int status, enum msgid m, const char *ms)
{
	struct buf	*b = &r->body;

	buf_reset(b);
	layout_begin(r, M_OAUTH_TITLE);
	if (r->has_session)
		app_header(r);
	layout_p(r, m, "error");
	if (ms != NULL && *ms != '\0') {
		html_raw(b, "<p class=\"hint\">");
		layout_msg(r, M_OAUTH_MSERROR);
		html_raw(b, " <code>");
		html_text(b, ms);
		html_raw(b, "</code></p>\n");
	}
	html_raw(b, "<p><a href=\"/app/scope\">");
	layout_msg(r, M_TRY_AGAIN);
	html_raw(b, "</a></p>\n");
	layout_end(r);
	return status;
}

/* Microsoft's error on the redirect: the message for the user. */
static enum msgid
ms_error_msg(const char *error, const char *desc)
{
	long	 code = 0;

	if (desc != NULL && strncmp(desc, "AADSTS", 6) == 0)
		code = strtol(desc + 6, NULL, 10);
	if (code == 90094 || code == 90008 || code == 65001 ||
	    strcmp(error, "permission_denied") == 0)
		return M_OAUTH_ADMIN;
	if (strcmp(error, "access_denied") == 0 ||
	    strcmp(error, "consent_required") == 0 || code == 65004)
		return M_OAUTH_DENIED;
	return M_OAUTH_FAILED;
}

/* Take the flow row for this state and session: 1, 0 unusable, -1 db. */
static int
flow_take(struct req *r, const char *state, struct flow *f)
{
	PGresult	*res;
	unsigned char	 h[32];
	char		 hex[65], aad[80];
	struct buf	 sealed = BUF_INIT, v = BUF_INIT;

	memset(f, 0, sizeof(*f));
	if (state == NULL || !r->has_session)
		return 0;
	crypt_sha256(state, strlen(state), h);
	res = db_qv(r->db, r->a, STMT_FLOW_TAKE, 2, db_bytea(r->a, h, 32),
	    db_bytea(r->a, r->sid_hash, 32));
	if (res == NULL)
		return -1;
	if (PQntuples(res) != 1 || strcmp(db_get(res, 0, "live"), "t") != 0)
		return 0;
	f->assessment_id = db_get_ll(res, 0, "assessment_id", 0);
	f->step = arena_strdup(r->a, db_get(res, 0, "step"));
	f->nonce = arena_strdup(r->a, db_get(res, 0, "nonce"));
	f->expected_tenant = arena_strdup(r->a, db_get(res, 0,
	    "expected_tenant"));
	if (db_get(res, 0, "verifier_sealed") != NULL) {
		hex_encode(h, sizeof(h), hex);
		snprintf(aad, sizeof(aad), "pkce:v1:%s", hex);
		if (db_get_bytea(res, 0, "verifier_sealed", &sealed) == -1 ||
		    crypt_unseal(r->kr, aad, sealed.ptr, sealed.len, &v) == -1) {
			buf_release(&sealed);
			return 0;
		}
		f->verifier = arena_strndup(r->a, v.ptr, v.len);
		crypt_wipe(v.ptr, v.len);
		buf_release(&v);
		buf_release(&sealed);
	}
	return 1;
}

/* Check an id_token against this flow.  0 good, else the message. */
static enum msgid
check_id_token(struct req *r, const struct flow *f, const char *jwt,
    struct msid_claims *c)
{
	if (msid_claims(r->a, jwt, c) == -1 || c->aud == NULL ||
	    strcmp(c->aud, r->conf->ms_client_id) != 0 || c->nonce == NULL ||
	    f->nonce == NULL || strcmp(c->nonce, f->nonce) != 0 ||
	    c->exp < (long long)time(NULL) - 300 || !msid_is_guid(c->tid)) {
		log_warn("oauth: assessment %lld: id_token refused",
		    f->assessment_id);
		return M_OAUTH_FAILED;
	}
	if (str_casecmp(c->tid, MSA_TENANT) == 0)
		return M_OAUTH_PERSONAL;
	/* iss names the tenant (https://login.../{tid}/v2.0). */
	if (c->iss != NULL && strstr(c->iss, c->tid) == NULL) {
		log_warn("oauth: assessment %lld: id_token issuer does not "
		    "name its tenant", f->assessment_id);
		return M_OAUTH_FAILED;
	}
	return 0;
}

static void
log_ms_error(long long id, const char *what, const struct msid_error *e)
{
	log_warn("oauth: assessment %lld: %s: %s (HTTP %d, AADSTS%ld)", id,
	    what, e->error, e->status, e->aadsts);
}

/* What the page shows of Microsoft's answer: its code and AADSTS number. */
static const char *
ms_shown(struct req *r, const struct msid_error *e)
{
	if (e->aadsts != 0)
		return arena_printf(r->a, "%s AADSTS%ld", e->error, e->aadsts);
	return e->error;
}

/* The error of a redirect, in the shape of a token endpoint's. */
static const struct msid_error *
ms_redirect_error(struct msid_error *e, const char *error, const char *desc)
{
	memset(e, 0, sizeof(*e));
	snprintf(e->error, sizeof(e->error), "%s", error);
	if (desc != NULL && strncmp(desc, "AADSTS", 6) == 0)
		e->aadsts = strtol(desc + 6, NULL, 10);
	return e;
}

/* A code Microsoft would not redeem: expired, used, or not this
 * browser's (its PKCE verifier does not match); else a failure. */
static enum msgid
redeem_msg(const struct msid_error *e)
{
	return strcmp(e->error, "invalid_grant") == 0 ? M_OAUTH_CODE :
	    M_OAUTH_FAILED;
}

/* GET {graph}/me with the delegated token: the mailbox's identity. */
static int
graph_me(struct req *r, struct msid *m, const char *access, const char **id,
    const char **upn, const char **mail)
{
	struct http_resp res;
	const char	*hdrs[3];
	cJSON		*j, *v;
	int		 rc = -1;

	hdrs[0] = arena_printf(r->a, "Authorization: Bearer %s", access);
	hdrs[1] = "Accept: application/json";
	hdrs[2] = NULL;
	http_resp_init(&res);
	(void)http_request(&m->http, "GET", arena_printf(r->a,
	    "%s/me?$select=id,displayName,mail,userPrincipalName",
	    r->conf->graph_base), hdrs, NULL, &res);
	crypt_wipe((char *)hdrs[0], strlen(hdrs[0]));
	if (res.status == 200 && (j = cJSON_Parse(res.body.ptr)) != NULL) {
		v = cJSON_GetObjectItemCaseSensitive(j, "id");
		*id = cJSON_IsString(v) ? arena_strdup(r->a, v->valuestring) :
		    NULL;
		v = cJSON_GetObjectItemCaseSensitive(j, "userPrincipalName");
		*upn = cJSON_IsString(v) ? arena_strdup(r->a, v->valuestring) :
		    NULL;
		v = cJSON_GetObjectItemCaseSensitive(j, "mail");
		*mail = cJSON_IsString(v) ? arena_strdup(r->a, v->valuestring) :
		    NULL;
		rc = *id != NULL ? 0 : -1;
		cJSON_Delete(j);
	} else
		log_warn("oauth: GET /me answered %ld", res.status);
	http_resp_free(&res);
	return rc;
}

/* Grant: seal the tokens and mark the assessment granted, at once. */
static int
grant(struct req *r, long long id, const char *kind, const char *tenant,
    const struct msid_token *t, const char *oid, const char *upn,
    const char *mail)
{
	const char	*ids = arena_printf(r->a, "%lld", id);

	if (db_begin(r->db) == -1)
		return -1;
	if (db_cmd(r->db, r->a, STMT_CRED_UPSERT, 7, ids, kind, tenant,
	    arena_printf(r->a, "%u", r->kr->id[0]),
	    cred_seal(r->kr, r->a, CRED_REFRESH, id, t->refresh_token),
	    cred_seal(r->kr, r->a, CRED_ACCESS, id, t->access_token),
	    arena_printf(r->a, "%ld", t->expires_in)) != 1 ||
	    db_cmd(r->db, r->a, STMT_ASSESS_GRANT, 6, ids, tenant, oid, upn,
	    mail, arena_printf(r->a, "%d", r->conf->autostart_delay)) != 1) {
		db_rollback(r->db);
		return -1;
	}
	if (db_commit(r->db) == -1)
		return -1;
	log_info("oauth: assessment %lld: granted (%s)", id, kind);
	return 0;
}

static int
cb_mailbox(struct req *r, struct msid *m, const struct flow *f,
    const char *code)
{
	struct msid_token t;
	struct msid_error e;
	struct msid_claims c;
	const char	*oid, *upn, *mail;
	enum msgid	 bad;
	int		 rc;

	if (msid_redeem(m, r->a, "organizations", code, f->verifier,
	    redirect_uri(r), MAILBOX_SCOPES, &t, &e) == -1) {
		log_ms_error(f->assessment_id, "code redemption", &e);
		return oauth_refused(r, 403, redeem_msg(&e), ms_shown(r, &e));
	}
	if ((bad = check_id_token(r, f, t.id_token, &c)) != 0)
		return oauth_refused(r, 403, bad, NULL);
	if (t.refresh_token == NULL) {
		log_warn("oauth: assessment %lld: no refresh token",
		    f->assessment_id);
		return oauth_refused(r, 403, M_OAUTH_FAILED, NULL);
	}
	if (graph_me(r, m, t.access_token, &oid, &upn, &mail) == -1 ||
	    (c.oid != NULL && str_casecmp(oid, c.oid) != 0))
		return oauth_refused(r, 403, M_OAUTH_FAILED, NULL);
	if (mail == NULL)
		return oauth_refused(r, 403, M_OAUTH_NOMAILBOX, NULL);
	rc = grant(r, f->assessment_id, "delegated", c.tid, &t, oid, upn,
	    mail);
	cred_wipe(t.access_token);
	cred_wipe(t.refresh_token);
	if (rc == -1)
		return page_error(r, 503, M_ERR_503);
	return page_redirect(r, "/app/granted");
}

static int
cb_org_consent(struct req *r, struct msid *m, const struct flow *f)
{
	struct msid_token t;
	struct msid_error e;
	const char	*tenant = req_query(r, "tenant");
	const char	*consent = req_query(r, "admin_consent");
	const char	*url;

	if (consent == NULL || str_casecmp(consent, "true") != 0 ||
	    !msid_is_guid(tenant)) {
		log_warn("oauth: assessment %lld: admin consent answer without "
		    "a tenant", f->assessment_id);
		return oauth_refused(r, 403, M_OAUTH_FAILED, NULL);
	}
	/* Proof one: the tenant has consented (Microsoft gives an app token
	 * for it); its access token is kept sealed for the runner. */
	if (msid_app_token(m, r->a, tenant, &t, &e) == -1) {
		log_ms_error(f->assessment_id, "client credentials", &e);
		return oauth_refused(r, 403, M_OAUTH_FAILED, ms_shown(r, &e));
	}
	if (db_begin(r->db) == -1)
		return page_error(r, 503, M_ERR_503);
	if (db_cmd(r->db, r->a, STMT_ASSESS_SET_TENANT, 2,
	    arena_printf(r->a, "%lld", f->assessment_id), tenant) != 1 ||
	    db_cmd(r->db, r->a, STMT_CRED_UPSERT, 7,
	    arena_printf(r->a, "%lld", f->assessment_id), "app", tenant,
	    arena_printf(r->a, "%u", r->kr->id[0]), (const char *)NULL,
	    cred_seal(r->kr, r->a, CRED_ACCESS, f->assessment_id,
	    t.access_token), arena_printf(r->a, "%ld", t.expires_in)) != 1 ||
	    (url = flow_start(r, f->assessment_id, "org_verify", tenant)) ==
	    NULL) {
		db_rollback(r->db);
		return page_error(r, 503, M_ERR_503);
	}
	if (db_commit(r->db) == -1)
		return page_error(r, 503, M_ERR_503);
	cred_wipe(t.access_token);
	/* Proof two: this browser signs in at that tenant. */
	return page_redirect(r, url);
}

static int
cb_org_verify(struct req *r, struct msid *m, const struct flow *f,
    const char *code)
{
	struct msid_token t;
	struct msid_error e;
	struct msid_claims c;
	enum msgid	 bad;
	const char	*ids = arena_printf(r->a, "%lld", f->assessment_id);

	if (msid_redeem(m, r->a, f->expected_tenant, code, f->verifier,
	    redirect_uri(r), VERIFY_SCOPES, &t, &e) == -1) {
		log_ms_error(f->assessment_id, "sign-in redemption", &e);
		return oauth_refused(r, 403, redeem_msg(&e), ms_shown(r, &e));
	}
	if ((bad = check_id_token(r, f, t.id_token, &c)) != 0)
		return oauth_refused(r, 403, bad, NULL);
	if (str_casecmp(c.tid, f->expected_tenant) != 0) {
		log_warn("oauth: assessment %lld: signed in at another tenant "
		    "than the one that consented; refused", f->assessment_id);
		(void)db_cmd(r->db, r->a, STMT_CRED_DELETE, 1, ids);
		return oauth_refused(r, 403, M_OAUTH_TENANT, NULL);
	}
	/* The tenant's consent may be anyone's (an earlier administrator's,
	 * another account's): whoever signs in here must be a Global
	 * Administrator themself (the id_token's wids claim), or a user
	 * could reach every mailbox by replaying an admin-consent answer. */
	if (!c.global_admin) {
		log_warn("oauth: assessment %lld: the account that signed in "
		    "is not a Global Administrator; refused", f->assessment_id);
		(void)db_cmd(r->db, r->a, STMT_CRED_DELETE, 1, ids);
		return oauth_refused(r, 403, M_OAUTH_ADMIN, NULL);
	}
	cred_wipe(t.access_token);
	cred_wipe(t.refresh_token);
	if (db_begin(r->db) == -1)
		return page_error(r, 503, M_ERR_503);
	if (db_cmd(r->db, r->a, STMT_ASSESS_GRANT, 6, ids, c.tid, c.oid,
	    c.preferred_username, c.email, arena_printf(r->a, "%d",
	    r->conf->autostart_delay)) != 1) {
		db_rollback(r->db);
		return page_error(r, 503, M_ERR_503);
	}
	if (db_commit(r->db) == -1)
		return page_error(r, 503, M_ERR_503);
	log_info("oauth: assessment %lld: granted (organisation)",
	    f->assessment_id);
	return page_redirect(r, "/app/granted");
}

int
page_oauth_callback(struct req *r)
{
	struct flow	 f;
	struct msid	 m;
	const char	*error = req_query(r, "error");
	const char	*code = req_query(r, "code");
	int		 rc, st;

	if ((rc = flow_take(r, req_query(r, "state"), &f)) == -1)
		return page_error(r, 503, M_ERR_503);
	if (rc == 0) {
		log_info("oauth: callback with an unknown, used, expired or "
		    "foreign state: refused");
		return oauth_refused(r, 400, M_OAUTH_STATE, NULL);
	}
	if (error != NULL) {
		const char *desc = req_query(r, "error_description");
		struct msid_error me;

		log_info("oauth: assessment %lld: Microsoft answered %s",
		    f.assessment_id, error);
		(void)db_cmd(r->db, r->a, STMT_ASSESS_DROP_CONSENTING, 1,
		    arena_printf(r->a, "%lld", f.assessment_id));
		return oauth_refused(r, 403, ms_error_msg(error, desc),
		    ms_shown(r, ms_redirect_error(&me, error, desc)));
	}
	if (msid_init(&m, r->conf) == -1)
		return page_error(r, 503, M_ERR_503);
	if (strcmp(f.step, "org_consent") == 0)
		st = cb_org_consent(r, &m, &f);
	else if (code == NULL)
		st = oauth_refused(r, 403, M_OAUTH_FAILED, NULL);
	else if (strcmp(f.step, "mailbox") == 0)
		st = cb_mailbox(r, &m, &f, code);
	else
		st = cb_org_verify(r, &m, &f, code);
	msid_free(&m);
	if (st >= 400)
		(void)db_cmd(r->db, r->a, STMT_ASSESS_DROP_CONSENTING, 1,
		    arena_printf(r->a, "%lld", f.assessment_id));
	return st;
}
