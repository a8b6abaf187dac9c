/*
 * content: what the text says.  One Aho-Corasick pass over the
 * normalised subject and visible text counts the distinct phrases of
 * each class (phrases.h); classes combine into the content rules.  Also
 * here: obfuscated words, hidden HTML text, and the passwords that PPAP
 * mails send for the archive of another mail.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "phrases.h"
#include "util.h"

#define NPHRASES	nitems(PHRASES)
#define EXAMPLES	3
/* How far into the text (subject first) a safety notice is a banner. */
#define SAFE_TOP	800

int
content_build(struct detect_engine *e)
{
	size_t	 i;
	struct buf b;

	e->content_ac = ac_new();
	buf_init(&b, 1024);
	for (i = 0; i < NPHRASES; i++) {
		const char *p = PHRASES[i].p;
		size_t n = strlen(p);

		if (n > 0 && p[n - 1] == '*')
			n--;
		buf_reset(&b);
		text_norm(&b, p, n, NULL);
		if (b.len == 0)
			continue;
		ac_add(e->content_ac, b.ptr, b.len, (int)i);
	}
	buf_release(&b);
	ac_build(e->content_ac);
	return 0;
}

struct cmatch {
	const char	*s;
	size_t		 n;
	unsigned char	 seen[NPHRASES];
	int		 score[PC__MAX];
	int		 count[PC__MAX];
	size_t		 first[PC__MAX];	/* where the first began, + 1 */
	const char	*ex[PC__MAX][EXAMPLES];
};

static int
wordc(unsigned char c)
{
	return isalnum(c);
}

/* The word w at t[i], whole. */
static int
at_word(const char *t, size_t n, size_t i, const char *w)
{
	size_t	 k = strlen(w);

	return i + k <= n && memcmp(t + i, w, k) == 0 &&
	    (i + k == n || !isalpha((unsigned char)t[i + k]));
}

/*
 * Does the safety notice at [start, end) stand as the banner does?  Its
 * wording (weight 2) anywhere but in a question or a clause ("?" or ","
 * after it); a plain sentence (weight 1) only alone: no words of a
 * sentence before it, and none that carries it on after it ("this
 * email is safe to open", "... safe, you can open it", "安全ですか").
 * Line ends are spaces in the normalised text, so a banner's line may
 * run into the next.
 */
static int
safe_alone(const char *s, size_t n, size_t start, size_t end, int banner)
{
	static const char *const cont[] = { "to", "and", "or", "but",
	    "because", "for", "if", "as", "since", "so", "enough", "now",
	    "when", "though", "although", "unless", "until" };
	unsigned char	 b = 0, a;
	size_t		 i;

	while (end < n && s[end] == ' ')
		end++;
	a = end < n ? (unsigned char)s[end] : '.';
	if (a == '?' || a == ',' || a == ';' || (a == 0xef && end + 1 < n &&
	    (unsigned char)s[end + 1] == 0xbc))	/* full-width ？ ， */
		return 0;
	if (banner)
		return 1;
	/* "か", "が", "けど": the Japanese sentence goes on. */
	if (a == 0xe3 && end + 2 < n && (unsigned char)s[end + 1] == 0x81 &&
	    ((unsigned char)s[end + 2] == 0x8b ||
	    (unsigned char)s[end + 2] == 0x8c))
		return 0;
	if (a == 0xe3 && end + 2 < n && (unsigned char)s[end + 1] == 0x81 &&
	    (unsigned char)s[end + 2] == 0x91)
		return 0;
	for (i = 0; i < nitems(cont); i++)
		if (at_word(s, n, end, cont[i]))
			return 0;
	while (start > 0 && s[start - 1] == ' ')
		start--;
	if (start > 0)
		b = (unsigned char)s[start - 1];
	return !(isalnum(b) || b == ',' || b == ';' || b == ':');
}

static int
cm_cb(void *arg, int id, size_t start, size_t end)
{
	struct cmatch		*cm = arg;
	const struct phrase	*p = &PHRASES[id];
	size_t			 pl = strlen(p->p);
	int			 stem = pl > 0 && p->p[pl - 1] == '*';

	if (cm->seen[id])
		return 0;
	/* ASCII phrases stand as words: a phrase that begins or ends
	 * with a letter or a digit is not part of a longer word ("% off"
	 * follows a digit, as "20% off" has it). */
	if (!((unsigned char)p->p[0] & 0x80)) {
		if (start > 0 && wordc((unsigned char)p->p[0]) &&
		    wordc((unsigned char)cm->s[start - 1]))
			return 0;
		if (!stem && end < cm->n && wordc((unsigned char)p->p[pl - 1]) &&
		    wordc((unsigned char)cm->s[end]))
			return 0;
	}
	if (p->cls == PC_SAFE && !safe_alone(cm->s, cm->n, start, end,
	    p->w == 2))
		return 0;
	cm->seen[id] = 1;
	if (cm->first[p->cls] == 0 || start + 1 < cm->first[p->cls])
		cm->first[p->cls] = start + 1;
	cm->score[p->cls] += p->w;
	if (cm->count[p->cls] < EXAMPLES)
		cm->ex[p->cls][cm->count[p->cls]] = p->p;
	cm->count[p->cls]++;
	return 0;
}

/* "\"a\", \"b\"" for the evidence. */
static const char *
examples(struct detect_scan *s, const struct cmatch *cm, int c1, int c2)
{
	struct buf	 b;
	const char	*r;
	int		 i, c, n = 0;

	buf_init(&b, 512);
	for (c = 0; c < 2; c++) {
		int cls = c == 0 ? c1 : c2;

		if (cls < 0)
			continue;
		for (i = 0; i < cm->count[cls] && i < EXAMPLES; i++) {
			const char *p = cm->ex[cls][i];
			size_t l = strlen(p);

			if (l > 0 && p[l - 1] == '*')
				l--;
			buf_addf(&b, "%s\"%.*s\"", n++ ? ", " : "", (int)l, p);
		}
	}
	r = arena_strdup(&s->a, b.ptr);
	buf_release(&b);
	return r;
}

/* Is the lower-case bech32 address a (bc1...) valid: its data in the
 * bech32 alphabet and its checksum right, bech32 or bech32m (BIP 173,
 * BIP 350)? */
static int
bech32_ok(const char *a, size_t n)
{
	static const char cs[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
	static const uint32_t gen[5] = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa,
	    0x3d4233dd, 0x2a1462b3 };
	uint32_t	 chk = 1, top;
	size_t		 i, k;
	const char	*c;
	int		 v;

	/* The human part "bc": its high bits, a zero, its low bits. */
	for (i = 0; i < 5; i++) {
		v = i < 2 ? "bc"[i] >> 5 : i == 2 ? 0 : "bc"[i - 3] & 31;
		top = chk >> 25;
		chk = ((chk & 0x1ffffff) << 5) ^ (uint32_t)v;
		for (k = 0; k < 5; k++)
			if ((top >> k) & 1)
				chk ^= gen[k];
	}
	for (i = 3; i < n; i++) {
		if ((c = memchr(cs, a[i], 32)) == NULL)
			return 0;
		top = chk >> 25;
		chk = ((chk & 0x1ffffff) << 5) ^ (uint32_t)(c - cs);
		for (k = 0; k < 5; k++)
			if ((top >> k) & 1)
				chk ^= gen[k];
	}
	return chk == 1 || chk == 0x2bc830a3;
}

/*
 * A Bitcoin address in the (lower-cased) text, standing as a word (not
 * a parameter of a URL written out): bc1... with its checksum right, or
 * a 1... or 3... address of base58 letters (the case is lost, so no
 * checksum: no zero, digits and letters mixed).
 */
static int
has_btc(const char *t, size_t n)
{
	size_t	 i, j;

	for (i = 0; i + 26 < n; i++) {
		/* A bc1 address checks itself: after "bitcoin:" or a dash
		 * too. */
		int bech = t[i] == 'b' && t[i + 1] == 'c' && t[i + 2] == '1';

		if (i > 0 && (isalnum((unsigned char)t[i - 1]) ||
		    (strchr("=/?&%-_.+:#", t[i - 1]) != NULL && !(bech &&
		    (t[i - 1] == ':' || t[i - 1] == '-')))))
			continue;
		if (bech) {
			for (j = i + 3; j < n && isalnum((unsigned char)t[j]);
			    j++)
				;
			if (j - i >= 28 && j - i <= 64 && bech32_ok(t + i,
			    j - i))
				return 1;
		} else if (t[i] == '1' || t[i] == '3') {
			int digits = 0, letters = 0, zero = 0;

			for (j = i; j < n && isalnum((unsigned char)t[j]); j++) {
				isdigit((unsigned char)t[j]) ? digits++ :
				    letters++;
				zero |= t[j] == '0';
			}
			if (j - i >= 26 && j - i <= 35 && digits >= 4 &&
			    letters >= 8 && !zero)
				return 1;
		}
	}
	return 0;
}

/*
 * A password handed out in the (normalised) text: "password: bx5vbi99",
 * "pass : thvb862m", "senha: ...": the word, a colon, and a token of 5
 * to 40 characters holding letters and digits (the last word is
 * パスワード).  1 when found.
 */
static int
gives_password(const char *t, size_t n)
{
	static const char *const w[] = { "password", "passwd", "pass",
	    "senha", "contrasena", "passwort", "mot de passe", "wachtwoord",
	    "\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf\xe3\x83\xbc\xe3\x83\x89" };
	size_t	 i, j, k, c, len;
	int	 alpha, digit;

	for (i = 0; i < n; i++) {
		if (i > 0 && isalnum((unsigned char)t[i - 1]))
			continue;
		for (c = 0; c < nitems(w); c++) {
			if (t[i] != w[c][0])
				continue;
			len = strlen(w[c]);
			if (i + len >= n || memcmp(t + i, w[c], len) != 0)
				continue;
			j = i + len;
			while (j < n && t[j] == ' ')
				j++;
			if (j < n && t[j] == ':')
				j++;
			else if (j + 3 <= n && memcmp(t + j, "\xef\xbc\x9a",
			    3) == 0)	/* a full-width colon */
				j += 3;
			else
				continue;
			while (j < n && t[j] == ' ')
				j++;
			alpha = digit = 0;
			for (k = j; k < n && t[k] != ' ' && t[k] != '\n' &&
			    k - j <= 40; k++) {
				if (isdigit((unsigned char)t[k]))
					digit = 1;
				else if (isalpha((unsigned char)t[k]))
					alpha = 1;
			}
			if (k - j >= 5 && k - j <= 40 && alpha && digit)
				return 1;
		}
	}
	return 0;
}

/*
 * A balance in crypto-currency: an amount and a coin's name after it
 * ("75 btc", "90.8 bitcoin", "12,000 usdt").  The amount as written, in
 * the arena, or NULL.
 */
static const char *
coin_balance(struct detect_scan *s, const char *t, size_t n)
{
	static const char *const coin[] = { "btc", "bitcoin", "bitcoins",
	    "usdt", "eth", "ethereum" };
	size_t	 i, j, k, c;

	for (i = 0; i < n; i = j + 1) {
		j = i;
		if (!isdigit((unsigned char)t[i]) || (i > 0 &&
		    isalnum((unsigned char)t[i - 1])))
			continue;
		for (j = i; j < n && (isdigit((unsigned char)t[j]) ||
		    ((t[j] == ',' || t[j] == '.') && j + 1 < n &&
		    isdigit((unsigned char)t[j + 1]))); j++)
			;
		for (k = j; k < n && t[k] == ' '; k++)
			;
		for (c = 0; c < nitems(coin); c++)
			if (at_word(t, n, k, coin[c]))
				return arena_strndup(&s->a, t + i,
				    k + strlen(coin[c]) - i);
	}
	return NULL;
}

/*
 * A sum of money in the (normalised) text: a currency next to an amount
 * of at least mind digits before the decimals, or to "N million".
 * Advance-fee scams name a large one (mind 6: 100,000 or more); 1 when
 * found.
 */
