/* 14-conf: defaults, the parser's refusals, secret files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"
#include "tap.h"

static const char *
write_tmp(const char *content, int mode)
{
	static char	 path[64];
	FILE		*f;

	snprintf(path, sizeof(path), "/tmp/shindan-t14-%d", (int)getpid());
	f = fopen(path, "w");
	fputs(content, f);
	fclose(f);
	chmod(path, mode);
	return path;
}

int
main(void)
{
	struct conf	 c;
	const char	*p;
	char		*s;

	is_int(conf_load(&c, NULL), 0, "defaults alone");
	is_int(c.session_idle, 1800, "idle timeout defaults to 30 minutes");
	is_int(c.session_max, 43200, "absolute lifetime defaults to 12 hours");
	is_int(c.autostart_delay, 300, "auto-start after 5 minutes");
	is_int(c.retention_days, 30, "results kept 30 days");
	is_str(c.graph_base, "https://graph.microsoft.com/v1.0", "Graph default");
	conf_free(&c);

	p = write_tmp("# comment\n\nbase_url = https://shindan.example.com/\n"
	    "  workers=8  \nsession_idle = 600\ndefault_lang = ja\n", 0644);
	is_int(conf_load(&c, p), 0, "a valid file");
	is_str(c.base_url, "https://shindan.example.com", "trailing slash removed");
	is_int(c.workers, 8, "spaces around = are fine");
	is_int(c.session_idle, 600, "an int key");
	is_str(c.default_lang, "ja", "a string key");
	conf_free(&c);

	p = write_tmp("bse_url = x\n", 0644);
	is_int(conf_load(&c, p), -1, "an unknown key is an error");
	conf_free(&c);
	p = write_tmp("workers = many\n", 0644);
	is_int(conf_load(&c, p), -1, "a non-number is an error");
	conf_free(&c);
	p = write_tmp("workers = 0\n", 0644);
	is_int(conf_load(&c, p), -1, "a number out of range is an error");
	conf_free(&c);
	p = write_tmp("just words\n", 0644);
	is_int(conf_load(&c, p), -1, "a line without = is an error");
	conf_free(&c);
	p = write_tmp("default_lang = fr\n", 0644);
	is_int(conf_load(&c, p), -1, "an unsupported language is an error");
	conf_free(&c);
	is_int(conf_load(&c, "/nonexistent/shindan.conf"), -1, "a missing file is an error");
	conf_free(&c);
	unlink(p);

	p = write_tmp("s3cret\n", 0600);
	s = conf_secret(p);
	is_str(s, "s3cret", "a 0600 secret is read without its newline");
	free(s);
	p = write_tmp("s3cret\n", 0640);
	ok(conf_secret(p) == NULL, "a secret readable by the group is refused");
	unlink(p);
	ok(conf_secret("/nonexistent") == NULL, "a missing secret is refused");
	return done_testing();
}
