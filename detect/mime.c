/*
 * mime: the RFC 5322 adapter.  GMime parses the message straight from
 * the caller's bytes (no copy: the parser keeps substreams of them), the
 * tree is walked within bounds, every leaf is transfer-decoded in one
 * pass that hashes all of it and keeps the first DETECT_PART_MAX bytes,
 * and text parts are converted to UTF-8 by text_to_utf8().
 */
#include <ctype.h>
#include <string.h>

#include <gmime/gmime.h>
#include <sodium.h>

#include "internal.h"
#include "util.h"

#define WALK_DEPTH	48	/* multipart nesting followed */
#define MSG_DEPTH	3	/* attached messages followed */
#define RECOVER_MAX	8	/* multiparts parsed again a message */
#define RECOVER_BYTES	(64u << 20)	/* ... bytes of them */
#define CANDS_MAX	64	/* boundaries guessed a multipart */
#define BOUNDARY_MAX	200
#define HDRS_MAX	400
#define HDR_LINE_MAX	(64u << 10)	/* bytes of a header given to GMime */
#define EW_REACH	512	/* bytes an encoded word's end is looked for */
#define HDR_VALUE_MAX	(16u * 1024)
#define KEPT_MAX	(96u << 20)	/* decoded bytes kept per message */
#define CHUNK		65536

struct walk {
	struct detect_scan	*s;
	struct dmsg		*m;
	GMimeParserOptions	*po;
	size_t			 objects;
	const char		*raw;		/* the message GMime parses */
	size_t			 rawlen;
	int			 has_nul;	/* a NUL byte in it */
	int			 recovered;	/* multiparts parsed again */
	size_t			 recovered_bytes;
	int			 hidden_said;
};

static void
unref(void *p)
{
	g_object_unref(p);
}

static void
give_back(void *p)
{
	GByteArray	*ba = p;
	gsize		 len;

	/* The bytes are the caller's: take them back before the unref. */
	(void)g_byte_array_steal(ba, &len);
	g_byte_array_unref(ba);
}

/*
 * RFC 2047 encoded words.  GMime 3.2.13 joins adjacent B-words of one
 * charset before it decodes them, and its base64 decoder stops at the
 * first "=": "=?utf-8?b?UGF5UA==?= =?utf-8?b?YWwgU2VydmljZQ==?=" reads
 * "PayP" (upstream gmime issue #133).  So a header value that holds an
 * encoded word is rewritten before GMime reads it: each run of adjacent
 * words becomes one UTF-8 B-word whose text is what a mail program
 * shows.  Each word is transfer-decoded on its own; the bytes of
 * neighbouring words of one charset are joined before the charset is
 * converted (text_to_utf8), so a character split across two words, and
 * ISO-2022-JP split anywhere, still reads; the white space between
 * words goes (RFC 2047 §6.2).  GMime's own parsers (addresses,
 * parameters, RFC 2231 continuations, raw 8-bit text) then run on the
 * rewritten value as before.
 */
struct ew {
	const char	*cs;	/* charset, not NUL-terminated */
	size_t		 cslen;
	int		 enc;	/* 'b' or 'q' */
	const char	*txt;
	size_t		 txtlen;
};

static int
ew_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * The encoded word at p: its length, 0 when there is none.  *stop
 * remembers the first white space or "?=" found after a word's text
 * began (the words of a value are parsed left to right), so a value of
 * "A=?x?b?" repeated is read once, not once a word.
 */
static size_t
ew_parse(const char *p, const char *end, struct ew *e, const char **stop)
{
	const char	*q = p + 2, *star;

	if (end - p < 7 || p[0] != '=' || p[1] != '?')
		return 0;
	e->cs = q;
	while (q < end && *q != '?' && !ew_space(*q))
		q++;
	if (q == end || *q != '?' || q == e->cs)
		return 0;
	e->cslen = (size_t)(q - e->cs);
	/* RFC 2231 §5: "utf-8*ja" names a language too. */
	if ((star = memchr(e->cs, '*', e->cslen)) != NULL)
		e->cslen = (size_t)(star - e->cs);
	q++;
	if (end - q < 4 || q[1] != '?')
		return 0;
	e->enc = *q | 0x20;
	if (e->enc != 'b' && e->enc != 'q')
		return 0;
	e->txt = q += 2;
	if (*stop == NULL || *stop < q) {
		for (; q + 1 < end && !(q[0] == '?' && q[1] == '=') &&
		    !ew_space(*q); q++)
			;
		*stop = q + 1 < end ? q : end;
	}
	q = *stop;
	if (q == end || ew_space(*q))
		return 0;
	e->txtlen = (size_t)(q - e->txt);
	return (size_t)(q + 2 - p);
}


/* A word's text to bytes, appended at out; returns the count. */
static size_t
ew_bytes(const struct ew *e, unsigned char *out)
{
	const char		*t = e->txt;
	size_t			 i, o = 0;
	uint32_t		 acc = 0;
	int			 bits = 0;

	for (i = 0; i < e->txtlen; i++) {
		int c = (unsigned char)t[i], v;

		if (e->enc == 'q') {
			if (c == '_')
				c = ' ';
			else if (c == '=' && i + 2 < e->txtlen &&
			    hex_value(t[i + 1]) >= 0 && hex_value(t[i + 2]) >= 0) {
				c = hex_value(t[i + 1]) << 4 | hex_value(t[i + 2]);
				i += 2;
			}
			out[o++] = (unsigned char)c;
			continue;
		}
		if (c == '=') {
			/* Padding ends a quantum; what follows starts anew
			 * (some mailers write "YQ==Yg==" in one word). */
			acc = 0;
			bits = 0;
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			v = c - 'A';
		else if (c >= 'a' && c <= 'z')
			v = c - 'a' + 26;
		else if (c >= '0' && c <= '9')
			v = c - '0' + 52;
		else if (c == '+')
			v = 62;
		else if (c == '/')
			v = 63;
		else
			continue;
		acc = (acc << 6 | (uint32_t)v) & 0xffffff;
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(acc >> bits);
		}
	}
	return o;
}

