/*
 * i18n_results: the words of the results pages (/results and the
 * reports), X(id, English, Japanese) as in i18n.h.
 */
#define I18N_RESULTS \
X(M_RES_TITLE, "Assessment results", "診断結果") \
X(M_RES_RUNNING_TITLE, "Assessment in progress", "診断中") \
X(M_RES_RUNNING_LEAD, "The scan is running. This page refreshes itself; " \
    "you may also close it: we will mail you when the scan ends.", \
    "スキャンを実行中です。このページは自動的に更新されます。閉じても構いません。" \
    "スキャンが終わるとメールでお知らせします。") \
X(M_RES_WAITING, "Waiting for the scan to start: it begins within a " \
    "minute or two.", \
    "スキャンの開始を待っています。1〜2 分以内に始まります。") \
X(M_RES_PAUSED, "The scan is paused: Microsoft's sign-in service is not " \
    "answering at the moment. It goes on by itself when the service is " \
    "back, from where it stopped; nothing found so far is lost.", \
    "スキャンを一時停止しています。現在 Microsoft のサインイン サービスが応答" \
    "していません。サービスが復旧すると、中断したところから自動的に再開します。" \
    "これまでに見つかった結果は失われません。") \
X(M_RES_MBOX_DONE, "Mailboxes finished", "完了したメールボックス") \
X(M_RES_MAILS, "Mails scanned", "スキャンしたメール") \
X(M_RES_THREATS, "Threats", "脅威") \
X(M_RES_POTENTIALS, "Potential threats", "潜在的な脅威") \
X(M_RES_THREATS_SO_FAR, "Threats so far", "これまでの脅威") \
X(M_RES_ETA, "Estimated time left", "残り時間の目安") \
X(M_RES_ETA_UNKNOWN, "estimating (known once the first mailbox is done)", \
    "算出中（最初のメールボックスが完了すると表示されます）") \
X(M_RES_ETA_SOON, "less than a minute", "1 分未満") \
X(M_RES_ABOUT, "about", "約") \
X(M_RES_HOURS, "h", "時間") \
X(M_RES_MINUTES, "min", "分") \
X(M_RES_STATUS, "Status", "状態") \
X(M_ST_DONE, "Completed", "完了") \
X(M_ST_FAILED, "Could not be completed", "完了できませんでした") \
X(M_ST_CANCELLED, "Cancelled", "キャンセル") \
X(M_ST_RUNNING, "Running", "実行中") \
X(M_RES_SCOPE_LABEL, "Scope", "範囲") \
X(M_RES_SCOPE_ORG, "Every mailbox of the organisation (tenant)", \
    "組織（テナント）内のすべてのメールボックス") \
X(M_RES_SCOPE_MAILBOX, "One mailbox", "1 つのメールボックス") \
X(M_RES_PERIOD, "Period scanned", "診断対象期間") \
X(M_RES_STARTED, "Started", "開始日時") \
X(M_RES_FINISHED, "Finished", "終了日時") \
X(M_RES_MAILBOXES, "Mailboxes scanned", "スキャンしたメールボックス") \
X(M_RES_SKIPPED, "skipped", "スキップ") \
X(M_RES_FAILED_N, "failed", "失敗") \
X(M_RES_TZ_UTC, "Times are in UTC.", "時刻は協定世界時 (UTC) です。") \
X(M_RES_TZ_JST, "Times are in Japan time.", "時刻は日本時間です。") \
X(M_RES_BY_CATEGORY, "By category", "カテゴリ別") \
X(M_CAT_MALWARE, "Malware", "マルウェア") \
X(M_CAT_PHISHING, "Phishing", "フィッシング") \
X(M_CAT_SUSPICIOUS_URL, "Suspicious URL", "不審な URL") \
X(M_CAT_SPOOFING, "Spoofing", "送信元の詐称") \
X(M_CAT_IMPERSONATION, "Impersonation", "なりすまし") \
X(M_CAT_RISKY_ATTACHMENT, "Risky attachment", "危険な添付ファイル") \
X(M_CAT_SPAM, "Spam", "スパム") \
X(M_SEV_HIGH, "High", "高") \
X(M_SEV_MEDIUM, "Medium", "中") \
X(M_SEV_LOW, "Low", "低") \
X(M_VERDICT_THREAT, "Threat", "脅威") \
X(M_VERDICT_POTENTIAL, "Potential threat", "潜在的な脅威") \
X(M_COL_RECEIVED, "Received", "受信日時") \
X(M_COL_MAILBOX, "Mailbox", "メールボックス") \
X(M_COL_SENDER, "Sender", "差出人") \
X(M_COL_SUBJECT, "Subject", "件名") \
X(M_COL_CATEGORY, "Category", "カテゴリ") \
X(M_COL_SEVERITY, "Severity", "重要度") \
X(M_COL_WHY, "Why", "検出理由") \
X(M_COL_COUNT, "Mails", "件数") \
X(M_COL_STATE, "Status", "状態") \
X(M_COL_REASON, "Reason", "理由") \
X(M_RES_DETECTED, "Detected mails", "検出されたメール") \
X(M_RES_NONE, "No threats or potential threats were found in the mail " \
    "scanned.", \
    "スキャンしたメールから脅威や潜在的な脅威は見つかりませんでした。") \
