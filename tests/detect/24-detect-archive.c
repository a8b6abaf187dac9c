/*
 * 24-detect-archive: archives built here with libarchive: PPAP (an
 * encrypted zip opened with the password another mail of the scan
 * sent), zips nested 20 deep, a zip bomb, gzip, 7z and tar.gz, an OOXML
 * file with a remote template; the EICAR file through YARA, and ClamAV
 * with a one-signature database written at run time (and an empty one);
 * an OOXML zip bomb (many big .rels parts), which must cost no more than
 * the message's inflate budget and be reported like any other bomb, and
 * PDFs whose compressed streams charge the same budget; TNEF (winmail.dat)
 * written here, the files Outlook attached read inside it.
 */
#include <sys/stat.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <sodium.h>
#include <zlib.h>

#include "dtest.h"
#include "internal.h"
#include "tap.h"
#include "util.h"

struct ent {
	const char		*name;
	const unsigned char	*data;
	size_t			 len;
};

static unsigned char *
make(int fmt, int gz, const struct ent *e, size_t n, const char *pass,
    size_t *outlen)
{
	struct archive		*a = archive_write_new();
	struct archive_entry	*ae;
	size_t			 cap = 1 << 16, i, used = 0;
	unsigned char		*buf;

	for (i = 0; i < n; i++)
		cap += e[i].len + 1024;
	buf = xmalloc(cap);
	if (fmt == 0)
		archive_write_set_format_zip(a);
	else if (fmt == 1)
		archive_write_set_format_7zip(a);
	else if (fmt == 2)
		archive_write_set_format_pax_restricted(a);
	else
		archive_write_set_format_raw(a);
	if (gz)
		archive_write_add_filter_gzip(a);
	if (pass != NULL) {
		archive_write_set_options(a, "zip:encryption=traditional");
		archive_write_set_passphrase(a, pass);
	}
	archive_write_open_memory(a, buf, cap, &used);
	for (i = 0; i < n; i++) {
		ae = archive_entry_new();
		archive_entry_set_pathname_utf8(ae, e[i].name);
		archive_entry_set_size(ae, (la_int64_t)e[i].len);
		archive_entry_set_filetype(ae, AE_IFREG);
		archive_entry_set_perm(ae, 0644);
		archive_entry_set_mtime(ae, 1800000000, 0);
		archive_write_header(a, ae);
		archive_write_data(a, e[i].data, e[i].len);
		archive_entry_free(ae);
	}
	archive_write_close(a);
	archive_write_free(a);
	*outlen = used;
	return buf;
}

/* A message with a text and one base64 attachment. */
static char *
mail_text(const char *text, const char *fname, const unsigned char *p,
    size_t n, size_t *len)
{
	size_t	 bl = sodium_base64_encoded_len(n,
	    sodium_base64_VARIANT_ORIGINAL);
	char	*b = xmalloc(bl), *m;
	size_t	 i, o = 0, cap = bl + bl / 76 * 2 + 1024;

	sodium_bin2base64(b, bl, p, n, sodium_base64_VARIANT_ORIGINAL);
	cap += strlen(text);
	m = xmalloc(cap);
	o = (size_t)snprintf(m, cap, "From: Sato <sato@fabrikam.com>\r\n"
	    "To: taro@contoso.com\r\nSubject: files\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n--zz\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n--zz\r\n"
	    "Content-Type: application/octet-stream\r\n"
	    "Content-Disposition: attachment; filename=\"%s\"\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n", text, fname);
	for (i = 0; i < bl - 1 && b[i] != '\0'; i += 76) {
		size_t k = strnlen(b + i, 76);

		memcpy(m + o, b + i, k);
		o += k;
		memcpy(m + o, "\r\n", 2);
		o += 2;
	}
	o += (size_t)snprintf(m + o, cap - o, "--zz--\r\n");
	free(b);
	*len = o;
	return m;
}

static char *
mail(const char *fname, const unsigned char *p, size_t n, size_t *len)
{
	return mail_text("attached", fname, p, n, len);
}

static void
scan(struct detect_scan *s, const char *fname, const unsigned char *p,
    size_t n, struct detect_result *r)
{
	size_t	 len;
	char	*m = mail(fname, p, n, &len);

	if (detect_scan_mime(s, m, len, NULL, r) != 0)
		abort();
	free(m);
}

/* A Word document's content types and its text, as the OOXML tests
 * write them. */
static const char CT[] = "<Types><Override PartName=\"/word/"
    "document.xml\"/></Types>";
static const char DOC[] = "<w:document>hello</w:document>";

static unsigned char PE[512];

static void
ppap(struct detect_engine *e)
{
	struct detect_scan	*s = detect_scan_new(e);
	struct detect_result	 r;
	struct ent		 ent = { "見積書.exe", PE, sizeof(PE) };
	unsigned char		*z;
	size_t			 zl, len;
	char			*pw;
	FILE			*fp;
	const struct detect_finding *f;

	z = make(0, 0, &ent, 1, "Xk7pQ2mZ", &zl);
	scan(s, "見積書.zip", z, zl, &r);
	f = dt_find(&r, "attach.encrypted_archive");
	ok(f != NULL, "an encrypted zip, no password yet: reported");
	ok(f != NULL && strstr(f->evidence[DETECT_EN], "見積書.exe") != NULL,
	    "with the names it lists");
	/* A program's name in it: a threat before it is opened (an
	 * encrypted zip of an .exe is how malware passes scanners). */
	is_str(detect_verdict_name(r.verdict), "threat",
	    "as a threat: it names a program");
	ok(dt_find(&r, "attach.script") != NULL, "the program named");
	ok(dt_find(&r, "attach.executable") == NULL, "its content unseen");

	/* The password mail (newest first: it comes before the zip). */
	fp = fopen("tests/detect/data/ja-04-ppap-password-utf8.eml", "rb");
	pw = xmalloc(65536);
	len = fread(pw, 1, 65536, fp);
	fclose(fp);
	detect_scan_mime(s, pw, len, NULL, &r);
	is_str(detect_verdict_name(r.verdict), "clean",
	    "the password mail is clean");
	free(pw);
	scan(s, "見積書.zip", z, zl, &r);
	ok(dt_find(&r, "attach.ppap_opened") != NULL,
	    "the zip is opened with the password of the other mail");
	f = dt_find(&r, "attach.executable");
	ok(f != NULL, "and the program inside is found");
	is_str(f ? f->attachment : NULL, "見積書.zip > 見積書.exe",
	    "named inside its archive");
	is_str(detect_verdict_name(r.verdict), "threat", "a threat");
	free(z);
	detect_scan_free(s);
}

/*
 * PPAP whose archive holds nothing risky: a potential threat whether or
 * not its password was seen (scanners at delivery saw nothing inside),
 * and a threat when the password is in the same mail, where encryption
 * only keeps scanners out (Emotet's way).
 */
static void
ppap_plain(struct detect_engine *e)
{
	static const unsigned char quote[] = "Quotation 2026-11: 12 units.\n";
	struct detect_scan	*s = detect_scan_new(e);
	struct detect_result	 r;
	struct ent		 ent = { "見積書.txt", quote, sizeof(quote) - 1 };
	unsigned char		*z;
	size_t			 zl, len;
	char			*m;

	z = make(0, 0, &ent, 1, "Nw7#q2Lp", &zl);
	scan(s, "見積書.zip", z, zl, &r);
	ok(dt_find(&r, "attach.encrypted_archive") != NULL &&
	    r.verdict == DETECT_POTENTIAL, "not opened: potential");
	detect_scan_add_password(s, "Nw7#q2Lp");
	scan(s, "見積書.zip", z, zl, &r);
	ok(dt_find(&r, "attach.ppap_opened") != NULL,
	    "opened with a password of another mail");
	is_str(detect_verdict_name(r.verdict), "potential",
	    "still potential: nothing risky inside, but hidden at delivery");
	ok(dt_find(&r, "attach.password_in_same_mail") == NULL,
	    "the password was not in this mail");
	detect_scan_free(s);

	s = detect_scan_new(e);
	m = mail_text("請求書を送付いたします。\r\n解凍パスワード: Nw7#q2Lp\r\n",
	    "見積書.zip", z, zl, &len);
	detect_scan_mime(s, m, len, NULL, &r);
	ok(dt_find(&r, "attach.ppap_opened") != NULL,
	    "the password in the same mail opens it");
	ok(dt_find(&r, "attach.password_in_same_mail") != NULL,
	    "and that is said");
	is_str(detect_verdict_name(r.verdict), "threat", "a threat");
	free(m);
	m = mail_text("パスワードは別途お送りいたします。", "見積書.zip", z, zl,
	    &len);
	detect_scan_mime(s, m, len, NULL, &r);
	ok(dt_find(&r, "attach.password_in_same_mail") == NULL,
	    "\"the password follows in another mail\" is no password");
	free(m);
	free(z);
	detect_scan_free(s);
}

/* payload.exe in a zip, that zip in another, levels zips in all. */
static unsigned char *
nest(int levels, size_t *len)
{
	struct ent		 ent = { "payload.exe", PE, sizeof(PE) };
	unsigned char		*cur, *next;
	size_t			 cl, nl;
	int			 i;
	char			 name[32];

	cur = make(0, 0, &ent, 1, NULL, &cl);
	for (i = 0; i + 1 < levels; i++) {
		snprintf(name, sizeof(name), "level%d.zip", i);
		ent.name = name;
		ent.data = cur;
		ent.len = cl;
		next = make(0, 0, &ent, 1, NULL, &nl);
		free(cur);
		cur = next;
		cl = nl;
	}
	*len = cl;
	return cur;
}

static void
nested(struct detect_scan *s)
{
	struct detect_result	 r;
	struct ent		 ent;
	unsigned char		*cur, *next;
	size_t			 cl, nl;

	cur = nest(20, &cl);
	scan(s, "deep.zip", cur, cl, &r);
	ok(dt_find(&r, "attach.archive_deep") != NULL,
	    "zips nested 20 deep: the depth limit is reported");
	ok(r.verdict != DETECT_THREAT || dt_find(&r, "attach.executable") == NULL,
	    "and what is deeper is not opened");
	free(cur);

	/* Five zips: the fifth is not opened, but its directory names a
	 * program (review 23). */
	cur = nest(5, &cl);
	scan(s, "five.zip", cur, cl, &r);
	{
		const struct detect_finding *f = dt_find(&r,
		    "attach.script");

		ok(dt_find(&r, "attach.archive_deep") != NULL && f != NULL &&
		    strstr(f->evidence[DETECT_EN], "payload.exe") != NULL,
		    "five zips deep: the program past the limit named");
	}
	free(cur);

	/* Two levels: opened. */
	ent.name = "payload.exe";
	ent.data = PE;
	ent.len = sizeof(PE);
	cur = make(0, 0, &ent, 1, NULL, &cl);
	ent.name = "inner.zip";
	ent.data = cur;
	ent.len = cl;
	next = make(0, 0, &ent, 1, NULL, &nl);
	scan(s, "outer.zip", next, nl, &r);
	ok(dt_find(&r, "attach.executable") != NULL, "two levels are opened");
	free(cur);
	free(next);
}

static void
bomb(struct detect_scan *s)
{
	struct detect_result	 r;
	size_t			 n = 64u << 20, zl;
	unsigned char		*zeros = xcalloc(1, n), *z;
	struct ent		 ent = { "data.bin", zeros, n };

	z = make(0, 0, &ent, 1, NULL, &zl);
	diag("64 MB of zeros zip to %zu bytes", zl);
	scan(s, "bomb.zip", z, zl, &r);
	ok(dt_find(&r, "attach.archive_bomb") != NULL, "a zip bomb is reported");
	free(z);
	free(zeros);
}

/*
 * A .docx holding [Content_Types].xml and nparts .rels parts of each
 * bytes (spaces: they deflate a thousandfold).  Written with a buffer
 * sized for the compressed output, not for the 100 MB it inflates to.
 */
