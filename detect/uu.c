/*
 * uu: files uuencoded into a plain-text body or into a text attachment.
 * Thunderbird shows a "begin 644 invoice.exe" block of a plain-text mail
 * as an attachment of that name (Outlook and Exchange one of a message
 * without MIME), and WinRAR and 7-Zip open a .uue attachment as an
 * archive of the files it encodes (malware is sent so): a program sent
 * either way passed every attachment check.
 *
 * A block is found by its begin line ("begin", a space, three or four
 * octal digits, a space, a name; at the start of a line) followed by a
 * line of uuencoded data, and runs to a line "end" or to the next begin
 * line (a mail program starts a new attachment at each).  It is decoded
 * (uu_decode) and looked at as an attachment of its own: "invoice.exe"
 * in a body, "invoice.uue > invoice.exe" in a file.  What is decoded is
 * charged to the message's inflate budget (DETECT_ARCHIVE_TOTAL: a line
 * "M" is 45 bytes); past UU_BLOCKS blocks or the budget, a block's name
 * is still checked.  The same block met twice (a named text part is
 * both a part and the body) is read once.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

#define UU_BLOCKS	64
#define UU_NAME_MAX	4096

struct uu_block {
	const char	*name;		/* as written, not terminated */
	size_t		 nlen;
	size_t		 data;		/* the first line of data */
	size_t		 end;		/* the end line, or the text's end */
	size_t		 next;		/* where to look for the next */
};

static int	uu_end_line(const char *, size_t, size_t);

/* The line at p + i ends at *e (at LF, CR LF or a bare CR, as
 * Thunderbird reads lines); the next starts at the return value. */
static size_t
line_at(const char *p, size_t n, size_t i, size_t *e)
{
	size_t	 k;

	for (k = i; k < n && p[k] != '\n' && p[k] != '\r'; k++)
		;
	*e = k;
	if (k >= n)
		return n;
	return p[k] == '\r' && k + 1 < n && p[k + 1] == '\n' ? k + 2 : k + 1;
}

/*
 * Could the line [i, e) be uuencoded data?  Its first character gives
 * how many bytes it holds (not none), its characters are printable and
 * few of them lower-case letters: prose after "begin 2026 with the new
 * portal" is no data.
 */
static int
uu_data_line(const char *p, size_t i, size_t e)
{
	size_t	 k, lower = 0;

	if (e <= i || ((p[i] - ' ') & 077) == 0)
		return 0;
	for (k = i; k < e; k++) {
		if ((unsigned char)p[k] < ' ' || (unsigned char)p[k] > '~')
			return 0;
		lower += p[k] >= 'a' && p[k] <= 'z';
	}
	/* Decoders take any character modulo 64 and what follows the
	 * count as padding: only prose, mostly lower case, is refused. */
	return lower <= (e - i) / 8;
}

/*
 * The first line of data [d, e) of a block: whole, or, shorter (its
 * trailing spaces stripped), followed by another line of data or the
 * end: a line of capitals after "begin 2026 with the new portal" is
 * no block.
 */
static int
uu_first_line(const char *p, size_t n, size_t d, size_t e, size_t next)
{
	size_t	 need = ((size_t)((p[d] - ' ') & 077) + 2) / 3 * 4, e2;

	if (!uu_data_line(p, d, e))
		return 0;
	if (e - d - 1 >= need)
		return 1;
	if (next >= n)
		return 0;
	line_at(p, n, next, &e2);
	return (e2 > next && uu_data_line(p, next, e2)) ||
	    (e2 == next + 1 && ((p[next] - ' ') & 077) == 0) ||
	    uu_end_line(p, n, next);
}

/* The begin line at p + i (a line's start) and a line of data after it,
 * or 0. */
static int
uu_begin(const char *p, size_t n, size_t i, struct uu_block *b)
{
	size_t	 j = i + 6, k, e, d;

	if (n - i < 6 || memcmp(p + i, "begin ", 6) != 0)
		return 0;
	for (k = j; k < n && k - j < 4 && p[k] >= '0' && p[k] <= '7'; k++)
		;
	if (k - j < 3 || k >= n || p[k] != ' ')
		return 0;
	/* Thunderbird drops the blanks before the name. */
	for (k++; k < n && (p[k] == ' ' || p[k] == '\t'); k++)
		;
	b->name = p + k;
	d = line_at(p, n, k, &e);
	b->nlen = e - k;
	if (b->nlen == 0 || b->nlen > UU_NAME_MAX || d >= n)
		return 0;
	b->data = d;
	/* A blank line or two may come first (SAP's mailings), and lines
	 * of no bytes (a backquote), which decoders pass over. */
	for (k = 0; k < 64 && d < n; k++) {
		size_t next = line_at(p, n, d, &e);

		if (e > d && ((p[d] - ' ') & 077) != 0)
			return uu_first_line(p, n, d, e, next);
		if (e > d + 1)
			return 0;
		d = next;
	}
	return 0;
}

/* Is the line at i "end", as Thunderbird ends a block (with a blank
 * after it, decoding goes on)? */
static int
uu_end_line(const char *p, size_t n, size_t i)
{
	size_t	 e;

	line_at(p, n, i, &e);
	return e - i == 3 && memcmp(p + i, "end", 3) == 0;
}

