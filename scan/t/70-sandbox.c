/*
 * 70-sandbox: the engine in its sandboxed child (scan/engine_sandbox.c)
 * against the same engine in process (scan/engine_impl.h).
 *
 * The child is another process, locked down (NoNewPrivs 1, Seccomp 2,
 * not root, only its socket open); every message the team wrote for the
 * engine (tests/detect/data), every message of the synthetic tenant and
 * a set of broken and hostile ones get the same needs, verdict, score
 * and findings, field by field, with no child lost on the way; then the
 * child is made to break the rules (a socket, exec, abort, a file
 * opened for writing) and each time a fresh child takes over with
 * the organisation set again; a child lost in the middle of a scan
 * (abort, a forbidden call, a hang past engine_timeout) gives the
 * message the finding engine.failed and the next messages are scanned.
 * ClamAV runs on every message (a one-signature database, or the one
 * SHINDAN_TEST_CLAMAV_DB names), so its temporary files are made in the
 * child's private directory all along; the private directory itself
 * (private_dir) and ClamAV's own unpacking end to end (clamav_tmp), with
 * and without Landlock, are checked last.
 * Built with the test hooks in every build: tests/t/70-sandbox-release.t
 * runs the release build's copy, where the filter is the allowlist.
 */
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <linux/landlock.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "conf.h"
#include "crypt.h"
#include "engine_impl.h"
#include "engine_sandbox.h"
#include "tap.h"
#include "util.h"

static const char *const own[] = { "contoso.com", NULL };
static const char *const people[] = { "John Smith", NULL };
static const char *const corrs[] = { "northwindtraders.com", NULL };
/* A supplier's domain with one letter changed: known only through the
 * mailbox's correspondents. */
static const char lookalike[] = "From: Accounts <ap@northwlndtraders.com>"
    "\r\nSubject: Invoice 2231\r\n\r\nPlease find our invoice attached."
    "\r\n";

static int
has_rule(const struct engine_result *r, const char *rule)
{
	size_t	 i;

	for (i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i].rule, rule) == 0)
			return 1;
	return 0;
}

static struct engine	*E;
static struct engine_ctx *EC;
static struct impl	*I;
static struct impl_ctx	*IC;
static int		 ndiff;

