#!/usr/bin/python3
# 61-emu-consent: admin consent (v2 and v1, a non-admin refused, Cancel),
# client credentials refused before consent and granted after, /common,
# refresh-token rotation in both modes, certificate assertions (PS256 with
# x5t#S256 and RS256 with x5t), injected token errors.
import base64, datetime, hashlib, json, os, sys, time, tempfile
sys.path.insert(0, os.path.join(os.environ.get("SHINDAN_SRC", "."), "tests/fakes/msemu"))
from emutest import *
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa, padding

CONTOSO = "6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7"
t = Tap()

# a certificate for client assertions
key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "shindan-test")])
now = datetime.datetime.now(datetime.timezone.utc)
cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(1).not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30)).sign(key, hashes.SHA256()))
cdir = tmpdir("msemu-cert.")
cpem = os.path.join(cdir, "cert.pem")
open(cpem, "wb").write(cert.public_bytes(serialization.Encoding.PEM))
der = cert.public_bytes(serialization.Encoding.DER)


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def assertion(aud, alg="PS256", iss=CLIENT_ID, exp=None):
    hdr = {"alg": alg, "typ": "JWT"}
    if alg == "PS256":
        hdr["x5t#S256"] = b64u(hashlib.sha256(der).digest())
    else:
        hdr["x5t"] = b64u(hashlib.sha1(der).digest())
    n = int(time.time())
    pl = {"aud": aud, "iss": iss, "sub": iss, "jti": "j%d" % n, "nbf": n, "iat": n, "exp": exp or n + 300}
    si = b64u(json.dumps(hdr).encode()) + "." + b64u(json.dumps(pl).encode())
    pad = padding.PSS(padding.MGF1(hashes.SHA256()), 32) if alg == "PS256" else padding.PKCS1v15()
    return si + "." + b64u(key.sign(si.encode(), pad, hashes.SHA256()))


