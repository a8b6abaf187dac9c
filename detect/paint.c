/*
 * paint: what a vector drawing's paths paint, as upright rectangles, for
 * the readers of QR codes drawn with shapes (svgqr.c's SVG, pdfqr.c's
 * PDF content streams).  Both models paint alike: a path of subpaths of
 * lines and cubic curves, filled by the nonzero or the even-odd rule,
 * and stroked with a width, caps and a dash pattern.  What is painted
 * goes to the caller's paint_out, in the drawing's own coordinates: an
 * upright rectangle, or a dot (a round cap on a stroke of no length).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

#define PAINT_DASH_MAX	4096	/* dashes drawn along one segment */

/* A stroke's piece from (x, y) to (nx, ny), horizontal or vertical, as
 * the rectangle it paints; its ends carried on by half the width when
 * capped round or square.  A piece of no length so capped is a dot (a
 * round cap) or a square of the width: a way of drawing modules. */
static void
paint_piece(const struct paint_stroke *st, const struct paint_out *o, double x,
    double y, double nx, double ny)
{
	double	 hw = st->width / 2, c = st->cap ? hw : 0;

	if (ny == y && nx != x)
		o->rect(o->arg, fmin(x, nx) - c, y - hw, fmax(x, nx) + c,
		    y + hw);
	else if (nx == x && ny != y)
		o->rect(o->arg, x - hw, fmin(y, ny) - c, x + hw,
		    fmax(y, ny) + c);
	else if (nx == x && ny == y && st->cap == 1)
		o->dot(o->arg, x, y, hw);
	else if (nx == x && ny == y && st->cap == 2)
		o->rect(o->arg, x - hw, y - hw, x + hw, y + hw);
}

/* A stroked segment, horizontal or vertical: whole, or the dashes of
 * its dash pattern (PAINT_DASH_MAX at most; a pattern of no length is
 * drawn whole, one that hides all of it draws nothing), the pattern
 * begun at its offset, or where the subpath's stands (dash_at). */
void
paint_segment(const struct paint_stroke *st, const struct paint_out *o,
    double x, double y, double nx, double ny, int join0, int join1)
{
	double	 len = fabs(nx - x) + fabs(ny - y), sum = 0, at = 0, start;
	double	 dx = nx == x ? 0 : nx > x ? 1 : -1;
	double	 dy = ny == y ? 0 : ny > y ? 1 : -1, period, hw;
	int	 i, k = 0;

	for (i = 0; i < st->ndash; i++)
		sum += st->dash[i];
	start = st->dash_at != NULL ? *st->dash_at : st->offset;
	if (st->dash_at != NULL)
		*st->dash_at += len;
	if (*st->pieces >= PAINT_PIECES)
		return;
	(*st->pieces)++;
	if (len == 0 && st->round_only && st->cap != 1)
		return;
	if (st->ndash == 0 || !(sum > 0) || (nx != x && ny != y) || len == 0) {
		/* Where joins meet it, a solid line goes on under them. */
		hw = (nx != x && ny != y) || len == 0 ? 0 : st->width / 2;
		paint_piece(st, o, x - (join0 ? dx * hw : 0), y - (join0 ? dy *
		    hw : 0), nx + (join1 ? dx * hw : 0), ny + (join1 ? dy * hw :
		    0));
		return;
	}
	/* The pattern begins start into it: a piece before the segment's
	 * start is cut there. */
	period = st->ndash % 2 ? 2 * sum : sum;
	if (isfinite(start) && start != 0) {
		at = -fmod(start, period);
		if (at > 0)
			at -= period;
	}
	for (i = 0; at < len && k < PAINT_DASH_MAX && *st->pieces < PAINT_PIECES;
	    i = (i + 1) % st->ndash, (*st->pieces)++) {
		double a0 = fmax(at, 0), a1 = fmin(at + st->dash[i], len);

		/* Even entries are dashes, odd ones gaps (a list of odd
		 * length is repeated, so it comes round the other way). */
		if ((k++ % 2) == 0 && (a1 > a0 || (a1 == a0 && at >= 0 &&
		    st->cap)))
			paint_piece(st, o, x + dx * a0, y + dy * a0,
			    x + dx * a1, y + dy * a1);
		at += st->dash[i];
	}
}

