package dev.specboard.spec;

import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.specboard.spec.SpecApiFixtures.SHA;
import static dev.specboard.spec.SpecApiFixtures.root;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent walks its task through the MCP tools and meets the same checks, with the same messages, as through the JSON API. */
@QuarkusTest
class AgentToolsParityTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @TestHTTPResource("/")
    URI base;

    private void spec(TestData.Team t) {
        fx.api(t.member()).body(Map.of("title", "S", "specType", "hierarchical", "overview", "Overview", "phases", List.of(
                        Map.of("name", "one", "description", "Build one", "hours", 1, "content", "Do one", "assignedFiles", List.of("a.java")))))
                .post(root(t) + "/specs").then().statusCode(201);
    }

    private static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @Test
    void completeTaskRefusesHoursOutOfRangeNamingTheFieldAsTheApiDoes() {
        TestData.Team t = data.team();
        spec(t);
        String token = fx.token(t.member());
        fx.started(t.member(), t, "TASK-1-1");
        fx.api(t.member()).body("{\"commitSha\":\"" + SHA + "\",\"actualHours\":1e400}").post(root(t) + "/tasks/TASK-1-1/complete")
                .then().statusCode(422).body("details.actualHours", equalTo("Hours between 0 and 9999"));
        // A JSON number too large for a double was read as infinite, and refused with BigDecimal's own words.
        String session = Mcp.initialize(token);
        for (String hours : List.of("1e400", "-1e400", "10000")) {
            Response r = Mcp.callTool(token, session, "complete_task", "{\"project\":\"" + t.slug() + "\",\"task\":\"TASK-1-1\",\"commitSha\":\""
                    + SHA + "\",\"actualHours\":" + hours + "}");
            assertEquals(Boolean.TRUE, r.path("result.isError"), hours + " → " + r.asString());
            assertEquals("{\"error\":\"Validation failed\",\"details\":{\"actualHours\":\"Hours between 0 and 9999\"}}",
                    r.path("result.content[0].text"), hours);
        }
        try (McpSyncClient mcp = Mcp.client(base, token)) {
            McpSchema.Tool tool = mcp.listTools().tools().stream().filter(x -> x.name().equals("complete_task")).findFirst().orElseThrow();
            assertEquals("number", ((Map<?, ?>) ((Map<?, ?>) tool.inputSchema().get("properties")).get("actualHours")).get("type"), tool.inputSchema().toString());
            McpSchema.CallToolResult done = mcp.callTool(new McpSchema.CallToolRequest("complete_task",
                    Map.of("project", t.slug(), "task", "TASK-1-1", "commitSha", SHA, "actualHours", 2.5)));
            assertTrue(!Boolean.TRUE.equals(done.isError()), text(done));
            assertTrue(text(done).contains("\"actualHours\":2.50"), text(done));
        }
    }

    @Test
    void anAgentRecordsAndClearsItsWorktreeOnATaskItAlreadyHoldsThroughATool() {
        TestData.Team t = data.team();
        spec(t);
        String token = fx.token(t.member());
        try (McpSyncClient mcp = Mcp.client(base, token); McpSyncClient lead = Mcp.client(base, fx.token(t.lead()))) {
            // claim_next_task without a worktree: the agent makes its worktree afterwards, and had no tool to say where it is
            McpSchema.CallToolResult claimed = mcp.callTool(new McpSchema.CallToolRequest("claim_next_task", Map.of("project", t.slug())));
            assertTrue(text(claimed).contains("\"worktreePath\":null"), text(claimed));
            McpSchema.CallToolResult recorded = mcp.callTool(new McpSchema.CallToolRequest("record_task_worktree",
                    Map.of("project", t.slug(), "task", "TASK-1-1", "worktreePath", "/home/agent/wt/one")));
            assertTrue(!Boolean.TRUE.equals(recorded.isError()) && text(recorded).contains("\"worktreePath\":\"/home/agent/wt/one\""), text(recorded));
            fx.api(t.viewer()).get(root(t) + "/tasks/TASK-1-1").then().body("task.worktreePath", equalTo("/home/agent/wt/one"));
            // the same checks and words as POST .../worktree
            McpSchema.CallToolResult bad = mcp.callTool(new McpSchema.CallToolRequest("record_task_worktree",
                    Map.of("project", t.slug(), "task", "TASK-1-1", "worktreePath", "/w/a\nb")));
            assertEquals("{\"error\":\"Validation failed\",\"details\":{\"worktreePath\":\"A path on one line, without control characters\"}}",
                    text(bad));
            McpSchema.CallToolResult notTheirs = lead.callTool(new McpSchema.CallToolRequest("record_task_worktree",
                    Map.of("project", t.slug(), "task", "TASK-1-1", "worktreePath", "/elsewhere")));
            String apiRefusal = fx.api(t.lead()).body(Map.of("worktreePath", "/elsewhere")).post(root(t) + "/tasks/TASK-1-1/worktree")
                    .then().statusCode(409).extract().asString();
            assertTrue(Boolean.TRUE.equals(notTheirs.isError()), text(notTheirs));
            assertEquals(apiRefusal, text(notTheirs));
            McpSchema.CallToolResult cleared = mcp.callTool(new McpSchema.CallToolRequest("record_task_worktree",
                    Map.of("project", t.slug(), "task", "TASK-1-1")));
            assertTrue(text(cleared).contains("\"worktreePath\":null"), text(cleared));
        }
    }

    @Test
    void aMalformedSpecFilterIsRefusedNotAnsweredWithAnEmptyList() {
        TestData.Team t = data.team();
        spec(t);
        fx.api(t.viewer()).get(root(t) + "/tasks?spec=SPEC-1").then().statusCode(200).body("key", org.hamcrest.Matchers.contains("TASK-1-1"));
        fx.api(t.viewer()).get(root(t) + "/tasks?spec=1").then().statusCode(200).body("key", org.hamcrest.Matchers.contains("TASK-1-1"));
        fx.api(t.viewer()).get(root(t) + "/tasks?spec=SPEC-9").then().statusCode(200).body("key", org.hamcrest.Matchers.empty());
        fx.api(t.viewer()).get(root(t) + "/tasks?spec=").then().statusCode(200).body("key", org.hamcrest.Matchers.contains("TASK-1-1"));
        fx.api(t.viewer()).get(root(t) + "/tasks?spec=SEPC-1").then().statusCode(400)
                .body("details.spec", equalTo("must be a spec key such as SPEC-3"));
        try (McpSyncClient mcp = Mcp.client(base, fx.token(t.viewer()))) {
            McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest("list_tasks", Map.of("project", t.slug(), "spec", "auth")));
            assertTrue(Boolean.TRUE.equals(r.isError()), text(r));
            assertEquals("{\"error\":\"The argument spec must be a spec key such as SPEC-3\",\"details\":{\"spec\":\"must be a spec key such as SPEC-3\"}}",
                    text(r));
        }
    }
}
