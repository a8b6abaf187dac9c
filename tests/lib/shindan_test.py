"""shindan_test: what the integration tests (tests/t/*.t) share.

TAP output for prove, an HTTP client with a cookie jar that can bind a
chosen loopback source address (nginx limits requests per address, so
each test file uses its own), HTML form extraction, the Maildir the SMTP
sink writes, and psql for looking at (or ageing) database rows.

The test stack's coordinates come from the environment written by
tools/stack (SHINDAN_URL, SHINDAN_DB, SHINDAN_MAILDIR, ...).
"""
import email
import hashlib
import email.policy
import html.parser
import http.client
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import uuid

ENV = os.environ


class Tap:
    """Test Anything Protocol, as Test::More writes it."""

    def __init__(self):
        self.n = 0
        self.failed = 0
        sys.stdout.reconfigure(line_buffering=True)

    def ok(self, cond, name):
        self.n += 1
        if not cond:
            self.failed += 1
        print("%sok %d - %s" % ("" if cond else "not ", self.n,
                                 name.replace("\n", " ")))
        return bool(cond)

    def diag(self, msg):
        for line in str(msg).splitlines() or [""]:
            print("# " + line)

    def is_(self, got, want, name):
        if not self.ok(got == want, name):
            self.diag("  got: %r\n  expected: %r" % (got, want))
        return got == want

    def like(self, got, pattern, name):
        good = got is not None and re.search(pattern, got) is not None
        if not self.ok(good, name):
            self.diag("  %r\n  does not match %r" % (str(got)[:2000], pattern))
        return good

    def unlike(self, got, pattern, name):
        good = got is not None and re.search(pattern, got) is None
        if not self.ok(good, name):
            m = re.search(pattern, got or "")
            self.diag("  matches %r at: %r" % (pattern, m.group(0) if m else ""))
        return good

    def done(self):
        print("1..%d" % self.n)
        sys.exit(1 if self.failed else 0)

    def bail(self, why):
        print("Bail out! " + why)
        sys.exit(255)


class Response:
    def __init__(self, status, headers, body, url):
        self.status = status
        self.headers = headers            # list of (name, value)
        self.body = body                  # bytes
        self.url = url

    def header(self, name):
        name = name.lower()
        for k, v in self.headers:
            if k.lower() == name:
                return v
        return None

    def headers_all(self, name):
        name = name.lower()
        return [v for k, v in self.headers if k.lower() == name]

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def forms(self):
        p = _FormParser()
        p.feed(self.text)
        return p.forms

    def form(self, action=None, id=None):
        for f in self.forms():
            if (action is None or f["action"] == action) and \
               (id is None or f["attrs"].get("id") == id):
                return f
        return None


class _FormParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.cur = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.cur = {"action": a.get("action", ""),
                        "method": (a.get("method") or "get").lower(),
                        "attrs": a, "fields": {}, "buttons": [],
                        "inputs": []}
            self.forms.append(self.cur)
        elif self.cur is not None and tag in ("input", "button", "select",
                                              "textarea"):
            self.cur["inputs"].append(a)
            t = (a.get("type") or ("submit" if tag == "button" else "text")).lower()
            if t == "submit":
                self.cur["buttons"].append(a)
            elif t in ("checkbox", "radio"):
                if "checked" in a and a.get("name"):
                    self.cur["fields"][a["name"]] = a.get("value", "on")
            elif a.get("name"):
                self.cur["fields"][a["name"]] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.cur = None


