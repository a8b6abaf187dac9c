/*
 * attach: what each attachment (and each file inside an archive) is,
 * by its content first (own magic checks, then libmagic), by its name
 * second, and what in it is risky: programs, scripts, shortcuts, disk
 * images, OneNote, macros, PDF actions, web pages that smuggle files or
 * ask for passwords, names that lie.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <magic.h>
#include <zlib.h>

#include "internal.h"
#include "util.h"

#define SNIFF_MAX	(1u << 20)	/* bytes libmagic looks at */
#define PDF_STREAMS_MAX	64
#define PDF_INFLATE_MAX	(8u << 20)	/* per PDF */
#define PDF_STREAM_MAX	(1u << 20)	/* per stream */
#define PDF_DICT_MAX	2048		/* how far back a stream's dictionary */
#define PDF_IMG_PIXELS	(4u << 20)	/* a PDF image read for a QR code */
#define PDF_IMG_LOOK	1024		/* streams looked at for images */
#define PDF_RAW_MAX	16		/* uncompressed streams read for drawings */
#define PDF_CRYPT_STREAM (4u << 20)	/* bytes decrypted of a stream */
#define PDF_CRYPT_TOTAL	(64u << 20)	/* ... and of a PDF */
#define PDF_CRYPT_STREAMS 4096		/* ... streams of a PDF */

enum ftype {
	FT_UNKNOWN, FT_PE, FT_ELF, FT_MACHO, FT_OLE, FT_ZIP, FT_RAR, FT_7Z,
	FT_GZ, FT_BZ2, FT_XZ, FT_CAB, FT_PDF, FT_RTF, FT_LNK, FT_ISO, FT_VHD,
	FT_VHDX, FT_ONENOTE, FT_HTML, FT_SVG, FT_PNG, FT_JPEG, FT_GIF,
	FT_IMAGE, FT_TEXT, FT_URLFILE, FT_TAR, FT_MSI, FT_CHM, FT_ZSTD, FT_LZ4,
	FT_CPIO, FT_COMPRESS, FT_ARJ, FT_TNEF, FT__MAX
};

static const char *const ftname[FT__MAX] = {
	"unknown data", "Windows program (PE)", "Linux program (ELF)",
	"macOS program (Mach-O)", "Office document (OLE)", "ZIP archive",
	"RAR archive", "7-Zip archive", "gzip file", "bzip2 file", "xz file",
	"cabinet archive", "PDF document", "RTF document",
	"Windows shortcut (LNK)", "ISO disk image", "VHD disk image",
	"VHDX disk image", "OneNote document", "web page (HTML)",
	"SVG image", "PNG image", "JPEG image", "GIF image", "image",
	"text", "Internet shortcut (.url)", "tar archive",
	"Windows installer (MSI)", "compiled HTML help (CHM)",
	"Zstandard file", "LZ4 file", "cpio archive",
	"compressed file (compress, lzma or lzip)", "ARJ archive",
	"TNEF (winmail.dat)",
};

/* The same in the Japanese evidence. */
static const char *const ftname_ja[FT__MAX] = {
	"不明なデータ", "Windows プログラム (PE)",
	"Linux プログラム (ELF)", "macOS プログラム (Mach-O)",
	"Office 文書 (OLE)", "ZIP アーカイブ", "RAR アーカイブ",
	"7-Zip アーカイブ", "gzip ファイル", "bzip2 ファイル",
	"xz ファイル", "CAB アーカイブ", "PDF 文書", "RTF 文書",
	"Windows ショートカット (LNK)", "ISO ディスクイメージ",
	"VHD ディスクイメージ", "VHDX ディスクイメージ",
	"OneNote 文書", "Web ページ (HTML)", "SVG 画像", "PNG 画像",
	"JPEG 画像", "GIF 画像", "画像", "テキスト",
	"インターネットショートカット (.url)", "tar アーカイブ",
	"Windows インストーラー (MSI)",
	"コンパイル済み HTML ヘルプ (CHM)", "Zstandard ファイル",
	"LZ4 ファイル", "cpio アーカイブ",
	"圧縮ファイル (compress, lzma, lzip)", "ARJ アーカイブ",
	"TNEF (winmail.dat)",
};
_Static_assert(nitems(ftname) == FT__MAX && nitems(ftname_ja) == FT__MAX,
    "a name for each type");

static int
has(const unsigned char *p, size_t n, size_t off, const char *m, size_t ml)
{
	return n >= off + ml && memcmp(p + off, m, ml) == 0;
}

/* Are the first 64 bytes free of control characters (a text's)? */
static int
text_head(const unsigned char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n && i < 0x40; i++)
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r' && p[i] != '\f' && p[i] != 0x1b) ||
		    p[i] == 0x7f)
			return 0;
	return 1;
}

/*
 * "MZ" is a program when its DOS header points at "PE\0\0" inside the
 * file, or when its first bytes are not text (a DOS program, or a PE cut
 * short): a text that begins with the letters ("MZ Holdings") is not.
 */
static int
sniff_mz(const unsigned char *p, size_t n)
{
	if (n >= 0x40 && le32(p + 0x3c) <= n - 4 &&
	    memcmp(p + le32(p + 0x3c), "PE\0\0", 4) == 0)
		return 1;
	return !text_head(p, n);
}

/* A BMP's header: the size of its DIB header is one of those written. */
static int
sniff_bmp(const unsigned char *p, size_t n)
{
	uint32_t dib;

	if (!has(p, n, 0, "BM", 2) || n < 26)
		return 0;
	dib = le32(p + 14);
	return (dib == 12 || dib == 40 || dib == 52 || dib == 56 ||
	    dib == 108 || dib == 124) && (le32(p + 2) == 0 ||
	    le32(p + 2) >= 14 + dib) && le32(p + 10) >= 14 + dib;
}

/*
 * The end of a zip's central directory in its last 64 KB: a zip with
 * something in front of it (a self-extractor's stub, a text) is read
 * from its end, as unzip and 7-Zip do.  The record's comment must end
 * the file and the directory fit before the record.
 */
static int
sniff_zip_end(const unsigned char *p, size_t n)
{
	size_t	 i, low;

	if (n < 22)
		return 0;
	low = n - 22 > 65535 ? n - 22 - 65535 : 0;
	for (i = n - 22 + 1; i-- > low;)
		if (memcmp(p + i, "PK\x05\x06", 4) == 0 &&
		    (size_t)(p[i + 20] | p[i + 21] << 8) == n - i - 22 &&
		    le32(p + i + 12) <= i)
			return 1;
	return 0;
}

/*
 * A zip with data before and after it (7-Zip and libarchive open it): an
 * end of central directory record in the last 64 KB whose directory
 * lies before it, and a local file header where the directory's first
 * entry says, however far from the start the zip begins.
 */
static int
sniff_zip_junk(const unsigned char *p, size_t n)
{
	size_t	 i, low, dir, end, base, off;

	if (n < 22 + 46 + 30)
		return 0;
	low = n - 22 > 65535 + 4096 ? n - 22 - 65535 - 4096 : 0;
	for (i = n - 22 + 1; i-- > low;) {
		if (!zip_end_at(p, i, &dir, &end, &base))
			continue;
		off = le32(p + dir + 42);
		if (off <= end - base && off + 4 <= end - base &&
		    memcmp(p + base + off, "PK\x03\x04", 4) == 0)
			return 1;
	}
	return 0;
}

/* A cpio archive: an odc header of 76 octal digits, a newc one of "070701"
 * or "070702" and 104 hexadecimal ones, or a binary one (its magic, in
 * either byte order, and a name of 1 to 1,024 bytes). */
static int
sniff_cpio(const unsigned char *p, size_t n)
{
	size_t	 i;

	if (has(p, n, 0, "070707", 6) && n >= 76) {
		for (i = 6; i < 76; i++)
			if (p[i] < '0' || p[i] > '7')
				return 0;
		return 1;
	}
	if ((has(p, n, 0, "070701", 6) || has(p, n, 0, "070702", 6)) &&
	    n >= 110) {
		for (i = 6; i < 110; i++)
			if (!isxdigit(p[i]))
				return 0;
		return 1;
	}
	if (n >= 26 && ((p[0] == 0xc7 && p[1] == 0x71) || (p[0] == 0x71 &&
	    p[1] == 0xc7))) {
		size_t nl = p[0] == 0xc7 ? (size_t)(p[20] | p[21] << 8) :
		    (size_t)(p[21] | p[20] << 8);

		return nl >= 1 && nl <= 1024 && n >= 26 + nl && p[26 + nl -
		    1] == 0;
	}
	return 0;
}

/* A tar header without "ustar" (V7, as old tar programs write it): its
 * checksum is the sum of its 512 bytes, the checksum's eight read as
 * spaces, in octal. */
static int
tar_v7(const unsigned char *p, size_t n)
{
	unsigned long	 sum = 0, want = 0;
	size_t		 i;

	if (n < 1024 || p[0] == 0)
		return 0;
	for (i = 148; i < 156 && p[i] == ' '; i++)
		;
	if (i == 156 || p[i] < '0' || p[i] > '7')
		return 0;
	for (; i < 156 && p[i] >= '0' && p[i] <= '7'; i++)
		want = want * 8 + (unsigned long)(p[i] - '0');
	for (i = 0; i < 512; i++)
		sum += i >= 148 && i < 156 ? ' ' : p[i];
	return sum == want && sum != 8 * ' ';
}

/* Does the file's first 4 KB hold the tags of a web page? */
static int
html_head(const unsigned char *p, size_t n)
{
	size_t	 head = n < 4096 ? n : 4096;

	return mem_has_case(p, head, "<html") || mem_has_case(p, head,
	    "<!doctype html") || mem_has_case(p, head, "<script") ||
	    mem_has_case(p, head, "<body") || mem_has_case(p, head, "<form") ||
	    mem_has_case(p, head, "<meta http-equiv") || mem_has_case(p, head,
	    "<iframe");
}

