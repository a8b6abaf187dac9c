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

#define PQ_RECTS	40000	/* rectangles kept per stream, of dark paint
				   and of pale each */
#define PQ_STACK	4096	/* q levels followed */
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
#define PQ_PALE		0.9	/* lighter paint is kept for no code */
#define PQ_DARK		0.5	/* darker is read first; lighter too when
				   the darker reads nothing */
#define PQ_CLIPS	40000	/* clipping paths' rectangles kept */
#define PQ_CLIP_OPS	(16u << 20)	/* clip tests, a message */

enum pq_space { PS_GREY, PS_RGB, PS_CMYK, PS_NAMED };

/* The graphics state that q saves and Q restores, as far as followed. */
struct pq_gs {
	double		 ctm[6];
	double		 light, slight;	/* the fill and stroke colours: how
					   light, 0 black to 1 white */
	enum pq_space	 space, sspace;
	double		 width;		/* line width */
	int		 cap;		/* line cap: 0 butt, 1 round, 2 square */
	int		 join;		/* line join: 0 mitre, 1 round, 2 bevel */
	double		 dash[PQ_DASHES];
	int		 ndash;		/* 0: solid */
	double		 phase;
	int		 clipped;	/* a clipping path applies: the
					   rectangles [clip0, clip0 + nclip)
					   of the clip store, on the page */
	size_t		 clip0, nclip;
	size_t		 clip_top;	/* saved by q: the store's end */
};

/* A point of the path being built: where a move, line or curve goes
 * (a curve's two controls with it), or a closing. */
enum { PP_MOVE, PP_LINE, PP_CURVE, PP_CLOSE };

struct pq_pt {
	double	 x, y, c[4];
	int	 kind;
};

struct pq_seg;

struct pq {
	struct pq_gs	 gs;
	struct pq_gs	*stack;		/* what q saved, PQ_STACK deep */
	size_t		 depth, stackcap;
	char		 name[16];	/* the last name operand */
	double		 op[PQ_NOPS];
	int		 nop, named;
	int		 arr, arrend;	/* an array's operands: [arr, arrend),
					   -1 when none is known */
	struct pq_pt	*path;
	size_t		 npath, pathcap;
	size_t		 sub;		/* where the current subpath began */
	struct pq_seg	*seg;		/* a subpath's pieces, stroking it */
	size_t		 nseg;
	struct paint_fill fill;
	struct detect_scan *s;
	size_t		*ops;		/* points painted and stroke pieces
					   drawn, a message's: PAINT_PIECES */
	struct qr_rect	*r;
	float		*lt;		/* how light each rectangle is */
	size_t		 nr;
	size_t		 ndark, npale;	/* of them darker than PQ_DARK, not */
	int		 pale_cut;	/* pale paint past the room: a loss
					   only if the dark reads nothing */
	double		 cur;		/* how light what is painted now */
	int		 wclip;		/* W (1) or W* (2) before the paint */
	struct qr_rect	*clip;		/* clipping paths' rectangles */
	size_t		 nclips;
	int		 to_clip;	/* what is painted goes to the clip */
	size_t		*clip_ops;	/* a message's clip tests */
};

static void
pq_point(const struct pq *g, double x, double y, double *ox, double *oy)
{
	const double *m = g->gs.ctm;

	*ox = m[0] * x + m[2] * y + m[4];
	*oy = m[1] * x + m[3] * y + m[5];
}

/*
 * No room for a rectangle as light as light?  Paint darker than PQ_DARK
 * and paint lighter have PQ_RECTS each, so that a table's pale shading
 * leaves a code in black its room, and black rules a code in green.
 */
static int
pq_full(const struct pq *g, double light)
{
	return (light < PQ_DARK ? g->ndark : g->npale) >= PQ_RECTS;
}

/* Paint as light as light not all kept: said at once when it is darker
 * than PQ_DARK or the budget of a message ran out; else when the dark
 * paint reads nothing (pq_read()). */
