/*
 * item: Outlook items, the .msg files (MS-OXMSG) that Outlook attaches
 * when a mail is forwarded "as attachment" or dragged into another, and
 * that users send to their IT desk.  Such a file is a compound file: its
 * root storage holds the item's properties as streams ("__substg1.0_"
 * and the property's tag: the subject 0037, the text body 1000, the HTML
 * body 1013, the compressed RTF body 1009), each attachment in a storage
 * of its own ("__attach_version1.0_#" and its number: the file's bytes in
 * 3701 of type binary, its names in 3707, 3704 and 3001) and an attached
 * item in its attachment's storage 3701 of type object, read the same way
 * within the archive depth.  Outlook opens the item and shows its body
 * and attachments; the engine saw a compound file with no macros, and a
 * program or a phishing page inside it passed.
 *
 * The item's subject and bodies (and those of the items attached to it)
 * are read with the message's text as the message's parts are met (as
 * mime.c reads an attached RFC 822 message; an item inside an archive
 * is not met so, and only its files are read); its files are read as
 * attachments named "item.msg > invoice.exe", charged as archive entries
 * (struct members).  Strings of type 001E are in the item's code page
 * (PR_INTERNET_CPID, else PR_MESSAGE_CODEPAGE, else Windows-1252).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "internal.h"
#include "util.h"

#define PT_STRING8		0x001eu
#define PT_UNICODE		0x001fu
#define PT_BINARY		0x0102u
#define PT_LONG			0x0003u
#define PR_SUBJECT		0x0037u
#define PR_SENT_REPRESENTING_NAME	0x0042u
#define PR_TRANSPORT_HEADERS	0x007du
#define PR_SENDER_NAME		0x0c1au
#define PR_SENDER_EMAIL_ADDRESS	0x0c1fu
#define PR_SENDER_SMTP_ADDRESS	0x5d01u
#define PR_BODY			0x1000u
#define PR_RTF_COMPRESSED	0x1009u
#define PR_HTML			0x1013u
#define PR_DISPLAY_NAME		0x3001u
#define PR_ATTACH_DATA		0x3701u
#define PR_ATTACH_FILENAME	0x3704u
#define PR_ATTACH_LONG_FILENAME	0x3707u
#define PR_INTERNET_CPID	0x3fdeu
#define PR_MESSAGE_CODEPAGE	0x3ffdu
#define PROPS			"__properties_version1.0"
#define ATTACH			"__attach_version1.0_#"
#define ITEM_NAME_MAX		2048	/* bytes of a name read */
#define ITEM_SUBJECT_MAX	1024	/* bytes of a subject read */
#define ITEM_NAMES_DEPTH	16	/* items named past the depth */
#define ITEM_HEADERS_MAX	(256u << 10)	/* bytes of headers kept */
#define ITEM_TEXT_MAX		(2 * DETECT_TEXT_MAX)	/* items' text a
							   message reads */

struct item {
	struct detect_scan	*s;
	struct ole_dir		 d;
	struct members		 mb;
	int			 text;		/* the text pass */
	int			 depth;		/* ... its items deep */
	size_t			 items;		/* ... its items read */
	int			 deep;		/* items walked past the depth */
	int			 parts;		/* the item is the message: its
						   files are its parts */
	int			 own_subject;	/* ... and its subject is the
						   message's */
};

/* Does the directory entry's name begin with pre (ASCII, in any case,
 * as compound files compare names)? */
static int
named_prefix(const unsigned char *e, const char *pre)
{
	size_t	 l = strlen(pre), i, n = (size_t)(e[64] | e[65] << 8);

	if (n < (l + 1) * 2 || n > 64)
		return 0;
	for (i = 0; i < l; i++)
		if (e[2 * i + 1] != 0 || toupper(e[2 * i]) !=
		    toupper((unsigned char)pre[i]))
			return 0;
	return 1;
}

/* The stream of property id and type in storage stg: its bytes (at most
 * cap) to free, or NULL. */
static unsigned char *
prop(struct item *it, size_t stg, unsigned id, unsigned type, size_t cap,
    size_t *len)
{
	char	 nm[32];
	long	 k;

	snprintf(nm, sizeof(nm), "__substg1.0_%04X%04X", id, type);
	if ((k = ole_dir_child(&it->d, stg, nm, 2)) < 0)
		return NULL;
	return ole_dir_read(&it->d, (size_t)k, cap, len);
}

