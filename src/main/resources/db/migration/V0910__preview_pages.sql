-- Which page each page of a preview's bundle shows (its position is the bundle's page index). A page deleted after the
-- preview was made drops out of it with this row (ON DELETE CASCADE): its link then says the page was deleted instead of
-- showing it until the preview expires, and the previews list counts the pages still shown.
CREATE TABLE preview_pages (
    preview_session_id uuid    NOT NULL REFERENCES preview_sessions (id) ON DELETE CASCADE,
    position           integer NOT NULL,
    page_id            uuid    NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    PRIMARY KEY (preview_session_id, position)
);
CREATE INDEX preview_pages_page_idx ON preview_pages (page_id);

-- Previews made before: one page's is that page; every page's was the pages with a mockup when it was made, in tree order
-- (the bundle's order, as far as the pages have not moved since).
INSERT INTO preview_pages (preview_session_id, position, page_id)
SELECT s.id, 1, s.page_id FROM preview_sessions s JOIN pages p ON p.id = s.page_id;
INSERT INTO preview_pages (preview_session_id, position, page_id)
SELECT s.id, row_number() OVER (PARTITION BY s.id ORDER BY p.sort_order, p.path), p.id
FROM preview_sessions s JOIN pages p ON p.project_id = s.project_id AND p.current_mockup_id IS NOT NULL AND p.created_at <= s.created_at
WHERE s.page_id IS NULL;
