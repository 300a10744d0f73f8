-- Who saved the current version of a bounded context or a component, so that a stale save (409) names them ("you in
-- another tab or window", or the member's name) as design docs, stories, specs and the design side do, instead of
-- "someone else". Nullable as design_docs.updated_by: rows saved before this are unknown (a context still at version 1
-- was saved by its creator), and a deleted account's saves become unknown too.
ALTER TABLE contexts ADD COLUMN updated_by uuid REFERENCES accounts (id) ON DELETE SET NULL;
CREATE INDEX contexts_updated_by_idx ON contexts (updated_by);
UPDATE contexts SET updated_by = created_by WHERE version = 1;

ALTER TABLE components ADD COLUMN updated_by uuid REFERENCES accounts (id) ON DELETE SET NULL;
CREATE INDEX components_updated_by_idx ON components (updated_by);
