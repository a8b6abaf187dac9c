/*
 * shindan-runner: one tick of the scan runner, started by cron every
 * minute (deploy/shindan.cron); any number may run at once, on any
 * number of hosts sharing the database.
 *
 *	shindan-runner [-c config]
 *
 * A tick does the housekeeping (house.c), delivers due mail (the same
 * pass as shindan-mailer, so a failed mail is retried even where no
 * mailer daemon runs), then works: it claims assessments whose start
 * has come and mailboxes of running assessments (lease.c) for
 * runner_budget seconds, and scans the mailboxes it holds to their end
 * with every Graph request on one curl multi handle (graph.c, mbox.c).
 * Later ticks leave what it holds alone and take the rest, so a tenant's
 * mailboxes spread over every runner that is up.  It exits when it has
 * nothing left.  SIGTERM or SIGINT, or an hour of work: it stops taking
 * requests, commits the pages it has, gives its leases back and exits
 * (within 20 seconds; what it could not commit is redone from the
 * checkpoint by the next runner).  SIGKILL at any moment loses nothing:
 * its leases expire after runner_lease seconds.
 *
 * Exit status: 0 after a tick (whatever the scans found), 1 when it
 * cannot start (configuration, keys, database).
 */
#include <sys/prctl.h>
#include <sys/resource.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine_sandbox.h"
#include "log.h"
#include "runner.h"
#include "util.h"

#define DRAIN_MS	20000
#define HARD_STOP_S	3600
#define SETUP_MAX	4
#define CLAIM_STEP	8	/* mailboxes claimed at a time */

volatile int	 runner_stopping;

static void
on_stop(int sig)
{
	(void)sig;
	runner_stopping = 1;
}

static int
count_tasks(const struct runner *r, enum task_type type)
{
	const struct task	*t;
	int			 n = 0;

	for (t = r->tasks; t != NULL; t = t->next)
		if (t->type == type && !t->finished)
			n++;
	return n;
}

/* 1 when the database answers; while it does not, a reconnection is
 * tried every two seconds at most, never in a busy loop. */
static int
db_ok(struct runner *r, int64_t now)
{
	static int64_t	 next_try;
	static int	 down;

	if (r->db.conn != NULL && PQstatus(r->db.conn) == CONNECTION_OK) {
		if (down)
			log_info("runner: database connection back");
		down = 0;
		return 1;
	}
	if (now < next_try)
		return 0;
	next_try = now + 2000;
	if (!down)
		log_warn("runner: database connection lost; reconnecting");
	down = 1;
	if (r->db.conn == NULL)
		r->db.conn = PQconnectdb(r->db.conninfo);
	else
		PQreset(r->db.conn);
	r->db.in_tx = 0;
	return PQstatus(r->db.conn) == CONNECTION_OK;
}

/*
 * Claim what this runner has room for, a few mailboxes at a time (every
 * quarter of a second while it gets some): runners started together,
 * or on other hosts, take turns and share a tenant instead of the first
 * one holding all of it.  1 when something was taken.
 */
static int
claim(struct runner *r)
{
	int	 got = 0, room, n;

	while (count_tasks(r, TASK_SETUP) < SETUP_MAX &&
	    (n = lease_claim_setup(r)) == 1)
		got = 1;
	room = r->conf->graph_inflight - count_tasks(r, TASK_MBOX);
	if (room > CLAIM_STEP)
		room = CLAIM_STEP;
	if (room > 0 && (n = lease_claim_mailboxes(r, room)) > 0)
		got = 1;
	return got;
}

/* Assessments whose token cannot be had any more: failed, once. */
static void
dead_auths(struct runner *r)
{
	struct asmt	*as;

	for (as = r->asmts; as != NULL; as = as->next)
		if (as->auth.dead && !as->cancelled)
			lease_auth_lost(r, as);	/* fenced by a claim held */
}

static int
setups_pending(struct runner *r)
{
	struct arena	 a;
	PGresult	*res;
	int		 yes;

	arena_init(&a, 0);
	res = db_qv(&r->db, &a, STMT_RUN_SETUPS_PENDING, 0);
	yes = res != NULL && db_get_bool(res, 0, "pending");
	arena_release(&a);
	return yes;
}

static void
start_drain(struct runner *r)
{
	struct task	*t;

	r->draining = 1;
	r->stop_at = now_ms() + DRAIN_MS;
	log_info("runner: stopping: committing what is in hand");
	for (t = r->tasks; t != NULL; t = t->next) {
		t->stop = 1;
		if (t->type == TASK_SETUP && !t->finished) {
			graph_cancel(r, t);
			lease_release(r, t, 0, NULL);
			t->finished = 1;
		}
	}
}

/* Free finished tasks; give back stopped ones with nothing in hand. */
static void
reap(struct runner *r, int force)
{
	struct task	*t, *n;

	for (t = r->tasks; t != NULL; t = n) {
		n = t->next;
		if (!t->finished && t->as->cancelled)
			t->finished = 1;
		if (!t->finished && t->stop && (force || (t->pages == NULL &&
		    t->out == NULL && t->queue == NULL))) {
			graph_cancel(r, t);
			lease_release(r, t, 0, NULL);
			t->finished = 1;
		}
		if (t->finished)
			task_free(r, t);
	}
}

