/*
 * auth: the access token of an assessment (SECURITY.md R-OA-8, R-OA-11).
 *
 * The sealed tokens live in the credential row.  A runner first uses the
 * stored access token while it has a margin left; otherwise, holding the
 * row lock (SELECT ... FOR UPDATE, so two runners never refresh at once;
 * the second one finds the first one's fresh token), it asks the
 * identity platform: a refresh for a delegated grant (the rotated
 * refresh token is sealed and written in the same transaction that used
 * the old one; if the process dies before the commit, the old one still
 * works since Microsoft does not revoke it), client credentials for an
 * organisation.  invalid_grant and the like end the scan (the user must
 * grant again); a network or server failure waits and retries.  Plain
 * tokens live only here, in memory, and are wiped when replaced.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cred.h"
#include "log.h"
#include "runner.h"
#include "util.h"

#define MARGIN_MS	(120 * 1000)
#define REFRESH_SCOPE	"offline_access https://graph.microsoft.com/Mail.Read " \
			"https://graph.microsoft.com/User.Read"

static void
set_token(struct auth *au, const char *tok, int64_t expires_ms,
    int64_t lifetime_ms)
{
	auth_drop(au);
	au->token = xstrdup(tok);
	au->expires_ms = expires_ms;
	au->margin_ms = MARGIN_MS;
	if (lifetime_ms > 0 && lifetime_ms / 4 < au->margin_ms)
		au->margin_ms = lifetime_ms / 4;
	au->version++;
	au->stale = 0;
	au->fails = 0;
}

void
auth_drop(struct auth *au)
{
	if (au->token != NULL) {
		crypt_wipe(au->token, strlen(au->token));
		free(au->token);
		au->token = NULL;
	}
}

void
auth_invalid(struct auth *au, unsigned version)
{
	if (version == au->version)
		au->stale = 1;
}

int
auth_usable(const struct auth *au)
{
	return au->token != NULL && !au->stale &&
	    time_real_ms() + au->margin_ms < au->expires_ms;
}

/* Errors after which asking again cannot help: the grant is gone. */
static int
fatal_error(const struct msid_error *e)
{
	static const char *const codes[] = { "invalid_grant",
	    "interaction_required", "consent_required", "unauthorized_client",
	    "invalid_scope", "invalid_resource" };
	size_t	 i;

	for (i = 0; i < nitems(codes); i++)
		if (strcmp(e->error, codes[i]) == 0)
			return 1;
	return 0;
}

static int
temporary(struct auth *au, const char *what)
{
	au->fails++;
	au->retry_ms = now_ms() + (int64_t)(graph_backoff(au->fails + 2) *
	    1000.0);
	log_warn("runner: assessment %lld: %s; trying again later",
	    au->assessment_id, what);
	/* About ten minutes of trying, then the scan cannot go on. */
	if (au->fails >= 10) {
		au->dead = 1;
		snprintf(au->error, sizeof(au->error), "token_unavailable");
		return -2;
	}
	return -1;
}

