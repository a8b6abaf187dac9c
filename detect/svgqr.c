/*
 * svgqr: a QR code drawn in an SVG picture with vector shapes, which no
 * image scanner sees: a <rect> a module (qrencode's way), a <circle> a
 * module (the dots the 2025 kits draw so that scanners of QR shapes
 * miss them), a path of rectangles filled, a path or <line>s of
 * horizontal and vertical strokes (qrencode --svg-path's, segno's), or
 * strokes of no length with round caps (dots).  The transforms of a
 * shape and of its groups are followed (translate, scale, matrix without
 * rotation but quarter turns); painting is inherited from the groups and
 * set by attributes, the rules of the picture's <style> sheets (by their
 * weight, CSS's specificity) and style, as SVG does.  What is
 * not seen is not drawn: display none, visibility hidden (unless a shape
 * shows itself), no opacity, what <defs>, <symbol>, <mask>, <desc> and
 * other elements that draw nothing hold; what <use> draws again is.  A
 * clip path's shapes are where the shapes clipped to it paint
 * (qr-code-styling's way).  Each shape keeps how light it looks; the
 * dark ones go, y turned up, to pdfqr.c's reader of rectangles, which
 * finds the module and the grid and gives it to qr.c ("file.svg >
 * drawing", attach.qr_code); when nothing is read so and the darkest
 * paint is a grey, the shapes darker than halfway between it and white
 * are read again (a code drawn faint).
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

#define SQ_RECTS	40000	/* shapes kept, of each kind */
#define SQ_DEPTH	256	/* elements followed deep */
#define SQ_EXTENT	1000.0	/* the drawing scaled to this extent */
#define SQ_RULES	256	/* rules of <style> sheets kept */
#define SQ_CLIPS	SQ_RECTS	/* <clipPath>s kept */
#define SQ_REFS		4096	/* shapes clipped to one */
#define SQ_CLIP_OPS	(8u << 20)	/* clip shapes met with painters */
#define SQ_DEFS		SQ_RECTS	/* elements with an id, for <use> */
#define SQ_USES		SQ_RECTS	/* uses read */
#define SQ_REPLAY	(8u << 20)	/* bytes of groups read again */
#define SQ_DASHES	8	/* numbers of a stroke-dasharray */
#define SQ_CLASSES	16	/* classes of an element matched */
#define SQ_ATTR_OPS	(16u << 20)	/* bytes read testing attributes */
#define SQ_MATCH_OPS	(32u << 20)	/* classes compared, a message */
#define SQ_SEEN		0.98	/* lighter than this: paints nothing */
#define SQ_LAYER_OPS	(16u << 20)	/* light shapes met with dark */

/* What one source of painting says (presentation attributes, a rule's
 * declarations, a style attribute), parsed once. */
enum {
	P_FILL = 1 << 0, P_STROKE = 1 << 1, P_WIDTH = 1 << 2, P_CAP = 1 << 3,
	P_FOP = 1 << 4, P_SOP = 1 << 5, P_OP = 1 << 6, P_DISP = 1 << 7,
	P_VIS = 1 << 8, P_CLIP = 1 << 9, P_DASH = 1 << 10, P_FRULE = 1 << 11,
	P_CRULE = 1 << 12, P_MASK = 1 << 13, P_FILTER = 1 << 14,
	P_BLEND = 1 << 15
};

struct sq_decl {
	unsigned	 set;
	unsigned	 imp;		/* those set !important */
	double		 fill, stroke, width, fop, sop, op;
	double		 falpha;	/* the fill colour's own alpha */
	double		 dash[SQ_DASHES];
	int		 ndash;		/* 0: solid */
	int		 cap, none, hidden;
	int		 mask, filter, blend;	/* set, and not none/normal */
	int		 frule, crule;	/* 1: evenodd */
	const char	*clip;		/* clip-path: url(#id), the id */
	size_t		 cll;
};

/* A rule of a <style> sheet: its compound selector (a tag or *, and
 * classes, an id and attribute tests: "rect.a.b#m[fill]"), its weight
 * (CSS's specificity) and its declarations. */
#define SQ_SEL_PARTS	4	/* classes, and attribute tests, of one */

struct sq_attr_test {
	const char	*name, *val;
	size_t		 nl, vl;
	int		 op;		/* 0 is there, or = ~= ^= $= *= |= */
};

struct sq_rule {
	const char	*tag, *id;
	size_t		 tl, il;
	const char	*cls[SQ_SEL_PARTS];
	size_t		 cl[SQ_SEL_PARTS];
	int		 ncls;
	struct sq_attr_test at[SQ_SEL_PARTS];
	int		 nat;
	long		 weight;	/* ids, classes and tests, a tag */
	struct sq_decl	 d;
};

enum { M_DRAW, M_DEFS, M_CLIP, M_NONE };

struct sq_style {
	double		 m[6];		/* the transform to the picture */
	double		 fill, stroke;	/* lightness: 0 black, 1 white, none */
	double		 fop, sop;	/* fill-opacity, stroke-opacity */
	double		 falpha;	/* the fill colour's alpha */
	int		 composed;	/* it or a group masked, filtered or
					   blended: a light shape hides
					   nothing for certain */
	double		 op;		/* opacity, the groups' times its own */
	double		 width;		/* stroke width */
	double		 dash[SQ_DASHES];
	int		 ndash;
	int		 cap;		/* stroke-linecap: 1 round, 2 square */
	int		 frule, crule;	/* fill-rule, clip-rule: 1 evenodd */
	int		 hidden;	/* display none, or a group not read */
	int		 invis;		/* visibility hidden */
	int		 mode;		/* M_DRAW, M_DEFS, M_CLIP, M_NONE */
	int		 clip;		/* in a clip path: its index + 1 */
	const char	*tag;		/* the element of this level */
	size_t		 tl;
	const char	*gclip;		/* a group's clip path, its id */
	size_t		 gcl;
	double		 gm[6];		/* and the group's transform */
};

/* Rectangles, each with how light it looks and whether it hides what
 * is drawn before it (an opaque light shape), in the order drawn (clip
 * shapes: unused). */
struct sq_rects {
	struct qr_rect	*r;
	float		*lt;
	unsigned char	*cov;
	size_t		 n;
};

/* Dots: centre x, y, radius and how light, four doubles each. */
struct sq_dots {
	double		*d;
	size_t		 n;
};

/* A <clipPath>: its shapes, in the user space of whatever is clipped to
 * it (cr and cd from r0 and d0 to r1 and d1). */
struct sq_id {
	const char	*id;
	size_t		 il;
};

struct sq_clip {
	struct sq_id	 key;		/* first: sq_id_find() */
	size_t		 r0, r1, d0, d1;
};

/* A shape clipped to a clip path: its transform, and its rectangles
 * (pr from p0 to p1). */
struct sq_ref {
	const char	*id;
	size_t		 il, p0, p1;
	size_t		 at;		/* shapes drawn before it */
	double		 m[6];
};

/* A tag of the picture: its local name, its attributes (without an
 * empty tag's '/') and what kind it is. */
struct sq_tag {
	const char	*name, *a, *ae;
	size_t		 nl;
	int		 kind;		/* 0 start, 1 empty, 2 end */
};

/* An element with an id, for <use>. */
struct sq_def {
	struct sq_id	 key;		/* first: sq_id_find() */
	struct sq_tag	 tag;
	const char	*body;		/* after its start tag */
};

enum { T_MAIN, T_CLIP, T_PAINT };

struct sq {
	struct sq_style	 st[SQ_DEPTH];
	int		 depth;
	size_t		 over;		/* elements open past the cap */
	struct sq_rects	 r;		/* what is drawn */
	struct sq_dots	 dot;
	struct sq_rects	 cr;		/* what clip paths hold */
	struct sq_dots	 cd;
	struct sq_rects	 pr;		/* what is clipped */
	int		 tgt;		/* where shapes go: T_MAIN... */
	double		 light;		/* how light the shape being drawn */
	int		 cover;		/* and whether it hides what is under */
	int		 fcover;	/* whether the shape's fill does */
	size_t		 ncov;		/* light shapes kept as hiding */
	double		 ink[4];	/* the box of what is drawn not light
					   (x0 y0 x1 y1; x0 > x1: nothing) */
	struct sq_rule	*rule;
	size_t		 nrule;
	struct sq_clip	*clip;
	size_t		 nclip;
	struct sq_ref	*ref;
	size_t		 nref;
	struct sq_def	*def;
	size_t		 ndef;
	size_t		*uses, *replayed;	/* a message's */
	int		 nest;		/* uses within uses */
	const char	*doc_end;
	size_t		 pieces;	/* stroke pieces drawn */
	struct paint_fill fill;
	/* A message's budgets (detect_scan's svg_ops): bytes read by
	 * attribute tests, classes compared by rules, light shapes met
	 * with dark ones. */
	size_t		*attr_ops, *match_ops, *layer_ops;
};

/* Named colours lighter than mid-grey (and those of "white" or "light"
 * in their names): the rest, black, navy, red..., are ink. */
static const char *const sq_light_names[] = { "none", "transparent", "snow",
    "ivory", "beige", "linen", "honeydew", "azure", "mintcream",
    "seashell", "lavender", "lavenderblush", "cornsilk", "oldlace",
    "aliceblue", "lemonchiffon", "papayawhip", "mistyrose",
    "blanchedalmond", "bisque", "moccasin", "wheat", "yellow", "gold",
    "khaki", "pink", "silver", "gainsboro", "aquamarine", "aqua", "cyan",
    "palegreen", "palegoldenrod", "paleturquoise", "peachpuff",
    "thistle", "plum", "powderblue", "skyblue", "yellowgreen",
    "greenyellow", "lime", "chartreuse", "lawngreen", "tan", "navajowhite" };

/* A hue's share of a colour in HSL (CSS Color 3's hue_to_rgb). */
static double
sq_hue(double m1, double m2, double h)
{
	h -= floor(h);
	if (h * 6 < 1)
		return m1 + (m2 - m1) * h * 6;
	if (h * 2 < 1)
		return m2;
	if (h * 3 < 2)
		return m1 + (m2 - m1) * (2.0 / 3 - h) * 6;
	return m1;
}

/* A colour's lightness over white, 0 black to 1 white, transparent or
 * none: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(), rgba(), hsl() and
 * hsla() (in numbers or percentages, the alpha counted), the names in
 * any case (light ones 1); anything else (a gradient, a variable,
 * currentColor) ink, 0. */
static double
sq_light(const char *v, size_t n, double *alpha)
{
	double		 c[4] = { 0, 0, 0, 1 };
	char		 w[40];
	size_t		 i;

	*alpha = 1;
	while (n > 0 && isspace((unsigned char)*v))
		v++, n--;
	while (n > 0 && isspace((unsigned char)v[n - 1]))
		n--;
	if (n == 0 || n >= sizeof(w))
		return 0;
	for (i = 0; i < n; i++)
		w[i] = (char)tolower((unsigned char)v[i]);
	w[n] = '\0';
	if (w[0] == '#' && (n == 4 || n == 5 || n == 7 || n == 9) &&
	    strspn(w + 1, "0123456789abcdef") == n - 1) {
		int short_form = n <= 5;

		for (i = 0; i < (n - 1) / (short_form ? 1 : 2); i++) {
			char h[3] = { w[short_form ? 1 + i : 1 + 2 * i],
			    w[short_form ? 1 + i : 2 + 2 * i], '\0' };

			c[i] = (double)strtoul(h, NULL, 16);
		}
		if (n == 5 || n == 9)
			c[3] /= 255;
	} else if (strncmp(w, "rgb", 3) == 0 || strncmp(w, "hsl", 3) == 0) {
		char	*e = strchr(w, '(');
		double	 x[4] = { 0, 0, 0, 1 };

		if (e == NULL)
			return 0;
		e++;
		for (i = 0; i < 4; i++) {
			char *f;
			double y = strtod(e, &f);

			if (f == e)
				break;
			if (*f == '%')
				y = w[0] == 'h' ? y / 100 : i < 3 ? y * 2.55 :
				    y / 100, f++;
			else if (w[0] == 'h' && i == 0 && strncmp(f, "deg",
			    3) == 0)
				f += 3;
			x[i] = y;
			e = f + strspn(f, " ,/");
		}
		if (w[0] == 'r')
			memcpy(c, x, sizeof(c));
		else {
			double l = fmin(fmax(x[2], 0), 1);
			double sat = fmin(fmax(x[1], 0), 1);
			double m2 = l <= 0.5 ? l * (sat + 1) : l + sat - l * sat;
			double m1 = l * 2 - m2, h = x[0] / 360;

			c[0] = 255 * sq_hue(m1, m2, h + 1.0 / 3);
			c[1] = 255 * sq_hue(m1, m2, h);
			c[2] = 255 * sq_hue(m1, m2, h - 1.0 / 3);
			c[3] = x[3];
		}
	} else {
		if (strcmp(w, "none") == 0 || strcmp(w, "transparent") == 0)
			*alpha = 0;
		if (strncmp(w, "light", 5) == 0 || strstr(w, "white") != NULL)
			return 1;
		for (i = 0; i < nitems(sq_light_names); i++)
			if (strcmp(w, sq_light_names[i]) == 0)
				return 1;
		return 0;
	}
	*alpha = isfinite(c[3]) ? fmin(fmax(c[3], 0), 1) : 0;
	if (!(c[3] > 0))
		return 1;
	return 1 - fmin(c[3], 1) * (1 - fmin(fmax((c[0] * 299 + c[1] * 587 +
	    c[2] * 114) / 255000, 0), 1));
}

