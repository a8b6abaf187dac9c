/*
 * lists: what the engine knows about domains, built once: brands and
 * their domains, the organisation's own domains, its correspondents and
 * people (also per scan: detect_scan_set_org()), free mail, shorteners,
 * hosting, feeds; and the look-alike test that compares a domain with
 * all the protected ones.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <idn2.h>
#include <libpsl.h>

#include "brands.h"
#include "internal.h"
#include "log.h"
#include "util.h"

#define FEED_LINE_MAX	8192
#define FEED_ENTRIES_MAX 5000000

/* ---- small helpers ---- */

static char *
norm_dup(const char *s)
{
	struct buf	 b;

	buf_init(&b, 4096);
	while (*s == ' ' || *s == '\t')
		s++;
	text_norm(&b, s, strlen(s), NULL);
	while (b.len > 0 && b.ptr[b.len - 1] == ' ')
		b.ptr[--b.len] = '\0';
	return buf_detach(&b, NULL);
}

/* Domain in ASCII lower case (Unicode ones through IDNA), or NULL. */
static char *
domain_ascii(const char *d)
{
	char	*out = NULL, *p;

	while (*d == ' ' || *d == '\t' || *d == '.')
		d++;
	if (*d == '\0')
		return NULL;
	if (idn2_to_ascii_8z(d, &out, IDN2_NONTRANSITIONAL) != IDN2_OK) {
		if (idn2_to_ascii_8z(d, &out, IDN2_TRANSITIONAL) != IDN2_OK)
			return NULL;
	}
	p = xstrdup(out);
	idn2_free(out);
	str_lower(p);
	while (*p != '\0' && p[strlen(p) - 1] == '.')
		p[strlen(p) - 1] = '\0';
	return p;
}

/* Skeleton of a label: folds, then digits and letter pairs that look
 * alike (0/o, 1/l/i, rn/m, vv/w, cl/d) made equal, hyphens dropped. */
static void
skeleton(const char *s, char *out, size_t outsz)
{
	size_t	 i = 0, o = 0, n = strlen(s), k;
	uint32_t c, f;

	while (i < n && o + 2 < outsz) {
		k = utf8_next(s + i, n - i, &c);
		i += k;
		f = c < 0x80 ? c : text_fold(c);
		if (f >= 'A' && f <= 'Z')
			f += 32;
		switch (f) {
		case '0': f = 'o'; break;
		case '1': case 'i': case '|': case '!': f = 'l'; break;
		case '5': f = 's'; break;
		case '3': f = 'e'; break;
		case '@': case '4': f = 'a'; break;
		case '8': f = 'b'; break;
		case '-': case '_': case '.': continue;
		default: break;
		}
		if (f == 0)
			f = '?';
		if (o > 0 && out[o - 1] == 'r' && f == 'n') {
			out[o - 1] = 'm';
			continue;
		}
		if (o > 0 && out[o - 1] == 'v' && f == 'v') {
			out[o - 1] = 'w';
			continue;
		}
		if (o > 0 && out[o - 1] == 'c' && f == 'l') {
			out[o - 1] = 'd';
			continue;
		}
		out[o++] = (char)f;
	}
	out[o] = '\0';
}

/* Only ASCII letters, digits and spaces: a name skeletons can hold
 * (anything else becomes '?' there, which would match anything). */
static int
all_latin(const char *k)
{
	for (; *k != '\0'; k++)
		if (!isalnum((unsigned char)*k) && *k != ' ')
			return 0;
	return 1;
}

#define LOOK_MEMO_MAX	512	/* hosts remembered a message */

/* Optimal string alignment distance, bounded: returns 2 for "more". */
static int
dist1(const char *a, size_t la, const char *b, size_t lb)
{
	size_t	 i = 0;

	if (la > lb + 1 || lb > la + 1)
		return 2;
	while (i < la && i < lb && a[i] == b[i])
		i++;
	if (i == la && i == lb)
		return 0;
	if (la == lb) {
		/* substitution or transposition */
		if (strcmp(a + i + 1, b + i + 1) == 0)
			return 1;
		if (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		    strcmp(a + i + 2, b + i + 2) == 0)
			return 1;
		return 2;
	}
	if (la > lb)
		return strcmp(a + i + 1, b + i) == 0 ? 1 : 2;
	return strcmp(a + i, b + i + 1) == 0 ? 1 : 2;
}

const char *
dom_registrable(struct detect_scan *s, const char *host)
{
	const char	*r;

	if (host == NULL || *host == '\0')
		return host;
	r = psl_registrable_domain(s->eng->psl, host);
	return r != NULL ? r : host;
}

int
dom_known_tld(const struct detect_engine *e, const char *host)
{
	const char	*tld = strrchr(host, '.');

	return tld != NULL && tld != host && tld[1] != '\0' &&
	    psl_is_public_suffix2(e->psl, tld + 1, PSL_TYPE_ANY |
	    PSL_TYPE_NO_STAR_RULE);
}

static const char *
label_of(const psl_ctx_t *psl, const char *regdom, char *buf, size_t bufsz)
{
	const char	*suf = psl_unregistrable_domain(psl, regdom);
	size_t		 n;

	if (suf == NULL || suf == regdom)
		n = strcspn(regdom, ".");
	else
		n = (size_t)(suf - regdom) - 1;
	if (n >= bufsz)
		n = bufsz - 1;
	memcpy(buf, regdom, n);
	buf[n] = '\0';
	return buf;
}

static void
protect_add(const struct detect_engine *e, struct protect **arr, size_t *n,
    const char *dom, enum prot_kind kind, int brand)
{
	char		 lb[256], sk[256];
	struct protect	*p;
	size_t		 i;

	for (i = 0; i < *n; i++)
		if (strcmp((*arr)[i].domain, dom) == 0)
			return;
	*arr = xrealloc(*arr, (*n + 1) * sizeof(**arr));
	p = &(*arr)[(*n)++];
	p->domain = xstrdup(dom);
	label_of(e->psl, dom, lb, sizeof(lb));
	p->label = xstrdup(lb);
	skeleton(lb, sk, sizeof(sk));
	p->skel = xstrdup(sk);
	p->label_len = strlen(p->label);
	p->skel_len = strlen(p->skel);
	p->kind = kind;
	p->brand = brand;
	/* A brand's domain whose name is a word of its own ("windows",
	 * "live") has relatives one letter away that owe it nothing. */
	p->distinct = 1;
	if (kind == PK_BRAND) {
		char key[256];
		size_t j, k = 0;
		const char *bk = e->brands[brand].key;

		for (j = 0; bk[j] != '\0' && k + 1 < sizeof(key); j++)
			if (isalnum((unsigned char)bk[j]))
				key[k++] = bk[j];
		key[k] = '\0';
		p->distinct = !e->brands[brand].weak &&
		    strncmp(lb, key, k) == 0 && k >= 5;
	}
}

static void
protect_free(struct protect *arr, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(arr[i].domain);
		free(arr[i].label);
		free(arr[i].skel);
	}
	free(arr);
}

