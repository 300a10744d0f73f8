-- Who saved the current version of a page, feature, journey or inferred entity, so that a stale save (409) says
-- "you in another tab or window", the member's name or "the assistant" (a background inference) instead of
-- "someone else". Nullable as design_docs.updated_by: rows saved before this are unknown, and a deleted account's
-- saves become unknown too. A background write has no account: updated_by_assistant says so.
ALTER TABLE pages ADD COLUMN updated_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    ADD COLUMN updated_by_assistant boolean NOT NULL DEFAULT false;
CREATE INDEX pages_updated_by_idx ON pages (updated_by);

ALTER TABLE features ADD COLUMN updated_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    ADD COLUMN updated_by_assistant boolean NOT NULL DEFAULT false;
CREATE INDEX features_updated_by_idx ON features (updated_by);

ALTER TABLE journey_flows ADD COLUMN updated_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    ADD COLUMN updated_by_assistant boolean NOT NULL DEFAULT false;
CREATE INDEX journey_flows_updated_by_idx ON journey_flows (updated_by);

ALTER TABLE inferred_entities ADD COLUMN updated_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    ADD COLUMN updated_by_assistant boolean NOT NULL DEFAULT false;
CREATE INDEX inferred_entities_updated_by_idx ON inferred_entities (updated_by);
