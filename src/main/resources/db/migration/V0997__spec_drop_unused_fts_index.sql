-- Nothing queries this expression: spec search matches the stored vector technical_specs.search (V0521) through
-- technical_specs_search_idx. It only cost a second full-text parse of the whole content on every spec save.
DROP INDEX IF EXISTS technical_specs_fts_idx;
