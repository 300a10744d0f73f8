package dev.specboard.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page's design patterns (seed 004's {@code pages.related_patterns}): the component patterns its current mockup uses,
 * kept as the current mockup changes, shown on the page with links into the design system, and a filter of the page tree,
 * the API's page list and MCP's {@code list_pages}.
 */
@QuarkusTest
class PageRelatedPatternsTest {

    static final String CATALOGUE = "<main><nav class=\"nav\"><a href=\"/\">Home</a></nav>"
            + "<article class=\"card\"><h2>Lesson</h2><button class=\"btn btn-primary\">Open</button></article></main>";
    static final String SETTINGS = "<main><form><label>Name <input name=\"name\"></label><button>Save</button></form></main>";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    ApiTokenService tokens;

    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URI base;

    private String page(TestData.Team t, String name, String path, String html) {
        Response r = fx.api(t.member()).body(Map.of("name", name, "path", path, "html", html)).post(ApiPaths.project(t.slug(), "/pages"));
        assertEquals(201, r.statusCode(), r.asString());
        return r.path("id");
    }

    private List<String> listed(TestData.Team t, String pattern) {
        return fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/pages?pattern=") + pattern).then().statusCode(200).extract().path("path");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCurrentMockupsPatternsAreKeptAndFilterTheApiList() {
        TestData.Team t = data.team();
        String catalogue = page(t, "Catalogue", "/catalogue", CATALOGUE);
        page(t, "Settings", "/settings", SETTINGS);
        String api = ApiPaths.project(t.slug());

        List<String> patterns = fx.api(t.viewer()).get(api + "/pages/" + catalogue).then().statusCode(200).extract().path("page.relatedPatterns");
        assertTrue(patterns.containsAll(List.of("nav", "card", "button")), patterns.toString());
        assertFalse(patterns.contains("form"), patterns.toString());
        assertEquals(List.of("/catalogue"), listed(t, "card"));
        assertEquals(List.of("/catalogue"), listed(t, "Card"), "matched as the other filters are, ignoring case");
        assertEquals(List.of("/catalogue", "/settings"), listed(t, "button"));
        assertEquals(List.of("/settings"), listed(t, "form"));
        assertEquals(List.of(), listed(t, "modal"));
        assertEquals(2, fx.api(t.viewer()).get(api + "/pages").then().statusCode(200).extract().<Integer>path("size()"), "no pattern: every page");

        Response unknown = fx.api(t.viewer()).get(api + "/pages?pattern=carousel");
        assertEquals(422, unknown.statusCode(), unknown.asString());
        assertTrue(unknown.asString().contains("pattern"), unknown.asString());

        // A new version without the card takes it out; making the first version current again brings it back.
        fx.api(t.member()).body(Map.of("html", "<main><nav><a href=\"/\">Home</a></nav><p>Nothing yet</p></main>", "basedOnVersion", 1))
                .post(api + "/pages/" + catalogue + "/mockups").then().statusCode(201);
        assertEquals(List.of(), listed(t, "card"));
        assertEquals(List.of("/catalogue"), listed(t, "nav"));
        fx.api(t.member()).post(api + "/pages/" + catalogue + "/mockups/1/current").then().statusCode(200);
        assertEquals(List.of("/catalogue"), listed(t, "card"));
        Map<String, Object> row = fx.api(t.viewer()).get(api + "/pages").then().extract().path("find { it.path == '/catalogue' }");
        assertTrue(((List<String>) row.get("relatedPatterns")).contains("card"), row.toString());
    }

