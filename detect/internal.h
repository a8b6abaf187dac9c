/*
 * internal: what the files of detect/ share and nothing outside sees.
 *
 * A message is first turned into a struct dmsg (mime.c from RFC 5322,
 * graph.c from a Graph resource), then every analyzer reads the model
 * and adds findings to the scan context:
 *
 *	sender.c	headers: authentication, From/Reply-To, display names
 *	html.c		HTML: links, forms, scripts, hidden and visible text
 *	url.c		URL extraction and normalisation
 *	urlcheck.c	URL heuristics and feeds
 *	content.c	phrases (BEC, scams, credential requests), obfuscation
 *	attach.c	attachments: type, risky content, documents
 *	archive.c	archives (libarchive), bounded, PPAP
 *	tnef.c		TNEF (winmail.dat): the files Outlook attached
 *	av.c		ClamAV and YARA
 *	qr.c		QR codes in images (zbar), drawn grids, split codes
 *	picture.c	pictures to grey (libpng, libjpeg, giflib, libwebp, BMP)
 *
 * All per-message memory comes from s->a (reset per message).  Engine
 * memory is malloc'd once in detect_engine_new() and read-only after.
 */
#ifndef SHINDAN_DETECT_INTERNAL_H
#define SHINDAN_DETECT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "detect.h"
#include "rules.h"

/* ---- hset.c: string -> int map, open addressing ---- */
struct hset {
	struct hset_slot	*slots;
	size_t			 cap;	/* power of two, 0 when empty */
	size_t			 n;
	struct arena		*a;	/* NULL: malloc (freed by hset_free) */
};
void	 hset_init(struct hset *, struct arena *);
void	 hset_free(struct hset *);
/* 1 added, 0 already there (value kept). */
int	 hset_put(struct hset *, const char *, size_t, int val);
/* 1 and *val when found, else 0. */
int	 hset_get(const struct hset *, const char *, size_t, int *val);
uint64_t hash_bytes(const void *, size_t);

/* ---- ac.c: Aho-Corasick automaton over bytes ---- */
struct ac;
/* Called per match; end is one past the last byte.  Non-zero stops. */
typedef int (*ac_fn)(void *arg, int id, size_t start, size_t end);
struct ac	*ac_new(void);
void		 ac_add(struct ac *, const char *pat, size_t len, int id);
void		 ac_build(struct ac *);
void		 ac_scan(const struct ac *, const char *, size_t, ac_fn, void *);
size_t		 ac_states(const struct ac *);
void		 ac_free(struct ac *);

/* ---- text.c: charsets, UTF-8, normalisation ---- */
/* Bytes in charset cs (NULL, wrong or unknown: guessed) to valid UTF-8
 * in the arena, at most max bytes out.  Never fails. */
char	*text_to_utf8(struct arena *, const char *cs, const char *in,
	    size_t len, size_t max, size_t *outlen);
/* The same for a header's or a file name's bytes: no byte order mark
 * is read from them (bytes that look like one are characters). */
char	*text_name_to_utf8(struct arena *, const char *cs, const char *in,
	    size_t len, size_t max, size_t *outlen);
/* The charset name of a Windows code page (65001 "UTF-8", 10000
 * "MACINTOSH", else "CP932" and the like) in buf. */
const char *codepage_charset(unsigned cp, char *buf, size_t bufsz);
/* One code point from s (n > 0); invalid bytes give U+FFFD, length 1. */
size_t	 utf8_next(const char *s, size_t n, uint32_t *cp);
size_t	 utf8_put(uint32_t cp, char out[4]);
/* A code point folded for matching: full-width and mathematical forms,
 * Latin with diacritics and Cyrillic/Greek homoglyphs to a lower-case
 * ASCII letter or digit; 0 when it has no such fold. */
uint32_t text_fold(uint32_t cp);
int	 text_invisible(uint32_t cp);	/* zero-width, soft hyphen, ... */
enum script { SC_OTHER, SC_LATIN, SC_CYRILLIC, SC_GREEK, SC_CJK };
enum script text_script(uint32_t cp);
struct norm_stats {
	int	 mixed_words;	/* Latin mixed with Cyrillic/Greek in a word */
	int	 math_chars;	/* mathematical alphanumerics, enclosed */
	int	 invisible_in_words;
	char	 example[64];	/* one mixed word, as written */
};
/* Append s to out, normalised for phrase matching: ASCII lower-cased,
 * folds applied, invisible characters dropped, runs of white space one
 * space.  Stats are added to *st when not NULL. */
void	 text_norm(struct buf *out, const char *s, size_t n,
	    struct norm_stats *st);
/* Truncate to at most max bytes on a character boundary, in the arena,
 * adding "..." when cut; control characters become spaces. */
const char *text_clip(struct arena *, const char *, size_t max);
/* The same for a file name: its middle cut, its extension kept. */
const char *name_clip(struct arena *, const char *, size_t max);

/* ---- the message model ---- */
struct dheader {
	const char	*name;
	const char	*value;		/* unfolded, as sent (not decoded) */
};

struct daddr {
	const char	*name;		/* decoded display name, or NULL */
	const char	*addr;		/* lower case, or NULL */
	const char	*domain;	/* lower case part after @, or NULL */
};

struct dtext {
	const char	*s;		/* UTF-8 */
	size_t		 len;
	int		 html;
	const char	*raw;		/* a plain-text part as decoded (to
					   DETECT_PART_MAX), or NULL */
	size_t		 rawlen;
};

struct dpart {
	const char		*ctype;	/* declared type, lower case */
	const char		*name;	/* file name (UTF-8) or NULL */
	const unsigned char	*data;	/* decoded, at most DETECT_PART_MAX */
	size_t			 len;
	size_t			 size;	/* full decoded size */
	char			 sha256[65];
	int			 inline_;
	const char		*cid;
	int			 truncated;
};

#define MSG_REPLY_MORE	7	/* Reply-To addresses kept after the first */