/*
 * The code page of the item in storage stg (its 8-bit strings): a fixed
 * property of the property stream, whose header is 32 bytes at the top
 * and 24 in an attached item (MS-OXMSG 2.4.1), then 16 bytes a property.
 */
static void
codepage(struct item *it, size_t stg, int top, char *cs, size_t cssz)
{
	unsigned char	*p;
	size_t		 n, off;
	uint32_t	 tag, cp = 0, mcp = 0;
	long		 k;

	snprintf(cs, cssz, "CP1252");
	if ((k = ole_dir_child(&it->d, stg, PROPS, 2)) < 0 ||
	    (p = ole_dir_read(&it->d, (size_t)k, 1u << 20, &n)) == NULL)
		return;
	for (off = top ? 32 : 24; off + 16 <= n; off += 16) {
		tag = le32(p + off);
		if (tag == (PR_INTERNET_CPID << 16 | PT_LONG))
			cp = le32(p + off + 8);
		else if (tag == (PR_MESSAGE_CODEPAGE << 16 | PT_LONG))
			mcp = le32(p + off + 8);
	}
	free(p);
	if (cp == 0)
		cp = mcp;
	if (cp == 65001)
		snprintf(cs, cssz, "UTF-8");
	else if (cp != 0 && cp < 100000)
		snprintf(cs, cssz, "CP%u", (unsigned)cp);
}

/* A string property as UTF-8 in the arena (at most max bytes read), or
 * NULL.  name: a name's bytes (no byte order mark read from them). */
static const char *
string(struct item *it, size_t stg, unsigned id, const char *cs,
    size_t max, int name, size_t *len)
{
	unsigned char	*p;
	const char	*u;
	size_t		 n, ulen;
	int		 wide = 1;

	if ((p = prop(it, stg, id, PT_UNICODE, max, &n)) == NULL) {
		wide = 0;
		if ((p = prop(it, stg, id, PT_STRING8, max, &n)) == NULL)
			return NULL;
	}
	/* A terminating NUL written into the stream is no character. */
	while (n >= (wide ? 2u : 1u) && p[n - 1] == 0 && (!wide ||
	    p[n - 2] == 0))
		n -= wide ? 2 : 1;
	if (n == 0) {
		free(p);
		return NULL;
	}
	u = (name ? text_name_to_utf8 : text_to_utf8)(&it->s->a,
	    wide ? "UTF-16LE" : cs, (const char *)p, n, max * 2, &ulen);
	free(p);
	if (len != NULL)
		*len = ulen;
	return u;
}

/*
 * What is left of the message's inflate budget for an item's text, at
 * most cap: an item's bodies are charged to it as they are read (one
 * stream may be every item's body: 450 items sharing a 1 MB one read
 * 450 MB), and to ITEM_TEXT_MAX, the text a message's items may give
 * (2 MB of mail gave 64 MB of pages to read); when either is spent that
 * is said.
 */
static size_t
text_room(struct detect_scan *s, size_t cap)
{
	size_t	 left = DETECT_ARCHIVE_TOTAL > s->inflated ?
		    DETECT_ARCHIVE_TOTAL - s->inflated : 0;

	if (left > ITEM_TEXT_MAX - s->item_text)
		left = ITEM_TEXT_MAX - s->item_text;
	if (left == 0)
		msg_truncated(s, s->m, CUT_INFLATED);
	return left < cap ? left : cap;
}

/* n bytes of an item's text read. */
static void
text_spent(struct detect_scan *s, size_t n)
{
	s->inflated += n;
	s->item_text += n < ITEM_TEXT_MAX - s->item_text ? n :
	    ITEM_TEXT_MAX - s->item_text;
}

/* The item's subject (when subj) and bodies, read with the message's
 * text and charged to its inflate budget. */
