/*
 * 22-detect-url: URL parsing and normalisation as a browser reads URLs,
 * extraction from text (Japanese sentences around them included),
 * registrable domains, look-alikes of protected domains, machine-made
 * names, and the HTML scanner (links with their text, forms, hidden
 * text, smuggling).
 */
#include <stdio.h>
#include <string.h>

#include "dtest.h"
#include "internal.h"
#include "tap.h"
#include "util.h"

static struct detect_scan *S;

static void
parse(void)
{
	static const struct {
		const char	*in, *url, *host, *domain;
		int		 ip;
	} t[] = {
		{ "HTTPS://WWW.Example.COM/a?b=1#c",
		    "https://www.example.com/a?b=1#c", "www.example.com",
		    "example.com", 0 },
		{ "http:\\\\evil.example.co.uk\\path\\x",
		    "http://evil.example.co.uk/path/x", "evil.example.co.uk",
		    "example.co.uk", 0 },
		{ "https:/ /login.example.org", NULL, NULL, NULL, 0 },
		{ "http://3232235777/x", "http://192.168.1.1/x", "192.168.1.1",
		    "192.168.1.1", 1 },
		{ "http://0xC0.0xA8.1.1/", "http://192.168.1.1/", "192.168.1.1",
		    "192.168.1.1", 1 },
		{ "http://0300.0250.01.01/", "http://192.168.1.1/",
		    "192.168.1.1", "192.168.1.1", 1 },
		{ "https://www.paypal.com@evil.example.net/",
		    "https://www.paypal.com@evil.example.net/",
		    "evil.example.net", "example.net", 0 },
		{ "www.example.com/page", "http://www.example.com/page",
		    "www.example.com", "example.com", 0 },
		{ "hxxps://bad.example.com/", "https://bad.example.com/",
		    "bad.example.com", "example.com", 0 },
		{ "https://例え.jp/", "https://xn--r8jz45g.jp/",
		    "xn--r8jz45g.jp", "xn--r8jz45g.jp", 0 },
		{ "https://example\xe3\x80\x82" "com/", "https://example.com/",
		    "example.com", "example.com", 0 },
		{ "https://ex%61mple.com:443/", "https://example.com/",
		    "example.com", "example.com", 0 },
		{ "https://example.com:8443/", "https://example.com:8443/",
		    "example.com", "example.com", 0 },
		{ "https://foo.web.app/x", "https://foo.web.app/x",
		    "foo.web.app", "foo.web.app", 0 },
		{ "ht\ttps://exa\nmple.com/", "https://example.com/",
		    "example.com", "example.com", 0 },
		{ "mailto:a@example.com", NULL, NULL, NULL, 0 },
		{ "/relative/path", NULL, NULL, NULL, 0 },
		{ "https://exa mple.com/", NULL, NULL, NULL, 0 },
		{ "https://intranet/", NULL, NULL, NULL, 0 },
		/* What a browser strips or maps before it reads the URL:
		 * control characters and spaces round it, full-width and
		 * circled digits, zeros before an octal part however many,
		 * IPv6 literals (public or mapping IPv4). */
		{ "\x01\x0c\x1f http://203.0.113.7/a\x02 ",
		    "http://203.0.113.7/a", "203.0.113.7", "203.0.113.7", 1 },
		{ "http://\xef\xbc\x92\xef\xbc\x90\xef\xbc\x93.0."
		    "\xef\xbc\x91\xef\xbc\x91\xef\xbc\x93.7/",
		    "http://203.0.113.7/", "203.0.113.7", "203.0.113.7", 1 },
		{ "http://\xe2\x91\xa1\xe2\x93\xaa\xe2\x91\xa2.0.113.7/",
		    "http://203.0.113.7/", "203.0.113.7", "203.0.113.7", 1 },
		{ "http://000000000000000000000000000313.0.0161.07/",
		    "http://203.0.113.7/", "203.0.113.7", "203.0.113.7", 1 },
		{ "http://[2001:db8::1]/x", "http://[2001:db8::1]/x",
		    "[2001:db8::1]", "[2001:db8::1]", 1 },
	};
	size_t	 i;

	for (i = 0; i < nitems(t); i++) {
		struct durl	 d;
		int		 r = url_parse(S, t[i].in, strlen(t[i].in), &d);

		if (t[i].url == NULL) {
			is_int(r, -1, "rejected: %s", t[i].in);
			continue;
		}
		if (!ok(r == 0, "parsed: %s", t[i].in))
			continue;
		is_str(d.url, t[i].url, "url of %s", t[i].in);
		is_str(d.host, t[i].host, "host of %s", t[i].in);
		is_str(d.domain, t[i].domain, "domain of %s", t[i].in);
		is_int(d.is_ip, t[i].ip, "ip of %s", t[i].in);
	}
	{
		struct durl	 d;
		struct buf	 b;

		/* 5,000 blanks and line breaks before the scheme: stripped
		 * before the URL's first 4 KB are taken. */
		buf_init(&b, 16384);
		for (i = 0; i < 2500; i++)
			buf_adds(&b, " \n");
		buf_adds(&b, "ht\ntp://203.0.113.7/b");
		ok(url_parse(S, b.ptr, b.len, &d) == 0 && d.is_ip &&
		    strcmp(d.url, "http://203.0.113.7/b") == 0,
		    "a URL after 5,000 blanks");
		buf_release(&b);
	}
	{
		struct durl	 d;
		const char	*u = "javascript:alert(1)";

		is_int(url_parse(S, u, strlen(u), &d), 0, "javascript: kept");
		is_str(d.scheme, "javascript", "its scheme");
		ok(d.host == NULL, "and no host");
	}
}

