"""emutest: helpers for the emulator's own tests (tests/t/6N-emu-*.t).

Starts msemu on port 0 with the committed test tenants, and speaks HTTP to
it without following redirects, so that every step can be checked.
"""
import atexit
import base64
import hashlib
import html.parser
import http.client
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("SHINDAN_SRC") or os.path.abspath(os.path.join(HERE, "..", "..", ".."))
TENANTS = os.path.join(SRC, "tests", "data", "tenants")
CLIENT_ID = "3f9a4c1e-5b7d-4e2a-9c8f-1a2b3c4d5e6f"
REDIRECT = "http://127.0.0.1:9/oauth/callback"
PW = "shindan-demo"
SCOPES = ("openid profile email offline_access https://graph.microsoft.com/Mail.Read "
          "https://graph.microsoft.com/User.Read")


_TMP = []


def tmpdir(prefix):
    """A temporary folder removed when the test exits."""
    d = tempfile.mkdtemp(prefix=prefix)
    _TMP.append(d)
    return d


@atexit.register
def _cleanup():
    for d in _TMP:
        shutil.rmtree(d, ignore_errors=True)


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name):
        self.n += 1
        print("%sok %d - %s" % ("" if cond else "not ", self.n, name), flush=True)
        if not cond:
            self.failed += 1
        return cond

    def is_(self, got, want, name):
        r = self.ok(got == want, name)
        if not r:
            self.diag("got:  %r\nwant: %r" % (got, want))
        return r

    def diag(self, msg):
        for ln in str(msg).splitlines():
            print("# " + ln, flush=True)

    def done(self):
        print("1..%d" % self.n, flush=True)
        sys.exit(1 if self.failed else 0)


class Resp:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def h(self, name):
        return self.headers.get(name.lower())

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)

    def location_params(self):
        loc = self.h("location") or ""
        return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(loc).query, keep_blank_values=True))

    def forms(self):
        p = _Forms()
        p.feed(self.text)
        return p.forms


