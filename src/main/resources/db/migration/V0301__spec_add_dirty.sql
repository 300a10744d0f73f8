-- A spec is dirty when its story changed after approval; a lead marks it reviewed (or approves it) to clear it.
ALTER TABLE technical_specs ADD COLUMN dirty boolean NOT NULL DEFAULT false;