static void
extract(void)
{
	static const char text[] =
	    "See https://a.example.com/x.html, or (https://b.example.com/y). "
	    "詳しくはhttps://c.example.jp/をクリック。Also www.d.example.org. "
	    "Not:http//e.example.com nor example.com/z. "
	    "Wiki: https://en.example.org/wiki/Foo_(bar) end";
	static const char *const want[] = { "https://a.example.com/x.html",
	    "https://b.example.com/y", "https://c.example.jp/",
	    "http://www.d.example.org", "https://en.example.org/wiki/Foo_(bar)" };
	size_t	 i;

	S->nu = 0;
	hset_init(&S->useen, &S->a);
	url_scan_text(S, text, strlen(text), UO_TEXT, NULL);
	is_int(S->nu, nitems(want), "%zu URLs found in text", nitems(want));
	for (i = 0; i < S->nu && i < nitems(want); i++)
		is_str(S->u[i].url, want[i], "URL %zu", i);
	url_scan_text(S, text, strlen(text), UO_TEXT, NULL);
	is_int(S->nu, nitems(want), "the same URLs are kept once");
}

static void
lookalike(void)
{
	static const struct {
		const char	*url;
		const char	*imitates;	/* NULL: none */
		int		 words;		/* the name with words added, or
						   in front of a shared
						   service's domain: weaker */
	} t[] = {
		{ "https://c0ntoso.com/", "contoso.com", 0 },
		{ "https://contoso.co/", "contoso.com", 0 },
		{ "https://contoso-hr.com/", "contoso.com", 1 },
		{ "https://fabrikam-billing.com/", "fabrikam.com", 1 },
		{ "https://rnicrosoft.com/", "microsoft.com", 0 },
		{ "https://paypa1.com/", "paypal.com", 0 },
		{ "https://p\xd0\xb0ypal.com/", "paypal.com", 0 },
		{ "https://micros0ft-login.com/", "microsoft.com", 0 },
		/* A name of five letters, disguised, where a word begins;
		 * inside another word it is that word's ("carnell" reads
		 * "camell" and holds "ameli"). */
		{ "https://amel1-remboursement.com/", "ameli.fr", 0 },
		{ "https://secure-amel1.com/", "ameli.fr", 0 },
		{ "https://brian.carnell.com/", NULL, 0 },
		{ "https://fabrikan.com/", "fabrikam.com", 0 },
		{ "https://www.microsoft.com/", NULL, 0 },
		{ "https://login.microsoftonline.com/", NULL, 0 },
		{ "https://www.amazon.co.jp/", NULL, 0 },
		{ "https://lindows.com/", NULL, 0 },
		{ "https://contoso.com/", NULL, 0 },
		{ "https://example.com/", NULL, 0 },
		{ "https://paypal-community.example.org/", NULL, 0 },
		/* The whole domain in front of another registered under a
		 * top-level domain; under a cloud's suffix, dynamic DNS or a
		 * brand's hosting (the organisation's own naming, or anyone's)
		 * weaker; under no top-level domain, a directory's name. */
		{ "https://contoso.com.mail-secure.net/", "contoso.com", 0 },
		{ "https://contoso.com.xy.net/", "contoso.com", 0 },
		{ "https://contoso.com.s3.amazonaws.com/", "contoso.com", 1 },
		{ "https://contoso.com.files.ddns.net/", "contoso.com", 1 },
		{ "https://contoso.com.x.s3.eu-south-2.amazonaws.com/",
		  "contoso.com", 1 },
		{ "http://intranet.contoso.com.local/", NULL, 0 },
		/* Tenants: only a name disguised, also as the tenant's mail
		 * routing name; a digit or a word added is the organisation's
		 * own tenant as likely. */
		{ "https://c0ntoso.onmicrosoft.com/", "contoso.com", 0 },
		{ "https://c0ntoso.mail.onmicrosoft.com/", "contoso.com", 0 },
		{ "https://contoso1.onmicrosoft.com/", NULL, 0 },
		{ "https://comtoso.onmicrosoft.com/", "contoso.com", 0 },
		{ "https://conntoso.onmicrosoft.com/", "contoso.com", 0 },
		{ "https://contosogroup.onmicrosoft.com/", NULL, 0 },
		{ "https://fabrikam1.onmicrosoft.com/", NULL, 0 },
		/* Two brands one letter apart imitate neither. */
		{ "https://www.paypal.com/", NULL, 0 },
		{ "https://www.paypay.ne.jp/", NULL, 0 },
	};
	size_t	 i;

	for (i = 0; i < nitems(t); i++) {
		struct durl		 d;
		const struct protect	*p;
		enum look_kind		 how = LK_NONE;
		int			 words;

		if (!ok(url_parse(S, t[i].url, strlen(t[i].url), &d) == 0,
		    "parse %s", t[i].url))
			continue;
		p = dom_lookalike(S, d.host, d.uhost, d.domain, &how);
		words = LOOK_WEAK(how);
		if (t[i].imitates == NULL)
			ok(p == NULL, "%s imitates nothing (%s)", t[i].url,
			    p ? p->domain : "-");
		else {
			is_str(p ? p->domain : NULL, t[i].imitates,
			    "%s imitates %s (%s)", t[i].url, t[i].imitates,
			    look_how(how, 0));
			is_int(words, t[i].words, "%s: %s", t[i].url,
			    t[i].words ? "only the name with words added" :
			    "a look-alike, not only the name");
		}
	}
	/* Answers are kept for the message: the same host asked again is
	 * answered the same, and the organisation's lists changed are
	 * asked afresh (what was kept pointed into the old lists). */
	{
		static const char *const own2[] = { "northwind.example",
		    NULL };
		struct durl		 d;
		const struct protect	*p, *q;
		enum look_kind		 how = LK_NONE, how2 = LK_NONE;
		int			 k;

		if (url_parse(S, "https://c0ntoso.com/", 20, &d) != 0)
			abort();
		p = dom_lookalike(S, d.host, d.uhost, d.domain, &how);
		q = dom_lookalike(S, d.host, d.uhost, d.domain, &how2);
		ok(p != NULL && p == q && how == how2 && how != LK_NONE,
		    "the same host asked twice: the same answer (%s)",
		    look_how(how2, 0));
		if (detect_scan_set_org(S, own2, NULL, NULL) != 0)
			abort();
		p = dom_lookalike(S, d.host, d.uhost, d.domain, &how);
		ok(p == NULL, "contoso.com no longer the organisation's: "
		    "c0ntoso.com imitates nothing (%s)", p ? p->domain : "-");
		if (url_parse(S, "https://n0rthwind.example/", 26, &d) != 0)
			abort();
		p = dom_lookalike(S, d.host, d.uhost, d.domain, &how);
		is_str(p ? p->domain : NULL, "northwind.example",
		    "the new organisation's domain is imitated");
		/* The same name under another top-level domain: a slip of
		 * a generic one (fabrikam.co for fabrikam.com) whatever the
		 * order of the lists; between countries' domains or under
		 * a country's second level, another country's. */
		{
			static const char *const corr3[] = { "fabrikam.de",
			    "fabrikam.com", NULL };
			static const struct {
				const char	*url;
				enum look_kind	 how;
			} sl[] = {
				{ "https://fabrikam.co/", LK_TLD_SLIP },
				{ "https://fabrikam.cm/", LK_TLD_SLIP },
				{ "https://fabrikam.be/", LK_OTHER_TLD },
				{ "https://fabrikam.com.au/", LK_OTHER_TLD },
				{ "https://fabrikam.fr/", LK_OTHER_TLD },
			};
			size_t j;

			if (detect_scan_set_org(S, own2, corr3, NULL) != 0)
				abort();
			for (j = 0; j < nitems(sl); j++) {
				if (url_parse(S, sl[j].url, strlen(sl[j].url),
				    &d) != 0)
					abort();
				p = dom_lookalike(S, d.host, d.uhost, d.domain,
				    &how);
				ok(p != NULL && how == sl[j].how, "%s: %s "
				    "(%s)", sl[j].url, look_how(sl[j].how, 0),
				    p ? look_how(how, 0) : "-");
			}
		}
		/* A brand's real domain imitates no correspondent's of
		 * the same name. */
		{
			static const char *const corr2[] = { "amazon.co.jp",
			    NULL };

			if (detect_scan_set_org(S, own2, corr2, NULL) != 0 ||
			    url_parse(S, "https://www.amazon.com/", 23,
			    &d) != 0)
				abort();
			p = dom_lookalike(S, d.host, d.uhost, d.domain, &how);
			ok(p == NULL, "amazon.com beside the correspondent "
			    "amazon.co.jp imitates nothing (%s)",
			    p ? p->domain : "-");
		}
		if (detect_scan_set_org(S, NULL, NULL, NULL) != 0)
			abort();
		if (url_parse(S, "https://c0ntoso.com/", 20, &d) != 0)
			abort();
		p = dom_lookalike(S, d.host, d.uhost, d.domain, &how);
		is_str(p ? p->domain : NULL, "contoso.com",
		    "back to the engine's lists: contoso.com imitated again");
		/* The arena reset under them (as the next message does):
		 * the kept answers went with it, none read. */
		for (k = 0; k < 3; k++) {
			scan_begin(S);
			if (url_parse(S, k == 1 ? "https://paypa1.com/" :
			    "https://c0ntoso.com/", 20 - (k == 1), &d) != 0)
				abort();
			p = dom_lookalike(S, d.host, d.uhost, d.domain, &how);
			is_str(p ? p->domain : NULL, k == 1 ? "paypal.com" :
			    "contoso.com", "after an arena reset: %s", d.host);
		}
	}
	ok(dom_random("asdhbsvjldmopsfjij4.geonational.live"),
	    "a machine-made label");
	ok(!dom_random("mail.northwindbooks.com") &&
	    !dom_random("searchwin2000.techtarget.com") &&
	    !dom_random("strengths.example.com"), "words are not random");
	ok(dom_random("r.a.g.n.a.r.r.65.whitte.example") &&
	    dom_random("b.r.a.b.o.s.r.1.example.beauty"),
	    "a name spelt out in one-letter labels");
	ok(!dom_random("a.b.c.example.com") && !dom_random("x.1.2.3.example") &&
	    !dom_random("1.2.3.4.in-addr.arpa"),
	    "three one-letter labels, or digits, are not");
}

