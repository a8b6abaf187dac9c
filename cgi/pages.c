/*
 * pages: the route table and the checks every page shares.
 *
 * A route declares its methods, its flags and its fields.  Before a
 * handler runs, the dispatcher has: chosen the language, refused what
 * the route does not accept (404, 405), shown the unsupported-browser
 * page where it applies, parsed and validated the declared query and
 * form fields (anything undeclared is dropped; anything malformed is a
 * 400 page), loaded the session (303 to /signin when a page needs one),
 * and for a POST checked Origin / Sec-Fetch-Site and the CSRF token
 * (403).  The handler then only does its own work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "log.h"
#include "portal.h"
#include "util.h"

#define P_SESSION	0x01	/* needs a signed-in account */
#define P_SESSION_OPT	0x02	/* loads the session when there is one */
#define P_HTML		0x04	/* a page for browsers: UA check applies */
#define P_NOCSRF	0x08	/* a POST without a CSRF token (none yet) */

#define FIELDS_MAX	32

struct page {
	const char		*path;
	int			 methods;
	int			 flags;
	int			 (*handler)(struct req *);
	const struct field	*query;
	const struct field	*form;
};

/* Validators: pure functions of the (already UTF-8 checked) value. */

static int
v_text(const char *s)
{
	(void)s;
	return 1;
}

static int
v_one(const char *s)
{
	return strcmp(s, "1") == 0;
}

static int
v_token(const char *s)
{
	return *s != '\0' && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_") == strlen(s);
}

/* Any short tag: an unsupported language is ignored, not an error. */
static int
v_lang(const char *s)
{
	return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-")
	    == strlen(s);
}

static int
v_service(const char *s)
{
	return strcmp(s, "m365") == 0 || strcmp(s, "gsuite") == 0 ||
	    strcmp(s, "windows") == 0 || strcmp(s, "macos") == 0;
}

static const struct field q_lang[] = {
	{ "lang", v_lang, 16, 0 },
	{ NULL, NULL, 0, 0 }
};

static const struct field q_index[] = {
	{ "lang", v_lang, 16, 0 },
	{ "email", v_text, 254, 0 },
	{ NULL, NULL, 0, 0 }
};

static const struct field q_signin[] = {
	{ "lang", v_lang, 16, 0 },
	{ "email", v_text, 254, 0 },
	{ NULL, NULL, 0, 0 }
};

static const struct field f_signup[] = {
	{ "email", v_text, 254, 0 },
	{ "agree", v_one, 1, 0 },
	{ "csrf", v_token, 64, 0 },
	{ NULL, NULL, 0, 0 }
};

static const struct field f_confirm[] = {
	{ "email", v_text, 254, 0 },
	{ "csrf", v_token, 64, 0 },
	{ NULL, NULL, 0, 0 }
};

static const struct field f_signin[] = {
	{ "email", v_text, 254, 0 },
	{ "code", v_text, 40, 0 },
	{ "csrf", v_token, 64, 0 },
	{ NULL, NULL, 0, 0 }
};

static const struct field f_service[] = {
	{ "service", v_service, 16, 0 },
	{ "csrf", v_token, 64, 0 },
	{ NULL, NULL, 0, 0 }
};

static const struct field f_scope[] = {
	{ "scope", v_text, 16, 0 },
	{ "csrf", v_token, 64, 0 },
	{ NULL, NULL, 0, 0 }
};

/* What Microsoft may send to the redirect URI (MICROSOFT.md §1.2, §1.4);
 * error_description carries CR LF before its trace ids. */
static const struct field q_oauth[] = {
	{ "lang", v_lang, 16, 0 },
	{ "code", v_text, 8192, 0 },
	{ "state", v_text, 256, 0 },
	{ "session_state", v_text, 256, 0 },
	{ "error", v_text, 128, 0 },
	{ "error_description", v_text, 4096, 1 },
	{ "error_uri", v_text, 2048, 0 },
	{ "error_subcode", v_text, 128, 0 },
	{ "admin_consent", v_text, 16, 0 },
	{ "tenant", v_text, 128, 0 },
	{ "scope", v_text, 4096, 0 },
	{ "iss", v_text, 512, 0 },
	{ NULL, NULL, 0, 0 }
};

static const struct field f_csrf[] = {
	{ "csrf", v_token, 64, 0 },
	{ NULL, NULL, 0, 0 }
};

#include "pages_results.h"

