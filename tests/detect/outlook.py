"""Outlook's own formats, written for the tests from their specifications:
compressed RTF (MS-OXRTFCP), TNEF streams (MS-OXTNEF), compound files
with storages (MS-CFB) and Outlook items, .msg files (MS-OXMSG).  Each
writer is small and plain; the tests check what it writes with another
reader where Debian has one (olefile for compound files)."""
import struct

import officeenc
from officeenc import NOSTREAM

# MS-OXRTFCP 2.1.2.1: the dictionary's first 207 bytes.
PREBUF = (b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil "
          b"\\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans Serif"
          b"SymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0"
          b"\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx")
assert len(PREBUF) == 207


def _crc(data):
    """MS-OXRTFCP 3.1.3: CRC-32's table, started at 0, not inverted."""
    crc = 0
    for b in data:
        c = (crc ^ b) & 0xFF
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        crc = c ^ (crc >> 8)
    return crc


def lzfu(raw):
    """raw compressed as MS-OXRTFCP 2.2 does: the longest match (2 to 17
    bytes) in the 4096-byte dictionary, else a literal; a run may overlap
    what it writes.  Slow, and meant for small test bodies."""
    d = bytearray(4096)
    d[:207] = PREBUF
    w = 207
    filled = 207          # dictionary bytes written so far (up to 4096)
    out = bytearray()
    i = 0
    done = False
    while not done:
        ctl = 0
        run = bytearray()
        for bit in range(8):
            if i >= len(raw):
                # The end: a reference to the write position.
                ctl |= 1 << bit
                run += struct.pack(">H", w << 4)
                done = True
                break
            best, boff = 0, 0
            for off in range(4096):
                if off == w or (filled < 4096 and off >= filled):
                    continue
                k = 0
                while k < 17 and i + k < len(raw):
                    # What the decoder reads: the dictionary as it is
                    # written byte by byte, this run's bytes included.
                    src = (off + k) & 4095
                    back = (src - w) & 4095
                    c = raw[i + back] if back < k else d[src]
                    if c != raw[i + k]:
                        break
                    k += 1
                if k > best:
                    best, boff = k, off
                    if k == 17:
                        break
            if best >= 2:
                ctl |= 1 << bit
                run += struct.pack(">H", boff << 4 | (best - 2))
                for k in range(best):
                    d[w] = raw[i + k]
                    w = (w + 1) & 4095
                    filled = min(4096, filled + 1)
                i += best
            else:
                run.append(raw[i])
                d[w] = raw[i]
                w = (w + 1) & 4095
                filled = min(4096, filled + 1)
                i += 1
        out.append(ctl)
        out += run
    return struct.pack("<III", len(out) + 12, len(raw), 0x75465A4C) + \
        struct.pack("<I", _crc(out)) + bytes(out)


def mela(raw):
    """raw stored uncompressed (MS-OXRTFCP 2.1.3.1: "MELA", CRC 0)."""
    return struct.pack("<IIII", len(raw) + 12, len(raw), 0x414C454D, 0) + raw


# Two bodies as Outlook writes them: an HTML mail's page encapsulated in
# RTF (MS-OXRTFEX: the page in \*\htmltag groups and in text outside
# \htmlrtf, what is RTF's own under \htmlrtf), and RTF of its own with a
# HYPERLINK field, Shift_JIS bytes in a \fcharset128 font, \u characters
# with their fallbacks, hidden text, a picture and a \* destination.
ENC_RTF = (b"{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\fbidis \\deff0{\\fonttbl"
           b"{\\f0\\fswiss Arial;}}{\\*\\htmltag19 <html>}{\\*\\htmltag34 <body>}"
           b"\\htmlrtf {\\htmlrtf0 {\\*\\htmltag64 <p>}Your mailbox is full."
           b"{\\*\\htmltag84 <a href=\"http://203.0.113.7/owa/login\">}\\htmlrtf "
           b"{\\field{\\*\\fldinst{HYPERLINK \"http://203.0.113.7/owa/login\"}}"
           b"{\\fldrslt\\cf1\\ul \\htmlrtf0 Sign in\\htmlrtf }}\\htmlrtf0 "
           b"{\\*\\htmltag92 </a>}{\\*\\htmltag72 </p>}}{\\*\\htmltag42 </body>}"
           b"{\\*\\htmltag27 </html>}}")
