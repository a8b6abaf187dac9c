/*
 * lease: what this runner holds (SECURITY.md §4.1).
 *
 * Work is claimed with SELECT ... FOR UPDATE SKIP LOCKED and a lease:
 * lease_owner (this process), lease_until (now + runner_lease, renewed
 * by a heartbeat every third of it) and a fencing epoch bumped by every
 * claim.  A runner killed at any moment leaves leases that expire; the
 * next claim takes the work from its last checkpoint.  Every later write
 * names the epoch, so a runner that was paused past its lease and lost
 * the work to another changes nothing.  A claim also counts an attempt,
 * and a commit (a page of messages, a page of users) marks the attempt
 * that made progress: work whose runners die scan_max_attempts times in
 * a row without committing anything (it kills them, or they cannot get
 * through) ends as failed with the last reason instead of running
 * forever, while work that moves on between kills goes on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "runner.h"
#include "util.h"

static struct asmt *
asmt_load(struct runner *r, long long id)
{
	struct arena	 a;
	PGresult	*res;
	struct asmt	*as = NULL;
	const char	*k, *st;

	arena_init(&a, 0);
	res = db_qv(&r->db, &a, STMT_RUN_ASMT_GET, 1,
	    arena_printf(&a, "%lld", id));
	if (res == NULL || PQntuples(res) != 1)
		goto out;
	as = xcalloc(1, sizeof(*as));
	as->id = id;
	as->account_id = db_get_ll(res, 0, "account_id", 0);
	k = db_get(res, 0, "kind");
	as->kind = k != NULL && strcmp(k, "app") == 0 ? KIND_APP :
	    KIND_DELEGATED;
	as->window_from = xstrdup(db_get(res, 0, "wfrom") != NULL ?
	    db_get(res, 0, "wfrom") : "");
	as->window_to = xstrdup(db_get(res, 0, "wto") != NULL ?
	    db_get(res, 0, "wto") : "");
	as->corr_from = xstrdup(db_get(res, 0, "cfrom") != NULL ?
	    db_get(res, 0, "cfrom") : "");
	as->auth.assessment_id = id;
	as->auth.kind = as->kind;
	as->auth.tenant = xstrdup(db_get(res, 0, "tenant_id") != NULL ?
	    db_get(res, 0, "tenant_id") : "");
	st = db_get(res, 0, "state");
	if (st == NULL || (strcmp(st, "running") != 0 &&
	    strcmp(st, "granted") != 0) ||
	    db_get_bool(res, 0, "cancel_requested"))
		as->cancelled = 1;
out:
	arena_release(&a);
	return as;
}

struct asmt *
lease_asmt(struct runner *r, long long id)
{
	struct asmt	*as;

	for (as = r->asmts; as != NULL; as = as->next)
		if (as->id == id) {
			as->refs++;
			return as;
		}
	if ((as = asmt_load(r, id)) == NULL)
		return NULL;
	as->refs = 1;
	as->next = r->asmts;
	r->asmts = as;
	return as;
}

void
lease_asmt_unref(struct runner *r, struct asmt *as)
{
	struct asmt	**pp;

	if (--as->refs > 0)
		return;
	for (pp = &r->asmts; *pp != NULL; pp = &(*pp)->next)
		if (*pp == as) {
			*pp = as->next;
			break;
		}
	auth_drop(&as->auth);
	free(as->auth.tenant);
	free(as->window_from);
	free(as->window_to);
	free(as->corr_from);
	mbox_org_free(as);
	free(as);
}

static struct task *
task_new(struct runner *r, enum task_type type, struct asmt *as,
    long long id, long long epoch, int attempts)
{
	struct task	*t = xcalloc(1, sizeof(*t));

	t->type = type;
	t->r = r;
	t->as = as;
	t->id = id;
	t->epoch = epoch;
	t->attempts = attempts;
	t->cap = type == TASK_SETUP ? 1 : r->conf->graph_mailbox_inflight;
	t->page_size = r->conf->graph_page_size;
	t->next = r->tasks;
	r->tasks = t;
	return t;
}

void
task_free(struct runner *r, struct task *t)
{
	struct task	**pp;
	struct page	*p, *n;

	graph_cancel(r, t);
	for (pp = &r->tasks; *pp != NULL; pp = &(*pp)->next)
		if (*pp == t) {
			*pp = t->next;
			break;
		}
	for (p = t->pages; p != NULL; p = n) {
		n = p->next;
		if (p->held != NULL)
			cJSON_Delete(p->held);
		arena_release(&p->a);
		free(p);
	}
	lease_asmt_unref(r, t->as);
	if (t->ectx != NULL)
		engine_ctx_free(t->ectx);
	free(t->user_id);
	free(t->upn);
	free(t->mail);
	free(t->path);
	free(t->next_link);
	free(t->checkpoint);
	corr_free(t);
	free(t);
}

/*
 * Claim one assessment whose start time has passed (or whose set-up a
 * dead runner left unfinished) and begin its set-up.  1 claimed, 0 none,
 * -1 database error.
 */