static int
money(const char *t, size_t n, size_t mind)
{
	static const char *const mult[] = { "million", "millions", "milhoes",
	    "millones", "millionen", "milioni", "miljoen", "billion",
	    "bilhoes", "mln", "m " };
	static const char *const cur[] = { "$", "usd", "us$", "eur", "euro",
	    "\xe2\x82\xac", "\xc2\xa3", "gbp", "dollar", "pound", "r$",
	    "reais", "pounds", "btc" };
	size_t	 i, j, k, c, mi, digits, intd;
	int	 big;

	for (i = 0; i < n; i = j + 1) {
		j = i;
		if (!isdigit((unsigned char)t[i]) || (i > 0 &&
		    isalnum((unsigned char)t[i - 1])))
			continue;
		/* 1,500,000.00  3.500.000,00  18.5  4 500 000 */
		digits = intd = 0;
		for (j = i; j < n && (isdigit((unsigned char)t[j]) ||
		    ((t[j] == ',' || t[j] == '.' || t[j] == ' ') && j + 1 < n &&
		    isdigit((unsigned char)t[j + 1]))); j++) {
			if (isdigit((unsigned char)t[j]))
				digits++;
			else if (j + 3 >= n || !isdigit((unsigned char)t[j + 3]) ||
			    (j + 4 < n && isdigit((unsigned char)t[j + 4])))
				intd = intd ? intd : digits; /* decimals */
		}
		if (intd == 0)
			intd = digits;
		big = intd >= mind && intd <= 12;
		k = j;
		while (k < n && t[k] == ' ')
			k++;
		for (mi = 0; !big && mi < nitems(mult); mi++)
			if (at_word(t, n, k, mult[mi]) || (mult[mi][1] == ' ' &&
			    k + 1 < n && t[k] == 'm' && t[k + 1] == ' '))
				big = 1;
		if (!big)
			continue;
		/* A currency just before, or within a few bytes after. */
		for (c = 0; c < nitems(cur); c++) {
			size_t cl = strlen(cur[c]);
			size_t from = i > cl + 2 ? i - cl - 2 : 0;
			const char *hit;

			if (memmem(t + from, i - from, cur[c], cl) != NULL)
				return 1;
			hit = memmem(t + j, n - j < 24 ? n - j : 24, cur[c], cl);
			if (hit != NULL)
				return 1;
		}
	}
	return 0;
}

/*
 * A sum shown as already credited to the reader: a plus sign (or the
 * full-width one) glued to an amount with its currency ("+$354",
 * "+17,794$", "+0.3034 btc", "＋35,000円"), how balance and bonus scams
 * show money that is not there.  At least three digits before the
 * decimals, or a coin; a "+" after a letter or digit (a sum, "c++") or
 * followed by a space ("phone + $50 cash back") is not one.  The sum as
 * written, or NULL.
 */
static const char *
credited(struct detect_scan *s, const char *t, size_t n)
{
	/* The crypto-currencies last: NCOINS of them (a sum of coins
	 * counts with fewer digits). */
	enum { NCOINS = 3 };
	static const char *const cur[] = { "$", "us$", "usd", "eur",
	    "\xe2\x82\xac", "\xc2\xa3", "\xc2\xa5", "\xef\xbf\xa5", "r$",
	    "\xe5\x86\x86", "btc", "usdt", "eth" };
	size_t	 i, j, k, c, intd, frac, cl;
	int	 coin, sep;

	for (i = 0; i + 1 < n; i++) {
		/* "+", or the full-width one Japanese text uses. */
		if (t[i] == '+')
			j = i + 1;
		else if (i + 3 < n && memcmp(t + i, "\xef\xbc\x8b", 3) == 0)
			j = i + 3;
		else
			continue;
		if (i > 0 && (isalnum((unsigned char)t[i - 1]) ||
		    t[i - 1] == '+'))
			continue;
		coin = 0;
		/* A currency before the amount ... */
		for (c = 0, cl = 0; c < nitems(cur); c++) {
			size_t l = strlen(cur[c]);

			if (j + l < n && memcmp(t + j, cur[c], l) == 0 &&
			    isdigit((unsigned char)t[j + l]) && l > cl)
				cl = l;
		}
		j += cl;
		if (j >= n || !isdigit((unsigned char)t[j]))
			continue;
		/* Digits before the decimals: "17,794" 5, "354.20" 3. */
		for (k = j, intd = frac = 0, sep = 0; k < n &&
		    (isdigit((unsigned char)t[k]) || ((t[k] == ',' ||
		    t[k] == '.') && k + 1 < n &&
		    isdigit((unsigned char)t[k + 1]))); k++) {
			if (isdigit((unsigned char)t[k])) {
				intd++;
				frac++;
			} else {
				sep = 1;
				frac = 0;
			}
		}
		if (sep && frac != 3)
			intd -= frac;
		/* ... or after it, glued or after one space. */
		if (cl == 0) {
			size_t a = k < n && t[k] == ' ' ? k + 1 : k;

			for (c = 0; c < nitems(cur); c++) {
				size_t l = strlen(cur[c]);

				if (a + l <= n && memcmp(t + a, cur[c], l) == 0 &&
				    (a + l == n || !isalpha((unsigned char)
				    t[a + l])) && l > cl) {
					cl = l;
					coin = c >= nitems(cur) - NCOINS;
				}
			}
			if (cl == 0)
				continue;
			k = a + cl;
		}
		if (!coin && intd < 3)
			continue;
		return arena_strndup(&s->a, t + i, k - i);
	}
	return NULL;
}

/*
 * A subject whose words are joined by underscores, dots or tildes and
 * that begins or ends with the joint ("_Your_Reward_Worth",
 * "Your.transaction.0.7495.Bitcoin."): bulk tools write subjects so, to
 * slip past filters that read words.  Three words of two letters or
 * more, no space; a dot-joined one needs a capitalised word, which a
 * host name ("www.example.com.") does not have, and a file name has no
 * joint at either end.  1 when found.
 */
static int
subject_disguised(const char *subj)
{
	const char	*p, *e;
	size_t		 letters = 0, words = 0;
	int		 dot = 0, cap = 0, start = 1;

	if (subj == NULL)
		return 0;
	for (p = subj; *p == ' ' || *p == '\t'; p++)
		;
	for (e = p + strlen(p); e > p && (e[-1] == ' ' || e[-1] == '\t' ||
	    e[-1] == '\r' || e[-1] == '\n'); e--)
		;
	if (e - p < 8)
		return 0;
	if (!(*p == '_' || *p == '~' || e[-1] == '_' || e[-1] == '~' ||
	    e[-1] == '.'))
		return 0;
	for (; p <= e; p++) {
		if (p == e || *p == '_' || *p == '.' || *p == '~') {
			if (letters >= 2)
				words++;
			if (p < e && *p == '.')
				dot = 1;
			letters = 0;
			start = 1;
			continue;
		}
		if (*p == ' ' || *p == '\t')
			return 0;
		if (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80) {
			if (start && isupper((unsigned char)*p) && p + 1 < e &&
			    islower((unsigned char)p[1]))
				cap = 1;
			letters++;
		}
		start = 0;
	}
	return words >= 3 && (!dot || cap);
}

/* The reader's or a colleague's address on a forward's To line. */
static int
to_line(const struct detect_scan *s, const char *t, const char *hit)
{
	return s->fwd_active && fwd_to_value(t, hit);
}

/*
 * A free mail address written in the text ("contact me at x@gmail.com"),
 * not one on the To or Cc line of a forwarded mail's header block, which
 * is the reader's or a colleague's.
 */
/* Is an address of Reply-To at a free mail service? */
static int
reply_freemail(struct detect_scan *s)
{
	const struct dmsg	*m = s->m;
	int			 i;

	for (i = 0; i <= m->nreply_more; i++) {
		const struct daddr *r = i == 0 ? &m->reply_to :
		    &m->reply_more[i - 1];

		if (r->domain != NULL && dom_is_freemail(s->eng,
		    dom_registrable(s, r->domain)))
			return 1;
	}
	return 0;
}

static int
text_freemail(struct detect_scan *s, const char *t, size_t n)
{
	const char	*p = t, *e = t + n, *at;
	char		 dom[128];
	size_t		 k;

	while (p < e && (at = memchr(p, '@', (size_t)(e - p))) != NULL) {
		p = at + 1;
		if (at == t || !isalnum((unsigned char)at[-1]))
			continue;
		{
			const char *lp = at;

			while (lp > t && (isalnum((unsigned char)lp[-1]) ||
			    lp[-1] == '.' || lp[-1] == '_' || lp[-1] == '-' ||
			    lp[-1] == '+'))
				lp--;
			if (to_line(s, t, lp))
				continue;
		}
		for (k = 0; at + 1 + k < e && k + 1 < sizeof(dom) &&
		    (isalnum((unsigned char)at[1 + k]) || at[1 + k] == '.' ||
		    at[1 + k] == '-'); k++)
			dom[k] = at[1 + k];
		while (k > 0 && dom[k - 1] == '.')
			k--;
		dom[k] = '\0';
		if (k > 3 && dom_is_freemail(s->eng, dom_registrable(s, dom)))
			return 1;
	}
	return 0;
}

/* The length of a separator inside a telephone number at t[k], or 0:
 * a blank, "-", ".", "(", ")", "+", an en or em dash, and their full-width
 * forms as Japanese text writes them (＋（）－, the long vowel mark ー used
 * as a dash). */
static size_t
phone_sep(const char *t, size_t n, size_t k)
{
	if (k >= n)
		return 0;
	if (t[k] == ' ' || t[k] == '-' || t[k] == '.' || t[k] == '(' ||
	    t[k] == ')' || t[k] == '+')
		return 1;
	if (n - k < 3)
		return 0;
	if (memcmp(t + k, "\xe2\x80", 2) == 0 && (t[k + 2] == '\x93' ||
	    t[k + 2] == '\x94'))
		return 3;
	if (memcmp(t + k, "\xef\xbc", 2) == 0 && (t[k + 2] == '\x8b' ||
	    t[k + 2] == '\x88' || t[k + 2] == '\x89' || t[k + 2] == '\x8d'))
		return 3;
	if (memcmp(t + k, "\xe3\x83\xbc", 3) == 0)
		return 3;
	return 0;
}

/*
 * A telephone number offered to call: 10 to 13 digits in groups, after
 * "call", "phone", "contact" or the like within the 80 bytes before it.
 * Written into out (for the evidence); 1 when found.
 */
static int
phone_to_call(const char *t, size_t n, char *out, size_t outsz)
{
	static const char *const cue[] = { "call", "phone", "contact",
	    "dial", "toll", "helpline", "support", "number", "tel", "reach us",
	    "ligue",
	    "llame", "anrufen" };
	size_t	 i, j, c, digits, groups, d0 = 0, fw;

	/* Each start once: past the digit it began at, whatever the
	 * number read back over. */
	for (i = 0; i < n; i = (j > d0 ? j : d0) + 1) {
		j = d0 = i;
		if (!(isdigit((unsigned char)t[i]) || ((t[i] == '+' ||
		    t[i] == '(') && i + 1 < n && isdigit((unsigned char)
		    t[i + 1]))) || (i > 0 && isalnum((unsigned char)t[i - 1])))
			continue;
		/* A full-width "＋" or "（" before it begins the number (two
		 * at most: "＋（"). */
		for (fw = 0; fw < 2 && i >= 3 && (memcmp(t + i - 3,
		    "\xef\xbc\x8b", 3) == 0 || memcmp(t + i - 3,
		    "\xef\xbc\x88", 3) == 0); fw++)
			i -= 3;
		j = i;
		digits = 0;
		groups = 1;
		/* Groups of digits, between them a few of " -.()+" or a
		 * dash: "+1 (888) 596-1028", "+1 – (888) - (596) - (1028)". */
		for (j = i; j < n;) {
			size_t k = j, seps = 0;

			if (isdigit((unsigned char)t[j])) {
				digits++;
				j++;
				continue;
			}
			while (k < n && seps < 6) {
				size_t l = phone_sep(t, n, k);

				if (l == 0)
					break;
				k += l;
				seps++;
			}
			if (k == j || k >= n || !isdigit((unsigned char)t[k]) ||
			    seps > 5)
				break;
			if (j > i)
				groups++;
			j = k;
		}
		if (digits < 10 || digits > 13 || groups < 2 ||
		    (j < n && isalnum((unsigned char)t[j])))
			continue;
		for (c = 0; c < nitems(cue); c++) {
			size_t from = i > 80 ? i - 80 : 0;

			if (memmem(t + from, i - from, cue[c], strlen(cue[c])) !=
			    NULL) {
				size_t l = j - i;

				/* Whole characters: full-width signs are
				 * three bytes each. */
				if (l > outsz - 1)
					l = outsz - 1;
				while (l > 0 && i + l < n &&
				    ((unsigned char)t[i + l] & 0xc0) == 0x80)
					l--;
				snprintf(out, outsz, "%.*s", (int)l, t + i);
				return 1;
			}
		}
	}
	return 0;
}

