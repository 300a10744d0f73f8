-- A kept story page (story/StoryViews) lists the features the story came from and the pages they touch: a change to
-- either, or to which features hold the story, moves the project's "stories" counter at commit (V0006, V0151).
CREATE CONSTRAINT TRIGGER features_stories_counter AFTER INSERT OR UPDATE OR DELETE ON features
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stories_counter_by_project();
CREATE CONSTRAINT TRIGGER feature_stories_stories_counter AFTER INSERT OR UPDATE OR DELETE ON feature_stories
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stories_counter_by_story();
CREATE CONSTRAINT TRIGGER pages_stories_counter AFTER INSERT OR UPDATE OR DELETE ON pages
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stories_counter_by_project();
