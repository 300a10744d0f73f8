-- A preview link made through an API token stops opening once that token is revoked, as a job queued through it stops
-- acting (V0940): token_id is the token the lead used, if any. No foreign key: a token row that is gone must close the
-- link, not turn it (ON DELETE SET NULL) into one that no revocation reaches. Links made before keep NULL: they open
-- until they expire or a lead revokes them, as before.
ALTER TABLE preview_sessions ADD COLUMN token_id uuid;
