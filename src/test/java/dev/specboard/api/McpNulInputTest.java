package dev.specboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NUL character (which PostgreSQL cannot store) in an MCP message is refused with the request's id: in a tool's
 * argument, as a tool error naming the argument, for every tool the server offers; elsewhere, as invalid params. The
 * server used to answer a parse error with {@code id: null}, which a client cannot match to its request (the Java SDK
 * waits for its timeout). Truly malformed JSON keeps the library's parse error.
 */
@QuarkusTest
class McpNulInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @TestHTTPResource("/")
    URI base;

    private McpSyncClient client(String token) {
        return Mcp.client(base, token);
    }

    @Test
    void aNulInAnyTextArgumentOfEveryToolIsAToolErrorNamingTheArgument() {
        TestData.Team t = data.team();
        String token = tokens.create(t.owner().id, "nul census", null, null).value();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (McpSyncClient mcp = client(token)) {
            for (McpSchema.Tool tool : mcp.listTools().tools()) {
                Map<String, Object> args = new LinkedHashMap<>();
                List<String> texts = new ArrayList<>();
                Map<?, ?> properties = tool.inputSchema().get("properties") instanceof Map<?, ?> p ? p : Map.of();
                properties.forEach((key, schema) -> {
                    String name = (String) key;
                    Object type = schema instanceof Map<?, ?> s ? s.get("type") : null;
                    Object items = schema instanceof Map<?, ?> s && s.get("items") instanceof Map<?, ?> i ? i.get("type") : null;
                    if ("string".equals(type)) {
                        args.put(name, "a\u0000b");
                        texts.add(name);
                    } else if ("array".equals(type) && "string".equals(items)) {
                        args.put(name, List.of("a\u0000b"));
                        texts.add(name + "[0]");
                    } else if ("integer".equals(type) || "number".equals(type)) {
                        args.put(name, 1);
                    } else if ("boolean".equals(type)) {
                        args.put(name, false);
                    }
                });
                if (texts.isEmpty()) {
                    continue;
                }
                checked++;
                McpSchema.CallToolResult r;
                try {
                    r = mcp.callTool(new McpSchema.CallToolRequest(tool.name(), args));
                } catch (RuntimeException e) {
                    failures.add(tool.name() + " failed: " + e);
                    continue;
                }
                JsonNode error = errorOf(r);
                String named = error == null || !error.path("details").isObject() || error.get("details").size() != 1 ? null
                        : error.get("details").fieldNames().next();
                if (!Boolean.TRUE.equals(r.isError()) || named == null || !texts.contains(named)
                        || !error.get("error").asText().contains("NUL character")) {
                    failures.add(tool.name() + " " + texts + " answered " + r.content());
                }
            }
        }
        assertTrue(checked > 50, "tools with text arguments: " + checked);
        assertTrue(failures.isEmpty(), "a NUL in a text argument must be a tool error naming it:\n" + String.join("\n", failures));
    }

    @Test
    void aToolErrorNamesTheOneArgumentAndNothingIsStored() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "nul agent", null, null).value();
        try (McpSyncClient mcp = client(token)) {
            McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest("create_story",
                    Map.of("project", t.slug(), "title", "Checkout", "description", "Pay\u0000now")));
            assertTrue(r.isError());
            JsonNode error = errorOf(r);
            assertEquals("The argument description contains a NUL character, which cannot be stored. Remove it and try again.",
                    error.get("error").asText());
            assertEquals("must not contain the NUL character", error.at("/details/description").asText());
            // The page number of a list is read by the API's rules: from 1.
            McpSchema.CallToolResult page = mcp.callTool(new McpSchema.CallToolRequest("list_jobs", Map.of("project", t.slug(), "page", -1)));
            assertTrue(page.isError());
            assertEquals("must be a whole number from 1", errorOf(page).at("/details/page").asText());
        }
        Api.as(t.member()).get("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void theRequestsIdIsEchoedForAnEscapedOrARawNul() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "raw nul", null, null).value();
        String session = Mcp.initialize(token);
        String escaped = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"create_story\",\"arguments\":"
                + "{\"project\":\"" + t.slug() + "\",\"title\":\"a\\u0000b\"}}}";
        post(token, session, escaped.getBytes(StandardCharsets.UTF_8)).then().statusCode(200).body("id", equalTo(7))
                .body("result.isError", equalTo(true)).body("result.content[0].text", containsString("The argument title contains a NUL"));
        byte[] raw = escaped.replace("\\u0000", "\u0000").replace("\"id\":7", "\"id\":\"call-8\"").getBytes(StandardCharsets.UTF_8);
        post(token, session, raw).then().statusCode(200).body("id", equalTo("call-8"))
                .body("result.isError", equalTo(true)).body("result.content[0].text", containsString("The argument title contains a NUL"));
        // Outside the arguments: invalid params, still with the id.
        post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"list\\u0000projects\",\"arguments\":{}}}"
                .getBytes(StandardCharsets.UTF_8)).then().statusCode(200).body("id", equalTo(9)).body("error.code", equalTo(-32602))
                .body("error.message", containsString("params.name contains a NUL character"));
        // JSON that cannot be read at all has no id to echo: the protocol's parse error.
        post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":10,".getBytes(StandardCharsets.UTF_8)).then().statusCode(400).body("id", nullValue())
                .body("error.code", equalTo(-32700));
        Api.as(t.member()).get("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aNulDoesNotGetPastTheTokenOrTheSession() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "nul session", null, null).value();
        String session = Mcp.initialize(token);
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_projects\",\"arguments\":{\"x\":\"\\u0000\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        post(null, session, body).then().statusCode(401);
        post(token, "no-such-session", body).then().statusCode(404);
    }

    private static Response post(String token, String session, byte[] body) {
        var spec = RestAssured.given().contentType("application/json").header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session);
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        return spec.body(body).post("/api/mcp");
    }

    /** The API's JSON error a tool error carries in its one text block, or null. */
    private static JsonNode errorOf(McpSchema.CallToolResult r) {
        if (r.content() == null || r.content().size() != 1 || !(r.content().get(0) instanceof McpSchema.TextContent text)) {
            return null;
        }
        try {
            return JSON.readTree(text.text());
        } catch (Exception e) {
            return null;
        }
    }
}
