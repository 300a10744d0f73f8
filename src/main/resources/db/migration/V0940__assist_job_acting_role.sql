-- A job acts later for whoever queued it, and no further than they could when they queued it: acting_role is their
-- effective role then (an API token's role limit included) and token_id the API token they used, if any. The worker
-- lowers the requester's current role to acting_role and stops the job once that token is revoked. No foreign key on
-- token_id: a token row that is gone must refuse the job, not turn it (ON DELETE SET NULL) into one without a limit.
-- Rows queued before keep NULL: the requester's current role, as before.
ALTER TABLE ai_jobs ADD COLUMN acting_role varchar(20) CHECK (acting_role IN ('viewer', 'reviewer', 'member', 'lead', 'owner'));
ALTER TABLE ai_jobs ADD COLUMN token_id uuid;
ALTER TABLE refactor_jobs ADD COLUMN acting_role varchar(20) CHECK (acting_role IN ('viewer', 'reviewer', 'member', 'lead', 'owner'));
ALTER TABLE refactor_jobs ADD COLUMN token_id uuid;
