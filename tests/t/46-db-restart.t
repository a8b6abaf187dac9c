#!/usr/bin/python3
# 46-db-restart: PostgreSQL restarted under a running portal (a fast
# restart, whose server tells each session it ends, then an immediate
# one, whose server just drops them): every portal worker's connection
# is broken, and each worker answers its first request after the
# restart normally (no 500, no 503 from /healthz): the broken connection
# is found and replaced before the statement, or the statement is run
# once more on a new connection.  Every worker is seen reconnecting.
import os, sys, subprocess, time
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

t = Tap()
E = os.environ
root = E["SHINDAN_ROOT"]
pgbin = os.path.dirname(E["SHINDAN_PSQL"])
portal_log = os.path.join(root, "log", "portal.log")


def workers():
    """The pids of the portal's workers (children of the portal)."""
    with open(os.path.join(root, "run", "portal.pid")) as f:
        parent = f.read().strip()
    out = []
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % p) as f:
                st = f.read()
        except OSError:
            continue
        if st[st.rindex(")") + 2:].split()[1] == parent:
            out.append(p)
    return sorted(out)


def restart(mode):
    r = subprocess.run(["runuser", "-u", "postgres", "--", pgbin + "/pg_ctl", "-D", root + "/pg", "-m", mode,
                        "-l", root + "/log/postgres.log", "-w", "-t", "60", "restart"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            if psql1("SELECT 1") == "1":
                break
        except RuntimeError:
            pass
        time.sleep(0.1)
    return r.returncode


def log_size():
    return os.path.getsize(portal_log)


def reconnected_since(off):
    with open(portal_log, "rb") as f:
        f.seek(off)
        text = f.read().decode("utf-8", "replace")
    pids = set()
    for line in text.splitlines():
        if "db: reconnected" in line and "shindan-portal[" in line:
            pids.add(line.split("shindan-portal[", 1)[1].split("]", 1)[0])
    return pids


# A signed-in user: /app reads the session from the database.
b = Browser(source_ip=source_ip(46))
addr, code = new_account(b, "dbrestart")
r = b.get("/app")
t.is_(r.status, 200, "signed in: /app answers 200 before any restart")
ws = workers()
t.ok(len(ws) >= 2, "the portal runs %d workers" % len(ws))
# Every worker has used its connection (each opened one at start; a
# round of requests makes sure they are all in use).
for _ in range(3 * len(ws)):
    b.get("/healthz")

start = log_size()
for mode in ("fast", "immediate"):
    off = log_size()
    t.is_(restart(mode), 0, "PostgreSQL restarted (%s)" % mode)
    statuses = []
    seen = set()
    # Requests one after another until every worker has had its first
    # request after the restart (the workers take turns at accept();
    # 40 rounds at most).
    for i in range(40 * len(ws)):
        r = b.get("/app") if i % 2 == 0 else b.get("/healthz")
        statuses.append(r.status)
        seen = reconnected_since(off) & set(ws)
        if seen == set(ws) and i >= 2 * len(ws):
            break
    bad = [s for s in statuses if s != 200]
    t.is_(bad, [], "%s restart: every one of %d requests answered 200 (none 500 or 503)" % (mode, len(statuses)))
    t.is_(sorted(seen), ws, "%s restart: every worker reconnected" % mode)
    t.is_(statuses[:len(ws)], [200] * len(ws), "%s restart: the first requests after it answered 200" % mode)

# The portal still writes: a sign-up after the restarts is mailed.
b2 = Browser(source_ip=source_ip(46, 1))
addr2, code2 = new_account(b2, "dbrestart2")
t.ok(code2, "after the restarts a new account signs up and signs in")
with open(portal_log, "rb") as f:
    f.seek(start)
    t.unlike(f.read().decode("utf-8", "replace"), r"error: db: ",
             "the portal logged no database error through the restarts")
t.done()
