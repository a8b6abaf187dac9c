/* detect_outlook: any bytes as Outlook's formats, chosen by the first
 * byte: an Outlook item (.msg) read for its text and then its files, as
 * msg_part_bodies() and attach_file() read one; a compressed RTF body
 * (PR_RTF_COMPRESSED); or RTF as it is, read as Outlook shows it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "internal.h"
#include "detect_fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	if (n < 1)
		return 0;
	scan_begin(S);
	switch (p[0] % 3) {
	case 0:
		item_body(S, p + 1, n - 1);
		item_read(S, "item.msg", p + 1, n - 1, "");
		break;
	case 1:
		(void)rtf_compressed_body(S, p + 1, n - 1, DETECT_TEXT_MAX);
		break;
	default:
		rtf_body(S, p + 1, n - 1);
		break;
	}
	urlcheck_run(S);
	return 0;
}
