/*
 * 21-detect-text: charsets to UTF-8 (the Japanese ones above all, with
 * the characters Windows adds to them), missing and wrong charsets,
 * invalid bytes; the MIME adapter on the Japanese test mail; the
 * normalisation phrases are matched on; the statistical classifier's
 * tokens and readings; the text a PDF shows (pdftext.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtest.h"
#include "internal.h"
#include "brands.h"
#include "phrases.h"
#include "tap.h"
#include "util.h"

static struct arena	 A;

static const char *
conv(const char *cs, const char *in, size_t n)
{
	size_t	 len;

	return text_to_utf8(&A, cs, in, n, 1 << 20, &len);
}

static int
valid_utf8(const char *s)
{
	return str_valid_utf8(s, strlen(s), 1);
}

static void
charsets(void)
{
	/* "あいう①㈱" in ISO-2022-JP as Windows writes it (NEC row 13). */
	static const char jis[] = "\x1b$B$\"$$$&\x2d\x21\x2d\x6a\x1b(B ok";
	/* "日本語ｶﾅ" in Shift_JIS with half-width kana. */
	static const char sjis[] = "\x93\xfa\x96\x7b\x8c\xea\xb6\xc5";
	/* "日本語" in EUC-JP. */
	static const char euc[] = "\xc6\xfc\xcb\xdc\xb8\xec";
	const char	*u;

	is_str(conv("ISO-2022-JP", jis, sizeof(jis) - 1),
	    "あいう①㈱ ok", "ISO-2022-JP with NEC special characters");
	is_str(conv("iso-2022-jp", "\x1b$B%F%9%H\x1b(B", 12), "テスト",
	    "lower-case charset name");
	is_str(conv(NULL, jis, sizeof(jis) - 1), "あいう①㈱ ok",
	    "ISO-2022-JP without a charset is recognised");
	is_str(conv("us-ascii", jis, sizeof(jis) - 1), "あいう①㈱ ok",
	    "ISO-2022-JP labelled us-ascii is recognised");
	is_str(conv("Shift_JIS", sjis, sizeof(sjis) - 1), "日本語ｶﾅ",
	    "Shift_JIS with half-width kana");
	is_str(conv("x-sjis", sjis, 6), "日本語", "x-sjis alias");
	is_str(conv("windows-31j", "\x87\x40", 2), "①",
	    "windows-31j (CP932 extension)");
	is_str(conv("EUC-JP", euc, sizeof(euc) - 1), "日本語", "EUC-JP");
	is_str(conv(NULL, sjis, 6), "日本語", "Shift_JIS without a charset");
	is_str(conv(NULL, euc, 6), "日本語", "EUC-JP without a charset");
	is_str(conv("utf-8", euc, 6), "日本語",
	    "EUC-JP mislabelled as UTF-8 is guessed");
	is_str(conv("x-unknown-charset", "caf\xc3\xa9", 5), "café",
	    "unknown charset, valid UTF-8");
	is_str(conv("iso-8859-1", "caf\xe9", 4), "café", "Latin-1");
	u = conv("utf-8", "ok \xff\xfe bad \xe3\x81", 12);
	ok(valid_utf8(u) && strstr(u, "ok ") == u,
	    "invalid UTF-8 comes out valid (%s)", u);
	u = conv("ISO-2022-JP", "\x1b$B$\"\x1b$(D\x30\x21\x1b(B", 11);
	ok(valid_utf8(u) && strncmp(u, "あ", 3) == 0,
	    "JIS X 0212 is replaced, not fatal (%s)", u);
	u = conv("ISO-2022-JP", "\x1b$B$", 4);
	ok(valid_utf8(u), "ISO-2022-JP cut in a character");
	u = conv("shift_jis", "\x82", 1);
	ok(valid_utf8(u), "Shift_JIS cut in a character");
	is_str(conv("utf-8", "", 0), "", "empty input");
}

/* ISO-2022-JP only where the text is that (review 14, F2 and F12). */
static void
charsets_jis(void)
{
	static const char jis[] = "\x1b$B$\"$$$&\x2d\x21\x2d\x6a\x1b(B ok";
	static const char cmt[] = "<!-- \x1b$B --><p>Verify your account</p>"
	    "<a href=\"https://p\xd0\xb0ypal.com/\">";
	static const char cmt7[] = "<!-- \x1b$B --><p>Verify your account "
	    "within 24 hours</p>";
	const char	*u;

	u = conv("utf-8", cmt, sizeof(cmt) - 1);
	ok(strstr(u, "Verify your account") != NULL &&
	    strstr(u, "p\xd0\xb0ypal.com") != NULL,
	    "a stray ESC $ B in 8-bit UTF-8 is not ISO-2022-JP (%s)", u);
	u = conv("utf-8", cmt7, sizeof(cmt7) - 1);
	ok(strstr(u, "Verify your account within 24 hours") != NULL,
	    "a stray ESC $ B in 7-bit text is not ISO-2022-JP (%s)", u);
	u = conv(NULL, cmt7, sizeof(cmt7) - 1);
	ok(strstr(u, "Verify your account within 24 hours") != NULL,
	    "nor without a charset (%s)", u);
	is_str(conv(NULL, "\x1b$B$\"\nabc", 9), "あ\nabc",
	    "guessed ISO-2022-JP: each line starts in ASCII");
	is_str(conv("x-unknown", jis, sizeof(jis) - 1), "あいう①㈱ ok",
	    "ISO-2022-JP under an unknown charset is recognised");
	is_str(conv("unknown-8bit", jis, sizeof(jis) - 1), "あいう①㈱ ok",
	    "ISO-2022-JP under unknown-8bit is recognised");
	is_str(conv("shift_jis", jis, sizeof(jis) - 1), "あいう①㈱ ok",
	    "7-bit ISO-2022-JP labelled Shift_JIS is recognised");
}

/* One bad byte in UTF-8 is one U+FFFD (review 14, F3). */
static void
charsets_bad_utf8(void)
{
	static const char idn[] = "<!-- \xff --><a href=\"https://p\xd0\xb0"
	    "ypal.com/\">";
	static const char ja[] = "<!-- \xff -->お客様のアカウントが停止されます";
	const char	*u;

	u = conv("utf-8", idn, sizeof(idn) - 1);
	ok(strstr(u, "<!-- \xef\xbf\xbd -->") != NULL &&
	    strstr(u, "p\xd0\xb0ypal.com") != NULL,
	    "one invalid byte in UTF-8: U+FFFD, the rest kept (%s)", u);
	u = conv("utf-8", ja, sizeof(ja) - 1);
	ok(strstr(u, "アカウントが停止されます") != NULL,
	    "one invalid byte in Japanese UTF-8 (%s)", u);
	u = conv(NULL, ja, sizeof(ja) - 1);
	ok(strstr(u, "アカウントが停止されます") != NULL,
	    "the same without a charset (%s)", u);
	is_str(conv("utf-8", "caf\xe9 cr\xe8me", 10), "café crème",
	    "Latin-1 mislabelled as UTF-8 is still guessed");
}

/* UTF-16 is converted, not read as ASCII with NULs (review 14, F4). */
static void
charsets_utf16(void)
{
	is_str(conv("utf-16le", "h\0i\0 \0\x42\x30", 8), "hi あ", "UTF-16LE");
	is_str(conv("UTF-16BE", "\0h\0i\0 \x30\x42", 8), "hi あ", "UTF-16BE");
	is_str(conv("utf-16", "\0h\0i", 4), "hi",
	    "UTF-16 without a BOM: big-endian");
	is_str(conv("utf-16", "h\0i\0", 4), "hi",
	    "UTF-16 without a BOM: little-endian seen by its NULs");
	ok(strstr(conv("utf-16", "\xff\xfeh\0i\0", 6), "hi") != NULL,
	    "UTF-16 with a BOM");
	is_str(conv("utf-32le", "h\0\0\0i\0\0\0", 8), "hi", "UTF-32LE");
}

