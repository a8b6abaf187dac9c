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
		int		 words;		/* the name with words added */
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
		/* Two brands one letter apart imitate neither. */
		{ "https://www.paypal.com/", NULL, 0 },
		{ "https://www.paypay.ne.jp/", NULL, 0 },
	};
	size_t	 i;

	for (i = 0; i < nitems(t); i++) {
		struct durl		 d;
		const struct protect	*p;
		const char		*how = NULL;
		int			 words = -1;

		if (!ok(url_parse(S, t[i].url, strlen(t[i].url), &d) == 0,
		    "parse %s", t[i].url))
			continue;
		p = dom_lookalike(S, d.host, d.uhost, d.domain, &how, &words);
		if (t[i].imitates == NULL)
			ok(p == NULL, "%s imitates nothing (%s)", t[i].url,
			    p ? p->domain : "-");
		else {
			is_str(p ? p->domain : NULL, t[i].imitates,
			    "%s imitates %s (%s)", t[i].url, t[i].imitates,
			    how ? how : "-");
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
		const char		*how = NULL, *how2 = NULL;
		int			 w1 = -1, w2 = -1, k;

		if (url_parse(S, "https://c0ntoso.com/", 20, &d) != 0)
			abort();
		p = dom_lookalike(S, d.host, d.uhost, d.domain, &how, &w1);
		q = dom_lookalike(S, d.host, d.uhost, d.domain, &how2, &w2);
		ok(p != NULL && p == q && how == how2 && w1 == w2,
		    "the same host asked twice: the same answer (%s)",
		    how2 ? how2 : "-");
		if (detect_scan_set_org(S, own2, NULL, NULL) != 0)
			abort();
		p = dom_lookalike(S, d.host, d.uhost, d.domain, &how, &w1);
		ok(p == NULL, "contoso.com no longer the organisation's: "
		    "c0ntoso.com imitates nothing (%s)", p ? p->domain : "-");
		if (url_parse(S, "https://n0rthwind.example/", 26, &d) != 0)
			abort();
		p = dom_lookalike(S, d.host, d.uhost, d.domain, &how, &w1);
		is_str(p ? p->domain : NULL, "northwind.example",
		    "the new organisation's domain is imitated");
		if (detect_scan_set_org(S, NULL, NULL, NULL) != 0)
			abort();
		if (url_parse(S, "https://c0ntoso.com/", 20, &d) != 0)
			abort();
		p = dom_lookalike(S, d.host, d.uhost, d.domain, &how, &w1);
		is_str(p ? p->domain : NULL, "contoso.com",
		    "back to the engine's lists: contoso.com imitated again");
		/* The arena reset under them (as a fuzz target does): the
		 * kept answers went with it, none read. */
		for (k = 0; k < 3; k++) {
			arena_reset(&S->a);
			if (url_parse(S, k == 1 ? "https://paypa1.com/" :
			    "https://c0ntoso.com/", 20 - (k == 1), &d) != 0)
				abort();
			p = dom_lookalike(S, d.host, d.uhost, d.domain, &how,
			    &w1);
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
	preheader();
	offscreen();
	tiny_font();
	detect_scan_free(S);
	detect_engine_free(e);
	return done_testing();
}
