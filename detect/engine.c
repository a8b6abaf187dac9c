/*
 * engine: the engine and scan context objects, the rule table, findings,
 * the score and the verdict, and the public entry points of detect.h.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmime/gmime.h>
#include <libpsl.h>
#include <magic.h>
#include <sodium.h>

#include "cipher.h"
#include "internal.h"
#include "log.h"
#include "util.h"

#define SCAN_ARENA_MAX	(768u << 20)	/* last line of defence */
#define FINDINGS_MAX	64
#define PER_RULE_MAX	4

struct rule_def {
	const char		*id;
	enum detect_category	 cat;
	int			 weight;
	const char		*what;
	const char		*en, *ja;
};

#define RULE_DEF(e, id, cat, w, what, en, ja) { id, cat, w, what, en, ja },
static const struct rule_def rules[R__MAX] = {
	RULES(RULE_DEF)
};
#undef RULE_DEF

static struct detect_rule_info rule_info[R__MAX];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static enum detect_severity
sev_of(int weight)
{
	if (weight >= DETECT_SCORE_THREAT)
		return DETECT_HIGH;
	if (weight >= DETECT_SCORE_POTENTIAL)
		return DETECT_MEDIUM;
	return DETECT_LOW;
}

static void
init_once(void)
{
	size_t	 i;

	g_mime_init();
	if (sodium_init() < 0)
		abort();
	cipher_init();
	for (i = 0; i < R__MAX; i++) {
		rule_info[i].id = rules[i].id;
		rule_info[i].category = rules[i].cat;
		rule_info[i].severity = sev_of(rules[i].weight);
		rule_info[i].weight = rules[i].weight;
		rule_info[i].what = rules[i].what;
	}
}

size_t
detect_rules(const struct detect_rule_info **out)
{
	pthread_once(&once, init_once);
	*out = rule_info;
	return R__MAX;
}

const char *
detect_verdict_name(enum detect_verdict v)
{
	static const char *const n[] = { "clean", "potential", "threat" };

	return (unsigned)v < nitems(n) ? n[v] : "clean";
}

const char *
detect_category_name(enum detect_category c)
{
	static const char *const n[] = { "malware", "phishing",
	    "suspicious_url", "spoofing", "impersonation",
	    "risky_attachment", "spam" };

	return (unsigned)c < nitems(n) ? n[c] : "spam";
}

const char *
detect_severity_name(enum detect_severity s)
{
	static const char *const n[] = { "low", "medium", "high" };

	return (unsigned)s < nitems(n) ? n[s] : "low";
}

void
detect_opts_init(struct detect_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->rules_dir = "detect/rules";
}

/* ---- the engine ---- */

