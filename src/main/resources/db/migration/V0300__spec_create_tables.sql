-- Technical specs and implementation tasks (seed 001), scoped to a project.
--
-- A spec links to its story by the seed's roadmap_item_id ('US-12') plus story_number, without a
-- foreign key (stories live in another feature). Hierarchical specs keep the seed's JSON in
-- `content`: {overview, architecture, technology_stack, phases:[{number, name, description, hours,
-- content, assigned_files}]}; monolithic specs keep markdown there. The seed's legacy file_path and
-- the text `dependencies` column are replaced by the spec_dependencies join table.
CREATE TABLE technical_specs (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id           uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    spec_number          integer      NOT NULL CHECK (spec_number > 0),
    title                varchar(255) NOT NULL,
    roadmap_item_id      varchar(50),
    story_number         integer CHECK (story_number > 0),
    status               varchar(20)  NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'approved', 'in_progress', 'complete')),
    spec_type            varchar(20)  NOT NULL DEFAULT 'monolithic' CHECK (spec_type IN ('monolithic', 'hierarchical')),
    content              text         NOT NULL DEFAULT '',
    total_phases         integer      NOT NULL DEFAULT 0 CHECK (total_phases >= 0),
    phase_files          jsonb        NOT NULL DEFAULT '[]',
    estimated_hours      numeric(8, 2) NOT NULL DEFAULT 0 CHECK (estimated_hours >= 0),
    author_id            uuid         NOT NULL REFERENCES accounts (id),
    updated_by           uuid         NOT NULL REFERENCES accounts (id),
    started_at           timestamptz,
    completed_at         timestamptz,
    version              integer      NOT NULL DEFAULT 1,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT technical_specs_project_number_key UNIQUE (project_id, spec_number)
);
CREATE INDEX technical_specs_author_idx ON technical_specs (author_id);
CREATE INDEX technical_specs_updated_by_idx ON technical_specs (updated_by);
CREATE INDEX technical_specs_story_idx ON technical_specs (project_id, story_number);
CREATE INDEX technical_specs_fts_idx ON technical_specs
    USING gin (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(content, '')));

-- Every saved version of a spec, newest last.
CREATE TABLE spec_revisions (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    spec_id     uuid         NOT NULL REFERENCES technical_specs (id) ON DELETE CASCADE,
    version     integer      NOT NULL,
    title       varchar(255) NOT NULL,
    spec_type   varchar(20)  NOT NULL CHECK (spec_type IN ('monolithic', 'hierarchical')),
    content     text         NOT NULL,
    author_id   uuid         NOT NULL REFERENCES accounts (id),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT spec_revisions_spec_version_key UNIQUE (spec_id, version)
);
CREATE INDEX spec_revisions_author_idx ON spec_revisions (author_id);

-- "SPEC-3 depends on SPEC-2": tasks of SPEC-3 can be claimed once SPEC-2 is complete. No cycles (checked by the service).
CREATE TABLE spec_dependencies (
    spec_id       uuid NOT NULL REFERENCES technical_specs (id) ON DELETE CASCADE,
    depends_on_id uuid NOT NULL REFERENCES technical_specs (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (spec_id, depends_on_id),
    CHECK (spec_id <> depends_on_id)
);
CREATE INDEX spec_dependencies_depends_on_idx ON spec_dependencies (depends_on_id);

CREATE TABLE implementation_tasks (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id        uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    spec_id           uuid         NOT NULL REFERENCES technical_specs (id) ON DELETE CASCADE,
    task_id           varchar(50)  NOT NULL CHECK (task_id ~ '^TASK-[0-9]+-[0-9]+$'),
    task_number       integer      NOT NULL CHECK (task_number > 0),
    scope             varchar(100) NOT NULL,
    scope_description text,
    assigned_files    jsonb        NOT NULL DEFAULT '[]',
    branch_name       varchar(255) NOT NULL,
    worktree_path     text,
    status            varchar(20)  NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'claimed', 'in_progress', 'completed', 'merged', 'failed')),
    claimed_by        uuid REFERENCES accounts (id),
    claimed_at        timestamptz,
    started_at        timestamptz,
    completed_at      timestamptz,
    commit_sha        varchar(40) CHECK (commit_sha ~ '^[0-9a-f]{40}$'),
    merged_at         timestamptz,
    failure_reason    text,
    estimated_hours   numeric(8, 2) NOT NULL DEFAULT 0 CHECK (estimated_hours >= 0),
    actual_hours      numeric(8, 2) CHECK (actual_hours >= 0),
    created_by        uuid         NOT NULL REFERENCES accounts (id),
    version           integer      NOT NULL DEFAULT 1,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT implementation_tasks_project_task_key UNIQUE (project_id, task_id),
    CONSTRAINT implementation_tasks_project_branch_key UNIQUE (project_id, branch_name),
    CONSTRAINT implementation_tasks_spec_scope_key UNIQUE (spec_id, scope),
    CHECK (status = 'pending' OR status = 'failed' OR claimed_by IS NOT NULL),
    CHECK (status NOT IN ('completed', 'merged') OR commit_sha IS NOT NULL)
);
CREATE INDEX implementation_tasks_spec_idx ON implementation_tasks (spec_id);
CREATE INDEX implementation_tasks_claimed_by_idx ON implementation_tasks (claimed_by);
CREATE INDEX implementation_tasks_created_by_idx ON implementation_tasks (created_by);
CREATE INDEX implementation_tasks_pending_idx ON implementation_tasks (project_id, created_at) WHERE status = 'pending';
CREATE INDEX implementation_tasks_commit_idx ON implementation_tasks (project_id, commit_sha) WHERE commit_sha IS NOT NULL;

-- Every status change of a task: who, how (web page or API token), when, why.
CREATE TABLE task_events (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id     uuid        NOT NULL REFERENCES implementation_tasks (id) ON DELETE CASCADE,
    from_status varchar(20) CHECK (from_status IN ('pending', 'claimed', 'in_progress', 'completed', 'merged', 'failed')),
    to_status   varchar(20) NOT NULL CHECK (to_status IN ('pending', 'claimed', 'in_progress', 'completed', 'merged', 'failed')),
    actor_id    uuid REFERENCES accounts (id),
    via         varchar(10) NOT NULL CHECK (via IN ('web', 'token', 'system')),
    note        text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_events_task_idx ON task_events (task_id, created_at);
CREATE INDEX task_events_actor_idx ON task_events (actor_id);

-- Work-in-progress limits of the board's columns, set by a lead.
CREATE TABLE board_wip_limits (
    project_id uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    status     varchar(20) NOT NULL CHECK (status IN ('pending', 'claimed', 'in_progress', 'completed', 'merged', 'failed')),
    wip_limit  integer     NOT NULL CHECK (wip_limit > 0),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, status)
);
