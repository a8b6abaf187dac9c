/*
 * picture: a picture's pixels as grey, one byte each, for qr.c.
 * libpng, libjpeg, giflib and libwebp decode PNG, JPEG, GIF and WebP;
 * an uncompressed BMP is read here.  The size is read from the header
 * and checked (qr_fits()) before a pixel is allocated, all from the
 * message's arena.  What is
 * transparent is drawn on the background asked for (white as a mail
 * reader shows it, black as on a dark page); *alpha says whether the
 * picture had transparency, so the caller may ask for the other one.
 * Large photos are scaled down while decoding (JPEG and WebP).
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gif_lib.h>
#include <jpeglib.h>
#include <png.h>
#include <webp/decode.h>

#include "internal.h"
#include "util.h"

#define PIC_SIDE_MAX		16384		/* GIF and BMP sides */

static unsigned char *
pic_png(struct detect_scan *s, const unsigned char *p, size_t n, int bg,
    unsigned *w, unsigned *h, int *alpha)
{
	png_image	 im;
	png_color	 back;
	unsigned char	*buf;

	memset(&im, 0, sizeof(im));
	im.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&im, p, n))
		return NULL;
	if (!qr_fits(s, im.width, im.height, 0)) {
		png_image_free(&im);
		return NULL;
	}
	*alpha = (im.format & PNG_FORMAT_FLAG_ALPHA) != 0;
	im.format = PNG_FORMAT_GRAY;
	back.red = back.green = back.blue = (png_byte)bg;
	buf = arena_alloc(&s->a, PNG_IMAGE_SIZE(im));
	if (!png_image_finish_read(&im, *alpha ? &back : NULL, buf, 0, NULL)) {
		png_image_free(&im);
		return NULL;
	}
	*w = im.width;
	*h = im.height;
	return buf;
}

struct pic_jerr {
	struct jpeg_error_mgr	 mgr;
	jmp_buf			 jb;
};

static void
pic_jerr_exit(j_common_ptr c)
{
	longjmp(((struct pic_jerr *)c->err)->jb, 1);
}

static void
pic_jerr_quiet(j_common_ptr c, int level)
{
	(void)c;
	(void)level;
}

/*
 * A JPEG in grey.  libjpeg gives grey from grey and YCbCr; a CMYK (or
 * YCCK) picture, as print work saves one, is read as CMYK and made grey
 * here: Adobe's files store the inks inverted (255 no ink), others as
 * they are.
 */
static unsigned char *
pic_jpeg(struct detect_scan *s, const unsigned char *p, size_t n,
    unsigned *w, unsigned *h)
{
	struct jpeg_decompress_struct	 ci;
	struct pic_jerr			 je;
	unsigned char *volatile		 buf = NULL;
	unsigned char *volatile		 row4 = NULL;
	int				 cmyk;

	memset(&ci, 0, sizeof(ci));
	ci.err = jpeg_std_error(&je.mgr);
	je.mgr.error_exit = pic_jerr_exit;
	je.mgr.emit_message = pic_jerr_quiet;
	if (setjmp(je.jb)) {
		jpeg_destroy_decompress(&ci);
		return NULL;
	}
	jpeg_create_decompress(&ci);
	jpeg_mem_src(&ci, p, (unsigned long)n);
	if (jpeg_read_header(&ci, TRUE) != JPEG_HEADER_OK)
		goto fail;
	if (!qr_fits(s, ci.image_width, ci.image_height, 1))
		goto fail;
	cmyk = ci.jpeg_color_space == JCS_CMYK ||
	    ci.jpeg_color_space == JCS_YCCK;
	ci.out_color_space = cmyk ? JCS_CMYK : JCS_GRAYSCALE;
	while ((size_t)ci.image_width * ci.image_height / ((size_t)ci.scale_denom *
	    ci.scale_denom) > QR_SCALED_PIXELS && ci.scale_denom < 8)
		ci.scale_denom *= 2;
	jpeg_start_decompress(&ci);
	buf = arena_alloc(&s->a, (size_t)ci.output_width * ci.output_height);
	if (cmyk)
		row4 = arena_alloc(&s->a, (size_t)ci.output_width * 4);
	while (ci.output_scanline < ci.output_height) {
		unsigned char	*g = buf + (size_t)ci.output_scanline *
		    ci.output_width;
		JSAMPROW	 row = cmyk ? row4 : g;
		size_t		 x;

		jpeg_read_scanlines(&ci, &row, 1);
		for (x = 0; cmyk && x < ci.output_width; x++) {
			unsigned c = row4[4 * x], m = row4[4 * x + 1],
			    y = row4[4 * x + 2], k = row4[4 * x + 3];

			if (!ci.saw_Adobe_marker) {
				c = 255 - c;
				m = 255 - m;
				y = 255 - y;
				k = 255 - k;
			}
			/* Light left: (1 - ink) * (1 - black), weighed. */
			g[x] = (unsigned char)((77 * c * k + 150 * m * k +
			    29 * y * k) / (255u * 256));
		}
	}
	*w = ci.output_width;
	*h = ci.output_height;
	jpeg_finish_decompress(&ci);
	jpeg_destroy_decompress(&ci);
	return buf;
fail:
	jpeg_destroy_decompress(&ci);
	return NULL;
}

