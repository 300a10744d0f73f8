package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.project.Project;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class McpToolsTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    /** Opens an MCP session over streamable HTTP and returns its id. */
    static String initialize(String token) {
        Response r = RestAssured.given().auth().oauth2(token).contentType("application/json")
                .header("Accept", "application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}")
                .post("/api/mcp");
        r.then().statusCode(200).body("result.serverInfo.name", equalTo("Specboard"));
        String session = r.getHeader("Mcp-Session-Id");
        RestAssured.given().auth().oauth2(token).contentType("application/json").header("Mcp-Session-Id", session)
                .header("Accept", "application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").post("/api/mcp");
        return session;
    }

    static Response callTool(String token, String session, String tool, String argumentsJson) {
        var spec = RestAssured.given().contentType("application/json").header("Mcp-Session-Id", session)
                .header("Accept", "application/json, text/event-stream");
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        return spec.body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + argumentsJson + "}}").post("/api/mcp");
    }

    @Test
    void listProjectsToolActsAsTheTokensAccount() {
        Account a = data.account("mcp");
        Project p = data.project(a);
        data.project(data.account("stranger"));
        String token = tokens.create(a.id, "agent", null, null).value();
        String session = initialize(token);
        callTool(token, session, "list_projects", "{}").then().statusCode(200)
                .body("result.isError", equalTo(false))
                .body("result.content[0].text", containsString("\"slug\":\"" + p.slug + "\""))
                .body("result.content[0].text", containsString("\"role\":\"owner\""));
    }

    @Test
    void agentWorksATaskThroughTools() {
        var team = data.team();
        String lead = tokens.create(team.lead().id, "lead", null, null).value();
        RestAssured.given().auth().oauth2(lead).contentType("application/json")
                .body(dev.specboard.spec.SpecApiFixtures.hierarchical(null, "Agent work", List.of(), "schema", "api"))
                .post("/api/v1/projects/" + team.slug() + "/specs").then().statusCode(201);
        String agent = tokens.create(team.member().id, "agent", team.project().id, dev.specboard.kernel.Role.MEMBER).value();
        String session = initialize(agent);
        String args = "{\"project\":\"" + team.slug() + "\"}";
        callTool(agent, session, "claim_next_task", args).then().statusCode(200)
                .body("result.isError", equalTo(false))
                .body("result.content[0].text", containsString("\"phase\":{\"name\":\"schema\""))
                .body("result.content[0].text", org.hamcrest.Matchers.not(containsString("Build the api")));
        String task = RestAssured.given().auth().oauth2(agent).get("/api/v1/projects/" + team.slug() + "/tasks?status=claimed")
                .then().statusCode(200).extract().path("[0].key");
        callTool(agent, session, "complete_task", "{\"project\":\"" + team.slug() + "\",\"task\":\"" + task + "\",\"commitSha\":\"nope\"}")
                .then().statusCode(200).body("result.isError", equalTo(true));
        callTool(agent, session, "start_task", "{\"project\":\"" + team.slug() + "\",\"task\":\"" + task + "\"}")
                .then().statusCode(200).body("result.isError", equalTo(false)).body("result.content[0].text", containsString("in_progress"));
        callTool(agent, session, "list_tasks", "{\"project\":\"" + team.slug() + "\",\"status\":\"pending\"}")
                .then().statusCode(200).body("result.content[0].text", containsString("\"scope\":\"api\""));
        // An unknown project is refused as in the API (404), never answered with data.
        callTool(agent, session, "get_story", "{\"project\":\"no-such-project\",\"number\":1}")
                .then().statusCode(200).body("result.isError", equalTo(true));
    }

    @Test
    void mcpWithoutOrWithBadTokenAnswers401() {
        Account a = data.account("mcpanon");
        String session = initialize(tokens.create(a.id, "agent", null, null).value());
        callTool(null, session, "list_projects", "{}").then().statusCode(401);
        callTool("sbt_wrong", session, "list_projects", "{}").then().statusCode(401);
    }
}
