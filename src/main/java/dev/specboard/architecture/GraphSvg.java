package dev.specboard.architecture;

import dev.specboard.kernel.DependencyGraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Draws (part of) a project's dependency graph as an SVG picture on the server: a layered layout,
 * nodes coloured by context with three completion marks (D, C, T), every node a link to its
 * component. The picture is a labelled group with a {@code <title>}; pages add a text list for
 * screen readers and keyboards.
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
     * The SVG of the given components (and the edges between them), with {@code focus} (may be null)
     * drawn emphasised; {@code idPrefix} keeps ids unique when a page shows two pictures.
     */
    public static String render(String slug, List<ComponentRow> rows, Map<UUID, Colour> palette, UUID focus, String title, String idPrefix) {
        Map<UUID, ComponentRow> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<DependencyGraph.Edge<UUID>> edges = new ArrayList<>();
        for (ComponentRow r : rows) {
            for (UUID to : r.dependsOn()) {
                if (byId.containsKey(to)) {
                    edges.add(new DependencyGraph.Edge<>(r.id(), to));
                }
            }
        }
        DependencyGraph<UUID> graph = new DependencyGraph<>(byId.keySet(), edges);
        GraphLayout<UUID> layout = GraphLayout.of(graph);
        StringBuilder s = new StringBuilder(4096 + rows.size() * 900);
        String titleId = idPrefix + "-title";
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dependency-graph\" id=\"").append(idPrefix)
                .append("\" role=\"group\" aria-labelledby=\"").append(titleId).append("\" width=\"").append(layout.width())
                .append("\" height=\"").append(layout.height()).append("\" viewBox=\"0 0 ").append(layout.width()).append(' ')
                .append(layout.height()).append("\" data-nodes=\"").append(rows.size()).append("\" data-edges=\"").append(edges.size()).append("\">");
        s.append("<title id=\"").append(titleId).append("\">").append(esc(title)).append("</title>");
        s.append("<defs><marker id=\"").append(idPrefix).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" ")
                .append("markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#59616b\"/></marker></defs>");
        s.append("<g class=\"edges\" aria-hidden=\"true\">");
        for (DependencyGraph.Edge<UUID> e : edges) {
            GraphLayout.Box a = layout.boxes().get(e.from());
            GraphLayout.Box b = layout.boxes().get(e.to());
            int x1 = a.right();
            int y1 = a.centerY();
            int x2 = b.x();
            int y2 = b.centerY();
            int dx = Math.max(30, (x2 - x1) / 2);
            s.append("<path class=\"edge\" data-from=\"").append(e.from()).append("\" data-to=\"").append(e.to()).append("\" d=\"M ")
                    .append(x1).append(' ').append(y1).append(" C ").append(x1 + dx).append(' ').append(y1).append(", ")
                    .append(x2 - dx).append(' ').append(y2).append(", ").append(x2).append(' ').append(y2)
                    .append("\" fill=\"none\" stroke=\"#8b939c\" stroke-width=\"1.4\" marker-end=\"url(#").append(idPrefix).append("-arrow)\"/>");
        }
        s.append("</g><g class=\"nodes\">");
        for (ComponentRow r : rows) {
            node(s, slug, r, layout.boxes().get(r.id()), palette, Objects.equals(r.id(), focus));
        }
        s.append("</g></svg>");
        return s.toString();
    }

    private static void node(StringBuilder s, String slug, ComponentRow r, GraphLayout.Box b, Map<UUID, Colour> palette, boolean focus) {
        Colour c = r.contextId() == null ? NO_CONTEXT : palette.getOrDefault(r.contextId(), NO_CONTEXT);
        String label = r.name() + " (" + r.type() + ", " + r.contextLabel() + "): docs " + r.docs().label() + ", code " + r.code().label()
                + ", tests " + r.tests().label() + (r.dirty() ? ", context changed" : "");
        s.append("<a class=\"node").append(focus ? " focus" : "").append("\" id=\"node-").append(r.id()).append("\" href=\"/projects/")
                .append(esc(slug)).append("/components/").append(r.id()).append("\">");
        // Named by its <title> (no aria-label): a label that differs from the visible, truncated text confuses voice control.
        s.append("<title>").append(esc(label)).append("</title>");
        s.append("<rect x=\"").append(b.x()).append("\" y=\"").append(b.y()).append("\" width=\"").append(b.width()).append("\" height=\"")
                .append(b.height()).append("\" rx=\"6\" fill=\"").append(c.fill()).append("\" stroke=\"").append(focus ? "#1d2126" : c.stroke())
                .append("\" stroke-width=\"").append(focus ? 3 : 1.5).append("\"/>");
        s.append("<rect x=\"").append(b.x()).append("\" y=\"").append(b.y()).append("\" width=\"6\" height=\"").append(b.height())
                .append("\" rx=\"3\" fill=\"").append(c.stroke()).append("\"/>");
        s.append("<text x=\"").append(b.x() + 14).append("\" y=\"").append(b.y() + 19).append("\" font-size=\"13\" font-weight=\"600\" fill=\"#1d2126\">")
                .append(esc(truncate(r.name(), 25))).append("</text>");
        s.append("<text x=\"").append(b.x() + 14).append("\" y=\"").append(b.y() + 37).append("\" font-size=\"11\" fill=\"#3b424a\">")
                .append(esc(truncate(r.type() + " · " + r.contextLabel(), 19))).append("</text>");
        int mx = b.right() - 3 * 17 - 4;
        int my = b.y() + 26;
        mark(s, mx, my, "D", r.docs());
        mark(s, mx + 17, my, "C", r.code());
        mark(s, mx + 34, my, "T", r.tests());
        if (r.dirty()) {
            s.append("<circle cx=\"").append(b.right() - 8).append("\" cy=\"").append(b.y() + 9).append("\" r=\"4\" fill=\"#8a5a00\"/>");
        }
        s.append("</a>");
    }

    private static void mark(StringBuilder s, int x, int y, String letter, Flag flag) {
        String cls = "mark " + (flag.done() ? "done" : "todo") + (flag.derived() ? " derived" : "");
        s.append("<g class=\"").append(cls).append("\" data-mark=\"").append(letter).append("\"><rect x=\"").append(x).append("\" y=\"").append(y)
                .append("\" width=\"15\" height=\"15\" rx=\"3\" fill=\"").append(flag.done() ? "#1e7a3c" : "#ffffff").append("\" stroke=\"")
                .append(flag.done() ? "#1e7a3c" : "#59616b").append('"').append(flag.derived() ? " stroke-dasharray=\"2 2\"" : "").append("/>")
                .append("<text x=\"").append(x + 7.5).append("\" y=\"").append(y + 11.5).append("\" font-size=\"10\" font-weight=\"700\" text-anchor=\"middle\" fill=\"")
                .append(flag.done() ? "#ffffff" : "#3b424a").append("\">").append(letter).append("</text></g>");
    }

    static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** The components within {@code depth} steps of {@code focus}, in the project's order. */
    public static List<ComponentRow> neighbourhood(ComponentSet set, UUID focus, int depth) {
        Set<UUID> keep = set.graph().neighbourhood(focus, depth);
        return set.rows().stream().filter(r -> keep.contains(r.id())).toList();
    }
}
