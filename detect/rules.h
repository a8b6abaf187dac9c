/*
 * rules: every rule of the engine, one line each.
 *
 * RULE(enum, id, category, weight, what, evidence_en, evidence_ja)
 *
 * The id is stable (results and reports carry it).  The severity comes
 * from the weight: DETECT_SCORE_THREAT or more is high, DETECT_SCORE_
 * POTENTIAL or more medium, less low, so that a rule's severity is
 * always the verdict it would give on its own.  Evidence templates name
 * the finding's fields in braces: {url} {domain} {imitates} {name}
 * {type} {sha256} {check} {detail}; an empty field leaves "-".
 * YARA rules are not listed here: they carry the same data as metadata
 * (detect/rules/README in detect/README.md).
 */
#ifndef SHINDAN_DETECT_RULES_H
#define SHINDAN_DETECT_RULES_H

#define RULES(RULE) \
/* malware */ \
RULE(R_AV_CLAMAV, "av.clamav", DETECT_MALWARE, 100, \
    "ClamAV recognises the attachment", \
    "ClamAV identifies the attachment \"{name}\" as {detail} (SHA-256 {sha256}).", \
    "添付ファイル「{name}」は ClamAV により {detail} と判定されました (SHA-256 {sha256})。") \
RULE(R_ATT_HTML_SMUGGLING, "attach.html_smuggling", DETECT_MALWARE, 80, \
    "HTML or SVG attachment that assembles a file in the browser (Blob/atob/download)", \
    "The attachment \"{name}\" is a web page whose script builds a file and saves it ({detail}): HTML smuggling, used to slip malware past filters.", \
    "添付ファイル「{name}」はスクリプトでファイルを組み立てて保存させる Web ページです ({detail})。フィルターをすり抜けてマルウェアを届ける HTML スマグリングの手口です。") \
/* risky attachments */ \
RULE(R_ATT_EXECUTABLE, "attach.executable", DETECT_RISKY_ATTACHMENT, 80, \
    "executable program (PE, ELF, Mach-O, MSI) by content", \
    "The attachment \"{name}\" is a program ({type}); opening it runs code on the computer. SHA-256 {sha256}.", \
    "添付ファイル「{name}」はプログラム ({type}) です。開くとコンピューター上でコードが実行されます。SHA-256 {sha256}") \
RULE(R_ATT_SHORTCUT, "attach.shortcut", DETECT_RISKY_ATTACHMENT, 75, \
    "Windows shortcut (LNK) that can run commands", \
    "The attachment \"{name}\" is a Windows shortcut (LNK); shortcuts sent by mail are used to run commands. SHA-256 {sha256}.", \
    "添付ファイル「{name}」は Windows ショートカット (LNK) です。メールで届くショートカットはコマンド実行に悪用されます。SHA-256 {sha256}") \
RULE(R_ATT_SCRIPT, "attach.script", DETECT_RISKY_ATTACHMENT, 70, \
    "script or other file type Windows runs when opened (.js .vbs .hta .ps1 .bat ...)", \
    "The attachment \"{name}\" is a {type} that Windows runs when it is opened. SHA-256 {sha256}.", \
    "添付ファイル「{name}」は開くだけで Windows が実行する形式 ({type}) です。SHA-256 {sha256}") \
RULE(R_ATT_RTLO, "attach.rtlo", DETECT_RISKY_ATTACHMENT, 70, \
    "file name with a right-to-left override that hides its real extension", \
    "The attachment name \"{name}\" contains a right-to-left override character that disguises its real extension.", \
    "添付ファイル名「{name}」には右から左への書字方向制御文字が含まれ、本当の拡張子を隠しています。") \
RULE(R_ATT_XLM_MACRO, "attach.xlm_macro", DETECT_RISKY_ATTACHMENT, 70, \
    "Excel 4.0 (XLM) macro sheet", \
    "The spreadsheet \"{name}\" contains an Excel 4.0 macro sheet, a common way to run malicious code. SHA-256 {sha256}.", \
    "スプレッドシート「{name}」には Excel 4.0 マクロシートが含まれています。悪意のあるコードの実行によく使われます。SHA-256 {sha256}") \
RULE(R_ATT_REMOTE_TEMPLATE, "attach.remote_template", DETECT_RISKY_ATTACHMENT, 70, \
    "Office document that loads a template or object from the Internet", \
    "The document \"{name}\" loads a template or object from {url} when opened (remote template injection).", \
    "文書「{name}」は開くと {url} からテンプレートやオブジェクトを読み込みます (リモートテンプレートインジェクション)。") \
RULE(R_ATT_SVG_SCRIPT, "attach.svg_script", DETECT_RISKY_ATTACHMENT, 70, \
    "SVG image with script, event handlers or embedded HTML", \
    "The image \"{name}\" is an SVG file with script or embedded HTML ({detail}); it can open a phishing page in the browser.", \
    "画像「{name}」はスクリプトや埋め込み HTML を含む SVG ファイルです ({detail})。ブラウザーでフィッシングページを開けます。") \
RULE(R_ATT_PDF_LAUNCH, "attach.pdf_launch", DETECT_RISKY_ATTACHMENT, 70, \
    "PDF with a Launch action", \
    "The PDF \"{name}\" has a Launch action that starts a program when it is opened. SHA-256 {sha256}.", \
    "PDF「{name}」には開いたときにプログラムを起動する Launch アクションがあります。SHA-256 {sha256}") \
RULE(R_ATT_DISK_IMAGE, "attach.disk_image", DETECT_RISKY_ATTACHMENT, 65, \
    "disk image (ISO, IMG, VHD, VHDX) used to carry programs past protections", \
    "The attachment \"{name}\" is a disk image ({type}); disk images carry programs past Windows' protections. SHA-256 {sha256}.", \
    "添付ファイル「{name}」はディスクイメージ ({type}) です。Windows の保護をすり抜けてプログラムを届けるのに使われます。SHA-256 {sha256}") \
RULE(R_ATT_MACRO, "attach.macro", DETECT_RISKY_ATTACHMENT, 65, \
    "Office document with VBA macros (OLE or OOXML)", \
    "The document \"{name}\" ({type}) contains VBA macros, which run code when enabled. SHA-256 {sha256}.", \
    "文書「{name}」({type}) には VBA マクロが含まれています。有効にするとコードが実行されます。SHA-256 {sha256}") \
RULE(R_ATT_DOUBLE_EXT, "attach.double_extension", DETECT_RISKY_ATTACHMENT, 60, \
    "double extension that hides a risky type (invoice.pdf.exe)", \
    "The attachment name \"{name}\" uses a double extension to look like a harmless document.", \
    "添付ファイル名「{name}」は二重拡張子で無害な文書に見せかけています。") \
RULE(R_ATT_ONENOTE, "attach.onenote", DETECT_RISKY_ATTACHMENT, 60, \
    "OneNote file (used in 2023 to deliver malware)", \
    "The attachment \"{name}\" is a OneNote notebook; OneNote files sent by mail are used to deliver malware. SHA-256 {sha256}.", \
    "添付ファイル「{name}」は OneNote ファイルです。メールで届く OneNote ファイルはマルウェア配布に使われます。SHA-256 {sha256}") \
RULE(R_ATT_PDF_JS, "attach.pdf_javascript", DETECT_RISKY_ATTACHMENT, 60, \
    "PDF with JavaScript", \
    "The PDF \"{name}\" contains JavaScript ({detail}). SHA-256 {sha256}.", \
    "PDF「{name}」には JavaScript が含まれています ({detail})。SHA-256 {sha256}") \
RULE(R_ATT_DDE, "attach.dde", DETECT_RISKY_ATTACHMENT, 60, \
    "Office document with a DDE field", \
    "The document \"{name}\" has a DDE field that can start a program.", \
    "文書「{name}」にはプログラムを起動できる DDE フィールドがあります。") \
RULE(R_ATT_RTF_OBJECT, "attach.rtf_object", DETECT_RISKY_ATTACHMENT, 50, \
    "RTF document embedding an OLE object", \
    "The RTF document \"{name}\" embeds an OLE object, as exploits of Office do.", \
    "RTF 文書「{name}」には OLE オブジェクトが埋め込まれています (Office の脆弱性攻撃の手口)。") \
RULE(R_ATT_ARCHIVE_BOMB, "attach.archive_bomb", DETECT_RISKY_ATTACHMENT, 40, \
    "archive that expands past the limits (zip bomb)", \
    "The archive \"{name}\" expands far beyond its size ({detail}); it was not unpacked further.", \
    "アーカイブ「{name}」は展開後のサイズが異常に大きくなります ({detail})。それ以上は展開していません。") \
RULE(R_ATT_OLE_OBJECT, "attach.ole_object", DETECT_RISKY_ATTACHMENT, 35, \
    "Office document embedding an OLE object or package", \
    "The document \"{name}\" embeds an object or package ({detail}) that can hide a program.", \
    "文書「{name}」にはプログラムを隠せるオブジェクトやパッケージが埋め込まれています ({detail})。") \
