/* sender: one pass over the outbox (see mail.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "html.h"
#include "log.h"
#include "mail.h"
#include "util.h"

/* One mail per claim: its lease (longer than libesmtp's timeouts
 * together, 270 s) never runs out while it waits its turn. */
#define CLAIM_BATCH	1
#define LEASE_SECS	"600"
#define VARS_MAX	40

int
mailer_init(struct mailer *m, const struct conf *conf,
    const struct keyring *kr)
{
	memset(m, 0, sizeof(*m));
	m->conf = conf;
	m->kr = kr;
	if (*conf->smtp_password_file != '\0' &&
	    (m->smtp_password = conf_secret(conf->smtp_password_file)) == NULL)
		return -1;
	if (strcmp(conf->smtp_starttls, "no") != 0 &&
	    (m->tls = mail_tls_new(conf)) == NULL) {
		mailer_free(m);
		return -1;
	}
	return 0;
}

void
mailer_free(struct mailer *m)
{
	if (m->smtp_password != NULL) {
		crypt_wipe(m->smtp_password, strlen(m->smtp_password));
		free(m->smtp_password);
	}
	if (m->tls != NULL)
		mail_tls_free(m->tls);
	memset(m, 0, sizeof(*m));
}

/* The address part of "Name <addr>" (or the whole when no brackets). */
static char *
addr_of(struct arena *a, const char *from)
{
	const char	*lt = strrchr(from, '<'), *gt;

	if (lt == NULL || (gt = strchr(lt, '>')) == NULL)
		return arena_strdup(a, from);
	return arena_strndup(a, lt + 1, (size_t)(gt - lt - 1));
}

static double
backoff(const struct conf *c, int attempts)
{
	double	 d = c->mail_retry_base * pow(2.0, attempts > 30 ? 30 :
	    attempts - 1);

	if (d > c->mail_retry_max)
		d = c->mail_retry_max;
	/* Full jitter in the upper half: spread, but never too eager. */
	return d / 2 + d / 2 * ((double)arc4random_uniform(1000) / 1000.0);
}

/*
 * The variables of a mail: the account's address and confirmation
 * number, the portal's links, and the row's params (strings or numbers
 * only).  -1 when the account or its number cannot be read.
 */
static int
vars_of(struct mailer *m, struct db *db, struct arena *a, const char *acct,
    const char *params, struct mail_var *v, size_t *nv)
{
	PGresult	*r;
	struct buf	 sealed = BUF_INIT, code = BUF_INIT, url = BUF_INIT;
	char		 aad[48], fmt[CRYPT_CODE_LEN + 3];
	cJSON		*j, *it;
	size_t		 n = 0;
	int		 rc = -1;

	if (acct == NULL)
		return -1;
	r = db_qv(db, a, STMT_OUTBOX_ACCOUNT, 1, acct);
	if (r == NULL || PQntuples(r) != 1)
		goto out;
	snprintf(aad, sizeof(aad), "code:v1:%s", acct);
	if (db_get_bytea(r, 0, "code_sealed", &sealed) == -1 ||
	    crypt_unseal(m->kr, aad, sealed.ptr, sealed.len, &code) == -1 ||
	    code.len != CRYPT_CODE_LEN) {
		log_err("mail: account %s: confirmation number does not open",
		    acct);
		goto out;
	}
	crypt_code_format(code.ptr, fmt);
	v[n].name = "email";
	v[n++].value = arena_strdup(a, db_get(r, 0, "email"));
	v[n].name = "code";
	v[n++].value = arena_strdup(a, fmt);
	crypt_wipe(fmt, sizeof(fmt));
	v[n].name = "portal_url";
	v[n++].value = arena_printf(a, "%s/", m->conf->base_url);
	buf_addf(&url, "%s/signin?email=", m->conf->base_url);
	url_encode(&url, db_get(r, 0, "email"));
	v[n].name = "signin_url";
	v[n++].value = arena_strdup(a, url.ptr);
	v[n].name = "results_url";
	v[n++].value = arena_printf(a, "%s/results", m->conf->base_url);
	if ((j = cJSON_Parse(params)) != NULL) {
		cJSON_ArrayForEach(it, j) {
			if (n == VARS_MAX)
				break;
			if (cJSON_IsString(it))
				v[n].value = arena_strdup(a, it->valuestring);
			else if (cJSON_IsNumber(it))
				v[n].value = arena_printf(a, "%.0f",
				    it->valuedouble);
			else
				continue;
			v[n++].name = arena_strdup(a, it->string);
		}
		cJSON_Delete(j);
	}
	*nv = n;
	rc = 0;
out:
	crypt_wipe(code.ptr, code.len);
	buf_release(&code);
	buf_release(&sealed);
	buf_release(&url);
	return rc;
}

