-- Seed 002 `repositories` (one project owns each), seed 003 `repo_syncs` and `project_manifests`.
CREATE TABLE repositories (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id            uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name                  varchar(255) NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
    -- The server-side bare mirror, relative to specboard.data-dir.
    path                  text         NOT NULL UNIQUE,
    git_url               text,
    default_branch        varchar(100) NOT NULL DEFAULT 'main',
    sync_interval_minutes integer CHECK (sync_interval_minutes IS NULL OR sync_interval_minutes BETWEEN 5 AND 10080),
    version               integer      NOT NULL DEFAULT 1,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT repositories_project_name_key UNIQUE (project_id, name)
);
CREATE INDEX idx_repositories_path ON repositories (path);

-- A sync is a job row: claimed with FOR UPDATE SKIP LOCKED and held by a lease that the worker renews.
CREATE TABLE repo_syncs (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id        uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    repository_id     uuid        NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    status            varchar(20) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RUNNING', 'SUCCESS', 'FAILED')),
    error_message     text,
    requested_by      uuid REFERENCES accounts (id) ON DELETE SET NULL,
    started_at        timestamptz,
    finished_at       timestamptz,
    lease_until       timestamptz,
    locked_by         varchar(100),
    attempts          integer     NOT NULL DEFAULT 0,
    objects_processed integer     NOT NULL DEFAULT 0,
    objects_total     integer     NOT NULL DEFAULT 0,
    files_processed   integer     NOT NULL DEFAULT 0,
    files_total       integer     NOT NULL DEFAULT 0,
    manifest_version  integer,
    commit_sha        varchar(64),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_repo_syncs_project_id ON repo_syncs (project_id);
CREATE INDEX idx_repo_syncs_repository_id ON repo_syncs (repository_id, created_at DESC);
CREATE INDEX idx_repo_syncs_requested_by ON repo_syncs (requested_by);
CREATE INDEX idx_repo_syncs_claimable ON repo_syncs (created_at) WHERE status IN ('PENDING', 'RUNNING');
-- At most one waiting or running sync per repository: two syncs never write one mirror at once.
CREATE UNIQUE INDEX repo_syncs_one_active_key ON repo_syncs (repository_id) WHERE status IN ('PENDING', 'RUNNING');

CREATE TABLE project_manifests (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id    uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    repository_id uuid        NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    version       integer     NOT NULL CHECK (version > 0),
    commit_sha    varchar(64) NOT NULL,
    data          jsonb       NOT NULL,
    -- SHA-256 (hex) of the canonical JSON of data: sorted keys, no whitespace.
    hash          varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT project_manifests_repository_version_key UNIQUE (repository_id, version)
);
CREATE INDEX idx_project_manifests_project_id ON project_manifests (project_id);