int
auth_get(struct runner *r, struct auth *au, const char **tokp)
{
	struct arena	 a;
	PGresult	*res;
	struct msid_token t;
	struct msid_error e;
	const char	*ids, *kind;
	char		*old_access = NULL, *refresh = NULL;
	int64_t		 exp, life;
	int		 rc = -1;

	*tokp = NULL;
	if (au->dead)
		return -2;
	if (auth_usable(au)) {
		*tokp = au->token;
		return 0;
	}
	if (now_ms() < au->retry_ms)
		return -1;
	if (!r->msid_ok) {
		snprintf(au->error, sizeof(au->error), "client_not_configured");
		return temporary(au, "no client credentials configured");
	}
	if (!store_db_up(r)) {
		/* Not the token's fault: no try counted, a look again soon. */
		au->retry_ms = now_ms() + 2000;
		return -1;
	}
	arena_init(&a, 0);
	ids = arena_printf(&a, "%lld", au->assessment_id);
	if (db_begin(&r->db) == -1) {
		rc = temporary(au, "database unavailable");
		goto out;
	}
	res = db_qv(&r->db, &a, STMT_RUN_CRED_LOCK, 1, ids);
	if (res == NULL) {
		db_rollback(&r->db);
		rc = temporary(au, "database unavailable");
		goto out;
	}
	if (PQntuples(res) != 1) {
		/* Deleted: cancelled, or finished by another runner. */
		db_rollback(&r->db);
		au->dead = 1;
		snprintf(au->error, sizeof(au->error), "no_credential");
		rc = -2;
		goto out;
	}
	kind = db_get(res, 0, "kind");
	au->kind = kind != NULL && strcmp(kind, "app") == 0 ? KIND_APP :
	    KIND_DELEGATED;
	free(au->tenant);
	au->tenant = xstrdup(db_get(res, 0, "tenant_id") != NULL ?
	    db_get(res, 0, "tenant_id") : "");
	exp = db_get_ll(res, 0, "expires_ms", 0);
	life = db_get_ll(res, 0, "lifetime_ms", 0);
	old_access = cred_unseal(&r->kr, &a, res, "access_sealed", CRED_ACCESS,
	    au->assessment_id);
	/* Another runner may have refreshed it since we last looked. */
	if (old_access != NULL && exp - (life / 4 < MARGIN_MS ? life / 4 :
	    MARGIN_MS) > time_real_ms() && (au->token == NULL ||
	    strcmp(old_access, au->token) != 0)) {
		db_rollback(&r->db);
		set_token(au, old_access, exp, life);
		cred_wipe(old_access);
		*tokp = au->token;
		rc = 0;
		goto out;
	}
	if (au->kind == KIND_DELEGATED) {
		refresh = cred_unseal(&r->kr, &a, res, "refresh_sealed",
		    CRED_REFRESH, au->assessment_id);
		if (refresh == NULL) {
			db_rollback(&r->db);
			au->dead = 1;
			snprintf(au->error, sizeof(au->error),
			    "credential_unreadable");
			log_err("runner: assessment %lld: the refresh token does "
			    "not open", au->assessment_id);
			rc = -2;
			goto out;
		}
		rc = msid_refresh(&r->msid, &a, au->tenant, refresh,
		    REFRESH_SCOPE, &t, &e);
	} else
		rc = msid_app_token(&r->msid, &a, au->tenant, &t, &e);
	if (rc == -1) {
		db_rollback(&r->db);
		if (fatal_error(&e)) {
			au->dead = 1;
			snprintf(au->error, sizeof(au->error), "%s",
			    au->kind == KIND_APP ? "consent_revoked" :
			    "reauth_required");
			log_warn("runner: assessment %lld: the token endpoint "
			    "refused: %s (AADSTS%ld)", au->assessment_id,
			    e.error, e.aadsts);
			rc = -2;
		} else
			rc = temporary(au, e.error);
		goto out;
	}
	if (db_cmd(&r->db, &a, STMT_RUN_CRED_SAVE, 5, ids,
	    arena_printf(&a, "%u", r->kr.id[0]),
	    cred_seal(&r->kr, &a, CRED_REFRESH, au->assessment_id,
	    t.refresh_token),
	    cred_seal(&r->kr, &a, CRED_ACCESS, au->assessment_id,
	    t.access_token), arena_printf(&a, "%ld", t.expires_in)) != 1 ||
	    db_commit(&r->db) == -1) {
		db_rollback(&r->db);
		cred_wipe(t.access_token);
		cred_wipe(t.refresh_token);
		rc = temporary(au, "cannot store the new token");
		goto out;
	}
	log_info("runner: assessment %lld: new access token (%s)",
	    au->assessment_id, au->kind == KIND_APP ? "client credentials" :
	    "refresh");
	set_token(au, t.access_token, time_real_ms() + t.expires_in * 1000L,
	    t.expires_in * 1000L);
	cred_wipe(t.access_token);
	cred_wipe(t.refresh_token);
	*tokp = au->token;
	rc = 0;
out:
	cred_wipe(old_access);
	cred_wipe(refresh);
	arena_release(&a);
	return rc;
}
