/*
 * The downloads (DESIGN.md step 16).  Both need a session and read only
 * the signed-in account's own assessment; both are ready once the scan
 * has ended (409 before, 404 without an assessment).  Their file names
 * carry the date the scan finished: shindan-report-YYYY-MM-DD.pdf,
 * shindan-detections-YYYY-MM-DD.csv.
 *
 * GET /results/report.pdf   an A4 report (report/pdf.c): title, account,
 *                           period and totals, a chart by category, top
 *                           senders, domains, URLs (defanged) and
 *                           attachments, the first PDF_ROWS detections
 *                           with how many more the CSV has, the
 *                           mailboxes not scanned, what to do next.
 * GET /results/report.csv   every detection with every field, RFC 4180,
 *                           UTF-8 with a BOM, formulas defused
 *                           (report/csv.c); streamed from a cursor in
 *                           pages of 1,000 rows within one read-only
 *                           snapshot, so no size is ever held in memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csv.h"
#include "html.h"
#include "log.h"
#include "page_report.h"
#include "pdf.h"
#include "util.h"

#define PDF_ROWS	300
#define TOP_N		10
#define FLUSH_AT	(64u * 1024)

/* 404 without an assessment, 409 while it runs; 0 when ready. */
static int
ready(struct req *r, struct res *rs)
{
	int	 rc;

	if ((rc = res_load(r, rs)) == -1)
		return page_error(r, 503, M_ERR_503);
	if (rc == 0)
		return page_error(r, 404, M_RES_EMPTY);
	if (!res_final(rs) || rs->fdate == NULL)
		return page_error(r, 409, M_REP_NOT_READY);
	return 0;
}

static void
disposition(struct req *r, const char *kind, const struct res *rs,
    const char *ext)
{
	char	 date[16];
	size_t	 i;

	/* The date comes from our own SQL; still only digits and '-'. */
	snprintf(date, sizeof(date), "%s", rs->fdate);
	for (i = 0; date[i] != '\0'; i++)
		if ((date[i] < '0' || date[i] > '9') && date[i] != '-')
			date[i] = '_';
	buf_addf(&r->headers, "Content-Disposition: attachment; "
	    "filename=\"shindan-%s-%s.%s\"\r\n", kind, date, ext);
}

/* --- CSV --------------------------------------------------------------- */

struct csvjob {
	const char	*aid;
	enum lang	 lang;
};

static const enum msgid csv_head[] = {
	M_CSV_ID, M_CSV_RECEIVED, M_CSV_MAILBOX, M_CSV_SENDER_ADDR,
	M_CSV_SENDER_NAME, M_CSV_RECIPIENTS, M_CSV_SUBJECT, M_CSV_MSGID,
	M_CSV_VERDICT, M_CSV_SCORE, M_CSV_CATEGORY, M_CSV_SEVERITY,
	M_CSV_RULES, M_CSV_EVIDENCE, M_CSV_URLS, M_CSV_DOMAINS,
	M_CSV_IMITATES, M_CSV_ATT_NAMES, M_CSV_ATT_SHA256, M_CSV_WEB_LINK
};

/* The cursor's columns, in the order of csv_head. */
static const char *const csv_cols[] = {
	"id", "received", "mailbox", "sender_address", "sender_name",
	"recipients", "subject", "internet_message_id", "verdict", "score",
	"category", "severity", "rules", "evidence", "urls", "domains",
	"imitates", "att_names", "att_hashes", "web_link"
};

static int
flush(struct sink *s, struct buf *b)
{
	if (b->over)
		return -1;
	if (b->len > 0 && s->write(s->ctx, b->ptr, b->len) == -1)
		return -1;
	buf_reset(b);
	return 0;
}