struct detect_engine *
detect_engine_new(const struct detect_opts *o, char *err, size_t errlen)
{
	struct detect_engine	*e;
	GMimeParserOptions	*po;
	static const char	*fallback[] = { "UTF-8", "ISO-2022-JP",
	    "EUC-JP", "CP932", "WINDOWS-1252", NULL };

	pthread_once(&once, init_once);
	if (errlen > 0)
		err[0] = '\0';
	e = xcalloc(1, sizeof(*e));
	hset_init(&e->feed_url, NULL);
	hset_init(&e->feed_host, NULL);
	hset_init(&e->feed_domain, NULL);
	hset_init(&e->brand_dom, NULL);
	hset_init(&e->brand_keys, NULL);
	hset_init(&e->brand_mail, NULL);
	hset_init(&e->freemail, NULL);
	hset_init(&e->shorteners, NULL);
	hset_init(&e->hosting, NULL);
	hset_init(&e->risky_tld, NULL);
	hset_init(&e->redirectors, NULL);
	hset_init(&e->imghosts, NULL);
	hset_init(&e->mailers, NULL);
	e->psl = psl_latest(NULL);
	if (e->psl == NULL)
		e->psl = (void *)psl_builtin();
	if (e->psl == NULL) {
		snprintf(err, errlen, "no public suffix list");
		goto fail;
	}
	po = g_mime_parser_options_new();
	g_mime_parser_options_set_fallback_charsets(po, fallback);
	g_mime_parser_options_set_address_compliance_mode(po,
	    GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_parameter_compliance_mode(po,
	    GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_rfc2047_compliance_mode(po,
	    GMIME_RFC_COMPLIANCE_LOOSE);
	e->gmopts = po;
	e->signals = getenv("SHINDAN_DETECT_SIGNALS") != NULL;
	e->tokens = getenv("SHINDAN_DETECT_TOKENS") != NULL;
	if (lists_build(e, o, err, errlen) == -1)
		goto fail;
	if (bayes_build(e) == -1 || content_build(e) == -1) {
		snprintf(err, errlen, "content patterns do not build");
		goto fail;
	}
	if (av_open(e, o, err, errlen) == -1)
		goto fail;
	snprintf(e->describe, sizeof(e->describe),
	    "detect %s: clamav %u signatures, yara %d rules, feeds %zu "
	    "entries, %zu brands, %zu patterns", DETECT_VERSION,
	    e->clam_sigs, e->yara_rules, e->feed_count, e->nbrands,
	    ac_states(e->content_ac));
	return e;
fail:
	detect_engine_free(e);
	return NULL;
}

void
detect_engine_free(struct detect_engine *e)
{
	if (e == NULL)
		return;
	av_close(e);
	lists_free(e);
	hset_free(&e->bayes);
	if (e->psl != NULL && e->psl != psl_builtin())
		psl_free(e->psl);
	if (e->gmopts != NULL)
		g_mime_parser_options_free(e->gmopts);
	free(e);
}

const char *
detect_engine_describe(const struct detect_engine *e)
{
	return e->describe;
}

/* ---- the scan context ---- */

/* dom_lookalike()'s answers, kept for one message and one organisation:
 * they point into its lists and the arena.  Called when the lists change
 * (org_clear) and at the start; an arena reset (scan_begin or any other)
 * is seen by dom_lookalike() itself, by the arena's count of resets. */
void
looks_forget(struct detect_scan *s)
{
	hset_init(&s->look_seen, &s->a);
	s->looks = NULL;
	s->nlooks = 0;
	s->looks_epoch = s->a.resets;
}

struct detect_scan *
detect_scan_new(struct detect_engine *e)
{
	struct detect_scan	*s = xcalloc(1, sizeof(*s));

	s->eng = e;
	s->own = &e->own;
	s->corr = &e->corr;
	s->people = &e->people;
	arena_init(&s->a, SCAN_ARENA_MAX);
	looks_forget(s);
	s->magic = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS |
	    MAGIC_NO_CHECK_ELF | MAGIC_NO_CHECK_ENCODING | MAGIC_ERROR);
	if (s->magic == NULL || magic_load(s->magic, NULL) == -1) {
		log_warn("detect: libmagic: %s", s->magic ?
		    magic_error(s->magic) : "cannot start");
		if (s->magic != NULL)
			magic_close(s->magic);
		s->magic = NULL;
	} else {
		size_t	 bytes = 256 * 1024;

		magic_setparam(s->magic, MAGIC_PARAM_BYTES_MAX, &bytes);
	}
	s->zbar = qr_new();
	buf_init(&s->text, DETECT_TEXT_MAX);
	buf_init(&s->doc, DETECT_DOC_TEXT_MAX);
	return s;
}

/* Back to the engine's lists of the organisation. */
static void
org_clear(struct detect_scan *s)
{
	if (s->set_own != NULL)
		org_domains_free(s->set_own);
	if (s->set_corr != NULL)
		org_domains_free(s->set_corr);
	if (s->set_people != NULL)
		org_people_free(s->set_people);
	free(s->set_own);
	free(s->set_corr);
	free(s->set_people);
	s->set_own = s->set_corr = NULL;
	s->set_people = NULL;
	s->own = &s->eng->own;
	s->corr = &s->eng->corr;
	s->people = &s->eng->people;
	looks_forget(s);
}

static size_t
org_count(const char *const *l)
{
	size_t	 n = 0;

	while (l != NULL && l[n] != NULL)
		n++;
	return n;
}

int
detect_scan_set_org(struct detect_scan *s, const char *const *own_domains,
    const char *const *people, const char *const *correspondents)
{
	if (s == NULL)
		return -1;
	if (org_count(own_domains) > DETECT_ORG_MAX ||
	    org_count(people) > DETECT_ORG_MAX ||
	    org_count(correspondents) > DETECT_ORG_MAX)
		return -1;
	org_clear(s);
	if (own_domains != NULL) {
		s->set_own = xmalloc(sizeof(*s->set_own));
		org_domains_build(s->eng, s->set_own, own_domains, PK_OWN);
		s->own = s->set_own;
	}
	if (correspondents != NULL) {
		s->set_corr = xmalloc(sizeof(*s->set_corr));
		org_domains_build(s->eng, s->set_corr, correspondents, PK_CORR);
		s->corr = s->set_corr;
	}
	if (people != NULL) {
		s->set_people = xmalloc(sizeof(*s->set_people));
		org_people_build(s->set_people, people);
		s->people = s->set_people;
	}
	return 0;
}

int
detect_scan_set_reader(struct detect_scan *s, const char *addr)
{
	if (s == NULL || (addr != NULL && *addr != '\0' &&
	    (strlen(addr) >= sizeof(s->reader) || strchr(addr, '@') == NULL)))
		return -1;
	snprintf(s->reader, sizeof(s->reader), "%s", addr != NULL ? addr : "");
	return 0;
}

const char *
scan_reader(const struct detect_scan *s, int i)
{
	const char	*to = s->m->to.addr;

	if (to == NULL || strchr(to, '@') == NULL)
		to = NULL;
	if (i == 0 && to != NULL)
		return to;
	/* The reader's own mail (Sent Items: every folder is read) names
	 * its writer: that is no sign of a kit. */
	if (i == (to != NULL) && s->reader[0] != '\0' &&
	    (to == NULL || str_casecmp(to, s->reader) != 0) &&
	    (s->m->from.addr == NULL ||
	    str_casecmp(s->m->from.addr, s->reader) != 0))
		return s->reader;
	return NULL;
}

void
detect_scan_free(struct detect_scan *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	arena_release(&s->a);
	if (s->magic != NULL)
		magic_close(s->magic);
	qr_free(s->zbar);
	buf_release(&s->text);
	buf_release(&s->doc);
	for (i = 0; i < DETECT_PASSWORDS_MAX; i++)
		free(s->pw[i]);
	org_clear(s);
	free(s);
}

void
detect_scan_add_password(struct detect_scan *s, const char *pw)
{
	size_t	 i, n = strlen(pw);

	if (n == 0 || n > 128)
		return;
	for (i = 0; i < s->npw; i++)
		if (strcmp(s->pw[i], pw) == 0)
			return;
	/* A ring: the newest passwords win. */
	free(s->pw[s->pwnext]);
	s->pw[s->pwnext] = xstrdup(pw);
	s->pw_learnt++;
	s->pwnext = (s->pwnext + 1) % DETECT_PASSWORDS_MAX;
	if (s->npw < DETECT_PASSWORDS_MAX)
		s->npw++;
}

size_t
pw_newest(const struct detect_scan *s, size_t i)
{
	return (s->pwnext + DETECT_PASSWORDS_MAX - 1 - i) %
	    DETECT_PASSWORDS_MAX;
}

size_t
detect_scan_passwords(const struct detect_scan *s)
{
	return s->pw_learnt;
}

/* ---- findings ---- */

static void
render(struct buf *b, const char *tpl, const struct fargs *fa,
    const char *name)
{
	const char	*p = tpl, *q, *v;
	size_t		 n;

	while ((q = strchr(p, '{')) != NULL) {
		buf_add(b, p, (size_t)(q - p));
		p = strchr(q, '}');
		if (p == NULL) {
			p = q;
			break;
		}
		n = (size_t)(p - q - 1);
		p++;
		v = NULL;
#define F(k) if (n == sizeof(#k) - 1 && memcmp(q + 1, #k, n) == 0) v = fa->k;
		F(url) F(domain) F(imitates) F(type) F(sha256) F(check) F(detail)
#undef F
		if (n == 4 && memcmp(q + 1, "name", 4) == 0)
			v = name;
		/* A file not read has no digest: its sentence goes. */
		if ((v == NULL || *v == '\0') && n == 6 &&
		    memcmp(q + 1, "sha256", 6) == 0 && b->len >= 8 &&
		    memcmp(b->ptr + b->len - 8, "SHA-256 ", 8) == 0) {
			b->len -= 8;
			if (b->len > 0 && b->ptr[b->len - 1] == ' ')
				b->len--;
			b->ptr[b->len] = '\0';
			if (*p == '.')
				p++;
			continue;
		}
		buf_adds(b, v != NULL && *v != '\0' ? v : "-");
	}
	buf_adds(b, p);
}

/*
 * The engine's own words in a value, in Japanese: the names it gives what
 * has none, whole ("picture in the HTML (data: URL)", "(unnamed
 * image/png)", "(no address)"), and what it adds at the end of a name
 * ("a.pdf > drawing", "x.gif (frame 2)", "Name (disguised)"); read from
 * the end only, so that a file named with these words keeps its name.
 */
const char *
ja_labels(struct detect_scan *s, const char *v)
{
	static const char *const whole[][2] = {
		{ "picture in the HTML (svg)", "HTML 内の画像 (SVG)" },
		{ "picture in the HTML (data: URL)", "HTML 内の画像 (data: URL)" },
		{ "(no name)", "(名前なし)" },
		{ "(no address)", "(アドレスなし)" },
	};
	static const char *const tail[][2] = {
		{ " > drawing", " > 描画" },
		{ " > decrypted", " > 復号したもの" },
		{ " > image", " > 画像" },
		{ " (disguised)", " (偽装)" },
	};
	const char	*ja[8];
	char		 frame[32];
	size_t		 n, i, k, nja = 0, l;

	if (v == NULL)
		return v;
	n = strlen(v);
	/* What the engine put at the end, from the last. */
	while (nja < nitems(ja)) {
		for (i = 0; i < nitems(tail); i++) {
			l = strlen(tail[i][0]);
			if (n >= l && memcmp(v + n - l, tail[i][0], l) == 0)
				break;
		}
		if (i < nitems(tail)) {
			ja[nja++] = tail[i][1];
			n -= strlen(tail[i][0]);
			continue;
		}
		/* " (frame N)" */
		if (n == 0 || v[n - 1] != ')')
			break;
		for (k = n - 1; k > 0 && v[k - 1] >= '0' && v[k - 1] <= '9';
		    k--)
			;
		if (k < n - 1 && n - 1 - k < 10 && k >= 8 &&
		    memcmp(v + k - 8, " (frame ", 8) == 0) {
			snprintf(frame, sizeof(frame), " (フレーム %.*s)",
			    (int)(n - 1 - k), v + k);
			ja[nja++] = arena_strdup(&s->a, frame);
			n = k - 8;
			continue;
		}
		break;
	}
	{
		struct buf	 b;
		const char	*out, *base = NULL;

		for (i = 0; i < nitems(whole); i++)
			if (strlen(whole[i][0]) == n &&
			    memcmp(v, whole[i][0], n) == 0)
				base = whole[i][1];
		if (base == NULL && n > 10 && memcmp(v, "(unnamed ", 9) == 0 &&
		    v[n - 1] == ')' && memchr(v + 9, '(', n - 10) == NULL)
			base = arena_printf(&s->a, "(名前のない %.*s)",
			    (int)(n - 10), v + 9);
		if (base == NULL && nja == 0)
			return v;
		buf_init(&b, 256);
		if (base != NULL)
			buf_adds(&b, base);
		else
			buf_add(&b, v, n);
		while (nja > 0)
			buf_adds(&b, ja[--nja]);
		out = arena_strdup(&s->a, b.ptr);
		buf_release(&b);
		return out;
	}
}

static const char *
clip(struct detect_scan *s, const char *v, size_t max)
{
	return v == NULL ? NULL : text_clip(&s->a, v, max);
}

static void
add(struct detect_scan *s, const char *rule, enum detect_category cat,
    int weight, const char *en, const char *ja, const struct fargs *in)
{
	struct detect_finding	*f;
	struct fargs		 fa = *in;
	struct buf		 b;
	size_t			 i, same = 0;

	/* Clipped first: what is kept is what is compared (a name over 200
	 * bytes was never the same as itself). */
	fa.url = clip(s, fa.url, 300);
	fa.name = clip(s, fa.name, 200);
	for (i = 0; i < s->nf; i++) {
		if (strcmp(s->f[i].rule, rule) != 0)
			continue;
		/* The same thing said twice is said once. */
		if ((fa.url == NULL || (s->f[i].url != NULL &&
		    strcmp(fa.url, s->f[i].url) == 0)) &&
		    (fa.name == NULL || (s->f[i].attachment != NULL &&
		    strcmp(fa.name, s->f[i].attachment) == 0)))
			return;
		same++;
	}
	if (same >= PER_RULE_MAX || s->nf >= FINDINGS_MAX)
		return;
	if (s->nf == s->fcap) {
		struct detect_finding *nf;

		s->fcap = s->fcap ? s->fcap * 2 : 16;
		nf = arena_alloc(&s->a, s->fcap * sizeof(*nf));
		if (s->nf > 0)
			memcpy(nf, s->f, s->nf * sizeof(*nf));
		s->f = nf;
	}
	fa.domain = clip(s, fa.domain, 200);
	fa.imitates = clip(s, fa.imitates, 200);
	fa.type = clip(s, fa.type, 120);
	fa.check = clip(s, fa.check, 200);
	fa.detail = clip(s, fa.detail, 200);
	fa.detail_ja = clip(s, fa.detail_ja, 200);
	fa.type_ja = clip(s, fa.type_ja, 120);
	f = &s->f[s->nf++];
	memset(f, 0, sizeof(*f));
	f->category = cat;
	f->weight = weight;
	f->severity = sev_of(weight);
	f->rule = rule;
	f->url = fa.url;
	f->domain = fa.domain;
	f->imitates = fa.imitates;
	f->attachment = fa.name;
	f->filetype = fa.type;
	f->sha256 = fa.sha256;
	f->check = fa.check;
	{
		/* Evidence quotes the URL shorter than the field keeps it. */
		struct fargs ev = fa;

		ev.url = clip(s, fa.url, 120);
		buf_init(&b, 4096);
		/* Checks of a forwarded message's sender say so. */
		if (s->fwd_now)
			buf_adds(&b, "In the message forwarded in the text, ");
		{
			size_t at = b.len;

			render(&b, en, &ev, fa.name);
			/* "..., the sender's name", not "The": a word
			 * with more capitals ("URL", "PayPal") stays. */
			if (s->fwd_now && b.len > at + 1 &&
			    isupper((unsigned char)b.ptr[at]) &&
			    islower((unsigned char)b.ptr[at + 1]))
				b.ptr[at] = (char)tolower((unsigned char)
				    b.ptr[at]);
		}
		f->evidence[DETECT_EN] = arena_strdup(&s->a, b.ptr);
		buf_reset(&b);
		ev.detail = fa.detail_ja != NULL ? fa.detail_ja :
		    ja_labels(s, ev.detail);
		if (fa.type_ja != NULL)
			ev.type = fa.type_ja;
		ev.domain = ja_labels(s, ev.domain);
		if (s->fwd_now)
			buf_adds(&b, "本文中で転送されたメッセージについて: ");
		render(&b, ja, &ev, ja_labels(s, fa.name));
		f->evidence[DETECT_JA] = arena_strdup(&s->a, b.ptr);
		buf_release(&b);
	}
}

void
finding_add(struct detect_scan *s, enum rule_id r, const struct fargs *fa)
{
	if ((unsigned)r >= R__MAX)
		abort();
	add(s, rules[r].id, rules[r].cat, rules[r].weight, rules[r].en,
	    rules[r].ja, fa);
}

void
finding_add_custom(struct detect_scan *s, const char *rule,
    enum detect_category cat, int weight, const char *en, const char *ja,
    const struct fargs *fa)
{
	add(s, arena_strdup(&s->a, rule), cat, weight, en, ja, fa);
}

int
finding_has(const struct detect_scan *s, enum rule_id r)
{
	size_t	 i;

	for (i = 0; i < s->nf; i++)
		if (strcmp(s->f[i].rule, rules[r].id) == 0)
			return 1;
	return 0;
}

/*
 * Independent checks that agree.  A rule of one analyzer is one kind of
 * evidence; a sender that is not who it says, a greeting by the reader's
 * mail address (a harvested list), links that go where they should not
 * and a text written to deceive are four.  When findings of
 * CORROB_MIN or more come from two or more of these families, the
 * message gets CORROB_WEIGHT more, as a finding of its own that names
 * them, in the category of the strongest finding.  Weak findings (less
 * than CORROB_MIN) corroborate nothing.
 */
#define CORROB_MIN	15
#define CORROB_WEIGHT	10

enum family { FAM_SENDER, FAM_RECIPIENT, FAM_LINKS, FAM_TEXT, FAM_ATTACH,
	FAM__MAX };

static int
family_of(const char *rule)
{
	static const struct { const char *p; enum family f; } map[] = {
		{ "sender.", FAM_SENDER }, { "auth.", FAM_SENDER },
		{ "url.", FAM_LINKS }, { "content.", FAM_TEXT },
		{ "html.", FAM_TEXT }, { "attach.", FAM_ATTACH },
		{ "av.", FAM_ATTACH }, { "yara.", FAM_ATTACH } };
	/* Rules whose evidence is the links, whatever else they read. */
	static const char *const links[] = { "sender.brand_domain_hosting",
		"sender.brand_links_elsewhere", "content.brand_links_elsewhere" };
	/* How the mail addresses the reader (by their address, as a
	 * harvested list does), whatever it says. */
	static const char *const recipient[] = { "content.address_greeting",
		"content.address_in_subject" };
	size_t	 i;

	/* A statistical likeness to spam is no sign of deceit. */
	if (strcmp(rule, rules[R_CONTENT_BAYES].id) == 0)
		return -1;
	for (i = 0; i < nitems(links); i++)
		if (strcmp(rule, links[i]) == 0)
			return FAM_LINKS;
	for (i = 0; i < nitems(recipient); i++)
		if (strcmp(rule, recipient[i]) == 0)
			return FAM_RECIPIENT;
	for (i = 0; i < nitems(map); i++)
		if (strncmp(rule, map[i].p, strlen(map[i].p)) == 0)
			return map[i].f;
	return -1;
}

static void
corroborate(struct detect_scan *s)
{
	static const char *const name[FAM__MAX][2] = {
		{ "the sender", "送信者" },
		{ "the way it addresses the reader", "宛名の書き方" },
		{ "the links", "リンク" },
		{ "the text", "本文" }, { "the attachments", "添付ファイル" } };
	const struct detect_finding *top = NULL;
	struct buf en = BUF_INIT, ja = BUF_INIT;
	int	 seen[FAM__MAX] = { 0 }, n = 0, k = 0, f;
	size_t	 i;

	for (i = 0; i < s->nf; i++) {
		if (s->f[i].weight < CORROB_MIN ||
		    (f = family_of(s->f[i].rule)) < 0)
			continue;
		if (top == NULL || s->f[i].weight > top->weight)
			top = &s->f[i];
		if (!seen[f]++)
			n++;
	}
	if (n < 2)
		return;
	buf_adds(&en, "Independent checks agree: ");
	buf_adds(&ja, "独立した検査の結果が一致しています: ");
	for (f = 0; f < FAM__MAX; f++) {
		if (!seen[f])
			continue;
		k++;
		buf_adds(&en, k == 1 ? "" : k == n ? " and " : ", ");
		buf_adds(&en, name[f][0]);
		buf_adds(&ja, k == 1 ? "" : "、");
		buf_adds(&ja, name[f][1]);
	}
	buf_adds(&en, " each show signs of deceit; together they weigh more "
	    "than each alone.");
	buf_adds(&ja, "のそれぞれに不審な点があり、合わせると一つずつより強い"
	    "根拠になります。");
	if (en.ptr != NULL && ja.ptr != NULL)
		add(s, rules[R_CORROBORATED].id, top->category, CORROB_WEIGHT,
		    en.ptr, ja.ptr, &(struct fargs){ 0 });
	buf_release(&en);
	buf_release(&ja);
}

/* Score: each rule counts once, at its weight; capped at 100. */
static void
conclude(struct detect_scan *s, struct detect_result *r)
{
	size_t	 i, j;
	int	 score = 0;

	/* Strongest first; insertion sort keeps equal weights in order. */
	for (i = 1; i < s->nf; i++) {
		struct detect_finding t = s->f[i];

		for (j = i; j > 0 && s->f[j - 1].weight < t.weight; j--)
			s->f[j] = s->f[j - 1];
		s->f[j] = t;
	}
	for (i = 0; i < s->nf; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(s->f[j].rule, s->f[i].rule) == 0)
				break;
		if (j == i)
			score += s->f[i].weight;
	}
	if (score > 100)
		score = 100;
	r->score = score;
	r->verdict = score >= DETECT_SCORE_THREAT ? DETECT_THREAT :
	    score >= DETECT_SCORE_POTENTIAL ? DETECT_POTENTIAL : DETECT_CLEAN;
	r->nfindings = s->nf;
	r->findings = s->f;
}

