/* 12-html: escaping, bidi neutralisation, URL encoding. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "tap.h"

static const char *
esc(const char *s)
{
	static struct buf b = BUF_INIT;

	buf_reset(&b);
	html_text(&b, s);
	return b.ptr;
}

int
main(void)
{
	struct buf	 b = BUF_INIT;
	char		 s[64];
	int		 i, j, bad = 0;

	is_str(esc("<a href=\"x\">'&'</a>"),
	    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
	    "the five characters are escaped");
	is_str(esc("日本語のテキスト"), "日本語のテキスト", "UTF-8 passes");
	is_str(esc("a\xff\xfe" "b"), "ab", "invalid UTF-8 is dropped");
	is_str(esc("\xc0\xaf"), "", "overlong encodings are dropped");
	is_str(esc("\xed\xa0\x80"), "", "surrogates are dropped");
	is_str(esc("evil\xe2\x80\xaegnp.exe"), "evil\xef\xbf\xbdgnp.exe",
	    "a right-to-left override is neutralised");
	is_str(esc("\xe2\x81\xa6x\xe2\x81\xa9"), "\xef\xbf\xbdx\xef\xbf\xbd",
	    "bidi isolates are neutralised");
	is_str(esc("a\x01\x1b[31mb"), "a\xef\xbf\xbd\xef\xbf\xbd[31mb",
	    "control characters are neutralised");
	is_str(esc(NULL), "", "NULL writes nothing");

	/* Property: no input byte string yields a raw < > " ' or &x not
	 * part of an entity. */
	srand(1);
	for (i = 0; i < 20000 && !bad; i++) {
		const char *o;

		for (j = 0; j < 63; j++)
			s[j] = (char)(rand() % 255 + 1);
		s[63] = '\0';
		o = esc(s);
		if (strpbrk(o, "<>\"'") != NULL)
			bad = 1;
	}
	ok(!bad, "20000 random strings: no markup character survives");

	url_encode(&b, "a b&c=d/é~");
	is_str(b.ptr, "a%20b%26c%3Dd%2F%C3%A9~", "url_encode");
	snprintf(s, sizeof(s), "%s", "a+b%20c%2Fd");
	is_int(url_decode(s), 7, "url_decode length");
	is_str(s, "a b c/d", "url_decode");
	snprintf(s, sizeof(s), "%s", "bad%2");
	is_int(url_decode(s), -1, "a truncated escape is an error");
	snprintf(s, sizeof(s), "%s", "x%00y");
	ok(url_decode(s) == 3 && strlen(s) == 1, "an escaped NUL shows as a length mismatch");
	buf_release(&b);
	buf_init(&b, 1024);
	text_sanitize(&b, "ok\xe2\x80\xae\n\x07", 7);
	is_str(b.ptr, "ok\xef\xbf\xbd\n\xef\xbf\xbd", "text_sanitize keeps newlines, neutralises the rest");
	buf_release(&b);
	return done_testing();
}
