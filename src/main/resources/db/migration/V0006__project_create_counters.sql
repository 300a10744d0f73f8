-- Counters per project and name that move whenever something a kept rendering shows changes ("stories" for the story
-- pages, say). Features move theirs with triggers, so every path and every app instance moves them; the project
-- policy reads all of a project's counters in the statement that resolves the caller's access, which makes checking
-- whether a kept rendering is still current free.
--
-- The triggers that call project_counter_move are deferred (constraint triggers, INITIALLY DEFERRED): a counter moves
-- when the transaction commits, once per transaction (moved_by), so its row is locked only for the commit itself and
-- never while the transaction waits for another lock: two transactions cannot deadlock over a counter.
CREATE TABLE project_counters (
    project_id uuid   NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name       text   NOT NULL,
    value      bigint NOT NULL DEFAULT 0,
    moved_by   xid8,
    PRIMARY KEY (project_id, name)
);

-- Moves the project's counter unless this transaction moved it already; nothing for a project that is gone (a project
-- being deleted takes its rows with it).
CREATE FUNCTION project_counter_move(counter text, project uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF project IS NULL THEN
        RETURN;
    END IF;
    UPDATE project_counters SET value = value + 1, moved_by = pg_current_xact_id()
    WHERE project_id = project AND name = counter AND moved_by IS DISTINCT FROM pg_current_xact_id();
    IF NOT FOUND THEN
        -- No row yet, or this transaction moved it already (then the conflict's condition is false).
        INSERT INTO project_counters AS c (project_id, name, value, moved_by)
        SELECT project, counter, 1, pg_current_xact_id() WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = project)
        ON CONFLICT (project_id, name) DO UPDATE SET value = c.value + 1, moved_by = excluded.moved_by
        WHERE c.moved_by IS DISTINCT FROM excluded.moved_by;
    END IF;
END $$;
