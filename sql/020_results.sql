-- 020: what the results pages and reports need.
--
-- Paging by keys (never OFFSET): the list of detections is ordered by
-- (sort_at, id) or by (sev_rank, sort_at, id), and every filter the page
-- offers (category, severity, mailbox) has an index that starts with
-- its equality columns and ends with the sort keys, so that any page of
-- 100,000 detections is one short index range scan.
--
-- sort_at: received_at, with a missing time ordered first (a NULL would
-- drop out of row comparisons).  sev_rank: high 3, medium 2, low 1.
ALTER TABLE detection
	ADD COLUMN sort_at timestamptz GENERATED ALWAYS AS
	    (coalesce(received_at, timestamptz '1970-01-01 00:00:00+00')) STORED,
	ADD COLUMN sev_rank smallint GENERATED ALWAYS AS
	    (CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2
	    ELSE 1 END) STORED;

CREATE INDEX detection_page_time ON detection (assessment_id, sort_at, id);
CREATE INDEX detection_page_sev ON detection
	(assessment_id, sev_rank, sort_at, id);
CREATE INDEX detection_page_cat ON detection
	(assessment_id, category, sort_at, id);
CREATE INDEX detection_page_cat_sev ON detection
	(assessment_id, category, sev_rank, sort_at, id);
CREATE INDEX detection_page_mbox ON detection (mailbox_id, sort_at, id);
CREATE INDEX detection_page_mbox_sev ON detection
	(mailbox_id, sev_rank, sort_at, id);

-- Counts by category and severity of a finished assessment, computed
-- once on its first view (a finished result never changes) so that the
-- results page does not count 100,000 rows on every request.  counts is
-- [{"category": ..., "sev_rank": n, "n": count}, ...].  Deleted with
-- the assessment.
CREATE TABLE result_summary (
	assessment_id	bigint PRIMARY KEY REFERENCES assessment
			ON DELETE CASCADE,
	counts		jsonb NOT NULL,
	computed_at	timestamptz NOT NULL DEFAULT now()
);
