/*
 * sender: who the message claims to come from, and whether Exchange
 * Online could confirm it.  Authentication-Results as Exchange Online
 * stamps it (the topmost one, which the receiving server added; lower
 * ones can be forged by the sender), ARC-Authentication-Results when it
 * is missing, Received-SPF when both are; then From against Reply-To and
 * Return-Path, and what the display name claims.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <idn2.h>

#include "internal.h"
#include "util.h"

struct auth {
	char	 spf[16], dkim[16], dmarc[16], compauth[16];
	char	 action[16], reason[8];
	int	 found;
};

/*
 * The value of the first "key=value" of v whose key starts a token, in
 * lower case; the key (given without its "=") in any case and blanks
 * round the "=", as RFC 8601 allows (Exchange writes neither).
 */
static void
word_after(const char *v, const char *key, char *out, size_t outsz)
{
	const char	*p;
	size_t		 kl = strlen(key) - 1, n;

	for (p = v; *p != '\0'; p++) {
		const char *q = p + kl;

		if (strncasecmp(p, key, kl) != 0 || !(p == v || p[-1] == ' ' ||
		    p[-1] == ';' || p[-1] == '\t' || p[-1] == '\n' ||
		    p[-1] == '\r' || p[-1] == ')'))
			continue;
		q += strspn(q, " \t\r\n");
		if (*q != '=')
			continue;
		q++;
		q += strspn(q, " \t\r\n");
		n = strcspn(q, " ;\t\r\n()");
		if (n >= outsz)
			n = outsz - 1;
		memcpy(out, q, n);
		out[n] = '\0';
		str_lower(out);
		return;
	}
}

static void
parse_ar(const char *v, struct auth *a)
{
	word_after(v, "spf=", a->spf, sizeof(a->spf));
	word_after(v, "dkim=", a->dkim, sizeof(a->dkim));
	word_after(v, "dmarc=", a->dmarc, sizeof(a->dmarc));
	word_after(v, "compauth=", a->compauth, sizeof(a->compauth));
	word_after(v, "action=", a->action, sizeof(a->action));
	word_after(v, "reason=", a->reason, sizeof(a->reason));
	a->found = a->spf[0] || a->dkim[0] || a->dmarc[0] || a->compauth[0];
}

static void
get_auth(const struct dmsg *m, struct auth *a)
{
	const char	*v;
	size_t		 i;

	memset(a, 0, sizeof(*a));
	if ((v = msg_header(m, "Authentication-Results")) != NULL)
		parse_ar(v, a);
	if (!a->found) {
		/* ARC-Authentication-Results: i=1 is the first sealer. */
		for (i = 0; i < m->nhdrs; i++)
			if (str_casecmp(m->hdrs[i].name,
			    "ARC-Authentication-Results") == 0 &&
			    strstr(m->hdrs[i].value, "i=1") != NULL) {
				parse_ar(m->hdrs[i].value, a);
				break;
			}
	}
	if (a->spf[0] == '\0' && (v = msg_header(m, "Received-SPF")) != NULL) {
		size_t n = strcspn(v, " ;(");

		if (n >= sizeof(a->spf))
			n = sizeof(a->spf) - 1;
		memcpy(a->spf, v, n);
		a->spf[n] = '\0';
		str_lower(a->spf);
		a->found = 1;
	}
}

/*
 * The display name with the forms that show as ASCII written as ASCII,
 * for the address or domain it may show: full-width forms (＜, ＠, ．),
 * the ideographic and half-width full stops (which IDNA maps to a dot)
 * and the small commercial at.  name itself when it has none.
 */
static const char *
name_fold(struct detect_scan *s, const char *name)
{
	size_t		 n = strlen(name), i, k, o = 0;
	uint32_t	 c;
	char		*out;

	for (i = 0; i < n; i++)
		if ((unsigned char)name[i] == 0xef ||
		    (unsigned char)name[i] == 0xe3)
			break;
	if (i == n)
		return name;
	out = arena_alloc(&s->a, n + 1);
	for (i = 0; i < n; i += k) {
		k = utf8_next(name + i, n - i, &c);
		if (c >= 0xff01 && c <= 0xff5e)
			out[o++] = (char)(c - 0xfee0);
		else if (c == 0x3002 || c == 0xff61)
			out[o++] = '.';
		else if (c == 0x3000)
			out[o++] = ' ';
		else if (c == 0xfe6b)
			out[o++] = '@';
		else {
			memcpy(out + o, name + i, k);
			o += k;
		}
	}
	out[o] = '\0';
	return out;
}

/* An address written inside the display name, or NULL. */
static const char *
name_address(struct detect_scan *s, const char *name)
{
	const char	*at = strchr(name, '@'), *b, *e;

	if (at == NULL)
		return NULL;
	for (b = at; b > name && b[-1] != ' ' && b[-1] != '<' &&
	    b[-1] != '"' && b[-1] != '(' && b[-1] != '\''; b--)
		;
	for (e = at + 1; *e != '\0' && *e != ' ' && *e != '>' && *e != '"' &&
	    *e != ')' && *e != '\''; e++)
		;
	if (e - at < 4 || at == b || memchr(at + 1, '.', (size_t)(e - at)) ==
	    NULL)
		return NULL;
	{
		char *a = arena_strndup(&s->a, b, (size_t)(e - b));

		str_lower(a);
		return a;
	}
}

/*
 * A domain written as the display name or in it ("Blockchain.com",
 * "proton.me support"), as its registrable domain, or NULL.  It must end
 * in a real top-level domain, so that "Mr.Smith" or "report.pdf" are not
 * taken for one.
 */
static const char *
name_domain(struct detect_scan *s, const char *name)
{
	const char	*p = name, *b;
	char		 tok[256];
	size_t		 n, i;

	if (strchr(name, '@') != NULL)
		return NULL;
	while (*p != '\0') {
		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		for (b = p; *p != '\0' && (isalnum((unsigned char)*p) ||
		    *p == '.' || *p == '-'); p++)
			;
		n = (size_t)(p - b);
		while (n > 0 && (b[n - 1] == '.' || b[n - 1] == '-'))
			n--;
		if (n < 4 || n >= sizeof(tok) || memchr(b, '.', n) == NULL ||
		    (*p != '\0' && !isspace((unsigned char)*p) && *p != ')' &&
		    *p != ']' && *p != '"' && *p != ',' && *p != '|' &&
		    *p != ':' && *p != '-'))
			continue;
		for (i = 0; i < n; i++)
			tok[i] = (char)tolower((unsigned char)b[i]);
		tok[n] = '\0';
		/* Two letters at least before the suffix, a real suffix. */
		if (strchr(tok, '.') - tok < 2 || strstr(tok, "..") != NULL ||
		    !dom_known_tld(s->eng, tok))
			continue;
		return dom_registrable(s, arena_strdup(&s->a, tok));
	}
	return NULL;
}

/*
 * A From whose display name holds a comma outside quotes and comments,
 * "Gift card, <x@y>" or "Team ,_<x@y>" (1), or leaves a quote open,
 * "\"Energy Team\"\" <x@y>" (2): not one mailbox as RFC 5322 has it,
 * though loose parsers make one of it (bulk-mail kits write them;
 * Exchange Online then finds no From domain to check).  0 when sound.
 */
static int
from_malformed(const char *v)
{
	const char	*p, *lt;
	int		 inq = 0, cmt = 0;

	if (v == NULL || (lt = strrchr(v, '<')) == NULL)
		return 0;
	for (p = v; p < lt; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		else if (*p == '"' && cmt == 0)
			inq = !inq;
		else if (!inq && *p == '(')
			cmt++;
		else if (!inq && *p == ')' && cmt > 0)
			cmt--;
		else if (!inq && cmt == 0 && *p == ',')
			return 1;
	}
	return inq ? 2 : 0;
}

/*
 * The domain of an address can be a host's name: letters, digits, hyphens
 * and dots (and any non-ASCII letter, for names in Unicode), or an
 * address literal.  "x@naoresponder70129%atendimento.com" cannot be
 * written back to; bulk-mail kits make such Froms.  Whether the top-level
 * domain exists is not judged (printers and servers inside an
 * organisation write from names under .local or .corp, and test tenants
 * under .example), only that it could: no hyphen in it but an IDN's
 * "xn--".
 */
static int
host_name(const char *d)
{
	const char *tld = strrchr(d, '.');

	if (*d == '[')
		return 1;
	for (; *d != '\0'; d++)
		if (!((unsigned char)*d >= 0x80 || isalnum((unsigned char)*d) ||
		    *d == '.' || *d == '-'))
			return 0;
	/* No top-level domain has a hyphen but an IDN's ("xn--"):
	 * "skyfon-varna.eu-NEW" is a kit's typing, not a domain. */
	return tld == NULL || strchr(tld, '-') == NULL ||
	    strncmp(tld + 1, "xn--", 4) == 0;
}

/*
 * An address whose local part holds an "@" of its own,
 * "newsletter.reader@example.org@mailer.example": RFC 5322 allows one
 * only inside a quoted local part, which is left alone.  Kits write the
 * reader's own address (or a brand's) before their domain, so that it is
 * what a glance at the sender shows; GMime keeps the part before the
 * second "@", so the header's own text is read (the address between the
 * last angle brackets, or the whole value), then the address as given
 * (Graph's).  The domain that really sends, after the last "@", is
 * returned; NULL when the address is sound.
 */
/* Does a quoted local part go on, after its "@", with a domain of two
 * labels or more ("it@contoso.com" in "it@contoso.com"@x; not "taro@home",
 * a name a person gave a mailbox)? */
static int
quoted_domain(const char *p, const char *end)
{
	size_t	 n = 0;
	int	 dot = 0;

	for (; p < end && *p != '"'; p++, n++) {
		if (*p == '.' && n > 0)
			dot = 1;
		else if (!isalnum((unsigned char)*p) && *p != '-' && *p != '.')
			return 0;
	}
	return dot && n >= 4 && p[-1] != '.';
}

