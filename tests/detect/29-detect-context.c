/*
 * 29-detect-context: what the context of a mail says about it, from the
 * false alarms and misses of the demo tenant (tools/eval's demo set),
 * on mail written here: a greeting by the reader's name that is also
 * the user name of the address, a colleague's name only as whole words
 * and of two words or more, the organisation's own SharePoint,
 * Exchange Online's own spam verdict, a domain that holds the
 * organisation's name with words added (weaker than a look-alike, and
 * weighed once when the mail links to its own domain), a change of bank
 * account written with the particle が, a Microsoft 365 tenant's name
 * that a machine made, a From domain that is no host name, and Graph's
 * headers for the spam verdict.
 */
#include <stdio.h>
#include <string.h>

#include "detect.h"
#include "dtest.h"
#include "tap.h"
#include "util.h"

static struct detect_scan	*S;
static struct detect_result	 R;

static int
has(const char *id)
{
	return dt_find(&R, id) != NULL;
}

/* Scan headers + a plain-text body. */
static void
scan(const char *hdrs, const char *body)
{
	char	 m[4096];
	int	 n;

	n = snprintf(m, sizeof(m), "%sDate: Mon, 30 Nov 2026 10:00:00 +0900\r\n"
	    "Message-ID: <1@x>\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n\r\n%s", hdrs, body);
	if (n < 0 || (size_t)n >= sizeof(m) ||
	    detect_scan_mime(S, m, (size_t)n, NULL, &R) != 0)
		abort();
}

static void
greeting(void)
{
	scan("From: Megan Bowen <megan@contoso.com>\r\n"
	    "To: Adele Vance <adele@contoso.com>\r\nSubject: notes\r\n",
	    "Hi Adele,\r\n\r\nThe notes are on the team site.\r\n");
	ok(!has("content.address_greeting"),
	    "\"Hi Adele\" to Adele Vance <adele@...>: a greeting by name");
	scan("From: IT <it@example.net>\r\nTo: adele@contoso.com\r\n"
	    "Subject: mailbox\r\n",
	    "Dear adele,\r\n\r\nYour mailbox is full.\r\n");
	ok(has("content.address_greeting"),
	    "\"Dear adele\" to a bare address: still the address's user name");
	scan("From: IT <it@example.net>\r\n"
	    "To: Adele Vance <avance@contoso.com>\r\nSubject: mailbox\r\n",
	    "Dear avance,\r\n\r\nYour mailbox is full.\r\n");
	ok(has("content.address_greeting"),
	    "\"Dear avance\" to Adele Vance <avance@...>: the user name");
	scan("From: IT <it@example.net>\r\nTo: lee@contoso.com\r\n"
	    "Subject: notes\r\n", "Hi Lee,\r\n\r\nSee you.\r\n");
	ok(!has("content.address_greeting"),
	    "\"Hi Lee\" to lee@...: Lee is one of the organisation's people");
}

static void
colleagues(void)
{
	scan("From: Lee Gu <lee.51d@outlook-mail.example>\r\n"
	    "To: adele@contoso.com\r\nSubject: request\r\n",
	    "Can you send me the customer list?\r\n");
	ok(has("sender.display_person"), "a colleague's name from outside");
	scan("From: Ashlee Gunther <ashlee@example.net>\r\n"
	    "To: adele@contoso.com\r\nSubject: request\r\n",
	    "Can you send me the catalogue?\r\n");
	ok(!has("sender.display_person"),
	    "\"Lee Gu\" inside \"Ashlee Gunther\" is not that name");
	scan("From: Sales Team <sales@vendor.example>\r\n"
	    "To: adele@contoso.com\r\nSubject: offer\r\n",
	    "Our offer for next month.\r\n");
	ok(!has("sender.display_person"),
	    "a one-word name (a shared mailbox's: Sales) is no person's");
}

