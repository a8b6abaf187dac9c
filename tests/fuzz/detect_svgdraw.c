/* detect_svgdraw: the reader of an SVG picture's shapes (QR codes drawn
 * with rectangles, dots and paths) on any bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "detect_fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	/* A fresh scan: its arena, links and findings. */
	scan_begin(S);
	svg_paths_qr(S, "fuzz.svg", (const char *)p, n);
	return 0;
}
