#!/usr/bin/python3
# 24-office-crypt: Office documents saved with a password to open, written
# by tests/detect/officeenc.py in the ways a review of detect/officecrypt.c
# and detect/ole.c found to hide their macros or to pass garbage for the
# document: stream names in another case, a decoy EncryptedPackage left
# out of the directory's tree, keys of the package and of the password of
# different lengths, XML as parsers accept it (spaces round "=", "&#xA;"
# in base64, a certificate's key encryptor first, a decoy in a comment),
# a package that is not the one its HMAC vouches for, a spinCount past a
# million; and Word, Excel and PowerPoint 97-2003 files with a password
# (flagged; an .xls decrypted when a password opens it).  Then review
# 19's: Excel 4.0 macro sheets of .xls files beside a Word stream or a
# decoy EncryptedPackage, in clear with a state byte, a long UTF-16 name,
# an upper-case stream name or a BOF alone saying so; decoys that drain
# the budget before a document under Excel's own password.  Each file is first decrypted by msoffcrypto-tool (another
# implementation) where it can, then scanned with its password in the
# mail: the macros must be found, or the file said to be protected.
import base64, io, json, os, struct, subprocess, sys, tempfile, zipfile
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/detect"))
from shindan_test import *
import officeenc as oe

SCAN = [ENV["SHINDAN_BIN"] + "/shindan-scan"]
PW = "Kp3vQ9xw"
t = Tap()
tmp = tempfile.mkdtemp(prefix="officecrypt.")
os.environ["OFFICEENC_SEED"] = "24-office-crypt"


def docm(macros=True):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types><Default Extension="bin" '
                   'ContentType="application/vnd.ms-office.vbaProject"/>'
                   '<Override PartName="/word/document.xml"/></Types>')
        z.writestr("word/document.xml", "<document>Invoice</document>")
        if macros:
            z.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0Attribute "
                       b'VB_Name = "ThisDocument"\nSub AutoOpen()\nEnd Sub\n')
    return b.getvalue()


def scan(doc, fname="invoice.docm", text="The invoice.  Password: " + PW):
    """The rules of a mail of text with doc attached as fname."""
    return scan_files([(fname, doc)], text)


