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

# Mid-scan: megan's mailbox read slowly (pages of 2, 300 ms a request)
# with access tokens of 4 s, so that a refresh is needed after the first
# pages are committed; the token endpoint then fails as set.
oconf = runner_conf("75-outage", graph_page_size=2, token_retry_base=1, token_retry_max=2)


def mid_scan(n_ip, tag, faults):
    emu_set(token_lifetime="4", latency_ms=300)
    b = Browser(source_ip=source_ip(75, n_ip))
    addr, code, aid = granted(b, "mailbox", "megan@contoso.example", tag)
    bg = Bg(oconf)
    ok = wait_until(lambda: int(psql1("SELECT coalesce(sum(messages_scanned), 0) FROM mailbox "
                                      "WHERE assessment_id = :'a1'", aid)) >= 4, timeout=60)
    emu_set(token_faults=faults)
    bg.wait(150)
    return b, addr, code, aid, bg, ok


def tok(k):
    return emu("/_emu/stats")["token_requests"].get(k, 0)


# A permanent error mid-scan: failed at once.
bad0 = tok("refresh_token:invalid_grant")
b, addr, code, aid, bg, ok = mid_scan(3, "run75d", [{"aadsts": 50173, "grant_type": "refresh_token", "count": 5}])
t.ok(ok, "mid-scan: pages committed before the grant was withdrawn")
a = assessment(aid)
t.is_((a["state"], a["error"]), ("failed", "reauth_required"),
      "the grant withdrawn mid-scan fails the scan at once: reauth_required")
t.is_(tok("refresh_token:invalid_grant") - bad0, 1, "after one refused token request")
t.is_(psql("SELECT state, reason FROM mailbox WHERE assessment_id = :'a1'", aid), [["skipped", "not_scanned"]],
      "its mailbox is marked not scanned")
t.is_(psql1("SELECT count(*) FROM credential WHERE assessment_id = :'a1'", aid), "0", "its tokens are deleted")
ms = wait_mail(addr, 3, timeout=20)
t.is_(len([m for m in ms if "could not be completed" in m.subject]), 1, "one failure mail")
rc, log = run_runner(oconf)
t.is_(tok("refresh_token:invalid_grant") - bad0, 1, "a later tick asks for no token")
t.is_(len(wait_mail(addr, 4, timeout=2)), 3, "and sends no second mail (registration, start, failure)")
emu_restore()

# The token endpoint down mid-scan, longer than the old budget (ten
# failures, about ten minutes), then back.
outage = [{"drop": True, "grant_type": "refresh_token", "count": 3},
          {"status": 500, "grant_type": "refresh_token", "count": 3},
          {"status": 503, "grant_type": "refresh_token", "count": 6}]
n_out = sum(f["count"] for f in outage)
st0 = emu("/_emu/stats")["token_requests"]
b, addr, code, aid, bg, ok = mid_scan(4, "run75e", outage)
t.ok(ok, "outage: pages committed before the token endpoint went down")
blog = bg.text()
t.like(blog, r"assessment %d: .*failures in a row\); its work is given back" % aid,
       "the runner gives the work back when the token endpoint keeps failing")
mb = psql("SELECT state, checkpoint IS NOT NULL, reason, messages_scanned, next_at > now() - interval '5 s' "
          "FROM mailbox WHERE assessment_id = :'a1'", aid)[0]
t.is_(mb[:3], ["queued", "t", "token_unavailable"], "its mailbox is queued again with its checkpoint")
t.ok(0 < int(mb[3]) < counts["megan@contoso.example"], "part of it scanned (%s)" % mb[3])
a = assessment(aid)
t.is_((a["state"], a["error"]), ("running", ""), "the scan is still running, not failed")
row = psql("SELECT token_failures, token_failing_since IS NOT NULL, token_retry_at IS NOT NULL "
           "FROM assessment WHERE id = :'a1'", aid)[0]
t.ok(int(row[0]) >= 3 and row[1:] == ["t", "t"], "the outage is recorded in the assessment (%s failures)" % row[0])
r = b.get("/results")
t.like(r.text, "paused", "the portal shows the scan as paused, waiting for Microsoft")
# Ten minutes of the outage have passed (the clock moved forward by
# ageing the record): that no longer fails the scan.
psql("UPDATE assessment SET token_failing_since = now() - interval '30 minutes' WHERE id = :'a1'", aid)
logs = ""
for i in range(3 * n_out):
    if assessment(aid)["state"] != "running":
        break
    wait_until(lambda: psql1("SELECT coalesce(token_retry_at <= now(), true) FROM assessment "
                             "WHERE id = :'a1'", aid) == "t", timeout=10)
    rc, log = run_runner(oconf)
    logs += log
st1 = emu("/_emu/stats")["token_requests"]
failed = sum(v for k, v in st1.items() if k.startswith("refresh_token:") and not k.endswith(":ok")) - \
    sum(v for k, v in st0.items() if k.startswith("refresh_token:") and not k.endswith(":ok"))
