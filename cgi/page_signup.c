/*
 * Sign-up (DESIGN.md steps 1-5).
 *
 * GET  /                 the sign-up page; ?email= pre-fills (from Back)
 *                        200; 303 to /app when signed in
 * POST /signup           email, agree (=1), csrf
 *                        200 the confirmation screen; 400 the form again
 *                        with what is wrong
 * POST /signup/confirm   email, csrf
 *                        200 "we sent you a mail" with the sign-in form;
 *                        400 for an invalid address
 *
 * /signup/confirm answers the same page, in the same time, whether the
 * address is new or known: both paths make and hash a number, both
 * queue one mail (registration, or sign-in instructions for a known
 * address), and the mail leaves later through the outbox.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "email.h"
#include "html.h"
#include "log.h"
#include "outbox.h"
#include "portal.h"
#include "util.h"

static void
signup_form(struct req *r, const char *email, int bad_email, int bad_agree)
{
	struct buf	*b = &r->body;

	layout_p(r, M_SIGNUP_LEAD, "lead");
	html_raw(b, "<form method=\"post\" action=\"/signup\" "
	    "class=\"card\" id=\"signup\" novalidate>\n");
	layout_csrf(r);
	html_raw(b, "<label for=\"email\">");
	layout_msg(r, M_EMAIL);
	html_raw(b, "</label>\n<input type=\"email\" id=\"email\" "
	    "name=\"email\" maxlength=\"254\" autocomplete=\"email\" "
	    "required aria-describedby=\"email-hint\" value=\"");
	html_text(b, email);
	html_raw(b, "\">\n<p class=\"hint\" id=\"email-hint\">");
	layout_msg(r, M_EMAIL_HINT);
	html_raw(b, "</p>\n");
	if (bad_email)
		layout_p(r, M_ERR_EMAIL, "error");
	html_raw(b, "<h2>");
	layout_msg(r, M_TERMS_TITLE);
	html_raw(b, "</h2>\n<div class=\"terms\" tabindex=\"0\"><ol><li>");
	layout_msg(r, M_TERMS_1);
	html_raw(b, "</li><li>");
	layout_msg(r, M_TERMS_2);
	html_raw(b, "</li><li>");
	layout_msg(r, M_TERMS_3);
	html_raw(b, "</li><li>");
	layout_msg(r, M_TERMS_4);
	html_raw(b, "</li></ol></div>\n<label class=\"check\">"
	    "<input type=\"checkbox\" name=\"agree\" value=\"1\" "
	    "id=\"agree\" required> ");
	layout_msg(r, M_AGREE);
	html_raw(b, "</label>\n");
	if (bad_agree)
		layout_p(r, M_ERR_AGREE, "error");
	/* Enabled in the HTML so that the form works without JavaScript;
	 * app.js disables it until the address and the box are valid. */
	html_raw(b, "<button type=\"submit\" class=\"primary\" "
	    "data-needs-valid=\"signup\">");
	layout_msg(r, M_SIGNUP);
	html_raw(b, "</button>\n</form>\n<p class=\"aside\">");
	layout_msg(r, M_HAVE_NUMBER);
	html_raw(b, " <a href=\"/signin\">");
	layout_msg(r, M_SIGNIN_LINK);
	html_raw(b, "</a></p>\n");
}

int
page_index(struct req *r)
{
	const char	*email = req_query(r, "email");

	if (r->has_session)
		return page_redirect(r, "/app");
	layout_begin(r, M_TITLE);
	signup_form(r, email != NULL ? email : "", 0, 0);
	layout_end(r);
	return 200;
}

int
page_signup(struct req *r)
{
	const char	*email = req_field(r, "email");
	const char	*agree = req_field(r, "agree");
	int		 bad_email, bad_agree;
	struct buf	*b = &r->body;

	bad_email = email == NULL || !email_valid(email);
	bad_agree = agree == NULL;
	if (bad_email || bad_agree) {
		layout_begin(r, M_TITLE);
		signup_form(r, email != NULL ? email : "", bad_email,
		    bad_agree);
		layout_end(r);
		return 400;
	}
	layout_begin(r, M_CONFIRM_TITLE);
	layout_p(r, M_CONFIRM_LEAD, "lead");
	html_raw(b, "<div class=\"card\">\n<p class=\"address\">");
	html_text(b, email);
	html_raw(b, "</p>\n<form method=\"post\" action=\"/signup/confirm\" "
	    "class=\"inline\">\n");
	layout_csrf(r);
	html_raw(b, "<input type=\"hidden\" name=\"email\" value=\"");
	html_text(b, email);
	html_raw(b, "\">\n<button type=\"submit\" class=\"primary\">");
	layout_msg(r, M_CONFIRM);
	html_raw(b, "</button>\n</form>\n<form method=\"get\" action=\"/\" "
	    "class=\"inline\">\n<input type=\"hidden\" name=\"email\" "
	    "value=\"");
	html_text(b, email);
	html_raw(b, "\">\n<button type=\"submit\">");
	layout_msg(r, M_BACK);
	html_raw(b, "</button>\n</form>\n</div>\n");
	layout_end(r);
	return 200;
}