def scan_files(files, text):
    """The rules of a mail of text with the (name, bytes) attached."""
    path = os.path.join(tmp, "m.eml")
    with open(path, "w") as f:
        f.write("From: Sato <sato@fabrikam.example>\nTo: taro@contoso.com\n"
                "Subject: invoice\nMIME-Version: 1.0\nContent-Type: "
                "multipart/mixed; boundary=b1\n\n--b1\nContent-Type: text/"
                "plain\n\n%s\n" % text)
        for fname, doc in files:
            f.write("--b1\nContent-Type: application/octet-stream; "
                    "name=%s\nContent-Disposition: attachment; filename="
                    "%s\nContent-Transfer-Encoding: base64\n\n%s\n" % (
                        fname, fname, base64.encodebytes(doc).decode()))
        f.write("--b1--\n")
    r = subprocess.run(SCAN + [path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if r.returncode != 0 or not r.stdout:
        return set()
    return set(f["rule"] for f in json.loads(r.stdout.splitlines()[0])[
        "findings"])


def msoffcrypto_opens(doc):
    i, o = os.path.join(tmp, "in.docm"), os.path.join(tmp, "out.docm")
    with open(i, "wb") as f:
        f.write(doc)
    r = subprocess.run(["msoffcrypto-tool", "-p", PW, i, o],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        return False
    with open(o, "rb") as f:
        return "word/vbaProject.bin" in zipfile.ZipFile(f).namelist()


def opened(name, doc, check=True):
    if check:
        t.ok(msoffcrypto_opens(doc), "%s: msoffcrypto-tool opens it and "
             "finds the macros" % name)
    got = scan(doc)
    t.ok({"attach.macro", "attach.ppap_opened",
          "attach.password_in_same_mail"} <= got and
         "attach.encrypted_document" not in got,
         "%s: opened with the mail's password, its macros found (%s)" % (
             name, " ".join(sorted(got))))


def protected(name, doc):
    got = scan(doc)
    t.ok("attach.encrypted_document" in got and "attach.macro" not in got
         and "attach.ppap_opened" not in got,
         "%s: not opened, said to be protected (%s)" % (
             name, " ".join(sorted(got))))


plain = docm()
info, pkg = oe.agile(plain, PW, spin=1000)
opened("Agile", oe.cfb([("EncryptionInfo", info),
                        ("EncryptedPackage", pkg)]))
sinfo, spkg = oe.standard(plain, PW)
opened("Standard", oe.cfb([("EncryptionInfo", sinfo),
                           ("EncryptedPackage", spkg)]))
# Names in another case: compound files look them up whatever the case.
opened("stream names in lower case", oe.cfb(
    [("EncryptionInfo", info), ("EncryptedPackage", pkg)],
    names={"EncryptionInfo": "encryptioninfo",
           "EncryptedPackage": "encryptedpackage"}))
# A harmless decoy under the same key, first in the directory but out
# of its tree: the tree's package is the document.
_, decoy = oe.agile(docm(macros=False), PW, spin=1000)
opened("a decoy EncryptedPackage out of the tree", oe.cfb(
    [("EncryptionInfo", info), ("EncryptedPackage", pkg)],
    decoys=[("EncryptedPackage", decoy)]))
# The package of another document under the same key: its HMAC does not
# vouch for it (Office refuses it).
i2, _ = oe.agile(docm(macros=False), PW, spin=1000)
protected("a package its HMAC does not vouch for", oe.cfb(
    [("EncryptionInfo", i2), ("EncryptedPackage", pkg)]))
# Keys of the package and of the password of different lengths.
for kd, ek in ((256, 128), (128, 256)):
    i, p = oe.agile(plain, PW, keybits=ek, kd_keybits=kd, spin=1000)
    opened("keyData %d bits, encryptedKey %d" % (kd, ek), oe.cfb(
        [("EncryptionInfo", i), ("EncryptedPackage", p)]))
i, p = oe.agile(plain, PW, hashname="sha1", kd_hash="sha384", keybits=192,
                kd_keybits=192, spin=1000)
opened("SHA-1 for the password, SHA-384 for the package, AES-192",
       oe.cfb([("EncryptionInfo", i), ("EncryptedPackage", p)]),
       check=False)
# XML as parsers read it.
head, xml = info[:8], info[8:].decode()
cert = ('<keyEncryptor uri="http://schemas.microsoft.com/office/2006/'
        'keyEncryptor/certificate" xmlns:c="http://schemas.microsoft.com/'
        'office/2006/keyEncryptor/certificate"><c:encryptedKey '
        'encryptedKeyValue="AA=="'
        ' x509Certificate="AA==" certVerifier="AA=="/></keyEncryptor>')
for what, x in (
        ("spaces round =", xml.replace('spinCount="', 'spinCount = "')
         .replace('saltValue="', 'saltValue =\n "')),
        ("&#xA; inside base64", xml.replace(
            'encryptedKeyValue="', 'encryptedKeyValue="&#xA;')),
        ("a certificate's key encryptor first", xml.replace(
            "<keyEncryptors>", "<keyEncryptors>" + cert)),
        ("a decoy element in a comment", xml.replace(
            "<keyData", '<!-- <keyData keyBits="128" saltValue="AA=="/> -->'
            "<keyData", 1))):
    opened("EncryptionInfo with " + what, oe.cfb(
        [("EncryptionInfo", head + x.encode()),
         ("EncryptedPackage", pkg)]))
# A spinCount past a million: still tried (once) within the budget.
i, p = oe.agile(plain, PW, hashname="sha1", keybits=128, kd_keybits=128,
                spin=2000001)
opened("2,000,001 rounds", oe.cfb([("EncryptionInfo", i),
                                   ("EncryptedPackage", p)]), check=False)
# Word, Excel and PowerPoint 97-2003 files with a password to open (not
# decrypted here): flagged, where nothing was said before.
def fib(flags):
    return struct.pack("<HHHHHH", 0xA5EC, 0xC1, 0, 0x409, 0, flags) + \
        b"\0" * 500


bof = struct.pack("<HH", 0x0809, 16) + struct.pack("<HHHHII", 0x600, 5,
                                                    0x2000, 0x7CC, 0, 6)
filepass = struct.pack("<HH", 0x002F, 6) + b"\x01\x00\x01\x00\x02\x00"
eof = struct.pack("<HH", 0x000A, 0)
for what, streams, fname, enc in (
        ("a .doc encrypted (fEncrypted)", [("WordDocument", fib(0x0100))],
         "report.doc", True),
        ("a .doc obfuscated (fObfuscated)", [("WordDocument", fib(0x8000))],
         "report.doc", True),
        ("a .doc in clear", [("WordDocument", fib(0))], "report.doc", False),
        ("an .xls with FILEPASS", [("Workbook", bof + filepass + eof +
                                    b"\0" * 300)], "book.xls", True),
        ("an .xls in clear", [("Workbook", bof + eof + b"\0" * 300)],
         "book.xls", False),
        ("a .ppt with EncryptedSummary", [
            ("PowerPoint Document", b"\0" * 300),
            ("EncryptedSummary", b"\0" * 64)], "deck.ppt", True)):
    got = scan(oe.cfb(streams), fname, "The file.")
    t.ok(("attach.encrypted_document" in got) == enc,
         "%s: %s (%s)" % (what, "said to be protected" if enc else
                          "not protected", " ".join(sorted(got))))


# Review 19: Excel 4.0 macro sheets in .xls files, encrypted or not,
# written in ways Excel reads and the checks once missed.
def xbof(dt, vers=0x0600):
    return oe.rec(0x0809, struct.pack("<HHHHII", vers, dt, 0x0DBB, 0x07CC,
                                      0, 6))


def sheet_book(name=b"Macro1", hs=0, high=False, fp=None, bs_dt=1,
               stream_bof=0x0040):
    """A workbook of one sheet (its BoundSheet8 dt bs_dt, its BOF
    stream_bof), FILEPASS data fp after the first BOF when given."""
    head = xbof(0x0005) + (oe.rec(0x002F, fp) if fp else b"")
    head += oe.rec(0x0042, b"\xb0\x04")
    nm = name.decode().encode("utf-16le") if high else name
    cch = len(name)
    pos = len(head) + 4 + 8 + len(nm) + 4
    head += oe.rec(0x0085, struct.pack("<IBBBB", pos, hs, bs_dt, cch,
                                       1 if high else 0) + nm)
    head += oe.rec(0x000A, b"")
    text = b'=EXEC("calc.exe")'
    body = xbof(stream_bof) + oe.rec(0x0204, struct.pack(
        "<HHHHB", 0, 0, 15, len(text), 0) + text)
    return head + body + oe.rec(0x000A, b"")


def encrypted_book(pw):
    """sheet_book() encrypted with pw as Excel does (RC4 CryptoAPI)."""
    fp, key = oe.xls_filepass("cryptoapi", pw)
    return oe.xls_encrypt(sheet_book(fp=fp), key)


def msoffcrypto_macro_sheet(doc, pw="VelvetSweatshop"):
    """msoffcrypto-tool decrypts the .xls; its BoundSheet8 says macro
    sheet."""
    import msoffcrypto.format.xls97 as x97
    import olefile
    f = x97.Xls97File(io.BytesIO(doc))
    f.load_key(password=pw)
    o = io.BytesIO()
    f.decrypt(o)
    wb = olefile.OleFileIO(io.BytesIO(o.getvalue())).openstream(
        "Workbook").read()
    p = 0
    while p + 4 <= len(wb):
        num, size = struct.unpack("<HH", wb[p:p + 4])
        if num == 0x0085:
            return wb[p + 9] == 1
        p += 4 + size
    return False


book = encrypted_book("VelvetSweatshop")
word = b"\xec\xa5" + b"\0" * 62
for what, doc in (
        ("an encrypted .xls beside a Word stream in clear",
         oe.cfb([("Workbook", book), ("WordDocument", word)])),
        ("an encrypted .xls beside an EncryptedPackage out of the tree",
         oe.cfb([("Workbook", book)], decoys=[("EncryptedPackage",
                                               b"\0" * 64)]))):
    t.ok(msoffcrypto_macro_sheet(doc), "%s: msoffcrypto-tool decrypts it "
         "to a macro sheet" % what)
    got = scan(doc, "invoice.xls", "The invoice.")
    t.ok("attach.xlm_macro" in got and "attach.default_password" in got,
         "%s: decrypted, the macro sheet found (%s)" % (
             what, " ".join(sorted(got))))
for what, streams in (
        ("hsState with its unused bits set", [("Workbook", sheet_book(
            hs=0x04))]),
        ("a sheet name of 28 UTF-16 characters", [("Workbook", sheet_book(
            name=b"M" * 28, high=True))]),
        ("the stream named WORKBOOK", [("WORKBOOK", sheet_book())]),
        ("a sheet whose BOF alone says macro sheet", [("Workbook",
         sheet_book(bs_dt=0))])):
    got = scan(oe.cfb(streams), "report.xls", "The report.")
    t.ok("attach.xlm_macro" in got, "an .xls in clear, %s: the macro "
         "sheet found (%s)" % (what, " ".join(sorted(got))))
# Decoys that drain the message's budget of key derivations (each asks
# for 500,000 rounds, no password opens them) before a document under
# Excel's own password: what is not tried is said (engine.truncated).
info, pkg = oe.agile(docm(), "not-known", spin=1)
decoy = oe.cfb([("EncryptionInfo", info.replace(b'spinCount="1"',
                                                 b'spinCount="500000"')),
                ("EncryptedPackage", pkg)])
info, pkg = oe.agile(docm(), "VelvetSweatshop", spin=100000)
payload = oe.cfb([("EncryptionInfo", info), ("EncryptedPackage", pkg)])
got = scan_files([("f%d.docm" % k, d) for k, d in
                 enumerate([decoy] * 8 + [payload])], "The figures.")
t.ok("engine.truncated" in got, "eight decoys of 500,000 rounds before a "
     "document under Excel's password: the try left out is said (%s)" %
     " ".join(sorted(got)))
got = scan(oe.cfb([("Workbook", encrypted_book("Unknown77"))]),
           "report.xls", "The report.")
t.ok("attach.xlm_macro" in got and "attach.encrypted_document" in got,
     "an .xls no password opens: protected, its macro sheet found by its "
     "BOF, never encrypted (%s)" % " ".join(sorted(got)))
t.done()
