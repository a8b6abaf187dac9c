#!/usr/bin/python3
# 72-runner-org: "All mailboxes in the organisation" end to end, for a
# Japanese account: admin consent at the emulator, the app token, /users,
# every user with a mailbox scanned, the user without one answered
# MailboxNotEnabledForRESTAPI and counted as skipped, the guest skipped
# without a request, the exact total, the mails in Japanese.
import json, os, sys, re
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "scan/t"))
from runner_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
t = Tap()
emu_restore()
b = Browser(source_ip=source_ip(72), lang="ja")
counts = expected_counts()
want = sum(counts.values())
addr, code, aid = granted(b, "org", "admin@contoso.example", "run72", lang="ja")
t.is_(psql1("SELECT kind FROM credential WHERE assessment_id = :'a1'", aid), "app",
      "an organisation grant: an app credential")

seq0 = emu_seq()
rc, log = run_runner(runner_conf("72"))
t.is_(rc, 0, "the runner ticks and exits 0")
a = assessment(aid)
t.is_(a["state"], "done", "the assessment is done")
t.is_(a["messages_scanned"], str(want), "exactly the %d mails of the tenant" % want)
t.is_((a["mailboxes_total"], a["mailboxes_done"], a["mailboxes_skipped"], a["mailboxes_failed"]),
      ("7", "5", "2", "0"), "7 users: 5 mailboxes scanned, 2 skipped, none failed")
rows = {r[0]: r[1:] for r in psql("SELECT upn, state, coalesce(reason, ''), messages_scanned "
                                   "FROM mailbox WHERE assessment_id = :'a1'", aid)}
for upn, n in sorted(counts.items()):
    t.is_(rows.get(upn), ["done", "", str(n)], "%s: done, %d mails" % (upn, n))
t.is_(rows.get("nomail@contoso.example"), ["skipped", "no_mailbox", "0"],
      "the user without a mailbox: skipped (MailboxNotEnabledForRESTAPI)")
guest = [k for k in rows if "#EXT#" in k]
t.ok(guest and rows[guest[0]][:2] == ["skipped", "guest"], "the guest: skipped")
# Each mailbox's address as Graph's "mail" gives it (the engine's reader),
# beside its user principal name; none for the user without one.
with open(os.path.join(ENV["SHINDAN_SRC"], "tests/data/tenants/contoso.example/tenant.json")) as f:
    tenant_mail = {u["userPrincipalName"]: u.get("mail") or ""
                   for u in json.load(f)["users"]}
mails = dict(psql("SELECT upn, coalesce(mail, '') FROM mailbox WHERE assessment_id = :'a1'", aid))
t.is_(mails, tenant_mail, "each mailbox's mail address stored as Graph gives it")
t.ok(any(m and m != u for u, m in mails.items()), "one of them differs from its name (the guest's)")
reqs = requests_since(seq0)
nomail = psql1("SELECT user_id FROM mailbox WHERE assessment_id = :'a1' AND upn = 'nomail@contoso.example'", aid)
nm = sorted(urllib.parse.urlsplit(r["path"]).path.rsplit("/", 2)[-2] + "/" + str(r["status"])
            for r in reqs if nomail and nomail in r["path"])
t.is_(nm, sorted(["sentitems/404", "%s/404" % nomail]),
      "the user without a mailbox: its listing and its Sent Items asked once each, both 404")
t.is_([r for r in reqs if r.get("mailbox") and "#EXT#" in r["mailbox"]], [], "none for the guest")
users = [r for r in reqs if r["kind"] == "graph.users"]
t.is_(len(users), 1, "one /users page")
uq = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(users[0]["path"]).query)) if users else {}
t.is_(uq.get("$top"), "999", "/users with $top=999")
t.ok(set(uq.get("$select", "").split(",")) >= {"id", "userPrincipalName", "userType"},
     "and a $select")
lists = [r for r in reqs if r["kind"] == "graph.messages"]
t.ok(all(urllib.parse.urlsplit(r["path"]).path.startswith("/v1.0/users/") for r in lists),
     "mailboxes are read at /users/{id}/messages with the app token")
t.ok(max(max_inflight(reqs).values() or [0]) <= 4, "never more than 4 requests in flight per mailbox")
st_ = emu("/_emu/stats")
t.ok(st_["max_concurrency_any_mailbox"] <= 4, "the emulator agrees (%d)" % st_["max_concurrency_any_mailbox"])
t.is_(psql1("SELECT count(*) FROM credential WHERE assessment_id = :'a1'", aid), "0", "the token is deleted")

ms = wait_mail(addr, 3, timeout=20)
started = [m for m in ms if "診断を開始しました" in m.subject]
done = [m for m in ms if "診断が完了しました" in m.subject]
t.is_((len(started), len(done)), (1, 1), "the start and completion mails, in Japanese")
if started:
    s = mail_body(started[0])
    t.like(s, r"開始日時:\s+\d{4}年\d\d月\d\d日 \d\d:\d\d \(日本時間\)", "the start time in Japan time")
    t.like(s, "監査ログ", "the audit-log note")
    t.like(s, "組織のすべてのメールボックス", "what is scanned: every mailbox of the organisation")
    t.like(s, re.escape(code), "the confirmation number")
if done:
    d = mail_body(done[0])
    t.like(d, r"診断したメール:\s+%s 通" % "{:,}".format(want), "the exact number of mails")
    t.like(d, r"7 件中 5 件 \(メールボックスなし・対象外 2 件、失敗 0 件\)", "the mailboxes")
    t.like(d, re.escape(code), "the confirmation number")
    t.like(d, re.escape(b.base + "/signin?email="), "the link to /signin")
t.done()
