#!/usr/bin/python3
# 78-runner-org-context: the runner tells the engine whose mail it is.
# An organisation's scan gives it the domains of the users' addresses and
# its people's names (guests left out), so a mail from outside under a
# colleague's name is an impersonation, and the organisation's own
# SharePoint is not "free hosting"; a "My mailbox" scan knows the
# domain but not the colleagues, and says so in the same mail's verdict.
# Each mailbox's correspondents come from its own Sent Items (scan/corr.c):
# a supplier's look-alike is a threat where the mailbox writes to it.
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

# Correspondents, per mailbox, from its Sent Items: pat wrote to
# chris@tailspintoys.example three times, so chris@tai1spintoys.example
# (which passes SPF, DKIM and DMARC: the attacker owns it) imitates a
# supplier in pat's mailbox; admin never wrote there, and the same mail
# is judged by its text alone.
b3 = Browser(source_ip=source_ip(78, 2))
_, _, fab = granted(b3, "org", "admin@fabrikam.example", "run78c")
rc, log = run_runner(runner_conf("78"))
t.is_(assessment(fab)["state"], "done", "fabrikam's scan is done")
ids = dict(psql("SELECT upn, id FROM mailbox WHERE assessment_id = :'a1'", fab))
t.like(log, r"mailbox %s: 1 correspondents from 5 sent messages" % ids.get("pat@fabrikam.example"),
       "pat's five sent messages name one outside domain twice or more (the colleagues' domain is the organisation's)")
t.like(log, r"mailbox %s: 0 correspondents from 1 sent messages" % ids.get("admin@fabrikam.example"),
       "admin's one sent message names none")
t.unlike(log, r"tailspintoys", "no correspondent's domain in the log")


def supplier(upn):
    rows = psql("SELECT d.verdict, string_agg(f.rule, ' ' ORDER BY f.rule) FROM detection d "
                "JOIN finding f ON f.detection_id = d.id JOIN mailbox m ON m.id = d.mailbox_id "
                "WHERE d.assessment_id = :'a1' AND m.upn = :'a2' AND d.sender_address = 'chris@tai1spintoys.example' "
                "GROUP BY d.id, d.verdict", fab, upn)
    return rows[0] if rows else ["", ""]


v, rules = supplier("pat@fabrikam.example")
t.is_(v, "threat", "in pat's mailbox the supplier's look-alike is a threat (%s)" % rules)
t.ok("sender.lookalike_correspondent" in rules.split(), "as a look-alike of a correspondent")
v, rules = supplier("admin@fabrikam.example")
t.ok("sender.lookalike_correspondent" not in rules.split(),
     "in admin's, no correspondent is imitated (%s: %s)" % (v or "clean", rules))
t.done()
