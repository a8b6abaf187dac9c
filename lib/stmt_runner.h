/*
 * stmt_runner: the statements of the runner (scan/), as X(id, name, sql).
 * See stmt.h.  Every statement that writes on behalf of a claim names
 * the claim's epoch: a runner that lost its lease changes nothing (a
 * scan is failed on behalf of the assessment's claim, for its set-up,
 * or of one of its mailboxes' claims: run_fail names either).  A
 * page's commit also names the checkpoint it continues from: a runner
 * whose earlier commit the database no longer has (a restart that lost
 * its last transactions, a failover to a standby that was behind)
 * changes nothing either, and starts again from what the database has.
 */
#define STMT_RUNNER(X) \
X(STMT_RUN_SETUP_CLAIM, "run_setup_claim", \
	"WITH c AS (SELECT id FROM assessment WHERE NOT cancel_requested AND" \
	" ((state = 'granted' AND start_at <= now()) OR (state = 'running'" \
	" AND NOT setup_done)) AND (lease_until IS NULL OR lease_until < now())" \
	" AND (token_retry_at IS NULL OR token_retry_at <= now())" \
	" ORDER BY start_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)" \
	" UPDATE assessment a SET lease_owner = $1," \
	" lease_until = now() + make_interval(secs => $2::int)," \
	" epoch = a.epoch + 1, attempts = a.attempts + 1, updated_at = now()" \
	" FROM c WHERE a.id = c.id RETURNING a.id, a.account_id, a.scope," \
	" a.state, a.tenant_id, a.user_oid, a.user_upn, a.user_mail, a.epoch," \
	" a.attempts, a.attempts - a.progress_attempt AS stalls," \
	" a.users_checkpoint") \
X(STMT_RUN_START, "run_start", \
	"UPDATE assessment SET state = 'running', started_at = now()," \
	" window_to = date_trunc('second', now()), window_from =" \
	" date_trunc('second', now()) - make_interval(days => $3::int)," \
	" updated_at = now() WHERE id = $1::bigint AND epoch = $2::bigint" \
	" AND state = 'granted' AND NOT cancel_requested") \
X(STMT_RUN_USERS_PAGE, "run_users_page", \
	"WITH u AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS" \
	" u(id text, upn text, mail text, name text, guest boolean))," \
	" ins AS (INSERT INTO mailbox (assessment_id, user_id, upn, mail," \
	" display_name, state, reason, finished_at)" \
	" SELECT $1::bigint, id, upn, mail, name, CASE WHEN guest THEN" \
	" 'skipped'" \
	" ELSE 'queued' END, CASE WHEN guest THEN 'guest' END," \
	" CASE WHEN guest THEN now() END FROM u" \
	" ON CONFLICT (assessment_id, user_id) DO NOTHING RETURNING state)" \
	" UPDATE assessment a SET users_checkpoint = $4," \
	" setup_done = $5::boolean, progress_attempt = a.attempts," \
	" mailboxes_total = a.mailboxes_total + (SELECT count(*) FROM ins)," \
	" mailboxes_skipped = a.mailboxes_skipped +" \
	" (SELECT count(*) FROM ins WHERE state = 'skipped')," \
	" lease_owner = CASE WHEN $5::boolean THEN NULL ELSE lease_owner END," \
	" lease_until = CASE WHEN $5::boolean THEN NULL ELSE now() +" \
	" make_interval(secs => $6::int) END, updated_at = now()" \
	" WHERE a.id = $1::bigint AND a.epoch = $2::bigint" \
	" AND a.state = 'running' AND NOT a.cancel_requested" \
	" AND a.users_checkpoint IS NOT DISTINCT FROM $7") \
