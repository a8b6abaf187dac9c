/*
 * pages_results: the routes of /results and the reports, included in
 * the route table of pages.c (which defines struct page, the P_ flags
 * and the validators v_text, v_one, v_token, v_lang).  Declare the
 * fields here as static const struct field arrays, then list the routes
 * in PAGES_RESULTS, each as a struct page initializer followed by a comma.
 *
 * An empty value means "no filter" (a form's "All" option sends one).
 */

/* A row id: up to 18 digits, or empty. */
static int
v_id(const char *s)
{
	return strlen(s) <= 18 && strspn(s, "0123456789") == strlen(s);
}

static int
v_category(const char *s)
{
	static const char *const c[] = { "", "malware", "phishing",
	    "suspicious_url", "spoofing", "impersonation", "risky_attachment",
	    "spam" };
	size_t	 i;

	for (i = 0; i < nitems(c); i++)
		if (strcmp(s, c[i]) == 0)
			return 1;
	return 0;
}

static int
v_severity(const char *s)
{
	return *s == '\0' || strcmp(s, "high") == 0 ||
	    strcmp(s, "medium") == 0 || strcmp(s, "low") == 0;
}

static int
v_sort(const char *s)
{
	return *s == '\0' || strcmp(s, "new") == 0 || strcmp(s, "old") == 0 ||
	    strcmp(s, "sev") == 0;
}

static const struct field q_results[] = {
	{ "lang", v_lang, 16, 0 },
	{ "category", v_category, 32, 0 },
	{ "severity", v_severity, 8, 0 },
	{ "mailbox", v_id, 18, 0 },
	{ "sort", v_sort, 8, 0 },
	{ "after", v_id, 18, 0 },
	{ "before", v_id, 18, 0 },
	{ "deleted", v_one, 1, 0 },
	{ NULL, NULL, 0, 0 }
};

static const struct field q_detection[] = {
	{ "lang", v_lang, 16, 0 },
	{ "id", v_id, 18, 0 },
	{ NULL, NULL, 0, 0 }
};

static const struct field f_confirm_csrf[] = {
	{ "csrf", v_token, 64, 0 },
	{ "confirm", v_one, 1, 0 },
	{ NULL, NULL, 0, 0 }
};

/* The downloads are not pages for browsers (no unsupported-browser
 * page); without a session they lead to /signin like every page. */
#define PAGES_RESULTS \
	{ "/results", M_GET | M_HEAD, P_HTML | P_SESSION, page_results, \
	    q_results, NULL }, \
	{ "/results/detection", M_GET | M_HEAD, P_HTML | P_SESSION, \
	    page_results_detection, q_detection, NULL }, \
	{ "/results/report.pdf", M_GET | M_HEAD, P_SESSION, page_report_pdf, \
	    q_lang, NULL }, \
	{ "/results/report.csv", M_GET | M_HEAD, P_SESSION, page_report_csv, \
	    q_lang, NULL }, \
	{ "/results/rescan", M_GET | M_HEAD | M_POST, P_HTML | P_SESSION, \
	    page_results_rescan, q_lang, f_confirm_csrf }, \
	{ "/results/delete", M_GET | M_HEAD | M_POST, P_HTML | P_SESSION, \
	    page_results_delete, q_lang, f_confirm_csrf }, \
	{ "/account/delete", M_GET | M_HEAD | M_POST, P_HTML | P_SESSION, \
	    page_account_delete, q_lang, f_confirm_csrf },
