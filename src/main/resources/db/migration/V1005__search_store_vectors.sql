-- Review comments, bounded contexts and components keep their words as a stored vector, as tasks do (V1003): the search
-- matched each expression index and computed the same vector again for every match to rank it (search/Kinds.Threads,
-- search/ArchitectureKinds). Each vector is its index's expression, so what matches and how it ranks do not change; each
-- index keeps its name.
ALTER TABLE comments ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('specboard_text', body)) STORED;
DROP INDEX comments_search_idx;
CREATE INDEX comments_search_idx ON comments USING gin (search);

ALTER TABLE contexts ADD COLUMN search tsvector GENERATED ALWAYS AS
    (to_tsvector('specboard_text', name || ' ' || purpose || ' ' || COALESCE(description, ''))) STORED;
DROP INDEX idx_contexts_search;
CREATE INDEX idx_contexts_search ON contexts USING gin (search);

-- The path's slashes, dots, dashes and underscores become spaces, so that "checkout" finds lib/shop/checkout_basket.ex.
ALTER TABLE components ADD COLUMN search tsvector GENERATED ALWAYS AS
    (to_tsvector('specboard_text', name || ' ' || translate(file_path, '/._-', '    ') || ' ' || COALESCE(description, ''))) STORED;
DROP INDEX idx_components_search;
CREATE INDEX idx_components_search ON components USING gin (search);

-- A task's vector is computed again only when its words change. As a generated column it was computed on every update of
-- the task, and a claim's heartbeat updates the task (its lease) every few seconds: the entity's update sets every column,
-- so PostgreSQL recomputed the vector each time. The trigger computes the same expression; the column keeps its values.
ALTER TABLE implementation_tasks ALTER COLUMN search DROP EXPRESSION;

CREATE FUNCTION implementation_task_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := to_tsvector('specboard_text', NEW.scope || ' ' || coalesce(NEW.scope_description, '') || ' '
        || regexp_replace(NEW.assigned_files::text, '[^[:alnum:]]+', ' ', 'g'));
    RETURN NEW;
END
$$;

CREATE TRIGGER implementation_tasks_search_insert BEFORE INSERT ON implementation_tasks
    FOR EACH ROW EXECUTE FUNCTION implementation_task_search();
CREATE TRIGGER implementation_tasks_search_update BEFORE UPDATE ON implementation_tasks
    FOR EACH ROW WHEN (OLD.scope IS DISTINCT FROM NEW.scope OR OLD.scope_description IS DISTINCT FROM NEW.scope_description
        OR OLD.assigned_files IS DISTINCT FROM NEW.assigned_files)
    EXECUTE FUNCTION implementation_task_search();
