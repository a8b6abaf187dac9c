/*
 * rtf: the compressed RTF body of Outlook's mail (PR_RTF_COMPRESSED, in
 * a TNEF winmail.dat and in an Outlook item, .msg) read as the text a
 * person is shown.  Outlook writes a message's body so: as RTF that
 * encapsulates the HTML it came from (MS-OXRTFEX, "\fromhtml1"), or as
 * RTF of its own, compressed by MS-OXRTFCP's LZ77 ("LZFu") or stored
 * ("MELA").  The links and words of such a body were never read: a
 * winmail.dat whose MIME text said "see attached" and whose RTF held
 * the phishing page scanned clean.
 *
 * rtf_decompress() undoes the compression; rtf_body() turns the RTF
 * into HTML for the engine's reading of the message: the encapsulated
 * HTML as it was (the text of \*\htmltag groups and the text outside
 * \htmlrtf), else the RTF's text with its HYPERLINK fields as links.
 * What Word, Outlook and WordPad do not show (font and colour tables,
 * pictures, \*-destinations not known, hidden text) is left out.  Bytes
 * written \'hh are in the code page of the current font (\fcharset,
 * \cpg) or of the document (\ansicpg); \uN is a UTF-16 unit, followed
 * by \ucN fallback characters that are skipped.  Depth, output and each
 * word's length are bounded; what the decompression writes is charged
 * to the message's inflate budget.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

#define LZFU		0x75465a4cu	/* "LZFu": compressed */
#define MELA		0x414c454du	/* "MELA": stored */
#define RTF_DEPTH	256		/* groups whose state is kept */
#define RTF_FONTS	256		/* fonts of the table kept */
#define RTF_WORD	32		/* letters of a control word */
#define RTF_INST	DETECT_TEXT_MAX	/* bytes of a field's instruction */

/* MS-OXRTFCP 2.1.2.1: the dictionary's first 207 bytes. */
static const char lzfu_pre[] = "{\\rtf1\\ansi\\mac\\deff0\\deftab720"
    "{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript "
    "\\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl"
    "\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab"
    "\\tx";

_Static_assert(sizeof(lzfu_pre) - 1 == 207, "MS-OXRTFCP's dictionary");

/*
 * The RTF of a compressed RTF stream, at most cap bytes, in a new
 * NUL-terminated buffer (its length in *len), or NULL when it is neither
 * form.  The header's sizes are not trusted: the data is read up to the
 * end marker (a reference to the write position) or its end, whatever
 * RAWSIZE says, and the CRC is not checked (a reader that shows a body
 * whose CRC is wrong would show what the engine skipped).
 */
unsigned char *
rtf_decompress(const unsigned char *p, size_t n, size_t cap, size_t *len)
{
	unsigned char	 dict[4096], *out, b;
	size_t		 i = 16, o = 0, k, j;
	unsigned	 w = sizeof(lzfu_pre) - 1, ctl, bit, tok, off;
	uint32_t	 type;

	if (n < 16)
		return NULL;
	type = le32(p + 8);
	if (type == MELA) {
		k = n - 16 < cap ? n - 16 : cap;
		out = xmalloc(k + 1);
		memcpy(out, p + 16, k);
		out[k] = '\0';
		*len = k;
		return out;
	}
	if (type != LZFU)
		return NULL;
	memcpy(dict, lzfu_pre, w);
	memset(dict + w, 0, sizeof(dict) - w);
	out = xmalloc(cap + 1);
	while (i < n && o < cap) {
		ctl = p[i++];
		for (bit = 0; bit < 8 && o < cap; bit++) {
			if (!(ctl & 1u << bit)) {
				if (i >= n)
					goto done;
				b = p[i++];
				out[o++] = b;
				dict[w] = b;
				w = (w + 1) & 4095;
				continue;
			}
			if (n - i < 2)
				goto done;
			tok = (unsigned)p[i] << 8 | p[i + 1];
			i += 2;
			off = tok >> 4;
			k = (tok & 15) + 2;
			if (off == w)
				goto done;
			/* Byte by byte: a reference may overlap what it
			 * writes ("WXYZ" 16 times from 4 bytes). */
			for (j = 0; j < k && o < cap; j++) {
				b = dict[(off + j) & 4095];
				out[o++] = b;
				dict[w] = b;
				w = (w + 1) & 4095;
			}
		}
	}
done:
	out[o] = '\0';
	*len = o;
	return out;
}

