/* 13-email: the strict address subset. */
#include <string.h>

#include "email.h"
#include "tap.h"

int
main(void)
{
	static const char *good[] = {
		"a@example.com", "first.last@example.co.jp", "x+tag@sub.example.org",
		"o'brien@example.ie", "A@EXAMPLE.COM", "1@a1.io",
		"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl@example.com",
	};
	static const char *bad[] = {
		"", "a", "a@", "@a.com", "a@b", "a@.com", "a@com.", ".a@b.com",
		"a.@b.com", "a..b@c.com", "a@b..com", "a b@c.com", "a@b c.com",
		"a@b.com\r\nBcc: x@y.com", "a@b.com\n", "a\"b@c.com", "a@b.c",
		"a@b.123", "a@-b.com", "a@b-.com", "é@b.com", "a@é.com",
		"<a@b.com>", "a@b.com,c@d.com", "a@b@c.com", "a(b)@c.com",
		"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm@example.com",
	};
	char	 out[255], big[300];
	size_t	 i;

	for (i = 0; i < sizeof(good) / sizeof(*good); i++)
		ok(email_valid(good[i]), "valid: %s", good[i]);
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		ok(!email_valid(bad[i]), "invalid: '%s'", bad[i]);
	memset(big, 'a', sizeof(big));
	memcpy(big + 240, "@example.com", 13);
	ok(!email_valid(big), "over 254 bytes is invalid");
	ok(email_normalize("Mixed.Case@Example.COM", out) == 0, "normalize");
	is_str(out, "mixed.case@example.com", "lower-cased");
	is_int(email_normalize("no", out), -1, "normalize refuses invalid");
	return done_testing();
}
