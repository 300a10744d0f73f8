-- A kept story page (story/StoryViews) lists the features the story came from and the pages they touch: a change to
-- either, or to which features hold the story, moves the project's "stories" counter (V0006, V0151, V0152).
CREATE TRIGGER features_story_page_insert AFTER INSERT ON features REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
CREATE TRIGGER features_story_page_update AFTER UPDATE ON features REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
CREATE TRIGGER features_story_page_delete AFTER DELETE ON features REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();

CREATE TRIGGER feature_stories_story_page_insert AFTER INSERT ON feature_stories REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_context_stories();
CREATE TRIGGER feature_stories_story_page_update AFTER UPDATE ON feature_stories REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_context_stories();
CREATE TRIGGER feature_stories_story_page_delete AFTER DELETE ON feature_stories REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_context_stories();

CREATE TRIGGER pages_story_page_insert AFTER INSERT ON pages REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
CREATE TRIGGER pages_story_page_update AFTER UPDATE ON pages REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
CREATE TRIGGER pages_story_page_delete AFTER DELETE ON pages REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