RULE(R_ATT_PDF_EMBEDDED, "attach.pdf_embedded_file", DETECT_RISKY_ATTACHMENT, 35, \
    "PDF with an embedded file", \
    "The PDF \"{name}\" carries an embedded file.", \
    "PDF「{name}」にはファイルが埋め込まれています。") \
RULE(R_ATT_TYPE_MISMATCH, "attach.type_mismatch", DETECT_RISKY_ATTACHMENT, 35, \
    "content type contradicts the name (a .pdf that is a web page)", \
    "The attachment \"{name}\" is named like one type but is really {type}.", \
    "添付ファイル「{name}」は名前と中身の形式が一致しません (実際は {type})。") \
RULE(R_ATT_URLFILE, "attach.internet_shortcut", DETECT_RISKY_ATTACHMENT, 30, \
    "Internet shortcut (.url) attachment", \
    "The attachment \"{name}\" is an Internet shortcut to {url}; shortcuts have been used to get past Windows' download warnings.", \
    "添付ファイル「{name}」は {url} へのインターネットショートカットです。Windows のダウンロード警告の回避に悪用されてきました。") \
RULE(R_ATT_HTML, "attach.html", DETECT_RISKY_ATTACHMENT, 30, \
    "HTML attachment (opens a local page outside the mail client's protection)", \
    "The attachment \"{name}\" is a web page; pages sent as attachments open in the browser, outside the mail client's protection.", \
    "添付ファイル「{name}」は Web ページです。添付された Web ページはメールソフトの保護の外にあるブラウザーで開きます。") \
RULE(R_ATT_SVG_LINK, "attach.svg_link", DETECT_RISKY_ATTACHMENT, 30, \
    "SVG image attachment that links to a web site", \
    "The attachment \"{name}\" is an SVG picture that opens {url} when clicked; a picture sent as a file that leads to a site is a way round the links a mail scanner checks.", \
    "添付ファイル「{name}」は、クリックすると {url} を開く SVG 画像です。サイトへ誘導する画像をファイルで送るのは、メールのリンク検査を避ける手口です。") \
RULE(R_ATT_ENCRYPTED_ARCHIVE, "attach.encrypted_archive", DETECT_RISKY_ATTACHMENT, 30, \
    "encrypted archive that could not be opened (no password seen in the scan)", \
    "The archive \"{name}\" is encrypted and no password for it was found in the scanned mail, so its contents could not be checked ({detail}).", \
    "アーカイブ「{name}」は暗号化されており、スキャンしたメールにパスワードが見つからなかったため中身を確認できません ({detail})。") \
RULE(R_ATT_ENCRYPTED_DOC, "attach.encrypted_document", DETECT_RISKY_ATTACHMENT, 30, \
    "password-protected Office or PDF document", \
    "The document \"{name}\" is password-protected, which hides its content from inspection.", \
    "文書「{name}」はパスワードで保護されており、中身を検査できません。") \
RULE(R_ATT_PARTS_HIDDEN, "attach.parts_hidden", DETECT_RISKY_ATTACHMENT, 30, \
    "a multipart whose parts could not all be read: its body uses more boundaries than it names (eight tried)", \
    "The message's parts are written under more boundaries than it declares, as if to hide them from filters; not all of them could be read.", \
    "メールの各部分が、宣言されていない多数の区切りの下に書かれています。フィルターから隠すためとみられ、すべては読み取れませんでした。") \
RULE(R_ATT_ARCHIVE_UNREAD, "attach.archive_unread", DETECT_RISKY_ATTACHMENT, 30, \
    "archive that could not be read whole (damaged, its names encrypted, or more entries than the limit)", \
    "The archive \"{name}\" could not be read whole ({detail}); what was not read was not checked.", \
    "アーカイブ「{name}」は全体を読めませんでした ({detail})。読めなかった部分は検査していません。") \
RULE(R_ATT_PARTS_UNREAD, "attach.parts_unread", DETECT_RISKY_ATTACHMENT, 30, \
    "more parts than a message may have analysed: the later ones checked by their names only", \
    "The message has more than {detail} parts; those past the limit were checked by their names only.", \
    "このメールには {detail} を超えるパーツがあり、上限を超えた分は名前だけを確認しました。") \
RULE(R_ATT_NAME_MISMATCH, "attach.name_mismatch", DETECT_RISKY_ATTACHMENT, 30, \
    "zip whose directory names a file otherwise than the file's own header (one name shown, another scanned)", \
    "The zip's directory names a file \"{name}\" (the name Windows Explorer and 7-Zip show), but the file's own header names it \"{detail}\" (the name many scanners read): names that disagree hide a file from checks.", \
    "zip の目録ではファイル名が「{name}」(Windows のエクスプローラーや 7-Zip が表示する名前) ですが、ファイル自身のヘッダーでは「{detail}」(多くのスキャナーが読む名前) です。名前の食い違いはファイルを検査から隠す手口です。") \
RULE(R_ATT_ARCHIVE_DEEP, "attach.archive_deep", DETECT_RISKY_ATTACHMENT, 30, \
    "archives nested deeper than the limit", \
    "The archive \"{name}\" holds archives nested deeper than {detail} levels; the innermost were not opened.", \
    "アーカイブ「{name}」は {detail} 段を超えて入れ子になっており、奥の部分は開いていません。") \
RULE(R_ATT_DEFAULT_PASSWORD, "attach.default_password", DETECT_RISKY_ATTACHMENT, 30, \
    "Office file encrypted with Excel's built-in password (VelvetSweatshop): an Excel file so encrypted opens without a prompt, hidden from mail scanners", \
    "The file \"{name}\" is encrypted with \"VelvetSweatshop\", the password Excel tries by itself before it asks for one: an Excel file so encrypted opens without a prompt, and the encryption keeps only mail scanners out, as malware uses it. Its contents were decrypted and checked.", \
    "ファイル「{name}」は、Excel がパスワードを尋ねる前に自動で試す「VelvetSweatshop」で暗号化されています。このように暗号化された Excel ファイルは入力なしで開き、暗号化はメールスキャナーを締め出すだけです。マルウェアがこの手口を使います。中身は復号して確認しました。") \
RULE(R_ATT_PPAP_OPENED, "attach.ppap_opened", DETECT_RISKY_ATTACHMENT, 30, \
    "encrypted archive or document (PPAP): opened with a password seen in the scan, but hidden from mail scanners at delivery", \
    "The encrypted file \"{name}\" was opened with a password found in the scanned mail and its contents were checked; at delivery no mail scanner could look inside it.", \
    "暗号化されたファイル「{name}」はスキャンしたメールにあったパスワードで開いて中身を確認しましたが、配信時にはどのメールスキャナーも中身を検査できませんでした。") \
RULE(R_ATT_PASSWORD_SAME_MAIL, "attach.password_in_same_mail", DETECT_RISKY_ATTACHMENT, 35, \
    "encrypted archive or document whose password is in the same mail (the encryption only blinds scanners)", \
    "The encrypted file \"{name}\" comes with its password in the same mail: the encryption protects nothing and only keeps mail scanners out, as malware senders (Emotet) do.", \
    "暗号化されたファイル「{name}」のパスワードが同じメールに書かれています。暗号化は何も守らず、メールスキャナーの検査を避けるだけです (Emotet などのマルウェア送信の手口)。") \
/* phishing by attachments */ \
RULE(R_ATT_HTML_CRED, "attach.html_credential_form", DETECT_PHISHING, 75, \
    "HTML attachment with a password form", \
    "The attachment \"{name}\" is a web page with a password form that sends what is typed to {url}.", \
    "添付ファイル「{name}」はパスワード入力欄のある Web ページで、入力内容を {url} に送信します。") \
RULE(R_ATT_HTML_REDIRECT, "attach.html_redirect", DETECT_PHISHING, 60, \
    "HTML attachment that redirects to a web site", \
    "The attachment \"{name}\" is a web page that sends the browser to {url}.", \
    "添付ファイル「{name}」はブラウザーを {url} へ移動させる Web ページです。") \
RULE(R_ATT_HTML_HIDDEN_REDIRECT, "attach.html_hidden_redirect", DETECT_PHISHING, 60, \
    "HTML attachment whose script works out where to send the browser and hides it", \
    "The attachment \"{name}\" is a web page whose script works out where to send the browser and hides it ({detail}), as phishing pages sent as attachments do.", \
    "添付ファイル「{name}」は、ブラウザーの移動先をスクリプトで組み立てて隠している Web ページです ({detail})。添付で送られるフィッシングページの手口です。") \
RULE(R_ATT_PDF_LURE, "attach.pdf_link_lure", DETECT_PHISHING, 25, \
    "short PDF whose point is a link", \
    "The PDF \"{name}\" is a short document built around a link to {url}.", \
    "PDF「{name}」は {url} へのリンクを押させるための短い文書です。") \
