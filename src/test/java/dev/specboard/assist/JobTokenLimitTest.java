package dev.specboard.assist;

import dev.specboard.account.ApiToken;
import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.review.Comment;
import dev.specboard.repo.GitFixture;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jobs queued through an API token limited to a role below the account's act with the token's role, not the account's:
 * the token's role is checked when the job is queued, remembered with it, checked again when the worker runs it, and
 * a revoked token stops its queued job from acting.
 */
@QuarkusTest
class JobTokenLimitTest {

    @Inject
    TestData data;

    @Inject
    JobTestSupport jobs;

    @Inject
    JobService service;

    @Inject
    JobWorker worker;

    @Inject
    ApiTokenService tokens;

    private static RequestSpecification bearer(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String base(TestData.Team t) {
        return "/api/v1/projects/" + t.slug();
    }

    private String thread(TestData.Team t) {
        return bearer(tokens.create(t.reviewer().id, "test", null, null).value())
                .body(Map.of("path", JobTestSupport.DIR + "/App.java", "lineStart", 9, "lineEnd", 11, "body", "What does this loop do?"))
                .post(base(t) + "/repos/app/threads").then().statusCode(201).extract().path("id");
    }

    @Test
    void aTokenBelowTheAccountsRoleQueuesOnlyWhatItsRoleMayAndTheJobRemembersIt() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String thread = thread(t);
            String viewer = tokens.create(t.owner().id, "viewer", t.project().id, Role.VIEWER).value();
            ApiTokenService.Created reviewerToken = tokens.create(t.owner().id, "reviewer", t.project().id, Role.REVIEWER);
            String reviewer = reviewerToken.value();
            bearer(viewer).body(Map.of("type", "EXPLANATION", "params", Map.of("threadId", thread))).post(base(t) + "/jobs")
                    .then().statusCode(403);
            bearer(viewer).body(Map.of("type", "DOCS", "params", Map.of("repo", "app"))).post(base(t) + "/jobs").then().statusCode(403);
            bearer(reviewer).body(Map.of("type", "DOCS", "params", Map.of("repo", "app"))).post(base(t) + "/jobs").then().statusCode(403);
            bearer(reviewer).body(Map.of("symbol", "greet", "newName", "welcome")).post(base(t) + "/repos/app/refactors").then().statusCode(403);

            String id = bearer(reviewer).body(Map.of("type", "EXPLANATION", "params", Map.of("threadId", thread)))
                    .post(base(t) + "/jobs").then().statusCode(202).extract().path("id");
            AiJob job = jobs.await(UUID.fromString(id));
            assertEquals(JobStatus.SUCCESS, job.status, job.error);
            assertEquals(Role.REVIEWER, job.actingRole, "the job acts with the token's role, not the owner's");
            assertEquals(reviewerToken.token().id, job.tokenId);
            // A viewer-limited token may not queue it again either.
            bearer(viewer).post(base(t) + "/jobs/" + id + "/retry").then().statusCode(403);
        }
    }

    /** Queues the owner's explanation on the thread as a token would have, and lets a worker that dies claim it for a second. */
    private UUID queuedThroughToken(TestData.Team t, String thread, Role tokenRole, UUID tokenId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Access access = new Access(Project.findById(t.project().id), Role.OWNER, t.owner().id);
            AiJob job = service.create(access, AiJobType.EXPLANATION, Map.of("threadId", thread));
            job.actingRole = tokenRole;
            job.tokenId = tokenId;
            if (!worker.claimWithin(JobKind.AI, "dying-" + UUID.randomUUID(), 1, job.id).equals(Optional.of(job.id))) {
                throw new AssertionError("the worker could not claim the new job");
            }
            return job.id;
        });
    }

    private long comments(String thread) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.count("threadId", UUID.fromString(thread)));
    }

    @Test
    void theWorkerActsWithTheRoleTheJobWasQueuedWithNotTheAccounts() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String thread = thread(t);
            AiJob job = jobs.await(queuedThroughToken(t, thread, Role.VIEWER, null));
            assertEquals(JobStatus.FAILED, job.status);
            assertTrue(job.error.contains("needs the reviewer role") && job.error.contains("yours is viewer"), job.error);
            assertEquals(1, comments(thread), "the job wrote nothing");
        }
    }

    @Test
    void aJobQueuedThroughATokenRevokedSinceDoesNotAct() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String thread = thread(t);
            ApiToken token = tokens.create(t.owner().id, "agent", t.project().id, Role.REVIEWER).token();
            UUID id = queuedThroughToken(t, thread, Role.REVIEWER, token.id);
            tokens.revoke(t.owner().id, token.id);
            AiJob job = jobs.await(id);
            assertEquals(JobStatus.FAILED, job.status);
            assertTrue(job.error.contains("revoked"), job.error);
            assertEquals(1, comments(thread), "the job wrote nothing");
        }
    }

    /** A job queued again (by the owner) after its requester left the project acts for the requester still: it fails and writes nothing. */
    @Test
    void aJobRetriedAfterItsRequesterWasRemovedFailsAndWritesNothing() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String thread = thread(t);
            UUID id = QuarkusTransaction.requiringNew().call(() -> {
                Access access = new Access(Project.findById(t.project().id), Role.REVIEWER, t.reviewer().id);
                AiJob job = service.create(access, AiJobType.EXPLANATION, Map.of("threadId", thread));
                if (!worker.claimWithin(JobKind.AI, "slow-" + UUID.randomUUID(), 60, job.id).equals(Optional.of(job.id))) {
                    throw new AssertionError("the worker could not claim the new job");
                }
                service.cancel(access, JobKind.AI, job.id);
                return job.id;
            });
            worker.run(JobKind.AI, id, QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(id).workerId));
            assertEquals(JobStatus.CANCELLED, jobs.await(id).status);
            String owner = tokens.create(t.owner().id, "owner", null, null).value();
            bearer(owner).delete(base(t) + "/members/" + t.reviewer().username).then().statusCode(204);

            bearer(owner).post(base(t) + "/jobs/" + id + "/retry").then().statusCode(202);
            AiJob job = jobs.await(id);
            assertEquals(JobStatus.FAILED, job.status);
            assertTrue(job.error.contains(t.reviewer().username + " is no longer a member of"), job.error);
            assertEquals(1, comments(thread), "the job wrote nothing");
        }
    }
}
