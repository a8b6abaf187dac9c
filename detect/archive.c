/*
 * archive: archives opened with libarchive, recursively and within
 * bounds (depth, entries, inflated bytes, ratio), so that a zip bomb
 * costs a few milliseconds.  Encrypted archives are tried with the PPAP
 * passwords of the scan; what cannot be opened is reported with the
 * names it lists.  OOXML and OpenDocument files are zips too: for them
 * the parts that matter (macros, external relationships, DDE) are
 * looked at as the document's, and the entries that are no part of it
 * as any zip's, under the same budget: every byte inflated, by an
 * archive or an Office document, is charged to the message
 * (DETECT_ARCHIVE_TOTAL) and to the ratio of the file it came from, and
 * a file that wants more is a bomb.  No filter that runs a program
 * (lrzip, grzip, lzop) is enabled.
 */
#include <ctype.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "internal.h"
#include "util.h"

#define READ_CHUNK	65536
#define XML_MAX		(4u << 20)


/*
 * The decompression filters, those libarchive runs itself only.  Its
 * lrzip, grzip and (without liblzo2) lzop filters, and any other whose
 * library it was built without, run a program of that name on the PATH
 * instead (archive_read_support_filter_all enables them): hostile mail
 * must never start a program, so a filter that answers ARCHIVE_WARN
 * ("using external program") on a scratch handle is left out.
 */
static int (*const filters[])(struct archive *) = {
	archive_read_support_filter_gzip, archive_read_support_filter_bzip2,
	archive_read_support_filter_compress, archive_read_support_filter_xz,
	archive_read_support_filter_lzma, archive_read_support_filter_lzip,
	archive_read_support_filter_zstd, archive_read_support_filter_lz4,
	archive_read_support_filter_uu
};
static int filter_ok[nitems(filters)];
static pthread_once_t filters_once = PTHREAD_ONCE_INIT;

static void
filters_probe(void)
{
	struct archive	*a;
	size_t		 i;

	for (i = 0; i < nitems(filters); i++) {
		if ((a = archive_read_new()) == NULL)
			continue;
		filter_ok[i] = filters[i](a) == ARCHIVE_OK;
		archive_read_free(a);
	}
}

/*
 * libarchive turns the names it reads into the charset of the current
 * locale, and a library is no place to call setlocale(): in the "C"
 * locale a zip's UTF-8 name (flag bit 11), a 7z's UTF-16 one, a pax or
 * Joliet name fail to convert, and the entry is left with no name at
 * all (請求書.js in a zip went unchecked, "(no name)").  A header is
 * read, and a name asked for, with the calling thread alone switched to
 * a UTF-8 LC_CTYPE for that call (uselocale(): no other thread, and no
 * other code of this one, sees it).  A name in an archive's own charset
 * (a CP932 zip without the flag) stays its bytes, guessed as before.
 * Without a UTF-8 locale on the system, names are read as before.
 */
static locale_t utf8_loc;
static pthread_once_t utf8_once = PTHREAD_ONCE_INIT;

static void
utf8_init(void)
{
	utf8_loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	if (utf8_loc == (locale_t)0)
		utf8_loc = newlocale(LC_CTYPE_MASK, "en_US.UTF-8",
		    (locale_t)0);
}

/* The thread's locale before, to give utf8_end(); 0 when unchanged. */
static locale_t
utf8_begin(void)
{
	pthread_once(&utf8_once, utf8_init);
	return utf8_loc != (locale_t)0 ? uselocale(utf8_loc) : (locale_t)0;
}

static void
utf8_end(locale_t old)
{
	if (old != (locale_t)0)
		uselocale(old);
}

static int
ar_next(struct archive *a, struct archive_entry **e)
{
	locale_t	 old = utf8_begin();
	int		 r = archive_read_next_header(a, e);

	utf8_end(old);
	return r;
}

static struct archive *
ar_open(const unsigned char *p, size_t n, int raw, char *const *pw,
    size_t npw)
{
	struct archive	*a = archive_read_new();
	locale_t	 old;
	size_t		 i;
	int		 r;

	if (a == NULL)
		return NULL;
	pthread_once(&filters_once, filters_probe);
	for (i = 0; i < nitems(filters); i++)
		if (filter_ok[i])
			filters[i](a);
	if (raw) {
		archive_read_support_format_raw(a);
	} else {
		archive_read_support_format_zip(a);
		archive_read_support_format_7zip(a);
		archive_read_support_format_rar(a);
		archive_read_support_format_rar5(a);
		archive_read_support_format_tar(a);
		archive_read_support_format_cpio(a);
		archive_read_support_format_iso9660(a);
		archive_read_support_format_cab(a);
		archive_read_support_format_lha(a);
		archive_read_support_format_xar(a);
	}
	for (i = 0; i < npw; i++)
		archive_read_add_passphrase(a, pw[i]);
	old = utf8_begin();
	r = archive_read_open_memory(a, p, n);
	utf8_end(old);
	if (r != ARCHIVE_OK) {
		archive_read_free(a);
		return NULL;
	}
	return a;
}

/*
 * Read the current entry: at most max bytes kept, at most budget read.
 * *over is set when the entry holds more than budget (one byte past it
 * is read to know, and not counted).  Returns bytes kept, or -1 when the
 * data cannot be read (encrypted); *cut (when given) is set when it
 * failed part-way (damaged: what came before is kept).
 */
static ssize_t
ar_read_cut(struct archive *a, unsigned char **out, size_t max, size_t budget,
    size_t *total, int *over, int *cut)
{
	unsigned char	*buf = NULL, chunk[READ_CHUNK];
	size_t		 kept = 0, cap = 0, want;
	ssize_t		 r;

	*total = 0;
	*over = 0;
	for (;;) {
		want = budget - *total + 1;
		r = archive_read_data(a, chunk, want < sizeof(chunk) ? want :
		    sizeof(chunk));
		if (r == 0)
			break;
		if (r < 0) {
			if (*total == 0) {
				free(buf);
				return -1;
			}
			if (cut != NULL)
				*cut = 1;	/* damaged part-way */
			break;
		}
		if ((size_t)r > budget - *total) {
			r = (ssize_t)(budget - *total);
			*over = 1;
		}
		*total += (size_t)r;
		if (kept < max) {
			size_t k = (size_t)r < max - kept ? (size_t)r :
			    max - kept;

			if (kept + k > cap) {
				cap = cap ? cap * 2 : READ_CHUNK * 2;
				while (cap < kept + k)
					cap *= 2;
				buf = xrealloc(buf, cap + 1);
			}
			memcpy(buf + kept, chunk, k);
			kept += k;
		}
		if (*over)
			break;
	}
	if (buf == NULL)
		buf = xmalloc(1);
	buf[kept] = '\0';
	*out = buf;
	return (ssize_t)kept;
}

static ssize_t
ar_read(struct archive *a, unsigned char **out, size_t max, size_t budget,
    size_t *total, int *over)
{
	return ar_read_cut(a, out, max, budget, total, over, NULL);
}

/*
 * What a file of n stored bytes that has inflated here bytes so far may
 * still inflate: what is left of the message's budget, and of the ratio
 * over the whole file so far.
 */
