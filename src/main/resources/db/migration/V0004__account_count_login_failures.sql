-- Failed logins per account name in a fixed window, counted by one atomic upsert before the password
-- is checked, so that parallel guesses cannot all pass the limit. Replaces the per-attempt log.
CREATE TABLE login_failures (
    login        varchar(255) PRIMARY KEY,
    failures     integer      NOT NULL,
    window_start timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_window_idx ON login_failures (window_start);
DROP TABLE login_attempts;
