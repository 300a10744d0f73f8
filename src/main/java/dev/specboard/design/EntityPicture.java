package dev.specboard.design;

import dev.specboard.web.PageNumbers;
import dev.specboard.web.diagram.Diagram;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.specboard.web.diagram.Svg.esc;
import static dev.specboard.web.diagram.Svg.fmt;

/**
 * The entity model drawn with the shared {@link Diagram} renderer: one box per entity with its fields and types, an
 * arrow per relationship labelled with its kind, confirmed entities in green; each box links to the entity's section,
 * and a text outline of the model follows the picture.
 */
public final class EntityPicture {

    static final int WIDTH = 220;
    static final int ROW = 18;
    static final int HEADER = 28;

    private EntityPicture() {
    }

    /**
     * The picture and what explains it: the legend and the outline go below the horizontally scrolling picture, so that
     * on a narrow screen they wrap to its width instead of inside the scroller.
     */
    public record Drawn(String svg, String key) {
    }

    public static String svg(List<InferredEntity> entities, String slug) {
        return draw(entities, slug).svg();
    }

    public static Drawn draw(List<InferredEntity> entities, String slug) {
        return draw(entities, slug, PageNumbers.of(1, entities.size(), Math.max(1, entities.size())));
    }

    /**
     * The picture of the whole model on the page {@code at} of the entities page: a node of an entity shown on that page
     * leads to it below, one of another page to it there.
     */
    public static Drawn draw(List<InferredEntity> entities, String slug, PageNumbers at) {
        if (entities.isEmpty()) {
            return new Drawn("", "");
        }
        Diagram d = Diagram.of("entity-svg", "entity-picture", "Entity model of " + slug + ": " + dev.specboard.web.PluralExtensions.plural(entities.size(), "entity"))
                .edgeColour("#59616b");
        Map<String, String> keyByName = new HashMap<>();
        entities.forEach(e -> keyByName.put(e.entityName, e.id.toString()));
        for (int i = 0; i < entities.size(); i++) {
            InferredEntity e = entities.get(i);
            int fields = e.fieldMap().size();
            int page = i / at.size() + 1;
            d.node(e.id.toString(), (page == at.page() ? "" : "/projects/" + slug + "/entities?page=" + page) + "#entity-" + e.id).cssClass("entity-node").size(WIDTH, HEADER + ROW * Math.max(1, fields) + 8)
                    .colours(e.userConfirmed ? "#e3f3e6" : "#f0f2f4", e.userConfirmed ? "#1e7a3c" : "#59616b", 1.5, false)
                    .text(Diagram.Text.TOP_LEFT, 20, e.entityName)
                    .detail(fields + (fields == 1 ? " field, " : " fields, ") + (e.userConfirmed ? "confirmed" : e.confidencePercent() + "% confident"))
                    .overlay((svg, b) -> fields(svg, b, e));
            for (EntityModel.Relationship r : e.relationshipList()) {
                String to = keyByName.get(r.targetEntity());
                if (to != null) {
                    d.edge(new Diagram.Edge(e.id.toString(), to, r.type().replace('_', ' '), "relationship", Map.of()));
                }
            }
        }
        d.legend(new Diagram.LegendEntry("confirmed", Diagram.Shape.BOX, "#e3f3e6", "#1e7a3c", 1.5, false))
                .legend(new Diagram.LegendEntry("inferred", Diagram.Shape.BOX, "#f0f2f4", "#59616b", 1.5, false));
        return new Drawn(d.svg(), d.legendHtml() + d.outline());
    }

    /** The confidence in the corner and one row per field: name, a star when required, type. */
    private static void fields(StringBuilder svg, Diagram.Box b, InferredEntity e) {
        svg.append("<text x=\"").append(fmt(b.right() - 10)).append("\" y=\"").append(fmt(b.y() + 19))
                .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#3d4852\">").append(e.confidencePercent()).append("%</text>");
        double y = b.y() + HEADER + 12;
        for (Map.Entry<String, EntityModel.Field> f : e.fieldMap().entrySet()) {
            svg.append("<text x=\"").append(fmt(b.x() + 14)).append("\" y=\"").append(fmt(y)).append("\" font-size=\"12\" fill=\"#1f2933\">")
                    .append(esc(f.getKey())).append(f.getValue().mandatory() ? "*" : "").append(" : ").append(esc(f.getValue().type())).append("</text>");
            y += ROW;
        }
    }
}
