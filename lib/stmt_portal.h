/*
 * stmt_portal: the statements of lib/, the portal (cgi/) and the mailer
 * (mail/), as X(id, name, sql).  See stmt.h.
 */
#define STMT_PORTAL(X) \
X(STMT_PING, "ping", \
	"SELECT 1") \
X(STMT_BEGIN, "begin", \
	"BEGIN") \
X(STMT_COMMIT, "commit", \
	"COMMIT") \
X(STMT_ROLLBACK, "rollback", \
	"ROLLBACK") \
X(STMT_MIGRATE_INIT, "migrate_init", \
	"CREATE TABLE IF NOT EXISTS schema_migration (" \
	" version int PRIMARY KEY, name text NOT NULL," \
	" applied_at timestamptz NOT NULL DEFAULT now())") \
X(STMT_MIGRATE_LOCK, "migrate_lock", \
	"SELECT pg_advisory_lock(738264001)") \
X(STMT_MIGRATE_APPLIED, "migrate_applied", \
	"SELECT 1 FROM schema_migration WHERE version = $1::int") \
X(STMT_MIGRATE_RECORD, "migrate_record", \
	"INSERT INTO schema_migration (version, name) VALUES ($1::int, $2)") \
X(STMT_ACCOUNT_NEXT_ID, "account_next_id", \
	"SELECT nextval('account_id_seq') AS id") \
X(STMT_ACCOUNT_INSERT, "account_insert", \
	"INSERT INTO account (id, email, lang, code_hash, code_sealed)" \
	" VALUES ($1::bigint, $2, $3, $4, $5::bytea)" \
	" ON CONFLICT (email) DO NOTHING RETURNING id") \
X(STMT_ACCOUNT_BY_EMAIL, "account_by_email", \
	"SELECT id, lang, code_hash," \
	" coalesce(locked_until > now(), false) AS locked" \
	" FROM account WHERE email = $1") \
X(STMT_ACCOUNT_BY_EMAIL_LOCK, "account_by_email_lock", \
	"SELECT id, lang, code_hash," \
	" coalesce(locked_until > now(), false) AS locked" \
	" FROM account WHERE email = $1 FOR UPDATE") \
X(STMT_ACCOUNT_LOCK, "account_lock", \
	"UPDATE account SET lock_level = lock_level + 1," \
	" locked_until = now() + make_interval(secs => least(86400," \
	" $2::int * 2 ^ least(lock_level, 16)))" \
	" WHERE id = $1::bigint") \
X(STMT_ACCOUNT_SIGNED_IN, "account_signed_in", \
	"WITH d AS (DELETE FROM signin_failure WHERE account_id = $1::bigint)" \
	" UPDATE account SET lock_level = 0, locked_until = NULL" \
	" WHERE id = $1::bigint") \
X(STMT_ACCOUNT_DELETE, "account_delete", \
	"DELETE FROM account WHERE id = $1::bigint") \
X(STMT_ACCOUNT_SET_LANG, "account_set_lang", \
	"UPDATE account SET lang = $2 WHERE id = $1::bigint AND lang <> $2") \
X(STMT_SIGNIN_FAILURES, "signin_failures", \
	"SELECT count(*) FILTER (WHERE at > now() - interval '1 hour')" \
	" AS hour, count(*) AS day FROM signin_failure" \
	" WHERE account_id = $1::bigint AND at > now() - interval '1 day'") \
X(STMT_SIGNIN_FAIL_ADD, "signin_fail_add", \
	"INSERT INTO signin_failure (account_id) VALUES ($1::bigint)") \
X(STMT_SESSION_INSERT, "session_insert", \
	"INSERT INTO session (id_hash, account_id)" \
	" VALUES ($1::bytea, $2::bigint)") \
X(STMT_SESSION_LOOKUP, "session_lookup", \
	"SELECT s.account_id, a.email, a.lang FROM session s" \
	" JOIN account a ON a.id = s.account_id WHERE s.id_hash = $1::bytea" \
	" AND s.seen_at > now() - make_interval(secs => $2::int)" \
	" AND s.created_at > now() - make_interval(secs => $3::int)") \
