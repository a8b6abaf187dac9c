/*
 * pages_results: the routes of /results and the reports, included in
 * the route table of pages.c (which defines struct page, the P_ flags
 * and the validators v_text, v_one, v_token, v_lang).  Declare the
 * fields here as static const struct field arrays, then list the routes
 * in PAGES_RESULTS, each as a struct page initializer followed by a comma.
 */
#define PAGES_RESULTS
