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
        // The stored vector (V1008, the words of idx_features_search) matches and ranks: nothing is computed per row.
        return """
                SELECT f.name, f.name, '/projects/' || params.slug || '/features/' || f.id,
                       ts_rank(f.search, params.q),
                       %s
                FROM features f, params WHERE f.project_id = params.project
                  AND f.search @@ params.q"""
                .formatted(SearchableKind.markdownAsText("f.name || ' — ' || COALESCE(f.user_description, '')"));
    }
}
