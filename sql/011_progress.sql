-- 011: attempts without progress.
--
-- attempts counts every claim of a mailbox (or of an assessment's
-- set-up); progress_attempt is the claim that last committed something
-- (a page of messages, a page of users).  Work is given up after
-- scan_max_attempts claims in a row that committed nothing
-- (attempts - progress_attempt), so a mailbox whose runners are killed
-- many times while it moves on is finished, and one that kills every
-- runner at the same page still ends, failed with its reason.
ALTER TABLE mailbox
	ADD COLUMN progress_attempt int NOT NULL DEFAULT 0;
ALTER TABLE assessment
	ADD COLUMN progress_attempt int NOT NULL DEFAULT 0;
