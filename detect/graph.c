/*
 * graph: the Microsoft Graph adapter (MICROSOFT.md §2.3-2.5).  The
 * message resource gives the headers (internetMessageHeaders), the
 * addresses and the body already in UTF-8; fileAttachment objects give
 * the attachments as base64.  Anything missing or of the wrong JSON type
 * is simply absent from the model, but for a fileAttachment without its
 * bytes: it stays, with its name, type and size.
 */
#include <string.h>

#include <gmime/gmime.h>
#include <sodium.h>

#include "internal.h"
#include "util.h"

#define GRAPH_HDRS_MAX	400

static const char *
jstr(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) && v->valuestring != NULL ?
	    v->valuestring : NULL;
}

/* Does the header write a name for addr: words before its "<addr>"?  A
 * bare "<addr>", "" <addr> or the address alone names nothing. */
static int
hdr_names(const char *h, const char *addr)
{
	size_t		 al = strlen(addr);
	const char	*lt, *p;

	for (lt = h; (lt = strchr(lt, '<')) != NULL; lt++)
		if (str_ncasecmp(lt + 1, addr, al) == 0 && lt[1 + al] == '>')
			break;
	if (lt == NULL)
		return 0;
	for (p = lt; p > h && p[-1] != ','; p--)
		if (strchr(" \t\"", p[-1]) == NULL)
			return 1;
	return 0;
}

static void
jaddr(struct detect_scan *s, const struct dmsg *m, const cJSON *o,
    const char *hdr, struct daddr *d)
{
	const cJSON	*ea;
	const char	*name, *addr, *h;

	if (cJSON_IsArray(o))
		o = cJSON_GetArrayItem(o, 0);
	ea = cJSON_GetObjectItemCaseSensitive(o, "emailAddress");
	if (!cJSON_IsObject(ea))
		return;
	name = jstr(ea, "name");
	addr = jstr(ea, "address");
	/* Exchange gives a mailbox without a display name its address as
	 * the name: keep it only when the header writes it as a name. */
	if (name != NULL && addr != NULL && str_casecmp(name, addr) == 0 &&
	    ((h = msg_header(m, hdr)) == NULL || !hdr_names(h, addr)))
		name = NULL;
	msg_set_addr(s, d, name, addr);
}

/* The value of a header of internetMessageHeaders, or NULL. */
static const char *
jheader(const cJSON *msg, const char *name)
{
	const cJSON	*e, *h;

	h = cJSON_GetObjectItemCaseSensitive(msg, "internetMessageHeaders");
	cJSON_ArrayForEach(e, h) {
		const char *n = jstr(e, "name");

		if (n != NULL && str_casecmp(n, name) == 0)
			return jstr(e, "value");
	}
	return NULL;
}

static const signed char b64[256] = {
	['A'] = 1, ['B'] = 2, ['C'] = 3, ['D'] = 4, ['E'] = 5, ['F'] = 6,
	['G'] = 7, ['H'] = 8, ['I'] = 9, ['J'] = 10, ['K'] = 11, ['L'] = 12,
	['M'] = 13, ['N'] = 14, ['O'] = 15, ['P'] = 16, ['Q'] = 17,
	['R'] = 18, ['S'] = 19, ['T'] = 20, ['U'] = 21, ['V'] = 22,
	['W'] = 23, ['X'] = 24, ['Y'] = 25, ['Z'] = 26, ['a'] = 27,
	['b'] = 28, ['c'] = 29, ['d'] = 30, ['e'] = 31, ['f'] = 32,
	['g'] = 33, ['h'] = 34, ['i'] = 35, ['j'] = 36, ['k'] = 37,
	['l'] = 38, ['m'] = 39, ['n'] = 40, ['o'] = 41, ['p'] = 42,
	['q'] = 43, ['r'] = 44, ['s'] = 45, ['t'] = 46, ['u'] = 47,
	['v'] = 48, ['w'] = 49, ['x'] = 50, ['y'] = 51, ['z'] = 52,
	['0'] = 53, ['1'] = 54, ['2'] = 55, ['3'] = 56, ['4'] = 57,
	['5'] = 58, ['6'] = 59, ['7'] = 60, ['8'] = 61, ['9'] = 62,
	['+'] = 63, ['/'] = 64, ['-'] = 63, ['_'] = 64,
};

