/*
 * url: find URLs in text and normalise them the way a browser would
 * read them (backslashes, stray slashes, tabs, full-width dots, IDNA,
 * integer and hex IP forms), then keep each distinct one once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <idn2.h>

#include "internal.h"
#include "util.h"

#define URL_RAW_MAX	4096
#define URL_PATH_MAX	2048


/* Parse one IPv4 number part (decimal, 0x hex, 0 octal). */
static int
ip_part(const char *s, size_t n, unsigned long long *v)
{
	unsigned long long x = 0;
	size_t	 i = 0;
	int	 base = 10, d;

	if (n == 0)
		return -1;
	if (n > 2 && s[0] == '0' && (s[1] | 0x20) == 'x') {
		base = 16;
		i = 2;
	} else if (n > 1 && s[0] == '0')
		base = 8;
	if (i == n)
		return -1;
	/* Leading zeros, however many, change nothing to a browser. */
	while (n - i > 1 && s[i] == '0')
		i++;
	if (n - i > 20)
		return -1;
	for (; i < n; i++) {
		d = hex_value((unsigned char)s[i]);
		if (d < 0 || d >= base)
			return -1;
		x = x * (unsigned)base + (unsigned)d;
		if (x > 0xffffffffULL)
			return -1;
	}
	*v = x;
	return 0;
}

/* An IPv4 address in any of the forms browsers accept, to dotted form. */
int
url_ipv4(const char *h, char out[24])
{
	unsigned long long	 part[4], v;
	size_t			 np = 0, n;
	const char		*p = h;

	while (np < 4) {
		n = strcspn(p, ".");
		if (ip_part(p, n, &part[np]) == -1)
			return 0;
		np++;
		if (p[n] == '\0')
			break;
		p += n + 1;
		if (*p == '\0')
			break;
	}
	if (p[strcspn(p, ".")] != '\0' && np == 4)
		return 0;
	switch (np) {
	case 1: v = part[0]; break;
	case 2:
		if (part[0] > 255 || part[1] > 0xffffff)
			return 0;
		v = part[0] << 24 | part[1];
		break;
	case 3:
		if (part[0] > 255 || part[1] > 255 || part[2] > 0xffff)
			return 0;
		v = part[0] << 24 | part[1] << 16 | part[2];
		break;
	default:
		if (part[0] > 255 || part[1] > 255 || part[2] > 255 ||
		    part[3] > 255)
			return 0;
		v = part[0] << 24 | part[1] << 16 | part[2] << 8 | part[3];
	}
	/* A bare small number is not an address anyone writes. */
	if (np == 1 && v < 0x1000000)
		return 0;
	snprintf(out, 24, "%llu.%llu.%llu.%llu", (v >> 24) & 255, (v >> 16) & 255,
	    (v >> 8) & 255, v & 255);
	return 1;
}

/* A scheme Windows hands to a program of its own rather than the
 * browser: files and searches on a share, the support and installer
 * tools (checked in urlcheck.c: url.local_handler). */
int
url_local_scheme(const char *scheme)
{
	static const char *const local[] = { "file", "search-ms", "search",
	    "ms-search", "ms-msdt", "ms-appinstaller", "ms-officecmd", NULL };

	return str_in_list(scheme, local);
}

/* Office's own document schemes (ms-word:, ms-excel:, ...). */
static const char *const OFFICE_SCHEMES[] = { "ms-word", "ms-excel",
    "ms-powerpoint", "ms-visio", "ms-access", "ms-project", "ms-publisher",
    "ms-spd", "ms-infopath", NULL };

static int	url_parse_at(struct detect_scan *, const char *, size_t,
		    struct durl *, int);

int
url_parse(struct detect_scan *s, const char *raw, size_t len, struct durl *d)
{
	return url_parse_at(s, raw, len, d, 0);
}

/* url_parse(), depth links deep (an Office link's document: one). */
static int
url_parse_at(struct detect_scan *s, const char *raw, size_t len,
    struct durl *d, int depth)
{
	char	 buf[URL_RAW_MAX + 1], *p, *q, *auth, *hp, *host, *path;
	char	 ip[24], *ascii = NULL, *uni = NULL;
	size_t	 n = 0, i, alen;
	int	 port = 0;
	const char *scheme;

