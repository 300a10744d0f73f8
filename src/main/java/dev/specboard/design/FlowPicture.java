package dev.specboard.design;

import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Draws a journey as SVG on the server: the Eclipse Layout Kernel (layered) places the nodes and routes the
 * connections, a node a member dragged keeps its place; screens show their mockup's thumbnail, decisions are
 * diamonds with labelled branches, and a legend names the shapes. Each node is a link (so keyboards reach it).
 */
public final class FlowPicture {

    /** A node to draw: its key, type, label, the link it opens and its mockup frame (screens with a mockup). */
    public record Node(UUID id, String key, String type, String label, String href, String frame, List<FlowModel.Connection> connections,
                       boolean ends) {
    }

    /** Where a node was placed and how big it is. */
    record Box(double x, double y, double w, double h) {
        double cx() {
            return x + w / 2;
        }

        double cy() {
            return y + h / 2;
        }
    }

    private static final Map<String, String[]> STYLE = Map.of(
            "screen", new String[] {"#dbe8fb", "#1f5fbf"}, "decision", new String[] {"#fdeccf", "#8a5a00"},
            "action", new String[] {"#e3f3e6", "#1e7a3c"}, "database", new String[] {"#f4e1f2", "#8b2f85"},
            "annotation", new String[] {"#fffbe6", "#8a7a00"});

    static {
        // Registers ELK's option types (padding, margins...) with its cloning utility, and the layered algorithm's options.
        org.eclipse.elk.core.data.LayoutMetaDataService.getInstance()
                .registerLayoutMetaDataProviders(new org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider());
    }

    private FlowPicture() {
    }

    static double[] size(String type) {
        return switch (type) {
            case "screen" -> new double[] {180, 140};
            case "decision" -> new double[] {150, 90};
            case "annotation" -> new double[] {160, 60};
            default -> new double[] {150, 54};
        };
    }

