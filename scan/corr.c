/*
 * corr: the domains a mailbox writes to, for the engine's look-alikes of
 * them (`sender.lookalike_correspondent`, `url.lookalike_correspondent`,
 * `*.name_in_domain`): a supplier's domain with one letter changed is
 * the business email compromise that costs most, and only the mailbox's
 * own sent mail says who its suppliers are.
 *
 * Beside the first list page, one listing of the Sent Items folder,
 *
 *	GET {user}/mailFolders/sentitems/messages
 *	    ?$select=toRecipients,ccRecipients,bccRecipients
 *	    &$filter=sentDateTime ge {window end - 90 days}
 *	        and sentDateTime lt {window end}
 *	    &$orderby=sentDateTime desc&$top=250
 *
 * and its next links, CORR_PAGES pages at most (the latest 1,000 sent
 * messages); a list page that arrives first waits (mbox.c) until they
 * are read, so every message of the mailbox is judged with them.  A domain is a correspondent when CORR_MIN messages or more
 * went to it (to, cc or bcc; a message counted once per domain), outside
 * the organisation's own domains; the CORR_MAX most written to are kept
 * (the engine compares every link's domain with each).  The window ends
 * where the scan's does, so a mailbox taken up again after a crash reads
 * the same list.  The engine leaves free mail domains out (gmail.com is
 * everyone's).  When the folder cannot be read (no Sent Items, access
 * refused, answers malformed however often asked) the mailbox is
 * scanned with what was read, and the log says so; throttling and
 * failures that pass are retried as every request is.  Only counts
 * reach the log, never a domain.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "link.h"
#include "log.h"
#include "runner.h"
#include "util.h"

#define CORR_PAGES	4	/* pages of sent items read */
#define CORR_TOP	250	/* messages a page */
#define CORR_MIN	2	/* messages to a domain that make it one */
#define CORR_MAX	200	/* correspondents kept */
#define CORR_RCPTS	100	/* recipients counted per message */
#define CORR_DOMAIN	253	/* bytes of a domain name */

static void
corr_queue(struct task *t, const char *url)
{
	graph_queue(t, req_new(t, REQ_SENT, url, NULL, 1), 0);
}

void
corr_begin(struct task *t)
{
	struct runner	*r = t->r;
	struct buf	 b = BUF_INIT;

	if (t->corr_read)
		return;
	if (*t->as->corr_from == '\0' || *t->as->window_to == '\0') {
		t->corr_read = 1;
		return;
	}
	buf_addf(&b, "%s%s/mailFolders/sentitems/messages"
	    "?$select=toRecipients,ccRecipients,bccRecipients"
	    "&$filter=sentDateTime%%20ge%%20%s%%20and%%20sentDateTime%%20lt"
	    "%%20%s&$orderby=sentDateTime%%20desc&$top=%d",
	    r->conf->graph_base, t->path, t->as->corr_from, t->as->window_to,
	    CORR_TOP);
	corr_queue(t, b.ptr);
	buf_release(&b);
}

static int
own_domain(const struct task *t, const char *d)
{
	char	**v;

	for (v = t->as->org_domains; v != NULL && *v != NULL; v++)
		if (strcmp(*v, d) == 0)
			return 1;
	return 0;
}

/* The domains of one sent message's recipients, each once. */
static void
corr_count(struct task *t, const cJSON *msg)
{
	static const char *const fields[] = { "toRecipients", "ccRecipients",
	    "bccRecipients" };
	char		*seen[CORR_RCPTS];
	size_t		 nseen = 0, f, i;
	const cJSON	*it;

	for (f = 0; f < nitems(fields); f++)
		cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(msg,
		    fields[f])) {
			const cJSON *ad = cJSON_GetObjectItemCaseSensitive(
			    cJSON_GetObjectItemCaseSensitive(it,
			    "emailAddress"), "address");
			const char *at;
			char d[CORR_DOMAIN + 1];
			size_t n;

			if (nseen == CORR_RCPTS)
				break;
			if (!cJSON_IsString(ad) || (at = strrchr(
			    ad->valuestring, '@')) == NULL)
				continue;
			n = strlen(++at);
			if (n == 0 || n > CORR_DOMAIN)
				continue;
			memcpy(d, at, n + 1);
			str_lower(d);
			if (n > 0 && d[n - 1] == '.')
				d[--n] = '\0';
			if (n == 0 || strchr(d, '.') == NULL || own_domain(t, d))
				continue;
			for (i = 0; i < nseen; i++)
				if (strcmp(seen[i], d) == 0)
					break;
			if (i < nseen)
				continue;
			seen[nseen++] = xstrdup(d);
		}
	t->sent_doms = xrealloc(t->sent_doms, (t->nsent_doms + nseen + 1) *
	    sizeof(char *));
	memcpy(t->sent_doms + t->nsent_doms, seen, nseen * sizeof(char *));
	t->nsent_doms += nseen;
	t->sent_msgs++;
}

