package dev.specboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.design.EntityFixtures;
import dev.specboard.design.EntityResourceTest;
import dev.specboard.kernel.Role;
import dev.specboard.plan.PlanFixtures;
import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
 * Every MCP tool that saves a versioned document answers a stale save as the API's 409 does: the error's details carry
 * the current version number and the current content (and what was sent), so that an agent can merge and retry
 * without reading the document again.
 */
@QuarkusTest
class McpStaleSaveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    PlanFixtures plans;

    @TestHTTPResource("/")
    URI base;

    @Test
    void storiesSpecsAndDesignDocsAnswerAStaleSaveWithTheCurrentVersionAndText() {
        TestData.Team t = data.team();
        String token = fx.token(t.member());
        RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(SpecApiFixtures.hierarchical(null, "Hand-off", List.of(), "schema", "api"))
                .post("/api/v1/projects/" + t.slug() + "/specs").then().statusCode(201);
        try (McpSyncClient mcp = Mcp.client(base, token)) {
            int story = ok(call(mcp, "create_story", Map.of("project", t.slug(), "title", "Checkout", "description", "Pay"))).get("number").asInt();
            ok(call(mcp, "update_story", Map.of("project", t.slug(), "number", story, "title", "Their checkout", "version", 1)));
            JsonNode stale = stale(call(mcp, "update_story", Map.of("project", t.slug(), "number", story, "title", "My checkout", "version", 1)), 2);
            assertEquals("Their checkout", stale.at("/current/title").asText(), stale.toString());
            assertEquals("My checkout", stale.at("/yours/title").asText(), stale.toString());

            ok(call(mcp, "update_spec", Map.of("project", t.slug(), "spec", "SPEC-1", "title", "Their hand-off", "version", 1)));
            stale = stale(call(mcp, "update_spec", Map.of("project", t.slug(), "spec", "SPEC-1", "title", "My hand-off", "version", 1)), 2);
            assertEquals("Their hand-off", stale.at("/current/title").asText(), stale.toString());
            // The content as get_spec gives it, not the stored JSON in a string.
            assertEquals("schema", stale.at("/current/content/phases/0/name").asText(), stale.toString());
            assertEquals("My hand-off", stale.at("/yours/title").asText(), stale.toString());

            String component = ok(call(mcp, "create_component", Map.of("project", t.slug(), "name", "Payments", "filePath", "src/pay")))
                    .get("id").asText();
            ok(call(mcp, "save_design_doc", Map.of("project", t.slug(), "componentId", component, "content", "# Payments\nCards.")));
            ok(call(mcp, "save_design_doc", Map.of("project", t.slug(), "componentId", component, "content", "# Payments\nWires.", "version", 1)));
            stale = stale(call(mcp, "save_design_doc", Map.of("project", t.slug(), "componentId", component, "content", "# Payments\nCash.",
                    "version", 1)), 2);
            assertEquals("# Payments\nWires.", stale.at("/current/content").asText(), stale.toString());
        }
    }

    @Test
    void pagesMockupsFeaturesAndJourneysAnswerAStaleSaveWithTheCurrentVersionAndText() {
        TestData.Team t = data.team();
        try (McpSyncClient mcp = Mcp.client(base, fx.token(t.member()))) {
            String page = ok(call(mcp, "create_page", Map.of("project", t.slug(), "name", "Lessons", "path", "/lessons"))).get("id").asText();
            ok(call(mcp, "update_page", Map.of("project", t.slug(), "pageId", page, "version", 1, "name", "Lesson list")));
            JsonNode stale = stale(call(mcp, "update_page", Map.of("project", t.slug(), "pageId", page, "version", 1, "name", "Late")), 2);
            assertEquals("Lesson list", stale.at("/current/name").asText(), stale.toString());

            ok(call(mcp, "save_mockup", Map.of("project", t.slug(), "pageId", page, "html", "<main>one</main>")));
            ok(call(mcp, "save_mockup", Map.of("project", t.slug(), "pageId", page, "html", "<main>two</main>", "basedOnVersion", 1)));
            stale = stale(call(mcp, "save_mockup", Map.of("project", t.slug(), "pageId", page, "html", "<main>mine</main>", "basedOnVersion", 1)), 2);
            assertEquals("<main>two</main>", stale.at("/current/html").asText(), stale.toString());

            String feature = ok(call(mcp, "create_feature", Map.of("project", t.slug(), "name", "Share lessons",
                    "userDescription", "Teachers share lesson plans"))).get("id").asText();
            ok(call(mcp, "update_feature", Map.of("project", t.slug(), "featureId", feature, "version", 1, "name", "Share")));
            stale = stale(call(mcp, "update_feature", Map.of("project", t.slug(), "featureId", feature, "version", 1, "name", "Late")), 2);
            assertEquals("Share", stale.at("/current/name").asText(), stale.toString());

            String journey = ok(call(mcp, "create_journey", Map.of("project", t.slug(), "name", "Sigh in",
                    "nodes", List.of(Map.of("key", "note", "nodeType", "annotation", "data", Map.of("text", "Start")))))).get("id").asText();
            ok(call(mcp, "update_journey", Map.of("project", t.slug(), "journeyId", journey, "version", 1, "name", "Sign in")));
            stale = stale(call(mcp, "update_journey", Map.of("project", t.slug(), "journeyId", journey, "version", 1, "name", "Late")), 2);
            assertEquals("Sign in", stale.at("/current/name").asText(), stale.toString());
        }
    }

    @Test
    void entitiesAndPlanArtifactsAnswerAStaleSaveWithTheCurrentVersionAndText() {
        TestData.Team t = data.team();
        DesignApiTest.page(t, "New contact", "/contacts-new", null, EntityFixtures.NEW_CONTACT, "");
        DesignApiTest.page(t, "Contacts", "/contacts", null, EntityFixtures.CONTACTS, "");
        // The pages start an inference in the background; one ending after the versions below are read makes them stale.
        EntityResourceTest.quiet(fx, t);
        try (GitFixture git = GitFixture.create(); McpSyncClient mcp = Mcp.client(base, fx.token(t.lead()))) {
            JsonNode inferred = ok(call(mcp, "infer_entities", Map.of("project", t.slug())));
            JsonNode contact = null;
            for (JsonNode e : inferred) {
                if ("Contact".equals(e.get("entityName").asText())) {
                    contact = e;
                }
            }
            assertTrue(contact != null, inferred.toString());
            String id = contact.get("id").asText();
            int version = contact.get("version").asInt();
            ok(call(mcp, "rename_entity", Map.of("project", t.slug(), "entityId", id, "entityName", "Person", "version", version)));
            JsonNode stale = stale(call(mcp, "rename_entity", Map.of("project", t.slug(), "entityId", id, "entityName", "Client",
                    "version", version)), version + 1);
            assertEquals("Person", stale.at("/current/entityName").asText(), stale.toString());
            assertTrue(stale.at("/current/fields").asText().contains("email"), stale.toString());
            stale = stale(call(mcp, "update_entity_field", Map.of("project", t.slug(), "entityId", id, "field", "email", "type", "text",
                    "version", version)), version + 1);
            assertEquals("Person", stale.at("/current/entityName").asText(), stale.toString());
            assertEquals("email", stale.at("/current/name").asText(), stale.toString());

            plans.shop(t.project(), t.owner(), git);
            String plan = Mcp.id(((McpSchema.TextContent) call(mcp, "create_plan", Map.of("project", t.slug(), "repository", "shop",
                    "name", "Checkout", "targetBranch", "main")).content().get(0)).text());
            ok(call(mcp, "add_plan_artifact", artifact(t, plan, PlanFixtures.STEPS, null)));
            String theirs = PlanFixtures.STEPS.replace("cart-total", "cart-sum");
            ok(call(mcp, "add_plan_artifact", artifact(t, plan, theirs, 1)));
            stale = stale(call(mcp, "add_plan_artifact", artifact(t, plan, PlanFixtures.STEPS.replace("cart-total", "basket"), 1)), 2);
            assertTrue(stale.at("/current/content").isObject() && stale.at("/current/content").toString().contains("cart-sum"), stale.toString());
        }
    }

    private static Map<String, Object> artifact(TestData.Team t, String plan, String content, Integer version) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("project", t.slug());
        args.put("planId", plan);
        args.put("artifactType", "implementation_steps");
        args.put("content", content);
        if (version != null) {
            args.put("version", version);
        }
        return args;
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    private static JsonNode ok(McpSchema.CallToolResult r) {
        assertFalse(Boolean.TRUE.equals(r.isError()), () -> "refused: " + r.content());
        return text(r);
    }

    /** The details of a stale save's refusal, after checking they name the current version and carry both texts. */
    private static JsonNode stale(McpSchema.CallToolResult r, int currentVersion) {
        assertTrue(Boolean.TRUE.equals(r.isError()), () -> "not refused: " + r.content());
        JsonNode error = text(r);
        assertTrue(error.get("error").isTextual(), error.toString());
        JsonNode details = error.get("details");
        assertEquals(currentVersion, details.path("currentVersion").asInt(), error.toString());
        assertTrue(details.path("current").isObject() && !details.path("current").isEmpty(), "the current content: " + error);
        assertTrue(details.path("yours").isObject(), "what was sent: " + error);
        return details;
    }

    private static JsonNode text(McpSchema.CallToolResult r) {
        assertEquals(1, r.content().size(), () -> "one text block: " + r.content());
        try {
            return JSON.readTree(((McpSchema.TextContent) r.content().get(0)).text());
        } catch (Exception e) {
            throw new AssertionError("the text block is not JSON: " + r.content().get(0), e);
        }
    }
}
