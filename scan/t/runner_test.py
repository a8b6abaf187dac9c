"""runner_test: what the runner's tests (tests/t/7x-*.t) share, on top of
tests/lib/shindan_test.py: a configuration of their own for the runner,
running it (the sanitizer build of the test stack), an assessment granted
through the portal and the emulator, and reading the emulator's request
log (Retry-After compliance per mailbox, in-flight per mailbox).

The runner's logs go to $SHINDAN_ROOT/log/runner-tests.log, so that the
secrets-in-logs test reads them too.
"""
import datetime
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *  # noqa: E402,F401,F403
import shindan_test as st  # noqa: E402

ENV = os.environ
LOG = os.path.join(ENV.get("SHINDAN_ROOT", "/tmp"), "log", "runner-tests.log")
EMU_DEFAULTS = {"latency_ms": 0.0, "latency_jitter_ms": 0.0, "rate_429": 0.0,
                "rate_503": 0.0, "rate_503_no_retry_after": 0.0, "rate_504": 0.0,
                "rate_drop": 0.0, "rate_malformed": 0.0, "retry_after_min": 1.0,
                "retry_after_max": 3.0, "token_faults": [], "refresh_rotation": "entra",
                "token_lifetime": "3600-5400", "clock_offset": 0.0, "max_concurrency": 4,
                "token_latency_ms": 0.0}

# contoso.example, from tests/data/tenants/contoso.example/manifest.json
MANIFEST = os.path.join(ENV["SHINDAN_SRC"], "tests/data/tenants/contoso.example/manifest.json")


def expected_counts():
    with open(MANIFEST, encoding="utf-8") as f:
        s = json.load(f)["summary"]
    return {k: sum(v.values()) for k, v in s.items()}


def runner_conf(name, **over):
    """A copy of the stack's configuration with the runner's keys set."""
    with open(ENV["SHINDAN_CONF"], encoding="utf-8") as f:
        text = f.read()
    text += "\n# %s\n" % name
    for k, v in over.items():
        text += "%s = %s\n" % (k, v)
    path = os.path.join(ENV["SHINDAN_ROOT"], "etc", "runner-%s.conf" % name)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    return path


def _log(head, text):
    with open(LOG, "a", encoding="utf-8") as f:
        f.write("=== %s\n%s" % (head, text))


def run_runner(conf, timeout=150):
    """One tick, to its end: (exit status, its log)."""
    t0 = time.time()
    r = subprocess.run([ENV["SHINDAN_BIN"] + "/shindan-runner", "-c", conf],
                       capture_output=True, text=True, timeout=timeout)
    _log("runner %s (%.1f s, exit %d)" % (conf, time.time() - t0, r.returncode), r.stderr)
    return r.returncode, r.stderr


class Bg:
    """A runner in the background."""

    started = 0

    def __init__(self, conf):
        # A count, not the time: two runners started in one millisecond
        # shared one log file and wrote over each other's lines.
        Bg.started += 1
        self.path = os.path.join(ENV["SHINDAN_ROOT"], "log",
                                 "runner-bg-%d-%d.log" % (os.getpid(), Bg.started))
        self.f = open(self.path, "w")
        self.p = subprocess.Popen([ENV["SHINDAN_BIN"] + "/shindan-runner", "-c", conf],
                                  stdout=self.f, stderr=subprocess.STDOUT)

    def wait(self, timeout=150):
        try:
            rc = self.p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            rc = self.p.wait()
        return rc

    def kill(self, sig=signal.SIGKILL):
        self.p.send_signal(sig)
        return self.wait(30)

    def text(self):
        self.f.flush()
        with open(self.path, encoding="utf-8") as f:
            return f.read()


def emu_set(**cfg):
    return st.emu("/_emu/config", cfg)


def emu_restore():
    st.emu("/_emu/config", EMU_DEFAULTS)


def park_countdowns():
    """Assessments that earlier tests granted and left counting down
    start by themselves five minutes later, in the middle of whichever
    runner test runs then (its runner claims them: Graph requests and
    ticks the test did not expect).  Each runner test parks them a week
    away before it starts; what it grants itself is not touched."""
    st.psql("UPDATE assessment SET start_at = now() + interval '7 days' "
            "WHERE state = 'granted' AND start_at > now()")


