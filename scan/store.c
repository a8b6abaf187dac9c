/*
 * store: the runner's transactions (SECURITY.md §4.2).
 *
 * A page: its detections and their findings (unique per message and per
 * rule, ON CONFLICT DO NOTHING, so a page redone after a crash writes
 * nothing twice and the counts of newly stored detections stay exact),
 * the mailbox's counters and checkpoint, the assessment's counters: one
 * transaction, fenced by the mailbox's epoch and by the assessment still
 * running.  The last page of a mailbox also ends it, and the end of the
 * last mailbox ends the assessment, in the same transaction: the state,
 * the tokens deleted, the completion (or failure) mail queued.
 * Returns: 0 done, -1 database trouble (retry later), -2 the claim is
 * lost or the assessment cancelled (stop, keep nothing).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "runner.h"
#include "util.h"

static const char *
verdict_name(enum engine_verdict v)
{
	return v == ENGINE_THREAT ? "threat" : "potential";
}

static int
sev_rank(const char *s)
{
	if (s == NULL)
		return 0;
	return strcmp(s, "high") == 0 ? 3 : strcmp(s, "medium") == 0 ? 2 : 1;
}

static void
add_opt(cJSON *o, const char *k, const char *v)
{
	if (v != NULL)
		cJSON_AddStringToObject(o, k, v);
	else
		cJSON_AddNullToObject(o, k);
}

static int
valid_category(const char *c)
{
	static const char *const cats[] = { "malware", "phishing",
	    "suspicious_url", "spoofing", "impersonation", "risky_attachment",
	    "spam" };
	size_t	 i;

	for (i = 0; c != NULL && i < nitems(cats); i++)
		if (strcmp(c, cats[i]) == 0)
			return 1;
	return 0;
}

/* The detections of a page as the JSON array run_page_dets reads. */
static char *
dets_json(const struct page *p)
{
	const struct det	*d;
	cJSON			*arr = cJSON_CreateArray(), *o, *fs;
	struct engine_finding	 y;
	char			*out;
	size_t			 i;

	for (d = p->dets; d != NULL; d = d->next) {
		const char *cat = NULL, *sev = NULL;

		o = cJSON_CreateObject();
		fs = cJSON_CreateArray();
		for (i = 0; i < d->res.nfindings; i++) {
			const struct engine_finding *x = &d->res.findings[i];

			if (!valid_category(x->category) ||
			    sev_rank(x->severity) == 0 || x->rule == NULL)
				continue;
			if (sev_rank(x->severity) > sev_rank(sev)) {
				sev = x->severity;
				cat = x->category;
			}
			/* Evidence is stored as text, "" when there is none. */
			y = *x;
			if (y.evidence_en == NULL)
				y.evidence_en = "";
			if (y.evidence_ja == NULL)
				y.evidence_ja = "";
			cJSON_AddItemToArray(fs, engine_finding_json(&y, 1));
		}
		if (cat == NULL) {
			cJSON_Delete(fs);
			cJSON_Delete(o);
			continue;	/* nothing storable */
		}
		cJSON_AddStringToObject(o, "message_id", d->message_id);
		add_opt(o, "internet_message_id", d->internet_message_id);
		add_opt(o, "received_at", d->received_at);
		add_opt(o, "sender_address", d->sender_address);
		add_opt(o, "sender_name", d->sender_name);
		add_opt(o, "recipients", d->recipients);
		add_opt(o, "subject", d->subject);
		add_opt(o, "web_link", d->web_link);
		cJSON_AddStringToObject(o, "verdict", verdict_name(d->verdict));
		cJSON_AddNumberToObject(o, "score", d->score);
		cJSON_AddStringToObject(o, "category", cat);
		cJSON_AddStringToObject(o, "severity", sev);
		cJSON_AddItemToObject(o, "findings", fs);
		cJSON_AddItemToArray(arr, o);
	}
	out = cJSON_PrintUnformatted(arr);
	cJSON_Delete(arr);
	return out;
}

/* Within the caller's transaction: the assessment ends if nothing is
 * left; its tokens go and its mail is queued.  0, or -1. */
