/*
 * engine_min: a small built-in rule set behind engine_impl.h, used until the
 * detection library (detect/) is linked in its place.  A handful of
 * obvious rules over what Graph gives: the authentication verdicts
 * Exchange stamps, the spam confidence level, attachment names and
 * contents (EICAR, zip member names, encrypted zips), link text naming
 * another host than its target, HTML smuggling, punycode hosts, and a
 * Reply-To elsewhere on a payment request.  Every input is bounded:
 * bodies are looked at up to BODY_MAX bytes, attachments up to ATT_MAX.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "crypt.h"
#include "engine_impl.h"
#include "util.h"

#define BODY_MAX	(1024u * 1024)
#define ATT_MAX		(8u * 1024 * 1024)
#define FINDINGS_MAX	16

struct impl {
	int	 unused;
};

struct impl_ctx {
	struct impl	*e;
};

struct ctx {
	struct arena		*a;
	struct engine_finding	 f[FINDINGS_MAX];
	size_t			 n;
	int			 score;
};

static const char *select_list =
    "id,receivedDateTime,sentDateTime,subject,from,sender,replyTo,"
    "toRecipients,ccRecipients,internetMessageId,internetMessageHeaders,"
    "body,hasAttachments,webLink,parentFolderId";

struct impl *
impl_open(const struct conf *c)
{
	(void)c;
	return xcalloc(1, sizeof(struct impl));
}

void
impl_close(struct impl *e)
{
	free(e);
}

struct impl_ctx *
impl_ctx_new(struct impl *e)
{
	struct impl_ctx *c = xcalloc(1, sizeof(*c));

	c->e = e;
	return c;
}

int
impl_ctx_set_org(struct impl_ctx *c, const char *const *domains,
    const char *const *people, const char *const *correspondents,
    const char *reader)
{
	/* The minimal engine judges no sender: nothing to keep. */
	(void)c;
	(void)domains;
	(void)people;
	(void)correspondents;
	(void)reader;
	return 0;
}

void
impl_ctx_free(struct impl_ctx *c)
{
	free(c);
}

const char *
impl_select(const struct impl *e)
{
	(void)e;
	return select_list;
}

const char *
impl_name(const struct impl *e)
{
	(void)e;
	return "min";
}

enum engine_need
impl_needs(struct impl *e, const cJSON *msg, const cJSON *atts)
{
	(void)e;
	if (atts != NULL)
		return ENGINE_NEED_NONE;
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(msg,
	    "hasAttachments")) ? ENGINE_NEED_ATTACHMENTS : ENGINE_NEED_NONE;
}

static const char *
jstr(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const char *
addr_of(const cJSON *msg, const char *k)
{
	const cJSON	*r = cJSON_GetObjectItemCaseSensitive(msg, k);

	return jstr(cJSON_GetObjectItemCaseSensitive(r, "emailAddress"),
	    "address");
}

static const char *
domain_of(const char *addr)
{
	const char	*at = addr != NULL ? strrchr(addr, '@') : NULL;

	return at != NULL ? at + 1 : NULL;
}

/* A header's value (the first of that name), or NULL. */
static const char *
header(const cJSON *msg, const char *name)
{
	const cJSON	*h, *it;

	h = cJSON_GetObjectItemCaseSensitive(msg, "internetMessageHeaders");
	cJSON_ArrayForEach(it, h) {
		const char *n = jstr(it, "name");

		if (n != NULL && str_casecmp(n, name) == 0)
			return jstr(it, "value");
	}
	return NULL;
}

/* Case-insensitive search in the first n bytes of s. */
static const char *
find_ci(const char *s, size_t n, const char *needle)
{
	size_t	 k = strlen(needle), i;

	if (k == 0 || n < k)
		return NULL;
	for (i = 0; i + k <= n; i++)
		if (str_ncasecmp(s + i, needle, k) == 0)
			return s + i;
	return NULL;
}

/* The new finding, or NULL when the rule already fired (or too many). */
static struct engine_finding *
add(struct ctx *c, const char *cat, const char *sev, const char *rule,
    const char *en, const char *ja, int score)
{
	struct engine_finding	*f;
	size_t			 i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->f[i].rule, rule) == 0)
			return NULL;
	if (c->n == FINDINGS_MAX)
		return NULL;
	f = &c->f[c->n++];
	memset(f, 0, sizeof(*f));
	f->category = cat;
	f->severity = sev;
	f->rule = rule;
	f->evidence_en = arena_strdup(c->a, en);
	f->evidence_ja = arena_strdup(c->a, ja);
	c->score += score;
	return f;
}

