/*
 * html: the only way text reaches a page.  html_text() escapes for an
 * element body or a quoted attribute (& < > " '), drops bytes that are
 * not valid UTF-8 or are control characters, and neutralises Unicode
 * bidirectional overrides and isolates (U+202A..E, U+2066..9) so that a
 * hostile subject cannot reorder what is shown around it.  Raw output
 * (html_raw) is only for string literals of our own.
 */
#ifndef SHINDAN_HTML_H
#define SHINDAN_HTML_H

#include <stddef.h>

#include "buf.h"

void	html_text(struct buf *, const char *);
void	html_textn(struct buf *, const char *, size_t);
#define html_raw(b, lit)	buf_add((b), "" lit, sizeof(lit) - 1)
/* Percent-encode for a URL query component (RFC 3986 unreserved kept). */
void	url_encode(struct buf *, const char *);
/* Decode %XX and '+' (form encoding) in place; the decoded length (a
 * NUL inside shows as length != strlen), or -1 on a bad escape. */
long	url_decode(char *);
/* Copy s with the bidi controls and C0/C1 controls replaced by U+FFFD
 * and invalid UTF-8 dropped: for text shown in pages, PDFs and mails. */
void	text_sanitize(struct buf *, const char *, size_t);

#endif
