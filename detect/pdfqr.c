/*
 * pdfqr: a QR code drawn with a PDF page's vector paths, a filled
 * rectangle to each dark module or run of modules, as PHP's TCPDF,
 * reportlab and HTML-to-PDF converters draw one: there is no image in the
 * file for an image reader, the quishing PDF that slips past them.
 *
 * A content stream's operators are followed only as far as needed to
 * know where each filled rectangle lands and whether it is dark: q, Q and
 * cm for the transformation (and q, Q for the fill colour); re, and m
 * with three l (and h) drawing an upright rectangle, for the path; f, F,
 * f*, B, B*, b, b* fill it, n, S and s drop it; g, rg, k set the fill
 * colour, cs a colour space (black in it) whose sc and scn operands are
 * grey, RGB, CMYK or, in a space of the page's own naming, a tint.
 * Strings, arrays, dictionaries, comments and inline images are skipped.
 *
 * The module is one of the commonest shorter sides (the three commonest
 * tried); rectangles of it, each a whole number of modules long, are
 * grouped into clusters (boxes less than two modules apart), and each
 * cluster that spans a QR code's width (21 to 177 modules, 4v + 17) is
 * the grid handed to qr_modules(): it costs one of the message's
 * pictures only when the three finder squares are there.  Two codes on a
 * page, or a stray square far off, are clusters of their own.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

#define PQ_RECTS	40000	/* dark rectangles kept per stream */
#define PQ_STACK	32	/* q levels followed */
#define PQ_SIDE_MIN	21	/* modules a side: version 1 */
#define PQ_SIDE_MAX	177	/* version 40 */
#define PQ_TINY		0.25	/* page units: a side no printer draws */
#define PQ_SIZES	3	/* module sizes tried */
#define PQ_CLUSTERS	8	/* clusters read per size */
#define PQ_PAIRS	(4u << 20)	/* rectangle pairs compared per size */
#define PQ_NOPS		8	/* operands kept */
#define PQ_FAR		1e6	/* page units: farther is off any page */

enum pq_space { PS_GREY, PS_RGB, PS_CMYK, PS_NAMED };

