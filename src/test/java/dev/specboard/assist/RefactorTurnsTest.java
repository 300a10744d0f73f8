package dev.specboard.assist;

import dev.specboard.kernel.HeavyWork;
import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refactor's proposal is built in a turn of heavy work ({@link RefactorLimits#proposals()}): one that finds every turn
 * taken waits, saying so, and one cancelled while it waits does not run once its turn comes (the turn is handed back).
 */
@QuarkusTest
class RefactorTurnsTest {

    static final String WAITING = "Waiting for another refactor to finish";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    @Inject
    RefactorLimits limits;

    @Test
    void aRefactorCancelledWhileItWaitsForATurnDoesNotRunOnceItGetsOne() throws Exception {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            String refactors = "/api/v1/projects/" + t.slug() + "/repos/app/refactors";
            HeavyWork proposals = limits.proposals();
            List<HeavyWork.Turn> held = new ArrayList<>();
            UUID id;
            try {
                for (int i = 0; i < proposals.atOnce(); i++) {
                    held.add(proposals.turn());
                }
                id = UUID.fromString(fx.api(t.member()).body(Map.of("symbol", "greet", "newName", "welcome")).post(refactors)
                        .then().statusCode(202).extract().path("id"));
                assertEquals(WAITING, awaitDetail(id), "the refactor says it waits for a turn");
                fx.api(t.member()).post(refactors + "/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
            } finally {
                // Given back right after the cancel: the waiting refactor most often gets a turn before its next look at
                // the cancel, and must not run in it.
                held.forEach(HeavyWork.Turn::close);
            }
            RefactorJob job = jobs.awaitRefactor(id);
            assertEquals(JobStatus.CANCELLED, job.status, job.error);
            assertNull(job.proposal, "nothing was proposed");
            assertTrue(!job.progress.containsKey("detail") || WAITING.equals(job.progress.get("detail")), "it never got past the wait: " + job.progress);

            // The turns free, the same rename runs to its proposal.
            String again = fx.api(t.member()).body(Map.of("symbol", "greet", "newName", "welcome")).post(refactors)
                    .then().statusCode(202).extract().path("id");
            RefactorJob done = jobs.awaitRefactor(UUID.fromString(again));
            assertEquals(JobStatus.SUCCESS, done.status, done.error);
        }
    }

    /** The refactor's progress detail once it has one (within a minute). */
    private static String awaitDetail(UUID id) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            Object detail = QuarkusTransaction.requiringNew().call(() -> RefactorJob.<RefactorJob>findById(id).progress.get("detail"));
            if (detail != null) {
                return String.valueOf(detail);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the refactor said nothing within a minute");
    }
}
