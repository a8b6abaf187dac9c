#!/usr/bin/python3
# 90-browser: DESIGN.md steps 1-17 in a real headless Chromium against
# the test stack and the Microsoft emulator: the language switch, sign-up
# (the button waits for the address and the terms), the registration
# mail, sign-in, service and scope, sign-in and consent at the emulator,
# Start, the runner's scan (run as cron would), the start and completion
# mails, the completion mail's link, sign-in, the results, one detection,
# both downloads (checked), re-run; and the unsupported-browser page by
# User-Agent.  A screenshot of every page goes to
# $SHINDAN_ARTIFACTS/90-browser/.  No page may log a console error (a
# CSP violation would).
import os, subprocess, sys, time
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/browser"))
from shindan_test import *
import drive

def skip_all(why):
    print("1..0 # SKIP " + why)
    sys.exit(0)


def emulator_present():
    u = os.environ.get("SHINDAN_EMU_URL", "")
    return u and not u.endswith(":0")


why = drive.available()
if why:
    skip_all(why)
if not emulator_present():
    skip_all("the Microsoft emulator is not part of this stack")
RUNNER = os.path.join(os.environ["SHINDAN_BIN"], "shindan-runner")
if not os.access(RUNNER, os.X_OK):
    skip_all("shindan-runner is not built")

t = Tap()
drive.cleanup_leftovers()
art = os.environ.get("SHINDAN_ARTIFACTS") or "/tmp"
base = os.environ["SHINDAN_URL"]
user = "adele@contoso.example"
c = drive.Chrome(art)
errors = []


def page(name):
    c.shot(name)
    # The browser asks for /favicon.ico by itself (there is none).
    errors.extend((name, e.get("message", "")) for e in c.console_errors()
                  if "favicon.ico" not in e.get("message", ""))