struct dcount {
	const char	*d;
	size_t		 n;
};

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The most written to first; equal counts by name, so a list read
 * again comes out the same. */
static int
by_count(const void *a, const void *b)
{
	const struct dcount *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->d, y->d);
}

static void
corr_finish(struct task *t)
{
	struct dcount	*c;
	size_t		 i, j, nc = 0, k;

	if (t->nsent_doms > 1)
		qsort(t->sent_doms, t->nsent_doms, sizeof(char *), by_name);
	c = xcalloc(t->nsent_doms + 1, sizeof(*c));
	for (i = 0; i < t->nsent_doms; i = j) {
		for (j = i + 1; j < t->nsent_doms &&
		    strcmp(t->sent_doms[i], t->sent_doms[j]) == 0; j++)
			;
		if (j - i >= CORR_MIN) {
			c[nc].d = t->sent_doms[i];
			c[nc++].n = j - i;
		}
	}
	if (nc > 1)
		qsort(c, nc, sizeof(*c), by_count);
	k = nc < CORR_MAX ? nc : CORR_MAX;
	t->corr = xcalloc(k + 1, sizeof(char *));
	for (i = 0; i < k; i++)
		t->corr[i] = xstrdup(c[i].d);
	t->corr[k] = NULL;
	free(c);
	for (i = 0; i < t->nsent_doms; i++)
		free(t->sent_doms[i]);
	free(t->sent_doms);
	t->sent_doms = NULL;
	t->nsent_doms = 0;
	t->corr_read = 1;
	log_info("runner: mailbox %lld: %zu correspondents from %ld sent "
	    "messages", t->id, k, t->sent_msgs);
}

/* A page of sent items arrived (or the folder could not be read). */
void
corr_page(struct task *t, struct req *q)
{
	struct runner	*r = t->r;
	cJSON		*root = NULL, *val, *msg, *nl;
	const char	*next = NULL;

	if (q->status != 200) {
		char	 code[64] = "";
		cJSON	*j = cJSON_ParseWithLength(q->resp.ptr, q->resp.len);
		const cJSON *c = cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(j, "error"), "code");

		if (cJSON_IsString(c))
			snprintf(code, sizeof(code), "%s", c->valuestring);
		cJSON_Delete(j);
		log_warn("runner: mailbox %lld: sent items answered %ld %s; "
		    "scanned without its correspondents", t->id, q->status,
		    code);
	} else if ((root = cJSON_ParseWithLength(q->resp.ptr,
	    q->resp.len)) == NULL || !cJSON_IsArray(val =
	    cJSON_GetObjectItemCaseSensitive(root, "value"))) {
		cJSON_Delete(root);
		root = NULL;
		if (graph_retry(q, "malformed page of sent items") == 0)
			return;
		log_warn("runner: mailbox %lld: malformed pages of sent "
		    "items; its correspondents from what came before", t->id);
	} else {
		cJSON_ArrayForEach(msg, val) {
			corr_count(t, msg);
		}
		nl = cJSON_GetObjectItemCaseSensitive(root, "@odata.nextLink");
		next = cJSON_IsString(nl) ? nl->valuestring : NULL;
		if (next != NULL && !link_ok(r->conf->graph_base, next)) {
			log_err("runner: mailbox %lld: a nextLink outside "
			    "graph_base in sent items; not followed", t->id);
			next = NULL;
		}
	}
	t->sent_pages++;
	if (next != NULL && t->sent_pages < CORR_PAGES)
		corr_queue(t, next);
	else
		corr_finish(t);
	cJSON_Delete(root);
	req_free(q);
	if (t->corr_read)
		mbox_corr_read(t);
}

void
corr_free(struct task *t)
{
	size_t	 i;
	char	**v;

	for (i = 0; i < t->nsent_doms; i++)
		free(t->sent_doms[i]);
	free(t->sent_doms);
	for (v = t->corr; v != NULL && *v != NULL; v++)
		free(*v);
	free(t->corr);
	if (t->early != NULL)
		req_free(t->early);
}
