/*
 * mbox: scanning one mailbox (MICROSOFT.md §2.2-§2.7, §6).
 *
 * The window's messages of every folder come from one listing,
 * GET {user}/messages with $filter on receivedDateTime (from the window's
 * start to the moment the scan started, so mail arriving meanwhile does
 * not shift the pages), $orderby on the same property (the
 * InefficientFilter rule), the engine's $select (internetMessageHeaders
 * and body included, with Prefer: outlook.allow-unsafe-html and
 * IdType="ImmutableId") and a large $top; then @odata.nextLink, each one
 * validated before it is followed or stored.  A message the engine wants
 * more of (attachments, or the MIME) is fetched through $batch, twenty at
 * a time.  At most PAGES_MAX pages are held per mailbox, and the next
 * page is fetched while the extras of the current one are.  Pages are
 * committed in order, each with its findings, counters and the checkpoint
 * (the next link): a page is the unit of work that is redone after a
 * crash, and the unique keys make that harmless.  Bodies and attachments
 * are dropped as soon as the message is scanned; only detections stay.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "html.h"
#include "link.h"
#include "log.h"
#include "runner.h"
#include "util.h"

#define MSG_ARENA_MAX	(256u * 1024 * 1024)
#define MIME_MAX	(64u * 1024 * 1024)
#define MEM_BUDGET	(24u * 1024 * 1024)	/* list answers queued or held */
#define TEXT_CAP	1000			/* stored subjects, names */

struct item {
	struct page	*page;
	cJSON		*msg;		/* in page->held */
	enum engine_need need;
	int		 tries;		/* failed answers */
	int		 throttles;	/* 429s with Retry-After */
	char		*mime;		/* decoded, when the MIME was wanted */
	size_t		 mimelen;
};

struct batch {
	int		 n;
	struct item	*items[BATCH_MAX];
};


static void	 try_commit(struct task *);
static void	 queue_list(struct task *);
static void	 list_page(struct task *, struct req *);

static const char *
jstr(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A bounded, valid UTF-8 copy of an attacker-chosen string. */
static char *
text_copy(struct arena *a, const char *s, size_t cap)
{
	struct buf	 b = BUF_INIT;
	char		*out;
	size_t		 n;

	if (s == NULL)
		return NULL;
	n = strnlen(s, cap * 4 + 4);
	text_sanitize(&b, s, n);
	n = b.len;
	if (n > cap) {
		n = cap;
		while (n > 0 && ((unsigned char)b.ptr[n] & 0xc0) == 0x80)
			n--;
	}
	out = arena_strndup(a, b.ptr, n);
	buf_release(&b);
	return out;
}

static char *
recipients_of(struct arena *a, const cJSON *msg)
{
	struct buf	 b = BUF_INIT;
	const cJSON	*it;
	char		*out;

	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(msg,
	    "toRecipients")) {
		const char *ad = jstr(cJSON_GetObjectItemCaseSensitive(it,
		    "emailAddress"), "address");

		if (ad == NULL)
			continue;
		if (b.len > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, ad);
		if (b.len > 2000)
			break;
	}
	out = text_copy(a, b.ptr, 2000);
	buf_release(&b);
	return out;
}

static const char *
copy_opt(struct arena *a, const char *s, size_t cap)
{
	return s != NULL ? text_copy(a, s, cap) : NULL;
}

