-- The story list's version moves to the project's "stories" counter (V0006), which the project policy reads with the
-- caller's access, so a repeated view of the list needs no statement of its own. Renaming, adding or deleting a
-- context moves it too: the list's context filter shows the project's contexts.
CREATE OR REPLACE FUNCTION story_list_touch_stories() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM project_counter_move('stories', ARRAY(SELECT DISTINCT c.project_id FROM changed c));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION story_list_touch_context_stories() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- By the story, which outlives the link: a deleted context's links are removed while its row is already gone.
    PERFORM project_counter_move('stories',
            ARRAY(SELECT DISTINCT s.project_id FROM changed c JOIN stories s ON s.id = c.story_id));
    RETURN NULL;
END $$;

-- contexts rows carry project_id like stories rows, so the stories' function serves them.
CREATE TRIGGER contexts_list_insert AFTER INSERT ON contexts REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
CREATE TRIGGER contexts_list_update AFTER UPDATE ON contexts REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
CREATE TRIGGER contexts_list_delete AFTER DELETE ON contexts REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();

DROP TABLE story_list_versions;
