/* arena: per-unit-of-work allocation with deferred cleanups. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"

#define CHUNK_SIZE	(32u * 1024)
#define ALIGN		16u

struct arena_chunk {
	struct arena_chunk	*next;
	size_t			 size;
	size_t			 off;
	unsigned char		 data[];
};

struct arena_defer {
	struct arena_defer	*next;
	void			(*fn)(void *);
	void			*arg;
};

void
arena_init(struct arena *a, size_t max)
{
	a->chunks = NULL;
	a->defers = NULL;
	a->used = 0;
	a->max = max;
	a->resets = 0;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_chunk	*c = a->chunks;
	size_t			 sz;
	void			*p;

	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (n == 0)
		n = ALIGN;
	if (a->max != 0 && (n > a->max || a->used > a->max - n))
		abort();
	if (c == NULL || c->size - c->off < n) {
		sz = n > CHUNK_SIZE / 4 ? n : CHUNK_SIZE;
		c = xmalloc(sizeof(*c) + sz);
		c->size = sz;
		c->off = 0;
		if (n > CHUNK_SIZE / 4 && a->chunks != NULL) {
			/* Keep the current chunk on top for small ones. */
			c->next = a->chunks->next;
			a->chunks->next = c;
		} else {
			c->next = a->chunks;
			a->chunks = c;
		}
	}
	p = c->data + c->off;
	c->off += n;
	a->used += n;
	return p;
}

void *
arena_zalloc(struct arena *a, size_t n)
{
	void	*p = arena_alloc(a, n);

	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	size_t	 len = strnlen(s, n);
	char	*p = arena_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return s == NULL ? NULL : arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_defer(struct arena *a, void (*fn)(void *), void *arg)
{
	struct arena_defer	*d;

	if (arg == NULL)
		return;
	d = arena_alloc(a, sizeof(*d));
	d->fn = fn;
	d->arg = arg;
	d->next = a->defers;
	a->defers = d;
}

void
arena_reset(struct arena *a)
{
	struct arena_defer	*d;
	struct arena_chunk	*c, *keep = NULL;

	/* Cleanups first: their records live in the chunks. */
	for (d = a->defers; d != NULL; d = d->next)
		d->fn(d->arg);
	a->defers = NULL;
	/* Keep one standard chunk to avoid malloc churn per request. */
	while ((c = a->chunks) != NULL) {
		a->chunks = c->next;
		if (keep == NULL && c->size == CHUNK_SIZE) {
			keep = c;
			continue;
		}
		free(c);
	}
	if (keep != NULL) {
		keep->next = NULL;
		keep->off = 0;
		a->chunks = keep;
	}
	a->used = 0;
	a->resets++;
}

void
arena_release(struct arena *a)
{
	arena_reset(a);
	free(a->chunks);
	a->chunks = NULL;
}
