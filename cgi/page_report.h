/*
 * page_report: what the results pages (page_results.c), the reports
 * (page_report.c) and the deletions (page_account.c) share.
 *
 * struct res is the signed-in account's assessment as the results show
 * it, with its times already written in the reader's zone (UTC for
 * English, Japan time for Japanese).  Strings point into the request's
 * arena (or are NULL for SQL NULL).
 */
#ifndef SHINDAN_PAGE_REPORT_H
#define SHINDAN_PAGE_REPORT_H

#include "portal.h"

#define RES_NCAT	7

struct res {
	long long	 id;
	const char	*ids;		/* id as text, for parameters */
	const char	*scope, *state, *tenant, *upn, *mail, *error;
	const char	*wfrom, *wto, *started, *finished, *fdate, *purge;
	long long	 elapsed;
	long long	 mb_total, mb_done, mb_skipped, mb_failed;
	long long	 msgs, threats, potentials;
	int		 setup_done;
	int		 paused;	/* Microsoft's token endpoint is down */
};

/* Detections by category and severity rank (1 low .. 3 high). */
struct res_counts {
	long long	 n[RES_NCAT][4];
	long long	 total;
};

extern const char *const res_categories[RES_NCAT];

/* 1 and the account's assessment, 0 none, -1 database error. */
int		 res_load(struct req *, struct res *);
/* 1 when the assessment has ended (done, failed, cancelled). */
int		 res_final(const struct res *);
/* 0 or -1; cached for a finished assessment (result_summary). */
int		 res_counts(struct req *, const struct res *,
		    struct res_counts *);
/* The reader's zone as an interval for AT TIME ZONE, and its offset. */
const char	*res_tz(const struct req *);
const char	*res_tz_offset(const struct req *);
/* Index into res_categories, or -1. */
int		 res_cat_index(const char *);
enum msgid	 res_cat_msg(const char *);
enum msgid	 res_sev_msg(const char *);
enum msgid	 res_verdict_msg(const char *);
enum msgid	 res_state_msg(const char *);
/* Why a mailbox was not scanned, in words. */
enum msgid	 res_reason_msg(const char *);
/* Why an assessment failed, and what to do next. */
void		 res_fail_msgs(const char *error, enum msgid *what,
		    enum msgid *todo);
/* 1234567 as "1,234,567". */
void		 res_count(struct buf *, long long);
/* The links to the PDF and the CSV. */
void		 res_downloads(struct req *);
/* "Sender Name <address>", or whichever is present. */
const char	*res_sender(struct req *, const char *name, const char *addr);

#endif
