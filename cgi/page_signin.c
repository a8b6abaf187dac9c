/*
 * Sign-in and sign-out.
 *
 * GET  /signin      the form; ?email= pre-fills it (the mails link here)
 *                   200; 303 to /app when already signed in
 * POST /signin      email, code, csrf
 *                   303 to /app with a new session; 401 the form again
 * POST /signout     csrf; 200 the sign-in form with "signed out"
 *
 * Every failed attempt answers the same page, status and bytes, and
 * costs one Argon2id verification whether the address is unknown, the
 * account is paused or the number is wrong, so neither the page nor its
 * timing tells whether an address is registered.
 *
 * Throttling: each failure is recorded; once signin_fail_hour failures
 * in an hour or signin_fail_day in a day are spent, the account is
 * paused for signin_lock_base seconds, doubling with each pause up to a
 * day.  A new mail does not reset the budget; a successful sign-in
 * does.  A pause always ends, so nobody can lock a user out for good.
 * nginx limits requests per IP address on top of this.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "email.h"
#include "html.h"
#include "log.h"
#include "portal.h"
#include "util.h"

void
signin_form(struct req *r, const char *email, int failed)
{
	struct buf	*b = &r->body;

	html_raw(b, "<form method=\"post\" action=\"/signin\" class=\"card\" "
	    "id=\"signin\">\n<h2>");
	layout_msg(r, M_SIGNIN_TITLE);
	html_raw(b, "</h2>\n");
	layout_p(r, M_SIGNIN_LEAD, NULL);
	if (failed)
		layout_p(r, M_SIGNIN_FAILED, "error");
	layout_csrf(r);
	html_raw(b, "<label for=\"signin-email\">");
	layout_msg(r, M_EMAIL);
	html_raw(b, "</label>\n<input type=\"email\" id=\"signin-email\" "
	    "name=\"email\" maxlength=\"254\" autocomplete=\"email\" "
	    "required value=\"");
	html_text(b, email);
	html_raw(b, "\">\n<label for=\"code\">");
	layout_msg(r, M_CODE);
	html_raw(b, "</label>\n<input type=\"text\" id=\"code\" name=\"code\" "
	    "maxlength=\"40\" autocomplete=\"one-time-code\" "
	    "autocapitalize=\"characters\" spellcheck=\"false\" required "
	    "placeholder=\"XXXX-XXXX-XXXX\" aria-describedby=\"code-hint\">\n"
	    "<p class=\"hint\" id=\"code-hint\">");
	layout_msg(r, M_CODE_HINT);
	html_raw(b, "</p>\n<button type=\"submit\" class=\"primary\">");
	layout_msg(r, M_SIGNIN_LINK);
	html_raw(b, "</button>\n</form>\n<p class=\"aside\">");
	layout_msg(r, M_NO_NUMBER);
	html_raw(b, " <a href=\"/\">");
	layout_msg(r, M_SIGNUP_AGAIN);
	html_raw(b, "</a></p>\n");
}

static int
signin_page(struct req *r, const char *email, int failed, enum msgid note)
{
	layout_begin(r, M_SIGNIN_TITLE);
	if (note != M__MAX)
		layout_p(r, note, "notice");
	signin_form(r, email, failed);
	layout_end(r);
	return failed ? 401 : 200;
}

int
page_signout(struct req *r)
{
	session_destroy(r);
	return signin_page(r, "", 0, M_SIGNED_OUT);
}

/*
 * The device cookie: a browser that has signed in to an account may
 * still sign in to it while the account is paused, so that a stranger
 * spending its failure budget cannot keep its owner out (the pause
 * holds for every other browser).  "ID.DAY.MAC": the account id, the
 * day it was issued, HMAC(subkey "device", "ID.DAY"); good for a year.
 */
#define DEVICE_DAYS	365

static void
device_set(struct req *r, const char *id)
{
	const char	*what = arena_printf(r->a, "%s.%lld", id,
			    (long long)(time(NULL) / 86400));

	resp_cookie(r, "dev", arena_printf(r->a, "%s.%s", what,
	    session_mac(r, "device", what)), DEVICE_DAYS * 86400, 1);
}

