package dev.specboard.architecture;

import dev.specboard.web.diagram.Diagram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static dev.specboard.web.diagram.Svg.fmt;

/**
 * Draws (part of) a project's dependency graph with the shared {@link Diagram} renderer (ELK, left to
 * right: a component before what it depends on), nodes coloured by context with three completion marks
 * (D, C, T), every node a link to its component.
 */
public final class GraphSvg {

    /** Fill and border of a context's nodes; light fills keep the dark text readable. */
    public record Colour(String fill, String stroke) {
    }

    /** A context in the legend. */
    public record LegendEntry(String name, Colour colour) {
    }

    static final List<Colour> PALETTE = List.of(
            new Colour("#dbe8fb", "#1f5fbf"), new Colour("#e3f3e6", "#1e7a3c"), new Colour("#fdeccf", "#8a5a00"),
            new Colour("#f4e1f2", "#8b2f85"), new Colour("#dff3f3", "#0f6b6b"), new Colour("#fde2e0", "#b3261e"),
            new Colour("#ebe6fa", "#5a3fb0"), new Colour("#eef0d8", "#5c6410"));
    static final Colour NO_CONTEXT = new Colour("#f0f2f4", "#59616b");

    static final int NODE_WIDTH = 200;
    static final int NODE_HEIGHT = 46;
    static final int COLUMN_GAP = 70;
    static final int ROW_GAP = 14;
    /** At most this many components in one column, so big graphs stay readable. */
    static final int MAX_ROWS = 20;
    static final int NAME_CHARS = 32;

    private GraphSvg() {
    }

    /** A stable colour per context of the project (by context name), so every view of it agrees. */
    public static Map<UUID, Colour> palette(List<ComponentRow> all) {
        Map<UUID, String> names = new LinkedHashMap<>();
        all.stream().filter(r -> r.contextId() != null)
                .sorted((a, b) -> a.contextName().compareToIgnoreCase(b.contextName()))
                .forEach(r -> names.putIfAbsent(r.contextId(), r.contextName()));
        Map<UUID, Colour> colours = new LinkedHashMap<>();
        int i = 0;
        for (UUID id : names.keySet()) {
            colours.put(id, PALETTE.get(i++ % PALETTE.size()));
        }
        return colours;
    }

    public static List<LegendEntry> legend(List<ComponentRow> shown, Map<UUID, Colour> palette) {
        Map<String, LegendEntry> entries = new LinkedHashMap<>();
        for (ComponentRow r : shown) {
            Colour c = r.contextId() == null ? NO_CONTEXT : palette.getOrDefault(r.contextId(), NO_CONTEXT);
            entries.putIfAbsent(r.contextLabel(), new LegendEntry(r.contextLabel(), c));
        }
        return new ArrayList<>(entries.values());
    }

    /**
     * The SVG of the given components (and the edges between them), with {@code focus} (may be null) drawn emphasised;
     * {@code idPrefix} keeps ids unique when a page shows two pictures, and {@code outlineId} names the page's own text
     * list of the graph (null: a text outline follows the picture).
     */
    public static String render(String slug, List<ComponentRow> rows, Map<UUID, Colour> palette, UUID focus, String title, String idPrefix,
                                String outlineId) {
        Set<UUID> shown = new HashSet<>();
        rows.forEach(r -> shown.add(r.id()));
        Diagram d = Diagram.of(idPrefix, "dependency-graph", title).spacing(ROW_GAP, COLUMN_GAP).maxLayerSize(MAX_ROWS).edgeColour("#59616b")
                .describedBy(outlineId);
        int edges = 0;
        for (ComponentRow r : rows) {
            node(d, slug, r, palette, Objects.equals(r.id(), focus));
            for (UUID to : r.dependsOn()) {
                if (shown.contains(to)) {
                    d.edge(new Diagram.Edge(r.id().toString(), to.toString(), null, "edge", Map.of("from", r.id().toString(), "to", to.toString())));
                    edges++;
                }
            }
        }
        String html = d.attribute("data-nodes", String.valueOf(rows.size())).attribute("data-edges", String.valueOf(edges)).html();
        return !html.isEmpty() && d.simple() ? "<p class=\"notice\" id=\"" + idPrefix + "-simple\">This graph is large: shown in a simple layout.</p>" + html : html;
    }

