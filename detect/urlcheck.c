/*
 * urlcheck: what is wrong with each URL of the message.  Feeds first
 * (exact URL, host, domain), then the heuristics; open redirects are
 * followed to their target, which is checked in turn.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "internal.h"
#include "util.h"


/* Percent-decode (once or twice, as redirect chains nest) into arena. */
static char *
pct_decode(struct detect_scan *s, const char *p, size_t n)
{
	char	*out = arena_alloc(&s->a, n + 1);
	size_t	 i, o = 0;

	for (i = 0; i < n; i++) {
		if (p[i] == '%' && i + 2 < n + 0 && hex_value((unsigned char)p[i +
		    1]) >= 0 && hex_value((unsigned char)p[i + 2]) >= 0) {
			out[o++] = (char)(hex_value((unsigned char)p[i + 1]) * 16 +
			    hex_value((unsigned char)p[i + 2]));
			i += 2;
		} else
			out[o++] = p[i] == '+' ? ' ' : p[i];
	}
	out[o] = '\0';
	return out;
}

/* v as base64 or base64url of an http(s) URL, after a prefix of up to
 * three characters (Bing's click links: u=a1aHR0cHM6Ly9...), or NULL. */
static const char *
b64_url(struct detect_scan *s, const char *v)
{
	size_t	 n = strlen(v), k, i;

	if (n < 16 || n > 4096)
		return NULL;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)v[i]) && v[i] != '-' &&
		    v[i] != '_' && v[i] != '+' && v[i] != '/' && v[i] != '=')
			return NULL;
	for (k = 0; k <= 3; k++) {
		struct buf	 b;
		const char	*u = NULL;

		/* "http" is "aHR0c" from a multiple of four, "HTTP"
		 * "SFRUU". */
		if (strncmp(v + k, "aHR0c", 5) != 0 &&
		    strncmp(v + k, "SFRUU", 5) != 0)
			continue;
		buf_init(&b, n);
		b64_decode_buf(v + k, n - k, &b);
		if ((b.len > 7 && str_ncasecmp(b.ptr, "http://", 7) == 0) ||
		    (b.len > 8 && str_ncasecmp(b.ptr, "https://", 8) == 0))
			u = arena_strndup(&s->a, b.ptr, strnlen(b.ptr, b.len));
		buf_release(&b);
		if (u != NULL)
			return u;
	}
	return NULL;
}

/* The first query parameter whose value is an http(s) URL, written out or
 * in base64. */
static const char *
redirect_target(struct detect_scan *s, const char *path)
{
	const char	*q = strchr(path, '?'), *p, *t;
	size_t		 pl = q != NULL ? (size_t)(q - path) : strcspn(path, "#");

	/* A URL written into the path after a '*' (Yandex's
	 * clck.yandex.ru/redir/.../ *https://x) or after a segment that
	 * names a redirect ("/r/", "/redirect/", "/go/", "/out/",
	 * "/click/"...: trackers' /r/https://x), as written or %-encoded.
	 * An archive's copy (web.archive.org/web/2024/https://x) or a
	 * reader's view of a page is no redirect: it is quoted. */
	for (p = path; p < path + pl; p++) {
		static const char *const seg[] = { "r", "rd", "redir",
		    "redirect", "go", "out", "away", "click", "link", "url",
		    "to", "jump", "exit", "track", "l", "c", NULL };
		const char *b = p;
		size_t k;

		if ((*p != '/' && *p != '*') || p + 1 >= path + pl)
			continue;
		t = p + 1;
		if (!(str_ncasecmp(t, "http://", 7) == 0 ||
		    str_ncasecmp(t, "https://", 8) == 0 ||
		    str_ncasecmp(t, "http%3a%2f%2f", 13) == 0 ||
		    str_ncasecmp(t, "https%3a%2f%2f", 14) == 0 ||
		    str_ncasecmp(t, "http%253a%252f%252f", 19) == 0 ||
		    str_ncasecmp(t, "https%253a%252f%252f", 20) == 0))
			continue;
		if (*p == '/') {
			while (b > path && b[-1] != '/')
				b--;
			for (k = 0; seg[k] != NULL; k++)
				if ((size_t)(p - b) == strlen(seg[k]) &&
				    str_ncasecmp(b, seg[k], (size_t)(p - b)) == 0)
					break;
			if (b == path || seg[k] == NULL)
				continue;
		}
		if (t[4] == '%' || t[5] == '%') {
			char *v = pct_decode(s, t, strcspn(t, "?#"));

			/* Encoded twice: http%253A%252F%252F. */
			return strncmp(v, "http%", 5) == 0 ||
			    strncmp(v, "https%", 6) == 0 ?
			    pct_decode(s, v, strlen(v)) : v;
		}
		return arena_printf(&s->a, "%s", t);
	}
	if (q == NULL)
		return NULL;
	/* The whole query a URL (DoubleClick's "...;tfua=?https://x"). */
	if (str_ncasecmp(q + 1, "http://", 7) == 0 ||
	    str_ncasecmp(q + 1, "https://", 8) == 0 ||
	    str_ncasecmp(q + 1, "http%3a", 7) == 0 ||
	    str_ncasecmp(q + 1, "https%3a", 8) == 0) {
		char *v = pct_decode(s, q + 1, strcspn(q + 1, "#"));

		if (strncmp(v, "http%", 5) == 0)
			v = pct_decode(s, v, strlen(v));
		return v;
	}
	for (p = q + 1; *p != '\0' && *p != '#';) {
		size_t	 n = strcspn(p, "&#");
		const char *eq = memchr(p, '=', n);

		if (eq != NULL) {
			char *v = pct_decode(s, eq + 1, n - (size_t)(eq + 1 - p));

			/* A value that is itself "url=..." (Yandex's
			 * clck: data=url%3Dhttps%253A...). */
			if (str_ncasecmp(v, "url=", 4) == 0)
				v = pct_decode(s, v + 4, strcspn(v + 4, "&"));
			if (strncmp(v, "http%", 5) == 0)
				v = pct_decode(s, v, strlen(v));
			if (str_ncasecmp(v, "http://", 7) == 0 ||
			    str_ncasecmp(v, "https://", 8) == 0 ||
			    str_ncasecmp(v, "https:\\", 7) == 0)
				return v;
			if ((t = b64_url(s, v)) != NULL)
				return t;
		}
		p += n;
		if (*p == '&')
			p++;
	}
	return NULL;
}

/* The value of query parameter name in path, percent-decoded, or NULL. */
static const char *
query_value(struct detect_scan *s, const char *path, const char *name)
{
	const char	*p = strchr(path, '?');
	size_t		 nl = strlen(name);

	if (p == NULL)
		return NULL;
	for (p++; *p != '\0' && *p != '#';) {
		size_t n = strcspn(p, "&#");

		if (n > nl && p[nl] == '=' && str_ncasecmp(p, name, nl) == 0)
			return pct_decode(s, p + nl + 1, n - nl - 1);
		p += n;
		if (*p == '&')
			p++;
	}
	return NULL;
}

/* Do two registrable domains have the same label (grammarly.com and
 * grammarly.io)? */
static int
same_label(const char *a, const char *b)
{
	size_t	 la = strcspn(a, "."), lb = strcspn(b, ".");

	return la == lb && la >= 4 && strncmp(a, b, la) == 0;
}

/*
 * OAuth consent phishing: a link straight to an identity provider's
 * authorize endpoint that asks the reader to grant an application lasting
 * access (offline access, mail, files, everything it was given:
 * ".default", or consent asked outright) and hands the grant to a site
 * that is not the provider's, a brand's, the organisation's, a
 * correspondent's or the sender's.  The consent page is the provider's
 * own: nothing on it looks wrong, and no password is asked.  What is
 * asked, when it is one.
 */
static const char *
oauth_consent(struct detect_scan *s, const struct durl *u, const char **to)
{
	static const char *const idp[] = { "login.microsoftonline.com",
	    "login.microsoft.com", "login.live.com", "login.windows.net",
	    "login.microsoftonline.us", "login.partner.microsoftonline.cn",
	    "accounts.google.com", NULL };
	static const char *const wide[] = { "offline_access", ".default",
	    "mail.", "files.", "mailboxsettings", "sites.", "notes.",
	    "user.readwrite", "directory.", "mail.google.com",
	    "/auth/gmail", "/auth/drive", NULL };
	const char	*cid, *ru, *scope, *prompt, *h, *reg, *fdom;
	char		 host[256];
	size_t		 i;
	int		 consent;

	for (i = 0; idp[i] != NULL; i++)
		if (strcmp(u->host, idp[i]) == 0)
			break;
	/* Its authorize endpoint (/oauth2/authorize, /o/oauth2/auth,
	 * /signin/oauth) or its admin consent (/adminconsent). */
	if (idp[i] == NULL || (strstr(u->path, "oauth") == NULL &&
	    strstr(u->path, "adminconsent") == NULL))
		return NULL;
	cid = query_value(s, u->path, "client_id");
	ru = query_value(s, u->path, "redirect_uri");
	if (cid == NULL || ru == NULL || *cid == '\0' ||
	    (h = strstr(ru, "://")) == NULL)
		return NULL;
	h += 3;
	snprintf(host, sizeof(host), "%.*s", (int)strcspn(h, "/:?#"), h);
	str_lower(host);
	scope = query_value(s, u->path, "scope");
	/* "ConsentFix": a first-party application's sign-in whose code
	 * comes back to the reader's own machine (localhost) or to the
	 * provider's page for native clients, for the reader to copy and
	 * paste to the sender: a link no service mails. */
	if (strcmp(host, "localhost") == 0 || strcmp(host, "127.0.0.1") ==
	    0 || strstr(ru, "nativeclient") != NULL) {
		*to = arena_strdup(&s->a, host);
		return scope != NULL ? text_clip(&s->a, scope, 120) :
		    "a sign-in code to copy back";
	}
	if (host[0] == '\0' || strchr(host, '.') == NULL)
		return NULL;
	reg = dom_registrable(s, host);
	fdom = s->m->from.domain;
	/* The sender's own application, its grant to its own domain or
	 * to its name under another top-level domain (grammarly.io from
	 * grammarly.com), on its authentic mail; the organisation's or a
	 * correspondent's own authentic mail (its IT asking to consent to
	 * a tool, a partner's application on a cloud). */
	if (dom_is_own(s, host) || dom_is_corr(s, host) ||
	    brand_of_sender(s->eng, reg) >= 0 || (fdom != NULL &&
	    s->authentic && (dom_is_own(s, fdom) || dom_is_corr(s, fdom) ||
	    same_label(reg, dom_registrable(s, fdom)))))
		return NULL;
	prompt = query_value(s, u->path, "prompt");
	consent = strstr(u->path, "adminconsent") != NULL || (prompt != NULL &&
	    strstr(prompt, "consent") != NULL);
	if (scope != NULL) {
		char *sc = arena_strdup(&s->a, scope);

		str_lower(sc);
		for (i = 0; wide[i] != NULL; i++)
			if (strstr(sc, wide[i]) != NULL)
				break;
		if (wide[i] != NULL || consent) {
			*to = arena_strdup(&s->a, host);
			return text_clip(&s->a, scope, 120);
		}
	}
	if (!consent)
		return NULL;
	*to = arena_strdup(&s->a, host);
	return "consent";
}

