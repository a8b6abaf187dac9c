/*
 * graph: every Graph request of the runner goes through one curl multi
 * handle (MICROSOFT.md §3, SECURITY.md §4.4).
 *
 * - In flight: at most task->cap slots per mailbox (graph_mailbox_inflight,
 *   Exchange allows 4; a $batch of n items takes min(n, cap) slots, since
 *   Exchange runs up to 4 of its items at once) and graph_inflight slots
 *   for the whole runner.
 * - 429, and 503 with Retry-After: the mailbox waits at least that long
 *   (fractional seconds honoured, never undercut: the wait starts when the
 *   answer arrived, plus a margin) before any request of it starts again.
 * - 503 without Retry-After, 500, 502, 504, a dropped connection, a
 *   timeout, an answer that does not parse: exponential backoff with full
 *   jitter in the upper half, base 1 s, cap 60 s, REQ_TRIES tries.
 * - 401: the token is marked stale and the request waits for a new one;
 *   a second 401 in a row with a fresh token is an answer for the task.
 * - Anything else is handed to the task as it is.
 * Only https is allowed (plus http when graph_base is http, as on the
 * loopback test stack); redirects are not followed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "link.h"
#include "log.h"
#include "runner.h"
#include "util.h"

#define RA_MARGIN_MS	50	/* after a Retry-After, never before it */
#define BACKOFF_BASE	1.0
#define BACKOFF_CAP	60.0
#define TIMEOUT_MS	120000L
#define CONNECT_MS	10000L

int64_t
now_ms(void)
{
	return time_mono_ms();
}

double
graph_backoff(int tries)
{
	double	 d = BACKOFF_BASE * pow(2.0, tries > 16 ? 16 : tries - 1);

	if (d > BACKOFF_CAP)
		d = BACKOFF_CAP;
	/* Full jitter in the upper half: spread, never a stampede. */
	return d / 2 + d / 2 * ((double)arc4random_uniform(1001) / 1000.0);
}

int
graph_init(struct runner *r)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return -1;
	if ((r->multi = curl_multi_init()) == NULL)
		return -1;
	curl_multi_setopt(r->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)r->conf->graph_inflight);
	curl_multi_setopt(r->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)r->conf->graph_inflight);
	curl_multi_setopt(r->multi, CURLMOPT_MAXCONNECTS,
	    (long)r->conf->graph_inflight);
	return 0;
}

void
graph_free(struct runner *r)
{
	if (r->multi != NULL)
		curl_multi_cleanup(r->multi);
	r->multi = NULL;
	curl_global_cleanup();
}

struct req *
req_new(struct task *t, enum req_kind kind, const char *url,
    const char *body, int weight)
{
	struct req	*q = xcalloc(1, sizeof(*q));

	q->task = t;
	q->kind = kind;
	q->url = xstrdup(url);
	q->body = body != NULL ? xstrdup(body) : NULL;
	q->weight = weight < 1 ? 1 : weight;
	q->retry_after = -1;
	buf_init(&q->resp, RESP_MAX);
	return q;
}

static void
req_reset(struct req *q)
{
	if (q->easy != NULL)
		curl_easy_cleanup(q->easy);
	q->easy = NULL;
	curl_slist_free_all(q->hdrs);
	q->hdrs = NULL;
	if (q->auth_hdr != NULL) {
		crypt_wipe(q->auth_hdr, strlen(q->auth_hdr));
		free(q->auth_hdr);
		q->auth_hdr = NULL;
	}
	buf_release(&q->resp);
	buf_init(&q->resp, RESP_MAX);
	q->status = 0;
	q->retry_after = -1;
	q->error[0] = '\0';
}

void
req_free(struct req *q)
{
	if (q == NULL)
		return;
	req_reset(q);
	buf_release(&q->resp);
	free(q->ctx);
	free(q->url);
	free(q->body);
	free(q);
}

void
graph_queue(struct task *t, struct req *q, int front)
{
	struct req	**pp;

	q->next = NULL;
	if (front) {
		q->next = t->queue;
		t->queue = q;
		return;
	}
	for (pp = &t->queue; *pp != NULL; pp = &(*pp)->next)
		;
	*pp = q;
}

