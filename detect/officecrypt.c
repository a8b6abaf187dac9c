/*
 * officecrypt: an OOXML document saved with a password to open (Word,
 * Excel, PowerPoint): a compound file whose EncryptionInfo stream says
 * how the key follows from the password and whose EncryptedPackage
 * stream is the document's zip, encrypted (MS-OFFCRYPTO 2.3.4).  With a
 * password of the scan (PPAP: the document in one mail, its password in
 * another, or in the same one, as IcedID and Emotet sent them) the zip
 * is decrypted and read like any attachment.
 *
 * Agile encryption (version 4.4, Office 2010 and later: an XML
 * description; SHA-1 to SHA-512, AES-128 to 256 in CBC, the password
 * hashed spinCount times) and Standard encryption (3.2 and 4.2, Office
 * 2007: SHA-1 50,000 times, AES in ECB).  Excel's built-in password,
 * "VelvetSweatshop", is tried first, as Excel tries it before it asks
 * (a file encrypted with it opens without a prompt).  Not read:
 * Extensible encryption, certificates, RC4 of .doc and .ppt (.xls:
 * xlscrypt.c).
 *
 * Each try hashes the password spinCount times (100,000 as Office
 * writes it): a message may spend DETECT_KDF_ROUNDS hashes in all, so a
 * file that asks for ten million rounds, or a mail of many passwords,
 * costs about a second at most.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include "cipher.h"
#include <openssl/hmac.h>
#include <sodium.h>

#include "internal.h"
#include "util.h"

#define INFO_MAX	(64u << 10)	/* bytes of EncryptionInfo read */
#define SEGMENT		4096		/* Agile: the package in these */
#define DEFAULT_SPIN_MAX 500000		/* rounds spent on VelvetSweatshop */

/* What EncryptionInfo says, for either kind. */
struct info {
	int		 agile;
	const EVP_MD	*md;		/* the password's hash */
	const EVP_MD	*kmd;		/* the key data's (Agile) */
	size_t		 hlen;		/* md's size */
	size_t		 keylen;	/* the password's AES keys */
	size_t		 pkeylen;	/* the package's (keyData) */
	size_t		 khlen;		/* kmd's size */
	size_t		 spin;
	unsigned char	 salt[64], ksalt[64];
	size_t		 saltl, ksaltl;
	unsigned char	 vin[64], vhash[80], ekey[80], hkey[80], hval[80];
	size_t		 vinl, vhashl, ekeyl, hkeyl, hvall;
};

static const EVP_MD *
md_named(const char *v, size_t l)
{
	if (l == 4 && memcmp(v, "SHA1", 4) == 0)
		return EVP_sha1();
	if (l == 6 && memcmp(v, "SHA256", 6) == 0)
		return EVP_sha256();
	if (l == 6 && memcmp(v, "SHA384", 6) == 0)
		return EVP_sha384();
	if (l == 6 && memcmp(v, "SHA512", 6) == 0)
		return EVP_sha512();
	return NULL;
}

/*
 * The value of the attribute nm of the element that starts at el (up
 * to its '>'): where it starts and its length in *l, NULL when absent.
 */
static const char *
attr(const char *el, const char *end, const char *nm, size_t *l)
{
	size_t		 nl = strlen(nm);
	const char	*q = el, *v;
	const char	*gt = memchr(el, '>', (size_t)(end - el));

	if (gt == NULL)
		return NULL;
	while ((q = memmem(q, (size_t)(gt - q), nm, nl)) != NULL) {
		v = q + nl;
		if (q[-1] != ' ' && q[-1] != '\t' && q[-1] != '\r' &&
		    q[-1] != '\n') {
			q = v;
			continue;
		}
		while (v < gt && (*v == ' ' || *v == '\t' || *v == '\r' ||
		    *v == '\n'))
			v++;
		if (v < gt && *v == '=') {
			for (v++; v < gt && (*v == ' ' || *v == '\t' ||
			    *v == '\r' || *v == '\n'); v++)
				;
			if (v < gt && (*v == '"' || *v == '\'')) {
				const char *e = memchr(v + 1, *v, (size_t)(gt -
				    v - 1));

				if (e == NULL)
					return NULL;
				*l = (size_t)(e - v - 1);
				return v + 1;
			}
		}
		q = v > q + nl ? v : q + nl;
	}
	return NULL;
}

static size_t
attr_num(const char *el, const char *end, const char *nm)
{
	size_t		 l, v = 0, i;
	const char	*a = attr(el, end, nm, &l);

	if (a == NULL)
		return 0;
	for (i = 0; i < l && a[i] >= '0' && a[i] <= '9' && v < 100000000; i++)
		v = v * 10 + (size_t)(a[i] - '0');
	return v;
}

