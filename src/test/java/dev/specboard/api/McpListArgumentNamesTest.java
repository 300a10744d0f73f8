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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list tool's refused filter names the argument the caller sent, not the API's query parameter for it: {@code list_plans}
 * said "argument repo" of its {@code repository}, {@code list_specs} "argument story" of its {@code storyNumber}. The API
 * keeps naming its own parameters.
 */
@QuarkusTest
class McpListArgumentNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @TestHTTPResource("/")
    URI base;

    /** The refusal's {error, details} JSON, after checking the call was refused. */
    private static JsonNode refusal(McpSyncClient mcp, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(tool, args));
        assertTrue(Boolean.TRUE.equals(r.isError()), () -> tool + " not refused: " + r.structuredContent());
        try {
            JsonNode error = JSON.readTree(((McpSchema.TextContent) r.content().get(0)).text());
            assertTrue(error.get("error").isTextual() && error.get("details").isObject(), "the API's error JSON: " + error);
            return error;
        } catch (java.io.IOException e) {
            throw new AssertionError("the text block is not JSON: " + r.content(), e);
        }
    }

    private static List<String> names(JsonNode details) {
        List<String> names = new ArrayList<>();
        details.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyListToolsRefusedFilterNamesTheArgumentAsSent() {
        TestData.Team t = data.team();
        String token = tokens.create(t.viewer().id, "names", null, null).value();
        try (McpSyncClient mcp = Mcp.client(base, token)) {
            JsonNode plans = refusal(mcp, "list_plans", Map.of("project", t.slug(), "repository", "nope"));
            assertEquals(List.of("repository"), names(plans.get("details")), plans.toString());
            assertEquals("The argument repository names no repository of this project", plans.get("error").asText());
            assertEquals("no repository named nope", plans.get("details").get("repository").asText());

            // 10 digits: a whole number the tool takes, but no story number.
            JsonNode specs = refusal(mcp, "list_specs", Map.of("project", t.slug(), "storyNumber", 1234567890));
            assertEquals(List.of("storyNumber"), names(specs.get("details")), specs.toString());
            assertTrue(specs.get("error").asText().startsWith("The argument storyNumber "), specs.toString());

            // The other list tools' filters are named as their arguments already; they stay so.
            Map<String, Map<String, Object>> others = Map.of(
                    "list_tasks", Map.of("project", t.slug(), "status", "bogus"),
                    "list_stories", Map.of("project", t.slug(), "status", "bogus"),
                    "list_work_sessions", Map.of("project", t.slug(), "type", "bogus"),
                    "list_jobs", Map.of("project", t.slug(), "type", "bogus"),
                    "list_thinking", Map.of("project", t.slug(), "status", "bogus"),
                    "list_pages", Map.of("project", t.slug(), "pattern", "bogus"),
                    "list_specs", Map.of("project", t.slug(), "status", "bogus"),
                    "list_plans", Map.of("project", t.slug(), "status", "bogus"),
                    "search", Map.of("project", t.slug(), "query", "x", "kind", "bogus"));
            others.forEach((tool, args) -> {
                String named = args.keySet().stream().filter(a -> !a.equals("project") && !a.equals("query")).findFirst().orElseThrow();
                JsonNode error = refusal(mcp, tool, args);
                assertEquals(List.of(named), names(error.get("details")), tool + ": " + error);
            });
            JsonNode query = refusal(mcp, "search", Map.of("project", t.slug(), "query", "x".repeat(501)));
            assertEquals(List.of("query"), names(query.get("details")), query.toString());
            JsonNode task = refusal(mcp, "list_tasks", Map.of("project", t.slug(), "spec", "nope"));
            assertEquals(List.of("spec"), names(task.get("details")), task.toString());
        }
        // The API names its query parameters.
        Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/plans?repo=nope").then().statusCode(422)
                .body("error", equalTo("The query parameter repo names no repository of this project"))
                .body("details.repo", equalTo("no repository named nope"));
        Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/specs?story=1234567890").then().statusCode(400)
                .body("error", startsWith("The query parameter story ")).body("details.story", startsWith("must be a story number"));
    }
}
