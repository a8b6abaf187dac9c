/* cred: sealing tokens for the credential table (see cred.h). */
#include <stdio.h>
#include <string.h>

#include "cred.h"

static void
aad_of(char *out, size_t n, enum cred_kind k, long long id)
{
	snprintf(out, n, "%s:v1:%lld", k == CRED_REFRESH ? "rt" : "at", id);
}

const char *
cred_seal(const struct keyring *kr, struct arena *a, enum cred_kind k,
    long long id, const char *token)
{
	struct buf	 b = BUF_INIT;
	char		 aad[48];
	const char	*out = NULL;

	if (token == NULL)
		return NULL;
	aad_of(aad, sizeof(aad), k, id);
	if (crypt_seal(kr, aad, token, strlen(token), &b) == 0)
		out = db_bytea(a, b.ptr, b.len);
	buf_release(&b);
	return out;
}

char *
cred_unseal(const struct keyring *kr, struct arena *a, const PGresult *r,
    const char *col, enum cred_kind k, long long id)
{
	struct buf	 sealed = BUF_INIT, plain = BUF_INIT;
	char		 aad[48], *out = NULL;

	aad_of(aad, sizeof(aad), k, id);
	if (db_get_bytea(r, 0, col, &sealed) == 0 &&
	    crypt_unseal(kr, aad, sealed.ptr, sealed.len, &plain) == 0)
		out = arena_strndup(a, plain.ptr, plain.len);
	crypt_wipe(plain.ptr, plain.len);
	buf_release(&plain);
	buf_release(&sealed);
	return out;
}

void
cred_wipe(char *s)
{
	if (s != NULL)
		crypt_wipe(s, strlen(s));
}