/* ---- the organisation ---- */

/*
 * Domains under which every tenant of a service has its own name: the
 * name is the organisation's, the registrable domain everyone's.
 */
static const char *const MULTI_TENANT[] = { "onmicrosoft.com" };

static int
multi_tenant(const char *regdom)
{
	size_t	 i;

	for (i = 0; i < nitems(MULTI_TENANT); i++)
		if (strcmp(regdom, MULTI_TENANT[i]) == 0)
			return 1;
	return 0;
}

/*
 * Each domain is kept as given (jp.contoso.com, contoso.onmicrosoft.com)
 * and by its registrable domain (contoso.com), unless that is a service's
 * every tenant shares; a public suffix alone ("com") is no one's, and a
 * free mail service's (gmail.com) no one's correspondent.
 */
void
org_domains_build(const struct detect_engine *e, struct org_domains *o,
    const char *const *l, enum prot_kind kind)
{
	memset(o, 0, sizeof(*o));
	hset_init(&o->set, NULL);
	for (; l != NULL && *l != NULL; l++) {
		char		*d = domain_ascii(*l);
		const char	*reg;

		if (d == NULL || strchr(d, '.') == NULL ||
		    psl_is_public_suffix(e->psl, d)) {
			free(d);
			continue;
		}
		reg = psl_registrable_domain(e->psl, d);
		/* Free mail is everyone's: no correspondent of anyone. */
		if (kind == PK_CORR && dom_is_freemail(e, reg)) {
			free(d);
			continue;
		}
		hset_put(&o->set, d, strlen(d), 1);
		if (reg != NULL && multi_tenant(reg)) {
			/* A tenant's name, not a domain to imitate: only its
			 * SharePoint is known by it. */
			o->tenants = xrealloc(o->tenants, (o->ntenants + 1) *
			    sizeof(char *));
			o->tenants[o->ntenants++] = xstrndup(d, strcspn(d, "."));
		} else if (reg != NULL && strcmp(reg, d) != 0) {
			hset_put(&o->set, reg, strlen(reg), 1);
			protect_add(e, &o->prot, &o->nprot, reg, kind, -1);
		} else
			protect_add(e, &o->prot, &o->nprot, d, kind, -1);
		free(d);
	}
}

void
org_domains_free(struct org_domains *o)
{
	size_t	 i;

	for (i = 0; i < o->ntenants; i++)
		free(o->tenants[i]);
	free(o->tenants);
	hset_free(&o->set);
	protect_free(o->prot, o->nprot);
	memset(o, 0, sizeof(*o));
}

/*
 * A name a person is known by: three letters or more, and in Latin
 * letters two words or more ("Adele Vance"); one word is a shared
 * mailbox's or a room's ("Sales", "Reception") and names half the
 * world's mail.
 */
static int
person_name(const char *k)
{
	const char	*p;
	int		 ascii = 1;

	if (strlen(k) < 3)
		return 0;
	for (p = k; *p != '\0'; p++)
		if (*p & 0x80)
			ascii = 0;
	return !ascii || strchr(k, ' ') != NULL;
}

void
org_people_build(struct org_people *o, const char *const *l)
{
	memset(o, 0, sizeof(*o));
	o->ac = ac_new();
	for (; l != NULL && *l != NULL; l++) {
		char *k = norm_dup(*l);

		if (person_name(k)) {
			const char *last = strrchr(k, ' ');

			o->names = xrealloc(o->names, (o->n + 1) *
			    sizeof(char *));
			ac_add(o->ac, k, strlen(k), (int)o->n);
			/* The family name first too, as address books show
			 * it: "Bowen, Megan" anywhere, "Bowen Megan" standing
			 * apart from other words (PERSON_WHOLE). */
			if (last != NULL) {
				char	*r1, *r2;
				int	 fl = (int)(last - k);

				if (asprintf(&r1, "%s %.*s", last + 1, fl, k) >
				    0) {
					ac_add(o->ac, r1, strlen(r1),
					    (int)o->n | PERSON_WHOLE);
					free(r1);
				}
				if (asprintf(&r2, "%s, %.*s", last + 1, fl, k) >
				    0) {
					ac_add(o->ac, r2, strlen(r2), (int)o->n);
					free(r2);
				}
			}
			o->names[o->n++] = k;
		} else
			free(k);
	}
	ac_build(o->ac);
}

void
org_people_free(struct org_people *o)
{
	size_t	 i;

	for (i = 0; i < o->n; i++)
		free(o->names[i]);
	free(o->names);
	ac_free(o->ac);
	memset(o, 0, sizeof(*o));
}

/* dom or a domain above it is in the set. */
static int
org_has(const struct org_domains *o, const char *dom)
{
	const char	*p;

	for (p = dom; p != NULL; p = strchr(p, '.'), p = p ? p + 1 : NULL)
		if (hset_get(&o->set, p, strlen(p), NULL))
			return 1;
	return 0;
}

int
dom_is_own(const struct detect_scan *s, const char *dom)
{
	return dom != NULL && org_has(s->own, dom);
}

int
dom_is_corr(const struct detect_scan *s, const char *dom)
{
	return dom != NULL && org_has(s->corr, dom);
}

int
dom_is_freemail(const struct detect_engine *e, const char *regdom)
{
	return regdom != NULL && hset_get(&e->freemail, regdom,
	    strlen(regdom), NULL);
}

/*
 * A label of many consonants in a row, of few vowels, or of letters and
 * digits mixed; or a run of four or more labels of one letter each
 * ("r.a.g.n.a.r.x7.example"): a name spelt out that way is made to slip
 * past lists of domains, not to be read.
 */
int
dom_random(const char *host)
{
	const char	*p = host;
	int		 run = 0, maxrun = 0, len = 0, vow = 0, dig = 0;
	int		 single = 0;

	for (;; p++) {
		char c = *p;

		if (c == '.' || c == '\0') {
			/* Judge the label just ended. */
			if (len >= 8 && (maxrun >= 6 || (len >= 12 &&
			    vow * 5 < len) || (dig >= 3 && len - dig >= 6 &&
			    maxrun >= 5)))
				return 1;
			if (len == 1 && p[-1] >= 'a' && p[-1] <= 'z') {
				if (++single >= 4)
					return 1;
			} else
				single = 0;
			if (c == '\0')
				return 0;
			run = maxrun = len = vow = dig = 0;
			continue;
		}
		len++;
		if (c >= '0' && c <= '9') {
			dig++;
			run = 0;
		} else if (strchr("aeiouy", c) != NULL) {
			vow++;
			run = 0;
		} else if (c >= 'a' && c <= 'z') {
			if (++run > maxrun)
				maxrun = run;
		} else
			run = 0;
	}
}

