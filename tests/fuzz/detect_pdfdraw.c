/* detect_pdfdraw: the reader of a PDF content stream's vector paths
 * (QR codes drawn with filled rectangles) on any bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "detect_fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	/* A fresh scan: its arena, links and findings (a page or a
	 * drawing may add QR codes' links and findings). */
	scan_begin(S);
	pdf_paths_qr(S, "fuzz.pdf", p, n);
	return 0;
}