static enum ftype
sniff(const unsigned char *p, size_t n, int tnef)
{
	size_t	 head = n < 4096 ? n : 4096, i;
	int	 lead;

	/* A text that starts with the letters of a magic ("MZ Holdings",
	 * "BZh ...") is a text, unless what follows says otherwise:
	 * libmagic would call it a DOS program or a bzip2 file. */
	lead = (has(p, n, 0, "MZ", 2) || has(p, n, 0, "BZh", 3)) &&
	    text_head(p, n);
	/* An ISO image's first 32 KB are free for anything (a gzip or a
	 * 7-Zip header, a boot record): its volume descriptor says what
	 * it is, as 7-Zip and Windows read it. */
	if (has(p, n, 0x8001, "CD001", 5) || has(p, n, 0x8801, "CD001", 5) ||
	    has(p, n, 0x9001, "CD001", 5) || has(p, n, 0x8001, "BEA01", 5))
		return FT_ISO;
	/* Outlook's winmail.dat, whatever its name or type says: the
	 * files it holds are the mail's attachments to its reader. */
	if (tnef && has(p, n, 0, "\x78\x9f\x3e\x22", 4))
		return FT_TNEF;
	if (has(p, n, 0, "MZ", 2) && sniff_mz(p, n))
		return FT_PE;
	if (has(p, n, 0, "\x7f" "ELF", 4))
		return FT_ELF;
	if (has(p, n, 0, "\xcf\xfa\xed\xfe", 4) || has(p, n, 0,
	    "\xce\xfa\xed\xfe", 4) || has(p, n, 0, "\xca\xfe\xba\xbe", 4))
		return FT_MACHO;
	if (has(p, n, 0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
		return FT_OLE;
	if (has(p, n, 0, "PK\x03\x04", 4) || has(p, n, 0, "PK\x05\x06", 4))
		return FT_ZIP;
	if (has(p, n, 0, "Rar!\x1a\x07", 6))
		return FT_RAR;
	if (has(p, n, 0, "7z\xbc\xaf\x27\x1c", 6))
		return FT_7Z;
	if (has(p, n, 0, "\x1f\x8b", 2))
		return FT_GZ;
	/* "BZh", the block size, and a block's or the end's magic. */
	if (has(p, n, 0, "BZh", 3) && n >= 10 && p[3] >= '1' && p[3] <= '9' &&
	    (memcmp(p + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0 ||
	    memcmp(p + 4, "\x17\x72\x45\x38\x50\x90", 6) == 0))
		return FT_BZ2;
	if (has(p, n, 0, "\xfd" "7zXZ\0", 6))
		return FT_XZ;
	if (has(p, n, 0, "\x28\xb5\x2f\xfd", 4))
		return FT_ZSTD;
	if (has(p, n, 0, "\x04\x22\x4d\x18", 4))
		return FT_LZ4;
	if (has(p, n, 0, "MSCF", 4))
		return FT_CAB;
	if (has(p, n, 0, "ITSF", 4))
		return FT_CHM;
	if (has(p, n, 257, "ustar", 5) || tar_v7(p, n))
		return FT_TAR;
	if (sniff_cpio(p, n))
		return FT_CPIO;
	/* compress (.Z: its flags, 9 to 16 bits a code), lzma (.lzma: its
	 * properties byte and a dictionary of 64 KB to 1 GB), lzip (its
	 * version, 0 or 1). */
	if ((has(p, n, 0, "\x1f\x9d", 2) && n >= 3 && (p[2] & 0x60) == 0 &&
	    (p[2] & 0x1f) >= 9 && (p[2] & 0x1f) <= 16) ||
	    (has(p, n, 0, "LZIP", 4) && n >= 6 && p[4] <= 1) ||
	    (n >= 13 && p[0] == 0x5d && p[1] == 0 && p[2] == 0 &&
	    (p[3] != 0 || p[4] != 0)))
		return FT_COMPRESS;
	/* ARJ: its main header (2,600 bytes at most, its fixed part 30
	 * or more) and the CRC-32 that follows it. */
	if (has(p, n, 0, "\x60\xea", 2) && n >= 34) {
		size_t h = (size_t)(p[2] | p[3] << 8);

		if (h >= 30 && h <= 2600 && p[4] >= 30 && p[4] <= h &&
		    n >= 4 + h + 4 && crc32(0, p + 4, (uInt)h) ==
		    le32(p + 4 + h))
			return FT_ARJ;
	}
	if (has(p, n, 0, "L\0\0\0\x01\x14\x02\0", 8))
		return FT_LNK;
	/* A VHD's footer ends it; a fixed-size disk has no other copy. */
	if (has(p, n, 0, "conectix", 8) || (n >= 512 && has(p, n, n - 512,
	    "conectix", 8)))
		return FT_VHD;
	if (has(p, n, 0, "vhdxfile", 8))
		return FT_VHDX;
	if (has(p, n, 0, "\xe4\x52\x5c\x7b\x8c\xd8\xa7\x4d\xae\xb1\x53\x78"
	    "\xd0\x29\x96\xd3", 16))
		return FT_ONENOTE;
	if (has(p, n, 0, "\x89PNG", 4))
		return FT_PNG;
	if (has(p, n, 0, "\xff\xd8\xff", 3))
		return FT_JPEG;
	if (has(p, n, 0, "GIF8", 4))
		return FT_GIF;
	if (sniff_bmp(p, n) || (has(p, n, 0, "RIFF", 4) && has(p, n, 8,
	    "WEBP", 4)))
		return FT_IMAGE;
	/* %PDF may come after some junk; readers accept 1024 bytes of it. */
	for (i = 0; i + 5 <= (n < 1024 ? n : 1024); i++)
		if (memcmp(p + i, "%PDF-", 5) == 0)
			return FT_PDF;
	if (has(p, n, 0, "{\\rt", 4))
		return FT_RTF;
	if (mem_has_case(p, head, "[InternetShortcut]"))
		return FT_URLFILE;
	if (mem_has_case(p, head, "<svg"))
		return FT_SVG;
	if (html_head(p, n))
		return FT_HTML;
	if (sniff_zip_end(p, n) || sniff_zip_junk(p, n))
		return FT_ZIP;
	return lead ? FT_TEXT : FT_UNKNOWN;
}

/*
 * The extension of name (the second from the end when second is set),
 * lower case, in buf.  Windows drops trailing dots and spaces from a
 * name when it saves the file ("invoice.js. " is saved as invoice.js),
 * so they hide no extension here either.
 */
static const char *
ext_of(const char *name, char *buf, size_t bufsz, int second)
{
	const char	*base, *end, *dot, *prev;
	size_t		 n;

	buf[0] = '\0';
	if (name == NULL)
		return buf;
	base = strrchr(name, '>');
	base = base ? base + 1 : name;
	if (strrchr(base, '/') != NULL)
		base = strrchr(base, '/') + 1;
	for (end = base + strlen(base); end > base && (end[-1] == ' ' ||
	    end[-1] == '.'); end--)
		;
	for (dot = end; dot > base && dot[-1] != '.'; dot--)
		;
	if (dot == base)
		return buf;
	dot--;
	n = (size_t)(end - dot - 1);
	if (second) {
		for (prev = dot - 1; prev > base && *prev != '.'; prev--)
			;
		if (prev <= base || *prev != '.')
			return buf;
		n = (size_t)(dot - prev - 1);
		dot = prev;
		/* "report.docx   .vbs": spaces before the last dot. */
		while (n > 0 && dot[n] == ' ')
			n--;
	}
	if (n == 0 || n >= bufsz)
		return buf;
	memcpy(buf, dot + 1, n);
	buf[n] = '\0';
	str_lower(buf);
	return buf;
}

static const char *const SCRIPT_EXT[] = { "js", "jse", "vbs", "vbe", "wsf",
    "wsh", "hta", "ps1", "psm1", "psd1", "bat", "cmd", "scr", "pif", "com",
    "cpl", "reg", "jar", "msi", "msp", "msc", "iqy", "slk", "chm",
    "library-ms", "xll", "appref-ms", "settingcontent-ms", "ws", "sct",
    "hlp", "inf", "application", "gadget", "vb", "lnk", "exe",
    "dll", "sys", "ocx", "xbap", "appx", "msix", "appinstaller", "mht",
    "mhtml", "wiz", "search-ms", "searchconnector-ms", "rdp", "scf", "wsc",
    "diagcab", "website", NULL };
static const char *const DOC_EXT[] = { "pdf", "doc", "docx", "xls", "xlsx",
    "ppt", "pptx", "txt", "jpg", "jpeg", "png", "gif", "zip", "rar", "csv",
    "rtf", "odt", "mp3", "mp4", "wav", NULL };
static const char *const WEB_EXT[] = { "htm", "html", "shtml", "xhtml",
    "svg", "mht", "mhtml", NULL };

/*
 * Name checks that need no content: a double extension, a right-to-left
 * override, a script's extension; for a file that is not read (unread:
 * past a limit, encrypted, in a damaged archive), a program's, a
 * shortcut's or a disk image's extension too (read, its content says
 * what it is).
 */
static void
name_check(struct detect_scan *s, const char *name, const char *sha,
    int unread)
{
	static const char *const disk[] = { "iso", "img", "vhd", "vhdx",
	    NULL };
	char	 e1[32], e2[32];

	if (name == NULL)
		return;
	if (strstr(name, "\xe2\x80\xae") != NULL)
		finding_add(s, R_ATT_RTLO, &(struct fargs){ .name = name,
		    .sha256 = sha });
	ext_of(name, e1, sizeof(e1), 0);
	ext_of(name, e2, sizeof(e2), 1);
	if (e2[0] != '\0' && str_in_list(e2, DOC_EXT) &&
	    (str_in_list(e1, SCRIPT_EXT) || str_in_list(e1, WEB_EXT)))
		finding_add(s, R_ATT_DOUBLE_EXT, &(struct fargs){ .name = name,
		    .sha256 = sha });
	else if (str_in_list(e1, SCRIPT_EXT) && (unread || (strcmp(e1, "lnk") !=
	    0 && strcmp(e1, "exe") != 0 && strcmp(e1, "dll") != 0))) {
		char t[128], tj[160];

		snprintf(t, sizeof(t), "script or program file (.%s%s)", e1,
		    unread ? "; judged by its name, not opened" : "");
		snprintf(tj, sizeof(tj), "スクリプトまたはプログラム (.%s)%s",
		    e1, unread ? "、名前から判断 (開いていません)" : "");
		finding_add(s, R_ATT_SCRIPT, &(struct fargs){ .name = name,
		    .type = t, .type_ja = tj, .sha256 = sha });
	} else if (unread && str_in_list(e1, disk)) {
		char t[128], tj[160];

		snprintf(t, sizeof(t), ".%s; judged by its name, not opened",
		    e1);
		snprintf(tj, sizeof(tj), ".%s、名前から判断し、開いていません",
		    e1);
		finding_add(s, R_ATT_DISK_IMAGE, &(struct fargs){ .name = name,
		    .type = t, .type_ja = tj, .sha256 = sha });
	}
}

void
attach_name_check(struct detect_scan *s, const char *name, const char *sha)
{
	name_check(s, name, sha, 1);
}

#define OLE_MACROS	0x01	/* a VBA project */
#define OLE_ENCRYPTED	0x02	/* an encrypted OOXML document */
#define OLE_PACKAGE	0x04	/* an embedded Ole10Native package */

/*
 * What the names of a compound file's directory say (OLE_*): its
 * directory's chain of sectors is followed through the FAT, and only
 * the names of its storages and streams count (a document's text that
 * says "Macros" in UTF-16 is not a macro).
 */
static int
ole_dir(const unsigned char *p, size_t n)
{
	unsigned	 shift;
	uint32_t	 sec;
	size_t		 ssz, seen = 0, i, steps;
	int		 what = 0;

	if (n < 512)
		return 0;
	shift = p[0x1e] | p[0x1f] << 8;
	if (shift != 9 && shift != 12)
		return 0;
	ssz = (size_t)1 << shift;
	sec = le32(p + 0x30);
	for (steps = 0; sec < OLE_NOSECT && steps <= n / ssz; steps++) {
		const unsigned char *d;

		if (((size_t)sec + 2) << shift > n)
			break;
		d = p + (((size_t)sec + 1) << shift);
		for (i = 0; i + 128 <= ssz && seen++ < OLE_DIR_MAX; i += 128) {
			if (ole_named(d + i, "Macros") ||
			    ole_named(d + i, "_VBA_PROJECT") ||
			    ole_named(d + i, "_VBA_PROJECT_CUR"))
				what |= OLE_MACROS;
			else if (ole_named(d + i, "EncryptedPackage"))
				what |= OLE_ENCRYPTED;
			else if (ole_named(d + i, "\001Ole10Native"))
				what |= OLE_PACKAGE;
		}
		sec = ole_next(p, n, shift, sec);
	}
	return what;
}

/* What opened an encrypted document: Excel's own password, or one of
 * the scan's (PPAP), this mail's or not. */
static void
opened_with(struct detect_scan *s, const char *name, const char *sha,
    int which)
{
	int	 i, same = 0;

	if (which == PW_DEFAULT) {
		finding_add(s, R_ATT_DEFAULT_PASSWORD, &(struct fargs){
		    .name = name, .sha256 = sha });
		return;
	}
	finding_add(s, R_ATT_PPAP_OPENED, &(struct fargs){ .name = name,
	    .sha256 = sha });
	for (i = 0; i < s->msg_passwords && i < (int)nitems(s->msg_pw); i++)
		same |= strcmp(s->msg_pw[i], s->pw[which]) == 0;
	if (same)
		finding_add(s, R_ATT_PASSWORD_SAME_MAIL, &(struct fargs){
		    .name = name, .sha256 = sha });
}

/*
 * An encrypted OOXML document: decrypted with Excel's own password or
 * one of the scan (PPAP) and read as the zip it holds, or
 * "password-protected".
 */
static void
office_open(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n, const char *type, const char *type_ja, const char *sha)
{
	unsigned char	*plain = NULL;
	size_t		 len = 0, cap;
	int		 which = PW_NONE;

	cap = s->inflated < DETECT_ARCHIVE_TOTAL ? DETECT_ARCHIVE_TOTAL -
	    s->inflated : 0;
	if (cap > 0 && s->depth < DETECT_ARCHIVE_DEPTH)
		plain = office_decrypt(s, p, n, cap, &len, &which);
	if (plain == NULL) {
		finding_add(s, R_ATT_ENCRYPTED_DOC, &(struct fargs){
		    .name = name, .type = type, .type_ja = type_ja,
		    .sha256 = sha });
		return;
	}
	s->inflated += len;
	opened_with(s, name, sha, which);
	s->depth++;
	attach_file(s, arena_printf(&s->a, "%s > decrypted", name), plain,
	    len, len, NULL, NULL, 1);
	s->depth--;
	free(plain);
}

static void
ole_check(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n, const char *type, const char *type_ja, const char *sha)
{
	int		 what = ole_dir(p, n), enc = ole_legacy_encrypted(p, n);
	int		 which, macro = 0, locked = 0;
	unsigned char	*wb = NULL;
	size_t		 wl = 0;

	if (what & OLE_MACROS)
		finding_add(s, R_ATT_MACRO, &(struct fargs){ .name = name,
		    .type = type, .type_ja = type_ja, .sha256 = sha });
	/* The package of an encrypted OOXML document, in the directory's
	 * tree (a decoy left out of it is no document's). */
	if ((what & OLE_ENCRYPTED) && ole_has(p, n, "EncryptedPackage"))
		office_open(s, name, p, n, type, type_ja, sha);
	/* A workbook, whatever else the file holds: decrypted when it has
	 * a password one of the scan's (or Excel's own) opens, then read
	 * for Excel 4.0 macro sheets.  Encrypted and not opened, only the
	 * sheets' BOF records are plain. */
	if ((enc & OLE_ENC_XLS) &&
	    (wb = xls_decrypt(s, p, n, &wl, &which)) != NULL) {
		opened_with(s, name, sha, which);
		macro = xls_macro_sheet(wb, wl, 1);
	} else {
		locked = (enc & OLE_ENC_XLS) != 0;
		if ((wb = ole_workbook(p, n, XLS_WORKBOOK_MAX, &wl)) != NULL)
			macro = xls_macro_sheet(wb, wl, !locked);
	}
	free(wb);
	if (macro)
		finding_add(s, R_ATT_XLM_MACRO, &(struct fargs){ .name = name,
		    .sha256 = sha });
	if (locked || (enc & (OLE_ENC_DOC | OLE_ENC_PPT)))
		finding_add(s, R_ATT_ENCRYPTED_DOC, &(struct fargs){
		    .name = name, .type = type, .type_ja = type_ja,
		    .sha256 = sha });
	if (what & OLE_PACKAGE)
		finding_add(s, R_ATT_OLE_OBJECT, &(struct fargs){ .name = name,
		    .detail = "Ole10Native package", .sha256 = sha });
}

static size_t	pdf_ahx(const unsigned char *, const unsigned char *,
		    unsigned char *, size_t);

/*
 * The PDF string at q (a literal "(...)" with its escapes, \ooo
 * included, or a hex string "<...>") into u (NUL-terminated, at most
 * cap - 1 bytes): its length, or (size_t)-1 when q starts no string;
 * *next is where reading goes on, past what was read of it (a string of
 * "/URI(" inside a "/URI(" is not read again: 8 MB of them took 39 s).
 */
size_t
pdf_string(const unsigned char *q, const unsigned char *e, char *u,
    size_t cap, const unsigned char **next)
{
	size_t	 k = 0;
	int	 depth = 0, v, i;

	/* At most 4 bytes read for each one kept: a file of "/URI <"
	 * must not read the rest of the file each time. */
	*next = q;	/* no string: the caller reads on from q */
	if ((size_t)(e - q) > 4 * cap)
		e = q + 4 * cap;
	if (q < e && *q == '<' && (q + 1 >= e || q[1] != '<')) {
		const unsigned char *gt = memchr(q, '>', (size_t)(e - q));

		k = pdf_ahx(q + 1, e, (unsigned char *)u, cap - 1);
		u[k] = '\0';
		*next = gt != NULL ? gt + 1 : e;
		return k;
	}
	if (q >= e || *q != '(')
		return (size_t)-1;
	for (q++; q < e && k + 1 < cap; q++) {
		if (*q == '(')
			depth++;
		else if (*q == ')' && depth-- == 0)
			break;
		if (*q != '\\' || q + 1 >= e) {
			u[k++] = (char)*q;
			continue;
		}
		q++;
		if (*q >= '0' && *q <= '7') {
			for (v = 0, i = 0; i < 3 && q < e && *q >= '0' &&
			    *q <= '7'; i++, q++)
				v = v * 8 + (*q - '0');
			q--;
			u[k++] = (char)(v & 0xff);
		} else if (*q == 'n')
			u[k++] = '\n';
		else if (*q == 'r')
			u[k++] = '\r';
		else if (*q == 't')
			u[k++] = '\t';
		else if (*q == 'b')
			u[k++] = '\b';
		else if (*q == 'f')
			u[k++] = '\f';
		else if (*q == '\r') {
			if (q + 1 < e && q[1] == '\n')	/* a line continued */
				q++;
		} else if (*q != '\n')
			u[k++] = (char)*q;
	}
	u[k] = '\0';
	*next = q < e ? q + 1 : e;
	return k;
}

/*
 * The name at q, after its '/', into name (at most cap - 1 bytes, the
 * letters it hides as #xx read: "/J#61vaScript"): where it ends.
 */
static const unsigned char *
pdf_name(const unsigned char *q, const unsigned char *e, char *name,
    size_t cap)
{
	size_t	 k = 0;

	for (; q < e && k + 1 < cap; q++) {
		int c = *q;

		if (c == '#' && q + 2 < e && hex_value(q[1]) >= 0 &&
		    hex_value(q[2]) >= 0) {
			c = hex_value(q[1]) << 4 | hex_value(q[2]);
			q += 2;
		} else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' &&
		    c <= 'z') || (c >= '0' && c <= '9')))
			break;
		name[k++] = (char)c;
	}
	name[k] = '\0';
	return q;
}

