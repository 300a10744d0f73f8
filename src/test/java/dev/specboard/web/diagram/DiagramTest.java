package dev.specboard.web.diagram;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagramTest {

    /** A random acyclic graph of component-sized nodes: edges only go from a lower to a higher index. */
    static Diagram generated(int n, int edges, long seed) {
        Random r = new Random(seed);
        Diagram d = Diagram.of("g", "graph", "Generated").spacing(14, 70).maxLayerSize(20);
        for (int i = 0; i < n; i++) {
            d.node(String.valueOf(i), "#" + i).size(200, 46).text(Diagram.Text.TOP_LEFT, 25, "Node " + i);
        }
        for (int k = 0; k < edges; k++) {
            int a = r.nextInt(n - 1);
            int b = a + 1 + r.nextInt(Math.min(12, n - a - 1));
            d.edge(new Diagram.Edge(String.valueOf(a), String.valueOf(b), null));
        }
        return d;
    }

    @Test
    void aGraphIsLaidOutOnceAndAgainWhenAnythingTheLayoutReadsChanges() {
        DiagramLayout.Result first = DiagramLayout.layout(generated(150, 260, 7));
        assertTrue(first == DiagramLayout.layout(generated(150, 260, 7)), "the same graph again is served from the cache");

        Diagram moreEdges = generated(150, 260, 7).edge(new Diagram.Edge("0", "149", null));
        DiagramLayout.Result second = DiagramLayout.layout(moreEdges);
        assertFalse(first == second, "a new edge is a new layout");
        assertEquals(first.routes().size() + 1, second.routes().size());

        Diagram moved = generated(150, 260, 7);
        moved.node("extra", "#extra").fixedAt(5000, 40);
        assertEquals(new Diagram.Box(5000, 40, 150, 54), DiagramLayout.layout(moved).boxes().get("extra"),
                "a node placed by hand is where it was put, not where a cached layout had it");
        Diagram resized = generated(150, 260, 7);
        resized.node("extra", "#extra").fixedAt(5000, 40).size(300, 54);
        assertEquals(300, DiagramLayout.layout(resized).boxes().get("extra").w(), 0.01);
    }

    @Test
    void a150NodeGraphHasNoOverlappingNodesAndStaysInsideThePicture() {
        Diagram d = generated(150, 260, 42);
        Map<String, Diagram.Box> boxes = d.layout();
        assertEquals(150, boxes.size());
        Element svg = Jsoup.parse(d.svg()).selectFirst("svg");
        double width = Double.parseDouble(svg.attr("width"));
        double height = Double.parseDouble(svg.attr("height"));
        List<Diagram.Box> all = new ArrayList<>(boxes.values());
        for (int i = 0; i < all.size(); i++) {
            Diagram.Box a = all.get(i);
            assertTrue(a.x() >= 0 && a.y() >= 0 && a.right() <= width && a.bottom() <= height, "inside the picture: " + a);
            for (int j = i + 1; j < all.size(); j++) {
                assertFalse(a.overlaps(all.get(j)), a + " overlaps " + all.get(j));
            }
        }
    }

    @Test
    void a150NodeGraphKeepsAtMostTwentyNodesInALayer() {
        Map<String, Diagram.Box> boxes = generated(150, 260, 7).layout();
        Map<Double, Integer> perColumn = new java.util.HashMap<>();
        boxes.values().forEach(b -> perColumn.merge(b.x(), 1, Integer::sum));
        int tallest = perColumn.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertTrue(tallest <= 20, "at most 20 nodes in a layer, got " + tallest);
    }

    @Test
    void everyEdgePointsRightwards() {
        Diagram d = generated(150, 260, 3);
        Map<String, Diagram.Box> boxes = d.layout();
        for (Diagram.Edge e : d.edges) {
            assertTrue(boxes.get(e.from()).right() < boxes.get(e.to()).x(), e.toString());
        }
    }

    @Test
    void nodesWithoutEdgesArePackedWithoutOverlap() {
        Diagram d = Diagram.of("g", "graph", "Loose");
        for (int i = 0; i < 150; i++) {
            d.node(String.valueOf(i), "#" + i).size(200, 46);
        }
        Map<String, Diagram.Box> boxes = d.layout();
        assertEquals(150, boxes.values().stream().map(b -> b.x() + "," + b.y()).distinct().count());
        double right = boxes.values().stream().mapToDouble(Diagram.Box::right).max().orElse(0);
        double bottom = boxes.values().stream().mapToDouble(Diagram.Box::bottom).max().orElse(0);
        assertTrue(right < 8 * bottom && bottom < 8 * right, "packed, not one long row or column: " + right + " x " + bottom);
    }

    @Test
    void crossingsAreAvoidedInASimpleCase() {
        // A → D and B → C: ordering C before D in the second layer would cross; the layout must not.
        Diagram d = Diagram.of("g", "graph", "Small");
        for (String k : List.of("A", "B", "C", "D")) {
            d.node(k, "#" + k);
        }
        d.edge(new Diagram.Edge("A", "D", null)).edge(new Diagram.Edge("B", "C", null));
        Map<String, Diagram.Box> boxes = d.layout();
        assertEquals(boxes.get("A").y() < boxes.get("B").y(), boxes.get("D").y() < boxes.get("C").y());
    }

    @Test
    void nodesAreLinksWhoseNameContainsTheirVisibleTextAndTheOutlineListsTheEdges() {
        Diagram d = Diagram.of("pic", "picture", "Two <things>");
        d.node("a", "/a").text(Diagram.Text.TOP_LEFT, 10, "A name far too long to show", "short").detail("done").id("node-a")
                .decoration((svg, box) -> svg.append("<rect class=\"stripe\"/>")).overlay((svg, box) -> svg.append("<text>D</text>"));
        d.node("b", "/b").shape(Diagram.Shape.DIAMOND).text(Diagram.Text.CENTER, 20, "B & co");
        d.edge(new Diagram.Edge("a", "b", "yes", "flow-edge", Map.of("from", "a")));
        d.legend(new Diagram.LegendEntry("decision", Diagram.Shape.DIAMOND, "#fff", "#000", 2, false));
        Document doc = Jsoup.parse(d.html());
        Element a = doc.getElementById("node-a");
        assertEquals("/a", a.attr("href"));
        assertEquals("A name fa\u2026 short, A name far too long to show short, done", a.attr("aria-label"),
                "the name holds the visible text as drawn, then the shortened line in full");
        assertEquals(List.of("A name fa\u2026", "short"), a.select("text").eachText(), "the link's only text is its label");
        assertEquals("true", a.selectFirst("g").attr("aria-hidden"), "decorations are not read");
        assertNotNull(a.selectFirst("rect.stripe"));
        Element overlay = a.nextElementSibling();
        assertEquals("D", overlay.text(), "text marks lie over the node, outside the link");
        assertEquals("true", overlay.attr("aria-hidden"));
        assertEquals("none", overlay.attr("pointer-events"), "clicks on the marks reach the link");
        assertNotNull(doc.selectFirst("a[href=/b] polygon"));
        assertEquals("B & co", doc.selectFirst("a[href=/b] text").text());
        assertEquals("Two <things>", doc.getElementById("pic-title").text());
        assertEquals("pic-outline", doc.selectFirst("svg").attr("aria-describedby"));
        assertEquals("a", doc.selectFirst("path.flow-edge").attr("data-from"));
        assertEquals("url(#pic-arrow)", doc.selectFirst("g.edges:has(path.flow-edge)").attr("marker-end"), "the lines' look is said on their group");
        assertEquals("none", doc.selectFirst("g.edges").attr("fill"));
        assertEquals("", doc.selectFirst("path.flow-edge").attr("stroke"), "not on each line");
        assertEquals("yes", doc.selectFirst(".flow-edge-label text").text());
        assertEquals("decision", doc.selectFirst("ul#pic-legend.legend > li").text(), "the legend is a list that wraps, after the picture");
        assertNotNull(doc.selectFirst("#pic-legend li svg.swatch polygon"), "with the shape of its entry");
        assertNull(doc.selectFirst("svg#pic .legend"), "not a row inside the picture");
        assertTrue(doc.getElementById("pic-outline").text().contains("A name far too long to show short, done: leads to B & co (yes)"),
                doc.getElementById("pic-outline").text());
        Document own = Jsoup.parse(d.describedBy("list").html());
        assertEquals("list", own.selectFirst("svg").attr("aria-describedby"));
        assertEquals(0, own.select(".diagram-outline").size());
    }

    @Test
    void aNodeMovedByHandKeepsItsPlaceAndItsEdgesRunStraight() {
        Diagram d = Diagram.of("g", "graph", "Moved");
        d.node("a", "#a");
        d.node("b", "#b").fixedAt(500, 7);
        d.edge(new Diagram.Edge("a", "b", null));
        Document doc = Jsoup.parse(d.svg());
        assertEquals("500", doc.selectFirst("a[href=#b]").attr("data-x"));
        assertEquals("7", doc.selectFirst("a[href=#b]").attr("data-y"));
        assertEquals(2, doc.selectFirst("path.edge").attr("d").split(" L ").length);
    }
}
