#!/usr/bin/python3
# 67-oauth-org: "All mailboxes in the organisation" end to end through
# nginx and the Microsoft emulator: admin consent at /organizations, the
# consent proved by a client-credentials token for exactly that tenant
# and by a sign-in at that tenant; a non-administrator, Cancel, a
# callback whose tenant was swapped (for a tenant that never consented,
# and for one that did), a forged answer followed by an ordinary user's
# sign-in, an answer without a tenant; Japanese pages.
import os, sys
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
t = Tap()
SRC = os.environ["SHINDAN_SRC"]


def tenant_id(name):
    with open(os.path.join(SRC, "tests/data/tenants", name, "tenant.json")) as f:
        return json.load(f)["id"]


CONTOSO, FABRIKAM = tenant_id("contoso.example"), tenant_id("fabrikam.example")


def assessment_of(addr):
    rows = psql("SELECT a.state, a.scope, coalesce(a.tenant_id, ''), a.id FROM assessment a "
                "JOIN account c ON c.id = a.account_id WHERE c.email = :'a1'", addr)
    return rows[0] if rows else None


def creds_of(addr):
    return psql("SELECT c.kind, c.tenant_id, c.refresh_sealed IS NULL, c.access_sealed IS NOT NULL "
                "FROM credential c JOIN assessment a ON a.id = c.assessment_id "
                "JOIN account u ON u.id = a.account_id WHERE u.email = :'a1'", addr)


def requests_of(kind, seq):
    return [r for r in emu("/_emu/requests?since=%d" % seq)["requests"] if r["kind"] == kind]


def cc_ok():
    return emu("/_emu/stats").get("token_requests", {}).get("client_credentials:ok", 0)


def seq_now():
    return emu("/_emu/requests?since=999999999")["next"]


# The redirect to Microsoft.
b = Browser(source_ip=source_ip(67))
addr, _ = new_account(b, "org")
loc, state = start_flow(b, "org")
u = urllib.parse.urlsplit(loc)
q = urllib.parse.parse_qs(u.query)
t.ok(loc.startswith(os.environ["SHINDAN_EMU_URL"] + "/organizations/v2.0/adminconsent?"),
     "to {authority}/organizations/v2.0/adminconsent")
t.is_(q.get("scope"), ["https://graph.microsoft.com/.default"], "scope .default")
t.is_(q.get("redirect_uri"), [b.base + "/oauth/callback"], "the exact redirect URI")
t.is_(q.get("client_id"), [os.environ["SHINDAN_CLIENT_ID"]], "the client id")
t.ok(len(state) >= 43, "a 256-bit state")

# Through the emulator as the Global Administrator.
seq0 = seq_now()
cc0 = cc_ok()
r = b.get(loc, follow=True)
t.like(r.text, "Sign in", "the emulator asks to sign in")
r = ms_round(b, r, "admin@contoso.example")
t.like(r.url, r"/app/granted$", "back at the portal: permission granted")
t.like(r.text, "every mailbox of the organisation", "for every mailbox of the organisation")
t.like(r.text, CONTOSO, "naming the tenant")
t.is_(assessment_of(addr)[:3], ["granted", "org", CONTOSO], "the assessment is granted for Contoso")
t.is_(creds_of(addr), [["app", CONTOSO, "t", "t"]],
      "an application token for exactly that tenant, sealed, and no refresh token")
t.is_(cc_ok() - cc0, 1, "the consent was proved with one client-credentials token")
auth = requests_of("authorize", seq0)
t.ok(any(("/%s/" % CONTOSO) in x["path"] for x in auth),
     "and by a sign-in at that tenant's own authority")

# A user who is not a Global Administrator.
b2 = Browser(source_ip=source_ip(67, 1))
a2, _ = new_account(b2, "notadmin")
r = grant(b2, "org", "adele@contoso.example")
t.is_(r.status, 403, "a non-administrator: a refusal page")
t.like(r.text, "Only a Global Administrator", "saying who can grant it")
t.like(r.text, "AADSTS90094", "with Microsoft's code")
t.like(r.text, 'href="/app/scope"', "and how to try again")
t.is_(assessment_of(a2), None, "nothing is granted")
t.is_(creds_of(a2), [], "and no token kept")

# Cancel at the consent page.
b3 = Browser(source_ip=source_ip(67, 2))
a3, _ = new_account(b3, "cancelorg")
r = grant(b3, "org", "admin@contoso.example", accept=False)
t.is_(r.status, 403, "Cancel at Microsoft: a refusal page")
t.like(r.text, "were not accepted at Microsoft", "saying the permissions were not accepted")
t.like(r.text, "consent_required AADSTS65004", "with Microsoft's error")
t.is_(assessment_of(a3), None, "nothing is granted")

