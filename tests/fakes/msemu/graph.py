"""graph: Microsoft Graph v1.0 for mail (MICROSOFT.md §2-§4, §7).

/me, /users, /organization, messages (list, one, $value), attachments
(list, one, $value), mailFolders, $batch; the OData query options the
scanner uses; Prefer headers; the real error shapes; throttling and faults
through App.admit().
"""
import asyncio
import base64
import datetime
import json
import re
import time
import urllib.parse
import uuid

import store as st
from web import Response

ODATA_CT = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"
DIAG = '{"ServerInfo":{"DataCenter":"Japan East","Slice":"E","Ring":"5","ScaleUnit":"001","RoleInstance":"TY1PEPF0000EMU","ADSiteName":"JPE"}}'
MSG_DEFAULT = ["@odata.etag", "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories",
               "receivedDateTime", "sentDateTime", "hasAttachments", "internetMessageId", "subject",
               "bodyPreview", "importance", "parentFolderId", "conversationId", "conversationIndex",
               "isDeliveryReceiptRequested", "isReadReceiptRequested", "isRead", "isDraft", "webLink",
               "inferenceClassification", "body", "sender", "from", "toRecipients", "ccRecipients",
               "bccRecipients", "replyTo", "flag"]
MSG_EXTRA = ["internetMessageHeaders", "uniqueBody", "unsubscribeData", "unsubscribeEnabled"]
MSG_PROPS = {p.lower(): p for p in MSG_DEFAULT[1:] + MSG_EXTRA}
ATT_BASE = ["id", "lastModifiedDateTime", "name", "contentType", "size", "isInline"]
ATT_PROPS = {p.lower(): p for p in ATT_BASE}
FOLDER_PROPS = ["id", "displayName", "parentFolderId", "childFolderCount", "unreadItemCount",
                "totalItemCount", "sizeInBytes", "isHidden"]
USER_READ = {"User.Read.All", "Directory.Read.All", "User.ReadBasic.All"}
MAIL_SCOPES = {"Mail.Read", "Mail.ReadWrite", "Mail.ReadBasic", "Mail.ReadBasic.All", "Mail.Read.Shared"}
DT_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?$")


class GErr(Exception):
    def __init__(self, status, code, message, headers=None, inner=None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or []
        self.inner = inner


class Result:
    __slots__ = ("status", "headers", "body", "raw", "content_type")

    def __init__(self, status, body=None, headers=None, raw=None, content_type=None):
        self.status, self.body, self.headers = status, body, headers or []
        self.raw, self.content_type = raw, content_type


class Ctx:
    def __init__(self, headers):
        self.crid = headers.get("client-request-id") or str(uuid.uuid4())
        self.rid = str(uuid.uuid4())
        self.body_type = None
        self.unsafe = False
        self.immutable = False
        self.applied = []
        self.eventual = (headers.get("consistencylevel") or "").lower() == "eventual"
        for tok in (headers.get("prefer") or "").split(","):
            tok = tok.strip()
            if not tok:
                continue
            k, _, v = tok.partition("=")
            k, v = k.strip().lower(), v.strip().strip('"').lower()
            if k == "outlook.body-content-type" and v in ("text", "html"):
                self.body_type = v
                self.applied.append('outlook.body-content-type="%s"' % v)
            elif k == "outlook.allow-unsafe-html":
                self.unsafe = True
                self.applied.append("outlook.allow-unsafe-html")
            elif k == "idtype" and v == "immutableid":
                self.immutable = True
                self.applied.append('IdType="ImmutableId"')


def inner(ctx, now):
    return {"date": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)),
            "request-id": ctx.rid, "client-request-id": ctx.crid}


def qenc(v):
    return urllib.parse.quote(v, safe="$'()-._~:*")


class Route:
    __slots__ = ("kind", "user", "run")

    def __init__(self, kind, user, run):
        self.kind, self.user, self.run = kind, user, run


