/*
 * setup: an assessment's start and its list of mailboxes.
 *
 * Claimed when its start time has passed, the assessment first gets a
 * working token (a grant withdrawn since is a failure mail, not a start
 * mail), then in one transaction becomes running, gets its window (the
 * last scan_window_days days up to now, fixed for the whole scan) and
 * queues the start mail.  Mailbox scope: the consenting user's mailbox
 * is the only one.  Organisation scope: /users, 999 a page, each page's
 * users inserted with the checkpoint (the nextLink) in one transaction;
 * guests are recorded as skipped without a request; everyone else is
 * queued, and a user without a mailbox is found out by its first list
 * request (MailboxNotEnabledForRESTAPI) and counted as skipped.
 * Mailboxes are claimed, by this runner or another, once the list is
 * complete, so that every mailbox is judged against the same
 * organisation (its domains and people: mbox.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "link.h"
#include "log.h"
#include "runner.h"
#include "util.h"

#define USERS_SELECT	"id,userPrincipalName,mail,displayName,userType"

static int
users_page(struct runner *r, struct task *t, const char *json,
    const char *next)
{
	struct arena	 a;
	long		 n;
	int		 rc = -1;

	if (!store_db_up(r))
		return -1;
	arena_init(&a, 0);
	if (db_begin(&r->db) == -1)
		goto out;
	n = db_cmd(&r->db, &a, STMT_RUN_USERS_PAGE, 7,
	    arena_printf(&a, "%lld", t->id),
	    arena_printf(&a, "%lld", t->epoch), json, next,
	    next == NULL ? "true" : "false",
	    arena_printf(&a, "%d", r->conf->runner_lease), t->checkpoint);
	if (n != 1) {
		db_rollback(&r->db);
		rc = n == 0 ? -2 : -1;
		if (n == 0) {
			/* The claim is lost, or the database lost our last
			 * page of users: the listing continues from what
			 * it has (given back at once; fenced). */
			log_warn("runner: assessment %lld: its lease is lost, "
			    "or the database lost a commit of ours", t->id);
			lease_release(r, t, 0, NULL);
		}
		goto out;
	}
	if (db_commit(&r->db) == -1)
		goto out;
	free(t->checkpoint);
	t->checkpoint = next != NULL ? xstrdup(next) : NULL;
	rc = 0;
out:
	arena_release(&a);
	return rc;
}

/* Reload the window once the start transaction has set it. */
static void
window(struct runner *r, struct asmt *as)
{
	struct arena	 a;
	PGresult	*res;

	arena_init(&a, 0);
	res = db_qv(&r->db, &a, STMT_RUN_ASMT_GET, 1,
	    arena_printf(&a, "%lld", as->id));
	if (res != NULL && PQntuples(res) == 1 && db_get(res, 0, "wfrom")) {
		free(as->window_from);
		free(as->window_to);
		as->window_from = xstrdup(db_get(res, 0, "wfrom"));
		as->window_to = xstrdup(db_get(res, 0, "wto"));
	}
	arena_release(&a);
}

/*
 * The claimed assessment (row 0 of res).  0 when the task goes on (its
 * first request queued), 1 when there is nothing more for it to do, -1
 * on trouble (its claim was given back or the assessment failed).
 */
int
setup_begin(struct runner *r, struct task *t, const PGresult *res)
{
	struct arena	 a;
	const char	*state = db_get(res, 0, "state");
	const char	*scope = db_get(res, 0, "scope");
	const char	*cp = db_get(res, 0, "users_checkpoint");
	const char	*tok;
	struct buf	 url = BUF_INIT;
	long		 n;
	int		 rc;

	/* A grant withdrawn fails the scan (fenced by this claim); a token
	 * endpoint that is down gives the set-up back, not counted as an
	 * attempt, until the assessment's token_retry_at. */
	rc = auth_get(r, &t->as->auth, &tok);
	if (rc < -1) {
		lease_auth_lost(r, t->as);
		return -1;
	}
	if (rc == -1) {
		int64_t wait = t->as->auth.retry_ms - now_ms();

		lease_defer(r, t, wait > 1000 ? (int)(wait / 1000) : 1,
		    "token_unavailable");
		return -1;
	}
	arena_init(&a, 0);
	if (strcmp(state, "granted") == 0) {
		cJSON *u = NULL, *arr;
		char *json = NULL;
		int mailbox = strcmp(scope, "mailbox") == 0;

		if (db_begin(&r->db) == -1)
			goto fail;
		n = db_cmd(&r->db, &a, STMT_RUN_START, 3,
		    arena_printf(&a, "%lld", t->id),
		    arena_printf(&a, "%lld", t->epoch),
		    arena_printf(&a, "%d", r->conf->scan_window_days));
		if (n != 1 || notify_started(r, &a, t->id) == -1) {
			db_rollback(&r->db);
			goto fail;
		}
		if (mailbox) {
			arr = cJSON_CreateArray();
			u = cJSON_CreateObject();
			cJSON_AddStringToObject(u, "id",
			    db_get(res, 0, "user_oid") != NULL ?
			    db_get(res, 0, "user_oid") : "me");
			cJSON_AddStringToObject(u, "upn",
			    db_get(res, 0, "user_mail") != NULL ?
			    db_get(res, 0, "user_mail") :
			    db_get(res, 0, "user_upn") != NULL ?
			    db_get(res, 0, "user_upn") : "");
			if (db_get(res, 0, "user_mail") != NULL)
				cJSON_AddStringToObject(u, "mail",
				    db_get(res, 0, "user_mail"));
			else
				cJSON_AddNullToObject(u, "mail");
			cJSON_AddNullToObject(u, "name");
			cJSON_AddFalseToObject(u, "guest");
			cJSON_AddItemToArray(arr, u);
			json = cJSON_PrintUnformatted(arr);
			cJSON_Delete(arr);
			n = db_cmd(&r->db, &a, STMT_RUN_USERS_PAGE, 7,
			    arena_printf(&a, "%lld", t->id),
			    arena_printf(&a, "%lld", t->epoch), json,
			    (const char *)NULL, "true", arena_printf(&a, "%d",
			    r->conf->runner_lease), (const char *)NULL);
			cJSON_free(json);
			if (n != 1) {
				db_rollback(&r->db);
				goto fail;
			}
		}
		if (db_commit(&r->db) == -1)
			goto fail;
		log_info("runner: assessment %lld: started (%s)", t->id, scope);
		window(r, t->as);
		if (mailbox) {
			arena_release(&a);
			return 1;
		}
	}
	/* The next commit continues from the stored checkpoint, even one
	 * that is not followed (not a Graph link: the listing starts again,
	 * and users already inserted are not inserted twice). */
	if (cp != NULL)
		t->checkpoint = xstrdup(cp);
	if (cp != NULL && link_ok(r->conf->graph_base, cp))
		buf_adds(&url, cp);
	else
		buf_addf(&url, "%s/users?$select=" USERS_SELECT "&$top=999",
		    r->conf->graph_base);
	graph_queue(t, req_new(t, REQ_USERS, url.ptr, NULL, 1), 0);
	buf_release(&url);
	arena_release(&a);
	return 0;
fail:
	arena_release(&a);
	lease_release(r, t, 30, "setup_failed");
	return -1;
}