RULE(R_ATT_DOC_LURE, "attach.doc_link_lure", DETECT_PHISHING, 25, \
    "short Word document whose point is a link", \
    "The document \"{name}\" is a few words around a link to {url}.", \
    "文書「{name}」は {url} へのリンクを押させるための数語だけの文書です。") \
RULE(R_QR_TEXT, "content.qr_code_text", DETECT_PHISHING, 30, \
    "a QR code drawn in the text, with block characters or table cells", \
    "The text draws a QR code with {detail}, leading to {url}: a picture no image scanner looks at, which moves the link to a phone, out of reach of the company's protection.", \
    "本文は{detail}で QR コードを描いており、{url} に誘導します。画像を調べる仕組みには見えない絵で、リンクを社内の保護の届かないスマートフォンへ移します。") \
RULE(R_QR_SPLIT, "attach.qr_split", DETECT_PHISHING, 40, \
    "a QR code cut into two pictures that the reader sees as one", \
    "The pictures {detail}, shown one against the other, make a QR code leading to {url}: a code cut in two so that no scanner reads it, which moves the link to a phone, out of reach of the company's protection.", \
    "画像{detail}は並べて表示されると {url} に誘導する QR コードになります。読み取られないよう二つに分けたコードで、リンクを社内の保護の届かないスマートフォンへ移します。") \
RULE(R_QR_URL, "attach.qr_code", DETECT_PHISHING, 25, \
    "image with a QR code that leads to a web site (quishing)", \
    "The image \"{name}\" is a QR code leading to {url}; a QR code moves the link to a phone, out of reach of the company's protection.", \
    "画像「{name}」は {url} に誘導する QR コードです。QR コードはリンクを社内の保護の届かないスマートフォンへ移します。") \
/* URLs */ \
RULE(R_URL_FEED_URL, "url.feed_url", DETECT_PHISHING, 90, \
    "URL listed in a threat feed", \
    "The link {url} is listed in the threat feed {detail}.", \
    "リンク {url} は脅威フィード {detail} に掲載されています。") \
RULE(R_URL_FEED_HOST, "url.feed_host", DETECT_PHISHING, 75, \
    "host listed in a threat feed", \
    "The link {url} goes to {domain}, a host listed in the threat feed {detail}.", \
    "リンク {url} の接続先 {domain} は脅威フィード {detail} に掲載されています。") \
RULE(R_URL_FEED_DOMAIN, "url.feed_domain", DETECT_SUSPICIOUS_URL, 45, \
    "domain listed in a threat feed", \
    "The link {url} is under the domain {domain}, listed in the threat feed {detail}.", \
    "リンク {url} のドメイン {domain} は脅威フィード {detail} に掲載されています。") \
RULE(R_URL_LOOKALIKE_OWN, "url.lookalike_own", DETECT_IMPERSONATION, 80, \
    "link to a domain that imitates the organisation's own", \
    "The link {url} goes to {domain}, which imitates the organisation's domain {imitates} ({detail}).", \
    "リンク {url} の接続先 {domain} は自組織のドメイン {imitates} を模倣しています ({detail})。") \
RULE(R_URL_LOOKALIKE_CORR, "url.lookalike_correspondent", DETECT_IMPERSONATION, 70, \
    "link to a domain that imitates a frequent correspondent", \
    "The link {url} goes to {domain}, which imitates the correspondent's domain {imitates} ({detail}).", \
    "リンク {url} の接続先 {domain} は取引先のドメイン {imitates} を模倣しています ({detail})。") \
RULE(R_URL_LOOKALIKE_BRAND, "url.lookalike_brand", DETECT_IMPERSONATION, 65, \
    "link to a domain that imitates a brand", \
    "The link {url} goes to {domain}, which imitates {imitates} ({detail}).", \
    "リンク {url} の接続先 {domain} は {imitates} を模倣しています ({detail})。") \
RULE(R_URL_NAME_IN_DOMAIN, "url.name_in_domain", DETECT_IMPERSONATION, 40, \
    "link to a domain that holds the organisation's or a correspondent's name with words added, or its whole domain in front of a service's that names its customers' sites", \
    "The link {url} goes to {domain}, which holds the name of {imitates} ({detail}) but is not one of its domains; it may imitate it.", \
    "リンク {url} の接続先 {domain} は {imitates} の名前を含むドメイン ({detail}) ですが、そのドメインではありません。なりすましの可能性があります。") \
RULE(R_URL_USERINFO_DOMAIN, "url.userinfo_domain", DETECT_PHISHING, 65, \
    "URL that puts a domain before @ to disguise the real host", \
    "The link {url} shows \"{imitates}\" before an @, but really goes to {domain}.", \
    "リンク {url} は @ の前に「{imitates}」と表示していますが、実際の接続先は {domain} です。") \
RULE(R_URL_RCPT_FRAGMENT, "url.address_in_fragment", DETECT_PHISHING, 30, \
    "a link whose fragment, after '#', is the reader's own address (as written or in base64)", \
    "A link to {domain} carries your address ({detail}) after its '#', the part the web server never receives: a phishing page reads it there to fill in its sign-in form.", \
    "{domain} へのリンクは、'#' の後 (ウェブサーバーには送られない部分) にあなたのアドレス ({detail}) を持っています。フィッシングページがサインイン欄に埋めるために読む場所です。") \
RULE(R_URL_DATA_URI, "url.data_uri", DETECT_PHISHING, 50, \
    "link to a data: URL holding a page", \
    "A link opens a page carried inside the mail itself ({detail}), a trick to hide a phishing page from URL filters.", \
    "リンクはメール自体に埋め込まれたページ ({detail}) を開きます。URL フィルターからフィッシングページを隠す手口です。") \
RULE(R_URL_TEXT_MISMATCH_BRAND, "url.text_mismatch_brand", DETECT_PHISHING, 50, \
    "link text shows a brand's or the organisation's domain, the link goes elsewhere", \
    "A link reads \"{imitates}\" but goes to {url} ({domain}).", \
    "リンクは「{imitates}」と表示されていますが、実際は {url} ({domain}) に移動します。") \
RULE(R_URL_CRED_FORM, "url.credential_form", DETECT_PHISHING, 70, \
    "form in the mail body asking for a password", \
    "The mail itself contains a form asking for a password, sent to {url}.", \
    "メール本文にパスワードを入力させるフォームがあり、入力内容は {url} に送信されます。") \
RULE(R_URL_USERINFO, "url.userinfo", DETECT_SUSPICIOUS_URL, 40, \
    "URL with user information before the host", \
    "The link {url} hides its real host {domain} behind user information before an @.", \
    "リンク {url} は @ の前に文字列を置いて本当の接続先 {domain} を分かりにくくしています。") \
RULE(R_URL_EXE, "url.executable_download", DETECT_SUSPICIOUS_URL, 40, \
    "link to a program, script or disk image", \
    "The link {url} downloads a file of a risky type ({detail}).", \
    "リンク {url} は危険な形式のファイル ({detail}) をダウンロードさせます。") \
RULE(R_URL_IPFS, "url.ipfs", DETECT_SUSPICIOUS_URL, 40, \
    "link to a page on IPFS, where phishing pages cannot be taken down", \
    "The link {url} opens a page stored on IPFS, which phishing uses because pages there cannot be taken down.", \
    "リンク {url} は IPFS 上のページを開きます。IPFS のページは削除できないためフィッシングに悪用されます。") \
RULE(R_URL_IP, "url.ip_literal", DETECT_SUSPICIOUS_URL, 35, \
    "link to a bare IP address", \
    "The link {url} goes to the bare IP address {domain} instead of a named site.", \
    "リンク {url} はサイト名ではなく IP アドレス {domain} に直接接続します。") \
RULE(R_URL_IP_HOST, "url.ip_host", DETECT_SUSPICIOUS_URL, 35, \
    "link to a server's generic name that holds its IP address", \
    "The link {url} goes to {domain}, a server's generic name made of its IP address {detail}, not a named site.", \
    "リンク {url} の接続先 {domain} はサイト名ではなく、IP アドレス {detail} から機械的に付けられたサーバー名です。") \
RULE(R_URL_MIXED_SCRIPT, "url.mixed_script", DETECT_SUSPICIOUS_URL, 35, \
    "host name mixing writing systems", \
    "The link {url} goes to {domain}, whose name mixes writing systems ({detail}).", \
    "リンク {url} の接続先 {domain} は複数の文字体系を混ぜた名前です ({detail})。") \
RULE(R_URL_BRAND_IN_HOST, "url.brand_in_host", DETECT_PHISHING, 35, \
    "brand name in the host of an unrelated domain", \
    "The link {url} puts \"{imitates}\" in its host name but belongs to {domain}.", \
    "リンク {url} はホスト名に「{imitates}」を含めていますが、実際のドメインは {domain} です。") \