static const char *
addr_in_addr(struct detect_scan *s, const char *hdr, const char *addr)
{
	const char	*v[2] = { hdr, addr }, *p, *end, *at;
	size_t		 i, n;
	int		 ats, inq;

	for (i = 0; i < nitems(v); i++) {
		if ((p = v[i]) == NULL)
			continue;
		if ((at = strrchr(p, '<')) != NULL)
			p = at + 1;
		n = strcspn(p, ">");
		end = p + n;
		for (ats = inq = 0, at = NULL; p < end; p++)
			if (*p == '"')
				inq = !inq;
			else if (*p == '@' && !inq) {
				ats++;
				at = p;
			} else if (*p == '@' && quoted_domain(p + 1, end))
				ats++;	/* "it@contoso.com"@x: shown whole */
		if (ats >= 2 && at + 1 < end)
			return arena_strndup(&s->a, at + 1,
			    (size_t)(end - at - 1));
	}
	return NULL;
}

/*
 * Is the (normalised) display name one word that is also the first word
 * of the address's local part ("chase" and "chase.miller@", "chase@")?
 */
static int
own_first_name(const char *name, const char *addr)
{
	size_t	 n;

	while (*name == ' ')
		name++;
	n = strcspn(name, " ");
	if (n < 2 || name[n + strspn(name + n, " ")] != '\0' || addr == NULL)
		return 0;
	return strncasecmp(addr, name, n) == 0 && (addr[n] == '@' ||
	    addr[n] == '.' || addr[n] == '_' || addr[n] == '-');
}

/*
 * Words that make a display name an organisation's ("Team Lido", "USA
 * Mechanic Masters", "Prime Customer Support"), in the languages read,
 * accents folded; and the words that name nothing: small ones, and what
 * the mail is ("Shop Update" names no one).
 */
static int
word_in(const char *const *list, size_t nl, const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; i < nl; i++)
		if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
			return 1;
	return 0;
}

static int
org_word(const char *w, size_t n)
{
	static const char *const ow[] = { "team", "support", "service",
	    "services", "customer", "center", "centre", "help", "helpdesk",
	    "security", "billing", "account", "accounts", "notification",
	    "notifications", "alert", "alerts", "news", "newsletter", "media",
	    "foundation", "club", "shop", "store", "bank", "deals",
	    "savings", "masters", "official", "department", "group",
	    "company", "inc", "ltd", "llc", "gmbh", "corp", "administration",
	    "atendimento", "suporte", "soporte", "servicio", "servico",
	    "kundenservice", "kundendienst", "klantenservice", "equipe",
	    "equipo", "seguranca", "seguridad", "sicherheit", "securite" };

	return word_in(ow, nitems(ow), w, n);
}

static int
stop_word(const char *w, size_t n)
{
	static const char *const sw[] = { "the", "of", "and", "for", "your",
	    "my", "our", "a", "an", "de", "do", "da", "del", "la", "le",
	    "les", "des", "el", "en", "und", "der", "die", "das", "von",
	    "van", "du", "di", "il", "from", "by", "at", "to",
	    /* what a mail is, not whose: "Shop Update", "Billing Notice" */
	    "update", "updates", "notice", "message", "messages", "mail",
	    "email", "reminder", "new", "important", "info", "information",
	    "order", "orders", "confirmation", "payment", "payments",
	    "invoice", "delivery", "daily", "weekly", "monthly", "digest",
	    "online", "desk", "care", "portal", "system", "no", "reply",
	    "noreply", "auto", "client", "clients", "user", "users",
	    "secure", "urgent", "mobile", "app", "espace", "area",
	    /* the same in the other languages read */
	    "votre", "vos", "mon", "notre", "seu", "sua", "su", "tu", "o",
	    "os", "as", "los", "las", "ihr", "ihre", "dein", "deine", "mein",
	    "meine", "uw", "jouw", "cliente", "clientes", "kunden", "klant",
	    "mensagem", "mensaje" };

	return word_in(sw, nitems(sw), w, n);
}

/* Words a service puts by its name ("Apple Support", "GLS Seguimiento"). */
static const char *const SERVICE_WORDS[] = { "support", "service", "team",
	    "account", "security", "billing", "notification", "customer",
	    "center", "centre", "help", "alert", "id", "store", "online",
	    "news", "official", "delivery", "rewards", "member", "members",
	    "alerta", "aviso", "avis", "hinweis",
	    "no-reply", "noreply", "info", "card", "pay", "bank", "invoice",
	    /* the same in the other languages read, accents folded */
	    "fatura", "factura", "facture", "rechnung", "boleto",
	    "atendimento", "suporte", "soporte", "servicio", "servico",
	    "kundenservice", "kundendienst", "klantenservice", "conta",
	    "cuenta", "konto", "compte", "equipe", "equipo", "seguranca",
	    "seguridad", "sicherheit", "securite", "assistance",
	    "assistenza", "notificacao", "notificacion", "seguimiento",
	    "サポート", "カスタマー", "セキュリティ", "アカウント", "事務局",
	    "センター", "お客様" };

static int
has_service_word(const char *n)
{
	const char	*w, *p;
	size_t		 i, l;

	for (i = 0; i < nitems(SERVICE_WORDS); i++) {
		w = SERVICE_WORDS[i];
		l = strlen(w);
		for (p = n; (p = strstr(p, w)) != NULL; p += l)
			/* ASCII words must stand alone. */
			if ((unsigned char)w[0] >= 0x80 ||
			    ((p == n || !isalnum((unsigned char)p[-1])) &&
			    !isalnum((unsigned char)p[l])))
				return 1;
	}
	return 0;
}

/* The length of the sign at p (an emoji, a mark, "™": a character of no
 * script) or of the ASCII punctuation or space, 0 at a letter or the end. */
static size_t
name_sign(const char *p)
{
	uint32_t	 c;
	size_t		 k;

	if (*p == '\0')
		return 0;
	if ((unsigned char)*p < 0x80)
		return isalnum((unsigned char)*p) ? 0 : 1;
	k = utf8_next(p, strlen(p), &c);
	return text_script(c) == SC_OTHER ? k : 0;
}

/* The length of the word at p: letters and digits up to a sign. */
static size_t
name_word(const char *p)
{
	size_t	 l = 0, k;

	while (p[l] != '\0' && name_sign(p + l) == 0) {
		k = (unsigned char)p[l] < 0x80 ? 1 : utf8_next(p + l,
		    strlen(p + l), &(uint32_t){ 0 });
		l += k > 0 ? k : 1;
	}
	return l;
}

/*
 * The brand a name with a service word claims: the weak brand's name
 * must open it, after service words, words that say what a mail is
 * ("Your", "Secure Message", stop_word()) and signs ("Ledger News",
 * "Team Lido", "💳 Fatura Porto Seguro", "⚠️ Ledger™ Support", "UPS
 * Delivery Team"), not stand inside another name ("General Ledger News",
 * an accounting letter, "Big Apple Store", "Life Line Screening").  -1
 * when there is none.
 */
static int
brand_with_service_words(const struct detect_engine *e, const char *n)
{
	const char	*p = n, *w;
	size_t		 l, k, i;
	int		 b;

	if (!has_service_word(n))
		return -1;
	for (;;) {
		while ((l = name_sign(p)) > 0)
			p += l;
		if ((l = name_word(p)) == 0)
			return -1;
		if (word_in(SERVICE_WORDS, nitems(SERVICE_WORDS), p, l) ||
		    stop_word(p, l)) {
			p += l;
			continue;
		}
		/* Japanese service words open a run of letters. */
		for (i = 0; i < nitems(SERVICE_WORDS); i++) {
			w = SERVICE_WORDS[i];
			if ((unsigned char)w[0] >= 0x80 &&
			    strncmp(p, w, strlen(w)) == 0)
				break;
		}
		if (i == nitems(SERVICE_WORDS))
			break;
		p += strlen(SERVICE_WORDS[i]);
	}
	/* The first one to five words, each ended at a sign. */
	for (k = 0, l = 0; k < 5 && p[l] != '\0'; k++) {
		l += name_word(p + l);
		if ((b = brand_is_name(e, p, l)) >= 0)
			return venue_after(p, strlen(p), l) != NULL ? -1 : b;
		while (name_sign(p + l) > 0)
			l += name_sign(p + l);
	}
	return -1;
}

/*
 * Is the display name a person's first and last name that the address
 * is made of ("Amil Khan" <amil.khan@, amil_khan@, amilkhan@, a.khan@,
 * akhan@)?  Then a brand's name as the first name is the person's.
 */
static int
person_address(const char *name, const char *addr)
{
	char		 f[64], l[64], cand[6][132];
	const char	*at;
	size_t		 nf, nl, i, n;

	if (addr == NULL || (at = strchr(addr, '@')) == NULL)
		return 0;
	while (*name == ' ')
		name++;
	nf = strcspn(name, " ");
	if (nf < 2 || nf >= sizeof(f))
		return 0;
	memcpy(f, name, nf);
	f[nf] = '\0';
	name += nf;
	name += strspn(name, " ");
	nl = strcspn(name, " ");
	if (nl < 2 || nl >= sizeof(l) || name[nl + strspn(name + nl, " ")] !=
	    '\0')
		return 0;
	memcpy(l, name, nl);
	l[nl] = '\0';
	for (i = 0; i < nf; i++)
		if (!islower((unsigned char)f[i]))
			return 0;
	for (i = 0; i < nl; i++)
		if (!islower((unsigned char)l[i]))
			return 0;
	if (has_service_word(l))
		return 0;
	snprintf(cand[0], sizeof(cand[0]), "%s.%s", f, l);
	snprintf(cand[1], sizeof(cand[1]), "%s_%s", f, l);
	snprintf(cand[2], sizeof(cand[2]), "%s%s", f, l);
	snprintf(cand[3], sizeof(cand[3]), "%s-%s", f, l);
	snprintf(cand[4], sizeof(cand[4]), "%c.%s", f[0], l);
	snprintf(cand[5], sizeof(cand[5]), "%c%s", f[0], l);
	n = (size_t)(at - addr);
	for (i = 0; i < nitems(cand); i++)
		if (strlen(cand[i]) == n && strncasecmp(addr, cand[i], n) == 0)
			return 1;
	return 0;
}