int
lease_claim_setup(struct runner *r)
{
	struct arena	 a;
	PGresult	*res;
	struct asmt	*as;
	struct task	*t;
	long long	 id, epoch;
	int		 attempts, stalls, rc = 0;

	arena_init(&a, 0);
	res = db_qv(&r->db, &a, STMT_RUN_SETUP_CLAIM, 2, r->owner,
	    arena_printf(&a, "%d", r->conf->runner_lease));
	if (res == NULL) {
		rc = -1;
		goto out;
	}
	if (PQntuples(res) == 0)
		goto out;
	rc = 1;
	id = db_get_ll(res, 0, "id", 0);
	epoch = db_get_ll(res, 0, "epoch", 0);
	attempts = (int)db_get_ll(res, 0, "attempts", 1);
	stalls = (int)db_get_ll(res, 0, "stalls", attempts);
	log_info("runner: assessment %lld: claimed (%s, attempt %d)", id,
	    db_get(res, 0, "state"), attempts);
	if ((as = lease_asmt(r, id)) == NULL) {
		rc = -1;
		goto out;
	}
	t = task_new(r, TASK_SETUP, as, id, epoch, attempts);
	if (stalls > r->conf->scan_max_attempts) {
		/* On behalf of this claim (fenced by its epoch). */
		(void)store_fail_assessment(r, t, "setup_failed");
		task_free(r, t);
		goto out;
	}
	if (setup_begin(r, t, res) != 0)
		task_free(r, t);
out:
	arena_release(&a);
	return rc;
}

/*
 * Claim up to max due mailboxes of running assessments.  The number
 * claimed, or -1.
 */
int
lease_claim_mailboxes(struct runner *r, int max)
{
	struct arena	 a;
	PGresult	*res;
	struct asmt	*as;
	struct task	*t;
	int		 i, n;

	if (max <= 0)
		return 0;
	arena_init(&a, 0);
	res = db_qv(&r->db, &a, STMT_RUN_MBOX_CLAIM, 3, r->owner,
	    arena_printf(&a, "%d", r->conf->runner_lease),
	    arena_printf(&a, "%d", max));
	if (res == NULL) {
		arena_release(&a);
		return -1;
	}
	n = PQntuples(res);
	for (i = 0; i < n; i++) {
		long long id = db_get_ll(res, i, "id", 0);
		long long aid = db_get_ll(res, i, "assessment_id", 0);
		long long epoch = db_get_ll(res, i, "epoch", 0);
		int attempts = (int)db_get_ll(res, i, "attempts", 1);
		int stalls = (int)db_get_ll(res, i, "stalls", attempts);
		const char *cp = db_get(res, i, "checkpoint");

		if ((as = lease_asmt(r, aid)) == NULL) {
			/* Released unchanged; a later tick tries again. */
			(void)db_cmd(&r->db, &a, STMT_RUN_MBOX_RELEASE, 5,
			    arena_printf(&a, "%lld", id),
			    arena_printf(&a, "%lld", epoch), "0",
			    (const char *)NULL, "1");
			continue;
		}
		t = task_new(r, TASK_MBOX, as, id, epoch, attempts);
		t->user_id = xstrdup(db_get(res, i, "user_id"));
		t->upn = xstrdup(db_get(res, i, "upn"));
		t->mail = db_get(res, i, "mail") != NULL ?
		    xstrdup(db_get(res, i, "mail")) : NULL;
		t->next_link = cp != NULL ? xstrdup(cp) : NULL;
		t->checkpoint = cp != NULL ? xstrdup(cp) : NULL;
		if (stalls > r->conf->scan_max_attempts) {
			const char *why = db_get(res, i, "reason");

			log_warn("runner: mailbox %lld: %d attempts without "
			    "progress: failed", id, stalls - 1);
			store_mailbox_end(r, t, "failed", why != NULL ? why :
			    "too_many_attempts");
			task_free(r, t);
			continue;
		}
		log_info("runner: mailbox %lld: claimed (assessment %lld, "
		    "attempt %d%s)", id, aid, attempts,
		    cp != NULL ? ", from its checkpoint" : "");
		mbox_begin(r, t);
	}
	arena_release(&a);
	return n;
}