RULE(R_URL_LOCAL_HANDLER, "url.local_handler", DETECT_SUSPICIOUS_URL, 60, \
    "link that opens a share on the Internet or a Windows tool instead of the browser (file:, search-ms:, ms-msdt:)", \
    "A link opens {detail} in Windows instead of the browser ({url}): links like this show or run files from a share on the Internet, round the browser's warnings, to deliver malware.", \
    "リンクはブラウザーではなく Windows で {detail} を開きます ({url})。インターネット上の共有フォルダーのファイルをブラウザーの警告を経ずに表示・実行させる、マルウェア配布の手口です。") \
RULE(R_URL_JAVASCRIPT, "url.javascript", DETECT_SUSPICIOUS_URL, 15, \
    "link that runs JavaScript", \
    "A link runs JavaScript instead of opening a page.", \
    "リンクはページを開く代わりに JavaScript を実行します。") \
RULE(R_URL_REDIRECT, "url.open_redirect", DETECT_SUSPICIOUS_URL, 25, \
    "link through an open redirect to another site", \
    "The link {url} passes through {domain} to reach {detail}; open redirects hide where a link goes.", \
    "リンク {url} は {domain} を経由して {detail} に移動します。オープンリダイレクトはリンク先を隠すために使われます。") \
RULE(R_URL_FREE_HOSTING, "url.free_hosting", DETECT_SUSPICIOUS_URL, 20, \
    "page on free hosting or cloud storage", \
    "The link {url} opens a page on {domain}, a free hosting or storage service anyone can publish on.", \
    "リンク {url} は誰でも公開できる無料ホスティングやストレージ ({domain}) 上のページを開きます。") \
RULE(R_URL_CMS_PAGE, "url.cms_page", DETECT_SUSPICIOUS_URL, 25, \
    "page where a WordPress site keeps no pages of its own: a script or a folder among its uploads, or a page inside its core (wp-includes)", \
    "The link {url} opens a page where the WordPress site {domain} keeps no pages of its own ({detail}): its uploads hold pictures and documents, its core folder no pages to link to. A page placed there is what is left on a site broken into, and phishing kits are hosted so.", \
    "リンク {url} は、WordPress サイト {domain} が自分のページを置かない場所にあるページ ({detail}) を開きます。アップロード用フォルダーには画像や文書が、本体のフォルダーにはリンクするページがありません。そこに置かれたページは侵入されたサイトに残されたもので、フィッシングキットがよく置かれます。") \
RULE(R_URL_TEXT_MISMATCH, "url.text_mismatch", DETECT_SUSPICIOUS_URL, 20, \
    "link text shows one domain, the link goes to another", \
    "A link reads \"{imitates}\" but goes to {url} ({domain}).", \
    "リンクは「{imitates}」と表示されていますが、実際は {url} ({domain}) に移動します。") \
RULE(R_URL_FILE_TEXT, "url.file_text", DETECT_SUSPICIOUS_URL, 20, \
    "a link shown as a document's file name opens a web page elsewhere", \
    "A link shown as the file \"{detail}\" opens a web page on {domain} ({url}), not that document: mail that pretends a document is attached leads the reader this way.", \
    "ファイル名「{detail}」として表示されたリンクは、その文書ではなく {domain} のウェブページ ({url}) を開きます。文書の添付を装うメールの手口です。") \
RULE(R_URL_FORM, "url.form", DETECT_SUSPICIOUS_URL, 10, \
    "form in the mail body", \
    "The mail contains a form that sends what is typed to {url}.", \
    "メールには入力内容を {url} に送信するフォームがあります。") \
RULE(R_URL_PUNYCODE, "url.punycode", DETECT_SUSPICIOUS_URL, 15, \
    "internationalised (punycode) host", \
    "The link {url} goes to the internationalised name {domain} ({detail}).", \
    "リンク {url} の接続先は国際化ドメイン名 {domain} ({detail}) です。") \
RULE(R_URL_MAILTO_FREEMAIL, "url.mailto_freemail", DETECT_PHISHING, 40, \
    "a brand's message whose links write to a free mail address", \
    "The message speaks for {imitates} but its links open a mail to the free mail address {domain}.", \
    "メールは {imitates} を名乗っていますが、リンクはフリーメールのアドレス {domain} 宛てのメールを作成します。") \
RULE(R_URL_IMAGE_HOSTING, "url.image_hosting", DETECT_SPAM, 20, \
    "images loaded from a free image host", \
    "The mail shows images from the free image host {domain}, where senders hide from whoever they claim to be.", \
    "メールは無料画像ホスティング {domain} の画像を表示しています。送信者の正体を隠すためによく使われます。") \
RULE(R_URL_ANON_ONLY, "url.anonymous_only", DETECT_SUSPICIOUS_URL, 15, \
    "every link and picture is on services anyone can use anonymously", \
    "Every link and picture of the mail is on free hosting, free image hosts, URL shorteners or bare addresses ({detail}); nothing is on a site of the sender's own.", \
    "メールのリンクと画像はすべて無料ホスティング、無料画像ホスティング、短縮 URL または IP アドレス上にあり ({detail})、送信者自身のサイトはありません。") \
RULE(R_URL_COPIED_LETTER, "url.copied_newsletter", DETECT_SUSPICIOUS_URL, 30, \
    "another's newsletter copied to carry one link at its top", \
    "Most of the mail's links ({detail}) go to {domain}, whose newsletter it is, yet {domain} did not send it and the sender links nowhere to itself; the link above them, {url}, goes elsewhere. A publisher's letter copied whole gets past filters and carries that one link.", \
    "メールのリンクの大半 ({detail}) は {domain} へのもので、これは {domain} のニュースレターですが、送信者は {domain} ではなく、自分のサイトへのリンクもありません。その上にあるリンク {url} だけが別のサイトへ向かいます。他者のニュースレターを丸ごとコピーしてフィルターを通り抜け、そのリンクを運ばせるメールです。") \
RULE(R_URL_RANDOM_HOST, "url.random_host", DETECT_SUSPICIOUS_URL, 10, \
    "link to a host name that looks machine-generated", \
    "The link {url} goes to {domain}, a name that looks machine-generated.", \
    "リンク {url} の接続先 {domain} は機械的に生成された名前に見えます。") \
RULE(R_URL_SHORTENER, "url.shortener", DETECT_SUSPICIOUS_URL, 15, \
    "link through a URL shortener", \
    "The link {url} goes through the URL shortener {domain}, which hides its destination.", \
    "リンク {url} は短縮 URL サービス {domain} を経由しており、移動先が分かりません。") \
RULE(R_URL_IP_TEXT, "url.ip_literal_text", DETECT_SUSPICIOUS_URL, 10, \
    "bare IP address URL in plain text", \
    "The text mentions the address {url} on the bare IP address {domain}.", \
    "本文に IP アドレス {domain} の URL {url} が書かれています。") \
RULE(R_URL_RISKY_TLD, "url.risky_tld", DETECT_SUSPICIOUS_URL, 15, \
    "link under a top-level domain abused by phishing", \
    "The link {url} is under {detail}, a top-level domain much used by phishing.", \
    "リンク {url} はフィッシングに多用されるトップレベルドメイン {detail} 配下です。") \
RULE(R_URL_PORT, "url.nonstandard_port", DETECT_SUSPICIOUS_URL, 10, \
    "link to an unusual port", \
    "The link {url} uses the unusual port {detail}.", \
    "リンク {url} は通常使われないポート {detail} に接続します。") \
/* sender and authentication */ \
RULE(R_SPOOF_OWN, "sender.spoof_own_domain", DETECT_SPOOFING, 75, \
    "mail claims the organisation's own domain but fails authentication", \
    "The sender claims the organisation's own domain {domain} but the message failed authentication ({check}).", \
    "送信者は自組織のドメイン {domain} を名乗っていますが、認証に失敗しています ({check})。") \
RULE(R_SPOOF_BRAND, "sender.spoof_brand", DETECT_SPOOFING, 65, \
    "mail claims a brand's domain but fails authentication", \
    "The sender claims {domain} ({imitates}) but the message failed authentication ({check}).", \
    "送信者は {imitates} のドメイン {domain} を名乗っていますが、認証に失敗しています ({check})。") \
RULE(R_SENDER_LOOKALIKE_OWN, "sender.lookalike_own", DETECT_IMPERSONATION, 80, \
    "sender domain imitates the organisation's own", \
    "The sender's domain {domain} imitates the organisation's domain {imitates} ({detail}).", \
    "送信者のドメイン {domain} は自組織のドメイン {imitates} を模倣しています ({detail})。") \
RULE(R_SENDER_LOOKALIKE_CORR, "sender.lookalike_correspondent", DETECT_IMPERSONATION, 70, \
    "sender domain imitates a frequent correspondent", \
    "The sender's domain {domain} imitates the correspondent's domain {imitates} ({detail}).", \
    "送信者のドメイン {domain} は取引先のドメイン {imitates} を模倣しています ({detail})。") \
