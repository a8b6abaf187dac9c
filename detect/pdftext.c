/*
 * pdftext: the text a PDF shows, for the content checks: a callback
 * scam's number, a lure's words, written in an attached PDF whose mail
 * says only "see the attached".
 *
 * attach.c's reader hands over what it decodes: each object's text
 * (the file's own and an object stream's), each stream's data.  Kept
 * from them: the fonts (their ToUnicode map, their encoding, whether
 * their codes are two bytes), the pages' font resources (the name a
 * drawing uses for a font), the ToUnicode maps (CMaps: bfchar and
 * bfrange), and the strings each drawing shows with the font selected
 * (Tj, TJ, ', ") and where its lines break (Td, TD, T*, Tm, ET).  At the
 * end each string is decoded through its font: the ToUnicode map when
 * the font has one; else the Japanese predefined CMaps (UCS-2 and
 * UTF-16 Unicode ones, Shift_JIS ones); else a simple font's bytes as
 * WinAnsi; codes no map knows are left out.  Nothing is laid out: the
 * text comes in the order the drawings show it, a line break where a
 * drawing moves down, a space where it moves along or a TJ array leaves
 * a gap.  Everything is bounded: strings kept, maps, entries, fonts and
 * the text given.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

#define PT_RUNS_MAX	(256u << 10)	/* bytes of strings kept, a PDF */
#define PT_TEXT_MAX	(64u << 10)	/* text given, a PDF */
#define PT_FONTS_MAX	512
#define PT_RES_MAX	2048		/* resource names to fonts */
#define PT_DICTS_MAX	256		/* indirect font resource dicts */
#define PT_CMAPS_MAX	64
#define PT_MAP_MAX	(32u << 10)	/* entries of a CMap */
#define PT_STR_MAX	4096		/* bytes of one string */
#define PT_OPS_MAX	(1u << 20)	/* tokens of a drawing read */
#define PT_NAME_MAX	64
#define PT_OBJ_MAX	(16u << 10)	/* bytes of an object's text read */
#define PT_OBJS_MAX	65536		/* objects of the file read */

enum pt_enc { PE_NONE, PE_WINANSI, PE_IDENTITY, PE_UCS2, PE_RKSJ };

struct pt_font {
	uint32_t	 num;		/* the font's object */
	uint32_t	 tou;		/* its ToUnicode stream, 0: none */
	uint8_t		 type0;		/* composite: codes of two bytes */
	uint8_t		 enc;		/* enum pt_enc */
};

struct pt_res {
	char		 name[PT_NAME_MAX];
	uint32_t	 font;		/* a font's object */
	uint32_t	 dict;		/* or an indirect dict of them (font 0) */
};

struct pt_dict {			/* "N 0 obj << /F1 5 0 R ... >>" */
	uint32_t	 num;
	char		*body;
	size_t		 len;
};

struct pt_map {
	uint32_t	 lo, hi;	/* codes */
	uint32_t	 cp[3];		/* what lo gives (a range: cp[0] on) */
	uint8_t		 len;		/* bytes of the code */
	uint8_t		 ncp;
};

struct pt_cmap {
	uint32_t	 num;
	struct pt_map	*m;
	size_t		 nm;
	int		 len1, len2;	/* code lengths of its codespace */
};

struct pdf_text {
	struct detect_scan	*s;
	struct pt_font		*font;
	size_t			 nfont;
	struct pt_res		*res;
	size_t			 nres;
	struct pt_dict		*dict;
	size_t			 ndict;
	struct pt_cmap		*cmap;
	size_t			 ncmap;
	struct buf		 runs;	/* 'F' n name, 'S' n2 bytes, '\n', ' ' */
	unsigned char		*str;	/* PT_STR_MAX: a string read */
};

static int
pt_ws(int c)
{
	return c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f' ||
	    c == '\0';
}

static int
pt_delim(int c)
{
	return pt_ws(c) || strchr("()<>[]{}/%", c) != NULL;
}

struct pdf_text *
pdf_text_new(struct detect_scan *s)
{
	struct pdf_text *t = xcalloc(1, sizeof(*t));

	t->s = s;
	buf_init(&t->runs, PT_RUNS_MAX);
	t->str = xmalloc(PT_STR_MAX);
	return t;
}

void
pdf_text_free(struct pdf_text *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncmap; i++)
		free(t->cmap[i].m);
	for (i = 0; i < t->ndict; i++)
		free(t->dict[i].body);
	free(t->cmap);
	free(t->dict);
	free(t->font);
	free(t->res);
	free(t->str);
	buf_release(&t->runs);
	free(t);
}