static const struct page pages[] = {
	{ "/", M_GET | M_HEAD, P_HTML | P_SESSION_OPT, page_index, q_index,
	    NULL },
	{ "/signup", M_POST, P_HTML, page_signup, q_lang, f_signup },
	{ "/signup/confirm", M_POST, P_HTML, page_signup_confirm, q_lang,
	    f_confirm },
	{ "/signin", M_GET | M_HEAD | M_POST, P_HTML | P_SESSION_OPT,
	    page_signin, q_signin, f_signin },
	{ "/signout", M_POST, P_HTML | P_SESSION_OPT, page_signout, q_lang,
	    f_csrf },
	{ "/app", M_GET | M_HEAD, P_HTML | P_SESSION, page_app, q_lang,
	    NULL },
	{ "/app/service", M_POST, P_HTML | P_SESSION, page_app_service,
	    q_lang, f_service },
	{ "/app/scope", M_GET | M_HEAD | M_POST, P_HTML | P_SESSION,
	    page_app_scope, q_lang, f_scope },
	{ "/app/granted", M_GET | M_HEAD, P_HTML | P_SESSION,
	    page_app_granted, q_lang, NULL },
	{ "/app/start", M_POST, P_HTML | P_SESSION, page_app_start, q_lang,
	    f_csrf },
	{ "/app/cancel", M_POST, P_HTML | P_SESSION, page_app_cancel, q_lang,
	    f_csrf },
	{ "/app/started", M_GET | M_HEAD, P_HTML | P_SESSION,
	    page_app_started, q_lang, NULL },
	{ "/oauth/callback", M_GET, P_SESSION_OPT, page_oauth_callback,
	    q_oauth, NULL },
	/* /results and the reports: their fields and routes live in
	 * pages_results.h. */
	PAGES_RESULTS
	{ "/healthz", M_GET | M_HEAD, 0, page_healthz, NULL, NULL },
	/* nginx sends its own errors (413, 429, 5xx) here to be worded in
	 * the user's language. */
	{ "/_error/400", M_GET | M_HEAD | M_POST, P_NOCSRF, page_http_error,
	    NULL, NULL },
	{ "/_error/413", M_GET | M_HEAD | M_POST, P_NOCSRF, page_http_error,
	    NULL, NULL },
	{ "/_error/429", M_GET | M_HEAD | M_POST, P_NOCSRF, page_http_error,
	    NULL, NULL },
};

const char *
req_field(const struct req *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->nform; i++)
		if (strcmp(r->form[i].key, name) == 0)
			return r->form[i].val;
	return NULL;
}

const char *
req_query(const struct req *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->nquery; i++)
		if (strcmp(r->query[i].key, name) == 0)
			return r->query[i].val;
	return NULL;
}

/*
 * Parse "a=1&b=2" keeping only declared fields.  0 ok, -1 on malformed
 * input: a bad escape, a NUL, invalid UTF-8 or a control character, a
 * value over its cap, a field given twice, or too many fields.
 */
static int
parse_fields(struct req *r, const char *raw, size_t rawlen,
    const struct field *decl, struct kv **out, size_t *nout)
{
	struct kv	*kv;
	char		*s, *p, *next, *eq;
	size_t		 n = 0, i, j, parts = 0;
	long		 klen, vlen;

	*out = NULL;
	*nout = 0;
	if (raw == NULL || *raw == '\0')
		return 0;
	if (strlen(raw) != rawlen)
		return -1;		/* a raw NUL in the body */
	kv = arena_alloc(r->a, FIELDS_MAX * sizeof(*kv));
	s = arena_strndup(r->a, raw, rawlen);
	for (p = s; p != NULL && *p != '\0'; p = next) {
		if (++parts > 256)
			return -1;
		if ((next = strchr(p, '&')) != NULL)
			*next++ = '\0';
		if (*p == '\0')
			continue;
		if ((eq = strchr(p, '=')) != NULL)
			*eq++ = '\0';
		else
			eq = p + strlen(p);
		if ((klen = url_decode(p)) < 0 || (size_t)klen != strlen(p))
			return -1;
		if (decl == NULL)
			continue;
		for (i = 0; decl[i].name != NULL; i++)
			if (strcmp(decl[i].name, p) == 0)
				break;
		if (decl[i].name == NULL)
			continue;	/* undeclared: dropped */
		if ((vlen = url_decode(eq)) < 0 || (size_t)vlen != strlen(eq) ||
		    (size_t)vlen > decl[i].max ||
		    !str_valid_utf8(eq, (size_t)vlen, decl[i].multiline) ||
		    !decl[i].valid(eq))
			return -1;
		for (j = 0; j < n; j++)
			if (strcmp(kv[j].key, decl[i].name) == 0)
				return -1;
		if (n == FIELDS_MAX)
			return -1;
		kv[n].key = decl[i].name;
		kv[n].val = eq;
		n++;
	}
	*out = kv;
	*nout = n;
	return 0;
}

/* The origin of base_url: scheme://host[:port]. */
static int
same_origin(const struct req *r, const char *origin)
{
	const char	*b = r->conf->base_url, *p;
	size_t		 n;

	if ((p = strstr(b, "://")) == NULL)
		return 0;
	p += 3;
	n = (size_t)(p - b) + strcspn(p, "/");
	return strlen(origin) == n && strncmp(origin, b, n) == 0;
}

int
page_redirect(struct req *r, const char *path)
{
	r->location = arena_strdup(r->a, path);
	return 303;
}

int
page_error(struct req *r, int status, enum msgid m)
{
	buf_reset(&r->body);
	layout_begin(r, M_ERR_TITLE);
	layout_p(r, m, "error");
	layout_link(r, "/");
	layout_end(r);
	return status;
}

