"""idp: the Microsoft identity platform v2 endpoints (MICROSOFT.md §1, §7).

authorize (sign-in page, consent page, code + PKCE), adminconsent (v2 and
v1), token (authorization_code, refresh_token, client_credentials; client
secret, HTTP Basic or a certificate assertion), OIDC discovery and JWKS.
Tokens are RS256 JWTs signed with the emulator's key.
"""
import base64
import hashlib
import hmac
import html
import json
import os
import re
import secrets
import threading
import time
import urllib.parse
import uuid

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

import store as st
from web import Response

GRAPH = "https://graph.microsoft.com"
GRAPH_APPID = "00000003-0000-0000-c000-000000000000"
OIDC = ["openid", "profile", "email", "offline_access"]
DELEGATED = {s.lower(): s for s in [
    "User.Read", "User.ReadBasic.All", "User.Read.All", "Mail.Read", "Mail.ReadBasic",
    "Mail.ReadWrite", "Mail.Send", "Mail.Read.Shared", "MailboxSettings.Read", "Calendars.Read",
    "Contacts.Read", "Files.Read", "Directory.Read.All", "People.Read"]}
PERM_TEXT = {
    "openid": ("Sign you in", "Allows you to sign in to the app with your work or school account."),
    "profile": ("View your basic profile", "Allows the app to see your basic profile (name, picture, user name)."),
    "email": ("View your email address", "Allows the app to read your primary email address."),
    "offline_access": ("Maintain access to data you have given it access to",
                       "Allows the app to see and update the data you gave it access to, even when you are not using the app."),
    "User.Read": ("Sign you in and read your profile", "Allows you to sign in to the app and the app to read your profile."),
    "Mail.Read": ("Read your mail", "Allows the app to read email in your mailbox."),
    "User.Read.All": ("Read all users' full profiles", "Allows the app to read the full set of profile properties of all users in your organization."),
}
ROLE_TEXT = {
    "Mail.Read": ("Read mail in all mailboxes", "Allows the app to read mail in all mailboxes without a signed-in user."),
    "User.Read.All": ("Read all users' full profiles", "Allows the app to read user profiles without a signed-in user."),
}
AADSTS = {
    # code: (error, http status, text)
    50011: ("invalid_request", 400, "The redirect URI '{0}' specified in the request does not match the redirect URIs configured for the application '{1}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this."),
    50020: ("invalid_request", 400, "User account '{0}' from identity provider 'https://sts.windows.net/{1}/' does not exist in tenant '{2}' and cannot access the application '{3}' in that tenant."),
    50034: ("invalid_request", 400, "The user account {0} does not exist in the {1} directory. To sign into this application, the account must be added to the directory."),
    50057: ("invalid_request", 400, "The user account is disabled."),
    50126: ("invalid_request", 400, "Error validating credentials due to invalid username or password."),
    50058: ("login_required", 400, "A silent sign-in request was sent but no user is signed in."),
    54005: ("invalid_grant", 400, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token."),
    65001: ("invalid_grant", 400, "The user or administrator has not consented to use the application with ID '{0}' named '{1}'. Send an interactive authorization request for this user and resource."),
    65004: ("access_denied", 400, "User declined to consent to access the app."),
    70000: ("invalid_grant", 400, "The request was denied because one or more scopes requested are unauthorized or expired. The user must first sign in and grant the client application access to the requested scope."),
    70002: ("invalid_client", 401, "The client does not exist or is not enabled for consumers."),
    70003: ("unsupported_grant_type", 400, "The app requested an unsupported grant type '{0}'."),
    70008: ("invalid_grant", 400, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource."),
    70011: ("invalid_scope", 400, "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope {0} is not valid."),
    90002: ("invalid_request", 400, "Tenant '{0}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."),
    90094: ("consent_required", 400, "Admin consent is required for the permissions requested by this application. An admin consent request may be sent to the admin."),
    700005: ("invalid_grant", 400, "Provided Authorization Code is intended to use against other tenant, thus rejected."),
    700016: ("unauthorized_client", 400, "Application with identifier '{0}' was not found in the directory '{1}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."),
    700021: ("invalid_client", 401, "Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://docs.microsoft.com/en-us/azure/active-directory/develop/active-directory-certificate-credentials ."),
    700023: ("invalid_client", 401, "Client assertion audience claim does not match Realm issuer. Review the documentation at https://docs.microsoft.com/en-us/azure/active-directory/develop/active-directory-certificate-credentials ."),
    700024: ("invalid_client", 401, "Client assertion is not within its valid time range."),
    700027: ("invalid_client", 401, "Client assertion failed signature validation."),
    700082: ("invalid_grant", 400, "The refresh token has expired due to inactivity. The token was issued on {0} and was inactive for 90.00:00:00."),
    50173: ("invalid_grant", 400, "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '{0}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{1}'."),
    501481: ("invalid_grant", 400, "The Code_Verifier does not match the code_challenge supplied in the authorization request."),
    501491: ("invalid_request", 400, "Invalid size of Code_Challenge parameter."),
    7000215: ("invalid_client", 401, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{0}'."),
    7000218: ("invalid_client", 401, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),
    7000222: ("invalid_client", 401, "The provided client secret keys for app '{0}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds."),
    900023: ("invalid_request", 400, "Specified tenant identifier '{0}' is neither a valid DNS name, nor a valid external domain."),
    900144: ("invalid_request", 400, "The request body must contain the following parameter: '{0}'."),
    900561: ("invalid_request", 400, "The endpoint only accepts POST requests. Received a GET request."),
    9001023: ("invalid_request", 400, "The grant type isn't supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint."),
    9002313: ("invalid_grant", 400, "Invalid request. Request is malformed or invalid."),
    1002012: ("invalid_scope", 400, "The provided value for scope {0} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."),
    500011: ("invalid_resource", 400, "The resource principal named {0} was not found in the tenant named {1}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant."),
}
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
FLOW_TTL = 3600.0


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode("ascii")


def b64u_dec(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def esc(s):
    return html.escape(str(s), quote=True)


def stamp(t):
    return time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime(t))


class Idp:
    def __init__(self, app):
        self.app = app
        a = app.args
        self.client_id = a.client_id
        with open(a.client_secret_file, encoding="utf-8") as f:
            self.secret = f.read().strip()
        self.redirects = list(a.redirect_uri)
        self.app_name = a.app_name
        self.app_delegated = ["User.Read", "Mail.Read"]
        self.app_roles = ["Mail.Read", "User.Read.All"]
        self.cert = None
        if a.client_cert_pem:
            with open(a.client_cert_pem, "rb") as f:
                self.cert = x509.load_pem_x509_certificate(f.read())
            der = self.cert.public_bytes(serialization.Encoding.DER)
            self.x5t = b64u(hashlib.sha1(der).digest())
            self.x5t256 = b64u(hashlib.sha256(der).digest())
        self.lock = threading.RLock()
        self.flows = {}
        self.codes = {}
        self.refresh = {}
        self.admin_grants = {}      # tid -> {"roles": [...], "scopes": [...], "by": oid, "time": t}
        self.user_grants = {}       # "tid|oid" -> [scopes]
        self.key = None
        self.token_cache = {}
        self.load()
        if self.key is None:
            self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            self.save()
        pub = self.key.public_key().public_numbers()
        self.kid = b64u(hashlib.sha256(str(pub.n).encode()).digest()[:20])
        self.pub = self.key.public_key()
        self.jwk = {"kty": "RSA", "use": "sig", "kid": self.kid, "x5t": self.kid,
                    "n": b64u(pub.n.to_bytes((pub.n.bit_length() + 7) // 8, "big")),
                    "e": b64u(pub.e.to_bytes(3, "big")), "alg": "RS256"}

    # --- persistence (optional --state) ---------------------------------
    def load(self):
        p = self.app.args.state
        if not p or not os.path.exists(p):
            return
        with open(p, encoding="utf-8") as f:
            d = json.load(f)
        self.key = serialization.load_pem_private_key(d["key"].encode(), None)
        self.admin_grants = d.get("admin_grants", {})
        self.user_grants = d.get("user_grants", {})
        self.refresh = d.get("refresh", {})

    def save(self):
        p = self.app.args.state
        if not p or self.key is None:
            return
        with self.lock:
            d = {"key": self.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()).decode(),
                 "admin_grants": self.admin_grants, "user_grants": self.user_grants,
                 "refresh": self.refresh}
            tmp = p + ".tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(d, f)
            os.replace(tmp, p)

    # --- JWT ---------------------------------------------------------------
    def sign(self, claims, typ="JWT"):
        hdr = {"typ": typ, "alg": "RS256", "x5t": self.kid, "kid": self.kid}
        si = b64u(json.dumps(hdr, separators=(",", ":")).encode()) + "." + \
            b64u(json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode())
        sig = self.key.sign(si.encode(), padding.PKCS1v15(), hashes.SHA256())
        return si + "." + b64u(sig)

    def verify(self, tok):
        """Claims of one of our access tokens, or None (bad shape or signature)."""
        c = self.token_cache.get(tok)
        if c is not None:
            return c
        parts = tok.split(".")
        if len(parts) != 3:
            return None
        try:
            self.pub.verify(b64u_dec(parts[2]), (parts[0] + "." + parts[1]).encode(),
                            padding.PKCS1v15(), hashes.SHA256())
            c = json.loads(b64u_dec(parts[1]))
        except (InvalidSignature, ValueError, TypeError):
            return None
        if len(self.token_cache) > 20000:
            self.token_cache.clear()
        self.token_cache[tok] = c
        return c

    def lifetime(self):
        v = str(self.app.config["token_lifetime"])
        if "-" in v:
            lo, hi = (int(float(x)) for x in v.split("-", 1))
            return self.app.rng.randint(lo, max(lo, hi))
        return int(float(v))

    # --- pages ---------------------------------------------------------------
    def page(self, title, inner, status=200):
        body = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<title>%s</title><style>body{font-family:Segoe UI,Arial,sans-serif;background:#f2f2f2}"
                ".box{background:#fff;max-width:440px;margin:60px auto;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}"
                "input[type=text],input[type=email],input[type=password]{width:100%%;padding:6px;margin:8px 0;box-sizing:border-box}"
                "button{padding:6px 20px;margin:12px 8px 0 0}.err{color:#e81123}.perm{margin:6px 0}.small{font-size:12px;color:#666}"
                "</style></head><body><div class=\"box\"><div class=\"small\">Microsoft (emulated)</div>%s</div></body></html>\n"
                % (esc(title), inner))
        return Response(status, [("Content-Type", "text/html; charset=utf-8"),
                                 ("Cache-Control", "no-store, no-cache"),
                                 ("X-Frame-Options", "DENY")], body.encode("utf-8"))

    def error_page(self, code, *args, status=400):
        err, _st, text = AADSTS[code]
        trace = str(uuid.uuid4())
        return self.page("Sign in to your account",
                         "<h1>Sorry, but we're having trouble signing you in.</h1>"
                         "<p class=\"err\">AADSTS%d: %s</p><p class=\"small\">Request Id: %s<br>"
                         "Correlation Id: %s<br>Timestamp: %s</p>"
                         % (code, esc(text.format(*args)), trace, uuid.uuid4(), stamp(time.time())),
                         status=status)

    def redirect(self, uri, params, mode="query"):
        if mode == "form_post":
            fields = "".join('<input type="hidden" name="%s" value="%s">' % (esc(k), esc(v))
                             for k, v in params)
            body = ("<html><head><title>Working...</title></head><body onload=\"document.forms[0].submit()\">"
                    "<form method=\"POST\" name=\"hiddenform\" action=\"%s\">%s<noscript><p>Script is disabled. "
                    "Click Submit to continue.</p><input type=\"submit\" value=\"Submit\"></noscript></form></body></html>"
                    % (esc(uri), fields))
            return Response(200, [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store, no-cache")],
                            body.encode())
        q = urllib.parse.urlencode(params, quote_via=urllib.parse.quote)
        sep = "#" if mode == "fragment" else ("&" if "?" in uri else "?")
        return Response(302, [("Location", uri + sep + q), ("Cache-Control", "no-store, no-cache")])

    def err_params(self, code, *args, state=None, extra=()):
        err, _s, text = AADSTS[code]
        desc = "AADSTS%d: %s\r\nTrace ID: %s\r\nCorrelation ID: %s\r\nTimestamp: %s" % (
            code, text.format(*args), uuid.uuid4(), uuid.uuid4(), stamp(time.time()))
        p = list(extra) + [("error", err), ("error_description", desc)]
        if state is not None:
            p.append(("state", state))
        return p

    # --- routing -------------------------------------------------------------
    def handle(self, req):
        parts = req.path.strip("/").split("/")
        seg = parts[0] if parts else ""
        rest = "/".join(parts[1:])
        if rest == "oauth2/v2.0/authorize":
            req.kind = "authorize"
            return self.authorize(req, seg)
        if rest in ("v2.0/adminconsent", "adminconsent"):
            req.kind = "adminconsent"
            return self.adminconsent(req, seg, v1=(rest == "adminconsent"))
        if rest == "login" and req.method == "POST":
            req.kind = "login"
            return self.login(req, seg)
        if rest == "Consent/Set" and req.method == "POST":
            req.kind = "consent"
            return self.consent(req, seg)
        if rest == "oauth2/v2.0/token":
            req.kind = "token"
            return self.token(req, seg)
        if rest in ("v2.0/.well-known/openid-configuration", ".well-known/openid-configuration"):
            req.kind = "discovery"
            return self.discovery(req, seg)
        if rest in ("discovery/v2.0/keys", "discovery/keys"):
            req.kind = "jwks"
            return self.app.json(200, {"keys": [self.jwk]})
        if rest == "oauth2/v2.0/logout":
            req.kind = "logout"
            return self.page("Sign out", "<h1>You signed out of your account</h1>")
        req.kind = "unknown"
        return self.app.json(404, {"error": "not_found", "error_description": "No such endpoint: " + req.path})

    def tenant_of(self, seg):
        s = seg.lower()
        if s in ("common", "organizations", "consumers"):
            return s, None
        t = self.app.store.tenant(s)
        return (None, t) if t else (False, None)

    def discovery(self, req, seg):
        kind, t = self.tenant_of(seg)
        if kind is False:
            return self.token_error(90002, seg)
        base = self.app.base
        tid = t.id if t else "{tenantid}"
        return self.app.json(200, {
            "token_endpoint": "%s/%s/oauth2/v2.0/token" % (base, seg),
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "jwks_uri": "%s/%s/discovery/v2.0/keys" % (base, seg),
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "issuer": "%s/%s/v2.0" % (base, tid),
            "request_uri_parameter_supported": False,
            "userinfo_endpoint": "https://graph.microsoft.com/oidc/userinfo",
            "authorization_endpoint": "%s/%s/oauth2/v2.0/authorize" % (base, seg),
            "device_authorization_endpoint": "%s/%s/oauth2/v2.0/devicecode" % (base, seg),
            "http_logout_supported": True, "frontchannel_logout_supported": True,
            "end_session_endpoint": "%s/%s/oauth2/v2.0/logout" % (base, seg),
            "claims_supported": ["sub", "iss", "cloud_instance_name", "aud", "exp", "iat", "auth_time",
                                 "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash",
                                 "c_hash", "email"],
            "kerberos_endpoint": "%s/%s/kerberos" % (base, seg),
            "tenant_region_scope": "AS", "cloud_instance_name": "microsoftonline.com",
            "cloud_graph_host_name": "graph.windows.net", "msgraph_host": "graph.microsoft.com",
            "rbac_url": "https://pas.windows.net",
        })

    # --- scopes --------------------------------------------------------------
    def parse_scopes(self, raw):
        """(oidc list, graph short names list, default?) or raises KeyError(bad)."""
        oidc, graph, default = [], [], False
        for s in (raw or "").split():
            ls = s.lower()
            if ls in OIDC:
                if ls not in oidc:
                    oidc.append(ls)
                continue
            name = None
            for pre in (GRAPH + "/", GRAPH_APPID + "/", "https://graph.microsoft.com//"):
                if ls.startswith(pre.lower()):
                    name = s[len(pre):]
                    break
            if name is None:
                if "://" in s or "/" in s:
                    raise KeyError(s)
                name = s
            if name.lower() == ".default":
                default = True
                continue
            canon = DELEGATED.get(name.lower())
            if canon is None:
                raise KeyError(s)
            if canon not in graph:
                graph.append(canon)
        if default:
            for s in self.app_delegated:
                if s not in graph:
                    graph.append(s)
        return oidc, graph, default

    # --- authorize -----------------------------------------------------------
    def params(self, req):
        d = dict(req.params)
        if req.method == "POST":
            for k, v in req.form().items():
                d.setdefault(k, v)
        return d

    def authorize(self, req, seg):
        p = self.params(req)
        kind, t = self.tenant_of(seg)
        if kind is False:
            return self.error_page(90002, seg)
        if p.get("client_id") != self.client_id:
            return self.error_page(700016, p.get("client_id", ""), seg)
        ru = p.get("redirect_uri", "")
        if ru not in self.redirects:
            return self.error_page(50011, ru, self.client_id)
        state = p.get("state")
        mode = p.get("response_mode", "query")
        if mode not in ("query", "fragment", "form_post"):
            mode = "query"
        rt = p.get("response_type", "")
        if "code" not in rt.split():
            return self.redirect(ru, [("error", "unsupported_response_type"),
                                      ("error_description", "AADSTS700054: response_type '%s' is not enabled for the application." % rt)]
                                 + ([("state", state)] if state is not None else []), mode)
        if "scope" not in p:
            return self.redirect(ru, self.err_params(900144, "scope", state=state), mode)
        try:
            oidc, graph, _d = self.parse_scopes(p["scope"])
        except KeyError as e:
            return self.redirect(ru, self.err_params(70011, e.args[0], state=state), mode)
        ch = p.get("code_challenge")
        meth = p.get("code_challenge_method", "plain" if ch else None)
        if ch is not None:
            if meth not in ("S256", "plain"):
                return self.redirect(ru, [("error", "invalid_request"),
                                          ("error_description", "AADSTS501478: Unsupported code_challenge_method.")]
                                     + ([("state", state)] if state is not None else []), mode)
            if not (43 <= len(ch) <= 128):
                return self.redirect(ru, self.err_params(501491, state=state), mode)
        if kind == "consumers":
            return self.error_page(50020, "(personal account)", "9188040d-6c67-4c5b-b112-36a304b66dad", seg, self.client_id)
        if p.get("prompt") == "none":
            return self.redirect(ru, self.err_params(50058, state=state), mode)
        fid = secrets.token_urlsafe(24)
        with self.lock:
            self.gc()
            self.flows[fid] = {"kind": "authorize", "seg": seg, "tenant": t.id if t else None,
                               "redirect_uri": ru, "state": state, "mode": mode, "oidc": oidc,
                               "graph": graph, "scope_raw": p["scope"], "challenge": ch,
                               "method": meth, "nonce": p.get("nonce"), "user": None,
                               "created": self.app.now()}
        return self.signin_page(fid, seg, p.get("login_hint", ""))

    def adminconsent(self, req, seg, v1):
        p = self.params(req)
        kind, t = self.tenant_of(seg)
        if kind is False:
            return self.error_page(90002, seg)
        if p.get("client_id") != self.client_id:
            return self.error_page(700016, p.get("client_id", ""), seg)
        ru = p.get("redirect_uri", "")
        if ru not in self.redirects:
            return self.error_page(50011, ru, self.client_id)
        state = p.get("state")
        if kind == "consumers":
            return self.error_page(50020, "(personal account)", "9188040d-6c67-4c5b-b112-36a304b66dad", seg, self.client_id)
        roles, graph = list(self.app_roles), list(self.app_delegated)
        if not v1:
            if "scope" not in p:
                return self.redirect(ru, self.err_params(900144, "scope", state=state,
                                                         extra=[("admin_consent", "True")]))
            try:
                _o, graph, default = self.parse_scopes(p["scope"])
            except KeyError as e:
                return self.redirect(ru, self.err_params(70011, e.args[0], state=state,
                                                         extra=[("admin_consent", "True")]))
            if not default:
                roles = []
        fid = secrets.token_urlsafe(24)
        with self.lock:
            self.gc()
            self.flows[fid] = {"kind": "adminconsent", "v1": v1, "seg": seg,
                               "tenant": t.id if t else None, "redirect_uri": ru, "state": state,
                               "mode": "query", "roles": roles, "graph": graph,
                               "scope_raw": p.get("scope"), "user": None, "created": self.app.now()}
        return self.signin_page(fid, seg, p.get("login_hint", ""))

    def gc(self):
        now = self.app.now()
        for k in [k for k, f in self.flows.items() if now - f["created"] > FLOW_TTL]:
            del self.flows[k]
        for k in [k for k, c in self.codes.items() if now - c["issued"] > 3600]:
            del self.codes[k]

    def signin_page(self, fid, seg, hint="", error=None):
        err = '<p class="err" id="usernameError">%s</p>' % esc(error) if error else ""
        return self.page("Sign in to your account",
                         "<h1>Sign in</h1>%s"
                         "<form method=\"post\" action=\"/%s/login\" id=\"credentials\">"
                         "<input type=\"hidden\" name=\"flow\" value=\"%s\">"
                         "<label>Email, phone, or Skype<input type=\"email\" name=\"login\" value=\"%s\" autocomplete=\"username\"></label>"
                         "<label>Password<input type=\"password\" name=\"passwd\" autocomplete=\"current-password\"></label>"
                         "<button type=\"submit\" id=\"idSIButton9\">Sign in</button></form>"
                         "<p class=\"small\">Demo accounts: see tests/fakes/msemu/README.md.</p>"
                         % (err, esc(urllib.parse.quote(seg)), esc(fid), esc(hint)))

    def flow(self, fid):
        with self.lock:
            f = self.flows.get(fid or "")
            if f and self.app.now() - f["created"] > FLOW_TTL:
                del self.flows[fid]
                return None
            return f

    def login(self, req, seg):
        d = req.form()
        fid = d.get("flow")
        f = self.flow(fid)
        if f is None:
            return self.error_page(90002, "(session expired: start again from the application)")
        login = (d.get("login") or "").strip()
        u = self.app.store.user(login) if login else None
        if u is None:
            return self.signin_page(fid, seg, login, "This username may be incorrect. Make sure you typed it "
                                    "correctly. (AADSTS50034: The user account %s does not exist.)" % login)
        if not hmac.compare_digest((d.get("passwd") or "").encode(), u.password.encode()):
            return self.signin_page(fid, seg, login, "Your account or password is incorrect. (AADSTS50126)")
        if not u.accountEnabled:
            return self.error_page(50057)
        if f["tenant"] and f["tenant"] != u.tenant.id:
            t = self.app.store.tenant(f["tenant"])
            return self.error_page(50020, u.upn, u.tenant.id, t.displayName if t else f["seg"], self.app_name)
        f["user"] = u.upn
        if f["kind"] == "adminconsent" and not u.is_global_admin:
            with self.lock:
                self.flows.pop(fid, None)
            extra = [] if f["v1"] else [("admin_consent", "True")]
            if f["v1"]:
                return self.redirect(f["redirect_uri"], [
                    ("error", "permission_denied"),
                    ("error_description", "AADSTS90094: The grant requires admin permission.")]
                    + ([("state", f["state"])] if f["state"] is not None else []))
            return self.redirect(f["redirect_uri"], self.err_params(90094, state=f["state"], extra=extra))
        if f["kind"] == "authorize" and not self.app.config.get("always_consent", True):
            granted = set(self.user_grants.get(u.tenant.id + "|" + u.id, []))
            ag = self.admin_grants.get(u.tenant.id)
            if ag:
                granted |= set(ag.get("scopes", []))
            if set(f["graph"]) <= granted:
                return self.finish_authorize(fid, f, u)
        return self.consent_page(fid, seg, f, u)

    def consent_page(self, fid, seg, f, u):
        items = []
        if f["kind"] == "adminconsent":
            for r in f["roles"]:
                tt = ROLE_TEXT.get(r, (r, ""))
                items.append((tt[0], tt[1], r + " (Application)"))
            for s in ["openid", "profile"] + f["graph"]:
                tt = PERM_TEXT.get(s, (s, ""))
                items.append((tt[0], tt[1], s))
            head = ("<h1>Permissions requested</h1><p><b>%s</b><br>unverified</p><p>This app would like to:</p>"
                    % esc(self.app_name))
            foot = ("<p class=\"small\">If you accept, this app will get access to the specified resources for all "
                    "users in your organization (%s). No one else will be prompted to review these permissions.</p>"
                    % esc(u.tenant.displayName))
        else:
            for s in f["oidc"] + f["graph"]:
                tt = PERM_TEXT.get(s, (s, ""))
                items.append((tt[0], tt[1], s))
            if not f["graph"]:
                tt = PERM_TEXT["User.Read"]
                items.append((tt[0], tt[1], "User.Read"))
            head = ("<h1>Permissions requested</h1><p><b>%s</b><br>unverified</p><p>%s</p><p>This app would like to:</p>"
                    % (esc(self.app_name), esc(u.upn)))
            foot = ("<p class=\"small\">Accepting these permissions means that you allow this app to use your data "
                    "as specified in their terms of service and privacy statement. You can change these permissions "
                    "at https://myapps.microsoft.com.</p>")
        lis = "".join('<li class="perm" title="%s"><b>%s</b><br><span class="small">%s</span></li>'
                      % (esc(code), esc(a), esc(b)) for a, b, code in items)
        return self.page("Permissions requested",
                         "%s<ul>%s</ul>%s<form method=\"post\" action=\"/%s/Consent/Set\">"
                         "<input type=\"hidden\" name=\"flow\" value=\"%s\">"
                         "<button type=\"submit\" name=\"consent\" value=\"cancel\">Cancel</button>"
                         "<button type=\"submit\" name=\"consent\" value=\"accept\">Accept</button></form>"
                         % (head, lis, foot, esc(urllib.parse.quote(seg)), esc(fid)))

    def consent(self, req, seg):
        d = req.form()
        fid = d.get("flow")
        with self.lock:
            f = self.flow(fid)
            if f is None or not f.get("user"):
                return self.error_page(90002, "(session expired: start again from the application)")
            self.flows.pop(fid, None)
        u = self.app.store.user(f["user"])
        accept = d.get("consent") == "accept"
        if f["kind"] == "adminconsent":
            if not accept:
                if f["v1"]:
                    return self.redirect(f["redirect_uri"], [("error", "permission_denied"),
                                                             ("error_description", "The admin canceled the request")]
                                         + ([("state", f["state"])] if f["state"] is not None else []))
                return self.redirect(f["redirect_uri"], [("admin_consent", "True"), ("error", "consent_required"),
                                                         ("error_description", self.desc(65004, alt="The resource owner or authorization server denied the request."))]
                                     + ([("state", f["state"])] if f["state"] is not None else []))
            with self.lock:
                g = self.admin_grants.setdefault(u.tenant.id, {"roles": [], "scopes": []})
                for r in f["roles"]:
                    if r not in g["roles"]:
                        g["roles"].append(r)
                for s in f["graph"]:
                    if s not in g["scopes"]:
                        g["scopes"].append(s)
                g["by"] = u.id
                g["time"] = self.app.now()
            self.save()
            if f["v1"]:
                p = [("tenant", u.tenant.id)]
                if f["state"] is not None:
                    p.append(("state", f["state"]))
                p.append(("admin_consent", "True"))
            else:
                p = [("admin_consent", "True"), ("tenant", u.tenant.id), ("scope", f["scope_raw"])]
                if f["state"] is not None:
                    p.append(("state", f["state"]))
            return self.redirect(f["redirect_uri"], p)
        if not accept:
            p = [("error", "access_denied"), ("error_subcode", "cancel"),
                 ("error_description", self.desc(65004))]
            if f["state"] is not None:
                p.append(("state", f["state"]))
            return self.redirect(f["redirect_uri"], p, f["mode"])
        with self.lock:
            k = u.tenant.id + "|" + u.id
            cur = self.user_grants.setdefault(k, [])
            for s in f["graph"]:
                if s not in cur:
                    cur.append(s)
        self.save()
        return self.finish_authorize(fid, f, u)

    def desc(self, code, *args, alt=None):
        text = alt or AADSTS[code][2].format(*args)
        return "AADSTS%d: %s\r\nTrace ID: %s\r\nCorrelation ID: %s\r\nTimestamp: %s" % (
            code, text, uuid.uuid4(), uuid.uuid4(), stamp(time.time()))

    def finish_authorize(self, fid, f, u):
        code = "1.A" + secrets.token_urlsafe(96)
        with self.lock:
            self.flows.pop(fid, None)
            self.codes[code] = {"client": self.client_id, "redirect_uri": f["redirect_uri"],
                                "oidc": f["oidc"], "graph": f["graph"], "user": u.upn,
                                "tid": u.tenant.id, "seg": f["seg"], "challenge": f["challenge"],
                                "method": f["method"], "nonce": f["nonce"], "issued": self.app.now(),
                                "used": False}
        p = [("code", code)]
        if f["state"] is not None:
            p.append(("state", f["state"]))
        p.append(("session_state", str(uuid.uuid5(uuid.NAMESPACE_URL, "session:" + u.id))))
        return self.redirect(f["redirect_uri"], p, f["mode"])

    # --- token -----------------------------------------------------------------
    def token_error(self, code, *args, status=None, grant=None):
        err, st_, text = AADSTS[code]
        trace, corr, now = str(uuid.uuid4()), str(uuid.uuid4()), time.time()
        body = {"error": err,
                "error_description": "AADSTS%d: %s Trace ID: %s Correlation ID: %s Timestamp: %s" % (
                    code, text.format(*args), trace, corr, stamp(now)),
                "error_codes": [code], "timestamp": stamp(now), "trace_id": trace,
                "correlation_id": corr, "error_uri": "%s/error?code=%d" % (self.app.base, code)}
        if code in (70008, 700082, 50173):
            body["suberror"] = "bad_token"
        if code == 65001:
            body["suberror"] = "consent_required"
        self.app.token_requests["%s:%s" % (grant or "?", err)] += 1
        return self.app.json(status or st_, body, [("Cache-Control", "no-store, no-cache"), ("Pragma", "no-cache"),
                                                   ("x-ms-request-id", trace)])

    def token_unavailable(self, status, grant, retry_after=None):
        """An outage of the token endpoint: 503 (and 429) answer
        temporarily_unavailable in JSON, other statuses an HTML error page
        as a front end would."""
        self.app.token_requests["%s:%d" % (grant or "?", status)] += 1
        hdrs = [("Cache-Control", "no-store, no-cache")]
        if retry_after is not None:
            hdrs.append(("Retry-After", str(retry_after)))
        if status in (429, 503):
            trace, now = str(uuid.uuid4()), time.time()
            body = {"error": "temporarily_unavailable",
                    "error_description": "The service is temporarily unavailable. Trace ID: %s "
                                         "Timestamp: %s" % (trace, stamp(now)),
                    "timestamp": stamp(now), "trace_id": trace}
            return self.app.json(status, body, hdrs)
        return Response(status, [("Content-Type", "text/html; charset=utf-8")] + hdrs,
                        b"<html><body><h1>Service unavailable</h1></body></html>")

    def client_auth(self, req, form, seg, tenant_ids):
        """None when the client authenticated, else an error Response."""
        cid = form.get("client_id")
        secret = form.get("client_secret")
        auth = req.headers.get("authorization", "")
        if auth.lower().startswith("basic "):
            try:
                i, _, s = base64.b64decode(auth[6:].strip()).decode().partition(":")
                i, s = urllib.parse.unquote_plus(i), urllib.parse.unquote_plus(s)
            except ValueError:
                return self.token_error(9002313)
            if cid and cid != i:
                return self.token_error(9002313)
            cid, secret = i, s
        if not cid:
            return self.token_error(900144, "client_id")
        if cid != self.client_id:
            return self.token_error(700016, cid, seg)
        form["client_id"] = cid
        if form.get("client_assertion") is not None:
            if form.get("client_assertion_type") != ASSERTION_TYPE:
                return self.token_error(900144, "client_assertion_type")
            return self.check_assertion(form["client_assertion"], seg, tenant_ids)
        if secret is not None:
            if hmac.compare_digest(secret.encode(), self.secret.encode()):
                return None
            return self.token_error(7000215, self.client_id)
        return self.token_error(7000218)

    def check_assertion(self, jwt, seg, tenant_ids):
        if self.cert is None:
            return self.token_error(700027)
        parts = jwt.split(".")
        try:
            hdr = json.loads(b64u_dec(parts[0]))
            claims = json.loads(b64u_dec(parts[1]))
            sig = b64u_dec(parts[2])
        except (ValueError, IndexError, TypeError):
            return self.token_error(700027)
        alg = hdr.get("alg")
        pub = self.cert.public_key()
        si = (parts[0] + "." + parts[1]).encode()
        try:
            if alg == "PS256" and hdr.get("x5t#S256") == self.x5t256:
                pub.verify(sig, si, padding.PSS(padding.MGF1(hashes.SHA256()), padding.PSS.AUTO), hashes.SHA256())
            elif alg == "RS256" and (hdr.get("x5t") == self.x5t or hdr.get("x5t#S256") == self.x5t256):
                pub.verify(sig, si, padding.PKCS1v15(), hashes.SHA256())
            else:
                return self.token_error(700027)
        except InvalidSignature:
            return self.token_error(700027)
        if claims.get("iss") != self.client_id or claims.get("sub") != self.client_id:
            return self.token_error(700021)
        now = self.app.now()
        exp, nbf = claims.get("exp"), claims.get("nbf", claims.get("iat", 0))
        if not isinstance(exp, (int, float)) or exp < now - 300 or (isinstance(nbf, (int, float)) and nbf > now + 300):
            return self.token_error(700024)
        auds = {"%s/%s/oauth2/v2.0/token" % (self.app.base, x) for x in tenant_ids}
        auds |= {"https://login.microsoftonline.com/%s/oauth2/v2.0/token" % x for x in tenant_ids}
        aud = claims.get("aud")
        if isinstance(aud, list):
            aud = aud[0] if aud else None
        if aud not in auds:
            return self.token_error(700023)
        return None

    def injected(self, grant):
        faults = self.app.config.get("token_faults") or []
        for f in faults:
            if f.get("grant_type") and f["grant_type"] != grant:
                continue
            if f.get("count", 1) <= 0:
                continue
            f["count"] = f.get("count", 1) - 1
            if f.get("drop"):
                # The connection closed without an answer.
                self.app.token_requests["%s:drop" % grant] += 1
                return Response(0, drop=True)
            if f.get("status"):
                # The identity platform down: 5xx, temporarily_unavailable.
                return self.token_unavailable(int(f["status"]), grant, f.get("retry_after"))
            code = int(f["aadsts"])
            args = {700016: (self.client_id, "tenant"), 70011: ("(injected)",),
                    7000215: (self.client_id,), 7000222: (self.client_id,),
                    65001: (self.client_id, self.app_name), 700082: (stamp(time.time() - 91 * 86400),),
                    50173: (stamp(time.time() - 86400), stamp(time.time()))}.get(code, ())
            return self.token_error(code, *args, grant=grant)
        return None

    def token(self, req, seg):
        if req.method != "POST":
            return self.token_error(900561)
        form = req.form()
        grant = form.get("grant_type")
        kind, t = self.tenant_of(seg)
        if kind is False:
            return self.token_error(90002, seg, grant=grant)
        tenant_ids = [seg] + ([t.id] + t.domains if t else [])
        bad = self.client_auth(req, form, seg, tenant_ids)
        if bad is not None:
            self.app.token_requests["%s:invalid_client" % grant] += 1
            return bad
        if not grant:
            return self.token_error(900144, "grant_type")
        inj = self.injected(grant)
        if inj is not None:
            return inj
        if grant == "authorization_code":
            return self.grant_code(form, seg, kind, t)
        if grant == "refresh_token":
            return self.grant_refresh(form, seg, kind, t)
        if grant == "client_credentials":
            return self.grant_app(form, seg, kind, t)
        return self.token_error(70003, grant, grant=grant)

    def issue(self, grant, u, tid, oidc, graph, nonce, rt_family=None):
        now = int(self.app.now())
        life = self.lifetime()
        scp = list(graph) if graph else ["User.Read"]
        at = self.sign({
            "aud": GRAPH_APPID, "iss": "https://sts.windows.net/%s/" % tid, "iat": now, "nbf": now,
            "exp": now + life, "acct": 0, "acr": "1", "aio": secrets.token_urlsafe(32), "amr": ["pwd"],
            "app_displayname": self.app_name, "appid": self.client_id, "appidacr": "1",
            "family_name": u.surname, "given_name": u.givenName, "idtyp": "user", "ipaddr": "127.0.0.1",
            "name": u.displayName, "oid": u.id, "platf": "3", "puid": hashlib.sha1(u.id.encode()).hexdigest()[:16].upper(),
            "rh": "0.A" + secrets.token_urlsafe(16) + ".", "scp": " ".join(scp + [s for s in oidc if s != "offline_access"]),
            "sub": b64u(hashlib.sha256(("sub|" + u.id).encode()).digest()), "tenant_region_scope": "AS",
            "tid": tid, "unique_name": u.upn, "upn": u.upn, "uti": secrets.token_urlsafe(16), "ver": "1.0",
            "wids": u.wids(), "xms_st": {"sub": b64u(hashlib.sha256(u.id.encode()).digest())},
            "xms_tcdt": 1680000000})
        body = {"token_type": "Bearer",
                "scope": " ".join(["%s/%s" % (GRAPH, s) for s in scp] + [s for s in oidc]),
                "expires_in": life, "ext_expires_in": life, "access_token": at}
        if "offline_access" in oidc:
            rt = "1.A" + secrets.token_urlsafe(180)
            with self.lock:
                self.refresh[rt] = {"client": self.client_id, "user": u.upn, "tid": tid, "oidc": oidc,
                                    "graph": graph, "issued": self.app.now(), "revoked": False,
                                    "family": rt_family or secrets.token_hex(8)}
            body["refresh_token"] = rt
        if "openid" in oidc:
            claims = {"aud": self.client_id, "iss": "%s/%s/v2.0" % (self.app.base, tid), "iat": now,
                      "nbf": now, "exp": now + 3600, "rh": "0.A" + secrets.token_urlsafe(16) + ".",
                      "sub": b64u(hashlib.sha256(("pairwise|%s|%s" % (self.client_id, u.id)).encode()).digest()),
                      "tid": tid, "uti": secrets.token_urlsafe(16), "ver": "2.0"}
            if nonce is not None:
                claims["nonce"] = nonce
            if "profile" in oidc:
                claims.update({"name": u.displayName, "oid": u.id, "preferred_username": u.upn})
            if "email" in oidc and u.mail:
                claims["email"] = u.mail
            if u.roles:
                claims["wids"] = u.wids()
            body["id_token"] = self.sign(claims)
        self.app.tokens_issued[grant] += 1
        self.app.token_requests["%s:ok" % grant] += 1
        if "refresh_token" in body:
            self.save()
        return self.app.json(200, body, [("Cache-Control", "no-store, no-cache"), ("Pragma", "no-cache"),
                                         ("x-ms-request-id", str(uuid.uuid4()))])

    def grant_code(self, form, seg, kind, t):
        g = "authorization_code"
        code = form.get("code")
        if not code:
            return self.token_error(900144, "code", grant=g)
        if not form.get("redirect_uri"):
            return self.token_error(900144, "redirect_uri", grant=g)
        with self.lock:
            c = self.codes.get(code)
            if c is None:
                return self.token_error(9002313, grant=g)
            if c["used"]:
                return self.token_error(54005, grant=g)
            if self.app.now() - c["issued"] > float(self.app.config["code_lifetime"]):
                return self.token_error(70008, grant=g)
            if c["client"] != form["client_id"]:
                return self.token_error(70002, grant=g)
            if form["redirect_uri"] != c["redirect_uri"]:
                return self.token_error(50011, form["redirect_uri"], self.client_id, grant=g)
            if t is not None and t.id != c["tid"]:
                return self.token_error(700005, grant=g)
            if kind == "consumers":
                return self.token_error(700005, grant=g)
            if c["challenge"] is not None:
                v = form.get("code_verifier")
                if not v:
                    return self.token_error(900144, "code_verifier", grant=g)
                if c["method"] == "S256":
                    calc = b64u(hashlib.sha256(v.encode("ascii", "replace")).digest())
                else:
                    calc = v
                if not hmac.compare_digest(calc.encode(), c["challenge"].encode()):
                    return self.token_error(501481, grant=g)
            if form.get("scope"):
                try:
                    _o, gs, _d = self.parse_scopes(form["scope"])
                except KeyError as e:
                    return self.token_error(70011, e.args[0], grant=g)
                if not set(gs) <= set(c["graph"]) | {"User.Read"}:
                    return self.token_error(65001, self.client_id, self.app_name, grant=g)
            c["used"] = True
        u = self.app.store.user(c["user"])
        return self.issue(g, u, c["tid"], c["oidc"], c["graph"], c["nonce"])

    def grant_refresh(self, form, seg, kind, t):
        g = "refresh_token"
        rt = form.get("refresh_token")
        if not rt:
            return self.token_error(900144, "refresh_token", grant=g)
        with self.lock:
            r = self.refresh.get(rt)
            if r is None:
                return self.token_error(9002313, grant=g)
            if r["revoked"]:
                return self.token_error(50173, stamp(r["issued"]), stamp(self.app.now()), grant=g)
            if self.app.now() - r["issued"] > 90 * 86400:
                return self.token_error(700082, stamp(r["issued"]), grant=g)
            if r["client"] != form["client_id"]:
                return self.token_error(70000, grant=g)
            if t is not None and t.id != r["tid"]:
                return self.token_error(700005, grant=g)
            graph = r["graph"]
            if form.get("scope"):
                try:
                    _o, gs, _d = self.parse_scopes(form["scope"])
                except KeyError as e:
                    return self.token_error(70011, e.args[0], grant=g)
                if not set(gs) <= set(r["graph"]) | {"User.Read"}:
                    return self.token_error(65001, self.client_id, self.app_name, grant=g)
                graph = gs or r["graph"]
            if self.app.config["refresh_rotation"] == "strict":
                r["revoked"] = True
        u = self.app.store.user(r["user"])
        return self.issue(g, u, r["tid"], r["oidc"], graph, None, rt_family=r["family"])

    def grant_app(self, form, seg, kind, t):
        g = "client_credentials"
        if kind in ("common", "consumers"):
            return self.token_error(9001023, grant=g)
        if kind == "organizations":
            return self.token_error(900023, seg, grant=g)
        sc = form.get("scope")
        if not sc:
            return self.token_error(900144, "scope", grant=g)
        scopes = sc.split()
        if len(scopes) != 1 or not scopes[0].lower().endswith("/.default"):
            return self.token_error(1002012, sc, grant=g)
        res = scopes[0][:-len("/.default")].lower().rstrip("/")
        if res not in (GRAPH, GRAPH_APPID):
            return self.token_error(500011, res, t.displayName, grant=g)
        grant = self.admin_grants.get(t.id)
        if not grant or not grant.get("roles"):
            return self.token_error(700016, self.client_id, t.displayName, grant=g)
        now = int(self.app.now())
        life = self.lifetime()
        sp = str(uuid.uuid5(uuid.NAMESPACE_URL, "sp:%s:%s" % (t.id, self.client_id)))
        at = self.sign({
            "aud": "https://graph.microsoft.com", "iss": "https://sts.windows.net/%s/" % t.id, "iat": now,
            "nbf": now, "exp": now + life, "aio": secrets.token_urlsafe(32), "app_displayname": self.app_name,
            "appid": self.client_id, "appidacr": "2" if form.get("client_assertion") else "1",
            "idp": "https://sts.windows.net/%s/" % t.id, "idtyp": "app", "oid": sp,
            "rh": "0.A" + secrets.token_urlsafe(16) + ".", "roles": list(grant["roles"]), "sub": sp,
            "tenant_region_scope": "AS", "tid": t.id, "uti": secrets.token_urlsafe(16), "ver": "1.0",
            "wids": ["0997a1d0-0d1d-4acb-b408-d5ca73121e90"], "xms_tcdt": 1680000000})
        self.app.tokens_issued[g] += 1
        self.app.token_requests["%s:ok" % g] += 1
        return self.app.json(200, {"token_type": "Bearer", "expires_in": life, "ext_expires_in": life,
                                   "access_token": at},
                             [("Cache-Control", "no-store, no-cache"), ("Pragma", "no-cache"),
                              ("x-ms-request-id", str(uuid.uuid4()))])

    def revoke(self, user, tenant):
        n = 0
        with self.lock:
            for r in self.refresh.values():
                if (user and r["user"].lower() == user.lower()) or (tenant and r["tid"] == tenant):
                    if not r["revoked"]:
                        r["revoked"] = True
                        n += 1
        self.save()
        return n
