"""mailgen: builds the demo mail (tools/gen-demo-tenant) and the synthetic
benchmark mailboxes (msemu --synthetic-tenant) deterministically.

Every builder takes a Ctx (random source, recipient, date, sender domain)
and returns (raw MIME bytes, class, kind, categories).  Attachments are
real files of their type (OOXML .docm holding an OLE vbaProject.bin, zip,
ZipCrypto-encrypted zip, ISO 9660 image, Windows shortcut) that do
nothing.  Written for Shindan; nothing here is copied from a corpus.
"""
import base64
import email.utils
import hashlib
import io
import quopri
import random
import struct
import uuid
import zipfile
import zlib

DATE_EPOCH = 1738281600.0      # 2025-01-31T00:00:00Z, see store.DATE_EPOCH
CRLF = "\r\n"


class Ctx:
    def __init__(self, rng, to_name, to_addr, date, org="contoso.example", tenant_id=None, org_name="Contoso"):
        self.rng = rng
        self.to_name = to_name
        self.to_addr = to_addr
        self.date = date
        self.org = org
        self.org_name = org_name
        self.tenant_id = tenant_id or str(uuid.uuid5(uuid.NAMESPACE_DNS, org))

    def guid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def b64s(self, n):
        return base64.b64encode(bytes(self.rng.getrandbits(8) for _ in range(n))).decode()

    def msgid(self, dom):
        return "<%s@%s>" % (self.hexs(24).upper(), dom)


def rfcdate(t):
    return email.utils.formatdate(t, usegmt=False).replace("-0000", "+0000")


# --- header stamping as Exchange Online does it -----------------------------------

SERVERS = ["TYCPR01MB8%03d.jpnprd01.prod.outlook.com", "OS3PR01MB6%03d.jpnprd01.prod.outlook.com",
           "TY2PR01MB3%03d.jpnprd01.prod.outlook.com"]


def enc_word(s, charset="utf-8"):
    if all(ord(c) < 128 for c in s):
        return s
    if charset == "iso-2022-jp":
        return "=?ISO-2022-JP?B?%s?=" % base64.b64encode(s.encode("iso2022_jp")).decode()
    if charset == "shift_jis":
        return "=?Shift_JIS?B?%s?=" % base64.b64encode(s.encode("cp932")).decode()
    return "=?UTF-8?B?%s?=" % base64.b64encode(s.encode("utf-8")).decode()


def addr(name, a, charset="utf-8"):
    if not name:
        return a
    if all(ord(c) < 128 for c in name):
        return '"%s" <%s>' % (name.replace('"', ""), a) if any(c in name for c in ",.()") else "%s <%s>" % (name, a)
    return "%s <%s>" % (enc_word(name, charset), a)


