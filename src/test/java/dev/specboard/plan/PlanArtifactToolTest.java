package dev.specboard.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent sends a plan artifact's document as what it is, a JSON object: add_plan_artifact took only a string of JSON
 * text, and an object was refused by the MCP library with its generic "unable to convert value" before our code ran.
 * Both are read now, checked against the artifact type's schema with the problems named as the API names them; and the
 * search tool refuses a kind that does not exist instead of searching everything.
 */
@QuarkusTest
class PlanArtifactToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    PlanFixtures fixtures;

    @Inject
    SpecApiFixtures fx;

    @TestHTTPResource("/")
    URI base;

    @Test
    void anArtifactsContentIsTakenAsAJsonObjectOrAsJsonTextAndCheckedAgainstItsSchema() throws Exception {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create(); McpSyncClient mcp = Mcp.client(base, fx.token(t.lead()))) {
            fixtures.shop(t.project(), t.owner(), git);
            String plan = Mcp.id(text(call(mcp, "create_plan", Map.of("project", t.slug(), "repository", "shop", "name", "Checkout",
                    "targetBranch", "main")), false));

            Map<String, Object> steps = JSON.readValue(PlanFixtures.STEPS, new TypeReference<>() { });
            McpSchema.CallToolResult saved = call(mcp, "add_plan_artifact", args(t, plan, "implementation_steps", steps));
            JsonNode answer = JSON.readTree(text(saved, false));
            assertEquals("implementation_steps", answer.path("artifactType").asText());
            assertEquals("cart-total", answer.path("content").path("steps").path(0).path("name").asText(), "the object is the document: " + answer);

            Map<String, Object> plan2 = JSON.readValue(PlanFixtures.FEATURE_PLAN, new TypeReference<>() { });
            JsonNode asText = JSON.readTree(text(call(mcp, "add_plan_artifact", args(t, plan, "feature_plan", PlanFixtures.FEATURE_PLAN)), false));
            assertEquals(JSON.valueToTree(plan2), asText.path("content"), "a string of JSON text is still read as the document");

            Map<String, Object> bad = Map.of("steps", List.of(Map.of("name", "Bad Name", "title", "x", "hours", "three")));
            String refused = text(call(mcp, "add_plan_artifact", args(t, plan, "implementation_steps", bad)), true);
            assertTrue(refused.contains("/steps/0/name") && refused.contains("/steps/0/hours"), "problems named by JSON pointer: " + refused);
            assertFalse(refused.contains("convert"), refused);

            String array = text(call(mcp, "add_plan_artifact", args(t, plan, "implementation_steps", List.of(1, 2))), true);
            assertTrue(array.contains("\"content\""), "a document that is not an object is a problem of content: " + array);
            String number = text(call(mcp, "add_plan_artifact", args(t, plan, "implementation_steps", 7)), true);
            assertTrue(number.contains("\"content\""), number);
            String unparsed = text(call(mcp, "add_plan_artifact", args(t, plan, "implementation_steps", "{\"steps\": [")), true);
            assertTrue(unparsed.contains("\"content\":\"This is not valid JSON"), unparsed);

            String search = text(call(mcp, "search", Map.of("project", t.slug(), "query", "cart", "kind", "stories")), true);
            assertTrue(search.contains("\"kind\"") && search.contains("story") && search.contains("thread"),
                    "an unknown kind is refused naming the kinds: " + search);
            assertTrue(text(call(mcp, "search", Map.of("project", t.slug(), "query", "cart", "kind", "Plan")), false).contains("Checkout"),
                    "a kind in another case is that kind");
        }
    }

    /** Any tool given a value of another kind (an object for a text, text for a list) names the argument and the kind it takes. */
    @Test
    void anArgumentOfAnotherKindIsNamedWithTheKindItTakes() {
        TestData.Team t = data.team();
        String token = fx.token(t.lead());
        String session = Mcp.initialize(token);
        String type = Mcp.answer(token, session, "add_plan_artifact", true, "project", t.slug(), "planId", "x", "artifactType", Map.of("a", 1),
                "content", Map.of());
        assertTrue(type.contains("\"artifactType\":\"must be text\"") && !type.contains("convert"), type);
        String page = Mcp.answer(token, session, "list_plans", true, "project", t.slug(), "page", "second");
        assertTrue(page.contains("\"page\":\"must be a whole number\""), page);
        String nodes = Mcp.answer(token, session, "create_journey", true, "project", t.slug(), "name", "Flow", "nodes",
                "[{\"key\": \"a\", \"nodeType\": \"screen\"}]");
        assertTrue(nodes.contains("\"nodes\":\"must be a list of objects"), nodes);
        assertTrue(Mcp.answer(token, session, "list_plans", false, "project", t.slug(), "page", 1).startsWith("["), "a value of its kind is taken");
    }

    private static Map<String, Object> args(TestData.Team t, String plan, String type, Object content) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("project", t.slug());
        args.put("planId", plan);
        args.put("artifactType", type);
        args.put("content", content);
        return args;
    }

    private static McpSchema.CallToolResult call(McpSyncClient mcp, String tool, Map<String, Object> args) {
        return mcp.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    private static String text(McpSchema.CallToolResult r, boolean error) {
        String text = ((McpSchema.TextContent) r.content().get(0)).text();
        assertEquals(error, Boolean.TRUE.equals(r.isError()), text);
        return text;
    }
}
