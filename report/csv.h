/*
 * csv: the only way a CSV cell is written (RFC 4180, SECURITY.md R-W-5).
 *
 * Every cell is quoted, with '"' doubled inside, so commas, quotes, CR
 * and LF in a value never end a cell or a row.  A cell whose first byte
 * is = + - @ tab or CR (what a spreadsheet would read as a formula) is
 * defused by a leading apostrophe.  Text is sanitised first: invalid
 * UTF-8 is dropped, and bidi controls and control characters other
 * than tab and LF become U+FFFD (text_sanitize), so a hostile subject
 * can neither reorder what a reader sees nor smuggle a NUL.  Rows end
 * with CRLF.  csv_bom() writes the UTF-8 byte order mark that makes
 * Excel read the file as UTF-8.
 *
 * The writer appends to a struct buf; the caller flushes it to the
 * response in pieces, so a file of any length never sits in memory.
 */
#ifndef SHINDAN_CSV_H
#define SHINDAN_CSV_H

#include <stddef.h>

#include "buf.h"

struct csv {
	struct buf	*out;
	int		 ncells;	/* in the current row */
	struct buf	 tmp;
};

void	csv_init(struct csv *, struct buf *out);
void	csv_release(struct csv *);
void	csv_bom(struct csv *);
/* One cell; NULL writes an empty cell. */
void	csv_cell(struct csv *, const char *);
void	csv_celln(struct csv *, const char *, size_t);
void	csv_cell_ll(struct csv *, long long);
void	csv_end_row(struct csv *);
/* 1 when a cell with this first byte would be defused. */
int	csv_trigger(int c);

#endif
