package dev.specboard.search;

import dev.specboard.kernel.StatementTimeout;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One full-text search over a project (PostgreSQL {@code websearch_to_tsquery}, GIN indexes,
 * {@code ts_rank}, {@code ts_headline} snippets) across every {@link SearchableKind}, in one statement
 * whatever the number of kinds, with every kind's rows limited to that project. Query, vectors and snippets
 * share the {@code specboard_text} configuration, which folds accents.
 */
@ApplicationScoped
public class SearchService {

    /** The longest search accepted, in characters. */
    public static final int MAX_QUERY = 500;
    /** Results per kind when all kinds are shown. */
    public static final int PER_KIND = 5;
    /** Results per page when one kind is shown. */
    public static final int PAGE_SIZE = 20;
    /** How many results of one kind can be paged through at most (1,000 pages). */
    static final int MAX_RESULTS = 1000 * PAGE_SIZE;

    @Inject
    EntityManager em;

    @Inject
    Instance<SearchableKind> registered;

    /**
     * How long one search statement may run: typed searches answer in milliseconds, and one that runs for seconds is
     * better stopped (503, try again) than left holding a connection until the transaction's timeout and beyond.
     */
    @ConfigProperty(name = "specboard.search.timeout-seconds")
    int timeoutSeconds;

    /** The searchable kinds, in their display order. */
    public List<SearchableKind> kinds() {
        List<SearchableKind> all = new ArrayList<>();
        registered.forEach(all::add);
        all.sort(Comparator.comparingInt(SearchableKind::order));
        return all;
    }

    /** The kinds' names ({@code story}, {@code spec}, ...), in their display order: what {@code ?kind=} may name. */
    public List<String> kindNames() {
        return kinds().stream().map(SearchableKind::kind).toList();
    }

    public Optional<SearchableKind> kind(String name) {
        return kinds().stream().filter(k -> k.kind().equals(name)).findFirst();
    }

    /**
     * The project's things matching the query, grouped by kind in their order: {@code limit} per kind
     * from {@code offset}, each group flagged when it has more. {@code kind} null means every kind. Callers pass a
     * project the caller is a member of: no result comes from another project.
     */
    @Transactional
    public List<SearchView.Group> search(UUID projectId, String slug, String query, String kind, int limit, int offset) {
        String q = query(query);
        List<SearchableKind> kinds = kind == null ? kinds() : List.of(known(kind));
        Map<String, List<SearchHit>> found = new LinkedHashMap<>();
        Map<String, SearchableKind> byName = new LinkedHashMap<>();
        java.util.Set<String> partly = new java.util.HashSet<>();
        kinds.forEach(k -> {
            found.put(k.kind(), new ArrayList<>());
            byName.put(k.kind(), k);
        });
        if (!q.isEmpty()) {
            for (Object[] row : run(kinds, q, projectId, slug, limit + 1, offset)) {
                found.get((String) row[0]).add(hit(byName, row));
                if (Boolean.TRUE.equals(row[6])) {
                    partly.add((String) row[0]);
                }
            }
        }
        List<SearchView.Group> groups = new ArrayList<>();
        for (SearchableKind k : kinds) {
            List<SearchHit> hits = found.get(k.kind());
            hits.sort(Comparator.comparingDouble(SearchHit::rank).reversed());
            boolean more = hits.size() > limit;
            groups.add(new SearchView.Group(k.kind(), k.label(), more ? hits.subList(0, limit) : hits, more, partly.contains(k.kind())));
        }
        return groups;
    }

    /** How many of the project's things of one kind match the query (at most {@link #MAX_RESULTS}): what its pages hold. */
    public long count(UUID projectId, String slug, String query, String kind) {
        return total(projectId, slug, query, known(kind).kind());
    }

    /**
     * How many rows the ranked list ({@link #ranked}) of these kinds (null: every kind) holds for the query, at most
     * {@link #MAX_RESULTS}: each kind's rows matched as its page matches them (the same tsquery, through its GIN index),
     * neither ranked nor cut into snippets, in one statement. No statement for an empty query, which finds nothing.
     */
    @Transactional
    public long total(UUID projectId, String slug, String query, String kind) {
        String q = query(query);
        List<SearchableKind> kinds = kind == null ? kinds() : List.of(known(kind));
        if (q.isEmpty()) {
            return 0;
        }
        QueryWords words = QueryWords.of(q);
        return ((Number) timed(totalSql(kinds)).setParameter(1, words.text()).setParameter(2, projectId).setParameter(3, slug)
                .setParameter(4, MAX_RESULTS).setParameter(5, 0).setParameter(6, words.prefix()).getSingleResult()).longValue();
    }

