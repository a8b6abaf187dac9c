/*
 * render: templates are mail/templates/KIND.LANG.txt (first line
 * "Subject: ...", a blank line, the text body) and KIND.LANG.html (the
 * HTML body).  {{name}} is replaced by the variable's value: as is in
 * the subject and text, HTML-escaped in the HTML.  An unknown variable
 * or a missing template is an error, so a broken template never sends a
 * half-filled mail.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "log.h"
#include "mail.h"
#include "util.h"

#define TEMPLATE_MAX	(256u * 1024)

static int
load(const char *dir, const char *kind, const char *lang, const char *ext,
    struct buf *out)
{
	char	 path[4096], chunk[4096];
	FILE	*f;
	size_t	 n;

	/* kind and lang come from our own code, but stay in the folder. */
	if (strpbrk(kind, "/.") != NULL || strpbrk(lang, "/.") != NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/%s.%s.%s", dir, kind, lang, ext);
	if ((f = fopen(path, "r")) == NULL) {
		log_err("mail: template %s: %s", path, strerror(errno));
		return -1;
	}
	buf_init(out, TEMPLATE_MAX);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	fclose(f);
	if (out->over) {
		log_err("mail: template %s: too large", path);
		return -1;
	}
	return 0;
}

static int
fill(const char *tpl, const struct mail_var *v, size_t nv, int html,
    struct buf *out)
{
	const char	*p = tpl, *open, *close;
	size_t		 i, n;

	while ((open = strstr(p, "{{")) != NULL) {
		buf_add(out, p, (size_t)(open - p));
		if ((close = strstr(open + 2, "}}")) == NULL)
			return -1;
		n = (size_t)(close - open - 2);
		for (i = 0; i < nv; i++)
			if (strlen(v[i].name) == n &&
			    strncmp(v[i].name, open + 2, n) == 0)
				break;
		if (i == nv) {
			log_err("mail: template variable {{%.*s}} has no value",
			    (int)n, open + 2);
			return -1;
		}
		if (html)
			html_text(out, v[i].value);
		else
			text_sanitize(out, v[i].value, strlen(v[i].value));
		p = close + 2;
	}
	buf_adds(out, p);
	return out->over ? -1 : 0;
}

int
mail_render(const char *dir, const char *kind, const char *lang,
    const struct mail_var *v, size_t nv, struct buf *subject,
    struct buf *text, struct buf *html)
{
	struct buf	 t = BUF_INIT, h = BUF_INIT, s = BUF_INIT;
	char		*body, *nl;
	int		 rc = -1;

	if (load(dir, kind, lang, "txt", &t) == -1 ||
	    load(dir, kind, lang, "html", &h) == -1)
		goto out;
	if (strncmp(t.ptr, "Subject: ", 9) != 0 ||
	    (nl = strchr(t.ptr, '\n')) == NULL || nl[1] != '\n') {
		log_err("mail: template %s.%s.txt: must start with "
		    "\"Subject: ...\" and a blank line", kind, lang);
		goto out;
	}
	*nl = '\0';
	body = nl + 2;
	if (fill(t.ptr + 9, v, nv, 0, &s) == -1 ||
	    fill(body, v, nv, 0, text) == -1 ||
	    fill(h.ptr, v, nv, 1, html) == -1)
		goto out;
	/* A subject is one line whatever the values held. */
	for (nl = s.ptr; *nl != '\0'; nl++)
		if (*nl == '\n' || *nl == '\r' || *nl == '\t')
			*nl = ' ';
	buf_add(subject, s.ptr, s.len);
	rc = 0;
out:
	buf_release(&t);
	buf_release(&h);
	buf_release(&s);
	return rc;
}