struct dmsg {
	const char	*subject;
	struct daddr	 from, sender, reply_to, return_path, to;
	/* Reply-To's other addresses: Outlook replies to all of them. */
	struct daddr	 reply_more[MSG_REPLY_MORE];
	int		 nreply_more;
	const char	*message_id;
	struct dheader	*hdrs;
	size_t		 nhdrs;
	struct dtext	*texts;
	size_t		 ntexts, texts_cap;
	struct dpart	*parts;
	size_t		 nparts, parts_cap;
	size_t		 parts_over;	/* parts past DETECT_PARTS_MAX */
	size_t		 kept;		/* decoded bytes kept so far */
	int		 nfrom;		/* addresses in From */
	int		 unread_parts;	/* parts the message has that are
					   not here: Graph's hasAttachments,
					   a meeting, item or reference
					   attachments; a multipart of no
					   part read */
	int		 from_unknown;	/* a sender without an address the
					   adapter could read (an Outlook
					   item's Exchange one): not missing */
	int		 truncated;	/* why something was cut: enum cut,
					   CUT_NONE when nothing was */
};

void	 msg_init(struct dmsg *);
void	 msg_add_text(struct detect_scan *, struct dmsg *, const char *,
	    size_t, int html);
/* A mail attached as a .eml file (mime.c), for the Graph adapter. */
void	 mime_attached_eml(struct detect_scan *, struct dmsg *,
	    const struct dpart *);
/* A calendar's text (text/calendar, .ics), unfolded and unescaped;
 * calendar_file(): is the part one by its type, its name or its data? */
int	 calendar_file(const struct dpart *);
void	 msg_add_calendar(struct detect_scan *, struct dmsg *, const char *,
	    size_t);
struct dpart *msg_add_part(struct detect_scan *, struct dmsg *);
void	 msg_set_addr(struct detect_scan *, struct daddr *, const char *name,
	    const char *addr);
const char *msg_header(const struct dmsg *, const char *name);
/* What made the engine read a message in part (engine.truncated's
 * detail, said in both languages: cut_why in engine.c). */
enum cut {
	CUT_NONE, CUT_MESSAGE, CUT_HEADER, CUT_NOT_MIME, CUT_PART, CUT_NUL,
	CUT_BOUNDARIES, CUT_PARTS, CUT_ATTACHMENT, CUT_ENTRIES, CUT_INFLATED,
	CUT_TRIES, CUT_PDF_STREAMS, CUT_TNEF_DATA, CUT_UU_FILES, CUT_DRAWING,
	CUT__MAX
};
/* The first reason given is kept. */
void	 msg_truncated(struct detect_scan *, struct dmsg *, enum cut why);
/* A part that carries a body a mail program shows (a TNEF stream, an
 * Outlook item): the body read with the message's text, before the
 * analyzers run.  Both adapters call it as they add a part. */
void	 msg_part_bodies(struct detect_scan *, const struct dpart *);
/* The index in s->pw of the i-th newest password of the scan (i below
 * s->npw): documents try the newest first. */
size_t	 pw_newest(const struct detect_scan *, size_t i);
/* attach.c: the checks a file's name alone allows (double extension,
 * right-to-left override, script; a program's, a shortcut's or a disk
 * image's extension), for files that are not read. */
void	 attach_name_check(struct detect_scan *, const char *name,
	    const char *sha);

/* mime.c, graph.c */
void	 mime_parse(struct detect_scan *, const char *, size_t, struct dmsg *);
void	 graph_parse(struct detect_scan *, const cJSON *msg,
	    const cJSON *atts, struct dmsg *);
/* base64 (bounded) into the arena; sha256 over the whole output. */
void	 b64_decode_part(struct detect_scan *, const char *, size_t,
	    struct dpart *);
/* Standard or URL-safe base64 (padding and other bytes skipped)
 * appended to out: the number of bytes added. */
size_t	 b64_decode_buf(const char *, size_t, struct buf *out);
void	 sha256_hex(const void *, size_t, char out[65]);

/* ---- URLs ---- */
enum url_origin {
	UO_TEXT, UO_HREF, UO_SRC, UO_FORM, UO_META, UO_CSS, UO_SCRIPT,
	UO_ATTACH, UO_PDF, UO_OFFICE, UO_QR, UO_REDIRECT, UO__MAX
};

struct durl {
	const char	*url;		/* normalised, clipped */
	const char	*scheme;	/* lower case */
	const char	*host;		/* lower case, ASCII (punycode) */
	const char	*uhost;		/* Unicode form if IDN, else NULL */
	const char	*domain;	/* registrable domain (or the host) */
	const char	*path;		/* path, query and fragment */
	const char	*userinfo;	/* or NULL */
	int		 port;		/* 0: default */
	int		 is_ip;
	enum url_origin	 origin;
	const char	*text;		/* link text, or NULL */
	const char	*where;		/* attachment it came from, or NULL */
	int		 form_pw;	/* a form with a password field */
	const char	*via;		/* UO_REDIRECT: the host it was
					   carried by */
	int		 office;	/* opened by an Office program
					   (ms-word:ofe|u|...) */
};

/* Add one URL (raw as found); returns the entry or NULL when rejected
 * (not a URL, duplicate with no new link text, over the limit). */
struct durl *url_add(struct detect_scan *, const char *raw, size_t len,
	    enum url_origin, const char *text, const char *where);
/* Find every URL in plain text. */
void	 url_scan_text(struct detect_scan *, const char *, size_t,
	    enum url_origin, const char *where);
int	 url_local_scheme(const char *scheme);
/* An IPv4 address in any form browsers accept (one number, hex, octal)
 * to dotted form: 1 when h is one. */
int	 url_ipv4(const char *h, char out[24]);
/* Parse and normalise (exposed for tests and the fuzzer). */
int	 url_parse(struct detect_scan *, const char *raw, size_t len,
	    struct durl *);
void	 urlcheck_run(struct detect_scan *);
/* The sender claims brand b: the first link the reader would follow to a
 * domain of no brand, when there are more such links than links to b's
 * domains, or else the first such link whose text is an action on an
 * account ("Verify now"); NULL when neither. */
const struct durl *url_brand_elsewhere(struct detect_scan *, int b);
/* 1 when the mail is from a brand's domain, not found forged, and every
 * link the reader would follow goes to that brand's sites (none on free
 * hosting); else 0. */