/* 1 when a link of the message goes under the sender's own domain. */
static int
links_home(struct detect_scan *s)
{
	const char	*freg;
	size_t		 i;

	if (s->m->from.domain == NULL)
		return 0;
	freg = dom_registrable(s, s->m->from.domain);
	for (i = 0; i < s->nu; i++)
		if (s->u[i].host != NULL && s->u[i].origin != UO_SRC &&
		    s->u[i].origin != UO_CSS && strcmp(s->u[i].domain,
		    freg) == 0)
			return 1;
	return 0;
}

/*
 * Is the sender one whose callback wording counts (in the text or an
 * attached document)?  Not the organisation nor a correspondent (an
 * invoice's "call our billing department"); a free mailbox (not a name
 * under a free mail domain: nobody has a mailbox at alerts.comcast.net,
 * the ISP's own notices come from there); else none whose links go home
 * (its own domain, or its brand's other sites: comcast.net's notice
 * links to xfinity.com), and one that links nowhere or claims a brand
 * it is not (a hotel's booking mail that links to its booking engine
 * says "if you wish to cancel, call us" too).
 */
static int
callback_sender(struct detect_scan *s, int from_free, size_t links)
{
	const char	*d = s->m->from.domain, *reg;
	int		 b;

	if (d == NULL)
		return 1;
	reg = dom_registrable(s, d);
	if (dom_is_own(s, d) || dom_is_corr(s, d))
		return 0;
	if (from_free && str_casecmp(d, reg) == 0)
		return 1;
	if (links_home(s) || url_brand_home(s))
		return 0;
	if (links == 0 || s->claim_brand >= 0)
		return 1;
	b = brand_find(s->eng, s->text.ptr, s->text.len < 400 ? s->text.len :
	    400, 1);
	return b >= 0 && brand_of_host(s->eng, d, reg, 1) != b;
}

/*
 * A callback scam's words and number in a document's text: 1 when
 * found (and said).  An invoice says "order ID", "total amount" and
 * "customer care" with a number to call; the scam also says the
 * subscription renewed, the card was charged, or to call if you did not
 * order it (a phrase of weight 2).
 */
static int
doc_callback(struct detect_scan *s, const struct doc_text *d)
{
	struct cmatch	*cm = arena_zalloc(&s->a, sizeof(*cm));
	char		 tel[64];

	cm->s = s->doc.ptr + d->off;
	cm->n = d->len;
	ac_scan(s->eng->content_ac, cm->s, cm->n, cm_cb, cm);
	if (cm->score[PC_CALLBACK] < 4 || cm->score[PC_CALLBACK] -
	    cm->count[PC_CALLBACK] < 1 || !phone_to_call(cm->s, cm->n, tel,
	    sizeof(tel)))
		return 0;
	finding_add(s, R_ATT_DOC_CALLBACK, &(struct fargs){ .name = d->name,
	    .sha256 = d->sha256, .detail = tel });
	return 1;
}

/* An extortion scam written in an attached document, the mail saying
 * little (its words past filters that read the text only). */
static int
doc_extortion(struct detect_scan *s, const struct doc_text *d)
{
	struct cmatch	*cm = arena_zalloc(&s->a, sizeof(*cm));

	cm->s = s->doc.ptr + d->off;
	cm->n = d->len;
	ac_scan(s->eng->content_ac, cm->s, cm->n, cm_cb, cm);
	if (!(cm->score[PC_EXTORT] >= 5 || (cm->score[PC_EXTORT] >= 3 &&
	    has_btc(cm->s, cm->n))))
		return 0;
	/* A training handout that quotes a sextortion mail says what it
	 * is: phishing, an example, scammers. */
	if (cm->score[PC_AWARE] >= 2 || about_attacks(cm->s, cm->n))
		return 0;
	finding_add(s, R_ATT_DOC_EXTORTION, &(struct fargs){ .name = d->name,
	    .sha256 = d->sha256, .detail = examples(s, cm, PC_EXTORT, -1) });
	return 1;
}

/* Past the blanks at t[i]. */
static size_t
skip_blank(const char *t, size_t n, size_t i)
{
	while (i < n && t[i] == ' ')
		i++;
	return i;
}

/* The first of the words w (NULL-ended) at t[i]: past it, or 0. */
static size_t
one_of(const char *t, size_t n, size_t i, const char *const *w)
{
	size_t	 l;

	for (; *w != NULL; w++)
		if ((l = strlen(*w)) <= n - i && memcmp(t + i, *w, l) == 0)
			return i + l;
	return 0;
}

/*
 * Pay by the day, the week, the hour, the month or the task in
 * normalised text, as a task scam or a work-at-home offer writes it: a
 * sum with its currency and then "per day", "a day", "/day", "por dia",
 * "per dag", "par jour", "per hour"... within a few bytes ("$300-$800/
 * day", "R$ 150 a R$ 450 por dia"), or "日給", "時給" or "1日" and a sum
 * after it.  Where it begins + 1, or 0.
 */
static size_t
pay_rate(const char *t, size_t n)
{
	static const char *const unit[] = { "per day", "a day", "/day",
	    "each day", "daily", "por dia", "al dia", "diarios", "per dag",
	    "pro tag", "am tag", "par jour", "al giorno", "per week",
	    "a week", "/week", "weekly", "por semana", "pro woche",
	    "par semaine", "a settimana", "per settimana", "per hour",
	    "an hour", "/hour", "/hr", "por hora", "pro stunde", "per uur",
	    "de l'heure", "all'ora", "per task", "per order", "per month",
	    "a month", "/month", "por mes", "pro monat", "par mois",
	    "al mese", "per maand", NULL };
	static const char *const cur[] = { "$", "\xe2\x82\xac",
	    "\xc2\xa3", "\xc2\xa5", "usd", "eur", "euro", "dollar",
	    "reais", NULL };
	size_t	 i, k, b;

	for (i = 1; i < n; i++) {
		int digit = 0, money = 0, ja;

		if (isalnum((unsigned char)t[i - 1]) && t[i] != '/')
			continue;
		/* 日給, 時給 and 1日 come before their sum; the others
		 * after theirs. */
		if ((ja = one_of(t, n, i, (const char *const[]){
		    "\xe6\x97\xa5\xe7\xb5\xa6", "\xe6\x99\x82\xe7\xb5\xa6",
		    "1\xe6\x97\xa5", NULL }) != 0) == 0 &&
		    one_of(t, n, i, unit) == 0)
			continue;
		b = ja ? i : i > 24 ? i - 24 : 0;
		for (k = b; k < i + (ja ? 24 : 0) && k < n; k++) {
			if (isdigit((unsigned char)t[k]))
				digit = 1;
			if (one_of(t, n, k, cur) != 0 || (n - k >= 3 &&
			    memcmp(t + k, "\xe5\x86\x86", 3) == 0))	/* 円 */
				money = 1;
		}
		if (digit && money)
			return i + 1;
	}
	return 0;
}

/* Does a link open a chat app's conversation (wa.me, t.me, line.me)? */
static int
chat_link(const struct detect_scan *s)
{
	static const char *const h[] = { "wa.me", "wa.link",
	    "api.whatsapp.com", "chat.whatsapp.com", "t.me", "telegram.me",
	    "telegram.dog", "line.me", "lin.ee", "m.me", "signal.me", NULL };
	size_t	 i, k;

	for (i = 0; i < s->nu; i++)
		for (k = 0; s->u[i].host != NULL && h[k] != NULL; k++)
			if (strcmp(s->u[i].host, h[k]) == 0)
				return 1;
	return 0;
}

/*
 * A key pressed with another at t[i] (normalised text): one of mods,
 * its "key", "logo key" or "button" said or not, then "+" (or a
 * full-width one), "-", "and", "&", "と" or "を押しながら" ("while
 * holding"), "press" or "the" after it or not, then one of the keys, a
 * whole word or with "key" after it ("win + r", "windows key+r", "⊞
 * Win-R", "Windows key and the R key", "hold Ctrl and press V",
 * "Windowsキーを押しながらR"): the key pressed, or 0.
 */
static int
key_combo(const char *t, size_t n, size_t i, const char *const *mods,
    const char *keys)
{
	static const char *const key[] = { "logo key", "key", "button",
	    "ロゴキー", "キー", NULL };
	static const char *const sep[] = { "+", "\xef\xbc\x8b", "-", "and ",
	    "& ", "\xe3\x81\xa8", "を押しながら", "を押したまま", NULL };
	static const char *const verb[] = { "press ", "hit ", "tap ",
	    "the ", NULL };
	size_t	 j, k;
	int	 c;

	if (i > 0 && isalnum((unsigned char)t[i - 1]))
		return 0;
	if ((j = one_of(t, n, i, mods)) == 0)
		return 0;
	j = skip_blank(t, n, j);
	if ((k = one_of(t, n, j, key)) != 0)
		j = skip_blank(t, n, k);
	if ((k = one_of(t, n, j, sep)) == 0)
		return 0;
	j = skip_blank(t, n, k);
	while ((k = one_of(t, n, j, verb)) != 0)
		j = skip_blank(t, n, k);
	if (j >= n || t[j] == '\0' || strchr(keys, t[j]) == NULL)
		return 0;
	c = (unsigned char)t[j++];
	if (j < n && isalnum((unsigned char)t[j])) {
		/* "r key", "rキー" */
		if (!(n - j >= 4 && memcmp(t + j, " key", 4) == 0))
			return 0;
	}
	return c;
}

/*
 * How much the text writes about attacks rather than makes one: words a
 * security news letter or a warning writes and a lure seldom does, each
 * counted once, those that speak of the attackers 2 ("attackers",
 * "victims", "ClickFix", 攻撃者, 手口), those a lure may say of itself 1
 * ("fake", "scam", "phishing": "this is no scam"; "malware" is none, a
 * fake alert says it).
 */