e = Emu(cert=cpem)
try:
    r = e.app_token(CONTOSO)
    j = r.json()
    t.is_((r.status, j["error"], j["error_codes"]), (400, "unauthorized_client", [700016]),
          "client credentials before admin consent: AADSTS700016")
    r = e.app_token("common")
    t.is_(r.json()["error_codes"], [9001023], "client credentials at /common: AADSTS9001023")
    r = e.token(CONTOSO, {"grant_type": "client_credentials", "scope": "https://graph.microsoft.com/Mail.Read"})
    t.is_((r.status, r.json()["error"]), (400, "invalid_scope"), "a scope other than .default: invalid_scope")

    r = e.admin_consent("adele@contoso.example")
    p = r.location_params()
    t.ok(r.status == 302 and p.get("admin_consent") == "True" and p.get("error") == "consent_required"
         and "AADSTS90094" in p.get("error_description", "") and p.get("state") == "ac-1",
         "a non-admin's admin consent: the error redirect (admin_consent=True, consent_required, state)")
    t.is_(e.app_token(CONTOSO).status, 400, "still no app token")

    r = e.admin_consent("admin@contoso.example", accept=False)
    p = r.location_params()
    t.ok(p.get("error") == "consent_required" and p.get("error_description", "").startswith("AADSTS65004")
         and p.get("state") == "ac-1", "Cancel at the admin consent page: consent_required, AADSTS65004")
    r = e.admin_consent("admin@contoso.example", accept=False, v1=True)
    t.is_(r.location_params().get("error"), "permission_denied", "Cancel at the v1 endpoint: permission_denied")

    page = e.sign_in(e.get("/organizations/v2.0/adminconsent?" + urllib.parse.urlencode(
        {"client_id": CLIENT_ID, "redirect_uri": REDIRECT, "state": "s", "scope": "https://graph.microsoft.com/.default"})),
        "admin@contoso.example")
    t.ok("Read mail in all mailboxes" in page.text and "all users in your organization" in page.text,
         "the admin consent page lists the application permissions")
    r = e.consent(page)
    p = r.location_params()
    t.ok(p.get("admin_consent") == "True" and p.get("tenant") == CONTOSO and
         p.get("scope") == "https://graph.microsoft.com/.default" and p.get("state") == "s",
         "admin consent: admin_consent=True, tenant GUID, scope, state")
    r = e.app_token(CONTOSO)
    t.is_(r.status, 200, "client credentials after admin consent: a token")
    c = jwt_claims(r.json()["access_token"])
    t.ok(sorted(c["roles"]) == ["Mail.Read", "User.Read.All"] and c["tid"] == CONTOSO and c["idtyp"] == "app"
         and "refresh_token" not in r.json(), "roles Mail.Read and User.Read.All, tid, no refresh token")
    t.is_(e.app_token("contoso.example").status, 200, "the tenant's domain works as the tenant segment too")
    t.is_(e.app_token("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d").status, 400, "fabrikam has not consented: refused")
    r = e.admin_consent("admin@fabrikam.example", v1=True)
    p = r.location_params()
    t.ok(p.get("tenant") == "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d" and p.get("admin_consent") == "True"
         and "scope" not in p, "v1 admin consent: tenant and admin_consent, no scope")
    t.is_(e.app_token("fabrikam.example").status, 200, "then fabrikam gets app tokens")
    t.ok(CONTOSO in e.ctl("stats")["admin_consents"], "stats list the consented tenants")

    # certificate assertions
    url = e.base + "/" + CONTOSO + "/oauth2/v2.0/token"
    for alg in ("PS256", "RS256"):
        r = e.req("POST", "/%s/oauth2/v2.0/token" % CONTOSO, form={
            "grant_type": "client_credentials", "client_id": CLIENT_ID, "scope": "https://graph.microsoft.com/.default",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": assertion(url, alg)})
        t.is_(r.status, 200, "client_assertion %s accepted" % alg)
    for what, a in (("another audience", assertion(e.base + "/common/oauth2/v2.0/token")),
                    ("an expired assertion", assertion(url, exp=int(time.time()) - 3600)),
                    ("another issuer", assertion(url, iss="someone-else")),
                    ("a forged signature", assertion(url)[:-6] + "AAAAAA")):
        r = e.req("POST", "/%s/oauth2/v2.0/token" % CONTOSO, form={
            "grant_type": "client_credentials", "client_id": CLIENT_ID, "scope": "https://graph.microsoft.com/.default",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion": a})
        t.is_((r.status, r.json()["error"]), (401, "invalid_client"), what + ": 401 invalid_client")

    # refresh rotation, Entra mode (default): the old refresh token stays valid
    j = e.user_tokens("adele@contoso.example")
    rt1 = j["refresh_token"]
    r = e.token("organizations", {"grant_type": "refresh_token", "refresh_token": rt1})
    rt2 = r.json().get("refresh_token")
    t.ok(r.status == 200 and rt2 and rt2 != rt1, "refresh: a new refresh token")
    t.is_(e.token("organizations", {"grant_type": "refresh_token", "refresh_token": rt1}).status, 200,
          "Entra mode (default): the old refresh token still works")
    r = e.token(CONTOSO, {"grant_type": "refresh_token", "refresh_token": rt2, "scope": "https://graph.microsoft.com/Mail.Read"})
    t.is_(r.status, 200, "refresh at the tenant GUID with a subset scope")
    r = e.token(CONTOSO, {"grant_type": "refresh_token", "refresh_token": rt2, "scope": "https://graph.microsoft.com/Mail.Send"})
    t.is_(r.json().get("error_codes"), [65001], "refresh asking for more than was granted: AADSTS65001")
    e.ctl("config", {"refresh_rotation": "strict"})
    r = e.token("organizations", {"grant_type": "refresh_token", "refresh_token": rt2})
    rt3 = r.json().get("refresh_token")
    t.is_(r.status, 200, "strict mode: the refresh works once")
    r = e.token("organizations", {"grant_type": "refresh_token", "refresh_token": rt2})
    t.is_((r.status, r.json()["error"]), (400, "invalid_grant"), "strict mode: the old refresh token is refused")
    r = e.token("organizations", {"grant_type": "refresh_token", "refresh_token": rt3})
    t.is_(r.status, 200, "and the new one works")
    rt3 = r.json()["refresh_token"]
    e.ctl("config", {"refresh_rotation": "entra"})

    # injected token errors
    e.ctl("config", {"token_faults": [{"aadsts": 700082, "grant_type": "refresh_token", "count": 1}]})
    r = e.token("organizations", {"grant_type": "refresh_token", "refresh_token": rt3})
    t.is_((r.status, r.json()["error"], r.json()["error_codes"]), (400, "invalid_grant", [700082]),
          "an injected AADSTS700082 on the next refresh")
    t.is_(e.token("organizations", {"grant_type": "refresh_token", "refresh_token": rt3}).status, 200,
          "only once (count 1)")
    n = e.ctl("revoke", {"user": "adele@contoso.example"})["revoked_refresh_tokens"]
    r = e.token("organizations", {"grant_type": "refresh_token", "refresh_token": rt3})
    t.ok(n >= 1 and r.json().get("error_codes") == [50173], "revoked refresh tokens: AADSTS50173")
finally:
    e.stop()
t.done()