static unsigned char *
office_bomb(int nparts, size_t each, size_t *outlen)
{
	struct archive		*a = archive_write_new();
	struct archive_entry	*ae;
	size_t			 cap = (size_t)nparts * (each / 256 + 4096) +
	    65536, used = 0;
	unsigned char		*buf = xmalloc(cap), *sp = xmalloc(each);
	char			 name[64];
	int			 i;

	memset(sp, ' ', each);
	archive_write_set_format_zip(a);
	archive_write_open_memory(a, buf, cap, &used);
	for (i = -1; i < nparts; i++) {
		ae = archive_entry_new();
		if (i < 0)
			snprintf(name, sizeof(name), "[Content_Types].xml");
		else
			snprintf(name, sizeof(name),
			    "word/_rels/part%d.xml.rels", i);
		archive_entry_set_pathname_utf8(ae, name);
		archive_entry_set_size(ae, (la_int64_t)(i < 0 ? sizeof(CT) - 1 :
		    each));
		archive_entry_set_filetype(ae, AE_IFREG);
		archive_entry_set_perm(ae, 0644);
		if (archive_write_header(a, ae) != ARCHIVE_OK)
			abort();
		if (i < 0)
			archive_write_data(a, CT, sizeof(CT) - 1);
		else
			archive_write_data(a, sp, each);
		archive_entry_free(ae);
	}
	if (archive_write_close(a) != ARCHIVE_OK)
		abort();
	archive_write_free(a);
	free(sp);
	*outlen = used;
	return buf;
}

static void
ooxml_bomb(struct detect_scan *s)
{
	struct detect_result	 r;
	unsigned char		*z;
	size_t			 zl, len;
	char			*m;

	/* 8 parts of 16 MB: each under what one part may inflate to, all
	 * together twice the message's budget. */
	z = office_bomb(8, 16u << 20, &zl);
	diag("a .docx of 8 x 16 MB of .rels: %zu bytes", zl);
	m = mail("report.docx", z, zl, &len);
	detect_scan_mime(s, m, len, NULL, &r);
	ok(dt_find(&r, "attach.archive_bomb") != NULL,
	    "an OOXML zip bomb is reported as one");
	ok(r.verdict != DETECT_CLEAN, "and the message is not clean (%s)",
	    detect_verdict_name(r.verdict));
	/* Bytes, not seconds: what the scan inflated for this message. */
	ok(s->inflated <= DETECT_ARCHIVE_TOTAL,
	    "it inflated no more than the message's budget (%zu MB)",
	    s->inflated >> 20);
	free(m);
	free(z);
}

/*
 * A message with nattach PDFs, each of streams that inflate to 1 MB of
 * zeros: 8 MB per PDF (all a PDF may inflate), 72 MB for nine of them.
 */
static void
pdf_streams(struct detect_scan *s)
{
	static unsigned char	 zeros[1u << 20];
	unsigned char		 z[8192];
	uLongf			 zl = sizeof(z);
	struct buf		 m, pdf;
	struct detect_result	 r;
	size_t			 bl;
	char			*b;
	int			 i, j;

	if (compress(z, &zl, zeros, sizeof(zeros)) != Z_OK)
		abort();
	buf_init(&pdf, 1u << 20);
	buf_adds(&pdf, "%PDF-1.7\n");
	for (j = 0; j < 8; j++) {
		buf_addf(&pdf, "%d 0 obj\n<< /Length %lu /Filter /FlateDecode "
		    ">>\nstream\n", j + 1, (unsigned long)zl);
		buf_add(&pdf, z, zl);
		buf_adds(&pdf, "\nendstream\nendobj\n");
	}
	buf_adds(&pdf, "%%EOF\n");
	bl = sodium_base64_encoded_len(pdf.len, sodium_base64_VARIANT_ORIGINAL);
	b = xmalloc(bl);
	sodium_bin2base64(b, bl, (unsigned char *)pdf.ptr, pdf.len,
	    sodium_base64_VARIANT_ORIGINAL);
	buf_init(&m, 1u << 20);
	buf_adds(&m, "From: Sato <sato@fabrikam.com>\r\nTo: taro@contoso.com\r\n"
	    "Subject: files\r\nMIME-Version: 1.0\r\nContent-Type: "
	    "multipart/mixed; boundary=\"zz\"\r\n\r\n--zz\r\n"
	    "Content-Type: text/plain\r\n\r\nattached\r\n");
	for (i = 0; i < 9; i++)
		buf_addf(&m, "--zz\r\nContent-Type: application/pdf\r\n"
		    "Content-Disposition: attachment; filename=\"%d.pdf\"\r\n"
		    "Content-Transfer-Encoding: base64\r\n\r\n%s\r\n", i, b);
	buf_adds(&m, "--zz--\r\n");
	detect_scan_mime(s, m.ptr, m.len, NULL, &r);
	ok(dt_find(&r, "engine.truncated") != NULL,
	    "nine PDFs of 8 MB of streams: past the budget, said so");
	ok(s->inflated <= DETECT_ARCHIVE_TOTAL,
	    "the streams inflated no more than the message's budget (%zu MB)",
	    s->inflated >> 20);
	free(b);
	buf_release(&m);
	buf_release(&pdf);
}

static void
formats(struct detect_scan *s)
{
	static const unsigned char js[] = "var s = new ActiveXObject("
	    "'WScript.Shell'); s.Run('cmd /c calc');";
	struct detect_result	 r;
	struct ent		 ent = { "invoice.js", js, sizeof(js) - 1 };
	struct ent		 raw = { "data", PE, sizeof(PE) };
	const struct detect_finding *f;
	unsigned char		*z;
	size_t			 zl;

	z = make(1, 0, &ent, 1, NULL, &zl);
	scan(s, "invoice.7z", z, zl, &r);
	ok(dt_find(&r, "attach.script") != NULL, "a script inside a 7z");
	free(z);
	z = make(2, 1, &ent, 1, NULL, &zl);
	scan(s, "invoice.tar.gz", z, zl, &r);
	ok(dt_find(&r, "attach.script") != NULL, "a script inside a tar.gz");
	free(z);
	z = make(3, 1, &raw, 1, NULL, &zl);
	scan(s, "update.gz", z, zl, &r);
	ok(dt_find(&r, "attach.executable") != NULL, "a program in a .gz");
	free(z);

	/* rev23: a script compressed alone was "invoice.js.gz > data". */
	raw = (struct ent){ "data", js, sizeof(js) - 1 };
	z = make(3, 1, &raw, 1, NULL, &zl);
	scan(s, "invoice.js.gz", z, zl, &r);
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "invoice.js.gz > invoice.js",
	    "a script gzipped alone is named after the attachment");
	free(z);
	z = make(3, 1, &raw, 1, NULL, &zl);
	scan(s, "update.gz", z, zl, &r);
	ok(dt_find(&r, "attach.script") == NULL,
	    "and update.gz holds no script by its name");
	free(z);
}

/*
 * libarchive decompresses lrzip, grzip and lzop (without liblzo2) by
 * running the program of that name.  A .gz that holds lrzip data, or an
 * lrzip file itself, must never start one: a stand-in "lrzip" on the
 * PATH leaves a mark when it runs.
 */
static void
no_programs(struct detect_scan *s)
{
	static const unsigned char lrz[64] = "LRZI\0\x06";
	struct ent		 ent = { "data", lrz, sizeof(lrz) };
	struct detect_result	 r;
	char			 dir[] = "/tmp/shindan-24-XXXXXX", path[256];
	char			 mark[256], *old, *np;
	size_t			 npl;
	unsigned char		*z;
	size_t			 zl;
	FILE			*fp;

	if (!ok(mkdtemp(dir) != NULL, "a folder for a stand-in lrzip"))
		return;
	snprintf(path, sizeof(path), "%s/lrzip", dir);
	snprintf(mark, sizeof(mark), "%s/ran", dir);
	if ((fp = fopen(path, "w")) == NULL)
		abort();
	fprintf(fp, "#!/bin/sh\ntouch '%s'\ncat >/dev/null\n", mark);
	fclose(fp);
	chmod(path, 0755);
	old = xstrdup(getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	npl = strlen(dir) + strlen(old) + 2;
	np = xmalloc(npl);
	snprintf(np, npl, "%s:%s", dir, old);
	setenv("PATH", np, 1);
	z = make(3, 1, &ent, 1, NULL, &zl);
	scan(s, "data.gz", z, zl, &r);
	free(z);
	scan(s, "data.lrz", lrz, sizeof(lrz), &r);
	setenv("PATH", old, 1);
	ok(access(mark, F_OK) != 0, "no program is run to decompress "
	    "(lrzip in a .gz, and alone)");
	unlink(mark);
	unlink(path);
	rmdir(dir);
	free(np);
	free(old);
}

static void
ooxml(struct detect_scan *s)
{
	static const char rels[] = "<Relationships><Relationship Id=\"rId1\" "
	    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships/attachedTemplate\" Target=\"http://198.51.100.7/"
	    "t.dotm\" TargetMode=\"External\"/></Relationships>";
	static const char drels[] = "<Relationships><Relationship Id=\"r2\" "
	    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships/hyperlink\" Target=\"https://docs-view.example-"
	    "login.top/open\" TargetMode=\"External\"/></Relationships>";
	struct ent		 e[] = {
		{ "[Content_Types].xml", (const unsigned char *)CT,
		    sizeof(CT) - 1 },
		{ "word/document.xml", (const unsigned char *)DOC,
		    sizeof(DOC) - 1 },
		{ "word/_rels/settings.xml.rels", (const unsigned char *)rels,
		    sizeof(rels) - 1 },
		{ "word/_rels/document.xml.rels", (const unsigned char *)drels,
		    sizeof(drels) - 1 },
	};
	struct detect_result	 r;
	const struct detect_finding *f;
	unsigned char		*z;
	size_t			 zl;

	z = make(0, 0, e, nitems(e), NULL, &zl);
	scan(s, "offer.docx", z, zl, &r);
	f = dt_find(&r, "attach.remote_template");
	ok(f != NULL, "remote template injection");
	is_str(f ? f->url : NULL, "http://198.51.100.7/t.dotm",
	    "its template URL");
	ok(dt_find(&r, "url.risky_tld") != NULL,
	    "links of the document are checked");
	free(z);
}

/*
 * rev23: a zip holding a [Content_Types].xml or a META-INF/manifest.xml
 * was read as an Office or OpenDocument file only, so the invoice.exe
 * beside it was never looked at.  The document's own parts still are
 * not entries of their own: a document with a picture, a font and a
 * printer's settings gets nothing new.
 */
static void
office_others(struct detect_scan *s)
{
	static const char js[] = "var s = new ActiveXObject('WScript.Shell');";
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n";
	struct ent		 e[5];
	struct detect_result	 r;
	const struct detect_finding *f;
	unsigned char		*z;
	size_t			 zl;

	e[0] = (struct ent){ "[Content_Types].xml", (const unsigned char *)CT,
	    sizeof(CT) - 1 };
	e[1] = (struct ent){ "invoice.exe", PE, sizeof(PE) };
	z = make(0, 0, e, 2, NULL, &zl);
	scan(s, "invoice.zip", z, zl, &r);
	f = dt_find(&r, "attach.executable");
	is_str(f ? f->attachment : NULL, "invoice.zip > invoice.exe",
	    "a program beside a [Content_Types].xml");
	free(z);
	e[0] = (struct ent){ "META-INF/manifest.xml", (const unsigned char *)"",
	    0 };
	e[1] = (struct ent){ "docs/invoice.js", (const unsigned char *)js,
	    sizeof(js) - 1 };
	z = make(0, 0, e, 2, NULL, &zl);
	scan(s, "invoice.zip", z, zl, &r);
	ok(dt_find(&r, "attach.script") != NULL,
	    "a script beside a META-INF/manifest.xml");
	free(z);

	e[0] = (struct ent){ "[Content_Types].xml", (const unsigned char *)CT,
	    sizeof(CT) - 1 };
	e[1] = (struct ent){ "word/document.xml", (const unsigned char *)DOC,
	    sizeof(DOC) - 1 };
	e[2] = (struct ent){ "word/media/image1.png", png, sizeof(png) - 1 };
	e[3] = (struct ent){ "word/fonts/font1.odttf", PE, 64 };
	e[4] = (struct ent){ "word/printerSettings/printerSettings1.bin", PE,
	    sizeof(PE) };
	z = make(0, 0, e, 5, NULL, &zl);
	scan(s, "offer.docx", z, zl, &r);
	ok(r.verdict == DETECT_CLEAN && r.nfindings == 0,
	    "a document's own parts are no entries of their own (%s, %zu "
	    "findings: %s)", detect_verdict_name(r.verdict), r.nfindings,
	    r.nfindings > 0 ? r.findings[0].rule : "-");
	free(z);

	/* A script's name among the parts: Explorer shows it when the zip
	 * is named .zip, and no document holds one. */
	e[2] = (struct ent){ "word/media/invoice.js", (const unsigned char *)js,
	    sizeof(js) - 1 };
	z = make(0, 0, e, 3, NULL, &zl);
	scan(s, "offer.zip", z, zl, &r);
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "offer.zip > word/media/invoice.js",
	    "a script named among a document's parts");
	free(z);
}

