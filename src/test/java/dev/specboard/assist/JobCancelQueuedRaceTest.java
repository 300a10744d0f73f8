package dev.specboard.assist;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancelling a job that is still QUEUED, on real threads against the real database: two cancels at once (exactly one is
 * taken, the other is told who cancelled it), and a cancel racing a worker's claim (either the job is cancelled and never
 * runs, or the worker claimed it first and the cancel is the running job's: the worker stops it at its next step).
 * The worker's timer is paused and the jobs are queued without the event that wakes it, so that only the threads of the
 * test take part in each race.
 */
@QuarkusTest
class JobCancelQueuedRaceTest {

    static final int ROUNDS = 6;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    @Inject
    JobWorker worker;

    @Inject
    Scheduler scheduler;

    private String tick;

    @BeforeEach
    void pauseTheWorkersTimer() {
        tick = scheduler.getScheduledJobs().stream().filter(j -> j.getMethodDescription().contains("JobWorker"))
                .findFirst().orElseThrow().getId();
        scheduler.pause(tick);
    }

    @AfterEach
    void resumeTheWorkersTimer() {
        scheduler.resume(tick);
    }

    @Test
    void twoCancelsOfAQueuedJobAtOnceLetExactlyOneThrough() throws Exception {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            List<Account> cancellers = List.of(t.member(), t.lead());
            List<String> tokens = cancellers.stream().map(fx::token).toList();
            for (int round = 0; round < ROUNDS; round++) {
                UUID id = queued(t);
                String url = "/api/v1/projects/" + t.slug() + "/jobs/" + id + "/cancel";
                List<Response> answers = atOnce(tokens.stream().<Callable<Response>>map(token -> () -> cancel(token, url)).toList());
                List<Integer> codes = answers.stream().map(Response::statusCode).toList();
                assertTrue(codes.contains(200) && codes.contains(409), "round " + round + ": " + codes);
                int won = codes.indexOf(200);
                Account winner = cancellers.get(won);
                assertEquals("CANCELLED", answers.get(won).jsonPath().getString("status"));
                assertEquals(winner.username, answers.get(won).jsonPath().getString("cancelledBy"));
                Response lost = answers.get(1 - won);
                assertEquals("This job was already cancelled by " + winner.username + ".", lost.jsonPath().getString("error"), lost.asString());
                assertEquals("CANCELLED", lost.jsonPath().getString("details.status"));
                AiJob job = QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(id));
                assertEquals(JobStatus.CANCELLED, job.status);
                assertEquals(winner.id, job.cancelledBy);
                assertNull(job.startedAt, "a job cancelled while queued never started");
            }
        }
    }

    @Test
    void aCancelRacingTheWorkersClaimEitherCancelsAQueuedJobOrStopsTheRunningOne() throws Exception {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            String token = fx.token(t.member());
            int cancelledFirst = 0;
            int claimedFirst = 0;
            for (int round = 0; round < ROUNDS; round++) {
                UUID id = queued(t);
                String url = "/api/v1/projects/" + t.slug() + "/jobs/" + id + "/cancel";
                List<Object> ends = atOnce(List.<Callable<Object>>of(
                        () -> QuarkusTransaction.requiringNew().call(() -> worker.claimWithin(JobKind.AI, "racing-worker", 60, id)),
                        () -> cancel(token, url)));
                @SuppressWarnings("unchecked")
                Optional<UUID> claimed = (Optional<UUID>) ends.get(0);
                Response cancel = (Response) ends.get(1);
                String r = "round " + round + ": ";
                // Whoever came first, the cancel is taken: a queued job is cancelled, a running one is asked to stop.
                assertEquals(200, cancel.statusCode(), r + cancel.asString());
                assertEquals("CANCELLED", cancel.jsonPath().getString("status"), r + cancel.asString());
                assertEquals(t.member().username, cancel.jsonPath().getString("cancelledBy"), r);
                if (claimed.isEmpty()) {
                    cancelledFirst++;
                    assertEquals(false, cancel.jsonPath().getBoolean("cancelRequested"), r + "nothing is left to stop");
                    // No worker takes it afterwards: it never runs.
                    assertEquals(Optional.empty(), QuarkusTransaction.requiringNew().call(() -> worker.claimWithin(JobKind.AI, "later-worker", 60, id)), r);
                    AiJob job = QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(id));
                    assertEquals(JobStatus.CANCELLED, job.status, r);
                    assertNull(job.startedAt, r + "it never started");
                    assertNull(job.workerId, r);
                    assertEquals(0, job.attempts, r);
                } else {
                    claimedFirst++;
                    assertEquals(Optional.of(id), claimed, r);
                    // The running job's rule: shown CANCELLED at once, its worker stops it at its next step.
                    assertEquals(true, cancel.jsonPath().getBoolean("cancelRequested"), r + cancel.asString());
                    AiJob running = QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(id));
                    assertEquals(JobStatus.RUNNING, running.status, r);
                    assertTrue(running.cancelRequested, r);
                    worker.run(JobKind.AI, id, "racing-worker");
                    AiJob ended = QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(id));
                    assertEquals(JobStatus.CANCELLED, ended.status, r);
                    assertNull(ended.result, r + "the stopped run keeps no result");
                }
            }
            // Each way of the race is one the rules above cover; which one each round took is the database's choice.
            assertEquals(ROUNDS, cancelledFirst + claimedFirst);
        }
    }

    /** A DOCS job of the member, queued as the service queues one but without waking the worker. */
    private UUID queued(TestData.Team t) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AiJob job = new AiJob();
            job.projectId = t.project().id;
            job.userId = t.member().id;
            job.actingFor(t.member().id, Role.MEMBER, null);
            job.type = AiJobType.DOCS;
            job.params = new java.util.LinkedHashMap<>(Map.of("repo", "app", "path", JobTestSupport.DIR));
            job.persist();
            return job.id;
        });
    }

    private static Response cancel(String token, String url) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json").post(url);
    }

    /** Runs the calls on their own threads, released at the same moment; answers their results in order. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
