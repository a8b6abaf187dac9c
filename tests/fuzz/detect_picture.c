/* detect_picture: any bytes as a picture (PNG, JPEG, GIF, WebP): the
 * decoders of picture.c and zbar behind them, dark on light, light on
 * dark and, for a transparent one, on black. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "detect_fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	/* A fresh scan: its arena, links, findings and picture budget. */
	scan_begin(S);
	qr_scan(S, "fuzz.picture", p, n);
	return 0;
}