/* The value of a "Key:" line of /proc/PID/status, or "" */
static const char *
status_of(pid_t pid, const char *key)
{
	static char	 val[256];
	char		 path[64], line[512];
	FILE		*fp;
	size_t		 kl = strlen(key);

	val[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return val;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (strncmp(line, key, kl) == 0 && line[kl] == ':') {
			snprintf(val, sizeof(val), "%s", line + kl + 1 +
			    strspn(line + kl + 1, " \t"));
			val[strcspn(val, "\n")] = '\0';
			break;
		}
	fclose(fp);
	return val;
}

static int
open_fds(pid_t pid, char *list, size_t len)
{
	char		 path[64];
	DIR		*d;
	struct dirent	*de;
	int		 n = 0;

	list[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		n++;
		if (snprintf(list + strlen(list), len - strlen(list), " %s",
		    de->d_name) < 0)
			break;
	}
	closedir(d);
	return n;
}

static int
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int
same_result(const struct engine_result *a, const struct engine_result *b)
{
	size_t	 i;

	if (a->verdict != b->verdict || a->score != b->score ||
	    a->nfindings != b->nfindings)
		return 0;
	for (i = 0; i < a->nfindings; i++) {
		const struct engine_finding *x = &a->findings[i];
		const struct engine_finding *y = &b->findings[i];

		if (!same_str(x->category, y->category) ||
		    !same_str(x->severity, y->severity) ||
		    !same_str(x->rule, y->rule) ||
		    !same_str(x->evidence_en, y->evidence_en) ||
		    !same_str(x->evidence_ja, y->evidence_ja) ||
		    !same_str(x->url, y->url) ||
		    !same_str(x->domain, y->domain) ||
		    !same_str(x->imitates, y->imitates) ||
		    !same_str(x->attachment_name, y->attachment_name) ||
		    !same_str(x->attachment_type, y->attachment_type) ||
		    !same_str(x->attachment_sha256, y->attachment_sha256))
			return 0;
	}
	return 1;
}

static const char *
verdict(enum engine_verdict v)
{
	return v == ENGINE_THREAT ? "threat" : v == ENGINE_POTENTIAL ?
	    "potential" : "clean";
}

/* One message both ways; 1 when the two agree.  quiet: no test line
 * unless they differ. */
static int
compare(const char *name, const cJSON *msg, const char *mime, size_t len,
    int quiet, struct engine_result *out, struct arena *a)
{
	struct engine_result	 rs, ri;
	enum engine_need	 ns, ni;
	int			 rcs, rci, same;

	ns = engine_needs(E, msg, NULL);
	ni = impl_needs(I, msg, NULL);
	rcs = engine_scan(EC, a, msg, NULL, mime, len, &rs);
	rci = impl_scan(IC, a, msg, NULL, mime, len, &ri);
	same = ns == ni && rcs == rci && (rcs != 0 || same_result(&rs, &ri));
	if (!same || !quiet)
		ok(same, "%s: the same in the sandbox and in process (%s %d, "
		    "%zu findings)", name, verdict(ri.verdict), ri.score,
		    ri.nfindings);
	if (!same) {
		ndiff++;
		diag("needs %d/%d rc %d/%d sandbox %s %d %zu", ns, ni, rcs,
		    rci, verdict(rs.verdict), rs.score, rs.nfindings);
	}
	if (out != NULL)
		*out = rs;
	return same;
}

static int
compare_file(const char *path, int quiet)
{
	struct arena	 a;
	cJSON		*msg;
	char		*m;
	size_t		 len;
	int		 same;

	if ((m = tap_slurp(path, &len)) == NULL)
		return ok(0, "%s: read", path);
	arena_init(&a, 0);
	msg = cJSON_CreateObject();
	cJSON_AddStringToObject(msg, "id", path);
	same = compare(path, msg, m, len, quiet, NULL, &a);
	cJSON_Delete(msg);
	arena_release(&a);
	free(m);
	return same;
}

static void
samples(void)
{
	FILE	*fp = fopen("tests/detect/data/expect.txt", "r");
	char	 line[1024], path[600];
	int	 n = 0;

	if (fp == NULL) {
		ok(0, "tests/detect/data/expect.txt opens");
		return;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, " \n")] = '\0';
		if (snprintf(path, sizeof(path), "tests/detect/data/%s",
		    line) >= (int)sizeof(path))
			continue;
		compare_file(path, 0);
		n++;
	}
	fclose(fp);
	ok(n >= 60, "%d hand-written samples", n);
}

