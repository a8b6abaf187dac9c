"""fixture: results written straight into the database for the results
and report tests (tests/t/8x-*.t) and bench/results.bench, as the runner
would leave them: an assessment, its mailboxes, detections and findings.

make(account_id, n, ...) builds n detections spread over the mailboxes,
categories and severities in a fixed pattern (detection i has category
CATS[i % 7] and severity SEVS[i % 3]), received one minute apart, so
that a test can compute what every page must show.  subjects/names may
replace the generated ones (cycled), e.g. with hostile payloads.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.environ.get("SHINDAN_SRC", "."), "tests/lib"))
from shindan_test import psql, psql1  # noqa: E402

CATS = ["malware", "phishing", "suspicious_url", "spoofing", "impersonation",
        "risky_attachment", "spam"]
SEVS = ["high", "medium", "low"]


def clear(account_id):
    psql("DELETE FROM assessment WHERE account_id = :'a1'", account_id)


def make(account_id, n, state="done", scope="org", mailboxes=3,
         problems=True, subjects=None, names=None, error=None,
         msgs=None):
    """Returns (assessment id, [mailbox ids])."""
    clear(account_id)
    aid = psql1(
        "INSERT INTO assessment (account_id, scope, state, tenant_id,"
        " user_upn, user_mail, granted_at, start_at, started_at,"
        " finished_at, window_from, window_to, mailboxes_total,"
        " mailboxes_done, mailboxes_skipped, mailboxes_failed,"
        " messages_scanned, threats, potentials, setup_done, error)"
        " VALUES (:'a1', :'a2', :'a3', '11111111-2222-3333-4444-555555555555',"
        " 'admin@contoso.example', 'admin@contoso.example',"
        " now() - interval '2 hours', now() - interval '2 hours',"
        " now() - interval '2 hours',"
        " CASE WHEN :'a3' IN ('done', 'failed', 'cancelled') THEN now() END,"
        " date_trunc('second', now() - interval '30 days 2 hours'),"
        " date_trunc('second', now() - interval '2 hours'),"
        " :'a4'::int + CASE WHEN :'a5' THEN 2 ELSE 0 END, :'a4'::int,"
        " CASE WHEN :'a5' THEN 1 ELSE 0 END,"
        " CASE WHEN :'a5' THEN 1 ELSE 0 END, :'a6'::bigint,"
        " (:'a7'::int + 1) / 2, :'a7'::int / 2, true, NULLIF(:'a8', ''))"
        " RETURNING id",
        account_id, scope, state, mailboxes, "true" if problems else "false",
        msgs if msgs is not None else n * 7 + 100, n, error or "")
    psql("INSERT INTO mailbox (assessment_id, user_id, upn, display_name,"
         " state, messages_scanned, finished_at)"
         " SELECT :'a1', 'user-' || i, 'user' || i || '@contoso.example',"
         " 'User ' || i, 'done', 100, now()"
         " FROM generate_series(1, :'a2'::int) i", aid, mailboxes)
    if problems:
        psql("INSERT INTO mailbox (assessment_id, user_id, upn, display_name,"
             " state, reason) VALUES"
             " (:'a1', 'user-nomail', 'nomail@contoso.example', 'No Mail',"
             " 'skipped', 'no_mailbox'),"
             " (:'a1', 'user-broken', 'broken@contoso.example', NULL,"
             " 'failed', 'access_denied')", aid)
    mids = [r[0] for r in psql(
        "SELECT id FROM mailbox WHERE assessment_id = :'a1'"
        " AND state = 'done' ORDER BY id", aid)]
    if n > 0:
        psql("INSERT INTO detection (assessment_id, mailbox_id, message_id,"
             " internet_message_id, received_at, sender_address, sender_name,"
             " recipients, subject, web_link, verdict, score, category,"
             " severity)"
             " SELECT :'a1', (string_to_array(:'a2', ','))[1 + i % :'a3'::int]"
             "::bigint, 'msg-' || i, '<m' || i || '@evil.example>',"
             " date_trunc('minute', now()) - make_interval(mins => i),"
             " 'sender' || (i % 37) || '@evil' || (i % 5) || '.example',"
             " 'Sender ' || i, 'user@contoso.example', 'Subject ' || i,"
             " 'https://outlook.office365.com/owa/?ItemID=msg-' || i ||"
             " '&exvsurl=1&viewmodel=ReadMessageItem',"
             " CASE WHEN i % 3 = 0 THEN 'threat' ELSE 'potential' END,"
             " 100 - i % 3 * 30,"
             " (ARRAY['malware','phishing','suspicious_url','spoofing',"
             "'impersonation','risky_attachment','spam'])[1 + i % 7],"
             " (ARRAY['high','medium','low'])[1 + i % 3]"
             " FROM generate_series(0, :'a4'::int - 1) i",
             aid, ",".join(mids), len(mids), n)
        psql("INSERT INTO finding (detection_id, assessment_id, rule,"
             " category, severity, evidence_en, evidence_ja, url, domain,"
             " imitates, attachment_name, attachment_type, attachment_sha256)"
             " SELECT d.id, d.assessment_id, 'rule.' || d.category,"
             " d.category, d.severity,"
             " 'Evidence for ' || d.message_id || ': the link leads to'"
             " || ' evil' || (d.id % 5) || '.example',"
             " d.message_id || ' の根拠: リンク先は evil' || (d.id % 5)"
             " || '.example です',"
             " 'http://evil' || (d.id % 5) || '.example/login?id=' ||"
             " (d.id % 11), 'evil' || (d.id % 5) || '.example',"
             " CASE WHEN d.category = 'impersonation' THEN 'microsoft.com' END,"
             " CASE WHEN d.category IN ('malware', 'risky_attachment')"
             " THEN 'invoice' || (d.id % 4) || '.docm' END,"
             " CASE WHEN d.category IN ('malware', 'risky_attachment')"
             " THEN 'application/vnd.ms-word.document.macroEnabled.12' END,"
             " CASE WHEN d.category IN ('malware', 'risky_attachment')"
             " THEN encode(sha256(('att' || (d.id % 4))::bytea), 'hex') END"
             " FROM detection d WHERE d.assessment_id = :'a1'", aid)
        # Every tenth detection has a second, milder finding.
        psql("INSERT INTO finding (detection_id, assessment_id, rule,"
             " category, severity, evidence_en, evidence_ja)"
             " SELECT d.id, d.assessment_id, 'auth.spf_fail', 'spoofing',"
             " 'low', 'SPF failed for the sender domain',"
             " '送信元ドメインの SPF 認証に失敗しました'"
             " FROM detection d WHERE d.assessment_id = :'a1'"
             " AND d.id % 10 = 0", aid)
    if subjects:
        psql("UPDATE detection d SET subject = (string_to_array(:'a2',"
             " E'\\x1f'))[1 + (d.id % :'a3'::int)]"
             " WHERE d.assessment_id = :'a1'",
             aid, "\x1f".join(subjects), len(subjects))
    if names:
        psql("UPDATE detection d SET sender_name = (string_to_array(:'a2',"
             " E'\\x1f'))[1 + (d.id % :'a3'::int)]"
             " WHERE d.assessment_id = :'a1'",
             aid, "\x1f".join(names), len(names))
    return aid, mids


def account_id(addr):
    return psql1("SELECT id FROM account WHERE email = :'a1'", addr)