static int
suffix_in(const struct hset *h, const char *host, const char **hit)
{
	const char	*p = host;

	while (p != NULL) {
		if (hset_get(h, p, strlen(p), NULL)) {
			if (hit != NULL)
				*hit = p;
			return 1;
		}
		p = strchr(p, '.');
		if (p != NULL)
			p++;
	}
	return 0;
}

/*
 * Is u a shortener's link: its host one (bit.ly), or a path of a site
 * that shortens (LinkedIn's /slink?code=, which only LinkedIn resolves)?
 * The shortener's name into *hit.
 */
static int
is_shortener(const struct detect_engine *e, const struct durl *u,
    const char **hit)
{
	if (suffix_in(&e->shorteners, u->host, hit))
		return 1;
	if (strcmp(u->domain, "linkedin.com") == 0 &&
	    strncmp(u->path, "/slink", 6) == 0 && (u->path[6] == '?' ||
	    u->path[6] == '/')) {
		if (hit != NULL)
			*hit = "linkedin.com/slink";
		return 1;
	}
	return 0;
}

/* An IPv6 literal ("[...]") on no public network: loopback, link- or
 * site-local, unique local, unspecified; one that maps or embeds an
 * IPv4 address (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d) is that
 * address, in ipv4 when not NULL. */
static int
private_ip6(const char *h, char ipv4[INET_ADDRSTRLEN])
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0, 0xff, 0xff }, nat64[12] = { 0, 0x64, 0xff, 0x9b };
	unsigned char	 a[16];
	char		 t[64];
	size_t		 n = strcspn(h + 1, "]%");

	if (n >= sizeof(t))
		return 1;
	memcpy(t, h + 1, n);
	t[n] = '\0';
	if (inet_pton(AF_INET6, t, a) != 1)
		return 1;
	if (memcmp(a, mapped, 12) == 0 || memcmp(a, nat64, 12) == 0 ||
	    (memcmp(a, mapped, 10) == 0 && a[10] == 0 && a[11] == 0 &&
	    (a[12] | a[13]) != 0)) {
		if (ipv4 != NULL)
			inet_ntop(AF_INET, a + 12, ipv4, INET_ADDRSTRLEN);
		return 2;
	}
	/* Global unicast is 2000::/3. */
	return (a[0] & 0xe0) != 0x20;
}

static int
private_ip(const char *h)
{
	long	 b;
	char	 v4[INET_ADDRSTRLEN];
	int	 r;

	if (h[0] == '[') {
		if ((r = private_ip6(h, v4)) != 2)
			return r;
		h = v4;
	}
	b = strncmp(h, "172.", 4) == 0 ? strtol(h + 4, NULL, 10) : 0;
	return strncmp(h, "10.", 3) == 0 || strncmp(h, "127.", 4) == 0 ||
	    strncmp(h, "192.168.", 8) == 0 || strncmp(h, "169.254.", 8) == 0 ||
	    (b >= 16 && b <= 31) || strncmp(h, "0.", 2) == 0;
}

/*
 * A host name made of an IPv4 address, four numbers of 0 to 255 apart by
 * dots or hyphens and followed by more of the name: the generic name a
 * provider gives a rented server (97.74.91.240.host.example.net,
 * ec2-3-138-125-44.compute.example.com, shop.168-119-251-236.example.page).
 * The address, dotted, in out; 0 when there is none.
 */
static int
ip_in_host(const char *h, char out[16])
{
	const char	*p, *q;
	long		 v[4];
	int		 i;
	char		*end;

	for (p = h; *p != '\0'; p++) {
		if ((p != h && p[-1] != '.' && p[-1] != '-') ||
		    *p < '0' || *p > '9')
			continue;
		for (q = p, i = 0; i < 4; i++) {
			if (*q < '0' || *q > '9')
				break;
			v[i] = strtol(q, &end, 10);
			if (end - q > 3 || v[i] > 255 || (*end != '.' &&
			    *end != '-'))
				break;
			q = end + 1;
		}
		if (i == 4 && *q != '\0') {
			snprintf(out, 16, "%ld.%ld.%ld.%ld", v[0], v[1], v[2],
			    v[3]);
			return 1;
		}
	}
	return 0;
}

/* Does the URL say where it goes (a link the reader follows)? */
/* The link's host is a public IP address, bare or written into a
 * server's name ("ec2-52-1-2-3.compute-1.amazonaws.com"). */
static int
public_ip_host(const struct durl *u)
{
	char	 ip[16];

	return (u->is_ip && !private_ip(u->host)) ||
	    (ip_in_host(u->host, ip) && !private_ip(ip));
}

static int
followed(const struct durl *u)
{
	return u->origin != UO_SRC && u->origin != UO_CSS;
}

/* The length of the Unicode space at p that shows as a blank (no-break,
 * en to zero-width, narrow, ideographic, the byte order mark), or 0. */
static size_t
uspace(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (u[0] == 0xe2 && u[1] == 0x80 && ((u[2] >= 0x80 && u[2] <= 0x8b) ||
	    u[2] == 0xaf))
		return 3;
	if ((u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80) || (u[0] == 0xef &&
	    u[1] == 0xbb && u[2] == 0xbf) || (u[0] == 0xe2 && u[1] == 0x81 &&
	    u[2] == 0x9f))
		return 3;
	return 0;
}

/* Is the space at p one of no width (inside a word, it splits none)? */
static int
zero_width(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return (u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0x8b) ||
	    (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf);
}

/* Is ext (".pdf") the extension of a file people send or link? */
static int
file_ext(const char *ext)
{
	static const char *const exts[] = { "pdf", "doc", "docx", "docm",
	    "dot", "dotx", "xls", "xlsx", "xlsm", "xlsb", "ppt", "pptx",
	    "pptm", "odt", "ods", "odp", "rtf", "txt", "csv", "htm", "html",
	    "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "svg", "heic",
	    "eml", "msg", "ics", "vcf", "xml", "json", "log", "zip", "rar",
	    "7z", "gz", "tgz", "iso", "img", "exe", "msi", "js", "vbs", "hta",
	    "lnk", "one", "mov", "mp4", "mp3", "wav", "m4a", NULL };
	char	 low[8];
	size_t	 n;

	if (ext == NULL || *ext++ != '.' || (n = strlen(ext)) >= sizeof(low))
		return 0;
	memcpy(low, ext, n + 1);
	str_lower(low);
	return str_in_list(low, exts);
}

/* A domain-looking token shown as link text, or NULL. */
static const char *
text_domain(struct detect_scan *s, const char *t)
{
	struct durl	 d;
	const char	*p;
	char		 tok[300];
	size_t		 n;

	while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '<' ||
	    *t == '[' || uspace(t) > 0)
		t += uspace(t) > 0 ? uspace(t) : 1;
	for (n = 0; t[n] != '\0' && strchr(" \t\r\n<>\"'[]", t[n]) == NULL &&
	    (uspace(t + n) == 0 || zero_width(t + n)); n++)
		;
	if (n < 4 || n >= sizeof(tok) - 8)
		return NULL;
	/* Only text that is a URL or a bare domain, not a sentence. */
	for (p = t + n; *p != '\0'; p += uspace(p) > 0 ? uspace(p) : 1)
		if (strchr(" \t\r\n>]", *p) == NULL && uspace(p) == 0)
			return NULL;
	memcpy(tok, t, n);
	tok[n] = '\0';
	p = strchr(tok, '.');
	if (p == NULL || p == tok || p[1] == '\0' || strchr(tok, '@'))
		return NULL;
	if (strstr(tok, "://") == NULL && str_ncasecmp(tok, "www.", 4) != 0) {
		char tmp[320];

		/* A bare "paypal.com": must end in letters. */
		if (!((tok[n - 1] | 0x20) >= 'a' && (tok[n - 1] | 0x20) <= 'z'))
			return NULL;
		snprintf(tmp, sizeof(tmp), "http://%s", tok);
		if (url_parse(s, tmp, strlen(tmp), &d) == -1)
			return NULL;
	} else if (url_parse(s, tok, n, &d) == -1)
		return NULL;
	if (d.host == NULL || d.is_ip)
		return NULL;
	/* It must end in a known public suffix to be a domain at all. */
	if (strcmp(d.domain, d.host) == 0 && strchr(d.host, '.') == NULL)
		return NULL;
	/* Shown bare, a file's name is no domain: "Budget_2027.xlsx",
	 * "PO-44817.pdf", and "report.zip" or "clip.mov" under the two
	 * top-level domains named as files are; "notes_q3.zip" holds an
	 * underscore no registered name has ("secure_login.paypal.com" is
	 * PayPal's name shown). */
	if (strstr(tok, "://") == NULL && str_ncasecmp(tok, "www.", 4) != 0 &&
	    (strchr(d.domain, '_') != NULL || file_ext(strrchr(d.host, '.'))))
		return NULL;
	return d.domain;
}