static int
page_unsupported(struct req *r)
{
	layout_begin(r, M_UNSUPPORTED_TITLE);
	layout_p(r, M_UNSUPPORTED_LEAD, NULL);
	html_raw(&r->body, "<ul class=\"browsers\"><li>Google Chrome</li>"
	    "<li>Mozilla Firefox</li><li>Microsoft Edge</li></ul>");
	layout_p(r, M_UNSUPPORTED_HELP, NULL);
	layout_end(r);
	return 200;
}

int
page_http_error(struct req *r)
{
	const char	*p = r->path + strlen("/_error/");

	if (strcmp(p, "413") == 0)
		return page_error(r, 413, M_ERR_413);
	if (strcmp(p, "429") == 0)
		return page_error(r, 429, M_ERR_429);
	return page_error(r, 400, M_ERR_400);
}

static int
dispatch(struct req *r)
{
	const struct page	*pg = NULL;
	const char		*lang;
	size_t			 i;
	int			 st;

	/* The language first: every answer, errors too, is worded in it. */
	if (parse_fields(r, r->query_raw, strlen(r->query_raw), q_lang,
	    &r->query, &r->nquery) == -1)
		r->nquery = 0;
	lang = req_query(r, "lang");
	r->lang = lang_choose(lang, r->cookie_lang, r->accept_lang,
	    r->conf->default_lang);
	r->lang_from_query = lang_parse(lang, &r->lang) == 0;
	if (r->lang_from_query)
		resp_cookie(r, "lang", lang_code(r->lang), 365 * 86400, 0);

	if (r->method == 0)
		return page_error(r, 405, M_ERR_405);
	for (i = 0; i < nitems(pages); i++)
		if (strcmp(pages[i].path, r->path) == 0) {
			pg = &pages[i];
			break;
		}
	if (pg == NULL) {
		/* Not one of ours: nothing of it is written back (the
		 * language switch of the 404 page leads to the start). */
		r->path = "/";
		r->query_raw = "";
		return page_error(r, 404, M_ERR_404);
	}
	if (pg->handler == page_http_error)
		return page_http_error(r);
	if (r->fail != 0)
		return page_error(r, r->fail, r->fail == 413 ? M_ERR_413 :
		    M_ERR_400);
	if ((pg->methods & r->method) == 0) {
		buf_adds(&r->headers, "Allow: ");
		buf_adds(&r->headers, pg->methods & M_POST ?
		    (pg->methods & M_GET ? "GET, HEAD, POST" : "POST") :
		    "GET, HEAD");
		buf_adds(&r->headers, "\r\n");
		return page_error(r, 405, M_ERR_405);
	}
	if ((pg->flags & P_HTML) && ua_unsupported(r->ua))
		return page_unsupported(r);
	if (parse_fields(r, r->query_raw, strlen(r->query_raw), pg->query,
	    &r->query, &r->nquery) == -1)
		return page_error(r, 400, M_ERR_400);
	if (r->method == M_POST && parse_fields(r, r->body_raw, r->body_len,
	    pg->form, &r->form, &r->nform) == -1)
		return page_error(r, 400, M_ERR_400);

	if (pg->flags & (P_SESSION | P_SESSION_OPT)) {
		if ((st = session_load(r)) == -1)
			return page_error(r, 503, M_ERR_503);
		if (!r->has_session && (pg->flags & P_SESSION))
			return page_redirect(r, "/signin");
	}
	if (r->method == M_POST && !(pg->flags & P_NOCSRF)) {
		/* Under Referrer-Policy: no-referrer a browser sends
		 * "Origin: null" with every form POST, its own too: then
		 * Sec-Fetch-Site and the token decide. */
		if ((r->origin != NULL && strcmp(r->origin, "null") != 0 &&
		    !same_origin(r, r->origin)) ||
		    (r->fetch_site != NULL &&
		    strcmp(r->fetch_site, "cross-site") == 0) ||
		    !csrf_check(r, req_field(r, "csrf"))) {
			log_info("portal: %s: csrf check failed from %s",
			    r->path, r->remote_addr ? r->remote_addr : "?");
			return page_error(r, 403, M_ERR_403);
		}
	}
	if (r->has_session && r->lang_from_query)
		(void)db_cmd(r->db, r->a, STMT_ACCOUNT_SET_LANG, 2,
		    arena_printf(r->a, "%lld", r->account_id),
		    lang_code(r->lang));
	return pg->handler(r);
}

void
pages_dispatch(struct req *r)
{
	int	 st;

	r->ctype = "text/html; charset=utf-8";
	st = dispatch(r);
	if (st >= 500 && st != 503)
		log_err("portal: %s: status %d", r->path, st);
	/* A handler that ran out of its page cap is a bug, not a page. */
	if (r->body.over) {
		log_err("portal: %s: page over its size cap", r->path);
		buf_release(&r->body);
		buf_init(&r->body, PAGE_MAX);
		st = page_error(r, 500, M_ERR_500);
	}
	r->status = st;
}