/*
 * The display name (normalised) names an organisation, a word of the
 * kind above and a word of its own, and the address (local part and
 * domain) holds none of its words, its initials or, the other way, a
 * label of the address inside the name: "Team Lido" <x@unique-mgmt.ae>.
 * An organisation writes from its name ("Wide World Importers"
 * <news@wideworldimporters.com>), a mailing service from an address made
 * of it (club-gmail.com@shared1.ccsend.com), a helpdesk from its tenant
 * (acme.zendesk.com).
 */
static int
org_mismatch(const char *name, const char *addr)
{
	char		 hay[256], joined[256], ini[64];
	const char	*p, *b;
	size_t		 n, h = 0, j = 0, k = 0, i;
	int		 org = 0, own = 0;

	for (p = addr; *p != '\0' && h + 1 < sizeof(hay); p++)
		if (isalnum((unsigned char)*p))
			hay[h++] = *p;
	hay[h] = '\0';
	if (h == 0)
		return 0;
	for (p = name; *p != '\0';) {
		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		for (b = p; isalnum((unsigned char)*p); p++)
			;
		if ((n = (size_t)(p - b)) == 0)
			continue;
		if (org_word(b, n))
			org = 1;
		else if (!stop_word(b, n) && n >= 2 && strspn(b, "0123456789") <
		    n)
			own = 1;
		/* A word of the name in the address. */
		if (n >= 3 && memmem(hay, h, b, n) != NULL)
			return 0;
		if (j + n < sizeof(joined)) {
			memcpy(joined + j, b, n);
			j += n;
		}
		if (!stop_word(b, n) && k + 1 < sizeof(ini))
			ini[k++] = *b;
	}
	joined[j] = '\0';
	ini[k] = '\0';
	if (!org || !own)
		return 0;
	if (k >= 2 && strstr(hay, ini) != NULL)
		return 0;
	/* A label of the address in the name ("wwi" of "w.w.importers"). */
	for (p = addr; *p != '\0';) {
		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		for (b = p; isalnum((unsigned char)*p); p++)
			;
		n = (size_t)(p - b);
		if (n >= 4 && j >= n) {
			for (i = 0; i + n <= j; i++)
				if (memcmp(joined + i, b, n) == 0)
					return 0;
		}
	}
	return 1;
}

/*
 * The tenant's name of a sender at <tenant>.onmicrosoft.com looks made by
 * a machine.  The domain is every tenant's (so it is listed as free mail
 * and dom_random() is not asked about it), but the name is one a person
 * chooses for an organisation ("contoso", "fabrikam365", "team4you");
 * trial tenants made in bulk to send spam get "9980080836134",
 * "yx2nqoz", "vahk1237rh": digits only, or digits inside short bits of
 * letters of which one cannot be said (no vowel: "yx", "rh").
 */
static int
tenant_random(const char *fdom, const char *freg)
{
	static const char	 suf[] = ".onmicrosoft.com";
	size_t			 n = strlen(fdom), sl = sizeof(suf) - 1, i;
	size_t			 seg = 0, segv = 0;
	const char		*l;
	int			 dig = 0, inside = 0, mute = 0;

	if (strcmp(freg, suf + 1) != 0 || n <= sl)
		return 0;
	n -= sl;
	for (l = fdom + n; l > fdom && l[-1] != '.'; l--)
		;
	n -= (size_t)(l - fdom);
	if (n < 6 || n > 63)
		return 0;
	{
		char lab[64];

		memcpy(lab, l, n);
		lab[n] = '\0';
		if (dom_random(lab))
			return 1;
	}
	/* Bits of letters between digits, and what they are like. */
	for (i = 0; i <= n; i++) {
		int c = i < n ? (unsigned char)l[i] : '\0';

		if (c >= 'a' && c <= 'z') {
			seg++;
			segv += strchr("aeiou", c) != NULL;
			continue;
		}
		if (seg > 4 || (c != '\0' && (c < '0' || c > '9')))
			return 0;
		if (seg >= 2 && segv == 0)
			mute = 1;
		/* Letters after digits after letters. */
		if (seg > 0 && i > seg && l[0] >= 'a')
			inside = 1;
		dig += c != '\0';
		seg = segv = 0;
	}
	if (dig == (int)n)
		return 1;
	return inside && mute;
}

/*
 * A From with a name and no address ("Facebook" <>): the name, or NULL.
 * GMime gives no mailbox for it, so the name is read from the header as
 * sent, when it is plain (quoted or not, no encoded words).
 */
static const char *
bare_name(struct detect_scan *s)
{
	const struct dmsg	*m = s->m;
	const char		*v = msg_header(m, "From"), *lt, *b, *e;

	if (m->from.addr != NULL || m->nfrom > 1)
		return NULL;
	if (m->from.name != NULL)
		return m->from.name;
	if (v == NULL || (lt = strchr(v, '<')) == NULL ||
	    strchr(lt, '@') != NULL || strstr(v, "=?") != NULL)
		return NULL;
	for (b = v; b < lt && (*b == ' ' || *b == '\t' || *b == '"'); b++)
		;
	for (e = lt; e > b && (e[-1] == ' ' || e[-1] == '\t' ||
	    e[-1] == '"'); e--)
		;
	if (e - b < 2 || e - b > 200)
		return NULL;
	return arena_strndup(&s->a, b, (size_t)(e - b));
}

/*
 * A strong brand's name written letter by letter ("A D A C", "F.e.d.E.x",
 * "I T A Ú"): runs of three or more single letters or digits, apart by
 * spaces or dots, read as one word.  -1 when there is none.
 */
static int
spaced_brand(const struct detect_engine *e, const char *n)
{
	char		 out[512];
	const char	*p = n, *q;
	size_t		 o = 0, k;
	int		 runs = 0;

	while (*p != '\0' && o + 2 < sizeof(out)) {
		for (q = p, k = 0; (q == n || q[-1] == ' ' || q[-1] == '.') &&
		    isalnum((unsigned char)q[0]) && (q[1] == ' ' ||
		    q[1] == '.' || q[1] == '\0'); k++)
			q += q[1] == '\0' ? 1 : 2;
		if (k >= 3 && o + k + 2 < sizeof(out)) {
			for (; p < q; p++)
				if (*p != ' ' && *p != '.')
					out[o++] = *p;
			out[o++] = ' ';
			runs++;
			continue;
		}
		out[o++] = *p++;
	}
	out[o] = '\0';
	return runs > 0 ? brand_find(e, out, o, 1) : -1;
}

/* The brand a display name (normalised) claims, or -1; *disguised set
 * when it is written to look like it rather than named. */
static int
name_brand(const struct detect_engine *e, const struct buf *nb,
    int *disguised)
{
	const char	*p, *q;
	int		 b;

	*disguised = 0;
	b = brand_find(e, nb->ptr, nb->len, 1);
	/* A weak name ("Ledger") claims the brand when it is the whole
	 * name, or the whole name but for service words. */
	if (b < 0)
		b = brand_is_name(e, nb->ptr, nb->len);
	if (b < 0)
		b = brand_with_service_words(e, nb->ptr);
	/* Or ends the name after "from": "Hilan from Ledger". */
	if (b < 0 && (p = strstr(nb->ptr, " from ")) != NULL) {
		while ((q = strstr(p + 1, " from ")) != NULL)
			p = q;
		p += 6;
		b = brand_is_name(e, p, nb->len - (size_t)(p - nb->ptr));
	}
	/* Or ends it after a dash or a bar: "Giveaways Information - CVS",
	 * "Account Update | Chase". */
	if (b < 0) {
		/* text_norm() made every dash a hyphen. */
		static const char *const seps[] = { " - ", " | " };
		size_t i;

		for (i = 0; i < nitems(seps) && b < 0; i++)
			if ((p = strstr(nb->ptr, seps[i])) != NULL) {
				while ((q = strstr(p + 1, seps[i])) != NULL)
					p = q;
				p += strlen(seps[i]);
				b = brand_is_name(e, p,
				    nb->len - (size_t)(p - nb->ptr));
			}
	}
	/* A possessive put in the name: "Prime's Video". */
	if (b < 0 && (p = strstr(nb->ptr, "'s ")) != NULL) {
		struct buf	 c;

		buf_init(&c, nb->len + 1);
		buf_add(&c, nb->ptr, (size_t)(p - nb->ptr));
		buf_adds(&c, p + 2);
		if ((b = brand_find(e, c.ptr, c.len, 1)) >= 0)
			*disguised = 1;
		buf_release(&c);
	}
	if (b < 0 && (b = brand_find_disguised(e, nb->ptr)) >= 0)
		*disguised = 1;
	if (b < 0 && (b = spaced_brand(e, nb->ptr)) >= 0)
		*disguised = 1;
	return b;
}

static int
any_match(void *arg, int id, size_t start, size_t end)
{
	(void)start;
	(void)end;
	*(int *)arg = id;
	return 1;
}

/*
 * Field k of the X-Forefront-Antispam-Report the receiving tenant
 * stamped (the first one: Exchange puts its own on top), "CAT" of
 * "...;SFV:NSPM;CAT:PHSH;...", copied into buf: 0 if it is not there.
 */
static int
eop_field(const struct dmsg *m, const char *k, char *buf, size_t len)
{
	const char	*r = msg_header(m, "X-Forefront-Antispam-Report"), *v;
	size_t		 kl = strlen(k), n;

	if (r == NULL)
		return 0;
	for (v = r; (v = strstr(v, k)) != NULL; v += kl)
		if ((v == r || v[-1] == ';' || v[-1] == ' ') && v[kl] == ':')
			break;
	if (v == NULL)
		return 0;
	for (v += kl + 1; *v == ' ' || *v == '\t'; v++)
		;
	n = strcspn(v, "; \t\r\n");
	if (n == 0 || n >= len)
		return 0;
	memcpy(buf, v, n);
	buf[n] = '\0';
	return 1;
}

/*
 * Exchange Online's spam confidence level (0..9, -1 for mail it does not
 * filter) as the receiving tenant stamped it: X-MS-Exchange-Organization-
 * SCL, which Exchange removes from mail that comes in from outside, else
 * the SCL field of X-Forefront-Antispam-Report.  -2: not said.
 */
