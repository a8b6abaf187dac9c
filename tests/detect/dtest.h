/*
 * tests/detect/dtest.h: what the tests of the detection engine share (an
 * engine with the organisation's lists, a finding looked up by rule id).
 * Static functions in a header, as each test is one program.
 */
#ifndef SHINDAN_TESTS_DETECT_DTEST_H
#define SHINDAN_TESTS_DETECT_DTEST_H

#include <string.h>

#include "detect.h"
#include "tap.h"

/* The finding of rule id in r, or NULL when the rule did not fire. */
static inline const struct detect_finding *
dt_find(const struct detect_result *r, const char *id)
{
	size_t	 i;

	for (i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i].rule, id) == 0)
			return &r->findings[i];
	return NULL;
}

/* An engine with the default options and these lists (NULL: none); its
 * start is a test. */
static inline struct detect_engine *
dt_engine(const char *const *own, const char *const *corr,
    const char *const *people)
{
	struct detect_opts	 o;
	struct detect_engine	*e;
	char			 err[256];

	detect_opts_init(&o);
	o.own_domains = own;
	o.correspondents = corr;
	o.people = people;
	e = detect_engine_new(&o, err, sizeof(err));
	ok(e != NULL, "engine starts (%s)", e != NULL ? "" : err);
	return e;
}

#endif
