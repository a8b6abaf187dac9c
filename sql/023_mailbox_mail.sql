-- 023: each mailbox's mail address beside its user principal name.
--
-- The engine looks for the reader's own address in the mail (a greeting
-- by address, the address after a link's '#') besides the To line's,
-- which a mail sent by Bcc fills with someone else's.  The reader's
-- address is the mailbox's primary SMTP address, Graph's "mail", which
-- may differ from its userPrincipalName (t.yamada@contoso.onmicrosoft.com
-- beside taro.yamada@contoso.com).  NULL: Graph gave none.
ALTER TABLE mailbox ADD COLUMN mail text;