/*
 * The links of a PDF: the string after each /URI key, whose name may
 * hide letters as #xx ("/U#52I") as pdf_keys() reads them, and which
 * may be a literal or a hex string, decrypted with its object's key
 * when the file is encrypted (crypt; NULL in what was decrypted).
 */
static void
pdf_uris(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n, int *nuris, const char **first, const struct pdf_crypt *crypt)
{
	const unsigned char	*q = p, *e = p + n, *at;
	char			 key[8];

	while (q < e && (q = memchr(q, '/', (size_t)(e - q))) != NULL) {
		char	 u[2048];
		size_t	 k;
		struct durl *d;

		q = pdf_name(q + 1, e, key, sizeof(key));
		if (strcmp(key, "URI") != 0 || (q < e && (isalnum(*q) ||
		    *q == '#')))
			continue;
		while (q < e && (*q == ' ' || *q == '\r' || *q == '\n' ||
		    *q == '\t'))
			q++;
		at = q;
		if ((k = pdf_string(q, e, u, sizeof(u), &q)) == (size_t)-1)
			continue;
		if (crypt != NULL) {
			char	 plain[sizeof(u)];
			long	 num, gen;

			if (!pdf_crypt_object(crypt, (size_t)(at - p), &num,
			    &gen) ||
			    (k = pdf_crypt_data(crypt, 0, num, gen,
			    (unsigned char *)u, k, (unsigned char *)plain,
			    sizeof(u) - 1)) == (size_t)-1)
				continue;
			memcpy(u, plain, k);
			u[k] = '\0';
		}
		d = url_add(s, u, k, UO_PDF, NULL, name);
		if (d != NULL) {
			(*nuris)++;
			if (*first == NULL)
				*first = d->url;
		}
	}
}

/* Inflate what a zlib stream at q gives, up to cap bytes, into out: how
 * many, or (size_t)-1 when zlib cannot start. */
static size_t
pdf_inflate(const unsigned char *q, size_t n, unsigned char *out, size_t cap)
{
	z_stream	 z;
	size_t		 got;

	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return (size_t)-1;
	z.next_in = (unsigned char *)(uintptr_t)q;
	z.avail_in = (uInt)(n < (1u << 30) ? n : (1u << 30));
	z.next_out = out;
	z.avail_out = (uInt)cap;
	(void)inflate(&z, Z_SYNC_FLUSH);
	got = z.total_out;
	inflateEnd(&z);
	return got;
}

/* The integer after /key in the dictionary d ("/Width 240"), or -1;
 * -1 too when it has more digits than lim allows. */
static long
pdf_num(const unsigned char *d, size_t n, const char *key, long lim)
{
	const unsigned char	*q = d, *e = d + n;
	size_t			 kl = strlen(key);
	long			 v;

	while ((q = memmem(q, (size_t)(e - q), key, kl)) != NULL) {
		q += kl;
		if (q < e && isalnum(*q))
			continue;
		while (q < e && (*q == ' ' || *q == '\r' || *q == '\n'))
			q++;
		for (v = 0; q < e && *q >= '0' && *q <= '9' && v < lim; q++)
			v = v * 10 + (*q - '0');
		if (q < e && *q >= '0' && *q <= '9')
			return -1;
		return q > d && q[-1] >= '0' && q[-1] <= '9' ? v : -1;
	}
	return -1;
}