int
brand_of_domain(const struct detect_engine *e, const char *regdom)
{
	const char	*tld;
	size_t		 i;
	int		 v;

	if (regdom == NULL)
		return -1;
	if (hset_get(&e->brand_dom, regdom, strlen(regdom), &v))
		return v;
	/* A name under a brand's own top-level domain. */
	if ((tld = strrchr(regdom, '.')) != NULL)
		for (i = 0; i < nitems(BRAND_TLDS); i++)
			if (strcmp(tld + 1, BRAND_TLDS[i][0]) == 0 &&
			    hset_get(&e->brand_dom, BRAND_TLDS[i][1],
			    strlen(BRAND_TLDS[i][1]), &v))
				return v;
	return -1;
}

int
brand_of_sender(const struct detect_engine *e, const char *regdom)
{
	int	 v = brand_of_domain(e, regdom);

	if (v < 0 && regdom != NULL && hset_get(&e->brand_mail, regdom,
	    strlen(regdom), &v))
		return v;
	return v;
}

/*
 * The brand of a host: its own name or the longest of its parent domains
 * that a brand lists, down to its registrable domain regdom (ゆうちょ's
 * jp-bank.japanpost.jp is not Japan Post's japanpost.jp); -1 when none.
 * sender: a domain a brand only sends its mail from counts too.
 */
int
brand_of_host(const struct detect_engine *e, const char *host,
    const char *regdom, int sender)
{
	const char	*p = host;
	size_t		 rl = regdom != NULL ? strlen(regdom) : 0;
	int		 v;

	while (p != NULL && host != NULL && regdom != NULL && strlen(p) > rl) {
		if (hset_get(&e->brand_dom, p, strlen(p), &v) ||
		    (sender && hset_get(&e->brand_mail, p, strlen(p), &v)))
			return v;
		if ((p = strchr(p, '.')) != NULL)
			p++;
	}
	return sender ? brand_of_sender(e, regdom) : brand_of_domain(e,
	    regdom);
}

struct bfind {
	const struct detect_engine	*e;
	const char			*s;
	size_t				 n;
	int				 whole, found;
	size_t				 start, end;	/* of the key found */
	int				 venue;	/* only names of places */
};

/* Does a katakana character end just before s[i] (ライオン holds no
 * イオン)?  U+30A1 to U+30FC, the long vowel mark among them, the
 * middle dot not. */
static int
kana_before(const char *s, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;

	return i >= 3 && u[i - 3] == 0xe3 && ((u[i - 2] == 0x82 &&
	    u[i - 1] >= 0xa1) || (u[i - 2] == 0x83 && u[i - 1] <= 0xbc &&
	    u[i - 1] != 0xbb));	/* the middle dot ・ parts words */
}

static int
isword(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    (c & 0x80);
}

/*
 * Does a place's word follow a name at end of s: "Capital One Arena",
 * "Wells Fargo Center", "京セラドーム" are places named after a brand, not
 * the brand.  The word as a domain would spell it ("arena", "dome"), or
 * NULL.
 */
const char *
venue_after(const char *s, size_t n, size_t end)
{
	static const char *const w[][2] = { { "center", "center" },
	    { "centre", "centre" }, { "arena", "arena" },
	    { "stadium", "stadium" }, { "field", "field" },
	    { "park", "park" }, { "pavilion", "pavilion" },
	    { "amphitheatre", "amphitheatre" },
	    { "amphitheater", "amphitheater" }, { "theatre", "theatre" },
	    { "theater", "theater" }, { "ballpark", "ballpark" },
	    { "coliseum", "coliseum" }, { "colosseum", "colosseum" },
	    { "dome", "dome" }, { "スタジアム", "stadium" },
	    { "アリーナ", "arena" }, { "ドーム", "dome" },
	    { "球場", "stadium" }, { "パーク", "park" }, { "ホール", "hall" },
	    { "劇場", "theater" } };
	size_t	 i, l, e;

	if (end < n && s[end] == ' ')
		end++;
	for (i = 0; i < nitems(w); i++) {
		l = strlen(w[i][0]);
		if (n - end < l || str_ncasecmp(s + end, w[i][0], l) != 0)
			continue;
		e = end + l;
		/* A whole word; in katakana, not the start of a longer
		 * one (ホールディングス is no hall). */
		if (e == n || (!(s[end] & 0x80) ? !isword((unsigned char)s[e]) :
		    !(n - e >= 3 && kana_before(s, e + 3))))
			return w[i][1];
	}
	return NULL;
}

static int
bfind_cb(void *arg, int id, size_t start, size_t end)
{
	struct bfind	*b = arg;
	int		 weak = id & 1;

	id >>= 1;

	/* ASCII names must stand as words; Japanese ones need not, but a
	 * name in katakana does not begin inside a katakana word. */
	if (!(b->s[start] & 0x80)) {
		if (start > 0 && isword((unsigned char)b->s[start - 1]) &&
		    !(b->s[start - 1] & 0x80))
			return 0;
		if (end < b->n && isword((unsigned char)b->s[end]) &&
		    !(b->s[end] & 0x80))
			return 0;
	} else if (kana_before(b->s, start) && kana_before(b->s, start + 3))
		return 0;
	if (b->whole && weak)
		return 0;
	if ((venue_after(b->s, b->n, end) != NULL) != b->venue)
		return 0;
	/* The first name, and of names that overlap the longest:
	 * 三井住友信託銀行 is not 三井住友. */
	if (b->found < 0 || (start < b->end && end - start > b->end -
	    b->start)) {
		b->found = id;
		b->start = start;
		b->end = end;
	}
	return 0;
}

struct bname {
	size_t	 n;
	int	 found;
};

static int
bname_cb(void *arg, int id, size_t start, size_t end)
{
	struct bname	*b = arg;

	if (start != 0 || end != b->n)
		return 0;
	b->found = id >> 1;
	return 1;
}

int
brand_is_name(const struct detect_engine *e, const char *s, size_t n)
{
	struct bname	 b = { 0, -1 };

	/* What stands around the name does not count: "~ Ledger ~". */
	while (n > 0 && !isword((unsigned char)*s))
		s++, n--;
	while (n > 0 && !isword((unsigned char)s[n - 1]))
		n--;
	if (n < 3)
		return -1;
	b.n = n;
	ac_scan(e->brand_ac, s, n, bname_cb, &b);
	return b.found;
}

/* The whole of s is a brand's key; strong only: 1 when weak keys
 * count too. */
struct bexact {
	size_t	 n;
	int	 weak, found;
};

static int
bexact_cb(void *arg, int id, size_t start, size_t end)
{
	struct bexact	*b = arg;

	if (start != 0 || end != b->n || ((id & 1) && !b->weak))
		return 0;
	b->found = id >> 1;
	return 1;
}

static int
brand_exact(const struct detect_engine *e, const char *s, size_t n,
    int weak)
{
	struct bexact	 b = { n, weak, -1 };

	/* Most words asked are no key (brand_misspelt_word asks hundreds):
	 * the automaton only for those that are one. */
	if (!hset_get(&e->brand_keys, s, n, NULL))
		return -1;
	ac_scan(e->brand_ac, s, n, bexact_cb, &b);
	return b.found;
}

