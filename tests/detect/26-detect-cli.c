/*
 * 26-detect-cli: shindan-scan as an administrator runs it: a directory
 * of .eml files, an mbox, a Maildir; the JSON of DESIGN.md §3 exactly,
 * --text, --lang ja, --detail, --list-rules; exit 0 when it ran, 2 on a
 * usage or I/O error; the progress line on a terminal (script(1) gives
 * stderr one) while the results go to a file, and none otherwise.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <cJSON.h>
#include <sodium.h>

#include "buf.h"
#include "tap.h"
#include "util.h"

static char BIN[1024], TMP[64];

/* Run a shell command; its stdout in out, its exit status back. */
static int
run_cmd(const char *cmd, struct buf *out)
{
	char	 line[65536];
	FILE	*p;
	int	 st;

	buf_reset(out);
	if ((p = popen(cmd, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), p) != NULL)
		buf_adds(out, line);
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Run shindan-scan with args; its stdout in out, its exit status back. */
static int
run(const char *args, struct buf *out)
{
	char	 cmd[4096];

	if ((size_t)snprintf(cmd, sizeof(cmd), "%s %s 2>/dev/null", BIN,
	    args) >= sizeof(cmd))
		return -1;
	return run_cmd(cmd, out);
}

/* The same, a shell command's output piped to its standard input. */
static int
run_pipe(const char *from, const char *args, struct buf *out)
{
	char	 cmd[4096];

	if ((size_t)snprintf(cmd, sizeof(cmd), "%s | %s %s 2>/dev/null", from,
	    BIN, args) >= sizeof(cmd))
		return -1;
	return run_cmd(cmd, out);
}

static void
put(const char *path, const char *s)
{
	FILE	*fp = fopen(path, "w");

	fputs(s, fp);
	fclose(fp);
}

/* A folder of TMP. */
static void
mkdir_tmp(const char *name)
{
	char	 p[512];

	snprintf(p, sizeof(p), "%s/%s", TMP, name);
	mkdir(p, 0700);
}

/* A symbolic link name of TMP to target (a failure is said: the loop
 * test after it would then prove nothing). */
static void
symlink_tmp(const char *target, const char *name)
{
	char	 p[512];

	snprintf(p, sizeof(p), "%s/%s", TMP, name);
	if (symlink(target, p) != 0)
		diag("symlink %s: %s", p, strerror(errno));
}

/* A file name of TMP written with s; its path in path. */
static void
put_mail(char *path, size_t len, const char *name, const char *s)
{
	snprintf(path, len, "%s/%s", TMP, name);
	put(path, s);
}

/* Each line one object with exactly the keys of DESIGN.md §3. */
static int
lines_ok(const char *out, int *n, int *with_index, int detail)
{
	char	*dup = xstrdup(out), *l, *save = NULL;
	int	 good = 1;

	*n = *with_index = 0;
	for (l = strtok_r(dup, "\n", &save); l != NULL;
	    l = strtok_r(NULL, "\n", &save)) {
		cJSON		*o = cJSON_Parse(l), *f, *it, *k;
		const char	*v;

		(*n)++;
		if (o == NULL) {
			good = 0;
			continue;
		}
		cJSON_ArrayForEach(k, o)
			if (strcmp(k->string, "source") != 0 &&
			    strcmp(k->string, "index") != 0 &&
			    strcmp(k->string, "verdict") != 0 &&
			    strcmp(k->string, "score") != 0 &&
			    strcmp(k->string, "findings") != 0)
				good = 0;
		if (cJSON_GetObjectItem(o, "index") != NULL)
			(*with_index)++;
		v = cJSON_GetStringValue(cJSON_GetObjectItem(o, "verdict"));
		if (v == NULL || (strcmp(v, "clean") && strcmp(v, "potential") &&
		    strcmp(v, "threat")))
			good = 0;
		if (!cJSON_IsNumber(cJSON_GetObjectItem(o, "score")) ||
		    !cJSON_IsString(cJSON_GetObjectItem(o, "source")))
			good = 0;
		f = cJSON_GetObjectItem(o, "findings");
		if (!cJSON_IsArray(f))
			good = 0;
		cJSON_ArrayForEach(it, f) {
			if (!cJSON_IsString(cJSON_GetObjectItem(it, "category")) ||
			    !cJSON_IsString(cJSON_GetObjectItem(it, "severity")) ||
			    !cJSON_IsString(cJSON_GetObjectItem(it, "rule")) ||
			    !cJSON_IsString(cJSON_GetObjectItem(it, "evidence")))
				good = 0;
			if (!detail && cJSON_GetArraySize(it) != 4)
				good = 0;
		}
		cJSON_Delete(o);
	}
	free(dup);
	return good;
}

/* Does the process pid have path open or mapped (/proc)? */
static int
proc_has(pid_t pid, const char *path)
{
	char		 d[64], l[1024], t[1024];
	DIR		*dp;
	struct dirent	*de;
	FILE		*fp;
	int		 found = 0;
	ssize_t		 n;

	snprintf(d, sizeof(d), "/proc/%d/maps", (int)pid);
	if ((fp = fopen(d, "r")) != NULL) {
		while (!found && fgets(l, sizeof(l), fp) != NULL)
			found = strstr(l, path) != NULL;
		fclose(fp);
	}
	snprintf(d, sizeof(d), "/proc/%d/fd", (int)pid);
	if (found || (dp = opendir(d)) == NULL)
		return found;
	while (!found && (de = readdir(dp)) != NULL) {
		snprintf(l, sizeof(l), "%s/%s", d, de->d_name);
		if ((n = readlink(l, t, sizeof(t) - 1)) > 0) {
			t[n] = '\0';
			found = strcmp(t, path) == 0;
		}
	}
	closedir(dp);
	return found;
}

/*
 * A file cut short while it is scanned (a mail program compacting an
 * mbox): once shindan-scan has it open (or mapped), it is truncated to
 * nothing.  The run must end normally and scan the path after it; when
 * the file was mapped, its pages past the new end faulted (SIGBUS).
 */
static void
shrink_test(void)
{
	char	 big[256], res[256];
	FILE	*fp;
	pid_t	 pid;
	int	 st = -1, k, fd, lines = 0, c, seen = 0, exited = 0;

	snprintf(big, sizeof(big), "%s/shrinking.eml", TMP);
	snprintf(res, sizeof(res), "%s/shrinking.json", TMP);
	fp = fopen(big, "w");
	fputs("From: a@example.org\nSubject: big\nMIME-Version: 1.0\n"
	    "Content-Type: multipart/mixed; boundary=B\n\n--B\n"
	    "Content-Type: text/plain\n\n", fp);
	for (k = 0; k < 1000000; k++)
		fputs("hello world, this is a long text\n", fp);
	fputs("--B--\n", fp);
	fclose(fp);
	if ((pid = fork()) == 0) {
		if ((fd = open(res, O_WRONLY | O_CREAT | O_TRUNC, 0600)) ==
		    -1 || dup2(fd, 1) == -1 || (fd = open("/dev/null",
		    O_WRONLY)) == -1 || dup2(fd, 2) == -1)
			_exit(127);
		execl(BIN, BIN, big, "tests/detect/data/en-01-clean-plain.eml",
		    (char *)NULL);
		_exit(127);
	}
	for (k = 0; k < 20000; k++) {
		if (waitpid(pid, &st, WNOHANG) == pid) {
			exited = 1;
			break;
		}
		if ((seen = proc_has(pid, big)))
			break;
		usleep(500);
	}
	if (seen && truncate(big, 0) == -1)
		diag("truncate %s failed", big);
	if (!exited && waitpid(pid, &st, 0) != pid)
		st = -1;
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "a file cut short while "
	    "it is scanned: exit 0, no signal (%s)", seen ? "cut" :
	    "not seen open");
	if ((fp = fopen(res, "r")) != NULL) {
		while ((c = fgetc(fp)) != EOF)
			lines += c == '\n';
		fclose(fp);
	}
	is_int(lines, 2, "and the path after it still scanned");
	unlink(big);
}

