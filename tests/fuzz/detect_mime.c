/* detect_mime: the MIME adapter and every analyzer behind it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "detect.h"
#define DETECT_FUZZ_OWN		"contoso.com"
#define DETECT_FUZZ_PASSWORD	"infected"
#include "detect_fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct detect_result	 r;

	if (detect_scan_mime(S, p, n, NULL, &r) != 0 ||
	    r.verdict >= DETECT_VERDICT__MAX)
		abort();
	return 0;
}