/* rev23: an OpenDocument file's macro in Python (Scripts/python/). */
static void
odf_python(struct detect_scan *s)
{
	static const char manifest[] = "<manifest:manifest><manifest:file-"
	    "entry manifest:full-path=\"Scripts/python/x.py\"/>"
	    "</manifest:manifest>";
	static const char content[] = "<office:document-content><office:"
	    "event-listeners><script:event-listener script:event-name=\"dom:"
	    "load\" xlink:href=\"vnd.sun.star.script:x.py$run?language="
	    "Python&amp;location=document\"/></office:event-listeners>"
	    "</office:document-content>";
	static const char py[] = "import os\ndef run(*a): os.system('calc')\n";
	static const char mime[] = "application/vnd.oasis.opendocument.text";
	struct ent		 e[] = {
		{ "mimetype", (const unsigned char *)mime, sizeof(mime) - 1 },
		{ "META-INF/manifest.xml", (const unsigned char *)manifest,
		    sizeof(manifest) - 1 },
		{ "content.xml", (const unsigned char *)content,
		    sizeof(content) - 1 },
		{ "Scripts/python/x.py", (const unsigned char *)py,
		    sizeof(py) - 1 },
	};
	struct detect_result	 r;
	unsigned char		*z;
	size_t			 zl;

	z = make(0, 0, e, nitems(e), NULL, &zl);
	scan(s, "invoice.odt", z, zl, &r);
	ok(dt_find(&r, "attach.macro") != NULL,
	    "an OpenDocument file's Python macro");
	free(z);
}

/*
 * rev23: a VBA project under another name, found by its relationship
 * (word/settings2.bin); a remote template whose Target is written with
 * single quotes and blanks round "=".
 */
static void
ooxml_rels(struct detect_scan *s)
{
	static const char vrels[] = "<Relationships><Relationship Id=\"rId9\" "
	    "Type=\"http://schemas.microsoft.com/office/2006/relationships/"
	    "vbaProject\" Target=\"settings2.bin\"/></Relationships>";
	static const char trels[] = "<Relationships><Relationship Id=\"rId1\" "
	    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships/attachedTemplate\" Target = 'http://198.51.100.7/"
	    "t.dotm' TargetMode=\"External\"/></Relationships>";
	struct ent		 e[] = {
		{ "[Content_Types].xml", (const unsigned char *)CT,
		    sizeof(CT) - 1 },
		{ "word/document.xml", (const unsigned char *)DOC,
		    sizeof(DOC) - 1 },
		{ "word/_rels/document.xml.rels", (const unsigned char *)vrels,
		    sizeof(vrels) - 1 },
		{ "word/settings2.bin", PE, 64 },
	};
	struct detect_result	 r;
	const struct detect_finding *f;
	unsigned char		*z;
	size_t			 zl;

	z = make(0, 0, e, nitems(e), NULL, &zl);
	scan(s, "invoice.docm", z, zl, &r);
	ok(dt_find(&r, "attach.macro") != NULL,
	    "a VBA project found by its relationship, not its name");
	free(z);
	e[2] = (struct ent){ "word/_rels/settings.xml.rels",
	    (const unsigned char *)trels, sizeof(trels) - 1 };
	z = make(0, 0, e, 3, NULL, &zl);
	scan(s, "invoice.docx", z, zl, &r);
	f = dt_find(&r, "attach.remote_template");
	is_str(f ? f->url : NULL, "http://198.51.100.7/t.dotm",
	    "a remote template written Target = '...'");
	free(z);
}

static void
av(void)
{
	/* EICAR, assembled here so that no file in the tree is one. */
	char			 eicar[80], dir[] = "/tmp/shindan-clam.XXXXXX";
	char			 path[256], hex[65], err[256];
	static const unsigned char payload[] = "Shindan test payload: "
	    "harmless bytes that a one-line ClamAV database names.";
	struct detect_opts	 o;
	struct detect_engine	*e;
	struct detect_scan	*s;
	struct detect_result	 r;
	const struct detect_finding *f;
	unsigned char		 h[32];
	FILE			*fp;

	snprintf(eicar, sizeof(eicar), "X5O!P%%@AP[4\\PZX54(P^)7CC)7}$%s%s",
	    "EICAR-STANDARD-ANTIVIRUS-", "TEST-FILE!$H+H*");
	detect_opts_init(&o);
	if (mkdtemp(dir) == NULL)
		abort();
	o.clamav_db = dir;
	e = detect_engine_new(&o, err, sizeof(err));
	ok(e != NULL, "an empty ClamAV directory: the engine goes on");
	ok(e != NULL && strstr(detect_engine_describe(e), "clamav 0 ") != NULL,
	    "and says it has no signatures (%s)",
	    e ? detect_engine_describe(e) : err);
	s = detect_scan_new(e);
	scan(s, "eicar.com", (const unsigned char *)eicar, strlen(eicar), &r);
	f = dt_find(&r, "yara.eicar_test_file");
	ok(f != NULL && f->category == DETECT_MALWARE,
	    "EICAR through YARA: malware");
	is_str(detect_verdict_name(r.verdict), "threat", "a threat");
	detect_scan_free(s);
	detect_engine_free(e);

	crypto_hash_sha256(h, payload, sizeof(payload) - 1);
	hex_encode(h, sizeof(h), hex);
	snprintf(path, sizeof(path), "%s/shindan.hsb", dir);
	fp = fopen(path, "w");
	fprintf(fp, "%s:%zu:Shindan.Test.Payload\n", hex, sizeof(payload) - 1);
	fclose(fp);
	e = detect_engine_new(&o, err, sizeof(err));
	ok(e != NULL && strstr(detect_engine_describe(e), "clamav 1 ") != NULL,
	    "a one-signature database loads (%s)",
	    e ? detect_engine_describe(e) : err);
	s = detect_scan_new(e);
	scan(s, "payload.bin", payload, sizeof(payload) - 1, &r);
	f = dt_find(&r, "av.clamav");
	ok(f != NULL && strstr(f->evidence[DETECT_EN],
	    "Shindan.Test.Payload") != NULL, "ClamAV names the attachment");
	is_str(f ? f->sha256 : NULL, hex, "with its SHA-256");
	detect_scan_free(s);
	detect_engine_free(e);
	unlink(path);
	rmdir(dir);
}

/* Bytes written out in hex. */
static unsigned char *
unhex(const char *h, size_t *n)
{
	unsigned char	*b;
	size_t		 i;

	*n = strlen(h) / 2;
	b = xmalloc(*n);
	for (i = 0; i < *n; i++)
		sscanf(h + 2 * i, "%2hhx", &b[i]);
	return b;
}

/* A mail's text, then the archive: the result of the archive's mail. */
static int
ppap_pair(struct detect_engine *e, const char *subjeCT, const char *text,
    const unsigned char *z, size_t zl, struct detect_result *r)
{
	struct detect_scan	*s = detect_scan_new(e);
	char			 m[2048];
	size_t			 len;
	char			*mz;
	int			 n, opened;

	n = snprintf(m, sizeof(m), "From: Sato <sato@fabrikam.com>\r\n"
	    "To: taro@contoso.com\r\nSubject: %s\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n", subjeCT,
	    text);
	if (n < 0 || (size_t)n >= sizeof(m) ||
	    detect_scan_mime(s, m, (size_t)n, NULL, r) != 0)
		abort();
	mz = mail("docs.zip", z, zl, &len);
	detect_scan_mime(s, mz, len, NULL, r);
	free(mz);
	opened = dt_find(r, "attach.ppap_opened") != NULL;
	detect_scan_free(s);
	return opened;
}

/* A wrong password that passes the ZipCrypto check byte of z's first
 * entry (one in 256 does): its inflation fails instead. */
static int
collider(const unsigned char *z, size_t zl, char *out, size_t outsz)
{
	int	 i;

	for (i = 0; i < 20000; i++) {
		struct archive		*a = archive_read_new();
		struct archive_entry	*ae;
		unsigned char		 b[256];
		const char		*why;
		la_ssize_t		 k;

		snprintf(out, outsz, "Wrong%05d", i);
		archive_read_support_format_zip(a);
		archive_read_add_passphrase(a, out);
		archive_read_open_memory(a, z, zl);
		archive_read_next_header(a, &ae);
		k = archive_read_data(a, b, sizeof(b));
		why = archive_error_string(a);
		if (k < 0 && why != NULL && strstr(why, "assphrase") == NULL) {
			archive_read_free(a);
			return 1;
		}
		archive_read_free(a);
	}
	return 0;
}

/*
 * A review's findings on archives: a header that disagrees with the
 * central directory, one encrypted file in front of a clear program, the
 * 501st file's name, encrypted names (7z -mhe), a damaged zip, a disk
 * image gzipped, PPAP passwords in the forms people write them, a wrong
 * password that passes ZipCrypto's check byte, one mail of many
 * passwords, and prose that names no password.
 */