static int
csv_stream(struct req *r, struct sink *s)
{
	struct csvjob	*j = r->stream_ctx;
	struct buf	 out;
	struct csv	 c;
	struct arena	 a;
	PGresult	*res;
	int		 col[nitems(csv_cols)], i, k, n, rc = -1;
	long long	 rows = 0;
	const char	*v;
	enum msgid	 m;

	buf_init(&out, 4u * 1024 * 1024);
	csv_init(&c, &out);
	arena_init(&a, 0);
	csv_bom(&c);
	for (k = 0; k < (int)nitems(csv_head); k++)
		csv_cell(&c, tr(j->lang, csv_head[k]));
	csv_end_row(&c);

	if (db_begin(r->db) == -1)
		goto out;
	if (db_q(r->db, &a, STMT_REP_SNAPSHOT, 0, NULL) == NULL ||
	    db_qv(r->db, &a, STMT_REP_CSV_DECLARE, 4, j->aid,
	    j->lang == LANG_JA ? "09:00" : "00:00",
	    j->lang == LANG_JA ? "+09:00" : "+00:00",
	    lang_code(j->lang)) == NULL)
		goto out;
	for (;;) {
		/* Each batch lives in its own arena, freed before the next:
		 * at most one batch of rows is ever in memory. */
		arena_reset(&a);
		if ((res = db_q(r->db, &a, STMT_REP_CSV_FETCH, 0, NULL)) ==
		    NULL)
			goto out;
		if ((n = PQntuples(res)) == 0)
			break;
		for (k = 0; k < (int)nitems(csv_cols); k++)
			col[k] = PQfnumber(res, csv_cols[k]);
		for (i = 0; i < n; i++) {
			for (k = 0; k < (int)nitems(csv_cols); k++) {
				v = PQgetisnull(res, i, col[k]) ? NULL :
				    PQgetvalue(res, i, col[k]);
				m = M__MAX;
				if (k == 8)
					m = res_verdict_msg(v);
				else if (k == 10)
					m = res_cat_msg(v);
				else if (k == 11)
					m = res_sev_msg(v);
				csv_cell(&c, m != M__MAX ? tr(j->lang, m) : v);
			}
			csv_end_row(&c);
			if (out.len >= FLUSH_AT && flush(s, &out) == -1)
				goto out;
		}
		rows += n;
	}
	if (db_commit(r->db) == -1 || flush(s, &out) == -1)
		goto out;
	log_info("report: csv of assessment %s: %lld rows", j->aid, rows);
	rc = 0;
out:
	if (rc == -1) {
		log_err("report: csv of assessment %s: stopped after %lld "
		    "rows", j->aid, rows);
		db_rollback(r->db);
	}
	arena_release(&a);
	csv_release(&c);
	buf_release(&out);
	return rc;
}

int
page_report_csv(struct req *r)
{
	struct res	 rs;
	struct csvjob	*j;
	int		 st;

	if ((st = ready(r, &rs)) != 0)
		return st;
	j = arena_zalloc(r->a, sizeof(*j));
	j->aid = rs.ids;
	j->lang = r->lang;
	r->ctype = "text/csv; charset=utf-8";
	disposition(r, "detections", &rs, "csv");
	r->stream = csv_stream;
	r->stream_ctx = j;
	return 200;
}

/* --- PDF --------------------------------------------------------------- */

/* hxxps://evil[.]example/path: a URL no reader can follow by accident. */
static const char *
defang(struct req *r, const char *u)
{
	struct buf	 b = BUF_INIT;
	const char	*p = u, *host;
	char		*out;
	size_t		 hl;

	if (str_ncasecmp(p, "http", 4) == 0) {
		buf_adds(&b, "hxxp");
		p += 4;
	}
	host = strstr(p, "://");
	if (host == NULL || host - p > 8) {
		buf_adds(&b, p);
		goto out;
	}
	host += 3;
	buf_add(&b, p, (size_t)(host - p));
	hl = strcspn(host, "/?#");
	for (; hl > 0; hl--, host++)
		if (*host == '.')
			buf_adds(&b, "[.]");
		else
			buf_addc(&b, *host);
	buf_adds(&b, host);
out:
	out = arena_strdup(r->a, b.ptr);
	buf_release(&b);
	return out;
}

static const char *
num(struct req *r, long long n)
{
	struct buf	 b = BUF_INIT;
	char		*s;

	res_count(&b, n);
	s = arena_strdup(r->a, b.ptr);
	buf_release(&b);
	return s;
}

