/*
 * runner_link: libFuzzer target for the runner's link validator
 * (scan/link.c, SECURITY.md R-OA-12).  Properties checked on every
 * input: no crash; a link accepted starts with the base followed by '/',
 * holds only printable ASCII and no "/../"; $top rewriting of an
 * accepted link gives an accepted link.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "link.h"

#define BASE	"https://graph.microsoft.com/v1.0"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char		*s;
	struct buf	 b = BUF_INIT;
	size_t		 i;

	if (n > LINK_MAX + 16)
		return 0;
	s = malloc(n + 1);
	memcpy(s, data, n);
	s[n] = '\0';
	if (link_okn(BASE, s, n)) {
		if (strncmp(s, BASE "/", strlen(BASE) + 1) != 0)
			abort();
		for (i = 0; i < n; i++)
			if ((unsigned char)s[i] <= 0x20 ||
			    (unsigned char)s[i] >= 0x7f)
				abort();
		if (strstr(s, "/../") != NULL && strchr(s, '?') == NULL)
			abort();
		if (link_set_top(s, 17, &b) == 0 && !link_ok(BASE, b.ptr))
			abort();
	}
	(void)link_top(s);
	buf_release(&b);
	free(s);
	return 0;
}