static void
review(struct detect_engine *e)
{
	/* invoice.7z as `7z a -p -mhe=on` writes it: even the names are
	 * encrypted (a 7zAES coder on the encoded header). */
	static const char sevenz[] = "377abcaf271c000429d0b68030000000000000"
	    "0028000000000000004712c3ccdb36dfd3a91c6a4109d779b86196f0594665af"
	    "132c47f824a3ace6de3f829a9d8e920340b38c033942b17cba8feabdb4170600"
	    "01093000070b0100012406f1070112530f8fd04861104e09de8677f0ed3e7d7a"
	    "2b0c280000";
	static const unsigned char note[] = "quotation 2026-11\n";
	static const struct {
		const char *subjeCT, *text;
	} forms[] = {
		{ "files", "パスワードはXy7kQ2pzです。" },
		{ "files", "パスワード：Xy7kQ2pz。" },
		{ "Password: Xy7kQ2pz", "as agreed" },
		{ "パスワード：Xy7kQ2pz", "よろしくお願いします" },
		{ "files", "パスワード：Ｘｙ７ｋＱ２ｐｚ" },
		{ "files", "The password for the zip file is Xy7kQ2pz" },
		{ "files", "The password for the attachment:\r\nXy7kQ2pz" },
		{ "files", "解凍パスワードは下記の通りです。\r\n\r\nXy7kQ2pz\r\n" },
		{ "files", "PW: Xy7kQ2pz" },
	};
	static const char *const prose[] = {
		"Please find the quotation attached. The password will be "
		    "sent in a separate email.",
		"The password is sent separately for security.",
	};
	struct detect_scan	*s = detect_scan_new(e);
	struct detect_result	 r;
	struct ent		 ents[2], *many;
	unsigned char		*z, *bin, *gz;
	char			 wrong[32], text[256], *list;
	size_t			 zl, i, bl, o;
	z_stream		 zs;

	/* The local header says 1 byte, the central directory 268. */
	ents[0] = (struct ent){ "doc.pdf", PE, sizeof(PE) };
	z = make(0, 0, ents, 1, NULL, &zl);
	z[22] = 1, z[23] = z[24] = z[25] = 0;
	scan(s, "wrong.zip", z, zl, &r);
	ok(r.verdict != DETECT_CLEAN && (dt_find(&r, "attach.executable") ||
	    dt_find(&r, "attach.archive_unread")),
	    "a zip whose local header lies about its size is no clean zip "
	    "(%s)", detect_verdict_name(r.verdict));
	free(z);

	/* An encrypted note (ZipCrypto, stored), then a program stub in
	 * clear (deflated): libarchive's writer encrypts all or none, so
	 * the zip is written out byte by byte. */
	{
		static const char two[] =
	    "504b0304140001000000000021004742ad2720000000140000000a0000007265"
	    "61646d652e747874111111111111111111111111797979797979797979797979"
	    "7979797979797979504b03041400000008000000210080ff0e0d0e0000000c01"
	    "00000b000000696e766f6963652e706466f38d62201b380071802bc3b0010050"
	    "4b01021400140001000000000021004742ad2720000000140000000a00000000"
	    "00000000000000000000000000726561646d652e747874504b01021400140000"
	    "0008000000210080ff0e0d0e0000000c0100000b000000000000000000000000"
	    "0048000000696e766f6963652e706466504b0506000000000200020071000000"
	    "7f0000000000";

		bin = unhex(two, &bl);
		scan(s, "docs.zip", bin, bl, &r);
		ok(dt_find(&r, "attach.encrypted_archive") != NULL &&
		    dt_find(&r, "attach.executable") != NULL,
		    "an encrypted file does not hide the clear program after it");
		free(bin);
	}

	/* 500 notes, then the program: its name is still read. */
	many = xcalloc(DETECT_ARCHIVE_FILES + 1, sizeof(*many));
	list = xmalloc((DETECT_ARCHIVE_FILES + 1) * 16);
	for (i = 0; i <= DETECT_ARCHIVE_FILES; i++) {
		snprintf(list + i * 16, 16, i < DETECT_ARCHIVE_FILES ?
		    "n%zu.txt" : "invoice.pdf.exe", i);
		many[i] = (struct ent){ list + i * 16, i <
		    DETECT_ARCHIVE_FILES ? note : PE, i < DETECT_ARCHIVE_FILES ?
		    sizeof(note) - 1 : sizeof(PE) };
	}
	z = make(0, 0, many, DETECT_ARCHIVE_FILES + 1, NULL, &zl);
	scan(s, "many.zip", z, zl, &r);
	ok(dt_find(&r, "attach.double_extension") != NULL &&
	    dt_find(&r, "attach.archive_unread") != NULL,
	    "the 501st file's name is checked, and the archive not read whole "
	    "is said");
	free(z);
	free(many);
	free(list);

	/* Names encrypted too. */
	bin = unhex(sevenz, &bl);
	scan(s, "invoice.7z", bin, bl, &r);
	ok(dt_find(&r, "attach.archive_unread") != NULL &&
	    r.verdict == DETECT_POTENTIAL,
	    "a 7z whose names are encrypted: not read whole, potential");
	free(bin);

	/* A file that starts like a zip and is none (the demo tenant's
	 * placeholder .xlsx): not an archive whose names are encrypted. */
	{
		static const unsigned char fake[] = "PK\3\4 quotation "
		    "placeholder PK\3\4 quotation placeholder";

		ents[0] = (struct ent){ "quote.xlsx", fake, sizeof(fake) - 1 };
		z = make(0, 0, ents, 1, NULL, &zl);
		scan(s, "quote.zip", z, zl, &r);
		ok(dt_find(&r, "attach.archive_unread") == NULL,
		    "a fake zip inside is no archive with encrypted names");
		free(z);
	}

	/* A zip cut in half is damaged, not encrypted. */
	ents[0] = (struct ent){ "report.txt", note, sizeof(note) - 1 };
	ents[1] = (struct ent){ "doc.pdf", PE, sizeof(PE) };
	z = make(0, 0, ents, 2, NULL, &zl);
	/* Cut inside the second file's data. */
	bin = memmem(z + 4, zl - 4, "PK\3\4", 4);
	scan(s, "trunc.zip", z, bin != NULL ? (size_t)(bin - z) + 40 : zl,
	    &r);
	ok(dt_find(&r, "attach.archive_unread") != NULL &&
	    dt_find(&r, "attach.encrypted_archive") == NULL,
	    "a truncated zip is damaged, not encrypted (%s %d, %zu findings: "
	    "%s)", detect_verdict_name(r.verdict), r.score, r.nfindings,
	    r.nfindings > 0 ? r.findings[0].rule : "-");
	free(z);

	/* A disk image, gzipped: 32 KB of zeros, then ISO 9660's mark. */
	bin = xcalloc(1, 40000);
	memcpy(bin + 0x8001, "CD001", 5);
	gz = xmalloc(45000);
	memset(&zs, 0, sizeof(zs));
	deflateInit2(&zs, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
	zs.next_in = bin;
	zs.avail_in = 40000;
	zs.next_out = gz;
	zs.avail_out = 45000;
	deflate(&zs, Z_FINISH);
	o = zs.total_out;
	deflateEnd(&zs);
	scan(s, "invoice.img.gz", gz, o, &r);
	ok(dt_find(&r, "attach.disk_image") != NULL,
	    "a gzipped disk image is read raw, not as an empty tar");
	free(bin);
	free(gz);
	detect_scan_free(s);

	/* PPAP: the forms a password is written in, and prose. */
	ents[0] = (struct ent){ "invoice.pdf", PE, sizeof(PE) };
	z = make(0, 0, ents, 1, "Xy7kQ2pz", &zl);
	for (i = 0; i < nitems(forms); i++)
		ok(ppap_pair(e, forms[i].subjeCT, forms[i].text, z, zl, &r),
		    "the password found in \"%s\" / \"%s\"", forms[i].subjeCT,
		    forms[i].text);
	for (i = 0; i < nitems(prose); i++) {
		struct detect_scan *t = detect_scan_new(e);
		size_t len;
		char *m = mail_text(prose[i], "quote.zip", z, zl, &len);

		detect_scan_mime(t, m, len, NULL, &r);
		ok(dt_find(&r, "attach.password_in_same_mail") == NULL &&
		    r.verdict == DETECT_POTENTIAL, "prose is no password: "
		    "\"%s\"", prose[i]);
		free(m);
		detect_scan_free(t);
	}

	/* A wrong password that passes the check byte, kept first. */
	if (collider(z, zl, wrong, sizeof(wrong))) {
		s = detect_scan_new(e);
		detect_scan_add_password(s, wrong);
		detect_scan_add_password(s, "Xy7kQ2pz");
		scan(s, "docs.zip", z, zl, &r);
		ok(dt_find(&r, "attach.executable") != NULL,
		    "a wrong password passing ZipCrypto's check byte does not "
		    "keep the right one from being tried (%s)", wrong);
		detect_scan_free(s);
	} else
		ok(0, "no password passing the check byte found");

	/* One mail of many passwords keeps four. */
	list = xmalloc(200 * 40);
	for (i = 0, o = 0; i < 200; i++)
		o += (size_t)snprintf(list + o, 200 * 40 - o,
		    "user%zu パスワード：Init%05zupw\r\n", i, i);
	s = detect_scan_new(e);
	detect_scan_add_password(s, "Xy7kQ2pz");
	snprintf(text, sizeof(text), "From: it@fabrikam.com\r\nTo: "
	    "taro@contoso.com\r\nSubject: accounts\r\n\r\n");
	{
		size_t tl = strlen(text);
		char *m = xmalloc(tl + o + 1);

		memcpy(m, text, tl);
		memcpy(m + tl, list, o);
		detect_scan_mime(s, m, tl + o, NULL, &r);
		free(m);
	}
	scan(s, "docs.zip", z, zl, &r);
	ok(dt_find(&r, "attach.executable") != NULL,
	    "a mail listing 200 passwords does not push the others out");
	detect_scan_free(s);
	free(list);
	free(z);
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * rev23 R1: a zip of ndirs folders, then nlocked files under a password
 * no password of the scan is.  Each locked file was tried with each
 * password on the archive opened again and read up to it: 20,000
 * folders and 300 files took 68 s.
 */
static void
dirs_locked(struct detect_engine *e)
{
	static const unsigned char note[] = "quotation 2026-11\n";
	const int		 ndirs = 2000, nlocked = 300;
	struct archive		*a = archive_write_new();
	struct archive_entry	*ae;
	struct detect_scan	*s = detect_scan_new(e);
	struct detect_result	 r;
	size_t			 cap = 4u << 20, used = 0;
	unsigned char		*buf = xmalloc(cap);
	char			 name[32];
	double			 t;
	int			 i;

	archive_write_set_format_zip(a);
	archive_write_set_options(a, "zip:encryption=traditional");
	archive_write_set_passphrase(a, "NobodyKnows9");
	archive_write_open_memory(a, buf, cap, &used);
	for (i = 0; i < ndirs + nlocked; i++) {
		ae = archive_entry_new();
		snprintf(name, sizeof(name), i < ndirs ? "d%06d/" :
		    "n%06d.txt", i);
		archive_entry_set_pathname(ae, name);
		archive_entry_set_filetype(ae, i < ndirs ? AE_IFDIR : AE_IFREG);
		archive_entry_set_perm(ae, 0755);
		archive_entry_set_size(ae, i < ndirs ? 0 :
		    (la_int64_t)sizeof(note) - 1);
		archive_write_header(a, ae);
		if (i >= ndirs)
			archive_write_data(a, note, sizeof(note) - 1);
		archive_entry_free(ae);
	}
	archive_write_close(a);
	archive_write_free(a);
	detect_scan_add_password(s, "Wrong1pw");
	detect_scan_add_password(s, "Wrong2pw");
	detect_scan_add_password(s, "Wrong3pw");
	detect_scan_add_password(s, "Wrong4pw");
	t = now();
	scan(s, "invoice.zip", buf, used, &r);
	t = now() - t;
	ok(dt_find(&r, "attach.encrypted_archive") != NULL &&
	    r.verdict == DETECT_POTENTIAL, "%d folders then %d locked files: "
	    "encrypted, potential (%s)", ndirs, nlocked,
	    detect_verdict_name(r.verdict));
	ok(t < 1.0, "and four passwords tried on them within a second "
	    "(%.2f s)", t);
	detect_scan_free(s);
	free(buf);
}

/*
 * rev23 R2: past the 500 entries a message opens, a .tar.zst's files
 * were still inflated to find the next header, charged to nothing (ten
 * files of 4 GB of zeros took 7 s).  Here 501 notes, then ten files of
 * 512 KB of zeros: the ratio of so small an archive pays for two or
 * three of them, and then the walk stops and says so.
 */
static void
skip_inflates(struct detect_engine *e)
{
	static const unsigned char note[] = "quotation 2026-11\n";
	const int		 nnotes = DETECT_ARCHIVE_FILES + 1, nzero = 10;
	const size_t		 zsz = 512u << 10;
	struct archive		*a = archive_write_new();
	struct archive_entry	*ae;
	struct detect_scan	*s = detect_scan_new(e);
	struct detect_result	 r;
	size_t			 cap = 4u << 20, used = 0;
	unsigned char		*buf = xmalloc(cap), *zero = xcalloc(1, zsz);
	char			 name[32];
	int			 i;

	archive_write_set_format_pax_restricted(a);
	archive_write_add_filter_zstd(a);
	archive_write_open_memory(a, buf, cap, &used);
	for (i = 0; i < nnotes + nzero; i++) {
		ae = archive_entry_new();
		snprintf(name, sizeof(name), i < nnotes ? "n%06d.txt" :
		    "z%06d.bin", i);
		archive_entry_set_pathname(ae, name);
		archive_entry_set_filetype(ae, AE_IFREG);
		archive_entry_set_perm(ae, 0644);
		archive_entry_set_size(ae, i < nnotes ?
		    (la_int64_t)sizeof(note) - 1 : (la_int64_t)zsz);
		archive_write_header(a, ae);
		archive_write_data(a, i < nnotes ? note : zero, i < nnotes ?
		    sizeof(note) - 1 : zsz);
		archive_entry_free(ae);
	}
	archive_write_close(a);
	archive_write_free(a);
	scan(s, "backup.tar.zst", buf, used, &r);
	ok(dt_find(&r, "attach.archive_unread") != NULL &&
	    dt_find(&r, "engine.truncated") != NULL, "a .tar.zst whose files "
	    "past the limit inflate past its ratio: not read whole, said so "
	    "(%zu KB)", used >> 10);
	ok(s->inflated > zsz / 2 && s->inflated < (size_t)nzero * zsz,
	    "what skipping them inflated is charged, and stopped (%zu KB)",
	    s->inflated >> 10);
	detect_scan_free(s);
	free(zero);
	free(buf);
}

/*
 * A zip (fmt 0) or 7z (1) whose names are written as Unicode: a zip's
 * with its UTF-8 flag, as 7-Zip and Python write them, a 7z's in UTF-16
 * as always.  The writer needs a UTF-8 locale to convert them; this
 * thread has one for the writing only, so the engine still reads in the
 * "C" locale, as a program that never calls setlocale() does.
 */
static unsigned char *
make_unicode(int fmt, const char *name, const unsigned char *p, size_t n,
    size_t *outlen)
{
	locale_t		 u = newlocale(LC_CTYPE_MASK, "C.UTF-8",
				    (locale_t)0), old;
	struct archive		*a = archive_write_new();
	struct archive_entry	*ae = archive_entry_new();
	size_t			 cap = n + 4096;
	unsigned char		*buf = xmalloc(cap);

	old = u != (locale_t)0 ? uselocale(u) : (locale_t)0;
	if (fmt == 0) {
		archive_write_set_format_zip(a);
		archive_write_set_options(a, "zip:hdrcharset=UTF-8");
	} else
		archive_write_set_format_7zip(a);
	archive_write_open_memory(a, buf, cap, outlen);
	archive_entry_set_pathname_utf8(ae, name);
	archive_entry_set_size(ae, (la_int64_t)n);
	archive_entry_set_filetype(ae, AE_IFREG);
	archive_entry_set_perm(ae, 0644);
	archive_write_header(a, ae);
	archive_write_data(a, p, n);
	archive_entry_free(ae);
	archive_write_close(a);
	archive_write_free(a);
	if (old != (locale_t)0)
		uselocale(old);
	if (u != (locale_t)0)
		freelocale(u);
	return buf;
}

/*
 * rev23: names in Unicode were lost (libarchive converts them to the
 * locale's charset, and the "C" locale has none for them), so 請求書.js
 * in a zip was "(no name)" and clean.  A CP932 name without the flag
 * must still read as before.
 */
static void
unicode_names(struct detect_scan *s)
{
	static const unsigned char js[] = "var s = new ActiveXObject("
	    "'WScript.Shell'); s.Run('cmd /c calc');";
	static const unsigned char pdf[] = "%PDF-1.4\n%%EOF\n";
	struct detect_result	 r;
	const struct detect_finding *f;
	struct ent		 ent = { "abcdef.js", js, sizeof(js) - 1 };
	unsigned char		*z, *q;
	size_t			 zl;

	z = make_unicode(0, "請求書.js", js, sizeof(js) - 1, &zl);
	ok(zl > 8 && (z[7] & 0x08) != 0, "the zip's name has the UTF-8 flag");
	scan(s, "請求書.zip", z, zl, &r);
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "請求書.zip > 請求書.js",
	    "a script named in Japanese in a zip (UTF-8 flag)");
	free(z);
	z = make_unicode(0, "invoice\xe2\x80\xaegpj.js", js, sizeof(js) - 1,
	    &zl);
	scan(s, "invoice.zip", z, zl, &r);
	ok(dt_find(&r, "attach.rtlo") != NULL, "a right-to-left override in "
	    "a zip's UTF-8 name");
	free(z);
	z = make_unicode(0, "請求書.pdf.vbs", pdf, sizeof(pdf) - 1, &zl);
	scan(s, "請求書.zip", z, zl, &r);
	ok(dt_find(&r, "attach.double_extension") != NULL,
	    "a double extension in a zip's UTF-8 name");
	free(z);
	z = make_unicode(1, "請求書.hta", js, sizeof(js) - 1, &zl);
	scan(s, "請求書.7z", z, zl, &r);
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "請求書.7z > 請求書.hta",
	    "a script named in Japanese in a 7z (UTF-16)");
	free(z);

	/* The name in CP932, no flag: 請求書 is 90 bf 8b 81 8f 91. */
	z = make(0, 0, &ent, 1, NULL, &zl);
	for (q = z; (q = memmem(q, zl - (size_t)(q - z), "abcdef", 6)) !=
	    NULL; q += 6)
		memcpy(q, "\x90\xbf\x8b\x81\x8f\x91", 6);
	scan(s, "請求書.zip", z, zl, &r);
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "請求書.zip > 請求書.js",
	    "a CP932 name without the flag is read as before");
	free(z);
}

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
}