/*
 * Link text that is a document's file name ("anexo5587.pdf", "Contrato
 * assinado.docx"): its extension into ext, 1 when so.  One line of at
 * most 100 bytes that ends in a document's or an archive's extension
 * after a name.
 */
static int
text_file(const char *t, char *ext, size_t extsz)
{
	static const char *const exts[] = { "pdf", "doc", "docx", "docm",
	    "xls", "xlsx", "xlsm", "ppt", "pptx", "odt", "ods", "rtf", "zip",
	    "rar", "7z", NULL };
	const char	*e, *dot;
	char		 low[8];
	size_t		 n;

	while (*t == ' ' || *t == '\t' || *t == '\n')
		t++;
	for (n = strlen(t); n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t' ||
	    t[n - 1] == '\n'); n--)
		;
	if (n < 5 || n > 100 || memchr(t, '\n', n) != NULL ||
	    memchr(t, '/', n) != NULL)
		return 0;
	for (dot = NULL, e = t; e < t + n; e++)
		if (*e == '.')
			dot = e;
	if (dot == NULL || dot == t || dot[-1] == ' ')
		return 0;
	if ((size_t)(t + n - dot - 1) >= sizeof(low))
		return 0;
	snprintf(low, sizeof(low), "%.*s", (int)(t + n - dot - 1), dot + 1);
	str_lower(low);
	if (!str_in_list(low, exts))
		return 0;
	snprintf(ext, extsz, ".%s", low);
	return 1;
}

/*
 * A mailing service's click tracker that names the shown domain as where
 * it goes (user.com/emails/c/...?to=https://lukka.tech/...): the text
 * tells the truth.  Where the tracker then sends the reader is checked
 * as a link of its own (check_one adds the target).
 */
static int
tracks_to(struct detect_scan *s, const struct durl *u, const char *shown)
{
	const char	*tgt = redirect_target(s, u->path);
	struct durl	 d;

	return tgt != NULL && url_parse(s, tgt, strlen(tgt), &d) == 0 &&
	    d.domain != NULL && strcmp(d.domain, shown) == 0;
}

/*
 * The brand the mail is from: its From under a brand's domain (not the
 * brand's free mail) that Exchange Online did not find forged; or -1.
 */
static int
sender_brand(struct detect_scan *s)
{
	const char	*fdom = s->m->from.domain, *freg;

	if (fdom == NULL || finding_has(s, R_SPOOF_BRAND))
		return -1;
	freg = dom_registrable(s, fdom);
	if (dom_is_freemail(s->eng, freg))
		return -1;
	return brand_of_sender(s->eng, freg);
}

/*
 * AWS's notification service, sns.<region>.amazonaws.com: its own
 * subscription pages (every SNS mail links to them to unsubscribe), under
 * a domain that is otherwise its customers' (buckets, servers).  A
 * region is two letters, a word and a number ("ap-northeast-1"); a
 * bucket called sns is sns.s3.amazonaws.com.
 */
/* host is a site on a shared service named as the registrable domain
 * freg is: see below. */
static int	named_as(const char *, const char *);

/*
 * Is host the SharePoint or OneDrive of a correspondent the mail is from
 * or asks replies to (SharePoint's own notice of a file one of its
 * people shared replies to that person): fabrikam-my.sharepoint.com on
 * mail from fabrikam.com is its own storage, not anyone's.
 */
static int
corr_sharepoint(struct detect_scan *s, const char *host)
{
	const struct dmsg	*m = s->m;
	const char		*reg, *rest;
	int			 i;

	for (i = -1; i <= m->nreply_more; i++) {
		const struct daddr *r = i < 0 ? &m->from : i == 0 ?
		    &m->reply_to : &m->reply_more[i - 1];

		if (r->domain == NULL || !dom_is_corr(s, r->domain))
			continue;
		reg = dom_registrable(s, r->domain);
		if ((rest = host_named(host, reg, strcspn(reg, "."))) !=
		    NULL && strcmp(rest, ".sharepoint.com") == 0)
			return 1;
	}
	return 0;
}

static int
aws_sns(const char *host)
{
	const char	*r = host + 4, *dot;
	size_t		 n;

	if (strncmp(host, "sns.", 4) != 0 || (dot = strchr(r, '.')) == NULL ||
	    strcmp(dot, ".amazonaws.com") != 0)
		return 0;
	n = (size_t)(dot - r);
	return n >= 9 && r[0] >= 'a' && r[0] <= 'z' && r[1] >= 'a' &&
	    r[1] <= 'z' && r[2] == '-' && r[n - 1] >= '0' && r[n - 1] <= '9' &&
	    r[n - 2] == '-' && strspn(r, "abcdefghijklmnopqrstuvwxyz0123456789-")
	    == n;
}

struct bin {
	const struct detect_engine	*e;
	const char			*h;
	size_t				 n;
	int				 found;
	size_t				 start, end;	/* where it was found */
};

/* Words that phishing puts next to a brand in a host name. */
static int
phishy_host(const char *h)
{
	static const char *const w[] = { "login", "logon", "signin",
	    "sign-in", "secure", "security", "verify", "verification",
	    "account", "update", "support", "service", "auth", "billing",
	    "wallet", "confirm", "online", "portal", "help", "center",
	    "recovery", "unlock", "payment", "webmail", "helpdesk", "id-",
	    "-id", ".com-", ".com.", "-com.", "customer", "alert", "notice",
	    "app-", "-app", "official", "claim", "reward", "gift", "bonus",
	    "delivery", "tracking", "parcel", "shipping", "check",
	    "-jp", "-co-", "verif", "session", "token", "access", "scanner",
	    "-scan", "scan-" };
	size_t	 i;

	for (i = 0; i < nitems(w); i++)
		if (strstr(h, w[i]) != NULL)
			return 1;
	return 0;
}

static int
bin_cb(void *arg, int id, size_t start, size_t end)
{
	struct bin	*b = arg;
	char		 before = start > 0 ? b->h[start - 1] : '.';
	char		 after = end < b->n ? b->h[end] : '.';

	if (id & 1)
		return 0;	/* weak names are common words */
	if (end - start < 5)
		return 0;
	if ((before >= 'a' && before <= 'z') || (after >= 'a' && after <= 'z'))
		return 0;
	b->found = id >> 1;
	b->start = start;
	b->end = end;
	return 1;
}

/* The brand as the host writes it: "sharepoint (Microsoft)" when the
 * name found is another of the brand's than the one shown. */
static const char *
brand_said(struct detect_scan *s, const char *brand, const char *w,
    size_t n)
{
	char	 k[64];
	size_t	 i, j;

	for (i = j = 0; brand[i] != '\0' && j < sizeof(k) - 1; i++)
		if (isalnum((unsigned char)brand[i]))
			k[j++] = (char)tolower((unsigned char)brand[i]);
	k[j] = '\0';
	if (j == n && memcmp(k, w, n) == 0)
		return brand;
	return arena_printf(&s->a, "%.*s (%s)", (int)n, w, brand);
}

/* What a file share, an invoice or a payment is called beside a brand in
 * a host's name ("sharepoint-docs", "paypal-invoices"), looked for apart
 * from the brand's own name (SharePoint holds "share", PayPal "pay"). */
static int
share_words(const char *h, size_t n, size_t bs, size_t be)
{
	static const char *const w[] = { "doc", "invoice", "file", "share",
	    "drive", "pay", "bill", "sign", "mail", "office", "statement",
	    "receipt", "remit", "fax", "voice" };
	size_t	 i, l, k;

	for (i = 0; i < nitems(w); i++) {
		const char *p = h;

		l = strlen(w[i]);
		while ((p = memmem(p, n - (size_t)(p - h), w[i], l)) != NULL) {
			k = (size_t)(p - h);
			if (k + l <= bs || k >= be)
				return 1;
			p++;
		}
	}
	return 0;
}

/*
 * The host h with each digit that stands alone beside a letter read as
 * the letter it is written for (0 o, 1 i, 3 e, 4 a, 5 s, 7 t), into out:
 * "d0cs" is "docs", "ver1fy" "verify"; "365" and "b2b" are left as they
 * are.  Whether any digit was read so.
 */
static int
deleet(const char *h, char *out, size_t outsz)
{
	static const char from[] = "013457", to[] = "oieast";
	size_t	 i, n = strlen(h);
	int	 changed = 0;

	if (n >= outsz)
		return 0;
	for (i = 0; i < n; i++) {
		char	 c = h[i], p = i > 0 ? h[i - 1] : '.', x = h[i + 1];
		const char *f = strchr(from, c);

		out[i] = c;
		if (c == '\0' || f == NULL || isdigit((unsigned char)p) ||
		    isdigit((unsigned char)x))
			continue;
		if (islower((unsigned char)p) || islower((unsigned char)x)) {
			out[i] = to[f - from];
			changed = 1;
		}
	}
	out[n] = '\0';
	return changed;
}