X(STMT_SESSION_TOUCH, "session_touch", \
	"UPDATE session SET seen_at = now() WHERE id_hash = $1::bytea" \
	" AND seen_at < now() - interval '15 seconds'") \
X(STMT_SESSION_DELETE, "session_delete", \
	"DELETE FROM session WHERE id_hash = $1::bytea") \
X(STMT_SESSION_DELETE_ACCOUNT, "session_delete_account", \
	"DELETE FROM session WHERE account_id = $1::bigint") \
X(STMT_SESSION_EXPIRE, "session_expire", \
	"DELETE FROM session" \
	" WHERE seen_at < now() - make_interval(secs => $1::int)" \
	" OR created_at < now() - make_interval(secs => $2::int)") \
X(STMT_OUTBOX_INSERT, "outbox_insert", \
	"INSERT INTO outbox (account_id, kind, lang, recipient, params, dedupe)" \
	" VALUES ($1::bigint, $2, $3, $4, $5::jsonb, $6)" \
	" ON CONFLICT (dedupe) DO NOTHING RETURNING id") \
X(STMT_OUTBOX_RECENT, "outbox_recent", \
	"SELECT count(*) FILTER (WHERE created_at > now() - interval" \
	" '15 minutes') AS n15, count(*) AS nday FROM outbox" \
	" WHERE account_id = $1::bigint AND kind = ANY ($2::text[])" \
	" AND created_at > now() - interval '1 day'") \
X(STMT_OUTBOX_CLAIM, "outbox_claim", \
	"WITH c AS (SELECT id FROM outbox WHERE state = 'queued'" \
	" AND next_at <= now()" \
	" AND (lease_until IS NULL OR lease_until < now())" \
	" ORDER BY next_at, id LIMIT $1::int FOR UPDATE SKIP LOCKED)" \
	" UPDATE outbox o SET lease_until = now() + make_interval(secs =>" \
	" $2::int), attempts = o.attempts + 1 FROM c WHERE o.id = c.id" \
	" RETURNING o.id, o.account_id, o.kind, o.lang, o.recipient," \
	" o.params::text AS params, o.attempts," \
	" extract(epoch FROM o.created_at)::bigint AS created") \
X(STMT_OUTBOX_SENT, "outbox_sent", \
	"UPDATE outbox SET state = 'sent', sent_at = now(), lease_until = NULL," \
	" last_error = NULL WHERE id = $1::bigint AND state = 'queued'" \
	" AND attempts = $2::int") \
X(STMT_OUTBOX_RETRY, "outbox_retry", \
	"UPDATE outbox SET lease_until = NULL, last_error = $3," \
	" next_at = now() + make_interval(secs => $4::double precision)" \
	" WHERE id = $1::bigint AND state = 'queued' AND attempts = $2::int") \
X(STMT_OUTBOX_UNCLAIM, "outbox_unclaim", \
	"UPDATE outbox SET lease_until = NULL, attempts = attempts - 1" \
	" WHERE id = $1::bigint AND state = 'queued' AND attempts = $2::int") \
X(STMT_OUTBOX_FAILED, "outbox_failed", \
	"UPDATE outbox SET state = 'failed', lease_until = NULL," \
	" last_error = $3 WHERE id = $1::bigint AND state = 'queued'" \
	" AND attempts = $2::int") \
X(STMT_OUTBOX_NEXT_DUE, "outbox_next_due", \
	"SELECT extract(epoch FROM min(greatest(next_at," \
	" coalesce(lease_until, next_at))) - now()) AS secs FROM outbox" \
	" WHERE state = 'queued'") \
X(STMT_OUTBOX_ACCOUNT, "outbox_account", \
	"SELECT email, lang, code_sealed FROM account WHERE id = $1::bigint") \
X(STMT_LISTEN_OUTBOX, "listen_outbox", \
	"LISTEN shindan_outbox") \