	memset(d, 0, sizeof(*d));
	/* Browsers strip control characters and spaces round a URL and
	 * drop tabs and newlines inside it; so do we, before the first
	 * URL_RAW_MAX bytes are taken (4 KB of blanks hide nothing). */
	for (i = 0; i < len && (unsigned char)raw[i] <= 0x20; i++)
		;
	for (; i < len && n < URL_RAW_MAX; i++) {
		unsigned char c = (unsigned char)raw[i];

		if (c == '\t' || c == '\r' || c == '\n' || c == 0)
			continue;
		buf[n++] = (char)c;
	}
	buf[n] = '\0';
	p = buf;
	while ((unsigned char)*p <= 0x20 && *p != '\0')
		p++;
	while (*p == '"' || *p == '\'' || *p == '<')
		p++;
	for (q = p + strlen(p); q > p && ((unsigned char)q[-1] <= 0x20 ||
	    q[-1] == '"' || q[-1] == '\'' || q[-1] == '>'); q--)
		q[-1] = '\0';
	if (str_ncasecmp(p, "url:", 4) == 0)
		p += 4;
	/* "\\\\host\\share\\file", a path Windows opens as file:. */
	if (p[0] == '\\' && p[1] == '\\') {
		d->scheme = "file";
		d->url = text_clip(&s->a, arena_printf(&s->a, "file:%s", p), 200);
		d->path = arena_strdup(&s->a, p);
		return 0;
	}
	/* The scheme. */
	q = p;
	while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
	    (*q >= '0' && *q <= '9' && q > p) || *q == '+' || *q == '-' ||
	    *q == '.')
		q++;
	if (*q == ':' && q > p) {
		*q = '\0';
		str_lower(p);
		scheme = p;
		p = q + 1;
		if (strcmp(scheme, "hxxp") == 0 || strcmp(scheme, "hxxps") == 0)
			scheme = scheme[4] == 's' ? "https" : "http";
		/* Office's own links open the document at the URL after
		 * "|u|" (ms-word:ofe|u|https://..., also written
		 * ms-word:https://...): that URL is the link, opened in the
		 * program. */
		if (str_in_list(scheme, OFFICE_SCHEMES)) {
			const char *in = strstr(p, "|u|");

			in = in != NULL ? in + 3 : p;
			if (depth > 0 || url_parse_at(s, in, strlen(in), d,
			    depth + 1) != 0)
				return -1;
			d->office = 1;
			return 0;
		}
		if (strcmp(scheme, "javascript") == 0 ||
		    strcmp(scheme, "data") == 0 || strcmp(scheme, "vbscript") ==
		    0 || url_local_scheme(scheme)) {
			d->scheme = arena_strdup(&s->a, scheme);
			d->url = text_clip(&s->a, arena_strndup(&s->a, raw,
			    len), 200);
			d->path = arena_strdup(&s->a, p);
			return 0;
		}
		if (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0 &&
		    strcmp(scheme, "ftp") != 0)
			return -1;
	} else if (p[0] == '/' && p[1] == '/') {
		scheme = "https";
	} else if (str_ncasecmp(p, "www.", 4) == 0) {
		scheme = "http";
	} else
		return -1;
	/* Any run of slashes and backslashes before the authority. */
	while (*p == '/' || *p == '\\')
		p++;
	auth = p;
	alen = strcspn(auth, "/\\?#");
	path = auth + alen;
	hp = auth;
	for (i = alen; i > 0; i--)
		if (auth[i - 1] == '@') {
			hp = auth + i;
			break;
		}
	if (hp != auth)
		d->userinfo = arena_strndup(&s->a, auth, (size_t)(hp - auth - 1));
	host = arena_strndup(&s->a, hp, (size_t)(path - hp));
	if (host[0] == '[') {
		q = strchr(host, ']');
		if (q == NULL)
			return -1;
		if (q[1] == ':')
			port = (int)(strtol(q + 2, NULL, 10) & 0xffff);
		q[1] = '\0';
		d->is_ip = 1;
	} else if ((q = strrchr(host, ':')) != NULL) {
		*q = '\0';
		for (i = 1; q[i] >= '0' && q[i] <= '9' && i < 7; i++)
			;
		port = (int)strtol(q + 1, NULL, 10) & 0xffff;
	}
	/* Percent escapes and full-width dots in the host. */
	{
		char *o = host;

		for (q = host; *q; q++) {
			if (*q == '%' && hex_value((unsigned char)q[1]) >= 0 &&
			    hex_value((unsigned char)q[2]) >= 0) {
				*o++ = (char)(hex_value((unsigned char)q[1]) * 16 +
				    hex_value((unsigned char)q[2]));
				q += 2;
			} else if (q[1] != '\0' && q[2] != '\0' &&
			    (memcmp(q, "\xe3\x80\x82", 3) == 0 ||
			    memcmp(q, "\xef\xbc\x8e", 3) == 0 ||
			    memcmp(q, "\xef\xbd\xa1", 3) == 0)) {
				*o++ = '.';
				q += 2;
			} else
				*o++ = *q;
		}
		*o = '\0';
	}
	str_lower(host);
	while (*host != '\0' && host[strlen(host) - 1] == '.')
		host[strlen(host) - 1] = '\0';
	if (*host == '\0' || strlen(host) > 253)
		return -1;
	if (!d->is_ip && url_ipv4(host, ip)) {
		host = arena_strdup(&s->a, ip);
		d->is_ip = 1;
	}
	if (!d->is_ip) {
		int ascii_only = 1;

		for (q = host; *q; q++)
			if ((unsigned char)*q >= 0x80)
				ascii_only = 0;
		if (!ascii_only) {
			if (idn2_to_ascii_8z(host, &ascii,
			    IDN2_NONTRANSITIONAL) != IDN2_OK &&
			    idn2_to_ascii_8z(host, &ascii, IDN2_TRANSITIONAL) !=
			    IDN2_OK)
				return -1;
			d->uhost = host;
			host = arena_strdup(&s->a, ascii);
			idn2_free(ascii);
			str_lower(host);
			/* Full-width or circled digits are an address
			 * once mapped, as a browser maps them. */
			if (url_ipv4(host, ip)) {
				host = arena_strdup(&s->a, ip);
				d->is_ip = 1;
			}
		} else if (strstr(host, "xn--") != NULL &&
		    idn2_to_unicode_8z8z(host, &uni, 0) == IDN2_OK) {
			d->uhost = arena_strdup(&s->a, uni);
			idn2_free(uni);
		}
		for (q = host; *q; q++)
			if (!((*q >= 'a' && *q <= 'z') || (*q >= '0' &&
			    *q <= '9') || *q == '-' || *q == '.' || *q == '_'))
				return -1;
		if (strchr(host, '.') == NULL)
			return -1;
	}
	d->scheme = arena_strdup(&s->a, scheme);
	d->host = host;
	d->domain = d->is_ip ? host : dom_registrable(s, host);
	d->port = (port == 80 && strcmp(scheme, "http") == 0) ||
	    (port == 443 && strcmp(scheme, "https") == 0) ? 0 : port;
	{
		size_t	 pl = strlen(path);
		char	*pp;

		if (pl > URL_PATH_MAX)
			pl = URL_PATH_MAX;
		pp = arena_strndup(&s->a, path, pl);
		for (q = pp; *q && *q != '?' && *q != '#'; q++)
			if (*q == '\\')
				*q = '/';
		d->path = pp;
	}
	if (d->port != 0)
		d->url = arena_printf(&s->a, "%s://%s%s%s:%d%s", scheme,
		    d->userinfo ? d->userinfo : "", d->userinfo ? "@" : "",
		    host, d->port, d->path);
	else
		d->url = arena_printf(&s->a, "%s://%s%s%s%s", scheme,
		    d->userinfo ? d->userinfo : "", d->userinfo ? "@" : "",
		    host, d->path);
	return 0;
}