class Browser:
    """A small HTTP/1.1 client with cookies and a fixed source address."""

    def __init__(self, base=None, source_ip="127.0.0.1", ua=None,
                 lang=None):
        self.base = (base or ENV["SHINDAN_URL"]).rstrip("/")
        self.source_ip = source_ip
        self.cookies = {}                 # (host, name) -> value
        self.ua = ua or ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"
                         " (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36")
        self.lang = lang
        self.history = []

    def _cookie_header(self, host):
        vals = ["%s=%s" % (n, v) for (h, n), v in self.cookies.items()
                if h == host]
        return "; ".join(vals) if vals else None

    def _store_cookies(self, host, resp):
        for sc in resp.headers_all("Set-Cookie"):
            first = sc.split(";")[0]
            name, _, value = first.partition("=")
            attrs = sc.lower()
            if "max-age=0" in attrs or value == "":
                self.cookies.pop((host, name.strip()), None)
            else:
                self.cookies[(host, name.strip())] = value.strip()

    def cookie(self, name, host=None):
        host = host or urllib.parse.urlsplit(self.base).netloc
        return self.cookies.get((host, name))

    def request(self, method, url, data=None, headers=None, follow=False,
                raw_body=None, max_hops=15):
        if not url.startswith("http"):
            url = self.base + url
        for _ in range(max_hops):
            u = urllib.parse.urlsplit(url)
            conn = http.client.HTTPConnection(u.hostname, u.port or 80,
                                              timeout=60,
                                              source_address=(self.source_ip, 0))
            h = {"User-Agent": self.ua, "Host": u.netloc}
            if self.lang:
                h["Accept-Language"] = self.lang
            c = self._cookie_header(u.netloc)
            if c:
                h["Cookie"] = c
            body = raw_body
            if data is not None:
                body = urllib.parse.urlencode(data).encode()
                h["Content-Type"] = "application/x-www-form-urlencoded"
            if headers:
                h.update(headers)
            path = u.path or "/"
            if u.query:
                path += "?" + u.query
            conn.request(method, path, body=body, headers=h)
            r = conn.getresponse()
            resp = Response(r.status, r.getheaders(), r.read(), url)
            conn.close()
            self._store_cookies(u.netloc, resp)
            self.history.append(resp)
            loc = resp.header("Location")
            if follow and resp.status in (301, 302, 303, 307, 308) and loc:
                url = urllib.parse.urljoin(url, loc)
                if resp.status != 307 and resp.status != 308:
                    method, data, raw_body = "GET", None, None
                continue
            return resp
        raise RuntimeError("too many redirects")

    def get(self, url, **kw):
        return self.request("GET", url, **kw)

    def post(self, url, data, **kw):
        return self.request("POST", url, data=data, **kw)

    def submit(self, resp, form, overrides=None, button=None, follow=True):
        """Submit a form of resp like a browser: its fields, the values
        given, and the named button."""
        fields = dict(form["fields"])
        if overrides:
            fields.update(overrides)
        if button is not None:
            fields[button[0]] = button[1]
        action = urllib.parse.urljoin(resp.url, form["action"] or resp.url)
        if form["method"] == "post":
            return self.post(action, fields, follow=follow)
        q = urllib.parse.urlencode(fields)
        return self.get(action.split("?")[0] + "?" + q, follow=follow)


def unique_email(tag="user"):
    return "%s-%s@example.com" % (tag, uuid.uuid4().hex[:12])


def page_norm(text):
    """A page without what differs per browser or per address: CSRF
    tokens and example.com addresses."""
    text = re.sub(r'name="csrf" value="[^"]*"', 'name="csrf"', text)
    return re.sub(r'[A-Za-z0-9._-]+@example\.com', 'ADDR', text)


def csrf_of(resp):
    m = re.search(r'name="csrf" value="([^"]+)"', resp.text)
    return m.group(1) if m else None


# --- mail -----------------------------------------------------------------

class Mail:
    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            self.raw = f.read()
        self.msg = email.message_from_bytes(self.raw, policy=email.policy.default)
        self.subject = str(self.msg["Subject"])
        self.to = str(self.msg["To"])
        self.message_id = str(self.msg["Message-ID"])
        self.text = self._part("text/plain")
        self.html = self._part("text/html")

    def _part(self, ctype):
        for p in self.msg.walk():
            if p.get_content_type() == ctype:
                return p.get_content()
        return None

    @property
    def code(self):
        m = re.search(r"\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b", self.text or "")
        return m.group(1) if m else None


def mails_to(addr, maildir=None):
    d = os.path.join(maildir or ENV["SHINDAN_MAILDIR"], "new")
    out = []
    for name in sorted(os.listdir(d)):
        m = Mail(os.path.join(d, name))
        if addr.lower() in m.to.lower():
            out.append(m)
    return out


def wait_mail(addr, count=1, timeout=20, subject=None):
    """Wait until `count` mails (optionally with subject matching) have
    been delivered to addr; return them all (oldest first)."""
    end = time.time() + timeout
    got = []
    while time.time() < end:
        got = [m for m in mails_to(addr)
               if subject is None or re.search(subject, m.subject)]
        if len(got) >= count:
            return got
        time.sleep(0.1)
    return got


# --- database -------------------------------------------------------------