RULE(R_SENDER_LOOKALIKE_BRAND, "sender.lookalike_brand", DETECT_IMPERSONATION, 65, \
    "sender domain imitates a brand", \
    "The sender's domain {domain} imitates {imitates} ({detail}).", \
    "送信者のドメイン {domain} は {imitates} を模倣しています ({detail})。") \
RULE(R_SENDER_NAME_IN_DOMAIN, "sender.name_in_domain", DETECT_IMPERSONATION, 40, \
    "sender domain that holds the organisation's or a correspondent's name with words added", \
    "The sender's domain {domain} holds the name of {imitates} ({detail}) but is not one of its domains; it may imitate it.", \
    "送信者のドメイン {domain} は {imitates} の名前を含むドメイン ({detail}) ですが、そのドメインではありません。なりすましの可能性があります。") \
RULE(R_SENDER_DISPLAY_ADDR_BRAND, "sender.display_address_brand", DETECT_IMPERSONATION, 60, \
    "display name shows a brand's or the organisation's address, the mail comes from elsewhere", \
    "The sender's name shows the address \"{imitates}\" but the mail comes from {domain}.", \
    "送信者名はアドレス「{imitates}」を表示していますが、実際の送信元は {domain} です。") \
RULE(R_SENDER_DISPLAY_PERSON, "sender.display_person", DETECT_IMPERSONATION, 45, \
    "display name names someone of the organisation, the address is outside", \
    "The sender's name \"{imitates}\" is someone of the organisation, but the address is at {domain}.", \
    "送信者名「{imitates}」は自組織の人物ですが、アドレスは外部の {domain} です。") \
RULE(R_SENDER_DISPLAY_BRAND, "sender.display_brand", DETECT_IMPERSONATION, 40, \
    "display name names a brand, the address is elsewhere", \
    "The sender's name \"{detail}\" claims to be {imitates}, but the address is at {domain}.", \
    "送信者名「{detail}」は {imitates} を名乗っていますが、アドレスは {domain} です。") \
RULE(R_SENDER_BRAND_FREEMAIL, "sender.brand_freemail", DETECT_IMPERSONATION, 30, \
    "display name names a brand, the address is at a free mail service", \
    "The sender calls itself {imitates} but writes from the free mail service {domain}, which {imitates} does not use.", \
    "送信者は {imitates} を名乗っていますが、{imitates} が使わないフリーメール {domain} から送られています。") \
RULE(R_SENDER_BRAND_ELSEWHERE, "sender.brand_links_elsewhere", DETECT_IMPERSONATION, 30, \
    "display name names a brand, its links go elsewhere more than to the brand's sites", \
    "The sender calls itself {imitates}, but the mail's links lead to {domain} rather than to a site of {imitates}.", \
    "送信者は {imitates} を名乗っていますが、メール内のリンクは {imitates} のサイトではなく主に {domain} に向かいます。") \
RULE(R_SENDER_BRAND_HOSTING, "sender.brand_domain_hosting", DETECT_SPOOFING, 30, \
    "mail from a brand's own domain whose links go to a bare IP or IPFS, or to free hosting or pictures on a free image host while nothing of the mail is on the brand's sites", \
    "The mail claims to come from {imitates} ({domain}), yet it uses {url}, which anyone can publish or rent; {imitates} uses its own sites.", \
    "メールは {imitates} ({domain}) から送られたとしていますが、誰でも公開・利用できる {url} を使っています。{imitates} は自社のサイトを使います。") \
RULE(R_SENDER_FREEMAIL_EXEC, "sender.freemail_executive", DETECT_IMPERSONATION, 35, \
    "executive or role name sending from a free mail service", \
    "The sender calls itself \"{detail}\" but writes from the free mail service {domain}, a usual sign of CEO fraud.", \
    "送信者は「{detail}」と名乗っていますが、フリーメール {domain} から送信しています。CEO 詐欺によく見られる特徴です。") \
RULE(R_SENDER_FREEMAIL_AUTHORITY, "sender.freemail_authority", DETECT_IMPERSONATION, 35, \
    "police, court or tax office name sending from a free mail service", \
    "The sender calls itself \"{detail}\", an authority, but writes from the free mail service {domain}: police, courts and tax offices write from their own domains, and summons from them by free mail are a known scam.", \
    "送信者は公的機関「{detail}」を名乗っていますが、フリーメール {domain} から送信しています。警察・裁判所・税務当局は自らのドメインから送信します。フリーメールでの呼出状は典型的な詐欺です。") \
RULE(R_SENDER_REPLYTO_FREEMAIL, "sender.replyto_freemail", DETECT_IMPERSONATION, 30, \
    "replies go to a free mail address, not to the sender's organisation", \
    "Replies would go to the free mail address {imitates}, not to the sender's domain {domain}.", \
    "返信はフリーメールのアドレス {imitates} に送られ、送信者のドメイン {domain} には届きません。") \
RULE(R_SENDER_REPLYTO_LOOKALIKE, "sender.replyto_lookalike", DETECT_IMPERSONATION, 70, \
    "replies go to a domain that imitates the organisation's or a correspondent's", \
    "Replies would go to {domain}, which imitates {imitates} ({detail}): the answer to this mail would reach an imitation.", \
    "返信先のドメイン {domain} は {imitates} を模倣しています ({detail})。このメールへの返信は偽物に届きます。") \
RULE(R_SENDER_REPLYTO_OTHER_TLD, "sender.replyto_other_tld", DETECT_IMPERSONATION, 30, \
    "the organisation or a correspondent asks for replies at its name under another country's top-level domain", \
    "Replies would go to {domain}, the name of {imitates} under another top-level domain: its office in another country, or a look-alike registered to catch the answer. Check the address before replying.", \
    "返信先のドメイン {domain} は {imitates} と同じ名前で別のトップレベルドメインです。他国の拠点の場合もありますが、返信を横取りするために取得された偽物の場合もあります。返信前にアドレスを確認してください。") \
RULE(R_SENDER_MULTI_FROM, "sender.several_from", DETECT_SPOOFING, 30, \
    "From holds several addresses or a malformed one", \
    "The From header holds several or malformed addresses ({detail}), so mail programs may show a sender other than the real one.", \
    "From ヘッダーに複数または不正な形式のアドレスがあり ({detail})、メールソフトが本当の送信者と異なる名前を表示することがあります。") \
RULE(R_SENDER_RANDOM, "sender.random_domain", DETECT_SPAM, 15, \
    "sender domain that looks machine-generated", \
    "The sender's domain {domain} looks machine-generated, as throw-away spam domains do.", \
    "送信者のドメイン {domain} は機械的に生成された名前に見えます (使い捨ての迷惑メール用ドメインの特徴)。") \
RULE(R_SENDER_GENERATED, "sender.generated_address", DETECT_SPAM, 20, \
    "sender address made of words and a serial number", \
    "The sender's address {detail} is words joined by underscores and a serial number (name_name_12345), as spam tools make one for each mail from a list of names.", \
    "送信者のアドレス {detail} は単語をアンダースコアでつなぎ、連番を付けた形 (name_name_12345) です。迷惑メールの送信ツールが名前の一覧から一通ごとに作るアドレスの特徴です。") \
RULE(R_SENDER_ORG_MISMATCH, "sender.org_name_mismatch", DETECT_IMPERSONATION, 20, \
    "display name names an organisation the address shares no word with", \
    "The sender calls itself \"{detail}\", an organisation's name, but writes from {domain}, whose address shares no word with it.", \
    "送信者は組織名「{detail}」を名乗っていますが、送信元 {domain} のアドレスにはその名前の語が一つも含まれていません。") \
RULE(R_SENDER_RISKY_TLD, "sender.risky_tld", DETECT_SPAM, 15, \
    "sender domain under a top-level domain abused by phishing", \
    "The sender's domain {domain} is under {detail}, a top-level domain much used by phishing and throw-away spam domains.", \
    "送信者のドメイン {domain} はフィッシングや使い捨ての迷惑メールに多用されるトップレベルドメイン {detail} 配下です。") \
RULE(R_SENDER_DISPLAY_ADDR, "sender.display_address", DETECT_IMPERSONATION, 10, \
    "display name shows another address than the sender's", \
    "The sender's name shows the address \"{imitates}\" but the mail comes from {domain}.", \
    "送信者名はアドレス「{imitates}」を表示していますが、実際の送信元は {domain} です。") \
RULE(R_SENDER_DISPLAY_NUMBER, "sender.display_number", DETECT_PHISHING, 30, \
    "display name carries a long reference number", \
    "The sender's name \"{detail}\" carries a long reference number, which the name of a person or a company does not: bulk phishing stamps one on each mail so that it looks like an official notice.", \
    "送信者名「{detail}」には長い参照番号が含まれています。人や会社の名前には含まれないもので、大量送信のフィッシングは公式の通知に見せるため一通ごとに番号を付けます。") \
