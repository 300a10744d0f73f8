-- Password resets asked for by email: a single-use code that works for an hour (only its hash is kept). Using one,
-- a password change or an email change ends the open ones of the account.
CREATE TABLE password_resets (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash  varchar(64) NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
-- How many codes an account was sent lately (the mail limit), and its open ones to end.
CREATE INDEX password_resets_account_idx ON password_resets (account_id, created_at);
