/*
 * conf: the configuration file, `key = value` lines and # comments.
 *
 * Every key is declared in conf.c with its type and default; an unknown
 * key, a malformed value or an unreadable secret is an error that names
 * the file and line, so a typo never silently falls back to a default.
 * Keys ending in _file name files holding secrets; conf_secret() reads
 * one and refuses it unless it is a regular file readable by its owner
 * only (mode 0600 or 0400).
 */
#ifndef SHINDAN_CONF_H
#define SHINDAN_CONF_H

struct conf {
	/* portal */
	char	*base_url;	/* http(s)://host[:port][/prefix], no slash */
	char	*listen;	/* unix:/path or 127.0.0.1:port */
	int	 workers;
	char	*default_lang;	/* en or ja */
	char	*static_dir;
	int	 session_idle;	/* seconds */
	int	 session_max;	/* seconds */
	int	 signin_fail_hour;
	int	 signin_fail_day;
	int	 signin_lock_base;	/* seconds, doubles per budget spent */
	int	 mail_resend_15min;
	int	 mail_resend_day;
	/* storage */
	char	*database;	/* libpq conninfo */
	char	*key_file;
	char	*sql_dir;
	/* mail */
	char	*mail_from;	/* "Name <addr>" */
	char	*smtp_host;
	int	 smtp_port;
	char	*smtp_starttls;	/* no, yes (when offered), required */
	char	*smtp_user;
	char	*smtp_password_file;
	char	*smtp_ca_file;		/* CAs for the relay; "": the system's */
	char	*templates_dir;
	int	 mail_retry_base;	/* seconds */
	int	 mail_retry_max;	/* seconds */
	int	 mail_max_attempts;
	/* Microsoft */
	char	*ms_authority;
	char	*graph_base;
	char	*ms_client_id;
	char	*ms_client_secret_file;
	char	*ms_cert_file;
	char	*ms_cert_key_file;
	char	*ms_ca_file;
	int	 autostart_delay;	/* seconds after the grant */
	/* scans */
	int	 scan_window_days;
	int	 retention_days;
	int	 runner_budget;		/* seconds a tick may take new work */
	int	 runner_lease;		/* seconds */
	int	 graph_inflight;	/* global cap of requests in flight */
	int	 graph_mailbox_inflight;
	int	 graph_page_size;
	int	 scan_max_attempts;
	/* the token endpoint down: work given back after token_retry_base
	 * seconds, doubling up to token_retry_max; the scan fails after
	 * token_outage_max seconds of failures in a row */
	int	 token_retry_base;
	int	 token_retry_max;
	int	 token_outage_max;
	/* detection */
	char	*clamav_db;
	char	*rules_dir;
	char	*feeds;			/* comma-separated files */
	char	*brands_file;
	int	 engine_timeout;	/* seconds per message, sandboxed */

	char	*path;			/* the file read */
};

/* Defaults, then the file if path is not NULL.  0 or -1 (logged). */
int	 conf_load(struct conf *, const char *path);
void	 conf_free(struct conf *);
/* Read a secret file (mode 0600) without its trailing newline. */
char	*conf_secret(const char *path);
/* Path of the config: -c argument, $SHINDAN_CONF, or the default. */
const char *conf_path(const char *arg);

#endif