t.is_(failed, n_out, "the token endpoint failed %d times in a row (dropped, 500, 503)" % n_out)
a = assessment(aid)
t.is_((a["state"], a["messages_scanned"]), ("done", str(counts["megan@contoso.example"])),
      "once it is back the scan goes on to the end, every message counted once")
t.like(logs, r"mailbox \d+: claimed \(assessment %d, attempt \d+, from its checkpoint\)" % aid,
       "from the mailbox's checkpoint")
t.is_(psql1("SELECT attempts < 3 FROM mailbox WHERE assessment_id = :'a1'", aid), "t",
      "the outage used up no attempts of the mailbox")
t.is_(psql("SELECT token_failures, token_failing_since, token_retry_at FROM assessment WHERE id = :'a1'", aid),
      [["0", "", ""]], "the token obtained cleared the record of the outage")
ms = wait_mail(addr, 3, timeout=20)
ms = wait_mail(addr, 4, timeout=2)
t.is_(sorted(re.sub(r".*check-up ", "", m.subject) for m in ms if "check-up" in m.subject),
      ["has started", "is finished"], "one start mail and one completion mail, no failure mail")
emu_restore()

# The token endpoint down before the scan has started (the set-up's
# first token): the scan waits, and the pages the person sees after
# Start say why instead of "Starting now." every five seconds.
b = Browser(source_ip=source_ip(75, 6))
addr, code, aid = granted(b, "mailbox", "megan@contoso.example", "run75g")
psql("UPDATE credential SET access_expires = now() - interval '1 minute' WHERE assessment_id = :'a1'", aid)
r = b.get("/app/granted")
t.unlike(r.text, "sign-in service is not answering", "before any failure the page has no outage note")
emu_set(token_faults=[{"status": 503, "grant_type": "refresh_token", "count": 10}])
# Three failures in a row give the set-up back, to be tried again a
# minute later (so not within this tick).
rc, log = run_runner(runner_conf("75-wait", token_retry_base=60, token_retry_max=120))
t.is_(assessment(aid)["state"], "granted", "the token endpoint down at the set-up: the scan has not started")
t.is_(psql1("SELECT token_failing_since IS NOT NULL FROM assessment WHERE id = :'a1'", aid), "t",
      "the outage is recorded")
r = b.get("/app/granted")
t.is_(r.status, 200, "/app/granted answers 200")
t.like(r.text, r"has not started yet: Microsoft(?:'|&#39;)s sign-in service is not answering",
       "/app/granted says the scan waits for Microsoft's sign-in service")
t.unlike(r.text, "Starting now", "and not that it is starting now")
t.is_(r.header("Refresh"), "30", "it refreshes itself every 30 seconds while it waits")
t.ok(r.form("/app/start") is None and r.form("/app/cancel"),
     "with Back, and no Start button (it is due already)")
r = b.get("/app/started")
t.like(r.text, r"has not started yet: Microsoft(?:'|&#39;)s sign-in service is not answering",
       "/app/started says so too")
r = b.get("/app/granted?lang=ja")
t.like(r.text, "スキャンはまだ開始していません", "in Japanese too")
emu_restore()
# Every assessment that tick met was deferred a minute (the set-ups
# left due by earlier tests too): all are due again now, so that this
# tick, not a later test's, finishes them.
psql("UPDATE assessment SET token_retry_at = now() WHERE token_retry_at IS NOT NULL")
rc, log = run_runner(oconf)
t.is_(assessment(aid)["state"], "done", "the endpoint back: the scan starts and finishes")
r = b.get("/app/started")
t.unlike(r.text, "sign-in service is not answering", "the note is gone")

# A day of failures in a row: the scan fails, once.
b = Browser(source_ip=source_ip(75, 5))
addr, code, aid = granted(b, "mailbox", "alex@contoso.example", "run75f")
psql("UPDATE credential SET access_expires = now() - interval '1 minute' WHERE assessment_id = :'a1'", aid)
psql("UPDATE assessment SET token_failures = 40, token_failing_since = now() - interval '25 hours' "
     "WHERE id = :'a1'", aid)
emu_set(token_faults=[{"status": 503, "grant_type": "refresh_token", "count": 5}])
seq0 = emu_seq()
r0 = tok("refresh_token:503")
rc, log = run_runner(oconf)
a = assessment(aid)
t.is_((a["state"], a["error"]), ("failed", "token_unavailable"),
      "a token endpoint down for more than token_outage_max fails the scan: token_unavailable")
t.is_(tok("refresh_token:503") - r0, 1, "after one more try")
t.is_([r for r in requests_since(seq0) if r["kind"].startswith("graph.")], [], "no Graph request was made")
ms = wait_mail(addr, 2, timeout=20)
fail = [m for m in ms if "could not be completed" in m.subject]
t.is_(len(fail), 1, "one failure mail")
if fail:
    t.like(mail_body(fail[0]), r"What went wrong:\s+Microsoft's sign-in service", "saying what went wrong")
rc, log = run_runner(oconf)
t.is_(tok("refresh_token:503") - r0, 1, "a later tick asks for no token")
t.is_(len(wait_mail(addr, 3, timeout=2)), 2, "and sends no second mail")
emu_restore()
t.done()
