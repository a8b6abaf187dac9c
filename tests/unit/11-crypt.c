/* 11-crypt: confirmation numbers, Argon2id, sealing, keys, PKCE. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypt.h"
#include "tap.h"

static const char *
tmpfile_with(const char *content, int mode)
{
	static char	 path[64];
	int		 fd;

	snprintf(path, sizeof(path), "/tmp/shindan-t11-XXXXXX");
	fd = mkstemp(path);
	if (write(fd, content, strlen(content)) < 0)
		abort();
	close(fd);
	chmod(path, mode);
	return path;
}

int
main(void)
{
	char		 c[CRYPT_CODE_LEN + 1], c2[CRYPT_CODE_LEN + 1];
	char		 f[CRYPT_CODE_LEN + 3], h[CRYPT_HASH_MAX];
	struct keyring	 kr, kr2;
	struct buf	 s = BUF_INIT, o = BUF_INIT, p = BUF_INIT;
	const char	*path;
	int		 i, j, counts[32] = { 0 }, dup = 0, okchars = 1;
	char		(*seen)[CRYPT_CODE_LEN + 1];

	ok(crypt_init() == 0, "libsodium initialises");

	/* Numbers: 12 symbols of Crockford's alphabet, uniform, unique. */
	seen = calloc(2000, sizeof(*seen));
	for (i = 0; i < 2000; i++) {
		crypt_code_new(seen[i]);
		for (j = 0; j < CRYPT_CODE_LEN; j++) {
			const char *a = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
			const char *q = strchr(a, seen[i][j]);

			if (q == NULL || seen[i][j] == '\0')
				okchars = 0;
			else
				counts[q - a]++;
		}
	}
	for (i = 1; i < 2000; i++)
		if (strcmp(seen[i], seen[i - 1]) == 0)
			dup++;
	ok(okchars, "every symbol is Crockford base32 (no I, L, O, U)");
	is_int(dup, 0, "2000 numbers, no repeats");
	{
		/* Chi-square over 24000 symbols, 31 degrees of freedom.
		 * The 0.1% critical value (61.1) failed one CI run in a
		 * thousand, as it must; 150 is beyond 1e-15, and the faults
		 * it is here for are far above it: a symbol never drawn adds
		 * 750, one drawn twice as often as the others about 700. */
		double	 e = 24000.0 / 32, chi = 0;

		for (i = 0; i < 32; i++)
			chi += (counts[i] - e) * (counts[i] - e) / e;
		ok(chi < 150, "symbols are uniform (chi-square %.1f)", chi);
	}
	free(seen);

	crypt_code_new(c);
	crypt_code_format(c, f);
	ok(strlen(f) == 14 && f[4] == '-' && f[9] == '-', "shown as XXXX-XXXX-XXXX");
	ok(crypt_code_parse(f, c2) == 0 && strcmp(c, c2) == 0, "parses back");
	is_int(crypt_code_parse("abcd-efgh-jkmn", c2), 0, "lower case accepted");
	is_str(c2, "ABCDEFGHJKMN", "and upper-cased");
	is_int(crypt_code_parse(" ABCD EFGH JKMN ", c2), 0, "spaces accepted");
	is_int(crypt_code_parse("oIlL-0000-1111", c2), 0, "Crockford aliases");
	is_str(c2, "0111" "00001111", "O->0, I/L->1");
	is_int(crypt_code_parse("ABCD-EFGH-JKM", c2), -1, "11 symbols refused");
	is_int(crypt_code_parse("ABCD-EFGH-JKMNP", c2), -1, "13 symbols refused");
	is_int(crypt_code_parse("ABCD-EFGH-JKMU", c2), -1, "U refused");
	is_int(crypt_code_parse("ABCD-EFGH-JK\xc3\xa9", c2), -1, "non-ASCII refused");
	is_int(crypt_code_parse("", c2), -1, "empty refused");

	ok(crypt_code_hash(c, h) == 0, "hash the number");
	like_str(h, "$argon2id$", "with Argon2id");
	ok(strstr(h, c) == NULL, "the hash does not hold the number");
	is_int(crypt_code_verify(h, c), 1, "the number verifies");
	c2[0] = 0;
	snprintf(c2, sizeof(c2), "%s", c);
	c2[0] = c2[0] == 'A' ? 'B' : 'A';
	is_int(crypt_code_verify(h, c2), 0, "another number does not");
	is_int(crypt_code_verify("garbage", c), 0, "a malformed hash does not");
	{
		char h2[CRYPT_HASH_MAX];

		crypt_code_hash(c, h2);
		ok(strcmp(h, h2) != 0, "hashes are salted");
	}

	/* Keys and sealing. */
	path = tmpfile_with("1 000102030405060708090a0b0c0d0e0f"
	    "101112131415161718191a1b1c1d1e1f\n", 0644);
	is_int(crypt_keyring_load(&kr, path), -1, "a key file readable by others is refused");
	unlink(path);
	path = tmpfile_with("1 0001\n", 0600);
	is_int(crypt_keyring_load(&kr, path), -1, "a short key is refused");
	unlink(path);
	path = tmpfile_with("2 202122232425262728292a2b2c2d2e2f"
	    "303132333435363738393a3b3c3d3e3f\n1 000102030405060708090a0b0c0d0e0f"
	    "101112131415161718191a1b1c1d1e1f\n", 0600);
	is_int(crypt_keyring_load(&kr, path), 0, "a key file with two keys");
	is_int(kr.n, 2, "both read");
	unlink(path);
	ok(crypt_seal(&kr, "rt:v1:42", "secret token", 12, &s) == 0, "seal");
	is_int(s.len, 12 + CRYPT_SEAL_OVERHEAD, "version, key id, nonce, tag");
	ok(memmem(s.ptr, s.len, "secret", 6) == NULL, "no plaintext inside");
	is_int((unsigned char)s.ptr[4], 2, "sealed with the first key");
	ok(crypt_unseal(&kr, "rt:v1:42", s.ptr, s.len, &o) == 0 &&
	    strcmp(o.ptr, "secret token") == 0, "unseal with the same AAD");
	buf_reset(&o);
	is_int(crypt_unseal(&kr, "rt:v1:43", s.ptr, s.len, &o), -1,
	    "another row id (AAD) does not open it");
	s.ptr[20] ^= 1;
	is_int(crypt_unseal(&kr, "rt:v1:42", s.ptr, s.len, &o), -1,
	    "a flipped bit does not open");
	s.ptr[20] ^= 1;
	/* Rotation: an old blob opens while its key is listed. */
	path = tmpfile_with("2 202122232425262728292a2b2c2d2e2f"
	    "303132333435363738393a3b3c3d3e3f\n", 0600);
	crypt_keyring_load(&kr2, path);
	unlink(path);
	buf_reset(&p);
	ok(crypt_seal(&kr2, "x", "old", 3, &p) == 0, "seal under key 2 alone");
	buf_reset(&o);
	ok(crypt_unseal(&kr, "x", p.ptr, p.len, &o) == 0, "opens with a keyring that lists key 2");
	path = tmpfile_with("1 000102030405060708090a0b0c0d0e0f"
	    "101112131415161718191a1b1c1d1e1f\n", 0600);
	crypt_keyring_load(&kr2, path);
	unlink(path);
	buf_reset(&o);
	is_int(crypt_unseal(&kr2, "x", p.ptr, p.len, &o), -1,
	    "and not without it");
	{
		char	 kp[64];

		snprintf(kp, sizeof(kp), "/tmp/shindan-t11-key-%d", (int)getpid());
		unlink(kp);
		is_int(crypt_keyring_create(kp), 0, "keygen writes a key file");
		{
			struct stat st;

			stat(kp, &st);
			is_int(st.st_mode & 0777, 0600, "with mode 0600");
		}
		is_int(crypt_keyring_create(kp), -1, "and never overwrites one");
		is_int(crypt_keyring_load(&kr2, kp), 0, "which loads");
		unlink(kp);
	}

	/* PKCE, RFC 7636 appendix B. */
	buf_reset(&o);
	crypt_pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", &o);
	is_str(o.ptr, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
	    "S256 challenge of the RFC 7636 vector");
	buf_reset(&o);
	crypt_token(&o, 32);
	is_int(o.len, 43, "a 32-byte token is 43 base64url characters");
	ok(strspn(o.ptr, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") == 43, "in the URL-safe alphabet");
	buf_reset(&p);
	ok(crypt_b64url_decode(o.ptr, &p) == 0 && p.len == 32, "decodes to 32 bytes");

	buf_release(&s);
	buf_release(&o);
	buf_release(&p);
	crypt_keyring_wipe(&kr);
	return done_testing();
}
