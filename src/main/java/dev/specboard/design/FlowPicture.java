package dev.specboard.design;

import dev.specboard.web.diagram.Diagram;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.specboard.web.diagram.Svg.esc;
import static dev.specboard.web.diagram.Svg.fmt;

/**
 * Draws a journey with the shared {@link Diagram} renderer: screens show their mockup's thumbnail, decisions are
 * diamonds with labelled branches, data stores have round ends, annotations a dashed border, ends a thick one; a node
 * a member dragged keeps its place, and a locked one is not dragged (the page dots its frame). The page's own outline ({@code #outline}) describes the picture.
 */
public final class FlowPicture {

    /** A node to draw: its key, type, label, the link it opens and its mockup frame (screens with a mockup). */
    public record Node(UUID id, String key, String type, String label, String href, String frame, List<FlowModel.Connection> connections,
                       boolean ends, boolean locked) {
    }

    private static final Map<String, String[]> STYLE = Map.of(
            "screen", new String[] {"#dbe8fb", "#1f5fbf"}, "decision", new String[] {"#fdeccf", "#8a5a00"},
            "action", new String[] {"#e3f3e6", "#1e7a3c"}, "database", new String[] {"#f4e1f2", "#8b2f85"},
            "annotation", new String[] {"#fffbe6", "#8a7a00"});

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

    static Diagram.Shape shape(String type) {
        return switch (type) {
            case "decision" -> Diagram.Shape.DIAMOND;
            case "database" -> Diagram.Shape.PILL;
            default -> Diagram.Shape.BOX;
        };
    }

    public static String svg(String title, List<Node> nodes, FlowModel.Canvas canvas) {
        if (nodes.isEmpty()) {
            return "";
        }
        Diagram d = Diagram.of("flow-svg", "flow-picture", title).describedBy("outline").legendClass("flow-legend");
        Map<UUID, String> keys = new HashMap<>();
        nodes.forEach(n -> keys.put(n.id(), n.key()));
        for (Node n : nodes) {
            String[] st = STYLE.getOrDefault(n.type(), STYLE.get("action"));
            double[] size = size(n.type());
            boolean screen = n.type().equals("screen");
            Diagram.Node node = d.node(n.key(), n.href()).id("svg-node-" + n.key()).cssClass("flow-node flow-" + n.type() + (n.locked() ? " flow-locked" : ""))
                    .data("key", n.key())
                    .shape(shape(n.type())).size(size[0], size[1])
                    .colours(st[0], st[1], n.ends() ? 4 : 2, n.type().equals("annotation"))
                    .text(screen ? Diagram.Text.BOTTOM : Diagram.Text.CENTER, n.type().equals("decision") ? 18 : screen ? 24 : 22,
                            screen && n.frame() == null ? new String[] {n.label(), "no mockup"} : new String[] {n.label()})
                    .detail(n.type() + (n.ends() ? ", end" : "") + (n.locked() ? ", locked" : ""));
            if (n.locked()) {
                node.data("locked", "true");
            }
            FlowModel.Position moved = canvas.positions().get(n.key());
            if (moved != null) {
                node.fixedAt(moved.x(), moved.y());
            }
            if (screen && n.frame() != null) {
                node.decoration((svg, b) -> thumbnail(svg, b, n));
            }
            for (FlowModel.Connection c : n.connections()) {
                String to = keys.get(c.targetNodeId());
                if (to != null) {
                    d.edge(new Diagram.Edge(n.key(), to, c.label(), "flow-edge", Map.of()));
                }
            }
        }
        String svg = d.svg();
        return d.simple() ? SIMPLE + svg : svg;
    }

    /** Said above the picture of a journey too large for the layered layout (see {@link Diagram#simple()}). */
    static final String SIMPLE = "<p class=\"notice\" id=\"flow-simple\">This journey is large: shown in a simple layout.</p>";

    /** The key to the node shapes and colours, as a list the page shows under the picture (it wraps on a phone). */
    public static String legend() {
        Diagram d = Diagram.of("flow-svg", "flow-picture", "Key").legendClass("flow-legend");
        for (String type : FlowNode.TYPES) {
            String[] st = STYLE.get(type);
            d.legend(new Diagram.LegendEntry(type, shape(type), st[0], st[1], 2, type.equals("annotation")));
        }
        return d.legend(new Diagram.LegendEntry("end", Diagram.Shape.BOX, "#ffffff", "#3d4852", 4, false)).legendHtml();
    }

    /** A screen's mockup as a thumbnail: its scripts never run, as many show at once (a loop in one would freeze the page). */
    private static void thumbnail(StringBuilder svg, Diagram.Box b, Node n) {
        svg.append("<foreignObject x=\"").append(fmt(b.x() + 10)).append("\" y=\"").append(fmt(b.y() + 8))
                .append("\" width=\"160\" height=\"100\"><div xmlns=\"http://www.w3.org/1999/xhtml\" class=\"thumb\"><iframe src=\"")
                .append(esc(n.frame() + MockupDocument.THUMBNAIL)).append("\" sandbox=\"\" loading=\"lazy\" tabindex=\"-1\" aria-hidden=\"true\" title=\"")
                .append(esc(n.label())).append(" mockup\"></iframe></div></foreignObject>");
    }
}
