/*
 * resp: the one place that writes response headers.  Every response,
 * errors included, carries the security headers: a CSP without inline
 * script, frame-ancestors 'none', nosniff, no referrer, COOP, no-store
 * (every page is personal or a form), and HSTS when the portal is
 * served over https.
 */
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "portal.h"
#include "util.h"

static const char *
reason(int st)
{
	switch (st) {
	case 200: return "OK";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 413: return "Content Too Large";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return st < 500 ? "Client Error" : "Server Error";
	}
}

/* The authority's origin for form-action: the OAuth redirects leave
 * through a form POST that answers 303 to Microsoft. */
static void
authority_origin(struct req *r, struct buf *b)
{
	const char	*a = r->conf->ms_authority, *p;
	size_t		 n;

	if ((p = strstr(a, "://")) == NULL)
		return;
	n = (size_t)(p + 3 - a) + strcspn(p + 3, "/");
	/* Config text, but still: nothing that could end the header. */
	if (memchr(a, '\r', n) != NULL || memchr(a, '\n', n) != NULL ||
	    memchr(a, ';', n) != NULL)
		return;
	buf_addc(b, ' ');
	buf_add(b, a, n);
}

void
resp_cookie(struct req *r, const char *name, const char *value,
    int max_age, int http_only)
{
	/* Values are our own tokens or a validated language code. */
	buf_addf(&r->headers, "Set-Cookie: %s%s=%s; Path=/; SameSite=Lax%s%s",
	    r->https && strcmp(name, "lang") != 0 ? "__Host-" : "", name,
	    value, http_only ? "; HttpOnly" : "", r->https ? "; Secure" : "");
	if (max_age >= 0)
		buf_addf(&r->headers, "; Max-Age=%d", max_age);
	buf_adds(&r->headers, "\r\n");
}

void
resp_headers(struct req *r, struct buf *out, int status)
{
	int	 st = status != 0 ? status : r->status;

	if (st == 0)
		st = 500;
	buf_addf(out, "Status: %d %s\r\n", st, reason(st));
	if (st == 303 && r->location != NULL) {
		/* Only our own absolute paths are ever redirected to here;
		 * Microsoft's URLs are built by the OAuth code. */
		if (r->location[0] == '/' && r->location[1] != '/' &&
		    r->location[1] != '\\' &&
		    strpbrk(r->location, "\r\n") == NULL)
			buf_addf(out, "Location: %s%s\r\n",
			    r->conf->base_url, r->location);
		else if (strpbrk(r->location, "\r\n") == NULL)
			buf_addf(out, "Location: %s\r\n", r->location);
	}
	if (r->new_pre && r->pre_value != NULL)
		resp_cookie(r, "pre", r->pre_value, -1, 1);
	buf_addf(out, "Content-Type: %s\r\n",
	    r->ctype != NULL ? r->ctype : "text/html; charset=utf-8");
	buf_addf(out, "Content-Language: %s\r\n", lang_code(r->lang));
	buf_adds(out, "Cache-Control: no-store\r\n");
	buf_adds(out, "Content-Security-Policy: default-src 'none'; "
	    "script-src 'self'; style-src 'self'; img-src 'self'; "
	    "connect-src 'self'; form-action 'self'");
	authority_origin(r, out);
	buf_adds(out, "; frame-ancestors 'none'; base-uri 'none'; "
	    "object-src 'none'\r\n");
	buf_adds(out, "X-Content-Type-Options: nosniff\r\n");
	buf_adds(out, "Referrer-Policy: no-referrer\r\n");
	buf_adds(out, "Cross-Origin-Opener-Policy: same-origin\r\n");
	buf_adds(out, "X-Frame-Options: DENY\r\n");
	if (r->https)
		buf_adds(out, "Strict-Transport-Security: max-age=31536000; "
		    "includeSubDomains\r\n");
	buf_add(out, r->headers.ptr, r->headers.len);
	buf_adds(out, "\r\n");
}
