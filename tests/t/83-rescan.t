#!/usr/bin/python3
# 83-rescan: re-run (/results/rescan) warns and offers the downloads,
# then deletes the result and returns to the service choice; it leaves a
# running scan alone; two concurrent re-runs delete once and corrupt
# nothing.  Delete now (/results/delete), also of a running scan.
# Delete the account (/account/delete) with its sessions everywhere.
# GET never deletes; a POST without the CSRF token is refused.
import os, sys, threading
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "report/t"))
from shindan_test import *
import fixture

t = Tap()
b = Browser(source_ip=source_ip(83))
addr, code = new_account(b, "rescan")
acct = fixture.account_id(addr)

def rows(aid):
    return psql1("SELECT (SELECT count(*) FROM detection WHERE assessment_id = :'a1')"
                 " + (SELECT count(*) FROM finding WHERE assessment_id = :'a1')"
                 " + (SELECT count(*) FROM mailbox WHERE assessment_id = :'a1')"
                 " + (SELECT count(*) FROM assessment WHERE id = :'a1')"
                 " + (SELECT count(*) FROM result_summary WHERE assessment_id = :'a1')", aid)

aid, mids = fixture.make(acct, 30)
b.get("/results")                  # caches the counts too
psql("INSERT INTO credential (assessment_id, kind, tenant_id, key_id, access_sealed)"
     " VALUES (:'a1', 'app', 't', 1, '\\x00')", aid)
r = b.get("/results/rescan")
t.is_(r.status, 200, "re-run: a warning first")
t.like(r.text, "deletes the current results", "says the result will be deleted")
t.like(r.text, r'href="/results/report\.pdf"', "offers the PDF first")
t.like(r.text, r'href="/results/report\.csv"', "and the CSV")
f = r.form("/results/rescan")
t.ok(f is not None and f["fields"].get("confirm") == "1", "and a confirm form")
t.is_(b.get("/results/rescan?confirm=1").status, 200, "GET never deletes")
r = b.post("/results/rescan", {"csrf": csrf_of(r)})
t.is_(r.status, 200, "a POST without confirm=1 only warns")
r = b.post("/results/rescan", {"confirm": "1"})
t.is_(r.status, 403, "without the CSRF token: 403")
r = b.post("/results/rescan", {"confirm": "1", "csrf": csrf_of(b.get("/results"))},
           headers={"Origin": "https://evil.example"})
t.is_(r.status, 403, "from another origin: 403")
r = b.post("/results/rescan", {"csrf": csrf_of(b.get("/results"))},
           headers={"Origin": "null", "Sec-Fetch-Site": "cross-site"})
