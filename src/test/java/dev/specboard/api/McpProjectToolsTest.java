package dev.specboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.project.Membership;
import dev.specboard.project.Project;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent sets a project up through MCP tools only, as the JSON API does: creates it, links a repository (with the
 * API's address rules), adds members, changes their roles and removes them, under the one project policy.
 */
@QuarkusTest
class McpProjectToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @TestHTTPResource("/")
    URI base;

    private static JsonNode answer(McpSyncClient mcp, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(tool, args));
        assertFalse(Boolean.TRUE.equals(r.isError()), () -> tool + " refused: " + r.content());
        assertNotNull(r.structuredContent(), tool + " answered no structured content");
        return JSON.valueToTree(r.structuredContent());
    }

    /** The API's {@code {error, details}} JSON of a refusal. */
    private static JsonNode refusal(McpSyncClient mcp, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(tool, args));
        assertTrue(Boolean.TRUE.equals(r.isError()), () -> tool + " " + args + " was not refused: " + r.structuredContent());
        try {
            JsonNode error = JSON.readTree(((McpSchema.TextContent) r.content().get(0)).text());
            assertTrue(error.get("error").isTextual() && error.get("details").isObject(), error.toString());
            return error;
        } catch (java.io.IOException e) {
            throw new AssertionError(r.content().toString(), e);
        }
    }

    private String token(Account a) {
        return tokens.create(a.id, "setup agent", null, null).value();
    }

    @Test
    void anOwnerAgentCreatesAProjectLinksARepositoryAndManagesItsMembers() {
        Account founder = data.account("founder");
        Account newcomer = data.account("newcomer");
        String name = TestData.unique("Shop");
        try (McpSyncClient mcp = Mcp.client(base, token(founder)); GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("README.md", "hello\n"));
            JsonNode created = answer(mcp, "create_project", Map.of("name", name, "type", "web-app"));
            String slug = created.get("slug").asText();
            assertEquals("owner", created.get("role").asText());
            assertEquals(name, Project.<Project>find("slug", slug).firstResult().name);
            JsonNode badType = refusal(mcp, "create_project", Map.of("name", "Other", "type", "desktop"));
            assertTrue(badType.at("/details/type").asText().contains("web-app"), badType.toString());
            assertTrue(refusal(mcp, "create_project", Map.of("name", "Again", "slug", slug, "type", "api")).at("/details/slug").isTextual(),
                    "a slug taken is refused naming the field");

            JsonNode repo = answer(mcp, "link_repository", Map.of("project", slug, "name", "app", "url", git.url()));
            assertEquals("app", repo.get("name").asText());
            assertTrue(repo.get("syncId").isTextual(), "the first sync is queued: " + repo);
            JsonNode internal = refusal(mcp, "link_repository", Map.of("project", slug, "name", "meta", "url", "https://169.254.169.254/latest"));
            assertTrue(internal.at("/details/url").asText().contains("link-local"), internal.toString());
            assertTrue(refusal(mcp, "link_repository", Map.of("project", slug, "name", "again", "url", git.url()))
                    .at("/details/url").asText().contains("already"), "the same repository twice is refused as by the API");
            assertEquals(List.of("app"), Repo.<Repo>list("projectId", Project.<Project>find("slug", slug).firstResult().id).stream()
                    .map(r -> r.name).toList());

            JsonNode added = answer(mcp, "add_member", Map.of("project", slug, "username", newcomer.username, "role", "reviewer"));
            assertEquals("reviewer", added.get("role").asText());
            assertTrue(refusal(mcp, "add_member", Map.of("project", slug, "username", "nobody-" + name, "role", "member"))
                    .at("/details/username").isTextual(), "an unknown username is refused naming the field");
            assertTrue(refusal(mcp, "set_member_role", Map.of("project", slug, "username", newcomer.username, "role", "boss"))
                    .at("/details/role").asText().contains("viewer"), "an unknown role names the choices");
            assertEquals("lead", answer(mcp, "set_member_role", Map.of("project", slug, "username", newcomer.username, "role", "lead"))
                    .get("role").asText());
            assertEquals(Role.LEAD, role(slug, newcomer));
            assertTrue(refusal(mcp, "set_member_role", Map.of("project", slug, "username", founder.username, "role", "viewer"))
                    .get("error").asText().contains("last owner"));
            assertTrue(refusal(mcp, "remove_member", Map.of("project", slug, "username", founder.username))
                    .get("error").asText().contains("last owner"));
            JsonNode removed = answer(mcp, "remove_member", Map.of("project", slug, "username", newcomer.username));
            assertEquals("member", removed.get("kind").asText());
            assertEquals(newcomer.username, removed.get("id").asText());
            assertEquals(null, role(slug, newcomer));
            assertTrue(refusal(mcp, "remove_member", Map.of("project", slug, "username", newcomer.username))
                    .get("error").asText().contains("No member named"));
        }
    }

    @Test
    void onlyTheOwnerChangesMembersAndRepositoriesAndOutsidersAreToldNothing() {
        TestData.Team t = data.team();
        Account newcomer = data.account("newcomer");
        List<Map.Entry<String, Map<String, Object>>> writes = List.of(
                Map.entry("link_repository", Map.of("project", t.slug(), "name", "app", "url", "https://example.com/app.git")),
                Map.entry("add_member", Map.of("project", t.slug(), "username", newcomer.username, "role", "member")),
                Map.entry("set_member_role", Map.of("project", t.slug(), "username", t.member().username, "role", "viewer")),
                Map.entry("remove_member", Map.of("project", t.slug(), "username", t.member().username)));
        for (Account refused : List.of(t.viewer(), t.lead())) {
            try (McpSyncClient mcp = Mcp.client(base, token(refused))) {
                for (var w : writes) {
                    String error = refusal(mcp, w.getKey(), w.getValue()).get("error").asText();
                    assertTrue(error.contains("needs the owner role"), w.getKey() + " as " + refused.username + ": " + error);
                }
            }
        }
        try (McpSyncClient mcp = Mcp.client(base, token(t.outsider()))) {
            for (var w : writes) {
                assertEquals("Project not found", refusal(mcp, w.getKey(), w.getValue()).get("error").asText(), w.getKey());
            }
        }
        String limited = tokens.create(t.owner().id, "limited", t.project().id, Role.OWNER).value();
        try (McpSyncClient mcp = Mcp.client(base, limited)) {
            assertTrue(refusal(mcp, "create_project", Map.of("name", "Elsewhere", "type", "api")).get("error").asText()
                    .contains("limited to one project"));
        }
        assertEquals(Role.MEMBER, role(t.slug(), t.member()), "nothing was changed");
        assertEquals(null, role(t.slug(), newcomer));

        Web.as(t.owner()).formParam("x", "1").post("/projects/" + t.slug() + "/settings/archive").then().statusCode(303);
        try (McpSyncClient mcp = Mcp.client(base, token(t.owner()))) {
            for (var w : writes) {
                JsonNode error = refusal(mcp, w.getKey(), w.getValue());
                assertTrue(error.get("error").asText().contains("archived"), w.getKey() + ": " + error);
            }
            assertEquals(Role.MEMBER, role(t.slug(), t.member()), "an archived project keeps its members");
            assertTrue(answer(mcp, "list_repositories", Map.of("project", t.slug())).get("items").isEmpty());
        }
    }

    /** The account's role in the project, read from the database; null for none. */
    private static Role role(String slug, Account account) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Project p = Project.find("slug", slug).firstResult();
            Membership m = Membership.find("project.id = ?1 and account.id = ?2", p.id, account.id).firstResult();
            return m == null ? null : m.role;
        });
    }
}
