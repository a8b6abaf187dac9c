#!/usr/bin/python3
# 42-throttle: the per-account failure budget (10 an hour, then a pause
# that grows), not reset by a new mail, never permanent; and nginx's
# per-address limit on sign-in and sign-up attempts.
import os, sys
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

t = Tap()
setup = Browser(source_ip=source_ip(42))
addr = unique_email("throttle")
signup(setup, addr)
code = wait_mail(addr)[0].code
wrong = "0000-0000-0000" if code != "0000-0000-0000" else "2222-2222-2222"
acct = psql1("SELECT id FROM account WHERE email = :'a1'", addr)

# Ten wrong numbers, spread over addresses (the attacker has many).
for i in range(10):
    r = signin(Browser(source_ip=source_ip(42, 1 + i)), addr, wrong)
t.is_(r.status, 401, "wrong numbers are refused")
t.is_(psql1("SELECT count(*) FROM signin_failure WHERE account_id = :'a1'", acct), "10",
      "each failure is recorded for the account")
t.is_(psql1("SELECT locked_until > now() FROM account WHERE id = :'a1'", acct), "t",
      "the tenth failure in an hour pauses the account")
r = signin(Browser(source_ip=source_ip(42, 20)), addr, code)
t.is_(r.status, 401, "while paused, even the right number is refused")
t.like(r.text, "wait 15 minutes", "the page tells the user to wait")
unknown = signin(Browser(source_ip=source_ip(42, 21)), unique_email("ghost"), wrong)
t.is_(page_norm(r.text), page_norm(unknown.text),
      "a paused account answers exactly like an unknown address")

# A new mail does not reset the budget.
signup(Browser(source_ip=source_ip(42, 22)), addr)
t.is_(psql1("SELECT locked_until > now() FROM account WHERE id = :'a1'", acct), "t",
      "signing up again does not lift the pause")
t.is_(psql1("SELECT count(*) FROM signin_failure WHERE account_id = :'a1'", acct), "10",
      "nor clear the failures")

# The pause ends (clock moved forward by ageing the rows).
psql("UPDATE account SET locked_until = now() - interval '1 second' WHERE id = :'a1'", acct)
psql("UPDATE signin_failure SET at = at - interval '61 minutes' WHERE account_id = :'a1'", acct)
r = signin(Browser(source_ip=source_ip(42, 23)), addr, code)
t.is_(r.status, 303, "after the pause the right number signs in")
t.is_(psql1("SELECT count(*) FROM signin_failure WHERE account_id = :'a1'", acct), "0",
      "a successful sign-in clears the failures")
t.is_(psql1("SELECT lock_level FROM account WHERE id = :'a1'", acct), "0",
      "and the pause level")

# Pauses grow: the second one is twice as long.
for lvl, want in ((0, 900), (1, 1800)):
    psql("UPDATE account SET lock_level = :'a2', locked_until = NULL WHERE id = :'a1'", acct, lvl)
    psql("DELETE FROM signin_failure WHERE account_id = :'a1'", acct)
    for i in range(10):
        signin(Browser(source_ip=source_ip(42, 30 + i)), addr, wrong)
    secs = int(float(psql1("SELECT extract(epoch FROM locked_until - now()) FROM account WHERE id = :'a1'", acct)))
    t.ok(want - 30 <= secs <= want, "pause number %d lasts %d s (about %d)" % (lvl + 1, secs, want))
psql("UPDATE account SET lock_level = 20, locked_until = NULL WHERE id = :'a1'", acct)
psql("DELETE FROM signin_failure WHERE account_id = :'a1'", acct)
for i in range(10):
    signin(Browser(source_ip=source_ip(42, 30 + i)), addr, wrong)
secs = int(float(psql1("SELECT extract(epoch FROM locked_until - now()) FROM account WHERE id = :'a1'", acct)))
t.ok(secs <= 86400, "a pause never exceeds a day (%d s)" % secs)

psql("UPDATE account SET lock_level = 0, locked_until = NULL WHERE id = :'a1'", acct)
psql("DELETE FROM signin_failure WHERE account_id = :'a1'", acct)

# nginx: 10 attempts a minute per address, burst 20, then 429.
b = Browser(source_ip=source_ip(42, 99))
codes = []
csrf = csrf_of(b.get("/signin"))
for i in range(30):
    codes.append(b.post("/signin", {"email": unique_email("burst"), "code": wrong,
                                    "csrf": csrf}).status)
t.ok(codes[:20].count(429) == 0, "the first 20 attempts from one address pass")
t.ok(codes.count(429) >= 8, "then nginx answers 429 (%d of 30)" % codes.count(429))
r = b.post("/signin", {"email": addr, "code": code, "csrf": csrf})
t.is_(r.status, 429, "429 for this address")
t.like(r.text, "Too many requests", "with a page that says so")
security_headers_ok(t, r, "the 429 page")
t.is_(b.get("/signin").status, 200, "reading the page is not limited")
other = signin(Browser(source_ip=source_ip(42, 98)), addr, code)
t.is_(other.status, 303, "other addresses are not affected")

# A stranger spending the budget every day cannot keep the owner out: a
# browser that has signed in to the account before still can (its
# device cookie); every other browser waits, and a forged or another
# account's device cookie is worth nothing.
own = Browser(source_ip=source_ip(42, 60))
addr2, code2 = new_account(own, "owner")
acct2 = psql1("SELECT id FROM account WHERE email = :'a1'", addr2)
dev = own.cookie("dev") or ""
t.like(dev, r"^%s\.\d+\.[A-Za-z0-9_-]{43}$" % acct2, "signing in leaves a device cookie naming the account")
own.post("/signout", {"csrf": csrf_of(own.get("/app"))})
for i in range(10):
    signin(Browser(source_ip=source_ip(42, 61 + i)), addr2, wrong)
t.is_(psql1("SELECT locked_until > now() FROM account WHERE id = :'a1'", acct2), "t", "the account is paused")
r = signin(Browser(source_ip=source_ip(42, 72)), addr2, code2)
t.is_(r.status, 401, "a new browser with the right number waits")
r = signin(own, addr2, code2)
t.is_(r.status, 303, "the owner's browser signs in with the right number all the same")
own.post("/signout", {"csrf": csrf_of(own.get("/app"))})
for i in range(10):
    signin(Browser(source_ip=source_ip(42, 73 + i)), addr2, wrong)
r = signin(own, addr2, wrong)
t.is_(r.status, 401, "but a wrong number from it is still wrong")
forged = Browser(source_ip=source_ip(42, 84))
forged.cookies[(urllib.parse.urlsplit(forged.base).netloc, "dev")] = \
    "%s.%s.%s" % (acct2, dev.split(".")[1], "A" * 43)
t.is_(signin(forged, addr2, code2).status, 401, "a forged device cookie does not help")
theirs = Browser(source_ip=source_ip(42, 85))
_, _ = new_account(theirs, "other")
theirs.post("/signout", {"csrf": csrf_of(theirs.get("/app"))})
t.is_(signin(theirs, addr2, code2).status, 401, "nor another account's")
t.done()