static int
eop_scl(const struct dmsg *m)
{
	const char	*v = msg_header(m, "X-MS-Exchange-Organization-SCL");
	char		 f[16], *end;
	long		 scl;

	if (v == NULL && eop_field(m, "SCL", f, sizeof(f)))
		v = f;
	if (v == NULL)
		return -2;
	while (*v == ' ' || *v == '\t')
		v++;
	scl = strtol(v, &end, 10);
	if (end == v || scl < -1 || scl > 9)
		return -2;
	return (int)scl;
}

/*
 * Exchange Online's own verdict (the CAT field: Microsoft's "Anti-spam
 * message headers"): malware, phishing, spoofing or impersonation.  What
 * let it through, when an allow list did (SFV), is said: a check-up
 * shows mail that Microsoft judged dangerous and a list delivered.
 */
static void
eop_verdict(struct detect_scan *s, const char *fdom)
{
	static const struct {
		const char	*cat;
		enum rule_id	 rule;
	} cats[] = {
		{ "MALW", R_AUTH_EOP_MALWARE }, { "AMP", R_AUTH_EOP_MALWARE },
		{ "SAP", R_AUTH_EOP_MALWARE }, { "HPHSH", R_AUTH_EOP_HPHISH },
		{ "HPHISH", R_AUTH_EOP_HPHISH }, { "PHSH", R_AUTH_EOP_PHISH },
		{ "INTOS", R_AUTH_EOP_PHISH },
		{ "SPOOF", R_AUTH_EOP_IMPERSONATION },
		{ "DIMP", R_AUTH_EOP_IMPERSONATION },
		{ "UIMP", R_AUTH_EOP_IMPERSONATION },
		{ "GIMP", R_AUTH_EOP_IMPERSONATION },
		{ "BIMP", R_AUTH_EOP_IMPERSONATION },
	};
	static const struct {
		const char	*sfv, *en, *ja;
	} allow[] = {
		{ "SFE", "the user's safe senders list let it through",
		    "ユーザーの差出人セーフ リストにより配信されています" },
		{ "SKA", "an allowed sender or domain of an anti-spam policy "
		    "let it through", "迷惑メール対策ポリシーの許可された送信者・"
		    "ドメインにより配信されています" },
		{ "SKN", "a mail flow rule marked it as not spam before "
		    "filtering", "メール フロー ルールにより迷惑メールではないと"
		    "扱われ、配信されています" },
		{ "SKQ", "it was released from quarantine",
		    "検疫から解放されています" },
	};
	char		 cat[16], sfv[16], check[48];
	const char	*en = "Microsoft's verdict, read from the mail's headers";
	const char	*ja = "メールのヘッダーに記録された Microsoft の判定です";
	size_t		 i;

	if (!eop_field(s->m, "CAT", cat, sizeof(cat)))
		return;
	for (i = 0; i < nitems(cats); i++)
		if (strcmp(cat, cats[i].cat) == 0)
			break;
	if (i == nitems(cats))
		return;
	snprintf(check, sizeof(check), "CAT:%s", cat);
	if (eop_field(s->m, "SFV", sfv, sizeof(sfv))) {
		size_t k;

		for (k = 0; k < nitems(allow); k++)
			if (strcmp(sfv, allow[k].sfv) == 0) {
				snprintf(check, sizeof(check), "CAT:%s, SFV:%s",
				    cat, sfv);
				en = allow[k].en;
				ja = allow[k].ja;
			}
	}
	finding_add(s, cats[i].rule, &(struct fargs){ .domain = fdom,
	    .check = check, .detail = en, .detail_ja = ja });
}

/*
 * "word_word[_word...]_12345@": two words of letters or more, then three
 * to six digits, all joined by underscores; a short number may stand
 * between ("NEW_OFFRE_1_89227").
 */
static int
generated_local(const char *addr)
{
	const char	*p = addr;
	size_t		 n, d;
	int		 words = 0;

	if (addr == NULL)
		return 0;
	for (;;) {
		for (n = 0; isalpha((unsigned char)p[n]); n++)
			;
		for (d = 0; n == 0 && isdigit((unsigned char)p[d]); d++)
			;
		if (n == 0 && (d == 0 || d > 2 || words < 2 ||
		    p[d] != '_'))
			break;
		if (p[n + d] != '_')
			return 0;
		words += n > 0;
		p += n + d + 1;
	}
	for (n = 0; isdigit((unsigned char)p[n]); n++)
		;
	return words >= 2 && n >= 3 && n <= 6 && p[n] == '@';
}

/* The name, less spaces and quotes, begins or ends with #, *, _ or ~
 * and has a letter. */
static int
name_framed(const char *n)
{
	static const char marks[] = "#*_~", skip[] = " \t\"'";
	size_t	 a, z, i;
	int	 letter = 0;

	for (i = 0; n[i] != '\0'; i++)
		if (isalpha((unsigned char)n[i]) || (n[i] & 0x80))
			letter = 1;
	if (!letter)
		return 0;
	a = strspn(n, skip);
	for (z = strlen(n); z > a && strchr(skip, n[z - 1]) != NULL; z--)
		;
	return z > a && (strchr(marks, n[a]) != NULL ||
	    strchr(marks, n[z - 1]) != NULL);
}

/* A digit next to a currency sign (one space between at most), or a
 * percent sign after a digit. */
static int
name_offer(const char *n)
{
	static const char *const cur[] = { "$", "\xe2\x82\xac", "\xc2\xa3",
	    "\xc2\xa5", "\xef\xbf\xa5", "\xe5\x86\x86" };
	size_t	 i, c, l, len = strlen(n);

	for (i = 0; i < len; i++) {
		if (n[i] == '%' && i > 0 && (isdigit((unsigned char)n[i - 1]) ||
		    (i > 1 && n[i - 1] == ' ' &&
		    isdigit((unsigned char)n[i - 2]))))
			return 1;
		for (c = 0; c < nitems(cur); c++) {
			l = strlen(cur[c]);
			if (strncmp(n + i, cur[c], l) != 0)
				continue;
			if ((i > 0 && isdigit((unsigned char)n[i - 1])) ||
			    (i > 1 && n[i - 1] == ' ' &&
			    isdigit((unsigned char)n[i - 2])) ||
			    isdigit((unsigned char)n[i + l]) ||
			    (n[i + l] == ' ' &&
			    isdigit((unsigned char)n[i + l + 1])))
				return 1;
		}
	}
	return 0;
}

/*
 * A word of a name strung at random: eight letters or more with seven
 * consonants in a row, hardly a vowel (under one in five), or letters
 * and digits mixed, as spam tools make a sender's name for each mail
 * ("htazl tciiiqawprggwkq").  The clusters of German and of names
 * spelt from other scripts count as one consonant ("sch", "ch", "ck",
 * "sz", "cz", "th", "ph", "sh", "gh": "Rechtsschutz", "Chruschtschow"
 * and "Knightsbridge" are names).
 */
static int
word_random(const char *w, size_t k)
{
	static const char *const cl[] = { "sch", "ch", "ck", "sz", "cz",
	    "th", "ph", "sh", "gh" };
	size_t	 i, j, units = 0, run = 0, maxrun = 0, vow = 0, dig = 0;

	if (k < 8)
		return 0;
	for (i = 0; i < k; i++, units++) {
		if (isdigit((unsigned char)w[i])) {
			dig++;
			run = 0;
			continue;
		}
		if (strchr("aeiouy", w[i]) != NULL) {
			vow++;
			run = 0;
			continue;
		}
		for (j = 0; j < nitems(cl); j++)
			if (strncmp(w + i, cl[j], strlen(cl[j])) == 0 &&
			    i + strlen(cl[j]) <= k) {
				i += strlen(cl[j]) - 1;
				break;
			}
		if (++run > maxrun)
			maxrun = run;
	}
	return maxrun >= 7 || (units >= 12 && vow * 5 < units) ||
	    (dig >= 3 && units - dig >= 6 && maxrun >= 5);
}

/* The first word of the name (normalised: lower case, accents
 * folded) strung at random, copied to out. */
static int
name_random(const char *n, char *out, size_t outsz)
{
	struct buf	 b;
	size_t		 i, a;
	int		 found = 0;

	buf_init(&b, 4096);
	text_norm(&b, n, strlen(n), NULL);
	for (i = 0; i <= b.len && !found; i++) {
		if (i < b.len && isalnum((unsigned char)b.ptr[i]))
			continue;
		for (a = i; a > 0 && isalnum((unsigned char)b.ptr[a - 1]); a--)
			;
		if (i - a <= 64 && word_random(b.ptr + a, i - a)) {
			snprintf(out, outsz, "%.*s", (int)(i - a), b.ptr + a);
			found = 1;
		}
	}
	buf_release(&b);
	return found;
}

/* The longest run of ASCII digits in s (full-width ones too: "０"-"９"). */
static size_t
digit_run(const char *s)
{
	size_t	 run = 0, best = 0;

	while (*s != '\0') {
		if (isdigit((unsigned char)*s)) {
			run++;
			s++;
		} else if ((unsigned char)s[0] == 0xef &&
		    (unsigned char)s[1] == 0xbc &&
		    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
			run++;
			s += 3;
		} else {
			run = 0;
			s++;
		}
		if (run > best)
			best = run;
	}
	return best;
}

/*
 * Is the service's mail from the organisation's own site on it, named as
 * the organisation is: its Atlassian site (jira@contoso.atlassian.net)
 * or its GitHub organisation's repositories (List-Id <webapp.contoso
 * .github.com>)?  The label of one of the organisation's domains, of 4
 * letters or more, as a whole label of the sender's host or of the list's
 * id under the sender's registrable domain.
 */