/* Arrays "{1,2,3}" of the ids and epochs of the tasks of one type. */
static void
id_arrays(struct runner *r, enum task_type type, struct buf *ids,
    struct buf *epochs)
{
	struct task	*t;

	buf_addc(ids, '{');
	buf_addc(epochs, '{');
	for (t = r->tasks; t != NULL; t = t->next) {
		if (t->type != type || t->finished)
			continue;
		if (ids->len > 1) {
			buf_addc(ids, ',');
			buf_addc(epochs, ',');
		}
		buf_addf(ids, "%lld", t->id);
		buf_addf(epochs, "%lld", t->epoch);
	}
	buf_addc(ids, '}');
	buf_addc(epochs, '}');
}

/*
 * Renew every lease held.  A task whose lease is gone (another runner
 * has its work: we were paused past the lease) stops at once.
 */
int
lease_heartbeat(struct runner *r)
{
	static const struct { enum task_type type; enum stmt s; } kinds[] = {
		{ TASK_MBOX, STMT_RUN_BEAT_MBOX },
		{ TASK_SETUP, STMT_RUN_BEAT_ASMT },
	};
	struct arena	 a;
	struct task	*t, *n;
	PGresult	*res;
	size_t		 k;
	int		 i, rc = 0;

	arena_init(&a, 0);
	for (k = 0; k < nitems(kinds); k++) {
		struct buf ids = BUF_INIT, ep = BUF_INIT;

		id_arrays(r, kinds[k].type, &ids, &ep);
		if (ids.len > 2) {
			res = db_qv(&r->db, &a, kinds[k].s, 4, r->owner,
			    arena_printf(&a, "%d", r->conf->runner_lease),
			    ids.ptr, ep.ptr);
			if (res == NULL)
				rc = -1;
			for (t = r->tasks; res != NULL && t != NULL; t = n) {
				int found = 0;

				n = t->next;
				if (t->type != kinds[k].type || t->finished)
					continue;
				for (i = 0; i < PQntuples(res); i++)
					if (db_get_ll(res, i, "id", 0) == t->id)
						found = 1;
				if (!found) {
					log_warn("runner: %s %lld: lease lost; "
					    "stopping", t->type == TASK_MBOX ?
					    "mailbox" : "assessment", t->id);
					task_free(r, t);
				}
			}
		}
		buf_release(&ids);
		buf_release(&ep);
	}
	arena_release(&a);
	return rc;
}

/*
 * Stop the work of assessments cancelled (Back), failed by another
 * runner or deleted: their transfers are aborted at once.
 */
