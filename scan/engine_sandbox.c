/*
 * engine_sandbox: engine.h over engine_impl.h, in a sandboxed child
 * (see engine_sandbox.h for the promises, README.md for the rules).
 *
 * The wire: each request and each reply is one frame,
 *
 *	struct frame_hdr { u32 op, id, jlen, blen; }, JSON, bytes
 *
 * in host byte order (both ends are the same program).  Requests:
 * OP_OPEN (the engine's options; the reply names the engine and its
 * $select), OP_CTX_NEW / OP_CTX_FREE / OP_SET_ORG (a context by the
 * parent's id), OP_NEEDS and OP_SCAN (the message and its attachments
 * as JSON, the MIME as bytes).  A reply's op is 0 (done) or -1 (the
 * engine said no); a scan's reply is the engine_result as JSON.  The
 * parent talks one request at a time and waits for its reply, with a
 * deadline; the child has no state but the engine and its contexts.
 */
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <linux/landlock.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <iconv.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <seccomp.h>

#include "engine_impl.h"
#include "engine_sandbox.h"
#include "log.h"
#include "util.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED	1
#endif
#endif

#define CHILD_FD	3
#define JSON_MAX	(320u << 20)	/* a message with its attachments */
#define BYTES_MAX	(80u << 20)	/* its MIME (mbox.c: 64 MB) */
#define REPLY_MAX	(16u << 20)
#define OPEN_TIMEOUT_MS	(600 * 1000)	/* loading every signature */
#define FINDINGS_MAX	256
#define SCAN_ARENA_MAX	(256u << 20)
/* Address space beyond the loaded engine: a message and its parse. */
#define AS_HEADROOM	(3ULL << 30)
#define CPU_MAX		(4 * 3600)	/* s; a tick lasts one hour */
#define NOBODY		65534
/* Landlock rights newer than some uapi headers (5.19, 6.2). */
#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER	(1ULL << 13)
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE	(1ULL << 14)
#endif
/* The child's private directory: what the parent removes at most. */
#define TMP_PREFIX	"shindan-engine."
#define TMP_DEPTH	32
#define TMP_ENTRIES	100000

enum op {
	OP_OPEN = 1,
	OP_CTX_NEW,
	OP_CTX_FREE,
	OP_SET_ORG,
	OP_NEEDS,
	OP_SCAN,
	OP_TEST
};

struct frame_hdr {
	uint32_t	 op;
	uint32_t	 id;
	uint32_t	 jlen;
	uint32_t	 blen;
};

struct frame {
	struct frame_hdr h;
	char		*json;		/* NUL-terminated, or NULL */
	char		*bytes;
};

/* ---- the parent's side ---- */

struct engine_ctx {
	struct engine		*e;
	uint32_t		 id;
	char			**domains;	/* NULL: never set */
	char			**people;
	char			**corr;		/* its correspondents */
	char			*reader;	/* the mailbox's address */
	struct engine_ctx	*next;
};

enum fail {
	FAIL_NONE,
	FAIL_CRASH,		/* died, or broke the protocol */
	FAIL_TIMEOUT,		/* missed the deadline: killed */
	FAIL_SIZE		/* the request is over the limits */
};

struct engine {
	char			*opts;		/* OP_OPEN's JSON */
	enum fail		 fail;		/* of the last call */
	int			 timeout_ms;
	pid_t			 pid;
	int			 fd;
	unsigned		 gen;		/* children started */
	unsigned long		 deaths;
	char			*tmpdir;	/* the child's, or NULL */
	int			 landlock;	/* its ABI in force, 0 */
	char			*name;
	char			*select;
	uint32_t		 next_id;
	struct engine_ctx	*ctxs;
};

static void
frame_free(struct frame *f)
{
	free(f->json);
	free(f->bytes);
	memset(f, 0, sizeof(*f));
}

/* Read (writing 0), write (1) or send without SIGPIPE (2: the parent,
 * whatever its signal dispositions; the child ignores SIGPIPE and may
 * not call sendto) n bytes before the deadline (ms, monotonic); -1 on
 * error, end of file or time out (errno ETIMEDOUT). */
static int
xfer(int fd, void *p, size_t n, int writing, int64_t deadline)
{
	struct pollfd	 pfd;
	ssize_t		 k;
	int64_t		 left;

	while (n > 0) {
		k = writing == 2 ? send(fd, p, n, MSG_NOSIGNAL) :
		    writing ? write(fd, p, n) : read(fd, p, n);
		if (k > 0) {
			p = (char *)p + k;
			n -= (size_t)k;
			continue;
		}
		if (k == 0) {
			errno = EPIPE;
			return -1;
		}
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			return -1;
		pfd.fd = fd;
		pfd.events = writing ? POLLOUT : POLLIN;
		pfd.revents = 0;
		left = deadline - time_mono_ms();
		if (left <= 0) {
			errno = ETIMEDOUT;
			return -1;
		}
		if (poll(&pfd, 1, left > 60000 ? 60000 : (int)left) == -1 &&
		    errno != EINTR)
			return -1;
	}
	return 0;
}

static int
frame_send(int fd, int mode, uint32_t op, uint32_t id, const char *json,
    const char *bytes, size_t blen, int64_t deadline)
{
	struct frame_hdr h;
	size_t		 jlen = json != NULL ? strlen(json) : 0;

	if (jlen > JSON_MAX || blen > BYTES_MAX) {
		errno = EMSGSIZE;
		return -1;
	}
	h.op = op;
	h.id = id;
	h.jlen = (uint32_t)jlen;
	h.blen = (uint32_t)blen;
	if (xfer(fd, &h, sizeof(h), mode, deadline) == -1 ||
	    xfer(fd, (void *)(uintptr_t)json, jlen, mode, deadline) == -1 ||
	    xfer(fd, (void *)(uintptr_t)bytes, blen, mode, deadline) == -1)
		return -1;
	return 0;
}

static int
frame_recv(int fd, struct frame *f, size_t jmax, int64_t deadline)
{
	memset(f, 0, sizeof(*f));
	if (xfer(fd, &f->h, sizeof(f->h), 0, deadline) == -1)
		return -1;
	if (f->h.jlen > jmax || f->h.blen > BYTES_MAX) {
		errno = EMSGSIZE;
		return -1;
	}
	f->json = xmalloc((size_t)f->h.jlen + 1);
	f->json[f->h.jlen] = '\0';
	if (f->h.blen > 0)
		f->bytes = xmalloc(f->h.blen);
	if (xfer(fd, f->json, f->h.jlen, 0, deadline) == -1 ||
	    xfer(fd, f->bytes, f->h.blen, 0, deadline) == -1) {
		frame_free(f);
		return -1;
	}
	return 0;
}

static const char *
jstr(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int
jint(const cJSON *o, const char *k, int dflt)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsNumber(v) ? v->valueint : dflt;
}

/*
 * The child's private directory, where libclamav writes its temporary
 * files (TMPDIR): made for each child under the runner's temporary
 * directory, 0700 and the child's user's, removed with what is in it
 * when the child is gone.  NULL (logged) when it cannot be made: the
 * child then writes nowhere.
 */