static const char *
T(struct req *r, enum msgid m)
{
	return tr(r->lang, m);
}

/* A two-column table "what, how many" from a top-N statement. */
static int
top_table(struct req *r, struct pdf *p, const struct res *rs, enum stmt s,
    enum msgid title, enum msgid col, int is_url, int with_hash)
{
	struct pdf_col	 cols[3];
	const char	*cells[3];
	PGresult	*res;
	int		 i, nc = 0;

	res = db_qv(r->db, r->a, s, 2, rs->ids,
	    arena_printf(r->a, "%d", TOP_N));
	if (res == NULL)
		return -1;
	if (PQntuples(res) == 0)
		return 0;
	pdf_h2(p, T(r, title));
	memset(cols, 0, sizeof(cols));
	cols[nc].title = T(r, col);
	cols[nc].width = with_hash ? 0.38 : 0.85;
	cols[nc++].lines = 2;
	if (with_hash) {
		cols[nc].title = T(r, M_DET_SHA256);
		cols[nc].width = 0.47;
		cols[nc].lines = 2;
		cols[nc++].mono = 1;
	}
	cols[nc].title = T(r, M_COL_COUNT);
	cols[nc].width = 0.15;
	cols[nc++].lines = 1;
	pdf_table(p, cols, (size_t)nc);
	for (i = 0; i < PQntuples(res); i++) {
		nc = 0;
		cells[nc++] = is_url ? defang(r, db_get(res, i, "k")) :
		    db_get(res, i, "k");
		if (with_hash)
			cells[nc++] = db_get(res, i, "h") != NULL ?
			    db_get(res, i, "h") : "-";
		cells[nc++] = num(r, db_get_ll(res, i, "n", 0));
		pdf_row(p, cells);
	}
	pdf_table_end(p);
	return 0;
}

/* Lines joined into one paragraph (a cell's line limit is per
 * paragraph). */
static const char *
one_line(struct req *r, const char *s)
{
	char	*t, *p;

	if (s == NULL)
		return "";
	t = arena_strdup(r->a, s);
	for (p = t; (p = strchr(p, '\n')) != NULL; p++)
		*p = ' ';
	return t;
}

static int
pdf_detections(struct req *r, struct pdf *p, const struct res *rs,
    long long total)
{
	static const double w[] = { 0.12, 0.15, 0.17, 0.25, 0.11, 0.20 };
	static const enum msgid t[] = { M_COL_RECEIVED, M_COL_MAILBOX,
	    M_COL_SENDER, M_COL_SUBJECT, M_COL_CATEGORY, M_COL_WHY };
	struct pdf_col	 cols[6];
	const char	*cells[6], *par[9], *subj;
	PGresult	*res;
	enum msgid	 cm;
	int		 i, n;

	memset(cols, 0, sizeof(cols));
	for (i = 0; i < 6; i++) {
		cols[i].title = T(r, t[i]);
		cols[i].width = w[i];
		cols[i].lines = 2;
	}
	par[0] = rs->ids;
	par[1] = par[2] = par[3] = NULL;
	par[4] = res_tz(r);
	par[5] = lang_code(r->lang);
	par[6] = arena_printf(r->a, "%d", PDF_ROWS);
	par[7] = par[8] = NULL;
	if ((res = db_q(r->db, r->a, STMT_RES_PAGE_NEW, 9, par)) == NULL)
		return -1;
	n = PQntuples(res);
	pdf_h2(p, T(r, M_RES_DETECTED));
	if (n == 0) {
		pdf_text(p, T(r, M_RES_NONE));
		return 0;
	}
	pdf_small(p, T(r, M_REP_FIRST_N));
	pdf_table(p, cols, 6);
	for (i = 0; i < n; i++) {
		subj = db_get(res, i, "subject");
		cm = res_cat_msg(db_get(res, i, "category"));
		cells[0] = db_get(res, i, "received") != NULL ?
		    db_get(res, i, "received") : "-";
		cells[1] = db_get(res, i, "mailbox");
		cells[2] = res_sender(r, db_get(res, i, "sender_name"),
		    db_get(res, i, "sender_address"));
		cells[3] = subj != NULL && *subj != '\0' ? subj :
		    T(r, M_RES_NO_SUBJECT);
		cells[4] = arena_printf(r->a, "%s\n%s",
		    cm != M__MAX ? T(r, cm) : "",
		    T(r, res_sev_msg(db_get(res, i, "severity"))));
		cells[5] = one_line(r, db_get(res, i, "why"));
		pdf_row(p, cells);
	}
	pdf_table_end(p);
	if (total > n)
		pdf_text(p, arena_printf(r->a, "%s %s %s", T(r, M_REP_MORE),
		    num(r, total - n), T(r, M_REP_MORE_CSV)));
	return 0;
}

