/* log: timestamped single lines on stderr (see log.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static const char	*log_prog = "shindan";
static int		 log_dbg = -1;

void
log_init(const char *prog)
{
	log_prog = prog;
	log_dbg = getenv("SHINDAN_DEBUG") != NULL;
}

static void	log_v(const char *, const char *, va_list)
		    __attribute__((format(printf, 2, 0)));

static void
log_v(const char *lvl, const char *fmt, va_list ap)
{
	char		 line[2048], ts[32];
	struct tm	 tm;
	time_t		 t = time(NULL);
	int		 n, m;
	size_t		 i;

	gmtime_r(&t, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	n = snprintf(line, sizeof(line), "%s %s[%d]: %s", ts, log_prog,
	    (int)getpid(), lvl);
	if (n < 0 || (size_t)n >= sizeof(line))
		return;
	m = vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	if (m < 0)
		return;
	n = (size_t)n + (size_t)m >= sizeof(line) - 1 ?
	    (int)sizeof(line) - 2 : n + m;
	/* One event, one line: no message may forge another. */
	for (i = 0; i < (size_t)n; i++)
		if (line[i] == '\n' || line[i] == '\r')
			line[i] = ' ';
	line[n++] = '\n';
	(void)!write(STDERR_FILENO, line, (size_t)n);
}

void
log_info(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_v("", fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_v("warning: ", fmt, ap);
	va_end(ap);
}

void
log_err(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_v("error: ", fmt, ap);
	va_end(ap);
}

void
log_debug(const char *fmt, ...)
{
	va_list	 ap;

	if (log_dbg == -1)
		log_dbg = getenv("SHINDAN_DEBUG") != NULL;
	if (!log_dbg)
		return;
	va_start(ap, fmt);
	log_v("debug: ", fmt, ap);
	va_end(ap);
}