static void
norm(void)
{
	struct buf		 b;
	struct norm_stats	 st;

	buf_init(&b, 4096);
	memset(&st, 0, sizeof(st));
	text_norm(&b, "ＶＥＲＩＦＹ　Your  Account\n\tNOW",
	    strlen("ＶＥＲＩＦＹ　Your  Account\n\tNOW"), &st);
	is_str(b.ptr, "verify your account now", "full-width, case, spaces");
	buf_reset(&b);
	text_norm(&b, "P\xd0\xb0yP\xd0\xb0l v\xc3\xa9rifiez", 19, &st);
	is_str(b.ptr, "paypal verifiez", "Cyrillic look-alikes and accents");
	ok(st.mixed_words >= 1, "a word mixing scripts is counted");
	buf_reset(&b);
	memset(&st, 0, sizeof(st));
	text_norm(&b, "pass\xe2\x80\x8bword \xf0\x9d\x90\x80\xf0\x9d\x90\x81",
	    20, &st);
	is_str(b.ptr, "password ab", "zero-width space and math letters");
	ok(st.math_chars == 2, "mathematical letters are counted");
	ok(st.invisible_in_words == 1, "an invisible character in a word is "
	    "counted");
	/* A variation selector or a tag character chooses how the
	 * character before is drawn: after an ideograph or an emoji it
	 * hides nothing; after a Latin letter it does. */
	buf_reset(&b);
	memset(&st, 0, sizeof(st));
	{
		static const char v[] = "\xe8\xbe\xbb\xf3\xa0\x84\x80"
		    "\xe6\xa7\x98PDF England\xf0\x9f\x8f\xb4\xf3\xa0\x81"
		    "\xa7\xf3\xa0\x81\xa2\xf3\xa0\x81\xbf ok\xe2\x9d"
		    "\xa4\xef\xb8\x8f";
		static const char w[] = "Pa\xf3\xa0\x80\xa0yPal ve\xef"
		    "\xb8\x8erify";

		text_norm(&b, v, sizeof(v) - 1, &st);
		is_str(b.ptr, "\xe8\xbe\xbb\xe6\xa7\x98pdf england"
		    "\xf0\x9f\x8f\xb4 ok\xe2\x9d\xa4", "variation selectors and tags "
		    "dropped");
		is_int(st.invisible_in_words, 0, "an ideograph's variant, a "
		    "flag, an emoji: nothing hidden");
		buf_reset(&b);
		text_norm(&b, w, sizeof(w) - 1, &st);
		is_str(b.ptr, "paypal verify", "a tag and a selector in Latin "
		    "words dropped");
		is_int(st.invisible_in_words, 2, "... and counted");
		/* After an accent (a combining mark), the letter before
		 * it counts; emoji joined, a keycap's digit do not. */
		buf_reset(&b);
		memset(&st, 0, sizeof(st));
		text_norm(&b, "pa\xcc\x81\xef\xb8\x8fss", 9, &st);
		is_int(st.invisible_in_words, 1, "a selector after an accented "
		    "letter counted");
		buf_reset(&b);
		memset(&st, 0, sizeof(st));
		text_norm(&b, "Family\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f"
		    "\x91\xa9 Room1\xef\xb8\x8f\xe2\x83\xa3 pass\xe2\x80"
		    "\x8dword", 41, &st);
		is_int(st.invisible_in_words, 1, "emoji joined and a keycap "
		    "not counted, a joiner inside a word counted");
	}
	buf_reset(&b);
	text_norm(&b, "お支払い情報を更新", 27, NULL);
	is_str(b.ptr, "お支払い情報を更新", "Japanese is kept");
	buf_release(&b);
	is_str(text_clip(&A, "abcdef", 3), "abc...", "clip");
	ok(valid_utf8(text_clip(&A, "あいう", 4)),
	    "clip stops on a character boundary");
	is_str(text_clip(&A, "a\x01\xffz", 10), "a ?z",
	    "clip replaces controls and invalid bytes");
}

static void
mime(struct detect_scan *s)
{
	static const struct {
		const char	*file, *subject, *from, *body;
	} t[] = {
		{ "ja-01-phish-amazon-iso2022jp.eml",
		    "【重要】Amazonアカウントの確認のお願い", "Amazon.co.jp",
		    "① 下記のリンクからログインしてください" },
		{ "ja-02-bec-sjis.eml", "至急のお願い",
		    "代表取締役社長 鈴木一郎", "振込先の変更がありました" },
		{ "ja-03-clean-eucjp.eml", "定例会議の議事録", "佐藤花子",
		    "次回は11月10日（火）10時から第2会議室で行います" },
		{ "ja-04-ppap-password-utf8.eml", "パスワードのお知らせ",
		    "佐藤花子", "パスワード：Xk7pQ2mZ" },
		{ "ja-06-delivery-sjis-nocharset.eml",
		    "お荷物のお届けについて", "佐川急便",
		    "再配達のご依頼は下記よりお願いします" },
		{ "ja-07-wrong-charset.eml", "打ち合わせ資料", NULL,
		    "来週の打ち合わせの資料を添付します" },
	};
	size_t	 i, j, len = 0;

	for (i = 0; i < nitems(t); i++) {
		char		 path[256], *msg;
		struct dmsg	 m;
		int		 found = 0;

		snprintf(path, sizeof(path), "tests/detect/data/%s", t[i].file);
		msg = tap_slurp(path, &len);
		if (!ok(msg != NULL, "%s: read", t[i].file))
			continue;
		msg_init(&m);
		s->m = &m;	/* cppcheck-suppress autoVariables */
		mime_parse(s, msg, len, &m);
		is_str(m.subject, t[i].subject, "%s: subject", t[i].file);
		if (t[i].from != NULL)
			is_str(m.from.name, t[i].from, "%s: display name",
			    t[i].file);
		for (j = 0; j < m.ntexts; j++)
			if (strstr(m.texts[j].s, t[i].body) != NULL)
				found = 1;
		ok(found, "%s: body decoded", t[i].file);
		arena_reset(&s->a);
		free(msg);
	}
}

/* A message from a string through the MIME adapter. */
/* A mail of n bytes scanned; a scan that fails ends the test. */
static void
scan_mail(struct detect_scan *s, const char *p, size_t n,
    struct detect_result *r)
{
	if (detect_scan_mime(s, p, n, NULL, r) != 0)
		abort();
}

static int
parse(struct detect_scan *s, struct dmsg *m, const char *text)
{
	char	*msg = strdup(text);

	if (msg == NULL)
		return -1;
	msg_init(m);
	s->m = m;	/* cppcheck-suppress autoVariables */
	mime_parse(s, msg, strlen(msg), m);
	/* GMime keeps substreams of the bytes: free them with the arena. */
	arena_defer(&s->a, free, msg);
	return 0;
}

/* RFC 2047 encoded words: each decoded on its own (GMime 3.2.13 drops
 * what follows a B-word ending in "=" padding when the next word has
 * the same charset, gmime issue #133), joined without the white space
 * between them. */
