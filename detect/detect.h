/*
 * detect: the detection engine.  One message in, a verdict and the
 * findings that explain it out.
 *
 * Invariants:
 *  - A scan never fails on hostile input.  Whatever the bytes or the JSON,
 *    detect_scan_*() returns 0 with a verdict; -1 only on misuse (NULL
 *    arguments).  Every input is bounded (DETECT_* limits below): a part,
 *    an archive or a header past a limit is analysed in part and the
 *    finding "engine.truncated" (low) says so.
 *  - The engine never executes anything and opens attachments only with
 *    GMime, libmagic, libclamav, libyara, libarchive, zbar (after libpng
 *    or libjpeg decode the image) and its own byte scanners.  Nothing is
 *    written to disk and nothing goes to the network.
 *  - The verdict is a function of the score: THREAT at DETECT_SCORE_THREAT
 *    or more, POTENTIAL at DETECT_SCORE_POTENTIAL or more, else CLEAN.  The score
 *    is the sum of the weights of the distinct rules that fired, capped
 *    at 100.  A rule's severity is the verdict it gives on its own:
 *    high rules weigh DETECT_SCORE_THREAT or more, medium ones
 *    DETECT_SCORE_POTENTIAL or more, low ones less (they count only together with others).
 *  - A CLEAN verdict may still carry low findings (signals that did not
 *    add up); a consumer that reports detections reports only POTENTIAL
 *    and THREAT messages.
 *  - Findings come in a stable order (the order the analyzers ran: sender,
 *    content, urls, attachments), strongest rule first within one.
 *
 * Memory: a struct detect_scan holds an arena that is reset at the start
 * of every message; a result lives there until the next scan call on the
 * same context, unless the caller passes its own arena (out), in which
 * case the result (strings included) is copied there.
 *
 * Threads: an engine is immutable once detect_engine_new() returns and
 * may be shared by any number of threads.  A struct detect_scan (the
 * per-scan context: arena, libmagic cookie, zbar scanner, the passwords
 * seen so far, the organisation's lists when detect_scan_set_org() gave
 * some) belongs to one thread at a time.
 */
#ifndef SHINDAN_DETECT_H
#define SHINDAN_DETECT_H

#include <stddef.h>

#include <cJSON.h>

#include "arena.h"

#define DETECT_VERSION		"1.0"

#define DETECT_SCORE_THREAT	60	/* score from which a message is a threat */
#define DETECT_SCORE_POTENTIAL	30	/* score from which it is a potential one */

/* Limits (bytes unless said). */
#define DETECT_MIME_MAX		(64u << 20)	/* message bytes parsed */
#define DETECT_PART_MAX		(32u << 20)	/* decoded bytes kept per part */
#define DETECT_PARTS_MAX	1000	/* leaf parts analysed per message */
#define DETECT_TEXT_MAX		(4u << 20)	/* decoded text analysed */
#define DETECT_DOCS_MAX		8		/* documents' text read */
#define DETECT_DOC_TEXT_MAX	(256u << 10)	/* ... all of it */
#define DETECT_URLS_MAX		300	/* distinct URLs analysed */
#define DETECT_ARCHIVE_DEPTH	4	/* archives within archives */
#define DETECT_ARCHIVE_FILES	500	/* entries per message */
#define DETECT_ARCHIVE_TOTAL	(64u << 20)	/* bytes inflated per message:
						   archive entries, Office
						   parts, PDF streams */
#define DETECT_ARCHIVE_RATIO	200	/* inflated / stored, per file
					   (archive or Office document) */
