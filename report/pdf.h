/*
 * pdf: a small A4 document writer on cairo + pango, for the report.
 *
 * Text flows down the page and onto new pages by itself; every page
 * ends with a footer (a note and "Page N").  Fonts: Noto Sans CJK JP
 * (Debian's fonts-noto-cjk), so Japanese and English render alike.
 *
 * Every string is sanitised here (invalid UTF-8 dropped, bidi and
 * control characters made U+FFFD) and handed to pango as plain text,
 * never as markup, so a hostile subject can neither break the layout
 * language nor reorder the text around it.  The document carries no
 * links, no scripts and no external resources; its metadata holds only
 * our own title.  Long cells are cut with an ellipsis.
 *
 * The PDF is appended to the caller's buffer; pdf_close() returns -1
 * when cairo failed or the buffer's cap was reached.
 */
#ifndef SHINDAN_PDF_H
#define SHINDAN_PDF_H

#include <stddef.h>

#include "buf.h"

struct pdf;

struct pdf_col {
	const char	*title;
	double		 width;		/* share of the text width, 0..1 */
	int		 lines;		/* at most this many lines a cell */
	int		 mono;		/* a fixed-width font (hashes) */
};

/* footer: a note on every page; page_word: "Page" in the reader's
 * language; title: the document's metadata title. */
struct pdf	*pdf_open(struct buf *out, const char *title,
		    const char *footer, const char *page_word);
void		 pdf_title(struct pdf *, const char *);
void		 pdf_h2(struct pdf *, const char *);
void		 pdf_text(struct pdf *, const char *);
void		 pdf_small(struct pdf *, const char *);
void		 pdf_bullet(struct pdf *, const char *);
/* A line "key   value" in two columns. */
void		 pdf_kv(struct pdf *, const char *key, const char *value);
/* A horizontal bar chart: one bar per label, its value at its end. */
void		 pdf_bars(struct pdf *, const char *const *labels,
		    const long long *values, size_t n);
void		 pdf_table(struct pdf *, const struct pdf_col *, size_t ncols);
void		 pdf_row(struct pdf *, const char *const *cells);
void		 pdf_table_end(struct pdf *);
void		 pdf_space(struct pdf *, double points);
/* Finish and free; 0, or -1 on any failure. */
int		 pdf_close(struct pdf *);

#endif