static char *
tmpdir_make(void)
{
	const char	*base = getenv("TMPDIR");
	char		 path[4096];
	int		 fd;

	if (base == NULL || base[0] != '/' || strlen(base) > 1024)
		base = "/tmp";
	snprintf(path, sizeof(path), "%s/" TMP_PREFIX "%d.XXXXXX", base,
	    (int)getpid());
	if (mkdtemp(path) == NULL) {
		log_warn("runner: engine: mkdtemp in %s: %s", base,
		    strerror(errno));
		return NULL;
	}
	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1 || fchmod(fd, 0700) == -1 ||
	    (geteuid() == 0 && fchown(fd, NOBODY, NOBODY) == -1)) {
		log_warn("runner: engine: %s: %s", path, strerror(errno));
		if (fd != -1)
			close(fd);
		rmdir(path);
		return NULL;
	}
	close(fd);
	return xstrdup(path);
}

/*
 * Remove name in the directory dfd, and what is in it when it is a
 * directory: never following a symbolic link (unlinkat removes the
 * link itself; directories are opened O_NOFOLLOW), at most TMP_DEPTH
 * levels and *left entries.  The child wrote what is there, but it is
 * dead by now: nothing changes under our feet.  0 or -1 (errno).
 */
static int
tmpdir_rm(int dfd, const char *name, int depth, long *left)
{
	struct dirent	*de;
	DIR		*d;
	int		 fd, rc = 0, e;

	if (unlinkat(dfd, name, 0) == 0 || errno == ENOENT)
		return 0;
	if (errno != EISDIR && errno != EPERM)
		return -1;
	if (depth >= TMP_DEPTH || --*left < 0) {
		errno = ELOOP;
		return -1;
	}
	fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	/* A directory made without permissions (same user, not root). */
	if (fd == -1 && errno == EACCES && fchmodat(dfd, name, 0700, 0) == 0)
		fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
	if (fd == -1 || (d = fdopendir(fd)) == NULL) {
		e = errno;
		if (fd != -1)
			close(fd);
		errno = e;
		return -1;
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (--*left < 0) {
			errno = ELOOP;
			rc = -1;
		} else
			rc = tmpdir_rm(dirfd(d), de->d_name, depth + 1, left);
	}
	e = errno;
	closedir(d);
	if (rc == 0 && unlinkat(dfd, name, AT_REMOVEDIR) == -1)
		return -1;
	errno = e;
	return rc;
}

/*
 * Directories left by runners that were killed (SIGKILL, the machine
 * stopped): TMP_PREFIX, then the pid of a runner no longer running,
 * then mkdtemp's suffix; a directory, nobody's or ours.  Once per
 * process, at the first engine_open().
 */
static void
tmpdir_sweep(void)
{
	const char	*base = getenv("TMPDIR");
	struct dirent	*de;
	struct stat	 st;
	DIR		*d;
	char		*end;
	long		 pid, left;
	int		 n = 0;

	if (base == NULL || base[0] != '/' || strlen(base) > 1024)
		base = "/tmp";
	if ((d = opendir(base)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) != 0)
			continue;
		pid = strtol(de->d_name + strlen(TMP_PREFIX), &end, 10);
		if (*end != '.' || pid <= 1 || pid == (long)getpid() ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) ==
		    -1 || !S_ISDIR(st.st_mode) || (st.st_uid != NOBODY &&
		    st.st_uid != geteuid()))
			continue;
		left = TMP_ENTRIES;
		if (tmpdir_rm(dirfd(d), de->d_name, 0, &left) == 0)
			n++;
	}
	closedir(d);
	if (n > 0)
		log_info("runner: engine: removed %d directories of runners "
		    "that were killed", n);
}

/* The child is gone: its directory goes too (a failure is logged). */
static void
tmpdir_remove(struct engine *e)
{
	char	*slash;
	long	 left = TMP_ENTRIES;
	int	 dfd;

	if (e->tmpdir == NULL)
		return;
	slash = strrchr(e->tmpdir, '/');
	*slash = '\0';
	dfd = open(slash == e->tmpdir ? "/" : e->tmpdir, O_RDONLY |
	    O_DIRECTORY | O_CLOEXEC);
	*slash = '/';
	if (dfd == -1 || tmpdir_rm(dfd, slash + 1, 0, &left) == -1)
		log_warn("runner: engine: cannot remove %s: %s", e->tmpdir,
		    strerror(errno));
	if (dfd != -1)
		close(dfd);
	free(e->tmpdir);
	e->tmpdir = NULL;
}

/* The child is gone or must go: kill it, reap it, say how (never what
 * it was reading). */
static void
child_lost(struct engine *e, const char *why)
{
	int	 st = 0;
	char	 how[128];

	if (e->pid <= 0)
		return;
	kill(e->pid, SIGKILL);
	while (waitpid(e->pid, &st, 0) == -1 && errno == EINTR)
		;
	if (e->fd != -1)
		close(e->fd);
	e->fd = -1;
	e->deaths++;
	tmpdir_remove(e);
	if (e->fail == FAIL_TIMEOUT)
		snprintf(how, sizeof(how), "did not answer within %d s: killed",
		    e->timeout_ms / 1000);
	else if (WIFSIGNALED(st) && WTERMSIG(st) == SIGSYS)
		snprintf(how, sizeof(how), "was killed by the sandbox (a "
		    "system call it may not make)");
	else if (WIFSIGNALED(st) && WTERMSIG(st) != SIGKILL)
		snprintf(how, sizeof(how), "died of signal %d", WTERMSIG(st));
	else if (WIFEXITED(st))
		snprintf(how, sizeof(how), "exited with status %d (%s)",
		    WEXITSTATUS(st), why);
	else
		snprintf(how, sizeof(how), "was stopped (%s)", why);
	log_warn("runner: engine: child %d %s; a fresh one takes over",
	    (int)e->pid, how);
	e->pid = 0;
}

static int
child_call(struct engine *, uint32_t, uint32_t, const char *, const char *,
    size_t, int, struct frame *);

/* A new child, with the engine loaded: 0, or -1 (logged). */
static int
child_start(struct engine *e)
{
	struct frame	 f;
	cJSON		*j;
	char		 self[] = "/proc/self/exe";
	char		*argv[] = { (char *)"shindan-engine",
			    (char *)ENGINE_CHILD_ARG, NULL, NULL };
	int		 sv[2];
	pid_t		 pid;
	static int	 said;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == -1) {
		log_err("runner: engine: socketpair: %s", strerror(errno));
		return -1;
	}
	e->tmpdir = tmpdir_make();
	argv[2] = e->tmpdir;
	if ((pid = fork()) == -1) {
		log_err("runner: engine: fork: %s", strerror(errno));
		close(sv[0]);
		close(sv[1]);
		tmpdir_remove(e);
		return -1;
	}
	if (pid == 0) {
		/* Async-signal-safe calls only until execve(). */
		if (sv[1] == CHILD_FD)
			fcntl(CHILD_FD, F_SETFD, 0);
		else if (dup2(sv[1], CHILD_FD) == -1)
			_exit(127);
		syscall(SYS_close_range, CHILD_FD + 1, ~0U, 0);
		execv(self, argv);
		_exit(127);
	}
	close(sv[1]);
	fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
	e->pid = pid;
	e->fd = sv[0];
	e->gen++;
	if (child_call(e, OP_OPEN, e->gen, e->opts, NULL, 0, OPEN_TIMEOUT_MS,
	    &f) == -1)
		return -1;
	if (f.h.op != 0 || (j = cJSON_Parse(f.json)) == NULL) {
		frame_free(&f);
		e->fail = FAIL_CRASH;
		child_lost(e, "the engine did not start");
		return -1;
	}
	free(e->name);
	free(e->select);
	e->name = xstrdup(jstr(j, "name") != NULL ? jstr(j, "name") : "?");
	e->select = xstrdup(jstr(j, "select") != NULL ? jstr(j, "select") :
	    "");
	e->landlock = jint(j, "landlock", 0);
	cJSON_Delete(j);
	if (e->landlock == 0 && !said++)
		log_warn("runner: engine: no Landlock (a kernel before 5.13 or "
		    "the LSM not enabled) or no private directory: the engine "
		    "may write nowhere, so ClamAV, which makes a temporary "
		    "directory for every scan, detects nothing");
	frame_free(&f);
	return 0;
}