int	 url_brand_home(struct detect_scan *);
int	 url_own_home(struct detect_scan *);
int	 url_own_links(struct detect_scan *);

/* The reader's addresses to look for: the To line's first, then the
 * mailbox's (detect_scan_set_reader) when it is another; NULL past them. */
const char *scan_reader(const struct detect_scan *, int i);

/* ---- HTML ---- */
struct html_info {
	int		 forms, pw_inputs, scripts, handlers, iframes;
	int		 smuggle;	/* HS_* bits */
	int		 svg_embed;	/* foreignObject or embedded HTML */
	const char	*form_action;	/* of a form with a password, or any */
	const char	*redirect;	/* meta refresh or location = "..." */
	const char	*hid_redirect;	/* a script that works out where to
					   send the browser and hides it: its
					   ways ("atob, fromCharCode") */
	size_t		 hidden, visible;
	int		 links;
	int		 in_srcdoc;	/* reading an iframe's srcdoc */
	int		 images, linked_images;
	const char	*mailto;	/* first mailto: address of a link */
	struct buf	*lines;		/* set by the caller: the visible text
					   with its lines, filled when the page
					   draws with block characters */
};
#define HS_ATOB		0x01
#define HS_BLOB		0x02
#define HS_OBJURL	0x04
#define HS_DOWNLOAD	0x08
#define HS_SAVEBLOB	0x10
#define HS_BIGDATA	0x20	/* a long base64 string literal */
/* Scan HTML: URLs go to the scan's list (with origin and where), visible
 * text is appended to vis (when not NULL), facts to *hi. */
void	 html_scan(struct detect_scan *, const char *, size_t,
	    const char *where, struct buf *vis, struct html_info *hi);

/* ---- the engine and the scan context ---- */
struct brand {
	char	 *name;		/* as shown: "PayPal" */
	char	 *key;		/* normalised for matching: "paypal" */
	char	**domains;	/* registrable domains */
	size_t	  ndomains;
	int	  weak;		/* a common word too: needs more evidence */
};

enum prot_kind { PK_OWN, PK_CORR, PK_BRAND };
/* How a domain imitates a protected one (dom_lookalike()). */
enum look_kind { LK_NONE, LK_GLYPHS, LK_SCRIPTS, LK_OTHER_TLD, LK_TLD_SLIP,
	LK_ONE_CHAR, LK_IN_FRONT, LK_IN_FRONT_SHARED, LK_WORDS };
/* The weaker likenesses: the name with words added, or in front of a
 * shared service's domain (the organisation's own may be named so). */
#define LOOK_WEAK(k)	((k) == LK_WORDS || (k) == LK_IN_FRONT_SHARED)
struct protect {
	char		*domain;	/* registrable, ASCII */
	char		*label;		/* domain without its public suffix */
	char		*skel;		/* skeleton of label */
	size_t		 label_len, skel_len;
	enum prot_kind	 kind;
	int		 brand;		/* index in brands, or -1 */
	int		 distinct;	/* its name is the brand's own */
};

/*
 * The organisation: its domains, its correspondents' and its people.
 * The engine holds the lists of detect_opts; a scan may hold its own
 * (detect_scan_set_org()), and the analyzers read the scan's pointers,
 * never the engine's lists directly.
 */
struct org_domains {
	struct hset	 set;		/* as given and registrable, ASCII */
	struct protect	*prot;		/* registrable, for dom_lookalike() */
	size_t		 nprot;
	char		**tenants;	/* "contoso" of contoso.onmicrosoft.com */
	size_t		 ntenants;
};
struct org_people {
	char		**names;	/* normalised (text_norm) */
	size_t		  n;
	struct ac	 *ac;		/* names -> index, | PERSON_WHOLE */
};
/* In a key's id: the name (family name first, "Bowen Megan") counts only
 * standing apart from other words and names (person_match() in sender.c:
 * "Lee Ann Walters" holds "Ann Lee" reversed, not the person). */
#define PERSON_WHOLE	(1 << 30)

struct phrase_class;

struct detect_engine {
	void		*psl;		/* psl_ctx_t */
	void		*clam;		/* struct cl_engine, or NULL */
	unsigned int	 clam_sigs;
	void		*yara;		/* YR_RULES, or NULL */
	int		 yara_rules;
	struct hset	 feed_url, feed_host, feed_domain;
	char		**feed_names;
	size_t		 nfeeds;
	size_t		 feed_count;
	struct brand	*brands;
	size_t		 nbrands;
	struct hset	 brand_dom;	/* registrable domain -> brand */
	struct hset	 brand_keys;	/* every key of brand_ac, whole */
	struct hset	 brand_mail;	/* ... it only sends mail from */
	struct ac	*brand_ac;	/* brand keys -> brand */
	struct ac	*brand_skel_ac;	/* their skeletons (look-alikes) */
	struct protect	*prot;		/* brands' domains */
	size_t		 nprot;
	struct org_domains own, corr;	/* of detect_opts */
	struct org_people people;
	struct hset	 freemail, shorteners, hosting, risky_tld, redirectors;
	struct hset	 imghosts, mailers;
	struct hset	 bayes;		/* bayes.c's model: token -> index */
	struct ac	*content_ac;
	struct ac	*role_ac;
	struct ac	*authority_ac;
	void		*gmopts;	/* GMimeParserOptions */
	int		 signals;	/* SHINDAN_DETECT_SIGNALS: tuning aid */
	int		 tokens;	/* SHINDAN_DETECT_TOKENS: bayes-train */
	char		 describe[256];
};

struct fargs {
	const char	*url, *domain, *imitates, *name, *type, *sha256;
	const char	*check, *detail;
	const char	*detail_ja;	/* {detail} in the Japanese evidence,
					   when detail is words, not data */
	const char	*type_ja;	/* {type} in the Japanese evidence */
};

/* A picture that held no QR code but may be half of one (qr.c). */
#define QR_PIECES_MAX	8
struct qr_piece {
	const char		*name;
	const unsigned char	*grey;
	unsigned		 w, h;
};

