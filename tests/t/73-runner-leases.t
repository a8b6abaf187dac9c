#!/usr/bin/python3
# 73-runner-leases: claims and leases.  A runner killed with SIGKILL in
# the middle of a mailbox: while its lease lasts, another tick leaves the
# mailbox alone; once it has expired, the next tick resumes from the
# checkpoint (not from the start), and the result is exactly that of an
# undisturbed scan: the same findings, none twice, the exact count.  A
# database that loses a mailbox's commits mid-scan: the runner notices
# and scans it again from what the database has.  An organisation still
# being listed: its mailboxes wait for the whole list.  Two runners
# started together on one organisation: every mailbox is claimed and
# scanned exactly once, and both take a share.  A runner whose claim (on
# a set-up, or on a mailbox) was taken over while it waited for a token
# that then turned out to be refused cannot fail the scan the new holder
# is running: the failure is fenced by its claim's epoch.
import os, sys, re, time, signal
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "scan/t"))
from runner_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
t = Tap()
emu_restore()
want = expected_counts()["adele@contoso.example"]
conf = runner_conf("73", graph_page_size=20, runner_lease=10)

# An undisturbed scan of adele's mailbox: the reference.
b0 = Browser(source_ip=source_ip(73, 0))
_, _, ref = granted(b0, "mailbox", "adele@contoso.example", "run73a")
rc, _ = run_runner(conf)
ref_set = detections(ref)
t.ok(rc == 0 and assessment(ref)["state"] == "done" and len(ref_set) > 0,
     "the reference scan: done, %d findings" % len(ref_set))

# The same mailbox, with a runner killed in the middle.


def scanning(n_ip, code):
    """Adele's mailbox granted and a runner in the background scanning it
    slowly (120 ms a request); returns the assessment, the user's address,
    the runner and whether 60 messages were committed within a minute."""
    b = Browser(source_ip=source_ip(73, n_ip))
    addr, _, a = granted(b, "mailbox", "adele@contoso.example", code)
    emu_set(latency_ms=120)
    runner = Bg(conf)
    committed = wait_until(lambda: int(psql1("SELECT coalesce(sum(messages_scanned), 0) FROM mailbox "
                                             "WHERE assessment_id = :'a1'", a)) >= 60, timeout=60)
    return a, addr, runner, committed


aid, addr, bg, n = scanning(1, "run73b")
bg.kill(signal.SIGKILL)
t.ok(n, "pages were committed before the kill")
mb = psql("SELECT state, checkpoint, messages_scanned, attempts, lease_owner IS NOT NULL, "
          "lease_until > now() FROM mailbox WHERE assessment_id = :'a1'", aid)[0]
t.is_(mb[0], "running", "the killed runner's mailbox is still running")
t.ok(mb[1] and "$skip=" in mb[1], "with a checkpoint (the next link): %s" % (mb[1] or "")[-30:])
t.ok(int(mb[2]) < want, "part of the mailbox scanned (%s)" % mb[2])
t.is_(mb[4:], ["t", "t"], "and a lease not yet expired")
t.is_(psql1("SELECT state FROM assessment WHERE id = :'a1'", aid), "running", "the assessment is running")
skip_at = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(mb[1]).query)).get("$skip")

# A tick while the lease lasts: the mailbox is left alone.
emu_set(latency_ms=0)
rc, log = run_runner(conf)
mb2 = psql("SELECT checkpoint, attempts, messages_scanned FROM mailbox WHERE assessment_id = :'a1'", aid)[0]
t.is_(rc, 0, "a tick during the lease exits 0")
t.is_(mb2, [mb[1], mb[3], mb[2]], "and leaves the mailbox alone (same checkpoint, attempts, count)")
t.unlike(log, r"mailbox \d+: claimed", "claiming nothing")

# Once the lease has expired: resumed from the checkpoint.
t.ok(wait_until(lambda: psql1("SELECT lease_until < now() FROM mailbox WHERE assessment_id = :'a1'", aid)
                == "t", timeout=20), "the dead runner's lease expires")
seq0 = emu_seq()
rc, log = run_runner(conf)
t.is_(rc, 0, "the next tick exits 0")
t.like(log, r"claimed \(assessment %d, attempt 2, from its checkpoint\)" % aid, "it resumes the mailbox")
lists = [r for r in requests_since(seq0) if r["kind"] == "graph.messages" and "/mailFolders/" not in r["path"]]
first = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(lists[0]["path"]).query)) if lists else {}
t.is_(first.get("$skip"), skip_at, "from the checkpoint, not from the start ($skip=%s)" % skip_at)
a = assessment(aid)
t.is_(a["state"], "done", "the assessment is done")
t.is_(a["messages_scanned"], str(want), "the count is exact: %d (the lost page counted once)" % want)
got = detections(aid)
t.is_(len(got), len(set(got)), "no finding stored twice")
t.is_(sorted(got), sorted(ref_set), "exactly the findings of the undisturbed scan")
t.is_((a["threats"], a["potentials"]), tuple(assessment(ref)[k] for k in ("threats", "potentials")),
      "and the same counts of threats and potential threats")
