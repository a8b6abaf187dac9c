/*
 * notify: the runner's three mails, queued in the outbox in the
 * transaction of the change they report (so a mail is never lost and
 * never sent for a change that did not happen; the dedupe key makes a
 * second queueing a no-op).  The mailer renders them from
 * mail/templates/scan_{started,done,failed}.{en,ja}.{txt,html} with the
 * account's address and confirmation number and these params: times in
 * the account's language (UTC for English, Japan time for Japanese), the
 * exact figures, and for a failure what went wrong and what to do, in
 * words of our own (no Microsoft error text reaches a mail).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "outbox.h"
#include "runner.h"
#include "util.h"

struct reason {
	const char	*code;
	const char	*en, *en_do;
	const char	*ja, *ja_do;
};

static const struct reason reasons[] = {
	{ "reauth_required",
	  "Microsoft no longer accepts the permission you granted to Shindan "
	  "(it was withdrawn, or it expired).",
	  "Sign in to Shindan and start the check-up again; you will be asked "
	  "to grant permission again.",
	  "Shindan に付与いただいたアクセス許可が Microsoft で無効になりました"
	  " (取り消されたか、有効期限が切れました)。",
	  "Shindan にサインインして、もう一度診断を開始してください。改めてアク"
	  "セス許可の付与をお願いします。" },
	{ "consent_revoked",
	  "Your organisation's consent for Shindan was withdrawn, so its "
	  "mailboxes could no longer be read.",
	  "Sign in to Shindan and start the check-up again; a Global "
	  "Administrator must grant consent again.",
	  "組織による Shindan への同意が取り消されたため、メールボックスを読み"
	  "取れなくなりました。",
	  "Shindan にサインインして、もう一度診断を開始してください。全体管理者"
	  "による同意が改めて必要です。" },
	{ "no_mailbox",
	  "The account has no Exchange Online mailbox that can be read (it is "
	  "inactive, deleted or hosted on-premises).",
	  "Start the check-up again with an account that has a Microsoft 365 "
	  "mailbox.",
	  "このアカウントには読み取り可能な Exchange Online のメールボックスが"
	  "ありません (無効、削除済み、またはオンプレミス)。",
	  "Microsoft 365 のメールボックスを持つアカウントで、もう一度診断を開始"
	  "してください。" },
	{ "access_denied",
	  "Microsoft refused access to the mailbox; an administrator may have "
	  "restricted what the application can read.",
	  "Ask your Microsoft 365 administrator to allow Shindan to read the "
	  "mailbox, then start the check-up again.",
	  "Microsoft がメールボックスへのアクセスを拒否しました。管理者がアプリ"
	  "ケーションのアクセスを制限している可能性があります。",
	  "Microsoft 365 の管理者に Shindan によるメールボックスの読み取りを許"
	  "可するよう依頼してから、もう一度診断を開始してください。" },
	{ "credential_unreadable",
	  "The permission stored for this check-up could not be read.",
	  "Sign in to Shindan and start the check-up again.",
	  "この診断のために保存したアクセス許可を読み取れませんでした。",
	  "Shindan にサインインして、もう一度診断を開始してください。" },
	{ "token_unavailable",
	  "Microsoft's sign-in service stayed unavailable for too long (Shindan "
	  "kept trying for a day), so your mail could no longer be read.",
	  "Sign in to Shindan and start the check-up again later. If it fails "
	  "again, contact the operator of this service.",
	  "Microsoft のサインイン サービスが長時間 (1 日にわたって再試行しまし"
	  "た) 利用できなかったため、メールを読み取れなくなりました。",
	  "時間をおいて Shindan にサインインし、もう一度診断を開始してください。"
	  "再び失敗する場合は、このサービスの運営者にお問い合わせください。" },
	{ NULL,
	  "The check-up could not be completed: Microsoft 365 did not answer "
	  "reliably enough, even after many attempts.",
	  "Sign in to Shindan and start the check-up again later. If it fails "
	  "again, contact the operator of this service.",
	  "Microsoft 365 からの応答が不安定なため、何度か試みましたが診断を完了"
	  "できませんでした。",
	  "時間をおいて Shindan にサインインし、もう一度診断を開始してください。"
	  "再び失敗する場合は、このサービスの運営者にお問い合わせください。" },
};

static const struct reason *
reason_of(const char *code)
{
	size_t	 i;

	for (i = 0; reasons[i].code != NULL; i++)
		if (code != NULL && strcmp(code, reasons[i].code) == 0)
			return &reasons[i];
	if (code != NULL && strcmp(code, "no_credential") == 0)
		return &reasons[4];
	return &reasons[i];
}

static char *
fmt_time(struct arena *a, const char *lang, long long t)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;
	char		 s[64];

	if (t <= 0)
		return arena_strdup(a, "-");
	if (strcmp(lang, "ja") == 0) {
		tt += 9 * 3600;
		gmtime_r(&tt, &tm);
		strftime(s, sizeof(s), "%Y年%m月%d日 %H:%M (日本時間)", &tm);
	} else {
		gmtime_r(&tt, &tm);
		strftime(s, sizeof(s), "%Y-%m-%d %H:%M UTC", &tm);
	}
	return arena_strdup(a, s);
}

static char *
fmt_date(struct arena *a, const char *lang, long long t)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t + (strcmp(lang, "ja") == 0 ? 9 * 3600 : 0);
	char		 s[64];

	if (t <= 0)
		return arena_strdup(a, "-");
	gmtime_r(&tt, &tm);
	strftime(s, sizeof(s), strcmp(lang, "ja") == 0 ? "%Y年%m月%d日" :
	    "%Y-%m-%d", &tm);
	return arena_strdup(a, s);
}

/* 1234567 -> "1,234,567". */
static char *
fmt_count(struct arena *a, long long n)
{
	char	 d[32], out[48];
	size_t	 len, i, k = 0;

	snprintf(d, sizeof(d), "%lld", n < 0 ? 0 : n);
	len = strlen(d);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = d[i];
	}
	out[k] = '\0';
	return arena_strdup(a, out);
}