static char *
org_json(const struct engine_ctx *c)
{
	static const char *const keys[] = { "domains", "people",
	    "correspondents" };
	char	**const lists[] = { c->domains, c->people, c->corr };
	cJSON	*j = cJSON_CreateObject(), *d;
	char	*out, **v;
	size_t	 i;

	if (c->reader != NULL)
		cJSON_AddStringToObject(j, "reader", c->reader);
	for (i = 0; i < nitems(keys); i++) {
		d = cJSON_AddArrayToObject(j, keys[i]);
		for (v = lists[i]; v != NULL && *v != NULL; v++)
			cJSON_AddItemToArray(d, cJSON_CreateString(*v));
	}
	out = cJSON_PrintUnformatted(j);
	cJSON_Delete(j);
	return out;
}

/* A fresh child with every live context set up again: 0 or -1. */
static int
child_restart(struct engine *e)
{
	struct engine_ctx	*c;
	struct frame		 f;
	char			*j;
	int			 tries;

	for (tries = 0; tries < 2; tries++) {
		if (e->pid <= 0 && child_start(e) == -1)
			continue;
		for (c = e->ctxs; c != NULL && e->pid > 0; c = c->next) {
			if (child_call(e, OP_CTX_NEW, c->id, NULL, NULL, 0,
			    e->timeout_ms, &f) == 0)
				frame_free(&f);
			if (c->domains == NULL || e->pid <= 0)
				continue;
			j = org_json(c);
			if (child_call(e, OP_SET_ORG, c->id, j, NULL, 0,
			    e->timeout_ms, &f) == 0)
				frame_free(&f);
			cJSON_free(j);
		}
		if (e->pid > 0)
			return 0;
	}
	return -1;
}

/*
 * One request and its reply.  0 with the reply in *f; -1 when the child
 * died or missed the deadline (it is then killed, and a fresh one
 * started for the next request).  Without a child (the last one died),
 * a fresh one is started first; when even that fails the runner stops:
 * its leases expire and the work is redone, rather than every message
 * reported unanalysed.
 */
static int
child_call(struct engine *e, uint32_t op, uint32_t id, const char *json,
    const char *bytes, size_t blen, int timeout_ms, struct frame *f)
{
	int64_t	 deadline;

	memset(f, 0, sizeof(*f));
	e->fail = FAIL_NONE;
	if (e->pid <= 0 && child_restart(e) == -1) {
		log_err("runner: engine: cannot start a fresh engine; "
		    "stopping (the work is redone by the next runner)");
		_exit(1);
	}
	if ((json != NULL && strlen(json) > JSON_MAX) || blen > BYTES_MAX) {
		log_warn("runner: engine: a message over the limits (%zu MB) "
		    "is not analysed", (blen + (json != NULL ? strlen(json) :
		    0)) >> 20);
		e->fail = FAIL_SIZE;
		return -1;
	}
	deadline = time_mono_ms() + timeout_ms;
	if (frame_send(e->fd, 2, op, id, json, bytes, blen, deadline) == -1 ||
	    frame_recv(e->fd, f, REPLY_MAX, deadline) == -1) {
		e->fail = errno == ETIMEDOUT ? FAIL_TIMEOUT : FAIL_CRASH;
		child_lost(e, errno == ETIMEDOUT ? "no answer in time" :
		    errno == EPIPE || errno == ECONNRESET ?
		    "it stopped answering" : errno == EMSGSIZE ?
		    "an answer over the limits" : strerror(errno));
		return -1;
	}
	e->fail = FAIL_NONE;
	return 0;
}

struct engine *
engine_open(const struct conf *c)
{
	struct engine	*e = xcalloc(1, sizeof(*e));
	cJSON		*j = cJSON_CreateObject();
	static int	 swept;

	cJSON_AddStringToObject(j, "clamav_db", c->clamav_db);
	cJSON_AddStringToObject(j, "rules_dir", c->rules_dir);
	cJSON_AddStringToObject(j, "feeds", c->feeds);
	cJSON_AddStringToObject(j, "brands_file", c->brands_file);
	e->opts = cJSON_PrintUnformatted(j);
	cJSON_Delete(j);
	e->timeout_ms = (c->engine_timeout > 0 ? c->engine_timeout : 60) *
	    1000;
	e->fd = -1;
	if (!swept++)
		tmpdir_sweep();
	if (child_start(e) == -1) {
		log_err("runner: engine: the sandboxed engine did not start");
		engine_close(e);
		return NULL;
	}
	log_debug("runner: engine: child %d, seccomp %s", (int)e->pid,
	    engine_sandbox_filter());
	return e;
}

void
engine_close(struct engine *e)
{
	int	 st;

	if (e == NULL)
		return;
	while (e->ctxs != NULL)
		engine_ctx_free(e->ctxs);
	if (e->fd != -1)
		close(e->fd);	/* the child reads the end and exits */
	if (e->pid > 0)
		while (waitpid(e->pid, &st, 0) == -1 && errno == EINTR)
			;
	tmpdir_remove(e);
	cJSON_free(e->opts);
	free(e->name);
	free(e->select);
	free(e);
}

struct engine_ctx *
engine_ctx_new(struct engine *e)
{
	struct engine_ctx	*c = xcalloc(1, sizeof(*c));
	struct frame		 f;

	c->e = e;
	c->id = ++e->next_id;
	c->next = e->ctxs;
	e->ctxs = c;
	/* A child that dies here is replaced at the next request, which
	 * sets this context up again with the others. */
	if (child_call(e, OP_CTX_NEW, c->id, NULL, NULL, 0, e->timeout_ms,
	    &f) == 0)
		frame_free(&f);
	return c;
}

static void
strv_free(char **v)
{
	char	**p;

	for (p = v; p != NULL && *p != NULL; p++)
		free(*p);
	free(v);
}

static char **
strv_dup(const char *const *v)
{
	char	**out;
	size_t	 n = 0, i;

	while (v != NULL && v[n] != NULL)
		n++;
	out = xcalloc(n + 1, sizeof(*out));
	for (i = 0; i < n; i++)
		out[i] = xstrdup(v[i]);
	return out;
}

