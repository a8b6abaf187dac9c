/* hset: a string -> int map with open addressing (see internal.h). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

struct hset_slot {
	char		*key;	/* NULL: empty */
	size_t		 len;
	uint64_t	 h;
	int		 val;
};

uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char	*s = p;
	uint64_t		 h = 0xcbf29ce484222325ULL;
	size_t			 i;

	/* FNV-1a, then a final mix so that low bits are usable. */
	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

void
hset_init(struct hset *hs, struct arena *a)
{
	hs->slots = NULL;
	hs->cap = 0;
	hs->n = 0;
	hs->a = a;
}

void
hset_free(struct hset *hs)
{
	size_t	 i;

	if (hs->a == NULL && hs->slots != NULL) {
		for (i = 0; i < hs->cap; i++)
			free(hs->slots[i].key);
		free(hs->slots);
	}
	hset_init(hs, hs->a);
}

static struct hset_slot *
hset_find(const struct hset *hs, const char *k, size_t len, uint64_t h)
{
	size_t	 i, mask = hs->cap - 1;

	for (i = h & mask;; i = (i + 1) & mask) {
		struct hset_slot *sl = &hs->slots[i];

		if (sl->key == NULL)
			return sl;
		if (sl->h == h && sl->len == len &&
		    memcmp(sl->key, k, len) == 0)
			return sl;
	}
}

static void
hset_grow(struct hset *hs)
{
	struct hset_slot	*old = hs->slots;
	size_t			 ocap = hs->cap, i, sz;

	hs->cap = ocap ? ocap * 2 : 64;
	sz = hs->cap * sizeof(*hs->slots);
	hs->slots = hs->a ? arena_zalloc(hs->a, sz) : xcalloc(1, sz);
	for (i = 0; i < ocap; i++) {
		if (old[i].key == NULL)
			continue;
		*hset_find(hs, old[i].key, old[i].len, old[i].h) = old[i];
	}
	if (hs->a == NULL)
		free(old);
}

int
hset_put(struct hset *hs, const char *k, size_t len, int val)
{
	struct hset_slot	*sl;
	uint64_t		 h = hash_bytes(k, len);

	if (hs->cap == 0 || (hs->n + 1) * 4 > hs->cap * 3)
		hset_grow(hs);
	sl = hset_find(hs, k, len, h);
	if (sl->key != NULL)
		return 0;
	sl->key = hs->a ? arena_strndup(hs->a, k, len) : xstrndup(k, len);
	sl->len = len;
	sl->h = h;
	sl->val = val;
	hs->n++;
	return 1;
}

int
hset_get(const struct hset *hs, const char *k, size_t len, int *val)
{
	struct hset_slot	*sl;

	if (hs->cap == 0)
		return 0;
	sl = hset_find(hs, k, len, hash_bytes(k, len));
	if (sl->key == NULL)
		return 0;
	if (val != NULL)
		*val = sl->val;
	return 1;
}
