/*
 * svgqr: a QR code drawn in an SVG picture with vector shapes, which no
 * image scanner sees: a <rect> a module (qrencode's way), a <circle> a
 * module (the dots the 2025 kits draw so that scanners of QR shapes
 * miss them), a path of rectangles filled, or a path of horizontal and
 * vertical lines stroked (qrencode --svg-path's, segno's).  The
 * transforms of a shape and of its groups are followed (translate,
 * scale, matrix without rotation but quarter turns); fill and stroke are
 * inherited from the groups, as SVG does.  The dark shapes go, y turned
 * up, to pdfqr.c's reader of rectangles, which finds the module and the
 * grid and gives it to qr.c ("file.svg > drawing", attach.qr_code).
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

#define SQ_RECTS	40000	/* dark rectangles kept */
#define SQ_DEPTH	32	/* groups followed */
#define SQ_EXTENT	1000.0	/* the drawing scaled to this extent */

struct sq_style {
	double	 m[6];		/* the transform to the picture */
	int	 fill;		/* 1 dark, 0 light or none */
	int	 stroke;	/* 1 dark */
	int	 hidden;	/* in a group not followed */
	double	 width;		/* stroke width */
};

struct sq {
	struct sq_style	 st[SQ_DEPTH];
	int		 depth;
	size_t		 over;		/* groups open past the cap */
	struct qr_rect	*r;
	size_t		 nr;
	double		*dot;		/* dots: centre x, y and radius */
	size_t		 ndot;
};

/* Named colours lighter than mid-grey (and those of "white" or "light"
 * in their names): the rest, black, navy, red..., are ink. */
static const char *const sq_light[] = { "none", "transparent", "snow",
    "ivory", "beige", "linen", "honeydew", "azure", "mintcream",
    "seashell", "lavender", "lavenderblush", "cornsilk", "oldlace",
    "aliceblue", "lemonchiffon", "papayawhip", "mistyrose",
    "blanchedalmond", "bisque", "moccasin", "wheat", "yellow", "gold",
    "khaki", "pink", "silver", "gainsboro", "aquamarine", "aqua", "cyan",
    "palegreen", "palegoldenrod", "paleturquoise", "peachpuff",
    "thistle", "plum", "powderblue", "skyblue", "yellowgreen",
    "greenyellow", "lime", "chartreuse", "lawngreen", "tan", "navajowhite" };

/* A colour: 1 dark (its luminance under half), 0 light, transparent or
 * none: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb() and rgba() (in numbers or
 * percentages), the names; anything else (a gradient, a variable) ink. */
static int
sq_dark(const char *v, size_t n)
{
	double		 c[4] = { 0, 0, 0, 1 };
	char		 w[40];
	size_t		 i;

	while (n > 0 && isspace((unsigned char)*v))
		v++, n--;
	while (n > 0 && isspace((unsigned char)v[n - 1]))
		n--;
	if (n == 0 || n >= sizeof(w))
		return 1;
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
			return 0;
		for (i = 0; i < nitems(sq_light); i++)
			if (str_casecmp(w, sq_light[i]) == 0)
				return 0;
		return 1;
	}
	if (c[3] <= 0)
		return 0;
	return c[0] * 299 + c[1] * 587 + c[2] * 114 < 128000;
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

/*
 * A path's d: each subpath of four corners that is an upright rectangle,
 * when filled; each horizontal or vertical segment as a line of the
 * stroke's width, when stroked.  Curves and arcs end the reading.
 */
