-- Components, their dependency graph, design docs with revisions, and work sessions (seed 000, DESIGN.md step 4).

CREATE TABLE components (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id     uuid          NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    context_id     uuid REFERENCES contexts (id) ON DELETE SET NULL,
    name           varchar(255)  NOT NULL,
    type           varchar(20)   NOT NULL DEFAULT 'other'
        CHECK (type IN ('context', 'schema', 'controller', 'liveview', 'genserver', 'task', 'other')),
    file_path      varchar(1000) NOT NULL DEFAULT '',
    description    text,
    docs_complete  boolean       NOT NULL DEFAULT false,
    code_complete  boolean       NOT NULL DEFAULT false,
    tests_complete boolean       NOT NULL DEFAULT false,
    -- Set when a story of the component's context changed after approval; approving the design doc clears it.
    dirty          boolean       NOT NULL DEFAULT false,
    version        integer       NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX components_project_idx ON components (project_id);
CREATE INDEX components_context_idx ON components (context_id);
-- Names identify components in a reported cycle, so they are unique per project.
CREATE UNIQUE INDEX components_project_name_key ON components (project_id, lower(name));

CREATE TABLE component_dependencies (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id    uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    component_id  uuid        NOT NULL REFERENCES components (id) ON DELETE CASCADE,
    depends_on_id uuid        NOT NULL REFERENCES components (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT component_dependencies_component_depends_on_key UNIQUE (component_id, depends_on_id),
    CHECK (component_id <> depends_on_id)
);
CREATE INDEX component_dependencies_project_idx ON component_dependencies (project_id);
CREATE INDEX component_dependencies_depends_on_idx ON component_dependencies (depends_on_id);

CREATE TABLE design_docs (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    component_id     uuid        NOT NULL UNIQUE REFERENCES components (id) ON DELETE CASCADE,
    content          text        NOT NULL DEFAULT '',
    approved         boolean     NOT NULL DEFAULT false,
    version          integer     NOT NULL DEFAULT 1 CHECK (version > 0),
    approved_version integer,
    updated_by       uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX design_docs_updated_by_idx ON design_docs (updated_by);

CREATE TABLE design_doc_revisions (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    design_doc_id uuid        NOT NULL REFERENCES design_docs (id) ON DELETE CASCADE,
    version       integer     NOT NULL CHECK (version > 0),
    content       text        NOT NULL DEFAULT '',
    author_id     uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT design_doc_revisions_doc_version_key UNIQUE (design_doc_id, version)
);
CREATE INDEX design_doc_revisions_author_idx ON design_doc_revisions (author_id);

-- Seed table "sessions", renamed to keep it apart from login sessions.
CREATE TABLE work_sessions (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id   uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    session_type varchar(20) NOT NULL CHECK (session_type IN ('design', 'test', 'implementation', 'setup')),
    target_type  varchar(20) NOT NULL CHECK (target_type IN ('component', 'context', 'project')),
    target_id    uuid        NOT NULL,
    status       varchar(20) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_progress', 'complete', 'failed')),
    result_note  text,
    created_by   uuid REFERENCES accounts (id) ON DELETE SET NULL,
    claimed_by   uuid REFERENCES accounts (id) ON DELETE SET NULL,
    claimed_at   timestamptz,
    completed_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (status = 'pending' OR claimed_at IS NOT NULL)
);
CREATE INDEX work_sessions_project_status_idx ON work_sessions (project_id, status, created_at);
CREATE INDEX work_sessions_target_idx ON work_sessions (target_id);
CREATE INDEX work_sessions_created_by_idx ON work_sessions (created_by);
CREATE INDEX work_sessions_claimed_by_idx ON work_sessions (claimed_by);
