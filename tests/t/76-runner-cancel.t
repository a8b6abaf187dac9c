#!/usr/bin/python3
# 76-runner-cancel: Back (POST /app/cancel) while a scan runs stops it
# within seconds: no further Graph request for the mailbox, the runner
# exits, the assessment stays cancelled with its mailbox marked so,
# nothing more is committed, no completion or failure mail; the tokens
# are gone.  Back before the start: the runner never starts it.
import os, sys, re, time
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "scan/t"))
from runner_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
t = Tap()
emu_restore()
conf = runner_conf("76", graph_page_size=10)
b = Browser(source_ip=source_ip(76))
addr, code, aid = granted(b, "mailbox", "adele@contoso.example", "run76")
emu_set(latency_ms=200)
seq0 = emu_seq()
bg = Bg(conf)
t.ok(wait_until(lambda: int(psql1("SELECT messages_scanned FROM assessment WHERE id = :'a1'", aid)) >= 10,
                timeout=60), "the scan is under way")
r = b.get("/app/started", follow=True)
t0 = time.time()
r = b.post("/app/cancel", {"csrf": csrf_of(r)})
t.is_(r.status, 303, "Back answers 303")
rc = bg.wait(timeout=30)
took = time.time() - t0
emu_restore()
t.is_(rc, 0, "the runner exits 0")
t.ok(took < 5, "within seconds of Back (%.1f s)" % took)
a = assessment(aid)
t.is_(a["state"], "cancelled", "the assessment is cancelled")
t.ok(int(a["messages_scanned"]) < expected_counts()["adele@contoso.example"], "part-way (%s mails)" % a["messages_scanned"])
time.sleep(1.5)
late = [r for r in requests_since(seq0) if r.get("mailbox") == "adele@contoso.example"
        and r["time"] > time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t0 + 2.5))]
t.is_(late, [], "no request for the mailbox from 2.5 s after Back")
t.is_(psql("SELECT state, reason FROM mailbox WHERE assessment_id = :'a1'", aid), [["skipped", "cancelled"]],
      "its mailbox: skipped, cancelled")
t.is_(psql1("SELECT count(*) FROM credential WHERE assessment_id = :'a1'", aid), "0", "no tokens")
n = psql1("SELECT messages_scanned FROM assessment WHERE id = :'a1'", aid)
rc, log = run_runner(conf)
t.is_(psql1("SELECT messages_scanned || state FROM assessment WHERE id = :'a1'", aid), n + "cancelled",
      "a later tick changes nothing")
ms = wait_mail(addr, 3, timeout=3)
t.is_([m.subject for m in ms if "finished" in m.subject or "could not" in m.subject], [],
      "no completion or failure mail")

# Back before the start.
b2 = Browser(source_ip=source_ip(76, 1))
addr2, _, aid2 = granted(b2, "mailbox", "alex@contoso.example", "run76b", start=False)
r = b2.get("/app/granted")
r = b2.submit(r, r.form("/app/cancel"))
psql("UPDATE assessment SET start_at = now() - interval '1 minute' WHERE id = :'a1'", aid2)
seq0 = emu_seq()
rc, log = run_runner(conf)
t.is_(psql1("SELECT state FROM assessment WHERE id = :'a1'", aid2), "cancelled", "cancelled before its start")
t.is_([r for r in requests_since(seq0) if r["kind"].startswith("graph.")], [], "never scanned")
t.is_(psql1("SELECT count(*) FROM mailbox WHERE assessment_id = :'a1'", aid2), "0", "no mailbox listed")
t.done()