/*
 * A brand's name in the host h of u (u->host or a reading of it of the
 * same length) with words of phishing beside it, in the registrable
 * label with the words of a file share, or as a site's name on free
 * hosting: into b, and whether it was found.
 */
static int
brand_host(const struct detect_engine *e, const struct durl *u,
    const char *h, struct bin *b)
{
	/* The label of the registrable domain within the host: a file
	 * share's words count there (sharepoint-docs.com), not in a
	 * site's own subdomain (adobe-sign.northwind.com names a product
	 * the site uses). */
	size_t	 n = strlen(h), rl = strlen(u->domain);
	size_t	 ls = n >= rl ? n - rl : 0;
	size_t	 le = ls + strcspn(u->domain, ".");

	*b = (struct bin){ e, h, n, -1, 0, 0 };
	ac_scan(e->brand_ac, h, n, bin_cb, b);
	if (b->found >= 0 && (phishy_host(h) || (b->start >= ls &&
	    b->end <= le && share_words(h + ls, le - ls, b->start - ls,
	    b->end - ls)) || suffix_in(&e->hosting, u->host, NULL)))
		return 1;
	b->found = -1;
	return 0;
}

/*
 * Is the fragment of u, after '#' (and a "!" or "/" a router puts
 * there), the reader's address, as written, %-encoded or in base64
 * (either alphabet, padded or not)?  A phishing kit's page reads it
 * from there to fill in its sign-in form; the web server never sees a
 * fragment, so no mailing service's tracking puts it there.  How it
 * was written, or NULL.
 */
static const char *
rcpt_fragment(const struct detect_scan *s, const struct durl *u)
{
	const char	*to, *f;
	char		 dec[512], b64[700];
	unsigned char	 bin[512];
	size_t		 n = 0, k = 0, bl;
	int		 pct = 0, i;

	if (scan_reader(s, 0) == NULL || u->path == NULL ||
	    (f = strchr(u->path, '#')) == NULL)
		return NULL;
	f++;
	f += strspn(f, "!/");
	for (; *f != '\0' && n + 1 < sizeof(dec); f++) {
		if (f[0] == '%' && isxdigit((unsigned char)f[1]) &&
		    isxdigit((unsigned char)f[2])) {
			dec[n++] = (char)(hex_value(f[1]) * 16 + hex_value(f[2]));
			f += 2;
			pct = 1;
		} else
			dec[n++] = *f;
	}
	if (*f != '\0')
		return NULL;
	dec[n] = '\0';
	for (i = 0; (to = scan_reader(s, i)) != NULL; i++)
		if (str_casecmp(dec, to) == 0)
			return pct ? "%-encoded" : "as written";
	/* base64: '-' and '_' read as '+' and '/', the padding dropped. */
	for (f = dec; *f != '\0' && *f != '=' && k + 1 < sizeof(b64); f++) {
		if (!isalnum((unsigned char)*f) && strchr("+/-_", *f) == NULL)
			return NULL;
		b64[k++] = *f == '-' ? '+' : *f == '_' ? '/' : *f;
	}
	b64[k] = '\0';
	if (f[strspn(f, "=")] != '\0' || k < 8 ||
	    sodium_base642bin(bin, sizeof(bin) - 1, b64, k, NULL, &bl, NULL,
	    sodium_base64_VARIANT_ORIGINAL_NO_PADDING) != 0)
		return NULL;
	bin[bl] = '\0';
	for (i = 0; strlen((char *)bin) == bl &&
	    (to = scan_reader(s, i)) != NULL; i++)
		if (str_casecmp((char *)bin, to) == 0)
			return "in base64";
	return NULL;
}

/*
 * The host of a share written as Windows reads it, "\\\\host\\dir",
 * "//host/dir", "host@SSL@443\\DavWWWRoot", "[2001:db8::1]", into out:
 * 1 when it is on the Internet, a public IP address in any form
 * (45.88.97.12, 763715852, 0x2d58610c) or a name under a public suffix
 * that is not the organisation's.  A name without one (fileserver,
 * fs01.contoso.local, nas.lan) is the office's own, and so is a
 * private, shared (100.64/10) or link-local address.  ip_only: only an
 * address counts (the organisation's own authentic mail names its
 * servers as it likes).
 */
static int
share_remote(struct detect_scan *s, const char *p, char *out, size_t outsz,
    int ip_only)
{
	size_t		 n;
	struct in_addr	 a;
	struct in6_addr	 a6;
	uint32_t	 ip;
	char		 dotted[24];

	while (*p == '/' || *p == '\\')
		p++;
	if (*p == '[') {
		n = strcspn(p + 1, "]");
		if (n == 0 || n + 1 >= outsz || p[1 + n] != ']')
			return 0;
		memcpy(out, p + 1, n);
		out[n] = '\0';
		if (inet_pton(AF_INET6, out, &a6) != 1)
			return 0;
		/* Loopback, unique local (fc00::/7), link-local. */
		return !(IN6_IS_ADDR_LOOPBACK(&a6) || (a6.s6_addr[0] & 0xfe) ==
		    0xfc || IN6_IS_ADDR_LINKLOCAL(&a6));
	}
	n = strcspn(p, "/\\@:&?#");
	/* user@host: the host is after the at sign; host@SSL@443 and
	 * host@80 are WebDAV's way of writing the port. */
	if (p[n] == '@') {
		const char *h = p + n + 1;
		size_t hn = strcspn(h, "/\\@:&?#");

		if (hn > 0 && str_ncasecmp(h, "SSL", hn) != 0 &&
		    strspn(h, "0123456789") != hn) {
			p = h;
			n = hn;
		}
	}
	if (n == 0 || n >= outsz)
		return 0;
	memcpy(out, p, n);
	out[n] = '\0';
	str_lower(out);
	/* "host.com." is host.com. */
	while (n > 0 && out[n - 1] == '.')
		out[--n] = '\0';
	if (url_ipv4(out, dotted) && inet_pton(AF_INET, dotted, &a) == 1) {
		snprintf(out, outsz, "%s", dotted);
		ip = ntohl(a.s_addr);
		return !((ip >> 24) == 0 || (ip >> 24) == 10 ||
		    (ip >> 24) == 127 || (ip >> 20) == 0xac1 ||
		    (ip >> 16) == 0xc0a8 || (ip >> 16) == 0xa9fe ||
		    (ip >> 22) == (0x64400000u >> 22) || (ip >> 28) >= 0xe);
	}
	if (ip_only || strchr(out, '.') == NULL ||
	    !dom_known_tld(s->eng, out))
		return 0;
	/* The organisation's or a correspondent's server or SharePoint
	 * ("open with Explorer": \\\\contoso.sharepoint.com@SSL\\...). */
	return !dom_is_own(s, out) && !dom_is_corr(s, out) &&
	    !dom_own_sharepoint(s, out) && !corr_sharepoint(s, out);
}

/* The first label of a registrable domain ("netlify" of netlify.com)
 * into out; 0 when there is none worth comparing (under 4 letters). */
static int
reg_label(const char *reg, char *out, size_t outsz)
{
	size_t	 k = strcspn(reg, ".");

	if (k < 4 || k >= outsz)
		return 0;
	memcpy(out, reg, k);
	out[k] = '\0';
	return 1;
}

/*
 * Is the link to a site on a hosting service whose own notice the
 * authentic mail is (netlify.com writing of contoso-docs.netlify.app)?
 * A forgery is not authentic.  (The organisation's or a correspondent's
 * own mail linking to a site named after it on a shared service is
 * still weighed: a mailbox taken over links there, en-423.)
 */
static int
hosted_by_sender(struct detect_scan *s, const struct durl *u)
{
	const char	*fdom = s->m->from.domain, *freg, *hit = NULL;
	char		 fl[64], ul[64];

	if (!s->authentic || fdom == NULL || u->host == NULL ||
	    !suffix_in(&s->eng->hosting, u->host, &hit) || hit == NULL)
		return 0;
	freg = dom_registrable(s, fdom);
	if (!reg_label(freg, fl, sizeof(fl)))
		return 0;
/* The service's name: netlify of netlify.app. */
	return reg_label(hit, ul, sizeof(ul)) && strcmp(fl, ul) == 0;
}

/*
 * A page where a WordPress site keeps no pages of its own: a script
 * (".php") or a folder among its uploads, where it keeps pictures and
 * documents ("/wp-content/uploads/2025/s-push/", ".../konto.php"; a
 * Drupal site's "/sites/default/files/", a TYPO3 site's "/fileadmin/"
 * the same), or any page inside its core's folder, "/wp-includes/".
 * The path is given %-decoded and in lower case ("/WP%2Dcontent/").  What of the path
 * names it, or NULL.  Its plugins', themes' and admin pages are
 * linked by right (a download manager's download.php, the admin's
 * comment.php, an exported slide show's index.html among uploads).
 */
