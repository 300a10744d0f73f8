-- Search indexes the text people read in markdown, not its links' targets: a story with [docs](https://example.com/secret-path)
-- was found by "secret" and "https", since the vectors read the markdown as written. markdown_text keeps a link's or an
-- image's text and drops its target (inline [text](url "title") and reference [text][ref]) and drops reference
-- definitions ([ref]: url "title"); an autolink or a bare URL is the text people read and stays. The search's snippets
-- read the same function (search/SearchableKind.markdownAsText), so a snippet never shows a target either. Every
-- vector of a markdown body is computed again with it, each index under its old name.
CREATE FUNCTION markdown_text(body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN regexp_replace(regexp_replace(regexp_replace(body,
        '(^|\n)[ \t]{0,3}\[[^]\n]+\]:[ \t]*[^ \t\n]+([ \t]+("[^\n]*"|''[^\n]*''|\([^\n]*\)))?[ \t]*(?=\n|$)', '\1', 'g'),
        '!?\[([^]\n]*)\]\([^)\n]*\)', '\1', 'g'),
        '!?\[([^]\n]*)\]\[[^]\n]*\]', '\1', 'g');

-- The strings of a JSON document (a plan's artifact), each read as markdown, one after the other.
CREATE FUNCTION markdown_json_text(content jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT string_agg(markdown_text(v #>> '{}'), ' ') FROM jsonb_path_query(content, 'strict $.**') v
            WHERE jsonb_typeof(v) = 'string');

ALTER TABLE stories DROP COLUMN search;
ALTER TABLE stories ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('specboard_text', coalesce(title, '')), 'A')
        || setweight(to_tsvector('specboard_text', markdown_text(coalesce(description, ''))), 'B')
        || setweight(to_tsvector('specboard_text', markdown_text(coalesce(acceptance_criteria, ''))), 'C')) STORED;
CREATE INDEX stories_search_idx ON stories USING gin (search);

ALTER TABLE technical_specs DROP COLUMN search;
ALTER TABLE technical_specs ADD COLUMN search tsvector GENERATED ALWAYS AS
    (to_tsvector('specboard_text', left(coalesce(title, '') || ' ' || spec_search_text(spec_type, markdown_text(coalesce(content, ''))), 250000))) STORED;
CREATE INDEX technical_specs_search_idx ON technical_specs USING gin (search);

ALTER TABLE plans DROP COLUMN search;
ALTER TABLE plans ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('specboard_text', name), 'A')
        || setweight(to_tsvector('specboard_text', markdown_text(coalesce(description, ''))), 'B')) STORED;
CREATE INDEX idx_plans_search ON plans USING gin (search);

ALTER TABLE plan_artifacts DROP COLUMN search;
ALTER TABLE plan_artifacts ADD COLUMN search tsvector GENERATED ALWAYS AS
    (to_tsvector('specboard_text', coalesce(markdown_json_text(content), ''))) STORED;
CREATE INDEX idx_plan_artifacts_search ON plan_artifacts USING gin (search);

ALTER TABLE comments DROP COLUMN search;
ALTER TABLE comments ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('specboard_text', markdown_text(body))) STORED;
CREATE INDEX comments_search_idx ON comments USING gin (search);

-- A task's vector is kept by its trigger (V1005): the same expression with its description read as markdown, computed
-- again here for the tasks there are (setting the vector alone does not fire the trigger).
CREATE OR REPLACE FUNCTION implementation_task_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := to_tsvector('specboard_text', NEW.scope || ' ' || markdown_text(coalesce(NEW.scope_description, '')) || ' '
        || regexp_replace(NEW.assigned_files::text, '[^[:alnum:]]+', ' ', 'g'));
    RETURN NEW;
END
$$;
UPDATE implementation_tasks SET search = to_tsvector('specboard_text', scope || ' ' || markdown_text(coalesce(scope_description, ''))
    || ' ' || regexp_replace(assigned_files::text, '[^[:alnum:]]+', ' ', 'g'));