X(STMT_RUN_ASMT_GET, "run_asmt_get", \
	"SELECT a.id, a.account_id, a.scope, a.state, a.cancel_requested," \
	" c.kind, c.tenant_id, to_char(a.window_from AT TIME ZONE 'UTC'," \
	" 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS wfrom," \
	" to_char(a.window_to AT TIME ZONE 'UTC'," \
	" 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS wto," \
	" to_char((a.window_to - interval '90 days') AT TIME ZONE 'UTC'," \
	" 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS cfrom" \
	" FROM assessment a LEFT JOIN credential c ON c.assessment_id = a.id" \
	" WHERE a.id = $1::bigint") \
X(STMT_RUN_MBOX_CLAIM, "run_mbox_claim", \
	"WITH c AS (SELECT m.id FROM mailbox m JOIN assessment a" \
	" ON a.id = m.assessment_id WHERE a.state = 'running'" \
	" AND a.setup_done AND NOT a.cancel_requested" \
	" AND (a.token_retry_at IS NULL OR a.token_retry_at <= now())" \
	" AND ((m.state = 'queued'" \
	" AND m.next_at <= now()) OR (m.state = 'running'" \
	" AND m.lease_until < now())) ORDER BY m.next_at, m.id" \
	" LIMIT $3::int FOR UPDATE OF m SKIP LOCKED)" \
	" UPDATE mailbox m SET state = 'running', lease_owner = $1," \
	" lease_until = now() + make_interval(secs => $2::int)," \
	" epoch = m.epoch + 1, attempts = m.attempts + 1," \
	" started_at = coalesce(m.started_at, now()) FROM c WHERE m.id = c.id" \
	" RETURNING m.id, m.assessment_id, m.user_id, m.upn, m.mail," \
	" m.checkpoint," \
	" m.epoch, m.attempts, m.attempts - m.progress_attempt AS stalls," \
	" m.reason") \
X(STMT_RUN_CRED_LOCK, "run_cred_lock", \
	"SELECT kind, tenant_id, refresh_sealed, access_sealed," \
	" (extract(epoch FROM access_expires) * 1000)::bigint AS expires_ms," \
	" (extract(epoch FROM access_expires - updated_at) * 1000)::bigint" \
	" AS lifetime_ms FROM credential WHERE assessment_id = $1::bigint" \
	" FOR UPDATE") \
X(STMT_RUN_CRED_SAVE, "run_cred_save", \
	"UPDATE credential SET key_id = $2::int," \
	" refresh_sealed = coalesce($3::bytea, refresh_sealed)," \
	" access_sealed = $4::bytea," \
	" access_expires = now() + make_interval(secs => $5::int)," \
	" updated_at = now() WHERE assessment_id = $1::bigint") \
X(STMT_RUN_TOKEN_FAIL, "run_token_fail", \
	"UPDATE assessment SET token_failures = token_failures + 1," \
	" token_failing_since = coalesce(token_failing_since, now())," \
	" token_retry_at = now() + make_interval(secs => CASE" \
	" WHEN token_failures + 1 < $2::int THEN token_failures + 1" \
	" ELSE least($4::int, $3::int * power(2, least(token_failures + 1" \
	" - $2::int, 20))) END), updated_at = now()" \
	" WHERE id = $1::bigint AND state IN ('granted', 'running')" \
	" AND NOT cancel_requested RETURNING token_failures," \
	" ceil(extract(epoch FROM token_retry_at - now()))::int AS delay," \
	" now() - token_failing_since >= make_interval(secs => $5::int)" \
	" AS expired") \
X(STMT_RUN_TOKEN_OK, "run_token_ok", \
	"UPDATE assessment SET token_failures = 0, token_failing_since = NULL," \
	" token_retry_at = NULL WHERE id = $1::bigint AND (token_failures > 0" \
	" OR token_retry_at IS NOT NULL)") \
X(STMT_RUN_BEAT_MBOX, "run_beat_mbox", \
	"UPDATE mailbox SET lease_until = now() + make_interval(secs =>" \
	" $2::int) WHERE lease_owner = $1 AND state = 'running'" \
	" AND (id, epoch) IN (SELECT * FROM unnest($3::bigint[]," \
	" $4::bigint[])) RETURNING id") \
