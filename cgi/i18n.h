/*
 * i18n: every word the portal shows, in English and Japanese.
 *
 * A message is X(id, English, Japanese).  Strings are our own literals
 * (they may hold markup only where the id ends in _HTML); values from
 * users are never formatted into them, they are written next to them
 * through html_text().
 */
#ifndef SHINDAN_I18N_H
#define SHINDAN_I18N_H

enum lang {
	LANG_EN,
	LANG_JA,
	LANG__MAX
};

#define I18N_MESSAGES \
X(M_PRODUCT, "Shindan", "Shindan 診断") \
X(M_TITLE, "Free cloud mail security check-up", \
    "クラウドメールの無料セキュリティ診断") \
X(M_LANGUAGE, "Language", "言語") \
X(M_SKIP, "Skip to content", "本文へ移動") \
X(M_FOOTER, "Shindan reads mail only to look for threats; it stores " \
    "what it detects, never your mail.", \
    "Shindan は脅威を探すためだけにメールを読み取ります。保存するのは検出結果だけで、" \
    "メール本文は保存しません。") \
/* sign-up */ \
X(M_SIGNUP_LEAD, "Check the mailboxes of your Microsoft 365 organisation " \
    "for phishing, malware and fraud mail from the last 30 days. Enter " \
    "the address where we should send your confirmation number and the " \
    "results.", \
    "Microsoft 365 のメールボックスに届いた過去 30 日分のメールから、フィッシング、" \
    "マルウェア、詐欺メールを探します。確認番号と診断結果をお送りするメールアドレスを" \
    "入力してください。") \
X(M_EMAIL, "Email address", "メールアドレス") \
X(M_EMAIL_HINT, "Used to sign in and for notification mails. The mailbox " \
    "to scan is chosen later.", \
    "サインインと通知メールに使います。診断するメールボックスは後で選びます。") \
X(M_TERMS_TITLE, "Terms of use and consent", "利用規約と同意事項") \
X(M_TERMS_1, "Shindan reads the mail of the mailboxes you authorise, " \
    "for the last 30 days, only to look for threats.", \
    "Shindan は、あなたが許可したメールボックスの過去 30 日分のメールを、脅威を探す目的に" \
    "限って読み取ります。") \
X(M_TERMS_2, "It stores the detections (sender, subject, time and why " \
    "the mail was flagged), never the mail itself, and deletes them " \
    "automatically after the retention period.", \
    "保存するのは検出結果（送信者、件名、日時、検出理由）だけで、メールそのものは" \
    "保存しません。検出結果は保存期間が過ぎると自動的に削除されます。") \
X(M_TERMS_3, "The organisation's audit log will show the reads. You can " \
    "cancel before the scan starts and delete your data at any time.", \
    "読み取りは組織の監査ログに記録されます。診断開始前の取り消しと、データの削除は" \
    "いつでもできます。") \
X(M_TERMS_4, "The check-up is provided as is, without warranty.", \
    "本診断は現状のまま提供され、いかなる保証もありません。") \
X(M_AGREE, "I have read the terms of use and agree to them.", \
    "利用規約を読み、同意します。") \
X(M_SIGNUP, "Sign up", "サインアップ") \
X(M_HAVE_NUMBER, "Already have a confirmation number?", \
    "確認番号をお持ちの方") \
X(M_SIGNIN_LINK, "Sign in", "サインイン") \
X(M_ERR_EMAIL, "Enter a valid email address, such as name@example.com.", \
    "name@example.com のような正しいメールアドレスを入力してください。") \
X(M_ERR_AGREE, "Tick the box to agree to the terms of use.", \
    "利用規約に同意する場合はチェックを入れてください。") \
/* confirmation */ \
X(M_CONFIRM_TITLE, "Confirm your email address", \
    "メールアドレスの確認") \
X(M_CONFIRM_LEAD, "We will register this address and send it your " \
    "confirmation number. Is it right?", \
    "このアドレスを登録し、確認番号をお送りします。よろしいですか？") \
X(M_CONFIRM, "Confirm", "確認") \
X(M_BACK, "Back", "戻る") \
/* mail sent */ \
X(M_SENT_TITLE, "Check your mail", "メールをご確認ください") \
X(M_SENT_LEAD, "We have sent a mail to this address with your " \
    "confirmation number and a link to sign in. It should arrive within " \
    "a few minutes; look in the junk mail folder if it does not.", \
    "このアドレスに、確認番号とサインイン用のリンクを記載したメールをお送りしました。" \
    "数分以内に届きます。届かない場合は迷惑メールフォルダーもご確認ください。") \