/* Display names written to look like a brand's, and names that are not. */
static void
disguised(void)
{
	static const struct {
		const char	*name;		/* normalised (lower case) */
		const char	*brand;		/* NULL: none */
	} t[] = {
		{ "lcioud almacenamiento", "Apple" },
		{ "trust waiiet", "Trust Wallet" },
		{ "paypa1 service", "PayPal" },
		{ "arnazon prime", "Amazon" },
		{ "icloud", "Apple" },
		{ "cloud storage team", NULL },
		{ "walter wallet", NULL },
		/* one letter dropped, swapped or doubled, in a whole word */
		{ "conta microsft - atendimento", "Microsoft" },
		{ "amzaon prime", "Amazon" },
		{ "paypall service", "PayPal" },
		{ "netflx", "Netflix" },
		/* and what is not one: words, singulars, the first letter,
		 * weak names, short names, parts of longer words */
		{ "papal nuncio", NULL },
		{ "revolt records", NULL },
		{ "john barclay", NULL },
		{ "correo de juan", NULL },
		{ "tunes weekly", NULL },
		{ "outlok team", NULL },
		{ "costo zero", NULL },
		{ "microsftware", NULL },
		{ "gogl", NULL },
		{ "anna marriot", NULL },
		{ "楽天 ポイント", NULL },
		{ "田中 太郎", NULL },
	};
	size_t	 i;

	for (i = 0; i < nitems(t); i++) {
		int b = brand_find_disguised(S->eng, t[i].name);

		is_str(b >= 0 ? S->eng->brands[b].name : NULL, t[i].brand,
		    "disguised brand in \"%s\"", t[i].name);
	}
}