static size_t
ar_budget(const struct detect_scan *s, size_t n, size_t here)
{
	size_t	 left, lim;

	left = DETECT_ARCHIVE_TOTAL > s->inflated ?
	    DETECT_ARCHIVE_TOTAL - s->inflated : 0;
	lim = (size_t)DETECT_ARCHIVE_RATIO * n + (1u << 20);
	lim = here >= lim ? 0 : lim - here;
	return left < lim ? left : lim;
}

static void
ar_bomb(struct detect_scan *s, const char *name, size_t here, size_t n)
{
	char	 d[96], dj[128];

	if (here < DETECT_ARCHIVE_TOTAL && s->inflated >= DETECT_ARCHIVE_TOTAL) {
		snprintf(d, sizeof(d), "the %u MB a message may inflate are "
		    "spent", DETECT_ARCHIVE_TOTAL >> 20);
		snprintf(dj, sizeof(dj), "1 通で展開できる %u MB を使い切った",
		    DETECT_ARCHIVE_TOTAL >> 20);
	} else {
		snprintf(d, sizeof(d), "more than %zu MB from %zu KB",
		    (here + (1u << 20) - 1) >> 20, n >> 10);
		snprintf(dj, sizeof(dj), "%zu KB から %zu MB 超",
		    n >> 10, (here + (1u << 20) - 1) >> 20);
	}
	finding_add(s, R_ATT_ARCHIVE_BOMB, &(struct fargs){ .name = name,
	    .detail = d, .detail_ja = dj });
}

/*
 * A header libarchive could read: ARCHIVE_WARN is one too (a zip whose
 * local header disagrees with its central directory, which unzip and
 * Windows open without a word: stopping there hid the whole archive).
 */
static int
header_ok(int r)
{
	return r == ARCHIVE_OK || r == ARCHIVE_WARN;
}

static const char *
ar_sha(struct detect_scan *s, const unsigned char *p, size_t n)
{
	char	 h[65];

	sha256_hex(p, n, h);
	return arena_strdup(&s->a, h);
}

static const char *
entry_name(struct detect_scan *s, struct archive_entry *e)
{
	locale_t	 old = utf8_begin();
	const char	*n = archive_entry_pathname_utf8(e), *m = NULL;
	size_t		 len;

	if (n == NULL)
		m = archive_entry_pathname(e);
	utf8_end(old);
	if (n != NULL)
		return n;
	/* Names in the archive's own charset (CP932, CP866...): guess. */
	if (m == NULL)
		return "(no name)";
	return text_name_to_utf8(&s->a, NULL, m, strlen(m), 4096, &len);
}

/*
 * Read one part of an Office zip of n bytes: at most cap bytes (the rest
 * of a longer part is not looked at), within the budget of ar_budget().
 * Returns bytes kept (in *buf, to free), or -1 with nothing to free: the
 * part is encrypted, the message's entries are spent, or the budget is
 * (*bomb set: this part alone, as far as it would be read, is over it).
 */
static ssize_t
office_part(struct detect_scan *s, struct archive *a, struct archive_entry *e,
    size_t n, size_t cap, size_t *here, unsigned char **buf, int *bomb)
{
	size_t		 budget = ar_budget(s, n, *here), total;
	la_int64_t	 declared;
	ssize_t		 k;
	int		 over;

	if (s->arc_files++ >= DETECT_ARCHIVE_FILES) {
		msg_truncated(s, s->m, CUT_ENTRIES);
		return -1;
	}
	if (archive_entry_size_is_set(e)) {
		declared = archive_entry_size(e);
		if (declared > (la_int64_t)cap)
			declared = (la_int64_t)cap;
		if (declared > (la_int64_t)budget) {
			*bomb = 1;
			return -1;
		}
	}
	k = ar_read(a, buf, cap, budget < cap ? budget : cap, &total, &over);
	if (k < 0)
		return -1;
	s->inflated += total;
	*here += total;
	if (over && budget < cap)
		*bomb = 1;
	return k;
}

/*
 * The value of an XML attribute whose name ends at q: blanks round "="
 * and either quote, as XML 1.0 allows (Eq, AttValue).  NULL when q is
 * not followed by one (TargetMode after Target).
 */
static const char *
xml_value(const char *q, const char **end)
{
	char	 quote;

	while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
		q++;
	if (*q++ != '=')
		return NULL;
	while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
		q++;
	if (*q != '"' && *q != '\'')
		return NULL;
	quote = *q++;
	*end = strchr(q, quote);
	return *end != NULL ? q : NULL;
}

#define DOC_LURE_TEXT	400	/* characters of a Word document around a
				   link or three that make it a lure */

/* External targets of a .rels part: links (how many, returned), and
 * templates loaded. */
static int
office_rels(struct detect_scan *s, const char *name, const char *buf,
    const char **remote)
{
	const char	*q = buf;
	int		 links = 0;

	while ((q = strstr(q, "Target")) != NULL) {
		const char	*v, *end, *rel, *tag_end;
		char		*el;
		int		 attr;

		/* An attribute's name: a blank before it. */
		attr = q > buf && (q[-1] == ' ' || q[-1] == '\t' ||
		    q[-1] == '\r' || q[-1] == '\n');
		q += 6;
		if (!attr || (v = xml_value(q, &end)) == NULL)
			continue;
		q = end;
		tag_end = strchr(end, '>');
		if (tag_end == NULL || (str_ncasecmp(v, "http", 4) != 0 &&
		    str_ncasecmp(v, "\\\\", 2) != 0 &&
		    str_ncasecmp(v, "file:", 5) != 0))
			continue;
		/* The Type attribute of the same element. */
		for (rel = v; rel > buf && *rel != '<'; rel--)
			;
		el = arena_strndup(&s->a, rel, (size_t)(tag_end - rel));
		if (strstr(el, "attachedTemplate") ||
		    strstr(el, "/oleObject") || strstr(el, "/frame\"") ||
		    strstr(el, "/frame'") || strstr(el, "subDocument"))
			*remote = arena_strndup(&s->a, v, (size_t)(end - v));
		else if (strstr(el, "/hyperlink") != NULL) {
			url_add(s, v, (size_t)(end - v), UO_OFFICE, NULL, name);
			links++;
		} else
			url_add(s, v, (size_t)(end - v), UO_OFFICE, NULL, name);
	}
	return links;
}

/*
 * A Word document's text as it reads: its w:t runs with XML's entities
 * and character references decoded, a tab (w:tab) a blank, a paragraph's
 * end (w:p) or a break (w:br, w:cr) a line's, into out.
 */
