package dev.specboard.assist;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class JobBrowserTest {

    @TestHTTPResource("/")
    URL base;

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
    void aJobsProgressMovesLiveOnItsPageAndTheExplanationStartedFromAFilePageLandsOnItsThread() {
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            TestData.Team t = jobs.syncedTeam(git);
            // A job held by a worker that has not started yet: its page shows it waiting, then follows it live.
            UUID id = jobs.docsJobClaimedBy(t, "browser-worker", 60);
            b.login(t.reviewer().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/jobs/" + id);
            b.waitUntil(d -> "ready".equals(b.js("return document.body.getAttribute('data-live')")));
            assertEquals("Running", b.find("#job-badge").getText());
            assertEquals("0", b.find("#job-progress").getAttribute("value"));
            b.assertAccessible();
            b.js("window.stillTheSamePage = true;");

            worker.run(JobKind.AI, id, "browser-worker");
            b.waitUntil(d -> "Success".equals(b.js("var e = document.getElementById('job-badge'); return e ? e.textContent.trim() : '';")));
            assertEquals(Boolean.TRUE, b.js("return window.stillTheSamePage === true;"), "the page was not reloaded");
            assertEquals("5", b.find("#job-progress").getAttribute("value"));
            assertTrue(b.find("#outline").getText().contains("public String greet(String name)"));
            b.assertAccessible();

            b.go("/projects/" + t.slug() + "/jobs");
            b.find("#jobs");
            b.assertAccessible();

            // Explain from the file page: select lines 9-11, "Explain", watch the status until the answer is there.
            String blob = "/projects/" + t.slug() + "/repos/app/blob/" + JobTestSupport.DIR + "/App.java";
            b.go(blob);
            b.find("#explain-form");
            b.assertAccessible();
            b.find("#L9 a").click();
            new Actions(b.driver).keyDown(Keys.SHIFT).click(b.find("#L11 a")).keyUp(Keys.SHIFT).perform();
            b.waitUntil(d -> "11".equals(b.find("#explain-end").getAttribute("value")));
            assertEquals("9", b.find("#explain-start").getAttribute("value"));
            // (No axe run while lines are selected: the highlighted keywords on the selection's yellow are the file page's own contrast issue.)
            b.click("#explain-selection");
            b.waitFor(".job-status progress");
            b.waitFor("a.job-answer-link");
            b.click("a.job-answer-link");
            b.waitUntil(d -> b.all("tr.thread-row .comment-meta .badge").stream().anyMatch(e -> e.getText().equals("AI")));
            assertTrue(b.find("tr.thread-row").getText().contains("Assistant · explanation of " + JobTestSupport.DIR + "/App.java lines 9–11"),
                    b.find("tr.thread-row").getText());
        }
    }

    @Test
    void aMemberReviewsTheProposalUnifiedAndSideBySideThenAppliesIt() {
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString(), 360)) {
            TestData.Team t = jobs.syncedTeam(git);
            String id = fx.api(t.member()).body(Map.of("symbol", "greet", "newName", "welcome"))
                    .post("/api/v1/projects/" + t.slug() + "/repos/app/refactors").then().statusCode(202).extract().path("id");
            assertEquals(JobStatus.SUCCESS, jobs.awaitRefactor(UUID.fromString(id)).status);

            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/repos/app/refactors/" + id);
            assertEquals("4 occurrences in 3 files", b.find("#proposal-h").getText());
            assertEquals(3, b.all("table.diff.unified").size());
            b.assertAccessible();
            b.click("#view-split");
            b.waitFor("table.diff.split");
            assertTrue(b.path().endsWith("/refactors/" + id));
            b.assertAccessible();
            b.click("#apply");
            b.waitFor("#refactor-applied");
            assertEquals("refactor/greet-to-welcome", b.find("#applied-branch").getText());
            assertTrue(b.find("#flash").getText().contains("pushed to the origin"), b.find("#flash").getText());
            b.assertAccessible();
        }
    }

    /**
     * Cancel from the keyboard: the focus stays on the job's panel when the answer replaces the panel, and again when the
     * live update replaces it once the worker stopped (it fell to the page's body there, back at the top).
     */
    @Test
    void theFocusStaysOnTheJobsPanelAfterCancelAndItsLiveUpdate() {
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            TestData.Team t = jobs.syncedTeam(git);
            UUID id = jobs.docsJobClaimedBy(t, "browser-worker", 60);
            b.login(t.lead().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/jobs/" + id);
            b.waitUntil(d -> "ready".equals(b.js("return document.body.getAttribute('data-live')")));
            b.js("document.getElementById('job-cancel').focus();");
            new Actions(b.driver).sendKeys(Keys.ENTER).perform();
            b.waitUntil(d -> "Cancelling…".equals(b.js("var e = document.getElementById('job-badge'); return e ? e.textContent.trim() : '';")));
            b.waitForHtmx();
            b.waitUntil(d -> "job-panel".equals(b.js("return document.activeElement.id;")));

            assertEquals("The job stops at its next step.", b.js("return document.getElementById('flash').textContent.trim();"));

            worker.run(JobKind.AI, id, "browser-worker");
            b.waitUntil(d -> "Cancelled".equals(b.js("var e = document.getElementById('job-badge'); return e ? e.textContent.trim() : '';")));
            b.waitForHtmx();
            b.waitUntil(d -> "job-panel".equals(b.js("return document.activeElement.id;")));
            assertEquals("", b.js("return document.getElementById('flash').textContent.trim();"), "the job has stopped: the flash saying it will is gone");
            b.assertAccessible();
        }
    }

    /**
     * "Job queued again." says what the retry left: once the live update shows the job in another state (running, then
     * finished), the flash goes. It stayed over the finished job until the page was left.
     */
    @Test
    void theRetrysFlashGoesOnceTheLiveUpdateShowsTheJobInAnotherState() {
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            TestData.Team t = jobs.syncedTeam(git);
            UUID id = jobs.docsJobClaimedBy(t, "browser-worker", 60);
            QuarkusTransaction.requiringNew().run(() -> AiJob.update("status = ?1, leaseUntil = null, finishedAt = ?2, error = ?3 where id = ?4",
                    JobStatus.FAILED, java.time.Instant.now(), "The model failed.", id));
            b.login(t.lead().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/jobs/" + id);
            b.find("#job-retry");
            b.js("window.__refreshed = 0; document.addEventListener('htmx:afterSwap', function (e) {"
                    + " if (e.detail.requestConfig && e.detail.requestConfig.verb.toLowerCase() === 'get') { window.__refreshed++; } });");
            b.click("#job-retry");
            b.waitUntil(d -> "Success".equals(b.js("var e = document.getElementById('job-badge'); return e ? e.textContent.trim() : '';")));
            b.waitForHtmx();
            // The background worker may finish the job before the retry's answer reads it: that answer then shows it done,
            // beside its flash, with no live update to follow (nothing to check then).
            if (((Number) b.js("return window.__refreshed;")).intValue() > 0) {
                assertEquals("", b.js("return document.getElementById('flash').textContent.trim();"));
            }
            b.assertNoProblems();
        }
    }

    /**
     * Holds a form's request in the browser until {@code window.__release()}, and counts the job panel's live updates
     * that came back meanwhile: the order a slow answer to "Cancel" and a quicker live update take by chance.
     */
    private static final String HOLD_THE_ACTION = """
            window.__release = null; window.__refreshed = 0;
            document.addEventListener('htmx:beforeSend', function (e) {
              var xhr = e.detail.xhr;
              if (e.detail.requestConfig.verb.toLowerCase() === 'get') {
                if (window.__release && e.detail.elt.id === 'job-panel') {
                  xhr.addEventListener('loadend', function () { window.__refreshed++; });
                }
                return;
              }
              xhr.send = function () {
                var args = arguments;
                window.__release = function () { XMLHttpRequest.prototype.send.apply(xhr, args); };
              };
            });
            """;

    /**
     * A live update of the job's panel that comes back while its "Cancel" is on its way leaves the panel to the cancel's
     * answer: it replaced the panel, taking the cancel's form out of the page, and htmx looks an answer's out-of-band
     * parts up from its form, so the flash found no #flash (htmx:oobErrorNoTarget) and the answer was dropped.
     */
    @Test
    void aLiveUpdateComingBackWhileCancelIsOnItsWayLeavesThePanelAndTheFlashToTheCancel() {
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            TestData.Team t = jobs.syncedTeam(git);
            UUID id = jobs.docsJobClaimedBy(t, "browser-worker", 60);
            b.login(t.lead().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/jobs/" + id);
            b.waitUntil(d -> "ready".equals(b.js("return document.body.getAttribute('data-live')")));
            b.js(HOLD_THE_ACTION);
            b.js("document.getElementById('job-cancel').focus();");
            new Actions(b.driver).sendKeys(Keys.ENTER).perform();
            b.waitUntil(d -> Boolean.TRUE.equals(b.js("return typeof window.__release === 'function';")));
            b.js("htmx.trigger(document.body, 'sb:job');");
            b.waitUntil(d -> ((Number) b.js("return window.__refreshed;")).intValue() >= 1);

            b.js("window.__release();");
            b.waitUntil(d -> "Cancelling…".equals(b.js("var e = document.getElementById('job-badge'); return e ? e.textContent.trim() : '';")));
            b.waitForHtmx();
            assertEquals("The job stops at its next step.", b.js("return document.getElementById('flash').textContent.trim();"));
            assertEquals("job-panel", b.js("return document.activeElement.id;"));
            b.assertNoProblems();
        }
    }
}
