/*
 * GET,POST /account/delete   csrf, confirm=1
 *
 * Without confirm=1: what deleting the account means, and the button
 * (200).  Confirmed: in one transaction the account row is locked and
 * deleted; everything of the account goes with it (sessions on every
 * device, sign-in failures, queued mails, the assessment with its
 * mailboxes, detections, findings and tokens: ON DELETE CASCADE).  A
 * running scan notices that its assessment is gone and stops.  The
 * cookie is cleared and a page says it is done (200).
 */
#include <string.h>

#include "html.h"
#include "log.h"
#include "page_report.h"

static int
warn_page(struct req *r)
{
	struct buf	*b = &r->body;

	layout_begin(r, M_ACCOUNT_TITLE);
	app_header(r);
	html_raw(b, "<div class=\"card\">\n");
	layout_p(r, M_ACCOUNT_WARN, "error");
	html_raw(b, "<form method=\"post\" action=\"/account/delete\" "
	    "class=\"inline\" id=\"confirm\">\n");
	layout_csrf(r);
	html_raw(b, "<input type=\"hidden\" name=\"confirm\" value=\"1\">\n"
	    "<button type=\"submit\" class=\"primary danger\">");
	layout_msg(r, M_ACCOUNT_CONFIRM);
	html_raw(b, "</button>\n</form>\n<form method=\"get\" "
	    "action=\"/results\" class=\"inline\"><button type=\"submit\">");
	layout_msg(r, M_CANCEL);
	html_raw(b, "</button></form>\n</div>\n");
	layout_end(r);
	return 200;
}

int
page_account_delete(struct req *r)
{
	const char	*c = req_field(r, "confirm");
	const char	*id = arena_printf(r->a, "%lld", r->account_id);
	PGresult	*res;

	if (r->method != M_POST || c == NULL || strcmp(c, "1") != 0)
		return warn_page(r);
	if (db_begin(r->db) == -1)
		return page_error(r, 503, M_ERR_503);
	if ((res = db_qv(r->db, r->a, STMT_RES_ACCOUNT_LOCK, 1, id)) == NULL ||
	    db_cmd(r->db, r->a, STMT_RES_ACCOUNT_DELETE, 1, id) < 0) {
		db_rollback(r->db);
		return page_error(r, 503, M_ERR_503);
	}
	if (db_commit(r->db) == -1)
		return page_error(r, 503, M_ERR_503);
	log_info("account: %s deleted by its owner", id);
	r->has_session = 0;
	r->account_id = 0;
	r->email = NULL;
	resp_cookie(r, "sid", "", 0, 1);
	layout_begin(r, M_ACCOUNT_TITLE);
	layout_p(r, M_ACCOUNT_DELETED, "notice");
	layout_link(r, "/");
	layout_end(r);
	return 200;
}
