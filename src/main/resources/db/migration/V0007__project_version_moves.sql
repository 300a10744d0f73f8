-- Every change to a project moves its version: Hibernate moves it on its own updates (optimistic locking), and this
-- trigger moves it on any other (SQL, another tool), so an app instance that keeps a project by its version (the
-- project policy, through the second-level cache) never serves one changed behind its back.
CREATE FUNCTION projects_move_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END $$;

CREATE TRIGGER projects_move_version BEFORE UPDATE ON projects
    FOR EACH ROW WHEN (NEW.version = OLD.version) EXECUTE FUNCTION projects_move_version();