/* Bytes of one charset to UTF-8, appended to b. */
static void
ew_flush(struct detect_scan *s, struct buf *b, const struct ew *e,
    const unsigned char *bytes, size_t n)
{
	char	*cs, *u;
	size_t	 ulen;

	if (n == 0)
		return;
	cs = arena_strndup(&s->a, e->cs, e->cslen);
	u = text_name_to_utf8(&s->a, cs, (const char *)bytes, n, n * 4 + 16,
	    &ulen);
	buf_add(b, u, ulen);
}

/*
 * The header value v with each run of encoded words merged into one
 * UTF-8 B-word (see above); v itself when it holds none, or when it is
 * longer than HDR_VALUE_MAX (GMime reads it then: cut here, a part's
 * file name after 16 KB of parameters was lost).  In an address list
 * (addr) an angle-bracketed address is left as it is.
 */
static const char *
ew_merge(struct detect_scan *s, const char *v, int addr)
{
	struct buf	 out, run;
	struct ew	 e, g;
	unsigned char	*bytes;
	const char	*end, *p, *q;
	char		*b64, *r;
	size_t		 n, k, nb, b64len;
	int		 quote = 0, angle = 0;
	const char	*stop = NULL;

	if (v == NULL || strstr(v, "=?") == NULL ||
	    (n = strnlen(v, HDR_VALUE_MAX + 1)) > HDR_VALUE_MAX)
		return v;
	end = v + n;
	bytes = arena_alloc(&s->a, n + 1);
	buf_init(&out, HDR_VALUE_MAX * 8);
	buf_init(&run, HDR_VALUE_MAX * 4);
	for (p = v; p < end;) {
		if (addr && !angle && *p == '"' && (p == v || p[-1] != '\\'))
			quote = !quote;
		else if (addr && !quote && *p == '<')
			angle = 1;
		else if (addr && angle && *p == '>')
			angle = 0;
		if (angle || (k = ew_parse(p, end, &e, &stop)) == 0) {
			buf_addc(&out, *p++);
			continue;
		}
		/* A run: words apart only by white space. */
		buf_reset(&run);
		g = e;
		nb = ew_bytes(&e, bytes);
		p += k;
		for (;;) {
			for (q = p; q < end && ew_space(*q); q++)
				;
			if (q == end || (k = ew_parse(q, end, &e, &stop)) == 0)
				break;
			if (e.cslen != g.cslen ||
			    str_ncasecmp(e.cs, g.cs, g.cslen) != 0) {
				ew_flush(s, &run, &g, bytes, nb);
				g = e;
				nb = 0;
			}
			nb += ew_bytes(&e, bytes + nb);
			p = q + k;
		}
		ew_flush(s, &run, &g, bytes, nb);
		if (run.len == 0)
			continue;
		b64len = sodium_base64_encoded_len(run.len,
		    sodium_base64_VARIANT_ORIGINAL);
		b64 = arena_alloc(&s->a, b64len);
		sodium_bin2base64(b64, b64len, (unsigned char *)run.ptr,
		    run.len, sodium_base64_VARIANT_ORIGINAL);
		buf_addf(&out, "=?UTF-8?B?%s?=", b64);
	}
	r = arena_strndup(&s->a, out.ptr, out.len);
	buf_release(&run);
	buf_release(&out);
	return r;
}

/* The raw value of the last header called name (the one GMime uses). */
static const char *
raw_header(GMimeObject *o, const char *name)
{
	GMimeHeaderList	*hl = g_mime_object_get_header_list(o);
	const char	*v = NULL;
	int		 i, n = hl ? g_mime_header_list_get_count(hl) : 0;

	for (i = 0; i < n; i++) {
		GMimeHeader *h = g_mime_header_list_get_header_at(hl, i);

		if (str_casecmp(g_mime_header_get_name(h), name) == 0)
			v = g_mime_header_get_raw_value(h);
	}
	return v;
}

/* The subject as GMime reads it, from the rewritten value. */
static const char *
subject(struct walk *w, GMimeMessage *msg)
{
	const char	*raw = raw_header(GMIME_OBJECT(msg), "Subject");
	const char	*v = ew_merge(w->s, raw, 0);
	char		*u, *d;

	if (v == raw)
		return g_mime_message_get_subject(msg);
	u = g_mime_utils_header_unfold(v);
	d = g_mime_utils_header_decode_text(w->po, u);
	g_free(u);
	if (d == NULL)
		return NULL;
	v = arena_strdup(&w->s->a, d);
	g_free(d);
	return v;
}

/* The message's addresses of one kind, as GMime reads them (every
 * header of that name, in order), from the rewritten values. */
