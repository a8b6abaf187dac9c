/*
 * 20-detect-samples: the verdict and rules of every message the team
 * wrote for the engine (tests/detect/data, made by mkdata.py), in both
 * languages of evidence; and the rule table's own promises.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detect.h"
#include "dtest.h"
#include "tap.h"
#include "util.h"

static int
has_non_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

static void
rule_table(void)
{
	const struct detect_rule_info	*ri;
	size_t				 n = detect_rules(&ri), i, j;
	int				 bad = 0, dup = 0, missing = 0;
	size_t				 rlen;
	char				*readme = tap_slurp("detect/README.md", &rlen);

	ok(n > 60, "the rule table has %zu rules", n);
	for (i = 0; i < n; i++) {
		enum detect_severity want = ri[i].weight >= DETECT_SCORE_THREAT ?
		    DETECT_HIGH : ri[i].weight >= DETECT_SCORE_POTENTIAL ?
		    DETECT_MEDIUM : DETECT_LOW;

		if (ri[i].severity != want)
			bad++;
		for (j = 0; j < i; j++)
			if (strcmp(ri[i].id, ri[j].id) == 0)
				dup++;
		if (readme == NULL || strstr(readme, ri[i].id) == NULL) {
			missing++;
			diag("detect/README.md does not list %s", ri[i].id);
		}
	}
	is_int(bad, 0, "each rule's severity is the verdict it gives alone");
	is_int(dup, 0, "rule ids are unique");
	is_int(missing, 0, "detect/README.md lists every rule");
	free(readme);
}

/* Details that are words, not data, are said in Japanese in the
 * Japanese evidence; so is the note that a finding is about the sender
 * of a message forwarded in the text. */
static void
ja_details(struct detect_scan *s, struct arena *out)
{
	static const struct {
		const char	*file, *rule, *en, *ja;
	} t[] = {
		{ "en-155-from-open-quote.eml", "sender.several_from",
		  "a quote left open", "引用符が閉じていない" },
		{ "en-148-no-from.eml", "sender.several_from",
		  "no From header", "From ヘッダーそのものがない" },
		{ "en-149-name-lookalike.eml", "content.obfuscated_text",
		  "the sender's name", "送信者名の「" },
		{ "en-162-fwd-brand-sender.eml", "sender.display_brand",
		  "In the message forwarded in the text, the sender's name",
		  "本文中で転送されたメッセージについて: " },
		{ "ja-18-fwd-outlook-block.eml", "sender.display_brand",
		  "In the message forwarded in the text, the sender's name",
		  "本文中で転送されたメッセージについて: " },
		/* How a domain imitates; the names the engine gives what
		 * has none, and its own words after a name. */
		{ "en-02-phish-microsoft.eml", "url.lookalike_brand",
		  "(look-alike characters)", "(似た文字)" },
		{ "en-336-own-domain-in-front.eml", "sender.lookalike_own",
		  "its whole name written in front of another domain",
		  "名前全体を別のドメインの前に置いたもの" },
		{ "en-248-pdf-qr-vector.eml", "attach.qr_code",
		  "Password_Notice.pdf > drawing", "Password_Notice.pdf > 描画" },
		{ "en-272-svg-qr-in-page.eml", "attach.qr_code",
		  "picture in the HTML (svg) > drawing",
		  "HTML 内の画像 (SVG) > 描画" },
		{ "en-304-qr-webp-later-frame.eml", "attach.qr_code",
		  "(frame 2)", "(フレーム 2)" },
		{ "en-258-split-qr.eml", "attach.qr_split", "(unnamed image",
		  "(名前のない image" },
		{ "en-157-brand-possessive.eml", "sender.display_brand",
		  "(disguised)", "(偽装)" },
		{ "en-50-brand-no-address.eml", "sender.display_brand",
		  "(no address)", "(アドレスなし)" },
	};
	struct detect_result	 r;
	const struct detect_finding *f;
	char			 path[512], *msg;
	size_t			 i, len;

	for (i = 0; i < nitems(t); i++) {
		snprintf(path, sizeof(path), "tests/detect/data/%s", t[i].file);
		if (!ok((msg = tap_slurp(path, &len)) != NULL, "%s: read",
		    t[i].file))
			continue;
		arena_reset(out);
		detect_scan_mime(s, msg, len, out, &r);
		f = dt_find(&r, t[i].rule);
		ok(f != NULL && strstr(f->evidence[DETECT_EN], t[i].en) != NULL &&
		    strstr(f->evidence[DETECT_JA], t[i].ja) != NULL &&
		    strstr(f->evidence[DETECT_JA], t[i].en) == NULL,
		    "%s: %s: the detail in each language", t[i].file, t[i].rule);
		free(msg);
	}
}

