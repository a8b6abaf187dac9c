/*
 * qr: QR codes in images.  picture.c decodes a PNG, JPEG, GIF, WebP or
 * BMP picture to grey (its size checked, and counted against the
 * message's budget, before any pixel is allocated; a PDF's images are
 * decoded by attach.c and come here as grey), zbar finds QR codes, dark
 * on light or light on dark,
 * and a code that holds a URL adds it to the message's links with the
 * finding "attach.qr_code".  Few images per message, none tiny (icons,
 * tracking pixels) and none huge.  A picture in two tones that holds no
 * code is kept as a piece: two pieces that make a square when put one
 * against the other are read together (a code cut in two, "attach.qr_split").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zbar.h>

#include "internal.h"
#include "util.h"

#define QR_IMAGES_MAX	6
#define QR_MIN_SIDE	60
#define QR_MAX_PIXELS	(12u << 20)
#define QR_PIECE_SIDE	24		/* a piece's shorter side at least */
#define QR_PIECE_PIXELS	(1u << 20)	/* and its pixels at most */
#define QR_SMALL_MAX	16	/* pictures under QR_MIN_SIDE decoded */
#define QR_SPLIT_TRIES	16	/* pairs of pieces read together */
#define QR_DECODE_MAX	(48u << 20)	/* pixels decoded a message */
#define QR_INNER_CELLS	(4u << 20)	/* cells searched, a message */
#define QR_INNER_READS	8		/* squares read, a message */
#define QR_FRAMES	6	/* later frames of an animation read */
#define QR_FRAMES_MAX	16	/* and of a message's animations */

/* How zbar reads a picture (qr_grey_rule()). */
enum { QG_INVERTED = 1, QG_OWN = 2 };	/* QG_OWN: on a budget of its own */

struct seam;
static int	 qr_grey_rule(struct detect_scan *, const char *,
		    unsigned char *, unsigned, unsigned, enum rule_id,
		    const char *, const char *, const struct seam *, int);

