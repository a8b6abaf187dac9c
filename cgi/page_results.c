/*
 * The results pages (DESIGN.md steps 14-17).  All need a session; every
 * query goes through the signed-in account's own assessment, so another
 * account's results are never reachable.
 *
 * GET /results             while the scan runs: its progress (refreshes
 *                          itself, no JavaScript needed); when it has
 *                          ended: the summary, counts by category, the
 *                          downloads, the detected mails (filters
 *                          category, severity, mailbox; sort new, old,
 *                          sev; paged by keys: after=ID or before=ID),
 *                          the mailboxes not scanned and why, re-run and
 *                          delete.  200; 303 /app before a scan starts;
 *                          400 on a malformed field (pages.c).
 * GET /results/detection   id=N: one detected mail with its full
 *                          evidence and its link in Outlook on the web;
 *                          404 when it is not the account's.
 * GET,POST /results/rescan csrf, confirm=1: the warning with the
 *                          downloads (200); confirmed: the result is
 *                          deleted, 303 /app (the service choice).
 *                          409 while a scan runs.
 * GET,POST /results/delete csrf, confirm=1: delete the assessment now,
 *                          running or not; 303 /results?deleted=1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "log.h"
#include "page_report.h"
#include "util.h"

#define PAGE_ROWS	50
#define MBOX_CHOICES	1000
#define PROBLEMS_MAX	500

const char *const res_categories[RES_NCAT] = {
	"malware", "phishing", "suspicious_url", "spoofing", "impersonation",
	"risky_attachment", "spam"
};

static const enum msgid cat_msgs[RES_NCAT] = {
	M_CAT_MALWARE, M_CAT_PHISHING, M_CAT_SUSPICIOUS_URL, M_CAT_SPOOFING,
	M_CAT_IMPERSONATION, M_CAT_RISKY_ATTACHMENT, M_CAT_SPAM
};

/* --- what the results pages share (page_report.h) --------------------- */

static const char *
dup(struct req *r, const PGresult *res, const char *col)
{
	const char	*v = db_get(res, 0, col);

	return v != NULL ? arena_strdup(r->a, v) : NULL;
}

const char *
res_tz(const struct req *r)
{
	return r->lang == LANG_JA ? "09:00" : "00:00";
}

const char *
res_tz_offset(const struct req *r)
{
	return r->lang == LANG_JA ? "+09:00" : "+00:00";
}

int
res_load(struct req *r, struct res *rs)
{
	PGresult	*res;

	memset(rs, 0, sizeof(*rs));
	res = db_qv(r->db, r->a, STMT_RES_ASSESS, 3,
	    arena_printf(r->a, "%lld", r->account_id), res_tz(r),
	    arena_printf(r->a, "%d", r->conf->retention_days));
	if (res == NULL)
		return -1;
	if (PQntuples(res) == 0)
		return 0;
	rs->id = db_get_ll(res, 0, "id", 0);
	rs->ids = dup(r, res, "id");
	rs->scope = dup(r, res, "scope");
	rs->state = dup(r, res, "state");
	rs->tenant = dup(r, res, "tenant_id");
	rs->upn = dup(r, res, "user_upn");
	rs->mail = dup(r, res, "user_mail");
	rs->error = dup(r, res, "error");
	rs->wfrom = dup(r, res, "wfrom");
	rs->wto = dup(r, res, "wto");
	rs->started = dup(r, res, "started");
	rs->finished = dup(r, res, "finished");
	rs->fdate = dup(r, res, "fdate");
	rs->purge = dup(r, res, "purge");
	rs->elapsed = db_get_ll(res, 0, "elapsed", 0);
	rs->mb_total = db_get_ll(res, 0, "mailboxes_total", 0);
	rs->mb_done = db_get_ll(res, 0, "mailboxes_done", 0);
	rs->mb_skipped = db_get_ll(res, 0, "mailboxes_skipped", 0);
	rs->mb_failed = db_get_ll(res, 0, "mailboxes_failed", 0);
	rs->msgs = db_get_ll(res, 0, "messages_scanned", 0);
	rs->threats = db_get_ll(res, 0, "threats", 0);
	rs->potentials = db_get_ll(res, 0, "potentials", 0);
	rs->setup_done = db_get_bool(res, 0, "setup_done");
	rs->paused = db_get_bool(res, 0, "paused");
	return 1;
}

int
res_final(const struct res *rs)
{
	return strcmp(rs->state, "done") == 0 ||
	    strcmp(rs->state, "failed") == 0 ||
	    strcmp(rs->state, "cancelled") == 0;
}

int
res_cat_index(const char *c)
{
	int	 i;

	for (i = 0; c != NULL && i < RES_NCAT; i++)
		if (strcmp(c, res_categories[i]) == 0)
			return i;
	return -1;
}

int
res_counts(struct req *r, const struct res *rs, struct res_counts *c)
{
	PGresult	*res;
	int		 i, k, sev;
	long long	 n;

	memset(c, 0, sizeof(*c));
	res = db_qv(r->db, r->a, STMT_RES_COUNTS_CACHED, 1, rs->ids);
	if (res == NULL)
		return -1;
	if (PQntuples(res) == 0) {
		/* Not cached yet (or no detections): count, and keep the
		 * counts of a result that can no longer change. */
		res = db_qv(r->db, r->a, STMT_RES_COUNTS, 2, rs->ids,
		    res_final(rs) ? "true" : "false");
		if (res == NULL)
			return -1;
	}
	for (i = 0; i < PQntuples(res); i++) {
		k = res_cat_index(db_get(res, i, "category"));
		sev = (int)db_get_ll(res, i, "sev_rank", 1);
		n = db_get_ll(res, i, "n", 0);
		if (k < 0 || sev < 1 || sev > 3)
			continue;
		c->n[k][sev] += n;
		c->n[k][0] += n;
		c->total += n;
	}
	return 0;
}

enum msgid
res_cat_msg(const char *c)
{
	int	 i = res_cat_index(c);

	return i < 0 ? M__MAX : cat_msgs[i];
}

