/*
 * The assessment pages (DESIGN.md steps 6-12).  All need a session.
 *
 * GET  /app          the main screen; what the account is in decides:
 *                    none, cancelled, failed to consent: the service tiles
 *                    granted: 303 /app/granted; running: 303 /app/started
 *                    done or failed: 303 /results
 * POST /app/service  service (m365, gsuite, windows, macos), csrf
 *                    303 /app/scope for m365; 400 the tiles again with
 *                    why for the others (out of scope)
 * GET  /app/scope    the scope choice; POST scope (org, mailbox), csrf:
 *                    303 to Microsoft (page_oauth.c); 400 bad scope;
 *                    303 /app when an assessment runs or is done
 * GET  /app/granted  "Permission granted", the time left before the
 *                    automatic start, Start and Back (200); it refreshes
 *                    itself, so it works without JavaScript; when due but
 *                    Microsoft's sign-in service is down (the set-up is
 *                    waiting for a token), it says so instead
 * POST /app/start    csrf: starts now; 303 /app/started
 * POST /app/cancel   csrf: cancels and deletes the tokens; 303 /app
 * GET  /app/started  where the results will be mailed (200)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "log.h"
#include "portal.h"
#include "util.h"

int
assess_load(struct req *r, struct assess *as)
{
	PGresult	*res;

	memset(as, 0, sizeof(*as));
	res = db_qv(r->db, r->a, STMT_ASSESS_GET, 1,
	    arena_printf(r->a, "%lld", r->account_id));
	if (res == NULL)
		return -1;
	if (PQntuples(res) == 0)
		return 0;
	as->id = db_get_ll(res, 0, "id", 0);
	as->scope = arena_strdup(r->a, db_get(res, 0, "scope"));
	as->state = arena_strdup(r->a, db_get(res, 0, "state"));
	as->tenant = arena_strdup(r->a, db_get(res, 0, "tenant_id"));
	as->upn = arena_strdup(r->a, db_get(res, 0, "user_upn"));
	as->mail = arena_strdup(r->a, db_get(res, 0, "user_mail"));
	as->error = arena_strdup(r->a, db_get(res, 0, "error"));
	as->start_in = db_get_ll(res, 0, "start_in", 0);
	as->paused = db_get_bool(res, 0, "paused");
	return 1;
}

void
app_header(struct req *r)
{
	struct buf	*b = &r->body;

	html_raw(b, "<div class=\"account\"><span>");
	layout_msg(r, M_SIGNED_IN_AS);
	html_raw(b, "</span> <strong class=\"who\">");
	html_text(b, r->email);
	html_raw(b, "</strong>\n<form method=\"post\" action=\"/signout\" "
	    "class=\"inline\">\n");
	layout_csrf(r);
	html_raw(b, "<button type=\"submit\" class=\"link\">");
	layout_msg(r, M_SIGNOUT);
	html_raw(b, "</button>\n</form></div>\n");
}

static void
tile(struct req *r, const char *name, const char *value, enum msgid label,
    enum msgid note, int checked)
{
	struct buf	*b = &r->body;

	html_raw(b, "<div class=\"tile\"><input type=\"radio\" name=\"");
	html_text(b, name);
	html_raw(b, "\" id=\"t-");
	html_text(b, value);
	html_raw(b, "\" value=\"");
	html_text(b, value);
	html_raw(b, "\"");
	if (checked)
		html_raw(b, " checked");
	html_raw(b, "><label for=\"t-");
	html_text(b, value);
	html_raw(b, "\">");
	layout_msg(r, label);
	html_raw(b, "<small>");
	layout_msg(r, note);
	html_raw(b, "</small></label></div>\n");
}

/* The main screen's service choice; notice: a message above it. */
static int
services_page(struct req *r, const char *chosen, enum msgid notice,
    int status)
{
	struct buf	*b = &r->body;
	int		 out = chosen != NULL && strcmp(chosen, "m365") != 0;

	layout_begin(r, M_APP_TITLE);
	app_header(r);
	if (notice != M__MAX)
		layout_p(r, notice, status >= 400 ? "error" : "notice");
	layout_p(r, M_APP_LEAD, "lead");
	html_raw(b, "<form method=\"post\" action=\"/app/service\" "
	    "id=\"services\">\n");
	layout_csrf(r);
	html_raw(b, "<fieldset class=\"tiles\"><legend class=\"skip\">");
	layout_msg(r, M_SERVICE_LEGEND);
	html_raw(b, "</legend>\n");
	tile(r, "service", "m365", M_SVC_M365, M_SVC_M365_NOTE,
	    chosen == NULL || strcmp(chosen, "m365") == 0);
	tile(r, "service", "gsuite", M_SVC_GSUITE, M_SVC_OUT,
	    chosen != NULL && strcmp(chosen, "gsuite") == 0);
	tile(r, "service", "windows", M_SVC_WINDOWS, M_SVC_OUT,
	    chosen != NULL && strcmp(chosen, "windows") == 0);
	tile(r, "service", "macos", M_SVC_MACOS, M_SVC_OUT,
	    chosen != NULL && strcmp(chosen, "macos") == 0);
	html_raw(b, "</fieldset>\n<p class=\"error\" id=\"out-of-scope\"");
	if (!out)
		html_raw(b, " hidden");
	html_raw(b, ">");
	layout_msg(r, M_OUT_OF_SCOPE);
	html_raw(b, "</p>\n<button type=\"submit\" class=\"primary\" "
	    "data-next>");
	layout_msg(r, M_NEXT);
	html_raw(b, "</button>\n</form>\n");
	layout_end(r);
	return status;
}