void
graph_pause(struct task *t, double secs)
{
	int64_t	 until;

	if (!(secs > 0))
		return;
	if (secs > 3600)
		secs = 3600;
	until = now_ms() + (int64_t)ceil(secs * 1000.0) + RA_MARGIN_MS;
	if (until > t->not_before)
		t->not_before = until;
}

int
graph_retry(struct req *q, const char *why)
{
	struct task	*t = q->task;
	double		 d;

	q->tries++;
	t->r->n_retries++;
	if (q->tries >= REQ_TRIES) {
		log_warn("runner: mailbox %lld: %s, %d tries: giving up",
		    t->id, why, q->tries);
		return -1;
	}
	d = graph_backoff(q->tries);
	if (q->retry_after > d)
		d = q->retry_after;
	q->not_before = now_ms() + (int64_t)ceil(d * 1000.0) +
	    (q->retry_after > 0 ? RA_MARGIN_MS : 0);
	log_debug("runner: mailbox %lld: %s; retry %d in %.1f s", t->id, why,
	    q->tries, d);
	req_reset(q);
	graph_queue(t, q, 1);
	return 0;
}

int
graph_wait(struct req *q, double secs, const char *why)
{
	struct task	*t = q->task;

	if (++q->throttles >= REQ_THROTTLES) {
		log_warn("runner: mailbox %lld: %s %d times: giving up", t->id,
		    why, q->throttles);
		return -1;
	}
	q->not_before = now_ms() + (int64_t)ceil(secs * 1000.0) + RA_MARGIN_MS;
	log_debug("runner: mailbox %lld: %s; waiting %.3f s", t->id, why,
	    secs);
	req_reset(q);
	graph_queue(t, q, 1);
	return 0;
}

static size_t
on_body(char *p, size_t sz, size_t n, void *arg)
{
	struct req	*q = arg;
	size_t		 len = sz * n;
	curl_off_t	 cl = -1;

	/* The whole answer at once when its length is known (a list page
	 * is a megabyte or more): no chain of reallocations and copies.
	 * Only a hint: the cap still holds, whatever the server says. */
	if (q->resp.cap == 0 && curl_easy_getinfo(q->easy,
	    CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl) == CURLE_OK &&
	    cl > (curl_off_t)len && (size_t)cl < q->resp.max)
		(void)buf_grow(&q->resp, (size_t)cl);
	if (buf_add(&q->resp, p, len) == -1)
		return 0;	/* too large: the transfer fails */
	q->task->r->held_bytes += len;
	return len;
}

static size_t
on_header(char *p, size_t sz, size_t n, void *arg)
{
	struct req	*q = arg;
	size_t		 len = sz * n;
	char		 v[64];

	if (len > 12 && str_ncasecmp(p, "Retry-After:", 12) == 0) {
		snprintf(v, sizeof(v), "%.*s", (int)(len - 12 > 63 ? 63 :
		    len - 12), p + 12);
		v[strcspn(v, "\r\n")] = '\0';
		q->retry_after = http_retry_after(v);
	}
	return len;
}

/* Start one request; -1 when it cannot (it stays queued). */
static int
start(struct runner *r, struct req *q)
{
	struct task	*t = q->task;
	const char	*tok;
	CURL		*e;
	int		 rc;

	if ((rc = auth_get(r, &t->as->auth, &tok)) != 0) {
		/* The scan fails, or its work is given back: its tasks
		 * are marked finished here and freed by the tick. */
		if (rc < -1)
			lease_auth_lost(r, t->as);
		return -1;
	}
	if (!link_ok(r->conf->graph_base, q->url)) {
		/* Built from the config or validated before: a bug. */
		log_err("runner: refusing a URL outside graph_base");
		abort();
	}
	q->token_version = t->as->auth.version;
	if ((e = curl_easy_init()) == NULL)
		return -1;
	q->easy = e;
	q->auth_hdr = xmalloc(strlen(tok) + 32);
	snprintf(q->auth_hdr, strlen(tok) + 32, "Authorization: Bearer %s",
	    tok);
	q->hdrs = curl_slist_append(q->hdrs, q->auth_hdr);
	q->hdrs = curl_slist_append(q->hdrs, "Accept: application/json");
	q->hdrs = curl_slist_append(q->hdrs,
	    "Prefer: outlook.allow-unsafe-html, IdType=\"ImmutableId\"");
	if (q->body != NULL)
		q->hdrs = curl_slist_append(q->hdrs,
		    "Content-Type: application/json");
	q->hdrs = curl_slist_append(q->hdrs, "Expect:");
	curl_easy_setopt(e, CURLOPT_URL, q->url);
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, q->hdrs);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR,
	    str_has_prefix(r->conf->graph_base, "http://") ? "http,https" :
	    "https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, TIMEOUT_MS);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, CONNECT_MS);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, q);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, q);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, q->error);
	curl_easy_setopt(e, CURLOPT_PRIVATE, q);
	curl_easy_setopt(e, CURLOPT_USERAGENT, "shindan-runner/1");
	if (*r->conf->ms_ca_file != '\0')
		curl_easy_setopt(e, CURLOPT_CAINFO, r->conf->ms_ca_file);
	if (q->body != NULL) {
		curl_easy_setopt(e, CURLOPT_POST, 1L);
		curl_easy_setopt(e, CURLOPT_POSTFIELDS, q->body);
	}
	if (curl_multi_add_handle(r->multi, e) != CURLM_OK) {
		req_reset(q);
		return -1;
	}
	t->inflight += q->weight;
	r->inflight += q->weight;
	if (q->kind == REQ_LIST)
		r->list_out++;
	q->onext = t->out;
	t->out = q;
	r->n_requests++;
	t->requests++;
	return 0;
}