static void
put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xffff);
	put16(p + 2, v >> 16);
}

/*
 * A zip of one stored file written byte by byte, its local header
 * naming it lname and its central directory cname (with the extra
 * field x), after junk bytes of text; with z64, its end record in the
 * zip64 form (the classic record's fields full, pointing at a zip64
 * record).
 */
static unsigned char *
zip1(const char *lname, const char *cname, const unsigned char *x,
    size_t xl, const unsigned char *d, size_t dl, size_t junk, int z64,
    size_t *len)
{
	size_t		 ll = strlen(lname), cl = strlen(cname), o, cd;
	unsigned char	*z = xcalloc(1, junk + 30 + ll + dl + 46 + cl + xl +
			    60 + 20 + 22);
	uint32_t	 crc = (uint32_t)crc32(0, d, (uInt)dl);

	memset(z, 'j', junk);
	o = junk;
	memcpy(z + o, "PK\x03\x04", 4);
	put16(z + o + 4, 20);
	put32(z + o + 14, crc);
	put32(z + o + 18, (uint32_t)dl);
	put32(z + o + 22, (uint32_t)dl);
	put16(z + o + 26, (unsigned)ll);
	memcpy(z + o + 30, lname, ll);
	memcpy(z + o + 30 + ll, d, dl);
	cd = o + 30 + ll + dl;
	o = cd;
	memcpy(z + o, "PK\x01\x02", 4);
	put16(z + o + 4, 20);
	put16(z + o + 6, 20);
	put32(z + o + 16, crc);
	put32(z + o + 20, (uint32_t)dl);
	put32(z + o + 24, (uint32_t)dl);
	put16(z + o + 28, (unsigned)cl);
	put16(z + o + 30, (unsigned)xl);
	put32(z + o + 42, 0);
	memcpy(z + o + 46, cname, cl);
	if (xl > 0)
		memcpy(z + o + 46 + cl, x, xl);
	o += 46 + cl + xl;
	if (z64) {
		/* 2: four bytes of extensible data; 3: the classic record's
		 * fields not full. */
		size_t ext = z64 == 2 ? 4 : 0;

		memcpy(z + o, "PK\x06\x06", 4);
		put32(z + o + 4, (uint32_t)(44 + ext));
		put16(z + o + 12, 45);
		put16(z + o + 14, 45);
		put32(z + o + 24, 1);
		put32(z + o + 32, 1);
		put32(z + o + 40, (uint32_t)(o - cd));
		put32(z + o + 48, (uint32_t)(cd - junk));
		memcpy(z + o + 56 + ext, "PK\x06\x07", 4);
		put32(z + o + 56 + ext + 8, (uint32_t)(o - junk));
		put32(z + o + 56 + ext + 16, 1);
		o += 56 + ext + 20;
	}
	memcpy(z + o, "PK\x05\x06", 4);
	put16(z + o + 8, 1);
	put16(z + o + 10, 1);
	put32(z + o + 12, z64 == 1 || z64 == 2 ? 0xffffffff :
	    (uint32_t)(z64 ? o - 56 - 20 - cd : o - cd));
	put32(z + o + 16, z64 == 1 || z64 == 2 ? 0xffffffff :
	    (uint32_t)(cd - junk));
	*len = o + 22;
	return z;
}

/*
 * A zip whose directory names a file otherwise than its local header:
 * Explorer and 7-Zip show the directory's name, libarchive reads the
 * header's (review 25).  Both are checked, the disagreement reported.
 */
static void
central_names(struct detect_scan *s)
{
	static const unsigned char js[] = "var s = new ActiveXObject("
	    "'WScript.Shell'); s.Run('cmd /c calc');";
	static const unsigned char txt[] = "the minutes of the meeting";
	unsigned char		 up[64], *z, *big, *zeros;
	const struct detect_finding *f;
	struct detect_result	 r;
	struct ent		 ent[2];
	size_t			 zl, n = 64u << 20;
	int			 i;

	z = zip1("invoice.txt", "invoice.jse", NULL, 0, js, sizeof(js) - 1,
	    0, 0, &zl);
	scan(s, "files.zip", z, zl, &r);
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "files.zip > invoice.jse",
	    "a script named so only in the zip's directory is flagged");
	f = dt_find(&r, "attach.name_mismatch");
	is_str(f ? f->attachment : NULL, "files.zip > invoice.jse",
	    "the names' disagreement is a finding, the shown name first");
	like_str(f ? f->evidence[DETECT_EN] : NULL, "\"invoice.txt\"",
	    "its evidence names the header's name");
	like_str(f ? f->evidence[DETECT_JA] : NULL, "「invoice.txt」",
	    "in Japanese too");
	is_int(r.verdict, DETECT_THREAT, "it is a threat");
	free(z);

	z = zip1("invoice.jse", "invoice.txt", NULL, 0, js, sizeof(js) - 1,
	    0, 0, &zl);
	scan(s, "files.zip", z, zl, &r);
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "files.zip > invoice.jse",
	    "the header's name is read as before");
	ok(dt_find(&r, "attach.name_mismatch") != NULL, "the other way round "
	    "is a disagreement too");
	free(z);

	z = zip1("minutes.txt", "minutes.txt", NULL, 0, txt, sizeof(txt) - 1,
	    0, 0, &zl);
	scan(s, "minutes.zip", z, zl, &r);
	ok(dt_find(&r, "attach.name_mismatch") == NULL && r.verdict ==
	    DETECT_CLEAN, "a zip whose names agree is clean (%d findings)",
	    (int)r.nfindings);
	free(z);

	/* 7-Zip shows the Info-ZIP Unicode path instead of the raw name. */
	memset(up, 0, sizeof(up));
	up[0] = 0x75;
	up[1] = 0x70;
	put16(up + 2, 5 + 10);
	up[4] = 1;
	put32(up + 5, (uint32_t)crc32(0, (const unsigned char *)"minutes.js",
	    10));
	memcpy(up + 9, "minutes.js", 10);
	z = zip1("minutes.txt", "minutes.txt", up, 4 + 5 + 10, js,
	    sizeof(js) - 1, 0, 0, &zl);
	scan(s, "minutes.zip", z, zl, &r);
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "minutes.zip > minutes.js",
	    "the Unicode path of the directory is checked as a name");
	free(z);

	z = zip1("invoice.txt", "invoice.jse", NULL, 0, js, sizeof(js) - 1,
	    300, 0, &zl);
	scan(s, "files.zip", z, zl, &r);
	ok(dt_find(&r, "attach.name_mismatch") != NULL &&
	    dt_find(&r, "attach.script") != NULL,
	    "found behind 300 bytes in front of the zip");
	free(z);
	z = zip1("invoice.txt", "invoice.jse", NULL, 0, js, sizeof(js) - 1,
	    0, 1, &zl);
	scan(s, "files.zip", z, zl, &r);
	ok(dt_find(&r, "attach.name_mismatch") != NULL &&
	    dt_find(&r, "attach.script") != NULL,
	    "found through a zip64 end record");
	/* A directory entry whose name runs past the directory: nothing
	 * read past it, a verdict all the same. */
	z[zl - 22 - 76 - 46 - 11 + 28] = 0xff;
	z[zl - 22 - 76 - 46 - 11 + 29] = 0xff;
	scan(s, "files.zip", z, zl, &r);
	ok(dt_find(&r, "attach.name_mismatch") == NULL, "a directory entry "
	    "past the directory's end is not read");
	free(z);

	/* A zip64 end record with extensible data, and zip64 records
	 * behind a classic record that is not full (review 25). */
	for (i = 2; i <= 3; i++) {
		z = zip1("invoice.txt", "invoice.jse", NULL, 0, js,
		    sizeof(js) - 1, 0, i, &zl);
		scan(s, "files.zip", z, zl, &r);
		ok(dt_find(&r, "attach.name_mismatch") != NULL &&
		    dt_find(&r, "attach.script") != NULL,
		    "found through zip64 records (%s)", i == 2 ?
		    "extensible data" : "classic record not full");
		free(z);
	}

	/* FF FE before a name is no UTF-16 mark (the name was read as
	 * CJK characters, its extension gone). */
	z = zip1("\xff\xfeinvoice.js", "\xff\xfeinvoice.js", NULL, 0, js,
	    sizeof(js) - 1, 0, 0, &zl);
	scan(s, "files.zip", z, zl, &r);
	f = dt_find(&r, "attach.script");
	ok(f != NULL && strstr(f->attachment, "invoice.js") != NULL,
	    "a name behind FF FE keeps its extension (%s)",
	    f ? f->attachment : "none");
	free(z);

	/* A path of 1,100 bytes: checked whole. */
	{
		char	 dirs[1101], ln[1200], cn[1200];

		memset(dirs, 'd', 1100);
		dirs[1100] = '\0';
		snprintf(ln, sizeof(ln), "%s/invoice.txt", dirs);
		snprintf(cn, sizeof(cn), "%s/invoice.jse", dirs);
		z = zip1(ln, cn, NULL, 0, js, sizeof(js) - 1, 0, 0, &zl);
		scan(s, "files.zip", z, zl, &r);
		f = dt_find(&r, "attach.script");
		ok(f != NULL && strstr(f->evidence[DETECT_EN], ".jse") != NULL,
		    "a directory name of 1,112 bytes is checked whole");
		free(z);
	}

	/* 10,500 folders before the file: folders are not counted. */
	{
		struct archive		*a = archive_write_new();
		struct archive_entry	*ae;
		size_t			 cap = 4u << 20, used = 0;
		unsigned char		*q;
		char			 dn[32];

		big = xmalloc(cap);
		archive_write_set_format_zip(a);
		archive_write_open_memory(a, big, cap, &used);
		for (i = 0; i < 10500; i++) {
			ae = archive_entry_new();
			snprintf(dn, sizeof(dn), "d%05d/", i);
			archive_entry_set_pathname(ae, dn);
			archive_entry_set_filetype(ae, AE_IFDIR);
			archive_entry_set_perm(ae, 0755);
			archive_write_header(a, ae);
			archive_entry_free(ae);
		}
		ae = archive_entry_new();
		archive_entry_set_pathname(ae, "invoice.txt");
		archive_entry_set_filetype(ae, AE_IFREG);
		archive_entry_set_perm(ae, 0644);
		archive_entry_set_size(ae, sizeof(js) - 1);
		archive_write_header(a, ae);
		archive_write_data(a, js, sizeof(js) - 1);
		archive_entry_free(ae);
		archive_write_close(a);
		archive_write_free(a);
		/* The directory's name, the last "invoice.txt" written. */
		for (q = big + used; q-- > big;)
			if (memcmp(q, "invoice.txt", 11) == 0) {
				memcpy(q, "invoice.jse", 11);
				break;
			}
		scan(s, "folders.zip", big, used, &r);
		ok(dt_find(&r, "attach.name_mismatch") != NULL &&
		    dt_find(&r, "attach.script") != NULL,
		    "a file after 10,500 folders is reached");
		free(big);
	}

	/* An entry marked as a symbolic link: Explorer makes a file of
	 * it, holding the link's target. */
	{
		struct archive		*a = archive_write_new();
		struct archive_entry	*ae = archive_entry_new();
		size_t			 cap = 4096, used = 0;

		big = xmalloc(cap);
		archive_write_set_format_zip(a);
		archive_write_open_memory(a, big, cap, &used);
		archive_entry_set_pathname(ae, "invoice.js");
		archive_entry_set_filetype(ae, AE_IFLNK);
		archive_entry_set_perm(ae, 0777);
		archive_entry_set_symlink(ae, (const char *)js);
		archive_write_header(a, ae);
		archive_entry_free(ae);
		archive_write_close(a);
		archive_write_free(a);
		scan(s, "link.zip", big, used, &r);
		f = dt_find(&r, "attach.script");
		is_str(f ? f->attachment : NULL, "link.zip > invoice.js",
		    "a zip entry marked as a link is checked by its name");
		free(big);
	}

	/* Past the depth limit the directory is read all the same. */
	z = zip1("invoice.txt", "invoice.jse", NULL, 0, js, sizeof(js) - 1,
	    0, 0, &zl);
	for (i = 0; i < DETECT_ARCHIVE_DEPTH; i++) {
		ent[0] = (struct ent){ "inner.zip", z, zl };
		big = make(0, 0, ent, 1, NULL, &zl);
		free(z);
		z = big;
	}
	scan(s, "deep.zip", z, zl, &r);
	f = dt_find(&r, "attach.script");
	ok(dt_find(&r, "attach.archive_deep") != NULL && f != NULL &&
	    strstr(f->attachment, "> invoice.jse") != NULL &&
	    dt_find(&r, "attach.name_mismatch") != NULL,
	    "a zip past the depth limit: its directory's names checked (%s)",
	    f ? f->attachment : "none");
	free(z);

	/* Past a bomb the walk stops; the directory still names the rest. */
	zeros = xcalloc(1, n);
	ent[0] = (struct ent){ "data.bin", zeros, n };
	ent[1] = (struct ent){ "invoice.exe", txt, sizeof(txt) - 1 };
	big = make(0, 0, ent, 2, NULL, &zl);
	scan(s, "bomb.zip", big, zl, &r);
	ok(dt_find(&r, "attach.archive_bomb") != NULL, "the bomb is reported");
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "bomb.zip > invoice.exe",
	    "the program named after it is flagged by its name");
	ok(dt_find(&r, "attach.name_mismatch") == NULL, "names that agree "
	    "are no disagreement");
	free(big);

	/* The bomb itself named as a program, in a .tar.gz (no directory
	 * to read): its name is checked when its size stops the walk. */
	ent[0] = (struct ent){ "setup.exe", zeros, 16u << 20 };
	big = make(2, 1, ent, 1, NULL, &zl);
	scan(s, "bomb.tar.gz", big, zl, &r);
	f = dt_find(&r, "attach.script");
	ok(dt_find(&r, "attach.archive_bomb") != NULL && f != NULL &&
	    strcmp(f->attachment, "bomb.tar.gz > setup.exe") == 0,
	    "a bomb named as a program is a program by its name (%s)",
	    f ? f->attachment : "none");
	free(big);
	free(zeros);
}

