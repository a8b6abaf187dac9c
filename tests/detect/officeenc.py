#!/usr/bin/env python3
"""tests/detect/officeenc.py: save an OOXML file with a password to open,
as Office does (MS-OFFCRYPTO 2.3.4): a compound file (MS-CFB, version 3)
of an EncryptionInfo stream and an EncryptedPackage stream; or write an
Excel 97-2003 workbook (.xls) with a password (MS-XLS 2.2.10: RC4
CryptoAPI, 2.3.5, or RC4, 2.3.6, of the Workbook stream's records).

    officeenc.py agile|standard PASSWORD IN.docx OUT.docx [KEYBITS [HASH]]
    officeenc.py xls cryptoapi|cryptoapi40|rc4 PASSWORD OUT.xls [macro]
    officeenc.py xls-check cryptoapi|cryptoapi40|rc4 DECRYPTED.xls [macro]

The workbook written has one sheet, a macro sheet (Excel 4.0) when told,
and text enough for five blocks of the key stream (5 KB, past the
mini stream); xls-check says
whether a decrypted copy (msoffcrypto-tool's, whose FILEPASS record is
zeros) holds that workbook.

Agile encryption (4.4, Office 2010 and later; SHA-512 and AES-256 unless
told, 100,000 rounds, the data integrity HMAC written) or Standard
encryption (3.2, Office 2007; SHA-1 50,000 rounds, AES-128 in ECB).
With OFFICEENC_SEED set, the salts and keys follow from it: the same
file each time.
Written from the specification for the engine's tests, which check each
file it writes with msoffcrypto-tool, another implementation, before
they use it.  Needs python3-cryptography.
"""
import hashlib
import hmac
import os
import struct
import sys

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


def rand(n, label):
    """n random bytes; the same each time for a seed in OFFICEENC_SEED
    (tests/detect/mkdata.py writes the same files on every run)."""
    seed = os.environ.get("OFFICEENC_SEED")
    if seed is None:
        return os.urandom(n)
    return hashlib.sha256((seed + "/" + label).encode()).digest()[:n]


def aes(key, data, iv=None):
    mode = modes.CBC(iv) if iv is not None else modes.ECB()
    e = Cipher(algorithms.AES(key), mode).encryptor()
    return e.update(data) + e.finalize()


def pad16(b):
    return b + b"\0" * (-len(b) % 16)