struct rgroup {
	unsigned	 skip:1;	/* a destination not shown */
	unsigned	 tag:1;		/* \*\htmltag: HTML as it was */
	unsigned	 rtfonly:1;	/* \htmlrtf: not part of the HTML */
	unsigned	 hidden:1;	/* \v */
	unsigned	 inst:1;	/* \*\fldinst */
	unsigned	 link:1;	/* ends an <a> the field opened */
	unsigned	 fonttbl:1;
	unsigned	 upr:1;		/* \upr: its first group is not
					   shown, its \*\ud is */
	unsigned	 kids;		/* groups opened in it */
	int		 uc;		/* fallback characters after \u */
	int		 font;		/* the font in use (-1: \deff's);
					   in the table, the one defined */
};

struct rtf {
	struct detect_scan *s;
	const unsigned char *p;
	size_t		 n, i;
	int		 html;		/* \fromhtml: encapsulated HTML */
	int		 ansicp;	/* \ansicpg, or of \ansi, \mac, \pc */
	int		 deff;		/* \deff */
	struct rgroup	 g[RTF_DEPTH];
	size_t		 depth, over;	/* over: groups past RTF_DEPTH */
	int		 star;		/* \* before the group's word */
	int		 first;		/* no control word yet in the group */
	size_t		 ntok;		/* tokens read (\fromhtml1 must be
					   among the first ten) */
	int		 skipn;		/* fallback characters to skip */
	uint32_t	 hi;		/* a high surrogate waiting */
	struct buf	 out;		/* HTML */
	struct buf	 pend;		/* bytes of pend_cp waiting */
	int		 pend_cp;
	struct buf	 inst;		/* the field's instruction */
	struct {
		int	 num, cp;
	}		 fonts[RTF_FONTS];
	size_t		 nfonts;
};

/* The code page of a \fcharset (the Windows character sets). */
static int
charset_cp(int cs)
{
	static const int map[][2] = { { 77, 10000 }, { 128, 932 },
	    { 129, 949 }, { 130, 1361 }, { 134, 936 }, { 136, 950 },
	    { 161, 1253 }, { 162, 1254 }, { 163, 1258 }, { 177, 1255 },
	    { 178, 1256 }, { 186, 1257 }, { 204, 1251 }, { 222, 874 },
	    { 238, 1250 }, { 254, 437 }, { 255, 850 } };
	size_t	 i;

	for (i = 0; i < nitems(map); i++)
		if (map[i][0] == cs)
			return map[i][1];
	return 0;
}

static struct rgroup *
cur(struct rtf *r)
{
	return &r->g[r->depth];
}

/* The code page of font num: 0 for the document's (ANSI), -1 when the
 * table has no such font. */
static int
font_cp(const struct rtf *r, int num)
{
	size_t	 i;

	for (i = 0; i < r->nfonts; i++)
		if (r->fonts[i].num == num)
			return r->fonts[i].cp;
	return -1;
}

/* Is text of this group shown (or, encapsulated, part of the HTML)? */
static int
shown(struct rtf *r)
{
	const struct rgroup *g = cur(r);

	if (g->skip || g->fonttbl)
		return 0;
	/* \htmlrtf leaves out all it covers, \*\htmltag groups too (a
	 * tag written there is no part of the page: MS-OXRTFEX, as
	 * rtf-stream-parser reads it). */
	if (r->html)
		return !g->rtfonly || g->inst;
	return !g->hidden;
}

/* Where text goes: the field's instruction, or the HTML. */
static struct buf *
sink(struct rtf *r)
{
	return cur(r)->inst ? &r->inst : &r->out;
}

static void
put_esc(struct rtf *r, const char *t, size_t n)
{
	struct buf	*b = sink(r);
	size_t		 i;

	if (r->html || b == &r->inst) {
		buf_add(b, t, n);
		return;
	}
	for (i = 0; i < n; i++)
		if (t[i] == '<')
			buf_adds(b, "&lt;");
		else if (t[i] == '>')
			buf_adds(b, "&gt;");
		else if (t[i] == '&')
			buf_adds(b, "&amp;");
		else
			buf_addc(b, t[i]);
}

static void
flush(struct rtf *r)
{
	char		 nm[16];
	const char	*u;
	size_t		 ulen;

	if (r->pend.len == 0)
		return;
	u = text_to_utf8(&r->s->a, codepage_charset(r->pend_cp > 0 ?
	    (unsigned)r->pend_cp : 1252, nm, sizeof(nm)),
	    r->pend.ptr, r->pend.len, r->pend.len * 4 + 16, &ulen);
	put_esc(r, u, ulen);
	buf_reset(&r->pend);
}