static void
sq_path(struct sq *g, const struct sq_style *st, const char *d, size_t n)
{
	const char	*e = d + n;
	double		 x = 0, y = 0, sx = 0, sy = 0, px[5], py[5];
	int		 np = 0, cmd = 0;
	double		 hw = st->width / 2;

	while (d < e) {
		double	 a, b, nx, ny;

		while (d < e && (isspace((unsigned char)*d) || *d == ','))
			d++;
		if (d >= e)
			break;
		if (isalpha((unsigned char)*d)) {
			cmd = *d++;
			if (cmd == 'Z' || cmd == 'z') {
				if (st->fill && np == 4 && ((px[0] == px[1] &&
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
		} else if (st->stroke && st->width > 0) {
			if (ny == y && nx != x)
				sq_add(g, st->m, fmin(x, nx), y - hw,
				    fmax(x, nx), y + hw);
			else if (nx == x && ny != y)
				sq_add(g, st->m, x - hw, fmin(y, ny),
				    x + hw, fmax(y, ny));
		}
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

/* One element: a group opened (its style pushed), or a shape drawn. */
static void
sq_element(struct sq *g, const char *tag, size_t tl, const char *a,
    const char *e, int closed)
{
	struct sq_style	 st = g->st[g->depth];
	const char	*v, *sv;
	size_t		 vl, sl = 0, pl;
	double		 x = 0, y = 0, w = 0, h = 0;
	int		 group = tl == 1 && (tag[0] == 'g' || tag[0] == 'G');

	if (st.hidden || ((v = sq_attr(a, e, "transform", &vl)) != NULL &&
	    !sq_transform(st.m, v, vl))) {
		/* Its group draws nothing either, and is still closed. */
		st.hidden = 1;
		if (group && !closed) {
			if (g->depth + 1 < SQ_DEPTH)
				g->st[++g->depth] = st;
			else
				g->over++;
		}
		return;
	}
	sv = sq_attr(a, e, "style", &sl);
	if ((v = sq_attr(a, e, "fill", &vl)) != NULL)
		st.fill = sq_dark(v, vl);
	if (sv != NULL && (v = sq_prop(sv, sl, "fill", &pl)) != NULL)
		st.fill = sq_dark(v, pl);
	if ((v = sq_attr(a, e, "stroke", &vl)) != NULL)
		st.stroke = sq_dark(v, vl);
	if (sv != NULL && (v = sq_prop(sv, sl, "stroke", &pl)) != NULL)
		st.stroke = sq_dark(v, pl);
	if ((v = sq_attr(a, e, "stroke-width", &vl)) != NULL)
		(void)sq_num(&v, v + vl, &st.width);
	if (sv != NULL && (v = sq_prop(sv, sl, "stroke-width", &pl)) != NULL)
		(void)sq_num(&v, v + pl, &st.width);
	if (group) {
		if (!closed && g->depth + 1 < SQ_DEPTH)
			g->st[++g->depth] = st;
		else if (!closed)
			g->over++;
		return;
	}
#define NUM(k, out) ((v = sq_attr(a, e, k, &vl)) != NULL && \
	sq_num(&v, v + vl, out))
	if (tl == 4 && str_ncasecmp(tag, "rect", 4) == 0) {
		(void)NUM("x", &x);
		(void)NUM("y", &y);
		if (st.fill && NUM("width", &w) && NUM("height", &h) &&
		    w > 0 && h > 0)
			sq_add(g, st.m, x, y, x + w, y + h);
	} else if (tl == 6 && str_ncasecmp(tag, "circle", 6) == 0) {
		(void)NUM("cx", &x);
		(void)NUM("cy", &y);
		/* A dot stands for its module; the modules' pitch is known
		 * once every dot is (dots_add()). */
		if (st.fill && NUM("r", &w) && w > 0 && g->ndot < SQ_RECTS &&
		    ((fabs(st.m[1]) < 1e-9 && fabs(st.m[2]) < 1e-9) ||
		    (fabs(st.m[0]) < 1e-9 && fabs(st.m[3]) < 1e-9))) {
			double *d;

			if (g->dot == NULL)
				g->dot = xmalloc(SQ_RECTS * 3 * sizeof(*g->dot));
			d = g->dot + 3 * g->ndot++;
			d[0] = st.m[0] * x + st.m[2] * y + st.m[4];
			d[1] = st.m[1] * x + st.m[3] * y + st.m[5];
			d[2] = w * fmax(fabs(st.m[0]) + fabs(st.m[2]),
			    fabs(st.m[1]) + fabs(st.m[3]));
			/* qsort() wants no NaN (dbl_cmp is not an order then). */
			if (!isfinite(d[0]) || !isfinite(d[1]) || !isfinite(d[2]))
				g->ndot--;
		}
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
	g->st[0].m[0] = g->st[0].m[3] = 1;
	g->st[0].fill = 1;		/* SVG's defaults: filled black, */
	g->st[0].width = 1;		/* a stroke of 1 but none drawn */
	while ((p = memchr(p, '<', (size_t)(e - p))) != NULL) {
		const char *t = ++p, *end;
		int closed;

		if (p < e && *p == '/') {
			const char *c = p + 1;

			while (c < e && isalnum((unsigned char)*c))
				c++;
			if (c < e && *c == ':')
				p = c;
			if (p + 1 < e && (p[1] == 'g' || p[1] == 'G') &&
			    p + 2 < e && !isalnum((unsigned char)p[2])) {
				if (g->over > 0)
					g->over--;
				else if (g->depth > 0)
					g->depth--;
			}
			continue;
		}
		if (p + 3 <= e && memcmp(p, "!--", 3) == 0) {
			const char *c = memmem(p, (size_t)(e - p), "-->", 3);

			p = c != NULL ? c + 3 : e;
			continue;
		}
		while (p < e && isalnum((unsigned char)*p))
			p++;
		/* A prefixed name, svg:rect (python-qrcode's): the local name. */
		if (p > t && p < e && *p == ':') {
			for (t = ++p; p < e && isalnum((unsigned char)*p); p++)
				;
		}
		if (p == t)
			continue;
		/* The tag's end, quoted values passed over. */
		for (end = p; end < e && *end != '>'; end++)
			if (*end == '"' || *end == '\'') {
				const char *q = memchr(end + 1, *end,
				    (size_t)(e - end - 1));

				if (q == NULL)
					break;
				end = q;
			}
		if (end >= e)
			break;
		closed = end > p && end[-1] == '/';
		sq_element(g, t, (size_t)(p - t), p, end - closed, closed);
		p = end + 1;
	}
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
	free(g);
}