X(STMT_ASSESS_GET, "assess_get", \
	"SELECT id, scope, state, tenant_id, user_upn, user_mail, error," \
	" greatest(0, ceil(extract(epoch FROM start_at - now())))::int" \
	" AS start_in, messages_scanned, threats, potentials," \
	" mailboxes_total, mailboxes_done," \
	" token_failing_since IS NOT NULL AS paused" \
	" FROM assessment WHERE account_id = $1::bigint") \
X(STMT_ASSESS_CLEAR, "assess_clear", \
	"DELETE FROM assessment WHERE account_id = $1::bigint" \
	" AND state IN ('consenting', 'granted', 'cancelled', 'failed')") \
X(STMT_ASSESS_INSERT, "assess_insert", \
	"INSERT INTO assessment (account_id, scope, state)" \
	" VALUES ($1::bigint, $2, 'consenting')" \
	" ON CONFLICT (account_id) DO NOTHING RETURNING id") \
X(STMT_ASSESS_SET_TENANT, "assess_set_tenant", \
	"UPDATE assessment SET tenant_id = $2, updated_at = now()" \
	" WHERE id = $1::bigint AND state = 'consenting'") \
X(STMT_ASSESS_GRANT, "assess_grant", \
	"UPDATE assessment SET state = 'granted', tenant_id = $2," \
	" user_oid = $3, user_upn = $4, user_mail = $5, granted_at = now()," \
	" start_at = now() + make_interval(secs => $6::int)," \
	" updated_at = now() WHERE id = $1::bigint AND state = 'consenting'") \
X(STMT_ASSESS_DROP_CONSENTING, "assess_drop_consenting", \
	"DELETE FROM assessment WHERE id = $1::bigint AND state = 'consenting'") \
X(STMT_ASSESS_START, "assess_start", \
	"UPDATE assessment SET start_at = now(), updated_at = now()" \
	" WHERE account_id = $1::bigint AND state = 'granted'" \
	" AND start_at > now()") \
X(STMT_ASSESS_CANCEL, "assess_cancel", \
	"UPDATE assessment SET state = 'cancelled', cancel_requested = true," \
	" finished_at = now(), error = 'cancelled', updated_at = now()" \
	" WHERE account_id = $1::bigint" \
	" AND state IN ('consenting', 'granted', 'running') RETURNING id") \
X(STMT_FLOW_INSERT, "flow_insert", \
	"INSERT INTO oauth_flow (state_hash, session_hash, assessment_id, step," \
	" verifier_sealed, nonce, expected_tenant, expires_at)" \
	" VALUES ($1::bytea, $2::bytea, $3::bigint, $4, $5::bytea, $6, $7," \
	" now() + interval '10 minutes')") \
X(STMT_FLOW_TAKE, "flow_take", \
	"DELETE FROM oauth_flow WHERE state_hash = $1::bytea" \
	" AND session_hash = $2::bytea" \
	" RETURNING assessment_id, step, verifier_sealed, nonce," \
	" expected_tenant, expires_at > now() AS live") \
X(STMT_FLOW_EXPIRE, "flow_expire", \
	"DELETE FROM oauth_flow WHERE expires_at < now()") \
X(STMT_CRED_UPSERT, "cred_upsert", \
	"INSERT INTO credential (assessment_id, kind, tenant_id, key_id," \
	" refresh_sealed, access_sealed, access_expires)" \
	" VALUES ($1::bigint, $2, $3, $4::int, $5::bytea, $6::bytea," \
	" now() + make_interval(secs => $7::int))" \
	" ON CONFLICT (assessment_id) DO UPDATE SET kind = EXCLUDED.kind," \
	" tenant_id = EXCLUDED.tenant_id, key_id = EXCLUDED.key_id," \
	" refresh_sealed = EXCLUDED.refresh_sealed," \
	" access_sealed = EXCLUDED.access_sealed," \
	" access_expires = EXCLUDED.access_expires, updated_at = now()") \
X(STMT_CRED_DELETE, "cred_delete", \
	"DELETE FROM credential WHERE assessment_id = $1::bigint") \