def exo_inbound(c, dom, mailfrom_dom=None, ip="40.107.22.57", helo=None, spf="pass", dkim="pass", dmarc="pass",
                dmarc_action="none", compauth="pass", reason="100", scl=1, cat="NONE", arc=False, ctry="US",
                lang="en", sfv="NSPM"):
    """Transport headers of a mail from the Internet, newest first."""
    mfd = mailfrom_dom or dom
    helo = helo or "mail-%s.outbound.%s" % (c.hexs(4), mfd)
    srv = SERVERS[0] % c.rng.randrange(1000)
    fe = "TYZAPC01FT0%02d.eop-APC01.prod.protection.outlook.com" % c.rng.randrange(100)
    d = rfcdate(c.date)
    nmid = c.guid()
    spf_txt = {"pass": "Pass (protection.outlook.com: domain of %s designates %s as permitted sender)" % (mfd, ip),
               "fail": "Fail (protection.outlook.com: domain of %s does not designate %s as permitted sender)" % (mfd, ip),
               "softfail": "SoftFail (protection.outlook.com: domain of transitioning %s discourages use of %s as permitted sender)" % (mfd, ip),
               "none": "None (protection.outlook.com: %s does not designate permitted sender hosts)" % mfd}[spf]
    dk = "dkim=pass (signature was verified) header.d=%s" % dom if dkim == "pass" else \
        "dkim=fail (body hash did not verify) header.d=%s" % dom if dkim == "fail" else \
        "dkim=none (message not signed) header.d=none"
    spf_ar = "spf=%s (sender IP is %s) smtp.mailfrom=%s" % (spf, ip, mfd)
    h = [
        ("Received", "from %s (2603:1096:400:1::10) by %s with HTTPS; %s" % (srv, SERVERS[1] % c.rng.randrange(1000), d)),
        ("Received", "from TY2PR0101CA00%02d.apcprd01.prod.exchangelabs.com (2603:1096:404:8000::13) by %s "
                     "(2603:1096:400:1::10) with Microsoft SMTP Server (version=TLS1_2, "
                     "cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8356.20; %s" % (c.rng.randrange(100), srv, d)),
        ("Received", "from %s (2603:1096:404:8000:cafe::5c) by TY2PR0101CA0001.outlook.office365.com "
                     "(2603:1096:404:8000::13) with Microsoft SMTP Server (version=TLS1_3, "
                     "cipher=TLS_AES_256_GCM_SHA384) id 15.20.8356.20 via Frontend Transport; %s" % (fe, d)),
        ("Authentication-Results", "%s; %s;dmarc=%s action=%s header.from=%s;compauth=%s reason=%s"
         % (spf_ar, dk, dmarc, dmarc_action, dom, compauth, reason)),
        ("Received-SPF", "%s receiver=protection.outlook.com; client-ip=%s; helo=%s; pr=C" % (spf_txt, ip, helo)),
        ("Received", "from %s (%s) by %s (10.167.16.%d) with Microsoft SMTP Server (version=TLS1_3, "
                     "cipher=TLS_AES_256_GCM_SHA384) id 15.20.8356.20 via Frontend Transport; %s"
         % (helo, ip, fe.replace("eop-APC01.prod.protection", "mail.protection"), c.rng.randrange(250), d)),
    ]
    if arc:
        h += [
            ("ARC-Seal", "i=1; a=rsa-sha256; s=arcselector10001; d=microsoft.com; cv=none; b=%s" % c.b64s(96)),
            ("ARC-Message-Signature", "i=1; a=rsa-sha256; c=relaxed/relaxed; d=microsoft.com; s=arcselector10001; "
             "h=From:Date:Subject:Message-ID:Content-Type:MIME-Version:X-MS-Exchange-AntiSpam-MessageData-ChunkCount:"
             "X-MS-Exchange-AntiSpam-MessageData-0:X-MS-Exchange-AntiSpam-MessageData-1; bh=%s; b=%s"
             % (c.b64s(32), c.b64s(96))),
            ("ARC-Authentication-Results", "i=1; mx.microsoft.com 1; spf=%s smtp.mailfrom=%s; dmarc=%s action=%s "
             "header.from=%s; dkim=%s header.d=%s; arc=none" % (spf, mfd, dmarc, dmarc_action, dom, dkim, dom)),
        ]
    if dkim in ("pass", "fail"):
        h.append(("DKIM-Signature", "v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s; s=selector1; "
                  "h=From:Date:Subject:Message-ID:Content-Type:MIME-Version; bh=%s; b=%s" % (dom, c.b64s(32), c.b64s(128))))
    h += [
        ("X-MS-Exchange-Organization-ExpirationStartTime", d),
        ("X-MS-Exchange-Organization-Network-Message-Id", nmid),
        ("X-MS-Exchange-Organization-AuthSource", fe),
        ("X-MS-Exchange-Organization-AuthAs", "Anonymous"),
        ("X-MS-Exchange-Organization-SCL", str(scl)),
        ("X-MS-Exchange-Organization-MessageDirectionality", "Incoming"),
        ("X-Forefront-Antispam-Report", "CIP:%s;CTRY:%s;LANG:%s;SCL:%d;SRV:;IPV:NLI;SFV:%s;H:%s;PTR:%s;CAT:%s;"
         "SFS:(13230040)(4022899009)(69100299015)(8096899003);DIR:INB;" % (ip, ctry, lang, scl, sfv, helo, helo, cat)),
        ("X-Microsoft-Antispam", "BCL:0;ARA:13230040|4022899009|69100299015|8096899003;"),
        ("X-MS-Exchange-CrossTenant-OriginalArrivalTime", d),
        ("X-MS-Exchange-CrossTenant-Network-Message-Id", nmid),
        ("X-MS-Exchange-CrossTenant-Id", c.tenant_id),
        ("X-MS-Exchange-CrossTenant-AuthSource", fe),
        ("X-MS-Exchange-CrossTenant-AuthAs", "Anonymous"),
        ("X-MS-Exchange-CrossTenant-FromEntityHeader", "Internet"),
        ("X-MS-Exchange-Transport-CrossTenantHeadersStamped", (SERVERS[1] % 0).split(".")[0]),
    ]
    return h


