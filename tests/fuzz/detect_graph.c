/* detect_graph: the Graph adapter on any JSON ("attachments" beside the
 * message fields stands for the attachments collection). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cJSON.h>

#include "detect.h"
#include "detect_fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct detect_result	 r;
	cJSON			*j = cJSON_ParseWithLength((const char *)p, n);
	cJSON			*atts;

	if (j == NULL)
		return 0;
	atts = cJSON_GetObjectItemCaseSensitive(j, "attachments");
	(void)detect_needs(E, j, NULL);
	(void)detect_needs(E, j, atts);
	/* Any JSON is a message to judge: -1 is for NULL arguments only. */
	if (detect_scan_graph(S, j, atts, NULL, 0, NULL, &r) != 0 ||
	    r.verdict >= DETECT_VERDICT__MAX)
		abort();
	cJSON_Delete(j);
	return 0;
}
