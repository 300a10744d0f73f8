package dev.specboard.spec;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Completing a task: hours are refused, not rounded, past 2 decimals; a commit taken unchecked is checked by the next sync. */
@QuarkusTest
class TaskCompletionChecksTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final String TWO_DECIMALS = "Give the hours with at most 2 decimals, like 1.25";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    @TestHTTPResource("/")
    URI base;

    private static String base(TestData.Team t) {
        return "/api/v1/projects/" + t.slug();
    }

    private void spec(TestData.Team t, String... phases) {
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(null, "S", List.of(), phases)).post(base(t) + "/specs").then().statusCode(201);
    }

    private void started(TestData.Team t, String key) {
        fx.api(t.member()).post(base(t) + "/tasks/" + key + "/claim").then().statusCode(200);
        fx.api(t.member()).post(base(t) + "/tasks/" + key + "/start").then().statusCode(200);
    }

    @Test
    void hoursWithMoreThanTwoDecimalsAreRefusedNamingTheFieldThroughTheApiMcpAndTheTaskPage() {
        TestData.Team t = data.team();
        spec(t, "one", "two");
        started(t, "TASK-1-1");
        fx.api(t.member()).body("{\"commitSha\":\"" + SHA + "\",\"actualHours\":1.234}").post(base(t) + "/tasks/TASK-1-1/complete")
                .then().statusCode(422).body("details.actualHours", equalTo(TWO_DECIMALS));
        try (McpSyncClient mcp = Mcp.client(base, fx.token(t.member()))) {
            McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest("complete_task",
                    Map.of("project", t.slug(), "task", "TASK-1-1", "commitSha", SHA, "actualHours", 0.125)));
            String text = ((McpSchema.TextContent) r.content().get(0)).text();
            assertTrue(Boolean.TRUE.equals(r.isError()) && text.contains(TWO_DECIMALS), text);
        }
        started(t, "TASK-1-2");
        Response page = Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("commitSha", SHA)
                .formParam("actualHours", "2.005").post("/projects/" + t.slug() + "/tasks/TASK-1-2/complete");
        assertEquals(422, page.statusCode());
        Document refused = Web.html(page);
        assertEquals(TWO_DECIMALS, refused.getElementById("e-actualHours").text());
        assertEquals("2.005", refused.getElementById("f-actualHours").val(), "what was typed stays");
        // Trailing zeros are no decimals: 1.500 is 1.5.
        fx.api(t.member()).body("{\"commitSha\":\"" + SHA + "\",\"actualHours\":1.500}").post(base(t) + "/tasks/TASK-1-1/complete")
                .then().statusCode(200).body("actualHours", equalTo(1.5f));
        fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-2").then().body("task.status", equalTo("in_progress"));
        // A phase's estimate is kept with 2 decimals too.
        fx.api(t.member()).body(Map.of("title", "T", "specType", "hierarchical", "overview", "o", "phases",
                        List.of(Map.of("name", "p", "hours", 0.333, "content", "c"))))
                .post(base(t) + "/specs").then().statusCode(422).body("details.'phases[0].hours'", equalTo(TWO_DECIMALS));
    }

    @Test
    void aSyncChecksTheCommitsOfTasksCompletedBeforeAnyRepositoryWasSyncedAndLogsWhatItFound() throws Exception {
        TestData.Team t = data.team();
        spec(t, "one", "two", "three");
        try (GitFixture git = GitFixture.create()) {
            String onMain = git.commit("init", "README.md", "hello");
            git.branch("feature");
            String onBranch = git.commit("work", "b.java", "class B {}");
            git.checkout("main");
            String missing = "fedcba9876543210fedcba9876543210fedcba98";
            Map<String, String> commits = Map.of("TASK-1-1", onMain, "TASK-1-2", onBranch, "TASK-1-3", missing);
            // Nothing synced yet: every full SHA is taken unchecked.
            commits.forEach((key, sha) -> {
                started(t, key);
                fx.api(t.member()).body(Map.of("commitSha", sha)).post(base(t) + "/tasks/" + key + "/complete").then().statusCode(200)
                        .body("commitCheck", containsString("not checked"));
            });
            Repo repo = QuarkusTransaction.requiringNew().call(() -> repos.add(t.project(), t.owner(), "app", git.url()));
            assertEquals(SyncStatus.SUCCESS, repos.sync(repo).status);
            assertEquals(SyncStatus.SUCCESS, repos.sync(repo).status);

            fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-1").then().body("task.status", equalTo("merged"));
            fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-2").then().body("task.status", equalTo("completed"))
                    .body("events.findAll { it.from == 'completed' && it.to == 'completed' }", hasSize(1))
                    .body("events.note", hasItem(startsWith("Commit " + onBranch + " was found after the sync of repository app at ")));
            fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-3").then().body("task.status", equalTo("completed"))
                    .body("events.findAll { it.from == 'completed' && it.to == 'completed' }", hasSize(1))
                    .body("events.findAll { it.from == 'completed' && it.to == 'completed' }[0].via", equalTo("system"))
                    .body("events.note", hasItem(startsWith("Commit " + missing + " was not found in repository app")));
            // The agent reading its task's history and the lead on the task page see why it never becomes merged.
            Document page = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/tasks/TASK-1-3"));
            assertTrue(page.getElementById("task-history").text().contains("was not found in repository app"), page.getElementById("task-history").text());
            // Whoever completed it is told once, and only of the commit that was not found.
            fx.api(t.member()).get("/api/v1/notifications").then().statusCode(200)
                    .body("findAll { it.type == 'task_commit_missing' }.payload.message",
                            equalTo(List.of("TASK-1-3: commit fedcba9 was not found in repository app, so the task cannot become merged")))
                    .body("find { it.type == 'task_commit_missing' }.payload.link", equalTo("/projects/" + t.slug() + "/tasks/TASK-1-3"));
        }
    }

    @Test
    void aCommitNotFoundWaitsUntilEveryRepositoryOfTheProjectHasBeenSyncedOnce() throws Exception {
        TestData.Team t = data.team();
        spec(t, "one");
        try (GitFixture app = GitFixture.create(); GitFixture lib = GitFixture.create()) {
            app.commit("init", "README.md", "app");
            String inLib = lib.commit("init", "lib.java", "class Lib {}");
            started(t, "TASK-1-1");
            fx.api(t.member()).body(Map.of("commitSha", inLib)).post(base(t) + "/tasks/TASK-1-1/complete").then().statusCode(200);
            Repo first = QuarkusTransaction.requiringNew().call(() -> repos.add(t.project(), t.owner(), "app", app.url()));
            // lib follows a branch that does not exist yet: its syncs fail until it does.
            Repo second = QuarkusTransaction.requiringNew().call(() -> repos.add(t.project(), t.owner(), "lib", lib.url(), "release"));
            assertEquals(SyncStatus.SUCCESS, repos.sync(first).status);
            // lib has never been synced: nobody can tell yet, so nothing is logged and nobody is told.
            fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-1").then().body("task.status", equalTo("completed"))
                    .body("events.findAll { it.from == 'completed' && it.to == 'completed' }", hasSize(0));
            fx.api(t.member()).get("/api/v1/notifications").then().statusCode(200)
                    .body("findAll { it.type == 'task_commit_missing' }", hasSize(0));
            lib.branch("release");
            assertEquals(SyncStatus.SUCCESS, repos.sync(second).status);
            fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-1").then().body("task.status", equalTo("merged"));
        }
    }
}