static int
device_ok(struct req *r, const char *id)
{
	const char	*c = r->cookie_dev, *mac;
	size_t		 n = strlen(id);
	long long	 day;
	char		*end;

	if (c == NULL || strncmp(c, id, n) != 0 || c[n] != '.')
		return 0;
	day = strtoll(c + n + 1, &end, 10);
	if (end == c + n + 1 || *end != '.' ||
	    day + DEVICE_DAYS < (long long)(time(NULL) / 86400))
		return 0;
	mac = session_mac(r, "device", arena_strndup(r->a, c,
	    (size_t)(end - c)));
	return strlen(end + 1) == strlen(mac) &&
	    crypt_equal(end + 1, mac, strlen(mac));
}

/*
 * Check the number; 1 signed in, 0 refused, -1 database error.  Runs in
 * one transaction that locks the account row, so that concurrent
 * attempts cannot overspend the failure budget.
 */
static int
signin_check(struct req *r, const char *email, const char *code)
{
	PGresult	*res;
	const char	*id, *hash;
	long long	 hour, day;
	char		 base[16];
	int		 match;

	if (db_begin(r->db) == -1)
		return -1;
	res = db_qv(r->db, r->a, STMT_ACCOUNT_BY_EMAIL_LOCK, 1, email);
	if (res == NULL)
		goto fail;
	if (PQntuples(res) != 1 || code == NULL) {
		/* Unknown address (or no valid number): the same work. */
		(void)crypt_code_verify(r->dummy_hash, code != NULL ? code :
		    "000000000000");
		db_rollback(r->db);
		return 0;
	}
	id = arena_strdup(r->a, db_get(res, 0, "id"));
	hash = arena_strdup(r->a, db_get(res, 0, "code_hash"));
	if (db_get_bool(res, 0, "locked") && !device_ok(r, id)) {
		(void)crypt_code_verify(r->dummy_hash, code);
		db_rollback(r->db);
		log_info("signin: account %s: paused", id);
		return 0;
	}
	match = crypt_code_verify(hash, code);
	if (match) {
		if (db_cmd(r->db, r->a, STMT_ACCOUNT_SIGNED_IN, 1, id) == -1)
			goto fail;
		if (db_commit(r->db) == -1)
			return -1;
		if (session_create(r, strtoll(id, NULL, 10)) == -1)
			return -1;
		device_set(r, id);
		log_info("signin: account %s: signed in", id);
		return 1;
	}
	if (db_cmd(r->db, r->a, STMT_SIGNIN_FAIL_ADD, 1, id) == -1)
		goto fail;
	if ((res = db_qv(r->db, r->a, STMT_SIGNIN_FAILURES, 1, id)) == NULL)
		goto fail;
	hour = db_get_ll(res, 0, "hour", 0);
	day = db_get_ll(res, 0, "day", 0);
	if (hour >= r->conf->signin_fail_hour ||
	    day >= r->conf->signin_fail_day) {
		snprintf(base, sizeof(base), "%d", r->conf->signin_lock_base);
		if (db_cmd(r->db, r->a, STMT_ACCOUNT_LOCK, 2, id, base) == -1)
			goto fail;
		log_info("signin: account %s: failure budget spent, paused",
		    id);
	} else
		log_info("signin: account %s: wrong number", id);
	if (db_commit(r->db) == -1)
		return -1;
	return 0;
fail:
	db_rollback(r->db);
	return -1;
}

int
page_signin(struct req *r)
{
	const char	*email, *code;
	char		 norm[255], num[CRYPT_CODE_LEN + 1];
	int		 rc;

	if (r->method != M_POST) {
		if (r->has_session)
			return page_redirect(r, "/app");
		email = req_query(r, "email");
		return signin_page(r, email != NULL ? email : "", 0, M__MAX);
	}
	email = req_field(r, "email");
	code = req_field(r, "code");
	if (email == NULL || email_normalize(email, norm) == -1)
		norm[0] = '\0';
	rc = signin_check(r, norm, code != NULL &&
	    crypt_code_parse(code, num) == 0 ? num : NULL);
	crypt_wipe(num, sizeof(num));
	if (rc == -1)
		return page_error(r, 503, M_ERR_503);
	if (rc == 1)
		return page_redirect(r, "/app");
	return signin_page(r, email != NULL ? email : "", 1, M__MAX);
}