int
page_app(struct req *r)
{
	struct assess	 as;
	int		 rc;

	if ((rc = assess_load(r, &as)) == -1)
		return page_error(r, 503, M_ERR_503);
	if (rc == 1) {
		if (strcmp(as.state, "granted") == 0)
			return page_redirect(r, "/app/granted");
		if (strcmp(as.state, "running") == 0)
			return page_redirect(r, "/app/started");
		if (strcmp(as.state, "done") == 0 ||
		    (strcmp(as.state, "failed") == 0 && as.error != NULL &&
		    strcmp(as.error, "consent") != 0))
			return page_redirect(r, "/results");
		if (strcmp(as.state, "cancelled") == 0)
			return services_page(r, NULL, M_CANCELLED, 200);
		if (strcmp(as.state, "consenting") == 0)
			return services_page(r, NULL, M_PENDING_CONSENT, 200);
	}
	return services_page(r, NULL, M__MAX, 200);
}

int
page_app_service(struct req *r)
{
	const char	*svc = req_field(r, "service");

	if (svc != NULL && strcmp(svc, "m365") == 0)
		return page_redirect(r, "/app/scope");
	/* Every tile can be chosen; only Microsoft 365 goes on. */
	return services_page(r, svc, M_OUT_OF_SCOPE, 400);
}

static int
scope_page(struct req *r, const char *chosen, int status)
{
	struct buf	*b = &r->body;

	layout_begin(r, M_SCOPE_TITLE);
	app_header(r);
	if (status >= 400)
		layout_p(r, M_ERR_SCOPE, "error");
	layout_p(r, M_SCOPE_LEAD, "lead");
	html_raw(b, "<form method=\"post\" action=\"/app/scope\" "
	    "id=\"scope\">\n");
	layout_csrf(r);
	html_raw(b, "<fieldset class=\"tiles scopes\"><legend class=\"skip\">");
	layout_msg(r, M_SCOPE_TITLE);
	html_raw(b, "</legend>\n");
	tile(r, "scope", "org", M_SCOPE_ORG, M_SCOPE_ORG_NOTE,
	    chosen != NULL && strcmp(chosen, "org") == 0);
	tile(r, "scope", "mailbox", M_SCOPE_MAILBOX, M_SCOPE_MAILBOX_NOTE,
	    chosen == NULL || strcmp(chosen, "mailbox") == 0);
	html_raw(b, "</fieldset>\n<button type=\"submit\" class=\"primary\">");
	layout_msg(r, M_GRANT);
	html_raw(b, "</button>\n</form>\n<form method=\"get\" action=\"/app\" "
	    "class=\"inline\"><button type=\"submit\">");
	layout_msg(r, M_BACK);
	html_raw(b, "</button></form>\n");
	layout_end(r);
	return status;
}

int
page_app_scope(struct req *r)
{
	const char	*scope = req_field(r, "scope");

	if (r->method != M_POST)
		return scope_page(r, NULL, 200);
	if (scope == NULL || (strcmp(scope, "org") != 0 &&
	    strcmp(scope, "mailbox") != 0))
		return scope_page(r, NULL, 400);
	return oauth_begin(r, scope);
}

