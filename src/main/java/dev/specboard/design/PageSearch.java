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
        // The stored vector (V1008, the words of idx_pages_search) matches and ranks: nothing is computed per row.
        return """
                SELECT p.path, p.name, '/projects/' || params.slug || '/pages/' || p.id,
                       ts_rank(p.search, params.q),
                       p.name || ' — ' || COALESCE(p.purpose, '')
                FROM pages p, params WHERE p.project_id = params.project
                  AND p.search @@ params.q""";
    }
}