static long
pdf_int(const unsigned char *d, size_t n, const char *key)
{
	return pdf_num(d, n, key, 100000);
}

/* Does the dictionary d name the name nm ("/DeviceRGB"), whole? */
static int
pdf_has(const unsigned char *d, size_t n, const char *nm)
{
	const unsigned char	*q = d, *e = d + n;
	size_t			 l = strlen(nm);

	while ((q = memmem(q, (size_t)(e - q), nm, l)) != NULL) {
		q += l;
		if (q >= e || !isalnum(*q))
			return 1;
	}
	return 0;
}

/* PNG predictors undone in place: rows of 1 + rb bytes, bpp per pixel. */
static void
png_unfilter(unsigned char *b, size_t rb, size_t rows, size_t bpp)
{
	size_t	 r, i;

	for (r = 0; r < rows; r++) {
		unsigned char	*x = b + r * (rb + 1) + 1;
		const unsigned char *up = r > 0 ? x - (rb + 1) : NULL;
		unsigned	 f = x[-1];

		for (i = 0; i < rb; i++) {
			int a = i >= bpp ? x[i - bpp] : 0;
			int u = up != NULL ? up[i] : 0;
			int c = i >= bpp && up != NULL ? up[i - bpp] : 0;
			int pa, pb, pc, pr;

			switch (f) {
			case 1:
				x[i] = (unsigned char)(x[i] + a);
				break;
			case 2:
				x[i] = (unsigned char)(x[i] + u);
				break;
			case 3:
				x[i] = (unsigned char)(x[i] + (a + u) / 2);
				break;
			case 4:
				pr = a + u - c;
				pa = pr > a ? pr - a : a - pr;
				pb = pr > u ? pr - u : u - pr;
				pc = pr > c ? pr - c : c - pr;
				x[i] = (unsigned char)(x[i] + (pa <= pb &&
				    pa <= pc ? a : pb <= pc ? u : c));
				break;
			default:
				break;
			}
		}
	}
}

/*
 * The dictionary of the stream whose keyword "stream" is at kw: from
 * the last "obj" before it, at most PDF_DICT_MAX bytes back.
 */
static const unsigned char *
pdf_dict(const unsigned char *p, const unsigned char *kw, size_t *dn)
{
	const unsigned char	*d = kw - p > PDF_DICT_MAX ? kw - PDF_DICT_MAX :
	    p, *o;

	for (o = kw; o - d >= 3; o--)
		if (memcmp(o - 3, "obj", 3) == 0)
			break;
	if (o - d >= 3)
		d = o;
	*dn = (size_t)(kw - d);
	return d;
}

/* The object whose stream keyword is at kw ("12 0 obj << ... >>
 * stream"): its number, 0 when not known. */
static uint32_t
pdf_objnum(const unsigned char *p, const unsigned char *kw)
{
	size_t			 dn;
	const unsigned char	*d = pdf_dict(p, kw, &dn);
	uint32_t		 num;
	uint16_t		 gen;

	if (d - p < 5 || memcmp(d - 3, "obj", 3) != 0 ||
	    !pdf_obj_keyword(p, kw, d - 3, &num, &gen))
		return 0;
	return num;
}

/* Does a zlib stream start at q (deflate, a window of at most 32 KB,
 * the header's check)?  Readers inflate all of them, not only 0x78. */
static int
zlib_head(const unsigned char *q, const unsigned char *e)
{
	return e - q > 2 && (q[0] & 0x0f) == 8 && q[0] >> 4 <= 7 &&
	    (q[0] * 256 + q[1]) % 31 == 0;
}

enum pdf_filter { PF_AHX, PF_A85, PF_FLATE, PF_OTHER };

#define PDF_FILTERS_MAX	4

/* The filters of a stream's dictionary, in their order: how many (0: no
 * /Filter). */
static size_t
pdf_filters(const unsigned char *d, size_t dn, enum pdf_filter *f)
{
	static const struct {
		const char	*nm;
		enum pdf_filter	 f;
	} known[] = {
		{ "ASCIIHexDecode", PF_AHX }, { "AHx", PF_AHX },
		{ "ASCII85Decode", PF_A85 }, { "A85", PF_A85 },
		{ "FlateDecode", PF_FLATE }, { "Fl", PF_FLATE },
	};
	const unsigned char	*q = memmem(d, dn, "/Filter", 7), *e = d + dn;
	size_t			 nf = 0, l, i;
	int			 arr = 0;

	if (q == NULL)
		return 0;
	for (q += 7; q < e && (*q == ' ' || *q == '\r' || *q == '\n' ||
	    *q == '\t'); q++)
		;
	if (q < e && *q == '[')
		arr = 1, q++;
	while (q < e && nf < PDF_FILTERS_MAX) {
		while (q < e && (*q == ' ' || *q == '\r' || *q == '\n' ||
		    *q == '\t'))
			q++;
		if (q >= e || *q != '/')
			break;
		for (l = 1; q + l < e && isalnum(q[l]); l++)
			;
		f[nf] = PF_OTHER;
		for (i = 0; i < nitems(known); i++)
			if (strlen(known[i].nm) == l - 1 &&
			    memcmp(q + 1, known[i].nm, l - 1) == 0)
				f[nf] = known[i].f;
		nf++;
		q += l;
		if (!arr)
			break;
	}
	return nf;
}

/* ASCIIHexDecode from q up to its '>' into out (at most cap bytes). */
static size_t
pdf_ahx(const unsigned char *q, const unsigned char *e, unsigned char *out,
    size_t cap)
{
	size_t	 k = 0;
	int	 hi = -1, v;

	for (; q < e && *q != '>' && k < cap; q++) {
		if ((v = hex_value(*q)) < 0) {
			if (*q == ' ' || *q == '\r' || *q == '\n' ||
			    *q == '\t' || *q == '\f' || *q == '\0')
				continue;
			break;
		}
		if (hi < 0)
			hi = v;
		else {
			out[k++] = (unsigned char)(hi << 4 | v);
			hi = -1;
		}
	}
	if (hi >= 0 && k < cap)
		out[k++] = (unsigned char)(hi << 4);
	return k;
}

/* ASCII85Decode from q up to its "~>" into out (at most cap bytes). */
static size_t
pdf_a85(const unsigned char *q, const unsigned char *e, unsigned char *out,
    size_t cap)
{
	size_t		 k = 0, g = 0, i;
	uint32_t	 v = 0;

	for (; q < e && *q != '~' && k + 4 <= cap; q++) {
		if (*q == 'z' && g == 0) {
			memset(out + k, 0, 4);
			k += 4;
			continue;
		}
		if (*q < '!' || *q > 'u') {
			if (*q == ' ' || *q == '\r' || *q == '\n' ||
			    *q == '\t' || *q == '\f' || *q == '\0')
				continue;
			break;
		}
		v = v * 85 + (uint32_t)(*q - '!');
		if (++g == 5) {
			for (i = 0; i < 4; i++)
				out[k++] = (unsigned char)(v >> (24 - 8 * i));
			g = 0, v = 0;
		}
	}
	/* A last group of g characters, padded with 'u', gives g - 1. */
	if (g > 1 && k + g - 1 <= cap) {
		for (i = g; i < 5; i++)
			v = v * 85 + 84;
		for (i = 0; i + 1 < g; i++)
			out[k++] = (unsigned char)(v >> (24 - 8 * i));
	}
	return k;
}

/*
 * A stream of a PDF that is an image (its dictionary, before the word
 * "stream", says /Subtype /Image): a QR code in it is a link like any,
 * the "quishing" PDF of 2023-2024 whose page is one picture.  A JPEG
 * (DCTDecode) goes to qr_scan() as it is; Flate-compressed samples (grey
 * or RGB, 8 bits, or 1 bit, with or without PNG predictors) are inflated
 * within the message's budget and made grey.  1 when the stream was an
 * image, read or not.
 */
static int
pdf_image(struct detect_scan *s, const char *name, const unsigned char *d,
    size_t dn, const unsigned char *q, const unsigned char *e)
{
	const unsigned char	*end;
	size_t			 rb, need, i, j;
	long			 w, h, bpc, comps = 1, pred;
	unsigned char		*raw, *grey;

	{
		const unsigned char *st = memmem(d, dn, "/Subtype", 8);
		const unsigned char *kw = d + dn;

		if (st == NULL)
			return 0;
		for (st += 8; st < kw && (*st == ' ' || *st == '\r' ||
		    *st == '\n'); st++)
			;
		if ((size_t)(kw - st) < 6 || memcmp(st, "/Image", 6) != 0 ||
		    (st + 6 < kw && isalnum(st[6])))
			return 0;
	}
	w = pdf_int(d, dn, "/Width");
	h = pdf_int(d, dn, "/Height");
	if (w <= 0 || h <= 0 || (size_t)w * (size_t)h > PDF_IMG_PIXELS ||
	    !qr_wants(s, (unsigned)w, (unsigned)h))
		return 1;
	end = memmem(q, (size_t)(e - q), "endstream", 9);
	if (end == NULL)
		end = e;
	name = arena_printf(&s->a, "%s > image", name);
	if (pdf_has(d, dn, "/DCTDecode")) {
		qr_scan(s, name, q, (size_t)(end - q));
		return 1;
	}
	if (!pdf_has(d, dn, "/FlateDecode") || !zlib_head(q, end))
		return 1;
	bpc = pdf_has(d, dn, "/ImageMask") ? 1 : pdf_int(d, dn,
	    "/BitsPerComponent");
	if (pdf_has(d, dn, "/DeviceRGB"))
		comps = 3;
	else if (!pdf_has(d, dn, "/DeviceGray") && !pdf_has(d, dn,
	    "/ImageMask"))
		return 1;	/* indexed, CMYK, ICC: not read */
	if ((bpc != 1 && bpc != 8) || (bpc == 1 && comps != 1))
		return 1;
	pred = pdf_int(d, dn, "/Predictor");
	rb = ((size_t)w * (size_t)comps * (size_t)bpc + 7) / 8;
	need = (rb + (pred >= 10)) * (size_t)h;
	if (s->inflated + need > DETECT_ARCHIVE_TOTAL) {
		msg_truncated(s, s->m, CUT_INFLATED);
		return 1;
	}
	/* The samples and the grey live only while this image is read:
	 * a page of many images would keep them all in the arena. */
	raw = xmalloc(need);
	i = pdf_inflate(q, (size_t)(end - q), raw, need);
	if (i != (size_t)-1)
		s->inflated += i;
	if (i == (size_t)-1 || i < need) {
		free(raw);
		return 1;
	}
	if (pred >= 10)
		png_unfilter(raw, rb, (size_t)h, comps * bpc >= 8 ?
		    (size_t)(comps * bpc / 8) : 1);
	grey = xmalloc((size_t)w * (size_t)h);
	for (j = 0; j < (size_t)h; j++) {
		const unsigned char *row = raw + j * (rb + (pred >= 10)) +
		    (pred >= 10);

		for (i = 0; i < (size_t)w; i++)
			grey[j * (size_t)w + i] = bpc == 1 ?
			    ((row[i / 8] >> (7 - i % 8)) & 1 ? 255 : 0) :
			    comps == 1 ? row[i] : (unsigned char)((row[3 * i] *
			    299u + row[3 * i + 1] * 587u + row[3 * i + 2] *
			    114u) / 1000u);
	}
	free(raw);
	qr_scan_grey(s, name, grey, (unsigned)w, (unsigned)h);
	free(grey);
	return 1;
}

