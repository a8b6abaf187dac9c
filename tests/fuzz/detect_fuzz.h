/*
 * detect_fuzz.h: what every detect_* libFuzzer target shares: one
 * engine and one scan context, made once before the first input (own:
 * the organisation's domains, NULL for none).  Include it once, in the
 * target's only source file.
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

static void
detect_fuzz_init(const char *const *own)
{
	struct detect_opts	 o;
	char			 err[256];

	detect_opts_init(&o);
	o.own_domains = own;
	if ((E = detect_engine_new(&o, err, sizeof(err))) == NULL ||
	    (S = detect_scan_new(E)) == NULL)
		abort();
}

#endif
