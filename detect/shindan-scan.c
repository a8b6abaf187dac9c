/*
 * shindan-scan [options] PATH...: scan .eml files, Outlook .msg files,
 * mbox files, Maildirs and directories of them with the detection engine
 * (an .msg is known by its content, in the engine), and print one JSON
 * object per message (DESIGN.md §3):
 *
 *	{"source": PATH[, "index": N], "verdict": "clean"|"potential"|
 *	 "threat", "score": N, "findings": [{"category", "severity",
 *	 "rule", "evidence"}]}
 *
 * or, with --text, a report a person reads.  N counts the messages of an
 * mbox from 1 (each From_ line starts one).  "source" is the PATH in
 * UTF-8 (a byte that is not UTF-8 becomes U+FFFD).  A PATH may be a pipe
 * or a character device (a FIFO, <(...), /dev/stdin; "-" is standard
 * input), read as a stream: an mbox or one message, by its content.  A
 * Maildir gives cur/, new/, its sub-folders and loose files; a directory
 * met twice in the walk of a PATH (a link loop) is walked once.  A
 * message whose encrypted archive or document no password opened is
 * judged again after every PATH, and printed then (see struct held).  Exit 0
 * when it ran (whatever it found), 2 on a usage or I/O error (the other
 * paths are still scanned).  When the results go to a file or a pipe and
 * stderr is a terminal, a line there counts the messages as they are
 * scanned, and a last one sums them up.
 *
 * With --graph the files are Microsoft Graph message resources as JSON
 * (what the runner reads): one message, an array of them, or a page of a
 * listing ({"value": [...]}, N counting its messages from 1), or several
 * of these one after another (JSON Lines; N then counts across the
 * file); a message's attachments are read from its "attachments" array,
 * which GET .../messages/{id}?$expand=attachments returns.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cJSON.h>

#include "buf.h"
#include "conf.h"
#include "detect.h"
#include "log.h"
#include "util.h"

#define DEPTH_MAX	16
#define LIST_MAX	64
#define PROGRESS_EVERY	500	/* messages, or a second, between updates */

/*
 * The files and directories met in the walk of one PATH, by (st_dev,
 * st_ino), in an open-addressed table: a directory met again (a link
 * loop, or a second link to it) is walked once, a file reached twice
 * (links, hard links) is scanned once.
 */
struct seen_ent {
	dev_t	 dev;
	ino_t	 ino;
	int	 used;
};

struct seen {
	struct seen_ent	*v;
	size_t		 n, cap;	/* cap a power of 2, or 0 */
};

/* A message whose encrypted archive or document no password opened:
 * judged again at the end, when the passwords of every later message
 * are known (an mbox or a Maildir is read oldest first, so a PPAP
 * password mail comes after its archive). */
struct held {
	char		*src;
	long		 idx;
	char		*p;
	size_t		 n;
	size_t		 pw;		/* the scan's passwords when judged */
	char		*out;		/* what was printed for it then */
	size_t		 outlen;
	enum detect_verdict verdict;
};

#define HELD_BYTES	(128u << 20)	/* held at most, all messages */
#define HELD_MAX	10000

struct run {
	struct detect_engine	*eng;
	struct detect_scan	*scan;
	enum detect_lang	 lang;
	int			 text, detail, all, graph;
	int			 rc;
	unsigned long		 n[DETECT_VERDICT__MAX];
	int			 progress, shown;
	int64_t			 start_ms, last_ms;
	struct seen		 seen;
	struct held		*held;
	size_t			 nheld, held_bytes;
	FILE			*out;		/* stdout */
};

static size_t
seen_slot(const struct seen *t, dev_t dev, ino_t ino)
{
	uint64_t	 h = ((uint64_t)dev * 0x9e3779b97f4a7c15ULL) ^
			    (uint64_t)ino;
	size_t		 i;

	h *= 0xff51afd7ed558ccdULL;
	for (i = (size_t)(h ^ (h >> 32)) & (t->cap - 1); t->v[i].used &&
	    (t->v[i].dev != dev || t->v[i].ino != ino);
	    i = (i + 1) & (t->cap - 1))
		;
	return i;
}

/* 1 when st is met for the first time (and now remembered), else 0. */
static int
seen_add(struct seen *t, const struct stat *st)
{
	size_t	 i;

	if (t->n + 1 > t->cap / 2) {
		struct seen	 old = *t;

		t->cap = old.cap ? old.cap * 2 : 256;
		t->v = xcalloc(t->cap, sizeof(*t->v));
		for (i = 0; i < old.cap; i++)
			if (old.v[i].used)
				t->v[seen_slot(t, old.v[i].dev,
				    old.v[i].ino)] = old.v[i];
		free(old.v);
	}
	i = seen_slot(t, st->st_dev, st->st_ino);
	if (t->v[i].used)
		return 0;
	t->v[i].dev = st->st_dev;
	t->v[i].ino = st->st_ino;
	t->v[i].used = 1;
	t->n++;
	return 1;
}

static void
seen_clear(struct seen *t)
{
	free(t->v);
	memset(t, 0, sizeof(*t));
}

