package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journey at the allowed maximum (500 nodes, 2,000 random connections) opens in a simple layout, said above the picture: the
 * layered layout of it took 40 s and most of the heap, and two at once ran the server out of memory. A small journey keeps the
 * layered layout.
 */
@QuarkusTest
class JourneyLargeLayoutTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private String create(TestData.Team t, int nodes, List<Map<String, Object>> connections) {
        List<Map<String, Object>> ns = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            ns.add(Map.of("key", "n" + i, "nodeType", "action", "data", Map.of("label", "L" + i)));
        }
        String id = fx.api(t.member()).body(Map.of("name", "Journey " + nodes, "nodes", ns, "connections", connections))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
        return "/projects/" + t.slug() + "/journeys/" + id;
    }

    /** The most connections a journey may have, between random pairs of its most nodes. */
    private String largest(TestData.Team t) {
        List<Map<String, Object>> cs = new ArrayList<>();
        Random random = new Random(11);
        Set<String> seen = new HashSet<>();
        while (cs.size() < JourneyFlow.MAX_CONNECTIONS) {
            int a = random.nextInt(JourneyFlow.MAX_NODES);
            int b = random.nextInt(JourneyFlow.MAX_NODES);
            if (a != b && seen.add(a + ">" + b)) {
                cs.add(Map.of("from", "n" + a, "to", "n" + b));
            }
        }
        return create(t, JourneyFlow.MAX_NODES, cs);
    }

    @Test
    void theLargestJourneyOpensInASimpleLayoutWithEveryNode() {
        TestData.Team t = data.team();
        String page = largest(t);

        Response answer = Web.as(t.viewer()).get(page);
        assertEquals(200, answer.statusCode());
        Document doc = Web.html(answer);
        Element notice = doc.getElementById("flow-simple");
        assertNotNull(notice, "the page says the picture is in a simple layout");
        assertEquals("This journey is large: shown in a simple layout.", notice.text());
        for (int i = 0; i < JourneyFlow.MAX_NODES; i++) {
            assertNotNull(doc.selectFirst("svg#flow-svg a#svg-node-n" + i), "node n" + i + " is drawn");
            assertNotNull(doc.getElementById("node-n" + i), "node n" + i + " is in the outline");
        }
        assertEquals(JourneyFlow.MAX_CONNECTIONS, doc.select("svg#flow-svg path.flow-edge").size(), "every connection is drawn");
        int bytes = answer.asByteArray().length;
        assertTrue(bytes < 900_000, "the page's size grows with its nodes and connections, not with a layout's bend points: " + bytes);
    }

    /**
     * A member's page of the largest journey was 1.88 MB: a form with its own token and version per connection (923 KB) and
     * each line's look repeated on its path (307 KB). One form now serves every connection's remove button, and the lines
     * take their look from their group: 1.36 MB (the viewer's page went from 712 KB to 548 KB).
     */
    @Test
    void theLargestJourneysPageForAMemberHasOneRemoveForm() {
        TestData.Team t = data.team();
        String page = largest(t);

        Response answer = Web.as(t.member()).get(page);
        assertEquals(200, answer.statusCode());
        int bytes = answer.asByteArray().length;
        Document doc = Web.html(answer);
        Element form = doc.getElementById("connection-remove");
        assertEquals(1, form.select("input[name=csrf-token]").size(), "the one form carries the token");
        assertEquals("1", form.selectFirst("input[name=version]").val());
        assertEquals(JourneyFlow.MAX_CONNECTIONS, doc.select("button[form=connection-remove][formaction$=/remove][name=seen]").size(),
                "every connection has its remove button");
        assertEquals(0, doc.select(".connections form").size(), "no form per connection");
        Element edges = doc.selectFirst("svg#flow-svg g.edges");
        assertEquals("url(#flow-svg-arrow)", edges.attr("marker-end"), "the lines' look is said once, on their group");
        assertEquals(0, edges.select("path[stroke], path[marker-end], path[fill]").size());
        assertTrue(bytes < 1_400_000, "a member's page of the largest journey stays under 1.4 MB (it was 1.9 MB): " + bytes);
    }

    @Test
    void aSmallJourneyKeepsTheLayeredLayout() {
        TestData.Team t = data.team();
        String page = create(t, 3, List.of(Map.of("from", "n0", "to", "n1"), Map.of("from", "n1", "to", "n2")));

        Document doc = Web.html(Web.as(t.viewer()).get(page));
        assertNull(doc.getElementById("flow-simple"));
        double x0 = Double.parseDouble(doc.selectFirst("a#svg-node-n0").attr("data-x"));
        double x1 = Double.parseDouble(doc.selectFirst("a#svg-node-n1").attr("data-x"));
        double x2 = Double.parseDouble(doc.selectFirst("a#svg-node-n2").attr("data-x"));
        assertTrue(x0 < x1 && x1 < x2, "the layers run left to right along the connections: " + x0 + ", " + x1 + ", " + x2);
        assertEquals(doc.selectFirst("a#svg-node-n0").attr("data-y"), doc.selectFirst("a#svg-node-n2").attr("data-y"), "a chain stays on one line");
    }
}
