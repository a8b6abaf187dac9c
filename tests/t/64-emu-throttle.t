#!/usr/bin/python3
# 64-emu-throttle: Exchange-like throttling (4 in flight per app and
# mailbox: the 5th gets 429 with Retry-After; a request budget per window
# with a fractional Retry-After), the Retry-After violation counter, the
# fault flags (429, 503 with and without Retry-After, 504, dropped
# connections, malformed JSON, latency, seed), /_emu/requests, the log.
import http.client, json, os, sys, threading, time
sys.path.insert(0, os.path.join(os.environ.get("SHINDAN_SRC", "."), "tests/fakes/msemu"))
from emutest import *

t = Tap()
e = Emu()
try:
    e.admin_consent("admin@contoso.example")
    app = e.app_token("contoso.example").json()["access_token"]
    U = "/v1.0/users/adele@contoso.example/messages?$top=1&$select=id"

    # 5 at once with 500 ms of latency: one of them is refused
    e.ctl("config", {"latency_ms": 500, "retry_after_min": 0.4, "retry_after_max": 0.4})
    conns = [http.client.HTTPConnection("127.0.0.1", e.port, timeout=10) for _ in range(5)]
    for c in conns:
        c.connect()
    res = [None] * 5
    go = threading.Barrier(5)

    def one(i):
        go.wait()
        r = e.req("GET", U + "&n=%d" % i, {"Authorization": "Bearer " + app}, conn=conns[i])
        res[i] = (r.status, r.h("retry-after"), r.body)
    th = [threading.Thread(target=one, args=(i,)) for i in range(5)]
    for x in th:
        x.start()
    for x in th:
        x.join()
    st = sorted(s for s, _ra, _b in res)
    t.is_(st, [200, 200, 200, 200, 429], "5 concurrent requests for one mailbox: four 200, one 429")
    t429 = [x for x in res if x[0] == 429][0]
    body = json.loads(t429[2])
    t.ok(t429[1] == "0.4" and body["error"]["code"] == "TooManyRequests" and body["error"]["message"] == "Please retry again later."
         and body["error"]["innerError"]["status"] == "429", "429: Retry-After and the JSON of MICROSOFT.md 3.2")
    s = e.ctl("stats")
    t.is_(s["max_concurrency"].get("adele@contoso.example"), 4, "stats: max concurrency seen for adele is 4")
    t.is_(s["throttled"].get("concurrency"), 1, "stats: one concurrency refusal")
    v0 = s["retry_after_violations"]
    e.ctl("config", {"latency_ms": 0})
    # a fresh 429 then a request too early, then one after the wait
    e.ctl("config", {"rate_429": 1.0, "retry_after_min": 0.6, "retry_after_max": 0.6})
    r = e.get(U + "&x=1", app)
    t.is_((r.status, r.h("retry-after")), (429, "0.6"), "rate_429=1: 429 with the configured Retry-After")
    e.ctl("config", {"rate_429": 0.0})
    r = e.get(U + "&x=2", app)
    v1 = e.ctl("stats")["retry_after_violations"]
    t.is_(v1, v0 + 1, "a request before the Retry-After: one violation counted")
    t.is_(e.ctl("stats")["retry_after_violations_by_mailbox"].get("adele@contoso.example"), v1,
          "counted for that mailbox")
    time.sleep(0.7)
    e.get(U + "&x=3", app)
    e.get("/v1.0/users/alex@contoso.example/messages?$top=1", app)
    t.is_(e.ctl("stats")["retry_after_violations"], v1, "after waiting, no new violation (nor for another mailbox)")

    e.ctl("config", {"rate_429": 1.0, "retry_after_min": 0.6, "retry_after_max": 0.6, "retry_after_grace_ms": 300})
    e.get(U + "&g=1", app)
    e.ctl("config", {"rate_429": 0.0})
    e.get(U + "&g=2", app)
    s = e.ctl("stats")
    t.ok(s["retry_after_violations"] == v1 and s["retry_after_within_grace"] == 1,
         "within retry_after_grace_ms: counted apart, not as a violation")
    e.ctl("config", {"retry_after_grace_ms": 0})
    time.sleep(0.7)

    # budget per window
    e.ctl("config", {"mailbox_budget": 3, "mailbox_window": 3.0})
    got = [e.get(U + "&b=%d" % i, app) for i in range(5)]
    sts = [r.status for r in got]
    ra = [r.h("retry-after") for r in got if r.status == 429]
    t.ok(sts[:3] == [200, 200, 200] and sts[3] == 429 and ra and 0.5 < float(ra[0]) <= 1.0,
         "a budget of 3 per 3 s: the 4th is refused with a fractional Retry-After (%s)" % (ra[:1],))
    t.is_(e.get("/v1.0/users/alex@contoso.example/messages?$top=1", app).status, 200, "another mailbox is not affected")
    e.ctl("reset", {})
    t.is_(e.get(U, app).status, 200, "after /_emu/reset the budget is back")

    # faults
    e.ctl("config", {"rate_503": 1.0, "retry_after_min": 2.25, "retry_after_max": 2.25})
    r = e.get(U + "&f=1", app)
    t.is_((r.status, r.h("retry-after")), (503, "2.25"), "rate_503: 503 with Retry-After")
    e.ctl("reset", {})
    e.ctl("config", {"rate_503_no_retry_after": 1.0})
    r = e.get(U + "&f=2", app)
    t.ok(r.status == 503 and r.h("retry-after") is None, "rate_503_no_retry_after: 503 without Retry-After")
    e.ctl("config", {"rate_503_no_retry_after": 0.0, "rate_504": 1.0})
    t.is_(e.get(U + "&f=3", app).status, 504, "rate_504: 504")
    e.ctl("config", {"rate_504": 0.0, "rate_malformed": 1.0})
    r = e.get(U + "&f=4", app)
    try:
        json.loads(r.body)
        bad = False
    except ValueError:
        bad = True
    t.ok(r.status == 200 and bad, "rate_malformed: 200 with a body that is not JSON")
    e.ctl("config", {"rate_malformed": 0.0, "rate_drop": 1.0})
    try:
        e.get(U + "&f=5", app)
        dropped = False
    except (http.client.HTTPException, ConnectionError):
        dropped = True
    t.ok(dropped, "rate_drop: the connection closes without an answer")
    e.ctl("config", {"rate_drop": 0.0, "latency_ms": 250})
    t0 = time.time()
    e.get(U, app)
    t.ok(time.time() - t0 >= 0.25, "latency_ms delays the answer")
    e.ctl("reset", {})

    def run():
        e.ctl("config", {"rate_429": 0.3, "rate_503": 0.1, "seed": 7, "retry_after_min": 0.001, "retry_after_max": 0.001})
        out = [e.get("/v1.0/users/megan@contoso.example/messages?$top=1&i=%d" % i, app).status for i in range(40)]
        time.sleep(0.01)
        e.ctl("reset", {})
        return out
    a, b = run(), run()
    t.ok(a == b and a.count(200) < 40 and 429 in a and 503 in a, "the same seed gives the same faults (%d of 40 refused)"
         % (40 - a.count(200)))

    e.get(U + "&r=1", app)
    rq = e.ctl("requests?since=0")
    t.ok(rq["requests"] and all({"time", "method", "path", "mailbox", "status", "retry_after", "inflight"} <= set(x)
                                for x in rq["requests"]), "/_emu/requests: time, method, path, mailbox, status, Retry-After, in-flight")
    last = rq["next"]
    e.get(U, app)
    t.is_(len(e.ctl("requests?since=%d" % last)["requests"]), 1, "since=N gives only the newer requests")
finally:
    e.stop()
lines = [json.loads(x) for x in open(e.log)]
t.ok(any(x["status"] == 429 and x["retry_after"] == 0.4 and x["mailbox"] == "adele@contoso.example" for x in lines),
     "the log has the 429 with its Retry-After and mailbox")
t.ok(app not in open(e.log).read(), "no token in the log")

# flags on the command line
e = Emu("--rate-504", "1", "--throttle-scale", "60", "--seed", "3")
try:
    e.admin_consent("admin@contoso.example")
    app = e.app_token("contoso.example").json()["access_token"]
    t.is_(e.get("/v1.0/users/alex@contoso.example/messages", app).status, 504, "--rate-504 on the command line")
    c = e.ctl("config")
    t.ok(c["mailbox_budget"] == 166 and abs(c["mailbox_window"] - 10.0) < 1e-9, "--throttle-scale 60: 166 per 10 s")
finally:
    e.stop()
t.done()