void *
qr_new(void)
{
	zbar_image_scanner_t	*z = zbar_image_scanner_create();

	if (z == NULL)
		return NULL;
	zbar_image_scanner_set_config(z, 0, ZBAR_CFG_ENABLE, 0);
	zbar_image_scanner_set_config(z, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
	return z;
}

void
qr_free(void *z)
{
	if (z != NULL)
		zbar_image_scanner_destroy(z);
}

/*
 * Is a picture w by h decoded: of a code's size (max pixels at most, or
 * four times as many for a photo scaled down while decoded) while the
 * message's pictures have not used QR_DECODE_MAX pixels (a decoded
 * picture stays in the arena to the message's end, whether it held a
 * code, was broken or failed half-way), or of a piece's while pieces
 * may be kept (QR_SMALL_MAX a message)?
 */
int
qr_fits(struct detect_scan *s, size_t w, size_t h, int scaled)
{
	if (w >= QR_MIN_SIDE && h >= QR_MIN_SIDE) {
		size_t px = w * h;

		if (px > (scaled ? 4 * (size_t)QR_MAX_PIXELS : QR_MAX_PIXELS))
			return 0;
		if (scaled && px > QR_SCALED_PIXELS)
			px = QR_SCALED_PIXELS;
		if (px > QR_DECODE_MAX - s->qr_decoded)
			return 0;
		s->qr_decoded += px;
		return 1;
	}
	if (w < QR_PIECE_SIDE || h < QR_PIECE_SIDE || w * h >
	    QR_PIECE_PIXELS || s->qr_pieces >= QR_PIECES_MAX ||
	    s->qr_small >= QR_SMALL_MAX)
		return 0;
	s->qr_small++;
	return 1;
}

/* How many of n pixels are dark (under 64) and light (over 191). */
static void
tones(const unsigned char *g, size_t n, size_t *dark, size_t *light)
{
	size_t	 i;

	*dark = *light = 0;
	for (i = 0; i < n; i++) {
		*dark += g[i] < 64;
		*light += g[i] > 191;
	}
}

/* A picture that may be a piece of a code: drawn in two tones (nine
 * tenths of its pixels dark or light, a tenth at least of each). */
static void
piece_keep(struct detect_scan *s, const char *name, const unsigned char *g,
    unsigned w, unsigned h)
{
	size_t		 n = (size_t)w * h, dark, light;
	struct qr_piece	*q;

	if (s->qr_pieces >= QR_PIECES_MAX || n > QR_PIECE_PIXELS)
		return;
	tones(g, n, &dark, &light);
	if ((dark + light) * 10 < n * 9 || dark * 10 < n || light * 10 < n)
		return;
	q = &s->qr_piece[s->qr_pieces++];
	q->name = name;
	q->grey = g;
	q->w = w;
	q->h = h;
}

/*
 * A picture: read as a mail reader shows it, what is transparent white;
 * a transparent picture that so holds no code is read again on black,
 * as a page with a dark background shows it: light modules drawn on
 * nothing (with a dark frame or not).
 */
void
qr_scan(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n)
{
	unsigned char		*grey, *dark;
	unsigned		 w = 0, h = 0, dw = 0, dh = 0;
	int			 alpha, found = 0;

	if (s->zbar == NULL || s->qr_images >= QR_IMAGES_MAX || n < 100)
		return;
	if ((grey = picture_grey(s, p, n, 255, &w, &h, &alpha)) == NULL)
		return;
	if (qr_wants(s, w, h)) {
		found = qr_scan_grey(s, name, grey, w, h);
		if (found == 0 && alpha && qr_wants(s, w, h) &&
		    (dark = picture_grey(s, p, n, 0, &dw, &dh, &alpha)) != NULL)
			found = qr_scan_grey(s, name, dark, dw, dh);
	}
	/* An animation's later frames: a code shown after a blank or
	 * harmless first frame. */
	if (found == 0 && qr_wants(s, w, h) && s->qr_frames < QR_FRAMES_MAX) {
		unsigned char	*fr[QR_FRAMES];
		int		 at[QR_FRAMES];
		int		 i, nf = picture_frames(s, p, n, 255, fr, at,
				    QR_FRAMES_MAX - s->qr_frames < QR_FRAMES ?
				    QR_FRAMES_MAX - s->qr_frames : QR_FRAMES,
				    &dw, &dh);

		for (i = 0; i < nf && found == 0; i++, s->qr_frames++)
			found = qr_grey_rule(s, arena_printf(&s->a,
			    "%s (frame %d)", name, at[i]), fr[i], dw, dh,
			    R_QR_URL, NULL, NULL, NULL, QG_INVERTED | QG_OWN);
	}
	if (found == 0 && qr_room(s))
		piece_keep(s, name, grey, w, h);
}

int
qr_inner_room(struct detect_scan *s, size_t n)
{
	if (n > QR_INNER_CELLS - s->qr_inner_cells)
		return 0;
	s->qr_inner_cells += n;
	return 1;
}

/* May another picture of the message be read? */
int
qr_room(const struct detect_scan *s)
{
	return s->zbar != NULL && s->qr_images < QR_IMAGES_MAX;
}

int
qr_wants(const struct detect_scan *s, unsigned w, unsigned h)
{
	return s->zbar != NULL && s->qr_images < QR_IMAGES_MAX &&
	    w >= QR_MIN_SIDE && h >= QR_MIN_SIDE &&
	    (size_t)w * h <= QR_MAX_PIXELS;
}

/* Two pieces put together: where they meet (a column when beside, else
 * a row), and each one's name. */
struct seam {
	unsigned	 at;
	int		 beside;
	const char	*name[2];
};

/*
 * May a picture hold a code drawn light on dark?  Most of it dark (a
 * code's dark ground and dark modules), or most of its edges dark (the
 * code's quiet zone) and most of it in two tones, as a code is: logos
 * and banners on white, most pictures of mail, are not read again
 * inverted.  A frame of another colour, or a banner of greys beside the
 * code, leaves the picture mostly dark.
 */
static int
light_on_dark(const unsigned char *g, unsigned w, unsigned h)
{
	size_t	 i, dark = 0, light, n = 2 * (size_t)w + 2 * (size_t)h, sum = 0;

	for (i = 0; i < (size_t)w * h; i++)
		sum += g[i];
	if (sum < (size_t)w * h * 128)
		return 1;
	for (i = 0; i < w; i++)
		dark += (g[i] < 128) + (g[(size_t)(h - 1) * w + i] < 128);
	for (i = 0; i < h; i++)
		dark += (g[i * w] < 128) + (g[i * w + w - 1] < 128);
	if (dark * 2 <= n)
		return 0;
	n = (size_t)w * h;
	tones(g, n, &dark, &light);
	return (dark + light) * 5 >= n * 4 && light * 10 >= n;
}

/* zbar over one byte per pixel, w by h; each code a finding of the
 * rule.  Two pieces put together (sm) have their own budget, and a code
 * that does not cross their seam lies whole in one of them: an
 * attach.qr_code of that picture.  A picture (inverted set) whose edges
 * are dark is read light on dark too when it holds nothing dark on light
 * (zbar inverts it); a drawn grid's polarity is known already.  How many
 * codes were read. */
static int
qr_grey_rule(struct detect_scan *s, const char *name, unsigned char *grey,
    unsigned w, unsigned h, enum rule_id rule, const char *how,
    const char *how_ja, const struct seam *sm, int flags)
{
	zbar_image_t		*img;
	const zbar_symbol_t	*sym;
	int			 found = 0;

	/* Pictures, not pieces (their own budget) nor an animation's
	 * frames or the squares found inside a drawing (theirs, so that
	 * a banner's frames or a decoy's finders leave the mail's other
	 * pictures their turn). */
	if (sm == NULL && !(flags & QG_OWN)) {
		if (!qr_wants(s, w, h))
			return 0;
		s->qr_images++;
	}
	zbar_image_scanner_set_config(s->zbar, 0, ZBAR_CFG_TEST_INVERTED,
	    (flags & QG_INVERTED) && light_on_dark(grey, w, h));
	img = zbar_image_create();
	zbar_image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
	zbar_image_set_size(img, w, h);
	zbar_image_set_data(img, grey, (unsigned long)w * h, NULL);
	if (zbar_scan_image(s->zbar, img) > 0) {
		for (sym = zbar_image_first_symbol(img); sym != NULL;
		    sym = zbar_symbol_next(sym)) {
			const char *d = zbar_symbol_get_data(sym);
			unsigned dl = zbar_symbol_get_data_length(sym);
			struct durl *u;
			struct fargs fa = { .name = name, .detail = how,
			    .detail_ja = how_ja };
			enum rule_id r = rule;

			if (d == NULL || dl == 0)
				continue;
			found++;
			if (sm != NULL) {
				unsigned i, n = zbar_symbol_get_loc_size(sym);
				int lo = 0, hi = 0;

				for (i = 0; i < n; i++) {
					int v = sm->beside ?
					    zbar_symbol_get_loc_x(sym, i) :
					    zbar_symbol_get_loc_y(sym, i);

					if (v < (int)sm->at)
						lo = 1;
					else
						hi = 1;
				}
				if (!(lo && hi)) {
					r = R_QR_URL;
					fa.name = sm->name[hi];
					fa.detail = fa.detail_ja = NULL;
				}
			}
			u = url_add(s, d, dl, UO_QR, NULL, fa.name);
			fa.url = u != NULL ? u->url : NULL;
			if (u != NULL && u->host != NULL)
				finding_add(s, r, &fa);
		}
	}
	zbar_image_destroy(img);
	return found;
}

/* What a PDF's image decodes to. */
int
qr_scan_grey(struct detect_scan *s, const char *name, unsigned char *grey,
    unsigned w, unsigned h)
{
	return qr_grey_rule(s, name, grey, w, h, R_QR_URL, NULL, NULL, NULL,
	    QG_INVERTED);
}

/*
 * A QR code cut into two pictures that the mail shows one above the
 * other or side by side (the "split QR code" of phishing kits): two
 * pieces of the same width (or height) that together make a square, in
 * both orders, neighbours in the mail first, QR_SPLIT_TRIES pairs at
 * most; a piece whose pair gave a code is not tried again.
 */
static int
split_try(struct detect_scan *s, const struct qr_piece *a,
    const struct qr_piece *b, int beside)
{
	struct seam	 sm = { .beside = beside, .name = { a->name,
			    b->name } };
	unsigned	 w, h, y;
	unsigned char	*g;

	if (beside ? a->h != b->h : a->w != b->w)
		return 0;
	w = beside ? a->w + b->w : a->w;
	h = beside ? a->h : a->h + b->h;
	if ((size_t)w * 4 > (size_t)h * 5 || (size_t)h * 4 > (size_t)w * 5 ||
	    w < QR_MIN_SIDE || h < QR_MIN_SIDE || s->qr_tries >= QR_SPLIT_TRIES)
		return 0;
	s->qr_tries++;
	sm.at = beside ? a->w : a->h;
	g = arena_alloc(&s->a, (size_t)w * h);
	if (beside)
		for (y = 0; y < h; y++) {
			memcpy(g + (size_t)y * w, a->grey + (size_t)y * a->w,
			    a->w);
			memcpy(g + (size_t)y * w + a->w,
			    b->grey + (size_t)y * b->w, b->w);
		}
	else {
		memcpy(g, a->grey, (size_t)a->w * a->h);
		memcpy(g + (size_t)a->w * a->h, b->grey, (size_t)b->w * b->h);
	}
	return qr_grey_rule(s, arena_printf(&s->a, "%s + %s", a->name,
	    b->name), g, w, h, R_QR_SPLIT, arena_printf(&s->a,
	    "\"%s\" and \"%s\"", a->name, b->name), arena_printf(&s->a,
	    "「%s」と「%s」", ja_labels(s, a->name), ja_labels(s, b->name)),
	    &sm, 1);
}

void
qr_split(struct detect_scan *s)
{
	int	 d, i, k, used[QR_PIECES_MAX] = { 0 };

	if (s->zbar == NULL)
		return;
	for (d = 1; d < s->qr_pieces; d++)
		for (i = 0; i + d < s->qr_pieces; i++)
			for (k = 0; k < 2; k++) {
				const struct qr_piece *a, *b;

				if (used[i] || used[i + d])
					break;
				a = &s->qr_piece[k ? i + d : i];
				b = &s->qr_piece[k ? i : i + d];
				if (split_try(s, a, b, 0) > 0 ||
				    split_try(s, a, b, 1) > 0)
					used[i] = used[i + d] = 1;
			}
}

/*
 * A QR code drawn in the text: modules (one byte each, non-zero dark,
 * rows stride bytes apart), w by h, drawn QRT_SCALE pixels to the
 * module inside a light margin and given to zbar, in the polarity (dark
 * as drawn, or inverted: a code drawn light on dark) whose dark modules
 * have the three finder squares at their corners, each module k cells
 * wide.  A grid without them (a table of figures, stripes) costs no
 * picture of the message's budget.  How many codes were read.
 */
#define QRT_SCALE	4
#define QRT_MARGIN	4

static int
mod_at(const unsigned char *mod, size_t stride, int x, int y, int inv)
{
	return (mod[(size_t)y * stride + (size_t)x] != 0) ^ inv;
}

/* Is the module at (i, j) of a finder square (7 by 7: a ring, a light
 * ring, a 3 by 3 core) dark? */
static int
finder_dark(int i, int j)
{
	return i == 0 || i == 6 || j == 0 || j == 6 || (i >= 2 && i <= 4 &&
	    j >= 2 && j <= 4);
}

/* Is the square with its top left at x, y (each module k by k) a
 * finder's, all but FINDER_WRONG of its 49 modules? */
#define FINDER_WRONG	4

static int
finder_fit(const unsigned char *mod, size_t stride, int x, int y, int k,
    int inv)
{
	int	 i, j, wrong = 0;

	for (i = 0; i < 7; i++)
		for (j = 0; j < 7; j++)
			if (mod_at(mod, stride, x + j * k + k / 2,
			    y + i * k + k / 2, inv) != finder_dark(i, j) &&
			    ++wrong > FINDER_WRONG)
				return 0;
	return 1;
}

/* Where the finders are: the dark modules' bounds, the module's width k
 * in cells, and which corners (top left, top right, bottom left, bottom
 * right) hold one. */
struct finders {
	int	 x0, y0, x1, y1, k;
	int	 at[4];
};

/* The finder square of corner c: its top left. */
static void
finder_origin(const struct finders *f, int c, int *x, int *y)
{
	*x = c % 2 ? f->x1 + 1 - 7 * f->k : f->x0;
	*y = c < 2 ? f->y0 : f->y1 + 1 - 7 * f->k;
}

/*
 * The three finder squares at three corners of the dark modules' bounds
 * (any three: a code may be drawn turned), their module k cells wide:
 * each as a finder is, or all but FINDER_WRONG of its modules (a corner
 * or two painted over or left out, which a phone's scanner reads past
 * and zbar does not: finder_repair() draws them whole).  The module's
 * width is that of a finder's edge, seven modules long, along the top
 * or bottom row from a corner, or a cell.
 */
static int
has_finders(const unsigned char *mod, size_t stride, int w, int h, int inv,
    struct finders *f)
{
	int	 x, y, run, k, c, n, t, fx, fy;

	f->x0 = w, f->y0 = h, f->x1 = f->y1 = -1;
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++)
			if (mod_at(mod, stride, x, y, inv)) {
				f->x0 = x < f->x0 ? x : f->x0;
				f->x1 = x > f->x1 ? x : f->x1;
				f->y0 = y < f->y0 ? y : f->y0;
				f->y1 = y > f->y1 ? y : f->y1;
			}
	if (f->x1 < 0)
		return 0;
	for (t = 0; t < 5; t++) {
		if (t < 4) {
			int ry = t < 2 ? f->y0 : f->y1, right = t % 2;

			for (run = 0; f->x0 + run <= f->x1 && mod_at(mod,
			    stride, right ? f->x1 - run : f->x0 + run, ry,
			    inv); run++)
				;
			if (run < 7 || run % 7 != 0)
				continue;
			k = run / 7;
		} else
			k = 1;
		if (f->x1 - f->x0 + 1 < 21 * k || f->y1 - f->y0 + 1 < 21 * k)
			continue;
		f->k = k;
		for (c = n = 0; c < 4; c++) {
			finder_origin(f, c, &fx, &fy);
			f->at[c] = finder_fit(mod, stride, fx, fy, k, inv);
			n += f->at[c];
		}
		if (n == 4)	/* which three is not known: none drawn */
			f->at[0] = f->at[1] = f->at[2] = f->at[3] = 0;
		if (n >= 3)
			return 1;
	}
	return 0;
}

