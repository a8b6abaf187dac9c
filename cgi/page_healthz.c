/*
 * GET /healthz: 200 "ok" when the portal and its database answer, 503
 * otherwise.  Plain text, for load balancers and monitoring.
 */
#include "portal.h"

int
page_healthz(struct req *r)
{
	r->ctype = "text/plain; charset=utf-8";
	buf_reset(&r->body);
	if (!db_ping(r->db)) {
		buf_adds(&r->body, "database unavailable\n");
		return 503;
	}
	buf_adds(&r->body, "ok\n");
	return 200;
}