t.is_(len(wait_mail(addr, 3, timeout=20)), 3, "the registration, start and completion mails, once each")

# The database loses the commits of a mailbox in the middle of its scan
# (a restart that lost its last transactions with synchronous_commit
# off, a failover to a standby that was behind): the runner, still
# running, notices at its next commit (the checkpoint it continues from
# is not the database's), drops what it holds and scans the mailbox
# again from what the database has; nothing is lost.
aid5, _, bg, n = scanning(5, "run73e")
t.ok(n, "pages were committed")
# (The mailbox's row is locked first: a commit of the runner's in flight
# then either ends before the rewind, or finds it and rolls back.)
psql("BEGIN; SELECT 1 FROM mailbox WHERE assessment_id = :'a1' FOR UPDATE; "
     "DELETE FROM detection WHERE assessment_id = :'a1'; "
     "UPDATE mailbox SET checkpoint = NULL, messages_scanned = 0, threats = 0, potentials = 0, requests = 0 "
     "WHERE assessment_id = :'a1'; "
     "UPDATE assessment SET messages_scanned = 0, threats = 0, potentials = 0 WHERE id = :'a1'; COMMIT", aid5)
rc = bg.wait()
emu_set(latency_ms=0)
t.is_(rc, 0, "the runner exits 0")
t.like(bg.text(), r"mailbox \d+: its lease is lost, or the database lost a commit of ours",
       "it notices that the database lost its commits")
a = assessment(aid5)
t.is_((a["state"], a["messages_scanned"]), ("done", str(want)), "the scan ends with the exact count")
got = detections(aid5)
t.is_(sorted(got), sorted(ref_set), "and exactly the findings of the undisturbed scan, none twice")
t.is_((a["threats"], a["potentials"]), tuple(assessment(ref)[k] for k in ("threats", "potentials")),
      "and the same counts")

# An organisation whose list of users another (live) runner is still
# writing: its queued mailboxes are not claimed before the list is
# complete, so every mailbox is judged against the whole organisation.
b6 = Browser(source_ip=source_ip(73, 6))
_, _, aid6 = granted(b6, "org", "admin@contoso.example", "run73f", start=False)
psql("UPDATE assessment SET state = 'running', started_at = now(), window_to = now(), "
     "window_from = now() - interval '30 days', setup_done = false, lease_owner = 'other:1:x', "
     "lease_until = now() + interval '1 hour', mailboxes_total = 1 WHERE id = :'a1'", aid6)
psql("INSERT INTO mailbox (assessment_id, user_id, upn, display_name, state) VALUES (:'a1', "
     "'1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6', 'alex@contoso.example', 'Alex Wilber', 'queued')", aid6)
seq0 = emu_seq()
# (A tick waits for a list being written elsewhere while it may take
# work: 3 s here.)
rc, log = run_runner(runner_conf("73-wait", graph_page_size=20, runner_lease=10, runner_budget=3))
t.is_(psql1("SELECT state || ' ' || attempts FROM mailbox WHERE assessment_id = :'a1'", aid6), "queued 0",
      "a mailbox of an organisation still being listed is not claimed")
t.is_([r for r in requests_since(seq0) if r.get("mailbox") == "alex@contoso.example"], [],
      "and not read")
psql("UPDATE assessment SET setup_done = true, lease_owner = NULL, lease_until = NULL WHERE id = :'a1'", aid6)
rc, log = run_runner(conf)
t.is_(psql1("SELECT state || ' ' || messages_scanned FROM mailbox WHERE assessment_id = :'a1'", aid6),
      "done %d" % expected_counts()["alex@contoso.example"], "once the list is complete, it is scanned")
t.like(log, r"assessment %d: the organisation: \d+ domains, \d+ people" % aid6,
       "against the organisation read then")

# Two runners at once on one organisation, each holding at most 4.
conf2 = runner_conf("73-two", graph_page_size=20, runner_lease=10, graph_inflight=4)
b2 = Browser(source_ip=source_ip(73, 2))
_, _, org = granted(b2, "org", "admin@contoso.example", "run73c")
# The latency makes every mailbox outlast a runner's start-up even on a
# loaded machine, so the second runner finds work left to claim.
emu_set(latency_ms=300)
seq0 = emu_seq()
r1, r2 = Bg(conf2), Bg(conf2)
rc1, rc2 = r1.wait(), r2.wait()
emu_set(latency_ms=0)
t.is_((rc1, rc2), (0, 0), "both runners exit 0")
a = assessment(org)
t.is_((a["state"], a["messages_scanned"]), ("done", str(sum(expected_counts().values()))),
      "the organisation is done, its count exact")
