package dev.specboard.review;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file page read at a branch or commit (?ref=) keeps it on what its review threads answer: the thread htmx swaps in
 * after a reply, a resolve or a new thread, the page a plain form goes back to, a refused form shown again; and the
 * repository's page at a ref leads to its threads at that ref. These all showed the default branch.
 */
@QuarkusTest
class ThreadsAtRefTest {

    private static final String BRANCH = "?ref=agent/task-1";

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    ReviewService review;

    private record Setup(TestData.Team t, String base, String thread, String comment) {
    }

    private Setup setup(GitFixture git) {
        TestData.Team t = data.team();
        git.commit("first", Map.of("src/App.java", GitFixture.lines(10), "README.md", "# R\n"));
        Repo repo = support.add(t.project(), t.owner(), "app", git.url());
        support.sync(repo);
        ThreadView opened = review.open(new Access(t.project(), Role.REVIEWER, t.reviewer().id), repo,
                new NewThreadForm("src/App.java", "3", "3", "Why line 3?", null), Comment.AuthorType.USER);
        git.branch("agent/task-1");
        git.commit("task", Map.of("src/App.java", "first\nsecond\n"));
        git.checkout("main");
        assertEquals(SyncStatus.SUCCESS, support.sync(repo).status);
        return new Setup(t, "/projects/" + t.slug() + "/repos/app", opened.id().toString(), opened.comments().get(0).id().toString());
    }

    private static List<String> actions(Element thread) {
        return thread.select("form").eachAttr("action");
    }