/* What the scan of one PDF has found and spent. */
struct pdf_scan {
	struct detect_scan	*s;
	const char		*name;
	int			 js, launch, emb, enc, pages, nuris;
	int			 streams, looked, raw, stop;
	const char		*first;
	size_t			 inflated;
	unsigned char		*buf[2];	/* PDF_STREAM_MAX each */
	const struct pdf_crypt	*crypt;		/* opened without a password */
	size_t			 decrypted;	/* bytes, PDF_CRYPT_TOTAL at most */
	size_t			 ndecrypted;	/* streams, PDF_CRYPT_STREAMS */
	const unsigned char	*next_es;	/* the next "endstream" */
	const unsigned char	*es_from;	/* ... after there */
	struct pdf_text		*pt;		/* the text it shows, or NULL */
};

/*
 * Is what follows a name at p (up to 8 bytes) text?  The bytes of an
 * image or a font are so 4 times in 100 (NULs count: JavaScript may be
 * UTF-16).
 */
static int
pdf_after_texty(const unsigned char *p, const unsigned char *e)
{
	size_t	 n = (size_t)(e - p) < 8 ? (size_t)(e - p) : 8, i, t = 0;

	for (i = 0; i < n; i++)
		t += (p[i] >= 0x20 && p[i] < 0x7f) || p[i] == '\t' ||
		    p[i] == '\r' || p[i] == '\n' || p[i] == '\f' ||
		    p[i] == '\0';
	return t * 4 >= n * 3;
}

#define PDF_WS(c)	((c) == ' ' || (c) == '\t' || (c) == '\r' || \
			    (c) == '\n' || (c) == '\f' || (c) == '\0')

/* White space and comments from i: where they end. */
static size_t
pdf_skip_blank(const unsigned char *p, size_t n, size_t i)
{
	while (i < n) {
		if (PDF_WS(p[i]))
			i++;
		else if (p[i] == '%')
			while (i < n && p[i] != '\r' && p[i] != '\n')
				i++;
		else
			break;
	}
	return i;
}

/*
 * A key's name is PDF's syntax when PDF's syntax ends it (white space or
 * a delimiter) and, past white space and comments, a value begins (at
 * *val): a string, a hex string or dictionary, an array, a name, a number
 * or a reference, or a dictionary's end.
 */
static int
pdf_key_syntax(const unsigned char *p, size_t n, size_t i, size_t *val)
{
	size_t	 lim = i + 512 < n ? i + 512 : n;

	*val = i;
	if (i >= n)
		return 1;
	if (strchr(" \t\r\n\f()<>[]{}/%", p[i]) == NULL && p[i] != '\0')
		return 0;
	*val = i = pdf_skip_blank(p, lim, i);
	if (i >= n)
		return 1;
	return i < lim && (strchr("(<[/>]+-.", p[i]) != NULL ||
	    (p[i] >= '0' && p[i] <= '9'));
}

/*
 * An object's header at p[i] ("5 0 obj", "5 0 %...\nobj": white space
 * and comments between its tokens): where it ends, or 0.
 */
static size_t
pdf_obj_header(const unsigned char *p, size_t n, size_t i)
{
	size_t	 j = i, k;
	int	 t;

	for (t = 0; t < 2; t++) {
		for (k = j; j < n && p[j] >= '0' && p[j] <= '9'; j++)
			;
		if (j == k || j >= n || !(PDF_WS(p[j]) || p[j] == '%'))
			return 0;
		j = pdf_skip_blank(p, n, j);
	}
	if (n - j < 3 || memcmp(p + j, "obj", 3) != 0 || (j + 3 < n &&
	    (isalnum(p[j + 3]) || p[j + 3] == '_')))
		return 0;
	return j + 3;
}

/*
 * The keys that matter in PDF's objects.  Names may hide letters as #xx:
 * "/J#61vaScript".  binary: p is a stream's data that is not text (an
 * image's, a font's bytes, which no reader reads as objects), where
 * "/JS" comes by chance (3 bytes in 16 million) ended and followed by
 * anything: there a key counts when its value reads as text or it is
 * inside an object among those bytes (a reader sent there by the
 * cross-reference table reads it), from its "N G obj" to its "endobj"
 * outside its strings and comments, followed as the bytes are read.
 */
static void
pdf_keys(struct pdf_scan *c, const unsigned char *p, size_t n, int binary)
{
	size_t	 i, val, end;
	char	 name[24];
	int	*count, in_obj = 0, depth;

	for (i = 0; i < n; i++) {
		if (binary) {
			if (in_obj && p[i] == '(') {
				/* A string: its "endobj" is no end. */
				for (depth = 0, i++; i < n; i++)
					if (p[i] == '\\')
						i++;
					else if (p[i] == '(')
						depth++;
					else if (p[i] == ')' && depth-- == 0)
						break;
				continue;
			}
			if (in_obj && p[i] == '%') {
				i = pdf_skip_blank(p, n, i) - 1;
				continue;
			}
			if (p[i] >= '0' && p[i] <= '9' && (i == 0 ||
			    !isalnum(p[i - 1])) &&
			    (end = pdf_obj_header(p, n, i)) != 0) {
				in_obj = 1;
				i = end - 1;
				continue;
			}
			if (in_obj && p[i] == 'e' && n - i >= 6 &&
			    memcmp(p + i, "endobj", 6) == 0) {
				in_obj = 0;
				i += 5;
				continue;
			}
		}
		if (p[i] != '/')
			continue;
		i = (size_t)(pdf_name(p + i + 1, p + n, name, sizeof(name)) -
		    p);
		if (strcmp(name, "JavaScript") == 0 || strcmp(name, "JS") == 0)
			count = &c->js;
		else if (strcmp(name, "Launch") == 0)
			count = &c->launch;
		else if (strcmp(name, "EmbeddedFile") == 0 ||
		    strcmp(name, "EmbeddedFiles") == 0)
			count = &c->emb;
		else if (strcmp(name, "Encrypt") == 0)
			count = &c->enc;
		else if (strcmp(name, "Page") == 0)
			count = &c->pages;
		else
			count = NULL;
		/* What ended the name is read again ("/S/JavaScript"). */
		i--;
		if (count != NULL && pdf_key_syntax(p, n, i + 1, &val) &&
		    (!binary || in_obj || pdf_after_texty(p + val, p + n)))
			(*count)++;
	}
}

/*
 * The stream at q (its dictionary d, or NULL when it was not looked
 * for) decoded as its /Filter says (ASCIIHex and ASCII85, then Flate),
 * or inflated when it starts like a zlib stream and names no filter
 * this reads: what it holds, in one of c's buffers, and its size in
 * *len; NULL when it is not such a stream (or holds nothing).
 */
static const unsigned char *
pdf_decode(struct pdf_scan *c, const unsigned char *d, size_t dn,
    const unsigned char *q, const unsigned char *e, size_t *len)
{
	struct detect_scan	*s = c->s;
	enum pdf_filter		 f[PDF_FILTERS_MAX];
	size_t			 nf = d != NULL ? pdf_filters(d, dn, f) : 0;
	size_t			 i, cap, got;
	const unsigned char	*in = q;
	size_t			 inlen = (size_t)(e - q);
	int			 b = 0;

	if (nf == 0 || f[0] == PF_OTHER) {
		/* No filter read here: a zlib stream is inflated anyway
		 * (a /Filter the dictionary hides, as before). */
		if (!zlib_head(q, e))
			return NULL;
		f[0] = PF_FLATE;
		nf = 1;
	}
	for (i = 0; i < nf; i++) {
		/* A filter not read here: what came before it, if any. */
		if (f[i] == PF_OTHER || (f[i] == PF_FLATE &&
		    !zlib_head(in, in + inlen))) {
			if (i == 0)
				return NULL;
			break;
		}
		if (c->buf[b] == NULL)
			c->buf[b] = arena_alloc(&s->a, PDF_STREAM_MAX);
		/* The ASCII filters read at most twice what they may
		 * give (and white space past that is not read). */
		if (f[i] == PF_AHX)
			got = pdf_ahx(in, in + (inlen < 2 * PDF_STREAM_MAX ?
			    inlen : 2 * PDF_STREAM_MAX), c->buf[b],
			    PDF_STREAM_MAX);
		else if (f[i] == PF_A85)
			got = pdf_a85(in, in + (inlen < 2 * PDF_STREAM_MAX ?
			    inlen : 2 * PDF_STREAM_MAX), c->buf[b],
			    PDF_STREAM_MAX);
		else {
			/* Charged to the message like archives
			 * (DETECT_ARCHIVE_TOTAL). */
			if (s->inflated >= DETECT_ARCHIVE_TOTAL) {
				msg_truncated(s, s->m, CUT_INFLATED);
				c->stop = 1;
				return NULL;
			}
			cap = PDF_STREAM_MAX;
			if (cap > DETECT_ARCHIVE_TOTAL - s->inflated)
				cap = DETECT_ARCHIVE_TOTAL - s->inflated;
			got = pdf_inflate(in, inlen, c->buf[b], cap);
			if (got == (size_t)-1)
				return NULL;
			s->inflated += got;
		}
		c->inflated += got;
		if (got == 0)
			return NULL;
		in = c->buf[b];
		inlen = got;
		b = !b;
	}
	*len = inlen;
	return in;
}

/*
 * The stream's data decrypted (c->crypt): a buffer to free of *len
 * bytes, the stream's end in *end; NULL when it cannot be, or is not
 * encrypted (*len 0: read it as it is).
 */
/*
 * The length of the stream data at q (its dictionary d): a direct
 * /Length when "endstream" follows it, else up to the next "endstream"
 * (found once for the streams between: a file of "stream" words is read
 * once), else to e.
 */
static size_t
pdf_extent(struct pdf_scan *c, const unsigned char *d, size_t dn,
    const unsigned char *q, const unsigned char *e)
{
	const unsigned char	*a, *es;
	long			 l = pdf_num(d, dn, "/Length", 1L << 40);

	if (l >= 0 && (size_t)l <= (size_t)(e - q)) {
		for (a = q + l; a < e && a - (q + l) < 4 && (*a == '\r' ||
		    *a == '\n' || *a == ' '); a++)
			;
		if ((size_t)(e - a) >= 9 && memcmp(a, "endstream", 9) == 0)
			return (size_t)l;
	}
	if (c->next_es == NULL || c->next_es < q || c->es_from > q) {
		c->next_es = (es = memmem(q, (size_t)(e - q), "endstream",
		    9)) != NULL ? es : e;
		c->es_from = q;
	}
	return (size_t)(c->next_es - q);
}