/* Deliver one claimed row.  1 sent, 0 not (state updated), -1 db. */
static int
deliver(struct mailer *m, struct db *db, struct arena *a, PGresult *r,
    int i, int *relay_down)
{
	struct mail_var	 v[VARS_MAX];
	struct buf	 subj = BUF_INIT, text = BUF_INIT, html = BUF_INIT;
	struct buf	 msg = BUF_INIT, why = BUF_INIT;
	const char	*id = db_get(r, i, "id"), *kind = db_get(r, i, "kind");
	const char	*lang = db_get(r, i, "lang");
	const char	*to = db_get(r, i, "recipient");
	/* The claim's fence: a row claimed again meanwhile (our lease ran
	 * out) has another attempt number, and our updates change nothing. */
	const char	*att = db_get(r, i, "attempts");
	char		*mid, *secs, *dom;
	size_t		 nv = 0;
	int		 code, attempts, rc = 0;

	attempts = (int)db_get_ll(r, i, "attempts", 1);
	if (vars_of(m, db, a, db_get(r, i, "account_id"),
	    db_get(r, i, "params"), v, &nv) == -1 ||
	    mail_render(m->conf->templates_dir, kind, lang, v, nv, &subj,
	    &text, &html) == -1) {
		rc = db_cmd(db, a, STMT_OUTBOX_FAILED, 3, id, att,
		    "cannot render this mail (template or account)") < 0 ?
		    -1 : 0;
		log_err("mail: outbox %s (%s): not rendered; failed", id, kind);
		goto out;
	}
	dom = strrchr(addr_of(a, m->conf->mail_from), '@');
	mid = arena_printf(a, "shindan-%s-%s@%s", kind, id,
	    dom != NULL ? dom + 1 : "localhost");
	if (mail_compose(m->conf->mail_from, to, subj.ptr, text.ptr, html.ptr,
	    db_get_ll(r, i, "created", 0), mid, &msg) == -1) {
		rc = db_cmd(db, a, STMT_OUTBOX_FAILED, 3, id, att,
		    "cannot compose this mail (header value)") < 0 ? -1 : 0;
		log_err("mail: outbox %s (%s): not composed; failed", id, kind);
		goto out;
	}
	code = mail_smtp_send(m->conf, m->tls, m->smtp_password,
	    addr_of(a, m->conf->mail_from), to, msg.ptr, &why);
	if (code >= 200 && code < 300) {
		if (db_cmd(db, a, STMT_OUTBOX_SENT, 2, id, att) < 0)
			rc = -1;
		else {
			log_info("mail: outbox %s (%s) sent", id, kind);
			rc = 1;
		}
	} else if (code >= 500 && mail_smtp_config_error(code, why.ptr)) {
		/* Not this mail's fault: the relay wants credentials or TLS
		 * that the configuration does not give.  Kept, retried. */
		secs = arena_printf(a, "%.3f", backoff(m->conf, attempts));
		rc = db_cmd(db, a, STMT_OUTBOX_RETRY, 4, id, att, why.ptr, secs) < 0 ?
		    -1 : 0;
		log_err("mail: outbox %s (%s): %s: check smtp_user, "
		    "smtp_password_file and smtp_starttls; retry in %s s", id,
		    kind, why.ptr, secs);
		*relay_down = 1;
	} else if (code >= 500) {
		rc = db_cmd(db, a, STMT_OUTBOX_FAILED, 3, id, att, why.ptr) < 0 ?
		    -1 : 0;
		log_err("mail: outbox %s (%s): refused: %s", id, kind,
		    why.ptr);
	} else if (attempts >= m->conf->mail_max_attempts) {
		rc = db_cmd(db, a, STMT_OUTBOX_FAILED, 3, id, att,
		    arena_printf(a, "gave up after %d attempts: %s", attempts,
		    why.ptr)) < 0 ? -1 : 0;
		log_err("mail: outbox %s (%s): gave up: %s", id, kind,
		    why.ptr);
	} else {
		secs = arena_printf(a, "%.3f", backoff(m->conf, attempts));
		rc = db_cmd(db, a, STMT_OUTBOX_RETRY, 4, id, att, why.ptr, secs) < 0 ?
		    -1 : 0;
		log_warn("mail: outbox %s (%s): %s; retry in %s s", id, kind,
		    why.ptr, secs);
		if (code == 0)
			*relay_down = 1;
	}
out:
	buf_release(&subj);
	buf_release(&text);
	buf_release(&html);
	crypt_wipe(msg.ptr, msg.len);
	buf_release(&msg);
	buf_release(&why);
	return rc;
}