struct pic_gif_src {
	const unsigned char	*p;
	size_t			 n, off;
};

static int
pic_gif_read(GifFileType *g, GifByteType *out, int len)
{
	struct pic_gif_src	*src = g->UserData;
	size_t		 k = len > 0 ? (size_t)len : 0;

	if (k > src->n - src->off)
		k = src->n - src->off;
	memcpy(out, src->p + src->off, k);
	src->off += k;
	return (int)k;
}

/*
 * A GIF's first picture, drawn where it lies on its screen: the screen
 * grown to hold the picture if it is smaller (as browsers draw one),
 * what the picture leaves of it and its transparent colour the
 * background asked for; a picture cut short keeps the rows it has.  An
 * animation's later frames are not read.  The picture is no larger
 * than the screen so grown, which qr_fits() bounds.
 */
static unsigned char *
pic_gif(struct detect_scan *s, const unsigned char *p, size_t n, int bg,
    unsigned *w, unsigned *h, int *alpha)
{
	static const int	 ioff[] = { 0, 4, 2, 1 };
	static const int	 istep[] = { 8, 8, 4, 2 };
	struct pic_gif_src		 src = { p, n, 0 };
	GifFileType		*g;
	GifRecordType		 rt;
	GraphicsControlBlock	 gcb;
	unsigned char		*buf = NULL, lum[256];
	GifPixelType		*line;
	const GifImageDesc	*d;
	const ColorMapObject	*cm;
	size_t			 cw = 0, ch = 0;
	int			 err, pass, y, x, rows = 0, ok = 0;

	memset(&gcb, 0, sizeof(gcb));
	gcb.TransparentColor = NO_TRANSPARENT_COLOR;
	if ((g = DGifOpen(&src, pic_gif_read, &err)) == NULL)
		return NULL;
	while (!ok && DGifGetRecordType(g, &rt) == GIF_OK &&
	    rt != TERMINATE_RECORD_TYPE) {
		if (rt == EXTENSION_RECORD_TYPE) {
			GifByteType	*ext;
			int		 code;

			if (DGifGetExtension(g, &code, &ext) == GIF_ERROR)
				goto done;
			if (code == GRAPHICS_EXT_FUNC_CODE && ext != NULL &&
			    ext[0] >= 4)
				DGifExtensionToGCB(ext[0], ext + 1, &gcb);
			while (ext != NULL)
				if (DGifGetExtensionNext(g, &ext) == GIF_ERROR)
					goto done;
			continue;
		}
		if (rt != IMAGE_DESC_RECORD_TYPE)
			continue;
		if (DGifGetImageDesc(g) == GIF_ERROR)
			goto done;
		d = &g->Image;
		cm = d->ColorMap != NULL ? d->ColorMap : g->SColorMap;
		cw = (size_t)(g->SWidth > d->Left + d->Width ? g->SWidth :
		    d->Left + d->Width);
		ch = (size_t)(g->SHeight > d->Top + d->Height ? g->SHeight :
		    d->Top + d->Height);
		if (cm == NULL || d->Width <= 0 || d->Height <= 0 ||
		    d->Left < 0 || d->Top < 0 || cw > PIC_SIDE_MAX ||
		    ch > PIC_SIDE_MAX || !qr_fits(s, cw, ch, 0))
			goto done;
		for (x = 0; x < 256; x++) {
			const GifColorType *c = x < cm->ColorCount ?
			    &cm->Colors[x] : NULL;

			lum[x] = c == NULL ? (unsigned char)bg :
			    (unsigned char)((77 * c->Red + 150 * c->Green +
			    29 * c->Blue) >> 8);
		}
		if (gcb.TransparentColor >= 0 && gcb.TransparentColor < 256) {
			lum[gcb.TransparentColor] = (unsigned char)bg;
			*alpha = 1;
		}
		if (d->Left != 0 || d->Top != 0 || (size_t)d->Width != cw ||
		    (size_t)d->Height != ch)
			*alpha = 1;	/* the screen shows around it */
		buf = arena_alloc(&s->a, cw * ch);
		memset(buf, bg, cw * ch);
		line = arena_alloc(&s->a, (size_t)d->Width);
		ok = 1;
		for (pass = d->Interlace ? 0 : 3; pass < 4; pass++)
			for (y = d->Interlace ? ioff[pass] : 0; y < d->Height;
			    y += d->Interlace ? istep[pass] : 1) {
				unsigned char *o = buf + (size_t)(d->Top + y) *
				    cw + (size_t)d->Left;

				/* Cut short: the rows read are kept. */
				if (DGifGetLine(g, line, d->Width) == GIF_ERROR) {
					ok = rows > 0;
					goto done;
				}
				rows++;
				for (x = 0; x < d->Width; x++)
					o[x] = lum[line[x]];
			}
	}
done:
	if (ok) {
		*w = (unsigned)cw;
		*h = (unsigned)ch;
	}
	DGifCloseFile(g, &err);
	return ok ? buf : NULL;
}

