#!/usr/bin/python3
# 26-outlook: Outlook's own formats, written by tests/detect/outlook.py
# from their specifications.  The compressed RTF body (MS-OXRTFCP) of a
# TNEF winmail.dat and of an Outlook item: its encapsulated HTML
# (MS-OXRTFEX) and plain RTF with a HYPERLINK field read as the text
# Outlook shows, its code pages (\ansicpg, \fcharset, \u) decoded, what
# it does not show (hidden text, font tables, pictures) left out; a
# stored ("MELA") body.  Outlook items (.msg, MS-OXMSG, attached when a
# mail is forwarded as attachment): their subject and bodies read with
# the message, their files read as attachments ("fwd.msg > invoice.exe"),
# attached items inside them, 8-bit names in the item's code page, the
# depth limit, cut files; through the Graph adapter too.  The writer's
# compound files are read back by olefile, another implementation, and
# its compressor is checked against the specification's own example.
import base64, json, os, subprocess, sys, tempfile
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/detect"))
from shindan_test import *
import outlook as o
import olefile

SRC = ENV["SHINDAN_SRC"]
SCAN = [ENV["SHINDAN_BIN"] + "/shindan-scan", "--detail"]
t = Tap()
tmp = tempfile.mkdtemp(prefix="outlook.")
PE = b"MZ" + b"\0" * 58 + b"\x40\0\0\0" + b"PE\0\0" + b"\0" * 200


def mail(att, name, ctype, text="Please see the attached message."):
    return ("From: IT Desk <it@fabrikam.example>\nTo: taro@contoso.com\n"
            "Subject: notice\nMIME-Version: 1.0\nContent-Type: multipart/"
            "mixed; boundary=b1\n\n--b1\nContent-Type: text/plain\n\n%s\n"
            "--b1\nContent-Type: %s; name=\"%s\"\nContent-Disposition: "
            "attachment; filename=\"%s\"\nContent-Transfer-Encoding: base64"
            "\n\n%s\n--b1--\n" % (text, ctype, name, name,
                                 base64.encodebytes(att).decode()))


