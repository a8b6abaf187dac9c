/* 15-mail-compose: templates fill and escape; headers refuse CR/LF. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mail.h"
#include "tap.h"

int
main(void)
{
	struct buf	 s = BUF_INIT, t = BUF_INIT, h = BUF_INIT, m = BUF_INIT;
	struct mail_var	 v[] = {
		{ "email", "a@example.com" }, { "code", "ABCD-EFGH-JKMN" },
		{ "signin_url", "http://x/signin?email=a%40example.com&x=<y>" },
		{ "portal_url", "http://x/" },
	};
	const char	*dir = "mail/templates";	/* tests run in the
							   source tree */

	ok(mail_render(dir, "registration", "en", v, 4, &s, &t, &h) == 0,
	    "registration.en renders");
	is_str(s.ptr, "Your Shindan confirmation number", "subject line");
	like_str(t.ptr, "ABCD-EFGH-JKMN", "the number in the text");
	like_str(t.ptr, "x=<y>", "text values are as is");
	like_str(h.ptr, "x=&lt;y&gt;", "HTML values are escaped");
	unlike_str(h.ptr, "{{", "no placeholder left");
	buf_reset(&s); buf_reset(&t); buf_reset(&h);
	ok(mail_render(dir, "registration", "ja", v, 4, &s, &t, &h) == 0,
	    "registration.ja renders");
	like_str(s.ptr, "確認番号", "Japanese subject");
	buf_reset(&s); buf_reset(&t); buf_reset(&h);
	is_int(mail_render(dir, "registration", "en", v, 2, &s, &t, &h), -1,
	    "a missing variable is an error");
	buf_reset(&s); buf_reset(&t); buf_reset(&h);
	is_int(mail_render(dir, "nosuch", "en", v, 4, &s, &t, &h), -1,
	    "a missing template is an error");
	is_int(mail_render(dir, "../registration", "en", v, 4, &s, &t, &h), -1,
	    "a path in the kind is refused");

	ok(mail_compose("Shindan <no-reply@example.com>", "a@example.com",
	    "件名 subject", "text", "<p>html</p>", 1700000000,
	    "shindan-x-1@example.com", &m) == 0, "compose");
	like_str(m.ptr, "\r\nSubject: =?UTF-8?", "a non-ASCII subject is encoded");
	like_str(m.ptr, "Message-Id: <shindan-x-1@example.com>", "the Message-ID given");
	like_str(m.ptr, "Date: Tue, 14 Nov 2023 22:13:20 +0000", "the Date given");
	like_str(m.ptr, "multipart/alternative", "text and HTML");
	ok(strstr(m.ptr, "\n") == NULL || strstr(m.ptr, "\r\n") != NULL,
	    "CRLF line ends");
	buf_reset(&m);
	is_int(mail_compose("Shindan <no-reply@example.com>",
	    "a@example.com\r\nBcc: x@example.org", "s", "t", "h", 0, "id@x", &m),
	    -1, "CR/LF in To is refused");
	is_int(mail_compose("Shindan <no-reply@example.com>", "a@example.com",
	    "s\nBcc: x@example.org", "t", "h", 0, "id@x", &m), -1,
	    "LF in the subject is refused");
	buf_release(&s); buf_release(&t); buf_release(&h); buf_release(&m);
	return done_testing();
}
