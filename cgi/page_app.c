/*
 * GET /app: the main screen (DESIGN.md step 6) for a signed-in account:
 * the signed-in address, Sign out, and the service choice.
 * 200; 303 to /signin without a session.
 */
#include "html.h"
#include "portal.h"

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

int
page_app(struct req *r)
{
	layout_begin(r, M_APP_TITLE);
	app_header(r);
	layout_p(r, M_APP_LEAD, "lead");
	layout_end(r);
	return 200;
}