/* A whole number at q (no sign): its value in *v, where it ends. */
static const unsigned char *
pt_uint(const unsigned char *q, const unsigned char *e, unsigned long *v)
{
	*v = 0;
	if (q >= e || !isdigit(*q))
		return NULL;
	for (; q < e && isdigit(*q); q++)
		if (*v < 100000000UL)
			*v = *v * 10 + (unsigned long)(*q - '0');
	return q;
}

static const unsigned char *
pt_skip(const unsigned char *q, const unsigned char *e)
{
	while (q < e) {
		if (pt_ws(*q))
			q++;
		else if (*q == '%') {
			while (q < e && *q != '\r' && *q != '\n')
				q++;
		} else
			break;
	}
	return q;
}

/* A reference "N G R" at q: N, where it ends in *next; 0 when none. */
static uint32_t
pt_ref(const unsigned char *q, const unsigned char *e,
    const unsigned char **next)
{
	unsigned long	 num, gen;

	q = pt_skip(q, e);
	if ((q = pt_uint(q, e, &num)) == NULL || q >= e || !pt_ws(*q))
		return 0;
	q = pt_skip(q, e);
	if ((q = pt_uint(q, e, &gen)) == NULL || q >= e || !pt_ws(*q))
		return 0;
	q = pt_skip(q, e);
	if (q >= e || *q != 'R' || (q + 1 < e && !pt_delim(q[1])))
		return 0;
	if (next != NULL)
		*next = q + 1;
	return num > 0 && num <= UINT32_MAX ? (uint32_t)num : 0;
}

/* The key nm (with its '/') in [p, e), ended as PDF ends a name: where
 * its value starts, else NULL. */
static const unsigned char *
pt_key(const unsigned char *p, const unsigned char *e, const char *nm)
{
	size_t		 l = strlen(nm);
	const unsigned char *q;

	for (q = p; q < e && (q = memmem(q, (size_t)(e - q), nm, l)) != NULL;
	    q += l)
		if (q + l >= e || pt_delim(q[l]))
			return pt_skip(q + l, e);
	return NULL;
}

/* The name at q ("/Name"), its #xx read, into out: where it ends, NULL
 * when q holds none. */
static const unsigned char *
pt_name(const unsigned char *q, const unsigned char *e, char *out,
    size_t cap)
{
	size_t	 k = 0;

	if (q >= e || *q != '/')
		return NULL;
	for (q++; q < e && !pt_delim(*q); q++) {
		int c = *q;

		if (c == '#' && e - q >= 3 && isxdigit(q[1]) && isxdigit(q[2])) {
			c = hex_value(q[1]) * 16 + hex_value(q[2]);
			q += 2;
		}
		if (k + 1 < cap)
			out[k++] = (char)c;
	}
	out[k] = '\0';
	return q;
}

static struct pt_font *
pt_font_get(struct pdf_text *t, uint32_t num)
{
	size_t	 i;

	for (i = 0; i < t->nfont; i++)
		if (t->font[i].num == num)
			return &t->font[i];
	return NULL;
}

/* A font dictionary (object num): its ToUnicode, its encoding. */
static void
pt_font_dict(struct pdf_text *t, uint32_t num, const unsigned char *p,
    const unsigned char *e)
{
	struct pt_font	*f;
	const unsigned char *v;
	char		 enc[PT_NAME_MAX];

	if (num == 0 || pt_font_get(t, num) != NULL || t->nfont >=
	    PT_FONTS_MAX)
		return;
	if (t->nfont % 32 == 0)
		t->font = xrealloc(t->font, (t->nfont + 32) * sizeof(*t->font));
	f = &t->font[t->nfont++];
	memset(f, 0, sizeof(*f));
	f->num = num;
	if ((v = pt_key(p, e, "/ToUnicode")) != NULL)
		f->tou = pt_ref(v, e, NULL);
	f->type0 = pt_key(p, e, "/Type0") != NULL;
	f->enc = f->type0 ? PE_IDENTITY : PE_WINANSI;
	if ((v = pt_key(p, e, "/Encoding")) != NULL &&
	    pt_name(v, e, enc, sizeof(enc)) != NULL) {
		/* The Unicode CMaps of Adobe-Japan1 (and the others'):
		 * UniJIS-UCS2-H, UniJIS-UTF16-H, UniGB-UCS2-H, ... */
		if (strstr(enc, "UCS2") != NULL || strstr(enc, "UTF16") !=
		    NULL)
			f->enc = PE_UCS2;
		else if (strstr(enc, "RKSJ") != NULL)
			f->enc = PE_RKSJ;
	}
}