def scan_text(text, extra=(), env=None):
    path = os.path.join(tmp, "m.eml")
    with open(path, "w") as f:
        f.write(text)
    r = subprocess.run(SCAN + list(extra) + [path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, timeout=120)
    if r.returncode != 0 or not r.stdout:
        return {"verdict": "none (exit %d)" % r.returncode, "findings": []}
    return json.loads(r.stdout.splitlines()[0])


def scan(att, name="winmail.dat", ctype="application/ms-tnef", **kw):
    return scan_text(mail(att, name, ctype), **kw)


def rules(r):
    return set(f["rule"] for f in r["findings"])


def finding(r, rule):
    for f in r["findings"]:
        if f["rule"] == rule:
            return f
    return None


def tokens(att, name="winmail.dat", ctype="application/ms-tnef"):
    """The words the engine read from the mail (SHINDAN_DETECT_TOKENS)."""
    env = dict(os.environ, SHINDAN_DETECT_TOKENS="1")
    f = finding(scan(att, name, ctype, env=env), "tokens")
    return set(f["evidence"].split()) if f else set()


def rtf_tnef(rtf, compress=o.lzfu):
    return o.tnef([(o.PT_BINARY, 0x1009, compress(rtf))])


# ---- the compressor, against MS-OXRTFCP's example (section 3.1.1) ----
t.is_(o.lzfu(b"{\\rtf1 WXYZWXYZWXYZWXYZWXYZ}"),
      b"\x1a\x00\x00\x00\x1c\x00\x00\x00LZFu\xe2\xd4KQA\x00\x04 WXYZ\rn}"
      b"\x01\x0e\xb0", "the test's compressor writes the specification's "
      "example byte for byte (CRC included)")

# ---- encapsulated HTML (\fromhtml1), as Outlook writes an HTML mail ----
ENC = o.ENC_RTF
r = scan(rtf_tnef(ENC))
t.ok({"url.ip_literal", "content.credential_request"} <= rules(r),
     "winmail.dat: the link and words of its compressed RTF body "
     "(encapsulated HTML) are read (%s: %s)" % (
         r["verdict"], " ".join(sorted(rules(r)))))
t.is_(r["verdict"], "threat", "... and the mail is a threat")
r = scan(rtf_tnef(ENC, o.mela))
t.ok("url.ip_literal" in rules(r), "a stored (MELA) RTF body is read too")
# Text under \htmlrtf is RTF's own, not the page's: left out.
w = tokens(rtf_tnef(ENC.replace(b"\\htmlrtf {\\field",
                                b"\\htmlrtf quokkaword {\\field")))
t.ok("mailbox" in w and "quokkaword" not in w,
     "text marked \\htmlrtf is not read as the page's (words: %s)" %
     " ".join(sorted(w)[:12]))

# ---- plain RTF: its text, a HYPERLINK field, code pages ----
PLAIN = o.PLAIN_RTF
r = scan(rtf_tnef(PLAIN))
f = finding(r, "url.text_mismatch_brand")
t.ok(f is not None and "example-verify.top" in f["evidence"],
     "plain RTF: a HYPERLINK field whose text shows another domain is "
     "read as a link (%s)" % " ".join(sorted(rules(r))))
# Switches before the URL: \n (a new window) takes no argument, \o (a
# tip) one; \l names a place in the document, no link.
r = scan(rtf_tnef(b"{\\rtf1\\ansi Dear user, {\\field{\\*\\fldinst{HYPERLINK "
                  b"\\\\n \\\\o \"tip\" \"http://203.0.113.5/a\"}}{\\fldrslt{here}}}}"))
t.ok("url.ip_literal" in rules(r), "a HYPERLINK field's URL after the "
     "switches \\n and \\o is read (%s)" % " ".join(sorted(rules(r))))
w = tokens(rtf_tnef(PLAIN))
t.ok("請求書" in w, "\\'hh bytes in a \\fcharset128 font read as Shift_JIS "
     "(words: %s)" % " ".join(sorted(w)))
t.ok("確認" in w, "\\u characters read, their fallback skipped")
t.ok("hiddenwombat" not in w and "gothic" not in w and
     "zebrapicture" not in w and "riched20" not in w,
     "hidden text, the font table, pictures and \\* destinations are not "
     "read")
t.ok("review" in w and "dear" in w, "the body's words are read")

# ---- hostile RTF: deep groups, cut data, a lying header ----
deep = b"{\\rtf1 " + b"{" * 5000 + b"Sign in http://203.0.113.8/x" + \
    b"}" * 5000 + b"}"
r = scan(rtf_tnef(deep))
t.ok("url.ip_literal_text" in rules(r), "5,000 nested groups: text still read "
     "(%s)" % r["verdict"])
c = o.lzfu(ENC)
for cut in (16, 17, 40, len(c) // 2, len(c) - 1):
    r = scan(o.tnef([(o.PT_BINARY, 0x1009, c[:cut])]))
    t.ok(r["verdict"] in ("clean", "potential", "threat"),
         "an RTF body cut at byte %d: a verdict (%s)" % (cut, r["verdict"]))
liar = bytearray(c)
liar[4:8] = (10).to_bytes(4, "little")     # RAWSIZE says 10 bytes
r = scan(o.tnef([(o.PT_BINARY, 0x1009, bytes(liar))]))
t.ok("url.ip_literal" in rules(r), "a RAWSIZE that says less than the "
     "body holds does not hide the rest")

# ---- Outlook items (.msg) ----
item = o.msg(subject="Your mailbox is full", body="Sign in to keep mail.",
             html=b"<html><body><a href=\"http://203.0.113.9/owa\">Sign in"
             b"</a></body></html>", attachments=[("invoice.exe", PE)])
ole = olefile.OleFileIO(item)
t.ok(ole.exists("__attach_version1.0_#00000000/__substg1.0_37010102") and
     ole.openstream("__attach_version1.0_#00000000/__substg1.0_37010102")
     .read() == PE and ole.openstream("__substg1.0_0037001F").read()
     .decode("utf-16le") == "Your mailbox is full",
     "olefile reads the test's .msg: its subject and attached file")
r = scan(item, "fwd.msg", "application/vnd.ms-outlook")
f = finding(r, "attach.executable")
t.ok(f is not None and f.get("attachment") == "fwd.msg > invoice.exe",
     "a program attached to an Outlook item is found, named "
     "\"fwd.msg > invoice.exe\" (%s)" % " ".join(sorted(rules(r))))
fj = finding(scan(item, "fwd.msg", "application/vnd.ms-outlook",
                  extra=["--lang", "ja"]), "attach.executable")
t.ok(fj is not None and "fwd.msg > invoice.exe" in fj["evidence"] and
     "プログラム" in fj["evidence"], "... in the Japanese evidence too (%s)"
     % (fj["evidence"] if fj else "none"))
t.ok({"url.ip_literal", "content.credential_request"} <= rules(r),
     "the item's HTML body and words are read with the message")
r = scan(item, "fwd.msg", "application/octet-stream")
t.ok("attach.executable" in rules(r), "... whatever its content type")
r = scan(o.msg(subject="Notice", rtf=o.lzfu(ENC)), "notice.msg",
         "application/vnd.ms-outlook")
t.ok("url.ip_literal" in rules(r), "an item's compressed RTF body is read")
w = tokens(o.msg(subject="Quarterly wombat figures", body="Numbers."),
           "q.msg", "application/vnd.ms-outlook")
t.ok("wombat" in w and "quarterly" in w, "an item's subject is read")

inner = o.msg_node(subject="Payment", body="see attached", embedded=True,
                   attachments=[("payment.js", b"WScript.Shell")])
r = scan(o.msg(subject="FW: Payment", body="Forwarded",
               attachments=[("Payment", inner)]),
         "fw.msg", "application/vnd.ms-outlook")
f = finding(r, "attach.script")
t.ok(f is not None and f.get("attachment") == "fw.msg > Payment > "
     "payment.js", "a script in an item attached to an item is found "
     "(%s)" % (f.get("attachment") if f else " ".join(sorted(rules(r)))))

# 8-bit strings in the item's code page (PR_INTERNET_CPID 932).
sj = o.msg(subject="請求書".encode("cp932"), body=b"see attached",
           strings=o.PT_STRING8, codepage=932,
           attachments=[("請求書.exe".encode("cp932"), PE)])
r = scan(sj, "sj.msg", "application/vnd.ms-outlook")
f = finding(r, "attach.executable")
t.ok(f is not None and f.get("attachment") == "sj.msg > 請求書.exe",
     "an 8-bit name in the item's code page (932) is read as Shift_JIS "
     "(%s)" % (f.get("attachment") if f else "none"))

# Items attached five deep: the program past the depth limit is named.
node = o.msg_node(subject="x", body="x", embedded=True,
                  attachments=[("invoice.exe", PE)])
for i in range(5):
    node = o.msg_node(subject="x%d" % i, body="x", embedded=True,
                      attachments=[("level%d" % i, node)])
r = scan(o.msg(subject="deep", body="x", attachments=[("level", node)]),
         "deep.msg", "application/vnd.ms-outlook")
t.ok("attach.executable" in rules(r) or "attach.double_extension" in
     rules(r) or any(f.get("attachment", "").endswith("invoice.exe") for f
                     in r["findings"]),
     "a program six items deep is still named (%s)" %
     " ".join(sorted(rules(r))))

# A harmless item: clean.
r = scan(o.msg(subject="Minutes", body="The minutes of Tuesday's meeting "
               "are attached.", attachments=[("minutes.txt",
                                              b"Attendees: Sato, Suzuki\n")]),
         "minutes.msg", "application/vnd.ms-outlook")
t.is_(r["verdict"], "clean", "a harmless item is clean")

# Cut at every 97th byte: a verdict each time.
bad = 0
for cut in range(0, len(item), 97):
    r = scan(item[:cut], "cut.msg", "application/vnd.ms-outlook")
    if r["verdict"] not in ("clean", "potential", "threat"):
        bad += 1
t.is_(bad, 0, "an item cut at every 97th byte: a verdict each time")

# ---- review 27: RTF Word and Outlook read otherwise ----
LURE = (b"{\\field{\\*\\fldinst{HYPERLINK \"http://login-microsoftonline."
        b"example-verify.top/x\"}}{\\fldrslt{https://login.microsoftonline."
        b"com/}}}")


def rtf_rules(body, head=b"{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 "
              b"Arial;}}"):
    return rules(scan(rtf_tnef(head + body + b"}")))


t.ok("url.text_mismatch_brand" in rtf_rules(LURE.replace(b"\\*\\fldinst",
                                                         b"\\fldinst")),
     "a field's instruction without \\* is read (Word reads both)")
t.ok("url.text_mismatch_brand" in rtf_rules(LURE.replace(
    b"HYPERLINK ", b"HYPERLINK \\\\o \"" + b"t" * 3000 + b"\" ")),
     "an instruction longer than 2 KB keeps its URL")
t.ok("url.text_mismatch_brand" in rtf_rules(
    b"{\\upr{Nothing to see.}{\\*\\ud{" + LURE + b"}}}"),
     "\\upr: its \\*\\ud group, which Word shows, is read")
t.ok("url.text_mismatch_brand" in rtf_rules(
    b"{\\object\\objemb{\\*\\objclass Word.Document.8}{\\*\\objdata "
    b"0102}{\\result " + LURE + b"}}"),
     "an \\object's \\result, which Word shows, is read")
t.ok("url.text_mismatch_brand" in rtf_rules(
    b"{\\shp{\\*\\shpinst{\\sp{\\sn fillColor}{\\sv 255}}{\\shptxt " +
    LURE + b"}}}"), "a text box's text (\\shptxt) is read")
w = tokens(rtf_tnef(b"{\\rtf1\\ansi\\uc1 p\\u97\\~ssword quokk\\u97\\_word "
                    b"wom\\u98\\-at}"))
t.ok({"password", "quokkaword", "wombat"} <= w,
     "control symbols after \\u are its fallback, skipped whole (words: "
     "%s)" % " ".join(sorted(w)))
HIDDEN = (b"{\\rtf1\\ansi\\ansicpg1252\\fromhtml%s \\deff0{\\fonttbl{\\f0 "
          b"Arial;}}{\\*\\htmltag19 <html>}\\htmlrtf Your mailbox is full. " +
          LURE + b"\\htmlrtf0 {\\*\\htmltag27 </html>}}")
t.ok("url.text_mismatch_brand" in rules(scan(rtf_tnef(HIDDEN % b"0"))),
     "\\fromhtml0 is no encapsulation: the text under \\htmlrtf is "
     "what Outlook shows")
late = HIDDEN.replace(b"\\ansicpg1252", b"\\ansicpg1252" + b"\\b0" * 12)
t.ok("url.text_mismatch_brand" in rules(scan(rtf_tnef(late % b"1"))),
     "\\fromhtml1 after the first ten tokens is no encapsulation either")
t.ok("url.text_mismatch_brand" not in rules(scan(rtf_tnef(HIDDEN % b"1"))),
     "... while in its place it is (the \\htmlrtf text left out)")
COMMENT = (b"{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\deff0{\\fonttbl{\\f0 "
           b"Arial;}}{\\*\\htmltag19 <html>}{\\*\\htmltag0 \\htmlrtf <!--"
           b"\\htmlrtf0}{\\*\\htmltag84 <a href=\"http://203.0.113.7/\">}Sign in"
           b"{\\*\\htmltag92 </a>}\\htmlrtf {\\*\\htmltag0 -->}\\htmlrtf0 "
           b"{\\*\\htmltag27 </html>}}")
t.ok("url.ip_literal" in rules(scan(rtf_tnef(COMMENT))),
     "tags under \\htmlrtf are no part of the page (a comment written "
     "there hid the link)")
w = tokens(rtf_tnef(b"{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0"
                    b"\\fcharset128 MS Gothic;}{\\f1\\fcharset0 Arial;}}"
                    b"{\\f1 caf\\'e9 r\\'e9sum\\'e9}}"))
t.ok("cafe" in w and "resume" in w, "a \\fcharset0 font is read in the "
     "document's code page, not the default font's (words: %s)" %
     " ".join(sorted(w)))
w = tokens(rtf_tnef(b"{\\rtf1\\ansi\\ansicpg932\\deff0 " +
                    "ソフト表示".encode("cp932") + b"}"))
t.ok("ソフト表示" in w, "raw Shift_JIS whose trail byte is 0x5C is read "
     "as Shift_JIS (words: %s)" % " ".join(sorted(w)))
# 3 single bytes, then pairs: a cut every 2,048 bytes would split one.
text = "ab " * 341 + "ｱｱ " + "請求書 " * 700 + "zebra"
w = tokens(rtf_tnef(b"{\\rtf1\\ansi\\ansicpg932\\deff0 " + b"".join(
    b"\\'%02x" % c for c in text.encode("cp932")) + b"}", o.mela))
t.ok({x for x in w if x > "\u3000"} == {"請求書", "ｱｱ"},
     "a long run of \\'hh bytes in Shift_JIS: no character split (words: "
     "%s)" % " ".join(sorted(w)))
t.ok("url.text_mismatch_brand" in rtf_rules(b"\\bin999999 " + LURE),
     "\\bin in shown text does not hide the rest of the body")

# ---- review 27: items Outlook reads that the engine did not ----
fwd = o.msg(subject="Fwd", html=b"<p>Your mailbox is full.</p><a href=\""
            b"http://203.0.113.9/owa\">Sign in</a>")
tn = o.tnef([]) + o.tnef_attr(2, 0x00069002, b"\1\0\xff\xff\xff\xff\0\0"
                              b"\0\0\0\0") + \
    o.tnef_attr(2, 0x00018010, b"fwd.msg\0") + o.tnef_attr(2, 0x0006800F, fwd)
r = scan(tn)
t.ok("url.ip_literal" in rules(r), "an item in a winmail.dat: its body is "
     "read (%s)" % " ".join(sorted(rules(r))))
up = bytearray(o.msg(subject="x", body="x", attachments=[("invoice.exe",
                                                            PE)]))
for e in o.dir_entries(up):
    if e[1].startswith("__attach_version1.0_#"):
        u = e[1].upper().encode("utf-16le")
        up[e[0]:e[0] + len(u)] = u
r = scan(bytes(up), "up.msg", "application/vnd.ms-outlook")
t.ok("attach.executable" in rules(r), "an attachment storage named in "
     "upper case is read (compound files ignore case)")
# 450 attached items whose HTML bodies are all one 1 MB stream, and 300
# attachments whose storages hold the root's tree (themselves): a
# verdict, within the message's budget.
para = b"<p>Quarterly figures, with words and numbers 12345.</p>\n"
inner = o.msg_node(subject="x", html=b"<p>x</p>", embedded=True)
big = bytearray(o.msg(subject="Report", html=para * ((1 << 20) // len(para)),
                      attachments=[("item%d" % i, inner)
                                   for i in range(450)]))
ents = o.dir_entries(big)
top = [e for e in ents if e[1] == "__substg1.0_10130102"][0]
for e in ents:
    if e[1] == "__substg1.0_10130102" and e is not top:
        o.dir_set(big, e[0], "stream", (top[6], top[7]))
r = scan(bytes(big), "report.msg", "application/vnd.ms-outlook")
t.ok(r["verdict"] in ("clean", "potential") and "engine.truncated" in
     rules(r), "450 items sharing one 1 MB body: read within the budget, "
     "the cut said (%s)" % r["verdict"])
cyc = bytearray(o.cfb(o.msg_node(subject="Report", body="x") +
                      [("__attach_version1.0_#%08X" % i, [])
                       for i in range(300)]))
ents = o.dir_entries(cyc)
for e in ents:
    if e[1].startswith("__attach_version1.0_#"):
        o.dir_set(cyc, e[0], "child", ents[0][5])
r = scan(bytes(cyc), "loop.msg", "application/vnd.ms-outlook")
t.ok(r["verdict"] in ("clean", "potential", "threat"),
     "300 attachment storages that hold the root's tree: a verdict (%s)"
     % r["verdict"])

# ---- an item given as the message itself (a .msg file of an export) ----
def scan_file(data, name="item.msg"):
    path = os.path.join(tmp, name)
    with open(path, "wb") as fh:
        fh.write(data)
    r = subprocess.run(SCAN + [path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=120)
    if r.returncode != 0 or not r.stdout:
        return {"verdict": "none (exit %d)" % r.returncode, "findings": []}
    return json.loads(r.stdout.splitlines()[0])


HDR = ("Received: from mail.example.net\r\nFrom: \"Microsoft 365\" <alerts@"
       "m365-secure-check.top>\r\nTo: taro@contoso.com\r\nSubject: Your "
       "mailbox is full\r\nAuthentication-Results: spf=fail smtp.mailfrom="
       "m365-secure-check.top; dkim=none; dmarc=fail action=none "
       "header.from=m365-secure-check.top;compauth=fail reason=001\r\n"
       "MIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n\tboundary="
       "\"xyz\"\r\n\r\n")
r = scan_file(o.msg(subject="Your mailbox is full", headers=HDR,
                    body="Sign in to keep your mail.",
                    html=b'<a href="http://203.0.113.9/owa">Sign in</a>',
                    attachments=[("invoice.pdf.exe", PE)]))
f = finding(r, "attach.double_extension")
t.ok(f is not None and f.get("attachment") == "invoice.pdf.exe",
     "a .msg file scanned as a message: its file is its attachment "
     "(%s)" % " ".join(sorted(rules(r))))
t.ok({"auth.compauth_fail", "sender.display_brand", "url.ip_literal",
      "content.credential_request"} <= rules(r),
     "... its kept headers (Authentication-Results, From) and its bodies "
     "are read")
r = scan_file(o.msg(subject="Invoice", body="Please pay the attached.",
                    sender=("Microsoft Billing", "billing@ms-invoices.top"),
                    attachments=[("invoice.html", b"<html><form action='"
                                  b"http://203.0.113.3/x'><input type="
                                  b"password name=p></form></html>")]))
t.ok({"sender.display_brand", "attach.html_credential_form"} <= rules(r),
     "a .msg without headers: its sender from its properties, its page "
     "read (%s)" % " ".join(sorted(rules(r))))
inner = o.msg_node(subject="Re: access", embedded=True,
                   html=b"<p>Your mailbox is full.</p><a href=\"http://"
                   b"203.0.113.9/owa\">Sign in</a>")
r = scan_file(o.msg(subject="FW: access", body="See below.", sender=(
    "Sato Hanako", "sato@fabrikam.example"), attachments=[("access",
                                                          inner)]))
t.ok("url.ip_literal" in rules(r), "a .msg file: the body of an item "
     "attached to it is read too (%s)" % " ".join(sorted(rules(r))))
r = scan_file(o.msg(subject="Minutes", body="The minutes are attached.",
                    sender=("Sato Hanako", "sato@fabrikam.example"),
                    attachments=[("minutes.txt", b"Attendees: Sato\n")]))
t.is_(r["verdict"], "clean", "a harmless .msg file is clean")
item2 = o.msg(subject="Your mailbox is full", headers=HDR, body="x",
              attachments=[("invoice.pdf.exe", PE)])
bad = 0
for cut in range(0, len(item2), 211):
    if scan_file(item2[:cut])["verdict"] not in ("clean", "potential",
                                                 "threat"):
        bad += 1
t.is_(bad, 0, "a .msg file cut at every 211th byte: a verdict each time")

# ---- review 28: an item as the message, as Outlook shows it ----
AUTH = ("Authentication-Results: spf=fail smtp.mailfrom=ms-alerts.top; "
        "dkim=none; dmarc=fail action=none header.from=ms-alerts.top;"
        "compauth=fail reason=001")
r = scan_file(o.msg(headers="From: a@ms-alerts.top\r\nX-Junk: a\0b\r\n" +
                    "X-Pad: " + "p" * 90000 + "\r\n" + AUTH + "\r\n\r\n",
                    body="x"))
t.ok("auth.compauth_fail" in rules(r), "a NUL in the kept headers: the "
     "headers after it are read (%s)" % r["verdict"])
r = scan_file(o.msg(headers="From: x@ms-alerts.top\r" + AUTH + "\rSubject: "
                    "hi\rContent-Type: multipart/mixed; boundary=b\r\r",
                    body="x"))
t.ok("auth.compauth_fail" in rules(r) and "sender.several_from" not in
     rules(r), "kept headers with bare CR line ends are read line by line "
     "(%s)" % " ".join(sorted(rules(r))))
r = scan_file(o.msg(headers="From: Sato Hanako <sato@fabrikam.example>\r\n"
                    "Subject: Minutes\r\n\r\n", subject="Microsoft 365: "
                    "your password expires today", body="See below.",
                    sender=("Microsoft 365 Security", "security@ms-alerts."
                            "top")))
t.ok({"sender.display_brand", "content.brand_subject"} <= rules(r),
     "the subject and sender Outlook shows are the item's properties, "
     "whatever its kept headers say (%s)" % " ".join(sorted(rules(r))))
ex = bytearray(o.msg(subject="Lunch", body="Shall we have lunch at noon?"))
r = scan_file(o.msg(subject="Lunch", body="Shall we have lunch at noon?",
                    sender=("Sato Hanako", "/O=CONTOSO/OU=EXCHANGE/CN="
                            "RECIPIENTS/CN=SATO")))
t.is_(r["verdict"], "clean", "an item from inside the organisation, its "
      "sender an Exchange address and no SMTP one, is clean (%s)" %
      " ".join(sorted(rules(r))))
pkg = o.msg(subject="Invoice", body="See the attached invoice.",
            attachments=[("invoice.pdf", ("ole", [o.ole_package(
                b"invoice.pdf.exe", b"C:\\Users\\x\\invoice.pdf.exe",
                PE)]))])
r = scan_file(pkg)
f = finding(r, "attach.executable")
t.ok(f is not None and f.get("attachment") == "invoice.pdf > "
     "invoice.pdf.exe" and "attach.ole_object" in rules(r),
     "a program packaged as an OLE object in a .msg file is read "
     "(%s)" % (f.get("attachment") if f else " ".join(sorted(rules(r)))))
r = scan(pkg, "fwd.msg", "application/vnd.ms-outlook")
t.ok(any(g.get("attachment") == "fwd.msg > invoice.pdf > invoice.pdf.exe"
         for g in r["findings"] if g["rule"] == "attach.executable"),
     "... and in an attached item")
r = scan_file(o.msg(subject="Report", body="See the report.", attachments=[
    ("report.doc", ("ole", [("WordDocument", b"\0" * 64), ("Macros", [
        ("VBA", [("dir", b"\0" * 16)])])]))]))
t.ok("attach.macro" in rules(r), "a document with macros as an OLE "
     "object in a .msg file is said so (%s)" % " ".join(sorted(rules(r))))
r = scan_file(o.msg(subject="Invoice", body="See the invoice.", attachments=[
    ("invoice", ("ref", "\\\\fileserver\\share\\invoice.pdf.exe"))]))
t.ok("attach.double_extension" in rules(r), "a file attached by reference "
     "is checked by its path's name (%s)" % " ".join(sorted(rules(r))))
# 100 attachments whose bytes are one 6 MB stream: read within the
# message's budget.
big = bytearray(o.msg(subject="Report", body="x", attachments=[
    ("part%d.bin" % i, bytes([i]) * (6 << 20 if i == 0 else 4096))
    for i in range(100)]))
ents = o.dir_entries(big)
first = [e for e in ents if e[1] == "__substg1.0_37010102"][0]
for e in ents:
    if e[1] == "__substg1.0_37010102":
        o.dir_set(big, e[0], "stream", (first[6], first[7]))
r = scan_file(bytes(big))
t.ok(r["verdict"] in ("clean", "potential") and "engine.truncated" in
     rules(r), "100 attachments sharing one 6 MB stream: read within the "
     "budget, the cut said (%s)" % " ".join(sorted(rules(r))))

# ---- through the Graph adapter (a .msg as a fileAttachment) ----
eml = os.path.join(tmp, "g.eml")
with open(eml, "w") as fh:
    fh.write(mail(o.msg(subject="Notice", rtf=o.lzfu(ENC)), "notice.msg",
                  "application/vnd.ms-outlook"))
js = os.path.join(tmp, "g.json")
subprocess.run([os.path.join(SRC, "tools/eml2graph"), eml, js], check=True)
p = subprocess.run(SCAN + ["--graph", js], stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE)
g = json.loads(p.stdout.splitlines()[0]) if p.stdout else {"findings": []}
t.ok("url.ip_literal" in rules(g), "through Graph: an attached item's RTF "
     "body is read (%s)" % " ".join(sorted(rules(g))))

t.done()