static InternetAddressList *
addrs(struct walk *w, GMimeMessage *msg, GMimeAddressType type,
    const char *name)
{
	GMimeHeaderList		*hl;
	InternetAddressList	*all, *l;
	const char		*v;
	int			 i, n, enc = 0;

	hl = g_mime_object_get_header_list(GMIME_OBJECT(msg));
	n = hl ? g_mime_header_list_get_count(hl) : 0;
	for (i = 0; i < n && !enc; i++) {
		GMimeHeader *h = g_mime_header_list_get_header_at(hl, i);

		v = g_mime_header_get_raw_value(h);
		enc = str_casecmp(g_mime_header_get_name(h), name) == 0 &&
		    v != NULL && strstr(v, "=?") != NULL;
	}
	if (!enc)
		return g_mime_message_get_addresses(msg, type);
	all = internet_address_list_new();
	arena_defer(&w->s->a, unref, all);
	for (i = 0; i < n; i++) {
		GMimeHeader *h = g_mime_header_list_get_header_at(hl, i);

		if (str_casecmp(g_mime_header_get_name(h), name) != 0 ||
		    (v = g_mime_header_get_raw_value(h)) == NULL)
			continue;
		l = internet_address_list_parse(w->po, ew_merge(w->s, v, 1));
		if (l != NULL) {
			internet_address_list_append(all, l);
			g_object_unref(l);
		}
	}
	return all;
}

/* A part's file name, as g_mime_part_get_filename() finds it. */
static const char *
filename(struct walk *w, GMimePart *part)
{
	GMimeObject		*o = GMIME_OBJECT(part);
	GMimeContentDisposition	*cd;
	GMimeContentType	*ct;
	const char		*rd, *rt, *vd, *vt, *f = NULL;

	rd = raw_header(o, "Content-Disposition");
	rt = raw_header(o, "Content-Type");
	vd = ew_merge(w->s, rd, 0);
	vt = ew_merge(w->s, rt, 0);
	if (vd == rd && vt == rt)
		return g_mime_part_get_filename(part);
	if (vd != NULL && (cd = g_mime_content_disposition_parse(w->po,
	    vd)) != NULL) {
		arena_defer(&w->s->a, unref, cd);
		f = g_mime_content_disposition_get_parameter(cd, "filename");
	}
	if (f == NULL && vt != NULL && (ct = g_mime_content_type_parse(w->po,
	    vt)) != NULL) {
		arena_defer(&w->s->a, unref, ct);
		f = g_mime_content_type_get_parameter(ct, "name");
	}
	return f;
}

/* Decode a leaf in one pass: hash everything, keep what fits. */
static void
decode(struct walk *w, GMimePart *part, struct dpart *out, size_t keep_max)
{
	GMimeDataWrapper		*dw;
	GMimeStream			*st;
	GMimeEncoding			 enc;
	crypto_hash_sha256_state	 hs;
	unsigned char			 h[crypto_hash_sha256_BYTES];
	char				*in, *ob;
	unsigned char			*keep = NULL;
	int				 uu;
	gint64				 slen;
	size_t				 cap = 0, kept = 0, total = 0, o;
	ssize_t				 n;

	crypto_hash_sha256_init(&hs);
	dw = g_mime_part_get_content(part);
	if (dw == NULL || (st = g_mime_data_wrapper_get_stream(dw)) == NULL)
		goto done;
	slen = g_mime_stream_length(st);
	/* x-uuencode: GMime's decoder reads the "begin" line as data and
	 * loses its place at a space (the zero of older encoders): the part
	 * is kept as it is written and decoded by uu.c below. */
	uu = g_mime_data_wrapper_get_encoding(dw) ==
	    GMIME_CONTENT_ENCODING_UUENCODE;
	g_mime_encoding_init_decode(&enc, uu ? GMIME_CONTENT_ENCODING_BINARY :
	    g_mime_data_wrapper_get_encoding(dw));
	if (w->m->kept >= KEPT_MAX)
		keep_max = 0;
	else if (keep_max > KEPT_MAX - w->m->kept)
		keep_max = KEPT_MAX - w->m->kept;
	cap = slen >= 0 && (uint64_t)slen < keep_max ? (size_t)slen : keep_max;
	keep = arena_alloc(&w->s->a, cap + 1);
	in = arena_alloc(&w->s->a, CHUNK);
	ob = arena_alloc(&w->s->a, CHUNK + 64);
	g_mime_stream_reset(st);
	for (;;) {
		n = g_mime_stream_read(st, in, CHUNK);
		if (n <= 0)
			o = g_mime_encoding_flush(&enc, in, 0, ob);
		else
			o = g_mime_encoding_step(&enc, in, (size_t)n, ob);
		crypto_hash_sha256_update(&hs, (unsigned char *)ob, o);
		total += o;
		if (kept < cap) {
			size_t k = o < cap - kept ? o : cap - kept;

			memcpy(keep + kept, ob, k);
			kept += k;
		}
		if (n <= 0)
			break;
	}
	if (uu) {
		int cut = kept < total;

		keep = uu_part(&w->s->a, (const char *)keep, kept, &kept);
		total = cut ? total / 4 * 3 : kept;
		crypto_hash_sha256_init(&hs);
		crypto_hash_sha256_update(&hs, keep, kept);
	}
done:
	crypto_hash_sha256_final(&hs, h);
	hex_encode(h, sizeof(h), out->sha256);
	if (keep == NULL)
		keep = arena_zalloc(&w->s->a, 1);
	keep[kept] = '\0';
	out->data = keep;
	out->len = kept;
	out->size = total;
	out->truncated = kept < total;
	w->m->kept += kept;
	if (out->truncated)
		msg_truncated(w->s, w->m, CUT_PART);
}

/*
 * A leaf.  first: the part is the first of its multipart (or of an
 * alternative, or the message's only part), the one mail programs show
 * as the body: an inline text/plain or text/html part there is read as
 * text even when it has a file name (name= in Content-Type, or
 * filename= with an inline disposition), and it is still analysed as
 * an attachment.
 */
