/*
 * ua: which browsers the portal supports: current Chrome (and
 * Chromium), Firefox and Edge, as the reference product asks.  Judged by
 * User-Agent, conservatively: only what is clearly another browser or a
 * very old version is refused.  Clients that are not browsers (curl,
 * scripts, monitoring) do not send "Mozilla/" and are served normally.
 */
#include <stdlib.h>
#include <string.h>

#include "portal.h"

#define CHROME_MIN	109	/* the last for Windows 7/8, early 2023 */
#define FIREFOX_MIN	115	/* the oldest ESR still maintained */
#define EDGE_MIN	109

static long
version_after(const char *ua, const char *token)
{
	const char	*p = strstr(ua, token);

	if (p == NULL)
		return -1;
	p += strlen(token);
	if (*p < '0' || *p > '9')
		return 0;
	return strtol(p, NULL, 10);
}

int
ua_unsupported(const char *ua)
{
	long	 v;

	if (ua == NULL || strncmp(ua, "Mozilla/", 8) != 0)
		return 0;
	/* Internet Explorer and the legacy (EdgeHTML) Edge. */
	if (strstr(ua, "MSIE ") != NULL || strstr(ua, "Trident/") != NULL ||
	    strstr(ua, " Edge/") != NULL)
		return 1;
	/* Chromium-based browsers other than Chrome and Edge. */
	if (strstr(ua, "OPR/") != NULL || strstr(ua, "YaBrowser/") != NULL ||
	    strstr(ua, "SamsungBrowser/") != NULL ||
	    strstr(ua, "UCBrowser/") != NULL || strstr(ua, "Vivaldi/") != NULL)
		return 1;
	if ((v = version_after(ua, "Edg/")) >= 0 ||
	    (v = version_after(ua, "EdgA/")) >= 0 ||
	    (v = version_after(ua, "EdgiOS/")) >= 0)
		return v < EDGE_MIN;
	if ((v = version_after(ua, "Firefox/")) >= 0 ||
	    (v = version_after(ua, "FxiOS/")) >= 0)
		return v < FIREFOX_MIN;
	if ((v = version_after(ua, "Chrome/")) >= 0 ||
	    (v = version_after(ua, "Chromium/")) >= 0 ||
	    (v = version_after(ua, "CriOS/")) >= 0)
		return v < CHROME_MIN;
	/* Mozilla/ and none of the above: Safari and the rest. */
	return 1;
}
