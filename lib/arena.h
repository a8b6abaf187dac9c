/*
 * arena: memory for one unit of work (a request, a scanned message).
 *
 * Everything allocated from an arena lives until arena_reset() or
 * arena_release(), which also run, newest first, the cleanups that
 * were registered with arena_defer() for foreign objects (PGresult,
 * cJSON trees, curl buffers).  Handlers therefore never call free.
 * Allocation failure aborts.  An arena has an optional byte cap: an
 * allocation past it aborts too, so every caller must bound its input
 * before allocating (the cap is a last line of defence, not a check).
 */
#ifndef SHINDAN_ARENA_H
#define SHINDAN_ARENA_H

#include <stddef.h>

struct arena_chunk;
struct arena_defer;

struct arena {
	struct arena_chunk	*chunks;
	struct arena_defer	*defers;
	size_t			 used;	/* bytes handed out */
	size_t			 max;	/* 0: no cap */
	unsigned long		 resets; /* arena_reset() calls: what was
					    kept of an older one is gone */
};

void	 arena_init(struct arena *, size_t max);
void	*arena_alloc(struct arena *, size_t);
void	*arena_zalloc(struct arena *, size_t);
char	*arena_strdup(struct arena *, const char *);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 arena_defer(struct arena *, void (*)(void *), void *);
void	 arena_reset(struct arena *);
void	 arena_release(struct arena *);

#endif
