package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node does not lead to itself: such a connection was stored and hid the check's dead-end warning. It is refused with a
 * named 422 by the page's connection form (values kept), the API (create and update, naming the connection) and MCP. The
 * outline names notes and database steps as the picture does (their text, their operation and entity), not by key.
 */
@QuarkusTest
class JourneySelfLoopTest {

    private static final String SELF = "A node cannot lead to itself: choose another node for n39 to lead to";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static Map<String, Object> node(String key, String type, Map<String, Object> data) {
        return Map.of("key", key, "nodeType", type, "data", data);
    }

    private static final List<Map<String, Object>> NODES = List.of(node("n1", "action", Map.of("label", "Start")),
            node("n39", "action", Map.of("label", "act 39")));

    @Test
    void theConnectionFormRefusesANodeLeadingToItselfKeepingWhatWasTyped() {
        TestData.Team t = data.team();
        String id = fx.api(t.member()).body(Map.of("name", "Loop", "nodes", NODES, "connections", List.of(Map.of("from", "n1", "to", "n39"))))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
        String page = "/projects/" + t.slug() + "/journeys/" + id;

        Response refused = Web.as(t.member()).formParam("from", "n39").formParam("to", "n39").formParam("label", "self").post(page + "/connections");
        assertEquals(422, refused.statusCode(), refused.asString());
        Document d = Web.html(refused);
        assertEquals(SELF, d.getElementById("e-to").text());
        assertEquals("self", d.getElementById("c-label").attr("value"), "the form keeps what was typed");
        assertEquals("n39", d.selectFirst("#c-from option[selected]").attr("value"));
        assertTrue(d.select("#problems li").eachText().contains("act 39 leads nowhere and is not marked as an end."), d.select("#problems").text());
        assertEquals(List.of("n39"), fx.api(t.viewer()).get("/api/v1" + page).path("connections.to"), "nothing was stored");
    }

    @Test
    void theApiAndMcpRefuseANodeLeadingToItselfNamingTheConnection() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/journeys");
        Response created = fx.api(t.member()).body(Map.of("name", "Loop", "nodes", NODES, "connections", List.of(Map.of("from", "n1", "to", "n39"),
                Map.of("from", "n39", "to", "n39", "label", "self")))).post(api);
        assertEquals(422, created.statusCode(), created.asString());
        assertEquals(SELF, created.path("details.'connections[1].to'"), created.asString());

        String id = fx.api(t.member()).body(Map.of("name", "Loop", "nodes", NODES, "connections", List.of(Map.of("from", "n1", "to", "n39"))))
                .post(api).then().statusCode(201).extract().path("id");
        Response updated = fx.api(t.member()).body(Map.of("version", 1, "nodes", NODES, "connections", List.of(Map.of("from", "n39", "to", "n39"))))
                .put(api + "/" + id);
        assertEquals(422, updated.statusCode(), updated.asString());
        assertEquals(SELF, updated.path("details.'connections[0].to'"), updated.asString());

        Response decision = fx.api(t.member()).body(Map.of("version", 1, "nodes", List.of(node("q", "decision", Map.of("question", "Again?",
                "branches", List.of(Map.of("label", "Yes", "targetNode", "q"), Map.of("label", "No", "targetNode", "n1")))), node("n1", "action",
                Map.of("end", true))), "connections", List.of())).put(api + "/" + id);
        assertEquals(422, decision.statusCode(), decision.asString());
        assertTrue(decision.path("details.'nodes[0].data.branches[0].targetNode'").toString().contains("its own decision q"), decision.asString());

        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        String refused = Mcp.answer(token, session, "update_journey", true, "project", t.slug(), "journeyId", id, "version", 1,
                "nodes", NODES, "connections", List.of(Map.of("from", "n39", "to", "n39")));
        assertTrue(refused.contains("connections[0].to") && refused.contains("cannot lead to itself"), refused);
        assertEquals(1, (int) fx.api(t.viewer()).get(api + "/" + id).path("version"), "the journey stays as it was");
    }

    @Test
    void theOutlineNamesNotesAndDatabaseStepsAsThePictureDoes() {
        TestData.Team t = data.team();
        String id = fx.api(t.member()).body(Map.of("name", "Order", "nodes", List.of(node("n1", "action", Map.of("label", "Cart")),
                node("n2", "annotation", Map.of("text", "note 2")), node("n3", "database", Map.of("operation", "READ", "entity", "Order"))),
                "connections", List.of(Map.of("from", "n1", "to", "n3")))).post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201)
                .extract().path("id");
        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/journeys/" + id).then().statusCode(200).extract().response());
        assertEquals("note 2", d.selectFirst("#node-n2 > strong").text());
        assertEquals("READ Order", d.selectFirst("#node-n3 > strong").text());
        assertTrue(d.select("#node-n1 li a").eachText().contains("READ Order"), "a connection names where it leads the same way");
        assertTrue(d.selectFirst("#svg-node-n2").text().contains("note 2") && d.selectFirst("#svg-node-n3").text().contains("READ Order"),
                d.select("svg").outerHtml());
        assertTrue(d.select("#problems li").eachText().contains("READ Order leads nowhere and is not marked as an end."), d.select("#problems").text());
    }
}
