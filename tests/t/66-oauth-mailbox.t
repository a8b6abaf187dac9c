#!/usr/bin/python3
# 66-oauth-mailbox: "My mailbox" end to end through nginx and the
# Microsoft emulator: PKCE S256, the code redeemed, GET /me, tokens
# sealed; Cancel at the consent page; a state replayed, from another
# session, or expired; an injected code (PKCE mismatch).
import os, sys, base64
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
t = Tap()
b = Browser(source_ip=source_ip(66))
addr, code = new_account(b, "mbx")
acct = psql1("SELECT id FROM account WHERE email = :'a1'", addr)

# The redirect to Microsoft.
r = b.get("/app/scope")
r = b.submit(r, r.form("/app/scope"), {"scope": "mailbox"}, follow=False)
t.is_(r.status, 303, "Grant permission answers 303")
loc = r.header("Location") or ""
u = urllib.parse.urlsplit(loc)
q = urllib.parse.parse_qs(u.query)
t.ok(loc.startswith(os.environ["SHINDAN_EMU_URL"] + "/organizations/oauth2/v2.0/authorize?"),
     "to {authority}/organizations/oauth2/v2.0/authorize")
t.is_(q.get("code_challenge_method"), ["S256"], "PKCE S256")
t.ok(len(q.get("code_challenge", [""])[0]) == 43, "a 43-character challenge")
t.is_(q.get("scope", [""])[0].split(), ["openid", "profile", "email", "offline_access",
      "https://graph.microsoft.com/Mail.Read", "https://graph.microsoft.com/User.Read"],
      "the scopes of the issue, no more")
t.is_(q.get("redirect_uri"), [b.base + "/oauth/callback"], "the exact redirect URI")
t.is_(q.get("client_id"), [os.environ["SHINDAN_CLIENT_ID"]], "the client id")
state = q.get("state", [""])[0]
t.ok(len(state) >= 43, "a 256-bit state")
t.ok("verifier" not in loc and state not in (b.cookie("sid") or ""), "the verifier is not in the URL or a cookie")
t.is_(psql1("SELECT count(*) FROM oauth_flow WHERE encode(state_hash,'hex') = :'a1'",
            hashlib.sha256(state.encode()).hexdigest()), "1", "the flow is kept server-side, by the state's hash")
t.is_(psql1("SELECT count(*) FROM oauth_flow f JOIN assessment a ON a.id = f.assessment_id "
            "WHERE a.account_id = :'a1' AND f.verifier_sealed IS NOT NULL AND f.nonce IS NOT NULL", acct), "1",
      "with a sealed verifier and a nonce")

# Through the emulator.
r = b.get(loc, follow=True)
t.ok(any(i.get("name") == "passwd" for f in r.forms() for i in f["inputs"]), "the emulator asks to sign in")
r = ms_round(b, r, "adele@contoso.example")
t.like(r.url, r"/app/granted$", "back at the portal: permission granted")
t.like(r.text, "Permission granted successfully", "the page says so")
t.like(r.text, "adele@contoso.example", "naming the mailbox")
row = psql("SELECT state, scope, user_mail, tenant_id FROM assessment WHERE account_id = :'a1'", acct)[0]
t.is_(row[:3], ["granted", "mailbox", "adele@contoso.example"], "the assessment is granted for adele's mailbox")
t.ok(re.match(r"^[0-9a-f-]{36}$", row[3] or ""), "with the tenant id")
cred = psql("SELECT kind, key_id, encode(refresh_sealed,'hex'), encode(access_sealed,'hex') "
            "FROM credential c JOIN assessment a ON a.id = c.assessment_id WHERE a.account_id = :'a1'", acct)
t.ok(cred and cred[0][0] == "delegated" and cred[0][2] and cred[0][3], "refresh and access tokens stored")
dump = " ".join(" ".join(x) for x in psql("SELECT * FROM credential"))
raw = bytes.fromhex(cred[0][2]) + bytes.fromhex(cred[0][3])
t.ok(b"eyJ" not in raw and b"0.A" not in raw and b"M.C" not in raw and "eyJ" not in dump,
     "they are sealed: no token prefix in the row")
t.is_(psql1("SELECT count(*) FROM oauth_flow f JOIN assessment a ON a.id = f.assessment_id WHERE a.account_id = :'a1'", acct),
      "0", "the flow row is gone (single use)")
cb = [h for h in b.history if "/oauth/callback" in h.url]
t.ok(cb and cb[-1].status == 303 and "?" not in (cb[-1].header("Location") or ""),
     "the callback answers 303 to a clean URL")

# Replaying the callback: refused, no token request.
before = emu("/_emu/stats")
r = b.get(cb[-1].url)
t.is_(r.status, 400, "the same callback again: 400")
t.like(r.text, "cannot be used", "saying the answer cannot be used")
after = emu("/_emu/stats")
t.is_(json.dumps(after.get("token_requests")), json.dumps(before.get("token_requests")),
      "and no token was requested")

# A state from another session.
b2 = Browser(source_ip=source_ip(66, 1))
new_account(b2, "mbx2")
r = b2.get("/app/scope")
r = b2.submit(r, r.form("/app/scope"), {"scope": "mailbox"}, follow=False)
loc2 = r.header("Location")
r = b2.get(loc2, follow=True)
r = ms_sign_in(b2, r, "alex@contoso.example")
# Stop before the portal: take the callback URL the emulator redirects to.
f = [f for f in r.forms() if any(x.get("name") == "consent" for x in f["buttons"])]
if f:
    fields = dict(f[0]["fields"]); fields["consent"] = "accept"
    resp = b2.post(urllib.parse.urljoin(r.url, f[0]["action"]), fields, follow=False)
