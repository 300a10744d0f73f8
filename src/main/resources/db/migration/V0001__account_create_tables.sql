-- Accounts: merges seed 000 `accounts` and seeds 003/004 `users`.
CREATE TABLE accounts (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         varchar(255) NOT NULL,
    username      varchar(100) NOT NULL,
    name          varchar(255),
    password_hash varchar(255) NOT NULL,
    avatar_url    text,
    role          varchar(50)  NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    settings      jsonb        NOT NULL DEFAULT '{}',
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email));
CREATE UNIQUE INDEX accounts_username_key ON accounts (lower(username));
-- security-jpa looks accounts up by the exact username column.
CREATE INDEX accounts_username_idx ON accounts (username);

-- Failed and successful logins, per account name, to refuse password guessing across app instances.
CREATE TABLE login_attempts (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    login      varchar(255) NOT NULL,
    succeeded  boolean      NOT NULL,
    remote     varchar(100),
    created_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_login_idx ON login_attempts (login, created_at DESC);