static int
finalize_in_tx(struct runner *r, struct arena *a, long long aid)
{
	PGresult	*res;
	const char	*ids = arena_printf(a, "%lld", aid);

	res = db_qv(&r->db, a, STMT_RUN_FINALIZE, 1, ids);
	if (res == NULL)
		return -1;
	if (PQntuples(res) == 0)
		return 0;
	log_info("runner: assessment %lld: %s", aid, db_get(res, 0, "state"));
	if (db_cmd(&r->db, a, STMT_RUN_CRED_DELETE, 1, ids) == -1 ||
	    notify_finished(r, a, aid) == -1)
		return -1;
	return 0;
}

/* Within the caller's transaction: the mailbox ends.  0, -1, -2. */
static int
end_in_tx(struct runner *r, struct arena *a, struct task *t,
    const char *state, const char *reason)
{
	const char	*aid = arena_printf(a, "%lld", t->as->id);
	long		 n;

	n = db_cmd(&r->db, a, STMT_RUN_MBOX_END, 5,
	    arena_printf(a, "%lld", t->id), arena_printf(a, "%lld", t->epoch),
	    state, reason, arena_printf(a, "%ld", t->requests));
	if (n == -1)
		return -1;
	if (n == 0)
		return -2;
	if (db_cmd(&r->db, a, STMT_RUN_ASMT_MBOX_END, 2, aid, state) == -1)
		return -1;
	return finalize_in_tx(r, a, t->as->id);
}

int
store_db_up(const struct runner *r)
{
	return r->db.conn != NULL && PQstatus(r->db.conn) == CONNECTION_OK;
}

int
store_page(struct runner *r, struct task *t, struct page *p)
{
	struct arena	 a;
	PGresult	*res;
	char		*json = NULL;
	const char	*ids, *aid;
	long		 threats = 0, potentials = 0, n;
	int		 rc = -1;

	if (!store_db_up(r))
		return -1;
	arena_init(&a, 0);
	ids = arena_printf(&a, "%lld", t->id);
	aid = arena_printf(&a, "%lld", t->as->id);
	if (db_begin(&r->db) == -1)
		goto out;
	if (p->dets != NULL) {
		json = dets_json(p);
		res = db_qv(&r->db, &a, STMT_RUN_PAGE_DETS, 3, aid, ids, json);
		if (res == NULL)
			goto fail;
		threats = (long)db_get_ll(res, 0, "threats", 0);
		potentials = (long)db_get_ll(res, 0, "potentials", 0);
	}
	n = db_cmd(&r->db, &a, STMT_RUN_PAGE_MBOX, 11, ids,
	    arena_printf(&a, "%lld", t->epoch), p->next_link,
	    arena_printf(&a, "%ld", p->scanned),
	    arena_printf(&a, "%ld", p->skipped),
	    arena_printf(&a, "%ld", p->failed),
	    arena_printf(&a, "%ld", threats),
	    arena_printf(&a, "%ld", potentials),
	    arena_printf(&a, "%ld", p->next_link == NULL ? 0 : t->requests),
	    arena_printf(&a, "%d", r->conf->runner_lease), t->checkpoint);
	if (n == -1)
		goto fail;
	if (n == 0) {
		/* Another runner has the mailbox, or the database does not
		 * have our last commit any more: either way, what we hold
		 * goes, and the mailbox continues from its checkpoint as
		 * the database has it (given back at once: the release is
		 * fenced, so it changes nothing if the lease is lost). */
		log_warn("runner: mailbox %lld: its lease is lost, or the "
		    "database lost a commit of ours; the mailbox continues "
		    "from the checkpoint the database has", t->id);
		db_rollback(&r->db);
		lease_release(r, t, 0, NULL);
		rc = -2;
		goto out;
	}
	n = db_cmd(&r->db, &a, STMT_RUN_PAGE_ASMT, 4, aid,
	    arena_printf(&a, "%ld", p->scanned),
	    arena_printf(&a, "%ld", threats),
	    arena_printf(&a, "%ld", potentials));
	if (n == -1)
		goto fail;
	if (n == 0) {
		log_info("runner: mailbox %lld: its assessment is cancelled or "
		    "over; stopping", t->id);
		db_rollback(&r->db);
		/* Back while running: its mailboxes say so. */
		(void)db_cmd(&r->db, &a, STMT_RUN_CANCEL_MBOXES, 1, aid);
		t->as->cancelled = 1;
		rc = -2;
		goto out;
	}
	if (p->next_link == NULL) {
		if ((rc = end_in_tx(r, &a, t, "done", NULL)) != 0)
			goto fail;
		rc = -1;
	}
	if (db_commit(&r->db) == -1)
		goto out;
	free(t->checkpoint);
	t->checkpoint = p->next_link != NULL ? xstrdup(p->next_link) : NULL;
	if (p->next_link != NULL)
		t->requests = 0;
	else
		log_info("runner: mailbox %lld: done", t->id);
	rc = 0;
	goto out;
fail:
	db_rollback(&r->db);
out:
	cJSON_free(json);
	arena_release(&a);
	return rc;
}