try:
    # 1: the portal, the language switch.
    c.get(base + "/")
    t.like(c.html, r'<html lang="en"', "step 1: the sign-up page in English")
    page("signup-en")
    c.click('nav.lang a[hreflang="ja"]')
    t.ok(c.wait(lambda: 'lang="ja"' in c.html), "the language switch shows Japanese")
    t.like(c.text(), "サインアップ", "in Japanese words")
    page("signup-ja")
    c.click('nav.lang a[hreflang="en"]')
    t.ok(c.wait(lambda: 'lang="en"' in c.html), "and back to English")

    # 2-5: sign up.
    addr = unique_email("browser")
    btn = c.one("#signup [data-needs-valid]")
    t.ok(not btn.is_enabled(), "steps 2-4: Sign up waits for an address and the terms")
    c.type("#signup input[name=email]", addr)
    t.ok(not btn.is_enabled(), "still waits for the terms")
    c.click("#signup input[name=agree]")
    t.ok(btn.is_enabled(), "then it can be pressed")
    btn.click()
    t.ok(c.wait(lambda: c.has('form[action="/signup/confirm"]')), "step 5: the confirmation screen")
    t.like(c.text(), re.escape(addr), "showing the address")
    page("signup-confirm")
    c.click('form[action="/signup/confirm"] button[type=submit]')
    t.ok(c.wait(lambda: "Check your mail" in c.text()), "the mail-sent page")
    page("mail-sent")
    mails = wait_mail(addr, 1, timeout=30)
    t.is_(len(mails), 1, "the registration mail arrives")
    code = mails[0].code
    t.like(code or "", r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", "with the confirmation number")
    link = re.search(r"(https?://\S+/signin\S*)", mails[0].text or "")
    t.ok(link is not None, "and the portal's link")

    # Sign in from the mail's link.
    c.get(link.group(1))
    c.type("input[name=email]", addr)
    c.type("input[name=code]", code.lower().replace("-", " "))
    page("signin")
    c.click('form[action="/signin"] button[type=submit]')
    t.ok(c.wait_url(r"/app$"), "signed in: the main screen")

    # 6-7: service and scope.
    t.ok(c.has('input[name=service][value=m365]:checked'), "step 6: Microsoft 365 is chosen")
    page("app")
    c.click('label[for="t-gsuite"]')
    t.ok(c.wait(lambda: not c.one("#services [data-next]").is_enabled()),
         "another service: Next is unavailable")
    t.ok(c.one("#out-of-scope").is_displayed(), "and it is explained as out of scope")
    page("app-out-of-scope")
    c.click('label[for="t-m365"]')
    c.click("#services [data-next]")
    t.ok(c.wait_url(r"/app/scope$"), "step 7: the scope choice")
    c.click('label[for="t-mailbox"]')
    page("scope")
    c.click('#scope button[type=submit]')

    # 8-9: Microsoft (the emulator): sign in, consent.
    t.ok(c.wait(lambda: c.has("input[name=passwd]")), "step 8: Microsoft's sign-in page")
    page("ms-signin")
    c.type("input[name=login]", user)
    c.type("input[name=passwd]", "shindan-demo")
    c.click("#credentials button[type=submit]")
    t.ok(c.wait(lambda: c.has('button[name=consent][value=accept]')), "step 9: the consent page")
    page("ms-consent")
    c.click('button[name=consent][value=accept]')

    # 10-13: granted, start, started.
    t.ok(c.wait_url(r"/app/granted$"), "step 10: back at the portal: permission granted")
    t.like(c.text(), "Permission granted successfully", "says so")
    t.ok(c.has("[data-countdown]"), "with the time before it starts by itself")
    page("granted")
    c.click('form[action="/app/start"] button')
    t.ok(c.wait_url(r"/app/started$"), "step 12: the started page")
    t.like(c.text(), re.escape(addr), "naming the address the results go to")
    page("started")

    # The scan: the runner, as cron starts it, until the scan has ended.
    acct = psql1("SELECT id FROM account WHERE email = :'a1'", addr)
    state, ticks, t0 = None, 0, time.time()
    while ticks < 8 and time.time() - t0 < 240:
        subprocess.run([RUNNER, "-c", os.environ["SHINDAN_CONF"]], timeout=200,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ticks += 1
        state = psql1("SELECT state FROM assessment WHERE account_id = :'a1'", acct)
        if state in ("done", "failed", "cancelled"):
            break
        c.get(base + "/results")
        if ticks == 1 and "Assessment in progress" in c.text():
            page("progress")
    t.is_(state, "done", "the runner finished the scan (%d ticks, %.0f s)" % (ticks, time.time() - t0))
    scanned = int(psql1("SELECT messages_scanned FROM assessment WHERE account_id = :'a1'", acct) or 0)
    found = int(psql1("SELECT count(*) FROM detection d JOIN assessment a ON a.id = d.assessment_id"
                      " WHERE a.account_id = :'a1'", acct) or 0)
    t.ok(scanned > 0 and found > 0, "it scanned %d mails and detected %d" % (scanned, found))
    mails = wait_mail(addr, 3, timeout=30)
    t.is_(len(mails), 3, "step 13-14: the start and completion mails arrive")
    done_mail = mails[-1]
    t.like(done_mail.text or "", format(scanned, ",") + "|" + str(scanned), "the completion mail has the count")
    link = re.search(r"(https?://\S+/signin\S*)", done_mail.text or "")
    t.ok(link is not None, "and the link to sign in")

    # 14: a new browser session follows the mail's link and signs in.
    c.d.delete_all_cookies()
    c.get(link.group(1) if link else base + "/signin")
    if not c.has("input[name=code]"):
        c.get(base + "/signin")
    c.type("input[name=email]", addr)
    c.type("input[name=code]", code)
    c.click('form[action="/signin"] button[type=submit]')
    t.ok(c.wait_url(r"/results$"), "step 15: signing in leads to the results")
    text = c.text()
    t.like(text, "Assessment results", "the results page")
    t.like(text, "Completed", "completed")
    t.ok(c.has("#detection-list tbody tr"), "with the detected mails")
    t.like(text, format(scanned, ","), "and the mails scanned")
    page("results")
    c.get(base + "/results?lang=ja")
    t.like(c.text(), "診断結果", "the results in Japanese")
    page("results-ja")
    c.get(base + "/results?lang=en")
    if c.has('#f-category option[value="phishing"]'):
        from selenium.webdriver.support.ui import Select
        Select(c.one("#f-category")).select_by_value(
            c.one('#by-category a').get_attribute("href").split("category=")[1].split("#")[0])
        c.click("#filters button[type=submit]")
        t.ok(c.wait_url(r"category="), "a filter applies")
        page("results-filtered")
    c.get(base + "/results")
    c.click("#detection-list tbody tr td a")
    t.ok(c.wait_url(r"/results/detection\?id=\d+"), "a detection opens")
    t.like(c.text(), "Why it was flagged", "with its evidence")
    page("detection")

    # 16: both downloads.
    c.get(base + "/results")
    pdf = c.download("#dl-pdf", ".pdf")
    t.ok(pdf is not None, "step 16: the PDF downloads")
    if pdf:
        t.like(os.path.basename(pdf), r"^shindan-report-\d{4}-\d\d-\d\d\.pdf$", "named with the date")
        txt = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        t.like(txt, "Mail security assessment report", "it reads as the report")
        t.like(txt, re.escape(addr), "for this account")
        t.is_(subprocess.run(["qpdf", "--check", pdf], capture_output=True).returncode, 0, "qpdf --check is clean")
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", pdf,
                        os.path.join(c.art, "%02d-report-pdf" % (c.n + 1))])
    csvf = c.download("#dl-csv", ".csv")
    t.ok(csvf is not None, "the CSV downloads")
    if csvf:
        import csv, io
        raw = open(csvf, "rb").read()
        t.ok(raw.startswith(b"\xef\xbb\xbf"), "with its BOM")
        rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
        t.is_(len(rows) - 1, found, "one row per detection")

    # 17: re-run.
    c.click("#rescan")
    t.ok(c.wait_url(r"/results/rescan$"), "step 17: re-run warns first")
    t.ok(c.has('a[href="/results/report.csv"]'), "offering the downloads")
    page("rescan")
    c.click('#confirm button[type=submit]')
    t.ok(c.wait_url(r"/app$"), "confirmed: back to the service choice")
    t.is_(psql1("SELECT count(*) FROM assessment WHERE account_id = :'a1'", acct), "0",
          "the previous result is deleted")
    page("app-after-rescan")

    # The unsupported-browser page, by User-Agent.
    c.user_agent("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko")
    c.get(base + "/")
    t.like(c.text(), "This browser is not supported", "an unsupported browser gets its page")
    t.like(c.text(), "Google Chrome", "naming the supported ones")
    page("unsupported")

    t.is_(errors, [], "no page logged a console error")
finally:
    c.quit()
t.done()