void
engine_ctx_free(struct engine_ctx *c)
{
	struct engine_ctx	**pp;
	struct frame		 f;

	if (c == NULL)
		return;
	for (pp = &c->e->ctxs; *pp != NULL; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	if (c->e->pid > 0 && child_call(c->e, OP_CTX_FREE, c->id, NULL, NULL,
	    0, c->e->timeout_ms, &f) == 0)
		frame_free(&f);
	strv_free(c->domains);
	strv_free(c->people);
	strv_free(c->corr);
	free(c->reader);
	free(c);
}

int
engine_ctx_set_org(struct engine_ctx *c, const char *const *domains,
    const char *const *people, const char *const *correspondents,
    const char *reader)
{
	struct frame	 f;
	char		*j;
	int		 rc = -1;

	strv_free(c->domains);
	strv_free(c->people);
	strv_free(c->corr);
	free(c->reader);
	c->domains = strv_dup(domains);
	c->people = strv_dup(people);
	c->corr = strv_dup(correspondents);
	c->reader = reader != NULL ? xstrdup(reader) : NULL;
	j = org_json(c);
	if (child_call(c->e, OP_SET_ORG, c->id, j, NULL, 0, c->e->timeout_ms,
	    &f) == 0) {
		rc = f.h.op == 0 ? 0 : -1;
		frame_free(&f);
	}
	cJSON_free(j);
	return rc;
}

const char *
engine_select(const struct engine *e)
{
	return e->select;
}

const char *
engine_name(const struct engine *e)
{
	return e->name;
}

pid_t
engine_sandbox_pid(const struct engine *e)
{
	return e->pid;
}

unsigned long
engine_sandbox_deaths(const struct engine *e)
{
	return e->deaths;
}

const char *
engine_sandbox_tmpdir(const struct engine *e)
{
	return e->tmpdir;
}

int
engine_sandbox_landlock(const struct engine *e)
{
	return e->pid > 0 ? e->landlock : 0;
}

const char *
engine_sandbox_filter(void)
{
#ifdef SANITIZED
	return "denylist";
#else
	return "allowlist";
#endif
}

/* {"msg": msg, "atts": atts, "mime": bool} without copying the trees. */
static char *
msg_json(const cJSON *msg, const cJSON *atts, int mime)
{
	cJSON	*j = cJSON_CreateObject();
	char	*out;

	cJSON_AddItemToObject(j, "msg", cJSON_CreateObjectReference(
	    msg != NULL ? msg->child : NULL));
	if (atts != NULL)
		cJSON_AddItemToObject(j, "atts",
		    cJSON_CreateArrayReference(atts->child));
	cJSON_AddBoolToObject(j, "mime", mime);
	out = cJSON_PrintUnformatted(j);
	cJSON_Delete(j);
	return out;
}

enum engine_need
engine_needs(struct engine *e, const cJSON *msg, const cJSON *atts)
{
	struct frame	 f;
	cJSON		*r;
	char		*j = msg_json(msg, atts, 0);
	int		 n = ENGINE_NEED_NONE;

	/* A child lost here: the message is scanned as it is, and the scan
	 * says whether the engine can read it. */
	if (child_call(e, OP_NEEDS, 0, j, NULL, 0, e->timeout_ms, &f) == 0) {
		if ((r = cJSON_Parse(f.json)) != NULL)
			n = jint(r, "need", ENGINE_NEED_NONE);
		cJSON_Delete(r);
		frame_free(&f);
	}
	cJSON_free(j);
	return n == ENGINE_NEED_ATTACHMENTS ? ENGINE_NEED_ATTACHMENTS :
	    n == ENGINE_NEED_MIME ? ENGINE_NEED_MIME : ENGINE_NEED_NONE;
}

/*
 * A message the engine could not finish: a potential threat with one
 * finding that says so, in both languages.  A message built to crash or
 * stall a scanner is suspicious in itself, and its reader must know it
 * was not checked; the category is malware, the nearest of the fixed
 * set (sql/002_assessments.sql).
 */
static void
failed_result(struct arena *a, struct engine_result *r, enum fail why,
    int timeout_s)
{
	struct engine_finding	*f;

	memset(r, 0, sizeof(*r));
	r->verdict = ENGINE_POTENTIAL;
	r->score = 30;
	r->nfindings = 1;
	r->findings = f = arena_zalloc(a, 2 * sizeof(*f));
	f->category = "malware";
	f->severity = "medium";
	f->rule = "engine.failed";
	if (why == FAIL_SIZE) {
		f->evidence_en = "Shindan could not analyse this message: it "
		    "is larger than the engine accepts.  It was not checked for "
		    "threats; open it with care.";
		f->evidence_ja = "このメッセージは解析できませんでした。エンジンが"
		    "受け付ける大きさを超えています。脅威の有無は確認されていま"
		    "せん。注意して開いてください。";
	} else if (why == FAIL_TIMEOUT) {
		f->evidence_en = arena_printf(a, "Shindan could not analyse "
		    "this message: its analysis took longer than %d seconds "
		    "and was stopped.  It was not checked for threats; a "
		    "message built to stall mail scanners is suspicious in "
		    "itself, so open it with care.", timeout_s);
		f->evidence_ja = arena_printf(a, "このメッセージは解析できません"
		    "でした。解析が %d 秒を超えたため中止しました。脅威の有無は"
		    "確認されていません。メールスキャナーを停止させるよう細工された"
		    "メッセージはそれ自体が不審なため、注意して開いてください。",
		    timeout_s);
	} else {
		f->evidence_en = "Shindan could not analyse this message: the "
		    "isolated process that reads it stopped with an error.  "
		    "It was not checked for threats; a message built to crash "
		    "mail scanners is suspicious in itself, so open it with "
		    "care.";
		f->evidence_ja = "このメッセージは解析できませんでした。メールを"
		    "読み取る隔離プロセスがエラーで停止しました。脅威の有無は確認"
		    "されていません。メールスキャナーを異常終了させるよう細工された"
		    "メッセージはそれ自体が不審なため、注意して開いてください。";
	}
}

static const char *
acopy(struct arena *a, const cJSON *o, const char *k)
{
	const char	*s = jstr(o, k);

	return s != NULL ? arena_strdup(a, s) : NULL;
}

/* The reply of a scan into r, in the caller's arena: 0 or -1. */
static int
result_parse(struct arena *a, const char *json, struct engine_result *r)
{
	cJSON		*j = cJSON_Parse(json), *fs, *x;
	size_t		 n, i = 0;
	int		 v;

	memset(r, 0, sizeof(*r));
	fs = cJSON_GetObjectItemCaseSensitive(j, "findings");
	v = jint(j, "verdict", -1);
	if (j == NULL || !cJSON_IsArray(fs) || v < ENGINE_CLEAN ||
	    v > ENGINE_THREAT) {
		cJSON_Delete(j);
		return -1;
	}
	r->verdict = (enum engine_verdict)v;
	r->score = jint(j, "score", 0);
	n = (size_t)cJSON_GetArraySize(fs);
	if (n > FINDINGS_MAX)
		n = FINDINGS_MAX;
	r->findings = arena_zalloc(a, (n + 1) * sizeof(*r->findings));
	cJSON_ArrayForEach(x, fs) {
		struct engine_finding *f = &r->findings[i];

		if (i == n)
			break;
		if (jstr(x, "category") == NULL || jstr(x, "severity") == NULL)
			continue;
		f->category = acopy(a, x, "category");
		f->severity = acopy(a, x, "severity");
		f->rule = acopy(a, x, "rule");
		f->evidence_en = acopy(a, x, "evidence_en");
		f->evidence_ja = acopy(a, x, "evidence_ja");
		f->url = acopy(a, x, "url");
		f->domain = acopy(a, x, "domain");
		f->imitates = acopy(a, x, "imitates");
		f->attachment_name = acopy(a, x, "attachment_name");
		f->attachment_type = acopy(a, x, "attachment_type");
		f->attachment_sha256 = acopy(a, x, "attachment_sha256");
		i++;
	}
	r->nfindings = i;
	cJSON_Delete(j);
	return 0;
}

int
engine_scan(struct engine_ctx *c, struct arena *a, const cJSON *msg,
    const cJSON *atts, const char *mime, size_t mimelen,
    struct engine_result *r)
{
	struct engine	*e = c->e;
	struct frame	 f;
	char		*j = msg_json(msg, atts, mime != NULL);
	int		 rc = 0;

	memset(r, 0, sizeof(*r));
	if (child_call(e, OP_SCAN, c->id, j, mime, mime != NULL ? mimelen : 0,
	    e->timeout_ms, &f) == -1) {
		failed_result(a, r, e->fail, e->timeout_ms / 1000);
	} else {
		if (f.h.op != 0 || result_parse(a, f.json, r) == -1)
			rc = -1;
		frame_free(&f);
	}
	cJSON_free(j);
	return rc;
}

#ifdef SHINDAN_TEST_HOOKS
int
engine_sandbox_test(struct engine *e, const char *what)
{
	struct frame	 f;
	cJSON		*j = cJSON_CreateObject();
	char		*s;
	int		 rc = -1;

	cJSON_AddStringToObject(j, "what", what);
	s = cJSON_PrintUnformatted(j);
	cJSON_Delete(j);
	if (child_call(e, OP_TEST, 0, s, NULL, 0, e->timeout_ms, &f) == 0) {
		j = cJSON_Parse(f.json);
		rc = jint(j, "errno", 0);
		cJSON_Delete(j);
		frame_free(&f);
	}
	cJSON_free(s);
	return rc;
}
#endif

/* ---- the child's side ---- */

struct child_ctx {
	uint32_t		 id;
	struct impl_ctx		*ic;
	struct child_ctx	*next;
};

static struct impl	*child_eng;
static struct child_ctx	*child_ctxs;
static unsigned		 child_gen;
static iconv_t		*child_iconv;	/* kept open: child_iconv_preload */

static void
reply(uint32_t op, const char *json)
{
	if (frame_send(CHILD_FD, 1, op, 0, json, NULL, 0, INT64_MAX) == -1)
		_exit(0);
}

static void
reply_json(cJSON *j)
{
	char	*s = cJSON_PrintUnformatted(j);

	reply(0, s);
	cJSON_free(s);
	cJSON_Delete(j);
}

static struct child_ctx **
child_ctx_find(uint32_t id)
{
	struct child_ctx	**pp;

	for (pp = &child_ctxs; *pp != NULL; pp = &(*pp)->next)
		if ((*pp)->id == id)
			break;
	return pp;
}

static const char **
strv_of(const cJSON *a)
{
	const cJSON	*x;
	const char	**v;
	size_t		 n = 0;

	v = xcalloc((size_t)cJSON_GetArraySize(a) + 1, sizeof(*v));
	cJSON_ArrayForEach(x, a)
		if (cJSON_IsString(x))
			v[n++] = x->valuestring;
	return v;
}

cJSON *
engine_finding_json(const struct engine_finding *x, int nulls)
{
	const struct {
		const char	*k, *v;
	} f[] = {
		{ "category", x->category }, { "severity", x->severity },
		{ "rule", x->rule }, { "evidence_en", x->evidence_en },
		{ "evidence_ja", x->evidence_ja }, { "url", x->url },
		{ "domain", x->domain }, { "imitates", x->imitates },
		{ "attachment_name", x->attachment_name },
		{ "attachment_type", x->attachment_type },
		{ "attachment_sha256", x->attachment_sha256 },
	};
	cJSON	*o = cJSON_CreateObject();
	size_t	 i;

	for (i = 0; o != NULL && i < nitems(f); i++)
		if (f[i].v != NULL)
			cJSON_AddStringToObject(o, f[i].k, f[i].v);
		else if (nulls)
			cJSON_AddNullToObject(o, f[i].k);
	return o;
}

static void
child_scan(struct child_ctx *c, const struct frame *f, const cJSON *req)
{
	struct arena		 a;
	struct engine_result	 r;
	const cJSON		*msg, *atts;
	cJSON			*j, *fs;
	size_t			 i;

	msg = cJSON_GetObjectItemCaseSensitive(req, "msg");
	atts = cJSON_GetObjectItemCaseSensitive(req, "atts");
	arena_init(&a, SCAN_ARENA_MAX);
	if (impl_scan(c->ic, &a, msg, cJSON_IsArray(atts) ? atts : NULL,
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(req, "mime")) ?
	    (f->bytes != NULL ? f->bytes : "") : NULL, f->h.blen, &r) == -1) {
		arena_release(&a);
		reply((uint32_t)-1, NULL);
		return;
	}
	j = cJSON_CreateObject();
	cJSON_AddNumberToObject(j, "verdict", r.verdict);
	cJSON_AddNumberToObject(j, "score", r.score);
	fs = cJSON_AddArrayToObject(j, "findings");
	for (i = 0; i < r.nfindings; i++)
		cJSON_AddItemToArray(fs, engine_finding_json(&r.findings[i], 0));
	arena_release(&a);
	reply_json(j);
}