/* Start, across tasks in turn, whatever the gates allow. */
static void
pump(struct runner *r)
{
	struct task	*t;
	struct req	*q, **pp;
	int64_t		 now = now_ms();
	int		 progress = 1;

	while (progress && r->inflight < r->conf->graph_inflight) {
		progress = 0;
		for (t = r->tasks; t != NULL; t = t->next) {
			if (t->finished || t->queue == NULL ||
			    t->not_before > now || t->as->cancelled)
				continue;
			for (pp = &t->queue; (q = *pp) != NULL;
			    pp = &q->next) {
				if (q->not_before > now)
					continue;
				if (t->inflight + q->weight > t->cap ||
				    r->inflight + q->weight >
				    r->conf->graph_inflight)
					break;
				*pp = q->next;
				q->next = NULL;
				if (start(r, q) == -1) {
					graph_queue(t, q, 1);
					break;
				}
				progress = 1;
				break;	/* one per task per turn: fairness */
			}
		}
	}
}

/* A finished transfer: classify, then retry or hand to its task. */
static void
finished(struct runner *r, struct req *q, CURLcode cc)
{
	struct task	*t = q->task;
	struct req	**pp;
	long		 st = 0;

	curl_easy_getinfo(q->easy, CURLINFO_RESPONSE_CODE, &st);
	curl_multi_remove_handle(r->multi, q->easy);
	for (pp = &t->out; *pp != NULL; pp = &(*pp)->onext)
		if (*pp == q) {
			*pp = q->onext;
			break;
		}
	q->onext = NULL;
	t->inflight -= q->weight;
	r->inflight -= q->weight;
	if (q->kind == REQ_LIST)
		r->list_out--;
	if (r->held_bytes >= q->resp.len)
		r->held_bytes -= q->resp.len;
	q->status = cc == CURLE_OK ? st : 0;
	curl_easy_cleanup(q->easy);
	q->easy = NULL;
	if (q->auth_hdr != NULL) {
		crypt_wipe(q->auth_hdr, strlen(q->auth_hdr));
		free(q->auth_hdr);
		q->auth_hdr = NULL;
	}
	curl_slist_free_all(q->hdrs);
	q->hdrs = NULL;
	if (t->finished || t->as->cancelled) {
		req_free(q);
		return;
	}
	if (q->status == 429 || (q->status == 503 && q->retry_after > 0)) {
		double	 wait = q->retry_after > 0 ? q->retry_after :
		    graph_backoff(q->throttles + 1);

		r->n_throttled++;
		/* The whole mailbox waits: Exchange counts per mailbox. */
		graph_pause(t, wait);
		if (graph_wait(q, wait, q->status == 429 ? "throttled (429)" :
		    "unavailable (503)") == -1)
			mbox_failed(t, q, "throttled");
		return;
	}
	if (q->status == 0 || q->status == 500 || q->status == 502 ||
	    q->status == 503 || q->status == 504) {
		char why[320];

		if (q->status == 0)
			snprintf(why, sizeof(why), "network: %s",
			    q->error[0] != '\0' ? q->error :
			    curl_easy_strerror(cc));
		else
			snprintf(why, sizeof(why), "http %ld", q->status);
		/* 504 on a list page: the page is too heavy; halve it. */
		if (q->status == 504 && q->kind == REQ_LIST &&
		    t->page_size > 10) {
			struct buf b = BUF_INIT;

			t->page_size /= 2;
			if (link_set_top(q->url, t->page_size, &b) == 0 &&
			    link_ok(r->conf->graph_base, b.ptr)) {
				free(q->url);
				q->url = buf_detach(&b, NULL);
			}
			buf_release(&b);
		}
		if (graph_retry(q, why) == -1)
			mbox_failed(t, q, q->status == 0 ? "network" :
			    "graph_unavailable");
		return;
	}
	if (q->status == 401) {
		auth_invalid(&t->as->auth, q->token_version);
		if (++q->auth_tries > 2) {
			mbox_failed(t, q, "unauthorized");
			return;
		}
		req_reset(q);
		graph_queue(t, q, 1);
		return;
	}
	q->auth_tries = 0;
	if (t->type == TASK_SETUP)
		setup_done(t, q);
	else
		mbox_done(t, q);
}