PLAIN_RTF = (b"{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}"
             b"{\\f1\\fnil\\fcharset128 MS Gothic;}}{\\colortbl;\\red0\\green0"
             b"\\blue255;}{\\*\\generator Riched20 10.0;}{\\pict\\pngblip "
             b"89504e47 zebrapicture}\\f0 Dear user,\\par Please review: "
             b"{\\field{\\*\\fldinst{HYPERLINK \"http://login-microsoftonline."
             b"example-verify.top/x\"}}{\\fldrslt{\\cf1\\ul https://login."
             b"microsoftonline.com/}}}\\par {\\f1 \\'90\\'bf\\'8b\\'81\\'8f\\'91}"
             b"\\par \\uc1\\u30906?\\u35469?\\par {\\v hiddenwombat}\\par}")


# ---- TNEF (MS-OXTNEF) ----

PT_LONG, PT_BINARY, PT_STRING8, PT_UNICODE = 0x0003, 0x0102, 0x001E, 0x001F


def tnef_attr(level, attr, data):
    return (struct.pack("<BII", level, attr, len(data)) + data +
            struct.pack("<H", sum(data) & 0xFFFF))


def tnef_props(props):
    """A property list (MS-OXTNEF 2.1.3.4): (type, id, value) of binary or
    string types, each a counted value padded to four bytes."""
    b = struct.pack("<I", len(props))
    for typ, pid, v in props:
        if typ == PT_UNICODE:
            v = v.encode("utf-16le") + b"\0\0"
        elif typ == PT_STRING8:
            v = v + b"\0"
        b += struct.pack("<III", typ | pid << 16, 1, len(v)) + v
        b += b"\0" * (-len(v) % 4)
    return b


def tnef(msg_props, codepage=1252):
    """A TNEF stream of a message with these MAPI properties."""
    return (struct.pack("<IH", 0x223E9F78, 0x0101) +
            tnef_attr(1, 0x00089006, b"\0\0\1\0") +
            tnef_attr(1, 0x00069007, struct.pack("<II", codepage, 0)) +
            tnef_attr(1, 0x00078008, b"IPM.Microsoft Mail.Note\0") +
            tnef_attr(1, 0x00069003, tnef_props(msg_props)))


# ---- Compound files with storages (MS-CFB) ----


def cfb(tree):
    """A version 3 compound file of tree: a list of (name, bytes) streams
    and (name, list) storages, nested (officeenc.cfb_layout() writes
    it).  Each storage's children are a chain of right siblings (a tree
    readers walk as any other)."""
    entries = []          # [name, type, data or None, child, right]

    def add(name, node):
        idx = len(entries)
        if isinstance(node, list):
            entries.append([name, 1, None, NOSTREAM, NOSTREAM])
            kids = [add(n, c) for n, c in node]
            for a, b in zip(kids, kids[1:]):
                entries[a][4] = b
            entries[idx][3] = kids[0] if kids else NOSTREAM
        else:
            entries.append([name, 2, node, NOSTREAM, NOSTREAM])
        return idx
    add("Root Entry", tree)
    entries[0][1] = 5
    return officeenc.cfb_layout(entries, [i for i, e in enumerate(entries)
                                          if e[1] == 2])


# ---- Outlook items (MS-OXMSG) ----

def _substg(pid, typ, value):
    if typ == PT_UNICODE:
        value = value.encode("utf-16le")
    return ("__substg1.0_%04X%04X" % (pid, typ), value)


def _props_stream(header, fixed):
    """The property stream: its header, then 16 bytes a property, the
    fixed ones (type, id, 4-byte value) with their values."""
    b = header
    for typ, pid, v in fixed:
        b += struct.pack("<IIII", typ | pid << 16, 6, v, 0)
    return ("__properties_version1.0", b)


