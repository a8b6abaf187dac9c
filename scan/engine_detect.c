/*
 * engine_detect: engine_impl.h over the detection library (detect/detect.h):
 * one detect_engine per runner (rules, signatures, feeds and brands
 * loaded once), one detect_scan context per mailbox, results copied
 * into the caller's arena.  Nothing of detect/'s internals is used.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detect.h"
#include "engine_impl.h"
#include "log.h"
#include "util.h"

#define FEEDS_MAX	32

struct impl {
	struct detect_engine	*de;
	char			 name[160];
};

struct impl_ctx {
	struct detect_scan	*ds;
};

struct impl *
impl_open(const struct conf *c)
{
	struct detect_opts	 o;
	struct impl		*e;
	const char		*feeds[FEEDS_MAX + 1];
	char			*list = NULL, *p, *save = NULL, err[256];
	size_t			 n = 0;

	detect_opts_init(&o);
	if (*c->clamav_db != '\0')
		o.clamav_db = c->clamav_db;
	if (*c->rules_dir != '\0')
		o.rules_dir = c->rules_dir;
	if (*c->brands_file != '\0')
		o.brands_file = c->brands_file;
	if (*c->feeds != '\0') {
		list = xstrdup(c->feeds);
		for (p = strtok_r(list, ",", &save); p != NULL && n < FEEDS_MAX;
		    p = strtok_r(NULL, ",", &save)) {
			while (*p == ' ')
				p++;
			if (*p != '\0')
				feeds[n++] = p;
		}
		feeds[n] = NULL;
		o.feeds = feeds;
	}
	e = xcalloc(1, sizeof(*e));
	err[0] = '\0';
	e->de = detect_engine_new(&o, err, sizeof(err));
	free(list);
	if (e->de == NULL) {
		log_err("runner: detection engine: %s", err);
		free(e);
		return NULL;
	}
	snprintf(e->name, sizeof(e->name), "detect %s (%s)", DETECT_VERSION,
	    detect_engine_describe(e->de));
	return e;
}

void
impl_close(struct impl *e)
{
	if (e == NULL)
		return;
	detect_engine_free(e->de);
	free(e);
}

struct impl_ctx *
impl_ctx_new(struct impl *e)
{
	struct impl_ctx	*c = xcalloc(1, sizeof(*c));

	if ((c->ds = detect_scan_new(e->de)) == NULL)
		abort();
	return c;
}

int
impl_ctx_set_org(struct impl_ctx *c, const char *const *domains,
    const char *const *people, const char *const *correspondents,
    const char *reader)
{
	static const char *const none[] = { NULL };

	/* An address the engine refuses (no '@', too long) is no reader. */
	if (detect_scan_set_reader(c->ds, reader) == -1)
		(void)detect_scan_set_reader(c->ds, NULL);
	return detect_scan_set_org(c->ds, domains != NULL ? domains : none,
	    people != NULL ? people : none, correspondents != NULL ?
	    correspondents : none);
}

void
impl_ctx_free(struct impl_ctx *c)
{
	if (c == NULL)
		return;
	detect_scan_free(c->ds);
	free(c);
}

const char *
impl_select(const struct impl *e)
{
	(void)e;
	return detect_graph_select();
}

const char *
impl_name(const struct impl *e)
{
	return e->name;
}

enum engine_need
impl_needs(struct impl *e, const cJSON *msg, const cJSON *atts)
{
	switch (detect_needs(e->de, msg, atts)) {
	case DETECT_NEED_ATTACHMENTS:
		return ENGINE_NEED_ATTACHMENTS;
	case DETECT_NEED_MIME:
		return ENGINE_NEED_MIME;
	default:
		return ENGINE_NEED_NONE;
	}
}

static const char *
dup(struct arena *a, const char *s)
{
	return s != NULL ? arena_strdup(a, s) : NULL;
}

int
impl_scan(struct impl_ctx *c, struct arena *a, const cJSON *msg,
    const cJSON *atts, const char *mime, size_t mimelen,
    struct engine_result *r)
{
	struct detect_result	 d;
	size_t			 i;

	memset(r, 0, sizeof(*r));
	if (detect_scan_graph(c->ds, msg, atts, mime, mimelen, a, &d) != 0)
		return -1;
	r->verdict = d.verdict == DETECT_THREAT ? ENGINE_THREAT :
	    d.verdict == DETECT_POTENTIAL ? ENGINE_POTENTIAL : ENGINE_CLEAN;
	r->score = d.score;
	r->nfindings = d.nfindings;
	r->findings = arena_zalloc(a, (d.nfindings + 1) *
	    sizeof(*r->findings));
	for (i = 0; i < d.nfindings; i++) {
		const struct detect_finding *s = &d.findings[i];
		struct engine_finding *f = &r->findings[i];

		f->category = detect_category_name(s->category);
		f->severity = detect_severity_name(s->severity);
		f->rule = dup(a, s->rule);
		f->evidence_en = dup(a, s->evidence[DETECT_EN]);
		f->evidence_ja = dup(a, s->evidence[DETECT_JA]);
		f->url = dup(a, s->url);
		f->domain = dup(a, s->domain);
		f->imitates = dup(a, s->imitates);
		f->attachment_name = dup(a, s->attachment);
		f->attachment_type = dup(a, s->filetype);
		f->attachment_sha256 = dup(a, s->sha256);
	}
	return 0;
}
