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
#include <webp/demux.h>

#include "internal.h"
#include "util.h"

#define PIC_SIDE_MAX		16384		/* GIF and BMP sides */
#define PIC_FRAMES		8		/* later frames of one read */

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
 * A GIF as it is shown: each picture drawn on what those before it left
 * (its transparent colour showing them through), then disposed of as
 * it asks (left, cleared to the background, or put back as it was), on
 * a screen grown to hold the first picture if it is smaller (as
 * browsers draw one; later pictures are cut to it).  The frames asked
 * for, want[0] < want[1] < ..., are put in out[] (the first frame in the
 * screen itself, the others in copies, each counted by qr_fits()); a
 * picture cut short keeps the rows read, and is the last one drawn.
 * PIC_GIF_WORK pixels decoded at most.  How many frames were put.
 */
#define PIC_GIF_WORK	(48u << 20)	/* pixels of a GIF's pictures */
#define PIC_GIF_FRAMES	4096		/* pictures of a GIF looked at */

/* A frame as the screen shows it now, copied to *out (qr_fits() may
 * refuse it: 0). */
static int
pic_frame_copy(struct detect_scan *s, const unsigned char *scr, size_t cw,
    size_t ch, unsigned char **out)
{
	if (!qr_fits(s, cw, ch, 0))
		return 0;
	*out = arena_alloc(&s->a, cw * ch);
	memcpy(*out, scr, cw * ch);
	return 1;
}

/* No control block: what a picture is when none comes before it. */
static void
pic_gcb_none(GraphicsControlBlock *gcb)
{
	memset(gcb, 0, sizeof(*gcb));
	gcb->TransparentColor = NO_TRANSPARENT_COLOR;
}