/* The value of attribute k in the tag's attributes [a, e), or NULL. */
static const char *
sq_attr(const char *a, const char *e, const char *k, size_t *vl)
{
	size_t	 kl = strlen(k);

	while (a < e) {
		const char *n, *ne, *v;
		char q;

		while (a < e && isspace((unsigned char)*a))
			a++;
		for (n = a; a < e && !isspace((unsigned char)*a) &&
		    *a != '='; a++)
			;
		ne = a;
		while (a < e && isspace((unsigned char)*a))
			a++;
		if (a >= e || *a != '=') {
			/* A name with no value: the next one begins here. */
			if (a == ne && a < e)
				a++;
			continue;
		}
		a++;
		while (a < e && isspace((unsigned char)*a))
			a++;
		q = a < e && (*a == '"' || *a == '\'') ? *a : 0;
		if (q != 0) {
			const char *c = memchr(a + 1, q, (size_t)(e - a - 1));

			if (c == NULL)
				return NULL;
			v = a + 1;
			*vl = (size_t)(c - v);
			a = c + 1;
		} else {
			for (v = a; a < e && !isspace((unsigned char)*a); a++)
				;
			*vl = (size_t)(a - v);
		}
		if ((size_t)(ne - n) == kl && str_ncasecmp(n, k, kl) == 0)
			return v;
	}
	return NULL;
}

/* A number at *p (advanced past it and a separator), or 0 if none. */
static int
sq_num(const char **p, const char *e, double *out)
{
	char	 buf[64], *end;
	size_t	 n = 0;

	while (*p < e && (isspace((unsigned char)**p) || **p == ','))
		(*p)++;
	while (*p + n < e && n < sizeof(buf) - 1) {
		char c = (*p)[n];

		if (!isdigit((unsigned char)c) && c != '.' && c != 'e' &&
		    c != 'E' && !((c == '-' || c == '+') && (n == 0 ||
		    (*p)[n - 1] == 'e' || (*p)[n - 1] == 'E')))
			break;
		n++;
	}
	if (n == 0)
		return 0;
	memcpy(buf, *p, n);
	buf[n] = '\0';
	*out = strtod(buf, &end);
	if (end == buf || !isfinite(*out))
		return 0;
	*p += (size_t)(end - buf);
	return 1;
}

/* A transform attribute applied to m: 0 when it holds what is not read
 * (a rotation, a skew). */
static int
sq_transform(double *m, const char *v, size_t n)
{
	const char	*e = v + n;

	while (v < e) {
		double	 a[6], t[6] = { 1, 0, 0, 1, 0, 0 };
		int	 k = 0;
		size_t	 l;

		while (v < e && (isspace((unsigned char)*v) || *v == ','))
			v++;
		if (v >= e)
			break;
		for (l = 0; v + l < e && isalpha((unsigned char)v[l]); l++)
			;
		if (v + l >= e || v[l] != '(')
			return 0;
		{
			const char *q = v + l + 1;

			while (k < 6 && sq_num(&q, e, &a[k]))
				k++;
			while (q < e && *q != ')')
				q++;
			if (q >= e)
				return 0;
			if (l == 9 && str_ncasecmp(v, "translate", 9) == 0 &&
			    k >= 1) {
				t[4] = a[0];
				t[5] = k > 1 ? a[1] : 0;
			} else if (l == 5 && str_ncasecmp(v, "scale", 5) == 0 &&
			    k >= 1) {
				t[0] = a[0];
				t[3] = k > 1 ? a[1] : a[0];
			} else if (l == 6 && str_ncasecmp(v, "matrix", 6) == 0 &&
			    k == 6)
				memcpy(t, a, sizeof(t));
			else if (l == 6 && str_ncasecmp(v, "rotate", 6) == 0 &&
			    (k == 1 || k == 3) && fabs(a[0] / 90 -
			    nearbyint(a[0] / 90)) < 1e-9) {
				/* Quarter turns only (as a program writes
				 * them, 180 * (pi / 2) / pi), about (cx, cy). */
				long qt = (lround(fmod(nearbyint(a[0] / 90), 4))
				    + 4) % 4;
				double cs = qt == 0 ? 1 : qt == 2 ? -1 : 0;
				double sn = qt == 1 ? 1 : qt == 3 ? -1 : 0;
				double cx = k == 3 ? a[1] : 0;
				double cy = k == 3 ? a[2] : 0;

				t[0] = cs, t[1] = sn, t[2] = -sn, t[3] = cs;
				t[4] = cx - cs * cx + sn * cy;
				t[5] = cy - sn * cx - cs * cy;
			} else
				return 0;
			v = q + 1;
		}
		affine_mul(m, t);
	}
	return 1;
}

/* Does m keep rectangles upright (no turn but quarter turns)? */
static int
sq_upright(const double *m)
{
	return (fabs(m[1]) < 1e-9 && fabs(m[2]) < 1e-9) ||
	    (fabs(m[0]) < 1e-9 && fabs(m[3]) < 1e-9);
}

static void
sq_rect_put(struct sq_rects *b, double ax, double ay, double bx, double by,
    double light, int cover)
{
	struct qr_rect	*r;

	if (b->n >= SQ_RECTS)
		return;
	if (b->r == NULL) {
		b->r = xmalloc(SQ_RECTS * sizeof(*b->r));
		b->lt = xmalloc(SQ_RECTS * sizeof(*b->lt));
		b->cov = xmalloc(SQ_RECTS);
	}
	r = &b->r[b->n];
	r->x0 = fmin(ax, bx);
	r->x1 = fmax(ax, bx);
	r->y0 = fmin(ay, by);
	r->y1 = fmax(ay, by);
	b->cov[b->n] = (unsigned char)cover;
	b->lt[b->n++] = (float)light;
}

static void
sq_rects_free(struct sq_rects *b)
{
	free(b->r);
	free(b->lt);
	free(b->cov);
}

/* The rectangles of b from i up to end (at most its last) put in out;
 * where the copying stopped. */
static size_t
sq_rects_copy(struct sq_rects *out, const struct sq_rects *b, size_t i,
    size_t end)
{
	for (; i < end && i < b->n; i++)
		sq_rect_put(out, b->r[i].x0, b->r[i].y0, b->r[i].x1,
		    b->r[i].y1, b->lt[i], b->cov[i]);
	return i;
}

static void
sq_dot_put(struct sq_dots *b, double x, double y, double r, double light)
{
	double	*d;

	if (b->n >= SQ_RECTS || !isfinite(x) || !isfinite(y) ||
	    !isfinite(r) || r <= 0)
		return;
	if (b->d == NULL)
		b->d = xmalloc(SQ_RECTS * 4 * sizeof(*b->d));
	d = b->d + 4 * b->n++;
	d[0] = x;
	d[1] = y;
	d[2] = r;
	d[3] = light;
}

/* What is drawn not light grows the box light shapes may hide in. */
static void
sq_ink(struct sq *g, double x0, double y0, double x1, double y1)
{
	if (g->ink[0] > g->ink[2]) {
		g->ink[0] = x0, g->ink[1] = y0, g->ink[2] = x1, g->ink[3] = y1;
		return;
	}
	g->ink[0] = fmin(g->ink[0], x0);
	g->ink[1] = fmin(g->ink[1], y0);
	g->ink[2] = fmax(g->ink[2], x1);
	g->ink[3] = fmax(g->ink[3], y1);
}

/*
 * The rectangle [x0, x1] by [y0, y1] of user space, through the
 * transform, if it stays upright: drawn (with how light the shape
 * looks), kept as a clip path's, or kept as a clipped shape's.
 */
static void
sq_add(struct sq *g, const double *m, double x0, double y0, double x1,
    double y1)
{
	double		 ax, ay, bx, by;

	if (!sq_upright(m))
		return;
	ax = m[0] * x0 + m[2] * y0 + m[4];
	ay = m[1] * x0 + m[3] * y0 + m[5];
	bx = m[0] * x1 + m[2] * y1 + m[4];
	by = m[1] * x1 + m[3] * y1 + m[5];
	if (!isfinite(ax) || !isfinite(ay) || !isfinite(bx) || !isfinite(by) ||
	    fabs(ax - bx) < 1e-9 || fabs(ay - by) < 1e-9)
		return;
	if (g->cover && g->light >= SQ_SEEN) {
		/* A white shape (kept only to hide) is kept only over
		 * what was drawn before it, and a quarter of the places at
		 * most: white shapes leave the others theirs. */
		if (g->ncov >= SQ_RECTS / 4 || (g->tgt == T_MAIN &&
		    (fmax(ax, bx) <= g->ink[0] || fmin(ax, bx) >= g->ink[2] ||
		    fmax(ay, by) <= g->ink[1] || fmin(ay, by) >= g->ink[3])))
			return;
		g->ncov++;
	} else if (g->tgt == T_MAIN && (g->light < 0.5 || !g->fcover))
		sq_ink(g, fmin(ax, bx), fmin(ay, by), fmax(ax, bx),
		    fmax(ay, by));
	sq_rect_put(g->tgt == T_CLIP ? &g->cr : g->tgt == T_PAINT ? &g->pr :
	    &g->r, ax, ay, bx, by, g->light, g->cover);
}

/* A dot of radius r at (x, y) of user space: it stands for its module;
 * the modules' pitch is known once every dot is (sq_dots_rects()).  A
 * clipped dot paints its square. */
static void
sq_dot(struct sq *g, const double *m, double x, double y, double r)
{
	double	 k;

	if (r <= 0 || !sq_upright(m))
		return;
	if (g->tgt == T_PAINT) {
		int cover = g->cover;

		/* Its box stands for it, and hides nothing. */
		g->cover = 0;
		sq_add(g, m, x - r, y - r, x + r, y + r);
		g->cover = cover;
		return;
	}
	k = fmax(fabs(m[0]) + fabs(m[2]), fabs(m[1]) + fabs(m[3]));
	if (g->tgt == T_MAIN && (g->light < 0.5 || !g->fcover))
		sq_ink(g, m[0] * x + m[2] * y + m[4] - r * k, m[1] * x + m[3] *
		    y + m[5] - r * k, m[0] * x + m[2] * y + m[4] + r * k,
		    m[1] * x + m[3] * y + m[5] + r * k);
	sq_dot_put(g->tgt == T_CLIP ? &g->cd : &g->dot, m[0] * x + m[2] * y +
	    m[4], m[1] * x + m[3] * y + m[5], r * k, g->light);
}

/* Where a shape's paths are painted: through its transform. */
struct sq_sink {
	struct sq	*g;
	const double	*m;
};

static void
sq_sink_rect(void *arg, double x0, double y0, double x1, double y1)
{
	struct sq_sink *k = arg;

	sq_add(k->g, k->m, x0, y0, x1, y1);
}

static void
sq_sink_dot(void *arg, double x, double y, double r)
{
	struct sq_sink *k = arg;

	sq_dot(k->g, k->m, x, y, r);
}

