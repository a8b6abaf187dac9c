/*
 * detect_fuzz.h: what every detect_* libFuzzer target shares: one
 * engine and one scan context, made once before the first input.
 * Include it once, in the target's only source file.
 */
#ifndef SHINDAN_DETECT_FUZZ_H
#define SHINDAN_DETECT_FUZZ_H

#include <stdint.h>
#include <stdlib.h>

#include "detect.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct detect_engine	*E;
static struct detect_scan	*S;

/*
 * Every target's LLVMFuzzerInitialize: the engine, knowing the
 * organisation's domain DETECT_FUZZ_OWN and the PPAP password
 * DETECT_FUZZ_PASSWORD when the target defines them before including
 * this file.
 */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
#ifdef DETECT_FUZZ_OWN
	static const char *const own[] = { DETECT_FUZZ_OWN, NULL };
#else
	static const char *const *own = NULL;
#endif
	struct detect_opts	 o;
	char			 err[256];

	(void)argc;
	(void)argv;
	detect_opts_init(&o);
	o.own_domains = own;
	if ((E = detect_engine_new(&o, err, sizeof(err))) == NULL ||
	    (S = detect_scan_new(E)) == NULL)
		abort();
#ifdef DETECT_FUZZ_PASSWORD
	detect_scan_add_password(S, DETECT_FUZZ_PASSWORD);
#endif
	return 0;
}

#endif