t.is_(psql1("SELECT string_agg(DISTINCT attempts::text, ',') FROM mailbox WHERE assessment_id = :'a1' "
            "AND state <> 'skipped' OR assessment_id = :'a1' AND reason = 'no_mailbox'", org), "1",
      "every mailbox was claimed exactly once")
firsts = {}
for r in requests_since(seq0):
    if r["kind"] == "graph.messages" and "$skip" not in r["path"] and "/mailFolders/" not in r["path"]:
        firsts[r["mailbox"]] = firsts.get(r["mailbox"], 0) + 1
t.is_(sorted(set(firsts.values())), [1], "and listed from its start exactly once (%d mailboxes)" % len(firsts))
c1 = len(re.findall(r"mailbox \d+: claimed", r1.text()))
c2 = len(re.findall(r"mailbox \d+: claimed", r2.text()))
t.ok(c1 > 0 and c2 > 0 and c1 + c2 == 6, "both runners took a share (%d + %d)" % (c1, c2))

# Fencing of the failure: runner A claims, asks for a token (the token
# endpoint takes 3 s), loses its claim to runner B meanwhile (the epoch
# moves on, as B's claim would move it), then is told invalid_grant.
fconf = runner_conf("73-fence", runner_lease=10)


def fenced(what, n_ip, tag):
    b = Browser(source_ip=source_ip(73, n_ip))
    addr, _, a = granted(b, "mailbox", "alex@contoso.example", tag, start=(what == "set-up"))
    if what == "mailbox":
        # Set up already; its one mailbox queued.
        oid = psql1("SELECT user_oid FROM assessment WHERE id = :'a1'", a)
        psql("UPDATE assessment SET state = 'running', started_at = now(), window_to = now(), "
             "window_from = now() - interval '30 days', setup_done = true, mailboxes_total = 1 "
             "WHERE id = :'a1'", a)
        psql("INSERT INTO mailbox (assessment_id, user_id, upn) VALUES (:'a1', :'a2', "
             "'alex@contoso.example')", a, oid)
        table, where = "mailbox", "assessment_id"
    else:
        table, where = "assessment", "id"
    psql("UPDATE credential SET access_expires = now() - interval '1 minute' WHERE assessment_id = :'a1'", a)
    emu_set(token_latency_ms=3000, token_faults=[{"aadsts": 70008, "grant_type": "refresh_token", "count": 1}])
    runner = Bg(fconf)
    claimed = wait_until(lambda: psql1("SELECT lease_owner IS NOT NULL FROM %s WHERE %s = :'a1'" % (table, where),
                                       a) == "t", timeout=30)
    psql("UPDATE %s SET epoch = epoch + 1, lease_owner = 'runner-b', lease_until = now() + interval '5 minutes' "
         "WHERE %s = :'a1'" % (table, where), a)
    runner.wait()
    emu_set(token_latency_ms=0)
    t.ok(claimed, "%s: runner A claimed it and asked for a token" % what)
    t.like(runner.text(), r"assessment %d: not failed \(reauth_required\): it is over, or our claim on it is "
           "lost" % a, "%s: A, told invalid_grant after losing its claim, does not fail the scan" % what)
    st = assessment(a)
    t.is_((st["state"], st["error"]), ("granted" if what == "set-up" else "running", ""),
          "%s: the scan runner B holds is untouched" % what)
    t.is_(psql1("SELECT lease_owner FROM %s WHERE %s = :'a1'" % (table, where), a), "runner-b",
          "%s: B's lease stands" % what)
    t.is_(psql1("SELECT count(*) FROM credential WHERE assessment_id = :'a1'", a), "1",
          "%s: its tokens are kept" % what)
    t.is_([m.subject for m in wait_mail(addr, 2, timeout=2) if "could not" in m.subject], [],
          "%s: no failure mail" % what)
    # B's lease runs out (B died): the next tick gets a token and ends it.
    psql("UPDATE %s SET lease_until = now() - interval '1 second' WHERE %s = :'a1'" % (table, where), a)
    run_runner(fconf)
    t.is_(assessment(a)["state"], "done", "%s: the next holder scans it to its end" % what)


fenced("set-up", 10, "run73f")
fenced("mailbox", 11, "run73g")
emu_restore()
t.done()
