package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journey's nodes and connections are edited through the API and MCP as they are created: PUT with {@code nodes}
 * replaces them with the same checks as POST, keeping the version check; without nodes they stay.
 */
@QuarkusTest
class JourneyGraphUpdateTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static Map<String, Object> node(String key, String type, Map<String, Object> data) {
        return Map.of("key", key, "nodeType", type, "data", data);
    }

    private String journey(TestData.Team t) {
        return fx.api(t.member()).body(Map.of("name", "Checkout", "nodes", List.of(node("a", "action", Map.of("label", "Start")),
                        node("b", "action", Map.of("label", "End"))), "connections", List.of(Map.of("from", "a", "to", "b"))))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
    }

    @Test
    void putReplacesNodesAndConnectionsWithTheChecksOfPostAndTheVersionCheck() {
        TestData.Team t = data.team();
        String url = ApiPaths.project(t.slug(), "/journeys/") + journey(t);

        Response edited = fx.api(t.member()).body(Map.of("name", "Checkout", "version", 1, "nodes", List.of(
                        node("a", "action", Map.of("label", "Begin")),
                        node("pay", "decision", Map.of("question", "Paid?", "branches", List.of("yes", "no")))),
                "connections", List.of(Map.of("from", "a", "to", "pay"), Map.of("from", "pay", "to", "a", "label", "no"))))
                .put(url);
        assertEquals(200, edited.statusCode(), edited.asString());
        assertEquals(List.of("a", "pay"), edited.path("nodes.key"));
        assertEquals("Begin", edited.path("nodes[0].data.label"));
        assertEquals("Paid?", edited.path("nodes[1].data.question"));
        assertEquals(List.of("a", "pay"), edited.path("connections.from"));
        assertEquals(List.of("pay", "a"), edited.path("connections.to"));
        assertEquals(2, (int) edited.path("version"));

        Response refused = fx.api(t.member()).body(Map.of("name", "Checkout", "version", 2, "nodes", List.of(node("a", "pirate", Map.of())),
                "connections", List.of(Map.of("from", "a", "to", "zz")))).put(url);
        assertEquals(422, refused.statusCode(), refused.asString());
        assertTrue(refused.path("details.'nodes[0].nodeType'").toString().contains("Choose one of"), refused.asString());
        assertEquals("There is no node zz", refused.path("details.'connections[0].to'"));
        assertEquals(List.of("a", "pay"), fx.api(t.viewer()).get(url).then().statusCode(200).extract().path("nodes.key"), "nothing changed");

        Response stale = fx.api(t.member()).body(Map.of("name", "Checkout", "version", 1, "nodes", List.of(node("z", "action", Map.of("label", "Z")))))
                .put(url);
        assertEquals(409, stale.statusCode(), stale.asString());
        assertEquals(1, (int) stale.path("details.yourVersion"));
        assertEquals(2, (int) stale.path("details.currentVersion"));

        Response renamed = fx.api(t.member()).body(Map.of("name", "Pay", "version", 2)).put(url);
        assertEquals(200, renamed.statusCode(), renamed.asString());
        assertEquals(List.of("a", "pay"), renamed.path("nodes.key"), "without nodes they stay");
        assertEquals(2, (int) renamed.path("connections.size()"));

        Response alone = fx.api(t.member()).body(Map.of("name", "Pay", "version", 3, "connections", List.of(Map.of("from", "a", "to", "pay")))).put(url);
        assertEquals(422, alone.statusCode(), alone.asString());
        assertTrue(alone.path("details").toString().contains("connections"), alone.asString());
    }

    @Test
    void mcpUpdateJourneyReplacesTheNodes() {
        TestData.Team t = data.team();
        String id = journey(t);
        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        String answer = Mcp.answer(token, session, "update_journey", false, "project", t.slug(), "journeyId", id, "version", 1,
                "nodes", List.of(node("only", "annotation", Map.of("text", "All there is"))));
        assertTrue(answer.contains("\"key\":\"only\"") && !answer.contains("\"key\":\"a\""), answer);
        assertTrue(answer.contains("\"name\":\"Checkout\""), "what was not given is kept: " + answer);
        String refused = Mcp.answer(token, session, "update_journey", true, "project", t.slug(), "journeyId", id, "version", 2,
                "nodes", List.of(node("x", "pirate", Map.of())));
        assertTrue(refused.contains("nodes[0].nodeType"), refused);
    }

    @Test
    void nodeDataOfTheWrongTypeIs400NamingTheFieldWhereTheBodyHasIt() {
        TestData.Team t = data.team();
        String journeys = ApiPaths.project(t.slug(), "/journeys");
        for (Object question : List.of(List.of(1, 2), Map.of(), 5, true)) {
            Response r = fx.api(t.member()).body(Map.of("name", "Pay", "nodes", List.of(node("d", "decision", Map.of("question", question)))))
                    .post(journeys);
            assertEquals(400, r.statusCode(), question + " " + r.asString());
            assertEquals(Map.of("nodes[0].data.question", "must be a text"), r.path("details"), r.asString());
            assertEquals("The field nodes[0].data.question must be a text", r.path("error"), r.asString());
        }
        Response several = fx.api(t.member()).body(Map.of("name", "Pay", "nodes", List.of(node("a", "action", Map.of("label", "Go")),
                node("b", "action", Map.of("label", List.of("x"), "end", "yes", "start", 1)),
                node("c", "decision", Map.of("question", "Paid?", "branches", List.of(List.of(1)))),
                node("s", "screen", Map.of("pagePath", 7)), node("db", "database", Map.of("operation", 1, "entity", Map.of("a", 1))))))
                .post(journeys);
        assertEquals(400, several.statusCode(), several.asString());
        assertEquals(java.util.Set.of("nodes[1].data.label", "nodes[1].data.end", "nodes[1].data.start", "nodes[2].data.branches",
                "nodes[3].data.pagePath", "nodes[4].data.operation", "nodes[4].data.entity"), several.path("details.keySet()"), several.asString());
        Response blank = fx.api(t.member()).body(Map.of("name", "Pay", "nodes", List.of(node("d", "decision", Map.of("question", " ")),
                node("s", "screen", Map.of("pagePath", "/nowhere"))), "connections", List.of())).post(journeys);
        assertEquals(422, blank.statusCode(), blank.asString());
        assertEquals(java.util.Set.of("nodes[0].data.question", "nodes[1].data.pagePath"), blank.path("details.keySet()"),
                "the journey form's rules are named where the body has the field too: " + blank.asString());

        String url = journeys + "/" + journey(t);
        Response put = fx.api(t.member()).body(Map.of("name", "Checkout", "nodes", List.of(node("d", "decision", Map.of("question", List.of(1, 2))))))
                .put(url);
        assertEquals(400, put.statusCode(), put.asString());
        assertEquals(Map.of("nodes[0].data.question", "must be a text"), put.path("details"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNameNodeDataDoesNotTakeIsRefusedNotDroppedAndAJourneysOwnDataGoesBackAsItIs() {
        TestData.Team t = data.team();
        String journeys = ApiPaths.project(t.slug(), "/journeys");
        Response r = fx.api(t.member()).body(Map.of("name", "Bad", "nodes", List.of(node("a", "action", Map.of("label", "x", "evil", "x")),
                node("b", "action", Map.of("label", "y", "colour", "red"))))).post(journeys);
        assertEquals(422, r.statusCode(), r.asString());
        assertEquals(Map.of("nodes[0].data.evil", "unknown field", "nodes[1].data.colour", "unknown field"), r.path("details"), r.asString());
        fx.api(t.member()).get(journeys).then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));

        String url = journeys + "/" + journey(t);
        List<Map<String, Object>> got = fx.api(t.member()).get(url).then().statusCode(200).extract().jsonPath().getList("nodes");
        List<Map<String, Object>> again = got.stream().map(n -> node((String) n.get("key"), (String) n.get("nodeType"),
                (Map<String, Object>) n.get("data"))).toList();
        fx.api(t.member()).body(Map.of("nodes", again, "version", 1)).put(url).then().statusCode(200);
    }
}