def exo_internal(c, has_attach=False, lang="en-US"):
    srv = SERVERS[2] % c.rng.randrange(1000)
    return [
        ("Received", "from %s ([fe80::%s]) by %s ([fe80::%s%%5]) with mapi id 15.20.8356.020; %s"
         % (srv, c.hexs(4), srv, c.hexs(4), rfcdate(c.date))),
        ("Thread-Topic", None),
        ("Thread-Index", base64.b64encode(bytes(c.rng.getrandbits(8) for _ in range(22))).decode()),
        ("Accept-Language", lang),
        ("Content-Language", lang),
        ("X-MS-Has-Attach", "yes" if has_attach else ""),
        ("X-MS-TNEF-Correlator", ""),
        ("Authentication-Results", "dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=%s;" % c.org),
        ("X-MS-Exchange-Organization-AuthAs", "Internal"),
        ("X-MS-Exchange-Organization-AuthMechanism", "04"),
        ("X-MS-Exchange-Organization-AuthSource", srv),
        ("X-MS-Exchange-Organization-SCL", "-1"),
        ("X-MS-Exchange-Organization-Network-Message-Id", c.guid()),
        ("X-MS-Exchange-CrossTenant-Id", c.tenant_id),
        ("X-MS-Exchange-CrossTenant-AuthAs", "Internal"),
    ]


# --- MIME assembly ------------------------------------------------------------------

def fold(name, value):
    line = "%s: %s" % (name, value)
    if len(line) <= 998:
        return line
    return line[:990] + CRLF + " " + line[990:]


def text_part(text, subtype="plain", charset="utf-8", cte="quoted-printable"):
    if charset == "iso-2022-jp":
        data = text.replace("\n", CRLF).encode("iso2022_jp")
        return ["Content-Type: text/%s; charset=\"iso-2022-jp\"" % subtype, "Content-Transfer-Encoding: 7bit"], data
    raw = text.replace("\r\n", "\n").replace("\n", CRLF).encode("cp932" if charset == "shift_jis" else charset)
    if cte == "base64":
        data = b64lines(raw)
    elif cte == "quoted-printable":
        data = quopri.encodestring(raw).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    else:
        data = raw
    return ["Content-Type: text/%s; charset=\"%s\"" % (subtype, "Shift_JIS" if charset == "shift_jis" else charset),
            "Content-Transfer-Encoding: %s" % cte], data


def b64lines(b):
    s = base64.b64encode(b)
    return b"\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def att_part(name, ctype, data, inline=False, cid=None):
    h = ["Content-Type: %s; name=\"%s\"" % (ctype, name),
         "Content-Description: %s" % name,
         "Content-Disposition: %s; filename=\"%s\"; size=%d" % ("inline" if inline else "attachment", name, len(data)),
         "Content-Transfer-Encoding: base64"]
    if cid:
        h.append("Content-ID: <%s>" % cid)
    return h, b64lines(data)