static int
named_for_org(struct detect_scan *s)
{
	const char	*fdom = s->m->from.domain, *freg, *lid, *p;
	char		 want[300];
	size_t		 i, fl;

	if (fdom == NULL)
		return 0;
	freg = dom_registrable(s, fdom);
	fl = strlen(freg);
	lid = msg_header(s->m, "List-Id");
	for (i = 0; i < s->own->nprot; i++) {
		const struct protect *o = &s->own->prot[i];

		if (o->label_len < 4)
			continue;
		snprintf(want, sizeof(want), "%.*s.%s", (int)o->label_len,
		    o->label, freg);
		/* contoso.atlassian.net, or a name under it. */
		if (strlen(fdom) > fl && str_casecmp(fdom, want) == 0)
			return 1;
		if (strlen(fdom) > strlen(want) && fdom[strlen(fdom) -
		    strlen(want) - 1] == '.' && str_casecmp(fdom +
		    strlen(fdom) - strlen(want), want) == 0)
			return 1;
		/* <repo.contoso.github.com> */
		if (lid != NULL && (p = strcasestr(lid, want)) != NULL &&
		    p > lid && (p[-1] == '.' || p[-1] == '<') &&
		    p[strlen(want)] == '>')
			return 1;
	}
	return 0;
}

/* The mail has a reply address on the organisation's domain, or is
 * SharePoint's (Microsoft's: b the sender's brand) linking to the
 * organisation's own SharePoint; a link another service carries is
 * anyone's to write (a note with a share). */
static int
org_tied(struct detect_scan *s, int b)
{
	const struct dmsg	*m = s->m;
	size_t			 i;

	if (dom_is_own(s, m->reply_to.domain))
		return 1;
	for (i = 0; i < (size_t)m->nreply_more; i++)
		if (dom_is_own(s, m->reply_more[i].domain))
			return 1;
	if (named_for_org(s))
		return 1;
	if (b < 0 || b != brand_of_sender(s->eng, "sharepoint.com"))
		return 0;
	for (i = 0; i < s->nu; i++)
		if (s->u[i].host != NULL && dom_own_sharepoint(s, s->u[i].host))
			return 1;
	return 0;
}

struct pmatch {
	const char	*s;
	size_t		 n;
	int		 found;
};

/* A person's name as words of the display name, not inside others
 * ("Lee Gu" is not in "Ashlee Gunther"); names in Japanese need not. */
static int
person_match(void *arg, int id, size_t start, size_t end)
{
	struct pmatch	*m = arg;
	size_t		 i;

	/* A name that must stand apart: no Latin word joined to it by a
	 * blank or by a mark without one ("Lee Ann Walters", "Lee
	 * Ann-Marie", "Lee Ann.Walters" hold no "Ann Lee"), no other name
	 * beside it (a comma before, "Walters, Lee Ann"; "&", "+", ";"
	 * either side); quotes, brackets, a title after a comma, or
	 * Japanese may stand by it ("'Yamada Taro'", "Yamada Taro (CEO)",
	 * "Yamada Taro, CEO", "Yamada Taro 社長"). */
	if (id & PERSON_WHOLE) {
		for (i = start; i > 0 && m->s[i - 1] == ' '; i--)
			;
		if (i > 0 && !(m->s[i - 1] & 0x80) &&
		    (isalnum((unsigned char)m->s[i - 1]) ||
		    strchr(",&+;", m->s[i - 1]) != NULL || (i == start &&
		    i >= 2 && !(m->s[i - 2] & 0x80) &&
		    isalnum((unsigned char)m->s[i - 2]))))
			return 0;
		for (i = end; i < m->n && m->s[i] == ' '; i++)
			;
		if (i < m->n && !(m->s[i] & 0x80) &&
		    (isalnum((unsigned char)m->s[i]) ||
		    strchr("&+;", m->s[i]) != NULL || (i == end &&
		    i + 1 < m->n && !(m->s[i + 1] & 0x80) &&
		    isalnum((unsigned char)m->s[i + 1]))))
			return 0;
		id &= ~PERSON_WHOLE;
	}
	if (start > 0 && !(m->s[start] & 0x80) &&
	    isalnum((unsigned char)m->s[start - 1]))
		return 0;
	if (end < m->n && !(m->s[end - 1] & 0x80) &&
	    isalnum((unsigned char)m->s[end]))
		return 0;
	m->found = id;
	return 1;
}