/* A WebP picture (not an animation) in grey: its luma, transparency
 * drawn on the background; photos scaled down. */
static unsigned char *
pic_webp(struct detect_scan *s, const unsigned char *p, size_t n, int bg,
    unsigned *w, unsigned *h, int *alpha)
{
	WebPDecoderConfig	 cfg;
	WebPYUVABuffer		*b;
	unsigned		 ow, oh, cw, ch;
	size_t			 i, np;

	if (!WebPInitDecoderConfig(&cfg) ||
	    WebPGetFeatures(p, n, &cfg.input) != VP8_STATUS_OK ||
	    cfg.input.has_animation || cfg.input.width <= 0 ||
	    cfg.input.height <= 0 ||
	    !qr_fits(s, (size_t)cfg.input.width, (size_t)cfg.input.height, 1))
		return NULL;
	ow = (unsigned)cfg.input.width;
	oh = (unsigned)cfg.input.height;
	while ((size_t)ow * oh > QR_SCALED_PIXELS) {
		ow = (ow + 1) / 2;
		oh = (oh + 1) / 2;
	}
	if (ow != (unsigned)cfg.input.width) {
		cfg.options.use_scaling = 1;
		cfg.options.scaled_width = (int)ow;
		cfg.options.scaled_height = (int)oh;
	}
	*alpha = cfg.input.has_alpha != 0;
	np = (size_t)ow * oh;
	cw = (ow + 1) / 2;
	ch = (oh + 1) / 2;
	cfg.output.colorspace = *alpha ? MODE_YUVA : MODE_YUV;
	cfg.output.is_external_memory = 1;
	b = &cfg.output.u.YUVA;
	b->y = arena_alloc(&s->a, np);
	b->y_stride = (int)ow;
	b->y_size = np;
	b->u = arena_alloc(&s->a, (size_t)cw * ch);
	b->v = arena_alloc(&s->a, (size_t)cw * ch);
	b->u_stride = b->v_stride = (int)cw;
	b->u_size = b->v_size = (size_t)cw * ch;
	if (*alpha) {
		b->a = arena_alloc(&s->a, np);
		b->a_stride = (int)ow;
		b->a_size = np;
	}
	if (WebPDecode(p, n, &cfg) != VP8_STATUS_OK)
		return NULL;
	for (i = 0; *alpha && i < np; i++)
		b->y[i] = (unsigned char)((b->y[i] * b->a[i] +
		    (unsigned)bg * (255u - b->a[i])) / 255u);
	*w = ow;
	*h = oh;
	return b->y;
}

static unsigned
le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/*
 * A Windows bitmap (BMP) in grey, read here: Debian's readers of BMP
 * (gdk-pixbuf, ImageMagick, stb_image) bring loaders of many other
 * formats, or stb's record of fuzzing bugs, for what is a header and
 * rows of pixels.  Uncompressed only: 1, 4 and 8 bits a pixel
 * with a palette, 24 and 32 (BI_RGB, or BI_BITFIELDS in the usual BGRA
 * order); rows bottom-up or, with a negative height, top-down.  RLE and
 * the JPEG or PNG a BMP may wrap are not read.  Every offset and size is
 * checked against the bytes there are before a pixel is read.
 */