static void
word_plain(const char *x, size_t n, struct buf *out)
{
	const char	*e = x + n, *q = x, *t, *c, *v;

	/* Until the text is all a document may give. */
	while (!out->over && (t = memchr(q, '<', (size_t)(e - q))) != NULL) {
		q = t + 1;
		if ((size_t)(e - q) >= 4 && (memcmp(q, "w:p>", 4) == 0 ||
		    memcmp(q, "w:p ", 4) == 0 || memcmp(q, "w:br", 4) == 0 ||
		    memcmp(q, "w:cr", 4) == 0))
			buf_addc(out, '\n');
		else if ((size_t)(e - q) >= 5 && memcmp(q, "w:tab", 5) == 0)
			buf_addc(out, ' ');
		if ((size_t)(e - q) < 4 || memcmp(q, "w:t", 3) != 0 ||
		    (q[3] != '>' && q[3] != ' '))
			continue;
		if ((t = memchr(q, '>', (size_t)(e - q))) == NULL)
			break;
		if (t[-1] == '/') {
			q = t;
			continue;
		}
		if ((c = memmem(t, (size_t)(e - t), "</w:t>", 6)) == NULL)
			break;
		for (v = t + 1; v < c && !out->over; v++) {
			const char *semi;
			uint32_t cp = 0;

			/* An entity is short: ";" looked for in the next
			 * 11 bytes only (a run of "&x" is no square of its
			 * length). */
			if (*v != '&' || (semi = memchr(v, ';', (size_t)(c -
			    v) < 11 ? (size_t)(c - v) : 11)) == NULL) {
				buf_addc(out, *v);
				continue;
			}
			if (semi - v == 4 && memcmp(v, "&amp", 4) == 0)
				cp = '&';
			else if (semi - v == 3 && memcmp(v, "&lt", 3) == 0)
				cp = '<';
			else if (semi - v == 3 && memcmp(v, "&gt", 3) == 0)
				cp = '>';
			else if (semi - v == 5 && memcmp(v, "&quot", 5) == 0)
				cp = '"';
			else if (semi - v == 5 && memcmp(v, "&apos", 5) == 0)
				cp = '\'';
			else if (v[1] == '#') {
				const char *d = v + 2;
				int hex = *d == 'x' || *d == 'X';

				for (d += hex; d < semi; d++) {
					int h = hex ? hex_value((unsigned char)
					    *d) : isdigit((unsigned char)*d) ?
					    *d - '0' : -1;

					if (h < 0 || cp > 0x10ffff)
						break;
					cp = cp * (hex ? 16 : 10) + (uint32_t)h;
				}
				if (d < semi || cp == 0 || cp > 0x10ffff)
					cp = 0;
			}
			if (cp == 0) {
				buf_addc(out, *v);
				continue;
			}
			{
				char u8[4];

				buf_add(out, u8, utf8_put(cp, u8));
			}
			v = semi;
		}
		/* Runs join as they show: Word cuts words into runs. */
		q = c + 6;
	}
}

/*
 * A .rels part that names a VBA project, whatever its part is called
 * (word/settings2.bin: OPC finds a part by its relationship, and olevba
 * reads every OLE part for that reason).  The exact type, not its
 * vbaProjectSignature.
 */
static int
office_rels_vba(const char *buf)
{
	const char	*q = buf;

	while ((q = strstr(q, "/relationships/vbaProject")) != NULL) {
		q += 25;
		if (*q == '"' || *q == '\'')
			return 1;
	}
	return 0;
}

/*
 * Is this entry of an Office Open XML or OpenDocument zip a part of the
 * document, which office_zip() reads as the document's?  Parts by the
 * extensions documents use (XML, relationships, binary parts, pictures,
 * fonts) wherever they are, ODF's files without one, and what the media,
 * embeddings (reported by office_zip() as objects) and object
 * replacement folders hold.  Anything else (invoice.exe beside a
 * [Content_Types].xml) is an entry like a plain zip's: Explorer shows a
 * .zip's every entry, whatever else it holds.
 */
static int
doc_part(const char *en)
{
	static const char *const ext[] = { "xml", "rels", "bin", "png",
	    "jpeg", "jpg", "jpe", "jfif", "gif", "emf", "wmf", "emz", "wmz",
	    "tif", "tiff", "bmp", "svg", "svm", "vml", "odttf", "fntdata",
	    "ttf", "otf", "wdp", "hdp", "rdf", "sigs", "data", "dat", NULL };
	const char	*const *x, *dot = strrchr(en, '.');

	if (strcmp(en, "mimetype") == 0 || strcmp(en, "layout-cache") == 0 ||
	    strncmp(en, "ObjectReplacements/", 19) == 0 ||
	    strncmp(en, "Pictures/", 9) == 0 ||
	    strncmp(en, "media/", 6) == 0 || strstr(en, "/media/") != NULL ||
	    strstr(en, "/embeddings/") != NULL)
		return 1;
	if (dot == NULL || strchr(dot, '/') != NULL)
		return 0;
	for (x = ext; *x != NULL; x++)
		if (str_casecmp(dot + 1, *x) == 0)
			return 1;
	return 0;
}

/* An OpenDocument file's script macro: a file under Scripts/. */
static int
odf_script(struct archive_entry *e, const char *en)
{
	return strncmp(en, "Scripts/", 8) == 0 && en[8] != '\0' &&
	    archive_entry_filetype(e) == AE_IFREG;
}

/*
 * Office Open XML and OpenDocument: 1 when it was one, 2 when it was
 * one reported as a bomb.  Only the parts
 * that matter are inflated (macros, relationships, the main text), each
 * charged like an archive entry; once the budget is spent the names are
 * still read (macros, macro sheets and embedded objects show in them)
 * and the document is reported as a bomb.
 */