/* The module at (x, y) as drawn, or, within a finder square found and
 * the light separator round it inside the code, as a finder's is. */
static int
finder_repair(const unsigned char *mod, size_t stride, int x, int y,
    int inv, const struct finders *f)
{
	int	 c, fx, fy, k = f->k;

	for (c = 0; c < 4; c++) {
		int i, j;

		if (!f->at[c])
			continue;
		finder_origin(f, c, &fx, &fy);
		/* The separator: a module's width inward of the square. */
		if (x < (c % 2 ? fx - k : fx) || x >= (c % 2 ? fx + 7 * k :
		    fx + 8 * k) || y < (c < 2 ? fy : fy - k) ||
		    y >= (c < 2 ? fy + 8 * k : fy + 7 * k))
			continue;
		j = (x - fx) / k - (x < fx);
		i = (y - fy) / k - (y < fy);
		return i >= 0 && i < 7 && j >= 0 && j < 7 && finder_dark(i, j);
	}
	return mod_at(mod, stride, x, y, inv);
}

/*
 * A code inside a larger drawing (modules of decoration round it, as
 * qr-code-styling's round shape fills its circle, touching the code's
 * margin): the finder squares anywhere in the grid (no more than
 * FINDER_WRONG modules wrong, FINDER_SEEN of them), three of them
 * making a right angle with arms of a code's length (4v + 10 modules),
 * and the square they mark read as a grid of its own.  One module a
 * cell, as the grids of drawings and tables are.
 */