static void
item_text(struct item *it, size_t stg, const char *cs, int subj)
{
	struct detect_scan	*s = it->s;
	const char		*u;
	unsigned char		*p;
	size_t			 n, room;

	if (subj && (room = text_room(s, ITEM_SUBJECT_MAX)) > 0 &&
	    (u = string(it, stg, PR_SUBJECT, cs, room, 1, &n)) != NULL) {
		text_spent(s, n);
		msg_add_text(s, s->m, u, n, 0);
	}
	if ((room = text_room(s, DETECT_TEXT_MAX)) > 0 &&
	    (u = string(it, stg, PR_BODY, cs, room, 0, &n)) != NULL) {
		text_spent(s, n);
		msg_add_text(s, s->m, u, n, 0);
	}
	/* The HTML body is binary: bytes in the page's own charset. */
	if ((room = text_room(s, DETECT_TEXT_MAX)) == 0)
		return;
	if ((p = prop(it, stg, PR_HTML, PT_BINARY, room, &n)) != NULL) {
		text_spent(s, n);
		u = text_to_utf8(&s->a, NULL, (const char *)p, n,
		    DETECT_TEXT_MAX, &n);
		free(p);
		msg_add_text(s, s->m, u, n, 1);
	} else if ((u = string(it, stg, PR_HTML, cs, room, 0, &n)) != NULL) {
		text_spent(s, n);
		msg_add_text(s, s->m, u, n, 1);
	}
	/* The compressed body: its bytes, then what they inflate to. */
	if ((room = text_room(s, DETECT_ARCHIVE_TOTAL)) > 0 &&
	    (p = prop(it, stg, PR_RTF_COMPRESSED, PT_BINARY, room, &n)) !=
	    NULL) {
		text_spent(s, n);
		n = rtf_compressed_body(s, p, n, text_room(s, DETECT_TEXT_MAX));
		s->item_text += n < ITEM_TEXT_MAX - s->item_text ? n :
		    ITEM_TEXT_MAX - s->item_text;
		free(p);
	}
}

static int	 item_walk(struct item *, size_t, const char *, int);

/* s as base64, for an encoded word. */
static const char *
b64_arena(struct arena *a, const char *s)
{
	size_t	 n = strlen(s), bl;
	char	*b;

	bl = sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL);
	b = arena_alloc(a, bl);
	sodium_bin2base64(b, bl, (const unsigned char *)s, n,
	    sodium_base64_VARIANT_ORIGINAL);
	return b;
}

/* A file of the item that is the message: one of the message's parts,
 * as the MIME adapter makes one. */
static int
item_part(struct item *it, const char *name, const unsigned char *p,
    size_t n)
{
	struct detect_scan	*s = it->s;
	struct dpart		*dp;
	unsigned char		*copy;

	if ((dp = msg_add_part(s, s->m)) == NULL) {
		attach_name_check(s, name, NULL);
		return 0;
	}
	if (n > DETECT_PART_MAX) {
		dp->truncated = 1;
		msg_truncated(s, s->m, CUT_PART);
	}
	dp->size = n;
	dp->len = n < DETECT_PART_MAX ? n : DETECT_PART_MAX;
	copy = arena_alloc(&s->a, dp->len + 1);
	memcpy(copy, p, dp->len);
	copy[dp->len] = '\0';
	dp->data = copy;
	sha256_hex(p, n, dp->sha256);
	dp->ctype = "application/octet-stream";
	dp->name = name_clip(&s->a, name, 255);
	msg_part_bodies(s, dp);
	return 0;
}
static long	 attached_item(struct item *, size_t);

/*
 * One attachment's storage: its file read, or its item walked.  -1 when
 * the names a message checks are spent (the walk stops).
 */
