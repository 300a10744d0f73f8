-- An inferred entity's changes are counted (by Hibernate, as a @Version), so that a rename or field edit says which
-- version it changed and a stale one is refused (409) instead of silently undoing what another saved meanwhile.
ALTER TABLE inferred_entities ADD COLUMN version integer NOT NULL DEFAULT 0;
