package dev.specboard.web.diagram;

import dev.specboard.web.diagram.Diagram.Box;
import dev.specboard.web.diagram.Diagram.Edge;
import dev.specboard.web.diagram.Diagram.LegendEntry;
import dev.specboard.web.diagram.Diagram.Node;
import dev.specboard.web.diagram.Diagram.Shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.specboard.web.diagram.Svg.esc;
import static dev.specboard.web.diagram.Svg.fmt;

/** Draws a {@link Diagram}: the SVG picture (edges, nodes with their shapes and text, legend) and its text outline. */
final class DiagramSvg {

    private DiagramSvg() {
    }

    /** The diagram's SVG picture, laid out by {@link DiagramLayout}. */
    static String svg(Diagram d) {
        DiagramLayout.Result laid = DiagramLayout.layout(d);
        Map<String, Box> boxes = laid.boxes();
        double width = 200;
        double height = 100;
        for (Box b : boxes.values()) {
            width = Math.max(width, b.right() + DiagramLayout.MARGIN);
            height = Math.max(height, b.bottom() + DiagramLayout.MARGIN);
        }
        StringBuilder s = new StringBuilder(2048 + d.nodes.size() * 900);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(esc(d.cssClass)).append("\" id=\"").append(esc(d.id))
                .append("\" role=\"group\" aria-labelledby=\"").append(esc(d.id)).append("-title\" aria-describedby=\"")
                .append(esc(d.describedBy == null ? d.id + "-outline" : d.describedBy)).append("\" width=\"").append(fmt(width)).append("\" height=\"")
                .append(fmt(height)).append("\" viewBox=\"0 0 ").append(fmt(width)).append(' ').append(fmt(height)).append('"');
        d.attributes.forEach((k, v) -> s.append(' ').append(esc(k)).append("=\"").append(esc(v)).append('"'));
        s.append("><title id=\"").append(esc(d.id)).append("-title\">").append(esc(d.title)).append("</title>")
                .append("<defs><marker id=\"").append(esc(d.id)).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" ")
                .append("markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"").append(d.edgeColour)
                .append("\"/></marker></defs>");
        // The lines' look is said once on their group (presentation attributes, inherited), not on each of 2,000 paths;
        // the labels follow in a group of their own, so that they inherit no marker and lie over every line.
        s.append("<g class=\"edges\" aria-hidden=\"true\" fill=\"none\" stroke=\"").append(d.edgeColour)
                .append("\" stroke-width=\"1.5\" marker-end=\"url(#").append(esc(d.id)).append("-arrow)\">");
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < d.edges.size(); i++) {
            List<double[]> route = laid.routes().get(i);
            if (route != null) {
                edge(s, labels, d.edges.get(i), route);
            }
        }
        s.append("</g>");
        if (!labels.isEmpty()) {
            s.append("<g class=\"edge-labels\" aria-hidden=\"true\" fill=\"#ffffff\" stroke=\"").append(d.edgeColour)
                    .append("\" font-size=\"11\" text-anchor=\"middle\">").append(labels).append("</g>");
        }
        s.append("<g class=\"nodes\">");
        for (Node n : d.nodes) {
            node(s, n, boxes.get(n.key));
        }
        return s.append("</g></svg>").toString();
    }

    /** The graph as text: each node with the d.nodes its d.edges lead to. */
    static String outline(Diagram d) {
        Map<String, Node> byKey = new LinkedHashMap<>();
        d.nodes.forEach(n -> byKey.put(n.key, n));
        StringBuilder s = new StringBuilder("<details class=\"diagram-outline\" id=\"").append(esc(d.id)).append("-outline\"><summary>")
                .append(esc(d.title)).append(" as text</summary><ul>");
        for (Node n : d.nodes) {
            s.append("<li>").append(esc(String.join(" ", n.lines) + (n.detail == null || n.detail.isBlank() ? "" : ", " + n.detail)));
            List<String> out = new ArrayList<>();
            for (Edge e : d.edges) {
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

    /** One line as a path (its look comes from the edges' group) and, when labelled, its label into {@code labels}. */
    private static void edge(StringBuilder s, StringBuilder labels, Edge e, List<double[]> points) {
        s.append("<path class=\"").append(esc(e.cssClass())).append('"');
        e.data().forEach((k, v) -> s.append(" data-").append(esc(k)).append("=\"").append(esc(v)).append('"'));
        s.append(" d=\"");
        for (int i = 0; i < points.size(); i++) {
            s.append(i == 0 ? "M " : " L ").append(fmt(points.get(i)[0])).append(' ').append(fmt(points.get(i)[1]));
        }
        s.append("\"/>");
        if (e.label() != null && !e.label().isBlank()) {
            double[] mid = points.get(points.size() / 2 - (points.size() % 2 == 0 ? 1 : 0));
            double[] next = points.get(Math.min(points.size() - 1, points.size() / 2));
            double lx = (mid[0] + next[0]) / 2;
            double ly = (mid[1] + next[1]) / 2;
            double w = DiagramLayout.labelWidth(e.label());
            labels.append("<g class=\"").append(esc(e.cssClass())).append("-label\"><rect x=\"").append(fmt(lx - w / 2)).append("\" y=\"")
                    .append(fmt(ly - 9)).append("\" width=\"").append(fmt(w)).append("\" height=\"16\" rx=\"3\"/><text x=\"").append(fmt(lx))
                    .append("\" y=\"").append(fmt(ly + 3)).append("\" fill=\"#1f2933\" stroke=\"none\">").append(esc(e.label())).append("</text></g>");
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
                // No <d.title> inside the link: its text would count as visible text that the name does not contain.
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
            // A line but the last ends in a space (not drawn): assistive checks read the lines' texts run together
            // ("Step 0no mockup"), which the link's name ("Step 0 no mockup, screen") would then not contain.
            s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" ").append(attrs)
                    .append('>').append(esc(shown)).append(i < lines.size() - 1 ? " " : "").append("</text>");
        }
    }

    /**
     * The legend as an HTML list after the picture, not inside it: a list wraps on a narrow screen, where a row drawn in the
     * picture was cut off or made the picture wider than the nodes need.
     */
    static String legend(Diagram d) {
        if (d.legend.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<ul class=\"legend").append("legend".equals(d.legendClass) ? "" : " " + esc(d.legendClass)).append("\" id=\"").append(esc(d.id))
                .append("-legend\" aria-label=\"Key to the picture\">");
        for (LegendEntry l : d.legend) {
            s.append("<li><svg class=\"swatch\" viewBox=\"0 0 20 20\" aria-hidden=\"true\" focusable=\"false\">");
            shape(s, l.shape(), new Box(2, 2, 16, 16), l.fill(), l.stroke(), l.strokeWidth(), l.dashed());
            s.append("</svg>").append(esc(l.label())).append("</li>");
        }
        return s.append("</ul>").toString();
    }
}