static void
rule_auth(struct ctx *c, const cJSON *msg)
{
	const char	*ar = header(msg, "Authentication-Results");
	const char	*spam = header(msg, "X-Forefront-Antispam-Report");
	const char	*p;

	if (ar != NULL && (find_ci(ar, strlen(ar), "dmarc=fail") != NULL ||
	    find_ci(ar, strlen(ar), "compauth=fail") != NULL))
		add(c, "spoofing", "high", "min.auth.dmarc_fail",
		    "The sender's domain failed DMARC: the From address is "
		    "forged.",
		    "送信元ドメインが DMARC 認証に失敗しました。差出人アドレスが"
		    "偽装されています。", 60);
	else if (ar != NULL && find_ci(ar, strlen(ar), "spf=fail") != NULL)
		add(c, "spoofing", "medium", "min.auth.spf_fail",
		    "The sending server is not allowed by the sender's SPF "
		    "record.",
		    "送信サーバーが送信元ドメインの SPF で許可されていません。",
		    30);
	if (spam != NULL && (p = find_ci(spam, strlen(spam), "SCL:")) != NULL &&
	    p[4] >= '5' && p[4] <= '9')
		add(c, "spam", "low", "min.spam.scl",
		    "Exchange Online rated this message as spam.",
		    "Exchange Online がこのメールを迷惑メールと判定しました。",
		    10);
}

static const char *
host_of(struct arena *a, const char *url, size_t n)
{
	const char	*p, *e;
	size_t		 i;

	if ((p = find_ci(url, n, "://")) == NULL)
		return NULL;
	p += 3;
	for (e = p; e < url + n && *e != '/' && *e != '"' && *e != '\'' &&
	    *e != '?' && *e != '#' && *e != ':' && *e != '>' && *e != ' ';
	    e++)
		;
	if (e == p || e - p > 253)
		return NULL;
	for (i = 0; i < (size_t)(e - p); i++)
		if (p[i] == '@')
			return NULL;
	return arena_strndup(a, p, (size_t)(e - p));
}

