package dev.specboard.review;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refused reply or edit sent without JavaScript comes back as a page of its own with the thread: its outline has one
 * h1 and never skips a level on the way down (axe's page-has-heading-one and heading-order), though the thread's h3
 * came right after the page's h1.
 */
@QuarkusTest
class RefusedPageOutlineTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Test
    void theRefusedReplyAndEditPagesHaveOneH1AndSkipNoHeadingLevel() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "src/App.java", GitFixture.lines(20));
            TestData.Team team = data.team();
            Repo repo = support.add(team.project(), team.owner(), "app", git.url());
            RepoSync synced = support.awaitLatest(repo);
            assertEquals(SyncStatus.SUCCESS, synced.status, synced.errorMessage);
            Response opened = Web.htmx(Web.as(team.reviewer())).contentType("application/x-www-form-urlencoded")
                    .formParam("path", "src/App.java").formParam("lineStart", "5").formParam("lineEnd", "6")
                    .formParam("body", "Why?").post("/projects/" + team.slug() + "/repos/app/threads");
            Element thread = Web.html(opened).selectFirst("article.thread");
            String threadId = thread.id().substring("thread-".length());
            String commentId = thread.selectFirst("li.comment").id().substring("comment-".length());

            Response reply = Web.as(team.member()).contentType("application/x-www-form-urlencoded").formParam("body", " ")
                    .post("/projects/" + team.slug() + "/threads/" + threadId + "/comments");
            assertEquals(422, reply.statusCode());
            assertOutline(Web.html(reply), "Reply on src/App.java");

            Response edit = Web.as(team.reviewer()).contentType("application/x-www-form-urlencoded").formParam("body", " ")
                    .post("/projects/" + team.slug() + "/comments/" + commentId);
            assertEquals(422, edit.statusCode());
            assertOutline(Web.html(edit), "Edit a comment on src/App.java");
        }
    }

    private static void assertOutline(Document page, String title) {
        List<Element> headings = page.select("h1, h2, h3, h4, h5, h6");
        List<String> outline = headings.stream().map(h -> h.tagName() + " " + h.text()).toList();
        assertEquals(1, page.select("h1").size(), outline.toString());
        assertEquals(title, page.selectFirst("h1").text());
        assertNotNull(page.selectFirst("#error-summary"), "the page says what was refused");
        int previous = 0;
        for (Element h : headings) {
            int level = h.tagName().charAt(1) - '0';
            assertTrue(level <= previous + 1, "no level skipped on the way down: " + outline);
            previous = level;
        }
    }
}