static int
office_zip(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n)
{
	struct archive		*a;
	struct archive_entry	*e;
	int			 ooxml = 0, odf = 0, entries = 0;
	int			 macro = 0, xlm = 0, dde = 0, bomb = 0;
	int			 doc_links = 0;
	size_t			 doc_text = DOC_LURE_TEXT;
	const char		*objects = NULL, *remote = NULL;
	size_t			 here = 0;

	/* Cheap test first: the names are stored in clear in the zip. */
	if (memmem(p, n, "[Content_Types].xml", 19) == NULL &&
	    memmem(p, n, "mimetypeapplication/vnd.oasis", 29) == NULL &&
	    memmem(p, n, "META-INF/manifest.xml", 21) == NULL)
		return 0;
	if ((a = ar_open(p, n, 0, NULL, 0)) == NULL)
		return 0;
	while (header_ok(ar_next(a, &e)) &&
	    entries++ < DETECT_ARCHIVE_FILES) {
		const char	*en = entry_name(s, e);
		unsigned char	*buf;
		ssize_t		 k;
		int		 vba, rels, media;

		if (strcmp(en, "[Content_Types].xml") == 0)
			ooxml = 1;
		if (strcmp(en, "mimetype") == 0 ||
		    strcmp(en, "META-INF/manifest.xml") == 0)
			odf = 1;
		vba = strstr(en, "vbaProject.bin") != NULL;
		rels = strstr(en, ".rels") != NULL;
		if (vba || strncmp(en, "Basic/", 6) == 0)
			macro = 1;
		/* Macros in Python, JavaScript or BeanShell (Scripts/python/,
		 * bound to an event as Basic's are). */
		if (odf_script(e, en))
			macro = 1;
		if (strstr(en, "macrosheets/") != NULL)
			xlm = 1;
		if ((strstr(en, "/embeddings/") != NULL ||
		    strstr(en, "/activeX/") != NULL) && objects == NULL)
			objects = arena_strdup(&s->a, en);
		/* Pictures may be QR codes: the document whose page is one
		 * (word/media/, xl/media/, ppt/media/, an ODF's Pictures/). */
		media = (strstr(en, "/media/") != NULL ||
		    strncmp(en, "Pictures/", 9) == 0) && qr_room(s) &&
		    (str_has_suffix_case(en, ".png") ||
		    str_has_suffix_case(en, ".jpg") ||
		    str_has_suffix_case(en, ".jpeg"));
		if (bomb || !(vba || rels || media ||
		    strcmp(en, "word/document.xml") == 0 ||
		    strcmp(en, "content.xml") == 0))
			continue;
		/* The macros themselves go to the YARA rules. */
		k = office_part(s, a, e, n, vba ? DETECT_PART_MAX : XML_MAX,
		    &here, &buf, &bomb);
		if (k < 0)
			continue;
		if (vba && k > 0)
			av_scan(s, arena_printf(&s->a, "%s > %s", name, en), buf,
			    (size_t)k, NULL, 0);
		else if (media)
			qr_scan(s, arena_printf(&s->a, "%s > %s", name, en), buf,
			    (size_t)k);
		else if (rels) {
			int l = office_rels(s, name, (const char *)buf,
			    &remote);

			if (strcmp(en, "word/_rels/document.xml.rels") == 0)
				doc_links = l;
			if (office_rels_vba((const char *)buf))
				macro = 1;
		} else {
			if (memmem(buf, (size_t)k, "DDEAUTO", 7) != NULL ||
			    memmem(buf, (size_t)k, " DDE ", 5) != NULL)
				dde = 1;
			if (strcmp(en, "word/document.xml") == 0) {
				struct buf raw;
				size_t c;

				/* Its text, for the content checks (a
				 * callback scam's "invoice"), and how much
				 * of it there is (its characters, blanks
				 * not counted). */
				buf_init(&raw, DETECT_DOC_TEXT_MAX);
				word_plain((const char *)buf, (size_t)k, &raw);
				for (c = 0, doc_text = 0; c < raw.len &&
				    doc_text < DOC_LURE_TEXT; c++)
					if ((raw.ptr[c] & 0xc0) != 0x80 &&
					    !isspace((unsigned char)raw.ptr[c]))
						doc_text++;
				doc_add(s, raw.ptr, raw.len, name,
				    ar_sha(s, p, n), 0);
				buf_release(&raw);
			}
		}
		free(buf);
	}
	archive_read_free(a);
	if (!ooxml && !odf)
		return 0;
	if (bomb)
		ar_bomb(s, name, here, n);
	if (macro)
		finding_add(s, R_ATT_MACRO, &(struct fargs){ .name = name,
		    .type = ooxml ? "Office Open XML document" :
		    "OpenDocument", .sha256 = ar_sha(s, p, n) });
	if (xlm)
		finding_add(s, R_ATT_XLM_MACRO, &(struct fargs){ .name = name });
	if (remote != NULL)
		finding_add(s, R_ATT_REMOTE_TEMPLATE, &(struct fargs){
		    .name = name, .url = remote });
	if (dde)
		finding_add(s, R_ATT_DDE, &(struct fargs){ .name = name });
	/* A page of a few words around a link or three: the document is
	 * there to be clicked through, as the PDF lure is. */
	if (doc_links >= 1 && doc_links <= 3 && doc_text < DOC_LURE_TEXT) {
		size_t i;

		for (i = 0; i < s->nu; i++)
			if (s->u[i].origin == UO_OFFICE && s->u[i].where ==
			    name && s->u[i].host != NULL)
				break;
		if (i < s->nu)
			finding_add(s, R_ATT_DOC_LURE, &(struct fargs){
			    .name = name, .url = s->u[i].url,
			    .sha256 = ar_sha(s, p, n) });
	}
	if (objects != NULL)
		finding_add(s, R_ATT_OLE_OBJECT, &(struct fargs){ .name = name,
		    .detail = objects });
	return bomb ? 2 : 1;
}

/* An archive being walked: what it showed and what it hid. */
struct walk {
	const char		*name;
	const unsigned char	*p;
	size_t			 n;
	int			 raw;
	int			 doc;		/* an Office document's zip */
	size_t			 here;		/* bytes inflated from it */
	size_t			 declared;	/* a bomb's declared size */
	size_t			 listed;
	int			 entries;	/* headers read */
	int			 regular;	/* files among them */
	int			 first_enc;	/* the first encrypted file opened */
	int			 encrypted, opened, locked, damaged, bomb;
	int			 hidden;	/* its names are encrypted */
	int			 cut;		/* stopped by a limit */
	int			 spent;		/* ... the budget, skipping */
	size_t			 unread;	/* past DETECT_ARCHIVE_FILES */
	struct buf		 names;
	/* Encrypted files the passwords given together did not open, to be
	 * tried one password at a time (ar_retry): at most the message's
	 * DETECT_ARCHIVE_FILES, in the order of the archive. */
	int			*pend;
	const char		**pend_name;
	size_t			 npend;
	struct hset		 seen;		/* names libarchive gave */
};

/*
 * What reading the archive again up to its header idx costs, in
 * password tries: one a REOPEN_HEADERS headers read again (a zip's
 * whole central directory when it is opened, then the headers up to
 * idx).  A try of ZipCrypto costs about as much as that many headers.
 */
#define REOPEN_HEADERS	128

static size_t
ar_reopen_cost(const struct walk *w, int idx)
{
	return 1 + (w->entries + (size_t)idx + 1) / REOPEN_HEADERS;
}

/* The idx-th header (from 0) of a fresh handle with these passwords. */
static struct archive *
ar_at(const struct walk *w, int idx, char *const *pw, size_t npw)
{
	struct archive		*a;
	struct archive_entry	*e;
	int			 i;

	if ((a = ar_open(w->p, w->n, w->raw, pw, npw)) == NULL)
		return NULL;
	for (i = 0; i <= idx; i++)
		if (!header_ok(ar_next(a, &e))) {
			archive_read_free(a);
			return NULL;
		}
	return a;
}

/*
 * An entry read (k bytes kept in buf, total inflated): charged, then
 * looked at as an attachment of its own.  0, or -1 when it wanted more
 * than the budget (a bomb: the walk stops).
 */
static int
ar_take(struct detect_scan *s, struct walk *w, const char *full, int idx,
    int enc, unsigned char *buf, ssize_t k, size_t total, int over)
{
	s->inflated += total;
	w->here += total;
	if (over) {
		/* Not looked at: its name still tells. */
		w->bomb = 1;
		free(buf);
		attach_name_check(s, full, NULL);
		return -1;
	}
	if (enc && !w->opened) {
		w->opened = 1;
		w->first_enc = idx;
	}
	s->depth++;
	attach_file(s, full, buf, (size_t)k, total, NULL, NULL, enc);
	s->depth--;
	free(buf);
	return 0;
}

/*
 * The passwords of the scan one at a time on the encrypted files that
 * none opened when given together: libarchive takes the first whose
 * check value matches (a ZipCrypto check byte passes a wrong password
 * once in 256) and tries no other.  One pass over the archive a
 * password, every file still locked tried in it, so the archive is read
 * again once a password and not once a password and a file (20,000
 * folders before 300 locked files took a minute).  Each try, and each
 * pass by ar_reopen_cost(), is charged to the message's
 * DETECT_PASSWORD_TRIES; a pass the budget cannot pay is not made.
 * The files no password opens are then locked, their names checked.
 */
