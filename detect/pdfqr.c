/*
 * pdfqr: a QR code drawn with a PDF page's vector paths, a filled
 * rectangle to each dark module or run of modules, as PHP's TCPDF,
 * reportlab and HTML-to-PDF converters draw one: there is no image in the
 * file for an image reader, the quishing PDF that slips past them.
 *
 * A content stream's operators are followed only as far as needed to
 * know where each filled rectangle lands and whether it is dark: q, Q and
 * cm for the transformation; re, and m with three l (and h) drawing an
 * upright rectangle, for the path; f, F, f*, B, B*, b, b* fill it, n, S
 * and s drop it; g, rg, k, sc and scn (by their operands' count) set the
 * fill colour, cs sets it black.  Strings, names, arrays, dictionaries,
 * comments and inline images are skipped.  The rectangles whose shorter
 * side is the most common one (the module) and whose longer side is a
 * whole number of modules, when they fill a square of 21 to 181 modules,
 * are the grid handed to qr_modules(): it costs one of the message's
 * pictures only when the three finder squares are there.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

#define PQ_RECTS	40000	/* dark rectangles kept per stream */
#define PQ_STACK	32	/* q levels followed */
#define PQ_SIDE_MIN	21	/* modules a side: version 1 */
#define PQ_SIDE_MAX	181	/* version 40 and a little margin */
#define PQ_NOPS		8	/* operands kept */
#define PQ_FAR		1e6	/* page units: farther is off any page */

struct pq_rect {
	double	 x0, y0, x1, y1;
};

struct pq {
	double		 ctm[6];
	double		 stack[PQ_STACK][6];
	int		 depth, dark;
	double		 op[PQ_NOPS];
	int		 nop, named;
	double		 poly[5][2];
	int		 npoly;		/* -1: not a rectangle */
	struct pq_rect	*r;
	size_t		 nr, start;	/* start: where the path began */
};

static void
pq_point(const struct pq *g, double x, double y, double *ox, double *oy)
{
	const double *m = g->ctm;

	*ox = m[0] * x + m[2] * y + m[4];
	*oy = m[1] * x + m[3] * y + m[5];
}

/* The rectangle x, y, w, h of user space into the path, on the page. */
static void
pq_add(struct pq *g, double x, double y, double w, double h)
{
	const double	*m = g->ctm;
	double		 ax, ay, bx, by;
	struct pq_rect	*r;

	/* Upright on the page only: no rotation but quarter turns. */
	if (!((fabs(m[1]) < 1e-9 && fabs(m[2]) < 1e-9) ||
	    (fabs(m[0]) < 1e-9 && fabs(m[3]) < 1e-9)))
		return;
	if (g->nr >= PQ_RECTS || !isfinite(x) || !isfinite(y) ||
	    !isfinite(w) || !isfinite(h))
		return;
	if (g->r == NULL)
		g->r = xmalloc(PQ_RECTS * sizeof(*g->r));
	pq_point(g, x, y, &ax, &ay);
	pq_point(g, x + w, y + h, &bx, &by);
	/* Beyond any page (PDF's limit is 14,400 units): not drawn. */
	if (!(fabs(ax) < PQ_FAR && fabs(ay) < PQ_FAR && fabs(bx) < PQ_FAR &&
	    fabs(by) < PQ_FAR))
		return;
	r = &g->r[g->nr++];
	r->x0 = fmin(ax, bx);
	r->x1 = fmax(ax, bx);
	r->y0 = fmin(ay, by);
	r->y1 = fmax(ay, by);
}

/* A path of m and three l (a fourth back to the start allowed) that is
 * an upright rectangle, added as one. */
static void
pq_poly_end(struct pq *g)
{
	double	(*p)[2] = g->poly;
	int	 n = g->npoly;

	g->npoly = 0;
	if (n == 5 && p[4][0] == p[0][0] && p[4][1] == p[0][1])
		n = 4;
	if (n != 4)
		return;
	if (((p[0][0] == p[1][0] && p[1][1] == p[2][1] && p[2][0] == p[3][0] &&
	    p[3][1] == p[0][1]) || (p[0][1] == p[1][1] && p[1][0] == p[2][0] &&
	    p[2][1] == p[3][1] && p[3][0] == p[0][0])))
		pq_add(g, fmin(p[0][0], p[2][0]), fmin(p[0][1], p[2][1]),
		    fabs(p[2][0] - p[0][0]), fabs(p[2][1] - p[0][1]));
}

/* Fill colours by luminance; CMYK as its complement. */
static int
pq_dark(const double *v, int n)
{
	double	 l;

	if (n == 1)
		l = v[0];
	else if (n == 3)
		l = 0.299 * v[0] + 0.587 * v[1] + 0.114 * v[2];
	else if (n == 4)
		l = 0.299 * (1 - fmin(1, v[0] + v[3])) + 0.587 * (1 - fmin(1,
		    v[1] + v[3])) + 0.114 * (1 - fmin(1, v[2] + v[3]));
	else
		return 0;
	return l < 0.5;
}