static void
encoded_words(struct detect_scan *s)
{
	struct dmsg	 m;
	size_t		 i;
	const char	*names = NULL;

	parse(s, &m, "From: =?utf-8?b?UGF5UA==?= =?utf-8?b?YWwgU2VydmljZQ==?="
	    " <service@account-alerts.example>\n"
	    "Subject: =?utf-8?b?Tm90ZQ==?= =?utf-8?b?IGZvciB5YW1hZGFAZXhh"
	    "bXBsZS5vcmc=?=\n\nhello\n");
	is_str(m.subject, "Note for yamada@example.org",
	    "rfc2047: padded B-words of one charset, subject");
	is_str(m.from.name, "PayPal Service",
	    "rfc2047: padded B-words of one charset, display name");
	is_str(m.from.addr, "service@account-alerts.example",
	    "rfc2047: the address is kept");
	arena_reset(&s->a);
	/* "お知らせ" + "アカウントが停止されます", each word ending in
	 * ESC ( B, as Japanese mailers split a long subject. */
	parse(s, &m, "From: it@example.org\n"
	    "Subject: =?iso-2022-jp?b?GyRCJCpDTiRpJDsbKEI=?=\n"
	    " =?iso-2022-jp?b?GyRCJSIlKyUmJXMlSCQsRGQ7XyQ1JGwkXiQ5GyhC?=\n"
	    "\nhello\n");
	is_str(m.subject, "お知らせアカウントが停止されます",
	    "rfc2047: ISO-2022-JP subject in two padded words");
	arena_reset(&s->a);
	parse(s, &m, "From: a@example.org\n"
	    "Subject: =?utf-8?q?caf=C3?= =?UTF-8?Q?=A9_au?= lait "
	    "=?iso-8859-1?q?cr=E8me?=\n\nhello\n");
	is_str(m.subject, "café au lait crème",
	    "rfc2047: a character split over two Q-words, text between "
	    "words kept");
	arena_reset(&s->a);
	parse(s, &m, "From: a@example.org\nSubject: x\n"
	    "Content-Type: multipart/mixed; boundary=BB\n\n"
	    "--BB\nContent-Type: text/plain\n\nhello\n"
	    "--BB\nContent-Type: application/octet-stream\n"
	    "Content-Disposition: attachment;\n"
	    " filename=\"=?utf-8?b?aW52b2ljZQ==?= =?utf-8?b?LnBkZi5leGU=?=\"\n"
	    "\nTVqQ\n"
	    "--BB\nContent-Type: application/octet-stream;\n"
	    " name=\"=?utf-8?b?cmVwb3J0?= =?utf-8?b?LmpzLnR4dA==?=\"\n"
	    "\nTVqQ\n"
	    "--BB\nContent-Type: application/octet-stream;"
	    " name=\"=?utf-8?b?bm8=?=\"\n"
	    "Content-Disposition: attachment;\n"
	    " filename*0*=utf-8''r%C3%A9sum%C3%A9;\n filename*1=\".pdf.exe\"\n"
	    "\nTVqQ\n--BB--\n");
	for (i = 0; i < m.nparts; i++)
		names = arena_printf(&s->a, "%s%s%s", names ? names : "",
		    names ? "|" : "", m.parts[i].name ? m.parts[i].name : "-");
	is_str(names, "invoice.pdf.exe|report.js.txt|résumé.pdf.exe",
	    "rfc2047: file names in padded words; RFC 2231 still read");
	arena_reset(&s->a);
}

/* A text part with a file name that mail programs show as the body is
 * read as text too, and still analysed as an attachment (review 14,
 * F11). */
static int
has_text(const struct dmsg *m, const char *s)
{
	size_t	i;

	for (i = 0; i < m->ntexts; i++)
		if (strstr(m->texts[i].s, s) != NULL)
			return 1;
	return 0;
}

static void
named_body(struct detect_scan *s)
{
	struct dmsg	 m;

	parse(s, &m, "From: a@example.org\nSubject: x\n"
	    "Content-Type: text/plain; charset=utf-8; name=\"message.txt\"\n"
	    "\nBuy three gift cards today.\n");
	ok(has_text(&m, "gift cards"), "a single text part with name= is "
	    "read as the body");
	ok(m.nparts == 1 && m.parts[0].name != NULL &&
	    strcmp(m.parts[0].name, "message.txt") == 0,
	    "and it is still an attachment");
	arena_reset(&s->a);
	parse(s, &m, "From: a@example.org\nSubject: x\n"
	    "Content-Type: multipart/mixed; boundary=BB\n\n"
	    "--BB\nContent-Type: text/html\n"
	    "Content-Disposition: inline; filename=\"body.html\"\n"
	    "\n<p>first part words</p>\n"
	    "--BB\nContent-Type: text/plain; name=\"notes.txt\"\n"
	    "\nsecond part words\n"
	    "--BB\nContent-Type: text/plain\n"
	    "Content-Disposition: attachment; filename=\"log.txt\"\n"
	    "\nthird part words\n--BB--\n");
	ok(has_text(&m, "first part words"),
	    "the first part, inline with a file name, is read as the body");
	ok(!has_text(&m, "second part words") &&
	    !has_text(&m, "third part words"),
	    "later named parts and attachments are not");
	is_int((int)m.nparts, 3, "all three are attachments");
	arena_reset(&s->a);
}

/* A phrase listed twice in one class would count twice (each entry is
 * its own pattern): "lonely" and two Japanese words once did. */
static void
phrase_table(void)
{
	size_t	i, j, dup = 0;

	for (i = 0; i < nitems(PHRASES); i++)
		for (j = i + 1; j < nitems(PHRASES); j++)
			if (PHRASES[i].cls == PHRASES[j].cls &&
			    strcmp(PHRASES[i].p, PHRASES[j].p) == 0) {
				diag("\"%s\" twice in one class", PHRASES[i].p);
				dup++;
			}
	is_int((int)dup, 0, "no phrase is listed twice in one class");
}

/* A brand's name or domain listed under two brands belongs to one of
 * them only: "Best Buy" from bestbuy.com, listed with Geek Squad too,
 * once claimed a brand its domain was not (sender.display_brand). */
static void
brand_table(void)
{
	static struct { const char *w; size_t brand; int dom; } t[8192];
	static char buf[nitems(BRANDS)][2048];
	size_t	i, j, n = 0, dup = 0;
	char	*w, *save;

	for (i = 0; i < nitems(BRANDS); i++) {
		char *bar;

		snprintf(buf[i], sizeof(buf[i]), "%s", BRANDS[i]);
		if ((bar = strchr(buf[i], '|')) == NULL)
			continue;
		*bar = '\0';
		for (w = strtok_r(buf[i], ",", &save); w != NULL && n <
		    nitems(t); w = strtok_r(NULL, ",", &save))
			t[n++] = (typeof(t[0])){ w + (*w == '!'), i, 0 };
		for (w = strtok_r(bar + 1, " ", &save); w != NULL && n <
		    nitems(t); w = strtok_r(NULL, " ", &save))
			t[n++] = (typeof(t[0])){ w + (*w == '@'), i, 1 };
	}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (t[i].brand != t[j].brand && t[i].dom == t[j].dom &&
			    strcasecmp(t[i].w, t[j].w) == 0) {
				diag("\"%s\" under \"%s\" and \"%s\"", t[i].w,
				    BRANDS[t[i].brand], BRANDS[t[j].brand]);
				dup++;
			}
	ok(n > 1000 && n < nitems(t), "the brand list read (%zu names "
	    "and domains)", n);
	is_int((int)dup, 0, "no brand name or domain is listed twice");
}

static void
tok_join(void *arg, const char *tok)
{
	struct buf *b = arg;

	buf_addf(b, "%s%s", b->len ? "|" : "", tok);
}

/* The statistical classifier: its tokens, and its reading of a thread
 * between developers, of 2002-style spam and of too few words. */
static void
bayes(struct detect_scan *s)
{
	static const char in[] = "Don't RE-SEND these FREE offers -- now!! "
	    "ab été co-op' offers --dash "
	    "supercalifragilisticexpialidocious x1y2z3";
	static const char ham[] = "I looked at the log of last night's "
	    "build. The linker fails because the new module was added to "
	    "the Makefile but not to the install target, so the package "
	    "script cannot find the library. I pushed a patch to the branch; "
	    "could you run the test suite again and tell me if the kernel "
	    "module still loads?";
	static const char spam[] = "Dear Homeowner, interest rates are at "
	    "their lowest point in 40 years! Lower your monthly payments, "
	    "even with less than perfect credit. Our service is 100% free "
	    "with no obligation. Thousands of satisfied customers: apply "
	    "online today for a free quote. To be removed from our mailing "
	    "list, reply with REMOVE in the subject line.";
	static const char few[] = "Free money! Click now.";
	struct buf	 b, t;
	double		 p;
	size_t		 n;

	buf_init(&b, 4096);
	buf_init(&t, 4096);
	text_norm(&t, in, strlen(in), NULL);
	bayes_tokens(s, t.ptr, t.len, tok_join, &b);
	is_str(b.ptr, "don't|re-send|these|free|offers|now|ete|co-op|dash|"
	    "x1y2z3", "tokens: lower-cased, each once, inner ' and - kept, "
	    "2 and 34 letters left out");
	buf_reset(&t);
	text_norm(&t, ham, strlen(ham), NULL);
	n = bayes_prob(s, t.ptr, t.len, &p);
	ok(n >= 20 && p < 0.1, "bayes: a developers' thread reads as ham "
	    "(%zu tokens, %.4f)", n, p);
	buf_reset(&t);
	text_norm(&t, spam, strlen(spam), NULL);
	n = bayes_prob(s, t.ptr, t.len, &p);
	ok(n >= 20 && p >= 0.99, "bayes: a mortgage offer reads as spam "
	    "(%zu tokens, %.4f)", n, p);
	buf_reset(&t);
	text_norm(&t, few, strlen(few), NULL);
	n = bayes_prob(s, t.ptr, t.len, &p);
	ok(n < 10 && p == 0.5, "bayes: too few words, no opinion (%zu)", n);
	buf_release(&t);
	buf_release(&b);
}

