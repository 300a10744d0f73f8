-- Seed 004's design side, part 1: the pages of the app being designed, their versioned mockups, the
-- design system that emerges from the mockups, and the context items members add (DESIGN.md point 12).

CREATE TABLE design_systems (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id             uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    generation_method      varchar(50) NOT NULL DEFAULT 'emergent' CHECK (generation_method IN ('prescribed', 'emergent', 'hybrid')),
    tokens                 jsonb       NOT NULL DEFAULT '{}',
    component_patterns     jsonb       NOT NULL DEFAULT '{}',
    confidence_scores      jsonb       NOT NULL DEFAULT '{}',
    user_confirmations     jsonb       NOT NULL DEFAULT '{}',
    -- The recompute job: a saved mockup sets recompute_requested_at; a worker claims the row with a lease.
    recompute_requested_at timestamptz,
    computed_at            timestamptz,
    mockup_count           integer     NOT NULL DEFAULT 0,
    locked_by              varchar(64),
    lease_until            timestamptz,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT design_systems_project_key UNIQUE (project_id)
);
CREATE INDEX idx_design_tokens ON design_systems USING GIN (tokens);
CREATE INDEX design_systems_recompute_idx ON design_systems (recompute_requested_at) WHERE recompute_requested_at IS NOT NULL;

CREATE TABLE pages (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id        uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    parent_id         uuid REFERENCES pages (id),
    name              varchar(255) NOT NULL,
    slug              varchar(255) NOT NULL,
    path              varchar(500) NOT NULL,
    type              varchar(50)  NOT NULL DEFAULT 'page' CHECK (type IN ('page', 'layout', 'component', 'modal')),
    purpose           text,
    primary_device    varchar(50)  NOT NULL DEFAULT 'responsive' CHECK (primary_device IN ('mobile', 'tablet', 'desktop', 'responsive')),
    current_mockup_id uuid,
    status            varchar(50)  NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'designed', 'approved', 'built')),
    key_elements      jsonb        NOT NULL DEFAULT '[]',
    related_patterns  jsonb        NOT NULL DEFAULT '[]',
    usage_contexts    jsonb        NOT NULL DEFAULT '[]',
    sort_order        integer      NOT NULL DEFAULT 0,
    is_placeholder    boolean      NOT NULL DEFAULT false,
    wizard_generated  boolean      NOT NULL DEFAULT false,
    approved_by       uuid REFERENCES accounts (id) ON DELETE SET NULL,
    approved_at       timestamptz,
    version           integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pages_project_path_key UNIQUE (project_id, path),
    -- The seed's '^/[a-z0-9-/]*$': PostgreSQL reads "9-/" as a bad range, so the hyphen moves to the end (same set).
    CONSTRAINT valid_path CHECK (path ~ '^/[a-z0-9/-]*$'),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX idx_pages_project_id ON pages (project_id);
CREATE INDEX idx_pages_parent_id ON pages (parent_id);
CREATE INDEX idx_pages_current_mockup ON pages (current_mockup_id);
CREATE INDEX pages_approved_by_idx ON pages (approved_by);
-- Full-text search over pages, as the seed asks (the project search may use it).
CREATE INDEX idx_pages_search ON pages USING GIN (to_tsvector('english', name || ' ' || COALESCE(purpose, '')));

CREATE TABLE mockups (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    page_id            uuid        NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    version            integer     NOT NULL CHECK (version > 0),
    html_content       text        NOT NULL,
    css_content        text,
    javascript_content text,
    responsive_rules   jsonb       NOT NULL DEFAULT '{}',
    extracted_patterns jsonb       NOT NULL DEFAULT '{}',
    interactions       jsonb       NOT NULL DEFAULT '[]',
    change_description text,
    changed_by         varchar(50) NOT NULL DEFAULT 'user' CHECK (changed_by IN ('user', 'ai', 'wizard')),
    author_id          uuid REFERENCES accounts (id) ON DELETE SET NULL,
    parent_mockup_id   uuid REFERENCES mockups (id),
    user_feedback      jsonb       NOT NULL DEFAULT '{}',
    ai_notes           jsonb       NOT NULL DEFAULT '{}',
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT mockups_page_version_key UNIQUE (page_id, version)
);
CREATE INDEX idx_mockups_page_id ON mockups (page_id);
CREATE INDEX idx_mockups_version ON mockups (page_id, version DESC);
CREATE INDEX mockups_parent_idx ON mockups (parent_mockup_id);
CREATE INDEX mockups_author_idx ON mockups (author_id);

ALTER TABLE pages ADD CONSTRAINT pages_current_mockup_fk FOREIGN KEY (current_mockup_id) REFERENCES mockups (id) ON DELETE SET NULL;

-- The seed's "context soup": text, URLs, files and screenshots with their analysis and usage.
CREATE TABLE user_context_items (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id         uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    item_type          varchar(50) NOT NULL CHECK (item_type IN ('screenshot', 'url', 'text', 'file', 'mockup')),
    content_url        text,
    content_text       text,
    content_metadata   jsonb       NOT NULL DEFAULT '{}',
    ai_analysis        jsonb       NOT NULL DEFAULT '{}',
    categories         text[]      NOT NULL DEFAULT '{}',
    tags               text[]      NOT NULL DEFAULT '{}',
    relevance_scores   jsonb       NOT NULL DEFAULT '{}',
    times_referenced   integer     NOT NULL DEFAULT 0,
    last_referenced_at timestamptz,
    referenced_in      jsonb       NOT NULL DEFAULT '[]',
    submitted_at       timestamptz NOT NULL DEFAULT now(),
    submitted_context  text,
    submitted_by       uuid REFERENCES accounts (id) ON DELETE SET NULL,
    -- Where an uploaded file is kept, relative to the context-item store; never served inline.
    storage_key        varchar(500),
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_user_context_items_project ON user_context_items (project_id);
CREATE INDEX idx_user_context_items_type ON user_context_items (item_type);
CREATE INDEX user_context_items_submitted_by_idx ON user_context_items (submitted_by);
CREATE INDEX user_context_items_tags_idx ON user_context_items USING GIN (tags);
CREATE INDEX user_context_items_referenced_idx ON user_context_items USING GIN (referenced_in);
