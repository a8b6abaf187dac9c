/*
 * i18n_results: the words of the results pages (/results and the
 * reports), X(id, English, Japanese) as in i18n.h.
 */
#define I18N_RESULTS