struct detect_scan {
	struct detect_engine	*eng;
	/* The organisation: the engine's lists, or the scan's own. */
	const struct org_domains *own, *corr;
	const struct org_people	*people;
	struct org_domains	*set_own, *set_corr;	/* NULL: the engine's */
	struct org_people	*set_people;
	char			 reader[256];	/* the mailbox's address, or "" */
	struct arena		 a;
	void			*magic;		/* magic_t */
	void			*zbar;		/* zbar_image_scanner_t */
	char			*pw[DETECT_PASSWORDS_MAX];
	size_t			 npw, pwnext;
	size_t			 pw_learnt;	/* passwords added, ever */
	/* per message */
	struct dmsg		*m;
	struct detect_finding	*f;
	size_t			 nf, fcap;
	struct durl		*u;
	size_t			 nu, ucap;
	struct hset		 useen;
	/* dom_lookalike()'s answers in this message, by host (a mail
	 * links to one host many times; the brand list is walked once) */
	struct hset		 look_seen;
	struct look_memo {
		const struct protect	*p;
		enum look_kind		 how;
	}			*looks;
	size_t			 nlooks;
	unsigned long		 looks_epoch;	/* the arena's resets then */
	struct buf		 text;	/* normalised subject + visible text,
					   then the sender's name and the
					   attachments' names */
	size_t			 text_body;	/* where the names begin */
	struct norm_stats	 ns;
	struct html_info	 hbody;
	size_t			 arc_files;	/* archive entries opened */
	size_t			 inflated;	/* bytes inflated, all kinds */
	size_t			 item_text;	/* Outlook items' text read */
	int			 qr_images;
	int			 qr_frames;	/* animations' later frames read */
	int			 qr_inner_reads;	/* codes in decoration */
	size_t			 qr_inner_cells;	/* and cells searched */
	size_t			 svg_ops[5];	/* svgqr.c's budgets, a message */
	size_t			 pdf_clip_ops;	/* pdfqr.c's clip tests */
	size_t			 pdf_paint_ops;	/* pdfqr.c's: points painted and
						   stroke pieces, a message */
	struct qr_piece		 qr_piece[QR_PIECES_MAX];
	int			 qr_pieces;
	int			 qr_small;	/* small pictures decoded */
	size_t			 qr_decoded;	/* pixels of pictures decoded */
	int			 qr_tries;	/* pairs of pieces read */
	int			 msg_passwords;	/* PPAP passwords in this one */
	const char		*msg_pw[4];	/* ... the first four of them */
	size_t			 pw_tries;	/* passwords tried on entries */
	size_t			 kdf_rounds;	/* hashes of Office passwords */
	size_t			 arc_names;	/* entries only named (past
					   DETECT_ARCHIVE_FILES) */
	int			 uu_blocks;	/* uuencoded files read */
	struct hset		 uu_seen;	/* ... each block once */
	int			 claim_brand;	/* brand the sender claims, -1 */
	int			 claim_display;	/* ... in its display name */
	int			 name_mixed;	/* look-alike letters of other
						   scripts in a word of it */
	int			 depth;		/* archive depth now */
	/* The sender of a message forwarded inline in the text (the first
	 * header block found), and whether its checks are running now. */
	struct daddr		 fwd_from;
	int			 fwd_found, fwd_now;
	int			 fwd_active;	/* found, and the mail a forward */
	int			 authentic;	/* Exchange Online found the From
						   authentic (DMARC or composite
						   authentication passed) or the
						   mail internal (AuthAs) */
	/* The text the attached documents show (PDFs'), normalised as
	 * s->text is: each document's part of it, by name. */
	struct buf		 doc;
	struct doc_text {
		const char	*name;
		const char	*sha256;
		size_t		 off, len;
	}			 docs[DETECT_DOCS_MAX];
	int			 ndocs;
};

/* Reset the per-message state: a fresh arena, an empty message in s->m,
 * no findings, URLs or text (detect_scan_*() and the fuzz targets). */
void	 scan_begin(struct detect_scan *);
/* Forget dom_lookalike()'s kept answers (the lists or the arena they
 * point into changed). */
void	 looks_forget(struct detect_scan *);
void	 finding_add(struct detect_scan *, enum rule_id, const struct fargs *);
void	 finding_add_custom(struct detect_scan *, const char *rule,
	    enum detect_category, int weight, const char *en, const char *ja,
	    const struct fargs *);
int	 finding_has(const struct detect_scan *, enum rule_id);

/* Registrable domain of an ASCII host (in the arena), or the host. */
const char *dom_registrable(struct detect_scan *, const char *host);
/* Look-alike of a protected domain: the protection or NULL, with how
 * in *how; LOOK_WEAK() when the only likeness is the organisation's or a
 * correspondent's name with words added ("contoso-billing") or its domain
 * in front of a shared service's: weaker, since their own services are
 * often named so too. */
const struct protect *dom_lookalike(struct detect_scan *, const char *host,
	    const char *uhost, const char *regdom, enum look_kind *how);
/* A value with the engine's own words in it (the names it gives what
 * has none, what it adds at a name's end) in Japanese; else v. */
const char *ja_labels(struct detect_scan *, const char *v);
/* How a look-alike imitates, for evidence (ja: in Japanese). */
const char *look_how(enum look_kind, int ja);
/* host is the organisation's own SharePoint: <tenant>.sharepoint.com or
 * <tenant>-my.sharepoint.com, where tenant is the name of one of its
 * domains (contoso.co.jp, contoso.onmicrosoft.com: "contoso"). */
/* host is a site named name[0..n), or name-my, on a shared service
 * ("contoso.sharepoint.com", "contoso-my.sharepoint.com"): the rest of
 * the host from its '.', else NULL. */
const char *host_named(const char *host, const char *name, size_t n);
int	 dom_own_sharepoint(const struct detect_scan *, const char *host);
/* Does a place's word (arena, stadium, center, ドーム) follow a name ending
 * at end of s: a place named after a brand is not the brand.  The word as
 * a domain spells it, or NULL. */
const char *venue_after(const char *s, size_t n, size_t end);
/* A brand named as a place in s ("Capital One Arena"), its place word in
 * *place as a domain spells it; or -1. */
int	 brand_venue(const struct detect_engine *, const char *s, size_t n,
	    const char **place);