/* An answer of /users: insert its users, go on or finish. */
void
setup_done(struct task *t, struct req *q)
{
	struct runner	*r = t->r;
	cJSON		*root, *val, *it, *rows, *o, *nl;
	const char	*next = NULL;
	char		*json;
	int		 rc;

	if (q->status == 403 || q->status == 401) {
		mbox_failed(t, q, "access_denied");
		return;
	}
	if (q->status != 200) {
		mbox_failed(t, q, "graph_error");
		return;
	}
	if ((root = cJSON_ParseWithLength(q->resp.ptr, q->resp.len)) == NULL ||
	    !cJSON_IsArray(val = cJSON_GetObjectItemCaseSensitive(root,
	    "value"))) {
		cJSON_Delete(root);
		if (graph_retry(q, "malformed users page") == -1)
			mbox_failed(t, q, "malformed_response");
		return;
	}
	nl = cJSON_GetObjectItemCaseSensitive(root, "@odata.nextLink");
	if (cJSON_IsString(nl)) {
		next = nl->valuestring;
		if (!link_ok(r->conf->graph_base, next)) {
			log_err("runner: assessment %lld: a users nextLink "
			    "outside graph_base; refusing it", t->id);
			cJSON_Delete(root);
			mbox_failed(t, q, "bad_next_link");
			return;
		}
	}
	rows = cJSON_CreateArray();
	cJSON_ArrayForEach(it, val) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(it, "id");
		const cJSON *upn = cJSON_GetObjectItemCaseSensitive(it,
		    "userPrincipalName");
		const cJSON *mail = cJSON_GetObjectItemCaseSensitive(it,
		    "mail");
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(it,
		    "displayName");
		const cJSON *type = cJSON_GetObjectItemCaseSensitive(it,
		    "userType");

		if (!cJSON_IsString(id) || strlen(id->valuestring) > 128)
			continue;
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", id->valuestring);
		cJSON_AddStringToObject(o, "upn", cJSON_IsString(upn) ?
		    upn->valuestring : id->valuestring);
		/* The mailbox's address, the engine's reader (NULL: none). */
		if (cJSON_IsString(mail) && strlen(mail->valuestring) < 256)
			cJSON_AddStringToObject(o, "mail", mail->valuestring);
		else
			cJSON_AddNullToObject(o, "mail");
		if (cJSON_IsString(name))
			cJSON_AddStringToObject(o, "name", name->valuestring);
		else
			cJSON_AddNullToObject(o, "name");
		cJSON_AddBoolToObject(o, "guest", cJSON_IsString(type) &&
		    strcmp(type->valuestring, "Guest") == 0);
		cJSON_AddItemToArray(rows, o);
	}
	json = cJSON_PrintUnformatted(rows);
	cJSON_Delete(rows);
	rc = users_page(r, t, json, next);
	cJSON_free(json);
	if (rc == -1) {
		/* The database: ask for the same page again a bit later. */
		cJSON_Delete(root);
		q->retry_after = 5;
		if (graph_retry(q, "database unavailable") == -1)
			mbox_failed(t, q, "graph_error");
		return;
	}
	if (rc == -2) {
		cJSON_Delete(root);
		req_free(q);
		t->finished = 1;
		return;
	}
	if (next != NULL)
		graph_queue(t, req_new(t, REQ_USERS, next, NULL, 1), 0);
	else {
		log_info("runner: assessment %lld: every mailbox listed",
		    t->id);
		t->finished = 1;
	}
	cJSON_Delete(root);
	req_free(q);
}