static int
not_misspelt(const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; i < nitems(NOT_MISSPELT); i++)
		if (strlen(NOT_MISSPELT[i]) == n &&
		    memcmp(NOT_MISSPELT[i], w, n) == 0)
			return 1;
	return 0;
}

/*
 * The word w (n lower-case ASCII letters) is a brand's name of 6 letters
 * or more, strong, misspelt: one letter dropped ("microsft"), two next to
 * each other swapped ("amzaon"), or one doubled ("paypall").  The first
 * letter stays, as it does in such names; a dropped final 's' is the
 * singular, a word of its own ("Barclay", "correo"); the words of the
 * languages the engine reads that happen to be one letter from a brand
 * are listed in NOT_MISSPELT.  Candidates are made from w and looked up
 * whole: 26 per position, at most 24 letters, so bounded.
 */
static int
brand_misspelt_word(const struct detect_engine *e, const char *w, size_t n)
{
	char	 c[32];
	size_t	 i;
	int	 ch, b;

	if (n < 5 || n > 24 || brand_exact(e, w, n, 1) >= 0 ||
	    not_misspelt(w, n))
		return -1;
	/* A letter dropped: put one back, after the first. */
	for (i = 1; i <= n; i++) {
		memcpy(c, w, i);
		memcpy(c + i + 1, w + i, n - i);
		for (ch = 'a'; ch <= 'z'; ch++) {
			if (i == n && ch == 's')
				continue;
			c[i] = (char)ch;
			if ((b = brand_exact(e, c, n + 1, 0)) >= 0)
				return b;
		}
	}
	/* Two letters swapped, the first one not among them. */
	for (i = 1; n >= 6 && i + 1 < n; i++) {
		if (w[i] == w[i + 1])
			continue;
		memcpy(c, w, n);
		c[i] = w[i + 1];
		c[i + 1] = w[i];
		if ((b = brand_exact(e, c, n, 0)) >= 0)
			return b;
	}
	/* A letter doubled: take one away. */
	for (i = 0; n >= 7 && i + 1 < n; i++) {
		if (w[i] != w[i + 1])
			continue;
		memcpy(c, w, i);
		memcpy(c + i, w + i + 1, n - i - 1);
		if ((b = brand_exact(e, c, n - 1, 0)) >= 0)
			return b;
	}
	return -1;
}

/* A whole word of name (normalised) that is a brand's name misspelt;
 * words of other letters, or with digits, are not judged. */
static int
brand_misspelt(const struct detect_engine *e, const char *name)
{
	const char	*p = name, *w;
	size_t		 n;
	int		 words = 0, b;

	while (*p != '\0' && words < 16) {
		while (*p != '\0' && !isword((unsigned char)*p))
			p++;
		for (w = p; isword((unsigned char)*p); p++)
			;
		n = (size_t)(p - w);
		if (n == 0)
			break;
		words++;
		for (b = 0; (size_t)b < n; b++)
			if (w[b] < 'a' || w[b] > 'z')
				break;
		if ((size_t)b == n && (b = brand_misspelt_word(e, w, n)) >= 0)
			return b;
	}
	return -1;
}

int
brand_find_disguised(const struct detect_engine *e, const char *name)
{
	char		 sk[512];
	struct bfind	 b = { e, sk, 0, 1, -1, 0, 0, 0 };

	skeleton(name, sk, sizeof(sk));
	b.n = strlen(sk);
	ac_scan(e->brand_skel_ac, sk, b.n, bfind_cb, &b);
	if (b.found < 0)
		b.found = brand_misspelt(e, name);
	return b.found;
}

int
brand_find(const struct detect_engine *e, const char *s, size_t n, int strong)
{
	struct bfind	 b = { e, s, n, strong, -1, 0, 0, 0 };

	ac_scan(e->brand_ac, s, n, bfind_cb, &b);
	return b.found;
}

int
brand_venue(const struct detect_engine *e, const char *s, size_t n,
    const char **place)
{
	struct bfind	 b = { e, s, n, 1, -1, 0, 0, 1 };

	ac_scan(e->brand_ac, s, n, bfind_cb, &b);
	if (b.found >= 0)
		*place = venue_after(s, n, b.end);
	return b.found;
}

/*
 * Does the label (its skeleton sk) hold the protected name's skeleton
 * ps?  A name of six letters or more anywhere ("secure-paypa1-login",
 * "micros0ftonline"); one of five only where a word of the label begins,
 * its start or after a hyphen ("amel1-remboursement", "secure-amel1"):
 * five letters inside a longer word are too often another word's
 * ("carnell" holds "ameli" once "rn" reads as "m" and "i" as "l").
 */
static int
skel_inside(const char *label, const char *sk, const char *ps, size_t n)
{
	char		 ws[256];
	const char	*w;

	if (n >= 6)
		return strstr(sk, ps) != NULL;
	for (w = label; w != NULL; w = strchr(w, '-')) {
		w += *w == '-';
		skeleton(w, ws, sizeof(ws));
		if (strncmp(ws, ps, n) == 0)
			return 1;
	}
	return 0;
}

/* Is dom in host as whole labels with more labels after it? */
static int
labels_in(const char *host, const char *dom)
{
	const char	*p = host;
	size_t		 n = strlen(dom);

	while ((p = strstr(p, dom)) != NULL) {
		if ((p == host || p[-1] == '.') && p[n] == '.')
			return 1;
		p++;
	}
	return 0;
}

/*
 * The organisation's or a correspondent's whole domain written in front of
 * another ("contoso.com.evil.example"): LK_IN_FRONT when that other is
 * registered under one of ICANN's top-level domains; LK_IN_FRONT_SHARED
 * (weaker) under a service that names its customers' sites after them (a
 * cloud's bucket, contoso.com.s3.amazonaws.com, dynamic DNS, a brand's
 * hosting: its owner may have named it so, anyone may have); nothing under
 * a name of no top-level domain (intranet.contoso.com.local, a
 * directory's own).
 */
static const struct protect *
in_front(struct detect_scan *s, const char *host, const char *regdom,
    int shared, enum look_kind *how)
{
	const psl_ctx_t	*psl = s->eng->psl;
	const char	*last = strrchr(host, '.'), *suf = strchr(regdom, '.');
	size_t		 i;

	if (last == NULL || suf == NULL || !psl_is_public_suffix2(psl,
	    last + 1, PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE))
		return NULL;
	if (!psl_is_public_suffix2(psl, suf + 1, PSL_TYPE_ICANN |
	    PSL_TYPE_NO_STAR_RULE))
		shared = 1;
	for (i = 0; i < s->own->nprot + s->corr->nprot; i++) {
		const struct protect *p = i < s->own->nprot ?
		    &s->own->prot[i] : &s->corr->prot[i - s->own->nprot];

		if (labels_in(host, p->domain)) {
			*how = shared ? LK_IN_FRONT_SHARED : LK_IN_FRONT;
			return p;
		}
	}
	return NULL;
}

