package dev.specboard.support;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import static org.hamcrest.Matchers.equalTo;

/** Raw MCP requests over streamable HTTP, for tests that check the protocol's answers themselves. */
public final class Mcp {

    private Mcp() {
    }

    /** Opens an MCP session with a bearer token and returns its id. */
    public static String initialize(String token) {
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

    /** Calls one tool with its arguments as JSON; a null token sends no Authorization header. */
    public static Response callTool(String token, String session, String tool, String argumentsJson) {
        var spec = RestAssured.given().contentType("application/json").header("Mcp-Session-Id", session)
                .header("Accept", "application/json, text/event-stream");
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        return spec.body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + argumentsJson + "}}").post("/api/mcp");
    }
}