int
store_mailbox_end(struct runner *r, struct task *t, const char *state,
    const char *reason)
{
	struct arena	 a;
	int		 rc;

	if (!store_db_up(r))
		return -1;
	arena_init(&a, 0);
	if (db_begin(&r->db) == -1) {
		arena_release(&a);
		return -1;
	}
	rc = end_in_tx(r, &a, t, state, reason);
	if (rc != 0 || db_commit(&r->db) == -1) {
		db_rollback(&r->db);
		rc = rc == 0 ? -1 : rc;
	}
	arena_release(&a);
	return rc;
}

int
store_finalize(struct runner *r, long long aid)
{
	struct arena	 a;
	int		 rc;

	if (!store_db_up(r))
		return -1;
	arena_init(&a, 0);
	if (db_begin(&r->db) == -1) {
		arena_release(&a);
		return -1;
	}
	rc = finalize_in_tx(r, &a, aid);
	if (rc != 0 || db_commit(&r->db) == -1) {
		db_rollback(&r->db);
		rc = -1;
	}
	arena_release(&a);
	return rc;
}

/*
 * The assessment cannot go on (the grant is gone, the token endpoint has
 * been down too long, its set-up failed too often): failed with the
 * reason, mailboxes not yet scanned marked so, tokens deleted, the
 * failure mail queued; once only, and only on behalf of a claim this
 * runner still holds (t's: the assessment's own for a set-up, else its
 * mailbox's), so that a runner that lost its lease cannot fail a scan
 * another runner is now running.  0 failed (or already over), -1
 * database trouble, -2 the claim is lost.
 */
int
store_fail_assessment(struct runner *r, const struct task *t,
    const char *reason)
{
	struct arena	 a;
	const char	*ids, *ep;
	long		 n;
	int		 rc = -1;

	if (!store_db_up(r))
		return -1;
	arena_init(&a, 0);
	ids = arena_printf(&a, "%lld", t->as->id);
	ep = arena_printf(&a, "%lld", t->epoch);
	if (db_begin(&r->db) == -1)
		goto out;
	if (t->type == TASK_SETUP)
		n = db_cmd(&r->db, &a, STMT_RUN_FAIL, 6, ids, reason,
		    (const char *)NULL, ep, (const char *)NULL,
		    (const char *)NULL);
	else
		n = db_cmd(&r->db, &a, STMT_RUN_FAIL, 6, ids, reason,
		    (const char *)NULL, (const char *)NULL,
		    arena_printf(&a, "%lld", t->id), ep);
	if (n == -1)
		goto fail;
	if (n == 1 && (db_cmd(&r->db, &a, STMT_RUN_FAIL_MBOXES, 1, ids) == -1 ||
	    db_cmd(&r->db, &a, STMT_RUN_CRED_DELETE, 1, ids) == -1 ||
	    notify_finished(r, &a, t->as->id) == -1))
		goto fail;
	if (db_commit(&r->db) == -1)
		goto out;
	if (n == 1) {
		log_warn("runner: assessment %lld: failed (%s)", t->as->id,
		    reason);
		rc = 0;
	} else {
		log_warn("runner: assessment %lld: not failed (%s): it is "
		    "over, or our claim on it is lost", t->as->id, reason);
		rc = -2;
	}
	goto out;
fail:
	db_rollback(&r->db);
out:
	arena_release(&a);
	return rc;
}

/* Assessments whose last mailbox ended with a runner that died before
 * it could end them. */
void
store_sweep(struct runner *r)
{
	struct arena	 a;
	PGresult	*res;
	int		 i;

	arena_init(&a, 0);
	res = db_qv(&r->db, &a, STMT_RUN_SWEEP, 0);
	for (i = 0; res != NULL && i < PQntuples(res); i++)
		(void)store_finalize(r, db_get_ll(res, i, "id", 0));
	arena_release(&a);
}