static int
about_words(const char *t, size_t n)
{
	static const struct { const char *w; int v; } w[] = {
		{ "clickfix", 2 }, { "filefix", 2 }, { "attacker", 2 },
		{ "threat actor", 2 }, { "criminal", 2 },
		{ "cybercriminal", 2 }, { "scammer", 2 }, { "victim", 2 },
		{ "infostealer", 2 }, { "social engineering", 2 },
		{ "sextortion", 2 }, { "security awareness", 2 },
		{ "攻撃者", 2 }, { "犯罪者", 2 }, { "手口", 2 },
		{ "ソーシャルエンジニアリング", 2 }, { "fake", 1 },
		{ "scam", 1 }, { "phishing", 1 }, { "do not pay", 1 },
		{ "偽", 1 }, { "詐欺", 1 }, { "フィッシング", 1 },
		{ "支払わないで", 1 },
		/* the same in the other languages read (a word's start:
		 * "erpress" is Erpresser and Erpressung), the mails
		 * "circulating" a warning writes of, and its quoting */
		{ "circulating", 2 }, { "circulent", 2 }, { "circulan", 2 },
		{ "circulam", 2 }, { "circulando", 2 }, { "circolan", 2 },
		{ "kursieren", 2 }, { "im umlauf", 2 }, { "de ronde doen", 2 },
		{ "出回って", 2 }, { "betruger", 2 }, { "erpress", 2 },
		{ "kriminelle", 2 }, { "opfer", 2 }, { "escroc", 2 },
		{ "cybercriminel", 2 }, { "chantage", 2 }, { "estafador", 2 },
		{ "delincuente", 2 }, { "sextorsion", 2 }, { "golpista", 2 },
		{ "criminoso", 2 }, { "vitima", 2 }, { "sextorsao", 2 },
		{ "truffator", 2 }, { "vittim", 2 }, { "oplichter", 2 },
		{ "slachtoffer", 2 }, { "afpers", 2 }, { "詐欺師", 2 },
		{ "被害者", 2 }, { "注意喚起", 2 }, { "gefalscht", 1 },
		{ "betrug", 1 }, { "nicht zahlen", 1 }, { "wortlaut", 1 },
		{ "faux", 1 }, { "arnaque", 1 }, { "escroquerie", 1 },
		{ "ne payez pas", 1 }, { "ne repondez", 1 },
		{ "exemple de message", 1 }, { "falso", 1 }, { "estafa", 1 },
		{ "fraude", 1 }, { "no pague", 1 }, { "golpe", 1 },
		{ "nao pague", 1 }, { "truffa", 1 }, { "non pagare", 1 },
		{ "non pagate", 1 }, { "oplichting", 1 }, { "niet betalen", 1 },
		{ "citaat", 1 } };
	unsigned char	 seen[nitems(w)];
	size_t		 i, k, l;
	int		 score = 0;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < n; i++) {
		if (i > 0 && isalnum((unsigned char)t[i - 1]))
			continue;
		for (k = 0; k < nitems(w); k++)
			if (!seen[k] && (l = strlen(w[k].w)) <= n - i &&
			    memcmp(t + i, w[k].w, l) == 0) {
				seen[k] = 1;
				score += w[k].v;
			}
	}
	return score;
}

/* Does the text write about attacks rather than make one (a word of
 * the attackers, or two a lure might say)? */
int
about_attacks(const char *t, size_t n)
{
	return about_words(t, n) >= 2;
}

/*
 * "ClickFix": a page or mail that has put a command on the clipboard
 * (or shows one) tells the reader to open Windows' Run box or a
 * terminal (Win+R, Win+X, the Run dialog; File Explorer's address bar,
 * "FileFix"; Spotlight and Terminal on a Mac) and paste it (Ctrl+V,
 * "paste") or shows the command itself (PowerShell, mshta, iex): the
 * reader runs the attacker's program, no file attached, no link to a
 * download.  The steps stand together (300 bytes) and say why (below):
 * keyboard tips, a vendor's support steps and a news letter's list of
 * shortcuts do not.  clipboard: a script of the page writes the
 * clipboard; authentic: the mail passed DMARC.  What was found (CF_
 * bits), 0 when it is none.
 */
/* Of a step found before at was (0: none) and one found at now, the
 * one nearer the run key at rp (the later while there is none yet): a
 * mail of a plain and an HTML part holds the steps twice, and the second
 * copy's paste is far from the first copy's run key. */
static size_t
nearer(size_t rp, size_t was, size_t now)
{
	if (was == 0 || rp == 0)
		return now;
	return (now > rp ? now - rp : rp - now) < (was > rp ? was - rp :
	    rp - was) ? now : was;
}

#define CF_NEAR		300
#define CF_ABOUT	600	/* a warning's words this near the steps */
int
clickfix(const char *t, size_t n, int clipboard, int authentic)
{
	static const char *const win[] = { "windows", "win", "\xe2\x8a\x9e",
	    NULL };
	static const char *const ctl[] = { "ctrl", "control", "strg", "cmd",
	    "command", NULL };
	static const char *const run[] = { "run dialog", "run box",
	    "run window", "ファイル名を指定して実行", "file explorer",
	    "エクスプローラー", "right-click start", "right-click the start",
	    "right-click on the start", "right click start",
	    "right click the start", "right click on the start",
	    "right-click the windows", "right-click on the windows",
	    "right-click windows", "right click the windows",
	    "right click on the windows", "rechtsklick auf start",
	    "rechtsklick auf das windows", "rechtsklick auf den start",
	    "rechten maustaste auf start", "rechten maustaste auf das windows",
	    "clic droit sur demarrer", "clic droit sur le bouton demarrer",
	    "clic droit sur l'icone windows", "clic derecho en inicio",
	    "clic derecho sobre inicio", "clic derecho en el boton inicio",
	    "botao direito em iniciar", "botao direito no iniciar",
	    "clic destro su start", "clic destro sul pulsante start",
	    "rechtermuisknop op start", "rechtsklik op start",
	    "スタートボタンを右クリック", "スタートを右クリック",
	    "スタートメニューを右クリック", "windowsマークを右クリック",
	    "windowsロゴを右クリック", "windowsアイコンを右クリック", NULL };
	static const char *const paste[] = { "paste", "貼り付け", "貼付け",
	    "ペースト", NULL };
	static const char *const cmd[] = { "powershell", "mshta", "iex",
	    "invoke-expression", "invoke-webrequest", "cmd /c", "cmd.exe",
	    "certutil", "rundll32", "msiexec", "conhost", "curl ",
	    "bash -c", "winget", "choco ", "scoop ", NULL };
	static const char *const pretext[] = { "you are human",
	    "are human", "human check", "human verification", "not a robot",
	    "captcha", "not a bot", "verification step", "to view the",
	    "to access the", "to play", "to listen", "to open the document",
	    "to open the file", "ロボットではない", "ロボットでない",
	    "人間であること", NULL };
	static const char *const fetch[] = { "iwr ", "irm ", "iwr(",
	    "irm(", "invoke-webrequest", "invoke-restmethod",
	    "downloadstring", "downloadfile", "net.webclient", "mshta http",
	    "curl http", "curl -", "wget ", "bitsadmin", "start-bitstransfer",
	    NULL };
	size_t	 i, k, rp = 0, pp = 0, cp = 0, vp = 0;
	int	 runk = 0, f = 0, web = 0, lure = 0, mac = 0, seq = 0;

	for (i = 0; i < n; i++) {
		int c = (unsigned char)t[i];
		int r;

		if ((c == 'w' || c == 0xe2) && (r = key_combo(t, n, i, win,
		    "rx")) != 0 && (runk == 0 || !(f & (CF_CTRL_V | CF_PASTE |
		    CF_COMMAND)))) {
			runk = r;
			rp = i + 1;
		}
		if ((c == 'c' || c == 's') && key_combo(t, n, i, ctl, "v")) {
			f |= CF_CTRL_V;
			pp = nearer(rp, pp, i + 1);
			vp = i + 1;
		}
		/* Win+R, Ctrl+V, Enter: the whole ClickFix, no pretext
		 * needed (a vendor's steps paste into a reply). */
		if (c == 'e' && vp != 0 && rp != 0 && rp < vp && i > vp &&
		    i - vp <= 100 && i - rp <= CF_NEAR && at_word(t, n, i,
		    "enter") && (i == 0 || !isalnum((unsigned char)t[i - 1])))
			seq = 1;
		if (i > 0 && isalnum((unsigned char)t[i - 1]))
			continue;
		if (one_of(t, n, i, run) != 0 && (runk == 0 ||
		    !(f & (CF_CTRL_V | CF_PASTE | CF_COMMAND)))) {
			runk = '.';
			rp = i + 1;
		}
		if (at_word(t, n, i, "spotlight") || one_of(t, n, i,
		    (const char *const[]){ "cmd + space", "command + space",
		    "cmd+space", "command+space", NULL }) != 0)
			mac = 1;
		if (mac && at_word(t, n, i, "terminal") && runk == 0) {
			runk = 't';
			rp = i + 1;
		}
		if (one_of(t, n, i, paste) != 0) {
			f |= CF_PASTE;
			pp = nearer(rp, pp, i + 1);
		}
		/* "iex" a word of its own, not "iexplore". */
		if ((k = one_of(t, n, i, cmd)) != 0 && !(k - i == 3 &&
		    c == 'i' && k < n && isalpha((unsigned char)t[k]))) {
			f |= CF_COMMAND;
			cp = nearer(rp, cp, i + 1);
		}
		/* A command that fetches from the web (iwr, irm, curl,
		 * a WebClient's DownloadString). */
		if (one_of(t, n, i, fetch) != 0)
			web = 1;
		if (!lure && one_of(t, n, i, pretext) != 0)
			lure = 1;
	}
	if (runk == 0)
		return 0;
	/* The steps together: a paste or a command near the run key. */
	if (!clipboard && !((pp != 0 && (pp > rp ? pp - rp : rp - pp) <=
	    CF_NEAR) || (cp != 0 && (cp > rp ? cp - rp : rp - cp) <=
	    CF_NEAR)))
		return 0;
	/* Why the reader would: the lure's own pretext, a script that
	 * fills the clipboard, or Win+R, Ctrl+V and Enter in a row with no
	 * command shown (a vendor's install steps show the line to copy,
	 * "irm get.scoop.sh | iex"; a lure's is on the clipboard already);
	 * a command that fetches from the web only on mail that is not
	 * authentic (on its own authentic mail it is a vendor's). */
	if (!clipboard && !lure && !(seq && !(f & CF_COMMAND)) &&
	    !(web && !authentic))
		return 0;
	/* A warning describes the steps: more than one of its words
	 * about attacks stand near them ("attackers" and "fake CAPTCHA");
	 * a line of the lure ("keeps attackers away") is not enough. */
	if (about_words(t + (rp > CF_ABOUT ? rp - CF_ABOUT : 0),
	    (rp + CF_ABOUT < n ? rp + CF_ABOUT : n) - (rp > CF_ABOUT ?
	    rp - CF_ABOUT : 0)) >= 3)
		return 0;
	if (clipboard)
		f |= CF_CLIPBOARD;
	return f | (runk == 'r' ? CF_WIN_R : runk == 'x' ? CF_WIN_X : CF_RUN);
}

/* The organisation's own or a correspondent's authentic mail, whose
 * steps to run something are its IT's or its support's. */
int
clickfix_home(struct detect_scan *s)
{
	const char *d = s->m->from.domain;

	return d != NULL && s->authentic && (dom_is_own(s, d) ||
	    dom_is_corr(s, d));
}

/* What clickfix() found, said. */
const char *
clickfix_what(struct arena *a, int f, int ja)
{
	if (ja)
		return arena_printf(a, "%s%s%s%s", f & CF_WIN_R ? "Win+R" :
		    f & CF_WIN_X ? "Win+X" : "「ファイル名を指定して実行」など",
		    f & CF_CTRL_V ? "、Ctrl+V" : f & CF_PASTE ? "、貼り付け" :
		    "", f & CF_COMMAND ? "、コマンドの表示" : "",
		    f & CF_CLIPBOARD ? "、クリップボードに書き込むスクリプト" :
		    "");
	return arena_printf(a, "%s%s%s%s", f & CF_WIN_R ? "Win+R" :
	    f & CF_WIN_X ? "Win+X" : "the Run box or a terminal",
	    f & CF_CTRL_V ? ", Ctrl+V" : f & CF_PASTE ? ", paste" : "",
	    f & CF_COMMAND ? ", a command shown" : "",
	    f & CF_CLIPBOARD ? ", a script that fills the clipboard" : "");
}

/*
 * Device code phishing: a link to the page where a device's sign-in
 * code is entered (microsoft.com/devicelogin) and a code to enter.  The
 * code is shown on the device that signs in, never mailed: the one who
 * mails it is the device, and the reader who enters it signs them in.
 */

/* Is there a word "code" (not "barcode", "encode") or "コード" in the
 * 40 bytes before t[i], and no sign that the code is an example ("like",
 * "e.g.", "例", "will be different") around it? */
