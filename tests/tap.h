/*
 * tap.h: the Test Anything Protocol for C tests, read by prove.
 *
 *	plan(N) or plan_lazy() ... done_testing();
 *	ok(cond, "name %d", i);  is_int(a, b, "name");  is_str(a, b, "name");
 *	tap_slurp(path, &len): a test data file, whole
 *
 * Everything is static inline so that a test is one .c file.  A failed
 * check prints what was expected and what came, as Test::More does.
 */
#ifndef SHINDAN_TAP_H
#define SHINDAN_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	tap_n, tap_failed, tap_planned = -1;

static inline void
plan(int n)
{
	tap_planned = n;
	printf("1..%d\n", n);
	fflush(stdout);
}

static inline void
plan_lazy(void)
{
	tap_planned = -1;
}

static inline int
tap_vok(int cond, const char *fmt, va_list ap)
{
	char	 name[512], *p;

	tap_n++;
	if (!cond)
		tap_failed++;
	vsnprintf(name, sizeof(name), fmt, ap);
	/* A name is one line, whatever the test put in it. */
	for (p = name; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == '#')
			*p = '?';
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_n, name);
	fflush(stdout);
	return cond;
}

static inline int __attribute__((format(printf, 2, 3)))
ok(int cond, const char *fmt, ...)
{
	va_list	 ap;
	int	 r;

	va_start(ap, fmt);
	r = tap_vok(cond, fmt, ap);
	va_end(ap);
	return r;
}

static inline void __attribute__((format(printf, 1, 2)))
diag(const char *fmt, ...)
{
	va_list	 ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

#define is_int(got, want, ...) do {					\
	long long tap_g_ = (long long)(got), tap_w_ = (long long)(want); \
	if (!ok(tap_g_ == tap_w_, __VA_ARGS__))				\
		diag("  got: %lld, expected: %lld", tap_g_, tap_w_);	\
} while (0)

#define is_str(got, want, ...) do {					\
	const char *tap_g_ = (got), *tap_w_ = (want);			\
	int tap_c_ = (tap_g_ == NULL || tap_w_ == NULL) ?		\
	    tap_g_ == tap_w_ : strcmp(tap_g_, tap_w_) == 0;		\
	if (!ok(tap_c_, __VA_ARGS__))					\
		diag("  got: '%s'\n#   expected: '%s'",			\
		    tap_g_ ? tap_g_ : "(null)", tap_w_ ? tap_w_ : "(null)"); \
} while (0)

#define like_str(got, needle, ...) do {					\
	const char *tap_g_ = (got), *tap_w_ = (needle);			\
	if (!ok(tap_g_ != NULL && strstr(tap_g_, tap_w_) != NULL,	\
	    __VA_ARGS__))						\
		diag("  '%s'\n#   does not contain '%s'",		\
		    tap_g_ ? tap_g_ : "(null)", tap_w_);		\
} while (0)

#define unlike_str(got, needle, ...) do {				\
	const char *tap_g_ = (got), *tap_w_ = (needle);			\
	if (!ok(tap_g_ != NULL && strstr(tap_g_, tap_w_) == NULL,	\
	    __VA_ARGS__))						\
		diag("  '%s'\n#   contains '%s'",			\
		    tap_g_ ? tap_g_ : "(null)", tap_w_);		\
} while (0)

/* A whole file, NUL-terminated, in *len bytes (malloc'd; NULL when it
 * cannot be read): the test data a check reads. */
static inline char *
tap_slurp(const char *path, size_t *len)
{
	FILE	*fp = fopen(path, "rb");
	char	*p;
	long	 n;

	*len = 0;
	if (fp == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0 || (p = malloc((size_t)n + 1)) ==
	    NULL) {
		fclose(fp);
		return NULL;
	}
	if (fread(p, 1, (size_t)n, fp) != (size_t)n)
		n = 0;
	p[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return p;
}

static inline int
done_testing(void)
{
	if (tap_planned < 0)
		printf("1..%d\n", tap_n);
	else if (tap_planned != tap_n)
		diag("planned %d tests but ran %d", tap_planned, tap_n);
	fflush(stdout);
	return tap_failed != 0 || (tap_planned >= 0 && tap_planned != tap_n);
}

#endif
