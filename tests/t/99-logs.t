#!/usr/bin/python3
# 99-logs: after every other test, no secret reached a log: no
# confirmation number that was mailed, no session id, no code= or state=
# in nginx's log, no client secret.
import os, re, sys, glob
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

t = Tap()
root = os.environ["SHINDAN_ROOT"]
logs = {}
for f in glob.glob(os.path.join(root, "log", "*")):
    with open(f, "rb") as fh:
        logs[os.path.basename(f)] = fh.read().decode("utf-8", "replace")
t.ok(len(logs) >= 5, "the stack's logs are there (%d)" % len(logs))

numbers = set()
for name in os.listdir(os.path.join(os.environ["SHINDAN_MAILDIR"], "new")):
    m = Mail(os.path.join(os.environ["SHINDAN_MAILDIR"], "new", name))
    if m.code:
        numbers.add(m.code)
        numbers.add(m.code.replace("-", ""))
t.ok(len(numbers) > 0, "the tests mailed confirmation numbers (%d)" % (len(numbers) // 2))
leaks = [(n, f) for n in numbers for f, text in logs.items() if n in text]
t.is_(leaks, [], "no confirmation number in any log")

secret = open(os.path.join(root, "etc", "ms-client-secret")).read().strip()
t.ok(not any(secret in text for text in logs.values()), "no client secret in any log")
key = open(os.path.join(root, "etc", "master.key")).read().split()[1]
t.ok(not any(key in text for text in logs.values()), "no key in any log")
t.unlike(logs.get("nginx-access.log", ""), r"[?&](code|state|session_state)=",
         "nginx logged no OAuth code or state")
ours = {k: v for k, v in logs.items() if not k.startswith("msemu")}
t.is_([k for k, v in ours.items() if re.search(r"/oauth/callback\?[^ \"]*(code|state)=", v)], [],
      "no log of ours (nginx's error log included) holds a callback's code or state")
t.unlike("".join(logs.values()), r"(sid|__Host-sid)=[A-Za-z0-9_-]{43}", "no session id in any log")
t.unlike("".join(logs.values()), r"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}", "no token in any log")
t.done()