static int
code_said(const char *t, size_t n, size_t i, size_t end)
{
	static const char *const said[] = { "code", "コード", "認証番号",
	    NULL };
	static const char *const example[] = { "like ", "like:", "e.g",
	    "example", "such as", "例:", "例：", "例えば", "（例）", "例)",
	    "will be different", "毎回異な", "sample",
	    "to sign in, use a web browser", "first copy your one-time code",
	    "beispiel", "z.b", "exemple", "ejemplo", "exemplo", "esempio",
	    "voorbeeld", "bijv", NULL };
	size_t	 from = i > 40 ? i - 40 : 0, k, w0, w1;
	int	 found = 0;

	/* The last "code" before it, in the same sentence. */
	for (k = from; k < i; k++) {
		if ((k == 0 || !isalpha((unsigned char)t[k - 1])) &&
		    one_of(t, n, k, said) != 0)
			found = 1;
		else if (t[k] == '.' || (n - k >= 3 &&
		    memcmp(t + k, "\xe3\x80\x82", 3) == 0))
			found = 0;	/* 。 */
	}
	if (!found)
		return 0;
	/* A Windows update's or a ticket's number is no code to enter. */
	if (end - i >= 3 && ((t[i] == 'k' && t[i + 1] == 'b' &&
	    isdigit((unsigned char)t[i + 2])) || strncmp(t + i, "inc", 3) ==
	    0 || strncmp(t + i, "req", 3) == 0 || strncmp(t + i, "ritm", 4) ==
	    0 || strncmp(t + i, "chg", 3) == 0))
		return 0;
	w0 = i > 160 ? i - 160 : 0;
	w1 = end + 80 < n ? end + 80 : n;
	for (k = w0; k < w1; k++)
		if ((k == 0 || !isalpha((unsigned char)t[k - 1])) &&
		    one_of(t, w1, k, example) != 0)
			return 0;
	/* A warning about the attack quotes a code. */
	return !about_attacks(t + (i > 300 ? i - 300 : 0), (end + 300 < n ?
	    end + 300 : n) - (i > 300 ? i - 300 : 0));
}

const char *
device_code(struct detect_scan *s, const char *t, size_t n, const char **ja)
{
	static const char *const page[] = { "microsoft.com/devicelogin",
	    "aka.ms/devicelogin", "/oauth2/deviceauth",
	    "/oauth2/v2.0/devicecode", "login.microsoft.com/device",
	    "microsoft.com/link", "google.com/device",
	    "github.com/login/device", "live.com/oauth20_remoteconnect.srf",
	    NULL };
	static const char *const sites[] = { "microsoft.com", "aka.ms",
	    "microsoftonline.com", "live.com", "google.com", "github.com",
	    NULL };
	const char	*url = NULL, *fdom = s->m->from.domain;
	size_t		 i, k, tried = 0;
	int		 ub = -1;

	for (i = 0; i < s->nu && url == NULL; i++) {
		const struct durl *u = &s->u[i];
		char hp[300];
		size_t l;

		if (u->host == NULL || u->path == NULL)
			continue;
		snprintf(hp, sizeof(hp), "%s%.*s", u->host,
		    (int)strcspn(u->path, "?#"), u->path);
		str_lower(hp);
		if ((l = strlen(hp)) > 0 && hp[l - 1] == '/')
			hp[l - 1] = '\0';
		for (k = 0; page[k] != NULL; k++)
			if (str_has_suffix_case(hp, page[k]))
				break;
		if (page[k] == NULL)
			continue;
		for (k = 0; sites[k] != NULL; k++)
			if (strcmp(u->domain, sites[k]) == 0)
				break;
		if (sites[k] != NULL) {
			url = u->url;
			ub = brand_of_domain(s->eng, u->domain);
		}
	}
	/* The page written without a scheme, no link of it: the name
	 * whole ("google.com/devices" is a shop's page). */
	for (k = 0; url == NULL && page[k] != NULL; k++) {
		const char *q = t, *e = t + n;
		size_t pl = strlen(page[k]);

		while (page[k][0] != '/' && (q = memmem(q, (size_t)(e - q),
		    page[k], pl)) != NULL && ((q > t && (isalnum((unsigned
		    char)q[-1]) || q[-1] == '-')) || (q + pl < e &&
		    (isalnum((unsigned char)q[pl]) || q[pl] == '-'))))
			q++;
		if (page[k][0] != '/' && q != NULL) {
			url = page[k];
			ub = brand_of_domain(s->eng, dom_registrable(s,
			    arena_strndup(&s->a, page[k], strcspn(page[k],
			    "/"))));
		}
	}
	if (url == NULL)
		return NULL;
	/* The service's own authentic notice of a sign-in (GitHub's "a
	 * device was signed in with device code ..."). */
	if (fdom != NULL && s->authentic && ub >= 0 &&
	    brand_of_sender(s->eng, dom_registrable(s, fdom)) == ub)
		return NULL;
	/* A code as the services write them, told after the word "code":
	 * 8 or 9 letters and digits ("GFH7KW2DX"), two groups of four
	 * ("KQ7M-X2PD", "WDJB-MJHT", "KQ7M X2PD") or three of three. */
	for (i = 0; i < n; i++) {
		size_t g[3] = { 0, 0, 0 }, ge[3] = { 0, 0, 0 }, ng = 0, j = i,
		    letters = 0, digits = 0;
		char sep = 0;
		int ok = 0;

		if (i > 0 && (isalnum((unsigned char)t[i - 1]) ||
		    strchr("/.=-_@#%&?", t[i - 1]) != NULL))
			continue;
		/* Groups of letters and digits, one separator between
		 * them, a dash or a blank. */
		while (ng < 3) {
			size_t a = 0;

			while (j < n && isalnum((unsigned char)t[j]))
				j++, a++;
			g[ng] = a;
			ge[ng++] = j;
			if (j + 1 < n && (t[j] == '-' || t[j] == ' ') &&
			    (sep == 0 || t[j] == sep) &&
			    isalnum((unsigned char)t[j + 1]) && ng < 3 &&
			    (a == 3 || a == 4)) {
				sep = t[j];
				j++;
				continue;
			}
			break;
		}
		/* The longest form that is a code: three groups of
		 * three, two of four, or one of 8 or 9; the words around
		 * read for the first 64 such only (a text of them is no
		 * mail asking for one). */
		for (; ng > 0 && !ok && tried < 64; ng--) {
			j = ge[ng - 1];
			letters = digits = 0;
			for (k = i; k < j; k++) {
				letters += isalpha((unsigned char)t[k]) != 0;
				digits += isdigit((unsigned char)t[k]) != 0;
			}
			ok = ((ng == 1 && (g[0] == 8 || g[0] == 9) &&
			    letters >= 2 && digits >= 1) || (ng == 2 &&
			    g[0] == 4 && g[1] == 4 && (sep == '-' ||
			    digits >= 1) && letters >= 2) || (ng == 3 &&
			    g[0] == 3 && g[1] == 3 && g[2] == 3 &&
			    sep == '-')) && !(j < n && strchr("/.@-_", t[j]) !=
			    NULL && j + 1 < n && isalnum((unsigned char)
			    t[j + 1])) && ++tried > 0 && code_said(t, n, i,
			    j);
		}
		if (!ok) {
			i += g[0] > 0 ? g[0] - 1 : 0;
			continue;
		}
		{
			char code[16];

			for (k = i; k < j && k - i < sizeof(code) - 1; k++)
				code[k - i] = (char)toupper((unsigned char)t[k]);
			code[k - i] = '\0';
			*ja = arena_printf(&s->a, "%s、%s", code, url);
			return arena_printf(&s->a, "%s at %s", code, url);
		}
	}
	return NULL;
}

/* Does w (lower case) stand as a word in s (normalised)? */
static int
has_word(const char *s, const char *w)
{
	const char	*p = s;
	size_t		 n = strlen(w);

	while ((p = strstr(p, w)) != NULL) {
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]))
			return 1;
		p += n;
	}
	return 0;
}

/*
 * Is w, the user name of the recipient's address, a word of a person's
 * name: the recipient's own display name, or one of the organisation's
 * people?  Then a greeting by it is a greeting by name.
 */
static int
is_name_word(struct detect_scan *s, const char *w)
{
	size_t	 i;
	int	 found = 0;

	if (s->m->to.name != NULL) {
		struct buf nb;

		buf_init(&nb, 1024);
		text_norm(&nb, s->m->to.name, strlen(s->m->to.name), NULL);
		found = has_word(nb.ptr, w);
		buf_release(&nb);
	}
	for (i = 0; !found && i < s->people->n; i++)
		found = has_word(s->people->names[i], w);
	return found;
}

/* Does the message carry a calendar invitation (text/calendar)? */
static int
has_calendar(const struct dmsg *m)
{
	size_t	 i;

	/* Through Graph an invitation's text/calendar alternative is not
	 * carried; its .ics attachment is. */
	for (i = 0; i < m->nparts; i++)
		if (calendar_file(&m->parts[i]))
			return 1;
	return 0;
}

/* Is the address at hit on a reply's attribution line ("On Mon, 2 Nov
 * 2026, Taro <taro@contoso.com> wrote:"), as the rest of its line says
 * in the normalised text? */
static int
wrote_line(const char *hit)
{
	static const char *const wrote[] = { "wrote", "schrieb", "a ecrit",
	    "escreveu", "escribio", "geschreven", "scrisse", "napisal" };
	const char	*nl = strchr(hit, '\n');
	size_t		 n = nl != NULL ? (size_t)(nl - hit) : strlen(hit), i;

	if (n > 200)
		n = 200;
	for (i = 0; i < nitems(wrote); i++)
		if (memmem(hit, n, wrote[i], strlen(wrote[i])) != NULL)
			return 1;
	return 0;
}

/* The reader's address to in the subject, or greeting them early on:
 * 1 when a finding was added. */
static int
recipient_by(struct detect_scan *s, const char *to, int home)
{
	const char	*p, *t = s->text.ptr;
	char		 local[80], g[128];
	size_t		 ll, i;
	static const char *const greet[] = { "dear ", "hello ", "hi ",
	    "attention ", "olá ", "ola ", "hallo ", "bonjour ", "hola ",
	    "caro ", "beste " };

	if (s->m->subject != NULL && strcasestr(s->m->subject, to) != NULL) {
		finding_add(s, R_CONTENT_RCPT_SUBJECT, &(struct fargs){
		    .detail = to });
		return 1;
	}
	/* A brand's own notice, or the organisation's, that sends the
	 * reader only home names the account by its address as it must
	 * ("billing contact taro@contoso.com"). */
	if (home)
		return 0;
	/* The body is after the subject in s->text; look near its top,
	 * for the address as the text was normalised ("_" a space). */
	{
		struct buf tn;

		buf_init(&tn, 256);
		text_norm(&tn, to, strlen(to), NULL);
		to = arena_strdup(&s->a, tn.ptr);
		buf_release(&tn);
	}
	p = strstr(t, " \n ");
	p = p != NULL ? p + 3 : t;
	{
		const char *hit = strstr(p, to);

		/* "From: Taro <taro@contoso.com>" or "To: taro@contoso.com"
		 * in the header block of a mail forwarded or quoted in the
		 * text addresses nobody, nor does a reply's "On ..., Taro
		 * <taro@contoso.com> wrote:". */
		while (hit != NULL && hit - p < 600 && (to_line(s, p, hit) ||
		    fwd_head_value(p, hit) || wrote_line(hit)))
			hit = strstr(hit + 1, to);
		if (hit != NULL && hit - p < 600) {
			finding_add(s, R_CONTENT_RCPT_GREETING, &(struct fargs){
			    .detail = to });
			return 1;
		}
	}
	ll = (size_t)(strchr(to, '@') - to);
	if (ll < 3 || ll >= sizeof(local))
		return 0;
	memcpy(local, to, ll);
	local[ll] = '\0';
	/* adele@ greeted "Hi Adele" by a colleague: a name, not an address. */
	if (is_name_word(s, local))
		return 0;
	for (i = 0; i < nitems(greet); i++) {
		snprintf(g, sizeof(g), "%s%s", greet[i], local);
		if ((p = strstr(t, g)) != NULL && !isalnum((unsigned char)
		    p[strlen(g)]) && p[strlen(g)] != '@') {
			finding_add(s, R_CONTENT_RCPT_GREETING, &(struct fargs){
			    .detail = g });
			return 1;
		}
	}
	return 0;
}

