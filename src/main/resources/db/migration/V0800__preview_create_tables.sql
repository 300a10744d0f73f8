-- Seed 003's preview links: a static bundle of mockups behind an unguessable token, and the cleanup
-- stages an expired preview goes through (DESIGN.md point 13).
CREATE TABLE preview_sessions (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id      uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- One page's preview, or every page with a mockup when null (a plain id: pages belong to the design feature).
    page_id         uuid,
    preview_token   varchar(64) NOT NULL,
    status          varchar(20) NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'READY', 'EXPIRED', 'SOFT_DELETED', 'PURGED')),
    bundle_path     text,
    page_count      integer     NOT NULL DEFAULT 0,
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    revoked_by      uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_by      uuid REFERENCES accounts (id) ON DELETE SET NULL,
    expired_at      timestamptz,
    soft_deleted_at timestamptz,
    purged_at       timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT preview_sessions_token_key UNIQUE (preview_token)
);
CREATE INDEX preview_sessions_project_idx ON preview_sessions (project_id, created_at DESC);
CREATE INDEX preview_sessions_cleanup_idx ON preview_sessions (status, expires_at) WHERE status <> 'PURGED';
CREATE INDEX preview_sessions_revoked_by_idx ON preview_sessions (revoked_by);
CREATE INDEX preview_sessions_created_by_idx ON preview_sessions (created_by);

CREATE TABLE preview_cleanup_events (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    preview_session_id uuid        NOT NULL REFERENCES preview_sessions (id) ON DELETE CASCADE,
    stage              varchar(20) NOT NULL CHECK (stage IN ('EXPIRED', 'SOFT_DELETED', 'PURGED')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT preview_cleanup_events_stage_key UNIQUE (preview_session_id, stage)
);
