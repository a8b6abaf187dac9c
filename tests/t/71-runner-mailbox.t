#!/usr/bin/python3
# 71-runner-mailbox: "My mailbox" end to end from the portal: sign up,
# grant adele's mailbox at the emulator, Start, one runner tick: the
# start mail (start time, confirmation number, portal link, the audit-log
# note), paging to the end with the fewest requests ($select, $filter on
# the window, $orderby, $top, attachments through $batch), immutable ids,
# the exact number of mails, the completion mail with that number, the
# tokens gone; a second tick changes nothing (a scan runs once).
import os, sys, re
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "scan/t"))
from runner_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
t = Tap()
emu_restore()
b = Browser(source_ip=source_ip(71))
want = expected_counts()["adele@contoso.example"]
addr, code, aid = granted(b, "mailbox", "adele@contoso.example", "run71")
t.is_(psql1("SELECT state FROM assessment WHERE id = :'a1'", aid), "granted",
      "granted and started from the portal: not yet running")
t.is_(psql1("SELECT start_at <= now() FROM assessment WHERE id = :'a1'", aid), "t", "Start made it due")

conf = runner_conf("71", graph_page_size=100)
seq0 = emu_seq()
rc, log = run_runner(conf)
t.is_(rc, 0, "the runner ticks and exits 0")
a = assessment(aid)
t.is_(a["state"], "done", "the assessment is done")
t.is_(a["messages_scanned"], str(want), "exactly the %d mails of adele's mailbox were scanned" % want)
t.is_((a["mailboxes_total"], a["mailboxes_done"]), ("1", "1"), "one mailbox, done")
mb = psql("SELECT state, messages_scanned, checkpoint IS NULL, lease_owner IS NULL, attempts, requests "
          "FROM mailbox WHERE assessment_id = :'a1'", aid)[0]
t.is_(mb[:4], ["done", str(want), "t", "t"], "the mailbox is done, its checkpoint and lease cleared")
t.is_(mb[4], "1", "in one attempt")
t.is_(psql1("SELECT count(*) FROM credential WHERE assessment_id = :'a1'", aid), "0",
      "the tokens are deleted at the end")
t.is_(psql1("SELECT started_at IS NOT NULL AND finished_at >= started_at AND window_to - window_from = "
            "interval '30 days' FROM assessment WHERE id = :'a1'", aid), "t",
      "start and end recorded; the window is the last 30 days")

# The requests: one listing over every folder, paged to the end.
reqs = requests_since(seq0)
mine = [r for r in reqs if r["kind"] == "graph.messages" and r.get("mailbox") == "adele@contoso.example"]
lists = [r for r in mine if "/mailFolders/" not in r["path"]]
sent = [r for r in mine if "/mailFolders/" in r["path"]]
t.is_(len(lists), (want + 99) // 100, "%d list pages of 100 for %d mails" % ((want + 99) // 100, want))
first = urllib.parse.urlsplit(lists[0]["path"]) if lists else None
q = dict(urllib.parse.parse_qsl(first.query)) if first else {}
t.is_(first.path if first else None, "/v1.0/me/messages", "the whole mailbox: /me/messages, no folder")
t.ok(all(f in q.get("$select", "").split(",") for f in
         ("internetMessageHeaders", "body", "from", "subject", "hasAttachments", "receivedDateTime")),
     "$select names what the engine reads (headers and body included)")
t.like(q.get("$filter", ""), r"^receivedDateTime ge \S+Z and receivedDateTime lt \S+Z$",
       "$filter: the window, on receivedDateTime")
t.is_(q.get("$orderby"), "receivedDateTime desc", "$orderby on the same property (no InefficientFilter)")
t.is_(q.get("$top"), "100", "$top: graph_page_size")
skips = [dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(r["path"]).query)).get("$skip") for r in lists]
t.is_(skips, [None] + [str(100 * i) for i in range(1, len(lists))], "then each nextLink, to the end")
t.ok(all(r["status"] == 200 for r in lists), "every list page answered 200")
# Beside them, the Sent Items' recipients: the mailbox's correspondents.
sq = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(sent[0]["path"]).query)) if sent else {}
t.is_([urllib.parse.urlsplit(r["path"]).path for r in sent], ["/v1.0/me/mailFolders/sentitems/messages"],
      "one page of Sent Items for the correspondents")
t.is_(sq.get("$select"), "toRecipients,ccRecipients,bccRecipients", "only their recipients")
t.like(sq.get("$filter", ""), r"^sentDateTime ge \S+Z and sentDateTime lt \S+Z$",
       "$filter: the 90 days before the window's end, on sentDateTime")