static const char *
dup_out(struct arena *out, const char *v)
{
	return v == NULL ? NULL : arena_strdup(out, v);
}

static void
copy_out(struct arena *out, struct detect_result *r)
{
	struct detect_finding	*f;
	size_t			 i;

	if (r->nfindings == 0) {
		r->findings = NULL;
		return;
	}
	f = arena_alloc(out, r->nfindings * sizeof(*f));
	for (i = 0; i < r->nfindings; i++) {
		const struct detect_finding *o = &r->findings[i];

		f[i] = *o;
		f[i].rule = dup_out(out, o->rule);
		f[i].evidence[0] = dup_out(out, o->evidence[0]);
		f[i].evidence[1] = dup_out(out, o->evidence[1]);
		f[i].url = dup_out(out, o->url);
		f[i].domain = dup_out(out, o->domain);
		f[i].imitates = dup_out(out, o->imitates);
		f[i].attachment = dup_out(out, o->attachment);
		f[i].filetype = dup_out(out, o->filetype);
		f[i].sha256 = dup_out(out, o->sha256);
		f[i].check = dup_out(out, o->check);
	}
	r->findings = f;
}

/* ---- the message model ---- */

void
msg_init(struct dmsg *m)
{
	memset(m, 0, sizeof(*m));
}

