-- Failed logins are counted per account name and client address, so that wrong guesses from one address lock out
-- that address, not the account's owner wherever they are; and per client address across all names, checked before
-- any password is hashed, so that one address cannot try name after name (each costing a bcrypt check). The counts
-- so far are dropped with the old table: they are of use for a quarter of an hour at most.
DROP TABLE login_failures;
CREATE TABLE login_failures (
    login        varchar(255) NOT NULL,
    address      varchar(64)  NOT NULL,
    failures     integer      NOT NULL,
    window_start timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (login, address)
);
CREATE INDEX login_failures_window_idx ON login_failures (window_start);
CREATE TABLE login_address_failures (
    address      varchar(64) PRIMARY KEY,
    failures     integer     NOT NULL,
    window_start timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_address_failures_window_idx ON login_address_failures (window_start);
