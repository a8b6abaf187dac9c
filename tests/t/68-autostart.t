#!/usr/bin/python3
# 68-autostart: nobody presses Start.  The granted page counts down
# without JavaScript (the server decides); when the delay has passed
# (its start time moved into the past here, as if the configured delay
# had run out) the page says it is starting, the next runner tick starts
# the scan by itself, the start mail goes out and the page moves on to
# the started page.  Back within the delay: nothing ever starts.
import os, sys, re, time
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "scan/t"))
from runner_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
t = Tap()
emu_restore()
conf = runner_conf("68")

b = Browser(source_ip=source_ip(68))
addr, code, aid = granted(b, "mailbox", "alex@contoso.example", "auto68", start=False)
r = b.get("/app/granted")
m = re.search(r'data-countdown="(\d+)"', r.text)
left = int(m.group(1)) if m else -1
t.ok(250 <= left <= 300, "the page counts down from the configured delay (%d s left)" % left)
t.is_(r.header("Refresh"), str(left + 1), "and reloads itself when the time is up, no script needed")

rc, log = run_runner(conf)
t.is_(psql1("SELECT state FROM assessment WHERE id = :'a1'", aid), "granted",
      "a runner tick before the time leaves it waiting")
t.is_([m.subject for m in mails_to(addr) if "start" in m.subject.lower()], [], "and sends no start mail")

# The delay runs out.
psql("UPDATE assessment SET start_at = now() - interval '1 second' WHERE id = :'a1'", aid)
r = b.get("/app/granted")
t.like(r.text, "Starting now", "when the time is up the page says it is starting")
t.is_(r.header("Refresh"), "5", "and looks again every 5 seconds")
t.ok(r.form("/app/cancel") is not None, "Back is still offered")

rc, log = run_runner(conf)
t.is_(rc, 0, "the next tick runs")
t.is_(psql1("SELECT state FROM assessment WHERE id = :'a1'", aid), "done",
      "and scans without Start being pressed")
t.is_(psql1("SELECT messages_scanned FROM assessment WHERE id = :'a1'", aid),
      str(expected_counts()["alex@contoso.example"]), "every mail of the mailbox")
ms = wait_mail(addr, 3, timeout=20)
subjects = [m.subject for m in ms]
t.ok(any("started" in s for s in subjects) and any("finished" in s for s in subjects),
     "the start and completion mails went out (%s)" % "; ".join(subjects))
r = b.get("/app/granted")
t.ok(r.status == 303 and "/app/granted" not in (r.header("Location") or ""),
     "the granted page moves on (%s)" % r.header("Location"))

# Back within the delay: it never starts.
b2 = Browser(source_ip=source_ip(68, 1))
addr2, _, aid2 = granted(b2, "mailbox", "megan@contoso.example", "back68", start=False)
r = b2.get("/app/granted")
r = b2.submit(r, r.form("/app/cancel"))
t.like(r.url, "/app$", "Back returns to the main screen")
psql("UPDATE assessment SET start_at = now() - interval '1 second' WHERE id = :'a1'", aid2)
rc, log = run_runner(conf)
t.is_(psql1("SELECT state FROM assessment WHERE id = :'a1'", aid2), "cancelled", "the assessment stays cancelled")
t.is_(psql1("SELECT count(*) FROM credential WHERE assessment_id = :'a1'", aid2), "0", "its tokens are gone")
t.is_([m.subject for m in mails_to(addr2) if "start" in m.subject.lower()], [], "no start mail")
t.done()