static void
ar_retry(struct detect_scan *s, struct walk *w)
{
	struct archive		*a;
	struct archive_entry	*e;
	unsigned char		*buf;
	size_t			 i, j, o, total, cost;
	ssize_t			 k;
	int			 idx, over;

	for (i = 0; i < s->npw && w->npend > 0 && !w->bomb && !w->cut; i++) {
		cost = ar_reopen_cost(w, w->pend[w->npend - 1]);
		if (s->pw_tries >= DETECT_PASSWORD_TRIES ||
		    cost > DETECT_PASSWORD_TRIES - s->pw_tries) {
			msg_truncated(s, s->m, CUT_TRIES);
			break;
		}
		s->pw_tries += cost;
		if ((a = ar_open(w->p, w->n, w->raw, &s->pw[i], 1)) == NULL)
			continue;
		for (idx = 0, j = 0; j < w->npend && !w->bomb &&
		    header_ok(ar_next(a, &e)); idx++) {
			if (idx != w->pend[j])
				continue;
			if (s->pw_tries >= DETECT_PASSWORD_TRIES)
				break;
			s->pw_tries++;
			k = ar_read(a, &buf, DETECT_PART_MAX,
			    ar_budget(s, w->n, w->here), &total, &over);
			if (k >= 0) {
				w->pend[j] = -1;	/* opened */
				ar_take(s, w, w->pend_name[j], idx, 1, buf, k,
				    total, over);
			}
			j++;
		}
		archive_read_free(a);
		for (j = 0, o = 0; j < w->npend; j++)
			if (w->pend[j] >= 0) {
				w->pend_name[o] = w->pend_name[j];
				w->pend[o++] = w->pend[j];
			}
		w->npend = o;
	}
	for (j = 0; j < w->npend; j++) {
		w->locked = 1;
		attach_name_check(s, w->pend_name[j], NULL);
	}
	w->npend = 0;
}

/* Does a password of this very mail open the entry idx? */
static int
ar_same_mail(struct detect_scan *s, const struct walk *w)
{
	struct archive	*a;
	unsigned char	*buf;
	size_t		 total, np = (size_t)s->msg_passwords, i;
	char		*pw[nitems(s->msg_pw)];
	ssize_t		 k;
	int		 over;

	if (np > nitems(s->msg_pw))
		np = nitems(s->msg_pw);
	for (i = 0; i < np; i++) {
		if (s->pw_tries >= DETECT_PASSWORD_TRIES)
			return 0;
		/* Each password reads the archive again up to the file. */
		if (ar_reopen_cost(w, w->first_enc) >= DETECT_PASSWORD_TRIES -
		    s->pw_tries)
			return 0;
		s->pw_tries += ar_reopen_cost(w, w->first_enc);
		pw[0] = (char *)s->msg_pw[i];
		if ((a = ar_at(w, w->first_enc, pw, 1)) == NULL)
			continue;
		/* A few bytes tell: a wrong key fails at once. */
		k = ar_read(a, &buf, 1, 4096, &total, &over);
		archive_read_free(a);
		if (k >= 0) {
			free(buf);
			return 1;
		}
	}
	return 0;
}

/*
 * The name of a lone compressed stream's content when it carries none
 * of its own (libarchive's raw reader calls it "data"; a gzip FNAME is
 * kept): the compressed file's own name without its compression
 * extension, as 7-Zip and WinRAR name what they extract (invoice.js.gz
 * holds invoice.js, whose name the checks must see).  NULL when that
 * name has no such extension.
 */
static const char *
raw_name(struct detect_scan *s, const char *name)
{
	static const char *const ext[] = { ".gz", ".gzip", ".bz2", ".xz",
	    ".lzma", ".zst", ".lz4", ".z", ".lz", NULL };
	const char	*const *x, *b = name, *q;
	size_t		 len;

	/* The last file of "a.zip > dir/b.js.gz": b.js.gz. */
	for (q = name; *q != '\0'; q++)
		if (*q == '/' || *q == '\\' || (q[0] == ' ' && q[1] == '>' &&
		    q[2] == ' '))
			b = q[0] == ' ' ? q + 3 : q + 1;
	len = strlen(b);
	for (x = ext; *x != NULL; x++)
		if (len > strlen(*x) + 1 &&
		    str_casecmp(b + len - strlen(*x), *x) == 0)
			return arena_strndup(&s->a, b, len - strlen(*x));
	return NULL;
}

/* The formats that can encrypt their file names: 7-Zip and RAR. */
static int
names_can_hide(struct archive *a)
{
	int	 f = archive_format(a) & ARCHIVE_FORMAT_BASE_MASK;

	return f == ARCHIVE_FORMAT_7ZIP || f == ARCHIVE_FORMAT_RAR ||
	    f == ARCHIVE_FORMAT_RAR_V5;
}

/*
 * Past the entries a message opens, libarchive finds the next header by
 * reading the file's data through, and where the data is compressed as
 * one stream (a .tar.zst or .tar.gz, a solid 7z or RAR, a cab's folder)
 * that means inflating it all: ten files of 4 GB of zeros in a 1.4 MB
 * .tar.zst took 7 s, and a message of 64 MB could take minutes.  There
 * the data is read here instead, charged as a file read would be; -1
 * when the budget cannot pay for it (its declared size, or what it
 * inflates), and the walk stops.  A zip, a plain tar or an ISO skips a
 * file without inflating it and costs nothing.
 */
static int
ar_skip(struct detect_scan *s, struct walk *w, struct archive *a,
    struct archive_entry *e)
{
	int		 f = archive_format(a) & ARCHIVE_FORMAT_BASE_MASK;
	unsigned char	*buf;
	size_t		 budget, total;
	int		 over;

	if (archive_filter_count(a) < 2 && f != ARCHIVE_FORMAT_7ZIP &&
	    f != ARCHIVE_FORMAT_RAR && f != ARCHIVE_FORMAT_RAR_V5 &&
	    f != ARCHIVE_FORMAT_CAB)
		return 0;
	budget = ar_budget(s, w->n, w->here);
	if (archive_entry_size_is_set(e) &&
	    archive_entry_size(e) > (la_int64_t)budget)
		return -1;
	if (ar_read(a, &buf, 0, budget, &total, &over) >= 0)
		free(buf);
	s->inflated += total;
	w->here += total;
	return over ? -1 : 0;
}

