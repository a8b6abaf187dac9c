/*
 * html: a bounded, forgiving HTML scanner (not a DOM).  One pass finds
 * the links with their text, the forms and password fields, scripts and
 * what they do (HTML smuggling, redirects), CSS urls, and separates the
 * text a reader sees from the text hidden from them.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "util.h"

#define STACK_MAX	128
#define ATTRS_MAX	64
#define VALUE_MAX	8192
#define ATEXT_MAX	512

struct hattr {
	char		 name[24];
	const char	*val;		/* entity-decoded, in the arena */
	size_t		 len;
};

struct hstate {
	struct detect_scan	*s;
	const char		*where;
	struct buf		*vis;
	struct html_info	*hi;
	struct {
		char	 name[16];
		int	 hidden;
	}			 st[STACK_MAX];
	int			 depth, hidden;
	const char		*href;		/* of the open <a> */
	struct buf		 atext;
	int			 in_a;
	int			 form_open;
	const char		*form_action;
	int			 form_pw;
};

static const struct {
	const char	*name;
	const char	*val;
} entities[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
	{ "apos", "'" }, { "nbsp", " " }, { "copy", "\xc2\xa9" },
	{ "reg", "\xc2\xae" }, { "zwnj", "\xe2\x80\x8c" },
	{ "zwj", "\xe2\x80\x8d" }, { "shy", "\xc2\xad" },
	{ "ndash", "-" }, { "mdash", "-" }, { "rsquo", "'" },
	{ "lsquo", "'" }, { "ldquo", "\"" }, { "rdquo", "\"" },
	{ "hellip", "..." }, { "bull", "*" }, { "middot", "." },
	{ "colon", ":" }, { "sol", "/" }, { "period", "." },
	{ "commat", "@" }, { "NewLine", " " }, { "Tab", " " },
	{ "lpar", "(" }, { "rpar", ")" }, { "quest", "?" },
	{ "equals", "=" }, { "num", "#" }, { "percnt", "%" },
	{ "euro", "\xe2\x82\xac" }, { "yen", "\xc2\xa5" },
};

/* Decode character references into out (no NUL added). */
static void
decode_entities(const char *p, size_t n, struct buf *out)
{
	size_t	 i = 0, k;
	char	 u[4];

	while (i < n) {
		const char *amp = memchr(p + i, '&', n - i);

		if (amp == NULL) {
			buf_add(out, p + i, n - i);
			return;
		}
		buf_add(out, p + i, (size_t)(amp - (p + i)));
		i = (size_t)(amp - p) + 1;
		if (i < n && p[i] == '#') {
			uint32_t c = 0;
			int	 hex = i + 1 < n && (p[i + 1] | 0x20) == 'x';
			size_t	 j = i + 1 + (size_t)hex, d = 0;

			for (; j < n && d < 8; j++, d++) {
				int v;

				if (hex && ((p[j] | 0x20) >= 'a' &&
				    (p[j] | 0x20) <= 'f'))
					v = (p[j] | 0x20) - 'a' + 10;
				else if (p[j] >= '0' && p[j] <= '9')
					v = p[j] - '0';
				else
					break;
				c = c * (hex ? 16 : 10) + (uint32_t)v;
			}
			if (d == 0) {
				buf_addc(out, '&');
				continue;
			}
			if (j < n && p[j] == ';')
				j++;
			if (c == 0 || c > 0x10ffff || (c >= 0xd800 &&
			    c <= 0xdfff))
				c = 0xfffd;
			buf_add(out, u, utf8_put(c, u));
			i = j;
			continue;
		}
		for (k = 0; k < nitems(entities); k++) {
			size_t l = strlen(entities[k].name);

			if (i + l <= n && memcmp(p + i, entities[k].name, l) ==
			    0) {
				buf_adds(out, entities[k].val);
				i += l;
				if (i < n && p[i] == ';')
					i++;
				break;
			}
		}
		if (k == nitems(entities))
			buf_addc(out, '&');
	}
}

static const char *
attr(const struct hattr *a, int na, const char *name)
{
	int	 i;

	for (i = 0; i < na; i++)
		if (strcmp(a[i].name, name) == 0)
			return a[i].val;
	return NULL;
}

