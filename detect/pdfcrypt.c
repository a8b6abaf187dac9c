/*
 * pdfcrypt: the contents of an encrypted PDF, read as a reader reads
 * them.  A PDF whose user password is empty opens in every reader
 * without a prompt (the owner password only restricts printing or
 * editing, as many legitimate invoices and statements do), so it hides
 * nothing from the reader: it must hide nothing from the scan either.
 * A kit that encrypts its JavaScript or its links this way is read like
 * any other PDF, and a statement restricted from editing is not
 * "password-protected".  A PDF that asks for a password is tried with
 * the passwords of the scan (PPAP), and with the empty owner password,
 * which poppler and qpdf try.
 *
 * The Standard security handler of ISO 32000 (7.6.4): revisions 2 to 4
 * (RC4 of 40 to 128 bits, and AES-128, the /AESV2 crypt filter), the
 * file key derived from a password and checked against /U (algorithms
 * 2, 4, 5 and 7), each object's key from it (algorithm 1); revisions 5
 * and 6 (AES-256, /AESV3: algorithms 2.A and 2.B, the file key
 * unwrapped from /UE or /OE).  What a reader reads is what counts: the
 * /Encrypt and /ID of the file's trailer, the last of a key given
 * twice, names with #xx escapes, crypt filters looked up by name with
 * pdf.js's defaults, objects found by an index of their headers.
 * Other handlers (certificates, /Adobe.PubSec) and a password no one
 * gave are "locked": the caller says the document is protected.
 *
 * MD5, SHA-2 and AES come from libcrypto; RC4, which OpenSSL 3 keeps in
 * its legacy provider only, is cipher.c's few lines.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cipher.h"

#include "internal.h"
#include "util.h"

#define CRYPT_DICT_MAX	65536	/* bytes of a dictionary read */
#define CRYPT_OBJS_MAX	(1u << 20)	/* object headers indexed */

static const unsigned char pad[32] = {
	0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e,
	0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68,
	0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
};

/* Past the name at q (its '/'): up to white space or a delimiter. */
static const unsigned char *
name_end(const unsigned char *q, const unsigned char *e)
{
	for (q++; q < e && !strchr(" \t\r\n\f()<>[]{}/%", *q) && *q != '\0';
	    q++)
		;
	return q;
}

/*
 * Is the name at q nm (with its '/'), its letters read through #xx
 * escapes as readers read them ("/AES#562" is "/AESV2")?
 */
static int
key_at(const unsigned char *q, const unsigned char *e, const char *nm)
{
	const unsigned char	*ne;
	size_t			 k = 0;

	if (q >= e || *q != '/')
		return 0;
	for (ne = name_end(q, e), q++, nm++; q < ne; q++, k++) {
		int c = *q;

		if (c == '#' && ne - q > 2 && hex_value(q[1]) >= 0 &&
		    hex_value(q[2]) >= 0) {
			c = hex_value(q[1]) << 4 | hex_value(q[2]);
			q += 2;
		}
		if (nm[k] == '\0' || (unsigned char)nm[k] != c)
			return 0;
	}
	return nm[k] == '\0';
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
 * white space), at its outermost level; NULL when it is not there.  A
 * key given twice: the last, as pdf.js and qpdf read it. */
static const unsigned char *
dict_value(const unsigned char *d, const unsigned char *e, const char *nm)
{
	const unsigned char	*q = d, *last = NULL;
	int			 depth = 0;

	while (q < e) {
		if (q + 1 < e && q[0] == '<' && q[1] == '<') {
			depth++, q += 2;
			continue;
		}
		if (q + 1 < e && q[0] == '>' && q[1] == '>') {
			if (--depth <= 0)
				break;	/* the dictionary ends */
			q += 2;
			continue;
		}
		if (*q == '(' || *q == '<') {
			q = skip_string(q, e);
			continue;
		}
		if (*q == '%') {	/* a comment, to the line's end */
			while (q < e && *q != '\r' && *q != '\n')
				q++;
			continue;
		}
		if (*q == '/') {
			const unsigned char *ne = name_end(q, e);

			if (depth == 1 && key_at(q, e, nm))
				last = skip_ws(ne, e);
			q = ne;
			continue;
		}
		q++;
	}
	return last;
}

/* The end of the dictionary that starts at d ("<<"), strings and
 * comments passed over: just past its ">>", or e. */
