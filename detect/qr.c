/*
 * qr: QR codes in images.  libpng and libjpeg decode the image to grey
 * (its size checked before any pixel is allocated; a PDF's images are
 * decoded by attach.c and come here as grey), zbar finds QR codes,
 * and a code that holds a URL adds it to the message's links with the
 * finding "attach.qr_code".  Few images per message, none tiny (icons,
 * tracking pixels) and none huge.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>
#include <zbar.h>

#include "internal.h"
#include "util.h"

#define QR_IMAGES_MAX	6
#define QR_MIN_SIDE	60
#define QR_MAX_PIXELS	(12u << 20)

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

static unsigned char *
png_grey(struct detect_scan *s, const unsigned char *p, size_t n,
    unsigned *w, unsigned *h)
{
	png_image	 im;
	unsigned char	*buf;

	memset(&im, 0, sizeof(im));
	im.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&im, p, n))
		return NULL;
	if (im.width < QR_MIN_SIDE || im.height < QR_MIN_SIDE ||
	    (size_t)im.width * im.height > QR_MAX_PIXELS) {
		png_image_free(&im);
		return NULL;
	}
	im.format = PNG_FORMAT_GRAY;
	buf = arena_alloc(&s->a, PNG_IMAGE_SIZE(im));
	if (!png_image_finish_read(&im, NULL, buf, 0, NULL)) {
		png_image_free(&im);
		return NULL;
	}
	*w = im.width;
	*h = im.height;
	return buf;
}

struct jerr {
	struct jpeg_error_mgr	 mgr;
	jmp_buf			 jb;
};

static void
jerr_exit(j_common_ptr c)
{
	longjmp(((struct jerr *)c->err)->jb, 1);
}

static void
jerr_quiet(j_common_ptr c, int level)
{
	(void)c;
	(void)level;
}

static unsigned char *
jpeg_grey(struct detect_scan *s, const unsigned char *p, size_t n,
    unsigned *w, unsigned *h)
{
	struct jpeg_decompress_struct	 ci;
	struct jerr			 je;
	unsigned char *volatile		 buf = NULL;

	memset(&ci, 0, sizeof(ci));
	ci.err = jpeg_std_error(&je.mgr);
	je.mgr.error_exit = jerr_exit;
	je.mgr.emit_message = jerr_quiet;
	if (setjmp(je.jb)) {
		jpeg_destroy_decompress(&ci);
		return NULL;
	}
	jpeg_create_decompress(&ci);
	jpeg_mem_src(&ci, p, (unsigned long)n);
	if (jpeg_read_header(&ci, TRUE) != JPEG_HEADER_OK)
		goto fail;
	if (ci.image_width < QR_MIN_SIDE || ci.image_height < QR_MIN_SIDE ||
	    (size_t)ci.image_width * ci.image_height > QR_MAX_PIXELS * 4)
		goto fail;
	ci.out_color_space = JCS_GRAYSCALE;
	/* Large photos are scaled down while decoding. */
	while ((size_t)ci.image_width * ci.image_height / ((size_t)ci.scale_denom *
	    ci.scale_denom) > (4u << 20) && ci.scale_denom < 8)
		ci.scale_denom *= 2;
	jpeg_start_decompress(&ci);
	buf = arena_alloc(&s->a, (size_t)ci.output_width * ci.output_height);
	while (ci.output_scanline < ci.output_height) {
		JSAMPROW row = buf + (size_t)ci.output_scanline *
		    ci.output_width;

		jpeg_read_scanlines(&ci, &row, 1);
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

void
qr_scan(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n)
{
	unsigned char		*grey = NULL;
	unsigned		 w = 0, h = 0;

	if (s->zbar == NULL || s->qr_images >= QR_IMAGES_MAX || n < 100)
		return;
	if (n >= 8 && memcmp(p, "\x89PNG", 4) == 0)
		grey = png_grey(s, p, n, &w, &h);
	else if (n >= 3 && memcmp(p, "\xff\xd8\xff", 3) == 0)
		grey = jpeg_grey(s, p, n, &w, &h);
	if (grey != NULL)
		qr_scan_grey(s, name, grey, w, h);
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

/* One byte per pixel, w by h: what a PDF's image decodes to. */
void
qr_scan_grey(struct detect_scan *s, const char *name, unsigned char *grey,
    unsigned w, unsigned h)
{
	zbar_image_t		*img;
	const zbar_symbol_t	*sym;

	if (!qr_wants(s, w, h))
		return;
	s->qr_images++;
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

			if (d == NULL || dl == 0)
				continue;
			u = url_add(s, d, dl, UO_QR, NULL, name);
			if (u != NULL && u->host != NULL)
				finding_add(s, R_QR_URL, &(struct fargs){
				    .name = name, .url = u->url });
		}
	}
	zbar_image_destroy(img);
}
