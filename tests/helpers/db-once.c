/*
 * db-once CONNINFO ACCOUNT_ID: for tests/t/47-db-lost.t.  Runs, through
 * lib/db.c and outside a transaction, the statement that records a
 * failed sign-in (an INSERT) and then the one that counts them (a
 * SELECT), and prints one line for each:
 *
 *	signin_fail_add: ok | failed SQLSTATE
 *	signin_failures: ok HOUR | failed SQLSTATE
 *
 * The test puts a proxy between this and PostgreSQL that cuts the
 * connection under one of the two, and checks what db_q did about it.
 */
#include <stdio.h>

#include "arena.h"
#include "db.h"
#include "log.h"

int
main(int argc, char **argv)
{
	struct db	 db;
	struct arena	 a;
	PGresult	*r;

	if (argc != 3) {
		fprintf(stderr, "usage: db-once conninfo account-id\n");
		return 2;
	}
	log_init("db-once");
	arena_init(&a, 0);
	if (db_open(&db, argv[1]) == -1) {
		printf("open: failed\n");
		return 1;
	}
	if (db_cmd(&db, &a, STMT_SIGNIN_FAIL_ADD, 1, argv[2]) == 1)
		printf("signin_fail_add: ok\n");
	else
		printf("signin_fail_add: failed %s\n", db.sqlstate);
	r = db_qv(&db, &a, STMT_SIGNIN_FAILURES, 1, argv[2]);
	if (r != NULL)
		printf("signin_failures: ok %lld\n", db_get_ll(r, 0, "hour", -1));
	else
		printf("signin_failures: failed %s\n", db.sqlstate);
	fflush(stdout);
	arena_release(&a);
	db_close(&db);
	return 0;
}
