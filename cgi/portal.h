/*
 * portal: what the FastCGI portal's files share.
 *
 * main.c accepts a request and fills a struct req; pages.c looks the
 * route up in its table and runs the checks every page shares (method,
 * browser, session, CSRF, declared fields) before the handler; the
 * handler writes r->body and returns the HTTP status; resp.c writes the
 * response with the security headers.  Handlers never touch FastCGI,
 * the environment or globals: everything they need is in the request.
 */
#ifndef SHINDAN_PORTAL_H
#define SHINDAN_PORTAL_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "conf.h"
#include "crypt.h"
#include "db.h"
#include "i18n.h"

#define BODY_MAX	(64u * 1024)	/* request body; nginx says 413 first */
#define PAGE_MAX	(8u * 1024 * 1024)

enum method {
	M_GET = 1,
	M_POST = 2,
	M_HEAD = 4
};

struct kv {
	const char	*key;
	const char	*val;
};

/* A declared input: only these reach a handler. */
struct field {
	const char	*name;
	int		 (*valid)(const char *);
	size_t		 max;
	int		 multiline;	/* CR, LF and tab allowed */
};

/* The account's assessment, as the pages see it. */
struct assess {
	long long	 id;
	const char	*scope;
	const char	*state;
	const char	*tenant;
	const char	*upn;
	const char	*mail;
	const char	*error;
	long long	 start_in;	/* seconds until it starts by itself */
	int		 paused;	/* Microsoft's token endpoint is down */
};

/*
 * Where a streamed body goes: write() sends len bytes on, 0 or -1 (the
 * client or the connection is gone).  See req.stream.
 */
struct sink {
	int		 (*write)(void *ctx, const void *, size_t len);
	void		*ctx;
};

struct req {
	struct arena		*a;
	const struct conf	*conf;
	const struct keyring	*kr;
	struct db		*db;
	const char		*dummy_hash;	/* for unknown addresses */

	enum method		 method;
	const char		*path;
	const char		*query_raw;
	const char		*body_raw;	/* POST form text */
	size_t			 body_len;
	int			 fail;		/* 400/413 before dispatch */
	struct kv		*query;		/* declared fields only */
	size_t			 nquery;
	struct kv		*form;		/* declared fields only */
	size_t			 nform;
	const char		*cookie_sid;
	const char		*cookie_pre;
	const char		*cookie_lang;
	const char		*cookie_dev;	/* a browser that signed in */
	const char		*ua;
	const char		*accept_lang;
	const char		*origin;
	const char		*fetch_site;
	const char		*remote_addr;
	int			 https;

	enum lang		 lang;
	int			 lang_from_query;

	/* The signed-in account, when a page needs one. */
	long long		 account_id;
	const char		*email;
	unsigned char		 sid_hash[32];
	int			 has_session;

	/* Response. */
	int			 status;
	struct buf		 body;
	struct buf		 headers;	/* extra "Name: value\r\n" */
	const char		*ctype;
	const char		*location;	/* for 303 */
	int			 new_pre;	/* set the pre-session cookie */
	const char		*pre_value;
	/*
	 * A body too large to hold (a download of any size): the handler
	 * sets stream (and stream_ctx) and returns 200 with r->body empty;
	 * main.c writes the headers, then calls stream(), which writes the
	 * body through the sink in pieces.  When it returns -1 the
	 * connection is cut, so that the client sees an incomplete
	 * response rather than a short file.  Never called for HEAD.
	 */
	int			(*stream)(struct req *, struct sink *);
	void			*stream_ctx;
};

/* pages.c */
void	 pages_dispatch(struct req *);
const char *req_field(const struct req *, const char *name);
const char *req_query(const struct req *, const char *name);
int	 page_error(struct req *, int status, enum msgid);
int	 page_redirect(struct req *, const char *path);

/* session.c */
int	 session_load(struct req *);
int	 session_create(struct req *, long long account_id);
void	 session_destroy(struct req *);
const char *csrf_token(struct req *);
const char *session_mac(struct req *, const char *label, const char *what);
int	 csrf_check(struct req *, const char *token);

/* layout.c */
void	 layout_begin(struct req *, enum msgid title);
void	 layout_end(struct req *);
void	 layout_csrf(struct req *);
void	 layout_msg(struct req *, enum msgid);
void	 layout_p(struct req *, enum msgid, const char *cls);
void	 layout_link(struct req *, const char *path);

/* ua.c: 1 when the User-Agent is a browser we do not support. */
int	 ua_unsupported(const char *);

/* resp.c */
void	 resp_headers(struct req *, struct buf *out, int status);
void	 resp_cookie(struct req *, const char *name, const char *value,
	    int max_age, int http_only);

/* Shared page parts. */
void	 signin_form(struct req *, const char *email, int failed);
void	 app_header(struct req *);
int	 assess_load(struct req *, struct assess *);
int	 oauth_begin(struct req *, const char *scope);

/* The pages. */
int	 page_index(struct req *);
int	 page_signup(struct req *);
int	 page_signup_confirm(struct req *);
int	 page_signin(struct req *);
int	 page_signout(struct req *);
int	 page_app(struct req *);
int	 page_app_service(struct req *);
int	 page_app_scope(struct req *);
int	 page_app_granted(struct req *);
int	 page_app_start(struct req *);
int	 page_app_cancel(struct req *);
int	 page_app_started(struct req *);
int	 page_oauth_callback(struct req *);
int	 page_healthz(struct req *);
int	 page_http_error(struct req *);
int	 page_results(struct req *);
int	 page_results_detection(struct req *);
int	 page_results_rescan(struct req *);
int	 page_results_delete(struct req *);
int	 page_report_pdf(struct req *);
int	 page_report_csv(struct req *);
int	 page_account_delete(struct req *);

#endif
