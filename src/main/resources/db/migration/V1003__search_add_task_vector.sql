-- A task's words as a stored vector, as stories, specs and plans have: the search matched the expression index of V0996
-- and computed the same expression again for every matching task to rank it (search/Kinds.Tasks). The vector is the
-- expression the index had, so what matches and how it ranks do not change; the index keeps its name.
ALTER TABLE implementation_tasks ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('specboard_text',
    scope || ' ' || coalesce(scope_description, '') || ' ' || regexp_replace(assigned_files::text, '[^[:alnum:]]+', ' ', 'g'))) STORED;
DROP INDEX implementation_tasks_search_idx;
CREATE INDEX implementation_tasks_search_idx ON implementation_tasks USING gin (search);
