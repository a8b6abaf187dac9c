#!/usr/bin/python3
# 62-emu-graph: Graph v1.0 mail: /me, /users paging, messages paging to the
# end with $top/$select/$filter/$orderby and the InefficientFilter rule,
# headers only when selected, Prefer headers, MIME, attachments, folders,
# stable immutable ids across restarts, and the error answers (401 expired
# or missing token, 403 another tenant or mailbox, 404 no mailbox / item).
import datetime, json, os, sys, time
sys.path.insert(0, os.path.join(os.environ.get("SHINDAN_SRC", "."), "tests/fakes/msemu"))
from emutest import *

t = Tap()
man = json.load(open(os.path.join(TENANTS, "contoso.example", "manifest.json")))
n_adele = sum(1 for m in man["messages"] if m["mailbox"] == "adele@contoso.example")
e = Emu("--token-lifetime", "120")


def iso(ts):
    return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


try:
    j = e.user_tokens("adele@contoso.example")
    at = j["access_token"]
    r = e.get("/v1.0/me?$select=id,displayName,mail,userPrincipalName", at)
    t.is_(r.json().get("mail"), "adele@contoso.example", "/me with the delegated token")
    t.ok(r.h("content-type").startswith("application/json;odata.metadata=minimal") and r.h("request-id")
         and r.h("client-request-id"), "OData Content-Type, request-id and client-request-id")
    r = e.get("/v1.0/me", at, {"client-request-id": "abc-123"})
    t.is_(r.h("client-request-id"), "abc-123", "client-request-id is echoed")
    jn = e.user_tokens("nomail@contoso.example")
    r = e.get("/v1.0/me?$select=id,mail", jn["access_token"])
    t.ok(r.status == 200 and r.json()["mail"] is None, "/me of a user without a mailbox: mail is null")
    r = e.get("/v1.0/me/messages", jn["access_token"])
    t.is_((r.status, r.json()["error"]["code"]), (404, "MailboxNotEnabledForRESTAPI"), "their messages: 404 MailboxNotEnabledForRESTAPI")
    t.ok(set(r.json()["error"]["innerError"]) >= {"date", "request-id", "client-request-id"}, "error innerError shape")

    # messages: paging to the end
    url = "/v1.0/me/messages?$top=37&$select=id,subject,receivedDateTime"
    ids, pages, first = [], 0, None
    while url:
        r = e.get(url, at)
        b = r.json()
        if r.status != 200:
            t.diag(r.text)
            break
        first = first or b
        ids += [m["id"] for m in b["value"]]
        pages += 1
        url = b.get("@odata.nextLink")
        if url:
            t.ok(url.startswith(e.base + "/v1.0/me/messages?") and "$skip=" in url, "nextLink is absolute, with $skip") if pages == 1 else None
    t.is_((len(ids), len(set(ids))), (n_adele, n_adele), "paging $top=37 to the end: every message once (%d)" % n_adele)
    t.is_(pages, (n_adele + 36) // 37, "in the expected number of pages")
    t.ok(set(first["value"][0]) == {"@odata.etag", "id", "subject", "receivedDateTime"}, "$select gives exactly those (and etag, id)")
    r = e.get("/v1.0/me/messages", at)
    t.is_(len(r.json()["value"]), 10, "the default page size is 10")
    t.is_(e.get("/v1.0/me/messages?$top=1001", at).status, 400, "$top=1001: 400")
    r = e.get("/v1.0/me/messages?$select=nosuchprop", at)
    t.is_(r.status, 400, "an unknown $select property: 400")
    r = e.get("/v1.0/me/messages?$top=1000", at).json()["value"]
    t.ok(all("internetMessageHeaders" not in m for m in r) and "body" in r[0], "internetMessageHeaders not given unless selected")
    recv = [m["receivedDateTime"] for m in r]
    t.ok(recv == sorted(recv, reverse=True), "default order: receivedDateTime desc")
    now = time.time()
    t.ok(all(now - 30 * 86400 <= datetime.datetime.fromisoformat(x.replace("Z", "+00:00")).timestamp() <= now for x in recv),
         "every receivedDateTime falls in the last 30 days")

    # $filter + $orderby
    lo, hi = iso(now - 20 * 86400), iso(now - 5 * 86400)
    flt = "receivedDateTime ge %s and receivedDateTime lt %s" % (lo, hi)
    want = sorted(x for x in recv if lo <= x < hi)
    got, url = [], "/v1.0/me/messages?" + urllib.parse.urlencode({"$filter": flt, "$orderby": "receivedDateTime desc",
                                                                  "$top": "50", "$select": "receivedDateTime"})
    while url:
        b = e.get(url, at).json()
        got += [m["receivedDateTime"] for m in b["value"]]
        url = b.get("@odata.nextLink")
    t.ok(got == sorted(want, reverse=True) and len(got) > 50, "$filter on a window with $orderby desc, paged: %d messages" % len(got))
    r = e.get("/v1.0/me/messages?" + urllib.parse.urlencode({"$filter": "sentDateTime ge %s and receivedDateTime ge %s" % (lo, lo),
                                                             "$orderby": "receivedDateTime desc"}), at)
    t.is_((r.status, r.json()["error"]["code"]), (400, "InefficientFilter"), "orderby property not first in $filter: InefficientFilter")
    r = e.get("/v1.0/me/messages?" + urllib.parse.urlencode({"$filter": "receivedDateTime ge '%s'" % lo}), at)
    t.is_(r.status, 400, "a quoted DateTimeOffset: 400")

    # folders
    r = e.get("/v1.0/me/mailFolders?$top=50", at).json()["value"]
    names = {f["displayName"]: f for f in r}
    t.ok({"Inbox", "Sent Items", "Junk Email", "Deleted Items", "Archive"} <= set(names), "mailFolders lists the well-known folders")
    tot = sum(f["totalItemCount"] for f in r)
    t.is_(tot, n_adele, "their totalItemCount add up")
    r = e.get("/v1.0/me/mailFolders/junkemail/messages?$top=100&$select=parentFolderId", at).json()["value"]
    t.ok(len(r) == names["Junk Email"]["totalItemCount"] and all(m["parentFolderId"] == names["Junk Email"]["id"] for m in r),
         "mailFolders/junkemail/messages: the junk folder's messages")

    # one message, headers, bodies
    byid = {}
    for m in e.get("/v1.0/me/messages?$top=1000&$select=subject,hasAttachments,internetMessageId", at).json()["value"]:
        byid[m["internetMessageId"]] = m
    ph = [x for x in man["messages"] if x["mailbox"] == "adele@contoso.example" and x["kind"] == "phishing-lookalike-link-mismatch"][0]
    mid = byid[ph["messageId"]]["id"]
    r = e.get("/v1.0/me/messages/%s?$select=internetMessageHeaders,subject" % mid, at).json()
    hn = [h["name"] for h in r["internetMessageHeaders"]]
    t.ok("Authentication-Results" in hn and "Received" in hn and "X-MS-Exchange-Organization-AuthAs" in hn,
         "internetMessageHeaders when selected: Authentication-Results, Received, X-MS-Exchange-*")
    sm = [x for x in man["messages"] if x["mailbox"] == "adele@contoso.example" and x["kind"] == "html-smuggling"][0]
    smid = byid[sm["messageId"]]["id"]
    a = e.get("/v1.0/me/messages/%s/attachments" % smid, at).json()["value"][0]
    t.ok(a["@odata.type"] == "#microsoft.graph.fileAttachment" and "atob(" in base64.b64decode(a["contentBytes"]).decode(),
         "attachment list: fileAttachment with contentBytes")
    one = e.get("/v1.0/me/messages/%s/attachments/%s" % (smid, a["id"]), at).json()
    raw = e.get("/v1.0/me/messages/%s/attachments/%s/$value" % (smid, a["id"]), at)
    t.ok(one["name"] == a["name"] and raw.body == base64.b64decode(a["contentBytes"]), "one attachment, and its $value")
    r = e.get("/v1.0/me/messages/%s/attachments?$select=name,size,contentType,isInline" % smid, at).json()["value"][0]
    t.ok("contentBytes" not in r and r["size"] > 100, "$select on attachment base properties")
    bec = [x for x in man["messages"] if x["mailbox"] == "adele@contoso.example" and x["kind"] == "bec-ja-bank-change"][0]
    r = e.get("/v1.0/me/messages/%s?$select=subject,body,from,replyTo" % byid[bec["messageId"]]["id"], at).json()
    t.ok(r["subject"] == bec["subject"] and "振込先" in r["body"]["content"] and r["replyTo"][0]["emailAddress"]["address"]
         == "keiri.northwind@gmail.com", "ISO-2022-JP subject and body decoded; replyTo")
    mime = e.get("/v1.0/me/messages/%s/$value" % mid, at)
    t.ok(mime.status == 200 and mime.h("content-type").startswith("text/plain") and ph["messageId"].encode() in mime.body,
         "$value: the MIME")
    html_att = [x for x in man["messages"] if x["mailbox"] == "adele@contoso.example" and x["kind"] == "phishing-lookalike-link-mismatch"]
    r1 = e.get("/v1.0/me/messages/%s?$select=body" % mid, at)
    t.ok('href="http://c0ntoso-sso.example-login.net' in r1.json()["body"]["content"], "links stay in the safe body")
    r2 = e.get("/v1.0/me/messages/%s?$select=body" % mid, at, {"Prefer": 'outlook.body-content-type="text"'})
    t.ok(r2.json()["body"]["contentType"] == "text" and "<a" not in r2.json()["body"]["content"]
         and 'outlook.body-content-type="text"' in (r2.h("preference-applied") or ""), "Prefer body-content-type text, Preference-Applied")
    hs = [x for x in man["messages"] if x["mailbox"] == "adele@contoso.example" and x["kind"] == "html-smuggling"][0]
    # an HTML body with a script: use the tiny demo of a sanitised body from an attachment-less threat
    r3 = e.get("/v1.0/me/messages/%s?$select=body,id" % mid, at, {"Prefer": 'IdType="ImmutableId"'})
    imm = r3.json()["id"]
    t.ok(imm != mid and imm.startswith("AAkALg") and 'IdType="ImmutableId"' in r3.h("preference-applied"), "IdType=ImmutableId gives the immutable id")
    t.is_(e.get("/v1.0/me/messages/%s?$select=subject" % imm, at).json().get("subject"), ph["subject"], "which resolves too")
    t.is_(e.get("/v1.0/me/messages/AAMkADnotanid", at).json()["error"]["code"], "ErrorInvalidIdMalformed", "a malformed id: ErrorInvalidIdMalformed")
    other = mid[:-12] + ("A" if mid[-12] != "A" else "B") + mid[-11:]
    r = e.get("/v1.0/me/messages/%s" % other, at)
    t.ok(r.status in (400, 404), "another id: 404 ErrorItemNotFound (or malformed)")

    # errors
    t.is_(e.get("/v1.0/me", None).status, 401, "no token: 401")
    r = e.get("/v1.0/me", "abc")
    t.ok(r.status == 401 and r.json()["error"]["code"] == "InvalidAuthenticationToken" and
         r.h("www-authenticate", ).startswith('Bearer realm=""'), "a garbage token: 401 InvalidAuthenticationToken with WWW-Authenticate")
    r = e.get("/v1.0/users/alex@contoso.example/messages", at)
    t.is_((r.status, r.json()["error"]["code"]), (403, "ErrorAccessDenied"), "a delegated token on another mailbox: 403")
    e.admin_consent("admin@fabrikam.example")
    fab = e.app_token("fabrikam.example").json()["access_token"]
    r = e.get("/v1.0/users/adele@contoso.example/messages", fab)
    t.is_((r.status, r.json()["error"]["code"]), (403, "ErrorAccessDenied"), "fabrikam's token on a contoso mailbox: 403 ErrorAccessDenied")
    r = e.get("/v1.0/users/nobody@contoso.example/messages", fab)
    t.is_(r.status, 404, "an unknown user: 404")
    t.is_(e.get("/v1.0/me", fab).status, 400, "/me with an app token: 400")

    # /users paging
    e.admin_consent("admin@contoso.example")
    app = e.app_token("contoso.example").json()["access_token"]
    url, users = "/v1.0/users?$top=2&$select=id,userPrincipalName,mail,userType", []
    while url:
        b = e.get(url, app).json()
        users += b["value"]
        url = b.get("@odata.nextLink")
        t.ok("$skiptoken=" in url, "users nextLink carries $skiptoken") if url and len(users) == 2 else None
    t.is_(len(users), 7, "/users paged with $top=2 to the end: 7 users")
    t.is_(e.get("/v1.0/users?$top=1000", app).status, 400, "/users $top=1000: 400")
    t.is_(len(e.get("/v1.0/users", app).json()["value"]), 7, "/users default page")
    t.is_(e.get("/v1.0/users/jordan_fabrikam.example%23EXT%23@contoso.example/messages", app).json()["error"]["code"],
          "MailboxNotEnabledForRESTAPI", "a guest: MailboxNotEnabledForRESTAPI")
    r = e.get("/v1.0/users/adele@contoso.example/messages?$top=5", at)
    t.is_(r.status, 200, "a delegated token reads its own mailbox by UPN too")
    r = e.get("/v1.0/users", at)
    t.is_((r.status, r.json()["error"]["code"]), (403, "Authorization_RequestDenied"), "User.Read cannot list /users")

    # expired token
    e.ctl("config", {"clock_offset": 200})
    r = e.get("/v1.0/me", at)
    t.ok(r.status == 401 and "expired" in r.json()["error"]["message"] and r.h("www-authenticate"),
         "an expired token: 401 InvalidAuthenticationToken")
    e.ctl("config", {"clock_offset": 0})
finally:
    e.stop()

# ids are stable across restarts
e2 = Emu()
try:
    j = e2.user_tokens("adele@contoso.example")
    r = e2.get("/v1.0/me/messages/%s?$select=subject" % mid, j["access_token"])
    t.is_(r.json().get("subject"), ph["subject"], "the same message id after a restart")
finally:
    e2.stop()

# the committed demo data: what tools/gen-demo-tenant writes, real files
import filecmp, io, subprocess, tempfile, zipfile
out = tmpdir("gen-demo.")
subprocess.run(["/usr/bin/python3", os.path.join(SRC, "tools", "gen-demo-tenant"), out], check=True,
               stdout=subprocess.DEVNULL)


def same_tree(a, b):
    c = filecmp.dircmp(a, b)
    if c.left_only or c.right_only or c.diff_files or c.funny_files:
        return False
    _m, mism, err = filecmp.cmpfiles(a, b, c.common_files, shallow=False)
    return not mism and not err and all(same_tree(os.path.join(a, d), os.path.join(b, d)) for d in c.common_dirs)
t.ok(same_tree(out, TENANTS), "tests/data/tenants is exactly what tools/gen-demo-tenant writes")
kinds = {m["kind"] for m in man["messages"]}
need = {"phishing-lookalike-link-mismatch", "phishing-punycode-domain", "html-attachment-credential-form", "html-smuggling",
        "office-macro", "zip-executable", "zip-javascript", "zip-shortcut", "encrypted-zip-password-in-body",
        "encrypted-zip-ppap", "ppap-password", "iso-image", "eicar", "bec-giftcard-ceo-display-name",
        "bec-bank-detail-change", "bec-wire-spoofed-ceo", "bec-ja-bank-change", "extortion", "internal-ja-iso-2022-jp",
        "internal-ja-shift_jis", "newsletter"}
t.ok(need <= kinds, "the manifest has every kind the demo needs (missing: %s)" % sorted(need - kinds))
import email as _email, email.policy as _pol
files = {}
for m in man["messages"]:
    raw = open(os.path.join(TENANTS, "contoso.example", "mailboxes", m["file"]), "rb").read()
    msg = _email.message_from_bytes(raw, policy=_pol.default)
    for part in msg.walk():
        fn = part.get_filename()
        if fn:
            files.setdefault(m["kind"], []).append((fn, part.get_payload(decode=True)))
docm = files["office-macro"][0][1]
zf = zipfile.ZipFile(io.BytesIO(docm))
vba = zf.read("word/vbaProject.bin")
t.ok(vba[:8] == bytes.fromhex("D0CF11E0A1B11AE1") and b"V\x00B\x00A\x00" in vba and b"AutoOpen" not in vba,
     "the .docm holds an OLE vbaProject.bin with a VBA storage (source compressed)")
iso_img = files["iso-image"][0][1]
t.ok(iso_img[32769:32774] == b"CD001" and b"INVOICE.LNK;1" in iso_img, "the .iso is an ISO 9660 image holding a .lnk")
ez = zipfile.ZipFile(io.BytesIO(files["encrypted-zip-ppap"][0][1]))
t.ok(ez.infolist()[0].flag_bits & 1 and ez.read(ez.infolist()[0], pwd=b"Nw7#q2Lp").startswith(b"PK"),
     "the PPAP zip is encrypted, and the password mail's password opens it")
t.ok(files["eicar"][0][1].startswith(b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR"), "the EICAR test file")
lk = zipfile.ZipFile(io.BytesIO(files["zip-shortcut"][0][1]))
t.ok(lk.read(lk.namelist()[0])[:4] == b"L\x00\x00\x00", "the zipped .lnk is a shell link")

# every subject and body decodes (no replacement characters) through Graph
e4 = Emu()
try:
    e4.admin_consent("admin@contoso.example")
    app = e4.app_token("contoso.example").json()["access_token"]
    bad = []
    got_subjects = {}
    for u in sorted({m["mailbox"] for m in man["messages"]}):
        for m in e4.get("/v1.0/users/%s/messages?$top=1000&$select=subject,body,internetMessageId,from" % u, app,
                        {"Prefer": "outlook.allow-unsafe-html"}).json()["value"]:
            got_subjects[m["internetMessageId"]] = m["subject"]
            if "\ufffd" in m["body"]["content"] or "\ufffd" in m["subject"]:
                bad.append(m["subject"])
    t.ok(not bad, "no body or subject with a replacement character (%s)" % bad[:3])
    t.ok(all(got_subjects.get(m["messageId"]) == m["subject"] for m in man["messages"]),
         "every manifest message is served, with its subject")
finally:
    e4.stop()

# odd MIME never gives a 500: raw 8-bit headers, no headers at all, a broken
# multipart, an attached message, a header-only file
odd = tmpdir("odd-tenant.")
os.makedirs(os.path.join(odd, "odd.example", "mailboxes", "o", "inbox"))
json.dump({"id": "0d0d0d0d-0000-4000-8000-000000000001", "displayName": "Odd",
           "users": [{"userPrincipalName": "admin@odd.example", "roles": ["Global Administrator"], "hasMailbox": False},
                     {"userPrincipalName": "o@odd.example"}]}, open(os.path.join(odd, "odd.example", "tenant.json"), "w"))
samples = [b"Subject: caf\xc3\xa9 \xff\xfe\r\nFrom: \"J\xfcrgen\" <j@x.test>\r\nContent-Disposition: \xff\r\n\r\nbody\r\n",
           b"just text, no header at all",
           b"Subject: broken\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Type: text/html\r\n\r\n<b>x",
           b"Subject: outer\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
           b"--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner one\r\nFrom: a@b.test\r\n\r\ninner body\r\n--b--\r\n",
           b"Subject: header only"]
for i, raw in enumerate(samples):
    open(os.path.join(odd, "odd.example", "mailboxes", "o", "inbox", "%d.eml" % i), "wb").write(raw)
e5 = Emu(tenants=odd)
try:
    e5.admin_consent("admin@odd.example")
    app = e5.app_token("odd.example").json()["access_token"]
    r = e5.get("/v1.0/users/o@odd.example/messages?$top=10&$select=subject,body,from,internetMessageHeaders,hasAttachments", app)
    t.ok(r.status == 200 and len(r.json()["value"]) == len(samples), "odd MIME: every message listed, no 500")
    vals = r.json()["value"]
    sts = {e5.get("/v1.0/users/o@odd.example/messages/%s/attachments" % m["id"], app).status for m in vals}
    sts |= {e5.get("/v1.0/users/o@odd.example/messages/%s/$value" % m["id"], app).status for m in vals}
    t.is_(sts, {200}, "their attachments and MIME too")
    inner = [m for m in vals if m["subject"] == "outer"][0]
    a = e5.get("/v1.0/users/o@odd.example/messages/%s/attachments" % inner["id"], app).json()["value"]
    t.ok(inner["hasAttachments"] and a[0]["@odata.type"] == "#microsoft.graph.itemAttachment" and a[0]["name"] == "inner one",
         "an attached message is an itemAttachment named by its subject")
    v = e5.get("/v1.0/users/o@odd.example/messages/%s/attachments/%s/$value" % (inner["id"], a[0]["id"]), app)
    t.ok(b"inner body" in v.body, "whose $value is its MIME")
finally:
    e5.stop()

# benchmark tenants: synthetic, and a folder of files as one mailbox
alexdir = os.path.join(TENANTS, "contoso.example", "mailboxes", "alex", "inbox")
e3 = Emu("--synthetic-tenant", "syn.example:3x40:25", "--corpus-mailbox", "box@corpus.example=" + alexdir)
try:
    e3.admin_consent("admin@syn.example")
    app = e3.app_token("syn.example").json()["access_token"]
    us = e3.get("/v1.0/users?$select=userPrincipalName", app).json()["value"]
    t.is_([u["userPrincipalName"] for u in us], ["admin@syn.example", "user0001@syn.example", "user0002@syn.example",
                                                 "user0003@syn.example"], "a synthetic tenant: admin and 3 users")
    allm = []
    for u in us[1:]:
        url = "/v1.0/users/%s/messages?$top=15&$select=subject,toRecipients,body" % u["userPrincipalName"]
        while url:
            b = e3.get(url, app).json()
            allm += [(u["userPrincipalName"], m) for m in b["value"]]
            url = b.get("@odata.nextLink")
    t.is_(len(allm), 120, "3 x 40 messages, paged")
    t.ok(all(m["toRecipients"][0]["emailAddress"]["address"] == upn for upn, m in allm), "each addressed to its mailbox owner")
    syn = [x for x in e3.ctl("tenants")["tenants"] if x["domain"] == "syn.example"][0]["synthetic"]
    t.ok(syn["expected"]["threat"] + syn["expected"]["clean"] == 120 and 10 <= syn["expected"]["threat"] <= 50,
         "/_emu/tenants tells how many are threats (%d)" % syn["expected"]["threat"])
    m0 = allm[0][1]
    raw = e3.get("/v1.0/users/%s/messages/%s/$value" % (allm[0][0], m0["id"]), app).body
    t.ok(allm[0][0].encode() in raw and b"Message-ID:" in raw, "a synthetic message's MIME names its owner")
    e3.admin_consent("admin@corpus.example")
    capp = e3.app_token("corpus.example").json()["access_token"]
    n = len(e3.get("/v1.0/users/box@corpus.example/messages?$top=1000&$select=id", capp).json()["value"])
    t.is_(n, len([f for f in os.listdir(alexdir) if not f.startswith(".")]), "--corpus-mailbox serves a folder's files as one mailbox")
finally:
    e3.stop()
t.done()
