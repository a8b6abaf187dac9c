/* buf: growable, capped, always NUL-terminated text (see buf.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

const char buf_empty[1] = "";

void
buf_init(struct buf *b, size_t max)
{
	b->ptr = (char *)buf_empty;
	b->len = 0;
	b->cap = 0;
	b->max = max;
	b->over = 0;
}

void
buf_release(struct buf *b)
{
	if (b->cap != 0)
		free(b->ptr);
	buf_init(b, b->max);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->over = 0;
	if (b->cap != 0)
		b->ptr[0] = '\0';
}

int
buf_grow(struct buf *b, size_t extra)
{
	size_t	 want, ncap;
	char	*p;

	if (b->over)
		return -1;
	if (extra > b->max || b->len > b->max - extra) {
		b->over = 1;
		return -1;
	}
	want = b->len + extra + 1;
	if (want <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : 64;
	while (ncap < want)
		ncap = ncap < SIZE_MAX / 2 ? ncap * 2 : want;
	if (b->cap == 0) {
		p = xmalloc(ncap);
		p[0] = '\0';
	} else
		p = xrealloc(b->ptr, ncap);
	b->ptr = p;
	b->cap = ncap;
	return 0;
}

int
buf_add(struct buf *b, const void *p, size_t n)
{
	if (buf_grow(b, n) == -1)
		return -1;
	if (n != 0)
		memcpy(b->ptr + b->len, p, n);
	b->len += n;
	if (b->cap != 0)
		b->ptr[b->len] = '\0';
	return 0;
}

int
buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int
buf_addc(struct buf *b, int c)
{
	char	 ch = (char)c;

	return buf_add(b, &ch, 1);
}

int
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 n;

	if (b->over)
		return -1;
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		abort();
	if (buf_grow(b, (size_t)n) == -1)
		return -1;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, fmt);
	rc = buf_vaddf(b, fmt, ap);
	va_end(ap);
	return rc;
}

char *
buf_detach(struct buf *b, size_t *lenp)
{
	char	*p;

	if (lenp != NULL)
		*lenp = b->len;
	p = b->cap != 0 ? b->ptr : xstrdup("");
	buf_init(b, b->max);
	return p;
}

void
buf_truncate(struct buf *b, size_t len)
{
	if (len >= b->len)
		return;
	b->len = len;
	b->ptr[len] = '\0';
}