/* One character of base64 into the accumulator: 1 with a byte in *out,
 * 0 for none yet or a character that is no digit, -1 at padding. */
static int
b64_step(char ch, uint32_t *acc, int *bits, unsigned char *out)
{
	int	 v = b64[(unsigned char)ch];

	if (ch == '=')
		return -1;
	if (v == 0)
		return 0;
	*acc = (*acc << 6) | (uint32_t)(v - 1);
	*bits += 6;
	if (*bits < 8)
		return 0;
	*bits -= 8;
	*out = (unsigned char)(*acc >> *bits);
	return 1;
}

size_t
b64_decode_buf(const char *in, size_t n, struct buf *out)
{
	size_t		 i, len = out->len;
	uint32_t	 acc = 0;
	int		 bits = 0, r;
	unsigned char	 c;

	for (i = 0; i < n && (r = b64_step(in[i], &acc, &bits, &c)) >= 0; i++)
		if (r == 1)
			buf_add(out, &c, 1);
	return out->len - len;
}

void
b64_decode_part(struct detect_scan *s, const char *in, size_t n,
    struct dpart *p)
{
	crypto_hash_sha256_state hs;
	unsigned char		 h[crypto_hash_sha256_BYTES], chunk[3072];
	unsigned char		*keep;
	size_t			 i, cap, kept = 0, total = 0, c = 0;
	uint32_t		 acc = 0;
	int			 bits = 0;

	/* Everything is hashed; the first DETECT_PART_MAX bytes are kept. */
	cap = n / 4 * 3 + 3;
	if (cap > DETECT_PART_MAX)
		cap = DETECT_PART_MAX;
	keep = arena_alloc(&s->a, cap + 1);
	crypto_hash_sha256_init(&hs);
	for (i = 0; i < n; i++) {
		int r = b64_step(in[i], &acc, &bits, &chunk[c]);

		if (r < 0)
			break;
		if (r == 1) {
			c++;
			if (c == sizeof(chunk)) {
				crypto_hash_sha256_update(&hs, chunk, c);
				if (kept < cap) {
					size_t k = c < cap - kept ? c :
					    cap - kept;
					memcpy(keep + kept, chunk, k);
					kept += k;
				}
				total += c;
				c = 0;
			}
		}
	}
	crypto_hash_sha256_update(&hs, chunk, c);
	if (kept < cap) {
		size_t k = c < cap - kept ? c : cap - kept;

		memcpy(keep + kept, chunk, k);
		kept += k;
	}
	total += c;
	crypto_hash_sha256_final(&hs, h);
	hex_encode(h, sizeof(h), p->sha256);
	keep[kept] = '\0';
	p->data = keep;
	p->len = kept;
	p->size = total;
	p->truncated = kept < total;
}

/* An attachment's declared "size", or 0. */
static size_t
jsize(const cJSON *a)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(a, "size");

	return cJSON_IsNumber(v) && v->valuedouble > 0 &&
	    v->valuedouble < 1e15 ? (size_t)v->valuedouble : 0;
}

static void
attachments(struct detect_scan *s, const cJSON *atts, struct dmsg *m)
{
	const cJSON	*a;

	cJSON_ArrayForEach(a, atts) {
		const char	*type = jstr(a, "@odata.type");
		const char	*bytes = jstr(a, "contentBytes");
		const char	*v;
		const cJSON	*il;
		struct dpart	*p;

		if (!cJSON_IsObject(a))
			continue;
		if (type != NULL && strstr(type, "fileAttachment") == NULL)
			continue;
		if ((p = msg_add_part(s, m)) == NULL)
			break;
		v = jstr(a, "contentType");
		p->ctype = arena_strdup(&s->a, v != NULL ? v :
		    "application/octet-stream");
		str_lower((char *)p->ctype);
		v = jstr(a, "name");
		p->name = v != NULL ? name_clip(&s->a, v, 255) : NULL;
		v = jstr(a, "contentId");
		p->cid = v != NULL ? arena_strdup(&s->a, v) : NULL;
		il = cJSON_GetObjectItemCaseSensitive(a, "isInline");
		p->inline_ = cJSON_IsTrue(il);
		if (bytes == NULL) {
			/* contentBytes missing, null or no string: no bytes
			 * (and no SHA-256), but the name rules still read its
			 * name; detect_needs() asks for the MIME. */
			p->data = (const unsigned char *)arena_strdup(&s->a,
			    "");
			p->len = 0;
			p->size = jsize(a);
			p->sha256[0] = '\0';
			p->truncated = 0;
			continue;
		}
		b64_decode_part(s, bytes, strlen(bytes), p);
		if (p->truncated)
			msg_truncated(s, m, CUT_ATTACHMENT);
		msg_part_bodies(s, p);
		/* A mail saved as a file, opened as one. */
		mime_attached_eml(s, m, p);
		/* An invitation's .ics is text a person reads. */
		if (calendar_file(p)) {
			size_t	 ulen;
			char	*u = text_to_utf8(&s->a, NULL, (const char *)
			    p->data, p->len, DETECT_TEXT_MAX, &ulen);

			msg_add_calendar(s, m, u, ulen);
		}
	}
}