/* Keep what the store needs of a detection, in the page's arena. */
static void
keep(struct page *p, const cJSON *msg, const struct engine_result *res)
{
	struct arena	*a = &p->a;
	struct det	*d = arena_zalloc(a, sizeof(*d));
	const cJSON	*from = cJSON_GetObjectItemCaseSensitive(msg, "from");
	const cJSON	*ea = cJSON_GetObjectItemCaseSensitive(from,
	    "emailAddress");
	size_t		 i;

	if (from == NULL)
		ea = cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(msg, "sender"),
		    "emailAddress");
	d->message_id = text_copy(a, jstr(msg, "id"), 1000);
	d->internet_message_id = text_copy(a, jstr(msg, "internetMessageId"),
	    TEXT_CAP);
	d->received_at = text_copy(a, jstr(msg, "receivedDateTime"), 40);
	d->sender_address = text_copy(a, jstr(ea, "address"), 320);
	d->sender_name = text_copy(a, jstr(ea, "name"), 300);
	d->recipients = recipients_of(a, msg);
	d->subject = text_copy(a, jstr(msg, "subject"), TEXT_CAP);
	d->web_link = text_copy(a, jstr(msg, "webLink"), 2000);
	d->verdict = res->verdict;
	d->score = res->score;
	d->res = *res;
	d->res.findings = arena_alloc(a, res->nfindings *
	    sizeof(*res->findings) + 1);
	for (i = 0; i < res->nfindings; i++) {
		const struct engine_finding *s = &res->findings[i];
		struct engine_finding *f = &d->res.findings[i];

		f->category = arena_strdup(a, s->category);
		f->severity = arena_strdup(a, s->severity);
		f->rule = text_copy(a, s->rule, 200);
		f->evidence_en = text_copy(a, s->evidence_en, 2000);
		f->evidence_ja = text_copy(a, s->evidence_ja, 2000);
		f->url = copy_opt(a, s->url, 2000);
		f->domain = copy_opt(a, s->domain, 300);
		f->imitates = copy_opt(a, s->imitates, 300);
		f->attachment_name = copy_opt(a, s->attachment_name, 300);
		f->attachment_type = copy_opt(a, s->attachment_type, 200);
		f->attachment_sha256 = copy_opt(a, s->attachment_sha256, 64);
	}
	if (d->message_id == NULL)
		return;		/* cannot be stored without its id */
	d->next = p->dets;
	p->dets = d;
}

void
mbox_org_free(struct asmt *as)
{
	char	**v;

	for (v = as->org_domains; v != NULL && *v != NULL; v++)
		free(*v);
	free(as->org_domains);
	for (v = as->org_people; v != NULL && *v != NULL; v++)
		free(*v);
	free(as->org_people);
	as->org_domains = as->org_people = NULL;
	as->org_loaded = 0;
}

/*
 * The organisation the engine judges this assessment's mail for, read
 * once per assessment: the domains of its users' addresses and of the
 * consenting account, and its users' display names (guests left out: a
 * guest's own address is outside, as an impostor's would be).  The
 * engine then knows what is "ours" (look-alikes of our domains, a
 * colleague's name on an outside address, our own SharePoint).  Read
 * when a mailbox is claimed, once the list of users is complete
 * (mailboxes are claimed only then), so every mailbox of an assessment
 * is judged against the same organisation; -1 when the database cannot
 * tell now (the mailbox is given back rather than scanned without).
 */
static int
org_load(struct runner *r, struct asmt *as)
{
	struct arena	 a;
	PGresult	*res;
	int		 i, n, nd = 0, np = 0;

	if (as->org_loaded)
		return 0;
	if (!store_db_up(r))
		return -1;
	arena_init(&a, 0);
	res = db_qv(&r->db, &a, STMT_RUN_ORG, 1,
	    arena_printf(&a, "%lld", as->id));
	if (res == NULL) {
		arena_release(&a);
		return -1;
	}
	as->org_loaded = 1;
	n = PQntuples(res);
	as->org_domains = xcalloc((size_t)n + 1, sizeof(char *));
	as->org_people = xcalloc((size_t)n + 1, sizeof(char *));
	for (i = 0; i < n; i++) {
		const char *k = db_get(res, i, "k"), *v = db_get(res, i, "v");

		if (k == NULL || v == NULL || *v == '\0')
			continue;
		if (*k == 'd')
			as->org_domains[nd++] = xstrdup(v);
		else
			as->org_people[np++] = xstrdup(v);
	}
	arena_release(&a);
	log_info("runner: assessment %lld: the organisation: %d domains, "
	    "%d people", as->id, nd, np);
	return 0;
}

