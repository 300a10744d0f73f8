-- Invitations of people who have no account yet: an expiring, single-use link (only its hash is kept).
CREATE TABLE project_invitations (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id   uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    email        varchar(255) NOT NULL,
    role         varchar(20)  NOT NULL CHECK (role IN ('viewer', 'reviewer', 'member', 'lead', 'owner')),
    token_hash   varchar(64)  NOT NULL UNIQUE,
    invited_by   uuid         NOT NULL REFERENCES accounts (id),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at   timestamptz  NOT NULL,
    accepted_at  timestamptz,
    accepted_by  uuid REFERENCES accounts (id),
    revoked_at   timestamptz
);
CREATE INDEX project_invitations_open_idx ON project_invitations (project_id) WHERE accepted_at IS NULL AND revoked_at IS NULL;