/* Is c a lead byte of a double-byte code page? */
static int
dbcs_lead(int cp, unsigned char c)
{
	if (cp == 932)
		return (c >= 0x81 && c <= 0x9f) || (c >= 0xe0 && c <= 0xfc);
	if (cp == 936 || cp == 949 || cp == 950)
		return c >= 0x81 && c <= 0xfe;
	return 0;
}

/* The code page text of the group is in. */
static int
text_cp(struct rtf *r)
{
	int	 f = cur(r)->font, cp;

	cp = font_cp(r, f >= 0 ? f : r->deff);
	return cp > 0 ? cp : r->ansicp;
}

/* One byte of text (a character, or \'hh). */
static void
text_byte(struct rtf *r, unsigned char c)
{
	int	 cp;

	if (r->skipn > 0) {
		r->skipn--;
		return;
	}
	if (!shown(r))
		return;
	cp = text_cp(r);
	if (r->pend.len > 0 && r->pend_cp != cp)
		flush(r);
	if (c < 0x80 && r->pend.len == 0) {
		put_esc(r, (const char *)&c, 1);
		return;
	}
	/* A lead byte's trail may be ASCII (Shift_JIS): kept together. */
	r->pend_cp = cp;
	buf_addc(&r->pend, c);
}

static void
text_cp_put(struct rtf *r, uint32_t cp)
{
	char	 u[4];

	if (!shown(r))
		return;
	flush(r);
	put_esc(r, u, utf8_put(cp, u));
}

/* \uN: a UTF-16 unit; a surrogate pair is one character. */
static void
unicode(struct rtf *r, long v)
{
	uint32_t	 c = (uint32_t)(v < 0 ? v + 65536 : v) & 0xffff;

	if (c >= 0xd800 && c < 0xdc00) {
		r->hi = c;
	} else if (c >= 0xdc00 && c < 0xe000 && r->hi != 0) {
		text_cp_put(r, 0x10000 + ((r->hi - 0xd800) << 10) +
		    (c - 0xdc00));
		r->hi = 0;
	} else {
		if (r->hi != 0)
			text_cp_put(r, 0xfffd);
		r->hi = 0;
		text_cp_put(r, c >= 0xd800 && c < 0xe000 ? 0xfffd : c);
	}
	r->skipn = cur(r)->uc;
}

/* The URL of a HYPERLINK field's instruction, in the arena, or NULL
 * (another field, or a link within the document: \l). */
static const char *
field_url(struct rtf *r)
{
	const char	*t = r->inst.ptr, *e = t + r->inst.len, *q;

	while (t < e && (isspace((unsigned char)*t) || *t == '{'))
		t++;
	if (e - t < 9 || str_ncasecmp(t, "HYPERLINK", 9) != 0)
		return NULL;
	t += 9;
	for (;;) {
		while (t < e && isspace((unsigned char)*t))
			t++;
		if (t < e && *t == '\\') {
			/* A switch: \l (a place in the document: no URL),
			 * \o (a tip) and \t (a frame) take an argument, \m
			 * and \n none. */
			int arg = e - t >= 2 && strchr("lLoOtT", t[1]) != NULL &&
			    t[1] != '\0';

			if (e - t >= 2 && (t[1] == 'l' || t[1] == 'L'))
				return NULL;
			t += e - t >= 2 ? 2 : 1;
			if (!arg)
				continue;
			while (t < e && isspace((unsigned char)*t))
				t++;
			if (t < e && *t == '"') {
				for (t++; t < e && *t != '"'; t++)
					;
				if (t < e)
					t++;
			} else
				while (t < e && !isspace((unsigned char)*t))
					t++;
			continue;
		}
		break;
	}
	if (t >= e)
		return NULL;
	if (*t == '"') {
		for (q = ++t; q < e && *q != '"'; q++)
			;
	} else
		for (q = t; q < e && !isspace((unsigned char)*q); q++)
			;
	return q > t ? arena_strndup(&r->s->a, t, (size_t)(q - t)) : NULL;
}

/* An attribute's value, quoted for the HTML written. */
static void
put_attr(struct buf *b, const char *v)
{
	for (; *v != '\0'; v++)
		if (*v == '"')
			buf_adds(b, "&quot;");
		else if (*v == '&')
			buf_adds(b, "&amp;");
		else if (*v == '<')
			buf_adds(b, "&lt;");
		else
			buf_addc(b, *v);
}

