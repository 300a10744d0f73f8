package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
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

/**
 * A journey has a connection once: the same one again (same nodes, trigger, element and label) is refused with 422
 * naming it, over the API on create and update and in the journey page's connection form; the same nodes joined another
 * way (another label or trigger) are a second connection.
 */
@QuarkusTest
class JourneyRepeatedConnectionTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static final List<Map<String, Object>> NODES = List.of(
            Map.of("key", "ok", "nodeType", "decision", "data", Map.of("question", "Paid?", "branches", List.of("Yes", "No"))),
            Map.of("key", "done", "nodeType", "action", "data", Map.of("label", "Thank", "end", true)));

    @Test
    void theApiRefusesTheSameConnectionTwiceNamingIt() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/journeys");
        Response created = fx.api(t.member()).body(Map.of("name", "Pay", "nodes", NODES, "connections", List.of(
                Map.of("from", "ok", "to", "done", "label", "Yes"), Map.of("from", "ok", "to", "done", "label", "No"),
                Map.of("from", "ok", "to", "done", "label", " Yes ")))).post(api);
        assertEquals(422, created.statusCode(), created.asString());
        assertEquals("The same connection as connections[0] (ok to done)", created.path("details.'connections[2]'"), created.asString());
        assertEquals(0, (int) fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("size()"), "nothing was stored");

        String id = fx.api(t.member()).body(Map.of("name", "Pay", "nodes", NODES, "connections", List.of(
                Map.of("from", "ok", "to", "done", "label", "Yes"), Map.of("from", "ok", "to", "done", "label", "Yes", "trigger", "click"))))
                .post(api).then().statusCode(201).extract().path("id");
        Response updated = fx.api(t.member()).body(Map.of("version", 1, "nodes", NODES, "connections", List.of(Map.of("from", "done", "to", "ok"),
                Map.of("from", "done", "to", "ok", "trigger", "")))).put(api + "/" + id);
        assertEquals(422, updated.statusCode(), updated.asString());
        assertEquals("The same connection as connections[0] (done to ok)", updated.path("details.'connections[1]'"), "a blank trigger is none");
        assertEquals(2, (int) fx.api(t.viewer()).get(api + "/" + id).path("connections.size()"), "the journey stays as it was");
    }

    @Test
    void theConnectionFormRefusesAConnectionTheJourneyHas() {
        TestData.Team t = data.team();
        String id = fx.api(t.member()).body(Map.of("name", "Pay", "nodes", NODES, "connections", List.of(Map.of("from", "ok", "to", "done", "label", "Yes"))))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
        String page = "/projects/" + t.slug() + "/journeys/" + id;

        Response again = Web.as(t.member()).formParam("from", "ok").formParam("to", "done").formParam("label", "Yes").post(page + "/connections");
        assertEquals(422, again.statusCode(), again.asString());
        Document d = Web.html(again);
        assertEquals("ok already leads to done this way: the same connection twice would be one arrow over another", d.getElementById("e-to").text());
        assertEquals("Yes", d.getElementById("c-label").attr("value"), "the form keeps what was typed");
        Web.as(t.member()).formParam("from", "ok").formParam("to", "done").formParam("label", "No").post(page + "/connections").then().statusCode(303);
        assertEquals(List.of("Yes", "No"), fx.api(t.viewer()).get("/api/v1" + page).path("connections.label"));
    }
}
