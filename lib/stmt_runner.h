/*
 * stmt_runner: the statements of the runner (scan/), as X(id, name, sql).
 * See stmt.h.
 */
#define STMT_RUNNER(X)