static void
html(void)
{
	static const char h[] =
	    "<html><head><style>.x{background:url('https://css.example.com/b.png')}"
	    "</style><meta http-equiv=\"refresh\" content=\"0; URL='https://"
	    "refresh.example.net/go'\"></head><body>"
	    "<p>Visible &amp; text</p>"
	    "<div style=\"display:none\">hidden words here</div>"
	    "<a href=\"https://evil.example.net/login\">https://www.paypal.com"
	    "</a><a href='https://ok.example.com/'><img src=\"https://img."
	    "example.com/a.png\"></a>"
	    "<form action=\"https://collect.example.net/post.php\">"
	    "<input type=\"password\" name=\"p\"></form>"
	    "<a href=\"mailto:someone@gmail.com?subject=x\">mail</a>"
	    "<script>var d=atob('QUJD');var b=new Blob([d]);"
	    "location.href='https://script.example.net/x';</script>"
	    "<a href=\"https://unclosed.example.com/\">unclosed";
	struct html_info	 hi;
	struct buf		 vis;
	size_t			 i;
	int			 seen = 0;

	S->nu = 0;
	hset_init(&S->useen, &S->a);
	memset(&hi, 0, sizeof(hi));
	buf_init(&vis, 1 << 16);
	html_scan(S, h, strlen(h), NULL, &vis, &hi);
	ok(strstr(vis.ptr, "Visible & text") != NULL, "visible text decoded");
	ok(strstr(vis.ptr, "hidden words") == NULL, "hidden text kept apart");
	is_int(hi.hidden, 15, "hidden characters counted");
	is_int(hi.pw_inputs, 1, "password field");
	is_str(hi.form_action, "https://collect.example.net/post.php",
	    "form action of the password form");
	is_str(hi.mailto, "someone@gmail.com", "mailto address");
	ok((hi.smuggle & (HS_ATOB | HS_BLOB)) == (HS_ATOB | HS_BLOB),
	    "atob and Blob seen");
	is_int(hi.linked_images, 1, "linked image");
	ok(hi.redirect != NULL, "a redirect (meta refresh or script)");
	for (i = 0; i < S->nu; i++) {
		if (strcmp(S->u[i].url, "https://evil.example.net/login") == 0) {
			is_str(S->u[i].text, "https://www.paypal.com",
			    "link text kept with its link");
			is_int(S->u[i].origin, UO_HREF, "href origin");
			seen |= 1;
		}
		if (strcmp(S->u[i].url, "https://css.example.com/b.png") == 0)
			seen |= 2;
		if (strcmp(S->u[i].url, "https://refresh.example.net/go") == 0)
			seen |= 4;
		if (strcmp(S->u[i].url, "https://script.example.net/x") == 0)
			seen |= 8;
		if (strcmp(S->u[i].url, "https://unclosed.example.com/") == 0)
			seen |= 16;
	}
	is_int(seen, 31, "links, CSS, meta refresh, script and unclosed links "
	    "found");
	buf_release(&vis);
}

/*
 * Links and forms a mail client shows that the scanner once missed
 * (review 22): what Outlook's desktop program shows inside its
 * conditional comments (VML buttons included), comments ended by "--!>"
 * or "<!-->", a 65th attribute, a form feed after a name, character
 * references of HTML5's whole table or of many digits, control
 * characters before the scheme, a <style> inside SVG, <base href>,
 * refresh without "url=", a masked text field, a button's formaction;
 * and what a browser does not show stays unread (<!--[if !mso]>).
 */
