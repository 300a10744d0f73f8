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
 * A journey node a member locked keeps its data and its place and stays until it is unlocked, on the page, over the API
 * (a whole-journey update must give it again as it is) and through MCP; connections to and from it may still change.
 */
@QuarkusTest
class JourneyNodeLockTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    ApiTokenService tokens;

    @TestHTTPResource("/")
    URI base;

    private static Map<String, Object> node(String key, String type, Map<String, Object> data) {
        return Map.of("key", key, "nodeType", type, "data", data);
    }

    private static final List<Map<String, Object>> NODES = List.of(
            node("ok", "decision", Map.of("question", "Email valid?", "branches", List.of("Yes", "No"))),
            node("note", "annotation", Map.of("text", "Remember GDPR")));

    private String journey(TestData.Team t) {
        return fx.api(t.member()).body(Map.of("name", "Sign up", "nodes", NODES, "connections", List.of()))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
    }

    @Test
    void aLockedNodeIsShownLockedAndRefusesEditsMovesAndRemovalUntilUnlocked() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug() + "/journeys/" + journey(t);

        Web.as(t.member()).formParam("locked", "true").post(base + "/nodes/ok/lock").then().statusCode(303);
        Document d = Web.html(Web.as(t.member()).get(base));
        assertEquals("locked", d.getElementById("locked-ok").text());
        assertNull(d.selectFirst("#node-ok details.edit-node"), "a locked node has no editor");
        assertNotNull(d.getElementById("unlock-ok"));
        assertNotNull(d.selectFirst("#node-note details.edit-node"));
        assertNotNull(JourneyPositionTest.editor(t.member(), base, "note").selectFirst("#lock-note"), "an unlocked node can be locked from its editor");
        assertEquals("true", d.selectFirst("#svg-node-ok").attr("data-locked"), "the picture tells the drag script to leave it");
        assertNull(Web.html(Web.as(t.viewer()).get(base)).getElementById("unlock-ok"), "a viewer sees the lock, not the button");

        Response edit = Web.as(t.member()).formParam("question", "Email typed?").formParam("branches", "Yes, No").post(base + "/nodes/ok");
        assertEquals(409, edit.statusCode(), edit.asString());
        assertTrue(edit.asString().contains("The node ok is locked: unlock it to edit it"), edit.asString());
        assertEquals(409, Web.as(t.member()).post(base + "/nodes/ok/remove").statusCode());
        assertEquals(409, Web.as(t.member()).formParam("x", "40").formParam("y", "50").post(base + "/nodes/ok/position").statusCode());
        // Connections are the journey's, kept on the node they leave: they still change.
        Web.as(t.member()).formParam("from", "ok").formParam("to", "note").formParam("label", "No").post(base + "/connections").then().statusCode(303);
        assertEquals(403, Web.as(t.viewer()).formParam("locked", "false").post(base + "/nodes/ok/lock").statusCode());

        String api = "/api/v1" + base;
        JsonNode now = json(fx.api(t.viewer()).get(api).asString());
        assertEquals("Email valid?", now.at("/nodes/0/data/question").asText(), "nothing of the refused edit was kept");
        assertEquals(2, now.get("nodes").size());

        Web.as(t.member()).formParam("locked", "false").post(base + "/nodes/ok/lock").then().statusCode(303);
        Web.as(t.member()).formParam("question", "Email typed?").formParam("branches", "Yes, No").post(base + "/nodes/ok").then().statusCode(303);
        Web.as(t.member()).formParam("x", "40").formParam("y", "50").post(base + "/nodes/ok/position").then().statusCode(303);
        JsonNode after = json(fx.api(t.viewer()).get(api).asString());
        assertEquals("Email typed?", after.at("/nodes/0/data/question").asText());
        assertFalse(after.at("/nodes/0/locked").asBoolean());
        assertFalse(Web.html(Web.as(t.member()).get(base)).getElementById("svg-node-ok").hasAttr("data-locked"));
    }

    @Test
    void theApiLocksAndUnlocksAndAWholeJourneyUpdateMustGiveALockedNodeAgainAsItIs() {
        TestData.Team t = data.team();
        String url = ApiPaths.project(t.slug(), "/journeys/") + journey(t);

        Response locked = fx.api(t.member()).put(url + "/nodes/ok/lock");
        assertEquals(200, locked.statusCode(), locked.asString());
        assertEquals(List.of(true, false), locked.path("nodes.locked"));
        assertEquals(2, (int) locked.path("version"), "a lock is a change of the journey");
        assertEquals(403, fx.api(t.viewer()).put(url + "/nodes/ok/lock").statusCode());
        assertEquals(404, fx.api(t.outsider()).put(url + "/nodes/ok/lock").statusCode());
        Response unknown = fx.api(t.member()).put(url + "/nodes/nope/lock");
        assertEquals(404, unknown.statusCode(), unknown.asString());
        assertEquals("No node nope in this journey", unknown.path("error"));

        Response changed = fx.api(t.member()).body(Map.of("name", "Sign up", "version", 2, "nodes", List.of(
                node("ok", "decision", Map.of("question", "Email typed?", "branches", List.of("Yes", "No"))), NODES.get(1)))).put(url);
        assertEquals(409, changed.statusCode(), changed.asString());
        assertEquals(List.of("ok"), changed.path("details.locked"));
        Response removed = fx.api(t.member()).body(Map.of("name", "Sign up", "version", 2, "nodes", List.of(NODES.get(1)))).put(url);
        assertEquals(409, removed.statusCode(), removed.asString());
        assertEquals(List.of("ok"), removed.path("details.locked"));
        assertEquals("Email valid?", fx.api(t.viewer()).get(url).path("nodes[0].data.question"), "nothing changed");

        Response same = fx.api(t.member()).body(Map.of("name", "Sign up", "version", 2, "nodes", NODES,
                "connections", List.of(Map.of("from", "ok", "to", "note", "label", "No")))).put(url);
        assertEquals(200, same.statusCode(), same.asString());
        assertEquals(List.of(true, false), same.path("nodes.locked"), "a node given again as it is keeps its lock");
        assertEquals(List.of("ok"), same.path("connections.from"), "its connections changed");

        Response unlocking = fx.api(t.member()).body(Map.of("name", "Sign up", "version", 3, "nodes", List.of(
                Map.of("key", "ok", "nodeType", "decision", "data", Map.of("question", "Email typed?", "branches", List.of("Yes", "No")), "locked", false),
                Map.of("key", "note", "nodeType", "annotation", "data", Map.of("text", "Remember GDPR"), "locked", true)))).put(url);
        assertEquals(200, unlocking.statusCode(), unlocking.asString());
        assertEquals(List.of(false, true), unlocking.path("nodes.locked"));
        assertEquals("Email typed?", unlocking.path("nodes[0].data.question"), "unlocked and changed in one update");

        Response free = fx.api(t.member()).delete(url + "/nodes/note/lock");
        assertEquals(200, free.statusCode(), free.asString());
        assertEquals(List.of(false, false), free.path("nodes.locked"));
        Response created = fx.api(t.member()).body(Map.of("name", "Pay", "nodes", List.of(
                Map.of("key", "done", "nodeType", "action", "data", Map.of("label", "Paid"), "locked", true)), "connections", List.of()))
                .post(ApiPaths.project(t.slug(), "/journeys"));
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(List.of(true), created.path("nodes.locked"));
        Response typo = fx.api(t.member()).body(Map.of("name", "Pay", "nodes", List.of(
                Map.of("key", "done", "nodeType", "action", "data", Map.of("label", "Paid"), "locked", "yes"))))
                .post(ApiPaths.project(t.slug(), "/journeys"));
        assertEquals(400, typo.statusCode(), typo.asString());
        assertTrue(typo.asString().contains("locked"), "the refusal names the field: " + typo.asString());
    }

    @Test
    void anAgentLocksANodeThroughMcpAndCannotRemoveIt() throws Exception {
        TestData.Team t = data.team();
        String id = journey(t);
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        try (McpSyncClient mcp = Mcp.client(base, agent)) {
            McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest("lock_journey_node",
                    Map.of("project", t.slug(), "journeyId", id, "key", "note", "locked", true)));
            assertFalse(r.isError(), r.toString());
            JsonNode answer = json(new ObjectMapper().writeValueAsString(r.structuredContent()));
            assertTrue(answer.at("/nodes/1/locked").asBoolean(), answer.toString());
            McpSchema.CallToolResult refused = mcp.callTool(new McpSchema.CallToolRequest("update_journey",
                    Map.of("project", t.slug(), "journeyId", id, "version", 2, "nodes", List.of(NODES.get(0)))));
            assertTrue(refused.isError(), refused.toString());
            assertTrue(refused.content().toString().contains("The node note is locked"), refused.content().toString());
        }
    }

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (java.io.IOException e) {
            throw new AssertionError(s, e);
        }
    }
}