static void
pt_res_add(struct pdf_text *t, const char *name, uint32_t font,
    uint32_t dict)
{
	size_t	 i;

	for (i = 0; i < t->nres; i++)
		if (t->res[i].font == font && t->res[i].dict == dict &&
		    strcmp(t->res[i].name, name) == 0)
			return;
	if (t->nres >= PT_RES_MAX)
		return;
	if (t->nres % 32 == 0)
		t->res = xrealloc(t->res, (t->nres + 32) * sizeof(*t->res));
	snprintf(t->res[t->nres].name, PT_NAME_MAX, "%s", name);
	t->res[t->nres].font = font;
	t->res[t->nres].dict = dict;
	t->nres++;
}

/* The pairs "/Name N G R" of the dictionary at q ("<<"), as the font
 * resources they name (dict: the object they are in, 0 when direct). */
static void
pt_font_pairs(struct pdf_text *t, const unsigned char *q,
    const unsigned char *e)
{
	char		 name[PT_NAME_MAX];
	uint32_t	 ref;

	if (e - q < 2 || q[0] != '<' || q[1] != '<')
		return;
	for (q = pt_skip(q + 2, e); q < e && *q == '/';) {
		if ((q = pt_name(q, e, name, sizeof(name))) == NULL ||
		    (ref = pt_ref(q, e, &q)) == 0)
			return;
		pt_res_add(t, name, ref, 0);
		q = pt_skip(q, e);
	}
}

/* Is [p, e) a dictionary of references only ("<< /F1 5 0 R >>"), as an
 * indirect font resource dictionary is? */
static int
pt_pairs_only(const unsigned char *p, const unsigned char *e)
{
	char		 name[PT_NAME_MAX];
	const unsigned char *q = pt_skip(p, e);

	if (e - q < 4 || q[0] != '<' || q[1] != '<')
		return 0;
	for (q = pt_skip(q + 2, e); q < e && *q == '/';) {
		if ((q = pt_name(q, e, name, sizeof(name))) == NULL ||
		    pt_ref(q, e, &q) == 0)
			return 0;
		q = pt_skip(q, e);
	}
	return e - q >= 2 && q[0] == '>' && q[1] == '>';
}

/*
 * An object's text (its dictionary; a stream's data not included): a
 * font, the /Font entries of resources in it, or a dictionary of
 * references that may be one of those.
 */
static void
pdf_text_object(struct pdf_text *t, uint32_t num, const unsigned char *p,
    size_t n)
{
	const unsigned char	*e, *q, *v;

	if (t == NULL)
		return;
	e = p + (n < PT_OBJ_MAX ? n : PT_OBJ_MAX);
	if (pt_key(p, e, "/BaseFont") != NULL || ((v = pt_key(p, e,
	    "/Type")) != NULL && e - v >= 5 && memcmp(v, "/Font", 5) == 0 &&
	    (e - v == 5 || pt_delim(v[5]))))
		pt_font_dict(t, num, p, e);
	/* "/Font << /F1 5 0 R >>" or "/Font 12 0 R". */
	for (q = p; q < e && (v = pt_key(q, e, "/Font")) != NULL; q = v) {
		uint32_t ref;

		if (v < e && *v == '<')
			pt_font_pairs(t, v, e);
		else if ((ref = pt_ref(v, e, NULL)) != 0)
			pt_res_add(t, "", 0, ref);
	}
	if (num != 0 && t->ndict < PT_DICTS_MAX && pt_pairs_only(p, e)) {
		if (t->ndict % 16 == 0)
			t->dict = xrealloc(t->dict, (t->ndict + 16) *
			    sizeof(*t->dict));
		t->dict[t->ndict].num = num;
		t->dict[t->ndict].len = (size_t)(e - p);
		t->dict[t->ndict].body = xmalloc((size_t)(e - p) + 1);
		memcpy(t->dict[t->ndict].body, p, (size_t)(e - p));
		t->ndict++;
	}
}

/* The hex digits of <...> at q as a number (at most 4 bytes) and their
 * byte count; where it ends, NULL when q holds none. */
static const unsigned char *
pt_hexcode(const unsigned char *q, const unsigned char *e, uint32_t *v,
    int *len)
{
	int	 digits = 0;

	*v = 0;
	if (q >= e || *q != '<')
		return NULL;
	for (q++; q < e && *q != '>'; q++) {
		if (pt_ws(*q))
			continue;
		if (!isxdigit(*q))
			return NULL;
		if (digits < 8)
			*v = *v << 4 | (uint32_t)hex_value(*q);
		digits++;
	}
	if (q >= e || digits == 0)
		return NULL;
	*len = digits > 8 ? 4 : (digits + 1) / 2;
	return q + 1;
}

/* UTF-16BE in hex <...> at q into cp (at most 3): how many, -1 when q
 * holds no hex string. */
