package dev.specboard.search;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The architecture's searchable kinds: bounded contexts by name, purpose and description, components by name, file
 * path and description. Each expression is its index's own (migrations V0993, V0996), so the search reads the index.
 */
final class ArchitectureKinds {

    private ArchitectureKinds() {
    }

    static final String CONTEXT_VECTOR = "to_tsvector('specboard_text', c.name || ' ' || c.purpose || ' ' || COALESCE(c.description, ''))";

    // The path's slashes, dots, dashes and underscores become spaces, so that "checkout" finds lib/shop/checkout_basket.ex.
    static final String COMPONENT_VECTOR =
            "to_tsvector('specboard_text', c.name || ' ' || translate(c.file_path, '/._-', '    ') || ' ' || COALESCE(c.description, ''))";

    @ApplicationScoped
    static class Contexts implements SearchableKind {
        public String kind() {
            return "context";
        }

        public String label() {
            return "Bounded contexts";
        }

        public int order() {
            return 32;
        }

        public String sql() {
            return """
                    SELECT c.name, c.name, '/projects/' || params.slug || '/contexts/' || c.id, ts_rank(%1$s, params.q), %2$s
                    FROM contexts c, params WHERE c.project_id = params.project AND %1$s @@ params.q"""
                    .formatted(CONTEXT_VECTOR, SearchableKind.markdownAsText("c.name || ' — ' || c.purpose || ' ' || COALESCE(c.description, '')"));
        }
    }

    @ApplicationScoped
    static class Components implements SearchableKind {
        public String kind() {
            return "component";
        }

        public String label() {
            return "Components";
        }

        public int order() {
            return 33;
        }

        public String sql() {
            return """
                    SELECT c.name, c.name, '/projects/' || params.slug || '/components/' || c.id, ts_rank(%1$s, params.q), %2$s
                    FROM components c, params WHERE c.project_id = params.project AND %1$s @@ params.q"""
                    .formatted(COMPONENT_VECTOR, SearchableKind.markdownAsText(
                            "c.name || ' — ' || COALESCE(NULLIF(c.file_path, '') || ' — ', '') || COALESCE(c.description, '')"));
        }
    }
}