static int
attr_b64(const char *el, const char *end, const char *nm,
    unsigned char *out, size_t cap, size_t *got)
{
	size_t		 l;
	const char	*a = attr(el, end, nm, &l);

	return a != NULL && sodium_base642bin(out, cap, a, l, " \r\n\t",
	    got, NULL, sodium_base64_VARIANT_ORIGINAL) == 0 ? 0 : -1;
}

/* The element whose tag ends with tag (any namespace prefix). */
static const char *
element(const char *x, const char *end, const char *tag)
{
	size_t		 tl = strlen(tag);
	const char	*q = x;

	while ((q = memmem(q, (size_t)(end - q), tag, tl)) != NULL) {
		const char *a = q + tl;

		if (q > x && (q[-1] == '<' || q[-1] == ':') && a < end &&
		    (*a == ' ' || *a == '\t' || *a == '\r' || *a == '\n' ||
		    *a == '/' || *a == '>'))
			return q;
		q = a;
	}
	return NULL;
}

/* The XML made plain for the readers above: comments and the
 * character references of white space (a base64 value may be cut by
 * "&#xA;") become spaces. */
static void
xml_plain(char *x, size_t n)
{
	static const char *const refs[] = { "&#xA;", "&#xa;", "&#xD;",
	    "&#xd;", "&#x9;", "&#10;", "&#13;", "&#9;", "&#x20;", "&#32;" };
	char	*q, *e = x + n, *c;
	size_t	 i;

	for (q = x; (q = memmem(q, (size_t)(e - q), "<!--", 4)) != NULL;) {
		c = memmem(q + 4, (size_t)(e - q - 4), "-->", 3);
		c = c != NULL ? c + 3 : e;
		memset(q, ' ', (size_t)(c - q));
		q = c;
	}
	for (q = x; (q = memchr(q, '&', (size_t)(e - q))) != NULL; q++)
		for (i = 0; i < nitems(refs); i++)
			if ((size_t)(e - q) >= strlen(refs[i]) &&
			    memcmp(q, refs[i], strlen(refs[i])) == 0) {
				memset(q, ' ', strlen(refs[i]));
				break;
			}
}

static int
parse_agile(struct info *f, const char *x, size_t n)
{
	const char	*end = x + n, *kd, *ek;
	const char	*v;
	size_t		 l;

	const char	*ke = x, *di;

	/* The password's key encryptor (a certificate's may come first). */
	for (ek = NULL; ek == NULL && (ke = element(ke, end, "keyEncryptor")) !=
	    NULL; ke += 12)
		if ((v = attr(ke, end, "uri", &l)) != NULL && l >= 9 &&
		    memcmp(v + l - 9, "/password", 9) == 0)
			ek = element(ke, end, "encryptedKey");
	if ((kd = element(x, end, "keyData")) == NULL || ek == NULL)
		return -1;
	if ((v = attr(kd, end, "cipherAlgorithm", &l)) == NULL || l != 3 ||
	    memcmp(v, "AES", 3) != 0 || (v = attr(kd, end, "cipherChaining",
	    &l)) == NULL || l != 15 || memcmp(v, "ChainingModeCBC", 15) != 0)
		return -1;
	if ((v = attr(kd, end, "hashAlgorithm", &l)) == NULL ||
	    (f->kmd = md_named(v, l)) == NULL ||
	    (v = attr(ek, end, "hashAlgorithm", &l)) == NULL ||
	    (f->md = md_named(v, l)) == NULL)
		return -1;
	f->hlen = (size_t)EVP_MD_get_size(f->md);
	f->khlen = (size_t)EVP_MD_get_size(f->kmd);
	f->keylen = attr_num(ek, end, "keyBits") / 8;
	f->pkeylen = attr_num(kd, end, "keyBits") / 8;
	f->spin = attr_num(ek, end, "spinCount");
	/* The package's HMAC (dataIntegrity): checked once it is
	 * decrypted, so that a wrong reading is no "opened". */
	if ((di = element(x, end, "dataIntegrity")) == NULL ||
	    attr_b64(di, end, "encryptedHmacKey", f->hkey, sizeof(f->hkey),
	    &f->hkeyl) == -1 || attr_b64(di, end, "encryptedHmacValue",
	    f->hval, sizeof(f->hval), &f->hvall) == -1 || f->hkeyl % 16 != 0 ||
	    f->hvall % 16 != 0 || f->hkeyl < f->khlen || f->hvall < f->khlen)
		return -1;
	if ((f->pkeylen != 16 && f->pkeylen != 24 && f->pkeylen != 32) ||
	    (f->keylen != 16 && f->keylen != 24 && f->keylen != 32) ||
	    f->spin > 10000000 ||
	    attr_b64(kd, end, "saltValue", f->ksalt, sizeof(f->ksalt),
	    &f->ksaltl) == -1 ||
	    attr_b64(ek, end, "saltValue", f->salt, sizeof(f->salt),
	    &f->saltl) == -1 ||
	    attr_b64(ek, end, "encryptedVerifierHashInput", f->vin,
	    sizeof(f->vin), &f->vinl) == -1 ||
	    attr_b64(ek, end, "encryptedVerifierHashValue", f->vhash,
	    sizeof(f->vhash), &f->vhashl) == -1 ||
	    attr_b64(ek, end, "encryptedKeyValue", f->ekey, sizeof(f->ekey),
	    &f->ekeyl) == -1)
		return -1;
	/* AES blocks, and an IV of 16 bytes from each salt. */
	if (f->saltl < 16 || f->ksaltl < 16 || f->vinl % 16 != 0 ||
	    f->vinl == 0 || f->vhashl % 16 != 0 || f->vhashl < f->hlen ||
	    f->ekeyl % 16 != 0 || f->ekeyl < f->pkeylen)
		return -1;
	f->agile = 1;
	return 0;
}

