#!/usr/bin/python3
# 63-emu-batch: JSON $batch: at most 20 requests, unique ids, relative URLs,
# per-item status/headers/body, dependsOn -> 424, binary bodies in base64,
# per-item 429 with Retry-After in the item's headers.
import base64, json, os, sys
sys.path.insert(0, os.path.join(os.environ.get("SHINDAN_SRC", "."), "tests/fakes/msemu"))
from emutest import *

t = Tap()
e = Emu()
try:
    e.admin_consent("admin@contoso.example")
    app = e.app_token("contoso.example").json()["access_token"]
    H = {"Authorization": "Bearer " + app}

    def batch(reqs, headers=H):
        return e.req("POST", "/v1.0/$batch", headers, body={"requests": reqs})

    msgs = e.get("/v1.0/users/adele@contoso.example/messages?$top=30&$select=id,hasAttachments", app).json()["value"]
    ids = [m["id"] for m in msgs]
    withatt = [m["id"] for m in msgs if m["hasAttachments"]] or [m["id"] for m in
               e.get("/v1.0/users/adele@contoso.example/messages?$top=1000&$select=hasAttachments", app).json()["value"]
               if m["hasAttachments"]]

    r = batch([{"id": str(i), "method": "GET", "url": "/users/adele@contoso.example/messages/%s?$select=subject" % ids[i]}
               for i in range(21)])
    t.is_((r.status, r.json()["error"]["code"]), (400, "BadRequest"), "21 requests: the batch is refused with 400")
    r = batch([{"id": "a", "method": "GET", "url": "/me"}, {"id": "A", "method": "GET", "url": "/me"}])
    t.is_(r.status, 400, "duplicate ids (case-insensitive): 400")
    r = e.req("POST", "/v1.0/$batch", dict(H, **{"Content-Type": "application/json"}), body=b"{not json")
    t.is_(r.status, 400, "a malformed batch: 400")
    r = batch([{"id": "1", "method": "GET", "url": "/me", "dependsOn": ["9"]}])
    t.is_(r.status, 400, "dependsOn naming an unknown id: 400")

    reqs = [{"id": str(i + 1), "method": "GET",
             "url": "/users/adele@contoso.example/messages/%s?$select=internetMessageHeaders" % ids[i]} for i in range(18)]
    reqs.append({"id": "mime", "method": "GET", "url": "users/adele@contoso.example/messages/%s/$value" % ids[0]})
    reqs.append({"id": "abs", "method": "GET", "url": e.base + "/v1.0/users/adele@contoso.example/messages"})
    r = batch(reqs)
    t.is_(r.status, 200, "20 requests: 200")
    out = {x["id"]: x for x in r.json()["responses"]}
    t.ok(all(out[str(i + 1)]["status"] == 200 and "internetMessageHeaders" in out[str(i + 1)]["body"] for i in range(18)),
         "every item answered with status and JSON body")
    t.ok(out["1"]["headers"]["Content-Type"].startswith("application/json"), "item headers carry Content-Type")
    mime = base64.b64decode(out["mime"]["body"])
    direct = e.get("/v1.0/users/adele@contoso.example/messages/%s/$value" % ids[0], app).body
    t.ok(mime == direct, "a binary item body ($value) comes back base64-encoded")
    t.is_(out["abs"]["status"], 400, "an absolute URL in an item: that item 400")

    r = batch([{"id": "1", "method": "GET", "url": "/users/nomail@contoso.example/messages"},
               {"id": "2", "method": "GET", "url": "/users/adele@contoso.example/messages?$top=1", "dependsOn": ["1"]},
               {"id": "3", "method": "GET", "url": "/users/adele@contoso.example/messages?$top=1", "dependsOn": ["2"]},
               {"id": "4", "method": "GET", "url": "/users/adele@contoso.example/messages?$top=1"}])
    out = {x["id"]: x for x in r.json()["responses"]}
    t.ok(r.status == 200 and out["1"]["status"] == 404 and out["1"]["body"]["error"]["code"] == "MailboxNotEnabledForRESTAPI",
         "outer 200 with an inner 404")
    t.ok(out["2"]["status"] == 424 and out["3"]["status"] == 424, "dependents of a failed request: 424 (transitively)")
    t.is_(out["4"]["status"], 200, "an independent request still runs")

    a_list = e.get("/v1.0/users/adele@contoso.example/messages/%s/attachments?$select=id" % withatt[0], app).json()["value"]
    r = batch([{"id": "1", "method": "GET", "url": "/users/adele@contoso.example/messages/%s/attachments/%s/$value"
                % (withatt[0], a_list[0]["id"])}])
    t.ok(r.json()["responses"][0]["status"] == 200 and isinstance(r.json()["responses"][0]["body"], str),
         "attachment $value in a batch: base64 string")

    e.ctl("config", {"mailbox_budget": 2, "mailbox_window": 4.0})
    r = batch([{"id": str(i), "method": "GET", "url": "/users/alex@contoso.example/messages?$top=1&i=%d" % i}
               for i in range(3)] + [{"id": "m", "method": "GET", "url": "/users/megan@contoso.example/messages?$top=1"}])
    out = {x["id"]: x for x in r.json()["responses"]}
    it = out["2"]
    t.ok(r.status == 200 and out["0"]["status"] == 200 and out["1"]["status"] == 200 and it["status"] == 429
         and 1.0 < float(it["headers"].get("Retry-After", "0")) <= 2.0
         and it["body"]["error"]["code"] == "TooManyRequests", "a throttled item: 429 with Retry-After in its headers")
    t.is_(out["m"]["status"], 200, "another mailbox in the same batch is not throttled")
    e.ctl("reset", {})
    e.ctl("config", {"rate_504": 1.0})
    r = batch([{"id": "1", "method": "GET", "url": "/users/alex@contoso.example/messages?$top=1"}])
    t.is_(r.status, 504, "a fault drawn for the batch itself answers the whole batch")
    e.ctl("config", {"rate_504": 0.0})

    r = batch([{"id": "1", "method": "GET", "url": "/me"}], headers={})
    t.is_(r.json()["responses"][0]["status"], 401, "no token: each item 401")
    st = e.ctl("stats")
    t.ok(st["requests"]["graph.batch"] == {"504": 1, "200": 1} and st["requests"]["graph.error"] == {"401": 1},
         "stats count the batches by status, and their items")
finally:
    e.stop()
t.done()