static void
sharepoint(void)
{
	static const char *const link[] = {
		"https://contoso.sharepoint.com/sites/team/Shared%20Documents",
		"https://contoso-my.sharepoint.com/personal/adele/Documents",
		"https://contosojp.sharepoint.com/sites/sales",
	};
	static const char *const other[] = {
		"https://contosoo.sharepoint.com/sites/x",
		"https://contoso-files.sharepoint.com/x",
		"https://evil.sharepoint.com/:b:/g/contoso.sharepoint.com",
	};
	char	 body[256];
	size_t	 i;

	for (i = 0; i < nitems(link); i++) {
		snprintf(body, sizeof(body), "The file is here: %s\r\n",
		    link[i]);
		scan("From: Megan Bowen <megan@contoso.com>\r\n"
		    "To: Adele Vance <adele@contoso.com>\r\nSubject: file\r\n",
		    body);
		ok(!has("url.free_hosting"), "%s: the organisation's own",
		    link[i]);
	}
	for (i = 0; i < nitems(other); i++) {
		snprintf(body, sizeof(body), "The file is here: %s\r\n",
		    other[i]);
		scan("From: Megan Bowen <megan@contoso.com>\r\n"
		    "To: Adele Vance <adele@contoso.com>\r\nSubject: file\r\n",
		    body);
		ok(has("url.free_hosting"), "%s: someone else's", other[i]);
	}
}

/* Exchange Online's own verdict, the CAT field of the report it stamps
 * (the first one: a sender's own copy lower down is not read). */
static void
eop_categories(void)
{
	static const struct {
		const char	*report, *rule, *verdict, *what;
	} t[] = {
		{ "SCL:1;SFV:SFE;CAT:PHSH;", "auth.eop_phish", "potential",
		    "CAT:PHSH let through by a safe sender" },
		{ "SCL:9;SFV:SPM;CAT:HPHSH;", "auth.eop_high_phish", "threat",
		    "CAT:HPHSH" },
		{ "SCL:1;SFV:SKA;CAT:MALW;", "auth.eop_malware", "threat",
		    "CAT:MALW let through by a policy" },
		{ "SFV:NSPM;CAT:DIMP;SCL:1;", "auth.eop_impersonation",
		    "potential", "CAT:DIMP" },
		{ "SCL:1;SFV:NSPM;CAT:NONE;", NULL, "clean", "CAT:NONE" },
		{ "SCL:1;SFV:NSPM;XCAT:PHSH;SFS:(CAT:MALW);", NULL, "clean",
		    "CAT inside another field" },
		{ "SCL:1;CAT:NONE;\r\nX-Forefront-Antispam-Report: CAT:PHSH;",
		    NULL, "clean", "a second report below Exchange's own" },
	};
	static const char *const ids[] = { "auth.eop_phish",
	    "auth.eop_high_phish", "auth.eop_malware",
	    "auth.eop_impersonation" };
	char	 hdrs[512];
	size_t	 i, k;

	for (i = 0; i < nitems(t); i++) {
		int others = 0;

		snprintf(hdrs, sizeof(hdrs), "From: Payroll <pay@payroll."
		    "example.net>\r\nTo: adele@contoso.com\r\nSubject: "
		    "statement\r\nX-Forefront-Antispam-Report: %s\r\n",
		    t[i].report);
		scan(hdrs, "Your statement is ready.\r\n");
		for (k = 0; k < nitems(ids); k++)
			if (t[i].rule == NULL || strcmp(ids[k], t[i].rule) != 0)
				others += has(ids[k]);
		ok((t[i].rule == NULL || has(t[i].rule)) && others == 0,
		    "%s: %s", t[i].what, t[i].rule != NULL ? t[i].rule :
		    "no verdict of Exchange's");
		is_str(detect_verdict_name(R.verdict), t[i].verdict,
		    "%s: %s", t[i].what, t[i].verdict);
	}
	/* What let it through is said, in both languages. */
	scan("From: Payroll <pay@payroll.example.net>\r\nTo: "
	    "adele@contoso.com\r\nSubject: statement\r\n"
	    "X-Forefront-Antispam-Report: SCL:1;SFV:SFE;CAT:PHSH;\r\n",
	    "Your statement is ready.\r\n");
	{
		const struct detect_finding *f = dt_find(&R, "auth.eop_phish");

		ok(f != NULL && strstr(f->evidence[0], "CAT:PHSH, SFV:SFE") !=
		    NULL && strstr(f->evidence[0], "safe senders") != NULL &&
		    strstr(f->evidence[1], "差出人セーフ リスト") != NULL,
		    "the evidence names the category and the safe senders list "
		    "(%s)", f != NULL ? f->evidence[0] : "none");
	}
}