static void
recipient(struct detect_scan *s, int home)
{
	const char	*to;
	int		 i;

	/* An invitation names its attendees by address: Google Calendar
	 * in its subject ("Invitation: ... (taro@contoso.com)") and every
	 * calendar in its guest list. */
	if (has_calendar(s->m))
		return;
	for (i = 0; (to = scan_reader(s, i)) != NULL; i++)
		if (recipient_by(s, to, home))
			return;
}

/* SHINDAN_DETECT_SIGNALS: one weightless finding with every measure, for
 * tuning the rules on a corpus (never set in production). */
static void
signals(struct detect_scan *s, const struct cmatch *cm, size_t links)
{
	static const char *const cn[PC__MAX] = { "cred", "urg", "pay", "gift",
	    "wire", "conf", "inv", "ext", "adv", "prize", "deliv", "crypto",
	    "spam", "callback", "coin", "giveaway", "adult", "health",
	    "gamble", "bet", "tools", "legal", "safe", "lead", "quote",
	    "chat", "share", "aware", "job", "mule" };
	struct buf	 b;
	struct hset	 doms;
	size_t		 i, ndoms = 0, money = 0, excl = 0;
	int		 c, html = 0, brand;
	const char	*t = s->text.ptr, *to = s->m->to.addr;

	buf_init(&b, 4096);
	for (c = 0; c < PC__MAX; c++)
		buf_addf(&b, "%s=%d ", cn[c], cm->score[c]);
	hset_init(&doms, &s->a);
	for (i = 0; i < s->nu; i++)
		if (s->u[i].host != NULL && s->u[i].origin != UO_SRC &&
		    s->u[i].origin != UO_CSS && hset_put(&doms, s->u[i].domain,
		    strlen(s->u[i].domain), 1))
			ndoms++;
	for (i = 0; i < s->m->ntexts; i++)
		html |= s->m->texts[i].html;
	for (i = 0; i < s->text.len; i++) {
		if (t[i] == '!')
			excl++;
		if (t[i] == '$' || (t[i] == '\xe2' && i + 2 < s->text.len &&
		    t[i + 1] == '\x82' && t[i + 2] == '\xac'))
			money++;
	}
	brand = brand_find(s->eng, t, s->text.len, 1);
	buf_addf(&b, "links=%zu ldoms=%zu html=%d vis=%zu hid=%zu imgs=%d "
	    "limgs=%d brandtxt=%d sendbrand=%d rcpt_subj=%d rcpt_body=%d "
	    "mailto=%d from_free=%d btc=%d len=%zu money=%zu excl=%zu "
	    "atts=%zu mixed=%d math=%d fwd=%d/%d", links, ndoms, html,
	    s->hbody.visible, s->hbody.hidden, s->hbody.images,
	    s->hbody.linked_images, brand >= 0, brand >= 0 &&
	    s->m->from.domain != NULL && brand_of_domain(s->eng,
	    dom_registrable(s, s->m->from.domain)) == brand,
	    to != NULL && s->m->subject != NULL && strstr(s->m->subject, to) !=
	    NULL, to != NULL && strstr(t, to) != NULL, s->hbody.mailto != NULL,
	    s->m->from.domain != NULL && dom_is_freemail(s->eng,
	    dom_registrable(s, s->m->from.domain)), has_btc(t, s->text.len),
	    s->text.len, money, excl, s->m->nparts, s->ns.mixed_words,
	    s->ns.math_chars, s->fwd_found, s->fwd_active);
	finding_add_custom(s, "signal", DETECT_SPAM, 0, b.ptr, b.ptr,
	    &(struct fargs){ .detail = NULL });
	buf_release(&b);
}

/* A sender, and no subject, no visible text, no part (nor any the
 * message has that is not here: unread_parts), no link, nothing cut. */
static int
blank(const struct detect_scan *s)
{
	const struct dmsg	*m = s->m;
	const char		*p;
	size_t			 i;

	if (m->nparts > 0 || m->parts_over > 0 || m->unread_parts ||
	    s->nu > 0 || m->truncated != CUT_NONE || m->from.domain == NULL)
		return 0;
	for (p = m->subject; p != NULL && *p != '\0'; p++)
		if (!isspace((unsigned char)*p))
			return 0;
	for (i = 0; i < s->text_body; i++)
		if (isalnum((unsigned char)s->text.ptr[i]) ||
		    (s->text.ptr[i] & 0x80))
			return 0;
	return 1;
}

/* Is the brand (its name as shown) a file-sharing or signing service,
 * whose notice a sharing lure copies? */
static int
share_brand(const char *name)
{
	static const char *const sharing[] = { "Microsoft", "Google",
	    "Dropbox", "DocuSign", "Adobe", "WeTransfer", "Apple", NULL };

	return str_in_list(name, sharing);
}