X(STMT_RUN_BEAT_ASMT, "run_beat_asmt", \
	"UPDATE assessment SET lease_until = now() + make_interval(secs =>" \
	" $2::int) WHERE lease_owner = $1 AND state IN ('granted', 'running')" \
	" AND (id, epoch) IN (SELECT * FROM unnest($3::bigint[]," \
	" $4::bigint[])) RETURNING id") \
X(STMT_RUN_CANCELLED, "run_cancelled", \
	"SELECT x.id, a.state FROM unnest($1::bigint[]) AS x(id)" \
	" LEFT JOIN assessment a" \
	" ON a.id = x.id WHERE a.id IS NULL OR a.cancel_requested" \
	" OR a.state NOT IN ('granted', 'running')") \
X(STMT_RUN_MBOX_RELEASE, "run_mbox_release", \
	"UPDATE mailbox SET state = 'queued', lease_owner = NULL," \
	" lease_until = NULL, next_at = now() + make_interval(secs =>" \
	" $3::int), reason = coalesce($4, reason)," \
	" attempts = attempts - $5::int," \
	" progress_attempt = least(progress_attempt, attempts - $5::int)" \
	" WHERE id = $1::bigint AND epoch = $2::bigint AND state = 'running'") \
X(STMT_RUN_SETUP_RELEASE, "run_setup_release", \
	"UPDATE assessment SET lease_owner = NULL, lease_until = now() +" \
	" make_interval(secs => $4::int), attempts = attempts - $3::int," \
	" progress_attempt = least(progress_attempt, attempts - $3::int)" \
	" WHERE id = $1::bigint" \
	" AND epoch = $2::bigint AND state IN ('granted', 'running')") \
X(STMT_RUN_PAGE_DETS, "run_page_dets", \
	"WITH x AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS" \
	" x(message_id text, internet_message_id text," \
	" received_at timestamptz, sender_address text, sender_name text," \
	" recipients text, subject text, web_link text, verdict text," \
	" score int, category text, severity text, findings jsonb))," \
	" d AS (INSERT INTO detection (assessment_id, mailbox_id, message_id," \
	" internet_message_id, received_at, sender_address, sender_name," \
	" recipients, subject, web_link, verdict, score, category, severity)" \
	" SELECT $1::bigint, $2::bigint, message_id, internet_message_id," \
	" received_at, sender_address, sender_name, recipients, subject," \
	" web_link, verdict, score, category, severity FROM x" \
	" ON CONFLICT (assessment_id, message_id) DO NOTHING" \
	" RETURNING id, message_id, verdict)," \
	" f AS (INSERT INTO finding (detection_id, assessment_id, rule," \
	" category, severity, evidence_en, evidence_ja, url, domain, imitates," \
	" attachment_name, attachment_type, attachment_sha256)" \
	" SELECT d.id, $1::bigint, y.rule, y.category, y.severity," \
	" y.evidence_en, y.evidence_ja, y.url, y.domain, y.imitates," \
	" y.attachment_name, y.attachment_type, y.attachment_sha256" \
	" FROM d JOIN x ON x.message_id = d.message_id," \
	" jsonb_to_recordset(x.findings) AS y(rule text, category text," \
	" severity text, evidence_en text, evidence_ja text, url text," \
	" domain text, imitates text, attachment_name text," \
	" attachment_type text, attachment_sha256 text)" \
	" ON CONFLICT (detection_id, rule) DO NOTHING RETURNING 1)" \
	" SELECT count(*) FILTER (WHERE verdict = 'threat') AS threats," \
	" count(*) FILTER (WHERE verdict = 'potential') AS potentials," \
	" (SELECT count(*) FROM f) AS findings FROM d") \