enum msgid
res_sev_msg(const char *s)
{
	if (s != NULL && strcmp(s, "high") == 0)
		return M_SEV_HIGH;
	if (s != NULL && strcmp(s, "medium") == 0)
		return M_SEV_MEDIUM;
	return M_SEV_LOW;
}

enum msgid
res_verdict_msg(const char *v)
{
	return v != NULL && strcmp(v, "threat") == 0 ? M_VERDICT_THREAT :
	    M_VERDICT_POTENTIAL;
}

enum msgid
res_state_msg(const char *s)
{
	if (strcmp(s, "done") == 0)
		return M_ST_DONE;
	if (strcmp(s, "failed") == 0)
		return M_ST_FAILED;
	if (strcmp(s, "cancelled") == 0)
		return M_ST_CANCELLED;
	return M_ST_RUNNING;
}

enum msgid
res_reason_msg(const char *why)
{
	static const char *const unreliable[] = { "throttled", "network",
	    "graph_unavailable", "malformed_response", "graph_error",
	    "attempts", "too_many_attempts" };
	size_t	 i;

	if (why == NULL)
		return M_RSN_OTHER;
	if (strcmp(why, "guest") == 0)
		return M_RSN_GUEST;
	if (strcmp(why, "no_mailbox") == 0)
		return M_RSN_NO_MAILBOX;
	if (strcmp(why, "user_not_found") == 0)
		return M_RSN_NOT_FOUND;
	if (strcmp(why, "access_denied") == 0)
		return M_RSN_DENIED;
	for (i = 0; i < nitems(unreliable); i++)
		if (strcmp(why, unreliable[i]) == 0)
			return M_RSN_UNRELIABLE;
	return M_RSN_OTHER;
}

void
res_fail_msgs(const char *e, enum msgid *what, enum msgid *todo)
{
	*what = M_FAIL_OTHER;
	*todo = M_FAIL_OTHER_DO;
	if (e == NULL)
		return;
	if (strcmp(e, "reauth_required") == 0 ||
	    strcmp(e, "credential_unreadable") == 0 ||
	    strcmp(e, "no_credential") == 0) {
		*what = M_FAIL_REAUTH;
		*todo = M_FAIL_REAUTH_DO;
	} else if (strcmp(e, "consent_revoked") == 0) {
		*what = M_FAIL_CONSENT;
		*todo = M_FAIL_CONSENT_DO;
	} else if (strcmp(e, "no_mailbox") == 0) {
		*what = M_FAIL_NO_MAILBOX;
		*todo = M_FAIL_NO_MAILBOX_DO;
	} else if (strcmp(e, "access_denied") == 0) {
		*what = M_FAIL_DENIED;
		*todo = M_FAIL_DENIED_DO;
	}
}

void
res_count(struct buf *b, long long n)
{
	char	 d[32];
	size_t	 len, i;

	snprintf(d, sizeof(d), "%lld", n < 0 ? 0 : n);
	len = strlen(d);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_addc(b, ',');
		buf_addc(b, d[i]);
	}
}

const char *
res_sender(struct req *r, const char *name, const char *addr)
{
	if (name != NULL && *name != '\0' && addr != NULL && *addr != '\0' &&
	    strcmp(name, addr) != 0)
		return arena_printf(r->a, "%s <%s>", name, addr);
	if (addr != NULL && *addr != '\0')
		return addr;
	return name != NULL ? name : "";
}

/* --- page parts -------------------------------------------------------- */

static void
msg(struct req *r, enum msgid m)
{
	layout_msg(r, m);
}

static void
count(struct req *r, long long n)
{
	res_count(&r->body, n);
}

static void
figure(struct req *r, enum msgid label, long long n, long long of)
{
	struct buf	*b = &r->body;

	html_raw(b, "<div class=\"figure\"><b>");
	count(r, n);
	if (of >= 0) {
		html_raw(b, " / ");
		count(r, of);
	}
	html_raw(b, "</b>");
	msg(r, label);
	html_raw(b, "</div>\n");
}

static void
dt(struct req *r, enum msgid m)
{
	html_raw(&r->body, "<dt>");
	msg(r, m);
	html_raw(&r->body, "</dt><dd>");
}

static void
scope_line(struct req *r, const struct res *rs)
{
	struct buf	*b = &r->body;

	if (strcmp(rs->scope, "org") == 0) {
		msg(r, M_RES_SCOPE_ORG);
		html_raw(b, " <code>");
		html_text(b, rs->tenant != NULL ? rs->tenant : "");
		html_raw(b, "</code>");
	} else {
		msg(r, M_RES_SCOPE_MAILBOX);
		html_raw(b, " <strong>");
		html_text(b, rs->mail != NULL ? rs->mail :
		    rs->upn != NULL ? rs->upn : "");
		html_raw(b, "</strong>");
	}
}

/* "about 1 h 20 min" */
static void
duration(struct req *r, long long secs)
{
	struct buf	*b = &r->body;
	long long	 m = (secs + 59) / 60;

	if (secs < 60) {
		msg(r, M_RES_ETA_SOON);
		return;
	}
	msg(r, M_RES_ABOUT);
	buf_addc(b, ' ');
	if (m >= 60) {
		buf_addf(b, "%lld ", m / 60);
		msg(r, M_RES_HOURS);
		buf_addc(b, ' ');
		m %= 60;
	}
	buf_addf(b, "%lld ", m);
	msg(r, M_RES_MINUTES);
}