static void
usage(void)
{
	fprintf(stderr,
	    "usage: shindan-scan [--text] [--lang en|ja] [--detail] [--all]\n"
	    "           [-c config] [--clamav-db dir] [--rules dir] "
	    "[--feed file]...\n"
	    "           [--own-domain d]... [--correspondent d]... "
	    "[--person name]...\n"
	    "           [--brands file] [--no-builtin-brands] "
	    "[--password pw]... [--mailbox addr]\n"
	    "           [--graph] PATH...\n"
	    "       shindan-scan --list-rules\n");
	exit(2);
}

/* Copies of option values the lists point into, freed at the end. */
static char	*owned[LIST_MAX * 4];
static int	 nowned;

static void
owned_free(void)
{
	while (nowned > 0)
		free(owned[--nowned]);
}

static void
add(const char **l, int *n, const char *v)
{
	/* Comma-separated values are several. */
	char	*dup, *tok, *save = NULL;

	if (nowned >= (int)nitems(owned)) {
		fprintf(stderr, "shindan-scan: too many values\n");
		exit(2);
	}
	dup = owned[nowned++] = xstrdup(v);
	for (tok = strtok_r(dup, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		if (*tok == '\0')
			continue;
		if (*n >= LIST_MAX - 1) {
			fprintf(stderr, "shindan-scan: too many values\n");
			exit(2);
		}
		l[(*n)++] = tok;
		l[*n] = NULL;
	}
}

/* The readable report's words in Japanese, as the portal shows them
 * (the JSON keeps the English names of DESIGN.md §3). */
static const char *const JA_VERDICT[] = { "問題なし", "潜在的な脅威", "脅威" };
static const char *const JA_SEVERITY[] = { "低", "中", "高" };
static const char *const JA_CATEGORY[] = { "マルウェア", "フィッシング",
	"不審な URL", "送信元の詐称", "なりすまし", "危険な添付ファイル",
	"スパム" };

static const char *
verdict_label(const struct run *r, enum detect_verdict v)
{
	return r->lang == DETECT_JA && (unsigned)v < nitems(JA_VERDICT) ?
	    JA_VERDICT[v] : detect_verdict_name(v);
}

/* The length of the valid UTF-8 sequence at p (its code point in *cp),
 * or 0 for an invalid byte: overlong forms, surrogates and code points
 * past U+10FFFF are invalid too. */
static size_t
utf8_seq(const unsigned char *p, size_t n, uint32_t *cp)
{
	size_t		 len, i;
	uint32_t	 c, min;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2;
		c = p[0] & 0x1f;
		min = 0x80;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3;
		c = p[0] & 0x0f;
		min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		c = p[0] & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/*
 * A path as it is printed (malloc'd).  Names are bytes, not text.  For
 * the JSON ("source"; RFC 8259 wants UTF-8) a byte that is not UTF-8
 * becomes U+FFFD, the replacement character, and cJSON escapes the
 * controls: the line stays JSON, though such a name no longer gives its
 * file's bytes back.  For a person (--text, stderr) such a byte, a C0
 * control (ESC, BEL, a newline) and DEL are written \xHH, and a C1
 * control or a bidirectional override (U+202A-U+202E, U+2066-U+2069)
 * \uHHHH: a name can neither drive the terminal, split a line, nor
 * reorder what follows it.
 */
static char *
path_shown(const char *path, int json)
{
	const unsigned char	*p = (const unsigned char *)path;
	size_t			 n = strlen(path), k;
	uint32_t		 c;
	struct buf		 b;

	buf_init(&b, 8 * n + 1);
	while (n > 0) {
		if ((k = utf8_seq(p, n, &c)) == 0) {
			if (json)
				buf_adds(&b, "\xef\xbf\xbd");
			else
				buf_addf(&b, "\\x%02x", *p);
			k = 1;
		} else if (!json && (c < 0x20 || c == 0x7f))
			buf_addf(&b, "\\x%02x", c);
		else if (!json && ((c >= 0x80 && c < 0xa0) || (c >= 0x202a &&
		    c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)))
			buf_addf(&b, "\\u%04x", c);
		else
			buf_add(&b, p, k);
		p += k;
		n -= k;
	}
	if (b.over)
		abort();
	return buf_detach(&b, NULL);
}

static void
print_text(struct run *r, const char *src, long idx,
    const struct detect_result *res)
{
	int	 ja = r->lang == DETECT_JA;
	size_t	 i;
	char	*shown = path_shown(src, 0);

	fputs(shown, r->out);
	free(shown);
	if (idx > 0)
		fprintf(r->out, " #%ld", idx);
	fprintf(r->out, ja ? ": %s (スコア %d)\n" : ": %s (score %d)\n",
	    verdict_label(r, res->verdict), res->score);
	for (i = 0; i < res->nfindings; i++) {
		const struct detect_finding *f = &res->findings[i];

		if (res->verdict == DETECT_CLEAN && !r->all)
			break;
		if (ja && (unsigned)f->severity < nitems(JA_SEVERITY) &&
		    (unsigned)f->category < nitems(JA_CATEGORY))
			fprintf(r->out, "  %s  %s  %s\n    %s\n",
			    JA_SEVERITY[f->severity],
			    JA_CATEGORY[f->category], f->rule,
			    f->evidence[r->lang]);
		else
			fprintf(r->out, "  %-6s %-16s %s\n    %s\n",
			    detect_severity_name(f->severity),
			    detect_category_name(f->category), f->rule,
			    f->evidence[r->lang]);
	}
}

static void
print_json(struct run *r, const char *src, long idx,
    const struct detect_result *res)
{
	cJSON	*o = cJSON_CreateObject(), *fa, *f;
	char	*s;
	size_t	 i;

	s = path_shown(src, 1);
	cJSON_AddStringToObject(o, "source", s);
	free(s);
	if (idx > 0)
		cJSON_AddNumberToObject(o, "index", (double)idx);
	cJSON_AddStringToObject(o, "verdict",
	    detect_verdict_name(res->verdict));
	cJSON_AddNumberToObject(o, "score", res->score);
	fa = cJSON_AddArrayToObject(o, "findings");
	for (i = 0; i < res->nfindings; i++) {
		const struct detect_finding *d = &res->findings[i];

		f = cJSON_CreateObject();
		cJSON_AddStringToObject(f, "category",
		    detect_category_name(d->category));
		cJSON_AddStringToObject(f, "severity",
		    detect_severity_name(d->severity));
		cJSON_AddStringToObject(f, "rule", d->rule);
		cJSON_AddStringToObject(f, "evidence", d->evidence[r->lang]);
		if (r->detail) {
#define FIELD(k, v) if ((v) != NULL) cJSON_AddStringToObject(f, k, v)
			FIELD("url", d->url);
			FIELD("domain", d->domain);
			FIELD("imitates", d->imitates);
			FIELD("attachment", d->attachment);
			FIELD("filetype", d->filetype);
			FIELD("sha256", d->sha256);
			FIELD("check", d->check);
#undef FIELD
			cJSON_AddNumberToObject(f, "weight", d->weight);
		}
		cJSON_AddItemToArray(fa, f);
	}
	s = cJSON_PrintUnformatted(o);
	if (s == NULL)
		abort();
	fputs(s, r->out);
	fputc('\n', r->out);
	cJSON_free(s);
	cJSON_Delete(o);
}

/*
 * The progress line on stderr: rewritten in place ("\r", then erase to
 * the end of the line), or, at the end, the sum with its newline.
 */
static void
progress(struct run *r, int last)
{
	unsigned long	 total = r->n[0] + r->n[1] + r->n[2];
	int64_t		 now = time_mono_ms();
	double		 secs = (double)(now - r->start_ms) / 1000.0;

	if (!r->progress || (last && !r->shown))
		return;
	if (!last && total % PROGRESS_EVERY != 0 && now - r->last_ms < 1000)
		return;
	r->last_ms = now;
	r->shown = 1;
	if (r->lang == DETECT_JA)
		fprintf(stderr, "\rshindan-scan: %lu 通 (%s %lu、%s %lu、%s %lu)",
		    total, JA_VERDICT[DETECT_THREAT], r->n[DETECT_THREAT],
		    JA_VERDICT[DETECT_POTENTIAL], r->n[DETECT_POTENTIAL],
		    JA_VERDICT[DETECT_CLEAN], r->n[DETECT_CLEAN]);
	else
		fprintf(stderr, "\rshindan-scan: %lu messages (%lu threat, "
		    "%lu potential, %lu clean)", total, r->n[DETECT_THREAT],
		    r->n[DETECT_POTENTIAL], r->n[DETECT_CLEAN]);
	if (last)
		fprintf(stderr, r->lang == DETECT_JA ? "、%.1f 秒\033[K\n" :
		    " in %.1f s\033[K\n", secs);
	else
		fprintf(stderr, "\033[K");
	fflush(stderr);
}

/* A path that cannot be read, said on a line of its own (the progress
 * line, when shown, is erased first and comes back with the next
 * update). */
static void
path_error(struct run *r, const char *path, const char *what)
{
	char	*shown = path_shown(path, 0);

	if (r->shown)
		fprintf(stderr, "\r\033[K");
	fprintf(stderr, "shindan-scan: %s: %s\n", shown, what);
	free(shown);
	r->rc = 2;
}

/* The same for what is only worth a word: the exit status stays. */
static void
path_warn(struct run *r, const char *path, const char *what)
{
	int	 rc = r->rc;

	path_error(r, path, what);
	r->rc = rc;
}

/* A message's verdict counted, printed, and the progress line updated. */
static void
record(struct run *r, const char *src, long idx,
    const struct detect_result *res)
{
	r->n[res->verdict]++;
	if (r->text)
		print_text(r, src, idx, res);
	else
		print_json(r, src, idx, res);
	progress(r, 0);
}

static int
locked(const struct detect_result *res)
{
	size_t	 i;

	for (i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].rule,
		    "attach.encrypted_archive") == 0 ||
		    strcmp(res->findings[i].rule,
		    "attach.encrypted_document") == 0)
			return 1;	/* a later password may open it */
	return 0;
}