static int
pt_hexutf16(const unsigned char *q, const unsigned char *e, uint32_t *cp,
    const unsigned char **next)
{
	uint32_t	 u[8];
	int		 nu = 0, n = 0, digits = 0, i;
	uint32_t	 v = 0;

	if (q >= e || *q != '<')
		return -1;
	for (q++; q < e && *q != '>'; q++) {
		if (pt_ws(*q))
			continue;
		if (!isxdigit(*q))
			return -1;
		v = v << 4 | (uint32_t)hex_value(*q);
		if (++digits % 4 == 0) {
			if (nu < 8)
				u[nu++] = v;
			v = 0;
		}
	}
	if (q >= e)
		return -1;
	*next = q + 1;
	for (i = 0; i < nu && n < 3; i++) {
		if (u[i] >= 0xd800 && u[i] < 0xdc00 && i + 1 < nu &&
		    u[i + 1] >= 0xdc00 && u[i + 1] < 0xe000) {
			cp[n++] = 0x10000 + ((u[i] - 0xd800) << 10) +
			    (u[i + 1] - 0xdc00);
			i++;
		} else
			cp[n++] = u[i];
	}
	return n;
}

static int
pt_map_cmp(const void *a, const void *b)
{
	const struct pt_map *x = a, *y = b;

	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static void
pt_map_add(struct pt_cmap *c, uint32_t lo, uint32_t hi, int len,
    const uint32_t *cp, int ncp)
{
	struct pt_map	*m;

	if (c->nm >= PT_MAP_MAX || ncp <= 0 || hi < lo || len < 1 ||
	    len > 4)
		return;
	if (c->nm % 256 == 0)
		c->m = xrealloc(c->m, (c->nm + 256) * sizeof(*c->m));
	m = &c->m[c->nm++];
	memset(m, 0, sizeof(*m));
	m->lo = lo;
	m->hi = hi;
	m->len = (uint8_t)len;
	m->ncp = (uint8_t)(ncp > 3 ? 3 : ncp);
	memcpy(m->cp, cp, m->ncp * sizeof(*cp));
}

/* A ToUnicode CMap: its codespace and its bfchar and bfrange entries. */
static void
pt_cmap(struct pdf_text *t, uint32_t num, const unsigned char *p, size_t n)
{
	const unsigned char	*q, *e = p + n, *sec;
	struct pt_cmap		*c;
	uint32_t		 lo, hi, cp[3];
	int			 l1, l2, k;

	if (t->ncmap >= PT_CMAPS_MAX)
		return;
	if (t->ncmap % 8 == 0)
		t->cmap = xrealloc(t->cmap, (t->ncmap + 8) * sizeof(*t->cmap));
	c = &t->cmap[t->ncmap++];
	memset(c, 0, sizeof(*c));
	c->num = num;
	for (q = p; (sec = memmem(q, (size_t)(e - q), "begincodespacerange",
	    19)) != NULL; q = sec) {
		for (sec = pt_skip(sec + 19, e); sec < e && *sec == '<';) {
			if ((sec = pt_hexcode(sec, e, &lo, &l1)) == NULL)
				break;
			sec = pt_skip(sec, e);
			if ((sec = pt_hexcode(sec, e, &hi, &l2)) == NULL)
				break;
			if (c->len1 == 0 || l1 < c->len1)
				c->len1 = l1;
			if (l1 > c->len2)
				c->len2 = l1;
			sec = pt_skip(sec, e);
		}
		if (sec == NULL)
			break;
	}
	for (q = p; (sec = memmem(q, (size_t)(e - q), "beginbfchar", 11)) !=
	    NULL; q = sec) {
		for (sec = pt_skip(sec + 11, e); sec < e && *sec == '<';) {
			if ((sec = pt_hexcode(sec, e, &lo, &l1)) == NULL)
				break;
			sec = pt_skip(sec, e);
			if ((k = pt_hexutf16(sec, e, cp, &sec)) < 0)
				break;
			pt_map_add(c, lo, lo, l1, cp, k);
			sec = pt_skip(sec, e);
		}
		if (sec == NULL)
			break;
	}
	for (q = p; (sec = memmem(q, (size_t)(e - q), "beginbfrange",
	    12)) != NULL; q = sec) {
		for (sec = pt_skip(sec + 12, e); sec < e && *sec == '<';) {
			if ((sec = pt_hexcode(sec, e, &lo, &l1)) == NULL)
				break;
			sec = pt_skip(sec, e);
			if ((sec = pt_hexcode(sec, e, &hi, &l2)) == NULL)
				break;
			sec = pt_skip(sec, e);
			if (sec < e && *sec == '[') {
				/* One destination for each code. */
				uint32_t code = lo;

				for (sec = pt_skip(sec + 1, e); sec < e &&
				    *sec == '<' && code <= hi; code++) {
					if ((k = pt_hexutf16(sec, e, cp,
					    &sec)) < 0)
						break;
					pt_map_add(c, code, code, l1, cp, k);
					sec = pt_skip(sec, e);
				}
				while (sec < e && *sec != ']')
					sec++;
				if (sec < e)
					sec++;
			} else {
				if ((k = pt_hexutf16(sec, e, cp, &sec)) < 0)
					break;
				/* The last code point counts up. */
				if (hi - lo > 0xffff)
					hi = lo + 0xffff;
				if (k == 1)
					pt_map_add(c, lo, hi, l1, cp, 1);
				else
					pt_map_add(c, lo, lo, l1, cp, k);
			}
			sec = pt_skip(sec, e);
		}
		if (sec == NULL)
			break;
	}
	if (c->nm > 1)
		qsort(c->m, c->nm, sizeof(*c->m), pt_map_cmp);
	if (c->len1 == 0 && c->nm > 0)
		c->len1 = c->len2 = c->m[0].len;
}

static void
pt_emit(struct pdf_text *t, int kind, const void *p, size_t n)
{
	unsigned char	 h[3];

	if (kind == '\n' || kind == ' ') {
		/* One break or space where several are. */
		if (t->runs.len > 0 && ((unsigned char)t->runs.ptr[t->runs.len
		    - 1] == '\n' || (kind == ' ' &&
		    t->runs.ptr[t->runs.len - 1] == ' ')))
			return;
		buf_addc(&t->runs, kind);
		return;
	}
	if (n > 0xffff)
		n = 0xffff;
	if (t->runs.len + n + 3 > PT_RUNS_MAX)
		return;
	h[0] = (unsigned char)kind;
	h[1] = (unsigned char)(n >> 8);
	h[2] = (unsigned char)n;
	buf_add(&t->runs, h, 3);
	buf_add(&t->runs, p, n);
}

/*
 * A page's (or form's) drawing: the strings it shows, with the font
 * selected, and where its lines break.  Operands are kept as the last
 * name, the last two numbers and the last string (or array of them).
 */
static void
pt_content(struct pdf_text *t, const unsigned char *p, size_t n)
{
	const unsigned char	*q = p, *e = p + n, *w;
	char			 name[PT_NAME_MAX] = "";
	double			 num[2] = { 0, 0 }, last_y = 0;
	struct buf		 arr;
	size_t			 ops = 0, slen = 0;
	int			 have_str = 0, in_arr = 0, have_y = 0;

	buf_init(&arr, PT_RUNS_MAX);
	while (q < e && ops++ < PT_OPS_MAX) {
		q = pt_skip(q, e);
		if (q >= e)
			break;
		if (*q == '(' || (*q == '<' && (q + 1 >= e || q[1] != '<'))) {
			const unsigned char *next;
			size_t k = pdf_string(q, e, (char *)t->str,
			    PT_STR_MAX, &next);

			if (k == (size_t)-1 || next <= q) {
				q++;
				continue;
			}
			if (in_arr) {
				unsigned char h[2] = { (unsigned char)(k >> 8),
				    (unsigned char)k };

				buf_addc(&arr, 'S');
				buf_add(&arr, h, 2);
				buf_add(&arr, t->str, k);
			} else {
				slen = k;
				have_str = 1;
			}
			q = next;
			continue;
		}
		if (*q == '[') {
			buf_reset(&arr);
			in_arr = 1;
			q++;
			continue;
		}
		if (*q == ']') {
			in_arr = 0;
			q++;
			continue;
		}
		if (*q == '/') {
			q = pt_name(q, e, name, sizeof(name));
			continue;
		}
		if (*q == '<' || *q == '>' || *q == '{' || *q == '}' ||
		    *q == ')') {
			q++;
			continue;
		}
		if (isdigit(*q) || *q == '-' || *q == '+' || *q == '.') {
			char	 tmp[32];
			size_t	 k = 0;

			for (w = q; w < e && k + 1 < sizeof(tmp) &&
			    (isdigit(*w) || *w == '-' || *w == '+' ||
			    *w == '.'); w++)
				tmp[k++] = (char)*w;
			tmp[k] = '\0';
			while (w < e && !pt_delim(*w))
				w++;
			if (in_arr) {
				/* A gap of more than a fifth of the font's
				 * size reads as a space. */
				if (strtod(tmp, NULL) < -200)
					buf_addc(&arr, ' ');
			} else {
				num[0] = num[1];
				num[1] = strtod(tmp, NULL);
			}
			q = w;
			continue;
		}
		/* An operator. */
		for (w = q; w < e && !pt_delim(*w); w++)
			;
		if (w == q) {
			q++;
			continue;
		}
		switch (w - q) {
		case 1:
			if (*q == '\'' || *q == '"') {
				pt_emit(t, '\n', NULL, 0);
				if (have_str)
					pt_emit(t, 'S', t->str, slen);
			}
			break;
		case 2:
			if (memcmp(q, "Tf", 2) == 0)
				pt_emit(t, 'F', name, strlen(name));
			else if (memcmp(q, "Tj", 2) == 0 && have_str)
				pt_emit(t, 'S', t->str, slen);
			else if (memcmp(q, "TJ", 2) == 0) {
				size_t i = 0;

				while (i < arr.len) {
					size_t k;

					if (arr.ptr[i] == ' ') {
						pt_emit(t, ' ', NULL, 0);
						i++;
						continue;
					}
					if (i + 3 > arr.len)
						break;
					k = (size_t)(unsigned char)arr.ptr[i +
					    1] << 8 | (unsigned char)arr.ptr[i +
					    2];
					if (i + 3 + k > arr.len)
						break;
					pt_emit(t, 'S', arr.ptr + i + 3, k);
					i += 3 + k;
				}
				buf_reset(&arr);
			} else if (memcmp(q, "Td", 2) == 0 ||
			    memcmp(q, "TD", 2) == 0)
				pt_emit(t, num[1] != 0 ? '\n' : ' ', NULL, 0);
			else if (memcmp(q, "T*", 2) == 0 ||
			    memcmp(q, "ET", 2) == 0)
				pt_emit(t, '\n', NULL, 0);
			else if (memcmp(q, "Tm", 2) == 0) {
				pt_emit(t, have_y && num[1] == last_y ? ' ' :
				    '\n', NULL, 0);
				last_y = num[1];
				have_y = 1;
			} else if (memcmp(q, "BI", 2) == 0) {
				/* An inline image: its data runs from "ID"
				 * to "EI" between white space. */
				const unsigned char *id = memmem(w,
				    (size_t)(e - w), "ID", 2), *ei;

				if (id == NULL)
					goto out;
				for (ei = id + 2; ei < e && (ei = memmem(ei,
				    (size_t)(e - ei), "EI", 2)) != NULL;
				    ei += 2)
					if (pt_ws(ei[-1]) && (ei + 2 >= e ||
					    pt_ws(ei[2])))
						break;
				if (ei == NULL || ei >= e)
					goto out;
				w = ei + 2;
			}
			break;
		}
		have_str = 0;
		q = w;
	}
out:
	pt_emit(t, '\n', NULL, 0);
	buf_release(&arr);
}

/*
 * A stream's data (decoded): a ToUnicode CMap, or a drawing that shows
 * text.  num is the stream's object (0: not known).
 */
void
pdf_text_stream(struct pdf_text *t, uint32_t num, const unsigned char *p,
    size_t n)
{
	size_t	 look = n < 4096 ? n : 4096;

	if (t == NULL || n == 0)
		return;
	if (memmem(p, look, "begincmap", 9) != NULL || (memmem(p, look,
	    "CMapName", 8) != NULL && (memmem(p, n, "beginbfchar", 11) !=
	    NULL || memmem(p, n, "beginbfrange", 12) != NULL)))
		pt_cmap(t, num, p, n);
	else if (memmem(p, n, "BT", 2) != NULL && (memmem(p, n, "Tj", 2) !=
	    NULL || memmem(p, n, "TJ", 2) != NULL))
		pt_content(t, p, n);
}

/*
 * The objects of the file itself ("N G obj ... endobj" outside the
 * streams' data is what attach.c gives here, as it reads the file).
 */
void
pdf_text_objects(struct pdf_text *t, const unsigned char *p, size_t n)
{
	const unsigned char	*q = p, *e = p + n, *b, *end;
	size_t			 nobj = 0;
	uint32_t		 num;
	uint16_t		 gen;

	if (t == NULL)
		return;
	while (nobj < PT_OBJS_MAX && (q = memmem(q, (size_t)(e - q), "obj",
	    3)) != NULL) {
		q += 3;
		if (!pdf_obj_keyword(p, e, q - 3, &num, &gen) || num == 0)
			continue;
		end = e - q > PT_OBJ_MAX ? q + PT_OBJ_MAX : e;
		if ((b = memmem(q, (size_t)(end - q), "endobj", 6)) != NULL)
			end = b;
		if ((b = memmem(q, (size_t)(end - q), "stream", 6)) != NULL)
			end = b;
		pdf_text_object(t, num, q, (size_t)(end - q));
		nobj++;
		q = end;
	}
}

/* The objects of a decoded object stream (its dictionary d): the
 * header's pairs "num offset" after /N, the objects from /First. */
void
pdf_text_objstm(struct pdf_text *t, const unsigned char *d, size_t dn,
    const unsigned char *p, size_t n)
{
	const unsigned char	*q, *e = p + n, *de, *v;
	unsigned long		 count, first, num, off, next_off;
	size_t			 i;

	if (t == NULL || d == NULL)
		return;
	de = d + dn;
	if ((v = pt_key(d, de, "/N")) == NULL ||
	    pt_uint(v, de, &count) == NULL || (v = pt_key(d, de,
	    "/First")) == NULL || pt_uint(v, de, &first) == NULL ||
	    first >= n)
		return;
	for (q = p, i = 0; i < count && i < 4096; i++) {
		const unsigned char *h;

		q = pt_skip(q, e);
		if ((q = pt_uint(q, e, &num)) == NULL)
			return;
		q = pt_skip(q, e);
		if ((q = pt_uint(q, e, &off)) == NULL)
			return;
		/* The next object's offset ends this one. */
		h = pt_skip(q, e);
		next_off = n - first;
		if (i + 1 < count && (h = pt_uint(h, e, &next_off)) != NULL) {
			h = pt_skip(h, e);
			if (pt_uint(h, e, &next_off) == NULL)
				next_off = n - first;
		}
		if (off >= n - first || num == 0 || num > UINT32_MAX)
			continue;
		if (next_off > n - first || next_off < off)
			next_off = n - first;
		pdf_text_object(t, (uint32_t)num, p + first + off,
		    (size_t)(next_off - off));
	}
}

static const struct pt_cmap *
pt_cmap_get(const struct pdf_text *t, uint32_t num)
{
	size_t	 i;

	for (i = 0; num != 0 && i < t->ncmap; i++)
		if (t->cmap[i].num == num)
			return &t->cmap[i];
	return NULL;
}

static const struct pt_map *
pt_lookup(const struct pt_cmap *c, uint32_t code, int len)
{
	size_t	 lo = 0, hi = c->nm, back;

	/* The last entry of this length starting at or before code. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct pt_map *m = &c->m[mid];

		if (m->len < len || (m->len == len && m->lo <= code))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (back = 0; lo > 0 && back < 4; back++) {
		const struct pt_map *m = &c->m[lo - 1];

		if (m->len != len)
			return NULL;
		if (code <= m->hi)
			return m;
		/* Ranges may overlap: an earlier, longer one. */
		lo--;
	}
	return NULL;
}