void
msg_add_text(struct detect_scan *s, struct dmsg *m, const char *p,
    size_t n, int html)
{
	if (m->ntexts == m->texts_cap) {
		struct dtext *nt;

		m->texts_cap = m->texts_cap ? m->texts_cap * 2 : 8;
		nt = arena_alloc(&s->a, m->texts_cap * sizeof(*nt));
		if (m->ntexts > 0)
			memcpy(nt, m->texts, m->ntexts * sizeof(*nt));
		m->texts = nt;
	}
	m->texts[m->ntexts].s = p;
	m->texts[m->ntexts].len = n;
	m->texts[m->ntexts].html = html;
	m->texts[m->ntexts].raw = NULL;
	m->texts[m->ntexts].rawlen = 0;
	m->ntexts++;
}

/* Is the part a calendar: its type (text/calendar, application/ics), a
 * name in .ics, or its data a VCALENDAR whatever its type says? */
int
calendar_file(const struct dpart *p)
{
	const char	*d = (const char *)p->data;
	size_t		 n = p->len;

	if ((p->ctype != NULL && (strcmp(p->ctype, "text/calendar") == 0 ||
	    strcmp(p->ctype, "application/ics") == 0)) || (p->name != NULL &&
	    str_has_suffix_case(p->name, ".ics")))
		return 1;
	if (d == NULL)
		return 0;
	if (n >= 3 && memcmp(d, "\xef\xbb\xbf", 3) == 0)
		d += 3, n -= 3;
	while (n > 0 && (*d == ' ' || *d == '\r' || *d == '\n' || *d == '\t'))
		d++, n--;
	return n >= 15 && str_ncasecmp(d, "BEGIN:VCALENDAR", 15) == 0;
}