#define FINDER_SEEN	64

/* Is the square at (x, y), side wide, not among the n in seen (then
 * added to them)? */
static int
square_new(int (*seen)[3], int *n, int x, int y, int side)
{
	int	 i;

	for (i = 0; i < *n; i++)
		if (seen[i][0] == x && seen[i][1] == y && seen[i][2] == side)
			return 0;
	seen[*n][0] = x;
	seen[*n][1] = y;
	seen[(*n)++][2] = side;
	return 1;
}

/* The square of the grid at (x0, y0), side wide, in the polarity inv,
 * as a grid of its own. */
static unsigned char *
grid_crop(struct detect_scan *s, const unsigned char *mod, size_t stride,
    int x0, int y0, int side, int inv)
{
	unsigned char	*sub = arena_alloc(&s->a, (size_t)side * (size_t)side);
	int		 x, y;

	for (y = 0; y < side; y++)
		for (x = 0; x < side; x++)
			sub[(size_t)y * side + x] = (unsigned char)mod_at(mod,
			    stride, x0 + x, y0 + y, inv);
	return sub;
}

static int	 qr_grid(struct detect_scan *, const char *,
		    const unsigned char *, size_t, int, int, enum rule_id,
		    const char *, const char *, int);

static int
qr_inner(struct detect_scan *s, const char *name, const unsigned char *mod,
    size_t stride, int w, int h, enum rule_id rule, const char *how,
    const char *how_ja)
{
	int	 fx[FINDER_SEEN], fy[FINDER_SEEN], n = 0, i, j, k, x, y, inv;
	int	 found = 0, seen[QR_INNER_READS][3], nseen = 0;

	for (inv = 0; inv < 2 && found == 0; inv++) {
		/* Cells looked at, a message. */
		if (!qr_inner_room(s, (size_t)w * (size_t)h))
			break;
		n = 0;
		for (y = 0; y + 7 <= h && n < FINDER_SEEN; y++)
			for (x = 0; x + 7 <= w && n < FINDER_SEEN; x++)
				if (finder_fit(mod, stride, x, y, 1, inv))
					fx[n] = x, fy[n++] = y;
		for (i = 0; i < n && found == 0 && s->qr_inner_reads <
		    QR_INNER_READS; i++)
			for (j = 0; j < n && found == 0; j++) {
				int d = fx[j] - fx[i];

				/* i and j a row apart by a code's arm; k
				 * below or above either. */
				if (fy[j] != fy[i] || d < 14 || (d - 14) % 4 ||
				    d > 170)
					continue;
				for (k = 0; k < n && found == 0; k++) {
					int x0 = fx[i], y0, side = d + 7;
					unsigned char *sub;

					if ((fx[k] != fx[i] && fx[k] != fx[j]) ||
					    (fy[k] != fy[i] + d &&
					    fy[k] != fy[i] - d))
						continue;
					y0 = fy[k] < fy[i] ? fy[k] : fy[i];
					if (side >= w && side >= h)
						continue;	/* the whole */
					/* Each square once (a square of
					 * four finders is four triples). */
					if (s->qr_inner_reads >=
					    QR_INNER_READS || !square_new(seen,
					    &nseen, x0, y0, side))
						continue;
					s->qr_inner_reads++;
					sub = grid_crop(s, mod, stride, x0, y0,
					    side, inv);
					found = qr_grid(s, name, sub,
					    (size_t)side, side, side, rule, how,
					    how_ja, 1);
				}
			}
	}
	return found;
}