/* Standard encryption: the binary header and verifier after the
 * version and flags. */
static int
parse_standard(struct info *f, const unsigned char *p, size_t n)
{
	size_t		 hs, vs;
	uint32_t	 alg, ksz;
	const unsigned char *v;

	if (n < 12 || (hs = le32(p + 8)) < 32 || hs > n - 12)
		return -1;
	alg = le32(p + 12 + 8);
	ksz = le32(p + 12 + 16);
	if ((alg != 0x660e && alg != 0x660f && alg != 0x6610) ||
	    (ksz != 128 && ksz != 192 && ksz != 256))
		return -1;
	v = p + 12 + hs;
	vs = n - 12 - hs;
	/* SaltSize, Salt (16), EncryptedVerifier (16),
	 * VerifierHashSize, EncryptedVerifierHash (32 for AES). */
	if (vs < 4 + 16 + 16 + 4 + 32 || le32(v) != 16)
		return -1;
	memcpy(f->salt, v + 4, 16);
	f->saltl = 16;
	memcpy(f->vin, v + 20, 16);
	f->vinl = 16;
	memcpy(f->vhash, v + 40, 32);
	f->vhashl = 32;
	f->md = EVP_sha1();
	f->hlen = 20;
	f->keylen = f->pkeylen = ksz / 8;
	f->spin = 50000;
	return 0;
}

/* H(salt + UTF-16LE password), then spin times H(i + H): into h. */
static void
iterate(const struct info *f, const char *pw, unsigned char *h)
{
	unsigned char	 u16[512], ib[4];
	size_t		 k, i;
	EVP_MD_CTX	*x;
	EVP_MD		*md;

	/* The password as UTF-16LE (255 characters). */
	k = cipher_utf16le(pw, u16, sizeof(u16));
	cipher_hash(f->md, f->salt, f->saltl, u16, k, h);
	/* The digest fetched once: EVP_sha512() in each round would look
	 * it up each time (four times the cost). */
	if ((x = EVP_MD_CTX_new()) == NULL || (md = EVP_MD_fetch(NULL,
	    EVP_MD_get0_name(f->md), NULL)) == NULL)
		abort();
	for (i = 0; i < f->spin; i++) {
		ib[0] = (unsigned char)i, ib[1] = (unsigned char)(i >> 8);
		ib[2] = (unsigned char)(i >> 16);
		ib[3] = (unsigned char)(i >> 24);
		if (EVP_DigestInit_ex(x, md, NULL) != 1 ||
		    EVP_DigestUpdate(x, ib, 4) != 1 ||
		    EVP_DigestUpdate(x, h, f->hlen) != 1 ||
		    EVP_DigestFinal_ex(x, h, NULL) != 1)
			abort();
	}
	EVP_MD_free(md);
	EVP_MD_CTX_free(x);
}

/* Agile: the key of one block key (H(h + block), cut or padded with
 * 0x36 to the key's length). */
