/*
 * runner: the structures shared by the parts of shindan-runner.
 *
 * One process per cron tick, one thread: a libcurl multi handle drives
 * every Graph request of every mailbox the runner holds, and one libpq
 * connection does the bookkeeping between transfers.
 *
 *	main.c	 the tick: housekeeping, mailer pass, claim, loop, exit
 *	lease.c	 claiming assessments and mailboxes, heartbeats, fencing,
 *		 cancellation, releasing on the way out
 *	auth.c	 access tokens: delegated refresh under a row lock (the
 *		 rotated refresh token stored in the same transaction),
 *		 app tokens per tenant
 *	graph.c	 the request driver: per-mailbox and global in-flight caps,
 *		 Retry-After gates, backoff with jitter, 401 handling
 *	setup.c	 an assessment's set-up: start, the mailbox list (/users)
 *	mbox.c	 a mailbox: list pages, attachments/MIME via $batch, engine
 *	store.c	 a page's detections, counters and checkpoint, one
 *		 transaction; a mailbox's end; an assessment's end
 *	notify.c the three mails
 *	house.c	 retention and the other housekeeping of each tick
 *	link.c	 the nextLink validator (R-OA-12)
 *
 * Invariants: every write that depends on a claim is fenced by the
 * claim's epoch (0 rows: the claim is lost, the work stops, nothing is
 * kept); a page's findings, counters and checkpoint are committed
 * together; a token is never logged and is wiped when dropped.
 */
#ifndef SHINDAN_SCAN_RUNNER_H
#define SHINDAN_SCAN_RUNNER_H

#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>
#include <curl/curl.h>

#include "arena.h"
#include "buf.h"
#include "conf.h"
#include "crypt.h"
#include "db.h"
#include "engine.h"
#include "mail.h"
#include "msid.h"

#define RESP_MAX	(64u * 1024 * 1024)	/* one Graph answer */
#define BATCH_MAX	20			/* Graph's $batch limit */
#define REQ_TRIES	8			/* failures per request */
#define REQ_THROTTLES	100			/* Retry-After waits per request */
#define PAGES_MAX	2			/* list pages held per mailbox */

struct runner;
struct task;

enum asmt_kind {
	KIND_DELEGATED,
	KIND_APP
};

/* An access token for one assessment, shared by its tasks. */
struct auth {
	long long	 assessment_id;
	enum asmt_kind	 kind;
	char		*tenant;
	char		*token;		/* plain; wiped when dropped */
	int64_t		 expires_ms;	/* wall clock */
	int64_t		 margin_ms;	/* refresh this early */
	unsigned	 version;	/* bumped per new token */
	int		 stale;		/* a 401 answered this version */
	int64_t		 retry_ms;	/* after a temporary failure */
	int		 defer_secs;	/* the work given back for so long */
	int		 dead;		/* cannot get one: the scan fails */
	char		 error[64];	/* why dead */
};

/* An assessment this runner works for (set-up or mailboxes). */
struct asmt {
	long long	 id;
	long long	 account_id;
	enum asmt_kind	 kind;
	char		*window_from;	/* ISO 8601 UTC */
	char		*window_to;
	char		*corr_from;	/* where the sent items read begin */
	struct auth	 auth;
	int		 refs;		/* tasks using it */
	int		 cancelled;
	/* The organisation for the engine (mbox.c, loaded once): its
	 * domains and its people's names, NULL-terminated. */
	int		 org_loaded;
	char		**org_domains;
	char		**org_people;
	struct asmt	*next;
};

enum req_kind {
	REQ_LIST,	/* a page of /messages */
	REQ_BATCH,	/* $batch of attachments or MIME */
	REQ_USERS,	/* a page of /users */
	REQ_SENT	/* a page of sent items' recipients (corr.c) */
};

