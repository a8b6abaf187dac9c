/* i18n: the message table and the choice of language (see i18n.h). */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

#define X(id, en, ja) [id] = { en, ja },
static const char *const msgs[M__MAX][LANG__MAX] = {
	I18N_MESSAGES
	I18N_RESULTS
};
#undef X

const char *
tr(enum lang l, enum msgid m)
{
	if ((int)m < 0 || m >= M__MAX || (int)l < 0 || l >= LANG__MAX)
		abort();
	return msgs[m][l];
}

const char *
lang_code(enum lang l)
{
	return l == LANG_JA ? "ja" : "en";
}

int
lang_parse(const char *s, enum lang *out)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "en") == 0) {
		*out = LANG_EN;
		return 0;
	}
	if (strcmp(s, "ja") == 0) {
		*out = LANG_JA;
		return 0;
	}
	return -1;
}

/*
 * The first supported language of Accept-Language by q value, e.g.
 * "ja,en-US;q=0.9,en;q=0.8".  Bounded: at most 32 entries are read.
 */
static int
accept_lang(const char *h, enum lang *out)
{
	const char	*p = h;
	double		 best = 0.0;
	int		 found = 0, n;

	for (n = 0; p != NULL && *p != '\0' && n < 32; n++) {
		const char	*end = strchr(p, ',');
		size_t		 len = end != NULL ? (size_t)(end - p) :
				    strlen(p);
		char		 item[64], *semi, *tag;
		double		 q = 1.0;
		enum lang	 l;

		if (len < sizeof(item)) {
			memcpy(item, p, len);
			item[len] = '\0';
			tag = item;
			while (*tag == ' ')
				tag++;
			if ((semi = strchr(tag, ';')) != NULL) {
				const char *qs = strstr(semi, "q=");

				*semi = '\0';
				q = qs != NULL ? strtod(qs + 2, NULL) : 1.0;
			}
			tag[strcspn(tag, " -_")] = '\0';
			if (lang_parse(tag, &l) == 0 && q > best) {
				best = q;
				*out = l;
				found = 1;
			}
		}
		p = end != NULL ? end + 1 : NULL;
	}
	return found ? 0 : -1;
}

enum lang
lang_choose(const char *query, const char *cookie, const char *accept,
    const char *def)
{
	enum lang	 l;

	if (lang_parse(query, &l) == 0 || lang_parse(cookie, &l) == 0)
		return l;
	if (accept != NULL && accept_lang(accept, &l) == 0)
		return l;
	return lang_parse(def, &l) == 0 ? l : LANG_EN;
}
