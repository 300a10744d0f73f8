package dev.specboard.web.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one way pictures of graphs are drawn (journeys, the component graph, the entity model): the Eclipse Layout
 * Kernel places the nodes and routes the edges ({@link DiagramLayout}), and {@link DiagramSvg} writes the SVG. Every node is
 * an {@code <a>} whose accessible name begins with its visible text; edges carry arrow heads and labels; a legend
 * names the shapes; the picture has a title and, beside it, a text outline for screen readers (or points with
 * {@code aria-describedby} at the page's own outline).
 */
public final class Diagram {

    /** The outline of a node. */
    public enum Shape {
        /** A rectangle with rounded corners. */
        BOX,
        /** A diamond (decisions). */
        DIAMOND,
        /** A rectangle with round ends (data stores). */
        PILL
    }

    /** Where a node's text lines go. */
    public enum Text {
        /** Centred in the node, all lines alike. */
        CENTER,
        /** From the top left corner, the first line bold (cards with a heading). */
        TOP_LEFT,
        /** Centred at the bottom, bold (the top is left to a decoration such as a thumbnail). */
        BOTTOM
    }

    /** Where a node ended up. */
    public record Box(double x, double y, double w, double h) {
        public double cx() {
            return x + w / 2;
        }

        public double cy() {
            return y + h / 2;
        }

        public double right() {
            return x + w;
        }

        public double bottom() {
            return y + h;
        }

        public boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }
    }

    /**
     * Extra marks a picture draws on a node. A {@link Node#decoration} (no text: thumbnails, stripes) is drawn inside the link; a
     * {@link Node#overlay} (badges, field rows) over it but outside the link, hidden from screen readers and letting clicks through,
     * so that the link's visible text stays its label and its accessible name contains it.
     */
    @FunctionalInterface
    public interface Decoration {
        void draw(StringBuilder svg, Box box);
    }

    /** A turn of the application's heavy work, taken before a layout is computed and given back when closed. */
    @FunctionalInterface
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** An edge from one node's key to another's, with an optional label, its class and {@code data-*} attributes. */
    public record Edge(String from, String to, String label, String cssClass, Map<String, String> data) {
        public Edge(String from, String to, String label) {
            this(from, to, label, "edge", Map.of());
        }
    }

    /** A legend entry: a small shape in the node colours and its meaning. */
    public record LegendEntry(String label, Shape shape, String fill, String stroke, double strokeWidth, boolean dashed) {
    }

    /** A node to draw; built with the fluent setters. */
    public static final class Node {
        final String key;
        final String href;
        Shape shape = Shape.BOX;
        double width = 150;
        double height = 54;
        String fill = "#f0f2f4";
        String stroke = "#59616b";
        double strokeWidth = 1.5;
        boolean dashed;
        List<String> lines = List.of();
        int maxChars = 40;
        Text text = Text.CENTER;
        String detail;
        String htmlId;
        String cssClass = "node";
        final Map<String, String> data = new LinkedHashMap<>();
        Box fixed;
        Decoration decoration;
        Decoration overlay;

        private Node(String key, String href) {
            this.key = key;
            this.href = href;
        }

        public Node shape(Shape s) {
            shape = s;
            return this;
        }

        public Node size(double w, double h) {
            width = w;
            height = h;
            return this;
        }

        public Node colours(String fillColour, String strokeColour, double strokeW, boolean dash) {
            fill = fillColour;
            stroke = strokeColour;
            strokeWidth = strokeW;
            dashed = dash;
            return this;
        }

        /** The visible text, one entry per line; a line longer than {@code max} characters is shortened. */
        public Node text(Text placement, int max, String... textLines) {
            text = placement;
            maxChars = max;
            lines = List.of(textLines);
            return this;
        }

        /** Words a screen reader hears after the visible text (state, type). */
        public Node detail(String words) {
            detail = words;
            return this;
        }

        public Node id(String id) {
            htmlId = id;
            return this;
        }

        public Node cssClass(String c) {
            cssClass = c;
            return this;
        }

        public Node data(String name, String value) {
            data.put(name, value);
            return this;
        }

        /** Places the node here instead of where the layout would (a node a person moved). */
        public Node fixedAt(double x, double y) {
            fixed = new Box(Math.max(0, x), Math.max(0, y), 0, 0);
            return this;
        }

        /** Marks without text drawn inside the link. */
        public Node decoration(Decoration d) {
            decoration = d;
            return this;
        }

        /** Marks with text drawn over the node, outside the link. */
        public Node overlay(Decoration d) {
            overlay = d;
            return this;
        }

        /** The lines as drawn: shortened to {@code maxChars}. */
        List<String> shown() {
            return lines.stream().map(l -> Svg.shorten(l, maxChars)).toList();
        }

        /**
         * The accessible name: the visible lines as drawn (so that it contains the visible text), the full text when a line
         * was shortened, then the detail.
         */
        public String name() {
            List<String> shown = shown();
            String name = String.join(" ", shown);
            if (!shown.equals(lines)) {
                name += ", " + String.join(" ", lines);
            }
            return detail == null || detail.isBlank() ? name : name + ", " + detail;
        }

        public String key() {
            return key;
        }
    }

    final String id;
    final String cssClass;
    final String title;
    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final List<LegendEntry> legend = new ArrayList<>();
    final Map<String, String> attributes = new LinkedHashMap<>();
    String describedBy;
    double nodeSpacing = 40;
    double layerSpacing = 70;
    int maxLayerSize;
    String edgeColour = "#3d4852";
    String legendClass = "legend";

    private Diagram(String id, String cssClass, String title) {
        this.id = id;
        this.cssClass = cssClass;
        this.title = title;
    }

    /** A picture with this element id (also the prefix of its inner ids), CSS class and title. */
    public static Diagram of(String id, String cssClass, String title) {
        return new Diagram(id, cssClass, title);
    }

    /** Adds a node linking to {@code href} and returns it for its settings. */
    public Node node(String key, String href) {
        Node n = new Node(key, href);
        nodes.add(n);
        return n;
    }

    public Diagram edge(Edge e) {
        edges.add(e);
        return this;
    }

    public Diagram legend(LegendEntry e) {
        legend.add(e);
        return this;
    }

    /** A class the legend's list gets beside {@code legend}. */
    public Diagram legendClass(String c) {
        legendClass = c;
        return this;
    }

    /** Space between nodes of a layer and between layers. */
    public Diagram spacing(double betweenNodes, double betweenLayers) {
        nodeSpacing = betweenNodes;
        layerSpacing = betweenLayers;
        return this;
    }

    /** At most this many nodes per layer (big graphs stay readable); 0 for no bound. */
    public Diagram maxLayerSize(int max) {
        maxLayerSize = max;
        return this;
    }

    public Diagram edgeColour(String colour) {
        edgeColour = colour;
        return this;
    }

    /** An attribute of the {@code <svg>} element (data-* counts for tests and scripts). */
    public Diagram attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    /** The page shows its own text outline of the graph under this id: the picture points at it, and {@link #html()} adds none. */
    public Diagram describedBy(String outlineId) {
        describedBy = outlineId;
        return this;
    }

    /** Where every layout computation takes its turn first (the application's pool); until given, layouts take none. */
    public static void layoutTurns(Supplier<Turn> taker) {
        DiagramLayout.turns(taker);
    }

    /** Whether the graph is too large for the layered layout within its budget and is shown in a simple one (columns, straight edges). */
    public boolean simple() {
        return DiagramLayout.layout(this).simple();
    }

    /** Lays the nodes out: each node's box by key. */
    public Map<String, Box> layout() {
        return DiagramLayout.layout(this).boxes();
    }

    /** The picture, its legend and, unless the page has its own ({@link #describedBy}), the text outline after it; empty without nodes. */
    public String html() {
        return nodes.isEmpty() ? "" : svg() + legendHtml() + (describedBy == null ? outline() : "");
    }

    /** The legend as a list that wraps on a narrow screen; empty without legend entries. */
    public String legendHtml() {
        return DiagramSvg.legend(this);
    }

    /** The SVG picture. */
    public String svg() {
        return DiagramSvg.svg(this);
    }

    /** The graph as text: each node with the nodes its edges lead to. */
    public String outline() {
        return DiagramSvg.outline(this);
    }
}
