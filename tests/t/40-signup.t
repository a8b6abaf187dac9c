#!/usr/bin/python3
# 40-signup: the sign-up page, the confirmation screen and "mail sent",
# in both languages; known and unknown addresses answer alike.
import os, sys, time, statistics
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

t = Tap()
b = Browser(source_ip=source_ip(40))

r = b.get("/")
t.is_(r.status, 200, "GET / answers 200")
t.like(r.text, r'<html lang="en"', "English by default")
f = r.form("/signup")
t.ok(f is not None, "the page has the sign-up form")
names = [i.get("name") for i in f["inputs"]]
t.ok("email" in names and "agree" in names and "csrf" in names,
     "the form has email, agree and csrf")
t.like(r.text, r'type="checkbox" name="agree" value="1"', "a consent box")
t.like(r.text, r"Terms of use", "the terms are shown")
t.like(r.text, r'data-needs-valid="signup"', "the button is tied to app.js validation")
t.like(r.text, r'href="/\?lang=ja"', "a switch to Japanese")
security_headers_ok(t, r, "/")

rj = b.get("/?lang=ja")
t.like(rj.text, r'<html lang="ja"', "?lang=ja gives Japanese")
t.like(rj.text, "利用規約", "terms in Japanese")
t.like(rj.text, "サインアップ", "the button in Japanese")
t.ok("lang=ja" in (rj.header("Set-Cookie") or ""), "the choice is kept in a cookie")
r2 = b.get("/")
t.like(r2.text, r'<html lang="ja"', "the cookie keeps Japanese")
b.get("/?lang=en")

b2 = Browser(source_ip=source_ip(40), lang="ja,en;q=0.5")
t.like(b2.get("/").text, r'<html lang="ja"', "Accept-Language picks Japanese")
b3 = Browser(source_ip=source_ip(40), lang="fr, de;q=0.8")
t.like(b3.get("/").text, r'<html lang="en"', "an unsupported language falls back")

# The server checks again what the page checks.
csrf = csrf_of(r)
r = b.post("/signup", {"email": "not-an-address", "agree": "1", "csrf": csrf})
t.is_(r.status, 400, "an invalid address is refused")
t.like(r.text, r"valid email address", "and the page says why")
t.like(r.text, r'value="not-an-address"', "keeping what was typed")
r = b.post("/signup", {"email": "a@example.com", "csrf": csrf})
t.is_(r.status, 400, "no consent is refused")
t.like(r.text, r"Tick the box", "and the page says why")
r = b.post("/signup", {"email": "a@example.com", "agree": "0", "csrf": csrf})
t.is_(r.status, 400, "agree must be 1")

addr = unique_email("signup")
r = b.post("/signup", {"email": addr, "agree": "1", "csrf": csrf})
t.is_(r.status, 200, "a valid sign-up shows the confirmation screen")
t.like(r.text, re.escape(addr), "showing the address")
t.ok(r.form("/signup/confirm") is not None, "with Confirm")
back = r.form("/")
t.ok(back is not None and back["fields"].get("email") == addr,
     "and Back, keeping the address")
t.like(b.get("/?email=" + addr).text, 'value="%s"' % re.escape(addr),
       "Back pre-fills the form")
t.is_(psql1("SELECT count(*) FROM account WHERE email = :'a1'", addr), "0",
      "nothing is stored before Confirm")

r = b.submit(r, r.form("/signup/confirm"))
t.is_(r.status, 200, "Confirm answers 200")
t.like(r.text, "Check your mail", "the mail-sent page")
sf = r.form("/signin")
t.ok(sf is not None and sf["fields"].get("email") == addr,
     "with the sign-in form, address filled in")
t.is_(psql1("SELECT count(*) FROM account WHERE email = :'a1'", addr), "1",
      "the account exists")
row = psql("SELECT code_hash, encode(code_sealed, 'hex') FROM account WHERE email = :'a1'", addr)[0]
t.like(row[0], r"^\$argon2id\$", "the number is stored as an Argon2id hash")
mails = wait_mail(addr)
t.is_(len(mails), 1, "one registration mail")
code = mails[0].code if mails else None
t.ok(code and code.replace("-", "") not in row[1] and
     code.replace("-", "").encode().hex() not in row[1],
     "the sealed copy does not hold the number in the clear")

# Upper case and spaces: the same account.
r = b.post("/signup/confirm", {"email": addr.upper(), "csrf": csrf})
t.is_(psql1("SELECT count(*) FROM account WHERE lower(email) = lower(:'a1')", addr),
      "1", "addresses are case-insensitive: still one account")

# Known and unknown addresses: the same page, byte for byte.
known = b.post("/signup/confirm", {"email": addr, "csrf": csrf})
fresh = unique_email("fresh")
unknown = b.post("/signup/confirm", {"email": fresh, "csrf": csrf})
t.is_(known.status, unknown.status, "same status for known and new")
t.is_(known.text.replace(addr, "X"), unknown.text.replace(fresh, "X"),
      "same page for known and new addresses")
t.is_(psql1("SELECT count(*) FROM outbox WHERE recipient = :'a1' AND kind = 'already_registered'", addr),
      "2", "the known address got sign-in instructions (twice)")

# ... and in about the same time: both hash a new number.
b = Browser(source_ip=source_ip(40, 1))
csrf = csrf_of(b.get("/"))
tk, tu = [], []
# 16 interleaved pairs: the medians hold on a loaded machine.
for i in range(16):
    s = time.monotonic(); b.post("/signup/confirm", {"email": addr, "csrf": csrf})
    tk.append(time.monotonic() - s)
    s = time.monotonic(); b.post("/signup/confirm", {"email": unique_email("timing"), "csrf": csrf})
    tu.append(time.monotonic() - s)
mk, mu = statistics.median(tk), statistics.median(tu)
t.diag("median: known %.1f ms, new %.1f ms" % (mk * 1000, mu * 1000))
t.ok(abs(mk - mu) < max(0.03, 0.5 * min(mk, mu)),
     "known and new addresses take about the same time")
t.ok(int(psql1("SELECT count(*) FROM outbox WHERE recipient = :'a1'", addr)) <= 4,
     "resending to a known address is limited (3 per 15 minutes)")

# Japanese confirmation flow.
bj = Browser(source_ip=source_ip(40, 2))
r = signup(bj, unique_email("ja"), lang="ja")
t.like(r.text, "メールをご確認ください", "the mail-sent page in Japanese")
t.done()
