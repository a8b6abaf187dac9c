#!/usr/bin/python3
# 77-runner-house: what every tick does besides scanning, and no scan
# that runs forever.  Retention: an assessment finished more than
# retention_days ago goes with its mailboxes, detections and findings (a
# younger one stays); abandoned 'consenting' assessments older than an
# hour, expired OAuth round trips, expired sessions and day-old sign-in
# failures are deleted.  A mailbox whose runners kept dying is failed
# with its last reason after scan_max_attempts, which ends its
# assessment (failed, failure mail, tokens deleted); one whose runners
# died as often but committed a page each time goes on; an assessment
# whose set-up kept failing is failed likewise.
import os, sys, re, time, hashlib
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "scan/t"))
from runner_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
t = Tap()
emu_restore()
conf = runner_conf("77", scan_max_attempts=3)

# Two finished scans: one old, one recent.
old = []
for i in range(2):
    b = Browser(source_ip=source_ip(77, i))
    _, _, aid = granted(b, "mailbox", "patti@contoso.example", "run77")
    old.append(aid)
rc, _ = run_runner(conf)
t.ok(all(assessment(x)["state"] == "done" for x in old), "two finished scans")
psql("UPDATE assessment SET finished_at = now() - interval '31 days' WHERE id = :'a1'", old[0])
psql("UPDATE assessment SET finished_at = now() - interval '29 days' WHERE id = :'a1'", old[1])
t.ok(int(psql1("SELECT count(*) FROM detection WHERE assessment_id = :'a1'", old[0])) > 0,
     "the old one has detections")

# An account with leftovers.
b = Browser(source_ip=source_ip(77, 5))
addr, code = new_account(b, "run77h")
acct = psql1("SELECT id FROM account WHERE email = :'a1'", addr)
psql("INSERT INTO assessment (account_id, scope, state, updated_at) VALUES (:'a1', 'org', 'consenting', "
     "now() - interval '2 hours')", acct)
sid = hashlib.sha256(os.urandom(16)).hexdigest()
sid2 = hashlib.sha256(os.urandom(16)).hexdigest()
psql("INSERT INTO session (id_hash, account_id, created_at, seen_at) VALUES (decode(:'a1', 'hex'), :'a2', "
     "now() - interval '3 days', now() - interval '2 days')", sid, acct)
psql("INSERT INTO session (id_hash, account_id) VALUES (decode(:'a1', 'hex'), :'a2')", sid2, acct)
aid_c = psql1("SELECT id FROM assessment WHERE account_id = :'a1'", acct)
f1 = hashlib.sha256(os.urandom(16)).hexdigest()
f2 = hashlib.sha256(os.urandom(16)).hexdigest()
psql("INSERT INTO oauth_flow (state_hash, session_hash, assessment_id, step, expires_at) VALUES "
     "(decode(:'a1', 'hex'), decode(:'a3', 'hex'), :'a4', 'org_consent', now() - interval '1 minute'),"
     "(decode(:'a2', 'hex'), decode(:'a3', 'hex'), :'a4', 'org_consent', now() + interval '9 minutes')",
     f1, f2, sid2, aid_c)
psql("INSERT INTO signin_failure (account_id, at) VALUES (:'a1', now() - interval '25 hours'), "
     "(:'a1', now() - interval '1 hour')", acct)
# A fresh consenting assessment of another account stays.
b2 = Browser(source_ip=source_ip(77, 6))
addr2, _ = new_account(b2, "run77i")
acct2 = psql1("SELECT id FROM account WHERE email = :'a1'", addr2)
psql("INSERT INTO assessment (account_id, scope, state) VALUES (:'a1', 'org', 'consenting')", acct2)

rc, log = run_runner(conf)
t.is_(rc, 0, "a tick exits 0")
t.is_(psql1("SELECT count(*) FROM assessment WHERE id = :'a1'", old[0]), "0",
      "retention: the scan finished 31 days ago is deleted")
t.is_(psql1("SELECT (SELECT count(*) FROM detection WHERE assessment_id = :'a1') + (SELECT count(*) FROM "
            "finding WHERE assessment_id = :'a1') + (SELECT count(*) FROM mailbox WHERE assessment_id = :'a1')",
            old[0]), "0", "with its mailboxes, detections and findings")
t.is_(psql1("SELECT state FROM assessment WHERE id = :'a1'", old[1]), "done", "the one of 29 days stays")
t.like(log, r"retention: 1 assessment\(s\) deleted", "and the runner says so")
t.is_(psql1("SELECT count(*) FROM assessment WHERE account_id = :'a1'", acct), "0",
      "a 'consenting' assessment of two hours ago is deleted (and its flows)")
t.is_(psql1("SELECT count(*) FROM assessment WHERE account_id = :'a1'", acct2), "1", "a fresh one stays")
t.is_(psql1("SELECT count(*) FROM session WHERE id_hash = decode(:'a1', 'hex')", sid), "0",
      "an expired session is deleted")
