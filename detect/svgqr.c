/*
 * svgqr: a QR code drawn in an SVG picture with vector shapes, which no
 * image scanner sees: a <rect> a module (qrencode's way), a <circle> a
 * module (the dots the 2025 kits draw so that scanners of QR shapes
 * miss them), a path of rectangles filled, or a path of horizontal and
 * vertical lines stroked (qrencode --svg-path's, segno's).  The
 * transforms of a shape and of its groups are followed (translate,
 * scale, matrix without rotation but quarter turns); fill and stroke are
 * inherited from the groups, and set by attributes, a <style> sheet's
 * rules and style, as SVG does; what is not seen (no opacity, hidden,
 * in <defs>) is not drawn, and a clip path's shapes only when a dark
 * shape is clipped to them (qr-code-styling's way).  <line>s, round
 * caps on strokes of no length (dots) and <use> of an element by its id
 * are read.  The dark shapes go, y
 * turned up, to pdfqr.c's reader of rectangles, which finds the module
 * and the grid and gives it to qr.c ("file.svg > drawing",
 * attach.qr_code).
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

#define SQ_RECTS	40000	/* dark rectangles kept */
#define SQ_DEPTH	32	/* groups followed */
#define SQ_EXTENT	1000.0	/* the drawing scaled to this extent */

#define SQ_RULES	64	/* rules of <style> sheets kept */

struct sq_style {
	double	 m[6];		/* the transform to the picture */
	double	 fill, stroke;	/* lightness: 0 black, 1 white or none */
	double	 fill_op;	/* fill-opacity */
	double	 stroke_op;	/* stroke-opacity */
	double	 op;		/* opacity, the groups' times the shape's */
	double	 width;		/* stroke width */
	int	 cap;		/* stroke-linecap: 1 round, 2 square */
	int	 hidden;	/* in a group not followed, or not shown */
	int	 defs;		/* in <defs>, <symbol>...: drawn only if used */
	int	 clip;		/* in a <clipPath>: its index + 1 */
};

/* A rule of a <style> sheet: tag, .class or tag.class (either may be
 * empty: "*"), and its declarations. */
struct sq_rule {
	const char	*tag, *cls, *decl;
	size_t		 tl, cl, dl;
};

/* A <clipPath>: the shapes it holds (those of g->r and g->dot from r0
 * and d0 to r1 and d1), drawn only if a dark shape is clipped to it (as
 * qr-code-styling draws its modules: a dark square the size of the code
 * clipped to them). */
#define SQ_CLIPS	32
struct sq_clip {
	const char	*id;
	size_t		 il, r0, r1, d0, d1;
};

struct sq_ref {
	const char	*id;
	size_t		 il;
};

/* An element with an id, for <use>. */
#define SQ_DEFS		256
#define SQ_USES		SQ_RECTS	/* uses read */
#define SQ_REPLAY	(8u << 20)	/* bytes of groups read again */
struct sq_def;

struct sq {
	struct sq_style	 st[SQ_DEPTH];
	int		 depth;
	size_t		 over;		/* groups open past the cap */
	struct qr_rect	*r;
	size_t		 nr;
	double		*dot;		/* dots: centre x, y and radius */
	size_t		 ndot;
	struct sq_rule	 rule[SQ_RULES];
	size_t		 nrule;
	struct sq_clip	 clip[SQ_CLIPS];
	size_t		 nclip;
	struct sq_ref	 dark[SQ_CLIPS];	/* clips a dark shape uses */
	size_t		 ndark;
	struct sq_def	*def;
	size_t		 ndef, uses, replayed;
	int		 nest;		/* uses within uses */
	const char	*doc_end;
};

/* Does paint of this lightness, at this opacity over white, look dark? */
static int
sq_ink(double light, double op)
{
	return 1 - op * (1 - light) < 0.5;
}

/* Is a shape filled dark?  In a clip path every shape is the area it
 * lets through, whatever its colour. */
static int
sq_filled(const struct sq_style *st)
{
	return !st->hidden && (!st->defs || st->clip) && (st->clip ||
	    sq_ink(st->fill, st->fill_op * st->op));
}

static int
sq_stroked(const struct sq_style *st)
{
	return !st->hidden && !st->defs && !st->clip && st->width > 0 &&
	    sq_ink(st->stroke, st->stroke_op * st->op);
}

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

/* A colour's lightness over white, 0 black to 1 white, transparent or
 * none: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb() and rgba() (in numbers or
 * percentages, the alpha counted), the names (light ones 1); anything
 * else (a gradient, a variable, currentColor) ink, 0. */