int
dbl_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/*
 * A filled path, read as a browser fills it: its outline's vertical
 * edges, each with the winding it adds, cut into strips between the
 * heights where an edge begins or ends; in each strip, what the fill
 * rule fills (nonzero, or even-odd) is a rectangle.  So a path of a
 * rectangle a module (python-qrcode's), a finder ring with its hole
 * (qr-code-styling's), and an outline round a whole run of modules
 * (generators that merge them) are all the modules they draw.  A
 * subpath with curves or slanted sides (a module with rounded sides or
 * corners: qr-code-styling's "rounded", "classy" and "extra-rounded")
 * stands for the rectangle it lies in, wound as it is, when it fills
 * most of it (a disc, a rounded square; not a slash or a triangle).
 */
#define PAINT_SUB_PTS	(1u << 16)	/* points of one subpath */
#define PAINT_EDGES	(1u << 18)	/* vertical edges of one path */
#define PAINT_FULL		0.6	/* a curved subpath's share of its box */

void
paint_begin(struct paint_fill *f)
{
	f->ne = f->np = 0;
	f->curved = f->over = f->boxed = 0;
	f->eps = 0;
}

void
paint_free(struct paint_fill *f)
{
	free(f->e);
	free(f->p);
	f->e = NULL;
	f->p = NULL;
	f->ecap = f->pcap = 0;
	paint_begin(f);
}

/* A point of the current subpath's outline (on it, in order). */
void
paint_pt(struct paint_fill *f, double x, double y)
{
	if (!isfinite(x) || !isfinite(y) || f->np >= PAINT_SUB_PTS) {
		f->over = 1;
		return;
	}
	if (f->np == 0) {
		f->box[0] = f->box[2] = x;
		f->box[1] = f->box[3] = y;
	}
	f->box[0] = fmin(f->box[0], x);
	f->box[1] = fmin(f->box[1], y);
	f->box[2] = fmax(f->box[2], x);
	f->box[3] = fmax(f->box[3], y);
	f->eps = fmax(f->eps, 1e-9 * fmax(fabs(x), fabs(y)));
	if (f->np == f->pcap) {
		f->pcap = f->pcap ? 2 * f->pcap : 64;
		f->p = xrealloc(f->p, (f->pcap) * 2 * sizeof(*f->p));
	}
	f->p[2 * f->np] = x;
	f->p[2 * f->np + 1] = y;
	f->np++;
}

/* A point that bounds a curve without being one of its samples (where
 * it turns). */
void
paint_extreme(struct paint_fill *f, double x, double y)
{
	if (f->np > 0 && isfinite(x) && isfinite(y)) {
		f->box[0] = fmin(f->box[0], x);
		f->box[1] = fmin(f->box[1], y);
		f->box[2] = fmax(f->box[2], x);
		f->box[3] = fmax(f->box[3], y);
	}
}

static void
edge_put(struct paint_fill *f, double x, double ya, double yb, int dir)
{
	struct paint_edge	*ed;

	if (f->ne >= PAINT_EDGES)
		return;
	if (f->ne == f->ecap) {
		f->ecap = f->ecap ? 2 * f->ecap : 64;
		f->e = xrealloc(f->e, (f->ecap) * sizeof(*f->e));
	}
	ed = &f->e[f->ne++];
	ed->x = x;
	ed->y0 = fmin(ya, yb);
	ed->y1 = fmax(ya, yb);
	ed->dir = dir;
}

/* The current subpath closed: its vertical edges kept (its box's, wound
 * as it is, when it has curves or slanted sides and fills most of it). */