static void
eop(void)
{
	scan("From: Best Deals <promo@deals.example.net>\r\n"
	    "To: adele@contoso.com\r\nSubject: prices\r\n"
	    "X-MS-Exchange-Organization-SCL: 6\r\n",
	    "Big savings this week.\r\n");
	ok(has("auth.eop_spam"), "SCL 6: Exchange Online's spam");
	is_str(detect_verdict_name(R.verdict), "potential", "potential");
	scan("From: Best Deals <promo@deals.example.net>\r\n"
	    "To: adele@contoso.com\r\nSubject: prices\r\n"
	    "X-Forefront-Antispam-Report: CIP:192.0.2.1;CTRY:US;LANG:en;"
	    "SCL:5;SRV:;IPV:NLI;SFV:SPM;CAT:SPM;DIR:INB;\r\n",
	    "Big savings this week.\r\n");
	ok(has("auth.eop_spam"), "SCL:5 in X-Forefront-Antispam-Report");
	scan("From: Best Deals <promo@deals.example.net>\r\n"
	    "To: adele@contoso.com\r\nSubject: prices\r\n"
	    "X-Forefront-Antispam-Report: CIP:192.0.2.1; SCL: 6; CAT: PHSH;\r\n",
	    "Big savings this week.\r\n");
	ok(has("auth.eop_spam") && has("auth.eop_phish"), "SCL: 6 and "
	    "CAT: PHSH, spaces after the colons");
	scan("From: Megan Bowen <megan@contoso.com>\r\n"
	    "To: adele@contoso.com\r\nSubject: notes\r\n"
	    "X-MS-Exchange-Organization-SCL: -1\r\n"
	    "X-Forefront-Antispam-Report: SFV:SKI;BCL:5;PCL:7;\r\n",
	    "Notes attached.\r\n");
	ok(!has("auth.eop_spam"), "SCL -1 (internal) is no verdict, and "
	    "BCL or PCL are not SCL");
	eop_categories();
}

static void
name_in_domain(void)
{
	scan("From: News <news@mail.contoso-news-jp.com>\r\n"
	    "To: adele@contoso.com\r\nSubject: news\r\n",
	    "Our news: https://www.contoso-news-jp.com/news/ and "
	    "https://mail.contoso-news-jp.com/optout\r\n");
	ok(has("sender.name_in_domain"),
	    "the organisation's name with words added, from outside");
	ok(!has("sender.lookalike_own") && !has("url.lookalike_own"),
	    "is not a look-alike of it");
	ok(!has("url.name_in_domain"),
	    "and its links to its own domain do not count it twice");
	is_str(detect_verdict_name(R.verdict), "potential",
	    "a potential threat, not a threat");
	scan("From: News <news@contoso-news-jp.com>\r\n"
	    "To: adele@contoso.com\r\nSubject: news\r\n",
	    "Sign in: https://c0ntoso.com/login\r\n");
	ok(has("url.lookalike_own"), "a real look-alike link still is one");
	is_str(detect_verdict_name(R.verdict), "threat", "a threat");
}

static void
bank_ja(void)
{
	scan("From: =?UTF-8?B?57WM55CG6YOo?= <keiri@example.co.jp>\r\n"
	    "To: adele@contoso.com\r\n"
	    "Subject: =?UTF-8?B?5oyv6L685YWI44Gu44GK55+l44KJ44Gb?=\r\n",
	    "弊社の振込先口座が変更となりましたので、ご連絡いたします。\r\n");
	ok(has("content.payment_change"), "振込先口座が変更: a change of "
	    "bank account");
}

/* One From line per case: does the rule fire on it? */
struct from_case {
	const char	*from;
	int		 yes;
};

static void
from_cases(const struct from_case *t, size_t n, const char *rule,
    const char *yes, const char *no)
{
	char	 h[256];
	size_t	 i;

	for (i = 0; i < n; i++) {
		snprintf(h, sizeof(h), "From: %s\r\nTo: adele@contoso.com\r\n"
		    "Subject: hello\r\n", t[i].from);
		scan(h, "Hello.\r\n");
		is_int(has(rule), t[i].yes, "%s: %s", t[i].from,
		    t[i].yes ? yes : no);
	}
}

/* The name of a Microsoft 365 tenant: machine-made trial tenants, not
 * the names organisations choose. */
