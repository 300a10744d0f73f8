-- Who cancelled a job (its starter or a lead): the job's page and answer say so, and a cancel by someone else than the
-- starter is no longer anonymous. Cleared when the job is queued again.
ALTER TABLE ai_jobs ADD COLUMN cancelled_by uuid REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE refactor_jobs ADD COLUMN cancelled_by uuid REFERENCES accounts (id) ON DELETE SET NULL;
CREATE INDEX idx_ai_jobs_cancelled_by ON ai_jobs (cancelled_by) WHERE cancelled_by IS NOT NULL;
CREATE INDEX idx_refactor_jobs_cancelled_by ON refactor_jobs (cancelled_by) WHERE cancelled_by IS NOT NULL;