park_countdowns()


def granted(b, scope, user, tag="run", lang=None, start=True):
    """Sign up, grant at the emulator, press Start: (address, number,
    assessment id)."""
    addr, code = st.new_account(b, tag, lang)
    r = st.grant(b, scope, user)
    if "/app/granted" not in r.url:
        raise RuntimeError("not granted: %s %d" % (r.url, r.status))
    aid = int(st.psql1("SELECT a.id FROM assessment a JOIN account c ON c.id = a.account_id "
                       "WHERE c.email = :'a1'", addr))
    if start:
        r = b.get("/app/granted")
        f = r.form("/app/start")
        r = b.submit(r, f)
        if "/app/started" not in r.url:
            raise RuntimeError("not started: %s" % r.url)
    return addr, code, aid


def assessment(aid):
    cols = ["state", "error", "messages_scanned", "threats", "potentials", "mailboxes_total",
            "mailboxes_done", "mailboxes_skipped", "mailboxes_failed"]
    row = st.psql("SELECT %s FROM assessment WHERE id = :'a1'" % ", ".join(cols), aid)
    return dict(zip(cols, row[0])) if row else None


def detections(aid):
    """The set of (message id, rule) stored for an assessment."""
    rows = st.psql("SELECT d.message_id, f.rule FROM detection d JOIN finding f ON f.detection_id = d.id "
                   "WHERE d.assessment_id = :'a1'", aid)
    return [tuple(r) for r in rows]


def requests_since(seq):
    return st.emu("/_emu/requests?since=%d" % seq)["requests"]


def emu_seq():
    return st.emu("/_emu/requests?since=999999999")["next"]


def _ts(s):
    return datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ").replace(
        tzinfo=datetime.timezone.utc).timestamp()


def retry_after_breaches(reqs, slack=0.002, wire=0.050):
    """Requests for a mailbox that arrived after the runner was told to
    wait (a 429, or a 503 with Retry-After, answered for that mailbox)
    and before the wait was over.  The items of one $batch arrive
    together: an item after a throttled item of the same batch was sent
    before the client could know, so it is not a breach; nor is a request
    arriving within `wire` seconds of the answer (it was on its way
    before the answer reached the client: the emulator, a Python server,
    may take tens of milliseconds to start handling a request on a loaded
    machine, and the waits checked are 0.2 s and more).  Returns a list of (mailbox,
    told at, wait, arrived at)."""
    by_mb = {}
    for r in reqs:
        mb = r.get("mailbox")
        if not mb:
            continue
        by_mb.setdefault(mb, []).append(r)
    out = []
    for mb, rs in by_mb.items():
        events = []         # (arrival, group, record)
        group = 0
        last_item_t = None
        for r in rs:
            t = _ts(r["time"])
            if r.get("via") == "batch":
                if last_item_t is None or t - last_item_t > 0.002:
                    group += 1
                    arrival = t
                last_item_t = t
                events.append((arrival, group, r))
            else:
                group += 1
                last_item_t = None
                events.append((t - r["ms"] / 1000.0, group, r))
        for at, g, r in events:
            ra = r.get("retry_after")
            if r["status"] not in (429, 503) or not ra:
                continue
            told = _ts(r["time"])
            for at2, g2, r2 in events:
                if g2 != g and told + wire < at2 < told + ra - slack:
                    out.append((mb, told, ra, at2))
    return out


def max_inflight(reqs):
    """The most requests in flight at once per mailbox, as the emulator
    recorded them (a $batch holds one slot)."""
    m = {}
    for r in reqs:
        if r.get("mailbox") and r.get("inflight"):
            m[r["mailbox"]] = max(m.get(r["mailbox"], 0), r["inflight"])
    return m


def wait_until(pred, timeout=30, step=0.1):
    end = time.time() + timeout
    while time.time() < end:
        v = pred()
        if v:
            return v
        time.sleep(step)
    return pred()


def mail_body(m):
    return (m.text or "")