static void
scan_one(struct run *r, const char *src, long idx, const char *p, size_t n)
{
	struct detect_result	 res;
	struct held		*h;

	if (detect_scan_mime(r->scan, p, n, NULL, &res) == -1)
		abort();
	if (locked(&res) && r->nheld < HELD_MAX &&
	    n <= HELD_BYTES - r->held_bytes) {
		FILE *mem;

		r->held = xrealloc(r->held, (r->nheld + 1) * sizeof(*r->held));
		h = &r->held[r->nheld++];
		h->src = xstrdup(src);
		h->idx = idx;
		h->p = xmalloc(n + 1);
		memcpy(h->p, p, n);
		h->n = n;
		r->held_bytes += n;
		/* What it says now, printed at the end when no password
		 * came after it (judging it again would change nothing and
		 * cost its key derivations twice). */
		h->pw = detect_scan_passwords(r->scan);
		h->verdict = res.verdict;
		h->out = NULL;
		h->outlen = 0;
		if ((mem = open_memstream(&h->out, &h->outlen)) == NULL)
			abort();
		r->out = mem;
		if (r->text)
			print_text(r, src, idx, &res);
		else
			print_json(r, src, idx, &res);
		r->out = stdout;
		if (fclose(mem) != 0)
			abort();
		return;
	}
	record(r, src, idx, &res);
}