static unsigned char *
pdf_plain(struct pdf_scan *c, const unsigned char *p,
    const unsigned char *kw, const unsigned char *d, size_t dn,
    const unsigned char *q, const unsigned char *e, size_t *len,
    const unsigned char **end)
{
	unsigned char		*out;
	long			 num, gen;
	size_t			 n, cap;

	*len = 0;
	/* (A /Length that lies, or a reference "12 0 R", would have the
	 * decryption read other objects.) */
	n = pdf_extent(c, d, dn, q, e);
	*end = q + n;
	if (c->ndecrypted++ >= PDF_CRYPT_STREAMS || c->decrypted >=
	    PDF_CRYPT_TOTAL) {
		msg_truncated(c->s, c->s->m, CUT_PDF_STREAMS);
		c->stop = 1;
		return NULL;
	}
	/* Never encrypted: cross-reference streams; a stream whose own
	 * /Crypt filter is /Identity (or names none). */
	if (pdf_has(d, dn, "/XRef") || (pdf_has(d, dn, "/Crypt") &&
	    (!pdf_has(d, dn, "/Name") || pdf_has(d, dn, "/Identity"))))
		return NULL;
	if (!pdf_crypt_object(c->crypt, (size_t)(kw - p), &num, &gen))
		return NULL;
	cap = n < PDF_CRYPT_STREAM ? n : PDF_CRYPT_STREAM;
	if (cap > PDF_CRYPT_TOTAL - c->decrypted)
		cap = PDF_CRYPT_TOTAL - c->decrypted;
	c->decrypted += cap;
	out = xmalloc(cap + 1);
	if ((*len = pdf_crypt_data(c->crypt, 1, num, gen, q, n, out, cap)) ==
	    (size_t)-1 || *len == 0) {
		free(out);
		*len = 0;
		return NULL;
	}
	return out;
}

/* Is most of [p, p + n) text (a decrypted stream worth reading for
 * keys: not one that decrypted to noise)? */
static int
pdf_texty(const unsigned char *p, size_t n)
{
	size_t	 i, k = 0, m = n < 4096 ? n : 4096;

	for (i = 0; i < m; i++)
		k += (p[i] >= 0x20 && p[i] < 0x7f) || p[i] == '\r' ||
		    p[i] == '\n' || p[i] == '\t';
	return m > 0 && k * 10 >= m * 9;
}

/* One stream (its keyword at kw, its data at q): an image is read for
 * a QR code, a compressed stream for the keys and links it hides, an
 * uncompressed one for a QR code drawn; an encrypted one decrypted
 * first. */
static void
pdf_stream(struct pdf_scan *c, const unsigned char *p,
    const unsigned char *kw, const unsigned char **qp, const unsigned char *e,
    int objstm)
{
	struct detect_scan	*s = c->s;
	const unsigned char	*q = *qp, *d = NULL, *out, *cend = NULL;
	unsigned char		*plain = NULL;
	size_t			 dn = 0, got;

	if (c->crypt != NULL) {
		d = pdf_dict(p, kw, &dn);
		/* NULL: read as it is (not encrypted), or not at all. */
		if ((plain = pdf_plain(c, p, kw, d, dn, q, e, &got,
		    &cend)) != NULL)
			q = plain, e = plain + got;
		else if (c->stop) {
			*qp = cend;
			return;
		}
		if (!objstm && c->looked++ >= PDF_IMG_LOOK)
			d = NULL;
	} else if (objstm || c->looked++ < PDF_IMG_LOOK)
		d = pdf_dict(p, kw, &dn);
	if (d != NULL && !objstm && pdf_image(s, c->name, d, dn, q, e)) {
		c->streams++;
		goto out;
	}
	if ((out = pdf_decode(c, d, dn, q, e, &got)) != NULL) {
		c->streams++;
		/* Objects (an object stream, by its /First too) or a
		 * page's drawing are text; an image's or a font's bytes
		 * are not. */
		pdf_keys(c, out, got, !objstm && !(d != NULL &&
		    pdf_int(d, dn, "/First") >= 0) && !pdf_texty(out, got));
		pdf_uris(s, c->name, out, got, &c->nuris, &c->first, NULL);
		pdf_paths_qr(s, c->name, out, got);
		if (objstm)
			pdf_text_objstm(c->pt, d, dn, out, got);
		else
			pdf_text_stream(c->pt, pdf_objnum(p, kw), out, got);
		goto out;
	}
	if (c->stop)
		goto out;
	if (plain != NULL && pdf_texty(q, (size_t)(e - q))) {
		/* What the file's own reading missed (not noise). */
		pdf_keys(c, q, (size_t)(e - q), 0);
		pdf_uris(s, c->name, q, (size_t)(e - q), &c->nuris, &c->first,
		    NULL);
		if (!objstm)
			pdf_text_stream(c->pt, pdf_objnum(p, kw), q,
			    (size_t)(e - q));
	}
	if (objstm)
		goto out;
	/* An uncompressed content stream may draw a QR code or show text:
	 * its end looked for within a stream's size, a few such streams
	 * per PDF. */
	if (c->raw < PDF_RAW_MAX && (qr_room(s) || (c->pt != NULL &&
	    plain == NULL))) {
		size_t win = (size_t)(e - q) < PDF_STREAM_MAX + 9 ?
		    (size_t)(e - q) : PDF_STREAM_MAX + 9;
		const unsigned char *end = plain != NULL ? e : memmem(q, win,
		    "endstream", 9);

		c->raw++;
		if (end != NULL) {
			if (plain == NULL)
				pdf_text_stream(c->pt, pdf_objnum(p, kw), q,
				    (size_t)(end - q));
			if (qr_room(s))
				pdf_paths_qr(s, c->name, q,
				    (size_t)(end - q));
			if (plain == NULL)
				*qp = end + 9;
		}
	}
out:
	if (plain != NULL) {
		free(plain);
		*qp = cend;
	}
}

/* Where the data of the stream whose keyword is at kw starts. */
static const unsigned char *
pdf_data(const unsigned char *kw, const unsigned char *e)
{
	const unsigned char *q = kw + 6;

	if (q < e && *q == '\r')
		q++;
	if (q < e && *q == '\n')
		q++;
	return q;
}

#define PDF_DATA_LOOK	4096	/* streams whose extent is found */

/*
 * The keys of the whole file: its streams' data (as binary unless it is
 * text or an uncompressed object stream's), what else as text.  Objects
 * hidden among a stream's bytes (a "stream" keyword in a comment, or a
 * reader sent there by the cross-reference table) are found by their
 * "N G obj" (pdf_keys()).
 */
static void
pdf_keys_file(struct pdf_scan *c, const unsigned char *p, size_t n)
{
	const unsigned char	*q = p, *e = p + n, *kw, *d = NULL, *to;
	const unsigned char	*dict;
	size_t			 dn = 0, look = 0, l;

	while (q < e) {
		kw = memmem(q, (size_t)(e - q), "stream", 6);
		if (kw == NULL || look++ >= PDF_DATA_LOOK || (kw - p >= 3 &&
		    memcmp(kw - 3, "end", 3) == 0) ||
		    (d = pdf_data(kw, e)) == kw + 6) {
			/* Text to past the keyword: no stream's data. */
			to = kw != NULL ? kw + 6 : e;
			pdf_keys(c, q, (size_t)(to - q), 0);
			q = to;
			continue;
		}
		dict = pdf_dict(p, kw, &dn);
		l = pdf_extent(c, dict, dn, d, e);
		pdf_keys(c, q, (size_t)(d - q), 0);
		/* An uncompressed object stream (by its /First) holds
		 * objects as text. */
		pdf_keys(c, d, l, !pdf_texty(d, l) &&
		    !(pdf_int(dict, dn, "/First") >= 0 &&
		    memmem(dict, dn, "/Filter", 7) == NULL));
		q = d + l;
	}
}

/*
 * The text a document shows (raw, n bytes): the links written in it
 * when a reader makes them links (a PDF viewer does: links) and,
 * normalised, its part of s->doc for the content checks.
 */
void
doc_add(struct detect_scan *s, const char *raw, size_t n, const char *name,
    const char *sha, int links)
{
	size_t	 off = s->doc.len;

	if (n == 0 || s->ndocs >= DETECT_DOCS_MAX)
		return;
	if (links)
		url_scan_text(s, raw, n, UO_PDF, name);
	text_norm(&s->doc, raw, n, NULL);
	if (s->doc.len > off) {
		s->docs[s->ndocs].name = name;
		s->docs[s->ndocs].sha256 = sha;
		s->docs[s->ndocs].off = off;
		s->docs[s->ndocs].len = s->doc.len - off;
		s->ndocs++;
		buf_adds(&s->doc, " \n ");
	}
}

static void
doc_text(struct detect_scan *s, struct pdf_text *pt, const char *name,
    const char *sha)
{
	struct buf	 raw;

	buf_init(&raw, DETECT_DOC_TEXT_MAX);
	if (pdf_text_end(pt, &raw) > 0)
		doc_add(s, raw.ptr, raw.len, name, sha, 1);
	buf_release(&raw);
}

#define PDF_OBJSTM_MAX	PDF_STREAMS_MAX
#define PDF_OBJSTM_LOOK	1024	/* "/ObjStm" looked at for a stream */

