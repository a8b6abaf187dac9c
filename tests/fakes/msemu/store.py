"""store: tenants, users, mailboxes and the Graph message resources derived
from MIME.

Tenants come from DIR/<domain>/tenant.json; a mailbox is the folder
DIR/<domain>/mailboxes/<local-part>/ with one sub-folder per mail folder
holding .eml files.  Nothing is read until a mailbox is first used; parsed
messages sit in a bounded LRU cache.  Synthetic tenants (benchmarks) have
no files: their messages are built from mailgen's templates on demand.
"""
import base64
import collections
import datetime
import email
import email.header
import email.policy
import email.utils
import hashlib
import html
import html.parser
import json
import os
import re
import threading
import uuid

DAY = 86400.0
WINDOW = 30 * DAY
# The generator writes its mail dated within the 29 days before this
# instant; dates outside the last 30 days are mapped relative to it (so a
# thread keeps its order), anything else by its hash.
DATE_EPOCH = 1738281600.0      # 2025-01-31T00:00:00Z
SPREAD = 29 * DAY - 600.0

WELL_KNOWN = collections.OrderedDict([
    ("inbox", "Inbox"), ("drafts", "Drafts"), ("sentitems", "Sent Items"),
    ("deleteditems", "Deleted Items"), ("junkemail", "Junk Email"),
    ("outbox", "Outbox"), ("archive", "Archive"),
    ("conversationhistory", "Conversation History"),
])
GLOBAL_ADMIN_ROLE_ID = "62e90394-69f5-4237-9190-012177145e10"
DEFAULT_USER_ROLE_ID = "b79fbf4d-3ef9-4689-8143-76b194e85509"
ROLE_IDS = {
    "global administrator": GLOBAL_ADMIN_ROLE_ID,
    "exchange administrator": "29232cdf-9323-42fd-ade2-1d097af3e4de",
    "security administrator": "194ae4cb-b126-40b2-bd5b-6091b380977d",
    "global reader": "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
}


def b64u(b):
    return base64.urlsafe_b64encode(b).decode("ascii")


