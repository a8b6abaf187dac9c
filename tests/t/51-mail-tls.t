#!/usr/bin/python3
# 51-mail-tls: the mailer against relays that want STARTTLS and AUTH
# (smtp_starttls = required, smtp_user, smtp_password_file, smtp_ca_file):
# delivered inside TLS as the configured user; a wrong password, a relay
# without STARTTLS and a certificate from an unknown CA each leave the
# mail queued with the reason (never sent in clear, never lost) and it
# goes out once the configuration is right; a password without TLS to a
# remote relay is refused at start-up.  The stack's own mailer is paused
# meanwhile, so that these mails wait for the mailers run here.
import os, sys, signal, subprocess, time
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

ROOT, SRC = ENV["SHINDAN_ROOT"], ENV["SHINDAN_SRC"]
D = os.path.join(ROOT, "t51")
os.makedirs(D, exist_ok=True)
t = Tap()


def sh(*cmd):
    subprocess.run(cmd, check=True, capture_output=True, cwd=D)


def secret(name, text):
    path = os.path.join(D, name)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    return path


# A CA and a certificate for localhost; a second, self-signed one.
sh("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Shindan test CA",
   "-keyout", "ca.key", "-out", "ca.pem")
sh("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "relay.key",
   "-out", "relay.csr")
with open(os.path.join(D, "ext.cnf"), "w") as f:
    f.write("subjectAltName=DNS:localhost\n")
sh("openssl", "x509", "-req", "-in", "relay.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
   "-days", "2", "-extfile", "ext.cnf", "-out", "relay.pem")
sh("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
   "-addext", "subjectAltName=DNS:localhost", "-keyout", "rogue.key", "-out", "rogue.pem")
pw = secret("relay-password", "correct horse battery staple\n")
bad = secret("wrong-password", "not the password\n")

sinks = []


def sink(name, *extra):
    md = os.path.join(D, name)
    pf = os.path.join(D, name + ".port")
    log = open(os.path.join(ROOT, "log", "smtpsink-%s.log" % name), "w")
    p = subprocess.Popen([sys.executable, os.path.join(SRC, "tests/fakes/smtpsink.py"), "--listen",
                          "127.0.0.1:0", "--maildir", md, "--port-file", pf] + list(extra),
                         stdout=subprocess.DEVNULL, stderr=log)
    sinks.append(p)
    for _ in range(200):
        if os.path.exists(pf):
            with open(pf) as f:
                return md, int(f.read()), log.name
        time.sleep(0.05)
    raise RuntimeError("sink %s did not start" % name)


def conf(name, port, **kv):
    with open(ENV["SHINDAN_CONF"], encoding="utf-8") as f:
        text = f.read()
    text += "\n# 51 %s\nsmtp_host = localhost\nsmtp_port = %d\n" % (name, port)
    for k, v in kv.items():
        text += "%s = %s\n" % (k, v)
    return secret("mailer-%s.conf" % name, text)


def mailer(cf):
    r = subprocess.run([ENV["SHINDAN_BIN"] + "/shindan-mailer", "-c", cf, "-1"],
                       capture_output=True, text=True, timeout=120)
    with open(os.path.join(ROOT, "log", "mailer-t51.log"), "a") as f:
        f.write(r.stderr)
    return r.returncode, r.stderr


def outbox(addr):
    rows = psql("SELECT state, coalesce(last_error, '') FROM outbox WHERE recipient = :'a1'", addr)
    return rows[0] if rows else None


def due(addr):
    psql("UPDATE outbox SET next_at = now() WHERE recipient = :'a1'", addr)


def delivered(md, addr):
    return len(mails_to(addr, md))


good_md, good_port, good_log = sink("tls", "--tls-cert", os.path.join(D, "relay.pem"), "--tls-key",
                                    os.path.join(D, "relay.key"), "--auth-user", "shindan",
                                    "--auth-password-file", pw)
plain_md, plain_port, _ = sink("plain")
rogue_md, rogue_port, _ = sink("rogue", "--tls-cert", os.path.join(D, "rogue.pem"), "--tls-key",
                               os.path.join(D, "rogue.key"))
tls = dict(smtp_starttls="required", smtp_ca_file=os.path.join(D, "ca.pem"), smtp_user="shindan")
with open(os.path.join(ROOT, "run", "mailer.pid")) as f:
    stack_mailer = int(f.read())
os.kill(stack_mailer, signal.SIGSTOP)
try:
    b = Browser(source_ip=source_ip(51))

    # Delivered inside TLS, as the configured user.
    a1 = unique_email("tls")
    signup(b, a1)
    rc, log = mailer(conf("good", good_port, smtp_password_file=pw, **tls))
    t.is_(rc, 0, "the mailer runs")
    t.is_(delivered(good_md, a1), 1, "the mail is delivered through the relay")
    t.is_(outbox(a1)[0], "sent", "and marked sent")
    with open(good_log) as f:
        t.like(f.read(), r"for %s over TLS as shindan" % re.escape(a1), "inside TLS, after AUTH as shindan")

    # A wrong password: kept and retried, then sent once it is right.
    a2 = unique_email("badpw")
    signup(b, a2)
    rc, log = mailer(conf("badpw", good_port, smtp_password_file=bad, **tls))
    st = outbox(a2)
    t.is_(st[0], "queued", "a refused password leaves the mail queued (not failed)")
    t.like(st[1], r"53[05]", "with the relay's answer as the reason")
    t.like(log, "check smtp_user", "and the log says what to check")
    t.is_(delivered(good_md, a2), 0, "nothing was delivered")
    due(a2)
    mailer(conf("good", good_port, smtp_password_file=pw, **tls))
    t.is_((outbox(a2)[0], delivered(good_md, a2)), ("sent", 1), "with the right password it goes out")

    # A relay without STARTTLS while TLS is required: never in clear.
    a3 = unique_email("notls")
    signup(b, a3)
    mailer(conf("plain", plain_port, smtp_password_file=pw, **tls))
    st = outbox(a3)
    t.is_(st[0], "queued", "a relay without STARTTLS: the mail stays queued")
    t.like(st[1], "does not offer STARTTLS", "saying why")
    t.is_(delivered(plain_md, a3), 0, "and nothing was sent in clear")

    # A certificate from a CA the configuration does not trust.
    a4 = unique_email("rogue")
    signup(b, a4)
    mailer(conf("rogue", rogue_port, smtp_password_file=pw, **tls))
    st = outbox(a4)
    t.is_(st[0], "queued", "an untrusted certificate: the mail stays queued")
    t.like(st[1], "not trusted", "saying the certificate is not trusted")
    t.is_(delivered(rogue_md, a4), 0, "and nothing was sent")
    for a in (a3, a4):
        due(a)
    mailer(conf("good", good_port, smtp_password_file=pw, **tls))
    t.is_([outbox(a)[0] for a in (a3, a4)], ["sent", "sent"], "both go out through the right relay")

    # A password without TLS to a remote relay: refused at start-up.
    cf = conf("clear", 25, smtp_host="192.0.2.1", smtp_user="shindan", smtp_password_file=pw,
              smtp_starttls="no")
    rc, log = mailer(cf)
    t.ok(rc != 0, "smtp_user without required TLS to a remote relay: the mailer refuses to start")
    t.like(log, "smtp_user needs smtp_starttls = required", "saying why")
    t.unlike(log, "horse", "and the password is not in the log")
finally:
    os.kill(stack_mailer, signal.SIGCONT)
    for p in sinks:
        p.terminate()
        p.wait(timeout=10)
t.done()