/* The held messages, judged again with every password of the scan;
 * printed after the others. */
static void
held_run(struct run *r)
{
	struct detect_result	 res;
	size_t			 i;

	for (i = 0; i < r->nheld; i++) {
		struct held *h = &r->held[i];

		if (detect_scan_passwords(r->scan) == h->pw) {
			fwrite(h->out, 1, h->outlen, stdout);
			r->n[h->verdict]++;
			progress(r, 0);
		} else {
			if (detect_scan_mime(r->scan, h->p, h->n, NULL,
			    &res) == -1)
				abort();
			record(r, h->src, h->idx, &res);
		}
		free(h->src);
		free(h->p);
		free(h->out);
	}
	free(r->held);
	r->held = NULL;
	r->nheld = r->held_bytes = 0;
}

/* One Graph message resource, its attachments from "attachments". */
static void
graph_one(struct run *r, const char *src, long idx, const cJSON *m)
{
	struct detect_result	 res;
	const cJSON		*atts;
	char			 what[256], pre[32];

	if (!cJSON_IsObject(m)) {
		snprintf(what, sizeof(what), idx > 0 ? "item %ld is not a "
		    "message resource (a JSON object)" : "not a message "
		    "resource (a JSON object)", idx);
		path_error(r, src, what);
		return;
	}
	atts = cJSON_GetObjectItemCaseSensitive(m, "attachments");
	if (!cJSON_IsArray(atts))
		atts = NULL;
	snprintf(pre, sizeof(pre), idx > 0 ? "message %ld: " : "", idx);
	switch (detect_needs(r->eng, m, atts)) {
	case DETECT_NEED_ATTACHMENTS:
		snprintf(what, sizeof(what), "%sits attachments are not in "
		    "the file (GET it with ?$expand=attachments); judged "
		    "without them", pre);
		break;
	case DETECT_NEED_MIME:
		snprintf(what, sizeof(what), "%san attachment carries no "
		    "bytes (GET .../$value for the MIME); judged without "
		    "them", pre);
		break;
	default:
		what[0] = '\0';
		break;
	}
	if (what[0] != '\0')
		path_warn(r, src, what);
	if (detect_scan_graph(r->scan, m, atts, NULL, 0, NULL, &res) == -1)
		abort();
	record(r, src, idx, &res);
}

/*
 * A file of Graph JSON: a message, an array, or a page with "value"; or
 * several of them one after another (JSON Lines, one message a line, or
 * documents written end to end), every message then numbered across the
 * file.  A value that is not JSON ends the file, with exit 2.
 */
static void
scan_graph(struct run *r, const char *src, const char *p, size_t n)
{
	const char	*e = p + n, *end = NULL;
	cJSON		*j;
	const cJSON	*list, *m;
	long		 idx = 0;
	int		 k, several = 0;
	char		 what[160];

	for (k = 1; ; k++) {
		if ((j = cJSON_ParseWithLengthOpts(p, (size_t)(e - p), &end,
		    0)) == NULL) {
			if (k == 1)
				path_error(r, src, "not JSON, or nested over "
				    "1,000 deep (--graph reads a Graph "
				    "message resource, an array of them or a "
				    "page of a listing)");
			else {
				snprintf(what, sizeof(what), "JSON value %d "
				    "is not JSON, or nested over 1,000 deep; "
				    "nothing after it was read", k);
				path_error(r, src, what);
			}
			return;
		}
		/* White space (and RFC 7464's record separators). */
		for (p = end; p < e && strchr(" \t\r\n\x1e", *p) != NULL &&
		    *p != '\0'; p++)
			;
		several = several || p < e;
		list = cJSON_IsArray(j) ? j :
		    cJSON_GetObjectItemCaseSensitive(j, "value");
		if (cJSON_IsArray(list)) {
			cJSON_ArrayForEach(m, list) {
				graph_one(r, src, ++idx, m);
			}
		} else
			graph_one(r, src, several ? ++idx : 0, j);
		cJSON_Delete(j);
		if (p >= e)
			break;
	}
}

