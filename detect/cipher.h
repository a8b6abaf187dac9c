/*
 * cipher: the hashes and AES that the decryption of PDFs (pdfcrypt.c)
 * and Office documents (officecrypt.c) need, over libcrypto.  Failures
 * of libcrypto that cannot come from the input abort().
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
/* libcrypto made ready (its configuration read, the algorithms these
 * use fetched) before a sandbox closes the files. */
void	 cipher_init(void);

#endif