/*
 * A calendar's text (RFC 5545) as a calendar program shows it: its lines
 * unfolded (a line break and the blank or tab after it are nothing, so a
 * URL folded across lines is whole) and its text values unescaped ("\n"
 * a line, "\," a comma), so that "...meeting:\nhttps://..." shows the
 * link on a line of its own.
 */
void
msg_add_calendar(struct detect_scan *s, struct dmsg *m, const char *p,
    size_t n)
{
	char	*u = arena_alloc(&s->a, n + 1), *o = arena_alloc(&s->a, n + 1);
	size_t	 i, k = 0, un = 0;

	/* Unfolded first: a fold may fall inside an escape ("\\" CRLF
	 * " n"). */
	for (i = 0; i < n; i++) {
		if (p[i] == '\r' && i + 2 < n && p[i + 1] == '\n' &&
		    (p[i + 2] == ' ' || p[i + 2] == '\t')) {
			i += 2;
			continue;
		}
		if (p[i] == '\n' && i + 1 < n && (p[i + 1] == ' ' ||
		    p[i + 1] == '\t')) {
			i++;
			continue;
		}
		u[un++] = p[i];
	}
	for (i = 0; i < un; i++) {
		if (u[i] == '\\' && i + 1 < un) {
			char c = u[i + 1];

			if (c == 'n' || c == 'N') {
				o[k++] = '\n';
				i++;
				continue;
			}
			if (c == ',' || c == ';' || c == '\\') {
				o[k++] = c;
				i++;
				continue;
			}
		}
		o[k++] = u[i];
	}
	o[k] = '\0';
	msg_add_text(s, m, o, k, 0);
}

