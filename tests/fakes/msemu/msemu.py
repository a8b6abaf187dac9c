#!/usr/bin/python3
"""msemu: a loopback emulator of the Microsoft identity platform (v2) and
Microsoft Graph v1.0 mail, for `make run`, `make test` and `make bench`.

    msemu.py --listen 127.0.0.1:PORT --tenants DIR --client-id ID
             --client-secret-file FILE [--client-cert-pem FILE]
             --redirect-uri URI [--redirect-uri URI ...] --log FILE
             [--port-file FILE] [fault and behaviour flags]

One port serves both: identity under /{tenant}/..., Graph under /v1.0/...,
test controls under /_emu/...  README.md beside this file documents every
flag and control, and what is faithful and what is simplified.
"""
import argparse
import asyncio
import base64
import collections
import datetime
import hashlib
import json
import os
import random
import signal
import sys
import time
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import store as st      # noqa: E402
import idp as idpmod    # noqa: E402
import graph as graphmod  # noqa: E402
from web import Request, Response, REASONS  # noqa: E402

SECRET_PARAMS = {"code", "state", "nonce", "code_challenge", "code_verifier", "client_secret",
                 "client_assertion", "refresh_token", "access_token", "id_token", "passwd",
                 "password", "login_hint", "session_state", "assertion"}

DEFAULTS = {
    "latency_ms": 0.0,            # added to every Graph response
    "latency_jitter_ms": 0.0,     # plus uniform 0..jitter
    "rate_429": 0.0,              # share of Graph requests answered 429
    "rate_503": 0.0,              # ... 503 with Retry-After
    "rate_503_no_retry_after": 0.0,  # ... 503 without Retry-After
    "rate_504": 0.0,              # ... 504
    "rate_drop": 0.0,             # ... connection closed without an answer
    "rate_malformed": 0.0,        # ... 200 with a truncated JSON body
    "retry_after_min": 1.0,       # Retry-After given, seconds (fractional)
    "retry_after_max": 3.0,
    "seed": 1,
    "max_concurrency": 4,         # per (app, mailbox)
    "mailbox_budget": 10000,      # requests per (app, mailbox) per window
    "mailbox_window": 600.0,      # seconds
    "app_budget": 130000,         # requests per app per app window
    "app_window": 10.0,
    "token_lifetime": "3600-5400",  # seconds, N or MIN-MAX
    "code_lifetime": 600.0,
    "refresh_rotation": "entra",  # entra: old refresh tokens stay valid; strict: revoked
    "clock_offset": 0.0,          # seconds added to the emulator's clock
    "token_faults": [],           # [{"aadsts": 700082, "grant_type": "refresh_token", "count": 1}]
                                  # or {"status": 503, ...} (temporarily_unavailable), {"drop": true, ...}
    "token_latency_ms": 0.0,      # added to every token endpoint answer
    "always_consent": True,       # show the consent page even when already granted
    "retry_after_grace_ms": 0.0,  # requests this soon after a Retry-After was given are not violations
}


