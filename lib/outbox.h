/*
 * outbox: queue a mail in the caller's transaction.  The mailer renders
 * it later from (kind, lang, params) with the templates of mail/, so
 * what is queued here is what is sent, however often delivery is
 * retried.  params is a JSON object (text) of non-secret values; the
 * confirmation number is never queued: the mailer unseals it from the
 * account at delivery.  dedupe (may be NULL) makes the queueing
 * idempotent: a second row with the same key is not queued.
 */
#ifndef SHINDAN_OUTBOX_H
#define SHINDAN_OUTBOX_H

#include "arena.h"
#include "db.h"

/* 1 queued, 0 already queued (dedupe), -1 error. */
int	outbox_queue(struct db *, struct arena *, long long account_id,
	    const char *kind, const char *lang, const char *recipient,
	    const char *params_json, const char *dedupe);

#endif