/* A stroked segment of the shape (paint_segment()). */
static void
sq_segment(struct sq *g, const struct sq_style *st, double x, double y,
    double nx, double ny)
{
	struct sq_sink		 k = { g, st->m };
	struct paint_out	 o = { sq_sink_rect, sq_sink_dot, &k };
	struct paint_stroke	 sk = { st->width, st->dash, st->ndash, 0,
				    NULL, st->cap, 0, &g->pieces };

	paint_segment(&sk, &o, x, y, nx, ny, 0, 0);
}

/* The path read into g->fill, filled (paint_strips()). */
static void
sq_fill_strips(struct sq *g, const struct sq_style *st, int evenodd)
{
	struct sq_sink		 k = { g, st->m };
	struct paint_out	 o = { sq_sink_rect, sq_sink_dot, &k };

	paint_strips(&g->fill, evenodd, &o);
}

/* Is angle a within the sweep of d from a0? */
static int
sq_in_sweep(double a, double a0, double d)
{
	double	 u = fmod(d >= 0 ? a - a0 : a0 - a, 2 * M_PI);

	if (u < 0)
		u += 2 * M_PI;
	return u <= fabs(d);
}

/* An elliptical arc from (x1, y1) to (x2, y2), its centre found as the
 * SVG specification's implementation notes find it (F.6.5, F.6.6, radii
 * too small scaled up): sampled, and where it turns within its sweep
 * bounding it. */
static void
sq_arc(struct paint_fill *f, double x1, double y1, double rx, double ry,
    double phi, int large, int sweep, double x2, double y2)
{
	double	 cp, sp, xp, yp, lam, num, den, co, cxp, cyp;
	double	 cx, cy, t1, dt, ext[4];
	int	 i, ns;

	rx = fabs(rx);
	ry = fabs(ry);
	if (x1 == x2 && y1 == y2)
		return;
	if (!(rx > 0) || !(ry > 0) || !isfinite(rx) || !isfinite(ry) ||
	    !isfinite(phi)) {
		/* A straight line. */
		f->curved |= x1 != x2 && y1 != y2;
		paint_pt(f, x2, y2);
		return;
	}
	f->curved = 1;
	phi = fmod(phi, 360) * M_PI / 180;
	cp = cos(phi);
	sp = sin(phi);
	xp = cp * (x1 - x2) / 2 + sp * (y1 - y2) / 2;
	yp = -sp * (x1 - x2) / 2 + cp * (y1 - y2) / 2;
	if ((lam = xp * xp / (rx * rx) + yp * yp / (ry * ry)) > 1) {
		rx *= sqrt(lam);
		ry *= sqrt(lam);
	}
	num = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp;
	den = rx * rx * yp * yp + ry * ry * xp * xp;
	co = den > 0 && num > 0 ? sqrt(num / den) : 0;
	if (large == sweep)
		co = -co;
	cxp = co * rx * yp / ry;
	cyp = -co * ry * xp / rx;
	cx = cp * cxp - sp * cyp + (x1 + x2) / 2;
	cy = sp * cxp + cp * cyp + (y1 + y2) / 2;
	t1 = atan2((yp - cyp) / ry, (xp - cxp) / rx);
	dt = atan2((-yp - cyp) / ry, (-xp - cxp) / rx) - t1;
	if (sweep && dt < 0)
		dt += 2 * M_PI;
	else if (!sweep && dt > 0)
		dt -= 2 * M_PI;
	/* Where x turns, and where y does. */
	ext[0] = atan2(-ry * sp, rx * cp);
	ext[1] = ext[0] + M_PI;
	ext[2] = atan2(ry * cp, rx * sp);
	ext[3] = ext[2] + M_PI;
#define ARC_X(t) (cx + rx * cp * cos(t) - ry * sp * sin(t))
#define ARC_Y(t) (cy + rx * sp * cos(t) + ry * cp * sin(t))
	for (i = 0; i < 4; i++)
		if (sq_in_sweep(ext[i], t1, dt))
			paint_extreme(f, ARC_X(ext[i]), ARC_Y(ext[i]));
	/* A point every sixteenth of a turn or less: a whole circle in one
	 * arc is its sixteen-sided polygon, not a square. */
	ns = 4 + (int)(fabs(dt) / (M_PI / 8));
	for (i = 1; i < ns; i++)
		paint_pt(f, ARC_X(t1 + dt * i / ns), ARC_Y(t1 + dt * i / ns));
#undef ARC_X
#undef ARC_Y
	paint_pt(f, x2, y2);
}

/* An arc's flag: one '0' or '1', maybe with no space after it. */
static int
sq_flag(const char **p, const char *e, int *out)
{
	while (*p < e && (isspace((unsigned char)**p) || **p == ','))
		(*p)++;
	if (*p >= e || (**p != '0' && **p != '1'))
		return 0;
	*out = *(*p)++ == '1';
	return 1;
}

/* How many numbers a path command takes (an arc's flags counted), or 0
 * for what is not one. */
static int
sq_args(int cmd)
{
	switch (toupper(cmd)) {
	case 'H': case 'V':
		return 1;
	case 'M': case 'L': case 'T':
		return 2;
	case 'S': case 'Q':
		return 4;
	case 'C':
		return 6;
	case 'A':
		return 7;
	}
	return 0;
}

/*
 * A path's d (or, poly 1 or 2, a <polygon>'s or <polyline>'s points):
 * its fill as sq_fill_strips() reads it, by the fill rule (evenodd);
 * when stroked, each horizontal or vertical segment (or, capped, one of
 * no length, as "M x y z" is) as a line of the stroke's width.  Reading
 * ends at what is not a path's data, and what was read is drawn, as
 * browsers draw a path up to its error.
 */
static void
sq_path(struct sq *g, const struct sq_style *st, const char *d, size_t n,
    int fill, int stroke, double fl, double sl, int poly, int evenodd)
{
	const char	*e = d + n;
	double		 x = 0, y = 0, sx = 0, sy = 0, qx = 0, qy = 0;
	int		 cmd = poly ? 'M' : 0, last = 0, segs = 0, moved = 0;
	struct paint_fill *f = &g->fill;

	paint_begin(f);
	while (d < e) {
		double	 a[6], nx, ny, xs[4], ys[4];
		int	 fa = 0, fs = 0, k, want;

		while (d < e && (isspace((unsigned char)*d) || *d == ','))
			d++;
		if (d >= e)
			break;
		if (isalpha((unsigned char)*d)) {
			if (poly || (!moved && *d != 'M' && *d != 'm'))
				break;
			cmd = *d++;
			if (cmd != 'Z' && cmd != 'z')
				continue;
			g->light = sl, g->cover = 0;
			/* The side back to the start; a subpath of no
			 * length, capped, a dot. */
			if (stroke && segs == 0 && toupper(last) != 'Z')
				sq_segment(g, st, x, y, x, y);
			else if (stroke && (x != sx || y != sy))
				sq_segment(g, st, x, y, sx, sy);
			if (fill)
				paint_sub_end(f);
			x = sx, y = sy;
			segs = 0;
			last = cmd;
			continue;
		}
		if ((want = sq_args(cmd)) == 0)
			break;
		if (want == 7) {
			/* rx ry angle large-arc sweep x y */
			if (!sq_num(&d, e, &a[0]) || !sq_num(&d, e, &a[1]) ||
			    !sq_num(&d, e, &a[2]) || !sq_flag(&d, e, &fa) ||
			    !sq_flag(&d, e, &fs) || !sq_num(&d, e, &a[3]) ||
			    !sq_num(&d, e, &a[4]))
				break;
		} else {
			for (k = 0; k < want; k++)
				if (!sq_num(&d, e, &a[k]))
					break;
			if (k < want)
				break;
		}
		/* Relative coordinates: from the current point. */
		if (cmd == 'h')
			a[0] += x;
		else if (cmd == 'v')
			a[0] += y;
		else if (cmd == 'a')
			a[3] += x, a[4] += y;
		else if (islower(cmd))
			for (k = 0; k < want; k += 2)
				a[k] += x, a[k + 1] += y;
		switch (toupper(cmd)) {
		case 'H':
			nx = a[0], ny = y;
			break;
		case 'V':
			nx = x, ny = a[0];
			break;
		case 'A':
			nx = a[3], ny = a[4];
			break;
		default:
			nx = a[want - 2], ny = a[want - 1];
		}
		if (cmd == 'M' || cmd == 'm') {
			if (fill) {
				paint_sub_end(f);
				paint_pt(f, nx, ny);
			}
			sx = x = nx, sy = y = ny;
			/* Later pairs of a moveto are linetos. */
			cmd = cmd == 'M' ? 'L' : 'l';
			segs = 0;
			moved = 1;
			last = 'M';
			continue;
		}
		/* After a closepath, a subpath goes on from its start. */
		if (fill && f->np == 0)
			paint_pt(f, x, y);
		xs[0] = x, ys[0] = y, xs[3] = nx, ys[3] = ny;
		switch (toupper(cmd)) {
		case 'L': case 'H': case 'V':
			g->light = sl, g->cover = 0;
			if (stroke)
				sq_segment(g, st, x, y, nx, ny);
			f->curved |= nx != x && ny != y;
			if (fill)
				paint_pt(f, nx, ny);
			qx = nx, qy = ny;
			break;
		case 'C': case 'S':
			if (toupper(cmd) == 'S') {
				/* The first control: the last one's
				 * reflection. */
				int r = toupper(last) == 'C' ||
				    toupper(last) == 'S';

				xs[1] = r ? 2 * x - qx : x;
				ys[1] = r ? 2 * y - qy : y;
				xs[2] = a[0], ys[2] = a[1];
			} else {
				xs[1] = a[0], ys[1] = a[1];
				xs[2] = a[2], ys[2] = a[3];
			}
			if (fill)
				paint_curve(f, xs, ys);
			qx = xs[2], qy = ys[2];
			break;
		case 'Q': case 'T':
			if (toupper(cmd) == 'T') {
				int r = toupper(last) == 'Q' ||
				    toupper(last) == 'T';

				qx = r ? 2 * x - qx : x;
				qy = r ? 2 * y - qy : y;
			} else
				qx = a[0], qy = a[1];
			/* The quadratic as the cubic it is. */
			xs[1] = x + 2 * (qx - x) / 3;
			ys[1] = y + 2 * (qy - y) / 3;
			xs[2] = nx + 2 * (qx - nx) / 3;
			ys[2] = ny + 2 * (qy - ny) / 3;
			if (fill)
				paint_curve(f, xs, ys);
			break;
		case 'A':
			if (fill)
				sq_arc(f, x, y, a[0], a[1], a[2], fa, fs, nx,
				    ny);
			qx = nx, qy = ny;
			break;
		}
		segs++;
		last = cmd;
		x = nx, y = ny;
	}
	/* A polygon is closed, its last side stroked too. */
	if (poly == 1 && stroke && segs > 0 && (x != sx || y != sy)) {
		g->light = sl, g->cover = 0;
		sq_segment(g, st, x, y, sx, sy);
	}
	if (fill) {
		paint_sub_end(f);
		/* A box stands for a curved subpath: it hides more than
		 * the shape. */
		g->light = fl, g->cover = g->fcover && !f->boxed;
		sq_fill_strips(g, st, evenodd);
	}
	g->light = fl, g->cover = g->fcover;
}

/* A value [v, v + n) cleaned into w (size wn): comments and !important
 * taken out (*imp says whether it was there), spaces trimmed; its
 * length. */
static size_t
sq_value(const char *v, size_t n, char *w, size_t wn, int *imp)
{
	const char	*e = v + n;
	size_t		 k = 0;

	while (v < e && k + 1 < wn) {
		if (e - v >= 2 && v[0] == '/' && v[1] == '*') {
			const char *c = memmem(v + 2, (size_t)(e - v - 2), "*/",
			    2);

			v = c != NULL ? c + 2 : e;
			continue;
		}
		w[k++] = *v++;
	}
	w[k] = '\0';
	while (k > 0 && isspace((unsigned char)w[k - 1]))
		k--;
	w[k] = '\0';
	*imp = k >= 10 && str_casecmp(w + k - 10, "!important") == 0;
	if (*imp)
		k -= 10;
	while (k > 0 && isspace((unsigned char)w[k - 1]))
		k--;
	w[k] = '\0';
	for (n = 0; n < k && isspace((unsigned char)w[n]); n++)
		;
	memmove(w, w + n, k - n + 1);
	return k - n;
}

