/* db: the PQexecParams wrapper, transactions and migrations. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "log.h"
#include "util.h"

#define DB_MAX_PARAMS	32

static void
db_clear(void *p)
{
	PQclear(p);
}

int
db_open(struct db *db, const char *conninfo)
{
	memset(db, 0, sizeof(*db));
	db->conninfo = xstrdup(conninfo);
	db->conn = PQconnectdb(conninfo);
	if (PQstatus(db->conn) != CONNECTION_OK) {
		log_err("db: connect: %s", PQerrorMessage(db->conn));
		return -1;
	}
	return 0;
}

void
db_close(struct db *db)
{
	if (db->conn != NULL)
		PQfinish(db->conn);
	free(db->conninfo);
	memset(db, 0, sizeof(*db));
}

/* The SQLSTATE of a failure (08006 when the connection is gone without
 * one, XX000 when there is none). */
static void
db_state(struct db *db, const PGresult *r)
{
	const char	*st;

	st = r != NULL ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	snprintf(db->sqlstate, sizeof(db->sqlstate), "%s",
	    st != NULL ? st : (PQstatus(db->conn) == CONNECTION_BAD ?
	    "08006" : "XX000"));
}

/* Log a failure whose state db_state() noted; retried: not an error. */
static void
db_log(struct db *db, const char *name, const PGresult *r, int retried)
{
	const char	*msg;
	char		 line[512];
	size_t		 n;

	msg = r != NULL ? PQresultErrorMessage(r) : PQerrorMessage(db->conn);
	snprintf(line, sizeof(line), "%s", msg != NULL ? msg : "");
	n = strcspn(line, "\n");
	line[n] = '\0';
	/* A unique violation is an answer the caller expects, not news. */
	if (strcmp(db->sqlstate, "23505") == 0)
		log_debug("db: %s: %s", name, line);
	else if (retried)
		log_info("db: %s: %s; the connection broke: once more on a "
		    "new one", name, line);
	else
		log_err("db: %s: %s", name, line);
}

/* A new connection in place of a broken one.  0, or -1 (logged). */
static int
db_reconnect(struct db *db)
{
	if (db->conninfo == NULL)
		return -1;
	if (db->conn == NULL)
		db->conn = PQconnectdb(db->conninfo);
	else
		PQreset(db->conn);
	if (PQstatus(db->conn) != CONNECTION_OK)
		return -1;
	log_info("db: reconnected");
	return 0;
}

/*
 * Outside a transaction: has the server closed this connection since its
 * last statement (a restart, an administrator's pg_terminate_backend)?
 * Its socket then holds the end of the stream (and often the server's
 * FATAL message), which PQconsumeInput() reads without a round trip and
 * without blocking; PQstatus() then says CONNECTION_BAD, and the
 * statement runs on a new connection instead of failing on the old one.
 */
static void
db_check(struct db *db)
{
	if (db->conn != NULL && PQstatus(db->conn) == CONNECTION_OK &&
	    PQtransactionStatus(db->conn) == PQTRANS_IDLE)
		(void)PQconsumeInput(db->conn);
}

/*
 * A statement that failed because its connection broke is run again,
 * once, on a new connection, when nothing is lost or repeated by doing
 * so: outside a transaction, or first in a transaction that has done
 * nothing else yet (BEGIN is run again first); outside one, only when
 * it is known not to have taken effect (db_not_done).  Never COMMIT or
 * ROLLBACK, and never a statement of a transaction that already did
 * work: its earlier statements went with the old connection, and
 * whether a COMMIT took effect cannot be known; the caller redoes the
 * whole unit (every unit of work is idempotent: dedupe keys, epochs,
 * checkpoints).
 */
static int
db_may_retry(const struct db *db, enum stmt s)
{
	if (s == STMT_COMMIT || s == STMT_ROLLBACK)
		return 0;
	return !db->in_tx || db->tx_work == 0;
}