static void
pq_cut(struct pq *g, double light)
{
	if (light < PQ_DARK || *g->ops >= PAINT_PIECES)
		msg_truncated(g->s, g->s->m, CUT_DRAWING);
	else
		g->pale_cut = 1;
}

/* A rectangle painted on the page, kept when a printer draws it. */
static void
pq_keep(struct pq *g, double x0, double y0, double x1, double y1)
{
	struct qr_rect	*r;

	if (x1 - x0 < PQ_TINY || y1 - y0 < PQ_TINY || pq_full(g, g->cur))
		return;
	if (g->cur < PQ_DARK)
		g->ndark++;
	else
		g->npale++;
	g->lt[g->nr] = (float)g->cur;
	r = &g->r[g->nr++];
	r->x0 = x0;
	r->y0 = y0;
	r->x1 = x1;
	r->y1 = y1;
}

/* The rectangle [x0, x1] by [y0, y1] of user space painted, on the page
 * (a paint_out's rect), within the clipping path; or, to_clip, a
 * rectangle of a new clipping path. */
static void
pq_rect(void *arg, double x0, double y0, double x1, double y1)
{
	struct pq	*g = arg;
	const double	*m = g->gs.ctm;
	double		 ax, ay, bx, by;

	/* Upright on the page only: no rotation but quarter turns. */
	if (!((fabs(m[1]) < 1e-9 && fabs(m[2]) < 1e-9) ||
	    (fabs(m[0]) < 1e-9 && fabs(m[3]) < 1e-9)))
		return;
	if ((!g->to_clip && pq_full(g, g->cur)) || !isfinite(x0) ||
	    !isfinite(y0) || !isfinite(x1) || !isfinite(y1))
		return;
	if (g->r == NULL) {
		g->r = xmalloc(2 * PQ_RECTS * sizeof(*g->r));
		g->lt = xmalloc(2 * PQ_RECTS * sizeof(*g->lt));
	}
	pq_point(g, x0, y0, &ax, &ay);
	pq_point(g, x1, y1, &bx, &by);
	if (g->to_clip) {
		/* A clipping path's rectangle, kept as it is; to beyond
		 * any page, to the page. */
		ax = fmax(-PQ_FAR, fmin(PQ_FAR, ax));
		ay = fmax(-PQ_FAR, fmin(PQ_FAR, ay));
		bx = fmax(-PQ_FAR, fmin(PQ_FAR, bx));
		by = fmax(-PQ_FAR, fmin(PQ_FAR, by));
		if (g->nclips < PQ_CLIPS && fabs(bx - ax) > 1e-9 &&
		    fabs(by - ay) > 1e-9)
			g->clip[g->nclips++] = (struct qr_rect){ fmin(ax, bx),
			    fmin(ay, by), fmax(ax, bx), fmax(ay, by) };
		return;
	}
	/* Beyond any page (PDF's limit is 14,400 units): not drawn. */
	if (!(fabs(ax) < PQ_FAR && fabs(ay) < PQ_FAR && fabs(bx) < PQ_FAR &&
	    fabs(by) < PQ_FAR))
		return;
	if (g->gs.clipped && *g->clip_ops < PQ_CLIP_OPS) {
		/* Painted where the clipping path lets it through. */
		size_t i;

		*g->clip_ops += g->gs.nclip;
		for (i = 0; i < g->gs.nclip && !pq_full(g, g->cur); i++) {
			const struct qr_rect *c = &g->clip[g->gs.clip0 + i];

			pq_keep(g, fmax(fmin(ax, bx), c->x0), fmax(fmin(ay, by),
			    c->y0), fmin(fmax(ax, bx), c->x1), fmin(fmax(ay, by),
			    c->y1));
		}
		return;
	}
	if (g->gs.clipped)
		msg_truncated(g->s, g->s->m, CUT_DRAWING);
	pq_keep(g, fmin(ax, bx), fmin(ay, by), fmax(ax, bx), fmax(ay, by));
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
	if (kind == PP_MOVE)
		g->sub = g->npath;
	q = &g->path[g->npath++];
	q->kind = kind;
	q->x = x;
	q->y = y;
	if (c != NULL)
		memcpy(q->c, c, sizeof(q->c));
}