void
sender_run(struct detect_scan *s)
{
	const struct detect_engine	*e = s->eng;
	const struct dmsg		*m = s->m;
	const char			*fdom = m->from.domain, *freg = NULL;
	const char			*fname = NULL;
	const char			*realdom;
	struct auth			 a;
	char				 check[160];
	int				 fail = 0, b, vouched, via;
	size_t				 i;

	if (fdom != NULL)
		freg = dom_registrable(s, fdom);

	/* Exchange Online's own verdicts: spam it filed as such, and the
	 * threats it named. */
	if ((b = eop_scl(m)) >= 5) {
		snprintf(check, sizeof(check), "SCL %d", b);
		finding_add(s, R_AUTH_EOP_SPAM, &(struct fargs){
		    .domain = fdom, .check = check });
	}
	eop_verdict(s, fdom);

	/* Authentication, as the receiving Exchange Online saw it; mail
	 * from inside the organisation carries none, but Exchange marks it
	 * internal (a header it strips from mail coming in). */
	get_auth(m, &a);
	{
		const char *as = msg_header(m,
		    "X-MS-Exchange-Organization-AuthAs");

		s->authentic = (a.found && (strcmp(a.dmarc, "pass") == 0 ||
		    strcmp(a.compauth, "pass") == 0)) || (as != NULL &&
		    str_ncasecmp(as + strspn(as, " \t"), "Internal", 8) == 0);
	}
	/* A brand's service that Exchange Online found authentic (DMARC
	 * or composite authentication passed) writes for a person:
	 * SharePoint, Google Docs and DocuSign send in the name of the one
	 * who shared or asked to sign, with replies to them. */
	vouched = a.found && (strcmp(a.dmarc, "pass") == 0 ||
	    strcmp(a.compauth, "pass") == 0) && freg != NULL &&
	    !dom_is_freemail(e, freg) && brand_of_sender(e, freg) >= 0;
	if (a.found) {
		snprintf(check, sizeof(check), "spf=%s dkim=%s dmarc=%s%s%s "
		    "compauth=%s%s%s", a.spf[0] ? a.spf : "-",
		    a.dkim[0] ? a.dkim : "-", a.dmarc[0] ? a.dmarc : "-",
		    a.action[0] ? " action=" : "", a.action,
		    a.compauth[0] ? a.compauth : "-", a.reason[0] ?
		    " reason=" : "", a.reason);
		/* Composite authentication passed: Exchange Online found
		 * the mail authentic whatever else failed (an ARC chain
		 * from a sealer the tenant trusts, reason 130; its implicit
		 * authentication, reasons 1xx), and Microsoft makes its
		 * final determination of spoofing the composite's. */
		int authentic = strcmp(a.compauth, "pass") == 0;

		if (!authentic && strcmp(a.dmarc, "fail") == 0) {
			int enforce = strstr(a.action, "reject") != NULL ||
			    strstr(a.action, "quarantine") != NULL;

			finding_add(s, enforce ? R_AUTH_DMARC : R_AUTH_DMARC_NONE,
			    &(struct fargs){ .domain = fdom, .check = check });
			fail = 1;
		}
		if (strcmp(a.compauth, "fail") == 0) {
			finding_add(s, R_AUTH_COMPAUTH, &(struct fargs){
			    .domain = fdom, .check = check });
			fail = 1;
		} else if (strcmp(a.compauth, "softfail") == 0) {
			finding_add(s, R_AUTH_COMPAUTH_SOFT, &(struct fargs){
			    .domain = fdom, .check = check });
			fail = 1;
		}
		if (!authentic && strcmp(a.spf, "fail") == 0 &&
		    strcmp(a.dkim, "pass") != 0) {
			finding_add(s, R_AUTH_SPF, &(struct fargs){
			    .domain = fdom, .check = check });
			fail = 1;
		}
		if (!authentic && strcmp(a.dkim, "fail") == 0)
			finding_add(s, R_AUTH_DKIM, &(struct fargs){
			    .domain = fdom, .check = check });
		if (fail && freg != NULL && dom_is_own(s, fdom))
			finding_add(s, R_SPOOF_OWN, &(struct fargs){
			    .domain = fdom, .check = check });
		else if (fail && freg != NULL && !dom_is_freemail(e, freg) &&
		    (b = brand_of_sender(e, freg)) >= 0)
			finding_add(s, R_SPOOF_BRAND, &(struct fargs){
			    .domain = fdom, .imitates = e->brands[b].name,
			    .check = check });
	}

	if (m->nfrom > 1) {
		char d[32];

		snprintf(d, sizeof(d), "%d addresses", m->nfrom);
		finding_add(s, R_SENDER_MULTI_FROM, &(struct fargs){
		    .domain = fdom, .detail = d, .detail_ja = arena_printf(&s->a,
		    "アドレスが %d 個", m->nfrom) });
	} else if ((b = from_malformed(msg_header(m, "From"))) != 0)
		finding_add(s, R_SENDER_MULTI_FROM, &(struct fargs){
		    .domain = fdom, .detail = b == 1 ? "a name cut by a comma" :
		    "a quote left open in the name", .detail_ja = b == 1 ?
		    "名前がカンマで区切られている" : "名前の引用符が閉じていない" });
	else if ((realdom = addr_in_addr(s, msg_header(m, "From"),
	    m->from.addr)) != NULL)
		finding_add(s, R_SENDER_MULTI_FROM, &(struct fargs){
		    .domain = realdom, .detail = "an address inside the address",
		    .detail_ja = "アドレスの中に別のアドレスがある" });
	else if (fdom != NULL && !host_name(fdom))
		finding_add(s, R_SENDER_MULTI_FROM, &(struct fargs){
		    .domain = fdom, .detail = "a domain that is no host name",
		    .detail_ja = "ホスト名になり得ないドメイン" });
	else if (m->from_unknown)
		;	/* an Exchange sender of an Outlook item: not missing */
	else if (fdom == NULL && (fname = bare_name(s)) != NULL)
		finding_add(s, R_SENDER_MULTI_FROM, &(struct fargs){
		    .detail = "a name without an address",
		    .detail_ja = "アドレスのない名前だけ" });
	else if (m->nhdrs > 0 && m->from.addr == NULL && m->from.name ==
	    NULL && msg_header(m, "From") == NULL)
		finding_add(s, R_SENDER_MULTI_FROM, &(struct fargs){
		    .detail = "no From header at all",
		    .detail_ja = "From ヘッダーそのものがない" });
	if (fdom != NULL && ((dom_random(fdom) && !dom_is_freemail(e, freg)) ||
	    (tenant_random(fdom, freg) && !dom_is_own(s, fdom))))
		finding_add(s, R_SENDER_RANDOM, &(struct fargs){ .domain = fdom });
	/* A local part that a spam tool made: two words or more and a
	 * serial number, joined by underscores ("Ramos_Todd_50742",
	 * "join_now_1293").  On free mail it is a person's own choice. */
	if (fdom != NULL && generated_local(m->from.addr) &&
	    !dom_is_freemail(e, freg) && !dom_is_own(s, fdom) &&
	    !dom_is_corr(s, fdom))
		finding_add(s, R_SENDER_GENERATED, &(struct fargs){
		    .domain = fdom, .detail = m->from.addr });
	/* The same top-level domains as links (url.risky_tld). */
	if (fdom != NULL && !dom_is_own(s, fdom) && !dom_is_corr(s, fdom)) {
		const char *tld = strrchr(fdom, '.');

		if (tld != NULL && hset_get(&e->risky_tld, tld + 1,
		    strlen(tld + 1), NULL))
			finding_add(s, R_SENDER_RISKY_TLD, &(struct fargs){
			    .domain = fdom, .detail = tld });
	}

	/* A sender domain that imitates a protected one. */
	if (freg != NULL) {
		const struct protect	*p;
		const char		*uh = NULL;
		char			*uni = NULL;
		enum look_kind		 how;

		if (strstr(fdom, "xn--") != NULL &&
		    idn2_to_unicode_8z8z(fdom, &uni, 0) == IDN2_OK) {
			uh = arena_strdup(&s->a, uni);
			idn2_free(uni);
		}
		if ((p = dom_lookalike(s, fdom, uh, freg, &how)) != NULL) {
			static const enum rule_id r[] = {
			    R_SENDER_LOOKALIKE_OWN, R_SENDER_LOOKALIKE_CORR,
			    R_SENDER_LOOKALIKE_BRAND };

			/* Nobody mails from a site named after him on a
			 * shared service: no weaker there. */
			finding_add(s, how == LK_WORDS ?
			    R_SENDER_NAME_IN_DOMAIN : r[p->kind],
			    &(struct fargs){ .domain = uh ? uh : fdom,
			    .imitates = p->domain, .detail = look_how(how, 0),
			    .detail_ja = look_how(how, 1) });
		}
	}

	/* A name and no address ("Facebook" <>): a brand's name there is
	 * a claim nothing backs. */
	if (fname != NULL) {
		struct buf	 nb;
		int		 disguised;

		buf_init(&nb, 1024);
		text_norm(&nb, fname, strlen(fname), &s->ns);
		if ((b = name_brand(e, &nb, &disguised)) >= 0) {
			finding_add(s, R_SENDER_DISPLAY_BRAND, &(struct fargs){
			    .domain = "(no address)",
			    .imitates = e->brands[b].name,
			    .detail = disguised ? arena_printf(&s->a,
			    "%s (disguised)", fname) : fname });
			s->claim_brand = b;
			s->claim_display = 1;
		}
		buf_release(&nb);
	}

	/* A protocol or case number in the name ("Protocolo:
	 * 7164942633959263", "Cod. 707382225672"): nine digits in a row,
	 * more than a phone number written with its separators has. */
	if (m->from.name != NULL && digit_run(m->from.name) >= 9)
		finding_add(s, R_SENDER_DISPLAY_NUMBER, &(struct fargs){
		    .detail = text_clip(&s->a, m->from.name, 120) });

	/* A price or a discount: "Viagra/Cialis-0,36$/0,54$", "Prints 93%". */
	if (m->from.name != NULL && name_offer(m->from.name))
		finding_add(s, R_SENDER_DISPLAY_OFFER, &(struct fargs){
		    .detail = text_clip(&s->a, m->from.name, 120) });

	/* A name framed by marks: "#Deals#", "*Limited#", "__C0NGrATS__". */
	if (m->from.name != NULL && name_framed(m->from.name))
		finding_add(s, R_SENDER_DISPLAY_MARKS, &(struct fargs){
		    .detail = text_clip(&s->a, m->from.name, 120) });

	{
		char w[72];

		if (m->from.name != NULL && !dom_is_own(s, fdom) &&
		    !dom_is_corr(s, fdom) && name_random(m->from.name, w,
		    sizeof(w)))
			finding_add(s, R_SENDER_DISPLAY_RANDOM, &(struct fargs){
			    .domain = fdom, .detail = arena_printf(&s->a,
			    "\"%s\" (\"%s\")", text_clip(&s->a,
			    m->from.name, 120), w) });
	}

	/* What the display name claims. */
	if (m->from.name != NULL && fdom != NULL) {
		struct buf	 nb;
		const char	*fold = name_fold(s, m->from.name);
		const char	*na = name_address(s, fold), *ndom;
		int		 id = -1, disguised = 0;
		int		 mixed = s->ns.mixed_words;

		buf_init(&nb, 1024);
		text_norm(&nb, m->from.name, strlen(m->from.name), &s->ns);
		s->name_mixed = s->ns.mixed_words > mixed;
		/* "X via Y": a list (Google Groups, Mailman) or a service
		 * (DocuSign) writing for X, whose name or address that is.
		 * Only a list's mail (List-Id) or an authentic service's is
		 * taken so; in anyone else's name it is a disguise. */
		via = strstr(nb.ptr, " via ") != NULL && (vouched ||
		    msg_header(m, "List-Id") != NULL);
		if (na != NULL && !via) {
			const char *nd = strrchr(na, '@') + 1;
			const char *nreg = dom_registrable(s, nd);

			if (strcmp(nreg, freg) != 0) {
				int prot = brand_of_domain(e, nreg) >= 0 ||
				    dom_is_own(s, nd) ||
				    dom_is_corr(s, nd);

				finding_add(s, prot ? R_SENDER_DISPLAY_ADDR_BRAND :
				    R_SENDER_DISPLAY_ADDR, &(struct fargs){
				    .domain = fdom, .imitates = na });
			}
		}
		if (na == NULL && (ndom = name_domain(s, fold)) != NULL &&
		    strcmp(ndom, freg) != 0 && !via) {
			/* Only a protected one: a newsletter's name is often
			 * its web site's ("Comics.com"), sent from a mailer's. */
			if (brand_of_domain(e, ndom) >= 0 || dom_is_own(s, ndom) ||
			    dom_is_corr(s, ndom))
				finding_add(s, R_SENDER_DISPLAY_ADDR_BRAND,
				    &(struct fargs){ .domain = fdom,
				    .imitates = ndom });
		}
		b = name_brand(e, &nb, &disguised);
		/* A place named after a brand ("Capital One Arena") is a
		 * place when the sender's domain is the place's own
		 * (capitalonearena.com); else the brand's name with a
		 * place's word for cover ("PayPal Center"). */
		if (b < 0) {
			const char *place = NULL;
			int vb = brand_venue(e, nb.ptr, nb.len, &place);

			if (vb >= 0 && place != NULL &&
			    strstr(freg, place) == NULL)
				b = vb;
		}
		/* "Chase <chase.miller@...>": a weak brand's name that is
		 * the first word of the address is the person's own, and a
		 * name and surname the address spells are a person's; but
		 * not a strong brand's whole name ("American Express"
		 * <americanexpress@...>). */
		if (b >= 0 && !disguised && ((e->brands[b].weak &&
		    own_first_name(nb.ptr, m->from.addr)) ||
		    (person_address(nb.ptr, m->from.addr) &&
		    (e->brands[b].weak || brand_is_name(e, nb.ptr,
		    nb.len) != b))))
			b = -1;
		/* A brand's free mail (x@outlook.com) is anyone's; its own
		 * mail comes from a name under it (reply.yahoo.com). */
		if (b >= 0 && (brand_of_host(e, fdom, freg, 1) != b ||
		    (dom_is_freemail(e, freg) && strcmp(fdom, freg) == 0)) &&
		    !dom_is_own(s, fdom)) {
			finding_add(s, R_SENDER_DISPLAY_BRAND, &(struct fargs){
			    .domain = fdom, .imitates = e->brands[b].name,
			    .detail = disguised ? arena_printf(&s->a,
			    "%s (disguised)", m->from.name) : m->from.name });
			s->claim_brand = b;
			s->claim_display = 1;
			/* No brand writes from a free mail service. */
			if (dom_is_freemail(e, freg) &&
			    brand_of_domain(e, freg) != b)
				finding_add(s, R_SENDER_BRAND_FREEMAIL,
				    &(struct fargs){ .domain = freg,
				    .imitates = e->brands[b].name });
		}
		/* An organisation's name the address knows nothing of;
		 * brands are weighed above, free mail by its own rules. */
		if (b < 0 && na == NULL && m->from.addr != NULL && !via &&
		    !dom_is_freemail(e, freg) && brand_of_sender(e, freg) < 0 &&
		    !dom_is_own(s, fdom) && !dom_is_corr(s, fdom) &&
		    org_mismatch(nb.ptr, m->from.addr))
			finding_add(s, R_SENDER_ORG_MISMATCH, &(struct fargs){
			    .domain = fdom, .detail = m->from.name });
		/* A colleague's name on an authentic service's mail is the
		 * service writing for them (a file shared, an envelope to
		 * sign) when the mail is tied to the organisation: replies
		 * go to its domain, or SharePoint's own mail links to its
		 * own SharePoint.  A service anyone signs up to carries any
		 * name. */
		if (s->people->n > 0 && !dom_is_own(s, fdom) &&
		    !(vouched && org_tied(s, brand_of_sender(e, freg)))) {
			struct pmatch pm = { nb.ptr, nb.len, -1 };

			ac_scan(s->people->ac, nb.ptr, nb.len, person_match,
			    &pm);
			if ((id = pm.found) >= 0)
				finding_add(s, R_SENDER_DISPLAY_PERSON,
				    &(struct fargs){ .domain = fdom,
				    .imitates = m->from.name });
		}
		id = -1;
		if (dom_is_freemail(e, freg)) {
			ac_scan(e->role_ac, nb.ptr, nb.len, any_match, &id);
			if (id >= 0)
				finding_add(s, R_SENDER_FREEMAIL_EXEC,
				    &(struct fargs){ .domain = freg,
				    .detail = m->from.name });
			{
				struct pmatch pm = { nb.ptr, nb.len, -1 };

				ac_scan(e->authority_ac, nb.ptr, nb.len,
				    person_match, &pm);
				if (pm.found >= 0)
					finding_add(s,
					    R_SENDER_FREEMAIL_AUTHORITY,
					    &(struct fargs){ .domain = freg,
					    .detail = m->from.name });
			}
		}
		buf_release(&nb);
	}

	/* A brand in the subject that the sender has nothing to do with.
	 * Its free mail is anyone's, but not a host under it: nobody gets a
	 * mailbox at reply.yahoo.com, the brand's services write from it. */
	if (m->subject != NULL && freg != NULL) {
		struct buf	 sb;
		int		 sbr;

		buf_init(&sb, 4096);
		text_norm(&sb, m->subject, strlen(m->subject), NULL);
		sbr = brand_find(e, sb.ptr, sb.len, 1);
		if (sbr >= 0 && (brand_of_host(e, fdom, freg, 1) != sbr ||
		    (dom_is_freemail(e, freg) && str_casecmp(fdom, freg) ==
		    0)) && !dom_is_own(s, fdom)) {
			finding_add(s, R_CONTENT_BRAND_SUBJECT, &(struct fargs){
			    .domain = fdom, .imitates = e->brands[sbr].name });
			if (s->claim_brand < 0)
				s->claim_brand = sbr;
		}
		buf_release(&sb);
	}

	/* Where replies go: every address of Reply-To (Outlook replies
	 * to all of them); an authentic brand's service (vouched, above)
	 * sends replies to the person it writes for, and replies that
	 * reach the organisation or a correspondent (an invoicing service
	 * writing for a supplier, HR's survey on a survey site) help no
	 * one who forged the mail.  A reply address on
	 * a look-alike of the organisation's or a correspondent's domain
	 * is the invoice fraud's way: the From is real (a correspondent's
	 * mailbox taken over, or its own domain), the answer goes to the
	 * imitation. */
	for (i = 0; freg != NULL && i <= (size_t)m->nreply_more; i++) {
		const struct daddr *r = i == 0 ? &m->reply_to :
		    &m->reply_more[i - 1];
		const char *rreg, *uh = NULL;
		const struct protect *p;
		char *uni = NULL;
		enum look_kind how;

		if (r->domain == NULL)
			continue;
		rreg = dom_registrable(s, r->domain);
		if (strcmp(rreg, freg) != 0) {
			if (dom_is_freemail(e, rreg) && !dom_is_freemail(e, freg))
				finding_add(s, R_SENDER_REPLYTO_FREEMAIL,
				    &(struct fargs){ .domain = freg,
				    .imitates = r->addr });
			else if (!vouched && !dom_is_own(s, rreg) &&
			    !dom_is_corr(s, rreg))
				finding_add(s, R_SENDER_REPLYTO, &(struct fargs){
				    .domain = freg, .imitates = rreg });
		}
		if (strstr(r->domain, "xn--") != NULL &&
		    idn2_to_unicode_8z8z(r->domain, &uni, 0) == IDN2_OK) {
			uh = arena_strdup(&s->a, uni);
			idn2_free(uni);
		}
		/* A brand's or a free mail service's own domain imitates
		 * nobody's (hubspot.net, amazon.com beside amazon.co.jp).
		 * The same name under another country's top-level domain,
		 * from the organisation or a correspondent, may be its
		 * office there (fabrikam.com asking for replies at
		 * fabrikam.de), or the fraud's own registration: weighed
		 * less; under a top-level domain a letter off
		 * (fabrikam.co) it is a look-alike. */
		if (strcmp(rreg, freg) != 0 && !dom_is_freemail(e, rreg) &&
		    (p = dom_lookalike(s, r->domain, uh, rreg, &how)) !=
		    NULL && how != LK_WORDS && p->kind != PK_BRAND)
			finding_add(s, how == LK_OTHER_TLD && (dom_is_own(s,
			    fdom) || dom_is_corr(s, fdom)) ?
			    R_SENDER_REPLYTO_OTHER_TLD :
			    R_SENDER_REPLYTO_LOOKALIKE,
			    &(struct fargs){ .domain = uh ? uh : r->domain,
			    .imitates = p->domain, .detail = look_how(how, 0),
			    .detail_ja = look_how(how, 1) });
	}
	if (freg != NULL && m->return_path.domain != NULL) {
		const char *rp = dom_registrable(s, m->return_path.domain);

		if (strcmp(rp, freg) != 0)
			finding_add(s, R_SENDER_RETURNPATH, &(struct fargs){
			    .domain = freg, .imitates = m->return_path.addr });
	}
}

