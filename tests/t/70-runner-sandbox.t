#!/usr/bin/python3
# 70-runner-sandbox: the runner's engine in its sandboxed child, end to
# end (scan/engine_sandbox.c).  The release runner (seccomp allowlist)
# scans megan's mailbox: the engine is a child process of the runner,
# another program image (--engine-child), locked down (NoNewPrivs 1,
# Seccomp 2, the user nobody, its private directory 0700 and nobody's
# while it runs, gone when the runner is), no child lost, and the same
# detections as the sanitizer runner (denylist).  Then the test build's
# fault hook (SHINDAN_TEST_ENGINE_FAULT, not compiled into release
# builds, never read from mail) makes the first child abort, make a
# forbidden system call, or hang past engine_timeout at one message: the
# runner logs it, goes on with a fresh child (the lost one's private
# directory removed), scans every message, and that one message is
# recorded as a potential threat with the finding engine.failed.
import os, sys, re, time, subprocess
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "scan/t"))
from runner_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
REL = os.path.join(os.environ["SHINDAN_SRC"], "build/release/bin/shindan-runner")
if not os.access(REL, os.X_OK):
    skip_all("no release build of the runner (make test builds it)")
t = Tap()
emu_restore()
USER = "megan@contoso.example"
want = expected_counts()[USER]
k = [0]


def status(pid):
    out = {}
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                key, _, v = line.partition(":")
                out[key] = v.strip()
    except OSError:
        pass
    return out


def engine_child(ppid):
    """The engine child of ppid once it is locked down: (pid, cmdline,
    status), or None."""
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        st = status(int(d))
        if st.get("PPid") != str(ppid):
            continue
        try:
            with open("/proc/%s/cmdline" % d, "rb") as f:
                cmd = f.read().split(b"\0")
        except OSError:
            continue
        if b"--engine-child" in cmd and st.get("Seccomp") == "2":
            try:
                tmp = os.lstat(cmd[2].decode()) if len(cmd) > 2 and cmd[2] else None
            except OSError:
                tmp = None
            return int(d), cmd, st, tmp
    return None


def landlock_in_kernel():
    """The kernel's Landlock ABI (landlock_create_ruleset(NULL, 0,
    VERSION), x86-64 number 444), 0 without it."""
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    abi = libc.syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    return abi if abi > 0 else 0


def scan(conf, binary=None, env=None, watch=False):
    """Grant megan's mailbox, run one runner to its end: (assessment id,
    exit status, log, the child seen)."""
    k[0] += 1
    b = Browser(source_ip=source_ip(70, k[0]))
    _, _, aid = granted(b, "mailbox", USER, "run70")
    e = dict(os.environ)
    e.update(env or {})
    path = os.path.join(os.environ["SHINDAN_ROOT"], "log", "runner-70-%d.log" % k[0])
    with open(path, "w") as f:
        p = subprocess.Popen([binary or os.environ["SHINDAN_BIN"] + "/shindan-runner", "-c", conf],
                             stdout=f, stderr=subprocess.STDOUT, env=e)
        seen = None
        if watch:
            seen = wait_until(lambda: engine_child(p.pid) or p.poll() is not None, timeout=60,
                              step=0.005)
            seen = seen if isinstance(seen, tuple) else None
        try:
            rc = p.wait(timeout=150)
        except subprocess.TimeoutExpired:
            p.kill()
            rc = p.wait()
    with open(path, encoding="utf-8") as f:
        return aid, rc, f.read(), seen


def dets(aid):
    return set(detections(aid))


conf = runner_conf("70", graph_page_size=10)

# The reference: the sanitizer build's runner (denylist filter).
ref, rc, log, _ = scan(conf)
t.is_((rc, assessment(ref)["state"], assessment(ref)["messages_scanned"]), (0, "done", str(want)),
      "sanitizer runner: done, %d messages" % want)
t.unlike(log, r"engine: child", "sanitizer runner: no engine child lost")

# The release runner, seccomp allowlist.
aid, rc, log, seen = scan(conf, binary=REL, watch=True)
a = assessment(aid)
t.is_((rc, a["state"], a["messages_scanned"]), (0, "done", str(want)),
      "release runner: done, all %d messages scanned" % want)