static const unsigned char *
dict_end(const unsigned char *d, const unsigned char *e)
{
	const unsigned char	*q = d;
	int			 depth = 0;

	while (q + 1 < e) {
		if (q[0] == '<' && q[1] == '<')
			depth++, q += 2;
		else if (q[0] == '>' && q[1] == '>') {
			q += 2;
			if (--depth == 0)
				return q;
		} else if (*q == '(' || *q == '<')
			q = skip_string(q, e);
		else if (*q == '%')
			while (q < e && *q != '\r' && *q != '\n')
				q++;
		else
			q++;
	}
	return e;
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

static int
pdf_ws(int c)
{
	return c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f' ||
	    c == '\0';
}

/*
 * Is the "obj" at q (inside p..e) the keyword of an object's header
 * "num gen obj"?  Its numbers when it is.  A name that ends in "obj"
 * ("/Xobj"), "endobj" and a word that goes on ("objective") are none.
 */
int
pdf_obj_keyword(const unsigned char *p, const unsigned char *e,
    const unsigned char *q, uint32_t *num, uint16_t *gen)
{
	const unsigned char	*b = q - 1;
	unsigned long		 v[2], mul;
	int			 i;

	q += 3;
	if (q > e || (q < e && !pdf_ws(*q) && !strchr("<[(/%", *q)) ||
	    b < p || !pdf_ws(*b))
		return 0;
	for (i = 1; i >= 0; i--) {
		if (b < p || !pdf_ws(*b))
			return 0;
		while (b >= p && pdf_ws(*b))
			b--;
		if (b < p || !isdigit(*b))
			return 0;
		for (v[i] = 0, mul = 1; b >= p && isdigit(*b); b--) {
			if (mul <= 1000000000UL)
				v[i] += (unsigned long)(*b - '0') * mul;
			mul *= 10;
		}
	}
	if ((b >= p && !pdf_ws(*b) && !strchr(">])}", *b)) ||
	    v[0] > UINT32_MAX || v[1] > 65535)
		return 0;
	*num = (uint32_t)v[0];
	*gen = (uint16_t)v[1];
	return 1;
}

/* The headers "num gen obj" of the file, in their order: where each
 * object's body starts. */
static void
index_objects(struct pdf_crypt *c, const unsigned char *p, size_t n)
{
	const unsigned char	*q = p, *e = p + n;
	size_t			 cap = 0;
	uint32_t		 num;
	uint16_t		 gen;

	while (c->nobj < CRYPT_OBJS_MAX && (q = memmem(q, (size_t)(e - q),
	    "obj", 3)) != NULL) {
		q += 3;
		if (!pdf_obj_keyword(p, e, q - 3, &num, &gen))
			continue;
		if (c->nobj == cap) {
			cap = cap ? cap * 2 : 256;
			c->obj = xrealloc(c->obj, cap * sizeof(*c->obj));
		}
		c->obj[c->nobj].off = (size_t)(q - p);
		c->obj[c->nobj].num = num;
		c->obj[c->nobj].gen = gen;
		c->nobj++;
	}
}

int
pdf_crypt_object(const struct pdf_crypt *c, size_t off, long *num,
    long *gen)
{
	size_t	 lo = 0, hi = c->nobj;

	/* The last object that starts at or before off. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->obj[mid].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	*num = c->obj[lo - 1].num;
	*gen = c->obj[lo - 1].gen;
	return 1;
}

/* The dictionary [*de) of the object num gen: its last definition (an
 * update's newer copy); NULL when there is none. */
static const unsigned char *
object_dict(const struct pdf_crypt *c, const unsigned char *p, size_t n,
    long num, long gen, const unsigned char **de)
{
	const unsigned char	*d;
	size_t			 i;

	for (i = c->nobj; i-- > 0;)
		if (c->obj[i].num == num && c->obj[i].gen == gen)
			break;
	if (i == (size_t)-1)
		return NULL;
	d = skip_ws(p + c->obj[i].off, p + n);
	if ((size_t)(p + n - d) < 2 || d[0] != '<' || d[1] != '<')
		return NULL;
	*de = dict_end(d, (size_t)(p + n - d) > CRYPT_DICT_MAX ?
	    d + CRYPT_DICT_MAX : p + n);
	return d;
}

/* "num gen R" at q: 1 with them, or 0. */
static int
reference(const unsigned char *q, const unsigned char *e, long *num,
    long *gen)
{
	if (q >= e || !isdigit(*q))
		return 0;
	for (*num = 0; q < e && isdigit(*q) && *num < 100000000; q++)
		*num = *num * 10 + (*q - '0');
	q = skip_ws(q, e);
	if (q >= e || !isdigit(*q))
		return 0;
	for (*gen = 0; q < e && isdigit(*q) && *gen < 100000; q++)
		*gen = *gen * 10 + (*q - '0');
	q = skip_ws(q, e);
	return q < e && *q == 'R';
}

/* The last occurrence of w (l bytes) in [p, e), or NULL. */
static const unsigned char *
last_of(const unsigned char *p, const unsigned char *e, const char *w,
    size_t l)
{
	const unsigned char	*q = p, *last = NULL;

	while ((q = memmem(q, (size_t)(e - q), w, l)) != NULL)
		last = q, q += l;
	return last;
}

/*
 * The file's trailer, as a reader finds it: at the offset the last
 * "startxref" gives (a "trailer" after its "xref" table, or the
 * dictionary of its cross-reference stream), else the last "trailer",
 * else the last cross-reference stream.  A "/Encrypt" elsewhere (in a
 * comment, a string, an unused object) is not the file's.
 */
static const unsigned char *
trailer_dict(const unsigned char *p, size_t n, const unsigned char **te)
{
	const unsigned char	*e = p + n, *q, *d = NULL;
	size_t			 off = 0;

	if ((q = last_of(p, e, "startxref", 9)) != NULL) {
		for (q = skip_ws(q + 9, e); q < e && isdigit(*q) && off < n;
		    q++)
			off = off * 10 + (size_t)(*q - '0');
		q = off < n ? skip_ws(p + off, e) : e;
		if (e - q >= 4 && memcmp(q, "xref", 4) == 0) {
			if ((q = memmem(q, (size_t)(e - q), "trailer", 7)) !=
			    NULL)
				d = skip_ws(q + 7, e);
		} else if (q < e && isdigit(*q) && (q = memmem(q, (size_t)(e -
		    q < 64 ? e - q : 64), "obj", 3)) != NULL)
			d = skip_ws(q + 3, e);
		if (d != NULL && (e - d < 2 || d[0] != '<' || d[1] != '<'))
			d = NULL;
	}
	if (d == NULL && (q = last_of(p, e, "trailer", 7)) != NULL) {
		d = skip_ws(q + 7, e);
		if (e - d < 2 || d[0] != '<' || d[1] != '<')
			d = NULL;
	}
	if (d == NULL && (q = last_of(p, e, "/XRef", 5)) != NULL) {
		/* The "<<" that opens its dictionary, a little before. */
		const unsigned char *lo = q - p > CRYPT_DICT_MAX ?
		    q - CRYPT_DICT_MAX : p;

		for (d = q; d > lo && !(d[-1] == '<' && d[0] == '<'); d--)
			;
		d = d > lo ? d - 1 : NULL;
	}
	if (d == NULL)
		return NULL;
	*te = dict_end(d, (size_t)(e - d) > CRYPT_DICT_MAX ? d +
	    CRYPT_DICT_MAX : e);
	return d;
}

/* The first string of the trailer's /ID array into id: its length, or
 * 0. */
static size_t
file_id(const unsigned char *t, const unsigned char *te, unsigned char *id,
    size_t cap)
{
	const unsigned char	*q = dict_value(t, te, "/ID"), *next;
	size_t			 k;

	if (q == NULL || q >= te || *q != '[')
		return 0;
	q = skip_ws(q + 1, te);
	k = pdf_string(q, te, (char *)id, cap, &next);
	return k == (size_t)-1 ? 0 : k;
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

	kl = cipher_digest(EVP_sha256(), pp, ll, 3, k);
	for (round = 0; r >= 6; round++) {
		one = pwl + kl + ul;
		for (i = 0; i < 64; i++) {
			memcpy(k1 + i * one, pw, pwl);
			memcpy(k1 + i * one + pwl, k, kl);
			memcpy(k1 + i * one + pwl + kl, udata, ul);
		}
		if (cipher_aes(1, k, 16, k + 16, k1, one * 64, ebuf) == -1)
			break;
		for (sum = 0, i = 0; i < 16; i++)
			sum += ebuf[i];
		pp[0] = ebuf, ll[0] = one * 64;
		kl = cipher_digest(sum % 3 == 0 ? EVP_sha256() : sum % 3 == 1 ?
		    EVP_sha384() : EVP_sha512(), pp, ll, 1, k);
		if (round >= 63 && ebuf[one * 64 - 1] <= round + 1 - 32)
			break;
	}
	memcpy(out, k, 32);
}

/* What the /Encrypt dictionary says, read once for every password. */
struct sec {
	int		 r;
	unsigned char	 o[64], u[64], oe[64], ue[64], id[64], pb[4];
	long		 ol, ul, oel, uel;
	size_t		 idl, kl;
	int		 meta_clear;	/* /EncryptMetadata false */
};

/* Revisions 5 and 6: the file key unwrapped from /UE (the user's
 * password pw) or /OE (the owner's: owner set), when pw is it. */
static int
open_aes256(struct pdf_crypt *c, const struct sec *x, const char *pw,
    int owner)
{
	unsigned char	 h[32], iv[16];
	size_t		 pwl = strlen(pw) < 127 ? strlen(pw) : 127;
	const unsigned char *v = owner ? x->o : x->u, *wrapped = owner ?
	    x->oe : x->ue;
	const unsigned char *ud = owner ? x->u : (const unsigned char *)"";
	size_t		 udl = owner ? 48 : 0;

	if (x->ul < 48 || (owner ? x->ol < 48 || x->oel < 32 : x->uel < 32))
		return 0;
	hash_2b(x->r, (const unsigned char *)pw, pwl, v + 32, ud, udl, h);
	if (memcmp(h, v, 32) != 0)
		return 0;
	hash_2b(x->r, (const unsigned char *)pw, pwl, v + 40, ud, udl, h);
	memset(iv, 0, sizeof(iv));
	if (cipher_aes(0, h, 32, iv, wrapped, 32, c->key) == -1)
		return 0;
	c->keylen = 32;
	return 1;
}

/* Revisions 2 to 4: algorithm 2 with the password pw (pwl bytes, its
 * first 32, padded), checked as algorithms 4 and 5 check it. */
static int
open_rc4(struct pdf_crypt *c, const struct sec *x, const unsigned char *pw,
    size_t pwl)
{
	unsigned char	 h[16], y[32], k2[16], pp32[32];
	size_t		 kl = x->kl, i, j, np = 0;
	const unsigned char *pp[5];
	size_t		 ll[5];
	static const unsigned char ff[4] = { 0xff, 0xff, 0xff, 0xff };

	if (x->ol < 32 || x->ul < 32)
		return 0;
	if (pwl > 32)
		pwl = 32;
	memcpy(pp32, pw, pwl);
	memcpy(pp32 + pwl, pad, 32 - pwl);
	pp[np] = pp32, ll[np++] = 32;
	pp[np] = x->o, ll[np++] = 32;
	pp[np] = x->pb, ll[np++] = 4;
	pp[np] = x->id, ll[np++] = x->idl;
	if (x->r >= 4 && x->meta_clear)
		pp[np] = ff, ll[np++] = 4;
	cipher_digest(EVP_md5(), pp, ll, np, h);
	for (i = 0; x->r >= 3 && i < 50; i++) {
		pp[0] = h, ll[0] = kl;
		cipher_digest(EVP_md5(), pp, ll, 1, h);
	}
	memcpy(c->key, h, kl);
	c->keylen = kl;
	if (x->r == 2) {
		cipher_rc4(c->key, kl, pad, y, 32);
		return memcmp(y, x->u, 32) == 0;
	}
	pp[0] = pad, ll[0] = 32;
	pp[1] = x->id, ll[1] = x->idl;
	cipher_digest(EVP_md5(), pp, ll, 2, y);
	for (i = 0; i < 20; i++) {
		for (j = 0; j < kl; j++)
			k2[j] = (unsigned char)(c->key[j] ^ i);
		cipher_rc4(k2, kl, y, y, 16);
	}
	return memcmp(y, x->u, 16) == 0;
}

/* Revisions 2 to 4, the empty owner password (algorithm 7): the user
 * password it unwraps from /O, tried. */
static int
open_rc4_owner(struct pdf_crypt *c, const struct sec *x)
{
	unsigned char	 h[16], up[32], k2[16];
	const unsigned char *pp[1] = { pad };
	size_t		 ll[1] = { 32 }, i, j, kl = x->kl;

	if (x->ol < 32)
		return 0;
	cipher_digest(EVP_md5(), pp, ll, 1, h);
	for (i = 0; x->r >= 3 && i < 50; i++) {
		pp[0] = h, ll[0] = kl;
		cipher_digest(EVP_md5(), pp, ll, 1, h);
	}
	memcpy(up, x->o, 32);
	if (x->r == 2)
		cipher_rc4(h, kl, up, up, 32);
	else
		for (i = 20; i-- > 0;) {
			for (j = 0; j < kl; j++)
				k2[j] = (unsigned char)(h[j] ^ i);
			cipher_rc4(k2, kl, up, up, 32);
		}
	return open_rc4(c, x, up, 32);
}

/* The decoded name at q into out (cap bytes, NUL-ended, with its
 * '/'): 0, or -1 when it is no name. */
static int
name_copy(const unsigned char *q, const unsigned char *e, char *out,
    size_t cap)
{
	const unsigned char	*ne;
	size_t			 k = 0;

	if (q >= e || *q != '/')
		return -1;
	for (ne = name_end(q, e); q < ne && k + 1 < cap; q++) {
		int c = *q;

		if (c == '#' && ne - q > 2 && hex_value(q[1]) >= 0 &&
		    hex_value(q[2]) >= 0) {
			c = hex_value(q[1]) << 4 | hex_value(q[2]);
			q += 2;
		}
		out[k++] = (char)c;
	}
	out[k] = '\0';
	return 0;
}

/*
 * The cipher of /StmF or /StrF (key) with crypt filters (V 4 and 5):
 * the filter it names looked up in /CF and its /CFM read, as pdf.js
 * reads them: absent or /Identity, a name /CF lacks, /CFM /None or
 * absent: not encrypted.
 */
static enum pdf_cipher
crypt_filter(const unsigned char *d, const unsigned char *de, const char *key)
{
	const unsigned char	*v = dict_value(d, de, key), *cf, *cfe, *f,
				*fe, *m;
	char			 nm[64];

	if (v == NULL || key_at(v, de, "/Identity") ||
	    name_copy(v, de, nm, sizeof(nm)) == -1)
		return PDF_CRYPT_NONE;
	if ((cf = dict_value(d, de, "/CF")) == NULL || de - cf < 2 ||
	    cf[0] != '<' || cf[1] != '<')
		return PDF_CRYPT_NONE;
	cfe = dict_end(cf, de);
	if ((f = dict_value(cf, cfe, nm)) == NULL || cfe - f < 2 ||
	    f[0] != '<' || f[1] != '<')
		return PDF_CRYPT_NONE;
	fe = dict_end(f, cfe);
	if ((m = dict_value(f, fe, "/CFM")) == NULL)
		return PDF_CRYPT_NONE;
	if (key_at(m, fe, "/AESV2") || key_at(m, fe, "/AESV3"))
		return PDF_CRYPT_AES;
	if (key_at(m, fe, "/V2"))
		return PDF_CRYPT_RC4;
	return PDF_CRYPT_NONE;
}

int
pdf_crypt_open(const unsigned char *p, size_t n, const char *const *pw,
    size_t npw, size_t *tries, size_t max_tries, struct pdf_crypt *c)
{
	const unsigned char	*e = p + n, *t, *te, *d, *de = NULL, *v;
	int			 ver, ok;
	struct sec		 x;
	long			 pv, bits, num, gen;
	size_t			 i;

	memset(c, 0, sizeof(*c));
	memset(&x, 0, sizeof(x));
	c->pw = -1;
	/* The trailer's /Encrypt: a reference, or the dictionary itself;
	 * a trailer without one is a file that is not encrypted. */
	if ((t = trailer_dict(p, n, &te)) == NULL)
		return -1;
	if ((v = dict_value(t, te, "/Encrypt")) == NULL)
		return -2;
	index_objects(c, p, n);
	if (te - v >= 2 && v[0] == '<' && v[1] == '<') {
		d = v;
		de = dict_end(v, te);
	} else if (reference(v, te, &num, &gen))
		d = object_dict(c, p, n, num, gen, &de);
	else
		d = NULL;
	if (d == NULL)
		return -1;
	if ((v = dict_value(d, de, "/Filter")) == NULL ||
	    !key_at(v, de, "/Standard"))
		return -1;	/* certificates: not ours to open */
	ver = (int)dict_int(d, de, "/V", 0);
	x.r = (int)dict_int(d, de, "/R", 0);
	if (x.r < 2 || x.r > 6 || ver < 1 || ver > 5)
		return -1;
	if (ver >= 4) {
		c->stm = crypt_filter(d, de, "/StmF");
		c->str = crypt_filter(d, de, "/StrF");
	} else
		c->stm = c->str = PDF_CRYPT_RC4;
	x.ol = dict_str(d, de, "/O", x.o, sizeof(x.o));
	x.ul = dict_str(d, de, "/U", x.u, sizeof(x.u));
	x.oel = dict_str(d, de, "/OE", x.oe, sizeof(x.oe));
	x.uel = dict_str(d, de, "/UE", x.ue, sizeof(x.ue));
	pv = dict_int(d, de, "/P", 0);
	for (i = 0; i < 4; i++)
		x.pb[i] = (unsigned char)((unsigned long)pv >> (8 * i));
	x.idl = file_id(t, te, x.id, sizeof(x.id));
	v = dict_value(d, de, "/EncryptMetadata");
	x.meta_clear = v != NULL && de - v >= 5 && memcmp(v, "false", 5) == 0;
	/* 40 bits in revision 2; /Length in 3 (a reference to it read);
	 * 128 bits with crypt filters (4). */
	if ((v = dict_value(d, de, "/Length")) != NULL && reference(v, de,
	    &num, &gen)) {
		const unsigned char *o = NULL;
		size_t k;

		for (k = c->nobj; k-- > 0;)
			if (c->obj[k].num == num && c->obj[k].gen == gen) {
				o = skip_ws(p + c->obj[k].off, e);
				break;
			}
		for (bits = 0; o != NULL && o < e && isdigit(*o) && bits <
		    100000; o++)
			bits = bits * 10 + (*o - '0');
	} else
		bits = dict_int(d, de, "/Length", 40);
	x.kl = x.r == 2 ? 5 : x.r >= 4 ? 16 : (size_t)(bits >= 40 &&
	    bits <= 128 && bits % 8 == 0 ? bits / 8 : 5);
	/* The empty password first (it opens without a prompt), then the
	 * passwords of the scan, within the message's budget of tries (a
	 * try of revisions 5 and 6 costs some sixty AES passes: ten). */
	for (i = 0; i <= npw; i++) {
		const char *try = i == 0 ? "" : pw[i - 1];

		if (i > 0 && (*tries += x.r >= 5 ? 10 : 1) > max_tries)
			break;
		ok = x.r >= 5 ? open_aes256(c, &x, try, 0) :
		    open_rc4(c, &x, (const unsigned char *)try, strlen(try));
		if (ok) {
			c->pw = (int)i - 1;
			return 1;
		}
	}
	/* An empty owner password: poppler and qpdf open such a file
	 * without asking (pdf.js and Acrobat ask for the user's). */
	if (x.r >= 5 ? open_aes256(c, &x, "", 1) : open_rc4_owner(c, &x)) {
		c->pw = -2;
		return 1;
	}
	return 0;
}

void
pdf_crypt_free(struct pdf_crypt *c)
{
	free(c->obj);
	c->obj = NULL;
	c->nobj = 0;
}

size_t
pdf_crypt_data(const struct pdf_crypt *c, int stream, long num, long gen,
    const unsigned char *in, size_t len, unsigned char *out, size_t cap)
{
	unsigned char	 k[32 + 5 + 4], ok[16];
	const unsigned char *pp[1] = { k };
	size_t		 ll[1], kl, n, padl;
	const unsigned char *key = c->key;
	enum pdf_cipher	 ci = stream ? c->stm : c->str;

	if (ci == PDF_CRYPT_NONE) {
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
		if (ci == PDF_CRYPT_AES) {
			memcpy(k + ll[0], "sAlT", 4);
			ll[0] += 4;
		}
		cipher_digest(EVP_md5(), pp, ll, 1, ok);
		kl = c->keylen + 5 < 16 ? c->keylen + 5 : 16;
		key = ok;
	}
	if (ci == PDF_CRYPT_RC4) {
		n = len < cap ? len : cap;
		cipher_rc4(key, kl, in, out, n);
		return n;
	}
	/* AES: the first block is the IV; whole blocks only. */
	if (len < 32)
		return 0;
	n = (len - 16) / 16 * 16;
	if (n > cap / 16 * 16)
		n = cap / 16 * 16;
	if (cipher_aes(0, key, c->keylen == 32 ? 32 : 16, in, in + 16, n,
	    out) == -1)
		return (size_t)-1;
	/* The padding, when the whole was read and it is one. */
	if (n == (len - 16) && n > 0 && (padl = out[n - 1]) >= 1 &&
	    padl <= 16)
		n -= padl;
	return n;
}