/* Brand whose key appears in s (normalised text), or -1. */
int	 brand_find(const struct detect_engine *, const char *s, size_t n,
	    int whole);
int	 brand_of_domain(const struct detect_engine *, const char *regdom);
/* The brand a sender's registrable domain belongs to: one of its sites,
 * or a domain it only sends mail from ('@' in brands.h); or -1. */
int	 brand_of_sender(const struct detect_engine *, const char *regdom);
/* The brand of a host: its longest listed parent domain first, down to
 * its registrable domain (sender: a brand's mail-only domains too). */
int	 brand_of_host(const struct detect_engine *, const char *host,
	    const char *regdom, int sender);
/* Brand whose name name's skeleton holds (1/l/I, 0/o, rn/m made equal):
 * a name written to look like a brand's ("lCIoud"); else a word of name
 * (normalised) that is a strong brand name of 6 letters or more with one
 * letter dropped, swapped or doubled ("Microsft"); or -1. */
int	 brand_find_disguised(const struct detect_engine *, const char *name);
/* Brand that s (normalised) names and nothing else, weak names too, or -1. */
int	 brand_is_name(const struct detect_engine *, const char *s, size_t n);
/* 1 when the last label of host is a top-level domain of the public
 * suffix list (not merely allowed by its "*" rule). */
int	 dom_known_tld(const struct detect_engine *, const char *host);
/* dom (a host, or its registrable domain) is the organisation's own, or
 * a frequent correspondent's, for this scan: it or a domain above it was
 * given (contoso.com for mail.contoso.com; contoso.onmicrosoft.com is
 * matched whole, onmicrosoft.com being every tenant's).  Pass the whole
 * host where there is one. */
int	 dom_is_own(const struct detect_scan *, const char *dom);
int	 dom_is_corr(const struct detect_scan *, const char *dom);
int	 dom_is_freemail(const struct detect_engine *, const char *regdom);
/* 1 when a label of host looks machine-generated ("sdhbsvjld"). */
int	 dom_random(const char *host);

/* analyzers */
void	 sender_run(struct detect_scan *);
/* A forwarded message's header block in a text (plain, or an HTML
 * part's visible text), kept when it is the first; then the sender
 * checks run on its From. */
void	 sender_fwd_find(struct detect_scan *, const char *, size_t);
void	 sender_fwd_run(struct detect_scan *);
/* Is the address at hit (in t) on the To or Cc line of such a block? */
int	 fwd_to_value(const char *t, const char *hit);
int	 fwd_head_value(const char *t, const char *hit);
void	 content_run(struct detect_scan *);
/* Instructions to run a command (ClickFix) in normalised text t: what
 * was found (CF_ bits), 0 when none; clipboard: a script fills the
 * clipboard.  clickfix_what() says it, in English or Japanese. */
#define CF_WIN_R	0x01
#define CF_WIN_X	0x02
#define CF_RUN		0x04	/* the Run dialog named */
#define CF_CTRL_V	0x08
#define CF_PASTE	0x10
#define CF_COMMAND	0x20
#define CF_CLIPBOARD	0x40
int	 clickfix(const char *t, size_t n, int clipboard, int authentic);
int	 clickfix_home(struct detect_scan *);
const char *device_code(struct detect_scan *, const char *, size_t,
	    const char **);
const char *clickfix_what(struct arena *, int, int ja);
/* Does normalised text write about attacks (names attackers, malware)? */
int	 about_attacks(const char *t, size_t n);
/* bayes.c: the statistical classifier over the text's words. */
void	 bayes_run(struct detect_scan *);
/* Each distinct token of normalised text, NUL-terminated, to fn. */
void	 bayes_tokens(struct detect_scan *, const char *, size_t,
	    void (*fn)(void *, const char *), void *);
/* How many known tokens were weighed; *p the spam probability (0.5 when
 * too few to tell). */
size_t	 bayes_prob(struct detect_scan *, const char *, size_t, double *p);
/* SHINDAN_DETECT_TOKENS: the text's tokens as a finding "tokens". */
void	 bayes_tokens_finding(struct detect_scan *);
int	 bayes_build(struct detect_engine *);
void	 content_passwords(struct detect_scan *, const char *, size_t);
void	 attach_run(struct detect_scan *);
/* A document's text (raw) to s->doc for the content checks; links: the
 * URLs written in it are links (a PDF viewer makes them so). */
void	 doc_add(struct detect_scan *, const char *raw, size_t n,
	    const char *name, const char *sha, int links);
/* Analyse one file (an attachment or an archive entry): name is its
 * display name ("a.zip > b.exe"). */
void	 attach_file(struct detect_scan *, const char *name,
	    const unsigned char *, size_t len, size_t size, const char *sha256,
	    const char *ctype, int from_encrypted);
void	 archive_walk(struct detect_scan *, const char *name,
	    const unsigned char *, size_t);
void	 archive_past_files(struct detect_scan *, const char *name,
	    const char *sha256, size_t unread);
/* The zip end record at p + i (i + 22 bytes there at least): its
 * directory [*dir, *end) and the zip's start *base; 0 when none. */
int	 zip_end_at(const unsigned char *p, size_t i, size_t *dir,
	    size_t *end, size_t *base);
/* uu.c: the uuencoded files of a text file, as its entries ("name >
 * inner"); of the message's plain-text bodies, as its attachments. */
void	 uu_file(struct detect_scan *, const char *name,
	    const unsigned char *, size_t);
void	 uu_run(struct detect_scan *);
unsigned char *uu_part(struct arena *, const char *, size_t, size_t *len);
/* tnef.c: the files of a TNEF stream (winmail.dat), each read as an
 * attachment ("winmail.dat > invoice.exe") within the archive limits. */
/* MAPI property types and ids (MS-OXCDATA 2.11.1, MS-OXPROPS), as TNEF
 * streams (tnef.c) and Outlook items (item.c) carry them. */