void
graph_cancel(struct runner *r, struct task *t)
{
	struct req	*q, *n;

	for (q = t->queue; q != NULL; q = n) {
		n = q->next;
		req_free(q);
	}
	t->queue = NULL;
	for (q = t->out; q != NULL; q = n) {
		n = q->onext;
		curl_multi_remove_handle(r->multi, q->easy);
		t->inflight -= q->weight;
		r->inflight -= q->weight;
		if (q->kind == REQ_LIST)
			r->list_out--;
		if (r->held_bytes >= q->resp.len)
			r->held_bytes -= q->resp.len;
		req_free(q);
	}
	t->out = NULL;
}

int
graph_idle(const struct runner *r)
{
	return r->inflight == 0;
}

/* Milliseconds until a waiting request may start (at most ms): its
 * Retry-After or backoff, or its token's next try (a token endpoint or
 * database that failed is not asked again in a loop). */
static int
next_wake(const struct runner *r, int ms)
{
	const struct task	*t;
	const struct req	*q;
	int64_t			 now = now_ms(), at;

	for (t = r->tasks; t != NULL; t = t->next) {
		if (t->finished || t->queue == NULL)
			continue;
		for (q = t->queue; q != NULL; q = q->next) {
			at = q->not_before > t->not_before ? q->not_before :
			    t->not_before;
			if (!auth_usable(&t->as->auth) &&
			    t->as->auth.retry_ms > at)
				at = t->as->auth.retry_ms;
			if (at - now < ms)
				ms = at - now < 1 ? 1 : (int)(at - now);
		}
	}
	return ms;
}

/*
 * Read what has come in and handle every finished transfer; again while
 * handling them took long enough for more to arrive (the engine scans
 * each message as its transfer finishes), at most a few rounds.  A 429
 * that arrived while the engine worked is thus seen before pump() starts
 * the mailbox's next request, not after it.
 */
static void
drain(struct runner *r)
{
	CURLMsg		*m;
	int		 running, left, n, rounds;
	int64_t		 t0;
	struct req	*q;

	for (rounds = 0; rounds < 8; rounds++) {
		t0 = now_ms();
		curl_multi_perform(r->multi, &running);
		n = 0;
		while ((m = curl_multi_info_read(r->multi, &left)) != NULL) {
			if (m->msg != CURLMSG_DONE)
				continue;
			q = NULL;
			curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE,
			    (char **)&q);
			if (q != NULL) {
				finished(r, q, m->data.result);
				n++;
			}
		}
		if (n == 0 || now_ms() - t0 < 5)
			break;
	}
}

int
graph_step(struct runner *r, int ms)
{
	int		 numfds;

	drain(r);
	pump(r);
	/* Waits for the network, or for the next gate to open: never a
	 * busy loop while every request waits on a Retry-After. */
	curl_multi_poll(r->multi, NULL, 0, r->inflight > 0 ? ms :
	    next_wake(r, ms), &numfds);
	drain(r);
	pump(r);
	return 0;
}
