package dev.specboard.architecture;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphSvgTest {

    record Rect(double x, double y, double w, double h) {
        boolean overlaps(Rect o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }
    }

    /** A random acyclic graph of components: dependencies only go from a lower to a higher index. */
    static List<ComponentRow> generated(int n, int edges, long seed) {
        Random r = new Random(seed);
        List<UUID> ids = new ArrayList<>();
        List<List<UUID>> deps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
            deps.add(new ArrayList<>());
        }
        for (int k = 0; k < edges; k++) {
            int a = r.nextInt(n - 1);
            int b = a + 1 + r.nextInt(Math.min(12, n - a - 1));
            if (!deps.get(a).contains(ids.get(b))) {
                deps.get(a).add(ids.get(b));
            }
        }
        List<ComponentRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new ComponentRow(ids.get(i), (i == 0 ? "A component with a name much too long to show whole " : "Component ") + i, "service",
                    null, null, null, null, Flag.manual(i % 2 == 0), Flag.manual(false), new Flag(true, true), false, 1, null, false, deps.get(i)));
        }
        return rows;
    }

    static Map<String, Rect> boxes(Document d) {
        Map<String, Rect> boxes = new HashMap<>();
        for (Element a : d.select("svg a.node")) {
            Element rect = a.selectFirst("rect");
            boxes.put(a.id().substring("node-".length()), new Rect(Double.parseDouble(rect.attr("x")), Double.parseDouble(rect.attr("y")),
                    Double.parseDouble(rect.attr("width")), Double.parseDouble(rect.attr("height"))));
        }
        return boxes;
    }

    @Test
    void a150ComponentGraphHasNoOverlapsKeepsColumnsShortAndPointsEveryEdgeRightwards() {
        List<ComponentRow> rows = generated(150, 260, 42);
        Document d = Jsoup.parse(GraphSvg.render("p", rows, GraphSvg.palette(rows), null, "All", "graph-svg", "graph-list"));
        Element svg = d.selectFirst("svg.dependency-graph");
        assertEquals("150", svg.attr("data-nodes"));
        double width = Double.parseDouble(svg.attr("width"));
        double height = Double.parseDouble(svg.attr("height"));
        Map<String, Rect> boxes = boxes(d);
        assertEquals(150, boxes.size());
        List<Rect> all = new ArrayList<>(boxes.values());
        Map<Double, Integer> perColumn = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Rect a = all.get(i);
            perColumn.merge(a.x(), 1, Integer::sum);
            assertTrue(a.x() >= 0 && a.y() >= 0 && a.x() + a.w() <= width && a.y() + a.h() <= height, "inside the picture: " + a);
            for (int j = i + 1; j < all.size(); j++) {
                assertFalse(a.overlaps(all.get(j)), a + " overlaps " + all.get(j));
            }
        }
        assertTrue(perColumn.values().stream().allMatch(c -> c <= GraphSvg.MAX_ROWS), "at most 20 components a column: " + perColumn.values());
        int edges = 0;
        for (Element e : d.select("svg path.edge")) {
            Rect from = boxes.get(e.attr("data-from"));
            Rect to = boxes.get(e.attr("data-to"));
            assertTrue(from.x() + from.w() < to.x(), "dependencies lie to the right: " + e.attr("data-from") + " -> " + e.attr("data-to"));
            edges++;
        }
        assertEquals(Integer.parseInt(svg.attr("data-edges")), edges);
        assertTrue(edges > 200);
    }

    @Test
    void aNodeLinksToItsComponentAndItsNameContainsTheVisibleText() {
        List<ComponentRow> rows = generated(2, 1, 1);
        Document d = Jsoup.parse(GraphSvg.render("p", rows, GraphSvg.palette(rows), rows.get(0).id(), "Two", "neighbourhood", null));
        Element first = d.getElementById("node-" + rows.get(0).id());
        assertEquals("/projects/p/components/" + rows.get(0).id(), first.attr("href"));
        assertTrue(first.hasClass("focus"));
        String name = first.attr("aria-label");
        String shown = String.join(" ", first.select("text").eachText());
        assertTrue(name.startsWith(shown + ", " + rows.get(0).name() + " service · No context, docs done"), name);
        assertTrue(shown.endsWith("\u2026 service · No context"), "the long name is shortened on the picture: " + shown);
        assertEquals(3, first.nextElementSibling().select("g.mark").size(), "the D, C, T marks lie over the node, outside the link");
        assertTrue(d.getElementById("neighbourhood-outline").text().contains("leads to Component 1"));
    }
}