static const char *
cms_page(const char *path)
{
	static const char *const script[] = { ".php", ".php5", ".phtml" };
	static const char *const page[] = { ".php", ".html", ".htm",
	    ".shtml", ".asp", ".aspx" };
	const char	*p, *last, *const *ext;
	size_t		 i, n = strcspn(path, "?#"), ne;
	int		 up;

	static const char *const uploads[] = { "/wp-content/uploads/",
	    "/sites/default/files/", "/fileadmin/" };

	for (i = 0, p = NULL; i < nitems(uploads) && p == NULL; i++)
		if ((p = strstr(path, uploads[i])) != NULL &&
		    (size_t)(p - path) >= n)
			p = NULL;
	if (p != NULL)
		up = 1;
	else if ((p = strstr(path, "/wp-includes/")) != NULL &&
	    (size_t)(p - path) < n)
		up = 0;
	else
		return NULL;
	last = p;
	for (i = (size_t)(p - path); i < n; i++)
		if (path[i] == '/')
			last = path + i;
	/* A folder, or a name with no extension (an index page). */
	if (last == path + n - 1 || memchr(last, '.', (size_t)(path + n -
	    last)) == NULL)
		return p;
	ext = up ? script : page;
	ne = up ? nitems(script) : nitems(page);
	for (i = 0; i < ne; i++) {
		size_t l = strlen(ext[i]);

		if (n >= l && str_ncasecmp(path + n - l, ext[i], l) == 0)
			return p;
	}
	return NULL;
}

/* A URL's path before its query, %-decoded and in lower case. */
static const char *
lower_path(struct detect_scan *s, const char *path)
{
	char	*p = pct_decode(s, path, strcspn(path, "?#"));

	str_lower(p);
	return p;
}

/* A link handed to a program of Windows: what it opens, or NULL. */
static const char *
local_handler(struct detect_scan *s, const struct durl *u, const char **ja)
{
	char		 host[256];
	const char	*p = u->path, *loc, *from;
	char		*dec;
	int		 own = s->authentic && dom_is_own(s, s->m->from.domain);

	if (strcmp(u->scheme, "ms-msdt") == 0) {
		*ja = "Microsoft サポート診断ツール";
		return "the Microsoft Support Diagnostic Tool";
	}
	if (strcmp(u->scheme, "ms-appinstaller") == 0) {
		*ja = "アプリ インストーラー";
		return "the App Installer";
	}
	if (strcmp(u->scheme, "ms-officecmd") == 0) {
		*ja = "Office のコマンド";
		return "an Office command";
	}
	if (strcmp(u->scheme, "file") == 0) {
		/* file:///C:/... is this computer's disk. */
		if (strncmp(p, "///", 3) == 0 && isalpha((unsigned char)p[3]) &&
		    (p[4] == ':' || p[4] == '|'))
			return NULL;
		if (!share_remote(s, p, host, sizeof(host), own))
			return NULL;
		*ja = arena_printf(&s->a, "%s の共有フォルダー", host);
		return arena_printf(&s->a, "a file share at %s", host);
	}
	/* search-ms:query=...&crumb=location:\\host@80\dir */
	/* Every place a search names: each "location:" and each share
	 * path (a decoy before the real one hides nothing). */
	dec = pct_decode(s, p, strlen(p));
	for (from = dec; ; ) {
		const char *l = strcasestr(from, "location:");
		const char *u2 = strstr(from, "\\\\");

		if (l == NULL && u2 == NULL)
			return NULL;
		if (l != NULL && (u2 == NULL || l < u2)) {
			loc = l + 9;
			if (str_ncasecmp(loc, "http://", 7) == 0 ||
			    str_ncasecmp(loc, "https://", 8) == 0)
				loc = strstr(loc, "//");
			from = l + 1;
		} else
			from = (loc = u2) + 1;
		if (share_remote(s, loc, host, sizeof(host), own))
			break;
	}
	*ja = arena_printf(&s->a, "%s の共有フォルダーを表示する Windows 検索",
	    host);
	return arena_printf(&s->a, "Windows Search showing a share at %s",
	    host);
}

