package dev.specboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person does in the browser and the JSON API covers is an MCP tool too: editing, completing and deleting a
 * component and removing its dependency, unmapping a story from a context, saving the executive summary, editing and
 * deleting one's review comment, revoking a token, marking a spec reviewed and adding a spec dependency; each under the
 * one project policy (a viewer is refused, another project's id is not found) and with the API's stale-save answer.
 */
@QuarkusTest
class McpGapToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    RepoTestSupport repos;

    @TestHTTPResource("/")
    URI base;

    @Test
    void componentsAndContextsAreEditedThroughTheTools() {
        TestData.Team t = data.team();
        TestData.Team other = data.team();
        data.addMember(other.project(), t.member(), Role.MEMBER);
        try (McpSyncClient mcp = client(t, Role.MEMBER); McpSyncClient viewer = client(t, Role.VIEWER)) {
            String ctx = ok(mcp, "create_context", Map.of("project", t.slug(), "name", "Billing", "type", "domain", "purpose", "Bills"))
                    .get("id").asText();
            int story = ok(mcp, "create_story", Map.of("project", t.slug(), "title", "Pay", "description", "Pay a bill")).get("number").asInt();
            ok(mcp, "add_story_to_context", Map.of("project", t.slug(), "contextId", ctx, "storyNumber", story));
            refused(viewer, "remove_story_from_context", Map.of("project", t.slug(), "contextId", ctx, "storyNumber", story), "needs the member role");
            refused(mcp, "remove_story_from_context", Map.of("project", other.slug(), "contextId", ctx, "storyNumber", story), "No such context");
            JsonNode unmapped = ok(mcp, "remove_story_from_context", Map.of("project", t.slug(), "contextId", ctx, "storyNumber", story));
            assertTrue(unmapped.get("storyNumbers").isEmpty(), unmapped.toString());

            String a = ok(mcp, "create_component", Map.of("project", t.slug(), "name", "Invoices", "filePath", "src/invoices")).get("id").asText();
            String b = ok(mcp, "create_component", Map.of("project", t.slug(), "name", "Ledger", "filePath", "src/ledger")).get("id").asText();
            ok(mcp, "add_component_dependency", Map.of("project", t.slug(), "componentId", a, "dependsOn", b));

            Map<String, Object> edit = Map.of("project", t.slug(), "componentId", a, "version", 1, "name", "Bills", "filePath", "src/bills",
                    "contextId", ctx);
            refused(viewer, "update_component", edit, "needs the member role");
            refused(mcp, "update_component", Map.of("project", other.slug(), "componentId", a, "version", 1, "name", "X", "filePath", "x"),
                    "No such component");
            JsonNode saved = ok(mcp, "update_component", edit);
            assertEquals("Bills", saved.get("name").asText(), saved.toString());
            assertEquals(ctx, saved.get("contextId").asText(), saved.toString());
            JsonNode stale = refusal(mcp, "update_component", Map.of("project", t.slug(), "componentId", a, "version", 1, "name", "Late",
                    "filePath", "src/late")).get("details");
            assertEquals(saved.get("version").asInt(), stale.get("currentVersion").asInt(), stale.toString());
            assertTrue(stale.get("current").toString().contains("Bills") && stale.get("yours").toString().contains("Late"), stale.toString());

            refused(viewer, "set_component_completion", Map.of("project", t.slug(), "componentId", a, "docsComplete", true), "needs the member role");
            refused(mcp, "set_component_completion", Map.of("project", other.slug(), "componentId", a, "docsComplete", true), "No such component");
            JsonNode done = ok(mcp, "set_component_completion", Map.of("project", t.slug(), "componentId", a, "docsComplete", true));
            assertTrue(done.get("docsComplete").asBoolean() && !done.get("testsComplete").asBoolean(), done.toString());

            Map<String, Object> dependency = Map.of("project", t.slug(), "componentId", a, "dependsOn", b);
            refused(viewer, "remove_component_dependency", dependency, "needs the member role");
            refused(mcp, "remove_component_dependency", Map.of("project", other.slug(), "componentId", a, "dependsOn", b), "No such component");
            ok(mcp, "remove_component_dependency", dependency);
            assertTrue(ok(mcp, "get_component", Map.of("project", t.slug(), "componentId", a)).at("/component/dependsOn").isEmpty());

            refused(viewer, "delete_component", Map.of("project", t.slug(), "componentId", a), "needs the member role");
            refused(mcp, "delete_component", Map.of("project", other.slug(), "componentId", a), "No such component");
            ok(mcp, "delete_component", Map.of("project", t.slug(), "componentId", a));
            refused(mcp, "get_component", Map.of("project", t.slug(), "componentId", a), "No such component");
        }
    }

    @Test
    void theExecutiveSummaryAndSpecsAreSavedReviewedAndLinkedThroughTheTools() {
        TestData.Team t = data.team();
        TestData.Team other = data.team();
        try (McpSyncClient mcp = client(t, Role.MEMBER); McpSyncClient lead = client(t, Role.LEAD); McpSyncClient viewer = client(t, Role.VIEWER)) {
            int version = ok(mcp, "get_project", Map.of("project", t.slug())).get("executiveSummaryVersion").asInt();
            refused(viewer, "save_executive_summary", Map.of("project", t.slug(), "content", "Ours", "summaryVersion", version), "needs the member role");
            JsonNode summary = ok(mcp, "save_executive_summary", Map.of("project", t.slug(), "content", "We sell bikes.", "summaryVersion", version));
            assertEquals("We sell bikes.", summary.get("content").asText(), summary.toString());
            JsonNode stale = refusal(mcp, "save_executive_summary", Map.of("project", t.slug(), "content", "Cars", "summaryVersion", version))
                    .get("details");
            assertEquals(summary.get("version").asInt(), stale.get("currentVersion").asInt(), stale.toString());
            assertTrue(stale.get("current").toString().contains("We sell bikes.") && stale.get("yours").toString().contains("Cars"), stale.toString());

            int story = ok(mcp, "create_story", Map.of("project", t.slug(), "title", "Rent", "description", "Rent a bike")).get("number").asInt();
            ok(mcp, "create_spec", Map.of("project", t.slug(), "title", "Frames", "specType", "monolithic", "content", "Frames"));
            ok(mcp, "create_spec", Map.of("project", t.slug(), "title", "Rental", "specType", "monolithic", "content", "Rent", "storyNumber", story));
            refused(mcp, "approve_spec", Map.of("project", t.slug(), "spec", "SPEC-2", "reviewed", true), "needs the lead role");
            refused(lead, "approve_spec", Map.of("project", t.slug(), "spec", "SPEC-9", "reviewed", true), "No spec SPEC-9");
            JsonNode reviewed = ok(lead, "approve_spec", Map.of("project", t.slug(), "spec", "SPEC-2", "reviewed", true));
            assertFalse(reviewed.get("dirty").asBoolean(), reviewed.toString());
            assertEquals("draft", reviewed.get("status").asText(), "reviewed, not approved: " + reviewed);

            JsonNode linked = ok(mcp, "update_spec", Map.of("project", t.slug(), "spec", "SPEC-2", "version", 1, "dependsOn", java.util.List.of("SPEC-1")));
            assertEquals("SPEC-1", linked.get("dependsOn").get(0).asText(), linked.toString());
            refused(mcp, "save_executive_summary", Map.of("project", other.slug(), "content", "Theirs", "summaryVersion", 0), "Project not found");
        }
    }

    @Test
    void reviewCommentsAreEditedAndDeletedAndTokensRevokedThroughTheTools() {
        TestData.Team t = data.team();
        TestData.Team other = data.team();
        data.addMember(other.project(), t.reviewer(), Role.REVIEWER);
        try (GitFixture git = GitFixture.create(); McpSyncClient mcp = client(t, Role.REVIEWER); McpSyncClient viewer = client(t, Role.VIEWER)) {
            git.commit("first", Map.of("App.java", GitFixture.lines(12)));
            Repo repo = repos.add(t.project(), t.owner(), "app", git.url());
            repos.sync(repo);
            JsonNode thread = ok(mcp, "open_review_thread", Map.of("project", t.slug(), "repository", "app", "path", "App.java",
                    "lineStart", 2, "lineEnd", 3, "body", "Rename this"));
            String comment = thread.at("/comments/0/id").asText();
            int version = thread.at("/comments/0/version").asInt();
            Map<String, Object> edit = Map.of("project", t.slug(), "comment", comment, "body", "Rename this, please", "version", version);
            refused(viewer, "edit_review_comment", edit, "needs the reviewer role");
            refused(mcp, "edit_review_comment", Map.of("project", other.slug(), "comment", comment, "body", "x", "version", version), "No such");
            JsonNode edited = ok(mcp, "edit_review_comment", edit);
            assertEquals("Rename this, please", edited.at("/comments/0/body").asText(), edited.toString());
            assertTrue(edited.at("/comments/0/edited").asBoolean(), edited.toString());
            JsonNode stale = refusal(mcp, "edit_review_comment", Map.of("project", t.slug(), "comment", comment, "body", "Late", "version", version));
            assertTrue(stale.toString().contains("Rename this, please"), stale.toString());

            ok(mcp, "comment_on_thread", Map.of("project", t.slug(), "thread", thread.get("id").asText(), "body", "And this"));
            refused(viewer, "delete_review_comment", Map.of("project", t.slug(), "comment", comment), "needs the reviewer role");
            refused(mcp, "delete_review_comment", Map.of("project", other.slug(), "comment", comment), "No such");
            JsonNode kept = ok(mcp, "delete_review_comment", Map.of("project", t.slug(), "comment", comment));
            assertFalse(kept.get("threadDeleted").asBoolean(), kept.toString());
            assertEquals("And this", kept.at("/thread/comments/0/body").asText(), kept.toString());
            String last = kept.at("/thread/comments/0/id").asText();
            JsonNode gone = ok(mcp, "delete_review_comment", Map.of("project", t.slug(), "comment", last));
            assertTrue(gone.get("threadDeleted").asBoolean() && gone.get("thread").isNull(), gone.toString());
        }

        ApiTokenService.Created spare = tokens.create(t.member().id, "spare", null, null);
        String spareId = spare.token().id.toString();
        String others = tokens.create(t.lead().id, "lead's", null, null).token().id.toString();
        RestAssured.given().auth().oauth2(spare.value()).get("/api/v1/tokens").then().statusCode(200);
        try (McpSyncClient mcp = client(t, Role.MEMBER)) {
            refused(mcp, "revoke_api_token", Map.of("token", others), "No such token");
            ok(mcp, "revoke_api_token", Map.of("token", spareId));
            JsonNode listed = ok(mcp, "list_api_tokens", Map.of());
            boolean revoked = false;
            for (JsonNode row : listed.get("items")) {
                revoked |= row.get("id").asText().equals(spareId) && !row.get("active").asBoolean();
            }
            assertTrue(revoked, listed.toString());
        }
        RestAssured.given().auth().oauth2(spare.value()).get("/api/v1/tokens").then().statusCode(401);
    }

    private McpSyncClient client(TestData.Team t, Role role) {
        return Mcp.client(base, tokens.create(t.as(role).id, "gap agent", null, null).value());
    }

    private static JsonNode ok(McpSyncClient mcp, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(tool, args));
        assertFalse(Boolean.TRUE.equals(r.isError()), () -> tool + " refused: " + r.content());
        return JSON.valueToTree(r.structuredContent());
    }

    /** The API's {@code {error, details}} JSON of a refusal. */
    private static JsonNode refusal(McpSyncClient mcp, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(tool, args));
        assertTrue(Boolean.TRUE.equals(r.isError()), () -> tool + " " + args + " was not refused: " + r.structuredContent());
        try {
            return JSON.readTree(((McpSchema.TextContent) r.content().get(0)).text());
        } catch (java.io.IOException e) {
            throw new AssertionError(r.content().toString(), e);
        }
    }

    private static void refused(McpSyncClient mcp, String tool, Map<String, Object> args, String saying) {
        JsonNode error = refusal(mcp, tool, args);
        assertTrue(error.toString().contains(saying), () -> tool + " " + args + ": " + error);
    }
}