struct durl *
url_add(struct detect_scan *s, const char *raw, size_t len,
    enum url_origin origin, const char *text, const char *where)
{
	struct durl	 d, *u;
	const char	*key;
	int		 idx;

	if (s->nu >= DETECT_URLS_MAX)
		return NULL;
	if (url_parse(s, raw, len, &d) == -1)
		return NULL;
	/* A link with no host (javascript:, data:, a share's search) is
	 * shown clipped: it is the same link only if the whole of it is. */
	key = d.host == NULL && d.path != NULL ? arena_printf(&s->a, "%s:%s",
	    d.scheme != NULL ? d.scheme : "", d.path) : d.url;
	if (hset_get(&s->useen, key, strlen(key), &idx)) {
		u = &s->u[idx];
		/* A link seen again may bring the text it is shown with,
		 * and say it opens in an Office program. */
		if (u->text == NULL && text != NULL && *text != '\0')
			u->text = text_clip(&s->a, text, 256);
		if (origin == UO_HREF && u->origin != UO_HREF)
			u->origin = UO_HREF;
		u->office |= d.office;
		return NULL;
	}
	if (s->nu == s->ucap) {
		struct durl *nu;

		s->ucap = s->ucap ? s->ucap * 2 : 32;
		nu = arena_alloc(&s->a, s->ucap * sizeof(*nu));
		if (s->nu > 0)
			memcpy(nu, s->u, s->nu * sizeof(*nu));
		s->u = nu;
	}
	hset_put(&s->useen, key, strlen(key), (int)s->nu);
	d.origin = origin;
	d.text = text != NULL && *text != '\0' ? text_clip(&s->a, text, 256) :
	    NULL;
	d.where = where;
	u = &s->u[s->nu++];
	*u = d;
	return u;
}

