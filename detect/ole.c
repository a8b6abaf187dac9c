/*
 * ole: compound files (MS-CFB), the container of Office 97-2003
 * documents and of encrypted OOXML ones: the FAT followed through the
 * header's list and the DIFAT chain, directory entries by name, and a
 * stream's bytes, from the regular sectors or from the mini stream.
 * Every sector number is checked against the file's size, and every
 * walk of a chain is bounded by the number of sectors the file holds,
 * so a loop in a chain ends.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

/*
 * The FAT entry of sector sec of a compound file (MS-CFB): the sector
 * that follows it in its chain, or OLE_NOSECT when it cannot be read.
 * The FAT's own sectors are listed by the header (109) and then by a
 * chain of DIFAT sectors.
 */
uint32_t
ole_next(const unsigned char *p, size_t n, unsigned shift, uint32_t sec)
{
	size_t		 ssz = (size_t)1 << shift, per = ssz / 4;
	size_t		 idx = sec / per, k;
	uint32_t	 fat, dif;

	if (idx < 109)
		fat = le32(p + 0x4c + 4 * idx);
	else {
		idx -= 109;
		dif = le32(p + 0x44);
		/* Each DIFAT sector: per - 1 entries, then the next. */
		for (k = 0; idx >= per - 1; k++, idx -= per - 1) {
			if (dif >= OLE_NOSECT || k > n / ssz ||
			    ((size_t)dif + 2) << shift > n)
				return OLE_NOSECT;
			dif = le32(p + (((size_t)dif + 1) << shift) + ssz - 4);
		}
		if (dif >= OLE_NOSECT || ((size_t)dif + 2) << shift > n)
			return OLE_NOSECT;
		fat = le32(p + (((size_t)dif + 1) << shift) + 4 * idx);
	}
	if (fat >= OLE_NOSECT || ((size_t)fat + 2) << shift > n)
		return OLE_NOSECT;
	return le32(p + (((size_t)fat + 1) << shift) + 4 * (sec % per));
}

/* Is the directory entry d named nm (ASCII, in any case), of type 1 or
 * 2? */
int
ole_named(const unsigned char *d, const char *nm)
{
	size_t	 l = strlen(nm), i;

	if ((d[66] != 1 && d[66] != 2) ||
	    (size_t)(d[64] | d[65] << 8) != (l + 1) * 2)
		return 0;
	/* Compound files look names up whatever their case (MS-CFB
	 * orders them by their upper case): "encryptedpackage" is one. */
	for (i = 0; i < l; i++)
		if (d[2 * i + 1] != 0 || toupper(d[2 * i]) !=
		    toupper((unsigned char)nm[i]))
			return 0;
	return d[2 * l] == 0 && d[2 * l + 1] == 0;
}

/* The sector size's exponent of the header (9 or 12), or 0. */
unsigned
ole_shift(const unsigned char *p, size_t n)
{
	unsigned	 shift;

	if (n < 512 || memcmp(p, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) != 0)
		return 0;
	shift = p[0x1e] | p[0x1f] << 8;
	return shift == 9 || shift == 12 ? shift : 0;
}

/* The size field of a directory entry (the high half only in files of
 * 4096-byte sectors, where it may be used). */
static uint64_t
entry_size(const unsigned char *d, unsigned shift)
{
	return le32(d + 120) | (shift == 12 ? (uint64_t)le32(d + 124) << 32 :
	    0);
}

/* A chain of regular sectors from sec, len bytes of it (at most cap)
 * into a new buffer: its length in *got, NULL when it breaks off. */
static unsigned char *
chain_read(const unsigned char *p, size_t n, unsigned shift, uint32_t sec,
    uint64_t len, size_t cap, size_t *got)
{
	size_t		 ssz = (size_t)1 << shift, k = 0, steps, take;
	unsigned char	*out;

	if (len > cap)
		len = cap;
	out = xmalloc(len + 1);
	for (steps = 0; k < len && steps <= n / ssz; steps++) {
		if (sec >= OLE_NOSECT || ((size_t)sec + 2) << shift > n)
			break;
		take = len - k < ssz ? (size_t)(len - k) : ssz;
		memcpy(out + k, p + (((size_t)sec + 1) << shift), take);
		k += take;
		sec = ole_next(p, n, shift, sec);
	}
	if (k < len) {
		free(out);
		return NULL;
	}
	*got = k;
	return out;
}

/*
 * The directory entry named name among the root storage's children: its
 * tree walked from the root's child through left and right siblings (a
 * stream left out of the tree, or inside another storage, is not the
 * document's, whatever its name: a decoy).  The entries are gathered
 * first, each visited once.
 */
