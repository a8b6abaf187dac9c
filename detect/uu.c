/*
 * uu: files uuencoded into a plain-text body or into a text attachment.
 * Outlook and Thunderbird show a "begin 644 invoice.exe" block of a
 * plain-text mail as an attachment of that name, and WinRAR and 7-Zip
 * open a .uue attachment as an archive of the files it encodes (malware
 * is sent so): a program sent either way passed every attachment check.
 * A block is found by its begin line ("begin", a space, three or four
 * octal digits, a space, a name; at the start of a line), decoded up
 * to its end line (uu_decode), and looked at as an attachment of its own:
 * "invoice.exe" in a body, "invoice.uue > invoice.exe" in a file.
 * At most UU_BLOCKS blocks a message, each decoded to DETECT_PART_MAX.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

#define UU_BLOCKS	16
#define UU_NAME_MAX	255

struct uu_block {
	const char	*name;		/* as written, not terminated */
	size_t		 nlen;
	size_t		 data;		/* the first line of data */
	size_t		 end;		/* the end line, or the text's end */
	size_t		 next;		/* where to look for the next */
};

/* The begin line at p + i (a line's start), or 0. */
static int
uu_begin(const char *p, size_t n, size_t i, struct uu_block *b)
{
	size_t	 j = i + 6, k;

	if (n - i < 6 || memcmp(p + i, "begin ", 6) != 0)
		return 0;
	for (k = j; k < n && k - j < 4 && p[k] >= '0' && p[k] <= '7'; k++)
		;
	if (k - j < 3 || k >= n || p[k] != ' ')
		return 0;
	b->name = p + k + 1;
	for (k++; k < n && p[k] != '\n' && p[k] != '\r'; k++)
		;
	b->nlen = (size_t)(p + k - b->name);
	if (b->nlen == 0 || b->nlen > UU_NAME_MAX || k >= n)
		return 0;
	b->data = k + (p[k] == '\r' && k + 1 < n && p[k + 1] == '\n' ? 2 : 1);
	return 1;
}

/* The next block from p + from, or 0.  Its data ends at a line "end". */
static int
uu_next(const char *p, size_t n, size_t from, struct uu_block *b)
{
	const char	*q;
	size_t		 i = from;

	for (;;) {
		if (i >= n)
			return 0;
		if ((i == 0 || p[i - 1] == '\n' || p[i - 1] == '\r') &&
		    uu_begin(p, n, i, b))
			break;
		if ((q = memchr(p + i, '\n', n - i)) == NULL)
			return 0;
		i = (size_t)(q - p) + 1;
	}
	for (i = b->data; i < n; i = (size_t)(q - p) + 1) {
		if (n - i >= 3 && memcmp(p + i, "end", 3) == 0 &&
		    (n - i == 3 || p[i + 3] == '\n' || p[i + 3] == '\r'))
			break;
		if ((q = memchr(p + i, '\n', n - i)) == NULL) {
			i = n;
			break;
		}
	}
	b->end = i < n ? i : n;
	b->next = i < n ? i + 3 : n;
	return 1;
}

/*
 * The data lines of a block (up to its end line) decoded into out (at
 * most max bytes): each line's first character gives its length, then
 * four characters make three bytes.  GMime's decoder loses its place at
 * a space, the zero of older encoders (a real zip of malspam so encoded
 * came out a quarter of its size); missing characters, where a mail
 * system stripped a line's trailing spaces, count as zeros, as
 * uudecode and Python read them.
 */