    /**
     * What {@link #total} counts, known from the page of {@code limit} rows from {@code offset} the ranking answered
     * when that page is neither full nor past the end: then it holds the ranking's last rows, and counting them again
     * would run the whole search a second time for a number already known.
     */
    public long total(UUID projectId, String slug, String query, String kind, Ranked page, int limit, long offset) {
        int size = page.hits().size();
        return size > 0 && size < limit || size == 0 && offset == 0 ? offset + size : total(projectId, slug, query, kind);
    }

    /** The one statement of {@link #total}: each kind's rows as its ranking matches them, counted up to {@code ?4}. */
    static String totalSql(List<SearchableKind> kinds) {
        StringBuilder sql = new StringBuilder(PARAMS + "SELECT count(*) FROM (");
        for (int i = 0; i < kinds.size(); i++) {
            SearchableKind k = kinds.get(i);
            sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT 1 FROM (").append(k.sql()).append(") AS ").append(columns(k)).append(")");
        }
        return sql.append(" LIMIT ?4 OFFSET ?5) AS c").toString();
    }

    private static String query(String query) {
        String q = query == null ? "" : query.strip();
        if (dev.specboard.web.Chars.Check.over(q, MAX_QUERY)) {
            throw ValidationException.of("q", "A search is at most " + MAX_QUERY + " characters");
        }
        return q;
    }

    private SearchableKind known(String kind) {
        return kind(kind).orElseThrow(() -> ValidationException.of("kind", "Search one of: "
                + String.join(", ", kinds().stream().map(SearchableKind::kind).toList())));
    }

    /** The first {@code limit} results as one list, best first (the assistant). */
    public List<SearchHit> ranked(UUID projectId, String slug, String query, String kind, int limit) {
        return ranked(projectId, slug, query, kind, limit, 0).hits();
    }

    /**
     * A page of the ranked list; {@code partial} when a kind searched ranked only its first matches found (there were
     * more than it ranks), whether or not any of its rows made the page: refining the search may find better ones.
     */
    public record Ranked(List<SearchHit> hits, boolean partial) {
    }

    /**
     * The results as one list, best first, ties in the kinds' order and then by key, from {@code offset} on (the API's
     * and MCP's pages): each kind ranks its first {@code offset + limit} and only the rows of the page get a snippet, in
     * one statement. The ranking reaches {@link #MAX_RESULTS} rows; past them, as past the last match, nothing.
     */
    @Transactional
    public Ranked ranked(UUID projectId, String slug, String query, String kind, int limit, long offset) {
        String q = query(query);
        List<SearchableKind> kinds = kind == null ? kinds() : List.of(known(kind));
        long rows = Math.min(limit, MAX_RESULTS - offset);
        if (q.isEmpty() || rows <= 0) {
            return new Ranked(List.of(), false);
        }
        Map<String, SearchableKind> byName = new LinkedHashMap<>();
        kinds.forEach(k -> byName.put(k.kind(), k));
        QueryWords words = QueryWords.of(q);
        @SuppressWarnings("unchecked")
        List<Object[]> found = timed(rankedSql(kinds)).setParameter(1, words.text()).setParameter(2, projectId)
                .setParameter(3, slug).setParameter(4, (int) rows).setParameter(5, (int) offset).setParameter(6, words.prefix()).getResultList();
        return new Ranked(found.stream().map(row -> hit(byName, row)).toList(), found.stream().anyMatch(row -> Boolean.TRUE.equals(row[6])));
    }

    private Query timed(String sql) {
        return StatementTimeout.within(em.createNativeQuery(sql), timeoutSeconds);
    }

    private static SearchHit hit(Map<String, SearchableKind> byName, Object[] row) {
        return new SearchHit((String) row[0], (String) row[1], (String) row[2], byName.get((String) row[0]).url((String) row[3]),
                ((Number) row[4]).doubleValue(), SearchHit.pieces((String) row[5]));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> run(List<SearchableKind> kinds, String q, UUID projectId, String slug, int limit, int offset) {
        QueryWords words = QueryWords.of(q);
        return timed(sql(kinds)).setParameter(1, words.text()).setParameter(2, projectId).setParameter(3, slug)
                .setParameter(4, limit).setParameter(5, offset).setParameter(6, words.prefix()).getResultList();
    }

    /**
     * The parameters every kind's SQL reads: the query ({@link QueryWords}), the same query read as a file's name or path
     * ({@code path_q}, null unless it is one), the query as typed in lower case ({@code typed}: a whole title or a key),
     * the project and its slug.
     */
    private static final String PARAMS = "WITH params AS NOT MATERIALIZED (SELECT " + QueryWords.TSQUERY
            + " AS q, " + QueryWords.PATH_TSQUERY + " AS path_q, lower(CAST(?1 AS text) || CAST(?6 AS text)) AS typed,"
            + " CAST(?2 AS uuid) AS project, CAST(?3 AS text) AS slug)\n";

    /** The snippet of a row {@code h}: its matches between the markers {@link SearchHit} cuts at. */
    private static final String HEADLINE = """
            ts_headline('specboard_text', h.body, params.q, 'StartSel=' || chr(2) || ', StopSel=' || chr(3)
                || ', MaxFragments=2, MaxWords=20, MinWords=8, FragmentDelimiter=" … "')""";

    /**
     * One kind's rows ranked, best first, a row named exactly by the query (its title or key) before all others: ties by
     * key, numbers in it as numbers, and link, so that every page of a kind, and of the whole list, orders them the same
     * way (a row is never on two pages, none is skipped).
     */
    private static String ranking(SearchableKind k, int order, String limit) {
        return "(SELECT CAST('" + k.kind().replace("'", "") + "' AS text) AS kind, " + order + " AS ord, x.key, x.title, x.url, x.rank + "
                + SearchableKind.exactBonus("x.title", "x.key") + " AS rank, x.body, " + SearchableKind.sortKey("x.key") + " AS sort_key, "
                + (k.ranksSome() ? "x.partial" : "false") + " AS partial FROM (" + k.sql() + ") AS " + columns(k)
                + ", params ORDER BY rank DESC, sort_key, x.key, x.url " + limit + ")";
    }

    /** A kind's rows named as {@link SearchableKind} lists its columns. */
    private static String columns(SearchableKind k) {
        return "x (key, title, url, rank, body" + (k.ranksSome() ? ", partial)" : ")");
    }

    /** The one statement of the grouped search: every kind ranked and limited on its own, then the snippets of what is left. */
    static String sql(List<SearchableKind> kinds) {
        StringBuilder sql = new StringBuilder(PARAMS + "SELECT h.kind, h.key, h.title, h.url, h.rank, " + HEADLINE + ", h.partial FROM (");
        for (int i = 0; i < kinds.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append(ranking(kinds.get(i), i, "LIMIT ?4 OFFSET ?5"));
        }
        sql.append(") h, params ORDER BY h.rank DESC, h.ord, h.sort_key, h.key, h.url");
        return sql.toString();
    }

    /**
     * The one statement of the ranked list: each kind's best offset + limit, one page of their merge, the snippets of that
     * page. Each row says whether any kind ranked only part of its matches, as the page's rows may all be of other kinds.
     */
    static String rankedSql(List<SearchableKind> kinds) {
        StringBuilder sql = new StringBuilder(PARAMS + "SELECT h.kind, h.key, h.title, h.url, h.rank, " + HEADLINE
                + ", h.partial FROM (SELECT u.kind, u.ord, u.key, u.title, u.url, u.rank, u.body, u.sort_key, bool_or(u.partial) OVER () AS partial FROM (");
        for (int i = 0; i < kinds.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append(ranking(kinds.get(i), i, "LIMIT ?4 + ?5"));
        }
        sql.append(") u ORDER BY u.rank DESC, u.ord, u.sort_key, u.key, u.url LIMIT ?4 OFFSET ?5) h, params ORDER BY h.rank DESC, h.ord, h.sort_key, h.key, h.url");
        return sql.toString();
    }
}
