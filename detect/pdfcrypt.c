/*
 * pdfcrypt: the contents of an encrypted PDF whose user password is
 * empty.  Such a file opens in every reader without a prompt (the owner
 * password only restricts printing or editing, as many legitimate
 * invoices and statements do), so it hides nothing from the reader: it
 * must hide nothing from the scan either.  A kit that encrypts its
 * JavaScript or its links this way is read like any other PDF, and a
 * statement restricted from editing is not "password-protected".
 *
 * The Standard security handler of ISO 32000 (7.6.4): revisions 2 to 4
 * (RC4 of 40 to 128 bits, and AES-128, the /AESV2 crypt filter), the
 * file key derived from the empty password and checked against /U
 * (algorithms 2, 4 and 5), each object's key from it (algorithm 1);
 * revisions 5 and 6 (AES-256, /AESV3: algorithms 2.A and 2.B, the file
 * key unwrapped from /UE).  Other handlers (certificates, /Adobe.PubSec)
 * and a user password that is not empty are "locked": the caller says
 * the document is protected, as before.
 *
 * MD5, SHA-2 and AES come from libcrypto; RC4, which OpenSSL 3 keeps in
 * its legacy provider only, is the few lines below.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "internal.h"
#include "util.h"

#define CRYPT_DICT_MAX	4096	/* bytes of the /Encrypt dictionary read */
#define CRYPT_LOOK	64	/* "/Encrypt" and "/ID" keys looked at */

static const unsigned char pad[32] = {
	0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e,
	0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68,
	0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
};

