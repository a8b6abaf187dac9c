#!/usr/bin/python3
# 81-results: /results and /results/detection.  Progress while a scan
# runs (refreshes itself); when done the summary, counts by category,
# the detections paged by keys (every row exactly once, in order, both
# directions), filters and orders, one detection with its evidence and
# its Outlook link; failed and cancelled say so and what to do; mailboxes
# not scanned with reasons; Japanese; hostile subjects shown safely;
# another account's detection unreachable; bad input is a 400.
import os, sys
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "report/t"))
from shindan_test import *
import fixture

t = Tap()
b = Browser(source_ip=source_ip(81))
addr, code = new_account(b, "results")
acct = fixture.account_id(addr)

anon = Browser(source_ip=source_ip(81, 1))
r = anon.get("/results")
t.ok(r.status == 303 and r.header("Location").endswith("/signin"),
     "/results needs a session")

r = b.get("/results")
t.is_(r.status, 200, "no assessment: 200")
t.like(r.text, "There are no results", "says there are no results")
t.like(r.text, 'href="/app"', "and links to start one")

# --- running -------------------------------------------------------------
aid, mids = fixture.make(acct, 7, state="running", mailboxes=4, problems=False)
psql("UPDATE assessment SET mailboxes_total = 4, mailboxes_done = 1,"
     " messages_scanned = 1234, threats = 3, potentials = 4,"
     " started_at = now() - interval '10 minutes' WHERE id = :'a1'", aid)
r = b.get("/results")
t.is_(r.status, 200, "running: 200")
security_headers_ok(t, r, "/results")
t.like(r.text, "Assessment in progress", "shows the progress")
t.like(r.header("Refresh") or "", r"^[0-9]+$", "refreshes itself without JavaScript")
t.like(r.text, r'<progress id="mbox-progress" max="4" value="1">', "mailboxes done of total")
t.like(r.text, r"<b>1 / 4</b>", "as figures")
t.like(r.text, r"<b>1,234</b>Mails scanned", "mails scanned")
t.like(r.text, r"<b>3</b>Threats so far", "threats so far")
t.like(r.text, r'id="eta">about 3[01] min', "an estimated time left (3 left at 10 min each)")
t.ok(r.form("/app/cancel") is not None, "and a way to cancel")
psql("UPDATE assessment SET mailboxes_done = 0 WHERE id = :'a1'", aid)
t.like(b.get("/results").text, r'id="eta">estimating', "no estimate before a mailbox is done")
t.like(b.get("/results?lang=ja").text, "診断中", "progress in Japanese")
b.get("/results?lang=en")

for st in ("granted", "consenting"):
    psql("UPDATE assessment SET state = :'a2' WHERE id = :'a1'", aid, st)
    r = b.get("/results")
    t.ok(r.status == 303 and r.header("Location").endswith("/app"),
         "%s: /results leads to /app" % st)

# --- done -------------------------------------------------------------------
HOSTILE = "<script>alert(1)</script>\u202egnp.exe"
N = 137
aid, mids = fixture.make(acct, N, subjects=["Subject A", HOSTILE, "請求書の確認"],
                         names=["Sender \u202eevil", "<b>bold</b>"])
r = b.get("/results")
t.is_(r.status, 200, "done: 200")
page = r.text
t.like(page, r">Assessment results<", "the results title")
t.like(page, r"<dt>Status</dt><dd>Completed", "the status")
t.like(page, r"<dt>Period scanned</dt><dd>\d{4}-\d\d-\d\d \d\d:\d\d – \d{4}-\d\d-\d\d \d\d:\d\d", "the period")
t.like(page, r"<b>3 / 5</b>Mailboxes scanned", "mailboxes scanned of total")
t.like(page, r"<b>%s</b>Mails scanned" % format(N * 7 + 100, ","), "mails scanned")
t.like(page, r"<b>69</b>Threats", "threats")
t.like(page, r"<b>68</b>Potential threats", "potential threats")
want = {c: len([i for i in range(N) if i % 7 == k]) for k, c in enumerate(fixture.CATS)}
for c, n in want.items():
    t.like(page, r'data-category="%s">%d<' % (c, n), "count of %s: %d" % (c, n))
