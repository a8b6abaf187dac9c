/* csv: RFC 4180 cells with formulas defused (see csv.h). */
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "html.h"

void
csv_init(struct csv *c, struct buf *out)
{
	c->out = out;
	c->ncells = 0;
	buf_init(&c->tmp, 1024u * 1024);
}

void
csv_release(struct csv *c)
{
	buf_release(&c->tmp);
}

void
csv_bom(struct csv *c)
{
	buf_add(c->out, "\xef\xbb\xbf", 3);
}

int
csv_trigger(int c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' ||
	    c == '\r' || c == '\0';
}

void
csv_celln(struct csv *c, const char *s, size_t n)
{
	const char	*p, *q, *end;

	if (c->ncells++ > 0)
		buf_addc(c->out, ',');
	if (s == NULL || n == 0) {
		buf_add(c->out, "\"\"", 2);
		return;
	}
	buf_reset(&c->tmp);
	text_sanitize(&c->tmp, s, n);
	p = c->tmp.ptr;
	end = p + c->tmp.len;
	buf_addc(c->out, '"');
	if (p < end && csv_trigger((unsigned char)*p))
		buf_addc(c->out, '\'');
	while (p < end) {
		if ((q = memchr(p, '"', (size_t)(end - p))) == NULL) {
			buf_add(c->out, p, (size_t)(end - p));
			break;
		}
		buf_add(c->out, p, (size_t)(q - p) + 1);
		buf_addc(c->out, '"');
		p = q + 1;
	}
	buf_addc(c->out, '"');
}

void
csv_cell(struct csv *c, const char *s)
{
	csv_celln(c, s, s != NULL ? strlen(s) : 0);
}

void
csv_cell_ll(struct csv *c, long long v)
{
	char	 t[32];

	snprintf(t, sizeof(t), "%lld", v);
	csv_cell(c, t);
}

void
csv_end_row(struct csv *c)
{
	buf_add(c->out, "\r\n", 2);
	c->ncells = 0;
}