/* Words that are a destination not shown: their group is skipped. */
static int
skipped_dest(const char *w)
{
	/* An \object is read for its \result (what Word shows of it),
	 * a \shp for its text box (\shptxt), not their data, names and
	 * values. */
	static const char *const d[] = { "colortbl", "stylesheet", "info",
	    "pict", "header", "headerl", "headerr", "headerf",
	    "footer", "footerl", "footerr", "footerf", "listtable",
	    "listoverridetable", "revtbl", "rsidtbl", "xmlnstbl",
	    "themedata", "colorschememapping", "datastore", "latentstyles",
	    "filetbl", "pgdsctbl", "nonshppict", "private", "objdata",
	    "objclass", "objname", "objalias", "objsect", "sp", "sn", "sv",
	    "shprslt", "bin" };
	size_t	 i;

	for (i = 0; i < nitems(d); i++)
		if (strcmp(w, d[i]) == 0)
			return 1;
	return 0;
}

static void
symbol(struct rtf *r, const char *w, long v)
{
	static const struct {
		const char	*w;
		uint32_t	 cp;
	} sym[] = { { "emdash", 0x2014 }, { "endash", 0x2013 },
	    { "bullet", 0x2022 }, { "lquote", 0x2018 }, { "rquote", 0x2019 },
	    { "ldblquote", 0x201c }, { "rdblquote", 0x201d },
	    { "emspace", 0x2003 }, { "enspace", 0x2002 } };
	size_t	 i;

	(void)v;
	for (i = 0; i < nitems(sym); i++)
		if (strcmp(w, sym[i].w) == 0) {
			text_cp_put(r, sym[i].cp);
			return;
		}
}

/* A control word and its parameter (has: one was written). */
static void
word(struct rtf *r, const char *w, long v, int has)
{
	struct rgroup	*g = cur(r);
	int		 star = r->star, first = r->first;

	r->star = 0;
	r->first = 0;
	if (g->skip)
		return;
	if (first && strcmp(w, "fldinst") == 0) {
		/* A field's instruction, with \* or without (Word reads
		 * both). */
		g->inst = 1;
		buf_reset(&r->inst);
		return;
	}
	if (first && star) {
		/* \*\htmltag is the HTML itself; \*\ud the Unicode text of
		 * a \upr, and \*\shpinst a shape whose text box shows;
		 * any other \* destination is not shown. */
		if (strcmp(w, "htmltag") == 0 && r->html)
			g->tag = 1;
		else if (strcmp(w, "ud") != 0 && strcmp(w, "shpinst") != 0)
			g->skip = 1;
		return;
	}
	if (first && skipped_dest(w)) {
		g->skip = 1;
		return;
	}
	if (strcmp(w, "fonttbl") == 0) {
		g->fonttbl = 1;
		return;
	}
	if (g->fonttbl) {
		/* {\f1\fcharset128 MS Gothic;}: the font's code page. */
		if (strcmp(w, "f") == 0 && r->nfonts < RTF_FONTS) {
			g->font = (int)v;
			r->fonts[r->nfonts].num = (int)v;
			r->fonts[r->nfonts++].cp = 0;
		} else if ((strcmp(w, "fcharset") == 0 ||
		    strcmp(w, "cpg") == 0) && r->nfonts > 0 &&
		    r->fonts[r->nfonts - 1].num == g->font) {
			int cp = w[1] == 'c' ? charset_cp((int)v) : (int)v;

			if (cp != 0)
				r->fonts[r->nfonts - 1].cp = cp;
		}
		return;
	}
	if (strcmp(w, "fldrslt") == 0) {
		const char *url;

		flush(r);
		if ((url = field_url(r)) != NULL && shown(r)) {
			buf_adds(&r->out, "<a href=\"");
			put_attr(&r->out, url);
			buf_adds(&r->out, "\">");
			g->link = 1;
		}
		buf_reset(&r->inst);
		return;
	}
	/* Encapsulated HTML only as MS-OXRTFEX has it: \fromhtml1 in the
	 * document's own group, among its first ten tokens, before any
	 * text; else the RTF is shown as it is. */
	if (strcmp(w, "fromhtml") == 0 && has && v == 1 && r->depth == 1 &&
	    r->ntok <= 10 && r->out.len == 0)
		r->html = 1;
	else if (strcmp(w, "upr") == 0)
		g->upr = 1;
	else if (strcmp(w, "htmlrtf") == 0)
		g->rtfonly = !has || v != 0;
	else if (strcmp(w, "ansicpg") == 0 && v > 0)
		r->ansicp = (int)v;
	else if (strcmp(w, "mac") == 0)
		r->ansicp = 10000;
	else if (strcmp(w, "pc") == 0)
		r->ansicp = 437;
	else if (strcmp(w, "pca") == 0)
		r->ansicp = 850;
	else if (strcmp(w, "deff") == 0)
		r->deff = (int)v;
	else if (strcmp(w, "f") == 0)
		g->font = (int)v;
	else if (strcmp(w, "uc") == 0)
		g->uc = v >= 0 && v <= 8 ? (int)v : 1;
	else if (strcmp(w, "u") == 0) {
		unicode(r, v);
		return;
	} else if (strcmp(w, "v") == 0)
		g->hidden = !has || v != 0;
	else if (strcmp(w, "plain") == 0)
		g->hidden = 0;
	else if (strcmp(w, "par") == 0 || strcmp(w, "line") == 0 ||
	    strcmp(w, "row") == 0 || strcmp(w, "sect") == 0 ||
	    strcmp(w, "page") == 0) {
		if (shown(r)) {
			flush(r);
			put_esc(r, "\n", 1);
			if (!r->html && !g->inst)
				buf_adds(&r->out, "<br>");
		}
	} else if (strcmp(w, "tab") == 0 || strcmp(w, "cell") == 0) {
		if (shown(r)) {
			flush(r);
			put_esc(r, w[0] == 't' ? "\t" : " ", 1);
		}
	} else
		symbol(r, w, v);
	if (r->skipn > 0)
		r->skipn--;
}