/* Does the visible text of a link name a host (a.b) other than target? */
static int
text_names_other(const char *text, size_t n, const char *host)
{
	char	 tok[256];
	size_t	 i = 0, k;

	while (i < n) {
		while (i < n && !((text[i] >= 'a' && text[i] <= 'z') ||
		    (text[i] >= 'A' && text[i] <= 'Z') ||
		    (text[i] >= '0' && text[i] <= '9')))
			i++;
		k = 0;
		while (i < n && k + 1 < sizeof(tok) && ((text[i] >= 'a' &&
		    text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z') ||
		    (text[i] >= '0' && text[i] <= '9') || text[i] == '.' ||
		    text[i] == '-'))
			tok[k++] = text[i++];
		tok[k] = '\0';
		while (k > 0 && tok[k - 1] == '.')
			tok[--k] = '\0';
		if (k > 3 && strchr(tok, '.') != NULL &&
		    strchr(tok, '.') != tok && str_casecmp(tok, host) != 0 &&
		    !str_has_suffix_case(host, tok)) {
			const char *dot = strrchr(tok, '.');

			/* a TLD of letters: a host, not "v1.2" */
			if (dot[1] >= 'a' && dot[1] <= 'z')
				return 1;
		}
		if (k == 0)
			i++;
	}
	return 0;
}

static void
rule_body(struct ctx *c, const cJSON *msg)
{
	const cJSON	*b = cJSON_GetObjectItemCaseSensitive(msg, "body");
	const char	*s = jstr(b, "content"), *p, *end, *href, *gt, *close;
	const char	*host;
	struct engine_finding *f;
	size_t		 n;
	int		 links = 0;

	if (s == NULL)
		return;
	n = strnlen(s, BODY_MAX);
	end = s + n;
	if (find_ci(s, n, "atob(") != NULL && find_ci(s, n, "Blob") != NULL &&
	    (find_ci(s, n, "download") != NULL ||
	    find_ci(s, n, "msSaveOrOpenBlob") != NULL))
		add(c, "malware", "high", "min.html.smuggling",
		    "The message body assembles a file in the browser "
		    "(HTML smuggling).",
		    "本文がブラウザー内でファイルを組み立てます (HTML "
		    "スマグリング)。", 80);
	for (p = s; p < end && links < 200; p = close) {
		if ((p = find_ci(p, (size_t)(end - p), "<a ")) == NULL)
			break;
		links++;
		close = p + 3;
		if ((gt = memchr(p, '>', (size_t)(end - p))) == NULL)
			break;
		href = find_ci(p, (size_t)(gt - p), "href=");
		if (href == NULL)
			continue;
		href += 5;
		if (*href == '"' || *href == '\'')
			href++;
		host = host_of(c->a, href, (size_t)(gt - href));
		if (host == NULL)
			continue;
		if (find_ci(host, strlen(host), "xn--") != NULL) {
			f = add(c, "impersonation", "high", "min.url.punycode",
			    "A link goes to a punycode (look-alike) domain.",
			    "リンク先が Punycode の類似ドメインです。", 60);
			if (f != NULL)
				f->domain = host;
		}
		close = find_ci(gt, (size_t)(end - gt), "</a");
		if (close == NULL)
			break;
		if (text_names_other(gt + 1, (size_t)(close - gt - 1), host)) {
			f = add(c, "phishing", "high", "min.url.text_mismatch",
			    "A link's text shows one address but it leads to "
			    "another host.",
			    "リンクの表示と実際のリンク先のホストが異なります。", 70);
			if (f != NULL) {
				f->domain = host;
				f->url = arena_strndup(c->a, href,
				    strcspn(href, "\"' >") > 2000 ? 2000 :
				    strcspn(href, "\"' >"));
			}
		}
	}
}

static void
rule_sender(struct ctx *c, const cJSON *msg)
{
	const char	*from = addr_of(msg, "from"), *fd = domain_of(from);
	const cJSON	*rt = cJSON_GetObjectItemCaseSensitive(msg, "replyTo");
	const cJSON	*it;
	const char	*subj = jstr(msg, "subject");
	const char	*body = jstr(cJSON_GetObjectItemCaseSensitive(msg,
	    "body"), "content");
	struct engine_finding *f;
	static const char *money[] = { "gift card", "wire transfer",
	    "bank details", "bank account", "振込", "口座", "至急" };
	size_t		 i;
	int		 pay = 0;

	if (fd != NULL && find_ci(fd, strlen(fd), "xn--") != NULL)
		add(c, "impersonation", "high", "min.sender.punycode",
		    "The sender's domain is punycode (a look-alike).",
		    "差出人のドメインが Punycode の類似ドメインです。", 60);
	for (i = 0; i < nitems(money); i++)
		if ((subj != NULL && find_ci(subj, strlen(subj), money[i])) ||
		    (body != NULL && find_ci(body, strnlen(body, BODY_MAX),
		    money[i])))
			pay = 1;
	cJSON_ArrayForEach(it, rt) {
		const char *ra = jstr(cJSON_GetObjectItemCaseSensitive(it,
		    "emailAddress"), "address");
		const char *rd = domain_of(ra);

		if (pay && fd != NULL && rd != NULL && str_casecmp(fd, rd) != 0) {
			f = add(c, "impersonation", "high", "min.bec.reply_to",
			    "A payment request whose replies go to another "
			    "domain than the sender's.",
			    "支払いに関する依頼で、返信先が差出人と別のドメインです。",
			    60);
			if (f != NULL)
				f->domain = arena_strdup(c->a, rd);
		}
	}
}

static int
ext_is(const char *name, const char *const *exts, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (str_has_suffix_case(name, exts[i]))
			return 1;
	return 0;
}

static const char *const exe_exts[] = { ".exe", ".scr", ".js", ".jse",
	".vbs", ".vbe", ".wsf", ".hta", ".lnk", ".iso", ".img", ".bat",
	".cmd", ".ps1", ".com", ".pif", ".msi", ".jar" };
static const char *const macro_exts[] = { ".docm", ".xlsm", ".pptm",
	".dotm", ".xlam", ".html", ".htm", ".shtml", ".svg" };

static void
rule_zip(struct ctx *c, const char *att, const unsigned char *d, size_t n)
{
	struct engine_finding *f;
	size_t		 i;
	unsigned	 flags, nlen;
	char		 name[256];

	for (i = 0; i + 30 <= n; i++) {
		if (memcmp(d + i, "PK\003\004", 4) != 0)
			continue;
		flags = d[i + 6] | (unsigned)d[i + 7] << 8;
		nlen = d[i + 26] | (unsigned)d[i + 27] << 8;
		if (i + 30 + nlen > n || nlen == 0)
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)nlen,
		    (const char *)d + i + 30);
		if (flags & 1) {
			f = add(c, "risky_attachment", "medium", "min.att.zip_encrypted",
			    "An encrypted archive: its contents cannot be "
			    "checked.",
			    "暗号化された圧縮ファイルです。中身を検査できません。",
			    30);
			if (f != NULL)
				f->attachment_name = arena_strdup(c->a, att);
		}
		if (ext_is(name, exe_exts, nitems(exe_exts))) {
			f = add(c, "malware", "high", "min.att.zip_executable",
			    "An archive holding a program or script.",
			    "圧縮ファイルの中にプログラムまたはスクリプトがあります。",
			    80);
			if (f != NULL)
				f->attachment_name = arena_strdup(c->a, att);
		}
		i += 29 + nlen;
	}
}