RULE(R_SENDER_DISPLAY_MARKS, "sender.display_decorated", DETECT_SPAM, 20, \
    "display name framed by marks (#Deals#, *Limited#)", \
    "The sender's name \"{detail}\" begins or ends with marks (#, *, _ or ~), which no person's or company's name does: bulk senders frame their names so that they stand out, and so that filters that read names miss them.", \
    "送信者名「{detail}」は記号 (#、*、_、~) で始まるか終わっています。人や会社の名前にはないもので、大量送信者が名前を目立たせ、名前を読むフィルターを逃れるために付けます。") \
RULE(R_SENDER_DISPLAY_OFFER, "sender.display_offer", DETECT_SPAM, 20, \
    "display name carries a price or a discount", \
    "The sender's name \"{detail}\" carries a price or a discount, which the name of a person or a company does not: bulk offers put them there to be read in the list of messages.", \
    "送信者名「{detail}」には価格や割引が含まれています。人や会社の名前には含まれないもので、大量送信の広告がメール一覧で目に付くように入れるものです。") \
RULE(R_SENDER_DISPLAY_RANDOM, "sender.display_random", DETECT_SPAM, 20, \
    "display name holds a word of letters strung at random", \
    "The sender's name {detail} holds letters strung at random, which no person or company is called: spam tools make up a sender's name for each mail.", \
    "送信者名 {detail} には、ランダムに並べた文字列が含まれています。人や会社の名前にはないもので、迷惑メールの送信ツールは一通ごとに送信者名を作ります。") \
RULE(R_AUTH_DMARC, "auth.dmarc_fail", DETECT_SPOOFING, 45, \
    "DMARC failed and the domain asks to quarantine or reject", \
    "The sender's domain {domain} failed DMARC and asks receivers to reject such mail ({check}).", \
    "送信者のドメイン {domain} は DMARC に失敗しており、ドメインはこのようなメールの拒否を求めています ({check})。") \
RULE(R_AUTH_COMPAUTH, "auth.compauth_fail", DETECT_SPOOFING, 35, \
    "Exchange Online composite authentication failed", \
    "Exchange Online could not confirm that the mail comes from {domain} ({check}).", \
    "Exchange Online は送信元が {domain} であることを確認できませんでした ({check})。") \
RULE(R_AUTH_DMARC_NONE, "auth.dmarc_fail_monitor", DETECT_SPOOFING, 15, \
    "DMARC failed, the domain only monitors", \
    "The sender's domain {domain} failed DMARC ({check}).", \
    "送信者のドメイン {domain} は DMARC に失敗しています ({check})。") \
RULE(R_AUTH_COMPAUTH_SOFT, "auth.compauth_softfail", DETECT_SPOOFING, 15, \
    "Exchange Online composite authentication soft-failed", \
    "Exchange Online could only weakly confirm that the mail comes from {domain} ({check}).", \
    "Exchange Online は送信元が {domain} であることを十分に確認できませんでした ({check})。") \
RULE(R_AUTH_SPF, "auth.spf_fail", DETECT_SPOOFING, 15, \
    "SPF failed and no DKIM signature passed", \
    "The sending server is not allowed to send for {domain} ({check}).", \
    "送信サーバーは {domain} のメールを送信する許可を得ていません ({check})。") \
RULE(R_SENDER_REPLYTO, "sender.replyto_mismatch", DETECT_SPOOFING, 10, \
    "Reply-To under another domain than From (not the organisation's or a correspondent's)", \
    "Replies would go to {imitates}, another domain than the sender's {domain}.", \
    "返信先 {imitates} は送信者のドメイン {domain} と異なります。") \
RULE(R_AUTH_DKIM, "auth.dkim_fail", DETECT_SPOOFING, 10, \
    "DKIM signature failed", \
    "The message's DKIM signature did not verify ({check}).", \
    "メールの DKIM 署名を検証できませんでした ({check})。") \
RULE(R_AUTH_EOP_SPAM, "auth.eop_spam", DETECT_SPAM, 30, \
    "Exchange Online rated the mail spam (SCL 5 or more)", \
    "Exchange Online's own filter rated this mail spam ({check}).", \
    "Exchange Online のフィルターがこのメールを迷惑メールと判定しています ({check})。") \
RULE(R_AUTH_EOP_MALWARE, "auth.eop_malware", DETECT_MALWARE, 80, \
    "Exchange Online found malware in the mail (CAT:MALW, AMP or SAP)", \
    "Exchange Online's own filter found malware in this mail ({check}); {detail}.", \
    "Exchange Online のフィルターがこのメールにマルウェアを検出しています ({check})。{detail}。") \
RULE(R_AUTH_EOP_HPHISH, "auth.eop_high_phish", DETECT_PHISHING, 60, \
    "Exchange Online judged the mail high-confidence phishing (CAT:HPHSH)", \
    "Exchange Online's own filter judged this mail phishing with high confidence ({check}); {detail}.", \
    "Exchange Online のフィルターがこのメールを確度の高いフィッシングと判定しています ({check})。{detail}。") \
RULE(R_AUTH_EOP_PHISH, "auth.eop_phish", DETECT_PHISHING, 40, \
    "Exchange Online judged the mail phishing (CAT:PHSH or INTOS)", \
    "Exchange Online's own filter judged this mail phishing ({check}); {detail}.", \
    "Exchange Online のフィルターがこのメールをフィッシングと判定しています ({check})。{detail}。") \
RULE(R_AUTH_EOP_IMPERSONATION, "auth.eop_impersonation", DETECT_IMPERSONATION, 30, \
    "Exchange Online judged the mail spoofed or impersonating (CAT:SPOOF, DIMP, UIMP, GIMP or BIMP)", \
    "Exchange Online's own filter judged that this mail spoofs or impersonates its sender ({check}); {detail}.", \
    "Exchange Online のフィルターがこのメールを送信者のなりすましと判定しています ({check})。{detail}。") \
RULE(R_SENDER_RETURNPATH, "sender.returnpath_mismatch", DETECT_SPOOFING, 5, \
    "envelope sender under another domain than From", \
    "The envelope sender {imitates} is under another domain than the From address ({domain}).", \
    "エンベロープ送信者 {imitates} は From アドレスのドメイン ({domain}) と異なります。") \
/* content */ \
RULE(R_CONTENT_EXTORTION, "content.extortion", DETECT_PHISHING, 70, \
    "extortion (claims of recordings or hacking, payment in crypto-currency)", \
    "The text threatens the recipient and demands payment ({detail}): an extortion scam.", \
    "本文は受信者を脅して支払いを要求しています ({detail})。脅迫詐欺です。") \
RULE(R_CONTENT_CRED_URGENT, "content.credential_urgent", DETECT_PHISHING, 50, \
    "asks to sign in or verify an account, under a threat or deadline", \
    "The text asks the reader to sign in or confirm account details under pressure ({detail}).", \
    "本文は期限や脅しで急がせながらサインインやアカウント情報の確認を求めています ({detail})。") \
RULE(R_CONTENT_ADVANCE_FEE, "content.advance_fee", DETECT_PHISHING, 60, \
    "advance-fee fraud (inheritance, lottery, funds to transfer)", \
    "The text promises money in exchange for contact or fees ({detail}): an advance-fee scam.", \
    "本文は連絡や手数料と引き換えに大金を約束しています ({detail})。前払い金詐欺です。") \
RULE(R_CONTENT_PAYMENT_CHANGE, "content.payment_change", DETECT_PHISHING, 45, \
    "asks to change bank details or pay to a new account (BEC)", \
    "The text asks to pay to new or changed bank details ({detail}), the core of business email compromise.", \
    "本文は振込先口座の変更や新しい口座への支払いを求めています ({detail})。ビジネスメール詐欺の典型です。") \
RULE(R_CONTENT_CHAT_MOVE, "content.chat_move", DETECT_IMPERSONATION, 40, \
    "a short mail asks, in confidence or in a hurry, to move to a chat app or give a private number (CEO fraud's opener)", \
    "The text asks to move the talk to a chat app or to give a private telephone number, in confidence or at once ({detail}): how CEO fraud begins, to go on where the organisation's mail cannot see.", \
    "本文は内密に、または急いで、チャットアプリへの移動や個人の電話番号を求めています ({detail})。社長を装う詐欺の始まり方で、会社のメールの外でやり取りを続けようとします。") \
RULE(R_SENDER_FREEMAIL_MONEY, "sender.freemail_money", DETECT_IMPERSONATION, 20, \
    "bank details, a call about a charge or a private channel asked for from a free mail address", \
    "The request comes from a free mail address ({domain}); a company's accounts department or executive writes from the company's own domain.", \
    "この依頼はフリーメールのアドレス ({domain}) から来ています。企業の経理担当や役員は自社のドメインから送信します。") \
RULE(R_CONTENT_GIFT_CARD, "content.gift_card", DETECT_PHISHING, 45, \
    "asks to buy gift cards and send their codes", \
    "The text asks the reader to buy gift cards or send card codes ({detail}).", \
    "本文はギフトカードの購入やコードの送付を求めています ({detail})。") \
