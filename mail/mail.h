/*
 * mail: rendering and delivering the outbox.
 *
 * A pass claims due outbox rows (FOR UPDATE SKIP LOCKED with a lease, so
 * any number of mailers and runner ticks may run at once), renders each
 * from its kind, language and params with the templates of mail/, and
 * hands it to the SMTP relay with libesmtp.  250: sent.  5xx: failed,
 * with the server's answer kept as the reason.  4xx, a refused or
 * broken connection: retried later with exponential backoff and jitter,
 * and the pass stops (the relay is down: no point trying the rest).
 * A rendered mail depends only on its row (Date and Message-ID come from
 * it), so a mail delivered twice after a crash is the same mail twice.
 */
#ifndef SHINDAN_MAIL_H
#define SHINDAN_MAIL_H

#include <stddef.h>

#include "buf.h"
#include "conf.h"
#include "crypt.h"
#include "db.h"

struct mail_vars;

struct mailer {
	const struct conf	*conf;
	const struct keyring	*kr;
	char			*smtp_password;
	void			*tls;		/* SSL_CTX for STARTTLS */
	long long		 down_until_ms;	/* relay backoff */
	int			 down_count;
};

int	 mailer_init(struct mailer *, const struct conf *,
	    const struct keyring *);
void	 mailer_free(struct mailer *);
/* Deliver what is due; the number sent, or -1 on a database error. */
int	 mailer_pass(struct mailer *, struct db *);
/* Seconds until the next row is due (capped at max), for the daemon. */
double	 mailer_next_due(struct mailer *, struct db *, double max);

/* render.c: fill a template; values go through escaping in HTML. */
struct mail_var {
	const char	*name;
	const char	*value;
};
int	 mail_render(const char *dir, const char *kind, const char *lang,
	    const struct mail_var *, size_t nvars, struct buf *subject,
	    struct buf *text, struct buf *html);

/* compose.c: the RFC 5322 message, CRLF line ends.  Header values are
 * refused (-1) when they contain CR, LF or NUL. */
int	 mail_compose(const char *from, const char *to, const char *subject,
	    const char *text, const char *html, long long date,
	    const char *message_id, struct buf *out);

/* smtp.c: deliver one message.  Returns the SMTP reply code of the
 * transfer (250 sent, 4xx, 5xx), or 0 when the relay could not be
 * reached; the server's text goes into why. */
/*
 * One delivery.  Returns the SMTP code of the transfer (250 sent, 4xx
 * or 0 try again later, 5xx refused); why says what happened.  tls is
 * the context of mail_tls_new (NULL: no STARTTLS).
 */
int	 mail_smtp_send(const struct conf *, void *tls, const char *password,
	    const char *from_addr, const char *to, const char *msg,
	    struct buf *why);
/* The STARTTLS context: TLS 1.2, the relay's certificate
 * verified against smtp_ca_file or the system's CAs. */
void	*mail_tls_new(const struct conf *);
void	 mail_tls_free(void *);
/* 1 when an SMTP answer blames the client's configuration (AUTH or TLS
 * required, credentials refused): the mail is kept and retried. */
int	 mail_smtp_config_error(int code, const char *why);

#endif