#ifdef SHINDAN_TEST_HOOKS
/* What the tests make the child do; compiled into test builds only and
 * asked for by the parent's engine_sandbox_test() or by the test
 * environment, never by anything a message holds. */
static int
child_try_write(const char *what)
{
	const char	*tmp = getenv("TMPDIR");
	char		 p[1024];
	int		 fd = -1;

	if (strcmp(what, "open-write") == 0)
		fd = open("/tmp/shindan-sandbox-test", O_WRONLY | O_CREAT,
		    0600);
	else if (strncmp(what, "write-at:", 9) == 0)
		fd = open(what + 9, O_WRONLY | O_CREAT | O_EXCL, 0600);
	else if (strncmp(what, "trunc-at:", 9) == 0)
		fd = open(what + 9, O_RDONLY | O_TRUNC);
	else if (strncmp(what, "mkdir-at:", 9) == 0)
		return mkdir(what + 9, 0700) == -1 ? errno : 0;
	else if (strcmp(what, "write-tmpdir") == 0) {
		/* As libclamav does: a folder, a file, removed; and a folder
		 * and a file left for the parent to remove. */
		if (tmp == NULL)
			return ENOENT;
		snprintf(p, sizeof(p), "%s/scantemp", tmp);
		if (mkdir(p, 0700) == -1 || chmod(p, 0700) == -1)
			return errno;
		snprintf(p, sizeof(p), "%s/scantemp/x.tmp", tmp);
		if ((fd = open(p, O_RDWR | O_CREAT | O_EXCL | O_TRUNC,
		    0600)) == -1 || write(fd, "abc", 3) != 3 ||
		    ftruncate(fd, 1) == -1 || close(fd) == -1)
			return errno;
		if (unlink(p) == -1)
			return errno;
		snprintf(p, sizeof(p), "%s/scantemp", tmp);
		if (rmdir(p) == -1)
			return errno;
		snprintf(p, sizeof(p), "%s/left", tmp);
		if (mkdir(p, 0700) == -1)
			return errno;
		snprintf(p, sizeof(p), "%s/left/file", tmp);
		fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	} else
		return -1;
	if (fd == -1)
		return errno;
	close(fd);
	return 0;
}

static void
child_misbehave(const char *what)
{
	cJSON	*j;
	int	 e;

	if (strcmp(what, "socket") == 0)
		(void)socket(AF_INET, SOCK_STREAM, 0);
	else if (strcmp(what, "exec") == 0)
		execl("/bin/true", "true", (char *)NULL);
	else if ((e = child_try_write(what)) != -1) {
		j = cJSON_CreateObject();
		cJSON_AddNumberToObject(j, "errno", e);
		reply_json(j);
		return;
	} else if (strcmp(what, "abort") == 0)
		abort();
	else if (strcmp(what, "hang") == 0)
		for (;;)
			pause();
	reply(0, NULL);
}

