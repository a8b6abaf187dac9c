/*
 * av: ClamAV (signatures from the configured directory; none there is
 * logged once and the engine goes on) and YARA (the rules of rules_dir,
 * compiled once).  A YARA rule says in its metadata how to report it:
 *
 *	meta:
 *		category = "malware"		(a detect category name)
 *		weight = 80			(the score it adds)
 *		en = "... {name} ..."		(evidence, English)
 *		ja = "... {name} ..."		(evidence, Japanese)
 *
 * and its finding's rule id is "yara.<rule name>".
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <clamav.h>
#include <yara.h>

#include "internal.h"
#include "log.h"
#include "util.h"

#define YARA_TIMEOUT	5	/* seconds per buffer */

struct ycomp {
	char	*err;
	size_t	 errlen;
	int	 failed;
};

static void
ycomp_cb(int level, const char *file, int line, const YR_RULE *rule,
    const char *msg, void *arg)
{
	struct ycomp	*c = arg;

	(void)rule;
	if (level != YARA_ERROR_LEVEL_ERROR)
		return;
	if (!c->failed)
		snprintf(c->err, c->errlen, "yara: %s:%d: %s",
		    file ? file : "?", line, msg);
	c->failed = 1;
}

static int
namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
yara_open(struct detect_engine *e, const char *dir, char *err, size_t errlen)
{
	YR_COMPILER	*comp = NULL;
	struct ycomp	 c = { err, errlen, 0 };
	DIR		*d;
	struct dirent	*de;
	char		**files = NULL;
	size_t		 nf = 0, i;
	int		 rc = -1;

	if ((d = opendir(dir)) == NULL) {
		log_warn("detect: yara: %s: no rules directory, going on "
		    "without YARA", dir);
		return 0;
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);

		if ((l > 4 && strcmp(de->d_name + l - 4, ".yar") == 0) ||
		    (l > 5 && strcmp(de->d_name + l - 5, ".yara") == 0)) {
			files = xrealloc(files, (nf + 1) * sizeof(*files));
			files[nf++] = xstrdup(de->d_name);
		}
	}
	closedir(d);
	qsort(files, nf, sizeof(*files), namecmp);
	if (yr_initialize() != ERROR_SUCCESS) {
		snprintf(err, errlen, "yara: cannot initialise");
		goto out;
	}
	if (yr_compiler_create(&comp) != ERROR_SUCCESS) {
		snprintf(err, errlen, "yara: cannot create a compiler");
		goto out;
	}
	yr_compiler_set_callback(comp, ycomp_cb, &c);
	for (i = 0; i < nf; i++) {
		char	 path[4096];
		FILE	*fp;

		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		if ((fp = fopen(path, "r")) == NULL) {
			snprintf(err, errlen, "yara: %s: cannot open", path);
			goto out;
		}
		yr_compiler_add_file(comp, fp, NULL, path);
		fclose(fp);
		if (c.failed)
			goto out;
	}
	if (yr_compiler_get_rules(comp, (YR_RULES **)&e->yara) !=
	    ERROR_SUCCESS) {
		snprintf(err, errlen, "yara: cannot build the rules");
		goto out;
	}
	{
		YR_RULES	*rules = e->yara;
		YR_RULE		*r;

		/* cppcheck-suppress unknownMacro */
		yr_rules_foreach(rules, r)
			e->yara_rules++;
	}
	rc = 0;
out:
	if (comp != NULL)
		yr_compiler_destroy(comp);
	for (i = 0; i < nf; i++)
		free(files[i]);
	free(files);
	return rc;
}

/* libclamav talks on stderr; its messages go to the debug log. */
static void
clam_msg(enum cl_msg sev, const char *full, const char *msg, void *ctx)
{
	(void)sev;
	(void)full;
	(void)ctx;
	log_debug("detect: libclamav: %s", msg);
}

