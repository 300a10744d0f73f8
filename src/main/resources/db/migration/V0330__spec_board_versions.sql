-- A counter per project that moves whenever anything the task board shows or filters on changes: a task, a spec
-- (its title, story, status, which blocks its dependants), a dependency, a column's WIP limit, a claimer's name.
-- The board keeps its rendered columns per project, counter value, filter and age window, and reads only this
-- counter on a repeated view. Triggers keep it right on every path (services, cascades, any app instance).
--
-- Claims run side by side (V0320), so moving the counter must not make them wait for each other:
-- - the triggers are deferred: the counter moves when the transaction commits, once per transaction and project
--   (moved_by), so its row is locked only for the commit itself and never while the transaction waits for another lock;
-- - the counter is striped: a change moves one of 32 slots of its project (chosen by the database connection), and the
--   board's version is their sum. The sum only grows, at least one step per committed change, and is read in one
--   snapshot, so two different committed states never share a version.
CREATE TABLE spec_board_versions (
    project_id uuid     NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    slot       smallint NOT NULL,
    version    bigint   NOT NULL DEFAULT 0,
    moved_by   xid8,
    PRIMARY KEY (project_id, slot)
);

CREATE FUNCTION spec_board_touch(project uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    s smallint := pg_backend_pid() % 32;
BEGIN
    IF project IS NULL THEN
        RETURN;
    END IF;
    -- Finds nothing when this transaction moved the slot already (or the slot has no row yet).
    UPDATE spec_board_versions SET version = version + 1, moved_by = pg_current_xact_id()
    WHERE project_id = project AND slot = s AND moved_by IS DISTINCT FROM pg_current_xact_id();
    IF NOT FOUND THEN
        INSERT INTO spec_board_versions AS v (project_id, slot, version, moved_by)
        -- not for a project being deleted (its rows go with it)
        SELECT project, s, 1, pg_current_xact_id() WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = project)
        ON CONFLICT (project_id, slot) DO UPDATE SET version = v.version + 1, moved_by = excluded.moved_by
        WHERE v.moved_by IS DISTINCT FROM excluded.moved_by;
    END IF;
END $$;

CREATE FUNCTION spec_board_touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    CASE TG_TABLE_NAME
    WHEN 'implementation_tasks', 'board_wip_limits' THEN
        IF TG_OP <> 'DELETE' THEN
            PERFORM spec_board_touch(NEW.project_id);
        END IF;
        IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.project_id IS DISTINCT FROM NEW.project_id) THEN
            PERFORM spec_board_touch(OLD.project_id);
        END IF;
    WHEN 'technical_specs' THEN
        IF TG_OP = 'DELETE' THEN
            PERFORM spec_board_touch(OLD.project_id);
        ELSE
            PERFORM spec_board_touch(NEW.project_id);
            -- its status blocks the specs that wait for it, which may be another project's
            PERFORM spec_board_touch(s.project_id) FROM spec_dependencies d JOIN technical_specs s ON s.id = d.spec_id
            WHERE d.depends_on_id = NEW.id AND s.project_id <> NEW.project_id;
        END IF;
    WHEN 'spec_dependencies' THEN
        -- by the dependent spec; a deleted spec's links go while its row is already gone (its own trigger moved it)
        PERFORM spec_board_touch(s.project_id) FROM technical_specs s
        WHERE s.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.spec_id ELSE NEW.spec_id END;
    WHEN 'accounts' THEN
        -- a claimer's new name shows on the cards they hold and in the board's claimant filter
        PERFORM spec_board_touch(p.project_id) FROM (SELECT DISTINCT t.project_id FROM implementation_tasks t
                                                     WHERE t.claimed_by = NEW.id) p;
    END CASE;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER implementation_tasks_board AFTER INSERT OR UPDATE OR DELETE ON implementation_tasks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION spec_board_touch_row();
CREATE CONSTRAINT TRIGGER technical_specs_board AFTER INSERT OR UPDATE OR DELETE ON technical_specs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION spec_board_touch_row();
CREATE CONSTRAINT TRIGGER spec_dependencies_board AFTER INSERT OR UPDATE OR DELETE ON spec_dependencies
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION spec_board_touch_row();
CREATE CONSTRAINT TRIGGER board_wip_limits_board AFTER INSERT OR UPDATE OR DELETE ON board_wip_limits
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION spec_board_touch_row();
CREATE CONSTRAINT TRIGGER accounts_board AFTER UPDATE OF username ON accounts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.username IS DISTINCT FROM NEW.username)
    EXECUTE FUNCTION spec_board_touch_row();
