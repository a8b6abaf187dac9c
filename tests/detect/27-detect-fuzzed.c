/*
 * 27-detect-fuzzed: the inputs the fuzz targets (tests/fuzz/detect_*.c,
 * make fuzz) found to break the engine, each kept as the test that would
 * have caught it.  Inputs are copied into heap buffers of their exact
 * length, without a NUL after them, as the engine gets them from GMime
 * or a fuzzer, so that ASan (make test) sees any read past their end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtest.h"
#include "internal.h"
#include "tap.h"
#include "util.h"

static struct detect_scan *S;

/* A heap copy of n bytes with nothing after them. */
static char *
exact(const char *p, size_t n)
{
	char	*q = malloc(n > 0 ? n : 1);

	if (q == NULL)
		abort();
	memcpy(q, p, n);
	return q;
}

/*
 * detect_url: url_scan_text compared "https://" (8 bytes) wherever 5
 * bytes were left, reading past the end of the text; and stopped a URL
 * at the second byte of a non-ASCII character, so that a Unicode host
 * in plain text was never seen.
 */
static void
url_text_end(void)
{
	static const char *const tails[] = { "https:/http:/", "xx http",
	    "https:", "hxxps:/", "www", "https:\\" };
	static const char idn[] = "Go to https://p\xd0\xb0ypal.com/login now";
	size_t	 i;
	char	*t;

	for (i = 0; i < nitems(tails); i++) {
		scan_begin(S);
		t = exact(tails[i], strlen(tails[i]));
		url_scan_text(S, t, strlen(tails[i]), UO_TEXT, NULL);
		is_int(S->nu, 0, "no URL and no read past the end in \"%s\"",
		    tails[i]);
		free(t);
	}
	scan_begin(S);
	t = exact(idn, strlen(idn));
	url_scan_text(S, t, strlen(idn), UO_TEXT, NULL);
	is_int(S->nu, 1, "a Unicode host (Cyrillic a) in text is one URL");
	is_str(S->nu > 0 ? S->u[0].url : NULL,
	    "https://xn--pypal-4ve.com/login", "and the whole of it");
	free(t);
}

/*
 * detect_html: text_to_utf8 returned ASCII text with a NUL in it cut at
 * the NUL while *outlen said the whole length, so that its callers read
 * past the string into whatever the arena held next.
 */
static void
utf8_nul(void)
{
	static const char in[] = "<script>var b=ne\0\0\0w Blob([d]);</script>";
	const char	*u;
	size_t		 n = sizeof(in) - 1, len, i;
	char		*t;

	scan_begin(S);
	t = exact(in, n);
	u = text_to_utf8(&S->a, NULL, t, n, 1 << 20, &len);
	is_int(len, n, "ASCII with NULs: the length given");
	ok(memcmp(u, in, n) == 0, "is the length of what was copied");
	ok(u[len] == '\0', "and a NUL follows it");
	for (i = 0; i < len; i++)
		if ((unsigned char)u[i] >= 0x80)
			break;
	is_int(i, len, "nothing but the input's bytes");
	free(t);
}

/*
 * detect_archive: an encrypted PDF whose last startxref points at an
 * "xref" table with no "trailer" after it: the trailer's reader went on
 * with a NULL pointer (pdfcrypt.c).
 */
static void
pdf_xref_no_trailer(void)
{
	static const char pdf[] = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n"
	    "endobj\n2 0 obj\n<< /Filter /Standard /V 1 /R 2 >>\nendobj\n"
	    "/Encrypt 2 0 R\nxref\n0 1\n0000000000 65535 f \nstartxref\n"
	    "109\n%%EOF";
	char	*t = exact(pdf, sizeof(pdf) - 1);

	scan_begin(S);
	attach_file(S, "doc.pdf", (const unsigned char *)t, sizeof(pdf) - 1,
	    sizeof(pdf) - 1, NULL, NULL, 0);
	ok(1, "an xref table without a trailer: no crash");
	free(t);
}

/*
 * detect_mime: url_parse compared three bytes for a full-width dot at
 * each byte of a host, reading two past the string when its last byte
 * began one ("\xef" at the end); found once the look-alike memo's table
 * left a host at the very end of an arena chunk.  The fuzzer's input,
 * scanned as the fuzzer scans it (its engine, a fresh scan).
 */
static void
url_host_end(void)
{
	static const char *const own[] = { "contoso.com", NULL };
	struct detect_engine	*e;
	struct detect_scan	*s;
	struct detect_result	 r;
	struct buf		 b;
	FILE			*fp;
	char			 chunk[4096], *t;
	size_t			 n;

	fp = fopen("tests/fuzz/corpus/detect_mime/crash-url-host-end.eml",
	    "rb");
	ok(fp != NULL, "the fuzzer's input opens");
	if (fp == NULL)
		return;
	buf_init(&b, 1u << 20);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	if ((e = dt_engine(own, NULL, NULL)) == NULL ||
	    (s = detect_scan_new(e)) == NULL)
		abort();
	detect_scan_add_password(s, "infected");
	t = exact(b.ptr, b.len);
	ok(detect_scan_mime(s, t, b.len, NULL, &r) == 0 &&
	    r.verdict < DETECT_VERDICT__MAX, "a host ending in the first byte "
	    "of a full-width dot: a verdict, no read past it");
	free(t);
	detect_scan_free(s);
	detect_engine_free(e);
	buf_release(&b);
}

int
main(void)
{
	struct detect_engine	*e;

	plan_lazy();
	if ((e = dt_engine(NULL, NULL, NULL)) == NULL)
		return done_testing();
	S = detect_scan_new(e);
	url_text_end();
	utf8_nul();
	pdf_xref_no_trailer();
	url_host_end();
	detect_scan_free(S);
	detect_engine_free(e);
	return done_testing();
}