/* A piece of a subpath being stroked: a line (or a curve, which the
 * stroke does not draw but which ends the lines' joins). */
struct pq_seg {
	double	 x0, y0, x1, y1;
	int	 line;
};

/* The segments of one subpath stroked (closed: its last meets its
 * first), each line's ends carried on where a mitred or round join
 * meets a line; a subpath of no length, a dot under round caps. */
static void
pq_stroke_sub(struct pq *g, const struct paint_out *o,
    struct paint_stroke *sk, const struct pq_seg *v, size_t n, int closed,
    double sx, double sy)
{
	int	 joins = g->gs.join != 2;
	size_t	 j;

	*sk->dash_at = g->gs.phase;
	if (n == 0) {
		if (closed)
			paint_segment(sk, o, sx, sy, sx, sy, 0, 0);
		return;
	}
	for (j = 0; j < n; j++) {
		int j0, j1;

		if (!v[j].line) {
			*sk->dash_at += fabs(v[j].x1 - v[j].x0) +
			    fabs(v[j].y1 - v[j].y0);
			continue;
		}
		j0 = joins && ((j > 0 && v[j - 1].line) || (closed && j == 0 &&
		    n > 1 && v[n - 1].line));
		j1 = joins && ((j + 1 < n && v[j + 1].line) || (closed &&
		    j + 1 == n && n > 1 && v[0].line));
		paint_segment(sk, o, v[j].x0, v[j].y0, v[j].x1, v[j].y1, j0, j1);
	}
}

/* The path's strokes, subpath by subpath. */
static void
pq_stroke(struct pq *g, const struct paint_out *o)
{
	double			 at = 0, x = 0, y = 0, sx = 0, sy = 0;
	struct paint_stroke	 sk = { g->gs.width, g->gs.dash, g->gs.ndash,
				    0, &at, g->gs.cap, 1, g->ops };
	size_t			 i, n = 0;

	for (i = 0; i <= g->npath; i++) {
		const struct pq_pt *q = i < g->npath ? &g->path[i] : NULL;

		if (q == NULL || q->kind == PP_MOVE || q->kind == PP_CLOSE) {
			int closed = q != NULL && q->kind == PP_CLOSE;

			if (closed && (x != sx || y != sy) && n < g->nseg) {
				g->seg[n] = (struct pq_seg){ x, y, sx, sy, 1 };
				n++;
			}
			if (n > 0 || closed)
				pq_stroke_sub(g, o, &sk, g->seg, n, closed, sx,
				    sy);
			n = 0;
			if (q != NULL) {
				/* A closing's point is its subpath's start. */
				sx = x = q->x;
				sy = y = q->y;
			}
			continue;
		}
		if (n == g->nseg) {
			g->nseg = g->nseg ? 2 * g->nseg : 64;
			g->seg = xrealloc(g->seg, g->nseg * sizeof(*g->seg));
		}
		g->seg[n++] = (struct pq_seg){ x, y, q->x, q->y,
		    q->kind == PP_LINE };
		x = q->x, y = q->y;
	}
}

/* The path's subpaths into g->fill, for paint_strips(). */
static void
pq_fill_build(struct pq *g)
{
	struct paint_fill	*f = &g->fill;
	double			 x = 0, y = 0;
	size_t			 i;

	paint_begin(f);
	for (i = 0; i < g->npath; i++) {
		const struct pq_pt *q = &g->path[i];

		if (q->kind == PP_MOVE || q->kind == PP_CLOSE) {
			paint_sub_end(f);
			if (q->kind == PP_MOVE)
				paint_pt(f, q->x, q->y);
		} else {
			/* After a closing, a subpath goes on from its
			 * start. */
			if (f->np == 0)
				paint_pt(f, x, y);
			if (q->kind == PP_LINE) {
				f->curved |= q->x != x && q->y != y;
				paint_pt(f, q->x, q->y);
			} else {
				double xs[4] = { x, q->c[0], q->c[2], q->x };
				double ys[4] = { y, q->c[1], q->c[3], q->y };

				paint_curve(f, xs, ys);
			}
		}
		x = q->x, y = q->y;
	}
}

