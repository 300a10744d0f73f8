package dev.specboard.api;

import dev.specboard.support.Mcp;
import dev.specboard.account.ApiTokenService;
import dev.specboard.support.TestData;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every tool given text that is no id where it expects one answers as the API does for such a path (not found, or a
 * refusal naming the argument), never an internal message: get_sync answered "Invalid argument: Identifier may not be
 * null" (Hibernate's words for findById(null)) where GET .../syncs/xyz is 404.
 */
@QuarkusTest
class McpMalformedIdTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @TestHTTPResource("/")
    URI base;

    @Test
    void noToolAnswersAnInternalMessageForAnIdThatIsNotOne() {
        TestData.Team t = data.team();
        String token = tokens.create(t.owner().id, "id census", null, null).value();
        List<String> failures = new ArrayList<>();
        try (McpSyncClient mcp = Mcp.client(base, token)) {
            for (McpSchema.Tool tool : mcp.listTools().tools()) {
                Map<String, Object> args = new LinkedHashMap<>();
                Map<?, ?> properties = tool.inputSchema().get("properties") instanceof Map<?, ?> p ? p : Map.of();
                properties.forEach((key, schema) -> {
                    String name = (String) key;
                    Object type = schema instanceof Map<?, ?> s ? s.get("type") : null;
                    if (name.equals("project")) {
                        args.put(name, t.slug());
                    } else if ("string".equals(type)) {
                        args.put(name, "not-an-id");
                    } else if ("integer".equals(type) || "number".equals(type)) {
                        args.put(name, 1);
                    }
                });
                McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(tool.name(), args));
                String text = r.content().isEmpty() ? "" : ((McpSchema.TextContent) r.content().get(0)).text();
                if (text.contains("Identifier") || text.contains("Something went wrong") || text.contains("Exception")) {
                    failures.add(tool.name() + " answered " + text);
                }
            }
        }
        assertTrue(failures.isEmpty(), "an id that is not one must be refused as the API refuses it:\n" + String.join("\n", failures));
    }

    /** A malformed id to page notifications from is refused as the API refuses {@code ?before=nope}, not looked up. */
    @Test
    void aNotificationIdThatIsNotOneIsRefusedAsMalformed() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "before", null, null).value();
        String session = Mcp.initialize(token);
        String text = Mcp.answer(token, session, "list_notifications", true, "before", "nope");
        assertTrue(text.contains("\"before\":\"must be a UUID\""), text);
        String api = Api.as(t.member()).get("/api/v1/notifications?before=nope").then().statusCode(400).extract().path("details.before");
        assertTrue(text.contains(api), text + " / " + api);
    }

    /**
     * Every number a tool counts from 1 (a story's number, a version, a line) is refused below 1, naming the argument:
     * get_story with -1 answered "No story US--1".
     */
    @Test
    void everyNumberCountedFromOneIsRefusedBelowOne() {
        TestData.Team t = data.team();
        String token = tokens.create(t.owner().id, "numbers", null, null).value();
        String session = Mcp.initialize(token);
        String story = Mcp.answer(token, session, "get_story", true, "project", t.slug(), "number", -1);
        assertTrue(story.contains("\"number\":\"must be 1 or more\"") && !story.contains("US--1"), story);
        List<String> failures = new ArrayList<>();
        int asked = 0;
        try (McpSyncClient mcp = Mcp.client(base, token)) {
            for (McpSchema.Tool tool : mcp.listTools().tools()) {
                Map<?, ?> properties = tool.inputSchema().get("properties") instanceof Map<?, ?> p ? p : Map.of();
                for (Object key : properties.keySet()) {
                    String name = (String) key;
                    if (!List.of("number", "storyNumber", "version", "basedOnVersion", "lineStart", "lineEnd").contains(name)) {
                        continue;
                    }
                    asked++;
                    Map<String, Object> args = new LinkedHashMap<>();
                    properties.forEach((other, schema) -> {
                        Object type = schema instanceof Map<?, ?> m ? m.get("type") : null;
                        if (other.equals("project")) {
                            args.put("project", t.slug());
                        } else if ("integer".equals(type)) {
                            args.put((String) other, 1);
                        }
                    });
                    args.put(name, 0);
                    McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(tool.name(), args));
                    String text = r.content().isEmpty() ? "" : ((McpSchema.TextContent) r.content().get(0)).text();
                    if (!Boolean.TRUE.equals(r.isError()) || !text.contains("\"" + name + "\":\"must be 1 or more\"")) {
                        failures.add(tool.name() + " " + name + "=0 answered " + text);
                    }
                }
            }
        }
        assertTrue(asked > 15, "the census reached the number arguments: " + asked);
        assertTrue(failures.isEmpty(), "a number counted from 1 must be refused below 1:\n" + String.join("\n", failures));
    }
}
