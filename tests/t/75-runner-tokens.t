#!/usr/bin/python3
# 75-runner-tokens: the delegated token.  An access token Graph refuses
# (401 InvalidAuthenticationToken) is refreshed and the scan goes on;
# with strict refresh-token rotation (each refresh token usable once)
# a scan that needs several refreshes succeeds, so each rotated refresh
# token was stored before it was needed; invalid_grant (AADSTS700082)
# fails the scan at once with a clear mail, the tokens deleted, and no
# further token request.
import os, sys, re, time
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "scan/t"))
from runner_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
t = Tap()
emu_restore()
counts = expected_counts()
conf = runner_conf("75", graph_page_size=10)


def refreshes():
    return emu("/_emu/stats")["token_requests"].get("refresh_token:ok", 0)


# 401: the stored access token has expired at Microsoft, not in our row.
emu_set(token_lifetime="2")
b = Browser(source_ip=source_ip(75, 0))
addr, code, aid = granted(b, "mailbox", "megan@contoso.example", "run75a")
time.sleep(2.5)
psql("UPDATE credential SET access_expires = now() + interval '1 hour', updated_at = now() - "
     "interval '1 minute' WHERE assessment_id = :'a1'", aid)
emu_set(token_lifetime="3600")
seq0, r0 = emu_seq(), refreshes()
rc, log = run_runner(conf)
reqs = requests_since(seq0)
a = assessment(aid)
t.ok(any(r["status"] == 401 for r in reqs), "Graph answered 401 to the expired token")
t.is_(refreshes() - r0, 1, "one refresh")
t.is_((a["state"], a["messages_scanned"]), ("done", str(counts["megan@contoso.example"])),
      "and the scan went on to the end")
t.like(log, r"new access token \(refresh\)", "the runner logs the refresh (never the token)")

# Strict rotation, short tokens: several refreshes in one scan.
emu_set(refresh_rotation="strict", token_lifetime="2", latency_ms=400)
b = Browser(source_ip=source_ip(75, 1))
addr, code, aid = granted(b, "mailbox", "megan@contoso.example", "run75b")
r0 = refreshes()
bad0 = emu("/_emu/stats")["token_requests"].get("refresh_token:invalid_grant", 0)
# Pages of 2 at 400 ms each: the scan outlasts several 2 s tokens however
# fast the machine is.
rc, log = run_runner(runner_conf("75-5", graph_page_size=2))
emu_restore()
a = assessment(aid)
n = refreshes() - r0
t.ok(n >= 2, "the scan needed %d refreshes" % n)
t.is_(emu("/_emu/stats")["token_requests"].get("refresh_token:invalid_grant", 0) - bad0, 0,
      "no refresh token was used twice (strict rotation)")
t.is_((a["state"], a["messages_scanned"]), ("done", str(counts["megan@contoso.example"])),
      "the scan is done")
t.is_(psql1("SELECT count(*) FROM credential WHERE assessment_id = :'a1'", aid), "0", "tokens deleted")

# invalid_grant: the grant is gone.
b = Browser(source_ip=source_ip(75, 2))
addr, code, aid = granted(b, "mailbox", "alex@contoso.example", "run75c")
psql("UPDATE credential SET access_expires = now() - interval '1 minute' WHERE assessment_id = :'a1'", aid)
emu_set(token_faults=[{"aadsts": 700082, "grant_type": "refresh_token", "count": 5}])
st0 = emu("/_emu/stats")["token_requests"]
seq0 = emu_seq()
rc, log = run_runner(conf)
st1 = emu("/_emu/stats")["token_requests"]
tried = sum(st1.values()) - sum(st0.values())
t.is_(rc, 0, "the runner exits 0")
t.is_(tried, 1, "one token request, refused")
a = assessment(aid)
t.is_((a["state"], a["error"]), ("failed", "reauth_required"), "the assessment failed: reauth_required")
t.is_(psql1("SELECT count(*) FROM credential WHERE assessment_id = :'a1'", aid), "0", "its tokens are deleted")
t.is_([r for r in requests_since(seq0) if r["kind"].startswith("graph.")], [], "no Graph request was made")
ms = wait_mail(addr, 2, timeout=20)
fail = [m for m in ms if "could not be completed" in m.subject]
t.is_(len(fail), 1, "a failure mail")
t.is_(len([m for m in ms if "has started" in m.subject]), 0, "and no start mail: it never started")
if fail:
    body = mail_body(fail[0])
    t.like(body, r"What went wrong:\s+Microsoft no longer accepts the permission", "saying what went wrong")
    t.like(body, r"What to do:\s+Sign in to Shindan and start the check-up again", "and what to do")
    t.like(body, re.escape(code), "with the confirmation number")
    t.unlike(body, r"AADSTS|invalid_grant", "in words, not Microsoft's codes")
rc, log = run_runner(conf)
st2 = emu("/_emu/stats")["token_requests"]
t.is_(sum(st2.values()), sum(st1.values()), "a later tick asks for no token")
t.is_(len(wait_mail(addr, 3, timeout=2)), 2, "and sends no second mail")
emu_restore()
t.done()
