/*
 * util: allocation that aborts on failure, and small string and time
 * helpers shared by every part.
 */
#ifndef SHINDAN_UTIL_H
#define SHINDAN_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define nitems(a)	(sizeof(a) / sizeof((a)[0]))

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

/* ASCII only, locale independent. */
int	 str_casecmp(const char *, const char *);
int	 str_ncasecmp(const char *, const char *, size_t);
void	 str_lower(char *);
int	 str_has_prefix(const char *, const char *);
int	 str_has_suffix_case(const char *, const char *);
/* Is s one of the strings of list (NULL-terminated), exactly? */
int	 str_in_list(const char *s, const char *const *list);
/* Do the n bytes at p hold needle, in any case (ASCII)? */
int	 mem_has_case(const void *p, size_t n, const char *needle);
/* 1 if the bytes are valid UTF-8 with no NUL and no C0 controls except
 * tab, CR and LF when allow_nl is set. */
int	 str_valid_utf8(const char *, size_t, int allow_nl);
/* Parse a decimal number in [min, max]; 0 ok, -1 on any junk. */
int	 str_to_ll(const char *, long long min, long long max, long long *);

void	 hex_encode(const unsigned char *, size_t, char *out);	/* 2n+1 */
int	 hex_value(int c);		/* a hex digit's value, or -1 */
uint32_t le32(const unsigned char *);	/* 4 bytes, little-endian */

int64_t	 time_mono_ms(void);
int64_t	 time_real_ms(void);
/* "2026-11-28T15:49:00Z" into out[21]. */
void	 time_iso8601(time_t, char out[32]);

#endif