t.is_(sq.get("$orderby"), "sentDateTime desc", "$orderby on the same property")
t.like(log, r"mailbox \d+: \d+ correspondents from \d+ sent messages", "the runner logs how many, no names")
items = [r for r in reqs if r.get("via") == "batch" and r.get("mailbox") == "adele@contoso.example"]
batches = [r for r in reqs if r["kind"] == "graph.batch"]
t.ok(items and all(r["kind"] in ("graph.attachments", "graph.message.value") for r in items),
     "attachments (or the MIME) are fetched only for messages that need them, through $batch (%d items)"
     % len(items))
t.ok(batches and len(items) / len(batches) > 5, "in batches of several (%d batches)" % len(batches))
t.is_(len([r for r in reqs if r.get("mailbox") == "adele@contoso.example" and r.get("via") != "batch"
           and r["kind"] not in ("graph.messages",)]), 0, "no other request for the mailbox")
t.ok(len(items) < want, "fewer attachment fetches than messages")
t.like(log, r"tick: %d messages, \d+ pages, \d+ requests \(\d+\.\d per 1000 messages\)" % want,
       "the runner logs its requests per 1,000 messages")

# What is stored: metadata and evidence of detections only.
n = psql1("SELECT count(*) FROM detection WHERE assessment_id = :'a1'", aid)
t.ok(int(n) > 0, "detections stored (%s)" % n)
t.is_(psql1("SELECT count(*) FILTER (WHERE verdict = 'threat') || ' ' || count(*) FILTER "
            "(WHERE verdict = 'potential') FROM detection WHERE assessment_id = :'a1'", aid),
      "%s %s" % (a["threats"], a["potentials"]), "the assessment's counts are the stored detections")
t.is_(psql1("SELECT count(*) FROM detection WHERE assessment_id = :'a1' AND message_id NOT LIKE "
            "'AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A%'", aid), "0",
      "message ids are immutable ids (Prefer: IdType=\"ImmutableId\")")
t.is_(psql1("SELECT count(*) FROM finding f JOIN detection d ON d.id = f.detection_id WHERE "
            "d.assessment_id = :'a1' AND (f.evidence_en ~ '<html|<body' OR length(f.evidence_en) > 2000)", aid),
      "0", "evidence is words, not mail bodies")
t.is_(psql1("SELECT count(*) FROM detection WHERE assessment_id = :'a1' AND (subject IS NULL "
            "OR received_at IS NULL OR sender_address IS NULL)", aid), "0",
      "each detection has its subject, time and sender")

# The mails.
ms = wait_mail(addr, 3, timeout=20)
started = [m for m in ms if re.search("has started", m.subject)]
done = [m for m in ms if re.search("is finished", m.subject)]
t.is_((len(started), len(done)), (1, 1), "one start mail and one completion mail")
if started:
    s = mail_body(started[0])
    t.like(s, r"Started:\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC", "start mail: the start time")
    t.like(s, re.escape(code), "start mail: the confirmation number")
    t.like(s, re.escape(b.base + "/"), "start mail: the portal link")
    t.like(s, r"audit log", "start mail: the note that the audit log shows the reads")
    t.like(s, r"adele@contoso\.example", "start mail: what is scanned")
if done:
    d = mail_body(done[0])
    t.like(d, r"Mails scanned:\s+%d\r?\n" % want, "completion mail: the exact number of mails")
    t.like(d, r"Started:\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC", "completion mail: the start time")
    t.like(d, r"Finished:\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC", "completion mail: the end time")
    t.like(d, re.escape(code), "completion mail: the confirmation number")
    t.like(d, re.escape(b.base + "/signin?email="), "completion mail: the link to /signin")
    t.like(d, r"Threats found:\s+%s\r?\n" % a["threats"], "completion mail: the threats")
    t.like(done[0].html or "", r"<td>%d</td>" % want, "its HTML part too")

# A second tick: nothing to do, nothing sent twice.
rc, log2 = run_runner(conf)
t.is_(rc, 0, "a second tick exits 0")
t.is_(assessment(aid)["messages_scanned"], str(want), "and scans nothing again")
t.is_(len(wait_mail(addr, 4, timeout=2)), 3, "and sends nothing again")
t.is_(psql1("SELECT count(*) FROM outbox WHERE dedupe IN ('scan_started:' || :'a1', "
            "'scan_done:' || :'a1')", aid), "2", "each mail queued once (deduplicated by assessment)")
t.done()