/* The next block from p + from, or 0. */
static int
uu_next(const char *p, size_t n, size_t from, struct uu_block *b)
{
	struct uu_block	 other;
	size_t		 i, e;

	for (i = from; i < n; i = line_at(p, n, i, &e))
		if (uu_begin(p, n, i, b))
			break;
	if (i >= n)
		return 0;
	for (i = b->data; i < n; i = line_at(p, n, i, &e)) {
		if (uu_end_line(p, n, i)) {
			b->end = i;
			b->next = line_at(p, n, i, &e);
			return 1;
		}
		if (uu_begin(p, n, i, &other))
			break;
	}
	b->end = b->next = i;
	return 1;
}

/*
 * What the data lines [p, p + n) decode to, as their first characters
 * say: lines stripped of trailing spaces decode to more than three
 * quarters of their length (a line "M" to 45 zeros).
 */
static size_t
uu_size(const char *p, size_t n)
{
	size_t	 i, e, next, sum = 0;

	for (i = 0; i < n && sum < DETECT_PART_MAX; i = next) {
		next = line_at(p, n, i, &e);
		if (e > i)
			sum += (size_t)((p[i] - ' ') & 077);
	}
	return sum;
}

/*
 * The data lines [p, p + n) decoded into out (at most max bytes): each
 * line's first character gives its length, then four characters make
 * three bytes.  GMime's decoder loses its place at a space, the zero of
 * older encoders (a real zip of malspam so encoded came out a quarter of
 * its size); characters missing where a mail system stripped a line's
 * trailing spaces count as zeros, and a line of no bytes (a backquote)
 * is passed over, as uudecode, Python and Thunderbird read them.
 */
static size_t
uu_decode(const char *p, size_t n, unsigned char *out, size_t max)
{
	size_t		 o = 0, len, i, k, e, next;
	unsigned	 v[4];

	for (i = 0; i < n && o < max; i = next) {
		next = line_at(p, n, i, &e);
		/* A line of no bytes, and a begin line without its mode
		 * or name (no data line starts with a lower-case b). */
		if (e == i || (len = (size_t)((p[i] - ' ') & 077)) == 0 ||
		    (e - i >= 5 && memcmp(p + i, "begin", 5) == 0))
			continue;
		for (k = i + 1; len > 0 && o < max; k += 4) {
			size_t j;

			for (j = 0; j < 4; j++)
				v[j] = k + j < e ? (unsigned)((p[k + j] - ' ') &
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
 * An x-uuencode part's content, decoded into the arena: from the line
 * after its first begin line (Thunderbird needs no more than "begin "
 * there; all of it when there is none) to its end line.
 */
unsigned char *
uu_part(struct arena *a, const char *p, size_t n, size_t *len)
{
	unsigned char	*out;
	size_t		 i, e, from = 0, to = n, max;

	for (i = 0; i < n; i = line_at(p, n, i, &e))
		if (n - i >= 6 && memcmp(p + i, "begin ", 6) == 0) {
			from = line_at(p, n, i, &e);
			break;
		}
	for (i = from; i < n; i = line_at(p, n, i, &e))
		if (uu_end_line(p, n, i)) {
			to = i;
			break;
		}
	max = uu_size(p + from, to - from);
	if (max > DETECT_PART_MAX)
		max = DETECT_PART_MAX;
	out = arena_alloc(a, max + 1);
	*len = uu_decode(p + from, to - from, out, max);
	out[*len] = '\0';
	return out;
}

/* One block: decoded and looked at as a file of that name, or, past the
 * message's blocks or budget, checked by its name. */
static void
uu_take(struct detect_scan *s, const char *within, const char *p,
    const struct uu_block *b)
{
	size_t		 in = b->end - b->data, max, len, nl, budget;
	uint64_t	 key[2];
	unsigned char	*out;
	const char	*name;

	name = text_name_to_utf8(&s->a, NULL, b->name, b->nlen, UU_NAME_MAX,
	    &nl);
	if (within != NULL)
		name = arena_printf(&s->a, "%s > %s", within, name);
	/* The same block twice (a named text part is also the body): the
	 * same data under the same name. */
	key[0] = hash_bytes(p + b->data, in);
	key[1] = hash_bytes(b->name, b->nlen) ^ in;
	if (!hset_put(&s->uu_seen, (const char *)key, sizeof(key), 0))
		return;
	max = uu_size(p + b->data, in);
	budget = s->inflated < DETECT_ARCHIVE_TOTAL ? DETECT_ARCHIVE_TOTAL -
	    s->inflated : 0;
	if (s->uu_blocks >= UU_BLOCKS || max > budget) {
		msg_truncated(s, s->m, s->uu_blocks >= UU_BLOCKS ?
		    CUT_UU_FILES : CUT_INFLATED);
		attach_name_check(s, name, NULL);
		return;
	}
	s->uu_blocks++;
	if (max > DETECT_PART_MAX)
		max = DETECT_PART_MAX;
	out = xmalloc(max + 1);
	len = uu_decode(p + b->data, in, out, max);
	s->inflated += len;
	if (within != NULL)
		s->depth++;
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
	const struct dtext	*t;
	size_t			 i;

	s->depth = 0;
	for (i = 0; i < s->m->ntexts; i++) {
		t = &s->m->texts[i];
		if (t->raw != NULL)
			uu_scan(s, NULL, t->raw, t->rawlen);
		else if (!t->html)
			uu_scan(s, NULL, t->s, t->len);
	}
}
