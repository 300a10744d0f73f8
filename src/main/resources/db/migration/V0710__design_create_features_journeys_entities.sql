-- Seed 004's design side, part 2: features (and the stories that realise them), journey flows and their
-- nodes, the entities inferred from mockups, and the assistant's thinking chain (DESIGN.md point 12).

CREATE TABLE features (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id             uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name                   varchar(255) NOT NULL,
    user_description       text,
    category               varchar(100),
    status                 varchar(50)  NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'completed')),
    affected_pages         uuid[]       NOT NULL DEFAULT '{}',
    required_journeys      uuid[]       NOT NULL DEFAULT '{}',
    data_operations        jsonb        NOT NULL DEFAULT '{}',
    ui_requirements        jsonb        NOT NULL DEFAULT '[]',
    business_rules         jsonb        NOT NULL DEFAULT '[]',
    technical_requirements jsonb        NOT NULL DEFAULT '{}',
    detected_from_mockups  boolean      NOT NULL DEFAULT false,
    wizard_generated       boolean      NOT NULL DEFAULT false,
    visual_specifications  jsonb        NOT NULL DEFAULT '{}',
    version                integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX idx_features_project_id ON features (project_id);
CREATE INDEX idx_features_category ON features (category);
CREATE INDEX idx_features_affected_pages ON features USING GIN (affected_pages);
CREATE INDEX idx_features_search ON features USING GIN (to_tsvector('english', name || ' ' || COALESCE(user_description, '')));

-- The user stories that realise a feature (a story may realise several features).
CREATE TABLE feature_stories (
    feature_id uuid        NOT NULL REFERENCES features (id) ON DELETE CASCADE,
    story_id   uuid        NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    drafted    boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (feature_id, story_id)
);
CREATE INDEX feature_stories_story_idx ON feature_stories (story_id);

CREATE TABLE journey_flows (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id       uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name             varchar(255) NOT NULL,
    description      text,
    flow_type        varchar(50) CHECK (flow_type IN ('user', 'admin', 'system', 'error')),
    is_primary       boolean      NOT NULL DEFAULT false,
    canvas_state     jsonb        NOT NULL DEFAULT '{}',
    viewport         jsonb        NOT NULL DEFAULT '{}',
    filters_applied  jsonb        NOT NULL DEFAULT '{}',
    display_settings jsonb        NOT NULL DEFAULT '{}',
    version          integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX journey_flows_project_idx ON journey_flows (project_id);

CREATE TABLE flow_nodes (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    flow_id     uuid         NOT NULL REFERENCES journey_flows (id) ON DELETE CASCADE,
    -- The key agents and connections name a node by (the API's nodes[].key), unique in its flow.
    node_key    varchar(100) NOT NULL,
    node_type   varchar(50)  NOT NULL CHECK (node_type IN ('screen', 'decision', 'annotation', 'database', 'action')),
    position    jsonb        NOT NULL DEFAULT '{}',
    size        jsonb        NOT NULL DEFAULT '{}',
    data        jsonb        NOT NULL DEFAULT '{}',
    connections jsonb        NOT NULL DEFAULT '[]',
    locked      boolean      NOT NULL DEFAULT false,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT flow_nodes_key UNIQUE (flow_id, node_key)
);
CREATE INDEX idx_flow_nodes_flow_id ON flow_nodes (flow_id);
CREATE INDEX idx_node_data ON flow_nodes USING GIN (data);

CREATE TABLE inferred_entities (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id       uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    entity_name      varchar(100) NOT NULL,
    plural_name      varchar(100),
    description      text,
    fields           jsonb        NOT NULL DEFAULT '{}',
    relationships    jsonb        NOT NULL DEFAULT '[]',
    crud_locations   jsonb        NOT NULL DEFAULT '{}',
    validation_rules jsonb        NOT NULL DEFAULT '{}',
    business_rules   jsonb        NOT NULL DEFAULT '[]',
    confidence_score float        NOT NULL DEFAULT 0.5 CHECK (confidence_score BETWEEN 0 AND 1),
    user_confirmed   boolean      NOT NULL DEFAULT false,
    -- The name the inference gave it, so that a renamed entity is still the one a later inference finds.
    inferred_name    varchar(100) NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (project_id, entity_name),
    CONSTRAINT inferred_entities_inferred_key UNIQUE (project_id, inferred_name)
);
CREATE INDEX idx_entities_confidence ON inferred_entities (project_id, confidence_score DESC);
CREATE INDEX idx_entity_fields ON inferred_entities USING GIN (fields);

CREATE TABLE ai_thinking_chain (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id         uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    wizard_run_id      uuid REFERENCES wizard_runs (id) ON DELETE SET NULL,
    thought_type       varchar(50) NOT NULL CHECK (thought_type IN ('observation', 'assumption', 'decision', 'question', 'inference')),
    reasoning          text        NOT NULL,
    confidence         float       NOT NULL DEFAULT 0.5 CHECK (confidence BETWEEN 0 AND 1),
    source_description text,
    depends_on         uuid[]      NOT NULL DEFAULT '{}',
    leads_to           uuid[]      NOT NULL DEFAULT '{}',
    is_assumption      boolean     NOT NULL DEFAULT false,
    needs_answer       boolean     NOT NULL DEFAULT false,
    has_alternatives   boolean     NOT NULL DEFAULT false,
    alternatives       jsonb       NOT NULL DEFAULT '[]',
    status             varchar(50) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revised', 'rejected', 'confirmed')),
    user_feedback      text,
    -- What the thought is about ("entity:Contact", "field:Contact.email"): one thought per subject, so a
    -- rejected inference stays rejected when the mockups are read again.
    subject_key        varchar(300),
    -- A thought it depends on was rejected: someone should look at it again.
    needs_review       boolean     NOT NULL DEFAULT false,
    decided_by         uuid REFERENCES accounts (id) ON DELETE SET NULL,
    decided_at         timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ai_thinking_chain_subject_key UNIQUE (project_id, subject_key)
);
CREATE INDEX ai_thinking_chain_project_idx ON ai_thinking_chain (project_id, created_at);
CREATE INDEX ai_thinking_chain_wizard_idx ON ai_thinking_chain (wizard_run_id);
CREATE INDEX ai_thinking_chain_decided_by_idx ON ai_thinking_chain (decided_by);
CREATE INDEX ai_thinking_chain_depends_idx ON ai_thinking_chain USING GIN (depends_on);
CREATE INDEX ai_thinking_chain_open_questions_idx ON ai_thinking_chain (project_id) WHERE needs_answer AND status = 'active';