static int
pdf_problems(struct req *r, struct pdf *p, const struct res *rs)
{
	static const enum msgid t[] = { M_COL_MAILBOX, M_COL_STATE,
	    M_COL_REASON };
	static const double w[] = { 0.4, 0.15, 0.45 };
	struct pdf_col	 cols[3];
	const char	*cells[3];
	PGresult	*res;
	int		 i;

	res = db_qv(r->db, r->a, STMT_RES_MAILBOX_PROBLEMS, 2, rs->ids, "50");
	if (res == NULL)
		return -1;
	if (PQntuples(res) == 0)
		return 0;
	memset(cols, 0, sizeof(cols));
	for (i = 0; i < 3; i++) {
		cols[i].title = T(r, t[i]);
		cols[i].width = w[i];
		cols[i].lines = 2;
	}
	pdf_h2(p, T(r, M_RES_PROBLEMS));
	pdf_table(p, cols, 3);
	for (i = 0; i < PQntuples(res); i++) {
		cells[0] = db_get(res, i, "upn");
		cells[1] = T(r, strcmp(db_get(res, i, "state"), "failed") == 0 ?
		    M_RES_FAILED_N : M_RES_SKIPPED);
		cells[2] = T(r, res_reason_msg(db_get(res, i, "reason")));
		pdf_row(p, cells);
	}
	pdf_table_end(p);
	return 0;
}

static const char *
now_text(struct req *r)
{
	time_t		 t = time(NULL) + (r->lang == LANG_JA ? 9 * 3600 : 0);
	struct tm	 tm;
	char		 s[64];

	gmtime_r(&t, &tm);
	strftime(s, sizeof(s), "%Y-%m-%d %H:%M", &tm);
	return arena_printf(r->a, "%s %s", s, r->lang == LANG_JA ? "JST" :
	    "UTC");
}

