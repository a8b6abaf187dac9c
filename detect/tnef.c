/*
 * tnef: the files inside a TNEF stream (winmail.dat, which Outlook sends
 * with a mail in Rich Text format as application/ms-tnef, and shows as
 * the mail's attachments): each one read as an attachment of its own,
 * named "winmail.dat > invoice.exe", under the limits of archives (the
 * depth, the files a message opens, the bytes it reads).
 *
 * Read here, within the stream's bounds, and not with libytnef (2.0, as
 * Debian 12 has it): on damaged input it prints to standard output,
 * where shindan-scan writes its JSON, and no caller can silence it; it
 * leaks what an attribute held when the attribute comes twice (libFuzzer
 * found that in seconds); after a failed attribute its sizes exceed its
 * buffers; and it gives up at a subject or a file's title over 100
 * bytes, an icon over 10,000 or a property over 512 KB, dropping every
 * attachment after it: a long subject hid the program that followed.
 *
 * The stream (MS-OXTNEF 2.1.3): a signature, a key, then attributes
 * (level, id, length, data, a checksum); the message's first, then each
 * attachment's, from its attAttachRendData to its attAttachment (its
 * MAPI properties: the long file name; the data of an attached message
 * or OLE object).  An attached message is a TNEF stream of its own, read
 * as one.  Nothing is allocated per attribute: a name or a file is a
 * slice of the stream until it is read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

#define LVL_MESSAGE		1
#define LVL_ATTACHMENT		2
#define ATT_OEM_CODEPAGE	0x00069007u
#define ATT_RENDDATA		0x00069002u
#define ATT_TITLE		0x00018010u
#define ATT_DATA		0x0006800fu
#define ATT_ATTACHMENT		0x00069005u
#define ATT_MSGPROPS		0x00069003u
#define ATT_BODY		0x0001800cu

#define TNEF_DATA_MAX	4	/* files an attachment may carry: its
				   attAttachData and PR_ATTACH_DATA (a
				   second copy is read too, since which one
				   Outlook keeps is not known) */
#define TNEF_NAME_MAX	1024	/* bytes of a name read */

/* IID_IMessage: the object is an attached message. */
static const unsigned char IID_MESSAGE[16] = { 0x07, 0x03, 0x02, 0x00, 0x00,
    0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46 };

/* A string of the stream: UTF-16LE, or 8-bit in the stream's code page. */
struct tstr {
	const unsigned char	*p;
	size_t			 n;
	int			 wide;
};

/* One attachment, as its attributes are met. */
struct tatt {
	struct tstr		 lname, title, dname;	/* title: also
						   PR_ATTACH_FILENAME */
	const unsigned char	*data[TNEF_DATA_MAX];
	size_t			 len[TNEF_DATA_MAX];
	int			 msg[TNEF_DATA_MAX];	/* a message */
	int			 ndata;
	int			 seen;			/* an attribute met */
};

struct tnef {
	struct detect_scan	*s;
	const char		*name;
	char			 cs[16];	/* charset of 8-bit strings */
	struct members		 mb;		/* its files, as read */
	int			 damaged;
	const char		*message;	/* a message not read */
};

/* A string as UTF-8 in the arena (to its first NUL), or NULL if empty. */
static const char *
tnef_str(struct tnef *t, const struct tstr *v)
{
	const char	*u;
	size_t		 n = 0, len;

	if (v->p == NULL)
		return NULL;
	if (v->wide)
		while (n + 1 < v->n && (v->p[n] != 0 || v->p[n + 1] != 0))
			n += 2;
	else
		while (n < v->n && v->p[n] != 0)
			n++;
	if (n == 0)
		return NULL;
	u = text_name_to_utf8(&t->s->a, v->wide ? "UTF-16LE" : t->cs,
	    (const char *)v->p, n, TNEF_NAME_MAX, &len);
	return len > 0 ? name_clip(&t->s->a, u, 255) : NULL;
}

/* The name Outlook shows: the long file name, else the title (the
 * short name), else the MAPI short name or display name. */
static const char *
tnef_name(struct tnef *t, const struct tatt *a)
{
	const struct tstr	*c[] = { &a->lname, &a->title, &a->dname };
	const char		*n;
	size_t			 i;

	for (i = 0; i < nitems(c); i++)
		if ((n = tnef_str(t, c[i])) != NULL)
			return n;
	return "(no name)";
}

