/* outbox: queueing (see outbox.h); delivery lives in mail/. */
#include <stdio.h>

#include "outbox.h"

int
outbox_queue(struct db *db, struct arena *a, long long account_id,
    const char *kind, const char *lang, const char *recipient,
    const char *params_json, const char *dedupe)
{
	PGresult	*r;
	char		 id[24];

	snprintf(id, sizeof(id), "%lld", account_id);
	r = db_qv(db, a, STMT_OUTBOX_INSERT, 6, account_id > 0 ? id : NULL,
	    kind, lang, recipient, params_json != NULL ? params_json : "{}",
	    dedupe);
	if (r == NULL)
		return -1;
	return PQntuples(r) > 0 ? 1 : 0;
}