/* The file at path into a buffer (at most 1 MB): its length, 0 when
 * unread. */
static size_t
slurp(const char *path, unsigned char **out)
{
	FILE	*f;
	size_t	 n = 0;

	*out = xmalloc(1u << 20);
	if ((f = fopen(path, "rb")) != NULL) {
		n = fread(*out, 1, 1u << 20, f);
		fclose(f);
	}
	return n;
}

/* One mail of text and the attachment at path, scanned alone by a new
 * scan in *sp (the one before freed: the result lives in it). */
static void
scan_file(struct detect_engine *e, struct detect_scan **sp,
    const char *text, const char *fname, const char *path,
    struct detect_result *r)
{
	unsigned char	*c;
	size_t		 cl = slurp(path, &c), ml;
	char		*m = mail_text(text, fname, c, cl, &ml);

	ok(cl > 0, "%s read", path);
	if (*sp != NULL)
		detect_scan_free(*sp);
	*sp = detect_scan_new(e);
	if (detect_scan_mime(*sp, m, ml, NULL, r) != 0)
		abort();
	free(m);
	free(c);
}

/*
 * Office documents saved with a password to open (PPAP: the password in
 * the same mail, in an earlier one, or nowhere), encrypted by
 * tests/detect/officeenc.py as Office does (Agile: SHA-512 and AES-256,
 * SHA-1 and AES-128, SHA-256; Standard: AES-128 and AES-256), each file
 * first checked with msoffcrypto-tool, another implementation: it must
 * give back the document.  Opened, the macros inside are found.
 */
static void
office_ppap(struct detect_engine *e)
{
	static const char ct[] = "<Types><Default Extension=\"bin\" "
	    "ContentType=\"application/vnd.ms-office.vbaProject\"/>"
	    "<Override PartName=\"/word/document.xml\"/></Types>";
	static const char doc[] = "<w:document>invoice</w:document>";
	static const unsigned char vba[] = "\xd0\xcf\x11\xe0" "Attribute "
	    "VB_Name = \"ThisDocument\"\nSub AutoOpen()\nEnd Sub\n";
	static const char *const kinds[] = { "agile", "agile 128 sha1",
	    "agile 256 sha256", "standard", "standard 256" };
	struct ent		 ents[] = {
		{ "[Content_Types].xml", (const unsigned char *)ct,
		    sizeof(ct) - 1 },
		{ "word/document.xml", (const unsigned char *)doc,
		    sizeof(doc) - 1 },
		{ "word/vbaProject.bin", vba, sizeof(vba) - 1 },
	};
	char			 dir[] = "/tmp/shindan-officeXXXXXX", plain[64],
				 enc[64], back[64], cmd[512], *m;
	unsigned char		*z, *c;
	size_t			 zl, cl, ml, i;
	struct detect_result	 r;
	struct detect_scan	*s = NULL;
	FILE			*f;
	int			 rc, have_check;

	if (mkdtemp(dir) == NULL) {
		ok(0, "a temporary directory");
		return;
	}
	snprintf(plain, sizeof(plain), "%s/plain.docm", dir);
	snprintf(enc, sizeof(enc), "%s/enc.docm", dir);
	snprintf(back, sizeof(back), "%s/back.docm", dir);
	z = make(0, 0, ents, nitems(ents), NULL, &zl);
	if ((f = fopen(plain, "wb")) == NULL || fwrite(z, 1, zl, f) != zl ||
	    fclose(f) != 0)
		ok(0, "%s written", plain);
	have_check = system("command -v msoffcrypto-tool > /dev/null 2>&1") ==
	    0;
	ok(have_check, "msoffcrypto-tool is there (tools/deps.list)");
	for (i = 0; i < nitems(kinds); i++) {
		char	 k[32], *bits;

		snprintf(k, sizeof(k), "%s", kinds[i]);
		bits = strchr(k, ' ');
		if (bits != NULL)
			*bits++ = '\0';
		snprintf(cmd, sizeof(cmd), "python3 tests/detect/officeenc.py "
		    "%s Kp3vQ9xw %s %s %s", k, plain, enc, bits ? bits : "");
		rc = system(cmd);
		if (!ok(rc == 0, "%s: encrypted (%s)", kinds[i], cmd))
			continue;
		if (have_check) {
			snprintf(cmd, sizeof(cmd), "msoffcrypto-tool -p Kp3vQ9xw "
			    "%s %s && cmp -s %s %s", enc, back, back, plain);
			ok(system(cmd) == 0, "%s: msoffcrypto-tool decrypts it "
			    "to the document", kinds[i]);
		}
		/* The password in the same mail. */
		scan_file(e, &s, "The invoice. Password: Kp3vQ9xw",
		    "invoice.docm", enc, &r);
		ok(dt_find(&r, "attach.macro") != NULL &&
		    dt_find(&r, "attach.ppap_opened") != NULL &&
		    dt_find(&r, "attach.password_in_same_mail") != NULL &&
		    dt_find(&r, "attach.encrypted_document") == NULL,
		    "%s, its password in the same mail: opened, the macros "
		    "found, the password in the same mail said", kinds[i]);
		/* In an earlier mail. */
		detect_scan_free(s);
		s = detect_scan_new(e);
		cl = slurp(enc, &c);
		m = mail_text("The password is below.\r\nPassword: Kp3vQ9xw",
		    "note.txt", (const unsigned char *)"x", 1, &ml);
		if (detect_scan_mime(s, m, ml, NULL, &r) != 0)
			abort();
		free(m);
		m = mail("invoice.docm", c, cl, &ml);
		if (detect_scan_mime(s, m, ml, NULL, &r) != 0)
			abort();
		ok(dt_find(&r, "attach.macro") != NULL &&
		    dt_find(&r, "attach.ppap_opened") != NULL &&
		    dt_find(&r, "attach.password_in_same_mail") == NULL,
		    "%s, its password in an earlier mail: opened, the macros "
		    "found", kinds[i]);
		free(m);
		free(c);
		/* Nowhere. */
		scan_file(e, &s, "The invoice.", "invoice.docm", enc, &r);
		ok(dt_find(&r, "attach.encrypted_document") != NULL &&
		    dt_find(&r, "attach.macro") == NULL, "%s, no password: "
		    "protected, unread", kinds[i]);
	}
	/* Excel's built-in password opens it without a prompt: tried
	 * first, with no password in the scan. */
	snprintf(cmd, sizeof(cmd), "python3 tests/detect/officeenc.py agile "
	    "VelvetSweatshop %s %s", plain, enc);
	if (ok(system(cmd) == 0, "agile with VelvetSweatshop: encrypted")) {
		if (have_check) {
			snprintf(cmd, sizeof(cmd), "msoffcrypto-tool -p "
			    "VelvetSweatshop %s %s && cmp -s %s %s", enc, back,
			    back, plain);
			ok(system(cmd) == 0, "agile with VelvetSweatshop: "
			    "msoffcrypto-tool decrypts it to the document");
		}
		scan_file(e, &s, "The invoice.", "invoice.docm", enc, &r);
		ok(dt_find(&r, "attach.default_password") != NULL &&
		    dt_find(&r, "attach.macro") != NULL &&
		    dt_find(&r, "attach.encrypted_document") == NULL &&
		    dt_find(&r, "attach.ppap_opened") == NULL, "agile with "
		    "VelvetSweatshop, no password in the scan: opened, the "
		    "macros found");
	}
	/* A hostile EncryptionInfo asks for ten million rounds: tried
	 * within the message's budget of hashes (about a second), and the
	 * truncation said. */
	snprintf(cmd, sizeof(cmd), "python3 -c \"import sys; sys.path."
	    "insert(0, 'tests/detect'); import officeenc as o; i, p = "
	    "o.agile(open('%s', 'rb').read(), 'Kp3vQ9xw', spin=1); i = i."
	    "replace(b'spinCount=\\\"1\\\"', b'spinCount=\\\"10000000\\\"'); "
	    "open('%s', 'wb').write(o.cfb([('EncryptionInfo', i), "
	    "('EncryptedPackage', p)]))\"", plain, enc);
	if (ok(system(cmd) == 0, "a file of ten million rounds")) {
		scan_file(e, &s, "Password: Kp3vQ9xw", "invoice.docm", enc,
		    &r);
		ok(dt_find(&r, "attach.encrypted_document") != NULL &&
		    dt_find(&r, "engine.truncated") != NULL, "ten million "
		    "rounds: not tried past the budget, protected, said");
	}
	if (s != NULL)
		detect_scan_free(s);
	free(z);
	unlink(plain);
	unlink(enc);
	unlink(back);
	rmdir(dir);
}


