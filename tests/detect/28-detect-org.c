/*
 * 28-detect-org: the organisation per scan (detect_scan_set_org()): one
 * engine, as the runner has, and scans that each know their own tenant's
 * domains, people and correspondents; NULL keeps the engine's lists, an
 * empty list means none, a call replaces the one before, the strings are
 * copied, and one scan's lists never leak into another's; a subdomain
 * stands for its registrable domain, a tenant's onmicrosoft.com name for
 * itself and its SharePoint, a public suffix alone for no one, and free
 * mail for no one's correspondent.
 */
#include <stdio.h>
#include <string.h>

#include "detect.h"
#include "dtest.h"
#include "tap.h"
#include "util.h"

static int
has(const struct detect_result *r, const char *id)
{
	return dt_find(r, id) != NULL;
}

/* A plain mail from name <addr> with one link. */
static int
scan(struct detect_scan *s, const char *name, const char *addr,
    const char *link, const char *id)
{
	struct detect_result	 r;
	char			 m[1024];
	int			 n;

	n = snprintf(m, sizeof(m), "From: %s <%s>\r\nTo: taro@contoso.com\r\n"
	    "Subject: minutes of today\r\nMessage-ID: <1@x>\r\n"
	    "Date: Mon, 30 Nov 2026 10:00:00 +0900\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
	    "Hello, the minutes are here: %s\r\nRegards\r\n", name, addr,
	    link);
	if (n < 0 || (size_t)n >= sizeof(m) ||
	    detect_scan_mime(s, m, (size_t)n, NULL, &r) != 0)
		abort();
	return has(&r, id);
}