static void
pdf_check(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n, const char *sha)
{
	struct pdf_scan		 c;
	struct pdf_crypt	 crypt;
	const unsigned char	*q, *e = p + n, *objstm[PDF_OBJSTM_MAX];
	size_t			 nobj = 0, k = 0, look = 0;
	int			 opened = 0;

	memset(&c, 0, sizeof(c));
	c.s = s;
	c.name = name;
	if (s->ndocs < DETECT_DOCS_MAX && s->doc.len < DETECT_DOC_TEXT_MAX / 2) {
		c.pt = pdf_text_new(s);
		pdf_text_objects(c.pt, p, n);
	}
	pdf_keys_file(&c, p, n);
	/*
	 * Encrypted with an empty user password (permissions only): it
	 * opens without a prompt, so it is read, and is not "protected".
	 * Else a password of the scan may open it (PPAP: a password-
	 * protected PDF and its password in another mail, or the same).
	 */
	if (c.enc) {
		int rc = pdf_crypt_open(p, n, (const char *const *)s->pw,
		    s->npw, &s->pw_tries, DETECT_PASSWORD_TRIES, &crypt);

		if (rc == 1) {
			c.crypt = &crypt;
			/* The empty owner password: read, but readers
			 * that matter ask for the user's. */
			opened = crypt.pw != -2;
		} else if (rc == -2)
			c.enc = 0;	/* a "/Encrypt" that is not the file's */
		if (rc != 1)
			pdf_crypt_free(&crypt);
	}
	pdf_uris(s, name, p, n, &c.nuris, &c.first, c.crypt);
	/*
	 * Compressed object streams hide the same keys: inflate some.
	 * The object streams (/Type /ObjStm) first, so that other streams
	 * before them (a hundred tiny ones) do not use up the budget.
	 */
	for (q = p; q < e && nobj < PDF_OBJSTM_MAX && look++ <
	    PDF_OBJSTM_LOOK && !c.stop && c.streams < PDF_STREAMS_MAX &&
	    c.inflated < PDF_INFLATE_MAX &&
	    (q = memmem(q, (size_t)(e - q), "/ObjStm", 7)) != NULL;) {
		const unsigned char *kw, *end, *data;
		size_t win;

		q += 7;
		if (q < e && isalnum(*q))
			continue;
		win = (size_t)(e - q) < PDF_DICT_MAX ? (size_t)(e - q) :
		    PDF_DICT_MAX;
		if ((kw = memmem(q, win, "stream", 6)) == NULL ||
		    (kw - q >= 3 && kw[-3] == 'e' && kw[-2] == 'n' &&
		    kw[-1] == 'd'))
			continue;
		/* Not the dictionary of that stream: an object ends. */
		if ((end = memmem(q, (size_t)(kw - q), "endobj", 6)) != NULL)
			continue;
		objstm[nobj++] = kw;
		data = pdf_data(kw, e);
		pdf_stream(&c, p, kw, &data, e, 1);
		q = kw + 6;
	}
	for (q = p; q < e && !c.stop && c.streams < PDF_STREAMS_MAX &&
	    c.inflated < PDF_INFLATE_MAX &&
	    (q = memmem(q, (size_t)(e - q), "stream", 6)) != NULL;) {
		const unsigned char *kw = q;

		q += 6;
		if (q - p >= 7 && q[-7] == 'd')	/* endstream */
			continue;
		while (k < nobj && objstm[k] < kw)
			k++;
		if (k < nobj && objstm[k] == kw)	/* read first */
			continue;
		q = pdf_data(kw, e);
		pdf_stream(&c, p, kw, &q, e, 0);
	}
	if (c.js)
		finding_add(s, R_ATT_PDF_JS, &(struct fargs){ .name = name,
		    .sha256 = sha, .detail = "/JavaScript action" });
	if (c.launch)
		finding_add(s, R_ATT_PDF_LAUNCH, &(struct fargs){ .name = name,
		    .sha256 = sha });
	if (c.emb)
		finding_add(s, R_ATT_PDF_EMBEDDED, &(struct fargs){
		    .name = name, .sha256 = sha });
	if (c.enc && !opened)
		finding_add(s, R_ATT_ENCRYPTED_DOC, &(struct fargs){
		    .name = name, .type = "PDF", .sha256 = sha });
	if (c.crypt != NULL && crypt.pw >= 0) {
		const char	*pw = s->pw[crypt.pw];
		int		 i, same = 0;

		finding_add(s, R_ATT_PPAP_OPENED, &(struct fargs){
		    .name = name, .sha256 = sha });
		for (i = 0; i < s->msg_passwords && i < (int)nitems(s->msg_pw);
		    i++)
			same |= strcmp(s->msg_pw[i], pw) == 0;
		if (same)
			finding_add(s, R_ATT_PASSWORD_SAME_MAIL, &(struct fargs){
			    .name = name, .sha256 = sha });
	}
	if (s->pw_tries >= DETECT_PASSWORD_TRIES)
		msg_truncated(s, s->m, CUT_TRIES);
	if (c.nuris >= 1 && c.nuris <= 3 && c.pages <= 2)
		finding_add(s, R_ATT_PDF_LURE, &(struct fargs){ .name = name,
		    .url = c.first, .sha256 = sha });
	if (c.pt != NULL) {
		doc_text(s, c.pt, name, sha);
		pdf_text_free(c.pt);
	}
	if (c.crypt != NULL)
		pdf_crypt_free(&crypt);
}

/* Is the URL on the organisation's site or a correspondent's (a
 * sender's own domain is anyone's who registered one)? */
static int
home_url(struct detect_scan *s, const char *url)
{
	struct durl	 d;

	if (url_parse(s, url, strlen(url), &d) != 0 || d.host == NULL)
		return 0;
	return dom_is_own(s, d.host) || dom_is_corr(s, d.host);
}

static void
html_attachment(struct detect_scan *s, const char *name,
    const unsigned char *p, size_t n, int svg, const char *sha)
{
	struct html_info hi;
	size_t		 ulen;
	char		*u = text_to_utf8(&s->a, NULL, (const char *)p, n,
	    DETECT_TEXT_MAX, &ulen);
	char		 d[128];
	size_t		 nu0 = s->nu, i;

	memset(&hi, 0, sizeof(hi));
	html_scan(s, u, ulen, name, NULL, &hi);
	/* A QR code drawn with the shapes of the picture, or of the
	 * <svg> elements of a page, as in a mail's body. */
	if (svg || memmem(u, ulen, "<svg", 4) != NULL ||
	    memmem(u, ulen, "<SVG", 4) != NULL)
		svg_paths_qr(s, name, u, ulen);
	if ((hi.smuggle & (HS_ATOB | HS_BIGDATA)) && (hi.smuggle & (HS_BLOB |
	    HS_OBJURL | HS_SAVEBLOB | HS_DOWNLOAD))) {
		snprintf(d, sizeof(d), "%s%s%s%s%s",
		    hi.smuggle & HS_ATOB ? "atob " : "",
		    hi.smuggle & HS_BIGDATA ? "embedded base64 " : "",
		    hi.smuggle & HS_BLOB ? "Blob " : "",
		    hi.smuggle & HS_OBJURL ? "createObjectURL " : "",
		    hi.smuggle & (HS_DOWNLOAD | HS_SAVEBLOB) ? "download" : "");
		finding_add(s, R_ATT_HTML_SMUGGLING, &(struct fargs){
		    .name = name, .detail = d, .sha256 = sha });
	}
	/* A "verification" page that puts a command on the clipboard and
	 * says where to paste it (its steps may be hidden until a click:
	 * the whole page is read, scripts too, each tag a blank so that
	 * "<kbd>Win</kbd>+<kbd>R</kbd>" reads as it shows), an SVG's too;
	 * and a page that tells a device code to enter at Microsoft's
	 * device login. */
	{
		struct buf	 t, raw;
		size_t		 k;
		const char	*dc, *ja;
		int		 f = 0, in = 0, clip = memmem(u, ulen,
		    "clipboard.writeText", 19) != NULL || memmem(u, ulen,
		    "execCommand(\"copy\")", 19) != NULL || memmem(u, ulen,
		    "execCommand('copy')", 19) != NULL;

		buf_init(&raw, DETECT_TEXT_MAX);
		for (k = 0; k < ulen && !raw.over; k++) {
			if (u[k] == '<' && k + 1 < ulen &&
			    (isalpha((unsigned char)u[k + 1]) ||
			    u[k + 1] == '/'))
				in = 1;
			else if (in && u[k] == '>') {
				in = 0;
				buf_addc(&raw, ' ');	/* a tag parts */
			} else if (!in)
				buf_addc(&raw, u[k]);
		}
		buf_init(&t, DETECT_TEXT_MAX);
		text_norm(&t, raw.ptr, raw.len, NULL);
		buf_release(&raw);
		if (!clickfix_home(s) &&
		    (f = clickfix(t.ptr, t.len, clip, s->authentic)) != 0)
			finding_add(s, R_ATT_HTML_CLICKFIX, &(struct fargs){
			    .name = name, .detail = clickfix_what(&s->a, f, 0),
			    .detail_ja = clickfix_what(&s->a, f, 1),
			    .sha256 = sha });
		else if (!finding_has(s, R_CONTENT_DEVICE_CODE) &&
		    (dc = device_code(s, t.ptr, t.len, &ja)) != NULL)
			finding_add(s, R_CONTENT_DEVICE_CODE, &(struct fargs){
			    .name = name, .detail = dc, .detail_ja = ja });
		buf_release(&t);
		if (f != 0)
			return;
	}
	if (svg) {
		if (hi.scripts || hi.handlers || hi.svg_embed) {
			snprintf(d, sizeof(d), "%d scripts, %d event handlers, "
			    "%d embedded documents", hi.scripts, hi.handlers,
			    hi.svg_embed);
			finding_add(s, R_ATT_SVG_SCRIPT, &(struct fargs){
			    .name = name, .detail = d, .sha256 = sha,
			    .detail_ja = arena_printf(&s->a, "スクリプト %d 個、"
			    "イベントハンドラー %d 個、埋め込み文書 %d 個",
			    hi.scripts, hi.handlers, hi.svg_embed) });
			return;
		}
		/* A picture that is a link to a site (not the sender's,
		 * the organisation's or a correspondent's: a logo). */
		for (i = nu0; i < s->nu; i++)
			if (s->u[i].origin == UO_HREF && s->u[i].host != NULL &&
			    !dom_is_own(s, s->u[i].host) &&
			    !dom_is_corr(s, s->u[i].host) &&
			    !(s->m->from.domain != NULL &&
			    strcmp(s->u[i].domain, dom_registrable(s,
			    s->m->from.domain)) == 0)) {
				finding_add(s, R_ATT_SVG_LINK, &(struct fargs){
				    .name = name, .url = s->u[i].url,
				    .sha256 = sha });
				break;
			}
		return;
	}
	if (hi.pw_inputs > 0)
		finding_add(s, R_ATT_HTML_CRED, &(struct fargs){ .name = name,
		    .url = hi.form_action, .sha256 = sha });
	else if (hi.redirect != NULL && !home_url(s, hi.redirect))
		finding_add(s, R_ATT_HTML_REDIRECT, &(struct fargs){
		    .name = name, .url = hi.redirect, .sha256 = sha });
	else if (hi.hid_redirect != NULL)
		finding_add(s, R_ATT_HTML_HIDDEN_REDIRECT, &(struct fargs){
		    .name = name, .detail = hi.hid_redirect, .sha256 = sha });
	else
		finding_add(s, R_ATT_HTML, &(struct fargs){ .name = name,
		    .sha256 = sha });
}

/*
 * A .url file's text as Windows reads its INI, whole: UTF-16 by its byte
 * order mark (each unit outside ASCII a '?', a broken pair breaks
 * nothing), a UTF-8 mark dropped, NULs as blanks; NULL when empty.
 */
static const char *
url_ini(struct detect_scan *s, const unsigned char *p, size_t len)
{
	char	*t, *o;
	size_t	 i;
	int	 be;

	if (len == 0)
		return NULL;
	o = t = arena_alloc(&s->a, len + 1);
	if (len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff))) {
		be = p[0] == 0xfe;
		for (i = 2; i + 1 < len; i += 2) {
			unsigned u = be ? (unsigned)p[i] << 8 | p[i + 1] :
			    (unsigned)p[i + 1] << 8 | p[i];

			*o++ = u == 0 ? ' ' : u < 0x80 ? (char)u : '?';
		}
	} else {
		i = len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf ?
		    3 : 0;
		for (; i < len; i++)
			*o++ = p[i] == 0 ? ' ' : (char)p[i];
	}
	*o = '\0';
	return t;
}