void
paint_sub_end(struct paint_fill *f)
{
	double	 area = 0;
	size_t	 i;

	if (f->np >= 3 && !f->over && f->curved) {
		for (i = 0; i < f->np; i++) {
			size_t j = (i + 1) % f->np;

			area += f->p[2 * i] * f->p[2 * j + 1] -
			    f->p[2 * j] * f->p[2 * i + 1];
		}
		area /= 2;
	}
	if (f->np < 3 || f->over)
		;
	else if (!f->curved) {
		for (i = 0; i < f->np; i++) {
			size_t j = (i + 1) % f->np;
			double y0 = f->p[2 * i + 1], y1 = f->p[2 * j + 1];

			if (y1 != y0)
				edge_put(f, f->p[2 * i], y0, y1,
				    y1 > y0 ? 1 : -1);
		}
	} else if (fabs(area) > 0 && fabs(area) >= PAINT_FULL * (f->box[2] -
	    f->box[0]) * (f->box[3] - f->box[1])) {
		/* Wound as the shape: a positive area (y down) goes down
		 * its right side. */
		int s = area > 0 ? 1 : -1;

		f->boxed = 1;
		edge_put(f, f->box[2], f->box[1], f->box[3], s);
		edge_put(f, f->box[0], f->box[1], f->box[3], -s);
	}
	f->np = 0;
	f->curved = f->over = 0;
}

static int
edge_y(const void *a, const void *b)
{
	const struct paint_edge *x = a, *y = b;

	return x->y0 < y->y0 ? -1 : x->y0 > y->y0;
}

static int
edge_x(const void *a, const void *b)
{
	const struct paint_edge *x = a, *y = b;

	return x->x < y->x ? -1 : x->x > y->x;
}

/* A span of a fill, open from y0 down while strips below carry it. */
struct paint_span {
	double	 x0, x1, y0;
};

/*
 * The path's edges filled by the rule, strip by strip, as rectangles:
 * a span the same in the strips below one another is one rectangle, so
 * an edge that cuts every strip (a subpath of no area, a module drawn
 * over its neighbour) leaves no slivers.  The edges across a strip are
 * kept in order of x: they are upright, so the order holds while they
 * last, and those that begin at a strip are sorted and merged in.  A
 * path meets 8 times its edges, and 4,096 more, at most (a staircase of
 * edges each across every strip would meet their square): the work
 * grows as the picture does, and no path uses up another's.
 */
