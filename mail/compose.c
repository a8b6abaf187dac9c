/*
 * compose: the message itself, built with GMime: From, To, Subject
 * (RFC 2047 encoded when not ASCII), Date and Message-ID from the outbox
 * row, Auto-Submitted, and a multipart/alternative of text/plain and
 * text/html in UTF-8, quoted-printable.  Values that would end a header
 * (CR, LF, NUL) are refused before GMime sees them.
 */
#include <string.h>

#include <gmime/gmime.h>

#include "mail.h"

static int
header_safe(const char *s)
{
	return s != NULL && strpbrk(s, "\r\n") == NULL;
}

static GMimeTextPart *
text_part(const char *subtype, const char *content)
{
	GMimeTextPart	*p = g_mime_text_part_new_with_subtype(subtype);

	g_mime_text_part_set_text(p, content);
	g_mime_text_part_set_charset(p, "utf-8");
	g_mime_part_set_content_encoding(GMIME_PART(p),
	    GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	return p;
}

int
mail_compose(const char *from, const char *to, const char *subject,
    const char *text, const char *html, long long date,
    const char *message_id, struct buf *out)
{
	static int		 inited;
	GMimeMessage		*m;
	GMimeMultipart		*alt;
	GMimeTextPart		*tp, *hp;
	GMimeFormatOptions	*fo;
	InternetAddressList	*list;
	GDateTime		*dt;
	char			*s;
	int			 rc = -1;

	if (!header_safe(from) || !header_safe(to) ||
	    !header_safe(subject) || !header_safe(message_id))
		return -1;
	if (!inited) {
		g_mime_init();
		inited = 1;
	}
	m = g_mime_message_new(TRUE);
	if ((list = internet_address_list_parse(NULL, from)) == NULL)
		goto out;
	internet_address_list_append(g_mime_message_get_from(m), list);
	g_object_unref(list);
	if ((list = internet_address_list_parse(NULL, to)) == NULL)
		goto out;
	internet_address_list_append(g_mime_message_get_to(m), list);
	g_object_unref(list);
	g_mime_message_set_subject(m, subject, "utf-8");
	dt = g_date_time_new_from_unix_utc(date);
	g_mime_message_set_date(m, dt);
	g_date_time_unref(dt);
	g_mime_message_set_message_id(m, message_id);
	g_mime_object_set_header(GMIME_OBJECT(m), "Auto-Submitted",
	    "auto-generated", NULL);

	alt = g_mime_multipart_new_with_subtype("alternative");
	tp = text_part("plain", text);
	hp = text_part("html", html);
	g_mime_multipart_add(alt, GMIME_OBJECT(tp));
	g_mime_multipart_add(alt, GMIME_OBJECT(hp));
	g_object_unref(tp);
	g_object_unref(hp);
	g_mime_message_set_mime_part(m, GMIME_OBJECT(alt));
	g_object_unref(alt);

	fo = g_mime_format_options_new();
	g_mime_format_options_set_newline_format(fo, GMIME_NEWLINE_FORMAT_DOS);
	s = g_mime_object_to_string(GMIME_OBJECT(m), fo);
	g_mime_format_options_free(fo);
	if (s != NULL) {
		rc = buf_adds(out, s);
		g_free(s);
	}
out:
	g_object_unref(m);
	return rc;
}