static void
rule_attachments(struct ctx *c, const cJSON *atts)
{
	const cJSON	*it;
	struct engine_finding *f;
	static const char eicar[] = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE";

	cJSON_ArrayForEach(it, atts) {
		const char	*name = jstr(it, "name"), *type;
		const char	*b64 = jstr(it, "contentBytes");
		unsigned char	*d, h[32];
		char		 hex[65];
		size_t		 len = 0, bl;

		if (name == NULL)
			name = "";
		type = jstr(it, "contentType");
		if (ext_is(name, exe_exts, nitems(exe_exts))) {
			f = add(c, "malware", "high", "min.att.executable",
			    "An attached program, script or disk image.",
			    "プログラム、スクリプトまたはディスクイメージが添付されて"
			    "います。", 80);
			if (f != NULL)
				f->attachment_name = arena_strdup(c->a, name);
		} else if (ext_is(name, macro_exts, nitems(macro_exts))) {
			f = add(c, "risky_attachment", "medium", "min.att.risky_type",
			    "An attachment of a type often used for attacks "
			    "(macros, HTML).",
			    "攻撃によく使われる種類の添付ファイルです (マクロ、HTML)。",
			    40);
			if (f != NULL)
				f->attachment_name = arena_strdup(c->a, name);
		}
		if (b64 == NULL || (bl = strlen(b64)) > ATT_MAX / 3 * 4)
			continue;
		d = arena_alloc(c->a, bl / 4 * 3 + 3);
		if (sodium_base642bin(d, bl / 4 * 3 + 3, b64, bl, "\r\n", &len,
		    NULL, sodium_base64_VARIANT_ORIGINAL) != 0)
			continue;
		crypt_sha256(d, len, h);
		hex_encode(h, sizeof(h), hex);
		if (find_ci((const char *)d, len, eicar) != NULL) {
			f = add(c, "malware", "high", "min.att.eicar",
			    "An attachment carries the EICAR test signature.",
			    "添付ファイルに EICAR テスト署名が含まれています。", 100);
			if (f != NULL)
				f->attachment_name = arena_strdup(c->a, name);
		}
		if (len > 4 && memcmp(d, "PK\003\004", 4) == 0 &&
		    !str_has_suffix_case(name, "x"))
			rule_zip(c, name, d, len);
		/* Name, type and hash on the findings about this file. */
		for (size_t i = 0; i < c->n; i++)
			if (c->f[i].attachment_name != NULL &&
			    strcmp(c->f[i].attachment_name, name) == 0 &&
			    c->f[i].attachment_sha256 == NULL) {
				c->f[i].attachment_sha256 = arena_strdup(c->a,
				    hex);
				c->f[i].attachment_type = type != NULL ?
				    arena_strdup(c->a, type) : NULL;
			}
	}
}

int
impl_scan(struct impl_ctx *ec, struct arena *a, const cJSON *msg,
    const cJSON *atts, const char *mime, size_t mimelen,
    struct engine_result *r)
{
	struct ctx	 c;
	size_t		 i;
	int		 high = 0;

	(void)ec;
	(void)mime;
	(void)mimelen;
	memset(&c, 0, sizeof(c));
	c.a = a;
	rule_auth(&c, msg);
	rule_body(&c, msg);
	rule_sender(&c, msg);
	rule_attachments(&c, atts);
	memset(r, 0, sizeof(*r));
	r->score = c.score > 100 ? 100 : c.score;
	r->nfindings = c.n;
	if (c.n > 0) {
		r->findings = arena_alloc(a, c.n * sizeof(*r->findings));
		memcpy(r->findings, c.f, c.n * sizeof(*r->findings));
	}
	for (i = 0; i < c.n; i++)
		if (strcmp(c.f[i].severity, "high") == 0)
			high = 1;
	if (c.n == 0)
		r->verdict = ENGINE_CLEAN;
	else if (high || r->score >= 50)
		r->verdict = ENGINE_THREAT;
	else
		r->verdict = ENGINE_POTENTIAL;
	return 0;
}
