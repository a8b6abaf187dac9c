#!/usr/bin/python3
# 50-mail: the registration mail through the real mailer and SMTP: both
# languages, text and HTML, the number and the link; signing in with it;
# a known address's instructions; retries while the relay is down or
# answers 4xx; 5xx marks the mail failed with the reason.
import os, sys, signal, subprocess, time
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

t = Tap()
b = Browser(source_ip=source_ip(50))
addr = unique_email("mail")
start = time.time()
signup(b, addr)
m = wait_mail(addr)
t.is_(len(m), 1, "one registration mail")
if not m:
    t.bail("no mail")
m = m[0]
t.diag("delivered in %.1f s" % (time.time() - start))
t.ok(time.time() - start < 10, "delivered within seconds (LISTEN/NOTIFY)")
t.is_(m.subject, "Your Shindan confirmation number", "English subject")
t.is_(m.msg.get_content_type(), "multipart/alternative", "text and HTML parts")
t.ok(m.text and m.html, "both parts present")
t.like(m.text, r"Sign-in address:\s+" + re.escape(addr), "the text names the sign-in address")
t.like(m.text, r"Confirmation number:\s+[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", "and the number")
link = re.search(r"(http://\S+/signin\?email=\S+)", m.text)
t.ok(link is not None, "and a link to /signin?email=")
t.like(m.html, re.escape(m.code), "the HTML part has the number")
t.like(m.html, r'href="http://[^"]+/signin\?email=', "and the link")
t.like(m.message_id, r"^<shindan-registration-\d+@shindan\.local>$", "a stable Message-ID")
t.ok(m.msg["Date"] is not None and m.msg["Auto-Submitted"] == "auto-generated", "Date and Auto-Submitted")
r = b.get(link.group(1).replace("&amp;", "&"))
t.is_(r.form("/signin")["fields"].get("email"), addr, "the link fills in the address")
r = signin(b, addr, m.code)
t.is_(r.status, 303, "the mailed number signs in")

# Japanese.
bj = Browser(source_ip=source_ip(50, 1))
aj = unique_email("mailja")
signup(bj, aj, lang="ja")
mj = wait_mail(aj)[0]
t.is_(mj.subject, "【Shindan】確認番号のお知らせ", "Japanese subject (RFC 2047)")
t.like(mj.text, "確認番号", "Japanese text")
t.like(mj.html, 'lang="ja"', "Japanese HTML")
t.like(mj.raw.split(b"\r\n\r\n")[0].decode(), r"Subject: =\?UTF-8\?B\?", "the subject header is encoded")

# A known address: sign-in instructions with the same number.
signup(Browser(source_ip=source_ip(50, 2)), addr)
again = wait_mail(addr, count=2)
t.is_(len(again), 2, "a known address gets a second mail")
if len(again) == 2:
    t.is_(again[1].subject, "Signing in to Shindan", "with sign-in instructions")
    t.is_(again[1].code, m.code, "and the same number")

# 4xx: retried until the relay takes it.
reply = os.path.join(os.environ["SHINDAN_ROOT"], "smtpsink.reply")
with open(reply, "w") as f:
    f.write("451 4.3.0 Try again later\n")
a4 = unique_email("retry")
signup(Browser(source_ip=source_ip(50, 3)), a4)
def outbox(addr):
    rows = psql("SELECT state, attempts, coalesce(last_error,'') FROM outbox WHERE recipient = :'a1'", addr)
    return rows[0] if rows else None
end = time.time() + 15
while time.time() < end and (outbox(a4) is None or outbox(a4)[2] == ""):
    time.sleep(0.2)
row = outbox(a4)
t.ok(row and row[0] == "queued" and "451" in row[2], "a 451 leaves the mail queued with the reason (%r)" % (row,))
os.unlink(reply)
t.is_(len(wait_mail(a4, timeout=30)), 1, "and it is delivered once the relay accepts")
t.is_(outbox(a4)[0], "sent", "then marked sent")

# The relay down: the mail waits, nothing is lost.
sink_pid = int(open(os.path.join(os.environ["SHINDAN_ROOT"], "run/smtpsink.pid")).read())
os.kill(sink_pid, signal.SIGTERM)
time.sleep(0.5)
ad = unique_email("down")
signup(Browser(source_ip=source_ip(50, 4)), ad)
end = time.time() + 15
while time.time() < end and (outbox(ad) is None or outbox(ad)[2] == ""):
    time.sleep(0.2)
row = outbox(ad)
t.ok(row and row[0] == "queued" and row[2].startswith("smtp:"), "relay down: queued with the reason (%r)" % (row,))
port = os.environ["SHINDAN_SMTP_PORT"]
p = subprocess.Popen(["/usr/bin/python3", os.path.join(os.environ["SHINDAN_SRC"], "tests/fakes/smtpsink.py"),
                      "--listen", "127.0.0.1:" + port, "--maildir", os.environ["SHINDAN_MAILDIR"]],
                     stdout=subprocess.DEVNULL, stderr=open(os.path.join(os.environ["SHINDAN_ROOT"], "log/smtpsink.log"), "a"))
with open(os.path.join(os.environ["SHINDAN_ROOT"], "run/smtpsink.pid"), "w") as f:
    f.write("%d\n" % p.pid)
t.is_(len(wait_mail(ad, timeout=40)), 1, "delivered after the relay comes back")

# 5xx: failed, with the reason, not retried.
with open(reply, "w") as f:
    f.write("550 5.1.1 No such user here\n")
a5 = unique_email("refused")
signup(Browser(source_ip=source_ip(50, 5)), a5)
end = time.time() + 15
while time.time() < end and (outbox(a5) is None or outbox(a5)[0] == "queued"):
    time.sleep(0.2)
os.unlink(reply)
row = outbox(a5)
t.ok(row and row[0] == "failed" and "550" in row[2], "a 550 marks the mail failed with the reason (%r)" % (row,))
t.is_(row and row[1], "1", "tried once")
t.done()