def multipart(subtype, parts, c):
    b = "_%s_" % c.hexs(20)
    out = []
    for h, data in parts:
        out.append(("--" + b + CRLF + CRLF.join(h) + CRLF + CRLF).encode() + data + CRLF.encode())
    return ["Content-Type: multipart/%s; boundary=\"%s\"" % (subtype, b)], \
        b"".join(out) + ("--" + b + "--" + CRLF).encode()


def message(c, frm, to, subject, body_parts, transport, charset="utf-8", cc=None, reply_to=None, extra=(),
            msgid_dom=None, date=None):
    """Assemble a whole message.  body_parts: the (headers, data) of the
    top-level entity."""
    bh, data = body_parts
    hs = []
    for n, v in transport:
        if n == "Thread-Topic":
            v = enc_word(subject, charset)
        hs.append(fold(n, v))
    hs.append("From: " + frm)
    hs.append("To: " + to)
    if cc:
        hs.append("CC: " + cc)
    if reply_to:
        hs.append("Reply-To: " + reply_to)
    hs.append("Subject: " + enc_word(subject, charset))
    hs.append("Date: " + rfcdate(date or c.date))
    hs.append("Message-ID: " + c.msgid(msgid_dom or frm.split("@")[-1].strip(">")))
    for n, v in extra:
        hs.append(fold(n, v))
    hs.append("MIME-Version: 1.0")
    hs += bh
    return (CRLF.join(hs) + CRLF + CRLF).encode("utf-8") + data


def html_doc(inner, lang="en"):
    return ('<html lang="%s"><head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            '<style>body{font-family:Calibri,Arial,sans-serif;font-size:11pt}</style></head>\n'
            '<body>\n%s\n</body>\n</html>\n' % (lang, inner))


def alt(c, text, html, charset="utf-8", cte="quoted-printable"):
    return multipart("alternative", [text_part(text, "plain", charset, cte), text_part(html, "html", charset, cte)], c)


# --- files --------------------------------------------------------------------------

def tiny_pdf(title, lines):
    objs = []
    text = "BT /F1 12 Tf 72 760 Td 16 TL " + " ".join("(%s) '" % ln.replace("(", "[").replace(")", "]") for ln in [title] + lines) + " ET"
    objs.append("<< /Type /Catalog /Pages 2 0 R >>")
    objs.append("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                "/Resources << /Font << /F1 5 0 R >> >> >>")
    objs.append("<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text))
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i, o)).encode("latin-1")
    x = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for o in offs:
        out += ("%010d 00000 n \n" % o).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)).encode()
    return out


def fake_pe(note):
    """A PE-looking file that cannot run (no code, no valid sections)."""
    dos = bytearray(128)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 0x80)
    stub = b"This program cannot be run in DOS mode.\r\r\n$"
    dos[0x4E:0x4E + len(stub)] = stub
    pe = b"PE\x00\x00" + struct.pack("<HHIIIHH", 0x14C, 0, 0x5E3B1C00, 0, 0, 0xE0, 0x0102)
    return bytes(dos) + pe + b"\x00" * 224 + ("Shindan test file, not a program: %s\n" % note).encode()


