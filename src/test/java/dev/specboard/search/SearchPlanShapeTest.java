package dev.specboard.search;

import dev.specboard.repo.GitFixture;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the one search statement computes for each matching row, as PostgreSQL plans it (never how long it takes): a task's
 * vector was computed from its columns twice, to match and to rank, and a plan's "newest version" was a max() subquery run
 * for each matching plan and artifact. Now the task's stored vector is read, and "no newer version" is an anti join. A
 * review comment's, bounded context's and component's vector was computed twice too; now each reads its stored one. A
 * design page's path's words were computed for every page of the project; now its stored vector holds them.
 */
@QuarkusTest
class SearchPlanShapeTest {

    @Inject
    TestData data;

    @Inject
    SearchFixtures fixtures;

    @Inject
    SearchService search;

    @Inject
    EntityManager em;

    @Test
    void tasksReadTheirStoredVectorAndPlansTheirNewestVersionByAnAntiJoin() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.checkoutProject(t, git, "We pay at checkout.");
        }
        QueryWords words = QueryWords.of("checkout");
        String plan = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> lines = em.createNativeQuery("EXPLAIN (VERBOSE, COSTS OFF) " + SearchService.sql(search.kinds()))
                    .setParameter(1, words.text()).setParameter(2, t.project().id).setParameter(3, t.slug()).setParameter(4, 6)
                    .setParameter(5, 0).setParameter(6, words.prefix()).getResultList();
            return String.join("\n", lines);
        });

        assertFalse(Pattern.compile("to_tsvector\\([^\\n]*\\bi(_\\d+)?\\.scope").matcher(plan).find(), "no task vector computed:\n" + plan);
        assertTrue(Pattern.compile("ts_rank\\(tm(_\\d+)?\\.search,").matcher(plan).find(), "tasks rank by the stored vector:\n" + plan);
        // Review comments, bounded contexts and components (alias c) too: their vectors were computed to match, then to rank.
        assertFalse(Pattern.compile("to_tsvector\\([^\\n]*\\bc(_\\d+)?\\.(body|name|purpose|file_path)").matcher(plan).find(),
                "no comment, context or component vector computed:\n" + plan);
        assertTrue(Pattern.compile("ts_rank\\(c(_\\d+)?\\.search,").matcher(plan).results().count() >= 3,
                "comments, contexts and components rank by their stored vectors:\n" + plan);
        // Design pages and features (aliases p and f): the same.
        assertFalse(Pattern.compile("to_tsvector\\([^\\n]*\\b(p|f)(_\\d+)?\\.(purpose|user_description)").matcher(plan).find(),
                "no page or feature vector computed:\n" + plan);
        assertTrue(Pattern.compile("ts_rank\\(f(_\\d+)?\\.search,").matcher(plan).find(), "features rank by their stored vector:\n" + plan);
        // A page's path too (V1010): its words were computed for every page of the project on every search.
        assertFalse(Pattern.compile("to_tsvector\\([^\\n]*\\.path\\)").matcher(plan).find(), "no path's words computed:\n" + plan);
        assertTrue(Pattern.compile("ts_rank\\('\\{[^}]*\\}'::real\\[\\], p(_\\d+)?\\.search,").matcher(plan).find(),
                "pages rank by their stored vector, path words below name and purpose:\n" + plan);
        assertTrue(Pattern.compile("Anti Join").matcher(plan).results().count() >= 2, "plans and their artifacts, newest only:\n" + plan);
        assertFalse(plan.contains("max(b.created_at)") || plan.contains("Index Only Scan Backward using plans_repository_name_version_key"),
                "no max() per row:\n" + plan);
    }

    /**
     * A last word of 500 letters took 7 to 13 seconds in a project of a few rows, and 40 of them at once held every
     * connection: each leading part of the word, times every ending the stemmer cuts, was stemmed, once for each kind. Now
     * each statement of the search (grouped, ranked, counted) does no more work for it than for a five-letter word, as
     * counted by PostgreSQL: the rows every step of the executed plan produced, the same on every run (never a time).
     */
    @Test
    void aFiveHundredLetterWordCostsNoMoreRowsThanAFiveLetterOne() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.checkoutProject(t, git, "We pay at checkout.");
        }
        List<SearchableKind> kinds = search.kinds();
        Map<String, String> statements = Map.of("grouped", SearchService.sql(kinds), "ranked", SearchService.rankedSql(kinds),
                "counted", SearchService.totalSql(kinds));
        statements.forEach((name, sql) -> {
            long shortWord = rowsProduced(sql, t, "aaaaa");
            long longWord = rowsProduced(sql, t, "a".repeat(SearchService.MAX_QUERY));
            assertTrue(shortWord > 0, name);
            assertTrue(longWord <= shortWord, name + ": " + longWord + " rows for 500 letters, " + shortWord + " for 5");
        });
    }

    /** The rows the statement's executed plan produced in all, each step's rows times its loops (EXPLAIN ANALYZE). */
    private long rowsProduced(String sql, TestData.Team t, String q) {
        QueryWords words = QueryWords.of(q);
        @SuppressWarnings("unchecked")
        List<String> lines = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql)
                .setParameter(1, words.text()).setParameter(2, t.project().id).setParameter(3, t.slug()).setParameter(4, 20)
                .setParameter(5, 0).setParameter(6, words.prefix()).getResultList());
        Matcher m = Pattern.compile("rows=([0-9.]+) loops=([0-9]+)").matcher(String.join("\n", lines));
        double rows = 0;
        while (m.find()) {
            rows += Double.parseDouble(m.group(1)) * Long.parseLong(m.group(2));
        }
        return Math.round(rows);
    }
}
