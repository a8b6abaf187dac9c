/*
 * shindan-portal: the FastCGI portal.
 *
 *	shindan-portal [-c config]
 *
 * Opens the socket named by `listen` (unix:/path or host:port), forks
 * `workers` processes that each accept requests one at a time, and
 * restarts a worker that dies.  SIGTERM or SIGINT stops them all.  A
 * worker builds a struct req from the FastCGI parameters and the body
 * (capped), hands it to pages_dispatch() and writes the response; the
 * request's arena is reset afterwards.
 */
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "html.h"
#include "log.h"
#include "portal.h"
#include "util.h"

#define WORKERS_MAX	256

static volatile sig_atomic_t	 stopping;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static const char *
param(FCGX_ParamArray envp, const char *name)
{
	return FCGX_GetParam(name, envp);
}

/* Copy a header value when it is short, valid UTF-8 and free of controls;
 * anything else is treated as absent. */
static const char *
hdr(struct req *r, FCGX_ParamArray envp, const char *name, size_t max)
{
	const char	*v = param(envp, name);
	size_t		 n;

	if (v == NULL || (n = strlen(v)) > max || !str_valid_utf8(v, n, 0))
		return NULL;
	return arena_strndup(r->a, v, n);
}

/* Pick the cookies we know out of the Cookie header. */
static void
parse_cookies(struct req *r, const char *h)
{
	const char	*p = h, *end, *eq;
	int		 n;

	for (n = 0; p != NULL && *p != '\0' && n < 64; n++) {
		while (*p == ' ')
			p++;
		end = strchr(p, ';');
		eq = memchr(p, '=', end != NULL ? (size_t)(end - p) :
		    strlen(p));
		if (eq != NULL) {
			size_t		 klen = (size_t)(eq - p);
			size_t		 vlen = end != NULL ?
					    (size_t)(end - eq - 1) :
					    strlen(eq + 1);
			const char	*v;

			v = vlen <= 128 ? arena_strndup(r->a, eq + 1, vlen) :
			    NULL;
#define IS(k) (klen == strlen(k) && strncmp(p, k, klen) == 0)
			if (v == NULL)
				;
			else if (IS("__Host-sid") || (IS("sid") && !r->https))
				r->cookie_sid = v;
			else if (IS("__Host-pre") || (IS("pre") && !r->https))
				r->cookie_pre = v;
			else if (IS("lang"))
				r->cookie_lang = v;
			else if (IS("__Host-dev") || (IS("dev") && !r->https))
				r->cookie_dev = v;
#undef IS
		}
		p = end != NULL ? end + 1 : NULL;
	}
}

/* The sink of a streamed body (struct req.stream). */
static int
sink_fcgi(void *ctx, const void *p, size_t len)
{
	const char	*s = p;
	int		 n;

	while (len > 0) {
		n = len > 1048576 ? 1048576 : (int)len;
		if (FCGX_PutStr(s, n, ctx) != n)
			return -1;
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

static int
read_body(FCGX_Request *fr, struct buf *body)
{
	const char	*cl = param(fr->envp, "CONTENT_LENGTH");
	long long	 len = 0;
	char		 chunk[4096];
	int		 n;

	if (cl != NULL && *cl != '\0' &&
	    str_to_ll(cl, 0, BODY_MAX, &len) == -1)
		return 413;
	buf_init(body, BODY_MAX);
	while ((n = FCGX_GetStr(chunk, sizeof(chunk), fr->in)) > 0)
		if (buf_add(body, chunk, (size_t)n) == -1)
			return 413;
	return 0;
}

static void
handle(FCGX_Request *fr, struct req *r)
{
	struct buf	 body, out;
	const char	*uri, *q, *method, *https;
	int		 st;

	method = param(fr->envp, "REQUEST_METHOD");
	uri = param(fr->envp, "DOCUMENT_URI");
	if (uri == NULL)
		uri = param(fr->envp, "SCRIPT_NAME");
	q = param(fr->envp, "QUERY_STRING");
	https = param(fr->envp, "HTTPS");
	r->https = (https != NULL && *https != '\0') ||
	    str_has_prefix(r->conf->base_url, "https:");
	r->path = uri != NULL && strlen(uri) < 1024 ?
	    arena_strdup(r->a, uri) : "/";
	r->query_raw = q != NULL && strlen(q) < 8192 ?
	    arena_strdup(r->a, q) : "";
	if (method == NULL)
		r->method = 0;
	else if (strcmp(method, "GET") == 0)
		r->method = M_GET;
	else if (strcmp(method, "HEAD") == 0)
		r->method = M_HEAD;
	else if (strcmp(method, "POST") == 0)
		r->method = M_POST;
	r->ua = hdr(r, fr->envp, "HTTP_USER_AGENT", 1024);
	r->accept_lang = hdr(r, fr->envp, "HTTP_ACCEPT_LANGUAGE", 512);
	r->origin = hdr(r, fr->envp, "HTTP_ORIGIN", 512);
	r->fetch_site = hdr(r, fr->envp, "HTTP_SEC_FETCH_SITE", 64);
	r->remote_addr = hdr(r, fr->envp, "REMOTE_ADDR", 64);
	parse_cookies(r, param(fr->envp, "HTTP_COOKIE") != NULL &&
	    strlen(param(fr->envp, "HTTP_COOKIE")) <= 4096 ?
	    param(fr->envp, "HTTP_COOKIE") : NULL);

	buf_init(&r->body, PAGE_MAX);
	buf_init(&r->headers, 16384);
	if ((st = read_body(fr, &body)) != 0)
		r->fail = st;
	else if (r->method == M_POST) {
		const char *ct = param(fr->envp, "CONTENT_TYPE");

		if (ct == NULL || str_ncasecmp(ct,
		    "application/x-www-form-urlencoded", 33) != 0)
			r->fail = 400;
		r->body_raw = arena_strndup(r->a, body.ptr, body.len);
		r->body_len = body.len;
	}
	buf_release(&body);
	pages_dispatch(r);

	buf_init(&out, PAGE_MAX + 65536);
	resp_headers(r, &out, 0);
	FCGX_PutStr(out.ptr, (int)out.len, fr->out);
	if (r->method != M_HEAD && r->stream != NULL && r->status == 200) {
		struct sink	 sk = { sink_fcgi, fr->out };

		/* A body cut short must not look complete: drop the
		 * connection without ending the FastCGI request. */
		if (r->stream(r, &sk) == -1)
			shutdown(fr->ipcFd, SHUT_RDWR);
	} else if (r->method != M_HEAD)
		FCGX_PutStr(r->body.ptr, (int)r->body.len, fr->out);
	buf_release(&out);
	buf_release(&r->body);
	buf_release(&r->headers);
}

static void
worker(int sock, struct conf *conf, struct keyring *kr)
{
	FCGX_Request	 fr;
	struct arena	 a;
	struct db	 db;
	struct req	 r;
	char		 code[CRYPT_CODE_LEN + 1], dummy[CRYPT_HASH_MAX];

	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);
	/* A worker never outlives its parent. */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() == 1)
		_exit(0);
	/* A failed connection is retried per request by db_q. */
	if (db_open(&db, conf->database) == -1)
		log_warn("portal: database not reachable yet");
	arena_init(&a, 64u * 1024 * 1024);
	/* Unknown addresses are checked against this, at the same cost. */
	crypt_code_new(code);
	if (crypt_code_hash(code, dummy) == -1)
		_exit(1);
	FCGX_InitRequest(&fr, sock, 0);
	while (FCGX_Accept_r(&fr) == 0) {
		memset(&r, 0, sizeof(r));
		r.a = &a;
		r.conf = conf;
		r.kr = kr;
		r.db = &db;
		r.dummy_hash = dummy;
		handle(&fr, &r);
		FCGX_Finish_r(&fr);
		db_rollback(&db);	/* a handler that failed midway */
		arena_reset(&a);
	}
	db_close(&db);
	_exit(0);
}

