/* html: escaping for pages (see html.h). */
#include <string.h>

#include "html.h"
#include "util.h"

/* Length of the valid UTF-8 sequence at p (at most n bytes), else 0. */
static size_t
utf8_len(const unsigned char *p, size_t n, unsigned int *cpp)
{
	unsigned int	 cp, min;
	size_t		 need, i;

	if (p[0] < 0x80) {
		*cpp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		need = 2, cp = p[0] & 0x1f, min = 0x80;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		need = 3, cp = p[0] & 0x0f, min = 0x800;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		need = 4, cp = p[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (n < need)
		return 0;
	for (i = 1; i < need; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	*cpp = cp;
	return need;
}

static int
is_bidi(unsigned int cp)
{
	return (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f ||
	    cp == 0x061c;
}

void
text_sanitize(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned int	 cp;
	size_t		 k;

	while (n > 0) {
		if ((k = utf8_len(p, n, &cp)) == 0) {
			p++, n--;
			continue;
		}
		if (is_bidi(cp) || (cp < 0x20 && cp != '\t' && cp != '\n') ||
		    (cp >= 0x7f && cp < 0xa0))
			buf_adds(b, "\xef\xbf\xbd");
		else
			buf_add(b, p, k);
		p += k;
		n -= k;
	}
}

void
html_textn(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned int	 cp;
	size_t		 k;

	while (n > 0) {
		if ((k = utf8_len(p, n, &cp)) == 0) {
			p++, n--;
			continue;
		}
		switch (cp) {
		case '&':
			buf_adds(b, "&amp;");
			break;
		case '<':
			buf_adds(b, "&lt;");
			break;
		case '>':
			buf_adds(b, "&gt;");
			break;
		case '"':
			buf_adds(b, "&quot;");
			break;
		case '\'':
			buf_adds(b, "&#39;");
			break;
		default:
			if (is_bidi(cp) || (cp < 0x20 && cp != '\t' &&
			    cp != '\n') || (cp >= 0x7f && cp < 0xa0))
				buf_adds(b, "\xef\xbf\xbd");
			else
				buf_add(b, p, k);
		}
		p += k;
		n -= k;
	}
}

void
html_text(struct buf *b, const char *s)
{
	if (s != NULL)
		html_textn(b, s, strlen(s));
}

void
url_encode(struct buf *b, const char *s)
{
	static const char hx[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~')
			buf_addc(b, *p);
		else {
			buf_addc(b, '%');
			buf_addc(b, hx[*p >> 4]);
			buf_addc(b, hx[*p & 15]);
		}
	}
}


long
url_decode(char *s)
{
	char	*w = s, *start = s;
	int	 hi, lo;

	for (; *s != '\0'; s++) {
		if (*s == '+')
			*w++ = ' ';
		else if (*s == '%') {
			if ((hi = hex_value((unsigned char)s[1])) < 0 ||
			    (lo = hex_value((unsigned char)s[2])) < 0)
				return -1;
			*w++ = (char)(hi << 4 | lo);
			s += 2;
		} else
			*w++ = *s;
	}
	*w = '\0';
	return (long)(w - start);
}
