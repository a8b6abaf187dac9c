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

#include "internal.h"
#include "util.h"

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
	if (cp != 0 && cp < 100000)
		codepage_charset(cp, cs, cssz);
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
	if (name)
		u = text_name_to_utf8(&it->s->a, wide ? "UTF-16LE" : cs,
		    (const char *)p, n, max * 2, &ulen);
	else
		u = text_to_utf8(&it->s->a, wide ? "UTF-16LE" : cs,
		    (const char *)p, n, max * 2, &ulen);
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
	s->inflated += n;
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
static int	 ole_object(struct item *, size_t, const char *);

/*
 * A package's file (MS-OLEDS 2.3.6, the Packager's native data, as
 * oletools reads it): a size, 2 bytes, the label and the source path
 * (NUL-terminated), 8 bytes, the temporary path (NUL-terminated), the
 * file's size and bytes.  Its name (the label, else the path's last
 * part) in *name; NULL when it is no package.
 */
static const unsigned char *
package(struct item *it, const unsigned char *p, size_t n, const char **name,
    size_t *len)
{
	const unsigned char	*label, *path, *e = p + n, *q;
	uint32_t		 size;

	if (n < 6)
		return NULL;
	q = p + 6;
	label = q;
	if ((q = memchr(q, 0, (size_t)(e - q))) == NULL)
		return NULL;
	path = ++q;
	if ((q = memchr(q, 0, (size_t)(e - q))) == NULL || e - ++q < 8)
		return NULL;
	q += 8;
	if ((q = memchr(q, 0, (size_t)(e - q))) == NULL || e - ++q < 4)
		return NULL;
	size = le32(q);
	q += 4;
	*len = size < (size_t)(e - q) ? size : (size_t)(e - q);
	if (*label != '\0')
		*name = text_name_to_utf8(&it->s->a, "CP1252",
		    (const char *)label, strlen((const char *)label), 1024,
		    &n);
	else {
		const char *b = strrchr((const char *)path, '\\');

		b = b != NULL ? b + 1 : (const char *)path;
		*name = text_name_to_utf8(&it->s->a, "CP1252", b, strlen(b),
		    1024, &n);
	}
	return q;
}

/*
 * An attachment that is an OLE object (3701 of type object holding no
 * item): a package's file read as an attachment (a program packaged
 * under a document's name, Outlook shows its icon), a document with
 * macros said so; anything else only named.
 */
static int
ole_object(struct item *it, size_t stg, const char *full)
{
	struct detect_scan	*s = it->s;
	const unsigned char	*f;
	const char		*fname = NULL;
	unsigned char		*p;
	size_t			 n, flen, left;
	long			 k, nat;
	int			 rc;

	if ((k = ole_dir_child(&it->d, stg, "__substg1.0_3701000D", 1)) < 0)
		return members_name(&it->mb, full);
	if (ole_dir_child(&it->d, (size_t)k, "Macros", 1) >= 0 ||
	    ole_dir_child(&it->d, (size_t)k, "_VBA_PROJECT_CUR", 1) >= 0 ||
	    ole_dir_child(&it->d, (size_t)k, "VBA", 1) >= 0)
		finding_add(s, R_ATT_MACRO, &(struct fargs){ .name = full,
		    .type = "OLE object", .type_ja = "OLE オブジェクト" });
	left = DETECT_ARCHIVE_TOTAL > s->inflated ? DETECT_ARCHIVE_TOTAL -
	    s->inflated : 0;
	if ((nat = ole_dir_child(&it->d, (size_t)k, "\001Ole10Native", 2)) <
	    0 || left == 0 || (p = ole_dir_read(&it->d, (size_t)nat, left,
	    &n)) == NULL)
		return members_name(&it->mb, full);
	finding_add(s, R_ATT_OLE_OBJECT, &(struct fargs){ .name = full,
	    .detail = "Ole10Native package" });
	if ((f = package(it, p, n, &fname, &flen)) == NULL) {
		free(p);
		return members_name(&it->mb, full);
	}
	full = arena_printf(&s->a, "%s > %s", full, fname);
	rc = it->parts ? item_part(it, full, f, flen) :
	    members_file(&it->mb, full, f, flen);
	free(p);
	return rc;
}

/*
 * One attachment's storage: its file read, or its item walked.  -1 when
 * the names a message checks are spent (the walk stops).
 */
