/* msid: the token endpoint client (see msid.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cJSON.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "crypt.h"
#include "html.h"
#include "log.h"
#include "msid.h"
#include "util.h"

#define GLOBAL_ADMIN_ROLE	"62e90394-69f5-4237-9190-012177145e10"

int
msid_is_guid(const char *s)
{
	static const int dash[] = { 8, 13, 18, 23 };
	size_t	 i, d = 0;

	if (s == NULL || strlen(s) != 36)
		return 0;
	for (i = 0; i < 36; i++) {
		if (d < 4 && (int)i == dash[d]) {
			if (s[i] != '-')
				return 0;
			d++;
		} else if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F')))
			return 0;
	}
	return 1;
}

static int
load_cert(struct msid *m)
{
	FILE		*f;
	X509		*x;
	BIO		*bio;
	unsigned char	*der = NULL, h[32];
	char		*pem;
	int		 n;
	struct buf	 b = BUF_INIT;

	if ((f = fopen(m->conf->ms_cert_file, "r")) == NULL) {
		log_err("msid: cannot read %s", m->conf->ms_cert_file);
		return -1;
	}
	x = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	if (x == NULL || (n = i2d_X509(x, &der)) <= 0) {
		log_err("msid: %s: not a PEM certificate", m->conf->ms_cert_file);
		X509_free(x);
		return -1;
	}
	crypt_sha256(der, (size_t)n, h);
	crypt_b64url(h, sizeof(h), &b);
	m->x5t_s256 = buf_detach(&b, NULL);
	OPENSSL_free(der);
	X509_free(x);
	/* The private key is a secret like the others: a regular 0600
	 * file, read the same checked way. */
	if ((pem = conf_secret(m->conf->ms_cert_key_file)) == NULL)
		return -1;
	bio = BIO_new_mem_buf(pem, -1);
	m->key = bio != NULL ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) :
	    NULL;
	BIO_free(bio);
	crypt_wipe(pem, strlen(pem));
	free(pem);
	if (m->key == NULL) {
		log_err("msid: %s: not a PEM private key",
		    m->conf->ms_cert_key_file);
		return -1;
	}
	return 0;
}

int
msid_init(struct msid *m, const struct conf *c)
{
	memset(m, 0, sizeof(*m));
	m->conf = c;
	m->http.ca_file = c->ms_ca_file;
	m->http.allow_http = str_has_prefix(c->ms_authority, "http://") ||
	    str_has_prefix(c->graph_base, "http://");
	m->http.timeout_ms = 30000;
	m->http.max_body = 1024 * 1024;
	if (*c->ms_cert_file != '\0' && *c->ms_cert_key_file != '\0')
		return load_cert(m);
	if ((m->secret = conf_secret(c->ms_client_secret_file)) == NULL) {
		log_err("msid: no client secret (ms_client_secret_file) and no "
		    "certificate (ms_cert_file, ms_cert_key_file)");
		return -1;
	}
	return 0;
}

void
msid_free(struct msid *m)
{
	if (m->secret != NULL) {
		crypt_wipe(m->secret, strlen(m->secret));
		free(m->secret);
	}
	EVP_PKEY_free(m->key);
	free(m->x5t_s256);
	memset(m, 0, sizeof(*m));
}

static void
form_add(struct buf *b, const char *k, const char *v)
{
	if (b->len > 0)
		buf_addc(b, '&');
	buf_adds(b, k);
	buf_addc(b, '=');
	url_encode(b, v);
}

static void
b64url_str(const char *s, struct buf *out)
{
	crypt_b64url(s, strlen(s), out);
}

