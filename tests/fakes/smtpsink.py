#!/usr/bin/python3
"""smtpsink: the receiving end of SMTP for `make run` and `make test`.

    smtpsink.py --listen 127.0.0.1:0 --maildir DIR [--port-file F]

Accepts every mail and stores it as one file under DIR/new/ (Maildir:
written to DIR/tmp/ first, then renamed), with Return-Path and
Delivered-To lines in front, as a local delivery agent would.

With --tls-cert/--tls-key it offers STARTTLS and refuses mail before
it (530); with --auth-user/--auth-password-file it requires AUTH (PLAIN
or LOGIN, only inside TLS when TLS is on): 535 for wrong credentials.

Faults for tests: when the file DIR/../smtpsink.reply exists, its first
line (e.g. "451 4.3.0 Try again later" or "550 5.1.1 No such user") is
the answer to DATA instead of 250, and nothing is stored.  Stopping the
process is the "relay down" case.  Every transaction is logged on
stderr with its Message-ID (never the body).
"""
import argparse
import asyncio
import email.parser
import os
import signal
import socket
import ssl
import sys
import time

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, maildir):
        self.maildir = maildir
        self.n = 0
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(maildir, sub), exist_ok=True)
        self.reply_file = os.path.join(os.path.dirname(
            os.path.abspath(maildir)), "smtpsink.reply")

    def forced_reply(self):
        try:
            with open(self.reply_file, encoding="utf-8") as f:
                line = f.readline().strip()
            return line or None
        except FileNotFoundError:
            return None

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        hdrs = email.parser.BytesHeaderParser().parsebytes(content)
        mid = hdrs.get("Message-ID", "?")
        forced = self.forced_reply()
        if forced:
            log(f"refused {mid} with {forced}")
            return forced
        self.n += 1
        name = "%d.%d_%d.%s" % (time.time(), os.getpid(), self.n,
                                socket.gethostname())
        tmp = os.path.join(self.maildir, "tmp", name)
        head = ("Return-Path: <%s>\r\n" % envelope.mail_from).encode()
        for rcpt in envelope.rcpt_tos:
            head += ("Delivered-To: %s\r\n" % rcpt).encode()
        with open(tmp, "wb") as f:
            f.write(head + content)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, os.path.join(self.maildir, "new", name))
        how = " over TLS" if session.ssl else ""
        if session.authenticated:
            how += " as %s" % session.auth_data.login.decode("utf-8", "replace")
        log(f"stored {mid} for {','.join(envelope.rcpt_tos)}{how}")
        return "250 2.0.0 OK stored"


def log(msg):
    sys.stderr.write("smtpsink: %s\n" % msg)
    sys.stderr.flush()


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--listen", default="127.0.0.1:0")
    ap.add_argument("--maildir", required=True)
    ap.add_argument("--port-file")
    ap.add_argument("--tls-cert")
    ap.add_argument("--tls-key")
    ap.add_argument("--auth-user")
    ap.add_argument("--auth-password-file")
    a = ap.parse_args()
    kw = {}
    if a.tls_cert:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(a.tls_cert, a.tls_key)
        kw.update(tls_context=ctx, require_starttls=True)
    if a.auth_user:
        with open(a.auth_password_file, encoding="utf-8") as f:
            want = (a.auth_user.encode(), f.read().strip().encode())

        def check(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and (data.login, data.password) == want
            if not ok:
                log("refused AUTH %s for %r" % (mechanism, getattr(data, "login", b"?")))
            return AuthResult(success=ok, handled=False, auth_data=data if ok else None)
        kw.update(authenticator=check, auth_required=True,
                  auth_require_tls=bool(a.tls_cert))
    host, port = a.listen.rsplit(":", 1)
    sink = Sink(a.maildir)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(sink, hostname="smtpsink.local", decode_data=False,
                     data_size_limit=50 * 1024 * 1024, **kw),
        host=host, port=int(port), reuse_address=True)
    real = server.sockets[0].getsockname()[1]
    print("smtpsink listening on %s:%d" % (host, real), flush=True)
    if a.port_file:
        with open(a.port_file + ".tmp", "w") as f:
            f.write("%d\n" % real)
        os.rename(a.port_file + ".tmp", a.port_file)
    stop = asyncio.Event()
    for s in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(s, stop.set)
    await stop.wait()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
