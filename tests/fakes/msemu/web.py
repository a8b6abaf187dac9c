"""web: the request and response objects of msemu's HTTP server."""
import urllib.parse


class Request:
    __slots__ = ("method", "target", "path", "query", "params", "headers", "body", "peer",
                 "version", "seq", "t0", "kind", "mailbox", "retry_after", "inflight", "note")

    def __init__(self, method, target, headers, body, peer, version):
        self.method = method
        self.target = target
        p, _, q = target.partition("?")
        self.path = urllib.parse.unquote(p)
        self.query = q
        self.params = urllib.parse.parse_qsl(q, keep_blank_values=True)
        self.headers = headers
        self.body = body
        self.peer = peer
        self.version = version
        self.kind = "other"
        self.mailbox = None
        self.retry_after = None
        self.inflight = None
        self.note = None

    def param(self, name, default=None):
        for k, v in self.params:
            if k == name:
                return v
        return default

    def form(self):
        ct = self.headers.get("content-type", "")
        if "application/x-www-form-urlencoded" not in ct:
            return {}
        d = {}
        for k, v in urllib.parse.parse_qsl(self.body.decode("utf-8", "replace"), keep_blank_values=True):
            d.setdefault(k, v)
        return d


class Response:
    __slots__ = ("status", "headers", "body", "drop")

    def __init__(self, status=200, headers=None, body=b"", drop=False):
        self.status = status
        self.headers = headers or []
        self.body = body
        self.drop = drop


REASONS = {200: "OK", 204: "No Content", 302: "Found", 303: "See Other", 400: "Bad Request",
           401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
           410: "Gone", 413: "Payload Too Large", 424: "Failed Dependency",
           429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable",
           504: "Gateway Timeout"}