#define PT_LONG			0x0003u
#define PT_OBJECT		0x000du
#define PT_STRING8		0x001eu
#define PT_UNICODE		0x001fu
#define PT_BINARY		0x0102u
#define PT_MV			0x1000u
#define PR_SUBJECT		0x0037u
#define PR_SENT_REPRESENTING_NAME	0x0042u
#define PR_SENT_REPRESENTING_EMAIL	0x0065u
#define PR_TRANSPORT_HEADERS	0x007du
#define PR_SENDER_NAME		0x0c1au
#define PR_SENDER_EMAIL_ADDRESS	0x0c1fu
#define PR_BODY			0x1000u
#define PR_RTF_COMPRESSED	0x1009u
#define PR_HTML			0x1013u
#define PR_DISPLAY_NAME		0x3001u
#define PR_ATTACH_DATA		0x3701u
#define PR_ATTACH_FILENAME	0x3704u
#define PR_ATTACH_LONG_FILENAME	0x3707u
#define PR_ATTACH_PATHNAME	0x3708u
#define PR_ATTACH_LONG_PATHNAME	0x370du
#define PR_INTERNET_CPID	0x3fdeu
#define PR_MESSAGE_CODEPAGE	0x3ffdu
#define PR_SENDER_SMTP_ADDRESS	0x5d01u
#define PR_SENT_REPRESENTING_SMTP	0x5d02u

/* The files of a container that is no archive (a TNEF stream, an
 * Outlook item), each read as an attachment of its own and charged as an
 * archive entry is (archive.c). */
struct members {
	struct detect_scan	*s;
	int			 names_only;	/* past the depth limit */
	int			 cut;		/* past DETECT_ARCHIVE_NAMES */
	size_t			 unread;	/* past DETECT_ARCHIVE_FILES */
	size_t			 spent;		/* past DETECT_ARCHIVE_TOTAL */
};
/* A file's name checked (-1: the names a message checks are spent). */
int	 members_name(struct members *, const char *full);
/* A file read, or named past the limits (-1 as members_name()). */
int	 members_file(struct members *, const char *full,
	    const unsigned char *, size_t);
/* Do two names end in the same extension (INVOIC~1.EXE, invoice.exe)?
 * A container's other names are checked when they do not. */
int	 name_same_ext(const char *, const char *);
/* Were files left unread?  members_report() says so of the container. */
int	 members_over(const struct members *);
void	 members_report(struct members *, const char *name, const char *sha);
/* item.c: Outlook items (.msg). */
int	 item_is(const unsigned char *, size_t);
void	 item_body(struct detect_scan *, const unsigned char *, size_t);
/* An Outlook item (.msg) that is the message itself: s->m filled. */
void	 item_message(struct detect_scan *, const unsigned char *, size_t);
void	 item_read(struct detect_scan *, const char *name,
	    const unsigned char *, size_t, const char *sha);
void	 tnef_walk(struct detect_scan *, const char *name,
	    const unsigned char *, size_t);
void	 tnef_body(struct detect_scan *, const unsigned char *, size_t);
/* Does a TNEF stream start here (its signature)? */
int	 tnef_is(const unsigned char *, size_t);
/* ---- rtf.c: Outlook's compressed RTF bodies ---- */
/* The RTF of a compressed RTF stream (MS-OXRTFCP, "LZFu" or "MELA"), at
 * most cap bytes, NUL-terminated, to free(); NULL if it is neither. */
unsigned char *rtf_decompress(const unsigned char *, size_t, size_t cap,
	    size_t *len);
/* RTF read as the text it shows (encapsulated HTML as it was), added to
 * the message's text as HTML. */
void	 rtf_body(struct detect_scan *, const unsigned char *, size_t);
/* A PR_RTF_COMPRESSED value: decompressed within the message's inflate
 * budget and cap, then rtf_body(); the bytes it gave. */
size_t	 rtf_compressed_body(struct detect_scan *, const unsigned char *,
	    size_t, size_t cap);
void	 av_scan(struct detect_scan *, const char *name,
	    const unsigned char *, size_t, const char *sha256, int clam);
int	 av_open(struct detect_engine *, const struct detect_opts *,
	    char *err, size_t errlen);
void	 av_close(struct detect_engine *);
void	 qr_scan(struct detect_scan *, const char *name,
	    const unsigned char *, size_t);
/* May a picture w by h be decoded (scaled: a photo decoded scaled down
 * to QR_SCALED_PIXELS)?  Each one that may is counted. */
#define QR_SCALED_PIXELS	(4u << 20)
int	 qr_fits(struct detect_scan *, size_t w, size_t h, int scaled);
/* picture.c: a PNG, JPEG, GIF, WebP or BMP picture in grey (NULL: not one,
 * too big, or broken), transparency on bg (255 white, 0 black). */
unsigned char *picture_grey(struct detect_scan *, const unsigned char *,
	    size_t, int bg, unsigned *w, unsigned *h, int *alpha);
/* picture.c: an animation's frames after the first (GIF, WebP) as shown,
 * grey on bg: up to max, those shown longest; how many, in out[], their
 * numbers (the first frame 1) in which[]. */
int	 picture_frames(struct detect_scan *, const unsigned char *, size_t,
	    int bg, unsigned char **out, int *which, int max, unsigned *w,
	    unsigned *h);
int	 qr_room(const struct detect_scan *);
/* May a grid of n cells wider than a code be searched for one (a
 * message's budget, charged)? */
int	 qr_inner_room(struct detect_scan *, size_t n);
int	 qr_wants(const struct detect_scan *, unsigned w, unsigned h);
int	 qr_scan_grey(struct detect_scan *, const char *name,
	    unsigned char *grey, unsigned w, unsigned h);
void	 qr_text(struct detect_scan *, const char *, size_t);
/* A QR code cut into two pictures shown one against the other. */
void	 qr_split(struct detect_scan *);
/* A QR code drawn, as modules (non-zero dark, rows stride bytes apart),
 * w by h, each code read a finding of rule; how: "block characters",
 * "table cells" (and in Japanese) for content.qr_code_text.  How many
 * codes were read. */
int	 qr_modules(struct detect_scan *, const char *name,
	    const unsigned char *mod, size_t stride, int w, int h,
	    enum rule_id rule, const char *how, const char *how_ja);
