-- The story pages are kept under the project's "stories" counter (V0006), which the project policy reads with the
-- caller's access, so a repeated view needs no statement of its own. It replaces V0150's list version. A change moves
-- it at commit (deferred triggers, see V0006): to a story, a context (the list filters by them) or a link between
-- them here; to what a story's page shows beside the story in V0152 and V0720.

DROP TRIGGER stories_list_insert ON stories;
DROP TRIGGER stories_list_update ON stories;
DROP TRIGGER stories_list_delete ON stories;
DROP TRIGGER context_stories_list_insert ON context_stories;
DROP TRIGGER context_stories_list_update ON context_stories;
DROP TRIGGER context_stories_list_delete ON context_stories;
DROP FUNCTION story_list_touch_stories();
DROP FUNCTION story_list_touch_context_stories();
DROP TABLE story_list_versions;

-- For a row with a project_id: its project (both, were it moved to another).
CREATE FUNCTION stories_counter_by_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM project_counter_move('stories', NEW.project_id);
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.project_id IS DISTINCT FROM NEW.project_id) THEN
        PERFORM project_counter_move('stories', OLD.project_id);
    END IF;
    RETURN NULL;
END $$;

-- For a row with a story_id: the story's project (nothing when the story went too: its own trigger moved it).
CREATE FUNCTION stories_counter_by_story() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM project_counter_move('stories', s.project_id) FROM stories s
    WHERE s.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.story_id ELSE NEW.story_id END;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER stories_counter AFTER INSERT OR UPDATE OR DELETE ON stories
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stories_counter_by_project();
CREATE CONSTRAINT TRIGGER contexts_stories_counter AFTER INSERT OR UPDATE OR DELETE ON contexts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stories_counter_by_project();
CREATE CONSTRAINT TRIGGER context_stories_stories_counter AFTER INSERT OR UPDATE OR DELETE ON context_stories
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stories_counter_by_story();