static const uint16_t cp1252_hi[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

static void
pt_put(struct buf *out, uint32_t cp)
{
	char	 u[4];

	if (cp < 0x20 || cp == 0xfffd || (cp >= 0xd800 && cp < 0xe000) ||
	    cp > 0x10ffff)
		cp = ' ';
	buf_add(out, u, utf8_put(cp, u));
}

/* The string through a ToUnicode map: the codes it knows; how many it
 * did not. */
static size_t
pt_by_cmap(const struct pt_cmap *c, int type0, const unsigned char *p,
    size_t n, struct buf *out)
{
	size_t		 i = 0, miss = 0;
	int		 len, k;

	while (i < n) {
		const struct pt_map *m = NULL;
		uint32_t code = 0;

		/* The shortest code of the codespace the map knows. */
		for (len = c->len1 > 0 ? c->len1 : type0 ? 2 : 1; len <= 4 &&
		    len <= (c->len2 > 0 ? c->len2 : type0 ? 2 : 1); len++) {
			if (i + (size_t)len > n)
				break;
			for (code = 0, k = 0; k < len; k++)
				code = code << 8 | p[i + (size_t)k];
			if ((m = pt_lookup(c, code, len)) != NULL)
				break;
		}
		if (m == NULL) {
			miss++;
			i += (size_t)(c->len1 > 0 ? c->len1 : type0 ? 2 : 1);
			continue;
		}
		if (out != NULL) {
			if (m->lo == m->hi)
				for (k = 0; k < m->ncp; k++)
					pt_put(out, m->cp[k]);
			else
				pt_put(out, m->cp[0] + (code - m->lo));
		}
		i += (size_t)len;
	}
	return miss;
}

/* The string through its font (NULL: not known). */
static void
pt_decode(struct pdf_text *t, const struct pt_font *f,
    const struct pt_cmap *c, const unsigned char *p, size_t n,
    struct buf *out)
{
	size_t	 i, k;

	if (c != NULL) {
		pt_by_cmap(c, f != NULL && f->type0, p, n, out);
		return;
	}
	if (f != NULL && f->enc == PE_UCS2) {
		for (i = 0; i + 1 < n; i += 2) {
			uint32_t u = (uint32_t)p[i] << 8 | p[i + 1];

			if (u >= 0xd800 && u < 0xdc00 && i + 3 < n) {
				uint32_t l = (uint32_t)p[i + 2] << 8 | p[i + 3];

				if (l >= 0xdc00 && l < 0xe000) {
					u = 0x10000 + ((u - 0xd800) << 10) +
					    (l - 0xdc00);
					i += 2;
				}
			}
			pt_put(out, u);
		}
		return;
	}
	if (f != NULL && f->enc == PE_RKSJ) {
		const char *u = text_to_utf8(&t->s->a, "CP932",
		    (const char *)p, n, 4 * n + 16, &k);

		buf_add(out, u, k);
		return;
	}
	/* A composite font with no map: its codes are glyphs. */
	if (f != NULL && f->type0)
		return;
	/* A simple font, or none known: WinAnsi (no font known: only
	 * when the bytes are text). */
	if (f == NULL)
		for (i = 0; i < n; i++)
			if (p[i] < 0x20 && !pt_ws(p[i]))
				return;
	for (i = 0; i < n; i++)
		pt_put(out, p[i] >= 0x80 && p[i] < 0xa0 ?
		    cp1252_hi[p[i] - 0x80] : p[i]);
}

#define PT_CANDS	16

/* The fonts a drawing's name may stand for (pages may name different
 * fonts alike): how many, at most PT_CANDS. */
static size_t
pt_cands(struct pdf_text *t, const char *name, const struct pt_font **cand)
{
	size_t	 i, n = 0;

	for (i = 0; i < t->nres && n < PT_CANDS; i++) {
		const struct pt_font *f;

		if (t->res[i].font != 0 && strcmp(t->res[i].name, name) == 0 &&
		    (f = pt_font_get(t, t->res[i].font)) != NULL)
			cand[n++] = f;
	}
	return n;
}

/* Of the fonts so named, the first whose map knows every code of the
 * string; else the first. */
static const struct pt_font *
pt_choose(struct pdf_text *t, const struct pt_font *const *cand,
    size_t ncand, const unsigned char *p, size_t n,
    const struct pt_cmap **cp)
{
	size_t	 i;

	*cp = NULL;
	if (ncand == 0)
		return NULL;
	for (i = 0; ncand > 1 && i < ncand; i++) {
		const struct pt_cmap *c = pt_cmap_get(t, cand[i]->tou);

		if (c != NULL && pt_by_cmap(c, cand[i]->type0, p, n, NULL) ==
		    0) {
			*cp = c;
			return cand[i];
		}
	}
	*cp = pt_cmap_get(t, cand[0]->tou);
	return cand[0];
}

/*
 * The text shown, as UTF-8, appended to out (PT_TEXT_MAX bytes of it
 * at most): how many bytes.
 */
size_t
pdf_text_end(struct pdf_text *t, struct buf *out)
{
	const struct pt_font	*f, *cand[PT_CANDS];
	const struct pt_cmap	*c;
	char			 name[PT_NAME_MAX];
	size_t			 i, j, start = out->len, nres, ncand = 0;
	struct buf		 one;

	if (t == NULL)
		return 0;
	/* Indirect resource dictionaries ("/Font 12 0 R") read now that
	 * every object has been seen. */
	nres = t->nres;
	for (i = 0; i < nres; i++) {
		if (t->res[i].font != 0)
			continue;
		for (j = 0; j < t->ndict; j++)
			if (t->dict[j].num == t->res[i].dict) {
				const unsigned char *b = (const unsigned char *)
				    t->dict[j].body, *be = b + t->dict[j].len;

				pt_font_pairs(t, pt_skip(b, be), be);
			}
	}
	buf_init(&one, PT_TEXT_MAX);
	for (i = 0; i < t->runs.len && out->len - start < PT_TEXT_MAX;) {
		unsigned char	 kind = (unsigned char)t->runs.ptr[i];
		size_t		 k;

		if (kind == '\n' || kind == ' ') {
			if (out->len > start && out->ptr[out->len - 1] != '\n' &&
			    out->ptr[out->len - 1] != ' ')
				buf_addc(out, kind);
			else if (kind == '\n' && out->len > start &&
			    out->ptr[out->len - 1] == ' ')
				out->ptr[out->len - 1] = '\n';
			i++;
			continue;
		}
		if (i + 3 > t->runs.len)
			break;
		k = (size_t)(unsigned char)t->runs.ptr[i + 1] << 8 |
		    (unsigned char)t->runs.ptr[i + 2];
		if (i + 3 + k > t->runs.len)
			break;
		if (kind == 'F') {
			snprintf(name, sizeof(name), "%.*s", (int)k,
			    t->runs.ptr + i + 3);
			ncand = pt_cands(t, name, cand);
		} else {
			const unsigned char *p = (const unsigned char *)
			    t->runs.ptr + i + 3;

			f = pt_choose(t, cand, ncand, p, k, &c);
			buf_reset(&one);
			pt_decode(t, f, c, p, k, &one);
			if (out->len - start + one.len > PT_TEXT_MAX)
				break;
			buf_add(out, one.ptr, one.len);
		}
		i += 3 + k;
	}
	buf_release(&one);
	return out->len - start;
}
