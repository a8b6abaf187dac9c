/*
 * 25-detect-robust: hostile and broken input gets a verdict, no crash,
 * bounded work: malformed MIME, truncated base64 and quoted-printable,
 * a 100 MB attachment, 10,000 parts, deep nesting, invalid UTF-8, wrong
 * and missing charsets, 1 MB headers, thousands of links, random bytes.
 * Everything is generated here; nothing is timed (tests never assert
 * timings), but each case must finish for the test to end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <zlib.h>

#include "buf.h"
#include "detect.h"
#include "dtest.h"
#include "tap.h"
#include "util.h"

static struct detect_scan *S;

static int
run(const char *name, const char *m, size_t n, struct detect_result *r)
{
	int	 rc = detect_scan_mime(S, m, n, NULL, r);

	ok(rc == 0 && r->verdict < DETECT_VERDICT__MAX && r->score >= 0 &&
	    r->score <= 100, "%s: a verdict (%s, %d)", name,
	    detect_verdict_name(r->verdict), r->score);
	return rc;
}

static int
has(const struct detect_result *r, const char *id)
{
	return dt_find(r, id) != NULL;
}

static void
malformed(void)
{
	static const char *const t[] = {
		"",
		"\r\n\r\n",
		"Subject: no body",
		"no headers at all, just text with https://example.com/x\n",
		"Content-Type: multipart/mixed; boundary=\"never\"\r\n\r\n"
		    "--nope\r\nbody without its boundary\r\n",
		"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
		    "Content-Type: multipart/alternative; boundary=c\r\n\r\n"
		    "--c\r\nContent-Type: text/html\r\n\r\n<a href=\"http://"
		    "x.example.com\">x</a>\r\n--b--\r\n",
		"Content-Type: multipart/mixed\r\n\r\nno boundary parameter\r\n",
		"Content-Type: text/plain; charset=\"\r\n\r\ntext\r\n",
		"Content-Type: ;;;=;=\"\r\nContent-Transfer-Encoding: x\r\n\r\nx",
		"From: <<<@@@>>>\r\nReply-To: \"\r\nTo: ,,,\r\n\r\nbody\r\n",
		"Header without colon\r\nAnother: yes\r\n\r\nbody",
		"Subject: =?utf-8?B?////?= =?iso-2022-jp?B?GyRC?= =?x?Q?=ZZ?=\r\n"
		    "\r\nbody",
		"Content-Type: message/rfc822\r\n\r\nContent-Type: message/"
		    "rfc822\r\n\r\nContent-Type: message/rfc822\r\n\r\nSubject:"
		    " inner\r\n\r\nhello\r\n",
	};
	struct detect_result	 r;
	size_t			 i;
	char			 nul[] = "Subject: a\0b\r\n\r\nbody\0with\0nul";

	for (i = 0; i < nitems(t); i++) {
		char name[32];

		snprintf(name, sizeof(name), "malformed %zu", i);
		run(name, t[i], strlen(t[i]), &r);
	}
	run("NUL bytes", nul, sizeof(nul) - 1, &r);
}

static void
truncated(void)
{
	static const char b64[] = "Content-Type: multipart/mixed; boundary=b"
	    "\r\n\r\n--b\r\nContent-Type: application/zip\r\nContent-"
	    "Disposition: attachment; filename=a.zip\r\nContent-Transfer-"
	    "Encoding: base64\r\n\r\nUEsDBBQAAAAIA@@@@!!!AAAhAA==xyz=\r\nUEs";
	static const char qp[] = "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n<a href=3D"
	    "\"https://x.example.com/=\r\n=E3=81=\r\n=4\r\n=ZZ=";
	struct detect_result	 r;

	run("truncated base64", b64, sizeof(b64) - 1, &r);
	run("truncated quoted-printable", qp, sizeof(qp) - 1, &r);
}

static void
big_attachment(void)
{
	size_t			 n = 100u << 20, bl, hl, len;
	unsigned char		*data = xmalloc(n);
	char			*m, *b;
	struct detect_result	 r;
	static const char	 hdr[] = "From: a@example.com\r\nSubject: big\r\n"
	    "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
	    "Content-Type: application/octet-stream\r\nContent-Disposition: "
	    "attachment; filename=big.bin\r\nContent-Transfer-Encoding: "
	    "base64\r\n\r\n";
	size_t			 i;

	for (i = 0; i < n; i++)
		data[i] = (unsigned char)(i * 2654435761u >> 13);
	bl = sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL);
	b = xmalloc(bl);
	sodium_bin2base64(b, bl, data, n, sodium_base64_VARIANT_ORIGINAL);
	free(data);
	hl = sizeof(hdr) - 1;
	m = xmalloc(hl + bl + bl / 76 * 2 + 64);
	memcpy(m, hdr, hl);
	len = hl;
	for (i = 0; i + 1 < bl; i += 76) {
		size_t k = bl - 1 - i < 76 ? bl - 1 - i : 76;

		memcpy(m + len, b + i, k);
		len += k;
		memcpy(m + len, "\r\n", 2);
		len += 2;
	}
	free(b);
	memcpy(m + len, "--b--\r\n", 7);
	len += 7;
	run("100 MB attachment", m, len, &r);
	ok(has(&r, "engine.truncated"), "and it says it read part of it");
	free(m);
}

static void
many_parts(void)
{
	struct buf		 b;
	struct detect_result	 r;
	int			 i;

	buf_init(&b, 64u << 20);
	buf_adds(&b, "Subject: parts\r\nContent-Type: multipart/mixed; "
	    "boundary=p\r\n\r\n");
	for (i = 0; i < 10000; i++)
		buf_addf(&b, "--p\r\nContent-Type: application/octet-stream\r\n"
		    "Content-Disposition: attachment; filename=f%d.txt\r\n\r\n"
		    "part %d\r\n", i, i);
	buf_adds(&b, "--p--\r\n");
	run("10,000 parts", b.ptr, b.len, &r);
	ok(has(&r, "engine.truncated"), "parts past the limit are said so");
	buf_reset(&b);
	/* Multiparts nested 2,000 deep. */
	for (i = 0; i < 2000; i++)
		buf_addf(&b, "%sContent-Type: multipart/mixed; boundary=n%d"
		    "\r\n\r\n--n%d\r\n", i ? "" : "Subject: deep\r\n", i, i);
	buf_adds(&b, "Content-Type: text/plain\r\n\r\ndeep inside\r\n");
	run("multiparts nested 2,000 deep", b.ptr, b.len, &r);
	buf_reset(&b);
	/* HTML nested 100,000 deep, and 5,000 links. */
	buf_adds(&b, "Content-Type: text/html\r\n\r\n");
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "<div style=\"display:none\">");
	for (i = 0; i < 5000; i++)
		buf_addf(&b, "<a href=\"https://h%d.example.com/\">l</a>", i);
	run("HTML 100,000 deep with 5,000 links", b.ptr, b.len, &r);
	buf_release(&b);
}

