package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jobs pages, the job page's outline and design-doc action, "Explain" and "Rename…" from a file page, the proposal page. */
@QuarkusTest
class JobResourceTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    @Inject
    EntityManager em;


    /** Finished jobs written straight into the tables: the list's cost must not depend on their number. */
    private void finishedJobs(TestData.Team t, Repo repo, int ai, int refactors) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO ai_jobs (project_id, user_id, status, type, params, progress, finished_at) "
                            + "SELECT ?1, ?2, 'SUCCESS', CASE WHEN g % 2 = 0 THEN 'DOCS' ELSE 'EXPLANATION' END, "
                            + "jsonb_build_object('repo', 'app', 'path', 'src/F' || g || '.java', 'lineStart', 1, 'lineEnd', 2), "
                            + "'{\"step\":5,\"steps\":5,\"labels\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}', now() FROM generate_series(1, ?3) g")
                    .setParameter(1, t.project().id).setParameter(2, t.member().id).setParameter(3, ai).executeUpdate();
            em.createNativeQuery("INSERT INTO refactor_jobs (project_id, repository_id, user_id, status, params, error) "
                            + "SELECT ?1, ?2, ?3, 'FAILED', jsonb_build_object('symbol', 'a' || g, 'newName', 'b' || g, 'path', ''), 'No reference' "
                            + "FROM generate_series(1, ?4) g")
                    .setParameter(1, t.project().id).setParameter(2, repo.id).setParameter(3, t.member().id).setParameter(4, refactors)
                    .executeUpdate();
        });
    }

    @Test
    void jobsPageFiltersAndPagesInTheSameNumberOfStatementsWhateverTheRows() {
        TestData.Team small = data.team();
        TestData.Team big = data.team();
        try (GitFixture a = GitFixture.create(); GitFixture b = GitFixture.create()) {
            finishedJobs(small, jobs.synced(small, a), 2, 1);
            finishedJobs(big, jobs.synced(big, b), 20, 10);
            String smallUrl = "/projects/" + small.slug() + "/jobs";
            String bigUrl = "/projects/" + big.slug() + "/jobs";

            Document page = Web.html(Web.as(big.viewer()).get(bigUrl).then().statusCode(200).extract().response());
            assertEquals(25, page.select("#jobs tbody tr").size());
            assertEquals("30 jobs", page.selectFirst("#job-list-h").text());
            assertNotNull(page.selectFirst("#jobs-next"));
            assertTrue(page.select("#docs-form").isEmpty(), "a viewer cannot start an outline");
            Document second = Web.html(Web.as(big.viewer()).get(bigUrl + "?page=2").then().statusCode(200).extract().response());
            assertEquals(5, second.select("#jobs tbody tr").size());
            Document failed = Web.html(Web.as(big.viewer()).get(bigUrl + "?status=FAILED&type=RENAME").then().statusCode(200).extract().response());
            assertEquals(10, failed.select("#jobs tbody tr").size());
            assertTrue(failed.selectFirst("#jobs tbody tr").text().contains("Rename"));
            assertTrue(failed.selectFirst("#jobs tbody tr").text().contains("No reference"));
            Document docsOnly = Web.html(Web.as(big.viewer()).get(bigUrl + "?type=DOCS").then().statusCode(200).extract().response());
            assertEquals(10, docsOnly.select("#jobs tbody tr").size());
            Response fragment = Web.htmx(Web.as(big.viewer())).get(bigUrl + "?type=EXPLANATION");
            assertEquals("HX-Request", fragment.getHeader("Vary"));
            Document list = Web.html(fragment);
            assertNotNull(list.selectFirst("#job-list"));
            assertTrue(list.select("h1").isEmpty(), "htmx gets the list alone");

            long few = SqlCounter.count(() -> Web.as(small.viewer()).get(smallUrl).then().statusCode(200));
            long many = SqlCounter.count(() -> Web.as(big.viewer()).get(bigUrl).then().statusCode(200));
            assertEquals(few, many, "the jobs page loads in a constant number of statements");
            var smallApi = fx.api(small.viewer());
            var bigApi = fx.api(big.viewer());
            assertEquals(SqlCounter.count(() -> smallApi.get("/api/v1/projects/" + small.slug() + "/jobs").then().statusCode(200)),
                    SqlCounter.count(() -> bigApi.get("/api/v1/projects/" + big.slug() + "/jobs").then().statusCode(200)), "API job list");
        }
    }

    /**
     * Cancel or Retry clicked on a job that finished meanwhile: the panel shows the job as it is now (its outline, its live
     * status) and says why nothing was done; htmx swapped the bare 409 error box into the panel before.
     */
    @Test
    void cancelOrRetryOfAJobThatEndedMeanwhileKeepsItsPanelAndSaysWhy() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            Response created = Web.as(t.member()).formParam("repo", "app").formParam("path", JobTestSupport.DIR).post("/projects/" + t.slug() + "/jobs");
            String location = created.getHeader("Location");
            UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            assertEquals(JobStatus.SUCCESS, jobs.await(id).status);
            String job = "/projects/" + t.slug() + "/jobs/" + id;
            for (String action : List.of("cancel", "retry")) {
                Response r = Web.htmx(Web.as(t.member())).post(job + "/" + action);
                assertEquals(409, r.statusCode(), r.asString());
                Document d = Web.html(r);
                assertEquals("Success", d.selectFirst("#job-panel #job-badge").text());
                assertNotNull(d.selectFirst("#job-panel #outline"), "the result stays on the page");
                assertTrue(d.selectFirst("#flash").text().contains(action.equals("cancel") ? "already succeeded" : "can be retried"),
                        d.selectFirst("#flash").text());
                Response plain = Web.as(t.member()).post(job + "/" + action);
                assertEquals(303, plain.statusCode());
                assertTrue(plain.getHeader("Location").endsWith(job), plain.getHeader("Location"));
            }

            // The same on a refactor's page (plain forms): back to the refactor with the reason, not a 409 error page.
            Response rename = Web.as(t.member()).formParam("symbol", "nothere").formParam("newName", "hi").post("/projects/" + t.slug() + "/repos/app/refactors");
            String refactor = rename.getHeader("Location").substring(rename.getHeader("Location").indexOf("/projects/"));
            assertEquals(JobStatus.FAILED, jobs.awaitRefactor(UUID.fromString(refactor.substring(refactor.lastIndexOf('/') + 1))).status);
            Response cancel = Web.as(t.member()).post(refactor + "/cancel");
            assertEquals(303, cancel.statusCode(), cancel.asString());
            assertTrue(cancel.getHeader("Location").endsWith(refactor), cancel.getHeader("Location"));
            assertTrue(java.net.URLDecoder.decode(cancel.getCookie("sb_flash"), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("This refactor has already ended; only a queued or running refactor can be cancelled."));
        }
    }

    @Test
    void jobPageShowsTheOutlineAsHtmlAndMakesItTheComponentsDesignDocInOneAction() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String componentId = fx.api(t.member()).body(Map.of("name", "Greeting", "type", "other", "filePath", JobTestSupport.DIR))
                    .post("/api/v1/projects/" + t.slug() + "/components").then().statusCode(201).extract().path("id");
            Response created = Web.as(t.member()).formParam("repo", "app").formParam("path", "").formParam("componentId", componentId)
                    .post("/projects/" + t.slug() + "/jobs");
            assertEquals(303, created.statusCode());
            String location = created.getHeader("Location");
            UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            assertEquals(JobStatus.SUCCESS, jobs.await(id).status);

            Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/jobs/" + id).then().statusCode(200).extract().response());
            assertEquals("Done", page.selectFirst("#job-badge").text().replace("Success", "Done"));
            assertEquals("5", page.selectFirst("#job-progress").attr("value"));
            assertEquals(3, page.select("#outline article.outline-file").size());
            assertTrue(page.selectFirst("#outline").text().contains("public String greet(String name)"));
            assertTrue(page.selectFirst("#outline").text().contains("The greeting for one person."));
            assertTrue(page.select("#outline-calls li").stream().anyMatch(li -> li.text().equals("App.main → Greeter.greet")));
            assertEquals("Greeting", page.selectFirst("#outline-component a").text());
            assertTrue(page.select("#make-design-doc").isEmpty(), "a viewer cannot write the design doc");
            assertFalse(page.html().contains("\"declarations\""), "readable HTML, not raw JSON");

            Document asMember = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/jobs/" + id).then().extract().response());
            assertNotNull(asMember.selectFirst("#make-design-doc"));
            Response saved = Web.as(t.member()).formParam("componentId", componentId).post("/projects/" + t.slug() + "/jobs/" + id + "/design-doc");
            assertEquals(303, saved.statusCode());
            assertTrue(saved.getHeader("Location").endsWith("/projects/" + t.slug() + "/components/" + componentId), saved.getHeader("Location"));
            String doc = fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/components/" + componentId).then().statusCode(200)
                    .extract().path("designDoc.content");
            assertTrue(doc.startsWith("# Outline of `" + JobTestSupport.DIR + "`"), doc);
            assertTrue(doc.contains("- `public String greet(String name)` — The greeting for one person."), doc);
        }
    }

    @Test
    void explainFromTheFilePageAnswersWithTheLiveStatusAndRenameProposesOnItsPage() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Repo repo = jobs.synced(t, git);
            String blob = "/projects/" + t.slug() + "/repos/app/blob/" + JobTestSupport.DIR + "/App.java";
            Document asReviewer = Web.html(Web.as(t.reviewer()).get(blob).then().statusCode(200).extract().response());
            assertNotNull(asReviewer.selectFirst("#explain-form"));
            assertTrue(asReviewer.select("#rename-form").isEmpty(), "renames are a member's work");
            Document asMember = Web.html(Web.as(t.member()).get(blob).then().statusCode(200).extract().response());
            assertEquals(List.of("", "src", "src/main", "src/main/java", JobTestSupport.DIR, JobTestSupport.DIR + "/App.java"),
                    asMember.select("#rename-scope option").eachAttr("value"));
            assertTrue(Web.html(Web.as(t.viewer()).get(blob).then().extract().response()).select("#assist-actions").isEmpty());

            String explain = "/projects/" + t.slug() + "/repos/app/explain";
            Response status = Web.htmx(Web.as(t.reviewer())).formParam("path", JobTestSupport.DIR + "/App.java").formParam("lineStart", "9")
                    .formParam("lineEnd", "11").post(explain);
            assertEquals(200, status.statusCode());
            Document fragment = Web.html(status);
            assertNotNull(fragment.selectFirst(".job-status progress"));
            String statusId = fragment.selectFirst(".job-status").id();
            UUID id = UUID.fromString(statusId.substring("job-status-".length()));
            assertEquals(JobStatus.SUCCESS, jobs.await(id).status);
            Document done = Web.html(Web.as(t.reviewer()).get("/projects/" + t.slug() + "/jobs/" + id + "/status").then().statusCode(200)
                    .extract().response());
            assertEquals(blob + "#L9-L11", done.selectFirst("a.job-answer-link").attr("href"));
            Document thread = Web.html(Web.as(t.reviewer()).get(blob).then().extract().response());
            assertTrue(thread.select("tr.thread-row .comment-meta").text().contains("AI"), "the answer shows on the file page as the assistant's");

            Response invalid = Web.htmx(Web.as(t.reviewer())).formParam("path", JobTestSupport.DIR + "/App.java").formParam("lineStart", "99")
                    .post(explain);
            assertEquals(422, invalid.statusCode());
            assertEquals("These lines cannot be explained. Choose a line between 1 and 15.", Web.html(invalid).selectFirst(".job-problem").text());
            // "From 50 to 2" said only that the lines cannot be explained: it now says why, as a review thread does.
            Response backwards = Web.htmx(Web.as(t.reviewer())).formParam("path", JobTestSupport.DIR + "/App.java").formParam("lineStart", "9")
                    .formParam("lineEnd", "2").post(explain);
            assertEquals(422, backwards.statusCode());
            assertEquals("These lines cannot be explained. The first line must come before the last: choose a line between 9 and 15.",
                    Web.html(backwards).selectFirst(".job-problem").text());
            // Without JavaScript the refusal is a page with the form again, its values kept and the problem named.
            Response plain = Web.as(t.reviewer()).formParam("path", JobTestSupport.DIR + "/App.java").formParam("lineStart", "9")
                    .formParam("lineEnd", "4").post(explain);
            assertEquals(422, plain.statusCode());
            Document page = Web.html(plain);
            assertNotNull(page.selectFirst("nav.projectnav"), "a whole page");
            assertEquals(JobTestSupport.DIR + "/App.java", page.selectFirst("#explain-page-form #f-path").val());
            assertEquals("9", page.selectFirst("#f-lineStart").val());
            assertEquals("4", page.selectFirst("#f-lineEnd").val());
            assertEquals("The first line must come before the last: choose a line between 9 and 15", page.selectFirst("#e-lineEnd").text());
            assertEquals("lineEnd", page.selectFirst("#explain-page-form #error-summary a").attr("data-field"));
            assertEquals(303, Web.as(t.reviewer()).formParam("path", JobTestSupport.DIR + "/App.java").formParam("lineStart", "3")
                    .post(explain).statusCode());
            Response outside = Web.as(t.reviewer()).formParam("path", "../x").formParam("lineStart", "1").post(explain);
            assertEquals(422, outside.statusCode(), "a path leaving the tree is named at its input, not a bare 404");
            assertEquals("Not a path inside the repository", Web.html(outside).selectFirst("#e-path").text());
            assertEquals("../x", Web.html(outside).selectFirst("#explain-page-form #f-path").val());
            Response docs = Web.as(t.member()).formParam("repo", "app").formParam("path", "../../etc").post("/projects/" + t.slug() + "/jobs");
            assertEquals(422, docs.statusCode());
            assertEquals("Not a path inside the repository", Web.html(docs).selectFirst("#e-path").text(), "named at the path, not the repository");
            assertNull(Web.html(docs).selectFirst("#e-repo"));

            String refactors = "/projects/" + t.slug() + "/repos/app/refactors";
            Response bad = Web.as(t.member()).formParam("symbol", "greet").formParam("newName", "greet").formParam("path", "").post(refactors);
            assertEquals(422, bad.statusCode());
            Document form = Web.html(bad);
            assertEquals("The new name is the same as the old one", form.selectFirst("#e-newName").text());
            assertEquals("greet", form.selectFirst("#f-symbol").val());
            Response made = Web.as(t.member()).formParam("symbol", "greet").formParam("newName", "salute")
                    .formParam("path", JobTestSupport.DIR).post(refactors);
            assertEquals(303, made.statusCode());
            String refactorUrl = made.getHeader("Location");
            UUID refactorId = UUID.fromString(refactorUrl.substring(refactorUrl.lastIndexOf('/') + 1));
            assertEquals(JobStatus.SUCCESS, jobs.awaitRefactor(refactorId).status);

            Document unified = Web.html(Web.as(t.viewer()).get(refactorUrl).then().statusCode(200).extract().response());
            assertEquals("4 occurrences in 3 files", unified.selectFirst("#proposal-h").text());
            assertEquals(3, unified.select("table.diff.unified").size());
            assertTrue(unified.select("table.diff.unified tr.add td.code").text().contains("public String salute(String name) {"));
            assertTrue(unified.select("#apply").isEmpty(), "a viewer cannot apply");
            Document split = Web.html(Web.as(t.member()).get(refactorUrl + "?view=split").then().statusCode(200).extract().response());
            assertEquals(3, split.select("table.diff.split").size());
            assertTrue(split.select("table.diff.split td.del").text().contains("public String greet(String name) {"));
            assertNotNull(split.selectFirst("#apply"));

            git.commit("tweak", JobTestSupport.DIR + "/App.java", JobTestSupport.APP.replace("Hello", "Hey"));
            assertEquals(SyncStatus.SUCCESS, repos.sync(repo).status);
            Document stale = Web.html(Web.as(t.member()).get(refactorUrl).then().statusCode(200).extract().response());
            assertTrue(stale.selectFirst("#stale-notice").text().contains(JobTestSupport.DIR + "/App.java"));
            assertTrue(stale.select("#apply").isEmpty());
            assertNotNull(stale.selectFirst("#refactor-rerun"));
            Response refused = Web.as(t.member()).post(refactorUrl + "/apply");
            assertEquals(409, refused.statusCode());
            assertTrue(Web.html(refused).selectFirst("#refactor-problem").text().contains("stale"));
        }
    }

    /** Outline, rename proposal and explanation link to files of a folder whose names hold {@code #}, {@code ?}, {@code %} and spaces. */
    @Test
    void linksToFilesNamedWithHashQuestionMarkPercentOrSpaceOpenThoseFiles() {
        TestData.Team t = data.team();
        String dir = "odd #dir";
        try (GitFixture git = GitFixture.create()) {
            JobTestSupport.commitApp(git);
            git.commit("odd names", Map.of(dir + "/100% greet.py", "def say_hello(name):\n    return 'hello ' + name\n",
                    dir + "/call me?.py", "from greet import say_hello\n\nprint(say_hello('you'))\n"));
            Repo repo = repos.add(t.project(), t.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(repo).status);

            Response created = Web.as(t.member()).formParam("repo", "app").formParam("path", dir).post("/projects/" + t.slug() + "/jobs");
            assertEquals(303, created.statusCode());
            UUID docs = UUID.fromString(created.getHeader("Location").substring(created.getHeader("Location").lastIndexOf('/') + 1));
            assertEquals(JobStatus.SUCCESS, jobs.await(docs).status);
            Document outline = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/jobs/" + docs).then().statusCode(200).extract().response());
            List<String> outlineLinks = outline.select("#outline a[href*=/blob/]").eachAttr("href");
            assertFalse(outlineLinks.isEmpty(), outline.select("#outline").html());
            for (String href : outlineLinks) {
                assertTrue(shownPath(t, href).startsWith(dir + "/"), href);
            }

            Response made = Web.as(t.member()).formParam("symbol", "say_hello").formParam("newName", "greet_someone").formParam("path", dir)
                    .post("/projects/" + t.slug() + "/repos/app/refactors");
            assertEquals(303, made.statusCode());
            String refactorUrl = made.getHeader("Location");
            assertEquals(JobStatus.SUCCESS, jobs.awaitRefactor(UUID.fromString(refactorUrl.substring(refactorUrl.lastIndexOf('/') + 1))).status);
            Document proposal = Web.html(Web.as(t.viewer()).get(refactorUrl).then().statusCode(200).extract().response());
            List<String> occurrences = proposal.select(".occurrences a").eachAttr("href");
            assertEquals(3, occurrences.size(), proposal.select(".occurrences").html());
            assertEquals(java.util.Set.of(dir + "/100% greet.py", dir + "/call me?.py"),
                    occurrences.stream().map(href -> shownPath(t, href)).collect(java.util.stream.Collectors.toSet()));
        }
    }

    /** Opens a link as the page gives it (already encoded: sent as is, without its fragment) and answers the file page's path. */
    private static String shownPath(TestData.Team t, String href) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(href);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("not a URL as it stands: " + href, e);
        }
        Response r = Web.as(t.viewer()).urlEncodingEnabled(false).get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        assertEquals(200, r.statusCode(), href);
        return Web.html(r).getElementById("code").attr("data-path");
    }

    /** After Retry the job runs again: the finished time of the run before is no longer shown as if it had just finished. */
    @Test
    void aRetriedJobNoLongerSaysItFinished() {
        TestData.Team t = data.team();
        UUID id = QuarkusTransaction.requiringNew().call(() -> UUID.fromString(String.valueOf(em.createNativeQuery(
                        "INSERT INTO ai_jobs (project_id, user_id, status, type, params, progress, error, finished_at) "
                                + "VALUES (?1, ?2, 'FAILED', 'EXPLANATION', jsonb_build_object('repo', 'none', 'path', 'x.java', 'lineStart', 1, "
                                + "'lineEnd', 2), '{}', 'The model did not answer', now()) RETURNING id")
                .setParameter(1, t.project().id).setParameter(2, t.member().id).getSingleResult())));
        String job = "/projects/" + t.slug() + "/jobs/" + id;
        assertTrue(Web.html(Web.as(t.member()).get(job)).getElementById("job-meta").text().contains("finished"), "a failed job says when");

        // Even a running job that still carries a finished time (a row older than the retry's reset) does not show it.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE ai_jobs SET status = 'RUNNING', finished_at = now(), "
                + "lease_until = now() + interval '1 hour' WHERE id = ?1").setParameter(1, id).executeUpdate());
        Document running = Web.html(Web.as(t.member()).get(job));
        assertEquals("Running", running.getElementById("job-badge").text());
        assertFalse(running.getElementById("job-meta").text().contains("finished"), running.getElementById("job-meta").text());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE ai_jobs SET status = 'FAILED', lease_until = NULL WHERE id = ?1")
                .setParameter(1, id).executeUpdate());

        Document retried = Web.html(Web.htmx(Web.as(t.member())).post(job + "/retry"));
        assertNotNull(retried.selectFirst("#job-panel #job-meta"), "the swapped panel brings the job's times with it");
        if (List.of("Queued", "Running").contains(retried.selectFirst("#job-badge").text())) {
            assertFalse(retried.selectFirst("#job-meta").text().contains("finished"), retried.selectFirst("#job-meta").text());
        }
    }

    /**
     * The jobs list listens for the project's job event even when none of its rows is active, so that a job started from
     * a file page or the API shows up without a reload; it polls every 5 s only while a row is active. It listened only
     * while a row was active, so an idle list (empty, or all finished) never showed a new job.
     */
    @Test
    void anIdleJobsListStillListensForNewJobsAndPollsOnlyWhileOneIsActive() {
        TestData.Team t = data.team();
        String url = "/projects/" + t.slug() + "/jobs";
        org.jsoup.nodes.Element empty = Web.html(Web.as(t.viewer()).get(url)).getElementById("job-list");
        assertEquals("sb:job from:body", empty.attr("hx-trigger"), "an empty list listens");
        assertEquals(url + "?page=1", empty.attr("hx-get"));
        assertEquals("outerHTML", empty.attr("hx-swap"));

        try (GitFixture git = GitFixture.create()) {
            finishedJobs(t, jobs.synced(t, git), 1, 1);
            org.jsoup.nodes.Element finished = Web.html(Web.as(t.viewer()).get(url)).getElementById("job-list");
            assertEquals("sb:job from:body", finished.attr("hx-trigger"), "a list of finished jobs listens without polling");
            // The same list, asked for by htmx once the event came, keeps listening.
            org.jsoup.nodes.Element swapped = Web.html(Web.htmx(Web.as(t.viewer())).get(url)).getElementById("job-list");
            assertEquals("sb:job from:body", swapped.attr("hx-trigger"));

            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE ai_jobs SET status = 'RUNNING', "
                    + "lease_until = now() + interval '1 hour' WHERE project_id = ?1").setParameter(1, t.project().id).executeUpdate());
            org.jsoup.nodes.Element active = Web.html(Web.as(t.viewer()).get(url)).getElementById("job-list");
            assertEquals("sb:job from:body, every 5s", active.attr("hx-trigger"), "an active row polls as well");
        }
    }
}
