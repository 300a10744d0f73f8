package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
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
 * A decision branch's {@code targetNode} given to the API is kept (as the branch's labelled connection) and shown by the API
 * and the journey page; it was accepted and dropped. An unknown key, or an unknown field in a branch, is refused naming it.
 */
@QuarkusTest
class JourneyBranchTargetTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static Map<String, Object> journey(String pageId, String yes) {
        return Map.of("name", "BR3", "nodes", List.of(Map.of("key", "a", "nodeType", "screen", "data", Map.of("label", "A", "pageId", pageId)),
                Map.of("key", "b", "nodeType", "decision", "data", Map.of("question", "q?", "branches",
                        List.of(Map.of("label", "y", "targetNode", yes), Map.of("label", "n", "targetNode", "a"))))),
                "connections", List.of(Map.of("from", "a", "to", "b")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBranchTargetIsKeptAndShownAndAnUnknownOneIsRefused() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        String page = fx.api(t.member()).body(Map.of("name", "A", "path", "/a")).post(api + "/pages").then().statusCode(201).extract().path("id");

        Response unknown = fx.api(t.member()).body(journey(page, "zz")).post(api + "/journeys");
        assertEquals(422, unknown.statusCode(), unknown.asString());
        assertEquals("There is no node zz in this journey", unknown.path("details.'nodes[1].data.branches[0].targetNode'"), unknown.asString());
        assertEquals(0, (int) fx.api(t.viewer()).get(api + "/journeys").then().statusCode(200).extract().path("size()"), "nothing was stored");

        Response odd = fx.api(t.member()).body(Map.of("name", "BR4", "nodes", List.of(Map.of("key", "b", "nodeType", "decision",
                "data", Map.of("question", "q?", "branches", List.of(Map.of("label", "y", "goto", "b"))))))).post(api + "/journeys");
        assertEquals(422, odd.statusCode(), odd.asString());
        assertEquals("unknown field", odd.path("details.'nodes[0].data.branches[0].goto'"), odd.asString());

        Response made = fx.api(t.member()).body(journey(page, "a")).post(api + "/journeys");
        assertEquals(201, made.statusCode(), made.asString());
        String url = api + "/journeys/" + made.path("id");
        Response read = fx.api(t.viewer()).get(url).then().statusCode(200).extract().response();
        assertEquals(List.of(Map.of("label", "y", "targetNode", "a"), Map.of("label", "n", "targetNode", "a")), read.path("nodes[1].data.branches"), read.asString());

        // Sent back as read (branches with their targets and the labelled connections both), the journey is taken as it is.
        Map<String, Object> back = new java.util.HashMap<>(Map.of("version", read.path("version"), "nodes", read.path("nodes"),
                "connections", read.path("connections")));
        back.put("nodes", ((List<Map<String, Object>>) read.path("nodes")).stream().map(n -> Map.of("key", n.get("key"), "nodeType", n.get("nodeType"),
                "data", ((Map<String, Object>) n.get("data")).entrySet().stream().filter(e -> !e.getKey().equals("pagePath"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))).toList());
        Response again = fx.api(t.member()).body(back).put(url);
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals((Object) read.path("nodes[1].data.branches"), again.path("nodes[1].data.branches"));

        Document d = Web.html(Web.as(t.viewer()).get(url.replace("/api/v1", "")).then().statusCode(200).extract().response());
        assertTrue(d.getElementById("node-b").text().contains("y \u2192 a"), d.getElementById("node-b").text());
    }
}
