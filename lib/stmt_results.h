/*
 * stmt_results: the statements of the results pages and reports, as
 * X(id, name, sql).  See stmt.h.
 *
 * Every statement names the assessment through the signed-in account
 * (RES_ASSESS) or takes an assessment id that came from it, so another
 * account's rows are never reachable.  Times are shown in the reader's
 * zone, passed as an interval ('00:00' UTC for English, '09:00' Japan
 * for Japanese).  Lists page by keys (sql/020_results.sql), never by
 * OFFSET: $8/$9 (and $10 for the severity order) are the keys of the
 * row the page continues after, NULL on the first page.
 */

/* The columns of a row of the detections list. */
#define RES_ROW_COLS \
	" d.id, to_char(d.received_at AT TIME ZONE $5::interval," \
	" 'YYYY-MM-DD HH24:MI') AS received, m.upn AS mailbox," \
	" d.sender_address, d.sender_name, d.subject, d.category," \
	" d.severity, d.verdict, d.score, d.sort_at, d.sev_rank," \
	" (SELECT string_agg(e.ev, E'\\n') FROM (SELECT CASE WHEN" \
	" $6 = 'ja' THEN f.evidence_ja ELSE f.evidence_en END AS ev" \
	" FROM finding f WHERE f.detection_id = d.id ORDER BY CASE" \
	" f.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END" \
	" DESC, f.id LIMIT 3) e) AS why," \
	" (SELECT count(*) FROM finding f WHERE f.detection_id = d.id)" \
	" AS nfind"

/* The filters: category $2, severity rank $3, mailbox $4. */
#define RES_FILTER \
	" FROM detection d JOIN mailbox m ON m.id = d.mailbox_id" \
	" WHERE d.assessment_id = $1::bigint" \
	" AND ($2::text IS NULL OR d.category = $2::text)" \
	" AND ($3::smallint IS NULL OR d.sev_rank = $3::smallint)" \
	" AND ($4::bigint IS NULL OR d.mailbox_id = $4::bigint)"

#define RES_PAGE(cmp, dir) \
	"SELECT" RES_ROW_COLS RES_FILTER \
	" AND ($8::timestamptz IS NULL OR (d.sort_at, d.id) " cmp \
	" ($8::timestamptz, $9::bigint))" \
	" ORDER BY d.sort_at " dir ", d.id " dir " LIMIT $7::int"

#define RES_PAGE_SEV(cmp, dir) \
	"SELECT" RES_ROW_COLS RES_FILTER \
	" AND ($8::timestamptz IS NULL OR (d.sev_rank, d.sort_at, d.id) " cmp \
	" ($10::smallint, $8::timestamptz, $9::bigint))" \
	" ORDER BY d.sev_rank " dir ", d.sort_at " dir ", d.id " dir \
	" LIMIT $7::int"

#define STMT_RESULTS(X) \
X(STMT_RES_ASSESS, "res_assess", \
	"SELECT id, scope, state, tenant_id, user_upn, user_mail, error," \
	" setup_done, cancel_requested," \
	" token_failing_since IS NOT NULL AS paused," \
	" to_char(window_from AT TIME ZONE $2::interval," \
	" 'YYYY-MM-DD HH24:MI') AS wfrom," \
	" to_char(window_to AT TIME ZONE $2::interval," \
	" 'YYYY-MM-DD HH24:MI') AS wto," \
	" to_char(started_at AT TIME ZONE $2::interval," \
	" 'YYYY-MM-DD HH24:MI') AS started," \
	" to_char(finished_at AT TIME ZONE $2::interval," \
	" 'YYYY-MM-DD HH24:MI') AS finished," \
	" to_char(coalesce(finished_at, now()) AT TIME ZONE $2::interval," \
	" 'YYYY-MM-DD') AS fdate," \
	" to_char((finished_at + make_interval(days => $3::int))" \
	" AT TIME ZONE $2::interval, 'YYYY-MM-DD') AS purge," \
	" extract(epoch FROM now() - started_at)::bigint AS elapsed," \
	" mailboxes_total, mailboxes_done, mailboxes_skipped," \
	" mailboxes_failed, messages_scanned, threats, potentials" \
	" FROM assessment WHERE account_id = $1::bigint") \
