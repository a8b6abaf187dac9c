/* detect_pdfdraw: the reader of a PDF content stream's vector paths
 * (QR codes drawn with filled rectangles) on any bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "detect_fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	detect_fuzz_init(NULL);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	arena_reset(&S->a);
	S->nu = S->ucap = 0;
	S->u = NULL;
	hset_init(&S->useen, &S->a);
	/* A code read adds a link and a finding, in the arena just reset. */
	S->f = NULL;
	S->nf = S->fcap = 0;
	S->qr_images = 0;
	pdf_paths_qr(S, "fuzz.pdf", p, n);
	return 0;
}