/* Does this style hide the element's text? */
static int
style_hidden(const char *st)
{
	char	 b[512];
	size_t	 n = 0;
	const char *p;

	for (p = st; *p != '\0' && n + 1 < sizeof(b); p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			b[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
	b[n] = '\0';
	if (strstr(b, "display:none") || strstr(b, "visibility:hidden") ||
	    strstr(b, "mso-hide:all") || strstr(b, "opacity:0;") ||
	    (strstr(b, "opacity:0") && b[n - 1] == '0' &&
	    strstr(b, "opacity:0.") == NULL))
		return 1;
	if ((p = strstr(b, "font-size:")) != NULL) {
		p += 10;
		if ((p[0] == '0' && (p[1] != '.' || p[2] == '0')) ||
		    (p[0] == '1' && (p[1] == 'p' || p[1] == ';' ||
		    p[1] == '\0')))
			return 1;
	}
	if ((strstr(b, "max-height:0") || strstr(b, "height:0")) &&
	    strstr(b, "overflow:hidden"))
		return 1;
	if (strstr(b, "width:0") && strstr(b, "height:0"))
		return 1;
	return 0;
}

static void
css_urls(struct hstate *h, const char *p, size_t n)
{
	const char	*e = p + n, *q;

	while (p < e && (q = memmem(p, (size_t)(e - p), "url(", 4)) != NULL) {
		const char *v = q + 4, *end;

		while (v < e && (*v == ' ' || *v == '"' || *v == '\''))
			v++;
		end = v;
		while (end < e && *end != ')' && *end != '"' && *end != '\'')
			end++;
		url_add(h->s, v, (size_t)(end - v), UO_CSS, NULL, h->where);
		p = end;
	}
}

static void
script_facts(struct hstate *h, const char *p, size_t n)
{
	static const struct {
		const char	*needle;
		int		 bit;
	} sm[] = {
		{ "atob(", HS_ATOB }, { "new Blob", HS_BLOB },
		{ "Blob(", HS_BLOB }, { "createObjectURL", HS_OBJURL },
		{ "msSaveOrOpenBlob", HS_SAVEBLOB }, { "msSaveBlob",
		HS_SAVEBLOB }, { ".download", HS_DOWNLOAD },
		{ "download=", HS_DOWNLOAD }, { "saveAs(", HS_SAVEBLOB },
	};
	static const char *const redir[] = { "location.href",
	    "window.location", "location.replace", "location.assign",
	    "document.location", "top.location", "window.open(" };
	size_t	 i, run = 0;

	h->hi->scripts++;
	for (i = 0; i < nitems(sm); i++)
		if (memmem(p, n, sm[i].needle, strlen(sm[i].needle)) != NULL)
			h->hi->smuggle |= sm[i].bit;
	/* A long base64 literal is a file carried in the script. */
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=') {
			if (++run >= 4096) {
				h->hi->smuggle |= HS_BIGDATA;
				break;
			}
		} else
			run = 0;
	}
	for (i = 0; i < nitems(redir); i++)
		if (memmem(p, n, redir[i], strlen(redir[i])) != NULL) {
			size_t before = h->s->nu;

			url_scan_text(h->s, p, n, UO_SCRIPT, h->where);
			if (h->hi->redirect == NULL && h->s->nu > before)
				h->hi->redirect = h->s->u[before].url;
			return;
		}
	url_scan_text(h->s, p, n, UO_SCRIPT, h->where);
}

static void
text_out(struct hstate *h, const char *p, size_t n)
{
	struct buf	 b;
	size_t		 i, chars = 0;

	if (n == 0)
		return;
	buf_init(&b, n * 4 + 16);
	decode_entities(p, n, &b);
	for (i = 0; i < b.len; i++)
		if ((unsigned char)b.ptr[i] > 0x20 &&
		    ((unsigned char)b.ptr[i] & 0xc0) != 0x80)
			chars++;
	if (h->hidden > 0) {
		h->hi->hidden += chars;
	} else {
		h->hi->visible += chars;
		if (h->vis != NULL)
			buf_add(h->vis, b.ptr, b.len);
		if (h->in_a && h->atext.len < ATEXT_MAX)
			buf_add(&h->atext, b.ptr, b.len < ATEXT_MAX ? b.len :
			    ATEXT_MAX);
	}
	buf_release(&b);
}

static void
a_close(struct hstate *h)
{
	if (!h->in_a)
		return;
	if (h->href != NULL)
		url_add(h->s, h->href, strlen(h->href), UO_HREF,
		    h->atext.ptr, h->where);
	h->in_a = 0;
	h->href = NULL;
	buf_reset(&h->atext);
}

