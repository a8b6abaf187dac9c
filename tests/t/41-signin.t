#!/usr/bin/python3
# 41-signin: the confirmation number signs in (any case, with or without
# dashes), sessions are new at sign-in, end at sign-out, after 30 minutes
# idle and 12 hours in all; /app needs a session.
import os, sys
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

t = Tap()
b = Browser(source_ip=source_ip(41))
r = b.get("/app")
t.is_(r.status, 303, "/app without a session redirects")
t.like(r.header("Location") or "", r"/signin$", "to /signin")

addr = unique_email("signin")
signup(b, addr)
code = wait_mail(addr)[0].code
t.like(code or "", r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$",
       "the number is 12 Crockford base32 symbols as XXXX-XXXX-XXXX")

r = b.get("/signin?email=" + addr)
t.is_(r.status, 200, "GET /signin?email= answers")
t.is_(r.form("/signin")["fields"].get("email"), addr, "the address is filled in")
pre = b.cookie("pre")
r = signin(b, addr, code.lower().replace("-", ""))
t.is_(r.status, 303, "lower case without dashes signs in")
t.like(r.header("Location") or "", r"/app$", "to /app")
sc = " ".join(r.headers_all("Set-Cookie"))
t.like(sc, r"sid=[A-Za-z0-9_-]{43};", "a 256-bit session cookie")
t.like(sc, r"HttpOnly", "HttpOnly")
t.like(sc, r"SameSite=Lax", "SameSite=Lax")
sid = b.cookie("sid")
h = hashlib.sha256(sid.encode()).hexdigest()
t.is_(psql1("SELECT count(*) FROM session WHERE encode(id_hash,'hex') = :'a1'", h), "1",
      "the database holds the session id's hash")
t.is_(psql1("SELECT count(*) FROM session s JOIN account a ON a.id = s.account_id"
            " WHERE a.email = :'a1' AND encode(s.id_hash,'escape') LIKE '%' || :'a2' || '%'", addr, sid),
      "0", "and never the id itself")
r = b.get("/app")
t.is_(r.status, 200, "/app with the session")
t.like(r.text, re.escape(addr), "/app shows the signed-in address")
t.ok(r.form("/signout") is not None, "with Sign out")
t.like(r.header("Cache-Control") or "", "no-store", "personal pages are not cached")

# A new id at every sign-in; the old one ends.
b2 = Browser(source_ip=source_ip(41, 2))
r = signin(b2, addr, " " + code.replace("-", " ") + " ")
t.is_(r.status, 303, "spaces around and inside are accepted")
old = b2.cookie("sid")
r = signin(b2, addr, code)
new = b2.cookie("sid")
t.ok(old and new and old != new, "signing in again gives a new session id")
b3 = Browser(source_ip=source_ip(41))
b3.cookies[(urllib.parse.urlsplit(b3.base).netloc, "sid")] = old
t.is_(b3.get("/app").status, 303, "the replaced id no longer works")

# Confusable symbols: Crockford's aliases.
alias = code.replace("1", "l").replace("0", "O")
r = signin(Browser(source_ip=source_ip(41)), addr, alias)
t.is_(r.status, 303, "I/L/O are read as 1/1/0")

# Wrong numbers and unknown addresses: one answer.
bw = Browser(source_ip=source_ip(41, 1))
wrong = signin(bw, addr, "0000-0000-0000" if code != "0000-0000-0000" else "1111-1111-1111")
t.is_(wrong.status, 401, "a wrong number is refused")
t.like(wrong.text, "could not sign you in", "with a clear message")
unknown = signin(bw, unique_email("nobody"), code)
t.is_(unknown.status, 401, "an unknown address is refused the same way")
t.is_(page_norm(wrong.text), page_norm(unknown.text), "the same page for both")
bad = signin(bw, addr, "12345")
t.is_(bad.status, 401, "a malformed number is refused")
t.is_(bw.get("/app").status, 303, "and none of these signed in")
psql("DELETE FROM signin_failure WHERE account_id = (SELECT id FROM account WHERE email = :'a1')", addr)

# Sign out.
r = b.post("/signout", {"csrf": csrf_of(b.get("/app"))})
t.is_(r.status, 200, "sign out answers")
t.like(r.text, "signed out", "and says so")
t.is_(psql1("SELECT count(*) FROM session WHERE encode(id_hash,'hex') = :'a1'", h), "0",
      "the session row is gone")
b4 = Browser(source_ip=source_ip(41))
b4.cookies[(urllib.parse.urlsplit(b4.base).netloc, "sid")] = sid
t.is_(b4.get("/app").status, 303, "the old cookie no longer works")

# Idle timeout (30 min) and absolute lifetime (12 h), by ageing the row.
bi = Browser(source_ip=source_ip(41, 4))
signin(bi, addr, code)
hi = hashlib.sha256(bi.cookie("sid").encode()).hexdigest()
psql("UPDATE session SET seen_at = now() - interval '29 minutes' WHERE encode(id_hash,'hex') = :'a1'", hi)
t.is_(bi.get("/app").status, 200, "29 minutes idle: still signed in")
psql("UPDATE session SET seen_at = now() - interval '31 minutes' WHERE encode(id_hash,'hex') = :'a1'", hi)
t.is_(bi.get("/app").status, 303, "31 minutes idle: signed out")
signin(bi, addr, code)
hi = hashlib.sha256(bi.cookie("sid").encode()).hexdigest()
psql("UPDATE session SET created_at = now() - interval '12 hours 1 minute' WHERE encode(id_hash,'hex') = :'a1'", hi)
t.is_(bi.get("/app").status, 303, "12 hours after sign-in: signed out, however active")

# Already signed in: the sign-in and sign-up pages lead to /app.
bs = Browser(source_ip=source_ip(41, 3))
signin(bs, addr, code)
t.is_(bs.get("/signin").status, 303, "GET /signin when signed in goes to /app")
t.is_(bs.get("/").status, 303, "GET / when signed in goes to /app")
t.done()
