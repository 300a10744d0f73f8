-- claim-next walks a project's pending tasks in claim order through one index and stops at the first
-- that fits, instead of sorting every pending task: priority, then how many specs wait on the task's
-- spec, then age (created_at, spec number, task number). The index needs every key on the task row:
--   claim_rank    the priority as a number (urgent first), derived by the database;
--   spec_number   the spec's number, derived from the task key TASK-<spec>-<n> (spec numbers never change);
--   spec_waiters  how many specs depend on the task's spec, kept by the triggers below.
ALTER TABLE implementation_tasks
    ADD COLUMN claim_rank smallint GENERATED ALWAYS AS (
        CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END) STORED,
    ADD COLUMN spec_number integer GENERATED ALWAYS AS (split_part(task_id, '-', 2)::integer) STORED,
    ADD COLUMN spec_waiters integer NOT NULL DEFAULT 0 CHECK (spec_waiters >= 0);

UPDATE implementation_tasks t SET spec_waiters = w.n
FROM (SELECT depends_on_id, count(*) AS n FROM spec_dependencies GROUP BY depends_on_id) w
WHERE w.depends_on_id = t.spec_id;

-- Triggers rather than code: every way a dependency appears or goes (added, removed, replaced on a spec
-- edit, or deleted with its spec by a cascade) passes here, in the same transaction, so the counter cannot
-- miss one. Adding or subtracting one is right even when two transactions change the same spec's
-- dependents at once (each UPDATE reads the row's latest version). A new task starts from the current
-- count; that count is exact because task inserts and dependency changes of a project take turns
-- (SpecService holds the project's spec lock for both).
CREATE FUNCTION spec_dependencies_count_waiters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE implementation_tasks SET spec_waiters = spec_waiters - 1 WHERE spec_id = OLD.depends_on_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE implementation_tasks SET spec_waiters = spec_waiters + 1 WHERE spec_id = NEW.depends_on_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER spec_dependencies_count_waiters AFTER INSERT OR DELETE OR UPDATE OF depends_on_id ON spec_dependencies
    FOR EACH ROW EXECUTE FUNCTION spec_dependencies_count_waiters();

CREATE FUNCTION implementation_tasks_start_waiters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.spec_waiters := (SELECT count(*) FROM spec_dependencies WHERE depends_on_id = NEW.spec_id);
    RETURN NEW;
END $$;

CREATE TRIGGER implementation_tasks_start_waiters BEFORE INSERT ON implementation_tasks
    FOR EACH ROW EXECUTE FUNCTION implementation_tasks_start_waiters();

CREATE INDEX implementation_tasks_claim_order_idx ON implementation_tasks
    (project_id, claim_rank, spec_waiters DESC, created_at, spec_number, task_number) WHERE status = 'pending';

-- The files of held (claimed or started) tasks, to find the held task that shares a file with a
-- candidate without reading every held task. No pending list (fastupdate): claims add entries all the
-- time and every claim looks them up.
CREATE INDEX implementation_tasks_held_files_idx ON implementation_tasks USING gin (assigned_files)
    WITH (fastupdate = off) WHERE status IN ('claimed', 'in_progress');