/*
 * A grid of modules (one byte a cell, dark when not 0) read by zbar,
 * drawn with a margin and scaled, in the polarity whose finders are at
 * its corners (repaired); or, with none there, the code inside it
 * (qr_inner()).  A square found inside (inner) is read on a budget of
 * its own, not the message's pictures.
 */
static int
qr_grid(struct detect_scan *s, const char *name, const unsigned char *mod,
    size_t stride, int w, int h, enum rule_id rule, const char *how,
    const char *how_ja, int inner)
{
	unsigned	 gw, gh, x, y;
	unsigned char	*g = NULL;
	int		 inv, found = 0, tried = 0;

	if (w < 21 || h < 21 || s->zbar == NULL || (!inner && !qr_room(s)))
		return 0;
	gw = (unsigned)(w + 2 * QRT_MARGIN) * QRT_SCALE;
	gh = (unsigned)(h + 2 * QRT_MARGIN) * QRT_SCALE;
	if (inner ? (size_t)gw * gh > QR_MAX_PIXELS : !qr_wants(s, gw, gh))
		return 0;
	for (inv = 0; inv < 2 && found == 0 && (inner || qr_room(s)); inv++) {
		struct finders	 f;

		if (!has_finders(mod, stride, w, h, inv, &f))
			continue;
		if (g == NULL)
			g = arena_alloc(&s->a, (size_t)gw * gh);
		for (y = 0; y < gh; y++)
			for (x = 0; x < gw; x++) {
				int my = (int)(y / QRT_SCALE) - QRT_MARGIN;
				int mx = (int)(x / QRT_SCALE) - QRT_MARGIN;
				int dark = my >= 0 && mx >= 0 && my < h &&
				    mx < w && finder_repair(mod, stride, mx, my,
				    inv, &f);

				g[(size_t)y * gw + x] = dark ? 0 : 255;
			}
		found = qr_grey_rule(s, name, g, gw, gh, rule, how, how_ja,
		    NULL, inner ? QG_OWN : 0);
		tried = 1;
	}
	/* No finders at the corners: a code inside decoration? */
	if (!inner && !tried && found == 0 && (w > 21 || h > 21))
		found = qr_inner(s, name, mod, stride, w, h, rule, how,
		    how_ja);
	return found;
}