/*
 * An mbox separator: a line "From SENDER DATE" whose end is a postmark's
 * date, as mutt's is_from() reads it: "Mon Jan  1 00:00:00 2024", the
 * seconds optional, a zone before or after the year ("+0000 2024", as
 * Gmail's export writes it).  A body line that only starts with "From "
 * ("From here: to there: now") is none, even unquoted.  No blank line is
 * required before it: some writers leave none.
 */
#define FROM_WORDS	64

static int
from_word(const char *w, size_t n, const char *list)
{
	const char	*l;

	if (n != 3)
		return 0;
	for (l = list; *l != '\0'; l += 3)
		if (str_ncasecmp(w, l, 3) == 0)
			return 1;
	return 0;
}

/* n characters of w, all of them digits, between min and max of them. */
static int
from_digits(const char *w, size_t n, size_t min, size_t max)
{
	size_t	 i;

	if (n < min || n > max)
		return 0;
	for (i = 0; i < n; i++)
		if (w[i] < '0' || w[i] > '9')
			return 0;
	return 1;
}

/* A time zone: "+0900", "-0800", "UTC", "JST". */
static int
from_zone(const char *w, size_t n)
{
	size_t	 i;

	if (n == 5 && (*w == '+' || *w == '-'))
		return from_digits(w + 1, 4, 4, 4);
	if (n < 1 || n > 5)
		return 0;
	for (i = 0; i < n; i++)
		if (!((w[i] >= 'A' && w[i] <= 'Z') || (w[i] >= 'a' &&
		    w[i] <= 'z')))
			return 0;
	return 1;
}

/* "HH:MM" or "HH:MM:SS", the hour in one or two digits. */
static int
from_time(const char *w, size_t n)
{
	const char	*c = memchr(w, ':', n);

	if (c == NULL || !from_digits(w, (size_t)(c - w), 1, 2))
		return 0;
	n -= (size_t)(c + 1 - w);
	w = c + 1;
	if (n == 2)
		return from_digits(w, 2, 2, 2);
	return n == 5 && w[2] == ':' && from_digits(w, 2, 2, 2) &&
	    from_digits(w + 3, 2, 2, 2);
}

static int
from_line(const char *p, const char *e)
{
	static const char	 days[] = "MonTueWedThuFriSatSun";
	static const char	 months[] =
	    "JanFebMarAprMayJunJulAugSepOctNovDec";
	const char		*w[FROM_WORDS];
	size_t			 l[FROM_WORDS], nw = 0, i, rest;

	if (e - p < 5 || memcmp(p, "From ", 5) != 0)
		return 0;
	if (e[-1] == '\n')
		e--;
	if (e > p && e[-1] == '\r')
		e--;
	for (p += 5; p < e && nw < FROM_WORDS;) {
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if (p == e)
			break;
		w[nw] = p;
		while (p < e && *p != ' ' && *p != '\t')
			p++;
		l[nw] = (size_t)(p - w[nw]);
		nw++;
	}
	if (p < e)
		return 0;
	/* The sender is any words (or none) before the date. */
	for (i = 0; i + 5 <= nw; i++) {
		if (!from_word(w[i], l[i], days) ||
		    !from_word(w[i + 1], l[i + 1], months) ||
		    !from_digits(w[i + 2], l[i + 2], 1, 2) ||
		    !from_time(w[i + 3], l[i + 3]))
			continue;
		rest = nw - (i + 4);
		if (rest == 1 && from_digits(w[nw - 1], l[nw - 1], 2, 4))
			return 1;
		if (rest == 2 && ((from_zone(w[nw - 2], l[nw - 2]) &&
		    from_digits(w[nw - 1], l[nw - 1], 4, 4)) ||
		    (from_digits(w[nw - 2], l[nw - 2], 4, 4) &&
		    from_zone(w[nw - 1], l[nw - 1]))))
			return 1;
	}
	return 0;
}

/* A line of nothing but white space (before an mbox's first From_). */
static int
blank_line(const char *p, const char *e)
{
	for (; p < e; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
			return 0;
	return 1;
}

/*
 * A file read with read(), never mapped: a file cut short while it is
 * read (a mail program compacting an mbox) then ends early instead of
 * faulting (SIGBUS), and a pipe reads the same way.  rd_piece() hands
 * out the input a line at a time, a line longer than RD_CHUNK in pieces
 * of at most 2 * RD_CHUNK; *bol says whether the piece starts a line.
 */
#define RD_CHUNK	(64u << 10)

struct rd {
	int	 fd;
	char	*buf;		/* 2 * RD_CHUNK */
	size_t	 off, len;
	int	 eof, bol;
};

static void
rd_init(struct rd *d, int fd)
{
	memset(d, 0, sizeof(*d));
	d->fd = fd;
	d->buf = xmalloc(2 * RD_CHUNK);
	d->bol = 1;
}

static void
rd_free(struct rd *d)
{
	free(d->buf);
	d->buf = NULL;
}

/* 1 a piece in *p, *n; 0 at the end; -1 a read error (errno). */
static int
rd_piece(struct rd *d, const char **p, size_t *n, int *bol)
{
	const char	*nl;
	size_t		 avail;
	ssize_t		 got;

	for (;;) {
		avail = d->len - d->off;
		nl = memchr(d->buf + d->off, '\n', avail);
		if (nl != NULL || avail >= RD_CHUNK || (d->eof && avail > 0)) {
			*p = d->buf + d->off;
			*n = nl != NULL ? (size_t)(nl + 1 - *p) :
			    avail < RD_CHUNK ? avail : RD_CHUNK;
			*bol = d->bol;
			d->off += *n;
			d->bol = (*p)[*n - 1] == '\n';
			return 1;
		}
		if (d->eof)
			return 0;
		if (d->off > 0) {
			memmove(d->buf, d->buf + d->off, avail);
			d->len = avail;
			d->off = 0;
		}
		got = read(d->fd, d->buf + d->len, 2 * RD_CHUNK - d->len);
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1)
			return -1;
		if (got == 0)
			d->eof = 1;
		d->len += (size_t)got;
	}
}