static void
leaf(struct walk *w, GMimePart *part, int first)
{
	GMimeObject		*o = GMIME_OBJECT(part);
	GMimeContentType	*ct = g_mime_object_get_content_type(o);
	GMimeContentDisposition	*cd = g_mime_object_get_content_disposition(o);
	const char		*fname = filename(w, part);
	const char		*disp = NULL, *cs = NULL, *cid;
	char			*mt = NULL, *lmt;
	struct dpart		 tmp, *p;
	int			 att, shown;

	if (ct != NULL) {
		mt = g_mime_content_type_get_mime_type(ct);
		cs = g_mime_content_type_get_parameter(ct, "charset");
	}
	lmt = arena_strdup(&w->s->a, mt != NULL ? mt : "text/plain");
	g_free(mt);
	str_lower(lmt);
	if (cd != NULL)
		disp = g_mime_content_disposition_get_disposition(cd);
	att = (fname != NULL && *fname != '\0') ||
	    (disp != NULL && str_casecmp(disp, "attachment") == 0);
	shown = first && (strcmp(lmt, "text/plain") == 0 ||
	    strcmp(lmt, "text/html") == 0) &&
	    (disp == NULL || str_casecmp(disp, "attachment") != 0);
	if (!att && (strcmp(lmt, "text/plain") == 0 ||
	    strcmp(lmt, "text/html") == 0 || strcmp(lmt, "text/enriched") ==
	    0 || strcmp(lmt, "text/richtext") == 0)) {
		size_t	 ulen;
		char	*u;
		int	 plain = strcmp(lmt, "text/plain") == 0;

		/* Plain text is kept whole, to a part's limit, for the
		 * files uuencoded in it (uu.c; past 4 MB too). */
		memset(&tmp, 0, sizeof(tmp));
		decode(w, part, &tmp, plain ? DETECT_PART_MAX :
		    DETECT_TEXT_MAX);
		u = text_to_utf8(&w->s->a, cs, (const char *)tmp.data,
		    tmp.len, DETECT_TEXT_MAX, &ulen);
		msg_add_text(w->s, w->m, u, ulen,
		    strcmp(lmt, "text/html") == 0);
		if (tmp.len > DETECT_TEXT_MAX)
			msg_truncated(w->s, w->m, CUT_PART);
		if (plain) {
			w->m->texts[w->m->ntexts - 1].raw =
			    (const char *)tmp.data;
			w->m->texts[w->m->ntexts - 1].rawlen = tmp.len;
		}
		return;
	}
	p = msg_add_part(w->s, w->m);
	if (p == NULL) {
		/* Past the parts a message may have analysed: its name
		 * still tells ("last.pdf.exe" behind 1,000 others). */
		if (fname != NULL && *fname != '\0')
			attach_name_check(w->s, name_clip(&w->s->a, fname, 255),
			    NULL);
		return;
	}
	p->ctype = lmt;
	if (fname != NULL && *fname != '\0')
		p->name = name_clip(&w->s->a, fname, 255);
	cid = g_mime_part_get_content_id(part);
	if (cid != NULL)
		p->cid = arena_strdup(&w->s->a, cid);
	p->inline_ = disp != NULL && str_casecmp(disp, "inline") == 0;
	decode(w, part, p, DETECT_PART_MAX);
	msg_part_bodies(w->s, p);
	/* A calendar invitation is text a person reads: its links count;
	 * so is a body part with a file name. */
	if (calendar_file(p) || shown) {
		size_t	 ulen;
		char	*u = text_to_utf8(&w->s->a, cs, (const char *)p->data,
		    p->len, DETECT_TEXT_MAX, &ulen);

		if (calendar_file(p))
			msg_add_calendar(w->s, w->m, u, ulen);
		else
			msg_add_text(w->s, w->m, u, ulen,
			    strcmp(lmt, "text/html") == 0);
	}
}

static void walk_message(struct walk *, GMimeMessage *, int);
static void eml_file(struct walk *, const struct dpart *, int);
static void walk(struct walk *, GMimeObject *, int, int, int);
static const char *line_end(const char *, const char *);

/* Text of a multipart before its parts, read as a mail program may
 * show it. */
static void
read_prologue(struct walk *w, const char *pro, size_t n)
{
	size_t	 ulen;
	char	*u;

	if (n == 0)
		return;
	u = text_to_utf8(&w->s->a, NULL, pro, n, DETECT_TEXT_MAX, &ulen);
	msg_add_text(w->s, w->m, u, ulen, 0);
}

/* Does the line at p look like a header field ("Name:")? */
static int
is_field(const char *p, const char *e)
{
	const char	*q;

	for (q = p; q < e && q - p < 80 && *q > ' ' && *q < 127 && *q != ':';
	    q++)
		;
	return q > p && q < e && *q == ':';
}

/*
 * The boundary of the line at p, l its end, if it is a delimiter line
 * ("--X", transport padding after it): X of printable characters and
 * spaces, not ending in one, BOUNDARY_MAX at most (RFC 2046 allows 70
 * or fewer characters; GMime and mail programs take any).  Its length
 * in *n.
 */
static const char *
delimiter(const char *p, const char *l, size_t *n)
{
	const char	*x = p + 2, *xe;

	if (l - p < 3 || p[0] != '-' || p[1] != '-')
		return NULL;
	for (xe = l; xe > x && (xe[-1] == '\n' || xe[-1] == '\r' ||
	    xe[-1] == ' ' || xe[-1] == '\t'); xe--)
		;
	if (xe == x || xe - x > BOUNDARY_MAX)
		return NULL;
	for (p = x; p < xe; p++)
		if ((unsigned char)*p < ' ' || (unsigned char)*p > '~')
			return NULL;
	*n = (size_t)(xe - x);
	return x;
}

