/*
 * house: the housekeeping of every tick, cheap and idempotent (any
 * number of runners may do it at once):
 *   - results and tokens of assessments finished retention_days ago
 *     (the assessment row and, by cascade, its mailboxes, detections,
 *     findings and credential);
 *   - tokens of assessments that ended however they ended (a safety
 *     net: the transactions that end them delete them already);
 *   - OAuth round trips past their 10 minutes; assessments abandoned
 *     at Microsoft's pages ('consenting' for more than an hour);
 *   - expired sessions; sign-in failures older than a day (the longest
 *     window the sign-in throttle counts).
 */
#include "log.h"
#include "runner.h"

void
house_keep(struct runner *r)
{
	struct arena	 a;
	long		 n;

	arena_init(&a, 0);
	n = db_cmd(&r->db, &a, STMT_RUN_RETENTION, 1,
	    arena_printf(&a, "%d", r->conf->retention_days));
	if (n > 0)
		log_info("runner: retention: %ld assessment(s) deleted", n);
	(void)db_cmd(&r->db, &a, STMT_RUN_CRED_ORPHANS, 0);
	(void)db_cmd(&r->db, &a, STMT_FLOW_EXPIRE, 0);
	n = db_cmd(&r->db, &a, STMT_RUN_CONSENTING_EXPIRE, 0);
	if (n > 0)
		log_info("runner: %ld abandoned assessment(s) deleted", n);
	(void)db_cmd(&r->db, &a, STMT_SESSION_EXPIRE, 2,
	    arena_printf(&a, "%d", r->conf->session_idle),
	    arena_printf(&a, "%d", r->conf->session_max));
	(void)db_cmd(&r->db, &a, STMT_RUN_SIGNIN_FAIL_EXPIRE, 0);
	arena_release(&a);
}