static void
check_one(struct detect_scan *s, size_t idx)
{
	const struct detect_engine	*e = s->eng;
	/* A copy: url_add() below may move the array. */
	struct durl			 uu = s->u[idx], *u = &uu;
	const struct protect		*p;
	const char			*how, *hit, *t;
	char				 key[2300];
	int				 fi, shown = 0, consent = 0;
	enum look_kind			 lk;

	if (u->scheme != NULL && strcmp(u->scheme, "javascript") == 0) {
		if (u->origin == UO_HREF)
			finding_add(s, R_URL_JAVASCRIPT, &(struct fargs){
			    .url = u->url });
		return;
	}
	/* A document opened by an Office program straight from a site
	 * that is not the organisation's, a correspondent's or SharePoint
	 * (whose "open in app" links are these). */
	if (u->office && u->host != NULL && followed(u) &&
	    !dom_is_own(s, u->host) && !dom_is_corr(s, u->host) &&
	    strcmp(u->domain, "sharepoint.com") != 0)
		finding_add(s, R_URL_LOCAL_HANDLER, &(struct fargs){
		    .url = u->url, .detail = arena_printf(&s->a, "an Office "
		    "document from %s", u->host), .detail_ja = arena_printf(
		    &s->a, "%s の Office 文書", u->host) });
	if (u->scheme != NULL && url_local_scheme(u->scheme)) {
		const char *ja = NULL, *what;

		if (followed(u) && (what = local_handler(s, u, &ja)) != NULL)
			finding_add(s, R_URL_LOCAL_HANDLER, &(struct fargs){
			    .url = u->url, .detail = what, .detail_ja = ja });
		return;
	}
	if (u->scheme != NULL && strcmp(u->scheme, "data") == 0) {
		if (followed(u) && u->origin != UO_SCRIPT &&
		    str_ncasecmp(u->path, "image/", 6) != 0) {
			char mt[64];

			snprintf(mt, sizeof(mt), "data:%.*s",
			    (int)strcspn(u->path, ";,"), u->path);
			finding_add(s, R_URL_DATA_URI, &(struct fargs){
			    .url = mt, .detail = mt });
		}
		return;
	}
	if (u->host == NULL)
		return;
	if (followed(u) && !finding_has(s, R_URL_RCPT_FRAGMENT) &&
	    !dom_is_own(s, u->domain) && (how = rcpt_fragment(s, u)) != NULL)
		finding_add(s, R_URL_RCPT_FRAGMENT, &(struct fargs){
		    .url = u->url, .domain = u->host, .detail = how,
		    .detail_ja = strcmp(how, "in base64") == 0 ? "base64" :
		    strcmp(how, "as written") == 0 ? "そのまま" :
		    "%エンコード" });

	if (followed(u)) {
		const char *to, *what = oauth_consent(s, u, &to);

		if (what != NULL) {
			finding_add(s, R_URL_OAUTH_CONSENT, &(struct fargs){
			    .url = u->url, .domain = to, .detail = what });
			consent = 1;
		}
	}

	/* Feeds. */
	if (e->feed_count > 0) {
		size_t	 n;

		snprintf(key, sizeof(key), "%s%s", u->host, u->path);
		key[strcspn(key, "#")] = '\0';
		n = strlen(key);
		if (hset_get(&e->feed_url, key, n, &fi) ||
		    hset_get(&e->feed_url, key, strcspn(key, "?"), &fi) ||
		    (n > 0 && key[n - 1] == '/' &&
		    hset_get(&e->feed_url, key, n - 1, &fi))) {
			finding_add(s, R_URL_FEED_URL, &(struct fargs){
			    .url = u->url, .domain = u->host,
			    .detail = e->feed_names[fi] });
			return;
		}
		if (hset_get(&e->feed_host, u->host, strlen(u->host), &fi)) {
			finding_add(s, R_URL_FEED_HOST, &(struct fargs){
			    .url = u->url, .domain = u->host,
			    .detail = e->feed_names[fi] });
			return;
		}
		if (hset_get(&e->feed_domain, u->domain, strlen(u->domain),
		    &fi))
			finding_add(s, R_URL_FEED_DOMAIN, &(struct fargs){
			    .url = u->url, .domain = u->domain,
			    .detail = e->feed_names[fi] });
	}

	if (u->is_ip) {
		if (!private_ip(u->host))
			finding_add(s, followed(u) && u->origin != UO_TEXT ?
			    R_URL_IP : R_URL_IP_TEXT, &(struct fargs){
			    .url = u->url, .domain = u->host });
		return;
	}
	if (u->userinfo != NULL && *u->userinfo != '\0' && followed(u)) {
		const char *ui = u->userinfo;
		const char *dot = strchr(ui, '.');

		if (dot != NULL && strchr(ui, ':') == NULL && dot[1] != '\0' &&
		    strlen(ui) >= 5)
			finding_add(s, R_URL_USERINFO_DOMAIN, &(struct fargs){
			    .url = u->url, .domain = u->host, .imitates = ui });
		else if (strchr(ui, ':') == NULL || strlen(ui) > 40)
			finding_add(s, R_URL_USERINFO, &(struct fargs){
			    .url = u->url, .domain = u->host });
	}
	if ((p = dom_lookalike(s, u->host, u->uhost, u->domain, &lk)) !=
	    NULL) {
		static const enum rule_id r[] = { R_URL_LOOKALIKE_OWN,
		    R_URL_LOOKALIKE_CORR, R_URL_LOOKALIKE_BRAND };
		const char *fdom = s->m->from.domain;
		int words = LOOK_WEAK(lk);

		/* A name with words added is weighed once: on the sender
		 * when the link goes to the sender's own domain.  The
		 * organisation's or a correspondent's own mail may link to
		 * a site it named after itself on a shared service
		 * (contoso.com.s3.amazonaws.com from contoso.com).  A name
		 * in front of another is shown in the whole host. */
		if ((!words || fdom == NULL ||
		    strcmp(dom_registrable(s, fdom), u->domain) != 0) &&
		    !(words && hosted_by_sender(s, u)) &&
		    !(lk == LK_IN_FRONT_SHARED && fdom != NULL &&
		    (dom_is_own(s, fdom) || dom_is_corr(s, fdom)) &&
		    strcmp(dom_registrable(s, fdom), p->domain) == 0))
			finding_add(s, words ? R_URL_NAME_IN_DOMAIN :
			    r[p->kind], &(struct fargs){ .url = u->url,
			    .domain = lk == LK_IN_FRONT ||
			    lk == LK_IN_FRONT_SHARED ? u->host :
			    u->uhost ? u->uhost : u->domain,
			    .imitates = p->domain, .detail = look_how(lk, 0),
			    .detail_ja = look_how(lk, 1) });
		shown = 1;
	}
	if (u->uhost != NULL && !shown && followed(u)) {
		const char	*q = u->uhost;
		uint32_t	 c;
		int		 sc = 0, mixed = 0;

		/* Scripts mixed within one label. */
		while (*q != '\0') {
			size_t k = utf8_next(q, strlen(q), &c);
			enum script x = text_script(c);

			if (c == '.' || c == '-')
				sc = 0;
			else if (x == SC_LATIN || x == SC_CYRILLIC ||
			    x == SC_GREEK) {
				if (sc != 0 && sc != (int)x)
					mixed = 1;
				sc = (int)x;
			}
			q += k;
		}
		finding_add(s, mixed ? R_URL_MIXED_SCRIPT : R_URL_PUNYCODE,
		    &(struct fargs){ .url = u->url, .domain = u->uhost,
		    .detail = u->host });
	}
	if (suffix_in(&e->imghosts, u->host, &hit))
		finding_add(s, R_URL_IMAGE_HOSTING, &(struct fargs){
		    .url = u->url, .domain = hit });
	if (!followed(u))
		return;
	{
		char ip[16];

		if (u->origin != UO_TEXT && ip_in_host(u->host, ip) &&
		    !private_ip(ip))
			finding_add(s, R_URL_IP_HOST, &(struct fargs){
			    .url = u->url, .domain = u->host, .detail = ip });
	}
	if (dom_random(u->host) && !is_shortener(e, u, NULL))
		finding_add(s, R_URL_RANDOM_HOST, &(struct fargs){
		    .url = u->url, .domain = u->host });

	/* A brand's name in the host of someone else's domain, with words
	 * of phishing or as the name of a site on free hosting: a brand's
	 * pages are on its own domains.  The host is read again with its
	 * digits read as the letters they stand for ("sharepoint-d0cs",
	 * "0ffice-l0gin"). */
	if (brand_of_domain(e, u->domain) < 0 && !shown &&
	    !dom_is_own(s, u->domain) && !dom_is_corr(s, u->domain) &&
	    !is_shortener(e, u, NULL)) {
		char	 dl[256];
		struct bin b;

		if (brand_host(e, u, u->host, &b) ||
		    (deleet(u->host, dl, sizeof(dl)) &&
		    brand_host(e, u, dl, &b)))
			finding_add(s, R_URL_BRAND_IN_HOST, &(struct fargs){
			    .url = u->url, .domain = u->domain,
			    .imitates = brand_said(s, e->brands[b.found].name,
			    u->host + b.start, b.end - b.start) });
	}
	/* Link text that names another domain. */
	if (u->text != NULL && u->origin == UO_HREF &&
	    (t = text_domain(s, u->text)) != NULL &&
	    strcmp(t, u->domain) != 0) {
		int tb = brand_of_domain(e, t), ub = brand_of_domain(e, u->domain);

		/* A brand's mail shows where its links go and sends them
		 * through its own redirector or shortener (X's t.co). */
		if (!(tb >= 0 && tb == ub) && !(tb < 0 && ub >= 0 &&
		    ub == sender_brand(s)) &&
		    !suffix_in(&e->redirectors, u->host, NULL) &&
		    !tracks_to(s, u, t)) {
			if (tb >= 0 || dom_is_own(s, t) ||
			    dom_is_corr(s, t))
				finding_add(s, R_URL_TEXT_MISMATCH_BRAND,
				    &(struct fargs){ .url = u->url,
				    .domain = u->domain, .imitates = t });
			else
				finding_add(s, R_URL_TEXT_MISMATCH,
				    &(struct fargs){ .url = u->url,
				    .domain = u->domain, .imitates = t });
		}
	}
	/* A document's name as the text of a link to a web page on
	 * another's site: what mail that pretends a file is attached
	 * links.  A link to the file itself (its path ends so), or to the
	 * sender's, the organisation's or a correspondent's site or
	 * storage, is what it says. */
	{
		char ext[16];
		const char *fdom = s->m->from.domain;
		const char *freg = fdom != NULL ? dom_registrable(s, fdom) : NULL;
		size_t pl = strlen(u->path), el;

		if (u->text != NULL && u->origin == UO_HREF &&
		    text_file(u->text, ext, sizeof(ext)) &&
		    !((el = strlen(ext)) < pl &&
		    str_casecmp(u->path + pl - el, ext) == 0) &&
		    !(freg != NULL && (strcmp(u->domain, freg) == 0 ||
		    named_as(u->host, freg))) && !dom_is_own(s, u->host) &&
		    !dom_is_corr(s, u->host) && !dom_own_sharepoint(s, u->host) &&
		    !corr_sharepoint(s, u->host) &&
		    !(brand_of_domain(e, u->domain) >= 0 &&
		    brand_of_domain(e, u->domain) == sender_brand(s))) {
			const char *tx = u->text;

			while (*tx == ' ' || *tx == '\t' || *tx == '\n')
				tx++;
			finding_add(s, R_URL_FILE_TEXT, &(struct fargs){
			    .url = u->url, .domain = u->domain, .detail = tx });
		}
	}
	/* A brand's own shortener in its own mail (X's t.co, LinkedIn's
	 * lnkd.in in the posts they relay) hides nothing from the brand. */
	if (is_shortener(e, u, &hit) &&
	    !(brand_of_domain(e, u->domain) >= 0 &&
	    brand_of_domain(e, u->domain) == sender_brand(s)))
		finding_add(s, R_URL_SHORTENER, &(struct fargs){ .url = u->url,
		    .domain = hit });
	{
		const char *tgt = redirect_target(s, u->path);

		/* Google's AMP viewer: google.com/amp/s/host/path opens
		 * https://host/path. */
		if (tgt == NULL && strncmp(u->path, "/amp/s/", 7) == 0 &&
		    u->path[7] != '\0' && u->domain != NULL &&
		    strncmp(u->domain, "google.", 7) == 0)
			tgt = arena_printf(&s->a, "https://%s", u->path + 7);

		if (tgt != NULL) {
			struct durl *nu;

			/* A consent link's grant goes to its redirect_uri:
			 * weighed as such, not as an open redirect. */
			if (suffix_in(&e->redirectors, u->host, &hit) &&
			    strstr(u->host, "safelinks") == NULL && !consent) {
				struct durl d;

				if (url_parse(s, tgt, strlen(tgt), &d) == 0 &&
				    d.domain != NULL &&
				    strcmp(d.domain, u->domain) != 0)
					finding_add(s, R_URL_REDIRECT,
					    &(struct fargs){ .url = u->url,
					    .domain = hit, .detail = d.domain });
			}
			nu = url_add(s, tgt, strlen(tgt), UO_REDIRECT, u->text,
			    u->where);
			/* Carried by the first link of a chain of redirects
			 * (phisher?u=brand/x?r=brand is the phisher's). */
			if (nu != NULL && nu->origin == UO_REDIRECT)
				nu->via = u->origin == UO_REDIRECT ? u->via :
				    u->host;
		}
	}
	if (strncmp(u->path, "/ipfs/", 6) == 0 || strstr(u->host, ".ipfs.") ||
	    strncmp(u->host, "ipfs.", 5) == 0 || strstr(u->host, "-ipfs."))
		finding_add(s, R_URL_IPFS, &(struct fargs){ .url = u->url,
		    .domain = u->host });
	else if ((suffix_in(&e->hosting, u->host, &hit) &&
	    !dom_own_sharepoint(s, u->host) && !corr_sharepoint(s, u->host) &&
	    !aws_sns(u->host) && !hosted_by_sender(s, u)) ||
	    (strncmp(u->host, "s3.", 3) == 0 &&
	    strcmp(u->domain, "amazonaws.com") == 0)) {
		/* Shared documents are what these are for; pages less so. */
		finding_add(s, R_URL_FREE_HOSTING, &(struct fargs){
		    .url = u->url, .domain = u->host });
	}
	/* The sender's own site too: a mailbox and a site broken into
	 * together.  Once a mail. */
	if (!finding_has(s, R_URL_CMS_PAGE) &&
	    (t = cms_page(lower_path(s, u->path))) != NULL &&
	    u->origin != UO_SRC &&
	    u->origin != UO_CSS &&
	    !dom_is_own(s, u->domain) && !dom_is_corr(s, u->domain) &&
	    brand_of_domain(e, u->domain) < 0)
		finding_add(s, R_URL_CMS_PAGE, &(struct fargs){ .url = u->url,
		    .domain = u->domain, .detail = arena_strndup(&s->a, t,
		    strcspn(t, "?#")) });
	{
		const char *tld = strrchr(u->host, '.');

		const char *fdom = s->m->from.domain;

		/* The sender's own site is weighed with the sender. */
		if (tld != NULL && hset_get(&e->risky_tld, tld + 1,
		    strlen(tld + 1), NULL) && !(fdom != NULL &&
		    finding_has(s, R_SENDER_RISKY_TLD) &&
		    strcmp(dom_registrable(s, fdom), u->domain) == 0))
			finding_add(s, R_URL_RISKY_TLD, &(struct fargs){
			    .url = u->url, .domain = u->domain,
			    .detail = tld });
	}
	if (u->port != 0 && u->port != 80 && u->port != 443) {
		char pb[8];

		snprintf(pb, sizeof(pb), "%d", u->port);
		finding_add(s, R_URL_PORT, &(struct fargs){ .url = u->url,
		    .domain = u->host, .detail = pb });
	}
	{
		static const char *const ext[] = { ".exe", ".scr", ".msi",
		    ".js", ".jse", ".vbs", ".vbe", ".hta", ".bat", ".cmd",
		    ".ps1", ".iso", ".img", ".vhd", ".vhdx", ".lnk", ".jar",
		    ".apk", ".wsf", ".cpl", ".msix", ".appx", ".one" };
		size_t	 pl = strcspn(u->path, "?#"), i;
		int	 ub = brand_of_domain(e, u->domain);

		/* A brand's mail linking to its own site (AWS's console
		 * deep links end in deeplink.js) downloads nothing. */
		if (ub >= 0 && ub == sender_brand(s) &&
		    !suffix_in(&e->hosting, u->host, NULL))
			return;
		for (i = 0; i < nitems(ext); i++) {
			size_t el = strlen(ext[i]);

			if (pl > el && str_ncasecmp(u->path + pl - el, ext[i],
			    el) == 0) {
				finding_add(s, R_URL_EXE, &(struct fargs){
				    .url = u->url, .domain = u->host,
				    .detail = ext[i] });
				break;
			}
		}
	}
}