X(STMT_RUN_PAGE_MBOX, "run_page_mbox", \
	"UPDATE mailbox SET checkpoint = $3," \
	" messages_scanned = messages_scanned + $4::int," \
	" messages_skipped = messages_skipped + $5::int," \
	" messages_failed = messages_failed + $6::int," \
	" threats = threats + $7::int, potentials = potentials + $8::int," \
	" requests = requests + $9::int, progress_attempt = attempts," \
	" lease_until = now() + make_interval(secs => $10::int)" \
	" WHERE id = $1::bigint AND epoch = $2::bigint AND state = 'running'" \
	" AND checkpoint IS NOT DISTINCT FROM $11") \
X(STMT_RUN_PAGE_ASMT, "run_page_asmt", \
	"UPDATE assessment SET messages_scanned = messages_scanned + $2::bigint," \
	" threats = threats + $3::int, potentials = potentials + $4::int," \
	" updated_at = now() WHERE id = $1::bigint AND state = 'running'" \
	" AND NOT cancel_requested") \
X(STMT_RUN_MBOX_END, "run_mbox_end", \
	"UPDATE mailbox SET state = $3, reason = $4, checkpoint = NULL," \
	" requests = requests + $5::int, finished_at = now()," \
	" lease_owner = NULL, lease_until = NULL" \
	" WHERE id = $1::bigint AND epoch = $2::bigint AND state = 'running'") \
X(STMT_RUN_ASMT_MBOX_END, "run_asmt_mbox_end", \
	"UPDATE assessment SET" \
	" mailboxes_done = mailboxes_done + ($2 = 'done')::int," \
	" mailboxes_skipped = mailboxes_skipped + ($2 = 'skipped')::int," \
	" mailboxes_failed = mailboxes_failed + ($2 = 'failed')::int," \
	" updated_at = now() WHERE id = $1::bigint AND state = 'running'") \
X(STMT_RUN_FINALIZE, "run_finalize", \
	"UPDATE assessment a SET state = CASE WHEN a.mailboxes_done = 0" \
	" AND a.mailboxes_failed > 0 THEN 'failed' ELSE 'done' END," \
	" error = CASE WHEN a.mailboxes_done = 0 AND a.mailboxes_failed > 0" \
	" THEN (SELECT CASE WHEN count(DISTINCT reason) = 1 THEN min(reason)" \
	" ELSE 'all_mailboxes_failed' END FROM mailbox" \
	" WHERE assessment_id = a.id AND state = 'failed') END," \
	" finished_at = now(), lease_owner = NULL, lease_until = NULL," \
	" users_checkpoint = NULL, updated_at = now()" \
	" WHERE a.id = $1::bigint AND a.state = 'running' AND a.setup_done" \
	" AND NOT EXISTS (SELECT 1 FROM mailbox WHERE assessment_id = a.id" \
	" AND state IN ('queued', 'running')) RETURNING a.state") \
X(STMT_RUN_FAIL, "run_fail", \
	"UPDATE assessment a SET state = 'failed', error = $2," \
	" error_detail = $3, finished_at = now(), lease_owner = NULL," \
	" lease_until = NULL, updated_at = now() WHERE a.id = $1::bigint" \
	" AND a.state IN ('granted', 'running') AND NOT a.cancel_requested" \
	" AND (a.epoch = $4::bigint OR EXISTS (SELECT 1 FROM mailbox m" \
	" WHERE m.id = $5::bigint AND m.assessment_id = a.id" \
	" AND m.epoch = $6::bigint AND m.state = 'running'))") \
X(STMT_RUN_FAIL_MBOXES, "run_fail_mboxes", \
	"UPDATE mailbox SET state = 'skipped', reason = 'not_scanned'," \
	" finished_at = now(), lease_owner = NULL, lease_until = NULL" \
	" WHERE assessment_id = $1::bigint AND state IN ('queued', 'running')") \
