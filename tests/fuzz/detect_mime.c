/* detect_mime: the MIME adapter and every analyzer behind it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "detect.h"
#include "detect_fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const own[] = { "contoso.com", NULL };

	(void)argc;
	(void)argv;
	detect_fuzz_init(own);
	detect_scan_add_password(S, "infected");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct detect_result	 r;

	if (detect_scan_mime(S, p, n, NULL, &r) != 0 ||
	    r.verdict >= DETECT_VERDICT__MAX)
		abort();
	return 0;
}