static void
put(cJSON *o, const char *k, const char *v)
{
	cJSON_AddStringToObject(o, k, v != NULL ? v : "");
}

static const char *
target_of(struct arena *a, const PGresult *res, const char *lang)
{
	const char	*scope = db_get(res, 0, "scope");
	const char	*mail = db_get(res, 0, "user_mail");

	if (scope != NULL && strcmp(scope, "mailbox") == 0)
		return mail != NULL ? mail : db_get(res, 0, "user_upn");
	return arena_printf(a, strcmp(lang, "ja") == 0 ?
	    "組織のすべてのメールボックス (テナント %s)" :
	    "every mailbox of your organisation (tenant %s)",
	    db_get(res, 0, "tenant_id") != NULL ?
	    db_get(res, 0, "tenant_id") : "-");
}

static int
queue(struct runner *r, struct arena *a, const PGresult *res,
    const char *kind, cJSON *params, long long id)
{
	char	*json = cJSON_PrintUnformatted(params);
	int	 rc;

	rc = outbox_queue(&r->db, a, db_get_ll(res, 0, "account_id", 0), kind,
	    db_get(res, 0, "lang"), db_get(res, 0, "email"), json,
	    arena_printf(a, "%s:%lld", kind, id));
	cJSON_free(json);
	cJSON_Delete(params);
	return rc == -1 ? -1 : 0;
}

int
notify_started(struct runner *r, struct arena *a, long long id)
{
	PGresult	*res;
	cJSON		*p;
	const char	*lang;

	res = db_qv(&r->db, a, STMT_RUN_NOTIFY_DATA, 1,
	    arena_printf(a, "%lld", id));
	if (res == NULL || PQntuples(res) != 1)
		return -1;
	lang = db_get(res, 0, "lang");
	p = cJSON_CreateObject();
	put(p, "started", fmt_time(a, lang, db_get_ll(res, 0, "started", 0)));
	put(p, "target", target_of(a, res, lang));
	put(p, "window_days", arena_printf(a, "%d",
	    r->conf->scan_window_days));
	put(p, "window_from", fmt_date(a, lang, db_get_ll(res, 0, "wfrom",
	    0)));
	put(p, "window_to", fmt_date(a, lang, db_get_ll(res, 0, "wto", 0)));
	return queue(r, a, res, "scan_started", p, id);
}

int
notify_finished(struct runner *r, struct arena *a, long long id)
{
	PGresult		*res;
	cJSON			*p;
	const char		*lang, *state;
	const struct reason	*why;
	int			 ja;

	res = db_qv(&r->db, a, STMT_RUN_NOTIFY_DATA, 1,
	    arena_printf(a, "%lld", id));
	if (res == NULL || PQntuples(res) != 1)
		return -1;
	lang = db_get(res, 0, "lang");
	ja = strcmp(lang, "ja") == 0;
	state = db_get(res, 0, "state");
	p = cJSON_CreateObject();
	put(p, "started", fmt_time(a, lang, db_get_ll(res, 0, "started", 0)));
	put(p, "finished", fmt_time(a, lang, db_get_ll(res, 0, "finished",
	    0)));
	put(p, "target", target_of(a, res, lang));
	put(p, "window_from", fmt_date(a, lang, db_get_ll(res, 0, "wfrom",
	    0)));
	put(p, "window_to", fmt_date(a, lang, db_get_ll(res, 0, "wto", 0)));
	put(p, "messages", fmt_count(a, db_get_ll(res, 0, "messages_scanned",
	    0)));
	put(p, "threats", fmt_count(a, db_get_ll(res, 0, "threats", 0)));
	put(p, "potentials", fmt_count(a, db_get_ll(res, 0, "potentials", 0)));
	put(p, "mailboxes", fmt_count(a, db_get_ll(res, 0, "mailboxes_done",
	    0)));
	put(p, "mailboxes_total", fmt_count(a, db_get_ll(res, 0,
	    "mailboxes_total", 0)));
	put(p, "mailboxes_skipped", fmt_count(a, db_get_ll(res, 0,
	    "mailboxes_skipped", 0)));
	put(p, "mailboxes_failed", fmt_count(a, db_get_ll(res, 0,
	    "mailboxes_failed", 0)));
	if (state != NULL && strcmp(state, "done") == 0)
		return queue(r, a, res, "scan_done", p, id);
	why = reason_of(db_get(res, 0, "error"));
	put(p, "reason", ja ? why->ja : why->en);
	put(p, "advice", ja ? why->ja_do : why->en_do);
	return queue(r, a, res, "scan_failed", p, id);
}
