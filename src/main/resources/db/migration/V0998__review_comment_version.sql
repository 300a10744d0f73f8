-- A comment's edits are counted, so that an edit says which version it changed and a stale one is refused (409)
-- instead of silently replacing what was saved from another tab meanwhile.
ALTER TABLE comments ADD COLUMN version integer NOT NULL DEFAULT 1;