static void
agile_key(const struct info *f, const unsigned char *h,
    const unsigned char *block, unsigned char *key)
{
	unsigned char	 x[EVP_MAX_MD_SIZE];

	cipher_hash(f->md, h, f->hlen, block, 8, x);
	memset(key, 0x36, f->keylen);
	memcpy(key, x, f->keylen < f->hlen ? f->keylen : f->hlen);
}

/* The package's key from the password, when it is the right one. */
static int
try_password(const struct info *f, const char *pw, unsigned char *key)
{
	static const unsigned char b1[8] = { 0xfe, 0xa7, 0xd2, 0x76, 0x3b,
	    0x4b, 0x9e, 0x79 }, b2[8] = { 0xd7, 0xaa, 0x0f, 0x6d, 0x30,
	    0x61, 0x34, 0x4e }, b3[8] = { 0x14, 0x6e, 0x0b, 0xe7, 0xab,
	    0xac, 0xd0, 0xd6 }, zero[4];
	unsigned char	 h[EVP_MAX_MD_SIZE], k[32], vin[64], vh[80], x[64],
			 b36[64], b5c[64];
	size_t		 i;

	iterate(f, pw, h);
	if (f->agile) {
		agile_key(f, h, b1, k);
		if (cipher_aes(0, k, f->keylen, f->salt, f->vin, f->vinl,
		    vin) == -1)
			return 0;
		agile_key(f, h, b2, k);
		if (cipher_aes(0, k, f->keylen, f->salt, f->vhash, f->vhashl,
		    vh) == -1)
			return 0;
		/* The verifier's hash is of its first saltSize bytes. */
		cipher_hash(f->md, vin, f->saltl < f->vinl ? f->saltl : f->vinl,
		    NULL, 0, x);
		if (memcmp(x, vh, f->hlen) != 0)
			return 0;
		agile_key(f, h, b3, k);
		return cipher_aes(0, k, f->keylen, f->salt, f->ekey, f->ekeyl,
		    vh) == 0 ?
		    (memcpy(key, vh, f->pkeylen), 1) : 0;
	}
	/* Standard: H(h + block 0), then the CryptDeriveKey of
	 * MS-OFFCRYPTO 2.3.4.7: SHA-1 of it XORed into 0x36s and 0x5cs. */
	cipher_hash(f->md, h, f->hlen, zero, 4, x);
	memset(b36, 0x36, 64);
	memset(b5c, 0x5c, 64);
	for (i = 0; i < f->hlen; i++)
		b36[i] ^= x[i], b5c[i] ^= x[i];
	cipher_hash(f->md, b36, 64, NULL, 0, h);
	cipher_hash(f->md, b5c, 64, NULL, 0, h + 20);
	memcpy(key, h, f->keylen);
	if (cipher_aes(0, key, f->keylen, NULL, f->vin, 16, vin) == -1 ||
	    cipher_aes(0, key, f->keylen, NULL, f->vhash, 32, vh) == -1)
		return 0;
	cipher_hash(f->md, vin, 16, NULL, 0, x);
	return memcmp(x, vh, 20) == 0;
}

/* The package decrypted with key, its declared size cut to cap. */
static unsigned char *
package(const struct info *f, const unsigned char *key,
    const unsigned char *pk, size_t pl, size_t cap, size_t *len)
{
	uint64_t	 size;
	size_t		 want, k, seg, n;
	unsigned char	*out, iv[EVP_MAX_MD_SIZE], ib[4];

	if (pl < 8)
		return NULL;
	size = le32(pk) | (uint64_t)le32(pk + 4) << 32;
	want = size < cap ? (size_t)size : cap;
	if (want > pl - 8)
		want = pl - 8;
	n = (want + 15) / 16 * 16;
	if (n > pl - 8)
		n = (pl - 8) / 16 * 16;
	out = xmalloc(n + 16);
	if (!f->agile) {
		if (cipher_aes(0, key, f->pkeylen, NULL, pk + 8, n, out) == -1)
			goto fail;
	} else {
		for (k = 0, seg = 0; k < n; k += SEGMENT, seg++) {
			size_t l = n - k < SEGMENT ? n - k : SEGMENT;

			ib[0] = (unsigned char)seg;
			ib[1] = (unsigned char)(seg >> 8);
			ib[2] = (unsigned char)(seg >> 16);
			ib[3] = (unsigned char)(seg >> 24);
			cipher_hash(f->kmd, f->ksalt, f->ksaltl, ib, 4, iv);
			if (cipher_aes(0, key, f->pkeylen, iv, pk + 8 + k, l,
			    out + k) == -1)
				goto fail;
		}
	}
	*len = want < n ? want : n;
	return out;
fail:
	free(out);
	return NULL;
}