static double
sq_light(const char *v, size_t n)
{
	double		 c[4] = { 0, 0, 0, 1 };
	char		 w[40];
	size_t		 i;

	while (n > 0 && isspace((unsigned char)*v))
		v++, n--;
	while (n > 0 && isspace((unsigned char)v[n - 1]))
		n--;
	if (n == 0 || n >= sizeof(w))
		return 0;
	memcpy(w, v, n);
	w[n] = '\0';
	if (w[0] == '#' && (n == 4 || n == 5 || n == 7 || n == 9) &&
	    strspn(w + 1, "0123456789abcdefABCDEF") == n - 1) {
		int short_form = n <= 5;

		for (i = 0; i < (n - 1) / (short_form ? 1 : 2); i++) {
			char h[3] = { w[short_form ? 1 + i : 1 + 2 * i],
			    w[short_form ? 1 + i : 2 + 2 * i], '\0' };

			c[i] = (double)strtoul(h, NULL, 16);
		}
		if (n == 5 || n == 9)
			c[3] /= 255;
	} else if (str_ncasecmp(w, "rgb(", 4) == 0 ||
	    str_ncasecmp(w, "rgba(", 5) == 0) {
		char *e = w + (w[3] == '(' ? 4 : 5);

		for (i = 0; i < 4; i++) {
			char *f;
			double x = strtod(e, &f);

			if (f == e)
				break;
			if (*f == '%')
				x = i < 3 ? x * 2.55 : x / 100, f++;
			c[i] = x;
			e = f + strspn(f, " ,/");
		}
	} else {
		if (str_ncasecmp(w, "light", 5) == 0 || strstr(w, "white") !=
		    NULL || strstr(w, "WHITE") != NULL)
			return 1;
		for (i = 0; i < nitems(sq_light_names); i++)
			if (str_casecmp(w, sq_light_names[i]) == 0)
				return 1;
		return 0;
	}
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

/* Property k of a style="..." value [v, v + n), the last one set, or
 * NULL. */
static const char *
sq_prop(const char *v, size_t n, const char *k, size_t *pl)
{
	const char	*e = v + n, *got = NULL;
	size_t		 kl = strlen(k);

	while (v < e) {
		const char *semi = memchr(v, ';', (size_t)(e - v)), *c;

		if (semi == NULL)
			semi = e;
		while (v < semi && isspace((unsigned char)*v))
			v++;
		c = memchr(v, ':', (size_t)(semi - v));
		if (c != NULL && (size_t)(c - v) >= kl &&
		    str_ncasecmp(v, k, kl) == 0 && (v + kl == c ||
		    isspace((unsigned char)v[kl]))) {
			*pl = (size_t)(semi - c - 1);
			got = c + 1;
		}
		if (semi == e)
			break;
		v = semi + 1;
	}
	return got;
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
			    (k == 1 || k == 3) && fmod(a[0], 90) == 0) {
				/* Quarter turns only, about (cx, cy). */
				long qt = lround(fmod(a[0] / 90, 4) + 4) % 4;
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

/* The rectangle [x0, x1] by [y0, y1] of user space, through the
 * transform, if it stays upright. */
static void
sq_add(struct sq *g, const double *m, double x0, double y0, double x1,
    double y1)
{
	double		 ax, ay, bx, by;
	struct qr_rect	*r;

	if (!((fabs(m[1]) < 1e-9 && fabs(m[2]) < 1e-9) ||
	    (fabs(m[0]) < 1e-9 && fabs(m[3]) < 1e-9)) || g->nr >= SQ_RECTS)
		return;
	ax = m[0] * x0 + m[2] * y0 + m[4];
	ay = m[1] * x0 + m[3] * y0 + m[5];
	bx = m[0] * x1 + m[2] * y1 + m[4];
	by = m[1] * x1 + m[3] * y1 + m[5];
	if (!isfinite(ax) || !isfinite(ay) || !isfinite(bx) || !isfinite(by) ||
	    fabs(ax - bx) < 1e-9 || fabs(ay - by) < 1e-9)
		return;
	if (g->r == NULL)
		g->r = xmalloc(SQ_RECTS * sizeof(*g->r));
	r = &g->r[g->nr++];
	/* y turned up, as on a PDF page. */
	r->x0 = fmin(ax, bx);
	r->x1 = fmax(ax, bx);
	r->y0 = -fmax(ay, by);
	r->y1 = -fmin(ay, by);
}

/* A dot of radius r at (x, y) of user space: it stands for its module;
 * the modules' pitch is known once every dot is (dots_add()). */
static void
sq_dot(struct sq *g, const double *m, double x, double y, double r)
{
	double	*d;

	if (r <= 0 || g->ndot >= SQ_RECTS || !((fabs(m[1]) < 1e-9 &&
	    fabs(m[2]) < 1e-9) || (fabs(m[0]) < 1e-9 && fabs(m[3]) < 1e-9)))
		return;
	if (g->dot == NULL)
		g->dot = xmalloc(SQ_RECTS * 3 * sizeof(*g->dot));
	d = g->dot + 3 * g->ndot++;
	d[0] = m[0] * x + m[2] * y + m[4];
	d[1] = m[1] * x + m[3] * y + m[5];
	d[2] = r * fmax(fabs(m[0]) + fabs(m[2]), fabs(m[1]) + fabs(m[3]));
	/* qsort() wants no NaN (dbl_cmp is not an order then). */
	if (!isfinite(d[0]) || !isfinite(d[1]) || !isfinite(d[2]))
		g->ndot--;
}

/* A stroked segment from (x, y) to (nx, ny), horizontal or vertical, as
 * the rectangle it paints; its ends carried on by half the width when
 * capped round or square.  A segment of no length so capped is a dot (a
 * round cap) or a square of the width: a way of drawing modules. */
static void
sq_segment(struct sq *g, const struct sq_style *st, double x, double y,
    double nx, double ny)
{
	double	 hw = st->width / 2, c = st->cap ? hw : 0;

	if (ny == y && nx != x)
		sq_add(g, st->m, fmin(x, nx) - c, y - hw, fmax(x, nx) + c,
		    y + hw);
	else if (nx == x && ny != y)
		sq_add(g, st->m, x - hw, fmin(y, ny) - c, x + hw,
		    fmax(y, ny) + c);
	else if (nx == x && ny == y && st->cap == 1)
		sq_dot(g, st->m, x, y, hw);
	else if (nx == x && ny == y && st->cap == 2)
		sq_add(g, st->m, x - hw, y - hw, x + hw, y + hw);
}

/*
 * A path's d: each subpath of four corners that is an upright rectangle,
 * when filled; each horizontal or vertical segment (or, capped, one of
 * no length) as a line of the stroke's width, when stroked.  Curves and
 * arcs end the reading.
 */
static void
sq_path(struct sq *g, const struct sq_style *st, const char *d, size_t n)
{
	const char	*e = d + n;
	double		 x = 0, y = 0, sx = 0, sy = 0, px[5], py[5];
	int		 np = 0, cmd = 0, fill = sq_filled(st);
	int		 stroke = sq_stroked(st);

	while (d < e) {
		double	 a, b, nx, ny;

		while (d < e && (isspace((unsigned char)*d) || *d == ','))
			d++;
		if (d >= e)
			break;
		if (isalpha((unsigned char)*d)) {
			cmd = *d++;
			if (cmd == 'Z' || cmd == 'z') {
				if (fill && np == 4 && ((px[0] == px[1] &&
				    py[1] == py[2] && px[2] == px[3] &&
				    py[3] == py[0]) || (py[0] == py[1] &&
				    px[1] == px[2] && py[2] == py[3] &&
				    px[3] == px[0])))
					sq_add(g, st->m, fmin(px[0], px[2]),
					    fmin(py[0], py[2]), fmax(px[0],
					    px[2]), fmax(py[0], py[2]));
				x = sx, y = sy;
				np = 0;
			}
			continue;
		}
		if (!sq_num(&d, e, &a))
			return;
		b = 0;
		switch (cmd) {
		case 'M': case 'm': case 'L': case 'l':
			if (!sq_num(&d, e, &b))
				return;
			nx = cmd == 'M' || cmd == 'L' ? a : x + a;
			ny = cmd == 'M' || cmd == 'L' ? b : y + b;
			break;
		case 'H': case 'h':
			nx = cmd == 'H' ? a : x + a;
			ny = y;
			break;
		case 'V': case 'v':
			nx = x;
			ny = cmd == 'V' ? a : y + a;
			break;
		default:
			return;
		}
		if (cmd == 'M' || cmd == 'm') {
			sx = nx, sy = ny;
			/* The subpath's first corner. */
			px[0] = nx, py[0] = ny;
			np = 1;
			/* Later pairs of a moveto are linetos. */
			cmd = cmd == 'M' ? 'L' : 'l';
			x = nx, y = ny;
			continue;
		} else if (stroke)
			sq_segment(g, st, x, y, nx, ny);
		if (np == 0) {
			px[0] = x;
			py[0] = y;
			np = 1;
		}
		if (np < 5) {
			px[np] = nx;
			py[np] = ny;
			np++;
		}
		/* Back at the start: the corners are the four before. */
		if (np == 5 && px[4] == px[0] && py[4] == py[0])
			np = 4;
		x = nx, y = ny;
	}
}

/* One painting property, k, of value [v, v + n), set in st; *op takes
 * the element's own opacity. */
static void
sq_set(struct sq_style *st, const char *k, const char *v, size_t n,
    double *op)
{
	const char	*end = v + n;
	double		 x;

	if (strcmp(k, "fill") == 0)
		st->fill = sq_light(v, n);
	else if (strcmp(k, "stroke") == 0)
		st->stroke = sq_light(v, n);
	else if (strcmp(k, "stroke-width") == 0)
		(void)sq_num(&v, v + n, &st->width);
	else if (strcmp(k, "stroke-linecap") == 0) {
		while (n > 0 && isspace((unsigned char)*v))
			v++, n--;
		st->cap = n >= 5 && str_ncasecmp(v, "round", 5) == 0 ? 1 :
		    n >= 6 && str_ncasecmp(v, "square", 6) == 0 ? 2 : 0;
	} else if (strcmp(k, "display") == 0 || strcmp(k, "visibility") == 0) {
		while (n > 0 && isspace((unsigned char)*v))
			v++, n--;
		if ((n >= 4 && str_ncasecmp(v, "none", 4) == 0) ||
		    (n >= 6 && str_ncasecmp(v, "hidden", 6) == 0))
			st->hidden = 1;
	} else if (sq_num(&v, end, &x)) {
		/* An opacity: a number, or a percentage. */
		if (v < end && *v == '%')
			x /= 100;
		x = fmin(fmax(x, 0), 1);
		if (strcmp(k, "fill-opacity") == 0)
			st->fill_op = x;
		else if (strcmp(k, "stroke-opacity") == 0)
			st->stroke_op = x;
		else if (strcmp(k, "opacity") == 0)
			*op = x;
	}
}

static const char *const sq_props[] = { "fill", "stroke", "stroke-width",
    "stroke-linecap", "display", "visibility", "fill-opacity",
    "stroke-opacity", "opacity" };

/* The properties of a declaration block ("fill:#000;opacity:.5"). */
static void
sq_decls(struct sq_style *st, const char *d, size_t n, double *op)
{
	const char	*v;
	size_t		 i, vl;

	for (i = 0; i < nitems(sq_props); i++)
		if ((v = sq_prop(d, n, sq_props[i], &vl)) != NULL)
			sq_set(st, sq_props[i], v, vl, op);
}

/* Is name [c, c + cl) one of the classes of the list [v, v + n)? */
static int
sq_has_class(const char *v, size_t n, const char *c, size_t cl)
{
	const char	*e = v + n;

	while (v < e) {
		const char *w;

		while (v < e && isspace((unsigned char)*v))
			v++;
		for (w = v; v < e && !isspace((unsigned char)*v); v++)
			;
		if ((size_t)(v - w) == cl && memcmp(w, c, cl) == 0)
			return 1;
	}
	return 0;
}

/*
 * An element's painting: its presentation attributes, then the rules of
 * the <style> sheets that match it (those of a tag before those of a
 * class, each in the order written), then its style attribute, as CSS
 * weighs them.
 */
static void
sq_paint(struct sq *g, struct sq_style *st, const char *tag, size_t tl,
    const char *a, const char *e)
{
	const char	*v, *cls;
	size_t		 i, vl, cll = 0;
	double		 op = 1;
	int		 pass;

	for (i = 0; i < nitems(sq_props); i++)
		if ((v = sq_attr(a, e, sq_props[i], &vl)) != NULL)
			sq_set(st, sq_props[i], v, vl, &op);
	cls = sq_attr(a, e, "class", &cll);
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < g->nrule; i++) {
			const struct sq_rule *r = &g->rule[i];

			if ((r->cl > 0) != pass || (r->tl > 0 && (r->tl != tl ||
			    str_ncasecmp(r->tag, tag, tl) != 0)) ||
			    (r->cl > 0 && (cls == NULL ||
			    !sq_has_class(cls, cll, r->cls, r->cl))))
				continue;
			sq_decls(st, r->decl, r->dl, &op);
		}
	if ((v = sq_attr(a, e, "style", &vl)) != NULL)
		sq_decls(st, v, vl, &op);
	st->op *= op;
}

/*
 * The rules of a <style> sheet [t, e): selectors of a tag, a class or
 * both ("rect", ".cls-1", "rect.a", "*"; of a descendant selector its
 * last part), grouped with commas; others (ids, attributes, pseudo-
 * classes) and @-blocks are passed over.
 */
static void
sq_css(struct sq *g, const char *t, const char *e)
{
	while (t < e && g->nrule < SQ_RULES) {
		const char *open, *close, *sel;

		while (t < e && (isspace((unsigned char)*t) || *t == '<' ||
		    *t == '>' || *t == ']' || *t == '!'))
			t++;
		if (t + 7 <= e && memcmp(t, "[CDATA[", 7) == 0) {
			t += 7;
			continue;
		}
		if (t + 2 <= e && memcmp(t, "/*", 2) == 0) {
			const char *c = memmem(t + 2, (size_t)(e - t - 2), "*/", 2);

			t = c != NULL ? c + 2 : e;
			continue;
		}
		if ((open = memchr(t, '{', (size_t)(e - t))) == NULL)
			break;
		if (*t == '@') {
			/* An @-block: its braces passed over, nested too. */
			int depth = 0;

			for (t = open; t < e; t++)
				if (*t == '{')
					depth++;
				else if (*t == '}' && --depth == 0)
					break;
			t++;
			continue;
		}
		if ((close = memchr(open, '}', (size_t)(e - open))) == NULL)
			break;
		for (sel = t; sel < open && g->nrule < SQ_RULES; ) {
			const char *c = memchr(sel, ',', (size_t)(open - sel));
			const char *se = c != NULL ? c : open, *w, *dot;
			struct sq_rule *r = &g->rule[g->nrule];

			while (se > sel && isspace((unsigned char)se[-1]))
				se--;
			/* The last part of "svg .cls-1" or "g > rect". */
			for (w = se; w > sel && !isspace((unsigned char)w[-1]) &&
			    w[-1] != '>' && w[-1] != '+' && w[-1] != '~'; w--)
				;
			sel = c != NULL ? c + 1 : open;
			if (w == se || memchr(w, '#', (size_t)(se - w)) != NULL ||
			    memchr(w, ':', (size_t)(se - w)) != NULL ||
			    memchr(w, '[', (size_t)(se - w)) != NULL)
				continue;
			dot = memchr(w, '.', (size_t)(se - w));
			r->tag = w;
			r->tl = (size_t)((dot != NULL ? dot : se) - w);
			if (r->tl == 1 && *w == '*')
				r->tl = 0;
			r->cls = dot != NULL ? dot + 1 : se;
			r->cl = dot != NULL ? (size_t)(se - dot - 1) : 0;
			if (r->cls + r->cl != se || memchr(r->cls, '.', r->cl))
				continue;	/* two classes: not read */
			r->decl = open + 1;
			r->dl = (size_t)(close - open - 1);
			g->nrule++;
		}
		t = close + 1;
	}
}

/* Tags that hold others and pass their painting on; how each is drawn. */
static const struct {
	const char	*tag;
	int		 defs, clip;
} sq_groups[] = {
	{ "g", 0, 0 }, { "a", 0, 0 }, { "svg", 0, 0 }, { "switch", 0, 0 },
	{ "defs", 1, 0 }, { "symbol", 1, 0 }, { "pattern", 1, 0 },
	{ "mask", 1, 0 }, { "marker", 1, 0 }, { "clipPath", 1, 1 },
};

static int
sq_group(const char *tag, size_t tl)
{
	size_t	 i;

	for (i = 0; i < nitems(sq_groups); i++)
		if (strlen(sq_groups[i].tag) == tl &&
		    str_ncasecmp(sq_groups[i].tag, tag, tl) == 0)
			return (int)i;
	return -1;
}

/*
 * Is a shape clipped (clip-path="url(#id)") or masked?  It then paints
 * only where its clip path's shapes lie: those are drawn if the shape is
 * dark, and the shape itself is not.
 */
static int
sq_clipped(struct sq *g, const struct sq_style *st, const char *a,
    const char *e)
{
	const char	*v, *id;
	size_t		 vl;

	if (sq_attr(a, e, "mask", &vl) != NULL)
		return 1;
	if ((v = sq_attr(a, e, "clip-path", &vl)) == NULL) {
		const char *sv = sq_attr(a, e, "style", &vl);

		if (sv == NULL || (v = sq_prop(sv, vl, "clip-path", &vl)) ==
		    NULL)
			return 0;
	}
	if ((id = memchr(v, '#', vl)) == NULL)
		return 1;
	vl -= (size_t)(++id - v);
	for (v = id; v < id + vl && *v != ')' && *v != '\'' && *v != '"'; v++)
		;
	if (!st->defs && g->ndark < SQ_CLIPS &&
	    sq_ink(st->fill, st->fill_op * st->op)) {
		g->dark[g->ndark].id = id;
		g->dark[g->ndark++].il = (size_t)(v - id);
	}
	return 1;
}

/* Drop the shapes of the clip paths no dark shape is clipped to. */
static void
sq_unclip(struct sq *g)
{
	size_t	 i, j, k, nr = 0, nd = 0;
	int	 keep[SQ_CLIPS] = { 0 };

	for (i = 0; i < g->nclip; i++) {
		struct sq_clip *c = &g->clip[i];

		if (c->r1 == SIZE_MAX)
			c->r1 = g->nr, c->d1 = g->ndot;
		keep[i] = 0;
		for (j = 0; j < g->ndark && !keep[i]; j++)
			keep[i] = c->il > 0 && g->dark[j].il == c->il &&
			    memcmp(g->dark[j].id, c->id, c->il) == 0;
	}
	for (k = 0; k < g->nr; k++) {
		for (i = 0; i < g->nclip; i++)
			if (!keep[i] && k >= g->clip[i].r0 && k < g->clip[i].r1)
				break;
		if (i == g->nclip)
			g->r[nr++] = g->r[k];
	}
	for (k = 0; k < g->ndot; k++) {
		for (i = 0; i < g->nclip; i++)
			if (!keep[i] && k >= g->clip[i].d0 && k < g->clip[i].d1)
				break;
		if (i == g->nclip)
			memmove(g->dot + 3 * nd++, g->dot + 3 * k,
			    3 * sizeof(*g->dot));
	}
	g->nr = nr;
	g->ndot = nd;
}

/* One element: a group opened (its painting pushed), or a shape drawn. */
static void
sq_element(struct sq *g, const char *tag, size_t tl, const char *a,
    const char *e, int closed)
{
	struct sq_style	 st = g->st[g->depth];
	const char	*v;
	size_t		 vl;
	double		 x = 0, y = 0, w = 0, h = 0, x2 = 0, y2 = 0;
	int		 group = sq_group(tag, tl);

	if (st.hidden || ((v = sq_attr(a, e, "transform", &vl)) != NULL &&
	    !sq_transform(st.m, v, vl)))
		/* Its group draws nothing either, and is still closed. */
		st.hidden = 1;
	else
		sq_paint(g, &st, tag, tl, a, e);
	if (group >= 0) {
		st.defs |= sq_groups[group].defs;
		if (sq_groups[group].clip && !closed && !st.hidden &&
		    g->nclip < SQ_CLIPS && g->depth + 1 < SQ_DEPTH) {
			struct sq_clip *c = &g->clip[g->nclip++];

			if ((c->id = sq_attr(a, e, "id", &c->il)) == NULL)
				c->il = 0;
			c->r0 = g->nr;
			c->d0 = g->ndot;
			c->r1 = c->d1 = SIZE_MAX;	/* until it closes */
			st.clip = (int)g->nclip;
			st.op = st.fill_op = 1;
		}
		if (!closed && g->depth + 1 < SQ_DEPTH)
			g->st[++g->depth] = st;
		else if (!closed)
			g->over++;
		return;
	}
	if (st.hidden || sq_clipped(g, &st, a, e))
		return;
#define NUM(k, out) ((v = sq_attr(a, e, k, &vl)) != NULL && \
	sq_num(&v, v + vl, out))
	if (tl == 4 && str_ncasecmp(tag, "rect", 4) == 0) {
		(void)NUM("x", &x);
		(void)NUM("y", &y);
		if (sq_filled(&st) && NUM("width", &w) && NUM("height", &h) &&
		    w > 0 && h > 0)
			sq_add(g, st.m, x, y, x + w, y + h);
	} else if (tl == 4 && str_ncasecmp(tag, "line", 4) == 0) {
		(void)NUM("x1", &x);
		(void)NUM("y1", &y);
		(void)NUM("x2", &x2);
		(void)NUM("y2", &y2);
		if (sq_stroked(&st))
			sq_segment(g, &st, x, y, x2, y2);
	} else if (tl == 6 && str_ncasecmp(tag, "circle", 6) == 0) {
		(void)NUM("cx", &x);
		(void)NUM("cy", &y);
		if (sq_filled(&st) && NUM("r", &w))
			sq_dot(g, st.m, x, y, w);
	} else if (tl == 4 && str_ncasecmp(tag, "path", 4) == 0 &&
	    (v = sq_attr(a, e, "d", &vl)) != NULL)
		sq_path(g, &st, v, vl);
#undef NUM
}