void
content_run(struct detect_scan *s)
{
	struct cmatch	*cm = arena_zalloc(&s->a, sizeof(*cm));
	size_t		 i, links = 0, atts = 0, named = 0;
	const struct html_info *h = &s->hbody;
	int		 from_free, home, share_only;

	cm->s = s->text.ptr;
	cm->n = s->text.len;
	ac_scan(s->eng->content_ac, s->text.ptr, s->text.len, cm_cb, cm);
	for (i = 0; i < s->nu; i++)
		if (s->u[i].origin != UO_SRC && s->u[i].origin != UO_CSS &&
		    s->u[i].host != NULL)
			links++;
	for (i = 0; i < s->m->nparts; i++)
		if (s->m->parts[i].name != NULL) {
			named++;
			if (!s->m->parts[i].inline_)
				atts++;
		}

	from_free = s->m->from.domain != NULL && dom_is_freemail(s->eng,
	    dom_registrable(s, s->m->from.domain));
	/* A brand's own notice that links only to the brand, or the
	 * organisation's own that links only home: its account, parcel
	 * and document wording is what phishing copies, not a lure (the
	 * links, the sender and the rest are still weighed). */
	home = url_brand_home(s) || url_own_home(s);
	if (s->eng->signals)
		signals(s, cm, links);
	/* The organisation's own security team warning about phishing
	 * quotes the lures it warns of: its own authentic mail, links (if
	 * any) only home, about phishing, has no lure of its own.  So does
	 * anyone's warning that writes of the attackers, their victims or
	 * the mails "circulating" (a consumer centre's, a police's), in
	 * words a lure does not use of itself (about_words() 4: two of the
	 * attackers' words, or one and two a lure might say). */
	if (cm->score[PC_AWARE] >= 2 && url_own_links(s) >= 0) {
		static const int lure[] = { PC_CRED, PC_URGENT, PC_PAYCHANGE,
		    PC_GIFT, PC_WIRE, PC_CONFID, PC_INVOICE, PC_EXTORT,
		    PC_ADVANCE, PC_PRIZE, PC_DELIVERY, PC_CRYPTO, PC_CALLBACK,
		    PC_COIN, PC_GIVEAWAY, PC_LEGAL, PC_CHAT, PC_SHARE };

		for (i = 0; i < nitems(lure); i++)
			cm->score[lure[i]] = cm->count[lure[i]] = 0;
	} else if (about_words(cm->s, cm->n) >= 4) {
		/* Not the promise of money: "compensation for scam
		 * victims" is an advance-fee letter's own pretext. */
		static const int lure[] = { PC_CRED, PC_URGENT, PC_EXTORT,
		    PC_SHARE };

		for (i = 0; i < nitems(lure); i++)
			cm->score[lure[i]] = cm->count[lure[i]] = 0;
	}
	if (cm->score[PC_EXTORT] >= 5 || (cm->score[PC_EXTORT] >= 3 &&
	    has_btc(cm->s, cm->n)))
		finding_add(s, R_CONTENT_EXTORTION, &(struct fargs){
		    .detail = examples(s, cm, PC_EXTORT, -1) });
	if (!home && ((cm->score[PC_CRED] >= 2 && cm->count[PC_CRED] >= 2) ||
	    cm->score[PC_CRED] >= 3) && (links > 0 || h->forms > 0 ||
	    atts > 0 || cm->score[PC_CRED] >= 4)) {
		if (cm->score[PC_URGENT] >= 1)
			finding_add(s, R_CONTENT_CRED_URGENT, &(struct fargs){
			    .detail = examples(s, cm, PC_CRED, PC_URGENT) });
		else
			finding_add(s, R_CONTENT_CRED, &(struct fargs){
			    .detail = examples(s, cm, PC_CRED, -1) });
	}
	if (cm->score[PC_PAYCHANGE] >= 2)
		finding_add(s, R_CONTENT_PAYMENT_CHANGE, &(struct fargs){
		    .detail = examples(s, cm, PC_PAYCHANGE, -1) });
	/* CEO fraud's opener: a short mail asking, in confidence or "now",
	 * to move to a chat app or give a private number, in the name of
	 * one of the organisation's people or executives from outside, or
	 * from a look-alike or a forgery of its domain (a friend, a
	 * recruiter or a builder asks the same in their own). */
	if (cm->score[PC_CHAT] >= 1 && cm->score[PC_CONFID] >= 1 &&
	    s->text_body < 2000 && (finding_has(s, R_SENDER_DISPLAY_PERSON) ||
	    finding_has(s, R_SENDER_FREEMAIL_EXEC) ||
	    finding_has(s, R_SENDER_LOOKALIKE_OWN) ||
	    finding_has(s, R_SENDER_NAME_IN_DOMAIN) ||
	    finding_has(s, R_SPOOF_OWN)))
		finding_add(s, R_CONTENT_CHAT_MOVE, &(struct fargs){
		    .detail = examples(s, cm, PC_CHAT, PC_CONFID) });

	if (cm->score[PC_GIFT] >= 3)
		finding_add(s, R_CONTENT_GIFT_CARD, &(struct fargs){
		    .detail = examples(s, cm, PC_GIFT, -1) });
	if (cm->score[PC_WIRE] >= 1 && cm->score[PC_URGENT] +
	    cm->score[PC_CONFID] >= 3)
		finding_add(s, R_CONTENT_WIRE, &(struct fargs){
		    .detail = examples(s, cm, PC_WIRE, PC_CONFID) });
	/* A real receipt links to its sender's own site; the callback
	 * scam comes from free mail or anywhere else, a number its point. */
	if (cm->score[PC_CALLBACK] >= 3 && callback_sender(s, from_free,
	    links)) {
		char tel[64];

		if (phone_to_call(cm->s, cm->n, tel, sizeof(tel)))
			finding_add(s, R_CONTENT_CALLBACK, &(struct fargs){
			    .detail = tel });
	}
	/* The same scam written in an attached document, the mail saying
	 * only "see the attached". */
	for (i = 0; i < (size_t)s->ndocs && !finding_has(s,
	    R_CONTENT_CALLBACK) && callback_sender(s, from_free, links); i++)
		if (doc_callback(s, &s->docs[i]))
			break;
	/* Instructions to run a command (ClickFix), in the text or an
	 * attached document, from anyone but the organisation itself or a
	 * correspondent, authentic (its IT may say "Win+R, paste the
	 * path"); a warning or a news letter about the attack names it,
	 * its attackers or victims. */
	if (!clickfix_home(s)) {
		int f = clickfix(cm->s, cm->n, 0, s->authentic);

		if (f == 0 && s->doc.len > 0)
			f = clickfix(s->doc.ptr, s->doc.len, 0, s->authentic);
		if (f != 0)
			finding_add(s, R_CONTENT_CLICKFIX, &(struct fargs){
			    .detail = clickfix_what(&s->a, f, 0),
			    .detail_ja = clickfix_what(&s->a, f, 1) });
	}
	if (!finding_has(s, R_CONTENT_DEVICE_CODE)) {
		const char *ja, *d = device_code(s, cm->s, cm->n, &ja);

		if (d == NULL && s->doc.len > 0)
			d = device_code(s, s->doc.ptr, s->doc.len, &ja);

		if (d != NULL)
			finding_add(s, R_CONTENT_DEVICE_CODE, &(struct fargs){
			    .detail = d, .detail_ja = ja });
	}
	for (i = 0; i < (size_t)s->ndocs && !finding_has(s,
	    R_CONTENT_EXTORTION); i++)
		if (doc_extortion(s, &s->docs[i]))
			break;
	/* Money, a call about a charge or a private channel asked for
	 * from a free mail address: a company's accounts, billing and
	 * executives write from its own domain. */
	if (from_free && (finding_has(s, R_CONTENT_CALLBACK) ||
	    finding_has(s, R_ATT_DOC_CALLBACK) ||
	    finding_has(s, R_CONTENT_PAYMENT_CHANGE) ||
	    finding_has(s, R_CONTENT_CHAT_MOVE) ||
	    finding_has(s, R_CONTENT_GIFT_CARD) ||
	    finding_has(s, R_CONTENT_WIRE)))
		finding_add(s, R_SENDER_FREEMAIL_MONEY, &(struct fargs){
		    .domain = dom_registrable(s, s->m->from.domain) });
	if (cm->score[PC_CRYPTO] >= 3)
		finding_add(s, R_CONTENT_CRYPTO, &(struct fargs){
		    .detail = examples(s, cm, PC_CRYPTO, -1) });
	{
		/* Promised millions and a private address to write to
		 * are an advance-fee scam with fewer of its words. */
		int big = cm->n < 8000 && money(cm->s, cm->n, 6);
		int freecontact = from_free || s->hbody.mailto != NULL ||
		    reply_freemail(s) || text_freemail(s, cm->s, cm->n);

		if (cm->score[PC_ADVANCE] >= 5 ||
		    (big && cm->score[PC_ADVANCE] >= 3) ||
		    (big && freecontact && cm->score[PC_ADVANCE] >= 2) ||
		    (freecontact && cm->n < 3000 &&
		    cm->score[PC_ADVANCE] >= 3))
			finding_add(s, R_CONTENT_ADVANCE_FEE, &(struct fargs){
			    .detail = examples(s, cm, PC_ADVANCE, -1) });
	}
	if (((cm->score[PC_COIN] >= 2 && cm->score[PC_GIVEAWAY] >= 2) ||
	    (cm->score[PC_COIN] >= 1 && cm->score[PC_GIVEAWAY] >= 5)) &&
	    !finding_has(s, R_CONTENT_CRYPTO))
		finding_add(s, R_CONTENT_CRYPTO_GIVEAWAY, &(struct fargs){
		    .detail = examples(s, cm, PC_COIN, PC_GIVEAWAY) });
	/* The login of a wallet or exchange account with a fortune in it,
	 * given away: the site then asks for a fee to withdraw. */
	if (s->text_body < 6000 && gives_password(cm->s, s->text_body)) {
		const char *bal = coin_balance(s, cm->s, s->text_body);

		if (bal != NULL)
			finding_add(s, R_CONTENT_CRYPTO_LOGIN, &(struct fargs){
			    .detail = bal });
	}
	if (cm->score[PC_PRIZE] >= 3 && links > 0)
		finding_add(s, R_CONTENT_PRIZE, &(struct fargs){
		    .detail = examples(s, cm, PC_PRIZE, -1) });
	if (cm->score[PC_DELIVERY] >= 2 && links > 0 && !home)
		finding_add(s, R_CONTENT_DELIVERY, &(struct fargs){
		    .detail = examples(s, cm, PC_DELIVERY, -1) });
	if (cm->score[PC_INVOICE] >= 2 && (links > 0 || atts > 0) && !home)
		finding_add(s, R_CONTENT_INVOICE, &(struct fargs){
		    .detail = examples(s, cm, PC_INVOICE, -1) });
	if (cm->score[PC_URGENT] >= 2)
		finding_add(s, R_CONTENT_URGENT, &(struct fargs){
		    .detail = examples(s, cm, PC_URGENT, -1) });
	if (cm->score[PC_SPAM] >= 4)
		finding_add(s, R_CONTENT_SPAM, &(struct fargs){
		    .detail = examples(s, cm, PC_SPAM, -1) });
	/* Money said to be waiting in an account, a short mail from free
	 * mail with a link to collect it. */
	if (cm->score[PC_GIVEAWAY] >= 3 && from_free && links > 0 &&
	    s->text_body < 3000 && money(cm->s, s->text_body, 3) &&
	    !finding_has(s, R_CONTENT_CRYPTO_GIVEAWAY))
		finding_add(s, R_CONTENT_MONEY_BAIT, &(struct fargs){
		    .detail = examples(s, cm, PC_GIVEAWAY, PC_COIN) });
	/* A sum already "credited", in a short mail that is not a
	 * brand's own notice. */
	if (s->text_body < 4000 && !home &&
	    !finding_has(s, R_CONTENT_MONEY_BAIT)) {
		const char *sum = credited(s, cm->s, s->text_body);

		if (sum != NULL)
			finding_add(s, R_CONTENT_CREDITED, &(struct fargs){
			    .detail = sum });
	}
	/* A safety notice at the top of the text, as a mail program's
	 * banner sits: the subject and the first lines. */
	if (cm->first[PC_SAFE] > 0 && cm->first[PC_SAFE] <= SAFE_TOP &&
	    cm->first[PC_SAFE] <= s->text_body)
		finding_add(s, R_CONTENT_FAKE_SAFE, &(struct fargs){
		    .detail = examples(s, cm, PC_SAFE, -1) });
	if (subject_disguised(s->m->subject))
		finding_add(s, R_CONTENT_SUBJECT_DISGUISED, &(struct fargs){
		    .detail = text_clip(&s->a, s->m->subject, 120) });
	/* A summons by mail, from free mail or with something to open. */
	if ((cm->score[PC_LEGAL] >= 3 && cm->count[PC_LEGAL] >= 2 &&
	    (links > 0 || named > 0)) || (cm->score[PC_LEGAL] >= 2 &&
	    from_free && named > 0))
		finding_add(s, R_CONTENT_LEGAL, &(struct fargs){
		    .detail = examples(s, cm, PC_LEGAL, -1) });
	/* Unwanted offers: several words of one trade, one of them
	 * telling (weight 2: score - count is how many such), and a way
	 * to it. */
	if (cm->score[PC_TOOLS] >= 8 && cm->count[PC_TOOLS] >= 4)
		finding_add(s, R_CONTENT_TOOLS, &(struct fargs){
		    .detail = examples(s, cm, PC_TOOLS, -1) });
	/* ... or, for the romance scam, an address to write to instead. */
	if ((cm->score[PC_ADULT] >= 3 && cm->count[PC_ADULT] >= 2 &&
	    cm->score[PC_ADULT] > cm->count[PC_ADULT] &&
	    (links > 0 || h->mailto != NULL || from_free)) ||
	    (cm->count[PC_ADULT] >= 3 && text_freemail(s, cm->s,
	    s->text_body)))
		finding_add(s, R_CONTENT_ADULT, &(struct fargs){
		    .detail = examples(s, cm, PC_ADULT, -1) });
	/* Lead generation: a subsidy, energy saving or insurance, and a
	 * quote or an eligibility check to ask for (or three such offers
	 * in one mail: it sells nothing of its own) through a link that
	 * leaves the sender's own site (a utility's, an agency's or a
	 * council's own mail links home); not a brand's own notice, nor
	 * the organisation's (its benefits) or a correspondent's. */
	if ((cm->count[PC_LEAD] >= 3 || (cm->count[PC_LEAD] >= 1 &&
	    cm->count[PC_QUOTE] >= 1)) && links > 0 && !home && !links_home(s) &&
	    !dom_is_own(s, s->m->from.domain) &&
	    !dom_is_corr(s, s->m->from.domain))
		finding_add(s, R_CONTENT_LEAD, &(struct fargs){
		    .detail = examples(s, cm, PC_LEAD, PC_QUOTE) });
	/* A job offered to whoever reads, with no page of its own to
	 * apply on (an agency's offer links to its site): pay by the day
	 * for the task scam's work (minutes on a phone, rating products)
	 * with a chat app or a free mail address to answer to, or payments
	 * to take in on one's own account and pass on (the money mule),
	 * from free mail or not authentic; not from the organisation or a
	 * correspondent. */
	if (cm->count[PC_JOB] >= 1 && !links_home(s) &&
	    !dom_is_own(s, s->m->from.domain) &&
	    !dom_is_corr(s, s->m->from.domain) &&
	    ((cm->score[PC_JOB] > cm->count[PC_JOB] && pay_rate(cm->s,
	    cm->n) != 0 && (cm->count[PC_CHAT] >= 1 || chat_link(s) ||
	    from_free || reply_freemail(s) || text_freemail(s, cm->s,
	    cm->n))) || (cm->score[PC_MULE] >= 3 && cm->count[PC_MULE] >= 2 &&
	    (from_free || !s->authentic))))
		finding_add(s, R_CONTENT_JOB_SCAM, &(struct fargs){
		    .detail = examples(s, cm, PC_JOB, PC_MULE) });
	if (cm->score[PC_HEALTH] >= 4 && cm->count[PC_HEALTH] >= 2 &&
	    cm->score[PC_HEALTH] > cm->count[PC_HEALTH] &&
	    links > 0)
		finding_add(s, R_CONTENT_HEALTH, &(struct fargs){
		    .detail = examples(s, cm, PC_HEALTH, -1) });
	/* A casino: a game and a bonus, or, when no game is named, bonus
	 * words of which one is telling ("first deposit", "free spins"):
	 * four points, as a telling phrase scores its words too ("welcome
	 * bonus" is "bonus" as well: a bank's welcome bonus is no casino). */
	if (((cm->score[PC_BET] >= 1 && cm->score[PC_GAMBLE] >= 2) ||
	    (cm->score[PC_GAMBLE] >= 4 && cm->score[PC_GAMBLE] >
	    cm->count[PC_GAMBLE])) && links > 0)
		finding_add(s, R_CONTENT_GAMBLING, &(struct fargs){
		    .detail = examples(s, cm, PC_BET, PC_GAMBLE) });

	/* A blank mail: no subject, no text, nothing attached and nothing
	 * to follow.  It carries only the proof that the address is read
	 * (a bounce that does not come, a read receipt, a reply), which
	 * senders gather before a campaign; from the organisation or a
	 * correspondent it is someone's slip. */
	if (blank(s) && !dom_is_own(s, s->m->from.domain) &&
	    !dom_is_corr(s, s->m->from.domain))
		finding_add(s, R_CONTENT_BLANK, &(struct fargs){
		    .domain = s->m->from.domain });

	/* A lure that names a brand the sender and the links are not; a
	 * prize in a brand's name ("your free Lidl voucher", "win a 500 EUR
	 * gift card") needs fewer of its words when the brand is named at
	 * the top. */
	share_only = cm->score[PC_SHARE] >= 1 && links > 0 &&
	    !(cm->score[PC_PRIZE] >= 2 && links > 0) &&
	    !finding_has(s, R_CONTENT_CRED) &&
	    !finding_has(s, R_CONTENT_CRED_URGENT) &&
	    !finding_has(s, R_CONTENT_DELIVERY) &&
	    !finding_has(s, R_CONTENT_INVOICE) &&
	    !finding_has(s, R_CONTENT_CALLBACK) &&
	    !finding_has(s, R_CONTENT_PRIZE) &&
	    !finding_has(s, R_CONTENT_CRYPTO) &&
	    !finding_has(s, R_CONTENT_CRYPTO_GIVEAWAY);
	if (!s->claim_display && ((cm->score[PC_PRIZE] >= 2 && links > 0) ||
	    (cm->score[PC_SHARE] >= 1 && links > 0) ||
	    finding_has(s, R_CONTENT_CRED) ||
	    finding_has(s, R_CONTENT_CRED_URGENT) ||
	    finding_has(s, R_CONTENT_DELIVERY) ||
	    finding_has(s, R_CONTENT_INVOICE) ||
	    finding_has(s, R_CONTENT_CALLBACK) ||
	    finding_has(s, R_CONTENT_PRIZE) ||
	    finding_has(s, R_CONTENT_CRYPTO) ||
	    finding_has(s, R_CONTENT_CRYPTO_GIVEAWAY))) {
		/* Named at the top (subject, heading, logo), not in passing
		 * at the foot. */
		int b = brand_find(s->eng, cm->s, cm->n < 400 ? cm->n : 400, 1);
		const struct durl *u;

		if (b >= 0 && (s->m->from.domain == NULL ||
		    brand_of_sender(s->eng, dom_registrable(s,
		    s->m->from.domain)) != b) &&
		    (u = url_brand_elsewhere(s, b)) != NULL &&
		    (!share_only || (share_brand(s->eng->brands[b].name) &&
		    !dom_is_own(s, u->host) && !dom_is_corr(s, u->host))))
			finding_add(s, R_CONTENT_BRAND_ELSEWHERE,
			    &(struct fargs){ .url = u->url,
			    .domain = u->domain,
			    .imitates = s->eng->brands[b].name });
	}
	/* One linked picture and next to no words, away from the sender. */
	if (h->linked_images > 0 && links > 0 && !links_home(s)) {
		const char *body = strstr(s->text.ptr, " \n ");
		const char *end = s->text.ptr + s->text_body;
		size_t chars = 0;

		if (body == NULL || body > end)
			body = s->text.ptr;
		else
			body += 3;
		for (; body < end; body++)
			if ((unsigned char)*body > 0x20 &&
			    ((unsigned char)*body & 0xc0) != 0x80)
				chars++;
		if (chars < 60) {
			const char *d = NULL;

			for (i = 0; i < s->nu && d == NULL; i++)
				if (s->u[i].host != NULL &&
				    s->u[i].origin == UO_HREF)
					d = s->u[i].domain;
			finding_add(s, R_HTML_IMAGE_ONLY, &(struct fargs){
			    .domain = d });
		}
	}
	recipient(s, home);
	/* Two such words, or one in the sender's name: a name is short. */
	if (s->ns.mixed_words >= 2 || s->name_mixed ||
	    s->ns.math_chars >= 6 || s->ns.invisible_in_words >= 3) {
		const char *d, *dj;

		if (s->name_mixed && s->ns.mixed_words == 1) {
			d = arena_printf(&s->a, "the sender's name, in \"%s\"",
			    s->ns.example);
			dj = arena_printf(&s->a, "送信者名の「%s」",
			    s->ns.example);
		} else if (s->ns.mixed_words >= 2) {
			d = arena_printf(&s->a, "%d words such as \"%s\"",
			    s->ns.mixed_words, s->ns.example);
			dj = arena_printf(&s->a, "「%s」など %d 語",
			    s->ns.example, s->ns.mixed_words);
		} else if (s->ns.math_chars >= 6) {
			d = arena_printf(&s->a, "%d styled letters",
			    s->ns.math_chars);
			dj = arena_printf(&s->a, "装飾文字 %d 字",
			    s->ns.math_chars);
		} else {
			d = arena_printf(&s->a, "%d words with invisible "
			    "characters", s->ns.invisible_in_words);
			dj = arena_printf(&s->a, "不可視文字を含む語 %d 語",
			    s->ns.invisible_in_words);
		}
		finding_add(s, R_CONTENT_OBFUSCATED, &(struct fargs){
		    .detail = d, .detail_ja = dj });
	}
	if (h->hidden > 300 && h->hidden > h->visible * 2) {
		char d[32];

		snprintf(d, sizeof(d), "%zu", h->hidden);
		finding_add(s, R_HTML_HIDDEN_STUFFING, &(struct fargs){
		    .detail = d });
	} else if (h->hidden > 60) {
		char d[32];

		snprintf(d, sizeof(d), "%zu", h->hidden);
		finding_add(s, R_HTML_HIDDEN, &(struct fargs){ .detail = d });
	}
}

