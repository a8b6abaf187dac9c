/* http: bounded libcurl requests (see http.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "http.h"
#include "util.h"

#define DEFAULT_MAX	(4u * 1024 * 1024)

void
http_resp_init(struct http_resp *r)
{
	memset(r, 0, sizeof(*r));
	buf_init(&r->body, DEFAULT_MAX);
	r->retry_after = -1;
}

void
http_resp_free(struct http_resp *r)
{
	buf_release(&r->body);
}

static size_t
on_body(char *p, size_t sz, size_t n, void *arg)
{
	struct http_resp *r = arg;

	if (buf_add(&r->body, p, sz * n) == -1)
		return 0;	/* over the cap: curl aborts the transfer */
	return sz * n;
}

double
http_retry_after(const char *v)
{
	char		*end;
	double		 d;
	struct tm	 tm;
	time_t		 t;

	while (*v == ' ')
		v++;
	d = strtod(v, &end);
	if (end != v && (*end == '\0' || *end == '\r' || *end == '\n' ||
	    *end == ' ')) {
		/* NaN and negatives say nothing; "inf" or 1e300 is at most
		 * an hour, so that every caller converts it safely. */
		if (!(d >= 0))
			return -1;
		return d > RETRY_AFTER_MAX ? RETRY_AFTER_MAX : d;
	}
	memset(&tm, 0, sizeof(tm));
	if (strptime(v, "%a, %d %b %Y %H:%M:%S GMT", &tm) == NULL)
		return -1;
	t = timegm(&tm) - time(NULL);
	return t < 0 ? 0 : t > RETRY_AFTER_MAX ? RETRY_AFTER_MAX : (double)t;
}

static size_t
on_header(char *p, size_t sz, size_t n, void *arg)
{
	struct http_resp *r = arg;
	size_t		 len = sz * n;
	char		 line[256];

	if (len < sizeof(line) && len > 12 &&
	    str_ncasecmp(p, "Retry-After:", 12) == 0) {
		memcpy(line, p + 12, len - 12);
		line[len - 12] = '\0';
		r->retry_after = http_retry_after(line);
	}
	return len;
}

int
http_request(const struct http_opts *o, const char *method, const char *url,
    const char *const *headers, const char *body, struct http_resp *r)
{
	static int		 inited;
	CURL			*c;
	struct curl_slist	*hl = NULL;
	CURLcode		 rc;
	size_t			 i;

	if (!inited) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		inited = 1;
	}
	r->body.max = o->max_body ? o->max_body : DEFAULT_MAX;
	if ((c = curl_easy_init()) == NULL)
		return -1;
	for (i = 0; headers != NULL && headers[i] != NULL; i++)
		hl = curl_slist_append(hl, headers[i]);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR,
	    o->allow_http ? "http,https" : "https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS,
	    o->timeout_ms ? o->timeout_ms : 30000L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "Shindan/1.0");
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (o->ca_file != NULL && *o->ca_file != '\0')
		curl_easy_setopt(c, CURLOPT_CAINFO, o->ca_file);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hl);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	if (body != NULL) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
	}
	if (method != NULL && strcmp(method, "GET") != 0 &&
	    strcmp(method, "POST") != 0)
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	rc = curl_easy_perform(c);
	if (rc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	else {
		r->status = 0;
		snprintf(r->error, sizeof(r->error), "%s",
		    r->body.over ? "response too large" :
		    curl_easy_strerror(rc));
	}
	curl_slist_free_all(hl);
	curl_easy_cleanup(c);
	return rc == CURLE_OK ? 0 : -1;
}
