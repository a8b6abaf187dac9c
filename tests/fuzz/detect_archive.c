/* detect_archive: any bytes as an attachment (type sniffing, archives,
 * documents, images), with a PPAP password known to the scan. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "internal.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct detect_engine	*E;
static struct detect_scan	*S;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct detect_opts	 o;
	char			 err[256];

	(void)argc;
	(void)argv;
	detect_opts_init(&o);
	if ((E = detect_engine_new(&o, err, sizeof(err))) == NULL)
		abort();
	S = detect_scan_new(E);
	detect_scan_add_password(S, "infected");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	scan_begin(S);
	attach_file(S, "fuzz.bin", p, n, n, NULL, NULL, 0);
	urlcheck_run(S);
	return 0;
}
