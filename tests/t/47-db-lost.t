#!/usr/bin/python3
# 47-db-lost: a connection that goes without a word from the server
# while a statement runs outside a transaction.  A proxy between
# lib/db.c (tests/helpers/db-once) and PostgreSQL passes the statement
# on, lets PostgreSQL answer, and closes the connection instead of
# passing the answer back.  The INSERT that records a failed sign-in has
# then committed: db_q must not run it again (the failure would count
# twice and lock the person out sooner); it reports the lost connection.
# The SELECT that counts them changes nothing: db_q runs it again on a
# new connection and answers.
import glob, os, socket, subprocess, sys, threading
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

t = Tap()
E = os.environ
root = E["SHINDAN_ROOT"]
helper = os.path.join(os.path.dirname(E["SHINDAN_BIN"]), "tests", "helpers", "db-once")
sock = [s for s in glob.glob(os.path.join(root, "run", "pg", ".s.PGSQL.*"))
        if not s.endswith(".lock")]
if not t.ok(os.access(helper, os.X_OK) and len(sock) == 1,
            "the db-once helper is built and PostgreSQL's socket is under " + root):
    t.done()
    sys.exit(1)


class Proxy:
    """TCP on 127.0.0.1 to PostgreSQL's Unix socket.  When armed with a
    piece of SQL, the client's message holding it is passed on, the
    server's answer (up to ReadyForQuery) kept from the client, and then
    both ends closed: once.  So the client loses the connection after
    the server has done the statement, as when a network or a host goes
    between the answer and the client."""

    def __init__(self, upstream):
        self.upstream = upstream
        self.cut = None
        self.done = False
        self.answered = b""
        self.conns = 0
        self.mute = threading.Event()
        self.over = threading.Event()
        self.ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.ls.bind(("127.0.0.1", 0))
        self.ls.listen(8)
        self.port = self.ls.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                c, _ = self.ls.accept()
            except OSError:
                return
            self.conns += 1
            u = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            u.connect(self.upstream)
            mute = threading.Event()
            threading.Thread(target=self.down, args=(u, c, mute), daemon=True).start()
            threading.Thread(target=self.up, args=(c, u, mute), daemon=True).start()

    @staticmethod
    def close(*socks):
        for s in socks:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            try:
                s.close()
            except OSError:
                pass

    def down(self, u, c, mute):
        """Server to client; when muted, the answer is kept instead."""
        try:
            while True:
                d = u.recv(65536)
                if not d:
                    break
                if mute.is_set():
                    self.answered += d
                    if b"Z\x00\x00\x00\x05" in self.answered:
                        break
                    continue
                c.sendall(d)
        except OSError:
            pass
        self.close(c, u)
        if mute.is_set():
            self.over.set()

    def up(self, c, u, mute):
        """Client to server; the armed cut starts here."""
        try:
            while True:
                d = c.recv(65536)
                if not d:
                    break
                if self.cut is not None and not self.done and self.cut in d:
                    self.done = True
                    mute.set()
                    u.sendall(d)
                    return
                u.sendall(d)
        except OSError:
            pass
        if not mute.is_set():
            self.close(c, u)


def run(proxy, account):
    conninfo = ("host=127.0.0.1 port=%d user=postgres dbname=shindan "
                "sslmode=disable gssencmode=disable connect_timeout=10" % proxy.port)
    r = subprocess.run([helper, conninfo, account], capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout.splitlines(), r.stderr


def failures(account):
    return int(psql1("SELECT count(*) FROM signin_failure WHERE account_id = :'a1'", account))


b = Browser(source_ip=source_ip(47))
addr, code = new_account(b, "dblost")
account = psql1("SELECT id FROM account WHERE email = :'a1'", addr)
t.ok(account, "an account to record failed sign-ins of")

# Nothing cut: the helper and the proxy work.
p = Proxy(sock[0])
rc, out, err = run(p, account)
t.is_(out, ["signin_fail_add: ok", "signin_failures: ok 1"], "through the proxy, nothing cut: the INSERT and the SELECT answer")
t.is_(failures(account), 1, "one failure recorded")

# The INSERT's answer lost: committed once, not run again.
p = Proxy(sock[0])
p.cut = b"INSERT INTO signin_failure"
rc, out, err = run(p, account)
t.ok(p.done and p.over.is_set() and b"INSERT 0 1" in p.answered,
     "the proxy cut the connection after PostgreSQL answered INSERT 0 1")
t.is_(rc, 0, "the helper ran to its end (no crash)")
t.is_(out[:1], ["signin_fail_add: failed 08006"], "the INSERT whose answer was lost reports the lost connection (not run again)")
t.is_(out[1:], ["signin_failures: ok 2"], "the next statement runs on a new connection and sees the INSERT once")
t.is_(failures(account), 2, "the failure of this run is recorded once, not twice")
t.is_(p.conns, 2, "two connections: the one cut and the new one")
t.like(err, r"db: signin_fail_add: ", "the lost INSERT is logged")

# The SELECT's answer lost: run again on a new connection.
p = Proxy(sock[0])
p.cut = b"count(*) FILTER"
rc, out, err = run(p, account)
t.ok(p.done, "the proxy cut the connection under the SELECT")
t.is_(out, ["signin_fail_add: ok", "signin_failures: ok 3"], "the SELECT whose answer was lost is run again and answers")
t.is_(p.conns, 2, "on a second connection")
t.like(err, r"the connection broke: once more on a new one", "the retry is logged as such")
t.is_(failures(account), 3, "three failures in all")
t.done()
