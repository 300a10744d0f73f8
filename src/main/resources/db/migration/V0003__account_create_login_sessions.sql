-- One row per login. The signed cookie names its row; ending the row ends the login on every instance
-- (each instance caches the rows of an account and drops them on a NOTIFY, see SessionCache).
CREATE TABLE login_sessions (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL DEFAULT now(),
    ended_at   timestamptz
);
CREATE INDEX login_sessions_account_idx ON login_sessions (account_id, issued_at DESC);
CREATE INDEX login_sessions_issued_idx ON login_sessions (issued_at);