def agile(plain, pw, keybits=256, hashname="sha512", spin=100000,
          kd_keybits=None, kd_hash=None, secret=None):
    """The password's key (encryptedKey) and the package's (keyData) may
    differ in length and hash, as the specification allows."""
    kd_keybits = kd_keybits or keybits
    kd_hash = kd_hash or hashname

    def H(b):
        return hashlib.new(hashname, b).digest()

    def HK(b):
        return hashlib.new(kd_hash, b).digest()
    hl, khl = len(H(b"")), len(HK(b""))
    kl, pkl = keybits // 8, kd_keybits // 8
    ksalt, psalt = rand(16, "ksalt"), rand(16, "psalt")
    secret = secret or rand(pkl, "secret")
    pkg = struct.pack("<Q", len(plain))
    for i in range(0, max(len(plain), 1), 4096):
        iv = HK(ksalt + struct.pack("<I", i // 4096))[:16]
        pkg += aes(secret, pad16(plain[i:i + 4096]), iv)
    h = H(psalt + pw.encode("utf-16le"))
    for i in range(spin):
        h = H(struct.pack("<I", i) + h)

    def key(block):
        k = H(h + block)[:kl]
        return k + b"\x36" * (kl - len(k))
    vin = rand(16, "verifier")
    evin = aes(key(bytes.fromhex("fea7d2763b4b9e79")), vin, psalt)
    evh = aes(key(bytes.fromhex("d7aa0f6d3061344e")), pad16(H(vin)), psalt)
    ekey = aes(key(bytes.fromhex("146e0be7abacd0d6")), pad16(secret), psalt)
    hkey = (rand(32, "hmac1") + rand(32, "hmac2"))[:khl]
    iv1 = HK(ksalt + bytes.fromhex("5fb2ad010cb9e1f6"))[:16]
    iv2 = HK(ksalt + bytes.fromhex("a0677f02b22c8433"))[:16]
    ehkey = aes(secret, pad16(hkey), iv1)
    ehval = aes(secret, pad16(hmac.new(hkey, pkg, kd_hash).digest()), iv2)
    names = {"sha1": "SHA1", "sha256": "SHA256", "sha384": "SHA384",
             "sha512": "SHA512"}

    def b64(b):
        import base64
        return base64.b64encode(b).decode()
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<encryption xmlns="http://schemas.microsoft.com/office/2006/'
           'encryption" xmlns:p="http://schemas.microsoft.com/office/2006/'
           'keyEncryptor/password"><keyData saltSize="16" blockSize="16" '
           'keyBits="%d" hashSize="%d" cipherAlgorithm="AES" '
           'cipherChaining="ChainingModeCBC" hashAlgorithm="%s" '
           'saltValue="%s"/><dataIntegrity encryptedHmacKey="%s" '
           'encryptedHmacValue="%s"/><keyEncryptors><keyEncryptor '
           'uri="http://schemas.microsoft.com/office/2006/keyEncryptor/'
           'password"><p:encryptedKey spinCount="%d" saltSize="16" '
           'blockSize="16" keyBits="%d" hashSize="%d" cipherAlgorithm="AES" '
           'cipherChaining="ChainingModeCBC" hashAlgorithm="%s" '
           'saltValue="%s" encryptedVerifierHashInput="%s" '
           'encryptedVerifierHashValue="%s" encryptedKeyValue="%s"/>'
           '</keyEncryptor></keyEncryptors></encryption>' % (
               kd_keybits, khl, names[kd_hash], b64(ksalt), b64(ehkey),
               b64(ehval), spin, keybits, hl, names[hashname], b64(psalt),
               b64(evin), b64(evh), b64(ekey)))
    info = struct.pack("<HHI", 4, 4, 0x40) + xml.encode()
    return info, pkg


def standard(plain, pw, keybits=128):
    def sha1(b):
        return hashlib.sha1(b).digest()
    salt = rand(16, "salt")
    h = sha1(salt + pw.encode("utf-16le"))
    for i in range(50000):
        h = sha1(struct.pack("<I", i) + h)
    hf = sha1(h + struct.pack("<I", 0))
    x1 = sha1(bytes(a ^ b for a, b in zip(b"\x36" * 64, hf + b"\0" * 44)))
    x2 = sha1(bytes(a ^ b for a, b in zip(b"\x5c" * 64, hf + b"\0" * 44)))
    key = (x1 + x2)[:keybits // 8]
    verifier = rand(16, "verifier")
    csp = "Microsoft Enhanced RSA and AES Cryptographic Provider\0"
    alg = {128: 0x660E, 192: 0x660F, 256: 0x6610}[keybits]
    header = struct.pack("<8I", 0x24, 0, alg, 0x8004, keybits, 0x18, 0,
                         0) + csp.encode("utf-16le")
    info = (struct.pack("<HHII", 3, 2, 0x24, len(header)) + header +
            struct.pack("<I", 16) + salt + aes(key, verifier) +
            struct.pack("<I", 20) + aes(key, pad16(sha1(verifier))))
    pkg = struct.pack("<Q", len(plain)) + aes(key, pad16(plain))
    return info, pkg


def cfb_layout(entries, alloc):
    """A version 3 compound file of its directory: entries, in directory
    order, are [name, type (5 root, 1 storage, 2 stream), bytes or None,
    child, right]; alloc, the streams' indexes in the order their bytes
    are laid out.  Streams under 4096 bytes live in the mini stream, as
    readers expect; the root's own stream is the mini stream."""
    ssz = 512
    mini = b""
    minifat = []
    big = []
    starts = {}
    for i in alloc:
        data = entries[i][2]
        if len(data) < 4096:
            first = len(mini) // 64
            n = max(1, (len(data) + 63) // 64)
            minifat += [first + k + 1 for k in range(n - 1)] + [ENDOFCHAIN]
            mini += data + b"\0" * (n * 64 - len(data))
            starts[i] = first
        else:
            big.append((i, data))

    def sectors(b):
        return (len(b) + ssz - 1) // ssz
    mfat = b"".join(struct.pack("<I", x) for x in minifat)
    ndir = (len(entries) * 128 + ssz - 1) // ssz
    blobs = [("dir", ndir), ("minifat", sectors(mfat)),
             ("mini", sectors(mini))] + [(i, sectors(d)) for i, d in big]
    total = sum(c for _, c in blobs)
    nfat = 1
    while nfat * (ssz // 4) < total + nfat:
        nfat += 1
    assert nfat <= 109
    fat = [FATSECT] * nfat
    where = {}
    for key, count in blobs:
        where[key] = len(fat) if count else ENDOFCHAIN
        fat += [len(fat) + k + 1 for k in range(count - 1)] + (
            [ENDOFCHAIN] if count else [])
    fat += [FREESECT] * (-len(fat) % (ssz // 4))
    for i, _ in big:
        starts[i] = where[i]
    d = b""
    for i, (name, typ, data, child, right) in enumerate(entries):
        u = name.encode("utf-16le") + b"\0\0"
        if typ == 5:
            start, size = (where["mini"] if mini else ENDOFCHAIN), len(mini)
        elif typ == 2:
            start, size = starts[i], len(data)
        else:
            start, size = 0, 0
        d += (u + b"\0" * (64 - len(u)) + struct.pack(
            "<HBBIII", len(u), typ, 1, NOSTREAM, right, child) +
            b"\0" * 36 + struct.pack("<IQ", start, size))
    d += b"\0" * (ndir * ssz - len(d))
    hdr = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 +
           struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6 +
           struct.pack("<IIIIIIIII", 0, nfat, where["dir"], 0, 4096,
                       where["minifat"] if mfat else ENDOFCHAIN,
                       sectors(mfat), ENDOFCHAIN, 0) +
           b"".join(struct.pack("<I", i) for i in range(nfat)) +
           struct.pack("<I", FREESECT) * (109 - nfat))
    body = b"".join(struct.pack("<I", x) for x in fat)
    for blob in [d, mfat, mini] + [data for _, data in big]:
        body += blob + b"\0" * (-len(blob) % ssz)
    return hdr + body


def cfb(streams, names=None, decoys=()):
    """A version 3 compound file of the named streams (name, bytes) in
    its root.  names maps a stream to the name written
    ("encryptedpackage"); decoys are more streams (name, bytes) written
    in the directory, first, but left out of its tree, as no reader sees
    them."""
    names = names or {}
    linked = len(streams)
    streams = list(streams) + list(decoys)
    # The decoys first in the directory, then the streams of the tree;
    # their bytes laid out in the order given.
    order = list(range(linked, len(streams))) + list(range(linked))
    at = {k: j + 1 for j, k in enumerate(order)}
    entries = [["Root Entry", 5, None, at[0] if linked else NOSTREAM,
                NOSTREAM]]
    for k in order:
        name, data = streams[k]
        right = at[k + 1] if k + 1 < linked else NOSTREAM
        entries.append([names.get(name, name), 2, data, NOSTREAM, right])
    return cfb_layout(entries, [at[k] for k in range(len(streams))])


def rc4(key, data):
    S = list(range(256))
    j = 0
    for i in range(256):
        j = (j + S[i] + key[i % len(key)]) & 0xFF
        S[i], S[j] = S[j], S[i]
    out = bytearray()
    i = j = 0
    for c in data:
        i = (i + 1) & 0xFF
        j = (j + S[i]) & 0xFF
        S[i], S[j] = S[j], S[i]
        out.append(c ^ S[(S[i] + S[j]) & 0xFF])
    return bytes(out)


def rec(num, data):
    return struct.pack("<HH", num, len(data)) + data


# Records whose data stays plain (MS-XLS 2.2.10).
XLS_PLAIN = (0x0809, 0x002F, 0x0194, 0x0195, 0x00E1, 0x0196, 0x0138)


def xls_workbook(filepass, macro):
    """A BIFF8 Workbook stream: the globals (BOF, FILEPASS when given,
    CodePage, BoundSheet8, EOF), then the sheet (BOF, labels, EOF)."""
    def bof(dt):
        return rec(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0x0DBB,
                                       0x07CC, 0, 0x06))
    name = b"Macro1" if macro else b"Sheet1"
    head = bof(0x0005) + (rec(0x002F, filepass) if filepass else b"")
    head += rec(0x0042, struct.pack("<H", 0x04B0))
    sheet_len = len(rec(0x0085, b"\0" * 8 + name))
    glob_len = len(head) + sheet_len + len(rec(0x000A, b""))
    head += rec(0x0085, struct.pack("<IBBBB", glob_len, 0, 1 if macro
                                    else 0, len(name), 0) + name)
    head += rec(0x000A, b"")
    body = bof(0x0040 if macro else 0x0010)
    for k in range(10):
        text = ("=EXEC(\"calc.exe\") row %d " % k).encode() * 20
        body += rec(0x0204, struct.pack("<HHHHB", k, 0, 15, len(text), 0)
                    + text)
    return head + body + rec(0x000A, b"")


def xls_filepass(kind, pw):
    """The FILEPASS record's data for pw (cryptoapi, cryptoapi40 or rc4)
    and the RC4 key of a block of the stream."""
    salt = rand(16, "xls-salt")
    verifier = rand(16, "xls-verifier")
    u16 = pw.encode("utf-16le")
    if kind.startswith("cryptoapi"):
        bits = 40 if kind == "cryptoapi40" else 128
        h0 = hashlib.sha1(salt + u16).digest()

        def key(b):
            h = hashlib.sha1(h0 + struct.pack("<I", b)).digest()
            return h[:5] + b"\0" * 11 if bits == 40 else h[:bits // 8]
        ev = rc4(key(0), verifier + hashlib.sha1(verifier).digest())
        csp = "Microsoft Enhanced Cryptographic Provider v1.0\0"
        header = struct.pack("<IIIIIIII", 0x04, 0, 0x6801, 0x8004, bits, 1,
                             0, 0) + csp.encode("utf-16le")
        return (struct.pack("<HHHII", 1, 2, 2, 0x04, len(header)) +
                header + struct.pack("<I", 16) + salt + ev[:16] +
                struct.pack("<I", 20) + ev[16:]), key
    h = hashlib.md5(u16).digest()[:5]
    hfinal = hashlib.md5((h + salt) * 16).digest()[:5]

    def key(b):
        return hashlib.md5(hfinal + struct.pack("<I", b)).digest()
    ev = rc4(key(0), verifier + hashlib.md5(verifier).digest())
    return struct.pack("<HHH", 1, 1, 1) + salt + ev, key


def xls_encrypt(plain, key):
    """A Workbook stream with its FILEPASS, encrypted as Excel does:
    the data of the records after FILEPASS but the plain ones and
    BoundSheet8's lbPlyPos, by the stream's offset in blocks of 1,024
    bytes."""
    out = bytearray(plain)
    stream = {}
    o, seen = 0, False
    while o + 4 <= len(plain):
        num, size = struct.unpack("<HH", plain[o:o + 4])
        a, b = o + 4, o + 4 + size
        if seen and num not in XLS_PLAIN:
            if num == 0x0085:
                a += 4
            for i in range(a, b):
                blk = i // 1024
                if blk not in stream:
                    stream[blk] = rc4(key(blk), b"\0" * 1024)
                out[i] ^= stream[blk][i % 1024]
        seen = seen or num == 0x002F
        o = b
    return bytes(out)


def xls(kind, pw, macro=False):
    """The encrypted workbook and the Workbook stream it decrypts to."""
    filepass, key = xls_filepass(kind, pw)
    plain = xls_workbook(filepass, macro)
    return cfb([("Workbook", xls_encrypt(plain, key))]), plain


def xls_check(kind, path, macro):
    """Does the decrypted copy at path hold the workbook, its FILEPASS
    record's type and data zeros as msoffcrypto-tool leaves it?  The copy keeps the
    sectors of the file written here, where the stream lies whole."""
    with open(path, "rb") as f:
        got = f.read()
    _, plain = xls(kind, "x", macro)
    fp = plain.index(b"\x2f\x00", 20)
    size = struct.unpack("<H", plain[fp + 2:fp + 4])[0]
    want = (plain[:fp] + b"\0\0" + plain[fp + 2:fp + 4] + b"\0" * size +
            plain[fp + 4 + size:])
    return len(plain) > 4096 and got.find(want) >= 0

def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "xls-check":
        sys.exit(0 if xls_check(sys.argv[2], sys.argv[3],
                                sys.argv[4:] == ["macro"]) else 1)
    if len(sys.argv) >= 5 and sys.argv[1] == "xls":
        doc, _ = xls(sys.argv[2], sys.argv[3], sys.argv[5:] == ["macro"])
        with open(sys.argv[4], "wb") as f:
            f.write(doc)
        return
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    kind, pw, src, dst = sys.argv[1:5]
    with open(src, "rb") as f:
        plain = f.read()
    if kind == "agile":
        info, pkg = agile(plain, pw, *(
            [int(sys.argv[5])] if len(sys.argv) > 5 else []) + (
            [sys.argv[6]] if len(sys.argv) > 6 else []))
    else:
        info, pkg = standard(plain, pw, *(
            [int(sys.argv[5])] if len(sys.argv) > 5 else []))
    with open(dst, "wb") as f:
        f.write(cfb([("EncryptionInfo", info), ("EncryptedPackage", pkg)]))


if __name__ == "__main__":
    main()