else:
    resp = r
cb2 = resp.header("Location") or ""
t.like(cb2, r"/oauth/callback\?.*code=", "the emulator redirects with a code")
b3 = Browser(source_ip=source_ip(66, 2))
new_account(b3, "thief")
before = emu("/_emu/stats")
r = b3.get(cb2)
t.is_(r.status, 400, "delivered to another session: 400")
t.is_(json.dumps(emu("/_emu/stats").get("token_requests")), json.dumps(before.get("token_requests")),
      "no token was requested")
r = b2.get(cb2)
t.is_(r.status, 303, "the right session can still use it")

# An expired state (older than 10 minutes).
b4 = Browser(source_ip=source_ip(66, 3))
a4, _ = new_account(b4, "late")
r = b4.get("/app/scope")
r = b4.submit(r, r.form("/app/scope"), {"scope": "mailbox"}, follow=False)
st4 = urllib.parse.parse_qs(urllib.parse.urlsplit(r.header("Location")).query)["state"][0]
psql("UPDATE oauth_flow SET expires_at = now() - interval '1 second' WHERE encode(state_hash,'hex') = :'a1'",
     hashlib.sha256(st4.encode()).hexdigest())
r = ms_round(b4, b4.get(r.header("Location"), follow=True), "megan@contoso.example")
t.is_(r.status, 400, "an expired state: 400")

# Cancel at the consent page.
b5 = Browser(source_ip=source_ip(66, 4))
a5, _ = new_account(b5, "cancel")
r = grant(b5, "mailbox", "alex@contoso.example", accept=False)
t.is_(r.status, 403, "Cancel at Microsoft: a refusal page")
t.like(r.text, "were not accepted at Microsoft", "saying the permissions were not accepted")
t.like(r.text, "access_denied", "with Microsoft's error code")
t.like(r.text, 'href="/app/scope"', "and how to try again")
t.is_(psql1("SELECT count(*) FROM assessment a JOIN account c ON c.id = a.account_id WHERE c.email = :'a1'", a5),
      "0", "nothing is granted")
r = grant(b5, "mailbox", "alex@contoso.example")
t.like(r.url, "/app/granted$", "trying again works")

# A user without a mailbox.
b6 = Browser(source_ip=source_ip(66, 5))
new_account(b6, "nomail")
r = grant(b6, "mailbox", "nomail@contoso.example")
t.is_(r.status, 403, "an account without a mailbox is refused")
t.like(r.text, "no Exchange Online mailbox", "saying why")

# An injected code (PKCE mismatch): a code issued to one browser's flow,
# delivered with another browser's state.  The portal redeems it with
# its own verifier and Microsoft refuses.
b8 = Browser(source_ip=source_ip(66, 7))
new_account(b8, "victim")
loc8, _ = start_flow(b8, "mailbox")
cb8 = ms_callback_url(b8, b8.get(loc8, follow=True), "alex@contoso.example")
code8 = urllib.parse.parse_qs(urllib.parse.urlsplit(cb8 or "").query).get("code", [""])[0]
t.ok(code8, "a code issued for the first browser")
b9 = Browser(source_ip=source_ip(66, 8))
a9, _ = new_account(b9, "inject")
loc9, state9 = start_flow(b9, "mailbox")
before = emu("/_emu/stats")
r = b9.get("/oauth/callback?" + urllib.parse.urlencode({"code": code8, "state": state9}))
t.is_(r.status, 403, "the code with another flow's state: refused")
t.like(r.text, "did not accept the answer of the sign-in", "saying the answer was not accepted")
t.like(r.text, "invalid_grant AADSTS501481", "with Microsoft's code for a PKCE mismatch")
t.like(r.text, 'href="/app/scope"', "and how to start over")
t.is_(sum(emu("/_emu/stats").get("token_requests", {}).values()) -
      sum(before.get("token_requests", {}).values()), 1, "one redemption was tried")
t.is_(psql1("SELECT count(*) FROM assessment a JOIN account c ON c.id = a.account_id "
            "WHERE c.email = :'a1' AND a.state <> 'consenting'", a9), "0", "nothing was granted")
t.is_(psql1("SELECT count(*) FROM credential c JOIN assessment a ON a.id = c.assessment_id "
            "JOIN account u ON u.id = a.account_id WHERE u.email = :'a1'", a9), "0", "and no token kept")

# An expired code: Microsoft's clock moves past the code's lifetime
# between the redirect and the callback.
b10 = Browser(source_ip=source_ip(66, 9))
a10, _ = new_account(b10, "slow")
loc10, _ = start_flow(b10, "mailbox")
cb10 = ms_callback_url(b10, b10.get(loc10, follow=True), "megan@contoso.example")
emu("/_emu/config", {"clock_offset": 3600.0})
try:
    r = b10.get(cb10)
finally:
    emu("/_emu/config", {"clock_offset": 0.0})
t.is_(r.status, 403, "an expired code: refused")
t.like(r.text, "invalid_grant AADSTS70008", "with Microsoft's code for an expired code")
t.like(r.text, "had expired", "saying it may have expired")
r = grant(b10, "mailbox", "megan@contoso.example")
t.like(r.url, "/app/granted$", "starting over works")

# Japanese error pages.
b7 = Browser(source_ip=source_ip(66, 6))
new_account(b7, "ja", lang="ja")
b7.get("/app?lang=ja")
r = grant(b7, "mailbox", "alex@contoso.example", accept=False)
t.like(r.text, "承諾されませんでした", "the refusal in Japanese")
t.done()