/* ole.c: compound files (MS-CFB). */
#define OLE_NOSECT	0xfffffffau	/* above: free, end of chain, FAT */
#define OLE_DIR_MAX	65536		/* directory entries looked at */
/* The sector that follows sec in its chain, or OLE_NOSECT. */
uint32_t ole_next(const unsigned char *, size_t, unsigned shift, uint32_t);
/* Is the directory entry d named nm (ASCII), a storage or a stream? */
int	 ole_named(const unsigned char *d, const char *nm);
/* The sector size's exponent (9 or 12) of a compound file, or 0. */
unsigned ole_shift(const unsigned char *, size_t);
/* The bytes of the stream named name (at most cap), in a buffer to
 * free, its length in *len; NULL when there is none or it breaks off. */
unsigned char *ole_stream(const unsigned char *, size_t, const char *name,
	    size_t cap, size_t *len);
/* A compound file's directory: its entries, the root first. */
struct ole_dir {
	const unsigned char	 *p;
	size_t			  n;
	unsigned		  shift;
	const unsigned char	**ent;
	size_t			  ne;
	uint32_t		 *first, *nkids, *kids;	/* who holds whom */
	unsigned char		 *mini, *mfat;	/* read once, when needed */
	size_t			  mlen, flen;
	int			  mini_bad;
};
int	 ole_dir_open(struct ole_dir *, const unsigned char *, size_t);
void	 ole_dir_close(struct ole_dir *);
/* The children of a storage (by index) as its tree gives them: each
 * entry is one storage's at most (the first whose tree reaches it), so
 * storages never hold themselves.  Their indexes in *kids, their count
 * returned. */
size_t	 ole_dir_children(struct ole_dir *, size_t parent,
	    const uint32_t **kids);
/* The child named name (ASCII, any case) of type 1 (storage) or 2
 * (stream): its index, or -1. */
long	 ole_dir_child(struct ole_dir *, size_t parent, const char *name,
	    int type);
/* A stream's bytes by its index, as ole_stream(). */
unsigned char *ole_dir_read(struct ole_dir *, size_t idx, size_t cap,
	    size_t *len);
/* Is there a stream named name in the root's tree? */
int	 ole_has(const unsigned char *, size_t, const char *name);
/* The workbook stream of an Excel 97-2003 file ("Workbook", or BIFF5's
 * "Book"), as ole_stream(). */
unsigned char *ole_workbook(const unsigned char *, size_t, size_t cap,
	    size_t *len);
/* Which of a Word, Excel or PowerPoint 97-2003 file's documents is
 * encrypted with a password to open (each looked at, whatever the
 * others say): OLE_ENC_DOC, OLE_ENC_XLS, OLE_ENC_PPT or'd. */
#define OLE_ENC_DOC	1
#define OLE_ENC_XLS	2
#define OLE_ENC_PPT	4
int	 ole_legacy_encrypted(const unsigned char *, size_t);
/* The password Excel tries before it asks for one: a file encrypted
 * with it opens without a prompt.  *which of the decryptions below is
 * PW_DEFAULT when it opened the file, the index of the password in
 * s->pw when one of the scan's did, PW_NONE when none did. */
#define OFFICE_DEFAULT_PASSWORD	"VelvetSweatshop"
#define PW_NONE		(-1)
#define PW_DEFAULT	(-2)
/* officecrypt.c: an encrypted OOXML document (a compound file of
 * EncryptionInfo and EncryptedPackage) decrypted with Excel's default
 * password or one of the scan: the document's zip (at most cap bytes)
 * in a buffer to free, its length in *len; NULL when none opens it or
 * it is not one read here. */
unsigned char *office_decrypt(struct detect_scan *, const unsigned char *,
	    size_t, size_t cap, size_t *len, int *which);
/* xlscrypt.c: the Workbook stream of an .xls with a password (RC4 or
 * RC4 CryptoAPI), decrypted as Excel reads it, in a buffer to free;
 * NULL when no password opens it or it is not one read here. */
unsigned char *xls_decrypt(struct detect_scan *, const unsigned char *,
	    size_t, size_t *len, int *which);
/* Does a Workbook stream hold an Excel 4.0 macro sheet: a BoundSheet8
 * record of the globals that says so (when boundsheets: their type is
 * encrypted in a file not decrypted), or a sheet's BOF record (never
 * encrypted)? */
int	 xls_macro_sheet(const unsigned char *, size_t, int boundsheets);
#define XLS_WORKBOOK_MAX (16u << 20)	/* bytes of the stream read */
/* attach.c: the PDF string at q (literal or hex) into u, at most cap - 1
 * bytes and NUL-terminated: its length, (size_t)-1 when q starts none;
 * *next is where reading goes on. */
size_t	 pdf_string(const unsigned char *q, const unsigned char *e, char *u,
	    size_t cap, const unsigned char **next);
/* pdftext.c: the text a PDF shows, from what attach.c's reader hands
 * it: the file's objects, an object stream's, each stream's data
 * decoded (num: the stream's object, 0 when not known).  The text,
 * UTF-8, is appended to the buffer by pdf_text_end(): its length. */
struct pdf_text;
struct pdf_text *pdf_text_new(struct detect_scan *);
void	 pdf_text_objects(struct pdf_text *, const unsigned char *, size_t);
void	 pdf_text_objstm(struct pdf_text *, const unsigned char *d,
	    size_t dn, const unsigned char *, size_t);
void	 pdf_text_stream(struct pdf_text *, uint32_t num,
	    const unsigned char *, size_t);
size_t	 pdf_text_end(struct pdf_text *, struct buf *);
void	 pdf_text_free(struct pdf_text *);
/* pdfcrypt.c: an encrypted PDF opened with the empty user password, or
 * a password of the scan (PPAP). */
enum pdf_cipher { PDF_CRYPT_NONE, PDF_CRYPT_RC4, PDF_CRYPT_AES };
struct pdf_obj {
	size_t		 off;		/* where its body starts */
	uint32_t	 num;
	uint16_t	 gen;
};
struct pdf_crypt {
	enum pdf_cipher	 stm, str;	/* of streams and of strings */
	unsigned char	 key[32];
	size_t		 keylen;	/* 5 to 16, or 32 for AES-256 */
	int		 pw;		/* the password that opened it: its
					   index, -1 the empty user password,
					   -2 the empty owner password */
	struct pdf_obj	*obj;		/* the objects' headers, in order */
	size_t		 nobj;
};
/* 1: the file's key follows from the empty user password (the file
 * opens without a prompt), from one of the npw passwords (each try
 * counted in *tries, max_tries at most) or from the empty owner
 * password; 0: another password is needed; -1: an encryption not read
 * here (certificates, a damaged /Encrypt); -2: the trailer says the
 * file is not encrypted.  pdf_crypt_free() after 1. */