struct req {
	struct task	*task;
	enum req_kind	 kind;
	char		*url;
	char		*body;		/* POST body, NULL for GET */
	int		 weight;	/* in-flight slots it takes */
	int		 tries;		/* failed answers */
	int		 throttles;	/* 429s (and 503s) with Retry-After */
	int		 auth_tries;	/* 401s in a row */
	int64_t		 not_before;	/* monotonic ms */
	void		*ctx;		/* the caller's; freed with it */
	unsigned	 token_version;
	/* the answer */
	long		 status;
	struct buf	 resp;
	double		 retry_after;	/* seconds, -1 when absent */
	char		 error[CURL_ERROR_SIZE];
	CURL		*easy;
	struct curl_slist *hdrs;
	char		*auth_hdr;	/* wiped when done */
	struct req	*next;		/* in the task's queue */
	struct req	*onext;		/* in the task's in-flight list */
};

enum task_type {
	TASK_SETUP,
	TASK_MBOX
};

struct page;

struct task {
	enum task_type	 type;
	struct runner	*r;
	struct asmt	*as;
	long long	 id;		/* mailbox id (or the assessment's) */
	long long	 epoch;
	int		 attempts;
	char		*user_id;
	char		*upn;
	char		*mail;		/* the mailbox's address, or NULL */
	char		*path;		/* "/me" or "/users/{id}" */
	/* the request queue and the gates */
	struct req	*queue;		/* not started, in order */
	struct req	*out;		/* in flight */
	int		 inflight;	/* slots taken */
	int		 cap;
	int64_t		 not_before;	/* monotonic ms: Retry-After */
	int		 backoff;	/* consecutive failures */
	/* mailbox scanning */
	struct engine_ctx *ectx;	/* the engine's, for this mailbox */
	char		*next_link;	/* next list page, NULL at the end */
	char		*checkpoint;	/* as this task's last commit left it
					   (NULL: from the start) */
	int		 list_out;	/* a list request is queued or out */
	int		 page_size;
	struct page	*pages;		/* in arrival order */
	long		 requests;	/* made, not yet committed */
	int		 finished;	/* done, failed, lost or cancelled */
	int		 stop;		/* release at the next page boundary */
	/* its correspondents, read before the first page (corr.c) */
	int		 corr_read;	/* 1 once read (or given up) */
	int		 sent_pages;
	long		 sent_msgs;
	char		**sent_doms;	/* each sent message's domains once */
	size_t		 nsent_doms;
	char		**corr;		/* NULL-terminated once read */
	struct req	*early;		/* a list page that came before them */
	char		 fail_reason[64];
	struct task	*next;
};

struct runner {
	struct conf	*conf;
	struct keyring	 kr;
	struct db	 db;
	struct msid	 msid;
	int		 msid_ok;
	struct mailer	 mailer;
	struct engine	*eng;
	char		 owner[96];
	CURLM		*multi;
	int		 inflight;	/* slots taken, all tasks */
	int		 list_out;	/* list pages being fetched */
	size_t		 held_bytes;	/* answers held in memory */
	size_t		 avg_page;	/* running mean of a list page */
	struct task	*tasks;
	struct asmt	*asmts;
	int64_t		 t0;		/* monotonic ms at start */
	int64_t		 take_until;	/* takes new work until then */
	int64_t		 stop_at;	/* releases everything then */
	int64_t		 next_beat;
	int64_t		 next_cancel;
	int64_t		 next_claim;
	int		 draining;
	/* figures for the log */
	long		 n_requests;
	long		 n_messages;
	long		 n_pages;
	long		 n_throttled;
	long		 n_retries;
};

extern volatile int	 runner_stopping;	/* SIGTERM/SIGINT */

/* lease.c */
int	 lease_claim_setup(struct runner *);
int	 lease_claim_mailboxes(struct runner *, int max);
int	 lease_heartbeat(struct runner *);
int	 lease_check_cancel(struct runner *);
void	 lease_release(struct runner *, struct task *, int delay_secs,
	    const char *reason);
/* The same, not counted as an attempt (the work was not the trouble). */
void	 lease_defer(struct runner *, struct task *, int delay_secs,
	    const char *reason);
