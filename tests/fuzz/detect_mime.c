/* detect_mime: the MIME adapter and every analyzer behind it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "detect.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct detect_engine	*E;
static struct detect_scan	*S;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const own[] = { "contoso.com", NULL };
	struct detect_opts	 o;
	char			 err[256];

	(void)argc;
	(void)argv;
	detect_opts_init(&o);
	o.own_domains = own;
	if ((E = detect_engine_new(&o, err, sizeof(err))) == NULL)
		abort();
	S = detect_scan_new(E);
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