/*
 * A message forwarded inline: the reader (or a colleague) forwards a
 * mail, and the mail program writes its header block into the text,
 * "From: ... Sent: ... To: ... Subject: ..." in the program's language
 * ("De: ... Enviado: ... Assunto:", "Von: ... Gesendet: ... Betreff:",
 * "差出人: ... 送信日時: ... 件名:").  The forwarded sender is who wrote
 * what the text holds, so the checks of the sender run on it too.
 * A block is a From label, then a date label and a subject label within
 * FWD_SPAN bytes, in any order (Apple Mail puts the subject first); in
 * an HTML part's visible text the lines are run together, so a label is
 * the word (or two) before any colon, where a word begins.  The From
 * value runs to the end of its line or to the next label.  Colons are
 * found with memchr(), so text without them costs next to nothing.
 */
#define FWD_SPAN	600
#define FWD_TRIES	16

enum fwd_label { FL_NONE, FL_FROM, FL_DATE, FL_TO, FL_SUBJECT };

/*
 * The next label at or after i: its kind, where it begins (*at) and
 * where its value begins (*val, after the colon); FL_NONE at the end.
 */
static enum fwd_label
fwd_next(const char *t, size_t n, size_t i, size_t *at, size_t *val)
{
	static const struct { enum fwd_label l; const char *w; } labels[] = {
		{ FL_FROM, "from" }, { FL_FROM, "de" }, { FL_FROM, "von" },
		{ FL_FROM, "van" }, { FL_FROM, "da" },
		{ FL_FROM, "\xe5\xb7\xae\xe5\x87\xba\xe4\xba\xba" },	/* 差出人 */
		{ FL_FROM, "\xe9\x80\x81\xe4\xbf\xa1\xe8\x80\x85" },	/* 送信者 */
		{ FL_DATE, "sent" }, { FL_DATE, "date" }, { FL_DATE, "enviado" },
		{ FL_DATE, "enviada em" }, { FL_DATE, "fecha" },
		{ FL_DATE, "gesendet" }, { FL_DATE, "datum" },
		{ FL_DATE, "verzonden" }, { FL_DATE, "inviato" },
		{ FL_DATE, "data" }, { FL_DATE, "envoy\xc3\xa9" },
		{ FL_DATE, "envoye" },		/* as normalised text has it */
		{ FL_DATE, "\xe9\x80\x81\xe4\xbf\xa1\xe6\x97\xa5\xe6\x99\x82" },
		{ FL_DATE, "\xe6\x97\xa5\xe4\xbb\x98" },		/* 日付 */
		{ FL_TO, "to" }, { FL_TO, "para" }, { FL_TO, "an" },
		{ FL_TO, "aan" }, { FL_TO, "a" }, { FL_TO, "\xc3\xa0" },
		{ FL_TO, "cc" },
		{ FL_TO, "\xe5\xae\x9b\xe5\x85\x88" },			/* 宛先 */
		{ FL_SUBJECT, "subject" }, { FL_SUBJECT, "assunto" },
		{ FL_SUBJECT, "asunto" }, { FL_SUBJECT, "betreff" },
		{ FL_SUBJECT, "onderwerp" }, { FL_SUBJECT, "oggetto" },
		{ FL_SUBJECT, "objet" },
		{ FL_SUBJECT, "\xe4\xbb\xb6\xe5\x90\x8d" } };		/* 件名 */
	const char	*c;
	size_t		 k, l, e, v;

	while (i < n) {
		/* The next colon, ASCII or full-width (U+FF1A). */
		const char *a = memchr(t + i, ':', n - i);
		const char *w = NULL, *lim = a != NULL ? a : t + n;
		size_t from = i;

		/* A full-width one only before the ASCII one. */
		for (c = t + from; c + 2 < lim && (c = memchr(c, 0xef,
		    (size_t)(lim - c - 2))) != NULL; c++)
			if (c[1] == '\xbc' && c[2] == '\x9a') {
				w = c;
				break;
			}
		if (a == NULL && w == NULL)
			return FL_NONE;
		c = a == NULL || (w != NULL && w < a) ? w : a;
		v = (size_t)(c - t) + (*c == ':' ? 1 : 3);
		i = v;
		/* Back over Gmail's bold and spaces to the label's end. */
		for (e = (size_t)(c - t); e > from && (t[e - 1] == ' ' ||
		    t[e - 1] == '*'); e--)
			;
		for (k = 0; k < nitems(labels); k++) {
			l = strlen(labels[k].w);
			if (e < l || strncasecmp(t + e - l, labels[k].w, l) != 0)
				continue;
			/* A label begins a word: at the start, after white
			 * space, a reply's '>' or Gmail's '*'. */
			if (e - l > 0 && !isspace((unsigned char)t[e - l - 1]) &&
			    t[e - l - 1] != '>' && t[e - l - 1] != '*')
				continue;
			*at = e - l;
			*val = v;
			return labels[k].l;
		}
	}
	return FL_NONE;
}

/*
 * Is the address at hit (in t, raw or normalised text) the value of a To
 * or Cc line of a forward's header block?  The last label before it is
 * To or Cc, on the same line and at most 120 bytes back, and a From or
 * date label begins within 250 bytes before that one: "send your details
 * to: x@gmail.com" in a scam's own words is no To line.
 */
