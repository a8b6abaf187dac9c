/*
 * shindan-admin: install-time and maintenance commands.
 *
 *	shindan-admin [-c config] migrate [-d sql_dir]
 *	shindan-admin keygen FILE
 *	shindan-admin [-c config] check
 *
 * migrate applies the numbered files of sql/ not yet recorded in the
 * schema_migration table, each once, in order, in its own transaction.
 * keygen writes a new key file (mode 0600) for sealing secrets.  check
 * loads the configuration, the key file and the secrets it names, and
 * connects to the database, saying what is wrong.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "crypt.h"
#include "db.h"
#include "log.h"

static void
usage(void)
{
	fprintf(stderr, "usage: shindan-admin [-c config] migrate "
	    "[-d sql_dir]\n       shindan-admin keygen FILE\n"
	    "       shindan-admin [-c config] check\n");
	exit(2);
}

static int
cmd_migrate(struct conf *c, int argc, char *argv[])
{
	struct db	 db;
	const char	*dir = c->sql_dir;
	int		 ch, rc;

	optind = 1;
	while ((ch = getopt(argc, argv, "d:")) != -1) {
		if (ch != 'd')
			usage();
		dir = optarg;
	}
	if (db_open(&db, c->database) == -1)
		return 1;
	rc = db_migrate(&db, dir, 1);
	db_close(&db);
	if (rc == 0)
		log_info("migrate: schema is current");
	return rc == 0 ? 0 : 1;
}

static int
cmd_check(struct conf *c)
{
	struct keyring	 kr;
	struct db	 db;
	char		*s;
	int		 bad = 0;

	if (crypt_keyring_load(&kr, c->key_file) == -1)
		bad = 1;
	else
		crypt_keyring_wipe(&kr);
	if (*c->ms_client_secret_file != '\0') {
		if ((s = conf_secret(c->ms_client_secret_file)) == NULL)
			bad = 1;
		free(s);
	}
	if (*c->smtp_password_file != '\0') {
		if ((s = conf_secret(c->smtp_password_file)) == NULL)
			bad = 1;
		free(s);
	}
	if (db_open(&db, c->database) == -1 || !db_ping(&db))
		bad = 1;
	db_close(&db);
	if (!bad)
		log_info("check: configuration %s is usable", c->path);
	return bad;
}

int
main(int argc, char *argv[])
{
	struct conf	 c;
	const char	*cpath = NULL;
	int		 ch, rc;

	log_init("shindan-admin");
	while ((ch = getopt(argc, argv, "+c:")) != -1) {
		if (ch != 'c')
			usage();
		cpath = optarg;
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	if (crypt_init() == -1)
		return 1;
	if (strcmp(argv[0], "keygen") == 0) {
		if (argc != 2)
			usage();
		if (crypt_keyring_create(argv[1]) == -1)
			return 1;
		log_info("keygen: wrote %s", argv[1]);
		return 0;
	}
	if (conf_load(&c, conf_path(cpath)) == -1)
		return 1;
	if (strcmp(argv[0], "migrate") == 0)
		rc = cmd_migrate(&c, argc, argv);
	else if (strcmp(argv[0], "check") == 0)
		rc = cmd_check(&c);
	else
		usage();
	conf_free(&c);
	return rc;
}