static void
evasions(void)
{
	static const struct {
		const char	*html, *url, *text, *what;
		int		 pw;
	} t[] = {
		{ "<!--[if mso]><a href=\"http://a1.example.com/\">Open</a>"
		  "<![endif]-->", "http://a1.example.com/", "Open",
		  "<!--[if mso]>", 0 },
		{ "<!--[if gte mso 9]><v:roundrect xmlns:v=\"urn:schemas-"
		  "microsoft-com:vml\" href=\"http://a2.example.com/\">"
		  "<center>Log in</center></v:roundrect><![endif]-->",
		  "http://a2.example.com/", "Log in", "a VML button", 0 },
		{ "<!--[if mso]><form action=\"http://a3.example.com/p\">"
		  "<input type=password></form><!-->after",
		  "http://a3.example.com/p", NULL,
		  "a form for Outlook, the block closed by <!-->", 1 },
		{ "<!--[if !mso]><a href=\"http://no1.example.com/\">x</a>"
		  "<![endif]-->", NULL, NULL, "<!--[if !mso]> stays a comment",
		  0 },
		{ "<!-- x --!><a href=\"http://a4.example.com/\">x</a><!-- "
		  "-->", "http://a4.example.com/", "x", "--!> ends a comment",
		  0 },
		{ "<!--><a href=\"http://a5.example.com/\">x</a><!-- -->",
		  "http://a5.example.com/", "x", "<!--> is a comment", 0 },
		{ "<!-- <a href=\"http://no2.example.com/\">x</a> -->", NULL,
		  NULL, "a comment", 0 },
		{ "<a href\f=\"http://a6.example.com/\">x</a>",
		  "http://a6.example.com/", "x", "a form feed after href", 0 },
		{ "<a href=\"&#x0000000068;ttp://a7.example.com/\">x</a>",
		  "http://a7.example.com/", "x", "a reference of 10 digits", 0 },
		{ "<a href=\"ht&Tab;tp://a8.ex&NewLine;ample.com/\">x</a>",
		  "http://a8.example.com/", "x", "&Tab; and &NewLine;", 0 },
		{ "<a href=\"http:&bsol;&bsol;a9.example.com/\">x</a>",
		  "http://a9.example.com/", "x", "&bsol;", 0 },
		{ "<a href=\"https://&eopf;xample.com/\">x</a>",
		  "https://example.com/", "x", "&eopf; (a letter of HTML5's "
		  "table)", 0 },
		{ "<a href=\"&#1;&#12; http://a10.example.com/\">x</a>",
		  "http://a10.example.com/", "x", "control characters first",
		  0 },
		{ "<svg><style><p><a href=\"http://a11.example.com/\">x</a>"
		  "</style></svg>", "http://a11.example.com/", NULL,
		  "a <style> inside SVG holds markup", 0 },
		{ "<base href=\"http://a12.example.com/dir/page.html\"><a "
		  "href=\"login?x=1\">x</a>",
		  "http://a12.example.com/dir/login?x=1", "x",
		  "<base href>, a relative link", 0 },
		{ "<base href=\"http://a13.example.com/dir/\"><a href=\"/root"
		  "\">x</a>", "http://a13.example.com/root", "x",
		  "<base href>, a path from the root", 0 },
		{ "<meta http-equiv=refresh content=\"0; http://a14.example."
		  "com/\">", "http://a14.example.com/", NULL,
		  "refresh without url=", 0 },
		{ "<meta http-equiv=refresh content=\"0, URL = 'http://a15."
		  "example.com/'\">", "http://a15.example.com/", NULL,
		  "refresh of 'URL = ...'", 0 },
		{ "<form action=\"http://a16.example.com/\"><input style=\""
		  "-webkit-text-security:disc\"></form>",
		  "http://a16.example.com/", NULL, "a masked text field", 1 },
		{ "<form><input type=submit formaction=\"http://a17.example."
		  "com/\"></form>", "http://a17.example.com/", NULL,
		  "a submit button's formaction", 0 },
	};
	struct html_info	 hi;
	struct buf		 b;
	size_t			 i, j;

	for (i = 0; i < nitems(t); i++) {
		const struct durl *u = NULL;

		S->nu = 0;
		hset_init(&S->useen, &S->a);
		memset(&hi, 0, sizeof(hi));
		html_scan(S, t[i].html, strlen(t[i].html), NULL, NULL, &hi);
		for (j = 0; j < S->nu; j++)
			if (t[i].url != NULL && strcmp(S->u[j].url,
			    t[i].url) == 0)
				u = &S->u[j];
		if (t[i].url == NULL)
			is_int(S->nu, 0, "%s: no link read", t[i].what);
		else if (ok(u != NULL, "%s: %s read", t[i].what, t[i].url) &&
		    t[i].text != NULL)
			is_str(u->text, t[i].text, "%s: its text", t[i].what);
		is_int(hi.pw_inputs, t[i].pw, "%s: password fields",
		    t[i].what);
	}

	/* The text of a part as a browser decodes it: ISO-2022-JP's
	 * escapes read even where they switch only to ASCII, a byte order
	 * mark before the label. */
	{
		size_t		 n;
		const char	*u;

		u = text_to_utf8(&S->a, "iso-2022-jp", "ht\x1b(Btp://x",
		    11, 64, &n);
		is_str(u, "http://x", "ISO-2022-JP: an escape to ASCII "
		    "inside a word");
		u = text_to_utf8(&S->a, "utf-8", "\xff\xfeh\0t\0t\0p\0", 10,
		    64, &n);
		ok(u != NULL && strstr(u, "http") != NULL,
		    "a UTF-16 byte order mark under a UTF-8 label");
		u = text_to_utf8(&S->a, "utf-16", "\xef\xbb\xbfhttp", 7, 64,
		    &n);
		ok(u != NULL && strstr(u, "http") != NULL,
		    "a UTF-8 byte order mark under a UTF-16 label");
	}

	/* An href as the 65th attribute. */
	buf_init(&b, 4096);
	buf_adds(&b, "<a");
	for (i = 0; i < 64; i++)
		buf_addf(&b, " data-x%zu=1", i);
	buf_adds(&b, " href=\"http://a18.example.com/\">x</a><input");
	for (i = 0; i < 70; i++)
		buf_addf(&b, " data-y%zu=1", i);
	buf_adds(&b, " type=password>");
	S->nu = 0;
	hset_init(&S->useen, &S->a);
	memset(&hi, 0, sizeof(hi));
	html_scan(S, b.ptr, b.len, NULL, NULL, &hi);
	ok(S->nu == 1 && strcmp(S->u[0].url, "http://a18.example.com/") == 0,
	    "an href as the 65th attribute");
	is_int(hi.pw_inputs, 1, "type=password as the 71st attribute");
	buf_release(&b);
}