/* SHINDAN_DETECT_TOKENS: the list tools/bayes-train counts is whole,
 * however long (it was once cut at 4,096 bytes, and the longest
 * training messages counted no token), and comes first. */
static void
token_list(void)
{
	struct detect_engine		*e;
	struct detect_scan		*s;
	const struct detect_finding	*f;
	struct detect_result		 r;
	struct arena			 out;
	struct buf			 m;
	size_t				 i, n = 0;
	const char			*p;

	setenv("SHINDAN_DETECT_TOKENS", "1", 1);
	e = dt_engine(NULL, NULL, NULL);
	unsetenv("SHINDAN_DETECT_TOKENS");
	if (e == NULL)
		return;
	s = detect_scan_new(e);
	arena_init(&out, 0);
	buf_init(&m, 1 << 20);
	buf_adds(&m, "From: a@example.org\nSubject: list\n"
	    "Content-Type: text/plain\n\n");
	/* 3,000 distinct words of five letters: 18,000 bytes of list. */
	for (i = 0; i < 3000; i++)
		buf_addf(&m, "w%c%c%c%c ", 'a' + (int)(i / 676 % 26),
		    'a' + (int)(i / 26 % 26), 'a' + (int)(i % 26),
		    'a' + (int)(i / 17576 % 26));
	is_int(detect_scan_mime(s, m.ptr, m.len, &out, &r), 0,
	    "tokens: a mail of 3,000 words scanned");
	f = dt_find(&r, "tokens");
	if (ok(f != NULL, "tokens: the list is a finding")) {
		for (p = f->evidence[DETECT_EN]; *p != '\0'; p++)
			n += *p == ' ';
		is_int((int)n + 1, 3001, "tokens: the whole list (\"list\" "
		    "and 3,000 words), %zu bytes",
		    strlen(f->evidence[DETECT_EN]));
	}
	buf_release(&m);
	arena_release(&out);
	detect_scan_free(s);
	detect_engine_free(e);
}

/*
 * A thousand harmless attachments in front of a program: the parts past
 * DETECT_PARTS_MAX are checked by name, and the message says it was not
 * read whole (it was clean with a note of weight 5).
 */
static void
parts_past_limit(struct detect_scan *s)
{
	struct buf		 b;
	struct detect_result	 r;
	int			 i;

	buf_init(&b, 1u << 22);
	buf_adds(&b, "From: a@example.com\r\nTo: b@example.org\r\n"
	    "Subject: photos\r\nMIME-Version: 1.0\r\nContent-Type: "
	    "multipart/mixed; boundary=zz\r\n\r\n");
	for (i = 0; i < DETECT_PARTS_MAX; i++)
		buf_addf(&b, "--zz\r\nContent-Type: text/plain\r\n"
		    "Content-Disposition: attachment; filename=\"n%d.txt\"\r\n"
		    "\r\nnote\r\n", i);
	buf_adds(&b, "--zz\r\nContent-Type: application/pdf\r\n"
	    "Content-Disposition: attachment; filename=\"invoice.pdf.exe\""
	    "\r\n\r\nMZ\r\n--zz--\r\n");
	scan_mail(s, b.ptr, b.len, &r);
	ok(dt_find(&r, "attach.parts_unread") != NULL,
	    "parts past the limit are said to be unread");
	ok(dt_find(&r, "attach.double_extension") != NULL,
	    "and the name of the one past it is checked");
	ok(r.verdict != DETECT_CLEAN, "not clean (%s)",
	    detect_verdict_name(r.verdict));

	/* A name of 258 bytes, 108 characters (Windows keeps 255): its
	 * extension is kept, and given twice it is said once (it was
	 * compared before it was clipped to 200 bytes, so never the same). */
	buf_reset(&b);
	buf_adds(&b, "From: a@example.com\r\nTo: b@example.org\r\n"
	    "Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: "
	    "multipart/mixed; boundary=zz\r\n\r\n");
	for (i = 0; i < 2; i++) {
		buf_adds(&b, "--zz\r\nContent-Type: application/pdf\r\n"
		    "Content-Disposition: attachment; filename=\"");
		for (int k = 0; k < 25; k++)
			buf_adds(&b, "請求書_");
		buf_adds(&b, ".pdf.exe\"\r\n\r\nMZ\r\n");
	}
	buf_adds(&b, "--zz--\r\n");
	scan_mail(s, b.ptr, b.len, &r);
	{
		size_t n = 0, k;

		for (k = 0; k < r.nfindings; k++)
			n += strcmp(r.findings[k].rule,
			    "attach.double_extension") == 0;
		is_int((int)n, 1, "a 258-byte name keeps its .exe, and given "
		    "twice is one finding");
	}
	buf_release(&b);
}

/*
 * Names of people and firms that a review found taken for letters
 * strung at random (German clusters, accents, Russian names spelt in
 * German), against names a spam tool made; and mail that looks blank
 * to the model but is not: a multipart whose boundary is missing or
 * wrong (its content read as the text a mail program may show).
 */
static void
names_blank(struct detect_scan *s)
{
	static const struct {
		const char	*name;
		int		 made;	/* by a spam tool */
	} names[] = {
		{ "ARAG Rechtsschutz", 0 },
		{ "Rechtsschutzversicherung Service", 0 },
		{ "KPMG AG Wirtschaftspr\xc3\xbc" "fungsgesellschaft", 0 },
		{ "Martin Schwarzschild", 0 }, { "Anne Hirschsprung", 0 },
		{ "Kunstschmiede Weber", 0 },
		{ "Angstschwei\xc3\x9f Records", 0 },
		{ "Olga Chruschtschowa", 0 }, { "Dmitri Schtscherbakow", 0 },
		{ "Knightsbridge Estates", 0 },
		{ "Krzysztof Przybyszewski", 0 },
		{ "htazl tciiiqawprggwkq", 1 }, { "qwrtzpk vbnmxlkjhgtr", 1 },
		{ "Support qzxwvtkp9", 1 },
	};
	static const char *const broken[] = {
	    "Content-Type: multipart/mixed\r\n\r\n--b\r\nContent-Type: "
	    "text/plain\r\n\r\nThe invoice.\r\n--b--\r\n",
	    "Content-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n--b\r\n"
	    "Content-Type: text/plain\r\n\r\nThe invoice.\r\n--b--\r\n" };
	struct detect_result	 r;
	char			 m[1024];
	size_t			 i;

	for (i = 0; i < nitems(names); i++) {
		snprintf(m, sizeof(m), "From: %s <info@example.de>\r\n"
		    "Subject: Ihr Vertrag\r\n\r\nAnbei der Vertrag.\r\n",
		    names[i].name);
		scan_mail(s, m, strlen(m), &r);
		ok((dt_find(&r, "sender.display_random") != NULL) ==
		    names[i].made, "%s: %s", names[i].made ? "made up" :
		    "a name", names[i].name);
	}
	for (i = 0; i < nitems(broken); i++) {
		snprintf(m, sizeof(m), "From: a@northwind.example\r\n"
		    "Subject: \r\nMIME-Version: 1.0\r\n%s", broken[i]);
		scan_mail(s, m, strlen(m), &r);
		ok(dt_find(&r, "content.blank") == NULL, "a multipart of no "
		    "part read (%s boundary) is not blank", i == 0 ? "no" :
		    "a wrong");
	}
	/* What such a multipart holds is read as text, as a mail program
	 * may show it: its link counts. */
	snprintf(m, sizeof(m), "From: a@northwind.example\r\nSubject: hi\r\n"
	    "MIME-Version: 1.0\r\nContent-Type: multipart/alternative\r\n"
	    "\r\n--b\r\nContent-Type: text/plain\r\n\r\nSign in: "
	    "https://micros0ft-login.com/verify\r\n--b--\r\n");
	scan_mail(s, m, strlen(m), &r);
	ok(dt_find(&r, "url.lookalike_brand") != NULL, "a multipart of no "
	    "boundary: its text read, the link in it found");
	snprintf(m, sizeof(m), "From: a@northwind.example\r\nSubject: \r\n"
	    "\r\n\r\n");
	scan_mail(s, m, strlen(m), &r);
	ok(dt_find(&r, "content.blank") != NULL, "a blank mail is blank");
}