static int
attachment(struct item *it, size_t stg, const char *parent, const char *cs)
{
	struct detect_scan	*s = it->s;
	const char		*nm[3], *shown = NULL, *full;
	static const unsigned	 ids[3] = { PR_ATTACH_LONG_FILENAME,
				    PR_ATTACH_FILENAME, PR_DISPLAY_NAME };
	unsigned char		*p;
	size_t			 n, i;
	long			 k;
	int			 rc = 0, saved;

	for (i = 0; i < nitems(ids); i++) {
		nm[i] = string(it, stg, ids[i], cs, ITEM_NAME_MAX, 1, NULL);
		if (shown == NULL && nm[i] != NULL)
			shown = nm[i];
	}
	if (shown == NULL)
		shown = "(no name)";
	full = *parent == '\0' ? shown : arena_printf(&s->a, "%s > %s",
	    parent, shown);
	/* Outlook shows the display name and saves under the long name:
	 * a name the file is not read under is checked as a name. */
	for (i = 0; i < nitems(nm); i++)
		if (nm[i] != NULL && nm[i] != shown && !name_same_ext(nm[i],
		    shown) && members_name(&it->mb, *parent == '\0' ? nm[i] :
		    arena_printf(&s->a, "%s > %s", parent, nm[i])) < 0)
			return -1;
	if ((p = prop(it, stg, PR_ATTACH_DATA, PT_BINARY,
	    DETECT_ARCHIVE_TOTAL + 1, &n)) != NULL) {
		if (it->parts)
			rc = item_part(it, full, p, n);
		else
			rc = members_file(&it->mb, full, p, n);
		free(p);
		return rc;
	}
	/* An attached item (or an OLE object, which is only named). */
	if ((k = attached_item(it, stg)) < 0)
		return members_name(&it->mb, full);
	if (it->mb.names_only || s->depth >= DETECT_ARCHIVE_DEPTH) {
		/* Past the depth its files are named only, down to a hard
		 * stop (a storage may hold itself); each item walked so is
		 * charged as a name. */
		if (it->deep >= ITEM_NAMES_DEPTH)
			return members_name(&it->mb, full);
		if (!it->mb.names_only) {
			char d[8];

			snprintf(d, sizeof(d), "%d", DETECT_ARCHIVE_DEPTH);
			finding_add(s, R_ATT_ARCHIVE_DEEP, &(struct fargs){
			    .name = full, .detail = d });
		}
		if (members_name(&it->mb, full) < 0)
			return -1;
		saved = it->mb.names_only;
		it->mb.names_only = 1;
		it->deep++;
		rc = item_walk(it, (size_t)k, full, 0);
		it->deep--;
		it->mb.names_only = saved;
		return rc;
	}
	if (s->arc_files >= DETECT_ARCHIVE_FILES) {
		it->mb.unread++;
		return members_name(&it->mb, full);
	}
	s->arc_files++;
	s->depth++;
	rc = item_walk(it, (size_t)k, full, 0);
	s->depth--;
	return rc;
}

/* An attached item's storage (3701 of type object) in the attachment's
 * storage stg, or -1 (a file, or an OLE object). */
static long
attached_item(struct item *it, size_t stg)
{
	long	 k;

	if ((k = ole_dir_child(&it->d, stg, "__substg1.0_3701000D", 1)) < 0 ||
	    ole_dir_child(&it->d, (size_t)k, PROPS, 2) < 0)
		return -1;
	return k;
}

/*
 * An item's storage.  The text pass reads its subject and bodies and
 * those of the items attached to it (DETECT_ARCHIVE_DEPTH deep,
 * DETECT_ARCHIVE_FILES items); the other reads its attachments in their
 * order.
 */
static int
item_walk(struct item *it, size_t stg, const char *name, int top)
{
	char		 cs[16];
	const uint32_t	*kid;
	size_t		 n, i;
	long		 k;
	int		 rc = 0;

	codepage(it, stg, top, cs, sizeof(cs));
	if (it->text)
		item_text(it, stg, cs, !(top && it->own_subject));
	n = ole_dir_children(&it->d, stg, &kid);
	for (i = 0; i < n && rc == 0; i++) {
		if (it->d.ent[kid[i]][66] != 1 ||
		    !named_prefix(it->d.ent[kid[i]], ATTACH))
			continue;
		if (!it->text)
			rc = attachment(it, kid[i], name, cs);
		else if (it->depth < DETECT_ARCHIVE_DEPTH &&
		    it->items < DETECT_ARCHIVE_FILES &&
		    (k = attached_item(it, kid[i])) >= 0) {
			it->items++;
			it->depth++;
			(void)item_walk(it, (size_t)k, name, 0);
			it->depth--;
		}
	}
	return rc;
}

/* Is this compound file an Outlook item (a property stream at its
 * root)? */
int
item_is(const unsigned char *p, size_t n)
{
	return ole_has(p, n, PROPS);
}

/* The text an item shows, read with the message's text before the
 * analyzers run (msg_part_bodies()). */
void
item_body(struct detect_scan *s, const unsigned char *p, size_t n)
{
	struct item	 it;

	memset(&it, 0, sizeof(it));
	it.s = it.mb.s = s;
	it.text = 1;
	if (ole_dir_open(&it.d, p, n) < 0)
		return;
	(void)item_walk(&it, 0, "", 1);
	ole_dir_close(&it.d);
}