/* The id of url(#id), in place in [v, v + n): NULL if there is none. */
static const char *
sq_url_id(const char *v, size_t n, size_t *il)
{
	const char	*id = memchr(v, '#', n), *e = v + n, *c;

	if (id == NULL)
		return NULL;
	for (c = ++id; c < e && *c != ')' && *c != '\'' && *c != '"' &&
	    !isspace((unsigned char)*c); c++)
		;
	*il = (size_t)(c - id);
	return *il > 0 ? id : NULL;
}

/* A name and what it stands for. */
struct sq_name {
	const char	*name;
	int		 val;
};

/* What name [k, k + kl) stands for in the table t of n, any case, or
 * dflt. */
static int
sq_lookup(const struct sq_name *t, size_t n, const char *k, size_t kl,
    int dflt)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strlen(t[i].name) == kl && str_ncasecmp(t[i].name, k,
		    kl) == 0)
			return t[i].val;
	return dflt;
}

/* The bit of property k. */
static unsigned
sq_prop_bit(const char *k, size_t kl)
{
	static const struct sq_name b[] = {
		{ "fill", P_FILL }, { "stroke", P_STROKE },
		{ "stroke-width", P_WIDTH }, { "stroke-linecap", P_CAP },
		{ "fill-opacity", P_FOP }, { "stroke-opacity", P_SOP },
		{ "opacity", P_OP }, { "display", P_DISP },
		{ "visibility", P_VIS }, { "clip-path", P_CLIP },
		{ "stroke-dasharray", P_DASH }, { "fill-rule", P_FRULE },
		{ "clip-rule", P_CRULE }, { "mask", P_MASK },
		{ "filter", P_FILTER }, { "mix-blend-mode", P_BLEND },
	};

	return (unsigned)sq_lookup(b, nitems(b), k, kl, 0);
}

/* One property k with value [v, v + n) into d. */
static void
sq_decl_set(struct sq_decl *d, const char *k, size_t kl, const char *v,
    size_t n)
{
	char		 w[96];
	const char	*q;
	size_t		 wl;
	double		 x;
	unsigned	 before = d->set;
	int		 imp = 0;

#define IS(name) (kl == sizeof(name) - 1 && str_ncasecmp(k, name, kl) == 0)
	if (IS("clip-path")) {
		d->set |= P_CLIP;
		d->clip = sq_url_id(v, n, &d->cll);
		return;
	}
	wl = sq_value(v, n, w, sizeof(w), &imp);
	q = w;
	if (IS("fill")) {
		d->set |= P_FILL;
		d->fill = sq_light(w, wl, &d->falpha);
	} else if (IS("stroke")) {
		d->set |= P_STROKE;
		d->stroke = sq_light(w, wl, &x);
	} else if (IS("stroke-width") && sq_num(&q, w + wl, &x) && x >= 0) {
		d->set |= P_WIDTH;
		d->width = x;
	} else if (IS("stroke-linecap")) {
		d->set |= P_CAP;
		d->cap = str_casecmp(w, "round") == 0 ? 1 :
		    str_casecmp(w, "square") == 0 ? 2 : 0;
	} else if (IS("stroke-dasharray")) {
		d->set |= P_DASH;
		for (d->ndash = 0; d->ndash < SQ_DASHES &&
		    sq_num(&q, w + wl, &x) && x >= 0; d->ndash++)
			d->dash[d->ndash] = x;
	} else if (IS("mask") || IS("filter")) {
		int on = wl > 0 && str_casecmp(w, "none") != 0;

		if (IS("mask"))
			d->set |= P_MASK, d->mask = on;
		else
			d->set |= P_FILTER, d->filter = on;
	} else if (IS("mix-blend-mode")) {
		d->set |= P_BLEND;
		d->blend = wl > 0 && str_casecmp(w, "normal") != 0;
	} else if (IS("fill-rule") || IS("clip-rule")) {
		int eo = str_casecmp(w, "evenodd") == 0;

		if (!eo && str_casecmp(w, "nonzero") != 0)
			;
		else if (IS("fill-rule"))
			d->set |= P_FRULE, d->frule = eo;
		else
			d->set |= P_CRULE, d->crule = eo;
	} else if (IS("display")) {
		d->set |= P_DISP;
		d->none = str_casecmp(w, "none") == 0;
	} else if (IS("visibility")) {
		d->set |= P_VIS;
		d->hidden = str_casecmp(w, "hidden") == 0 ||
		    str_casecmp(w, "collapse") == 0;
	} else if ((IS("opacity") || IS("fill-opacity") ||
	    IS("stroke-opacity")) && sq_num(&q, w + wl, &x)) {
		if (*q == '%')
			x /= 100;
		x = fmin(fmax(x, 0), 1);
		if (IS("opacity"))
			d->set |= P_OP, d->op = x;
		else if (IS("fill-opacity"))
			d->set |= P_FOP, d->fop = x;
		else
			d->set |= P_SOP, d->sop = x;
	}
#undef IS
	/* The property just set: !important or not (a later declaration
	 * of it decides). */
	if (d->set != before || imp) {
		unsigned bit = d->set & ~before;

		if (bit == 0)
			bit = sq_prop_bit(k, kl);
		if (imp)
			d->imp |= bit;
		else
			d->imp &= ~bit;
	}
}

/* A declaration block ("fill:#000;opacity:.5"), the last of each
 * property winning. */
static void
sq_decl_block(struct sq_decl *d, const char *v, size_t n)
{
	const char	*e = v + n;

	while (v < e) {
		const char *semi = memchr(v, ';', (size_t)(e - v)), *c, *k;

		if (semi == NULL)
			semi = e;
		for (;;) {
			while (v < semi && isspace((unsigned char)*v))
				v++;
			if (semi - v < 2 || v[0] != '/' || v[1] != '*')
				break;
			c = memmem(v + 2, (size_t)(semi - v - 2), "*/", 2);
			v = c != NULL ? c + 2 : semi;
		}
		if ((c = memchr(v, ':', (size_t)(semi - v))) != NULL) {
			for (k = c; k > v && isspace((unsigned char)k[-1]); k--)
				;
			sq_decl_set(d, v, (size_t)(k - v), c + 1,
			    (size_t)(semi - c - 1));
		}
		if (semi == e)
			break;
		v = semi + 1;
	}
}

/* An element's presentation attributes. */
static void
sq_decl_attrs(struct sq_decl *d, const char *a, const char *e)
{
	static const char *const names[] = { "fill", "stroke",
	    "stroke-width", "stroke-linecap", "stroke-dasharray", "display",
	    "visibility", "opacity", "fill-opacity", "stroke-opacity",
	    "clip-path", "fill-rule", "clip-rule", "mask", "filter",
	    "mix-blend-mode" };
	const char	*v;
	size_t		 i, vl;

	for (i = 0; i < nitems(names); i++)
		if ((v = sq_attr(a, e, names[i], &vl)) != NULL)
			sq_decl_set(d, names[i], strlen(names[i]), v, vl);
}

/* The first SQ_CLASSES classes of the list [v, v + n), each 64 bytes at
 * most (what a class rule may name), in w and wl; how many. */
static size_t
sq_classes(const char *v, size_t n, const char **w, size_t *wl)
{
	const char	*e = v + n;
	size_t		 k = 0;

	while (v < e && k < SQ_CLASSES) {
		while (v < e && isspace((unsigned char)*v))
			v++;
		for (w[k] = v; v < e && !isspace((unsigned char)*v) &&
		    v - w[k] <= 64; v++)
			;
		wl[k] = (size_t)(v - w[k]);
		while (v < e && !isspace((unsigned char)*v))
			v++;
		if (wl[k] > 0 && wl[k] <= 64)
			k++;
	}
	return k;
}

/* Is a media query [q, e) every screen's ("all", "screen", "only
 * screen", nothing), not some screens' or print's? */
static int
sq_every_screen(const char *q, const char *e)
{
	char	 w[32];
	size_t	 n = 0;

	for (; q < e && n + 1 < sizeof(w); q++)
		if (!isspace((unsigned char)*q))
			w[n++] = (char)tolower((unsigned char)*q);
	w[n] = '\0';
	if (q < e)
		return 0;
	return n == 0 || strcmp(w, "all") == 0 || strcmp(w, "screen") == 0 ||
	    strcmp(w, "onlyscreen") == 0 || strcmp(w, "onlyall") == 0;
}

/* A selector [w, e) whose parts but the last name what holds every
 * shape ("svg", "html", "body", "*"): its last part; else w. */
static const char *
sq_root_part(const char *w, const char *e)
{
	const char	*last = e, *p;

	while (last > w && strchr(" \t\r\n>", last[-1]) == NULL)
		last--;
	if (last == w)
		return w;
	for (p = w; p < last; ) {
		const char *q;

		while (p < last && strchr(" \t\r\n>", *p) != NULL)
			p++;
		for (q = p; q < last && strchr(" \t\r\n>", *q) == NULL; q++)
			;
		if (q > p && !((q - p == 3 && (str_ncasecmp(p, "svg", 3) ==
		    0)) || (q - p == 4 && (str_ncasecmp(p, "html", 4) == 0 ||
		    str_ncasecmp(p, "body", 4) == 0)) || (q - p == 1 &&
		    *p == '*')))
			return w;
		p = q;
	}
	return last;
}

/* The length of the CSS name at [w, e) (letters, digits, '-', '_',
 * and what is not ASCII). */
static size_t
sq_ident(const char *w, const char *e)
{
	const char	*p = w;

	while (p < e && (isalnum((unsigned char)*p) || *p == '-' ||
	    *p == '_' || (unsigned char)*p >= 0x80))
		p++;
	return (size_t)(p - w);
}

/* An attribute test "[name]", "[name=v]", "[name~='v']"... at w (after
 * its '['), into t; where it ends (after its ']'), or NULL if it is not
 * one read. */
static const char *
sq_attr_sel(const char *w, const char *e, struct sq_attr_test *t)
{
	static const char ops[] = "~^$*|";
	const char	*q;
	size_t		 k;

	while (w < e && isspace((unsigned char)*w))
		w++;
	if ((t->nl = sq_ident(w, e)) == 0)
		return NULL;
	t->name = w;
	w += t->nl;
	while (w < e && isspace((unsigned char)*w))
		w++;
	t->op = 0;
	t->val = NULL;
	t->vl = 0;
	if (w < e && *w == ']')
		return w + 1;
	if (w < e && *w == '=')
		t->op = 1, w++;
	else if (e - w >= 2 && w[1] == '=' && (q = strchr(ops, *w)) != NULL &&
	    *w != '\0')
		t->op = 2 + (int)(q - ops), w += 2;
	else
		return NULL;
	while (w < e && isspace((unsigned char)*w))
		w++;
	if (w < e && (*w == '"' || *w == '\'')) {
		if ((q = memchr(w + 1, *w, (size_t)(e - w - 1))) == NULL)
			return NULL;
		t->val = w + 1;
		t->vl = (size_t)(q - w - 1);
		w = q + 1;
	} else {
		if ((k = sq_ident(w, e)) == 0)
			return NULL;
		t->val = w;
		t->vl = k;
		w += k;
	}
	while (w < e && isspace((unsigned char)*w))
		w++;
	return w < e && *w == ']' ? w + 1 : NULL;
}

/*
 * The compound selector [w, e) into r: a tag or *, then classes, an id
 * and attribute tests in any order (SQ_SEL_PARTS classes and as many
 * tests at most), weighed as CSS weighs it.  0 when it holds what is
 * not read: a combinator, a pseudo-class or -element, two ids.
 */
