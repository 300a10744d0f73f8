-- Seed 002 `plans`, `plan_artifacts` and `chat_sessions` (DESIGN.md step 7), with the seed's columns,
-- enums as CHECK constraints, its unique constraint and its indexes (GIN ones included).
--
-- Each version of a plan is its own row (same repository and name, version n), as the seed's
-- UNIQUE(repository_id, name, version) implies. Added to the seed: project_id (membership checks and
-- search without a join), spec_id (the spec made from the plan), created_by, and a full-text vector.
CREATE TABLE plans (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id    uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    repository_id uuid         NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    name          varchar(255) NOT NULL CHECK (length(trim(name)) > 0),
    description   text,
    target_branch varchar(100) NOT NULL CHECK (length(trim(target_branch)) > 0),
    version       integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    status        varchar(20)  NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'completed', 'archived')),
    spec_id       uuid REFERENCES technical_specs (id) ON DELETE SET NULL,
    created_by    uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    search        tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', name), 'A')
            || setweight(to_tsvector('english', coalesce(description, '')), 'B')) STORED,
    CONSTRAINT plans_repository_name_version_key UNIQUE (repository_id, name, version)
);
CREATE INDEX idx_plans_repository_status ON plans (repository_id, status);
CREATE INDEX idx_plans_version ON plans (repository_id, name, version);
CREATE INDEX idx_plans_project ON plans (project_id, updated_at DESC);
CREATE INDEX idx_plans_spec ON plans (spec_id);
CREATE INDEX idx_plans_created_by ON plans (created_by);
CREATE INDEX idx_plans_search ON plans USING gin (search);

-- Artifacts keep their history: the newest row of each type is the plan version's current one.
CREATE TABLE plan_artifacts (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    plan_id       uuid        NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    content       jsonb       NOT NULL CHECK (jsonb_typeof(content) = 'object'),
    artifact_type varchar(30) NOT NULL CHECK (artifact_type IN ('feature_plan', 'implementation_steps', 'code_changes')),
    created_by    uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    search        tsvector GENERATED ALWAYS AS (jsonb_to_tsvector('english', content, '["string"]')) STORED
);
CREATE INDEX idx_plan_artifacts_plan_type ON plan_artifacts (plan_id, artifact_type, created_at DESC);
CREATE INDEX idx_plan_artifacts_created_by ON plan_artifacts (created_by);
CREATE INDEX idx_plan_artifacts_content_gin ON plan_artifacts USING gin (content);
CREATE INDEX idx_plan_artifacts_search ON plan_artifacts USING gin (search);

-- Messages: [{id, role: user|assistant, content, author, authorId, createdAt, status: complete|pending|failed, error, sources}].
CREATE TABLE chat_sessions (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    plan_id    uuid        NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    messages   jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(messages) = 'array'),
    status     varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chat_sessions_plan_key UNIQUE (plan_id)
);
CREATE INDEX idx_chat_sessions_plan_status ON chat_sessions (plan_id, status);
CREATE INDEX idx_chat_messages_gin ON chat_sessions USING gin (messages);

-- The assistant's pending answers: a job row per answer (its id is the assistant message's id), claimed
-- with FOR UPDATE SKIP LOCKED and held by a lease, so the answer survives the asking tab and a dead worker.
CREATE TABLE chat_answers (
    id          uuid PRIMARY KEY,
    session_id  uuid         NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,
    project_id  uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    asked_by    uuid REFERENCES accounts (id) ON DELETE SET NULL,
    status      varchar(20)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'complete', 'failed')),
    lease_until timestamptz,
    locked_by   varchar(100),
    attempts    integer      NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX idx_chat_answers_session ON chat_answers (session_id);
CREATE INDEX idx_chat_answers_project ON chat_answers (project_id);
CREATE INDEX idx_chat_answers_asked_by ON chat_answers (asked_by);
CREATE INDEX idx_chat_answers_claimable ON chat_answers (created_at) WHERE status IN ('pending', 'running');