/*
 * A brand's whole domain written in front of another registered under one
 * of ICANN's top-level domains ("www.rakuten-card.co.jp.xrdyt.cn",
 * "paypal.com.secure-login.example"): whole labels of the host before its
 * registrable domain; the longest when several are.  Under a service that
 * names its customers' sites (s3.amazonaws.com) anyone could be its
 * customer, the brand as well: none.
 */
static const struct protect *
brand_in_front(struct detect_scan *s, const char *host, const char *regdom)
{
	const struct detect_engine	*e = s->eng;
	const char	*suf = strchr(regdom, '.'), *i, *j, *best = NULL;
	size_t		 hl = strlen(host), rl = strlen(regdom), bl = 0, k;
	int		 v;

	if (hl <= rl + 1 || host[hl - rl - 1] != '.' || suf == NULL ||
	    !psl_is_public_suffix2(e->psl, suf + 1, PSL_TYPE_ICANN |
	    PSL_TYPE_NO_STAR_RULE))
		return NULL;
	/* From each label's start to each later label's end before the
	 * registrable domain. */
	for (i = host; i < host + hl - rl - 1; i = strchr(i, '.') + 1)
		for (j = strchr(i, '.'); j != NULL && j <= host + hl - rl - 1;
		    j = strchr(j + 1, '.'))
			if ((size_t)(j - i) > bl && memchr(i, '.',
			    (size_t)(j - i)) != NULL && hset_get(&e->brand_dom,
			    i, (size_t)(j - i), &v)) {
				best = i;
				bl = (size_t)(j - i);
			}
	if (best == NULL)
		return NULL;
	/* A library's proxy names the site it fetches so
	 * (www.linkedin.com.ezproxy.university.edu). */
	if (strncmp(best + bl, ".ezproxy.", 9) == 0 ||
	    strncmp(best + bl, ".proxy.", 7) == 0 ||
	    strncmp(best + bl, ".libproxy.", 10) == 0)
		return NULL;
	for (k = 0; k < e->nprot; k++)
		if (e->prot[k].kind == PK_BRAND &&
		    strlen(e->prot[k].domain) == bl &&
		    memcmp(e->prot[k].domain, best, bl) == 0)
			return &e->prot[k];
	return NULL;
}

/* The same name under a top-level domain a letter from the protected
 * one's generic one (fabrikam.co, fabrikam.cm, fabrikam.cpm for
 * fabrikam.com): a typing slip, not another country's office; between
 * countries' domains (de and be, fr and fi) or under one's second level
 * (com.au) it is an office as likely. */
static int
tld_slip(const char *regdom, size_t labn, const struct protect *p)
{
	const char	*a = regdom + labn + 1, *b = p->domain + p->label_len + 1;
	size_t		 la = strlen(a), lb = strlen(b);

	return lb >= 3 && strchr(b, '.') == NULL && strchr(a, '.') == NULL &&
	    dist1(a, la, b, lb) == 1;
}

/*
 * Is regdom (the registrable domain of host) a look-alike of a protected
 * domain?  The Unicode form of the host, when it has one, is what is
 * compared, so that homoglyphs count.
 */
static const struct protect *
lookalike(struct detect_scan *s, const char *host, const char *uhost,
    const char *regdom, enum look_kind *how)
{
	const struct detect_engine	*e = s->eng;
	char				 lb[256], ulb[256], sk[256];
	const char			*lab, *ureg = NULL;
	const struct protect		*best = NULL, *weak = NULL, *f = NULL;
	const struct protect		*tld = NULL;
	enum look_kind			 tk = LK_NONE;
	char				 tb[256];
	int				 tenant = 0;
	/* Most scans have no organisation's lists: ask them only if any. */
	int				 own = s->own->set.n > 0;
	int				 corr = s->corr->set.n > 0;
	size_t				 i, skn, labn;

	*how = LK_NONE;
	if (regdom == NULL || strchr(regdom, '.') == NULL)
		return NULL;
	if (dom_is_own(s, host != NULL ? host : regdom) ||
	    dom_is_corr(s, host != NULL ? host : regdom))
		return NULL;
	/* A tenant of a service every tenant shares (c0ntoso.onmicrosoft
	 * .com): its name is the one it shows, compared as a domain's
	 * label is; it is no brand's own (Microsoft writes from its own
	 * domains, not from a tenant's). */
	if (host != NULL && multi_tenant(regdom)) {
		size_t hl = strlen(host), rl = strlen(regdom), t;

		if (hl > rl + 1 && host[hl - rl - 1] == '.') {
			for (t = hl - rl - 1; t > 0 && host[t - 1] != '.'; t--)
				;
			/* Every tenant routes mail through <tenant>.mail
			 * .onmicrosoft.com: the name is the label before. */
			if (t > 1 && hl - t == rl + 5 &&
			    strncmp(host + t, "mail.", 5) == 0)
				for (t--; t > 0 && host[t - 1] != '.'; t--)
					;
			snprintf(tb, sizeof(tb), "%s", host + t);
			regdom = tb;
			tenant = 1;
		}
	}
	/* A brand's real domain imitates no other brand, however close
	 * their names (paypal.com and paypay.ne.jp), and no one's domain
	 * (amazon.com beside amazon.co.jp): the brand registered it, not
	 * an impostor; but it may host a site anyone names
	 * (contoso.com.x.s3.eu-south-2.amazonaws.com). */
	if (!tenant && brand_of_sender(e, regdom) >= 0)
		return host != NULL && (own || corr) ? in_front(s, host,
		    regdom, 1, how) : NULL;
	if (tenant) {
		snprintf(lb, sizeof(lb), "%.*s", (int)strcspn(regdom, "."),
		    regdom);
		lab = lb;
	} else
		lab = label_of(e->psl, regdom, lb, sizeof(lb));
	if (uhost != NULL) {
		/* The Unicode label of the registrable domain. */
		size_t nl = 0, nu = 0;
		const char *p;

		for (p = regdom; *p; p++)
			nl += *p == '.';
		for (p = uhost + strlen(uhost); p > uhost; p--)
			if (p[-1] == '.' && nu++ == nl)
				break;
		ureg = p;
		snprintf(ulb, sizeof(ulb), "%.*s", (int)strcspn(ureg, "."),
		    ureg);
	}
	skeleton(ureg != NULL ? ulb : lab, sk, sizeof(sk));
	skn = strlen(sk);
	labn = strlen(lab);
	if (skn < 3) {	/* no name to compare; a whole domain in front */
		if (!tenant && host != NULL && (own || corr) &&
		    (f = in_front(s, host, regdom, 0, how)) != NULL)
			return f;
		if (!tenant && host != NULL &&
		    (f = brand_in_front(s, host, regdom)) != NULL)
			*how = LK_IN_FRONT;
		return f;
	}
	/* The organisation's first, then its correspondents', then the
	 * brands' (a domain in two lists counts as the first). */
	for (i = 0; i < s->own->nprot + s->corr->nprot + e->nprot; i++) {
		const struct protect *p;
		size_t pl;

		if (i < s->own->nprot)
			p = &s->own->prot[i];
		else if (i < s->own->nprot + s->corr->nprot)
			p = &s->corr->prot[i - s->own->nprot];
		else {
			p = &e->prot[i - s->own->nprot - s->corr->nprot];
			if (own && dom_is_own(s, p->domain))
				continue;
		}
		if (own && p->kind == PK_CORR && dom_is_own(s, p->domain))
			continue;
		if (corr && p->kind == PK_BRAND && dom_is_corr(s, p->domain))
			continue;
		pl = p->label_len;

		/* Each test below begins with what lengths allow: this loop
		 * runs over the whole brand list for every host. */
		if (p->domain[0] == regdom[0] && strcmp(p->domain, regdom) == 0)
			continue;
		if (p->skel_len == skn && memcmp(sk, p->skel, skn) == 0 &&
		    (pl != labn || memcmp(lab, p->label, pl) != 0)) {
			*how = ureg != NULL ? LK_SCRIPTS : LK_GLYPHS;
			best = p;
			break;
		}
		/* The same name under another top-level domain: a slip
		 * of the organisation's or a correspondent's whatever the
		 * order of their lists (fabrikam.de and fabrikam.com both
		 * listed: fabrikam.co is fabrikam.com's slip). */
		if (p->kind != PK_BRAND && !tenant && pl == labn &&
		    memcmp(lab, p->label, pl) == 0) {
			if (tld_slip(regdom, labn, p) && (tld == NULL ||
			    tk != LK_TLD_SLIP))
				tld = p, tk = LK_TLD_SLIP;
			else if (tld == NULL)
				tld = p, tk = LK_OTHER_TLD;
			continue;
		}
		/* A tenant is named by whoever opens it, and an
		 * organisation opens several ("contoso1", "contosogroup"
		 * for a test or a merger): the name with more before or
		 * after it is no imitation; a letter changed, dropped or
		 * put inside is (comtoso, conntoso), as a disguise is. */
		if (pl >= (p->kind == PK_BRAND ? 6u : 5u) && p->distinct &&
		    pl + 1 >= labn && labn + 1 >= pl &&
		    !(tenant && labn == pl + 1 && (memcmp(lab, p->label,
		    pl) == 0 || memcmp(lab + 1, p->label, pl) == 0)) &&
		    dist1(lab, labn, p->label, pl) == 1) {
			*how = LK_ONE_CHAR;
			best = p;
			break;
		}
		if (p->distinct && pl >= 5 && p->skel_len >= 5 &&
		    (p->skel_len < 6 || p->skel_len <= skn) &&
		    skel_inside(ureg != NULL ? ulb : lab, sk, p->skel,
		    p->skel_len) &&
		    strstr(lab, p->label) == NULL) {
			/* "micros0ft-login": the name, disguised, with more. */
			*how = ureg != NULL ? LK_SCRIPTS : LK_GLYPHS;
			best = p;
			break;
		}
		/* The name with words added: weaker, and what else the
		 * host shows goes first. */
		if (weak == NULL && p->kind != PK_BRAND && !tenant &&
		    pl >= 4 && labn > pl + 2 && strstr(lab, p->label) != NULL)
			weak = p;
	}
	if (best != NULL)
		return best;
	if (tld != NULL) {
		*how = tk;
		return tld;
	}
	if (!tenant && host != NULL && (own || corr) &&
	    (f = in_front(s, host, regdom, 0, how)) != NULL &&
	    (*how == LK_IN_FRONT || weak == NULL))
		return f;
	if (weak != NULL) {
		*how = LK_WORDS;
		return weak;
	}
	if (!tenant && host != NULL &&
	    (f = brand_in_front(s, host, regdom)) != NULL)
		*how = LK_IN_FRONT;
	return f;
}