class Graph:
    def __init__(self, app):
        self.app = app

    # --- responses ----------------------------------------------------------
    def error_body(self, ctx, code, message, extra_inner=None):
        inn = inner(ctx, time.time())
        if extra_inner:
            inn.update(extra_inner)
        return {"error": {"code": code, "message": message, "innerError": inn}}

    def err_result(self, ctx, e):
        if e.code == "TooManyRequests":
            body = {"error": {"code": "TooManyRequests",
                              "innerError": {"code": "429", "date": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()),
                                             "message": "Please retry after", "request-id": ctx.rid,
                                             "status": "429"},
                              "message": "Please retry again later."}}
        else:
            body = self.error_body(ctx, e.code, e.message)
        return Result(e.status, body, e.headers)

    def headers_for(self, ctx, res):
        h = [("Cache-Control", "no-cache"), ("request-id", ctx.rid), ("client-request-id", ctx.crid),
             ("x-ms-ags-diagnostic", DIAG)]
        if res.raw is not None:
            h.append(("Content-Type", res.content_type or "application/octet-stream"))
        elif res.body is not None:
            h.append(("Content-Type", ODATA_CT if res.status < 400 or res.status == 424 else "application/json"))
            h.append(("OData-Version", "4.0"))
        if ctx.applied and res.status < 400:
            h.append(("Preference-Applied", ", ".join(ctx.applied)))
        return h + res.headers

    def to_response(self, ctx, res, malformed=False):
        if res.raw is not None:
            body = res.raw
        elif res.body is not None:
            body = json.dumps(res.body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            if malformed:
                body = body[:max(1, len(body) // 2)]
        else:
            body = b""
        return Response(res.status, self.headers_for(ctx, res), body)

    # --- auth ---------------------------------------------------------------
    def authenticate(self, headers):
        auth = headers.get("authorization", "")
        www = ('Bearer realm="", authorization_uri="%s/common/oauth2/authorize", '
               'client_id="00000003-0000-0000-c000-000000000000"' % self.app.base)
        hdr = [("WWW-Authenticate", www)]
        if not auth.lower().startswith("bearer ") or not auth[7:].strip():
            raise GErr(401, "InvalidAuthenticationToken", "Access token is empty.", hdr)
        tok = auth[7:].strip()
        if tok.count(".") != 2:
            raise GErr(401, "InvalidAuthenticationToken", "CompactToken parsing failed with error code: 80049217", hdr)
        c = self.app.idp.verify(tok)
        if c is None:
            raise GErr(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid signature.", hdr)
        now = self.app.now()
        if c.get("exp", 0) <= now:
            raise GErr(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.", hdr)
        if c.get("nbf", 0) > now + 300:
            raise GErr(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.", hdr)
        t = self.app.store.tenant(c.get("tid", ""))
        if t is None:
            raise GErr(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.", hdr)
        return c, t

    # --- routing --------------------------------------------------------------
    def resolve(self, method, path, params, claims, tenant, ctx, raw_path):
        """Route one Graph request; raises GErr."""
        segs = [s for s in path.split("/") if s]
        low = [s.lower() for s in segs]
        app_token = claims.get("idtyp") == "app" or "roles" in claims and "scp" not in claims
        scopes = set((claims.get("scp") or "").split())
        roles = set(claims.get("roles") or [])
        me = None if app_token else tenant.by_id.get(claims.get("oid", "").lower())
        if not segs:
            raise GErr(400, "BadRequest", "Invalid request.")
        if method != "GET":
            if low[0] in ("me", "users") and len(segs) > 1:
                raise GErr(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
            raise GErr(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.")
        if low[0] == "organization" and len(segs) == 1:
            return Route("graph.organization", None, lambda: Result(200, {
                "@odata.context": "%s/v1.0/$metadata#organization" % self.app.base,
                "value": [tenant.organization()]}))
        if low[0] == "me":
            if app_token:
                raise GErr(400, "BadRequest", "/me request is only valid with delegated authentication flow.")
            if me is None:
                raise GErr(404, "Request_ResourceNotFound", "Resource '%s' does not exist or one of its queried "
                           "reference-property objects are not present." % claims.get("oid"))
            if len(segs) == 1:
                if not scopes & ({"User.Read"} | USER_READ):
                    raise GErr(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
                return Route("graph.me", None, lambda: self.user_get(me, params))
            return self.mailbox_route(me, segs[1:], low[1:], params, claims, app_token, scopes, roles, me, ctx, raw_path)
        if low[0] == "users":
            if len(segs) == 1:
                if not ((app_token and roles & {"User.Read.All", "Directory.Read.All"}) or
                        (not app_token and scopes & USER_READ)):
                    raise GErr(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
                return Route("graph.users", None, lambda: self.users_list(tenant, params, ctx, raw_path))
            key = segs[1]
            if len(segs) == 2:
                u = tenant.find(key)
                ok = (app_token and roles & {"User.Read.All", "Directory.Read.All"}) or \
                     (not app_token and (scopes & USER_READ or (u is not None and u is me and "User.Read" in scopes)))
                if not ok:
                    raise GErr(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
                if u is None:
                    raise GErr(404, "Request_ResourceNotFound", "Resource '%s' does not exist or one of its queried "
                               "reference-property objects are not present." % key)
                return Route("graph.user", None, lambda: self.user_get(u, params))
            u = tenant.find(key)
            if u is None:
                other = self.app.store.user(key)
                if other is not None:
                    raise GErr(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
                raise GErr(404, "ErrorInvalidUser", "The requested user '%s' is invalid." % key)
            return self.mailbox_route(u, segs[2:], low[2:], params, claims, app_token, scopes, roles, me, ctx, raw_path)
        raise GErr(400, "BadRequest", "Resource not found for the segment '%s'." % segs[0])

    def mailbox_route(self, u, segs, low, params, claims, app_token, scopes, roles, me, ctx, raw_path):
        if app_token:
            if not roles & {"Mail.Read", "Mail.ReadWrite", "Mail.ReadBasic.All"}:
                raise GErr(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
        else:
            if not scopes & MAIL_SCOPES or u is not me:
                raise GErr(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
        if u.mailbox is None or u.userType == "Guest":
            raise GErr(404, "MailboxNotEnabledForRESTAPI",
                       "The mailbox is either inactive, soft-deleted, or is hosted on-premise.")
        mbx = u.mailbox
        mbx.load()
        folder = None
        if low and low[0] == "mailfolders":
            if len(low) == 1:
                return Route("graph.mailFolders", u, lambda: self.folders_list(mbx, params, ctx, raw_path))
            folder = mbx.folder(segs[1])
            if folder is None:
                raise GErr(404, "ErrorItemNotFound", "The specified object was not found in the store.")
            if len(low) == 2:
                return Route("graph.mailFolder", u, lambda: Result(200, self.folder_json(mbx, folder, ctx, True)))
            if len(low) == 3 and low[2] == "childfolders":
                return Route("graph.childFolders", u, lambda: Result(200, {
                    "@odata.context": "%s/v1.0/$metadata#users('%s')/mailFolders('%s')/childFolders" % (
                        self.app.base, u.id, folder.id), "value": []}))
            if low[2] != "messages":
                raise GErr(400, "BadRequest", "Resource not found for the segment '%s'." % segs[2])
            segs, low = segs[2:], low[2:]
        if not low or low[0] != "messages":
            raise GErr(400, "BadRequest", "Resource not found for the segment '%s'." % (segs[0] if segs else ""))
        if len(low) == 1:
            return Route("graph.messages", u, lambda: self.messages_list(mbx, folder, params, ctx, raw_path))
        if low[1] == "delta":
            raise GErr(400, "ErrorInvalidRequest", "Delta queries are not emulated.")
        try:
            ref = mbx.find(segs[1])
        except ValueError:
            raise GErr(400, "ErrorInvalidIdMalformed", "Id is malformed.")
        if ref is None:
            raise GErr(404, "ErrorItemNotFound", "The specified object was not found in the store.")
        if len(low) == 2:
            return Route("graph.message", u, lambda: self.message_get(mbx, ref, params, ctx))
        if len(low) == 3 and low[2] == "$value":
            return Route("graph.message.value", u, lambda: Result(200, raw=mbx.raw(ref), content_type="text/plain"))
        if low[2] == "attachments":
            if len(low) == 3:
                return Route("graph.attachments", u, lambda: self.attachments_list(mbx, ref, params, ctx))
            idx = self.att_index(mbx, ref, segs[3])
            if len(low) == 4:
                return Route("graph.attachment", u, lambda: self.attachment_get(mbx, ref, idx, params, ctx))
            if len(low) == 5 and low[4] == "$value":
                return Route("graph.attachment.value", u, lambda: self.attachment_value(mbx, ref, idx))
        raise GErr(400, "BadRequest", "Resource not found for the segment '%s'." % segs[-1])

    # --- handling -------------------------------------------------------------
    async def handle(self, req):
        ctx = Ctx(req.headers)
        path = req.path[len("/v1.0"):]
        raw_path = req.target.partition("?")[0][len("/v1.0"):]
        lat = self.app.latency()
        if path.strip("/").lower() == "$batch":
            req.kind = "graph.batch"
            return await self.batch(req, ctx, lat)
        appid = "?"
        try:
            claims, tenant = self.authenticate(req.headers)
            appid = claims.get("appid", "?")
            route = self.resolve(req.method, path, req.params, claims, tenant, ctx, raw_path)
        except GErr as e:
            req.kind = "graph.error"
            adm = self.app.admit(appid, None, "%s %s" % (req.method, req.target))
            if lat:
                await asyncio.sleep(lat)
            if adm and adm[0] == 0 and adm[2] == "drop":
                return Response(0, drop=True)
            return self.to_response(ctx, self.err_result(ctx, e))
        req.kind = route.kind
        if route.user is not None:
            req.mailbox = route.user.upn
        adm = self.app.admit(appid, route.user, "%s|%s %s" % (route.user.id if route.user else "", req.method, req.target))
        s = None
        if adm is None or adm[2] not in ("concurrency", "app", "budget"):
            s = self.app.enter(appid, route.user)
        req.inflight = s.inflight if s else None
        try:
            if lat:
                await asyncio.sleep(lat)
            if adm is not None:
                status, ra, what = adm
                if what == "drop":
                    return Response(0, drop=True)
                if status:
                    req.retry_after = ra
                    return self.to_response(ctx, self.err_result(ctx, self.throttle_err(status, ra)))
            try:
                res = route.run()
            except GErr as e:
                res = self.err_result(ctx, e)
            return self.to_response(ctx, res, malformed=(adm is not None and adm[2] == "malformed"))
        finally:
            self.app.leave(s)

    def throttle_err(self, status, ra):
        h = [("Retry-After", ("%.3f" % ra).rstrip("0").rstrip("."))] if ra is not None else []
        if status == 429:
            return GErr(429, "TooManyRequests", "Please retry again later.", h)
        if status == 503:
            return GErr(503, "serviceNotAvailable", "Service Unavailable, please retry later.", h)
        return GErr(504, "UnknownError", "The operation has timed out.", h)

    # --- $batch -----------------------------------------------------------------
    async def batch(self, req, ctx, lat):
        def bad(msg):
            return self.to_response(ctx, Result(400, self.error_body(ctx, "BadRequest", msg)))
        if req.method != "POST":
            return self.to_response(ctx, Result(405, self.error_body(ctx, "Request_BadRequest",
                                                                     "Specified HTTP method is not allowed for the request target.")))
        adm = self.app.admit("batch", None, "POST %s %s" % (req.target, len(req.body)))
        if adm is not None and adm[0]:
            if lat:
                await asyncio.sleep(lat)
            req.retry_after = adm[1]
            return self.to_response(ctx, self.err_result(ctx, self.throttle_err(adm[0], adm[1])))
        try:
            d = json.loads(req.body.decode("utf-8"))
            items = d["requests"]
            if not isinstance(items, list):
                raise ValueError
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return bad("Invalid batch payload format.")
        if len(items) > 20:
            return bad("The number of requests in the batch exceeds the maximum allowed limit of 20.")
        if not items:
            return bad("Invalid batch payload format.")
        ids = {}
        for it in items:
            if not isinstance(it, dict) or not isinstance(it.get("id"), str) or not it["id"] \
                    or not isinstance(it.get("method"), str) or not isinstance(it.get("url"), str):
                return bad("Invalid batch payload format.")
            k = it["id"].lower()
            if k in ids:
                return bad("Batch request contains duplicate id '%s'." % it["id"])
            ids[k] = it
            if "body" in it and "content-type" not in {x.lower() for x in (it.get("headers") or {})}:
                return bad("Content-Type header is required for request '%s' with a body." % it["id"])
        for it in items:
            deps = it.get("dependsOn") or []
            if not isinstance(deps, list) or any(not isinstance(x, str) or x.lower() not in ids or x.lower() == it["id"].lower()
                                                 for x in deps):
                return bad("DependsOn of request '%s' names an unknown request." % it["id"])
        outer_auth = req.headers.get("authorization", "")
        done = {}
        out = []
        held = {}
        try:
            for it in items:
                deps = [x.lower() for x in it.get("dependsOn") or []]
                missing = [x for x in deps if x not in done]
                if any(done.get(x, 0) >= 400 or done.get(x) is None for x in deps) or missing:
                    r = Result(424, self.error_body(ctx, "FailedDependency", "Failed dependency"))
                    sub_ctx = ctx
                else:
                    r, sub_ctx = self.batch_item(req, it, outer_auth, held)
                done[it["id"].lower()] = r.status
                out.append(self.item_json(it["id"], sub_ctx, r))
            if lat:
                await asyncio.sleep(lat)
        finally:
            for s in held.values():
                self.app.leave(s)
        if adm is not None and adm[2] == "drop":
            return Response(0, drop=True)
        return self.to_response(ctx, Result(200, {"responses": out}),
                                malformed=(adm is not None and adm[2] == "malformed"))

    def batch_item(self, outer, it, auth, held):
        hdrs = {k.lower(): str(v) for k, v in (it.get("headers") or {}).items()}
        hdrs["authorization"] = auth
        ctx = Ctx(hdrs)
        url = it["url"]
        from web import Request
        sub = Request(it["method"].upper(), url, hdrs, b"", outer.peer, "HTTP/1.1")
        sub.t0 = time.time()
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", url):
            sub.kind = "graph.error"
            r = Result(400, self.error_body(ctx, "BadRequest", "Invalid request URL: batch URLs must be relative."))
            self.app.record(sub, r.status, via="batch")
            return r, ctx
        if not url.startswith("/"):
            url = "/" + url
        path = urllib.parse.unquote(url.partition("?")[0])
        raw_path = url.partition("?")[0]
        if path.lower().startswith("/v1.0/"):
            path, raw_path = path[5:], raw_path[5:]
        if path.strip("/").lower() == "$batch":
            sub.kind = "graph.error"
            r = Result(400, self.error_body(ctx, "BadRequest", "Nested batch requests are not supported."))
            self.app.record(sub, r.status, via="batch")
            return r, ctx
        appid = "?"
        try:
            claims, tenant = self.authenticate(hdrs)
            appid = claims.get("appid", "?")
            route = self.resolve(sub.method, path, sub.params, claims, tenant, ctx, raw_path)
        except GErr as e:
            sub.kind = "graph.error"
            r = self.err_result(ctx, e)
            self.app.record(sub, r.status, via="batch")
            return r, ctx
        sub.kind = route.kind
        u = route.user
        if u is not None:
            sub.mailbox = u.upn
        own = 1 if u is not None and u.id in held else 0
        adm = self.app.admit(appid, u, "%s|%s %s" % (u.id if u else "", sub.method, url), own=own)
        if adm is not None and adm[0]:
            status, ra, what = adm
            if what not in ("concurrency", "app", "budget") and u is not None and not own:
                held[u.id] = self.app.enter(appid, u)
            sub.retry_after = ra
            r = self.err_result(ctx, self.throttle_err(status, ra))
        else:
            if u is not None and not own:
                held[u.id] = self.app.enter(appid, u)
            try:
                r = route.run()
            except GErr as e:
                r = self.err_result(ctx, e)
        sub.inflight = held[u.id].inflight if u is not None and u.id in held else None
        self.app.record(sub, r.status, via="batch")
        return r, ctx

    def item_json(self, iid, ctx, r):
        h = {}
        for k, v in self.headers_for(ctx, r):
            if k.lower() in ("request-id", "client-request-id", "x-ms-ags-diagnostic"):
                continue
            h[k] = v
        o = {"id": iid, "status": r.status, "headers": h}
        if r.raw is not None:
            o["body"] = base64.b64encode(r.raw).decode("ascii")
        elif r.body is not None:
            o["body"] = r.body
        return o

    # --- query options ------------------------------------------------------------
    @staticmethod
    def param(params, name):
        for k, v in params:
            if k.lower() == name.lower():
                return v
        return None

    def select(self, params, props, typename, code="RequestBroker--ParseUri"):
        sel = self.param(params, "$select")
        if sel is None:
            return None
        out = []
        for s in sel.split(","):
            s = s.strip()
            if not s:
                continue
            p = props.get(s.lower())
            if p is None:
                raise GErr(400, code, "Could not find a property named '%s' on type '%s'." % (s, typename))
            if p not in out:
                out.append(p)
        return out

    def top(self, params, lo, hi, default, code="BadRequest"):
        t = self.param(params, "$top")
        if t is None:
            return default
        try:
            n = int(t)
        except ValueError:
            raise GErr(400, code, "Invalid page size specified: '%s'. Must be between %d and %d inclusive." % (t, lo, hi))
        if n < lo or n > hi:
            raise GErr(400, code, "Invalid page size specified: '%s'. Must be between %d and %d inclusive." % (t, lo, hi))
        return n

    def next_link(self, raw_path, params, key, value):
        q = [(k, v) for k, v in params if k.lower() != key.lower()]
        q.append((key, str(value)))
        return "%s/v1.0%s?%s" % (self.app.base, raw_path, "&".join("%s=%s" % (qenc(k), qenc(v)) for k, v in q))

    def parse_dt(self, v, prop, op):
        if v.startswith("'") or not DT_RE.match(v):
            raise GErr(400, "BadRequest", "Invalid filter clause: A binary operator with incompatible types was detected. "
                       "Found operand types 'Edm.DateTimeOffset' and 'Edm.String' for operator kind '%s'." % op)
        try:
            d = datetime.datetime.fromisoformat(v.replace("Z", "+00:00"))
        except ValueError:
            raise GErr(400, "BadRequest", "Invalid filter clause: The DateTimeOffset text '%s' should be in format "
                       "'yyyy-mm-ddThh:mm:ss('.'s+)?(zzzzzz)?' and each field value is within valid range." % v)
        if d.tzinfo is None:
            d = d.replace(tzinfo=datetime.timezone.utc)
        return d.timestamp()

    def msg_filter(self, params):
        f = self.param(params, "$filter")
        if f is None or not f.strip():
            return [], []
        conds, order = [], []
        for part in re.split(r"\s+and\s+", f.strip(), flags=re.I):
            m = re.match(r"^\s*(\w+)\s+(eq|ne|ge|gt|le|lt)\s+(\S+)\s*$", part, re.I)
            if not m:
                raise GErr(400, "BadRequest", "Invalid filter clause: %s" % part.strip())
            prop, op, val = m.group(1), m.group(2).lower(), m.group(3)
            lp = prop.lower()
            if lp not in ("receiveddatetime", "sentdatetime"):
                if lp in MSG_PROPS:
                    raise GErr(400, "BadRequest", "Invalid filter clause: filtering on '%s' is not emulated." % prop)
                raise GErr(400, "RequestBroker--ParseUri", "Could not find a property named '%s' on type "
                           "'Microsoft.OutlookServices.Message'." % prop)
            conds.append((lp, op, self.parse_dt(val, prop, op)))
            if lp not in order:
                order.append(lp)
        return conds, order

    def msg_orderby(self, params):
        o = self.param(params, "$orderby")
        if o is None or not o.strip():
            return []
        out = []
        for part in o.split(","):
            bits = part.split()
            if not bits or len(bits) > 2 or (len(bits) == 2 and bits[1].lower() not in ("asc", "desc")):
                raise GErr(400, "BadRequest", "Invalid orderby clause: %s" % part.strip())
            lp = bits[0].lower()
            if lp not in ("receiveddatetime", "sentdatetime"):
                if lp in MSG_PROPS:
                    raise GErr(400, "BadRequest", "Invalid orderby clause: ordering by '%s' is not emulated." % bits[0])
                raise GErr(400, "RequestBroker--ParseUri", "Could not find a property named '%s' on type "
                           "'Microsoft.OutlookServices.Message'." % bits[0])
            out.append((lp, (bits[1].lower() if len(bits) == 2 else "asc")))
        return out

    # --- users ----------------------------------------------------------------------
    def user_json(self, u, sel):
        r = u.resource()
        if sel is None:
            return {k: r[k] for k in st.USER_DEFAULT_PROPS}
        return {k: r[k] for k in sel}

    def user_get(self, u, params):
        sel = self.select(params, {p.lower(): p for p in st.USER_PROPS}, "Microsoft.DirectoryServices.User",
                          code="Request_BadRequest")
        ctxs = "users/$entity" if sel is None else "users(%s)/$entity" % ",".join(sel)
        body = {"@odata.context": "%s/v1.0/$metadata#%s" % (self.app.base, ctxs)}
        body.update(self.user_json(u, sel))
        return Result(200, body)

    def users_list(self, t, params, ctx, raw_path):
        sel = self.select(params, {p.lower(): p for p in st.USER_PROPS}, "Microsoft.DirectoryServices.User",
                          code="Request_BadRequest")
        top = self.top(params, 1, 999, 100)
        tok = self.param(params, "$skiptoken")
        skip = 0
        if tok is not None:
            try:
                b = st.b64u_dec(tok)
                if b[:4] != b"DSpt" or len(b) != 8:
                    raise ValueError
                skip = int.from_bytes(b[4:8], "big")
            except (ValueError, TypeError):
                raise GErr(400, "Request_BadRequest", "The specified page token value has expired and can no longer be "
                           "included in your request.")
        users = list(t.users)
        advanced = ctx.eventual
        count = (self.param(params, "$count") or "").lower() == "true"
        if count and not advanced:
            raise GErr(400, "Request_BadRequest", "$count is not currently supported.")
        flt = self.param(params, "$filter")
        if flt:
            for part in re.split(r"\s+and\s+", flt.strip(), flags=re.I):
                m = re.match(r"^\s*(\w+)\s+(eq|ne)\s+('(?:[^']|'')*'|true|false|null)\s*$", part, re.I)
                if not m or m.group(1).lower() not in ("usertype", "accountenabled", "mail", "userprincipalname"):
                    raise GErr(400, "Request_UnsupportedQuery", "Unsupported Query.")
                prop, op, val = m.group(1).lower(), m.group(2).lower(), m.group(3)
                if (op == "ne" or val.lower() == "null") and not (advanced and count):
                    raise GErr(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified "
                               "for property '%s' of resource 'User'." % m.group(1))
                attr = {"usertype": "userType", "accountenabled": "accountEnabled", "mail": "mail",
                        "userprincipalname": "upn"}[prop]
                if val.lower() == "null":
                    want = None
                elif val.lower() in ("true", "false"):
                    want = val.lower() == "true"
                else:
                    want = val[1:-1].replace("''", "'")

                def match(u, attr=attr, want=want, op=op):
                    v = getattr(u, attr)
                    eq = (v.lower() == want.lower()) if isinstance(v, str) and isinstance(want, str) else v == want
                    return eq if op == "eq" else not eq
                users = [u for u in users if match(u)]
        page = users[skip:skip + top]
        body = {"@odata.context": "%s/v1.0/$metadata#users%s" % (self.app.base, "(%s)" % ",".join(sel) if sel else "")}
        if count:
            body["@odata.count"] = len(users)
        if skip + top < len(users):
            body["@odata.nextLink"] = self.next_link(raw_path, [(k, v) for k, v in params if k.lower() != "$skiptoken"],
                                                     "$skiptoken", st.b64u(b"DSpt" + (skip + top).to_bytes(4, "big")).rstrip("="))
        body["value"] = [self.user_json(u, sel) for u in page]
        return Result(200, body)

    # --- folders --------------------------------------------------------------------
    def folder_json(self, mbx, f, ctx, single):
        root = "AQMkA" + st.b64u(b"\x00" + mbx.guid + b"\x00\x2e\x00\x00\x01root")
        unread = 0
        d = {"id": f.id, "displayName": f.displayName, "parentFolderId": root, "childFolderCount": 0,
             "unreadItemCount": unread, "totalItemCount": f.count, "sizeInBytes": 0, "isHidden": False}
        if single:
            return dict({"@odata.context": "%s/v1.0/$metadata#users('%s')/mailFolders/$entity" % (self.app.base, mbx.user.id)}, **d)
        return d

    def folders_list(self, mbx, params, ctx, raw_path):
        top = self.top(params, 1, 1000, 10)
        skip = int(self.param(params, "$skip") or 0)
        fs = list(mbx.folders.values())
        body = {"@odata.context": "%s/v1.0/$metadata#users('%s')/mailFolders" % (self.app.base, mbx.user.id),
                "value": [self.folder_json(mbx, f, ctx, False) for f in fs[skip:skip + top]]}
        if skip + top < len(fs):
            body["@odata.nextLink"] = self.next_link(raw_path, params, "$skip", skip + top)
        return Result(200, body)

    # --- messages -------------------------------------------------------------------
    def messages_list(self, mbx, folder, params, ctx, raw_path):
        sel = self.select(params, MSG_PROPS, "Microsoft.OutlookServices.Message")
        top = self.top(params, 1, 1000, 10)
        try:
            skip = int(self.param(params, "$skip") or 0)
            if skip < 0:
                raise ValueError
        except ValueError:
            raise GErr(400, "BadRequest", "Invalid value for $skip.")
        conds, forder = self.msg_filter(params)
        order = self.msg_orderby(params)
        if conds and order:
            oprops = [p for p, _d in order]
            if forder[:len(oprops)] != oprops:
                raise GErr(400, "InefficientFilter", "The restriction or sort order is too complex for this operation.")
        expand = self.expand(params)
        refs = mbx.index
        if folder is not None:
            refs = [r for r in refs if r.folder is folder]
        for prop, op, v in conds:
            attr = "received" if prop == "receiveddatetime" else "sent"
            if op == "ge":
                refs = [r for r in refs if getattr(r, attr) >= v]
            elif op == "gt":
                refs = [r for r in refs if getattr(r, attr) > v]
            elif op == "le":
                refs = [r for r in refs if getattr(r, attr) <= v]
            elif op == "lt":
                refs = [r for r in refs if getattr(r, attr) < v]
            elif op == "eq":
                refs = [r for r in refs if int(getattr(r, attr)) == int(v)]
            else:
                refs = [r for r in refs if int(getattr(r, attr)) != int(v)]
        if order:
            prop, d = order[0]
            attr = "received" if prop == "receiveddatetime" else "sent"
            refs = sorted(refs, key=lambda r: (getattr(r, attr), r.key), reverse=(d == "desc"))
        page = refs[skip:skip + top]
        base = "%s/v1.0/$metadata#users('%s')" % (self.app.base, mbx.user.id)
        if folder is not None:
            base += "/mailFolders('%s')" % folder.id
        body = {"@odata.context": base + "/messages" + ("(%s)" % ",".join(sel) if sel else "")}
        if (self.param(params, "$count") or "").lower() == "true":
            body["@odata.count"] = len(refs)
        body["value"] = [self.message_json(mbx, r, sel, ctx, expand) for r in page]
        if skip + top < len(refs):
            body["@odata.nextLink"] = self.next_link(raw_path, params, "$skip", skip + top)
        return Result(200, body)

    def expand(self, params):
        e = self.param(params, "$expand")
        if not e:
            return None
        m = re.match(r"^\s*attachments\s*(?:\(\s*\$select\s*=\s*([^)]*)\))?\s*$", e, re.I)
        if not m:
            raise GErr(400, "BadRequest", "Parsing OData Select and Expand failed: Could not find a property named "
                       "'%s' on type 'microsoft.graph.message'." % e.split("(")[0].strip())
        if m.group(1):
            return self.select([("$select", m.group(1))], ATT_PROPS, "microsoft.graph.attachment")
        return []

    def message_get(self, mbx, ref, params, ctx):
        sel = self.select(params, MSG_PROPS, "Microsoft.OutlookServices.Message")
        body = {"@odata.context": "%s/v1.0/$metadata#users('%s')/messages%s/$entity" % (
            self.app.base, mbx.user.id, "(%s)" % ",".join(sel) if sel else "")}
        body.update(self.message_json(mbx, ref, sel, ctx, self.expand(params)))
        return Result(200, body)

    def body_of(self, p, ctx):
        key = (ctx.body_type, ctx.unsafe)
        cache = p.get("_bodies")
        if cache is None:
            cache = p["_bodies"] = {}
        v = cache.get(key)
        if v is not None:
            return v
        btype, content = p["bodyType"], p["bodyContent"]
        if btype == "html" and not ctx.unsafe:
            content = st.sanitize_html(content)
        if ctx.body_type == "text" and btype == "html":
            btype, content = "text", st.html_to_text(content)
        elif ctx.body_type == "html" and btype == "text":
            btype, content = "html", st.text_to_html(content)
        v = cache[key] = {"contentType": btype, "content": content}
        return v

    NO_PARSE = {"id", "createdDateTime", "lastModifiedDateTime", "receivedDateTime", "changeKey", "categories",
                "sentDateTime", "parentFolderId", "isDeliveryReceiptRequested", "isRead", "isDraft", "webLink", "flag"}

    def message_json(self, mbx, ref, sel, ctx, expand=None):
        want = sel if sel is not None else MSG_DEFAULT[1:]
        p = mbx.parsed(ref) if expand is not None or not self.NO_PARSE.issuperset(want) else None
        mid = mbx.msg_id(ref, ctx.immutable)
        rec = ref.riso
        ck = "CQAAABYAAAD" + st.b64u(ref.key[:15])
        out = {"@odata.etag": 'W/"%s"' % ck, "id": mid}
        for prop in want:
            if prop == "id":
                continue
            if prop in ("createdDateTime", "lastModifiedDateTime", "receivedDateTime"):
                v = rec
            elif prop == "changeKey":
                v = ck
            elif prop == "categories":
                v = []
            elif prop == "sentDateTime":
                v = ref.siso
            elif prop in ("hasAttachments", "internetMessageId", "subject", "bodyPreview", "importance",
                          "isReadReceiptRequested", "replyTo", "toRecipients", "ccRecipients", "bccRecipients",
                          "unsubscribeData"):
                v = p[prop]
            elif prop in ("sender", "from"):
                v = p[prop]
            elif prop == "parentFolderId":
                v = ref.folder.id
            elif prop == "conversationId":
                v = "AAQkAD" + st.b64u(st.h("conv", mbx.user.id, p["conversation"], n=30))
            elif prop == "conversationIndex":
                v = base64.b64encode(st.h("convidx", mbx.user.id, p["conversation"], n=22)).decode()
            elif prop == "isDeliveryReceiptRequested":
                v = False
            elif prop == "isRead":
                v = ref.folder.name in ("sentitems", "drafts") or st.hnum("read", ref.key) % 10 < 7
            elif prop == "isDraft":
                v = ref.folder.name == "drafts"
            elif prop == "webLink":
                v = ("https://outlook.office365.com/owa/?ItemID=%s&exvsurl=1&viewmodel=ReadMessageItem"
                     % urllib.parse.quote(mid, safe=""))
            elif prop == "inferenceClassification":
                v = "other" if p["newsletter"] else "focused"
            elif prop in ("body", "uniqueBody"):
                v = self.body_of(p, ctx)
            elif prop == "flag":
                v = {"flagStatus": "notFlagged"}
            elif prop == "internetMessageHeaders":
                v = [{"name": n, "value": val} for n, val in p["headers"]]
            elif prop == "unsubscribeEnabled":
                v = bool(p["unsubscribeData"])
            else:
                continue
            out[prop] = v
        if expand is not None:
            out["attachments@odata.context"] = "%s/v1.0/$metadata#users('%s')/messages('%s')/attachments" % (
                self.app.base, mbx.user.id, mid)
            out["attachments"] = [self.att_json(mbx, ref, i, a, expand or None) for i, a in enumerate(p["attachments"])]
        return out

    # --- attachments ---------------------------------------------------------------
    def att_id(self, mbx, ref, i):
        return "AAMkAD" + st.b64u(b"\x00" + mbx.guid + ref.key + b"\x01\x12\x00" + i.to_bytes(2, "big") + b"\x00")

    def att_index(self, mbx, ref, aid):
        try:
            if not aid.startswith("AAMkAD"):
                raise ValueError
            b = st.b64u_dec(aid[6:])
            if len(b) != 43 or b[1:17] != mbx.guid:
                raise ValueError
        except (ValueError, TypeError):
            raise GErr(400, "ErrorInvalidIdMalformed", "Id is malformed.")
        if b[17:37] != ref.key:
            raise GErr(404, "ErrorItemNotFound", "The specified object was not found in the store.")
        i = int.from_bytes(b[40:42], "big")
        if i >= len(mbx.parsed(ref)["attachments"]):
            raise GErr(404, "ErrorItemNotFound", "The specified object was not found in the store.")
        return i

    def att_json(self, mbx, ref, i, a, sel):
        t = "#microsoft.graph.itemAttachment" if a["item"] else "#microsoft.graph.fileAttachment"
        full = {"@odata.type": t}
        if not a["item"]:
            full["@odata.mediaContentType"] = a["contentType"]
        full.update({"id": self.att_id(mbx, ref, i), "lastModifiedDateTime": ref.riso,
                     "name": a["name"], "contentType": a["contentType"], "size": len(a["data"]),
                     "isInline": a["isInline"]})
        if sel is not None:
            return dict([("@odata.type", t)] + [(k, full[k]) for k in ["id"] + sel if k in full])
        if not a["item"]:
            full["contentId"] = a["contentId"]
            full["contentLocation"] = None
            full["contentBytes"] = base64.b64encode(a["data"]).decode("ascii")
        return full

    def attachments_list(self, mbx, ref, params, ctx):
        sel = self.select(params, ATT_PROPS, "microsoft.graph.attachment")
        mid = mbx.msg_id(ref, ctx.immutable)
        atts = mbx.parsed(ref)["attachments"]
        return Result(200, {
            "@odata.context": "%s/v1.0/$metadata#users('%s')/messages('%s')/attachments%s" % (
                self.app.base, mbx.user.id, mid, "(%s)" % ",".join(sel) if sel else ""),
            "value": [self.att_json(mbx, ref, i, a, sel) for i, a in enumerate(atts)]})

    def attachment_get(self, mbx, ref, i, params, ctx):
        sel = self.select(params, ATT_PROPS, "microsoft.graph.attachment")
        mid = mbx.msg_id(ref, ctx.immutable)
        a = mbx.parsed(ref)["attachments"][i]
        body = {"@odata.context": "%s/v1.0/$metadata#users('%s')/messages('%s')/attachments/$entity" % (
            self.app.base, mbx.user.id, mid)}
        body.update(self.att_json(mbx, ref, i, a, sel))
        return Result(200, body)

    def attachment_value(self, mbx, ref, i):
        a = mbx.parsed(ref)["attachments"][i]
        return Result(200, raw=a["data"], content_type="text/plain" if a["item"] else a["contentType"])