struct dpart *
msg_add_part(struct detect_scan *s, struct dmsg *m)
{
	struct dpart	*p;

	if (m->nparts >= DETECT_PARTS_MAX) {
		m->parts_over++;
		return NULL;
	}
	if (m->nparts == m->parts_cap) {
		struct dpart *np;

		m->parts_cap = m->parts_cap ? m->parts_cap * 2 : 8;
		np = arena_alloc(&s->a, m->parts_cap * sizeof(*np));
		if (m->nparts > 0)
			memcpy(np, m->parts, m->nparts * sizeof(*np));
		m->parts = np;
	}
	p = &m->parts[m->nparts++];
	memset(p, 0, sizeof(*p));
	return p;
}

void
msg_set_addr(struct detect_scan *s, struct daddr *d, const char *name,
    const char *addr)
{
	const char	*at;
	char		*a;
	size_t		 n;

	d->name = name != NULL && *name != '\0' ?
	    text_clip(&s->a, name, 256) : NULL;
	d->addr = d->domain = NULL;
	if (addr == NULL)
		return;
	while (*addr == ' ' || *addr == '<')
		addr++;
	n = strcspn(addr, "> \t\r\n");
	if (n == 0 || n > 320)
		return;
	a = arena_strndup(&s->a, addr, n);
	str_lower(a);
	d->addr = a;
	at = strrchr(a, '@');
	if (at != NULL && at[1] != '\0')
		d->domain = at + 1;
}