const char *
look_how(enum look_kind k, int ja)
{
	static const char *const how[][2] = {
		[LK_NONE] = { "", "" },
		[LK_GLYPHS] = { "look-alike characters", "似た文字" },
		[LK_SCRIPTS] = { "letters from other alphabets",
		    "他の文字体系の文字" },
		[LK_OTHER_TLD] = { "the same name under another top-level "
		    "domain", "同じ名前で別のトップレベルドメイン" },
		[LK_ONE_CHAR] = { "one character changed", "1 文字違い" },
		[LK_TLD_SLIP] = { "the same name under a top-level domain a "
		    "letter from its own", "同じ名前で 1 文字違いのトップレベル"
		    "ドメイン" },
		[LK_IN_FRONT] = { "its whole name written in front of another "
		    "domain", "名前全体を別のドメインの前に置いたもの" },
		[LK_IN_FRONT_SHARED] = { "its whole name written in front of "
		    "a service's domain that anyone may name a site under",
		    "名前全体を、誰でもサイト名を付けられるサービスのドメインの前に"
		    "置いたもの" },
		[LK_WORDS] = { "the name with words added",
		    "名前に語を足したもの" },
	};

	return how[k][ja != 0];
}

/* The answer is the same for the same host within a message. */
const struct protect *
dom_lookalike(struct detect_scan *s, const char *host, const char *uhost,
    const char *regdom, enum look_kind *how)
{
	const struct protect	*p;
	const char		*k, *hk, *uk;
	size_t			 kl;
	int			 i;

	if (regdom == NULL)
		return NULL;
	/* Kept in the arena: gone with it, however it was reset. */
	if (s->looks_epoch != s->a.resets)
		looks_forget(s);
	/* The key: the host and its Unicode form, each after its length,
	 * then the registrable domain (hset keys are strings). */
	hk = host != NULL ? host : "";
	uk = uhost != NULL ? uhost : "";
	k = arena_printf(&s->a, "%zu:%s%zu:%s%s", strlen(hk), hk,
	    strlen(uk), uk, regdom);
	kl = strlen(k);
	if (hset_get(&s->look_seen, k, kl, &i)) {
		*how = s->looks[i].how;
		return s->looks[i].p;
	}
	p = lookalike(s, host, uhost, regdom, how);
	if (s->nlooks < LOOK_MEMO_MAX) {
		if (s->looks == NULL)
			s->looks = arena_alloc(&s->a, LOOK_MEMO_MAX *
			    sizeof(*s->looks));
		s->looks[s->nlooks] = (struct look_memo){ p, *how };
		hset_put(&s->look_seen, k, kl, (int)s->nlooks++);
	}
	return p;
}

const char *
host_named(const char *host, const char *name, size_t n)
{
	if (n == 0 || strncmp(host, name, n) != 0)
		return NULL;
	host += n;
	if (strncmp(host, "-my.", 4) == 0)
		host += 3;
	return *host == '.' ? host : NULL;
}

