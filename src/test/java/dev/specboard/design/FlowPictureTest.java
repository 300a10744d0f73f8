package dev.specboard.design;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowPictureTest {

    @Test
    void elkLaysTheFlowOutLeftToRightWithDiamondsAndLabelledBranches() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        List<FlowPicture.Node> nodes = List.of(
                new FlowPicture.Node(a, "a", "screen", "Login", "#node-a", "/frame", List.of(new FlowModel.Connection(b, "submit", null, null)), false, false),
                new FlowPicture.Node(b, "b", "decision", "Right?", "#node-b", null, List.of(new FlowModel.Connection(c, null, null, "Yes")), false, true),
                new FlowPicture.Node(c, "c", "action", "Welcome <b>", "#node-c", null, List.of(), true, false));
        Document d = Jsoup.parse(FlowPicture.svg("Flow", nodes, new FlowModel.Canvas(Map.of())));
        double ax = Double.parseDouble(d.selectFirst("#svg-node-a").attr("data-x"));
        double bx = Double.parseDouble(d.selectFirst("#svg-node-b").attr("data-x"));
        double cx = Double.parseDouble(d.selectFirst("#svg-node-c").attr("data-x"));
        assertTrue(ax < bx && bx < cx, "layered left to right: " + ax + " " + bx + " " + cx);
        assertNotNull(d.selectFirst("#svg-node-b polygon"));
        assertEquals("Yes", d.selectFirst(".flow-edge-label text").text());
        assertEquals(2, d.select("path.flow-edge").size());
        assertTrue(d.selectFirst("#svg-node-c text").text().contains("Welcome <b>"), "text is escaped, not markup");
        assertEquals("true", d.selectFirst("#svg-node-b").attr("data-locked"), "the drag script leaves a locked node where it is");
        assertTrue(d.selectFirst("#svg-node-b").hasClass("flow-locked") && d.selectFirst("#svg-node-b").attr("aria-label").contains("locked"),
                d.selectFirst("#svg-node-b").outerHtml());
        assertFalse(d.selectFirst("#svg-node-a").hasAttr("data-locked"));
        Document moved = Jsoup.parse(FlowPicture.svg("Flow", nodes, new FlowModel.Canvas(Map.of("c", new FlowModel.Position(5, 7)))));
        assertEquals("5", moved.selectFirst("#svg-node-c").attr("data-x"));
    }

    /**
     * A screen without a mockup shows two lines; axe's label-content-name-mismatch reads their texts run together, as
     * they are in the document, and wants that in the node's name (WCAG 2.5.3): "Step 0no mockup" was not in it.
     */
    @Test
    void aScreenWithoutMockupIsNamedByTheTextItShows() {
        List<FlowPicture.Node> nodes = List.of(new FlowPicture.Node(UUID.randomUUID(), "s", "screen", "Step 0", "#node-s", null, List.of(), false, false));
        org.jsoup.nodes.Element node = Jsoup.parse(FlowPicture.svg("Flow", nodes, new FlowModel.Canvas(Map.of()))).selectFirst("#svg-node-s");
        StringBuilder visible = new StringBuilder();
        node.select("text").forEach(t -> visible.append(t.wholeText()));
        String shown = visible.toString().toLowerCase().replaceAll("[^a-z0-9 ]", "").replaceAll("\\s+", " ").strip();
        String name = node.attr("aria-label").toLowerCase().replaceAll("[^a-z0-9 ]", "").replaceAll("\\s+", " ").strip();
        assertEquals("step 0 no mockup", shown);
        assertTrue(name.startsWith(shown), name);
    }
}