/* auth_get() said -2 or -3 for the assessment: fail it or give back
 * its work. */
void	 lease_auth_lost(struct runner *, struct asmt *);
struct asmt *lease_asmt(struct runner *, long long id);
void	 lease_asmt_unref(struct runner *, struct asmt *);
void	 task_free(struct runner *, struct task *);

/* auth.c: 0 with *token set, -1 not now (the task waits), -2 never (the
 * scan fails: au->error), -3 the token endpoint is down: the work is
 * given back for au->defer_secs (lease_auth_lost() does both). */
int	 auth_get(struct runner *, struct auth *, const char **token);
void	 auth_invalid(struct auth *, unsigned version);
/* 1 when the token in hand may be used now. */
int	 auth_usable(const struct auth *);
void	 auth_drop(struct auth *);

/* graph.c */
int	 graph_init(struct runner *);
void	 graph_free(struct runner *);
struct req *req_new(struct task *, enum req_kind, const char *url,
	    const char *body, int weight);
void	 req_free(struct req *);
void	 graph_queue(struct task *, struct req *, int front);
/* Back off a request whose answer was unusable; 0 requeued, -1 given up. */
int	 graph_retry(struct req *, const char *why);
/* Requeue a throttled request after its Retry-After; -1 given up. */
int	 graph_wait(struct req *, double secs, const char *why);
void	 graph_pause(struct task *, double secs);
void	 graph_cancel(struct runner *, struct task *);
/* Start what may start, wait up to ms for the network, hand finished
 * requests to their tasks. */
int	 graph_step(struct runner *, int ms);
int	 graph_idle(const struct runner *);
double	 graph_backoff(int tries);

/* setup.c */
int	 setup_begin(struct runner *, struct task *, const PGresult *);
void	 setup_done(struct task *, struct req *);

/* mbox.c */
void	 mbox_begin(struct runner *, struct task *);
void	 mbox_done(struct task *, struct req *);
void	 mbox_failed(struct task *, struct req *, const char *reason);
void	 mbox_flush(struct task *);
void	 mbox_org_free(struct asmt *);
void	 mbox_corr_read(struct task *);

/* corr.c: the domains a mailbox writes to, from its sent items */
void	 corr_begin(struct task *);
void	 corr_page(struct task *, struct req *);
void	 corr_free(struct task *);

/* store.c */
/* 1 when the database connection is up.  While it is down the runner
 * tries nothing against it (the tick reconnects, every two seconds at
 * most): no storm of reconnections from every waiting page. */
int	 store_db_up(const struct runner *);
int	 store_page(struct runner *, struct task *, struct page *);
int	 store_mailbox_end(struct runner *, struct task *, const char *state,
	    const char *reason);
int	 store_finalize(struct runner *, long long assessment_id);
int	 store_fail_assessment(struct runner *, const struct task *,
	    const char *reason);
void	 store_sweep(struct runner *);

/* notify.c */
int	 notify_started(struct runner *, struct arena *, long long id);
int	 notify_finished(struct runner *, struct arena *, long long id);

/* house.c */
void	 house_keep(struct runner *);

/* A detected message, as it will be stored (metadata and evidence). */
struct det {
	char			*message_id;
	char			*internet_message_id;
	char			*received_at;
	char			*sender_address;
	char			*sender_name;
	char			*recipients;
	char			*subject;
	char			*web_link;
	enum engine_verdict	 verdict;
	int			 score;
	struct engine_result	 res;
	struct det		*next;
};

/* One page of results, kept until it can be committed. */
struct page {
	struct arena	 a;
	char		*next_link;	/* checkpoint after this page */
	int		 seq;
	int		 pending;	/* messages awaiting extras */
	long		 scanned;
	long		 skipped;
	long		 failed;
	struct det	*dets;		/* detections, newest first */
	cJSON		*held;		/* messages awaiting extras */
	struct page	*next;
};

int64_t	 now_ms(void);

#endif
