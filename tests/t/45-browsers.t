#!/usr/bin/python3
# 45-browsers: browsers that are not a current Chrome, Firefox or Edge get
# a page naming the supported ones, in the chosen language; clients that
# are not browsers are served normally.
import os, sys
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

t = Tap()
unsupported = {
    "Internet Explorer 11": "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
    "Internet Explorer 8": "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0)",
    "legacy Edge": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19582",
    "Safari": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "iOS Safari": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Chrome 90": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.93 Safari/537.36",
    "Firefox 78": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101 Firefox/78.0",
    "Opera": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36 OPR/114.0.0.0",
}
supported = {
    "Chrome 130": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
    "Firefox 128": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Edge 130": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.68",
    "headless Chromium": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
    "Chrome on Android": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.58 Mobile Safari/537.36",
}
clients = {"curl": "curl/7.88.1", "a script": "python-requests/2.31", "none": ""}

for name, ua in unsupported.items():
    b = Browser(source_ip=source_ip(45), ua=ua)
    r = b.get("/")
    t.like(r.text, "This browser is not supported", name + ": the unsupported page")
    t.ok("Google Chrome" in r.text and "Mozilla Firefox" in r.text and
         "Microsoft Edge" in r.text, name + ": naming the supported browsers")
    t.ok(r.form("/signup") is None, name + ": and no sign-up form")
b = Browser(source_ip=source_ip(45), ua=unsupported["Safari"])
r = b.get("/signin?lang=ja")
t.like(r.text, "このブラウザーには対応していません", "the page in Japanese")
t.like(r.text, "Microsoft Edge", "still naming the browsers")
for name, ua in supported.items():
    r = Browser(source_ip=source_ip(45), ua=ua).get("/")
    t.ok(r.form("/signup") is not None, name + ": the sign-up page")
for name, ua in clients.items():
    b = Browser(source_ip=source_ip(45), ua=ua)
    r = b.request("GET", "/", headers={"User-Agent": ua})
    t.ok(r.status == 200 and r.form("/signup") is not None, "client %s: served normally" % name)
r = Browser(source_ip=source_ip(45), ua=unsupported["Internet Explorer 11"]).get("/healthz")
t.is_(r.text, "ok\n", "/healthz is not a browser page")
t.done()
