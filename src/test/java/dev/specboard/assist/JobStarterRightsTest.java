package dev.specboard.assist;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only who started a job, or a lead, cancels it or queues it again (as only its claimer or a lead moves a claimed task), on
 * the API, MCP and the pages alike; who cancelled is kept, and a cancel answers the state it made.
 */
@QuarkusTest
class JobStarterRightsTest {

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
    void anotherMemberMayNotCancelOrRetryAJobALeadMayAndWhoCancelledIsKept() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            Account other = data.account("other");
            data.addMember(t.project(), other, Role.MEMBER);
            String base = "/api/v1/projects/" + t.slug() + "/jobs/";
            String page = "/projects/" + t.slug() + "/jobs/";
            UUID running = jobs.docsJobClaimedBy(t, "slow-worker", 60);

            fx.api(other).post(base + running + "/cancel").then().statusCode(403)
                    .body("error", equalTo("This job was started by " + t.member().username + "; only they or a lead can cancel it."));
            String token = fx.token(other);
            Mcp.callTool(token, Mcp.initialize(token), "cancel_job", "{\"project\":\"" + t.slug() + "\",\"job\":\"" + running + "\"}").then()
                    .body("result.isError", equalTo(true)).body("result.content[0].text", containsString("only they or a lead"));
            Document theirs = Web.html(Web.as(other).get(page + running).then().statusCode(200).extract().response());
            assertNull(theirs.getElementById("job-cancel"), "another member is not offered what would be refused");
            Document mine = Web.html(Web.as(t.member()).get(page + running).then().statusCode(200).extract().response());
            assertNotNull(mine.getElementById("job-cancel"), "its starter is");
            assertEquals(false, QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(running).cancelRequested));

            fx.api(t.lead()).post(base + running + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"))
                    .body("cancelRequested", equalTo(true)).body("cancelledBy", equalTo(t.lead().username));
            worker.run(JobKind.AI, running, "slow-worker");
            AiJob cancelled = jobs.await(running);
            assertEquals(JobStatus.CANCELLED, cancelled.status);
            assertEquals(t.lead().id, cancelled.cancelledBy);
            fx.api(t.member()).get(base + running).then().body("status", equalTo("CANCELLED")).body("cancelRequested", equalTo(false))
                    .body("cancelledBy", equalTo(t.lead().username));
            Document ended = Web.html(Web.as(t.member()).get(page + running).then().statusCode(200).extract().response());
            assertEquals("Cancelled by " + t.lead().username + ".", ended.getElementById("job-cancelled-by").text());
            assertNotNull(ended.getElementById("job-retry"));
            assertNull(Web.html(Web.as(other).get(page + running).then().extract().response()).getElementById("job-retry"));

            fx.api(other).post(base + running + "/retry").then().statusCode(403).body("error", containsString("only they or a lead can retry it"));
            fx.api(t.member()).post(base + running + "/retry").then().statusCode(202);
            assertEquals(JobStatus.SUCCESS, jobs.await(running).status);
            fx.api(t.member()).get(base + running).then().body("cancelledBy", nullValue());
        }
    }

    @Test
    void aRefactorIsCancelledAndRunAgainByItsStarterOrALeadOnly() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            Account other = data.account("other");
            data.addMember(t.project(), other, Role.MEMBER);
            String base = "/api/v1/projects/" + t.slug() + "/repos/app/refactors/";
            String page = "/projects/" + t.slug() + "/repos/app/refactors/";
            UUID running = QuarkusTransaction.requiringNew().call(() -> {
                Access access = new Access(Project.findById(t.project().id), Role.MEMBER, t.member().id);
                RefactorJob job = refactors.create(access, "app", new RenameForm("greet", "hello", null, "false"));
                assertEquals(Optional.of(job.id), worker.claimWithin(JobKind.REFACTOR, "slow-refactor", 60, job.id));
                return job.id;
            });

            fx.api(other).post(base + running + "/cancel").then().statusCode(403)
                    .body("error", equalTo("This refactor was started by " + t.member().username + "; only they or a lead can cancel it."));
            assertNull(Web.html(Web.as(other).get(page + running).then().statusCode(200).extract().response()).getElementById("refactor-cancel"));
            assertNotNull(Web.html(Web.as(t.member()).get(page + running).then().extract().response()).getElementById("refactor-cancel"));

            fx.api(t.member()).post(base + running + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"))
                    .body("cancelRequested", equalTo(true)).body("cancelledBy", equalTo(t.member().username));
            worker.run(JobKind.REFACTOR, running, "slow-refactor");
            assertEquals(JobStatus.CANCELLED, jobs.awaitRefactor(running).status);

            fx.api(other).post(base + running + "/rerun").then().statusCode(403).body("error", containsString("only they or a lead can run again"));
            assertNull(Web.html(Web.as(other).get(page + running).then().extract().response()).getElementById("refactor-rerun-failed"));
            Document mine = Web.html(Web.as(t.member()).get(page + running).then().extract().response());
            assertNotNull(mine.getElementById("refactor-rerun-failed"));
            assertTrue(mine.getElementById("refactor-cancelled-by").text().contains(t.member().username));
            fx.api(t.lead()).post(base + running + "/rerun").then().statusCode(202);
            assertEquals(JobStatus.SUCCESS, jobs.awaitRefactor(running).status);
        }
    }

    @Test
    void onlyItsStarterOrALeadAppliesARefactorAnotherMemberIsRefusedEverywhere() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            Account other = data.account("other");
            data.addMember(t.project(), other, Role.MEMBER);
            String base = "/api/v1/projects/" + t.slug() + "/repos/app/refactors/";
            String page = "/projects/" + t.slug() + "/repos/app/refactors/";
            String id = fx.api(t.member()).body(java.util.Map.of("symbol", "greet", "newName", "hello")).post(base).then().statusCode(202)
                    .extract().path("id");
            assertEquals(JobStatus.SUCCESS, jobs.awaitRefactor(UUID.fromString(id)).status);

            Document theirs = Web.html(Web.as(other).get(page + id).then().statusCode(200).extract().response());
            assertNull(theirs.getElementById("apply"), "another member is not offered what would be refused");
            assertEquals("Started by " + t.member().username + ": only they or a lead can apply it.", theirs.getElementById("apply-not-yours").text());
            assertNotNull(Web.html(Web.as(t.member()).get(page + id).then().extract().response()).getElementById("apply"), "its starter is");
            assertNotNull(Web.html(Web.as(t.lead()).get(page + id).then().extract().response()).getElementById("apply"), "a lead is");

            fx.api(other).post(base + id + "/apply").then().statusCode(403)
                    .body("error", equalTo("This refactor was started by " + t.member().username + "; only they or a lead can apply it."));
            assertEquals(403, Web.as(other).post(page + id + "/apply").statusCode());
            String token = fx.token(other);
            Mcp.callTool(token, Mcp.initialize(token), "apply_refactor", "{\"project\":\"" + t.slug() + "\",\"repository\":\"app\",\"refactor\":\"" + id + "\"}")
                    .then().body("result.isError", equalTo(true)).body("result.content[0].text", containsString("only they or a lead can apply it"));
            fx.api(t.viewer()).post(base + id + "/apply").then().statusCode(403);
            assertNull(QuarkusTransaction.requiringNew().call(() -> RefactorJob.<RefactorJob>findById(UUID.fromString(id)).appliedChanges),
                    "nothing was applied");

            fx.api(t.lead()).post(base + id + "/apply").then().statusCode(200).body("branch", equalTo("refactor/greet-to-hello"));
        }
    }
}