/* SHINDAN_TEST_ENGINE_FAULT=what@N: the first child does `what' at its
 * Nth scan. */
static void
child_fault(void)
{
	static long	 n;
	const char	*s = getenv("SHINDAN_TEST_ENGINE_FAULT"), *at;
	char		 what[32];

	if (s == NULL || child_gen != 1 || (at = strchr(s, '@')) == NULL ||
	    (size_t)(at - s) >= sizeof(what) || ++n != strtol(at + 1, NULL,
	    10))
		return;
	memcpy(what, s, (size_t)(at - s));
	what[at - s] = '\0';
	child_misbehave(what);
}
#endif

static void
child_serve(void)
{
	struct frame		 f;
	struct child_ctx	**pp, *c;
	const char		**d, **p, **k;
	const cJSON		*rd;
	cJSON			*req;

	for (;;) {
		if (frame_recv(CHILD_FD, &f, JSON_MAX, INT64_MAX) == -1)
			_exit(0);	/* the parent is gone */
		req = f.h.jlen > 0 ? cJSON_ParseWithLength(f.json, f.h.jlen) :
		    NULL;
		pp = child_ctx_find(f.h.id);
		switch (f.h.op) {
		case OP_CTX_NEW:
			if (*pp == NULL) {
				c = xcalloc(1, sizeof(*c));
				c->id = f.h.id;
				c->ic = impl_ctx_new(child_eng);
				c->next = child_ctxs;
				child_ctxs = c;
			}
			reply(0, NULL);
			break;
		case OP_CTX_FREE:
			if ((c = *pp) != NULL) {
				*pp = c->next;
				impl_ctx_free(c->ic);
				free(c);
			}
			reply(0, NULL);
			break;
		case OP_SET_ORG:
			if (*pp == NULL || req == NULL) {
				reply((uint32_t)-1, NULL);
				break;
			}
			d = strv_of(cJSON_GetObjectItemCaseSensitive(req,
			    "domains"));
			p = strv_of(cJSON_GetObjectItemCaseSensitive(req,
			    "people"));
			k = strv_of(cJSON_GetObjectItemCaseSensitive(req,
			    "correspondents"));
			rd = cJSON_GetObjectItemCaseSensitive(req, "reader");
			reply(impl_ctx_set_org((*pp)->ic, d, p, k,
			    cJSON_IsString(rd) ? rd->valuestring : NULL) == 0 ?
			    0 : (uint32_t)-1, NULL);
			free(d);
			free(p);
			free(k);
			break;
		case OP_NEEDS: {
			const cJSON *atts = cJSON_GetObjectItemCaseSensitive(
			    req, "atts");
			cJSON *j = cJSON_CreateObject();

			cJSON_AddNumberToObject(j, "need", impl_needs(child_eng,
			    cJSON_GetObjectItemCaseSensitive(req, "msg"),
			    cJSON_IsArray(atts) ? atts : NULL));
			reply_json(j);
			break;
		}
		case OP_SCAN:
#ifdef SHINDAN_TEST_HOOKS
			child_fault();
#endif
			if (*pp == NULL || req == NULL)
				reply((uint32_t)-1, NULL);
			else
				child_scan(*pp, &f, req);
			break;
#ifdef SHINDAN_TEST_HOOKS
		case OP_TEST:
			child_misbehave(jstr(req, "what") != NULL ?
			    jstr(req, "what") : "");
			break;
#endif
		default:
			reply((uint32_t)-1, NULL);
			break;
		}
		cJSON_Delete(req);
		frame_free(&f);
	}
}

/*
 * Character sets GMime may convert from, loaded now: glibc's iconv
 * loads a module per charset on first use (open and an executable
 * mmap, which the filter refuses later).  The descriptors stay open so
 * the modules stay loaded.  A charset not listed fails to convert and
 * GMime falls back to its defaults.
 */
static void
child_iconv_preload(void)
{
	static const char *const cs[] = { "ISO-2022-JP", "ISO-2022-JP-2",
	    "ISO-2022-JP-3", "SHIFT_JIS", "CP932", "EUC-JP", "EUC-JP-MS",
	    "EUC-KR", "CP949", "ISO-2022-KR", "GB2312", "GBK", "CP936",
	    "GB18030", "BIG5", "CP950", "BIG5-HKSCS", "ISO-2022-CN", "HZ",
	    "EUC-TW", "KOI8-R", "KOI8-U", "CP866", "CP850", "CP437",
	    "ISO-8859-1", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4",
	    "ISO-8859-5", "ISO-8859-6", "ISO-8859-7", "ISO-8859-8",
	    "ISO-8859-9", "ISO-8859-10", "ISO-8859-11", "ISO-8859-13",
	    "ISO-8859-14", "ISO-8859-15", "ISO-8859-16", "WINDOWS-1250",
	    "WINDOWS-1251", "WINDOWS-1252", "WINDOWS-1253", "WINDOWS-1254",
	    "WINDOWS-1255", "WINDOWS-1256", "WINDOWS-1257", "WINDOWS-1258",
	    "WINDOWS-874", "TIS-620", "VISCII", "MACINTOSH", "UTF-16",
	    "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32LE", "UTF-32BE", "UCS-2",
	    "UTF-7", "US-ASCII" };
	size_t		 i;

	child_iconv = xcalloc(2 * nitems(cs), sizeof(*child_iconv));
	for (i = 0; i < nitems(cs); i++) {
		child_iconv[2 * i] = iconv_open("UTF-8", cs[i]);
		child_iconv[2 * i + 1] = iconv_open(cs[i], "UTF-8");
	}
}

static int
rule(scmp_filter_ctx f, uint32_t action, const char *name, unsigned n,
    const struct scmp_arg_cmp *cmp)
{
	int	 nr = seccomp_syscall_resolve_name(name);

	if (nr == __NR_SCMP_ERROR)
		return 0;	/* not on this architecture */
	if (seccomp_rule_add_array(f, action, nr, n, cmp) != 0) {
		log_err("engine: seccomp: rule for %s", name);
		return -1;
	}
	return 0;
}

/* The same action for each system call of a list, unless it is the
 * filter's default (libseccomp refuses a rule that changes nothing). */
static int
rule_each(scmp_filter_ctx f, uint32_t action, uint32_t dflt,
    const char *const *names, size_t n)
{
	size_t	 i;

	for (i = 0; action != dflt && i < n; i++)
		if (rule(f, action, names[i], 0, NULL) == -1)
			return -1;
	return 0;
}

/*
 * The seccomp filter, after the engine is loaded.  Release builds: an
 * allowlist in the style of OpenSSH's (memory, reading what is already
 * open, time, exiting); opening files read-only is allowed (libmagic
 * loads its database per scan context, iconv its modules), writing
 * files (ClamAV's temporary files) is allowed when Landlock confines it
 * to the private directory (writable) and fails with EACCES otherwise,
 * executable mappings fail with EPERM, and anything else kills the
 * child.  Sanitizer builds: the runtimes need more (threads, /proc,
 * ptrace for LeakSanitizer), so a denylist of what an attacker wants
 * most: exec, network, ptrace, and writing files as in release builds.
 * SHINDAN_SANDBOX_DEBUG=log or trap replaces the kill
 * by a kernel log line or a SIGSYS that names the call.
 */
