/*
 * cred: tokens at rest.  A token is sealed with the key file's current
 * key (crypt_seal) with "rt:v1:<assessment id>" (refresh token) or
 * "at:v1:<assessment id>" (access token) as associated data, so a
 * sealed token copied to another row does not open; the key's id is
 * stored beside it for rotation.  Plain tokens live only in memory, are
 * wiped after use and never logged.
 */
#ifndef SHINDAN_CRED_H
#define SHINDAN_CRED_H

#include "arena.h"
#include "crypt.h"
#include "db.h"

enum cred_kind {
	CRED_REFRESH,
	CRED_ACCESS
};

/* The sealed token as a bytea parameter, in the arena; NULL for NULL. */
const char	*cred_seal(const struct keyring *, struct arena *,
		    enum cred_kind, long long assessment_id, const char *token);
/* The token of a sealed column of row 0, in the arena; NULL when the
 * column is NULL or does not open. */
char		*cred_unseal(const struct keyring *, struct arena *,
		    const PGresult *, const char *column, enum cred_kind,
		    long long assessment_id);
/* Overwrite a token held in the arena. */
void		 cred_wipe(char *);

#endif
