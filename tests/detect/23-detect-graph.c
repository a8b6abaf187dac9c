/*
 * 23-detect-graph: the Microsoft Graph adapter: a message resource with
 * its headers, addresses and HTML body, fileAttachment objects in
 * base64, what must be fetched (detect_needs), a forward's header block
 * in the HTML body, and that the same mail through Graph and through
 * MIME gets the same verdict.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "detect.h"
#include "dtest.h"
#include "tap.h"
#include "util.h"

static const char MSG[] =
    "{\"id\":\"AAMk1\",\"subject\":\"Unusual sign-in activity\","
    "\"from\":{\"emailAddress\":{\"name\":\"Microsoft account team\","
    "\"address\":\"no-reply@account-security-mail.top\"}},"
    "\"sender\":{\"emailAddress\":{\"name\":\"x\",\"address\":"
    "\"no-reply@account-security-mail.top\"}},"
    "\"replyTo\":[],\"toRecipients\":[{\"emailAddress\":{\"name\":\"Taro\","
    "\"address\":\"taro.yamada@contoso.com\"}}],"
    "\"internetMessageId\":\"<1@test>\",\"hasAttachments\":true,"
    "\"internetMessageHeaders\":[{\"name\":\"Authentication-Results\","
    "\"value\":\"spf=pass (sender IP is 203.0.113.1) smtp.mailfrom=x.top; "
    "dkim=none (message not signed) header.d=none;dmarc=none action=none "
    "header.from=account-security-mail.top;compauth=fail reason=001\"}],"
    "\"body\":{\"contentType\":\"html\",\"content\":\"<p>We detected "
    "unusual sign-in activity on your Microsoft account. Verify your "
    "account within 24 hours.</p><a href=\\\"https://micros0ft-login.com/"
    "v\\\">https://account.microsoft.com</a>\"},"
    "\"receivedDateTime\":\"2026-11-02T00:30:00Z\",\"webLink\":\"https://"
    "outlook.office365.com/owa/?ItemID=AAMk1\"}";

static const char *
rule(const struct detect_result *r, const char *id)
{
	const struct detect_finding *f = dt_find(r, id);

	return f != NULL ? f->evidence[DETECT_EN] : NULL;
}

int
main(void)
{
	struct detect_engine	*e;
	struct detect_scan	*s;
	struct detect_result	 r;
	struct arena		 out;
	cJSON			*msg, *atts, *a;
	char			 *b64;
	unsigned char		 h[32];
	char			 hex[65];
	/* A fake Windows program inside nothing: bytes a PE starts with. */
	unsigned char		 pe[256];
	size_t			 b64len;

	plan_lazy();
	if ((e = dt_engine(NULL, NULL, NULL)) == NULL)
		return done_testing();
	s = detect_scan_new(e);
	arena_init(&out, 0);
	ok(strstr(detect_graph_select(), "internetMessageHeaders") != NULL &&
	    strstr(detect_graph_select(), "body") != NULL,
	    "the $select list has headers and body");

	msg = cJSON_Parse(MSG);
	if (!ok(msg != NULL, "test message parses"))
		return done_testing();
	is_int(detect_needs(e, msg, NULL), DETECT_NEED_ATTACHMENTS,
	    "hasAttachments: attachments needed");
	cJSON_ReplaceItemInObject(msg, "hasAttachments", cJSON_CreateFalse());
	is_int(detect_needs(e, msg, NULL), DETECT_NEED_NONE,
	    "no attachments: nothing more needed");
	{
		cJSON *m2 = cJSON_Parse("{\"hasAttachments\":false,\"body\":{"
		    "\"contentType\":\"html\",\"content\":\"<img src="
		    "\\\"cid:image001.png@01D9\\\">\"}}");

		is_int(detect_needs(e, m2, NULL), DETECT_NEED_ATTACHMENTS,
		    "inline cid: images: attachments needed (QR codes)");
		cJSON_Delete(m2);
		m2 = cJSON_Parse("{\"hasAttachments\":false,\"body\":{"
		    "\"contentType\":\"html\",\"content\":\"<IMG SRC="
		    "CID:logo>\"}}");
		is_int(detect_needs(e, m2, NULL), DETECT_NEED_ATTACHMENTS,
		    "CID: in capitals: attachments needed");
		cJSON_Delete(m2);
	}
	{
		/* A picture inline beside a text body: no hasAttachments, no
		 * "cid:", only the message's Content-Type says it. */
		const char *ct[] = { "multipart/mixed; boundary=\\\"b\\\"",
		    "multipart/alternative; boundary=x", "text/plain" };
		int want[] = { DETECT_NEED_ATTACHMENTS, DETECT_NEED_NONE,
		    DETECT_NEED_NONE };
		size_t i;

		for (i = 0; i < nitems(ct); i++) {
			char j[512];
			cJSON *m2;

			snprintf(j, sizeof(j), "{\"hasAttachments\":false,"
			    "\"internetMessageHeaders\":[{\"name\":\"content-"
			    "type\",\"value\":\"%s\"}],\"body\":{\"contentType"
			    "\":\"text\",\"content\":\"Scan the code.\"}}", ct[i]);
			m2 = cJSON_Parse(j);
			is_int(detect_needs(e, m2, NULL), want[i],
			    "Content-Type %s: %s", ct[i], want[i] ==
			    DETECT_NEED_NONE ? "nothing more" : "attachments");
			cJSON_Delete(m2);
		}
	}
	atts = cJSON_Parse("[{\"@odata.type\":\"#microsoft.graph."
	    "itemAttachment\",\"name\":\"Fwd\",\"contentType\":null}]");
	is_int(detect_needs(e, msg, atts), DETECT_NEED_MIME,
	    "item attachment: MIME needed");
	cJSON_Delete(atts);

	/* The message alone. */
	is_int(detect_scan_graph(s, msg, NULL, NULL, 0, &out, &r), 0,
	    "graph scan");
	is_str(detect_verdict_name(r.verdict), "threat", "verdict (%d)",
	    r.score);
	ok(rule(&r, "sender.display_brand") != NULL, "display name checked");
	ok(rule(&r, "url.text_mismatch_brand") != NULL, "HTML body links");
	ok(rule(&r, "auth.compauth_fail") != NULL,
	    "internetMessageHeaders read");
	ok(rule(&r, "content.credential_urgent") != NULL, "body text");

	/* With a fileAttachment. */
	memset(pe, 0, sizeof(pe));
	memcpy(pe, "MZ", 2);
	pe[0x3c] = 0x80;
	memcpy(pe + 0x80, "PE\0\0", 4);
	b64len = sodium_base64_encoded_len(sizeof(pe),
	    sodium_base64_VARIANT_ORIGINAL);
	b64 = xmalloc(b64len);
	sodium_bin2base64(b64, b64len, pe, sizeof(pe),
	    sodium_base64_VARIANT_ORIGINAL);
	atts = cJSON_CreateArray();
	a = cJSON_CreateObject();
	cJSON_AddStringToObject(a, "@odata.type",
	    "#microsoft.graph.fileAttachment");
	cJSON_AddStringToObject(a, "name", "scan_0412.pdf.exe");
	cJSON_AddStringToObject(a, "contentType", "application/octet-stream");
	cJSON_AddNumberToObject(a, "size", sizeof(pe));
	cJSON_AddFalseToObject(a, "isInline");
	cJSON_AddStringToObject(a, "contentBytes", b64);
	cJSON_AddItemToArray(atts, a);
	is_int(detect_needs(e, msg, atts), DETECT_NEED_NONE,
	    "file attachments: nothing more needed");
	arena_reset(&out);
	is_int(detect_scan_graph(s, msg, atts, NULL, 0, &out, &r), 0,
	    "graph scan with attachments");
	{
		const struct detect_finding *f = dt_find(&r, "attach.executable");

		crypto_hash_sha256(h, pe, sizeof(pe));
		hex_encode(h, sizeof(h), hex);
		ok(f != NULL, "the attachment is decoded and typed");
		is_str(f ? f->sha256 : NULL, hex, "its SHA-256");
		is_str(f ? f->attachment : NULL, "scan_0412.pdf.exe",
		    "its name");
		ok(dt_find(&r, "attach.double_extension") != NULL,
		    "its double extension");
	}
	/* A fileAttachment without its bytes (contentBytes null, missing,
	 * not a string): kept with its name, so the name rules read it,
	 * and the MIME asked for. */
	{
		static const char *const cb[] = { ",\"contentBytes\":null", "",
		    ",\"contentBytes\":5", ",\"contentBytes\":{}" };
		size_t i;

		for (i = 0; i < nitems(cb); i++) {
			char j[512];
			cJSON *nb;
			const struct detect_finding *f;

			snprintf(j, sizeof(j), "[{\"@odata.type\":\"#microsoft"
			    ".graph.fileAttachment\",\"name\":\"Invoice_2024."
			    "pdf.exe\",\"contentType\":\"application/x-"
			    "msdownload\",\"size\":159,\"isInline\":false%s}]",
			    cb[i]);
			nb = cJSON_Parse(j);
			is_int(detect_needs(e, msg, nb), DETECT_NEED_MIME,
			    "no bytes (%s): MIME needed", cb[i][0] ? cb[i] + 1 :
			    "contentBytes missing");
			arena_reset(&out);
			is_int(detect_scan_graph(s, msg, nb, NULL, 0, &out, &r),
			    0, "graph scan, an attachment without bytes");
			f = dt_find(&r, "attach.double_extension");
			is_str(f ? f->attachment : NULL, "Invoice_2024.pdf.exe",
			    "its name still read: double extension");
			cJSON_Delete(nb);
		}
	}
	/* Several addresses in From: counted, as through MIME. */
	{
		static const char *const fm[] = {
		    "\"internetMessageHeaders\":[{\"name\":\"From\",\"value\":"
		    "\"service@paypal.com, bob@evil.top\"}],",
		    "\"internetMessageHeaders\":[{\"name\":\"From\",\"value\":"
		    "\"PayPal <service@paypal.com>, Bob <bob@evil.top>\"}],",
		    "" };
		size_t i;

		for (i = 0; i < nitems(fm); i++) {
			char j[1024];
			cJSON *g;
			const struct detect_finding *f;

			snprintf(j, sizeof(j), "{\"subject\":\"hello\",%s"
			    "\"from\":%s{\"emailAddress\":{\"name\":\"PayPal\","
			    "\"address\":\"service@paypal.com\"}}%s,\"body\":{"
			    "\"contentType\":\"text\",\"content\":\"hello\"}}",
			    fm[i], fm[i][0] ? "" : "[", fm[i][0] ? "" :
			    ",{\"emailAddress\":{\"address\":"
			    "\"bob@evil.top\"}}]");
			g = cJSON_Parse(j);
			arena_reset(&out);
			is_int(detect_scan_graph(s, g, NULL, NULL, 0, &out, &r),
			    0, "graph scan: two From addresses");
			f = dt_find(&r, "sender.several_from");
			ok(f != NULL && strstr(f->evidence[DETECT_EN],
			    "(2 addresses)") != NULL, "%s: counted (%s)",
			    fm[i][0] ? "From header" : "\"from\" array",
			    f ? f->evidence[DETECT_EN] : "no finding");
			cJSON_Delete(g);
		}
	}
	/* A forward as Outlook on the web writes it, through Graph: the
	 * header block in the HTML body gives the forwarded sender. */
	{
		cJSON *fw = cJSON_Parse("{\"subject\":\"FW: Your account is "
		    "on hold\",\"from\":{\"emailAddress\":{\"name\":\"Taro\","
		    "\"address\":\"taro.yamada@contoso.com\"}},"
		    "\"toRecipients\":[{\"emailAddress\":{\"address\":"
		    "\"taro.yamada@contoso.com\"}}],\"body\":{\"contentType\":"
		    "\"html\",\"content\":\"<div>is this real?</div><hr><div "
		    "id=\\\"divRplyFwdMsg\\\"><b>From:</b> PayPal Service "
		    "&lt;service@account-hold-notice.example&gt;<br><b>Sent:"
		    "</b> Monday, November 2, 2026 9:12 AM<br><b>To:</b> Taro "
		    "&lt;taro.yamada@contoso.com&gt;<br><b>Subject:</b> Your "
		    "account is on hold</div><p>Review your payment: <a href="
		    "\\\"https://review-center.example/login\\\">Review</a></p>"
		    "\"}}");
		const struct detect_finding *f;

		is_int(detect_scan_graph(s, fw, NULL, NULL, 0, &out, &r), 0,
		    "graph scan of a forward");
		ok((f = dt_find(&r, "sender.display_brand")) != NULL &&
		    strstr(f->evidence[DETECT_EN], "forwarded") != NULL,
		    "the forwarded sender's name is checked");
		ok(dt_find(&r, "content.address_greeting") == NULL,
		    "the block's To line greets nobody");
		is_str(detect_verdict_name(r.verdict), "threat",
		    "a forwarded phishing mail is a threat");
		cJSON_Delete(fw);
	}
	/* Exchange names a mailbox with no display name by its address:
	 * that is no name ("Dear taro.yamada" greets by the address, as
	 * through MIME), unless the header writes it as one. */
	{
		static const char *const to_hdr[] = { NULL,
		    "\\\"taro.yamada@contoso.com\\\" <taro.yamada@contoso.com>",
		    "<taro.yamada@contoso.com>",
		    "Jiro <jiro@contoso.com>, \\\"\\\" <taro.yamada@contoso.com>" };
		/* Greeted by the address when the name is none. */
		static const int greet[] = { 1, 0, 1, 1 };
		size_t i;

		for (i = 0; i < nitems(to_hdr); i++) {
			char j[1024];
			cJSON *g;

			snprintf(j, sizeof(j), "{\"subject\":\"Mailbox notice\","
			    "\"from\":{\"emailAddress\":{\"name\":\"it-desk@"
			    "mail-notice.example\",\"address\":\"it-desk@mail-"
			    "notice.example\"}},\"toRecipients\":[{\"emailAddress"
			    "\":{\"name\":\"taro.yamada@contoso.com\",\"address"
			    "\":\"taro.yamada@contoso.com\"}}],%s%s%s\"body\":{"
			    "\"contentType\":\"text\",\"content\":\"Dear "
			    "taro.yamada, your mailbox is almost full.\"}}",
			    to_hdr[i] != NULL ? "\"internetMessageHeaders\":[{"
			    "\"name\":\"To\",\"value\":\"" : "", to_hdr[i] != NULL ?
			    to_hdr[i] : "", to_hdr[i] != NULL ? "\"}]," : "");
			g = cJSON_Parse(j);
			is_int(detect_scan_graph(s, g, NULL, NULL, 0, &out, &r),
			    0, "graph scan: a name that is the address");
			ok((dt_find(&r, "content.address_greeting") != NULL) ==
			    greet[i], "To: %s: %s", to_hdr[i] != NULL ?
			    to_hdr[i] : "(no header)", greet[i] ? "the name "
			    "Exchange made up is no name: greeted by the "
			    "address" : "a name the header writes is one");
			cJSON_Delete(g);
		}
	}
	/* An invitation through Graph: its calendar comes as invite.ics,
	 * and an invitation names its attendee in its subject. */
	{
		cJSON *inv = cJSON_Parse("{\"subject\":\"Invitation: Budget "
		    "review @ Mon Nov 2, 2026 10am - 11am (JST) (taro.yamada@"
		    "contoso.com)\",\"from\":{\"emailAddress\":{\"name\":"
		    "\"Martin Weber\",\"address\":\"martin.weber@fabrikam."
		    "com\"}},\"toRecipients\":[{\"emailAddress\":{\"address"
		    "\":\"taro.yamada@contoso.com\"}}],\"hasAttachments\":"
		    "true,\"body\":{\"contentType\":\"text\",\"content\":"
		    "\"You have been invited to Budget review.\"}}");
		cJSON *ics = cJSON_Parse("[{\"@odata.type\":\"#microsoft.graph"
		    ".fileAttachment\",\"name\":\"invite.ics\",\"contentType"
		    "\":\"application/ics\",\"isInline\":false,\"contentBytes"
		    "\":\"QkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo=\"}]");

		is_int(detect_scan_graph(s, inv, NULL, NULL, 0, &out, &r), 0,
		    "graph scan: an invitation's message alone");
		ok(dt_find(&r, "content.address_in_subject") != NULL,
		    "without its calendar: the address in the subject counts");
		is_int(detect_scan_graph(s, inv, ics, NULL, 0, &out, &r), 0,
		    "graph scan: with its invite.ics");
		ok(dt_find(&r, "content.address_in_subject") == NULL,
		    "with its calendar: an invitation naming its attendee");
		cJSON_Delete(ics);
		cJSON_Delete(inv);
	}
	/* A blank mail through Graph: an empty body, no subject, from
	 * outside; and the same with hasAttachments but its attachments
	 * not given (the runner could not fetch them): not blank. */
	{
		cJSON *bl = cJSON_Parse("{\"subject\":\"\",\"from\":{"
		    "\"emailAddress\":{\"name\":\"Sales\",\"address\":"
		    "\"sales@northwind-supply.example\"}},\"body\":{"
		    "\"contentType\":\"html\",\"content\":\"<html><body>"
		    "<p>&nbsp;</p></body></html>\"}}");

		is_int(detect_scan_graph(s, bl, NULL, NULL, 0, &out, &r), 0,
		    "graph scan: a blank mail");
		ok(dt_find(&r, "content.blank") != NULL &&
		    r.verdict == DETECT_POTENTIAL, "a blank mail from outside: "
		    "content.blank, a potential threat");
		cJSON_AddTrueToObject(bl, "hasAttachments");
		is_int(detect_scan_graph(s, bl, NULL, NULL, 0, &out, &r), 0,
		    "graph scan: a blank mail with attachments not given");
		ok(dt_find(&r, "content.blank") == NULL, "attachments said but "
		    "not given: not blank");
		cJSON_DeleteItemFromObject(bl, "hasAttachments");
		cJSON_AddStringToObject(bl, "@odata.type",
		    "#microsoft.graph.eventMessage");
		is_int(detect_scan_graph(s, bl, NULL, NULL, 0, &out, &r), 0,
		    "graph scan: a meeting request of no title or text");
		ok(dt_find(&r, "content.blank") == NULL, "a meeting request "
		    "(its calendar is not in the resource): not blank");
		cJSON_DeleteItemFromObject(bl, "@odata.type");
		{
			cJSON *item = cJSON_Parse("[{\"@odata.type\":\"#microsoft"
			    ".graph.itemAttachment\",\"name\":\"Fwd\"}]");

			is_int(detect_scan_graph(s, bl, item, NULL, 0, &out,
			    &r), 0, "graph scan: an item attachment only");
			ok(dt_find(&r, "content.blank") == NULL, "a message "
			    "attached (no bytes here): not blank");
			cJSON_Delete(item);
		}
		cJSON_Delete(bl);
	}
	/* Hostile JSON: wrong types everywhere. */
	{
		cJSON *bad = cJSON_Parse("{\"subject\":5,\"from\":\"x\","
		    "\"internetMessageHeaders\":{\"a\":1},\"body\":[1,2],"
		    "\"toRecipients\":7}");
		cJSON *badatts = cJSON_Parse("[1,\"x\",{\"contentBytes\":5},"
		    "{\"contentBytes\":\"!!!!\",\"name\":7}]");

		is_int(detect_scan_graph(s, bad, badatts, NULL, 0, NULL, &r),
		    0, "wrong JSON types give a verdict");
		is_str(detect_verdict_name(r.verdict), "clean",
		    "and nothing to report");
		cJSON_Delete(bad);
		cJSON_Delete(badatts);
	}
	/* MIME given: scanned from it. */
	{
		const char mime[] = "From: a@example.com\r\nSubject: hi\r\n\r\n"
		    "hello\r\n";

		is_int(detect_scan_graph(s, msg, NULL, mime, sizeof(mime) - 1,
		    NULL, &r), 0, "graph scan with MIME");
		is_str(detect_verdict_name(r.verdict), "clean",
		    "the MIME is what is judged");
	}
	ok(detect_scan_graph(s, NULL, NULL, NULL, 0, NULL, &r) == -1,
	    "no message: -1");
	free(b64);
	cJSON_Delete(atts);
	cJSON_Delete(msg);
	arena_release(&out);
	detect_scan_free(s);
	detect_engine_free(e);
	return done_testing();
}
