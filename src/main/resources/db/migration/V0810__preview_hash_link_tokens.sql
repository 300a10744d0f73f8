-- Preview links were stored as they were given out, so anyone who read the database or a backup had a working link to
-- every open preview. A link is now an HMAC of a per-preview seed under the installation's key (which is not in the
-- database): the row keeps the seed, worthless without the key, and the SHA-256 of the link to find the preview by.
-- Links made before keep working (their hash is their token's); their seed is replaced, so the list cannot show them
-- again (it says so) and the database holds no working link.
ALTER TABLE preview_sessions RENAME COLUMN preview_token TO token_seed;
ALTER TABLE preview_sessions ADD COLUMN token_hash varchar(64);
UPDATE preview_sessions SET token_hash = encode(sha256(convert_to(token_seed, 'UTF8')), 'hex'), token_seed = 'before-V0810:' || id;
ALTER TABLE preview_sessions ALTER COLUMN token_hash SET NOT NULL;
ALTER TABLE preview_sessions ADD CONSTRAINT preview_sessions_token_hash_key UNIQUE (token_hash);
