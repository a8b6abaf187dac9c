/* 70-link: the nextLink validator (SECURITY.md R-OA-12) and $top. */
#include <string.h>

#include "buf.h"
#include "link.h"
#include "tap.h"

#define G	"https://graph.microsoft.com/v1.0"

static const char *const good[] = {
	G "/users/abc/messages?$skip=250",
	G "/me/messages?%24select=id%2csubject&%24top=250&%24skip=500",
	G "/users?$select=id&$top=999&$skiptoken=RFNwdAIAAQAAAB",
	G "/users/eb52b3b2-c4ac-4b4f-bacd-d5f7ece55df0/messages?$filter="
	    "receivedDateTime%20ge%202024-01-01T00:00:00Z&$skip=10",
	G "/me/messages?$filter=subject%20eq%20'a..b'",	/* dots in a query */
	G "/$batch",
};

static const char *const bad[] = {
	"https://graph.microsoft.com.evil/v1.0/users",
	"https://graph.microsoft.com.evil.example/",
	"https://graph.microsoft.com@evil.example/v1.0/users",
	"https://evil.example/v1.0/users?x=" G,
	"http://graph.microsoft.com/v1.0/users",
	"https://graph.microsoft.com/v1.0.evil/users",
	"https://graph.microsoft.com/v1.0",			/* no path */
	"https://graph.microsoft.com/v2/users",
	"https://GRAPH.microsoft.com/v1.0/users",
	"https://graph.microsoft.com:8443/v1.0/users",
	G "/../../evil",
	G "/users/%2e%2e/x",
	G "/users/%2E%2e%2fx",
	G "/users/./x",
	G "/users/..",
	G "/users/a\\b",
	G "/users/a b",
	G "/users/a#frag",
	G "/users/\xe3\x81\x82",
	G "/users/a\r\nHost: evil",
	"",
	"javascript:alert(1)",
	"//graph.microsoft.com/v1.0/users",
	" https://graph.microsoft.com/v1.0/users",
};

int
main(void)
{
	struct buf	 b = BUF_INIT;
	char		 longlink[LINK_MAX + 64];
	size_t		 i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ok(link_ok(G, good[i]), "followed: %s", good[i]);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ok(!link_ok(G, bad[i]), "refused: %s", bad[i]);
	ok(!link_ok(G, NULL), "refused: NULL");
	ok(!link_ok("", G "/users"), "refused under an empty base");
	ok(!link_ok("graph.microsoft.com", "graph.microsoft.com/x"),
	    "refused under a base without a scheme");
	ok(link_okn(G, G "/users\0/evil", strlen(G "/users")),
	    "the length given is what is checked");
	ok(!link_okn(G, G "/users\0/evil", strlen(G "/users") + 6),
	    "a NUL inside is refused");
	memset(longlink, 'a', sizeof(longlink));
	memcpy(longlink, G "/", strlen(G "/"));
	longlink[LINK_MAX] = '\0';
	ok(link_ok(G, longlink), "LINK_MAX bytes: followed");
	longlink[LINK_MAX] = 'a';
	longlink[LINK_MAX + 1] = '\0';
	ok(!link_ok(G, longlink), "LINK_MAX + 1 bytes: refused");
	ok(link_ok("http://127.0.0.1:8081/v1.0",
	    "http://127.0.0.1:8081/v1.0/me/messages?$skip=1"),
	    "a loopback http base works as configured");
	ok(!link_ok("http://127.0.0.1:8081/v1.0",
	    "http://127.0.0.1:80810/v1.0/me"), "another port is refused");

	is_int(link_top(G "/me/messages?$select=id&$top=250&$skip=250"), 250,
	    "$top read");
	is_int(link_top(G "/me/messages?%24top=100"), 100, "%%24top read");
	is_int(link_top(G "/me/messages?$skip=2"), -1, "no $top");
	is_int(link_top(G "/me/messages?$topx=2"), -1, "$topx is not $top");
	ok(link_set_top(G "/me/messages?$select=id&$top=250&$skip=250", 125,
	    &b) == 0, "$top replaced");
	is_str(b.ptr, G "/me/messages?$select=id&$top=125&$skip=250",
	    "only its value changes");
	buf_reset(&b);
	ok(link_set_top(G "/me/messages?%24TOP=1000", 10, &b) == 0 &&
	    strcmp(b.ptr, G "/me/messages?%24TOP=10") == 0,
	    "%%24TOP replaced");
	buf_reset(&b);
	ok(link_set_top(G "/me/messages?$skip=2", 10, &b) == -1,
	    "no $top: nothing to replace");
	buf_release(&b);
	done_testing();
	return 0;
}