static void
pq_op(struct pq *g, const char *w, size_t l)
{
	double	*o = g->op;
	int	 n = g->nop;

#define OP(s) (l == sizeof(s) - 1 && memcmp(w, s, l) == 0)
	if (OP("q")) {
		if (g->depth < PQ_STACK)
			memcpy(g->stack[g->depth], g->ctm, sizeof(g->ctm));
		g->depth++;
	} else if (OP("Q")) {
		if (g->depth > 0 && --g->depth < PQ_STACK)
			memcpy(g->ctm, g->stack[g->depth], sizeof(g->ctm));
	} else if (OP("cm") && n >= 6) {
		const double *a = o + n - 6, *m = g->ctm;
		double	 t[6];

		t[0] = a[0] * m[0] + a[1] * m[2];
		t[1] = a[0] * m[1] + a[1] * m[3];
		t[2] = a[2] * m[0] + a[3] * m[2];
		t[3] = a[2] * m[1] + a[3] * m[3];
		t[4] = a[4] * m[0] + a[5] * m[2] + m[4];
		t[5] = a[4] * m[1] + a[5] * m[3] + m[5];
		memcpy(g->ctm, t, sizeof(t));
	} else if (OP("re") && n >= 4) {
		pq_poly_end(g);
		pq_add(g, o[n - 4], o[n - 3], o[n - 2], o[n - 1]);
	} else if (OP("m") && n >= 2) {
		pq_poly_end(g);
		g->poly[0][0] = o[n - 2];
		g->poly[0][1] = o[n - 1];
		g->npoly = 1;
	} else if (OP("l") && n >= 2) {
		if (g->npoly > 0 && g->npoly < 5) {
			g->poly[g->npoly][0] = o[n - 2];
			g->poly[g->npoly][1] = o[n - 1];
			g->npoly++;
		} else
			g->npoly = -1;
	} else if (OP("c") || OP("v") || OP("y")) {
		g->npoly = -1;
	} else if (OP("h")) {
		pq_poly_end(g);
	} else if (OP("f") || OP("F") || OP("f*") || OP("B") || OP("B*") ||
	    OP("b") || OP("b*")) {
		pq_poly_end(g);
		if (!g->dark)
			g->nr = g->start;
		g->start = g->nr;
	} else if (OP("n") || OP("S") || OP("s")) {
		g->npoly = 0;
		g->nr = g->start;
	} else if (OP("g") || OP("rg") || OP("k")) {
		int k = OP("g") ? 1 : OP("rg") ? 3 : 4;

		if (n >= k)
			g->dark = pq_dark(o + n - k, k);
	} else if (OP("sc") || OP("scn")) {
		/* A pattern's name: not a plain colour. */
		g->dark = !g->named && pq_dark(o, n);
	} else if (OP("cs")) {
		g->dark = 1;
	}
#undef OP
	g->nop = 0;
	g->named = 0;
}

