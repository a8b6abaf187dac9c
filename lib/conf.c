/* conf: the declared keys, their defaults and the file parser. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "log.h"
#include "util.h"

#define CONF_DEFAULT	"/etc/shindan/shindan.conf"
#define LINE_MAX_LEN	4096
#define SECRET_MAX	16384

enum ktype { K_STR, K_INT };

struct key {
	const char	*name;
	enum ktype	 type;
	size_t		 off;
	const char	*def;
	long long	 min, max;
};

#define S(n, d)		{ #n, K_STR, offsetof(struct conf, n), d, 0, 0 }
#define I(n, d, lo, hi)	{ #n, K_INT, offsetof(struct conf, n), #d, lo, hi }

static const struct key keys[] = {
	S(base_url, "http://127.0.0.1:8080"),
	S(listen, "unix:/run/shindan/portal.sock"),
	I(workers, 4, 1, 256),
	S(default_lang, "en"),
	S(static_dir, "/usr/local/share/shindan/static"),
	I(session_idle, 1800, 60, 86400),
	I(session_max, 43200, 300, 604800),
	I(signin_fail_hour, 10, 1, 1000),
	I(signin_fail_day, 20, 1, 10000),
	I(signin_lock_base, 900, 1, 86400),
	I(mail_resend_15min, 3, 1, 100),
	I(mail_resend_day, 10, 1, 1000),
	S(database, "dbname=shindan"),
	S(key_file, "/etc/shindan/master.key"),
	S(sql_dir, "/usr/local/share/shindan/sql"),
	S(mail_from, "Shindan <no-reply@localhost>"),
	S(smtp_host, "127.0.0.1"),
	I(smtp_port, 25, 1, 65535),
	S(smtp_starttls, "no"),
	S(smtp_user, ""),
	S(smtp_password_file, ""),
	S(smtp_ca_file, ""),
	S(templates_dir, "/usr/local/share/shindan/templates"),
	I(mail_retry_base, 30, 1, 86400),
	I(mail_retry_max, 3600, 1, 604800),
	I(mail_max_attempts, 200, 1, 100000),
	S(ms_authority, "https://login.microsoftonline.com"),
	S(graph_base, "https://graph.microsoft.com/v1.0"),
	S(ms_client_id, ""),
	S(ms_client_secret_file, ""),
	S(ms_cert_file, ""),
	S(ms_cert_key_file, ""),
	S(ms_ca_file, ""),
	I(autostart_delay, 300, 0, 86400),
	I(scan_window_days, 30, 1, 3650),
	I(retention_days, 30, 1, 3650),
	I(runner_budget, 50, 1, 86400),
	I(runner_lease, 120, 10, 86400),
	I(graph_inflight, 64, 1, 4096),
	I(graph_mailbox_inflight, 4, 1, 4),
	I(graph_page_size, 250, 1, 1000),
	I(scan_max_attempts, 8, 1, 1000),
	I(token_retry_base, 60, 1, 86400),
	I(token_retry_max, 900, 1, 86400),
	I(token_outage_max, 86400, 60, 2592000),
	S(clamav_db, "/var/lib/clamav"),
	S(rules_dir, "/usr/local/share/shindan/rules"),
	S(feeds, ""),
	S(brands_file, ""),
	I(engine_timeout, 60, 1, 3600),
};

static char **
str_slot(struct conf *c, const struct key *k)
{
	return (char **)(void *)((char *)c + k->off);
}

static int *
int_slot(struct conf *c, const struct key *k)
{
	return (int *)(void *)((char *)c + k->off);
}

static int
conf_set(struct conf *c, const struct key *k, const char *v)
{
	long long	 n;

	if (k->type == K_INT) {
		if (str_to_ll(v, k->min, k->max, &n) == -1)
			return -1;
		*int_slot(c, k) = (int)n;
		return 0;
	}
	free(*str_slot(c, k));
	*str_slot(c, k) = xstrdup(v);
	return 0;
}

static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static void
strip_slash(char *s)
{
	size_t	 n = strlen(s);

	while (n > 0 && s[n - 1] == '/')
		s[--n] = '\0';
}

const char *
conf_path(const char *arg)
{
	const char	*p;

	if (arg != NULL)
		return arg;
	if ((p = getenv("SHINDAN_CONF")) != NULL && *p != '\0')
		return p;
	return CONF_DEFAULT;
}

int
conf_load(struct conf *c, const char *path)
{
	FILE		*f;
	char		 line[LINE_MAX_LEN], *k, *v, *eq;
	size_t		 i;
	int		 lineno = 0, rc = 0;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < nitems(keys); i++)
		if (conf_set(c, &keys[i], keys[i].def) == -1)
			abort();
	if (path == NULL)
		return 0;
	c->path = xstrdup(path);
	if ((f = fopen(path, "r")) == NULL) {
		log_err("conf: %s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			log_err("conf: %s:%d: line too long", path, lineno);
			rc = -1;
			break;
		}
		k = trim(line);
		if (*k == '\0' || *k == '#')
			continue;
		if ((eq = strchr(k, '=')) == NULL) {
			log_err("conf: %s:%d: expected key = value",
			    path, lineno);
			rc = -1;
			continue;
		}
		*eq = '\0';
		k = trim(k);
		v = trim(eq + 1);
		for (i = 0; i < nitems(keys); i++)
			if (strcmp(keys[i].name, k) == 0)
				break;
		if (i == nitems(keys)) {
			log_err("conf: %s:%d: unknown key '%s'", path, lineno,
			    k);
			rc = -1;
			continue;
		}
		if (conf_set(c, &keys[i], v) == -1) {
			log_err("conf: %s:%d: %s: invalid value (%lld..%lld)",
			    path, lineno, k, keys[i].min, keys[i].max);
			rc = -1;
		}
	}
	fclose(f);
	/* Normalise: no trailing slash on URLs. */
	strip_slash(c->base_url);
	strip_slash(c->ms_authority);
	strip_slash(c->graph_base);
	if (strcmp(c->default_lang, "en") != 0 &&
	    strcmp(c->default_lang, "ja") != 0) {
		log_err("conf: %s: default_lang must be en or ja", path);
		rc = -1;
	}
	if (strcmp(c->smtp_starttls, "no") != 0 &&
	    strcmp(c->smtp_starttls, "yes") != 0 &&
	    strcmp(c->smtp_starttls, "required") != 0) {
		log_err("conf: %s: smtp_starttls must be no, yes or required",
		    path);
		rc = -1;
	}
	/* A password crosses the network only inside TLS. */
	if (*c->smtp_user != '\0' &&
	    strcmp(c->smtp_starttls, "required") != 0 &&
	    strcmp(c->smtp_host, "127.0.0.1") != 0 &&
	    strcmp(c->smtp_host, "::1") != 0 &&
	    strcmp(c->smtp_host, "localhost") != 0) {
		log_err("conf: %s: smtp_user needs smtp_starttls = required "
		    "(the password would cross the network in clear)", path);
		rc = -1;
	}
	return rc;
}

void
conf_free(struct conf *c)
{
	size_t	 i;

	for (i = 0; i < nitems(keys); i++)
		if (keys[i].type == K_STR)
			free(*str_slot(c, &keys[i]));
	free(c->path);
	memset(c, 0, sizeof(*c));
}

char *
conf_secret(const char *path)
{
	struct stat	 st;
	char		*s;
	ssize_t		 n;
	size_t		 len = 0;
	int		 fd;

	if (path == NULL || *path == '\0')
		return NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1) {
		log_err("conf: secret %s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		log_err("conf: secret %s: not a regular file", path);
		close(fd);
		return NULL;
	}
	if ((st.st_mode & 077) != 0) {
		log_err("conf: secret %s: mode %03o, must be 0600", path,
		    (unsigned)(st.st_mode & 0777));
		close(fd);
		return NULL;
	}
	s = xmalloc(SECRET_MAX + 1);
	while (len < SECRET_MAX &&
	    (n = read(fd, s + len, SECRET_MAX - len)) > 0)
		len += (size_t)n;
	close(fd);
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	s[len] = '\0';
	return s;
}
