/* stmt: the statement table, built from the per-part lists (stmt.h). */
#include <stdlib.h>

#include "stmt.h"

struct stmt_def {
	const char	*name;
	const char	*sql;
};

#define STMT_DEF_(id, name, sql) [id] = { name, sql },
static const struct stmt_def stmts[STMT__MAX] = {
	STMT_PORTAL(STMT_DEF_)
	STMT_RUNNER(STMT_DEF_)
	STMT_RESULTS(STMT_DEF_)
};
#undef STMT_DEF_

const char *
stmt_sql(enum stmt s)
{
	if ((int)s < 0 || s >= STMT__MAX || stmts[s].sql == NULL)
		abort();
	return stmts[s].sql;
}

const char *
stmt_name(enum stmt s)
{
	if ((int)s < 0 || s >= STMT__MAX || stmts[s].name == NULL)
		abort();
	return stmts[s].name;
}
