/*
 * smtp: one delivery through libesmtp.  STARTTLS when configured
 * ("yes": when the relay offers it; "required": or fail) with our own
 * OpenSSL context (TLS 1.2, the relay's certificate verified against
 * smtp_ca_file or the system's CAs; libesmtp checks the name), AUTH
 * when a user is configured (the password comes from its 0600 file),
 * bounded timeouts so that a stuck relay cannot hang the mailer.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <auth-client.h>
#include <libesmtp.h>

#include "log.h"
#include "mail.h"

static int	 auth_ready;

struct creds {
	const char	*user;
	const char	*pass;
};

/* What went wrong with TLS, for the reason stored with the mail. */
struct events {
	struct buf	*why;
	const char	*host;
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

static void
on_event(smtp_session_t s, int event, void *arg, ...)
{
	struct events	*ev = arg;
	va_list		 ap;
	long		 vfy;

	(void)s;
	va_start(ap, arg);
	switch (event) {
	case SMTP_EV_EXTNA_STARTTLS:
		buf_addf(ev->why, "smtp: %s does not offer STARTTLS "
		    "(smtp_starttls = required); ", ev->host);
		break;
	case SMTP_EV_INVALID_PEER_CERTIFICATE:
		vfy = va_arg(ap, long);
		buf_addf(ev->why, "smtp: the certificate of %s is not trusted "
		    "(%s; see smtp_ca_file); ", ev->host,
		    X509_verify_cert_error_string(vfy));
		break;
	case SMTP_EV_NO_PEER_CERTIFICATE:
		buf_addf(ev->why, "smtp: %s sent no certificate; ", ev->host);
		break;
	case SMTP_EV_WRONG_PEER_CERTIFICATE:
		buf_addf(ev->why, "smtp: the certificate of %s names another "
		    "host; ", ev->host);
		break;
	case SMTP_EV_WEAK_CIPHER:
		buf_addf(ev->why, "smtp: %s offered only a weak cipher; ",
		    ev->host);
		break;
	default:
		break;
	}
	va_end(ap);
}

void *
mail_tls_new(const struct conf *conf)
{
	SSL_CTX	*ctx;
	int	 ok;

	if ((ctx = SSL_CTX_new(TLS_client_method())) == NULL)
		return NULL;
	/* TLS 1.2 exactly: libesmtp 1.1 reads the relay's answer to the
	 * second EHLO without retrying when OpenSSL has only consumed a
	 * TLS 1.3 post-handshake message (a session ticket), and gives up
	 * on the session at random. */
	ok = SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) == 1 &&
	    SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION) == 1;
	if (ok && *conf->smtp_ca_file != '\0')
		ok = SSL_CTX_load_verify_locations(ctx, conf->smtp_ca_file,
		    NULL) == 1;
	else if (ok)
		ok = SSL_CTX_set_default_verify_paths(ctx) == 1;
	if (!ok) {
		log_err("mail: cannot set up TLS%s%s", *conf->smtp_ca_file ?
		    " with smtp_ca_file " : "", conf->smtp_ca_file);
		SSL_CTX_free(ctx);
		return NULL;
	}
	/* libesmtp verifies after the handshake (SSL_get_verify_result, then
	 * the name) and refuses unless told otherwise, which on_event never
	 * does; verifying there, not in the handshake, gives the reason. */
	SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
	/* Every delivery is a new session: nothing to resume. */
	SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
	SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
	return ctx;
}

void
mail_tls_free(void *ctx)
{
	SSL_CTX_free(ctx);
}

int
mail_smtp_config_error(int code, const char *why)
{
	/* 530 authentication (or STARTTLS) required, 534 mechanism too
	 * weak, 535 credentials invalid, 538 encryption required. */
	(void)why;
	return code == 530 || code == 534 || code == 535 || code == 538;
}

int
mail_smtp_send(const struct conf *conf, void *tls, const char *password,
    const char *from_addr, const char *to, const char *msg, struct buf *why)
{
	struct events		 ev;
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
	ev.why = why;
	ev.host = conf->smtp_host;
	smtp_set_eventcb(s, on_event, &ev);
	if (tls != NULL && strcmp(conf->smtp_starttls, "no") != 0) {
		smtp_starttls_set_ctx(s, tls);
		smtp_starttls_enable(s, strcmp(conf->smtp_starttls,
		    "required") == 0 ? Starttls_REQUIRED : Starttls_ENABLED);
	}
	if (*conf->smtp_user != '\0') {
		/* Once per process: auth_client_exit() and a second
		 * auth_client_init() leave libesmtp's SASL plugins unusable
		 * for every other session. */
		if (!auth_ready) {
			auth_client_init();
			auth_ready = 1;
		}
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
	if (auth != NULL)
		auth_destroy_context(auth);
	return code;
}