static int
child_seccomp(int writable)
{
	static const char *const allow[] = { "read", "write", "readv",
	    "writev", "pread64", "lseek", "close", "fstat", "newfstatat",
	    "statx", "stat", "lstat", "access", "faccessat", "faccessat2",
	    "readlink", "readlinkat", "fcntl", "brk", "munmap", "mremap",
	    "madvise", "futex", "set_robust_list", "rseq", "getpid",
	    "gettid", "getppid", "getuid", "geteuid", "getgid", "getegid",
	    "getrandom", "clock_gettime", "clock_getres", "gettimeofday",
	    "time", "nanosleep", "clock_nanosleep", "sched_yield",
	    "sched_getaffinity", "exit", "exit_group", "rt_sigreturn",
	    "rt_sigprocmask", "rt_sigaction", "sigaltstack",
	    "restart_syscall", "uname", "sysinfo", "getrusage", "getrlimit",
	    "pause", "membarrier" };
	static const char *const deny_kill[] = { "execve", "execveat",
	    "socket", "socketpair", "connect", "bind", "listen", "accept",
	    "accept4", "sendto", "sendmsg", "ptrace", "process_vm_readv",
	    "process_vm_writev", "fork", "vfork", "setuid", "setgid",
	    "setresuid", "setresgid", "mount", "chroot", "pivot_root",
	    "init_module", "finit_module", "kexec_load", "bpf",
	    "perf_event_open", "keyctl", "add_key", "request_key",
	    "userfaultfd", "io_uring_setup", "personality", "unshare",
	    "setns" };
	static const char *const deny_files[] = { "open", "creat", "rename",
	    "renameat", "renameat2", "link", "linkat", "symlink",
	    "symlinkat", "truncate", "chown", "fchown", "fchownat", "lchown",
	    "mknod", "mknodat" };
	/* What libclamav does with its temporary files, and what it
	 * cannot do without Landlock. */
	static const char *const tmp_files[] = { "unlink", "unlinkat",
	    "mkdir", "mkdirat", "rmdir", "ftruncate", "fsync",
	    "fdatasync", "getdents64" };
	/* Landlock does not govern permissions: a change would reach any
	 * file of the user's; libclamav's chmod 0700 of its own directory
	 * before removing it succeeds without doing anything. */
	static const char *const chmods[] = { "chmod", "fchmod", "fchmodat",
	    "fchmodat2" };
	static const int wbits[] = { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC,
	    O_APPEND };
	static const int omodes[] = { O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE,
	    O_TRUNC, O_WRONLY | O_TRUNC, O_RDWR | O_TRUNC,
	    O_ACCMODE | O_TRUNC };
	scmp_filter_ctx	 f;
	uint32_t	 kill_act = SCMP_ACT_KILL_PROCESS, dflt, act;
	const char	*dbg = getenv("SHINDAN_SANDBOX_DEBUG");
	struct scmp_arg_cmp c[2];
	size_t		 i;
	int		 rc = -1, wmask = 0;

	if (dbg != NULL && strcmp(dbg, "log") == 0)
		kill_act = SCMP_ACT_LOG;
	else if (dbg != NULL && strcmp(dbg, "trap") == 0)
		kill_act = SCMP_ACT_TRAP;
	for (i = 0; i < nitems(wbits); i++)
		wmask |= wbits[i];
#ifdef SANITIZED
	if ((f = seccomp_init(dflt = SCMP_ACT_ALLOW)) == NULL)
		return -1;
	if (rule_each(f, kill_act, dflt, deny_kill, nitems(deny_kill)) == -1)
		goto out;
#else
	if ((f = seccomp_init(dflt = kill_act)) == NULL)
		return -1;
	(void)deny_kill;	/* the default action */
	if (rule_each(f, SCMP_ACT_ALLOW, dflt, allow, nitems(allow)) == -1)
		goto out;
	/* Memory, never executable. */
	c[0] = SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0);
	if (rule(f, SCMP_ACT_ALLOW, "mmap", 1, c) == -1 ||
	    rule(f, SCMP_ACT_ALLOW, "mprotect", 1, c) == -1)
		goto out;
	c[0] = SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, PROT_EXEC);
	if (rule(f, SCMP_ACT_ERRNO(EPERM), "mmap", 1, c) == -1 ||
	    rule(f, SCMP_ACT_ERRNO(EPERM), "mprotect", 1, c) == -1 ||
	    rule(f, SCMP_ACT_ERRNO(EPERM), "pkey_mprotect", 0, NULL) == -1)
		goto out;
	/* Reading limits, not setting them; signals to itself only
	 * (abort()); no threads or processes, which fail softly. */
	c[0] = SCMP_A2(SCMP_CMP_EQ, 0);
	if (rule(f, SCMP_ACT_ALLOW, "prlimit64", 1, c) == -1)
		goto out;
	c[0] = SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid());
	if (rule(f, SCMP_ACT_ALLOW, "tgkill", 1, c) == -1 ||
	    rule(f, SCMP_ACT_ALLOW, "kill", 1, c) == -1 ||
	    rule(f, SCMP_ACT_ERRNO(EPERM), "clone", 0, NULL) == -1 ||
	    rule(f, SCMP_ACT_ERRNO(ENOSYS), "clone3", 0, NULL) == -1 ||
	    rule(f, SCMP_ACT_ERRNO(ENOTTY), "ioctl", 0, NULL) == -1)
		goto out;
	c[0] = SCMP_A2(SCMP_CMP_MASKED_EQ, (scmp_datum_t)wmask, 0);
	if (!writable && rule(f, SCMP_ACT_ALLOW, "openat", 1, c) == -1)
		goto out;
#endif
	if (writable) {
		/*
		 * Landlock confines writes to the private directory: opening
		 * to write, creating and removing files are allowed here and
		 * refused by Landlock elsewhere.  O_TRUNC on a read-only open
		 * escapes Landlock before ABI 3 (no write access checked, no
		 * LANDLOCK_ACCESS_FS_TRUNCATE): refused, as is the odd access
		 * mode 3.  The rules do not overlap.
		 */
		for (i = 0; i < nitems(omodes); i++) {
			act = omodes[i] == O_TRUNC || (omodes[i] & O_ACCMODE) ==
			    O_ACCMODE ? SCMP_ACT_ERRNO(EACCES) : SCMP_ACT_ALLOW;
			c[0] = SCMP_A2(SCMP_CMP_MASKED_EQ, O_ACCMODE | O_TRUNC,
			    (scmp_datum_t)omodes[i]);
			if (act != dflt && rule(f, act, "openat", 1, c) == -1)
				goto out;
		}
		if (rule_each(f, SCMP_ACT_ALLOW, dflt, tmp_files,
		    nitems(tmp_files)) == -1 || rule_each(f, SCMP_ACT_ERRNO(0),
		    dflt, chmods, nitems(chmods)) == -1)
			goto out;
	} else {
		/* Opening to write, creating or removing files: EACCES. */
		for (i = 0; i < nitems(wbits); i++) {
			c[0] = SCMP_A2(SCMP_CMP_MASKED_EQ,
			    (scmp_datum_t)wbits[i], (scmp_datum_t)wbits[i]);
			if (rule(f, SCMP_ACT_ERRNO(EACCES), "openat", 1,
			    c) == -1)
				goto out;
		}
		if (rule_each(f, SCMP_ACT_ERRNO(EACCES), dflt, tmp_files,
		    nitems(tmp_files)) == -1 ||
		    rule_each(f, SCMP_ACT_ERRNO(EACCES), dflt, chmods,
		    nitems(chmods)) == -1)
			goto out;
	}
	if (rule_each(f, SCMP_ACT_ERRNO(EACCES), dflt, deny_files,
	    nitems(deny_files)) == -1)
		goto out;
	(void)allow;
	rc = seccomp_load(f) == 0 ? 0 : -1;
	if (rc == -1)
		log_err("engine: seccomp: cannot load the filter");
