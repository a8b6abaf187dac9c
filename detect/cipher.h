/*
 * cipher: the hashes, AES and RC4 that the decryption of PDFs
 * (pdfcrypt.c) and Office documents (officecrypt.c, xlscrypt.c) needs,
 * over libcrypto but RC4.  Failures of libcrypto that cannot come from
 * the input abort().
 */
#ifndef SHINDAN_DETECT_CIPHER_H
#define SHINDAN_DETECT_CIPHER_H

#include <stddef.h>

#include <openssl/evp.h>

/* The digest of the n pieces (p[i], l[i]) by md into out: its size. */
unsigned cipher_digest(const EVP_MD *md, const unsigned char *const *p,
	    const size_t *l, size_t n, unsigned char *out);
/* The same of two pieces (either may be empty). */
unsigned cipher_hash(const EVP_MD *md, const unsigned char *a, size_t al,
	    const unsigned char *b, size_t bl, unsigned char *out);
/* AES of n bytes (whole blocks) with a key of 16, 24 or 32 bytes, in CBC
 * with iv or in ECB when iv is NULL, encrypting (enc) or decrypting; no
 * padding added or taken off: 0, or -1 when libcrypto refuses. */
int	 cipher_aes(int enc, const unsigned char *key, size_t klen,
	    const unsigned char *iv, const unsigned char *in, size_t n,
	    unsigned char *out);
/* RC4 of n bytes (in may be out): OpenSSL 3 keeps RC4 in its legacy
 * provider, so it is written here. */
void	 cipher_rc4(const unsigned char *key, size_t klen,
	    const unsigned char *in, unsigned char *out, size_t n);
/* The password (UTF-8) as UTF-16LE, as Office hashes it, into out of
 * cap bytes: its length (characters past cap left out). */
size_t	 cipher_utf16le(const char *pw, unsigned char *out, size_t cap);
/* libcrypto made ready (its configuration read, the algorithms these
 * use fetched) before a sandbox closes the files. */
void	 cipher_init(void);

#endif