/* A boundary the body of a multipart of no part read may use. */
struct cand {
	const char	*x;		/* its characters, n of them */
	size_t		 n;
	const char	*at;		/* its first delimiter line */
	size_t		 lines;		/* delimiter lines */
	int		 closed;	/* a close delimiter, "--X--" */
};

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->closed != y->closed)
		return y->closed - x->closed;
	if (x->lines != y->lines)
		return x->lines < y->lines ? 1 : -1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/*
 * The boundaries the body b..e may use, most likely first: each X of a
 * delimiter line "--X" that a header field follows (as a part begins),
 * CANDS_MAX at most (*more when there were others); then each one's
 * delimiter lines counted, its first found and its close delimiter
 * looked for, over the whole body.  Those with a close delimiter come
 * first, then those of more lines: a decoy written before the parts does
 * not take the turn of the boundary that holds them.
 */
static size_t
candidates(struct walk *w, const char *b, const char *e, struct cand **out,
    int *more)
{
	struct cand	*c = arena_alloc(&w->s->a, CANDS_MAX * sizeof(*c));
	const char	*p, *l, *x;
	size_t		 nc = 0, i, n;

	*more = 0;
	for (p = b; p < e; p = l) {
		l = line_end(p, e);
		if ((x = delimiter(p, l, &n)) == NULL || l >= e ||
		    !is_field(l, e))
			continue;
		for (i = 0; i < nc; i++)
			if (c[i].n == n && memcmp(c[i].x, x, n) == 0)
				break;
		if (i < nc)
			continue;
		if (nc == CANDS_MAX) {
			*more = 1;
			break;
		}
		c[nc++] = (struct cand){ x, n, NULL, 0, 0 };
	}
	for (p = b; nc > 0 && p < e; p = l) {
		l = line_end(p, e);
		if ((x = delimiter(p, l, &n)) == NULL)
			continue;
		for (i = 0; i < nc; i++) {
			if (c[i].n == n && memcmp(c[i].x, x, n) == 0) {
				if (c[i].at == NULL)
					c[i].at = p;
				c[i].lines++;
			} else if (c[i].n + 2 == n && memcmp(c[i].x, x,
			    c[i].n) == 0 && x[n - 2] == '-' && x[n - 1] == '-')
				c[i].closed = 1;
		}
	}
	qsort(c, nc, sizeof(*c), cand_cmp);
	*out = c;
	return nc;
}

/* The body from at, len bytes, parsed by GMime as a multipart of type mt
 * whose boundary is x, and walked.  A copy, headed by its Content-Type:
 * GMime's streams of its parts are then what they hold. */
static void
reparse(struct walk *w, const char *mt, const struct cand *c, size_t len,
    int depth, int mdepth, int first)
{
	char		*hdr, *buf;
	size_t		 hl, k;
	GByteArray	*ba;
	GMimeStream	*st;
	GMimeParser	*parser;
	GMimeObject	*o;

	/* The boundary as a quoted string: '"' and '\\' escaped. */
	hl = strlen(mt) + 2 * c->n + 32;
	hdr = arena_alloc(&w->s->a, hl);
	hl = (size_t)snprintf(hdr, hl, "Content-Type: %s; boundary=\"", mt);
	for (k = 0; k < c->n; k++) {
		if (c->x[k] == '"' || c->x[k] == '\\')
			hdr[hl++] = '\\';
		hdr[hl++] = c->x[k];
	}
	memcpy(hdr + hl, "\"\r\n\r\n", 5);
	hl += 5;
	buf = arena_alloc(&w->s->a, hl + len);
	memcpy(buf, hdr, hl);
	memcpy(buf + hl, c->at, len);
	len += hl;
	ba = g_byte_array_new_take((guint8 *)buf, len);
	arena_defer(&w->s->a, give_back, ba);
	st = g_mime_stream_mem_new_with_byte_array(ba);
	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(st), FALSE);
	arena_defer(&w->s->a, unref, st);
	parser = g_mime_parser_new_with_stream(st);
	g_mime_parser_set_persist_stream(parser, TRUE);
	o = g_mime_parser_construct_part(parser, w->po);
	g_object_unref(parser);
	if (o != NULL) {
		arena_defer(&w->s->a, unref, o);
		walk(w, o, depth + 1, mdepth, first);
	}
}

/*
 * GMime gives a prologue as a C string: a NUL in the body ends it.  The
 * bytes it comes from, found in the message (a place where the NUL
 * follows those bytes, among the first 64 that hold them), to the
 * message's end.
 */
static size_t
prologue_whole(struct walk *w, const char **pro, size_t plen)
{
	const char	*q = w->raw, *e = w->raw + w->rawlen;
	int		 tries = 0;

	if (!w->has_nul)
		return plen;
	while (tries++ < 64 &&
	    (q = memmem(q, (size_t)(e - q), *pro, plen)) != NULL) {
		if (q + plen < e && q[plen] == '\0') {
			*pro = q;
			return (size_t)(e - q);
		}
		q++;
	}
	msg_truncated(w->s, w->m, CUT_NUL);
	return plen;
}

/*
 * A multipart of which GMime read no part: no boundary given, or one
 * its body does not use.  A mail program may show its body as text, or
 * find the parts by a boundary the body uses: both are read.  The text
 * before the first parse's boundary (all of the body when none may be
 * parsed) is read as text, its links and words counting; the parts are
 * read as any others (an attachment hidden so from a filter is still an
 * attachment to a mail program that finds it), with each boundary the
 * body may use,
 * most likely first (candidates()), RECOVER_MAX parses and RECOVER_BYTES
 * bytes parsed again a message.  Boundaries left untried are a finding
 * (attach.parts_hidden): parts not read, in a body written so.  The
 * message keeps unread_parts: what it holds is not sure.
 */
