/*
 * report_csv: libFuzzer target for the CSV cell writer (report/csv.c,
 * SECURITY.md R-W-5).  Properties checked on every input: no crash; the
 * cell is one quoted field (it starts and ends with '"' and every other
 * '"' is doubled); its first character is never a formula trigger.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csv.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct buf	 out = BUF_INIT;
	struct csv	 c;
	size_t		 i;

	if (n > 65536)
		return 0;
	csv_init(&c, &out);
	csv_celln(&c, (const char *)data, n);
	if (out.len < 2 || out.ptr[0] != '"' || out.ptr[out.len - 1] != '"')
		abort();
	if (out.len > 2 && csv_trigger((unsigned char)out.ptr[1]))
		abort();
	for (i = 1; i + 1 < out.len; i++) {
		if (out.ptr[i] != '"')
			continue;
		if (out.ptr[i + 1] != '"' || i + 2 >= out.len)
			abort();
		i++;
	}
	csv_release(&c);
	buf_release(&out);
	return 0;
}
