#!/usr/bin/python3
# 79-runner-demo: issue 5's promise for `make run`, on the test stack:
# the stack's own configuration (no runner keys set), the runner started
# as tools/stack run's ticker starts it (one tick after another; a
# second apart here instead of a minute) and the stack's mailer daemon
# delivering.  Granting the demo tenant (contoso.example, admin consent)
# and pressing Start leads, without anything else, to the start mail, a
# finished scan and the completion mail with the exact count of the
# tenant's mail.
import os, sys, re, subprocess, time
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "scan/t"))
from runner_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
t = Tap()
emu_restore()
want = sum(expected_counts().values())
b = Browser(source_ip=source_ip(79))
addr, code, aid = granted(b, "org", "admin@contoso.example", "run79")

ticks, t0 = 0, time.time()
while ticks < 10 and assessment(aid)["state"] not in ("done", "failed", "cancelled"):
    if ticks:
        time.sleep(1)
    r = subprocess.run([ENV["SHINDAN_BIN"] + "/shindan-runner", "-c", ENV["SHINDAN_CONF"]],
                       capture_output=True, text=True, timeout=150)
    with open(os.path.join(ENV["SHINDAN_ROOT"], "log", "runner-tests.log"), "a") as f:
        f.write("=== 79: tick %d (exit %d)\n%s" % (ticks + 1, r.returncode, r.stderr))
    ticks += 1
a = assessment(aid)
t.is_(a["state"], "done", "the scan ends by itself (%d tick(s), %.0f s)" % (ticks, time.time() - t0))
t.is_(a["messages_scanned"], str(want), "with the exact count of the demo tenant's mail: %d" % want)
t.is_(psql1("SELECT count(*) FROM credential WHERE assessment_id = :'a1'", aid), "0", "its token deleted")

ms = wait_mail(addr, 3, timeout=60)
started = [m for m in ms if re.search("has started", m.subject)]
done = [m for m in ms if re.search("is finished", m.subject)]
t.is_(len(started), 1, "the start mail, delivered by the mailer")
t.is_(len(done), 1, "the completion mail")
if done:
    t.like(mail_body(done[0]), r"Mails scanned:\s+%s\r?\n" % format(want, ","),
           "with the exact count")
t.done()