/* A brace: what waits is written, and the group's first word, a \*
 * and \u's fallbacks start again. */
static void
brace(struct rtf *r, int opens)
{
	flush(r);
	r->star = 0;
	r->first = opens;
	r->skipn = 0;
}

static void
push(struct rtf *r)
{
	brace(r, 1);
	if (r->depth + 1 >= RTF_DEPTH) {
		r->over++;
		return;
	}
	r->g[r->depth].kids++;
	r->g[r->depth + 1] = r->g[r->depth];
	r->depth++;
	cur(r)->tag = 0;
	cur(r)->link = 0;
	cur(r)->upr = 0;
	cur(r)->kids = 0;
	/* \upr's first group is the text for readers of no Unicode. */
	if (r->g[r->depth - 1].upr && r->g[r->depth - 1].kids == 1)
		cur(r)->skip = 1;
	/* A group inside an instruction is still the instruction. */
}

static void
pop(struct rtf *r)
{
	brace(r, 0);
	if (r->over > 0) {
		r->over--;
		return;
	}
	if (r->depth == 0)
		return;
	if (cur(r)->link)
		buf_adds(&r->out, "</a>");
	r->depth--;
}

/* \bin N: N bytes of data follow (a picture's), never text. */
static void
skip_bin(struct rtf *r, long v)
{
	size_t	 k = v > 0 ? (size_t)v : 0;

	r->i += k < r->n - r->i ? k : r->n - r->i;
}