/* Whole mails: an IPv6 literal is a bare address unless it is on no
 * public network; link text after a no-break space is still a domain
 * shown. */
static void
in_mail(void)
{
	static const struct {
		const char	*a, *rule, *what;
		int		 fires;
	} t[] = {
		{ "<a href=\"http://[2001:db8::7]/login\">Sign in</a>",
		  "url.ip_literal", "a public IPv6 literal", 1 },
		{ "<a href=\"http://[::ffff:203.0.113.7]/login\">Sign in</a>",
		  "url.ip_literal", "IPv6 mapping a public IPv4", 1 },
		{ "<a href=\"http://[::1]/login\">Sign in</a>",
		  "url.ip_literal", "IPv6 loopback", 0 },
		{ "<a href=\"https://account-review.example/login\">\xc2\xa0"
		  "https://www.paypal.com/signin\xc2\xa0</a>",
		  "url.text_mismatch_brand", "a shown domain between no-break "
		  "spaces", 1 },
	};
	struct buf		 b;
	struct detect_result	 r;
	size_t			 i;

	buf_init(&b, 4096);
	for (i = 0; i < nitems(t); i++) {
		buf_reset(&b);
		buf_addf(&b, "From: Service <service@mailer.example.net>\r\n"
		    "Subject: Account\r\nContent-Type: text/html; "
		    "charset=utf-8\r\n\r\n<p>Please review your account."
		    "</p><p>%s</p>\r\n", t[i].a);
		if (!ok(detect_scan_mime(S, b.ptr, b.len, NULL, &r) == 0,
		    "%s: scanned", t[i].what))
			continue;
		is_int(dt_find(&r, t[i].rule) != NULL, t[i].fires, "%s: %s%s",
		    t[i].what, t[i].fires ? "" : "no ", t[i].rule);
	}
	buf_release(&b);
}

/* HTML and the characters of its text that are hidden. */
struct hcase {
	const char	*html;
	size_t		 hidden;
	const char	*what;
};

static void
hidden_cases(const char *label, const struct hcase *t, size_t n)
{
	struct html_info	 hi;
	size_t			 i;

	for (i = 0; i < n; i++) {
		memset(&hi, 0, sizeof(hi));
		html_scan(S, t[i].html, strlen(t[i].html), NULL, NULL, &hi);
		is_int(hi.hidden, t[i].hidden, "%s: %s", label, t[i].what);
	}
}

/* Text pushed out of view by huge offsets counts as hidden; ordinary
 * layouts do not. */
static void
offscreen(void)
{
	static const struct hcase t[] = {
		{ "<style>.belowView { margin-top: 470500px; /* as needed */ }"
		  "</style><p>Seen.</p><div class=\"x belowView\">buried</div>"
		  "after", 11, "a class rule's margin: inside and after" },
		{ "<style>@media screen{.w{display:flex;height:10000vh}}"
		  ".w{width:100%}</style><p>Seen.</p><div class=w><div></div>"
		  "</div>pushed down", 10, "a height in viewports: after it" },
		{ "<p>Seen.</p><div style=\"position:absolute;left:-99999px\">"
		  "aside</div>back", 5, "off to the left, out of the flow" },
		{ "<p>Seen.</p><span style=\"margin:0 0 0 0;padding:0 0 "
		  "20000px\"></span>below", 5, "a shorthand's bottom padding" },
		{ "<style>#hide,div.off{text-indent:-9999em}</style>"
		  "<p>Seen.</p><p id=HIDE>gone</p><div class=off>gone</div>"
		  "Seen.", 8,
		  "id and tag.class selectors" },
		{ "<style>.hero{height:600px;margin-top:40px}.pad{padding:"
		  "9999px}</style><div class=hero>Seen.</div><div class=pad>"
		  "Seen.</div><div style=\"height:100vh\">Seen.</div>", 0,
		  "heights and padding of a page stay in view" },
	};

	hidden_cases("out of view", t, nitems(t));
}

/* A font too small to read hides text until an element inside sets a
 * size of its own (templates put font-size:0 on every cell); display:none
 * hides all that is inside, whatever its size.  Text the colour of its
 * background is hidden, when the background is known. */