/*
 * The targets of a .url file, read as Windows reads its INI: in the
 * [InternetShortcut] section (a decoy section's URL= is not it), URL=
 * and IconFile= (an icon on a share is fetched as the file is shown,
 * with the reader's Windows login), blanks round the key and the '='
 * allowed, lines ended by CR, LF or both.
 */
static void
url_ini_links(struct detect_scan *s, const char *name, const char *t)
{
	const char	*l = t, *e, *eq, *k, *ke, *v, *ve;
	int		 in = 0;

	for (; *l != '\0'; l = *e != '\0' ? e + 1 : e) {
		e = l + strcspn(l, "\r\n");
		while (l < e && (*l == ' ' || *l == '\t'))
			l++;
		if (l < e && *l == '[') {
			const char *n0 = l + 1, *n1 = memchr(l, ']',
			    (size_t)(e - l));

			/* "[ InternetShortcut ]" is the section too. */
			while (n0 < e && (*n0 == ' ' || *n0 == '\t'))
				n0++;
			while (n1 != NULL && n1 > n0 && (n1[-1] == ' ' ||
			    n1[-1] == '\t'))
				n1--;
			in = n1 != NULL && n1 - n0 == 16 &&
			    str_ncasecmp(n0, "InternetShortcut", 16) == 0;
			continue;
		}
		if (!in || (eq = memchr(l, '=', (size_t)(e - l))) == NULL)
			continue;
		for (k = l, ke = eq; ke > k && (ke[-1] == ' ' ||
		    ke[-1] == '\t'); ke--)
			;
		if (!((ke - k == 3 && str_ncasecmp(k, "URL", 3) == 0) ||
		    (ke - k == 8 && str_ncasecmp(k, "IconFile", 8) == 0)))
			continue;
		for (v = eq + 1; v < e && (*v == ' ' || *v == '\t'); v++)
			;
		for (ve = e; ve > v && (ve[-1] == ' ' || ve[-1] == '\t'); ve--)
			;
		if (ve > v)
			url_add(s, v, (size_t)(ve - v), UO_ATTACH, NULL, name);
	}
}

static const char *
magic_type(struct detect_scan *s, const unsigned char *p, size_t n)
{
	const char	*t;

	if (s->magic == NULL || n == 0)
		return NULL;
	t = magic_buffer(s->magic, p, n < SNIFF_MAX ? n : SNIFF_MAX);
	return t != NULL ? arena_strdup(&s->a, t) : NULL;
}

void
attach_file(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t len, size_t size, const char *sha, const char *ctype,
    int from_encrypted)
{
	enum ftype	 ft = sniff(p, len, 1);
	const char	*mt = NULL, *type, *type_ja, *ini = NULL;
	char		 e1[32], tb[160], shabuf[65];
	int		 svg;

	(void)size;
	/* Outlook's winmail.dat: its files are read; then the bytes are
	 * looked at as what else they are (a zip, a page or a PDF behind
	 * the signature opens as that in its own program). */
	if (ft == FT_TNEF) {
		tnef_walk(s, name, p, len);
		ft = sniff(p, len, 0);
		/* Its body's HTML or text is no page of its own (a name
		 * or type that says page still makes it one, below). */
		if (ft == FT_HTML || ft == FT_SVG || ft == FT_TEXT)
			ft = FT_UNKNOWN;
	}
	/* libmagic only where the engine's own checks say too little: it
	 * is the costliest step of a plain attachment (its regular
	 * expressions are compiled at every call). */
	if (ft == FT_UNKNOWN || ft == FT_OLE)
		mt = magic_type(s, p, len);
	if (sha == NULL) {
		sha256_hex(p, len, shabuf);
		sha = arena_strdup(&s->a, shabuf);
	}
	if (ft == FT_UNKNOWN && mt != NULL) {
		if (strcmp(mt, "application/x-msi") == 0)
			ft = FT_MSI;
		else if (strstr(mt, "dosexec") || strstr(mt, "executable"))
			ft = FT_PE;
		else if (strcmp(mt, "text/html") == 0)
			ft = FT_HTML;
		else if (strcmp(mt, "image/svg+xml") == 0)
			ft = FT_SVG;
		else if (strncmp(mt, "image/", 6) == 0)
			ft = FT_IMAGE;
		else if (strncmp(mt, "text/", 5) == 0)
			ft = FT_TEXT;
	}
	if (ft == FT_OLE && mt != NULL && strcmp(mt, "application/x-msi") == 0)
		ft = FT_MSI;
	/* Windows reads a .url as an INI file: its section may come after
	 * kilobytes of comments, in UTF-16 too. */
	if ((ft == FT_TEXT || ft == FT_UNKNOWN) && strcmp(ext_of(name, e1,
	    sizeof(e1), 0), "url") == 0 && (ini = url_ini(s, p, len)) != NULL &&
	    mem_has_case(ini, strlen(ini),
	    "InternetShortcut"))
		ft = FT_URLFILE;
	snprintf(tb, sizeof(tb), "%s%s%s%s", ftname[ft], mt ? " (" : "",
	    mt ? mt : "", mt ? ")" : "");
	type = arena_strdup(&s->a, tb);
	type_ja = arena_printf(&s->a, "%s%s%s%s", ftname_ja[ft], mt ? " (" :
	    "", mt ? mt : "", mt ? ")" : "");
	ext_of(name, e1, sizeof(e1), 0);
	if (ctype != NULL && ft == FT_UNKNOWN && (strcmp(ctype, "text/html") ==
	    0 || strcmp(e1, "htm") == 0 || strcmp(e1, "html") == 0) &&
	    len > 0)
		ft = FT_HTML;
	svg = ft == FT_SVG || strcmp(e1, "svg") == 0 ||
	    (ctype != NULL && strcmp(ctype, "image/svg+xml") == 0);

	name_check(s, name, sha, 0);
	av_scan(s, name, p, len, sha, s->depth == 0 || from_encrypted);

	/* A document name on something else. */
	if (str_in_list(e1, DOC_EXT) && (ft == FT_HTML || ft == FT_SVG ||
	    ft == FT_LNK || ft == FT_URLFILE) &&
	    !(ft == FT_SVG && strcmp(e1, "svg") == 0))
		finding_add(s, R_ATT_TYPE_MISMATCH, &(struct fargs){
		    .name = name, .type = type, .type_ja = type_ja,
		    .sha256 = sha });

	switch (ft) {
	case FT_PE:
	case FT_ELF:
	case FT_MACHO:
	case FT_MSI:
		finding_add(s, R_ATT_EXECUTABLE, &(struct fargs){ .name = name,
		    .type = type, .type_ja = type_ja, .sha256 = sha });
		break;
	case FT_LNK:
		finding_add(s, R_ATT_SHORTCUT, &(struct fargs){ .name = name,
		    .type = type, .type_ja = type_ja, .sha256 = sha });
		break;
	case FT_CHM:
		finding_add(s, R_ATT_SCRIPT, &(struct fargs){ .name = name,
		    .type = type, .type_ja = type_ja, .sha256 = sha });
		break;
	case FT_ISO:
	case FT_VHD:
	case FT_VHDX:
		finding_add(s, R_ATT_DISK_IMAGE, &(struct fargs){ .name = name,
		    .type = type, .type_ja = type_ja, .sha256 = sha });
		if (ft == FT_ISO)
			archive_walk(s, name, p, len);
		break;
	case FT_ONENOTE:
		finding_add(s, R_ATT_ONENOTE, &(struct fargs){ .name = name,
		    .type = type, .type_ja = type_ja, .sha256 = sha });
		break;
	case FT_OLE:
		ole_check(s, name, p, len, type, type_ja, sha);
		/* An Outlook item: its body and attachments, as Outlook
		 * opens it. */
		if (item_is(p, len))
			item_read(s, name, p, len, sha);
		break;
	case FT_PDF:
		pdf_check(s, name, p, len, sha);
		break;
	case FT_RTF:
		if (mem_has_case(p, len, "\\objdata") || mem_has_case(p, len,
		    "\\objupdate") || mem_has_case(p, len, "\\objemb"))
			finding_add(s, R_ATT_RTF_OBJECT, &(struct fargs){
			    .name = name, .sha256 = sha });
		url_scan_text(s, (const char *)p, len, UO_ATTACH, name);
		break;
	case FT_HTML:
	case FT_SVG:
		html_attachment(s, name, p, len, ft == FT_SVG || svg, sha);
		break;
	case FT_URLFILE: {
		size_t before = s->nu;

		if (ini == NULL)
			ini = url_ini(s, p, len);
		if (ini != NULL) {
			url_ini_links(s, name, ini);
			url_scan_text(s, ini, strlen(ini), UO_ATTACH, name);
		}
		finding_add(s, R_ATT_URLFILE, &(struct fargs){ .name = name,
		    .type = type, .type_ja = type_ja, .sha256 = sha,
		    .url = s->nu > before ?
		    s->u[before].url : NULL });
		break;
	}
	case FT_PNG:
	case FT_JPEG:
	case FT_GIF:
	case FT_IMAGE:
		qr_scan(s, name, p, len);
		break;
	case FT_ZIP:
	case FT_RAR:
	case FT_7Z:
	case FT_GZ:
	case FT_BZ2:
	case FT_XZ:
	case FT_ZSTD:
	case FT_LZ4:
	case FT_CAB:
	case FT_TAR:
		archive_walk(s, name, p, len);
		break;
	case FT_CPIO:
	case FT_COMPRESS:
		archive_walk(s, name, p, len);
		/* A few bytes of a magic in front of a page: a browser
		 * shows the page. */
		if (html_head(p, len))
			html_attachment(s, name, p, len, svg, sha);
		break;
	case FT_ARJ:
		if (html_head(p, len))
			html_attachment(s, name, p, len, svg, sha);
		/* 7-Zip and WinRAR open it; libarchive does not. */
		finding_add(s, R_ATT_ARCHIVE_UNREAD, &(struct fargs){
		    .name = name, .sha256 = sha,
		    .detail = "it is an ARJ archive, which the scan cannot "
		    "open", .detail_ja = "開けない形式 (ARJ) のアーカイブです" });
		break;
	case FT_TEXT:
		uu_file(s, name, p, len);
		if (svg)
			html_attachment(s, name, p, len, 1, sha);
		else if (len <= DETECT_TEXT_MAX)
			url_scan_text(s, (const char *)p, len, UO_ATTACH, name);
		break;
	default:
		if (svg)
			html_attachment(s, name, p, len, 1, sha);
		break;
	}
}

void
attach_run(struct detect_scan *s)
{
	size_t	 i;

	for (i = 0; i < s->m->nparts; i++) {
		const struct dpart *p = &s->m->parts[i];
		const char *name = p->name;

		if (name == NULL)
			name = arena_printf(&s->a, "(unnamed %s)", p->ctype ?
			    p->ctype : "part");
		s->depth = 0;
		attach_file(s, name, p->data, p->len, p->size, p->sha256,
		    p->ctype, 0);
	}
}
