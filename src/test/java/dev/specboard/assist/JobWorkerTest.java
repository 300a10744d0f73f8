package dev.specboard.assist;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.web.Stopping;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leased job mechanism: a dead worker's job taken up after its lease, cancelling, retrying. */
@QuarkusTest
class JobWorkerTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    @Inject
    JobService service;

    @Inject
    JobWorker worker;

    @Test
    void aJobWhoseWorkerDiedIsFinishedByAnotherAfterItsLease() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            // A long lease that the test then ends: a one-second lease waited out with a sleep could run out before the
            // "nobody takes it" check on a slow machine (the lease counts from the claim's transaction start).
            UUID id = jobs.docsJobClaimedBy(t, "dead-worker", 600);
            AiJob running = QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(id));
            assertEquals(JobStatus.RUNNING, running.status);
            assertEquals("dead-worker", running.workerId);
            assertEquals(Optional.empty(), QuarkusTransaction.requiringNew().call(() -> worker.claimWithin(JobKind.AI, "eager", 60, id)),
                    "nobody takes a job whose lease runs");

            QuarkusTransaction.requiringNew().run(() -> AiJob.update("leaseUntil = ?1 where id = ?2",
                    java.time.Instant.now().minusSeconds(1), id));
            worker.drain("rescuer");
            AiJob done = jobs.await(id);
            assertEquals(JobStatus.SUCCESS, done.status, done.error);
            assertEquals(2, done.attempts);
            assertNotEquals("dead-worker", done.workerId);
            assertTrue(((java.util.List<?>) done.result.get("files")).size() == 3);
        }
    }

    @Test
    void aJobWhoseLeaseLapsedTwiceFailsSayingSoInsteadOfBeingClaimedAgain() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            UUID id = jobs.docsJobClaimedBy(t, "dead-worker", 600);
            // Its lease lapses and it is claimed again in one transaction, so the background worker cannot finish it first.
            assertEquals(Optional.of(id), QuarkusTransaction.requiringNew().call(() -> {
                AiJob.update("leaseUntil = ?1 where id = ?2", java.time.Instant.now().minusSeconds(1), id);
                return worker.claimWithin(JobKind.AI, "died-too", 600, id);
            }), "a job whose lease lapsed once is taken up again");
            assertEquals(Optional.empty(), QuarkusTransaction.requiringNew().call(() -> {
                AiJob.update("leaseUntil = ?1 where id = ?2", java.time.Instant.now().minusSeconds(1), id);
                return worker.claimWithin(JobKind.AI, "eager", 600, id);
            }), "a job whose lease lapsed twice was claimed a third time");
            worker.drain("rescuer");
            AiJob failed = QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(id));
            assertEquals(JobStatus.FAILED, failed.status);
            assertEquals("It stopped twice before finishing (the server restarted or ran out of memory); "
                    + "start it again once the cause is fixed.", failed.error);
            assertEquals(2, failed.attempts);
            assertEquals("died-too", failed.workerId);
        }
    }

    @Test
    void aJobCutShortByTheStopIsNotFailedButLeftToItsLease() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            UUID cut = claimedDocsJob(t, "stopping-worker", "no/such/folder");
            boolean before = Stopping.set(true);
            try {
                worker.run(JobKind.AI, cut, "stopping-worker");
            } finally {
                Stopping.set(before);
            }
            AiJob left = QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(cut));
            assertEquals(JobStatus.RUNNING, left.status, "the stop is not the job's failure");
            assertEquals("stopping-worker", left.workerId);

            // The same failure while running is the job's own.
            UUID failing = claimedDocsJob(t, "running-worker", "no/such/folder");
            worker.run(JobKind.AI, failing, "running-worker");
            AiJob failed = QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(failing));
            assertEquals(JobStatus.FAILED, failed.status);
        }
    }

    private UUID claimedDocsJob(TestData.Team t, String workerId, String path) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Access access = new Access(Project.findById(t.project().id), Role.MEMBER, t.member().id);
            AiJob job = service.create(access, AiJobType.DOCS, Map.of("repo", "app", "path", JobTestSupport.DIR));
            // A folder that is gone by the time the job runs: the run fails.
            job.params = new java.util.HashMap<>(Map.of("repo", "app", "path", path));
            assertEquals(Optional.of(job.id), worker.claimWithin(JobKind.AI, workerId, 60, job.id));
            return job.id;
        });
    }

    @Test
    void cancellingEndsAQueuedJobAtOnceAndARunningOneAtItsNextStepAndRetryRunsItAgain() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            String base = "/api/v1/projects/" + t.slug() + "/jobs/";

            // Running: held by a worker that has not reported its first step yet.
            UUID running = jobs.docsJobClaimedBy(t, "slow-worker", 60);
            // The answer shows what the cancel made (CANCELLED: no run ends it otherwise), and that its worker still stops.
            fx.api(t.member()).post(base + running + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"))
                    .body("cancelRequested", equalTo(true)).body("cancelledBy", equalTo(t.member().username));
            fx.api(t.member()).get(base + running).then().body("status", equalTo("CANCELLED"));
            // Not queued again while its worker still runs it: two runs of one job would overlap.
            fx.api(t.member()).post(base + running + "/retry").then().statusCode(409).body("error", org.hamcrest.Matchers.containsString("still stopping"));
            assertTrue(QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(running).cancelRequested));
            // The answer and the page show the cancel was taken, not just "running".
            fx.api(t.member()).get(base + running).then().body("cancelRequested", equalTo(true));
            org.jsoup.nodes.Document page = dev.specboard.support.Web.html(dev.specboard.support.Web.as(t.member())
                    .get("/projects/" + t.slug() + "/jobs/" + running));
            assertTrue(page.getElementById("job-cancelling") != null && page.getElementById("job-cancelling").text().startsWith("Cancel asked by " + t.member().username),
                    page.select("#job-panel").text());
            assertEquals(null, page.getElementById("job-cancel"), "no second cancel button");
            worker.run(JobKind.AI, running, "slow-worker");
            AiJob cancelled = jobs.await(running);
            assertEquals(JobStatus.CANCELLED, cancelled.status);
            assertEquals(null, cancelled.result, "it stopped before doing the work");
            fx.api(t.member()).post(base + running + "/cancel").then().statusCode(409);

            fx.api(t.member()).post(base + running + "/retry").then().statusCode(202).body("status", equalTo("QUEUED"));
            AiJob again = jobs.await(running);
            assertEquals(JobStatus.SUCCESS, again.status, again.error);
            assertEquals(1, again.attempts);
            fx.api(t.member()).post(base + running + "/retry").then().statusCode(409);

            // Queued: cancelled at once (claimed by nobody: a worker that would take it holds it instead).
            UUID queued = QuarkusTransaction.requiringNew().call(() -> {
                Access access = new Access(Project.findById(t.project().id), Role.MEMBER, t.member().id);
                AiJob job = service.create(access, AiJobType.DOCS, Map.of("repo", "app"));
                service.cancel(access, JobKind.AI, job.id);
                return job.id;
            });
            assertEquals(JobStatus.CANCELLED, jobs.await(queued).status);
            fx.api(t.viewer()).post(base + queued + "/retry").then().statusCode(403);
        }
    }
}
