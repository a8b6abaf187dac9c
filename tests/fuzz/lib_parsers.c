/*
 * lib_parsers: libFuzzer target for the parsers in lib/ that take what a
 * browser or Microsoft sends.  The first byte chooses the parser; the
 * rest is its input.  Properties checked besides "no crash":
 *
 *	0  email_valid/email_normalize: a normalised address is valid, has
 *	   no upper case, no control character and normalises to itself
 *	1  crypt_code_parse: a parsed number has 12 Crockford symbols, and
 *	   its XXXX-XXXX-XXXX form parses back to it
 *	2  url_decode: never longer than its input
 *	3  crypt_b64url_decode: what decodes, encodes and decodes again to
 *	   the same bytes
 *	4  msid_claims: an id_token's payload from anywhere (a JWT's
 *	   middle part, base64url JSON)
 *	5  html_text: no markup character survives
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "crypt.h"
#include "email.h"
#include "html.h"
#include "msid.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(c)	do { if (!(c)) abort(); } while (0)

static void
fuzz_email(const char *s)
{
	char	 out[255], again[255];
	size_t	 i;

	if (email_normalize(s, out) == -1)
		return;
	CHECK(email_valid(out));
	for (i = 0; out[i] != '\0'; i++)
		CHECK(!(out[i] >= 'A' && out[i] <= 'Z') &&
		    (unsigned char)out[i] > 0x20 && out[i] != 0x7f);
	CHECK(email_normalize(out, again) == 0 && strcmp(out, again) == 0);
}

static void
fuzz_code(const char *s)
{
	char	 code[CRYPT_CODE_LEN + 1], fmt[CRYPT_CODE_LEN + 3];
	char	 back[CRYPT_CODE_LEN + 1];
	size_t	 i;

	if (crypt_code_parse(s, code) == -1)
		return;
	CHECK(strlen(code) == CRYPT_CODE_LEN);
	for (i = 0; i < CRYPT_CODE_LEN; i++)
		CHECK(strchr("0123456789ABCDEFGHJKMNPQRSTVWXYZ", code[i]) !=
		    NULL);
	crypt_code_format(code, fmt);
	CHECK(crypt_code_parse(fmt, back) == 0 && strcmp(code, back) == 0);
}

static void
fuzz_urldecode(const char *s)
{
	char	*c = strdup(s);
	long	 n;

	if (c == NULL)
		return;
	n = url_decode(c);
	if (n >= 0)
		CHECK((size_t)n <= strlen(s));
	free(c);
}

static void
fuzz_b64(const char *s)
{
	struct buf	 d = BUF_INIT, e = BUF_INIT, d2 = BUF_INIT;

	if (crypt_b64url_decode(s, &d) == 0) {
		crypt_b64url(d.ptr, d.len, &e);
		CHECK(crypt_b64url_decode(e.ptr != NULL ? e.ptr : "", &d2) ==
		    0 && d2.len == d.len && (d.len == 0 ||
		    memcmp(d.ptr, d2.ptr, d.len) == 0));
	}
	buf_release(&d);
	buf_release(&e);
	buf_release(&d2);
}

static void
fuzz_claims(const char *s)
{
	struct arena		 a;
	struct msid_claims	 c;
	struct buf		 jwt = BUF_INIT, b = BUF_INIT;

	/* Either the input as a whole token, or as a payload wrapped. */
	arena_init(&a, 0);
	(void)msid_claims(&a, s, &c);
	crypt_b64url(s, strlen(s), &b);
	buf_addf(&jwt, "eyJhbGciOiJub25lIn0.%s.", b.ptr != NULL ? b.ptr : "");
	(void)msid_claims(&a, jwt.ptr, &c);
	buf_release(&b);
	buf_release(&jwt);
	arena_release(&a);
}

static void
fuzz_html(const char *s)
{
	struct buf	 b = BUF_INIT;

	html_text(&b, s);
	CHECK(b.ptr == NULL || strpbrk(b.ptr, "<>\"'") == NULL);
	buf_release(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char	*s;

	if (n < 1 || n > 65536)
		return 0;
	if ((s = malloc(n)) == NULL)
		return 0;
	memcpy(s, data + 1, n - 1);
	s[n - 1] = '\0';
	switch (data[0] % 6) {
	case 0: fuzz_email(s); break;
	case 1: fuzz_code(s); break;
	case 2: fuzz_urldecode(s); break;
	case 3: fuzz_b64(s); break;
	case 4: fuzz_claims(s); break;
	default: fuzz_html(s); break;
	}
	free(s);
	return 0;
}
