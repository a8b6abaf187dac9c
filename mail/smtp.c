/*
 * smtp: one delivery through libesmtp.  STARTTLS when configured
 * ("yes": when the relay offers it; "required": or fail), AUTH when a
 * user is configured (the password comes from its 0600 file), bounded
 * timeouts so that a stuck relay cannot hang the mailer.
 */
#include <stdio.h>
#include <string.h>

#include <auth-client.h>
#include <libesmtp.h>

#include "log.h"
#include "mail.h"

struct creds {
	const char	*user;
	const char	*pass;
};

static int
interact(auth_client_request_t req, char **result, int fields, void *arg)
{
	struct creds	*c = arg;
	int		 i;

	for (i = 0; i < fields; i++) {
		if (req[i].flags & AUTH_USER)
			result[i] = (char *)c->user;
		else if (req[i].flags & AUTH_PASS)
			result[i] = (char *)c->pass;
		else
			return 0;
	}
	return 1;
}

int
mail_smtp_send(const struct conf *conf, const char *password,
    const char *from_addr, const char *to, const char *msg, struct buf *why)
{
	smtp_session_t		 s;
	smtp_message_t		 m;
	smtp_recipient_t	 rcpt;
	auth_context_t		 auth = NULL;
	const smtp_status_t	*st;
	struct creds		 creds;
	char			 hostport[300], err[128];
	int			 code = 0;

	snprintf(hostport, sizeof(hostport), "%s:%d", conf->smtp_host,
	    conf->smtp_port);
	if ((s = smtp_create_session()) == NULL)
		return 0;
	smtp_set_server(s, hostport);
	smtp_set_timeout(s, Timeout_GREETING | Timeout_OVERRIDE_RFC2822_MINIMUM,
	    30);
	smtp_set_timeout(s, Timeout_ENVELOPE | Timeout_OVERRIDE_RFC2822_MINIMUM,
	    30);
	smtp_set_timeout(s, Timeout_DATA | Timeout_OVERRIDE_RFC2822_MINIMUM,
	    30);
	smtp_set_timeout(s, Timeout_TRANSFER | Timeout_OVERRIDE_RFC2822_MINIMUM,
	    60);
	smtp_set_timeout(s, Timeout_DATA2 | Timeout_OVERRIDE_RFC2822_MINIMUM,
	    120);
	if (strcmp(conf->smtp_starttls, "required") == 0)
		smtp_starttls_enable(s, Starttls_REQUIRED);
	else if (strcmp(conf->smtp_starttls, "yes") == 0)
		smtp_starttls_enable(s, Starttls_ENABLED);
	if (*conf->smtp_user != '\0') {
		auth_client_init();
		auth = auth_create_context();
		auth_set_mechanism_flags(auth, AUTH_PLUGIN_PLAIN, 0);
		creds.user = conf->smtp_user;
		creds.pass = password != NULL ? password : "";
		auth_set_interact_cb(auth, interact, &creds);
		smtp_auth_set_context(s, auth);
	}
	m = smtp_add_message(s);
	smtp_set_reverse_path(m, from_addr);
	smtp_set_message_str(m, (void *)msg);
	rcpt = smtp_add_recipient(m, to);
	(void)rcpt;
	if (!smtp_start_session(s)) {
		smtp_strerror(smtp_errno(), err, sizeof(err));
		buf_addf(why, "smtp: %s: %s", hostport, err);
		code = 0;
		goto out;
	}
	st = smtp_message_transfer_status(m);
	code = st != NULL ? st->code : 0;
	if (code == 0) {
		st = smtp_reverse_path_status(m);
		code = st != NULL ? st->code : 0;
	}
	if (code >= 200 && code < 300) {
		st = smtp_recipient_status(rcpt);
		if (st != NULL && st->code >= 400)
			code = st->code;
	}
	if (st != NULL && st->text != NULL)
		buf_addf(why, "smtp: %d %.200s", code, st->text);
	else
		buf_addf(why, "smtp: %s: no answer to the transfer", hostport);
out:
	smtp_destroy_session(s);
	if (auth != NULL) {
		auth_destroy_context(auth);
		auth_client_exit();
	}
	return code;
}