/* sign-in */ \
X(M_SIGNIN_TITLE, "Sign in", "サインイン") \
X(M_SIGNIN_LEAD, "Enter your email address and the confirmation number " \
    "from our mail.", \
    "メールアドレスと、メールに記載された確認番号を入力してください。") \
X(M_CODE, "Confirmation number", "確認番号") \
X(M_CODE_HINT, "12 letters and digits, as in XXXX-XXXX-XXXX. Dashes and " \
    "case do not matter.", \
    "XXXX-XXXX-XXXX の形式の 12 文字の英数字です。ハイフンの有無、大文字小文字は問いません。") \
X(M_SIGNIN_FAILED, "We could not sign you in with this address and " \
    "number. Check both against our mail. After many attempts, signing in " \
    "is paused for a while: wait 15 minutes and try again.", \
    "このアドレスと確認番号ではサインインできませんでした。メールの記載と照らし合わせて" \
    "ご確認ください。試行が多い場合はしばらくサインインが停止されます。15 分ほど待ってから" \
    "再度お試しください。") \
X(M_NO_NUMBER, "No number yet, or lost it?", "確認番号がない、または紛失した場合") \
X(M_SIGNUP_AGAIN, "Sign up again with the same address: we will mail " \
    "your number again.", \
    "同じアドレスで再度サインアップしてください。確認番号を再送します。") \
/* app */ \
X(M_APP_TITLE, "Main screen", "メイン画面") \
X(M_SIGNED_IN_AS, "Signed in as", "サインイン中:") \
X(M_SIGNOUT, "Sign out", "サインアウト") \
X(M_APP_LEAD, "Choose the cloud service whose mail should be checked.", \
    "診断するクラウドメールのサービスを選択してください。") \
X(M_SIGNED_OUT, "You have signed out.", "サインアウトしました。") \
/* service and scope (steps 6-7) */ \
X(M_SERVICE_LEGEND, "Cloud service", "クラウドサービス") \
X(M_SVC_M365, "Microsoft 365 (Office 365)", "Microsoft 365 (Office 365)") \
X(M_SVC_M365_NOTE, "Exchange Online mailboxes", "Exchange Online のメールボックス") \
X(M_SVC_GSUITE, "Google Workspace (G Suite)", "Google Workspace (G Suite)") \
X(M_SVC_WINDOWS, "Windows", "Windows") \
X(M_SVC_MACOS, "macOS", "macOS") \
X(M_SVC_OUT, "Not covered by this service", "本サービスの対象外") \
X(M_OUT_OF_SCOPE, "Only Microsoft 365 can be checked here. Google " \
    "Workspace, Windows and macOS are shown for reference but are out of " \
    "scope for this service: choose Microsoft 365 to go on.", \
    "本サービスで診断できるのは Microsoft 365 のみです。Google Workspace、Windows、" \
    "macOS は参考として表示していますが対象外です。続けるには Microsoft 365 を選択してください。") \
X(M_NEXT, "Next", "次へ") \
X(M_SCOPE_TITLE, "What should be scanned?", "スキャンする範囲の選択") \
X(M_SCOPE_LEAD, "Choose the mailboxes to check. You will then sign in at " \
    "Microsoft and accept the permissions.", \
    "診断するメールボックスの範囲を選択してください。続いて Microsoft でサインインし、" \
    "アクセス許可を承諾します。") \
X(M_SCOPE_ORG, "All mailboxes in the organisation", \
    "組織内のすべてのメールボックスを検索") \
X(M_SCOPE_ORG_NOTE, "Every mailbox of your Microsoft 365 tenant. A Global " \
    "Administrator must sign in and consent for the organisation. This " \
    "takes long: from an hour to several for large organisations.", \
    "Microsoft 365 テナント内のすべてのメールボックスを検索します。全体管理者が" \
    "サインインし、組織として同意する必要があります。非常に長い時間（大規模な組織では" \
    "数時間）がかかります。") \
X(M_SCOPE_MAILBOX, "My mailbox", "メールボックスをスキャン") \
X(M_SCOPE_MAILBOX_NOTE, "Only the mailbox of the account that signs in " \
    "at Microsoft. Faster; the time grows with the number of mails.", \
    "Microsoft でサインインしたアカウントのメールボックスのみを検索します。組織全体より" \
    "短時間で終わりますが、メールの件数に応じて時間がかかります。") \