/* An .xls with a macro sheet encrypted with pw by officeenc.py into
 * enc, and (when check) decrypted by msoffcrypto-tool into back, which
 * must be that workbook. */
static int
xls_write(const char *kind, const char *pw, const char *enc,
    const char *back, int check)
{
	char	 cmd[512];

	snprintf(cmd, sizeof(cmd), "python3 tests/detect/officeenc.py xls "
	    "%s %s %s macro", kind, pw, enc);
	if (!ok(system(cmd) == 0, "%s, %s: written (%s)", kind, pw, cmd))
		return 0;
	if (check) {
		snprintf(cmd, sizeof(cmd), "msoffcrypto-tool -p %s %s %s && "
		    "python3 tests/detect/officeenc.py xls-check %s %s macro",
		    pw, enc, back, kind, back);
		ok(system(cmd) == 0, "%s, %s: msoffcrypto-tool decrypts it to "
		    "the workbook", kind, pw);
	}
	return 1;
}

/*
 * Excel 97-2003 workbooks with a password (RC4 CryptoAPI of 128 and 40
 * bits, RC4), written by tests/detect/officeenc.py from MS-XLS and
 * MS-OFFCRYPTO with an Excel 4.0 macro sheet, whose type the encryption
 * hides; each first decrypted by msoffcrypto-tool, another
 * implementation, back to the workbook.  With Excel's built-in password
 * "VelvetSweatshop" (Excel opens it without asking): decrypted, the
 * macro sheet found, attach.default_password; with a password in the
 * mail: PPAP; with none: protected.  An OOXML document encrypted with
 * the built-in password is opened too.
 */
static void
xls_crypt(struct detect_engine *e)
{
	static const char *const kinds[] = { "cryptoapi", "cryptoapi40",
	    "rc4" };
	char			 dir[] = "/tmp/shindan-xlsXXXXXX", enc[64],
				 back[64], cmd[512];
	struct detect_result	 r;
	struct detect_scan	*s = NULL;
	size_t			 i;
	int			 have_check;

	if (mkdtemp(dir) == NULL) {
		ok(0, "a temporary directory");
		return;
	}
	snprintf(enc, sizeof(enc), "%s/enc.xls", dir);
	snprintf(back, sizeof(back), "%s/back.xls", dir);
	have_check = system("command -v msoffcrypto-tool > /dev/null 2>&1") ==
	    0;
	for (i = 0; i < nitems(kinds); i++) {
		if (!xls_write(kinds[i], "VelvetSweatshop", enc, back,
		    have_check))
			continue;
		snprintf(cmd, sizeof(cmd), "python3 tests/detect/officeenc.py "
		    "xls-check %s %s macro", kinds[i], enc);
		ok(!have_check || system(cmd) != 0, "%s: the check fails on "
		    "the encrypted file", kinds[i]);
		scan_file(e, &s, "The figures for November.", "figures.xls", enc,
		    &r);
		ok(dt_find(&r, "attach.default_password") != NULL &&
		    dt_find(&r, "attach.xlm_macro") != NULL &&
		    dt_find(&r, "attach.encrypted_document") == NULL &&
		    dt_find(&r, "attach.ppap_opened") == NULL &&
		    r.verdict == DETECT_THREAT, "%s with VelvetSweatshop: "
		    "opened without a password given, the macro sheet found, "
		    "a threat", kinds[i]);

		if (!xls_write(kinds[i], "Zx8rTq4m", enc, back, have_check))
			continue;
		scan_file(e, &s, "The figures. Password: Zx8rTq4m", "figures.xls",
		    enc, &r);
		ok(dt_find(&r, "attach.ppap_opened") != NULL &&
		    dt_find(&r, "attach.password_in_same_mail") != NULL &&
		    dt_find(&r, "attach.xlm_macro") != NULL &&
		    dt_find(&r, "attach.default_password") == NULL &&
		    dt_find(&r, "attach.encrypted_document") == NULL,
		    "%s, its password in the mail: opened, the macro sheet "
		    "found", kinds[i]);
		scan_file(e, &s, "The figures. Password: Wrong999", "figures.xls",
		    enc, &r);
		ok(dt_find(&r, "attach.encrypted_document") != NULL &&
		    dt_find(&r, "attach.ppap_opened") == NULL &&
		    dt_find(&r, "attach.xlm_macro") != NULL, "%s, a wrong "
		    "password: protected, not opened, its macro sheet seen by "
		    "its BOF record, never encrypted", kinds[i]);
	}
	/* A workbook of one plain sheet under the built-in password: no
	 * more than the encryption to say, a potential threat. */
	snprintf(cmd, sizeof(cmd), "python3 tests/detect/officeenc.py xls "
	    "cryptoapi VelvetSweatshop %s", enc);
	if (ok(system(cmd) == 0, "a workbook of one sheet")) {
		scan_file(e, &s, "The figures.", "figures.xls", enc, &r);
		ok(dt_find(&r, "attach.default_password") != NULL &&
		    dt_find(&r, "attach.xlm_macro") == NULL &&
		    r.verdict == DETECT_POTENTIAL, "one plain sheet under "
		    "VelvetSweatshop: said, a potential threat");
	}
	if (s != NULL)
		detect_scan_free(s);
	unlink(enc);
	unlink(back);
	rmdir(dir);
}

/*
 * TNEF (MS-OXTNEF), as Outlook writes winmail.dat: a signature, a key,
 * then attributes of a level, an id, a length, the data and the sum of
 * its bytes.  The message's attributes first (version, code page,
 * class), then each attachment's: attAttachRendData, its title (the
 * short name), its data, and attAttachment (its MAPI properties).
 */
#define TNEF_RENDDATA	0x00069002u
#define TNEF_TITLE	0x00018010u
#define TNEF_DATA	0x0006800fu
#define TNEF_PROPS	0x00069005u

static void
add32(struct buf *b, uint32_t v)
{
	unsigned char	 q[4];

	put32(q, v);
	buf_add(b, q, 4);
}

static void
tnef_attr(struct buf *b, int lvl, uint32_t id, const void *p, size_t n)
{
	const unsigned char	*q = p;
	unsigned char		 h[9], c[2];
	unsigned		 sum = 0;
	size_t			 i;

	h[0] = (unsigned char)lvl;
	put32(h + 1, id);
	put32(h + 5, (uint32_t)n);
	buf_add(b, h, sizeof(h));
	buf_add(b, p, n);
	for (i = 0; i < n; i++)
		sum += q[i];
	c[0] = sum & 0xff;
	c[1] = sum >> 8 & 0xff;
	buf_add(b, c, 2);
}

/* The stream's start: 8-bit strings in code page cp. */
static void
tnef_begin(struct buf *b, uint32_t cp)
{
	unsigned char	 page[8] = { 0 };

	buf_init(b, 64u << 20);
	buf_add(b, "\x78\x9f\x3e\x22\x01\x00", 6);
	tnef_attr(b, 1, 0x00089006u, "\0\0\1\0", 4);
	put32(page, cp);
	tnef_attr(b, 1, 0x00069007u, page, sizeof(page));
	tnef_attr(b, 1, 0x00078008u, "IPM.Microsoft Mail.Note", 24);
}

/* MAPI properties: a count, then each tag and value, padded to four. */
struct props {
	struct buf	 b;
	uint32_t	 n;
};

static void
prop_bytes(struct props *m, uint32_t tag, const void *p, size_t n)
{
	static const unsigned char zero[4];

	m->n++;
	add32(&m->b, tag);
	add32(&m->b, 1);
	add32(&m->b, (uint32_t)n);
	buf_add(&m->b, p, n);
	buf_add(&m->b, zero, (4 - n % 4) % 4);
}

/* A UTF-8 string (of the Basic Multilingual Plane) as PtypString. */
static void
prop_unicode(struct props *m, uint16_t id, const char *u)
{
	const unsigned char	*q = (const unsigned char *)u;
	unsigned char		 w[512];
	size_t			 n = 0;
	uint32_t		 cp;

	while (*q != '\0' && n + 4 <= sizeof(w)) {
		if (*q < 0x80)
			cp = *q++;
		else if (*q < 0xe0) {
			cp = (uint32_t)(q[0] & 0x1f) << 6 | (q[1] & 0x3f);
			q += 2;
		} else {
			cp = (uint32_t)(q[0] & 0x0f) << 12 |
			    (uint32_t)(q[1] & 0x3f) << 6 | (q[2] & 0x3f);
			q += 3;
		}
		w[n++] = cp & 0xff;
		w[n++] = cp >> 8 & 0xff;
	}
	w[n++] = 0;
	w[n++] = 0;
	prop_bytes(m, 0x001fu | (uint32_t)id << 16, w, n);
}

/* Properties a writer puts before the names: a named one (its GUID,
 * kind 0, number) and a time, which a reader must step over. */
static void
props_begin(struct props *m)
{
	unsigned char	 v[28] = { 0 };

	buf_init(&m->b, 64u << 20);
	m->n = 0;
	m->n++;
	add32(&m->b, 0x0003u | 0x8005u << 16);
	memcpy(v, "\x08\x20\x06\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00\x00"
	    "\x00\x46", 16);
	put32(v + 20, 0x8580);
	put32(v + 24, 7);
	buf_add(&m->b, v, sizeof(v));
	m->n++;
	add32(&m->b, 0x0040u | 0x3007u << 16);
	buf_add(&m->b, "\0\x80\x3e\xd5\xde\xb1\x9d\x01", 8);
}

static void
tnef_props(struct buf *b, struct props *m)
{
	struct buf	 all;

	buf_init(&all, 64u << 20);
	add32(&all, m->n);
	buf_add(&all, m->b.ptr, m->b.len);
	tnef_attr(b, 2, TNEF_PROPS, all.ptr, all.len);
	buf_release(&all);
	buf_release(&m->b);
}

/* One attached file: its title, its data, and its long name (when not
 * NULL) among its properties. */
static void
tnef_file(struct buf *b, const char *title, const char *lname,
    const void *p, size_t n)
{
	static const unsigned char rend[14] = { 1, 0, 0xff, 0xff, 0xff, 0xff };
	struct props	 m;

	tnef_attr(b, 2, TNEF_RENDDATA, rend, sizeof(rend));
	tnef_attr(b, 2, TNEF_TITLE, title, strlen(title) + 1);
	tnef_attr(b, 2, TNEF_DATA, p, n);
	props_begin(&m);
	if (lname != NULL)
		prop_unicode(&m, 0x3707, lname);
	tnef_props(b, &m);
}

/* An attached message (IID_IMessage, then its own TNEF stream). */
static void
tnef_message(struct buf *b, const char *subject, const void *p, size_t n)
{
	static const unsigned char rend[14] = { 1, 0, 0xff, 0xff, 0xff, 0xff };
	struct props	 m;
	struct buf	 obj;

	tnef_attr(b, 2, TNEF_RENDDATA, rend, sizeof(rend));
	props_begin(&m);
	prop_unicode(&m, 0x3001, subject);
	buf_init(&obj, 64u << 20);
	buf_add(&obj, "\x07\x03\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00"
	    "\x00\x00\x46", 16);
	buf_add(&obj, p, n);
	m.n++;
	add32(&m.b, 0x000du | 0x3701u << 16);
	add32(&m.b, 1);
	add32(&m.b, (uint32_t)obj.len);
	buf_add(&m.b, obj.ptr, obj.len);
	buf_add(&m.b, "\0\0\0", (4 - obj.len % 4) % 4);
	buf_release(&obj);
	tnef_props(b, &m);
}

/* invoice.exe in a winmail.dat, and that inside levels - 1 attached
 * messages. */
static void
tnef_nested(struct buf *b, int levels)
{
	struct buf	 in;
	int		 i;

	tnef_begin(b, 1252);
	tnef_file(b, "invoice.exe", NULL, PE, sizeof(PE));
	for (i = 1; i < levels; i++) {
		in = *b;
		tnef_begin(b, 1252);
		tnef_message(b, "Fwd: invoice", in.ptr, in.len);
		buf_release(&in);
	}
}

/* Attachments Outlook sends in winmail.dat are the mail's attachments
 * to its reader: each read as one, named inside it. */