/* A number at p (PDF's: sign, digits, one point), its end in *end. */
static int
pq_number(const unsigned char *p, const unsigned char *e,
    const unsigned char **end, double *v)
{
	double	 x = 0, scale = 1;
	int	 neg = 0, dot = 0, digits = 0;

	if (p < e && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	for (; p < e; p++) {
		if (*p >= '0' && *p <= '9') {
			if (digits++ < 18) {
				x = x * 10 + (*p - '0');
				if (dot)
					scale *= 10;
			}
		} else if (*p == '.' && !dot)
			dot = 1;
		else
			break;
	}
	*end = p;
	*v = (neg ? -x : x) / scale;
	return digits > 0;
}

static int
pq_delim(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	    c == '\0' || c == '(' || c == ')' || c == '<' || c == '>' ||
	    c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
	    c == '%';
}

static int
rect_cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

/* The grid the rectangles draw, to qr_modules(). */
static void
pq_read(struct detect_scan *s, const char *name, const struct pq_rect *r,
    size_t n)
{
	long		*side, u64 = 0;
	size_t		 i, j, best = 0, sel = 0;
	double		 u, tol, bx0 = 0, by0 = 0, bx1 = 0, by1 = 0;
	long		 cols, rows;
	unsigned char	*mod;

	if (n < 49)
		return;
	/* The module: the commonest shorter side, in 64ths of a unit. */
	side = xmalloc(n * sizeof(*side));
	for (i = 0; i < n; i++)
		side[i] = lround(fmin(r[i].x1 - r[i].x0, r[i].y1 - r[i].y0) *
		    64);
	qsort(side, n, sizeof(*side), rect_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && side[j] == side[i]; j++)
			;
		if (side[i] > 0 && j - i > best) {
			best = j - i;
			u64 = side[i];
		}
	}
	free(side);
	if (best < 25)
		return;
	u = (double)u64 / 64;
	tol = u * 0.15 + 1.0 / 64;
	for (i = 0; i < n; i++) {
		double w = r[i].x1 - r[i].x0, h = r[i].y1 - r[i].y0;
		double lo = fmin(w, h), hi = fmax(w, h);

		if (fabs(lo - u) > tol || fabs(hi / u - round(hi / u)) > 0.15)
			continue;
		if (sel++ == 0) {
			bx0 = r[i].x0;
			by0 = r[i].y0;
			bx1 = r[i].x1;
			by1 = r[i].y1;
		}
		bx0 = fmin(bx0, r[i].x0);
		by0 = fmin(by0, r[i].y0);
		bx1 = fmax(bx1, r[i].x1);
		by1 = fmax(by1, r[i].y1);
	}
	if (sel < 49)
		return;
	if ((bx1 - bx0) / u > PQ_SIDE_MAX + 1 || (by1 - by0) / u >
	    PQ_SIDE_MAX + 1)
		return;
	cols = lround((bx1 - bx0) / u);
	rows = lround((by1 - by0) / u);
	if (cols < PQ_SIDE_MIN || rows < PQ_SIDE_MIN || cols > PQ_SIDE_MAX ||
	    rows > PQ_SIDE_MAX || labs(cols - rows) > 1)
		return;
	mod = arena_zalloc(&s->a, (size_t)cols * (size_t)rows);
	for (i = 0; i < n; i++) {
		double w = r[i].x1 - r[i].x0, h = r[i].y1 - r[i].y0;
		double lo = fmin(w, h), hi = fmax(w, h);
		long x, y, c0, c1, r0, r1;

		if (fabs(lo - u) > tol || fabs(hi / u - round(hi / u)) > 0.15)
			continue;
		/* Rows from the top: the page's y grows upwards. */
		c0 = lround((r[i].x0 - bx0) / u);
		c1 = lround((r[i].x1 - bx0) / u);
		r0 = lround((by1 - r[i].y1) / u);
		r1 = lround((by1 - r[i].y0) / u);
		for (y = r0 < 0 ? 0 : r0; y < r1 && y < rows; y++)
			for (x = c0 < 0 ? 0 : c0; x < c1 && x < cols; x++)
				mod[y * cols + x] = 1;
	}
	qr_modules(s, name, mod, (size_t)cols, (int)cols, (int)rows, R_QR_URL,
	    NULL, NULL);
}

void
pdf_paths_qr(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n)
{
	const unsigned char	*e = p + n, *q;
	struct pq		*g;

	if (!qr_room(s) || n < 64 || memmem(p, n, "re", 2) == NULL)
		return;
	g = xcalloc(1, sizeof(*g));
	g->ctm[0] = g->ctm[3] = 1;
	g->dark = 1;
	while (p < e) {
		unsigned char c = *p;

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
		    c == '\f' || c == '\0') {
			p++;
		} else if (c == '%') {
			while (p < e && *p != '\n' && *p != '\r')
				p++;
		} else if (c == '(') {
			int depth = 0;

			for (; p < e; p++) {
				if (*p == '\\') {
					p++;
					continue;
				}
				if (*p == '(')
					depth++;
				else if (*p == ')' && --depth == 0) {
					p++;
					break;
				}
			}
			g->nop = 0;
		} else if (c == '<' && p + 1 < e && p[1] != '<') {
			q = memchr(p, '>', (size_t)(e - p));
			p = q != NULL ? q + 1 : e;
			g->nop = 0;
		} else if (c == '<' || c == '>' || c == '[' || c == ']' ||
		    c == '{' || c == '}' || c == ')') {
			p++;
		} else if (c == '/') {
			for (p++; p < e && !pq_delim(*p); p++)
				;
			g->named = 1;
		} else if ((c >= '0' && c <= '9') || c == '-' || c == '+' ||
		    c == '.') {
			double v;

			if (!pq_number(p, e, &q, &v) || (q < e &&
			    !pq_delim(*q))) {
				/* Not a number after all: skip the word. */
				for (q = p; q < e && !pq_delim(*q); q++)
					;
				p = q > p ? q : p + 1;
				g->nop = 0;
				continue;
			}
			if (g->nop == PQ_NOPS) {
				memmove(g->op, g->op + 1, (PQ_NOPS - 1) *
				    sizeof(double));
				g->nop--;
			}
			g->op[g->nop++] = v;
			p = q;
		} else {
			for (q = p; q < e && !pq_delim(*q); q++)
				;
			/* An inline image: its data up to EI. */
			if (q - p == 2 && memcmp(p, "BI", 2) == 0) {
				const unsigned char *ei = q;

				while ((ei = memmem(ei, (size_t)(e - ei), "EI",
				    2)) != NULL && !(pq_delim(ei[-1]) &&
				    (ei + 2 == e || pq_delim(ei[2]))))
					ei += 2;
				p = ei != NULL ? ei + 2 : e;
				g->nop = 0;
				continue;
			}
			pq_op(g, (const char *)p, (size_t)(q - p));
			p = q;
		}
	}
	if (g->r != NULL)
		pq_read(s, arena_printf(&s->a, "%s > drawing", name), g->r,
		    g->nr);
	free(g->r);
	free(g);
}