const char *
msg_header(const struct dmsg *m, const char *name)
{
	size_t	 i;

	for (i = 0; i < m->nhdrs; i++)
		if (str_casecmp(m->hdrs[i].name, name) == 0)
			return m->hdrs[i].value;
	return NULL;
}

void
msg_part_bodies(struct detect_scan *s, const struct dpart *p)
{
	/* Outlook's winmail.dat: its body is the text Outlook shows. */
	if (tnef_is(p->data, p->len))
		tnef_body(s, p->data, p->len);
	else if (item_is(p->data, p->len))
		item_body(s, p->data, p->len);
}

static const struct {
	const char	*en, *ja;
} cut_why[CUT__MAX] = {
	[CUT_MESSAGE] = { "message larger than the limit",
	    "メールが上限より大きい" },
	[CUT_HEADER] = { "a header longer than the limit",
	    "ヘッダーが上限より長い" },
	[CUT_NOT_MIME] = { "the message is not MIME",
	    "MIME 形式のメールではない" },
	[CUT_PART] = { "a part larger than the limit",
	    "パートが上限より大きい" },
	[CUT_NUL] = { "a NUL byte in a multipart of no part read",
	    "パートを読めなかったマルチパートに NUL バイトがある" },
	[CUT_BOUNDARIES] = { "more boundaries guessed than the limit",
	    "推測した境界が上限を超えた" },
	[CUT_PARTS] = { "more parts or nesting than the limit",
	    "パートの数または入れ子が上限を超えた" },
	[CUT_ATTACHMENT] = { "an attachment larger than the limit",
	    "添付ファイルが上限より大きい" },
	[CUT_ENTRIES] = { "more archive entries than the limit",
	    "アーカイブ内のファイルが上限を超えた" },
	[CUT_INFLATED] = { "more inflated bytes than the limit",
	    "展開したデータ量が上限を超えた" },
	[CUT_TRIES] = { "more password tries than the limit",
	    "パスワードの試行回数が上限を超えた" },
	[CUT_PDF_STREAMS] = { "more encrypted PDF streams than the limit",
	    "暗号化された PDF ストリームが上限を超えた" },
	[CUT_TNEF_DATA] = { "more data in a TNEF attachment than the limit",
	    "TNEF 添付ファイルのデータが上限を超えた" },
	[CUT_UU_FILES] = { "more uuencoded files than the limit",
	    "uuencode されたファイルが上限を超えた" },
	[CUT_DRAWING] = { "more vector drawing in PDF files than the limit "
	    "(not all of it searched for QR codes)",
	    "PDF ファイルの図形が上限を超えた（すべては QR コードを探していない）" },
};

void
msg_truncated(struct detect_scan *s, struct dmsg *m, enum cut why)
{
	(void)s;
	if (m->truncated == CUT_NONE && why > CUT_NONE && why < CUT__MAX)
		m->truncated = why;
}

void
sha256_hex(const void *p, size_t n, char out[65])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, p, n);
	hex_encode(h, sizeof(h), out);
}

/* ---- scanning ---- */

void
scan_begin(struct detect_scan *s)
{
	arena_reset(&s->a);
	s->m = arena_zalloc(&s->a, sizeof(*s->m));
	msg_init(s->m);
	s->f = NULL;
	s->nf = s->fcap = 0;
	s->u = NULL;
	s->nu = s->ucap = 0;
	hset_init(&s->useen, &s->a);
	buf_reset(&s->text);
	buf_reset(&s->doc);
	s->ndocs = 0;
	memset(&s->ns, 0, sizeof(s->ns));
	memset(&s->hbody, 0, sizeof(s->hbody));
	s->arc_files = s->inflated = s->item_text = 0;
	s->uu_blocks = 0;
	hset_init(&s->uu_seen, &s->a);
	s->qr_images = s->qr_pieces = s->qr_small = s->qr_tries = 0;
	s->qr_frames = s->qr_inner_reads = 0;
	s->qr_inner_cells = 0;
	memset(s->svg_ops, 0, sizeof(s->svg_ops));
	s->pdf_paint_ops = s->pdf_clip_ops = 0;
	s->qr_decoded = 0;
	s->msg_passwords = 0;
	s->pw_tries = s->arc_names = s->kdf_rounds = 0;
	s->claim_brand = -1;
	s->claim_display = 0;
	s->name_mixed = 0;
	s->depth = 0;
	memset(&s->fwd_from, 0, sizeof(s->fwd_from));
	s->fwd_found = s->fwd_now = s->fwd_active = 0;
	s->authentic = 0;
}

