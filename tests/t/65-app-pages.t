#!/usr/bin/python3
# 65-app-pages: the main screen's service tiles (only Microsoft 365 goes
# on; the server refuses the others too), the scope choice, and what the
# account's assessment state makes /app show.
import os, sys
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

t = Tap()
b = Browser(source_ip=source_ip(65))
addr, code = new_account(b, "app")
acct = psql1("SELECT id FROM account WHERE email = :'a1'", addr)

r = b.get("/app")
t.is_(r.status, 200, "/app shows the main screen")
f = r.form("/app/service")
t.ok(f is not None, "with the service form")
values = [i.get("value") for i in f["inputs"] if i.get("name") == "service"]
t.is_(values, ["m365", "gsuite", "windows", "macos"], "four tiles: Microsoft 365, Google Workspace, Windows, macOS")
t.is_(f["fields"].get("service"), "m365", "Microsoft 365 is selected at first")
t.like(r.text, "Microsoft 365 \\(Office 365\\)", "the Microsoft 365 tile")
t.like(r.text, "Google Workspace \\(G Suite\\)", "the Google Workspace tile")
t.like(r.text, r'id="out-of-scope" hidden', "the out-of-scope note is hidden until chosen")
t.like(r.text, re.escape(addr), "the signed-in address")
t.ok(r.form("/signout") is not None, "and Sign out")

for svc in ("gsuite", "windows", "macos"):
    r = b.submit(r, f, {"service": svc}, follow=False)
    t.is_(r.status, 400, "%s is refused by the server" % svc)
    t.like(r.text, "Only Microsoft 365 can be checked here", "explaining it is out of scope")
    t.unlike(r.text, r'id="out-of-scope" hidden', "the note is shown")
    t.like(r.text, r'value="%s" checked' % svc, "the chosen tile stays selected")
r = b.post("/app/service", {"service": "other", "csrf": csrf_of(r)})
t.is_(r.status, 400, "an unknown service is bad input")
r = b.get("/app?lang=ja")
t.like(r.text, "本サービスの対象外", "the tiles in Japanese")
b.get("/app?lang=en")

r = b.post("/app/service", {"service": "m365", "csrf": csrf_of(r)})
t.is_(r.status, 303, "Microsoft 365 goes on")
t.like(r.header("Location"), r"/app/scope$", "to the scope choice")
r = b.get("/app/scope")
sf = r.form("/app/scope")
t.ok(sf is not None, "the scope page has its form")
t.is_([i.get("value") for i in sf["inputs"] if i.get("name") == "scope"], ["org", "mailbox"],
      "two scopes: the organisation and my mailbox")
t.like(r.text, "Global Administrator", "the organisation scope says it needs a Global Administrator")
t.like(r.text, "takes long", "and takes long")
t.like(r.text, "Only the mailbox of the account that signs in", "my mailbox is explained")
r = b.post("/app/scope", {"scope": "everything", "csrf": csrf_of(r)})
t.is_(r.status, 400, "an unknown scope: 400")
t.like(r.text, "Choose one of the two scopes", "with what is wrong")

# /app follows the assessment's state.
def state(s, extra=""):
    psql("DELETE FROM assessment WHERE account_id = :'a1'", acct)
    if s:
        psql("INSERT INTO assessment (account_id, scope, state, start_at, tenant_id, user_mail) "
             "VALUES (:'a1', 'mailbox', :'a2', now() + interval '4 minutes', "
             "'11111111-2222-3333-4444-555555555555', 'x@contoso.example')", acct, s)
for s, want in (("granted", "/app/granted"), ("running", "/app/started"), ("done", "/results")):
    state(s)
    r = b.get("/app")
    t.ok(r.status == 303 and (r.header("Location") or "").endswith(want),
         "%s: /app leads to %s" % (s, want))
state("cancelled")
t.like(b.get("/app").text, "The assessment was cancelled", "cancelled: the tiles, saying so")

state("granted")
r = b.get("/app/granted")
t.is_(r.status, 200, "the granted page")
t.like(r.text, "Permission granted successfully", "says the permission was granted")
t.like(r.text, r'data-countdown="2[0-9][0-9]"', "shows the seconds left")
t.like(r.text, r">[34]:[0-9]{2}</span>", "as minutes and seconds without JavaScript")
t.like(r.header("Refresh") or "", r"^[0-9]+$", "and refreshes itself when the time is up")
t.ok(r.form("/app/start") and r.form("/app/cancel"), "with Start assessment and Back")
r = b.submit(r, r.form("/app/start"), follow=False)
t.like(r.header("Location") or "", "/app/started$", "Start leads to the started page")
t.is_(psql1("SELECT start_at <= now() FROM assessment WHERE account_id = :'a1'", acct), "t",
      "and makes it due now")
r = b.get("/app/started")
t.like(r.text, "We will mail the results to this address", "the started page")
t.like(r.text, re.escape(addr), "names the address")
t.like(r.text, "You may close the browser", "and says the browser may be closed")

state("granted")
psql("INSERT INTO credential (assessment_id, kind, tenant_id, key_id, access_sealed) "
     "SELECT id, 'app', tenant_id, 1, '\\x00' FROM assessment WHERE account_id = :'a1'", acct)
r = b.get("/app/granted")
r = b.submit(r, r.form("/app/cancel"), follow=False)
t.like(r.header("Location") or "", "/app$", "Back returns to the main screen")
t.is_(psql1("SELECT state FROM assessment WHERE account_id = :'a1'", acct), "cancelled", "and cancels")
t.is_(psql1("SELECT count(*) FROM credential c JOIN assessment a ON a.id = c.assessment_id "
            "WHERE a.account_id = :'a1'", acct), "0", "deleting the tokens")
r = b.get("/app/granted")
t.is_(r.status, 303, "the granted page of a cancelled assessment leads away")

# Pages that need a session.
anon = Browser(source_ip=source_ip(65, 1))
for p in ("/app/scope", "/app/granted", "/app/started"):
    t.is_(anon.get(p).status, 303, "%s needs a session" % p)
t.is_(anon.get("/oauth/callback?state=x&code=y").status, 400, "a callback without a session: 400")
t.done()
