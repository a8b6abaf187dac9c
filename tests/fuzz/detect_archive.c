/* detect_archive: any bytes as an attachment (type sniffing, archives,
 * documents, images), with a PPAP password known to the scan. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "internal.h"
#define DETECT_FUZZ_PASSWORD	"infected"
#include "detect_fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	scan_begin(S);
	attach_file(S, "fuzz.bin", p, n, n, NULL, NULL, 0);
	urlcheck_run(S);
	return 0;
}
