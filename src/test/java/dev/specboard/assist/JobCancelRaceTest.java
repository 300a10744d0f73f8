package dev.specboard.assist;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancelling one job several times at once, as its starter and leads: exactly one request cancels it and is credited, the
 * others are told who cancelled it first (409), as two claims of one task or two revokes of one preview are.
 */
@QuarkusTest
class JobCancelRaceTest {

    static final int ROUNDS = 3;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    @Inject
    JobWorker worker;

    @Inject
    RefactorService refactors;

    @Test
    void parallelCancelsOfARunningAssistantJobLetExactlyOneThroughAndCreditIt() throws Exception {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            List<Account> cancellers = cancellers(t);
            for (int round = 0; round < ROUNDS; round++) {
                UUID id = jobs.docsJobClaimedBy(t, "slow-worker", 60);
                UUID first = race(cancellers, "/api/v1/projects/" + t.slug() + "/jobs/" + id + "/cancel", "round " + round,
                        () -> QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(id).cancelledBy));
                // A late click on the page is told the same, over the job's panel as it is now.
                Response late = Web.htmx(Web.as(t.lead())).post("/projects/" + t.slug() + "/jobs/" + id + "/cancel");
                assertEquals(409, late.statusCode(), late.asString());
                String name = cancellers.stream().filter(a -> a.id.equals(first)).findFirst().orElseThrow().username;
                assertTrue(Web.html(late).selectFirst("#flash").text().contains("already cancelled by " + name), late.asString());
                assertEquals(first, QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(id).cancelledBy));
            }
        }
    }

    @Test
    void parallelCancelsOfARunningRefactorLetExactlyOneThroughAndCreditIt() throws Exception {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            List<Account> cancellers = cancellers(t);
            for (int round = 0; round < ROUNDS; round++) {
                UUID id = QuarkusTransaction.requiringNew().call(() -> {
                    Access access = new Access(Project.findById(t.project().id), Role.MEMBER, t.member().id);
                    RefactorJob job = refactors.create(access, "app", new RenameForm("greet", "hello", null, "false"));
                    assertEquals(Optional.of(job.id), worker.claimWithin(JobKind.REFACTOR, "slow-refactor", 60, job.id));
                    return job.id;
                });
                race(cancellers, "/api/v1/projects/" + t.slug() + "/repos/app/refactors/" + id + "/cancel", "round " + round,
                        () -> QuarkusTransaction.requiringNew().call(() -> RefactorJob.<RefactorJob>findById(id).cancelledBy));
            }
        }
    }

    /** The job's starter, its project's lead and owner, and a second lead: four accounts that may cancel it. */
    private List<Account> cancellers(TestData.Team t) {
        Account second = data.account("lead2");
        data.addMember(t.project(), second, Role.LEAD);
        return List.of(t.member(), t.lead(), t.owner(), second);
    }

    /** All cancellers post the cancel at the same moment; the one answered 200 is the one the job names. Answers its id. */
    private UUID race(List<Account> cancellers, String url, String round, Supplier<UUID> cancelledBy) throws Exception {
        List<String> tokens = cancellers.stream().map(fx::token).toList();
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (String token : tokens) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json").post(url);
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            Account winner = null;
            String winnerName = null;
            for (int i = 0; i < answers.size(); i++) {
                Response r = answers.get(i).get(60, TimeUnit.SECONDS);
                codes.add(r.statusCode());
                if (r.statusCode() == 200) {
                    winner = cancellers.get(i);
                    winnerName = r.jsonPath().getString("cancelledBy");
                }
            }
            assertEquals(1, codes.stream().filter(c -> c == 200).count(), round + ": " + codes);
            assertEquals(tokens.size() - 1, codes.stream().filter(c -> c == 409).count(), round + ": " + codes);
            assertEquals(winner.username, winnerName, round + ": the answer credits its own caller");
            assertEquals(winner.id, cancelledBy.get(), round + ": the job credits the caller that cancelled it, not a later one");
            for (int i = 0; i < answers.size(); i++) {
                Response r = answers.get(i).get();
                if (r.statusCode() == 409) {
                    assertTrue(r.jsonPath().getString("error").contains("already cancelled by " + winner.username), r.asString());
                    assertEquals(winner.username, r.jsonPath().getString("details.cancelledBy"), r.asString());
                }
            }
            return winner.id;
        } finally {
            pool.shutdownNow();
        }
    }
}