X(M_GRANT, "Grant permission", "権限の付与") \
X(M_ERR_SCOPE, "Choose one of the two scopes.", "範囲をどちらか選択してください。") \
X(M_PENDING_CONSENT, "You started granting permission at Microsoft. If " \
    "that window was closed, choose again.", \
    "Microsoft での権限付与の途中です。画面を閉じてしまった場合は、もう一度選択してください。") \
X(M_CANCELLED, "The assessment was cancelled and its permission deleted. " \
    "You can start again whenever you like.", \
    "診断をキャンセルし、付与された権限を削除しました。いつでも再度開始できます。") \
X(M_BUSY, "An assessment is already under way for this account.", \
    "このアカウントではすでに診断が進行中です。") \
/* granted and started (steps 10-12) */ \
X(M_GRANTED_TITLE, "Permission granted", "権限の付与") \
X(M_GRANTED_OK, "Permission granted successfully.", "権限が正常に付与されました。") \
X(M_GRANTED_ORG, "Scope: every mailbox of the organisation (tenant)", \
    "範囲: 組織（テナント）内のすべてのメールボックス") \
X(M_GRANTED_MAILBOX, "Scope: the mailbox", "範囲: メールボックス") \
X(M_GRANTED_AUTO, "The assessment starts by itself when the time below " \
    "runs out. Press Start assessment to begin now, or Back to cancel and " \
    "delete the permission.", \
    "下の時間が経過すると診断は自動的に開始されます。すぐに開始するには「診断の開始」を、" \
    "キャンセルして権限を削除するには「戻る」を押してください。") \
X(M_TIME_LEFT, "Starts in", "開始まで") \
X(M_STARTING, "Starting now.", "まもなく開始します。") \
X(M_START_WAITING, "The scan has not started yet: Microsoft's sign-in " \
    "service is not answering at the moment. It starts by itself when the " \
    "service is back; there is nothing you need to do.", \
    "スキャンはまだ開始していません。現在 Microsoft のサインイン サービスが" \
    "応答していません。サービスが復旧すると自動的に開始します。操作は必要" \
    "ありません。") \
X(M_START, "Start assessment", "診断の開始") \
X(M_STARTED_TITLE, "The assessment has started", "診断を開始しました") \
X(M_STARTED_LEAD, "We will mail the results to this address:", \
    "診断結果は次のメールアドレスに送付されます。") \
X(M_STARTED_CLOSE, "You will get a mail when the scan starts and another " \
    "when it ends. You may close the browser now.", \
    "診断開始時と完了時にメールでお知らせします。ブラウザーは閉じて構いません。") \
X(M_SEE_PROGRESS, "See the progress", "進捗を見る") \
/* OAuth outcomes */ \
X(M_OAUTH_TITLE, "Permission was not granted", "権限が付与されませんでした") \
X(M_OAUTH_STATE, "This answer from Microsoft cannot be used: it was " \
    "already used, it is older than 10 minutes, or it belongs to another " \
    "browser session. Nothing was granted. Choose the scope again to " \
    "start over.", \
    "この Microsoft からの応答は使用できません。すでに使用済みか、10 分以上経過しているか、" \
    "別のブラウザーセッションのものです。権限は付与されていません。範囲をもう一度選択して" \
    "やり直してください。") \
X(M_OAUTH_DENIED, "The permissions were not accepted at Microsoft " \
    "(Cancel was pressed, or the account may not consent). Nothing was " \
    "granted. To try again, choose the scope and accept the permissions.", \
    "Microsoft でアクセス許可が承諾されませんでした（キャンセルが押されたか、このアカウント" \
    "では同意できません）。権限は付与されていません。やり直すには範囲を選択し、" \
    "アクセス許可を承諾してください。") \
X(M_OAUTH_ADMIN, "Only a Global Administrator of the organisation can " \
    "grant access to every mailbox. Sign in with such an account, or choose " \
    "My mailbox.", \
    "組織内のすべてのメールボックスへのアクセスを付与できるのは全体管理者のみです。" \
    "全体管理者のアカウントでサインインするか、「メールボックスをスキャン」を選択してください。") \
X(M_OAUTH_TENANT, "The organisation that signed in is not the one that " \
    "granted the permission. Nothing was granted. Sign in with an " \
    "account of the organisation you consented for.", \
    "サインインした組織が、権限を付与した組織と一致しません。権限は付与されていません。" \
    "同意した組織のアカウントでサインインしてください。") \
