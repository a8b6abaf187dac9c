/*
 * shindan-mailer: delivers the outbox as soon as a row is committed.
 *
 *	shindan-mailer [-c config] [-1]
 *
 * It LISTENs on the shindan_outbox channel (a trigger notifies on every
 * insert), so a mail leaves within a second of the transaction that
 * queued it; it also wakes when the next retry is due, and at least
 * once a minute.  -1 runs one pass and exits.  SIGTERM or SIGINT: it
 * finishes the mail in hand and exits.  A lost database connection is
 * re-established with backoff; nothing is lost meanwhile, since the
 * rows wait in PostgreSQL.
 */
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/select.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "mail.h"
#include "util.h"

static volatile sig_atomic_t	 stopping;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static int
connect_listen(struct db *db, const char *conninfo)
{
	struct arena	 a;
	int		 rc;

	if (db->conn != NULL)
		db_close(db);
	if (db_open(db, conninfo) == -1)
		return -1;
	arena_init(&a, 0);
	rc = db_q(db, &a, STMT_LISTEN_OUTBOX, 0, NULL) == NULL ? -1 : 0;
	arena_release(&a);
	return rc;
}

static void
wait_for(struct db *db, double secs)
{
	struct timeval	 tv;
	fd_set		 fds;
	PGnotify	*n;
	int		 fd = PQsocket(db->conn);

	if (fd < 0) {
		sleep(1);
		return;
	}
	FD_ZERO(&fds);
	FD_SET(fd, &fds);
	tv.tv_sec = (time_t)secs;
	tv.tv_usec = (suseconds_t)((secs - (double)tv.tv_sec) * 1e6);
	if (select(fd + 1, &fds, NULL, NULL, &tv) > 0) {
		PQconsumeInput(db->conn);
		while ((n = PQnotifies(db->conn)) != NULL)
			PQfreemem(n);
	}
}

int
main(int argc, char *argv[])
{
	struct conf	 conf;
	struct keyring	 kr;
	struct mailer	 m;
	struct db	 db;
	struct rlimit	 rl = { 0, 0 };
	struct sigaction sa;
	const char	*cpath = NULL;
	int		 ch, once = 0, fails = 0;

	log_init("shindan-mailer");
	while ((ch = getopt(argc, argv, "c:1")) != -1) {
		switch (ch) {
		case 'c':
			cpath = optarg;
			break;
		case '1':
			once = 1;
			break;
		default:
			fprintf(stderr, "usage: shindan-mailer [-c config] [-1]\n");
			return 2;
		}
	}
	memset(&kr, 0, sizeof(kr));
	if (conf_load(&conf, conf_path(cpath)) == -1) {
		conf_free(&conf);
		return 1;
	}
	if (crypt_init() == -1 || crypt_keyring_load(&kr, conf.key_file) == -1 ||
	    mailer_init(&m, &conf, &kr) == -1) {
		crypt_keyring_wipe(&kr);
		conf_free(&conf);
		return 1;
	}
	setrlimit(RLIMIT_CORE, &rl);
	/* Keys and tokens in memory: no core, no ptrace by the same user. */
	prctl(PR_SET_DUMPABLE, 0);
	/* No SA_RESTART: select() must return when a signal arrives. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	memset(&db, 0, sizeof(db));
	if (once) {
		ch = db_open(&db, conf.database) == -1 ||
		    mailer_pass(&m, &db) < 0;
		db_close(&db);
		mailer_free(&m);
		crypt_keyring_wipe(&kr);
		conf_free(&conf);
		return ch;
	}
	log_info("mailer: started");
	while (!stopping) {
		if (db.conn == NULL || PQstatus(db.conn) != CONNECTION_OK) {
			if (connect_listen(&db, conf.database) == -1) {
				/* 1, 2, 4 ... 30 s: no busy loop while
				 * PostgreSQL is away. */
				sleep(fails < 5 ? 1u << fails : 30);
				fails++;
				continue;
			}
			if (fails > 0)
				log_info("mailer: database connection back");
			fails = 0;
		}
		if (mailer_pass(&m, &db) < 0 && db_conn_lost(&db)) {
			db_close(&db);
			continue;
		}
		if (stopping)
			break;
		wait_for(&db, mailer_next_due(&m, &db, 60.0));
	}
	db_close(&db);
	mailer_free(&m);
	crypt_keyring_wipe(&kr);
	conf_free(&conf);
	log_info("mailer: stopped");
	return 0;
}