/*
 * Outside a transaction a statement is one of its own, committed as it
 * ends; when its connection broke under it, was it done?  Not when the
 * server said it ended the session (57P01..57P03 in the answer: the
 * statement was cut and rolled back).  When the connection went without
 * a word, it may have committed before its answer was lost: only a
 * SELECT, which changes nothing, is safe to run again.  1 when running
 * it again repeats nothing.
 */
static int
db_not_done(const struct db *db, enum stmt s)
{
	const char	*sql = stmt_sql(s);

	if (strncmp(db->sqlstate, "57P0", 4) == 0)
		return 1;
	while (*sql == ' ' || *sql == '\t' || *sql == '\n')
		sql++;
	return strncasecmp(sql, "SELECT", 6) == 0;
}

PGresult *
db_q(struct db *db, struct arena *a, enum stmt s, int n,
    const char *const *params)
{
	PGresult	*r;
	ExecStatusType	 st;
	int		 tries, retry;

	if ((int)s < 0 || s >= STMT__MAX || n > DB_MAX_PARAMS)
		abort();
	db->sqlstate[0] = '\0';
	if (!db->in_tx)
		db_check(db);
	for (tries = 0; tries < 2; tries++) {
		if (db->conn == NULL || PQstatus(db->conn) == CONNECTION_BAD ||
		    tries > 0) {
			/* A transaction does not survive its connection:
			 * only one that has done nothing yet starts again. */
			if (!db_may_retry(db, s) || db_reconnect(db) == -1)
				break;
			if (db->in_tx) {
				r = PQexecParams(db->conn, stmt_sql(STMT_BEGIN),
				    0, NULL, NULL, NULL, NULL, 0);
				st = PQresultStatus(r);
				PQclear(r);
				if (st != PGRES_COMMAND_OK)
					break;
			}
		}
		r = PQexecParams(db->conn, stmt_sql(s), n, NULL, params, NULL,
		    NULL, 0);
		st = PQresultStatus(r);
		if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
			if (db->in_tx)
				db->tx_work++;
			arena_defer(a, db_clear, r);
			return r;
		}
		db_state(db, r);
		/* Once more, on a new connection, when the old one broke
		 * under the statement (the result is then NULL or a fatal
		 * error of class 08 or 57P01..57P03, or libpq found the
		 * connection bad) and doing so repeats nothing. */
		retry = tries == 0 && db_conn_lost(db) && db_may_retry(db, s) &&
		    (db->in_tx || db_not_done(db, s));
		db_log(db, stmt_name(s), r, retry);
		PQclear(r);
		if (!retry)
			return NULL;
	}
	if (db->sqlstate[0] == '\0') {
		db_state(db, NULL);
		db_log(db, stmt_name(s), NULL, 0);
	}
	return NULL;
}

PGresult *
db_qv(struct db *db, struct arena *a, enum stmt s, int n, ...)
{
	const char	*p[DB_MAX_PARAMS];
	va_list		 ap;
	int		 i;

	if (n > DB_MAX_PARAMS)
		abort();
	va_start(ap, n);
	for (i = 0; i < n; i++)
		p[i] = va_arg(ap, const char *);
	va_end(ap);
	return db_q(db, a, s, n, p);
}

long
db_cmd(struct db *db, struct arena *a, enum stmt s, int n, ...)
{
	const char	*p[DB_MAX_PARAMS], *t;
	PGresult	*r;
	va_list		 ap;
	int		 i;

	if (n > DB_MAX_PARAMS)
		abort();
	va_start(ap, n);
	for (i = 0; i < n; i++)
		p[i] = va_arg(ap, const char *);
	va_end(ap);
	if ((r = db_q(db, a, s, n, p)) == NULL)
		return -1;
	if (PQresultStatus(r) == PGRES_TUPLES_OK)
		return PQntuples(r);
	t = PQcmdTuples(r);
	return *t == '\0' ? 0 : strtol(t, NULL, 10);
}

static int
db_simple(struct db *db, enum stmt s)
{
	struct arena	 a;
	int		 rc;

	arena_init(&a, 0);
	rc = db_q(db, &a, s, 0, NULL) == NULL ? -1 : 0;
	arena_release(&a);
	return rc;
}