static void
tenant(void)
{
	const char	*root = "tests/data/tenants/contoso.example/mailboxes";
	char		 path[1024];
	DIR		*d1, *d2, *d3;
	struct dirent	*u, *f, *m;
	int		 n = 0, same = 0;

	if ((d1 = opendir(root)) == NULL) {
		ok(0, "%s opens", root);
		return;
	}
	while ((u = readdir(d1)) != NULL) {
		if (u->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", root, u->d_name);
		if ((d2 = opendir(path)) == NULL)
			continue;
		while ((f = readdir(d2)) != NULL) {
			if (f->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s/%s", root,
			    u->d_name, f->d_name);
			if ((d3 = opendir(path)) == NULL)
				continue;
			while ((m = readdir(d3)) != NULL) {
				if (m->d_name[0] == '.')
					continue;
				snprintf(path, sizeof(path), "%s/%s/%s/%s",
				    root, u->d_name, f->d_name, m->d_name);
				n++;
				same += compare_file(path, 1);
			}
			closedir(d3);
		}
		closedir(d2);
	}
	closedir(d1);
	ok(n > 300 && same == n, "the synthetic tenant's %d messages: %d the "
	    "same in the sandbox and in process", n, same);
}

/* Broken and hostile messages, made here. */
static void
hostile(void)
{
	struct arena	 a;
	struct buf	 b;
	cJSON		*msg;
	unsigned char	 r[4096];
	size_t		 i;
	char		 name[64];

	arena_init(&a, 0);
	msg = cJSON_CreateObject();
	cJSON_AddStringToObject(msg, "id", "hostile");

	compare("an empty message", msg, "", 0, 0, NULL, &a);
	for (i = 0; i < sizeof(r); i++)
		r[i] = (unsigned char)(i * 7919 + (i >> 3) * 31);
	compare("4 KB of binary noise", msg, (const char *)r, sizeof(r), 0,
	    NULL, &a);

	buf_init(&b, 64u << 20);
	buf_adds(&b, "From: a@b.example\r\nSubject: deep\r\n");
	for (i = 0; i < 300; i++)
		buf_addf(&b, "Content-Type: multipart/mixed; boundary=b%zu"
		    "\r\n\r\n--b%zu\r\n", i, i);
	buf_adds(&b, "Content-Type: text/plain\r\n\r\nhi\r\n");
	compare("300 nested multiparts", msg, b.ptr, b.len, 0, NULL, &a);

	buf_reset(&b);
	buf_adds(&b, "From: a@b.example\r\nContent-Type: multipart/mixed; "
	    "boundary=x\r\n\r\n");
	for (i = 0; i < 5000; i++)
		buf_addf(&b, "--x\r\nContent-Type: application/zip\r\n"
		    "Content-Transfer-Encoding: base64\r\nContent-Disposition: "
		    "attachment; filename=\"a%zu.zip\"\r\n\r\nUEsDBBQAAAAI\r\n",
		    i);
	compare("5,000 truncated zip attachments", msg, b.ptr, b.len, 0, NULL,
	    &a);

	buf_reset(&b);
	buf_adds(&b, "From: =?ISO-2022-JP?B?GyRCJCIbKEI=?= <\xff\xfe@x>\r\n"
	    "Subject: =?X-UNKNOWN-CS?Q?=E3=81?=\r\nContent-Type: text/html; "
	    "charset=x-no-such-charset\r\n\r\n");
	for (i = 0; i < 20000; i++)
		buf_adds(&b, "<a href=\"http://\xe3\x81\x82.example/\">x</a>");
	compare("bad charsets, invalid UTF-8, 20,000 links", msg, b.ptr,
	    b.len, 0, NULL, &a);

	buf_reset(&b);
	buf_adds(&b, "Subject: ");
	for (i = 0; i < (1u << 20); i++)
		buf_addc(&b, 'A' + (char)(i % 26));
	buf_adds(&b, "\r\n\r\nbody");
	compare("a 1 MB header", msg, b.ptr, b.len, 0, NULL, &a);

	/* Graph resources of the wrong shapes, no MIME. */
	cJSON_AddNumberToObject(msg, "subject", 5);
	cJSON_AddItemToObject(msg, "body", cJSON_CreateArray());
	cJSON_AddStringToObject(msg, "hasAttachments", "yes");
	compare("a Graph resource of the wrong shapes", msg, NULL, 0, 0, NULL,
	    &a);
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "the same again (%zu)", i);
		compare(name, msg, NULL, 0, 1, NULL, &a);
	}
	buf_release(&b);
	cJSON_Delete(msg);
	arena_release(&a);
}

static void
lockdown(pid_t pid)
{
	char	 fds[256];
	int	 n;

	ok(pid > 0 && pid != getpid() && pid != getppid(), "the engine runs "
	    "in a child process (%d, the test is %d)", (int)pid,
	    (int)getpid());
	is_str(status_of(pid, "NoNewPrivs"), "1", "child: NoNewPrivs 1");
	is_str(status_of(pid, "Seccomp"), "2", "child: Seccomp 2 (a filter, "
	    "the %s)", engine_sandbox_filter());
	if (geteuid() == 0)
		ok(strncmp(status_of(pid, "Uid"), "65534", 5) == 0, "child: "
		    "the user nobody, not root (Uid %s)", status_of(pid, "Uid"));
	n = open_fds(pid, fds, sizeof(fds));
	ok(n >= 0 && n <= 4, "child: only stdin, stdout, stderr and its "
	    "socket open (%s)", fds);
}

/* The child breaks a rule: it is replaced, the organisation set again. */
static void
breaks(const char *what, int dies)
{
	pid_t		 before = engine_sandbox_pid(E);
	unsigned long	 d = engine_sandbox_deaths(E);
	int		 rc = engine_sandbox_test(E, what);

	if (dies) {
		ok(rc == -1 && engine_sandbox_deaths(E) == d + 1, "%s: the "
		    "child is killed", what);
	} else {
		ok(rc == EACCES && engine_sandbox_deaths(E) == d &&
		    engine_sandbox_pid(E) == before, "%s: refused (%s), the "
		    "child goes on", what, rc > 0 ? strerror(rc) : "not refused");
		return;
	}
	ok(compare_file("tests/detect/data/en-12-spoof-own.eml", 0),
	    "%s: a fresh child scans, the organisation set again", what);
	ok(engine_sandbox_pid(E) != before && engine_sandbox_pid(E) > 0,
	    "%s: it is another process (%d, was %d)", what,
	    (int)engine_sandbox_pid(E), (int)before);
	is_str(status_of(engine_sandbox_pid(E), "Seccomp"), "2",
	    "%s: locked down as the first", what);
}

