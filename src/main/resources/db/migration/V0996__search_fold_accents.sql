-- Search folds accents: "cafe" finds "Café" and "café" finds "Cafe". specboard_text is the english configuration with
-- the unaccent dictionary before the stemmer for words holding letters beyond ASCII (unaccent() itself is not
-- IMMUTABLE, a text search configuration is, so stored vectors and expression indexes can use it). Every vector and
-- expression index the search reads is rebuilt with it, each index under its old name; the search's tsquery and
-- snippets use the same configuration (search/SearchService).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION specboard_text (COPY = english);
ALTER TEXT SEARCH CONFIGURATION specboard_text ALTER MAPPING FOR word, hword, hword_part WITH unaccent, english_stem;

ALTER TABLE stories DROP COLUMN search;
ALTER TABLE stories ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('specboard_text', coalesce(title, '')), 'A')
        || setweight(to_tsvector('specboard_text', coalesce(description, '')), 'B')
        || setweight(to_tsvector('specboard_text', coalesce(acceptance_criteria, '')), 'C')) STORED;
CREATE INDEX stories_search_idx ON stories USING gin (search);

ALTER TABLE technical_specs DROP COLUMN search;
ALTER TABLE technical_specs ADD COLUMN search tsvector GENERATED ALWAYS AS
    (to_tsvector('specboard_text', left(coalesce(title, '') || ' ' || spec_search_text(spec_type, coalesce(content, '')), 250000))) STORED;
CREATE INDEX technical_specs_search_idx ON technical_specs USING gin (search);

ALTER TABLE plans DROP COLUMN search;
ALTER TABLE plans ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('specboard_text', name), 'A')
        || setweight(to_tsvector('specboard_text', coalesce(description, '')), 'B')) STORED;
CREATE INDEX idx_plans_search ON plans USING gin (search);

ALTER TABLE plan_artifacts DROP COLUMN search;
ALTER TABLE plan_artifacts ADD COLUMN search tsvector GENERATED ALWAYS AS (jsonb_to_tsvector('specboard_text', content, '["string"]')) STORED;
CREATE INDEX idx_plan_artifacts_search ON plan_artifacts USING gin (search);

ALTER TABLE file_texts DROP COLUMN search;
ALTER TABLE file_texts ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('specboard_text', regexp_replace(regexp_replace(path, '([a-z0-9])([A-Z])', '\1 \2', 'g'), '[^[:alnum:]]+', ' ', 'g')), 'A')
        || setweight(to_tsvector('specboard_text', coalesce(content, '')), 'B')) STORED;
CREATE INDEX file_texts_search_idx ON file_texts USING gin (search);

DROP INDEX implementation_tasks_search_idx;
CREATE INDEX implementation_tasks_search_idx ON implementation_tasks USING gin (to_tsvector('specboard_text',
    scope || ' ' || coalesce(scope_description, '') || ' ' || regexp_replace(assigned_files::text, '[^[:alnum:]]+', ' ', 'g')));
DROP INDEX comments_search_idx;
CREATE INDEX comments_search_idx ON comments USING gin (to_tsvector('specboard_text', body));
DROP INDEX idx_pages_search;
CREATE INDEX idx_pages_search ON pages USING gin (to_tsvector('specboard_text', name || ' ' || COALESCE(purpose, '')));
DROP INDEX idx_features_search;
CREATE INDEX idx_features_search ON features USING gin (to_tsvector('specboard_text', name || ' ' || COALESCE(user_description, '')));
DROP INDEX idx_contexts_search;
CREATE INDEX idx_contexts_search ON contexts
    USING gin (to_tsvector('specboard_text', name || ' ' || purpose || ' ' || COALESCE(description, '')));
DROP INDEX idx_components_search;
CREATE INDEX idx_components_search ON components
    USING gin (to_tsvector('specboard_text', name || ' ' || translate(file_path, '/._-', '    ') || ' ' || COALESCE(description, '')));
