package dev.specboard.repo;

import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser, a person reads a branch an agent pushed (?ref=): the file and the repository's page say what they
 * show, the keyboard reaches the way back to the synced default and the links that stay on the branch, and axe-core
 * finds nothing wrong on either page.
 */
@QuarkusTest
class RefBrowserTest {

    private static final String REF = "?ref=agent/task-1";

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Test
    void aFileAndTheRepositoryAtABranchSayWhatTheyShowAndAreBrowsedByKeyboard() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            git.commit("first", Map.of("src/App.java", GitFixture.lines(10), "README.md", "# R\n"));
            Repo repo = support.add(t.project(), t.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);
            git.branch("agent/task-1");
            String pushed = git.commit("task", Map.of("src/App.java", "first\nsecond\n", "src/task/Task.java", "a\n"));
            git.checkout("main");
            assertEquals(SyncStatus.SUCCESS, support.sync(repo).status);
            String repoUrl = "/projects/" + t.slug() + "/repos/app";

            b.login(t.viewer().username, TestData.PASSWORD);
            b.go(repoUrl + "/blob/src/App.java" + REF);
            assertTrue(b.text("#ref-view").startsWith("Viewing branch agent/task-1 at commit " + pushed.substring(0, 10)), b.text("#ref-view"));
            assertEquals(2, b.count("#code tr[id^=L]"), "the branch's lines");
            b.assertAccessible();
            tabTo(b, "#ref-back");
            enter(b);
            b.waitUntil(d -> d.getCurrentUrl().endsWith(repoUrl + "/blob/src/App.java"));
            assertEquals(10, b.count("#code tr[id^=L]"), "back on the synced default branch");
            assertEquals(0, b.count("#ref-view"));

            b.go(repoUrl + REF);
            assertTrue(b.text("#ref-view").startsWith("Viewing branch agent/task-1 at commit " + pushed.substring(0, 10)), b.text("#ref-view"));
            b.assertAccessible();
            tabTo(b, "#file-list a[href$='/tree/src" + REF + "']");
            enter(b);
            b.waitUntil(d -> d.getCurrentUrl().endsWith(repoUrl + "/tree/src" + REF));
            assertTrue(b.text("#ref-view").startsWith("Viewing branch agent/task-1"), "the folder is read at the branch too");
            assertEquals("task/", b.text("#file-list tbody td:first-child a"), "with the folder only the branch has");
            b.assertAccessible();
            tabTo(b, ".breadcrumb a");
            enter(b);
            b.waitUntil(d -> d.getCurrentUrl().endsWith(repoUrl + REF));
            assertTrue(b.text("#ref-view").startsWith("Viewing branch agent/task-1"), "the repository's page at the branch");
        }
    }

    /** Presses Tab until the element is focused (it must be reached within 80 presses), and checks the focus shows. */
    private static void tabTo(Browser b, String css) {
        for (int i = 0; i < 80; i++) {
            new Actions(b.driver).sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(b.js("return document.activeElement !== null && document.activeElement.matches(arguments[0]);", css))) {
                assertEquals(Boolean.TRUE, b.js("return document.activeElement.matches(':focus-visible');"), css + " shows its focus");
                return;
            }
        }
        throw new AssertionError(css + " is not reached by Tab; focus is on "
                + b.js("return document.activeElement && document.activeElement.outerHTML.substring(0, 200);"));
    }

    private static void enter(Browser b) {
        b.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    }
}