static int
kernel_landlock(void)
{
	long	 abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
		    LANDLOCK_CREATE_RULESET_VERSION);

	return abi < 1 ? 0 : (int)abi;
}

static int
file_is(const char *path, const char *want)
{
	char	*got;
	size_t	 n;
	int	 same;

	if ((got = tap_slurp(path, &n)) == NULL)
		return 0;
	same = n == strlen(want) && memcmp(got, want, n) == 0;
	free(got);
	return same;
}

static int
gone(const char *path)
{
	struct stat	 st;

	return lstat(path, &st) == -1 && errno == ENOENT;
}

static void
put(const char *path, const char *s, mode_t mode)
{
	FILE	*fp = fopen(path, "w");

	if (fp == NULL)
		abort();
	fputs(s, fp);
	fclose(fp);
	chmod(path, mode);
}

/*
 * The child's private directory: its TMPDIR, 0700 and the child's user's,
 * the one place it may write (Landlock) while a world-writable folder
 * elsewhere stays closed to it; planted symbolic links, deep and closed
 * folders are removed with it when the child is replaced, and what the
 * links point to is not touched.
 */
static void
private_dir(void)
{
	struct stat	 st;
	char		 out[] = "/tmp/shindan-out.XXXXXX", p[1024], q[1100];
	char		*dir;
	const char	*nd;
	uid_t		 uid = geteuid() == 0 ? 65534 : geteuid();
	pid_t		 pid = engine_sandbox_pid(E);
	unsigned long	 d = engine_sandbox_deaths(E);
	int		 kabi = kernel_landlock(), ll = engine_sandbox_landlock(E);
	int		 rc, i, k;

	diag("Landlock: ABI %d in the kernel, %d in force in the child", kabi,
	    ll);
	if (!ok(engine_sandbox_tmpdir(E) != NULL, "the child has a private "
	    "directory (%s)", engine_sandbox_tmpdir(E) ?
	    engine_sandbox_tmpdir(E) : "none"))
		return;
	dir = xstrdup(engine_sandbox_tmpdir(E));
	if (lstat(dir, &st) == -1)
		memset(&st, 0, sizeof(st));
	ok(S_ISDIR(st.st_mode) &&
	    (st.st_mode & 07777) == 0700 && st.st_uid == uid, "it exists, "
	    "0700, the child's user's (mode %o, uid %d)",
	    (unsigned)(st.st_mode & 07777), (int)st.st_uid);
	if (kabi > 0)
		is_int(ll, kabi, "Landlock in force in the child");
	else
		is_int(ll, 0, "no Landlock in this kernel: none claimed");

	if (mkdtemp(out) == NULL || chmod(out, 0777) == -1)
		abort();
	snprintf(p, sizeof(p), "%s/victim", out);
	put(p, "keep", 0666);
	rc = engine_sandbox_test(E, "write-tmpdir");
	if (ll > 0) {
		is_int(rc, 0, "the child makes, writes, truncates and removes "
		    "files and folders in its TMPDIR (%s)", strerror(rc));
		snprintf(p, sizeof(p), "%s/left/file", dir);
		ok(lstat(p, &st) == 0 && st.st_uid == uid, "what it left "
		    "there is its own");
	} else
		is_int(rc, EACCES, "without Landlock it writes nowhere, "
		    "TMPDIR included");
	snprintf(q, sizeof(q), "write-at:%s/new", out);
	rc = engine_sandbox_test(E, q);
	snprintf(p, sizeof(p), "%s/new", out);
	ok((rc == EACCES || rc == EPERM) && gone(p), "creating a file in a "
	    "world-writable folder elsewhere: refused (%s)", strerror(rc));
	snprintf(q, sizeof(q), "mkdir-at:%s/dir", out);
	rc = engine_sandbox_test(E, q);
	snprintf(p, sizeof(p), "%s/dir", out);
	ok((rc == EACCES || rc == EPERM) && gone(p), "making a folder "
	    "there: refused (%s)", strerror(rc));
	snprintf(q, sizeof(q), "trunc-at:%s/victim", out);
	rc = engine_sandbox_test(E, q);
	snprintf(p, sizeof(p), "%s/victim", out);
	ok((rc == EACCES || rc == EPERM) && file_is(p, "keep"), "truncating "
	    "a world-writable file there (read-only open, O_TRUNC): refused "
	    "(%s), the file intact", strerror(rc));
	snprintf(q, sizeof(q), "write-at:%s/x", dir);
	ok(engine_sandbox_test(E, q) == (ll > 0 ? 0 : EACCES), "a file "
	    "made by path in the private directory: %s",
	    ll > 0 ? "made" : "refused");
	ok(engine_sandbox_pid(E) == pid && engine_sandbox_deaths(E) == d,
	    "the child was killed for none of it");

	/* What a hostile child may leave behind. */
	snprintf(p, sizeof(p), "%s/victim", out);
	snprintf(q, sizeof(q), "%s/link-file", dir);
	i = symlink(p, q);
	snprintf(q, sizeof(q), "%s/link-dir", dir);
	i |= symlink(out, q);
	snprintf(p, sizeof(p), "%s", dir);
	for (k = 0; k < 8; k++) {
		if (strlen(p) + 3 >= sizeof(p))
			break;
		memcpy(p + strlen(p), "/d", 3);
		i |= mkdir(p, 0700);
	}
	snprintf(q, sizeof(q), "%s/f", p);
	put(q, "deep", 0600);
	snprintf(q, sizeof(q), "%s/closed", dir);
	i |= mkdir(q, 0700);
	snprintf(p, sizeof(p), "%s/closed/f", dir);
	put(p, "closed", 0600);
	i |= chmod(q, 0);
	ok(i == 0, "planted in it: a link to a file outside, a link to a "
	    "folder outside, 8 nested folders, a folder with mode 0");
	breaks("abort", 1);
	ok(gone(dir), "the replaced child's directory is gone, with all of "
	    "that");
	snprintf(p, sizeof(p), "%s/victim", out);
	ok(file_is(p, "keep") && lstat(out, &st) == 0 &&
	    (st.st_mode & 0777) == 0777, "the file and folder the links "
	    "pointed to are untouched");
	nd = engine_sandbox_tmpdir(E);
	ok(nd != NULL && strcmp(nd, dir) != 0 && lstat(nd, &st) == 0 &&
	    S_ISDIR(st.st_mode) && (st.st_mode & 07777) == 0700 &&
	    st.st_uid == uid, "the fresh child has a fresh private "
	    "directory (%s)", nd ? nd : "none");
	ok(engine_sandbox_landlock(E) == ll, "Landlock in force in it too");
	unlink(p);
	rmdir(out);
	free(dir);
}