static void
charsets(void)
{
	static const char bad8[] = "Subject: \xff\xfe\xe3\x81 bad\r\n"
	    "From: \"\xc0\xaf\" <x@example.com>\r\nContent-Type: text/plain; "
	    "charset=utf-8\r\n\r\n\xed\xa0\x80 \xf8\x88\x80\x80\x80 \xc3\r\n";
	static const char wrong[] = "Content-Type: text/plain; charset="
	    "iso-2022-jp\r\n\r\n\x93\xfa\x96\x7b\x8c\xea sjis labelled jis\r\n";
	static const char unknown[] = "Content-Type: text/plain; charset="
	    "x-no-such-charset\r\n\r\n\xc6\xfc\xcb\xdc euc\r\n";
	struct detect_result	 r;
	size_t			 i;

	run("invalid UTF-8", bad8, sizeof(bad8) - 1, &r);
	for (i = 0; i < r.nfindings; i++)
		ok(str_valid_utf8(r.findings[i].evidence[0],
		    strlen(r.findings[i].evidence[0]), 1), "evidence is UTF-8");
	run("Shift_JIS labelled ISO-2022-JP", wrong, sizeof(wrong) - 1, &r);
	run("unknown charset", unknown, sizeof(unknown) - 1, &r);
}

static void
headers(void)
{
	struct buf		 b;
	struct detect_result	 r;
	int			 i;

	buf_init(&b, 64u << 20);
	buf_adds(&b, "Subject: ");
	for (i = 0; i < (1 << 20) / 16; i++)
		buf_adds(&b, "verify account! ");
	buf_adds(&b, "\r\nFrom: ");
	for (i = 0; i < 20000; i++)
		buf_addf(&b, "\"n%d\" <a%d@example.com>, ", i, i);
	buf_adds(&b, "\r\n");
	for (i = 0; i < 20000; i++)
		buf_addf(&b, "X-Junk-%d: %d\r\n", i, i);
	buf_adds(&b, "\r\nbody\r\n");
	run("1 MB subject, 20,000 senders, 20,000 headers", b.ptr, b.len, &r);
	buf_release(&b);
}