    @Test
    void thePageLinksItsPatternsAndTheTreeListsThePagesUsingOne() {
        TestData.Team t = data.team();
        String catalogue = page(t, "Catalogue", "/catalogue", CATALOGUE);
        page(t, "Settings", "/settings", SETTINGS);
        String slug = t.slug();

        Element line = Web.html(Web.as(t.viewer()).get("/projects/" + slug + "/pages/" + catalogue)).getElementById("related-patterns");
        assertNotNull(line, "the page names its design patterns");
        assertEquals("/projects/" + slug + "/design-system#component-card", line.selectFirst("a:containsOwn(card)").attr("href"));

        Document filtered = Web.html(Web.as(t.viewer()).get("/projects/" + slug + "/design?pattern=card").then().statusCode(200).extract().response());
        assertEquals("Pages using the card pattern", filtered.getElementById("pattern-pages-h").text());
        assertEquals(List.of("Catalogue"), filtered.select("#pattern-page-list a").eachText());
        assertNull(filtered.getElementById("page-tree"), "the list stands in for the tree");
        assertEquals("card", filtered.selectFirst("#filter-pattern option[selected]").val());
        assertEquals("No page's current mockup uses the modal pattern.",
                Web.html(Web.as(t.viewer()).get("/projects/" + slug + "/design?pattern=modal")).getElementById("no-pattern-pages").text());

        Response refused = Web.as(t.viewer()).get("/projects/" + slug + "/design?pattern=carousel");
        assertEquals(422, refused.statusCode());
        Document d = Web.html(refused);
        assertTrue(d.getElementById("filter-errors").text().contains("There is no component pattern \u201ccarousel\u201d"), d.getElementById("filter-errors").text());
        assertEquals("true", d.getElementById("filter-pattern").attr("aria-invalid"));

        Document all = Web.html(Web.as(t.viewer()).get("/projects/" + slug + "/design"));
        assertNotNull(all.getElementById("page-tree"));
        assertNull(all.getElementById("pattern-pages"));

        // The design system's component table leads to the same list.
        Element link = DesignSystemResourceTest.settled(t).getElementById("pages-using-card");
        assertNotNull(link, "the design system links the pages using each component");
        assertEquals("/projects/" + slug + "/design?pattern=card", link.attr("href"));
    }

    @Test
    void anAgentListsThePagesUsingAPatternThroughMcp() throws Exception {
        TestData.Team t = data.team();
        page(t, "Catalogue", "/catalogue", CATALOGUE);
        page(t, "Settings", "/settings", SETTINGS);
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        try (McpSyncClient mcp = Mcp.client(base, agent)) {
            McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest("list_pages", Map.of("project", t.slug(), "pattern", "form")));
            assertFalse(r.isError(), r.toString());
            JsonNode answer = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r.structuredContent())).get("items");
            assertEquals(1, answer.size(), answer.toString());
            assertEquals("/settings", answer.get(0).get("path").asText());
            String settings = answer.get(0).get("id").asText();
            McpSchema.CallToolResult one = mcp.callTool(new McpSchema.CallToolRequest("get_page", Map.of("project", t.slug(), "pageId", settings)));
            assertFalse(one.isError(), one.toString());
            JsonNode page = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(one.structuredContent()));
            assertTrue(page.at("/page/relatedPatterns").toString().contains("\"form\""), page.toString());
            assertEquals(1, page.at("/versions").size(), page.toString());
            McpSchema.CallToolResult typo = mcp.callTool(new McpSchema.CallToolRequest("list_pages", Map.of("project", t.slug(), "pattern", "carousel")));
            assertTrue(typo.isError(), typo.toString());
        }
    }

    @Test
    void theMigrationFillsThePatternsOfPagesThatHadAMockup() throws Exception {
        TestData.Team t = data.team();
        UUID catalogue = UUID.fromString(page(t, "Catalogue", "/catalogue", CATALOGUE));
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V0991__design_page_related_patterns.sql")) {
            assertNotNull(in);
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String migration = sql;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update pages set related_patterns = '[]' where id = :id")
                .setParameter("id", catalogue).executeUpdate());
        assertEquals(List.of(), listed(t, "card"));
        // Through plain JDBC, as Flyway runs it (Hibernate would read the '::jsonb' cast as a parameter).
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(migration);
            }
        }));
        assertEquals(List.of("/catalogue"), listed(t, "card"));
    }
}