static int
sq_selector(const char *w, const char *e, struct sq_rule *r)
{
	size_t	 k;

	r->tag = r->id = NULL;
	r->tl = r->il = 0;
	r->ncls = r->nat = 0;
	if (w < e && *w == '*')
		w++;
	else if ((k = sq_ident(w, e)) > 0) {
		r->tag = w;
		r->tl = k;
		w += k;
	}
	while (w < e) {
		if (*w == '.' || *w == '#') {
			if ((k = sq_ident(w + 1, e)) == 0)
				return 0;
			if (*w == '#') {
				if (r->id != NULL)
					return 0;
				r->id = w + 1;
				r->il = k;
			} else if (r->ncls < SQ_SEL_PARTS) {
				r->cls[r->ncls] = w + 1;
				r->cl[r->ncls++] = k;
			} else
				return 0;
			w += 1 + k;
		} else if (*w == '[' && r->nat < SQ_SEL_PARTS) {
			if ((w = sq_attr_sel(w + 1, e, &r->at[r->nat])) ==
			    NULL)
				return 0;
			r->nat++;
		} else
			return 0;
	}
	r->weight = (r->id != NULL) * 10000L + (r->ncls + r->nat) * 100L +
	    (r->tl > 0);
	return 1;
}

/* Does an element's attribute [v, v + n) pass the test t? */
static int
sq_attr_pass(const struct sq_attr_test *t, const char *v, size_t n)
{
	const char	*p, *e = v + n;

	switch (t->op) {
	case 0:
		return 1;
	case 1:					/* = */
		return n == t->vl && memcmp(v, t->val, n) == 0;
	case 2:					/* ~= a word of it */
		for (p = v; t->vl > 0 && p < e; ) {
			const char *q = p;

			while (q < e && !isspace((unsigned char)*q))
				q++;
			if ((size_t)(q - p) == t->vl &&
			    memcmp(p, t->val, t->vl) == 0)
				return 1;
			p = q + 1;
		}
		return 0;
	case 3:					/* ^= */
		return t->vl > 0 && n >= t->vl && memcmp(v, t->val, t->vl) == 0;
	case 4:					/* $= */
		return t->vl > 0 && n >= t->vl &&
		    memcmp(e - t->vl, t->val, t->vl) == 0;
	case 5:					/* *= */
		return t->vl > 0 && memmem(v, n, t->val, t->vl) != NULL;
	case 6:					/* |= it, or it and '-' */
		return (n == t->vl || (n > t->vl && v[t->vl] == '-')) &&
		    memcmp(v, t->val, t->vl) == 0;
	}
	return 0;
}

/* Does rule r's selector match the element tag with attributes [a, e),
 * id [id, id + il) (NULL: none) and classes cw (nc)?  A message's rules
 * compare SQ_MATCH_OPS classes and read SQ_ATTR_OPS bytes of attributes
 * at most; then a selector of more than a tag and a class matches
 * nothing. */
static int
sq_matches(struct sq *g, const struct sq_rule *r, const char *tag,
    size_t tl, const char *a, const char *e, const char *id, size_t il,
    const char *const *cw, const size_t *cwl, size_t nc)
{
	const char	*v;
	size_t		 vl, k;
	int		 i;

	if (r->id != NULL && (id == NULL || il != r->il ||
	    memcmp(id, r->id, il) != 0))
		return 0;
	if (r->tl > 0 && (r->tl != tl || str_ncasecmp(r->tag, tag, tl) != 0))
		return 0;
	if ((r->ncls > 1 || r->nat > 0 || r->id != NULL) &&
	    *g->match_ops >= SQ_MATCH_OPS)
		return 0;
	*g->match_ops += (size_t)r->ncls * nc;
	for (i = 0; i < r->ncls; i++) {
		for (k = 0; k < nc; k++)
			if (cwl[k] == r->cl[i] &&
			    memcmp(cw[k], r->cls[i], cwl[k]) == 0)
				break;
		if (k == nc)
			return 0;
	}
	for (i = 0; i < r->nat; i++) {
		char	 name[65];

		if (r->at[i].nl >= sizeof(name) || *g->attr_ops >= SQ_ATTR_OPS)
			return 0;
		*g->attr_ops += (size_t)(e - a) + 1;
		memcpy(name, r->at[i].name, r->at[i].nl);
		name[r->at[i].nl] = '\0';
		if ((v = sq_attr(a, e, name, &vl)) == NULL ||
		    !sq_attr_pass(&r->at[i], v, vl))
			return 0;
	}
	return 1;
}

/*
 * The rules of a <style> sheet [t, e): compound selectors (a tag or *,
 * classes, an id, attribute tests: "rect", ".cls-1", "rect.a.b", "#m",
 * "[data-d]"; sq_selector()), grouped with commas; a selector with a
 * combinator ("g .a", "g > rect") or a pseudo-class is not read (read by
 * its last part it would paint what it does not).  @media for every screen ("screen", "all") and @supports blocks
 * are read as the sheet; rules for some screens or print only (some: an
 * @media of conditions, a <style media=...>) may only show what is
 * hidden, never hide or paint, so a code hidden for print or on phones
 * is still read.  Other @-blocks, and @-statements (@import ...;), are
 * passed over; HTML comment marks round a sheet are.  Each block is
 * parsed once.
 */
static void
sq_css(struct sq *g, const char *t, const char *e, int depth, int some)
{
	while (t < e) {
		const char *open, *close, *sel, *semi;

		while (t < e && (isspace((unsigned char)*t) || *t == '<' ||
		    *t == '>' || *t == ']' || *t == '!' || *t == '}'))
			t++;
		/* An HTML comment's marks round a sheet, as mail templates
		 * write them. */
		if (e - t >= 2 && t[0] == '-' && t[1] == '-') {
			t += 2;
			continue;
		}
		if (e - t >= 7 && memcmp(t, "[CDATA[", 7) == 0) {
			t += 7;
			continue;
		}
		if (e - t >= 2 && t[0] == '/' && t[1] == '*') {
			const char *c = memmem(t + 2, (size_t)(e - t - 2), "*/", 2);

			t = c != NULL ? c + 2 : e;
			continue;
		}
		if (t < e && *t == '@') {
			int d = 0;

			/* A statement (@import ...;) or a block, whichever
			 * comes first. */
			for (semi = t; semi < e && *semi != ';' && *semi != '{';
			    semi++)
				;
			if (semi >= e)
				break;
			if (*semi == ';') {
				t = semi + 1;
				continue;
			}
			open = semi;
			for (close = open; close < e; close++)
				if (*close == '{')
					d++;
				else if (*close == '}' && --d == 0)
					break;
			if ((str_ncasecmp(t, "@media", 6) == 0 ||
			    str_ncasecmp(t, "@supports", 9) == 0) && depth < 4)
				sq_css(g, open + 1, close, depth + 1, some ||
				    (str_ncasecmp(t, "@media", 6) == 0 &&
				    !sq_every_screen(t + 6, open)));
			t = close < e ? close + 1 : e;
			continue;
		}
		if (t >= e || (open = memchr(t, '{', (size_t)(e - t))) == NULL)
			break;
		if ((close = memchr(open, '}', (size_t)(e - open))) == NULL)
			close = e;
		for (sel = t; sel < open && g->nrule < SQ_RULES; ) {
			const char *c = memchr(sel, ',', (size_t)(open - sel));
			const char *se = c != NULL ? c : open, *w;
			struct sq_rule *r = &g->rule[g->nrule];

			for (w = sel; w < se && isspace((unsigned char)*w); w++)
				;
			while (se > w && isspace((unsigned char)se[-1]))
				se--;
			sel = c != NULL ? c + 1 : open;
			/* "svg .m", "svg > rect": the picture's own root
			 * (or the page's) holds every shape. */
			w = sq_root_part(w, se);
			if (w == se || (size_t)(se - w) > 256 ||
			    !sq_selector(w, se, r))
				continue;
			memset(&r->d, 0, sizeof(r->d));
			sq_decl_block(&r->d, open + 1, (size_t)(close - open - 1));
			/* In @media, for some screens only: a rule may show
			 * what is hidden, never hide or paint (a code hidden
			 * for print, or on phones, is still shown on some). */
			if (some) {
				r->d.set &= (r->d.none ? 0 : P_DISP) |
				    (r->d.hidden ? 0 : P_VIS);
				if (r->d.set == 0)
					continue;
			}
			g->nrule++;
		}
		t = close < e ? close + 1 : e;
	}
}

/* What an element sets for itself, not inherited: its opacity, display,
 * clip path, and whether it is masked, filtered or blended. */
struct sq_own {
	double		 op;
	int		 none, mask, filter, blend;
	const char	*clip;
	size_t		 cll;
};

/* One source of painting applied to st, and to own. */
static void
sq_apply(struct sq_style *st, const struct sq_decl *d, int important,
    struct sq_own *own)
{
	unsigned	 set = d->set & (important ? d->imp : ~d->imp);

	if (set & P_FILL) {
		st->fill = d->fill;
		st->falpha = d->falpha;
	}
	if (set & P_STROKE)
		st->stroke = d->stroke;
	if (set & P_WIDTH)
		st->width = d->width;
	if (set & P_CAP)
		st->cap = d->cap;
	if (set & P_DASH) {
		st->ndash = d->ndash;
		memcpy(st->dash, d->dash, sizeof(st->dash));
	}
	if (set & P_FRULE)
		st->frule = d->frule;
	if (set & P_CRULE)
		st->crule = d->crule;
	if (set & P_FOP)
		st->fop = d->fop;
	if (set & P_SOP)
		st->sop = d->sop;
	if (set & P_VIS)
		st->invis = d->hidden;
	if (set & P_OP)
		own->op = d->op;
	if (set & P_DISP)
		own->none = d->none;
	if (set & P_MASK)
		own->mask = d->mask;
	if (set & P_FILTER)
		own->filter = d->filter;
	if (set & P_BLEND)
		own->blend = d->blend;
	if (set & P_CLIP) {
		own->clip = d->clip;
		own->cll = d->cll;
	}
}

/*
 * An element's painting: its presentation attributes, then the rules of
 * the <style> sheets that match it (by weight: *, a tag, a class, a tag
 * and a class; each weight in the order written), then its style
 * attribute, as CSS weighs them; the last of each property winning.
 * Then the !important declarations, in the same order.  Display none
 * hides it and all it holds; visibility is inherited and a shape may set
 * it back; opacity multiplies the groups'; a mask, filter or blend mode
 * makes it and what it holds "composed".  Its clip path, if any, in
 * *clip.
 */
static void
sq_paint(struct sq *g, struct sq_style *st, const char *tag, size_t tl,
    const char *a, const char *e, const char **clip, size_t *cll)
{
	struct sq_decl	 d, sd;
	const char	*v, *cls, *cw[SQ_CLASSES], *id = NULL;
	size_t		 i, k, vl, cl = 0, cwl[SQ_CLASSES], nc = 0, nm = 0;
	size_t		 il = 0;
	size_t		 match[SQ_RULES];
	struct sq_own	 own = { .op = 1 };
	int		 imp, style = 0;

	memset(&d, 0, sizeof(d));
	sq_decl_attrs(&d, a, e);
	sq_apply(st, &d, 0, &own);
	sq_apply(st, &d, 1, &own);
	if (g->nrule > 0 && (cls = sq_attr(a, e, "class", &cl)) != NULL)
		nc = sq_classes(cls, cl, cw, cwl);
	if (g->nrule > 0 && (id = sq_attr(a, e, "id", &il)) == NULL)
		il = 0;
	/* The rules that match, by weight, each weight in the order
	 * written. */
	for (i = 0; i < g->nrule; i++) {
		if (!sq_matches(g, &g->rule[i], tag, tl, a, e, id, il, cw, cwl,
		    nc))
			continue;
		for (k = nm++; k > 0 && g->rule[match[k - 1]].weight >
		    g->rule[i].weight; k--)
			match[k] = match[k - 1];
		match[k] = i;
	}
	if ((v = sq_attr(a, e, "style", &vl)) != NULL) {
		memset(&sd, 0, sizeof(sd));
		sq_decl_block(&sd, v, vl);
		style = 1;
	}
	/* The declarations as written, then those !important, each in
	 * the same order. */
	for (imp = 0; imp < 2; imp++) {
		for (i = 0; i < nm; i++)
			sq_apply(st, &g->rule[match[i]].d, imp, &own);
		if (style)
			sq_apply(st, &sd, imp, &own);
	}
	st->op *= own.op;
	if (own.none)
		st->hidden = 1;
	if (own.mask || own.filter || own.blend)
		st->composed = 1;
	*clip = own.clip;
	*cll = own.cll;
}