static int
page_progress(struct req *r, const struct res *rs)
{
	struct buf	*b = &r->body;
	long long	 fin = rs->mb_done + rs->mb_skipped + rs->mb_failed;

	buf_adds(&r->headers, "Refresh: 10\r\n");
	layout_begin(r, M_RES_RUNNING_TITLE);
	app_header(r);
	html_raw(b, "<div class=\"card\" id=\"progress\">\n");
	layout_p(r, M_RES_RUNNING_LEAD, "lead");
	if (rs->started == NULL)
		layout_p(r, M_RES_WAITING, "notice");
	if (rs->paused)
		layout_p(r, M_RES_PAUSED, "notice");
	html_raw(b, "<p>");
	scope_line(r, rs);
	html_raw(b, "</p>\n<p><label for=\"mbox-progress\">");
	msg(r, M_RES_MBOX_DONE);
	html_raw(b, "</label><progress id=\"mbox-progress\" max=\"");
	buf_addf(b, "%lld", rs->mb_total > 0 ? rs->mb_total : 1);
	html_raw(b, "\" value=\"");
	buf_addf(b, "%lld", fin);
	html_raw(b, "\"></progress></p>\n<div class=\"figures\">\n");
	figure(r, M_RES_MBOX_DONE, fin, rs->mb_total);
	figure(r, M_RES_MAILS, rs->msgs, -1);
	figure(r, M_RES_THREATS_SO_FAR, rs->threats, -1);
	figure(r, M_RES_POTENTIALS, rs->potentials, -1);
	html_raw(b, "</div>\n<p><strong>");
	msg(r, M_RES_ETA);
	html_raw(b, ":</strong> <span id=\"eta\">");
	if (rs->paused)
		msg(r, M_RES_ETA_UNKNOWN);
	else if (rs->setup_done && rs->mb_total > 0 && fin > 0 &&
	    fin < rs->mb_total && rs->elapsed > 0)
		duration(r, rs->elapsed * (rs->mb_total - fin) / fin);
	else if (rs->setup_done && rs->mb_total > 0 && fin >= rs->mb_total)
		msg(r, M_RES_ETA_SOON);
	else
		msg(r, M_RES_ETA_UNKNOWN);
	html_raw(b, "</span></p>\n");
	if (rs->started != NULL) {
		html_raw(b, "<p class=\"aside\">");
		msg(r, M_RES_STARTED);
		html_raw(b, ": ");
		html_text(b, rs->started);
		html_raw(b, " ");
		msg(r, r->lang == LANG_JA ? M_RES_TZ_JST : M_RES_TZ_UTC);
		html_raw(b, "</p>\n");
	}
	html_raw(b, "<form method=\"post\" action=\"/app/cancel\" "
	    "class=\"inline\">\n");
	layout_csrf(r);
	html_raw(b, "<button type=\"submit\">");
	msg(r, M_RES_CANCEL_SCAN);
	html_raw(b, "</button>\n</form>\n</div>\n");
	layout_end(r);
	return 200;
}

/* The list's state from the query: filters, order and the page key. */
struct listq {
	const char	*category;	/* NULL: all */
	const char	*severity;
	const char	*sev_rank;	/* "3" for high */
	const char	*mailbox;	/* mailbox id */
	const char	*sort;		/* new, old, sev */
	const char	*after;		/* detection id */
	const char	*before;
};

