/* detect_tnef: any bytes as a TNEF stream (winmail.dat) read past its
 * signature, as tnef_walk() reads one that attach_file() recognised;
 * each file it holds goes on to attach_file() as any attachment. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "internal.h"
#include "detect_fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	scan_begin(S);
	tnef_walk(S, "winmail.dat", p, n);
	urlcheck_run(S);
	return 0;
}
