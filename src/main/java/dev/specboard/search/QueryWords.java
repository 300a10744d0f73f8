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
     * The endings the english stemmer cuts from a word, whole or begun: a prefix that runs past a word's stored stem
     * ("authenticati" of "authentication", stored as "authent") is that stem followed by the start of one of them.
     * Letters and bars only, as it stands in the SQL.
     */
    static final String ENDINGS = "|ing|ingly|ings|ed|edly|es|ies|ied|s|ly|ness|nesses|ment|ments|ement|ements|ation|ations|ational"
            + "|ationally|ization|izations|isation|isations|ize|izes|ized|izing|izer|izers|ise|ises|ised|ising|iser|ate|ates|ated|ating"
            + "|ator|ators|ative|atives|ance|ances|ence|ences|ency|encies|ancy|ancies|er|ers|est|ic|ics|ical|ically|icate|icates|icity"
            + "|ication|ications|ibility|ibilities|ability|abilities|able|ably|ible|ibly|ant|ants|ent|ents|ently|ism|isms|ist|ists|ity"
            + "|ities|ive|ives|ively|iveness|ivity|ivities|ous|ously|ousness|al|als|ally|alism|ality|alities|alize|alization|ional"
            + "|ionals|ionally|ionalism|ionalist|ionalize|ionalization|ful|fully|fulness|less|lessly|lessness|ion|ions|y|";

    /** The longest last word expanded to the words it may begin ({@link #TSQUERY}): "internationalization" has 20 letters. */
    static final int LONGEST_EXPANDED = 40;

    /** The prefix's stemmed last lexeme marked {@code :*} (a tsquery's text form always ends its last lexeme with a quote). */
    private static final String STEMMED = """
            CAST(regexp_replace(CAST(websearch_to_tsquery('specboard_text', ?6) AS text), '''$', ''':*') AS tsquery)""";

    /** The query as typed: the words websearch reads and the prefix, joined again. */
    private static final String TYPED = "(CAST(?1 AS text) || CAST(?6 AS text))";

    /**
     * The tsquery of a file name or path typed as one word ({@code q.sql}, {@code UserService.java},
     * {@code src/UserService.java}), read as {@code file_texts} indexes a path (migration V0996): camel case split, every
     * run of other characters a space, its parts in that order, the last one begun. The text parser reads {@code q.sql}
     * as one host or file token, which no path's vector holds, so such a search found only the files whose text named
     * it, not the file itself. Null for any other query (words, a phrase, an excluded {@code -word}).
     */
    static final String PATH_TSQUERY = """
            CASE WHEN %1$s ~ '^[^[:space:]"-][^[:space:]"]*$' AND %1$s ~ '[^[:alnum:]]|[a-z0-9][A-Z]'
                 THEN CAST(NULLIF(regexp_replace(CAST(phraseto_tsquery('specboard_text', regexp_replace(regexp_replace(%1$s,
                     '([a-z0-9])([A-Z])', '\\1 \\2', 'g'), '[^[:alnum:]]+', ' ', 'g')) AS text), '''$', ''':*'), '') AS tsquery) END"""
            .formatted(TYPED);

    /**
     * The tsquery of {@code ?1} (the text) and {@code ?6} (the prefix): websearch's reading of both, the prefix's last
     * lexeme marked {@code :*}. An empty part matches with the other alone.
     * <p>
     * The stemmed prefix alone missed many prefixes of a word: "authenticati" stems to itself, no prefix of the stored
     * "authent". So a prefix of plain letters (3 or more, accents folded) also matches, in the same statement, as typed
     * ({@code authenticati:*}, for prefixes shorter than the stem; not for a stopword, "the" is more likely whole) and as
     * the stems of the words it begins that end in one of the stemmer's {@link #ENDINGS}: a leading part of it followed by
     * an ending that starts with the rest ("authenticati" + "on", "runn" + "ing", "hop" + "ing" stem to "authent", "run",
     * "hope"). The stemmer itself says what such a word is stored as, so a shorter word that no word of the prefix stems to
     * is not found: "checkout" does not find "check". A stem must keep the leading part it was made of (but a doubled
     * consonant, "runn" of "running"): the stemmer also cuts made-up words, "authe" + "ness" to "auth", and "authen" found
     * "auth" that way. A stem that begins with the prefix is left out, as the prefix as typed finds it already.
     * <p>
     * Only a prefix of at most {@link #LONGEST_EXPANDED} letters is expanded: the work is every leading part times every
     * ending, each stemmed, and a 500-letter word took seconds, for every kind, holding a connection all the while. No
     * word is that long; a longer one is matched by its stem alone (the stemmed prefix).
     */
    static final String TSQUERY = """
            CASE WHEN CAST(?6 AS text) = '' THEN websearch_to_tsquery('specboard_text', ?1)
                 ELSE websearch_to_tsquery('specboard_text', ?1) && COALESCE(%1$s || (
                     SELECT to_tsquery('simple', string_agg(c.lexemes, ' | ')) FROM (SELECT lower(unaccent(CAST(?6 AS text))) AS w) AS p
                     CROSS JOIN LATERAL (SELECT p.w || ':*' UNION SELECT v.lexeme
                         FROM generate_series(3, length(p.w)) AS k CROSS JOIN unnest(string_to_array('%2$s', '|')) AS e (ending)
                         CROSS JOIN LATERAL unnest(to_tsvector('specboard_text', left(p.w, k) || e.ending)) AS v (lexeme, positions, weights)
                         WHERE e.ending <> '' AND starts_with(e.ending, substr(p.w, k + 1)) AND NOT starts_with(v.lexeme, p.w)
                             AND (length(v.lexeme) >= k OR (v.lexeme = left(p.w, k - 1) AND substr(p.w, k, 1) = substr(p.w, k - 1, 1)))
                     ) AS c (lexemes)
                     WHERE p.w ~ '^[a-z]{3,%3$d}$' AND numnode(websearch_to_tsquery('specboard_text', ?6)) > 0), %1$s) END""".formatted(STEMMED, ENDINGS, LONGEST_EXPANDED);
}