t.like(page, r'href="/results/report.pdf"', "the PDF download")
t.like(page, r'href="/results/report.csv"', "the CSV download")
t.like(page, r'id="matching">%d<' % N, "all detections match")
t.unlike(page, r"<script>alert", "a hostile subject is escaped")
t.like(page, r"&lt;script&gt;alert\(1\)&lt;/script&gt;", "and shown as text")
t.unlike(page, "\u202e", "bidi overrides are neutralised")
t.unlike(page, r"<b>bold</b>", "a hostile sender name is escaped")
t.like(page, r'id="not-scanned"', "mailboxes not scanned are listed")
t.like(page, r"nomail@contoso\.example.*skipped.*No Exchange Online mailbox", "a skipped one with its reason")
t.like(page, r"broken@contoso\.example.*failed.*Microsoft refused access", "a failed one with its reason")
t.like(page, r'href="/results/rescan"', "re-run")
t.like(page, r'href="/results/delete"', "delete now")
t.like(page, r'href="/account/delete"', "delete the account")
t.like(page, r"deleted automatically on: <strong>\d{4}-\d\d-\d\d", "the retention date")
t.is_(psql1("SELECT count(*) FROM result_summary WHERE assessment_id = :'a1'", aid), "1",
      "the counts of a finished result are kept")

def ids_of(resp):
    return re.findall(r'href="/results/detection\?id=(\d+)"', resp.text)

def next_of(resp, rel="next"):
    m = re.search(r'rel="%s" href="([^"]+)"' % rel, resp.text)
    return html.unescape(m.group(1)) if m else None

import html
order = [r2[0] for r2 in psql("SELECT id FROM detection WHERE assessment_id = :'a1'"
                              " ORDER BY sort_at DESC, id DESC", aid)]
seen, pages, url, firsts = [], 0, "/results", []
while url and pages < 10:
    r = b.get(url)
    got = ids_of(r)
    firsts.append((url, got))
    seen += got
    pages += 1
    url = next_of(r)
t.is_(pages, 3, "137 detections: three pages of 50")
t.is_(seen, order, "every detection exactly once, newest first")
t.unlike(firsts[0][0], "after=", "the first page has no key")
r = b.get(firsts[2][0])
prev = next_of(r, "prev")
t.like(prev or "", r"before=\d+", "a later page links back by key")
t.is_(ids_of(b.get(prev)), firsts[1][1], "and the previous page is the same as before")
r = b.get(prev)
t.is_(ids_of(b.get(next_of(r, "prev"))), firsts[0][1], "back again to the first page")
t.like(b.get(firsts[2][0]).text, "First page", "a page reached by key links to the first")

def walk(q):
    out, url, n = [], "/results?" + q, 0
    while url and n < 20:
        r = b.get(url)
        if r.status != 200:
            return None
        out += ids_of(r)
        url = next_of(r)
        n += 1
    return out

want = [x[0] for x in psql("SELECT id FROM detection WHERE assessment_id = :'a1'"
                           " AND category = 'phishing' ORDER BY sort_at DESC, id DESC", aid)]
t.is_(walk("category=phishing"), want, "filter by category, paged")
r = b.get("/results?category=phishing")
t.like(r.text, r'id="matching">%d<' % len(want), "with its count")
t.like(r.text, r'<option value="phishing" selected>', "the filter stays chosen")
want = [x[0] for x in psql("SELECT id FROM detection WHERE assessment_id = :'a1'"
                           " AND severity = 'high' ORDER BY sort_at ASC, id ASC", aid)]
t.is_(walk("severity=high&sort=old"), want, "filter by severity, oldest first")
want = [x[0] for x in psql("SELECT id FROM detection WHERE assessment_id = :'a1'"
                           " AND mailbox_id = :'a2' AND category = 'spam'"
                           " ORDER BY sort_at DESC, id DESC", aid, mids[1])]
t.is_(walk("mailbox=%s&category=spam" % mids[1]), want, "filter by mailbox and category")
r = b.get("/results?mailbox=%s" % mids[1])
n1 = psql1("SELECT count(*) FROM detection WHERE mailbox_id = :'a1'", mids[1])
t.like(r.text, r'id="matching">%s<' % n1, "a mailbox's count")
want = [x[0] for x in psql("SELECT id FROM detection WHERE assessment_id = :'a1'"
                           " ORDER BY sev_rank DESC, sort_at DESC, id DESC", aid)]
got = walk("sort=sev")
t.is_(got, want, "highest severity first, paged")
r = b.get("/results?sort=sev")
r = b.get(next_of(r))
r = b.get(next_of(r, "prev"))
t.is_(ids_of(r), want[:50], "and back by key in that order")
r = b.get("/results?category=spam&severity=high&mailbox=999999999")
t.like(r.text, "No detected mail matches these filters", "no match says so")
r = b.get("/results?after=999999999")
t.is_(ids_of(r), order[:50], "an unknown key gives the first page")
for q in ("category=bogus", "severity=extreme", "sort=id", "after=1;DROP", "mailbox=-1",
          "after=" + "9" * 30):
    t.is_(b.get("/results?" + q).status, 400, "bad field %s: 400" % q.split("=")[0])
