/*
 * cipher: hashes and AES over libcrypto, and RC4, for pdfcrypt.c,
 * officecrypt.c and xlscrypt.c (see cipher.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cipher.h"
#include "util.h"

unsigned
cipher_digest(const EVP_MD *md, const unsigned char *const *p,
    const size_t *l, size_t n, unsigned char *out)
{
	EVP_MD_CTX	*x = EVP_MD_CTX_new();
	unsigned	 len = 0;
	size_t		 i;

	if (x == NULL || EVP_DigestInit_ex(x, md, NULL) != 1)
		abort();
	for (i = 0; i < n; i++)
		if (EVP_DigestUpdate(x, p[i], l[i]) != 1)
			abort();
	if (EVP_DigestFinal_ex(x, out, &len) != 1)
		abort();
	EVP_MD_CTX_free(x);
	return len;
}

unsigned
cipher_hash(const EVP_MD *md, const unsigned char *a, size_t al,
    const unsigned char *b, size_t bl, unsigned char *out)
{
	const unsigned char *p[2] = { a, b };
	size_t		 l[2] = { al, bl };

	return cipher_digest(md, p, l, 2, out);
}

int
cipher_aes(int enc, const unsigned char *key, size_t klen,
    const unsigned char *iv, const unsigned char *in, size_t n,
    unsigned char *out)
{
	EVP_CIPHER_CTX	*x = EVP_CIPHER_CTX_new();
	const EVP_CIPHER *c;
	int		 l1 = 0, l2 = 0, rc = -1;

	if (x == NULL)
		abort();
	if (iv != NULL)
		c = klen == 32 ? EVP_aes_256_cbc() : klen == 24 ?
		    EVP_aes_192_cbc() : EVP_aes_128_cbc();
	else
		c = klen == 32 ? EVP_aes_256_ecb() : klen == 24 ?
		    EVP_aes_192_ecb() : EVP_aes_128_ecb();
	if (n % 16 == 0 && n <= INT32_MAX &&
	    EVP_CipherInit_ex(x, c, NULL, key, iv, enc) == 1) {
		EVP_CIPHER_CTX_set_padding(x, 0);
		if (EVP_CipherUpdate(x, out, &l1, in, (int)n) == 1 &&
		    EVP_CipherFinal_ex(x, out + l1, &l2) == 1 &&
		    (size_t)(l1 + l2) == n)
			rc = 0;
	}
	EVP_CIPHER_CTX_free(x);
	return rc;
}

void
cipher_rc4(const unsigned char *key, size_t klen, const unsigned char *in,
    unsigned char *out, size_t n)
{
	unsigned char	 S[256], t;
	unsigned	 i, j = 0;
	size_t		 k;

	for (i = 0; i < 256; i++)
		S[i] = (unsigned char)i;
	for (i = 0; i < 256; i++) {
		j = (j + S[i] + key[i % klen]) & 0xff;
		t = S[i], S[i] = S[j], S[j] = t;
	}
	for (i = j = 0, k = 0; k < n; k++) {
		i = (i + 1) & 0xff;
		j = (j + S[i]) & 0xff;
		t = S[i], S[i] = S[j], S[j] = t;
		out[k] = in[k] ^ S[(S[i] + S[j]) & 0xff];
	}
}

size_t
cipher_utf16le(const char *pw, unsigned char *out, size_t cap)
{
	const unsigned char	*q = (const unsigned char *)pw;
	size_t			 k = 0;

	while (*q != '\0' && k + 4 <= cap) {
		uint32_t c = *q++;

		if (c >= 0xc0 && (*q & 0xc0) == 0x80) {
			int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;

			c &= 0x3f >> extra;
			while (extra-- > 0 && (*q & 0xc0) == 0x80)
				c = c << 6 | (*q++ & 0x3f);
		}
		if (c >= 0x10000) {
			c -= 0x10000;
			out[k++] = (unsigned char)(0xd800 + (c >> 10));
			out[k++] = (unsigned char)((0xd800 + (c >> 10)) >> 8);
			c = 0xdc00 + (c & 0x3ff);
		}
		out[k++] = (unsigned char)c;
		out[k++] = (unsigned char)(c >> 8);
	}
	return k;
}

void
cipher_init(void)
{
	static const size_t klen[] = { 16, 24, 32 };
	unsigned char	 h[64], b[32], o[16];
	size_t		 i;

	memset(b, 0, sizeof(b));
	cipher_hash(EVP_md5(), b, sizeof(b), NULL, 0, h);
	cipher_hash(EVP_sha1(), b, sizeof(b), NULL, 0, h);
	cipher_hash(EVP_sha256(), b, sizeof(b), NULL, 0, h);
	cipher_hash(EVP_sha384(), b, sizeof(b), NULL, 0, h);
	cipher_hash(EVP_sha512(), b, sizeof(b), NULL, 0, h);
	for (i = 0; i < sizeof(klen) / sizeof(klen[0]); i++) {
		(void)cipher_aes(0, b, klen[i], b, b, 16, o);
		(void)cipher_aes(1, b, klen[i], b, b, 16, o);
		(void)cipher_aes(0, b, klen[i], NULL, b, 16, o);
	}
}
