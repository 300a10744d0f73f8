-- Projects: the union of seeds 000, 003 and 004.
CREATE TABLE projects (
    id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id                    uuid         NOT NULL REFERENCES accounts (id),
    name                        varchar(255) NOT NULL,
    slug                        varchar(255) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    description                 text,
    type                        varchar(50)  NOT NULL DEFAULT 'web-app'
        CONSTRAINT valid_type CHECK (type IN ('web-app', 'mobile-app', 'pwa', 'api', 'fullstack')),
    framework                   varchar(100),
    status                      varchar(50)  NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived', 'template')),
    repo_url                    text,
    repo_name                   varchar(255),
    repo_default_branch         varchar(100),
    executive_summary           text,
    executive_summary_approved  boolean      NOT NULL DEFAULT false,
    executive_summary_version   integer      NOT NULL DEFAULT 0,
    setup_complete              boolean      NOT NULL DEFAULT false,
    context_mapping_approved    boolean      NOT NULL DEFAULT false,
    vision_statement            text,
    target_feeling              varchar(100),
    reference_apps              text[]       NOT NULL DEFAULT '{}',
    icon                        varchar(50),
    color                       varchar(7) CHECK (color ~ '^#[0-9a-fA-F]{6}$'),
    settings                    jsonb        NOT NULL DEFAULT '{}',
    metadata                    jsonb        NOT NULL DEFAULT '{}',
    version                     integer      NOT NULL DEFAULT 1,
    created_at                  timestamptz  NOT NULL DEFAULT now(),
    updated_at                  timestamptz  NOT NULL DEFAULT now(),
    last_opened_at              timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX idx_projects_owner_id ON projects (owner_id);
CREATE INDEX idx_projects_status ON projects (status);

CREATE TABLE project_memberships (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role       varchar(20) NOT NULL DEFAULT 'member' CHECK (role IN ('viewer', 'reviewer', 'member', 'lead', 'owner')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT project_memberships_project_user_key UNIQUE (project_id, user_id)
);
CREATE INDEX project_memberships_user_idx ON project_memberships (user_id);

-- Seed 004 wizard runs; the project setup wizard is wizard_type 'project-setup'.
CREATE TABLE wizard_runs (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id            uuid         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    project_id         uuid REFERENCES projects (id) ON DELETE CASCADE,
    wizard_type        varchar(100) NOT NULL,
    wizard_version     varchar(20),
    status             varchar(50)  NOT NULL DEFAULT 'in-progress' CHECK (status IN ('in-progress', 'completed', 'abandoned')),
    current_phase      varchar(100),
    phase_history      jsonb        NOT NULL DEFAULT '[]',
    answers            jsonb        NOT NULL DEFAULT '{}',
    decisions_made     jsonb        NOT NULL DEFAULT '[]',
    context_snapshot   jsonb        NOT NULL DEFAULT '{}',
    context_references uuid[]       NOT NULL DEFAULT '{}',
    outputs            jsonb        NOT NULL DEFAULT '{}',
    version            integer      NOT NULL DEFAULT 1,
    started_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    completed_at       timestamptz,
    duration_seconds   integer
);
CREATE INDEX wizard_runs_user_idx ON wizard_runs (user_id, wizard_type, status);
CREATE INDEX wizard_runs_project_idx ON wizard_runs (project_id);

-- API tokens: only the SHA-256 of the token is stored; the token itself is shown once.
CREATE TABLE api_tokens (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id   uuid         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    project_id   uuid REFERENCES projects (id) ON DELETE CASCADE,
    role         varchar(20) CHECK (role IN ('viewer', 'reviewer', 'member', 'lead', 'owner')),
    name         varchar(100) NOT NULL,
    token_hash   varchar(64)  NOT NULL UNIQUE,
    token_prefix varchar(12)  NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    CHECK ((project_id IS NULL) = (role IS NULL))
);
CREATE INDEX api_tokens_account_idx ON api_tokens (account_id);