int
qr_modules(struct detect_scan *s, const char *name, const unsigned char *mod,
    size_t stride, int w, int h, enum rule_id rule, const char *how,
    const char *how_ja)
{
	return qr_grid(s, name, mod, stride, w, h, rule, how, how_ja, 0);
}

/*
 * A QR code drawn with block characters in a plain text ("█", "▀", "▄"
 * and spaces, as qrencode -t UTF8 prints it), which no image scanner
 * sees: ten lines or more of them, each character one module wide and
 * two tall, dark as the blocks (or, failing that, as the spaces).
 */
#define QRT_LINES	100
#define QRT_COLS	200

static int
block_char(const char *p, size_t n, int *top, int *bot, size_t *len)
{
	*len = 1;
	if (*p == ' ') {
		*top = *bot = 0;
		return 1;
	}
	if (n >= 2 && (unsigned char)p[0] == 0xc2 &&
	    (unsigned char)p[1] == 0xa0) {
		*len = 2;
		*top = *bot = 0;
		return 1;
	}
	if (n < 3 || (unsigned char)p[0] != 0xe2 ||
	    (unsigned char)p[1] != 0x96)
		return 0;
	*len = 3;
	switch ((unsigned char)p[2]) {
	case 0x80:	/* ▀ */
		*top = 1, *bot = 0;
		return 1;
	case 0x84:	/* ▄ */
		*top = 0, *bot = 1;
		return 1;
	case 0x88:	/* █ */
		*top = *bot = 1;
		return 1;
	default:
		return 0;
	}
}