/*
 * An Outlook item given as the message itself (a .msg file of an
 * export, `shindan-scan item.msg`): its headers as it kept them
 * (PR_TRANSPORT_MESSAGE_HEADERS, read by the MIME adapter without their
 * Content-* lines), else a From and a Subject made of its properties;
 * its bodies as the message's text; its files as the message's parts,
 * the items attached to it walked as above.
 */
void
item_message(struct detect_scan *s, const unsigned char *p, size_t n)
{
	struct item	 it;
	struct buf	 h;
	const char	*v, *e, *name, *addr;
	char		 cs[16];
	size_t		 len;

	memset(&it, 0, sizeof(it));
	it.s = it.mb.s = s;
	if (ole_dir_open(&it.d, p, n) < 0)
		return;
	codepage(&it, 0, 1, cs, sizeof(cs));
	buf_init(&h, ITEM_HEADERS_MAX + 256);
	if ((v = string(&it, 0, PR_TRANSPORT_HEADERS, cs, ITEM_HEADERS_MAX, 0,
	    &len)) != NULL) {
		/* Each header line with its continuation lines; the
		 * Content-* ones describe a body that is not here. */
		int skip = 0;

		for (e = v + len; v < e; ) {
			const char *nl = memchr(v, '\n', (size_t)(e - v));
			size_t k = nl != NULL ? (size_t)(nl - v) + 1 :
			    (size_t)(e - v);

			if (*v != ' ' && *v != '\t')
				skip = str_ncasecmp(v, "Content-", 8) == 0 ||
				    str_ncasecmp(v, "MIME-Version:", 13) == 0;
			if (k > 0 && (*v == '\r' || *v == '\n'))
				break;		/* the headers' end */
			if (!skip)
				buf_add(&h, v, k);
			v += k;
		}
	} else {
		name = string(&it, 0, PR_SENT_REPRESENTING_NAME, cs, 1024, 1,
		    NULL);
		addr = string(&it, 0, PR_SENDER_SMTP_ADDRESS, cs, 1024, 1,
		    NULL);
		if (addr == NULL || strchr(addr, '@') == NULL)
			addr = string(&it, 0, PR_SENDER_EMAIL_ADDRESS, cs, 1024,
			    1, NULL);
		if (name == NULL)
			name = string(&it, 0, PR_SENDER_NAME, cs, 1024, 1,
			    NULL);
		if (addr != NULL && strchr(addr, '@') != NULL &&
		    strpbrk(addr, "<>\r\n\"") == NULL) {
			buf_adds(&h, "From: ");
			if (name != NULL && strpbrk(name, "\r\n") == NULL)
				buf_addf(&h, "=?UTF-8?B?%s?= ",
				    b64_arena(&s->a, name));
			buf_addf(&h, "<%s>\r\n", addr);
		}
	}
	buf_adds(&h, "MIME-Version: 1.0\r\nContent-Type: text/plain; "
	    "charset=utf-8\r\n\r\n");
	mime_parse(s, arena_strndup(&s->a, h.ptr, h.len), h.len, s->m);
	buf_release(&h);
	if (s->m->subject == NULL && (v = string(&it, 0, PR_SUBJECT, cs,
	    ITEM_SUBJECT_MAX, 1, NULL)) != NULL)
		s->m->subject = v;
	/* Its bodies and those of the items attached to it (its subject
	 * is the message's), then its files. */
	it.text = it.own_subject = 1;
	(void)item_walk(&it, 0, "", 1);
	it.text = 0;
	it.parts = 1;
	(void)item_walk(&it, 0, "", 1);
	ole_dir_close(&it.d);
	if (members_over(&it.mb))
		members_report(&it.mb, "(the message)", NULL);
}

/* The files an item holds, read as attachments. */
void
item_read(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n, const char *sha)
{
	struct item	 it;

	memset(&it, 0, sizeof(it));
	it.s = it.mb.s = s;
	if (ole_dir_open(&it.d, p, n) < 0)
		return;
	if (s->depth >= DETECT_ARCHIVE_DEPTH)
		it.mb.names_only = 1;
	(void)item_walk(&it, 0, name, 1);
	ole_dir_close(&it.d);
	if (members_over(&it.mb))
		members_report(&it.mb, name, sha);
}