static void
noise(void)
{
	size_t			 n = 1u << 20;
	unsigned char		*p = xmalloc(n);
	struct detect_result	 r;

	randombytes_buf_deterministic(p, n, (const unsigned char *)
	    "shindan-detect-robustness-seed!!");
	run("1 MB of random bytes", (const char *)p, n, &r);
	memcpy(p, "Content-Type: image/png\r\nContent-Transfer-Encoding: "
	    "binary\r\nContent-Disposition: attachment; filename=x.png\r\n\r\n"
	    "\x89PNG\r\n\x1a\n", 107);
	run("a broken PNG", (const char *)p, n, &r);
	memcpy(p + 99, "\xff\xd8\xff\xe0", 4);
	run("a broken JPEG", (const char *)p, n, &r);
	memcpy(p + 99, "%PDF-1.4\nstream\nx\x9c", 18);
	run("a broken PDF stream", (const char *)p, n, &r);
	free(p);
}

static void
be32(unsigned char *p, unsigned long v)
{
	p[0] = v >> 24, p[1] = v >> 16, p[2] = v >> 8, p[3] = v;
}

/* A PNG chunk at p: length, type, data, the CRC of type and data. */
static size_t
chunk(unsigned char *p, const char *type, const void *d, size_t n)
{
	be32(p, n);
	memcpy(p + 4, type, 4);
	if (n > 0)
		memcpy(p + 8, d, n);
	be32(p + 8 + n, crc32(0, p + 4, (uInt)n + 4));
	return 12 + n;
}

/* A grey PNG w by h of one shade (zlib'd rows, filter 0). */
static unsigned char *
grey_png(unsigned w, unsigned h, size_t *len)
{
	size_t		 rawn = (size_t)(w + 1) * h, i, o;
	uLongf		 zn = compressBound(rawn);
	unsigned char	*raw = xmalloc(rawn), *z = xmalloc(zn), *png;
	unsigned char	 ihdr[13] = { 0 };

	for (i = 0; i < rawn; i++)
		raw[i] = i % (w + 1) == 0 ? 0 : 128;
	if (compress2(z, &zn, raw, rawn, 9) != Z_OK)
		abort();
	be32(ihdr, w);
	be32(ihdr + 4, h);
	ihdr[8] = 8;
	png = xmalloc(8 + 25 + 12 + zn + 12);
	memcpy(png, "\x89PNG\r\n\x1a\n", 8);
	o = 8;
	o += chunk(png + o, "IHDR", ihdr, sizeof(ihdr));
	o += chunk(png + o, "IDAT", z, zn);
	o += chunk(png + o, "IEND", NULL, 0);
	free(raw);
	free(z);
	*len = o;
	return png;
}

/* Pictures too narrow for a code but not for a piece of one: a hundred
 * of 30 by 400,000 pixels (12 megapixels each) are not decoded. */
static void
narrow_pictures(void)
{
	struct buf		 b;
	struct detect_result	 r;
	size_t			 n;
	unsigned char		*png = grey_png(30, 400000, &n);
	int			 i;

	buf_init(&b, 64u << 20);
	buf_adds(&b, "Content-Type: multipart/mixed; boundary=b\r\n\r\n");
	for (i = 0; i < 100; i++) {
		buf_addf(&b, "--b\r\nContent-Type: image/png\r\n"
		    "Content-Transfer-Encoding: binary\r\n\r\n");
		buf_add(&b, png, n);
		buf_adds(&b, "\r\n");
	}
	buf_adds(&b, "--b--\r\n");
	run("100 pictures of 30 by 400,000 pixels", b.ptr, b.len, &r);
	buf_release(&b);
	free(png);
}

int
main(void)
{
	struct detect_engine	*e;

	plan_lazy();
	if ((e = dt_engine(NULL, NULL, NULL)) == NULL)
		return done_testing();
	S = detect_scan_new(e);
	malformed();
	truncated();
	big_attachment();
	many_parts();
	charsets();
	headers();
	noise();
	narrow_pictures();
	detect_scan_free(S);
	detect_engine_free(e);
	return done_testing();
}
