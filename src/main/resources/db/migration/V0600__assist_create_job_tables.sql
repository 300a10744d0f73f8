-- Seed 003 `ai_jobs` and `refactor_jobs`: job rows a worker claims with FOR UPDATE SKIP LOCKED and a lease
-- (lease_until, worker_id, attempts), like repo_syncs. Statuses keep the seed's QUEUED -> RUNNING -> SUCCESS | FAILED
-- and add CANCELLED (a queued job cancelled at once, a running one at its worker's next step).
CREATE TABLE ai_jobs (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id       uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id          uuid        NOT NULL REFERENCES accounts (id),
    status           varchar(20) NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCESS', 'FAILED', 'CANCELLED')),
    type             varchar(30) NOT NULL CHECK (type IN ('DOCS', 'EXPLANATION')),
    params           jsonb       NOT NULL DEFAULT '{}',
    result           jsonb,
    -- {step, steps, label, labels, detail}: committed as the worker goes, shown as a progress bar.
    progress         jsonb       NOT NULL DEFAULT '{}',
    error            text,
    cancel_requested boolean     NOT NULL DEFAULT false,
    lease_until      timestamptz,
    worker_id        varchar(100),
    attempts         integer     NOT NULL DEFAULT 0,
    started_at       timestamptz,
    finished_at      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_ai_jobs_project_id ON ai_jobs (project_id, created_at DESC);
CREATE INDEX idx_ai_jobs_status ON ai_jobs (status);
CREATE INDEX idx_ai_jobs_user_id ON ai_jobs (user_id);
CREATE INDEX idx_ai_jobs_claimable ON ai_jobs (created_at) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE refactor_jobs (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id       uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    repository_id    uuid        NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    user_id          uuid        NOT NULL REFERENCES accounts (id),
    status           varchar(20) NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCESS', 'FAILED', 'CANCELLED')),
    -- {symbol, newName, path, includeStringsAndComments}
    params           jsonb       NOT NULL DEFAULT '{}',
    -- {baseCommit, files:[{path, blobSha, diff, occurrences:[...]}]}
    proposal         jsonb,
    -- {branch, commitSha, baseCommit, files, pushed, appliedBy, appliedAt}
    applied_changes  jsonb,
    progress         jsonb       NOT NULL DEFAULT '{}',
    error            text,
    cancel_requested boolean     NOT NULL DEFAULT false,
    lease_until      timestamptz,
    worker_id        varchar(100),
    attempts         integer     NOT NULL DEFAULT 0,
    started_at       timestamptz,
    finished_at      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_refactor_jobs_project_id ON refactor_jobs (project_id, created_at DESC);
CREATE INDEX idx_refactor_jobs_status ON refactor_jobs (status);
CREATE INDEX idx_refactor_jobs_repository_id ON refactor_jobs (repository_id);
CREATE INDEX idx_refactor_jobs_user_id ON refactor_jobs (user_id);
CREATE INDEX idx_refactor_jobs_claimable ON refactor_jobs (created_at) WHERE status IN ('QUEUED', 'RUNNING');
