/* util: aborting allocators, ASCII string and time helpers. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

static void
oom(void)
{
	static const char msg[] = "out of memory\n";

	(void)!fwrite(msg, 1, sizeof(msg) - 1, stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n ? n : 1)) == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t m)
{
	void	*p;

	if ((p = calloc(n ? n : 1, m ? m : 1)) == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;
	size_t	 len;

	len = strnlen(s, n);
	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

static int
lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

int
str_casecmp(const char *a, const char *b)
{
	while (*a != '\0' && lc((unsigned char)*a) == lc((unsigned char)*b))
		a++, b++;
	return lc((unsigned char)*a) - lc((unsigned char)*b);
}

int
str_ncasecmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		if (lc((unsigned char)*a) != lc((unsigned char)*b))
			return lc((unsigned char)*a) - lc((unsigned char)*b);
		if (*a == '\0')
			break;
	}
	return 0;
}

void
str_lower(char *s)
{
	for (; *s != '\0'; s++)
		*s = (char)lc((unsigned char)*s);
}

int
str_has_prefix(const char *s, const char *pfx)
{
	return strncmp(s, pfx, strlen(pfx)) == 0;
}

int
str_has_suffix_case(const char *s, const char *sfx)
{
	size_t	 n = strlen(s), m = strlen(sfx);

	return n >= m && str_casecmp(s + n - m, sfx) == 0;
}

int
str_in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

int
mem_has_case(const void *p, size_t n, const char *needle)
{
	const char	*c = p;
	size_t		 l = strlen(needle), i;

	if (l == 0)
		return 1;
	for (i = 0; i + l <= n; i++)
		if ((c[i] | 0x20) == (needle[0] | 0x20) &&
		    str_ncasecmp(c + i, needle, l) == 0)
			return 1;
	return 0;
}

int
str_valid_utf8(const char *p, size_t n, int allow_nl)
{
	const unsigned char *s = (const unsigned char *)p, *e = s + n;
	unsigned int	 cp, need, min;

	while (s < e) {
		unsigned char c = *s++;

		if (c < 0x80) {
			if (c == 0 || c == 0x7f)
				return 0;
			if (c < 0x20 && !(allow_nl &&
			    (c == '\t' || c == '\r' || c == '\n')))
				return 0;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			need = 1, cp = c & 0x1f, min = 0x80;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2, cp = c & 0x0f, min = 0x800;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3, cp = c & 0x07, min = 0x10000;
		else
			return 0;
		if ((size_t)(e - s) < need)
			return 0;
		while (need-- > 0) {
			if ((*s & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (*s++ & 0x3f);
		}
		if (cp < min || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
	}
	return 1;
}

int
str_to_ll(const char *s, long long min, long long max, long long *out)
{
	char		*end;
	long long	 v;

	if (s == NULL || *s == '\0' || (*s != '-' && (*s < '0' || *s > '9')))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

void
hex_encode(const unsigned char *p, size_t n, char *out)
{
	static const char hx[] = "0123456789abcdef";
	size_t	 i;

	for (i = 0; i < n; i++) {
		out[2 * i] = hx[p[i] >> 4];
		out[2 * i + 1] = hx[p[i] & 15];
	}
	out[2 * n] = '\0';
}

/* A hexadecimal digit's value, or -1. */
int
hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The 32-bit little-endian number at p (compound files, zips, BMPs). */
uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

int64_t
time_mono_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t
time_real_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
time_iso8601(time_t t, char out[32])
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