X(M_RES_NONE_MATCH, "No detected mail matches these filters.", \
    "条件に一致する検出メールはありません。") \
X(M_RES_MATCHING, "Matching mails:", "該当するメール:") \
X(M_RES_ALL, "All", "すべて") \
X(M_RES_APPLY, "Apply", "適用") \
X(M_RES_CLEAR, "Clear the filters", "条件をクリア") \
X(M_RES_SORT, "Order", "並べ替え") \
X(M_SORT_NEW, "Newest first", "新しい順") \
X(M_SORT_OLD, "Oldest first", "古い順") \
X(M_SORT_SEV, "Highest severity first", "重要度の高い順") \
X(M_RES_PREV, "Previous page", "前のページ") \
X(M_RES_NEXT, "Next page", "次のページ") \
X(M_RES_FIRST, "First page", "最初のページ") \
X(M_RES_DETAILS, "Details", "詳細") \
X(M_RES_NO_SUBJECT, "(no subject)", "（件名なし）") \
X(M_RES_DOWNLOADS, "Download the results", "結果のダウンロード") \
X(M_RES_PDF, "PDF report (summary)", "PDF レポート（概要）") \
X(M_RES_CSV, "CSV of every detection", "すべての検出結果の CSV") \
X(M_RES_CSV_NOTE, "UTF-8 with a byte order mark: opens in Excel.", \
    "UTF-8（BOM 付き）です。Excel でそのまま開けます。") \
X(M_RES_PROBLEMS, "Mailboxes not scanned", "スキャンできなかったメールボックス") \
X(M_RES_PROBLEMS_MORE, "Only the first 500 are listed.", \
    "最初の 500 件のみ表示しています。") \
X(M_RSN_GUEST, "A guest account: it has no mailbox in this organisation.", \
    "ゲストアカウントです（この組織にメールボックスがありません）。") \
X(M_RSN_NO_MAILBOX, "No Exchange Online mailbox (unlicensed, inactive or " \
    "on-premises).", \
    "Exchange Online のメールボックスがありません（ライセンスなし、無効、" \
    "またはオンプレミス）。") \
X(M_RSN_NOT_FOUND, "The user no longer exists.", "ユーザーが存在しません。") \
X(M_RSN_DENIED, "Microsoft refused access to this mailbox.", \
    "Microsoft がこのメールボックスへのアクセスを拒否しました。") \
X(M_RSN_UNRELIABLE, "Microsoft 365 did not answer reliably, even after " \
    "many attempts.", \
    "何度か試みましたが、Microsoft 365 からの応答が不安定でした。") \
X(M_RSN_OTHER, "It could not be read.", "読み取れませんでした。") \
X(M_RES_CANCELLED, "This assessment was cancelled before it finished. " \
    "What it found until then is shown below; to check every mail, run " \
    "the assessment again.", \
    "この診断は完了前にキャンセルされました。それまでに検出された内容を以下に" \
    "表示します。すべてのメールを確認するには、もう一度診断を実行してください。") \