    @Test
    void aThreadAnsweredOnAFileReadAtABranchStaysOnTheBranch() {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            String threads = "/projects/" + s.t().slug() + "/threads/" + s.thread();
            String comments = "/projects/" + s.t().slug() + "/comments/" + s.comment();
            Document page = Web.html(Web.as(s.t().reviewer()).get(s.base() + "/blob/src/App.java" + BRANCH).then().statusCode(200).extract().response());
            Element shown = page.getElementById("thread-" + s.thread());
            assertEquals(List.of(comments + BRANCH, comments + "/delete" + BRANCH, threads + "/comments" + BRANCH, threads + "/resolve" + BRANCH),
                    actions(shown), "every form of the thread carries the ref");
            assertEquals(threads + "/comments" + BRANCH, shown.selectFirst("form.reply").attr("hx-post"));
            assertEquals(s.base() + "/threads?path=src/App.java&ref=agent/task-1", page.getElementById("file-threads-link").attr("href"));

            // htmx: the thread swapped in after a reply or a resolve keeps its forms on the ref.
            Response replied = Web.htmx(Web.as(s.t().member())).formParam("body", "Because.").post(threads + "/comments" + BRANCH);
            assertEquals(200, replied.statusCode(), replied.asString());
            assertEquals(threads + "/comments" + BRANCH, Web.html(replied).selectFirst("form.reply").attr("action"));
            Response resolved = Web.htmx(Web.as(s.t().member())).post(threads + "/resolve" + BRANCH);
            assertEquals(threads + "/reopen" + BRANCH, Web.html(resolved).selectFirst("form.thread-state-form").attr("hx-post"));

            // Without script: back to the thread on the file at the ref.
            String back = s.base() + "/blob/src/App.java" + BRANCH + "#thread-" + s.thread();
            assertEquals(back, location(Web.as(s.t().member()).formParam("body", "And again.").post(threads + "/comments" + BRANCH)));
            assertEquals(back, location(Web.as(s.t().member()).post(threads + "/reopen" + BRANCH)));
            assertEquals(back, location(Web.as(s.t().reviewer()).formParam("body", "Why line 3, really?").formParam("version", "1")
                    .post(comments + BRANCH)));
            Response refused = Web.as(s.t().member()).formParam("body", " ").post(threads + "/comments" + BRANCH);
            assertEquals(422, refused.statusCode());
            Document again = Web.html(refused);
            assertEquals(s.base() + "/blob/src/App.java" + BRANCH + "#thread-" + s.thread(), again.getElementById("back-to-file").attr("href"));
            assertEquals(threads + "/comments" + BRANCH, again.selectFirst("form.reply").attr("action"), "the refused form keeps the ref too");

            // A ref gone since (or malformed) does not undo the change: the answer is the default branch's.
            assertEquals(s.base() + "/blob/src/App.java#thread-" + s.thread(),
                    location(Web.as(s.t().member()).formParam("body", "Still here.").post(threads + "/comments?ref=agent/gone")));
            assertEquals(s.base() + "/blob/src/App.java#thread-" + s.thread(),
                    location(Web.as(s.t().member()).formParam("body", "Still.").post(threads + "/comments?ref=main~1")));
            assertEquals(s.base() + "/blob/src/App.java#thread-" + s.thread(), location(Web.as(s.t().member()).post(threads + "/resolve")),
                    "without a ref nothing changed");
        }
    }

    @Test
    void aThreadOpenedOnTheSyncedCommitReadAsABranchStaysOnIt() {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            Document page = Web.html(Web.as(s.t().reviewer()).get(s.base() + "/blob/src/App.java?ref=main").then().statusCode(200).extract().response());
            assertEquals("main", page.selectFirst("#line-range-form input[name=ref]").val(), "the form without script asks on the ref");
            assertEquals("main", page.getElementById("code").attr("data-ref"), "and the script's");

            Response form = Web.htmx(Web.as(s.t().reviewer())).get(s.base() + "/threads/new?path=src/App.java&lineStart=5&lineEnd=5&manifestVersion=1&ref=main");
            assertEquals(200, form.statusCode(), form.asString());
            assertEquals(s.base() + "/threads?ref=main", Web.html(form).getElementById("new-thread-form").attr("hx-post"));
            Document plain = Web.html(Web.as(s.t().reviewer()).get(s.base() + "/threads/new?path=src/App.java&lineStart=5&manifestVersion=1&ref=main"));
            assertEquals(s.base() + "/threads?ref=main", plain.getElementById("new-thread-form").attr("action"));
            assertEquals(s.base() + "/blob/src/App.java?ref=main", plain.getElementById("back-to-file").attr("href"));

            Response opened = Web.htmx(Web.as(s.t().reviewer())).formParam("path", "src/App.java").formParam("lineStart", "5").formParam("lineEnd", "5")
                    .formParam("manifestVersion", "1").formParam("body", "Line 5?").post(s.base() + "/threads?ref=main");
            assertEquals(200, opened.statusCode(), opened.asString());
            Element thread = Web.html(opened).selectFirst("article.thread");
            assertEquals(s.base() + "/blob/src/App.java?ref=main#L5", thread.selectFirst(".thread-title a").attr("href"));
            assertTrue(actions(thread).stream().allMatch(a -> a.endsWith("?ref=main")), actions(thread).toString());
            assertEquals(s.base() + "/blob/src/App.java?ref=main#L6", location(Web.as(s.t().reviewer()).formParam("path", "src/App.java")
                    .formParam("lineStart", "6").formParam("manifestVersion", "1").formParam("body", "Line 6?").post(s.base() + "/threads?ref=main")));
        }
    }

    @Test
    void theRepositoryPageAtARefLeadsToItsThreadsAtThatRef() {
        try (GitFixture git = GitFixture.create()) {
            Setup s = setup(git);
            Document repoPage = Web.html(Web.as(s.t().viewer()).get(s.base() + BRANCH).then().statusCode(200).extract().response());
            assertEquals(s.base() + "/threads" + BRANCH, repoPage.getElementById("threads-link").attr("href"));
            assertEquals(s.base() + "/threads", Web.html(Web.as(s.t().viewer()).get(s.base())).getElementById("threads-link").attr("href"));

            Document list = Web.html(Web.as(s.t().reviewer()).get(s.base() + "/threads?ref=main").then().statusCode(200).extract().response());
            assertEquals(s.base() + "?ref=main", list.selectFirst(".breadcrumb a").attr("href"));
            assertEquals("main", list.selectFirst("#thread-filters input[name=ref]").val(), "filtering stays on the ref");
            Element thread = list.getElementById("thread-" + s.thread());
            assertEquals(s.base() + "/blob/src/App.java?ref=main#L3", thread.selectFirst(".thread-title a").attr("href"));
            assertTrue(actions(thread).stream().allMatch(a -> a.endsWith("?ref=main")), actions(thread).toString());
            assertTrue(list.getElementById("threads-ref").text().contains("main"));

            assertEquals(422, Web.as(s.t().viewer()).queryParam("ref", "main~1").get(s.base() + "/threads").statusCode());
            Response unknown = Web.as(s.t().viewer()).get(s.base() + "/threads?ref=agent/nope");
            assertEquals(404, unknown.statusCode());
            assertTrue(Web.html(unknown).getElementById("error-message").text().contains("push it, then sync"));
        }
    }

    private static String location(Response r) {
        assertEquals(303, r.statusCode(), r.asString());
        String l = r.header("Location");
        return l.substring(l.indexOf("/projects/"));
    }
}