static void
unread_multipart(struct walk *w, GMimeMultipart *mp, GMimeContentType *ct,
    int depth, int mdepth, int first)
{
	const char	*pro = g_mime_multipart_get_prologue(mp), *e, *start;
	struct cand	*c;
	size_t		 plen, nc, i;
	char		*mt;
	int		 more;

	w->m->unread_parts = 1;
	if (pro == NULL || *pro == '\0')
		return;
	plen = prologue_whole(w, &pro, strlen(pro));
	e = pro + plen;
	nc = candidates(w, pro, e, &c, &more);
	/* The text up to where the first parse begins: all of it when no
	 * parse may begin. */
	start = e;
	if (nc > 0 && w->recovered < RECOVER_MAX && w->recovered_bytes +
	    (size_t)(e - c[0].at) <= RECOVER_BYTES)
		start = c[0].at;
	read_prologue(w, pro, (size_t)(start - pro));
	mt = g_mime_content_type_get_mime_type(ct);
	for (i = 0; i < nc; i++) {
		size_t len = (size_t)(e - c[i].at);

		if (w->recovered >= RECOVER_MAX ||
		    w->recovered_bytes + len > RECOVER_BYTES) {
			more = 1;
			break;
		}
		w->recovered++;
		w->recovered_bytes += len;
		reparse(w, mt != NULL ? mt : "multipart/mixed", &c[i], len,
		    depth, mdepth, first);
	}
	g_free(mt);
	if (more && !w->hidden_said) {
		w->hidden_said = 1;
		msg_truncated(w->s, w->m, CUT_BOUNDARIES);
		finding_add(w->s, R_ATT_PARTS_HIDDEN, &(struct fargs){
		    .detail = "" });
	}
}

/* first: o is the first part of its multipart (see leaf()). */
static void
walk(struct walk *w, GMimeObject *o, int depth, int mdepth, int first)
{
	if (o == NULL)
		return;
	if (++w->objects > DETECT_PARTS_MAX * 2 || depth > WALK_DEPTH) {
		msg_truncated(w->s, w->m, CUT_PARTS);
		return;
	}
	if (GMIME_IS_MULTIPART(o)) {
		GMimeMultipart	*mp = GMIME_MULTIPART(o);
		GMimeContentType *ct = g_mime_object_get_content_type(o);
		int		 i, n = g_mime_multipart_get_count(mp), alt;

		alt = ct != NULL && g_mime_content_type_is_type(ct,
		    "multipart", "alternative");
		if (n == 0) {
			unread_multipart(w, mp, ct, depth, mdepth, first);
			return;
		}
		for (i = 0; i < n; i++)
			walk(w, g_mime_multipart_get_part(mp, i), depth + 1,
			    mdepth, i == 0 || alt);
	} else if (GMIME_IS_MESSAGE_PART(o)) {
		GMimeMessage *em = g_mime_message_part_get_message(
		    GMIME_MESSAGE_PART(o));

		if (em != NULL && mdepth < MSG_DEPTH)
			walk_message(w, em, mdepth + 1);
	} else if (GMIME_IS_PART(o)) {
		size_t np = w->m->nparts;

		leaf(w, GMIME_PART(o), first);
		/* A mail attached as a file (Outlook opens a .eml whatever
		 * its type says). */
		if (w->m->nparts == np + 1 && mdepth < MSG_DEPTH)
			eml_file(w, &w->m->parts[np], mdepth);
	}
}

/* A mail attached as a .eml file to a message that came through Graph:
 * read as the MIME adapter reads one (graph.c). */
void
mime_attached_eml(struct detect_scan *s, struct dmsg *m,
    const struct dpart *p)
{
	struct walk	 w = { s, m, s->eng->gmopts, 0, NULL, 0, 0, 0, 0, 0 };

	eml_file(&w, p, 0);
}

/*
 * A part that is a mail saved as a file: a name in .eml and data that
 * GMime reads as a message with a From or a Subject.  Read as an
 * attached message is (message/rfc822): its subject and parts walked.
 */
static void
eml_file(struct walk *w, const struct dpart *p, int mdepth)
{
	GByteArray	*ba;
	GMimeStream	*st;
	GMimeParser	*parser;
	GMimeMessage	*em;

	if (p->name == NULL || !str_has_suffix_case(p->name, ".eml") ||
	    p->len == 0 || p->data == NULL)
		return;
	ba = g_byte_array_new();
	g_byte_array_append(ba, p->data, (guint)(p->len > G_MAXUINT ?
	    G_MAXUINT : p->len));
	st = g_mime_stream_mem_new_with_byte_array(ba);
	arena_defer(&w->s->a, unref, st);
	parser = g_mime_parser_new_with_stream(st);
	g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
	em = g_mime_parser_construct_message(parser, w->po);
	g_object_unref(parser);
	if (em == NULL)
		return;
	arena_defer(&w->s->a, unref, em);
	if (g_mime_object_get_header(GMIME_OBJECT(em), "From") != NULL ||
	    g_mime_object_get_header(GMIME_OBJECT(em), "Subject") != NULL)
		walk_message(w, em, mdepth + 1);
}