static void
tiny_font(void)
{
	static const struct hcase t[] = {
		{ "<p>Seen.</p><table><tr><td style=\"font-size:0px\"><div "
		  "style=\"font-size:14px\">read</div></td></tr></table>", 0,
		  "a cell of size 0, its block sized again" },
		{ "<p>Seen.</p><div style=\"font-size:0\">tiny<span>still "
		  "tiny</span></div>after", 13, "size 0 inherited" },
		{ "<p>Seen.</p><div style=\"font-size:14px\">big<span style="
		  "\"font-size:1px\">small</span>big</div>", 5,
		  "a small span in readable text" },
		{ "<p>Seen.</p><div style=\"display:none\"><span style=\""
		  "font-size:14px\">gone</span></div>", 4,
		  "display:none, whatever the size inside" },
		/* Colours. */
		{ "<p>Seen.</p><p style=\"color:#FFF\">white</p><p style=\""
		  "color: rgb(254, 254, 254)\">white</p>", 10,
		  "white on the white of the page" },
		{ "<p>Seen.</p><table bgcolor=\"#1a73e8\"><tr><td><a style=\""
		  "color:#ffffff\">Open</a></td></tr></table>", 0,
		  "white on a coloured cell" },
		{ "<body bgcolor=black text=white><p>Seen.</p><font color=\"#000000\">"
		  "dark</font><p style=\"color:white\">light</p></body>", 4,
		  "black on a black page, white on it seen" },
		{ "<p>Seen.</p><td style=\"background:url(x.png) #fff\"><p "
		  "style=\"color:#fff\">on a picture</p></td>", 0,
		  "a picture behind the text" },
		{ "<style>.hero{background-color:#000}</style><p>Seen.</p>"
		  "<div class=\"x hero\"><p style=\"color:#fff\">on the hero"
		  "</p></div>", 0, "a background set by a class" },
		{ "<style>td{background:#222}</style><p>Seen.</p><td><p "
		  "style=\"color:#fff\">cell</p></td>", 0,
		  "a background set by tag: every colour unknown" },
		{ "<p>Seen.</p><table bgcolor=\"#000000\"><tr><td><a href="
		  "\"https://example.com/\">Open</a></td></tr></table>", 0,
		  "a link unstyled is blue" },
		{ "<p>Seen.</p><span style=\"color:transparent\">clear"
		  "</span>", 5, "color:transparent" },
		{ "<p>Seen.</p><span style=\"color: rgba(0, 0, 0, 0)\">clear"
		  "</span><span style=\"color:rgba(0,0,0,0.8)\">dark</span>", 5,
		  "rgba() of alpha 0, and of 0.8" },
	};

	hidden_cases("tiny font, colour", t, nitems(t));
}

/* The hidden characters of head, open written times (never closed), then
 * tail. */
static size_t
nested_hidden(const char *head, const char *open, int times,
    const char *tail)
{
	char		 deep[8192];
	size_t		 n;
	int		 i;
	struct html_info hi;

	n = (size_t)snprintf(deep, sizeof(deep), "%s", head);
	for (i = 0; i < times && n < sizeof(deep); i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "%s", open);
	if (n < sizeof(deep))
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "%s", tail);
	if (n >= sizeof(deep))
		n = sizeof(deep) - 1;
	memset(&hi, 0, sizeof(hi));
	html_scan(S, deep, n, NULL, NULL, &hi);
	return hi.hidden;
}

/* What the reader is shown again: a hidden paragraph or list item ended
 * by the next block or item (HTML5's implied end tags), a declaration
 * given again later (the last wins), the hidden attribute undone by the
 * element's style, an end tag far above its element, elements past the
 * scanner's stack; and what is hidden though shown before: visibility:
 * collapse, an opacity of 0.0, an SVG's style sheet. */