static void
scan(struct task *t, struct page *p, const cJSON *msg, const char *mime,
    size_t mimelen)
{
	struct runner		*r = t->r;
	struct arena		 a;
	struct engine_result	 res;
	const cJSON		*atts;

	arena_init(&a, MSG_ARENA_MAX);
	atts = cJSON_GetObjectItemCaseSensitive(msg, "attachments");
	if (t->ectx == NULL) {
		t->ectx = engine_ctx_new(r->eng);
		/* The reader: the mailbox's address, else its name. */
		if (engine_ctx_set_org(t->ectx,
		    (const char *const *)t->as->org_domains,
		    (const char *const *)t->as->org_people,
		    (const char *const *)t->corr, t->mail != NULL &&
		    *t->mail != '\0' ? t->mail : t->upn) == -1)
			log_warn("runner: mailbox %lld: the engine did not take "
			    "the organisation's lists", t->id);
	}
	if (engine_scan(t->ectx, &a, msg, cJSON_IsArray(atts) ? atts : NULL,
	    mime, mimelen, &res) == 0 && res.verdict != ENGINE_CLEAN)
		keep(p, msg, &res);
	p->scanned++;
	r->n_messages++;
	arena_release(&a);
}

/* A held message is through: scanned (or skipped), then dropped. */
static void
item_done(struct task *t, struct item *it, int skipped)
{
	struct page	*p = it->page;

	if (skipped)
		p->skipped++;
	else
		scan(t, p, it->msg, it->mime, it->mimelen);
	if (it->mime != NULL) {
		free(it->mime);
		it->mime = NULL;
	}
	cJSON_Delete(cJSON_DetachItemViaPointer(p->held, it->msg));
	it->msg = NULL;
	p->pending--;
}

static char *
item_url(struct task *t, struct arena *a, const struct item *it)
{
	struct buf	 b = BUF_INIT;
	char		*out;

	buf_adds(&b, t->path);
	buf_adds(&b, "/messages/");
	url_encode(&b, jstr(it->msg, "id"));
	buf_adds(&b, it->need == ENGINE_NEED_MIME ? "/$value" :
	    "/attachments");
	out = arena_strdup(a, b.ptr);
	buf_release(&b);
	return out;
}

/* One $batch for up to BATCH_MAX held messages. */
static void
queue_batch(struct task *t, struct item **items, int n, int64_t not_before)
{
	struct runner	*r = t->r;
	struct arena	 a;
	struct batch	*bc;
	struct req	*q;
	cJSON		*root, *arr, *o;
	char		*body, id[16];
	int		 i;

	if (n <= 0)
		return;
	arena_init(&a, 0);
	bc = xcalloc(1, sizeof(*bc));
	root = cJSON_CreateObject();
	arr = cJSON_AddArrayToObject(root, "requests");
	for (i = 0; i < n; i++) {
		bc->items[bc->n++] = items[i];
		o = cJSON_CreateObject();
		snprintf(id, sizeof(id), "%d", i);
		cJSON_AddStringToObject(o, "id", id);
		cJSON_AddStringToObject(o, "method", "GET");
		cJSON_AddStringToObject(o, "url", item_url(t, &a, items[i]));
		cJSON_AddItemToArray(arr, o);
	}
	body = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	q = req_new(t, REQ_BATCH, arena_printf(&a, "%s/$batch",
	    r->conf->graph_base), body, n < t->cap ? n : t->cap);
	cJSON_free(body);
	q->ctx = bc;
	q->not_before = not_before;
	graph_queue(t, q, 0);
	arena_release(&a);
}

static char *
first_url(struct task *t)
{
	struct runner	*r = t->r;
	struct buf	 b = BUF_INIT;
	char		*out;

	buf_addf(&b, "%s%s/messages?$select=%s", r->conf->graph_base, t->path,
	    engine_select(r->eng));
	buf_addf(&b, "&$filter=receivedDateTime%%20ge%%20%s%%20and%%20"
	    "receivedDateTime%%20lt%%20%s", t->as->window_from,
	    t->as->window_to);
	buf_addf(&b, "&$orderby=receivedDateTime%%20desc&$top=%d",
	    t->page_size);
	out = buf_detach(&b, NULL);
	return out;
}