static void
scan_run(struct detect_scan *s, struct arena *out, struct detect_result *r)
{
	struct dmsg	*m = s->m;
	size_t		 i;

	/* Subject first in the text the phrases run on. */
	if (m->subject != NULL) {
		text_norm(&s->text, m->subject, strlen(m->subject), &s->ns);
		content_passwords(s, m->subject, strlen(m->subject));
		buf_adds(&s->text, " \n ");
	}
	for (i = 0; i < m->ntexts; i++) {
		const struct dtext *t = &m->texts[i];

		if (t->html) {
			struct buf vis, lines;

			buf_init(&vis, DETECT_TEXT_MAX);
			buf_init(&lines, DETECT_TEXT_MAX);
			s->hbody.lines = &lines;
			html_scan(s, t->s, t->len, NULL, &vis, &s->hbody);
			s->hbody.lines = NULL;
			/* An address written out is a link once the mail
			 * program makes it one, as Outlook does. */
			url_scan_text(s, vis.ptr, vis.len, UO_TEXT, NULL);
			sender_fwd_find(s, vis.ptr, vis.len);
			text_norm(&s->text, vis.ptr, vis.len, &s->ns);
			content_passwords(s, vis.ptr, vis.len);
			/* A QR code drawn with block characters, or with
			 * the shapes of an SVG picture in the page. */
			if (lines.len > 0)
				qr_text(s, lines.ptr, lines.len);
			if (memmem(t->s, t->len, "<svg", 4) != NULL ||
			    memmem(t->s, t->len, "<SVG", 4) != NULL)
				svg_paths_qr(s, "picture in the HTML (svg)",
				    t->s, t->len);
			buf_release(&lines);
			buf_release(&vis);
		} else {
			url_scan_text(s, t->s, t->len, UO_TEXT, NULL);
			sender_fwd_find(s, t->s, t->len);
			text_norm(&s->text, t->s, t->len, &s->ns);
			content_passwords(s, t->s, t->len);
			qr_text(s, t->s, t->len);
		}
		buf_adds(&s->text, " \n ");
	}
	/* Then what else the sender wrote: the name on the From line and
	 * the attachments' names ("Viagra 0,36$", "Mining balance 0.75 BTC.pdf"). */
	s->text_body = s->text.len;
	if (m->from.name != NULL) {
		text_norm(&s->text, m->from.name, strlen(m->from.name), NULL);
		buf_adds(&s->text, " \n ");
	}
	for (i = 0; i < m->nparts && s->text.len < DETECT_TEXT_MAX / 2; i++)
		if (m->parts[i].name != NULL) {
			text_norm(&s->text, m->parts[i].name,
			    strlen(m->parts[i].name), NULL);
			buf_adds(&s->text, " \n ");
		}
	if (s->eng->tokens)
		bayes_tokens_finding(s);
	sender_run(s);
	sender_fwd_run(s);
	attach_run(s);
	uu_run(s);
	qr_split(s);
	urlcheck_run(s);
	content_run(s);
	bayes_run(s);
	/* A thousand harmless parts in front of one that is not: those
	 * past the limit were named only, and that is said. */
	if (m->parts_over > 0) {
		char d[16];

		snprintf(d, sizeof(d), "%d", DETECT_PARTS_MAX);
		finding_add(s, R_ATT_PARTS_UNREAD, &(struct fargs){
		    .detail = d });
	}
	if (m->truncated != CUT_NONE)
		finding_add(s, R_TRUNCATED, &(struct fargs){
		    .detail = cut_why[m->truncated].en,
		    .detail_ja = cut_why[m->truncated].ja });
	corroborate(s);
	conclude(s, r);
	if (out != NULL)
		copy_out(out, r);
}

int
detect_scan_mime(struct detect_scan *s, const void *mime, size_t len,
    struct arena *out, struct detect_result *r)
{
	if (s == NULL || r == NULL || (mime == NULL && len > 0))
		return -1;
	memset(r, 0, sizeof(*r));
	scan_begin(s);
	if (len > DETECT_MIME_MAX) {
		len = DETECT_MIME_MAX;
		msg_truncated(s, s->m, CUT_MESSAGE);
	}
	/* A .msg file of an Outlook export is a message too. */
	if (item_is(mime, len))
		item_message(s, mime, len);
	else
		mime_parse(s, mime, len, s->m);
	scan_run(s, out, r);
	return 0;
}

int
detect_scan_graph(struct detect_scan *s, const cJSON *msg,
    const cJSON *atts, const void *mime, size_t mimelen, struct arena *out,
    struct detect_result *r)
{
	if (s == NULL || r == NULL || (msg == NULL && mime == NULL))
		return -1;
	if (mime != NULL)
		return detect_scan_mime(s, mime, mimelen, out, r);
	memset(r, 0, sizeof(*r));
	scan_begin(s);
	graph_parse(s, msg, atts, s->m);
	scan_run(s, out, r);
	return 0;
}
