-- A counter per project that moves whenever anything the story list shows or filters on changes (a story, or which
-- contexts hold it). The list keeps its rendered results per project, counter value and filter, and reads only this
-- counter on a repeated view. Triggers keep it right on every path (services, cascades, any app instance).
CREATE TABLE story_list_versions (
    project_id uuid PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    version    bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION story_list_touch_stories() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO story_list_versions (project_id, version)
    SELECT DISTINCT c.project_id, 1 FROM changed c
    -- not for a project being deleted (its stories go with it)
    WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = c.project_id)
    ON CONFLICT (project_id) DO UPDATE SET version = story_list_versions.version + 1;
    RETURN NULL;
END $$;

CREATE FUNCTION story_list_touch_context_stories() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- By the story, which outlives the link: a deleted context's links are removed while its row is already gone.
    INSERT INTO story_list_versions (project_id, version)
    SELECT DISTINCT s.project_id, 1 FROM changed c JOIN stories s ON s.id = c.story_id
    WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = s.project_id)
    ON CONFLICT (project_id) DO UPDATE SET version = story_list_versions.version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER stories_list_insert AFTER INSERT ON stories REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
CREATE TRIGGER stories_list_update AFTER UPDATE ON stories REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
CREATE TRIGGER stories_list_delete AFTER DELETE ON stories REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();

CREATE TRIGGER context_stories_list_insert AFTER INSERT ON context_stories REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_context_stories();
CREATE TRIGGER context_stories_list_update AFTER UPDATE ON context_stories REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_context_stories();
CREATE TRIGGER context_stories_list_delete AFTER DELETE ON context_stories REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_context_stories();