X(STMT_RES_RUNNING_MBOX, "res_running_mbox", \
	"SELECT count(*) FILTER (WHERE state = 'running') AS running," \
	" coalesce(sum(messages_scanned) FILTER (WHERE state = 'running'), 0)" \
	" AS running_msgs FROM mailbox WHERE assessment_id = $1::bigint") \
X(STMT_RES_COUNTS_CACHED, "res_counts_cached", \
	"SELECT c.category, c.sev_rank, c.n FROM result_summary s," \
	" jsonb_to_recordset(s.counts) AS c(category text, sev_rank int," \
	" n bigint) WHERE s.assessment_id = $1::bigint") \
X(STMT_RES_COUNTS, "res_counts", \
	"WITH c AS (SELECT mailbox_id, category, sev_rank, count(*) AS n" \
	" FROM detection WHERE assessment_id = $1::bigint GROUP BY 1, 2, 3)," \
	" t AS (SELECT category, sev_rank, sum(n)::bigint AS n FROM c" \
	" GROUP BY 1, 2)," \
	" s AS (INSERT INTO result_summary (assessment_id, counts)" \
	" SELECT $1::bigint, coalesce((SELECT jsonb_agg(t) FROM t), '[]')" \
	" WHERE $2::boolean ON CONFLICT (assessment_id) DO NOTHING" \
	" RETURNING 1)," \
	" k AS (INSERT INTO result_count (assessment_id, mailbox_id," \
	" category, sev_rank, n) SELECT $1::bigint, mailbox_id, category," \
	" sev_rank, n FROM c WHERE EXISTS (SELECT 1 FROM s)" \
	" ON CONFLICT DO NOTHING)" \
	" SELECT category, sev_rank, n FROM t") \
X(STMT_RES_COUNT_MBOX, "res_count_mbox", \
	"SELECT coalesce(sum(n), 0) AS n FROM result_count" \
	" WHERE assessment_id = $1::bigint" \
	" AND ($2::text IS NULL OR category = $2::text)" \
	" AND ($3::smallint IS NULL OR sev_rank = $3::smallint)" \
	" AND mailbox_id = $4::bigint") \
X(STMT_RES_MAILBOX_CHOICES, "res_mailbox_choices", \
	"SELECT m.id, m.upn FROM mailbox m WHERE m.assessment_id = $1::bigint" \
	" AND EXISTS (SELECT 1 FROM detection d WHERE d.mailbox_id = m.id)" \
	" ORDER BY m.upn LIMIT $2::int") \
X(STMT_RES_MAILBOX_PROBLEMS, "res_mailbox_problems", \
	"SELECT upn, display_name, state, reason, count(*) OVER () AS total" \
	" FROM mailbox WHERE assessment_id = $1::bigint" \
	" AND state IN ('skipped', 'failed') ORDER BY state, upn" \
	" LIMIT $2::int") \
X(STMT_RES_CURSOR, "res_cursor", \
	"SELECT sort_at, sev_rank FROM detection WHERE id = $1::bigint" \
	" AND assessment_id = $2::bigint") \
X(STMT_RES_PAGE_NEW, "res_page_new", RES_PAGE("<", "DESC")) \
X(STMT_RES_PAGE_OLD, "res_page_old", RES_PAGE(">", "ASC")) \
X(STMT_RES_PAGE_SEV, "res_page_sev", RES_PAGE_SEV("<", "DESC")) \
X(STMT_RES_PAGE_SEV_UP, "res_page_sev_up", RES_PAGE_SEV(">", "ASC")) \
X(STMT_RES_DETECTION, "res_detection", \
	"SELECT d.id, to_char(d.received_at AT TIME ZONE $3::interval," \
	" 'YYYY-MM-DD HH24:MI:SS') AS received, m.upn AS mailbox," \
	" m.display_name AS mailbox_name, d.sender_address, d.sender_name," \
	" d.recipients, d.subject, d.internet_message_id, d.web_link," \
	" d.verdict, d.score, d.category, d.severity" \
	" FROM detection d JOIN mailbox m ON m.id = d.mailbox_id" \
	" WHERE d.id = $1::bigint AND d.assessment_id = $2::bigint") \