/* How each element holds others: drawn as they are (a group), kept for
 * <use> (definitions), a clip path, or never drawn; shapes hold none. */
enum { K_SHAPE, K_GROUP, K_DEFS, K_CLIP, K_NONE };

static int
sq_kind(const char *tag, size_t tl)
{
	static const struct sq_name k[] = {
		{ "rect", K_SHAPE }, { "circle", K_SHAPE }, { "path", K_SHAPE },
		{ "line", K_SHAPE }, { "use", K_SHAPE }, { "ellipse", K_SHAPE },
		{ "polygon", K_SHAPE }, { "polyline", K_SHAPE },
		{ "image", K_SHAPE },
		{ "g", K_GROUP }, { "a", K_GROUP }, { "svg", K_GROUP },
		{ "switch", K_GROUP },
		{ "defs", K_DEFS }, { "symbol", K_DEFS }, { "pattern", K_DEFS },
		{ "mask", K_DEFS }, { "marker", K_DEFS },
		{ "clipPath", K_CLIP },
	};

	return sq_lookup(k, nitems(k), tag, tl, K_NONE);
}

/* An element's end: the level it opened closed, with those opened
 * inside it and left open; an end that closes nothing open is passed
 * over, as browsers do. */
static void
sq_close(struct sq *g, const char *tag, size_t tl)
{
	int	 d;

	if (g->over > 0) {
		g->over--;
		return;
	}
	for (d = g->depth; d > 0; d--)
		if (g->st[d].tl == tl && str_ncasecmp(g->st[d].tag, tag,
		    tl) == 0)
			break;
	for (; d > 0 && g->depth >= d; g->depth--) {
		int ci = g->st[g->depth].clip;

		/* A clip path's end. */
		if (ci != 0 && ci != g->st[g->depth - 1].clip) {
			g->clip[ci - 1].r1 = g->cr.n;
			g->clip[ci - 1].d1 = g->cd.n;
		}
	}
}

/* One element: a level opened for what it holds (its painting pushed),
 * or a shape drawn. */
static void
sq_element(struct sq *g, const char *tag, size_t tl, const char *a,
    const char *e, int closed)
{
	struct sq_style	 st = g->st[g->depth];
	const char	*v, *clip = NULL;
	size_t		 vl, cll = 0;
	double		 x = 0, y = 0, w = 0, h = 0, x2 = 0, y2 = 0, fl, sl;
	int		 kind = sq_kind(tag, tl), fill, stroke, evenodd;

	st.tag = tag;
	st.tl = tl;
	if (st.hidden || ((v = sq_attr(a, e, "transform", &vl)) != NULL &&
	    !sq_transform(st.m, v, vl)))
		/* Nothing under it is drawn, and it is still closed. */
		st.hidden = 1;
	else
		sq_paint(g, &st, tag, tl, a, e, &clip, &cll);
	if (kind != K_SHAPE) {
		if (closed)
			return;
		/* A group clipped: what it holds is, in its space. */
		if (clip != NULL) {
			st.gclip = clip;
			st.gcl = cll;
			memcpy(st.gm, st.m, sizeof(st.gm));
		}
		if (kind == K_DEFS && st.mode == M_DRAW)
			st.mode = M_DEFS;
		else if (kind == K_NONE)
			st.mode = M_NONE;
		else if (kind == K_CLIP && !st.hidden && g->nclip < SQ_CLIPS &&
		    g->depth + 1 < SQ_DEPTH) {
			struct sq_clip *c;

			if (g->clip == NULL)
				g->clip = xcalloc(SQ_CLIPS, sizeof(*g->clip));
			c = &g->clip[g->nclip++];
			if ((c->key.id = sq_attr(a, e, "id", &c->key.il)) ==
			    NULL)
				c->key.il = 0;
			c->r0 = g->cr.n;
			c->d0 = g->cd.n;
			c->r1 = c->d1 = SIZE_MAX;	/* until it ends */
			/* Its shapes are in the user space of what is
			 * clipped to it. */
			memset(st.m, 0, sizeof(st.m));
			st.m[0] = st.m[3] = 1;
			st.mode = M_CLIP;
			st.clip = (int)g->nclip;
			st.invis = 0;
		} else if (kind == K_CLIP)
			st.mode = M_NONE;
		if (g->depth + 1 < SQ_DEPTH)
			g->st[++g->depth] = st;
		else
			g->over++;
		return;
	}
	if (st.hidden || st.mode == M_NONE || st.mode == M_DEFS)
		return;
	fl = 1 - st.fop * st.op * (1 - st.fill);
	sl = 1 - st.sop * st.op * (1 - st.stroke);
	if (st.mode == M_CLIP) {
		/* A clip path's shape is an area, whatever its paint. */
		if (st.invis)
			return;
		g->fcover = 0;
		g->tgt = T_CLIP;
		fill = 1;
		stroke = 0;
	} else {
		const double *cm = st.m;

		/* An opaque light fill hides the dark shapes drawn
		 * before it (one masked, filtered or blended may not). */
		g->fcover = !st.composed && fl >= 0.5 && st.falpha *
		    st.fop * st.op >= 0.9;
		fill = !st.invis && (fl < SQ_SEEN || g->fcover);
		stroke = !st.invis && st.width > 0 && sl < SQ_SEEN;
		g->tgt = T_MAIN;
		if (clip == NULL && st.gclip != NULL) {
			clip = st.gclip;
			cll = st.gcl;
			cm = st.gm;
		}
		if (clip != NULL && g->nref < SQ_REFS && (fill || stroke)) {
			struct sq_ref *r;

			if (g->ref == NULL)
				g->ref = xcalloc(SQ_REFS, sizeof(*g->ref));
			r = &g->ref[g->nref++];
			r->id = clip;
			r->il = cll;
			memcpy(r->m, cm, sizeof(r->m));
			r->p0 = r->p1 = g->pr.n;
			r->at = g->r.n;
			g->tgt = T_PAINT;
		} else if (clip != NULL)
			return;
	}
	evenodd = st.mode == M_CLIP ? st.crule : st.frule;
	g->light = fl, g->cover = g->fcover;
#define NUM(k, out) ((v = sq_attr(a, e, k, &vl)) != NULL && \
	sq_num(&v, v + vl, out))
	if (tl == 4 && str_ncasecmp(tag, "rect", 4) == 0) {
		(void)NUM("x", &x);
		(void)NUM("y", &y);
		if (fill && NUM("width", &w) && NUM("height", &h) &&
		    w > 0 && h > 0)
			sq_add(g, st.m, x, y, x + w, y + h);
	} else if (tl == 4 && str_ncasecmp(tag, "line", 4) == 0) {
		(void)NUM("x1", &x);
		(void)NUM("y1", &y);
		(void)NUM("x2", &x2);
		(void)NUM("y2", &y2);
		g->light = sl, g->cover = 0;
		if (stroke)
			sq_segment(g, &st, x, y, x2, y2);
	} else if (tl == 6 && str_ncasecmp(tag, "circle", 6) == 0) {
		(void)NUM("cx", &x);
		(void)NUM("cy", &y);
		if (fill && NUM("r", &w))
			sq_dot(g, st.m, x, y, w);
	} else if (tl == 7 && str_ncasecmp(tag, "ellipse", 7) == 0) {
		/* Round, a dot; else the box it fills most of. */
		(void)NUM("cx", &x);
		(void)NUM("cy", &y);
		/* A radius not given is the other one (SVG 2's auto). */
		if (!NUM("rx", &w))
			w = -1;
		if (!NUM("ry", &h))
			h = w;
		if (w < 0)
			w = h;
		if (fill && w > 0 && h > 0) {
			g->cover = 0;	/* its box hides more than it */
			if (fabs(w - h) <= fmax(w, h) / 100)
				sq_dot(g, st.m, x, y, (w + h) / 2);
			else
				sq_add(g, st.m, x - w, y - h, x + w, y + h);
		}
	} else if (tl == 4 && str_ncasecmp(tag, "path", 4) == 0 &&
	    (v = sq_attr(a, e, "d", &vl)) != NULL)
		sq_path(g, &st, v, vl, fill, stroke, fl, sl, 0, evenodd);
	else if (tl >= 7 && (str_ncasecmp(tag, "polygon", tl) == 0 ||
	    str_ncasecmp(tag, "polyline", tl) == 0) &&
	    (v = sq_attr(a, e, "points", &vl)) != NULL)
		sq_path(g, &st, v, vl, fill, stroke, fl, sl, tl == 7 ? 1 : 2,
		    evenodd);
#undef NUM
	/* A clipped shape that drew nothing takes no place. */
	if (g->tgt == T_PAINT && (g->ref[g->nref - 1].p1 = g->pr.n) ==
	    g->ref[g->nref - 1].p0)
		g->nref--;
	g->tgt = T_MAIN;
}

/* The next tag from p in *tg (comments, CDATA sections, processing
 * instructions and declarations passed over), and where reading goes on
 * after it; NULL at the end. */
static const char *
sq_next(const char *p, const char *e, struct sq_tag *tg)
{
	while ((p = memchr(p, '<', (size_t)(e - p))) != NULL) {
		const char *t = ++p, *end, *c;

		if (e - p >= 3 && memcmp(p, "!--", 3) == 0) {
			c = memmem(p, (size_t)(e - p), "-->", 3);
			p = c != NULL ? c + 3 : e;
			continue;
		}
		if (e - p >= 8 && memcmp(p, "![CDATA[", 8) == 0) {
			c = memmem(p, (size_t)(e - p), "]]>", 3);
			p = c != NULL ? c + 3 : e;
			continue;
		}
		if (p < e && (*p == '?' || *p == '!')) {
			c = memchr(p, '>', (size_t)(e - p));
			p = c != NULL ? c + 1 : e;
			continue;
		}
		tg->kind = p < e && *p == '/' ? 2 : 0;
		if (tg->kind == 2)
			t = ++p;
		while (p < e && isalnum((unsigned char)*p))
			p++;
		/* A prefixed name, svg:rect (python-qrcode's): the local name. */
		if (p > t && p < e && *p == ':') {
			for (t = ++p; p < e && isalnum((unsigned char)*p); p++)
				;
		}
		if (p == t)
			continue;
		tg->name = t;
		tg->nl = (size_t)(p - t);
		if (tg->kind == 2)
			return p;
		/* The tag's end, quoted values passed over. */
		for (end = p; end < e && *end != '>'; end++)
			if (*end == '"' || *end == '\'') {
				const char *q = memchr(end + 1, *end,
				    (size_t)(e - end - 1));

				if (q == NULL)
					return NULL;
				end = q;
			}
		if (end >= e)
			return NULL;
		tg->kind = end > p && end[-1] == '/';
		tg->a = p;
		tg->ae = end - tg->kind;
		return end + 1;
	}
	return NULL;
}

/* Where a <style> element's text ends: its end tag, or e. */
static const char *
sq_style_end(const char *p, const char *e)
{
	const char	*c = memmem(p, (size_t)(e - p), "</", 2);

	while (c != NULL && (e - c < 7 || str_ncasecmp(c + 2, "style", 5) != 0))
		c = memmem(c + 2, (size_t)(e - c - 2), "</", 2);
	return c != NULL ? c : e;
}

/* Ids in order: by length, then bytes. */
static int
sq_id_order(const struct sq_id *x, const char *id, size_t il)
{
	if (x->il != il)
		return x->il < il ? -1 : 1;
	return memcmp(x->id, id, il);
}

/* Definitions by id, then in the order written (the first of an id is
 * the one). */
static int
sq_def_cmp(const void *a, const void *b)
{
	const struct sq_def	*x = a, *y = b;
	int			 c = sq_id_order(&x->key, y->key.id, y->key.il);

	return c != 0 ? c : x->body < y->body ? -1 : x->body > y->body;
}

static int
sq_clip_cmp(const void *a, const void *b)
{
	const struct sq_clip	*x = a, *y = b;
	int			 c = sq_id_order(&x->key, y->key.id, y->key.il);

	return c != 0 ? c : x->r0 < y->r0 ? -1 : x->r0 > y->r0;
}

/* In n items of size bytes sorted by id (each beginning with its struct
 * sq_id), the first of id [id, id + il), or NULL. */