static void
tnef_data(struct tnef *t, struct tatt *a, const unsigned char *p, size_t n,
    int msg)
{
	int	 i;

	/* The same bytes twice are one file. */
	for (i = 0; i < a->ndata; i++)
		if (a->len[i] == n && a->msg[i] == msg &&
		    memcmp(a->data[i], p, n) == 0)
			return;
	if (a->ndata == TNEF_DATA_MAX) {
		/* Outlook keeps the last copy: it takes the last slot. */
		msg_truncated(t->s, t->s->m, CUT_TNEF_DATA);
		a->ndata--;
	}
	a->data[a->ndata] = p;
	a->len[a->ndata] = n;
	a->msg[a->ndata++] = msg;
}

/* The padding after a value of n bytes, to a multiple of four. */
static size_t
pad4(size_t n)
{
	return (4 - n % 4) % 4;
}

/* The size of a value of a fixed-size type, padded as written; 0 for
 * a counted type, -1 for one not read here (the list cannot go on). */
static int
fixed_size(unsigned type)
{
	switch (type) {
	case 0x0001:	/* PtypNull: four bytes of nothing */
	case 0x0002:	/* PtypInteger16, padded */
	case 0x0003:	/* PtypInteger32 */
	case 0x0004:	/* PtypFloating32 */
	case 0x000a:	/* PtypErrorCode */
	case 0x000b:	/* PtypBoolean, padded */
		return 4;
	case 0x0005:	/* PtypFloating64 */
	case 0x0006:	/* PtypCurrency */
	case 0x0007:	/* PtypFloatingTime */
	case 0x0014:	/* PtypInteger64 */
	case 0x0040:	/* PtypTime */
		return 8;
	case 0x0048:	/* PtypGuid */
		return 16;
	case PT_OBJECT:
	case PT_STRING8:
	case PT_UNICODE:
	case PT_BINARY:
	case 0x00fb:	/* PtypServerId, counted as binary */
		return 0;
	default:
		return -1;
	}
}

/* A body of the stream (HTML or plain text) added to the message's
 * text, in the stream's code page or as UTF-16LE, to the text's limit. */
static void
tnef_text(struct tnef *t, const unsigned char *v, size_t n, int wide,
    int html)
{
	const char	*u;
	size_t		 len;

	if (n == 0)
		return;
	u = text_to_utf8(&t->s->a, wide ? "UTF-16LE" : html ? NULL : t->cs,
	    (const char *)v, n, DETECT_TEXT_MAX, &len);
	msg_add_text(t->s, t->s->m, u, len, html);
}

/* A value the walk wants: a name, or the data of the attachment. */
static void
tnef_keep(struct tnef *t, struct tatt *a, unsigned id, unsigned type,
    const unsigned char *v, size_t n)
{
	struct tstr	 str = { v, n, type == PT_UNICODE };

	if (a == NULL) {
		/* The message's own properties: its body, which Outlook
		 * shows instead of the MIME text beside the stream. */
		if ((id == PR_BODY || id == PR_HTML) && (type == PT_STRING8 ||
		    type == PT_UNICODE || type == PT_BINARY))
			tnef_text(t, v, n, type == PT_UNICODE, id == PR_HTML);
		else if (id == PR_RTF_COMPRESSED && type == PT_BINARY)
			(void)rtf_compressed_body(t->s, v, n, DETECT_TEXT_MAX);
		return;
	}
	if (type == PT_STRING8 || type == PT_UNICODE) {
		if (id == PR_ATTACH_LONG_FILENAME)
			a->lname = str;
		else if (id == PR_ATTACH_FILENAME)
			/* attAttachTitle is this very property (MS-OXTNEF
			 * 2.1.3.4.1): the later one counts. */
			a->title = str;
		else if (id == PR_DISPLAY_NAME)
			a->dname = str;
	} else if (id == PR_ATTACH_DATA && type == PT_BINARY)
		tnef_data(t, a, v, n, 0);
	else if (id == PR_ATTACH_DATA && type == PT_OBJECT && n >= 16)
		/* The object's interface first: a message, or an OLE
		 * storage (a compound file, read as one). */
		tnef_data(t, a, v + 16, n - 16,
		    memcmp(v, IID_MESSAGE, 16) == 0);
}

/*
 * An attachment's MAPI properties (attAttachment, MS-OXTNEF 2.1.3.4): a
 * count, then each property's tag, its name when it is a named one, and
 * its values (a count of them first when it has several or is of a
 * counted type).  What the walk wants is kept as it is met; -1 when the
 * list breaks off (what came before is kept).  Every value read takes
 * four bytes or more, so a count cannot make the loops outlast the data.
 */