t.is_(b.get("/results?category=&severity=&mailbox=&sort=").status, 200,
      "empty filters (the form's All) are no filter")

# --- one detection ----------------------------------------------------------
did = psql1("SELECT id FROM detection WHERE assessment_id = :'a1' AND category = 'malware'"
            " ORDER BY id LIMIT 1", aid)
psql("UPDATE detection SET subject = :'a2', recipients = 'a@contoso.example, b@contoso.example'"
     " WHERE id = :'a1'", did, HOSTILE)
r = b.get("/results/detection?id=" + did)
t.is_(r.status, 200, "a detection: 200")
t.like(r.text, r"&lt;script&gt;alert\(1\)&lt;/script&gt;", "its subject, escaped")
t.unlike(r.text, "\u202e", "without bidi overrides")
t.like(r.text, r"Evidence for msg-", "its evidence")
t.like(r.text, r"<code>rule\.malware</code>", "the rule")
t.like(r.text, r"<code>[0-9a-f]{64}</code>", "the attachment's SHA-256")
t.like(r.text, r"invoice\d\.docm", "the attachment's name")
t.like(r.text, r"<code>http://evil\d\.example/login\?id=\d+</code>", "the URL as text")
t.unlike(r.text, r'href="http://evil', "never as a link")
t.like(r.text, r'id="owa" href="https://outlook\.office365\.com/owa/\?ItemID=msg-', "the Outlook on the web link")
t.like(r.text, r'rel="noopener noreferrer"', "opened without a referrer")
t.like(r.text, "a@contoso.example, b@contoso.example", "the recipients")
psql("UPDATE detection SET web_link = 'javascript:alert(1)' WHERE id = :'a1'", did)
t.unlike(b.get("/results/detection?id=" + did).text, r"javascript:", "a link that is not Outlook's is not shown")
t.like(b.get("/results/detection?id=%s&lang=ja" % did).text, r"の根拠", "the evidence in Japanese")
b.get("/results?lang=en")
t.is_(b.get("/results/detection?id=999999999").status, 404, "an unknown detection: 404")
t.is_(b.get("/results/detection").status, 404, "no id: 404")

other = Browser(source_ip=source_ip(81, 2))
oaddr, _ = new_account(other, "other")
oacct = fixture.account_id(oaddr)
t.is_(other.get("/results/detection?id=" + did).status, 404,
      "another account (without results) cannot open it")
fixture.make(oacct, 3)
t.is_(other.get("/results/detection?id=" + did).status, 404,
      "another account (with results of its own) cannot open it")
t.unlike(other.get("/results").text, r'detection\?id=%s"' % did, "nor sees it in its list")

# --- Japanese -----------------------------------------------------------------
r = b.get("/results?lang=ja")
t.like(r.text, "診断結果", "the results in Japanese")
t.like(r.text, "フィッシング", "category names in Japanese")
t.like(r.text, "時刻は日本時間です", "times in Japan time")
m1 = re.search(r'<td class="nowrap">([^<]+)</td>', r.text)
r = b.get("/results?lang=en")
m2 = re.search(r'<td class="nowrap">([^<]+)</td>', r.text)
import datetime
d1 = datetime.datetime.strptime(m1.group(1), "%Y-%m-%d %H:%M")
d2 = datetime.datetime.strptime(m2.group(1), "%Y-%m-%d %H:%M")
t.is_(d1 - d2, datetime.timedelta(hours=9), "Japan time is UTC+9")

# --- failed and cancelled -----------------------------------------------------
aid, mids = fixture.make(acct, 5, state="failed", error="consent_revoked")
r = b.get("/results")
t.like(r.text, r'id="failed"', "failed: says so")
t.like(r.text, "consent was withdrawn", "why")
t.like(r.text, "a Global Administrator must consent again", "and what to do next")
t.like(r.text, r'id="matching">5<', "what was found before it stopped")
t.like(b.get("/results?lang=ja").text, "全体管理者による同意が改めて必要です", "in Japanese too")
b.get("/results?lang=en")
aid, mids = fixture.make(acct, 0, state="cancelled")
r = b.get("/results")
t.like(r.text, "was cancelled before it finished", "cancelled: says so")
t.like(r.text, "run the assessment again", "and what to do")
t.like(r.text, "No threats or potential threats were found", "nothing found")
aid, mids = fixture.make(acct, 0, state="done", problems=False)
r = b.get("/results")
t.like(r.text, "No threats or potential threats were found", "a clean result says so")
t.unlike(r.text, 'id="not-scanned"', "no mailbox list when all were scanned")
t.done()
