package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A thread says which manifest version its lines were read from: lines that moved since are carried to where the code
 * now is, as a sync carries open threads; lines that changed or went are refused with what they read now.
 */
@QuarkusTest
class ThreadReadVersionTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    ApiTokenService tokens;

    private static Map<String, Object> thread(String path, int start, int end, Integer version) {
        Map<String, Object> body = new HashMap<>(Map.of("path", path, "lineStart", start, "lineEnd", end, "body", "Why this?"));
        if (version != null) {
            body.put("manifestVersion", version);
        }
        return body;
    }

    @Test
    void linesReadInAnOlderVersionLandOnTheSameCodeOrAreRefusedWhenTheyChanged() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug() + "/repos/app";
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("App.java", GitFixture.lines(12), "README.md", "one\ntwo\n"));
            Repo repo = support.add(t.project(), t.owner(), "app", git.url());
            support.sync(repo);
            String line3 = GitFixture.lines(12).split("\n")[2];
            assertEquals(1, (int) Api.as(t.reviewer()).get(api + "/files/App.java").path("manifestVersion"));
            // Two header lines are pushed above what the agent read, and synced.
            git.commit("header", "App.java", "// header\n// more\n" + GitFixture.lines(12));
            assertEquals(2, support.sync(repo).manifestVersion);

            Response moved = Api.as(t.reviewer()).body(thread("App.java", 3, 3, 1)).post(api + "/threads");
            assertEquals(201, moved.statusCode(), moved.asString());
            assertEquals(5, (int) moved.path("lineStart"), "the thread is on the line the agent read, two lines down now");
            assertEquals(5, (int) moved.path("lineEnd"));
            assertEquals(2, (int) moved.path("manifestVersion"));
            assertEquals(line3, moved.path("snippet"));
            assertEquals(3, (int) moved.path("originalLineStart"));
            assertEquals(1, (int) moved.path("originalManifestVersion"));
            // Without a version the lines are the latest version's, as before.
            Response latest = Api.as(t.reviewer()).body(thread("App.java", 3, 3, null)).post(api + "/threads");
            assertEquals(201, latest.statusCode(), latest.asString());
            assertEquals(3, (int) latest.path("lineStart"));
            assertEquals(line3, Api.as(t.reviewer()).body(thread("App.java", 5, 5, 2)).post(api + "/threads").path("snippet"),
                    "the latest version given is the latest version");

            // A file unchanged since the version read keeps its lines.
            Response same = Api.as(t.reviewer()).body(thread("README.md", 2, 2, 1)).post(api + "/threads");
            assertEquals(201, same.statusCode(), same.asString());
            assertEquals(2, (int) same.path("lineStart"));
            assertEquals("two", same.path("snippet"));
            assertEquals(2, (int) same.path("manifestVersion"));

            // Lines changed since they were read: 409 saying so, with what those lines read now.
            git.commit("edit", "App.java", "// header\n// more\n" + GitFixture.lines(12).replace(line3, "changed"));
            assertEquals(3, support.sync(repo).manifestVersion);
            Response changed = Api.as(t.reviewer()).body(thread("App.java", 3, 3, 1)).post(api + "/threads");
            assertEquals(409, changed.statusCode(), changed.asString());
            assertTrue(changed.<String>path("error").contains("changed since"), changed.asString());
            assertTrue(changed.<String>path("details.manifestVersion").contains("the commented lines were changed"), changed.asString());
            assertEquals(line3, changed.path("details.yours.snippet"));
            assertEquals(3, (int) changed.path("details.current.manifestVersion"));
            assertEquals(GitFixture.lines(12).split("\n")[0], changed.path("details.current.snippet"), "line 3 of the latest version");

            // A deleted file, a version never synced and an unknown field are refused too; nothing is opened by them.
            Map<String, String> remove = new HashMap<>();
            remove.put("README.md", null);
            git.commit("remove", remove);
            support.sync(repo);
            Response deleted = Api.as(t.reviewer()).body(thread("README.md", 1, 1, 1)).post(api + "/threads");
            assertEquals(409, deleted.statusCode(), deleted.asString());
            assertTrue(deleted.<String>path("error").contains("deleted"), deleted.asString());
            Response future = Api.as(t.reviewer()).body(thread("App.java", 3, 3, 9)).post(api + "/threads");
            assertEquals(422, future.statusCode(), future.asString());
            assertTrue(future.<String>path("details.manifestVersion").startsWith("The repository has no manifest version 9"), future.asString());
            Map<String, Object> typo = thread("App.java", 3, 3, 1);
            typo.put("manifestVersoin", 1);
            Response unknown = Api.as(t.reviewer()).body(typo).post(api + "/threads");
            assertEquals(422, unknown.statusCode(), unknown.asString());
            assertEquals("unknown field", unknown.path("details.manifestVersoin"));
            assertEquals(4, Api.as(t.viewer()).get(api + "/threads").jsonPath().getList("$").size());
        }
    }

    @Test
    void theMcpToolAndTheWebFormSayWhichVersionTheLinesWereReadFrom() {
        TestData.Team t = data.team();
        String web = "/projects/" + t.slug() + "/repos/app";
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("App.java", GitFixture.lines(12)));
            Repo repo = support.add(t.project(), t.owner(), "app", git.url());
            support.sync(repo);
            String line3 = GitFixture.lines(12).split("\n")[2];
            Document form = Web.html(Web.as(t.reviewer()).get(web + "/threads/new?path=App.java&lineStart=3&lineEnd=3"));
            assertEquals("1", form.selectFirst("#new-thread-form input[name=manifestVersion]").val(), "the form keeps the version it shows");
            Document blob = Web.html(Web.as(t.reviewer()).get(web + "/blob/App.java"));
            assertEquals("1", blob.selectFirst("#line-range-form input[name=manifestVersion]").val());
            assertEquals("1", blob.selectFirst("#code").attr("data-manifest-version"));

            git.commit("header", "App.java", "// header\n// more\n" + GitFixture.lines(12));
            support.sync(repo);
            // The form shown before the sync is sent after it: the thread lands on the line that was shown.
            Response sent = Web.as(t.reviewer()).contentType("application/x-www-form-urlencoded").redirects().follow(false)
                    .formParam("path", "App.java").formParam("lineStart", "3").formParam("lineEnd", "3")
                    .formParam("manifestVersion", "1").formParam("body", "From the page").post(web + "/threads");
            assertEquals(303, sent.statusCode(), sent.asString());
            assertTrue(sent.header("Location").contains("L5"), sent.header("Location"));

            String token = tokens.create(t.reviewer().id, "agent", null, null).value();
            String session = Mcp.initialize(token);
            String answer = Mcp.answer(token, session, "open_review_thread", false, "project", t.slug(), "repository", "app",
                    "path", "App.java", "lineStart", 3, "lineEnd", 3, "body", "From the agent", "manifestVersion", 1);
            assertTrue(answer.contains("\"lineStart\":5") && answer.contains(line3), answer);
            git.commit("edit", "App.java", "// header\n// more\n" + GitFixture.lines(12).replace(line3, "changed"));
            support.sync(repo);
            String refused = Mcp.answer(token, session, "open_review_thread", true, "project", t.slug(), "repository", "app",
                    "path", "App.java", "lineStart", 3, "lineEnd", 3, "body", "Stale", "manifestVersion", 1);
            assertTrue(refused.contains("changed since"), refused);

            Response stale = Web.htmx(Web.as(t.reviewer())).contentType("application/x-www-form-urlencoded")
                    .formParam("path", "App.java").formParam("lineStart", "3").formParam("lineEnd", "3")
                    .formParam("manifestVersion", "1").formParam("body", "Kept text").post(web + "/threads");
            assertEquals(422, stale.statusCode(), stale.asString());
            Document again = Web.html(stale);
            assertTrue(again.selectFirst("#e-lineStart").text().contains("changed since"), again.html());
            assertEquals("3", again.selectFirst("#new-thread-form input[name=manifestVersion]").val(), "sent again, it is on the latest");
            assertEquals("Kept text", again.selectFirst("#new-thread-body").text());
        }
    }
}