int	 pdf_crypt_open(const unsigned char *, size_t, const char *const *pw,
	    size_t npw, size_t *tries, size_t max_tries, struct pdf_crypt *);
void	 pdf_crypt_free(struct pdf_crypt *);
/* Is the "obj" at q, inside p..e, an object's header "num gen obj"?
 * 1 with its number and generation when it is (pdfcrypt.c). */
int	 pdf_obj_keyword(const unsigned char *p, const unsigned char *e,
	    const unsigned char *q, uint32_t *num, uint16_t *gen);
/* The object whose body holds the byte at off: 1 with its number and
 * generation, 0 when none starts before it. */
int	 pdf_crypt_object(const struct pdf_crypt *, size_t off, long *num,
	    long *gen);
/* The data of a stream (stream 1) or a string of object num gen,
 * decrypted into out (at most cap bytes): its length, or (size_t)-1. */
size_t	 pdf_crypt_data(const struct pdf_crypt *, int stream, long num,
	    long gen, const unsigned char *, size_t, unsigned char *out,
	    size_t cap);
/* A QR code drawn with a PDF content stream's filled rectangles. */
void	 pdf_paths_qr(struct detect_scan *, const char *name,
	    const unsigned char *, size_t);
/* ... with the shapes of each <svg> element of a document (an SVG
 * picture, or an HTML page), its style sheets read. */
void	 svg_paths_qr(struct detect_scan *, const char *name, const char *,
	    size_t);
/* Dark upright rectangles (y upwards) whose commonest sizes may be the
 * modules of QR codes: each grid found read (pdfqr.c). */
struct qr_rect {
	double	 x0, y0, x1, y1;
};
int	 qr_rects(struct detect_scan *, const char *name,
	    const struct qr_rect *, size_t);
/* m = m * t, two affine transforms as PDF and SVG write them (a b c d e
 * f: x' = a x + c y + e, y' = b x + d y + f); t applied first. */
void	 affine_mul(double *m, const double *t);
/*
 * paint.c: what a vector drawing's paths paint (SVG's, PDF's), as the
 * upright rectangles the QR readers take.
 */
struct paint_out {
	/* An upright rectangle, and a dot of radius r (a round cap on a
	 * stroke of no length), in the drawing's coordinates. */
	void	(*rect)(void *, double x0, double y0, double x1, double y1);
	void	(*dot)(void *, double x, double y, double r);
	void	 *arg;
};
#define PAINT_PIECES	(1u << 20)	/* stroke pieces drawn, a budget */
struct paint_stroke {
	double		 width;
	const double	*dash;		/* the dash pattern's ndash lengths */
	int		 ndash;		/* 0: solid */
	double		 offset;	/* where in the pattern a segment
					   begins (dash_at NULL) */
	double		*dash_at;	/* or: where the subpath's pattern
					   stands, carried from segment to
					   segment (PDF's way) */
	int		 cap;		/* 0 butt, 1 round, 2 square */
	int		 round_only;	/* a segment of no length painted
					   under round caps only (PDF's
					   rule), else under any cap */
	size_t		*pieces;	/* pieces drawn so far: a budget */
};
/* A filled path being read: its vertical edges, and the points of the
 * subpath being read. */
struct paint_edge {
	double	 x, y0, y1;
	int	 dir;		/* +1 drawn down, -1 up */
};
struct paint_fill {
	struct paint_edge *e;	/* the path's vertical edges */
	size_t		 ne, ecap;
	double		*p;	/* the subpath's points, x y pairs */
	size_t		 np, pcap;
	double		 box[4];	/* its extent: x0 y0 x1 y1 */
	int		 curved;	/* curves, arcs or slanted sides */
	int		 boxed;		/* a subpath of the path stood for its
					   box */
	int		 over;		/* more points than kept */
	double		 eps;		/* coordinates this close are one */
};
/* A stroked segment, horizontal or vertical, with its dashes and caps;
 * a segment of no length, capped, a dot or a square; join0 and join1
 * carry a solid segment's start and end on by half the width, where a
 * mitred or round join meets the segment before or after it. */
void	 paint_segment(const struct paint_stroke *, const struct paint_out *,
	    double x, double y, double nx, double ny, int join0, int join1);
/* A new path (its storage kept), a point of the current subpath, a point
 * that bounds a curve (where it turns), a cubic Bezier curve from the
 * last point (xs, ys: start, controls, end), the subpath's end. */
void	 paint_begin(struct paint_fill *);
void	 paint_pt(struct paint_fill *, double x, double y);
void	 paint_extreme(struct paint_fill *, double x, double y);
void	 paint_curve(struct paint_fill *, const double *xs, const double *ys);
void	 paint_sub_end(struct paint_fill *);
/* The path filled by the nonzero or even-odd rule, as rectangles. */
void	 paint_strips(struct paint_fill *, int evenodd,
	    const struct paint_out *);
void	 paint_free(struct paint_fill *);
int	 dbl_cmp(const void *, const void *);
void	*qr_new(void);
void	 qr_free(void *);
int	 content_build(struct detect_engine *);
int	 lists_build(struct detect_engine *, const struct detect_opts *,
	    char *err, size_t errlen);
void	 lists_free(struct detect_engine *);
/* Build the lists of the organisation (NULL-terminated; NULL: none);
 * what cannot be read (a domain IDNA refuses, a name of fewer than 3
 * letters) is left out.  Free with org_*_free(). */
void	 org_domains_build(const struct detect_engine *, struct org_domains *,
	    const char *const *, enum prot_kind);
void	 org_domains_free(struct org_domains *);
void	 org_people_build(struct org_people *, const char *const *);
void	 org_people_free(struct org_people *);

#endif
