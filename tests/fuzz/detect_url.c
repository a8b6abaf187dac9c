/* detect_url: URL parsing and normalisation, extraction from text, the
 * look-alike test and the text normalisation, on any bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#define DETECT_FUZZ_OWN		"contoso.com"
#include "detect_fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct durl		 d;
	struct buf		 b;
	struct norm_stats	 st;
	enum look_kind		 how;
	size_t			 i;

	arena_reset(&S->a);
	S->nu = S->ucap = 0;
	S->u = NULL;
	hset_init(&S->useen, &S->a);
	if (url_parse(S, (const char *)p, n, &d) == 0 && d.host != NULL) {
		if (d.url == NULL || d.domain == NULL)
			abort();
		if (dom_lookalike(S, d.host, d.uhost, d.domain, &how) !=
		    NULL && look_how(how, 0)[0] == '\0')
			abort();	/* every likeness is said */
		(void)dom_random(d.host);
	}
	url_scan_text(S, (const char *)p, n, UO_TEXT, NULL);
	for (i = 0; i < S->nu; i++)
		if (S->u[i].url == NULL)
			abort();
	buf_init(&b, 1u << 20);
	memset(&st, 0, sizeof(st));
	text_norm(&b, (const char *)p, n, &st);
	buf_release(&b);
	return 0;
}
