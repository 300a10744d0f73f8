package dev.specboard.web.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.specboard.web.diagram.Svg.esc;
import static dev.specboard.web.diagram.Svg.fmt;

/**
 * The one way pictures of graphs are drawn (journeys, the component graph, the entity model): the Eclipse Layout
 * Kernel places the nodes and routes the edges ({@link DiagramLayout}), and this class writes the SVG. Every node is
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

    private final String id;
    private final String cssClass;
    private final String title;
    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    private final List<LegendEntry> legend = new ArrayList<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private String describedBy;
    double nodeSpacing = 40;
    double layerSpacing = 70;
    int maxLayerSize;
    private String edgeColour = "#3d4852";
    private String legendClass = "legend";

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

    /** The class of the legend's group. */
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

    /** Lays the nodes out: each node's box by key. */
    public Map<String, Box> layout() {
        return DiagramLayout.layout(this).boxes();
    }

    /** The picture and, unless the page has its own ({@link #describedBy}), the text outline after it; empty without nodes. */
    public String html() {
        return nodes.isEmpty() ? "" : svg() + (describedBy == null ? outline() : "");
    }

    /** The SVG picture. */
    public String svg() {
        DiagramLayout.Result laid = DiagramLayout.layout(this);
        Map<String, Box> boxes = laid.boxes();
        double width = 200;
        double height = 100;
        for (Box b : boxes.values()) {
            width = Math.max(width, b.right() + DiagramLayout.MARGIN);
            height = Math.max(height, b.bottom() + DiagramLayout.MARGIN);
        }
        StringBuilder s = new StringBuilder(2048 + nodes.size() * 900);
        double legendY = height;
        double legendWidth = 0;
        if (!legend.isEmpty()) {
            legendWidth = 20 + legend.stream().mapToDouble(l -> 30 + 7.0 * l.label().length() + 20).sum();
            height += 36;
        }
        width = Math.max(width, legendWidth);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(esc(cssClass)).append("\" id=\"").append(esc(id))
                .append("\" role=\"group\" aria-labelledby=\"").append(esc(id)).append("-title\" aria-describedby=\"")
                .append(esc(describedBy == null ? id + "-outline" : describedBy)).append("\" width=\"").append(fmt(width)).append("\" height=\"")
                .append(fmt(height)).append("\" viewBox=\"0 0 ").append(fmt(width)).append(' ').append(fmt(height)).append('"');
        attributes.forEach((k, v) -> s.append(' ').append(esc(k)).append("=\"").append(esc(v)).append('"'));
        s.append("><title id=\"").append(esc(id)).append("-title\">").append(esc(title)).append("</title>")
                .append("<defs><marker id=\"").append(esc(id)).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" ")
                .append("markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"").append(edgeColour)
                .append("\"/></marker></defs><g class=\"edges\" aria-hidden=\"true\">");
        for (int i = 0; i < edges.size(); i++) {
            List<double[]> route = laid.routes().get(i);
            if (route != null) {
                edge(s, edges.get(i), route);
            }
        }
        s.append("</g><g class=\"nodes\">");
        for (Node n : nodes) {
            node(s, n, boxes.get(n.key));
        }
        s.append("</g>");
        if (!legend.isEmpty()) {
            legend(s, legendY);
        }
        return s.append("</svg>").toString();
    }

    /** The graph as text: each node with the nodes its edges lead to. */
    public String outline() {
        Map<String, Node> byKey = new LinkedHashMap<>();
        nodes.forEach(n -> byKey.put(n.key, n));
        StringBuilder s = new StringBuilder("<details class=\"diagram-outline\" id=\"").append(esc(id)).append("-outline\"><summary>")
                .append(esc(title)).append(" as text</summary><ul>");
        for (Node n : nodes) {
            s.append("<li>").append(esc(String.join(" ", n.lines) + (n.detail == null || n.detail.isBlank() ? "" : ", " + n.detail)));
            List<String> out = new ArrayList<>();
            for (Edge e : edges) {
                Node to = byKey.get(e.to());
                if (e.from().equals(n.key) && to != null) {
                    out.add(esc(String.join(" ", to.lines)) + (e.label() == null || e.label().isBlank() ? "" : " (" + esc(e.label()) + ")"));
                }
            }
            if (!out.isEmpty()) {
                s.append(": leads to ").append(String.join(", ", out));
            }
            s.append("</li>");
        }
        return s.append("</ul></details>").toString();
    }

    private void edge(StringBuilder s, Edge e, List<double[]> points) {
        StringBuilder d = new StringBuilder();
        for (double[] p : points) {
            d.append(d.isEmpty() ? "M " : " L ").append(fmt(p[0])).append(' ').append(fmt(p[1]));
        }
        s.append("<path class=\"").append(esc(e.cssClass())).append('"');
        e.data().forEach((k, v) -> s.append(" data-").append(esc(k)).append("=\"").append(esc(v)).append('"'));
        s.append(" d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(edgeColour).append("\" stroke-width=\"1.5\" marker-end=\"url(#")
                .append(esc(id)).append("-arrow)\"/>");
        if (e.label() != null && !e.label().isBlank()) {
            double[] mid = points.get(points.size() / 2 - (points.size() % 2 == 0 ? 1 : 0));
            double[] next = points.get(Math.min(points.size() - 1, points.size() / 2));
            double lx = (mid[0] + next[0]) / 2;
            double ly = (mid[1] + next[1]) / 2;
            double w = DiagramLayout.labelWidth(e.label());
            s.append("<g class=\"").append(esc(e.cssClass())).append("-label\"><rect x=\"").append(fmt(lx - w / 2)).append("\" y=\"").append(fmt(ly - 9))
                    .append("\" width=\"").append(fmt(w)).append("\" height=\"16\" rx=\"3\" fill=\"#ffffff\" stroke=\"").append(edgeColour)
                    .append("\"/><text x=\"").append(fmt(lx)).append("\" y=\"").append(fmt(ly + 3))
                    .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1f2933\">").append(esc(e.label())).append("</text></g>");
        }
    }

    private static void node(StringBuilder s, Node n, Box b) {
        s.append("<a class=\"").append(esc(n.cssClass)).append('"');
        if (n.htmlId != null) {
            s.append(" id=\"").append(esc(n.htmlId)).append('"');
        }
        s.append(" href=\"").append(esc(n.href)).append('"');
        n.data.forEach((k, v) -> s.append(" data-").append(esc(k)).append("=\"").append(esc(v)).append('"'));
        s.append(" data-x=\"").append(fmt(b.x())).append("\" data-y=\"").append(fmt(b.y())).append("\" aria-label=\"").append(esc(n.name()))
                // No <title> inside the link: its text would count as visible text that the name does not contain.
                .append("\">");
        shape(s, n.shape, b, n.fill, n.stroke, n.strokeWidth, n.dashed);
        text(s, n, b);
        if (n.decoration != null) {
            s.append("<g aria-hidden=\"true\">");
            n.decoration.draw(s, b);
            s.append("</g>");
        }
        s.append("</a>");
        if (n.overlay != null) {
            s.append("<g class=\"overlay\" aria-hidden=\"true\" pointer-events=\"none\">");
            n.overlay.draw(s, b);
            s.append("</g>");
        }
    }

    private static void shape(StringBuilder s, Shape shape, Box b, String fill, String stroke, double strokeWidth, boolean dashed) {
        if (shape == Shape.DIAMOND) {
            s.append("<polygon points=\"").append(fmt(b.cx())).append(',').append(fmt(b.y())).append(' ').append(fmt(b.right())).append(',')
                    .append(fmt(b.cy())).append(' ').append(fmt(b.cx())).append(',').append(fmt(b.bottom())).append(' ').append(fmt(b.x())).append(',')
                    .append(fmt(b.cy())).append('"');
        } else {
            s.append("<rect x=\"").append(fmt(b.x())).append("\" y=\"").append(fmt(b.y())).append("\" width=\"").append(fmt(b.w()))
                    .append("\" height=\"").append(fmt(b.h())).append("\" rx=\"").append(shape == Shape.PILL ? fmt(Math.min(18, b.h() / 2)) : "6").append('"');
        }
        s.append(" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(fmt(strokeWidth)).append('"')
                .append(dashed ? " stroke-dasharray=\"5 3\"" : "").append("/>");
    }

    /** The visible lines, shortened where too long (the link's name holds them in full). */
    private static void text(StringBuilder s, Node n, Box b) {
        List<String> lines = n.shown();
        for (int i = 0; i < lines.size(); i++) {
            String shown = lines.get(i);
            double x;
            double y;
            String attrs;
            switch (n.text) {
                case TOP_LEFT -> {
                    x = b.x() + 14;
                    y = b.y() + 19 + 18 * i;
                    attrs = i == 0 ? "font-size=\"13\" font-weight=\"600\" fill=\"#1d2126\"" : "font-size=\"11\" fill=\"#3b424a\"";
                }
                case BOTTOM -> {
                    x = b.cx();
                    y = b.bottom() - 12 - 16 * (n.lines.size() - 1 - i);
                    attrs = "font-size=\"12\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1f2933\"";
                }
                default -> {
                    x = b.cx();
                    y = b.cy() + 4 + 16 * (i - (n.lines.size() - 1) / 2.0);
                    attrs = "font-size=\"12\" text-anchor=\"middle\" fill=\"#1f2933\"";
                }
            }
            s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" ").append(attrs)
                    .append('>').append(esc(shown)).append("</text>");
        }
    }

    private void legend(StringBuilder s, double y) {
        s.append("<g class=\"").append(esc(legendClass)).append("\" aria-hidden=\"true\">");
        double x = 20;
        for (LegendEntry l : legend) {
            shape(s, l.shape(), new Box(x, y + 4, 16, 16), l.fill(), l.stroke(), l.strokeWidth(), l.dashed());
            s.append("<text x=\"").append(fmt(x + 22)).append("\" y=\"").append(fmt(y + 17)).append("\" font-size=\"12\" fill=\"#1f2933\">")
                    .append(esc(l.label())).append("</text>");
            x += 30 + 7.0 * l.label().length() + 20;
        }
        s.append("</g>");
    }
}