int
dom_own_sharepoint(const struct detect_scan *s, const char *host)
{
	const struct org_domains *o = s->own;
	const char		*rest;
	size_t			 i, j, n;

	for (i = 0; i < o->nprot + o->ntenants; i++) {
		const char *l = i < o->nprot ? o->prot[i].label :
		    o->tenants[i - o->nprot];

		/* A tenant's name is letters and digits only. */
		n = strcspn(l, ".");
		for (j = 0; j < n; j++)
			if (!isalnum((unsigned char)l[j]))
				break;
		if (j == n && (rest = host_named(host, l, n)) != NULL &&
		    strcmp(rest, ".sharepoint.com") == 0)
			return 1;
	}
	return 0;
}

/* ---- building ---- */

static void
brand_add(struct detect_engine *e, const char *line)
{
	const char	*bar = strchr(line, '|');
	char		*names, *doms, *tok, *save = NULL;
	struct brand	*b;
	int		 idx;

	if (bar == NULL)
		return;
	e->brands = xrealloc(e->brands, (e->nbrands + 1) * sizeof(*e->brands));
	idx = (int)e->nbrands++;
	b = &e->brands[idx];
	memset(b, 0, sizeof(*b));
	names = xstrndup(line, (size_t)(bar - line));
	doms = xstrdup(bar + 1);
	/* The first name is the one shown; each name is a key. */
	for (tok = strtok_r(names, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		int weak = tok[0] == '!';
		char *k = norm_dup(weak ? tok + 1 : tok);

		if (b->name == NULL) {
			b->name = xstrdup(weak ? tok + 1 : tok);
			b->key = xstrdup(k);
			b->weak = weak;
		}
		/* The id says which brand and whether the key is weak. */
		if (strlen(k) >= 2) {
			ac_add(e->brand_ac, k, strlen(k), idx * 2 + weak);
			hset_put(&e->brand_keys, k, strlen(k), 0);
		}
		/* A name of words also written as one ("NortonLifeLock",
		 * "BankofAmerica", "AppleID"), as brands write themselves
		 * and impostors copy them. */
		if (strchr(k, ' ') != NULL && all_latin(k)) {
			char	 j[256];
			size_t	 a, o = 0;

			for (a = 0; k[a] != '\0' && o < sizeof(j) - 1; a++)
				if (k[a] != ' ')
					j[o++] = k[a];
			j[o] = '\0';
			if (o >= 8 && !hset_get(&e->brand_keys, j, o, NULL)) {
				ac_add(e->brand_ac, j, o, idx * 2 + weak);
				hset_put(&e->brand_keys, j, o, 0);
			}
			/* And joined by hyphens ("Trust-Wallet"). */
			snprintf(j, sizeof(j), "%s", k);
			for (a = 0; j[a] != '\0'; a++)
				if (j[a] == ' ')
					j[a] = '-';
			if (o >= 8 && !hset_get(&e->brand_keys, j, strlen(j),
			    NULL)) {
				ac_add(e->brand_ac, j, strlen(j), idx * 2 + weak);
				hset_put(&e->brand_keys, j, strlen(j), 0);
			}
		}
		/* Its skeleton, to see it disguised ("lCIoud", "PayPaI"). */
		if (!weak && strlen(k) >= 5 && all_latin(k)) {
			char sk[256];

			skeleton(k, sk, sizeof(sk));
			ac_add(e->brand_skel_ac, sk, strlen(sk), idx * 2);
		}
		free(k);
	}
	save = NULL;
	for (tok = strtok_r(doms, " ,\t", &save); tok != NULL;
	    tok = strtok_r(NULL, " ,\t", &save)) {
		int mail = tok[0] == '@';
		char *d = domain_ascii(mail ? tok + 1 : tok);

		if (d == NULL)
			continue;
		if (mail) {
			/* Its mail only; still imitated as a sender. */
			hset_put(&e->brand_mail, d, strlen(d), idx);
			protect_add(e, &e->prot, &e->nprot, d, PK_BRAND, idx);
			free(d);
			continue;
		}
		b->domains = xrealloc(b->domains, (b->ndomains + 1) *
		    sizeof(char *));
		b->domains[b->ndomains++] = d;
		hset_put(&e->brand_dom, d, strlen(d), idx);
		protect_add(e, &e->prot, &e->nprot, d, PK_BRAND, idx);
	}
	free(names);
	free(doms);
}

static int
brands_file(struct detect_engine *e, const char *path, char *err,
    size_t errlen)
{
	FILE	*fp = fopen(path, "r");
	char	 line[1024];

	if (fp == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		char	*p = line, *d, *name, tmp[2200];

		line[strcspn(line, "\r\n")] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || *p == '\0')
			continue;
		d = p;
		p += strcspn(p, " \t");
		if (*p != '\0')
			*p++ = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		name = *p != '\0' ? p : d;
		snprintf(tmp, sizeof(tmp), "%s|%s", name, d);
		brand_add(e, tmp);
	}
	fclose(fp);
	return 0;
}

static void
set_list(struct hset *h, const char *const *l, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		hset_put(h, l[i], strlen(l[i]), 1);
}

/* A feed line: the first field that holds "://" is the URL. */
static char *
feed_url(char *line)
{
	char	*p = strstr(line, "://"), *start, *end;

	if (p == NULL)
		return NULL;
	start = p;
	while (start > line && start[-1] != '"' && start[-1] != ',' &&
	    start[-1] != ' ' && start[-1] != '\t')
		start--;
	end = p;
	while (*end != '\0' && *end != '"' && *end != ' ' && *end != '\t' &&
	    !(*end == ',' && start[-1] == ','))
		end++;
	*end = '\0';
	return start;
}

static void
feed_add(struct detect_engine *e, struct detect_scan *tmp, const char *u,
    int fidx)
{
	struct durl	 d;
	char		 key[2048];
	const char	*reg;

	if (e->feed_count >= FEED_ENTRIES_MAX)
		return;
	if (url_parse(tmp, u, strlen(u), &d) == -1 || d.host == NULL)
		return;
	snprintf(key, sizeof(key), "%s%s", d.host, d.path ? d.path : "/");
	key[strcspn(key, "#")] = '\0';
	if (hset_put(&e->feed_url, key, strlen(key), fidx))
		e->feed_count++;
	/* Hosts and domains only where they are the attacker's own. */
	if (hset_get(&e->hosting, d.domain, strlen(d.domain), NULL) ||
	    hset_get(&e->shorteners, d.domain, strlen(d.domain), NULL) ||
	    brand_of_domain(e, d.domain) >= 0 || dom_is_freemail(e, d.domain))
		return;
	{
		const char *h = d.host, *p;
		int hosting = 0;

		for (p = h; p != NULL; p = strchr(p + 1, '.')) {
			const char *q = *p == '.' ? p + 1 : p;

			if (hset_get(&e->hosting, q, strlen(q), NULL))
				hosting = 1;
		}
		if (hosting)
			return;
	}
	hset_put(&e->feed_host, d.host, strlen(d.host), fidx);
	reg = d.domain;
	if (strcmp(reg, d.host) == 0 || (strncmp(d.host, "www.", 4) == 0 &&
	    strcmp(d.host + 4, reg) == 0))
		hset_put(&e->feed_domain, reg, strlen(reg), fidx);
}