def msg_node(subject=None, body=None, html=None, rtf=None,
             attachments=(), embedded=False, strings=PT_UNICODE,
             codepage=None, headers=None, sender=None):
    """The storage of an Outlook item: subject, text body, HTML body and
    compressed RTF body (bytes, as lzfu() writes it) when given; each
    attachment is (long name, bytes) for a file or (display name,
    msg_node(...)) for an attached item, (display name, ("ole", storage
    list)) for an OLE object, (display name, ("ref", path)) for a file
    attached by reference.  strings: PT_UNICODE, or
    PT_STRING8 (bytes, as given, names too), in codepage
    (PR_INTERNET_CPID) when given; headers: the transport headers kept
    (a string); sender: (name, SMTP address)."""
    nodes = []
    hdr = (b"\0" * 8 + struct.pack("<IIII", 0, len(attachments), 0,
                                   len(attachments)) +
           (b"" if embedded else b"\0" * 8))
    nodes.append(_props_stream(hdr, [] if codepage is None else
                               [(PT_LONG, 0x3FDE, codepage)]))
    if subject is not None:
        nodes.append(_substg(0x0037, strings, subject))
    if headers is not None:
        nodes.append(_substg(0x007D, PT_UNICODE, headers))
    if sender is not None:
        nodes.append(_substg(0x0042, PT_UNICODE, sender[0]))
        nodes.append(_substg(0x0C1A, PT_UNICODE, sender[0]))
        nodes.append(_substg(0x5D01, PT_UNICODE, sender[1]))
    if body is not None:
        nodes.append(_substg(0x1000, strings, body))
    if html is not None:
        nodes.append(_substg(0x1013, PT_BINARY, html))
    if rtf is not None:
        nodes.append(_substg(0x1009, PT_BINARY, rtf))
    for i, (name, data) in enumerate(attachments):
        a = []
        if isinstance(data, tuple) and data[0] == "ole":
            # An OLE object: its storage's streams and storages.
            a.append(_props_stream(b"\0" * 8, [(PT_LONG, 0x3705, 6)]))
            a.append(_substg(0x3001, PT_UNICODE, name))
            a.append(("__substg1.0_3701000D", data[1]))
        elif isinstance(data, tuple) and data[0] == "ref":
            # A file attached by reference: its path, no bytes.
            a.append(_props_stream(b"\0" * 8, [(PT_LONG, 0x3705, 2)]))
            a.append(_substg(0x3001, PT_UNICODE, name))
            a.append(_substg(0x370D, PT_UNICODE, data[1]))
        elif isinstance(data, list):
            a.append(_props_stream(b"\0" * 8, [(PT_LONG, 0x3705, 5)]))
            a.append(_substg(0x3001, PT_UNICODE, name))
            a.append(("__substg1.0_3701000D", data))
        else:
            a.append(_props_stream(b"\0" * 8, [(PT_LONG, 0x3705, 1)]))
            a.append(_substg(0x3707, strings, name))
            a.append(_substg(0x3001, strings, name))
            a.append(_substg(0x3701, PT_BINARY, data))
        nodes.append(("__attach_version1.0_#%08X" % i, a))
    if not embedded:
        nodes.append(("__nameid_version1.0", [
            ("__substg1.0_00020102", b""), ("__substg1.0_00030102", b""),
            ("__substg1.0_00040102", b"")]))
    return nodes


def ole_package(label, path, data, temp=b"C:\\Temp\\x"):
    """The \\1Ole10Native stream of a Packager object holding data
    (MS-OLEDS 2.3.6, as oletools reads it): its size, 2, the label and
    the source path, two 2-byte fields, the temporary path with its
    length, the data with its size."""
    native = (struct.pack("<H", 2) + label + b"\0" + path + b"\0" +
              struct.pack("<HHI", 0, 3, len(temp) + 1) + temp + b"\0" +
              struct.pack("<I", len(data)) + data)
    return ("\x01Ole10Native", struct.pack("<I", len(native)) + native)


def msg(**kw):
    """An Outlook item (.msg file) as msg_node() describes it."""
    return cfb(msg_node(**kw))


# ---- damage done to a compound file cfb() wrote, for hostile tests ----

def dir_entries(b):
    """The directory of a compound file cfb() wrote: a list of [offset,
    name, type, left, right, child, start, size], in directory order."""
    nfat, dir0 = struct.unpack_from("<I", b, 0x2C)[0], \
        struct.unpack_from("<I", b, 0x30)[0]
    fat = []
    for sec in struct.unpack_from("<%dI" % nfat, b, 0x4C):
        fat += struct.unpack_from("<128I", b, 512 + sec * 512)
    out = []
    sec = dir0
    while sec < 0xFFFFFFFA:
        for i in range(4):
            off = 512 + sec * 512 + i * 128
            nl = struct.unpack_from("<H", b, off + 64)[0]
            name = b[off:off + max(0, nl - 2)].decode("utf-16le", "replace")
            left, right, child = struct.unpack_from("<III", b, off + 68)
            start, size = struct.unpack_from("<IQ", b, off + 116)
            out.append([off, name, b[off + 66], left, right, child, start,
                        size])
        sec = fat[sec]
    return out


def dir_set(b, off, field, value):
    """Set a directory entry's left, right or child pointer, or its
    stream's start and size (value a pair), in the bytearray b."""
    if field == "stream":
        struct.pack_into("<IQ", b, off + 116, *value)
    else:
        struct.pack_into("<I", b, off + {"left": 68, "right": 72,
                                          "child": 76}[field], value)
