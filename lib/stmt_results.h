/*
 * stmt_results: the statements of the results pages and reports, as
 * X(id, name, sql).  See stmt.h.
 */
#define STMT_RESULTS(X)