#define DETECT_PASSWORDS_MAX	64	/* PPAP passwords kept per scan */
#define DETECT_PASSWORD_TRIES	2000	/* passwords tried on encrypted
					   entries per message (an AES
					   zip's costs a key derivation) */
#define DETECT_KDF_ROUNDS	4000000	/* hashes of passwords tried on
					   encrypted Office documents per
					   message (100,000 a try as Office
					   saves them; about a second) */
#define DETECT_ARCHIVE_NAMES	10000	/* entries past DETECT_ARCHIVE_FILES
					   whose names are still checked */
#define DETECT_ORG_MAX		100000	/* entries per list of the organisation
					   given to a scan */

enum detect_verdict {
	DETECT_CLEAN,
	DETECT_POTENTIAL,
	DETECT_THREAT,
	DETECT_VERDICT__MAX
};

enum detect_category {
	DETECT_MALWARE,
	DETECT_PHISHING,
	DETECT_SUSPICIOUS_URL,
	DETECT_SPOOFING,
	DETECT_IMPERSONATION,
	DETECT_RISKY_ATTACHMENT,
	DETECT_SPAM,
	DETECT_CATEGORY__MAX
};

enum detect_severity {
	DETECT_LOW,
	DETECT_MEDIUM,
	DETECT_HIGH,
	DETECT_SEVERITY__MAX
};

enum detect_lang {
	DETECT_EN,
	DETECT_JA
};

/*
 * One finding.  rule is a stable id ("url.ip_literal"); evidence[] is one
 * sentence per language (DETECT_EN, DETECT_JA) naming what was seen and
 * why it matters.  The other strings are NULL when they do not apply.
 */
struct detect_finding {
	enum detect_category	 category;
	enum detect_severity	 severity;
	const char		*rule;
	int			 weight;
	const char		*evidence[2];
	const char		*url;		/* the URL concerned */
	const char		*domain;	/* a host or registrable domain */
	const char		*imitates;	/* the domain or name imitated */
	const char		*attachment;	/* attachment (or archive entry) name */
	const char		*filetype;	/* type detected from the content */
	const char		*sha256;	/* of the attachment, hex */
	const char		*check;		/* header check, e.g. "dmarc=fail" */
};

struct detect_result {
	enum detect_verdict	 verdict;
	int			 score;		/* 0..100 */
	size_t			 nfindings;
	struct detect_finding	*findings;
};

/*
 * Engine options.  Lists are NULL-terminated arrays of strings (NULL for
 * none); every string is copied.  Domains are compared case-insensitively
 * and may be given in Unicode or punycode.
 */
struct detect_opts {
	const char		*clamav_db;	/* directory; NULL or "": none */
	const char		*rules_dir;	/* YARA rules; NULL: "detect/rules" */
	const char *const	*feeds;		/* URLhaus, OpenPhish or PhishTank
						   export files */
	const char *const	*own_domains;	/* the organisation's domains */
	const char *const	*correspondents;/* domains it writes to often */
	const char *const	*people;	/* display names of its executives
						   and users */
	const char		*brands_file;	/* "domain [name...]" per line;
						   NULL: the built-in list only */
	int			 no_builtin_brands;
};

struct detect_engine;
struct detect_scan;

/* Set opts to defaults (all empty, rules_dir "detect/rules"). */
void	detect_opts_init(struct detect_opts *);

/*
 * Create an engine: compiles the YARA rules, loads ClamAV signatures,
 * feeds and lists, and builds every pattern table once.  A missing or
 * empty ClamAV directory is logged once and the engine goes on without
 * it; a YARA rule that does not compile, or an unreadable feed or brands
 * file, is an error: NULL, with the reason in err (lower case).
 */
struct detect_engine *detect_engine_new(const struct detect_opts *,
	    char *err, size_t errlen);
void	detect_engine_free(struct detect_engine *);
/* "clamav: 0 signatures, yara: 12 rules, feeds: 0 urls" for the logs. */
const char *detect_engine_describe(const struct detect_engine *);

/* A per-scan context: one per thread and per mailbox scan (PPAP). */
struct detect_scan *detect_scan_new(struct detect_engine *);
void	detect_scan_free(struct detect_scan *);
/* Remember a password as if read in a mail of this scan (tests, tools). */
void	detect_scan_add_password(struct detect_scan *, const char *);
/* How many passwords the scan has learnt so far (it only grows): a
 * message judged again after it has not changed would be judged the
 * same. */
size_t	detect_scan_passwords(const struct detect_scan *);

/*
 * The organisation, for this scan only: its domains (own_domains), the
 * display names of its users and executives (people) and the domains it
 * writes to often (correspondents), each a NULL-terminated array as in
 * struct detect_opts, copied.  A list given replaces the engine's for the
 * scan's later messages; NULL keeps the engine's (so a call with three
 * NULLs undoes an earlier one), and an empty list ({ NULL }) means none.
 * Each call replaces the whole of the previous one.  A domain IDNA
 * refuses and a name of fewer than three letters are left out.  Returns
 * 0, or -1 (nothing changed) when s is NULL or a list holds more than
 * DETECT_ORG_MAX entries.
 */
int	detect_scan_set_org(struct detect_scan *, const char *const *own_domains,
	    const char *const *people, const char *const *correspondents);

/*
 * The address of the mailbox the scan's later messages are read from
 * (copied; NULL or "" forgets it).  The rules that look for the reader's
 * own address (in the subject, a greeting, a link's fragment) look for
 * it as well as for the first address of the To line, which a mail sent
 * by Bcc fills with someone else's.  0, or -1 (nothing changed) when s
 * is NULL or the address is longer than 254 bytes or has no '@'.
 */
int	detect_scan_set_reader(struct detect_scan *, const char *addr);

/* Scan RFC 5322 bytes (any charset GMime knows; Japanese ones included). */
int	detect_scan_mime(struct detect_scan *, const void *mime, size_t len,
	    struct arena *out, struct detect_result *);

/*
 * Scan a Microsoft Graph message resource (the fields of
 * detect_graph_select()) with, when not NULL, the "value" array of its
 * attachments collection (fileAttachment objects with contentBytes).
 * When mime is not NULL the message is scanned from it instead and the
 * resource only fills in what the MIME lacks.
 */
int	detect_scan_graph(struct detect_scan *, const cJSON *msg,
	    const cJSON *attachments, const void *mime, size_t mimelen,
	    struct arena *out, struct detect_result *);

/* The $select list the Graph adapter reads, comma-separated. */
const char *detect_graph_select(void);

enum detect_need {
	DETECT_NEED_NONE = 0,
	DETECT_NEED_ATTACHMENTS = 1,	/* GET .../attachments */
	DETECT_NEED_MIME = 2		/* GET .../$value */
};

/*
 * What must be fetched before the scan can judge the message.  With
 * attachments NULL it looks at the resource alone (cheap: no parsing of
 * the body beyond a search for "cid:"): attachments are needed when the
 * message has any, when its HTML shows inline images (QR codes), or when
 * its Content-Type is a multipart other than an alternative (an inline
 * picture beside a text body sets no hasAttachments and no "cid:").
 * With the attachments given it says whether the MIME is needed too
 * (an item or reference attachment carries no bytes).
 */
enum detect_need detect_needs(const struct detect_engine *, const cJSON *msg,
	    const cJSON *attachments);

const char *detect_verdict_name(enum detect_verdict);	/* clean, potential,
							   threat */
const char *detect_category_name(enum detect_category);
const char *detect_severity_name(enum detect_severity);

/* The rule table, for documentation and tests. */
struct detect_rule_info {
	const char		*id;
	enum detect_category	 category;
	enum detect_severity	 severity;
	int			 weight;
	const char		*what;		/* one line, English */
};
size_t	detect_rules(const struct detect_rule_info **);

#endif