static int
is_void(const char *t)
{
	static const char *const v[] = { "br", "img", "input", "meta",
	    "link", "hr", "wbr", "area", "base", "col", "embed", "source",
	    "track", "param", "keygen", "frame" };
	size_t	 i;

	for (i = 0; i < nitems(v); i++)
		if (strcmp(t, v[i]) == 0)
			return 1;
	return 0;
}

static int
is_block(const char *t)
{
	static const char *const v[] = { "p", "div", "br", "tr", "td", "th",
	    "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr", "title",
	    "center", "blockquote", "ul", "ol", "section", "article",
	    "header", "footer", "button", "option" };
	size_t	 i;

	for (i = 0; i < nitems(v); i++)
		if (strcmp(t, v[i]) == 0)
			return 1;
	return 0;
}

static void
start_tag(struct hstate *h, const char *t, struct hattr *a, int na, int self)
{
	struct detect_scan	*s = h->s;
	const char		*v;
	int			 i, hid = 0;

	if (h->vis != NULL && is_block(t))
		buf_addc(h->vis, ' ');
	for (i = 0; i < na; i++)
		if (a[i].name[0] == 'o' && a[i].name[1] == 'n' &&
		    a[i].name[2] != '\0')
			h->hi->handlers++;
	if ((v = attr(a, na, "style")) != NULL) {
		if (style_hidden(v))
			hid = 1;
		css_urls(h, v, strlen(v));
	}
	if (attr(a, na, "hidden") != NULL)
		hid = 1;
	if ((v = attr(a, na, "background")) != NULL)
		url_add(s, v, strlen(v), UO_SRC, NULL, h->where);
	if (strcmp(t, "a") == 0 || strcmp(t, "area") == 0) {
		a_close(h);
		v = attr(a, na, "href");
		if (v == NULL)
			v = attr(a, na, "xlink:href");
		if (v != NULL && str_ncasecmp(v, "mailto:", 7) == 0 &&
		    h->hi->mailto == NULL) {
			size_t n = strcspn(v + 7, "?&");

			h->hi->mailto = arena_strndup(&s->a, v + 7, n);
			str_lower((char *)h->hi->mailto);
		}
		if (v != NULL) {
			h->hi->links++;
			if (strcmp(t, "area") == 0)
				url_add(s, v, strlen(v), UO_HREF, NULL,
				    h->where);
			else {
				h->href = v;
				h->in_a = 1;
			}
		}
	} else if (strcmp(t, "img") == 0 || strcmp(t, "script") == 0 ||
	    strcmp(t, "embed") == 0 || strcmp(t, "source") == 0 ||
	    strcmp(t, "iframe") == 0 || strcmp(t, "frame") == 0 ||
	    strcmp(t, "input") == 0 || strcmp(t, "image") == 0) {
		v = attr(a, na, "src");
		if (v == NULL)
			v = attr(a, na, "xlink:href");
		if (v == NULL)
			v = attr(a, na, "href");
		if (strcmp(t, "img") == 0) {
			h->hi->images++;
			if (h->in_a)
				h->hi->linked_images++;
		}
		if (v != NULL)
			url_add(s, v, strlen(v), strcmp(t, "iframe") == 0 ||
			    strcmp(t, "frame") == 0 ? UO_HREF : UO_SRC, NULL,
			    h->where);
		if (strcmp(t, "iframe") == 0 || strcmp(t, "frame") == 0) {
			h->hi->iframes++;
			if (attr(a, na, "srcdoc") != NULL)
				h->hi->svg_embed++;
		}
		if (strcmp(t, "input") == 0) {
			const char *ty = attr(a, na, "type");
			const char *nm = attr(a, na, "name");

			if ((ty != NULL && str_casecmp(ty, "password") == 0) ||
			    (nm != NULL && (strstr(nm, "pass") != NULL ||
			    strstr(nm, "pwd") != NULL))) {
				h->hi->pw_inputs++;
				h->form_pw = 1;
			}
		}
	} else if (strcmp(t, "object") == 0) {
		if ((v = attr(a, na, "data")) != NULL)
			url_add(s, v, strlen(v), UO_SRC, NULL, h->where);
	} else if (strcmp(t, "link") == 0) {
		if ((v = attr(a, na, "href")) != NULL)
			url_add(s, v, strlen(v), UO_SRC, NULL, h->where);
	} else if (strcmp(t, "form") == 0) {
		h->hi->forms++;
		h->form_open = 1;
		h->form_pw = 0;
		v = attr(a, na, "action");
		h->form_action = v;
		if (v != NULL)
			url_add(s, v, strlen(v), UO_FORM, NULL, h->where);
		if (h->hi->form_action == NULL && v != NULL)
			h->hi->form_action = v;
	} else if (strcmp(t, "button") == 0) {
		if ((v = attr(a, na, "formaction")) != NULL)
			url_add(s, v, strlen(v), UO_FORM, NULL, h->where);
	} else if (strcmp(t, "meta") == 0) {
		const char *he = attr(a, na, "http-equiv");
		const char *c = attr(a, na, "content");

		if (he != NULL && c != NULL && str_casecmp(he, "refresh") ==
		    0) {
			const char *u = c;
			struct durl *d;

			while (*u != '\0' && str_ncasecmp(u, "url=", 4) != 0)
				u++;
			if (*u != '\0') {
				u += 4;
				while (*u == '\'' || *u == '"' || *u == ' ')
					u++;
				d = url_add(s, u, strcspn(u, "'\""), UO_META,
				    NULL, h->where);
				if (d != NULL && h->hi->redirect == NULL)
					h->hi->redirect = d->url;
			}
		}
	} else if (strcmp(t, "foreignobject") == 0) {
		h->hi->svg_embed++;
	} else if (strcmp(t, "base") == 0) {
		if ((v = attr(a, na, "href")) != NULL)
			url_add(s, v, strlen(v), UO_SRC, NULL, h->where);
	}
	if (self || is_void(t))
		return;
	if (h->depth < STACK_MAX) {
		snprintf(h->st[h->depth].name, sizeof(h->st[0].name), "%s", t);
		h->st[h->depth].hidden = hid;
		h->depth++;
		h->hidden += hid;
	}
}