static void
ar_entries(struct detect_scan *s, struct walk *w, struct archive *a)
{
	struct archive_entry	*e;
	int			 r;

	while (!w->bomb) {
		const char	*en, *full, *rn;
		unsigned char	*buf;
		size_t		 total, budget;
		ssize_t		 k;
		int		 over, enc, idx;

		r = ar_next(a, &e);
		if (!header_ok(r)) {
			const char *why = archive_error_string(a);

			/* 7z -mhe, rar -hp: nothing is listed at all (a zip
			 * of garbage can claim encryption too: not that). */
			if (r != ARCHIVE_EOF && w->entries == 0 &&
			    names_can_hide(a) &&
			    (archive_read_has_encrypted_entries(a) > 0 ||
			    (why != NULL && strcasestr(why, "encrypt"))))
				w->hidden = 1;
			else if (r != ARCHIVE_EOF && !w->locked &&
			    w->npend == 0)
				w->damaged = 1;
			break;
		}
		idx = w->entries++;
		if (archive_entry_filetype(e) != AE_IFREG)
			continue;
		en = entry_name(s, e);
		if (w->raw && strcmp(en, "data") == 0 &&
		    (rn = raw_name(s, w->name)) != NULL)
			en = rn;
		hset_put(&w->seen, en, strlen(en), 0);
		full = arena_printf(&s->a, "%s > %s", w->name, en);
		/* The document's own parts were read by office_zip(); a
		 * program's name among them (word/media/x.exe, which a .zip
		 * so named shows in Explorer) is still one. */
		if (w->doc && doc_part(en)) {
			attach_name_check(s, full, NULL);
			continue;
		}
		w->regular++;
		if (w->listed++ < 5)
			buf_addf(&w->names, "%s%s", w->listed > 1 ? ", " : "",
			    en);
		/* Past the entries a message reads: the names still tell
		 * ("invoice.pdf.exe" as the 501st). */
		if (s->arc_files >= DETECT_ARCHIVE_FILES) {
			if (s->arc_names++ >= DETECT_ARCHIVE_NAMES) {
				msg_truncated(s, s->m, CUT_ENTRIES);
				w->cut = 1;
				break;
			}
			w->unread++;
			attach_name_check(s, full, NULL);
			if (ar_skip(s, w, a, e) < 0) {
				msg_truncated(s, s->m, CUT_INFLATED);
				w->cut = w->spent = 1;
				break;
			}
			continue;
		}
		s->arc_files++;
		enc = archive_entry_is_encrypted(e);
		if (enc)
			w->encrypted = 1;
		budget = ar_budget(s, w->n, w->here);
		if (archive_entry_size_is_set(e) &&
		    archive_entry_size(e) > (la_int64_t)budget) {
			w->declared = (size_t)archive_entry_size(e);
			w->bomb = 1;
			attach_name_check(s, full, NULL);
			break;
		}
		if (enc && s->npw > 0 && s->pw_tries >= DETECT_PASSWORD_TRIES) {
			/* Passwords cost a key derivation each (AES):
			 * the message has tried enough. */
			w->locked = 1;
			attach_name_check(s, full, NULL);
			continue;
		}
		if (enc)
			s->pw_tries += s->npw;
		k = ar_read_cut(a, &buf, DETECT_PART_MAX, budget, &total,
		    &over, &w->damaged);
		if (k < 0 && enc && s->npw > 1) {
			/* Tried one password at a time after this pass. */
			if (w->pend == NULL) {
				w->pend = arena_zalloc(&s->a,
				    DETECT_ARCHIVE_FILES * sizeof(*w->pend));
				w->pend_name = arena_zalloc(&s->a,
				    DETECT_ARCHIVE_FILES *
				    sizeof(*w->pend_name));
			}
			if (w->npend < DETECT_ARCHIVE_FILES) {
				w->pend_name[w->npend] = full;
				w->pend[w->npend++] = idx;
				continue;
			}
		}
		if (k < 0) {
			/* Encrypted and no password of the scan opens it, or
			 * damaged; the next entries are read all the same. */
			if (enc)
				w->locked = 1;
			else
				w->damaged = 1;
			attach_name_check(s, full, NULL);
			continue;
		}
		if (ar_take(s, w, full, idx, enc, buf, k, total, over) < 0)
			break;
	}
}

/*
 * The zip64 end record before a zip64 locator at loc: the nearest
 * "PK\6\6" within 64 KB whose own size (extensible data and all) ends
 * it at the locator.  SIZE_MAX when there is none.
 */
static size_t
zip64_end(const unsigned char *p, size_t loc)
{
	size_t		 j, low = loc > 65536 ? loc - 65536 : 0;
	uint64_t	 sz;

	if (loc < 56)
		return SIZE_MAX;
	for (j = loc - 56 + 1; j-- > low;) {
		if (memcmp(p + j, "PK\x06\x06", 4) != 0)
			continue;
		sz = (uint64_t)le32(p + j + 4) | (uint64_t)le32(p + j + 8) << 32;
		if (sz >= 44 && sz == loc - j - 12)
			return j;
	}
	return SIZE_MAX;
}

/*
 * The end record of a zip at p + i, if it is one (i + 22 <= n): the
 * directory it gives ends where the record starts (with a zip64 locator
 * before it, where the zip64 record starts, whose sizes count where the
 * classic record's are full) and begins with a directory entry; *base is
 * where the zip starts, which data in front of it moves (a
 * self-extractor's stub), as unzip, 7-Zip and libarchive read it.
 */
int
zip_end_at(const unsigned char *p, size_t i, size_t *dir, size_t *end,
    size_t *base)
{
	size_t		 len, off, e64;

	if (memcmp(p + i, "PK\x05\x06", 4) != 0)
		return 0;
	len = le32(p + i + 12);
	off = le32(p + i + 16);
	if (i >= 20 && memcmp(p + i - 20, "PK\x06\x07", 4) == 0 &&
	    (e64 = zip64_end(p, i - 20)) != SIZE_MAX) {
		uint64_t l64 = (uint64_t)le32(p + e64 + 40) |
		    (uint64_t)le32(p + e64 + 44) << 32;
		uint64_t o64 = (uint64_t)le32(p + e64 + 48) |
		    (uint64_t)le32(p + e64 + 52) << 32;

		if (len == 0xffffffff || off == 0xffffffff) {
			if (l64 > e64 || o64 > e64)
				return 0;
			len = (size_t)l64;
			off = (size_t)o64;
		}
	} else
		e64 = i;
	if (len > e64 || len < 46 || e64 - len < off ||
	    memcmp(p + e64 - len, "PK\x01\x02", 4) != 0)
		return 0;
	*dir = e64 - len;
	*end = e64;
	*base = e64 - len - off;
	return 1;
}

/* A zip's directory: the first end record in its last 64 KB that is
 * one.  0 when there is none. */
static int
zip_dir(const unsigned char *p, size_t n, size_t *dir, size_t *end,
    size_t *base)
{
	size_t	 i, low;

	if (n < 22)
		return 0;
	low = n - 22 > 65535 ? n - 22 - 65535 : 0;
	for (i = n - 22 + 1; i-- > low;)
		if (zip_end_at(p, i, dir, end, base))
			return 1;
	return 0;
}

/* A name of a zip's headers in UTF-8: as flagged, or guessed as
 * entry_name() guesses. */
static const char *
zip_name(struct detect_scan *s, const unsigned char *q, size_t len, int utf8)
{
	size_t	 out;

	return text_name_to_utf8(&s->a, utf8 ? "UTF-8" : NULL, (const char *)q,
	    len, 4096, &out);
}

/* The Info-ZIP Unicode path (extra field 0x7075) of a header, or NULL. */
static const char *
zip_upath(struct detect_scan *s, const unsigned char *x, size_t xlen)
{
	size_t	 i, l;

	for (i = 0; i + 4 <= xlen; i += 4 + l) {
		l = (size_t)(x[i + 2] | x[i + 3] << 8);
		if (l > xlen - i - 4)
			break;
		if (x[i] == 0x75 && x[i + 1] == 0x70 && l > 5 &&
		    x[i + 4] == 1)
			return zip_name(s, x + i + 9, l - 5, 1);
	}
	return NULL;
}