X(M_OAUTH_PERSONAL, "This is a personal Microsoft account. Shindan checks " \
    "Microsoft 365 work or school mailboxes: sign in with such an account.", \
    "個人用 Microsoft アカウントです。Shindan が診断できるのは Microsoft 365 の職場または" \
    "学校のメールボックスです。そのアカウントでサインインしてください。") \
X(M_OAUTH_NOMAILBOX, "This account has no Exchange Online mailbox to " \
    "check. Sign in with an account that has one.", \
    "このアカウントには診断できる Exchange Online のメールボックスがありません。" \
    "メールボックスのあるアカウントでサインインしてください。") \
X(M_OAUTH_FAILED, "Microsoft did not confirm the permission (the " \
    "answer was refused or could not be checked). Nothing was granted. " \
    "Wait a minute and choose the scope again.", \
    "Microsoft で権限を確認できませんでした（応答が拒否されたか、確認できませんでした）。" \
    "権限は付与されていません。1 分ほど待ってから範囲をもう一度選択してください。") \
X(M_OAUTH_CODE, "Microsoft did not accept the answer of the sign-in: it " \
    "had expired, had already been used, or was issued to another " \
    "browser. Nothing was granted. Choose the scope again to start over.", \
    "Microsoft がサインインの応答を受け付けませんでした。有効期限切れ、使用済み、または" \
    "別のブラウザーに発行されたものです。権限は付与されていません。範囲をもう一度選択して" \
    "やり直してください。") \
X(M_OAUTH_MSERROR, "Microsoft reported:", "Microsoft からの応答:") \
X(M_TRY_AGAIN, "Choose the scope again", "範囲を選び直す") \
/* errors */ \
X(M_ERR_TITLE, "Something is not right", "エラー") \
X(M_ERR_400, "The request could not be understood: a field is missing, " \
    "too long or contains characters that are not allowed. Go back and " \
    "check what you entered.", \
    "リクエストを処理できませんでした。入力項目が不足しているか、長すぎるか、" \
    "使用できない文字が含まれています。前の画面に戻って入力内容をご確認ください。") \
X(M_ERR_403, "This form has expired or was not sent from this site. " \
    "Reload the page and try again.", \
    "このフォームは有効期限が切れているか、このサイトから送信されたものではありません。" \
    "ページを再読み込みしてもう一度お試しください。") \
X(M_ERR_404, "There is no page at this address.", \
    "このアドレスのページはありません。") \
X(M_ERR_405, "This page cannot be used this way.", \
    "このページはこの方法では利用できません。") \
X(M_ERR_413, "What you sent is too large.", "送信された内容が大きすぎます。") \
X(M_ERR_429, "Too many requests from your network. Wait a minute and " \
    "try again.", \
    "お使いのネットワークからのリクエストが多すぎます。1 分ほど待ってから再度お試しください。") \
X(M_ERR_500, "Something went wrong on our side. Nothing you entered was " \
    "lost; try again in a few minutes.", \
    "サーバー側で問題が発生しました。入力内容は失われていません。数分後に再度お試しください。") \
X(M_ERR_503, "The service is temporarily unavailable. Try again in a few " \
    "minutes.", \
    "サービスが一時的に利用できません。数分後に再度お試しください。") \
X(M_SESSION_EXPIRED, "Your session has ended. Sign in again with your " \
    "email address and confirmation number.", \
    "セッションが終了しました。メールアドレスと確認番号で再度サインインしてください。") \
X(M_HOME, "Back to the start", "トップに戻る") \
/* unsupported browser */ \
X(M_UNSUPPORTED_TITLE, "This browser is not supported", \
    "このブラウザーには対応していません") \
X(M_UNSUPPORTED_LEAD, "Please open this page in one of these browsers, " \
    "in a current version:", \
    "以下のいずれかのブラウザー（最新版）でこのページを開いてください。") \
X(M_UNSUPPORTED_HELP, "If you see this page in one of them, update it " \
    "and try again.", \
    "これらのブラウザーでこの画面が表示される場合は、ブラウザーを更新してから再度お試しください。")

/* The results pages' words live in their own list. */
#include "i18n_results.h"

#define X(id, en, ja) id,
enum msgid {
	I18N_MESSAGES
	I18N_RESULTS
	M__MAX
};
#undef X

const char	*tr(enum lang, enum msgid);
const char	*lang_code(enum lang);
/* The language from ?lang=, the cookie, Accept-Language, the default. */
enum lang	 lang_choose(const char *query, const char *cookie,
		    const char *accept, const char *def);
/* 0 and the language, or -1 when s is not a supported code. */
int		 lang_parse(const char *, enum lang *);

#endif
