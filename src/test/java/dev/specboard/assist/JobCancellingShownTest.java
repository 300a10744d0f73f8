package dev.specboard.assist;

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
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running job asked to cancel reads "Cancelling…" with who asked, on the jobs list, its page and the API and MCP list,
 * while its worker is still stopping (it read "Running" there, as if the cancel had not been taken), and its progress line
 * says it is stopping at its step (it read "Step 2 of 3: Reading files" as a running job's).
 */
@QuarkusTest
class JobCancellingShownTest {

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    @Inject
    JobWorker worker;

    @Inject
    RefactorService refactors;

    /**
     * The cancel's flash says what happened: a worker told at once (one waiting on a model) has often stopped before the
     * answer is written, and the panel said "Cancelled" under "The job stops at its next step."
     */
    @Test
    void theCancelsFlashSaysCancelledWhenTheWorkerStoppedAtOnceAndStopsAtItsNextStepOtherwise() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            String list = "/projects/" + t.slug() + "/jobs/";
            UUID stopped = jobs.docsJobClaimedBy(t, "quick-worker", 60);
            StopsAtOnce.JOBS.add(stopped);
            Document d = Web.html(Web.htmx(Web.as(t.lead())).post(list + stopped + "/cancel").then().statusCode(200).extract().response());
            assertEquals("Cancelled", d.getElementById("job-badge").text());
            assertEquals("Job cancelled.", d.getElementById("flash").text());
            assertEquals(JobStatus.CANCELLED, QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(stopped).status));

            UUID stopping = jobs.docsJobClaimedBy(t, "slow-worker", 60);
            d = Web.html(Web.htmx(Web.as(t.lead())).post(list + stopping + "/cancel").then().statusCode(200).extract().response());
            assertEquals("Cancelling…", d.getElementById("job-badge").text());
            assertEquals("The job stops at its next step.", d.getElementById("flash").text());
        }
    }

    @Test
    void aCancelledJobWhoseWorkerStillRunsShowsCancellingAndWhoAskedEverywhere() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            String list = "/projects/" + t.slug() + "/jobs";
            String api = "/api/v1/projects/" + t.slug() + "/jobs";
            UUID running = jobs.docsJobClaimedBy(t, "slow-worker", 60);
            atStepTwo(AiJob.class, running);
            assertEquals("Running", row(t, running).selectFirst(".badge").text());
            assertEquals("Step 2 of 3: Reading files (12 of 40 files)", progressLine(row(t, running)));

            fx.api(t.lead()).post(api + "/" + running + "/cancel").then().statusCode(200);
            assertEquals(JobStatus.RUNNING, QuarkusTransaction.requiringNew().call(() -> AiJob.<AiJob>findById(running).status),
                    "its worker has not stopped yet");

            Element r = row(t, running);
            assertEquals("Cancelling…", r.selectFirst(".badge").text());
            assertEquals("asked by " + t.lead().username, r.selectFirst(".job-cancelled-by").text());
            Document page = Web.html(Web.as(t.viewer()).get(list + "/" + running));
            assertEquals("Cancelling…", page.getElementById("job-badge").text());
            assertEquals("Cancel asked by " + t.lead().username + "; the job stops at its next step.", page.getElementById("job-cancelling").text());
            assertNull(page.getElementById("job-cancelled-by"), "not cancelled yet");
            // The progress line says the job is stopping, not that it works on (it read "Step 2 of 3: Reading files").
            assertEquals(STOPPING, progressLine(r));
            assertEquals(STOPPING, page.getElementById("job-progress-label").text());
            assertEquals("Stopping at: Reading files", page.selectFirst("#job-progress-steps li[aria-current=step]").text());
            Document panel = Web.html(Web.as(t.viewer()).header("HX-Request", "true").get(list + "/" + running));
            assertEquals(STOPPING, panel.getElementById("job-progress-label").text(), "the live panel too");

            Map<String, Object> item = item(fx.api(t.viewer()).get(api).then().statusCode(200).extract().path(""), running);
            assertEquals("CANCELLED", item.get("status"), "as the job's own answer says");
            assertEquals(true, item.get("cancelRequested"));
            assertEquals(t.lead().username, item.get("cancelledBy"));
            assertEquals(List.of(running.toString()), fx.api(t.viewer()).get(api + "?status=CANCELLED").then().extract().path("id"));
            assertEquals(List.of(), fx.api(t.viewer()).get(api + "?status=RUNNING").then().extract().path("id"));
            String token = fx.token(t.viewer());
            String listed = Mcp.answer(token, Mcp.initialize(token), "list_jobs", false, "project", t.slug());
            assertTrue(listed.contains("\"cancelRequested\":true") && listed.contains("\"cancelledBy\":\"" + t.lead().username + "\""), listed);

            worker.run(JobKind.AI, running, "slow-worker");
            assertEquals(JobStatus.CANCELLED, jobs.await(running).status);
            Element ended = row(t, running);
            assertEquals("Cancelled", ended.selectFirst(".badge").text());
            assertTrue(progressLine(ended).startsWith("Cancelled"), progressLine(ended));
            assertEquals("by " + t.lead().username, ended.selectFirst(".job-cancelled-by").text());
            Map<String, Object> after = item(fx.api(t.viewer()).get(api).then().extract().path(""), running);
            assertEquals(false, after.get("cancelRequested"));
            assertEquals(t.lead().username, after.get("cancelledBy"));
        }
    }

    @Test
    void aCancelledRefactorWhoseWorkerStillRunsShowsCancelling() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            UUID running = QuarkusTransaction.requiringNew().call(() -> {
                Access access = new Access(Project.findById(t.project().id), Role.MEMBER, t.member().id);
                RefactorJob job = refactors.create(access, "app", new RenameForm("greet", "hello", null, "false"));
                assertEquals(Optional.of(job.id), worker.claimWithin(JobKind.REFACTOR, "slow-refactor", 60, job.id));
                return job.id;
            });
            atStepTwo(RefactorJob.class, running);
            fx.api(t.member()).post("/api/v1/projects/" + t.slug() + "/repos/app/refactors/" + running + "/cancel").then().statusCode(200);

            assertEquals("Cancelling…", row(t, running).selectFirst(".badge").text());
            assertEquals(STOPPING, progressLine(row(t, running)));
            Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/repos/app/refactors/" + running));
            assertEquals("Cancelling…", page.getElementById("refactor-badge").text());
            assertEquals("Cancel asked by " + t.member().username + "; the refactor stops at its next step.",
                    page.getElementById("refactor-cancelling").text());
            assertEquals(STOPPING, page.getElementById("refactor-progress-label").text());
            worker.run(JobKind.REFACTOR, running, "slow-refactor");
            assertEquals(JobStatus.CANCELLED, jobs.awaitRefactor(running).status);
            assertEquals("Cancelled", row(t, running).selectFirst(".badge").text());
        }
    }

    private static final String STOPPING = "Stopping at step 2 of 3 (Reading files): cancel asked";

    /** The job's worker has reported step 2 of 3, as a worker commits its progress. */
    private static void atStepTwo(Class<? extends LeasedJob> type, UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            LeasedJob job = io.quarkus.hibernate.orm.panache.Panache.getEntityManager().find(type, id);
            job.progress = JobProgress.json(2, List.of("Listing files", "Reading files", "Writing"), "12 of 40 files");
        });
    }

    /** The words beside the job's progress bar on the jobs list. */
    private static String progressLine(Element row) {
        return row.selectFirst("progress.row-progress").nextElementSibling().text();
    }

    /** The job's row on the jobs list, as a viewer sees it. */
    private static Element row(TestData.Team t, UUID id) {
        Element row = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/jobs")).getElementById("job-" + id);
        assertTrue(row != null, "listed");
        return row;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(List<Map<String, Object>> items, UUID id) {
        return items.stream().filter(i -> id.toString().equals(i.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + items));
    }
}