/*
 * A multipart whose Content-Type names no boundary, or one its body does
 * not use: the parts the body's own boundary marks are read as a mail
 * program that finds them shows them (an attachment hidden so from a
 * filter), the text before them as text; a body of no such boundary is
 * read as text only.
 */
static void
broken_multipart(struct detect_scan *s)
{
	static const char *const ct[] = { "multipart/mixed",
	    "multipart/mixed; boundary=\"zz\"",
	    "multipart/mixed; boundary=\"\"",
	    "multipart/alternative; charset=us-ascii" };
	static const char exe[] = "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAA"
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA4fug4AtAnNIbgBTM0hVGhp"
	    "cyBwcm9ncmFtIGNhbm5vdCBiZSBydW4gaW4gRE9TIG1vZGUuDQ0KJAAAAAAAAABQ"
	    "RQAATAEDAA==\r\n";
	struct detect_result	 r;
	char			 m[4096];
	size_t			 i;
	int			 k;

	for (i = 0; i < nitems(ct); i++) {
		snprintf(m, sizeof(m), "From: a@northwind.example\r\n"
		    "Subject: Invoice\r\nMIME-Version: 1.0\r\n"
		    "Content-Type: %s\r\n\r\nThis is a multi-part message.\r\n"
		    "--b1 \r\nContent-Type: text/plain\r\n\r\nThe invoice: "
		    "https://micros0ft-login.com/verify\r\n--b1\r\n"
		    "Content-Type: application/octet-stream\r\n"
		    "Content-Transfer-Encoding: base64\r\n"
		    "Content-Disposition: attachment; filename=\"inv.pdf.exe\""
		    "\r\n\r\n%s--b1--\r\n", ct[i], exe);
		scan_mail(s, m, strlen(m), &r);
		ok(dt_find(&r, "attach.executable") != NULL &&
		    dt_find(&r, "attach.double_extension") != NULL &&
		    r.verdict == DETECT_THREAT, "%s: the attachment the body's "
		    "boundary marks is read", ct[i]);
		ok(dt_find(&r, "url.lookalike_brand") != NULL, "%s: the text "
		    "part's link is read", ct[i]);
	}
	/* Decoy boundaries written before the parts do not take the turn
	 * of the boundary that holds them (one that is closed, then one of
	 * more lines, comes first); past eight boundaries the rest are not
	 * tried, and that is a finding of its own (review 20). */
	for (k = 0; k < 3; k++) {
		int	 d, decoys = k == 0 ? 1 : 9;

		snprintf(m, sizeof(m), "From: a@northwind.example\r\n"
		    "Subject: Invoice\r\nMIME-Version: 1.0\r\n"
		    "Content-Type: multipart/mixed\r\n\r\n");
		for (d = 0; d < decoys; d++)
			snprintf(m + strlen(m), sizeof(m) - strlen(m),
			    "--decoy%d\r\nContent-Type: text/plain\r\n\r\n"
			    "Hello.\r\n%s", d, k == 2 ? "--decoy-x--\r\n" : "");
		if (k == 2)
			for (d = 0; d < decoys; d++)
				snprintf(m + strlen(m), sizeof(m) - strlen(m),
				    "--decoy%d--\r\n", d);
		snprintf(m + strlen(m), sizeof(m) - strlen(m), "--b1\r\n"
		    "Content-Type: application/octet-stream\r\n"
		    "Content-Transfer-Encoding: base64\r\n"
		    "Content-Disposition: attachment; filename=\"inv.pdf.exe\""
		    "\r\n\r\n%s%s", exe, k == 2 ? "" : "--b1--\r\n");
		scan_mail(s, m, strlen(m), &r);
		if (k == 0)
			ok(dt_find(&r, "attach.double_extension") != NULL &&
			    dt_find(&r, "attach.parts_hidden") == NULL, "a decoy "
			    "boundary first: the parts of the next one read");
		else if (k == 1)
			ok(dt_find(&r, "attach.double_extension") != NULL &&
			    dt_find(&r, "attach.parts_hidden") != NULL, "nine "
			    "decoys unclosed: the closed boundary read first, "
			    "and the boundaries left untried said");
		else
			ok(dt_find(&r, "attach.parts_hidden") != NULL &&
			    r.verdict != DETECT_CLEAN, "nine decoys closed, the "
			    "parts' boundary not: not tried, a potential threat "
			    "(%s)", detect_verdict_name(r.verdict));
	}
	/* Parts whose first header is not a Content- one, a boundary of
	 * characters RFC 2046 does not list and of more than 70, and a NUL
	 * byte before the parts (GMime's prologue ends at it). */
	{
		static const char *const shape[][2] = {
		    { "b1", "X-Attachment-Id: f_1\r\n" },
		    { "np!1#*@x", "MIME-Version: 1.0\r\n" },
		    { "=_0123456789abcdef0123456789abcdef0123456789abcdef"
		      "0123456789abcdef0123456789", "" } };
		size_t	 j, n;

		for (j = 0; j < nitems(shape) + 1; j++) {
			const char *bd = shape[j % nitems(shape)][0];

			n = (size_t)snprintf(m, sizeof(m), "From: a@northwind."
			    "example\r\nSubject: Invoice\r\nMIME-Version: "
			    "1.0\r\nContent-Type: multipart/mixed; boundary=zz"
			    "\r\n\r\nSee %c attached.\r\n--%s\r\n%s"
			    "Content-Type: application/octet-stream\r\n"
			    "Content-Transfer-Encoding: base64\r\n"
			    "Content-Disposition: attachment; "
			    "filename=\"inv.pdf.exe\"\r\n\r\n%s--%s--\r\n",
			    j < nitems(shape) ? 'a' : '@', bd,
			    shape[j % nitems(shape)][1], exe, bd);
			if (j == nitems(shape))
				m[strstr(m, "See @") - m + 4] = '\0';
			scan_mail(s, m, n, &r);
			ok(dt_find(&r, "attach.double_extension") != NULL,
			    "%s: the part read", j == nitems(shape) ?
			    "a NUL before the parts" : j == 0 ? "a part's "
			    "first header not Content-" : j == 1 ? "a boundary "
			    "of other characters" : "a boundary of 76");
		}
	}
	/* A boundary with a quote and a backslash in it; and a text's own
	 * line of dashes before a long line that looks like a header: the
	 * text is not cut as a part's header would be (long headers are,
	 * test 25), its link 10 KB on read. */
	snprintf(m, sizeof(m), "From: a@northwind.example\r\n"
	    "Subject: Invoice\r\nMIME-Version: 1.0\r\nContent-Type: "
	    "multipart/mixed\r\n\r\n--a\"b\\c\r\nContent-Type: application/"
	    "octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
	    "Content-Disposition: attachment; filename=\"inv.pdf.exe\"\r\n"
	    "\r\n%s--a\"b\\c--\r\n", exe);
	scan_mail(s, m, strlen(m), &r);
	ok(dt_find(&r, "attach.double_extension") != NULL, "a boundary "
	    "with a quote and a backslash: the part read");
	{
		struct buf	 t;

		buf_init(&t, 1u << 20);
		buf_adds(&t, "From: a@northwind.example\r\nSubject: Notes\r\n"
		    "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; "
		    "boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain"
		    "\r\n\r\nNotes\r\n--x\r\nSummary: ");
		for (k = 0; k < 2000; k++)
			buf_adds(&t, "word ");
		buf_adds(&t, "https://micros0ft-login.com/verify\r\n--b--\r\n");
		scan_mail(s, t.ptr, t.len, &r);
		ok(dt_find(&r, "url.lookalike_brand") != NULL &&
		    dt_find(&r, "engine.truncated") == NULL, "a text's line of "
		    "dashes, then a long line: not cut, its link read");
		buf_release(&t);
	}
	/* Lines of dashes that no part's header follows are text: a
	 * signature, a rule drawn in the text. */
	snprintf(m, sizeof(m), "From: a@northwind.example\r\n"
	    "Subject: Notes\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: multipart/mixed\r\n\r\nThe notes.\r\n"
	    "--------\r\nFrom the minutes: https://micros0ft-login.com/a\r\n"
	    "--Anna\r\nContent is king.\r\n--b2\r\nContent-Type\r\n\r\n"
	    "--b3\r\nContent-Type: application/octet-stream; name=a.exe\r\n");
	scan_mail(s, m, strlen(m), &r);
	ok(dt_find(&r, "url.lookalike_brand") != NULL, "a multipart of no "
	    "boundary the body uses: its text read");
	ok(dt_find(&r, "attach.executable") == NULL && dt_find(&r,
	    "attach.double_extension") == NULL, "dashes that no part's header "
	    "follows mark no part (nor a part cut before its body)");
	/* Multiparts of no boundary inside one another: each read, up to a
	 * bound, and the scan ends. */
	m[0] = '\0';
	snprintf(m, sizeof(m), "From: a@northwind.example\r\n"
	    "Subject: Nested\r\nMIME-Version: 1.0\r\n");
	for (k = 0; k < 12; k++)
		snprintf(m + strlen(m), sizeof(m) - strlen(m),
		    "Content-Type: multipart/mixed\r\n\r\n--n%d\r\n", k);
	snprintf(m + strlen(m), sizeof(m) - strlen(m),
	    "Content-Type: text/plain\r\n\r\nSign in: "
	    "https://micros0ft-login.com/verify\r\n");
	scan_mail(s, m, strlen(m), &r);
	ok(dt_find(&r, "url.lookalike_brand") != NULL, "twelve multiparts of "
	    "no boundary inside one another: the text inside is read");
}

