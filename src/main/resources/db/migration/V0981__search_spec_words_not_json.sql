-- A hierarchical spec keeps its phases as JSON text, and search indexed that text whole: its keys ("overview",
-- "assigned_files", "hours") matched every hierarchical spec, and snippets read "phases number 1 name db hours 2".
-- spec_search_text keeps a spec's words only: for JSON it drops the keys with their number, null and true/false
-- values, escaped line breaks and the punctuation; a monolithic spec's markdown is its text already. The search
-- page cuts its snippets from the same text.
CREATE FUNCTION spec_search_text(spec_type varchar, content text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN spec_type = 'hierarchical'
        THEN regexp_replace(regexp_replace(regexp_replace(content,
                 '"[a-z_]+":(null|true|false|-?[0-9][0-9.eE+-]*)?', ' ', 'g'),
                 '\\[nrt]', ' ', 'g'),
                 '["{}\[\],:]+', ' ', 'g')
        ELSE content END;

ALTER TABLE technical_specs DROP COLUMN search;
ALTER TABLE technical_specs ADD COLUMN search tsvector GENERATED ALWAYS AS
    (to_tsvector('english', left(coalesce(title, '') || ' ' || spec_search_text(spec_type, coalesce(content, '')), 250000))) STORED;
CREATE INDEX technical_specs_search_idx ON technical_specs USING gin (search);