int
fwd_to_value(const char *t, const char *hit)
{
	size_t		 n = (size_t)(hit - t), i, at, val;
	size_t		 head = SIZE_MAX, to_at = 0, to_val = 0, to_head = SIZE_MAX;
	enum fwd_label	 l, last = FL_NONE;

	for (i = n > 500 ? n - 500 : 0; (l = fwd_next(t, n, i, &at, &val)) !=
	    FL_NONE; i = val) {
		if (l == FL_TO) {
			to_at = at;
			to_val = val;
			to_head = head;
		} else if (l == FL_FROM || l == FL_DATE)
			head = at;
		last = l;
	}
	return last == FL_TO && n - to_val <= 120 &&
	    memchr(t + to_val, '\n', n - to_val) == NULL &&
	    to_head != SIZE_MAX && to_at - to_head <= 250;
}

/*
 * Is the address at hit (in t, NUL-terminated: a body's text) the value
 * of a From, To or Cc line of a header block quoted below the writer's
 * own words, a forward's or a reply's ("Hi Taro, ...  From: Taro
 * <taro@contoso.com>  Sent: ...  To: ...  Subject: ...")?  The label is
 * the last before the address, on the same line and at most 120 bytes
 * back; a To or Cc line has a From or date label within 250 bytes before
 * it, a From line a date and a subject label within FWD_SPAN bytes of it
 * (before it too: Apple Mail puts the subject first).  A block that
 * opens the text quotes nothing of the writer's: a lure can begin so.
 */
int
fwd_head_value(const char *t, const char *hit)
{
	size_t		 n = (size_t)(hit - t), i, at, val, end, head = SIZE_MAX;
	size_t		 lab_at = 0, lab_val = 0, to_head = SIZE_MAX;
	enum fwd_label	 l, last = FL_NONE;
	int		 date = 0, subj = 0;

	for (i = n > 500 ? n - 500 : 0; (l = fwd_next(t, n, i, &at, &val)) !=
	    FL_NONE; i = val) {
		if (l == FL_FROM || l == FL_DATE)
			head = at;
		if (l == FL_TO)
			to_head = head;
		lab_at = at;
		lab_val = val;
		last = l;
	}
	if ((last != FL_FROM && last != FL_TO) || n - lab_val > 120 ||
	    memchr(t + lab_val, '\n', n - lab_val) != NULL)
		return 0;
	if (last == FL_TO)
		return to_head != SIZE_MAX && lab_at - to_head <= 250 &&
		    to_head >= 24;
	if (lab_at < 24)
		return 0;
	end = n + strnlen(hit, FWD_SPAN);
	for (i = lab_at > FWD_SPAN ? lab_at - FWD_SPAN : 0; (l = fwd_next(t,
	    end, i, &at, &val)) != FL_NONE && at < lab_at + FWD_SPAN;
	    i = val) {
		if (l == FL_DATE)
			date = 1;
		else if (l == FL_SUBJECT)
			subj = 1;
	}
	return date && subj;
}

void
sender_fwd_find(struct detect_scan *s, const char *t, size_t n)
{
	static const char *const behalf[] = { " on behalf of ",
	    " em nome de ", " en nombre de ", " im auftrag von ",
	    " au nom de ", " namens ", " per conto di " };
	size_t	 i, j, k, at, val, vend, tries = 0;
	int	 date, subj;
	enum fwd_label l;
	char	*vs, *name, *addr, *lt, *gt, *v;

	if (s->fwd_found || t == NULL)
		return;
	for (i = 0; (l = fwd_next(t, n, i, &at, &val)) != FL_NONE; i = val) {
		if (l != FL_FROM)
			continue;
		/* Hostile text full of "de:" costs FWD_TRIES windows. */
		if (++tries > FWD_TRIES)
			return;
		/* The value: to the end of the line or the next label. */
		for (vend = val; vend < n && t[vend] != '\n' && t[vend] != '\r';
		    vend++)
			;
		date = subj = 0;
		for (j = val; (l = fwd_next(t, n, j, &at, &k)) != FL_NONE &&
		    at < val + FWD_SPAN; j = k) {
			if (at < vend)
				vend = at;
			if (l == FL_DATE)
				date = 1;
			else if (l == FL_SUBJECT)
				subj = 1;
			if (date && subj)
				break;
		}
		if (!date || !subj || vend - val > 320)
			continue;
		vs = arena_strndup(&s->a, t + val, vend - val);
		/* Outlook's "sender on behalf of From": the From is the
		 * mailbox after the words. */
		for (k = 0; k < nitems(behalf); k++)
			if ((v = strcasestr(vs, behalf[k])) != NULL) {
				vs = v + strlen(behalf[k]);
				break;
			}
		/* "Name <a@b>", "Name [mailto:a@b]" or "a@b", Gmail's
		 * bold marks and quotes around the name left out. */
		for (v = vs; *v != '\0'; v++)
			if (*v == '*')
				*v = ' ';
		if ((lt = strrchr(vs, '<')) != NULL ||
		    (lt = strstr(vs, "[mailto:")) != NULL) {
			addr = lt + (*lt == '<' ? 1 : 8);
			if ((gt = strpbrk(addr, ">]")) != NULL)
				*gt = '\0';
			*lt = '\0';
			name = vs;
		} else if (strchr(vs, '@') == NULL) {
			/* Outlook writes a name alone for some senders
			 * ("De: Banco do Brasil"): a claim to weigh the
			 * links against. */
			addr = NULL;
			name = vs;
		} else {
			addr = vs;
			name = NULL;
		}
		if (addr != NULL) {
			addr += strspn(addr, " \t\"'");
			addr[strcspn(addr, " \t\"'")] = '\0';
			if (strchr(addr, '@') == NULL ||
			    strchr(strrchr(addr, '@'), '.') == NULL)
				continue;
		}
		if (name != NULL) {
			name += strspn(name, " \t\"'");
			for (k = strlen(name); k > 0 && strchr(" \t\"'",
			    name[k - 1]) != NULL; k--)
				name[k - 1] = '\0';
		}
		msg_set_addr(s, &s->fwd_from, name, addr);
		if (s->fwd_from.domain != NULL || (addr == NULL &&
		    s->fwd_from.name != NULL && strlen(s->fwd_from.name) <= 80))
			s->fwd_found = 1;
		return;
	}
}

/*
 * A forward, not a reply quoting the mail it answers: the subject says
 * so ("Fw:", "Fwd:", "TR:", "WG:", "Enc:", "RV:", "Doorst:", "転送:")
 * or the text does ("Forwarded message", "Mensagem encaminhada", ...).
 */
static int
forwarded(const struct detect_scan *s)
{
	static const char *const pre[] = { "fw", "fwd", "tr", "wg", "enc",
	    "rv", "doorst", "vs", "\xe8\xbb\xa2\xe9\x80\x81" /* 転送 */ };
	static const char *const mark[] = { "forwarded message",
	    "begin forwarded message", "mensagem encaminhada",
	    "mensaje reenviado", "weitergeleitete nachricht",
	    "message transfere", "doorgestuurd bericht",
	    "messaggio inoltrato", ("\xe8\xbb\xa2\xe9\x80\x81\xe3\x83"
	    "\xa1\xe3\x83\x83\xe3\x82\xbb\xe3\x83\xbc\xe3\x82\xb8") };
	const char	*sub = s->m->subject;
	size_t		 i, l;

	while (sub != NULL && (*sub == ' ' || *sub == '\t'))
		sub++;
	for (i = 0; sub != NULL && i < nitems(pre); i++) {
		l = strlen(pre[i]);
		if (strncasecmp(sub, pre[i], l) == 0 && (sub[l] == ':' ||
		    strncmp(sub + l, "\xef\xbc\x9a", 3) == 0 ||
		    (sub[l] == ' ' && sub[l + 1] == ':')))
			return 1;
	}
	for (i = 0; i < nitems(mark); i++)
		if (memmem(s->text.ptr, s->text_body, mark[i],
		    strlen(mark[i])) != NULL)
			return 1;
	return 0;
}

void
sender_fwd_run(struct detect_scan *s)
{
	struct dmsg		 inner;
	struct dmsg		*outer = s->m;
	struct norm_stats	 ns = s->ns;
	int			 cb = s->claim_brand, cd = s->claim_display;
	int			 nm = s->name_mixed;

	if (!s->fwd_found || s->text.ptr == NULL || !forwarded(s))
		return;
	s->fwd_active = 1;
	/* A name alone: no address to check, but a brand it names is
	 * what the links are weighed against, unless the forwarder
	 * claims one. */
	if (s->fwd_from.addr == NULL) {
		struct buf	 nb;
		int		 b, disguised;

		if (cb >= 0)
			return;
		buf_init(&nb, 1024);
		text_norm(&nb, s->fwd_from.name, strlen(s->fwd_from.name),
		    NULL);
		if ((b = name_brand(s->eng, &nb, &disguised)) >= 0) {
			s->claim_brand = b;
			s->claim_display = 1;
		}
		buf_release(&nb);
		return;
	}
	if (outer->from.addr != NULL && strcmp(outer->from.addr,
	    s->fwd_from.addr) == 0)
		return;
	/* The forwarded sender alone: no headers (they were the
	 * forwarder's), no Reply-To or Return-Path. */
	msg_init(&inner);
	inner.subject = outer->subject;
	inner.from = s->fwd_from;
	inner.nfrom = 1;
	inner.texts = outer->texts;
	inner.ntexts = outer->ntexts;
	inner.parts = outer->parts;
	inner.nparts = outer->nparts;
	s->m = &inner;
	s->fwd_now = 1;
	sender_run(s);
	s->fwd_now = 0;
	s->m = outer;
	/* The text's statistics are the text's; a brand the forwarded
	 * sender claims is what the links are weighed against, unless the
	 * forwarder claims one. */
	s->ns = ns;
	s->name_mixed = nm;
	if (cb >= 0) {
		s->claim_brand = cb;
		s->claim_display = cd;
	}
}