/* Agile's dataIntegrity: the HMAC of the EncryptedPackage stream (pk,
 * pl bytes) with the key it carries, both decrypted with the package's
 * key (MS-OFFCRYPTO 2.3.4.14). */
static int
integrity(const struct info *f, const unsigned char *key,
    const unsigned char *pk, size_t pl)
{
	static const unsigned char b4[8] = { 0x5f, 0xb2, 0xad, 0x01, 0x0c,
	    0xb9, 0xe1, 0xf6 }, b5[8] = { 0xa0, 0x67, 0x7f, 0x02, 0xb2,
	    0x2c, 0x84, 0x33 };
	unsigned char	 iv[EVP_MAX_MD_SIZE], hk[80], hv[80],
			 mac[EVP_MAX_MD_SIZE];
	unsigned int	 ml = 0;

	cipher_hash(f->kmd, f->ksalt, f->ksaltl, b4, 8, iv);
	if (cipher_aes(0, key, f->pkeylen, iv, f->hkey, f->hkeyl, hk) == -1)
		return 0;
	cipher_hash(f->kmd, f->ksalt, f->ksaltl, b5, 8, iv);
	if (cipher_aes(0, key, f->pkeylen, iv, f->hval, f->hvall, hv) == -1)
		return 0;
	if (HMAC(f->kmd, hk, (int)f->khlen, pk, pl, mac, &ml) == NULL ||
	    ml != f->khlen)
		return 0;
	return CRYPTO_memcmp(mac, hv, f->khlen) == 0;
}

unsigned char *
office_decrypt(struct detect_scan *s, const unsigned char *p, size_t n,
    size_t cap, size_t *len, int *which)
{
	unsigned char	*info, *pk = NULL, *out = NULL, key[32];
	size_t		 il, pl, i;
	struct info	 f;
	int		 rc;

	*which = PW_NONE;
	if ((info = ole_stream(p, n, "EncryptionInfo", INFO_MAX, &il)) ==
	    NULL)
		return NULL;
	memset(&f, 0, sizeof(f));
	/* The version: 4.4 Agile; 2.2, 3.2 and 4.2 Standard. */
	if (il < 8)
		goto out;
	if (le32(info) == 0x00040004) {
		xml_plain((char *)info + 8, il - 8);
		rc = parse_agile(&f, (const char *)info + 8, il - 8);
	} else if (info[0] >= 2 && info[0] <= 4 && info[1] == 0 &&
	    info[2] == 2 && info[3] == 0)
		rc = parse_standard(&f, info, il);
	else
		rc = -1;
	if (rc == -1)
		goto out;
	/* Excel's own password first, as Excel tries it, when it costs
	 * no more than five of Office's tries (a file that asks for more
	 * rounds leaves the budget to the scan's passwords); then the
	 * newest passwords of the scan (this mail's among them): a message
	 * may try few of them. */
	if (f.spin <= DEFAULT_SPIN_MAX) {
		if (s->kdf_rounds + f.spin > DETECT_KDF_ROUNDS)
			msg_truncated(s, s->m, CUT_TRIES);
		else {
			s->kdf_rounds += f.spin + 1;
			if (try_password(&f, OFFICE_DEFAULT_PASSWORD, key))
				*which = PW_DEFAULT;
		}
	}
	for (i = 0; i < s->npw && *which == PW_NONE; i++) {
		size_t k = pw_newest(s, i);

		if (s->pw_tries >= DETECT_PASSWORD_TRIES ||
		    s->kdf_rounds + f.spin > DETECT_KDF_ROUNDS) {
			msg_truncated(s, s->m, CUT_TRIES);
			break;
		}
		s->pw_tries++;
		s->kdf_rounds += f.spin + 1;
		if (try_password(&f, s->pw[k], key)) {
			*which = (int)k;
			break;
		}
	}
	if (*which == PW_NONE || (pk = ole_stream(p, n, "EncryptedPackage",
	    cap + 64, &pl)) == NULL)
		goto out;
	/* Agile's HMAC of the whole package, when the whole was read:
	 * a package that is not the one the key was made for is not
	 * "opened". */
	if (f.agile && pl < cap + 64 && !integrity(&f, key, pk, pl)) {
		*which = PW_NONE;
		goto out;
	}
	out = package(&f, key, pk, pl, cap, len);
	/* What it holds is a zip, or it was not decrypted. */
	if (out != NULL && (*len < 4 || memcmp(out, "PK\3\4", 4) != 0)) {
		free(out);
		out = NULL;
		*which = PW_NONE;
	}
out:
	free(pk);
	free(info);
	return out;
}