static const void *
sq_id_find(const void *base, size_t n, size_t size, const char *id,
    size_t il)
{
	size_t	 lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sq_id_order((const struct sq_id *)(const void *)
		    ((const char *)base + mid * size), id, il) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && sq_id_order((const struct sq_id *)(const void *)
	    ((const char *)base + lo * size), id, il) == 0)
		return (const char *)base + lo * size;
	return NULL;
}

/* Before anything is drawn: every <style> sheet's rules (a sheet after
 * the shapes paints them too) and, for <use>, every element with an id
 * (SQ_DEFS at most, the first of an id found first). */
static void
sq_prepass(struct sq *g, const char *p, const char *e, int ids)
{
	struct sq_tag	 tg;

	if (ids)
		g->def = xcalloc(SQ_DEFS, sizeof(*g->def));
	while ((p = sq_next(p, e, &tg)) != NULL) {
		const char	*v;
		size_t		 vl;

		if (tg.kind == 0 && tg.nl == 5 &&
		    str_ncasecmp(tg.name, "style", 5) == 0) {
			const char *c = sq_style_end(p, e);

			if (g->rule == NULL)
				g->rule = xcalloc(SQ_RULES, sizeof(*g->rule));
			/* A sheet for some media only reads as @media. */
			v = sq_attr(tg.a, tg.ae, "media", &vl);
			sq_css(g, p, c, 0, v != NULL && !sq_every_screen(v,
			    v + vl));
			p = c;
			continue;
		}
		if (!ids || g->ndef >= SQ_DEFS || tg.kind == 2 ||
		    (v = sq_attr(tg.a, tg.ae, "id", &vl)) == NULL || vl == 0)
			continue;
		g->def[g->ndef].key.id = v;
		g->def[g->ndef].key.il = vl;
		g->def[g->ndef].tag = tg;
		g->def[g->ndef++].body = p;
	}
	if (g->ndef > 1)
		qsort(g->def, g->ndef, sizeof(*g->def), sq_def_cmp);
}

static const char *sq_run(struct sq *, const char *, const char *, int);

/*
 * <use href="#id" x y>: the element of that id drawn again, translated,
 * with the use's painting inherited (a symbol or a group's elements
 * read again from its start tag to its end, shown though kept in
 * <defs>).  A use in what is drawn so nests four deep at most, SQ_USES
 * uses a message, and a group's elements are read again for SQ_REPLAY
 * bytes a message at most: a picture of uses of uses, or a mail of many
 * such pictures, costs no more than that.
 */
static void
sq_use(struct sq *g, const struct sq_tag *tg)
{
	struct sq_style	 st = g->st[g->depth];
	const struct sq_def *d = NULL;
	const char	*v, *clip;
	size_t		 vl, cll;
	double		 x = 0, y = 0, t[6] = { 1, 0, 0, 1, 0, 0 };
	int		 base;

	if (g->def == NULL || g->nest >= 4 || *g->uses >= SQ_USES ||
	    *g->replayed >= SQ_REPLAY || st.hidden || (st.mode != M_DRAW &&
	    st.mode != M_CLIP) || g->depth + 3 >= SQ_DEPTH)
		return;
	if ((v = sq_attr(tg->a, tg->ae, "href", &vl)) == NULL &&
	    (v = sq_attr(tg->a, tg->ae, "xlink:href", &vl)) == NULL)
		return;
	if (vl < 2 || v[0] != '#')
		return;
	if ((d = sq_id_find(g->def, g->ndef, sizeof(*g->def), v + 1,
	    vl - 1)) == NULL)
		return;
	(*g->uses)++;
	/* Its tag and the use's are read again: they count as replayed. */
	*g->replayed += (size_t)(d->tag.ae - d->tag.name) +
	    (size_t)(tg->ae - tg->name);
	/* The use's own transform, painting and place. */
	if ((v = sq_attr(tg->a, tg->ae, "transform", &vl)) != NULL &&
	    !sq_transform(st.m, v, vl))
		return;
	sq_paint(g, &st, tg->name, tg->nl, tg->a, tg->ae, &clip, &cll);
	if (clip != NULL) {
		st.gclip = clip;
		st.gcl = cll;
		memcpy(st.gm, st.m, sizeof(st.gm));
	}
	if ((v = sq_attr(tg->a, tg->ae, "x", &vl)) != NULL)
		(void)sq_num(&v, v + vl, &x);
	if ((v = sq_attr(tg->a, tg->ae, "y", &vl)) != NULL)
		(void)sq_num(&v, v + vl, &y);
	t[4] = x;
	t[5] = y;
	affine_mul(st.m, t);
	if (st.hidden)
		return;
	base = g->depth;
	st.tag = tg->name;
	st.tl = tg->nl;
	g->st[++g->depth] = st;
	g->nest++;
	if (sq_kind(d->tag.name, d->tag.nl) == K_SHAPE || d->tag.kind == 1)
		sq_element(g, d->tag.name, d->tag.nl, d->tag.a, d->tag.ae, 1);
	else if (*g->replayed < SQ_REPLAY) {
		const char *end;

		sq_element(g, d->tag.name, d->tag.nl, d->tag.a, d->tag.ae, 0);
		if (g->depth == base + 2) {
			if (g->st[g->depth].mode == M_DEFS)
				g->st[g->depth].mode = M_DRAW;
			end = sq_run(g, d->body, g->doc_end, base + 1);
			*g->replayed += (size_t)((end != NULL ? end :
			    g->doc_end) - d->body);
		}
	}
	g->nest--;
	g->depth = base;
	g->over = 0;
}

/*
 * The picture's tags from p: elements opened and closed, shapes drawn,
 * style sheets passed over (read before).  With base at 0 or more (a
 * group read again by a use), reading stops at the end tag that closes
 * the group down to base; where reading stopped is returned (NULL at
 * the end).
 */
static const char *
sq_run(struct sq *g, const char *p, const char *e, int base)
{
	struct sq_tag	 tg;

	while ((p = sq_next(p, e, &tg)) != NULL) {
		if (tg.kind == 2) {
			sq_close(g, tg.name, tg.nl);
			if (base >= 0 && g->depth <= base)
				return p;
			continue;
		}
		if (tg.nl == 5 && str_ncasecmp(tg.name, "style", 5) == 0) {
			if (tg.kind == 0)
				p = sq_style_end(p, e);
			continue;
		}
		if (tg.nl == 3 && str_ncasecmp(tg.name, "use", 3) == 0) {
			sq_use(g, &tg);
			continue;
		}
		sq_element(g, tg.name, tg.nl, tg.a, tg.ae, tg.kind == 1);
	}
	return NULL;
}

/*
 * The clipped shapes where their clip paths lie: each clip path's shapes
 * brought into the clipped shape's space and met with its rectangles
 * (a square clipped to modules is the modules; a module clipped to a
 * square, the module); SQ_CLIP_OPS meetings at most.
 */
static void
sq_clips(struct sq *g)
{
	struct sq_rects	 out;
	size_t		 i, k, j, ops = 0, next = 0;

	for (i = 0; i < g->nclip; i++)
		if (g->clip[i].r1 == SIZE_MAX) {	/* open to the end */
			g->clip[i].r1 = g->cr.n;
			g->clip[i].d1 = g->cd.n;
		}
	if (g->nref == 0)
		return;
	if (g->nclip > 1)
		qsort(g->clip, g->nclip, sizeof(*g->clip), sq_clip_cmp);
	/* What is drawn, rebuilt in the order drawn: the clipped shapes
	 * where they were drawn among the others. */
	memset(&out, 0, sizeof(out));
	for (i = 0; i < g->nref; i++) {
		const struct sq_ref	*f = &g->ref[i];
		const struct sq_clip	*c = sq_id_find(g->clip, g->nclip,
		    sizeof(*g->clip), f->id, f->il);

		next = sq_rects_copy(&out, &g->r, next, f->at);
		if (ops >= SQ_CLIP_OPS)
			continue;
		if (c == NULL) {
			/* A clip path that is not there clips nothing:
			 * the shape is drawn as if it had none. */
			for (j = f->p0; j < f->p1; j++)
				sq_rect_put(&out, g->pr.r[j].x0, g->pr.r[j].y0,
				    g->pr.r[j].x1, g->pr.r[j].y1, g->pr.lt[j],
				    g->pr.cov[j]);
			continue;
		}
		if (!sq_upright(f->m))
			continue;
		for (k = c->r0; k < c->r1 && ops < SQ_CLIP_OPS; k++) {
			const struct qr_rect *q = &g->cr.r[k];
			double ax = f->m[0] * q->x0 + f->m[2] * q->y0 + f->m[4];
			double ay = f->m[1] * q->x0 + f->m[3] * q->y0 + f->m[5];
			double bx = f->m[0] * q->x1 + f->m[2] * q->y1 + f->m[4];
			double by = f->m[1] * q->x1 + f->m[3] * q->y1 + f->m[5];

			for (j = f->p0; j < f->p1; j++, ops++) {
				const struct qr_rect *p = &g->pr.r[j];
				double x0 = fmax(fmin(ax, bx), p->x0);
				double x1 = fmin(fmax(ax, bx), p->x1);
				double y0 = fmax(fmin(ay, by), p->y0);
				double y1 = fmin(fmax(ay, by), p->y1);

				if (x1 - x0 > 1e-9 && y1 - y0 > 1e-9)
					sq_rect_put(&out, x0, y0, x1, y1,
					    g->pr.lt[j], g->pr.cov[j]);
			}
		}
		for (k = c->d0; k < c->d1 && ops < SQ_CLIP_OPS; k++) {
			const double *q = g->cd.d + 4 * k;
			double x = f->m[0] * q[0] + f->m[2] * q[1] + f->m[4];
			double y = f->m[1] * q[0] + f->m[3] * q[1] + f->m[5];
			double r = q[2] * fmax(fabs(f->m[0]) + fabs(f->m[2]),
			    fabs(f->m[1]) + fabs(f->m[3]));

			for (j = f->p0; j < f->p1; j++, ops++) {
				const struct qr_rect *p = &g->pr.r[j];

				if (x >= p->x0 && x <= p->x1 && y >= p->y0 &&
				    y <= p->y1) {
					sq_dot_put(&g->dot, x, y, r,
					    g->pr.lt[j]);
					break;
				}
			}
		}
	}
	(void)sq_rects_copy(&out, &g->r, next, g->r.n);
	sq_rects_free(&g->r);
	g->r = out;
}

/* The least distance between distinct values of v (n, sorted here), or
 * 0; values closer than eps are one. */
static double
sq_pitch(double *v, size_t n, double eps)
{
	double	 best = 0;
	size_t	 i, j, k = 0;

	qsort(v, n, sizeof(*v), dbl_cmp);
	/* The gaps between neighbouring distinct values, in place. */
	for (i = 1; i < n; i++)
		if (v[i] - v[i - 1] > eps)
			v[k++] = v[i] - v[i - 1];
	qsort(v, k, sizeof(*v), dbl_cmp);
	/* The least gap seen three times: a stray dot is not the pitch. */
	for (i = 0; i + 2 < k && best == 0; i = j) {
		for (j = i; j < k && v[j] - v[i] <= eps; j++)
			;
		if (j - i >= 3)
			best = v[i];
	}
	return best;
}

/* The dots as the squares of their modules, put in out: each as wide as
 * the least distance between two columns (or rows) of dots, when the
 * dots do not touch (a code of dots with gaps between them), else as
 * wide as the dot. */
