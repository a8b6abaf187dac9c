/*
 * html: a bounded, forgiving HTML scanner (not a DOM).  One pass finds
 * the links with their text, the forms and password fields, scripts and
 * what they do (HTML smuggling, redirects), CSS urls, and separates the
 * text a reader sees from the text hidden from them.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "internal.h"
#include "util.h"

#define STACK_MAX	128
#define ATTRS_MAX	64	/* attributes of an element kept */
#define ATTRS_MORE	16	/* and past them, those the scanner reads
				   (an href as the 65th is an href) */
#define VALUE_MAX	8192
#define ATEXT_MAX	512
#define OFF_RULES	64	/* class and id rules that push out of view
				   or set a background */
#define OFF_CSS_MAX	(256 * 1024)	/* CSS read for them, per body */
#define OFF_PX		10000	/* an offset this far is out of view */
#define PREVIEW_MAX	250	/* characters of a hidden preheader */
#define GRID_MAX	200	/* cells a side of a table read as a QR
				   code (one has at most 177 modules) */
#define GRID_DEPTH	4	/* tables in tables read */
#define DATA_IMAGE_MAX	(4u << 20)	/* base64 of a data: picture read */
#define ENTITY_NAME_MAX	40	/* bytes of a character reference's name
				   (the longest HTML5 names has 31) */
#define RESOLVE_MAX	(1u << 20)	/* bytes of links read against
					   <base href>, a page */
#define COND_MAX	128	/* bytes of a conditional comment's test
				   (<!--[if gte mso 9]>) */

/* What an offset does: hide the element's own text, and the text after
 * the element (pushed down by it). */
#define OFF_IN		0x01
#define OFF_AFTER	0x02
/* A class or id rule that sets a background: the element's background is
 * then not known (text on it is never judged by its colour). */
#define OFF_BG		0x04
/* A rule of a style sheet that hides (display:none and the like) outside
 * any @media block, and not shown again inside one. */
#define OFF_HIDE	0x08
#define OFF_CLIP	0x10	/* the same by a box of no size that clips */
#define OFF_IMP		0x20	/* the hiding is !important: an element's
				   own style does not undo it */

enum { OPEN_P, OPEN_LI, OPEN_D, OPEN_FOREIGN };

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
		int	 tiny;		/* the font-size of the one before */
		long	 fg, bg;	/* the colours of the one before */
		int	 after;		/* closing it hides the rest */
	}			 st[STACK_MAX];
	int			 depth, hidden;
	int			 tiny;	/* the font is too small to read */
	long			 fg, bg;	/* text and background colours
					   (0xRRGGBB), -1 not known */
	int			 bg_unknown;	/* a style sheet sets
					   backgrounds it cannot say where */
	int			 rest;	/* the rest is out of view */
	int			 in_title;
	int			 seen;	/* visible text of the body met */
	struct buf		*lines;	/* hi->lines, when the page has blocks */
	int			 pre;	/* inside <pre>: the source's breaks */
	size_t			 preview;	/* hidden text before it */
	struct {
		char	 sel[48];	/* ".name", "#name" or a tag's name,
					   lower case */
		int	 off;		/* OFF_* */
		long	 bg;		/* OFF_BG: the colour, -1 unknown */
	}			 off[OFF_RULES];
	int			 noff;
	char			 shown[OFF_RULES][48];	/* selectors an @media
							   rule shows */
	int			 nshown;
	int			 hide_unsure;	/* shown selectors not all
						   kept: no rule hides */
	struct buf		 js;		/* the page's scripts and event
					   handlers, for where it sends the
					   browser (page_redirect()) */
	const char		*href;		/* of the open <a> */
	char			 a_tag[16];	/* "a", or the VML shape
						   that holds the link */
	int			 open[4];	/* open <p>, <li>, <dd> or
						   <dt>, <svg> or <math> */
	int			 quirks;	/* no <!DOCTYPE>: quirks
						   mode */
	int			 deep;	/* elements open past STACK_MAX */
	int			 deep_unknown;	/* one of them sets a colour:
						   those inside not known */
	int			 mso;	/* in what only Outlook's desktop
					   program shows (<!--[if mso]>) */
	const char		*mso_end;	/* up to here */
	const char		*dashes;	/* the last "-->" found
						   (dashes()) */
	const char		*base;		/* <base href>, or NULL */
	size_t			 resolved;	/* bytes of links made from
						   it */
	const char		*base_origin;	/* its scheme and host */
	struct buf		 atext;
	int			 in_a;
	int			 form_open;
	const char		*form_action;
	int			 form_pw;
	/* Each open table's cells (the innermost GRID_DEPTH), dark or
	 * light, read as a QR code when it closes (quishing that draws
	 * the code with cells). */
	struct grid {
		unsigned char	*m;	/* GRID_MAX by GRID_MAX, at its
					   first cell */
		int		 in_row, rows, cur, w, dark, bad;
	}			 grid[GRID_DEPTH];
	int			 tables;	/* open, however deep */
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
	{ "commat", "@" }, { "NewLine", "\n" }, { "Tab", "\t" },
	{ "lpar", "(" }, { "rpar", ")" }, { "quest", "?" },
	{ "equals", "=" }, { "num", "#" }, { "percnt", "%" },
	{ "euro", "\xe2\x82\xac" }, { "yen", "\xc2\xa5" },
	{ "block", "\xe2\x96\x88" }, { "uhblk", "\xe2\x96\x80" },
	{ "lhblk", "\xe2\x96\x84" },
};

