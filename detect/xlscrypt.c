/*
 * xlscrypt: an Excel 97-2003 workbook (.xls) saved with a password.
 * After its FILEPASS record the records of the Workbook stream are
 * encrypted with RC4, their headers left plain (MS-XLS 2.2.10): the
 * key of each 1,024 bytes of the stream follows from the password by
 * SHA-1 (RC4 CryptoAPI, MS-OFFCRYPTO 2.3.5, Excel 2002 and later) or
 * MD5 (RC4, 2.3.6, Excel 97), and a verifier in FILEPASS tells the
 * right password.
 *
 * Excel tries its built-in password "VelvetSweatshop" before it asks
 * for one, so a workbook encrypted with it opens without a prompt:
 * the encryption then keeps only mail scanners out, and malware has
 * used it so (an Excel 4.0 macro sheet, whose type is encrypted, or
 * an exploit).  It is tried first, then the passwords of the scan
 * (PPAP).  The stream decrypted is what Excel reads: the caller looks
 * in it for macro sheets.  XOR obfuscation (FILEPASS type 0), Word and
 * PowerPoint are not decrypted.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "cipher.h"
#include "internal.h"
#include "util.h"

#define BLOCK		1024

#define REC_BOF		0x0809
#define REC_FILEPASS	0x002f
#define REC_EOF		0x000a
#define REC_BOUNDSHEET	0x0085

/* What FILEPASS says. */
struct xkey {
	int		 capi;		/* RC4 CryptoAPI (SHA-1), or RC4 (MD5) */
	size_t		 klen;		/* bytes of a block's RC4 key */
	unsigned char	 salt[16];
	unsigned char	 ver[16];	/* the encrypted verifier */
	unsigned char	 vhash[20];	/* and its hash, encrypted */
	size_t		 vhashl;
	unsigned char	 h[20];		/* the password's hash: SHA-1's H0,
					   or RC4's truncated Hfinal */
};

/* The records whose data stays plain (MS-XLS 2.2.10). */
static int
rec_plain(unsigned type)
{
	return type == REC_BOF || type == REC_FILEPASS || type == 0x0194 ||
	    type == 0x0195 || type == 0x00e1 || type == 0x0196 ||
	    type == 0x0138;
}

/* FILEPASS's data: RC4 (1.1) or RC4 CryptoAPI (2.2, 3.2, 4.2). */
static int
parse_filepass(struct xkey *k, const unsigned char *d, size_t l)
{
	unsigned	 vmaj, vmin;
	size_t		 hs, o, bits;

	memset(k, 0, sizeof(*k));
	if (l < 6 || (d[0] | d[1] << 8) != 1)	/* 0: XOR obfuscation */
		return -1;
	vmaj = d[2] | d[3] << 8, vmin = d[4] | d[5] << 8;
	if (vmaj == 1 && vmin == 1) {
		if (l < 6 + 48)
			return -1;
		memcpy(k->salt, d + 6, 16);
		memcpy(k->ver, d + 22, 16);
		memcpy(k->vhash, d + 38, 16);
		k->vhashl = 16;
		k->klen = 16;
		return 0;
	}
	if (vmaj < 2 || vmaj > 4 || vmin != 2 || l < 14)
		return -1;
	/* Flags, the header's size, the header (its KeySize at 16), then
	 * the verifier: SaltSize, Salt, Verifier, VerifierHashSize, Hash. */
	hs = le32(d + 10);
	if (hs < 20 || hs > l || 14 + hs + 60 > l)
		return -1;
	bits = le32(d + 14 + 16);
	if (bits == 0)
		bits = 40;
	if (bits < 40 || bits > 128 || bits % 8 != 0)
		return -1;
	o = 14 + hs;
	if (le32(d + o) != 16 || le32(d + o + 36) != 20)
		return -1;
	memcpy(k->salt, d + o + 4, 16);
	memcpy(k->ver, d + o + 20, 16);
	memcpy(k->vhash, d + o + 40, 20);
	k->vhashl = 20;
	k->capi = 1;
	k->klen = bits / 8;
	return 0;
}

/* The RC4 key of one block, from the password's hash. */
static size_t
block_key(const struct xkey *k, uint32_t block, unsigned char key[20])
{
	unsigned char	 b[4], h[20];

	b[0] = (unsigned char)block, b[1] = (unsigned char)(block >> 8);
	b[2] = (unsigned char)(block >> 16), b[3] = (unsigned char)(block >> 24);
	if (k->capi) {
		cipher_hash(EVP_sha1(), k->h, 20, b, 4, h);
		/* 40 bits are used as 128, the rest zeros. */
		memset(key, 0, 16);
		memcpy(key, h, k->klen);
		return k->klen == 5 ? 16 : k->klen;
	}
	cipher_hash(EVP_md5(), k->h, 5, b, 4, key);
	return 16;
}

/* The password's hash into k->h; whether the verifier says it is the
 * right one. */
