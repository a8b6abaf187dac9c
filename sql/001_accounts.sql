-- 001: accounts, sessions, sign-in failures and the mail outbox.
-- Forward-only: never edit a migration that has shipped; add the next.

CREATE TABLE account (
	id		bigserial PRIMARY KEY,
	email		text NOT NULL UNIQUE
			CHECK (email = lower(email) AND length(email) <= 254),
	lang		text NOT NULL CHECK (lang IN ('en', 'ja')),
	-- The confirmation number: an Argon2id hash to check it, and a
	-- sealed copy (AES-256-GCM, AAD "code:v1:<id>") to mail it again.
	code_hash	text NOT NULL,
	code_sealed	bytea NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	-- Sign-in throttling: after the failure budget is spent, attempts
	-- are refused until locked_until; each lock doubles (lock_level).
	locked_until	timestamptz,
	lock_level	int NOT NULL DEFAULT 0
);

CREATE TABLE signin_failure (
	account_id	bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	at		timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signin_failure_account ON signin_failure (account_id, at);

-- A session row holds the SHA-256 of the cookie value, never the value.
CREATE TABLE session (
	id_hash		bytea PRIMARY KEY,
	account_id	bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	created_at	timestamptz NOT NULL DEFAULT now(),
	seen_at		timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX session_account ON session (account_id);

-- The transactional outbox: a row is written in the transaction of the
-- change that causes the mail; shindan-mailer delivers it.  The mail is
-- rendered at delivery from kind, lang and params, with a Message-ID and
-- Date fixed by the row, so a retried delivery is the same mail.
CREATE TABLE outbox (
	id		bigserial PRIMARY KEY,
	account_id	bigint REFERENCES account ON DELETE CASCADE,
	kind		text NOT NULL,
	lang		text NOT NULL CHECK (lang IN ('en', 'ja')),
	recipient	text NOT NULL,
	params		jsonb NOT NULL DEFAULT '{}',
	dedupe		text UNIQUE,
	state		text NOT NULL DEFAULT 'queued'
			CHECK (state IN ('queued', 'sent', 'failed')),
	attempts	int NOT NULL DEFAULT 0,
	next_at		timestamptz NOT NULL DEFAULT now(),
	lease_until	timestamptz,
	last_error	text,
	created_at	timestamptz NOT NULL DEFAULT now(),
	sent_at		timestamptz
);
CREATE INDEX outbox_due ON outbox (next_at) WHERE state = 'queued';
CREATE INDEX outbox_account ON outbox (account_id, created_at);

CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('shindan_outbox', NEW.id::text);
	RETURN NEW;
END;
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
	FOR EACH ROW EXECUTE FUNCTION outbox_notify();