int
main(void)
{
	static const char *const eng_own[] = { "fabrikam.com", NULL };
	static const char *const none[] = { NULL };
	static const char *const own[] = { "contoso.com", NULL };
	static const char *const corr[] = { "northwindtraders.com", NULL };
	static const char *const tenant[] = { "jp.northwind.com",
	    "contoso.onmicrosoft.com", "com", NULL };
	struct detect_engine	*e;
	struct detect_scan	*s, *t;
	char			 pbuf[64], dbuf[64];
	const char		*people[] = { pbuf, NULL };
	const char		*own2[] = { dbuf, NULL };

	plan_lazy();
	if ((e = dt_engine(eng_own, NULL, NULL)) == NULL)
		return done_testing();
	s = detect_scan_new(e);
	t = detect_scan_new(e);

	/* The engine's lists, before any call. */
	ok(scan(s, "Sato", "sato@fabrikarn.com", "https://fabrikam.com/m",
	    "sender.lookalike_own"), "the engine's own domain is protected");
	ok(!scan(s, "Sato", "sato@c0ntoso.com", "https://c0ntoso.com/m",
	    "sender.lookalike_own"), "a domain the engine does not know is not");
	ok(!scan(s, "Yamada Taro", "yamada.taro@gmail.com",
	    "https://example.org/", "sender.display_person"),
	    "no people: a name is only a name");

	/* The scan's own lists; the strings are the caller's to reuse. */
	snprintf(pbuf, sizeof(pbuf), "Yamada Taro");
	snprintf(dbuf, sizeof(dbuf), "contoso.com");
	is_int(detect_scan_set_org(s, own2, people, corr), 0, "set the org");
	memset(pbuf, 'x', sizeof(pbuf) - 1);
	memset(dbuf, 'x', sizeof(dbuf) - 1);
	ok(scan(s, "Sato", "sato@c0ntoso.com", "https://example.org/",
	    "sender.lookalike_own"),
	    "a sender imitating the scan's own domain (strings copied)");
	ok(scan(s, "Sato", "sato@example.org", "https://c0nt0so.com/a",
	    "url.lookalike_own"), "a link imitating it");
	ok(scan(s, "Sato", "sato@example.org", "https://contoso-login.com/a",
	    "url.name_in_domain"), "a link to its name with words added");
	ok(!scan(s, "Sato", "sato@example.org",
	    "https://contoso.sharepoint.com/sites/team", "url.free_hosting"),
	    "its own SharePoint is not free hosting");
	ok(scan(t, "Sato", "sato@example.org",
	    "https://contoso.sharepoint.com/sites/team", "url.free_hosting"),
	    "to a scan that does not know the organisation, it may be");
	ok(!scan(s, "Sato", "sato@fabrikarn.com", "https://example.org/",
	    "sender.lookalike_own"), "the engine's own domain is replaced");
	ok(scan(s, "Yamada Taro", "yamada.taro@gmail.com",
	    "https://example.org/", "sender.display_person"),
	    "a user's name on an outside address");
	ok(scan(s, "YAMADA  Taro", "ceo-office@example.net",
	    "https://example.org/", "sender.display_person"),
	    "written otherwise, still the name");
	ok(!scan(s, "Yamada Taro", "yamada.taro@contoso.com",
	    "https://example.org/", "sender.display_person"),
	    "the same name from the organisation's own domain is fine");
	ok(scan(s, "Sato", "sato@example.org",
	    "https://northwlndtraders.com/inv", "url.lookalike_correspondent"),
	    "a link imitating a correspondent");
	ok(!scan(s, "Sato", "sato@northwindtraders.com",
	    "https://northwindtraders.com/inv", "url.lookalike_correspondent"),
	    "the correspondent itself is no look-alike");

	/* Another scan of the same engine sees none of it. */
	ok(!scan(t, "Sato", "sato@c0ntoso.com", "https://example.org/",
	    "sender.lookalike_own"), "another scan keeps the engine's lists");
	ok(!scan(t, "Yamada Taro", "yamada.taro@gmail.com",
	    "https://example.org/", "sender.display_person"),
	    "and knows none of the first scan's people");
	ok(scan(t, "Sato", "sato@fabrikarn.com", "https://example.org/",
	    "sender.lookalike_own"), "but the engine's own domain");

	/* NULL keeps the engine's; a call replaces the one before. */
	is_int(detect_scan_set_org(s, NULL, NULL, corr), 0,
	    "set correspondents only");
	ok(scan(s, "Sato", "sato@fabrikarn.com", "https://example.org/",
	    "sender.lookalike_own"), "own domains: the engine's again");
	ok(!scan(s, "Yamada Taro", "yamada.taro@gmail.com",
	    "https://example.org/", "sender.display_person"),
	    "people: the engine's (none) again");
	ok(scan(s, "Sato", "sato@example.org",
	    "https://northwlndtraders.com/inv", "url.lookalike_correspondent"),
	    "correspondents: the scan's");
	is_int(detect_scan_set_org(s, none, NULL, NULL), 0, "empty own list");
	ok(!scan(s, "Sato", "sato@fabrikarn.com", "https://example.org/",
	    "sender.lookalike_own"), "an empty list means none");
	ok(!scan(s, "Sato", "sato@example.org",
	    "https://northwlndtraders.com/inv", "url.lookalike_correspondent"),
	    "and the correspondents of the call before are gone");
	is_int(detect_scan_set_org(s, NULL, NULL, NULL), 0, "three NULLs");
	ok(scan(s, "Sato", "sato@fabrikarn.com", "https://example.org/",
	    "sender.lookalike_own"), "undo: the engine's lists");

	/* The domains M365 verifies: a subdomain, the tenant's own name. */
	snprintf(pbuf, sizeof(pbuf), "Yamada Taro");
	is_int(detect_scan_set_org(s, tenant, people, NULL), 0,
	    "a subdomain and an onmicrosoft.com name");
	ok(!scan(s, "Yamada Taro", "yamada.taro@contoso.onmicrosoft.com",
	    "https://example.org/", "sender.display_person"),
	    "a user of the tenant's onmicrosoft.com name is inside");
	ok(scan(s, "Yamada Taro", "yamada.taro@fabrikam.onmicrosoft.com",
	    "https://example.org/", "sender.display_person"),
	    "another tenant's is outside");
	ok(!scan(s, "Yamada Taro", "yamada.taro@northwind.com",
	    "https://northwind-my.sharepoint.com/personal/x",
	    "url.free_hosting"), "the tenant's own OneDrive");
	ok(!scan(s, "Sato", "sato@contoso.com", "https://example.org/",
	    "sender.lookalike_own"),
	    "a tenant's name is no domain that others imitate");
	ok(!scan(s, "Yamada Taro", "yamada.taro@northwind.com",
	    "https://example.org/", "sender.display_person"),
	    "jp.northwind.com given: northwind.com is the organisation's");
	ok(scan(s, "Sato", "sato@n0rthwind.com", "https://example.org/",
	    "sender.lookalike_own"), "and what imitates it is a look-alike");

	/* Free mail is no one's correspondent, however often written to
	 * (the runner counts a mailbox's Sent Items). */
	{
		static const char *const mixed[] = { "gmail.com",
		    "northwindtraders.com", NULL };

		is_int(detect_scan_set_org(s, own, NULL, mixed), 0,
		    "gmail.com among the correspondents");
		ok(!scan(s, "Sato", "sato@gmai1.com", "https://example.org/",
		    "sender.lookalike_correspondent"),
		    "gmail.com left out: its look-alike imitates no correspondent");
		ok(scan(s, "Sato", "sato@northwindtrader.com",
		    "https://example.org/", "sender.lookalike_correspondent"),
		    "the supplier beside it is one");
	}

	is_int(detect_scan_set_org(NULL, own, NULL, NULL), -1, "no scan: -1");
	detect_scan_free(t);
	/* Freed with the scan while still set (ASan: no leak). */
	detect_scan_set_org(s, own, people, corr);
	detect_scan_free(s);
	detect_engine_free(e);
	return done_testing();
}
