/*
 * buf: a growable text buffer with a hard cap.
 *
 * Invariants: b->ptr is never NULL and always NUL-terminated (an empty
 * buffer points at a shared static ""), b->len < b->cap unless cap == 0,
 * and b->len never exceeds b->max.  An append that would pass the cap
 * appends nothing, sets b->over and returns -1; every later append
 * then fails too, so a caller may check once at the end.
 *
 * Memory: allocation failure aborts.  buf_release() frees and returns
 * the buffer to its initial state; buf_reset() keeps the memory.
 */
#ifndef SHINDAN_BUF_H
#define SHINDAN_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*ptr;
	size_t	 len;
	size_t	 cap;
	size_t	 max;	/* hard cap on len */
	int	 over;	/* an append was refused */
};

#define BUF_DEFAULT_MAX	(16u * 1024 * 1024)
#define BUF_INIT	{ (char *)buf_empty, 0, 0, BUF_DEFAULT_MAX, 0 }

extern const char buf_empty[1];

void	buf_init(struct buf *, size_t max);
void	buf_release(struct buf *);
void	buf_reset(struct buf *);
int	buf_grow(struct buf *, size_t extra);
int	buf_add(struct buf *, const void *, size_t);
int	buf_adds(struct buf *, const char *);
int	buf_addc(struct buf *, int);
int	buf_addf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	buf_vaddf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
/* Take the NUL-terminated string; the buffer is released. */
char	*buf_detach(struct buf *, size_t *lenp);
void	buf_truncate(struct buf *, size_t len);

#endif
