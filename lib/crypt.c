/* crypt: see crypt.h. libsodium for randomness, hashing and Argon2id;
 * OpenSSL for AES-256-GCM, which libsodium offers only on CPUs with
 * AES-NI. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <sodium.h>

#include "crypt.h"
#include "log.h"
#include "util.h"

static const char b32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* Argon2id at OWASP's minimum: 19 MiB, 2 passes. */
#define PWHASH_OPS	2
#define PWHASH_MEM	(19u * 1024 * 1024)

int
crypt_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

void
crypt_random(void *p, size_t n)
{
	randombytes_buf(p, n);
}

void
crypt_b64url(const void *p, size_t n, struct buf *out)
{
	size_t	 len = sodium_base64_encoded_len(n,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);

	if (buf_grow(out, len) == -1)
		return;
	sodium_bin2base64(out->ptr + out->len, len, p, n,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	out->len += len - 1;
}

int
crypt_b64url_decode(const char *s, struct buf *out)
{
	size_t	 n = strlen(s), got;

	if (buf_grow(out, n) == -1)
		return -1;
	if (sodium_base642bin((unsigned char *)out->ptr + out->len, n, s, n,
	    NULL, &got, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return -1;
	out->len += got;
	out->ptr[out->len] = '\0';
	return 0;
}

void
crypt_token(struct buf *out, size_t nbytes)
{
	unsigned char	 r[64];

	if (nbytes > sizeof(r))
		abort();
	crypt_random(r, nbytes);
	crypt_b64url(r, nbytes, out);
	sodium_memzero(r, sizeof(r));
}

void
crypt_code_new(char out[CRYPT_CODE_LEN + 1])
{
	uint64_t	 v;
	int		 i;

	crypt_random(&v, sizeof(v));
	/* 12 symbols of 5 bits: exactly 60 uniform bits, no bias. */
	for (i = 0; i < CRYPT_CODE_LEN; i++) {
		out[i] = b32[v & 31];
		v >>= 5;
	}
	out[CRYPT_CODE_LEN] = '\0';
}

int
crypt_code_parse(const char *in, char out[CRYPT_CODE_LEN + 1])
{
	size_t	 n = 0;
	int	 c;

	for (; *in != '\0'; in++) {
		c = (unsigned char)*in;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c -= 32;
		if (c == 'I' || c == 'L')
			c = '1';
		else if (c == 'O')
			c = '0';
		if (c == 0 || strchr(b32, c) == NULL || n == CRYPT_CODE_LEN)
			return -1;
		out[n++] = (char)c;
	}
	if (n != CRYPT_CODE_LEN)
		return -1;
	out[n] = '\0';
	return 0;
}

void
crypt_code_format(const char *code, char out[CRYPT_CODE_LEN + 3])
{
	memcpy(out, code, 4);
	out[4] = '-';
	memcpy(out + 5, code + 4, 4);
	out[9] = '-';
	memcpy(out + 10, code + 8, 4);
	out[14] = '\0';
}

int
crypt_code_hash(const char *code, char out[CRYPT_HASH_MAX])
{
	if (crypto_pwhash_str_alg(out, code, strlen(code), PWHASH_OPS,
	    PWHASH_MEM, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return -1;
	return 0;
}

int
crypt_code_verify(const char *hash, const char *code)
{
	if (hash == NULL || strlen(hash) >= crypto_pwhash_STRBYTES)
		return 0;
	return crypto_pwhash_str_verify(hash, code, strlen(code)) == 0;
}


int
crypt_keyring_load(struct keyring *kr, const char *path)
{
	struct stat	 st;
	FILE		*f;
	char		 line[256], *p, *end;
	unsigned long	 id;
	int		 fd, i, lineno = 0, rc = -1;

	memset(kr, 0, sizeof(*kr));
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		log_err("crypt: key file %s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (st.st_mode & 077) != 0) {
		log_err("crypt: key file %s: must be a regular file with "
		    "mode 0600", path);
		close(fd);
		return -1;
	}
	if ((f = fdopen(fd, "r")) == NULL) {
		close(fd);
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		p = line;
		if (*p == '#' || *p == '\n')
			continue;
		errno = 0;
		id = strtoul(p, &end, 10);
		if (errno != 0 || end == p || id == 0 || id > UINT32_MAX ||
		    *end != ' ' || kr->n == CRYPT_KEYS_MAX)
			goto bad;
		p = end + 1;
		for (i = 0; i < 32; i++) {
			int hi = hex_value((unsigned char)p[2 * i]);
			int lo = hi < 0 ? -1 : hex_value((unsigned char)p[2 * i + 1]);

			if (hi < 0 || lo < 0)
				goto bad;
			kr->key[kr->n][i] = (unsigned char)(hi << 4 | lo);
		}
		if (p[64] != '\n' && p[64] != '\0')
			goto bad;
		kr->id[kr->n++] = (uint32_t)id;
	}
	if (kr->n == 0) {
		log_err("crypt: key file %s: no key", path);
		goto out;
	}
	rc = 0;
	goto out;
bad:
	log_err("crypt: key file %s:%d: expected \"ID HEX64\"", path, lineno);
	crypt_keyring_wipe(kr);
out:
	sodium_memzero(line, sizeof(line));
	fclose(f);
	return rc;
}

int
crypt_keyring_create(const char *path)
{
	unsigned char	 k[32];
	char		 hex[65], line[96];
	int		 fd, n;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1) {
		log_err("crypt: create %s: %s", path, strerror(errno));
		return -1;
	}
	crypt_random(k, sizeof(k));
	hex_encode(k, sizeof(k), hex);
	n = snprintf(line, sizeof(line), "1 %s\n", hex);
	if (write(fd, line, (size_t)n) != n || fsync(fd) == -1) {
		log_err("crypt: write %s: %s", path, strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	sodium_memzero(k, sizeof(k));
	sodium_memzero(hex, sizeof(hex));
	sodium_memzero(line, sizeof(line));
	return close(fd);
}

void
crypt_keyring_wipe(struct keyring *kr)
{
	sodium_memzero(kr, sizeof(*kr));
}

static int
gcm(int enc, const unsigned char *key, const unsigned char *iv,
    const char *aad, const unsigned char *in, size_t n, unsigned char *out,
    unsigned char *tag)
{
	EVP_CIPHER_CTX	*ctx;
	int		 len, ok = 0;

	if (n > INT32_MAX || (ctx = EVP_CIPHER_CTX_new()) == NULL)
		return -1;
	if (EVP_CipherInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL,
	    enc) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, 12, NULL) != 1 ||
	    EVP_CipherInit_ex(ctx, NULL, NULL, key, iv, enc) != 1)
		goto out;
	if (aad != NULL && *aad != '\0' && EVP_CipherUpdate(ctx, NULL, &len,
	    (const unsigned char *)aad, (int)strlen(aad)) != 1)
		goto out;
	if (n > 0 && EVP_CipherUpdate(ctx, out, &len, in, (int)n) != 1)
		goto out;
	if (!enc && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16,
	    tag) != 1)
		goto out;
	if (EVP_CipherFinal_ex(ctx, out + n, &len) != 1)
		goto out;
	if (enc && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16,
	    tag) != 1)
		goto out;
	ok = 1;
out:
	EVP_CIPHER_CTX_free(ctx);
	return ok ? 0 : -1;
}

int
crypt_seal(const struct keyring *kr, const char *aad, const void *pt,
    size_t n, struct buf *out)
{
	unsigned char	*p;
	uint32_t	 id;

	if (kr->n == 0 || buf_grow(out, n + CRYPT_SEAL_OVERHEAD) == -1)
		return -1;
	p = (unsigned char *)out->ptr + out->len;
	id = kr->id[0];
	p[0] = 1;
	p[1] = (unsigned char)(id >> 24);
	p[2] = (unsigned char)(id >> 16);
	p[3] = (unsigned char)(id >> 8);
	p[4] = (unsigned char)id;
	crypt_random(p + 5, 12);
	if (gcm(1, kr->key[0], p + 5, aad, pt, n, p + 17, p + 17 + n) == -1)
		return -1;
	out->len += n + CRYPT_SEAL_OVERHEAD;
	out->ptr[out->len] = '\0';
	return 0;
}

int
crypt_unseal(const struct keyring *kr, const char *aad, const void *ct,
    size_t n, struct buf *out)
{
	const unsigned char *p = ct;
	unsigned char	 tag[16];
	uint32_t	 id;
	size_t		 i, len;

	if (n < CRYPT_SEAL_OVERHEAD || p[0] != 1)
		return -1;
	id = (uint32_t)p[1] << 24 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 8 | p[4];
	for (i = 0; i < kr->n; i++)
		if (kr->id[i] == id)
			break;
	if (i == kr->n)
		return -1;
	len = n - CRYPT_SEAL_OVERHEAD;
	if (buf_grow(out, len) == -1)
		return -1;
	memcpy(tag, p + 17 + len, 16);
	if (gcm(0, kr->key[i], p + 5, aad, p + 17, len,
	    (unsigned char *)out->ptr + out->len, tag) == -1) {
		sodium_memzero(out->ptr + out->len, len);
		return -1;
	}
	out->len += len;
	out->ptr[out->len] = '\0';
	return 0;
}

void
crypt_subkey(const struct keyring *kr, const char *label,
    unsigned char out[32])
{
	char	 msg[128];
	int	 n;

	n = snprintf(msg, sizeof(msg), "shindan:%s", label);
	if (kr->n == 0 || n < 0 || (size_t)n >= sizeof(msg))
		abort();
	crypt_hmac(kr->key[0], msg, (size_t)n, out);
}

void
crypt_sha256(const void *p, size_t n, unsigned char out[32])
{
	crypto_hash_sha256(out, p, n);
}

void
crypt_sha256_hex(const char *s, char out[65])
{
	unsigned char	 h[32];

	crypt_sha256(s, strlen(s), h);
	hex_encode(h, sizeof(h), out);
}

void
crypt_hmac(const unsigned char key[32], const void *p, size_t n,
    unsigned char out[32])
{
	crypto_auth_hmacsha256_state	 st;

	crypto_auth_hmacsha256_init(&st, key, 32);
	crypto_auth_hmacsha256_update(&st, p, n);
	crypto_auth_hmacsha256_final(&st, out);
}

int
crypt_equal(const void *a, const void *b, size_t n)
{
	return sodium_memcmp(a, b, n) == 0;
}

void
crypt_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}

void
crypt_pkce_challenge(const char *verifier, struct buf *out)
{
	unsigned char	 h[32];

	crypt_sha256(verifier, strlen(verifier), h);
	crypt_b64url(h, sizeof(h), out);
}