static int
pages_held(const struct task *t)
{
	const struct page	*p;
	int			 n = 0;

	for (p = t->pages; p != NULL; p = p->next)
		n++;
	return n;
}

/* List pages queued or being fetched, for every mailbox held. */
static int
lists_wanted(const struct runner *r)
{
	const struct task	*t;
	int			 n = 0;

	for (t = r->tasks; t != NULL; t = t->next)
		if (t->type == TASK_MBOX && !t->finished && t->list_out)
			n++;
	return n;
}

/*
 * Fetch the next list page when there is one, room for it and memory.
 * A mailbox refused for memory is asked again by the tick's loop
 * (mbox_flush()) until the budget lets it go on.
 */
static void
queue_list(struct task *t)
{
	struct runner	*r = t->r;
	struct req	*q;
	size_t		 avg = r->avg_page > 0 ? r->avg_page : 1024 * 1024;
	int		 n;

	if (t->finished || t->stop || t->list_out || t->next_link == NULL ||
	    pages_held(t) >= PAGES_MAX)
		return;
	/* Bounded memory: answers queued or in flight times their usual
	 * size (at least one, however large a page is). */
	if ((n = lists_wanted(r)) > 0 && (size_t)(n + 1) * avg > MEM_BUDGET)
		return;
	q = req_new(t, REQ_LIST, t->next_link, NULL, 1);
	t->list_out = 1;
	graph_queue(t, q, 0);
}

void
mbox_begin(struct runner *r, struct task *t)
{
	struct buf	 b = BUF_INIT;

	if (t->as->kind == KIND_DELEGATED)
		t->path = xstrdup("/me");
	else {
		buf_adds(&b, "/users/");
		url_encode(&b, t->user_id);
		t->path = buf_detach(&b, NULL);
	}
	buf_release(&b);
	if (org_load(r, t->as) == -1) {
		log_warn("runner: mailbox %lld: the organisation cannot be "
		    "read now; given back", t->id);
		lease_release(r, t, 5, NULL);
		t->finished = 1;
		return;
	}
	if (t->next_link != NULL && !link_ok(r->conf->graph_base,
	    t->next_link)) {
		log_err("runner: mailbox %lld: its checkpoint is not a Graph "
		    "link; refusing it", t->id);
		store_mailbox_end(r, t, "failed", "bad_checkpoint");
		t->finished = 1;
		return;
	}
	if (t->next_link == NULL) {
		if (*t->as->window_from == '\0' || *t->as->window_to == '\0') {
			log_err("runner: mailbox %lld: its assessment has no "
			    "window", t->id);
			store_mailbox_end(r, t, "failed", "no_window");
			t->finished = 1;
			return;
		}
		t->next_link = first_url(t);
	}
	{
		int top = link_top(t->next_link);

		if (top > 0)
			t->page_size = top;
	}
	/* The correspondents (corr.c) and the first page at once; the
	 * page waits for them before its messages are scanned. */
	corr_begin(t);
	queue_list(t);
}

/* The correspondents are read: scan a page that came before them. */
void
mbox_corr_read(struct task *t)
{
	struct req	*q = t->early;

	t->early = NULL;
	if (q != NULL && !t->finished)
		list_page(t, q);
	else if (q != NULL)
		req_free(q);
	try_commit(t);
}