static void
run(struct runner *r)
{
	struct task	*t;
	int64_t		 now, next_mail = now_ms() + 30000;
	int		 claimed = 0;

	for (;;) {
		now = now_ms();
		if (!r->draining && (runner_stopping || now >= r->stop_at))
			start_drain(r);
		if (r->draining && now >= r->stop_at) {
			reap(r, 1);
			break;
		}
		/* Each step again only while the database answers: one that
		 * fails leaves the reconnection to db_ok(). */
		if (db_ok(r, now)) {
			if (!r->draining && now < r->take_until &&
			    now >= r->next_claim) {
				claimed = claim(r);
				r->next_claim = now + (claimed ? 250 : 1000);
			}
			if (now >= r->next_beat && store_db_up(r)) {
				lease_heartbeat(r);
				r->next_beat = now +
				    r->conf->runner_lease * 1000L / 3;
			}
			if (now >= r->next_cancel && store_db_up(r)) {
				lease_check_cancel(r);
				dead_auths(r);
				r->next_cancel = now + 1000;
			}
			/* Every mailbox: its complete pages committed, its
			 * next page asked for when the memory budget has room
			 * again (a mailbox claimed while the budget was full
			 * has nothing else that would start it). */
			for (t = r->tasks; t != NULL; t = t->next)
				if (t->type == TASK_MBOX && !t->finished)
					mbox_flush(t);
			if (now >= next_mail && store_db_up(r)) {
				(void)mailer_pass(&r->mailer, &r->db);
				next_mail = now + 30000;
			}
		}
		reap(r, 0);
		if (r->tasks == NULL) {
			if (r->draining || now >= r->take_until)
				break;
			/* Nothing here: look once more (a set-up that just
			 * ended here or elsewhere has queued its mailboxes),
			 * then stay only while another runner is listing
			 * mailboxes that this one could share. */
			if (!claimed && db_ok(r, now))
				claimed = claim(r);
			if (!claimed && !setups_pending(r))
				break;
			r->next_claim = claimed ? 0 : now + 250;
			if (!claimed)
				usleep(250 * 1000);
			continue;
		}
		graph_step(r, 100);
	}
}

int
main(int argc, char *argv[])
{
	struct runner	 r;
	struct conf	 conf;
	struct rlimit	 rl = { 0, 0 };
	struct rusage	 ru;
	struct sigaction sa;
	const char	*cpath = NULL;
	char		 host[64], rnd[9];
	unsigned char	 rb[4];
	int		 ch;

	engine_sandbox_child(argc, argv);	/* returns unless the child */
	log_init("shindan-runner");
	while ((ch = getopt(argc, argv, "c:")) != -1) {
		switch (ch) {
		case 'c':
			cpath = optarg;
			break;
		default:
			fprintf(stderr, "usage: shindan-runner [-c config]\n");
			return 2;
		}
	}
	memset(&r, 0, sizeof(r));
	if (conf_load(&conf, conf_path(cpath)) == -1)
		return 1;
	r.conf = &conf;
	setrlimit(RLIMIT_CORE, &rl);
	prctl(PR_SET_DUMPABLE, 0);
	/* The engine's sandboxed child first, while nothing secret is
	 * loaded (it is a fresh program anyway: engine_sandbox.h). */
	if ((r.eng = engine_open(&conf)) == NULL) {
		log_err("runner: cannot start the engine");
		return 1;
	}
	if (crypt_init() == -1 || crypt_keyring_load(&r.kr, conf.key_file) == -1)
		return 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (gethostname(host, sizeof(host)) == -1)
		snprintf(host, sizeof(host), "host");
	host[sizeof(host) - 1] = '\0';
	crypt_random(rb, sizeof(rb));
	hex_encode(rb, sizeof(rb), rnd);
	snprintf(r.owner, sizeof(r.owner), "%s:%d:%s", host, (int)getpid(),
	    rnd);
	if (db_open(&r.db, conf.database) == -1)
		return 1;
	if (msid_init(&r.msid, &conf) == 0)
		r.msid_ok = 1;
	else
		log_err("runner: no Microsoft client credentials: scans wait");
	if (mailer_init(&r.mailer, &conf, &r.kr) == -1)
		return 1;
	if (graph_init(&r) == -1) {
		log_err("runner: cannot start libcurl");
		return 1;
	}
	r.t0 = now_ms();
	r.take_until = r.t0 + conf.runner_budget * 1000L;
	r.stop_at = r.t0 + HARD_STOP_S * 1000L;
	log_debug("runner: tick as %s (engine %s)", r.owner,
	    engine_name(r.eng));

	house_keep(&r);
	store_sweep(&r);
	(void)mailer_pass(&r.mailer, &r.db);
	run(&r);
	if (db_ok(&r, now_ms())) {
		store_sweep(&r);
		(void)mailer_pass(&r.mailer, &r.db);
	}

	getrusage(RUSAGE_SELF, &ru);
	if (r.n_requests > 0 || r.n_messages > 0)
		log_info("runner: tick: %ld messages, %ld pages, %ld requests "
		    "(%.1f per 1000 messages), %ld throttled, %ld retries, "
		    "%.1f s, cpu %.1f s, peak %ld MB", r.n_messages, r.n_pages,
		    r.n_requests, r.n_messages > 0 ? 1000.0 *
		    (double)r.n_requests / (double)r.n_messages : 0.0,
		    r.n_throttled, r.n_retries,
		    (double)(now_ms() - r.t0) / 1000.0,
		    (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
		    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
		    ru.ru_maxrss / 1024);
	graph_free(&r);
	engine_close(r.eng);
	mailer_free(&r.mailer);
	msid_free(&r.msid);
	db_close(&r.db);
	crypt_keyring_wipe(&r.kr);
	conf_free(&conf);
	return 0;
}