/* The line [p, e) in modules (two rows of cols), or -1 if it is not one
 * of blocks (five blocks at least). */
static int
block_line(const char *p, const char *e, unsigned char *r0,
    unsigned char *r1)
{
	int	 cols = 0, blocks = 0, t, b;
	size_t	 l;

	while (e > p && (e[-1] == '\r' || e[-1] == ' '))
		e--;
	for (; p < e; p += l) {
		if (!block_char(p, (size_t)(e - p), &t, &b, &l) ||
		    cols >= QRT_COLS)
			return -1;
		r0[cols] = (unsigned char)t;
		r1[cols] = (unsigned char)b;
		blocks += t | b;
		cols++;
	}
	return blocks >= 5 ? cols : -1;
}

void
qr_text(struct detect_scan *s, const char *t, size_t n)
{
	const char	*p = t, *e = t + n, *nl;
	unsigned char	*mod = NULL;
	int		 lines = 0, w = 0, c;

	if (!qr_room(s) || memmem(t, n, "\xe2\x96", 2) == NULL)
		return;
	for (; p <= e && qr_room(s); p = nl + 1) {
		unsigned char r0[QRT_COLS], r1[QRT_COLS];

		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		c = lines < QRT_LINES ? block_line(p, nl, r0, r1) : -1;
		if (c > 0) {
			if (mod == NULL)
				mod = arena_zalloc(&s->a, (size_t)QRT_LINES * 2 *
				    QRT_COLS);
			memcpy(mod + (size_t)lines * 2 * QRT_COLS, r0, (size_t)c);
			memcpy(mod + ((size_t)lines * 2 + 1) * QRT_COLS, r1,
			    (size_t)c);
			if (c > w)
				w = c;
			lines++;
		}
		if (c > 0 && nl < e)
			continue;
		/* The end of a run of block lines: is it a code? */
		if (lines > 0)
			qr_modules(s, NULL, mod, QRT_COLS, w, lines * 2,
			    R_QR_TEXT, "block characters", "ブロック文字");
		if (mod != NULL)
			memset(mod, 0, (size_t)QRT_LINES * 2 * QRT_COLS);
		lines = w = 0;
		if (nl >= e)
			break;
	}
}