/* 1 when the n bytes at t start with p (ASCII, any case). */
static int
prefix(const char *t, size_t n, const char *p)
{
	size_t	 k = strlen(p);

	return n >= k && str_ncasecmp(t, p, k) == 0;
}

static int
url_char(unsigned char c)
{
	return c > 0x20 && c != '<' && c != '>' && c != '"' && c != '`' &&
	    c != '{' && c != '}' && c != '|' && c != '^' && c != 0x7f;
}

void
url_scan_text(struct detect_scan *s, const char *t, size_t n,
    enum url_origin origin, const char *where)
{
	size_t	 i, j, start;

	for (i = 0; i + 4 < n; i++) {
		unsigned char c = (unsigned char)t[i] | 0x20;
		int	 paren = 0, inhost = 1;

		if (c != 'h' && c != 'w')
			continue;
		if (i > 0 && (((unsigned char)t[i - 1] | 0x20) >= 'a' &&
		    ((unsigned char)t[i - 1] | 0x20) <= 'z'))
			continue;
		if (c == 'h' && !(prefix(t + i, n - i, "http://") ||
		    prefix(t + i, n - i, "https://") ||
		    prefix(t + i, n - i, "hxxp://") ||
		    prefix(t + i, n - i, "hxxps://") ||
		    prefix(t + i, n - i, "http:\\\\") ||
		    prefix(t + i, n - i, "https:\\\\")))
			continue;
		if (c == 'w' && !prefix(t + i, n - i, "www."))
			continue;
		start = i;
		for (j = i; j < n && j - i < URL_RAW_MAX; j++) {
			unsigned char ch = (unsigned char)t[j];

			if (ch >= 0x80) {
				/* Unicode host labels may go on; a Japanese
				 * sentence after a URL may not. */
				uint32_t cp;
				size_t	 k = utf8_next(t + j, n - j, &cp);

				if (!inhost || text_script(cp) == SC_CJK ||
				    (cp >= 0x3000 && cp <= 0x303f) ||
				    (cp >= 0xff00 && cp <= 0xffef) ||
				    cp == 0xfffd || cp == 0xa0)
					break;
				/* The whole character, not its first byte. */
				j += k - 1;
				continue;
			}
			if (!url_char(ch))
				break;
			if (ch == '(')
				paren++;
			if (ch == ')' && --paren < 0)
				break;
			if (j > i + 8 && (ch == '/' || ch == '?' || ch == '#'))
				inhost = 0;
		}
		/* Sentence punctuation after a URL is not part of it. */
		while (j > start && strchr(".,;:!?'*)]", t[j - 1]) != NULL &&
		    !(t[j - 1] == ')' && memchr(t + start, '(', j - start)))
			j--;
		if (j - start > 7)
			url_add(s, t + start, j - start, origin, NULL, where);
		i = j;
		if (s->nu >= DETECT_URLS_MAX)
			break;
	}
}
