package dev.specboard.search;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The architecture's searchable kinds: bounded contexts by name, purpose and description, components by name, file
 * path and description. Matching and ranking read each row's stored vector (migration V1005, indexed): its expression was
 * computed for every match to match it, then again to rank it.
 */
final class ArchitectureKinds {

    private ArchitectureKinds() {
    }

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
                    SELECT c.name, c.name, '/projects/' || params.slug || '/contexts/' || c.id, ts_rank(c.search, params.q), %s
                    FROM contexts c, params WHERE c.project_id = params.project AND c.search @@ params.q"""
                    .formatted(SearchableKind.markdownAsText("c.name || ' — ' || c.purpose || ' ' || COALESCE(c.description, '')"));
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
                    SELECT c.name, c.name, '/projects/' || params.slug || '/components/' || c.id, ts_rank(c.search, params.q), %s
                    FROM components c, params WHERE c.project_id = params.project AND c.search @@ params.q"""
                    .formatted(SearchableKind.markdownAsText(
                            "c.name || ' — ' || COALESCE(NULLIF(c.file_path, '') || ' — ', '') || COALESCE(c.description, '')"));
        }
    }
}
