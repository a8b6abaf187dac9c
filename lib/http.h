/*
 * http: one HTTP request with libcurl, bounded: a connect and a total
 * timeout, a cap on the response body, TLS verification on (a CA file
 * may be configured), and only the schemes allowed (https, plus http
 * when the configured Microsoft endpoints are plain http, as on a
 * loopback test stack).  For the portal's few calls to the identity
 * platform and Graph; the runner drives its own curl multi handle.
 */
#ifndef SHINDAN_HTTP_H
#define SHINDAN_HTTP_H

#include "buf.h"

struct http_opts {
	const char	*ca_file;	/* NULL: the system's */
	int		 allow_http;
	long		 timeout_ms;	/* total; default 30 s */
	size_t		 max_body;	/* default 4 MiB */
};

struct http_resp {
	long		 status;	/* 0 when no answer */
	struct buf	 body;
	double		 retry_after;	/* seconds, -1 when absent */
	char		 error[128];	/* curl's reason when status is 0 */
};

void	http_resp_init(struct http_resp *);
void	http_resp_free(struct http_resp *);
/* headers: NULL-terminated "Name: value" strings.  body NULL for GET.
 * 0 when an answer came (any status), -1 otherwise. */
int	http_request(const struct http_opts *, const char *method,
	    const char *url, const char *const *headers, const char *body,
	    struct http_resp *);
/* Parse a Retry-After value: seconds (fractional allowed) or an
 * HTTP-date; -1 when unparseable. */
#define RETRY_AFTER_MAX	3600.0	/* seconds: a longer wait is read as this */
double	http_retry_after(const char *);

#endif