static void
cascade(void)
{
	static const struct hcase t[] = {
		{ "<p>Seen.</p><p style=\"display:none\">gone<div>shown</div>",
		  4, "a hidden <p> ended by a <div>" },
		{ "<p>Seen.</p><ul><li style=\"display:none\">gone<li>shown"
		  "</ul>", 4, "a hidden <li> ended by the next" },
		{ "<p>Seen.</p><p style=\"display:none\">gone<table><tr><td>"
		  "in</td></tr></table>", 6,
		  "a table in a hidden <p> stays inside it (quirks mode)" },
		{ "<!DOCTYPE html><p>Seen.</p><p style=\"display:none\">gone"
		  "<table><tr><td>in</td></tr></table>", 4,
		  "a table ends a hidden <p> (a page with a doctype)" },
		{ "<!doctype html><p>Seen.</p><table><tr><td><p style=\""
		  "display:none\">gone<div>in</div></td></tr></table>", 4,
		  "a block ends a hidden <p> inside a cell" },
		{ "<p>Seen.</p><div style=\"display:none;display:block\">"
		  "shown</div><div style=\"display:block;display:none\">gone"
		  "</div>", 4, "the last display given wins" },
		{ "<p>Seen.</p><div style=\"opacity:0;opacity:1\">shown</div>"
		  "<div style=\"font-size:0;font-size:14px\">shown</div>"
		  "<div style=\"color:#fff;color:#000\">shown</div>", 0,
		  "the last opacity, font size and colour win" },
		{ "<p>Seen.</p><div hidden style=\"display:block\">shown</div>"
		  "<div hidden>gone</div>", 4,
		  "the hidden attribute undone by the style" },
		{ "<p>Seen.</p><div style=\"visibility:collapse\">gone</div>"
		  "<div style=\"opacity:0.0\">gone</div><div style=\"opacity:"
		  "0.5\">shown</div>", 8, "visibility:collapse, opacity:0.0" },
		{ "<p>Seen.</p><svg><style>.a{fill:red}</style></svg>", 12,
		  "an SVG's style sheet is not shown" },
		{ "<style>.h{display:none}.s{display:inline}</style><p>Seen."
		  "</p><span class=\"h s\">shown</span><span class=h>gone"
		  "</span>", 4, "a later class rule shows it again" },
		{ "<style>.h{display:none}#s{display:inline}</style><p>Seen."
		  "</p><span class=h id=s>shown</span>", 0,
		  "an id's rule shows it again" },
		/* Review 24: what the cascade keeps hidden. */
		{ "<style>span{display:inline}.x{display:none}</style><p>Seen."
		  "</p><span class=x>gone</span>", 4,
		  "a tag's rule does not undo a class's" },
		{ "<p>Seen.</p><div style=\"display:none !important; display:"
		  "block\">gone</div>", 4, "!important beats a later one" },
		{ "<p>Seen.</p><div style=\"display:none; display:\">gone"
		  "</div>", 4, "a declaration of no value is none" },
	};
	size_t		 i;
	struct html_info hi;

	hidden_cases("cascade", t, nitems(t));

	/* An end tag with 20 elements above its element closes it. */
	is_int(nested_hidden("<p>Seen.</p><div style=\"display:none\">",
	    "<span>", 20, "gone</div>shown"), 4,
	    "cascade: an end tag 20 elements up");
	/* White text on a black box 130 elements deep: past the stack,
	 * its colours are not known, and it is not judged hidden. */
	is_int(nested_hidden("<p>Seen.</p>", "<div>", 129, "<div style=\""
	    "background:#000\"><p style=\"color:#fff\">shown</p></div>"), 0,
	    "cascade: white on black past the stack");
	/* White on white, 130 unclosed elements in: still hidden (only an
	 * element past the stack that sets a colour leaves it unknown). */
	is_int(nested_hidden("<p>Seen.</p><div style=\"color:#fff\">", "<b>",
	    130, "gone</div>"), 4, "cascade: white on white past the stack");

	/* Outlook's block ends where other readers' comment does, inside a
	 * run of text; a test holding "-->" is no test (review 24). */
	{
		static const char *const shown[] = {
			"<p><!--[if mso]>-->Verify your password now</p>",
			"<!--[if -->mso]><p>Verify your password now</p>"
			    "<!-- end -->",
		};
		struct buf	 vis;

		for (i = 0; i < nitems(shown); i++) {
			buf_init(&vis, 1 << 16);
			memset(&hi, 0, sizeof(hi));
			html_scan(S, shown[i], strlen(shown[i]), NULL, &vis,
			    &hi);
			ok(vis.ptr != NULL && strstr(vis.ptr, "Verify your "
			    "password now") != NULL, "cascade: text after %s "
			    "shown", i == 0 ? "<!--[if mso]>-->" :
			    "<!--[if -->");
			buf_release(&vis);
		}
	}
}

/* The preheader: hidden text before the body's first words is the
 * summary mail programs show in the message list; characters that show
 * nothing (its padding) are no text anywhere. */
static void
preheader(void)
{
	static const char pad[] = "&#847;&zwnj;&nbsp;&#8203;\xc2\xad";
	char			 big[2048], h[1024];
	struct html_info	 hi;
	size_t			 i, n;

	snprintf(h, sizeof(h), "<html><head><title>November news</title>"
	    "</head><body><span style=\"display:none;max-height:0;overflow:"
	    "hidden\">Your order has shipped and arrives Thursday%s%s%s"
	    "</span><p>Hello.</p><div style=\"display:none\">%s%s</div>"
	    "</body></html>", pad, pad, pad, pad, pad);
	memset(&hi, 0, sizeof(hi));
	html_scan(S, h, strlen(h), NULL, NULL, &hi);
	is_int(hi.hidden, 0, "preheader: not hidden, its padding no text");
	is_int(hi.visible, 18, "preheader: the title and the text seen");

	n = (size_t)snprintf(big, sizeof(big), "<div style=\"display:none\">");
	for (i = 0; i < 30; i++)
		n += (size_t)snprintf(big + n, sizeof(big) - n,
		    "<p>salted words</p>");
	snprintf(big + n, sizeof(big) - n, "</div><p>Hello.</p>");
	memset(&hi, 0, sizeof(hi));
	html_scan(S, big, strlen(big), NULL, NULL, &hi);
	is_int(hi.hidden, 30 * 11, "preheader: longer than one is hidden");

	snprintf(h, sizeof(h), "<p>Hello.</p><span style=\"display:none\">"
	    "Your order has shipped</span>");
	memset(&hi, 0, sizeof(hi));
	html_scan(S, h, strlen(h), NULL, NULL, &hi);
	is_int(hi.hidden, 19, "preheader: hidden after the text is hidden");
}

int
main(void)
{
	static const char *const own[] = { "contoso.com", NULL };
	static const char *const corr[] = { "fabrikam.com", NULL };
	struct detect_engine	*e;

	plan_lazy();
	if ((e = dt_engine(own, corr, NULL)) == NULL)
		return done_testing();
	S = detect_scan_new(e);
	parse();
	extract();
	lookalike();
	disguised();
	html();
	evasions();
	in_mail();
	cascade();
	preheader();
	offscreen();
	tiny_font();
	detect_scan_free(S);
	detect_engine_free(e);
	return done_testing();
}
