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
 * The directory of a compound file: its entries gathered (OLE_DIR_MAX at
 * most), the root first.  -1 when it is no compound file or has no root.
 */
int
ole_dir_open(struct ole_dir *d, const unsigned char *p, size_t n)
{
	size_t		 ssz, cap = 0, steps, i;
	uint32_t	 sec;

	memset(d, 0, sizeof(*d));
	d->p = p;
	d->n = n;
	if ((d->shift = ole_shift(p, n)) == 0)
		return -1;
	ssz = (size_t)1 << d->shift;
	sec = le32(p + 0x30);
	for (steps = 0; sec < OLE_NOSECT && steps <= n / ssz && d->ne <
	    OLE_DIR_MAX; steps++) {
		if (((size_t)sec + 2) << d->shift > n)
			break;
		for (i = 0; i + 128 <= ssz && d->ne < OLE_DIR_MAX; i += 128) {
			if (d->ne == cap) {
				cap = cap ? cap * 2 : 64;
				d->ent = xrealloc(d->ent, cap * sizeof(*d->ent));
			}
			d->ent[d->ne++] = p + (((size_t)sec + 1) << d->shift) + i;
		}
		sec = ole_next(p, n, d->shift, sec);
	}
	if (d->ne == 0 || d->ent[0][66] != 5) {
		ole_dir_close(d);
		return -1;
	}
	return 0;
}

void
ole_dir_close(struct ole_dir *d)
{
	free(d->ent);
	free(d->mini);
	free(d->mfat);
	free(d->first);
	free(d->nkids);
	free(d->kids);
	memset(d, 0, sizeof(*d));
}

/*
 * Who holds whom, built once: each storage's tree walked from its child
 * through left and right siblings (an entry left out of every tree is
 * nobody's, whatever its name: a decoy), storages in the order they are
 * met from the root.  An entry belongs to the first storage whose tree
 * reaches it: one met again, in another storage's tree or in its own
 * (a storage that holds itself, or a tree that loops), is not taken
 * twice, so the storages make a tree and any walk of them ends.  Each
 * storage's children lie together in kids[], first[] where they begin,
 * nkids[] how many: a lookup costs what the storage holds.
 */
static void
ole_dir_own(struct ole_dir *d)
{
	size_t		 ne = d->ne, nk = 0, top, qh = 0, qt = 0;
	uint32_t	*stack, *queue, id;
	unsigned char	*taken;

	d->first = xcalloc(ne, sizeof(*d->first));
	d->nkids = xcalloc(ne, sizeof(*d->nkids));
	d->kids = xmalloc(ne * sizeof(*d->kids));
	taken = xcalloc(ne, 1);
	/* Each entry taken pushes two: 2 ne + 1 at most. */
	stack = xmalloc((2 * ne + 1) * sizeof(*stack));
	queue = xmalloc(ne * sizeof(*queue));
	taken[0] = 1;
	queue[qt++] = 0;
	while (qh < qt) {
		size_t parent = queue[qh++];

		d->first[parent] = (uint32_t)nk;
		top = 0;
		stack[top++] = le32(d->ent[parent] + 76);
		while (top > 0) {
			id = stack[--top];
			if (id >= ne || taken[id])
				continue;
			taken[id] = 1;
			d->kids[nk++] = id;
			d->nkids[parent]++;
			if (d->ent[id][66] == 1 || d->ent[id][66] == 5)
				queue[qt++] = id;
			stack[top++] = le32(d->ent[id] + 68);	/* left */
			stack[top++] = le32(d->ent[id] + 72);	/* right */
		}
	}
	free(queue);
	free(stack);
	free(taken);
}

size_t
ole_dir_children(struct ole_dir *d, size_t parent, const uint32_t **kids)
{
	if (parent >= d->ne)
		return 0;
	if (d->kids == NULL)
		ole_dir_own(d);
	*kids = d->kids + d->first[parent];
	return d->nkids[parent];
}

/* The child of the storage at parent named name (ASCII, any case) of
 * type (1 storage, 2 stream): its index, or -1. */
long
ole_dir_child(struct ole_dir *d, size_t parent, const char *name, int type)
{
	const uint32_t	*kid;
	size_t		 n, i;

	n = ole_dir_children(d, parent, &kid);
	for (i = 0; i < n; i++)
		if (d->ent[kid[i]][66] == type && ole_named(d->ent[kid[i]],
		    name))
			return (long)kid[i];
	return -1;
}

/*
 * The root storage's stream named name: its directory entry, or NULL.
 */
static const unsigned char *
root_child(const unsigned char *p, size_t n, const char *name,
    struct ole_dir *d)
{
	long	 k;

	if (ole_dir_open(d, p, n) < 0)
		return NULL;
	if ((k = ole_dir_child(d, 0, name, 2)) < 0) {
		ole_dir_close(d);
		return NULL;
	}
	return d->ent[k];
}

/* The bytes of the stream at index idx (at most cap) in a buffer to
 * free, its length in *len; NULL when it is no stream or breaks off. */
unsigned char *
ole_dir_read(struct ole_dir *d, size_t idx, size_t cap, size_t *len)
{
	const unsigned char *p = d->p, *ent, *root;
	size_t		 n = d->n, steps, k, mlen, flen;
	unsigned	 shift = d->shift;
	uint32_t	 msec;
	uint64_t	 size;
	const unsigned char *mini, *mfat;
	unsigned char	*out;

	if (idx >= d->ne || d->ent[idx][66] != 2)
		return NULL;
	ent = d->ent[idx];
	root = d->ent[0];
	size = entry_size(ent, shift);
	/* A size the file cannot hold is a lie (nothing is allocated for
	 * it). */
	if (size > n)
		return NULL;
	if (size >= le32(p + 0x38))	/* the cut-off */
		return chain_read(p, n, shift, le32(ent + 116), size, cap, len);
	/* A small stream lives in the mini stream (the root's chain), in
	 * sectors of 64 bytes chained by the mini FAT; both are read once
	 * for the directory (an item of a thousand small streams read
	 * them a thousand times). */
	if (p[0x20] != 6 || d->mini_bad)
		return NULL;
	if (d->mini == NULL) {
		if ((d->mini = chain_read(p, n, shift, le32(root + 116),
		    entry_size(root, shift), n, &d->mlen)) == NULL ||
		    (d->mfat = chain_read(p, n, shift, le32(p + 0x3c),
		    (uint64_t)le32(p + 0x40) << shift, n, &d->flen)) ==
		    NULL) {
			free(d->mini);
			d->mini = NULL;
			d->mini_bad = 1;
			return NULL;
		}
	}
	mini = d->mini;
	mfat = d->mfat;
	mlen = d->mlen;
	flen = d->flen;
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
	if (k < size) {
		free(out);
		return NULL;
	}
	*len = k;
	return out;
}

unsigned char *
ole_stream(const unsigned char *p, size_t n, const char *name, size_t cap,
    size_t *len)
{
	struct ole_dir	 d;
	unsigned char	*out;
	long		 k;

	if (ole_dir_open(&d, p, n) < 0)
		return NULL;
	k = ole_dir_child(&d, 0, name, 2);
	out = k < 0 ? NULL : ole_dir_read(&d, (size_t)k, cap, len);
	ole_dir_close(&d);
	return out;
}

int
ole_has(const unsigned char *p, size_t n, const char *name)
{
	struct ole_dir	 d;

	if (root_child(p, n, name, &d) == NULL)
		return 0;
	ole_dir_close(&d);
	return 1;
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
