/* 10-buf: struct buf keeps its invariants and its cap. */
#include <string.h>

#include "buf.h"
#include "arena.h"
#include "tap.h"

static int	freed;

static void
count_free(void *p)
{
	(void)p;
	freed++;
}

int
main(void)
{
	struct buf	 b = BUF_INIT, c;
	struct arena	 a;
	char		*s;
	size_t		 n;
	int		 i;

	ok(b.ptr != NULL && b.ptr[0] == '\0', "an empty buf is a valid string");
	buf_adds(&b, "abc");
	buf_addf(&b, "%d-%s", 42, "x");
	is_str(b.ptr, "abc42-x", "adds and addf append");
	is_int(b.len, 7, "length counts bytes");
	buf_reset(&b);
	is_str(b.ptr, "", "reset empties");
	buf_release(&b);

	buf_init(&c, 10);
	is_int(buf_adds(&c, "0123456789"), 0, "fill to the cap");
	is_int(buf_addc(&c, 'x'), -1, "one more byte is refused");
	ok(c.over, "over is set");
	is_int(buf_adds(&c, ""), -1, "later appends fail too");
	is_str(c.ptr, "0123456789", "content unchanged by refused appends");
	s = buf_detach(&c, &n);
	is_int(n, 10, "detach gives the length");
	is_str(s, "0123456789", "detach gives the string");
	free(s);
	ok(c.ptr != NULL && c.len == 0, "detached buf is empty again");

	buf_init(&c, 1 << 20);
	for (i = 0; i < 100000; i++)
		buf_addc(&c, 'a' + i % 26);
	is_int(c.len, 100000, "grows across many reallocations");
	ok(c.ptr[c.len] == '\0', "stays NUL-terminated");
	buf_truncate(&c, 3);
	is_str(c.ptr, "abc", "truncate");
	buf_release(&c);

	arena_init(&a, 0);
	for (i = 0; i < 1000; i++) {
		s = arena_printf(&a, "item %d", i);
		if (strcmp(s, "item 0") == 0)
			arena_defer(&a, count_free, s);
	}
	s = arena_alloc(&a, 200000);
	memset(s, 1, 200000);
	ok(a.used >= 200000, "large allocations counted");
	arena_defer(&a, count_free, &a);
	arena_reset(&a);
	is_int(freed, 2, "reset runs every deferred cleanup");
	is_int(a.used, 0, "reset empties");
	s = arena_strdup(&a, "again");
	is_str(s, "again", "usable after reset");
	arena_release(&a);

	return done_testing();
}