static void
clam_open(struct detect_engine *e, const char *dir)
{
	struct cl_engine	*ce;
	unsigned int		 sigs = 0;
	cl_error_t		 r;

	if (dir == NULL || *dir == '\0')
		return;
	cl_set_clcb_msg(clam_msg);
	if (cl_init(CL_INIT_DEFAULT) != CL_SUCCESS) {
		log_warn("detect: clamav: cannot initialise, going on without");
		return;
	}
	if ((ce = cl_engine_new()) == NULL)
		return;
	cl_engine_set_num(ce, CL_ENGINE_MAX_SCANSIZE, 64LL << 20);
	cl_engine_set_num(ce, CL_ENGINE_MAX_FILESIZE, 32LL << 20);
	cl_engine_set_num(ce, CL_ENGINE_MAX_RECURSION, 8);
	cl_engine_set_num(ce, CL_ENGINE_MAX_FILES, 1000);
	cl_engine_set_num(ce, CL_ENGINE_MAX_SCANTIME, 30000);
	r = cl_load(dir, ce, &sigs, CL_DB_STDOPT);
	if (r != CL_SUCCESS || sigs == 0) {
		log_warn("detect: clamav: no signatures in %s (%s), going on "
		    "without ClamAV", dir, r != CL_SUCCESS ? cl_strerror(r) :
		    "empty");
		cl_engine_free(ce);
		return;
	}
	if (cl_engine_compile(ce) != CL_SUCCESS) {
		log_warn("detect: clamav: signatures of %s do not compile, "
		    "going on without ClamAV", dir);
		cl_engine_free(ce);
		return;
	}
	e->clam = ce;
	e->clam_sigs = sigs;
}

int
av_open(struct detect_engine *e, const struct detect_opts *o, char *err,
    size_t errlen)
{
	clam_open(e, o->clamav_db);
	return yara_open(e, o->rules_dir != NULL ? o->rules_dir :
	    "detect/rules", err, errlen);
}

void
av_close(struct detect_engine *e)
{
	if (e->clam != NULL)
		cl_engine_free(e->clam);
	if (e->yara != NULL) {
		yr_rules_destroy(e->yara);
		yr_finalize();
	}
	e->clam = e->yara = NULL;
}

struct yscan {
	struct detect_scan	*s;
	const char		*name, *sha;
};

static int
yscan_cb(YR_SCAN_CONTEXT *ctx, int msg, void *data, void *arg)
{
	struct yscan		*y = arg;
	YR_RULE			*r = data;
	YR_META			*m;
	const char		*en = NULL, *ja = NULL, *cat = NULL;
	enum detect_category	 c = DETECT_MALWARE;
	int			 w = 60, i;
	char			 id[160];

	(void)ctx;
	if (msg != CALLBACK_MSG_RULE_MATCHING)
		return CALLBACK_CONTINUE;
	yr_rule_metas_foreach(r, m) {
		if (strcmp(m->identifier, "weight") == 0 &&
		    m->type == META_TYPE_INTEGER)
			w = (int)m->integer;
		else if (m->type != META_TYPE_STRING)
			continue;
		else if (strcmp(m->identifier, "en") == 0)
			en = m->string;
		else if (strcmp(m->identifier, "ja") == 0)
			ja = m->string;
		else if (strcmp(m->identifier, "category") == 0)
			cat = m->string;
	}
	for (i = 0; cat != NULL && i < DETECT_CATEGORY__MAX; i++)
		if (strcmp(cat, detect_category_name(i)) == 0)
			c = (enum detect_category)i;
	snprintf(id, sizeof(id), "yara.%s", r->identifier);
	finding_add_custom(y->s, id, c, w < 0 ? 0 : w > 100 ? 100 : w,
	    en ? en : "The attachment \"{name}\" matches the YARA rule {detail}.",
	    ja ? ja : "添付ファイル「{name}」は YARA ルール {detail} に一致します。",
	    &(struct fargs){ .name = y->name, .sha256 = y->sha,
	    .detail = r->identifier });
	return CALLBACK_CONTINUE;
}

void
av_scan(struct detect_scan *s, const char *name, const unsigned char *p,
    size_t n, const char *sha, int clam)
{
	const struct detect_engine *e = s->eng;

	if (n == 0)
		return;
	if (clam && e->clam != NULL) {
		struct cl_scan_options	 o;
		cl_fmap_t		*map;
		const char		*vir = NULL;
		unsigned long		 scanned = 0;

		memset(&o, 0, sizeof(o));
		o.parse = ~0u;
		o.general = CL_SCAN_GENERAL_HEURISTICS;
		if ((map = cl_fmap_open_memory(p, n)) != NULL) {
			if (cl_scanmap_callback(map, name, &vir, &scanned,
			    e->clam, &o, NULL) == CL_VIRUS && vir != NULL)
				finding_add(s, R_AV_CLAMAV, &(struct fargs){
				    .name = name, .sha256 = sha,
				    .detail = vir });
			cl_fmap_close(map);
		}
	}
	if (e->yara != NULL) {
		struct yscan y = { s, name, sha };

		yr_rules_scan_mem(e->yara, p, n, SCAN_FLAGS_FAST_MODE,
		    yscan_cb, &y, YARA_TIMEOUT);
	}
}