/* Has the result a finding of this rule for this attachment? */
static int
has_file(const struct detect_result *r, const char *rule, const char *att)
{
	size_t	 i;

	for (i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i].rule, rule) == 0 &&
		    r->findings[i].attachment != NULL &&
		    strcmp(r->findings[i].attachment, att) == 0)
			return 1;
	return 0;
}

/* ... for an attachment whose name holds this. */
static int
has_rule_like(const struct detect_result *r, const char *rule,
    const char *part)
{
	size_t	 i;

	for (i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i].rule, rule) == 0 &&
		    r->findings[i].attachment != NULL &&
		    strstr(r->findings[i].attachment, part) != NULL)
			return 1;
	return 0;
}

/*
 * n bytes uuencoded after a begin line naming name, into b: a zero as
 * '`', or with space as ' ' (older encoders); strip drops each line's
 * trailing spaces, as some mail systems do.
 */
static void
uuenc(struct buf *b, const char *name, const unsigned char *p, size_t n,
    int space, int strip)
{
	size_t	 i, k, l, start;
	unsigned v[4];

	buf_addf(b, "begin 644 %s\r\n", name);
	for (i = 0; i < n; i += 45) {
		l = n - i < 45 ? n - i : 45;
		start = b->len;
		buf_addf(b, "%c", (char)(' ' + l));
		for (k = 0; k < l; k += 3) {
			unsigned c0 = p[i + k], c1 = k + 1 < l ? p[i + k + 1] :
			    0, c2 = k + 2 < l ? p[i + k + 2] : 0;
			int j;

			v[0] = c0 >> 2;
			v[1] = (c0 << 4 | c1 >> 4) & 077;
			v[2] = (c1 << 2 | c2 >> 6) & 077;
			v[3] = c2 & 077;
			for (j = 0; j < 4; j++)
				buf_addf(b, "%c", v[j] == 0 ? (space ? ' ' :
				    '`') : (char)(' ' + v[j]));
		}
		while (strip && b->len > start + 1 && b->ptr[b->len - 1] ==
		    ' ')
			b->ptr[--b->len] = '\0';
		buf_adds(b, "\r\n");
	}
	buf_adds(b, "`\r\nend\r\n");
}

/* The SHA-256 of the program a mail's scan finds, or NULL. */
static const char *
exe_sha(struct detect_scan *s, const struct buf *b, struct detect_result *r)
{
	const struct detect_finding *f;

	scan_mail(s, b->ptr, b->len, r);
	f = dt_find(r, "attach.executable");
	return f != NULL ? f->sha256 : NULL;
}

/* A mail whose attachment name is in Content-Transfer-Encoding
 * x-uuencode, its content as written. */
static void
xuu_mail(struct buf *b, const char *name, const char *content)
{
	buf_reset(b);
	buf_addf(b, "From: a@northwind.example\r\nSubject: Invoice\r\n"
	    "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=zz"
	    "\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nSee the file."
	    "\r\n--zz\r\nContent-Type: application/octet-stream; "
	    "name=\"%s\"\r\nContent-Transfer-Encoding: x-uuencode\r\n"
	    "\r\n%s--zz--\r\n", name, content);
}

/*
 * uuencoded files: a block in a plain-text body is an attachment to
 * Outlook and Thunderbird, a .uue attachment an archive to WinRAR and
 * 7-Zip, and a part of Content-Transfer-Encoding x-uuencode is decoded
 * (GMime's decoder read its begin line as data and lost its place at a
 * space, the zero of older encoders).
 */