/*
 * Link text that asks the reader to act on their account, the verb first
 * as buttons put it ("Verify now", "Sign in", "Atualizar cadastro"): the
 * button a phishing page copies with the brand's own footer links around
 * it ("Help" and "Terms" to the brand).
 */
static int
action_text(const char *t)
{
	static const char *const w[] = { "verify", "confirm", "log in",
	    "login", "sign in", "unlock", "restore", "validate",
	    "reactivate", "verificar", "confirmar", "atualizar", "acessar",
	    "desbloquear", "regularizar", "actualizar", "acceder",
	    "verifier", "vérifier", "confirmer", "bestätigen", "anmelden",
	    "verifieren", "bevestigen", "inloggen", "確認", "ログイン",
	    "認証" };
	size_t	 i, n;

	if (t == NULL)
		return 0;
	while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '>' ||
	    *t == '[')
		t++;
	/* A button, not a paragraph that happens to hold the word. */
	if (strlen(t) > 40)
		return 0;
	for (i = 0; i < nitems(w); i++) {
		n = strlen(w[i]);
		if (str_ncasecmp(t, w[i], n) == 0 && !isalnum((unsigned char)
		    t[n]))
			return 1;
	}
	return 0;
}

/*
 * A redirect's target: was it carried by a mailing service's tracker, a
 * known redirector or the brand itself?  Or by the sender's own domain
 * (a shop's click tracker) when its display name does not claim the
 * brand: a sender that calls itself the brand from another domain
 * proves nothing by redirecting through that domain.
 */
static int
carried(struct detect_scan *s, const struct durl *u, int b)
{
	const struct detect_engine *e = s->eng;
	const char	*via;

	if (u->via == NULL)
		return 0;
	via = dom_registrable(s, u->via);
	return suffix_in(&e->mailers, u->via, NULL) ||
	    suffix_in(&e->redirectors, u->via, NULL) ||
	    brand_of_domain(e, via) == b || (!s->claim_display &&
	    s->m->from.domain != NULL &&
	    strcmp(dom_registrable(s, s->m->from.domain), via) == 0);
}

/*
 * The sender's name claims brand b: do the links the reader would follow
 * go anywhere of b's?  A brand's mail links to its own sites (through a
 * mailing service's click tracker at worst, whose target is followed
 * above); phishing in its name links to the phisher's, or puts the
 * phisher's behind the button among the brand's own help and terms.
 */
const struct durl *
url_brand_elsewhere(struct detect_scan *s, int b)
{
	const struct detect_engine	*e = s->eng;
	const struct durl		*other = NULL, *cta = NULL;
	size_t				 i, home = 0, away = 0;

	for (i = 0; i < s->nu; i++) {
		const struct durl *u = &s->u[i];
		int ub;

		if (u->host == NULL || !followed(u) || u->origin == UO_META)
			continue;
		/* Links to the brand, and to other brands (its pages on
		 * social networks), are what its own mail has too; phishing
		 * adds one to the real site for show, not most. */
		/* A brand's shortener (t.co) goes where anyone wants. */
		ub = is_shortener(e, u, NULL) ? -1 :
		    brand_of_host(e, u->host, u->domain, 0);
		/* Where a link's query says it goes is the brand's only
		 * when a mailing service, a redirector or the brand carries
		 * it: anyone can append "?u=https://brand" to his own. */
		if (ub == b && u->origin == UO_REDIRECT && !carried(s, u, b))
			continue;
		if (ub == b)
			home++;
		else if (ub < 0 && u->origin != UO_REDIRECT) {
			away++;
			if (other == NULL)
				other = u;
			if (cta == NULL && u->origin == UO_HREF &&
			    action_text(u->text))
				cta = u;
		}
	}
	if (away > home)
		return other;
	return cta;
}

/*
 * Is the mail a brand's own, about the reader's account with it?  The
 * From is under one of the brand's domains (not its free mail), Exchange
 * Online did not find it forged, and every link the reader would follow
 * goes to that brand's sites, none on free hosting (sharepoint.com is
 * Microsoft's and anyone's).  Then "review the sign-in", "sign the
 * document" or "track your parcel" sends the reader nowhere a phisher
 * controls: what a phisher copies is the wording, not the links.
 */
int
url_brand_home(struct detect_scan *s)
{
	const struct detect_engine	*e = s->eng;
	const char			*fdom = s->m->from.domain, *freg;
	size_t				 i, home = 0;
	int				 b;

	if (fdom == NULL || finding_has(s, R_SPOOF_BRAND))
		return 0;
	freg = dom_registrable(s, fdom);
	if (dom_is_freemail(e, freg) || (b = brand_of_host(e, fdom, freg,
	    1)) < 0)
		return 0;
	for (i = 0; i < s->nu; i++) {
		const struct durl *u = &s->u[i];

		if (u->host == NULL || !followed(u))
			continue;
		if (u->is_ip || brand_of_host(e, u->host, u->domain, 0) != b ||
		    suffix_in(&e->hosting, u->host, NULL) ||
		    is_shortener(e, u, NULL))
			return 0;
		home++;
	}
	return home > 0;
}

/*
 * Is the mail the organisation's own, sending the reader only home?  The
 * From is under one of its domains and Exchange Online found it
 * authentic or internal (s->authentic: a forgery without DMARC is
 * not), and every link the reader would follow goes to its domains, its
 * SharePoint or Microsoft's own password, second factor and sign-in
 * pages (not a redirector, a shortener, a site anyone runs on
 * Microsoft's cloud, nor a device code or consent page).
 * Then the IT desk's "your password expires in 3 days" sends the reader
 * nowhere a phisher controls; a colleague's mailbox taken over sends
 * its lure elsewhere.
 */
/* The mail is the organisation's own, authentic, and every link it has
 * goes home (above): how many links, or -1. */
int
url_own_links(struct detect_scan *s)
{
	/* Microsoft's self-service pages for a password, a second factor
	 * and the sign-ins (not its device code or consent pages, which a
	 * phisher sends too: Storm-2372's microsoft.com/devicelogin). */
	static const char *const account[] = {
	    "passwordreset.microsoftonline.com",
	    "account.activedirectory.windowsazure.com",
	    "myaccount.microsoft.com", "mysignins.microsoft.com",
	    "mysecurityinfo.microsoft.com", "account.microsoft.com",
	    "portal.office.com", "www.office.com", "support.microsoft.com",
	    NULL };
	const struct detect_engine	*e = s->eng;
	const char			*fdom = s->m->from.domain;
	size_t				 i, home = 0;

	if (fdom == NULL || !dom_is_own(s, fdom) || !s->authentic ||
	    finding_has(s, R_SPOOF_OWN))
		return -1;
	for (i = 0; i < s->nu; i++) {
		const struct durl *u = &s->u[i];

		if (u->host == NULL || !followed(u))
			continue;
		if (u->is_ip || is_shortener(e, u, NULL) ||
		    suffix_in(&e->redirectors, u->host, NULL) ||
		    redirect_target(s, u->path) != NULL)
			return -1;
		if (dom_is_own(s, u->host) || dom_own_sharepoint(s, u->host)) {
			home++;
			continue;
		}
		if (suffix_in(&e->hosting, u->host, NULL))
			return -1;
		if (!str_in_list(u->host, account) ||
		    strcasestr(u->path, "devicelogin") ||
		    strcasestr(u->path, "deviceauth") ||
		    strcasestr(u->path, "oauth2") ||
		    strcasestr(u->path, "adminconsent") ||
		    strcasestr(u->path, "client_id="))
			return -1;
		home++;
	}
	return (int)home;
}

int
url_own_home(struct detect_scan *s)
{
	return url_own_links(s) > 0;
}

static void
brand_elsewhere(struct detect_scan *s, int b)
{
	const struct durl	*other = url_brand_elsewhere(s, b);

	if (other != NULL)
		finding_add(s, R_SENDER_BRAND_ELSEWHERE, &(struct fargs){
		    .url = other->url, .domain = other->domain,
		    .imitates = s->eng->brands[b].name });
}