/*
 * PPAP in an export: an mbox is read oldest first, so the archive comes
 * before the mail with its password.  The message whose archive stayed
 * shut is judged again at the end and printed last, opened.
 */
static void
ppap_order(void)
{
	static const char prog[] = "MZ not really a program, but named one";
	struct archive		*a = archive_write_new();
	struct archive_entry	*ae;
	unsigned char		 z[4096];
	char			 b64[8192], path[512], *m;
	size_t			 used = 0;
	struct buf		 out;
	cJSON			*last = NULL;
	const char		*nl, *q;
	char			 cmd[1024];

	archive_write_set_format_zip(a);
	archive_write_set_options(a, "zip:encryption=traditional");
	archive_write_set_passphrase(a, "Xy7kQ2pz");
	archive_write_open_memory(a, z, sizeof(z), &used);
	ae = archive_entry_new();
	archive_entry_set_pathname(ae, "invoice.pdf.js");
	archive_entry_set_size(ae, sizeof(prog) - 1);
	archive_entry_set_filetype(ae, AE_IFREG);
	archive_entry_set_perm(ae, 0644);
	archive_write_header(a, ae);
	archive_write_data(a, prog, sizeof(prog) - 1);
	archive_entry_free(ae);
	archive_write_close(a);
	archive_write_free(a);
	sodium_bin2base64(b64, sizeof(b64), z, used,
	    sodium_base64_VARIANT_ORIGINAL);
	m = xmalloc(16384);
	snprintf(m, 16384,
	    "From sato@fabrikam.example Mon Nov  2 09:30:00 2026\n"
	    "From: sato@fabrikam.example\nSubject: quote\nMIME-Version: 1.0\n"
	    "Content-Type: multipart/mixed; boundary=zz\n\n--zz\n"
	    "Content-Type: text/plain\n\nThe quote; its password follows.\n"
	    "--zz\nContent-Type: application/zip\nContent-Disposition: "
	    "attachment; filename=quote.zip\nContent-Transfer-Encoding: "
	    "base64\n\n%s\n--zz--\n\n"
	    "From sato@fabrikam.example Mon Nov  2 09:31:00 2026\n"
	    "From: sato@fabrikam.example\nSubject: password\n\n"
	    "Password: Xy7kQ2pz\n", b64);
	snprintf(path, sizeof(path), "%s/ppap.mbox", TMP);
	put(path, m);
	free(m);
	buf_init(&out, 1u << 20);
	run(path, &out);
	/* The last line is the first message, opened. */
	for (q = out.ptr; (nl = strchr(q, '\n')) != NULL && nl[1] != '\0';
	    q = nl + 1)
		;
	last = cJSON_Parse(q);
	ok(last != NULL && cJSON_GetObjectItem(last, "index") != NULL &&
	    cJSON_GetObjectItem(last, "index")->valueint == 1 &&
	    strstr(q, "attach.ppap_opened") != NULL &&
	    strstr(q, "\"verdict\":\"threat\"") != NULL,
	    "an mbox's archive before its password mail: judged again at the "
	    "end, opened (%.120s)", q);
	cJSON_Delete(last);
	/* No password after it: printed at the end as it was judged, in
	 * JSON and in the report, and counted once. */
	m = xmalloc(16384);
	snprintf(m, 16384,
	    "From sato@fabrikam.example Mon Nov  2 09:30:00 2026\n"
	    "From: sato@fabrikam.example\nSubject: quote\nMIME-Version: 1.0\n"
	    "Content-Type: multipart/mixed; boundary=zz\n\n--zz\n"
	    "Content-Type: text/plain\n\nThe quote.\n"
	    "--zz\nContent-Type: application/zip\nContent-Disposition: "
	    "attachment; filename=quote.zip\nContent-Transfer-Encoding: "
	    "base64\n\n%s\n--zz--\n\n"
	    "From sato@fabrikam.example Mon Nov  2 09:31:00 2026\n"
	    "From: sato@fabrikam.example\nSubject: lunch\n\nNoon?\n", b64);
	snprintf(path, sizeof(path), "%s/ppap-none.mbox", TMP);
	put(path, m);
	free(m);
	run(path, &out);
	for (q = out.ptr; (nl = strchr(q, '\n')) != NULL && nl[1] != '\0';
	    q = nl + 1)
		;
	ok(strstr(out.ptr, "\"index\":2") != NULL && strstr(out.ptr,
	    "\"index\":2") < q && strstr(q, "\"index\":1") != NULL &&
	    strstr(q, "attach.encrypted_archive") != NULL && strchr(q, '\n') ==
	    out.ptr + out.len - 1, "no password after it: the locked one "
	    "printed last, as judged (%.160s)", q);
	snprintf(cmd, sizeof(cmd), "--text %s", path);
	run(cmd, &out);
	ok(strstr(out.ptr, "#2: clean") != NULL && strstr(out.ptr, "#1: "
	    "threat") > strstr(out.ptr, "#2: clean") && strstr(out.ptr,
	    "2 messages: 1 threat, 0 potential, 1 clean") != NULL,
	    "and in the report, counted once (%.300s)", out.ptr);
	buf_release(&out);
}

