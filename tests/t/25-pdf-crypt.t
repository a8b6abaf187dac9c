#!/usr/bin/python3
# 25-pdf-crypt: encrypted PDFs that a reader opens without asking for a
# password, written by tests/detect/pdfgen.py in the ways a review of
# detect/pdfcrypt.c found to hide their JavaScript and link from it: a
# decoy "/Encrypt" or "/ID" in a comment, crypt filters (none named, a
# decoy listed first, strings and streams apart, a key given twice, a
# name with #xx, a stream's own /Identity), object headers far from or
# confused with what they hold, a /Length that lies, an empty owner
# password.  Each file is first opened by qpdf (another reader), whose
# output must hold the JavaScript and the link; then shindan-scan must
# find both.  And the large hostile shapes get a verdict.
import json, os, subprocess, sys, tempfile
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/detect"))
from shindan_test import *
from pdfgen import *

SCAN = [ENV["SHINDAN_BIN"] + "/shindan-scan"]
URL = b"http://198.51.100.7/login.php"
STM = (1, 5, 6)

t = Tap()
tmp = tempfile.mkdtemp(prefix="pdfcrypt.")


def scan(pdf, body="Please find the document attached.\n"):
    path = os.path.join(tmp, "m.eml")
    with open(path, "wb") as f:
        f.write(eml(pdf, body=body))
    r = subprocess.run(SCAN + [path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if r.returncode != 0 or not r.stdout:
        return None
    return json.loads(r.stdout.splitlines()[0])


def rules(res):
    return set(f["rule"] for f in res["findings"]) if res else set()


def qpdf_sees(pdf, password=""):
    """What qpdf, decrypting, finds in the file: (JavaScript, link)."""
    i, o = os.path.join(tmp, "in.pdf"), os.path.join(tmp, "out.pdf")
    with open(i, "wb") as f:
        f.write(pdf)
    r = subprocess.run(["qpdf", "--password=" + password, "--decrypt",
                        "--qdf", "--object-streams=disable", i, o],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode not in (0, 3) or not os.path.exists(o):
        return (False, False)
    with open(o, "rb") as f:
        out = f.read()
    os.unlink(o)
    return (b"pwned" in out, URL in out)


def read_whole(name, pdf, protected=False):
    """qpdf sees the JavaScript and the link; so must the scan."""
    t.ok(qpdf_sees(pdf) == (True, True), "%s: qpdf opens it without a "
         "password and sees the JavaScript and the link" % name)
    got = rules(scan(pdf))
    want = {"attach.pdf_javascript", "attach.pdf_link_lure"}
    t.ok(want <= got and (("attach.encrypted_document" in got) ==
                          protected),
         "%s: its JavaScript and link found%s (%s)" % (
             name, ", still password-protected" if protected else
             ", not password-protected", " ".join(sorted(got))))


class Plain(Sec):
    """A Sec whose data is written as it is (nothing encrypted)."""
    def enc(self, num, gen, data, aes=None):
        return data


def plain_sec(kind):
    s = Sec(kind)
    s.__class__ = Plain
    return s


# The ordinary kinds, with and without object streams.
for kind in ("rc4-40", "rc4", "aes128", "aes256-r5", "aes256"):
    for stm in ((), STM):
        read_whole("%s%s" % (kind, ", object streams" if stm else ""),
                   build(doc_objs(), Sec(kind), objstm=stm))
sec = Sec("aes128")

# A file that is not encrypted, with a "/Encrypt" in a comment naming a
# decoy dictionary the empty password opens.
objs = doc_objs()
objs[99] = Sec("rc4-40").dict()
read_whole("a decoy /Encrypt in a comment", build(
    objs, None, objstm=STM,
    header=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n% /Encrypt 99 0 R\n"))
# Crypt filters.
ne = plain_sec("rc4-v4")
read_whole("V 4 without /StmF and /StrF (nothing encrypted)", build(
    doc_objs(), ne, objstm=STM,
    sec_dict=ne.dict().replace(b" /StmF /StdCF /StrF /StdCF", b"")))
read_whole("a decoy crypt filter listed first", build(
    doc_objs(), sec, objstm=STM, sec_dict=sec.dict().replace(
        b"/CF << /StdCF", b"/CF << /Unused << /CFM /None >> /StdCF")))
d = sec.dict().replace(
    b"/CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV2 /Length 16 >> >> "
    b"/StmF /StdCF /StrF /StdCF",
    b"/CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV2 /Length 16 >> /RC "
    b"<< /CFM /V2 /Length 16 >> >> /StmF /StdCF /StrF /RC")
objs = doc_objs()
for n in (5, 6):
    objs[n] = b"".join(
        (b"<" + sec.enc(n, 0, x.b, aes=False).hex().encode() + b">")
        if isinstance(x, S) else x for x in objs[n])
read_whole("strings in RC4, streams in AES", build(objs, sec, sec_dict=d))
read_whole("/StmF given twice, the last read", build(
    doc_objs(), sec, objstm=STM, sec_dict=sec.dict().replace(
        b"/StmF /StdCF", b"/StmF /Identity /StmF /StdCF")))
read_whole("/U given twice, the last read", build(
    doc_objs(), sec, objstm=STM, sec_dict=sec.dict().replace(
        b"/U <", b"/U <" + b"00" * 32 + b"> /U <")))
read_whole("/CFM written /AES#562", build(
    doc_objs(), sec, objstm=STM,
    sec_dict=sec.dict().replace(b"/CFM /AESV2", b"/CFM /AES#562")))
read_whole("an object stream under its own /Crypt /Identity filter", build(
    doc_objs(), sec, objstm=STM,
    objstm_filter=b"/Filter [/Crypt /FlateDecode] /DecodeParms [<< /Type "
    b"/CryptFilterDecodeParms /Name /Identity >> null]",
    objstm_encrypt=False))
# Object headers.
objs = doc_objs()
objs[6] = [b"<< /Type /Annot /Subtype /Link /Xobj 1 /Rect [0 0 612 792] /A "
           b"<< /S /URI /URI ", S(URL), b" >> >>"]
read_whole("a name ending in obj before the link", build(objs, sec))
read_whole("a name ending in obj in the object stream's dictionary", build(
    doc_objs(), sec, objstm=STM, objstm_extra=b" /Xobj 1"))
read_whole("an object stream's dictionary over 2 KB", build(
    doc_objs(), sec, objstm=STM, objstm_extra=b" /Pad [" + b"0 " * 1100 +
    b"]"))
objs = doc_objs()
objs[6] = [b"<< /Type /Annot /Subtype /Link /Pad [" + b"0 " * 4200 +
           b"] /Rect [0 0 612 792] /A << /S /URI /URI ", S(URL), b" >> >>"]
read_whole("a link 8 KB into its object", build(objs, sec))
# The /Encrypt dictionary itself.
read_whole("a decoy /ID in a comment", build(
    doc_objs(), sec, objstm=STM,
    header=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n% /ID [<00112233>]\n"))
O = b"AAAAAAAAAAAAAA>>AAAAAAAAAAAAAAAA"
s9 = Sec("aes128", O=O)
read_whole("/O a literal string holding >>", build(
    doc_objs(), s9, objstm=STM, sec_dict=s9.dict().replace(
        b"/O <" + O.hex().encode() + b">", b"/O (" + O + b")")))
s = Sec("rc4", length=128)
o = doc_objs()
o[50] = b"128"
read_whole("/Length of /Encrypt a reference", build(
    o, s, objstm=STM, sec_dict=s.dict().replace(b"/Length 128",
                                                b"/Length 50 0 R")))
for k in ("rc4-v4", "aes128"):
    read_whole("/EncryptMetadata false, %s" % k,
               build(doc_objs(), Sec(k, meta=False), objstm=STM))
s = Sec("aes128")
read_whole("/Encrypt written in the trailer", build(
    doc_objs(), s, objstm=STM, encrypt_ref=False,
    trailer_extra=b" /Encrypt " + s.dict()))
# 64 object streams whose /Length claims the rest of the file before
# the real one: it is still decrypted.
junk = b"".join(b"%d 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length 999999 "
                b">>\nstream\nxxxxxxxxxxxxxxxx\nendstream\nendobj\n" %
                (200 + i) for i in range(64))
hdr = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + junk
read_whole("64 object streams whose /Length lies", build(
    doc_objs(), Sec("aes128"), objstm=STM, header=hdr))
o = doc_objs()
o[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
o[5] = b"<< /S /GoTo /D [3 0 R /Fit] >>"
got = rules(scan(build(o, Sec("aes128"), objstm=STM, header=hdr)))
t.ok("attach.pdf_javascript" not in got and "attach.pdf_link_lure" in got,
     "the same without JavaScript: none found in what decrypted to noise "
     "(%s)" % " ".join(sorted(got)))
# Passwords: a user password with an empty owner password (poppler and
# qpdf open it, pdf.js and Acrobat ask): read, and still protected; a
# user password and no empty owner password: protected, unread; the
# password in the mail: opened.
for kind in ("rc4", "aes128", "aes256"):
    s = Sec(kind, upw=b"Secret123", opw=b"")
    read_whole("%s, an empty owner password" % kind,
               build(doc_objs(), s, objstm=STM), protected=True)
s = Sec("aes256", upw=b"Secret123")
pdf = build(doc_objs(), s, objstm=STM)
got = rules(scan(pdf))
t.ok("attach.encrypted_document" in got and
     "attach.pdf_javascript" not in got,
     "a user password, none in the mail: protected, unread")
got = rules(scan(pdf, body="The password is: Secret123\n"))
t.ok({"attach.pdf_javascript", "attach.ppap_opened",
      "attach.password_in_same_mail"} <= got and
     "attach.encrypted_document" not in got,
     "its password in the mail: opened and read (%s)" %
     " ".join(sorted(got)))
# Large hostile shapes (4 MB): a verdict each.
for name, body in (
        ("a million empty /URI strings", b"/URI()" * 700000),
        ("/URI strings in many objects", b"".join(
            b"%d 0 obj << /URI () >> endobj\n" % (1000 + i)
            for i in range(150000))),
        ("a file of stream keywords", b"stream\n" * 600000)):
    res = scan(build(doc_objs(), Sec("aes128"), objstm=STM,
                     header=b"%PDF-1.7\n" + body))
    t.ok(res is not None and res["verdict"] in ("clean", "potential",
                                                "threat"),
         "%s: a verdict (%s)" % (name, res and res["verdict"]))
t.done()