RULE(R_CONTENT_WIRE, "content.wire_urgent", DETECT_PHISHING, 40, \
    "urgent or confidential wire transfer request", \
    "The text asks for an urgent or confidential money transfer ({detail}).", \
    "本文は至急または内密の送金を求めています ({detail})。") \
RULE(R_CONTENT_CRYPTO, "content.wallet_phrase", DETECT_PHISHING, 40, \
    "asks for a crypto wallet's recovery phrase or to validate a wallet", \
    "The text asks for a wallet's recovery phrase or to \"validate\" a crypto wallet ({detail}).", \
    "本文は暗号資産ウォレットのリカバリーフレーズや「ウォレットの認証」を求めています ({detail})。") \
RULE(R_CONTENT_CALLBACK, "content.callback", DETECT_PHISHING, 45, \
    "a charge, renewal or order to dispute by calling a telephone number (callback phishing)", \
    "The text reports a charge or renewal and asks to call {detail} to dispute it: callback phishing, where the caller is talked into paying or installing remote access.", \
    "本文は請求や自動更新を知らせ、取り消すには {detail} に電話するよう求めています。電話口で支払いや遠隔操作ソフトの導入をさせるコールバック型フィッシングです。") \
RULE(R_ATT_DOC_CALLBACK, "attach.doc_callback", DETECT_PHISHING, 45, \
    "an attached document reports a charge, renewal or order to dispute by calling a telephone number (callback phishing)", \
    "The attached document \"{name}\" reports a charge or renewal and asks to call {detail} to dispute it: callback phishing, where the caller is talked into paying or installing remote access.", \
    "添付文書「{name}」は請求や自動更新を知らせ、取り消すには {detail} に電話するよう求めています。電話口で支払いや遠隔操作ソフトの導入をさせるコールバック型フィッシングです。") \
RULE(R_CONTENT_CLICKFIX, "content.clickfix", DETECT_PHISHING, 70, \
    "instructions to open Windows' Run box or a terminal and paste or type a command (ClickFix)", \
    "The text tells the reader to open Windows' Run box or a terminal and run what it gives ({detail}): a \"verification\" that makes the reader run the attacker's program, with no file attached.", \
    "本文は Windows の「ファイル名を指定して実行」やターミナルを開き、渡したものを実行するよう指示しています ({detail})。「確認」を装って攻撃者のプログラムを読み手自身に実行させる手口 (ClickFix) で、ファイルの添付はありません。") \
RULE(R_ATT_HTML_CLICKFIX, "attach.html_clickfix", DETECT_PHISHING, 70, \
    "an attached web page that tells the reader to open Windows' Run box or a terminal and paste a command (ClickFix)", \
    "The attached page \"{name}\" tells the reader to open Windows' Run box or a terminal and run what it gives ({detail}): a \"verification\" that makes the reader run the attacker's program.", \
    "添付のページ「{name}」は Windows の「ファイル名を指定して実行」やターミナルを開き、渡したものを実行するよう指示しています ({detail})。「確認」を装って攻撃者のプログラムを読み手自身に実行させる手口 (ClickFix) です。") \
RULE(R_CONTENT_DEVICE_CODE, "content.device_code", DETECT_PHISHING, 65, \
    "a sign-in code to enter on a device sign-in page (device code phishing)", \
    "The mail gives a code to enter on a device sign-in page ({detail}). Such a code is shown on the device that signs in and is never mailed: whoever sent it is signed in to the reader's account when the reader enters it.", \
    "メールはデバイスのサインインページで入力するコードを伝えています ({detail})。このコードはサインインする機器の画面に出るもので、メールで届くことはありません。入力すると、送り主が読み手のアカウントにサインインします。") \
RULE(R_URL_OAUTH_CONSENT, "url.oauth_consent", DETECT_PHISHING, 55, \
    "a link that asks the reader to grant an application lasting access to the account (OAuth consent phishing)", \
    "The link {url} opens the identity provider's own consent page for an application that asks for {detail} and sends the grant to {domain}: accepting gives that site the mailbox or files without any password.", \
    "リンク {url} は ID プロバイダー自身の同意画面を開き、アプリに {detail} を許可させ、その許可を {domain} に送ります。承諾すると、パスワードなしでメールボックスやファイルがそのサイトに渡ります。") \
RULE(R_ATT_DOC_EXTORTION, "attach.doc_extortion", DETECT_PHISHING, 70, \
    "an attached document threatens the recipient and demands payment (extortion)", \
    "The attached document \"{name}\" threatens the recipient and demands payment ({detail}): an extortion scam.", \
    "添付文書「{name}」は受信者を脅して支払いを要求しています ({detail})。脅迫詐欺です。") \
RULE(R_CONTENT_CRYPTO_LOGIN, "content.crypto_login", DETECT_PHISHING, 60, \
    "the login and password of a crypto-currency account holding a balance, given away", \
    "The mail hands over the login and password of a crypto-currency account said to hold {detail}. Nobody gives away a fortune to a stranger: the site asks for a \"fee\" to withdraw, and that money is gone.", \
    "本文は {detail} の残高があるという暗号資産口座のログイン情報とパスワードを渡しています。見知らぬ人に大金を譲る人はいません。サイトは引き出しの「手数料」を求め、払ったお金は戻りません。") \
RULE(R_CONTENT_CRYPTO_GIVEAWAY, "content.crypto_giveaway", DETECT_PHISHING, 40, \
    "crypto-currency giveaway, airdrop or reward to claim", \
    "The text offers crypto-currency to claim ({detail}); such giveaways and airdrops lead to pages that empty the wallet connected to them.", \
    "本文は暗号資産の受け取りを持ちかけています ({detail})。こうした配布やエアドロップは、接続したウォレットを空にするページへ誘導します。") \
RULE(R_CONTENT_BRAND_ELSEWHERE, "content.brand_links_elsewhere", DETECT_IMPERSONATION, 25, \
    "a lure (sign-in, parcel, invoice, prize, crypto) in a brand's name whose links go elsewhere", \
    "The mail speaks in the name of {imitates}, but it does not come from {imitates} and its links lead to {domain} rather than to a site of {imitates}.", \
    "メールは {imitates} の名で書かれていますが、送信元は {imitates} ではなく、リンクも {imitates} のサイトではなく主に {domain} に向かいます。") \
RULE(R_CONTENT_CRED, "content.credential_request", DETECT_PHISHING, 35, \
    "asks to sign in, verify or update an account, password or payment card", \
    "The text asks the reader to sign in or confirm account, password or card details ({detail}).", \
    "本文はサインインやアカウント・パスワード・カード情報の確認を求めています ({detail})。") \
RULE(R_CONTENT_PRIZE, "content.prize", DETECT_PHISHING, 35, \
    "prize, reward or survey bait", \
    "The text baits with a prize, reward or refund ({detail}).", \
    "本文は賞品・報酬・返金で誘っています ({detail})。") \
RULE(R_CONTENT_OBFUSCATED, "content.obfuscated_text", DETECT_PHISHING, 35, \
    "words written with look-alike letters from other scripts or invisible characters", \
    "Words are written with look-alike letters or invisible characters to slip past filters ({detail}).", \
    "フィルターを回避するため、単語が似た形の別の文字や不可視文字で書かれています ({detail})。") \
RULE(R_CONTENT_RCPT_SUBJECT, "content.address_in_subject", DETECT_PHISHING, 30, \
    "the recipient's address written in the subject", \
    "The subject addresses the reader by their mail address ({detail}), as mass phishing does instead of a name.", \
    "件名が受信者を名前ではなくメールアドレス ({detail}) で呼んでいます。大量送信のフィッシングの特徴です。") \
RULE(R_CONTENT_RCPT_GREETING, "content.address_greeting", DETECT_PHISHING, 20, \
    "the text addresses the reader by their mail address near its top", \
    "Near its top the text addresses the reader by their mail address or its user name ({detail}), as mass mail that knows only the address does.", \
    "本文は冒頭近くで受信者をメールアドレスやユーザー名 ({detail}) で呼んでいます。アドレスしか知らない一斉送信によくある書き方です。") \
RULE(R_CONTENT_BRAND_SUBJECT, "content.brand_subject", DETECT_IMPERSONATION, 15, \
    "the subject names a brand the sender has nothing to do with", \
    "The subject names {imitates} but the mail comes from {domain}.", \
    "件名は {imitates} を名乗っていますが、送信元は {domain} です。") \
RULE(R_CONTENT_DELIVERY, "content.delivery_lure", DETECT_PHISHING, 25, \
    "parcel delivery or customs fee lure", \
    "The text claims a parcel is held or a fee is due ({detail}).", \
    "本文は荷物の保留や手数料の支払いを口実にしています ({detail})。") \
RULE(R_CONTENT_INVOICE, "content.invoice_lure", DETECT_PHISHING, 20, \
    "invoice, payment or document-sharing lure", \
    "The text presents an invoice, payment or shared document to open ({detail}).", \
    "本文は請求書・支払い・共有文書を開かせようとしています ({detail})。") \
