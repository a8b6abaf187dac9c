/* link: validating the links the runner follows (see link.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "link.h"
#include "util.h"

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Does s (n bytes) at i start a dot segment: "." or ".." or their
 * percent-encoded forms, followed by '/', '?' or the end? */
static int
dot_segment(const char *s, size_t n, size_t i)
{
	int	 dots = 0;

	for (;;) {
		if (i < n && s[i] == '.') {
			i++;
			dots++;
		} else if (i + 2 < n && s[i] == '%' && s[i + 1] == '2' &&
		    lower(s[i + 2]) == 'e') {
			i += 3;
			dots++;
		} else
			break;
	}
	if (dots == 0 || dots > 2)
		return 0;
	return i == n || s[i] == '/' || s[i] == '?' ||
	    (i + 2 < n && s[i] == '%' && s[i + 1] == '2' &&
	    lower(s[i + 2]) == 'f');
}

int
link_okn(const char *base, const char *link, size_t n)
{
	size_t	 bl, i;
	int	 in_query = 0;

	if (base == NULL || link == NULL)
		return 0;
	bl = strlen(base);
	/* The base itself must name a scheme and a host. */
	if (bl < 8 || (strncmp(base, "https://", 8) != 0 &&
	    strncmp(base, "http://", 7) != 0))
		return 0;
	if (n > LINK_MAX || n <= bl || memcmp(link, base, bl) != 0 ||
	    link[bl] != '/')
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)link[i];

		if (c <= 0x20 || c >= 0x7f || c == '\\' || c == '#')
			return 0;
		if (c == '?')
			in_query = 1;
		/* Path segments only: the query may hold dots freely. */
		if (!in_query && i >= bl && c == '/' &&
		    dot_segment(link, n, i + 1))
			return 0;
		if (!in_query && i >= bl && c == '%' && i + 2 < n &&
		    link[i + 1] == '2' && lower(link[i + 2]) == 'f' &&
		    dot_segment(link, n, i + 3))
			return 0;
	}
	return 1;
}

int
link_ok(const char *base, const char *link)
{
	if (link == NULL)
		return 0;
	return link_okn(base, link, strnlen(link, LINK_MAX + 1));
}

/* Position and length of the value of $top in the query, or -1. */
static long
top_at(const char *link, size_t *vlen)
{
	const char	*q = strchr(link, '?'), *p, *v;

	if (q == NULL)
		return -1;
	for (p = q + 1; *p != '\0'; p = *p == '&' ? p + 1 : p) {
		v = NULL;
		if (strncmp(p, "$top=", 5) == 0)
			v = p + 5;
		else if (str_ncasecmp(p, "%24top=", 7) == 0)
			v = p + 7;
		if (v != NULL) {
			*vlen = strspn(v, "0123456789");
			return (long)(v - link);
		}
		p += strcspn(p, "&");
	}
	return -1;
}

int
link_top(const char *link)
{
	size_t	 n;
	long	 at = top_at(link, &n);
	long long v;
	char	 tmp[16];

	if (at < 0 || n == 0 || n >= sizeof(tmp))
		return -1;
	memcpy(tmp, link + at, n);
	tmp[n] = '\0';
	if (str_to_ll(tmp, 1, 100000, &v) == -1)
		return -1;
	return (int)v;
}

int
link_set_top(const char *link, int top, struct buf *out)
{
	size_t	 n;
	long	 at = top_at(link, &n);

	if (at < 0)
		return -1;
	buf_add(out, link, (size_t)at);
	buf_addf(out, "%d", top);
	buf_adds(out, link + at + n);
	return out->over ? -1 : 0;
}
