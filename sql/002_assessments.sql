-- 002: assessments, the OAuth flows that authorise them, their sealed
-- credentials, the mailboxes a scan works through and what it detects.

-- One assessment per account at a time (a re-run deletes the old one).
-- state:
--   consenting  the user went to Microsoft; nothing granted yet
--   granted     permission granted; starts at start_at unless cancelled
--   running     a runner has started it (started_at set)
--   done        finished (finished_at set)
--   failed      could not finish; error says why
--   cancelled   Back before it started, or cancelled while running
CREATE TABLE assessment (
	id		bigserial PRIMARY KEY,
	account_id	bigint NOT NULL UNIQUE REFERENCES account ON DELETE CASCADE,
	service		text NOT NULL DEFAULT 'm365' CHECK (service = 'm365'),
	scope		text NOT NULL CHECK (scope IN ('org', 'mailbox')),
	state		text NOT NULL CHECK (state IN ('consenting', 'granted',
			    'running', 'done', 'failed', 'cancelled')),
	tenant_id	text,		-- Entra tenant GUID
	user_oid	text,		-- the consenting user (mailbox scope)
	user_upn	text,
	user_mail	text,
	granted_at	timestamptz,
	start_at	timestamptz,	-- starts by itself then (Start: now)
	started_at	timestamptz,
	finished_at	timestamptz,
	window_from	timestamptz,
	window_to	timestamptz,
	error		text,		-- a reason code when failed
	error_detail	text,
	cancel_requested boolean NOT NULL DEFAULT false,
	mailboxes_total	int NOT NULL DEFAULT 0,
	mailboxes_done	int NOT NULL DEFAULT 0,
	mailboxes_skipped int NOT NULL DEFAULT 0,
	mailboxes_failed int NOT NULL DEFAULT 0,
	messages_scanned bigint NOT NULL DEFAULT 0,
	threats		int NOT NULL DEFAULT 0,
	potentials	int NOT NULL DEFAULT 0,
	-- The runner's claim on the assessment itself (set-up and wrap-up):
	-- a lease with a heartbeat and a fencing epoch.
	lease_owner	text,
	lease_until	timestamptz,
	epoch		bigint NOT NULL DEFAULT 0,
	attempts	int NOT NULL DEFAULT 0,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_due ON assessment (start_at) WHERE state = 'granted';
CREATE INDEX assessment_running ON assessment (lease_until)
	WHERE state = 'running';

-- An OAuth round trip in progress: state and the PKCE verifier stay here,
-- server-side, bound to the browser's session; single use, 10 minutes.
CREATE TABLE oauth_flow (
	state_hash	bytea PRIMARY KEY,	-- SHA-256 of the state value
	session_hash	bytea NOT NULL REFERENCES session (id_hash)
			ON DELETE CASCADE,
	assessment_id	bigint NOT NULL REFERENCES assessment ON DELETE CASCADE,
	-- org_consent: admin consent; org_verify: the sign-in that proves
	-- the browser belongs to the consenting tenant; mailbox: the
	-- authorization code flow for one mailbox.
	step		text NOT NULL CHECK (step IN ('org_consent', 'org_verify',
			    'mailbox')),
	verifier_sealed	bytea,		-- AAD "pkce:v1:<state hash hex>"
	nonce		text,
	expected_tenant	text,
	created_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL
);
CREATE INDEX oauth_flow_expiry ON oauth_flow (expires_at);

-- Tokens, sealed (AES-256-GCM, key_id names the key, the assessment id in
-- the associated data: "rt:v1:<id>", "at:v1:<id>").  Deleted when the
-- scan ends, however it ends.
CREATE TABLE credential (
	assessment_id	bigint PRIMARY KEY REFERENCES assessment ON DELETE CASCADE,
	kind		text NOT NULL CHECK (kind IN ('delegated', 'app')),
	tenant_id	text NOT NULL,
	key_id		int NOT NULL,
	refresh_sealed	bytea,
	access_sealed	bytea,
	access_expires	timestamptz,
	updated_at	timestamptz NOT NULL DEFAULT now()
);

-- The mailboxes of a scan, each claimed by one runner at a time.
CREATE TABLE mailbox (
	id		bigserial PRIMARY KEY,
	assessment_id	bigint NOT NULL REFERENCES assessment ON DELETE CASCADE,
	user_id		text NOT NULL,		-- Graph user id
	upn		text NOT NULL,
	display_name	text,
	state		text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued',
			    'running', 'done', 'skipped', 'failed')),
	reason		text,			-- why skipped or failed
	checkpoint	text,			-- the @odata.nextLink to resume
	messages_scanned int NOT NULL DEFAULT 0,
	messages_skipped int NOT NULL DEFAULT 0,
	messages_failed	int NOT NULL DEFAULT 0,
	threats		int NOT NULL DEFAULT 0,
	potentials	int NOT NULL DEFAULT 0,
	lease_owner	text,
	lease_until	timestamptz,
	epoch		bigint NOT NULL DEFAULT 0,
	attempts	int NOT NULL DEFAULT 0,
	next_at		timestamptz NOT NULL DEFAULT now(),
	started_at	timestamptz,
	finished_at	timestamptz,
	UNIQUE (assessment_id, user_id)
);
CREATE INDEX mailbox_due ON mailbox (assessment_id, next_at)
	WHERE state IN ('queued', 'running');

-- A detected message (threat or potential threat): metadata only, never
-- the body.  One row per message; its findings below, one per rule.
CREATE TABLE detection (
	id		bigserial PRIMARY KEY,
	assessment_id	bigint NOT NULL REFERENCES assessment ON DELETE CASCADE,
	mailbox_id	bigint NOT NULL REFERENCES mailbox ON DELETE CASCADE,
	message_id	text NOT NULL,		-- Graph immutable id
	internet_message_id text,
	received_at	timestamptz,
	sender_address	text,
	sender_name	text,
	recipients	text,
	subject		text,
	web_link	text,
	verdict		text NOT NULL CHECK (verdict IN ('threat', 'potential')),
	score		int NOT NULL,
	category	text NOT NULL,		-- of the most severe finding
	severity	text NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
	UNIQUE (assessment_id, message_id)
);
CREATE INDEX detection_received ON detection
	(assessment_id, received_at DESC, id DESC);

CREATE TABLE finding (
	id		bigserial PRIMARY KEY,
	detection_id	bigint NOT NULL REFERENCES detection ON DELETE CASCADE,
	assessment_id	bigint NOT NULL REFERENCES assessment ON DELETE CASCADE,
	rule		text NOT NULL,
	category	text NOT NULL CHECK (category IN ('malware', 'phishing',
			    'suspicious_url', 'spoofing', 'impersonation',
			    'risky_attachment', 'spam')),
	severity	text NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
	evidence_en	text NOT NULL,
	evidence_ja	text NOT NULL,
	url		text,
	domain		text,
	imitates	text,
	attachment_name	text,
	attachment_type	text,
	attachment_sha256 text,
	UNIQUE (detection_id, rule)
);
CREATE INDEX finding_assessment ON finding (assessment_id, detection_id);