# A tenant swapped on the callback: Contoso's administrator consents, the
# answer is changed to name Fabrikam, which never consented.
b4 = Browser(source_ip=source_ip(67, 3))
a4, _ = new_account(b4, "swap")
loc4, _ = start_flow(b4, "org")
cb4 = ms_callback_url(b4, b4.get(loc4, follow=True), "admin@contoso.example")
t.like(cb4 or "", "tenant=" + CONTOSO, "Microsoft's answer names Contoso")
swapped = (cb4 or "").replace(CONTOSO, FABRIKAM)
r = b4.get(swapped)
t.is_(r.status, 403, "swapped to a tenant that did not consent: refused")
t.like(r.text, "did not confirm the permission", "saying Microsoft did not confirm it")
t.like(r.text, "AADSTS700016", "with Microsoft's code")
t.is_(creds_of(a4), [], "no token kept")
t.ok(assessment_of(a4) is None or assessment_of(a4)[0] == "consenting", "nothing is granted")

# Fabrikam's administrator consents (another account), so that Fabrikam
# now gives application tokens; then the swap again.
b5 = Browser(source_ip=source_ip(67, 4))
new_account(b5, "fabrikam")
r = grant(b5, "org", "admin@fabrikam.example")
t.like(r.url, r"/app/granted$", "Fabrikam's administrator grants it to another account")
b6 = Browser(source_ip=source_ip(67, 5))
a6, _ = new_account(b6, "swap2")
loc6, _ = start_flow(b6, "org")
cb6 = ms_callback_url(b6, b6.get(loc6, follow=True), "admin@contoso.example")
r = b6.get(cb6.replace(CONTOSO, FABRIKAM), follow=True)
t.ok(r.url.startswith(os.environ["SHINDAN_EMU_URL"] + "/" + FABRIKAM + "/oauth2/v2.0/authorize"),
     "swapped to a tenant that consented: the browser must sign in at that tenant")
r = ms_round(b6, r, "admin@contoso.example")
t.like(r.text, "AADSTS50020", "where Contoso's administrator cannot sign in")
t.ok(assessment_of(a6) is None or assessment_of(a6)[0] == "consenting", "nothing is granted")
t.ok(all(c[0] == "app" for c in creds_of(a6)), "no delegated token was issued")
r = b6.get("/app")
t.unlike(r.url, "/app/granted", "and /app does not show a grant")

# A user who is not an administrator forges the admin-consent answer for
# a tenant that did consent (Contoso, above): the client-credentials
# proof passes, but whoever signs in at the tenant must be a Global
# Administrator.
b9 = Browser(source_ip=source_ip(67, 8))
a9, _ = new_account(b9, "forger")
_, state9 = start_flow(b9, "org")
r = b9.get("/oauth/callback?" + urllib.parse.urlencode(
    {"admin_consent": "True", "tenant": CONTOSO, "state": state9}), follow=True)
r = ms_round(b9, r, "adele@contoso.example")
t.is_(r.status, 403, "a forged consent answer, then an ordinary user's sign-in: refused")
t.like(r.text, "Only a Global Administrator", "saying who can grant it")
t.ok(assessment_of(a9) is None or assessment_of(a9)[0] != "granted", "nothing is granted")
t.is_(creds_of(a9), [], "and the application token is not kept")

# An admin-consent answer without a tenant, or with a malformed one.
b7 = Browser(source_ip=source_ip(67, 6))
a7, _ = new_account(b7, "notenant")
loc7, state7 = start_flow(b7, "org")
r = b7.get("/oauth/callback?" + urllib.parse.urlencode(
    {"admin_consent": "True", "tenant": "contoso'; DROP TABLE account;--", "state": state7}))
t.is_(r.status, 403, "a malformed tenant: refused")
t.like(r.text, "did not confirm the permission", "with a clear page")
t.is_(creds_of(a7), [], "no token requested or kept")
t.is_(psql1("SELECT count(*) FROM assessment a JOIN account c ON c.id = a.account_id "
            "WHERE c.email = :'a1' AND a.tenant_id IS NOT NULL", a7), "0", "and no tenant recorded")

# Japanese.
b8 = Browser(source_ip=source_ip(67, 7))
new_account(b8, "orgja", lang="ja")
b8.get("/app?lang=ja")
r = grant(b8, "org", "patti@contoso.example")
t.like(r.text, "全体管理者", "the non-administrator page in Japanese")
r = grant(b8, "org", "admin@contoso.example")
t.like(r.text, "権限が正常に付与されました", "and the granted page")
t.done()
