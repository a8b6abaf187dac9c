/*
 * crypt: randomness, the confirmation number, hashing, sealing.
 *
 * - Random values come from the kernel CSPRNG (libsodium randombytes).
 * - The confirmation number is 12 Crockford base32 symbols (60 bits),
 *   shown as XXXX-XXXX-XXXX.  crypt_code_parse() accepts it with or
 *   without dashes or spaces, in any case, and Crockford's aliases
 *   (I, L -> 1; O -> 0).  It is stored only as an Argon2id hash with a
 *   random salt (crypt_code_hash) and, where it must be mailed again,
 *   sealed.
 * - Sealing is AES-256-GCM under a key from the key file (mode 0600,
 *   outside the database), with a fresh 96-bit nonce.  A sealed blob is
 *   version(1) | key id(4) | nonce(12) | ciphertext | tag(16), and the
 *   caller's associated data (e.g. "rt:v1:<row id>") binds it to its
 *   row: a blob copied to another row does not open.
 * - The key file holds lines "ID HEX" (ID a positive integer, HEX 64 hex
 *   digits).  The first line seals; every line opens, so keys rotate by
 *   putting a new line first and re-sealing at leisure.
 */
#ifndef SHINDAN_CRYPT_H
#define SHINDAN_CRYPT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define CRYPT_CODE_LEN		12
#define CRYPT_HASH_MAX		128	/* crypto_pwhash_STRBYTES */
#define CRYPT_KEYS_MAX		16
#define CRYPT_SEAL_OVERHEAD	(1 + 4 + 12 + 16)

struct keyring {
	size_t		 n;
	uint32_t	 id[CRYPT_KEYS_MAX];
	unsigned char	 key[CRYPT_KEYS_MAX][32];
};

int	 crypt_init(void);
void	 crypt_random(void *, size_t);
/* n random bytes as base64url without padding into out. */
void	 crypt_token(struct buf *out, size_t nbytes);

void	 crypt_code_new(char out[CRYPT_CODE_LEN + 1]);
int	 crypt_code_parse(const char *in, char out[CRYPT_CODE_LEN + 1]);
void	 crypt_code_format(const char *code, char out[CRYPT_CODE_LEN + 3]);
int	 crypt_code_hash(const char *code, char out[CRYPT_HASH_MAX]);
/* 1 matches, 0 does not (also for a malformed hash). */
int	 crypt_code_verify(const char *hash, const char *code);

int	 crypt_keyring_load(struct keyring *, const char *path);
/* Write a new key file with one random key; fails if it exists. */
int	 crypt_keyring_create(const char *path);
void	 crypt_keyring_wipe(struct keyring *);
int	 crypt_seal(const struct keyring *, const char *aad,
	    const void *, size_t, struct buf *out);
int	 crypt_unseal(const struct keyring *, const char *aad,
	    const void *, size_t, struct buf *out);
/* HMAC-SHA256(current key, "shindan:" label): a key for one purpose. */
void	 crypt_subkey(const struct keyring *, const char *label,
	    unsigned char out[32]);

void	 crypt_sha256(const void *, size_t, unsigned char out[32]);
void	 crypt_hmac(const unsigned char key[32], const void *, size_t,
	    unsigned char out[32]);
void	 crypt_b64url(const void *, size_t, struct buf *out);
int	 crypt_b64url_decode(const char *, struct buf *out);
int	 crypt_equal(const void *, const void *, size_t);
void	 crypt_wipe(void *, size_t);
/* SHA-256 of s as 64 hex digits, for ids stored in place of secrets. */
void	 crypt_sha256_hex(const char *s, char out[65]);
/* PKCE S256 challenge of a verifier (RFC 7636). */
void	 crypt_pkce_challenge(const char *verifier, struct buf *out);

#endif