int
db_begin(struct db *db)
{
	if (db->in_tx)
		abort();
	if (db_simple(db, STMT_BEGIN) == -1)
		return -1;
	db->in_tx = 1;
	db->tx_work = 0;
	return 0;
}

int
db_commit(struct db *db)
{
	int	 rc;

	if (!db->in_tx)
		abort();
	rc = db_simple(db, STMT_COMMIT);
	db->in_tx = 0;
	return rc;
}

void
db_rollback(struct db *db)
{
	if (!db->in_tx)
		return;
	/* A failed ROLLBACK on a dead connection leaves nothing behind. */
	(void)db_simple(db, STMT_ROLLBACK);
	db->in_tx = 0;
}

int
db_ping(struct db *db)
{
	struct arena	 a;
	PGresult	*r;
	int		 ok;

	arena_init(&a, 0);
	r = db_q(db, &a, STMT_PING, 0, NULL);
	ok = r != NULL && PQntuples(r) == 1;
	arena_release(&a);
	return ok;
}

const char *
db_get(const PGresult *r, int row, const char *col)
{
	int	 c;

	if (r == NULL || row < 0 || row >= PQntuples(r) ||
	    (c = PQfnumber(r, col)) < 0 || PQgetisnull(r, row, c))
		return NULL;
	return PQgetvalue(r, row, c);
}

long long
db_get_ll(const PGresult *r, int row, const char *col, long long def)
{
	const char	*v = db_get(r, row, col);
	long long	 n;

	if (v == NULL || str_to_ll(v, INT64_MIN, INT64_MAX, &n) == -1)
		return def;
	return n;
}

int
db_get_bool(const PGresult *r, int row, const char *col)
{
	const char	*v = db_get(r, row, col);

	return v != NULL && strcmp(v, "t") == 0;
}


