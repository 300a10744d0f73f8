-- A context item (a screenshot, an HTML file) whose analysis found no free turn when it was added is kept at once, its
-- analysis pending, and a worker analyses it later: the upload answered 503 busy and the person lost the file they chose.
-- The worker claims pending items FOR UPDATE SKIP LOCKED with a lease (any number of instances share them, a dead
-- worker's claim is taken again) and counts its attempts, so an item whose analysis kills its worker is given up on.
ALTER TABLE user_context_items
    ADD COLUMN analysis_pending_since timestamptz,
    ADD COLUMN analysis_locked_by     varchar(100),
    ADD COLUMN analysis_lease_until   timestamptz,
    ADD COLUMN analysis_attempts      integer NOT NULL DEFAULT 0;
CREATE INDEX user_context_items_analysis_pending_idx ON user_context_items (analysis_pending_since)
    WHERE analysis_pending_since IS NOT NULL;
