#!/usr/bin/python3
# 44-bad-input: malformed addresses, missing fields, huge bodies, invalid
# UTF-8, NUL bytes, CR/LF: a 4xx page in the user's language, never a
# 500, and never a header in a mail.
import os, sys, socket
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

t = Tap()
b = Browser(source_ip=source_ip(44))
csrf = csrf_of(b.get("/"))

ips = iter(range(1, 200))

def post_raw(br, path, body, ctype="application/x-www-form-urlencoded"):
    # A fresh source address each time: nginx limits attempts per address.
    br.source_ip = source_ip(44, next(ips))
    return br.request("POST", path, raw_body=body,
                      headers={"Content-Type": ctype})

bad_addresses = ["", "plain", "a@b", "@example.com", "a@.com", "a..b@example.com",
                 "a@example..com", "a b@example.com", "a@exa mple.com",
                 "a@example.com\r\nBcc: victim@example.org",
                 "a@example.com\nX: y", "ä@example.com", "a@例え.jp", "x" * 65 + "@example.com",
                 "a@" + "b" * 64 + ".com", "<a@example.com>", "a@example.com,b@example.com",
                 "a@-example.com", "a@example.c"]
for a in bad_addresses:
    b.source_ip = source_ip(44, next(ips))
    r = b.post("/signup", {"email": a, "agree": "1", "csrf": csrf})
    t.ok(r.status == 400, "address %r refused with 400 (%d)" % (a, r.status))
b.source_ip = source_ip(44, next(ips))
r = b.post("/signup/confirm", {"email": "a@example.com\r\nBcc: x@example.org", "csrf": csrf})
t.is_(r.status, 400, "CR/LF on confirm: 400")
t.is_(psql1("SELECT count(*) FROM outbox WHERE recipient LIKE '%Bcc%' OR recipient LIKE '%' || chr(10) || '%'"),
      "0", "no mail was queued with a header in it")
b.source_ip = source_ip(44, next(ips))
r = b.post("/signup/confirm", {"csrf": csrf})
t.is_(r.status, 400, "confirm without an address: 400")
b.source_ip = source_ip(44, next(ips))
r = b.post("/signin", {"csrf": csrf})
t.is_(r.status, 401, "sign-in without fields: the sign-in refusal")

r = post_raw(b, "/signup", b"email=a%00b@example.com&agree=1&csrf=" + csrf.encode())
t.is_(r.status, 400, "an escaped NUL: 400")
r = post_raw(b, "/signup", b"email=a\x00b@example.com&agree=1&csrf=" + csrf.encode())
t.is_(r.status, 400, "a raw NUL: 400")
r = post_raw(b, "/signup", b"email=%ff%fe@example.com&agree=1&csrf=" + csrf.encode())
t.is_(r.status, 400, "invalid UTF-8: 400")
r = post_raw(b, "/signup", b"email=%zz&agree=1&csrf=" + csrf.encode())
t.is_(r.status, 400, "a bad escape: 400")
r = post_raw(b, "/signup", b"email=a%40example.com&email=b%40example.com&agree=1&csrf=" + csrf.encode())
t.is_(r.status, 400, "a field given twice: 400")
r = post_raw(b, "/signup", ("email=" + "a" * 300 + "%40example.com&agree=1&csrf=" + csrf).encode())
t.is_(r.status, 400, "an over-long field: 400")
r = post_raw(b, "/signup", b'{"email":"a@example.com"}', "application/json")
t.is_(r.status, 400, "a JSON body: 400")
t.like(r.text, "could not be understood", "the 400 page explains")
r = post_raw(b, "/signup", ("x=1&" * 3000 + "csrf=" + csrf).encode())
t.ok(r.status in (400, 413), "thousands of fields: 4xx (%d)" % r.status)

big = b"email=" + b"a" * (2 * 1024 * 1024)
r = post_raw(b, "/signup", big)
t.is_(r.status, 413, "a 2 MB body: 413")
t.like(r.text, "too large", "the 413 page says why")
security_headers_ok(t, r, "the 413 page")
bj = Browser(source_ip=source_ip(44, 1))
bj.get("/?lang=ja")
r = post_raw(bj, "/signup", big)
t.like(r.text, "大きすぎます", "and in Japanese for a Japanese user")

r = b.get("/signin?email=%ff%fe")
t.is_(r.status, 400, "invalid UTF-8 in the query: 400")
r = b.get("/signin?email=" + "a" * 5000)
t.is_(r.status, 400, "an over-long query field: 400")
r = b.get("/?lang=xx")
t.is_(r.status, 200, "an unknown language code is ignored")
r = b.get("/", headers={"Cookie": "sid=" + "x" * 5000 + "; lang=ja"})
t.ok(r.status in (200, 400), "an over-long cookie: a page, not a crash (%d)" % r.status)
r = b.get("/", headers={"X-Long": "y" * 20000})
t.ok(r.status in (400, 494), "a 20 KB header: nginx refuses it (%d)" % r.status)
security_headers_ok(t, r, "the header-too-large page")
r = b.get("/", headers={"User-Agent": "Mozilla/5.0 \x01\x02", "Accept-Language": "\x7f"})
t.is_(r.status, 200, "control bytes in headers are ignored")

# A raw request with a broken request line: nginx's 400, worded.
s = socket.create_connection(("127.0.0.1", int(b.base.rsplit(":", 1)[1])))
s.sendall(b"GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n")
data = s.recv(65536).decode("latin-1")
s.close()
t.like(data.split("\r\n")[0], r" 400 ", "a broken request line: 400")

t.is_(len([l for l in open(os.path.join(os.environ["SHINDAN_ROOT"], "log/portal.log"))
           if "status 5" in l]), 0, "the portal logged no 5xx")
t.done()