int
main(void)
{
	static const char *const own[] = { "contoso.com", NULL };
	static const char *const corr[] = { "fabrikam.com", NULL };
	static const char *const people[] = { "John Smith", NULL };
	struct detect_engine	*e;
	struct detect_scan	*s;
	struct arena		 out;
	char			 line[1024];
	FILE			*fp;
	int			 n = 0;

	plan_lazy();
	rule_table();
	if ((e = dt_engine(own, corr, people)) == NULL)
		return done_testing();
	s = detect_scan_new(e);
	arena_init(&out, 0);
	fp = fopen("tests/detect/data/expect.txt", "r");
	if (!ok(fp != NULL, "expect.txt opens"))
		return done_testing();	/* cppcheck-suppress resourceLeak */
	while (fgets(line, sizeof(line), fp) != NULL) {
		struct detect_result	 r;
		char			 path[512], *tok, *save = NULL, *file;
		char			*verdict, *msg;
		size_t			 len, i;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		file = strtok_r(line, " ", &save);
		verdict = strtok_r(NULL, " ", &save);
		snprintf(path, sizeof(path), "tests/detect/data/%s", file);
		msg = tap_slurp(path, &len);
		if (!ok(msg != NULL, "%s: read", file))
			continue;
		n++;
		arena_reset(&out);
		is_int(detect_scan_mime(s, msg, len, &out, &r), 0,
		    "%s: scanned", file);
		is_str(detect_verdict_name(r.verdict), verdict, "%s: verdict "
		    "(score %d)", file, r.score);
		while ((tok = strtok_r(NULL, " ", &save)) != NULL) {
			const struct detect_finding *f;

			/* "!rule": a reading the sample guards against. */
			if (tok[0] == '!') {
				ok(dt_find(&r, tok + 1) == NULL, "%s: no %s",
				    file, tok + 1);
				continue;
			}
			f = dt_find(&r, tok);
			if (!ok(f != NULL, "%s: %s", file, tok))
				continue;
			ok(f->evidence[DETECT_EN] != NULL &&
			    strlen(f->evidence[DETECT_EN]) > 20 &&
			    !has_non_ascii(f->evidence[DETECT_EN]) ?
			    1 : has_non_ascii(f->rule) == 0,
			    "%s: %s: English evidence", file, tok);
			ok(f->evidence[DETECT_JA] != NULL &&
			    has_non_ascii(f->evidence[DETECT_JA]),
			    "%s: %s: Japanese evidence", file, tok);
		}
		if (r.verdict != DETECT_CLEAN)
			for (i = 0; i < r.nfindings; i++)
				if (strchr(r.findings[i].evidence[0], '{')) {
					ok(0, "%s: %s: evidence has no left-over "
					    "placeholder", file, r.findings[i].rule);
					diag("%s", r.findings[i].evidence[0]);
				}
		free(msg);
	}
	fclose(fp);
	ok(n >= 20, "%d samples", n);
	ja_details(s, &out);
	arena_release(&out);
	detect_scan_free(s);
	detect_engine_free(e);
	return done_testing();
}