static int
open_socket(const char *listen)
{
	int	 fd;

	if (str_has_prefix(listen, "unix:")) {
		(void)unlink(listen + 5);
		fd = FCGX_OpenSocket(listen + 5, 128);
		if (fd >= 0 && chmod(listen + 5, 0660) == -1)
			log_warn("portal: chmod %s: %s", listen + 5,
			    strerror(errno));
	} else
		fd = FCGX_OpenSocket(listen, 128);
	return fd;
}

int
main(int argc, char *argv[])
{
	struct conf	 conf;
	struct keyring	 kr;
	struct rlimit	 rl = { 0, 0 };
	struct sigaction sa;
	pid_t		 pids[WORKERS_MAX], pid;
	int		 ch, sock, i, status;
	const char	*cpath = NULL;

	log_init("shindan-portal");
	while ((ch = getopt(argc, argv, "c:")) != -1) {
		switch (ch) {
		case 'c':
			cpath = optarg;
			break;
		default:
			fprintf(stderr, "usage: shindan-portal [-c config]\n");
			return 2;
		}
	}
	if (conf_load(&conf, conf_path(cpath)) == -1)
		return 1;
	if (crypt_init() == -1 || crypt_keyring_load(&kr, conf.key_file) == -1)
		return 1;
	/* Secrets live in this process: no core dumps. */
	setrlimit(RLIMIT_CORE, &rl);
	/* Keys and tokens in memory: no core, no ptrace by the same user. */
	prctl(PR_SET_DUMPABLE, 0);
	if (FCGX_Init() != 0) {
		log_err("portal: FCGX_Init failed");
		return 1;
	}
	if ((sock = open_socket(conf.listen)) < 0) {
		log_err("portal: cannot listen on %s", conf.listen);
		return 1;
	}
	log_info("portal: listening on %s with %d workers", conf.listen,
	    conf.workers);
	/* No SA_RESTART: wait() must return when a signal arrives. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < conf.workers; i++) {
		if ((pids[i] = fork()) == 0)
			worker(sock, &conf, &kr);
		if (pids[i] == -1) {
			log_err("portal: fork: %s", strerror(errno));
			pids[i] = 0;
		}
	}
	while (!stopping) {
		pid = wait(&status);
		if (pid == -1) {
			if (errno == EINTR)
				continue;
			sleep(1);
			continue;
		}
		for (i = 0; i < conf.workers; i++) {
			if (pids[i] != pid)
				continue;
			if (stopping)
				break;
			log_warn("portal: worker %d exited (status %d); "
			    "restarting", (int)pid, status);
			/* Do not spin if workers die at once. */
			sleep(1);
			if ((pids[i] = fork()) == 0)
				worker(sock, &conf, &kr);
		}
	}
	for (i = 0; i < conf.workers; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	while (wait(&status) > 0)
		;
	if (str_has_prefix(conf.listen, "unix:"))
		(void)unlink(conf.listen + 5);
	crypt_keyring_wipe(&kr);
	conf_free(&conf);
	log_info("portal: stopped");
	return 0;
}