static int
tnef_props(struct tnef *t, const unsigned char *p, size_t n, struct tatt *a)
{
	size_t		 off = 4, count, i, nv, k, sz;
	unsigned	 type, id;
	int		 fs;

	if (n < 4)
		return -1;
	count = le32(p);
	for (i = 0; i < count; i++) {
		if (n - off < 4)
			return -1;
		type = p[off] | p[off + 1] << 8;
		id = p[off + 2] | p[off + 3] << 8;
		off += 4;
		if (id >= 0x8000) {
			/* A named property: its GUID, then a number or a
			 * name (UTF-16, padded). */
			if (n - off < 24)
				return -1;
			sz = le32(p + off + 16);
			off += 20;
			if (sz == 1) {
				sz = le32(p + off);
				off += 4;
				if (sz > n - off || pad4(sz) > n - off - sz)
					return -1;
				off += sz + pad4(sz);
			} else if (sz == 0)
				off += 4;
			else
				return -1;
		}
		if ((fs = fixed_size(type & ~PT_MV)) < 0)
			return -1;
		nv = 1;
		if ((type & PT_MV) || fs == 0) {
			if (n - off < 4)
				return -1;
			nv = le32(p + off);
			off += 4;
		}
		for (k = 0; k < nv; k++) {
			if (fs > 0) {
				if ((size_t)fs > n - off)
					return -1;
				off += (size_t)fs;
				continue;
			}
			if (n - off < 4)
				return -1;
			sz = le32(p + off);
			off += 4;
			if (sz > n - off)
				return -1;
			if (k == 0 && !(type & PT_MV))
				tnef_keep(t, a, id, type, p + off, sz);
			off += sz;
			/* The last value's padding may be cut off. */
			off += pad4(sz) < n - off ? pad4(sz) : n - off;
		}
	}
	return 0;
}

/* An attachment whose attributes are all met: its files read. */
static int
tnef_flush(struct tnef *t, const struct tatt *a)
{
	const struct tstr	*c[] = { &a->lname, &a->title, &a->dname };
	const char		*shown = tnef_name(t, a), *other;
	const char		*full = arena_printf(&t->s->a, "%s > %s",
				    t->name, shown);
	size_t			 k;
	int			 i;

	/* Outlook shows the display name, saves under the long name: a
	 * name the file is not read under is checked as a name. */
	for (k = 0; k < nitems(c); k++)
		if ((other = tnef_str(t, c[k])) != NULL &&
		    !name_same_ext(other, shown) &&
		    members_name(&t->mb, arena_printf(&t->s->a, "%s > %s", t->name,
		    other)) < 0)
			return -1;
	/* No data (cut off, or a link to a file elsewhere): the name
	 * still tells. */
	if (a->ndata == 0)
		return members_name(&t->mb, full);
	for (i = 0; i < a->ndata; i++) {
		/* An attached message is read when it is a TNEF stream
		 * (as Outlook writes it); else it is only named. */
		if (a->msg[i] && !tnef_is(a->data[i], a->len[i])) {
			if (t->message == NULL)
				t->message = full;
			if (members_name(&t->mb, full) < 0)
				return -1;
			continue;
		}
		if (members_file(&t->mb, full, a->data[i], a->len[i]) < 0)
			return -1;
	}
	return 0;
}

static void
tnef_codepage(struct tnef *t, uint32_t cp)
{
	char	 b[16];

	if (cp != 0)
		snprintf(t->cs, sizeof(t->cs), "%s",
		    codepage_charset(cp, b, sizeof(b)));
}

int
tnef_is(const unsigned char *p, size_t n)
{
	return n >= 4 && memcmp(p, "\x78\x9f\x3e\x22", 4) == 0;
}

static const char *
tnef_sha(struct tnef *t, const unsigned char *p, size_t n)
{
	char	 h[65];

	sha256_hex(p, n, h);
	return arena_strdup(&t->s->a, h);
}

/*
 * The body of a TNEF stream, read with the message's text before it is
 * analysed (mime.c calls this as it meets the part): Outlook shows the
 * stream's body (attBody, PR_BODY, PR_HTML among attMsgProps) rather
 * than the MIME text beside it, so its links and words count; the
 * compressed RTF body (PR_RTF_COMPRESSED) too, through rtf.c.  Damage
 * is left to tnef_walk() to report.
 */