static void
tenants(void)
{
	static const struct from_case t[] = {
		{ "Support <4169158863407@9980080836134.onmicrosoft.com>", 1 },
		{ "Airdrop <a@yx2nqoz.onmicrosoft.com>", 1 },
		{ "Airdrop <a@vahk1237rh.onmicrosoft.com>", 1 },
		{ "Airdrop <a@d5m5rl7x.onmicrosoft.com>", 1 },
		{ "Airdrop <a@sdhbsvjldmopsf.onmicrosoft.com>", 1 },
		/* developer sandboxes are named by a machine too */
		{ "Dev <dev@m365x12345678.onmicrosoft.com>", 1 },
		{ "Sales <sales@fabrikam365.onmicrosoft.com>", 0 },
		{ "Sales <sales@northwindtraders.onmicrosoft.com>", 0 },
		{ "Sales <sales@contoso2019ltd.onmicrosoft.com>", 0 },
		{ "IT <it@tailspin.onmicrosoft.com>", 0 },
		{ "Team <hi@team4you.onmicrosoft.com>", 0 },

	};

	from_cases(t, nitems(t), "sender.random_domain",
	    "a machine-made tenant", "a tenant named by people");
}

/* A From whose domain is no host name on the Internet. */
static void
from_host(void)
{
	static const struct from_case t[] = {
		{ "Aviso <a@naoresponder70129%atendimento.com>", 1 },
		{ "Aviso <a@resgate__livelo.com.br>", 1 },
		{ "\"Security Team\" <>", 1 },
		{ "C. Lee <leet@leenx.co.za>", 0 },
		{ "Anna <anna@example.co.uk>", 0 },
		{ "Jan <jan@xn--bcher-kva.de>", 0 },
		{ "Jan <jan@[192.0.2.1]>", 0 },
		/* a top-level domain of no one's is not judged */
		{ "Scanner <scan@printer.contoso.local>", 0 },
		{ "Adele <adele@contoso.example>", 0 },
	};

	from_cases(t, nitems(t), "sender.several_from", "no host name",
	    "a host's name");
}

static void
graph(void)
{
	static const char msg[] = "{\"subject\":\"prices\",\"from\":"
	    "{\"emailAddress\":{\"name\":\"Deals\",\"address\":"
	    "\"promo@deals.example.net\"}},\"toRecipients\":[{\"emailAddress\":"
	    "{\"address\":\"adele@contoso.com\"}}],\"internetMessageHeaders\":"
	    "[{\"name\":\"X-MS-Exchange-Organization-SCL\",\"value\":\"9\"}],"
	    "\"body\":{\"contentType\":\"text\",\"content\":\"Big savings.\"}}";
	cJSON	*j = cJSON_Parse(msg);

	if (j == NULL)
		abort();
	if (detect_scan_graph(S, j, NULL, NULL, 0, NULL, &R) != 0)
		abort();
	ok(has("auth.eop_spam"), "the SCL from Graph's internetMessageHeaders");
	cJSON_Delete(j);
	j = cJSON_Parse("{\"subject\":\"statement\",\"from\":"
	    "{\"emailAddress\":{\"address\":\"pay@payroll.example.net\"}},"
	    "\"internetMessageHeaders\":[{\"name\":"
	    "\"X-Forefront-Antispam-Report\",\"value\":"
	    "\"SCL:1;SFV:SFE;CAT:PHSH;\"}],\"body\":{\"contentType\":"
	    "\"text\",\"content\":\"Your statement.\"}}");
	if (j == NULL || detect_scan_graph(S, j, NULL, NULL, 0, NULL, &R) != 0)
		abort();
	ok(has("auth.eop_phish"), "Exchange's CAT from Graph's "
	    "internetMessageHeaders");
	cJSON_Delete(j);
}

int
main(void)
{
	static const char *const own[] = { "contoso.com",
	    "contosojp.onmicrosoft.com", NULL };
	static const char *const people[] = { "Lee Gu", " Sales ", NULL };
	struct detect_engine	*e;

	plan_lazy();
	if ((e = dt_engine(own, NULL, people)) == NULL)
		return done_testing();
	S = detect_scan_new(e);
	greeting();
	colleagues();
	sharepoint();
	eop();
	name_in_domain();
	bank_ja();
	tenants();
	from_host();
	graph();
	detect_scan_free(S);
	detect_engine_free(e);
	return done_testing();
}