t.ok(seen is not None, "release runner: its engine runs in a child process")
if seen:
    pid, cmd, st, tmp = seen
    t.ok(cmd[:2] == [b"shindan-engine", b"--engine-child"],
         "the child is the program re-executed (%s), not a fork sharing the runner's memory"
         % b" ".join(x for x in cmd if x).decode())
    t.is_(st.get("NoNewPrivs"), "1", "the child: NoNewPrivs 1")
    t.is_(st.get("Seccomp"), "2", "the child: Seccomp 2 (a filter)")
    t.ok(st.get("Uid", "").split()[:1] == ["65534"], "the child runs as nobody (Uid %s)" % st.get("Uid"))
    tdir = cmd[2].decode() if len(cmd) > 2 else ""
    t.ok(tmp is not None and (tmp.st_mode & 0o7777) == 0o700 and tmp.st_uid == 65534,
         "while it runs, its private directory %s exists, 0700, nobody's" % tdir)
    t.ok(tdir and not os.path.lexists(tdir), "the runner gone, the directory is gone")
if landlock_in_kernel():
    t.unlike(log, r"no Landlock", "Landlock in force: no warning that ClamAV is blind")
t.unlike(log, r"engine: child|sandbox", "release runner: 0 sandbox kills, no child lost")
t.ok(len(dets(ref)) > 0, "the reference found something (%d findings)" % len(dets(ref)))
t.is_(sorted(dets(aid)), sorted(dets(ref)), "release runner: the same detections and findings as the reference")

with open(REL, "rb") as f:
    t.ok(b"SHINDAN_TEST_ENGINE_FAULT" not in f.read(),
         "the release runner has no fault hook (SHINDAN_TEST_ENGINE_FAULT is not in it)")

# A child lost at one message, three ways.
cases = [("abort@5", {}, r"engine: child \d+ died of signal 6; a fresh one takes over", "stopped with an error"),
         ("socket@3", {}, r"engine: child \d+ was killed by the sandbox \(a system call it may not make\)",
          "stopped with an error"),
         ("hang@2", {"engine_timeout": 2}, r"engine: child \d+ did not answer within 2 s: killed",
          "longer than 2 seconds")]
for fault, over, logre, why in cases:
    c = runner_conf("70-" + fault.split("@")[0], graph_page_size=10, **over)
    aid, rc, log, seen = scan(c, env={"SHINDAN_TEST_ENGINE_FAULT": fault}, watch=True)
    a = assessment(aid)
    t.is_((rc, a["state"], a["messages_scanned"]), (0, "done", str(want)),
          "%s: the runner goes on: done, all %d messages scanned" % (fault, want))
    t.like(log, logre, "%s: the runner logs the lost child" % fault)
    t.is_(len(re.findall(r"engine: child", log)), 1, "%s: once" % fault)
    t.ok(seen is not None and len(seen[1]) > 2 and seen[1][2] and not os.path.lexists(seen[1][2]),
         "%s: the lost child's private directory is gone" % fault)
    failed = psql("SELECT d.message_id, d.verdict, f.category, f.severity, f.evidence_en, f.evidence_ja "
                  "FROM detection d JOIN finding f ON f.detection_id = d.id "
                  "WHERE d.assessment_id = :'a1' AND f.rule = 'engine.failed'", aid)
    t.is_(len(failed), 1, "%s: one message recorded with engine.failed" % fault)
    if failed:
        mid, verdict, cat, sev, en, ja = failed[0]
        t.is_((verdict, cat, sev), ("potential", "malware", "medium"),
              "%s: as a potential threat (malware, medium)" % fault)
        t.ok(why in en and "解析" in ja, "%s: evidence in English and Japanese" % fault)
        t.is_(sorted(d for d in dets(aid) if d[0] != mid), sorted(d for d in dets(ref) if d[0] != mid),
              "%s: every other message judged as in the reference" % fault)
    t.unlike(log, re.escape(USER) + r".*engine|engine.*" + re.escape(USER),
             "%s: the log names no mailbox address with it" % fault)
t.done()