def now_iso_ms(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def redact_target(target):
    path, _, q = target.partition("?")
    if not q:
        return path
    out = []
    for k, v in urllib.parse.parse_qsl(q, keep_blank_values=True):
        out.append((k, "[redacted]" if k.lower() in SECRET_PARAMS else v))
    return path + "?" + urllib.parse.urlencode(out, safe="$/,:'() ")


class Bucket:
    __slots__ = ("tokens", "t")

    def __init__(self, cap, t):
        self.tokens = float(cap)
        self.t = t

    def take(self, cap, window, now):
        rate = cap / window
        self.tokens = min(float(cap), self.tokens + (now - self.t) * rate)
        self.t = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / rate


class MboxState:
    __slots__ = ("inflight", "max_inflight", "bucket", "not_before", "violations", "upn", "given_at", "grace")

    def __init__(self, upn, cap, now):
        self.inflight = 0
        self.max_inflight = 0
        self.bucket = Bucket(cap, now)
        self.not_before = 0.0
        self.violations = 0
        self.upn = upn
        self.given_at = 0.0
        self.grace = 0


class App:
    def __init__(self, args):
        self.args = args
        self.startup = dict(DEFAULTS)
        for k in DEFAULTS:
            v = getattr(args, k, None)
            if v is not None:
                self.startup[k] = v
        self.config = json.loads(json.dumps(self.startup))
        self.base = None
        self.store = st.Store(anchor=int(time.time()) // 60 * 60)
        if args.tenants:
            self.store.load_dir(args.tenants)
        for spec in args.synthetic_tenant or []:
            self.store.add_synthetic(spec)
        for spec in args.corpus_mailbox or []:
            self.store.add_corpus_mailbox(spec)
        self.log_f = open(args.log, "a", encoding="utf-8") if args.log else None
        self.reset_counters()
        self.idp = idpmod.Idp(self)
        self.graph = graphmod.Graph(self)

    # clock, randomness
    def now(self):
        return time.time() + float(self.config.get("clock_offset", 0.0))

    def reset_counters(self):
        self.seq = 0
        self.recent = collections.deque(maxlen=self.args.requests_keep)
        self.by_kind = collections.defaultdict(lambda: collections.defaultdict(int))
        self.by_status = collections.defaultdict(int)
        self.mbox = {}
        self.apps = {}
        self.attempts = collections.defaultdict(int)
        self.violations = 0
        self.grace = 0
        self.throttled = collections.defaultdict(int)
        self.faults = collections.defaultdict(int)
        self.tokens_issued = collections.defaultdict(int)
        self.token_requests = collections.defaultdict(int)
        self.max_total_inflight = 0
        self.total_inflight = 0
        self.rng = random.Random(self.config.get("seed", 1))

    def frac(self, *parts):
        return st.hnum(self.config.get("seed", 1), *parts) / 2.0 ** 64

    def retry_after_value(self, *parts):
        lo = float(self.config["retry_after_min"])
        hi = max(lo, float(self.config["retry_after_max"]))
        return round(lo + (hi - lo) * self.frac("ra", *parts), 3)

    # throttling
    def mstate(self, app, user):
        k = (app, user.id)
        s = self.mbox.get(k)
        if s is None:
            s = self.mbox[k] = MboxState(user.upn, self.config["mailbox_budget"], self.now())
        return s

    def admit(self, app, user, key, own=0):
        """Throttling and faults for one mailbox request: None to go on, or
        (status, retry_after or None, what)."""
        now = self.now()
        s = self.mstate(app, user) if user is not None else None
        if s is not None and now < s.not_before:
            if (now - s.given_at) * 1000.0 < float(self.config.get("retry_after_grace_ms", 0)):
                s.grace += 1
                self.grace += 1
            else:
                s.violations += 1
                self.violations += 1
        if s is not None and s.inflight - own >= int(self.config["max_concurrency"]):
            self.throttled["concurrency"] += 1
            ra = self.retry_after_value("conc", key, self.seq)
            s.not_before, s.given_at = max(s.not_before, now + ra), now
            return 429, ra, "concurrency"
        a = self.apps.get(app)
        if a is None:
            a = self.apps[app] = Bucket(self.config["app_budget"], now)
        wait = a.take(float(self.config["app_budget"]), float(self.config["app_window"]), now)
        if wait > 0:
            self.throttled["app"] += 1
            ra = round(wait + 0.0005, 3)
            if s is not None:
                s.not_before, s.given_at = max(s.not_before, now + ra), now
            return 429, ra, "app"
        if s is not None:
            wait = s.bucket.take(float(self.config["mailbox_budget"]), float(self.config["mailbox_window"]), now)
            if wait > 0:
                self.throttled["budget"] += 1
                ra = round(wait + 0.0005, 3)
                s.not_before, s.given_at = max(s.not_before, now + ra), now
                return 429, ra, "budget"
        # faults: the n-th attempt at the same request decides the same way
        # in every run with the same seed
        n = self.attempts[key]
        self.attempts[key] = n + 1
        r = self.frac("fault", key, n)
        c = self.config
        acc = 0.0
        for what, rate in (("429", c["rate_429"]), ("503", c["rate_503"]),
                           ("503-", c["rate_503_no_retry_after"]), ("504", c["rate_504"]),
                           ("drop", c["rate_drop"]), ("malformed", c["rate_malformed"])):
            acc += float(rate)
            if r < acc:
                self.faults[what.rstrip("-")] += 1
                if what in ("429", "503"):
                    ra = self.retry_after_value("fault", key, n)
                    if s is not None:
                        s.not_before, s.given_at = max(s.not_before, now + ra), now
                    return int(what), ra, "fault"
                if what == "503-":
                    return 503, None, "fault"
                if what == "504":
                    return 504, None, "fault"
                return 0, None, what
        return None

    def enter(self, app, user):
        if user is None:
            return None
        s = self.mstate(app, user)
        s.inflight += 1
        s.max_inflight = max(s.max_inflight, s.inflight)
        self.total_inflight += 1
        self.max_total_inflight = max(self.max_total_inflight, self.total_inflight)
        return s

    def leave(self, s):
        if s is not None:
            s.inflight -= 1
            self.total_inflight -= 1

    def latency(self):
        ms = float(self.config["latency_ms"])
        j = float(self.config["latency_jitter_ms"])
        if j > 0:
            ms += self.rng.random() * j
        return ms / 1000.0

    # records
    def record(self, req, status, via=None):
        self.seq += 1
        t = time.time()
        self.by_kind[req.kind][str(status)] += 1
        self.by_status[str(status)] += 1
        rec = {"seq": self.seq, "time": now_iso_ms(t), "method": req.method,
               "path": redact_target(req.target), "kind": req.kind, "mailbox": req.mailbox,
               "status": status, "retry_after": req.retry_after, "inflight": req.inflight,
               "ms": round((t - req.t0) * 1000.0, 1)}
        if via:
            rec["via"] = via
        if req.note:
            rec["note"] = req.note
        self.recent.append(rec)
        if self.log_f:
            self.log_f.write(json.dumps(rec, ensure_ascii=False) + "\n")

    def stats(self):
        mc = {}
        viol = {}
        for (appid, _uid), s in self.mbox.items():
            mc[s.upn] = max(mc.get(s.upn, 0), s.max_inflight)
            if s.violations:
                viol[s.upn] = viol.get(s.upn, 0) + s.violations
        return {
            "requests_total": self.seq,
            "requests": {k: dict(v) for k, v in self.by_kind.items()},
            "by_status": dict(self.by_status),
            "max_concurrency": mc,
            "max_concurrency_any_mailbox": max(mc.values()) if mc else 0,
            "max_inflight_total": self.max_total_inflight,
            "tokens_issued": dict(self.tokens_issued),
            "token_requests": dict(self.token_requests),
            "retry_after_violations": self.violations,
            "retry_after_violations_by_mailbox": viol,
            "retry_after_within_grace": self.grace,
            "throttled": dict(self.throttled),
            "faults": dict(self.faults),
            "admin_consents": {tid: {"roles": g.get("roles", []), "scopes": g.get("scopes", [])}
                               for tid, g in self.idp.admin_grants.items()},
            "config": self.config,
        }

    # controls
    def control(self, req):
        p = req.path[len("/_emu/"):]
        if p == "stats":
            return self.json(200, self.stats())
        if p == "requests":
            since = int(req.param("since", "0") or 0)
            out = [r for r in self.recent if r["seq"] > since]
            return self.json(200, {"next": self.seq, "requests": out})
        if p == "config":
            if req.method == "POST":
                try:
                    d = json.loads(req.body or b"{}")
                except ValueError:
                    return self.json(400, {"error": "body is not JSON"})
                bad = [k for k in d if k not in DEFAULTS]
                if bad:
                    return self.json(400, {"error": "unknown settings", "keys": bad})
                for k, v in d.items():
                    self.config[k] = v
                if "seed" in d:
                    self.rng = random.Random(d["seed"])
                    self.attempts.clear()
                if "mailbox_budget" in d:
                    for s in self.mbox.values():
                        s.bucket = Bucket(d["mailbox_budget"], self.now())
                if "app_budget" in d:
                    self.apps.clear()
            return self.json(200, self.config)
        if p == "reset" and req.method == "POST":
            try:
                d = json.loads(req.body or b"{}")
            except ValueError:
                d = {}
            self.config = json.loads(json.dumps(self.startup))
            self.reset_counters()
            if d.get("consents"):
                self.idp.admin_grants.clear()
            if d.get("tokens"):
                self.idp.refresh.clear()
                self.idp.codes.clear()
            self.idp.save()
            return self.json(200, {"reset": True})
        if p == "revoke" and req.method == "POST":
            d = json.loads(req.body or b"{}")
            n = self.idp.revoke(d.get("user"), d.get("tenant"))
            return self.json(200, {"revoked_refresh_tokens": n})
        if p == "tenants":
            out = []
            for t in self.store.tenants:
                out.append({"id": t.id, "domain": t.domain, "displayName": t.displayName,
                            "synthetic": self.synthetic_summary(t),
                            "users": [{"upn": u.upn, "id": u.id, "hasMailbox": u.hasMailbox,
                                       "roles": u.roles} for u in t.users[:1000]]})
            return self.json(200, {"tenants": out})
        return self.json(404, {"error": "no such control"})

    def synthetic_summary(self, t):
        """A synthetic tenant's parameters and the classes its templates give."""
        if not t.synthetic:
            return None
        import mailgen
        syn = dict(t.synthetic)
        cnt = {"clean": 0, "threat": 0}
        kinds = {}
        for u in t.users:
            if u.mailbox is None:
                continue
            for j in range(t.synthetic["messages"]):
                tpl = mailgen.synthetic_plan(u.upn, j, t.synthetic["threat_percent"])[1]
                cnt[tpl.split(":")[0]] += 1
                kinds[tpl] = kinds.get(tpl, 0) + 1
        syn["expected"] = cnt
        syn["templates"] = kinds
        return syn

    def json(self, status, obj, headers=None):
        body = json.dumps(obj, ensure_ascii=False).encode()
        return Response(status, [("Content-Type", "application/json; charset=utf-8")] + (headers or []), body)

    async def handle(self, req):
        path = req.path
        if path.startswith("/_emu/"):
            req.kind = "control"
            return self.control(req)
        if path.startswith("/v1.0/") or path == "/v1.0":
            return await self.graph.handle(req)
        if path in ("/", "/favicon.ico"):
            req.kind = "index"
            return Response(200, [("Content-Type", "text/html; charset=utf-8")],
                            b"<!doctype html><title>msemu</title><p>Microsoft emulator: identity under "
                            b"/{tenant}/oauth2/v2.0/, Graph under /v1.0/.</p>")
        if path.endswith("/oauth2/v2.0/token") and float(self.config.get("token_latency_ms") or 0) > 0:
            await asyncio.sleep(float(self.config["token_latency_ms"]) / 1000.0)
        return self.idp.handle(req)


# --- HTTP/1.1 server ---------------------------------------------------------

MAX_HEAD = 64 * 1024
MAX_BODY = 8 * 1024 * 1024


async def serve_conn(app, reader, writer):
    peer = writer.get_extra_info("peername")
    peer = peer[0] if peer else "?"
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                return
            lines = head.decode("latin-1").split("\r\n")
            try:
                method, target, version = lines[0].split(" ", 2)
            except ValueError:
                writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            hdrs = {}
            for ln in lines[1:]:
                if not ln:
                    continue
                k, _, v = ln.partition(":")
                k = k.strip().lower()
                v = v.strip()
                hdrs[k] = hdrs[k] + ", " + v if k in hdrs and k not in ("content-length", "host") else v
            body = b""
            if hdrs.get("expect", "").lower() == "100-continue":
                writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            if "chunked" in hdrs.get("transfer-encoding", "").lower():
                parts = []
                size = 0
                while True:
                    ln = await reader.readuntil(b"\r\n")
                    n = int(ln.split(b";")[0].strip() or b"0", 16)
                    if n == 0:
                        await reader.readuntil(b"\r\n")
                        break
                    size += n
                    if size > MAX_BODY:
                        return
                    parts.append(await reader.readexactly(n))
                    await reader.readexactly(2)
                body = b"".join(parts)
            elif "content-length" in hdrs:
                n = int(hdrs["content-length"])
                if n > MAX_BODY:
                    writer.write(b"HTTP/1.1 413 Payload Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    return
                body = await reader.readexactly(n) if n else b""
            req = Request(method.upper(), target, hdrs, body, peer, version)
            req.t0 = time.time()
            try:
                resp = await app.handle(req)
            except Exception as e:  # a bug here must not kill the server
                import traceback
                traceback.print_exc()
                resp = app.json(500, {"error": {"code": "generalException", "message": str(e)}})
            if req.kind != "control":
                app.record(req, 0 if resp.drop else resp.status)
            if resp.drop:
                writer.transport.abort()
                return
            close = hdrs.get("connection", "").lower() == "close" or version == "HTTP/1.0"
            out = ["HTTP/1.1 %d %s" % (resp.status, REASONS.get(resp.status, "Status"))]
            has_ct = False
            for k, v in resp.headers:
                out.append("%s: %s" % (k, v))
                has_ct = has_ct or k.lower() == "content-type"
            out.append("Date: " + time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime()))
            out.append("Content-Length: %d" % len(resp.body))
            if close:
                out.append("Connection: close")
            writer.write(("\r\n".join(out) + "\r\n\r\n").encode("utf-8") +
                         (resp.body if method.upper() != "HEAD" else b""))
            await writer.drain()
            if close:
                return
    except (ConnectionError, asyncio.IncompleteReadError, ValueError):
        return
    finally:
        try:
            writer.close()
        except Exception:
            pass


async def amain(args):
    app = App(args)
    host, _, port = args.listen.rpartition(":")
    server = await asyncio.start_server(lambda r, w: serve_conn(app, r, w), host or "127.0.0.1",
                                        int(port), limit=MAX_HEAD, backlog=1024)
    real_port = server.sockets[0].getsockname()[1]
    app.base = args.public_base.rstrip("/") if args.public_base else "http://%s:%d" % (host or "127.0.0.1", real_port)
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % real_port)
        os.replace(tmp, args.port_file)
    print("msemu listening on http://%s:%d" % (host or "127.0.0.1", real_port), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    async def flusher():
        while True:
            await asyncio.sleep(0.2)
            if app.log_f:
                app.log_f.flush()
    ft = asyncio.ensure_future(flusher())
    await stop.wait()
    ft.cancel()
    server.close()
    if app.log_f:
        app.log_f.flush()
        app.log_f.close()
    app.idp.save()
    print("msemu stopped", flush=True)


def parse_args(argv):
    ap = argparse.ArgumentParser(description="Microsoft identity platform + Graph mail emulator")
    ap.add_argument("--listen", default="127.0.0.1:0")
    ap.add_argument("--tenants", help="folder of <domain>/tenant.json + mailboxes/")
    ap.add_argument("--client-id", required=True)
    ap.add_argument("--client-secret-file", required=True)
    ap.add_argument("--client-cert-pem", help="the app's certificate: enables client_assertion")
    ap.add_argument("--redirect-uri", action="append", default=[], required=True)
    ap.add_argument("--app-name", default="Shindan")
    ap.add_argument("--log", help="append one JSON line per request")
    ap.add_argument("--port-file")
    ap.add_argument("--public-base", help="base URL used in issuers and nextLinks (default: the listen address)")
    ap.add_argument("--state", help="JSON file that keeps consents, refresh tokens and the signing key across restarts")
    ap.add_argument("--synthetic-tenant", action="append", help="DOMAIN:MAILBOXESxMESSAGES[:THREAT%%]")
    ap.add_argument("--corpus-mailbox", action="append", help="UPN=DIR: DIR's files as one mailbox")
    ap.add_argument("--requests-keep", type=int, default=50000, help="records kept for /_emu/requests")
    ap.add_argument("--latency-ms", dest="latency_ms", type=float)
    ap.add_argument("--latency-jitter-ms", dest="latency_jitter_ms", type=float)
    ap.add_argument("--rate-429", dest="rate_429", type=float)
    ap.add_argument("--rate-503", dest="rate_503", type=float)
    ap.add_argument("--rate-503-no-retry-after", dest="rate_503_no_retry_after", type=float)
    ap.add_argument("--rate-504", dest="rate_504", type=float)
    ap.add_argument("--rate-drop", dest="rate_drop", type=float)
    ap.add_argument("--rate-malformed", dest="rate_malformed", type=float)
    ap.add_argument("--retry-after-min", dest="retry_after_min", type=float)
    ap.add_argument("--retry-after-max", dest="retry_after_max", type=float)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--max-concurrency", dest="max_concurrency", type=int)
    ap.add_argument("--mailbox-budget", dest="mailbox_budget", type=int)
    ap.add_argument("--mailbox-window", dest="mailbox_window", type=float)
    ap.add_argument("--throttle-scale", type=float, default=None,
                    help="divide the mailbox budget and window by this factor (same rate, shorter window)")
    ap.add_argument("--app-budget", dest="app_budget", type=int)
    ap.add_argument("--app-window", dest="app_window", type=float)
    ap.add_argument("--token-lifetime", dest="token_lifetime")
    ap.add_argument("--code-lifetime", dest="code_lifetime", type=float)
    ap.add_argument("--refresh-rotation", dest="refresh_rotation", choices=["entra", "strict"])
    ap.add_argument("--no-always-consent", dest="always_consent", action="store_false", default=None,
                    help="skip the consent page when the permissions were granted before (as Entra does)")
    a = ap.parse_args(argv)
    if a.throttle_scale:
        a.mailbox_budget = max(1, int((a.mailbox_budget or DEFAULTS["mailbox_budget"]) / a.throttle_scale))
        a.mailbox_window = (a.mailbox_window or DEFAULTS["mailbox_window"]) / a.throttle_scale
    return a


def main():
    args = parse_args(sys.argv[1:])
    try:        # many mailboxes scanned in parallel need many sockets
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536) if hard != resource.RLIM_INFINITY else 65536, hard))
    except (ImportError, ValueError, OSError):
        pass
    try:
        asyncio.run(amain(args))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