def psql(sql, *args):
    """Run one statement with psql; -v a1=... for :'a1' style params.
    Returns the rows as lists of strings."""
    cmd = [ENV["SHINDAN_PSQL"], ENV["SHINDAN_DB"], "-X", "-q", "-tA",
           "-F", "\t", "-v", "ON_ERROR_STOP=1"]
    for i, a in enumerate(args, 1):
        cmd += ["-v", "a%d=%s" % (i, a)]
    r = subprocess.run(cmd, input=sql, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("psql: " + r.stderr)
    return [line.split("\t") for line in r.stdout.splitlines() if line != ""]


def psql1(sql, *args):
    rows = psql(sql, *args)
    return rows[0][0] if rows and rows[0] else None


# --- flows ----------------------------------------------------------------

def signup(b, addr, lang=None):
    """Sign up through the pages; returns the 'mail sent' response."""
    r = b.get("/" + ("?lang=" + lang if lang else ""))
    f = r.form("/signup")
    r = b.submit(r, f, {"email": addr, "agree": "1"})
    f = r.form("/signup/confirm")
    return b.submit(r, f)


def signin(b, addr, code):
    """POST /signin as its form would (when already signed in, with the
    CSRF token of the page /signin leads to); the unfollowed answer."""
    r = b.get("/signin?email=" + urllib.parse.quote(addr), follow=True)
    return b.post("/signin", {"email": addr, "code": code,
                              "csrf": csrf_of(r)})


def new_account(b, tag="user", lang=None):
    """Sign up, read the mail, sign in; returns (address, number)."""
    addr = unique_email(tag)
    signup(b, addr, lang)
    mails = wait_mail(addr)
    if not mails:
        raise RuntimeError("no registration mail for " + addr)
    code = mails[0].code
    r = signin(b, addr, code)
    if r.status != 303:
        raise RuntimeError("sign-in failed: %d" % r.status)
    return addr, code


def source_ip(n, k=0):
    """A loopback source address of its own for test file number n (and
    its k-th browser): nginx limits sign-in and sign-up per address."""
    return "127.%d.%d.%d" % (k + 1, n // 250 + 1, n % 250 + 2)


def security_headers_ok(t, resp, what):
    h = resp.header
    csp = h("Content-Security-Policy") or ""
    good = ("default-src 'none'" in csp and "frame-ancestors 'none'" in csp
            and "script-src 'self'" in csp and "'unsafe-inline'" not in csp
            and "object-src 'none'" in csp and "base-uri 'none'" in csp
            and h("X-Content-Type-Options") == "nosniff"
            and h("Referrer-Policy") == "no-referrer")
    if not t.ok(good, "security headers on " + what):
        t.diag(json.dumps(resp.headers, indent=1))
    return good


# --- the Microsoft emulator's pages -----------------------------------------

def _form_with(resp, pred):
    for f in resp.forms():
        if pred(f):
            return f
    return None


def ms_sign_in(b, resp, user, password="shindan-demo"):
    """At the emulator's sign-in page, sign in; any other page is
    returned as it is (Microsoft may skip sign-in for a known browser)."""
    f = _form_with(resp, lambda f: any(i.get("name") == "passwd" for i in f["inputs"]))
    if f is None:
        return resp
    return b.submit(resp, f, {"login": user, "passwd": password})


def ms_consent(b, resp, accept=True):
    """At the emulator's consent page, press Accept or Cancel."""
    f = _form_with(resp, lambda f: any(x.get("name") == "consent" for x in f["buttons"]))
    if f is None:
        return resp
    return b.submit(resp, f, button=("consent", "accept" if accept else "cancel"))


def ms_round(b, resp, user, accept=True, password="shindan-demo"):
    """Get through whatever Microsoft shows (sign-in, consent) until the
    browser is back at the portal; returns the portal's page."""
    portal = urllib.parse.urlsplit(b.base).netloc
    for _ in range(6):
        if urllib.parse.urlsplit(resp.url).netloc == portal:
            return resp
        before = resp
        resp = ms_sign_in(b, resp, user, password)
        resp = ms_consent(b, resp, accept)
        if resp is before:
            return resp
    return resp


def grant(b, scope, user, accept=True, password="shindan-demo"):
    """From the scope page through Microsoft and back: the final page."""
    r = b.get("/app/scope")
    r = b.submit(r, r.form("/app/scope"), {"scope": scope})
    return ms_round(b, r, user, accept, password)


def emulator_present():
    u = ENV.get("SHINDAN_EMU_URL", "")
    return u and not u.endswith(":0")


def skip_all(why):
    print("1..0 # SKIP " + why)
    sys.exit(0)


def emu(path, data=None):
    """Call one of the emulator's test controls (/_emu/...)."""
    import urllib.request
    req = urllib.request.Request(ENV["SHINDAN_EMU_URL"] + path,
                                 data=None if data is None else json.dumps(data).encode(),
                                 headers={"Content-Type": "application/json"},
                                 method="GET" if data is None else "POST")
    with urllib.request.urlopen(req, timeout=30) as r:
        body = r.read()
    return json.loads(body) if body else None


def ms_callback_url(b, resp, user, accept=True, password="shindan-demo"):
    """Through Microsoft's pages without going back to the portal: the
    URL Microsoft redirects to (None when it stays on its own pages)."""
    portal = urllib.parse.urlsplit(b.base).netloc
    for _ in range(6):
        f = _form_with(resp, lambda f: any(i.get("name") == "passwd" for i in f["inputs"]))
        if f is not None:
            r = b.submit(resp, f, {"login": user, "passwd": password}, follow=False)
        else:
            f = _form_with(resp, lambda f: any(x.get("name") == "consent" for x in f["buttons"]))
            if f is None:
                return None
            r = b.submit(resp, f, button=("consent", "accept" if accept else "cancel"), follow=False)
        if r.status in (301, 302, 303, 307):
            loc = urllib.parse.urljoin(r.url, r.header("Location") or "")
            if urllib.parse.urlsplit(loc).netloc == portal:
                return loc
            r = b.get(loc, follow=True)
        resp = r
    return None


def start_flow(b, scope):
    """Choose the scope: (the URL at Microsoft, its state)."""
    r = b.get("/app/scope")
    r = b.submit(r, r.form("/app/scope"), {"scope": scope}, follow=False)
    loc = r.header("Location") or ""
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(loc).query)
    return loc, q.get("state", [""])[0]
