package dev.specboard.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MCP for tests: the SDK's client for what an agent does, and raw requests over streamable HTTP for tests that check
 * the protocol's answers themselves.
 */
public final class Mcp {

    private Mcp() {
    }

    /**
     * The MCP SDK's client, initialized with a bearer token against the app at {@code base}. Schema caching makes it
     * check every structured answer against the tool's output schema.
     */
    public static McpSyncClient client(URI base, String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base.toString().replaceAll("/$", ""))
                .endpoint("/api/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).enableCallToolSchemaCaching(true).build();
        client.initialize();
        return client;
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

    /**
     * Calls a tool with arguments given as name, value pairs and returns its text answer, asserting that the tool
     * refused ({@code error}) or answered.
     */
    public static String answer(String token, String session, String tool, boolean error, Object... args) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            arguments.put((String) args[i], args[i + 1]);
        }
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        Response r = callTool(token, session, tool, json);
        assertEquals(200, r.statusCode(), r.asString());
        String text = r.path("result.content[0].text");
        assertEquals(error, (Boolean) r.path("result.isError"), tool + " " + arguments + " → " + text);
        return text;
    }

    /** The first {@code "id"} of a tool's JSON answer. */
    public static String id(String text) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }
}