static void
sq_dots_rects(const double *dot, size_t nd, struct qr_rect *out,
    size_t *n)
{
	double		*v, r = 0, px, py;
	size_t		 i;

	if (nd < 49) {
		/* Too few to find a pitch by: each dot its box (round
		 * modules among square ones, qr-code-styling's "rounded"). */
		for (i = 0; i < nd && *n < 2 * (size_t)SQ_RECTS; i++, (*n)++) {
			const double *d = dot + 3 * i;

			out[*n].x0 = d[0] - d[2];
			out[*n].x1 = d[0] + d[2];
			out[*n].y0 = d[1] - d[2];
			out[*n].y1 = d[1] + d[2];
		}
		return;
	}
	v = xmalloc(nd * sizeof(*v));
	/* The modules' radius is the median one: a smaller dot is not a
	 * module; a larger one is a disc of modules, or a logo's disc,
	 * drawn as its box. */
	for (i = 0; i < nd; i++)
		v[i] = dot[3 * i + 2];
	qsort(v, nd, sizeof(*v), dbl_cmp);
	r = v[nd / 2];
	for (i = 0; i < nd; i++)
		v[i] = dot[3 * i];
	px = sq_pitch(v, nd, r / 8);
	for (i = 0; i < nd; i++)
		v[i] = dot[3 * i + 1];
	py = sq_pitch(v, nd, r / 8);
	free(v);
	px = px >= 2 * r && px < 4 * r ? px / 2 : r;
	py = py >= 2 * r && py < 4 * r ? py / 2 : r;
	for (i = 0; i < nd && *n < 2 * (size_t)SQ_RECTS; i++) {
		const double *d = dot + 3 * i;

		if (d[2] > 1.25 * r) {
			/* A disc of modules (a finder's centre drawn as
			 * one dot): its box. */
			out[*n].x0 = d[0] - d[2];
			out[*n].x1 = d[0] + d[2];
			out[*n].y0 = d[1] - d[2];
			out[*n].y1 = d[1] + d[2];
			(*n)++;
			continue;
		}
		if (fabs(d[2] - r) > r / 4)
			continue;
		out[*n].x0 = d[0] - px;
		out[*n].x1 = d[0] + px;
		out[*n].y0 = d[1] - py;
		out[*n].y1 = d[1] + py;
		(*n)++;
	}
}

/*
 * The rectangles of b darker than thr, as they are seen, into out (cap
 * of them): each opaque light one hides what the dark ones drawn before
 * it had under it (a dark one cut round it, its pieces kept when they
 * are not slivers), as a browser paints one over another: so dark
 * decoys painted over in white spoil no code.  SQ_LAYER_OPS meetings
 * at most; then light shapes hide nothing.  How many.
 */
static size_t
sq_layers(const struct sq_rects *b, double thr, struct qr_rect *out,
    size_t cap, size_t *ops, int *cut)
{
	size_t	 i, k, n = 0;

	for (i = 0; i < b->n; i++) {
		const struct qr_rect *c = &b->r[i];

		if (b->lt[i] < thr) {
			if (n < cap)
				out[n++] = *c;
			continue;
		}
		if (!b->cov[i] || cut == NULL)
			continue;
		for (k = 0; k < n && *ops < SQ_LAYER_OPS; k++, (*ops)++) {
			struct qr_rect	 d = out[k], p[4];
			double		 y0, y1, least;
			int		 np = 0, j;

			if (c->x0 >= d.x1 || c->x1 <= d.x0 || c->y0 >= d.y1 ||
			    c->y1 <= d.y0)
				continue;
			/* What is left of it: above, below, then beside
			 * within the band it covers. */
			y0 = fmax(c->y0, d.y0);
			y1 = fmin(c->y1, d.y1);
			if (c->y0 > d.y0)
				p[np++] = (struct qr_rect){ d.x0, d.y0, d.x1,
				    c->y0 };
			if (c->y1 < d.y1)
				p[np++] = (struct qr_rect){ d.x0, c->y1, d.x1,
				    d.y1 };
			if (c->x0 > d.x0)
				p[np++] = (struct qr_rect){ d.x0, y0, c->x0,
				    y1 };
			if (c->x1 < d.x1)
				p[np++] = (struct qr_rect){ c->x1, y0, d.x1,
				    y1 };
			/* Slivers (a cover a little short of a module)
			 * are not kept. */
			*cut = 1;
			least = fmin(d.x1 - d.x0, d.y1 - d.y0) / 4;
			out[k--] = out[--n];
			for (j = 0; j < np; j++)
				if (fmin(p[j].x1 - p[j].x0, p[j].y1 - p[j].y0) >=
				    least && n < cap)
					out[n++] = p[j];
		}
	}
	return n;
}

/*
 * Modules drawn smaller than their pitch (python-qrcode's drawers at a
 * size_ratio under 1, beside finders of whole modules): the squares of
 * the commonest side among the n rectangles r, if 49 or more, taken out
 * and made dots (centre and half the side, after those in dot) for
 * sq_dots_rects() to space by their pitch.  How many rectangles stay.
 */
static size_t
sq_squares_dots(struct qr_rect *r, size_t n, double *dot, size_t *nd)
{
	double	*side, best = 0;
	size_t	 i, j, k, most = 0;

	if (n < 49)
		return n;
	side = xmalloc(n * sizeof(*side));
	for (i = k = 0; i < n; i++) {
		double w = r[i].x1 - r[i].x0, h = r[i].y1 - r[i].y0;

		if (fabs(w - h) <= fmax(w, h) / 50)
			side[k++] = (w + h) / 2;
	}
	qsort(side, k, sizeof(*side), dbl_cmp);
	for (i = 0; i < k; i = j) {
		for (j = i; j < k && side[j] - side[i] <= side[i] / 50; j++)
			;
		if (j - i > most) {
			most = j - i;
			best = side[i];
		}
	}
	free(side);
	if (most < 49)
		return n;
	for (i = k = 0; i < n; i++) {
		double w = r[i].x1 - r[i].x0, h = r[i].y1 - r[i].y0;

		if (fabs(w - h) <= fmax(w, h) / 50 && (w + h) / 2 >= best &&
		    (w + h) / 2 - best <= best / 50) {
			double *d = dot + 3 * (*nd)++;

			d[0] = (r[i].x0 + r[i].x1) / 2;
			d[1] = (r[i].y0 + r[i].y1) / 2;
			d[2] = (w + h) / 4;
		} else
			r[k++] = r[i];
	}
	return k;
}

/*
 * The shapes lighter than thr, read: the dots made squares, the drawing
 * scaled to a known extent (the reader's buckets are in 64ths of a unit,
 * and a picture's units may be anything) with y turned up, as on a PDF
 * page, and given to qr_rects().  How many codes were read.
 */
static int
sq_read(struct detect_scan *s, const struct sq *g, const char *name,
    double thr, int gaps, int *cut)
{
	struct qr_rect	*r;
	double		*dot, lo[2] = { HUGE_VAL, HUGE_VAL };
	double		 hi[2] = { -HUGE_VAL, -HUGE_VAL }, k;
	size_t		 i, n = 0, nd = 0;
	int		 found = 0;

	if (g->r.n + g->dot.n < 49)
		return 0;
	r = xmalloc(2 * (size_t)SQ_RECTS * sizeof(*r));
	dot = xmalloc((g->dot.n + (gaps ? 2 * (size_t)SQ_RECTS : 0) + 1) * 3 *
	    sizeof(*dot));
	n = sq_layers(&g->r, thr, r, 2 * (size_t)SQ_RECTS, g->layer_ops, cut);
	if (gaps)
		n = sq_squares_dots(r, n, dot, &nd);
	for (i = 0; i < g->dot.n; i++)
		if (g->dot.d[4 * i + 3] < thr) {
			memcpy(dot + 3 * nd, g->dot.d + 4 * i,
			    3 * sizeof(*dot));
			nd++;
		}
	sq_dots_rects(dot, nd, r, &n);
	for (i = 0; i < n; i++) {
		lo[0] = fmin(lo[0], r[i].x0);
		lo[1] = fmin(lo[1], r[i].y0);
		hi[0] = fmax(hi[0], r[i].x1);
		hi[1] = fmax(hi[1], r[i].y1);
	}
	k = n > 0 ? SQ_EXTENT / fmax(hi[0] - lo[0], hi[1] - lo[1]) : 0;
	if (n >= 49 && isfinite(k) && k > 0) {
		for (i = 0; i < n; i++) {
			struct qr_rect q = r[i];

			r[i].x0 = (q.x0 - lo[0]) * k;
			r[i].x1 = (q.x1 - lo[0]) * k;
			r[i].y0 = (hi[1] - q.y1) * k;
			r[i].y1 = (hi[1] - q.y0) * k;
		}
		found = qr_rects(s, arena_printf(&s->a, "%s > drawing", name),
		    r, n);
	}
	free(r);
	free(dot);
	return found;
}

/* A reader of the picture [p, e): its sheets and ids read; the
 * message's budgets. */
static struct sq *
sq_new(struct detect_scan *s, const char *p, const char *e)
{
	struct sq	*g = xcalloc(1, sizeof(*g));

	g->attr_ops = &s->svg_ops[0];
	g->match_ops = &s->svg_ops[1];
	g->layer_ops = &s->svg_ops[2];
	g->uses = &s->svg_ops[3];
	g->replayed = &s->svg_ops[4];
	g->doc_end = e;
	sq_prepass(g, p, e, memmem(p, (size_t)(e - p), "<use", 4) != NULL);
	return g;
}

/* A drawing begun: nothing drawn, the painting SVG's defaults. */
static void
sq_begin(struct sq *g)
{
	g->r.n = g->dot.n = g->cr.n = g->cd.n = g->pr.n = 0;
	g->nclip = g->nref = g->pieces = 0;
	g->ncov = 0;
	g->ink[0] = g->ink[1] = 1;
	g->ink[2] = g->ink[3] = 0;
	g->depth = 0;
	g->over = 0;
	memset(&g->st[0], 0, sizeof(g->st[0]));
	g->st[0].m[0] = g->st[0].m[3] = 1;
	g->st[0].fill = 0;		/* filled black, */
	g->st[0].stroke = 1;		/* a stroke of 1 but none drawn, */
	g->st[0].width = 1;
	g->st[0].fop = g->st[0].sop = g->st[0].op = 1;	/* opaque */
	g->st[0].falpha = 1;
}

/* A drawing read: its clipped shapes met with their clip paths, then
 * read as drawn; if nothing is read and the darkest paint is a grey (a
 * code drawn faint), the shapes darker than halfway between it and
 * white. */
static void
sq_finish(struct detect_scan *s, struct sq *g, const char *name)
{
	double	 least = 1;
	size_t	 i;
	int	 cut = 0;

	sq_clips(g);
	for (i = 0; i < g->r.n; i++)
		least = fmin(least, g->r.lt[i]);
	for (i = 0; i < g->dot.n; i++)
		least = fmin(least, g->dot.d[4 * i + 3]);
	if (sq_read(s, g, name, 0.5, 0, &cut) > 0 || !qr_room(s))
		return;
	/* Light shapes that hid dark ones may not hide them in a browser
	 * (a property not read hides them): read as the shapes were
	 * before layering too. */
	if (cut && sq_read(s, g, name, 0.5, 0, NULL) > 0)
		return;
	/* A code drawn faint; modules smaller than their pitch. */
	if (least > 0.02 && least < SQ_SEEN && qr_room(s) &&
	    sq_read(s, g, name, (least + 1) / 2, 0, &cut) > 0)
		return;
	if (qr_room(s))
		(void)sq_read(s, g, name, 0.5, 1, &cut);
}

static void
sq_free(struct sq *g)
{
	sq_rects_free(&g->r);
	sq_rects_free(&g->cr);
	sq_rects_free(&g->pr);
	free(g->dot.d);
	free(g->cd.d);
	free(g->rule);
	free(g->clip);
	free(g->ref);
	free(g->def);
	paint_free(&g->fill);
	free(g);
}

/*
 * The <svg> elements of a document, each a drawing of its own from its
 * start tag to the end tag that closes it (nested ones inside it), read
 * with all the document's style sheets: an SVG picture's root, or the
 * pictures of an HTML page or attachment, whose other elements (a
 * paragraph left open, a picture) are no part of any drawing; an icon's
 * or a hidden decoy's drawing spoils no other.
 */
void
svg_paths_qr(struct detect_scan *s, const char *name, const char *p,
    size_t n)
{
	const char	*e = p + n, *c;
	struct sq	*g = NULL;

	for (c = p; qr_room(s) && (c = memchr(c, '<', (size_t)(e - c))) !=
	    NULL; ) {
		const char *end;

		if (e - c < 5 || str_ncasecmp(c + 1, "svg", 3) != 0 ||
		    isalnum((unsigned char)c[4])) {
			c++;
			continue;
		}
		if (g == NULL)
			g = sq_new(s, p, e);
		sq_begin(g);
		end = sq_run(g, c, e, 0);
		sq_finish(s, g, name);
		c = end != NULL && end > c ? end : e;
	}
	if (g != NULL)
		sq_free(g);
}
