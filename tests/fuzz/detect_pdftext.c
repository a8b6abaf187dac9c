/* detect_pdftext: the reader of the text a PDF shows (fonts, ToUnicode
 * maps, drawings' strings) on any bytes: the input is the file's
 * objects, then, after each "\0\0", the data of a stream of objects 6,
 * 7, 8 ... (a map or a drawing); the whole input is also read as an
 * object stream's data. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "detect_fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	static const unsigned char dict[] = "<< /Type /ObjStm /N 3 /First 12 >>";
	const uint8_t	*q = p, *e = p + n, *z;
	struct pdf_text	*t;
	struct buf	 out;
	uint32_t	 num = 5;

	scan_begin(S);
	t = pdf_text_new(S);
	z = memmem(q, n, "\0\0", 2);
	pdf_text_objects(t, q, (size_t)((z != NULL ? z : e) - q));
	pdf_text_objstm(t, dict, sizeof(dict) - 1, p, n);
	while (z != NULL) {
		const uint8_t *next;

		q = z + 2;
		next = memmem(q, (size_t)(e - q), "\0\0", 2);
		pdf_text_stream(t, ++num, q, (size_t)((next != NULL ? next :
		    e) - q));
		z = next;
	}
	buf_init(&out, 1 << 20);
	pdf_text_end(t, &out);
	buf_release(&out);
	pdf_text_free(t);
	return 0;
}
