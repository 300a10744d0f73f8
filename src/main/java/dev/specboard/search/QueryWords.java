package dev.specboard.search;

import java.util.regex.Pattern;

/**
 * The words of a search as someone typing them means them: in plain words the last one may be unfinished, so it also
 * matches as a prefix ("auth" finds "authentication"). A query using websearch syntax ({@code "a phrase"}, {@code or})
 * or ending in an excluded {@code -word} is read by {@code websearch_to_tsquery} exactly as typed. {@code text} is what
 * websearch reads, {@code prefix} the last word ("" for none): SQL turns it into a tsquery with PostgreSQL's own parser
 * and only then marks its last lexeme {@code :*}, so no character typed is ever read as tsquery syntax.
 */
record QueryWords(String text, String prefix) {

    private static final Pattern OR = Pattern.compile("(?i)(^|\\s)or(\\s|$)");

    /** The query (stripped, not empty) split into the words websearch reads and the last word to match as a prefix. */
    static QueryWords of(String q) {
        if (q.indexOf('"') >= 0 || OR.matcher(q).find()) {
            return new QueryWords(q, "");
        }
        int cut = q.length() - 1;
        while (cut >= 0 && !Character.isWhitespace(q.charAt(cut))) {
            cut--;
        }
        String last = q.substring(cut + 1);
        if (last.startsWith("-")) {
            return new QueryWords(q, "");
        }
        return new QueryWords(q.substring(0, cut + 1), last);
    }

    /**
     * The tsquery of {@code ?1} (the text) and {@code ?6} (the prefix): websearch's reading of both, the prefix's last
     * lexeme marked {@code :*} (a tsquery's text form always ends its last lexeme with a quote). An empty part matches
     * with the other alone.
     */
    static final String TSQUERY = """
            CASE WHEN CAST(?6 AS text) = '' THEN websearch_to_tsquery('specboard_text', ?1)
                 ELSE websearch_to_tsquery('specboard_text', ?1) && CAST(regexp_replace(
                     CAST(websearch_to_tsquery('specboard_text', ?6) AS text), '''$', ''':*') AS tsquery) END""";
}
