-- A story's page is kept too (story/StoryViews), under the same "stories" counter as the list: so the counter also
-- moves with what that page shows beside the story itself. Versions and decisions are written with the story, but
-- any path may write them alone; the project's leads decide whether an author may approve their own story; a
-- renamed account's name shows as author, editor and decider. (The features and pages a story came from: V0720.)
-- story_list_touch_stories moves the counter of changed.project_id, story_list_touch_context_stories that of the
-- story changed.story_id (V0151).
CREATE TRIGGER story_revisions_page_insert AFTER INSERT ON story_revisions REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_context_stories();
CREATE TRIGGER story_revisions_page_update AFTER UPDATE ON story_revisions REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_context_stories();
CREATE TRIGGER story_revisions_page_delete AFTER DELETE ON story_revisions REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_context_stories();

CREATE TRIGGER approvals_page_insert AFTER INSERT ON approvals REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
CREATE TRIGGER approvals_page_update AFTER UPDATE ON approvals REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
CREATE TRIGGER approvals_page_delete AFTER DELETE ON approvals REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();

CREATE TRIGGER project_memberships_page_insert AFTER INSERT ON project_memberships REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
CREATE TRIGGER project_memberships_page_update AFTER UPDATE ON project_memberships REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();
CREATE TRIGGER project_memberships_page_delete AFTER DELETE ON project_memberships REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION story_list_touch_stories();

-- Only a changed username matters: the projects where the account is a member, an author, an editor or a decider.
CREATE FUNCTION story_page_touch_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM project_counter_move('stories', ARRAY(
        WITH renamed AS (SELECT n.id FROM after_change n JOIN before_change o ON o.id = n.id
                         WHERE n.username IS DISTINCT FROM o.username)
        SELECT m.project_id FROM project_memberships m JOIN renamed r ON m.user_id = r.id
        UNION SELECT s.project_id FROM stories s JOIN renamed r ON s.author_id = r.id
        UNION SELECT s.project_id FROM story_revisions v JOIN renamed r ON v.author_id = r.id JOIN stories s ON s.id = v.story_id
        UNION SELECT a.project_id FROM approvals a JOIN renamed r ON a.decided_by = r.id));
    RETURN NULL;
END $$;

CREATE TRIGGER accounts_story_page_update AFTER UPDATE ON accounts
    REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change
    FOR EACH STATEMENT EXECUTE FUNCTION story_page_touch_accounts();