t.is_(r.status, 403, "Origin null from another site: 403")
r = b.post("/results/rescan", {"csrf": csrf_of(b.get("/results"))},
           headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
t.is_(r.status, 200, "Origin null from this site (Referrer-Policy no-referrer): the token decides")
t.ok(int(rows(aid)) > 30, "nothing was deleted so far")

r = b.get("/results/rescan")
r = b.submit(r, r.form("/results/rescan"), follow=False)
t.ok(r.status == 303 and r.header("Location").endswith("/app"), "confirmed: back to the service choice")
t.is_(rows(aid), "0", "the assessment, mailboxes, detections, findings and counts are gone")
t.is_(psql1("SELECT count(*) FROM credential WHERE assessment_id = :'a1'", aid), "0", "and its tokens")
r = b.get("/app")
t.ok(r.status == 200 and r.form("/app/service") is not None, "the main screen offers the services again")
t.like(b.get("/results").text, "There are no results", "/results says there are none")
r = b.post("/results/rescan", {"confirm": "1", "csrf": csrf_of(b.get("/results"))})
t.ok(r.status == 303 and r.header("Location").endswith("/app"), "re-running again is harmless")

# Two at once, from two sessions of the same account.
b2 = Browser(source_ip=source_ip(83, 1))
signin(b2, addr, code)
aid, mids = fixture.make(acct, 400)
tok1, tok2 = csrf_of(b.get("/results")), csrf_of(b2.get("/results"))
out = []
def go(br, tok):
    out.append(br.post("/results/rescan", {"confirm": "1", "csrf": tok}).status)
th = [threading.Thread(target=go, args=(b, tok1)), threading.Thread(target=go, args=(b2, tok2))]
for x in th: x.start()
for x in th: x.join()
t.is_(sorted(out), [303, 303], "two concurrent re-runs both end at the service choice")
t.is_(rows(aid), "0", "the result was deleted once, nothing left behind")
t.is_(psql1("SELECT count(*) FROM assessment WHERE account_id = :'a1'", acct), "0", "no assessment left")
r = b.get("/app/scope")
t.is_(r.status, 200, "a new assessment can begin")
psql("INSERT INTO assessment (account_id, scope, state) VALUES (:'a1', 'mailbox', 'consenting')", acct)
r = b.post("/results/rescan", {"confirm": "1", "csrf": csrf_of(b.get("/results/rescan", follow=True))})
t.is_(psql1("SELECT state FROM assessment WHERE account_id = :'a1'", acct), "consenting",
      "a late re-run never deletes the new assessment in progress")

# A running scan is left alone by re-run, deleted by Delete now.
aid, mids = fixture.make(acct, 10, state="running")
r = b.get("/results/rescan")
t.is_(r.status, 409, "re-run while a scan runs: 409")
t.like(r.text, "A scan is still running", "says so")
r = b.post("/results/rescan", {"confirm": "1", "csrf": csrf_of(r)})
t.is_(r.status, 409, "and a confirmed re-run is refused")
t.ok(int(rows(aid)) > 0, "nothing deleted")
r = b.get("/results/delete")
t.is_(r.status, 200, "delete now: a warning first")
t.like(r.text, "a scan that is running is stopped", "it stops a running scan")
r = b.submit(r, r.form("/results/delete"), follow=False)
t.ok(r.status == 303 and r.header("Location").endswith("/results?deleted=1"), "delete now: 303")
t.is_(rows(aid), "0", "the running assessment is gone")
t.like(b.get("/results?deleted=1").text, "The results were deleted", "and the page says so")
aid, mids = fixture.make(acct, 10)
r = b.get("/results/delete")
t.like(r.text, r'href="/results/report\.csv"', "deleting a finished result offers the downloads")
r = b.submit(r, r.form("/results/delete"), follow=False)
t.is_(rows(aid), "0", "a finished result is deleted now too")
t.like(b.get("/results/delete", follow=True).text, "There are no results", "nothing left to delete")

# Deleting the account: its sessions everywhere, its data, its mails.
aid, mids = fixture.make(acct, 10)
r = b.get("/account/delete")
t.is_(r.status, 200, "delete the account: a warning first")
t.like(r.text, "deletes your account", "says what it does")
t.ok(r.form("/account/delete") is not None, "with a confirm form")
t.is_(b.post("/account/delete", {"confirm": "1"}).status, 403, "without the CSRF token: 403")
t.is_(psql1("SELECT count(*) FROM account WHERE id = :'a1'", acct), "1", "the account is still there")
r = b.get("/account/delete")
r = b.submit(r, r.form("/account/delete"), follow=False)
t.is_(r.status, 200, "confirmed: 200")
t.like(r.text, "Your account and all its data were deleted", "says so")
t.ok(any("Max-Age=0" in c and "sid=" in c for c in r.headers_all("Set-Cookie")), "and clears the cookie")
t.is_(psql1("SELECT count(*) FROM account WHERE id = :'a1'", acct), "0", "the account is gone")
t.is_(psql1("SELECT count(*) FROM session WHERE account_id = :'a1'", acct), "0", "with every session")
t.is_(psql1("SELECT count(*) FROM outbox WHERE account_id = :'a1'", acct), "0", "its mails")
t.is_(rows(aid), "0", "and its results")
r = b2.get("/results")
t.ok(r.status == 303 and r.header("Location").endswith("/signin"), "the other device is signed out too")
r = signin(Browser(source_ip=source_ip(83, 2)), addr, code)
t.is_(r.status, 401, "the old number no longer signs in")
t.done()