def b64u_dec(s):
    s = s.strip()
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def iso(t):
    return datetime.datetime.fromtimestamp(int(t), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def h(*parts, n=32):
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()[:n]


def hnum(*parts):
    return int.from_bytes(h(*parts, n=8), "big")


# --- users and tenants ------------------------------------------------------

class User:
    __slots__ = ("tenant", "id", "upn", "displayName", "givenName", "surname",
                 "mail", "password", "roles", "hasMailbox", "userType",
                 "accountEnabled", "jobTitle", "officeLocation",
                 "preferredLanguage", "mobilePhone", "businessPhones",
                 "local", "mailbox")

    def __init__(self, tenant, d):
        self.tenant = tenant
        self.upn = d["userPrincipalName"]
        self.local = self.upn.split("@")[0].lower()
        self.id = str(d.get("id") or uuid.uuid5(uuid.NAMESPACE_URL, "user:" + self.upn.lower()))
        self.displayName = d.get("displayName") or self.local
        parts = self.displayName.split()
        self.givenName = d.get("givenName", parts[0] if parts else None)
        self.surname = d.get("surname", parts[-1] if len(parts) > 1 else None)
        self.hasMailbox = bool(d.get("hasMailbox", True))
        self.mail = d.get("mail", self.upn if self.hasMailbox else None)
        self.password = d.get("password", "shindan-demo")
        self.roles = list(d.get("roles", []))
        self.userType = d.get("userType", "Member")
        self.accountEnabled = bool(d.get("accountEnabled", True))
        self.jobTitle = d.get("jobTitle")
        self.officeLocation = d.get("officeLocation")
        self.preferredLanguage = d.get("preferredLanguage", "en-US")
        self.mobilePhone = d.get("mobilePhone")
        self.businessPhones = d.get("businessPhones", [])
        self.mailbox = None

    @property
    def is_global_admin(self):
        return any(r.lower() == "global administrator" for r in self.roles)

    def wids(self):
        w = [ROLE_IDS[r.lower()] for r in self.roles if r.lower() in ROLE_IDS]
        return w + [DEFAULT_USER_ROLE_ID]

    def resource(self):
        return collections.OrderedDict([
            ("businessPhones", self.businessPhones), ("displayName", self.displayName),
            ("givenName", self.givenName), ("jobTitle", self.jobTitle),
            ("mail", self.mail), ("mobilePhone", self.mobilePhone),
            ("officeLocation", self.officeLocation),
            ("preferredLanguage", self.preferredLanguage), ("surname", self.surname),
            ("userPrincipalName", self.upn), ("id", self.id),
            ("accountEnabled", self.accountEnabled), ("userType", self.userType),
            ("mailNickname", self.local), ("createdDateTime", "2023-04-01T09:00:00Z"),
            ("usageLocation", "JP" if self.preferredLanguage.startswith("ja") else "US"),
        ])


USER_DEFAULT_PROPS = ["businessPhones", "displayName", "givenName", "jobTitle",
                      "mail", "mobilePhone", "officeLocation",
                      "preferredLanguage", "surname", "userPrincipalName", "id"]
USER_PROPS = set(USER_DEFAULT_PROPS) | {"accountEnabled", "userType", "mailNickname",
                                         "createdDateTime", "usageLocation"}


class Tenant:
    def __init__(self, domain, d, store):
        self.store = store
        self.domain = domain
        self.id = str(d.get("id") or uuid.uuid5(uuid.NAMESPACE_DNS, domain))
        self.displayName = d.get("displayName", domain)
        self.domains = [x.lower() for x in d.get("verifiedDomains", [domain])]
        if domain.lower() not in self.domains:
            self.domains.insert(0, domain.lower())
        self.users = []
        self.by_upn = {}
        self.by_id = {}
        self.synthetic = None
        self.dir = None

    def add_user(self, u):
        self.users.append(u)
        self.by_upn[u.upn.lower()] = u
        self.by_id[u.id.lower()] = u

    def find(self, key):
        key = key.strip().lower()
        return self.by_id.get(key) or self.by_upn.get(key)

    def organization(self):
        return collections.OrderedDict([
            ("id", self.id), ("displayName", self.displayName),
            ("tenantType", "AAD"),
            ("verifiedDomains", [{"capabilities": "Email, OfficeCommunicationsOnline",
                                  "isDefault": i == 0, "isInitial": i == 0,
                                  "name": dm, "type": "Managed"}
                                 for i, dm in enumerate(self.domains)]),
        ])


class Store:
    def __init__(self, anchor, cache_size=4000, cache_bytes=64 << 20):
        self.anchor = anchor            # "now" for the date mapping
        self.tenants = []
        self.by_id = {}
        self.by_domain = {}
        self.lock = threading.RLock()
        self.cache = collections.OrderedDict()
        self.cache_size = cache_size
        self.cache_bytes = cache_bytes
        self.cached_bytes = 0

    def add_tenant(self, t):
        self.tenants.append(t)
        self.by_id[t.id.lower()] = t
        for dm in t.domains:
            self.by_domain[dm] = t

    def tenant(self, seg):
        seg = (seg or "").lower()
        return self.by_id.get(seg) or self.by_domain.get(seg)

    def user(self, key):
        """A user by UPN (any tenant) or object id."""
        key = key.strip().lower()
        for t in self.tenants:
            u = t.by_upn.get(key) or t.by_id.get(key)
            if u:
                return u
        return None

    def load_dir(self, path):
        for name in sorted(os.listdir(path)):
            tj = os.path.join(path, name, "tenant.json")
            if not os.path.isfile(tj):
                continue
            with open(tj, encoding="utf-8") as f:
                d = json.load(f)
            t = Tenant(d.get("domain", name), d, self)
            t.dir = os.path.join(path, name)
            for ud in d.get("users", []):
                u = User(t, ud)
                if u.hasMailbox:
                    u.mailbox = Mailbox(self, u, FileSource(os.path.join(t.dir, "mailboxes", u.local)))
                t.add_user(u)
            self.add_tenant(t)

    def add_synthetic(self, spec):
        """DOMAIN:MAILBOXESxMESSAGES[:THREATPERCENT]"""
        dom, _, rest = spec.partition(":")
        size, _, pct = rest.partition(":")
        nb, _, nm = size.lower().partition("x")
        nb, nm = int(nb), int(nm)
        pct = float(pct) if pct else 2.0
        t = Tenant(dom, {"displayName": dom.split(".")[0].title() + " (synthetic)"}, self)
        t.synthetic = {"mailboxes": nb, "messages": nm, "threat_percent": pct}
        t.add_user(User(t, {"userPrincipalName": "admin@" + dom, "displayName": "Bench Admin",
                            "roles": ["Global Administrator"], "hasMailbox": False}))
        for i in range(1, nb + 1):
            local = "user%04d" % i
            u = User(t, {"userPrincipalName": "%s@%s" % (local, dom),
                         "displayName": "Bench User %04d" % i})
            u.mailbox = Mailbox(self, u, SyntheticSource(u, nm, pct))
            t.add_user(u)
        self.add_tenant(t)
        return t

    def add_corpus_mailbox(self, spec):
        """UPN=DIR: serve DIR's .eml files as UPN's inbox (benchmarks)."""
        upn, _, d = spec.partition("=")
        dom = upn.split("@")[1].lower()
        t = self.tenant(dom)
        if t is None:
            t = Tenant(dom, {"displayName": dom + " (corpus)"}, self)
            t.add_user(User(t, {"userPrincipalName": "admin@" + dom, "displayName": "Corpus Admin",
                                "roles": ["Global Administrator"], "hasMailbox": False}))
            self.add_tenant(t)
        u = User(t, {"userPrincipalName": upn, "displayName": upn.split("@")[0]})
        u.mailbox = Mailbox(self, u, FileSource(d, flat=True))
        t.add_user(u)

    # parsed-message LRU
    def cached(self, key, build):
        with self.lock:
            v = self.cache.get(key)
            if v is not None:
                self.cache.move_to_end(key)
                return v
        v = build()
        with self.lock:
            if key not in self.cache:
                self.cache[key] = v
                self.cached_bytes += v.get("size", 0)
            while len(self.cache) > 1 and (len(self.cache) > self.cache_size or
                                           self.cached_bytes > self.cache_bytes):
                _k, old = self.cache.popitem(last=False)
                self.cached_bytes -= old.get("size", 0)
        return v

    def map_date(self, own, key):
        """receivedDateTime for a message whose Date header is `own`."""
        a = self.anchor
        if own is not None and a - WINDOW < own <= a:
            return own, False
        if own is not None:
            return a - 600.0 - ((DATE_EPOCH - own) % SPREAD), True
        return a - 600.0 - (hnum("nodate", key) % int(SPREAD)), True


# --- mailboxes --------------------------------------------------------------

class MsgRef:
    __slots__ = ("key", "folder", "received", "sent", "shifted", "src", "pos", "riso", "siso")

    def __init__(self, key, folder, received, sent, shifted, src, pos):
        self.key, self.folder, self.received, self.sent = key, folder, received, sent
        self.shifted, self.src, self.pos = shifted, src, pos
        self.riso = iso(received)
        self.siso = iso(sent)


class Folder:
    __slots__ = ("name", "displayName", "id", "fkey", "count")

    def __init__(self, mbx, name):
        self.name = name
        self.displayName = WELL_KNOWN.get(name, name)
        self.fkey = h("fold", mbx.user.id, name, n=16)
        self.id = "AQMkA" + b64u(b"\x00" + mbx.guid + b"\x00\x2e\x00\x00\x03" + self.fkey + b"\x01\x00\x00")
        self.count = 0


ID_REST = "AAMkAD"
ID_IMM = "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A"


class Mailbox:
    def __init__(self, store, user, source):
        self.store = store
        self.user = user
        self.source = source
        self.guid = uuid.UUID(user.id).bytes
        self.lock = threading.Lock()
        self.index = None      # MsgRef list, receivedDateTime desc
        self.by_key = None
        self.folders = None

    def load(self):
        if self.index is not None:
            return
        with self.lock:
            if self.index is not None:
                return
            folders = collections.OrderedDict((n, Folder(self, n)) for n in WELL_KNOWN)
            refs = []
            for fname, item, own in self.source.items():
                f = folders.get(fname)
                if f is None:
                    f = folders[fname] = Folder(self, fname)
                key = h("msg", self.user.tenant.id, self.user.id, fname, item, n=20)
                received, shifted = self.store.map_date(own, key)
                if fname in ("sentitems", "drafts", "outbox"):
                    sent = received
                else:
                    sent = received - 3 - hnum("lag", key) % 90
                f.count += 1
                refs.append(MsgRef(key, f, received, sent, shifted, item, 0))
            refs.sort(key=lambda r: (-r.received, r.key))
            for i, r in enumerate(refs):
                r.pos = i
            self.by_key = {r.key: r for r in refs}
            self.folders = folders
            self.index = refs

    def folder(self, ref):
        self.load()
        f = self.folders.get(ref.lower()) if ref.lower() in WELL_KNOWN else None
        if f:
            return f
        for f in self.folders.values():
            if f.id == ref or f.name == ref:
                return f
        return None

    def msg_id(self, ref, immutable):
        if immutable:
            return ID_IMM + b64u(b"\x00\x00\x00" + self.guid + ref.key + b"\x00\x0d\x00")
        return ID_REST + b64u(b"\x00" + self.guid + b"\x00\x46\x00\x00\x00\x00\x00" + ref.folder.fkey +
                              b"\x07\x00" + ref.folder.fkey + b"\x00\x00" + ref.key + b"\x00\x00\x00")

    def find(self, mid):
        """The MsgRef for a message id (either form); None when not here;
        raises ValueError when the id is malformed."""
        self.load()
        try:
            if mid.startswith(ID_IMM):
                b = b64u_dec(mid[len(ID_IMM):])
                if len(b) != 42:
                    raise ValueError
                guid, key = b[3:19], b[19:39]
            elif mid.startswith(ID_REST):
                b = b64u_dec(mid[len(ID_REST):])
                if len(b) != 83:
                    raise ValueError
                guid, key = b[1:17], b[60:80]
            else:
                raise ValueError
        except (ValueError, TypeError, base64.binascii.Error):
            raise ValueError("malformed")
        if guid != self.guid:
            return None
        return self.by_key.get(key)

    def raw(self, ref):
        data = self.source.read(ref.src)
        if ref.shifted:
            data = set_header(data, "Date", email.utils.formatdate(ref.sent, usegmt=True))
        return data

    def parsed(self, ref):
        if isinstance(self.source, SyntheticSource):
            return self.source.parse(ref, self)
        return self.store.cached((self.user.id, ref.key), lambda: self.source.parse(ref, self))


class FileSource:
    def __init__(self, path, flat=False):
        self.path = path
        self.flat = flat

    def items(self):
        if not os.path.isdir(self.path):
            return
        if self.flat:
            dirs = [("inbox", self.path)]
        else:
            dirs = [(d.lower(), os.path.join(self.path, d)) for d in sorted(os.listdir(self.path))
                    if os.path.isdir(os.path.join(self.path, d))]
        for fname, d in dirs:
            for n in sorted(os.listdir(d)):
                p = os.path.join(d, n)
                if not os.path.isfile(p) or n.startswith("."):
                    continue
                if not self.flat and not n.endswith(".eml"):
                    continue
                yield fname, os.path.relpath(p, self.path), header_date(p)

    def read(self, item):
        with open(os.path.join(self.path, item), "rb") as f:
            return f.read()

    def parse(self, ref, mbx):
        return parse_mime(mbx.raw(ref))


class SyntheticSource:
    """n messages for a user, from mailgen's templates.  A template is built
    and parsed once per tenant (for a neutral recipient, user0000@DOMAIN);
    a message is that template with its recipient, Message-ID and Date."""

    templates = {}      # (domain, tenant id, template) -> (raw bytes, parsed)
    lock = threading.Lock()

    def __init__(self, user, n, pct):
        self.user = user
        self.n = n
        self.pct = pct
        self.dom = user.upn.split("@")[1]

    def plan(self, j):
        import mailgen
        return mailgen.synthetic_plan(self.user.upn, j, self.pct)

    def items(self):
        for j in range(self.n):
            folder, _tpl, own = self.plan(j)
            yield folder, j, own

    def template(self, tpl):
        k = (self.dom, self.user.tenant.id, tpl)
        v = self.templates.get(k)
        if v is None:
            import mailgen
            raw = mailgen.synthetic_mime(tpl, self.dom, self.user.tenant.id)
            base = parse_mime(raw)
            base["_bodies"] = {}
            base["_fix"] = [(i, n.lower()) for i, (n, v) in enumerate(base["headers"])
                            if n.lower() in ("message-id", "date") or
                            (n.lower() in ("to", "from") and ("user0000@" + self.dom) in v)]
            v = (raw, base)
            with self.lock:
                self.templates[k] = v
        return v

    def msgid(self, item):
        return "<%s.%d@%s>" % (b64u(h("mid", self.user.upn, item, n=12)), item, self.dom)

    def read(self, item):
        _folder, tpl, _own = self.plan(item)
        raw = self.template(tpl)[0]
        raw = raw.replace(("user0000@" + self.dom).encode(), self.user.upn.encode())
        raw = raw.replace(b"Bench User 0000", self.user.displayName.encode())
        return set_header(raw, "Message-ID", self.msgid(item))

    def parse(self, ref, mbx):
        _folder, tpl, _own = self.plan(ref.src)
        base = self.template(tpl)[1]
        p = dict(base)
        p["internetMessageId"] = self.msgid(ref.src)
        me = {"emailAddress": {"name": self.user.displayName, "address": self.user.upn}}
        neutral = "user0000@" + self.dom
        for k in ("toRecipients", "from", "sender"):
            v = base[k]
            if isinstance(v, list):
                p[k] = [me if x["emailAddress"]["address"] == neutral else x for x in v]
            elif v and v["emailAddress"]["address"] == neutral:
                p[k] = me
        hd = list(base["headers"])
        for i, ln in base["_fix"]:
            n, v = hd[i]
            if ln == "message-id":
                v = p["internetMessageId"]
            elif ln == "date":
                if ref.shifted:
                    v = email.utils.formatdate(ref.sent, usegmt=True)
            else:
                v = v.replace(neutral, self.user.upn).replace("Bench User 0000", self.user.displayName)
            hd[i] = (n, v)
        p["headers"] = hd
        return p


def header_date(path):
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
    except OSError:
        return None
    end = re.search(rb"\r?\n\r?\n", head)
    if end:
        head = head[:end.start()]
    m = re.search(rb"(?im)^Date:[ \t]*(.*(?:\r?\n[ \t].*)*)", head)
    if not m:
        return None
    try:
        d = email.utils.parsedate_to_datetime(m.group(1).decode("ascii", "replace").strip())
        if d.tzinfo is None:
            d = d.replace(tzinfo=datetime.timezone.utc)
        return d.timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def set_header(raw, name, value):
    """Replace (or add) a top-level header in raw MIME bytes."""
    m = re.search(rb"\r?\n\r?\n", raw)
    head, rest = (raw[:m.start()], raw[m.start():]) if m else (raw, b"")
    nl = b"\r\n" if b"\r\n" in head else b"\n"
    pat = re.compile(rb"(?im)^" + re.escape(name.encode()) + rb":[^\n]*(?:\n[ \t][^\n]*)*")
    line = name.encode() + b": " + value.encode()
    if pat.search(head):
        head = pat.sub(lambda _m: line + (b"\r" if _m.group(0).endswith(b"\r") else b""), head, count=1)
    else:
        head = head + nl + line
    return head + rest


# --- MIME -> Graph ------------------------------------------------------------

CHARSET_ALIASES = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
                   "iso-2022-jp": "iso2022_jp_ext", "euc-jp": "euc_jis_2004",
                   "ks_c_5601-1987": "cp949", "gb2312": "gbk", "us-ascii": "utf-8",
                   "ascii": "utf-8", "unknown-8bit": "utf-8", "x-unknown": "utf-8"}