/*
 * Create the account, or find it, and queue the mail; one transaction.
 * 0 done (whatever the case), -1 on a database error.
 */
static int
register_address(struct req *r, const char *email)
{
	static const char *const kinds = "{registration,already_registered}";
	char		 code[CRYPT_CODE_LEN + 1], hash[CRYPT_HASH_MAX];
	char		 aad[48];
	struct buf	 sealed = BUF_INIT;
	PGresult	*res;
	const char	*id, *lang = lang_code(r->lang);
	long long	 n15, nday;
	int		 rc = -1;

	/* The expensive part runs for new and known addresses alike. */
	crypt_code_new(code);
	if (crypt_code_hash(code, hash) == -1) {
		log_err("signup: hashing failed");
		goto out;
	}
	if (db_begin(r->db) == -1)
		goto out;
	if ((res = db_q(r->db, r->a, STMT_ACCOUNT_NEXT_ID, 0, NULL)) == NULL)
		goto fail;
	id = arena_strdup(r->a, db_get(res, 0, "id"));
	snprintf(aad, sizeof(aad), "code:v1:%s", id);
	if (crypt_seal(r->kr, aad, code, CRYPT_CODE_LEN, &sealed) == -1)
		goto fail;
	res = db_qv(r->db, r->a, STMT_ACCOUNT_INSERT, 5, id, email, lang,
	    hash, db_bytea(r->a, sealed.ptr, sealed.len));
	if (res == NULL)
		goto fail;
	if (PQntuples(res) == 1) {
		if (outbox_queue(r->db, r->a, strtoll(id, NULL, 10),
		    "registration", lang, email, "{}", NULL) == -1)
			goto fail;
		log_info("signup: account %s created", id);
	} else {
		/* Known address: nothing changes; mail the sign-in
		 * instructions again, within the resend limits. */
		res = db_qv(r->db, r->a, STMT_ACCOUNT_BY_EMAIL, 1, email);
		if (res == NULL || PQntuples(res) != 1)
			goto fail;
		id = arena_strdup(r->a, db_get(res, 0, "id"));
		res = db_qv(r->db, r->a, STMT_OUTBOX_RECENT, 2, id, kinds);
		if (res == NULL)
			goto fail;
		n15 = db_get_ll(res, 0, "n15", 0);
		nday = db_get_ll(res, 0, "nday", 0);
		if (n15 < r->conf->mail_resend_15min &&
		    nday < r->conf->mail_resend_day) {
			if (outbox_queue(r->db, r->a, strtoll(id, NULL, 10),
			    "already_registered", lang, email, "{}",
			    NULL) == -1)
				goto fail;
			log_info("signup: account %s: instructions queued",
			    id);
		} else
			log_info("signup: account %s: resend limit reached",
			    id);
	}
	if (db_commit(r->db) == -1)
		goto out;
	rc = 0;
	goto out;
fail:
	db_rollback(r->db);
out:
	crypt_wipe(code, sizeof(code));
	buf_release(&sealed);
	return rc;
}

int
page_signup_confirm(struct req *r)
{
	const char	*email = req_field(r, "email");
	char		 norm[255];

	if (email == NULL || email_normalize(email, norm) == -1)
		return page_error(r, 400, M_ERR_EMAIL);
	if (register_address(r, norm) == -1)
		return page_error(r, 503, M_ERR_503);
	layout_begin(r, M_SENT_TITLE);
	html_raw(&r->body, "<div class=\"card\">\n<p class=\"address\">");
	html_text(&r->body, norm);
	html_raw(&r->body, "</p>\n");
	layout_p(r, M_SENT_LEAD, NULL);
	html_raw(&r->body, "</div>\n");
	signin_form(r, norm, 0);
	layout_end(r);
	return 200;
}