static void
end_tag(struct hstate *h, const char *t)
{
	int	 i;

	if (strcmp(t, "a") == 0)
		a_close(h);
	if (strcmp(t, "form") == 0) {
		if (h->form_pw && h->form_action != NULL)
			h->hi->form_action = h->form_action;
		h->form_open = 0;
	}
	if (h->vis != NULL && is_block(t))
		buf_addc(h->vis, ' ');
	for (i = h->depth - 1; i >= 0 && h->depth - i <= 16; i--)
		if (strcmp(h->st[i].name, t) == 0) {
			while (h->depth > i) {
				h->depth--;
				h->hidden -= h->st[h->depth].hidden;
			}
			return;
		}
}

/* Parse a tag at p ('<' already seen): name, attributes, up to '>'. */
static const char *
tag(struct hstate *h, const char *p, const char *e, char *name,
    size_t namesz, int *closing)
{
	struct hattr	 a[ATTRS_MAX];
	int		 na = 0, self = 0;
	size_t		 n = 0;
	struct buf	 vb;

	*closing = 0;
	if (p < e && *p == '/') {
		*closing = 1;
		p++;
	}
	while (p < e && n + 1 < namesz && (((*p | 0x20) >= 'a' &&
	    (*p | 0x20) <= 'z') || (*p >= '0' && *p <= '9') || *p == ':' ||
	    *p == '-')) {
		name[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
		p++;
	}
	name[n] = '\0';
	/* svg:script and friends */
	if (strchr(name, ':') != NULL)
		memmove(name, strchr(name, ':') + 1, strlen(strchr(name,
		    ':') + 1) + 1);
	while (p < e && !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') &&
	    *p != '>' && *p != '/')
		p++;
	for (;;) {
		char	 an[24];
		size_t	 k = 0;
		const char *vs = NULL, *ve = NULL;

		while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' ||
		    *p == '\r' || *p == '\f' || (*p == '/' && !(p + 1 < e &&
		    p[1] == '>'))))
			p++;
		if (p >= e)
			break;
		if (*p == '>') {
			p++;
			break;
		}
		if (*p == '/' && p + 1 < e && p[1] == '>') {
			self = 1;
			p += 2;
			break;
		}
		while (p < e && *p != '=' && *p != '>' && *p != ' ' &&
		    *p != '\t' && *p != '\n' && *p != '\r' && *p != '/') {
			if (k + 1 < sizeof(an))
				an[k++] = (char)((*p >= 'A' && *p <= 'Z') ?
				    *p + 32 : *p);
			p++;
		}
		an[k] = '\0';
		while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' ||
		    *p == '\r'))
			p++;
		if (p < e && *p == '=') {
			p++;
			while (p < e && (*p == ' ' || *p == '\t' ||
			    *p == '\n' || *p == '\r'))
				p++;
			if (p < e && (*p == '"' || *p == '\'')) {
				char q = *p++;
				const char *qe = memchr(p, q, (size_t)(e - p));

				vs = p;
				ve = qe != NULL ? qe : e;
				p = qe != NULL ? qe + 1 : e;
			} else {
				vs = p;
				while (p < e && *p != ' ' && *p != '>' &&
				    *p != '\t' && *p != '\n' && *p != '\r')
					p++;
				ve = p;
			}
		} else if (k == 0) {
			if (p < e)
				p++;	/* junk: step over it */
			continue;
		}
		if (na < ATTRS_MAX && k > 0 && !*closing) {
			size_t vl = vs ? (size_t)(ve - vs) : 0;

			if (vl > VALUE_MAX)
				vl = VALUE_MAX;
			/* cppcheck-suppress legacyUninitvar */
			snprintf(a[na].name, sizeof(a[na].name), "%s", an);
			buf_init(&vb, VALUE_MAX * 4);
			if (vs != NULL)
				decode_entities(vs, vl, &vb);
			a[na].val = arena_strndup(&h->s->a, vb.ptr, vb.len);
			a[na].len = vb.len;
			buf_release(&vb);
			na++;
		}
	}
	if (name[0] != '\0') {
		if (*closing)
			end_tag(h, name);
		else
			start_tag(h, name, a, na, self);
	}
	return p;
}