static int
feed_load(struct detect_engine *e, const char *path, char *err,
    size_t errlen)
{
	FILE			*fp = fopen(path, "r");
	char			*line;
	struct detect_scan	*tmp;
	int			 fidx = (int)e->nfeeds, c;
	const char		*base = strrchr(path, '/');

	if (fp == NULL) {
		snprintf(err, errlen, "feed %s: %s", path, strerror(errno));
		return -1;
	}
	e->feed_names = xrealloc(e->feed_names, (e->nfeeds + 1) *
	    sizeof(char *));
	e->feed_names[e->nfeeds++] = xstrdup(base ? base + 1 : path);
	tmp = detect_scan_new(e);
	line = xmalloc(FEED_LINE_MAX);
	c = fgetc(fp);
	if (c == '[' || c == '{') {
		/* PhishTank's JSON export: [{"url": ...}, ...] */
		struct buf	 b;
		cJSON		*j, *it;

		buf_init(&b, 1u << 30);
		buf_addc(&b, c);
		while (fgets(line, FEED_LINE_MAX, fp) != NULL)
			buf_adds(&b, line);
		j = cJSON_ParseWithLength(b.ptr, b.len);
		buf_release(&b);
		if (j == NULL) {
			snprintf(err, errlen, "feed %s: bad JSON", path);
			goto fail;
		}
		cJSON_ArrayForEach(it, j) {
			cJSON *u = cJSON_GetObjectItemCaseSensitive(it, "url");

			if (cJSON_IsString(u))
				feed_add(e, tmp, u->valuestring, fidx);
			arena_reset(&tmp->a);
		}
		cJSON_Delete(j);
	} else {
		if (c != EOF)
			ungetc(c, fp);
		while (fgets(line, FEED_LINE_MAX, fp) != NULL) {
			char *u;

			if (line[0] == '#')
				continue;
			line[strcspn(line, "\r\n")] = '\0';
			if ((u = feed_url(line)) != NULL)
				feed_add(e, tmp, u, fidx);
			if (tmp->a.used > (1u << 20))
				arena_reset(&tmp->a);
		}
	}
	free(line);
	detect_scan_free(tmp);
	fclose(fp);
	return 0;
fail:
	free(line);
	detect_scan_free(tmp);
	fclose(fp);
	return -1;
}

static const char *const ROLES[] = {
	"ceo", "chief executive", "president", "managing director", "cfo",
	"chief financial", "chairman", "founder", "owner", "director",
	"executive", "vice president", "general manager",
	"社長", "代表取締役", "専務", "常務", "取締役", "会長", "理事長",
	"部長", "本部長", "役員",
};

/* Authorities whose names scams borrow (police summons, court and tax
 * notices), as whole words of normalised text: they never write from
 * free mail.  Words that are also given names or surnames ("Court",
 * "Justice", "Zoll") only inside a longer name. */
static const char *const AUTHORITIES[] = {
	"police", "policia", "polizei", "politie", "polizia", "gendarmerie",
	"guardia civil", "carabinieri", "fbi", "interpol", "europol",
	"tribunal", "court of", "district court", "supreme court",
	"high court", "ministry", "ministere", "ministerio", "ministero",
	"ministerium", "department of justice", "justica", "justicia",
	"justiz", "jugendschutz", "prosecutor", "procuradoria", "fiscalia",
	"staatsanwaltschaft", "receita federal", "irs", "hmrc", "customs",
	"douane", "aduana", "alfandega", "zollamt", "cybercriminalite",
	"judicial", "judiciaire", "tribunale",
	"警察", "警視庁", "裁判所", "検察", "国税庁", "税務署", "税関",
};

int
lists_build(struct detect_engine *e, const struct detect_opts *o,
    char *err, size_t errlen)
{
	size_t	 i;
	const char *const *l;

	set_list(&e->freemail, FREEMAIL, nitems(FREEMAIL));
	set_list(&e->shorteners, SHORTENERS, nitems(SHORTENERS));
	set_list(&e->hosting, HOSTING, nitems(HOSTING));
	set_list(&e->risky_tld, RISKY_TLDS, nitems(RISKY_TLDS));
	set_list(&e->redirectors, REDIRECTORS, nitems(REDIRECTORS));
	set_list(&e->imghosts, IMAGE_HOSTS, nitems(IMAGE_HOSTS));
	set_list(&e->mailers, MAILERS, nitems(MAILERS));
	e->brand_ac = ac_new();
	e->brand_skel_ac = ac_new();
	org_domains_build(e, &e->own, o->own_domains, PK_OWN);
	org_domains_build(e, &e->corr, o->correspondents, PK_CORR);
	if (!o->no_builtin_brands)
		for (i = 0; i < nitems(BRANDS); i++)
			brand_add(e, BRANDS[i]);
	if (o->brands_file != NULL && *o->brands_file != '\0' &&
	    brands_file(e, o->brands_file, err, errlen) == -1)
		return -1;
	ac_build(e->brand_ac);
	ac_build(e->brand_skel_ac);
	org_people_build(&e->people, o->people);
	e->role_ac = ac_new();
	for (i = 0; i < nitems(ROLES); i++)
		ac_add(e->role_ac, ROLES[i], strlen(ROLES[i]), (int)i);
	ac_build(e->role_ac);
	e->authority_ac = ac_new();
	for (i = 0; i < nitems(AUTHORITIES); i++)
		ac_add(e->authority_ac, AUTHORITIES[i], strlen(AUTHORITIES[i]),
		    (int)i);
	ac_build(e->authority_ac);
	for (l = o->feeds; l != NULL && *l != NULL; l++)
		if (**l != '\0' && feed_load(e, *l, err, errlen) == -1)
			return -1;
	return 0;
}

void
lists_free(struct detect_engine *e)
{
	size_t	 i, j;

	hset_free(&e->feed_url);
	hset_free(&e->feed_host);
	hset_free(&e->feed_domain);
	hset_free(&e->brand_dom);
	hset_free(&e->brand_keys);
	hset_free(&e->brand_mail);
	org_domains_free(&e->own);
	org_domains_free(&e->corr);
	org_people_free(&e->people);
	hset_free(&e->freemail);
	hset_free(&e->shorteners);
	hset_free(&e->hosting);
	hset_free(&e->risky_tld);
	hset_free(&e->redirectors);
	hset_free(&e->imghosts);
	hset_free(&e->mailers);
	for (i = 0; i < e->nfeeds; i++)
		free(e->feed_names[i]);
	free(e->feed_names);
	for (i = 0; i < e->nbrands; i++) {
		free(e->brands[i].name);
		free(e->brands[i].key);
		for (j = 0; j < e->brands[i].ndomains; j++)
			free(e->brands[i].domains[j]);
		free(e->brands[i].domains);
	}
	free(e->brands);
	protect_free(e->prot, e->nprot);
	ac_free(e->brand_ac);
	ac_free(e->brand_skel_ac);
	ac_free(e->role_ac);
	ac_free(e->authority_ac);
	ac_free(e->content_ac);
}