static int
attachment(struct item *it, size_t stg, const char *parent, const char *cs)
{
	/* The names it is shown and saved under; a file attached by
	 * reference is named by its path (its bytes are elsewhere). */
	static const unsigned	 ids[5] = { PR_ATTACH_LONG_FILENAME,
				    PR_ATTACH_FILENAME, PR_DISPLAY_NAME,
				    PR_ATTACH_LONG_PATHNAME, PR_ATTACH_PATHNAME };
	static const unsigned char none[1];
	struct detect_scan	*s = it->s;
	const char		*nm[5], *shown = NULL, *full;
	size_t			 left;
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
	/* Its bytes, read only when they may be analysed: past the parts,
	 * files or bytes a message reads (one stream may be every
	 * attachment's), the name alone is checked. */
	left = DETECT_ARCHIVE_TOTAL > s->inflated ? DETECT_ARCHIVE_TOTAL -
	    s->inflated : 0;
	if (ole_dir_child(&it->d, stg, "__substg1.0_37010102", 2) >= 0) {
		if (it->parts && (s->m->nparts >= DETECT_PARTS_MAX ||
		    left == 0)) {
			if (left == 0)
				msg_truncated(s, s->m, CUT_INFLATED);
			return members_name(&it->mb, full);
		}
		if (!it->parts && (it->mb.names_only || s->arc_files >=
		    DETECT_ARCHIVE_FILES))
			return members_file(&it->mb, full, none, 0);
		if ((p = prop(it, stg, PR_ATTACH_DATA, PT_BINARY, it->parts ?
		    (left <= DETECT_PART_MAX ? left : DETECT_PART_MAX + 1) :
		    left + 1, &n)) != NULL) {
			if (it->parts)
				rc = item_part(it, full, p, n);
			else
				rc = members_file(&it->mb, full, p, n);
			free(p);
			return rc;
		}
	}
	/* An attached item, or an OLE object. */
	if ((k = attached_item(it, stg)) < 0)
		return ole_object(it, stg, full);
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

/* An address property that is an SMTP address (an Exchange one, an
 * X.500 name, is not), or NULL. */
static const char *
smtp(struct item *it, unsigned id, const char *cs)
{
	const char	*a = string(it, 0, id, cs, 1024, 1, NULL);

	return a != NULL && strchr(a, '@') != NULL && strpbrk(a,
	    "<>\r\n\" ") == NULL ? a : NULL;
}

/*
 * What Outlook shows of the item that is the message: its subject and
 * its sender (the one it was sent on behalf of first), from its
 * properties, whatever its kept headers say (a
 * header block of a harmless mail may sit under a lying subject).  A
 * sender with no SMTP address (an Exchange one inside the organisation)
 * is unknown, not missing.
 */
static void
item_shown(struct item *it, const char *cs)
{
	struct detect_scan	*s = it->s;
	struct dmsg		*m = s->m;
	const char		*subj, *name, *addr;

	if ((subj = string(it, 0, PR_SUBJECT, cs, ITEM_SUBJECT_MAX, 1,
	    NULL)) != NULL) {
		/* The header's subject, when another, is still read. */
		if (m->subject != NULL && strcmp(m->subject, subj) != 0)
			msg_add_text(s, m, m->subject, strlen(m->subject), 0);
		m->subject = subj;
	}
	/* The name Outlook shows is the one sent on behalf of; its own
	 * address first, else the sender's (most items name the same
	 * person twice and give one address). */
	if ((name = string(it, 0, PR_SENT_REPRESENTING_NAME, cs, 1024, 1,
	    NULL)) == NULL)
		name = string(it, 0, PR_SENDER_NAME, cs, 1024, 1, NULL);
	if ((addr = smtp(it, PR_SENT_REPRESENTING_SMTP, cs)) == NULL &&
	    (addr = smtp(it, PR_SENT_REPRESENTING_EMAIL, cs)) == NULL &&
	    (addr = smtp(it, PR_SENDER_SMTP_ADDRESS, cs)) == NULL)
		addr = smtp(it, PR_SENDER_EMAIL_ADDRESS, cs);
	if (name != NULL && strpbrk(name, "\r\n") != NULL)
		name = NULL;
	if (addr != NULL)
		msg_set_addr(s, &m->from, name != NULL ? name : m->from.name,
		    addr);
	else if (m->from.addr == NULL)
		m->from_unknown = 1;
	else if (name != NULL)
		msg_set_addr(s, &m->from, name, m->from.addr);
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
	const char	*v, *e, *q, *next;
	char		 cs[16], *copy;
	size_t		 len, i;
	int		 skip = 0;

	memset(&it, 0, sizeof(it));
	it.s = it.mb.s = s;
	if (ole_dir_open(&it.d, p, n) < 0)
		return;
	codepage(&it, 0, 1, cs, sizeof(cs));
	buf_init(&h, ITEM_HEADERS_MAX + 256);
	/* Each header line with its continuation lines, lines ended by LF,
	 * CR LF or a bare CR, a NUL a blank; the Content-* ones describe a
	 * body that is not here. */
	if ((v = string(&it, 0, PR_TRANSPORT_HEADERS, cs, ITEM_HEADERS_MAX, 0,
	    &len)) != NULL)
		for (e = v + len; v < e; v = next) {
			for (q = v; q < e && *q != '\n' && *q != '\r'; q++)
				;
			next = q < e && *q == '\r' && q + 1 < e && q[1] ==
			    '\n' ? q + 2 : q < e ? q + 1 : q;
			if (q == v)
				break;		/* the headers' end */
			if (*v != ' ' && *v != '\t')
				skip = str_ncasecmp(v, "Content-", 8) == 0 ||
				    str_ncasecmp(v, "MIME-Version:", 13) == 0;
			if (skip)
				continue;
			for (i = 0; i < (size_t)(q - v); i++)
				buf_addc(&h, v[i] != '\0' ? v[i] : ' ');
			buf_adds(&h, "\r\n");
		}
	buf_adds(&h, "MIME-Version: 1.0\r\nContent-Type: text/plain; "
	    "charset=utf-8\r\n\r\n");
	copy = arena_alloc(&s->a, h.len + 1);
	memcpy(copy, h.ptr, h.len + 1);
	mime_parse(s, copy, h.len, s->m);
	buf_release(&h);
	item_shown(&it, cs);
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
