#!/usr/bin/python3
# 74-runner-faults: Graph misbehaving, each fault switched on for a few
# seconds while a runner scans, then off; every scan ends done with the
# exact count.  429 with a (fractional) Retry-After: the mailbox waits at
# least that long, never less, and never more than 4 requests are in
# flight; Exchange's budget throttling likewise; 503 without Retry-After:
# exponential backoff (the attempts at a request get further apart);
# 504 on a list page: the page size is halved; dropped connections and
# truncated JSON: retried.
import os, sys, re, time
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "scan/t"))
from runner_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
t = Tap()
emu_restore()
counts = expected_counts()
k = [0]


def scan(user, fault, secs, conf, what):
    """Grant user's mailbox, run a runner with fault on for secs: the
    requests of the run and the assessment."""
    k[0] += 1
    b = Browser(source_ip=source_ip(74, k[0]))
    _, _, aid = granted(b, "mailbox", user, "run74")
    seq0 = emu_seq()
    emu_set(**fault)
    bg = Bg(conf)
    # The fault stays on for secs from the runner's first Graph request,
    # however long a loaded machine takes to start it.
    t0 = time.time()
    while time.time() - t0 < 60 and bg.p.poll() is None and \
            not any(r["kind"].startswith("graph") for r in requests_since(seq0)):
        time.sleep(0.05)
    time.sleep(secs)
    emu_restore()
    rc = bg.wait()
    a = assessment(aid)
    t.is_(rc, 0, "%s: the runner exits 0" % what)
    t.is_((a["state"], a["messages_scanned"]), ("done", str(counts[user])),
          "%s: done, exactly %d mails" % (what, counts[user]))
    return requests_since(seq0), a, bg.text()


conf = runner_conf("74", graph_page_size=10)

# 429 on every request for 2.5 s, Retry-After 0.7 s.
reqs, a, log = scan("megan@contoso.example", {"rate_429": 1.0, "retry_after_min": 0.7,
                    "retry_after_max": 0.7}, 2.5, conf, "429")
n429 = [r for r in reqs if r["status"] == 429]
t.ok(len(n429) >= 2, "429s were answered (%d)" % len(n429))
br = retry_after_breaches(reqs)
t.is_(br, [], "no request for the mailbox before its Retry-After")
mine = [r for r in reqs if r.get("mailbox") == "megan@contoso.example" and r.get("via") != "batch"]
during = [r for r in mine if r["status"] == 429]
# The requests in flight when a 429 came (the first list page and the
# Sent Items, asked at once) go again together once the wait is over: a
# round is the requests less than 0.3 s apart.
import datetime as _dt0
at = sorted(_dt0.datetime.strptime(r["time"], "%Y-%m-%dT%H:%M:%S.%fZ").timestamp() - r["ms"] / 1000.0
            for r in during)
rounds = 1 + sum(1 for x, y in zip(at, at[1:]) if y - x > 0.3) if at else 0
t.ok(rounds <= 6 and len(during) <= 4 * rounds,
     "the mailbox waited: %d requests in %d rounds in 2.5 s of 429s" % (len(during), rounds))
t.ok(max(max_inflight(reqs).values() or [0]) <= 4, "never more than 4 in flight per mailbox")
t.like(log, r"\d+ throttled", "the runner counts them")

# Fractional Retry-After, throttling by Exchange's budget (here 2 a second,
# so that even a runner slowed by a loaded machine meets it).
reqs, a, log = scan("alex@contoso.example", {"mailbox_budget": 2, "mailbox_window": 1.0,
                    "retry_after_min": 0.2, "retry_after_max": 0.45}, 3.0, conf, "budget")
thr = [r for r in reqs if r["status"] == 429]
t.ok(len(thr) >= 1, "the budget throttled some requests (%d)" % len(thr))
t.ok(any(r.get("retry_after") and r["retry_after"] != int(r["retry_after"]) for r in thr),
     "with fractional Retry-After values")
t.is_(retry_after_breaches(reqs), [], "each honoured, never undercut")
emu_set(mailbox_budget=10000, mailbox_window=600.0)

# 503 without Retry-After for 3 s: backoff with jitter, growing.
reqs, a, log = scan("patti@contoso.example", {"rate_503_no_retry_after": 1.0}, 3.0, conf, "503")
by = {}
for r in reqs:
    if r.get("mailbox") == "patti@contoso.example" and r.get("via") != "batch":
        by.setdefault(r["path"], []).append(r)
first = max(by.values(), key=len) if by else []
import datetime as _dt


def ts(r):
    return _dt.datetime.strptime(r["time"], "%Y-%m-%dT%H:%M:%S.%fZ").timestamp() - r["ms"] / 1000.0


gaps = [ts(y) - ts(x) for x, y in zip(first, first[1:]) if x["status"] == 503]
t.ok(len(gaps) >= 2, "the same request was tried again after 503s (%d)" % len(gaps))
t.ok(gaps and min(gaps) >= 0.45, "never at once: at least %.2f s apart" % (min(gaps) if gaps else 0))
t.ok(len(gaps) >= 2 and gaps[-1] > gaps[0], "further apart each time: %s" %
     ", ".join("%.2f" % g for g in gaps))

# 504 on list pages: smaller pages.
conf40 = runner_conf("74-40", graph_page_size=40)
reqs, a, log = scan("alex@contoso.example", {"rate_504": 1.0}, 2.0, conf40, "504")
tops = []
for r in reqs:
    if "/mailFolders/" in r["path"]:
        continue    # the Sent Items' recipients (their own page size)
    if r["kind"] == "graph.messages" or (r["kind"] == "graph.error" and "/messages" in r["path"]):
        tops.append(dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(r["path"]).query)).get("$top"))
t.ok(tops[:1] == ["40"] and "20" in tops and "10" in tops, "after 504s the page size is halved: %s" %
     ",".join(str(x) for x in tops[:8]))

# Dropped connections, then truncated JSON: every request while each is
# on (so that how many requests fall in the window cannot matter).
for user, kind, what in (("patti@contoso.example", "drop", "dropped connections"),
                         ("megan@contoso.example", "malformed", "truncated answers")):
    f0 = emu("/_emu/stats").get("faults", {}).get(kind, 0)
    reqs, a, log = scan(user, {"rate_" + kind: 1.0}, 1.5, conf, what)
    n = emu("/_emu/stats").get("faults", {}).get(kind, 0) - f0
    t.ok(n > 0, "%s: the emulator answered %d requests so, and the scan still ended exact" % (what, n))
t.done()
