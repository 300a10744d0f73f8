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
     * targets and reference definitions (as the stored vectors drop them: {@code markdown_text}, V1011), heading and
     * quote marks, bold and code markers go, so a passage reads "we lose 52 minutes" instead of
     * "## Why we lose **52 minutes**". Only for the snippet's body: matching and ranking read the stored vector.
     */
    static String markdownAsText(String expression) {
        return "regexp_replace(regexp_replace(markdown_text(" + expression
                + "), '(^|\\s)#+[ \t]+|(^|\n)[ \t]*>[ \t]?', ' ', 'g'), '\\*\\*+|__|`+', '', 'g')";
    }

    /**
     * Whether {@link #sql()} ranks only the first matches it finds when very many match (reading every match's vector to
     * rank it costs too much): it then returns a sixth column, {@code partial boolean}, true on each of its rows when more
     * matched than it ranked, and the search says so (the page in words, the API in a header).
     */
    default boolean ranksSome() {
        return false;
    }

    /** A hit's link from its {@code url} column; a kind whose URL holds text that SQL cannot encode (a file path) finishes it here. */
    default String url(String selected) {
        return selected;
    }

    /**
     * What a row's rank gains when the query is its whole title or its key ({@code Zebra filler 2}, {@code US-3}), so that
     * the thing named exactly comes first: ranked by its words alone, "Zebra filler 20" to "25" came before it.
     * {@code params.typed} is the query in lower case. A kind that cuts its rows before the search ranks them adds
     * it to the order it cuts in, or it could cut the row the search puts first.
     */
    static String exactBonus(String title, String key) {
        return "CASE WHEN lower(" + title + ") = params.typed OR lower(" + key + ") = params.typed THEN 10 ELSE 0 END";
    }

    /**
     * A row's key with each run of digits padded to 20 places, so that ties order by the thing's number (US-1, US-2,
     * ..., US-10), not as text (US-1, US-10, US-11, US-2). The key itself follows it, for the rare run longer than that.
     */
    static String sortKey(String key) {
        return "regexp_replace(regexp_replace(" + key + ", '([0-9]+)', '00000000000000000000\\1', 'g'), '[0-9]*([0-9]{20})', '\\1', 'g')";
    }

    /**
     * The number a query typed as a key with this prefix names ({@code US-12} with {@code US-} gives 12; any case), or
     * null: a key is not a word the text vectors hold, so {@code US-3} found nothing.
     */
    static String keyNumber(String prefix) {
        return "CAST(substring(params.typed, '^" + prefix.toLowerCase(java.util.Locale.ROOT) + "([0-9]{1,9})$') AS int)";
    }
}
