package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The API's connections keep the page's limits: a label, trigger or element too long is refused, naming the connection's field. */
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
}