static int
try_password(struct xkey *k, const char *pw)
{
	unsigned char	 u16[512], key[20], buf[36], h[20];
	size_t		 ul = cipher_utf16le(pw, u16, sizeof(u16)), kl, i;

	if (k->capi)
		cipher_hash(EVP_sha1(), k->salt, 16, u16, ul, k->h);
	else {
		unsigned char	 inter[21 * 16];

		cipher_hash(EVP_md5(), u16, ul, NULL, 0, h);
		for (i = 0; i < 16; i++) {
			memcpy(inter + i * 21, h, 5);
			memcpy(inter + i * 21 + 5, k->salt, 16);
		}
		cipher_hash(EVP_md5(), inter, sizeof(inter), NULL, 0, h);
		memcpy(k->h, h, 5);
	}
	kl = block_key(k, 0, key);
	memcpy(buf, k->ver, 16);
	memcpy(buf + 16, k->vhash, k->vhashl);
	cipher_rc4(key, kl, buf, buf, 16 + k->vhashl);
	cipher_hash(k->capi ? EVP_sha1() : EVP_md5(), buf, 16, NULL, 0, h);
	return CRYPTO_memcmp(h, buf + 16, k->vhashl) == 0;
}

/* Decrypt [a, b) of the stream in place; ks holds block *cur's key
 * stream. */
static void
xor_range(const struct xkey *k, unsigned char *w, size_t a, size_t b,
    unsigned char ks[BLOCK], uint32_t *cur)
{
	static const unsigned char zero[BLOCK];
	unsigned char	 key[20];
	size_t		 i;

	for (i = a; i < b; i++) {
		uint32_t blk = (uint32_t)(i / BLOCK);

		if (blk != *cur) {
			size_t kl = block_key(k, blk, key);

			cipher_rc4(key, kl, zero, ks, BLOCK);
			*cur = blk;
		}
		w[i] ^= ks[i % BLOCK];
	}
}

unsigned char *
xls_decrypt(struct detect_scan *s, const unsigned char *p, size_t n,
    size_t *len, int *which)
{
	unsigned char	*w, ks[BLOCK];
	size_t		 wl, i, o, fp = 0, fpl = 0, k;
	struct xkey	 key;
	uint32_t	 cur = UINT32_MAX;
	int		 found = 0;

	*which = PW_NONE;
	if ((w = ole_workbook(p, n, XLS_WORKBOOK_MAX, &wl)) == NULL)
		return NULL;
	/* FILEPASS among the first records of the globals. */
	for (o = 0, k = 0; o + 4 <= wl && k < 64; k++) {
		unsigned type = w[o] | w[o + 1] << 8;
		size_t rl = (size_t)(w[o + 2] | w[o + 3] << 8);

		if (o + 4 + rl > wl)
			break;
		if (type == REC_FILEPASS) {
			fp = o + 4, fpl = rl, found = 1;
			break;
		}
		if (type == REC_EOF && k > 0)
			break;
		o += 4 + rl;
	}
	if (!found || parse_filepass(&key, w + fp, fpl) == -1)
		goto fail;
	if (try_password(&key, OFFICE_DEFAULT_PASSWORD))
		*which = PW_DEFAULT;
	else
		for (i = 0; i < s->npw; i++) {
			size_t j = pw_newest(s, i);

			if (s->pw_tries >= DETECT_PASSWORD_TRIES) {
				msg_truncated(s, s->m, CUT_TRIES);
				break;
			}
			s->pw_tries++;
			if (try_password(&key, s->pw[j])) {
				*which = (int)j;
				break;
			}
		}
	if (*which == PW_NONE)
		goto fail;
	/* Every record's data but the plain ones', and BoundSheet8's
	 * lbPlyPos (its first 4 bytes); headers stay as they are.  A record
	 * that runs past the stream's end is decrypted as far as it goes. */
	for (o = fp + fpl; o + 4 <= wl; ) {
		unsigned type = w[o] | w[o + 1] << 8;
		size_t rl = (size_t)(w[o + 2] | w[o + 3] << 8);
		size_t a = o + 4, b = a + rl < wl ? a + rl : wl;

		if (type == REC_BOUNDSHEET)
			a = a + 4 < b ? a + 4 : b;
		if (!rec_plain(type))
			xor_range(&key, w, a, b, ks, &cur);
		o += 4 + rl;
	}
	OPENSSL_cleanse(&key, sizeof(key));
	*len = wl;
	return w;
fail:
	OPENSSL_cleanse(&key, sizeof(key));
	free(w);
	*which = PW_NONE;
	return NULL;
}

int
xls_macro_sheet(const unsigned char *w, size_t wl, int boundsheets)
{
	size_t	 o, k;
	int	 globals = 1;

	/* dt of a BoundSheet8 (the byte after lbPlyPos and hsState) 1, or
	 * of a later BOF (its second field) 0x0040: a macro sheet. */
	for (o = 0, k = 0; o + 4 <= wl; k++) {
		unsigned type = w[o] | w[o + 1] << 8;
		size_t rl = (size_t)(w[o + 2] | w[o + 3] << 8);

		if (boundsheets && globals && type == REC_BOUNDSHEET &&
		    rl >= 6 && o + 4 + 6 <= wl && w[o + 4 + 5] == 0x01)
			return 1;
		if (type == REC_BOF && k > 0 && rl >= 4 && o + 8 <= wl &&
		    (w[o + 6] | w[o + 7] << 8) == 0x0040)
			return 1;
		if (type == REC_EOF)
			globals = 0;
		o += 4 + rl;
	}
	return 0;
}
