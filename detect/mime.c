/*
 * mime: the RFC 5322 adapter.  GMime parses the message straight from
 * the caller's bytes (no copy: the parser keeps substreams of them), the
 * tree is walked within bounds, every leaf is transfer-decoded in one
 * pass that hashes all of it and keeps the first DETECT_PART_MAX bytes,
 * and text parts are converted to UTF-8 by text_to_utf8().
 */
#include <string.h>

#include <gmime/gmime.h>
#include <sodium.h>

#include "internal.h"
#include "util.h"

#define WALK_DEPTH	48	/* multipart nesting followed */
#define MSG_DEPTH	3	/* attached messages followed */
#define HDRS_MAX	400
#define HDR_VALUE_MAX	(16u * 1024)
#define KEPT_MAX	(96u << 20)	/* decoded bytes kept per message */
#define CHUNK		65536

struct walk {
	struct detect_scan	*s;
	struct dmsg		*m;
	GMimeParserOptions	*po;
	size_t			 objects;
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
	gint64				 slen;
	size_t				 cap = 0, kept = 0, total = 0, o;
	ssize_t				 n;

	crypto_hash_sha256_init(&hs);
	dw = g_mime_part_get_content(part);
	if (dw == NULL || (st = g_mime_data_wrapper_get_stream(dw)) == NULL)
		goto done;
	g_mime_encoding_init_decode(&enc,
	    g_mime_data_wrapper_get_encoding(dw));
	slen = g_mime_stream_length(st);
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
		msg_truncated(w->s, w->m, "a part larger than the limit");
}

static void
leaf(struct walk *w, GMimePart *part)
{
	GMimeObject		*o = GMIME_OBJECT(part);
	GMimeContentType	*ct = g_mime_object_get_content_type(o);
	GMimeContentDisposition	*cd = g_mime_object_get_content_disposition(o);
	const char		*fname = g_mime_part_get_filename(part);
	const char		*disp = NULL, *cs = NULL, *cid;
	char			*mt = NULL, *lmt;
	struct dpart		 tmp, *p;
	int			 att;

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
	if (!att && (strcmp(lmt, "text/plain") == 0 ||
	    strcmp(lmt, "text/html") == 0 || strcmp(lmt, "text/enriched") ==
	    0 || strcmp(lmt, "text/richtext") == 0)) {
		size_t	 ulen;
		char	*u;

		memset(&tmp, 0, sizeof(tmp));
		decode(w, part, &tmp, DETECT_TEXT_MAX);
		u = text_to_utf8(&w->s->a, cs, (const char *)tmp.data,
		    tmp.len, DETECT_TEXT_MAX, &ulen);
		msg_add_text(w->s, w->m, u, ulen,
		    strcmp(lmt, "text/html") == 0);
		return;
	}
	p = msg_add_part(w->s, w->m);
	if (p == NULL)
		return;
	p->ctype = lmt;
	if (fname != NULL && *fname != '\0')
		p->name = text_clip(&w->s->a, fname, 255);
	cid = g_mime_part_get_content_id(part);
	if (cid != NULL)
		p->cid = arena_strdup(&w->s->a, cid);
	p->inline_ = disp != NULL && str_casecmp(disp, "inline") == 0;
	decode(w, part, p, DETECT_PART_MAX);
	/* A calendar invitation is text a person reads: its links count. */
	if (strcmp(lmt, "text/calendar") == 0) {
		size_t	 ulen;
		char	*u = text_to_utf8(&w->s->a, cs, (const char *)p->data,
		    p->len, DETECT_TEXT_MAX, &ulen);

		msg_add_text(w->s, w->m, u, ulen, 0);
	}
}

static void walk_message(struct walk *, GMimeMessage *, int);

static void
walk(struct walk *w, GMimeObject *o, int depth, int mdepth)
{
	if (o == NULL)
		return;
	if (++w->objects > DETECT_PARTS_MAX * 2 || depth > WALK_DEPTH) {
		msg_truncated(w->s, w->m, "more parts or nesting than the limit");
		return;
	}
	if (GMIME_IS_MULTIPART(o)) {
		GMimeMultipart	*mp = GMIME_MULTIPART(o);
		int		 i, n = g_mime_multipart_get_count(mp);

		for (i = 0; i < n; i++)
			walk(w, g_mime_multipart_get_part(mp, i), depth + 1,
			    mdepth);
	} else if (GMIME_IS_MESSAGE_PART(o)) {
		GMimeMessage *em = g_mime_message_part_get_message(
		    GMIME_MESSAGE_PART(o));

		if (em != NULL && mdepth < MSG_DEPTH)
			walk_message(w, em, mdepth + 1);
	} else if (GMIME_IS_PART(o))
		leaf(w, GMIME_PART(o));
}

/* An attached message: its subject and sender are text a person reads. */
static void
walk_message(struct walk *w, GMimeMessage *em, int mdepth)
{
	const char	*subj = g_mime_message_get_subject(em);

	if (subj != NULL) {
		subj = text_clip(&w->s->a, subj, 1024);
		msg_add_text(w->s, w->m, subj, strlen(subj), 0);
	}
	walk(w, g_mime_message_get_mime_part(em), 0, mdepth);
}

static void
first_addr(struct walk *w, InternetAddressList *l, struct daddr *d)
{
	InternetAddress	*ia;

	if (l == NULL || internet_address_list_length(l) < 1)
		return;
	ia = internet_address_list_get_address(l, 0);
	if (INTERNET_ADDRESS_IS_GROUP(ia)) {
		InternetAddressList *ml = internet_address_group_get_members(
		    INTERNET_ADDRESS_GROUP(ia));

		if (ml == NULL || internet_address_list_length(ml) < 1)
			return;
		ia = internet_address_list_get_address(ml, 0);
	}
	if (!INTERNET_ADDRESS_IS_MAILBOX(ia))
		return;
	msg_set_addr(w->s, d, internet_address_get_name(ia),
	    internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)));
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

void
mime_parse(struct detect_scan *s, const char *buf, size_t len,
    struct dmsg *m)
{
	struct walk	 w = { s, m, s->eng->gmopts, 0 };
	GByteArray	*ba;
	GMimeStream	*st;
	GMimeParser	*parser;
	GMimeMessage	*msg;
	const char	*v;

	if (len == 0)
		return;
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
		msg_truncated(s, m, "the message is not MIME");
		return;
	}
	arena_defer(&s->a, unref, msg);
	headers(&w, msg);
	v = g_mime_message_get_subject(msg);
	m->subject = v ? text_clip(&s->a, v, 2048) : NULL;
	v = g_mime_message_get_message_id(msg);
	m->message_id = v ? text_clip(&s->a, v, 512) : NULL;
	first_addr(&w, g_mime_message_get_from(msg), &m->from);
	if (g_mime_message_get_from(msg) != NULL)
		m->nfrom = internet_address_list_length(
		    g_mime_message_get_from(msg));
	first_addr(&w, g_mime_message_get_sender(msg), &m->sender);
	first_addr(&w, g_mime_message_get_reply_to(msg), &m->reply_to);
	first_addr(&w, g_mime_message_get_addresses(msg, GMIME_ADDRESS_TYPE_TO),
	    &m->to);
	walk(&w, g_mime_message_get_mime_part(msg), 0, 0);
}
