-- 021: counts of a finished assessment per mailbox too, so that the
-- results page counts a mailbox's matching detections from a few rows
-- instead of visiting each of them (a mailbox may hold 100,000).
-- Written with result_summary (020) on the first view of a finished
-- result; the summaries computed before this migration are dropped so
-- that both are computed again, together.
CREATE TABLE result_count (
	assessment_id	bigint NOT NULL REFERENCES assessment ON DELETE CASCADE,
	mailbox_id	bigint NOT NULL,
	category	text NOT NULL,
	sev_rank	smallint NOT NULL,
	n		bigint NOT NULL,
	PRIMARY KEY (assessment_id, mailbox_id, category, sev_rank)
);
DELETE FROM result_summary;
