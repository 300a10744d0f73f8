-- A counter per project that moves whenever anything the task board shows or filters on changes: a task, a spec
-- (its title, story, status, which blocks its dependants), a dependency, a column's WIP limit, a claimer's name.
-- The board keeps its rendered columns per project, counter value, filter and age window, and reads only this
-- counter on a repeated view. Triggers keep it right on every path (services, cascades, any app instance).
--
-- The counter is striped: a change moves one of 32 slots of its project (chosen by the database connection), and the
-- board's version is their sum. Claims run side by side (V0320); one row per project would make every claim of a
-- project wait for the previous claim's commit on that row's lock. The sum only grows, one step at least per committed
-- change, and is read in one snapshot, so two different committed states never share a version.
CREATE TABLE spec_board_versions (
    project_id uuid     NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    slot       smallint NOT NULL,
    version    bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, slot)
);

CREATE FUNCTION spec_board_touch(projects uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO spec_board_versions (project_id, slot, version)
    SELECT p.id, pg_backend_pid() % 32, 1 FROM projects p WHERE p.id = ANY (projects)
    -- in one order, so that two statements touching the same projects never wait for each other crosswise
    ORDER BY p.id
    ON CONFLICT (project_id, slot) DO UPDATE SET version = spec_board_versions.version + 1;
END $$;

CREATE FUNCTION spec_board_touch_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM spec_board_touch(ARRAY(SELECT DISTINCT c.project_id FROM changed c));
    RETURN NULL;
END $$;

-- A spec's change also shows on the boards of the specs that wait for it (blocked cards).
CREATE FUNCTION spec_board_touch_specs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM spec_board_touch(ARRAY(
        SELECT c.project_id FROM changed c
        UNION SELECT s.project_id FROM changed c JOIN spec_dependencies d ON d.depends_on_id = c.id JOIN technical_specs s ON s.id = d.spec_id));
    RETURN NULL;
END $$;

CREATE FUNCTION spec_board_touch_dependencies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- By the dependent spec; a deleted spec's links are removed while its row is already gone (its own trigger moved it).
    PERFORM spec_board_touch(ARRAY(SELECT DISTINCT s.project_id FROM changed c JOIN technical_specs s ON s.id = c.spec_id));
    RETURN NULL;
END $$;

-- A claimer's new name shows on the cards they hold and in the board's claimant filter.
CREATE FUNCTION spec_board_touch_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.username IS DISTINCT FROM o.username) THEN
        PERFORM spec_board_touch(ARRAY(
            SELECT DISTINCT t.project_id FROM new_rows n JOIN old_rows o ON o.id = n.id
            JOIN implementation_tasks t ON t.claimed_by = n.id
            WHERE n.username IS DISTINCT FROM o.username));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER implementation_tasks_board_insert AFTER INSERT ON implementation_tasks REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_tasks();
CREATE TRIGGER implementation_tasks_board_update AFTER UPDATE ON implementation_tasks REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_tasks();
CREATE TRIGGER implementation_tasks_board_delete AFTER DELETE ON implementation_tasks REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_tasks();

CREATE TRIGGER technical_specs_board_insert AFTER INSERT ON technical_specs REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_specs();
CREATE TRIGGER technical_specs_board_update AFTER UPDATE ON technical_specs REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_specs();
CREATE TRIGGER technical_specs_board_delete AFTER DELETE ON technical_specs REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_specs();

CREATE TRIGGER spec_dependencies_board_insert AFTER INSERT ON spec_dependencies REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_dependencies();
CREATE TRIGGER spec_dependencies_board_delete AFTER DELETE ON spec_dependencies REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_dependencies();
CREATE TRIGGER spec_dependencies_board_update AFTER UPDATE ON spec_dependencies REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_dependencies();

CREATE TRIGGER board_wip_limits_board_insert AFTER INSERT ON board_wip_limits REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_tasks();
CREATE TRIGGER board_wip_limits_board_update AFTER UPDATE ON board_wip_limits REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_tasks();
CREATE TRIGGER board_wip_limits_board_delete AFTER DELETE ON board_wip_limits REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_tasks();

CREATE TRIGGER accounts_board_update AFTER UPDATE ON accounts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION spec_board_touch_accounts();