/* An attached message: its subject and sender are text a person reads. */
static void
walk_message(struct walk *w, GMimeMessage *em, int mdepth)
{
	const char	*subj = subject(w, em);

	if (subj != NULL) {
		subj = text_clip(&w->s->a, subj, 1024);
		msg_add_text(w->s, w->m, subj, strlen(subj), 0);
	}
	walk(w, g_mime_message_get_mime_part(em), 0, mdepth, 1);
}

/*
 * The mailbox at index i of l (a group's first member for a group: its
 * name the group's when the member has none, "Megan Bowen: <x@y>;" shows
 * as the name), into d; 0 when there is none.
 */
static int
addr_at(struct walk *w, InternetAddressList *l, int i, struct daddr *d)
{
	InternetAddress	*ia;
	const char	*name, *gname = NULL;

	if (l == NULL || internet_address_list_length(l) <= i)
		return 0;
	ia = internet_address_list_get_address(l, i);
	if (INTERNET_ADDRESS_IS_GROUP(ia)) {
		InternetAddressList *ml = internet_address_group_get_members(
		    INTERNET_ADDRESS_GROUP(ia));

		if (ml == NULL || internet_address_list_length(ml) < 1)
			return 0;
		gname = internet_address_get_name(ia);
		ia = internet_address_list_get_address(ml, 0);
	}
	if (!INTERNET_ADDRESS_IS_MAILBOX(ia))
		return 0;
	name = internet_address_get_name(ia);
	msg_set_addr(w->s, d, name != NULL && *name != '\0' ? name : gname,
	    internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)));
	return 1;
}

static void
first_addr(struct walk *w, InternetAddressList *l, struct daddr *d)
{
	addr_at(w, l, 0, d);
}