int
page_report_pdf(struct req *r)
{
	struct res		 rs;
	struct res_counts	 c;
	struct pdf		*p;
	const char		*labels[RES_NCAT], *zone;
	long long		 values[RES_NCAT];
	enum msgid		 what, todo;
	int			 st, i;

	if ((st = ready(r, &rs)) != 0)
		return st;
	if (res_counts(r, &rs, &c) == -1)
		return page_error(r, 503, M_ERR_503);
	buf_reset(&r->body);
	zone = r->lang == LANG_JA ? "JST" : "UTC";
	p = pdf_open(&r->body, T(r, M_REP_TITLE), T(r, M_REP_CONFIDENTIAL),
	    T(r, M_REP_PAGE));
	pdf_title(p, arena_printf(r->a, "Shindan \xe2\x80\x94 %s",
	    T(r, M_REP_TITLE)));
	pdf_kv(p, T(r, M_REP_ACCOUNT), r->email);
	pdf_kv(p, T(r, M_RES_SCOPE_LABEL), strcmp(rs.scope, "org") == 0 ?
	    arena_printf(r->a, "%s\n%s", T(r, M_RES_SCOPE_ORG),
	    rs.tenant != NULL ? rs.tenant : "") :
	    arena_printf(r->a, "%s\n%s", T(r, M_RES_SCOPE_MAILBOX),
	    rs.mail != NULL ? rs.mail : rs.upn != NULL ? rs.upn : ""));
	pdf_kv(p, T(r, M_RES_PERIOD), arena_printf(r->a, "%s \xe2\x80\x93 "
	    "%s %s", rs.wfrom != NULL ? rs.wfrom : "-",
	    rs.wto != NULL ? rs.wto : "-", zone));
	pdf_kv(p, T(r, M_RES_STARTED), arena_printf(r->a, "%s %s",
	    rs.started != NULL ? rs.started : "-", zone));
	pdf_kv(p, T(r, M_RES_FINISHED), arena_printf(r->a, "%s %s",
	    rs.finished != NULL ? rs.finished : "-", zone));
	pdf_kv(p, T(r, M_RES_STATUS), T(r, res_state_msg(rs.state)));
	pdf_kv(p, T(r, M_REP_GENERATED), now_text(r));
	if (strcmp(rs.state, "failed") == 0) {
		res_fail_msgs(rs.error, &what, &todo);
		pdf_space(p, 4);
		pdf_text(p, arena_printf(r->a, "%s %s %s %s",
		    T(r, M_RES_FAILED), T(r, what), T(r, M_RES_WHAT_NEXT),
		    T(r, todo)));
	} else if (strcmp(rs.state, "cancelled") == 0)
		pdf_text(p, T(r, M_RES_CANCELLED));

	pdf_h2(p, T(r, M_REP_SUMMARY));
	pdf_kv(p, T(r, M_RES_MAILBOXES), arena_printf(r->a, "%s / %s "
	    "(%s %s, %s %s)", num(r, rs.mb_done), num(r, rs.mb_total),
	    T(r, M_RES_SKIPPED), num(r, rs.mb_skipped), T(r, M_RES_FAILED_N),
	    num(r, rs.mb_failed)));
	pdf_kv(p, T(r, M_RES_MAILS), num(r, rs.msgs));
	pdf_kv(p, T(r, M_RES_THREATS), num(r, rs.threats));
	pdf_kv(p, T(r, M_RES_POTENTIALS), num(r, rs.potentials));

	pdf_h2(p, T(r, M_REP_CHART));
	for (i = 0; i < RES_NCAT; i++) {
		labels[i] = T(r, res_cat_msg(res_categories[i]));
		values[i] = c.n[i][0];
	}
	pdf_bars(p, labels, values, RES_NCAT);

	pdf_h2(p, T(r, M_REP_NEXT));
	pdf_bullet(p, T(r, M_REP_NEXT_1));
	pdf_bullet(p, T(r, M_REP_NEXT_2));
	pdf_bullet(p, T(r, M_REP_NEXT_3));
	pdf_bullet(p, T(r, M_REP_NEXT_4));
	pdf_bullet(p, T(r, M_REP_NEXT_5));

	if (top_table(r, p, &rs, STMT_REP_TOP_SENDERS, M_REP_TOP_SENDERS,
	    M_COL_SENDER, 0, 0) == -1 ||
	    top_table(r, p, &rs, STMT_REP_TOP_DOMAINS, M_REP_TOP_DOMAINS,
	    M_DET_DOMAIN, 0, 0) == -1 ||
	    top_table(r, p, &rs, STMT_REP_TOP_URLS, M_REP_TOP_URLS,
	    M_DET_URL, 1, 0) == -1 ||
	    top_table(r, p, &rs, STMT_REP_TOP_ATTACH, M_REP_TOP_ATTACH,
	    M_DET_ATTACH, 0, 1) == -1 ||
	    pdf_detections(r, p, &rs, c.total) == -1 ||
	    pdf_problems(r, p, &rs) == -1) {
		(void)pdf_close(p);
		buf_reset(&r->body);
		r->ctype = "text/html; charset=utf-8";
		return page_error(r, 503, M_ERR_503);
	}
	if (pdf_close(p) == -1) {
		log_err("report: pdf of assessment %s failed", rs.ids);
		buf_release(&r->body);
		buf_init(&r->body, PAGE_MAX);
		return page_error(r, 500, M_ERR_500);
	}
	r->ctype = "application/pdf";
	disposition(r, "report", &rs, "pdf");
	return 200;
}