X(M_RES_FAILED, "This assessment could not be completed.", \
    "この診断は完了できませんでした。") \
X(M_RES_PARTIAL, "What was found before it stopped is shown below.", \
    "停止するまでに検出された内容を以下に表示します。") \
X(M_RES_WHAT_NEXT, "What to do next:", "次にすべきこと:") \
X(M_FAIL_REAUTH, "Microsoft no longer accepts the permission you granted " \
    "(it was withdrawn, or it expired).", \
    "付与されたアクセス許可が Microsoft で無効になりました（取り消されたか、" \
    "期限が切れました）。") \
X(M_FAIL_REAUTH_DO, "Run the assessment again: you will be asked to " \
    "grant permission again.", \
    "もう一度診断を実行してください。改めてアクセス許可の付与をお願いします。") \
X(M_FAIL_CONSENT, "Your organisation's consent was withdrawn, so its " \
    "mailboxes could no longer be read.", \
    "組織の同意が取り消されたため、メールボックスを読み取れなくなりました。") \
X(M_FAIL_CONSENT_DO, "Run the assessment again; a Global Administrator " \
    "must consent again.", \
    "もう一度診断を実行してください。全体管理者による同意が改めて必要です。") \
X(M_FAIL_NO_MAILBOX, "The account has no Exchange Online mailbox that " \
    "can be read.", \
    "このアカウントには読み取り可能な Exchange Online のメールボックスが" \
    "ありません。") \
X(M_FAIL_NO_MAILBOX_DO, "Run the assessment again with an account that " \
    "has a Microsoft 365 mailbox.", \
    "Microsoft 365 のメールボックスを持つアカウントで、もう一度診断を実行して" \
    "ください。") \
X(M_FAIL_DENIED, "Microsoft refused access; an administrator may have " \
    "restricted what the application can read.", \
    "Microsoft がアクセスを拒否しました。管理者がアプリケーションのアクセスを" \
    "制限している可能性があります。") \
X(M_FAIL_DENIED_DO, "Ask your Microsoft 365 administrator to allow " \
    "Shindan to read the mailboxes, then run the assessment again.", \
    "Microsoft 365 の管理者に読み取りの許可を依頼してから、もう一度診断を実行" \
    "してください。") \
X(M_FAIL_OTHER, "Microsoft 365 did not answer reliably enough, even " \
    "after many attempts.", \
    "何度か試みましたが、Microsoft 365 からの応答が不安定なため完了できません" \
    "でした。") \
X(M_FAIL_OTHER_DO, "Run the assessment again later. If it fails again, " \
    "contact the operator of this service.", \
    "時間をおいてもう一度診断を実行してください。再び失敗する場合は、このサービスの" \
    "運営者にお問い合わせください。") \
X(M_RES_ACTIONS, "Run again or delete", "再診断と削除") \
X(M_RES_RESCAN, "Run the assessment again", "もう一度診断する") \
X(M_RES_DELETE, "Delete these results now", "この結果を今すぐ削除") \
X(M_RES_DELETE_ACCOUNT, "Delete my account", "アカウントを削除") \
X(M_RES_RETENTION, "These results are deleted automatically on:", \
    "この結果は次の日に自動的に削除されます:") \
X(M_RES_EMPTY, "There are no results: no assessment has been run, or its " \
    "results were deleted.", \
    "診断結果はありません。診断が実行されていないか、結果が削除されました。") \
X(M_RES_DELETED, "The results were deleted.", "診断結果を削除しました。") \
X(M_RES_START, "Start an assessment", "診断を開始する") \
X(M_RES_NOT_STARTED, "The assessment has not started yet.", \
    "診断はまだ開始されていません。") \
X(M_RES_CONTINUE, "Continue", "続ける") \
X(M_RES_CANCEL_SCAN, "Cancel the scan", "スキャンをキャンセル") \
X(M_RESCAN_TITLE, "Run the assessment again", "再診断") \
X(M_RESCAN_WARN, "Running the assessment again deletes the current " \
    "results: every detection and both reports. This cannot be undone.", \
    "再診断すると、現在の診断結果（すべての検出結果と 2 つのレポート）が削除" \
    "されます。元に戻すことはできません。") \
