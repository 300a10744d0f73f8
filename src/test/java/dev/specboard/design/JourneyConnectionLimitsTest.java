package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The API's connections keep the page's limits (a label, trigger or element too long is refused, naming the connection's
 * field), and the page's connect form keeps the API's cap on a journey's connections.
 */
@QuarkusTest
class JourneyConnectionLimitsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aConnectionLabelTriggerOrElementTooLongIsRefusedOnCreateAndUpdate() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/journeys");
        List<Map<String, Object>> nodes = List.of(Map.of("key", "a", "nodeType", "action", "data", Map.of("label", "Pay")),
                Map.of("key", "b", "nodeType", "action", "data", Map.of("label", "Done")));
        String longText = "🙂".repeat(50_000);
        Response created = fx.api(t.member()).body(Map.of("name", "Pay", "nodes", nodes, "connections",
                List.of(Map.of("from", "a", "to", "b", "label", longText, "trigger", longText, "element", longText)))).post(api);
        assertEquals(422, created.statusCode(), created.asString());
        assertEquals("At most 100 characters", created.path("details.'connections[0].label'"), created.asString());
        assertEquals("At most 50 characters", created.path("details.'connections[0].trigger'"));
        assertEquals("At most 200 characters", created.path("details.'connections[0].element'"));
        assertEquals(0, (int) fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("size()"), "nothing was stored");

        Response made = fx.api(t.member()).body(Map.of("name", "Pay", "nodes", nodes, "connections", List.of(Map.of("from", "a", "to", "b", "label", "Next"))))
                .post(api).then().statusCode(201).extract().response();
        String id = made.path("id");
        Response updated = fx.api(t.member()).body(Map.of("name", "Pay", "version", made.path("version"), "nodes", nodes, "connections",
                List.of(Map.of("from", "a", "to", "b", "label", "x".repeat(101))))).put(api + "/" + id);
        assertEquals(422, updated.statusCode(), updated.asString());
        assertEquals("At most 100 characters", updated.path("details.'connections[0].label'"));
        assertEquals("Next", fx.api(t.viewer()).get(api + "/" + id).then().statusCode(200).extract().path("connections[0].label"), "the old connection stays");
    }

    /** The connect form added connections past the 2,000 the API refuses a whole journey for. */
    @Test
    void thePageConnectsNoMoreThanAJourneyHolds() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/journeys");
        List<Map<String, Object>> nodes = IntStream.range(0, 2).mapToObj(i -> Map.<String, Object>of("key", "n" + i, "nodeType", "action",
                "data", Map.of("label", "Step " + i))).toList();
        // One pair of nodes, each connection on another element: a dense graph of many node pairs takes the layout half a minute.
        List<Map<String, Object>> links = new ArrayList<>();
        IntStream.range(0, JourneyFlow.MAX_CONNECTIONS).forEach(i -> links.add(Map.of("from", "n0", "to", "n1", "element", "e" + i)));
        String id = fx.api(t.member()).body(Map.of("name", "Full", "nodes", nodes, "connections", links)).post(api)
                .then().statusCode(201).extract().path("id");
        Response refused = Web.as(t.member()).formParam("from", "n0").formParam("to", "n1").formParam("label", "Once more")
                .formParam("trigger", "submit").formParam("element", "").post("/projects/" + t.slug() + "/journeys/" + id + "/connections");
        assertEquals(422, refused.statusCode());
        org.jsoup.nodes.Document page = Web.html(refused);
        assertNotNull(page.selectFirst("#connect[open] #connection-form #error-summary a[data-field=from]"), page.select("#connect").outerHtml());
        assertEquals("A journey has at most 2000 connections; remove one before adding another", page.getElementById("e-from").text());
        assertEquals("Once more", page.getElementById("c-label").val(), "what was typed is kept");
        assertEquals("submit", page.getElementById("c-trigger").val());
        assertEquals("n1", page.selectFirst("#c-to option[selected]").val());
        assertEquals(JourneyFlow.MAX_CONNECTIONS, (int) fx.api(t.viewer()).get(api + "/" + id).then().statusCode(200).extract().path("connections.size()"));
    }
}
