package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.project.Project;
import dev.specboard.support.Mcp;
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

    @Test
    void listProjectsToolActsAsTheTokensAccount() {
        Account a = data.account("mcp");
        Project p = data.project(a);
        data.project(data.account("stranger"));
        String token = tokens.create(a.id, "agent", null, null).value();
        String session = Mcp.initialize(token);
        Mcp.callTool(token, session, "list_projects", "{}").then().statusCode(200)
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
        String session = Mcp.initialize(agent);
        String args = "{\"project\":\"" + team.slug() + "\"}";
        Mcp.callTool(agent, session, "claim_next_task", args).then().statusCode(200)
                .body("result.isError", equalTo(false))
                .body("result.content[0].text", containsString("\"phase\":{\"name\":\"schema\""))
                .body("result.content[0].text", org.hamcrest.Matchers.not(containsString("Build the api")));
        String task = RestAssured.given().auth().oauth2(agent).get("/api/v1/projects/" + team.slug() + "/tasks?status=claimed")
                .then().statusCode(200).extract().path("[0].key");
        Mcp.callTool(agent, session, "complete_task", "{\"project\":\"" + team.slug() + "\",\"task\":\"" + task + "\",\"commitSha\":\"nope\"}")
                .then().statusCode(200).body("result.isError", equalTo(true));
        Mcp.callTool(agent, session, "start_task", "{\"project\":\"" + team.slug() + "\",\"task\":\"" + task + "\"}")
                .then().statusCode(200).body("result.isError", equalTo(false)).body("result.content[0].text", containsString("in_progress"));
        Mcp.callTool(agent, session, "list_tasks", "{\"project\":\"" + team.slug() + "\",\"status\":\"pending\"}")
                .then().statusCode(200).body("result.content[0].text", containsString("\"scope\":\"api\""));
        // An unknown project is refused as in the API (404), never answered with data.
        Mcp.callTool(agent, session, "get_story", "{\"project\":\"no-such-project\",\"number\":1}")
                .then().statusCode(200).body("result.isError", equalTo(true));
    }

    @Test
    void mcpWithoutOrWithBadTokenAnswers401() {
        Account a = data.account("mcpanon");
        String session = Mcp.initialize(tokens.create(a.id, "agent", null, null).value());
        Mcp.callTool(null, session, "list_projects", "{}").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").body("error", equalTo("Unknown, revoked or missing API token"));
        Mcp.callTool("sbt_wrong", session, "list_projects", "{}").then().statusCode(401)
                .body("error", equalTo("Unknown, revoked or missing API token"));
        RestAssured.given().get("/api/mcp/sse").then().statusCode(401).body("error", equalTo("Unknown, revoked or missing API token"));
    }

    @Test
    void aRequestBeforeInitializeIsRefusedWith400() {
        String token = tokens.create(data.account("mcpearly").id, "agent", null, null).value();
        Response r = RestAssured.given().auth().oauth2(token).contentType("application/json")
                .header("Accept", "application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").post("/api/mcp");
        r.then().statusCode(400);
    }

    @Test
    void aBadTokenIsRefusedWithoutNamingJavaClasses() {
        for (String token : List.of("sbt_wrong", "not even a token", "")) {
            Response r = RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}").post("/api/mcp");
            r.then().statusCode(401);
            org.junit.jupiter.api.Assertions.assertFalse(r.asString().matches("(?s).*(\\b(java|io|org|dev)\\.[a-z]+\\.|Exception).*"), r.asString());
        }
    }
}
