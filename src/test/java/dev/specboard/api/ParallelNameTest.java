package dev.specboard.api;

import dev.specboard.plan.PlanFixtures;
import dev.specboard.repo.GitFixture;
import dev.specboard.support.LogCapture;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twelve creates of a plan, a context or a component with the same name at once: one is created and the others are told
 * the name is taken, and nothing is logged as a failure (the losers failed on the unique index at commit, logged with
 * a stack trace though answered right).
 */
@QuarkusTest
class ParallelNameTest {

    private static final int N = 12;

    @Inject
    TestData data;

    @Inject
    PlanFixtures plans;

    @Test
    void sameNamedCreatesAtOnceMakeOneAndLogNoFailure() throws Exception {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        ExecutorService pool = Executors.newFixedThreadPool(N);
        try (GitFixture git = GitFixture.create()) {
            plans.shop(t.project(), t.owner(), git);
            try (LogCapture logs = LogCapture.everything()) {
                List<Integer> planAnswers = all(pool, () -> Api.as(t.member()).body(Map.of("name", "SameP", "targetBranch", "main"))
                        .post(api + "/repos/shop/plans").statusCode());
                List<Integer> contextAnswers = all(pool, () -> Api.as(t.member())
                        .body(Map.of("name", "Ordering", "type", "domain", "purpose", "Takes orders")).post(api + "/contexts").statusCode());
                List<Integer> componentAnswers = all(pool, () -> Api.as(t.member())
                        .body(Map.of("name", "Orders", "type", "schema", "filePath", "lib/app/orders.ex")).post(api + "/components").statusCode());
                for (List<Integer> answers : List.of(planAnswers, contextAnswers, componentAnswers)) {
                    assertEquals(1, answers.stream().filter(s -> s == 201).count(), answers.toString());
                    assertTrue(answers.stream().allMatch(s -> s == 201 || s == 409 || s == 422), answers.toString());
                }
                List<String> failures = logs.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                        .map(r -> r.getLoggerName() + ": " + r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()))
                        .filter(l -> l.contains("duplicate key") || l.contains("ARJUNA") || l.contains("ConstraintViolation")
                                || l.contains("Parallel create"))
                        .toList();
                assertEquals(List.of(), failures, "a handled duplicate name is no failure");
            }
            assertEquals(1, Api.as(t.viewer()).get(api + "/plans").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.name == 'SameP' }").size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> all(ExecutorService pool, java.util.concurrent.Callable<Integer> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return call.call();
            }));
        }
        go.countDown();
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> f : calls) {
            answers.add(f.get(120, TimeUnit.SECONDS));
        }
        return answers;
    }
}