int
db_get_bytea(const PGresult *r, int row, const char *col, struct buf *out)
{
	const char	*v = db_get(r, row, col);
	size_t		 i, n;

	if (v == NULL || v[0] != '\\' || v[1] != 'x')
		return -1;
	v += 2;
	n = strlen(v);
	if (n % 2 != 0 || buf_grow(out, n / 2) == -1)
		return -1;
	for (i = 0; i < n; i += 2) {
		int hi = hex_value(v[i]), lo = hex_value(v[i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		out->ptr[out->len++] = (char)(hi << 4 | lo);
	}
	out->ptr[out->len] = '\0';
	return 0;
}

char *
db_bytea(struct arena *a, const void *p, size_t n)
{
	char	*s = arena_alloc(a, 2 * n + 3);

	s[0] = '\\';
	s[1] = 'x';
	hex_encode(p, n, s + 2);
	return s;
}

int
db_unique_violation(const struct db *db)
{
	return strcmp(db->sqlstate, "23505") == 0;
}

int
db_conn_lost(const struct db *db)
{
	return strncmp(db->sqlstate, "08", 2) == 0 ||
	    strcmp(db->sqlstate, "57P01") == 0 ||
	    strcmp(db->sqlstate, "57P02") == 0 ||
	    strcmp(db->sqlstate, "57P03") == 0 ||
	    (db->conn != NULL && PQstatus(db->conn) == CONNECTION_BAD);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
slurp(const char *path)
{
	FILE		*f;
	struct buf	 b = BUF_INIT;
	char		 chunk[8192];
	size_t		 n;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	if (b.over) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/*
 * Split a script into statements at top-level semicolons, honouring
 * quotes, $tag$ bodies and comments, and run each through PQexecParams.
 */
static int
db_script(struct db *db, const char *name, const char *sql)
{
	struct buf	 st = BUF_INIT;
	const char	*p = sql, *q;
	char		 tag[64];
	size_t		 tl;
	PGresult	*r;
	int		 rc = 0, blank = 1;

	while (*p != '\0' && rc == 0) {
		if (p[0] == '-' && p[1] == '-') {
			p += strcspn(p, "\n");
			continue;
		}
		if (p[0] == '/' && p[1] == '*') {
			q = strstr(p + 2, "*/");
			p = q != NULL ? q + 2 : p + strlen(p);
			continue;
		}
		if (*p == '\'' || *p == '"') {
			q = p + 1;
			while (*q != '\0' && *q != *p)
				q++;
			if (*q != '\0')
				q++;
			buf_add(&st, p, (size_t)(q - p));
			p = q;
			blank = 0;
			continue;
		}
		if (*p == '$' && (q = strchr(p + 1, '$')) != NULL &&
		    (size_t)(q - p + 1) < sizeof(tag) &&
		    strspn(p + 1, "abcdefghijklmnopqrstuvwxyz_") ==
		    (size_t)(q - p - 1)) {
			tl = (size_t)(q - p + 1);
			memcpy(tag, p, tl);
			tag[tl] = '\0';
			q = strstr(q + 1, tag);
			q = q != NULL ? q + tl : p + strlen(p);
			buf_add(&st, p, (size_t)(q - p));
			p = q;
			blank = 0;
			continue;
		}
		if (*p == ';') {
			if (!blank) {
				r = PQexecParams(db->conn, st.ptr, 0, NULL,
				    NULL, NULL, NULL, 0);
				if (PQresultStatus(r) != PGRES_COMMAND_OK &&
				    PQresultStatus(r) != PGRES_TUPLES_OK) {
					log_err("migrate: %s: %s", name,
					    PQresultErrorMessage(r));
					rc = -1;
				}
				PQclear(r);
			}
			buf_reset(&st);
			blank = 1;
			p++;
			continue;
		}
		if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
			blank = 0;
		buf_addc(&st, *p++);
	}
	if (rc == 0 && !blank) {
		log_err("migrate: %s: last statement lacks a semicolon", name);
		rc = -1;
	}
	if (st.over) {
		log_err("migrate: %s: statement too long", name);
		rc = -1;
	}
	buf_release(&st);
	return rc;
}

int
db_migrate(struct db *db, const char *dir, int verbose)
{
	struct arena	 a;
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL, path[4096], *sql;
	size_t		 n = 0, i;
	PGresult	*r;
	int		 rc = -1;

	arena_init(&a, 0);
	if (db_q(db, &a, STMT_MIGRATE_INIT, 0, NULL) == NULL)
		goto out;
	/* One migrator at a time, even from several hosts. */
	if (db_q(db, &a, STMT_MIGRATE_LOCK, 0, NULL) == NULL)
		goto out;
	if ((d = opendir(dir)) == NULL) {
		log_err("migrate: %s: %s", dir, strerror(errno));
		goto out;
	}
	while ((de = readdir(d)) != NULL) {
		size_t	 len = strlen(de->d_name);

		if (len < 8 || de->d_name[0] < '0' || de->d_name[0] > '9' ||
		    strcmp(de->d_name + len - 4, ".sql") != 0)
			continue;
		names = xrealloc(names, (n + 1) * sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), name_cmp);
	for (i = 0; i < n; i++) {
		char	 ver[16];
		size_t	 k = strspn(names[i], "0123456789");

		if (k == 0 || k >= sizeof(ver) || names[i][k] != '_') {
			log_err("migrate: %s: name must be NNN_what.sql",
			    names[i]);
			goto out;
		}
		memcpy(ver, names[i], k);
		ver[k] = '\0';
		r = db_qv(db, &a, STMT_MIGRATE_APPLIED, 1, ver);
		if (r == NULL)
			goto out;
		if (PQntuples(r) > 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if ((sql = slurp(path)) == NULL) {
			log_err("migrate: %s: cannot read", path);
			goto out;
		}
		if (db_begin(db) == -1) {
			free(sql);
			goto out;
		}
		if (db_script(db, names[i], sql) == -1 ||
		    db_qv(db, &a, STMT_MIGRATE_RECORD, 2, ver, names[i]) ==
		    NULL) {
			free(sql);
			db_rollback(db);
			goto out;
		}
		free(sql);
		if (db_commit(db) == -1)
			goto out;
		if (verbose)
			log_info("migrate: applied %s", names[i]);
	}
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	arena_release(&a);
	return rc;
}
