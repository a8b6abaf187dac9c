"""tests/detect/pdfgen.py: a small PDF writer with the Standard security
handler's encryption (RC4 40 to 128 bits, AES-128, AES-256 of R5 and R6),
for tests/t/25-pdf-crypt.t: the hostile and unusual encrypted PDFs of a
review of detect/pdfcrypt.c, each checked with qpdf, another reader,
before the engine is.  Objects are given as byte templates; encrypted
strings are written S(b"...") and streams Stream(dict_bytes, data)."""
import hashlib, zlib, os, struct, base64
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAD = bytes([0x28,0xbf,0x4e,0x5e,0x4e,0x75,0x8a,0x41,0x64,0x00,0x4e,0x56,0xff,0xfa,0x01,0x08,
             0x2e,0x2e,0x00,0xb6,0xd0,0x68,0x3e,0x80,0x2f,0x0c,0xa9,0xfe,0x64,0x53,0x69,0x7a])

def rc4(key, data):
    S = list(range(256)); j = 0
    for i in range(256):
        j = (j + S[i] + key[i % len(key)]) & 255; S[i], S[j] = S[j], S[i]
    i = j = 0; out = bytearray()
    for b in data:
        i = (i + 1) & 255; j = (j + S[i]) & 255; S[i], S[j] = S[j], S[i]
        out.append(b ^ S[(S[i] + S[j]) & 255])
    return bytes(out)

def aes_cbc(key, iv, data, enc=True):
    c = Cipher(algorithms.AES(key), modes.CBC(iv))
    x = c.encryptor() if enc else c.decryptor()
    return x.update(data) + x.finalize()

def pkcs7(d):
    n = 16 - len(d) % 16
    return d + bytes([n]) * n

def hash_2b(pw, salt, udata, r=6):
    k = hashlib.sha256(pw + salt + udata).digest()
    if r < 6: return k
    i = 0
    while True:
        k1 = (pw + k + udata) * 64
        e = aes_cbc(k[:16], k[16:32], k1)
        m = sum(e[:16]) % 3
        k = [hashlib.sha256, hashlib.sha384, hashlib.sha512][m](e).digest()
        i += 1
        if i >= 64 and e[-1] <= i - 32: break
    return k[:32]

