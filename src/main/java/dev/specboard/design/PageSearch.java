package dev.specboard.design;

import dev.specboard.search.SearchableKind;
import jakarta.enterprise.context.ApplicationScoped;

/** Makes the design side's pages findable by the project search, by name and purpose (the seed's GIN index). */
@ApplicationScoped
public class PageSearch implements SearchableKind {

    @Override
    public String kind() {
        return "page";
    }

    @Override
    public String label() {
        return "Design pages";
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public String sql() {
        // The expression matches idx_pages_search exactly, so the search stays index-driven.
        return """
                SELECT p.path, p.name, '/projects/' || params.slug || '/pages/' || p.id,
                       ts_rank(to_tsvector('specboard_text', p.name || ' ' || COALESCE(p.purpose, '')), params.q),
                       p.name || ' — ' || COALESCE(p.purpose, '')
                FROM pages p, params WHERE p.project_id = params.project
                  AND to_tsvector('specboard_text', p.name || ' ' || COALESCE(p.purpose, '')) @@ params.q""";
    }
}