def decode_bytes(b, charset):
    cs = (charset or "utf-8").lower().strip('"')
    cs = CHARSET_ALIASES.get(cs, cs)
    try:
        return b.decode(cs, "replace")
    except LookupError:
        return b.decode("utf-8", "replace")


def fix_surrogates(s):
    if any("\udc80" <= c <= "\udcff" for c in s):
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return s


def decode_words(v):
    if v is None:
        return None
    v = fix_surrogates(str(v))
    v = re.sub(r"\r?\n[ \t]+", " ", v)
    if "=?" not in v:
        return v.strip()
    try:
        out = []
        for part, cs in email.header.decode_header(v):
            if isinstance(part, bytes):
                out.append(decode_bytes(part, cs))
            else:
                out.append(part)
        return "".join(out).strip()
    except Exception:
        return v.strip()


def addresses(msg, name):
    vals = msg.get_all(name) or []
    out = []
    for nm, addr in email.utils.getaddresses([fix_surrogates(str(v)) for v in vals]):
        if not addr:
            continue
        nm = decode_words(nm) if nm else ""
        out.append({"emailAddress": {"name": nm or addr, "address": addr}})
    return out


class _Text(html.parser.HTMLParser):
    BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head", "title"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, d):
        if not self.skip:
            self.out.append(d)


