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
 * organisation.  invalid_grant and the like end the scan at once (the
 * user must grant again); a failure that may pass (5xx, throttling, the
 * network, temporarily_unavailable) is recorded in the assessment and
 * waited out: a few seconds in place, then the scan's work is given
 * back for a later tick, a little later each time, with its checkpoints
 * kept, and it fails only after token_outage_max seconds (a day) of
 * failures in a row; a token obtained clears the record.  Plain tokens
 * live only here, in memory, and are wiped when replaced.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cred.h"
#include "log.h"
#include "runner.h"
#include "util.h"

#define MARGIN_MS	(120 * 1000)
#define AUTH_QUICK	3	/* failures in a row before work is given back */
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

/* Our database, not Microsoft: nothing recorded, a look again soon. */
static int
db_trouble(struct auth *au)
{
	au->retry_ms = now_ms() + 2000;
	return -1;
}

/*
 * A failure that may pass: the token endpoint answered 5xx, throttled,
 * timed out or could not be reached, or said temporarily_unavailable.
 * Recorded in the assessment (token_failures, token_failing_since and
 * token_retry_at, before which no runner claims its work), so that it
 * survives this tick: the first AUTH_QUICK - 1 failures in a row are
 * waited out in place, a second or two each (-1); after that the work
 * is given back for token_retry_base seconds, doubling up to
 * token_retry_max (-3, au->defer_secs), keeping every checkpoint; and
 * once the failures have lasted token_outage_max seconds the scan
 * fails (-2, token_unavailable).
 */
static int
temporary(struct runner *r, struct auth *au, const char *what)
{
	struct arena	 a;
	PGresult	*res;
	long long	 n, delay;
	int		 rc;

	if (!store_db_up(r))
		return db_trouble(au);
	arena_init(&a, 0);
	res = db_qv(&r->db, &a, STMT_RUN_TOKEN_FAIL, 5,
	    arena_printf(&a, "%lld", au->assessment_id),
	    arena_printf(&a, "%d", AUTH_QUICK),
	    arena_printf(&a, "%d", r->conf->token_retry_base),
	    arena_printf(&a, "%d", r->conf->token_retry_max),
	    arena_printf(&a, "%d", r->conf->token_outage_max));
	if (res == NULL || PQntuples(res) != 1) {
		/* Trouble, or the assessment is over or cancelled (the
		 * tick's look at cancellations stops its work). */
		rc = db_trouble(au);
		goto out;
	}
	n = db_get_ll(res, 0, "token_failures", 1);
	delay = db_get_ll(res, 0, "delay", 1);
	if (delay < 1)
		delay = 1;
	au->retry_ms = now_ms() + delay * 1000;
	if (db_get_bool(res, 0, "expired")) {
		au->dead = 1;
		snprintf(au->error, sizeof(au->error), "token_unavailable");
		log_warn("runner: assessment %lld: %s; the token endpoint has "
		    "failed for more than %d s in a row: giving up",
		    au->assessment_id, what, r->conf->token_outage_max);
		rc = -2;
	} else if (n < AUTH_QUICK) {
		log_warn("runner: assessment %lld: %s; trying again in %lld s",
		    au->assessment_id, what, delay);
		rc = -1;
	} else {
		au->defer_secs = (int)delay;
		log_warn("runner: assessment %lld: %s (%lld failures in a "
		    "row); its work is given back for %lld s",
		    au->assessment_id, what, n, delay);
		rc = -3;
	}
out:
	arena_release(&a);
	return rc;
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
	if (!r->msid_ok)
		return temporary(r, au, "no client credentials configured");
	if (!store_db_up(r))
		return db_trouble(au);
	arena_init(&a, 0);
	ids = arena_printf(&a, "%lld", au->assessment_id);
	if (db_begin(&r->db) == -1) {
		rc = db_trouble(au);
		goto out;
	}
	res = db_qv(&r->db, &a, STMT_RUN_CRED_LOCK, 1, ids);
	if (res == NULL) {
		db_rollback(&r->db);
		rc = db_trouble(au);
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
			rc = temporary(r, au, e.error);
		goto out;
	}
	if (db_cmd(&r->db, &a, STMT_RUN_CRED_SAVE, 5, ids,
	    arena_printf(&a, "%u", r->kr.id[0]),
	    cred_seal(&r->kr, &a, CRED_REFRESH, au->assessment_id,
	    t.refresh_token),
	    cred_seal(&r->kr, &a, CRED_ACCESS, au->assessment_id,
	    t.access_token), arena_printf(&a, "%ld", t.expires_in)) != 1 ||
	    db_cmd(&r->db, &a, STMT_RUN_TOKEN_OK, 1, ids) == -1 ||
	    db_commit(&r->db) == -1) {
		/* The old refresh token still works: Microsoft does not
		 * revoke it when it issues a new one. */
		db_rollback(&r->db);
		cred_wipe(t.access_token);
		cred_wipe(t.refresh_token);
		rc = db_trouble(au);
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