static void
uuencoded(struct detect_scan *s)
{
	static const unsigned char js[] = "var s = new ActiveXObject("
	    "'WScript.Shell'); s.Run('cmd /c calc');";
	unsigned char		 pe[512];
	char			 sha[65];
	const struct detect_finding *f;
	struct detect_result	 r;
	struct buf		 b, u;
	int			 i;

	memset(pe, 0, sizeof(pe));
	memcpy(pe, "MZ", 2);
	pe[0x3c] = 0x80;
	memcpy(pe + 0x80, "PE\0\0", 4);
	sha256_hex(pe, sizeof(pe), sha);
	buf_init(&b, 128u << 20);
	buf_init(&u, 1 << 16);

	uuenc(&u, "invoice.exe", pe, sizeof(pe), 0, 0);
	buf_addf(&b, "From: a@northwind.example\r\nSubject: Invoice\r\n"
	    "Content-Type: text/plain\r\n\r\nThe invoice:\r\n\r\n%s\r\n"
	    "Regards\r\n", u.ptr);
	scan_mail(s, b.ptr, b.len, &r);
	f = dt_find(&r, "attach.executable");
	is_str(f ? f->attachment : NULL, "invoice.exe", "a program "
	    "uuencoded in a plain-text body is read as its attachment");
	is_str(f ? f->sha256 : NULL, sha, "decoded whole (its SHA-256)");

	buf_reset(&u);
	uuenc(&u, "invoice.js", js, sizeof(js) - 1, 1, 1);
	buf_reset(&b);
	buf_addf(&b, "From: a@northwind.example\r\nSubject: Invoice\r\n"
	    "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=zz"
	    "\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nSee the file."
	    "\r\n--zz\r\nContent-Type: application/octet-stream\r\n"
	    "Content-Disposition: attachment; filename=\"invoice.uue\"\r\n"
	    "\r\n%s--zz--\r\n", u.ptr);
	scan_mail(s, b.ptr, b.len, &r);
	f = dt_find(&r, "attach.script");
	is_str(f ? f->attachment : NULL, "invoice.uue > invoice.js",
	    "a .uue attachment's file is read as an archive's");

	/* Spaces for zeros, trailing ones stripped: decoded all the same. */
	buf_reset(&u);
	uuenc(&u, "setup.exe", pe, sizeof(pe), 1, 1);
	xuu_mail(&b, "setup.exe", u.ptr);
	is_str(exe_sha(s, &b, &r), sha, "a part in x-uuencode, spaces for "
	    "zeros and trailing ones stripped, is decoded");

	/* 65 blocks: 64 read, the 65th checked by its name, the cut said;
	 * the same data under two names is two files. */
	buf_reset(&b);
	buf_adds(&b, "From: a@northwind.example\r\nSubject: Files\r\n"
	    "Content-Type: text/plain\r\n\r\n");
	for (i = 0; i < 65; i++) {
		char name[32], data[32];

		buf_reset(&u);
		snprintf(name, sizeof(name), "%s%d.%s", i == 64 ? "late" :
		    "notes", i, i == 64 ? "js" : "txt");
		snprintf(data, sizeof(data), "notes %d", i == 64 ? 0 : i);
		uuenc(&u, i == 63 ? "run.js" : name, i == 63 ? js :
		    (const unsigned char *)data, i == 63 ? sizeof(js) - 1 :
		    strlen(data), 0, 0);
		buf_adds(&b, u.ptr);
	}
	scan_mail(s, b.ptr, b.len, &r);
	ok(has_file(&r, "attach.script", "run.js") && has_file(&r,
	    "attach.script", "late64.js") && dt_find(&r, "engine.truncated") !=
	    NULL, "64 blocks are read, the 65th checked by its name, the cut "
	    "said");

	/* A block with no end line ends at the next begin line; one that
	 * starts with a line of no bytes, one whose name follows blanks,
	 * one whose name starts with the bytes of a UTF-16 mark. */
	buf_reset(&b);
	buf_adds(&b, "From: a@northwind.example\r\nSubject: Files\r\n"
	    "Content-Type: text/plain\r\n\r\nbegin 644 notes.txt\r\n"
	    "%=&5S=\r\n");
	buf_reset(&u);
	uuenc(&u, "invoice.js", js, sizeof(js) - 1, 0, 0);
	buf_adds(&b, u.ptr);
	buf_reset(&u);
	uuenc(&u, "      setup.exe", pe, sizeof(pe), 0, 0);
	buf_adds(&b, strstr(u.ptr, "\r\n") != NULL ? "" : "");
	{
		/* a backquote line before its data */
		char *nl = strstr(u.ptr, "\r\n");

		buf_add(&b, u.ptr, (size_t)(nl - u.ptr) + 2);
		buf_adds(&b, "`\r\n");
		buf_adds(&b, nl + 2);
	}
	buf_reset(&u);
	uuenc(&u, "\xff\xfeinvoice.vbs", js, sizeof(js) - 1, 0, 0);
	buf_adds(&b, u.ptr);
	scan_mail(s, b.ptr, b.len, &r);
	ok(has_file(&r, "attach.script", "invoice.js"), "a block with no end "
	    "line does not hide the next");
	f = dt_find(&r, "attach.executable");
	is_str(f ? f->sha256 : NULL, sha, "a line of no bytes first, and "
	    "blanks before the name: read");
	is_str(f ? f->attachment : NULL, "setup.exe", "the name without its "
	    "blanks");
	f = dt_find(&r, "attach.script");
	ok(has_rule_like(&r, "attach.script", "invoice.vbs"), "FF FE before "
	    "a name is no UTF-16 mark");

	/* Decoders take any character modulo 64 and what follows the
	 * count as padding, and end a line at a bare CR (review 26): a
	 * first line with a lower-case alias and extra characters, and a
	 * block of CR-ended lines, are read. */
	buf_reset(&u);
	uuenc(&u, "setup.exe", pe, sizeof(pe), 0, 0);
	{
		char	*d = strstr(u.ptr, "\r\n") + 2, *c;

		/* '!' to ':' and 'a' to 'z' are the same 6 bits. */
		for (c = d + 1; *c != '\r'; c++)
			if (*c >= '!' && *c <= ':') {
				*c = (char)(*c + 0x40);
				break;
			}
		buf_reset(&b);
		buf_adds(&b, "From: a@northwind.example\r\nSubject: Files\r\n"
		    "Content-Type: text/plain\r\n\r\nHere:\r\n");
		buf_add(&b, u.ptr, (size_t)(strstr(d, "\r\n") - u.ptr));
		buf_adds(&b, "xyz");
		buf_adds(&b, strstr(d, "\r\n"));
	}
	is_str(exe_sha(s, &b, &r), sha, "a lower-case alias and padding "
	    "in the first line: read");
	{
		size_t	 k, o = 0;
		char	*t = xstrdup(u.ptr);

		for (k = 0; t[k] != '\0'; k++)
			if (!(t[k] == '\n' && k > 0 && t[k - 1] == '\r'))
				t[o++] = t[k];
		t[o] = '\0';
		buf_reset(&b);
		buf_addf(&b, "From: a@northwind.example\r\nSubject: Files"
		    "\r\nContent-Type: text/plain\r\n\r\nHere:\r\n%s", t);
		free(t);
	}
	is_str(exe_sha(s, &b, &r), sha, "lines ended by a bare CR: read");

	/* An x-uuencode part whose begin line has no mode and no name. */
	buf_reset(&u);
	uuenc(&u, "x", pe, sizeof(pe), 0, 0);
	{
		struct buf	 t;

		buf_init(&t, 1 << 16);
		buf_addf(&t, "begin\r\n%s", strstr(u.ptr, "\r\n") + 2);
		xuu_mail(&b, "setup.bin", t.ptr);
		buf_release(&t);
	}
	is_str(exe_sha(s, &b, &r), sha, "an x-uuencode part after a bare "
	    "\"begin\"");

	/* After 4 MB of text, and twice: a named text part is the body
	 * too, its block read once. */
	buf_reset(&b);
	buf_adds(&b, "From: a@northwind.example\r\nSubject: Log\r\n"
	    "Content-Type: text/plain\r\nContent-Disposition: inline; "
	    "filename=\"log.txt\"\r\n\r\n");
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "a line of a long log, nothing in it at all\r\n");
	buf_reset(&u);
	uuenc(&u, "invoice.js", js, sizeof(js) - 1, 0, 0);
	buf_adds(&b, u.ptr);
	scan_mail(s, b.ptr, b.len, &r);
	{
		size_t k, n = 0;

		for (k = 0; k < r.nfindings; k++)
			n += strcmp(r.findings[k].rule, "attach.script") == 0;
		ok(b.len > (4u << 20) && n == 1, "a block after %zu bytes of "
		    "text read, once (%zu findings)", b.len, n);
	}

	/* Decoded bytes are charged to the message's 64 MB: lines "M" of
	 * 45 zeros each; past it, the name is still checked. */
	buf_reset(&b);
	buf_adds(&b, "From: a@northwind.example\r\nSubject: Zeros\r\n"
	    "Content-Type: text/plain\r\n\r\n");
	for (i = 0; i < 3; i++) {
		size_t k;

		buf_addf(&b, "begin 644 %s\r\n", i == 2 ? "zeros.exe" :
		    i == 1 ? "more.bin" : "zeros.bin");
		for (k = 0; k < (30u << 20) / 45; k++)
			buf_adds(&b, "M\r\n");
		buf_addf(&b, "%c\r\nend\r\n", i == 1 ? '!' : '`');
	}
	scan_mail(s, b.ptr, b.len, &r);
	f = dt_find(&r, "attach.script");
	ok(f != NULL && strcmp(f->attachment, "zeros.exe") == 0 &&
	    dt_find(&r, "engine.truncated") != NULL, "past the budget a "
	    "block is named, not decoded");

	/* A begin line and nothing after it, one with no end, a word
	 * "begin" in prose: a verdict, nothing invented. */
	buf_reset(&b);
	buf_adds(&b, "From: a@northwind.example\r\nSubject: Plans\r\n"
	    "Content-Type: text/plain\r\n\r\nbegin 644 plan.txt\r\n\r\n"
	    "begin 0644 \r\nbegin 999 x.exe\r\nbegin the work on Monday\r\n"
	    "begin 2026 with the new portal at www.contoso.com.\r\n"
	    "MEET US THERE\r\n"
	    "begin 644 last.txt\r\nM");
	scan_mail(s, b.ptr, b.len, &r);
	is_int(r.verdict, DETECT_CLEAN, "prose and broken begin lines are "
	    "clean");
	buf_release(&u);
	buf_release(&b);
}

/* The text pdftext.c reads from a PDF's objects and streams (given as
 * attach.c gives them), in the buffer it returns. */
struct ptcase {
	const char	*objs;		/* the file's objects */
	const char	*streams[3];	/* "N|data": stream of object N */
};

static const char *
pdf_text_of(struct detect_scan *s, const struct ptcase *c)
{
	struct pdf_text	*t = pdf_text_new(s);
	struct buf	 out;
	size_t		 i;
	char		*r;

	buf_init(&out, 1 << 20);
	if (c->objs != NULL)
		pdf_text_objects(t, (const unsigned char *)c->objs,
		    strlen(c->objs));
	for (i = 0; i < 3 && c->streams[i] != NULL; i++) {
		const char *bar = strchr(c->streams[i], '|');

		pdf_text_stream(t, (uint32_t)strtoul(c->streams[i], NULL, 10),
		    (const unsigned char *)bar + 1, strlen(bar + 1));
	}
	pdf_text_end(t, &out);
	pdf_text_free(t);
	r = arena_strndup(&A, out.ptr != NULL ? out.ptr : "", out.len);
	buf_release(&out);
	return r;
}

