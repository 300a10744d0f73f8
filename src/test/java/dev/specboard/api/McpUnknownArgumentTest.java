package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tool call naming an argument the tool does not take is a tool error naming it (and the ones the tool takes), as the
 * JSON API refuses unknown fields: the library dropped it, so a misspelt optional argument ({@code pagepath},
 * {@code storynumber}) was done as if it were absent, and a bogus one was ignored without a word.
 */
@QuarkusTest
class McpUnknownArgumentTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyToolRefusesAnArgumentItDoesNotTakeAndNamesIt() {
        TestData.Team t = data.team();
        String token = tokens.create(t.owner().id, "unknown census", null, null).value();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (McpSyncClient mcp = Mcp.client(base, token)) {
            for (McpSchema.Tool tool : mcp.listTools().tools()) {
                checked++;
                McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(tool.name(), Map.of("project", t.slug(), "bogusArg", 1)));
                String text = r.content().isEmpty() ? "" : ((McpSchema.TextContent) r.content().get(0)).text();
                if (!Boolean.TRUE.equals(r.isError()) || !text.contains("bogusArg") || !text.contains("unknown argument")) {
                    failures.add(tool.name() + " answered " + text);
                }
            }
        }
        assertTrue(checked > 50, "tools: " + checked);
        assertTrue(failures.isEmpty(), "an unknown argument must be a tool error naming it:\n" + String.join("\n", failures));
    }

    @Test
    void aMisspeltArgumentIsNamedWithTheOnesTheToolTakesAndNothingIsDone() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "misspelt", null, null).value();
        String session = Mcp.initialize(token);
        String refused = Mcp.answer(token, session, "create_story", true, "project", t.slug(), "title", "Checkout", "description", "Pay",
                "acceptance_criteria", "WHEN paid THE SYSTEM SHALL thank");
        assertTrue(refused.contains("acceptance_criteria") && refused.contains("acceptanceCriteria"), refused);
        Api.as(t.member()).get("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(200).body("size()", equalTo(0));
        assertTrue(Mcp.answer(token, session, "create_story", false, "project", t.slug(), "title", "Checkout", "description", "Pay")
                .contains("US-1"), "the same call without it is done");
    }

    @Test
    void argumentsThatAreNotAnObjectAreInvalidParamsNotAnInternalError() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "misshapen", null, null).value();
        String session = Mcp.initialize(token);
        for (String arguments : List.of("\"project\"", "[1, 2]", "7", "true")) {
            Mcp.callTool(token, session, "list_stories", arguments).then().statusCode(200).body("id", equalTo(2))
                    .body("error.code", equalTo(-32602))
                    .body("error.message", equalTo("Invalid params: arguments must be a JSON object of the tool's arguments by name"));
        }
        io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json").header("Mcp-Session-Id", session)
                .header("Accept", "application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":\"list_stories\"}").post("/api/mcp")
                .then().statusCode(200).body("id", equalTo(3)).body("error.code", equalTo(-32602));
        // Params by position, which MCP never uses, threw on the event loop: the caller waited for an answer that never came.
        for (String method : List.of("tools/call", "tools/list", "prompts/get", "resources/read")) {
            io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json").header("Mcp-Session-Id", session)
                    .header("Accept", "application/json, text/event-stream")
                    .body("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"" + method + "\",\"params\":[\"list_stories\", {}]}").post("/api/mcp")
                    .then().statusCode(200).body("id", equalTo(4)).body("error.code", equalTo(-32602))
                    .body("error.message", equalTo("Invalid params: params must be a JSON object (MCP names every parameter)"));
        }
        // null arguments stay what the protocol allows: none.
        Mcp.callTool(token, session, "list_projects", "null").then().statusCode(200)
                .body("result.content[0].text", org.hamcrest.Matchers.containsString(t.slug()));
    }

    /** The library read an initialize's clientInfo and capabilities without a check: each of these was a 500 with a stack trace. */
    @Test
    void anInitializeOfTheWrongShapeIsInvalidParamsNotA500() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "initialize", null, null).value();
        String client = "\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}";
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("{}", "protocolVersion must be");
        refusals.put("{\"protocolVersion\":\"2025-06-18\"}", "capabilities must be");
        refusals.put("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}", "clientInfo must be");
        refusals.put("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":\"x\"," + client + "}", "capabilities must be");
        refusals.put("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":\"x\"}", "clientInfo must be");
        refusals.put("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{}}", "clientInfo.name must be text");
        refusals.put("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":null,\"version\":\"1\"}}",
                "clientInfo.name must be text");
        refusals.put("{\"protocolVersion\":7,\"capabilities\":{}," + client + "}", "protocolVersion must be");
        refusals.put("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\","
                + "\"icons\":[{\"src\":\"https://example.test/i.png\",\"theme\":\"pink\"}]}}", "clientInfo.icons[0].theme must be light or dark");
        for (Map.Entry<String, String> e : refusals.entrySet()) {
            io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":" + e.getKey() + "}").post("/api/mcp")
                    .then().statusCode(200).body("id", equalTo(1)).body("error.code", equalTo(-32602))
                    .body("error.message", org.hamcrest.Matchers.startsWith("Invalid params: " + e.getValue()));
        }
        // None of them kept a place among the token's sessions: a proper initialize still opens one, and it works.
        String session = Mcp.initialize(token);
        Mcp.callTool(token, session, "list_projects", "{}").then().statusCode(200)
                .body("result.content[0].text", org.hamcrest.Matchers.containsString(t.slug()));
    }
}