/*
 * ClamAV end to end: a one-signature database (the SHA-256 of a payload)
 * and a message whose attachment is that payload gzipped.  The engine
 * gives ClamAV the attachment only (not what it unpacks itself), so only
 * ClamAV's own gunzip, which writes the payload to a temporary file,
 * finds it; libclamav also makes a temporary folder for every scan.
 */
static const char gz_payload[] = "Shindan test payload inside a gzip: "
    "harmless bytes that only ClamAV, unpacking to a temporary file, sees.";
static const char gz_b64[] = "H4sIAAAAAAACAw3LwQ0CMQwEwFa2gBMF8EOUgHT/hZi"
    "LheNEsXmE6rn/zKOqFzpSIjG4rLNAPbQIiOOn44rK2Uwi8FwnQ1YmutvC3dhu+4"
    "avD74+6geynyuljT45F95qsiFE4vIH1JmOzWkAAAA=";

/* A ClamAV database of one signature: the SHA-256 of gz_payload. */
static void
clamav_db_make(char *dir, char *path, size_t len)
{
	char	 hex[65], line[256];

	if (mkdtemp(dir) == NULL || chmod(dir, 0755) == -1)
		abort();
	crypt_sha256_hex(gz_payload, hex);
	snprintf(path, len, "%s/shindan.hsb", dir);
	snprintf(line, sizeof(line), "%s:%zu:Shindan.Test.Gzipped\n", hex,
	    sizeof(gz_payload) - 1);
	put(path, line, 0644);
}