X(STMT_RES_FINDINGS, "res_findings", \
	"SELECT rule, category, severity, evidence_en, evidence_ja, url," \
	" domain, imitates, attachment_name, attachment_type," \
	" attachment_sha256 FROM finding WHERE detection_id = $1::bigint" \
	" AND assessment_id = $2::bigint ORDER BY CASE severity WHEN 'high'" \
	" THEN 3 WHEN 'medium' THEN 2 ELSE 1 END DESC, id LIMIT 100") \
X(STMT_RES_LOCK, "res_lock", \
	"SELECT id, state FROM assessment WHERE account_id = $1::bigint" \
	" FOR UPDATE") \
X(STMT_RES_DELETE, "res_delete", \
	"DELETE FROM assessment WHERE id = $1::bigint RETURNING id") \
X(STMT_RES_ACCOUNT_LOCK, "res_account_lock", \
	"SELECT id FROM account WHERE id = $1::bigint FOR UPDATE") \
X(STMT_RES_ACCOUNT_DELETE, "res_account_delete", \
	"DELETE FROM account WHERE id = $1::bigint") \
X(STMT_REP_TOP_SENDERS, "rep_top_senders", \
	"SELECT lower(sender_address) AS k, count(*) AS n FROM detection" \
	" WHERE assessment_id = $1::bigint AND sender_address IS NOT NULL" \
	" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $2::int") \
X(STMT_REP_TOP_DOMAINS, "rep_top_domains", \
	"SELECT lower(split_part(sender_address, '@', 2)) AS k," \
	" count(*) AS n FROM detection WHERE assessment_id = $1::bigint" \
	" AND sender_address LIKE '%@%' GROUP BY 1 ORDER BY 2 DESC, 1" \
	" LIMIT $2::int") \
X(STMT_REP_TOP_URLS, "rep_top_urls", \
	"SELECT url AS k, count(DISTINCT detection_id) AS n FROM finding" \
	" WHERE assessment_id = $1::bigint AND url IS NOT NULL AND url <> ''" \
	" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $2::int") \
X(STMT_REP_TOP_ATTACH, "rep_top_attach", \
	"SELECT attachment_name AS k, attachment_sha256 AS h," \
	" count(DISTINCT detection_id) AS n FROM finding" \
	" WHERE assessment_id = $1::bigint AND attachment_name IS NOT NULL" \
	" GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT $2::int") \
X(STMT_REP_CSV_DECLARE, "rep_csv_declare", \
	"DECLARE shindan_csv NO SCROLL CURSOR FOR SELECT d.id," \
	" to_char(d.received_at AT TIME ZONE $2::interval," \
	" 'YYYY-MM-DD\"T\"HH24:MI:SS') || $3 AS received, m.upn AS mailbox," \
	" d.sender_address, d.sender_name, d.recipients, d.subject," \
	" d.internet_message_id, d.verdict, d.score, d.category, d.severity," \
	" f.rules, f.evidence, f.urls, f.domains, f.imitates, f.att_names," \
	" f.att_hashes, d.web_link" \
	" FROM detection d JOIN mailbox m ON m.id = d.mailbox_id" \
	" LEFT JOIN LATERAL (SELECT string_agg(x.category || '/' ||" \
	" x.severity || ' ' || x.rule, E'\\n' ORDER BY x.id) AS rules," \
	" string_agg(CASE WHEN $4 = 'ja' THEN x.evidence_ja ELSE" \
	" x.evidence_en END, E'\\n' ORDER BY x.id) AS evidence," \
	" string_agg(DISTINCT x.url, E'\\n') AS urls," \
	" string_agg(DISTINCT x.domain, E'\\n') AS domains," \
	" string_agg(DISTINCT x.imitates, E'\\n') AS imitates," \
	" string_agg(x.attachment_name, E'\\n' ORDER BY x.id) AS att_names," \
	" string_agg(x.attachment_sha256, E'\\n' ORDER BY x.id) AS att_hashes" \
	" FROM finding x WHERE x.detection_id = d.id) f ON true" \
	" WHERE d.assessment_id = $1::bigint" \
	" ORDER BY d.sort_at DESC, d.id DESC") \
X(STMT_REP_CSV_FETCH, "rep_csv_fetch", \
	"FETCH 1000 FROM shindan_csv") \
X(STMT_REP_SNAPSHOT, "rep_snapshot", \
	"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
