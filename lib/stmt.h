/*
 * stmt: every SQL statement of Shindan has a name (an enum stmt) and its
 * text here, in one table made of per-part lists of X(id, name, sql):
 *
 *	stmt_portal.h	lib/, the portal (cgi/), the mailer (mail/)
 *	stmt_runner.h	the runner (scan/)
 *	stmt_results.h	the results pages and reports
 *
 * Parameters are $n with explicit casts where PostgreSQL cannot infer
 * the type.  Add a statement to the list of the part that uses it.
 */
#ifndef SHINDAN_STMT_H
#define SHINDAN_STMT_H

#include "stmt_portal.h"
#include "stmt_runner.h"
#include "stmt_results.h"

#define STMT_ENUM_(id, name, sql) id,
enum stmt {
	STMT_PORTAL(STMT_ENUM_)
	STMT_RUNNER(STMT_ENUM_)
	STMT_RESULTS(STMT_ENUM_)
	STMT__MAX
};
#undef STMT_ENUM_

const char	*stmt_sql(enum stmt);
const char	*stmt_name(enum stmt);

#endif