struct pq {
	double		 ctm[6];
	double		 stack[PQ_STACK][6];
	int		 dstack[PQ_STACK], sstack[PQ_STACK];
	int		 depth, dark;
	enum pq_space	 space;
	char		 name[16];	/* the last name operand */
	double		 op[PQ_NOPS];
	int		 nop, named;
	double		 poly[5][2];
	int		 npoly;		/* -1: not a rectangle */
	struct qr_rect	*r;
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
	struct qr_rect	*r;

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
	if (fabs(bx - ax) < PQ_TINY || fabs(by - ay) < PQ_TINY)
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
		if (g->depth < PQ_STACK) {
			memcpy(g->stack[g->depth], g->ctm, sizeof(g->ctm));
			g->dstack[g->depth] = g->dark;
			g->sstack[g->depth] = (int)g->space;
		}
		g->depth++;
	} else if (OP("Q")) {
		if (g->depth > 0 && --g->depth < PQ_STACK) {
			memcpy(g->ctm, g->stack[g->depth], sizeof(g->ctm));
			g->dark = g->dstack[g->depth];
			g->space = (enum pq_space)g->sstack[g->depth];
		}
	} else if (OP("cm") && n >= 6) {
		affine_mul(g->ctm, o + n - 6);
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

		if (n >= k) {
			g->dark = pq_dark(o + n - k, k);
			g->space = k == 1 ? PS_GREY : k == 3 ? PS_RGB : PS_CMYK;
		}
	} else if (OP("sc") || OP("scn")) {
		/* A pattern's name: not a plain colour.  A space of the
		 * page's naming with one component is a spot colour, its
		 * operand a tint (1: full ink). */
		if (g->named)
			g->dark = 0;
		else if (g->space == PS_NAMED && n == 1)
			g->dark = o[0] >= 0.5;
		else
			g->dark = pq_dark(o, n);
	} else if (OP("cs")) {
		g->dark = 1;
		g->space = strcmp(g->name, "DeviceGray") == 0 ||
		    strcmp(g->name, "CalGray") == 0 ? PS_GREY :
		    strcmp(g->name, "DeviceRGB") == 0 ||
		    strcmp(g->name, "CalRGB") == 0 ? PS_RGB :
		    strcmp(g->name, "DeviceCMYK") == 0 ? PS_CMYK : PS_NAMED;
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
long_cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

/* Is r of the module u (its sides whole numbers of it, the shorter one
 * to seven: a finder's centre drawn as one square, merged runs)? */
static int
pq_fits(const struct qr_rect *r, double u)
{
	double	 w = r->x1 - r->x0, h = r->y1 - r->y0;
	double	 lo = fmin(w, h), hi = fmax(w, h);

	return lo / u >= 0.85 && lo / u < 7.2 &&
	    fabs(lo / u - round(lo / u)) <= 0.15 && hi / u < PQ_SIDE_MAX + 1 &&
	    fabs(hi / u - round(hi / u)) <= 0.2;
}

struct pq_sel {
	const struct qr_rect	*r;
	size_t			 up;	/* union-find parent */
};

static int
sel_cmp(const void *a, const void *b)
{
	double x = ((const struct pq_sel *)a)->r->x0;
	double y = ((const struct pq_sel *)b)->r->x0;

	return x < y ? -1 : x > y;
}

static size_t
pq_root(struct pq_sel *v, size_t i)
{
	while (v[i].up != i) {
		v[i].up = v[v[i].up].up;
		i = v[i].up;
	}
	return i;
}

/* The side of a cluster extent e, in modules of about u: the QR code's
 * side (4v + 17) nearest, or 0 when none is near. */
static long
pq_side(double e, double u)
{
	double	 m = e / u;
	long	 v = lround((m - 17) / 4), side = 4 * v + 17;

	if (side < PQ_SIDE_MIN || side > PQ_SIDE_MAX || fabs(m - (double)side) >
	    1.5)
		return 0;
	return side;
}

/* One cluster (the rectangles of v whose root is root) as a grid. */
static int
pq_cluster(struct detect_scan *s, const char *name, struct pq_sel *v,
    size_t n, size_t root, double u)
{
	double		 bx0 = 0, by0 = 0, bx1 = 0, by1 = 0, ux, uy;
	size_t		 i, k = 0;
	long		 cols, rows;
	unsigned char	*mod;
	int		 found;

	for (i = 0; i < n; i++) {
		const struct qr_rect *r = v[i].r;

		if (pq_root(v, i) != root)
			continue;
		if (k++ == 0) {
			bx0 = r->x0;
			by0 = r->y0;
			bx1 = r->x1;
			by1 = r->y1;
		}
		bx0 = fmin(bx0, r->x0);
		by0 = fmin(by0, r->y0);
		bx1 = fmax(bx1, r->x1);
		by1 = fmax(by1, r->y1);
	}
	if (k < 49)
		return 0;
	if ((cols = pq_side(bx1 - bx0, u)) != 0 &&
	    (rows = pq_side(by1 - by0, u)) == cols) {
		/* The module as the code's own extent gives it. */
		ux = (bx1 - bx0) / (double)cols;
		uy = (by1 - by0) / (double)rows;
	} else {
		/* Wider than a code (decoration round one): the module as
		 * found; qr_modules() looks for the code inside. */
		cols = lround((bx1 - bx0) / u);
		rows = lround((by1 - by0) / u);
		if (cols < PQ_SIDE_MIN || rows < PQ_SIDE_MIN ||
		    cols > 2 * PQ_SIDE_MAX || rows > 2 * PQ_SIDE_MAX ||
		    !qr_inner_room(s, (size_t)cols * (size_t)rows))
			return 0;
		ux = uy = u;
	}
	mod = xcalloc((size_t)cols, (size_t)rows);
	for (i = 0; i < n; i++) {
		const struct qr_rect *r = v[i].r;
		long x, y, c0, c1, r0, r1;

		if (pq_root(v, i) != root)
			continue;
		/* Rows from the top: the page's y grows upwards. */
		c0 = lround((r->x0 - bx0) / ux);
		c1 = lround((r->x1 - bx0) / ux);
		r0 = lround((by1 - r->y1) / uy);
		r1 = lround((by1 - r->y0) / uy);
		for (y = r0 < 0 ? 0 : r0; y < r1 && y < rows; y++)
			for (x = c0 < 0 ? 0 : c0; x < c1 && x < cols; x++)
				mod[y * cols + x] = 1;
	}
	found = qr_modules(s, name, mod, (size_t)cols, (int)cols, (int)rows,
	    R_QR_URL, NULL, NULL);
	free(mod);
	return found;
}

/* The rectangles of the module u, clustered, each cluster read. */
static int
pq_size(struct detect_scan *s, const char *name, const struct qr_rect *r,
    size_t n, double u)
{
	struct pq_sel	*v;
	size_t		 i, j, k = 0, pairs = 0, tried = 0;
	double		 gap = 2 * u;
	int		 found = 0;

	v = xmalloc(n * sizeof(*v));
	for (i = 0; i < n; i++)
		if (pq_fits(&r[i], u))
			v[k++].r = &r[i];
	if (k < 49) {
		free(v);
		return 0;
	}
	qsort(v, k, sizeof(*v), sel_cmp);
	for (i = 0; i < k; i++)
		v[i].up = i;
	/* Boxes less than two modules apart are one cluster: a sweep
	 * along x, the pairs compared bounded (a column of a thousand
	 * squares is not a code). */
	for (i = 0; i < k && pairs < PQ_PAIRS; i++)
		for (j = i + 1; j < k && v[j].r->x0 <= v[i].r->x1 + gap &&
		    pairs < PQ_PAIRS; j++) {
			pairs++;
			if (v[j].r->y0 <= v[i].r->y1 + gap &&
			    v[i].r->y0 <= v[j].r->y1 + gap) {
				size_t a = pq_root(v, i), b = pq_root(v, j);

				if (a != b)
					v[a > b ? a : b].up = a > b ? b : a;
			}
		}
	if (pairs < PQ_PAIRS) {
		size_t *size = xcalloc(k, sizeof(*size));

		for (i = 0; i < k; i++)
			size[pq_root(v, i)]++;
		for (i = 0; i < k && tried < PQ_CLUSTERS && qr_room(s); i++)
			if (size[i] >= 49) {
				tried++;
				found += pq_cluster(s, name, v, k, i, u);
			}
		free(size);
	}
	free(v);
	return found;
}

void
affine_mul(double *m, const double *t)
{
	double	 r[6];

	r[0] = m[0] * t[0] + m[2] * t[1];
	r[1] = m[1] * t[0] + m[3] * t[1];
	r[2] = m[0] * t[2] + m[2] * t[3];
	r[3] = m[1] * t[2] + m[3] * t[3];
	r[4] = m[0] * t[4] + m[2] * t[5] + m[4];
	r[5] = m[1] * t[4] + m[3] * t[5] + m[5];
	memcpy(m, r, sizeof(r));
}

/* The grids the rectangles draw, to qr_modules(): how many codes were
 * read. */
int
qr_rects(struct detect_scan *s, const char *name, const struct qr_rect *r,
    size_t n)
{
	long		*side, top[PQ_SIZES] = { 0 };
	size_t		 cnt[PQ_SIZES] = { 0 }, i, j, t;
	int		 found;

	if (n < 49)
		return 0;
	/* The commonest shorter sides, in 64ths of a unit. */
	side = xmalloc(n * sizeof(*side));
	for (i = 0; i < n; i++)
		side[i] = lround(fmin(r[i].x1 - r[i].x0, r[i].y1 - r[i].y0) *
		    64);
	qsort(side, n, sizeof(*side), long_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && side[j] == side[i]; j++)
			;
		for (t = 0; t < PQ_SIZES; t++)
			if (j - i > cnt[t]) {
				memmove(&cnt[t + 1], &cnt[t], (PQ_SIZES - t - 1) *
				    sizeof(*cnt));
				memmove(&top[t + 1], &top[t], (PQ_SIZES - t - 1) *
				    sizeof(*top));
				cnt[t] = j - i;
				top[t] = side[i];
				break;
			}
	}
	free(side);
	for (t = 0; t < PQ_SIZES && cnt[t] >= 25 && qr_room(s); t++) {
		double	 sum = 0, u;
		size_t	 m = 0;

		/* The module to better than a 64th: the mean of the
		 * sides of its bucket and its neighbours. */
		for (i = 0; i < n; i++) {
			double lo = fmin(r[i].x1 - r[i].x0, r[i].y1 - r[i].y0);

			if (fabs(lo * 64 - (double)top[t]) <= 1.0) {
				sum += lo;
				m++;
			}
		}
		u = sum / (double)m;
		if ((found = pq_size(s, name, r, n, u)) > 0)
			return found;
	}
	return 0;
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

			while (p < e) {
				c = *p++;
				if (c == '\\') {
					if (p < e)
						p++;
				} else if (c == '(')
					depth++;
				else if (c == ')' && --depth == 0)
					break;
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
			const unsigned char *nm = ++p;

			while (p < e && !pq_delim(*p))
				p++;
			snprintf(g->name, sizeof(g->name), "%.*s",
			    (int)(p - nm < 15 ? p - nm : 15), nm);
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
	/* A path never filled is not drawn. */
	if (g->r != NULL)
		qr_rects(s, arena_printf(&s->a, "%s > drawing", name), g->r,
		    g->start);
	free(g->r);
	free(g);
}
