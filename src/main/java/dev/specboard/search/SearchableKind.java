package dev.specboard.search;

/**
 * One kind of thing the project search finds (stories, specs, plans, files, threads...). A feature
 * makes its own things searchable by adding an {@code @ApplicationScoped} bean of this type: the
 * search runs every kind's {@link #sql()} in one statement, each ranked and limited on its own, and
 * groups the answers by kind in {@link #order()}.
 *
 * <p>The fragment is a {@code SELECT} of exactly these columns, in this order:
 * {@code key text, title text, url text, rank real, body text} ({@code body} is the text the
 * highlighted snippet is cut from). It reads the search's parameters from the {@code params} row,
 * which it must list in its {@code FROM}: {@code params.q} (the {@code tsquery}),
 * {@code params.project} (the project's uuid: every row it returns must belong to that project)
 * and {@code params.slug} (for URLs). Match with {@code @@ params.q} against a GIN-indexed
 * {@code tsvector} (a stored column or the exact expression of an expression index), so the search
 * stays index-driven; rank with {@code ts_rank}. Vectors use the {@code specboard_text} configuration
 * (english stems, accents folded: migration V0996), as the query does, or "cafe" would miss "Café". The search orders by rank and limits each kind itself; a fragment orders only when it needs to ({@code DISTINCT ON}).
 */
public interface SearchableKind {

    /** The kind's name in URLs and the API ({@code story}, {@code file}...). */
    String kind();

    /** The heading of its group of results ("Stories"). */
    String label();

    /** Where its group comes among the others (smaller first). */
    int order();

    /** The {@code SELECT} described above. */
    String sql();

    /**
     * A SQL expression that reads the markdown text of {@code expression} as prose for a snippet: link
     * targets, heading and quote marks, bold and code markers go, so a passage reads "we lose 52 minutes"
     * instead of "## Why we lose **52 minutes**". Only for the snippet's body: matching and ranking read
     * the stored vector.
     */
    static String markdownAsText(String expression) {
        return "regexp_replace(regexp_replace(regexp_replace(" + expression
                + ", '!?\\[([^]\n]*)\\]\\([^)\\s]*\\)', '\\1', 'g'), '(^|\\s)#+[ \t]+|(^|\n)[ \t]*>[ \t]?', ' ', 'g'), '\\*\\*+|__|`+', '', 'g')";
    }

    /** A hit's link from its {@code url} column; a kind whose URL holds text that SQL cannot encode (a file path) finishes it here. */
    default String url(String selected) {
        return selected;
    }
}