    /** Lays the flow out with ELK (layered, left to right) and returns each node's box and each connection's route. */
    static Map<String, Object> layout(List<Node> nodes, FlowModel.Canvas canvas) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 40.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 70.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
        Map<UUID, ElkNode> elk = new LinkedHashMap<>();
        for (Node n : nodes) {
            ElkNode e = ElkGraphUtil.createNode(root);
            double[] s = size(n.type());
            e.setDimensions(s[0], s[1]);
            e.setIdentifier(n.key());
            elk.put(n.id(), e);
        }
        Map<String, ElkEdge> edges = new LinkedHashMap<>();
        for (Node n : nodes) {
            int i = 0;
            for (FlowModel.Connection c : n.connections()) {
                ElkNode target = elk.get(c.targetNodeId());
                if (target != null) {
                    ElkEdge e = ElkGraphUtil.createSimpleEdge(elk.get(n.id()), target);
                    if (c.label() != null && !c.label().isBlank()) {
                        ElkLabel l = ElkGraphUtil.createLabel(c.label(), e);
                        l.setDimensions(7.0 * c.label().length() + 8, 16);
                        l.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
                    }
                    edges.put(n.key() + "#" + i, e);
                }
                i++;
            }
        }
        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());
        Map<String, Box> boxes = new HashMap<>();
        for (Node n : nodes) {
            ElkNode e = elk.get(n.id());
            FlowModel.Position moved = canvas.positions().get(n.key());
            boxes.put(n.key(), moved != null ? new Box(Math.max(0, moved.x()), Math.max(0, moved.y()), e.getWidth(), e.getHeight())
                    : new Box(e.getX() + 20, e.getY() + 20, e.getWidth(), e.getHeight()));
        }
        Map<String, Object> out = new HashMap<>();
        out.put("boxes", boxes);
        out.put("edges", edges);
        return out;
    }

    @SuppressWarnings("unchecked")
    public static String svg(String title, List<Node> nodes, FlowModel.Canvas canvas) {
        if (nodes.isEmpty()) {
            return "";
        }
        Map<String, Object> laid = layout(nodes, canvas);
        Map<String, Box> boxes = (Map<String, Box>) laid.get("boxes");
        Map<String, ElkEdge> edges = (Map<String, ElkEdge>) laid.get("edges");
        Map<UUID, String> keys = new HashMap<>();
        nodes.forEach(n -> keys.put(n.id(), n.key()));
        double width = 200;
        double height = 120;
        for (Box b : boxes.values()) {
            width = Math.max(width, b.x() + b.w() + 20);
            height = Math.max(height, b.y() + b.h() + 20);
        }
        StringBuilder edgesSvg = new StringBuilder();
        for (Node n : nodes) {
            int i = 0;
            for (FlowModel.Connection c : n.connections()) {
                ElkEdge e = edges.get(n.key() + "#" + i++);
                String to = keys.get(c.targetNodeId());
                if (e == null || to == null) {
                    continue;
                }
                List<double[]> points = route(e, boxes.get(n.key()), boxes.get(to), canvas.positions().containsKey(n.key()) || canvas.positions().containsKey(to));
                StringBuilder d = new StringBuilder();
                for (double[] p : points) {
                    d.append(d.isEmpty() ? "M" : " L").append(fmt(p[0])).append(' ').append(fmt(p[1]));
                }
                edgesSvg.append("<path class=\"flow-edge\" d=\"").append(d).append("\" fill=\"none\" stroke=\"#3d4852\" stroke-width=\"1.5\" marker-end=\"url(#flow-arrow)\"/>");
                if (c.label() != null && !c.label().isBlank()) {
                    double[] mid = points.get(points.size() / 2 - (points.size() % 2 == 0 ? 1 : 0));
                    double[] next = points.get(Math.min(points.size() - 1, points.size() / 2));
                    double lx = (mid[0] + next[0]) / 2;
                    double ly = (mid[1] + next[1]) / 2;
                    double w = 7.0 * c.label().length() + 8;
                    edgesSvg.append("<g class=\"flow-edge-label\"><rect x=\"").append(fmt(lx - w / 2)).append("\" y=\"").append(fmt(ly - 9))
                            .append("\" width=\"").append(fmt(w)).append("\" height=\"16\" rx=\"3\" fill=\"#ffffff\" stroke=\"#8a5a00\"/><text x=\"")
                            .append(fmt(lx)).append("\" y=\"").append(fmt(ly + 3)).append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1f2933\">")
                            .append(esc(c.label())).append("</text></g>");
                }
            }
        }
        StringBuilder nodesSvg = new StringBuilder();
        for (Node n : nodes) {
            Box b = boxes.get(n.key());
            String[] st = STYLE.getOrDefault(n.type(), STYLE.get("action"));
            nodesSvg.append("<a href=\"").append(esc(n.href())).append("\" class=\"flow-node flow-").append(n.type()).append("\" id=\"svg-node-")
                    .append(esc(n.key())).append("\" data-key=\"").append(esc(n.key())).append("\" data-x=\"").append(fmt(b.x())).append("\" data-y=\"")
                    .append(fmt(b.y())).append("\" aria-label=\"").append(esc(n.type() + ": " + n.label())).append("\"><title>")
                    .append(esc(n.type() + ": " + n.label())).append("</title>");
            switch (n.type()) {
                case "decision" -> nodesSvg.append("<polygon points=\"").append(fmt(b.cx())).append(',').append(fmt(b.y())).append(' ')
                        .append(fmt(b.x() + b.w())).append(',').append(fmt(b.cy())).append(' ').append(fmt(b.cx())).append(',').append(fmt(b.y() + b.h()))
                        .append(' ').append(fmt(b.x())).append(',').append(fmt(b.cy())).append("\" fill=\"").append(st[0]).append("\" stroke=\"").append(st[1])
                        .append("\" stroke-width=\"2\"/>");
                case "database" -> nodesSvg.append("<rect x=\"").append(fmt(b.x())).append("\" y=\"").append(fmt(b.y())).append("\" width=\"").append(fmt(b.w()))
                        .append("\" height=\"").append(fmt(b.h())).append("\" rx=\"18\" fill=\"").append(st[0]).append("\" stroke=\"").append(st[1])
                        .append("\" stroke-width=\"2\"/>");
                default -> nodesSvg.append("<rect x=\"").append(fmt(b.x())).append("\" y=\"").append(fmt(b.y())).append("\" width=\"").append(fmt(b.w()))
                        .append("\" height=\"").append(fmt(b.h())).append("\" rx=\"6\" fill=\"").append(st[0]).append("\" stroke=\"").append(st[1])
                        .append("\" stroke-width=\"").append(n.ends() ? "4" : "2").append("\"").append(n.type().equals("annotation") ? " stroke-dasharray=\"5 3\"" : "")
                        .append("/>");
            }
            if (n.type().equals("screen")) {
                if (n.frame() != null) {
                    nodesSvg.append("<foreignObject x=\"").append(fmt(b.x() + 10)).append("\" y=\"").append(fmt(b.y() + 8))
                            .append("\" width=\"160\" height=\"100\"><div xmlns=\"http://www.w3.org/1999/xhtml\" class=\"thumb\"><iframe src=\"")
                            .append(esc(n.frame())).append("\" sandbox=\"allow-scripts\" loading=\"lazy\" tabindex=\"-1\" aria-hidden=\"true\" title=\"")
                            .append(esc(n.label())).append(" mockup\"></iframe></div></foreignObject>");
                } else {
                    nodesSvg.append("<text x=\"").append(fmt(b.cx())).append("\" y=\"").append(fmt(b.y() + 60))
                            .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#3d4852\">no mockup</text>");
                }
                nodesSvg.append("<text x=\"").append(fmt(b.cx())).append("\" y=\"").append(fmt(b.y() + b.h() - 12))
                        .append("\" font-size=\"12\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1f2933\">").append(esc(shorten(n.label(), 24))).append("</text>");
            } else {
                nodesSvg.append("<text x=\"").append(fmt(b.cx())).append("\" y=\"").append(fmt(b.cy() + 4))
                        .append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1f2933\">").append(esc(shorten(n.label(), n.type().equals("decision") ? 18 : 22)))
                        .append("</text>");
            }
            nodesSvg.append("</a>");
        }
        double legendY = height + 10;
        StringBuilder legend = new StringBuilder("<g class=\"flow-legend\" aria-hidden=\"true\">");
        double lx = 20;
        for (String type : FlowNode.TYPES) {
            String[] st = STYLE.get(type);
            legend.append(type.equals("decision")
                    ? "<polygon points=\"" + fmt(lx + 8) + "," + fmt(legendY) + " " + fmt(lx + 16) + "," + fmt(legendY + 8) + " " + fmt(lx + 8) + ","
                    + fmt(legendY + 16) + " " + fmt(lx) + "," + fmt(legendY + 8) + "\""
                    : "<rect x=\"" + fmt(lx) + "\" y=\"" + fmt(legendY) + "\" width=\"16\" height=\"16\" rx=\"" + (type.equals("database") ? 8 : 3) + "\"")
                    .append(" fill=\"").append(st[0]).append("\" stroke=\"").append(st[1]).append("\" stroke-width=\"2\"/>")
                    .append("<text x=\"").append(fmt(lx + 22)).append("\" y=\"").append(fmt(legendY + 13)).append("\" font-size=\"12\" fill=\"#1f2933\">")
                    .append(type).append("</text>");
            lx += 110;
        }
        legend.append("<rect x=\"").append(fmt(lx)).append("\" y=\"").append(fmt(legendY)).append("\" width=\"16\" height=\"16\" rx=\"3\" fill=\"#ffffff\" stroke=\"#3d4852\" stroke-width=\"4\"/>")
                .append("<text x=\"").append(fmt(lx + 22)).append("\" y=\"").append(fmt(legendY + 13)).append("\" font-size=\"12\" fill=\"#1f2933\">end</text></g>");
        width = Math.max(width, lx + 80);
        double total = legendY + 30;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow-picture\" role=\"group\" aria-labelledby=\"flow-picture-title\" viewBox=\"0 0 " + fmt(width)
                + " " + fmt(total) + "\" width=\"" + fmt(width) + "\" height=\"" + fmt(total) + "\"><title id=\"flow-picture-title\">" + esc(title)
                + "</title><defs><marker id=\"flow-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
                + "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#3d4852\"/></marker></defs>" + edgesSvg + nodesSvg + legend + "</svg>";
    }

    /** ELK's route (start, bends, end), or a straight line between the borders when a node was moved by hand. */
    private static List<double[]> route(ElkEdge e, Box from, Box to, boolean moved) {
        List<double[]> points = new ArrayList<>();
        if (!moved && !e.getSections().isEmpty()) {
            ElkEdgeSection s = e.getSections().get(0);
            points.add(new double[] {s.getStartX() + 20, s.getStartY() + 20});
            for (ElkBendPoint p : s.getBendPoints()) {
                points.add(new double[] {p.getX() + 20, p.getY() + 20});
            }
            points.add(new double[] {s.getEndX() + 20, s.getEndY() + 20});
            return points;
        }
        points.add(border(from, to.cx(), to.cy()));
        points.add(border(to, from.cx(), from.cy()));
        return points;
    }

    /** Where the line from a box's centre towards a point leaves the box. */
    static double[] border(Box b, double px, double py) {
        double dx = px - b.cx();
        double dy = py - b.cy();
        if (dx == 0 && dy == 0) {
            return new double[] {b.cx(), b.cy()};
        }
        double sx = dx == 0 ? Double.MAX_VALUE : (b.w() / 2) / Math.abs(dx);
        double sy = dy == 0 ? Double.MAX_VALUE : (b.h() / 2) / Math.abs(dy);
        double s = Math.min(sx, sy);
        return new double[] {b.cx() + dx * s, b.cy() + dy * s};
    }

    private static String shorten(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    static String esc(String s) {
        return EntityPicture.esc(s);
    }
}
