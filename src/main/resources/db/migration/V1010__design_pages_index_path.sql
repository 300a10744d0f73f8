-- A design page's stored vector (V1008) holds the words of its path too, as a file's does (V0996): the search found a
-- page by its path's words by computing them with to_tsvector for every page of the project on every search, beside the
-- index (design/PageSearch). Name and purpose are weight A and the path weight D, so the search ranks a page found by its
-- path alone below the pages it names and says which matched; the path is read as PageSearch read it, every run of
-- characters other than letters and digits a space (/checkout/history: checkout, history). The trigger computes it again
-- when the path changes as well.
CREATE OR REPLACE FUNCTION page_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := setweight(to_tsvector('specboard_text', NEW.name || ' ' || COALESCE(NEW.purpose, '')), 'A')
        || setweight(to_tsvector('specboard_text', regexp_replace(NEW.path, '[^[:alnum:]]+', ' ', 'g')), 'D');
    RETURN NEW;
END
$$;
DROP TRIGGER pages_search_update ON pages;
CREATE TRIGGER pages_search_update BEFORE UPDATE ON pages
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.purpose IS DISTINCT FROM NEW.purpose
                       OR OLD.path IS DISTINCT FROM NEW.path)
    EXECUTE FUNCTION page_search();
UPDATE pages SET search = setweight(to_tsvector('specboard_text', name || ' ' || COALESCE(purpose, '')), 'A')
    || setweight(to_tsvector('specboard_text', regexp_replace(path, '[^[:alnum:]]+', ' ', 'g')), 'D');
