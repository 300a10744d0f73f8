-- implementation_tasks_spec_scope_key (spec_id, scope) serves every lookup by spec_id; the index on spec_id alone only
-- cost each task's insert and each move (a claim, a release) one more index entry.
DROP INDEX IF EXISTS implementation_tasks_spec_idx;
