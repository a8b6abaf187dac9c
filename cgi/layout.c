/*
 * layout: the frame of every page (head, the language switch at the top
 * right, footer) and small helpers that write our own messages.  Only
 * html_text() writes values; html_raw() takes string literals only.
 */
#include <string.h>

#include "html.h"
#include "portal.h"

/* The current URL with lang=code, other query fields kept.  For a page
 * answering a POST, the switch leads to the start page. */
static void
lang_href(struct req *r, const char *code)
{
	struct buf	*b = &r->body;
	const char	*q = r->query_raw, *p, *end;
	int		 first = 1;

	int	 here = r->method != M_POST &&
	    strncmp(r->path, "/_error/", 8) != 0;

	html_text(b, here ? r->path : "/");
	buf_addc(b, '?');
	if (here) {
		for (p = q; p != NULL && *p != '\0'; p = end) {
			size_t	 n;

			end = strchr(p, '&');
			n = end != NULL ? (size_t)(end - p) : strlen(p);
			if (end != NULL)
				end++;
			if (n == 0 || strncmp(p, "lang=", 5) == 0 ||
			    (n == 4 && strncmp(p, "lang", 4) == 0))
				continue;
			html_textn(b, p, n);
			html_raw(b, "&amp;");
			first = 0;
		}
	}
	(void)first;
	html_raw(b, "lang=");
	buf_adds(b, code);
}

void
layout_begin(struct req *r, enum msgid title)
{
	struct buf	*b = &r->body;

	html_raw(b, "<!doctype html>\n<html lang=\"");
	buf_adds(b, lang_code(r->lang));
	html_raw(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	html_text(b, tr(r->lang, title));
	html_raw(b, " | ");
	html_text(b, tr(r->lang, M_PRODUCT));
	html_raw(b, "</title>\n<link rel=\"stylesheet\" "
	    "href=\"/static/style.css\">\n<script src=\"/static/app.js\" "
	    "defer></script>\n</head>\n<body>\n<a class=\"skip\" "
	    "href=\"#main\">");
	html_text(b, tr(r->lang, M_SKIP));
	html_raw(b, "</a>\n<header class=\"top\">\n<a class=\"brand\" "
	    "href=\"/\">");
	html_text(b, tr(r->lang, M_PRODUCT));
	html_raw(b, "</a>\n<span class=\"tagline\">");
	html_text(b, tr(r->lang, M_TITLE));
	html_raw(b, "</span>\n<nav class=\"lang\" aria-label=\"");
	html_text(b, tr(r->lang, M_LANGUAGE));
	html_raw(b, "\"><span>Language</span> <a href=\"");
	lang_href(r, "ja");
	html_raw(b, "\" hreflang=\"ja\"");
	if (r->lang == LANG_JA)
		html_raw(b, " aria-current=\"true\"");
	html_raw(b, ">日本語</a> <a href=\"");
	lang_href(r, "en");
	html_raw(b, "\" hreflang=\"en\"");
	if (r->lang == LANG_EN)
		html_raw(b, " aria-current=\"true\"");
	html_raw(b, ">English</a></nav>\n</header>\n<main id=\"main\">\n<h1>");
	html_text(b, tr(r->lang, title));
	html_raw(b, "</h1>\n");
}

void
layout_end(struct req *r)
{
	html_raw(&r->body, "</main>\n<footer><p>");
	html_text(&r->body, tr(r->lang, M_FOOTER));
	html_raw(&r->body, "</p></footer>\n</body>\n</html>\n");
}

void
layout_csrf(struct req *r)
{
	html_raw(&r->body, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html_text(&r->body, csrf_token(r));
	html_raw(&r->body, "\">\n");
}

void
layout_msg(struct req *r, enum msgid m)
{
	html_text(&r->body, tr(r->lang, m));
}

void
layout_p(struct req *r, enum msgid m, const char *cls)
{
	html_raw(&r->body, "<p");
	if (cls != NULL) {
		html_raw(&r->body, " class=\"");
		html_text(&r->body, cls);
		html_raw(&r->body, "\"");
		if (strcmp(cls, "error") == 0)
			html_raw(&r->body, " role=\"alert\"");
	}
	html_raw(&r->body, ">");
	html_text(&r->body, tr(r->lang, m));
	html_raw(&r->body, "</p>\n");
}

void
layout_link(struct req *r, const char *path)
{
	html_raw(&r->body, "<p><a href=\"");
	html_text(&r->body, path);
	html_raw(&r->body, "\">");
	html_text(&r->body, tr(r->lang, M_HOME));
	html_raw(&r->body, "</a></p>\n");
}