/*
 * The path made the clipping path (W: nonzero, W* even-odd), within the
 * one before: kept as the rectangles its fill is, on the page.  Under a
 * rotation, or past the store, the clip is not known and the one before
 * stays (said).
 */
static void
pq_clip(struct pq *g, int evenodd)
{
	struct paint_out	 o = { pq_rect, pq_dot, g };
	const double		*m = g->gs.ctm;
	size_t			 start = g->nclips, n, i, j, at;

	if (g->npath == 0)
		return;
	if (!((fabs(m[1]) < 1e-9 && fabs(m[2]) < 1e-9) ||
	    (fabs(m[0]) < 1e-9 && fabs(m[3]) < 1e-9)))
		return;
	if (g->clip == NULL)
		g->clip = xmalloc(PQ_CLIPS * sizeof(*g->clip));
	pq_fill_build(g);
	paint_sub_end(&g->fill);
	g->to_clip = 1;
	paint_strips(&g->fill, evenodd, &o);
	g->to_clip = 0;
	n = g->nclips - start;
	if (g->gs.clipped) {
		/* Within the clip before: what the two share. */
		at = g->nclips;
		*g->clip_ops += n * g->gs.nclip;
		for (i = 0; i < n && *g->clip_ops < PQ_CLIP_OPS; i++)
			for (j = 0; j < g->gs.nclip && g->nclips < PQ_CLIPS;
			    j++) {
				const struct qr_rect *a = &g->clip[start + i];
				const struct qr_rect *b = &g->clip[g->gs.clip0 +
				    j];
				struct qr_rect c = { fmax(a->x0, b->x0),
				    fmax(a->y0, b->y0), fmin(a->x1, b->x1),
				    fmin(a->y1, b->y1) };

				if (c.x1 > c.x0 && c.y1 > c.y0)
					g->clip[g->nclips++] = c;
			}
		memmove(g->clip + start, g->clip + at, (g->nclips - at) *
		    sizeof(*g->clip));
		g->nclips = start + (g->nclips - at);
	}
	if (g->nclips >= PQ_CLIPS || *g->clip_ops >= PQ_CLIP_OPS) {
		msg_truncated(g->s, g->s->m, CUT_DRAWING);
		g->nclips = start;
		return;
	}
	g->gs.clipped = 1;
	g->gs.clip0 = start;
	g->gs.nclip = g->nclips - start;
}

/*
 * The path painted: filled (fill: 1 nonzero, 2 even-odd) as paint.c
 * fills it, each subpath closed for it; stroked (pq_stroke()), each
 * horizontal or vertical line with the line width, cap, join and dash
 * pattern (curves and slanted lines are not drawn by the stroke).  Only
 * in a dark colour; a message paints PAINT_PIECES points and stroke
 * pieces at most, and says so when it would have painted more.
 */
static void
pq_paint(struct pq *g, int fill, int stroke)
{
	struct paint_out	 o = { pq_rect, pq_dot, g };
	struct paint_fill	*f = &g->fill;
	double			 light;

	/* What is all but white is kept, with how light it is. */
	if (g->gs.light >= PQ_PALE)
		fill = 0;
	if (g->gs.slight >= PQ_PALE)
		stroke = 0;
	if ((!fill && !stroke) || g->npath == 0)
		return;
	light = fmin(fill ? g->gs.light : 1, stroke ? g->gs.slight : 1);
	if (*g->ops >= PAINT_PIECES || pq_full(g, light)) {
		pq_cut(g, light);
		return;
	}
	*g->ops += g->npath;
	if (fill) {
		pq_fill_build(g);
		paint_sub_end(f);
		g->cur = g->gs.light;
		paint_strips(f, fill == 2, &o);
	}
	if (stroke) {
		g->cur = g->gs.slight;
		pq_stroke(g, &o);
	}
	if (*g->ops >= PAINT_PIECES || pq_full(g, g->cur))
		pq_cut(g, g->cur);
}