int
lease_check_cancel(struct runner *r)
{
	struct arena	 a;
	struct buf	 ids = BUF_INIT;
	struct asmt	*as;
	struct task	*t, *n;
	PGresult	*res;
	int		 i;

	if (r->asmts == NULL)
		return 0;
	buf_addc(&ids, '{');
	for (as = r->asmts; as != NULL; as = as->next)
		buf_addf(&ids, "%s%lld", ids.len > 1 ? "," : "", as->id);
	buf_addc(&ids, '}');
	arena_init(&a, 0);
	res = db_qv(&r->db, &a, STMT_RUN_CANCELLED, 1, ids.ptr);
	buf_release(&ids);
	for (i = 0; res != NULL && i < PQntuples(res); i++) {
		long long id = db_get_ll(res, i, "id", 0);
		const char *st = db_get(res, i, "state");

		for (as = r->asmts; as != NULL; as = as->next)
			if (as->id == id && !as->cancelled) {
				as->cancelled = 1;
				log_info("runner: assessment %lld: %s; stopping "
				    "its work", id, st != NULL ? st : "deleted");
			}
		/* Back while running: its mailboxes say so. */
		if (st != NULL && strcmp(st, "cancelled") == 0)
			(void)db_cmd(&r->db, &a, STMT_RUN_CANCEL_MBOXES, 1,
			    arena_printf(&a, "%lld", id));
	}
	arena_release(&a);
	for (t = r->tasks; t != NULL; t = n) {
		n = t->next;
		if (t->as->cancelled)
			task_free(r, t);
	}
	return res == NULL ? -1 : 0;
}

static void
release(struct runner *r, struct task *t, int delay_secs, const char *reason,
    int counted)
{
	struct arena	 a;
	const char	*uncount = counted ? "0" : "1";

	if (!store_db_up(r))
		return;		/* the lease expires instead */
	arena_init(&a, 0);
	if (t->type == TASK_MBOX)
		(void)db_cmd(&r->db, &a, STMT_RUN_MBOX_RELEASE, 5,
		    arena_printf(&a, "%lld", t->id),
		    arena_printf(&a, "%lld", t->epoch),
		    arena_printf(&a, "%d", delay_secs), reason, uncount);
	else
		(void)db_cmd(&r->db, &a, STMT_RUN_SETUP_RELEASE, 4,
		    arena_printf(&a, "%lld", t->id),
		    arena_printf(&a, "%lld", t->epoch), uncount,
		    arena_printf(&a, "%d", delay_secs));
	arena_release(&a);
}

/*
 * Give a task's work back: queued again after delay_secs, with reason
 * kept as the last error.  A release on the way out (delay 0, no
 * reason) does not count as an attempt.
 */
void
lease_release(struct runner *r, struct task *t, int delay_secs,
    const char *reason)
{
	release(r, t, delay_secs, reason, reason != NULL);
}

void
lease_defer(struct runner *r, struct task *t, int delay_secs,
    const char *reason)
{
	release(r, t, delay_secs, reason, 0);
}

/*
 * The assessment's token cannot be had.  Never (the grant is gone, or
 * the token endpoint has been down for token_outage_max): the scan
 * fails, once, on behalf of a claim this runner holds for it, and its
 * work here stops.  Not now (the endpoint is down): each of its tasks
 * commits the pages it has complete and gives its work back until
 * token_retry_at, not counted as an attempt (scan_max_attempts is about
 * work that kills runners or that Graph refuses, not about the identity
 * platform), the mailboxes keeping their checkpoints.
 */
void
lease_auth_lost(struct runner *r, struct asmt *as)
{
	struct task	*t;

	if (as->cancelled)
		return;
	if (as->auth.dead) {
		for (t = r->tasks; t != NULL; t = t->next)
			if (t->as == as && !t->finished)
				break;
		/* Database trouble: tried again by the next look. */
		if (t == NULL || store_fail_assessment(r, t,
		    as->auth.error) != -1)
			as->cancelled = 1;
		return;
	}
	for (t = r->tasks; t != NULL; t = t->next) {
		if (t->as != as || t->finished)
			continue;
		t->stop = 1;
		if (t->type == TASK_MBOX)
			mbox_flush(t);
		if (t->finished)
			continue;
		lease_defer(r, t, as->auth.defer_secs, "token_unavailable");
		t->finished = 1;
	}
}