void
html_scan(struct detect_scan *s, const char *p, size_t n, const char *where,
    struct buf *vis, struct html_info *hi)
{
	struct hstate	 h;
	const char	*e = p + n, *q;
	char		 name[16];
	int		 closing;

	memset(&h, 0, sizeof(h));
	h.s = s;
	h.where = where;
	h.vis = vis;
	h.hi = hi;
	buf_init(&h.atext, ATEXT_MAX * 2);
	while (p < e) {
		if (*p != '<') {
			q = memchr(p, '<', (size_t)(e - p));
			if (q == NULL)
				q = e;
			text_out(&h, p, (size_t)(q - p));
			p = q;
			continue;
		}
		p++;
		if (p + 2 < e && p[0] == '!' && p[1] == '-' && p[2] == '-') {
			q = memmem(p, (size_t)(e - p), "-->", 3);
			p = q != NULL ? q + 3 : e;
			continue;
		}
		if (p < e && (*p == '!' || *p == '?')) {
			q = memchr(p, '>', (size_t)(e - p));
			p = q != NULL ? q + 1 : e;
			continue;
		}
		if (p >= e || !(((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') ||
		    *p == '/')) {
			text_out(&h, "<", 1);
			continue;
		}
		p = tag(&h, p, e, name, sizeof(name), &closing);
		if (closing)
			continue;
		/* Raw text elements: find their end tag. */
		if (strcmp(name, "script") == 0 || strcmp(name, "style") == 0 ||
		    strcmp(name, "title") == 0 || strcmp(name, "textarea") ==
		    0) {
			char	 endt[24];
			const char *c = p;

			snprintf(endt, sizeof(endt), "</%s", name);
			for (q = NULL; c < e; c++) {
				c = memchr(c, '<', (size_t)(e - c));
				if (c == NULL)
					break;
				if ((size_t)(e - c) >= strlen(endt) &&
				    str_ncasecmp(c, endt, strlen(endt)) == 0) {
					q = c;
					break;
				}
			}
			if (q == NULL)
				q = e;
			if (name[1] == 'c')
				script_facts(&h, p, (size_t)(q - p));
			else if (name[1] == 't')
				css_urls(&h, p, (size_t)(q - p));
			else
				text_out(&h, p, (size_t)(q - p));
			end_tag(&h, name);
			p = q;
			if (p < e) {
				q = memchr(p, '>', (size_t)(e - p));
				p = q != NULL ? q + 1 : e;
			}
		}
	}
	a_close(&h);
	buf_release(&h.atext);
}