void
tnef_body(struct detect_scan *s, const unsigned char *p, size_t n)
{
	struct tnef	 t;
	size_t		 off = 6, len;
	uint32_t	 id;

	memset(&t, 0, sizeof(t));
	t.s = t.mb.s = s;
	snprintf(t.cs, sizeof(t.cs), "CP1252");
	while (n >= 6 && n - off >= 9) {
		id = le32(p + off + 1);
		len = le32(p + off + 5);
		if (p[off] != LVL_MESSAGE && p[off] != LVL_ATTACHMENT)
			break;
		off += 9;
		if (len > n - off)
			len = n - off;
		if (p[off - 9] == LVL_MESSAGE) {
			if (id == ATT_OEM_CODEPAGE && len >= 4)
				tnef_codepage(&t, le32(p + off));
			else if (id == ATT_BODY)
				tnef_text(&t, p + off, len, 0, 0);
			else if (id == ATT_MSGPROPS)
				(void)tnef_props(&t, p + off, len, NULL);
		} else if (id == ATT_DATA && item_is(p + off, len))
			/* An Outlook item attached: Outlook shows its body
			 * when it is opened, as it does a MIME one's. */
			item_body(s, p + off, len);
		if (n - off - len < 2)
			break;
		off += len + 2;
	}
}

void
tnef_walk(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n)
{
	struct tnef	 t;
	struct tatt	 a;
	size_t		 off = 6, len, i;
	unsigned	 lvl, sum;
	uint32_t	 id;
	int		 last = 0;

	memset(&t, 0, sizeof(t));
	memset(&a, 0, sizeof(a));
	t.s = t.mb.s = s;
	t.name = name;
	snprintf(t.cs, sizeof(t.cs), "CP1252");
	if (s->depth >= DETECT_ARCHIVE_DEPTH) {
		char d[8];

		snprintf(d, sizeof(d), "%d", DETECT_ARCHIVE_DEPTH);
		finding_add(s, R_ATT_ARCHIVE_DEEP, &(struct fargs){
		    .name = name, .detail = d, .sha256 = tnef_sha(&t, p, n) });
		t.mb.names_only = 1;
	}
	if (n < 6)
		t.damaged = 1;
	while (off < n && !last) {
		if (n - off < 9) {
			t.damaged = 1;
			break;
		}
		lvl = p[off];
		id = le32(p + off + 1);
		len = le32(p + off + 5);
		if (lvl != LVL_MESSAGE && lvl != LVL_ATTACHMENT) {
			t.damaged = 1;
			break;
		}
		off += 9;
		/* Cut short (a part kept in part, a damaged stream): what
		 * there is is read, the file's first bytes too. */
		if (len > n - off || n - off - len < 2) {
			if (len > n - off)
				len = n - off;
			t.damaged = last = 1;
		} else {
			for (i = 0, sum = 0; i < len; i++)
				sum += p[off + i];
			/* A wrong checksum: read all the same, as a reader
			 * that does not check it would show the file. */
			if ((sum & 0xffff) != (unsigned)(p[off + len] |
			    p[off + len + 1] << 8))
				t.damaged = 1;
		}
		if (lvl == LVL_MESSAGE) {
			/* The code page of its 8-bit strings (932 for
			 * Japanese names). */
			if (id == ATT_OEM_CODEPAGE && len >= 4)
				tnef_codepage(&t, le32(p + off));
		} else if (id == ATT_RENDDATA) {
			/* The next attachment begins. */
			if (a.seen && tnef_flush(&t, &a) < 0)
				goto out;
			memset(&a, 0, sizeof(a));
			a.seen = 1;
		} else if (id == ATT_TITLE) {
			a.title = (struct tstr){ p + off, len, 0 };
			a.seen = 1;
		} else if (id == ATT_DATA) {
			tnef_data(&t, &a, p + off, len, 0);
			a.seen = 1;
		} else if (id == ATT_ATTACHMENT) {
			if (tnef_props(&t, p + off, len, &a) < 0)
				t.damaged = 1;
			a.seen = 1;
		}
		off += len + 2;
	}
	if (a.seen)
		tnef_flush(&t, &a);
out:
	if (members_over(&t.mb))
		members_report(&t.mb, name, tnef_sha(&t, p, n));
	else if (t.damaged)
		finding_add(s, R_ATT_ARCHIVE_UNREAD, &(struct fargs){
		    .name = name, .sha256 = tnef_sha(&t, p, n),
		    .detail = "it is damaged",
		    .detail_ja = "壊れています" });
	if (t.message != NULL)
		finding_add(s, R_ATT_ARCHIVE_UNREAD, &(struct fargs){
		    .name = name, .sha256 = tnef_sha(&t, p, n),
		    .detail = arena_printf(&s->a, "the attached message "
		    "\"%s\" is in a form not read", t.message),
		    .detail_ja = arena_printf(&s->a, "添付されたメッセージ"
		    "「%s」は読めない形式です", t.message) });
}