static const char *
nonempty(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

static void
listq_read(struct req *r, struct listq *q)
{
	memset(q, 0, sizeof(*q));
	q->category = nonempty(req_query(r, "category"));
	q->severity = nonempty(req_query(r, "severity"));
	q->mailbox = nonempty(req_query(r, "mailbox"));
	q->sort = nonempty(req_query(r, "sort"));
	q->after = nonempty(req_query(r, "after"));
	q->before = nonempty(req_query(r, "before"));
	if (q->sort == NULL)
		q->sort = "new";
	if (q->severity != NULL)
		q->sev_rank = strcmp(q->severity, "high") == 0 ? "3" :
		    strcmp(q->severity, "medium") == 0 ? "2" : "1";
	if (q->after != NULL)
		q->before = NULL;
}

/* A link to /results with the list's filters, order and one key. */
static void
list_href(struct req *r, const struct listq *q, const char *key,
    const char *val)
{
	struct buf	*b = &r->body;
	struct buf	 u = BUF_INIT;

	buf_adds(&u, "/results?");
	if (q->category != NULL) {
		buf_adds(&u, "category=");
		url_encode(&u, q->category);
		buf_addc(&u, '&');
	}
	if (q->severity != NULL) {
		buf_adds(&u, "severity=");
		url_encode(&u, q->severity);
		buf_addc(&u, '&');
	}
	if (q->mailbox != NULL) {
		buf_adds(&u, "mailbox=");
		url_encode(&u, q->mailbox);
		buf_addc(&u, '&');
	}
	buf_adds(&u, "sort=");
	url_encode(&u, q->sort);
	if (key != NULL) {
		buf_addc(&u, '&');
		buf_adds(&u, key);
		buf_addc(&u, '=');
		url_encode(&u, val);
	}
	buf_adds(&u, "#detections");
	html_text(b, u.ptr);
	buf_release(&u);
}

static void
option(struct req *r, const char *value, enum msgid label,
    const char *text, const char *current)
{
	struct buf	*b = &r->body;

	html_raw(b, "<option value=\"");
	html_text(b, value);
	html_raw(b, "\"");
	if ((current == NULL && *value == '\0') ||
	    (current != NULL && strcmp(current, value) == 0))
		html_raw(b, " selected");
	html_raw(b, ">");
	if (text != NULL)
		html_text(b, text);
	else
		msg(r, label);
	html_raw(b, "</option>\n");
}

static int
filter_form(struct req *r, const struct res *rs, const struct listq *q)
{
	struct buf	*b = &r->body;
	PGresult	*res;
	int		 i;

	html_raw(b, "<form method=\"get\" action=\"/results\" id=\"filters\" "
	    "class=\"filters\">\n<label for=\"f-category\">");
	msg(r, M_COL_CATEGORY);
	html_raw(b, "</label><select name=\"category\" id=\"f-category\">\n");
	option(r, "", M_RES_ALL, NULL, q->category);
	for (i = 0; i < RES_NCAT; i++)
		option(r, res_categories[i], cat_msgs[i], NULL, q->category);
	html_raw(b, "</select>\n<label for=\"f-severity\">");
	msg(r, M_COL_SEVERITY);
	html_raw(b, "</label><select name=\"severity\" id=\"f-severity\">\n");
	option(r, "", M_RES_ALL, NULL, q->severity);
	option(r, "high", M_SEV_HIGH, NULL, q->severity);
	option(r, "medium", M_SEV_MEDIUM, NULL, q->severity);
	option(r, "low", M_SEV_LOW, NULL, q->severity);
	html_raw(b, "</select>\n");
	if (strcmp(rs->scope, "org") == 0) {
		res = db_qv(r->db, r->a, STMT_RES_MAILBOX_CHOICES, 2, rs->ids,
		    arena_printf(r->a, "%d", MBOX_CHOICES));
		if (res == NULL)
			return -1;
		html_raw(b, "<label for=\"f-mailbox\">");
		msg(r, M_COL_MAILBOX);
		html_raw(b, "</label><select name=\"mailbox\" "
		    "id=\"f-mailbox\">\n");
		option(r, "", M_RES_ALL, NULL, q->mailbox);
		for (i = 0; i < PQntuples(res); i++)
			option(r, db_get(res, i, "id"), M__MAX,
			    db_get(res, i, "upn"), q->mailbox);
		html_raw(b, "</select>\n");
	}
	html_raw(b, "<label for=\"f-sort\">");
	msg(r, M_RES_SORT);
	html_raw(b, "</label><select name=\"sort\" id=\"f-sort\">\n");
	option(r, "new", M_SORT_NEW, NULL, q->sort);
	option(r, "old", M_SORT_OLD, NULL, q->sort);
	option(r, "sev", M_SORT_SEV, NULL, q->sort);
	html_raw(b, "</select>\n<button type=\"submit\">");
	msg(r, M_RES_APPLY);
	html_raw(b, "</button>\n");
	if (q->category != NULL || q->severity != NULL || q->mailbox != NULL) {
		html_raw(b, "<a href=\"/results#detections\">");
		msg(r, M_RES_CLEAR);
		html_raw(b, "</a>\n");
	}
	html_raw(b, "</form>\n");
	return 0;
}

/*
 * One page of detections by keys.  The statement is chosen by the order
 * and the direction: "before" reads backwards from its key, and the
 * rows are then shown in the page's order.
 */
static PGresult *
list_page(struct req *r, const struct res *rs, const struct listq *q,
    int *more, int *back)
{
	const char	*key = q->after != NULL ? q->after : q->before;
	const char	*p[10], *at = NULL, *id = NULL, *sev = NULL;
	PGresult	*res;
	enum stmt	 s;
	int		 sevsort = strcmp(q->sort, "sev") == 0;
	int		 old = strcmp(q->sort, "old") == 0;

	*back = q->before != NULL;
	if (key != NULL) {
		res = db_qv(r->db, r->a, STMT_RES_CURSOR, 2, key, rs->ids);
		if (res == NULL)
			return NULL;
		if (PQntuples(res) == 1) {
			at = db_get(res, 0, "sort_at");
			sev = db_get(res, 0, "sev_rank");
			id = key;
		} else
			*back = 0;	/* gone: the first page */
	}
	if (sevsort)
		s = *back ? STMT_RES_PAGE_SEV_UP : STMT_RES_PAGE_SEV;
	else if (old)
		s = *back ? STMT_RES_PAGE_NEW : STMT_RES_PAGE_OLD;
	else
		s = *back ? STMT_RES_PAGE_OLD : STMT_RES_PAGE_NEW;
	p[0] = rs->ids;
	p[1] = q->category;
	p[2] = q->sev_rank;
	p[3] = q->mailbox;
	p[4] = res_tz(r);
	p[5] = lang_code(r->lang);
	p[6] = arena_printf(r->a, "%d", PAGE_ROWS + 1);
	p[7] = at;
	p[8] = id;
	p[9] = sev;
	res = db_q(r->db, r->a, s, sevsort ? 10 : 9, p);
	if (res == NULL)
		return NULL;
	*more = PQntuples(res) > PAGE_ROWS;
	return res;
}

/* Text whose lines stay lines. */
static void
lines(struct req *r, const char *s)
{
	const char	*nl;

	while (s != NULL && (nl = strchr(s, '\n')) != NULL) {
		html_textn(&r->body, s, (size_t)(nl - s));
		html_raw(&r->body, "<br>");
		s = nl + 1;
	}
	html_text(&r->body, s);
}

static void
list_row(struct req *r, const PGresult *res, int i, int org)
{
	struct buf	*b = &r->body;
	const char	*subj = db_get(res, i, "subject");
	const char	*sev = db_get(res, i, "severity");
	long long	 nf = db_get_ll(res, i, "nfind", 0);
	enum msgid	 cm = res_cat_msg(db_get(res, i, "category"));

	html_raw(b, "<tr><td class=\"nowrap\">");
	html_text(b, db_get(res, i, "received"));
	html_raw(b, "</td><td>");
	if (org) {
		html_text(b, db_get(res, i, "mailbox"));
		html_raw(b, "</td><td>");
	}
	html_text(b, res_sender(r, db_get(res, i, "sender_name"),
	    db_get(res, i, "sender_address")));
	html_raw(b, "</td><td><a href=\"/results/detection?id=");
	html_text(b, db_get(res, i, "id"));
	html_raw(b, "\">");
	if (subj != NULL && *subj != '\0')
		html_text(b, subj);
	else
		msg(r, M_RES_NO_SUBJECT);
	html_raw(b, "</a></td><td>");
	if (cm != M__MAX)
		msg(r, cm);
	else
		html_text(b, db_get(res, i, "category"));
	html_raw(b, "</td><td class=\"sev-");
	html_text(b, sev);
	html_raw(b, "\">");
	msg(r, res_sev_msg(sev));
	html_raw(b, "</td><td class=\"why\">");
	lines(r, db_get(res, i, "why"));
	if (nf > 3)
		buf_addf(b, " (+%lld)", nf - 3);
	html_raw(b, "</td></tr>\n");
}

static int
detections(struct req *r, const struct res *rs, const struct res_counts *c)
{
	struct buf	*b = &r->body;
	struct listq	 q;
	PGresult	*res;
	long long	 matching;
	int		 more, back, n, i, k, first, last;
	int		 org = strcmp(rs->scope, "org") == 0;

	listq_read(r, &q);
	html_raw(b, "<h2 id=\"detections\">");
	msg(r, M_RES_DETECTED);
	html_raw(b, "</h2>\n");
	if (c->total == 0) {
		layout_p(r, M_RES_NONE, "notice");
		return 0;
	}
	if (filter_form(r, rs, &q) == -1)
		return -1;
	/* How many match: from the counts (page_final computed them
	 * before, for the whole result and per mailbox). */
	if (q.mailbox != NULL) {
		res = db_qv(r->db, r->a, STMT_RES_COUNT_MBOX, 4, rs->ids,
		    q.category, q.sev_rank, q.mailbox);
		if (res == NULL)
			return -1;
		matching = db_get_ll(res, 0, "n", 0);
	} else {
		k = res_cat_index(q.category);
		/* sev_rank is one of our own "1".."3" (query_parse). */
		i = q.sev_rank != NULL ? q.sev_rank[0] - '0' : 0;
		if (k >= 0)
			matching = c->n[k][i];
		else if (i > 0)
			for (matching = 0, k = 0; k < RES_NCAT; k++)
				matching += c->n[k][i];
		else
			matching = c->total;
	}
	html_raw(b, "<p class=\"matching\">");
	msg(r, M_RES_MATCHING);
	html_raw(b, " <strong id=\"matching\">");
	count(r, matching);
	html_raw(b, "</strong></p>\n");
	if ((res = list_page(r, rs, &q, &more, &back)) == NULL)
		return -1;
	n = PQntuples(res);
	if (n > PAGE_ROWS)
		n = PAGE_ROWS;
	if (n == 0) {
		layout_p(r, M_RES_NONE_MATCH, "notice");
		html_raw(b, "<p><a href=\"/results#detections\">");
		msg(r, M_RES_FIRST);
		html_raw(b, "</a></p>\n");
		return 0;
	}
	html_raw(b, "<table class=\"list\" id=\"detection-list\">\n<thead><tr>");
	{
		static const enum msgid cols[] = { M_COL_RECEIVED,
		    M_COL_MAILBOX, M_COL_SENDER, M_COL_SUBJECT,
		    M_COL_CATEGORY, M_COL_SEVERITY, M_COL_WHY };
		size_t	 j;

		for (j = 0; j < nitems(cols); j++) {
			/* One mailbox: no column for it. */
			if (cols[j] == M_COL_MAILBOX && !org)
				continue;
			html_raw(b, "<th scope=\"col\">");
			msg(r, cols[j]);
			html_raw(b, "</th>");
		}
	}
	html_raw(b, "</tr></thead>\n<tbody>\n");
	/* Read backwards: the rows came in reverse order. */
	for (i = 0; i < n; i++)
		list_row(r, res, back ? n - 1 - i : i, org);
	html_raw(b, "</tbody>\n</table>\n<nav class=\"pager\">\n");
	first = back ? n - 1 : 0;
	last = back ? 0 : n - 1;
	/* Previous: when this page was reached from a key, or more rows
	 * lie before it when reading backwards. */
	if ((q.after != NULL) || (back && more)) {
		html_raw(b, "<a rel=\"prev\" href=\"");
		list_href(r, &q, "before", db_get(res, first, "id"));
		html_raw(b, "\">");
		msg(r, M_RES_PREV);
		html_raw(b, "</a>\n");
	}
	if (back || more) {
		html_raw(b, "<a rel=\"next\" href=\"");
		list_href(r, &q, "after", db_get(res, last, "id"));
		html_raw(b, "\">");
		msg(r, M_RES_NEXT);
		html_raw(b, "</a>\n");
	}
	if (q.after != NULL || q.before != NULL) {
		html_raw(b, "<a href=\"");
		list_href(r, &q, NULL, NULL);
		html_raw(b, "\">");
		msg(r, M_RES_FIRST);
		html_raw(b, "</a>\n");
	}
	html_raw(b, "</nav>\n");
	return 0;
}

static int
problems(struct req *r, const struct res *rs)
{
	struct buf	*b = &r->body;
	PGresult	*res;
	const char	*name, *st;
	long long	 total;
	int		 i, n;

	res = db_qv(r->db, r->a, STMT_RES_MAILBOX_PROBLEMS, 2, rs->ids,
	    arena_printf(r->a, "%d", PROBLEMS_MAX));
	if (res == NULL)
		return -1;
	if ((n = PQntuples(res)) == 0)
		return 0;
	total = db_get_ll(res, 0, "total", n);
	html_raw(b, "<h2 id=\"not-scanned\">");
	msg(r, M_RES_PROBLEMS);
	html_raw(b, "</h2>\n<table class=\"list\" id=\"problem-list\">\n"
	    "<thead><tr><th scope=\"col\">");
	msg(r, M_COL_MAILBOX);
	html_raw(b, "</th><th scope=\"col\">");
	msg(r, M_COL_STATE);
	html_raw(b, "</th><th scope=\"col\">");
	msg(r, M_COL_REASON);
	html_raw(b, "</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		name = db_get(res, i, "display_name");
		st = db_get(res, i, "state");
		html_raw(b, "<tr><td>");
		html_text(b, db_get(res, i, "upn"));
		if (name != NULL && *name != '\0') {
			html_raw(b, " <span class=\"aside\">(");
			html_text(b, name);
			html_raw(b, ")</span>");
		}
		html_raw(b, "</td><td>");
		msg(r, strcmp(st, "failed") == 0 ? M_RES_FAILED_N :
		    M_RES_SKIPPED);
		html_raw(b, "</td><td>");
		msg(r, res_reason_msg(db_get(res, i, "reason")));
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody>\n</table>\n");
	if (total > n)
		layout_p(r, M_RES_PROBLEMS_MORE, "aside");
	return 0;
}

/* The two download links (also on the re-run warning). */
void
res_downloads(struct req *r)
{
	struct buf	*b = &r->body;

	html_raw(b, "<ul class=\"downloads\">\n<li><a href=\"/results/"
	    "report.pdf\" download id=\"dl-pdf\">");
	msg(r, M_RES_PDF);
	html_raw(b, "</a></li>\n<li><a href=\"/results/report.csv\" download "
	    "id=\"dl-csv\">");
	msg(r, M_RES_CSV);
	html_raw(b, "</a> <span class=\"aside\">");
	msg(r, M_RES_CSV_NOTE);
	html_raw(b, "</span></li>\n</ul>\n");
}

static int
page_final(struct req *r, const struct res *rs)
{
	struct buf		*b = &r->body;
	struct res_counts	 c;
	enum msgid		 what, todo;
	int			 i;

	if (res_counts(r, rs, &c) == -1)
		return page_error(r, 503, M_ERR_503);
	layout_begin(r, M_RES_TITLE);
	app_header(r);
	if (strcmp(rs->state, "cancelled") == 0)
		layout_p(r, M_RES_CANCELLED, "notice");
	else if (strcmp(rs->state, "failed") == 0) {
		res_fail_msgs(rs->error, &what, &todo);
		html_raw(b, "<div class=\"error\" role=\"alert\" "
		    "id=\"failed\"><p><strong>");
		msg(r, M_RES_FAILED);
		html_raw(b, "</strong> ");
		msg(r, what);
		html_raw(b, "</p><p><strong>");
		msg(r, M_RES_WHAT_NEXT);
		html_raw(b, "</strong> ");
		msg(r, todo);
		html_raw(b, "</p><p>");
		msg(r, M_RES_PARTIAL);
		html_raw(b, "</p></div>\n");
	}

	html_raw(b, "<div class=\"card\" id=\"summary\">\n<dl class=\"kv\">\n");
	dt(r, M_RES_STATUS);
	msg(r, res_state_msg(rs->state));
	html_raw(b, "</dd>\n");
	dt(r, M_RES_SCOPE_LABEL);
	scope_line(r, rs);
	html_raw(b, "</dd>\n");
	dt(r, M_RES_PERIOD);
	html_text(b, rs->wfrom != NULL ? rs->wfrom : "-");
	html_raw(b, " \xe2\x80\x93 ");
	html_text(b, rs->wto != NULL ? rs->wto : "-");
	html_raw(b, "</dd>\n");
	dt(r, M_RES_STARTED);
	html_text(b, rs->started != NULL ? rs->started : "-");
	html_raw(b, "</dd>\n");
	dt(r, M_RES_FINISHED);
	html_text(b, rs->finished != NULL ? rs->finished : "-");
	html_raw(b, "</dd>\n</dl>\n");
	layout_p(r, r->lang == LANG_JA ? M_RES_TZ_JST : M_RES_TZ_UTC, "aside");
	html_raw(b, "<div class=\"figures\">\n");
	figure(r, M_RES_MAILBOXES, rs->mb_done, rs->mb_total);
	figure(r, M_RES_MAILS, rs->msgs, -1);
	figure(r, M_RES_THREATS, rs->threats, -1);
	figure(r, M_RES_POTENTIALS, rs->potentials, -1);
	html_raw(b, "</div>\n");
	if (rs->mb_skipped > 0 || rs->mb_failed > 0) {
		html_raw(b, "<p class=\"aside\"><a href=\"#not-scanned\">");
		msg(r, M_RES_SKIPPED);
		html_raw(b, ": ");
		count(r, rs->mb_skipped);
		html_raw(b, ", ");
		msg(r, M_RES_FAILED_N);
		html_raw(b, ": ");
		count(r, rs->mb_failed);
		html_raw(b, "</a></p>\n");
	}
	html_raw(b, "</div>\n");

	html_raw(b, "<h2>");
	msg(r, M_RES_BY_CATEGORY);
	html_raw(b, "</h2>\n<table class=\"list\" id=\"by-category\">\n<thead>"
	    "<tr><th scope=\"col\">");
	msg(r, M_COL_CATEGORY);
	html_raw(b, "</th><th scope=\"col\">");
	msg(r, M_COL_COUNT);
	html_raw(b, "</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < RES_NCAT; i++) {
		html_raw(b, "<tr><td>");
		if (c.n[i][0] > 0) {
			html_raw(b, "<a href=\"/results?category=");
			html_text(b, res_categories[i]);
			html_raw(b, "#detections\">");
			msg(r, cat_msgs[i]);
			html_raw(b, "</a>");
		} else
			msg(r, cat_msgs[i]);
		html_raw(b, "</td><td data-category=\"");
		html_text(b, res_categories[i]);
		html_raw(b, "\">");
		count(r, c.n[i][0]);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody>\n</table>\n");

	html_raw(b, "<h2>");
	msg(r, M_RES_DOWNLOADS);
	html_raw(b, "</h2>\n");
	res_downloads(r);

	if (detections(r, rs, &c) == -1 || problems(r, rs) == -1) {
		buf_reset(b);
		return page_error(r, 503, M_ERR_503);
	}

	html_raw(b, "<h2>");
	msg(r, M_RES_ACTIONS);
	html_raw(b, "</h2>\n<div class=\"card\" id=\"actions\">\n");
	if (rs->purge != NULL) {
		html_raw(b, "<p>");
		msg(r, M_RES_RETENTION);
		html_raw(b, " <strong>");
		html_text(b, rs->purge);
		html_raw(b, "</strong></p>\n");
	}
	html_raw(b, "<ul>\n<li><a href=\"/results/rescan\" id=\"rescan\">");
	msg(r, M_RES_RESCAN);
	html_raw(b, "</a></li>\n<li><a href=\"/results/delete\" "
	    "id=\"delete\">");
	msg(r, M_RES_DELETE);
	html_raw(b, "</a></li>\n<li><a href=\"/account/delete\" "
	    "id=\"delete-account\">");
	msg(r, M_RES_DELETE_ACCOUNT);
	html_raw(b, "</a></li>\n</ul>\n</div>\n");
	layout_end(r);
	return 200;
}

static int
page_empty(struct req *r)
{
	struct buf	*b = &r->body;

	layout_begin(r, M_RES_TITLE);
	app_header(r);
	if (req_query(r, "deleted") != NULL)
		layout_p(r, M_RES_DELETED, "notice");
	layout_p(r, M_RES_EMPTY, NULL);
	html_raw(b, "<p><a href=\"/app\">");
	msg(r, M_RES_START);
	html_raw(b, "</a></p>\n");
	layout_end(r);
	return 200;
}

int
page_results(struct req *r)
{
	struct res	 rs;
	int		 rc;

	if ((rc = res_load(r, &rs)) == -1)
		return page_error(r, 503, M_ERR_503);
	if (rc == 0)
		return page_empty(r);
	if (strcmp(rs.state, "consenting") == 0 ||
	    strcmp(rs.state, "granted") == 0 ||
	    (strcmp(rs.state, "failed") == 0 && rs.error != NULL &&
	    strcmp(rs.error, "consent") == 0))
		return page_redirect(r, "/app");
	if (strcmp(rs.state, "running") == 0)
		return page_progress(r, &rs);
	return page_final(r, &rs);
}

/* --- one detection ----------------------------------------------------- */

/* Only Outlook on the web's own addresses become a link. */
static int
owa_link_ok(const char *u)
{
	static const char *const ok[] = { "https://outlook.office365.com/",
	    "https://outlook.office.com/", "https://outlook.live.com/" };
	size_t	 i;

	if (u == NULL || strlen(u) > 2048 || !str_valid_utf8(u, strlen(u), 0)
	    || strpbrk(u, " \"'<>\\") != NULL)
		return 0;
	for (i = 0; i < nitems(ok); i++)
		if (str_has_prefix(u, ok[i]))
			return 1;
	return 0;
}

static void
dd_text(struct req *r, enum msgid label, const char *v, int code)
{
	struct buf	*b = &r->body;

	if (v == NULL || *v == '\0')
		return;
	dt(r, label);
	if (code)
		html_raw(b, "<code>");
	html_text(b, v);
	if (code)
		html_raw(b, "</code>");
	html_raw(b, "</dd>\n");
}

int
page_results_detection(struct req *r)
{
	struct buf	*b = &r->body;
	struct res	 rs;
	PGresult	*d, *f;
	const char	*id = nonempty(req_query(r, "id")), *v, *subj;
	int		 rc, i;
	enum msgid	 cm;

	if ((rc = res_load(r, &rs)) == -1)
		return page_error(r, 503, M_ERR_503);
	if (rc == 0 || id == NULL)
		return page_error(r, 404, M_ERR_404);
	d = db_qv(r->db, r->a, STMT_RES_DETECTION, 3, id, rs.ids, res_tz(r));
	if (d == NULL)
		return page_error(r, 503, M_ERR_503);
	if (PQntuples(d) != 1)
		return page_error(r, 404, M_ERR_404);
	f = db_qv(r->db, r->a, STMT_RES_FINDINGS, 2, id, rs.ids);
	if (f == NULL)
		return page_error(r, 503, M_ERR_503);

	layout_begin(r, M_DET_TITLE);
	app_header(r);
	html_raw(b, "<p><a href=\"/results#detections\">");
	msg(r, M_DET_BACK);
	html_raw(b, "</a></p>\n<div class=\"card\" id=\"detection\">\n"
	    "<h2 class=\"subject\">");
	subj = db_get(d, 0, "subject");
	if (subj != NULL && *subj != '\0')
		html_text(b, subj);
	else
		msg(r, M_RES_NO_SUBJECT);
	html_raw(b, "</h2>\n<dl class=\"kv\">\n");
	dt(r, M_DET_VERDICT);
	html_raw(b, "<strong class=\"sev-");
	html_text(b, db_get(d, 0, "severity"));
	html_raw(b, "\">");
	msg(r, res_verdict_msg(db_get(d, 0, "verdict")));
	html_raw(b, "</strong> (");
	msg(r, M_COL_SEVERITY);
	html_raw(b, ": ");
	msg(r, res_sev_msg(db_get(d, 0, "severity")));
	html_raw(b, ", ");
	msg(r, M_DET_SCORE);
	html_raw(b, ": ");
	html_text(b, db_get(d, 0, "score"));
	html_raw(b, ")</dd>\n");
	dt(r, M_COL_CATEGORY);
	cm = res_cat_msg(db_get(d, 0, "category"));
	if (cm != M__MAX)
		msg(r, cm);
	html_raw(b, "</dd>\n");
	dd_text(r, M_COL_RECEIVED, db_get(d, 0, "received"), 0);
	dd_text(r, M_COL_MAILBOX, db_get(d, 0, "mailbox"), 0);
	dd_text(r, M_COL_SENDER, res_sender(r, db_get(d, 0, "sender_name"),
	    db_get(d, 0, "sender_address")), 0);
	dd_text(r, M_DET_RECIPIENTS, db_get(d, 0, "recipients"), 0);
	dd_text(r, M_DET_MSGID, db_get(d, 0, "internet_message_id"), 1);
	html_raw(b, "</dl>\n");
	layout_p(r, r->lang == LANG_JA ? M_RES_TZ_JST : M_RES_TZ_UTC, "aside");
	v = db_get(d, 0, "web_link");
	if (owa_link_ok(v)) {
		html_raw(b, "<p><a class=\"owa\" id=\"owa\" href=\"");
		html_text(b, v);
		html_raw(b, "\" target=\"_blank\" rel=\"noopener noreferrer\">");
		msg(r, M_DET_OWA);
		html_raw(b, "</a></p>\n");
		layout_p(r, M_DET_OWA_NOTE, "aside");
	}
	html_raw(b, "</div>\n<h2>");
	msg(r, M_DET_FINDINGS);
	html_raw(b, "</h2>\n");
	layout_p(r, M_DET_URL_NOTE, "aside");
	for (i = 0; i < PQntuples(f); i++) {
		html_raw(b, "<div class=\"card finding\">\n<h3>");
		cm = res_cat_msg(db_get(f, i, "category"));
		if (cm != M__MAX)
			msg(r, cm);
		html_raw(b, " \xc2\xb7 <span class=\"sev-");
		html_text(b, db_get(f, i, "severity"));
		html_raw(b, "\">");
		msg(r, res_sev_msg(db_get(f, i, "severity")));
		html_raw(b, "</span></h3>\n<p class=\"evidence\">");
		html_text(b, db_get(f, i, r->lang == LANG_JA ? "evidence_ja" :
		    "evidence_en"));
		html_raw(b, "</p>\n<dl class=\"kv\">\n");
		dd_text(r, M_DET_RULE, db_get(f, i, "rule"), 1);
		dd_text(r, M_DET_URL, db_get(f, i, "url"), 1);
		dd_text(r, M_DET_DOMAIN, db_get(f, i, "domain"), 1);
		dd_text(r, M_DET_IMITATES, db_get(f, i, "imitates"), 1);
		dd_text(r, M_DET_ATTACH, db_get(f, i, "attachment_name"), 0);
		dd_text(r, M_DET_TYPE, db_get(f, i, "attachment_type"), 1);
		dd_text(r, M_DET_SHA256, db_get(f, i, "attachment_sha256"), 1);
		html_raw(b, "</dl>\n</div>\n");
	}
	layout_end(r);
	return 200;
}

/* --- re-run and delete -------------------------------------------------- */

static int
confirm_page(struct req *r, enum msgid title, enum msgid warn,
    const char *action, enum msgid button, int offer_downloads, int status)
{
	struct buf	*b = &r->body;

	layout_begin(r, title);
	app_header(r);
	html_raw(b, "<div class=\"card\">\n");
	layout_p(r, warn, "error");
	if (offer_downloads) {
		layout_p(r, M_RESCAN_DOWNLOAD, NULL);
		res_downloads(r);
	}
	html_raw(b, "<form method=\"post\" action=\"");
	html_text(b, action);
	html_raw(b, "\" class=\"inline\" id=\"confirm\">\n");
	layout_csrf(r);
	html_raw(b, "<input type=\"hidden\" name=\"confirm\" value=\"1\">\n"
	    "<button type=\"submit\" class=\"primary danger\">");
	msg(r, button);
	html_raw(b, "</button>\n</form>\n<form method=\"get\" "
	    "action=\"/results\" class=\"inline\"><button type=\"submit\">");
	msg(r, M_CANCEL);
	html_raw(b, "</button></form>\n</div>\n");
	layout_end(r);
	return status;
}

static int
confirmed(struct req *r)
{
	const char	*c = req_field(r, "confirm");

	return r->method == M_POST && c != NULL && strcmp(c, "1") == 0;
}

/*
 * Delete the account's assessment (everything under it cascades:
 * mailboxes, detections, findings, tokens, the cached counts) in one
 * transaction that first locks the row, so that two concurrent re-runs
 * or deletes serialise: the second finds nothing and does nothing.
 * only_final: leave a running scan alone.  1 deleted, 0 nothing to
 * delete, 2 refused (running), -1 error.
 */
static int
delete_result(struct req *r, int only_final)
{
	PGresult	*res;
	const char	*id, *st;

	if (db_begin(r->db) == -1)
		return -1;
	res = db_qv(r->db, r->a, STMT_RES_LOCK, 1,
	    arena_printf(r->a, "%lld", r->account_id));
	if (res == NULL)
		goto fail;
	if (PQntuples(res) == 0) {
		db_rollback(r->db);
		return 0;
	}
	id = arena_strdup(r->a, db_get(res, 0, "id"));
	st = arena_strdup(r->a, db_get(res, 0, "state"));
	if (only_final && strcmp(st, "done") != 0 &&
	    strcmp(st, "failed") != 0 && strcmp(st, "cancelled") != 0) {
		db_rollback(r->db);
		return 2;
	}
	if (db_cmd(r->db, r->a, STMT_RES_DELETE, 1, id) < 0)
		goto fail;
	if (db_commit(r->db) == -1)
		return -1;
	log_info("results: account %lld: assessment %s (%s) deleted",
	    r->account_id, id, st);
	return 1;
fail:
	db_rollback(r->db);
	return -1;
}

int
page_results_rescan(struct req *r)
{
	struct res	 rs;
	int		 rc;

	if ((rc = res_load(r, &rs)) == -1)
		return page_error(r, 503, M_ERR_503);
	if (!confirmed(r)) {
		if (rc == 0)
			return page_redirect(r, "/app");
		if (!res_final(&rs))
			return confirm_page(r, M_RESCAN_TITLE,
			    M_RESCAN_RUNNING, "/results/delete",
			    M_DELETE_CONFIRM, 0, 409);
		return confirm_page(r, M_RESCAN_TITLE, M_RESCAN_WARN,
		    "/results/rescan", M_RESCAN_CONFIRM, 1, 200);
	}
	switch (delete_result(r, 1)) {
	case -1:
		return page_error(r, 503, M_ERR_503);
	case 2:
		return confirm_page(r, M_RESCAN_TITLE, M_RESCAN_RUNNING,
		    "/results/delete", M_DELETE_CONFIRM, 0, 409);
	default:
		/* Deleted now or by a concurrent re-run: the service
		 * choice either way. */
		return page_redirect(r, "/app");
	}
}

int
page_results_delete(struct req *r)
{
	struct res	 rs;
	int		 rc;

	if (!confirmed(r)) {
		if ((rc = res_load(r, &rs)) == -1)
			return page_error(r, 503, M_ERR_503);
		if (rc == 0)
			return page_redirect(r, "/results");
		return confirm_page(r, M_DELETE_TITLE, M_DELETE_WARN,
		    "/results/delete", M_DELETE_CONFIRM, res_final(&rs), 200);
	}
	if (delete_result(r, 0) == -1)
		return page_error(r, 503, M_ERR_503);
	return page_redirect(r, "/results?deleted=1");
}