/* The name of the group the From header writes ("Megan Bowen: <x@y>;"),
 * which shows as the sender's name when its member has none (as the
 * MIME adapter takes it), or NULL. */
static const char *
group_name(struct detect_scan *s, const struct dmsg *m)
{
	InternetAddressList	*l;
	InternetAddress		*ia;
	const char		*h = msg_header(m, "From"), *n = NULL;

	if (h == NULL || (l = internet_address_list_parse(s->eng->gmopts,
	    h)) == NULL)
		return NULL;
	if (internet_address_list_length(l) > 0 &&
	    INTERNET_ADDRESS_IS_GROUP(ia = internet_address_list_get_address(l,
	    0)) && (n = internet_address_get_name(ia)) != NULL && *n != '\0')
		n = text_clip(&s->a, n, 256);
	else
		n = NULL;
	g_object_unref(l);
	return n;
}

/* The addresses the From header lists (GMime reads it as for MIME), or
 * else those of "from" (an array where a tool wrote one), else 0 or 1. */
static int
from_count(struct detect_scan *s, const struct dmsg *m, const cJSON *from)
{
	InternetAddressList	*l;
	const char		*h = msg_header(m, "From");
	int			 n;

	if (h != NULL && (l = internet_address_list_parse(s->eng->gmopts,
	    h)) != NULL) {
		n = internet_address_list_length(l);
		g_object_unref(l);
		if (n > 0)
			return n;
	}
	if (cJSON_IsArray(from))
		return cJSON_GetArraySize(from);
	return m->from.addr != NULL || m->from.name != NULL;
}

void
graph_parse(struct detect_scan *s, const cJSON *msg, const cJSON *atts,
    struct dmsg *m)
{
	const cJSON	*h, *body;
	const char	*v;
	size_t		 n = 0;