static unsigned char *
pic_bmp(struct detect_scan *s, const unsigned char *p, size_t n,
    unsigned *w, unsigned *h)
{
	unsigned char	 lum[256], *buf;
	uint32_t	 off, hs, comp = 0, ncol = 0;
	unsigned	 bpp, esz, i;
	long		 bw, bh;
	size_t		 stride, x, y, pal;
	int		 down = 0;

	if (n < 26)
		return NULL;
	off = le32(p + 10);
	hs = le32(p + 14);
	if (hs == 12) {		/* OS/2's BITMAPCOREHEADER */
		bw = (long)le16(p + 18);
		bh = (long)le16(p + 20);
		bpp = le16(p + 24);
		esz = 3;
	} else if (hs >= 40 && hs <= 256 && n >= 54) {
		bw = (long)(int32_t)le32(p + 18);
		bh = (long)(int32_t)le32(p + 22);
		bpp = le16(p + 28);
		comp = le32(p + 30);
		ncol = le32(p + 46);
		esz = 4;
	} else
		return NULL;
	if (bh < 0) {
		down = 1;
		bh = -bh;
	}
	if (bw <= 0 || bh <= 0 || bw > PIC_SIDE_MAX || bh > PIC_SIDE_MAX ||
	    (bpp != 1 && bpp != 4 && bpp != 8 && bpp != 24 && bpp != 32) ||
	    !(comp == 0 || (comp == 3 && bpp == 32)))
		return NULL;
	stride = ((size_t)bw * bpp + 31) / 32 * 4;
	if (off > n || stride * (size_t)bh > n - off)
		return NULL;
	memset(lum, 0, sizeof(lum));
	if (bpp <= 8) {
		if (ncol == 0 || ncol > (1u << bpp))
			ncol = 1u << bpp;
		pal = 14 + (size_t)hs;
		if (pal + (size_t)ncol * esz > off)
			return NULL;
		for (i = 0; i < ncol; i++) {
			const unsigned char *c = p + pal + (size_t)i * esz;

			lum[i] = (unsigned char)((29 * c[0] + 150 * c[1] +
			    77 * c[2]) >> 8);
		}
	}
	if (!qr_fits(s, (size_t)bw, (size_t)bh, 0))
		return NULL;
	buf = arena_alloc(&s->a, (size_t)bw * (size_t)bh);
	for (y = 0; y < (size_t)bh; y++) {
		const unsigned char *r = p + off + stride * (down ? y :
		    (size_t)bh - 1 - y);
		unsigned char *g = buf + y * (size_t)bw;

		for (x = 0; x < (size_t)bw; x++) {
			const unsigned char *c;

			switch (bpp) {
			case 1:
				g[x] = lum[(r[x / 8] >> (7 - x % 8)) & 1];
				break;
			case 4:
				g[x] = lum[(r[x / 2] >> (x % 2 ? 0 : 4)) & 15];
				break;
			case 8:
				g[x] = lum[r[x]];
				break;
			default:
				c = r + x * (bpp / 8);
				g[x] = (unsigned char)((29 * c[0] + 150 * c[1] +
				    77 * c[2]) >> 8);
				break;
			}
		}
	}
	*w = (unsigned)bw;
	*h = (unsigned)bh;
	return buf;
}

unsigned char *
picture_grey(struct detect_scan *s, const unsigned char *p, size_t n,
    int bg, unsigned *w, unsigned *h, int *alpha)
{
	*alpha = 0;
	if (n >= 8 && memcmp(p, "\x89PNG", 4) == 0)
		return pic_png(s, p, n, bg, w, h, alpha);
	if (n >= 3 && memcmp(p, "\xff\xd8\xff", 3) == 0)
		return pic_jpeg(s, p, n, w, h);
	if (n >= 6 && (memcmp(p, "GIF87a", 6) == 0 ||
	    memcmp(p, "GIF89a", 6) == 0))
		return pic_gif(s, p, n, bg, w, h, alpha);
	if (n >= 16 && memcmp(p, "RIFF", 4) == 0 &&
	    memcmp(p + 8, "WEBP", 4) == 0)
		return pic_webp(s, p, n, bg, w, h, alpha);
	if (n >= 26 && memcmp(p, "BM", 2) == 0)
		return pic_bmp(s, p, n, w, h);
	return NULL;
}