static void
tnef(struct detect_scan *s)
{
	static const char js[] = "var s = new ActiveXObject('WScript.Shell');"
	    " s.Run('cmd /c calc');";
	static const char note[] = "Minutes of the meeting: "
	    "https://intranet.contoso.com/minutes/2026-11\n";
	struct detect_result	 r;
	const struct detect_finding *f;
	struct buf		 b;
	struct ent		 ent;
	unsigned char		*z;
	size_t			 zl, i, d;
	int			 found;

	tnef_begin(&b, 1252);
	tnef_file(&b, "invoice.exe", NULL, PE, sizeof(PE));
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
	f = dt_find(&r, "attach.executable");
	is_str(f ? f->attachment : NULL, "winmail.dat > invoice.exe",
	    "a program in a winmail.dat: named inside it");
	ok(f != NULL && strstr(f->evidence[DETECT_EN],
	    "winmail.dat > invoice.exe") != NULL &&
	    strstr(f->evidence[DETECT_JA], "winmail.dat > invoice.exe") !=
	    NULL, "in the evidence, English and Japanese");
	is_str(detect_verdict_name(r.verdict), "threat", "a threat");
	ok(s->arc_files == 1 && s->inflated >= sizeof(PE),
	    "charged like an archive entry (%zu file, %zu bytes)",
	    s->arc_files, s->inflated);

	/* Known by its content, whatever its name. */
	scan(s, "message.bin", (unsigned char *)b.ptr, b.len, &r);
	f = dt_find(&r, "attach.executable");
	is_str(f ? f->attachment : NULL, "message.bin > invoice.exe",
	    "a TNEF stream under another name is read too");

	/* Cut in the middle of the program's data: a verdict, and the
	 * stream said to be damaged; its first bytes are still read. */
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len - 200, &r);
	f = dt_find(&r, "attach.archive_unread");
	ok(f != NULL && strstr(f->evidence[DETECT_EN], "damaged") != NULL,
	    "a winmail.dat cut short: not read whole, said so (%s)",
	    detect_verdict_name(r.verdict));
	ok(dt_find(&r, "attach.executable") != NULL,
	    "and the program's first bytes are read");
	/* Cut at every byte: a verdict each time (no crash), and damaged
	 * said wherever the cut falls in the program's attribute. */
	d = (const char *)memmem(b.ptr, b.len, "MZ", 2) - b.ptr;
	for (i = 0, found = 0; i < b.len; i++) {
		scan(s, "winmail.dat", (unsigned char *)b.ptr, i, &r);
		found += i > d - 9 && i < d + sizeof(PE) + 2 &&
		    dt_find(&r, "attach.archive_unread") != NULL;
	}
	is_int(found, (int)(sizeof(PE) + 10), "cut anywhere: a verdict; in "
	    "the program's attribute, damaged said");
	/* A wrong checksum: read all the same, and said. */
	b.ptr[b.len - 1] ^= 0x55;
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
	b.ptr[b.len - 1] ^= 0x55;
	ok(dt_find(&r, "attach.executable") != NULL &&
	    dt_find(&r, "attach.archive_unread") != NULL,
	    "a checksum that does not match: read, and said to be damaged");

	/* In a zip. */
	ent = (struct ent){ "winmail.dat", (unsigned char *)b.ptr, b.len };
	z = make(0, 0, &ent, 1, NULL, &zl);
	scan(s, "mail.zip", z, zl, &r);
	f = dt_find(&r, "attach.executable");
	is_str(f ? f->attachment : NULL, "mail.zip > winmail.dat > "
	    "invoice.exe", "a winmail.dat in a zip: the program read");
	free(z);
	buf_release(&b);

	/* A script by its long name (MAPI, UTF-16), under a harmless
	 * title; and one by its title alone, in Shift_JIS (code page
	 * 932). */
	tnef_begin(&b, 1252);
	tnef_file(&b, "README.TXT", "請求書 2026-11.js", js, sizeof(js) - 1);
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "winmail.dat > 請求書 2026-11.js",
	    "a script by its long file name (not its title)");
	is_str(detect_verdict_name(r.verdict), "threat", "a threat");
	buf_release(&b);
	tnef_begin(&b, 932);
	tnef_file(&b, "\x90\xbf\x8b\x81\x8f\x91.js", NULL, js,
	    sizeof(js) - 1);
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "winmail.dat > 請求書.js",
	    "a title in the stream's code page (932) read as such");
	buf_release(&b);

	/* A harmless text: clean, and read (its link is found). */
	tnef_begin(&b, 1252);
	tnef_file(&b, "MINUTES.TXT", "minutes.txt", note, sizeof(note) - 1);
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
	is_str(detect_verdict_name(r.verdict), "clean",
	    "a note in a winmail.dat: clean");
	for (i = 0, found = 0; i < s->nu; i++)
		found |= s->u[i].where != NULL && strcmp(s->u[i].where,
		    "winmail.dat > minutes.txt") == 0;
	ok(found, "and read: its link found in it");
	ok(dt_find(&r, "attach.archive_unread") == NULL, "nothing unread");
	buf_release(&b);

	/* An attached message is a TNEF stream of its own: read as one.
	 * Four deep, the program is only named; one in another form is
	 * said to be unread. */
	tnef_nested(&b, 2);
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
	f = dt_find(&r, "attach.executable");
	is_str(f ? f->attachment : NULL, "winmail.dat > Fwd: invoice > "
	    "invoice.exe", "a program in an attached message");
	buf_release(&b);
	tnef_nested(&b, 5);
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
	f = dt_find(&r, "attach.script");
	ok(dt_find(&r, "attach.archive_deep") != NULL && f != NULL &&
	    strstr(f->evidence[DETECT_EN], "invoice.exe") != NULL &&
	    dt_find(&r, "attach.executable") == NULL,
	    "attached messages past the depth: the program named, not read");
	buf_release(&b);
	tnef_begin(&b, 1252);
	tnef_message(&b, "Fwd: invoice", "\xd0\xcf\x11\xe0", 4);
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
	f = dt_find(&r, "attach.archive_unread");
	ok(f != NULL && strstr(f->evidence[DETECT_EN], "Fwd: invoice") !=
	    NULL && strstr(f->evidence[DETECT_JA], "Fwd: invoice") != NULL,
	    "an attached message not in TNEF: said to be unread");
	buf_release(&b);

	/* Past the files a message opens, the names are still checked. */
	tnef_begin(&b, 1252);
	for (i = 0; i < DETECT_ARCHIVE_FILES; i++)
		tnef_file(&b, "NOTE.TXT", NULL, "MZ minutes\n", 11);
	tnef_file(&b, "invoice.exe", NULL, PE, sizeof(PE));
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
	f = dt_find(&r, "attach.script");
	ok(dt_find(&r, "attach.archive_unread") != NULL && f != NULL &&
	    strcmp(f->attachment, "winmail.dat > invoice.exe") == 0 &&
	    s->arc_files == DETECT_ARCHIVE_FILES, "%u files, then a program: "
	    "its name checked, the limit said", DETECT_ARCHIVE_FILES);
	buf_release(&b);
}

/*
 * Review 26: the names and copies Outlook takes, property types that
 * broke the list, and bytes behind the signature that are something
 * else too.
 */
static void
tnef_review(struct detect_scan *s)
{
	static const unsigned char rend[14] = { 1, 0, 0xff, 0xff, 0xff, 0xff };
	static const char js[] = "var s = new ActiveXObject('WScript.Shell');"
	    " s.Run('cmd /c calc');";
	struct detect_result	 r;
	const struct detect_finding *f;
	struct props		 m;
	struct buf		 b;
	struct ent		 ent = { "invoice.exe", PE, sizeof(PE) };
	unsigned char		*z;
	size_t			 zl;
	char			 note[32];
	int			 i;

	/* attAttachTitle and PR_ATTACH_FILENAME are one property: the
	 * later one names the file. */
	tnef_begin(&b, 1252);
	tnef_attr(&b, 2, TNEF_RENDDATA, rend, sizeof(rend));
	tnef_attr(&b, 2, TNEF_TITLE, "NOTES.TXT", 10);
	tnef_attr(&b, 2, TNEF_DATA, js, sizeof(js) - 1);
	props_begin(&m);
	prop_bytes(&m, 0x001eu | 0x3704u << 16, "invoice.js", 11);
	tnef_props(&b, &m);
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
	f = dt_find(&r, "attach.script");
	ok(f != NULL && strstr(f->attachment, "invoice.js") != NULL,
	    "PR_ATTACH_FILENAME after the title names the file (%s)",
	    f ? f->attachment : "none");
	buf_release(&b);

	/* A PtypNull before the long name: the list goes on. */
	tnef_begin(&b, 1252);
	tnef_attr(&b, 2, TNEF_RENDDATA, rend, sizeof(rend));
	tnef_attr(&b, 2, TNEF_TITLE, "notes.txt", 10);
	tnef_attr(&b, 2, TNEF_DATA, js, sizeof(js) - 1);
	props_begin(&m);
	m.n++;
	add32(&m.b, 0x0001u | 0x3010u << 16);
	add32(&m.b, 0);
	prop_unicode(&m, 0x3707, "invoice.js");
	tnef_props(&b, &m);
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "winmail.dat > invoice.js",
	    "a PtypNull property does not end the list");
	buf_release(&b);

	/* Five copies of the data: the last is the one Outlook keeps. */
	tnef_begin(&b, 1252);
	tnef_attr(&b, 2, TNEF_RENDDATA, rend, sizeof(rend));
	tnef_attr(&b, 2, TNEF_TITLE, "notes.txt", 10);
	for (i = 0; i < 4; i++) {
		snprintf(note, sizeof(note), "note %d", i);
		tnef_attr(&b, 2, TNEF_DATA, note, strlen(note));
	}
	tnef_attr(&b, 2, TNEF_DATA, PE, sizeof(PE));
	scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
	ok(dt_find(&r, "attach.executable") != NULL, "the fifth copy of the "
	    "data, the last, is read");
	buf_release(&b);

	/* The stream's own body (PR_HTML among attMsgProps): Outlook shows
	 * it, so its links are read with the message's text. */
	{
		static const char html[] = "<html><body><p>Your mailbox is "
		    "full. <a href=\"http://203.0.113.7/owa/login\">Sign in"
		    "</a></p></body></html>";
		struct buf	 all;

		tnef_begin(&b, 1252);
		buf_init(&m.b, 1 << 20);
		m.n = 0;
		prop_bytes(&m, 0x0102u | 0x1013u << 16, html, sizeof(html) - 1);
		buf_init(&all, 1 << 20);
		add32(&all, m.n);
		buf_add(&all, m.b.ptr, m.b.len);
		tnef_attr(&b, 1, 0x00069003u, all.ptr, all.len);
		buf_release(&all);
		buf_release(&m.b);
		scan(s, "winmail.dat", (unsigned char *)b.ptr, b.len, &r);
		ok(dt_find(&r, "url.ip_literal") != NULL, "the HTML body inside "
		    "a winmail.dat is read (%s)", detect_verdict_name(
		    r.verdict));
		buf_release(&b);
	}

	/* A zip behind the signature, in a message attribute: 7-Zip opens
	 * it, so it is read as a zip too. */
	z = make(0, 0, &ent, 1, NULL, &zl);
	tnef_begin(&b, 1252);
	tnef_attr(&b, 1, 0x00068009u, z, zl);
	scan(s, "documents.zip", (unsigned char *)b.ptr, b.len, &r);
	ok(dt_find(&r, "attach.executable") != NULL, "a zip behind a TNEF "
	    "signature is read as a zip");
	buf_release(&b);
	free(z);
}

int
main(void)
{
	struct detect_engine	*e;
	struct detect_scan	*s;

	plan_lazy();
	memcpy(PE, "MZ", 2);
	PE[0x3c] = 0x80;
	memcpy(PE + 0x80, "PE\0\0", 4);
	if ((e = dt_engine(NULL, NULL, NULL)) == NULL)
		return done_testing();
	s = detect_scan_new(e);
	ppap(e);
	ppap_plain(e);
	office_ppap(e);
	xls_crypt(e);
	nested(s);
	bomb(s);
	formats(s);
	no_programs(s);
	ooxml(s);
	unicode_names(s);
	central_names(s);
	office_others(s);
	odf_python(s);
	ooxml_rels(s);
	ooxml_bomb(s);
	pdf_streams(s);
	review(e);
	dirs_locked(e);
	skip_inflates(e);
	tnef(s);
	tnef_review(s);
	detect_scan_free(s);
	detect_engine_free(e);
	av();
	return done_testing();
}