RULE(R_CONTENT_URGENT, "content.urgency", DETECT_PHISHING, 10, \
    "pressure: deadlines, threats of suspension", \
    "The text pressures the reader ({detail}).", \
    "本文は読み手を急がせています ({detail})。") \
RULE(R_CONTENT_MONEY_BAIT, "content.money_bait", DETECT_PHISHING, 40, \
    "money said to be waiting in an account, to collect through a link", \
    "The mail says a sum is waiting in an account for the reader ({detail}) and sends them to a link to collect it: the page asks for a fee or for card details.", \
    "本文は受信者の口座に金額が入っていると告げ ({detail})、受け取るためのリンクへ誘導しています。リンク先では手数料やカード情報を求められます。") \
RULE(R_CONTENT_CREDITED, "content.credited_sum", DETECT_PHISHING, 30, \
    "a sum shown as already credited to the reader (\"+$354\", \"+17,794$\")", \
    "The mail shows a sum as already credited to the reader ({detail}), the way balance and bonus scams show money that is not there: collecting it costs a fee or card details.", \
    "本文は受信者に入金済みであるかのように金額を示しています ({detail})。残高やボーナスを装う詐欺の手口で、受け取るには手数料やカード情報を求められます。") \
RULE(R_CONTENT_SUBJECT_DISGUISED, "content.subject_disguised", DETECT_SPAM, 20, \
    "a subject with its words joined by underscores or dots instead of spaces", \
    "The subject joins its words with underscores or dots instead of spaces ({detail}), as bulk-mail tools do to slip past filters that read words.", \
    "件名の単語が空白ではなくアンダースコアやドットでつながれています ({detail})。単語を読むフィルターをすり抜けるための大量送信ツールの書き方です。") \
RULE(R_CONTENT_LEGAL, "content.legal_threat", DETECT_PHISHING, 40, \
    "a summons, charge or court case from a police force or court", \
    "The mail claims to be a summons or charge from a police force or court ({detail}); these never come by mail like this, and the link or attachment leads to a payment demand or malware.", \
    "本文は警察や裁判所からの呼び出しや告発を装っています ({detail})。このような連絡がメールで届くことはなく、リンクや添付は支払い要求やマルウェアにつながります。") \
RULE(R_CONTENT_TOOLS, "content.crime_shop", DETECT_PHISHING, 45, \
    "advertises stolen accounts or tools for intrusion and mass mailing", \
    "The mail sells stolen accounts or tools for breaking in and mass mailing ({detail}); it comes from the people who run phishing.", \
    "このメールは盗まれたアカウントや不正侵入・大量送信の道具を売っています ({detail})。フィッシングを行う者からのメールです。") \
RULE(R_CONTENT_ADULT, "content.adult", DETECT_SPAM, 35, \
    "adult contact or dating offer", \
    "The mail offers sex or dating contacts ({detail}); such mail leads to paid sites and fraud.", \
    "本文は性的な出会いや交際相手を持ちかけています ({detail})。有料サイトや詐欺へ誘導するメールです。") \
RULE(R_CONTENT_HEALTH, "content.health_offer", DETECT_SPAM, 35, \
    "medicine without prescription, diet pills or miracle cures", \
    "The mail sells medicine without prescription, slimming products or cures ({detail}).", \
    "本文は処方箋なしの医薬品、痩身商品や治療法を売り込んでいます ({detail})。") \
RULE(R_CONTENT_LEAD, "content.lead_offer", DETECT_SPAM, 30, \
    "subsidy, home-improvement, energy-saving or insurance offer asking the reader to request a quote or check eligibility", \
    "The mail offers subsidies, home improvements, energy savings or insurance and asks the reader to request a quote or check eligibility ({detail}): lead-generation spam, which sells the reply to installers and brokers.", \
    "本文は補助金、住宅の工事、光熱費の節約や保険を持ちかけ、見積もりや受給資格の確認を求めています ({detail})。返信を業者や代理店に売る見込み客集めの迷惑メールです。") \
RULE(R_CONTENT_JOB_SCAM, "content.job_scam", DETECT_PHISHING, 40, \
    "a job offered to whoever reads: pay by the day with a chat app or free mail to answer to, or payments to take in and pass on", \
    "The mail offers a job to whoever reads it ({detail}): pay by the day for a few minutes' work, answered on WhatsApp, Telegram or a free mail address, or payments to take in on one's own account and pass on. This is the task scam, which ends in the reader paying, or the recruiting of money mules, who launder stolen money in their own name.", \
    "本文は読み手の誰にでも仕事を持ちかけています ({detail})。短時間の作業に日払いの高額報酬を約束し WhatsApp・Telegram やフリーメールで連絡させるもの (最後は読み手が支払わされるタスク詐欺)、または自分の口座で代金を受け取り送金させるもの (盗んだ金の資金洗浄に名義を使われる「マネーミュール」の勧誘) です。") \
RULE(R_CONTENT_GAMBLING, "content.gambling", DETECT_SPAM, 35, \
    "casino or betting bonus", \
    "The mail advertises a casino or betting with bonuses ({detail}).", \
    "本文はボーナス付きのカジノや賭博を宣伝しています ({detail})。") \
RULE(R_CONTENT_FAKE_SAFE, "content.fake_safety_notice", DETECT_PHISHING, 35, \
    "the mail says of itself, at the top, that it is safe or from a trusted sender", \
    "The top of the mail says it is safe or comes from a trusted sender ({detail}). Mail programs show such notices in their own window, never inside a message: a mail that writes one itself imitates them to lower the reader's guard.", \
    "メールの冒頭に、このメールは安全である、または信頼できる送信者からのものであると書かれています ({detail})。メールソフトはこのような表示を自分の画面に出し、メール本文の中には出しません。本文に自ら書くのは、その表示をまねて読み手の警戒を解くためです。") \
RULE(R_CONTENT_BLANK, "content.blank", DETECT_SPAM, 30, \
    "blank mail from outside: no subject, no text, nothing attached", \
    "The mail from {domain} has no subject, no text, no link and nothing attached: it carries only the proof that the address is read (no bounce, a read receipt, a reply), which senders gather before a campaign. Do not answer it.", \
    "{domain} からのメールには件名も本文もリンクも添付ファイルもありません。運ぶのはこのアドレスが読まれているという証拠 (エラーメールが返らないこと、開封確認、返信) だけで、送信者は一斉送信の前にそれを集めます。返信しないでください。") \
RULE(R_CONTENT_SPAM, "content.spam", DETECT_SPAM, 20, \
    "marketing spam phrases", \
    "The text uses phrases typical of unsolicited bulk mail ({detail}).", \
    "本文には迷惑メールに典型的な表現があります ({detail})。") \
RULE(R_CONTENT_BAYES, "content.bayes_spam", DETECT_SPAM, 15, \
    "the words of the mail are those of spam to a statistical classifier (at least 99.5%)", \
    "A statistical classifier, trained on public spam and legitimate mail, reads the words of this mail as those of spam ({detail}).", \
    "公開されている迷惑メールと正当なメールで学習した統計的分類器が、このメールの語句を迷惑メールのものと判定しました ({detail})。") \
RULE(R_HTML_HIDDEN_STUFFING, "html.hidden_text_stuffing", DETECT_SPAM, 30, \
    "much more hidden than visible text", \
    "The HTML hides {detail} characters of text from the reader, to mislead filters.", \
    "HTML は読み手に見えない文字を {detail} 文字含んでおり、フィルターを欺こうとしています。") \
RULE(R_HTML_IMAGE_ONLY, "html.image_only", DETECT_SPAM, 20, \
    "a mail that is one linked picture, with next to no text, linking away from the sender", \
    "The mail is a picture with almost no text that links to {domain}: a message in an image cannot be read by filters.", \
    "本文はほとんど文字のない画像で、{domain} へリンクしています。画像の中のメッセージはフィルターが読めません。") \
RULE(R_HTML_HIDDEN, "html.hidden_text", DETECT_SPAM, 10, \
    "hidden text (zero font, display:none, invisible colour)", \
    "The HTML contains {detail} characters of hidden text.", \
    "HTML には見えない文字が {detail} 文字あります。") \
RULE(R_CORROBORATED, "engine.corroborated", DETECT_PHISHING, 10, \
    "findings of 15 or more from two or more of the sender, the greeting, link, text and attachment checks (takes the category of the strongest)", \
    "Independent checks agree.", \
    "独立した検査の結果が一致しています。") \
RULE(R_TRUNCATED, "engine.truncated", DETECT_RISKY_ATTACHMENT, 5, \
    "part of the message was past a limit and was analysed in part", \
    "Part of the message was past a limit and was analysed in part ({detail}).", \
    "メールの一部が上限を超えたため、部分的に解析しました ({detail})。")

#define RULE_ENUM(e, id, cat, w, what, en, ja) e,
enum rule_id {
	RULES(RULE_ENUM)
	R__MAX
};
#undef RULE_ENUM

#endif
