/*
 * pdfqr: a QR code drawn with a PDF page's vector paths, as PHP's TCPDF,
 * reportlab and HTML-to-PDF converters draw one (a filled rectangle to
 * each dark module or run of modules), as segno does (a stroked line to
 * each run) and as a browser prints round modules (discs of Bezier
 * curves): there is no image in the file for an image reader, the
 * quishing PDF that slips past them.
 *
 * A content stream's operators are followed only as far as needed to
 * know what each path paints and whether dark: q, Q and cm for the
 * transformation; m, l, c, v, y, h and re build the path; f, F, f*, B,
 * B*, b, b* fill it and S, s, B, b stroke it as paint.c paints SVG's
 * paths (w, J and d for the line width, caps and dashes), n drops it;
 * g, rg, k (G, RG, K) set the fill (stroke) colour, cs (CS) a colour
 * space (black in it) whose sc and scn (SC, SCN) operands are grey, RGB,
 * CMYK or, in a space of the page's own naming, a tint.  Strings,
 * dictionaries, comments and inline images are skipped.
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
#define PQ_NOPS		16	/* operands kept */
#define PQ_DASHES	8	/* numbers of a dash pattern */
#define PQ_PATH		(1u << 18)	/* points of one path kept */
#define PQ_FAR		1e6	/* page units: farther is off any page */

enum pq_space { PS_GREY, PS_RGB, PS_CMYK, PS_NAMED };

/* The graphics state that q saves and Q restores, as far as followed. */
struct pq_gs {
	double		 ctm[6];
	int		 dark, sdark;	/* the fill and stroke colours */
	enum pq_space	 space, sspace;
	double		 width;		/* line width */
	int		 cap;		/* line cap: 0 butt, 1 round, 2 square */
	double		 dash[PQ_DASHES];
	int		 ndash;		/* 0: solid */
	double		 phase;
};

/* A point of the path being built: where a move, line or curve goes
 * (a curve's two controls with it), or a closing. */
enum { PP_MOVE, PP_LINE, PP_CURVE, PP_CLOSE };

struct pq_pt {
	double	 x, y, c[4];
	int	 kind;
};

struct pq {
	struct pq_gs	 gs;
	struct pq_gs	 stack[PQ_STACK];
	int		 depth;
	char		 name[16];	/* the last name operand */
	double		 op[PQ_NOPS];
	int		 nop, named;
	int		 arr, arrend;	/* an array's operands: [arr, arrend),
					   -1 when none is known */
	struct pq_pt	*path;
	size_t		 npath, pathcap;
	struct paint_fill fill;
	struct detect_scan *s;
	size_t		*ops;		/* points painted and stroke pieces
					   drawn, a message's: PAINT_PIECES */
	struct qr_rect	*r;
	size_t		 nr;
};

static void
pq_point(const struct pq *g, double x, double y, double *ox, double *oy)
{
	const double *m = g->gs.ctm;

	*ox = m[0] * x + m[2] * y + m[4];
	*oy = m[1] * x + m[3] * y + m[5];
}

/* The rectangle [x0, x1] by [y0, y1] of user space painted, on the page
 * (a paint_out's rect). */