X(M_RESCAN_DOWNLOAD, "Download them first if you want to keep them:", \
    "残しておく場合は、先にダウンロードしてください:") \
X(M_RESCAN_CONFIRM, "Delete the results and start again", \
    "結果を削除して再診断する") \
X(M_RESCAN_RUNNING, "A scan is still running. Wait until it ends, or " \
    "cancel it, before running the assessment again.", \
    "スキャンを実行中です。終了するまで待つか、キャンセルしてから再診断してください。") \
X(M_CANCEL, "Cancel", "キャンセル") \
X(M_DELETE_TITLE, "Delete the results", "診断結果の削除") \
X(M_DELETE_WARN, "This deletes the assessment, every detection, both " \
    "reports and any permission tokens now; a scan that is running is " \
    "stopped. Your account stays: you can sign in and run a new " \
    "assessment.", \
    "診断、すべての検出結果、2 つのレポート、アクセス許可のトークンを今すぐ削除" \
    "します。実行中のスキャンは停止します。アカウントは残るため、サインインして" \
    "新しい診断を実行できます。") \
X(M_DELETE_CONFIRM, "Delete now", "今すぐ削除") \
X(M_ACCOUNT_TITLE, "Delete your account", "アカウントの削除") \
X(M_ACCOUNT_WARN, "This deletes your account, your confirmation number, " \
    "every assessment and result, and signs you out everywhere; a scan " \
    "that is running is stopped. To use Shindan again you would sign up " \
    "anew.", \
    "アカウント、確認番号、すべての診断と結果を削除し、すべての端末でサインアウト" \
    "します。実行中のスキャンは停止します。再度利用するには、新たにサインアップが" \
    "必要です。") \
X(M_ACCOUNT_CONFIRM, "Delete my account and all its data", \
    "アカウントとすべてのデータを削除する") \
X(M_ACCOUNT_DELETED, "Your account and all its data were deleted.", \
    "アカウントとすべてのデータを削除しました。") \
X(M_DET_TITLE, "Detected mail", "検出されたメール") \
X(M_DET_BACK, "Back to the results", "結果一覧に戻る") \
X(M_DET_VERDICT, "Verdict", "判定") \
X(M_DET_SCORE, "Score", "スコア") \
X(M_DET_RECIPIENTS, "Recipients", "宛先") \
X(M_DET_MSGID, "Internet message ID", "インターネット メッセージ ID") \
X(M_DET_OWA, "Open it in Outlook on the web", "Outlook on the web で開く") \
X(M_DET_OWA_NOTE, "Opens the message in its mailbox (you may have to " \
    "sign in to Microsoft 365). Do not open the links or attachments of a " \
    "suspicious mail.", \
    "メールボックス内のメッセージを開きます（Microsoft 365 へのサインインが必要な" \
    "場合があります）。不審なメールのリンクや添付ファイルは開かないでください。") \
X(M_DET_FINDINGS, "Why it was flagged", "検出理由") \
X(M_DET_RULE, "Rule", "ルール") \
X(M_DET_URL, "URL", "URL") \
X(M_DET_DOMAIN, "Domain", "ドメイン") \
X(M_DET_IMITATES, "Imitates", "なりすまし対象") \
X(M_DET_ATTACH, "Attachment", "添付ファイル") \
X(M_DET_TYPE, "Type", "種類") \
X(M_DET_SHA256, "SHA-256", "SHA-256") \
X(M_DET_URL_NOTE, "Addresses are shown as text, never as links.", \
    "アドレスは安全のため、リンクではなく文字として表示しています。") \
X(M_REP_NOT_READY, "The reports are ready once the scan has ended.", \
    "レポートはスキャンの終了後にダウンロードできます。") \
X(M_REP_TITLE, "Mail security assessment report", \
    "メールセキュリティ診断レポート") \