/* Up to max bytes of a message kept, the rest counted out: one byte over
 * DETECT_MIME_MAX is enough for the engine to say it cut the message. */
static void
msg_add(struct buf *b, const char *p, size_t n)
{
	if (n > b->max - b->len)
		n = b->max - b->len;
	if (buf_add(b, p, n) == -1)
		abort();
}

/*
 * A file or stream as messages: an mbox (its first line that is not
 * blank a From_ line, after a UTF-8 BOM if any) split at its From_
 * lines, each message with its index (every From_ line starts one, even
 * an empty one), or else one message.  Each message is kept to
 * DETECT_MIME_MAX + 1 bytes (the engine reads no more), so an mbox of
 * any size is read in one pass.
 */
static void
scan_stream(struct run *r, const char *src, int fd)
{
	enum { S_UNKNOWN, S_ONE, S_MBOX } kind = S_UNKNOWN;
	struct rd	 d;
	struct buf	 msg;
	const char	*p, *q;
	size_t		 n;
	long		 idx = 0;
	int		 bol, first = 1, rc;

	rd_init(&d, fd);
	buf_init(&msg, DETECT_MIME_MAX + 1);
	while ((rc = rd_piece(&d, &p, &n, &bol)) == 1) {
		if (kind == S_UNKNOWN) {
			q = p;
			if (first && n >= 3 &&
			    memcmp(p, "\xef\xbb\xbf", 3) == 0)
				q += 3;
			first = 0;
			if (bol && from_line(q, p + n)) {
				/* What came before it is no message. */
				kind = S_MBOX;
				buf_reset(&msg);
				continue;
			}
			if (!bol || !blank_line(q, p + n))
				kind = S_ONE;
		} else if (kind == S_MBOX && bol && from_line(p, p + n)) {
			scan_one(r, src, ++idx, msg.ptr, msg.len);
			buf_reset(&msg);
			continue;
		}
		msg_add(&msg, p, n);
	}
	if (rc == -1)
		path_error(r, src, strerror(errno));
	else
		scan_one(r, src, kind == S_MBOX ? ++idx : 0, msg.ptr, msg.len);
	buf_release(&msg);
	rd_free(&d);
}

/* All of a file for --graph (cJSON parses a whole text), to
 * GRAPH_FILE_MAX bytes: 0, or -1 with errno set (EFBIG past the limit). */
#define GRAPH_FILE_MAX	(1u << 30)

static int
read_all(int fd, struct buf *b)
{
	ssize_t	 got;
	size_t	 room;

	for (;;) {
		if (b->len > GRAPH_FILE_MAX) {
			errno = EFBIG;
			return -1;
		}
		room = b->max - b->len < RD_CHUNK ? b->max - b->len : RD_CHUNK;
		if (buf_grow(b, room) == -1)
			abort();
		got = read(fd, b->ptr + b->len, room);
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1)
			return -1;
		if (got == 0)
			return 0;
		b->len += (size_t)got;
		b->ptr[b->len] = '\0';
	}
}

static void
scan_fd(struct run *r, const char *src, int fd)
{
	struct buf	 b;

	if (!r->graph) {
		scan_stream(r, src, fd);
		return;
	}
	buf_init(&b, GRAPH_FILE_MAX + 1);
	if (read_all(fd, &b) == -1)
		path_error(r, src, errno == EFBIG ? "larger than 1 GB, the "
		    "limit of --graph" : strerror(errno));
	else
		scan_graph(r, src, b.ptr, b.len);
	buf_release(&b);
}

static void
scan_file(struct run *r, const char *path)
{
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		path_error(r, path, strerror(errno));
		return;
	}
	scan_fd(r, path, fd);
	close(fd);
}

static int
namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void scan_path(struct run *, const char *, int);