/* Give back what this pass claimed but did not try. */
static void
release_rest(struct db *db, struct arena *a, PGresult *r, int from)
{
	int	 i;

	for (i = from; i < PQntuples(r); i++)
		(void)db_cmd(db, a, STMT_OUTBOX_UNCLAIM, 2, db_get(r, i, "id"),
		    db_get(r, i, "attempts"));
}

int
mailer_pass(struct mailer *m, struct db *db)
{
	struct arena	 a;
	PGresult	*r;
	char		 batch[8];
	int		 i, n, sent = 0, down = 0, rc;

	if (time_mono_ms() < m->down_until_ms)
		return 0;
	arena_init(&a, 0);
	snprintf(batch, sizeof(batch), "%d", CLAIM_BATCH);
	for (;;) {
		r = db_qv(db, &a, STMT_OUTBOX_CLAIM, 2, batch, LEASE_SECS);
		if (r == NULL) {
			sent = -1;
			break;
		}
		if ((n = PQntuples(r)) == 0)
			break;
		for (i = 0; i < n && !down; i++) {
			if ((rc = deliver(m, db, &a, r, i, &down)) == -1) {
				sent = -1;
				break;
			}
			sent += rc;
		}
		if (down)
			release_rest(db, &a, r, i);
		if (down || sent < 0 || n < CLAIM_BATCH)
			break;
		arena_reset(&a);
	}
	if (down) {
		/* The relay is down: wait before the next connection, with
		 * the same backoff as a single mail. */
		m->down_count++;
		m->down_until_ms = time_mono_ms() +
		    (long long)(backoff(m->conf, m->down_count) * 1000);
	} else if (sent > 0)
		m->down_count = 0;
	arena_release(&a);
	return sent;
}

double
mailer_next_due(struct mailer *m, struct db *db, double max)
{
	struct arena	 a;
	PGresult	*r;
	const char	*v;
	double		 d = max, w;

	arena_init(&a, 0);
	/* NULL when nothing is queued: wait the longest (a NOTIFY wakes
	 * the daemon sooner). */
	if ((r = db_q(db, &a, STMT_OUTBOX_NEXT_DUE, 0, NULL)) != NULL &&
	    (v = db_get(r, 0, "secs")) != NULL)
		d = strtod(v, NULL);
	arena_release(&a);
	w = (double)(m->down_until_ms - time_mono_ms()) / 1000.0;
	if (w > d)
		d = w;
	return d < 0 ? 0 : d > max ? max : d;
}
