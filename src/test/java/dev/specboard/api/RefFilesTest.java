package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent reads back what it pushed to its task branch: files and folders at a branch or commit, as of the last sync. */
@QuarkusTest
class RefFilesTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    ApiTokenService tokens;

    @Test
    void filesAndFoldersAreReadAtABranchOrCommitOfTheMirror() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug() + "/repos/app";
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("src/App.java", "class App {}\n"));
            Repo repo = support.add(t.project(), t.owner(), "app", git.url());
            support.sync(repo);
            git.branch("agent/task-1");
            String pushed = git.commit("task", Map.of("src/App.java", "class App { int x; }\n", "src/Task.java", "a\nb\nc\n",
                    "data.bin", "x\u0000y"));
            git.checkout("main");
            support.sync(repo);

            Response task = Api.as(t.viewer()).get(api + "/files/src/Task.java?ref=agent/task-1");
            assertEquals(200, task.statusCode(), task.asString());
            assertEquals("a\nb\nc\n", task.path("content"));
            assertEquals(3, (int) task.path("lines"));
            assertEquals(pushed, task.path("commitSha"));
            assertNull(task.path("manifestVersion"), "no manifest holds a task branch");
            assertEquals(404, Api.as(t.viewer()).get(api + "/files/src/Task.java").statusCode(), "the default stays the latest manifest");
            assertEquals("class App {}\n", Api.as(t.viewer()).get(api + "/files/src/App.java").path("content"));
            for (String sha : List.of(pushed, pushed.substring(0, 10), pushed.toUpperCase())) {
                assertEquals("class App { int x; }\n", Api.as(t.viewer()).get(api + "/files/src/App.java?ref=" + sha).path("content"), sha);
            }
            Response main = Api.as(t.viewer()).get(api + "/files/src/App.java?ref=main");
            assertEquals(1, (int) main.path("manifestVersion"), "a ref on the latest manifest's commit reads that manifest");
            Response binary = Api.as(t.viewer()).get(api + "/files/data.bin?ref=agent/task-1");
            assertEquals(true, binary.path("binary"));
            assertNull(binary.path("content"));

            Response tree = Api.as(t.viewer()).get(api + "/tree?path=src&ref=agent/task-1");
            assertEquals(200, tree.statusCode(), tree.asString());
            assertEquals(List.of("src/App.java", "src/Task.java"), tree.jsonPath().getList("path"));
            assertEquals(List.of("data.bin", "src"), Api.as(t.viewer()).get(api + "/tree?ref=agent/task-1").jsonPath().getList("path").stream()
                    .sorted().toList());

            for (String bad : List.of("--upload-pack=touch", "main~1", "HEAD@{1}", "a..b", "x y")) {
                Response r = Api.as(t.viewer()).queryParam("ref", bad).get(api + "/files/src/App.java");
                assertEquals(422, r.statusCode(), bad + ": " + r.asString());
                assertTrue(r.<String>path("details.ref").length() > 10, bad + ": " + r.asString());
            }
            Response unknown = Api.as(t.viewer()).get(api + "/files/src/App.java?ref=agent/task-2");
            assertEquals(404, unknown.statusCode(), unknown.asString());
            assertTrue(unknown.<String>path("error").startsWith("No branch or commit agent/task-2 in app"), unknown.asString());
            assertEquals(404, Api.as(t.viewer()).get(api + "/files/src/App.java?ref=deadbeef").statusCode());
            assertEquals(404, Api.as(t.viewer()).get(api + "/files/src/..%2F..%2Fetc%2Fpasswd?ref=agent/task-1").statusCode());
            assertEquals(404, Api.as(t.viewer()).get(api + "/files/src/Nope.java?ref=agent/task-1").statusCode());
            assertEquals(404, Api.as(t.outsider()).get(api + "/files/src/Task.java?ref=agent/task-1").statusCode());

            String token = tokens.create(t.member().id, "agent", null, null).value();
            String session = Mcp.initialize(token);
            String file = Mcp.answer(token, session, "get_file", false, "project", t.slug(), "repository", "app", "path", "src/Task.java",
                    "ref", "agent/task-1");
            assertTrue(file.contains("a\\nb\\nc\\n"), file);
            String folder = Mcp.answer(token, session, "get_tree", false, "project", t.slug(), "repository", "app", "path", "src",
                    "ref", "agent/task-1");
            assertTrue(folder.contains("src/Task.java"), folder);
            String refused = Mcp.answer(token, session, "get_file", true, "project", t.slug(), "repository", "app", "path", "src/App.java",
                    "ref", "-x");
            assertTrue(refused.contains("ref"), refused);
        }
    }
}
