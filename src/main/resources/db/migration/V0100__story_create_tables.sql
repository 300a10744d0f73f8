-- Stories, their revisions, bounded contexts and the approvals history (seed 000, DESIGN.md steps 2-3).

-- One row per project: the last story number handed out, so numbers are allocated atomically.
CREATE TABLE story_counters (
    project_id  uuid PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    last_number integer NOT NULL DEFAULT 0
);

CREATE TABLE stories (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id            uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number                integer      NOT NULL CHECK (number > 0),
    title                 varchar(255) NOT NULL,
    description           text         NOT NULL DEFAULT '',
    acceptance_criteria   text,
    status                varchar(20)  NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready', 'implemented')),
    -- Where a draft stands in review: not submitted, waiting for a lead, or sent back with a comment.
    review                varchar(20)  NOT NULL DEFAULT 'none' CHECK (review IN ('none', 'pending', 'changes_requested')),
    review_comment        text,
    dirty                 boolean      NOT NULL DEFAULT false,
    approved              boolean      NOT NULL DEFAULT false,
    version               integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    -- The version the last approval was pinned to, to show what changed since.
    approved_version      integer,
    author_id             uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now(),
    search                tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
            || setweight(to_tsvector('english', coalesce(description, '')), 'B')
            || setweight(to_tsvector('english', coalesce(acceptance_criteria, '')), 'C')) STORED,
    CONSTRAINT stories_project_number_key UNIQUE (project_id, number),
    CHECK (NOT approved OR status IN ('ready', 'implemented'))
);
CREATE INDEX stories_project_status_idx ON stories (project_id, status);
CREATE INDEX stories_author_idx ON stories (author_id);
CREATE INDEX stories_search_idx ON stories USING gin (search);

CREATE TABLE story_revisions (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    story_id            uuid         NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    version             integer      NOT NULL CHECK (version > 0),
    title               varchar(255) NOT NULL,
    description         text         NOT NULL DEFAULT '',
    acceptance_criteria text,
    author_id           uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT story_revisions_story_version_key UNIQUE (story_id, version)
);
CREATE INDEX story_revisions_author_idx ON story_revisions (author_id);

CREATE TABLE contexts (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id  uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name        varchar(255) NOT NULL,
    type        varchar(20)  NOT NULL CHECK (type IN ('domain', 'coordination')),
    purpose     text         NOT NULL,
    description text,
    approved    boolean      NOT NULL DEFAULT false,
    dirty       boolean      NOT NULL DEFAULT false,
    version     integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_by  uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX contexts_project_idx ON contexts (project_id);
CREATE INDEX contexts_created_by_idx ON contexts (created_by);
CREATE UNIQUE INDEX contexts_project_name_key ON contexts (project_id, lower(name));

CREATE TABLE context_stories (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    context_id uuid        NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    story_id   uuid        NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT context_stories_context_story_key UNIQUE (context_id, story_id)
);
CREATE INDEX context_stories_story_idx ON context_stories (story_id);

-- Every saved version of a project's executive summary (projects.executive_summary_version points at the latest).
CREATE TABLE executive_summary_revisions (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    version    integer     NOT NULL CHECK (version > 0),
    content    text        NOT NULL DEFAULT '',
    author_id  uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT executive_summary_revisions_project_version_key UNIQUE (project_id, version)
);
CREATE INDEX executive_summary_revisions_author_idx ON executive_summary_revisions (author_id);

-- Who decided what about which version of an approvable thing, and when.
CREATE TABLE approvals (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id  uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    entity_type varchar(30) NOT NULL CHECK (entity_type IN ('story', 'context', 'executive_summary', 'design_doc', 'spec')),
    entity_id   uuid        NOT NULL,
    version     integer     NOT NULL,
    decision    varchar(20) NOT NULL CHECK (decision IN ('approved', 'changes_requested')),
    comment     text,
    decided_by  uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX approvals_entity_idx ON approvals (entity_type, entity_id, created_at DESC);
CREATE INDEX approvals_project_idx ON approvals (project_id);
CREATE INDEX approvals_decided_by_idx ON approvals (decided_by);