/* The same with a PDF that asks for a password to open (made by qpdf,
 * AES-256), its JavaScript seen once it is opened. */
static void
ppap_pdf_order(void)
{
	static const char pdf[] = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog "
	    "/Pages 2 0 R /OpenAction 3 0 R >>\nendobj\n2 0 obj\n<< /Type "
	    "/Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< /S /JavaScript"
	    " /JS (app.alert\\(1\\);) >>\nendobj\ntrailer\n<< /Root 1 0 R "
	    ">>\n%%EOF\n";
	char		 in[512], outp[512], cmd[1536], path[512], *m, *b64;
	unsigned char	*z;
	size_t		 n = 0;
	int		 rc;
	struct buf	 out;
	FILE		*fp;
	const char	*nl, *q;

	snprintf(in, sizeof(in), "%s/plain.pdf", TMP);
	snprintf(outp, sizeof(outp), "%s/locked.pdf", TMP);
	put(in, pdf);
	snprintf(cmd, sizeof(cmd), "qpdf --no-warn --encrypt Xy7kQ2pz own 256 "
	    "-- %s %s", in, outp);
	rc = system(cmd);
	if (!ok(rc != -1 && WIFEXITED(rc) && (WEXITSTATUS(rc) == 0 ||
	    WEXITSTATUS(rc) == 3), "qpdf encrypts a PDF (tools/deps.list "
	    "installs it)"))
		return;
	z = xmalloc(1u << 16);
	if ((fp = fopen(outp, "rb")) != NULL) {
		n = fread(z, 1, 1u << 16, fp);
		fclose(fp);
	}
	b64 = xmalloc(1u << 17);
	sodium_bin2base64(b64, 1u << 17, z, n, sodium_base64_VARIANT_ORIGINAL);
	m = xmalloc(1u << 18);
	snprintf(m, 1u << 18,
	    "From sato@fabrikam.example Mon Nov  2 09:30:00 2026\n"
	    "From: sato@fabrikam.example\nSubject: quote\nMIME-Version: 1.0\n"
	    "Content-Type: multipart/mixed; boundary=zz\n\n--zz\n"
	    "Content-Type: text/plain\n\nThe quote; its password follows.\n"
	    "--zz\nContent-Type: application/pdf\nContent-Disposition: "
	    "attachment; filename=quote.pdf\nContent-Transfer-Encoding: "
	    "base64\n\n%s\n--zz--\n\n"
	    "From sato@fabrikam.example Mon Nov  2 09:31:00 2026\n"
	    "From: sato@fabrikam.example\nSubject: password\n\n"
	    "Password: Xy7kQ2pz\n", b64);
	snprintf(path, sizeof(path), "%s/ppap-pdf.mbox", TMP);
	put(path, m);
	free(m);
	free(b64);
	free(z);
	buf_init(&out, 1u << 20);
	run(path, &out);
	for (q = out.ptr; (nl = strchr(q, '\n')) != NULL && nl[1] != '\0';
	    q = nl + 1)
		;
	ok(strstr(q, "\"index\":1") != NULL && strstr(q,
	    "attach.ppap_opened") != NULL && strstr(q,
	    "attach.pdf_javascript") != NULL && strstr(q,
	    "attach.encrypted_document") == NULL,
	    "an mbox's locked PDF before its password mail: judged again at "
	    "the end, opened, its JavaScript seen (%.160s)", q);
	buf_release(&out);
	unlink(in);
	unlink(outp);
}