static int
pic_gif_walk(struct detect_scan *s, const unsigned char *p, size_t n, int bg,
    const int *want, int nwant, unsigned char **out, unsigned *w,
    unsigned *h, int *alpha)
{
	static const int	 ioff[] = { 0, 4, 2, 1 };
	static const int	 istep[] = { 8, 8, 4, 2 };
	struct pic_gif_src	 src = { p, n, 0 };
	GifFileType		*g;
	GifRecordType		 rt;
	GraphicsControlBlock	 gcb;
	unsigned char		*scr = NULL, *save = NULL, lum[256];
	GifPixelType		*line = NULL;
	size_t			 cw = 0, ch = 0, work = 0;
	int			 err, pass, y, x, got = 0, frame = 0;

	if ((g = DGifOpen(&src, pic_gif_read, &err)) == NULL)
		return 0;
	pic_gcb_none(&gcb);
	while (got < nwant && frame < PIC_GIF_FRAMES &&
	    DGifGetRecordType(g, &rt) == GIF_OK &&
	    rt != TERMINATE_RECORD_TYPE) {
		const GifImageDesc	*d = &g->Image;
		const ColorMapObject	*cm;
		int			 tp, rows = 0, cut = 0;
		size_t			 fx0, fy0, fx1, fy1, k;

		if (rt == EXTENSION_RECORD_TYPE) {
			GifByteType	*ext;
			int		 code;

			if (DGifGetExtension(g, &code, &ext) == GIF_ERROR)
				break;
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
			break;
		cm = d->ColorMap != NULL ? d->ColorMap : g->SColorMap;
		if (cm == NULL || d->Width <= 0 || d->Height <= 0 ||
		    d->Left < 0 || d->Top < 0)
			break;
		if (scr != NULL && (size_t)d->Width * (size_t)d->Height >
		    PIC_GIF_WORK - work) {
			/* A later picture too big to decode: passed over
			 * (its data skipped), as if it showed nothing, so
			 * that the frames after it are still seen. */
			GifByteType	*b;
			int		 code;

			if (DGifGetCode(g, &code, &b) == GIF_ERROR)
				break;
			while (b != NULL)
				if (DGifGetCodeNext(g, &b) == GIF_ERROR)
					goto done;
			if (frame == want[got]) {
				if (!pic_frame_copy(s, scr, cw, ch, &out[got]))
					break;
				got++;
			}
			pic_gcb_none(&gcb);
			frame++;
			continue;
		}
		if ((size_t)d->Width * (size_t)d->Height > PIC_GIF_WORK - work)
			break;
		work += (size_t)d->Width * (size_t)d->Height;
		if (scr == NULL) {
			cw = (size_t)(g->SWidth > d->Left + d->Width ?
			    g->SWidth : d->Left + d->Width);
			ch = (size_t)(g->SHeight > d->Top + d->Height ?
			    g->SHeight : d->Top + d->Height);
			if (cw > PIC_SIDE_MAX || ch > PIC_SIDE_MAX ||
			    !qr_fits(s, cw, ch, 0))
				break;
			if (d->Left != 0 || d->Top != 0 ||
			    (size_t)d->Width != cw || (size_t)d->Height != ch)
				*alpha = 1;	/* the screen shows round it */
			scr = arena_alloc(&s->a, cw * ch);
			memset(scr, bg, cw * ch);
			line = xmalloc((size_t)d->Width);
		} else
			line = xrealloc(line, (size_t)d->Width);
		for (x = 0; x < 256; x++) {
			const GifColorType *c = x < cm->ColorCount ?
			    &cm->Colors[x] : NULL;

			lum[x] = c == NULL ? (unsigned char)bg :
			    (unsigned char)((77 * c->Red + 150 * c->Green +
			    29 * c->Blue) >> 8);
		}
		tp = gcb.TransparentColor;
		if (tp >= 0 && tp < 256 && frame == 0)
			*alpha = 1;
		/* The part of the screen it covers. */
		fx0 = (size_t)d->Left < cw ? (size_t)d->Left : cw;
		fy0 = (size_t)d->Top < ch ? (size_t)d->Top : ch;
		fx1 = (size_t)d->Left + (size_t)d->Width < cw ?
		    (size_t)d->Left + (size_t)d->Width : cw;
		fy1 = (size_t)d->Top + (size_t)d->Height < ch ?
		    (size_t)d->Top + (size_t)d->Height : ch;
		/* Disposal 4 to 7, undefined, put back as 3 is (as
		 * Firefox and WebKit do). */
		if (gcb.DisposalMode >= DISPOSE_PREVIOUS && fx1 > fx0) {
			save = xrealloc(save, (fx1 - fx0) * (fy1 - fy0));
			for (k = fy0; k < fy1; k++)
				memcpy(save + (k - fy0) * (fx1 - fx0),
				    scr + k * cw + fx0, fx1 - fx0);
		}
		for (pass = d->Interlace ? 0 : 3; pass < 4 && !cut; pass++)
			for (y = d->Interlace ? ioff[pass] : 0; y < d->Height;
			    y += d->Interlace ? istep[pass] : 1) {
				size_t	 row = (size_t)d->Top + (size_t)y;

				if (DGifGetLine(g, line, d->Width) ==
				    GIF_ERROR) {
					cut = 1;
					break;
				}
				rows++;
				if (row >= ch)
					continue;
				for (k = fx0; k < fx1; k++) {
					int c = line[k - (size_t)d->Left];

					if (c != tp)
						scr[row * cw + k] = lum[c];
				}
			}
		if (cut && rows == 0)
			break;
		if (frame == want[got]) {
			if (frame == 0)
				out[got] = scr;
			else if (!pic_frame_copy(s, scr, cw, ch, &out[got]))
				break;
			got++;
		}
		if (cut)
			break;
		/* Disposed of before the next one is drawn. */
		for (k = fy0; k < fy1 && gcb.DisposalMode ==
		    DISPOSE_BACKGROUND; k++)
			memset(scr + k * cw + fx0, bg, fx1 - fx0);
		for (k = fy0; k < fy1 && gcb.DisposalMode >= DISPOSE_PREVIOUS &&
		    fx1 > fx0; k++)
			memcpy(scr + k * cw + fx0, save + (k - fy0) *
			    (fx1 - fx0), fx1 - fx0);
		/* A control block is for the picture after it only. */
		pic_gcb_none(&gcb);
		frame++;
	}
done:
	free(line);
	free(save);
	DGifCloseFile(g, &err);
	if (got > 0) {
		*w = (unsigned)cw;
		*h = (unsigned)ch;
	}
	return got;
}

/* How long each picture of a GIF is shown, in hundredths of a second,
 * in delay (PIC_GIF_FRAMES at most), its data skipped, not decoded;
 * how many pictures. */
static int
pic_gif_delays(const unsigned char *p, size_t n, int *delay)
{
	struct pic_gif_src	 src = { p, n, 0 };
	GifFileType		*g;
	GifRecordType		 rt;
	GifByteType		*b;
	int			 err, code, k = 0, cur = 0;

	if ((g = DGifOpen(&src, pic_gif_read, &err)) == NULL)
		return 0;
	while (k < PIC_GIF_FRAMES && DGifGetRecordType(g, &rt) == GIF_OK &&
	    rt != TERMINATE_RECORD_TYPE) {
		if (rt == EXTENSION_RECORD_TYPE) {
			if (DGifGetExtension(g, &code, &b) == GIF_ERROR)
				break;
			if (code == GRAPHICS_EXT_FUNC_CODE && b != NULL &&
			    b[0] >= 4)
				cur = b[2] | b[3] << 8;
			while (b != NULL)
				if (DGifGetExtensionNext(g, &b) == GIF_ERROR)
					goto done;
		} else if (rt == IMAGE_DESC_RECORD_TYPE) {
			if (DGifGetImageDesc(g) == GIF_ERROR ||
			    DGifGetCode(g, &code, &b) == GIF_ERROR)
				break;
			while (b != NULL)
				if (DGifGetCodeNext(g, &b) == GIF_ERROR)
					goto done;
			delay[k++] = cur;
			cur = 0;
		}
	}
done:
	DGifCloseFile(g, &err);
	return k;
}

/*
 * An animated WebP as it is shown, libwebpdemux composing each frame on
 * the canvas: the frames asked for, want[0] < want[1] < ..., in out[]
 * (each counted by qr_fits()), grey, what is transparent on bg.  Its
 * canvas at most QR_SCALED_PIXELS (libwebpdemux holds two in colour),
 * PIC_GIF_WORK pixels of canvas composed at most.  How many frames were
 * put.
 */
static int
pic_webp_walk(struct detect_scan *s, const unsigned char *p, size_t n,
    int bg, const int *want, int nwant, unsigned char **out, unsigned *w,
    unsigned *h, int *alpha)
{
	WebPData		 data = { p, n };
	WebPAnimDecoderOptions	 o;
	WebPAnimDecoder		*dec;
	WebPAnimInfo		 info;
	WebPBitstreamFeatures	 ft;
	size_t			 np, work = 0, i;
	int			 got = 0, frame = 0;

	/* The canvas's size before the decoder allocates two of it. */
	if (WebPGetFeatures(p, n, &ft) != VP8_STATUS_OK || ft.width <= 0 ||
	    ft.height <= 0 || (size_t)ft.width * (size_t)ft.height >
	    QR_SCALED_PIXELS || !WebPAnimDecoderOptionsInit(&o))
		return 0;
	o.color_mode = MODE_RGBA;
	o.use_threads = 0;
	if ((dec = WebPAnimDecoderNew(&data, &o)) == NULL)
		return 0;
	if (!WebPAnimDecoderGetInfo(dec, &info) || info.canvas_width == 0 ||
	    info.canvas_height == 0 || (np = (size_t)info.canvas_width *
	    info.canvas_height) > QR_SCALED_PIXELS) {
		WebPAnimDecoderDelete(dec);
		return 0;
	}
	while (got < nwant && work <= PIC_GIF_WORK - np &&
	    WebPAnimDecoderHasMoreFrames(dec)) {
		uint8_t		*rgba;
		int		 ts;

		work += np;
		if (!WebPAnimDecoderGetNext(dec, &rgba, &ts))
			break;
		if (frame++ != want[got])
			continue;
		if (!qr_fits(s, info.canvas_width, info.canvas_height, 0))
			break;
		out[got] = arena_alloc(&s->a, np);
		for (i = 0; i < np; i++) {
			const uint8_t *c = rgba + 4 * i;
			unsigned l = (77u * c[0] + 150u * c[1] + 29u * c[2]) >> 8;

			if (c[3] != 255)
				*alpha = 1;
			out[got][i] = (unsigned char)((l * c[3] + (unsigned)bg *
			    (255u - c[3])) / 255u);
		}
		got++;
	}
	WebPAnimDecoderDelete(dec);
	if (got > 0) {
		*w = info.canvas_width;
		*h = info.canvas_height;
	}
	return got;
}

/* How long each frame of an animated WebP is shown, in milliseconds,
 * in delay (PIC_GIF_FRAMES at most); how many frames. */
static int
pic_webp_delays(const unsigned char *p, size_t n, int *delay)
{
	WebPData	 data = { p, n };
	WebPDemuxer	*dm;
	WebPIterator	 it;
	int		 k = 0;

	if ((dm = WebPDemux(&data)) == NULL)
		return 0;
	if (WebPDemuxGetFrame(dm, 1, &it)) {
		do
			delay[k++] = it.duration;
		while (k < PIC_GIF_FRAMES && WebPDemuxNextFrame(&it));
		WebPDemuxReleaseIterator(&it);
	}
	WebPDemuxDelete(dm);
	return k;
}

/* A WebP picture in grey: its luma, transparency drawn on the
 * background; photos scaled down; an animation's first frame as
 * pic_webp_walk() composes it. */
static unsigned char *
pic_webp(struct detect_scan *s, const unsigned char *p, size_t n, int bg,
    unsigned *w, unsigned *h, int *alpha)
{
	WebPDecoderConfig	 cfg;
	WebPYUVABuffer		*b;
	unsigned		 ow, oh, cw, ch;
	size_t			 i, np;

	if (!WebPInitDecoderConfig(&cfg) ||
	    WebPGetFeatures(p, n, &cfg.input) != VP8_STATUS_OK)
		return NULL;
	if (cfg.input.has_animation) {
		static const int first = 0;
		unsigned char *g = NULL;

		return pic_webp_walk(s, p, n, bg, &first, 1, &g, w, h,
		    alpha) ? g : NULL;
	}
	if (cfg.input.width <= 0 ||
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

static int
pic_is_gif(const unsigned char *p, size_t n)
{
	return n >= 6 && (memcmp(p, "GIF87a", 6) == 0 ||
	    memcmp(p, "GIF89a", 6) == 0);
}

static int
pic_is_webp(const unsigned char *p, size_t n)
{
	return n >= 16 && memcmp(p, "RIFF", 4) == 0 &&
	    memcmp(p + 8, "WEBP", 4) == 0;
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
	if (pic_is_gif(p, n)) {
		static const int first = 0;
		unsigned char *g = NULL;

		return pic_gif_walk(s, p, n, bg, &first, 1, &g, w, h, alpha) ?
		    g : NULL;
	}
	if (pic_is_webp(p, n))
		return pic_webp(s, p, n, bg, w, h, alpha);
	if (n >= 26 && memcmp(p, "BM", 2) == 0)
		return pic_bmp(s, p, n, w, h);
	return NULL;
}

/*
 * An animation's frames after the first (GIF, WebP), as they are shown,
 * grey on bg: up to max of them, the last (where an animation that does
 * not loop stays) and those shown longest (a code must stay long enough
 * to be scanned; on a tie, the earlier), in the order
 * shown, in out[], each w by h, their numbers (the first frame 1) in
 * which[].  How many.
 */
int
picture_frames(struct detect_scan *s, const unsigned char *p, size_t n,
    int bg, unsigned char **out, int *which, int max, unsigned *w,
    unsigned *h)
{
	int	 delay[PIC_GIF_FRAMES], want[PIC_FRAMES], nd, k = 0, i, j;
	int	 alpha = 0, gif = pic_is_gif(p, n);

	if (gif)
		nd = pic_gif_delays(p, n, delay);
	else if (pic_is_webp(p, n))
		nd = pic_webp_delays(p, n, delay);
	else
		return 0;
	if (max > PIC_FRAMES)
		max = PIC_FRAMES;
	/* The last frame (an animation that does not loop stays on it),
	 * then the longest shown, by selection: max is small. */
	if (nd >= 2 && max > 0)
		want[k++] = nd - 1;
	for (; k < max; k++) {
		int best = -1;

		for (i = 1; i < nd; i++) {
			for (j = 0; j < k && want[j] != i; j++)
				;
			if (j == k && (best < 0 || delay[i] > delay[best]))
				best = i;
		}
		if (best < 0)
			break;
		want[k] = best;
	}
	/* In the order shown. */
	for (i = 1; i < k; i++)
		for (j = i; j > 0 && want[j - 1] > want[j]; j--) {
			int t = want[j];

			want[j] = want[j - 1];
			want[j - 1] = t;
		}
	for (i = 0; i < k; i++)
		which[i] = want[i] + 1;
	if (k == 0)
		return 0;
	return gif ? pic_gif_walk(s, p, n, bg, want, k, out, w, h, &alpha) :
	    pic_webp_walk(s, p, n, bg, want, k, out, w, h, &alpha);
}
