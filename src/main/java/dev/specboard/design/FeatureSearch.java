package dev.specboard.design;

import dev.specboard.search.SearchableKind;
import jakarta.enterprise.context.ApplicationScoped;

/** Makes features findable by the project search, by name and what users can do (the seed's GIN index). */
@ApplicationScoped
public class FeatureSearch implements SearchableKind {

    @Override
    public String kind() {
        return "feature";
    }

    @Override
    public String label() {
        return "Features";
    }

    @Override
    public int order() {
        return 36;
    }

    @Override
    public String sql() {
        // The expression matches idx_features_search exactly, so the search stays index-driven.
        return """
                SELECT f.name, f.name, '/projects/' || params.slug || '/features/' || f.id,
                       ts_rank(to_tsvector('specboard_text', f.name || ' ' || COALESCE(f.user_description, '')), params.q),
                       %s
                FROM features f, params WHERE f.project_id = params.project
                  AND to_tsvector('specboard_text', f.name || ' ' || COALESCE(f.user_description, '')) @@ params.q"""
                .formatted(SearchableKind.markdownAsText("f.name || ' — ' || COALESCE(f.user_description, '')"));
    }
}