/*
 * The names of a zip as its central directory gives them.  libarchive
 * reads a zip through its directory but names each file by the file's
 * own (local) header; Windows Explorer and 7-Zip show the directory's
 * name, 7-Zip its Info-ZIP Unicode path if it has one.  A zip whose
 * names disagree shows the person one file ("invoice.jse") and a
 * scanner another ("invoice.txt"), which no zip writer does by
 * mistake: the disagreement is a finding, and every name the directory
 * gives that libarchive did not (seen, NULL for none) is checked as the
 * name of a file not read, so also those of files no walk reached (past
 * a bomb, a damaged entry, the message's entries).  Within the message's
 * DETECT_ARCHIVE_NAMES.
 */
static void
zip_dir_names(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n, const struct hset *seen)
{
	const unsigned char	*q;
	size_t			 dir, end, base, nl, xl, cl, lo, lnl;
	const char		*shown[2], *local;
	size_t			 k = 0;
	int			 i, utf8;

	if (!zip_dir(p, n, &dir, &end, &base))
		return;
	for (q = p + dir; (size_t)(q - p) + 46 <= end &&
	    memcmp(q, "PK\x01\x02", 4) == 0; q += 46 + nl + xl + cl) {
		nl = (size_t)(q[28] | q[29] << 8);
		xl = (size_t)(q[30] | q[31] << 8);
		cl = (size_t)(q[32] | q[33] << 8);
		if (nl + xl + cl > end - (size_t)(q - p) - 46)
			break;
		/* Folders cost a few comparisons each (the directory lies
		 * within the attachment); the files past as many as a
		 * message opens and names are not looked at. */
		if (nl == 0 || q[46 + nl - 1] == '/' || q[46 + nl - 1] == '\\')
			continue;
		if (k++ >= DETECT_ARCHIVE_FILES + DETECT_ARCHIVE_NAMES) {
			msg_truncated(s, s->m, CUT_ENTRIES);
			break;
		}
		utf8 = (q[8] | q[9] << 8) & 0x800;
		shown[0] = zip_name(s, q + 46, nl, utf8);
		shown[1] = zip_upath(s, q + 46 + nl, xl);
		if (shown[1] != NULL && strcmp(shown[0], shown[1]) == 0)
			shown[1] = NULL;
		/* The file's own header, where the directory says. */
		lo = le32(q + 42);
		local = NULL;
		if (lo != 0xffffffff && lo <= n - base && n - base - lo >= 30 &&
		    memcmp(p + base + lo, "PK\x03\x04", 4) == 0) {
			lnl = (size_t)(p[base + lo + 26] | p[base + lo + 27] <<
			    8);
			if (lnl <= n - base - lo - 30 && (lnl != nl ||
			    memcmp(p + base + lo + 30, q + 46, nl) != 0))
				local = zip_name(s, p + base + lo + 30, lnl,
				    (p[base + lo + 6] | p[base + lo + 7] << 8) &
				    0x800);
		}
		if (local != NULL)
			finding_add(s, R_ATT_NAME_MISMATCH, &(struct fargs){
			    .name = arena_printf(&s->a, "%s > %s", name,
			    shown[0]), .detail = local });
		for (i = 0; i < 2; i++) {
			if (shown[i] == NULL || (seen != NULL &&
			    hset_get(seen, shown[i], strlen(shown[i]), NULL)))
				continue;
			if (s->arc_names++ >= DETECT_ARCHIVE_NAMES) {
				msg_truncated(s, s->m, CUT_ENTRIES);
				return;
			}
			attach_name_check(s, arena_printf(&s->a, "%s > %s",
			    name, shown[i]), NULL);
		}
	}
}

/*
 * A zip nested past the depth limit is not opened, but its directory
 * still names what it holds ("a.zip > b.zip > ... > invoice.exe"): the
 * names are checked as those of files not read, within the message's
 * names (a zip's directory is read without inflating anything).
 */
static void
deep_names(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n)
{
	struct archive		*a;
	struct archive_entry	*e;
	struct hset		 seen;
	const char		*en;

	if (n < 4 || memcmp(p, "PK\x03\x04", 4) != 0)
		return;
	hset_init(&seen, NULL);
	if ((a = ar_open(p, n, 0, NULL, 0)) != NULL) {
		while (ar_next(a, &e) == ARCHIVE_OK &&
		    s->arc_names++ < DETECT_ARCHIVE_NAMES) {
			if (archive_entry_filetype(e) != AE_IFREG)
				continue;
			en = entry_name(s, e);
			hset_put(&seen, en, strlen(en), 0);
			attach_name_check(s, arena_printf(&s->a, "%s > %s",
			    name, en), NULL);
		}
		archive_read_free(a);
	}
	zip_dir_names(s, name, p, n, &seen);
	hset_free(&seen);
}

/* An archive (or a TNEF stream) with unread files past the ones a
 * message opens, their names checked. */
void
archive_past_files(struct detect_scan *s, const char *name, const char *sha,
    size_t unread)
{
	finding_add(s, R_ATT_ARCHIVE_UNREAD, &(struct fargs){
	    .name = name, .sha256 = sha,
	    .detail = arena_printf(&s->a, "%zu files past the %u a message "
	    "may open; their names were checked", unread,
	    DETECT_ARCHIVE_FILES),
	    .detail_ja = arena_printf(&s->a, "1 通で開ける %u 件を超える %zu "
	    "件。名前だけ確認しました", DETECT_ARCHIVE_FILES, unread) });
}

/* Do two names end in the same extension (INVOIC~1.EXE, invoice.exe)? */
int
name_same_ext(const char *a, const char *b)
{
	const char	*x = strrchr(a, '.'), *y = strrchr(b, '.');

	if (x == NULL || y == NULL)
		return x == y;
	return str_casecmp(x, y) == 0;
}

/* A file not read: its name checked, within the names a message
 * checks (-1 past them: the walk stops). */
int
members_name(struct members *mb, const char *full)
{
	if (mb->s->arc_names++ >= DETECT_ARCHIVE_NAMES) {
		msg_truncated(mb->s, mb->s->m, CUT_ENTRIES);
		mb->cut = 1;
		return -1;
	}
	attach_name_check(mb->s, full, NULL);
	return 0;
}

/*
 * One file of a container that is no archive: read as an attachment of
 * its own, charged like an archive entry; past the message's files or
 * bytes (or the depth), only its name is checked.  -1 when the names a
 * message checks are spent too (the walk stops).
 */