out:
	seccomp_release(f);
	return rc;
}

static void
on_sigsys(int sig, siginfo_t *si, void *uc)
{
	char	 m[64];
	int	 n, nr = si->si_syscall;

	(void)sig;
	(void)uc;
	n = snprintf(m, sizeof(m), "shindan-engine: sandbox: system call "
	    "%d denied\n", nr);
	if (n > 0 && write(STDERR_FILENO, m, (size_t)n) == -1)
		n = 0;
	_exit(128 + SIGSYS);
}

#ifndef SANITIZED
/* Address space left to grow: the engine as loaded plus AS_HEADROOM. */
static rlim_t
as_limit(void)
{
	FILE			*fp = fopen("/proc/self/statm", "r");
	unsigned long long	 pages = 0;

	if (fp != NULL) {
		if (fscanf(fp, "%llu", &pages) != 1)
			pages = 0;
		fclose(fp);
	}
	return (rlim_t)(pages * (unsigned long long)sysconf(_SC_PAGESIZE) +
	    AS_HEADROOM);
}
#endif

/*
 * Landlock, after no-new-privs and before seccomp: every write-type
 * right the kernel's ABI knows is handled, and granted beneath the
 * private directory only; reading stays as it was (libmagic's database
 * and iconv's modules are read after this).  The ABI in force, or 0
 * (none: an older kernel, the LSM not enabled, no directory).
 */
static int
child_landlock(const char *dir)
{
	struct landlock_ruleset_attr	 ra;
	struct landlock_path_beneath_attr pb;
	long				 abi;
	int				 rs = -1, fd = -1, rc = 0;

	if (dir == NULL)
		return 0;
#ifdef SHINDAN_TEST_HOOKS
	/* The tests' stand-in for a kernel without Landlock. */
	if (getenv("SHINDAN_TEST_NO_LANDLOCK") != NULL)
		return 0;
#endif
	abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
	    LANDLOCK_CREATE_RULESET_VERSION);
	if (abi < 1)
		return 0;
	memset(&ra, 0, sizeof(ra));
	ra.handled_access_fs = LANDLOCK_ACCESS_FS_WRITE_FILE |
	    LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
	    LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR |
	    LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK |
	    LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |
	    LANDLOCK_ACCESS_FS_MAKE_SYM;
	if (abi >= 2)
		ra.handled_access_fs |= LANDLOCK_ACCESS_FS_REFER;
	if (abi >= 3)
		ra.handled_access_fs |= LANDLOCK_ACCESS_FS_TRUNCATE;
	memset(&pb, 0, sizeof(pb));
	pb.allowed_access = ra.handled_access_fs;
	if ((rs = (int)syscall(SYS_landlock_create_ruleset, &ra, sizeof(ra),
	    0)) == -1 || (fd = open(dir, O_PATH | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1)
		goto out;
	pb.parent_fd = fd;
	if (syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH,
	    &pb, 0) == -1 || syscall(SYS_landlock_restrict_self, rs, 0) == -1)
		goto out;
	rc = (int)abi;
out:
	if (rc == 0)
		log_warn("engine: landlock: %s", strerror(errno));
	if (fd != -1)
		close(fd);
	if (rs != -1)
		close(rs);
	return rc;
}

/* The lockdown: -1, or the Landlock ABI in force (child_landlock). */
static int
child_lockdown(const char *dir)
{
	int	 abi;

	struct rlimit	 rl;
	struct sigaction sa;

	rl.rlim_cur = rl.rlim_max = 0;
	if (setrlimit(RLIMIT_CORE, &rl) == -1)
		return -1;
	rl.rlim_cur = rl.rlim_max = 64;
	if (setrlimit(RLIMIT_NOFILE, &rl) == -1)
		return -1;
	rl.rlim_cur = CPU_MAX;
	rl.rlim_max = CPU_MAX + 60;
	if (setrlimit(RLIMIT_CPU, &rl) == -1)
		return -1;
#ifndef SANITIZED
	/* Sanitizers reserve terabytes of shadow memory. */
	rl.rlim_cur = rl.rlim_max = as_limit();
	if (setrlimit(RLIMIT_AS, &rl) == -1)
		return -1;
#endif
	if (geteuid() == 0 && (setgroups(0, NULL) == -1 ||
	    setresgid(NOBODY, NOBODY, NOBODY) == -1 ||
	    setresuid(NOBODY, NOBODY, NOBODY) == -1))
		return -1;
	if (prctl(PR_SET_DUMPABLE, 0) == -1 ||
	    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
		return -1;
	if (getenv("SHINDAN_SANDBOX_DEBUG") != NULL) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = on_sigsys;
		sa.sa_flags = SA_SIGINFO;
		sigaction(SIGSYS, &sa, NULL);
	}
	abi = child_landlock(dir);
	return child_seccomp(abi > 0) == -1 ? -1 : abi;
}

void
engine_sandbox_child(int argc, char *argv[])
{
	struct conf	 c;
	struct frame	 f;
	cJSON		*o, *j;
	const char	*dir = argc == 3 && argv[2][0] == '/' ? argv[2] : NULL;
	int		 abi;

	if ((argc != 2 && argc != 3) || strcmp(argv[1], ENGINE_CHILD_ARG) != 0)
		return;
	log_init("shindan-engine");
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	if (fcntl(CHILD_FD, F_GETFD) == -1) {
		log_err("engine: started without its socket");
		_exit(1);
	}
	syscall(SYS_close_range, CHILD_FD + 1, ~0U, 0);
	if (frame_recv(CHILD_FD, &f, REPLY_MAX, INT64_MAX) == -1 ||
	    f.h.op != OP_OPEN || (o = cJSON_Parse(f.json)) == NULL)
		_exit(1);
	child_gen = f.h.id;
	/* libclamav's temporary files (it reads TMPDIR at each use). */
	if (dir != NULL)
		setenv("TMPDIR", dir, 1);
	else
		unsetenv("TMPDIR");
	memset(&c, 0, sizeof(c));
	c.clamav_db = xstrdup(jstr(o, "clamav_db") ? jstr(o, "clamav_db") :
	    "");
	c.rules_dir = xstrdup(jstr(o, "rules_dir") ? jstr(o, "rules_dir") :
	    "");
	c.feeds = xstrdup(jstr(o, "feeds") ? jstr(o, "feeds") : "");
	c.brands_file = xstrdup(jstr(o, "brands_file") ?
	    jstr(o, "brands_file") : "");
	if ((child_eng = impl_open(&c)) == NULL) {
		reply((uint32_t)-1, NULL);
		_exit(1);
	}
	cJSON_Delete(o);
	frame_free(&f);
	child_iconv_preload();
	if ((abi = child_lockdown(dir)) == -1) {
		log_err("engine: cannot lock the sandbox down: %s",
		    strerror(errno));
		reply((uint32_t)-1, NULL);
		_exit(1);
	}
	j = cJSON_CreateObject();
	cJSON_AddStringToObject(j, "name", impl_name(child_eng));
	cJSON_AddStringToObject(j, "select", impl_select(child_eng));
	cJSON_AddNumberToObject(j, "landlock", abi);
	reply_json(j);
	child_serve();
}
