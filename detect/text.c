/*
 * text: charsets to UTF-8 (Japanese ones with care), UTF-8 helpers and
 * the normalisation every phrase match runs on.
 *
 * ISO-2022-JP is decoded here rather than by iconv: glibc's converter
 * refuses the NEC and IBM rows that Windows puts in "ISO-2022-JP" mail
 * (①, ㈱, ...), so the JIS pairs are mapped to Shift_JIS arithmetically
 * and the result converted as CP932, which has them all.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "util.h"

size_t
utf8_next(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 c;
	size_t			 len, i;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2;
		c = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		c = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		c = p[0] & 0x07;
	} else
		goto bad;
	if (n < len)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xfffd;
	return 1;
}

size_t
utf8_put(uint32_t c, char out[4])
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

static int
all_ascii(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || s[i] == 0x1b)
			return 0;
	return 1;
}

/* Canonical iconv name for a declared charset; "" for unknown/none. */
static const char *
cs_canon(const char *cs, char *tmp, size_t tmpsz)
{
	static const struct {
		const char	*alias, *name;
	} map[] = {
		{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" },
		{ "unicode-1-1-utf-8", "UTF-8" },
		{ "us-ascii", "ASCII" }, { "ascii", "ASCII" },
		{ "ansi_x3.4-1968", "ASCII" }, { "default", "ASCII" },
		{ "shift_jis", "CP932" }, { "shift-jis", "CP932" },
		{ "sjis", "CP932" }, { "x-sjis", "CP932" },
		{ "ms_kanji", "CP932" }, { "csshiftjis", "CP932" },
		{ "windows-31j", "CP932" }, { "cp932", "CP932" },
		{ "x-ms-cp932", "CP932" }, { "ms932", "CP932" },
		{ "shift_jisx0213", "CP932" },
		{ "euc-jp", "EUC-JP-MS" }, { "x-euc-jp", "EUC-JP-MS" },
		{ "eucjp", "EUC-JP-MS" }, { "ujis", "EUC-JP-MS" },
		{ "cseucpkdfmtjapanese", "EUC-JP-MS" },
		{ "euc-jis-2004", "EUC-JP-MS" },
		{ "iso-2022-jp", "ISO-2022-JP" },
		{ "iso-2022-jp-1", "ISO-2022-JP" },
		{ "iso-2022-jp-2", "ISO-2022-JP" },
		{ "iso-2022-jp-3", "ISO-2022-JP" },
		{ "csiso2022jp", "ISO-2022-JP" }, { "jis", "ISO-2022-JP" },
		{ "cp50220", "ISO-2022-JP" }, { "cp50221", "ISO-2022-JP" },
		{ "cp50222", "ISO-2022-JP" },
		{ "iso-2022-jp-ms", "ISO-2022-JP" },
		{ "iso-8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
		{ "iso_8859-1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" },
		{ "ks_c_5601-1987", "CP949" }, { "euc-kr", "CP949" },
		{ "gb2312", "GB18030" }, { "gbk", "GB18030" },
		{ "x-gbk", "GB18030" }, { "gb18030", "GB18030" },
		{ "big5", "BIG5-HKSCS" },
		{ "utf-16", "UTF-16" }, { "utf16", "UTF-16" },
		{ "ucs-2", "UTF-16" }, { "unicode", "UTF-16" },
		{ "utf-16le", "UTF-16LE" }, { "utf-16be", "UTF-16BE" },
		{ "utf-32", "UTF-32" }, { "ucs-4", "UTF-32" },
		{ "utf-32le", "UTF-32LE" }, { "utf-32be", "UTF-32BE" },
	};
	size_t	 i, n = 0;

	if (cs == NULL)
		return "";
	for (; *cs == ' ' || *cs == '"' || *cs == '\''; cs++)
		;
	for (; *cs != '\0' && n + 1 < tmpsz; cs++) {
		if (*cs == '"' || *cs == '\'' || *cs == ' ' || *cs == ';')
			break;
		tmp[n++] = (char)((*cs >= 'A' && *cs <= 'Z') ?
		    *cs + 32 : *cs);
	}
	tmp[n] = '\0';
	if (n == 0)
		return "";
	for (i = 0; i < nitems(map); i++)
		if (strcmp(tmp, map[i].alias) == 0)
			return map[i].name;
	return tmp;
}

/* Shift_JIS against EUC-JP: which reads the 8-bit bytes with fewer
 * errors.  Returns the iconv name to use. */
static const char *
jp_guess(const unsigned char *p, size_t n)
{
	size_t	 i;
	long	 sj = 0, euc = 0, hi = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = p[i];

		if (c < 0x80)
			continue;
		hi++;
		if (((c >= 0x81 && c <= 0x9f) || (c >= 0xe0 && c <= 0xfc)) &&
		    i + 1 < n) {
			unsigned char d = p[i + 1];

			if (d >= 0x40 && d <= 0xfc && d != 0x7f)
				sj += 2;
			else
				sj -= 4;
		} else if (c >= 0xa1 && c <= 0xdf)
			sj += 0;	/* half-width kana: rare, neutral */
		else
			sj -= 4;
		i++;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = p[i];

		if (c < 0x80)
			continue;
		if (c >= 0xa1 && c <= 0xfe && i + 1 < n &&
		    p[i + 1] >= 0xa1 && p[i + 1] <= 0xfe)
			euc += 2;
		else if (c == 0x8e && i + 1 < n && p[i + 1] >= 0xa1 &&
		    p[i + 1] <= 0xdf)
			euc += 1;
		else
			euc -= 4;
		i++;
	}
	if (hi == 0)
		return "WINDOWS-1252";
	/* Japanese text reads well in one of them; Latin text in neither. */
	if (sj >= euc && sj > hi / 2)
		return "CP932";
	if (euc > sj && euc > hi / 2)
		return "EUC-JP-MS";
	return "WINDOWS-1252";
}

/* The length of the ISO-2022-JP escape sequence at p, 0 if it is none;
 * *two tells whether it switches to a two-byte set. */
static size_t
jis_escape(const unsigned char *p, size_t n, int *two)
{
	*two = 0;
	if (n >= 3 && p[1] == '(' && strchr("BJHI", p[2]) != NULL)
		return 3;
	*two = 1;
	if (n >= 3 && p[1] == '$' && (p[2] == 'B' || p[2] == '@'))
		return 3;
	if (n >= 4 && p[1] == '$' && p[2] == '(' && strchr("DOPQ", p[3]) !=
	    NULL)
		return 4;
	return 0;
}

/*
 * Whether text with no (or a wrong) charset label is ISO-2022-JP: 7-bit,
 * at least one switch to a two-byte set, every ESC one of ISO-2022-JP's
 * sequences, and every two-byte stretch whole pairs of 0x21-0x7e up to
 * the next escape or line end (RFC 1468).  A stray "ESC $ B" in UTF-8
 * or ASCII text (an HTML comment) fails one of these, so the text stays
 * what it says it is.
 */
static int
jis_valid(const char *in, size_t n)
{
	const unsigned char	*p = (const unsigned char *)in;
	size_t			 i, k, run = 0;
	int			 two = 0, seen = 0;

	if (memchr(in, 0x1b, n) == NULL)
		return 0;
	for (i = 0; i < n; i++) {
		if (p[i] >= 0x80)
			return 0;
		if (p[i] == 0x1b) {
			if (two && run % 2 != 0)
				return 0;
			if ((k = jis_escape(p + i, n - i, &two)) == 0)
				return 0;
			seen |= two || p[i + 2] == 'I';
			run = 0;
			i += k - 1;
		} else if (two && (p[i] == '\r' || p[i] == '\n')) {
			if (run % 2 != 0)
				return 0;
			two = 0;
		} else if (two && (p[i] < 0x21 || p[i] > 0x7e))
			return 0;
		else if (two)
			run++;
	}
	return seen && run % 2 == 0;
}

/* ISO-2022-JP to CP932 bytes (see the comment at the top); with
 * eol_ascii, every line starts in ASCII (RFC 1468). */
static char *
jis_to_sjis(struct arena *a, const char *in, size_t len, int eol_ascii,
    size_t *outlen)
{
	const unsigned char	*p = (const unsigned char *)in;
	char			*out = arena_alloc(a, len + 1);
	size_t			 i = 0, o = 0;
	enum { M_ASCII, M_JIS, M_KANA, M_0212 } mode = M_ASCII;

	while (i < len) {
		unsigned char c = p[i];

		if (c == 0x1b && i + 2 < len) {
			if (p[i + 1] == '$' && (p[i + 2] == 'B' ||
			    p[i + 2] == '@')) {
				mode = M_JIS;
				i += 3;
				continue;
			}
			if (p[i + 1] == '$' && p[i + 2] == '(' && i + 3 < len) {
				mode = p[i + 3] == 'D' ? M_0212 : M_JIS;
				i += 4;
				continue;
			}
			if (p[i + 1] == '(' && (p[i + 2] == 'B' ||
			    p[i + 2] == 'J' || p[i + 2] == 'H')) {
				mode = M_ASCII;
				i += 3;
				continue;
			}
			if (p[i + 1] == '(' && p[i + 2] == 'I') {
				mode = M_KANA;
				i += 3;
				continue;
			}
		}
		if (c == 0x0e) {	/* SO: kana */
			mode = M_KANA;
			i++;
			continue;
		}
		if (c == 0x0f) {	/* SI */
			mode = M_ASCII;
			i++;
			continue;
		}
		if (c < 0x21 || c >= 0x7f || mode == M_ASCII) {
			/* Controls and stray 8-bit bytes pass as they are:
			 * mislabelled Shift_JIS then still reads. */
			if (c == '\n' || c == '\r')
				mode = mode == M_KANA || eol_ascii ?
				    M_ASCII : mode;
			out[o++] = (char)c;
			i++;
			continue;
		}
		if (mode == M_KANA) {
			out[o++] = (char)(c <= 0x5f ? c + 0x80 : '?');
			i++;
			continue;
		}
		if (i + 1 >= len || p[i + 1] < 0x21 || p[i + 1] > 0x7e) {
			out[o++] = '?';
			i++;
			continue;
		}
		if (mode == M_0212) {
			/* No Shift_JIS equivalent: a geta mark. */
			out[o++] = (char)0x81;
			out[o++] = (char)0xac;
			i += 2;
			continue;
		}
		{
			unsigned j1 = c, j2 = p[i + 1], s1, s2;

			s1 = ((j1 + 1) >> 1) + (j1 <= 0x5e ? 0x70 : 0xb0);
			if (j1 & 1)
				s2 = j2 + (j2 >= 0x60 ? 0x20 : 0x1f);
			else
				s2 = j2 + 0x7e;
			out[o++] = (char)s1;
			out[o++] = (char)s2;
			i += 2;
		}
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* iconv with recovery: a bad byte becomes U+FFFD and the rest goes on. */
static char *
conv(struct arena *a, const char *from, const char *in, size_t len,
    size_t max, size_t *outlen)
{
	iconv_t	 cd;
	size_t	 cap, inleft = len, outleft;
	char	*out, *ip = (char *)in, *op;

	cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return NULL;
	cap = len > (max - 4) / 3 ? max : len * 3;
	out = arena_alloc(a, cap + 4);
	op = out;
	outleft = cap;
	while (inleft > 0) {
		size_t r = iconv(cd, &ip, &inleft, &op, &outleft);

		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			break;
		/* EILSEQ or EINVAL (cut at the end): replace and go on. */
		if (outleft < 3)
			break;
		memcpy(op, "\xef\xbf\xbd", 3);
		op += 3;
		outleft -= 3;
		ip++;
		inleft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	*op = '\0';
	*outlen = (size_t)(op - out);
	return out;
}

/* Copy valid UTF-8, replacing invalid bytes. */
static char *
utf8_fix(struct arena *a, const char *in, size_t len, size_t max,
    size_t *outlen)
{
	size_t	 cap = len > (max - 4) / 3 ? max : len * 3, i = 0, o = 0, k;
	char	*out = arena_alloc(a, cap + 4);
	uint32_t c;

	while (i < len && o + 4 <= cap) {
		k = utf8_next(in + i, len - i, &c);
		if (c == 0xfffd && k == 1) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
		} else {
			memcpy(out + o, in + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/*
 * 8-bit text declared UTF-8 (or ASCII, or not at all) that is not all
 * valid UTF-8: NULL to read it as UTF-8 with U+FFFD for the bad bytes,
 * else the legacy charset to read it in (jp_guess()).  A few bad bytes
 * must not turn the rest into mojibake (one 0xff in a comment hid a
 * Cyrillic look-alike domain), so the text counts as legacy only when
 * the invalid bytes outnumber the 8-bit bytes that form valid UTF-8:
 * real Shift_JIS or EUC-JP mislabelled reads about 30% "valid" by
 * chance and 70% invalid, Latin-1 almost all invalid, Big5 and GBK
 * mostly invalid.  A text padded with more invalid bytes than it has
 * UTF-8 is still read as legacy: the rule is a majority, not a proof.
 */
static const char *
utf8_legacy(const char *in, size_t n)
{
	size_t		 i = 0, k, good = 0, bad = 0;
	uint32_t	 c;

	while (i < n) {
		if ((unsigned char)in[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_next(in + i, n - i, &c);
		if (c == 0xfffd && k == 1)
			bad++;
		else
			good += k;
		i += k;
	}
	if (bad == 0 || bad <= good)
		return NULL;
	return jp_guess((const unsigned char *)in, n);
}

/* UTF-16 and UTF-32 (not ASCII-compatible): the iconv name to read the
 * text with, NULL for any other charset.  Without a byte order mark
 * UTF-16 is big-endian (RFC 2781 §4.3), but little-endian text without
 * one is common: its NULs (Latin letters) are at odd offsets. */
static const char *
wide(const char *name, const unsigned char *p, size_t n)
{
	size_t	 i, even = 0, odd = 0;

	if (strncmp(name, "UTF-16", 6) != 0 && strncmp(name, "UTF-32", 6) != 0)
		return NULL;
	if (strcmp(name, "UTF-16") != 0)
		return name;
	if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe &&
	    p[1] == 0xff)))
		return name;
	for (i = 0; i < n && i < 4096; i++)
		if (p[i] == 0)
			*(i % 2 ? &odd : &even) += 1;
	return odd > even ? "UTF-16LE" : "UTF-16BE";
}

static char *
to_utf8(struct arena *a, const char *cs, const char *in, size_t len,
    size_t max, size_t *outlen, int bom)
{
	char		 tmp[64], *out;
	const char	*name, *w;
	int		 jis;

	if (len > max)
		len = max;
	if (max < 16)
		max = 16;
	name = cs_canon(cs, tmp, sizeof(tmp));
	/* A byte order mark says more than the label, as a browser
	 * reads it (the Encoding Standard's decode). */
	if (!bom)
		;
	else if (len >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0)
		name = "UTF-8";
	else if (len >= 2 && strncmp(name, "UTF-32", 6) != 0 &&
	    (unsigned char)in[0] == 0xff && (unsigned char)in[1] == 0xfe)
		name = "UTF-16LE";
	else if (len >= 2 && strncmp(name, "UTF-32", 6) != 0 &&
	    (unsigned char)in[0] == 0xfe && (unsigned char)in[1] == 0xff)
		name = "UTF-16BE";
	if ((w = wide(name, (const unsigned char *)in, len)) != NULL &&
	    (out = conv(a, w, in, len, max, outlen)) != NULL)
		return out;
	/* Declared ISO-2022-JP: its escapes are trusted (even in text
	 * that switches only between ASCII and Roman: "ht ESC ( B tp:"
	 * is "http:" to a reader).  Under any other label (or none, or
	 * an unknown one) only text that is valid ISO-2022-JP is read as
	 * such, line by line. */
	jis = strcmp(name, "ISO-2022-JP") == 0;
	if (jis)
		jis = memchr(in, 0x1b, len) != NULL;
	else if (w == NULL)
		jis = jis_valid(in, len) ? 2 : 0;
	if (jis) {
		size_t	 sl;
		char	*sj = jis_to_sjis(a, in, len, jis == 2, &sl);

		out = conv(a, "CP932", sj, sl, max, outlen);
		if (out != NULL)
			return out;
	}
	if (all_ascii(in, len)) {
		/* Every byte, NULs too: *outlen must be what is there. */
		out = arena_alloc(a, len + 1);
		memcpy(out, in, len);
		out[len] = '\0';
		*outlen = len;
		return out;
	}
	if (strcmp(name, "UTF-8") == 0 || strcmp(name, "ASCII") == 0 ||
	    name[0] == '\0' || strcmp(name, "ISO-2022-JP") == 0) {
		if ((name = utf8_legacy(in, len)) == NULL)
			return utf8_fix(a, in, len, max, outlen);
	}
	out = conv(a, name, in, len, max, outlen);
	if (out == NULL) {
		/* A charset iconv does not know: guess. */
		if ((name = utf8_legacy(in, len)) == NULL)
			return utf8_fix(a, in, len, max, outlen);
		out = conv(a, name, in, len, max, outlen);
	}
	if (out == NULL)
		out = utf8_fix(a, in, len, max, outlen);
	return out;
}

char *
text_to_utf8(struct arena *a, const char *cs, const char *in, size_t len,
    size_t max, size_t *outlen)
{
	return to_utf8(a, cs, in, len, max, outlen, 1);
}

const char *
codepage_charset(unsigned cp, char *buf, size_t bufsz)
{
	if (cp == 65001)
		return "UTF-8";
	/* glibc's iconv knows Mac Roman by this name, not "CP10000". */
	if (cp == 10000)
		return "MACINTOSH";
	snprintf(buf, bufsz, "CP%u", cp);
	return buf;
}

/*
 * A header's or a file name's bytes to UTF-8, as text_to_utf8() reads
 * a body but for a byte order mark: in a name or an encoded word there
 * is none, and bytes that look like one are characters of the charset
 * given or guessed ("\xff\xfeinvoice.js" was read as UTF-16, CJK
 * characters and no extension; Windows shows " ■invoice.js"), and under
 * UTF-16LE they are a code unit like any other (EF BB BF made a TNEF
 * name UTF-8, cut at its first NUL).
 */
char *
text_name_to_utf8(struct arena *a, const char *cs, const char *in,
    size_t len, size_t max, size_t *outlen)
{
	return to_utf8(a, cs, in, len, max, outlen, 0);
}

/* Latin-1 supplement and Latin Extended-A to base letters. */
static const char latin_base[] =
    /* C0 */ "aaaaaaaceeeeiiii" /* D0 */ "dnooooo\0ouuuuyts"
    /* E0 */ "aaaaaaaceeeeiiii" /* F0 */ "dnooooo\0ouuuuyty"
    /* 100 */ "aaaaaaccccccccdd" /* 110 */ "ddeeeeeeeeeegggg"
    /* 120 */ "gggghhhhiiiiiiii" /* 130 */ "iiiijjkkklllllll"
    /* 140 */ "lllnnnnnnnnnoooo" /* 150 */ "oooorrrrrrssssss"
    /* 160 */ "ssttttttuuuuuuuu" /* 170 */ "uuuuwwyyyzzzzzzs";

uint32_t
text_fold(uint32_t c)
{
	static const struct {
		uint32_t	 cp;
		char		 to;
	} homo[] = {
		/* sorted by code point: binary search */
		{ 0x0180, 'b' }, { 0x0184, 'b' }, { 0x0185, 'b' },
		{ 0x01a0, 'o' }, { 0x01a1, 'o' }, { 0x01af, 'u' },
		{ 0x01b0, 'u' }, { 0x0251, 'a' }, { 0x0261, 'g' },
		{ 0x0269, 'i' }, { 0x026a, 'i' }, { 0x0274, 'n' },
		{ 0x0280, 'r' }, { 0x028f, 'y' }, { 0x0391, 'a' },
		{ 0x0392, 'b' }, { 0x0395, 'e' }, { 0x0396, 'z' },
		{ 0x0397, 'h' }, { 0x0399, 'i' }, { 0x039a, 'k' },
		{ 0x039c, 'm' }, { 0x039d, 'n' }, { 0x039f, 'o' },
		{ 0x03a1, 'p' }, { 0x03a4, 't' }, { 0x03a5, 'y' },
		{ 0x03a7, 'x' }, { 0x03b1, 'a' }, { 0x03b9, 'i' },
		{ 0x03ba, 'k' }, { 0x03bd, 'v' }, { 0x03bf, 'o' },
		{ 0x03c1, 'p' }, { 0x03c4, 't' }, { 0x03c5, 'u' },
		{ 0x03c7, 'x' }, { 0x0405, 's' }, { 0x0406, 'i' },
		{ 0x0408, 'j' }, { 0x0410, 'a' }, { 0x0412, 'b' },
		{ 0x0415, 'e' }, { 0x041a, 'k' }, { 0x041c, 'm' },
		{ 0x041d, 'h' }, { 0x041e, 'o' }, { 0x0420, 'p' },
		{ 0x0421, 'c' }, { 0x0422, 't' }, { 0x0423, 'y' },
		{ 0x0425, 'x' }, { 0x0430, 'a' }, { 0x0435, 'e' },
		{ 0x043e, 'o' }, { 0x0440, 'p' }, { 0x0441, 'c' },
		{ 0x0443, 'y' }, { 0x0445, 'x' }, { 0x0451, 'e' },
		{ 0x0455, 's' }, { 0x0456, 'i' }, { 0x0457, 'i' },
		{ 0x0458, 'j' }, { 0x04bb, 'h' }, { 0x04cf, 'l' },
		{ 0x0501, 'd' }, { 0x051b, 'q' }, { 0x051d, 'w' },
		{ 0x0566, 'q' }, { 0x0570, 'h' }, { 0x0578, 'n' },
		{ 0x057d, 'u' }, { 0x0581, 'g' }, { 0x0585, 'o' },
		{ 0x13a2, 't' }, { 0x13aa, 'a' }, { 0x13ab, 'j' },
		{ 0x13ac, 'e' }, { 0x13b3, 'w' }, { 0x13b7, 'm' },
		{ 0x13bb, 'h' }, { 0x13d9, 'v' }, { 0x13da, 's' },
		{ 0x13de, 'l' }, { 0x13df, 'c' }, { 0x13e2, 'p' },
		{ 0x13e6, 'k' }, { 0x13f4, 'b' }, { 0x1974, 'c' },
		{ 0x1d00, 'a' }, { 0x1d04, 'c' }, { 0x1d05, 'd' },
		{ 0x1d07, 'e' }, { 0x1d0b, 'k' }, { 0x1d0d, 'm' },
		{ 0x1d0f, 'o' }, { 0x1d18, 'p' }, { 0x1d1b, 't' },
		{ 0x1d1c, 'u' }, { 0x1d20, 'v' }, { 0x1d21, 'w' },
		{ 0x1d22, 'z' }, { 0x2102, 'c' }, { 0x210a, 'g' },
		{ 0x210b, 'h' }, { 0x210c, 'h' }, { 0x210d, 'h' },
		{ 0x210e, 'h' }, { 0x2110, 'i' }, { 0x2111, 'i' },
		{ 0x2112, 'l' }, { 0x2113, 'l' }, { 0x2115, 'n' },
		{ 0x2119, 'p' }, { 0x211a, 'q' }, { 0x211b, 'r' },
		{ 0x211c, 'r' }, { 0x211d, 'r' }, { 0x2124, 'z' },
		{ 0x212c, 'b' }, { 0x212d, 'c' }, { 0x212f, 'e' },
		{ 0x2130, 'e' }, { 0x2131, 'f' }, { 0x2133, 'm' },
		{ 0x2134, 'o' }, { 0xa4d0, 'b' }, { 0xa4d1, 'p' },
		{ 0xa4d3, 'd' }, { 0xa4d4, 't' }, { 0xa4d6, 'g' },
		{ 0xa4d7, 'k' }, { 0xa4d9, 'j' }, { 0xa4da, 'c' },
		{ 0xa4dc, 'z' }, { 0xa4dd, 'f' }, { 0xa4df, 'm' },
		{ 0xa4e0, 'n' }, { 0xa4e1, 'l' }, { 0xa4e2, 's' },
		{ 0xa4e3, 'r' }, { 0xa4e6, 'v' }, { 0xa4e7, 'h' },
		{ 0xa4ea, 'w' }, { 0xa4eb, 'x' }, { 0xa4ec, 'y' },
		{ 0xa4f0, 'e' }, { 0xa4f2, 'i' }, { 0xa4f4, 'u' }
	};
	size_t	 lo, hi, mid;

	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			return c + 32;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			return c;
		return 0;
	}
	if (c >= 0xc0 && c <= 0x17f)
		return latin_base[c - 0xc0] ? (uint32_t)latin_base[c - 0xc0] : 0;
	if (c >= 0x1e00 && c <= 0x1eff) {
		/* Latin Extended Additional: the few common vowels. */
		static const char ext[] =
		    "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiii"
		    "oooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";
		if (c >= 0x1ea0 && c - 0x1ea0 < sizeof(ext) - 1)
			return (uint32_t)ext[c - 0x1ea0];
		return 0;
	}
	if (c >= 0xff10 && c <= 0xff19)
		return '0' + (c - 0xff10);
	if (c >= 0xff21 && c <= 0xff3a)
		return 'a' + (c - 0xff21);
	if (c >= 0xff41 && c <= 0xff5a)
		return 'a' + (c - 0xff41);
	if (c >= 0x1d400 && c <= 0x1d6a3) {
		uint32_t k = (c - 0x1d400) % 52;
		return 'a' + (k < 26 ? k : k - 26);
	}
	if (c >= 0x1d7ce && c <= 0x1d7ff)
		return '0' + (c - 0x1d7ce) % 10;
	if (c >= 0x24b6 && c <= 0x24cf)
		return 'a' + (c - 0x24b6);
	if (c >= 0x24d0 && c <= 0x24e9)
		return 'a' + (c - 0x24d0);
	if (c >= 0x1f130 && c <= 0x1f189)
		return 'a' + (c - 0x1f130) % 26;
	if (c >= 0x1f1e6 && c <= 0x1f1ff)	/* regional indicators */
		return 'a' + (c - 0x1f1e6);
	lo = 0;
	hi = nitems(homo);
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (homo[mid].cp == c)
			return (uint32_t)homo[mid].to;
		if (homo[mid].cp < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
text_invisible(uint32_t c)
{
	return c == 0xad || c == 0x34f || c == 0x61c || c == 0x115f ||
	    c == 0x1160 || c == 0x17b4 || c == 0x17b5 || c == 0x180e ||
	    (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2060 && c <= 0x2064) || c == 0x3164 || c == 0xfeff ||
	    c == 0xffa0 || (c >= 0xfe00 && c <= 0xfe0f) ||
	    (c >= 0xfff9 && c <= 0xfffb) || (c >= 0x1d173 && c <= 0x1d17a) ||
	    (c >= 0xe0000 && c <= 0xe007f) || (c >= 0xe0100 && c <= 0xe01ef);
}

/* A variation selector, a tag character or a joiner: how the character
 * before it is drawn (U+FE0F an emoji, U+E0100.. an ideograph's variant,
 * tags a flag's region, U+200D emoji joined into one). */
static int
modifier(uint32_t c)
{
	return (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0000 &&
	    c <= 0xe007f) || (c >= 0xe0100 && c <= 0xe01ef) ||
	    c == 0x200c || c == 0x200d;
}

/* A letter or digit of the Latin alphabet, IPA's and full-width ones
 * too. */
static int
latin_context(uint32_t c)
{
	return text_script(c) == SC_LATIN || (c >= '0' && c <= '9') ||
	    (c >= 0x250 && c <= 0x2af) || (c >= 0xff10 && c <= 0xff19) ||
	    (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

/* Does a keycap (U+20E3) come next, after any selectors? */
static int
keycap(const char *s, size_t n)
{
	uint32_t	 c;
	size_t		 i = 0, k;

	while (i < n) {
		k = utf8_next(s + i, n - i, &c);
		if (c != 0xfe0f)
			return c == 0x20e3;
		i += k;
	}
	return 0;
}

/* A combining mark: part of the letter before it ("e" and U+0301 are
 * the "é" that folds to "e"). */
static int
combining(uint32_t c)
{
	return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) ||
	    (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) ||
	    (c >= 0xfe20 && c <= 0xfe2f);
}

enum script
text_script(uint32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7) ||
	    (c >= 0x1e00 && c <= 0x1eff))
		return SC_LATIN;
	if (c >= 0x400 && c <= 0x52f)
		return SC_CYRILLIC;
	if (c >= 0x370 && c <= 0x3ff)
		return SC_GREEK;
	if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xff66 && c <= 0xff9f))
		return SC_CJK;
	return SC_OTHER;
}

static int
is_space(uint32_t c)
{
	/* An underscore too: "Your_Reward_Worth" is three words. */
	return c == ' ' || c == '_' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' ||
	    c == '\v' || c == 0xa0 || c == 0x3000 || c == 0x1680 ||
	    (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
	    c == 0x202f || c == 0x205f;
}

/* Armenian, Cherokee, Tai Le and Lisu: scripts whose letters pass for
 * Latin ones ("aᥴcount", "ꓟetaꓟask") and are no language of our mail. */
static int
lookalike_script(uint32_t c)
{
	return (c >= 0x0531 && c <= 0x058f) || (c >= 0x13a0 && c <= 0x13ff) ||
	    (c >= 0x1950 && c <= 0x197f) || (c >= 0xa4d0 && c <= 0xa4ff);
}

static int
is_math(uint32_t c)
{
	return (c >= 0x1d400 && c <= 0x1d7ff) || (c >= 0x24b6 &&
	    c <= 0x24e9) || (c >= 0x1f130 && c <= 0x1f189);
}

void
text_norm(struct buf *out, const char *s, size_t n, struct norm_stats *st)
{
	size_t	 i = 0, k, wstart = 0;
	uint32_t c, f;
	int	 space = out->len == 0 || out->ptr[out->len - 1] == ' ';
	int	 w_latin = 0, w_other = 0, w_inv = 0, in_word = 0;
	uint32_t prev = 0;
	int	 hides = -1;	/* a modifier after prev hides (-1: not asked) */
	char	 u[4];

	while (i < n) {
		k = utf8_next(s + i, n - i, &c);
		if (text_invisible(c)) {
			/* A soft hyphen inside a word is typography; a
			 * variation selector, a tag character or a joiner
			 * chooses how the character before is drawn (an
			 * ideograph's variant, an emoji, a flag, a family of
			 * emoji) and hides something only after a letter or
			 * digit of the Latin alphabet (not a keycap's digit:
			 * "1", U+FE0F, U+20E3). */
			if (in_word && c != 0xad && !w_inv) {
				/* Asked once a run: a keycap is looked
				 * for past the selectors once. */
				if (!modifier(c))
					w_inv = 1;
				else if (hides < 0)
					hides = latin_context(prev) &&
					    !(prev >= '0' && prev <= '9' &&
					    keycap(s + i + k, n - i - k));
				if (hides > 0)
					w_inv = 1;
			}
			/* Invisible characters are no letter before. */
			i += k;
			continue;
		}
		/* A combining mark belongs to the letter before: that is
		 * what a selector after both follows. */
		if (in_word && combining(c)) {
			i += k;
			continue;
		}
		prev = c;
		hides = -1;
		if (is_space(c) || (c < 0x80 && !((c | 32) >= 'a' &&
		    (c | 32) <= 'z') && !(c >= '0' && c <= '9'))) {
			/* End of a word: was it mixed? */
			if (in_word && st != NULL) {
				if (w_latin && w_other) {
					if (st->mixed_words++ == 0) {
						size_t l = i - wstart;
						if (l >= sizeof(st->example))
							l = sizeof(st->example) - 1;
						memcpy(st->example, s + wstart, l);
						st->example[l] = '\0';
					}
				}
				if (w_inv && w_latin)
					st->invisible_in_words++;
			}
			in_word = w_latin = w_other = w_inv = 0;
			if (is_space(c)) {
				if (!space)
					buf_addc(out, ' ');
				space = 1;
			} else {
				buf_addc(out, (int)c);
				space = 0;
			}
			i += k;
			continue;
		}
		if (c == 0x2018 || c == 0x2019 || c == 0x2032)
			c = '\'';
		else if (c >= 0x2010 && c <= 0x2015)
			c = '-';
		if (c == '\'' || c == '-') {
			buf_addc(out, (int)c);
			space = 0;
			i += k;
			continue;
		}
		if (!in_word) {
			in_word = 1;
			wstart = i;
		}
		space = 0;
		if (c < 0x80) {
			w_latin = 1;
			buf_addc(out, (int)((c >= 'A' && c <= 'Z') ? c + 32 : c));
			i += k;
			continue;
		}
		f = text_fold(c);
		if (st != NULL) {
			enum script sc = text_script(c);

			if (sc == SC_LATIN)
				w_latin = 1;
			else if ((sc == SC_CYRILLIC || sc == SC_GREEK ||
			    lookalike_script(c)) && f)
				w_other = 1;
			else if (sc == SC_CYRILLIC || sc == SC_GREEK)
				w_other = w_other ? 1 : 0;
			if (is_math(c))
				st->math_chars++;
		}
		if (f != 0)
			buf_addc(out, (int)f);
		else
			buf_add(out, u, utf8_put(c, u));
		i += k;
	}
	/* The last word, as the others. */
	if (in_word && st != NULL) {
		if (w_latin && w_other)
			st->mixed_words++;
		if (w_inv && w_latin)
			st->invisible_in_words++;
	}
}

const char *
text_clip(struct arena *a, const char *s, size_t max)
{
	size_t	 n, i, k;
	uint32_t c;
	char	*out;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	if (n > max) {
		/* Back to a character boundary. */
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	out = arena_alloc(a, n + 4);
	for (i = 0; i < n; i += k) {
		k = utf8_next(s + i, n - i, &c);
		if (c < 0x20 || c == 0x7f)
			out[i] = ' ';
		else if (c == 0xfffd && k == 1)
			out[i] = '?';	/* never invalid UTF-8 out */
		else
			memcpy(out + i, s + i, k);
	}
	if (n < strlen(s)) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
	return out;
}

/*
 * A file name kept to about max bytes by its middle: its end, the
 * extension, is what decides how it opens, and 90 Japanese characters
 * (270 bytes, well within Windows' 255 characters) would lose ".exe" to
 * text_clip().
 */
const char *
name_clip(struct arena *a, const char *s, size_t max)
{
	const char	*head, *tail;
	size_t		 n, t;

	if (s == NULL || (n = strlen(s)) <= max)
		return text_clip(a, s, max);
	t = n - max / 2;
	while (t < n && ((unsigned char)s[t] & 0xc0) == 0x80)
		t++;
	head = text_clip(a, s, max / 2);	/* ends in "..." */
	tail = text_clip(a, s + t, max);
	return arena_printf(a, "%s%s", head, tail);
}
