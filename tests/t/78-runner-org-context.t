#!/usr/bin/python3
# 78-runner-org-context: the runner tells the engine whose mail it is.
# An organisation's scan gives it the domains of the users' addresses and
# its people's names (guests left out), so a mail from outside under a
# colleague's name is an impersonation, and the organisation's own
# SharePoint is not "free hosting"; a "My mailbox" scan knows the
# domain but not the colleagues, and says so in the same mail's verdict.
import os, sys, re, json
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "scan/t"))
from runner_test import *

if not emulator_present():
    skip_all("no Microsoft emulator in this stack")
t = Tap()
emu_restore()
with open(os.path.join(ENV["SHINDAN_SRC"], "tests/data/tenants/contoso.example/tenant.json")) as f:
    users = json.load(f)["users"]
members = [u for u in users if u.get("userType", "Member") != "Guest" and "#EXT#" not in u["userPrincipalName"]]
ceo = [u["displayName"] for u in users if u["userPrincipalName"] == "patti@contoso.example"][0]


def rules_for(aid, where, *args):
    return sorted(set(r[0] for r in psql(
        "SELECT f.rule FROM finding f JOIN detection d ON d.id = f.detection_id "
        "JOIN mailbox m ON m.id = d.mailbox_id WHERE d.assessment_id = :'a1' AND " + where,
        aid, *args)))


def bec(aid):
    # The CEO's name on a free-mail address, asking for gift cards.
    return rules_for(aid, "m.upn = 'adele@contoso.example' AND d.sender_name = :'a2' "
                     "AND d.sender_address LIKE '%@gmail.com'", ceo)


b = Browser(source_ip=source_ip(78))
_, _, org = granted(b, "org", "admin@contoso.example", "run78")
rc, log = run_runner(runner_conf("78"))
t.is_(assessment(org)["state"], "done", "the organisation's scan is done")
m = re.search(r"assessment %s: the organisation: (\d+) domains, (\d+) people" % org, log)
t.ok(m is not None, "the runner read the organisation for the engine")
t.is_(int(m.group(2)) if m else -1, len(members), "every member's name, no guest's (%d)" % len(members))
t.ok(m is not None and int(m.group(1)) >= 1, "and its domains")
got = bec(org)
t.ok("sender.display_person" in got, "the CEO's name on a gmail.com address is an impersonation (%s)" %
     ", ".join(got))
t.is_(psql1("SELECT count(*) FROM finding WHERE assessment_id = :'a1' AND rule = 'url.free_hosting' "
            "AND url LIKE '%%contoso.sharepoint.com%%'", org), "0",
      "the organisation's own SharePoint is not free hosting")

b2 = Browser(source_ip=source_ip(78, 1))
_, _, mbx = granted(b2, "mailbox", "adele@contoso.example", "run78b")
rc, log = run_runner(runner_conf("78"))
t.is_(assessment(mbx)["state"], "done", "adele's own scan is done")
got2 = bec(mbx)
t.ok("sender.display_person" not in got2 and got2,
     "without the colleagues' names the same mail is flagged for its text alone (%s)" % ", ".join(got2))
t.is_(psql1("SELECT count(*) FROM finding WHERE assessment_id = :'a1' AND rule = 'url.free_hosting' "
            "AND url LIKE '%%contoso.sharepoint.com%%'", mbx), "0",
      "the domain is known from the mailbox's own address")
t.done()
