package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent renames a symbol through the MCP tools: create, follow, apply; and asks for an outline. */
@QuarkusTest
class JobToolsTest {

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    private static String id(String text) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    @Test
    void anAgentProposesAndAppliesARenameAndQueuesAnOutline() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            String token = fx.token(t.member());
            String session = Mcp.initialize(token);
            String project = "\"project\":\"" + t.slug() + "\",\"repository\":\"app\"";

            String created = Mcp.callTool(token, session, "create_refactor", "{" + project + ",\"symbol\":\"greet\",\"newName\":\"hail\"}")
                    .then().statusCode(200).body("result.isError", equalTo(false)).extract().path("result.content[0].text");
            String refactor = id(created);
            assertEquals(JobStatus.SUCCESS, jobs.awaitRefactor(UUID.fromString(refactor)).status);
            Mcp.callTool(token, session, "get_refactor", "{" + project + ",\"refactor\":\"" + refactor + "\"}").then().statusCode(200)
                    .body("result.content[0].text", containsString("\"status\":\"SUCCESS\""))
                    .body("result.content[0].text", containsString("+    public String hail(String name) {"));
            Mcp.callTool(token, session, "apply_refactor", "{" + project + ",\"refactor\":\"" + refactor + "\"}").then().statusCode(200)
                    .body("result.isError", equalTo(false))
                    .body("result.content[0].text", containsString("\"branch\":\"refactor/greet-to-hail\""));

            String docs = Mcp.callTool(token, session, "create_docs_job", "{" + project + ",\"path\":\"" + JobTestSupport.DIR + "\"}")
                    .then().statusCode(200).body("result.isError", equalTo(false)).extract().path("result.content[0].text");
            String job = id(docs);
            assertEquals(JobStatus.SUCCESS, jobs.await(UUID.fromString(job)).status);
            Mcp.callTool(token, session, "get_job", "{\"project\":\"" + t.slug() + "\",\"job\":\"" + job + "\"}").then().statusCode(200)
                    .body("result.content[0].text", containsString("public String greet(String name)"));
            Mcp.callTool(token, session, "get_job", "{\"project\":\"" + t.slug() + "\",\"job\":\"nope\"}").then().statusCode(200)
                    .body("result.isError", equalTo(true));
        }
    }

    /** An agent asks for an explanation of lines: the answer is posted on a new review thread on those lines. */
    @Test
    void anAgentQueuesAnExplanationOfLines() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            String token = fx.token(t.reviewer());
            String session = Mcp.initialize(token);
            String job = Mcp.id(Mcp.answer(token, session, "create_explanation_job", false, "project", t.slug(), "repository", "app",
                    "path", "scripts/hello.py", "lineStart", 1, "lineEnd", 3));
            AiJob done = jobs.await(UUID.fromString(job));
            assertEquals(JobStatus.SUCCESS, done.status, done.error);
            assertEquals("scripts/hello.py", QuarkusTransaction.requiringNew().call(() -> dev.specboard.review.CommentThread
                    .<dev.specboard.review.CommentThread>findById(UUID.fromString((String) done.result.get("threadId")))).filePath);
            String refused = Mcp.answer(token, session, "create_explanation_job", true, "project", t.slug(), "repository", "app",
                    "path", "scripts/hello.py", "lineStart", 900);
            assertTrue(refused.contains("Choose a line between 1 and"), refused);
        }
    }

    /** What the jobs page lets a member do to a job (list, cancel, retry, re-run) an agent can do through MCP too. */
    @Test
    void anAgentListsCancelsRetriesAndReRunsJobsAsThePageDoes() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            String token = fx.token(t.member());
            String session = Mcp.initialize(token);
            String project = "\"project\":\"" + t.slug() + "\"";

            String docs = Mcp.callTool(token, session, "create_docs_job", "{" + project + ",\"path\":\"" + JobTestSupport.DIR + "\"}")
                    .then().body("result.isError", equalTo(false)).extract().path("result.content[0].text");
            UUID job = UUID.fromString(id(docs));
            assertEquals(JobStatus.SUCCESS, jobs.await(job).status);
            Mcp.callTool(token, session, "list_jobs", "{" + project + ",\"type\":\"DOCS\"}").then().statusCode(200)
                    .body("result.isError", equalTo(false))
                    .body("result.content[0].text", containsString("\"id\":\"" + job + "\""))
                    .body("result.content[0].text", containsString("\"status\":\"SUCCESS\""));
            Mcp.callTool(token, session, "list_jobs", "{" + project + ",\"status\":\"FAILED\"}").then()
                    .body("result.isError", equalTo(false)).body("result.content[0].text", equalTo("[]"));
            Mcp.callTool(token, session, "cancel_job", "{" + project + ",\"job\":\"" + job + "\"}").then()
                    .body("result.isError", equalTo(true)).body("result.content[0].text", containsString("already succeeded"));

            // A job that failed (its worker gave up) is queued again and runs to its end.
            QuarkusTransaction.requiringNew().run(() -> {
                AiJob j = AiJob.findById(job);
                j.status = JobStatus.FAILED;
                j.error = "the worker gave up";
            });
            Mcp.callTool(token, session, "retry_job", "{" + project + ",\"job\":\"" + job + "\"}").then()
                    .body("result.isError", equalTo(false)).body("result.content[0].text", containsString("\"status\":\"QUEUED\""));
            assertEquals(JobStatus.SUCCESS, jobs.await(job).status);

            String repo = project + ",\"repository\":\"app\"";
            String created = Mcp.callTool(token, session, "create_refactor", "{" + repo + ",\"symbol\":\"nothere\",\"newName\":\"hi\"}")
                    .then().body("result.isError", equalTo(false)).extract().path("result.content[0].text");
            UUID refactor = UUID.fromString(id(created));
            assertEquals(JobStatus.FAILED, jobs.awaitRefactor(refactor).status);
            Mcp.callTool(token, session, "rerun_refactor", "{" + repo + ",\"refactor\":\"" + refactor + "\"}").then()
                    .body("result.isError", equalTo(false)).body("result.content[0].text", containsString("\"status\":\"QUEUED\""));
            assertEquals(JobStatus.FAILED, jobs.awaitRefactor(refactor).status, "nothing to rename still");
            // An ended refactor is named as one, not as "this job", over MCP, the API and the page alike.
            String ended = "This refactor has already ended; only a queued or running refactor can be cancelled.";
            Mcp.callTool(token, session, "cancel_refactor", "{" + repo + ",\"refactor\":\"" + refactor + "\"}").then()
                    .body("result.isError", equalTo(true)).body("result.content[0].text", containsString(ended));
            fx.api(t.member()).post("/api/v1/projects/" + t.slug() + "/repos/app/refactors/" + refactor + "/cancel").then()
                    .statusCode(409).body("error", equalTo(ended));
            io.restassured.response.Response page = dev.specboard.support.Web.as(t.member())
                    .post("/projects/" + t.slug() + "/repos/app/refactors/" + refactor + "/cancel");
            assertEquals(303, page.statusCode(), page.asString());
            assertEquals(ended, java.net.URLDecoder.decode(page.getCookie("sb_flash"), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
