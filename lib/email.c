/* email: strict address validation (see email.h). */
#include <string.h>

#include "email.h"
#include "util.h"

static int
atext(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

static int
ldh(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-';
}

int
email_valid(const char *s)
{
	const char	*at, *p, *label, *last = NULL;
	size_t		 n, llen;
	int		 alpha;

	if (s == NULL || (n = strlen(s)) == 0 || n > 254)
		return 0;
	if ((at = strchr(s, '@')) == NULL || strchr(at + 1, '@') != NULL)
		return 0;
	llen = (size_t)(at - s);
	if (llen == 0 || llen > 64 || s[0] == '.' || at[-1] == '.')
		return 0;
	for (p = s; p < at; p++) {
		if (*p == '.') {
			if (p[1] == '.')
				return 0;
		} else if (!atext((unsigned char)*p))
			return 0;
	}
	label = at + 1;
	if (*label == '\0')
		return 0;
	for (p = label;; p++) {
		if (*p == '.' || *p == '\0') {
			size_t	 k = (size_t)(p - label);

			if (k == 0 || k > 63 || label[0] == '-' ||
			    p[-1] == '-')
				return 0;
			last = label;
			if (*p == '\0')
				break;
			label = p + 1;
		} else if (!ldh((unsigned char)*p))
			return 0;
	}
	if (last == at + 1)
		return 0;	/* no dot in the domain */
	alpha = 0;
	for (p = last; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			alpha = 1;
	return alpha && strlen(last) >= 2;
}

int
email_normalize(const char *s, char out[255])
{
	if (!email_valid(s))
		return -1;
	memcpy(out, s, strlen(s) + 1);
	str_lower(out);
	return 0;
}