/*
 * The From domain is a brand's (not its free mail) and a link goes to
 * free hosting, a bare IP (or a server's name made of one) or IPFS: a
 * brand links to its own sites, so the address is forged (Exchange
 * Online's verdict, when stamped, says so too; this holds when it is
 * not).  Free hosting and free image hosts count only when nothing of
 * the mail is on the brand's sites: a brand keeps its pages and
 * pictures itself, and the mail it relays from its users (a deploy
 * preview in a GitHub pull request, an imgur picture in a comment)
 * still links to the brand.
 */
static void
brand_hosting(struct detect_scan *s)
{
	const struct detect_engine	*e = s->eng;
	const char			*fdom = s->m->from.domain, *freg;
	const struct durl		*img = NULL;
	size_t				 i;
	int				 b, home = 0;

	if (fdom == NULL)
		return;
	freg = dom_registrable(s, fdom);
	if (dom_is_freemail(e, freg) || (b = brand_of_domain(e, freg)) < 0)
		return;
	for (i = 0; i < s->nu; i++) {
		const struct durl *u = &s->u[i];

		if (u->host != NULL && brand_of_domain(e, u->domain) == b)
			home = 1;
		else if (u->host != NULL && img == NULL &&
		    u->origin == UO_SRC && suffix_in(&e->imghosts, u->host,
		    NULL))
			img = u;
	}
	if (img != NULL && !home) {
		finding_add(s, R_SENDER_BRAND_HOSTING, &(struct fargs){
		    .url = img->url, .domain = fdom,
		    .imitates = e->brands[b].name });
		return;
	}
	for (i = 0; i < s->nu; i++) {
		const struct durl	*u = &s->u[i];

		if (u->host == NULL || !followed(u) || u->origin == UO_SRC)
			continue;
		if (public_ip_host(u) ||
		    (suffix_in(&e->hosting, u->host, NULL) && !home &&
		    !dom_own_sharepoint(s, u->host)) ||
		    strncmp(u->path, "/ipfs/", 6) == 0) {
			finding_add(s, R_SENDER_BRAND_HOSTING, &(struct fargs){
			    .url = u->url, .domain = fdom,
			    .imitates = e->brands[b].name });
			return;
		}
	}
}

/* host is a site on a shared service named as the registrable domain
 * freg is ("contoso.sharepoint.com" or "contoso-my.sharepoint.com" for
 * contoso.example): a name of four letters or more, whole. */
static int
named_as(const char *host, const char *freg)
{
	size_t	 n;

	return freg != NULL && (n = strcspn(freg, ".")) >= 4 &&
	    host_named(host, freg, n) != NULL;
}

/*
 * Every link and picture of the mail is on services anyone can use
 * without saying who they are: free hosting, free image hosts, URL
 * shorteners, bare IP addresses, IPFS.  A sender with a name to keep has
 * a site of its own and links to it (or its mailing service's tracker);
 * mail that shows nothing of its own hides who sent it.
 */
static void
anon_only(struct detect_scan *s)
{
	const struct detect_engine	*e = s->eng;
	const char			*names = NULL, *fdom = s->m->from.domain;
	const char			*freg = NULL;
	size_t				 i, named = 0;
	int				 fb = -1;

	/* The organisation's or a correspondent's own authentic mail hides
	 * nothing of who sent it, whatever it links to (HR's form on
	 * Microsoft Forms): the links are still weighed one by one. */
	if (fdom != NULL && s->authentic && (dom_is_own(s, fdom) ||
	    dom_is_corr(s, fdom)))
		return;
	/* Free mail is anyone's: gmail.com owns no docs.google.com page. */
	if (fdom != NULL && !dom_is_freemail(e, (freg = dom_registrable(s,
	    fdom))))
		fb = brand_of_sender(e, freg);
	else
		freg = NULL;

	for (i = 0; i < s->nu; i++) {
		const struct durl	*u = &s->u[i];

		if (u->host == NULL || u->origin == UO_REDIRECT ||
		    u->origin == UO_META)
			continue;
		/* The sender's own storage (a Google Drive share from
		 * google.com) is its own site, and so is a site named as the
		 * sender is (contoso.sharepoint.com, contoso-my.sharepoint.com
		 * from contoso.example). */
		if (u->domain != NULL && ((freg != NULL &&
		    strcmp(u->domain, freg) == 0) || (fb >= 0 &&
		    brand_of_domain(e, u->domain) == fb) ||
		    named_as(u->host, freg)))
			return;
		/* A private address (the office's printer) is nobody's
		 * service; a link anywhere else is a site of someone's. */
		if (!(public_ip_host(u) || suffix_in(&e->imghosts, u->host,
		    NULL) || suffix_in(&e->hosting, u->host, NULL) ||
		    is_shortener(e, u, NULL) ||
		    strncmp(u->path, "/ipfs/", 6) == 0))
			return;
		/* Name up to three of the services. */
		if (names == NULL) {
			names = u->host;
			named = 1;
		} else if (named < 3 && strstr(names, u->host) == NULL) {
			names = arena_printf(&s->a, "%s, %s", names, u->host);
			named++;
		}
	}
	if (names != NULL)
		finding_add(s, R_URL_ANON_ONLY, &(struct fargs){
		    .detail = names });
}

/*
 * Another's newsletter copied to carry one link: most of the mail's
 * links (four or more, at least half) go to one site, which did not send
 * it; the sender's own domain is linked nowhere; and above that site's
 * first link stands a link, once or twice, to a third site: the
 * spammer's, put at the top of a publisher's letter (variety.com,
 * hbr.org) that no filter would stop.  A company's own letter links to
 * its domain, or goes through its mailing service (list-manage.com,
 * sendgrid.net: not counted, nor brands' sites, where the social icons
 * go, nor shorteners).  A site that shares the sender's name is its own.
 */
#define LETTER_SITES	32

/* The name of registrable domain a (four letters or more) is in the
 * name of b: "filmclub.example" in "email-filmclub.example". */
static int
shares_name(const char *a, const char *b)
{
	size_t		 n = strcspn(a, "."), m = strcspn(b, ".");
	const char	*p;

	if (n < 4 || m < n)
		return 0;
	for (p = b; p + n <= b + m; p++)
		if (strncmp(p, a, n) == 0)
			return 1;
	return 0;
}

static void
copied_letter(struct detect_scan *s)
{
	const struct detect_engine	*e = s->eng;
	struct { const char *d; size_t n, first; } site[LETTER_SITES];
	const struct durl		*u, *stray = NULL;
	const char			*freg;
	size_t				 i, j, ns = 0, total = 0, top = 0;

	if (s->m->from.domain == NULL)
		return;
	freg = dom_registrable(s, s->m->from.domain);
	for (i = 0; i < s->nu; i++) {
		u = &s->u[i];
		if (u->host == NULL || u->domain == NULL || u->is_ip ||
		    u->origin != UO_HREF)
			continue;
		if (strcmp(u->domain, freg) == 0 || named_as(u->host, freg))
			return;
		if (suffix_in(&e->mailers, u->host, NULL) ||
		    is_shortener(e, u, NULL) ||
		    brand_of_domain(e, u->domain) >= 0)
			continue;
		for (j = 0; j < ns && strcmp(site[j].d, u->domain) != 0; j++)
			;
		if (j == ns) {
			if (ns == LETTER_SITES)
				return;
			site[ns].d = u->domain;
			site[ns].n = 0;
			site[ns++].first = i;
		}
		site[j].n++;
		total++;
	}
	if (total < 4)
		return;
	for (j = 1; j < ns; j++)
		if (site[j].n > site[top].n)
			top = j;
	if (site[top].n * 2 < total || named_as(site[top].d, freg) ||
	    shares_name(site[top].d, freg))
		return;
	for (j = 0; j < ns && stray == NULL; j++)
		if (j != top && site[j].first < site[top].first &&
		    site[j].n <= 2)
			stray = &s->u[site[j].first];
	if (stray != NULL)
		finding_add(s, R_URL_COPIED_LETTER, &(struct fargs){
		    .url = stray->url, .domain = site[top].d,
		    .detail = arena_printf(&s->a, "%zu/%zu", site[top].n,
		    total) });
}

void
urlcheck_run(struct detect_scan *s)
{
	size_t	 i;

	/* check_one may add redirect targets: nu grows while we go. */
	for (i = 0; i < s->nu; i++)
		check_one(s, i);
	if (s->hbody.mailto != NULL && s->claim_brand >= 0) {
		const char *at = strrchr(s->hbody.mailto, '@');

		if (at != NULL && dom_is_freemail(s->eng, dom_registrable(s,
		    at + 1)))
			finding_add(s, R_URL_MAILTO_FREEMAIL, &(struct fargs){
			    .url = s->hbody.mailto, .domain = s->hbody.mailto,
			    .imitates = s->eng->brands[s->claim_brand].name });
	}
	if (s->claim_display && s->claim_brand >= 0)
		brand_elsewhere(s, s->claim_brand);
	brand_hosting(s);
	anon_only(s);
	copied_letter(s);
	if (s->hbody.pw_inputs > 0)
		finding_add(s, R_URL_CRED_FORM, &(struct fargs){
		    .url = s->hbody.form_action });
	else if (s->hbody.forms > 0 && s->hbody.form_action != NULL &&
	    (str_ncasecmp(s->hbody.form_action, "http", 4) == 0 ||
	    strncmp(s->hbody.form_action, "//", 2) == 0))
		finding_add(s, R_URL_FORM, &(struct fargs){
		    .url = s->hbody.form_action });
}