static int
dbl_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
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

/* The dots as the squares of their modules: each as wide as the least
 * distance between two columns (or rows) of dots, when the dots do not
 * touch (a code of dots with gaps between them), else as wide as the
 * dot. */
static void
dots_add(struct sq *g)
{
	static const double	 id[6] = { 1, 0, 0, 1, 0, 0 };
	double			*v, r = 0, px, py;
	size_t			 i;

	if (g->ndot < 49)
		return;
	v = xmalloc(g->ndot * sizeof(*v));
	/* The modules' radius is the median one: a logo's disc, a finder's
	 * ring, is not a module. */
	for (i = 0; i < g->ndot; i++)
		v[i] = g->dot[3 * i + 2];
	qsort(v, g->ndot, sizeof(*v), dbl_cmp);
	r = v[g->ndot / 2];
	for (i = 0; i < g->ndot; i++)
		v[i] = g->dot[3 * i];
	px = sq_pitch(v, g->ndot, r / 8);
	for (i = 0; i < g->ndot; i++)
		v[i] = g->dot[3 * i + 1];
	py = sq_pitch(v, g->ndot, r / 8);
	free(v);
	px = px >= 2 * r && px < 4 * r ? px / 2 : r;
	py = py >= 2 * r && py < 4 * r ? py / 2 : r;
	for (i = 0; i < g->ndot; i++) {
		const double *d = g->dot + 3 * i;

		if (fabs(d[2] - r) > r / 4)
			continue;
		sq_add(g, id, d[0] - px, d[1] - py, d[0] + px, d[1] + py);
	}
}