static const char *
unfold(struct detect_scan *s, const char *v)
{
	size_t	 n, i, o = 0;
	char	*out;

	if (v == NULL)
		return "";
	n = strnlen(v, HDR_VALUE_MAX);
	out = arena_alloc(&s->a, n + 1);
	for (i = 0; i < n; i++) {
		char c = v[i];

		if (c == '\r' || c == '\n' || c == '\t')
			c = ' ';
		if (c == ' ' && (o == 0 || out[o - 1] == ' '))
			continue;
		out[o++] = c;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return out;
}

static void
headers(struct walk *w, GMimeMessage *msg)
{
	GMimeHeaderList	*hl = g_mime_object_get_header_list(GMIME_OBJECT(msg));
	int		 i, n = hl ? g_mime_header_list_get_count(hl) : 0;
	const char	*rp;

	if (n > HDRS_MAX)
		n = HDRS_MAX;
	w->m->hdrs = arena_alloc(&w->s->a, (size_t)(n + 1) *
	    sizeof(*w->m->hdrs));
	for (i = 0; i < n; i++) {
		GMimeHeader *h = g_mime_header_list_get_header_at(hl, i);

		w->m->hdrs[w->m->nhdrs].name = arena_strdup(&w->s->a,
		    g_mime_header_get_name(h));
		w->m->hdrs[w->m->nhdrs].value = unfold(w->s,
		    g_mime_header_get_raw_value(h));
		w->m->nhdrs++;
	}
	rp = msg_header(w->m, "Return-Path");
	if (rp != NULL) {
		const char *lt = strchr(rp, '<');

		msg_set_addr(w->s, &w->m->return_path, NULL, lt ? lt + 1 : rp);
	}
}

/* The end of the line at p (past its '\n'), or e. */
static const char *
line_end(const char *p, const char *e)
{
	const char	*nl = memchr(p, '\n', (size_t)(e - p));

	return nl != NULL ? nl + 1 : e;
}

/* The first "ab" in p..e, or NULL (a loop: memmem checks the whole
 * range under the sanitizers, once a call). */
static const char *
find2(const char *p, const char *e, char a, char b)
{
	for (; e - p >= 2; p++)
		if (p[0] == a && p[1] == b)
			return p;
	return NULL;
}

/*
 * The message with the starts of encoded words that no end follows
 * defused, or NULL when it has none.  GMime's reader of RFC 2047 text
 * (tokenize_rfc2047_text and _phrase in gmime-utils.c, loose mode), at
 * each "=?charset?E?", looks for "?=" up to the end of the value, and
 * when there is none goes on two bytes after the start: a value of
 * "A=?x?b?" repeated costs the square of its length (a part's 1 MB
 * Content-Description took over 90 s), and GMime reads a part's
 * headers as it parses them.  Each such start with no "?=" within
 * EW_REACH bytes after it (an encoded word is 75 bytes at most; mail
 * programs write some longer) has its '=' made '_': no mail program
 * decodes it (it has no end), each search GMime makes is then EW_REACH
 * bytes at most, and nothing is cut, in a header or in a text that
 * only looks like one.  The bytes keep their places.
 */
static char *
ew_defuse(struct detect_scan *s, const char *buf, size_t len)
{
	const char	*p = buf, *e = buf + len, *q, *close = NULL;
	char		*out = NULL;
	int		 none = 0;

	while ((p = find2(p, e, '=', '?')) != NULL) {
		/* The charset, up to the next '?', then "E?". */
		for (q = p + 2; q < e && *q != '?'; q++)
			;
		if (q == e)
			break;
		if (e - q < 3 || q[1] == '\0' || strchr("BbQq", q[1]) == NULL ||
		    q[2] != '?') {
			p = q[-1] == '=' ? q - 1 : q;	/* "=?" may begin at q */
			continue;
		}
		q += 3;
		/* The first "?=" from q: kept while it lies ahead; none
		 * from q is none from further on. */
		if (!none && (close == NULL || close < q) &&
		    (close = find2(q, e, '?', '=')) == NULL)
			none = 1;
		if (none || close - q > EW_REACH) {
			if (out == NULL) {
				out = arena_alloc(&s->a, len + 1);
				memcpy(out, buf, len);
				out[len] = '\0';
			}
			out[p - buf] = '_';
		}
		p += 2;
	}
	return out;
}

/*
 * The message with each top-level header longer than HDR_LINE_MAX bytes
 * (its folded lines counted) cut to that, or NULL when none is: GMime's
 * decoding of a header value is quadratic in some shapes (a subject of
 * "A=?x?b?" repeated, 1 MB of it, took 67 s; 200 KB took 3 s before any
 * of this code was written).
 */
static char *
hdr_cut(struct detect_scan *s, const char *buf, size_t len, size_t *outlen)
{
	const char	*p, *e = buf + len, *h, *l;
	char		*out = NULL;
	size_t		 o = 0;
	int		 pass;

	for (pass = 0; pass < 2; pass++) {
		for (p = buf; p < e && *p != '\r' && *p != '\n';) {
			/* One header: its line and those folded under it. */
			for (h = p, l = line_end(p, e); l < e && (*l == ' ' ||
			    *l == '\t'); l = line_end(l, e))
				;
			if (pass == 0 && (size_t)(l - h) > HDR_LINE_MAX)
				break;
			if (pass == 1) {
				size_t n = (size_t)(l - h);

				if (n > HDR_LINE_MAX) {
					/* Cut, and ended by one line end: a
					 * piece ending in its own line end (or
					 * a fold's blanks) would leave an empty
					 * line, the headers' end, and the
					 * message's parts would go unread. */
					size_t k = HDR_LINE_MAX;

					while (k > 0 && (h[k - 1] == '\r' ||
					    h[k - 1] == '\n' || h[k - 1] == ' ' ||
					    h[k - 1] == '\t'))
						k--;
					memcpy(out + o, h, k);
					o += k;
					out[o++] = '\n';
				} else {
					memcpy(out + o, h, n);
					o += n;
				}
			}
			p = l;
		}
		if (pass == 0 && (p >= e || *p == '\r' || *p == '\n'))
			return NULL;	/* no header too long */
		if (pass == 0) {
			out = arena_alloc(&s->a, len + 1);
			continue;
		}
		memcpy(out + o, p, (size_t)(e - p));
		o += (size_t)(e - p);
	}
	*outlen = o;
	return out;
}

void
mime_parse(struct detect_scan *s, const char *buf, size_t len,
    struct dmsg *m)
{
	struct walk	 w = { s, m, s->eng->gmopts, 0, NULL, 0, 0, 0, 0, 0 };
	GByteArray	*ba;
	GMimeStream	*st;
	GMimeParser	*parser;
	GMimeMessage	*msg;
	InternetAddressList *from;
	const char	*v;
	char		*cut;
	size_t		 cutlen;

	if (len == 0)
		return;
	if ((cut = hdr_cut(s, buf, len, &cutlen)) != NULL) {
		msg_truncated(s, m, CUT_HEADER);
		buf = cut;
		len = cutlen;
	}
	if ((cut = ew_defuse(s, buf, len)) != NULL)
		buf = cut;
	w.raw = buf;
	w.rawlen = len;
	w.has_nul = memchr(buf, '\0', len) != NULL;
	/* Wrap the caller's bytes without a copy (give_back returns them). */
	ba = g_byte_array_new_take((guint8 *)(uintptr_t)buf, len);
	arena_defer(&s->a, give_back, ba);
	st = g_mime_stream_mem_new_with_byte_array(ba);
	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(st), FALSE);
	arena_defer(&s->a, unref, st);
	parser = g_mime_parser_new_with_stream(st);
	g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
	g_mime_parser_set_persist_stream(parser, TRUE);
	msg = g_mime_parser_construct_message(parser, w.po);
	g_object_unref(parser);
	if (msg == NULL) {
		/* Not MIME at all: read it as text. */
		size_t	 ulen;
		char	*u = text_to_utf8(&s->a, NULL, buf, len,
		    DETECT_TEXT_MAX, &ulen);

		msg_add_text(s, m, u, ulen, 0);
		msg_truncated(s, m, CUT_NOT_MIME);
		return;
	}
	arena_defer(&s->a, unref, msg);
	headers(&w, msg);
	v = subject(&w, msg);
	m->subject = v ? text_clip(&s->a, v, 2048) : NULL;
	v = g_mime_message_get_message_id(msg);
	m->message_id = v ? text_clip(&s->a, v, 512) : NULL;
	from = addrs(&w, msg, GMIME_ADDRESS_TYPE_FROM, "From");
	first_addr(&w, from, &m->from);
	if (from != NULL)
		m->nfrom = internet_address_list_length(from);
	first_addr(&w, addrs(&w, msg, GMIME_ADDRESS_TYPE_SENDER, "Sender"),
	    &m->sender);
	{
		InternetAddressList *rl = addrs(&w, msg,
		    GMIME_ADDRESS_TYPE_REPLY_TO, "Reply-To");
		int i;

		first_addr(&w, rl, &m->reply_to);
		for (i = 1; m->nreply_more < MSG_REPLY_MORE && rl != NULL &&
		    i < internet_address_list_length(rl); i++)
			if (addr_at(&w, rl, i, &m->reply_more[m->nreply_more]))
				m->nreply_more++;
	}
	first_addr(&w, addrs(&w, msg, GMIME_ADDRESS_TYPE_TO, "To"), &m->to);
	walk(&w, g_mime_message_get_mime_part(msg), 0, 0, 1);
}