int
members_file(struct members *mb, const char *full, const unsigned char *p,
    size_t n)
{
	struct detect_scan	*s = mb->s;
	unsigned char		*buf;
	size_t			 left;

	if (mb->names_only)
		return members_name(mb, full);
	if (s->arc_files >= DETECT_ARCHIVE_FILES) {
		mb->unread++;
		return members_name(mb, full);
	}
	s->arc_files++;
	left = DETECT_ARCHIVE_TOTAL > s->inflated ? DETECT_ARCHIVE_TOTAL -
	    s->inflated : 0;
	if (n > left) {
		msg_truncated(s, s->m, CUT_INFLATED);
		mb->spent++;
		attach_name_check(s, full, NULL);
		return 0;
	}
	s->inflated += n;
	/* A copy of its own, NUL-terminated as every file read is. */
	buf = xmalloc(n + 1);
	memcpy(buf, p, n);
	buf[n] = '\0';
	s->depth++;
	attach_file(s, full, buf, n, n, NULL, NULL, 0);
	s->depth--;
	free(buf);
	return 0;
}

int
members_over(const struct members *mb)
{
	return mb->cut || mb->unread > 0 || mb->spent > 0;
}

/* What members_over() found, said of the container name. */
void
members_report(struct members *mb, const char *name, const char *sha)
{
	struct detect_scan	*s = mb->s;

	if (mb->cut)
		finding_add(s, R_ATT_ARCHIVE_UNREAD, &(struct fargs){
		    .name = name, .sha256 = sha,
		    .detail = arena_printf(&s->a, "more files than the %u "
		    "names a message checks; the rest not read",
		    DETECT_ARCHIVE_NAMES),
		    .detail_ja = arena_printf(&s->a, "1 通で確認できる %u "
		    "件を超えるファイルがあり、残りは読んでいません",
		    DETECT_ARCHIVE_NAMES) });
	else if (mb->unread > 0)
		archive_past_files(s, name, sha, mb->unread);
	else if (mb->spent > 0)
		finding_add(s, R_ATT_ARCHIVE_UNREAD, &(struct fargs){
		    .name = name, .sha256 = sha,
		    .detail = arena_printf(&s->a, "%zu files past the %u MB "
		    "a message may read; their names were checked", mb->spent,
		    DETECT_ARCHIVE_TOTAL >> 20),
		    .detail_ja = arena_printf(&s->a, "1 通で読める %u MB を"
		    "超える %zu 件。名前だけ確認しました",
		    DETECT_ARCHIVE_TOTAL >> 20, mb->spent) });
}

void
archive_walk(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n)
{
	struct archive	*a;
	struct walk	 w;
	int		 raw, doc = 0;

	if (s->depth >= DETECT_ARCHIVE_DEPTH) {
		char d[8];

		snprintf(d, sizeof(d), "%d", DETECT_ARCHIVE_DEPTH);
		finding_add(s, R_ATT_ARCHIVE_DEEP, &(struct fargs){
		    .name = name, .detail = d, .sha256 = ar_sha(s, p, n) });
		deep_names(s, name, p, n);
		return;
	}
	/* An Office document: its parts read as such, then its other
	 * entries as a zip's (a bomb stops there, as in any zip). */
	if (n >= 4 && memcmp(p, "PK\x03\x04", 4) == 0 &&
	    (doc = office_zip(s, name, p, n)) == 2)
		return;
	/* A lone compressed stream (.gz, .bz2, .xz, .zst, .lz4, .Z, .lzma,
	 * .lz) is read raw: when it is no archive, and when it opens as a
	 * tar that lists nothing (a disk image's zeros are a tar's end). */
	raw = (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) || (n >= 3 &&
	    memcmp(p, "BZh", 3) == 0) || (n >= 6 &&
	    memcmp(p, "\xfd" "7zXZ\0", 6) == 0) || (n >= 4 &&
	    memcmp(p, "\x28\xb5\x2f\xfd", 4) == 0) || (n >= 4 &&
	    memcmp(p, "\x04\x22\x4d\x18", 4) == 0) || (n >= 2 &&
	    p[0] == 0x1f && p[1] == 0x9d) || (n >= 4 &&
	    memcmp(p, "LZIP", 4) == 0) || (n >= 13 && p[0] == 0x5d &&
	    p[1] == 0 && p[2] == 0);
	memset(&w, 0, sizeof(w));
	w.name = name;
	w.p = p;
	w.n = n;
	w.doc = doc;
	w.first_enc = -1;
	buf_init(&w.names, 512);
	hset_init(&w.seen, NULL);
	if ((a = ar_open(p, n, 0, s->pw, s->npw)) != NULL) {
		ar_entries(s, &w, a);
		archive_read_free(a);
	}
	ar_retry(s, &w);
	if (raw && w.regular == 0 && !w.hidden && !w.bomb &&
	    (a = ar_open(p, n, 1, NULL, 0)) != NULL) {
		w.raw = 1;
		w.damaged = 0;
		ar_entries(s, &w, a);
		archive_read_free(a);
	}
	zip_dir_names(s, name, p, n, &w.seen);
	hset_free(&w.seen);
	if (w.bomb)
		ar_bomb(s, name, w.here > w.declared ? w.here : w.declared, n);
	if (w.locked)
		finding_add(s, R_ATT_ENCRYPTED_ARCHIVE, &(struct fargs){
		    .name = name, .sha256 = ar_sha(s, p, n),
		    .detail = arena_printf(&s->a, "it lists %s", w.names.ptr),
		    .detail_ja = arena_printf(&s->a, "%s を含みます",
		    w.names.ptr) });
	else if (w.encrypted && w.opened)
		finding_add(s, R_ATT_PPAP_OPENED, &(struct fargs){
		    .name = name, .sha256 = ar_sha(s, p, n) });
	if (w.hidden)
		finding_add(s, R_ATT_ARCHIVE_UNREAD, &(struct fargs){
		    .name = name, .sha256 = ar_sha(s, p, n),
		    .detail = "it is encrypted, its file names too",
		    .detail_ja = "ファイル名まで暗号化されています" });
	else if (w.unread > 0 && w.spent)
		finding_add(s, R_ATT_ARCHIVE_UNREAD, &(struct fargs){
		    .name = name, .sha256 = ar_sha(s, p, n),
		    .detail = arena_printf(&s->a, "%zu files past the %u a "
		    "message may open, their names checked; the rest not "
		    "read: skipping them inflates more than the limit",
		    w.unread, DETECT_ARCHIVE_FILES),
		    .detail_ja = arena_printf(&s->a, "1 通で開ける %u 件を"
		    "超える %zu 件は名前だけ確認し、残りは展開量の上限を超える"
		    "ため読んでいません", DETECT_ARCHIVE_FILES, w.unread) });
	else if (w.unread > 0)
		archive_past_files(s, name, ar_sha(s, p, n), w.unread);
	else if (w.damaged && w.regular > 0)
		finding_add(s, R_ATT_ARCHIVE_UNREAD, &(struct fargs){
		    .name = name, .sha256 = ar_sha(s, p, n),
		    .detail = "it is damaged",
		    .detail_ja = "壊れています" });
	/* Its password in the same mail: the encryption is for scanners.
	 * Only a password of this mail that opens it counts ("the password
	 * will be sent separately" names none). */
	if (w.opened && s->msg_passwords > 0 && ar_same_mail(s, &w))
		finding_add(s, R_ATT_PASSWORD_SAME_MAIL, &(struct fargs){
		    .name = name, .sha256 = ar_sha(s, p, n) });
	if (s->pw_tries >= DETECT_PASSWORD_TRIES)
		msg_truncated(s, s->m, CUT_TRIES);
	buf_release(&w.names);
}
