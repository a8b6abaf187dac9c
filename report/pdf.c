/* pdf: the report's A4 writer on cairo + pango (see pdf.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "html.h"
#include "pdf.h"
#include "util.h"

#define PAGE_W		595.276		/* A4 in points */
#define PAGE_H		841.890
#define MARGIN		50.0
#define TEXT_W		(PAGE_W - 2 * MARGIN)
#define BOTTOM		(PAGE_H - MARGIN - 18.0)	/* above the footer */
#define COLS_MAX	12
#define FONT		"Noto Sans CJK JP"
#define FONT_MONO	"Noto Sans Mono CJK JP"

struct pdf {
	struct buf		*out;
	cairo_surface_t		*surf;
	cairo_t			*cr;
	PangoLayout		*lay;
	double			 y;
	int			 page;
	int			 failed;
	char			*footer;
	char			*page_word;
	struct buf		 tmp;
	/* The table being written. */
	struct pdf_col		 cols[COLS_MAX];
	size_t			 ncols;
	int			 row;
};

static cairo_status_t
pdf_write(void *ctx, const unsigned char *data, unsigned int len)
{
	struct pdf	*p = ctx;

	if (buf_add(p->out, data, len) == -1) {
		p->failed = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* The text, sanitised, in p->tmp. */
static const char *
clean(struct pdf *p, const char *s)
{
	buf_reset(&p->tmp);
	if (s != NULL)
		text_sanitize(&p->tmp, s, strlen(s));
	return p->tmp.ptr;
}

static void
set_font(struct pdf *p, const char *family, double size, int bold)
{
	PangoFontDescription	*fd = pango_font_description_new();

	pango_font_description_set_family(fd, family);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	/*
	 * One weight: cairo 1.16 cannot subset the bold face of Noto Sans
	 * CJK and embeds all of it (900 kB).  Emphasis is size and colour.
	 */
	(void)bold;
	pango_font_description_set_weight(fd, PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(p->lay, fd);
	pango_font_description_free(fd);
}

/* Lay out text in a box of width w (points), at most lines lines
 * (0: any); its height in points. */
static double
layout(struct pdf *p, const char *s, double w, int lines)
{
	int	 lw, lh;

	pango_layout_set_width(p->lay, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(p->lay, PANGO_WRAP_WORD_CHAR);
	if (lines > 0) {
		pango_layout_set_height(p->lay, -lines);
		pango_layout_set_ellipsize(p->lay, PANGO_ELLIPSIZE_END);
	} else {
		pango_layout_set_height(p->lay, -1);
		pango_layout_set_ellipsize(p->lay, PANGO_ELLIPSIZE_NONE);
	}
	pango_layout_set_text(p->lay, clean(p, s), -1);
	pango_layout_get_size(p->lay, &lw, &lh);
	return (double)lh / PANGO_SCALE;
}

static void
draw_at(struct pdf *p, double x, double y)
{
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->lay);
}

static void
footer(struct pdf *p)
{
	char	 n[64];

	cairo_set_source_rgb(p->cr, 0.35, 0.39, 0.44);
	set_font(p, FONT, 7.5, 0);
	layout(p, p->footer, TEXT_W - 80, 1);
	draw_at(p, MARGIN, PAGE_H - MARGIN);
	snprintf(n, sizeof(n), "%s %d", p->page_word, p->page);
	layout(p, n, 80, 1);
	pango_layout_set_alignment(p->lay, PANGO_ALIGN_RIGHT);
	draw_at(p, PAGE_W - MARGIN - 80, PAGE_H - MARGIN);
	pango_layout_set_alignment(p->lay, PANGO_ALIGN_LEFT);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static void
new_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN;
}

/* Room for h more points on this page, else a new page. */
static int
need(struct pdf *p, double h)
{
	if (p->y + h <= BOTTOM)
		return 0;
	new_page(p);
	return 1;
}

struct pdf *
pdf_open(struct buf *out, const char *title, const char *footer_text,
    const char *page_word)
{
	struct pdf	*p = xcalloc(1, sizeof(*p));

	p->out = out;
	p->footer = xstrdup(footer_text);
	p->page_word = xstrdup(page_word);
	buf_init(&p->tmp, 256u * 1024);
	p->surf = cairo_pdf_surface_create_for_stream(pdf_write, p, PAGE_W,
	    PAGE_H);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_TITLE,
	    title);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATOR,
	    "Shindan");
	p->cr = cairo_create(p->surf);
	p->lay = pango_cairo_create_layout(p->cr);
	p->page = 1;
	p->y = MARGIN;
	return p;
}

void
pdf_title(struct pdf *p, const char *s)
{
	double	 h;

	set_font(p, FONT, 20, 1);
	h = layout(p, s, TEXT_W, 0);
	need(p, h + 14);
	cairo_set_source_rgb(p->cr, 0.043, 0.361, 0.678);
	draw_at(p, MARGIN, p->y);
	p->y += h + 4;
	cairo_rectangle(p->cr, MARGIN, p->y, TEXT_W, 1.5);
	cairo_fill(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y += 10;
}

void
pdf_h2(struct pdf *p, const char *s)
{
	double	 h;

	set_font(p, FONT, 13, 1);
	h = layout(p, s, TEXT_W, 0);
	/* A heading never ends a page alone. */
	need(p, h + 50);
	p->y += 8;
	cairo_set_source_rgb(p->cr, 0.043, 0.361, 0.678);
	draw_at(p, MARGIN, p->y);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y += h + 4;
}

static void
para(struct pdf *p, const char *s, double size, double indent,
    const char *mark)
{
	double	 h;

	set_font(p, FONT, size, 0);
	h = layout(p, s, TEXT_W - indent, 0);
	need(p, h);
	draw_at(p, MARGIN + indent, p->y);
	if (mark != NULL) {
		layout(p, mark, indent, 1);
		draw_at(p, MARGIN + indent - 10, p->y);
	}
	p->y += h + size * 0.35;
}

void
pdf_text(struct pdf *p, const char *s)
{
	para(p, s, 10, 0, NULL);
}

void
pdf_small(struct pdf *p, const char *s)
{
	cairo_set_source_rgb(p->cr, 0.35, 0.39, 0.44);
	para(p, s, 8.5, 0, NULL);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

void
pdf_bullet(struct pdf *p, const char *s)
{
	para(p, s, 10, 14, "\xe2\x80\xa2");
}

void
pdf_kv(struct pdf *p, const char *key, const char *value)
{
	double	 hk, hv;

	set_font(p, FONT, 10, 1);
	hk = layout(p, key, 150, 0);
	set_font(p, FONT, 10, 0);
	hv = layout(p, value, TEXT_W - 160, 0);
	need(p, hk > hv ? hk : hv);
	draw_at(p, MARGIN + 160, p->y);
	set_font(p, FONT, 10, 1);
	layout(p, key, 150, 0);
	cairo_set_source_rgb(p->cr, 0.35, 0.39, 0.44);
	draw_at(p, MARGIN, p->y);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y += (hk > hv ? hk : hv) + 2;
}

void
pdf_bars(struct pdf *p, const char *const *labels, const long long *values,
    size_t n)
{
	const double	 lw = 130, vw = 60, bh = 14, gap = 6;
	double		 maxw = TEXT_W - lw - vw, w;
	long long	 max = 0;
	char		 v[32];
	size_t		 i;

	for (i = 0; i < n; i++)
		if (values[i] > max)
			max = values[i];
	for (i = 0; i < n; i++) {
		need(p, bh + gap);
		set_font(p, FONT, 9.5, 0);
		layout(p, labels[i], lw - 8, 1);
		draw_at(p, MARGIN, p->y);
		w = max > 0 ? maxw * (double)values[i] / (double)max : 0;
		cairo_set_source_rgb(p->cr, 0.89, 0.906, 0.925);
		cairo_rectangle(p->cr, MARGIN + lw, p->y + 1, maxw, bh - 2);
		cairo_fill(p->cr);
		cairo_set_source_rgb(p->cr, 0.702, 0.149, 0.118);
		if (w > 0) {
			cairo_rectangle(p->cr, MARGIN + lw, p->y + 1,
			    w < 1 ? 1 : w, bh - 2);
			cairo_fill(p->cr);
		}
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		snprintf(v, sizeof(v), "%lld", values[i]);
		set_font(p, FONT, 9.5, 1);
		layout(p, v, vw - 6, 1);
		draw_at(p, MARGIN + lw + maxw + 6, p->y);
		p->y += bh + gap;
	}
	p->y += 4;
}

static double
row_height(struct pdf *p, const char *const *cells, int header)
{
	double	 h, max = 0;
	size_t	 i;

	for (i = 0; i < p->ncols; i++) {
		set_font(p, p->cols[i].mono && !header ? FONT_MONO : FONT,
		    header ? 8 : 7.5, header);
		h = layout(p, cells[i], p->cols[i].width * TEXT_W - 6,
		    header ? 2 : p->cols[i].lines);
		if (h > max)
			max = h;
	}
	return max + 5;
}

static void
draw_row(struct pdf *p, const char *const *cells, int header)
{
	double	 h = row_height(p, cells, header), x = MARGIN;
	size_t	 i;

	if (header)
		cairo_set_source_rgb(p->cr, 0.933, 0.945, 0.961);
	else if (p->row % 2 == 1)
		cairo_set_source_rgb(p->cr, 0.973, 0.976, 0.984);
	else
		cairo_set_source_rgb(p->cr, 1, 1, 1);
	cairo_rectangle(p->cr, MARGIN, p->y, TEXT_W, h);
	cairo_fill(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	for (i = 0; i < p->ncols; i++) {
		set_font(p, p->cols[i].mono && !header ? FONT_MONO : FONT,
		    header ? 8 : 7.5, header);
		layout(p, cells[i], p->cols[i].width * TEXT_W - 6,
		    header ? 2 : p->cols[i].lines);
		draw_at(p, x + 3, p->y + 2.5);
		x += p->cols[i].width * TEXT_W;
	}
	p->y += h;
}

static void
table_header(struct pdf *p)
{
	const char	*t[COLS_MAX];
	size_t		 i;

	for (i = 0; i < p->ncols; i++)
		t[i] = p->cols[i].title;
	draw_row(p, t, 1);
}

void
pdf_table(struct pdf *p, const struct pdf_col *cols, size_t ncols)
{
	const char	*t[COLS_MAX];
	size_t		 i;

	if (ncols > COLS_MAX)
		abort();
	memcpy(p->cols, cols, ncols * sizeof(*cols));
	p->ncols = ncols;
	p->row = 0;
	for (i = 0; i < ncols; i++)
		t[i] = cols[i].title;
	/* The header and at least one row together. */
	need(p, 2 * row_height(p, t, 1) + 10);
	table_header(p);
}

void
pdf_row(struct pdf *p, const char *const *cells)
{
	if (need(p, row_height(p, cells, 0)))
		table_header(p);
	draw_row(p, cells, 0);
	p->row++;
}

void
pdf_table_end(struct pdf *p)
{
	p->ncols = 0;
	p->y += 8;
}

void
pdf_space(struct pdf *p, double points)
{
	p->y += points;
}

int
pdf_close(struct pdf *p)
{
	int	 rc;

	footer(p);
	cairo_show_page(p->cr);
	g_object_unref(p->lay);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surf);
	rc = cairo_surface_status(p->surf) == CAIRO_STATUS_SUCCESS &&
	    !p->failed ? 0 : -1;
	cairo_surface_destroy(p->surf);
	buf_release(&p->tmp);
	free(p->footer);
	free(p->page_word);
	free(p);
	return rc;
}