static void
control(struct rtf *r)
{
	const unsigned char *p = r->p;
	char		 w[RTF_WORD + 1];
	size_t		 k = 0, digits = 0;
	long		 v = 0;
	int		 neg = 0, has = 0;

	if (r->i >= r->n)
		return;
	if (!isalpha(p[r->i])) {
		unsigned char c = p[r->i++];

		r->first = 0;
		/* A control symbol is one of \u's fallback characters,
		 * skipped whole ("p\u97\~ssword" is "password"). */
		if (r->skipn > 0 && c != '\'' && c != '\\' && c != '{' &&
		    c != '}' && c != '*') {
			r->skipn--;
			return;
		}
		if (c == '\'') {
			int hi, lo;

			if (r->n - r->i < 2)
				return;
			hi = hex_value(p[r->i]);
			lo = hex_value(p[r->i + 1]);
			if (hi < 0 || lo < 0)
				return;
			r->i += 2;
			if (!cur(r)->skip)
				text_byte(r, (unsigned char)(hi << 4 | lo));
		} else if (c == '*') {
			r->star = 1;
			r->first = 1;
		} else if (c == '\\' || c == '{' || c == '}') {
			if (!cur(r)->skip)
				text_byte(r, c);
		} else if (c == '~') {
			if (!cur(r)->skip)
				text_cp_put(r, 0xa0);
		} else if (c == '\r' || c == '\n') {
			word(r, "par", 0, 0);
		} else if (c == '_') {
			if (!cur(r)->skip)
				text_cp_put(r, 0x2011);
		}
		return;
	}
	while (r->i < r->n && isalpha(p[r->i])) {
		if (k < RTF_WORD)
			w[k] = (char)p[r->i];
		k++;
		r->i++;
	}
	w[k < RTF_WORD ? k : RTF_WORD] = '\0';
	if (r->i < r->n && p[r->i] == '-' && r->n - r->i > 1 &&
	    isdigit(p[r->i + 1])) {
		neg = 1;
		r->i++;
	}
	while (r->i < r->n && isdigit(p[r->i])) {
		if (digits++ < 9)
			v = v * 10 + (p[r->i] - '0');
		has = 1;
		r->i++;
	}
	if (neg)
		v = -v;
	if (r->i < r->n && p[r->i] == ' ')
		r->i++;
	if (k > RTF_WORD) {
		r->first = 0;
		r->star = 0;
		return;
	}
	if (strcmp(w, "bin") == 0) {
		/* Binary data where it belongs (a picture, an object: a
		 * destination not shown) is passed over by its count; in
		 * shown text its count could hide the rest of the body,
		 * so what follows is read. */
		if (cur(r)->skip)
			skip_bin(r, v);
		r->first = 0;
		return;
	}
	word(r, w, v, has);
}

void
rtf_body(struct detect_scan *s, const unsigned char *p, size_t n)
{
	struct rtf	*r;
	char		*t;

	r = xcalloc(1, sizeof(*r));
	r->s = s;
	r->p = p;
	r->n = n;
	r->ansicp = 1252;
	r->deff = -1;
	r->g[0].uc = 1;
	r->g[0].font = -1;
	buf_init(&r->out, DETECT_TEXT_MAX);
	/* A run of \'hh bytes is converted whole (cut, a double-byte
	 * character would be split). */
	buf_init(&r->pend, DETECT_TEXT_MAX);
	buf_init(&r->inst, RTF_INST);
	while (r->i < r->n && !r->out.over) {
		unsigned char c = p[r->i++];

		if (c == '\r' || c == '\n')
			continue;
		r->ntok++;
		if (c == '{')
			push(r);
		else if (c == '}')
			pop(r);
		else if (c == '\\')
			control(r);
		else {
			r->first = 0;
			if (cur(r)->skip)
				continue;
			text_byte(r, c);
			/* A lead byte written raw takes the next byte as its
			 * trail, whatever it is (Shift_JIS's 0x5C is no
			 * backslash there). */
			if (c >= 0x80 && r->i < r->n &&
			    dbcs_lead(text_cp(r), c))
				text_byte(r, p[r->i++]);
		}
	}
	flush(r);
	while (r->depth > 0 && !r->out.over)
		pop(r);
	if (r->out.len > 0) {
		t = arena_alloc(&s->a, r->out.len + 1);
		memcpy(t, r->out.ptr, r->out.len + 1);
		msg_add_text(s, s->m, t, r->out.len, 1);
	}
	buf_release(&r->out);
	buf_release(&r->pend);
	buf_release(&r->inst);
	free(r);
}

/*
 * A compressed RTF body (PR_RTF_COMPRESSED): decompressed within the
 * message's inflate budget and cap (at most DETECT_TEXT_MAX) and read
 * with the message's text.  The bytes it gave are returned.
 */
size_t
rtf_compressed_body(struct detect_scan *s, const unsigned char *p,
    size_t n, size_t cap)
{
	unsigned char	*rtf;
	size_t		 len;

	if (cap > DETECT_TEXT_MAX)
		cap = DETECT_TEXT_MAX;
	if (s->inflated >= DETECT_ARCHIVE_TOTAL || cap == 0) {
		msg_truncated(s, s->m, CUT_INFLATED);
		return 0;
	}
	if (cap > DETECT_ARCHIVE_TOTAL - s->inflated)
		cap = DETECT_ARCHIVE_TOTAL - s->inflated;
	if ((rtf = rtf_decompress(p, n, cap, &len)) == NULL)
		return 0;
	s->inflated += len;
	rtf_body(s, rtf, len);
	free(rtf);
	return len;
}