/*
 * PPAP: "パスワード：Abc123" or "password: Abc123" in a mail is kept
 * for the encrypted archives of the scan (the runner lists a mailbox
 * newest first, so the password usually comes before its archive).
 * Full-width letters and digits are read as ASCII ("Ｘｙ７ｋ"), the
 * subject is read too, a few words may stand between the mark and its
 * ":" or "is" ("The password for the zip file is X"), and "as below"
 * ("下記の通りです") takes a lone word on a following line.  Prose is
 * not a password: a lower-case word right after the mark, or one that
 * "is" introduces ("will be sent", "is sent separately").
 */
static const char *const pw_prose[] = { "sent", "required", "attached",
    "below", "following", "same", "the", "not", "also", "being", "valid",
    "changed", "expired", "incorrect", "wrong", "protected", "enclosed",
    "provided", "shown", "written", "needed", "included", "case",
    "available", "different", "correct" };

/* A copy of the text with full-width ASCII (U+FF01-U+FF5E) and the
 * ideographic space folded to ASCII. */
static char *
pw_fold(struct detect_scan *s, const char *t, size_t n, size_t *out)
{
	char		*o = arena_alloc(&s->a, n + 1);
	size_t		 i = 0, k = 0;

	while (i < n) {
		const unsigned char *u = (const unsigned char *)t + i;

		if (n - i >= 3 && u[0] == 0xef && ((u[1] == 0xbc &&
		    u[2] >= 0x81) || (u[1] == 0xbd && u[2] <= 0x9e))) {
			o[k++] = (char)(u[1] == 0xbc ? u[2] - 0x81 + 0x21 :
			    u[2] - 0x80 + 0x60);
			i += 3;
		} else if (n - i >= 3 && memcmp(u, "　", 3) == 0) {
			o[k++] = ' ';
			i += 3;
		} else
			o[k++] = t[i++];
	}
	o[k] = '\0';
	*out = k;
	return o;
}

/* Where a password may end: ASCII space or punctuation that closes a
 * sentence, or Japanese that follows a word ("です", "。", "」"). */
static int
pw_end(const char *q, const char *e)
{
	static const char *const ja[] = { "」", "】", "。", "、", "）",
	    "で", "と", "を", "』" };
	size_t	 i;

	if (q == e || (unsigned char)*q < 0x80)
		return 1;
	for (i = 0; i < nitems(ja); i++)
		if ((size_t)(e - q) >= strlen(ja[i]) &&
		    memcmp(q, ja[i], strlen(ja[i])) == 0)
			return 1;
	return 0;
}

/* The password token at q: its length (4 to 64), or 0. */
static size_t
pw_token(const char *q, const char *e)
{
	size_t	 k;

	for (k = 0; q + k < e && k < 65 && q[k] > 0x20 && q[k] < 0x7f &&
	    q[k] != '"' && q[k] != '\'' && q[k] != ',' && !(q[k] == '.' &&
	    (q + k + 1 == e || q[k + 1] <= 0x20 ||
	    (unsigned char)q[k + 1] >= 0x80)); k++)
		;
	if (k < 4 || k > 64 || !pw_end(q + k, e))
		return 0;
	return k;
}

static int
pw_is_prose(const char *w, size_t k)
{
	size_t	 i;

	for (i = 0; i < k; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return 0;
	for (i = 0; i < nitems(pw_prose); i++)
		if (strlen(pw_prose[i]) == k && memcmp(pw_prose[i], w, k) == 0)
			return 1;
	return 0;
}

/* After the mark: separators, brackets, "is", "は", up to a line;
 * *sep says whether one that introduces a value was there. */
static const char *
pw_skip(const char *q, const char *e, int *sep)
{
	size_t	 skipped = 0;

	while (q < e && skipped < 40) {
		if (*q == ':' || *q == '=') {
			*sep = 1;
			q++;
		} else if (*q == ' ' || *q == '\t' || *q == '"' ||
		    *q == '\'' || *q == '\r' || *q == '\n' || *q == '-' ||
		    *q == '(' || *q == '[') {
			q++;
		} else if (e - q >= 3 && (memcmp(q, "：", 3) == 0 ||
		    memcmp(q, "＝", 3) == 0 || memcmp(q, "「", 3) == 0 ||
		    memcmp(q, "【", 3) == 0 || memcmp(q, "】", 3) == 0)) {
			*sep = 1;
			q += 3;
		} else if (e - q >= 3 && (memcmp(q, "は", 3) == 0 ||
		    memcmp(q, "is ", 3) == 0)) {
			*sep = 1;
			q += 3;
		} else
			break;
		skipped++;
	}
	return q;
}

/* "for the zip file is X", "for the attachment: X": the same line's ":"
 * or " is " within a few words, else NULL. */
static const char *
pw_later(const char *q, const char *e)
{
	const char	*l = memchr(q, '\n', (size_t)(e - q));
	size_t		 n = (size_t)((l != NULL ? l : e) - q), i;

	if (n > 48)
		n = 48;
	for (i = 0; i < n; i++) {
		if (q[i] == ':' || (n - i >= 3 && (memcmp(q + i, "：", 3) ==
		    0 || memcmp(q + i, "は", 3) == 0)))
			return q + i;
		if (n - i >= 4 && memcmp(q + i, " is ", 4) == 0)
			return q + i + 1;
	}
	return NULL;
}

/* "as below" on the mark's line, the password alone on a line below. */
static const char *
pw_below(const char *q, const char *e, size_t *k)
{
	static const char *const below[] = { "下記", "以下", "below",
	    "following", "次の" };
	const char	*l = memchr(q, '\n', (size_t)(e - q));
	size_t		 i, lines;

	if (l == NULL)
		return NULL;
	for (i = 0; i < nitems(below); i++)
		if (memmem(q, (size_t)(l - q), below[i], strlen(below[i])))
			break;
	if (i == nitems(below))
		return NULL;
	for (q = l + 1, lines = 0; q < e && lines < 3; lines++) {
		const char *t = q, *end;

		while (t < e && (*t == ' ' || *t == '\t' || *t == '\r'))
			t++;
		end = memchr(t, '\n', (size_t)(e - t));
		end = end != NULL ? end : e;
		if (t == end) {
			q = end + 1;
			continue;
		}
		/* The line holds the word and blanks only. */
		while (end > t && (end[-1] == ' ' || end[-1] == '\r' ||
		    end[-1] == '\t'))
			end--;
		*k = pw_token(t, end);
		return *k > 0 && t + *k == end ? t : NULL;
	}
	return NULL;
}

void
content_passwords(struct detect_scan *s, const char *t0, size_t n0)
{
	static const char *const mark[] = { "パスワード", "password",
	    "Password", "PASSWORD", "パスコード", "passcode", "Passcode",
	    "暗証番号", "解凍キー", "senha", "Kennwort", "contraseña",
	    "mot de passe", "PW:", "PW：", "pw:", "Pw:" };
	size_t	 i, found = 0, n;
	const char *t = pw_fold(s, t0, n0, &n);

	for (i = 0; i < nitems(mark) && found < 4; i++) {
		const char *p = t, *e = t + n;
		size_t ml = strlen(mark[i]);

		while (found < 4 && p < e && (p = memmem(p, (size_t)(e - p),
		    mark[i], ml)) != NULL) {
			const char *q = p + ml, *tok, *later;
			char pw[65];
			size_t k;
			int sep = 0;

			/* "PW:" is its own separator. */
			if (mark[i][ml - 1] == ':' || strcmp(mark[i] + ml - 3,
			    "：") == 0)
				sep = 1;
			p = q;
			q = pw_skip(q, e, &sep);
			tok = q;
			k = pw_token(q, e);
			if (!sep && (later = pw_later(q, e)) != NULL) {
				/* "for the zip file is X" */
				q = pw_skip(later, e, &sep);
				tok = q;
				k = pw_token(q, e);
			}
			if ((k == 0 || pw_is_prose(tok, k)) &&
			    (tok = pw_below(p, e, &k)) == NULL)
				continue;
			/* A lower-case word right after the mark is prose
			 * ("password will be sent"). */
			if (!sep && strspn(tok, "abcdefghijklmnopqrstuvwxyz") >=
			    k)
				continue;
			memcpy(pw, tok, k);
			pw[k] = '\0';
			if (str_ncasecmp(pw, "http", 4) == 0 ||
			    strchr(pw, '@') != NULL)
				continue;
			detect_scan_add_password(s, pw);
			if (s->msg_passwords < (int)nitems(s->msg_pw))
				s->msg_pw[s->msg_passwords] =
				    arena_strdup(&s->a, pw);
			s->msg_passwords++;
			found++;
		}
	}
}
