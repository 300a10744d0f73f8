package dev.specboard.repo;

import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.review.Comment;
import dev.specboard.review.NewThreadForm;
import dev.specboard.review.ReviewService;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person browses a branch or commit (?ref=) as an agent reads it: the pages say what they show, links stay on the ref,
 * downloads give the ref's bytes, and line threads (anchored to the synced manifest) are not offered on other lines.
 */
@QuarkusTest
class FileBrowserRefTest {

    private static final String REF = "?ref=agent/task-1";

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    ReviewService review;

    @Inject
    ApiTokenService tokens;

    @Test
    void foldersFilesAndDownloadsAreBrowsedAtABranchOrCommit() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug() + "/repos/app";
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("src/App.java", GitFixture.lines(10), "README.md", "# R\n"));
            Repo repo = support.add(t.project(), t.owner(), "app", git.url());
            support.sync(repo);
            review.open(new Access(t.project(), Role.REVIEWER, t.reviewer().id), repo,
                    new NewThreadForm("src/App.java", "3", "3", "Why line 3?", null), Comment.AuthorType.USER);
            git.branch("agent/task-1");
            String pushed = git.commit("task", Map.of("src/App.java", "first\r\nsecond\n", "src/task/Task.java", "a\nb\nc\n"));
            git.checkout("main");
            assertEquals(SyncStatus.SUCCESS, support.sync(repo).status);

            Document src = Web.html(Web.as(t.viewer()).get(base + "/tree/src" + REF).then().statusCode(200).extract().response());
            assertEquals(List.of("task/", "App.java"), src.select("#file-list tbody td:first-child a").eachText());
            assertEquals(List.of(base + "/tree/src/task" + REF, base + "/blob/src/App.java" + REF),
                    src.select("#file-list tbody td:first-child a").eachAttr("href"), "links stay on the ref");
            assertEquals(base + REF, src.selectFirst(".breadcrumb a").attr("href"), "the repository's page at the ref");
            String shown = src.getElementById("ref-view").text();
            assertTrue(shown.startsWith("Viewing branch agent/task-1 at commit " + pushed.substring(0, 10)), shown);
            assertEquals(base + "/tree/src", src.getElementById("ref-back").attr("href"), "src is on the default branch too");

            Document task = Web.html(Web.as(t.viewer()).get(base + "/tree/src/task" + REF).then().statusCode(200).extract().response());
            assertEquals(base, task.getElementById("ref-back").attr("href"), "a folder only the branch has goes back to the repository");
            assertEquals(List.of(base + "/tree/src" + REF), task.select(".breadcrumb li a").eachAttr("href").subList(1, 2));
            Document root = Web.html(Web.as(t.viewer()).get(base + "/tree/" + REF).then().statusCode(200).extract().response());
            assertEquals(List.of("src/", "README.md"), root.select("#file-list tbody td:first-child a").eachText());

            // A file at the ref: its lines, its download, and no line threads (they anchor to the synced manifest's lines).
            Document file = Web.html(Web.as(t.reviewer()).get(base + "/blob/src/App.java" + REF).then().statusCode(200).extract().response());
            assertEquals(2, file.select("#code tr[id^=L]").size());
            assertEquals("second", file.getElementById("L2").selectFirst("td + td").text());
            assertNull(file.getElementById("comment-lines"), "no new thread on a ref's lines");
            assertEquals("", file.getElementById("code").attr("data-new-thread"));
            assertNull(file.getElementById("explain-form"), "nor an explanation of them");
            assertEquals(1, file.select("#file-level-threads article.thread").size(), "the file's threads are listed above the code");
            assertTrue(file.select("#code article.thread").isEmpty(), "not at lines of another version");
            assertEquals(base + "/blob/src/App.java", file.getElementById("ref-back").attr("href"));
            assertTrue(file.getElementById("file-meta").text().indexOf("manifest v") < 0, file.getElementById("file-meta").text());
            String raw = file.getElementById("file-raw-link").attr("href");
            assertEquals(base + "/raw/src/App.java" + REF, raw);
            Response bytes = Web.as(t.viewer()).get(raw);
            assertEquals(200, bytes.statusCode());
            assertEquals("first\r\nsecond\n", new String(bytes.asByteArray(), StandardCharsets.UTF_8), "the committed bytes");
            assertEquals(pushed, bytes.header("X-Commit-Sha"));
            assertNull(bytes.header("X-Manifest-Version"), "no manifest holds the commit");
            Document only = Web.html(Web.as(t.viewer()).get(base + "/blob/src/task/Task.java" + REF).then().statusCode(200).extract().response());
            assertEquals(base, only.getElementById("ref-back").attr("href"));
            assertEquals(base + "/tree/src/task" + REF, only.select(".breadcrumb li a").last().attr("href"));

            // A commit by its SHA, and a ref on the synced manifest's commit (threads offered there anchor to that manifest).
            Document commit = Web.html(Web.as(t.viewer()).get(base + "/blob/src/App.java?ref=" + pushed.substring(0, 8))
                    .then().statusCode(200).extract().response());
            assertTrue(commit.getElementById("ref-view").text().startsWith("Viewing commit " + pushed.substring(0, 10)),
                    commit.getElementById("ref-view").text());
            Document main = Web.html(Web.as(t.reviewer()).get(base + "/blob/src/App.java?ref=main").then().statusCode(200).extract().response());
            assertTrue(main.getElementById("ref-view").text().contains("branch main at commit"), main.getElementById("ref-view").text());
            assertTrue(main.getElementById("ref-view").text().contains("(manifest v1)"), main.getElementById("ref-view").text());
            assertEquals("1", main.selectFirst("#line-range-form input[name=manifestVersion]").val());
            assertEquals(1, main.select("#code article.thread").size(), "the synced manifest's lines carry their threads");

            // Without ref nothing changed.
            Document plain = Web.html(Web.as(t.viewer()).get(base + "/blob/src/App.java"));
            assertNull(plain.getElementById("ref-view"));
            assertEquals(base + "/raw/src/App.java?v=1", plain.getElementById("file-raw-link").attr("href"));
            assertEquals(10, plain.select("#code tr[id^=L]").size());

            // A branch that moves on is read at its new commit: a kept listing is kept by commit.
            git.checkout("agent/task-1");
            git.commit("more", Map.of("src/task/More.java", "m\n"));
            git.checkout("main");
            assertEquals(SyncStatus.SUCCESS, support.sync(repo).status);
            assertEquals(List.of("More.java", "Task.java"), Web.html(Web.as(t.viewer()).get(base + "/tree/src/task" + REF))
                    .select("#file-list tbody td:first-child a").eachText());

            // The API's download reads the same ref.
            String token = tokens.create(t.viewer().id, "raw", null, null).value();
            String api = "/api/v1/projects/" + t.slug() + "/repos/app/raw/src/task/Task.java";
            Response apiRaw = RestAssured.given().auth().oauth2(token).get(api + REF);
            assertEquals(200, apiRaw.statusCode());
            assertEquals("a\nb\nc\n", apiRaw.asString());
            assertEquals(404, RestAssured.given().auth().oauth2(token).get(api).statusCode(), "the default stays the latest manifest");
            Response refused = RestAssured.given().auth().oauth2(token).queryParam("ref", "main~1").get(api);
            assertEquals(422, refused.statusCode(), refused.asString());
            assertTrue(refused.<String>path("details.ref").contains("branch name"), refused.asString());
            Response unknown = RestAssured.given().auth().oauth2(token).get(api + "?ref=agent/task-2");
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.<String>path("error").contains("push it, then sync"), unknown.asString());
        }
    }

    @Test
    void theRepositoryPageShowsABranchOrCommitAndThreadTitlesStayOnTheRefWhereTheirLinesAre() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug() + "/repos/app";
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("src/App.java", GitFixture.lines(10), "README.md", "# R\n"));
            Repo repo = support.add(t.project(), t.owner(), "app", git.url());
            support.sync(repo);
            String thread = review.open(new Access(t.project(), Role.REVIEWER, t.reviewer().id), repo,
                    new NewThreadForm("src/App.java", "3", "3", "Why line 3?", null), Comment.AuthorType.USER).id().toString();
            git.branch("agent/task-1");
            String pushed = git.commit("task", Map.of("docs/Only.md", "branch only\n"));
            git.checkout("main");
            assertEquals(SyncStatus.SUCCESS, support.sync(repo).status);

            // The repository's page at the branch: its files, links that stay on it, and the way back.
            Document page = Web.html(Web.as(t.viewer()).get(base + REF).then().statusCode(200).extract().response());
            assertEquals(List.of("docs/", "src/", "README.md"), page.select("#file-list tbody td:first-child a").eachText());
            assertEquals(List.of(base + "/tree/docs" + REF, base + "/tree/src" + REF, base + "/blob/README.md" + REF),
                    page.select("#file-list tbody td:first-child a").eachAttr("href"));
            String shown = page.getElementById("ref-view").text();
            assertTrue(shown.startsWith("Viewing branch agent/task-1 at commit " + pushed.substring(0, 10) + ", as of the last sync"), shown);
            assertEquals(base, page.getElementById("ref-back").attr("href"));
            assertTrue(page.getElementById("files").text().indexOf("Manifest v") < 0, "no manifest holds the branch's commit");
            assertNotNull(page.getElementById("sync-panel"), "the rest of the page is the repository's");
            Document commit = Web.html(Web.as(t.viewer()).get(base + "?ref=" + pushed).then().statusCode(200).extract().response());
            assertTrue(commit.getElementById("ref-view").text().startsWith("Viewing commit " + pushed.substring(0, 10)));
            Document main = Web.html(Web.as(t.viewer()).get(base + "?ref=main").then().statusCode(200).extract().response());
            assertTrue(main.getElementById("ref-view").text().contains("branch main at commit"), main.getElementById("ref-view").text());
            assertTrue(main.getElementById("ref-view").text().contains("(manifest v1)"), main.getElementById("ref-view").text());
            assertEquals(List.of("src/", "README.md"), main.select("#file-list tbody td:first-child a").eachText());

            Response bad = Web.as(t.viewer()).queryParam("ref", "main~1").get(base);
            assertEquals(422, bad.statusCode());
            assertTrue(Web.html(bad).getElementById("error-message").text().contains("ref: "));
            Response unknown = Web.as(t.viewer()).get(base + "?ref=agent/nope");
            assertEquals(404, unknown.statusCode());
            assertTrue(Web.html(unknown).getElementById("error-message").text().contains("push it, then sync"));
            assertEquals(404, Web.as(t.outsider()).get(base + "?ref=main").statusCode());
            Document plain = Web.html(Web.as(t.viewer()).get(base).then().statusCode(200).extract().response());
            assertNull(plain.getElementById("ref-view"), "without ref nothing changes");
            assertEquals(base + "/tree/src", plain.selectFirst("#file-list tbody td:first-child a").attr("href"));
            assertTrue(plain.getElementById("files").text().contains("Manifest v1"));
            assertNull(Web.html(Web.as(t.viewer()).get(base + "?ref=")).getElementById("ref-view"), "an empty ref is none");

            // A thread's title stays on the ref that reads the manifest its lines are in...
            Document onMain = Web.html(Web.as(t.reviewer()).get(base + "/blob/src/App.java?ref=main").then().statusCode(200).extract().response());
            assertEquals(base + "/blob/src/App.java?ref=main#L3", onMain.selectFirst("#thread-" + thread + "-title a").attr("href"));
            assertEquals(base + "?ref=main", onMain.selectFirst(".breadcrumb a").attr("href"));
            // ...and leads to the synced lines from a ref no manifest holds (line 3 there may be another line).
            Document onBranch = Web.html(Web.as(t.reviewer()).get(base + "/blob/src/App.java" + REF).then().statusCode(200).extract().response());
            assertEquals(base + "/blob/src/App.java#L3", onBranch.selectFirst("#thread-" + thread + "-title a").attr("href"));
            Document latest = Web.html(Web.as(t.reviewer()).get(base + "/blob/src/App.java").then().statusCode(200).extract().response());
            assertEquals(base + "/blob/src/App.java#L3", latest.selectFirst("#thread-" + thread + "-title a").attr("href"),
                    "without ref nothing changes");
        }
    }

    @Test
    void aMalformedRefIs422AndAnUnknownOne404SayingToPushAndSync() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug() + "/repos/app";
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("src/App.java", "x\n"));
            Repo repo = support.add(t.project(), t.owner(), "app", git.url());
            support.sync(repo);
            for (String page : List.of("/tree/src", "/blob/src/App.java", "/raw/src/App.java")) {
                for (String bad : List.of("--upload-pack=touch", "main~1", "HEAD@{1}", "a..b")) {
                    Response r = Web.as(t.viewer()).queryParam("ref", bad).get(base + page);
                    assertEquals(422, r.statusCode(), page + " " + bad);
                    String message = Web.html(r).getElementById("error-message").text();
                    assertTrue(message.contains("ref: "), message);
                }
                Response both = Web.as(t.viewer()).get(base + page + "?ref=main&v=1");
                assertEquals(422, both.statusCode(), page);
                assertTrue(Web.html(both).getElementById("error-message").text().contains("not both"), page);
                Response unknown = Web.as(t.viewer()).get(base + page + "?ref=agent/nope");
                assertEquals(404, unknown.statusCode(), page);
                String message = Web.html(unknown).getElementById("error-message").text();
                assertTrue(message.contains("No branch or commit agent/nope in app as of its last sync: push it, then sync"), message);
                assertEquals(404, Web.as(t.outsider()).get(base + page + "?ref=main").statusCode(), page);
            }
            assertNotNull(Web.html(Web.as(t.viewer()).get(base + "/tree/src?ref=")).getElementById("file-list"), "an empty ref is none");
        }
    }
}