class Sec:
    """Standard security handler parameters for the empty (or given) user password."""
    def __init__(self, kind, upw=b"", opw=b"owner", fid=b"0123456789abcdef", P=-3904,
                 length=128, meta=True, O=None):
        self.kind, self.fid, self.P, self.meta = kind, fid, P, meta
        Pb = struct.pack("<i", P)
        if kind in ("rc4-40", "rc4", "aes128", "rc4-v4"):
            self.R = 2 if kind == "rc4-40" else (3 if kind == "rc4" else 4)
            self.V = 1 if kind == "rc4-40" else (2 if kind == "rc4" else 4)
            n = 5 if self.R == 2 else (length // 8 if self.R == 3 else 16)
            self.klen_bits = n * 8
            if O is None:
                ok = hashlib.md5((opw + PAD)[:32]).digest()
                if self.R >= 3:
                    for _ in range(50): ok = hashlib.md5(ok[:n]).digest()
                O = rc4(ok[:n], (upw + PAD)[:32])
                if self.R >= 3:
                    for i in range(1, 20): O = rc4(bytes(b ^ i for b in ok[:n]), O)
            self.O = O
            h = hashlib.md5((upw + PAD)[:32] + O + Pb + fid + (b"" if meta or self.R < 4 else b"\xff"*4)).digest()
            if self.R >= 3:
                for _ in range(50): h = hashlib.md5(h[:n]).digest()
            self.key = h[:n]
            if self.R == 2:
                self.U = rc4(self.key, PAD)
            else:
                y = rc4(self.key, hashlib.md5(PAD + fid).digest())
                for i in range(1, 20): y = rc4(bytes(b ^ i for b in self.key), y)
                self.U = y + b"\x00" * 16
            self.aes = kind == "aes128"
        else:  # aes256 R6 (or R5)
            self.R = 6 if kind == "aes256" else 5
            self.V = 5
            self.key = os.urandom(32)
            vs, ks = os.urandom(8), os.urandom(8)
            self.U = hash_2b(upw, vs, b"", self.R) + vs + ks
            self.UE = aes_cbc(hash_2b(upw, ks, b"", self.R), b"\0"*16, self.key)
            ovs, oks = os.urandom(8), os.urandom(8)
            self.O = hash_2b(opw, ovs, self.U, self.R) + ovs + oks
            self.OE = aes_cbc(hash_2b(opw, oks, self.U, self.R), b"\0"*16, self.key)
            perms = Pb + b"\xff\xff\xff\xff" + (b"T" if meta else b"F") + b"adb" + os.urandom(4)
            self.Perms = aes_cbc(self.key, b"\0"*16, perms)[:16] if False else Cipher(algorithms.AES(self.key), modes.ECB()).encryptor().update(perms)
            self.aes = True

    def objkey(self, num, gen, aes=None):
        aes = self.aes if aes is None else aes
        if len(self.key) == 32: return self.key
        k = self.key + struct.pack("<I", num)[:3] + struct.pack("<H", gen) + (b"sAlT" if aes else b"")
        return hashlib.md5(k).digest()[:min(len(self.key) + 5, 16)]

    def enc(self, num, gen, data, aes=None):
        aes = self.aes if aes is None else aes
        k = self.objkey(num, gen, aes)
        if aes:
            iv = os.urandom(16)
            return iv + aes_cbc(k, iv, pkcs7(data))
        return rc4(k, data)

    def dict(self, cf_extra=b"", override=None):
        h = lambda b: b"<" + b.hex().encode() + b">"
        if override is not None: return override
        d = b"<< /Filter /Standard /V %d /R %d /O %s /U %s /P %d" % (self.V, self.R, h(self.O), h(self.U), self.P)
        if self.R == 3: d += b" /Length %d" % self.klen_bits
        if self.V == 4:
            cfm = b"/AESV2" if self.aes else b"/V2"
            d += b" /Length 128 /CF << /StdCF << /AuthEvent /DocOpen /CFM %s /Length 16 >> >> /StmF /StdCF /StrF /StdCF" % cfm
        if self.V == 5:
            d += b" /Length 256 /OE %s /UE %s /Perms %s /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV3 /Length 32 >> >> /StmF /StdCF /StrF /StdCF" % (h(self.OE), h(self.UE), h(self.Perms))
        if not self.meta: d += b" /EncryptMetadata false"
        return d + cf_extra + b" >>"

class S:
    def __init__(self, b): self.b = b
class Stream:
    def __init__(self, d, data, encrypt=True): self.d, self.data, self.encrypt = d, data, encrypt

def ser(body, sec, num, gen, enc_strings=True):
    if isinstance(body, bytes): return body
    out = b""
    for t in body:
        if isinstance(t, S):
            b = sec.enc(num, gen, t.b) if (sec and enc_strings) else t.b
            out += b"<" + b.hex().encode() + b">"
        else:
            out += t
    return out

def build(objs, sec=None, objstm=(), root=1, trailer_extra=b"", xref_stream=None,
          encrypt_ref=True, header=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", pre_enc_obj=None, sec_dict=None,
          id_bytes=None, strm_key=None, objstm_extra=b"", objstm_filter=b"/Filter /FlateDecode", objstm_encrypt=True):
    """objs: {num: body list/bytes or Stream}. objstm: nums put in one object stream.
    sec: Sec or None. Returns bytes."""
    fid = id_bytes or (sec.fid if sec else b"0123456789abcdef")
    out = bytearray(header)
    offs = {}
    nums = sorted(objs)
    maxn = max(nums) + 3
    enc_num = maxn - 2 if sec else None
    stm_num = maxn - 1 if objstm else None
    xref_num = maxn
    use_xs = xref_stream if xref_stream is not None else bool(objstm)
    def put(num, body):
        offs[num] = len(out)
        if isinstance(body, Stream):
            data = body.data
            if sec and body.encrypt: data = sec.enc(num, 0, data)
            d = body.d if isinstance(body.d, bytes) else ser(body.d, sec, num, 0)
            out.extend(b"%d 0 obj\n%s /Length %d >>\nstream\n" % (num, d.rstrip(b">").rstrip() if d.endswith(b">>") else d, len(data)))
            out.extend(data + b"\nendstream\nendobj\n")
        else:
            out.extend(b"%d 0 obj\n%s\nendobj\n" % (num, ser(body, sec, num, 0)))
    for n in nums:
        if n in objstm: continue
        put(n, objs[n])
    stm_index = {}
    if objstm:
        heads, bodies = [], b""
        for i, n in enumerate(objstm):
            heads.append(b"%d %d" % (n, len(bodies)))
            bodies += ser(objs[n], None, n, 0) + b"\n"
            stm_index[n] = i
        head = b" ".join(heads) + b"\n"
        data = zlib.compress(head + bodies)
        put(stm_num, Stream(b"<< /Type /ObjStm%s /N %d /First %d %s >>" % (objstm_extra, len(objstm), len(head), objstm_filter), data, objstm_encrypt))
    if sec:
        offs[enc_num] = len(out)
        out.extend(b"%d 0 obj\n%s\nendobj\n" % (enc_num, sec_dict if sec_dict is not None else sec.dict()))
    idarr = b"[<%s> <%s>]" % (fid.hex().encode(), fid.hex().encode())
    tr = b"/Size %d /Root %d 0 R /ID %s" % (maxn + 1, root, idarr)
    if sec and encrypt_ref: tr += b" /Encrypt %d 0 R" % enc_num
    tr += trailer_extra
    if use_xs:
        rows = b""
        for n in range(maxn + 1):
            if n in offs: rows += b"\x01" + struct.pack(">I", offs[n]) + b"\x00"
            elif n in stm_index: rows += b"\x02" + struct.pack(">I", stm_num) + bytes([stm_index[n]])
            elif n == xref_num: rows += b"\x01" + struct.pack(">I", len(out)) + b"\x00"
            else: rows += b"\x00\x00\x00\x00\x00\xff"
        xo = len(out)
        out.extend(b"%d 0 obj\n<< /Type /XRef /W [1 4 1] %s /Length %d >>\nstream\n" % (xref_num, tr, len(rows)))
        out.extend(rows + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xo)
    else:
        xo = len(out)
        out.extend(b"xref\n0 %d\n0000000000 65535 f \n" % (maxn + 1))
        for n in range(1, maxn + 1):
            out.extend(b"%010d 00000 n \n" % offs[n] if n in offs else b"0000000000 65535 f \n")
        out.extend(b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (tr, xo))
    return bytes(out)

def eml(pdf, name="doc.pdf", body="Please find the document attached.\n", extra_parts=(), subject="Document"):
    b64 = base64.encodebytes(pdf).decode()
    parts = ["--b1\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n",
             '--b1\nContent-Type: application/pdf; name="%s"\nContent-Disposition: attachment; filename="%s"\nContent-Transfer-Encoding: base64\n\n%s' % (name, name, b64)]
    parts += list(extra_parts)
    return ("From: Alice <alice@example.com>\nTo: bob@example.org\nSubject: %s\nDate: Mon, 02 Nov 2026 09:30:00 +0900\nMessage-ID: <%s@example.com>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n" % (subject, os.urandom(6).hex()) + "".join(parts) + "--b1--\n").encode()

# A one-page document: JS open action (in objstm if asked) and one link.
def doc_objs(url=b"http://198.51.100.7/login.php"):
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Annots [6 0 R] >>",
        4: Stream(b"<< >>", b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"),
        5: [b"<< /S /JavaScript /JS ", S(b"app.alert('pwned');"), b" >>"],
        6: [b"<< /Type /Annot /Subtype /Link /Rect [0 0 612 792] /A << /S /URI /URI ", S(url), b" >> >>"],
    }