#define TOUNI(body) "/CIDInit /ProcSet findresource begin 12 dict begin " \
	"begincmap /CMapName /Adobe-Identity-UCS def 1 begincodespacerange " \
	"<0000> <FFFF> endcodespacerange " body " endcmap end end"

static void
pdf_texts(struct detect_scan *s)
{
	/* A simple font: WinAnsi, its Windows characters too; a line
	 * broken by Td, T* and ', words apart by a TJ gap. */
	static const struct ptcase simple = {
	    "3 0 obj << /Type /Page /Resources << /Font << /F1 5 0 R >> >> "
	    "/Contents 4 0 R >> endobj\n5 0 obj << /Type /Font /Subtype "
	    "/Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> "
	    "endobj\n",
	    { "4|BT /F1 12 Tf 72 720 Td (Call us \\(today\\)) Tj 0 -14 Td "
	      "(Caf\\351 \\223quoted\\224) Tj T* [(Total)-300(due)] TJ "
	      "(next line) ' ET" } };
	/* Word's and Chrome's: a subset font of two-byte codes, mapped by
	 * bfchar, bfrange and a bfrange of an array; a code no entry
	 * knows is left out. */
	static const struct ptcase cid = {
	    "5 0 obj << /Type /Font /Subtype /Type0 /BaseFont /AB+Calibri "
	    "/Encoding /Identity-H /ToUnicode 6 0 R >> endobj\n"
	    "3 0 obj << /Type /Page /Resources << /Font << /C0 5 0 R >> >> "
	    ">> endobj\n",
	    { "6|" TOUNI("2 beginbfchar <0003> <0048> <0004> <0069> "
	      "endbfchar 2 beginbfrange <0010> <0012> <0061> <0020> <0021> "
	      "[<00660069> <D83DDE00>] endbfrange"),
	      "4|BT /C0 10 Tf 1 0 0 1 72 700 Tm <00030004> Tj 1 0 0 1 72 680 "
	      "Tm [<0010> -20 <00110012> -400 <0020> <0021> <0099>] TJ ET" } };
	/* The same name for two fonts on two pages: each string read
	 * through the one whose map knows its codes; the font resources
	 * in an object of their own ("/Font 9 0 R"). */
	static const struct ptcase twice = {
	    "3 0 obj << /Type /Page /Resources << /Font 9 0 R >> >> endobj\n"
	    "9 0 obj << /F1 5 0 R >> endobj\n"
	    "8 0 obj << /Type /Page /Resources << /Font << /F1 7 0 R >> >> "
	    ">> endobj\n"
	    "5 0 obj << /Type /Font /Subtype /Type0 /ToUnicode 6 0 R >> "
	    "endobj\n7 0 obj << /Type /Font /Subtype /Type0 /ToUnicode 10 0 R "
	    ">> endobj\n",
	    { "6|" TOUNI("1 beginbfrange <0001> <0003> <0041> endbfrange"),
	      "10|" TOUNI("1 beginbfrange <0004> <0006> <0058> endbfrange"),
	      "4|BT /F1 9 Tf <000400050006> Tj 0 -12 Td <000100020003> Tj "
	      "ET" } };
	/* Japanese fonts not embedded: UniJIS-UCS2-H's codes are UCS-2,
	 * 90ms-RKSJ-H's Shift_JIS. */
	static const struct ptcase ja = {
	    "5 0 obj << /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho "
	    "/Encoding /UniJIS-UCS2-H >> endobj\n6 0 obj << /Type /Font "
	    "/Subtype /Type0 /BaseFont /MS-Gothic /Encoding /90ms-RKSJ-H >> "
	    "endobj\n3 0 obj << /Resources << /Font << /J1 5 0 R /J2 6 0 R >> "
	    ">> >> endobj\n",
	    { "4|BT /J1 10 Tf <8ACB6C4266F8> Tj T* /J2 10 Tf "
	      "<82A88E7895A582A2> Tj ET" } };
	/* A font with no map whose codes are glyphs gives nothing, not
	 * noise; an inline image's data is not read as a drawing. */
	static const struct ptcase nomap = {
	    "5 0 obj << /Type /Font /Subtype /Type0 /Encoding /Identity-H >> "
	    "endobj\n3 0 obj << /Resources << /Font << /F1 5 0 R >> >> >> "
	    "endobj\n",
	    { "4|BT /F1 9 Tf <0123> Tj ET BI /W 1 /H 1 ID \x01(hidden) Tj "
	      "BT EI q BT /F9 8 Tf (shown) Tj ET" } };
	/* Broken drawings and maps: an unterminated string, a map's entry
	 * cut short, an array never closed. */
	static const struct ptcase broken = {
	    "5 0 obj << /Type /Font /Subtype /Type0 /ToUnicode 6 0 R >> "
	    "endobj\n3 0 obj << /Font << /F1 5 0 R /F2 >> >> endobj\n",
	    { "6|" TOUNI("2 beginbfchar <0001> <0041> <0002"),
	      "4|BT /F1 9 Tf <00010002> Tj [(a) (b) TJ (open Tj",
	      "7|BT /F1 9 Tf [<0001" } };

	is_str(pdf_text_of(s, &simple), "Call us (today)\nCaf\xc3\xa9 "
	    "\xe2\x80\x9cquoted\xe2\x80\x9d\nTotal due\nnext line\n",
	    "pdftext: a simple font, WinAnsi, its lines and a TJ gap");
	is_str(pdf_text_of(s, &cid), "Hi\nabc fi\xf0\x9f\x98\x80\n",
	    "pdftext: two-byte codes through ToUnicode (bfchar, bfrange, "
	    "arrays, a surrogate pair)");
	is_str(pdf_text_of(s, &twice), "XYZ\nABC\n",
	    "pdftext: one name for two fonts, each string its own");
	is_str(pdf_text_of(s, &ja), "\xe8\xab\x8b\xe6\xb1\x82\xe6\x9b\xb8\n"
	    "\xe3\x81\x8a\xe6\x94\xaf\xe6\x89\x95\xe3\x81\x84\n",
	    "pdftext: UniJIS-UCS2-H and 90ms-RKSJ-H");
	is_str(pdf_text_of(s, &nomap), "shown\n",
	    "pdftext: glyph codes with no map, an inline image");
	ok(pdf_text_of(s, &broken) != NULL, "pdftext: broken drawings and "
	    "maps read without harm");
}

/* The engine's own words in a value said in Japanese: only what it put
 * there. */
static void
ja_words(struct detect_scan *s)
{
	/* A file named with the engine's words keeps its name. */
	is_str(ja_labels(s, "picture in the HTML (data: URL) (frame 2)"),
	    "HTML 内の画像 (data: URL) (フレーム 2)", "a picture's name");
	is_str(ja_labels(s, "a.zip > b.pdf > drawing"), "a.zip > b.pdf > 描画",
	    "a drawing's name");
	is_str(ja_labels(s, "(unnamed image/png)"), "(名前のない image/png)",
	    "a part of no name");
	is_str(ja_labels(s, "picture in the HTML (frame 3) (no address) "
	    "(disguised).pdf"), "picture in the HTML (frame 3) (no address) "
	    "(disguised).pdf", "a file named with the engine's words");
	is_str(ja_labels(s, "x (frame 2) y"), "x (frame 2) y",
	    "... inside a name");
}

int
main(void)
{
	struct detect_engine	*e;
	struct detect_scan	*s;

	plan_lazy();
	arena_init(&A, 0);
	charsets();
	charsets_jis();
	charsets_bad_utf8();
	charsets_utf16();
	norm();
	phrase_table();
	brand_table();
	if ((e = dt_engine(NULL, NULL, NULL)) == NULL)
		return done_testing();
	s = detect_scan_new(e);
	mime(s);
	ja_words(s);
	encoded_words(s);
	named_body(s);
	parts_past_limit(s);
	bayes(s);
	names_blank(s);
	broken_multipart(s);
	uuencoded(s);
	pdf_texts(s);
	detect_scan_free(s);
	detect_engine_free(e);
	token_list();
	arena_release(&A);
	return done_testing();
}