    private static void node(Diagram d, String slug, ComponentRow r, Map<UUID, Colour> palette, boolean focus) {
        Colour c = r.contextId() == null ? NO_CONTEXT : palette.getOrDefault(r.contextId(), NO_CONTEXT);
        String second = r.type() + " · " + r.contextLabel();
        int chars = Math.min(NAME_CHARS, Math.max(r.name().length(), second.length() * 11 / 13));
        d.node(r.id().toString(), "/projects/" + slug + "/components/" + r.id()).id("node-" + r.id()).cssClass(focus ? "node focus" : "node")
                .size(Math.max(NODE_WIDTH, 14 + chars * 8 + 3 * 17 + 10), NODE_HEIGHT)
                .colours(c.fill(), focus ? "#1d2126" : c.stroke(), focus ? 3 : 1.5, false)
                .text(Diagram.Text.TOP_LEFT, NAME_CHARS, r.name(), second)
                .detail("docs " + r.docs().label() + ", code " + r.code().label() + ", tests " + r.tests().label() + (r.dirty() ? ", context changed" : ""))
                .overlay((svg, b) -> marks(svg, b, c, r));
    }

    /** The context's stripe on the left, the D, C, T marks on the right and a dot when the context changed. */
    private static void marks(StringBuilder s, Diagram.Box b, Colour c, ComponentRow r) {
        s.append("<rect x=\"").append(fmt(b.x())).append("\" y=\"").append(fmt(b.y())).append("\" width=\"6\" height=\"").append(fmt(b.h()))
                .append("\" rx=\"3\" fill=\"").append(c.stroke()).append("\"/>");
        double mx = b.right() - 3 * 17 - 4;
        double my = b.y() + 26;
        mark(s, mx, my, "D", r.docs());
        mark(s, mx + 17, my, "C", r.code());
        mark(s, mx + 34, my, "T", r.tests());
        if (r.dirty()) {
            s.append("<circle cx=\"").append(fmt(b.right() - 8)).append("\" cy=\"").append(fmt(b.y() + 9)).append("\" r=\"4\" fill=\"#8a5a00\"/>");
        }
    }

    private static void mark(StringBuilder s, double x, double y, String letter, Flag flag) {
        String cls = "mark " + (flag.done() ? "done" : "todo") + (flag.derived() ? " derived" : "");
        s.append("<g class=\"").append(cls).append("\" data-mark=\"").append(letter).append("\"><rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                .append("\" width=\"15\" height=\"15\" rx=\"3\" fill=\"").append(flag.done() ? "#1e7a3c" : "#ffffff").append("\" stroke=\"")
                .append(flag.done() ? "#1e7a3c" : "#59616b").append('"').append(flag.derived() ? " stroke-dasharray=\"2 2\"" : "").append("/>")
                .append("<text x=\"").append(fmt(x + 7.5)).append("\" y=\"").append(fmt(y + 11.5))
                .append("\" font-size=\"10\" font-weight=\"700\" text-anchor=\"middle\" fill=\"")
                .append(flag.done() ? "#ffffff" : "#3b424a").append("\">").append(letter).append("</text></g>");
    }

    /** The components within {@code depth} steps of {@code focus}, in the project's order. */
    public static List<ComponentRow> neighbourhood(ComponentSet set, UUID focus, int depth) {
        Set<UUID> keep = set.graph().neighbourhood(focus, depth);
        return set.rows().stream().filter(r -> keep.contains(r.id())).toList();
    }
}
