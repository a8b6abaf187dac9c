#!/usr/bin/env python3
"""tests/detect/officeenc.py: save an OOXML file with a password to open,
as Office does (MS-OFFCRYPTO 2.3.4): a compound file (MS-CFB, version 3)
of an EncryptionInfo stream and an EncryptedPackage stream.

    officeenc.py agile|standard PASSWORD IN.docx OUT.docx [KEYBITS [HASH]]

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


def cfb(streams, names=None, decoys=()):
    """A version 3 compound file of the named streams (name, bytes):
    those under 4096 bytes in the mini stream, as readers expect.  names
    maps a stream to the name written ("encryptedpackage"); decoys are
    more streams (name, bytes) written in the directory but left out of
    its tree, as no reader sees them."""
    names = names or {}
    linked = len(streams)
    streams = list(streams) + list(decoys)
    ssz = 512
    mini = b""
    minifat = []
    big = []
    starts = {}
    for i, (name, data) in enumerate(streams):
        if len(data) < 4096:
            first = len(mini) // 64
            n = max(1, (len(data) + 63) // 64)
            minifat += [first + k + 1 for k in range(n - 1)] + [ENDOFCHAIN]
            mini += data + b"\0" * (n * 64 - len(data))
            starts[(i, name)] = first
        else:
            big.append(((i, name), data))

    def sectors(b):
        return (len(b) + ssz - 1) // ssz
    mfat = b"".join(struct.pack("<I", x) for x in minifat)
    nentries = 1 + len(streams)
    ndir = (nentries * 128 + ssz - 1) // ssz
    blobs = [("dir", ndir), ("minifat", sectors(mfat)),
             ("mini", sectors(mini))] + [(k, sectors(d)) for k, d in big]
    total = sum(c for _, c in blobs)
    nfat = 1
    while nfat * (ssz // 4) < total + nfat:
        nfat += 1
    assert nfat <= 109
    fat = [FATSECT] * nfat
    where = {}
    for name, count in blobs:
        where[name] = len(fat) if count else ENDOFCHAIN
        fat += [len(fat) + k + 1 for k in range(count - 1)] + (
            [ENDOFCHAIN] if count else [])
    fat += [FREESECT] * (-len(fat) % (ssz // 4))
    for k, _ in big:
        starts[k] = where[k]

    def entry(name, typ, start, size, child=NOSTREAM, right=NOSTREAM):
        u = name.encode("utf-16le") + b"\0\0"
        return (u + b"\0" * (64 - len(u)) + struct.pack(
            "<HBBIII", len(u), typ, 1, NOSTREAM, right, child) +
            b"\0" * 36 + struct.pack("<IQ", start, size))
    # The decoys first in the directory, then the streams of the tree.
    order = list(range(linked, len(streams))) + list(range(linked))
    at = {k: j + 1 for j, k in enumerate(order)}
    d = entry("Root Entry", 5, where["mini"] if mini else ENDOFCHAIN,
              len(mini), child=at[0])
    for k in order:
        name, data = streams[k]
        right = at[k + 1] if k + 1 < linked else NOSTREAM
        d += entry(names.get(name, name), 2, starts[(k, name)], len(data),
                   right=right)
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


def main():
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
