-- A kept story page (story/StoryViews) lists the specs that implement the story (number, title, status): a spec
-- linked to a story, unlinked, renamed, moved on in status or deleted moves the project's "stories" counter at commit
-- (V0006, V0151). A spec's other changes (its text, hours, the dirty flag) leave the kept stories pages alone.
CREATE CONSTRAINT TRIGGER technical_specs_stories_counter_insert AFTER INSERT ON technical_specs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.story_number IS NOT NULL)
    EXECUTE FUNCTION stories_counter_by_project();
CREATE CONSTRAINT TRIGGER technical_specs_stories_counter_update AFTER UPDATE ON technical_specs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN ((OLD.story_number IS NOT NULL OR NEW.story_number IS NOT NULL)
          AND (OLD.story_number IS DISTINCT FROM NEW.story_number OR OLD.title IS DISTINCT FROM NEW.title
               OR OLD.status IS DISTINCT FROM NEW.status OR OLD.spec_number IS DISTINCT FROM NEW.spec_number
               OR OLD.project_id IS DISTINCT FROM NEW.project_id))
    EXECUTE FUNCTION stories_counter_by_project();
CREATE CONSTRAINT TRIGGER technical_specs_stories_counter_delete AFTER DELETE ON technical_specs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.story_number IS NOT NULL)
    EXECUTE FUNCTION stories_counter_by_project();