static int
is_dir(const char *path, const char *sub)
{
	char		 p[4096];
	struct stat	 st;

	if ((size_t)snprintf(p, sizeof(p), "%s/%s", path, sub) >= sizeof(p))
		return 0;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* How scan_dir reads a directory. */
enum walk {
	WALK_ALL,	/* files and sub-directories, but no dot-names */
	WALK_FILES,	/* a Maildir's cur/ or new/: its files */
	WALK_MAILDIR	/* a Maildir: what is beside cur/, new/ and tmp/ */
};

/*
 * Beside a Maildir's cur/ and new/: skip tmp/ (mail not yet delivered)
 * and what mail servers keep there (dovecot-uidlist, dovecot.index*,
 * courierimapuiddb, maildirsize, subscriptions, maildirfolder), which
 * is no mail.  A dot-name is a Maildir++ folder (".Sent",
 * ".Archive.2024") when it is a Maildir itself, else skipped.
 */
static int
maildir_skip(const char *dir, const char *name)
{
	static const char *const	 meta[] = { "cur", "new", "tmp",
	    "maildirsize", "maildirfolder", "subscriptions" };
	size_t				 i;

	for (i = 0; i < nitems(meta); i++)
		if (strcmp(name, meta[i]) == 0)
			return 1;
	if (strncmp(name, "dovecot", 7) == 0 ||
	    strncmp(name, "courier", 7) == 0)
		return 1;
	if (name[0] == '.') {
		char	 p[4096];

		if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			return 1;
		snprintf(p, sizeof(p), "%s/%s", dir, name);
		return !(is_dir(p, "cur") && is_dir(p, "new"));
	}
	return 0;
}

static void
scan_dir(struct run *r, const char *path, int depth, enum walk how)
{
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL;
	size_t		 n = 0, cap = 0, i;

	if ((d = opendir(path)) == NULL) {
		path_error(r, path, strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (how == WALK_MAILDIR ? maildir_skip(path, de->d_name) :
		    de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = xrealloc(names, cap * sizeof(*names));
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), namecmp);
	for (i = 0; i < n; i++) {
		char		*full;
		struct stat	 st;
		size_t		 l = strlen(path) + strlen(names[i]) + 2;

		full = xmalloc(l);
		snprintf(full, l, "%s%s%s", path,
		    path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
		l = strlen(names[i]);
		/* Graph JSON in a folder: its .json files. */
		if (r->graph && (l < 5 || str_casecmp(names[i] + l - 5,
		    ".json") != 0) && stat(full, &st) == 0 &&
		    S_ISREG(st.st_mode))
			;
		else if (how != WALK_FILES || (stat(full, &st) == 0 &&
		    S_ISREG(st.st_mode)))
			scan_path(r, full, depth + 1);
		free(full);
		free(names[i]);
	}
	free(names);
}

static void
scan_path(struct run *r, const char *path, int depth)
{
	struct stat	 st;

	if (depth == 0 && strcmp(path, "-") == 0) {
		scan_fd(r, path, STDIN_FILENO);
		return;
	}
	if (stat(path, &st) == -1) {
		path_error(r, path, strerror(errno));
		return;
	}
	if (S_ISREG(st.st_mode)) {
		if (seen_add(&r->seen, &st))
			scan_file(r, path);
		return;
	}
	/* A pipe or a device named on the command line (a FIFO, <(...),
	 * /dev/stdin) is read as a stream; met in a directory, it is
	 * passed over (a FIFO there could block the walk for good). */
	if (!S_ISDIR(st.st_mode)) {
		if (depth == 0 && (S_ISFIFO(st.st_mode) ||
		    S_ISCHR(st.st_mode)))
			scan_file(r, path);
		else if (depth == 0)
			path_error(r, path, "not a file, a directory, a pipe "
			    "or a character device");
		return;
	}
	if (depth > DEPTH_MAX) {
		path_error(r, path, "too deep");
		return;
	}
	if (!seen_add(&r->seen, &st)) {
		path_warn(r, path, "a directory met before (a link loop, or "
		    "a second link to it): passed over");
		return;
	}
	if (is_dir(path, "cur") && is_dir(path, "new")) {
		/* A Maildir: its messages, then what is beside them: loose
		 * files, its sub-folders (Maildir++ ".Sent", Dovecot's
		 * plain "Archive/"). */
		char p[4096];

		snprintf(p, sizeof(p), "%s/cur", path);
		scan_dir(r, p, depth, WALK_FILES);
		snprintf(p, sizeof(p), "%s/new", path);
		scan_dir(r, p, depth, WALK_FILES);
		scan_dir(r, path, depth, WALK_MAILDIR);
		return;
	}
	scan_dir(r, path, depth, WALK_ALL);
}

/* The rule table as Markdown, for detect/README.md. */
static void
list_rules(void)
{
	const struct detect_rule_info	*ri;
	size_t				 n = detect_rules(&ri), i;

	printf("| rule | category | severity | weight | trigger |\n"
	    "|---|---|---|---|---|\n");
	for (i = 0; i < n; i++)
		printf("| `%s` | %s | %s | %d | %s |\n", ri[i].id,
		    detect_category_name(ri[i].category),
		    detect_severity_name(ri[i].severity), ri[i].weight,
		    ri[i].what);
}

int
main(int argc, char *argv[])
{
	static const struct option lo[] = {
		{ "text", no_argument, NULL, 't' },
		{ "lang", required_argument, NULL, 'l' },
		{ "detail", no_argument, NULL, 'd' },
		{ "all", no_argument, NULL, 'a' },
		{ "config", required_argument, NULL, 'c' },
		{ "clamav-db", required_argument, NULL, 'C' },
		{ "rules", required_argument, NULL, 'R' },
		{ "feed", required_argument, NULL, 'F' },
		{ "own-domain", required_argument, NULL, 'O' },
		{ "correspondent", required_argument, NULL, 'K' },
		{ "person", required_argument, NULL, 'P' },
		{ "brands", required_argument, NULL, 'B' },
		{ "no-builtin-brands", no_argument, NULL, 'N' },
		{ "password", required_argument, NULL, 'p' },
		{ "list-rules", no_argument, NULL, 'L' },
		{ "graph", no_argument, NULL, 'G' },
		{ "mailbox", required_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct detect_opts	 o;
	struct detect_engine	*e;
	struct run		 r;
	struct conf		 conf;
	const char		*feeds[LIST_MAX] = { NULL }, *own[LIST_MAX] = {
	    NULL }, *corr[LIST_MAX] = { NULL }, *people[LIST_MAX] = { NULL };
	const char		*pws[LIST_MAX] = { NULL }, *mailbox = NULL;
	int			 nfeeds = 0, nown = 0, ncorr = 0, npeople = 0;
	int			 npw = 0, c, i, have_conf = 0;
	char			 err[512];

	log_init("shindan-scan");
	memset(&r, 0, sizeof(r));
	r.out = stdout;
	detect_opts_init(&o);
	while ((c = getopt_long(argc, argv, "tl:dac:h", lo, NULL)) != -1) {
		switch (c) {
		case 't': r.text = 1; break;
		case 'l':
			if (strcmp(optarg, "ja") == 0)
				r.lang = DETECT_JA;
			else if (strcmp(optarg, "en") == 0)
				r.lang = DETECT_EN;
			else
				usage();
			break;
		case 'd': r.detail = 1; break;
		case 'a': r.all = 1; break;
		case 'c':
			if (conf_load(&conf, optarg) == -1)
				return 2;
			have_conf = 1;
			o.clamav_db = conf.clamav_db;
			o.rules_dir = conf.rules_dir;
			o.brands_file = conf.brands_file;
			if (conf.feeds != NULL && *conf.feeds != '\0')
				add(feeds, &nfeeds, conf.feeds);
			break;
		case 'C': o.clamav_db = optarg; break;
		case 'R': o.rules_dir = optarg; break;
		case 'F': add(feeds, &nfeeds, optarg); break;
		case 'O': add(own, &nown, optarg); break;
		case 'K': add(corr, &ncorr, optarg); break;
		case 'P':
			if (npeople < LIST_MAX - 1)
				people[npeople++] = optarg;
			break;
		case 'B': o.brands_file = optarg; break;
		case 'N': o.no_builtin_brands = 1; break;
		case 'L': list_rules(); return 0;
		case 'G': r.graph = 1; break;
		case 'M': mailbox = optarg; break;
		case 'p':
			if (npw < LIST_MAX - 1)
				pws[npw++] = optarg;
			break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();
	o.feeds = feeds;
	o.own_domains = own;
	o.correspondents = corr;
	o.people = people;
	if ((e = detect_engine_new(&o, err, sizeof(err))) == NULL) {
		fprintf(stderr, "shindan-scan: %s\n", err);
		owned_free();
		if (have_conf)
			conf_free(&conf);
		return 2;
	}
	r.eng = e;
	r.scan = detect_scan_new(e);
	/* Progress where a person watches and the results are not. */
	r.progress = isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO);
	r.start_ms = r.last_ms = time_mono_ms();
	for (i = 0; i < npw; i++)
		detect_scan_add_password(r.scan, pws[i]);
	if (mailbox != NULL && detect_scan_set_reader(r.scan, mailbox) == -1) {
		fprintf(stderr, "shindan-scan: --mailbox %s: not a mail "
		    "address\n", mailbox);
		r.rc = 2;
		goto out;
	}
	for (i = optind; i < argc; i++) {
		/* A PATH given twice is scanned twice, as asked. */
		seen_clear(&r.seen);
		scan_path(&r, argv[i], 0);
	}
	seen_clear(&r.seen);
	held_run(&r);
	progress(&r, 1);
	if (r.text && r.lang == DETECT_JA)
		printf("\n%lu 通: %s %lu、%s %lu、%s %lu\n",
		    r.n[0] + r.n[1] + r.n[2], JA_VERDICT[DETECT_THREAT],
		    r.n[DETECT_THREAT], JA_VERDICT[DETECT_POTENTIAL],
		    r.n[DETECT_POTENTIAL], JA_VERDICT[DETECT_CLEAN],
		    r.n[DETECT_CLEAN]);
	else if (r.text)
		printf("\n%lu messages: %lu threat, %lu potential, %lu clean\n",
		    r.n[0] + r.n[1] + r.n[2], r.n[DETECT_THREAT],
		    r.n[DETECT_POTENTIAL], r.n[DETECT_CLEAN]);
out:
	detect_scan_free(r.scan);
	detect_engine_free(e);
	if (have_conf)
		conf_free(&conf);
	owned_free();
	return fflush(stdout) == 0 ? r.rc : 2;
}