static size_t
uu_decode(const char *p, size_t n, unsigned char *out, size_t max)
{
	const char	*q, *e = p + n;
	size_t		 o = 0, len, ll, i, k;
	unsigned	 v[4];

	for (; p < e && o < max; p = q + 1) {
		if ((q = memchr(p, '\n', (size_t)(e - p))) == NULL)
			q = e;
		ll = (size_t)(q - p);
		if (ll > 0 && p[ll - 1] == '\r')
			ll--;
		if (ll == 0)
			continue;
		if ((len = (size_t)((p[0] - ' ') & 077)) == 0)
			break;
		for (i = 1; len > 0 && o < max; i += 4) {
			for (k = 0; k < 4; k++)
				v[k] = i + k < ll ? (unsigned)((p[i + k] - ' ') &
				    077) : 0;
			out[o++] = (unsigned char)(v[0] << 2 | v[1] >> 4);
			if (--len == 0 || o == max)
				break;
			out[o++] = (unsigned char)(v[1] << 4 | v[2] >> 2);
			if (--len == 0 || o == max)
				break;
			out[o++] = (unsigned char)(v[2] << 6 | v[3]);
			len--;
		}
	}
	return o;
}

/*
 * What the data lines of a block decode to, as their first characters
 * say: lines stripped of trailing spaces decode to more than three
 * quarters of their length (a line "M" to 45 zeros).  At most
 * DETECT_PART_MAX, as any attachment.
 */
static size_t
uu_max(const char *p, size_t n)
{
	const char	*q, *e = p + n;
	size_t		 sum = 0, len;

	for (; p < e && sum < DETECT_PART_MAX; p = q + 1) {
		if ((q = memchr(p, '\n', (size_t)(e - p))) == NULL)
			q = e;
		if (q == p || (q == p + 1 && p[0] == '\r'))
			continue;
		if ((len = (size_t)((p[0] - ' ') & 077)) == 0)
			break;
		sum += len;
	}
	return sum < DETECT_PART_MAX ? sum : DETECT_PART_MAX;
}

/*
 * An x-uuencode part's content, decoded into the arena: its first block,
 * or all of it as data lines when it has no begin line.
 */
unsigned char *
uu_part(struct arena *a, const char *p, size_t n, size_t *len)
{
	struct uu_block	 b;
	unsigned char	*out;
	size_t		 from = 0, to = n, max;

	if (uu_next(p, n, 0, &b)) {
		from = b.data;
		to = b.end;
	}
	max = uu_max(p + from, to - from);
	out = arena_alloc(a, max + 1);
	*len = uu_decode(p + from, to - from, out, max);
	out[*len] = '\0';
	return out;
}

/* Decode one block and look at it as a file of that name. */
static void
uu_take(struct detect_scan *s, const char *within, const char *p,
    const struct uu_block *b)
{
	size_t		 in = b->end - b->data, max, len, nl;
	unsigned char	*out;
	const char	*name;

	max = uu_max(p + b->data, in);
	out = xmalloc(max + 1);
	len = uu_decode(p + b->data, in, out, max);
	name = text_to_utf8(&s->a, NULL, b->name, b->nlen, 1024, &nl);
	if (within != NULL) {
		name = arena_printf(&s->a, "%s > %s", within, name);
		s->depth++;
	}
	attach_file(s, name, out, len, len, NULL, NULL, 0);
	if (within != NULL)
		s->depth--;
	free(out);
}

static void
uu_scan(struct detect_scan *s, const char *within, const char *p, size_t n)
{
	struct uu_block	 b;
	size_t		 from = 0;

	while (uu_next(p, n, from, &b)) {
		if (s->uu_blocks >= UU_BLOCKS) {
			msg_truncated(s, s->m, "more uuencoded files than the "
			    "limit");
			return;
		}
		s->uu_blocks++;
		uu_take(s, within, p, &b);
		from = b.next;
	}
}

void
uu_file(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n)
{
	uu_scan(s, name, (const char *)p, n);
}

void
uu_run(struct detect_scan *s)
{
	size_t	 i;

	s->depth = 0;
	for (i = 0; i < s->m->ntexts; i++)
		if (!s->m->texts[i].html)
			uu_scan(s, NULL, s->m->texts[i].s, s->m->texts[i].len);
}