X(M_REP_ACCOUNT, "Account", "アカウント") \
X(M_REP_GENERATED, "Generated", "作成日時") \
X(M_REP_SUMMARY, "Summary", "概要") \
X(M_REP_CHART, "Detected mails by category", "カテゴリ別の検出メール数") \
X(M_REP_TOP_SENDERS, "Top senders", "検出の多い差出人") \
X(M_REP_TOP_DOMAINS, "Top sender domains", "検出の多い送信元ドメイン") \
X(M_REP_TOP_URLS, "Top URLs (defanged: hxxp, [.])", \
    "検出の多い URL（無害化表記: hxxp, [.]）") \
X(M_REP_TOP_ATTACH, "Top attachments", "検出の多い添付ファイル") \
X(M_REP_FIRST_N, "The first detections, newest first:", \
    "検出されたメール（新しい順）:") \
X(M_REP_MORE, "Not listed here:", "ここに記載していない検出:") \
X(M_REP_MORE_CSV, "detected mails. The CSV download lists every one of " \
    "them.", \
    "件。CSV ファイルにはすべての検出結果が含まれます。") \
X(M_REP_NEXT, "What to do next", "推奨される対応") \
X(M_REP_NEXT_1, "Delete the detected threats from the mailboxes and warn " \
    "their recipients not to open their links or attachments.", \
    "検出された脅威メールをメールボックスから削除し、受信者にリンクや添付ファイルを" \
    "開かないよう注意喚起してください。") \
X(M_REP_NEXT_2, "If anyone opened a link or an attachment: reset their " \
    "password, revoke their sessions, and check their mailbox rules and " \
    "recent sign-ins.", \
    "リンクや添付ファイルを開いた人がいる場合は、パスワードをリセットしてセッションを" \
    "無効化し、メールボックスのルールと最近のサインインを確認してください。") \
X(M_REP_NEXT_3, "Block the top sender domains and URLs in Exchange " \
    "Online Protection (Tenant Allow/Block List).", \
    "検出の多い送信元ドメインと URL を Exchange Online Protection の" \
    "テナント許可/ブロック一覧でブロックしてください。") \
X(M_REP_NEXT_4, "Against spoofing: publish SPF, DKIM and DMARC for your " \
    "domains and enforce DMARC (p=quarantine or p=reject).", \
    "送信元の詐称対策として、自社ドメインの SPF、DKIM、DMARC を設定し、DMARC を" \
    "強制（p=quarantine または p=reject）してください。") \
X(M_REP_NEXT_5, "Run the check-up again regularly; results are deleted " \
    "automatically after the retention period.", \
    "定期的に診断を実行してください。結果は保存期間の経過後に自動的に削除されます。") \
X(M_REP_PAGE, "Page", "ページ") \
X(M_REP_CONFIDENTIAL, "Confidential: contains names and addresses from " \
    "your mail.", \
    "社外秘: メールに含まれる氏名やアドレスを記載しています。") \
X(M_CSV_ID, "id", "ID") \
X(M_CSV_RECEIVED, "received_at", "受信日時") \
X(M_CSV_MAILBOX, "mailbox", "メールボックス") \
X(M_CSV_SENDER_ADDR, "sender_address", "差出人アドレス") \
X(M_CSV_SENDER_NAME, "sender_name", "差出人名") \
X(M_CSV_RECIPIENTS, "recipients", "宛先") \
X(M_CSV_SUBJECT, "subject", "件名") \
X(M_CSV_MSGID, "internet_message_id", "インターネットメッセージID") \
X(M_CSV_VERDICT, "verdict", "判定") \
X(M_CSV_SCORE, "score", "スコア") \
X(M_CSV_CATEGORY, "category", "カテゴリ") \
X(M_CSV_SEVERITY, "severity", "重要度") \
X(M_CSV_RULES, "rules", "ルール") \
X(M_CSV_EVIDENCE, "evidence", "検出理由") \
X(M_CSV_URLS, "urls", "URL") \
X(M_CSV_DOMAINS, "domains", "ドメイン") \
X(M_CSV_IMITATES, "imitates", "なりすまし対象") \
X(M_CSV_ATT_NAMES, "attachment_names", "添付ファイル名") \
X(M_CSV_ATT_SHA256, "attachment_sha256", "添付ファイルSHA-256") \
X(M_CSV_WEB_LINK, "web_link", "Outlook on the webリンク")
