/*
 * db: every SQL statement of Shindan runs through here.
 *
 * The statements live in one table (stmt.h / stmt.c); callers name a
 * statement and pass its parameters as text (NULL for SQL NULL; bytea
 * as "\x" hex, see db_bytea()).  Only PQexecParams is used, so no value
 * is ever spliced into SQL.  A failure is logged once, here, with the
 * statement's name and the server's first line ("db: signin_lookup:
 * ERROR: ..."), and the caller gets NULL or -1.
 *
 * Results are registered with the caller's arena and freed with it.
 * A connection the server has closed (a restart: class 08, 57P01..57P03)
 * is replaced by a new one, and the statement that found it broken is
 * run again once, when that repeats nothing: as the first statement of
 * a transaction (BEGIN again first), or outside one when it cannot have
 * taken effect (the server ended the session, or it is a SELECT).
 * Never COMMIT or ROLLBACK, nor a statement of a transaction that
 * already did work, nor an INSERT or UPDATE whose answer was lost (it
 * may have committed): the caller gets the error, or redoes the unit.
 */
#ifndef SHINDAN_DB_H
#define SHINDAN_DB_H

#include <stddef.h>

#include <libpq-fe.h>

#include "arena.h"
#include "buf.h"
#include "stmt.h"

struct db {
	PGconn		*conn;
	char		*conninfo;
	int		 in_tx;
	int		 tx_work;	/* statements done since BEGIN */
	char		 sqlstate[6];	/* of the last failure */
};

int	 db_open(struct db *, const char *conninfo);
void	 db_close(struct db *);
/* 1 when the connection answers "SELECT 1". */
int	 db_ping(struct db *);

PGresult *db_q(struct db *, struct arena *, enum stmt, int n,
	    const char *const *params);
PGresult *db_qv(struct db *, struct arena *, enum stmt, int n, ...);
/* Rows affected (or returned), -1 on error. */
long	 db_cmd(struct db *, struct arena *, enum stmt, int n, ...);

int	 db_begin(struct db *);
int	 db_commit(struct db *);
void	 db_rollback(struct db *);

/* Value at (row, column name); NULL for SQL NULL or a missing column. */
const char *db_get(const PGresult *, int row, const char *col);
long long db_get_ll(const PGresult *, int row, const char *col,
	    long long def);
/* 1 when a boolean column is true; 0 when false, NULL or missing. */
int	 db_get_bool(const PGresult *, int row, const char *col);
/* bytea in text form ("\x..") decoded into out; -1 if not bytea. */
int	 db_get_bytea(const PGresult *, int row, const char *col,
	    struct buf *out);
/* Bytes as a bytea text parameter ("\x..."), allocated in the arena. */
char	*db_bytea(struct arena *, const void *, size_t);
/* 1 when the last failure was a unique violation (23505). */
int	 db_unique_violation(const struct db *);
/* 1 when the last failure means the connection is gone (class 08,
 * 57P01..57P03) and the unit of work may be retried after reconnect. */
int	 db_conn_lost(const struct db *);

/* Apply sql/NNN_*.sql files not yet recorded, each in a transaction. */
int	 db_migrate(struct db *, const char *sql_dir, int verbose);

#endif