/* The list page arrived: scan what can be, hold what needs more. */
static void
list_page(struct task *t, struct req *q)
{
	struct runner	*r = t->r;
	struct page	*p, **pp;
	cJSON		*root, *val, *msg, *nl;
	int		 nb[3] = { 0, 0, 0 }, i;
	struct item	*groups[3][BATCH_MAX];
	const char	*next;

	if ((root = cJSON_ParseWithLength(q->resp.ptr, q->resp.len)) == NULL ||
	    !cJSON_IsArray(val = cJSON_GetObjectItemCaseSensitive(root,
	    "value"))) {
		cJSON_Delete(root);
		t->list_out = 1;
		if (graph_retry(q, "malformed list page") == -1)
			mbox_failed(t, q, "malformed_response");
		return;
	}
	nl = cJSON_GetObjectItemCaseSensitive(root, "@odata.nextLink");
	next = cJSON_IsString(nl) ? nl->valuestring : NULL;
	if (next != NULL && !link_ok(r->conf->graph_base, next)) {
		log_err("runner: mailbox %lld: a nextLink outside graph_base; "
		    "refusing it", t->id);
		cJSON_Delete(root);
		mbox_failed(t, q, "bad_next_link");
		return;
	}
	r->avg_page = r->avg_page == 0 ? q->resp.len :
	    (r->avg_page * 7 + q->resp.len) / 8;
	r->n_pages++;
	p = xcalloc(1, sizeof(*p));
	arena_init(&p->a, 0);
	p->next_link = next != NULL ? arena_strdup(&p->a, next) : NULL;
	p->held = cJSON_CreateArray();
	for (pp = &t->pages; *pp != NULL; pp = &(*pp)->next)
		p->seq++;
	*pp = p;
	free(t->next_link);
	t->next_link = next != NULL ? xstrdup(next) : NULL;
	/* The raw answer is not needed any more. */
	buf_release(&q->resp);
	while ((msg = cJSON_DetachItemFromArray(val, 0)) != NULL) {
		enum engine_need need;
		struct item *it;

		/* Without an id a message can be neither fetched nor
		 * recorded: counted as skipped, never dereferenced. */
		if (jstr(msg, "id") == NULL || *jstr(msg, "id") == '\0') {
			p->skipped++;
			cJSON_Delete(msg);
			continue;
		}
		need = engine_needs(r->eng, msg, NULL);
		if (need == ENGINE_NEED_NONE) {
			scan(t, p, msg, NULL, 0);
			cJSON_Delete(msg);
			continue;
		}
		cJSON_AddItemToArray(p->held, msg);
		it = arena_zalloc(&p->a, sizeof(*it));
		it->page = p;
		it->msg = msg;
		it->need = need;
		p->pending++;
		groups[need][nb[need]++] = it;
		if (nb[need] == BATCH_MAX) {
			queue_batch(t, groups[need], nb[need], 0);
			nb[need] = 0;
		}
	}
	for (i = 1; i < 3; i++)
		queue_batch(t, groups[i], nb[i], 0);
	cJSON_Delete(root);
	req_free(q);
	t->list_out = 0;
	queue_list(t);
	try_commit(t);
}

