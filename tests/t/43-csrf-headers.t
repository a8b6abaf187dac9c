#!/usr/bin/python3
# 43-csrf-headers: every POST needs its CSRF token and a same-site origin;
# every response, errors included, carries the security headers.
import os, sys
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

t = Tap()
b = Browser(source_ip=source_ip(43))
addr, code = new_account(b, "csrf")
csrf = csrf_of(b.get("/app"))

r = b.post("/signout", {})
t.is_(r.status, 403, "POST without a token: 403")
t.like(r.text, "expired or was not sent from this site", "with a page that says so")
t.is_(b.get("/app").status, 200, "and nothing happened")
r = b.post("/signout", {"csrf": "A" * 43})
t.is_(r.status, 403, "a forged token: 403")
r = b.post("/signout", {"csrf": csrf}, headers={"Origin": "https://evil.example"})
t.is_(r.status, 403, "a cross-site Origin: 403")
r = b.post("/signout", {"csrf": csrf}, headers={"Sec-Fetch-Site": "cross-site"})
t.is_(r.status, 403, "Sec-Fetch-Site cross-site: 403")
other = Browser(source_ip=source_ip(43, 1))
other.get("/")
r = other.post("/signup", {"email": "x@example.com", "agree": "1", "csrf": csrf})
t.is_(r.status, 403, "a token from another browser: 403")
r = b.post("/signout", {"csrf": csrf}, headers={"Origin": b.base})
t.is_(r.status, 200, "same origin with the token works")
r = Browser(source_ip=source_ip(43, 2)).post("/signup", {"email": "x@example.com", "agree": "1"})
t.is_(r.status, 403, "a POST with no cookie at all: 403")

# Headers everywhere: pages, errors, static files, nginx's own answers.
b = Browser(source_ip=source_ip(43, 3))
cases = [("GET", "/", None), ("GET", "/signin", None), ("GET", "/app", None),
         ("GET", "/nowhere", None), ("POST", "/app", {}), ("GET", "/signup", None),
         ("POST", "/signout", {}), ("GET", "/static/style.css", None),
         ("GET", "/static/app.js", None), ("GET", "/healthz", None),
         ("GET", "/static/unavailable.html", None)]
for m, p, d in cases:
    r = b.request(m, p, data=d)
    security_headers_ok(t, r, "%s %s (%d)" % (m, p, r.status))
r = b.get("/nowhere")
t.is_(r.status, 404, "an unknown path: 404")
t.like(r.text, "There is no page at this address", "in words")
# A path that tries to write markup (nginx hands the portal the decoded
# path): nothing of it comes back, so no meta refresh to elsewhere.
r = b.get('/%22%3E%3Cmeta%20http-equiv=%22refresh%22%20content=%220;url=https://evil.example/%22%3E?x=%22%3E%3Cb%3E')
t.is_(r.status, 404, "a path with markup in it: 404")
t.unlike(r.text, "evil.example|<meta http-equiv|<b>", "and none of it is written back")
t.like(r.text, 'href="/\?lang=ja"', "the language switch leads to the start page")
r = b.post("/app", {})
t.is_(r.status, 405, "POST on a GET page: 405")
t.like(r.header("Allow") or "", "GET", "with Allow")
r = b.get("/signup")
t.is_(r.status, 405, "GET on a POST page: 405")
r = b.request("PUT", "/", raw_body=b"x")
t.is_(r.status, 405, "PUT: 405")
security_headers_ok(t, r, "PUT /")
t.ok(b.get("/").header("Strict-Transport-Security") is None, "no HSTS over plain http")
t.ok(b.get("/").header("Access-Control-Allow-Origin") is None, "no CORS headers")
r = b.get("/healthz")
t.is_((r.status, r.text), (200, "ok\n"), "/healthz answers ok")
t.is_(r.header("Content-Type"), "text/plain; charset=utf-8", "as plain text")
t.unlike(r.header("Server") or "", r"[0-9]", "nginx does not tell its version")
t.done()