/* A tag of the picture: its local name, its attributes (without an
 * empty tag's '/') and what kind it is. */
struct sq_tag {
	const char	*name, *a, *ae;
	size_t		 nl;
	int		 kind;		/* 0 start, 1 empty, 2 end */
};

/* The next tag from p (comments passed over) in *tg, and where reading
 * goes on after it; NULL at the end. */
static const char *
sq_next(const char *p, const char *e, struct sq_tag *tg)
{
	while ((p = memchr(p, '<', (size_t)(e - p))) != NULL) {
		const char *t = ++p, *end;

		if (p + 3 <= e && memcmp(p, "!--", 3) == 0) {
			const char *c = memmem(p, (size_t)(e - p), "-->", 3);

			p = c != NULL ? c + 3 : e;
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

struct sq_def {
	const char	*id;
	size_t		 il;
	struct sq_tag	 tag;
	const char	*body;		/* after its start tag */
};

static const char *sq_run(struct sq *, const char *, const char *, int);

/* Every element with an id, for <use> (SQ_DEFS at most, the first of an
 * id found first). */
static void
sq_ids(struct sq *g, const char *p, const char *e)
{
	struct sq_tag	 tg;

	g->def = xcalloc(SQ_DEFS, sizeof(*g->def));
	while (g->ndef < SQ_DEFS && (p = sq_next(p, e, &tg)) != NULL) {
		struct sq_def	*d = &g->def[g->ndef];
		const char	*v;
		size_t		 vl;

		if (tg.kind == 2 ||
		    (v = sq_attr(tg.a, tg.ae, "id", &vl)) == NULL || vl == 0)
			continue;
		d->id = v;
		d->il = vl;
		d->tag = tg;
		d->body = p;
		g->ndef++;
	}
}

/*
 * <use href="#id" x y>: the element of that id drawn again, translated,
 * with the use's painting inherited (a symbol or a group's elements
 * read again from its start tag to its end).  A use in what is drawn so
 * nests four deep at most, SQ_USES uses in all, and a group's elements
 * are read again for SQ_REPLAY bytes at most: a picture of uses of uses
 * costs no more than that.
 */
static void
sq_use(struct sq *g, const struct sq_tag *tg)
{
	struct sq_style	 st = g->st[g->depth];
	const struct sq_def *d = NULL;
	const char	*v;
	size_t		 vl, i;
	double		 x = 0, y = 0, t[6] = { 1, 0, 0, 1, 0, 0 };
	int		 base;

	if (g->nest >= 4 || g->uses >= SQ_USES || st.hidden ||
	    g->depth + 3 >= SQ_DEPTH)
		return;
	if ((v = sq_attr(tg->a, tg->ae, "href", &vl)) == NULL &&
	    (v = sq_attr(tg->a, tg->ae, "xlink:href", &vl)) == NULL)
		return;
	if (vl < 2 || v[0] != '#')
		return;
	for (i = 0; i < g->ndef && d == NULL; i++)
		if (g->def[i].il == vl - 1 &&
		    memcmp(g->def[i].id, v + 1, vl - 1) == 0)
			d = &g->def[i];
	if (d == NULL)
		return;
	g->uses++;
	/* The use's own transform, painting and place. */
	if ((v = sq_attr(tg->a, tg->ae, "transform", &vl)) != NULL &&
	    !sq_transform(st.m, v, vl))
		return;
	sq_paint(g, &st, tg->name, tg->nl, tg->a, tg->ae);
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
	g->st[++g->depth] = st;
	g->nest++;
	if (sq_group(d->tag.name, d->tag.nl) < 0 || d->tag.kind == 1)
		sq_element(g, d->tag.name, d->tag.nl, d->tag.a, d->tag.ae, 1);
	else if (g->replayed < SQ_REPLAY) {
		const char *end;

		/* The group as if here: its own painting, then its elements
		 * to its end tag; shown though it is a symbol or in <defs>. */
		sq_element(g, d->tag.name, d->tag.nl, d->tag.a, d->tag.ae, 0);
		if (g->depth == base + 2) {
			g->st[g->depth].defs = 0;
			g->st[g->depth].clip = 0;
			end = sq_run(g, d->body, g->doc_end, base + 1);
			g->replayed += (size_t)((end != NULL ? end :
			    g->doc_end) - d->body);
		}
	}
	g->nest--;
	g->depth = base;
}

/*
 * The picture's tags from p: groups opened and closed, style sheets
 * read, shapes drawn.  With base at 0 or more (a group read again by a
 * use), reading stops at the end tag that closes the group down to
 * base; where reading stopped is returned (NULL at the end).
 */
static const char *
sq_run(struct sq *g, const char *p, const char *e, int base)
{
	struct sq_tag	 tg;

	while ((p = sq_next(p, e, &tg)) != NULL) {
		if (tg.kind == 2) {
			int ci = g->st[g->depth].clip;

			if (sq_group(tg.name, tg.nl) < 0)
				continue;
			if (g->over > 0)
				g->over--;
			else if (g->depth > 0) {
				/* A clip path's end. */
				if (ci != 0 && ci != g->st[g->depth - 1].clip) {
					g->clip[ci - 1].r1 = g->nr;
					g->clip[ci - 1].d1 = g->ndot;
				}
				g->depth--;
			}
			if (base >= 0 && g->depth <= base)
				return p;
			continue;
		}
		if (tg.nl == 5 && str_ncasecmp(tg.name, "style", 5) == 0 &&
		    tg.kind == 0) {
			/* A style sheet: its rules, to its end tag. */
			const char *c = memmem(p, (size_t)(e - p), "</", 2);

			while (c != NULL && (e - c < 7 ||
			    str_ncasecmp(c + 2, "style", 5) != 0))
				c = memmem(c + 2, (size_t)(e - c - 2), "</", 2);
			sq_css(g, p, c != NULL ? c : e);
			p = c != NULL ? c : e;
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

void
svg_paths_qr(struct detect_scan *s, const char *name, const char *p,
    size_t n)
{
	const char	*e = p + n;
	struct sq	*g;
	double		 lo[2] = { HUGE_VAL, HUGE_VAL }, hi[2] = { -HUGE_VAL,
			    -HUGE_VAL }, k;
	size_t		 i;

	if (!qr_room(s) || memmem(p, n, "<", 1) == NULL)
		return;
	g = xcalloc(1, sizeof(*g));
	g->doc_end = e;
	g->st[0].m[0] = g->st[0].m[3] = 1;
	g->st[0].fill = 0;		/* SVG's defaults: filled black, */
	g->st[0].stroke = 1;		/* a stroke of 1 but none drawn, */
	g->st[0].width = 1;
	g->st[0].fill_op = g->st[0].stroke_op = g->st[0].op = 1; /* opaque */
	if (memmem(p, n, "<use", 4) != NULL)
		sq_ids(g, p, e);
	sq_run(g, p, e, -1);
	sq_unclip(g);
	dots_add(g);
	/* Scaled to a known extent: the reader's buckets are in 64ths of
	 * a unit, and a picture's units may be anything. */
	for (i = 0; i < g->nr; i++) {
		lo[0] = fmin(lo[0], g->r[i].x0);
		lo[1] = fmin(lo[1], g->r[i].y0);
		hi[0] = fmax(hi[0], g->r[i].x1);
		hi[1] = fmax(hi[1], g->r[i].y1);
	}
	k = g->nr > 0 ? SQ_EXTENT / fmax(hi[0] - lo[0], hi[1] - lo[1]) : 0;
	if (g->nr > 0 && isfinite(k) && k > 0) {
		for (i = 0; i < g->nr; i++) {
			g->r[i].x0 = (g->r[i].x0 - lo[0]) * k;
			g->r[i].x1 = (g->r[i].x1 - lo[0]) * k;
			g->r[i].y0 = (g->r[i].y0 - lo[1]) * k;
			g->r[i].y1 = (g->r[i].y1 - lo[1]) * k;
		}
		qr_rects(s, arena_printf(&s->a, "%s > drawing", name), g->r,
		    g->nr);
	}
	free(g->r);
	free(g->dot);
	free(g->def);
	free(g);
}
