package dev.specboard.review;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReviewBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    dev.specboard.spec.SpecApiFixtures fx;

    @Test
    void reviewerSelectsLinesCommentsAndTheThreadFollowsTheCodeAfterANewCommit() {
        TestData.Team team = data.team();
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            git.commit("first", "src/App.java", GitFixture.lines(30));
            Repo repo = support.add(team.project(), team.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);
            String repoUrl = "/projects/" + team.slug() + "/repos/app";

            b.login(team.reviewer().username, TestData.PASSWORD);
            b.go("/projects/" + team.slug() + "/repos");
            b.find("#repo-app");
            b.assertAccessible();
            b.go(repoUrl);
            b.find("#file-list");
            b.assertAccessible();

            b.go(repoUrl + "/blob/src/App.java");
            assertFalse(b.find("#line-selection").isDisplayed(), "the comment bar waits for a selection");
            b.find("#L10 a").click();
            new Actions(b.driver).keyDown(Keys.SHIFT).click(b.find("#L12 a")).keyUp(Keys.SHIFT).perform();
            assertTrue(b.url().endsWith("#L10-L12"), b.url());
            assertEquals("Lines 10–12 selected", b.find("#line-selection-label").getText());
            assertEquals(3, b.all("#code tr.selected").size());
            b.click("#comment-selection");
            b.waitFor("#new-thread-body");
            b.assertAccessible();
            b.type("#new-thread-body", "Should this loop **stop** earlier?");
            b.click("#new-thread-submit");
            WebElement thread = b.waitFor("tr.thread-row article.thread");
            assertTrue(thread.getText().contains("Should this loop stop earlier?"));
            WebElement rowAfter12 = b.find("#L12").findElement(By.xpath("following-sibling::tr[1]"));
            assertEquals("thread-row", rowAfter12.getAttribute("class"));
            b.assertAccessible();

            b.waitFor("body[data-live=ready]");
            git.commit("insert above", "src/App.java", "// one\n// two\n// three\n" + GitFixture.lines(30));
            RepoSync second = support.sync(repo);
            assertEquals(2, second.manifestVersion);
            // The open page hears of the sync and says a newer version exists, without a reload.
            b.waitForText("#file-newer-notice", "A newer version of this file exists (manifest v2)");
            b.assertAccessible();
            b.click("#file-newer-notice a");
            WebElement rowAfter15 = b.find("#L15").findElement(By.xpath("following-sibling::tr[1]"));
            assertTrue(rowAfter15.getText().contains("Should this loop stop earlier?"), rowAfter15.getText());
            assertTrue(rowAfter15.getText().contains("lines 13–15"), rowAfter15.getText());
            b.assertAccessible();

            b.go(repoUrl + "/threads?state=open");
            b.find("#threads article.thread");
            b.assertAccessible();
        }
    }

    /** On a file read at a branch, the thread opened by selecting lines and the thread swapped in after a resolve stay on it. */
    @Test
    void aThreadOpenedAndResolvedOnAFileReadAtABranchStaysOnTheBranch() {
        TestData.Team team = data.team();
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            git.commit("first", "src/App.java", GitFixture.lines(30));
            Repo repo = support.add(team.project(), team.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);
            String file = "/projects/" + team.slug() + "/repos/app/blob/src/App.java";

            b.login(team.reviewer().username, TestData.PASSWORD);
            b.go(file + "?ref=main");
            b.find("#L5 a").click();
            b.click("#comment-selection");
            b.waitFor("#new-thread-body");
            assertTrue(b.find("#new-thread-form").getAttribute("action").endsWith("/threads?ref=main"), "the form the script loaded asks on the ref");
            b.type("#new-thread-body", "Why five?");
            b.click("#new-thread-submit");
            WebElement thread = b.waitFor("tr.thread-row article.thread");
            assertTrue(thread.findElement(By.cssSelector(".thread-title a")).getAttribute("href").endsWith(file + "?ref=main#L5"));
            b.click("tr.thread-row form.thread-state-form button");
            b.waitForText("tr.thread-row form.thread-state-form button", "Reopen");
            assertTrue(b.find("tr.thread-row form.thread-state-form").getAttribute("action").endsWith("/reopen?ref=main"),
                    b.find("tr.thread-row form.thread-state-form").getAttribute("action"));
        }
    }

    @Test
    void twoRefusedRepliesOnOnePageLeaveOneErrorSummaryIdAndFocusTheNewest() {
        TestData.Team team = data.team();
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            git.commit("first", "src/App.java", GitFixture.lines(20));
            Repo repo = support.add(team.project(), team.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);
            List<String> ids = new java.util.ArrayList<>();
            for (int line : new int[] {3, 12}) {
                ids.add(fx.api(team.reviewer()).body(java.util.Map.of("path", "src/App.java", "lineStart", line, "lineEnd", line, "body", "Why " + line + "?"))
                        .post("/api/v1/projects/" + team.slug() + "/repos/app/threads").then().statusCode(201).extract().path("id"));
            }
            b.login(team.member().username, TestData.PASSWORD);
            b.go("/projects/" + team.slug() + "/repos/app/blob/src/App.java");
            for (String id : ids) {
                b.click("#thread-" + id + " form.reply button[type=submit]");
                b.waitFor("#thread-" + id + " form.reply .error-summary");
                b.waitForHtmx();
            }
            assertEquals(2, b.count(".error-summary"), "both replies still say what is wrong");
            assertEquals(1, b.count("#error-summary"), "one element carries the id");
            assertEquals(Boolean.TRUE, b.js("return document.activeElement === document.querySelector('#thread-" + ids.get(1) + " .error-summary')"),
                    "the newest refusal has the focus");
            assertEquals(Boolean.TRUE, b.js("return document.querySelector('#thread-" + ids.get(1) + " .error-summary').id === 'error-summary'"));
            b.assertAccessible();
        }
    }

    /** After "Save" on an edited comment the thread comes back with its "Edit" closed: the focus stayed on <body>. */
    @Test
    void savingAnEditedCommentKeepsTheFocusOnThatComment() {
        TestData.Team team = data.team();
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            git.commit("first", "src/App.java", GitFixture.lines(20));
            Repo repo = support.add(team.project(), team.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);
            String id = fx.api(team.reviewer()).body(java.util.Map.of("path", "src/App.java", "lineStart", 4, "lineEnd", 4, "body", "Why four?"))
                    .post("/api/v1/projects/" + team.slug() + "/repos/app/threads").then().statusCode(201).extract().path("id");
            b.login(team.reviewer().username, TestData.PASSWORD);
            b.go("/projects/" + team.slug() + "/repos/app/blob/src/App.java");
            String thread = "#thread-" + id;
            b.click(thread + " details.comment-edit summary");
            b.type(thread + " details.comment-edit textarea", "Why line four?");
            b.click(thread + " details.comment-edit button[type=submit]");
            b.waitForText(thread + " .comment-body", "Why line four?");
            b.waitUntil(d -> !Boolean.TRUE.equals(b.js("return document.activeElement === document.body;")));
            assertEquals(Boolean.TRUE, b.js("return document.activeElement.closest('li.comment') !== null"
                    + " && document.activeElement.closest('" + thread + "') !== null;"),
                    "the edited comment has the focus, not " + b.js("return document.activeElement.outerHTML.substring(0, 120);"));
        }
    }

    @Test
    void aReplyRaisesTheUnreadCountOfTheFirstReviewerWithoutAReload() {
        TestData.Team team = data.team();
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            git.commit("first", "src/App.java", GitFixture.lines(20));
            Repo repo = support.add(team.project(), team.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);
            String id = fx.api(team.reviewer()).body(java.util.Map.of("path", "src/App.java", "lineStart", 3, "lineEnd", 4, "body", "Why?"))
                    .post("/api/v1/projects/" + team.slug() + "/repos/app/threads").then().statusCode(201).extract().path("id");

            b.login(team.reviewer().username, TestData.PASSWORD);
            b.go("/projects/" + team.slug() + "/repos/app/blob/src/App.java");
            b.waitUntil(d -> "ready".equals(b.js("return document.body.getAttribute('data-live')")));
            // Read through script: the count element is replaced by every refresh.
            assertEquals("", unread(b));
            b.js("window.stillTheSamePage = true;");

            // The second user replies (here through the API, as an agent or another browser would).
            fx.api(team.member()).body(java.util.Map.of("body", "Because of the cache."))
                    .post("/api/v1/projects/" + team.slug() + "/threads/" + id + "/comments").then().statusCode(201);

            b.waitUntil(d -> unread(b).contains("1"));
            assertEquals(Boolean.TRUE, b.js("return window.stillTheSamePage === true;"), "the page was not reloaded");
            b.assertAccessible();
        }
    }

    @Test
    void onAPhoneThreadsBesideLongLinesStayInsideTheVisibleCodeEvenWhenItScrollsSideways() {
        TestData.Team team = data.team();
        try (GitFixture git = GitFixture.create(); Browser phone = Browser.open(base.toString(), 360)) {
            git.commit("first", "src/App.java", GitFixture.lines(10)
                    + "    private static final String A_VERY_LONG_CONSTANT_NAME_THAT_NEVER_ENDS = \"" + "x".repeat(150) + "\";\n");
            Repo repo = support.add(team.project(), team.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);
            String id = fx.api(team.reviewer()).body(java.util.Map.of("path", "src/App.java", "lineStart", 2, "lineEnd", 2,
                    "body", "A thread with a reply box that must stay readable on a phone"))
                    .post("/api/v1/projects/" + team.slug() + "/repos/app/threads").then().statusCode(201).extract().path("id");

            phone.login(team.reviewer().username, TestData.PASSWORD);
            phone.go("/projects/" + team.slug() + "/repos/app/blob/src/App.java");
            assertTrue(((Number) phone.js("var w = document.querySelector('.code-wrap'); return w.scrollWidth - w.clientWidth;")).longValue() > 100,
                    "the long line makes the code scroll sideways");
            assertInsideTheCode(phone, "#thread-" + id, "the thread");
            assertInsideTheCode(phone, "#thread-" + id + " textarea", "its reply box");
            phone.js("document.querySelector('.code-wrap').scrollLeft = 400;");
            assertInsideTheCode(phone, "#thread-" + id, "the thread, with the code scrolled sideways");

            phone.js("document.querySelector('.code-wrap').scrollLeft = 0;");
            phone.find("#L5 a").click();
            phone.click("#comment-selection");
            phone.waitFor("#new-thread-body");
            assertInsideTheCode(phone, "#new-thread-form", "the new thread's form");
            assertInsideTheCode(phone, "#new-thread-submit", "its submit button");
            phone.assertFitsWidth();
        }
    }

    private static void assertInsideTheCode(Browser b, String css, String what) {
        b.waitForHtmx();
        Object outside = b.js("""
                var wrap = document.querySelector('.code-wrap').getBoundingClientRect(), r = document.querySelector(arguments[0]).getBoundingClientRect();
                return r.left >= wrap.left - 1 && r.right <= wrap.right + 1 ? '' : 'left ' + Math.round(r.left) + ', right ' + Math.round(r.right)
                    + ' but the code shows ' + Math.round(wrap.left) + ' to ' + Math.round(wrap.right);""", css);
        assertEquals("", outside, what + " lies inside the visible code");
    }

    private static String unread(Browser b) {
        return String.valueOf(b.js("var e = document.getElementById('unread-count'); return e ? e.textContent.trim() : '';"));
    }
}
