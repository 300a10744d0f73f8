-- Design pages and features keep their words as a stored vector, as tasks, review comments, contexts and components do
-- (V1003, V1005): the search matched each expression index and computed the same vector again for every match to rank
-- it, and twice for every page or feature of the project when a frequent word made PostgreSQL filter instead of reading
-- the index (design/PageSearch, design/FeatureSearch). Each vector is its index's expression, so what matches and how it
-- ranks do not change; each index keeps its name. A trigger computes it only when the words change, as for tasks: a
-- generated column is computed again on every update of the row.
ALTER TABLE pages ADD COLUMN search tsvector;
UPDATE pages SET search = to_tsvector('specboard_text', name || ' ' || COALESCE(purpose, ''));
CREATE FUNCTION page_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := to_tsvector('specboard_text', NEW.name || ' ' || COALESCE(NEW.purpose, ''));
    RETURN NEW;
END
$$;
CREATE TRIGGER pages_search_insert BEFORE INSERT ON pages FOR EACH ROW EXECUTE FUNCTION page_search();
CREATE TRIGGER pages_search_update BEFORE UPDATE ON pages
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.purpose IS DISTINCT FROM NEW.purpose)
    EXECUTE FUNCTION page_search();
DROP INDEX idx_pages_search;
CREATE INDEX idx_pages_search ON pages USING gin (search);

ALTER TABLE features ADD COLUMN search tsvector;
UPDATE features SET search = to_tsvector('specboard_text', name || ' ' || COALESCE(user_description, ''));
CREATE FUNCTION feature_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := to_tsvector('specboard_text', NEW.name || ' ' || COALESCE(NEW.user_description, ''));
    RETURN NEW;
END
$$;
CREATE TRIGGER features_search_insert BEFORE INSERT ON features FOR EACH ROW EXECUTE FUNCTION feature_search();
CREATE TRIGGER features_search_update BEFORE UPDATE ON features
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.user_description IS DISTINCT FROM NEW.user_description)
    EXECUTE FUNCTION feature_search();
DROP INDEX idx_features_search;
CREATE INDEX idx_features_search ON features USING gin (search);
