package dev.specboard.design;

import dev.specboard.search.SearchableKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes the design side's pages findable by the project search, by name and purpose and, ranked below them, by the words of
 * their path (the stored vector holds both).
 */
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

    /**
     * What a word weighs in a page's rank (ts_rank's weights, D to A): name and purpose (A) as much as the vector's words
     * weighed when it held them alone, unweighted (D, 0.1), and a path's words (D) a tenth of that.
     */
    private static final String WEIGHTS = "CAST('{0.01, 0, 0, 0.1}' AS real[])";

    @Override
    public String sql() {
        // The stored vector (V1010, the words of idx_pages_search) holds name and purpose (weight A) and the path's words
        // (D), so it matches and ranks alone: nothing is computed per row. A path typed as one word (params.path_q,
        // /checkout/history) matches as files' paths do. A page found by its path alone ranks a tenth of what it would by
        // its name, after the pages named so, and its path leads its snippet: only those words of the vector are read.
        return """
                SELECT p.path, p.name, '/projects/' || params.slug || '/pages/' || p.id,
                       greatest(ts_rank(%1$s, p.search, params.q), coalesce(ts_rank(%1$s, p.search, params.path_q), 0)),
                       CASE WHEN ts_filter(p.search, '{a}') @@ params.q THEN '' ELSE p.path || ' — ' END
                           || p.name || ' — ' || %2$s
                FROM pages p, params WHERE p.project_id = params.project
                  AND (p.search @@ params.q OR p.search @@ params.path_q)""".formatted(WEIGHTS, SearchableKind.markdownAsText("COALESCE(p.purpose, '')"));
    }
}
