-- 010: the runner's bookkeeping.
--
-- assessment.setup_done: the list of mailboxes is complete (for the
-- organisation scope it grows page by page of /users; users_checkpoint
-- holds the @odata.nextLink to resume that listing).  An assessment is
-- finished only when its set-up is done and no mailbox is queued or
-- running.  mailbox.requests: the Graph requests a mailbox took
-- (committed with each page), for the figures of make bench.
ALTER TABLE assessment
	ADD COLUMN setup_done boolean NOT NULL DEFAULT false,
	ADD COLUMN users_checkpoint text;
ALTER TABLE mailbox
	ADD COLUMN requests bigint NOT NULL DEFAULT 0;

-- Claiming: due mailboxes across every running assessment.
CREATE INDEX mailbox_claim ON mailbox (next_at, id)
	WHERE state IN ('queued', 'running');
-- Retention: finished assessments by age.
CREATE INDEX assessment_finished ON assessment (finished_at)
	WHERE state IN ('done', 'failed', 'cancelled');
