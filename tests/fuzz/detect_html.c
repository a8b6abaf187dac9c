/* detect_html: the HTML scanner and the charset converter on any
 * bytes (the first byte picks the declared charset). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "detect_fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	static const char *const cs[] = { NULL, "utf-8", "iso-2022-jp",
	    "shift_jis", "euc-jp", "us-ascii", "x-bogus", "windows-1252" };
	struct html_info	 hi;
	struct buf		 vis;
	const char		*u;
	size_t			 ul;

	if (n == 0)
		return 0;
	/* A fresh scan: its arena, links and findings (a page or a
	 * drawing may add QR codes' links and findings). */
	scan_begin(S);
	u = text_to_utf8(&S->a, cs[p[0] % 8], (const char *)p + 1, n - 1,
	    1u << 20, &ul);
	/* The output is valid UTF-8 (controls allowed). */
	{
		size_t	 i, k;
		uint32_t c;

		for (i = 0; i < ul; i += k) {
			k = utf8_next(u + i, ul - i, &c);
			if (c == 0xfffd && k == 1)
				abort();
		}
	}
	memset(&hi, 0, sizeof(hi));
	buf_init(&vis, 1u << 20);
	html_scan(S, (const char *)p + 1, n - 1, NULL, &vis, &hi);
	buf_release(&vis);
	return 0;
}
