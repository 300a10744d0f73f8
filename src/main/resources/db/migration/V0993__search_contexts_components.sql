-- Bounded contexts and components are found by the project search: each kind's expression (search/ArchitectureKinds)
-- matches its index exactly, so a search reads the index, not every row.
CREATE INDEX idx_contexts_search ON contexts
    USING GIN (to_tsvector('english', name || ' ' || purpose || ' ' || COALESCE(description, '')));
CREATE INDEX idx_components_search ON components
    USING GIN (to_tsvector('english', name || ' ' || translate(file_path, '/._-', '    ') || ' ' || COALESCE(description, '')));