	if (!cJSON_IsObject(msg))
		return;
	v = jstr(msg, "subject");
	m->subject = v != NULL ? text_clip(&s->a, v, 2048) : NULL;
	v = jstr(msg, "internetMessageId");
	m->message_id = v != NULL ? text_clip(&s->a, v, 512) : NULL;
	h = cJSON_GetObjectItemCaseSensitive(msg, "internetMessageHeaders");
	if (cJSON_IsArray(h)) {
		const cJSON *e;
		int cnt = cJSON_GetArraySize(h);

		m->hdrs = arena_alloc(&s->a, (size_t)(cnt > GRAPH_HDRS_MAX ?
		    GRAPH_HDRS_MAX : cnt) * sizeof(*m->hdrs) + 1);
		cJSON_ArrayForEach(e, h) {
			const char *hn = jstr(e, "name"), *hv = jstr(e, "value");

			if (n >= GRAPH_HDRS_MAX)
				break;
			if (hn == NULL || hv == NULL)
				continue;
			m->hdrs[n].name = text_clip(&s->a, hn, 128);
			m->hdrs[n].value = text_clip(&s->a, hv, 16384);
			n++;
		}
		m->nhdrs = n;
		v = msg_header(m, "Return-Path");
		if (v != NULL) {
			const char *lt = strchr(v, '<');

			msg_set_addr(s, &m->return_path, NULL, lt ? lt + 1 : v);
		}
	}
	jaddr(s, m, cJSON_GetObjectItemCaseSensitive(msg, "from"), "From",
	    &m->from);
	m->nfrom = from_count(s, m, cJSON_GetObjectItemCaseSensitive(msg,
	    "from"));
	if (m->from.addr != NULL && (m->from.name == NULL ||
	    str_casecmp(m->from.name, m->from.addr) == 0) &&
	    (v = group_name(s, m)) != NULL)
		m->from.name = v;
	jaddr(s, m, cJSON_GetObjectItemCaseSensitive(msg, "sender"), "Sender",
	    &m->sender);
	{
		const cJSON	*rt = cJSON_GetObjectItemCaseSensitive(msg,
				    "replyTo"), *r;
		int		 i = 0;

		jaddr(s, m, rt, "Reply-To", &m->reply_to);
		/* Outlook replies to every address of Reply-To. */
		if (cJSON_IsArray(rt))
			cJSON_ArrayForEach(r, rt)
				if (i++ > 0 && m->nreply_more < MSG_REPLY_MORE)
					jaddr(s, m, r, "Reply-To",
					    &m->reply_more[m->nreply_more++]);
	}
	jaddr(s, m, cJSON_GetObjectItemCaseSensitive(msg, "toRecipients"),
	    "To", &m->to);
	body = cJSON_GetObjectItemCaseSensitive(msg, "body");
	if (cJSON_IsObject(body) && (v = jstr(body, "content")) != NULL) {
		const char	*ct = jstr(body, "contentType");
		size_t		 ulen;
		char		*u = text_to_utf8(&s->a, "UTF-8", v, strlen(v),
		    DETECT_TEXT_MAX, &ulen);

		msg_add_text(s, m, u, ulen, ct != NULL &&
		    str_casecmp(ct, "html") == 0);
	}
	/* What the resource says it has besides its body, read or not: an
	 * attachment of any kind, a meeting's request or answer. */
	v = jstr(msg, "@odata.type");
	m->unread_parts = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(msg,
	    "hasAttachments")) || cJSON_GetArraySize(atts) > 0 ||
	    (v != NULL && strstr(v, "eventMessage") != NULL) ||
	    cJSON_GetObjectItemCaseSensitive(msg, "meetingMessageType") !=
	    NULL;
	if (cJSON_IsArray(atts))
		attachments(s, atts, m);
}

const char *
detect_graph_select(void)
{
	return "id,subject,from,sender,replyTo,toRecipients,ccRecipients,"
	    "internetMessageId,internetMessageHeaders,body,hasAttachments,"
	    "receivedDateTime,webLink";
}

enum detect_need
detect_needs(const struct detect_engine *e, const cJSON *msg,
    const cJSON *atts)
{
	const cJSON	*a, *body;
	const char	*v;

	(void)e;
	if (atts != NULL) {
		/* Item and reference attachments carry no bytes, nor does
		 * a file attachment without (string) contentBytes. */
		cJSON_ArrayForEach(a, atts) {
			const char *t = jstr(a, "@odata.type");

			if (t != NULL && (strstr(t, "itemAttachment") != NULL ||
			    strstr(t, "referenceAttachment") != NULL))
				return DETECT_NEED_MIME;
			if (cJSON_IsObject(a) && (t == NULL || strstr(t,
			    "fileAttachment") != NULL) &&
			    jstr(a, "contentBytes") == NULL)
				return DETECT_NEED_MIME;
		}
		return DETECT_NEED_NONE;
	}
	if (!cJSON_IsObject(msg))
		return DETECT_NEED_NONE;
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(msg,
	    "hasAttachments")))
		return DETECT_NEED_ATTACHMENTS;
	/* Inline images (possible QR codes) do not set hasAttachments. */
	body = cJSON_GetObjectItemCaseSensitive(msg, "body");
	if (cJSON_IsObject(body) && (v = jstr(body, "content")) != NULL &&
	    strcasestr(v, "cid:") != NULL)
		return DETECT_NEED_ATTACHMENTS;
	/* Nor does an inline part the body does not name by "cid:" (an
	 * image next to a text body): any multipart but an alternative
	 * may hold one. */
	if ((v = jheader(msg, "Content-Type")) != NULL &&
	    str_ncasecmp(v, "multipart/", 10) == 0 &&
	    str_ncasecmp(v + 10, "alternative", 11) != 0)
		return DETECT_NEED_ATTACHMENTS;
	return DETECT_NEED_NONE;
}
