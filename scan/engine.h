/*
 * engine: the seam between the runner and the detection engine.
 *
 * The runner knows messages only as Graph message resources (cJSON, as
 * listed with engine_select()), their attachments collection and, when
 * asked for, their MIME; it hands them to the engine and stores what
 * comes back.  Nothing else of the engine is visible here, so the engine
 * behind this header can change (the small built-in rule set of
 * engine_min.c, or the detection library of detect/) without a change
 * to the runner.
 *
 * engine_needs() says, from the listed resource alone (attachments
 * NULL), whether the message must be fetched further before
 * engine_scan(): its attachments (GET .../attachments, contentBytes
 * included) or its MIME ($value); asked again with the attachments, it
 * says whether the MIME is needed as well (an attached item carries no
 * bytes).  engine_scan() never fails on hostile input: a message it
 * cannot read is reported clean with score 0 and scanned anyway.
 * Everything it returns is allocated in the caller's arena.  A context
 * (engine_ctx) belongs to one mailbox scan: what the engine learns from
 * one message (a password mailed after an encrypted archive) serves the
 * next ones of the same mailbox.
 */
#ifndef SHINDAN_SCAN_ENGINE_H
#define SHINDAN_SCAN_ENGINE_H

#include <stddef.h>

#include <cJSON.h>

#include "arena.h"
#include "conf.h"

enum engine_need {
	ENGINE_NEED_NONE = 0,
	ENGINE_NEED_ATTACHMENTS = 1,
	ENGINE_NEED_MIME = 2
};

enum engine_verdict {
	ENGINE_CLEAN,
	ENGINE_POTENTIAL,
	ENGINE_THREAT
};

struct engine_finding {
	const char	*category;	/* malware, phishing, suspicious_url,
					   spoofing, impersonation,
					   risky_attachment, spam */
	const char	*severity;	/* high, medium, low */
	const char	*rule;
	const char	*evidence_en;
	const char	*evidence_ja;
	const char	*url;		/* each of these may be NULL */
	const char	*domain;
	const char	*imitates;
	const char	*attachment_name;
	const char	*attachment_type;
	const char	*attachment_sha256;
};

struct engine_result {
	enum engine_verdict	 verdict;
	int			 score;
	size_t			 nfindings;
	struct engine_finding	*findings;
};

struct engine;
struct engine_ctx;

/* NULL (logged) when the engine cannot start (rules, databases). */
struct engine	*engine_open(const struct conf *);
void		 engine_close(struct engine *);
struct engine_ctx *engine_ctx_new(struct engine *);
void		 engine_ctx_free(struct engine_ctx *);
/* The organisation whose mail the context scans: its domains, the
 * display names of its people and the domains the mailbox writes to (its
 * correspondents) (NULL-terminated; copied; NULL as none), and the
 * address of the mailbox it reads (the reader, or NULL).  0, or -1 when
 * the engine could not take them (it goes on without). */
int		 engine_ctx_set_org(struct engine_ctx *,
		    const char *const *domains, const char *const *people,
		    const char *const *correspondents, const char *reader);
/* Comma-separated message properties the engine reads ($select). */
const char	*engine_select(const struct engine *);
enum engine_need engine_needs(struct engine *, const cJSON *msg,
		    const cJSON *attachments);
/* attachments: the "value" array of the attachments collection, or NULL;
 * mime: the raw message, or NULL. */
int		 engine_scan(struct engine_ctx *, struct arena *,
		    const cJSON *msg, const cJSON *attachments, const char *mime,
		    size_t mimelen, struct engine_result *);
/* A name for the logs: "min" or "detect x.y". */
const char	*engine_name(const struct engine *);
/* A finding as a JSON object of its fields, under their names in struct
 * engine_finding; a NULL field is left out, or written null if nulls. */
cJSON		*engine_finding_json(const struct engine_finding *, int nulls);

#endif