int
main(int argc, char *argv[])
{
	struct buf	 out;
	char		 p[512], a[2048], cmd[4096];
	int		 n, idx, rc, good;

	(void)argc;
	plan_lazy();
	snprintf(a, sizeof(a), "%s", argv[0]);
	snprintf(BIN, sizeof(BIN), "%s/../bin/shindan-scan", dirname(a));
	if (!ok(access(BIN, X_OK) == 0, "shindan-scan is built (%s)", BIN))
		return done_testing();
	snprintf(TMP, sizeof(TMP), "/tmp/shindan-cli.XXXXXX");
	if (mkdtemp(TMP) == NULL)
		abort();
	buf_init(&out, 64u << 20);

	rc = run("tests/detect/data/en-02-phish-microsoft.eml "
	    "tests/detect/data/ja-03-clean-eucjp.eml", &out);
	is_int(rc, 0, "two files: exit 0");
	ok(lines_ok(out.ptr, &n, &idx, 0), "JSON lines as DESIGN.md says");
	is_int(n, 2, "one line per message");
	is_int(idx, 0, "no index outside an mbox");
	like_str(out.ptr, "\"verdict\":\"threat\"", "the phishing is a threat");
	like_str(out.ptr, "\"source\":\"tests/detect/data/ja-03-clean-eucjp.eml\","
	    "\"verdict\":\"clean\"", "the clean one is clean");

	rc = run("tests/detect/data", &out);
	is_int(rc, 0, "a directory: exit 0");
	ok(lines_ok(out.ptr, &n, &idx, 0), "its JSON");
	ok(n >= 20, "every file of it (%d)", n);

	/* An mbox of three messages. */
	put_mail(p, sizeof(p), "inbox.mbox",
	    "From alice@example.com Mon Nov  2 09:30:00 2026\n"
	    "From: alice@example.com\nSubject: one\n\nfirst\n\n"
	    "From bob@example.com Mon Nov  2 09:31:00 2026\n"
	    "From: bob@example.com\nSubject: two\n\nFrom the start, second\n\n"
	    "From carol@example.com Mon Nov  2 09:32:00 2026\n"
	    "From: \"PayPal\" <carol@example.com>\nSubject: three\n\n"
	    "Verify your account within 24 hours: "
	    "https://paypal.com.secure-login.example.net/x\n");
	snprintf(a, sizeof(a), "%s", p);
	rc = run(a, &out);
	is_int(rc, 0, "an mbox: exit 0");
	ok(lines_ok(out.ptr, &n, &idx, 0), "its JSON");
	is_int(n, 3, "three messages (a body line starting 'From ' is not one)");
	is_int(idx, 3, "each with its index");
	like_str(out.ptr, "\"index\":3,\"verdict\":\"", "numbered from 1");

	/* A Maildir. */
	mkdir_tmp("Maildir");
	mkdir_tmp("Maildir/cur");
	mkdir_tmp("Maildir/new");
	mkdir_tmp("Maildir/tmp");
	put_mail(p, sizeof(p), "Maildir/cur/1.host:2,S",
	    "From: a@example.com\nSubject: a\n\nhello\n");
	put_mail(p, sizeof(p), "Maildir/new/2.host",
	    "From: b@example.com\nSubject: b\n\nhello\n");
	put_mail(p, sizeof(p), "Maildir/tmp/3.host",
	    "From: c@example.com\nSubject: c\n\nnot delivered yet\n");
	snprintf(a, sizeof(a), "%s/Maildir", TMP);
	rc = run(a, &out);
	is_int(rc, 0, "a Maildir: exit 0");
	ok(lines_ok(out.ptr, &n, &idx, 0), "its JSON");
	is_int(n, 2, "cur and new, not tmp");

	/* A Maildir's sub-folders (Maildir++ dot-folders, Dovecot's plain
	 * ones) and loose files beside cur/ and new/; not the servers'
	 * own files there. */
	{
		static const char *const dirs[] = { "md", "md/cur", "md/new",
		    "md/tmp", "md/.Sent", "md/.Sent/cur", "md/.Sent/new",
		    "md/.Sent/tmp", "md/.Archive.2024", "md/.Archive.2024/cur",
		    "md/.Archive.2024/new", "md/Archive", "md/Archive/cur",
		    "md/Archive/new", "md/.notes", "md/courierimapkeywords" };
		static const char *const mails[] = { "md/cur/1:2,S",
		    "md/.Sent/cur/2:2,S", "md/.Archive.2024/new/3",
		    "md/Archive/cur/4:2,", "md/loose.eml" };
		static const char *const other[] = { "md/dovecot-uidlist",
		    "md/dovecot.index.cache", "md/subscriptions",
		    "md/.Sent/maildirfolder", "md/tmp/5", "md/.notes/6",
		    "md/courierimapkeywords/7" };
		size_t i;

		for (i = 0; i < nitems(dirs); i++) {
			snprintf(p, sizeof(p), "%s/%s", TMP, dirs[i]);
			mkdir(p, 0700);
		}
		for (i = 0; i < nitems(mails); i++) {
			snprintf(p, sizeof(p), "%s/%s", TMP, mails[i]);
			put(p, "From: a@example.com\nSubject: a\n\nhello\n");
		}
		for (i = 0; i < nitems(other); i++) {
			snprintf(p, sizeof(p), "%s/%s", TMP, other[i]);
			put(p, "3 V1700000000 N5\n");
		}
		snprintf(a, sizeof(a), "%s/md", TMP);
		rc = run(a, &out);
		good = lines_ok(out.ptr, &n, &idx, 0);
		ok(rc == 0 && good && n == (int)nitems(mails), "a Maildir's "
		    "sub-folders and loose files scanned, not its servers' "
		    "files (%d)", n);
		for (i = 0; i < nitems(mails); i++) {
			snprintf(p, sizeof(p), "\"%s/%s\"", TMP, mails[i]);
			like_str(out.ptr, p, "%s", mails[i]);
		}
	}

	/* An empty first message: two From_ lines at the start. */
	put_mail(a, sizeof(a), "empty-first.mbox", "From a@example.org Mon "
	    "Nov  2 09:30:00 2026\nFrom b@example.org Mon Nov  2 09:31:00 "
	    "2026\nFrom: b@example.org\nSubject: two\n\nsecond\n");
	rc = run(a, &out);
	ok(lines_ok(out.ptr, &n, &idx, 0), "an mbox with an empty first "
	    "message: its JSON");
	ok(n == 2 && idx == 2, "the empty first message counted (%d)", n);
	like_str(out.ptr, "\"index\":2,", "the second one is number 2");

	/* File names that are not UTF-8 or hold controls: the JSON stays
	 * JSON (U+FFFD for a bad byte), a terminal gets them escaped. */
	{
		static const char *const names[] = { "bad\xff.eml",
		    "esc\x1b[31mRED\x1b[0m.eml", "nl\nline.eml",
		    "rtl\xe2\x80\xaegpj.exe" };
		size_t i;

		snprintf(p, sizeof(p), "%s/names", TMP);
		mkdir(p, 0700);
		for (i = 0; i < nitems(names); i++) {
			snprintf(p, sizeof(p), "%s/names/%s", TMP, names[i]);
			put(p, "From: a@example.com\nSubject: a\n\nhello\n");
		}
		snprintf(a, sizeof(a), "%s/names", TMP);
		rc = run(a, &out);
		good = lines_ok(out.ptr, &n, &idx, 0);
		ok(rc == 0 && good && n == 4, "odd file names: JSON lines "
		    "(%d)", n);
		ok(str_valid_utf8(out.ptr, out.len, 1), "in UTF-8");
		like_str(out.ptr, "/names/bad\xef\xbf\xbd.eml\"", "a bad byte "
		    "as U+FFFD");
		like_str(out.ptr, "/names/nl\\nline.eml\"", "a newline "
		    "escaped");
		snprintf(a, sizeof(a), "--text %s/names", TMP);
		rc = run(a, &out);
		ok(strchr(out.ptr, '\033') == NULL && strstr(out.ptr,
		    "\xe2\x80\xae") == NULL && memchr(out.ptr, 0xff,
		    out.len) == NULL, "--text: no control, override or bad "
		    "byte raw");
		like_str(out.ptr, "/names/esc\\x1b[31mRED\\x1b[0m.eml: clean",
		    "--text: ESC as \\x1b");
		like_str(out.ptr, "/names/nl\\x0aline.eml: clean",
		    "--text: a newline as \\x0a, on one line");
		like_str(out.ptr, "/names/bad\\xff.eml: clean",
		    "--text: a bad byte as \\xff");
		like_str(out.ptr, "/names/rtl\\u202egpj.exe: clean",
		    "--text: an override as \\u202e");
		snprintf(cmd, sizeof(cmd), "%s '%s/gone\033[31m' 2>&1", BIN,
		    TMP);
		rc = run_cmd(cmd, &out);
		ok(rc == 2 && strchr(out.ptr, '\033') == NULL &&
		    strstr(out.ptr, "gone\\x1b[31m: No such file") != NULL,
		    "stderr: the name escaped too");
	}

	/* --graph: several JSON values one after another (JSON Lines),
	 * every message numbered across the file; one value as before. */
	{
		static const char gm[] = "{\"subject\":\"Note\",\"body\":"
		    "{\"contentType\":\"text\",\"content\":\"hello\"}}";
		static const char gt[] = "{\"subject\":\"Invoice\","
		    "\"attachments\":[{\"@odata.type\":\"#microsoft.graph."
		    "fileAttachment\",\"name\":\"invoice.pdf.exe\","
		    "\"contentType\":\"application/octet-stream\","
		    "\"contentBytes\":\"TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAA"
		    "\"}]}";
		char j[2048];

		snprintf(j, sizeof(j), "%s\n%s\n[%s,%s]\n{\"value\":[%s]}\n",
		    gm, gt, gm, gm, gm);
		put_mail(a, sizeof(a), "lines.json", j);
		snprintf(cmd, sizeof(cmd), "--graph %s", a);
		rc = run(cmd, &out);
		good = lines_ok(out.ptr, &n, &idx, 0);
		ok(rc == 0 && good && n == 5 && idx == 5, "--graph, JSON "
		    "Lines: every message, numbered (%d, %d)", n, idx);
		like_str(out.ptr, "\"index\":2,\"verdict\":\"threat\"",
		    "the second line read");
		like_str(out.ptr, "\"index\":5,", "across the file");
		snprintf(j, sizeof(j), "[]\n[%s]", gt);
		put_mail(a, sizeof(a), "two.json", j);
		snprintf(cmd, sizeof(cmd), "--graph %s", a);
		rc = run(cmd, &out);
		like_str(out.ptr, "\"index\":1,\"verdict\":\"threat\"",
		    "--graph, '[]' then an array: the array read");
		put_mail(a, sizeof(a), "one.json", gt);
		snprintf(cmd, sizeof(cmd), "--graph %s", a);
		rc = run(cmd, &out);
		good = lines_ok(out.ptr, &n, &idx, 0);
		ok(rc == 0 && good && n == 1 && idx == 0, "--graph, one "
		    "message: no index, as before");
		snprintf(j, sizeof(j), "%s\n%s\nnot json\n", gm, gt);
		put_mail(a, sizeof(a), "bad.json", j);
		snprintf(cmd, sizeof(cmd), "--graph %s", a);
		rc = run(cmd, &out);
		good = lines_ok(out.ptr, &n, &idx, 0);
		ok(rc == 2 && good && n == 2, "--graph, a value that is not "
		    "JSON: exit 2, the ones before it scanned (%d)", n);
	}

	/* Where an mbox starts and its messages split. */
	{
		static const struct {
			const char	*what, *text;
			int		 n;
		} mb[] = {
			{ "a blank line before the first From_ line",
			    "\nFrom a@example.org Mon Jan  1 00:00:00 2024\n"
			    "Subject: one\n\none\n\n"
			    "From b@example.org Mon Jan  1 00:01:00 2024\n"
			    "Subject: two\n\ntwo\n", 2 },
			{ "a UTF-8 BOM before it",
			    "\xef\xbb\xbf" "From a@example.org Mon Jan  1 "
			    "00:00:00 2024\nSubject: one\n\none\n\n"
			    "From b@example.org Mon Jan  1 00:01:00 2024\n"
			    "Subject: two\n\ntwo\n", 2 },
			{ "a body line 'From ' with two colons is no From_ "
			    "line", "From a@example.org Mon Jan  1 00:00:00 "
			    "2024\nSubject: one\n\nsee below\n\nFrom here: "
			    "to there: now\n\nFrom b@example.org Tue Jan  2 "
			    "00:01:00 2024\nSubject: two\n\ntwo\n", 2 },
			{ "postmarks without seconds, with a zone (Gmail's "
			    "export), CRLF lines",
			    "From a@b Mon Jan  1 00:00 2024\r\nSubject: one\r\n"
			    "\r\none\r\n\r\nFrom 1234@xxx Sat Nov 16 20:30:33 "
			    "+0000 2023\r\nSubject: two\r\n\r\ntwo\r\n\r\n"
			    "From c@d Thu Feb  1 09:00:00 2024 JST\r\n"
			    "Subject: three\r\n\r\nthree\r\n", 3 },
			{ "a From_ line at the end: an empty last message",
			    "From a@example.org Mon Jan  1 00:00:00 2024\n"
			    "Subject: one\n\none\n\n"
			    "From b@example.org Mon Jan  1 00:01:00 "
			    "2024\n", 2 },
		};
		size_t	 i;

		for (i = 0; i < nitems(mb); i++) {
			put_mail(a, sizeof(a), "split.mbox", mb[i].text);
			rc = run(a, &out);
			good = lines_ok(out.ptr, &n, &idx, 0);
			ok(rc == 0 && good && n == mb[i].n && idx == mb[i].n,
			    "mbox, %s: %d "
			    "messages, indexed (%d, %d)", mb[i].what, mb[i].n,
			    n, idx);
			unlike_str(out.ptr, "engine.truncated", "and each "
			    "one MIME");
		}
	}

	/* Link loops: three links to their own directory (3^17 paths
	 * before), one to its parent; a file reached through a link. */
	mkdir_tmp("loop");
	mkdir_tmp("loop/sub");
	put_mail(p, sizeof(p), "loop/a.eml",
	    "From: a@example.com\nSubject: a\n\nhello\n");
	put_mail(p, sizeof(p), "loop/sub/b.eml",
	    "From: b@example.com\nSubject: b\n\nhello\n");
	symlink_tmp(".", "loop/l1");
	symlink_tmp(".", "loop/l2");
	symlink_tmp(".", "loop/l3");
	symlink_tmp("..", "loop/sub/up");
	symlink_tmp("../a.eml", "loop/sub/same.eml");
	snprintf(cmd, sizeof(cmd), "timeout 30 %s '%s/loop' 2>&1 >/dev/null | "
	    "grep -c 'met before'", BIN, TMP);
	rc = run_cmd(cmd, &out);
	is_str(out.ptr, "4\n", "link loops: a word on stderr for each");
	snprintf(cmd, sizeof(cmd), "timeout 30 %s '%s/loop' 2>/dev/null", BIN,
	    TMP);
	rc = run_cmd(cmd, &out);
	good = lines_ok(out.ptr, &n, &idx, 0);
	ok(rc == 0 && good && n == 2, "link loops: each message once, exit 0 "
	    "(rc %d, %d messages)", rc, n);
	snprintf(cmd, sizeof(cmd), "'%s/loop/a.eml' '%s/loop/a.eml'", TMP,
	    TMP);
	rc = run(cmd, &out);
	good = lines_ok(out.ptr, &n, &idx, 0);
	ok(rc == 0 && good && n == 2, "a PATH given twice: scanned twice");

	shrink_test();
	ppap_order();
	ppap_pdf_order();

	/* Pipes and devices named as PATH: read as streams. */
	rc = run_pipe("cat tests/detect/data/en-02-phish-microsoft.eml",
	    "/dev/stdin", &out);
	ok(rc == 0 && lines_ok(out.ptr, &n, &idx, 0) && strstr(out.ptr,
	    "\"verdict\":\"threat\"") != NULL, "/dev/stdin on a pipe: read");
	rc = run_pipe("cat tests/detect/data/en-02-phish-microsoft.eml", "-",
	    &out);
	ok(rc == 0 && strstr(out.ptr, "{\"source\":\"-\",\"verdict\":"
	    "\"threat\"") != NULL, "'-': standard input");
	snprintf(cmd, sizeof(cmd), "cat '%s/inbox.mbox'", TMP);
	rc = run_pipe(cmd, "-", &out);
	ok(rc == 0 && lines_ok(out.ptr, &n, &idx, 0) && n == 3 && idx == 3,
	    "an mbox on standard input: split, indexed (%d)", n);
	snprintf(p, sizeof(p), "%s/fifo.eml", TMP);
	mkfifo(p, 0600);
	/* The writer lets go of the output and gives up after a while,
	 * in case nobody opens the FIFO. */
	snprintf(cmd, sizeof(cmd), "(timeout 30 sh -c 'cat tests/detect/data/"
	    "en-02-phish-microsoft.eml > %s' &) > /dev/null 2>&1; %s '%s' "
	    "2>/dev/null", p, BIN, p);
	rc = run_cmd(cmd, &out);
	ok(rc == 0 && lines_ok(out.ptr, &n, &idx, 0) && n == 1 &&
	    strstr(out.ptr, "\"verdict\":\"threat\"") != NULL,
	    "a FIFO: read (rc %d)", rc);
	snprintf(cmd, sizeof(cmd), "bash -c '%s <(cat tests/detect/data/en-02-"
	    "phish-microsoft.eml)' 2>/dev/null", BIN);
	if (system("command -v bash > /dev/null 2>&1") == 0) {
		rc = run_cmd(cmd, &out);
		ok(rc == 0 && strstr(out.ptr, "\"verdict\":\"threat\"") !=
		    NULL, "<(...): read");
	}
	mkdir_tmp("fifo-dir");
	snprintf(p, sizeof(p), "%s/fifo-dir/waits.eml", TMP);
	mkfifo(p, 0600);
	put_mail(p, sizeof(p), "fifo-dir/a.eml",
	    "From: a@example.com\nSubject: a\n\nhello\n");
	snprintf(a, sizeof(a), "%s/fifo-dir", TMP);
	rc = run(a, &out);
	ok(rc == 0 && lines_ok(out.ptr, &n, &idx, 0) && n == 1,
	    "a FIFO inside a directory: passed over, not waited on");

	rc = run("--text tests/detect/data/en-06-zip-exe.eml", &out);
	is_int(rc, 0, "--text: exit 0");
	like_str(out.ptr, "threat (score", "--text says the verdict");
	like_str(out.ptr, "attach.executable", "and the rules");
	rc = run("--lang ja tests/detect/data/en-06-zip-exe.eml", &out);
	like_str(out.ptr, "はプログラム", "--lang ja: Japanese evidence");
	like_str(out.ptr, "\"verdict\":\"threat\"",
	    "--lang ja: the JSON keeps its English names");
	rc = run("--text --lang ja tests/detect/data/en-06-zip-exe.eml "
	    "tests/detect/data/en-01-clean-plain.eml", &out);
	like_str(out.ptr, ": 脅威 (スコア 100)", "--text --lang ja: the verdict "
	    "in Japanese");
	like_str(out.ptr, "  高  危険な添付ファイル  attach.executable",
	    "severity and category in Japanese, the rule id as is");
	like_str(out.ptr, ": 問題なし (スコア 0)", "a clean mail in Japanese");
	like_str(out.ptr, "2 通: 脅威 1、潜在的な脅威 0、問題なし 1",
	    "the summary in Japanese");
	unlike_str(out.ptr, "risky_attachment", "no English label left");
	rc = run("--detail tests/detect/data/en-06-zip-exe.eml", &out);
	ok(lines_ok(out.ptr, &n, &idx, 1), "--detail: JSON");
	like_str(out.ptr, "\"sha256\":\"", "with the structured fields");
	rc = run("--own-domain contoso.com tests/detect/data/"
	    "en-12-spoof-own.eml", &out);
	like_str(out.ptr, "sender.spoof_own_domain", "--own-domain is used");
	/* The reader: a mail sent by Bcc greets them by the mailbox's
	 * address, which its To line does not name; their own mail, as
	 * Sent Items holds it, names its writer and greets nobody. */
	put_mail(a, sizeof(a), "bcc.eml", "From: IT <it@mail-notice.example>"
	    "\nTo: undisclosed-recipients:;\nSubject: Mailbox notice\n\nDear "
	    "taro.yamada, your mailbox is almost full.\n");
	put_mail(a, sizeof(a), "sent.eml", "From: Taro Yamada <taro.yamada@"
	    "contoso.com>\nTo: Robert Smith <r.smith@fabrikam.com>\nSubject: "
	    "Slides\n\nHello Robert, write to taro.yamada@contoso.com for the "
	    "slides.\n");
	{
		static const struct {
			const char	*opt, *file, *what;
			int		 greets;
		} rd[] = {
			{ "", "bcc.eml", "without --mailbox: the To line names "
			    "nobody", 0 },
			{ "--mailbox taro.yamada@contoso.com", "bcc.eml",
			    "--mailbox: the reader greeted by their address", 1 },
			{ "--mailbox taro.yamada@contoso.com", "sent.eml",
			    "--mailbox: the reader's own mail is no greeting", 0 },
		};
		size_t i;

		for (i = 0; i < nitems(rd); i++) {
			snprintf(cmd, sizeof(cmd), "%s %s/%s", rd[i].opt, TMP,
			    rd[i].file);
			rc = run(cmd, &out);
			ok((strstr(out.ptr, "content.address_greeting") !=
			    NULL) == rd[i].greets, "%s", rd[i].what);
		}
	}
	snprintf(cmd, sizeof(cmd), "--mailbox nobody %s/bcc.eml", TMP);
	rc = run(cmd, &out);
	ok(rc == 2 && out.len == 0, "--mailbox without '@': exit 2, nothing "
	    "scanned");
	rc = run("--list-rules", &out);
	is_int(rc, 0, "--list-rules: exit 0");
	like_str(out.ptr, "| `url.lookalike_brand` |", "the rule table");

	snprintf(a, sizeof(a), "%s/nothing-here tests/detect/data/"
	    "en-01-clean-plain.eml", TMP);
	rc = run(a, &out);
	is_int(rc, 2, "a missing path: exit 2");
	ok(lines_ok(out.ptr, &n, &idx, 0) && n == 1,
	    "the other paths are still scanned");
	is_int(run("", &out), 2, "no path: exit 2");
	is_int(run("--lang fr x", &out), 2, "a bad option: exit 2");
	is_int(run("--feed /nonexistent/feed.txt x", &out), 2,
	    "an unreadable feed: exit 2");

	/* Progress: 1,001 messages in an mbox, the results to a file and
	 * stderr on a terminal; then stderr to a file. */
	{
		struct buf	 tty = BUF_INIT, res = BUF_INIT;
		FILE		*fp;
		char		 mb[256], line[4096];
		int		 k, sum, have;

		snprintf(mb, sizeof(mb), "%s/big.mbox", TMP);
		fp = fopen(mb, "w");
		for (k = 1; k <= 1001; k++)
			fprintf(fp, "From sender@example.net Mon Nov 30 10:00:00 "
			    "2026\nFrom: sender@example.net\nSubject: note %d\n"
			    "\nShort note number %d.\n\n", k, k);
		fclose(fp);
		/* Between the two, a path that is not there: its error on
		 * a line of its own, the progress line erased first. */
		snprintf(a, sizeof(a), "script -qec \"%s '%s' '%s/missing' "
		    "> '%s/big.json'\" /dev/null", BIN, mb, TMP, TMP);
		have = system("command -v script > /dev/null 2>&1") == 0;
		if (!have)
			ok(1, "progress # SKIP script(1) is not installed");
		else if ((fp = popen(a, "r")) != NULL) {
			while (fgets(line, sizeof(line), fp) != NULL)
				buf_adds(&tty, line);
			pclose(fp);
		}
		if (have)
			like_str(tty.ptr, "\rshindan-scan: 500 messages (0 "
			    "threat, 0 potential, 500 clean)\033[K",
			    "progress: a line on the terminal, rewritten in "
			    "place");
		if (have) {
			like_str(tty.ptr, "shindan-scan: 1001 messages (0 "
			    "threat, 0 potential, 1001 clean) in ",
			    "progress: the sum at the end");
			snprintf(line, sizeof(line), "clean)\033[K\r\033[K"
			    "shindan-scan: %s/missing: No such file", TMP);
			like_str(tty.ptr, line, "progress: an error on a line "
			    "of its own");
		}
		snprintf(a, sizeof(a), "%s/big.json", TMP);
		sum = 0;
		if ((fp = fopen(a, "r")) != NULL) {
			while (fgets(line, sizeof(line), fp) != NULL) {
				sum++;
				buf_adds(&res, line);
			}
			fclose(fp);
		}
		if (have)
			is_int(sum, 1001, "progress: every result in the "
			    "file");
		if (have)
			ok(res.ptr != NULL && strchr(res.ptr, '\r') == NULL &&
			    strchr(res.ptr, '\033') == NULL,
			    "progress: nothing of it in the results");
		snprintf(a, sizeof(a), "%s '%s' > /dev/null 2> '%s/err.txt'",
		    BIN, mb, TMP);
		ok(system(a) == 0, "stderr to a file: exit 0");
		snprintf(a, sizeof(a), "%s/err.txt", TMP);
		{
			struct stat st;

			ok(stat(a, &st) == 0 && st.st_size == 0,
			    "no progress when stderr is no terminal");
		}
		buf_release(&tty);
		buf_release(&res);
	}

	snprintf(a, sizeof(a), "rm -rf '%s'", TMP);
	if (system(a) != 0)
		diag("could not remove %s", TMP);
	buf_release(&out);
	return done_testing();
}