int
page_app_granted(struct req *r)
{
	struct buf	*b = &r->body;
	struct assess	 as;
	char		 t[32];
	int		 rc;

	if ((rc = assess_load(r, &as)) == -1)
		return page_error(r, 503, M_ERR_503);
	if (rc == 0 || strcmp(as.state, "granted") != 0)
		return page_redirect(r, rc == 1 &&
		    strcmp(as.state, "running") == 0 ? "/app/started" : "/app");
	/* The server decides when it starts: the page only counts down,
	 * and refreshes itself (no JavaScript needed) when time is up. */
	snprintf(t, sizeof(t), "%lld", as.start_in + 1);
	buf_addf(&r->headers, "Refresh: %s\r\n", as.start_in > 0 ? t :
	    as.paused ? "30" : "5");
	layout_begin(r, M_GRANTED_TITLE);
	app_header(r);
	html_raw(b, "<div class=\"card\">\n<p class=\"ok\">");
	layout_msg(r, M_GRANTED_OK);
	html_raw(b, "</p>\n<p>");
	if (strcmp(as.scope, "org") == 0) {
		layout_msg(r, M_GRANTED_ORG);
		html_raw(b, " <code>");
		html_text(b, as.tenant);
		html_raw(b, "</code>");
	} else {
		layout_msg(r, M_GRANTED_MAILBOX);
		html_raw(b, " <strong>");
		html_text(b, as.mail != NULL ? as.mail : as.upn);
		html_raw(b, "</strong>");
	}
	html_raw(b, "</p>\n");
	layout_p(r, M_GRANTED_AUTO, NULL);
	/* Due, but Microsoft's token endpoint is down: say why it waits. */
	if (as.start_in == 0 && as.paused)
		layout_p(r, M_START_WAITING, "notice");
	else {
		html_raw(b, "<p>");
		layout_msg(r, as.start_in > 0 ? M_TIME_LEFT : M_STARTING);
		if (as.start_in > 0) {
			html_raw(b, " <span class=\"countdown\" "
			    "data-countdown=\"");
			buf_addf(b, "%lld", as.start_in);
			html_raw(b, "\">");
			buf_addf(b, "%lld:%02lld", as.start_in / 60,
			    as.start_in % 60);
			html_raw(b, "</span>");
		}
		html_raw(b, "</p>\n");
	}
	/* Start is for not waiting; once due there is nothing to hasten. */
	if (as.start_in > 0) {
		html_raw(b, "<form method=\"post\" action=\"/app/start\" "
		    "class=\"inline\">\n");
		layout_csrf(r);
		html_raw(b, "<button type=\"submit\" class=\"primary\">");
		layout_msg(r, M_START);
		html_raw(b, "</button>\n</form>\n");
	}
	html_raw(b, "<form method=\"post\" action=\"/app/cancel\" "
	    "class=\"inline\">\n");
	layout_csrf(r);
	html_raw(b, "<button type=\"submit\">");
	layout_msg(r, M_BACK);
	html_raw(b, "</button>\n</form>\n</div>\n");
	layout_end(r);
	return 200;
}

int
page_app_start(struct req *r)
{
	long	 n;

	n = db_cmd(r->db, r->a, STMT_ASSESS_START, 1,
	    arena_printf(r->a, "%lld", r->account_id));
	if (n < 0)
		return page_error(r, 503, M_ERR_503);
	if (n > 0)
		log_info("app: account %lld: assessment started by the user",
		    r->account_id);
	/* Started already (or by itself): the same page either way. */
	return page_redirect(r, "/app/started");
}

int
page_app_cancel(struct req *r)
{
	PGresult	*res;
	const char	*id;

	if (db_begin(r->db) == -1)
		return page_error(r, 503, M_ERR_503);
	res = db_qv(r->db, r->a, STMT_ASSESS_CANCEL, 1,
	    arena_printf(r->a, "%lld", r->account_id));
	if (res == NULL)
		goto fail;
	if (PQntuples(res) == 1) {
		id = db_get(res, 0, "id");
		if (db_cmd(r->db, r->a, STMT_CRED_DELETE, 1, id) < 0)
			goto fail;
		log_info("app: assessment %s cancelled; tokens deleted", id);
	}
	if (db_commit(r->db) == -1)
		return page_error(r, 503, M_ERR_503);
	return page_redirect(r, "/app");
fail:
	db_rollback(r->db);
	return page_error(r, 503, M_ERR_503);
}

int
page_app_started(struct req *r)
{
	struct buf	*b = &r->body;
	struct assess	 as;
	int		 rc;

	if ((rc = assess_load(r, &as)) == -1)
		return page_error(r, 503, M_ERR_503);
	if (rc == 0 || (strcmp(as.state, "granted") != 0 &&
	    strcmp(as.state, "running") != 0 && strcmp(as.state, "done") != 0))
		return page_redirect(r, "/app");
	layout_begin(r, M_STARTED_TITLE);
	app_header(r);
	html_raw(b, "<div class=\"card\">\n");
	layout_p(r, M_STARTED_LEAD, NULL);
	html_raw(b, "<p class=\"address\">");
	html_text(b, r->email);
	html_raw(b, "</p>\n");
	layout_p(r, M_STARTED_CLOSE, NULL);
	if (strcmp(as.state, "granted") == 0 && as.paused)
		layout_p(r, M_START_WAITING, "notice");
	html_raw(b, "<p><a href=\"/results\">");
	layout_msg(r, M_SEE_PROGRESS);
	html_raw(b, "</a></p>\n</div>\n");
	layout_end(r);
	return 200;
}
