-- A story's page is kept too (story/StoryViews), under the same "stories" counter as the list (V0151), so the counter
-- also moves with what that page shows beside the story itself: versions and decisions (written with the story, but
-- any path may write them alone), the project's leads (whether an author may approve their own story) and a renamed
-- account's name (as author, editor or decider). The features and pages a story came from: V0720.
CREATE CONSTRAINT TRIGGER story_revisions_stories_counter AFTER INSERT OR UPDATE OR DELETE ON story_revisions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stories_counter_by_story();
CREATE CONSTRAINT TRIGGER approvals_stories_counter AFTER INSERT OR UPDATE OR DELETE ON approvals
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stories_counter_by_project();
CREATE CONSTRAINT TRIGGER project_memberships_stories_counter AFTER INSERT OR UPDATE OR DELETE ON project_memberships
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stories_counter_by_project();

-- The projects where the renamed account is a member, an author, an editor or a decider.
CREATE FUNCTION stories_counter_by_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM project_counter_move('stories', p.project_id) FROM (
        SELECT m.project_id FROM project_memberships m WHERE m.user_id = NEW.id
        UNION SELECT s.project_id FROM stories s WHERE s.author_id = NEW.id
        UNION SELECT s.project_id FROM story_revisions v JOIN stories s ON s.id = v.story_id WHERE v.author_id = NEW.id
        UNION SELECT a.project_id FROM approvals a WHERE a.decided_by = NEW.id) p;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER accounts_stories_counter AFTER UPDATE OF username ON accounts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.username IS DISTINCT FROM NEW.username)
    EXECUTE FUNCTION stories_counter_by_account();