/* private_key_jwt: a PS256 assertion for the tenant's token URL. */
static int
assertion(struct msid *m, const char *token_url, struct buf *out)
{
	cJSON		*h, *p;
	char		*hs, *ps, jti[33];
	unsigned char	 rnd[16], sig[1024];
	size_t		 siglen = sizeof(sig);
	EVP_MD_CTX	*ctx;
	EVP_PKEY_CTX	*pctx;
	time_t		 now = time(NULL);
	int		 rc = -1;

	crypt_random(rnd, sizeof(rnd));
	hex_encode(rnd, sizeof(rnd), jti);
	h = cJSON_CreateObject();
	cJSON_AddStringToObject(h, "alg", "PS256");
	cJSON_AddStringToObject(h, "typ", "JWT");
	cJSON_AddStringToObject(h, "x5t#S256", m->x5t_s256);
	p = cJSON_CreateObject();
	cJSON_AddStringToObject(p, "aud", token_url);
	cJSON_AddStringToObject(p, "iss", m->conf->ms_client_id);
	cJSON_AddStringToObject(p, "sub", m->conf->ms_client_id);
	cJSON_AddStringToObject(p, "jti", jti);
	cJSON_AddNumberToObject(p, "nbf", (double)now);
	cJSON_AddNumberToObject(p, "iat", (double)now);
	cJSON_AddNumberToObject(p, "exp", (double)(now + 300));
	hs = cJSON_PrintUnformatted(h);
	ps = cJSON_PrintUnformatted(p);
	b64url_str(hs, out);
	buf_addc(out, '.');
	b64url_str(ps, out);
	if ((ctx = EVP_MD_CTX_new()) != NULL &&
	    EVP_DigestSignInit(ctx, &pctx, EVP_sha256(), NULL, m->key) == 1 &&
	    EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
	    EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1 &&
	    EVP_DigestSign(ctx, sig, &siglen, (unsigned char *)out->ptr,
	    out->len) == 1) {
		buf_addc(out, '.');
		crypt_b64url(sig, siglen, out);
		rc = 0;
	} else
		log_err("msid: cannot sign the client assertion");
	EVP_MD_CTX_free(ctx);
	cJSON_free(hs);
	cJSON_free(ps);
	cJSON_Delete(h);
	cJSON_Delete(p);
	return rc;
}

static char *
jstr(struct arena *a, const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? arena_strdup(a, v->valuestring) : NULL;
}

static void
parse_error(const struct http_resp *r, struct msid_error *e)
{
	cJSON		*j, *v;

	e->status = (int)r->status;
	snprintf(e->error, sizeof(e->error), "%s", r->status == 0 ?
	    "network" : "unexpected_response");
	if (r->status == 0)
		snprintf(e->description, sizeof(e->description), "%s",
		    r->error);
	if ((j = cJSON_Parse(r->body.ptr)) == NULL)
		return;
	v = cJSON_GetObjectItemCaseSensitive(j, "error");
	if (cJSON_IsString(v))
		snprintf(e->error, sizeof(e->error), "%s", v->valuestring);
	v = cJSON_GetObjectItemCaseSensitive(j, "error_description");
	if (cJSON_IsString(v)) {
		snprintf(e->description, sizeof(e->description), "%s",
		    v->valuestring);
		e->description[strcspn(e->description, "\r\n")] = '\0';
	}
	v = cJSON_GetObjectItemCaseSensitive(j, "error_codes");
	if (cJSON_IsArray(v) && cJSON_IsNumber(cJSON_GetArrayItem(v, 0)))
		e->aadsts = (long)cJSON_GetArrayItem(v, 0)->valuedouble;
	else if (strncmp(e->description, "AADSTS", 6) == 0)
		e->aadsts = strtol(e->description + 6, NULL, 10);
	cJSON_Delete(j);
}

static int
token_call(struct msid *m, struct arena *a, const char *tenant,
    struct buf *form, struct msid_token *tok, struct msid_error *err)
{
	struct http_resp r;
	struct buf	 url = BUF_INIT, as = BUF_INIT;
	const char	*hdrs[] = {
		"Content-Type: application/x-www-form-urlencoded",
		"Accept: application/json", NULL
	};
	cJSON		*j = NULL, *v;
	int		 rc = -1;

