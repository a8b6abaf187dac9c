#!/usr/bin/python3
# 60-emu-identity: the emulator's identity platform: start-up contract,
# discovery, the authorization code flow with PKCE (RFC 7636 App. B vector),
# PKCE mismatch, code reuse, expired code, redirect URI mismatch, Cancel,
# client authentication (secret in the body, HTTP Basic, wrong secret).
import os, sys, urllib.parse
sys.path.insert(0, os.path.join(os.environ.get("SHINDAN_SRC", "."), "tests/fakes/msemu"))
from emutest import *

t = Tap()
e = Emu()
try:
    t.ok(e.first_line.startswith("msemu listening on http://127.0.0.1:"), "first stdout line names the address")
    t.is_(open(os.path.join(e.dir, "port")).read().strip(), str(e.port), "--port-file holds the port")

    d = e.get("/organizations/v2.0/.well-known/openid-configuration").json()
    t.is_(d["token_endpoint"], e.base + "/organizations/oauth2/v2.0/token", "discovery names the token endpoint")
    k = e.get("/common/discovery/v2.0/keys").json()
    t.ok(k["keys"] and k["keys"][0]["kty"] == "RSA", "JWKS publishes the signing key")

    V = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    t.is_(pkce(V), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "RFC 7636 App. B: verifier -> challenge")

    r = e.authorize(verifier=V)
    t.is_(r.status, 200, "authorize shows a page")
    f = [f for f in r.forms() if "passwd" in f["fields"]]
    t.ok(f and "login" in f[0]["fields"] and "flow" in f[0]["fields"], "a sign-in form: login, passwd, hidden flow")
    t.ok(any(i["type"] == "password" and i.get("name") == "passwd" for i in f[0]["inputs"]), "passwd is a password field")
    bad = e.sign_in(r, "adele@contoso.example", "wrong")
    t.ok(bad.status == 200 and "AADSTS50126" in bad.text, "a wrong password: the sign-in page again with AADSTS50126")
    r = e.sign_in(r, "adele@contoso.example")
    btn = [b.get("value") for f in r.forms() for b in f["buttons"] if b.get("name") == "consent"]
    t.is_(sorted(btn), ["accept", "cancel"], "then a consent page with Accept and Cancel")
    t.ok("Read your mail" in r.text and "Maintain access" in r.text, "listing the permissions")
    r = e.consent(r)
    t.is_(r.status, 302, "Accept redirects")
    loc = r.h("location")
    t.ok(loc.startswith(REDIRECT + "?"), "to the registered redirect URI")
    p = r.location_params()
    t.ok(p.get("code") and p.get("state") == "st-1" and p.get("session_state"), "with code, state and session_state")
    code = p["code"]

    tok = e.token("organizations", {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
                                    "code_verifier": V[:-1] + "X"})
    t.is_((tok.status, tok.json()["error"], tok.json()["error_codes"]), (400, "invalid_grant", [501481]),
          "a wrong verifier: invalid_grant AADSTS501481")
    tok = e.token("organizations", {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT + "x",
                                    "code_verifier": V})
    t.is_(tok.status, 400, "another redirect_uri at redemption: 400")
    tok = e.token("organizations", {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
                                    "code_verifier": V})
    t.is_(tok.status, 200, "the right verifier: tokens")
    j = tok.json()
    t.ok(j["token_type"] == "Bearer" and isinstance(j["expires_in"], int) and "ext_expires_in" in j, "token_type, numeric expires_in, ext_expires_in")
    t.ok(j.get("refresh_token") and j.get("id_token"), "refresh_token (offline_access) and id_token (openid)")
    t.ok("cache-control" in tok.headers and "no-store" in tok.h("cache-control"), "Cache-Control: no-store")
    c = jwt_claims(j["id_token"])
    t.ok(c["tid"] == "6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7" and c["oid"] == "eb52b3b2-c4ac-4b4f-bacd-d5f7ece55df0",
         "id_token: tid and oid of adele")
    t.ok(c["preferred_username"] == "adele@contoso.example" and c["email"] == "adele@contoso.example"
         and c["name"] == "Adele Vance" and c["nonce"] == "n-1" and c["aud"] == CLIENT_ID
         and c["iss"] == e.base + "/" + c["tid"] + "/v2.0", "id_token: preferred_username, email, name, nonce, aud, iss")
    a = jwt_claims(j["access_token"])
    t.ok("Mail.Read" in a["scp"].split() and a["tid"] == c["tid"] and a["exp"] > a["iat"], "access token: scp, tid, exp")

    again = e.token("organizations", {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
                                      "code_verifier": V})
    t.is_((again.status, again.json()["error_codes"]), (400, [54005]), "the code again: AADSTS54005")
    je = again.json()
    t.ok(set(je) >= {"error", "error_description", "error_codes", "timestamp", "trace_id", "correlation_id"}
         and je["error_description"].startswith("AADSTS54005:"), "the error JSON shape of MICROSOFT.md 1.3.6")

    # plain PKCE, and no offline_access: no refresh token
    code2, _ = e.code_for("alex@contoso.example", verifier="p" * 43, method="plain", scope="openid profile User.Read")
    j2 = e.token("organizations", {"grant_type": "authorization_code", "code": code2, "redirect_uri": REDIRECT,
                                   "code_verifier": "p" * 43}).json()
    t.ok("access_token" in j2 and "refresh_token" not in j2, "plain PKCE works; no offline_access, no refresh_token")

    # expired code
    code3, _ = e.code_for("megan@contoso.example", verifier=V)
    e.ctl("config", {"clock_offset": 601})
    r3 = e.token("organizations", {"grant_type": "authorization_code", "code": code3, "redirect_uri": REDIRECT,
                                   "code_verifier": V})
    t.is_((r3.status, r3.json().get("error_codes")), (400, [70008]), "a code older than 10 minutes: AADSTS70008")
    e.ctl("config", {"clock_offset": 0})

    # redirect_uri mismatch: an error page, no redirect
    r = e.authorize(extra={"redirect_uri": "http://127.0.0.1:9/evil"})
    t.ok(r.status == 400 and "AADSTS50011" in r.text and not r.h("location"), "redirect_uri mismatch: AADSTS50011 page, no redirect")
    r = e.authorize(extra={"client_id": "00000000-0000-0000-0000-000000000000"})
    t.ok("AADSTS700016" in r.text and not r.h("location"), "unknown client_id: AADSTS700016 page")
    r = e.authorize(scope="openid https://graph.microsoft.com/Nope.Read")
    t.is_(r.location_params().get("error"), "invalid_scope", "an unknown scope: invalid_scope redirect")

    # Cancel at the consent page
    r = e.sign_in(e.authorize(verifier=V, state="st-cancel"), "alex@contoso.example")
    r = e.consent(r, accept=False)
    p = r.location_params()
    t.ok(r.status == 302 and p.get("error") == "access_denied" and p.get("error_description", "").startswith("AADSTS65004")
         and p.get("state") == "st-cancel", "Cancel: access_denied, AADSTS65004, state echoed")

    # form_post
    r = e.sign_in(e.authorize(verifier=V, extra={"response_mode": "form_post"}), "alex@contoso.example")
    r = e.consent(r)
    t.ok(r.status == 200 and 'method="POST"' in r.text and 'name="code"' in r.text, "response_mode=form_post posts the code")

    # a user of another tenant at a tenant-specific endpoint
    r = e.sign_in(e.authorize(tenant="fabrikam.example", verifier=V), "adele@contoso.example")
    t.ok("AADSTS50020" in r.text, "a contoso user at fabrikam's endpoint: AADSTS50020")

    # client authentication
    code4, _ = e.code_for("alex@contoso.example", verifier=V)
    r = e.token("organizations", {"grant_type": "authorization_code", "code": code4, "redirect_uri": REDIRECT,
                                  "code_verifier": V, "client_secret": "wrong"})
    t.is_((r.status, r.json()["error"], r.json()["error_codes"]), (401, "invalid_client", [7000215]),
          "a wrong secret: 401 invalid_client AADSTS7000215")
    r = e.token("organizations", {"grant_type": "authorization_code", "code": code4, "redirect_uri": REDIRECT,
                                  "code_verifier": V}, basic=True)
    t.is_(r.status, 200, "HTTP Basic client authentication works")
    r = e.req("POST", "/organizations/oauth2/v2.0/token", form={"grant_type": "client_credentials", "client_id": CLIENT_ID})
    t.is_((r.status, r.json()["error_codes"]), (401, [7000218]), "no credential: 401 AADSTS7000218")
    r = e.get("/organizations/oauth2/v2.0/token")
    t.is_(r.status, 400, "GET on the token endpoint: 400")
    r = e.get("/nosuch.example/oauth2/v2.0/authorize?client_id=" + CLIENT_ID)
    t.ok("AADSTS90002" in r.text, "an unknown tenant: AADSTS90002")

    st = e.ctl("stats")
    t.ok(st["tokens_issued"].get("authorization_code", 0) == 3, "stats count the tokens issued")
finally:
    rc = e.stop()
t.is_(rc, 0, "SIGTERM stops it cleanly")
log = open(e.log).read()
t.ok(log.count("\n") > 20 and code not in log and V not in log and e.secret not in log and "shindan-demo" not in log
     and "st-1" not in log, "the request log holds no code, verifier, secret, password or state")
t.done()