t.is_(psql1("SELECT count(*) FROM session WHERE id_hash = decode(:'a1', 'hex')", sid2), "1", "a live one stays")
t.is_(psql1("SELECT count(*) FROM signin_failure WHERE account_id = :'a1'", acct), "1",
      "sign-in failures older than a day are deleted, the recent one stays")
psql("INSERT INTO assessment (account_id, scope, state) VALUES (:'a1', 'org', 'consenting') "
     "ON CONFLICT DO NOTHING", acct)
aid_c = psql1("SELECT id FROM assessment WHERE account_id = :'a1'", acct)
psql("INSERT INTO oauth_flow (state_hash, session_hash, assessment_id, step, expires_at) VALUES "
     "(decode(:'a1', 'hex'), decode(:'a3', 'hex'), :'a4', 'org_consent', now() - interval '1 minute'),"
     "(decode(:'a2', 'hex'), decode(:'a3', 'hex'), :'a4', 'org_consent', now() + interval '9 minutes')",
     f1, f2, sid2, aid_c)
rc, log = run_runner(conf)
t.is_(psql("SELECT encode(state_hash, 'hex') FROM oauth_flow WHERE assessment_id = :'a1'", aid_c), [[f2]],
      "an expired OAuth round trip is deleted, a live one stays")



def dying_mailbox(aid, progress_attempt):
    """The assessment running for two hours, its one mailbox claimed three
    times by runners that died (the last lease expired), the last of them
    having committed a page at attempt progress_attempt (0: never)."""
    oid = psql1("SELECT user_oid FROM assessment WHERE id = :'a1'", aid)
    psql("UPDATE assessment SET state = 'running', started_at = now() - interval '2 hours', window_to = now(), "
         "window_from = now() - interval '30 days', setup_done = true, mailboxes_total = 1 WHERE id = :'a1'", aid)
    psql("INSERT INTO mailbox (assessment_id, user_id, upn, state, lease_owner, lease_until, attempts, "
         "progress_attempt, reason) VALUES (:'a1', :'a2', 'alex@contoso.example', 'running', 'dead:1:x', "
         "now() - interval '1 minute', 3, :'a3', 'network')", aid, oid, str(progress_attempt))


# A mailbox whose runners kept dying.
b3 = Browser(source_ip=source_ip(77, 7))
addr3, code3, aid3 = granted(b3, "mailbox", "alex@contoso.example", "run77d", start=False)
dying_mailbox(aid3, 0)
seq0 = emu_seq()
rc, log = run_runner(conf)
t.is_(psql("SELECT state, reason FROM mailbox WHERE assessment_id = :'a1'", aid3), [["failed", "network"]],
      "after scan_max_attempts the mailbox is failed, with its last reason")
t.is_([r for r in requests_since(seq0) if r.get("mailbox") == "alex@contoso.example"], [],
      "without another attempt")
a = assessment(aid3)
t.is_((a["state"], a["error"], a["mailboxes_failed"]), ("failed", "network", "1"),
      "its assessment ends: failed, with the reason")
t.is_(psql1("SELECT count(*) FROM credential WHERE assessment_id = :'a1'", aid3), "0", "the tokens are deleted")
ms = [m for m in wait_mail(addr3, 2, timeout=20) if "could not be completed" in m.subject]
t.is_(len(ms), 1, "a failure mail")
if ms:
    t.like(mail_body(ms[0]), r"What to do:\s+Sign in to Shindan and start the check-up again later",
           "saying what to do")

# A mailbox whose runners died as often, but each after committing a
# page (the bench kills one runner after another in one scan): it goes
# on, since only attempts in a row without progress count.
b5 = Browser(source_ip=source_ip(77, 9))
addr5, _, aid5 = granted(b5, "mailbox", "alex@contoso.example", "run77f", start=False)
dying_mailbox(aid5, 3)
rc, log = run_runner(conf)
t.like(log, r"mailbox \d+: claimed \(assessment %d, attempt 4\)" % aid5,
       "a mailbox claimed %d times, the last one with progress, is claimed again" % 3)
t.is_(psql("SELECT state, messages_scanned, attempts FROM mailbox WHERE assessment_id = :'a1'", aid5),
      [["done", str(expected_counts()["alex@contoso.example"]), "4"]], "and scanned to its end")
t.is_(assessment(aid5)["state"], "done", "its assessment is done")

# A set-up that kept failing.
b4 = Browser(source_ip=source_ip(77, 8))
addr4, _, aid4 = granted(b4, "mailbox", "alex@contoso.example", "run77e")
psql("UPDATE assessment SET attempts = 3 WHERE id = :'a1'", aid4)
rc, log = run_runner(conf)
t.is_(psql1("SELECT state || ' ' || error FROM assessment WHERE id = :'a1'", aid4), "failed setup_failed",
      "an assessment whose set-up failed scan_max_attempts times is failed")
t.is_(len([m for m in wait_mail(addr4, 2, timeout=20) if "could not be completed" in m.subject]), 1,
      "with a failure mail")
t.is_(psql1("SELECT count(*) FROM credential WHERE assessment_id = :'a1'", aid4), "0", "and no tokens")
t.done()