static const unsigned char *
root_child(const unsigned char *p, size_t n, unsigned shift,
    const char *name, const unsigned char **rootp)
{
	size_t		 ssz = (size_t)1 << shift, ne = 0, cap = 0, steps, i,
			 top = 0;
	uint32_t	 sec = le32(p + 0x30), id;
	const unsigned char **ent = NULL, *found = NULL;
	uint32_t	*stack = NULL;
	unsigned char	*seen = NULL;

	for (steps = 0; sec < OLE_NOSECT && steps <= n / ssz && ne <
	    OLE_DIR_MAX; steps++) {
		if (((size_t)sec + 2) << shift > n)
			break;
		for (i = 0; i + 128 <= ssz && ne < OLE_DIR_MAX; i += 128) {
			if (ne == cap) {
				cap = cap ? cap * 2 : 64;
				ent = xrealloc(ent, cap * sizeof(*ent));
			}
			ent[ne++] = p + (((size_t)sec + 1) << shift) + i;
		}
		sec = ole_next(p, n, shift, sec);
	}
	if (ne == 0 || ent[0][66] != 5)
		goto out;
	*rootp = ent[0];
	seen = xcalloc(ne, 1);
	/* Each entry visited pushes two: 2 ne + 1 at most. */
	stack = xmalloc((2 * ne + 1) * sizeof(*stack));
	stack[top++] = le32(ent[0] + 76);
	while (top > 0 && found == NULL) {
		id = stack[--top];
		if (id >= ne || seen[id])
			continue;
		seen[id] = 1;
		if (ent[id][66] == 2 && ole_named(ent[id], name))
			found = ent[id];
		stack[top++] = le32(ent[id] + 68);	/* left */
		stack[top++] = le32(ent[id] + 72);	/* right */
	}
out:
	free(seen);
	free(stack);
	free(ent);
	return found;
}

unsigned char *
ole_stream(const unsigned char *p, size_t n, const char *name, size_t cap,
    size_t *len)
{
	unsigned	 shift = ole_shift(p, n);
	size_t		 steps, k, mlen, flen;
	uint32_t	 msec;
	uint64_t	 size;
	const unsigned char *root = NULL, *ent;
	unsigned char	*mini, *mfat, *out;

	if (shift == 0 || (ent = root_child(p, n, shift, name, &root)) ==
	    NULL)
		return NULL;
	size = entry_size(ent, shift);
	if (size >= le32(p + 0x38))	/* the cut-off */
		return chain_read(p, n, shift, le32(ent + 116), size, cap, len);
	/* A small stream lives in the mini stream (the root's chain), in
	 * sectors of 64 bytes chained by the mini FAT. */
	if (p[0x20] != 6)
		return NULL;
	if ((mini = chain_read(p, n, shift, le32(root + 116),
	    entry_size(root, shift), n, &mlen)) == NULL)
		return NULL;
	if ((mfat = chain_read(p, n, shift, le32(p + 0x3c),
	    (uint64_t)le32(p + 0x40) << shift, n, &flen)) == NULL) {
		free(mini);
		return NULL;
	}
	if (size > cap)
		size = cap;
	out = xmalloc((size_t)size + 1);
	for (k = 0, msec = le32(ent + 116), steps = 0; k < size &&
	    steps <= mlen / 64; steps++) {
		size_t take = size - k < 64 ? (size_t)(size - k) : 64;

		if (msec >= OLE_NOSECT || ((size_t)msec + 1) * 64 > mlen)
			break;
		memcpy(out + k, mini + (size_t)msec * 64, take);
		k += take;
		msec = (size_t)msec * 4 + 4 <= flen ? le32(mfat + 4 *
		    (size_t)msec) : OLE_NOSECT;
	}
	free(mini);
	free(mfat);
	if (k < size) {
		free(out);
		return NULL;
	}
	*len = k;
	return out;
}

int
ole_has(const unsigned char *p, size_t n, const char *name)
{
	unsigned	 shift = ole_shift(p, n);
	const unsigned char *root = NULL;

	return shift != 0 && root_child(p, n, shift, name, &root) != NULL;
}

unsigned char *
ole_workbook(const unsigned char *p, size_t n, size_t cap, size_t *len)
{
	unsigned char	*b = ole_stream(p, n, "Workbook", cap, len);

	return b != NULL ? b : ole_stream(p, n, "Book", cap, len);
}

/*
 * Is a Word, Excel or PowerPoint 97-2003 file encrypted (or obfuscated)
 * with a password to open?  Word: the FIB's fEncrypted or fObfuscated
 * bit (MS-DOC 2.5.2); Excel: a FILEPASS record (0x002F) among the first
 * records of the Workbook stream's globals, before their EOF (MS-XLS
 * 2.4.117); PowerPoint: an EncryptedSummary stream (MS-PPT 2.3.7).  Each
 * is looked at: a file that holds a Word stream too is still read by
 * Excel as a workbook.
 */
int
ole_legacy_encrypted(const unsigned char *p, size_t n)
{
	unsigned char	*b;
	size_t		 len, i, k;
	int		 enc = 0;

	if ((b = ole_stream(p, n, "WordDocument", 64, &len)) != NULL) {
		if (len >= 12 && b[0] == 0xec && b[1] == 0xa5 &&
		    ((b[0x0a] | b[0x0b] << 8) & 0x8100) != 0)
			enc |= OLE_ENC_DOC;
		free(b);
	}
	if ((b = ole_workbook(p, n, 8192, &len)) != NULL) {
		for (i = 0, k = 0; i + 4 <= len && k < 64; k++) {
			unsigned type = b[i] | b[i + 1] << 8;
			size_t rl = (size_t)(b[i + 2] | b[i + 3] << 8);

			if (type == 0x002f) {
				enc |= OLE_ENC_XLS;
				break;
			}
			if (type == 0x000a && k > 0)	/* EOF */
				break;
			i += 4 + rl;
		}
		free(b);
	}
	if ((b = ole_stream(p, n, "EncryptedSummary", 16, &len)) != NULL) {
		enc |= OLE_ENC_PPT;
		free(b);
	}
	return enc;
}