X(STMT_RUN_CANCEL_MBOXES, "run_cancel_mboxes", \
	"UPDATE mailbox m SET state = 'skipped', reason = 'cancelled'," \
	" finished_at = now(), lease_owner = NULL, lease_until = NULL" \
	" FROM assessment a WHERE a.id = m.assessment_id" \
	" AND m.assessment_id = $1::bigint AND a.state = 'cancelled'" \
	" AND m.state IN ('queued', 'running')") \
X(STMT_RUN_CRED_DELETE, "run_cred_delete", \
	"DELETE FROM credential WHERE assessment_id = $1::bigint") \
X(STMT_RUN_SWEEP, "run_sweep", \
	"SELECT id FROM assessment a WHERE state = 'running' AND setup_done" \
	" AND NOT EXISTS (SELECT 1 FROM mailbox m WHERE m.assessment_id = a.id" \
	" AND m.state IN ('queued', 'running')) ORDER BY id LIMIT 20") \
X(STMT_RUN_NOTIFY_DATA, "run_notify_data", \
	"SELECT a.id, a.account_id, a.scope, a.state, a.error, a.tenant_id," \
	" a.user_mail, a.user_upn," \
	" extract(epoch FROM a.started_at)::bigint AS started," \
	" extract(epoch FROM a.finished_at)::bigint AS finished," \
	" extract(epoch FROM a.window_from)::bigint AS wfrom," \
	" extract(epoch FROM a.window_to)::bigint AS wto," \
	" a.messages_scanned, a.threats, a.potentials, a.mailboxes_total," \
	" a.mailboxes_done, a.mailboxes_skipped, a.mailboxes_failed," \
	" acc.email, acc.lang FROM assessment a JOIN account acc" \
	" ON acc.id = a.account_id WHERE a.id = $1::bigint") \
X(STMT_RUN_ORG, "run_org", \
	"WITH x AS (SELECT upn AS addr, display_name AS name FROM mailbox" \
	" WHERE assessment_id = $1::bigint AND upn NOT LIKE '%#EXT#%'" \
	" AND coalesce(reason, '') <> 'guest' UNION ALL SELECT unnest(ARRAY[" \
	" user_mail, user_upn]), NULL FROM assessment WHERE id = $1::bigint)" \
	" (SELECT 'd' AS k, lower(split_part(addr, '@', 2)) AS v FROM x" \
	" WHERE addr LIKE '%_@_%' GROUP BY 2 LIMIT 1000) UNION ALL" \
	" (SELECT 'p', name FROM x WHERE name IS NOT NULL AND name <> ''" \
	" GROUP BY 2 LIMIT 50000)") \
X(STMT_RUN_SETUPS_PENDING, "run_setups_pending", \
	"SELECT EXISTS (SELECT 1 FROM assessment WHERE NOT cancel_requested" \
	" AND ((state = 'granted' AND start_at <= now()) OR (state = 'running'" \
	" AND NOT setup_done))) AS pending") \
X(STMT_RUN_RETENTION, "run_retention", \
	"DELETE FROM assessment WHERE state IN ('done', 'failed', 'cancelled')" \
	" AND finished_at < now() - make_interval(days => $1::int)") \
X(STMT_RUN_CRED_ORPHANS, "run_cred_orphans", \
	"DELETE FROM credential c USING assessment a" \
	" WHERE a.id = c.assessment_id AND (a.cancel_requested" \
	" OR a.state IN ('done', 'failed', 'cancelled'))") \
X(STMT_RUN_CONSENTING_EXPIRE, "run_consenting_expire", \
	"DELETE FROM assessment WHERE state = 'consenting'" \
	" AND updated_at < now() - interval '1 hour'") \
X(STMT_RUN_SIGNIN_FAIL_EXPIRE, "run_signin_fail_expire", \
	"DELETE FROM signin_failure WHERE at < now() - interval '1 day'")
