package dev.specboard.design;

import dev.specboard.search.SearchableKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes the design side's pages findable by the project search, by name and purpose (the stored vector) and by the words
 * of their path, ranked below them.
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

    @Override
    public String sql() {
        // The stored vector (V1008, the words of idx_pages_search) matches and ranks name and purpose. It holds no path,
        // so the path's words are read as a file's path is (every run of other characters a space), and also matched by
        // a path typed as one word (params.path_q, /checkout/history): for the project's pages only, each a short path,
        // once per page (OFFSET 0 keeps PostgreSQL from computing them again to rank). Holding them in the stored vector
        // would need a migration of its trigger. A page found by its path alone ranks a tenth of what its path's words
        // would: "checkout" found the pages named Checkout, and not "Order History" at /checkout/history; now it finds
        // that one too, after them, its path leading its snippet.
        return """
                SELECT w.path, w.name, '/projects/' || params.slug || '/pages/' || w.id,
                       CAST(CASE WHEN w.named THEN ts_rank(w.search, params.q)
                            ELSE greatest(ts_rank(w.words, params.q), coalesce(ts_rank(w.words, params.path_q), 0)) / 10 END AS real),
                       CASE WHEN w.named THEN '' ELSE w.path || ' — ' END || w.name || ' — ' || COALESCE(w.purpose, '')
                FROM (SELECT pp.id, pp.path, pp.name, pp.purpose, pp.search, pp.search @@ params.q AS named,
                             to_tsvector('specboard_text', regexp_replace(pp.path, '[^[:alnum:]]+', ' ', 'g')) AS words
                      FROM pages pp, params WHERE pp.project_id = params.project OFFSET 0) w, params
                WHERE w.named OR w.words @@ params.q OR w.words @@ params.path_q""";
    }
}