static void
clamav_tmp(const struct conf *c0, int no_landlock)
{
	char		 db[] = "/tmp/shindan-clamdb.XXXXXX", path[256];
	char		 mime[1024], *td;
	struct conf	 c = *c0;
	struct engine	*e;
	struct engine_ctx *ec;
	struct impl	*im;
	struct impl_ctx	*ic;
	struct engine_result rs, ri;
	struct arena	 a;
	cJSON		*msg;
	size_t		 i;
	int		 hs = 0, hi = 0, ll;
	const char	*how = no_landlock ? "without Landlock" : "Landlock";

	snprintf(mime, sizeof(mime), "From: a@fabrikam.com\r\nTo: "
	    "b@contoso.com\r\nSubject: report\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
	    "Content-Type: text/plain\r\n\r\nsee attached\r\n--b\r\n"
	    "Content-Type: application/gzip; name=\"report.gz\"\r\n"
	    "Content-Disposition: attachment; filename=\"report.gz\"\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n%s\r\n--b--\r\n",
	    gz_b64);
	clamav_db_make(db, path, sizeof(path));
	c.clamav_db = db;
	arena_init(&a, 0);
	msg = cJSON_CreateObject();
	cJSON_AddStringToObject(msg, "id", "clamav");
	if (no_landlock)
		setenv("SHINDAN_TEST_NO_LANDLOCK", "1", 1);
	e = engine_open(&c);
	unsetenv("SHINDAN_TEST_NO_LANDLOCK");
	im = impl_open(&c);
	if (!ok(e != NULL && im != NULL, "%s: engines with a one-signature "
	    "ClamAV database start", how))
		goto out;
	ll = engine_sandbox_landlock(e);
	if (no_landlock)
		is_int(ll, 0, "%s: none in force", how);
	ec = engine_ctx_new(e);
	ic = impl_ctx_new(im);
	engine_scan(ec, &a, msg, NULL, mime, strlen(mime), &rs);
	impl_scan(ic, &a, msg, NULL, mime, strlen(mime), &ri);
	for (i = 0; i < ri.nfindings; i++)
		hi |= strcmp(ri.findings[i].rule, "av.clamav") == 0 &&
		    strstr(ri.findings[i].evidence_en, "Shindan.Test.Gzipped") !=
		    NULL;
	for (i = 0; i < rs.nfindings; i++)
		hs |= strcmp(rs.findings[i].rule, "av.clamav") == 0 &&
		    strstr(rs.findings[i].evidence_en, "Shindan.Test.Gzipped") !=
		    NULL;
	ok(hi, "%s: in process, ClamAV finds the payload in the gzip", how);
	if (ll > 0)
		ok(hs && same_result(&rs, &ri), "%s: in the sandbox too, with "
		    "the same findings: its temporary files go to the private "
		    "directory", how);
	else
		ok(!hs, "%s: the child may not write, and ClamAV finds "
		    "nothing (the known limitation)", how);
	ok(engine_sandbox_deaths(e) == 0, "%s: no child lost", how);
	td = xstrdup(engine_sandbox_tmpdir(e) ? engine_sandbox_tmpdir(e) :
	    "/nonexistent");
	engine_ctx_free(ec);
	impl_ctx_free(ic);
	engine_close(e);
	impl_close(im);
	ok(gone(td), "%s: engine_close removes the private directory", how);
	free(td);
out:
	cJSON_Delete(msg);
	arena_release(&a);
	unlink(path);
	rmdir(db);
}

/*
 * Before the first engine_open(): directories as a killed runner leaves
 * them (a file, a link to a file outside, a folder), one of a runner
 * still running (this test's parent) and one of a dead runner's that is
 * a link; *dead and *live are the first two, *link the third.
 */
