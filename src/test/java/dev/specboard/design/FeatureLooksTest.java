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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a feature looks like (seed 004's {@code features.visual_specifications}): the component patterns of its pages'
 * current mockups and the design system's colour tokens on them, on its page, in the API and in the story drafted from it.
 */
@QuarkusTest
class FeatureLooksTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    ApiTokenService apiTokens;

    @TestHTTPResource("/")
    URI base;

    @Test
    @SuppressWarnings("unchecked")
    void aFeatureShowsTheComponentsAndColourTokensOfItsPages() throws Exception {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        String api = ApiPaths.project(t.slug());
        Response created = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Study lessons", "affectedPages", List.of("/lessons"))).post(api + "/features");
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.path("id");

        Map<String, Object> looks = fx.api(t.viewer()).get(api + "/features/" + id).then().statusCode(200).extract().path("visualSpecification");
        List<String> lessonsPatterns = fx.api(t.viewer()).get(api + "/pages?pattern=card").then().statusCode(200)
                .extract().path("find { it.path == '/lessons' }.relatedPatterns");
        assertEquals(MockupAnalyzer.COMPONENT_KINDS.stream().filter(lessonsPatterns::contains).toList(), looks.get("components"),
                "the components of its one page, in the analyzer's order");
        assertTrue(((List<String>) looks.get("components")).contains("card"), looks.toString());
        assertFalse(((List<String>) looks.get("components")).contains("form"), "the settings page's form is not this feature's");

        // The colours are the design system's tokens whose pages include Lessons, and only those.
        Map<String, Map<String, Object>> tokens = fx.api(t.viewer()).get(api + "/design-system").then().statusCode(200).extract().path("tokens.colors");
        List<String> onLessons = tokens.entrySet().stream().filter(e -> ((List<String>) e.getValue().get("pages")).contains("Lessons"))
                .map(Map.Entry::getKey).sorted().toList();
        assertFalse(onLessons.isEmpty(), tokens.toString());
        List<Map<String, String>> colours = (List<Map<String, String>>) looks.get("colors");
        assertEquals(onLessons, colours.stream().map(c -> c.get("name")).sorted().toList());
        assertTrue(tokens.size() > onLessons.size(), "other pages' colours are left out: " + tokens.keySet());
        Map<String, String> first = colours.get(0);
        assertEquals(tokens.get(first.get("name")).get("value"), first.get("value"));

        Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/features/" + id));
        assertEquals("/projects/" + t.slug() + "/design-system#component-card", page.selectFirst("#looks-components a:containsOwn(card)").attr("href"));
        assertEquals(colours.size(), page.select("#looks-colours li").size());
        assertEquals("/projects/" + t.slug() + "/design-system#color-" + first.get("value").substring(1),
                page.selectFirst("#looks-colours li a").attr("href"), "a colour links to its row on the design system page");
        assertNull(page.getElementById("no-looks"));

        // An agent reads the same through MCP's get_feature.
        String agent = apiTokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        try (McpSyncClient mcp = Mcp.client(base, agent)) {
            McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest("get_feature", Map.of("project", t.slug(), "featureId", id)));
            assertFalse(r.isError(), r.toString());
            JsonNode answer = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r.structuredContent()));
            assertEquals(looks.get("components"), new ObjectMapper().convertValue(answer.at("/visualSpecification/components"), List.class));
            assertEquals(colours.size(), answer.at("/visualSpecification/colors").size());
            McpSchema.CallToolResult unknown = mcp.callTool(new McpSchema.CallToolRequest("get_feature",
                    Map.of("project", t.slug(), "featureId", java.util.UUID.randomUUID().toString())));
            assertTrue(unknown.isError(), unknown.toString());
        }

        Response drafted = Web.as(t.member()).formParam("x", "").post("/projects/" + t.slug() + "/features/" + id + "/stories");
        assertEquals(303, drafted.statusCode(), drafted.asString());
        String description = fx.api(t.member()).get(api + "/stories/1").then().statusCode(200).extract().path("description");
        assertTrue(description.contains("It looks like its pages: the "), description);
        assertTrue(description.contains(first.get("name") + " (" + first.get("value") + ")"), description);
    }

    @Test
    void aFeatureWithoutPagesSaysWhereItsLooksComeFrom() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String id = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Export")).post(api + "/features").then().statusCode(201).extract().path("id");
        Map<String, Object> looks = fx.api(t.viewer()).get(api + "/features/" + id).then().statusCode(200).extract().path("visualSpecification");
        assertEquals(Map.of("components", List.of(), "colors", List.of()), looks);
        Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/features/" + id));
        assertNotNull(page.getElementById("no-looks"));
        assertTrue(page.getElementById("no-looks").text().startsWith("Name the pages it affects"), page.getElementById("no-looks").text());
        Web.as(t.member()).formParam("x", "").post("/projects/" + t.slug() + "/features/" + id + "/stories").then().statusCode(303);
        String description = fx.api(t.member()).get(api + "/stories/1").then().statusCode(200).extract().path("description");
        assertFalse(description.contains("It looks like"), description);
    }
}