void
paint_strips(struct paint_fill *f, int evenodd, const struct paint_out *o)
{
	struct paint_edge	*act, *tmp;
	struct paint_span	*open, *cur, *sw2;
	double		*ys, eps = f->eps, last = 0;
	size_t		 i, j, k, ny = 0, na = 0, next = 0, no = 0, nc;
	size_t		 ops = 0, allow;

	if (f->ne < 2)
		return;
	allow = 8 * f->ne + 4096;
	ys = xrealloc(NULL, (f->ne) * 2 * sizeof(*ys));
	act = xrealloc(NULL, (f->ne) * sizeof(*act));
	tmp = xrealloc(NULL, (f->ne) * sizeof(*tmp));
	open = xrealloc(NULL, (f->ne / 2 + 1) * sizeof(*open));
	cur = xrealloc(NULL, (f->ne / 2 + 1) * sizeof(*cur));
	for (i = 0; i < f->ne; i++) {
		ys[2 * i] = f->e[i].y0;
		ys[2 * i + 1] = f->e[i].y1;
	}
	qsort(ys, 2 * f->ne, sizeof(*ys), dbl_cmp);
	for (i = 0; i < 2 * f->ne; i++)
		if (ny == 0 || ys[i] - ys[ny - 1] > eps)
			ys[ny++] = ys[i];
	qsort(f->e, f->ne, sizeof(*f->e), edge_y);
	for (i = 0; i + 1 < ny && ops < allow; i++) {
		double	 ya = ys[i], yb = ys[i + 1], x0 = 0;
		size_t	 nb = 0, m = 0;
		int	 w = 0;

		/* Those ended leave; those begun come in, in order. */
		for (k = j = 0; k < na; k++)
			if (act[k].y1 > ya + eps)
				act[j++] = act[k];
		na = j;
		for (j = next; next < f->ne && f->e[next].y0 <= ya + eps;
		    next++)
			if (f->e[next].y1 > ya + eps)
				f->e[j + nb++] = f->e[next];
		if (nb > 0) {
			struct paint_edge *nw = f->e + j, *sw;

			qsort(nw, nb, sizeof(*nw), edge_x);
			for (k = 0, j = 0; k < na || j < nb; )
				tmp[m++] = j >= nb || (k < na &&
				    act[k].x <= nw[j].x) ? act[k++] : nw[j++];
			sw = act, act = tmp, tmp = sw;
			na = m;
		}
		ops += na + nb + no;
		/* This strip's spans, in order of x. */
		for (k = nc = 0; k < na; k++) {
			int	 was = evenodd ? w & 1 : w != 0, now;

			w += act[k].dir;
			now = evenodd ? w & 1 : w != 0;
			if (!was && now)
				x0 = act[k].x;
			else if (was && !now && act[k].x - x0 > eps) {
				cur[nc].x0 = x0;
				cur[nc].x1 = act[k].x;
				cur[nc++].y0 = ya;
			}
		}
		/* The open spans carried on where this strip has the same
		 * (the strips touch), the others drawn to here. */
		for (k = j = 0; k < no; k++) {
			while (j < nc && cur[j].x0 < open[k].x0 - eps)
				j++;
			if (j < nc && fabs(cur[j].x0 - open[k].x0) <= eps &&
			    fabs(cur[j].x1 - open[k].x1) <= eps &&
			    fabs(last - ya) <= eps)
				cur[j].y0 = open[k].y0;
			else
				o->rect(o->arg, open[k].x0, open[k].y0,
				    open[k].x1, last);
		}
		sw2 = open, open = cur, cur = sw2;
		no = nc;
		last = yb;
	}
	for (k = 0; k < no; k++)
		o->rect(o->arg, open[k].x0, open[k].y0, open[k].x1, last);
	free(ys);
	free(act);
	free(tmp);
	free(open);
	free(cur);
}

/* Where a cubic Bezier curve of one coordinate turns: its parameters in
 * (0, 1), in t; how many. */
static int
bez_turns(double p0, double p1, double p2, double p3, double *t)
{
	double	 a = -p0 + 3 * p1 - 3 * p2 + p3, b = 2 * (p0 - 2 * p1 + p2);
	double	 c = p1 - p0, disc;
	int	 n = 0;

	if (fabs(a) < 1e-12) {
		if (b != 0 && (t[0] = -c / b) > 0 && t[0] < 1)
			n = 1;
		return n;
	}
	if ((disc = b * b - 4 * a * c) < 0)
		return 0;
	disc = sqrt(disc);
	if ((t[n] = (-b + disc) / (2 * a)) > 0 && t[n] < 1)
		n++;
	if ((t[n] = (-b - disc) / (2 * a)) > 0 && t[n] < 1)
		n++;
	return n;
}

/* A cubic Bezier curve of one coordinate at t. */
static double
bez_at(double t, const double *p)
{
	double	 u = 1 - t;

	return u * u * u * p[0] + 3 * u * u * t * p[1] + 3 * u * t * t *
	    p[2] + t * t * t * p[3];
}

/* A cubic Bezier curve (xs, ys: its start, controls and end): sampled,
 * where it turns bounding it. */
void
paint_curve(struct paint_fill *f, const double *xs, const double *ys)
{
	double	 t[4];
	int	 i, n;

	f->curved = 1;
	n = bez_turns(xs[0], xs[1], xs[2], xs[3], t);
	n += bez_turns(ys[0], ys[1], ys[2], ys[3], t + n);
	for (i = 0; i < n; i++)
		paint_extreme(f, bez_at(t[i], xs), bez_at(t[i], ys));
	for (i = 1; i <= 4; i++)
		paint_pt(f, bez_at(i / 4.0, xs), bez_at(i / 4.0, ys));
}
