-- Search reads every markdown text as people read it (V1011 did so for stories, specs, plans, tasks and review comments).
-- Design pages' purposes, features' descriptions and bounded contexts' and components' texts still indexed their links'
-- targets, and so did a repository's markdown files (README.md): "secret" found [docs](https://example.com/secret), and a
-- .md file's snippet showed the URL. Their vectors now read markdown_text as the others do.
--
-- markdown_text also read a link's target only up to its first ')': [docs](https://e.org/a_(b)) left "docs)" to index
-- and to show in a snippet. A target may hold parentheses nested once, as a URL to a wiki page does (CommonMark allows
-- balanced ones), and a title in parentheses may too. Every stored vector that reads markdown_text is computed again.
CREATE OR REPLACE FUNCTION markdown_text(body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN regexp_replace(regexp_replace(regexp_replace(body,
        '(^|\n)[ \t]{0,3}\[[^]\n]+\]:[ \t]*[^ \t\n]+([ \t]+("[^\n]*"|''[^\n]*''|\([^\n]*\)))?[ \t]*(?=\n|$)', '\1', 'g'),
        '!?\[([^]\n]*)\]\((?:[^()\n]|\((?:[^()\n]|\([^()\n]*\))*\))*\)', '\1', 'g'),
        '!?\[([^]\n]*)\]\[[^]\n]*\]', '\1', 'g');

-- Whether a repository file is markdown by its name (README.md, docs/Guide.markdown): its text is read as markdown.
CREATE OR REPLACE FUNCTION markdown_path(path text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN path ~* '\.(md|markdown)$';

-- The generated vectors that read markdown_text (stories, specs, plans, plan artifacts, review comments), each computed
-- again by its own expression: setting it again rewrites the table and rebuilds its index under the same name.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT a.attrelid::regclass AS tab, a.attname, pg_get_expr(d.adbin, d.adrelid) AS expr
             FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             JOIN pg_class r ON r.oid = a.attrelid JOIN pg_namespace n ON n.oid = r.relnamespace
             WHERE a.attgenerated = 's' AND n.nspname = current_schema() AND pg_get_expr(d.adbin, d.adrelid) LIKE '%markdown_text%'
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET EXPRESSION AS (%s)', c.tab, c.attname, c.expr);
    END LOOP;
END
$$;

-- A task's vector is kept by its trigger (V1005, V1011): computed again here, with the same expression.
UPDATE implementation_tasks SET search = to_tsvector('specboard_text', scope || ' ' || markdown_text(coalesce(scope_description, ''))
    || ' ' || regexp_replace(assigned_files::text, '[^[:alnum:]]+', ' ', 'g'));

-- Contexts and components (V1005): their name and a component's path are no markdown; purpose and descriptions are.
ALTER TABLE contexts ALTER COLUMN search SET EXPRESSION AS
    (to_tsvector('specboard_text', name || ' ' || markdown_text(purpose) || ' ' || markdown_text(COALESCE(description, ''))));
ALTER TABLE components ALTER COLUMN search SET EXPRESSION AS
    (to_tsvector('specboard_text', name || ' ' || translate(file_path, '/._-', '    ') || ' ' || markdown_text(COALESCE(description, ''))));

-- A repository's files (V0996): a markdown file's content is read as markdown, any other file as written.
ALTER TABLE file_texts ALTER COLUMN search SET EXPRESSION AS (
    setweight(to_tsvector('specboard_text', regexp_replace(regexp_replace(path, '([a-z0-9])([A-Z])', '\1 \2', 'g'), '[^[:alnum:]]+', ' ', 'g')), 'A')
        || setweight(to_tsvector('specboard_text',
            CASE WHEN markdown_path(path) THEN markdown_text(coalesce(content, '')) ELSE coalesce(content, '') END), 'B'));

-- Design pages (V1008, V1010) and features (V1008) keep their vectors by trigger: the same words, the purpose and the
-- description read as markdown; computed again for the pages and features there are.
CREATE OR REPLACE FUNCTION page_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := setweight(to_tsvector('specboard_text', NEW.name || ' ' || markdown_text(COALESCE(NEW.purpose, ''))), 'A')
        || setweight(to_tsvector('specboard_text', regexp_replace(NEW.path, '[^[:alnum:]]+', ' ', 'g')), 'D');
    RETURN NEW;
END
$$;
UPDATE pages SET search = setweight(to_tsvector('specboard_text', name || ' ' || markdown_text(COALESCE(purpose, ''))), 'A')
    || setweight(to_tsvector('specboard_text', regexp_replace(path, '[^[:alnum:]]+', ' ', 'g')), 'D');

CREATE OR REPLACE FUNCTION feature_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := to_tsvector('specboard_text', NEW.name || ' ' || markdown_text(COALESCE(NEW.user_description, '')));
    RETURN NEW;
END
$$;
UPDATE features SET search = to_tsvector('specboard_text', name || ' ' || markdown_text(COALESCE(user_description, '')));