class _Forms(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.cur = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.cur = {"action": a.get("action", ""), "method": a.get("method", "get").lower(),
                        "fields": {}, "inputs": [], "buttons": []}
            self.forms.append(self.cur)
        elif self.cur is not None and tag in ("input", "button"):
            typ = (a.get("type") or ("submit" if tag == "button" else "text")).lower()
            self.cur["inputs"].append(dict(a, type=typ))
            if typ == "submit":
                self.cur["buttons"].append(a)
            elif a.get("name"):
                self.cur["fields"][a["name"]] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.cur = None


class Emu:
    def __init__(self, *extra, tenants=TENANTS, cert=None, redirect=REDIRECT):
        self.dir = tmpdir("msemu-test.")
        self.secret = secrets.token_urlsafe(18)
        with open(os.path.join(self.dir, "secret"), "w") as f:
            f.write(self.secret + "\n")
        self.log = os.path.join(self.dir, "requests.jsonl")
        args = ["/usr/bin/python3", os.path.join(HERE, "msemu.py"), "--listen", "127.0.0.1:0",
                "--client-id", CLIENT_ID, "--client-secret-file", os.path.join(self.dir, "secret"),
                "--redirect-uri", redirect, "--log", self.log,
                "--port-file", os.path.join(self.dir, "port")]
        if tenants:
            args += ["--tenants", tenants]
        if cert:
            args += ["--client-cert-pem", cert]
        args += list(extra)
        args = ([args[0], "-m", "cProfile", "-o", os.environ["EMU_PROF"]] + args[1:]) if os.environ.get("EMU_PROF") else args
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=open(os.path.join(self.dir, "stderr"), "w"),
                                     text=True)
        first = self.proc.stdout.readline().strip()
        self.first_line = first
        if not first.startswith("msemu listening on http://127.0.0.1:"):
            raise RuntimeError("msemu did not start: %r %s" % (first, open(os.path.join(self.dir, "stderr")).read()))
        self.base = first.split()[-1]
        self.port = int(self.base.rsplit(":", 1)[1])
        self.redirect = redirect

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        return self.proc.returncode

    # HTTP
    def req(self, method, path, headers=None, body=None, form=None, conn=None):
        h = dict(headers or {})
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            h.setdefault("Content-Type", "application/x-www-form-urlencoded")
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        if path.startswith("http"):
            u = urllib.parse.urlsplit(path)
            path = u.path + ("?" + u.query if u.query else "")
        c = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        out = Resp(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        if conn is None:
            c.close()
        return out

    def get(self, path, token=None, headers=None):
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        return self.req("GET", path, h)

    def ctl(self, path, data=None):
        r = self.req("POST" if data is not None else "GET", "/_emu/" + path, body=data if data is not None else None)
        return r.json()

    def token(self, tenant, form, basic=False):
        f = dict(form)
        h = {}
        if basic:
            h["Authorization"] = "Basic " + base64.b64encode(
                ("%s:%s" % (urllib.parse.quote(CLIENT_ID), urllib.parse.quote(self.secret))).encode()).decode()
        else:
            f.setdefault("client_id", CLIENT_ID)
            f.setdefault("client_secret", self.secret)
        return self.req("POST", "/%s/oauth2/v2.0/token" % tenant, h, form=f)

    # browser-like steps
    def authorize(self, tenant="organizations", scope=SCOPES, verifier=None, method="S256", state="st-1",
                  nonce="n-1", extra=None):
        q = {"client_id": CLIENT_ID, "response_type": "code", "redirect_uri": self.redirect,
             "response_mode": "query", "scope": scope, "state": state, "nonce": nonce}
        if verifier is not None:
            q["code_challenge"] = pkce(verifier) if method == "S256" else verifier
            q["code_challenge_method"] = method
        q.update(extra or {})
        return self.get("/%s/oauth2/v2.0/authorize?%s" % (tenant, urllib.parse.urlencode(q)))

    def sign_in(self, page, user, password=PW):
        f = [f for f in page.forms() if "passwd" in f["fields"]][0]
        fields = dict(f["fields"], login=user, passwd=password)
        return self.req("POST", f["action"], form=fields)

    def consent(self, page, accept=True):
        f = [f for f in page.forms() if any(b.get("name") == "consent" for b in f["buttons"])][0]
        fields = dict(f["fields"], consent="accept" if accept else "cancel")
        return self.req("POST", f["action"], form=fields)

    def code_for(self, user, verifier=None, scope=SCOPES, tenant="organizations", **kw):
        r = self.authorize(tenant=tenant, scope=scope, verifier=verifier, **kw)
        r = self.sign_in(r, user)
        if r.status == 200:
            r = self.consent(r)
        return r.location_params().get("code"), r

    def user_tokens(self, user, scope=SCOPES):
        v = secrets.token_urlsafe(32)
        code, _r = self.code_for(user, verifier=v, scope=scope)
        r = self.token("organizations", {"grant_type": "authorization_code", "code": code,
                                         "redirect_uri": self.redirect, "code_verifier": v})
        return r.json()

    def admin_consent(self, user, tenant="organizations", accept=True, v1=False):
        q = {"client_id": CLIENT_ID, "redirect_uri": self.redirect, "state": "ac-1"}
        if not v1:
            q["scope"] = "https://graph.microsoft.com/.default"
        path = "/%s/%sadminconsent?%s" % (tenant, "" if v1 else "v2.0/", urllib.parse.urlencode(q))
        r = self.sign_in(self.get(path), user)
        if r.status == 200:
            r = self.consent(r, accept)
        return r

    def app_token(self, tenant):
        return self.token(tenant, {"grant_type": "client_credentials",
                                   "scope": "https://graph.microsoft.com/.default"})


def pkce(verifier):
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def jwt_claims(tok):
    p = tok.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