/* A base64 $value body of a batch item, decoded. */
static void
item_mime(struct item *it, const cJSON *body)
{
	size_t	 bl, len = 0;

	if (!cJSON_IsString(body) || (bl = strlen(body->valuestring)) == 0 ||
	    bl / 4 * 3 > MIME_MAX)
		return;
	it->mime = xmalloc(bl / 4 * 3 + 4);
	if (sodium_base642bin((unsigned char *)it->mime, bl / 4 * 3 + 4,
	    body->valuestring, bl, "\r\n", &len, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0) {
		free(it->mime);
		it->mime = NULL;
		return;
	}
	it->mime[len] = '\0';
	it->mimelen = len;
}

static double
item_retry_after(const cJSON *resp)
{
	const cJSON	*h = cJSON_GetObjectItemCaseSensitive(resp, "headers");
	const cJSON	*v;

	cJSON_ArrayForEach(v, h)
		if (v->string != NULL && str_casecmp(v->string,
		    "Retry-After") == 0 && cJSON_IsString(v))
			return http_retry_after(v->valuestring);
	return -1;
}

/* The answer to a $batch: per item, a result or a retry. */
static void
batch_answer(struct task *t, struct req *q)
{
	struct batch	*bc = q->ctx;
	struct item	*retry[BATCH_MAX], *mime[BATCH_MAX];
	cJSON		*root, *resps, *it;
	double		 ra = -1;
	int		 seen[BATCH_MAX], nr = 0, nm = 0, i;

	memset(seen, 0, sizeof(seen));
	if (q->status != 200 || (root = cJSON_ParseWithLength(q->resp.ptr,
	    q->resp.len)) == NULL || !cJSON_IsArray(resps =
	    cJSON_GetObjectItemCaseSensitive(root, "responses"))) {
		if (q->status == 200) {
			if (graph_retry(q, "malformed batch answer") == 0)
				return;
		} else
			log_warn("runner: mailbox %lld: $batch answered %ld",
			    t->id, q->status);
		/* Scanned without the extras rather than not at all. */
		for (i = 0; i < bc->n; i++)
			item_done(t, bc->items[i], 0);
		req_free(q);
		try_commit(t);
		return;
	}
	cJSON_ArrayForEach(it, resps) {
		const char	*ids = jstr(it, "id");
		const cJSON	*st = cJSON_GetObjectItemCaseSensitive(it,
		    "status");
		cJSON		*body = cJSON_GetObjectItemCaseSensitive(it,
		    "body");
		struct item	*x;
		long long	 k;
		int		 s;

		if (ids == NULL || str_to_ll(ids, 0, bc->n - 1, &k) == -1 ||
		    seen[k] || !cJSON_IsNumber(st))
			continue;
		seen[k] = 1;
		x = bc->items[k];
		s = (int)st->valuedouble;
		if (s == 200) {
			if (x->need == ENGINE_NEED_MIME)
				item_mime(x, body);
			else if (cJSON_IsObject(body)) {
				cJSON *v = cJSON_DetachItemFromObjectCaseSensitive(
				    body, "value");

				if (v != NULL) {
					cJSON_AddItemToObject(x->msg,
					    "attachments", v);
					/* An attached item has no bytes:
					 * the MIME then, as well. */
					if (engine_needs(t->r->eng, x->msg, v) ==
					    ENGINE_NEED_MIME) {
						x->need = ENGINE_NEED_MIME;
						mime[nm++] = x;
						continue;
					}
				}
			}
			item_done(t, x, 0);
		} else if (s == 404) {
			/* Moved or deleted since it was listed. */
			item_done(t, x, 1);
		} else if (s == 429 || s >= 500 || s == 424 || s == 401) {
			double v = item_retry_after(it);
			int throttled = v > 0 && (s == 429 || s == 503);

			if (v > ra)
				ra = v;
			if (s == 401)
				auth_invalid(&t->as->auth, q->token_version);
			if (throttled ? ++x->throttles >= REQ_THROTTLES :
			    ++x->tries >= REQ_TRIES) {
				log_warn("runner: mailbox %lld: a message's "
				    "extras failed %d times; scanned without",
				    t->id, x->tries);
				item_done(t, x, 0);
			} else
				retry[nr++] = x;
		} else {
			log_warn("runner: mailbox %lld: extras answered %d; "
			    "scanned without", t->id, s);
			item_done(t, x, 0);
		}
	}
	for (i = 0; i < bc->n; i++)
		if (!seen[i]) {
			if (++bc->items[i]->tries >= REQ_TRIES)
				item_done(t, bc->items[i], 0);
			else
				retry[nr++] = bc->items[i];
		}
	cJSON_Delete(root);
	queue_batch(t, mime, nm, 0);
	if (nr > 0) {
		int64_t nb = 0;

		if (ra > 0) {
			t->r->n_throttled++;
			graph_pause(t, ra);
		} else {
			nb = now_ms() + (int64_t)(graph_backoff(
			    retry[0]->tries > 0 ? retry[0]->tries : 1) * 1000.0);
		}
		queue_batch(t, retry, nr, nb);
	}
	req_free(q);
	try_commit(t);
}

/* Commit the complete pages at the head, in order. */
static void
try_commit(struct task *t)
{
	struct runner	*r = t->r;
	struct page	*p;
	int		 rc;

	while (!t->finished && (p = t->pages) != NULL && p->pending == 0) {
		rc = store_page(r, t, p);
		if (rc == -1)
			return;		/* the database: later */
		if (rc == -2) {
			t->finished = 1;	/* lost, or cancelled */
			return;
		}
		t->pages = p->next;
		if (p->held != NULL)
			cJSON_Delete(p->held);
		arena_release(&p->a);
		free(p);
		if (t->pages == NULL && t->next_link == NULL && !t->list_out) {
			t->finished = 1;	/* store_page ended it */
			return;
		}
	}
	queue_list(t);
}

/* Commit what is complete; fetch the next page when there is room. */
void
mbox_flush(struct task *t)
{
	try_commit(t);
}

static const char *
error_code(const struct req *q, char *out, size_t n)
{
	cJSON	*j = cJSON_ParseWithLength(q->resp.ptr, q->resp.len);
	const char *c = jstr(cJSON_GetObjectItemCaseSensitive(j, "error"),
	    "code");

	snprintf(out, n, "%s", c != NULL ? c : "");
	cJSON_Delete(j);
	return out;
}

void
mbox_done(struct task *t, struct req *q)
{
	char	 code[64];

	if (q->kind == REQ_BATCH) {
		batch_answer(t, q);
		return;
	}
	if (q->kind == REQ_SENT) {
		corr_page(t, q);
		return;
	}
	if (q->status == 200 && !t->corr_read && t->early == NULL) {
		t->early = q;		/* list_out stays: one page at a time */
		return;
	}
	if (q->status == 200) {
		list_page(t, q);
		return;
	}
	t->list_out = 0;
	error_code(q, code, sizeof(code));
	log_info("runner: mailbox %lld: list answered %ld %s", t->id,
	    q->status, code);
	if (q->status == 404 && strcmp(code, "MailboxNotEnabledForRESTAPI") ==
	    0)
		mbox_failed(t, q, "no_mailbox");
	else if (q->status == 404 && (strcmp(code, "ErrorInvalidUser") == 0 ||
	    strcmp(code, "Request_ResourceNotFound") == 0 ||
	    strcmp(code, "ResourceNotFound") == 0))
		mbox_failed(t, q, "user_not_found");
	else if (q->status == 403)
		mbox_failed(t, q, "access_denied");
	else if (q->status == 400)
		mbox_failed(t, q, "bad_request");
	else
		mbox_failed(t, q, "graph_error");
}

/*
 * The mailbox cannot go on.  Skipped (no mailbox, no such user) and
 * permanent failures are recorded; a failure that may pass (throttling,
 * the network, Graph unavailable) gives the mailbox back for a later
 * attempt, and scan_max_attempts of those end it as failed.
 */
void
mbox_failed(struct task *t, struct req *q, const char *reason)
{
	struct runner	*r = t->r;
	static const char *const passing[] = { "throttled", "network",
	    "graph_unavailable", "malformed_response", "graph_error" };
	static const char *const skips[] = { "no_mailbox", "user_not_found" };
	size_t		 i;

	if (q != NULL)
		req_free(q);
	if (t->finished)
		return;
	if (t->type == TASK_SETUP) {
		for (i = 0; i < nitems(passing); i++)
			if (strcmp(reason, passing[i]) == 0)
				break;
		if (i < nitems(passing))
			lease_release(r, t, 60, reason);
		else
			store_fail_assessment(r, t, reason);
		t->finished = 1;
		return;
	}
	for (i = 0; i < nitems(skips); i++)
		if (strcmp(reason, skips[i]) == 0) {
			log_info("runner: mailbox %lld: skipped (%s)", t->id,
			    reason);
			store_mailbox_end(r, t, "skipped", reason);
			t->finished = 1;
			return;
		}
	for (i = 0; i < nitems(passing); i++)
		if (strcmp(reason, passing[i]) == 0) {
			log_warn("runner: mailbox %lld: %s; given back for a "
			    "later attempt", t->id, reason);
			lease_release(r, t, 60, reason);
			t->finished = 1;
			return;
		}
	log_warn("runner: mailbox %lld: failed (%s)", t->id, reason);
	store_mailbox_end(r, t, "failed", reason);
	t->finished = 1;
}
