-- Whether a lead approved a spec, kept apart from its status: once work starts the status follows the tasks, and when
-- every task went back to pending the roll-up made a never-approved draft "approved" (which could then no longer be
-- approved). Specs past draft today are taken as approved: nothing recorded otherwise.
ALTER TABLE technical_specs ADD COLUMN approved_at timestamptz;
UPDATE technical_specs SET approved_at = updated_at WHERE status <> 'draft';
