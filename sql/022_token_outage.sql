-- 022: a token endpoint that is down pauses a scan instead of failing it.
--
-- While Microsoft's token endpoint answers with temporary failures (5xx,
-- timeouts, dropped connections, temporarily_unavailable, throttling),
-- the assessment's work is given back and claimed again later, each time
-- a little later (token_retry_at: no runner claims its set-up or its
-- mailboxes before then), keeping every checkpoint.  token_failing_since
-- is the first failure of the current run of failures: the scan fails
-- only when it is older than token_outage_max (a day by default).  A
-- token obtained clears all three.
ALTER TABLE assessment
	ADD COLUMN token_failures int NOT NULL DEFAULT 0,
	ADD COLUMN token_failing_since timestamptz,
	ADD COLUMN token_retry_at timestamptz;