def html_to_text(s):
    p = _Text()
    try:
        p.feed(s)
        p.close()
    except Exception:
        return re.sub(r"<[^>]*>", " ", s)
    t = "".join(p.out)
    t = re.sub(r"[ \t\r\f\v]+", " ", t)
    t = re.sub(r" *\n[ \n]*", "\r\n", t)
    return t.strip()


def text_to_html(s):
    body = html.escape(s).replace("\r\n", "\n").replace("\n", "<br>\r\n")
    return ('<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            '\r\n</head>\r\n<body>\r\n<div>' + body + '</div>\r\n</body>\r\n</html>\r\n')


_UNSAFE_BLOCK = re.compile(r"(?is)<(script|iframe|object|embed|applet|frameset)\b.*?</\1\s*>")
_UNSAFE_OPEN = re.compile(r"(?is)<(script|iframe|object|embed|applet|frameset|frame|base)\b[^>]*>")
_EVENT_ATTR = re.compile(r"""(?is)(<[a-z][^>]*?)\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_JS_URL = re.compile(r"""(?is)(\s(?:href|src|action|formaction)\s*=\s*)(["']?)\s*(?:javascript|vbscript):[^"'>\s]*\2""")


def sanitize_html(s):
    """What Outlook does without Prefer: outlook.allow-unsafe-html: scripts,
    frames, plug-ins and event handlers go; links and forms stay."""
    s = _UNSAFE_BLOCK.sub("", s)
    s = _UNSAFE_OPEN.sub("", s)
    prev = None
    while prev != s:
        prev = s
        s = _EVENT_ATTR.sub(r"\1", s)
    s = _JS_URL.sub(r'\1\2\2', s)
    return s


def utf8_meta(s):
    s2, n = re.subn(r'(?i)(<meta[^>]*charset=)["\']?[-\w]+', r'\1utf-8', s, count=1)
    if n:
        return s2
    if re.search(r"(?i)<head[^>]*>", s):
        return re.sub(r"(?i)(<head[^>]*>)", r'\1\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', s, count=1)
    return s


def hval(part, name):
    v = part.get(name)
    return None if v is None else fix_surrogates(str(v))


def parse_mime(raw):
    """The Graph view of raw MIME; a message that cannot be parsed still
    becomes a message (its text as the body), as Exchange would keep it."""
    try:
        return _parse_mime(raw)
    except Exception:
        text = raw.decode("utf-8", "replace")
        head, _, body = text.partition("\r\n\r\n") if "\r\n\r\n" in text else text.partition("\n\n")
        m = re.search(r"(?im)^subject:[ \t]*(.*)$", head)
        return {"subject": decode_words(m.group(1)) if m else "", "from": None, "sender": None, "replyTo": [],
                "toRecipients": [], "ccRecipients": [], "bccRecipients": [], "internetMessageId": None,
                "bodyType": "text", "bodyContent": body, "bodyPreview": re.sub(r"\s+", " ", body).strip()[:255],
                "attachments": [], "hasAttachments": False,
                "headers": [(ln.split(":", 1)[0], ln.split(":", 1)[1].strip()) for ln in
                            re.sub(r"\r?\n[ \t]+", " ", head).splitlines() if ":" in ln],
                "importance": "normal", "conversation": "", "isReadReceiptRequested": False,
                "unsubscribeData": [], "newsletter": False, "size": len(raw)}


def _parse_mime(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    body = {"html": None, "text": None}
    atts = []

    def walk(part, related):
        ctype = part.get_content_type()
        if part.is_multipart() and ctype != "message/rfc822":
            rel = related or ctype == "multipart/related"
            for sub in part.get_payload() or []:
                walk(sub, rel)
            return
        disp = (hval(part, "Content-Disposition") or "").split(";")[0].strip().lower()
        fname = part.get_filename()
        if fname:
            fname = decode_words(fname)
        if ctype == "message/rfc822":
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            data = inner.as_bytes() if hasattr(inner, "as_bytes") else b""
            subj = decode_words(hval(inner, "Subject")) if hasattr(inner, "get") else None
            atts.append({"item": True, "name": fname or subj or "Untitled message",
                         "contentType": "message/rfc822", "data": data, "isInline": False,
                         "contentId": None})
            return
        if ctype in ("text/plain", "text/html") and disp != "attachment" and not fname:
            k = "html" if ctype == "text/html" else "text"
            if body[k] is None:
                payload = part.get_payload(decode=True) or b""
                body[k] = decode_bytes(payload, part.get_content_charset())
                return
        data = part.get_payload(decode=True) or b""
        cid = hval(part, "Content-ID")
        cid = cid.strip().strip("<>") if cid else None
        inline = disp == "inline" or (disp == "" and related and cid is not None)
        if disp == "attachment":
            inline = False
        atts.append({"item": False, "name": fname or ("Untitled attachment" if not cid else cid),
                     "contentType": ctype, "data": data, "isInline": inline, "contentId": cid})

    walk(msg, False)
    if body["html"] is not None:
        btype, content = "html", utf8_meta(body["html"])
        plain = html_to_text(body["html"])
    else:
        btype, content = "text", body["text"] or ""
        plain = content
    preview = re.sub(r"\s+", " ", plain).strip()[:255]
    headers = [(n, fix_surrogates(re.sub(r"\r?\n(?=[ \t])", "", str(v))).strip())
               for n, v in msg._headers]
    prio = (hval(msg, "Importance") or "").strip().lower()
    xp = (hval(msg, "X-Priority") or "").strip()[:1]
    importance = "high" if prio == "high" or xp in ("1", "2") else \
        "low" if prio == "low" or xp in ("4", "5") else "normal"
    subj = decode_words(hval(msg, "Subject")) or ""
    frm = addresses(msg, "From")
    snd = addresses(msg, "Sender") or frm
    unsub = hval(msg, "List-Unsubscribe")
    unsub_data = re.findall(r"<(mailto:[^>]+)>", str(unsub)) if unsub else []
    norm = re.sub(r"(?i)^((re|fw|fwd|aw|wg|返信|転送)\s*[:：]\s*)+", "", subj).strip()
    return {
        "subject": subj,
        "from": frm[0] if frm else None,
        "sender": snd[0] if snd else None,
        "replyTo": addresses(msg, "Reply-To"),
        "toRecipients": addresses(msg, "To"),
        "ccRecipients": addresses(msg, "Cc"),
        "bccRecipients": addresses(msg, "Bcc"),
        "internetMessageId": (hval(msg, "Message-ID") or "").strip() or None,
        "bodyType": btype, "bodyContent": content, "bodyPreview": preview,
        "attachments": atts,
        "hasAttachments": any(not a["isInline"] for a in atts),
        "headers": headers,
        "importance": importance,
        "conversation": norm.lower(),
        "isReadReceiptRequested": hval(msg, "Disposition-Notification-To") is not None,
        "unsubscribeData": unsub_data,
        "newsletter": unsub is not None or (hval(msg, "Precedence") or "").lower() in ("bulk", "list"),
        "size": len(raw),
    }