	memset(tok, 0, sizeof(*tok));
	memset(err, 0, sizeof(*err));
	buf_addf(&url, "%s/", m->conf->ms_authority);
	url_encode(&url, tenant);
	buf_adds(&url, "/oauth2/v2.0/token");
	form_add(form, "client_id", m->conf->ms_client_id);
	if (m->key != NULL) {
		if (assertion(m, url.ptr, &as) == -1) {
			snprintf(err->error, sizeof(err->error), "assertion");
			goto out;
		}
		form_add(form, "client_assertion_type",
		    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		form_add(form, "client_assertion", as.ptr);
	} else
		form_add(form, "client_secret", m->secret);
	http_resp_init(&r);
	if (form->over) {
		snprintf(err->error, sizeof(err->error), "request_too_large");
		goto done;
	}
	(void)http_request(&m->http, "POST", url.ptr, hdrs, form->ptr, &r);
	if (r.status != 200) {
		parse_error(&r, err);
		goto done;
	}
	if ((j = cJSON_Parse(r.body.ptr)) == NULL ||
	    (tok->access_token = jstr(a, j, "access_token")) == NULL) {
		snprintf(err->error, sizeof(err->error), "malformed_response");
		err->status = (int)r.status;
		goto done;
	}
	tok->refresh_token = jstr(a, j, "refresh_token");
	tok->id_token = jstr(a, j, "id_token");
	tok->scope = jstr(a, j, "scope");
	v = cJSON_GetObjectItemCaseSensitive(j, "expires_in");
	if (cJSON_IsNumber(v))
		tok->expires_in = (long)v->valuedouble;
	else if (cJSON_IsString(v))
		tok->expires_in = strtol(v->valuestring, NULL, 10);
	if (tok->expires_in <= 0 || tok->expires_in > 7 * 86400)
		tok->expires_in = 3600;
	rc = 0;
done:
	if (j != NULL)
		cJSON_Delete(j);
	crypt_wipe(r.body.ptr, r.body.len);
	http_resp_free(&r);
out:
	crypt_wipe(form->ptr, form->len);
	crypt_wipe(as.ptr, as.len);
	buf_release(&as);
	buf_release(&url);
	return rc;
}

int
msid_redeem(struct msid *m, struct arena *a, const char *tenant,
    const char *code, const char *verifier, const char *redirect_uri,
    const char *scope, struct msid_token *tok, struct msid_error *err)
{
	struct buf	 f = BUF_INIT;
	int		 rc;

	form_add(&f, "grant_type", "authorization_code");
	form_add(&f, "code", code);
	form_add(&f, "redirect_uri", redirect_uri);
	if (verifier != NULL)
		form_add(&f, "code_verifier", verifier);
	if (scope != NULL)
		form_add(&f, "scope", scope);
	rc = token_call(m, a, tenant, &f, tok, err);
	buf_release(&f);
	return rc;
}

int
msid_refresh(struct msid *m, struct arena *a, const char *tenant,
    const char *refresh_token, const char *scope, struct msid_token *tok,
    struct msid_error *err)
{
	struct buf	 f = BUF_INIT;
	int		 rc;

	form_add(&f, "grant_type", "refresh_token");
	form_add(&f, "refresh_token", refresh_token);
	if (scope != NULL)
		form_add(&f, "scope", scope);
	rc = token_call(m, a, tenant, &f, tok, err);
	buf_release(&f);
	return rc;
}

int
msid_app_token(struct msid *m, struct arena *a, const char *tenant,
    struct msid_token *tok, struct msid_error *err)
{
	struct buf	 f = BUF_INIT;
	int		 rc;

	form_add(&f, "grant_type", "client_credentials");
	form_add(&f, "scope", "https://graph.microsoft.com/.default");
	rc = token_call(m, a, tenant, &f, tok, err);
	buf_release(&f);
	return rc;
}

int
msid_claims(struct arena *a, const char *jwt, struct msid_claims *c)
{
	const char	*p, *q;
	struct buf	 b = BUF_INIT;
	cJSON		*j, *v, *it;
	char		*part;
	int		 rc = -1;

	memset(c, 0, sizeof(*c));
	if (jwt == NULL || (p = strchr(jwt, '.')) == NULL ||
	    (q = strchr(p + 1, '.')) == NULL || q - p > 65536)
		return -1;
	part = arena_strndup(a, p + 1, (size_t)(q - p - 1));
	if (crypt_b64url_decode(part, &b) == -1 ||
	    (j = cJSON_Parse(b.ptr)) == NULL) {
		buf_release(&b);
		return -1;
	}
	c->tid = jstr(a, j, "tid");
	c->oid = jstr(a, j, "oid");
	c->preferred_username = jstr(a, j, "preferred_username");
	c->email = jstr(a, j, "email");
	c->name = jstr(a, j, "name");
	c->nonce = jstr(a, j, "nonce");
	c->iss = jstr(a, j, "iss");
	v = cJSON_GetObjectItemCaseSensitive(j, "aud");
	c->aud = cJSON_IsString(v) ? arena_strdup(a, v->valuestring) : NULL;
	v = cJSON_GetObjectItemCaseSensitive(j, "exp");
	/* Seconds since 1970; anything else (1e300, -1, NaN) reads as 0,
	 * an expired token, rather than overflowing the conversion. */
	c->exp = cJSON_IsNumber(v) && v->valuedouble >= 0 &&
	    v->valuedouble < 1e12 ? (long long)v->valuedouble : 0;
	v = cJSON_GetObjectItemCaseSensitive(j, "wids");
	cJSON_ArrayForEach(it, v)
		if (cJSON_IsString(it) &&
		    str_casecmp(it->valuestring, GLOBAL_ADMIN_ROLE) == 0)
			c->global_admin = 1;
	rc = c->tid != NULL ? 0 : -1;
	cJSON_Delete(j);
	buf_release(&b);
	return rc;
}