static void
pq_rect(void *arg, double x0, double y0, double x1, double y1)
{
	struct pq	*g = arg;
	const double	*m = g->gs.ctm;
	double		 ax, ay, bx, by;
	struct qr_rect	*r;

	/* Upright on the page only: no rotation but quarter turns. */
	if (!((fabs(m[1]) < 1e-9 && fabs(m[2]) < 1e-9) ||
	    (fabs(m[0]) < 1e-9 && fabs(m[3]) < 1e-9)))
		return;
	if (g->nr >= PQ_RECTS || !isfinite(x0) || !isfinite(y0) ||
	    !isfinite(x1) || !isfinite(y1))
		return;
	if (g->r == NULL)
		g->r = xmalloc(PQ_RECTS * sizeof(*g->r));
	pq_point(g, x0, y0, &ax, &ay);
	pq_point(g, x1, y1, &bx, &by);
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

/* A dot (a round cap on a dash of no length): its square. */
static void
pq_dot(void *arg, double x, double y, double rad)
{
	pq_rect(arg, x - rad, y - rad, x + rad, y + rad);
}

static void
pq_path_put(struct pq *g, int kind, double x, double y, const double *c)
{
	struct pq_pt	*q;

	if (g->npath >= PQ_PATH || !isfinite(x) || !isfinite(y))
		return;
	if (g->npath == g->pathcap) {
		g->pathcap = g->pathcap ? 2 * g->pathcap : 64;
		g->path = xrealloc(g->path, g->pathcap * sizeof(*g->path));
	}
	q = &g->path[g->npath++];
	q->kind = kind;
	q->x = x;
	q->y = y;
	if (c != NULL)
		memcpy(q->c, c, sizeof(q->c));
}

/*
 * The path painted: filled (fill: 1 nonzero, 2 even-odd) as paint.c
 * fills it, each subpath closed for it; stroked, each horizontal or
 * vertical line with the line width, cap and dash pattern (curves and
 * slanted lines are not drawn by the stroke).  Only in a dark colour;
 * a message paints PAINT_PIECES points and stroke pieces at most.
 */
static void
pq_paint(struct pq *g, int fill, int stroke)
{
	struct paint_out	 o = { pq_rect, pq_dot, g };
	struct paint_stroke	 sk = { g->gs.width, g->gs.dash,
				    g->gs.ndash, g->gs.phase, g->gs.cap,
				    g->ops };
	struct paint_fill	*f = &g->fill;
	double			 x = 0, y = 0, sx = 0, sy = 0;
	size_t			 i, segs = 0;

	if (!g->gs.dark)
		fill = 0;
	if (!g->gs.sdark)
		stroke = 0;
	if (g->nr >= PQ_RECTS || (!fill && !stroke))
		return;
	if (*g->ops >= PAINT_PIECES) {
		msg_truncated(g->s, g->s->m, CUT_DRAWING);
		return;
	}
	*g->ops += g->npath;
	paint_begin(f);
	for (i = 0; i < g->npath; i++) {
		const struct pq_pt *q = &g->path[i];

		if (q->kind == PP_MOVE) {
			if (fill) {
				paint_sub_end(f);
				paint_pt(f, q->x, q->y);
			}
			sx = x = q->x, sy = y = q->y;
			segs = 0;
			continue;
		}
		if (q->kind == PP_CLOSE) {
			/* A closed point, capped, is a dot or a square. */
			if (stroke && segs == 0)
				paint_segment(&sk, &o, x, y, x, y);
			else if (stroke && (x != sx || y != sy))
				paint_segment(&sk, &o, x, y, sx, sy);
			if (fill)
				paint_sub_end(f);
			x = sx, y = sy;
			segs = 0;
			continue;
		}
		/* After a closing, a subpath goes on from its start. */
		if (fill && f->np == 0)
			paint_pt(f, x, y);
		if (q->kind == PP_LINE) {
			if (stroke)
				paint_segment(&sk, &o, x, y, q->x, q->y);
			if (fill) {
				f->curved |= q->x != x && q->y != y;
				paint_pt(f, q->x, q->y);
			}
		} else if (fill) {
			double xs[4] = { x, q->c[0], q->c[2], q->x };
			double ys[4] = { y, q->c[1], q->c[3], q->y };

			paint_curve(f, xs, ys);
		}
		x = q->x, y = q->y;
		segs++;
	}
	if (fill) {
		paint_sub_end(f);
		paint_strips(f, fill == 2, &o);
	}
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

/* A colour space by its name: a device space, or one of the page's
 * own naming (a spot colour, a pattern). */
static enum pq_space
pq_space_of(const char *nm)
{
	return strcmp(nm, "DeviceGray") == 0 || strcmp(nm, "CalGray") == 0 ?
	    PS_GREY : strcmp(nm, "DeviceRGB") == 0 ||
	    strcmp(nm, "CalRGB") == 0 ? PS_RGB :
	    strcmp(nm, "DeviceCMYK") == 0 ? PS_CMYK : PS_NAMED;
}

/* The colour sc or scn sets in space sp: a pattern's name is not a
 * plain colour; a space of the page's naming with one component is a
 * spot colour, its operand a tint (1: full ink). */
static int
pq_sc_dark(const struct pq *g, enum pq_space sp)
{
	if (g->named)
		return 0;
	if (sp == PS_NAMED && g->nop == 1)
		return g->op[0] >= 0.5;
	return pq_dark(g->op, g->nop);
}

/* d: the dash pattern [arr, arrend) and its phase; a pattern that is
 * not one (a negative length, too many numbers) is drawn solid. */
static void
pq_dash(struct pq *g)
{
	int	 i, k = g->arrend - g->arr;

	g->gs.ndash = 0;
	g->gs.phase = 0;
	if (g->arr < 0 || g->arrend != g->nop - 1 || k > PQ_DASHES)
		return;
	for (i = 0; i < k; i++)
		if (!(g->op[g->arr + i] >= 0) || !isfinite(g->op[g->arr + i]))
			return;
	memcpy(g->gs.dash, g->op + g->arr, (size_t)k * sizeof(double));
	g->gs.ndash = k;
	g->gs.phase = isfinite(g->op[g->nop - 1]) ? g->op[g->nop - 1] : 0;
}

/* The operands read so far dropped. */
static void
pq_clear(struct pq *g)
{
	g->nop = 0;
	g->named = 0;
	g->arr = g->arrend = -1;
}

static void
pq_op(struct pq *g, const char *w, size_t l)
{
	double	*o = g->op;
	int	 n = g->nop;

#define OP(s) (l == sizeof(s) - 1 && memcmp(w, s, l) == 0)
	if (OP("q")) {
		if (g->depth < PQ_STACK)
			g->stack[g->depth] = g->gs;
		g->depth++;
	} else if (OP("Q")) {
		if (g->depth > 0 && --g->depth < PQ_STACK)
			g->gs = g->stack[g->depth];
	} else if (OP("cm") && n >= 6) {
		affine_mul(g->gs.ctm, o + n - 6);
	} else if (OP("re") && n >= 4) {
		double x = o[n - 4], y = o[n - 3], rw = o[n - 2], rh = o[n - 1];

		pq_path_put(g, PP_MOVE, x, y, NULL);
		pq_path_put(g, PP_LINE, x + rw, y, NULL);
		pq_path_put(g, PP_LINE, x + rw, y + rh, NULL);
		pq_path_put(g, PP_LINE, x, y + rh, NULL);
		pq_path_put(g, PP_CLOSE, x, y, NULL);
	} else if (OP("m") && n >= 2) {
		pq_path_put(g, PP_MOVE, o[n - 2], o[n - 1], NULL);
	} else if (OP("l") && n >= 2 && g->npath > 0) {
		pq_path_put(g, PP_LINE, o[n - 2], o[n - 1], NULL);
	} else if ((OP("c") && n >= 6) || ((OP("v") || OP("y")) && n >= 4)) {
		const struct pq_pt *last = g->npath > 0 ? &g->path[g->npath -
		    1] : NULL;
		double c[4], cx, cy;

		if (last != NULL) {
			/* The current point: a closing's is its subpath's
			 * start, which it carries. */
			cx = last->x, cy = last->y;
			if (OP("c"))
				memcpy(c, o + n - 6, sizeof(c));
			else if (OP("v"))
				c[0] = cx, c[1] = cy, c[2] = o[n - 4],
				    c[3] = o[n - 3];
			else
				c[0] = o[n - 4], c[1] = o[n - 3],
				    c[2] = o[n - 2], c[3] = o[n - 1];
			pq_path_put(g, PP_CURVE, o[n - 2], o[n - 1], c);
		}
	} else if (OP("h")) {
		size_t i = g->npath;

		/* The closing carries its subpath's start. */
		while (i > 0 && g->path[i - 1].kind != PP_MOVE)
			i--;
		if (i > 0)
			pq_path_put(g, PP_CLOSE, g->path[i - 1].x,
			    g->path[i - 1].y, NULL);
	} else if (OP("f") || OP("F") || OP("f*") || OP("B") || OP("B*") ||
	    OP("b") || OP("b*") || OP("S") || OP("s") || OP("n")) {
		int	 eo = w[l - 1] == '*';
		int	 fill = OP("S") || OP("s") || OP("n") ? 0 : eo ? 2 : 1;
		int	 stroke = w[0] == 'B' || w[0] == 'b' || w[0] == 'S' ||
			    w[0] == 's';

		/* s, b and b* close the path first. */
		if (w[0] == 's' || w[0] == 'b')
			pq_op(g, "h", 1);
		pq_paint(g, fill, stroke);
		g->npath = 0;
	} else if (OP("w") && n >= 1) {
		g->gs.width = fabs(o[n - 1]);
	} else if (OP("J") && n >= 1) {
		g->gs.cap = o[n - 1] == 1 ? 1 : o[n - 1] == 2 ? 2 : 0;
	} else if (OP("d") && n >= 1) {
		pq_dash(g);
	} else if (OP("g") || OP("rg") || OP("k")) {
		int k = OP("g") ? 1 : OP("rg") ? 3 : 4;

		if (n >= k) {
			g->gs.dark = pq_dark(o + n - k, k);
			g->gs.space = k == 1 ? PS_GREY : k == 3 ? PS_RGB :
			    PS_CMYK;
		}
	} else if (OP("G") || OP("RG") || OP("K")) {
		int k = OP("G") ? 1 : OP("RG") ? 3 : 4;

		if (n >= k) {
			g->gs.sdark = pq_dark(o + n - k, k);
			g->gs.sspace = k == 1 ? PS_GREY : k == 3 ? PS_RGB :
			    PS_CMYK;
		}
	} else if (OP("sc") || OP("scn")) {
		g->gs.dark = pq_sc_dark(g, g->gs.space);
	} else if (OP("SC") || OP("SCN")) {
		g->gs.sdark = pq_sc_dark(g, g->gs.sspace);
	} else if (OP("cs")) {
		g->gs.dark = 1;
		g->gs.space = pq_space_of(g->name);
	} else if (OP("CS")) {
		g->gs.sdark = 1;
		g->gs.sspace = pq_space_of(g->name);
	}
#undef OP
	pq_clear(g);
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

	if (!qr_room(s) || n < 64)
		return;
	g = xcalloc(1, sizeof(*g));
	g->gs.ctm[0] = g->gs.ctm[3] = 1;
	g->gs.dark = g->gs.sdark = 1;
	g->gs.width = 1;
	g->s = s;
	g->ops = &s->pdf_paint_ops;
	pq_clear(g);
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
			pq_clear(g);
		} else if (c == '<' && p + 1 < e && p[1] != '<') {
			q = memchr(p, '>', (size_t)(e - p));
			p = q != NULL ? q + 1 : e;
			pq_clear(g);
		} else if (c == '[' || c == ']') {
			/* An array's numbers: a dash pattern's. */
			if (c == '[')
				g->arr = g->nop, g->arrend = -1;
			else
				g->arrend = g->nop;
			p++;
		} else if (c == '<' || c == '>' || c == '{' || c == '}' ||
		    c == ')') {
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
				pq_clear(g);
				continue;
			}
			if (g->nop == PQ_NOPS) {
				memmove(g->op, g->op + 1, (PQ_NOPS - 1) *
				    sizeof(double));
				g->nop--;
				/* The array's first number dropped. */
				if (g->arr >= 0 && --g->arr < 0)
					g->arr = g->arrend = -1;
				else if (g->arrend > 0)
					g->arrend--;
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
				pq_clear(g);
				continue;
			}
			pq_op(g, (const char *)p, (size_t)(q - p));
			p = q;
		}
	}
	/* A path never painted is not drawn. */
	if (g->r != NULL)
		qr_rects(s, arena_printf(&s->a, "%s > drawing", name), g->r,
		    g->nr);
	paint_free(&g->fill);
	free(g->path);
	free(g->r);
	free(g);
}
