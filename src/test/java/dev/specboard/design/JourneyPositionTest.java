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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a journey node sits in the picture: placed by hand (a drag on the page, the API or MCP) it stays there and the
 * answer says where; given back to the layout engine (on the page, the API or MCP) the layout places it again.
 */
@QuarkusTest
class JourneyPositionTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    ApiTokenService tokens;

    @TestHTTPResource("/")
    URI base;

    private String journey(TestData.Team t) {
        return fx.api(t.member()).body(Map.of("name", "Sign up", "nodes", List.of(
                        Map.of("key", "form", "nodeType", "action", "data", Map.of("label", "Fill in the form")),
                        Map.of("key", "save", "nodeType", "database", "data", Map.of("operation", "CREATE", "entity", "Account", "end", true))),
                        "connections", List.of(Map.of("from", "form", "to", "save"))))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
    }

    @Test
    void theApiPlacesANodeAndGivesItBackToTheLayout() {
        TestData.Team t = data.team();
        String id = journey(t);
        String url = ApiPaths.project(t.slug(), "/journeys/") + id;
        String page = "/projects/" + t.slug() + "/journeys/" + id;
        assertNull(fx.api(t.viewer()).get(url).path("nodes[1].position"), "a node no one moved is the layout's to place");
        String laidOutX = Web.html(Web.as(t.viewer()).get(page)).selectFirst("a#svg-node-save").attr("data-x");

        Response placed = fx.api(t.member()).body(Map.of("x", 600.4, "y", 30)).put(url + "/nodes/save/position");
        assertEquals(200, placed.statusCode(), placed.asString());
        assertEquals(600.4f, (Float) placed.path("nodes[1].position.x"), "kept as given, not rounded");
        assertEquals(30.0f, (Float) placed.path("nodes[1].position.y"));
        assertNull(placed.path("nodes[0].position"), "the other node stays the layout's");
        assertEquals(600.4f, (Float) fx.api(t.viewer()).get(url).path("nodes[1].position.x"));
        assertEquals("600.4", Web.html(Web.as(t.viewer()).get(page)).selectFirst("a#svg-node-save").attr("data-x"), "the picture draws it there");

        Response missing = fx.api(t.member()).body(Map.of()).put(url + "/nodes/save/position");
        assertEquals(422, missing.statusCode(), missing.asString());
        assertNotNull(missing.path("details.x"), missing.asString());
        assertNotNull(missing.path("details.y"), "every missing field is named at once: " + missing.asString());
        Response outside = fx.api(t.member()).body(Map.of("x", 10, "y", 200000)).put(url + "/nodes/save/position");
        assertEquals(422, outside.statusCode(), outside.asString());
        assertEquals("A position is two numbers between 0 and 100000", outside.path("details.y"));
        Response unknown = fx.api(t.member()).body(Map.of("x", 10, "y", 20, "z", 3)).put(url + "/nodes/save/position");
        assertEquals(422, unknown.statusCode(), unknown.asString());
        assertEquals("unknown field", unknown.path("details.z"));
        assertEquals(400, fx.api(t.member()).body(Map.of("x", "left", "y", 20)).put(url + "/nodes/save/position").statusCode());
        assertEquals(404, fx.api(t.member()).body(Map.of("x", 10, "y", 20)).put(url + "/nodes/nope/position").statusCode());
        assertEquals(403, fx.api(t.viewer()).body(Map.of("x", 10, "y", 20)).put(url + "/nodes/save/position").statusCode());
        assertEquals(404, fx.api(t.outsider()).body(Map.of("x", 10, "y", 20)).put(url + "/nodes/save/position").statusCode());
        assertEquals(600.4f, (Float) fx.api(t.viewer()).get(url).path("nodes[1].position.x"), "nothing refused was kept");

        fx.api(t.member()).put(url + "/nodes/form/lock").then().statusCode(200);
        Response locked = fx.api(t.member()).body(Map.of("x", 10, "y", 20)).put(url + "/nodes/form/position");
        assertEquals(409, locked.statusCode(), locked.asString());
        assertEquals(List.of("form"), locked.path("details.locked"));
        assertEquals(409, fx.api(t.member()).delete(url + "/nodes/form/position").statusCode(), "a locked node keeps its place either way");

        assertEquals(403, fx.api(t.viewer()).delete(url + "/nodes/save/position").statusCode());
        Response back = fx.api(t.member()).delete(url + "/nodes/save/position");
        assertEquals(200, back.statusCode(), back.asString());
        assertNull(back.path("nodes[1].position"));
        assertEquals(laidOutX, Web.html(Web.as(t.viewer()).get(page)).selectFirst("a#svg-node-save").attr("data-x"), "the layout places it again");
        assertEquals(200, fx.api(t.member()).delete(url + "/nodes/save/position").statusCode(), "giving back a node no one moved changes nothing");
    }

    @Test
    void aPlaceBetweenPixelsReadsBackAsGivenOverTheApiThePageAndMcp() throws Exception {
        TestData.Team t = data.team();
        String id = journey(t);
        String url = ApiPaths.project(t.slug(), "/journeys/") + id;
        Response placed = fx.api(t.member()).body(Map.of("x", 1.5, "y", 2.25)).put(url + "/nodes/save/position");
        assertEquals(200, placed.statusCode(), placed.asString());
        assertEquals(1.5f, (Float) fx.api(t.viewer()).get(url).path("nodes[1].position.x"), "1.5 reads back as 1.5, not 2.0");
        assertEquals(2.25f, (Float) fx.api(t.viewer()).get(url).path("nodes[1].position.y"));

        Web.as(t.member()).formParam("x", "10.5").formParam("y", "0.5").post("/projects/" + t.slug() + "/journeys/" + id + "/nodes/save/position")
                .then().statusCode(303);
        assertEquals(10.5f, (Float) fx.api(t.viewer()).get(url).path("nodes[1].position.x"), "a drag on the page too");
        assertEquals(0.5f, (Float) fx.api(t.viewer()).get(url).path("nodes[1].position.y"));

        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        try (McpSyncClient mcp = Mcp.client(base, agent)) {
            McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest("place_journey_node",
                    Map.of("project", t.slug(), "journeyId", id, "key", "form", "x", 3.5, "y", 4.75)));
            assertFalse(r.isError(), r.toString());
        }
        assertEquals(3.5f, (Float) fx.api(t.viewer()).get(url).path("nodes[0].position.x"), "and through MCP");
        assertEquals(4.75f, (Float) fx.api(t.viewer()).get(url).path("nodes[0].position.y"));
    }

    /** The picture draws a moved node exactly where the API says it is: 1.25 drew at 1.3, as coordinates were rounded to one decimal. */
    @Test
    void thePictureDrawsAPlaceExactlyAsTheApiAnswersIt() {
        TestData.Team t = data.team();
        String id = journey(t);
        String url = ApiPaths.project(t.slug(), "/journeys/") + id;
        fx.api(t.member()).body(Map.of("x", 1.25, "y", 640.125)).put(url + "/nodes/save/position").then().statusCode(200);
        assertEquals(1.25f, (Float) fx.api(t.viewer()).get(url).path("nodes[1].position.x"));
        assertEquals(640.125f, (Float) fx.api(t.viewer()).get(url).path("nodes[1].position.y"));
        org.jsoup.nodes.Element drawn = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/journeys/" + id)).selectFirst("a#svg-node-save");
        assertEquals("1.25", drawn.attr("data-x"));
        assertEquals("640.125", drawn.attr("data-y"));
        org.jsoup.nodes.Element box = drawn.selectFirst("rect, polygon");
        assertEquals("1.25", box.attr("x"), "the node's shape is drawn there too");
        assertEquals("640.125", box.attr("y"));
    }

    @Test
    void thePageOffersToGiveAMovedNodeBackToTheLayout() {
        TestData.Team t = data.team();
        String page = "/projects/" + t.slug() + "/journeys/" + journey(t);
        assertNull(editor(t.member(), page, "save").getElementById("unpin-save"), "nothing to give back before a move");
        String laidOutX = Web.html(Web.as(t.member()).get(page)).selectFirst("a#svg-node-save").attr("data-x");

        Web.as(t.member()).formParam("x", "640").formParam("y", "20").post(page + "/nodes/save/position").then().statusCode(303);
        Document moved = editor(t.member(), page, "save");
        assertNotNull(moved.selectFirst("form[action$=/nodes/save/position/remove] button#unpin-save"), "a moved node offers its way back");
        assertNull(editor(t.member(), page, "form").getElementById("unpin-form"), "only the moved node does");
        assertNull(editor(t.viewer(), page, "save").getElementById("unpin-save"), "a viewer has no editor");
        assertEquals(403, Web.as(t.viewer()).post(page + "/nodes/save/position/remove").statusCode());

        Response done = Web.as(t.member()).post(page + "/nodes/save/position/remove");
        assertEquals(303, done.statusCode(), done.asString());
        assertTrue(done.getHeader("Location").endsWith("#node-save"), done.getHeader("Location"));
        Document after = Web.html(Web.as(t.member()).get(page));
        assertNull(editor(t.member(), page, "save").getElementById("unpin-save"));
        assertEquals(laidOutX, after.selectFirst("a#svg-node-save").attr("data-x"));
        assertNotEquals("640", laidOutX);
    }

    @Test
    void anAgentPlacesANodeThroughMcpAndGivesItBack() throws Exception {
        TestData.Team t = data.team();
        String id = journey(t);
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        try (McpSyncClient mcp = Mcp.client(base, agent)) {
            McpSchema.CallToolResult placed = mcp.callTool(new McpSchema.CallToolRequest("place_journey_node",
                    Map.of("project", t.slug(), "journeyId", id, "key", "form", "x", 420, "y", 80)));
            assertFalse(placed.isError(), placed.toString());
            JsonNode answer = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(placed.structuredContent()));
            assertEquals(420, answer.at("/nodes/0/position/x").asInt(), answer.toString());
            assertEquals(80, answer.at("/nodes/0/position/y").asInt());

            McpSchema.CallToolResult half = mcp.callTool(new McpSchema.CallToolRequest("place_journey_node",
                    Map.of("project", t.slug(), "journeyId", id, "key", "form", "x", 10)));
            assertTrue(half.isError(), half.toString());
            assertTrue(half.content().toString().contains("y"), half.content().toString());

            McpSchema.CallToolResult back = mcp.callTool(new McpSchema.CallToolRequest("place_journey_node",
                    Map.of("project", t.slug(), "journeyId", id, "key", "form")));
            assertFalse(back.isError(), back.toString());
            JsonNode after = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(back.structuredContent()));
            assertTrue(after.at("/nodes/0/position").isNull() || after.at("/nodes/0/position").isMissingNode(), after.toString());
        }
        assertNull(fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/journeys/") + id).path("nodes[0].position"));
    }

    /** A node's forms, as its entry on the journey page loads them when opened. */
    static Document editor(dev.specboard.account.Account who, String journey, String key) {
        return Web.html(Web.as(who).header("HX-Request", "true").get(journey + "/nodes/" + key + "/edit"));
    }
}