static void
leftovers(char *dead, char *live, char *link, size_t len, char *target,
    size_t tlen)
{
	const char	*base = getenv("TMPDIR") != NULL &&
			    getenv("TMPDIR")[0] == '/' ? getenv("TMPDIR") :
			    "/tmp";
	char		 p[1100];
	pid_t		 pid;

	if ((pid = fork()) == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	snprintf(dead, len, "%s/shindan-engine.%d.AbCdEf", base, (int)pid);
	snprintf(live, len, "%s/shindan-engine.%d.AbCdEf", base,
	    (int)getppid());
	snprintf(link, len, "%s/shindan-engine.%d.GhIjKl", base, (int)pid);
	snprintf(target, tlen, "/tmp/shindan-out.XXXXXX");
	if (mkdtemp(target) == NULL || mkdir(dead, 0700) == -1 ||
	    mkdir(live, 0700) == -1 || symlink(target, link) == -1)
		abort();
	snprintf(p, sizeof(p), "%s/keep", target);
	put(p, "keep", 0644);
	snprintf(p, sizeof(p), "%s/file", dead);
	put(p, "x", 0600);
	snprintf(p, sizeof(p), "%s/link", dead);
	snprintf(p + 600, sizeof(p) - 600, "%s/keep", target);
	if (symlink(p + 600, p) == -1)
		abort();
	snprintf(p, sizeof(p), "%s/sub", dead);
	if (mkdir(p, 0700) == -1)
		abort();
}

/* A child lost in the middle of a scan (SHINDAN_TEST_ENGINE_FAULT). */
static void
lost_in_scan(const struct conf *c, const char *fault, const char *why)
{
	struct engine		*e;
	struct engine_ctx	*ec;
	struct engine_result	 r;
	struct arena		 a;
	cJSON			*msg = cJSON_CreateObject();
	const char		*ok_mime = "From: a@fabrikam.com\r\nSubject: "
				    "hello\r\n\r\nhello\r\n";
	size_t			 n = strlen(ok_mime);

	arena_init(&a, 0);
	cJSON_AddStringToObject(msg, "id", "x");
	setenv("SHINDAN_TEST_ENGINE_FAULT", fault, 1);
	e = engine_open(c);
	unsetenv("SHINDAN_TEST_ENGINE_FAULT");
	if (!ok(e != NULL, "%s: engine starts", fault))
		return;
	ec = engine_ctx_new(e);
	engine_ctx_set_org(ec, own, people, corrs, NULL);
	ok(engine_scan(ec, &a, msg, NULL, ok_mime, n, &r) == 0 &&
	    r.verdict == ENGINE_CLEAN, "%s: message 1 scanned", fault);
	ok(engine_scan(ec, &a, msg, NULL, ok_mime, n, &r) == 0 &&
	    r.verdict == ENGINE_POTENTIAL && r.nfindings == 1 &&
	    strcmp(r.findings[0].rule, "engine.failed") == 0 &&
	    strcmp(r.findings[0].category, "malware") == 0,
	    "%s: message 2: potential, engine.failed", fault);
	ok(r.nfindings == 1 && strstr(r.findings[0].evidence_en, why) !=
	    NULL && strstr(r.findings[0].evidence_ja, "解析") != NULL,
	    "%s: evidence in English (%s) and Japanese", fault, why);
	ok(engine_sandbox_deaths(e) == 1, "%s: one child lost", fault);
	ok(engine_scan(ec, &a, msg, NULL, ok_mime, n, &r) == 0 &&
	    r.verdict == ENGINE_CLEAN, "%s: message 3 scanned by a fresh "
	    "child", fault);
	ok(engine_scan(ec, &a, msg, NULL, lookalike, sizeof(lookalike) - 1,
	    &r) == 0 && has_rule(&r, "sender.lookalike_correspondent"),
	    "%s: the fresh child knows the correspondents", fault);
	engine_ctx_free(ec);
	engine_close(e);
	cJSON_Delete(msg);
	arena_release(&a);
}

int
main(int argc, char *argv[])
{
	struct conf	 c;
	char		*td, db[] = "/tmp/shindan-clamdb.XXXXXX", dbfile[256];
	char		 dead[512], live[512], link[512], target[64], keep[128];

	engine_sandbox_child(argc, argv);
	plan_lazy();
	if (conf_load(&c, NULL) == -1)
		return done_testing();
	free(c.rules_dir);
	c.rules_dir = xstrdup("detect/rules");
	/* ClamAV on every message, with a real database if one is named
	 * (e.g. SHINDAN_TEST_CLAMAV_DB=/var/lib/clamav), else one of one
	 * signature: either way libclamav makes its temporary files. */
	free(c.clamav_db);
	if (getenv("SHINDAN_TEST_CLAMAV_DB") != NULL)
		c.clamav_db = xstrdup(getenv("SHINDAN_TEST_CLAMAV_DB"));
	else {
		clamav_db_make(db, dbfile, sizeof(dbfile));
		c.clamav_db = xstrdup(db);
	}
	c.engine_timeout = 60;	/* sanitizer builds are slow */
	leftovers(dead, live, link, sizeof(dead), target, sizeof(target));
	if (!ok((E = engine_open(&c)) != NULL, "the sandboxed engine starts"))
		return done_testing();
	ok(gone(dead), "a killed runner's directory left behind is removed "
	    "at the first engine_open");
	ok(!gone(live) && !gone(link), "a running runner's is kept, and so "
	    "is a link in its name");
	snprintf(keep, sizeof(keep), "%s/keep", target);
	ok(file_is(keep, "keep"), "the file a link in it pointed to is "
	    "untouched");
	unlink(keep);
	rmdir(target);
	rmdir(live);
	unlink(link);
	diag("engine %s, seccomp %s", engine_name(E), engine_sandbox_filter());
	ok((I = impl_open(&c)) != NULL, "the engine starts in process");
	is_str(engine_select(E), impl_select(I), "the same $select");
	is_str(engine_name(E), impl_name(I), "the same name");
	lockdown(engine_sandbox_pid(E));
	EC = engine_ctx_new(E);
	IC = impl_ctx_new(I);
	ok(engine_ctx_set_org(EC, own, people, corrs,
	    "taro.yamada@contoso.com") == 0 && impl_ctx_set_org(IC, own,
	    people, corrs, "taro.yamada@contoso.com") == 0,
	    "the organisation, its correspondents and the reader set");
	{
		struct engine_result	 r;
		struct arena		 a;
		cJSON			*msg = cJSON_CreateObject();

		arena_init(&a, 0);
		cJSON_AddStringToObject(msg, "id", "lookalike");
		compare("a correspondent's look-alike", msg, lookalike,
		    sizeof(lookalike) - 1, 0, &r, &a);
		ok(has_rule(&r, "sender.lookalike_correspondent"),
		    "the correspondents reach the engine child");
		cJSON_Delete(msg);
		arena_release(&a);
	}
	{
		/* Sent by Bcc: the To line names nobody; the mailbox's
		 * address reaches the engine child. */
		static const char bcc[] = "From: IT <it@mail-notice.example>"
		    "\r\nTo: undisclosed-recipients:;\r\nSubject: Mailbox "
		    "notice\r\n\r\nDear taro.yamada, your mailbox is almost "
		    "full.\r\n";
		struct engine_result	 r;
		struct arena		 a;
		cJSON			*msg = cJSON_CreateObject();
		size_t			 i;
		int			 greet = 0;

		arena_init(&a, 0);
		cJSON_AddStringToObject(msg, "id", "bcc");
		compare("a mail sent by Bcc", msg, bcc, sizeof(bcc) - 1, 0, &r,
		    &a);
		for (i = 0; i < r.nfindings; i++)
			greet |= strcmp(r.findings[i].rule,
			    "content.address_greeting") == 0;
		ok(greet, "the reader's address greets them in the sandbox");
		cJSON_Delete(msg);
		arena_release(&a);
	}

	samples();
	tenant();
	hostile();
	is_int(ndiff, 0, "no message judged differently");
	is_int((long long)engine_sandbox_deaths(E), 0, "0 sandbox kills "
	    "over all of that");

	breaks("open-write", 0);
	private_dir();
	breaks("socket", 1);
	breaks("exec", 1);
	breaks("abort", 1);
	ok(compare_file("tests/detect/data/ja-02-bec-sjis.eml", 0),
	    "Japanese charsets in a restarted child");

	lost_in_scan(&c, "abort@2", "stopped with an error");
	lost_in_scan(&c, "socket@2", "stopped with an error");
	c.engine_timeout = 2;
	lost_in_scan(&c, "hang@2", "longer than 2 seconds");

	clamav_tmp(&c, 0);
	clamav_tmp(&c, 1);
	engine_ctx_free(EC);
	impl_ctx_free(IC);
	td = xstrdup(engine_sandbox_tmpdir(E) ? engine_sandbox_tmpdir(E) :
	    "/nonexistent");
	engine_close(E);
	ok(gone(td), "engine_close removes the last child's private "
	    "directory");
	free(td);
	impl_close(I);
	conf_free(&c);
	if (db[strlen(db) - 1] != 'X') {
		unlink(dbfile);
		rmdir(db);
	}
	return done_testing();
}