/* HTML's white space: space, tab, line feed, form feed, return. */
static int
html_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* The entry of HTML5's table named by the k bytes at p, or -1. */
static int
entity_find(const char *p, size_t k)
{
	size_t	 lo = 0, hi = nitems(html5_entities), mid;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strncmp(html5_entities[mid].name, p, k);
		if (c == 0 && html5_entities[mid].name[k] != '\0')
			c = 1;
		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Is the name of k bytes at p one the short table folds (&nbsp; to a
 * space, &rsquo; to an apostrophe)? */
static int
entity_folded(const char *p, size_t k)
{
	size_t	 i;

	for (i = 0; i < nitems(entities); i++)
		if (strlen(entities[i].name) == k &&
		    memcmp(entities[i].name, p, k) == 0)
			return 1;
	return 0;
}

/* A name HTML5 reads without ';' (&eacute, &copy), the longest that
 * starts at p + *i and is not followed by a letter, a digit or '=' (in
 * an attribute, "&copy=1" is no reference): its characters added and
 * *i moved past it. */
static int
entity_legacy(const char *p, size_t n, size_t *i, struct buf *out)
{
	size_t	 k;
	int	 v;

	for (k = 0; *i + k < n && k < 8 && isalnum((unsigned char)p[*i +
	    k]); k++)
		;
	for (; k >= 2; k--) {
		if (*i + k < n && (isalnum((unsigned char)p[*i + k]) ||
		    p[*i + k] == '='))
			continue;
		if ((v = entity_find(p + *i, k)) >= 0 &&
		    html5_entities[v].legacy) {
			buf_adds(out, html5_entities[v].val);
			*i += k;
			return 1;
		}
	}
	return 0;
}

/* Decode character references into out (no NUL added). */
static void
decode_entities(const char *p, size_t n, struct buf *out)
{
	size_t	 i = 0, k;
	char	 u[4];
	int	 e;

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

			/* Every digit, leading zeros however many (a
			 * browser reads them all); past U+10FFFF, U+FFFD. */
			for (; j < n; j++, d++) {
				int v;

				if (hex && ((p[j] | 0x20) >= 'a' &&
				    (p[j] | 0x20) <= 'f'))
					v = (p[j] | 0x20) - 'a' + 10;
				else if (p[j] >= '0' && p[j] <= '9')
					v = p[j] - '0';
				else
					break;
				if (c <= 0x10ffff)
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
		/* A name the short table above does not fold: HTML5's. */
		for (k = 0; i + k < n && k < ENTITY_NAME_MAX &&
		    isalnum((unsigned char)p[i + k]); k++)
			;
		if (k > 0 && i + k < n && p[i + k] == ';' &&
		    !entity_folded(p + i, k) &&
		    (e = entity_find(p + i, k)) >= 0) {
			buf_adds(out, html5_entities[e].val);
			i += k + 1;
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
		if (k == nitems(entities) && !entity_legacy(p, n, &i, out))
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

/* The value of property prop in a squeezed declaration list, or NULL. */
static const char *
css_prop(const char *d, const char *prop)
{
	size_t		 l = strlen(prop);
	const char	*p;

	const char	*v = NULL, *vi = NULL, *val, *imp;

	/* As in CSS: the last one given wins, unless an earlier one is
	 * !important (then the last of those); one of no value is none. */
	for (p = d; (p = strstr(p, prop)) != NULL; p += l) {
		if (!((p == d || p[-1] == ';' || p[-1] == '{') && p[l] == ':'))
			continue;
		val = p + l + 1;
		if (*val == ';' || *val == '\0' || *val == '!' || *val == '}')
			continue;
		imp = memmem(val, strcspn(val, ";}"), "!important", 10);
		if (imp != NULL)
			vi = val;
		else
			v = val;
	}
	return vi != NULL ? vi : v;
}

/* Does the style b (css_squeeze()d) set the property prop, itself and not
 * one ending in its name (min-width for width, line-height for height),
 * to zero, in any unit? */
static int
css_zero(const char *b, const char *prop)
{
	const char	*v = css_prop(b, prop);

	return v != NULL && v[0] == '0' && !(v[1] >= '0' && v[1] <= '9') &&
	    v[1] != '.';
}

static int	style_clipped(const char *);

/* Is the value v of a squeezed declaration list the word w (ended by
 * ';', '!', a space or the end)? */
static int
css_is(const char *v, const char *w)
{
	size_t	 l = strlen(w);

	return v != NULL && strncmp(v, w, l) == 0 && (v[l] == '\0' ||
	    v[l] == ';' || v[l] == '!' || v[l] == ' ');
}

/* Does the style b (css_squeeze()d) hide the element: display:none,
 * visibility:hidden, an opacity of 0 (each the last one given), or a
 * box that clips it? */
static int
style_hidden(const char *b)
{
	const char	*v;

	if (css_is(css_prop(b, "display"), "none") ||
	    css_is(css_prop(b, "visibility"), "hidden") ||
	    css_is(css_prop(b, "visibility"), "collapse"))
		return 1;
	if ((v = css_prop(b, "opacity")) != NULL) {
		v += strspn(v, "0");
		if (*v == '.')
			v += 1 + strspn(v + 1, "0");
		if (*v == '\0' || *v == ';' || *v == '!' || *v == '%' ||
		    *v == ' ')
			return 1;
	}
	return style_clipped(b);
}

/* Does this style (css_squeeze()d) make the element a box of no height
 * or no width that clips what it holds? (A table's box grows to what it
 * holds: not for tables and their cells.) */
static int
style_clipped(const char *b)
{
	int	 clip;

	clip = strstr(b, "overflow:hidden") != NULL || strstr(b,
	    "overflow-x:hidden") != NULL || strstr(b, "overflow:clip") != NULL;
	if ((css_zero(b, "max-height") || css_zero(b, "height")) && clip)
		return 1;
	if (css_zero(b, "width") && css_zero(b, "height"))
		return 1;
	/* A box of no width that clips what it holds. */
	if ((css_zero(b, "width") || css_zero(b, "max-width")) && clip)
		return 1;
	return 0;
}

/*
 * The font size a style (css_squeeze()d) sets: 1 too small to read (0, 0px,
 * 1px), 0 one that can be read, -1 none (the element keeps its
 * parent's).  Unlike display:none, a size is inherited only until an
 * element sets its own: templates put font-size:0 on a cell, against the
 * gaps between its blocks, and set the size of the text in each block.
 */
static int
style_font(const char *b)
{
	const char *p;

	if ((p = css_prop(b, "font-size")) == NULL)
		return -1;
	return (p[0] == '0' && (p[1] != '.' || p[2] == '0')) ||
	    (p[0] == '1' && (p[1] == 'p' || p[1] == ';' || p[1] == '\0'));
}

/*
 * A CSS or HTML colour as 0xRRGGBB: "#fff", "#ffffff", "rgb(255,255,255)",
 * "rgba(255,255,255,1)", "white", "black"; -1 for any other (not known),
 * -2 for "transparent" or an alpha of 0.
 * v is lower case, without white space (css_squeeze), or an attribute.
 */
static long
css_color(const char *v)
{
	char	 b[32];
	size_t	 n = 0;
	unsigned r, g, bl;
	char	 end;

	for (; *v != '\0' && *v != ';' && *v != '!' && n + 1 < sizeof(b); v++)
		if (*v != ' ' && *v != '"' && *v != '\'')
			b[n++] = (char)((*v >= 'A' && *v <= 'Z') ? *v + 32 : *v);
	b[n] = '\0';
	if (strcmp(b, "white") == 0)
		return 0xffffff;
	if (strcmp(b, "black") == 0)
		return 0;
	if (strcmp(b, "transparent") == 0)
		return -2;
	if (b[0] == '#' && (n == 4 || n == 7) &&
	    strspn(b + 1, "0123456789abcdef") == n - 1) {
		unsigned long x = strtoul(b + 1, NULL, 16);

		if (n == 7)
			return (long)x;
		return (long)(((x >> 8 & 0xf) * 0x110000) |
		    ((x >> 4 & 0xf) * 0x1100) | ((x & 0xf) * 0x11));
	}
	if (sscanf(b, "rgb(%u,%u,%u%c", &r, &g, &bl, &end) == 4 &&
	    end == ')' && r < 256 && g < 256 && bl < 256)
		return (long)(r << 16 | g << 8 | bl);
	/* rgba(): an alpha of 0 is transparent; any other, the colour. */
	if (sscanf(b, "rgba(%u,%u,%u,%c", &r, &g, &bl, &end) == 4 &&
	    r < 256 && g < 256 && bl < 256) {
		const char *al = strrchr(b, ',') + 1;

		if (strspn(al, "0.") == strlen(al) - 1 && al[strlen(al) - 1] ==
		    ')')
			return -2;
		return (long)(r << 16 | g << 8 | bl);
	}
	return -1;
}

/*
 * The background a squeezed declaration list sets: its colour, -1 when
 * it sets one that is not known (a picture, a gradient, a colour by
 * name), -3 when it sets none.
 */
static long
css_background(const char *d)
{
	const char	*v;
	long		 c;

	if (css_prop(d, "background-image") != NULL)
		return -1;
	if ((v = css_prop(d, "background")) != NULL) {
		if (strncmp(v, "url(", 4) == 0 || strstr(v, "gradient") !=
		    NULL || (c = css_color(v)) == -1)
			return -1;
		return c == -2 ? -3 : c;
	}
	if ((v = css_prop(d, "background-color")) != NULL)
		return (c = css_color(v)) == -2 ? -3 : c;
	return -3;
}

/* Text this colour on that background cannot be read. */
static int
color_hides(long fg, long bg)
{
	long	 d = 0;
	int	 k;

	if (fg < 0 || bg < 0)
		return 0;
	for (k = 0; k < 24; k += 8) {
		long x = (fg >> k & 0xff) - (bg >> k & 0xff);

		d += x < 0 ? -x : x;
	}
	return d <= 24;
}

/*
 * A length in CSS as pixels, roughly (a viewport unit as 10 pixels, of a
 * screen 1000 high): 0 for what is not a length.
 */
static double
css_px(const char *v)
{
	static const struct {
		const char	*unit;
		double		 px;
	} u[] = { { "px", 1 }, { "pt", 4.0 / 3 }, { "em", 16 }, { "rem", 16 },
	    { "vh", 10 }, { "vw", 10 }, { "vmax", 10 }, { "in", 96 },
	    { "cm", 38 }, { "mm", 3.8 } };
	double		 x = 0, f = 0.1;
	int		 neg = 0, digits = 0;
	size_t		 i, l;

	if (*v == '-' || *v == '+')
		neg = *v++ == '-';
	for (; *v >= '0' && *v <= '9' && digits < 12; v++, digits++)
		x = x * 10 + (*v - '0');
	if (*v == '.')
		for (v++; *v >= '0' && *v <= '9'; v++, f /= 10)
			x += (*v - '0') * f;
	if (digits == 0)
		return 0;
	for (i = 0; i < nitems(u); i++) {
		l = strlen(u[i].unit);
		if (strncmp(v, u[i].unit, l) == 0 && !(v[l] >= 'a' &&
		    v[l] <= 'z'))
			return (neg ? -x : x) * u[i].px;
	}
	return 0;
}

/*
 * Declarations (lower case, no white space or comments) that push the
 * element's text or what follows it out of view: margins, padding,
 * heights or positions of ten thousand pixels or more, as spam writes
 * them to bury a pasted newsletter or keep a block of text off screen
 * (".belowView { margin-top: 470500px }", "height: 10000vh").  OFF_*
 * bits, 0 for none.
 */
static int
css_offscreen(const char *d)
{
	static const struct {
		const char	*prop;
		int		 pos, neg;	/* when huge and positive/negative */
	} pr[] = {
		{ "margin-top", OFF_IN | OFF_AFTER, OFF_IN },
		{ "padding-top", OFF_IN | OFF_AFTER, 0 },
		{ "margin", OFF_IN | OFF_AFTER, OFF_IN },
		{ "padding", OFF_IN | OFF_AFTER, 0 },
		{ "top", OFF_IN, OFF_IN },
		{ "left", OFF_IN, OFF_IN },
		{ "right", OFF_IN, OFF_IN },
		{ "margin-left", OFF_IN, OFF_IN },
		{ "text-indent", OFF_IN, OFF_IN },
		{ "height", OFF_AFTER, 0 },
		{ "min-height", OFF_AFTER, 0 },
		{ "margin-bottom", OFF_AFTER, 0 },
		{ "padding-bottom", OFF_AFTER, 0 },
	};
	const char	*p = d, *c, *v;
	size_t		 i, l;
	int		 off = 0, out = 0;

	for (; *p != '\0'; p = *c != '\0' ? c + 1 : c) {
		c = p + strcspn(p, ";");
		if ((v = memchr(p, ':', (size_t)(c - p))) == NULL)
			continue;
		l = (size_t)(v - p);
		if (l == 8 && strncmp(p, "position", 8) == 0 &&
		    (strncmp(v + 1, "absolute", 8) == 0 ||
		    strncmp(v + 1, "fixed", 5) == 0))
			out = 1;
		for (i = 0; i < nitems(pr); i++) {
			const char *q = v + 1;
			double px;

			if (strlen(pr[i].prop) != l ||
			    strncmp(p, pr[i].prop, l) != 0)
				continue;
			/* Shorthands: any of their values. */
			while (q < c) {
				px = css_px(q);
				if (px >= OFF_PX)
					off |= pr[i].pos;
				else if (px <= -OFF_PX)
					off |= pr[i].neg;
				q += strcspn(q, " ;!");
				if (*q != ' ')
					break;
				q++;
			}
		}
	}
	/* Out of the flow, it pushes nothing after it. */
	return out ? off & ~OFF_AFTER : off;
}

/*
 * Copy CSS into b lower case, without comments, white space only where it
 * separates values ("margin:0 0 470500px;height:10000vh").
 */
static void
css_squeeze(const char *p, size_t n, char *b, size_t bsz)
{
	size_t	 i, o = 0;
	int	 sp = 0;

	for (i = 0; i < n && o + 2 < bsz; i++) {
		char ch = p[i];

		if (ch == '/' && i + 1 < n && p[i + 1] == '*') {
			const char *e = memmem(p + i + 2, n - i - 2, "*/", 2);

			i = e != NULL ? (size_t)(e - p) + 1 : n;
			sp = 1;
			continue;
		}
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
		    ch == '\f') {
			sp = 1;
			continue;
		}
		if (sp && o > 0 && strchr(":;,{(", b[o - 1]) == NULL &&
		    strchr(":;,}!)", ch) == NULL)
			b[o++] = ' ';
		sp = 0;
		b[o++] = (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
	}
	b[o] = '\0';
}

/* Remember the class and id selectors of a rule that push out of view,
 * hide or set a background, and the tag selectors of one that pushes out
 * of view or hides ("u { width: 0; overflow: hidden }"). */
static void
off_rule(struct hstate *h, const char *sel, size_t sn, int off, long bg)
{
	char	 b[512], *t, *save = NULL;
	size_t	 k;

	css_squeeze(sel, sn, b, sizeof(b));
	for (t = strtok_r(b, ",", &save); t != NULL;
	    t = strtok_r(NULL, ",", &save)) {
		k = strlen(t);
		if (k > 0 && k < 16 && strspn(t,
		    "abcdefghijklmnopqrstuvwxyz0123456789") == k) {
			if (off & OFF_BG)
				h->bg_unknown = 1;
			if ((off & ~OFF_BG) != 0 && h->noff < OFF_RULES) {
				memcpy(h->off[h->noff].sel, t, k + 1);
				h->off[h->noff].bg = -3;
				h->off[h->noff++].off = off & ~OFF_BG;
			}
			continue;
		}
		/* "div.name", ".name", "#name": one element, no more.  A
		 * background set anywhere else (body, td, ".a .b"), or on
		 * more selectors than there is room for, leaves every
		 * background of the page unknown. */
		t += strspn(t, "abcdefghijklmnopqrstuvwxyz0123456789");
		if ((*t != '.' && *t != '#') || (k = strlen(t)) < 2 ||
		    k >= sizeof(h->off[0].sel) || strspn(t + 1,
		    "abcdefghijklmnopqrstuvwxyz0123456789_-") != k - 1 ||
		    h->noff >= OFF_RULES) {
			if (off & OFF_BG)
				h->bg_unknown = 1;
			continue;
		}
		memcpy(h->off[h->noff].sel, t, k + 1);
		h->off[h->noff].bg = bg;
		h->off[h->noff++].off = off;
	}
}

/* Note sel as shown again (a rule sets display to other than none):
 * every class, id and [class=...] value of each selector's last element,
 * or its tag; when there is no room, every hiding rule is let go. */
static void
shown_add(struct hstate *h, const char *t, size_t k)
{
	if (k == 0)
		return;
	if (k >= sizeof(h->shown[0]) || h->nshown >= OFF_RULES) {
		h->hide_unsure = 1;
		return;
	}
	memcpy(h->shown[h->nshown], t, k);
	h->shown[h->nshown++][k] = '\0';
}

static void
shown_rule(struct hstate *h, const char *sel, size_t sn)
{
	static const char	 nm[] = "abcdefghijklmnopqrstuvwxyz0123456789_-";
	char			 b[512], *t, *save = NULL, *l, *c;
	size_t			 k;

	css_squeeze(sel, sn, b, sizeof(b));
	if (strlen(b) + 2 >= sizeof(b))
		h->hide_unsure = 1;	/* cut: some selectors unread */
	for (t = strtok_r(b, ",", &save); t != NULL;
	    t = strtok_r(NULL, ",", &save)) {
		for (l = t; (c = strpbrk(l, " >+~")) != NULL; l = c + 1)
			;
		if ((k = strspn(l, nm)) == strlen(l)) {
			shown_add(h, l, k);	/* a tag */
			continue;
		}
		for (c = l; *c != '\0'; c++) {
			if (*c == '.' || *c == '#') {
				k = strspn(c + 1, nm);
				shown_add(h, c, k + 1);
				c += k;
			} else if (strncmp(c, "[class", 6) == 0) {
				/* [class=x], [class="x"], [class~=x] */
				c += 6;
				c += strspn(c, "~*^$|=\"'");
				if ((k = strspn(c, nm)) == 0) {
					if (*c == '\0')
						break;
					continue;
				}
				if (k + 1 < sizeof(h->shown[0])) {
					char	 tok[48];

					tok[0] = '.';
					memcpy(tok + 1, c, k);
					shown_add(h, tok, k + 1);
				}
				c += k - 1;
			}
		}
	}
}

/* Does a rule (css_squeeze()d) show what another hid: a display other
 * than none, visibility, an opacity above 0, or (sizes) a size or
 * overflow let go? */
static int
css_shows(const char *d, int sizes)
{
	const char	*v;

	if ((v = strstr(d, "display:")) != NULL && strncmp(v + 8, "none", 4) !=
	    0)
		return 1;
	if ((v = strstr(d, "opacity:")) != NULL) {
		v += 8;
		if (*v == '1')
			return 1;
		for (v += strspn(v, "0"); *v == '.'; v++)
			;
		if (*v >= '1' && *v <= '9')
			return 1;
		if (*v == '0' && strspn(v, "0") < strspn(v, "0123456789"))
			return 1;
	}
	if (strstr(d, "visibility:visible") != NULL)
		return 1;
	return sizes && (strstr(d, "max-height:none") != NULL ||
	    strstr(d, "height:auto") != NULL ||
	    strstr(d, "width:auto") != NULL ||
	    strstr(d, "max-width:none") != NULL ||
	    strstr(d, "overflow:visible") != NULL);
}

/* Past white space, comments and HTML comment marks, from p to e. */
static const char *
css_skip(const char *p, const char *e)
{
	for (;;) {
		while (p < e && (*p == ' ' || *p == '\n' || *p == '\r' ||
		    *p == '\t' || *p == '\f'))
			p++;
		if (e - p >= 2 && p[0] == '/' && p[1] == '*') {
			const char *q = memmem(p + 2, (size_t)(e - p - 2), "*/",
			    2);

			p = q != NULL ? q + 2 : e;
		} else if (e - p >= 4 && memcmp(p, "<!--", 4) == 0)
			p += 4;
		else if (e - p >= 3 && memcmp(p, "-->", 3) == 0)
			p += 3;
		else
			return p;
	}
}

/* Read a style sheet for rules that push out of view, hide or set a
 * background (the rules of @media blocks read through: a rule there that
 * hides is a layout's, for some screens; a rule anywhere that shows an
 * element again undoes the hiding of the rules outside).  media: the
 * sheet applies to some media only (<style media="print">). */
static void
off_sheet(struct hstate *h, const char *p, size_t n, int media)
{
	const char	*e = p + n, *sel = p, *q;
	char		 d[1024];
	/* Open @ blocks, innermost last: 1 for one that applies to some
	 * screens only (an @media with a condition or a medium other than
	 * all and screen), 0 for one that applies everywhere (@media all,
	 * @supports, @layer). */
	unsigned char	 blk[32];
	int		 nblk = 0;

	while (p < e) {
		if (*p == '/' && p + 1 < e && p[1] == '*') {
			q = memmem(p + 2, (size_t)(e - p - 2), "*/", 2);
			p = q != NULL ? q + 2 : e;
			continue;
		}
		if (*p == '}' || *p == ';') {
			if (*p == '}' && nblk > 0 && blk[--nblk] && media > 0)
				media--;	/* an @media block's end */
			sel = ++p;
			continue;
		}
		if (*p != '{') {
			p++;
			continue;
		}
		sel = css_skip(sel, p);
		if (sel < p && *sel == '@') {
			char	 at[256];
			int	 some;

			css_squeeze(sel, (size_t)(p - sel), at, sizeof(at));
			some = strncmp(at, "@media", 6) != 0 ||
			    strchr(at, '(') != NULL || !(strcmp(at + 6,
			    " all") == 0 || strcmp(at + 6, " screen") == 0 ||
			    strcmp(at + 6, " only screen") == 0);
			if (strncmp(at, "@supports", 9) == 0 ||
			    strncmp(at, "@layer", 6) == 0)
				some = 0;
			if (nblk < (int)sizeof(blk))
				blk[nblk++] = (unsigned char)some;
			else
				some = 1;	/* too deep: not read as all */
			media += some;	/* its rules follow */
			sel = ++p;
			continue;
		}
		/* The rule's end, past any comment in it. */
		for (q = p + 1; q < e && *q != '}'; q++)
			if (*q == '/' && q + 1 < e && q[1] == '*') {
				const char *ce = memmem(q + 2, (size_t)(e - q -
				    2), "*/", 2);

				q = ce != NULL ? ce + 1 : e - 1;
			}
		if (q > e)
			q = e;
		css_squeeze(p + 1, (size_t)(q - p - 1), d, sizeof(d));
		{
			int off = css_offscreen(d);
			long bg = css_background(d);
			if (bg != -3)
				off |= OFF_BG;
			if (style_hidden(d)) {
				if (media == 0)
					off |= (style_clipped(d) && !strstr(d,
					    "display:none") && !strstr(d,
					    "visibility:hidden") ? OFF_CLIP :
					    OFF_HIDE) | (strstr(d, "!important") ?
					    OFF_IMP : 0);
			} else if (css_shows(d, 1))
				shown_rule(h, sel, (size_t)(p - sel));
			if (off != 0)
				off_rule(h, sel, (size_t)(p - sel), off, bg);
		}
		/* Past the rule's own end, which closes no block. */
		p = q < e ? q + 1 : e;
		sel = p;
	}
}

/* Every <style> of the page, before the elements they apply to; not
 * those of a conditional comment for Outlook's desktop program
 * (<!--[if mso]>), which no other reader applies. */
static void
off_sheets(struct hstate *h, const char *p, size_t n)
{
	const char	*e = p + n, *q, *c, *m;
	size_t		 read = 0;
	int		 i, j, media;

	while (p < e && read < OFF_CSS_MAX &&
	    (p = memchr(p, '<', (size_t)(e - p))) != NULL) {
		p++;
		if ((size_t)(e - p) >= 7 && memcmp(p, "!--[if", 6) == 0) {
			const char *ce = memchr(p, ']', (size_t)(e - p) <
			    COND_MAX ? (size_t)(e - p) : COND_MAX);

			if (ce != NULL && memmem(p, (size_t)(ce - p), "mso",
			    3) != NULL && memchr(p, '!', (size_t)(ce - p)) ==
			    p && memchr(p + 1, '!', (size_t)(ce - p - 1)) ==
			    NULL) {
				const char *end = memmem(ce, (size_t)(e - ce),
				    "<![endif]", 9);

				p = end != NULL ? end + 9 : e;
			}
			continue;
		}
		if ((size_t)(e - p) < 6 || str_ncasecmp(p, "style", 5) != 0 ||
		    (p[5] != '>' && p[5] != ' ' && p[5] != '\t' &&
		    p[5] != '\n' && p[5] != '\r'))
			continue;
		if ((q = memchr(p, '>', (size_t)(e - p))) == NULL)
			break;
		/* <style media="print">: for some media only. */
		media = 0;
		if ((m = memmem(p, (size_t)(q - p), "media", 5)) != NULL) {
			m += 5 + strspn(m + 5, " \t=\"'");
			media = !((str_ncasecmp(m, "all", 3) == 0 &&
			    strchr("\"'>", m[3]) != NULL) ||
			    (str_ncasecmp(m, "screen", 6) == 0 &&
			    strchr("\"'>", m[6]) != NULL));
		}
		q++;
		for (c = q; c < e; c++) {
			c = memchr(c, '<', (size_t)(e - c));
			if (c == NULL || ((size_t)(e - c) >= 7 &&
			    str_ncasecmp(c, "</style", 7) == 0))
				break;
		}
		if (c == NULL)
			c = e;
		if ((size_t)(c - q) > OFF_CSS_MAX - read)
			c = q + (OFF_CSS_MAX - read);
		off_sheet(h, q, (size_t)(c - q), media);
		read += (size_t)(c - q);
		p = c;
	}
	for (i = 0; i < h->noff; i++)
		for (j = 0; j < h->nshown; j++)
			if (strcmp(h->off[i].sel, h->shown[j]) == 0)
				h->off[i].off &= ~(OFF_HIDE | OFF_CLIP |
				    OFF_IMP);
	if (h->hide_unsure)
		for (i = 0; i < h->noff; i++)
			h->off[i].off &= ~(OFF_HIDE | OFF_CLIP | OFF_IMP);
}

/*
 * <img src="data:image/...;base64,..."> or a CSS url() of one: a picture
 * carried in the page itself (no attachment, no link), read for a QR
 * code as an attached one is.  An <img>'s value is read as written,
 * before the cap on attribute values; a style attribute's within it.
 * Decoded by b64_decode_part(), as Graph's attachments are.
 */
static void
data_image(struct hstate *h, const char *v, size_t n)
{
	const char	*c;
	struct dpart	 pic;

	/* A browser reads the value with its character references decoded
	 * ("data&#58;image/png;base64,iVBOR&#x77;0K..."): so is it. */
	if (n >= 11 && n <= 4 * DATA_IMAGE_MAX && qr_room(h->s) &&
	    memchr(v, '&', n) != NULL) {
		struct buf	 b;

		buf_init(&b, n);
		decode_entities(v, n, &b);
		if (b.ptr != NULL && memchr(b.ptr, '&', b.len) == NULL)
			data_image(h, b.ptr, b.len);
		buf_release(&b);
		return;
	}
	if (n < 11 || str_ncasecmp(v, "data:image/", 11) != 0 ||
	    !qr_room(h->s) || (c = memchr(v, ',', n)) == NULL ||
	    c - v < 18 || str_ncasecmp(c - 7, ";base64", 7) != 0)
		return;
	c++;
	n -= (size_t)(c - v);
	if (n < 100 || n > DATA_IMAGE_MAX)
		return;
	memset(&pic, 0, sizeof(pic));
	b64_decode_part(h->s, c, n, &pic);
	qr_scan(h->s, h->where != NULL ? arena_printf(&h->s->a,
	    "%s > picture in the HTML (data: URL)", h->where) :
	    "picture in the HTML (data: URL)", pic.data, pic.len);
}

/* Does a rule of the page show the selector tok (".x", "#x", a tag)? */
static int
is_shown(const struct hstate *h, const char *tok)
{
	int	 j;

	for (j = 0; j < h->nshown; j++)
		if (strcmp(h->shown[j], tok) == 0)
			return 1;
	return 0;
}

static int	off_match(const struct hstate *, const char *, int, int *,
		    int *);

/* What the element's style (squeezed, or NULL), tag, classes and id do
 * to what is in view; in *bg the colour the last of their rules that
 * sets a background gives (-1 unknown, -3 none). */
static int
off_element(struct hstate *h, const char *tag, const struct hattr *a,
    int na, const char *style, long *bg)
{
	const char	*v;
	char		 tok[48];
	int		 off = 0, last = -1, hide = -1, shown = -1;

	*bg = -3;
	if (style != NULL)
		off |= css_offscreen(style);
	if (h->noff == 0)
		return off;
	off |= off_match(h, tag, 0, &last, &hide);
	if (is_shown(h, tag))
		shown = 0;
	if ((v = attr(a, na, "id")) != NULL && strlen(v) + 1 < sizeof(tok)) {
		snprintf(tok, sizeof(tok), "#%s", v);
		str_lower(tok);
		if (is_shown(h, tok))
			shown = 2;
		off |= off_match(h, tok, 2, &last, &hide);
	}
	if ((v = attr(a, na, "class")) != NULL) {
		int words = 0;

		while (*v != '\0' && words++ < 16) {
			size_t k;

			v += strspn(v, " \t\n\r\f");
			k = strcspn(v, " \t\n\r\f");
			if (k > 0 && k + 1 < sizeof(tok)) {
				tok[0] = '.';
				memcpy(tok + 1, v, k);
				tok[k + 1] = '\0';
				str_lower(tok);
				if (is_shown(h, tok) && shown < 1)
					shown = 1;
				off |= off_match(h, tok, 1, &last, &hide);
			}
			v += k;
		}
	}
	if (last >= 0)
		*bg = h->off[last].bg;
	/* A rule that shows it again, as specific as the one that hides
	 * it or more (a tag's, a class's, an id's): which wins among
	 * equals is the order of the sheet, so it is not judged hidden by
	 * a style sheet; a tag's rule never undoes a class's. */
	if (shown >= 0 && shown >= hide)
		off &= ~(OFF_HIDE | OFF_CLIP | OFF_IMP);
	return off;
}

/* The rules of selector tok (of specificity lvl: 0 a tag, 1 a class, 2 an
 * id): what they do, the last that sets a background in *last, the most
 * specific that hides in *hide. */
static int
off_match(const struct hstate *h, const char *tok, int lvl, int *last,
    int *hide)
{
	int	 i, off = 0;

	for (i = 0; i < h->noff; i++)
		if (strcmp(h->off[i].sel, tok) == 0) {
			off |= h->off[i].off;
			if ((h->off[i].off & OFF_BG) && i > *last && lvl > 0)
				*last = i;
			if ((h->off[i].off & (OFF_HIDE | OFF_CLIP)) &&
			    lvl > *hide)
				*hide = lvl;
		}
	return off;
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
		data_image(h, v, (size_t)(end - v));
		url_add(h->s, v, (size_t)(end - v), UO_CSS, NULL, h->where);
		p = end;
	}
}

/*
 * What a script decodes to find where it sends the browser, into out (at
 * most SCRIPT_DECODED bytes, each pass linear in the script): each string
 * literal with its escapes undone (\xNN, \uNNNN, \u{N}), as base64 when
 * it reads so (atob), with %NN undone (decodeURIComponent, unescape) and
 * reversed when the script reverses a string; the literals joined, for a
 * URL cut in pieces ('ht' + 'tps://'); runs of character codes
 * (String.fromCharCode(104, 116, ...)).  The ways it found, into *how
 * (SD_* bits).
 */
#define SCRIPT_DECODED	(256 * 1024)
#define SD_ATOB		0x01
#define SD_CHARCODE	0x02
#define SD_ESCAPE	0x04
#define SD_PERCENT	0x08
#define SD_REVERSE	0x10
#define SD_JOIN		0x20
#define SD_EVAL		0x40

/* The JavaScript string literal at p (its quote) into lit: past its end. */
static const char *
js_string(const char *p, const char *e, struct buf *lit, size_t *nesc)
{
	char		 q = *p++, u8[4];
	uint32_t	 cp;
	int		 k, d;

	while (p < e && *p != q && !(*p == '\n' && q != '`')) {
		if (*p != '\\' || p + 1 >= e) {
			buf_addc(lit, *p++);
			continue;
		}
		p++;
		cp = 0;
		if (*p == 'x' && e - p > 2 && hex_value(p[1]) >= 0 &&
		    hex_value(p[2]) >= 0) {
			cp = (uint32_t)(hex_value(p[1]) * 16 + hex_value(p[2]));
			p += 3;
		} else if (*p == 'u' && e - p > 2 && p[1] == '{') {
			for (p += 2, k = 0; p < e && (d = hex_value(*p)) >= 0 &&
			    k < 6; p++, k++)
				cp = cp * 16 + (uint32_t)d;
			if (p < e && *p == '}')
				p++;
		} else if (*p == 'u' && e - p > 4) {
			for (p++, k = 0; k < 4 && (d = hex_value(*p)) >= 0; p++, k++)
				cp = cp * 16 + (uint32_t)d;
		} else {
			buf_addc(lit, *p == 'n' ? '\n' : *p == 't' ? '\t' :
			    *p);
			p++;
			continue;
		}
		(*nesc)++;
		if (cp > 0 && cp <= 0x10ffff)
			buf_add(lit, u8, utf8_put(cp, u8));
	}
	return p < e ? p + 1 : e;
}

/* Does s (n bytes) read as base64 of some length? */
static int
b64ish(const char *s, size_t n)
{
	size_t	 i;

	if (n < 12)
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '+' &&
		    s[i] != '/' && s[i] != '-' && s[i] != '_' &&
		    !(s[i] == '=' && i + 2 >= n))
			return 0;
	return 1;
}

static void
script_decode(const char *p, size_t n, struct buf *out, int *how)
{
	const char	*e = p + n, *q;
	struct buf	 lit, joined;
	/* A string reversed, not a list sorted backwards. */
	int		 rev = memmem(p, n, "reverse().join(", 15) != NULL;
	int		 codes = memmem(p, n, "fromCharCode", 12) != NULL;
	int		 pct = memmem(p, n, "decodeURI", 9) != NULL ||
	    memmem(p, n, "unescape(", 9) != NULL;
	int		 atob = memmem(p, n, "atob(", 5) != NULL;
	size_t		 i, nesc = 0, npct = 0;

	if (memmem(p, n, "eval(", 5) != NULL)
		*how |= SD_EVAL;
	buf_init(&lit, n + 16);
	buf_init(&joined, SCRIPT_DECODED);
	for (q = p; q < e && out->len < SCRIPT_DECODED; ) {
		if (*q == '/' && q + 1 < e && (q[1] == '/' || q[1] == '*')) {
			/* A comment: to its end. */
			const char *c = q[1] == '/' ? memchr(q, '\n',
			    (size_t)(e - q)) : memmem(q + 2, (size_t)(e - q - 2),
			    "*/", 2);

			q = c != NULL ? c + 1 : e;
			continue;
		}
		if (*q != '\'' && *q != '"' && *q != '`') {
			q++;
			continue;
		}
		buf_reset(&lit);
		q = js_string(q, e, &lit, &nesc);
		if (lit.len == 0)
			continue;
		buf_add(out, lit.ptr, lit.len);
		buf_addc(out, ' ');
		if (joined.len < SCRIPT_DECODED)
			buf_add(&joined, lit.ptr, lit.len);
		if (b64ish(lit.ptr, lit.len)) {
			b64_decode_buf(lit.ptr, lit.len, out);
			buf_addc(out, ' ');
			if (atob && lit.len >= 16)
				*how |= SD_ATOB;
		}
		if (memchr(lit.ptr, '%', lit.len) != NULL) {
			for (i = 0; i < lit.len; i++)
				if (lit.ptr[i] == '%' && i + 2 < lit.len &&
				    hex_value(lit.ptr[i + 1]) >= 0 &&
				    hex_value(lit.ptr[i + 2]) >= 0) {
					buf_addc(out, hex_value(lit.ptr[i + 1]) * 16 +
					    hex_value(lit.ptr[i + 2]));
					i += 2;
					npct++;
				} else
					buf_addc(out, lit.ptr[i]);
			buf_addc(out, ' ');
		}
		if (rev) {
			for (i = lit.len; i > 0; i--)
				buf_addc(out, lit.ptr[i - 1]);
			buf_addc(out, ' ');
			*how |= SD_REVERSE;
		}
	}
	/* Escapes, many of them, hide; an accent or two is spelling. */
	if (nesc >= 8)
		*how |= SD_ESCAPE;
	if (pct && npct >= 8)
		*how |= SD_PERCENT;
	/* 'fromChar' + 'Code': the name hidden is a sign itself. */
	if (!codes && mem_has_case(joined.ptr, joined.len, "fromcharcode")) {
		codes = 1;
		*how |= SD_CHARCODE;
	}
	/* A URL cut in pieces: the literals joined. */
	if (joined.len > 0 && out->len < SCRIPT_DECODED) {
		buf_add(out, joined.ptr, joined.len);
		buf_addc(out, ' ');
		*how |= SD_JOIN;
	}
	/* Character codes: runs of numbers between commas. */
	for (q = p; codes && q < e && out->len < SCRIPT_DECODED; ) {
		size_t	 run = 0;
		char	 u8[4];

		if (!isdigit((unsigned char)*q)) {
			q++;
			continue;
		}
		buf_reset(&lit);
		while (q < e && isdigit((unsigned char)*q)) {
			unsigned long v = 0;

			if (q + 1 < e && q[0] == '0' && (q[1] == 'x' ||
			    q[1] == 'X'))
				for (q += 2; q < e && hex_value(*q) >= 0 &&
				    v < 0x110000; q++)
					v = v * 16 + (unsigned long)hex_value(*q);
			else
				for (; q < e && isdigit((unsigned char)*q) &&
				    v < 0x110000; q++)
					v = v * 10 + (unsigned long)(*q - '0');
			while (q < e && isalnum((unsigned char)*q))
				q++;
			if (v > 0 && v < 0x110000)
				buf_add(&lit, u8, utf8_put((uint32_t)v, u8));
			run++;
			while (q < e && (*q == ' ' || *q == '\n' ||
			    *q == '\r' || *q == '\t'))
				q++;
			if (q >= e || *q != ',')
				break;
			q++;
			while (q < e && (*q == ' ' || *q == '\n' ||
			    *q == '\r' || *q == '\t'))
				q++;
		}
		if (run >= 4) {
			buf_add(out, lit.ptr, lit.len);
			buf_addc(out, ' ');
			*how |= SD_CHARCODE;
		}
	}
	buf_release(&lit);
	buf_release(&joined);
}

/* Links a script hands to Windows ("search:...crumb=location:\\\\host",
 * "file://host/x"), in the decoded text: each to its blank or quote. */
static void
local_links(struct hstate *h, const char *p, size_t n)
{
	const char	*e = p + n, *q, *c;
	char		 sch[20];
	size_t		 k;

	for (q = p; q < e && (c = memchr(q, ':', (size_t)(e - q))) != NULL;
	    q = c + 1) {
		const char *b = c;

		while (b > p && b > c - 16 && (isalnum((unsigned char)b[-1]) ||
		    b[-1] == '-'))
			b--;
		k = (size_t)(c - b);
		if (k == 0 || k >= sizeof(sch))
			continue;
		memcpy(sch, b, k);
		sch[k] = '\0';
		str_lower(sch);
		if (!url_local_scheme(sch))
			continue;
		for (k = (size_t)(c - p); p + k < e && !isspace((unsigned char)
		    p[k]) && p[k] != '\'' && p[k] != '"'; k++)
			;
		url_add(h->s, b, (size_t)(p + k - b), UO_SCRIPT, NULL,
		    h->where);
		c = p + k - 1;
		if (h->s->nu >= DETECT_URLS_MAX)
			return;
	}
}

#define JS_MAX		(1024 * 1024)	/* bytes of a page's scripts read
					   at once for where it sends the
					   browser */
#define JS_OVERLAP	4096	/* bytes two pieces of a long script share */
#define LOC_TRIED	64	/* statements writing the location read for
				   their URL */

static void	page_redirect(struct hstate *);

/*
 * A script or an event handler of the page, kept for page_redirect().
 * What does not fit is not dropped (a megabyte of padding before the
 * redirect): what is kept is read, and the rest read after it, in
 * pieces that overlap by a statement's reach.
 */
static void
js_add(struct hstate *h, const char *p, size_t n)
{
	size_t	 take;

	while (n > 0) {
		if (h->js.len + 4 + (n < JS_MAX / 2 ? n : JS_MAX / 2) >
		    JS_MAX) {
			page_redirect(h);
			buf_reset(&h->js);
		}
		take = n < JS_MAX / 2 ? n : JS_MAX / 2;
		buf_add(&h->js, p, take);
		buf_add(&h->js, "\n;\n", 3);
		if (take == n)
			break;
		p += take - JS_OVERLAP;
		n -= take - JS_OVERLAP;
	}
}

static int
js_ident(int c)
{
	return isalnum(c) || c == '_' || c == '$';
}

/*
 * Where the script writes the location, at or after *at: the start of
 * that statement (location = x, location.href = x, location["href"] = x,
 * location.replace(x), location.assign(x); also window.open(x) and
 * navigation.navigate(x)), NULL when none.  "geolocation" and "x ==
 * location.href" are not, nor a bare location where the script declares
 * a variable of that name (local).
 */
static const char *
loc_write(const char *p, size_t n, size_t *at, int local)
{
	const char	*e = p + n, *q, *r;
	size_t		 i;

	for (i = *at; i < n && (q = memmem(p + i, n - i, "location", 8)) !=
	    NULL; i = (size_t)(q - p) + 8) {
		const char *b = q;

		r = q + 8;
		/* window['location'], as a name in brackets. */
		if (q - p >= 2 && (q[-1] == '\'' || q[-1] == '"') &&
		    q[-2] == '[' && r + 1 < e && *r == q[-1] && r[1] == ']') {
			b = q - 2;
			r += 2;
		} else if ((q > p && js_ident((unsigned char)q[-1])) ||
		    (r < e && js_ident((unsigned char)*r)))
			continue;
		/* A variable of that name is no browser's location. */
		else if ((q == p || q[-1] != '.') && local)
			continue;
		/* The browser's location: bare, or of the window, the
		 * document or a frame; not any object's. */
		if (b > p && (b[-1] == '.' || *b == '[')) {
			static const char *const own[] = { "window", "document",
			    "top", "self", "parent", "globalThis", "opener",
			    "frames" };
			const char *id = *b == '[' ? b : b - 1, *s0 = id;
			size_t k;

			while (s0 > p && js_ident((unsigned char)s0[-1]))
				s0--;
			for (k = 0; k < nitems(own); k++)
				if ((size_t)(id - s0) == strlen(own[k]) &&
				    strncmp(s0, own[k], (size_t)(id - s0)) == 0)
					break;
			if (k == nitems(own) && id > s0)
				continue;
		}
		while (r < e && isspace((unsigned char)*r))
			r++;
		if (e - r > 5 && strncmp(r, ".href", 5) == 0 &&
		    !js_ident((unsigned char)r[5]))
			r += 5;
		else if (e - r > 8 && (strncmp(r, "[\"href\"]", 8) == 0 ||
		    strncmp(r, "['href']", 8) == 0))
			r += 8;
		while (r < e && isspace((unsigned char)*r))
			r++;
		if ((r < e && *r == '=' && (r + 1 >= e || r[1] != '=')) ||
		    (e - r > 9 && strncmp(r, ".replace(", 9) == 0) ||
		    (e - r > 8 && strncmp(r, ".assign(", 8) == 0) ||
		    (e - r > 11 && (strncmp(r, "[\"replace\"]", 11) == 0 ||
		    strncmp(r, "['replace']", 11) == 0))) {
			*at = (size_t)(r - p) + 1;
			return q;
		}
	}
	for (i = *at; i < n; i++) {
		if ((q = memmem(p + i, n - i, "window.open(", 12)) == NULL &&
		    (q = memmem(p + i, n - i, "navigate(", 9)) == NULL)
			break;
		*at = (size_t)(q - p) + 1;
		return q;
	}
	*at = n;
	return NULL;
}

/*
 * Where the page's scripts send the browser: a statement that writes the
 * location (loc_write()), a page fetched and written in or put in a
 * frame, a form submitted or a link clicked by script, a refresh
 * written in.  The URL is the one in that statement, else one written
 * in the scripts, else one their string literals decode to (escapes,
 * base64, %NN, reversed, joined, character codes: script_decode());
 * decoding and no URL found is a hidden redirect.  The name "location"
 * itself spelt in pieces (self['loc'+'ation']) is a sink.
 */
static void
page_redirect(struct hstate *h)
{
	const char	*p = h->js.ptr, *w;
	size_t		 n = h->js.len, at = 0, before = h->s->nu, k, tried;
	struct buf	 d;
	int		 how = 0, sink, local;

	if (n == 0 || h->hi->redirect != NULL)
		return;
	local = memmem(p, n, "var location", 12) != NULL ||
	    memmem(p, n, "let location", 12) != NULL ||
	    memmem(p, n, "const location", 14) != NULL;
	w = loc_write(p, n, &at, local);
	/* A page fetched from an address written in (or decoded) and
	 * written into this one; a library fetching what its caller
	 * names is not. */
	sink = w != NULL || ((memmem(p, n, "fetch('", 7) != NULL ||
	    memmem(p, n, "fetch(\"", 7) != NULL ||
	    memmem(p, n, "fetch(`", 7) != NULL ||
	    memmem(p, n, "fetch(atob(", 11) != NULL ||
	    memmem(p, n, ".open('GET',", 12) != NULL ||
	    memmem(p, n, ".open(\"GET\",", 12) != NULL) &&
	    (memmem(p, n, "document.write", 14) != NULL ||
	    memmem(p, n, "innerHTML", 9) != NULL ||
	    memmem(p, n, "srcdoc", 6) != NULL)) ||
	    memmem(p, n, ".submit()", 9) != NULL ||
	    (memmem(p, n, ".click()", 8) != NULL &&
	    memmem(p, n, ".href", 5) != NULL) ||
	    (memmem(p, n, "document.write", 14) != NULL &&
	    memmem(p, n, "refresh", 7) != NULL);
	buf_init(&d, 4 * SCRIPT_DECODED);
	script_decode(p, n, &d, &how);
	/* The name spelt in pieces or cases ('loc'+'ation',
	 * 'LOCATION'.toLowerCase()) where the script never writes it. */
	if (!sink && mem_has_case(d.ptr, d.len, "location") &&
	    memmem(p, n, "location", 8) == NULL)
		sink = 1;
	if (!sink) {
		buf_release(&d);
		return;
	}
	/* The URL in the statement that writes the location ... */
	/* (At most LOC_TRIED statements, each read to 2000 bytes: a script
	 * of a hundred thousand "location=1;" costs no more than one.) */
	for (at = 0, tried = 0; w != NULL && h->hi->redirect == NULL &&
	    tried < LOC_TRIED; w = loc_write(p, n, &at, local), tried++) {
		for (k = 0; k < 2000 && w + k < p + n && w[k] != ';' &&
		    w[k] != '\n'; k++)
			;
		url_scan_text(h->s, w, k, UO_SCRIPT, h->where);
		local_links(h, w, k);
		if (h->s->nu > before)
			h->hi->redirect = h->s->u[before].url;
	}
	/* ... else one written in the scripts (a variable's), else one
	 * their literals decode to. */
	if (h->hi->redirect == NULL) {
		size_t i;

		for (i = 0; i < h->s->nu && h->hi->redirect == NULL; i++)
			if (h->s->u[i].origin == UO_SCRIPT &&
			    h->s->u[i].where == h->where && h->s->u[i].host !=
			    NULL)
				h->hi->redirect = h->s->u[i].url;
	}
	if (h->hi->redirect == NULL) {
		url_scan_text(h->s, d.ptr, d.len, UO_SCRIPT, h->where);
		local_links(h, d.ptr, d.len);
		if (h->s->nu > before)
			h->hi->redirect = h->s->u[before].url;
	}
	buf_release(&d);
	if (h->hi->redirect == NULL && h->hi->hid_redirect == NULL &&
	    (how & ~SD_JOIN) != 0)
		h->hi->hid_redirect = arena_printf(&h->s->a,
		    "%s%s%s%s%s%s", how & SD_ATOB ? "atob " : "",
		    how & SD_CHARCODE ? "fromCharCode " : "",
		    how & SD_ESCAPE ? "escapes " : "",
		    how & SD_PERCENT ? "%-escapes " : "",
		    how & SD_REVERSE ? "reverse " : "",
		    how & SD_EVAL ? "eval" : "");
}

/* Is the event handler name one of a deliberate act: a click, a key, a
 * form's input, a drag, the clipboard? */
static int
user_act(const char *name)
{
	static const char *const act[] = { "onclick", "ondblclick",
	    "onauxclick", "onmousedown", "onmouseup", "oncontextmenu",
	    "onkeydown", "onkeyup", "onkeypress", "onsubmit", "onreset",
	    "onchange", "oninput", "onselect", "oncopy", "oncut", "onpaste",
	    "ondrop", "onwheel", "onpointerdown", "onpointerup",
	    "ontouchstart", "ontouchend", NULL };

	return strncmp(name, "ondrag", 6) == 0 || str_in_list(name, act);
}

/* Does the frame fill the window: 100% (or 100vw and 100vh) wide and
 * high, by its style (squeezed, sq) or its attributes? */
static int
frame_fills(const struct hattr *a, int na, const char *sq)
{
	const char	*w = attr(a, na, "width"), *hh = attr(a, na, "height");
	const char	*sw = sq != NULL ? css_prop(sq, "width") : NULL;
	const char	*sh = sq != NULL ? css_prop(sq, "height") : NULL;

	if (sw != NULL)
		w = sw;
	if (sh != NULL)
		hh = sh;
	return w != NULL && hh != NULL && (strncmp(w, "100%", 4) == 0 ||
	    strncmp(w, "100vw", 5) == 0) && (strncmp(hh, "100%", 4) == 0 ||
	    strncmp(hh, "100vh", 5) == 0);
}

#define SRCDOC_DEPTH	4	/* srcdoc frames read inside each other */

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
	url_scan_text(h->s, p, n, UO_SCRIPT, h->where);
	js_add(h, p, n);
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
	/* Characters that show nothing (zero-width, combining grapheme
	 * joiners, soft hyphens) are no text, hidden or not: marketing
	 * mail pads its preheader with hundreds of them. */
	for (i = 0; i < b.len; ) {
		uint32_t c;

		i += utf8_next(b.ptr + i, b.len - i, &c);
		if (c > 0x20 && c != 0xa0 && !text_invisible(c))
			chars++;
	}
	/* What only Outlook shows is a link's text there, and weighs in
	 * neither the visible nor the hidden text (templates draw there
	 * again what other readers see). */
	if (h->mso) {
		if (h->in_a && h->atext.len < ATEXT_MAX)
			buf_add(&h->atext, b.ptr, b.len < ATEXT_MAX ? b.len :
			    ATEXT_MAX);
		buf_release(&b);
		return;
	}
	if (h->hidden > 0 || h->tiny || h->rest || (!h->bg_unknown &&
	    !h->deep_unknown && color_hides(h->fg, h->bg))) {
		/* Hidden before any text of the body: the preheader, the
		 * summary mail programs show in the message list.  The
		 * reader sees it there, so it hides nothing; longer, it is
		 * no preheader and all of it is hidden. */
		if (h->seen || h->rest)
			h->hi->hidden += chars;
		else if (h->preview + chars <= PREVIEW_MAX)
			h->preview += chars;
		else {
			h->hi->hidden += chars + h->preview;
			h->preview = 0;
			h->seen = 1;
		}
	} else {
		if (chars > 0 && !h->in_title)
			h->seen = 1;
		h->hi->visible += chars;
		if (h->vis != NULL)
			buf_add(h->vis, b.ptr, b.len);
		/* The lines keep the breaks the reader sees: the source's
		 * only in <pre>. */
		for (i = 0; h->lines != NULL && i < b.len; i++)
			if (h->pre || (b.ptr[i] != '\n' && b.ptr[i] != '\r'))
				buf_addc(h->lines, b.ptr[i]);
		if (h->in_a && h->atext.len < ATEXT_MAX)
			buf_add(&h->atext, b.ptr, b.len < ATEXT_MAX ? b.len :
			    ATEXT_MAX);
	}
	buf_release(&b);
}

/*
 * The URL of a refresh's content ("5; url='https://...'", "0;https://...",
 * "0, URL = ..."), as HTML5 reads it: the time, a ';' or ',', an
 * optional "url =", an optional quote (then in *quote; the URL ends
 * there).  NULL when there is none.
 */
static const char *
refresh_url(const char *c, char *quote)
{
	while (html_space(*c))
		c++;
	if (!((*c >= '0' && *c <= '9') || *c == '.'))
		return NULL;
	while ((*c >= '0' && *c <= '9') || *c == '.')
		c++;
	while (html_space(*c))
		c++;
	if (*c == ';' || *c == ',')
		c++;
	else if (*c != '\0')
		return NULL;
	while (html_space(*c))
		c++;
	if (str_ncasecmp(c, "url", 3) == 0) {
		const char *u = c + 3;

		while (html_space(*u))
			u++;
		if (*u == '=') {
			for (u++; html_space(*u); u++)
				;
			c = u;
		}
	}
	if (*c == '"' || *c == '\'')
		*quote = *c++;
	return *c == '\0' ? NULL : c;
}

/* The page's first <base href>, when it is an absolute http(s) URL:
 * what relative links are read against, as a browser reads them. */
static void
base_set(struct hstate *h, const char *v)
{
	struct durl	 d;

	if (h->base != NULL || url_parse(h->s, v, strlen(v), &d) == -1 ||
	    d.host == NULL || (strcmp(d.scheme, "http") != 0 &&
	    strcmp(d.scheme, "https") != 0))
		return;
	h->base = d.url;
	h->base_origin = arena_printf(&h->s->a, "%.*s", (int)(strlen(d.url) -
	    strlen(d.path)), d.url);
}

/* A link's target read against the page's <base href>: a path from the
 * root, a query, a fragment or a path relative to the base's folder (a
 * URL with a scheme, or "//host", stays as it is); NULL stays NULL. */
static const char *
resolve(struct hstate *h, const char *v)
{
	size_t		 k;
	const char	*q, *root;

	if (v == NULL || h->base == NULL || h->resolved > RESOLVE_MAX ||
	    h->s->nu >= DETECT_URLS_MAX)
		return v;
	while (*v != '\0' && (unsigned char)*v <= 0x20)
		v++;
	k = strcspn(v, ":/?#");
	if ((v[k] == ':' && k > 0) || (v[0] == '/' && (v[1] == '/' ||
	    v[1] == '\\')) || str_ncasecmp(v, "www.", 4) == 0)
		return v;
	/* What is made here is counted: a long base and many short links
	 * would otherwise make megabytes of a few. */
	h->resolved += strlen(h->base) + strlen(v);
	if (v[0] == '/' || v[0] == '\\')
		return arena_printf(&h->s->a, "%s%s", h->base_origin, v);
	if (v[0] == '#')
		return arena_printf(&h->s->a, "%.*s%s", (int)strcspn(h->base,
		    "#"), h->base, v);
	if (v[0] == '?')
		return arena_printf(&h->s->a, "%.*s%s", (int)strcspn(h->base,
		    "?#"), h->base, v);
	k = strcspn(h->base, "?#");
	root = h->base + strlen(h->base_origin);
	for (q = h->base + k; q > root && q[-1] != '/'; q--)
		;
	if (q <= root)
		return arena_printf(&h->s->a, "%s/%s", h->base_origin, v);
	return arena_printf(&h->s->a, "%.*s%s", (int)(q - h->base), h->base,
	    v);
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

/* Is w one of the n words of l? */
static int
in_words(const char *w, const char *const *l, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(w, l[i]) == 0)
			return 1;
	return 0;
}

static int
is_void(const char *t)
{
	static const char *const v[] = { "br", "img", "input", "meta",
	    "link", "hr", "wbr", "area", "base", "col", "embed", "source",
	    "track", "param", "keygen", "frame" };

	return in_words(t, v, nitems(v));
}

static int
is_block(const char *t)
{
	static const char *const v[] = { "p", "div", "br", "tr", "td", "th",
	    "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr", "title",
	    "center", "blockquote", "ul", "ol", "section", "article",
	    "header", "footer", "button", "option" };

	return in_words(t, v, nitems(v));
}

/* Luminance under half: a dark cell.  Unknown colours are light. */
static int
color_dark(long c)
{
	return c >= 0 && ((c >> 16 & 0xff) * 299 + (c >> 8 & 0xff) * 587 +
	    (c & 0xff) * 114) < 128000;
}

static void
grid_row_end(struct grid *g)
{
	if (!g->in_row)
		return;
	g->in_row = 0;
	if (g->cur == 0)
		return;
	if (g->cur > g->w)
		g->w = g->cur;
	if (++g->rows >= GRID_MAX)
		g->bad = 1;
}

/* The innermost open table's grid, or NULL (none, or too deep). */
static struct grid *
grid_top(struct hstate *h)
{
	if (h->tables == 0 || h->tables > GRID_DEPTH)
		return NULL;
	return &h->grid[h->tables - 1];
}

/*
 * A table drawn as a QR code: rows of cells whose background (their
 * own, bgcolor or style, or the row's or table's) is dark or light, a
 * cell of colspan n n modules.  Each <table> has its grid, read when it
 * closes; a hidden table is not read (no phone sees it).
 */
static void
grid_tag(struct hstate *h, const char *t, const struct hattr *a, int na,
    long bg, int hid)
{
	struct grid	*g;
	const char	*v;
	int		 span = 1, i;

	if (strcmp(t, "table") == 0) {
		if (h->tables++ >= GRID_DEPTH)
			return;
		g = &h->grid[h->tables - 1];
		if (g->m != NULL && g->dark > 0)
			memset(g->m, 0, (size_t)GRID_MAX * GRID_MAX);
		g->in_row = g->rows = g->cur = g->w = g->dark = 0;
		g->bad = hid || h->hidden > 0;
		return;
	}
	if ((g = grid_top(h)) == NULL || g->bad)
		return;
	if (strcmp(t, "tr") == 0) {
		grid_row_end(g);
		g->in_row = 1;
		g->cur = 0;
		return;
	}
	if ((strcmp(t, "td") != 0 && strcmp(t, "th") != 0) || !g->in_row)
		return;
	if ((v = attr(a, na, "colspan")) != NULL) {
		long long l = strtoll(v, NULL, 10);

		span = l < 1 ? 1 : l > GRID_MAX ? GRID_MAX + 1 : (int)l;
	}
	if (span > GRID_MAX - g->cur) {
		g->bad = 1;
		return;
	}
	if (g->m == NULL)
		g->m = arena_zalloc(&h->s->a, (size_t)GRID_MAX * GRID_MAX);
	if (color_dark(bg)) {
		for (i = 0; i < span; i++)
			g->m[(size_t)g->rows * GRID_MAX + (size_t)g->cur +
			    (size_t)i] = 1;
		g->dark += span;
	}
	g->cur += span;
}

/* </table>: read the innermost table's grid. */
static void
grid_close(struct hstate *h)
{
	struct grid	*g;

	if (h->tables == 0)
		return;
	if ((g = grid_top(h)) != NULL) {
		grid_row_end(g);
		if (!g->bad && g->dark > 0)
			qr_modules(h->s, h->where, g->m, GRID_MAX, g->w,
			    g->rows, R_QR_TEXT, "table cells", "表のセル");
	}
	h->tables--;
}

static void	implied_end(struct hstate *, const char *);
static int	foreign_at(const struct hstate *);
static int	open_kind(const char *);

static void
start_tag(struct hstate *h, const char *t, struct hattr *a, int na, int self)
{
	struct detect_scan	*s = h->s;
	const char		*v;
	int			 i, hid = 0, off, fs, tiny, fg_set = 0;
	long			 fg, bg, col, rule_bg;
	int			 own_bg = 0;	/* the element's style or
					   attributes set its background */
	char			 b[VALUE_MAX + 1];	/* the style,
							   squeezed */
	const char		*sq = NULL;

	if (!h->mso)
		implied_end(h, t);
	tiny = h->tiny;
	fg = h->fg;
	bg = h->bg;

	if (h->vis != NULL && is_block(t))
		buf_addc(h->vis, ' ');
	if (h->lines != NULL && (is_block(t) || strcmp(t, "pre") == 0))
		buf_addc(h->lines, '\n');
	if (strcmp(t, "pre") == 0 && !h->mso)
		h->pre++;
	for (i = 0; i < na; i++)
		if (a[i].name[0] == 'o' && a[i].name[1] == 'n' &&
		    a[i].name[2] != '\0') {
			h->hi->handlers++;
			/* What runs with no deliberate act of the reader's
			 * (as the page loads, an animation starts, a pointer
			 * passes), not on a click, a key or a form. */
			if (a[i].val != NULL && !user_act(a[i].name))
				js_add(h, a[i].val, a[i].len);
		}
	if ((v = attr(a, na, "style")) != NULL) {
		const char	*cv;

		css_squeeze(v, strlen(v), b, sizeof(b));
		sq = b;
		if (style_hidden(b))
			hid = 1;
		if ((fs = style_font(b)) >= 0)
			tiny = fs;
		if ((col = css_background(b)) != -3) {
			bg = col;
			own_bg = 1;
		}
		if ((cv = css_prop(b, "color")) != NULL) {
			fg_set = 1;
			if ((col = css_color(cv)) == -2)
				hid = 1;	/* color:transparent */
			else
				fg = col;
		}
		css_urls(h, v, strlen(v));
	}
	/* An SVG's style sheet or title is not shown. */
	if (strcmp(t, "style") == 0 || (strcmp(t, "title") == 0 &&
	    foreign_at(h) >= 0))
		hid = 1;
	/* hidden is display:none, unless the element's style says how
	 * to display it. */
	if (attr(a, na, "hidden") != NULL && (sq == NULL ||
	    (v = css_prop(sq, "display")) == NULL ||
	    strncmp(v, "none", 4) == 0))
		hid = 1;
	if ((v = attr(a, na, "bgcolor")) != NULL && (col = css_color(v)) != -2) {
		bg = col;
		own_bg = 1;
	}
	if (attr(a, na, "background") != NULL) {
		bg = -1;
		own_bg = 1;
	}
	/* A link is blue unless its style says otherwise. */
	if (!fg_set && strcmp(t, "a") == 0 && attr(a, na, "href") != NULL)
		fg = 0x0000ee;
	if (strcmp(t, "font") == 0 && (v = attr(a, na, "color")) != NULL &&
	    (col = css_color(v)) != -2)
		fg = col;
	if (strcmp(t, "body") == 0 && (v = attr(a, na, "text")) != NULL &&
	    (col = css_color(v)) != -2)
		fg = col;
	off = off_element(h, t, a, na, sq, &rule_bg);
	/* A rule's hiding, unless the element's own style shows it; a
	 * box of no size clips nothing of a table's (it grows to fit). */
	{
		/* Its own style undoes a rule's hiding unless the rule
		 * says !important and the style does not. */
		int undo = sq != NULL && (!(off & OFF_IMP) ||
		    strstr(sq, "!important") != NULL);

		if ((off & OFF_IN) || ((off & OFF_HIDE) && !(undo &&
		    css_shows(sq, 0))) || ((off & OFF_CLIP) && !(undo &&
		    css_shows(sq, 1)) && strcmp(t, "table") != 0 &&
		    strcmp(t, "td") != 0 && strcmp(t, "th") != 0 &&
		    strcmp(t, "tr") != 0))
			hid = 1;
	}
	/* A table's cell: its own colour, else its class's (a code drawn
	 * with ".b { background: #000 }"), else what it sits on. */
	if (!h->mso)
		grid_tag(h, t, a, na, !own_bg && (off & OFF_BG) ? rule_bg :
		    bg, hid);
	/* Text on a background a style sheet sets: not judged. */
	if (off & OFF_BG)
		bg = -1;
	if ((v = attr(a, na, "background")) != NULL)
		url_add(s, v, strlen(v), UO_SRC, NULL, h->where);
	if (strcmp(t, "a") == 0 || strcmp(t, "area") == 0 ||
	    (strncmp(t, "v:", 2) == 0 && attr(a, na, "href") != NULL)) {
		a_close(h);
		v = attr(a, na, "href");
		if (v == NULL)
			v = attr(a, na, "xlink:href");
		v = resolve(h, v);
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
				snprintf(h->a_tag, sizeof(h->a_tag), "%s", t);
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
		v = resolve(h, v);
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
			const char *sd = attr(a, na, "srcdoc");

			h->hi->iframes++;
			/* A page in a frame the size of the window is that
			 * page, opened (not a video or a map a brand's site
			 * serves to be framed). */
			if (v != NULL && h->hi->redirect == NULL &&
			    (str_ncasecmp(v, "http://", 7) == 0 ||
			    str_ncasecmp(v, "https://", 8) == 0) &&
			    frame_fills(a, na, sq)) {
				struct durl fu;

				if (url_parse(s, v, strlen(v), &fu) == 0 &&
				    fu.domain != NULL &&
				    brand_of_domain(s->eng, fu.domain) < 0)
					h->hi->redirect = fu.url;
			}
			/* The page a frame is given whole: read as a page,
			 * a few frames deep. */
			if (sd != NULL) {
				h->hi->svg_embed++;
				if (h->hi->in_srcdoc < SRCDOC_DEPTH) {
					h->hi->in_srcdoc++;
					html_scan(s, sd, strlen(sd), h->where,
					    NULL, h->hi);
					h->hi->in_srcdoc--;
				}
			}
		}
		if (strcmp(t, "input") == 0) {
			const char *ty = attr(a, na, "type");
			const char *nm = attr(a, na, "name");

			/* A password field, or a text field whose
			 * characters its style masks as one's are. */
			if ((ty != NULL && str_casecmp(ty, "password") == 0) ||
			    (nm != NULL && (strstr(nm, "pass") != NULL ||
			    strstr(nm, "pwd") != NULL)) || (sq != NULL &&
			    (ty = css_prop(sq, "-webkit-text-security")) !=
			    NULL && str_ncasecmp(ty, "none", 4) != 0)) {
				h->hi->pw_inputs++;
				h->form_pw = 1;
			}
			/* A submit button's own target. */
			if ((v = resolve(h, attr(a, na, "formaction"))) !=
			    NULL)
				url_add(s, v, strlen(v), UO_FORM, NULL,
				    h->where);
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
		v = resolve(h, attr(a, na, "action"));
		h->form_action = v;
		if (v != NULL)
			url_add(s, v, strlen(v), UO_FORM, NULL, h->where);
		if (h->hi->form_action == NULL && v != NULL)
			h->hi->form_action = v;
	} else if (strcmp(t, "button") == 0) {
		if ((v = resolve(h, attr(a, na, "formaction"))) != NULL)
			url_add(s, v, strlen(v), UO_FORM, NULL, h->where);
	} else if (strcmp(t, "meta") == 0) {
		const char *he = attr(a, na, "http-equiv");
		const char *c = attr(a, na, "content");

		if (he != NULL && c != NULL && str_casecmp(he, "refresh") ==
		    0) {
			char q[2] = { 0, 0 };
			const char *u = refresh_url(c, q);
			struct durl *d;

			if (u != NULL) {
				d = url_add(s, u, strcspn(u, q), UO_META,
				    NULL, h->where);
				if (d != NULL && h->hi->redirect == NULL)
					h->hi->redirect = d->url;
			}
		}
	} else if (strcmp(t, "foreignobject") == 0) {
		h->hi->svg_embed++;
	} else if (strcmp(t, "base") == 0) {
		if ((v = attr(a, na, "href")) != NULL) {
			url_add(s, v, strlen(v), UO_SRC, NULL, h->where);
			base_set(h, v);
		}
	}
	if (self && h->in_a && strncmp(t, "v:", 2) == 0 &&
	    strcmp(t, h->a_tag) == 0)
		a_close(h);
	/* Outlook's own markup leaves the page's elements as they are
	 * (its tables open in one conditional comment and close in
	 * another). */
	if (h->mso)
		return;
	if (self || is_void(t)) {
		if (off & OFF_AFTER)
			h->rest = 1;
		return;
	}
	if (h->depth < STACK_MAX) {
		snprintf(h->st[h->depth].name, sizeof(h->st[0].name), "%s", t);
		h->st[h->depth].hidden = hid;
		h->st[h->depth].tiny = h->tiny;
		h->st[h->depth].fg = h->fg;
		h->st[h->depth].bg = h->bg;
		h->st[h->depth].after = (off & OFF_AFTER) != 0;
		h->depth++;
		if ((i = open_kind(t)) >= 0)
			h->open[i]++;
		h->hidden += hid;
		h->tiny = tiny;
		h->fg = fg;
		h->bg = bg;
	} else {
		/* Past the stack: its colours are not kept; when it sets
		 * its own, those of the text inside are not known. */
		h->deep++;
		if (own_bg || fg_set || fg != h->fg || bg != h->bg)
			h->deep_unknown = 1;
	}
}

/* The innermost open <svg> or <math> (foreign content), or -1. */
static int
foreign_at(const struct hstate *h)
{
	int	 i;

	if (h->open[OPEN_FOREIGN] == 0)
		return -1;
	for (i = h->depth - 1; i >= 0; i--)
		if (strcmp(h->st[i].name, "svg") == 0 ||
		    strcmp(h->st[i].name, "math") == 0)
			return i;
	return -1;
}

/* Which count of open elements (struct hstate's open) t is kept in, or
 * -1. */
static int
open_kind(const char *t)
{
	if (t[0] == 'p' && t[1] == '\0')
		return OPEN_P;
	if (strcmp(t, "li") == 0)
		return OPEN_LI;
	if (strcmp(t, "dd") == 0 || strcmp(t, "dt") == 0)
		return OPEN_D;
	if (strcmp(t, "svg") == 0 || strcmp(t, "math") == 0)
		return OPEN_FOREIGN;
	return -1;
}

/* Close the open elements from the innermost to the i-th. */
static void
pop_to(struct hstate *h, int i)
{
	int	 k;

	while (h->depth > i) {
		h->depth--;
		if ((k = open_kind(h->st[h->depth].name)) >= 0)
			h->open[k]--;
		h->hidden -= h->st[h->depth].hidden;
		h->tiny = h->st[h->depth].tiny;
		h->fg = h->st[h->depth].fg;
		h->bg = h->st[h->depth].bg;
		if (h->st[h->depth].after)
			h->rest = 1;
	}
}

/*
 * The end tags HTML5 implies before a start tag t: a paragraph ends
 * where a block starts, a list item where the next one starts (and a
 * term or definition where the next starts), unless a table, a cell or
 * a button stands between them.  A hidden <p> or <li> so ends for the
 * reader, and what follows it is shown.
 */
static void
implied_end(struct hstate *h, const char *t)
{
	static const char *const closes_p[] = { "address", "article",
	    "aside", "blockquote", "center", "details", "dialog", "dir",
	    "div", "dl", "fieldset", "figcaption", "figure", "footer",
	    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
	    "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
	    "summary", "table", "ul", "dd", "dt" };
	static const char *const scope[] = { "table", "td", "th", "caption",
	    "button", "object", "marquee", "template", "html", "applet" };
	/* HTML's own elements that end SVG or MathML where they start
	 * (a <p> inside an SVG's <style> is a paragraph of the page). */
	static const char *const breakout[] = { "b", "big", "blockquote",
	    "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
	    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i",
	    "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre",
	    "ruby", "s", "small", "span", "strong", "strike", "sub", "sup",
	    "table", "tt", "u", "ul", "var" };
	const char	*want = NULL;
	int		 i, lists = 0;

	if ((i = foreign_at(h)) >= 0)
		if (in_words(t, breakout, nitems(breakout)))
			pop_to(h, i);

	if (strcmp(t, "li") == 0 && h->open[OPEN_LI] > 0) {
		want = "li";
		lists = 1;
	} else if ((strcmp(t, "dd") == 0 || strcmp(t, "dt") == 0) &&
	    h->open[OPEN_D] > 0)
		want = "d";
	for (i = h->depth - 1; want != NULL && i >= 0; i--) {
		const char *n = h->st[i].name;

		if (want[0] == 'd' ? (strcmp(n, "dd") == 0 ||
		    strcmp(n, "dt") == 0) : strcmp(n, want) == 0) {
			pop_to(h, i);
			break;
		}
		if ((lists && (strcmp(n, "ul") == 0 || strcmp(n, "ol") == 0)) ||
		    (!lists && strcmp(n, "dl") == 0))
			break;
		if (in_words(n, scope, nitems(scope)))
			break;
	}
	/* In quirks mode (a page without a doctype, as most mail) a
	 * table sits inside the paragraph. */
	if (h->open[OPEN_P] == 0 || (h->quirks && strcmp(t, "table") == 0))
		return;
	if (!in_words(t, closes_p, nitems(closes_p)))
		return;
	for (i = h->depth - 1; i >= 0; i--) {
		if (strcmp(h->st[i].name, "p") == 0) {
			pop_to(h, i);
			return;
		}
		if (in_words(h->st[i].name, scope, nitems(scope)))
			return;
	}
}

static void
end_tag(struct hstate *h, const char *t)
{
	int	 i;

	if (strcmp(t, "a") == 0 || (h->in_a && strcmp(t, h->a_tag) == 0))
		a_close(h);
	if (strcmp(t, "form") == 0) {
		if (h->form_pw && h->form_action != NULL)
			h->hi->form_action = h->form_action;
		h->form_open = 0;
	}
	if (h->mso)
		return;
	if (h->vis != NULL && is_block(t))
		buf_addc(h->vis, ' ');
	if (h->lines != NULL && (is_block(t) || strcmp(t, "pre") == 0))
		buf_addc(h->lines, '\n');
	if (strcmp(t, "pre") == 0 && h->pre > 0)
		h->pre--;
	if (strcmp(t, "tr") == 0) {
		struct grid *g = grid_top(h);

		if (g != NULL)
			grid_row_end(g);
	} else if (strcmp(t, "table") == 0)
		grid_close(h);
	/* One of those past the stack closes first. */
	if (h->deep > 0) {
		if (--h->deep == 0)
			h->deep_unknown = 0;
		return;
	}
	for (i = h->depth - 1; i >= 0; i--)
		if (h->st[i].name[0] == t[0] && strcmp(h->st[i].name, t) == 0) {
			pop_to(h, i);
			return;
		}
}

/* An attribute the scanner reads (kept past ATTRS_MAX). */
static int
attr_read(const char *n)
{
	static const char *const r[] = { "href", "xlink:href", "src",
	    "action", "formaction", "type", "name", "style", "hidden",
	    "http-equiv", "content", "data", "background", "srcdoc",
	    "bgcolor", "color", "class", "id" };

	return in_words(n, r, nitems(r));
}

/* Parse a tag at p ('<' already seen): name, attributes, up to '>'. */
static const char *
tag(struct hstate *h, const char *p, const char *e, char *name,
    size_t namesz, int *closing)
{
	struct hattr	 a[ATTRS_MAX + ATTRS_MORE];
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
	/* svg:script and friends; VML's shapes (v:roundrect) keep theirs */
	if (strchr(name, ':') != NULL && strncmp(name, "v:", 2) != 0)
		memmove(name, strchr(name, ':') + 1, strlen(strchr(name,
		    ':') + 1) + 1);
	while (p < e && !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') &&
	    *p != '>' && *p != '/')
		p++;
	for (;;) {
		char	 an[24];
		size_t	 k = 0;
		const char *vs = NULL, *ve = NULL;

		while (p < e && (html_space(*p) || (*p == '/' && !(p + 1 < e &&
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
		while (p < e && *p != '=' && *p != '>' && !html_space(*p) &&
		    *p != '/') {
			if (k + 1 < sizeof(an))
				an[k++] = (char)((*p >= 'A' && *p <= 'Z') ?
				    *p + 32 : *p);
			p++;
		}
		an[k] = '\0';
		while (p < e && html_space(*p))
			p++;
		if (p < e && *p == '=') {
			p++;
			while (p < e && html_space(*p))
				p++;
			if (p < e && (*p == '"' || *p == '\'')) {
				char q = *p++;
				const char *qe = memchr(p, q, (size_t)(e - p));

				vs = p;
				ve = qe != NULL ? qe : e;
				p = qe != NULL ? qe + 1 : e;
			} else {
				vs = p;
				while (p < e && *p != '>' && !html_space(*p))
					p++;
				ve = p;
			}
		} else if (k == 0) {
			if (p < e)
				p++;	/* junk: step over it */
			continue;
		}
		if (vs != NULL && !*closing && strcmp(name, "img") == 0 &&
		    strcmp(an, "src") == 0)
			data_image(h, vs, (size_t)(ve - vs));
		if (k > 0 && !*closing && (na < ATTRS_MAX ||
		    (na < ATTRS_MAX + ATTRS_MORE && attr_read(an) &&
		    attr(a, na, an) == NULL))) {
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

/* The first "-->" at or after p, or e; the last one found is kept, so
 * that many comments (or conditional comments) with none after them do
 * not each search to the end of the page. */
static const char *
dashes(struct hstate *h, const char *p, const char *e)
{
	const char	*q;

	if (h->dashes == NULL || h->dashes < p) {
		q = memmem(p, (size_t)(e - p), "-->", 3);
		h->dashes = q != NULL ? q : e;
	}
	return h->dashes;
}

/*
 * Where the markup goes on after a comment's "<!--" (p just past it),
 * as HTML5 reads it: "<!-->" and "<!--->" end at once, and "--!>" ends
 * one as "-->" does.  A conditional comment for Outlook's desktop
 * program, <!--[if mso]> or <!--[if gte mso 9]>, is no comment to
 * Outlook, which shows what it holds (the "bulletproof" buttons of mail
 * templates are VML shapes with links): its test is stepped over and
 * what it holds read as the page (the "<![endif]-->" that closes it is
 * stepped over as any "<!...>"); one Outlook finds false (<!--[if
 * !mso]>) stays a comment.
 */
static const char *
comment_end(struct hstate *h, const char *p, const char *e)
{
	const char	*q, *b;

	if (p < e && *p == '>')
		return p + 1;
	if (e - p >= 2 && p[0] == '-' && p[1] == '>')
		return p + 2;
	if (e - p >= 4 && memcmp(p, "[if", 3) == 0 &&
	    (q = memchr(p, ']', (size_t)(e - p) < COND_MAX ?
	    (size_t)(e - p) : COND_MAX)) != NULL && q + 1 < e && q[1] == '>' &&
	    memmem(p, (size_t)(q - p), "mso", 3) != NULL &&
	    memchr(p, '!', (size_t)(q - p)) == NULL &&
	    memmem(p, (size_t)(q - p), "->", 2) == NULL) {
		/* Other readers read on where the comment ends for them,
		 * at its "<![endif]-->" or the first "-->" (a template
		 * that closes it with "<!-->"). */
		b = dashes(h, q, e);
		h->mso_end = b != e ? b + 3 : e;
		return q + 2;
	}
	q = dashes(h, p, e);
	b = memmem(p, (size_t)((q != e ? q + 3 : e) - p), "--!>", 4);
	if (b != NULL)
		return b + 4;
	return q != e ? q + 3 : e;
}

/* Does the page start with a <!DOCTYPE> (in its first kilobyte, after
 * comments and white space)?  Without one a browser reads it in quirks
 * mode. */
static int
has_doctype(const char *p, size_t n)
{
	size_t	 i;

	if (n > 1024)
		n = 1024;
	for (i = 0; i + 9 <= n; i++)
		if (p[i] == '<' && str_ncasecmp(p + i, "<!doctype", 9) == 0)
			return 1;
	return 0;
}

/* Are block characters there, as characters or as entities (&#9600; to
 * &#9608;, &#x2580; to &#x2588;, &block;, &uhblk;, &lhblk;)?  One look
 * at each '&' of the page, most of which are &amp; and &nbsp;. */
static int
has_blocks(const char *h, size_t n)
{
	const char	*p = h, *e = h + n;

	if (memmem(h, n, "\xe2\x96", 2) != NULL)
		return 1;
	while ((p = memchr(p, '&', (size_t)(e - p))) != NULL) {
		size_t r = (size_t)(e - p);

		if ((r >= 4 && memcmp(p, "&#96", 4) == 0) || (r >= 6 &&
		    (memcmp(p, "&#x258", 6) == 0 || memcmp(p, "&#X258", 6) ==
		    0)) || (r >= 7 && (memcmp(p, "&block;", 7) == 0 ||
		    memcmp(p + 2, "hblk;", 5) == 0)))
			return 1;
		p++;
	}
	return 0;
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
	if (hi->lines != NULL && has_blocks(p, n))
		h.lines = hi->lines;
	h.fg = 0;		/* black on white, unless the mail says */
	h.bg = 0xffffff;
	buf_init(&h.atext, ATEXT_MAX * 2);
	buf_init(&h.js, JS_MAX);
	h.quirks = !has_doctype(p, n);
	off_sheets(&h, p, n);
	while (p < e) {
		h.mso = p < h.mso_end;
		if (*p != '<') {
			q = memchr(p, '<', (size_t)(e - p));
			if (q == NULL)
				q = e;
			/* What Outlook alone shows ends where other
			 * readers' comment does, inside a run of text. */
			if (h.mso && q > h.mso_end)
				q = h.mso_end;
			text_out(&h, p, (size_t)(q - p));
			p = q;
			continue;
		}
		p++;
		if (p + 2 < e && p[0] == '!' && p[1] == '-' && p[2] == '-') {
			p = comment_end(&h, p + 3, e);
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
		/* Raw text elements: find their end tag (in SVG and
		 * MathML, a <style> or <title> holds markup). */
		if (strcmp(name, "script") == 0 || ((strcmp(name, "style") ==
		    0 || strcmp(name, "title") == 0) && foreign_at(&h) < 0) ||
		    strcmp(name, "textarea") == 0) {
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
			else {
				h.in_title = name[1] == 'i';
				text_out(&h, p, (size_t)(q - p));
				h.in_title = 0;
			}
			end_tag(&h, name);
			p = q;
			if (p < e) {
				q = memchr(p, '>', (size_t)(e - p));
				p = q != NULL ? q + 1 : e;
			}
		}
	}
	a_close(&h);
	while (h.tables > 0)
		grid_close(&h);
	/* Hidden text that nothing visible follows previews nothing. */
	if (!h.seen)
		hi->hidden += h.preview;
	page_redirect(&h);
	buf_release(&h.js);
	buf_release(&h.atext);
}