static void
rc4(const unsigned char *key, size_t klen, const unsigned char *in,
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

/* The digest of the n pieces (p[i], l[i]) by md into out: its size. */
static unsigned
digest(const EVP_MD *md, const unsigned char *const *p, const size_t *l,
    size_t n, unsigned char *out)
{
	EVP_MD_CTX	*x = EVP_MD_CTX_new();
	unsigned	 len = 0;
	size_t		 i;

	if (x == NULL)
		abort();
	if (EVP_DigestInit_ex(x, md, NULL) != 1)
		abort();
	for (i = 0; i < n; i++)
		if (EVP_DigestUpdate(x, p[i], l[i]) != 1)
			abort();
	if (EVP_DigestFinal_ex(x, out, &len) != 1)
		abort();
	EVP_MD_CTX_free(x);
	return len;
}

/*
 * AES-CBC over n bytes (a multiple of 16) of in into out, no padding
 * taken off or added: 0, or -1 when libcrypto refuses.
 */
static int
aes_cbc(int enc, const unsigned char *key, size_t klen,
    const unsigned char *iv, const unsigned char *in, size_t n,
    unsigned char *out)
{
	EVP_CIPHER_CTX	*x = EVP_CIPHER_CTX_new();
	const EVP_CIPHER *c = klen == 32 ? EVP_aes_256_cbc() :
	    EVP_aes_128_cbc();
	int		 l1 = 0, l2 = 0, rc = -1;

	if (x == NULL)
		abort();
	if (n > INT32_MAX || EVP_CipherInit_ex(x, c, NULL, key, iv, enc) != 1)
		goto out;
	EVP_CIPHER_CTX_set_padding(x, 0);
	if (EVP_CipherUpdate(x, out, &l1, in, (int)n) != 1 ||
	    EVP_CipherFinal_ex(x, out + l1, &l2) != 1)
		goto out;
	rc = (size_t)(l1 + l2) == n ? 0 : -1;
out:
	EVP_CIPHER_CTX_free(x);
	return rc;
}

/* Is what starts at q a key name nm, whole ("/V" not "/Version")? */
static int
key_at(const unsigned char *q, const unsigned char *e, const char *nm)
{
	size_t	 l = strlen(nm);

	return (size_t)(e - q) >= l && memcmp(q, nm, l) == 0 &&
	    (q + l == e || !isalnum(q[l]));
}

static const unsigned char *
skip_ws(const unsigned char *q, const unsigned char *e)
{
	while (q < e && (*q == ' ' || *q == '\r' || *q == '\n' ||
	    *q == '\t' || *q == '\f' || *q == '\0'))
		q++;
	return q;
}

/* Past the string (literal, nested and escaped, or hex) at q. */
static const unsigned char *
skip_string(const unsigned char *q, const unsigned char *e)
{
	int	 depth = 0;

	if (*q == '<') {
		const unsigned char *gt = memchr(q, '>', (size_t)(e - q));

		return gt != NULL ? gt + 1 : e;
	}
	for (q++; q < e; q++) {
		if (*q == '\\')
			q++;
		else if (*q == '(')
			depth++;
		else if (*q == ')' && depth-- == 0)
			return q + 1;
	}
	return e;
}

/* Where the value of the key nm of the dictionary [d, e) starts (past
 * white space), at its outermost level; NULL when it is not there. */
static const unsigned char *
dict_value(const unsigned char *d, const unsigned char *e, const char *nm)
{
	const unsigned char	*q = d;
	int			 depth = 0;

	while (q < e) {
		if (q + 1 < e && q[0] == '<' && q[1] == '<') {
			depth++, q += 2;
			continue;
		}
		if (q + 1 < e && q[0] == '>' && q[1] == '>') {
			if (--depth <= 0)
				return NULL;	/* the dictionary ends */
			q += 2;
			continue;
		}
		if (*q == '(' || *q == '<') {
			q = skip_string(q, e);
			continue;
		}
		if (*q == '/' && depth == 1 && key_at(q, e, nm))
			return skip_ws(q + strlen(nm), e);
		q++;
	}
	return NULL;
}

/* The integer value of nm, or def. */
static long
dict_int(const unsigned char *d, const unsigned char *e, const char *nm,
    long def)
{
	const unsigned char	*q = dict_value(d, e, nm);
	long			 v = 0, sign = 1;

	if (q == NULL)
		return def;
	if (q < e && (*q == '-' || *q == '+'))
		sign = *q++ == '-' ? -1 : 1;
	if (q >= e || !isdigit(*q))
		return def;
	for (; q < e && isdigit(*q) && v < 0x100000000L; q++)
		v = v * 10 + (*q - '0');
	return sign * v;
}

/* The string value of nm into u (cap bytes): its length, or -1. */
static long
dict_str(const unsigned char *d, const unsigned char *e, const char *nm,
    unsigned char *u, size_t cap)
{
	const unsigned char	*q = dict_value(d, e, nm), *next;
	size_t			 k;

	if (q == NULL)
		return -1;
	k = pdf_string(q, e, (char *)u, cap, &next);
	return k == (size_t)-1 ? -1 : (long)k;
}

/*
 * The dictionary [*de) of the object "num gen obj" in p: found as the
 * last such object of the file (an update's newer copy), NULL when it
 * is not there.
 */
static const unsigned char *
object_dict(const unsigned char *p, size_t n, long num, long gen,
    const unsigned char **de)
{
	char			 pat[48];
	const unsigned char	*q = p, *e = p + n, *found = NULL, *d;
	size_t			 l;
	int			 depth = 0, tries = 0;

	l = (size_t)snprintf(pat, sizeof(pat), "%ld %ld obj", num, gen);
	while (tries++ < 4096 && (q = memmem(q, (size_t)(e - q), pat, l)) !=
	    NULL) {
		if (q == p || !isdigit(q[-1]))
			found = q;
		q += l;
	}
	if (found == NULL)
		return NULL;
	d = skip_ws(found + l, e);
	if (e - d < 2 || d[0] != '<' || d[1] != '<')
		return NULL;
	e = (size_t)(e - d) > CRYPT_DICT_MAX ? d + CRYPT_DICT_MAX : e;
	for (q = d; q + 1 < e; q++) {
		if (q[0] == '<' && q[1] == '<')
			depth++, q++;
		else if (q[0] == '>' && q[1] == '>' && --depth == 0) {
			*de = q + 2;
			return d;
		}
	}
	*de = e;
	return d;
}

/* The first string of the file's /ID array into id: its length, or 0. */
static size_t
file_id(const unsigned char *p, size_t n, unsigned char *id, size_t cap)
{
	const unsigned char	*q = p, *e = p + n, *next;
	int			 tries = 0;
	size_t			 k;

	while (tries++ < CRYPT_LOOK && (q = memmem(q, (size_t)(e - q), "/ID",
	    3)) != NULL) {
		q += 3;
		if (q < e && isalnum(*q))
			continue;
		q = skip_ws(q, e);
		if (q >= e || *q != '[')
			continue;
		q = skip_ws(q + 1, e);
		k = pdf_string(q, e, (char *)id, cap, &next);
		if (k != (size_t)-1)
			return k;
	}
	return 0;
}

/* Algorithm 2.B of ISO 32000-2: the hash of a password for R6 (R5's is
 * SHA-256 alone), 32 bytes into out. */
static void
hash_2b(int r, const unsigned char *pw, size_t pwl,
    const unsigned char *salt, const unsigned char *udata, size_t ul,
    unsigned char out[32])
{
	unsigned char	 k[64], k1[64 * (127 + 64 + 48)], ebuf[sizeof(k1)];
	const unsigned char *pp[3] = { pw, salt, udata };
	size_t		 ll[3] = { pwl, 8, ul }, kl, one, i, round;
	unsigned	 sum;

	kl = digest(EVP_sha256(), pp, ll, 3, k);
	for (round = 0; r >= 6; round++) {
		one = pwl + kl + ul;
		for (i = 0; i < 64; i++) {
			memcpy(k1 + i * one, pw, pwl);
			memcpy(k1 + i * one + pwl, k, kl);
			memcpy(k1 + i * one + pwl + kl, udata, ul);
		}
		if (aes_cbc(1, k, 16, k + 16, k1, one * 64, ebuf) == -1)
			break;
		for (sum = 0, i = 0; i < 16; i++)
			sum += ebuf[i];
		pp[0] = ebuf, ll[0] = one * 64;
		kl = digest(sum % 3 == 0 ? EVP_sha256() : sum % 3 == 1 ?
		    EVP_sha384() : EVP_sha512(), pp, ll, 1, k);
		if (round >= 63 && ebuf[one * 64 - 1] <= round + 1 - 32)
			break;
	}
	memcpy(out, k, 32);
}

/* What the /Encrypt dictionary says, read once for every password. */
struct sec {
	int		 r;
	unsigned char	 o[64], u[64], ue[64], id[64], pb[4];
	long		 ol, ul, uel;
	size_t		 idl, kl;
	int		 meta_clear;	/* /EncryptMetadata false */
};

/* Revisions 5 and 6: the file key unwrapped from /UE, when pw (UTF-8,
 * 127 bytes at most) is the user password. */
static int
open_aes256(struct pdf_crypt *c, const struct sec *x, const char *pw)
{
	unsigned char	 h[32], iv[16];
	size_t		 pwl = strlen(pw) < 127 ? strlen(pw) : 127;

	if (x->ul < 48 || x->uel < 32)
		return 0;
	hash_2b(x->r, (const unsigned char *)pw, pwl, x->u + 32,
	    (const unsigned char *)"", 0, h);
	if (memcmp(h, x->u, 32) != 0)
		return 0;
	hash_2b(x->r, (const unsigned char *)pw, pwl, x->u + 40,
	    (const unsigned char *)"", 0, h);
	memset(iv, 0, sizeof(iv));
	if (aes_cbc(0, h, 32, iv, x->ue, 32, c->key) == -1)
		return 0;
	c->keylen = 32;
	return 1;
}

/* Revisions 2 to 4: algorithm 2 with the password pw (its first 32
 * bytes, padded), checked as algorithms 4 and 5 check it. */
static int
open_rc4(struct pdf_crypt *c, const struct sec *x, const char *pw)
{
	unsigned char	 h[16], y[32], k2[16], pp32[32];
	size_t		 pwl = strlen(pw) < 32 ? strlen(pw) : 32, kl = x->kl, i,
			 j, np = 0;
	const unsigned char *pp[5];
	size_t		 ll[5];
	static const unsigned char ff[4] = { 0xff, 0xff, 0xff, 0xff };

	if (x->ol < 32 || x->ul < 32)
		return 0;
	memcpy(pp32, pw, pwl);
	memcpy(pp32 + pwl, pad, 32 - pwl);
	pp[np] = pp32, ll[np++] = 32;
	pp[np] = x->o, ll[np++] = 32;
	pp[np] = x->pb, ll[np++] = 4;
	pp[np] = x->id, ll[np++] = x->idl;
	if (x->r >= 4 && x->meta_clear)
		pp[np] = ff, ll[np++] = 4;
	digest(EVP_md5(), pp, ll, np, h);
	for (i = 0; x->r >= 3 && i < 50; i++) {
		pp[0] = h, ll[0] = kl;
		digest(EVP_md5(), pp, ll, 1, h);
	}
	memcpy(c->key, h, kl);
	c->keylen = kl;
	if (x->r == 2) {
		rc4(c->key, kl, pad, y, 32);
		return memcmp(y, x->u, 32) == 0;
	}
	pp[0] = pad, ll[0] = 32;
	pp[1] = x->id, ll[1] = x->idl;
	digest(EVP_md5(), pp, ll, 2, y);
	for (i = 0; i < 20; i++) {
		for (j = 0; j < kl; j++)
			k2[j] = (unsigned char)(c->key[j] ^ i);
		rc4(k2, kl, y, y, 16);
	}
	return memcmp(y, x->u, 16) == 0;
}

int
pdf_crypt_open(const unsigned char *p, size_t n, const char *const *pw,
    size_t npw, size_t *tries, size_t max_tries, struct pdf_crypt *c)
{
	const unsigned char	*q = p, *e = p + n, *d = NULL, *de = NULL, *v;
	int			 look = 0, ver, ok;
	struct sec		 x;
	long			 pv, bits;
	size_t			 i;

	memset(c, 0, sizeof(*c));
	memset(&x, 0, sizeof(x));
	c->pw = -1;
	/* The trailer's /Encrypt: a reference, or the dictionary itself. */
	while (d == NULL && look++ < CRYPT_LOOK && (q = memmem(q,
	    (size_t)(e - q), "/Encrypt", 8)) != NULL) {
		long num, gen;

		q += 8;
		if (q < e && isalnum(*q))
			continue;	/* /EncryptMetadata */
		q = skip_ws(q, e);
		if (e - q >= 2 && q[0] == '<' && q[1] == '<') {
			d = q;
			de = (size_t)(e - q) > CRYPT_DICT_MAX ?
			    q + CRYPT_DICT_MAX : e;
			break;
		}
		if (q >= e || !isdigit(*q))
			continue;
		for (num = 0; q < e && isdigit(*q) && num < 100000000; q++)
			num = num * 10 + (*q - '0');
		q = skip_ws(q, e);
		for (gen = 0; q < e && isdigit(*q) && gen < 100000; q++)
			gen = gen * 10 + (*q - '0');
		q = skip_ws(q, e);
		if (q < e && *q == 'R')
			d = object_dict(p, n, num, gen, &de);
	}
	if (d == NULL)
		return -1;
	if ((v = dict_value(d, de, "/Filter")) == NULL ||
	    !key_at(v, de, "/Standard"))
		return -1;	/* certificates: not ours to open */
	ver = (int)dict_int(d, de, "/V", 0);
	x.r = (int)dict_int(d, de, "/R", 0);
	if (x.r < 2 || x.r > 6 || ver < 1 || ver > 5)
		return -1;
	c->cipher = x.r >= 5 ? PDF_CRYPT_AES : PDF_CRYPT_RC4;
	if (ver >= 4) {
		const unsigned char *cfm = dict_value(d, de, "/CF");

		/* The crypt filter's method, searched for in /CF (one
		 * filter, /StdCF, is what writers make). */
		if (cfm != NULL && (cfm = memmem(cfm, (size_t)(de - cfm),
		    "/CFM", 4)) != NULL) {
			cfm = skip_ws(cfm + 4, de);
			if (key_at(cfm, de, "/AESV2") || key_at(cfm, de,
			    "/AESV3"))
				c->cipher = PDF_CRYPT_AES;
			else if (key_at(cfm, de, "/None"))
				c->cipher = PDF_CRYPT_NONE;
		}
		if ((v = dict_value(d, de, "/StmF")) != NULL &&
		    key_at(v, de, "/Identity"))
			c->streams_plain = 1;
		if ((v = dict_value(d, de, "/StrF")) != NULL &&
		    key_at(v, de, "/Identity"))
			c->strings_plain = 1;
	}
	x.ol = dict_str(d, de, "/O", x.o, sizeof(x.o));
	x.ul = dict_str(d, de, "/U", x.u, sizeof(x.u));
	x.uel = dict_str(d, de, "/UE", x.ue, sizeof(x.ue));
	pv = dict_int(d, de, "/P", 0);
	for (i = 0; i < 4; i++)
		x.pb[i] = (unsigned char)((unsigned long)pv >> (8 * i));
	x.idl = file_id(p, n, x.id, sizeof(x.id));
	v = dict_value(d, de, "/EncryptMetadata");
	x.meta_clear = v != NULL && key_at(v, de, "false");
	/* 40 bits in revision 2; /Length in 3; 128 bits with crypt
	 * filters (4), whose /Length may say it in bytes or bits. */
	bits = dict_int(d, de, "/Length", 40);
	x.kl = x.r == 2 ? 5 : x.r >= 4 ? 16 : (size_t)(bits >= 40 &&
	    bits <= 128 && bits % 8 == 0 ? bits / 8 : 5);
	/* The empty password first (it opens without a prompt), then the
	 * passwords of the scan, within the message's budget of tries. */
	for (i = 0; i <= npw; i++) {
		const char *try = i == 0 ? "" : pw[i - 1];

		if (i > 0 && (*tries)++ >= max_tries)
			break;
		ok = x.r >= 5 ? open_aes256(c, &x, try) : open_rc4(c, &x,
		    try);
		if (ok) {
			c->pw = (int)i - 1;
			return 1;
		}
	}
	return 0;
}

size_t
pdf_crypt_data(const struct pdf_crypt *c, int stream, long num, long gen,
    const unsigned char *in, size_t len, unsigned char *out, size_t cap)
{
	unsigned char	 k[16 + 5 + 4], ok[16];
	const unsigned char *pp[1] = { k };
	size_t		 ll[1], kl, n, padl;
	const unsigned char *key = c->key;

	if (c->cipher == PDF_CRYPT_NONE || (stream ? c->streams_plain :
	    c->strings_plain)) {
		n = len < cap ? len : cap;
		memcpy(out, in, n);
		return n;
	}
	kl = c->keylen;
	if (c->keylen != 32) {	/* algorithm 1: the object's own key */
		memcpy(k, c->key, c->keylen);
		k[c->keylen] = (unsigned char)num;
		k[c->keylen + 1] = (unsigned char)(num >> 8);
		k[c->keylen + 2] = (unsigned char)(num >> 16);
		k[c->keylen + 3] = (unsigned char)gen;
		k[c->keylen + 4] = (unsigned char)(gen >> 8);
		ll[0] = c->keylen + 5;
		if (c->cipher == PDF_CRYPT_AES) {
			memcpy(k + ll[0], "sAlT", 4);
			ll[0] += 4;
		}
		digest(EVP_md5(), pp, ll, 1, ok);
		kl = c->keylen + 5 < 16 ? c->keylen + 5 : 16;
		key = ok;
	}
	if (c->cipher == PDF_CRYPT_RC4) {
		n = len < cap ? len : cap;
		rc4(key, kl, in, out, n);
		return n;
	}
	/* AES: the first block is the IV; whole blocks only. */
	if (len < 32)
		return 0;
	n = (len - 16) / 16 * 16;
	if (n > cap / 16 * 16)
		n = cap / 16 * 16;
	if (aes_cbc(0, key, c->keylen == 32 ? 32 : 16, in, in + 16, n,
	    out) == -1)
		return (size_t)-1;
	/* The padding, when the whole was read and it is one. */
	if (n == (len - 16) && n > 0 && (padl = out[n - 1]) >= 1 &&
	    padl <= 16)
		n -= padl;
	return n;
}

void
pdf_crypt_init(void)
{
	unsigned char	 h[64], b[32];
	const unsigned char *pp[1] = { b };
	size_t		 ll[1] = { sizeof(b) };

	const EVP_CIPHER *const ciphers[] = { EVP_aes_128_ecb(),
	    EVP_aes_192_ecb(), EVP_aes_256_ecb(), EVP_aes_192_cbc() };
	size_t		 i;

	/* libcrypto reads its configuration and fetches its algorithms at
	 * first use: before the runner's sandbox closes the files (this
	 * file's and officecrypt.c's). */
	memset(b, 0, sizeof(b));
	digest(EVP_md5(), pp, ll, 1, h);
	digest(EVP_sha1(), pp, ll, 1, h);
	digest(EVP_sha256(), pp, ll, 1, h);
	digest(EVP_sha384(), pp, ll, 1, h);
	digest(EVP_sha512(), pp, ll, 1, h);
	(void)aes_cbc(0, b, 16, b + 16, b, 16, h);
	(void)aes_cbc(0, b, 32, b, b, 16, h);
	for (i = 0; i < nitems(ciphers); i++) {
		EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();

		if (x == NULL)
			abort();
		(void)EVP_DecryptInit_ex(x, ciphers[i], NULL, b, b);
		EVP_CIPHER_CTX_free(x);
	}
}