/* How light a colour is, 0 black to 1 white: grey and RGB by
 * luminance, CMYK as its complement; what is not a colour, white. */
static double
pq_light(const double *v, int n)
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
		return 1;
	return isfinite(l) ? fmin(1, fmax(0, l)) : 1;
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
static double
pq_sc_light(const struct pq *g, enum pq_space sp)
{
	if (g->named)
		return 1;
	if (sp == PS_NAMED && g->nop == 1)
		return isfinite(g->op[0]) ? fmin(1, fmax(0, 1 - g->op[0])) : 1;
	return pq_light(g->op, g->nop);
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
		if (g->depth < PQ_STACK) {
			if (g->depth == g->stackcap) {
				g->stackcap = g->stackcap ? 2 * g->stackcap : 16;
				g->stack = xrealloc(g->stack, g->stackcap *
				    sizeof(*g->stack));
			}
			g->stack[g->depth] = g->gs;
			g->stack[g->depth].clip_top = g->nclips;
		}
		g->depth++;
	} else if (OP("Q")) {
		if (g->depth > 0 && --g->depth < PQ_STACK) {
			g->gs = g->stack[g->depth];
			/* The clips set since are gone with their state. */
			if (g->gs.clip_top <= g->nclips)
				g->nclips = g->gs.clip_top;
		}
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
		/* The closing carries its subpath's start. */
		if (g->npath > 0 && g->path[g->npath - 1].kind != PP_CLOSE)
			pq_path_put(g, PP_CLOSE, g->path[g->sub].x,
			    g->path[g->sub].y, NULL);
	} else if (OP("f") || OP("F") || OP("f*") || OP("B") || OP("B*") ||
	    OP("b") || OP("b*") || OP("S") || OP("s") || OP("n")) {
		int	 eo = w[l - 1] == '*';
		int	 fill = OP("S") || OP("s") || OP("n") ? 0 : eo ? 2 : 1;
		int	 stroke = w[0] == 'B' || w[0] == 'b' || w[0] == 'S' ||
			    w[0] == 's';

		/* s, b and b* close the path first; a W before the paint
		 * makes the path the clip after it. */
		if (w[0] == 's' || w[0] == 'b')
			pq_op(g, "h", 1);
		pq_paint(g, fill, stroke);
		if (g->wclip)
			pq_clip(g, g->wclip == 2);
		g->wclip = 0;
		g->npath = g->sub = 0;
	} else if (OP("W") || OP("W*")) {
		g->wclip = l == 2 ? 2 : 1;
	} else if (OP("w") && n >= 1) {
		g->gs.width = fabs(o[n - 1]);
	} else if (OP("J") && n >= 1) {
		g->gs.cap = o[n - 1] == 1 ? 1 : o[n - 1] == 2 ? 2 : 0;
	} else if (OP("j") && n >= 1) {
		g->gs.join = o[n - 1] == 1 ? 1 : o[n - 1] == 2 ? 2 : 0;
	} else if (OP("d") && n >= 1) {
		pq_dash(g);
	} else if (OP("g") || OP("rg") || OP("k")) {
		int k = OP("g") ? 1 : OP("rg") ? 3 : 4;

		if (n >= k) {
			g->gs.light = pq_light(o + n - k, k);
			g->gs.space = k == 1 ? PS_GREY : k == 3 ? PS_RGB :
			    PS_CMYK;
		}
	} else if (OP("G") || OP("RG") || OP("K")) {
		int k = OP("G") ? 1 : OP("RG") ? 3 : 4;

		if (n >= k) {
			g->gs.slight = pq_light(o + n - k, k);
			g->gs.sspace = k == 1 ? PS_GREY : k == 3 ? PS_RGB :
			    PS_CMYK;
		}
	} else if (OP("sc") || OP("scn")) {
		g->gs.light = pq_sc_light(g, g->gs.space);
	} else if (OP("SC") || OP("SCN")) {
		g->gs.slight = pq_sc_light(g, g->gs.sspace);
	} else if (OP("cs")) {
		g->gs.light = 0;
		g->gs.space = pq_space_of(g->name);
	} else if (OP("CS")) {
		g->gs.slight = 0;
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
		size_t	*size = xcalloc(k, sizeof(*size));
		double	*box = xmalloc(k * 4 * sizeof(*box));
		int	 pass;

		/* Each cluster's size and extent. */
		for (i = 0; i < k; i++) {
			size_t rt = pq_root(v, i);
			double *b = box + 4 * rt;

			if (size[rt]++ == 0) {
				b[0] = v[i].r->x0, b[1] = v[i].r->y0;
				b[2] = v[i].r->x1, b[3] = v[i].r->y1;
			}
			b[0] = fmin(b[0], v[i].r->x0);
			b[1] = fmin(b[1], v[i].r->y0);
			b[2] = fmax(b[2], v[i].r->x1);
			b[3] = fmax(b[3], v[i].r->y1);
		}
		/* Those a code's size and square first, then those wider
		 * (a code in decoration); smaller ones cost nothing, so
		 * that decoys leave the code its turn. */
		for (pass = 0; pass < 2 && tried <= PQ_CLUSTERS; pass++)
			for (i = 0; i < k && qr_room(s); i++) {
				double *b = box + 4 * i;
				long cw, ch;
				int fits;

				if (size[i] < 49)
					continue;
				cw = pq_side(b[2] - b[0], u);
				ch = pq_side(b[3] - b[1], u);
				fits = cw != 0 && cw == ch;
				if (pass == 0 ? !fits : fits ||
				    (b[2] - b[0]) / u < PQ_SIDE_MIN ||
				    (b[3] - b[1]) / u < PQ_SIDE_MIN)
					continue;
				if (tried++ >= PQ_CLUSTERS) {
					msg_truncated(s, s->m, CUT_DRAWING);
					break;
				}
				found += pq_cluster(s, name, v, k, i, u);
			}
		free(box);
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

/*
 * The rectangles painted darker than mid-grey, read; when no code is
 * read so and some paint is lighter (a code in grey, green or orange,
 * which phones read, beside a black rule or none), those darker than
 * halfway between the darkest pale paint and white.
 */
static void
pq_read(struct detect_scan *s, const char *name, struct pq *g)
{
	struct qr_rect	*v = xmalloc((g->nr + 1) * sizeof(*v));
	double		 min = 1, thr = PQ_DARK;
	size_t		 i, k;
	int		 pass;

	for (i = 0; i < g->nr; i++)
		if (g->lt[i] >= PQ_DARK)
			min = fmin(min, g->lt[i]);
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			if (g->npale == 0)
				break;
			if (g->pale_cut)
				msg_truncated(s, s->m, CUT_DRAWING);
			thr = (min + 1) / 2;
		} else if (g->ndark == 0)
			continue;
		for (i = k = 0; i < g->nr; i++)
			if (g->lt[i] < thr)
				v[k++] = g->r[i];
		if (qr_rects(s, name, v, k) > 0)
			break;
	}
	free(v);
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
	g->gs.light = g->gs.slight = 0;
	g->gs.width = 1;
	g->s = s;
	g->ops = &s->pdf_paint_ops;
	g->clip_ops = &s->pdf_clip_ops;
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
		pq_read(s, arena_printf(&s->a, "%s > drawing", name), g);
	paint_free(&g->fill);
	free(g->seg);
	free(g->stack);
	free(g->path);
	free(g->r);
	free(g->lt);
	free(g->clip);
	free(g);
}