def make_zip(files, c):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=(2025, 1, 14, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return bio.getvalue()


_CRC = []
for _i in range(256):
    _v = _i
    for _ in range(8):
        _v = (_v >> 1) ^ 0xEDB88320 if _v & 1 else _v >> 1
    _CRC.append(_v)


def _crc_byte(crc, b):
    return (crc >> 8) ^ _CRC[(crc ^ b) & 0xFF]


def zipcrypto(files, password, c):
    """A zip whose entries are encrypted with traditional PKWARE
    encryption (what Windows and most "PPAP" tools produce)."""
    out = bytearray()
    central = bytearray()
    for name, data in files:
        k = [0x12345678, 0x23456789, 0x34567890]

        def upd(ch):
            k[0] = _crc_byte(k[0], ch)
            k[1] = ((k[1] + (k[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
            k[2] = _crc_byte(k[2], k[1] >> 24)

        for ch in password.encode():
            upd(ch)
        crc = zlib.crc32(data) & 0xFFFFFFFF
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        plain = comp.compress(data) + comp.flush()
        hdr = bytes(c.rng.getrandbits(8) for _ in range(11)) + bytes([crc >> 24])
        enc = bytearray()
        for ch in hdr + plain:
            t = (k[2] | 2) & 0xFFFF
            enc.append(ch ^ (((t * (t ^ 1)) >> 8) & 0xFF))
            upd(ch)
        nb = name.encode()
        off = len(out)
        dt = (9 << 11) | (30 << 5), ((2025 - 1980) << 9) | (1 << 5) | 14
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 1, 8, dt[0], dt[1], crc, len(enc), len(data), len(nb), 0) + nb + enc
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 1, 8, dt[0], dt[1], crc, len(enc), len(data),
                               len(nb), 0, 0, 0, 0, 0o644 << 16, off) + nb
    cd = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(files), len(files), len(central), cd, 0)
    return bytes(out)


def lnk(target, args, icon="%SystemRoot%\\System32\\imageres.dll"):
    """A Windows shortcut (MS-SHLLINK) to target with arguments."""
    flags = 0x08 | 0x20 | 0x40 | 0x80      # HasRelativePath HasArguments HasIconLocation IsUnicode
    hdr = struct.pack("<I16sII", 0x4C, uuid.UUID("00021401-0000-0000-C000-000000000046").bytes_le, flags, 0x20)
    hdr += b"\x00" * 24 + struct.pack("<IiIH", 0, 0, 7, 0) + b"\x00" * 10

    def sd(s):
        return struct.pack("<H", len(s)) + s.encode("utf-16-le")
    return hdr + sd(target) + sd(args) + sd(icon) + struct.pack("<I", 0)


def iso9660(files, volid="INVOICE"):
    """An ISO 9660 image holding files (name, data) in its root."""
    S = 2048

    def both16(v):
        return struct.pack("<H", v) + struct.pack(">H", v)

    def both32(v):
        return struct.pack("<I", v) + struct.pack(">I", v)

    date7 = bytes([125, 1, 14, 9, 30, 0, 36])

    def dirrec(name, lba, size, isdir):
        n = len(name)
        r = struct.pack("<BB", 0, 0) + both32(lba) + both32(size) + date7 + bytes([2 if isdir else 0, 0, 0]) + both16(1) + bytes([n]) + name
        if len(r) % 2:
            r += b"\x00"
        return bytes([len(r)]) + r[1:]
    root_lba, data_lba = 20, 21
    recs = []
    lba = data_lba
    for name, data in files:
        recs.append((name.upper().encode() + b";1", lba, len(data)))
        lba += (len(data) + S - 1) // S
    total = lba
    root = dirrec(b"\x00", root_lba, S, True) + dirrec(b"\x01", root_lba, S, True)
    for nm, l, sz in recs:
        root += dirrec(nm, l, sz, False)
    root = root.ljust(S, b"\x00")
    pt_l = struct.pack("<BBIH", 1, 0, root_lba, 1) + b"\x00\x00"
    pt_m = struct.pack(">BBIH", 1, 0, root_lba, 1) + b"\x00\x00"
    d17 = b"2025011409300000\x24"
    pvd = bytes([1]) + b"CD001" + bytes([1, 0]) + b"WIN32".ljust(32) + volid.encode().ljust(32) + b"\x00" * 8
    pvd += both32(total) + b"\x00" * 32 + both16(1) + both16(1) + both16(S) + both32(len(pt_l) - 0)
    pvd += struct.pack("<I", 18) + struct.pack("<I", 0) + struct.pack(">I", 19) + struct.pack(">I", 0)
    pvd += dirrec(b"\x00", root_lba, S, True)[:34]
    pvd += b" " * 128 * 4 + b" " * 37 * 3 + d17 * 2 + b"0" * 16 + b"\x00" + b"0" * 16 + b"\x00" + bytes([1, 0])
    pvd = pvd.ljust(S, b"\x00")
    term = (bytes([255]) + b"CD001" + bytes([1])).ljust(S, b"\x00")
    img = b"\x00" * (16 * S) + pvd + term + pt_l.ljust(S, b"\x00") + pt_m.ljust(S, b"\x00") + root
    for name, data in files:
        img += data.ljust(((len(data) + S - 1) // S) * S, b"\x00")
    return img


# --- VBA project (MS-OVBA) in an OLE compound file (MS-CFB) -------------------------

def ovba_compress(data):
    """MS-OVBA 2.4.1 compression using literal tokens only (valid, if not small)."""
    out = bytearray(b"\x01")
    for i in range(0, max(len(data), 1), 4096):
        chunk = data[i:i + 4096]
        body = bytearray()
        for j in range(0, len(chunk), 8):
            body.append(0)
            body += chunk[j:j + 8]
        size = len(body) + 2
        out += struct.pack("<H", (size - 3) | (0b011 << 12) | (1 << 15)) + body
    return bytes(out)


def vba_dir(module):
    def rec(i, data):
        return struct.pack("<HI", i, len(data)) + data
    u = module.encode("utf-16-le")
    d = rec(0x01, struct.pack("<I", 1)) + rec(0x02, struct.pack("<I", 0x409)) + rec(0x14, struct.pack("<I", 0x409))
    d += rec(0x03, struct.pack("<H", 1252)) + rec(0x04, b"Project") + rec(0x05, b"") + rec(0x40, b"")
    d += rec(0x06, b"") + rec(0x3D, b"") + rec(0x07, struct.pack("<I", 0)) + rec(0x08, struct.pack("<I", 0))
    d += struct.pack("<HIIH", 0x09, 4, 0x5A8F2B1C, 0x12) + rec(0x0C, b"") + rec(0x3C, b"")
    d += rec(0x0F, struct.pack("<H", 1)) + rec(0x13, struct.pack("<H", 0xFFFF))
    d += rec(0x19, module.encode()) + rec(0x47, u) + rec(0x1A, module.encode()) + rec(0x32, u)
    d += rec(0x1C, b"") + rec(0x48, b"") + rec(0x31, struct.pack("<I", 0)) + rec(0x1E, struct.pack("<I", 0))
    d += rec(0x2C, struct.pack("<H", 0xFFFF)) + struct.pack("<HI", 0x22, 0) + struct.pack("<HI", 0x2B, 0)
    d += struct.pack("<HI", 0x10, 0)
    return ovba_compress(d)


def cfb(entries):
    """A version 3 compound file.  entries: [(path tuple, data or None for a
    storage)]; streams under 4096 bytes go to the mini stream."""
    SEC, MINI = 512, 64
    ENDC, FREE, FATS = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    nodes = [{"name": "Root Entry", "type": 5, "children": [], "data": b""}]
    index = {(): 0}
    for path, data in entries:
        for k in range(1, len(path) + 1):
            p = tuple(path[:k])
            if p in index:
                continue
            n = {"name": p[-1], "type": 2 if (k == len(path) and data is not None) else 1, "children": [],
                 "data": data if k == len(path) and data is not None else b""}
            index[p] = len(nodes)
            nodes.append(n)
            nodes[index[p[:-1]]]["children"].append(index[p])
    mini = bytearray()
    minifat = []
    for n in nodes[1:]:
        if n["type"] == 2 and len(n["data"]) < 4096:
            n["start"] = len(mini) // MINI
            cnt = (len(n["data"]) + MINI - 1) // MINI
            for k in range(cnt):
                minifat.append(n["start"] + k + 1 if k < cnt - 1 else ENDC)
            mini += n["data"].ljust(cnt * MINI, b"\x00")
            if cnt == 0:
                n["start"] = ENDC
    big = [n for n in nodes[1:] if n["type"] == 2 and len(n["data"]) >= 4096]
    ndir = (len(nodes) * 128 + SEC - 1) // SEC
    nminifat = (len(minifat) * 4 + SEC - 1) // SEC
    nmini = (len(mini) + SEC - 1) // SEC
    nbig = sum((len(n["data"]) + SEC - 1) // SEC for n in big)
    nfat = 1
    while nfat * 128 < nfat + ndir + nminifat + nmini + nbig:
        nfat += 1
    fat = [FATS] * nfat
    sid = nfat

    def chain(count):
        nonlocal sid
        start = sid if count else ENDC
        for k in range(count):
            fat.append(sid + 1 if k < count - 1 else ENDC)
            sid += 1
        return start
    dir_start = chain(ndir)
    minifat_start = chain(nminifat)
    mini_start = chain(nmini)
    for n in big:
        n["start"] = chain((len(n["data"]) + SEC - 1) // SEC)
    fat += [FREE] * (nfat * 128 - len(fat))
    nodes[0]["start"] = mini_start if mini else ENDC
    nodes[0]["data"] = bytes(mini)

    def key(i):
        nm = nodes[i]["name"].upper()
        return (len(nm), nm)
    for n in nodes:
        n["left"] = n["right"] = n["child"] = FREE
    for n in nodes:
        kids = sorted(n["children"], key=key)
        if kids:      # a right-leaning chain is a valid (all-black) red-black tree? keep it balanced instead
            def build(lst):
                if not lst:
                    return FREE
                m = len(lst) // 2
                nodes[lst[m]]["left"] = build(lst[:m])
                nodes[lst[m]]["right"] = build(lst[m + 1:])
                return lst[m]
            n["child"] = build(kids)
    d = bytearray()
    for n in nodes:
        nm = n["name"].encode("utf-16-le") + b"\x00\x00"
        size = len(n["data"]) if n["type"] in (2, 5) else 0
        start = n.get("start", 0) if n["type"] in (2, 5) else 0
        d += nm.ljust(64, b"\x00") + struct.pack("<HBBIII", len(nm), n["type"], 1, n["left"], n["right"], n["child"])
        d += b"\x00" * 16 + struct.pack("<I", 0) + b"\x00" * 16 + struct.pack("<IIII", start, size, 0, 0)[:12]
    d = bytes(d).ljust(ndir * SEC, b"\x00")
    hdr = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
    hdr += struct.pack("<IIIIIIIII", 0, nfat, dir_start, 0, 4096, minifat_start if minifat else ENDC, nminifat,
                       ENDC, 0)
    difat = list(range(nfat)) + [FREE] * (109 - nfat)
    hdr += struct.pack("<109I", *difat)
    body = b"".join(struct.pack("<128I", *fat[i * 128:(i + 1) * 128]) for i in range(nfat))
    body += d
    body += struct.pack("<%dI" % len(minifat), *minifat).ljust(nminifat * SEC, b"\xff") if minifat else b""
    body += bytes(mini).ljust(nmini * SEC, b"\x00")
    for n in big:
        body += n["data"].ljust(((len(n["data"]) + SEC - 1) // SEC) * SEC, b"\x00")
    return hdr + body


VBA_SOURCE = (
    'Attribute VB_Name = "ThisDocument"\r\nAttribute VB_Base = "1Normal.ThisDocument"\r\n'
    'Attribute VB_GlobalNameSpace = False\r\nAttribute VB_Creatable = False\r\n'
    'Attribute VB_PredeclaredId = True\r\nAttribute VB_Exposed = True\r\n'
    'Attribute VB_TemplateDerived = True\r\nAttribute VB_Customizable = True\r\n'
    'Sub AutoOpen()\r\n'
    '    \' Shindan demo document: this macro only builds a string and prints it.\r\n'
    '    Dim cmd As String\r\n'
    '    cmd = "powershell -nop -w hidden -enc " & "VwByAGkAdABlAC0ASABvAHMAdAAgAGQAZQBtAG8A"\r\n'
    '    Debug.Print cmd   \' a real dropper would pass it to CreateObject("WScript.Shell").Run\r\n'
    'End Sub\r\n')


def vba_project():
    mod = ovba_compress(VBA_SOURCE.encode("cp1252"))
    project = ('ID="{8E3B2D5A-3C1F-4B6E-9A7D-2F4C6B8E1A3D}"\r\nDocument=ThisDocument/&H00000000\r\n'
               'Name="Project"\r\nHelpContextID="0"\r\nVersionCompatible32="393222000"\r\n'
               'CMG="5D5FB1A5B5A5B5A5B5A5"\r\nDPB="0F0DE3F7E3F7E3"\r\nGC="2D2FC1D5C1D5C1"\r\n\r\n'
               '[Host Extender Info]\r\n&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000\r\n\r\n'
               '[Workspace]\r\nThisDocument=0, 0, 0, 0, C\r\n').encode()
    return cfb([(("VBA", "_VBA_PROJECT"), b"\xcc\x61\xff\xff\x00\x00\x00"),
                (("VBA", "dir"), vba_dir("ThisDocument")),
                (("VBA", "ThisDocument"), mod),
                (("PROJECT",), project),
                (("PROJECTwm",), b"ThisDocument\x00" + "ThisDocument".encode("utf-16-le") + b"\x00\x00\x00")])


def docm(text):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>' % text)
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
             '</Relationships>')
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc),
                           ("word/_rels/document.xml.rels", drels), ("word/vbaProject.bin", vba_project())]:
            zi = zipfile.ZipInfo(name, date_time=(2025, 1, 14, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return bio.getvalue()


def eicar():
    return ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*").encode()


# --- synthetic benchmark mail --------------------------------------------------------

SYN_CLEAN = ["internal", "internal_ja", "newsletter", "notification", "invoice_pdf", "meeting", "partner",
             "newsletter_ja", "internal_sjis", "notification_ja"]
SYN_THREAT = ["phish_lookalike", "phish_punycode", "html_form", "zip_exe", "bec_wire", "docm_macro",
              "bec_ja", "eicar"]


def synthetic_plan(upn, j, pct):
    """(folder, template, own date) of message j of a synthetic mailbox."""
    hv = int.from_bytes(hashlib.sha256(("%s|%d" % (upn, j)).encode()).digest()[:8], "big")
    threat = (hv % 10000) < pct * 100
    f = (hv >> 16) % 100
    folder = "inbox" if f < 85 else "sentitems" if f < 95 else "junkemail" if f < 98 else "deleteditems"
    if threat:
        tpl = "threat:" + SYN_THREAT[(hv >> 32) % len(SYN_THREAT)]
    else:
        tpl = "clean:" + SYN_CLEAN[(hv >> 32) % len(SYN_CLEAN)]
    own = DATE_EPOCH - 900 - (29 * 86400 - 1800) * (j + 0.5) / max(1, 500)
    own = DATE_EPOCH - 900 - ((DATE_EPOCH - own) % (29 * 86400 - 1800))
    return folder, tpl, own


def synthetic_mime(tpl, dom, tenant_id):
    """The template's message for the neutral recipient user0000@dom."""
    import templates
    kind = tpl.split(":", 1)[1]
    c = Ctx(random.Random(tpl), "Bench User 0000", "user0000@" + dom, DATE_EPOCH - 3600, org=dom,
            tenant_id=tenant_id, org_name=dom.split(".")[0].title())
    raw, _cls, _kind, _cats = templates.build(kind, c)
    return raw
